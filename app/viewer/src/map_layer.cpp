#include "map_layer.hpp"

#include "gebiedscan/gis/field_value.hpp"

#include "schema_names.hpp"

#include "gebiedscan/gis/colour_raster.hpp"

#include "gebiedscan/gis/coordinate_transform.hpp"
#include "gebiedscan/gis/layer_info.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <QFileInfo>
#include <QMutex>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gebiedscan::viewer {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The project's one text-to-number rule (decimal comma, no guessing of thousands separators).
double parseNumber(const QString& s)
{
    return gis::parseDecimal(s.toStdString()).value_or(kNaN);
}

// The origin items gebiedscan writes with every layer (pipeline source_credit, scan_writer).
template <typename Items>
void readOrigin(LayerData& layer, const Items& metadata)
{
    for (const auto& [key, value] : metadata) {
        if (key == "bron")
            layer.credit = QString::fromStdString(value);
        else if (key == "periode")
            layer.period = QString::fromStdString(value);
        else if (key == "onderdrukking")
            layer.protection = QString::fromStdString(value);
    }
}

double segmentDistance2(const PointRd& p, const PointRd& a, const PointRd& b)
{
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}
} // namespace

int LayerData::fieldIndex(const QString& fieldName) const
{
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name.compare(fieldName, Qt::CaseInsensitive) == 0) return static_cast<int>(i);
    return -1;
}

double LayerData::number(int field, std::size_t feature) const
{
    if (field < 0 || static_cast<std::size_t>(field) >= fields.size()) return kNaN;
    const auto& f = fields[static_cast<std::size_t>(field)];
    if (f.numeric) return feature < f.numbers.size() ? f.numbers[feature] : kNaN;
    return feature < f.texts.size() && !f.texts[feature].isNull() ? parseNumber(f.texts[feature]) : kNaN;
}

QString LayerData::text(int field, std::size_t feature) const
{
    if (field < 0 || static_cast<std::size_t>(field) >= fields.size()) return {};
    const auto& f = fields[static_cast<std::size_t>(field)];
    return feature < f.texts.size() ? f.texts[feature] : QString();
}

void LayerData::setFields(const std::vector<std::pair<QString, bool>>& nameAndNumeric)
{
    fields.clear();
    for (const auto& [fieldName, numeric] : nameAndNumeric) fields.push_back({fieldName, numeric, {}, {}});
}

void LayerData::appendValues(const std::vector<std::optional<QString>>& values)
{
    for (std::size_t i = 0; i < fields.size(); ++i) {
        auto& f = fields[i];
        const bool has = i < values.size() && values[i].has_value();
        f.texts.push_back(has ? *values[i] : QString());
        if (f.numeric) f.numbers.push_back(has ? parseNumber(*values[i]) : kNaN);
    }
}

void LayerData::addFeature(const std::vector<std::vector<PointRd>>& rings)
{
    Envelope env;
    for (const auto& ring : rings) {
        for (const auto& p : ring) {
            coords.push_back(p);
            env.expand(p);
        }
        ringOffsets.push_back(static_cast<std::uint32_t>(coords.size()));
    }
    featureRings.push_back(static_cast<std::uint32_t>(ringOffsets.size() - 1));
    envelopes.push_back(env);
    if (!env.empty()) extent.expand(env);
    labelPoints.push_back({});
    labelPoints.back() = geometry == GeometryKind::Polygon        ? interiorPoint(*this, envelopes.size() - 1)
                         : rings.empty() || rings.front().empty() ? PointRd{}
                                                                  : rings.front()[rings.front().size() / 2];
}

