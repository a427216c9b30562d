#include "gebiedscan/gis/geometry_ops.hpp"

#include "gebiedscan/core/error.hpp"

#include <geos_c.h>

#include <memory>
#include <string>

namespace gebiedscan::gis {

namespace {

// One GEOS context per call site and thread (the reentrant _r API; GEOS's C++ API is unstable).
class GeosContext {
public:
    GeosContext() : m_handle(GEOS_init_r())
    {
        GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::onError, &m_message);
    }
    ~GeosContext() { GEOS_finish_r(m_handle); }
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    GEOSContextHandle_t get() const { return m_handle; }
    const std::string& message() const { return m_message; }

private:
    static void onError(const char* message, void* userdata)
    {
        *static_cast<std::string*>(userdata) = message ? message : "";
    }
    GEOSContextHandle_t m_handle;
    std::string m_message;
};

// A geometry deleter that remembers its context.
struct GeomDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSGeometry* g) const noexcept
    {
        if (g) GEOSGeom_destroy_r(ctx, g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

GEOSGeometry* ringToGeos(GEOSContextHandle_t ctx, const Ring& ring)
{
    const std::size_t n = ring.size();
    const bool closed = n > 0 && ring.front().x == ring.back().x && ring.front().y == ring.back().y;
    const auto size = static_cast<unsigned>(closed ? n : n + 1);
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, size, 2);
    for (unsigned i = 0; i < size; ++i) {
        const auto& p = ring[i % n];
        GEOSCoordSeq_setXY_r(ctx, seq, i, p.x, p.y);
    }
    return GEOSGeom_createLinearRing_r(ctx, seq);
}

GeomPtr toGeos(GEOSContextHandle_t ctx, const std::vector<const MultiPolygon*>& parts)
{
    std::vector<GEOSGeometry*> polygons;
    for (const auto* mp : parts)
        for (const auto& polygon : *mp) {
            if (polygon.rings.empty() || polygon.rings[0].size() < 3) continue;
            GEOSGeometry* shell = ringToGeos(ctx, polygon.rings[0]);
            std::vector<GEOSGeometry*> holes;
            for (std::size_t r = 1; r < polygon.rings.size(); ++r)
                if (polygon.rings[r].size() >= 3) holes.push_back(ringToGeos(ctx, polygon.rings[r]));
            polygons.push_back(GEOSGeom_createPolygon_r(ctx, shell, holes.data(), static_cast<unsigned>(holes.size())));
        }
    return GeomPtr(
        GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, polygons.data(), static_cast<unsigned>(polygons.size())),
        GeomDeleter{ctx});
}

Ring ringFromGeos(GEOSContextHandle_t ctx, const GEOSGeometry* ring)
{
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, ring);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(ctx, seq, &n);
    Ring out(n);
    for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(ctx, seq, i, &out[i].x, &out[i].y);
    return out;
}

void collectPolygons(GEOSContextHandle_t ctx, const GEOSGeometry* g, MultiPolygon& out)
{
    const int type = GEOSGeomTypeId_r(ctx, g);
    if (type == GEOS_POLYGON) {
        Polygon p;
        p.rings.push_back(ringFromGeos(ctx, GEOSGetExteriorRing_r(ctx, g)));
        const int holes = GEOSGetNumInteriorRings_r(ctx, g);
        for (int i = 0; i < holes; ++i) p.rings.push_back(ringFromGeos(ctx, GEOSGetInteriorRingN_r(ctx, g, i)));
        out.push_back(std::move(p));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx, g);
        for (int i = 0; i < n; ++i) collectPolygons(ctx, GEOSGetGeometryN_r(ctx, g, i), out);
    }
}

} // namespace

MultiPolygon dissolve(const std::vector<const MultiPolygon*>& parts)
{
    GeosContext ctx;
    GeomPtr input = toGeos(ctx.get(), parts);
    if (!input) throw Error("GEOS: cannot build geometry: " + ctx.message());
    GeomPtr merged(GEOSUnaryUnion_r(ctx.get(), input.get()), GeomDeleter{ctx.get()});
    if (!merged) {
        // Slightly inconsistent neighbours (gaps/overlaps of generalised layers): repair first.
        GeomPtr valid(GEOSMakeValid_r(ctx.get(), input.get()), GeomDeleter{ctx.get()});
        if (valid) merged.reset(GEOSUnaryUnion_r(ctx.get(), valid.get()));
    }
    if (!merged) throw Error("GEOS: cannot dissolve areas: " + ctx.message());
    MultiPolygon out;
    collectPolygons(ctx.get(), merged.get(), out);
    return out;
}

MultiPolygon intersection(const MultiPolygon& a, const MultiPolygon& b)
{
    GeosContext ctx;
    GeomPtr ga = toGeos(ctx.get(), {&a}), gb = toGeos(ctx.get(), {&b});
    if (!ga || !gb) throw Error("GEOS: cannot build geometry: " + ctx.message());
    GeomPtr cut(GEOSIntersection_r(ctx.get(), ga.get(), gb.get()), GeomDeleter{ctx.get()});
    if (!cut) { // generalised areas can be slightly invalid: repair first
        GeomPtr valid(GEOSMakeValid_r(ctx.get(), gb.get()), GeomDeleter{ctx.get()});
        if (valid) cut.reset(GEOSIntersection_r(ctx.get(), ga.get(), valid.get()));
    }
    if (!cut) throw Error("GEOS: cannot intersect polygons: " + ctx.message());
    MultiPolygon out;
    collectPolygons(ctx.get(), cut.get(), out);
    return out;
}

std::vector<bool> intersectsCells(const MultiPolygon& region, const std::vector<Envelope>& cells)
{
    GeosContext ctx;
    GeomPtr geom = toGeos(ctx.get(), {&region});
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(ctx.get(), geom.get());
    if (!prepared) throw Error("GEOS: cannot prepare geometry: " + ctx.message());
    std::vector<bool> out(cells.size(), false);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto& e = cells[i];
        GeomPtr box(GEOSGeom_createRectangle_r(ctx.get(), e.minX, e.minY, e.maxX, e.maxY), GeomDeleter{ctx.get()});
        out[i] = GEOSPreparedIntersects_r(ctx.get(), prepared, box.get()) == 1;
    }
    GEOSPreparedGeom_destroy_r(ctx.get(), prepared);
    return out;
}

} // namespace gebiedscan::gis
