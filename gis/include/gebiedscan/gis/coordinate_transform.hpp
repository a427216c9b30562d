#pragma once
#include "gebiedscan/core/geometry.hpp"

#include <memory>
#include <string>
#include <vector>

namespace gebiedscan::gis {

/// A PROJ transformation between two CRSs in traditional GIS axis order (x = easting/longitude,
/// y = northing/latitude; `proj_normalize_for_visualization`). One object per thread: it owns
/// its PROJ context. Used by the viewer for the cursor position in WGS84 and by exports.
class CoordinateTransform {
public:
    /// Throws InputError when either CRS is unknown or no transformation exists.
    CoordinateTransform(const std::string& fromCrs, const std::string& toCrs);
    ~CoordinateTransform();
    CoordinateTransform(const CoordinateTransform&) = delete;
    CoordinateTransform& operator=(const CoordinateTransform&) = delete;

    /// Transforms one point; NaN coordinates when PROJ cannot transform it.
    [[nodiscard]] PointRd transform(const PointRd& p) const;
    /// Transforms points in place (one proj_trans_generic call).
    void transform(std::vector<PointRd>& points) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Everything about one layer of a dataset that a viewer needs before reading it.
struct LayerInfo {
    enum class FieldType { Integer, Real, String, Other };
    struct Field {
        std::string name;
        FieldType type = FieldType::String;
    };
    std::string name;
    bool spatial = false;           ///< has a geometry column
    std::string geometryType;       ///< OGR name: "Multi Polygon", "Point", ... ("None")
    std::int64_t featureCount = -1; ///< -1 when unknown
    std::vector<Field> fields;
};

/// Lists the layers of any OGR dataset (GeoPackage: all tables, Shapefile/GeoJSON: one).
/// Throws InputError when the file cannot be opened.
[[nodiscard]] std::vector<LayerInfo> listLayers(const std::string& path);

} // namespace gebiedscan::gis
