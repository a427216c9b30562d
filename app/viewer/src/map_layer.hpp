#pragma once
// Vector layers as the viewer holds them: flattened geometry in RD New (EPSG:28992) plus
// attribute columns. Immutable once loaded, so render threads can share them without locks.
#include "gebiedscan/core/geometry.hpp"
#include "gebiedscan/gis/raster_reader.hpp"

#include <QImage>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace gebiedscan::viewer {

/// What a layer shows, which decides its default symbology and identify behaviour.
enum class LayerKind {
    Areas,      ///< buurt/wijk/gemeente polygons of a scan (choropleth)
    Hotspots,   ///< polygons or grid cells with Gi* fields (gi_z, gi_bin, ...)
    Points,     ///< incidents (internal use only: hidden by default)
    BlackSpots, ///< black-spot locations sized by score
    Lines,      ///< roads and other lines
    Raster,     ///< a raster band (kernel density heatmap) on a colour ramp
    Basemap,    ///< a true-colour picture (RGB(A) GeoTIFF, GeoPackage tiles, MBTiles) at the bottom
    Other
};

/// One attribute column. Numeric columns keep doubles (NaN = NULL: missing or suppressed);
/// every column keeps the text as read, with a null QString for NULL.
struct FieldColumn {
    QString name;
    bool numeric = false;
    std::vector<double> numbers;
    std::vector<QString> texts;
};

/// Geometry kinds of a layer (a layer holds one kind).
enum class GeometryKind { None, Point, Line, Polygon, Raster };

/// A vector layer in the working CRS (metres). Geometry is flattened for fast drawing: ring r is
/// coords[ringOffsets[r], ringOffsets[r+1]), feature f owns rings [featureRings[f], featureRings[f+1]).
/// A point feature has one one-vertex ring per point; a line feature one ring per part.
struct LayerData {
    QString name;        ///< shown in the layers panel
    QString source;      ///< file the layer came from (empty: made in memory)
    QString sourceLayer; ///< layer name inside the file
    /// Role in the output schema (schema::role, e.g. "scan_areas"): stored with the layer by the
    /// writers, guessed for older outputs (classify); empty for layers that are no gebiedscan output.
    QString role;
    LayerKind kind = LayerKind::Other;
    GeometryKind geometry = GeometryKind::None;
    std::vector<PointRd> coords;
    std::vector<std::uint32_t> ringOffsets{0};
    std::vector<std::uint32_t> featureRings{0};
    std::vector<Envelope> envelopes;  ///< per feature
    std::vector<PointRd> labelPoints; ///< per feature: a point inside it (polygons) or on it
    Envelope extent;
    std::vector<FieldColumn> fields;
    /// The layer's own record of its origin (metadata written by gebiedscan): `bron` ("registraties:
    /// ...; gebieden: ..."), `periode` and `onderdrukking`; empty when the file says nothing.
    QString credit, period, protection;
    /// GeometryKind::Raster only: the band (no features).
    std::shared_ptr<const gis::RasterBand> raster;
    /// LayerKind::Basemap only: the picture covering `extent` (premultiplied ARGB, row 0 north).
    std::shared_ptr<const QImage> image;

    [[nodiscard]] std::size_t featureCount() const { return envelopes.size(); }
    /// Index of a field by case-insensitive name, or -1.
    [[nodiscard]] int fieldIndex(const QString& name) const;
    /// Numeric value of a feature's field; NaN when NULL, non-numeric or the field is missing.
    [[nodiscard]] double number(int field, std::size_t feature) const;
    /// Text of a feature's field; null QString when NULL or the field is missing.
    [[nodiscard]] QString text(int field, std::size_t feature) const;

    /// Appends a feature; rings are polygon rings, line parts or single points depending on
    /// `geometry`. Attribute values are added separately with appendValues (same order as fields).
    void addFeature(const std::vector<std::vector<PointRd>>& rings);
    /// Appends one feature's attribute texts (nullopt = NULL), parsing numbers for numeric fields.
    void appendValues(const std::vector<std::optional<QString>>& values);
    /// Defines the fields (before any appendValues).
    void setFields(const std::vector<std::pair<QString, bool>>& nameAndNumeric);

    /// The topmost feature at `p`: inside a polygon, or within `tolerance` metres of a point or
    /// line. Features are searched last to first (last drawn is on top).
    [[nodiscard]] std::optional<std::size_t> featureAt(const PointRd& p, double tolerance) const;
};

/// A point inside a polygon feature (middle of the widest span on the horizontal line through
/// the middle of its envelope), for labels, pixel tests and AOL suggestions.
[[nodiscard]] PointRd interiorPoint(const LayerData& layer, std::size_t feature);

/// Reads band 1 of a raster (GeoTIFF, ...) in EPSG:28992 as a raster layer. Throws InputError.
[[nodiscard]] std::shared_ptr<LayerData> loadRasterLayer(const QString& path);

/// True when `path` is an RGB(A) raster (GeoTIFF, GeoPackage tiles, MBTiles) to show as a basemap.
[[nodiscard]] bool isBasemapRaster(const QString& path);
/// Reads an RGB(A) raster in EPSG:28992 as a basemap layer (true colour, no ramp). Throws InputError.
[[nodiscard]] std::shared_ptr<LayerData> loadBasemapLayer(const QString& path);

/// The role an output written before roles were stored most likely has, guessed from field,
/// layer and file names as the viewer always did (gi_z -> hotspots, `areas` in gebiedscan.gpkg
/// -> scan areas, ...); empty when it looks like no gebiedscan output. Only classify uses it.
[[nodiscard]] QString legacyRole(const LayerData& layer);
/// What a layer with this role shows; a layer without role by its geometry.
[[nodiscard]] LayerKind kindForRole(const QString& role, GeometryKind geometry);
/// Sets a layer's role (the stored one; without it, legacyRole: the one place the old guess
/// lives) and its kind from the role.
void classify(LayerData& layer, const QString& storedRole = {});

/// The CRS every layer is read in and drawn in: RD New (EPSG:28992), unless the data lie far
/// outside the Netherlands (ScanProject then picks the UTM zone of the data: RD New would rotate
/// and stretch Chicago) or the user chose one (--crs). Thread-safe; set before layers are read.
[[nodiscard]] QString displayCrs();
/// `chosen`: the user's choice, kept when a project opens (else a project starts in RD New).
void setDisplayCrs(const QString& crs, bool chosen = false);
[[nodiscard]] bool displayCrsChosen();
/// The UTM zone (WGS84, metres) of the centre of an extent given in RD New when that centre lies
/// far outside RD New's area (more than a few hundred km from the Netherlands); empty inside.
[[nodiscard]] QString foreignCrsFor(const Envelope& rdExtent);

/// Reads one layer of any OGR dataset through gis::VectorReader, in displayCrs(). `layerName` may
/// be empty for single-layer files. Throws gebiedscan::InputError (cannot open, no CRS, ...).
[[nodiscard]] std::shared_ptr<LayerData> loadVectorLayer(const QString& path, const QString& layerName);

} // namespace gebiedscan::viewer
