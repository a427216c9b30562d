// Kernel density and emerging-hot-spot timings (issue 4 targets on the 2-core dev machine):
//   1 million events onto 1024 x 1024 cells  < 0.5 s
//   10 million events onto 1024 x 1024 cells < 2 s
//   space-time cube of 10,000 cells x 60 months, analytic Gi* + Mann-Kendall + classes < 2 s
//
// Usage: kde_bench [--write DIR]
//   --write DIR  also writes the 1M events (DIR/points_1m.f64: x, y interleaved, little-endian
//                doubles), the grid (DIR/grid.txt) and our Gaussian surface
//                (DIR/gaussian_1m.f64, events per km2, row 0 north) for bench/kde_compare.R.
// Each figure is the best of three runs, wall-clock.
#include "gebiedscan/core/emerging_hotspots.hpp"
#include "gebiedscan/core/kernel_density.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace gebiedscan;

namespace {

// Events like a city's registrations: 60 % in 200 Gaussian clusters of varying size (many
// repeated addresses), 40 % spread uniformly over a 25.6 x 25.6 km square in RD New.
std::vector<PointRd> makeEvents(std::size_t n, const RasterGrid& g, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> ux(g.minX, g.maxX()), uy(g.minY, g.maxY());
    std::uniform_real_distribution<double> us(30.0, 600.0);
    std::vector<PointRd> centres;
    std::vector<double> spreads;
    for (int i = 0; i < 200; ++i) {
        centres.push_back({ux(rng), uy(rng)});
        spreads.push_back(us(rng));
    }
    std::normal_distribution<double> nd(0.0, 1.0);
    std::uniform_int_distribution<int> pick(0, 199);
    std::bernoulli_distribution clustered(0.6);
    std::vector<PointRd> pts;
    pts.reserve(n);
    while (pts.size() < n) {
        if (clustered(rng)) {
            const int c = pick(rng);
            const PointRd p{centres[c].x + spreads[c] * nd(rng), centres[c].y + spreads[c] * nd(rng)};
            if (g.minX <= p.x && p.x < g.maxX() && g.minY <= p.y && p.y < g.maxY()) pts.push_back(p);
        } else {
            pts.push_back({ux(rng), uy(rng)});
        }
    }
    return pts;
}

double bestOf3(const std::function<void()>& f)
{
    double best = 1e300;
    for (int i = 0; i < 3; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        const auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
    }
    return best;
}

void timeKde(const char* label, const std::vector<PointRd>& pts, const RasterGrid& g, KernelShape k, double radius,
             KdeMethod m, double target)
{
    KdeMethod used = m;
    double total = 0.0;
    const double s = bestOf3([&] {
        const KdeResult r = kernelDensity(pts, {}, g, KdeOptions{k, radius, m});
        used = r.method;
        total = 0.0;
        for (double v : r.density) total += v;
        total *= g.cellAreaKm2();
    });
    std::printf("%-34s %-13s %-14s %8.3f s  (integral %.0f of %zu)%s\n", label, std::string(kernelName(k)).c_str(),
                std::string(kdeMethodName(used)).c_str(), s, total, pts.size(),
                target > 0 ? (s < target ? "  [target met]" : "  [TARGET MISSED]") : "");
}

} // namespace

