#pragma once
#include "gebiedscan/gis/vector_reader.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
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

/// Receives the rows of a table one at a time: the values and the row's geometry (null if none).
using RowSink = std::function<void(const std::vector<Value>& row, const FeatureGeometry* geometry)>;

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
    /// Instead of `rows` and `geometries`, for long tables (millions of rows, e.g. a scan's figures):
    /// produces the rows one by one, so they are never all in memory. Called once per file written,
    /// possibly from several threads at once, so it must only read shared state.
    std::function<void(const RowSink&)> rowStream;
};

/// Calls `sink` for every row of `table`: its rowStream if set, else rows with their geometries.
void forEachRow(const Table& table, const RowSink& sink);

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
/// The same for tables held elsewhere (no copies).
void writeGeoPackage(const std::filesystem::path& file, const std::vector<const Table*>& tables,
                     const WriteOptions& options);

/// Writes a table as an ESRI Shapefile (.shp/.shx/.dbf/.prj/.cpg UTF-8) plus
/// `<name>_velden.csv`, the map from the 10-character field names to the full names.
void writeShapefile(const std::filesystem::path& shpFile, const Table& table, const WriteOptions& options);

/// Writes a table as CSV (geometry omitted), quoted as GDAL's CSV driver does with
/// STRING_QUOTING=IF_NEEDED, CRLF line ends; Dutch: ';', decimal comma and a UTF-8 BOM.
void writeCsv(const std::filesystem::path& file, const Table& table, const WriteOptions& options);

/// Writes a table as RFC 7946 GeoJSON in WGS84; Table::metadata become members of the
/// FeatureCollection (GDAL's NATIVE_DATA), readable with readGeoJsonMembers.
void writeGeoJson(const std::filesystem::path& file, const Table& table, const WriteOptions& options);

/// Unique names of at most 10 characters for Shapefile fields ("n_woninginbraak" -> "n_woningin",
/// clashes get a numeric suffix). Exposed for tests and documentation.
[[nodiscard]] std::vector<std::string> shortFieldNames(const std::vector<Column>& columns);

} // namespace gebiedscan::gis
