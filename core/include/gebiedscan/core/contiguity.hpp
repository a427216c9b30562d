#pragma once
#include "gebiedscan/core/geometry.hpp"
#include "gebiedscan/core/spatial_weights.hpp"

#include <vector>

namespace gebiedscan {

/// Which shared boundary makes two polygons neighbours.
enum class Contiguity {
    Queen, ///< at least one shared boundary point (a corner suffices)
    Rook,  ///< at least two shared boundary points (a shared edge)
};

/// Contiguity weights (binary, symmetric) between areas, by exact vertex hashing.
///
/// The definition is spdep `poly2nb`: two areas are neighbours when a vertex of one lies within
/// `snap` (working-CRS metres, per axis) of a vertex of the other; queen needs one such shared
/// point, rook two distinct ones. Like poly2nb it compares vertices, not vertex-to-edge: layers
/// whose neighbours share vertices (CBS and PDOK boundaries, grids) are handled exactly; a
/// T-junction without a vertex on the other side is not seen as contact.
/// Cost: O(V log V) for V vertices (100,000 lattice cells in well under a second).
[[nodiscard]] SpatialWeights contiguityWeights(const std::vector<MultiPolygon>& areas, Contiguity rule,
                                               double snap = 1e-6);

} // namespace gebiedscan
