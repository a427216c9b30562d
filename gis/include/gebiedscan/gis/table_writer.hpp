#pragma once
#include "gebiedscan/gis/vector_reader.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace gebiedscan::gis {

/// Marks a count withheld for disclosure control ("geheim"): NULL in GeoPackage, Shapefile and
/// GeoJSON, the text `WriteOptions::suppressedText` in CSV. Never written as 0.
struct Suppressed {
    bool operator==(const Suppressed&) const = default;
};

/// A cell value; monostate is NULL (unknown or not applicable).
using Value = std::variant<std::monostate, Suppressed, std::int64_t, double, std::string>;

struct Column {
    enum class Type { Integer, Real, String };
    std::string name; ///< full name (GeoPackage, CSV, GeoJSON); Shapefile gets a short alias
    Type type = Type::String;
    std::string description; ///< what the field means, for the field map and metadata
};

/// An output layer: columns, rows and (optionally) one geometry per row in the working CRS.
struct Table {
    std::string name;
    std::vector<Column> columns;
    std::vector<std::vector<Value>> rows;
    FeatureGeometry::Kind geometryKind = FeatureGeometry::Kind::None;
    std::vector<FeatureGeometry> geometries; ///< empty or one per row
    /// This layer's own metadata (its role in the output schema, ...), written with the layer
    /// besides WriteOptions::metadata: GeoPackage layer metadata, GeoJSON foreign members of the
    /// FeatureCollection. Shapefile and CSV have no place for it.
    std::map<std::string, std::string> metadata;
};

/// Output formats; all are written atomically (temporary name in the same folder, renamed on
/// success), so an existing output is never half-overwritten.
struct WriteOptions {
    std::string workingCrs = "EPSG:28992";
    bool dutchCsv = false;                       ///< ';' separator and decimal comma, for Dutch Excel
    std::string suppressedText = "geheim";       ///< CSV text of a Suppressed value
    std::map<std::string, std::string> metadata; ///< source, period, suppression: stored in outputs
};

/// Writes tables as layers of one GeoPackage (non-spatial tables as attribute tables).
void writeGeoPackage(const std::filesystem::path& file, const std::vector<Table>& tables, const WriteOptions& options);

/// Writes a table as an ESRI Shapefile (.shp/.shx/.dbf/.prj/.cpg UTF-8) plus
/// `<name>_velden.csv`, the map from the 10-character field names to the full names.
void writeShapefile(const std::filesystem::path& shpFile, const Table& table, const WriteOptions& options);

/// Writes a table as CSV through GDAL's CSV driver (geometry omitted).
void writeCsv(const std::filesystem::path& file, const Table& table, const WriteOptions& options);

/// Writes a table as RFC 7946 GeoJSON in WGS84; Table::metadata become members of the
/// FeatureCollection (GDAL's NATIVE_DATA), readable with readGeoJsonMembers.
void writeGeoJson(const std::filesystem::path& file, const Table& table, const WriteOptions& options);

/// Unique names of at most 10 characters for Shapefile fields ("n_woninginbraak" -> "n_woningin",
/// clashes get a numeric suffix). Exposed for tests and documentation.
[[nodiscard]] std::vector<std::string> shortFieldNames(const std::vector<Column>& columns);

} // namespace gebiedscan::gis
