#pragma once
#include "gebiedscan/core/geometry.hpp"

#include <vector>

namespace gebiedscan::gis {

/// Dissolves polygons into one (GEOS unary union), e.g. buurten into their wijk.
/// Throws Error with GEOS's message on failure.
[[nodiscard]] MultiPolygon dissolve(const std::vector<const MultiPolygon*>& parts);

/// The part of `a` inside `b` (GEOS intersection, polygonal parts only), e.g. the piece of a grid
/// cell in one buurt. Throws Error with GEOS's message on failure.
[[nodiscard]] MultiPolygon intersection(const MultiPolygon& a, const MultiPolygon& b);

/// True when the polygons intersect the axis-aligned rectangle (GEOS, prepared geometry).
[[nodiscard]] std::vector<bool> intersectsCells(const MultiPolygon& region, const std::vector<Envelope>& cells);

} // namespace gebiedscan::gis
