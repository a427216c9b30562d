#pragma once
#include "gebiedscan/core/geometry.hpp"
#include "gebiedscan/gis/field_value.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::gis {

/// Where to read a vector layer from. `path` is anything GDAL/OGR opens: a file (GeoPackage,
/// Shapefile, GeoJSON, CSV, GML, ...), a folder, or a PostGIS connection string `PG:...`.
struct SourceSpec {
    std::string path;
    std::string layer;                    ///< empty: the only layer (an error if there are several)
    std::vector<std::string> openOptions; ///< extra GDAL open options, "KEY=VALUE"; HEADERS=FORCE for XLSX/ODS
    std::string xField, yField;           ///< CSV point columns; empty: X/Y, lon/lat, ... detected
    /// CRS for a layer that has none or only an engineering (local) one ("EPSG:4326"); else an
    /// error. The working CRS itself takes local planar coordinates in metres as they are.
    std::string assumeCrs;
    std::string attributeFilter; ///< OGR SQL WHERE clause (passed to OGR, not concatenated)
};

/// A feature's geometry converted to core types in the working CRS.
struct FeatureGeometry {
    enum class Kind { None, Point, Line, Polygon };
    Kind kind = Kind::None;
    std::vector<PointRd> points;             ///< Point / MultiPoint
    std::vector<std::vector<PointRd>> lines; ///< LineString / MultiLineString parts
    MultiPolygon polygons;                   ///< Polygon / MultiPolygon
};

/// One feature: its FID, the values of the selected fields as text (nullopt = NULL/unset) and
/// typed as OGR types them, and its geometry. Text dates come as ISO text
/// ("2023-05-01T13:45:00"), numbers in C locale.
struct Feature {
    std::int64_t fid = -1;
    std::int64_t row = 0; ///< 1-based position in the layer, for error messages
    std::vector<std::optional<std::string>> values;
    std::vector<FieldValue> fields; ///< the same fields typed: read numbers and times with numberOf/timeOf
    FeatureGeometry geometry;
    bool repaired = false; ///< the polygon was invalid and was repaired (see repairInvalidPolygons)
    /// A point (or a part of a multipoint) lies exactly at (0, 0) in the layer's own CRS: what
    /// extracts hold for a record that was never geocoded. Its geometry is kept as read.
    bool atOrigin = false;
};

/// Streams the features of one layer, transformed into the metric working CRS with PROJ
/// (traditional GIS axis order: x = easting/longitude). Never loads the whole layer.
class VectorReader {
public:
    /// Opens the layer. Throws InputError naming the file and layer when it cannot be opened,
    /// the layer is missing or ambiguous, or the layer has no CRS and `assumeCrs` is empty.
    VectorReader(const SourceSpec& source, const std::string& workingCrs = "EPSG:28992");
    ~VectorReader();
    VectorReader(const VectorReader&) = delete;
    VectorReader& operator=(const VectorReader&) = delete;

    /// "incidents.csv, layer 'incidents'": for messages.
    [[nodiscard]] const std::string& description() const;
    [[nodiscard]] const std::string& layerName() const;
    [[nodiscard]] std::vector<std::string> fieldNames() const;
    /// The layer's CRS as "EPSG:n" when known, else its WKT name.
    /// True when the layer has no CRS of its own and SourceSpec::assumeCrs was taken for it.
    [[nodiscard]] bool crsAssumed() const;
    /// True when the CSV's coordinate columns are written with thousands separators ("230.070"
    /// for 230070 m, as Dutch Excel exports RD metres) and are read as such: decided on the first
    /// 10,000 rows, where every value must be such a number or a plain integer of at least 1000.
    [[nodiscard]] bool thousandsSeparators() const;
    /// The area the working CRS is meant for (PROJ's area of use, e.g. "Netherlands - onshore"
    /// for RD New) as an envelope in the working CRS; nullopt when PROJ does not know it.
    /// Coordinates far outside it were almost certainly declared in the wrong CRS.
    [[nodiscard]] std::optional<Envelope> workingAreaOfUse() const;
    [[nodiscard]] const std::string& workingAreaOfUseName() const;
    [[nodiscard]] std::string sourceCrs() const;
    /// Feature count if the driver knows it cheaply.
    [[nodiscard]] std::optional<std::int64_t> featureCount() const;
    /// Extent in the working CRS (reads the layer extent; may scan).
    [[nodiscard]] Envelope extent() const;

    /// Finds a field case-insensitively, first of `candidates` that exists; empty if none.
    [[nodiscard]] std::string findField(const std::vector<std::string>& candidates) const;
    /// Chooses the fields whose values `next` returns, in this order. Throws InputError naming
    /// the field and the available ones when a name does not exist. Empty names give nullopt.
    void selectFields(const std::vector<std::string>& names);
    /// Skip geometry reading (faster scans of attributes only).
    void ignoreGeometry(bool ignore);
    /// Read only the selected fields: the geometry and every other field are ignored by the
    /// driver (GeoPackage and PostGIS then fetch only those columns). Without an attribute
    /// filter only (one may name other fields); false restores reading everything.
    void readSelectedOnly(bool only);
    /// Repair invalid polygons with GEOS MakeValid (keeping the polygonal parts) and flag them.
    void repairInvalidPolygons(bool repair);

    /// The number of rows when the layer can be read in parts by row number: a GeoPackage table
    /// without an attribute filter whose FIDs are exactly 1..rows (then row n is FID n, and a
    /// part is an index range of the table); nullopt otherwise.
    [[nodiscard]] std::optional<std::int64_t> rowsByFid() const;
    /// From now on reads only rows first..last (1-based, inclusive; rows as Feature::row) and
    /// starts at `first`. Only where rowsByFid() gave a count.
    void readRows(std::int64_t first, std::int64_t last);

    /// Reads the next feature; false at the end. A geometry that cannot be transformed or is
    /// empty comes back as Kind::None (the caller counts it as invalid).
    bool next(Feature& feature);
    /// Starts again at the first feature (of every row, after readRows).
    void reset();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace gebiedscan::gis
