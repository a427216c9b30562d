// Point-in-polygon assignment at national buurt scale: about 14,000 polygons with realistic
// vertex counts (shared, jittered edges so the areas form an exact partition), 10 million points.
// Run: build/bench/bench/assignment_bench [--benchmark_format=json]
// The "points_per_second" counter is per call; divide by the thread count for per-core rates.
#include "gebiedscan/core/point_locator.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

using namespace gebiedscan;

namespace {

constexpr int kCols = 120, kRows = 117; // 14,040 areas
constexpr int kEdgeVertices = 12;       // intermediate vertices per shared edge: ~50 per polygon
constexpr double kCell = 2000.0;        // metres, about the Netherlands' extent overall

struct Partition {
    std::vector<MultiPolygon> areas;
    Envelope extent;
};

// Shared edge between two lattice vertices, jittered deterministically from its endpoints so
// both neighbours get identical coordinates.
std::vector<PointRd> edge(PointRd a, PointRd b, std::uint64_t key)
{
    std::mt19937_64 rng(key);
    std::uniform_real_distribution<double> jitter(-0.08 * kCell, 0.08 * kCell);
    std::vector<PointRd> pts;
    const double nx = -(b.y - a.y), ny = b.x - a.x, len = std::hypot(nx, ny);
    for (int k = 1; k <= kEdgeVertices; ++k) {
        const double t = static_cast<double>(k) / (kEdgeVertices + 1);
        const double j = jitter(rng) * std::sin(t * M_PI);
        pts.push_back({a.x + t * (b.x - a.x) + j * nx / len, a.y + t * (b.y - a.y) + j * ny / len});
    }
    return pts;
}

const Partition& partition()
{
    static const Partition p = [] {
        Partition out;
        std::mt19937_64 rng(7);
        std::uniform_real_distribution<double> jitter(-0.25 * kCell, 0.25 * kCell);
        std::vector<std::vector<PointRd>> v(kCols + 1, std::vector<PointRd>(kRows + 1));
        for (int i = 0; i <= kCols; ++i)
            for (int j = 0; j <= kRows; ++j)
                v[i][j] = {13000 + i * kCell + ((i % kCols) ? jitter(rng) : 0.0),
                           306000 + j * kCell + ((j % kRows) ? jitter(rng) : 0.0)};
        const auto key = [](int i0, int j0, int i1, int j1) {
            return static_cast<std::uint64_t>(((i0 * 1000 + j0) * 1000 + i1) * 1000 + j1);
        };
        // Edge from lattice vertex (i0,j0) to (i1,j1), walked in either direction.
        const auto walk = [&](Ring& ring, int i0, int j0, int i1, int j1) {
            const bool forward = std::make_pair(i0, j0) < std::make_pair(i1, j1);
            auto pts = forward ? edge(v[i0][j0], v[i1][j1], key(i0, j0, i1, j1))
                               : edge(v[i1][j1], v[i0][j0], key(i1, j1, i0, j0));
            if (!forward) std::reverse(pts.begin(), pts.end());
            ring.push_back(v[i0][j0]);
            ring.insert(ring.end(), pts.begin(), pts.end());
        };
        for (int i = 0; i < kCols; ++i)
            for (int j = 0; j < kRows; ++j) {
                Ring ring;
                walk(ring, i, j, i + 1, j);
                walk(ring, i + 1, j, i + 1, j + 1);
                walk(ring, i + 1, j + 1, i, j + 1);
                walk(ring, i, j + 1, i, j);
                ring.push_back(ring.front());
                out.areas.push_back({Polygon{{ring}}});
            }
        for (const auto& a : out.areas) out.extent.expand(envelopeOf(a));
        return out;
    }();
    return p;
}

const std::vector<PointRd>& points()
{
    static const std::vector<PointRd> pts = [] {
        const auto& e = partition().extent;
        std::mt19937_64 rng(11);
        std::uniform_real_distribution<double> ux(e.minX, e.maxX), uy(e.minY, e.maxY);
        std::vector<PointRd> out(10'000'000);
        for (auto& p : out) p = {ux(rng), uy(rng)};
        return out;
    }();
    return pts;
}

void BM_BuildLocator(benchmark::State& state)
{
    const auto& p = partition();
    for (auto _ : state) {
        PointLocator locator(p.areas);
        benchmark::DoNotOptimize(locator.cellCount());
    }
    state.counters["areas"] = static_cast<double>(p.areas.size());
}
BENCHMARK(BM_BuildLocator)->Unit(benchmark::kMillisecond);

void BM_Assign10M(benchmark::State& state)
{
    const auto& p = partition();
    const auto& pts = points();
    const PointLocator locator(p.areas);
    std::vector<std::int32_t> out(pts.size());
    const auto threads = static_cast<unsigned>(state.range(0));
    for (auto _ : state) {
        locator.locate(pts, out, threads);
        benchmark::DoNotOptimize(out.data());
    }
    state.counters["points_per_second"] =
        benchmark::Counter(static_cast<double>(pts.size()), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["threads"] = threads;
    std::size_t inside = 0;
    for (auto a : out) inside += a >= 0;
    state.counters["assigned_fraction"] = static_cast<double>(inside) / static_cast<double>(pts.size());
}
// One thread is timed by CPU time (a fair per-core figure on a shared machine), two by wall time.
BENCHMARK(BM_Assign10M)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Assign10M)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