std::optional<std::size_t> LayerData::featureAt(const PointRd& p, double tolerance) const
{
    for (std::size_t f = featureCount(); f-- > 0;) {
        const auto& e = envelopes[f];
        if (e.empty()) continue;
        if (p.x < e.minX - tolerance || p.x > e.maxX + tolerance || p.y < e.minY - tolerance ||
            p.y > e.maxY + tolerance)
            continue;
        if (geometry == GeometryKind::Polygon) {
            bool inside = false;
            for (auto r = featureRings[f]; r < featureRings[f + 1]; ++r) {
                const auto b = ringOffsets[r], end = ringOffsets[r + 1];
                for (auto i = b, j = end - 1; i < end; j = i++) {
                    const auto& a = coords[i];
                    const auto& c = coords[j];
                    if ((a.y > p.y) != (c.y > p.y) && p.x < (c.x - a.x) * (p.y - a.y) / (c.y - a.y) + a.x)
                        inside = !inside;
                }
            }
            if (inside) return f;
        } else {
            const double tol2 = tolerance * tolerance;
            for (auto r = featureRings[f]; r < featureRings[f + 1]; ++r) {
                const auto b = ringOffsets[r], end = ringOffsets[r + 1];
                if (end - b == 1 && segmentDistance2(p, coords[b], coords[b]) <= tol2) return f;
                for (auto i = b + 1; i < end; ++i)
                    if (segmentDistance2(p, coords[i - 1], coords[i]) <= tol2) return f;
            }
        }
    }
    return std::nullopt;
}

PointRd interiorPoint(const LayerData& layer, std::size_t feature)
{
    const auto& e = layer.envelopes[feature];
    if (e.empty()) return {};
    const double y = (e.minY + e.maxY) / 2 + e.height() * 1e-7; // avoid hitting a vertex exactly
    std::vector<double> xs;
    for (auto r = layer.featureRings[feature]; r < layer.featureRings[feature + 1]; ++r) {
        const auto b = layer.ringOffsets[r], end = layer.ringOffsets[r + 1];
        for (auto i = b, j = end - 1; i < end; j = i++) {
            const auto& a = layer.coords[i];
            const auto& c = layer.coords[j];
            if ((a.y > y) != (c.y > y)) xs.push_back((c.x - a.x) * (y - a.y) / (c.y - a.y) + a.x);
        }
    }
    std::sort(xs.begin(), xs.end());
    double best = -1, bx = (e.minX + e.maxX) / 2;
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
        if (xs[i + 1] - xs[i] > best) {
            best = xs[i + 1] - xs[i];
            bx = (xs[i] + xs[i + 1]) / 2;
        }
    return {bx, y};
}

namespace {
QMutex crsMutex;
QString crsInUse = QStringLiteral("EPSG:28992");
bool crsByUser = false;
} // namespace

QString displayCrs()
{
    const QMutexLocker lock(&crsMutex);
    return crsInUse;
}

void setDisplayCrs(const QString& crs, bool chosen)
{
    const QMutexLocker lock(&crsMutex);
    crsInUse = crs;
    crsByUser = chosen;
}

bool displayCrsChosen()
{
    const QMutexLocker lock(&crsMutex);
    return crsByUser;
}

QString foreignCrsFor(const Envelope& rdExtent)
{
    if (rdExtent.empty()) return {};
    const PointRd centre{(rdExtent.minX + rdExtent.maxX) / 2, (rdExtent.minY + rdExtent.maxY) / 2};
    // RD New is made for the Netherlands (about 3.2-7.3 E, 50.7-53.6 N); up to a few hundred km
    // beyond (border regions, the North Sea) it is still a fair map.
    if (centre.x > -300000 && centre.x < 600000 && centre.y > 0 && centre.y < 900000) return {};
    try {
        const gis::CoordinateTransform toWgs84("EPSG:28992", "EPSG:4326");
        const PointRd lonLat = toWgs84.transform(centre);
        if (std::isnan(lonLat.x) || std::isnan(lonLat.y)) return {};
        const int zone = std::clamp(static_cast<int>(std::floor((lonLat.x + 180) / 6)) + 1, 1, 60);
        return QStringLiteral("EPSG:%1").arg((lonLat.y >= 0 ? 32600 : 32700) + zone);
    } catch (const std::exception&) {
        return {};
    }
}

