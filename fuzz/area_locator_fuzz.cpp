// The area builder on arbitrary polygons: readAreaLayer (GDAL, GEOS MakeValid repair, PROJ)
// then PointLocator, checked against its contract: locate(p) equals the first area (in index
// order) whose containsPoint(p) is true, or kOutside. Query points include every vertex and edge
// midpoint, where the half-open boundary rule matters.
//
// Input: starting with '{' it is GeoJSON text read as is. Otherwise a compact description:
// byte 0 = number of areas (1..8); per area a ring count (1..3) and per ring a vertex count
// (3..12) followed by (x, y) byte pairs on a coarse 8 m lattice (many collinear and repeated
// vertices, shared edges, self-intersections); the remaining bytes are extra query points.
#include "fuzz_support.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/point_locator.hpp"
#include "gebiedscan/gis/area_reader.hpp"

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

using namespace gebiedscan;

namespace {

struct Bytes {
    const std::uint8_t* data;
    std::size_t size;
    std::size_t pos = 0;
    std::uint8_t next() { return pos < size ? data[pos++] : 0; }
    [[nodiscard]] bool more() const { return pos < size; }
};

constexpr double kX0 = 155000.0, kY0 = 463000.0, kStep = 8.0;

double coord(std::uint8_t b, double origin)
{
    return origin + static_cast<double>(static_cast<std::int8_t>(b)) * kStep;
}

std::string describe(Bytes& in, std::vector<PointRd>& queries)
{
    std::string json =
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[)";
    const int areas = 1 + in.next() % 8;
    for (int a = 0; a < areas; ++a) {
        json += (a ? "," : "") + std::string(R"({"type":"Feature","properties":{"code":"A)") + std::to_string(a) +
                R"("},"geometry":{"type":"Polygon","coordinates":[)";
        const int rings = 1 + in.next() % 3;
        for (int r = 0; r < rings; ++r) {
            const int n = 3 + in.next() % 10;
            std::vector<PointRd> ring;
            for (int i = 0; i < n; ++i) {
                const std::uint8_t bx = in.next();
                const std::uint8_t by = in.next();
                ring.push_back({coord(bx, kX0), coord(by, kY0)});
            }
            ring.push_back(ring.front());
            json += r ? ",[" : "[";
            for (std::size_t i = 0; i < ring.size(); ++i) {
                json += (i ? ",[" : "[") + std::to_string(ring[i].x) + "," + std::to_string(ring[i].y) + "]";
                queries.push_back(ring[i]);
                if (i + 1 < ring.size())
                    queries.push_back({(ring[i].x + ring[i + 1].x) / 2, (ring[i].y + ring[i + 1].y) / 2});
            }
            json += "]";
        }
        json += "]}}";
    }
    json += "]}";
    while (in.more()) {
        const std::uint8_t bx = in.next();
        const std::uint8_t by = in.next();
        queries.push_back({coord(bx, kX0) + 0.5 * kStep * (bx & 1), coord(by, kY0)});
    }
    return json;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quietGdal();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::vector<PointRd> queries;
    std::filesystem::path file;
    if (size > 0 && data[0] == '{') {
        file = fuzz::writeInput(data, size, ".geojson");
    } else {
        Bytes in{data, size};
        file = fuzz::writeInput(describe(in, queries), ".geojson");
    }
    gis::AreaLayer layer;
    try {
        gis::SourceSpec spec;
        spec.path = file.string();
        spec.assumeCrs = "EPSG:28992";
        layer = gis::readAreaLayer(spec, {}, "EPSG:28992");
    } catch (const Error&) {
        return 0;
    }
    const PointLocator locator(layer.geometries);
    for (const auto& g : layer.geometries)
        for (const auto& polygon : g)
            for (const auto& ring : polygon.rings)
                for (const auto& p : ring) queries.push_back(p);
    for (const auto& p : queries) {
        std::int32_t expected = PointLocator::kOutside;
        for (std::size_t a = 0; a < layer.geometries.size(); ++a)
            if (containsPoint(layer.geometries[a], p)) {
                expected = static_cast<std::int32_t>(a);
                break;
            }
        const auto got = locator.locate(p);
        if (got != expected) { // PointLocator broke its contract
            std::fprintf(stderr, "PointLocator: (%.17g, %.17g) located in %d, containsPoint says %d\n", p.x, p.y, got,
                         expected);
            __builtin_trap();
        }
    }
    return 0;
}
