#include "gdal_util.hpp"

#include "gebiedscan/core/language.hpp"

#include <ogr_geometry.h>
#include <sqlite3.h>

#include <mutex>

namespace gebiedscan::gis::detail {

namespace {
void CPL_STDCALL quietHandler(CPLErr, CPLErrorNum, const char*) {}
} // namespace

void ensureGdal()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // SQLite's memory statistics lock a global mutex on every allocation, against the writers
        // on other threads; nothing here reads them. Only possible before SQLite starts (else a
        // harmless SQLITE_MISUSE).
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        GDALAllRegister();
        // Errors are reported through exceptions carrying CPLGetLastErrorMsg(); GDAL's own
        // stderr lines would duplicate them in a half-understandable form.
        CPLSetErrorHandler(quietHandler);
    });
}

const char* const* readableVectorDrivers()
{
    static const char* const drivers[] = {
        "GPKG",         "ESRI Shapefile", "GeoJSON", "GeoJSONSeq", "ESRIJSON", "TopoJSON", "CSV",
        "PostgreSQL",   "FlatGeobuf",     "GML",     "KML",        "LIBKML",   "GPX",      "OpenFileGDB",
        "MapInfo File", "SQLite",         "DXF",     "XLSX",       "XLS",      "ODS",      "LVBAG",
        nullptr};
    return drivers;
}

DatasetPtr openVector(const std::string& path, const char* const* openOptions)
{
    ensureGdal();
    return DatasetPtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, readableVectorDrivers(),
                                        openOptions, nullptr));
}

std::string refusedFormat(const std::string& path)
{
    GDALDriverH driver = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
    if (!driver) return {};
    const std::string name = GDALGetDriverShortName(driver);
    for (const char* const* d = readableVectorDrivers(); *d; ++d)
        if (name == *d) return {};
    const std::string kind = std::string(GDALGetDriverLongName(driver)) + " (" + name + ")";
    return tr("'" + path + "' is een bestand van het soort " + kind +
                  ", dat gebiedscan niet leest: zo'n bestand kan GDAL andere bestanden laten lezen, SQL of "
                  "programma's laten uitvoeren, of het netwerk op laten gaan. Zet het eerst met ogr2ogr om naar een "
                  "GeoPackage",
              "'" + path + "' is a " + kind +
                  " file, which gebiedscan does not read: such a file can make GDAL read other files, run SQL or "
                  "programs, or go on the network. Convert it to a GeoPackage with ogr2ogr first");
}

std::string lastGdalError(const std::string& fallback)
{
    const char* msg = CPLGetLastErrorMsg();
    // libpq's messages span lines ("PQconnectdb failed.\nconnection to server ... refused\n\tIs the
    // server running...?\n"); the error is printed as one line.
    std::string text;
    for (const char* c = msg ? msg : ""; *c; ++c) {
        if (*c == '\n' || *c == '\r' || *c == '\t') {
            if (!text.empty() && text.back() != ' ') text += ' ';
        } else {
            text += *c;
        }
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text.empty() ? fallback : text;
}

OGRSpatialReference makeSrs(const std::string& definition, const std::string& what)
{
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(definition.c_str()) != OGRERR_NONE)
        throw InputError(tr(what + ": onbekend coördinatenstelsel (CRS) '" + definition + "'",
                            what + ": unknown coordinate reference system '" + definition + "'"));

    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

std::string srsLabel(const OGRSpatialReference& srs)
{
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (auth && code) return std::string(auth) + ":" + code;
    const char* name = srs.GetName();
    return name ? name : "unknown CRS";
}

namespace {
std::vector<PointRd> toPoints(const OGRSimpleCurve& curve)
{
    std::vector<PointRd> out(static_cast<std::size_t>(curve.getNumPoints()));
    for (int i = 0; i < curve.getNumPoints(); ++i) out[static_cast<std::size_t>(i)] = {curve.getX(i), curve.getY(i)};
    return out;
}

Polygon toPolygon(const OGRPolygon& poly)
{
    Polygon out;
    for (const auto* ring : poly) out.rings.push_back(toPoints(*ring));
    return out;
}

void collect(const OGRGeometry* g, FeatureGeometry& out)
{
    if (!g || g->IsEmpty()) return;
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint: {
        const auto* p = g->toPoint();
        out.points.push_back({p->getX(), p->getY()});
        if (out.kind == FeatureGeometry::Kind::None) out.kind = FeatureGeometry::Kind::Point;
        break;
    }
    case wkbLineString:
        out.lines.push_back(toPoints(*g->toLineString()));
        if (out.kind != FeatureGeometry::Kind::Polygon) out.kind = FeatureGeometry::Kind::Line;
        break;
    case wkbPolygon:
        out.polygons.push_back(toPolygon(*g->toPolygon()));
        out.kind = FeatureGeometry::Kind::Polygon;
        break;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const auto* part : *g->toGeometryCollection()) collect(part, out);
        break;
    default: {
        // Curves, surfaces, TINs: linearise and try again.
        std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
        if (linear && wkbFlatten(linear->getGeometryType()) != wkbFlatten(g->getGeometryType()))
            collect(linear.get(), out);
        break;
    }
    }
}
} // namespace

FeatureGeometry toFeatureGeometry(const OGRGeometry* geometry)
{
    FeatureGeometry out;
    collect(geometry, out);
    // A mixed collection keeps only its highest-dimensional kind.
    if (out.kind == FeatureGeometry::Kind::Polygon) {
        out.points.clear();
        out.lines.clear();
    } else if (out.kind == FeatureGeometry::Kind::Line) {
        out.points.clear();
    }
    return out;
}

std::unique_ptr<OGRGeometry> toOgrGeometry(const FeatureGeometry& geometry)
{
    const auto ring = [](const Ring& points) {
        auto r = std::make_unique<OGRLinearRing>();
        for (const auto& p : points) r->addPoint(p.x, p.y);
        r->closeRings();
        return r;
    };
    switch (geometry.kind) {
    case FeatureGeometry::Kind::Point:
        if (geometry.points.size() == 1)
            return std::make_unique<OGRPoint>(geometry.points[0].x, geometry.points[0].y);
        else {
            auto mp = std::make_unique<OGRMultiPoint>();
            for (const auto& p : geometry.points) mp->addGeometryDirectly(new OGRPoint(p.x, p.y));
            return mp;
        }
    case FeatureGeometry::Kind::Line: {
        auto ml = std::make_unique<OGRMultiLineString>();
        for (const auto& line : geometry.lines) {
            auto ls = std::make_unique<OGRLineString>();
            for (const auto& p : line) ls->addPoint(p.x, p.y);
            ml->addGeometryDirectly(ls.release());
        }
        return ml;
    }
    case FeatureGeometry::Kind::Polygon: {
        auto mp = std::make_unique<OGRMultiPolygon>();
        for (const auto& polygon : geometry.polygons) {
            auto poly = std::make_unique<OGRPolygon>();
            for (const auto& r : polygon.rings) poly->addRingDirectly(ring(r).release());
            mp->addGeometryDirectly(poly.release());
        }
        return mp;
    }
    case FeatureGeometry::Kind::None: break;
    }
    return nullptr;
}

} // namespace gebiedscan::gis::detail