std::shared_ptr<LayerData> loadRasterLayer(const QString& path)
{
    auto band =
        std::make_shared<gis::RasterBand>(gis::readRasterBand(path.toStdString(), 1, displayCrs().toStdString()));
    auto layer = std::make_shared<LayerData>();
    layer->source = path;
    layer->name = QFileInfo(path).completeBaseName();
    layer->sourceLayer = layer->name;
    layer->geometry = GeometryKind::Raster;
    QString role;
    for (const auto& [key, value] : band->metadata)
        if (key == schema::kRoleKey) role = QString::fromStdString(value);
    readOrigin(*layer, band->metadata);
    classify(*layer, role);
    layer->extent.expand(PointRd{band->minX, band->minY()});
    layer->extent.expand(PointRd{band->maxX(), band->maxY});
    layer->raster = std::move(band);
    return layer;
}

bool isBasemapRaster(const QString& path)
{
    return gis::isColourRaster(path.toStdString());
}

std::shared_ptr<LayerData> loadBasemapLayer(const QString& path)
{
    const gis::ColourRaster picture = gis::readColourRaster(path.toStdString(), displayCrs().toStdString());
    QImage image(picture.width, picture.height, QImage::Format_ARGB32);
    for (int y = 0; y < picture.height; ++y)
        std::copy_n(picture.argb.begin() + static_cast<std::ptrdiff_t>(y) * picture.width, picture.width,
                    reinterpret_cast<QRgb*>(image.scanLine(y)));
    auto layer = std::make_shared<LayerData>();
    layer->source = path;
    layer->name = QFileInfo(path).completeBaseName();
    layer->sourceLayer = layer->name;
    layer->geometry = GeometryKind::Raster;
    layer->kind = LayerKind::Basemap;
    layer->extent.expand(PointRd{picture.minX, picture.minY()});
    layer->extent.expand(PointRd{picture.maxX(), picture.maxY});
    layer->image = std::make_shared<const QImage>(image.convertToFormat(QImage::Format_ARGB32_Premultiplied));
    return layer;
}

QString legacyRole(const LayerData& layer)
{
    if (layer.image || layer.geometry == GeometryKind::Raster) return {};
    const QString n = layer.sourceLayer.isEmpty() ? layer.name.toLower() : layer.sourceLayer.toLower();
    const QString file = QFileInfo(layer.source).fileName().toLower();
    const auto has = [&](std::string_view f) { return layer.fieldIndex(qs(f)) >= 0; };
    const bool scanFile = file == u"gebiedscan.gpkg";
    if (layer.geometry == GeometryKind::None) {
        if (n == u"figures") return qs(schema::role::scanFigures);
        if (n == u"hot_times") return qs(schema::role::scanHotTimes);
        if (n == u"accidents" && file.contains(QLatin1String("blackspot"))) return qs(schema::role::blackspotAccidents);
        return {};
    }
    // A scan's area layers carry the total's Gi* too, but are areas (choropleths).
    const QString total = themeField(schema::field::count, qs(schema::kTotalTheme));
    if (layer.geometry == GeometryKind::Polygon &&
        (layer.fieldIndex(total) >= 0 || (scanFile && n.startsWith(QLatin1String("areas")))))
        return n.startsWith(QLatin1String("areas_")) ? qs(schema::role::scanAreaLevel) : qs(schema::role::scanAreas);
    if (has(schema::field::giZ) || has(schema::field::giBin) || n.contains(QLatin1String("hotspot"))) {
        if (scanFile) return qs(schema::role::scanHotspots);
        return layer.fieldIndex(QStringLiteral("aantal")) >= 0 ? qs(schema::role::hotspotsGrid)
                                                               : qs(schema::role::hotspotsFeatures);
    }
    if (n == u"trends" && layer.fieldIndex(QStringLiteral("trend_code")) >= 0) return qs(schema::role::trends);
    if (n.contains(QLatin1String("blackspot")) || n.contains(QLatin1String("black_spot")) ||
        file.contains(QLatin1String("blackspot"))) {
        if (n == u"areas") return qs(schema::role::blackspotAreas);
        if (n == u"kde") return qs(schema::role::blackspotKde);
        return layer.geometry == GeometryKind::Line ? qs(schema::role::blackspotSections)
                                                    : qs(schema::role::blackspotJunctions);
    }
    if (layer.geometry == GeometryKind::Point && has(schema::field::score)) return qs(schema::role::blackspotJunctions);
    return {};
}

