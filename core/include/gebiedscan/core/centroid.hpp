#pragma once
#include "gebiedscan/core/geometry.hpp"

namespace gebiedscan {

/// Area-weighted centroid of a multipolygon (holes subtract); the vertex mean if it has no area,
/// NaN for an empty geometry. Used where areas become points (knn or band weights).
[[nodiscard]] PointRd centroidOf(const MultiPolygon& geometry);

} // namespace gebiedscan