int main(int argc, char** argv)
{
    std::string writeDir;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--write") writeDir = argv[i + 1];

    const RasterGrid grid{140000.0, 450000.0, 25.0, 1024, 1024}; // 25.6 km square, 25 m cells
    std::printf("grid 1024 x 1024, 25 m cells; FFT path %s\n\n", kdeHasFft() ? "available (FFTW)" : "not built");

    const auto pts1m = makeEvents(1'000'000, grid, 1);
    timeKde("1M events, radius 250 m (auto)", pts1m, grid, KernelShape::Quartic, 250.0, KdeMethod::Auto, 0.5);
    timeKde("1M events, radius 250 m", pts1m, grid, KernelShape::Quartic, 250.0, KdeMethod::BinnedFft, 0.5);
    timeKde("1M events, radius 250 m", pts1m, grid, KernelShape::Quartic, 250.0, KdeMethod::BinnedDirect, 0.5);
    timeKde("1M events, radius 250 m", pts1m, grid, KernelShape::Quartic, 250.0, KdeMethod::Exact, 0);
    timeKde("1M events, radius 1000 m (auto)", pts1m, grid, KernelShape::Quartic, 1000.0, KdeMethod::Auto, 0.5);
    timeKde("1M events, sigma 100 m (auto)", pts1m, grid, KernelShape::Gaussian, 100.0, KdeMethod::Auto, 0.5);
    {
        const auto pts10m = makeEvents(10'000'000, grid, 2);
        timeKde("10M events, radius 250 m (auto)", pts10m, grid, KernelShape::Quartic, 250.0, KdeMethod::Auto, 2.0);
        timeKde("10M events, radius 1000 m (auto)", pts10m, grid, KernelShape::Quartic, 1000.0, KdeMethod::Auto, 2.0);
    }

    // Space-time cube: 100 x 100 cells (queen contiguity) x 60 months of Poisson counts with a
    // growing cluster, time lag 1, FDR.
    {
        const int side = 100, steps = 60;
        std::vector<std::vector<std::int32_t>> queen(static_cast<std::size_t>(side * side));
        for (int r = 0; r < side; ++r)
            for (int c = 0; c < side; ++c)
                for (int dr = -1; dr <= 1; ++dr)
                    for (int dc = -1; dc <= 1; ++dc)
                        if ((dr || dc) && r + dr >= 0 && r + dr < side && c + dc >= 0 && c + dc < side)
                            queen[static_cast<std::size_t>(r * side + c)].push_back((r + dr) * side + c + dc);
        const NeighbourCsr csr = NeighbourCsr::fromLists(queen);
        SpaceTimeCube cube(static_cast<std::size_t>(side * side), steps);
        std::mt19937_64 rng(3);
        for (std::size_t i = 0; i < cube.locations(); ++i) {
            const auto r = static_cast<int>(i) / side, c = static_cast<int>(i) % side;
            const bool cluster = std::abs(r - 30) < 5 && std::abs(c - 60) < 5;
            for (std::size_t t = 0; t < cube.steps(); ++t) {
                std::poisson_distribution<int> pd(cluster ? 3.0 + 0.1 * static_cast<double>(t) : 3.0);
                cube.at(i, t) = pd(rng);
            }
        }
        std::vector<int> counts(kEmergingClassCount, 0);
        const double s = bestOf3([&] {
            const EmergingResult r = emergingHotspots(cube, csr);
            std::fill(counts.begin(), counts.end(), 0);
            for (EmergingClass c : r.classes) ++counts[static_cast<std::size_t>(c)];
        });
        std::printf("\ncube 10,000 cells x 60 months, Gi* + Mann-Kendall + classes: %.3f s%s\n", s,
                    s < 2.0 ? "  [target met]" : "  [TARGET MISSED]");
        for (int c = 0; c < kEmergingClassCount; ++c)
            if (counts[static_cast<std::size_t>(c)])
                std::printf("  %-24s %d\n", std::string(emergingLabelNl(static_cast<EmergingClass>(c))).c_str(),
                            counts[static_cast<std::size_t>(c)]);
    }

    if (!writeDir.empty()) {
        std::ofstream pf(writeDir + "/points_1m.f64", std::ios::binary);
        pf.write(reinterpret_cast<const char*>(pts1m.data()),
                 static_cast<std::streamsize>(pts1m.size() * sizeof(PointRd)));
        std::ofstream gf(writeDir + "/grid.txt");
        gf << grid.minX << ' ' << grid.minY << ' ' << grid.cellSize << ' ' << grid.nx << ' ' << grid.ny << '\n';
        KdeResult r;
        const double s = bestOf3([&] {
            r = kernelDensity(pts1m, {}, grid, KdeOptions{KernelShape::Gaussian, 100.0, KdeMethod::BinnedFft});
        });
        std::ofstream df(writeDir + "/gaussian_1m.f64", std::ios::binary);
        df.write(reinterpret_cast<const char*>(r.density.data()),
                 static_cast<std::streamsize>(r.density.size() * sizeof(double)));
        std::ofstream tf(writeDir + "/gebiedscan_seconds.txt");
        tf << s << '\n';
        std::printf("\nwrote %s/points_1m.f64, grid.txt, gaussian_1m.f64 (ours: %.3f s)\n", writeDir.c_str(), s);
    }
    return 0;
}
