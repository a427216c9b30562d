#pragma once
// The one validity rule for the location of a registration, used by every command.
#include "gebiedscan/gis/vector_reader.hpp"

#include <optional>
#include <string>

namespace gebiedscan::pipeline {

/// The point of a registration, or nullopt with the reason (Dutch, for messages) and the value
/// as shown to the user. The rule:
/// - a Point is that point;
/// - a MultiPoint of one part is that part; of several parts it is invalid (which part is the
///   scene cannot be told, and counting every part would count one registration several times);
/// - a point (or any part) at exactly (0, 0) in the layer's own CRS is invalid: the mark of a
///   record that was never geocoded (see gis::Feature::atOrigin);
/// - no geometry, an empty one, a line or a polygon is invalid; so is a point the
///   transformation to the working CRS failed on (the reader gives no geometry then).
[[nodiscard]] std::optional<PointRd> incidentPoint(const gis::Feature& feature, std::string& reason,
                                                   std::string& shown);

} // namespace gebiedscan::pipeline
