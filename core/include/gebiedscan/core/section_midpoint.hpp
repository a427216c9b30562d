#pragma once
#include "gebiedscan/core/black_spots.hpp"
#include "gebiedscan/core/geometry.hpp"

#include <vector>

namespace gebiedscan {

/// The point halfway along a polyline (by length); its first point when it has no length.
[[nodiscard]] PointRd halfwayAlong(const std::vector<PointRd>& polyline);

/// Where a black spot is: a junction's point, or the point halfway along a section. The one rule
/// for the x/y columns and for counting a section in an area.
[[nodiscard]] PointRd blackSpotPoint(const BlackSpot& spot);

} // namespace gebiedscan
