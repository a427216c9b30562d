#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace gebiedscan::gis {

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
    /// The layer's own metadata items: GeoPackage layer metadata, string members of a GeoJSON
    /// FeatureCollection (gebiedscan_rol, ...). Empty for formats without any.
    std::map<std::string, std::string> metadata;
};

/// Lists the layers of any OGR dataset (GeoPackage: all tables, Shapefile/GeoJSON: one).
/// Throws InputError when the file cannot be opened.
[[nodiscard]] std::vector<LayerInfo> listLayers(const std::string& path);

} // namespace gebiedscan::gis
