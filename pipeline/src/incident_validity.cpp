#include "gebiedscan/pipeline/incident_validity.hpp"

#include <fmt/core.h>

namespace gebiedscan::pipeline {

std::optional<PointRd> incidentPoint(const gis::Feature& feature, std::string& reason, std::string& shown)
{
    using Kind = gis::FeatureGeometry::Kind;
    const auto& g = feature.geometry;
    if (feature.atOrigin) {
        reason = "punt op (0, 0): niet gegeocodeerd";
        shown = "(0, 0)";
        return std::nullopt;
    }
    switch (g.kind) {
    case Kind::None:
        reason = "geen (geldige) geometrie";
        shown = "";
        return std::nullopt;
    case Kind::Line:
        reason = "een lijn, geen punt";
        shown = "lijn";
        return std::nullopt;
    case Kind::Polygon:
        reason = "een vlak, geen punt";
        shown = "vlak";
        return std::nullopt;
    case Kind::Point: break;
    }
    if (g.points.size() != 1) {
        reason = "multipunt van meer dan één deel";
        shown = fmt::format("multipunt, {} delen", g.points.size());
        return std::nullopt;
    }
    return g.points[0];
}

} // namespace gebiedscan::pipeline
