#include "gebiedscan/core/contiguity.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <tuple>

namespace gebiedscan {

namespace {

struct Vertex {
    std::int64_t qx, qy; // snap cell
    std::uint32_t area;
    double x, y;
};

bool cellLess(const Vertex& a, std::int64_t qx, std::int64_t qy)
{
    return a.qx < qx || (a.qx == qx && a.qy < qy);
}

} // namespace

SpatialWeights contiguityWeights(const std::vector<MultiPolygon>& areas, Contiguity rule, double snap)
{
    if (!(snap >= 0.0) || !std::isfinite(snap)) throw InputError("contiguity: snap must be >= 0");
    // Cells of size `snap` put vertices within snap of each other in the same or an adjacent cell.
    const double cell = std::max(snap, 1e-9);
    std::vector<Vertex> vertices;
    std::size_t total = 0;
    for (const auto& mp : areas)
        for (const auto& poly : mp)
            for (const auto& ring : poly.rings) total += ring.size();
    vertices.reserve(total);
    for (std::size_t a = 0; a < areas.size(); ++a)
        for (const auto& poly : areas[a])
            for (const auto& ring : poly.rings)
                for (const auto& p : ring) {
                    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
                    vertices.push_back({static_cast<std::int64_t>(std::floor(p.x / cell)),
                                        static_cast<std::int64_t>(std::floor(p.y / cell)),
                                        static_cast<std::uint32_t>(a), p.x, p.y});
                }
    std::sort(vertices.begin(), vertices.end(), [](const Vertex& a, const Vertex& b) {
        return std::tie(a.qx, a.qy, a.area) < std::tie(b.qx, b.qy, b.area);
    });
    // One vertex per (cell, area): a ring's closing vertex and near-duplicates count once.
    vertices.erase(
        std::unique(vertices.begin(), vertices.end(),
                    [](const Vertex& a, const Vertex& b) { return a.qx == b.qx && a.qy == b.qy && a.area == b.area; }),
        vertices.end());

    std::vector<std::uint64_t> pairs; // (low area << 32) | high area, one per matching vertex pair
    auto match = [&](const Vertex& a, const Vertex& b) {
        if (a.area == b.area) return;
        if (std::fabs(a.x - b.x) > snap || std::fabs(a.y - b.y) > snap) return;
        const std::uint64_t lo = std::min(a.area, b.area), hi = std::max(a.area, b.area);
        pairs.push_back((lo << 32) | hi);
    };
    auto cellRange = [&](std::int64_t qx, std::int64_t qy) {
        auto b = std::lower_bound(vertices.begin(), vertices.end(), std::pair{qx, qy},
                                  [](const Vertex& v, const std::pair<std::int64_t, std::int64_t>& k) {
                                      return cellLess(v, k.first, k.second);
                                  });
        auto e = b;
        while (e != vertices.end() && e->qx == qx && e->qy == qy) ++e;
        return std::pair{b, e};
    };
    for (auto g = vertices.begin(); g != vertices.end();) {
        auto ge = g;
        while (ge != vertices.end() && ge->qx == g->qx && ge->qy == g->qy) ++ge;
        for (auto a = g; a != ge; ++a)
            for (auto b = a + 1; b != ge; ++b) match(*a, *b);
        // Forward neighbour cells only, so each pair of cells is visited once.
        const std::int64_t fwd[4][2] = {{0, 1}, {1, -1}, {1, 0}, {1, 1}};
        if (snap > 0.0)
            for (const auto& f : fwd) {
                const auto [b, e] = cellRange(g->qx + f[0], g->qy + f[1]);
                for (auto a = g; a != ge; ++a)
                    for (auto c = b; c != e; ++c) match(*a, *c);
            }
        g = ge;
    }
    std::sort(pairs.begin(), pairs.end());
    const std::size_t need = rule == Contiguity::Queen ? 1 : 2;
    std::vector<std::size_t> from, to;
    for (std::size_t b = 0; b < pairs.size();) {
        std::size_t e = b + 1;
        while (e < pairs.size() && pairs[e] == pairs[b]) ++e;
        if (e - b >= need) {
            const auto lo = static_cast<std::size_t>(pairs[b] >> 32);
            const auto hi = static_cast<std::size_t>(pairs[b] & 0xffffffffu);
            from.push_back(lo);
            to.push_back(hi);
            from.push_back(hi);
            to.push_back(lo);
        }
        b = e;
    }
    std::vector<double> w(from.size(), 1.0);
    return SpatialWeights::fromTriplets(areas.size(), from, to, w);
}

} // namespace gebiedscan