LayerKind kindForRole(const QString& role, GeometryKind geometry)
{
    namespace r = schema::role;
    const auto is = [&](std::string_view id) { return role == qs(id); };
    if (is(r::scanAreas) || is(r::scanAreaLevel) || is(r::trends) || is(r::blackspotAreas)) return LayerKind::Areas;
    if (is(r::scanHotspots) || is(r::hotspotsGrid) || is(r::hotspotsFeatures)) return LayerKind::Hotspots;
    if (is(r::blackspotJunctions) || is(r::blackspotSections)) return LayerKind::BlackSpots;
    if (is(r::blackspotKde)) return LayerKind::Lines;
    if (is(r::kdeHeatmap)) return LayerKind::Raster;
    switch (geometry) {
    case GeometryKind::Polygon: return LayerKind::Areas;
    case GeometryKind::Point: return LayerKind::Points;
    case GeometryKind::Line: return LayerKind::Lines;
    case GeometryKind::Raster: return LayerKind::Raster;
    case GeometryKind::None: break;
    }
    return LayerKind::Other;
}

void classify(LayerData& layer, const QString& storedRole)
{
    layer.role = storedRole.isEmpty() ? legacyRole(layer) : storedRole;
    layer.kind = layer.image ? LayerKind::Basemap : kindForRole(layer.role, layer.geometry);
}

std::shared_ptr<LayerData> loadVectorLayer(const QString& path, const QString& layerName)
{
    const std::string file = path.toStdString();
    const auto infos = gis::listLayers(file);
    const gis::LayerInfo* info = nullptr;
    for (const auto& i : infos)
        if (layerName.isEmpty() ? infos.size() == 1 : QString::fromStdString(i.name) == layerName) info = &i;
    gis::SourceSpec spec;
    spec.path = file;
    spec.layer = layerName.toStdString();
    gis::VectorReader reader(spec, displayCrs().toStdString());

    auto layer = std::make_shared<LayerData>();
    layer->source = path;
    layer->sourceLayer = QString::fromStdString(reader.layerName());
    layer->name = layer->sourceLayer.isEmpty() ? QFileInfo(path).completeBaseName() : layer->sourceLayer;
    std::vector<std::pair<QString, bool>> fields;
    std::vector<std::string> names = reader.fieldNames();
    for (const auto& name : names) {
        bool numeric = false;
        if (info)
            for (const auto& f : info->fields)
                if (f.name == name)
                    numeric = f.type == gis::LayerInfo::FieldType::Integer || f.type == gis::LayerInfo::FieldType::Real;
        fields.emplace_back(QString::fromStdString(name), numeric);
    }
    layer->setFields(fields);
    reader.selectFields(names);
    if (info && !info->spatial) reader.ignoreGeometry(true);

    gis::Feature feature;
    std::vector<std::optional<QString>> values;
    std::vector<std::vector<PointRd>> rings;
    while (reader.next(feature)) {
        rings.clear();
        const auto& g = feature.geometry;
        switch (g.kind) {
        case gis::FeatureGeometry::Kind::Point:
            layer->geometry = GeometryKind::Point;
            for (const auto& p : g.points) rings.push_back({p});
            break;
        case gis::FeatureGeometry::Kind::Line:
            layer->geometry = GeometryKind::Line;
            rings = g.lines;
            break;
        case gis::FeatureGeometry::Kind::Polygon:
            layer->geometry = GeometryKind::Polygon;
            for (const auto& poly : g.polygons)
                for (const auto& ring : poly.rings) rings.push_back(ring);
            break;
        case gis::FeatureGeometry::Kind::None: break;
        }
        layer->addFeature(rings);
        values.clear();
        for (const auto& v : feature.values)
            values.push_back(v ? std::optional<QString>(QString::fromStdString(*v)) : std::nullopt);
        layer->appendValues(values);
    }
    QString stored;
    if (info) {
        if (const auto it = info->metadata.find(std::string(schema::kRoleKey)); it != info->metadata.end())
            stored = QString::fromStdString(it->second);
        readOrigin(*layer, info->metadata);
    }
    classify(*layer, stored);
    return layer;
}

} // namespace gebiedscan::viewer
