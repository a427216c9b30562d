// Hotspot statistics benchmark (issue 3). A plain timing program: it prints its figures.
//
//   cmake -S . -B build -G Ninja -DGEBIEDSCAN_BUILD_BENCH=ON && ninja -C build hotspot_bench
//   build/bench/hotspot_bench [threads] [side]   (side: the permutation lattice is side x side, 200)
//
// Targets on the 2-core reference machine: queen weights for 100,000 polygons < 2 s; analytic
// statistics (Gi*, local Moran, global Moran) for 100,000 areas < 50 ms; conditional-permutation
// local Moran and Gi* with 999 permutations on a 40,000-area queen lattice < 2 s each.
// bench/spdep_compare.R times R spdep on the same 40,000-area lattice for the ratio.
#include "gebiedscan/core/contiguity.hpp"
#include "gebiedscan/core/global_autocorrelation.hpp"
#include "gebiedscan/core/local_statistics.hpp"
#include "gebiedscan/core/permutation_inference.hpp"
#include "gebiedscan/core/spatial_weights.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <thread>

using namespace gebiedscan;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec) + 1e-6 * static_cast<double>(u.ru_utime.tv_usec);
}

long peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

std::vector<MultiPolygon> lattice(int cols, int rows, double size = 100.0)
{
    std::vector<MultiPolygon> out;
    out.reserve(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const double x0 = 100000.0 + size * c, y0 = 400000.0 + size * r;
            Polygon p;
            p.rings.push_back({{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}});
            out.push_back({p});
        }
    return out;
}

/// Counts with a smooth spatial trend plus Poisson noise (many ties, like incident counts).
std::vector<double> counts(int cols, int rows)
{
    std::mt19937_64 rng(42);
    std::vector<double> x;
    x.reserve(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const double lambda = 2.0 + 3.0 * std::sin(c / 15.0) * std::cos(r / 20.0) + 3.0;
            std::poisson_distribution<int> pois(lambda);
            x.push_back(pois(rng));
        }
    return x;
}

template <class F>
double best(int reps, F&& f)
{
    double b = 1e300;
    for (int i = 0; i < reps; ++i) {
        const auto t0 = Clock::now();
        f();
        b = std::min(b, secondsSince(t0));
    }
    return b;
}

} // namespace

int main(int argc, char** argv)
{
    const unsigned threads =
        argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : std::max(1u, std::thread::hardware_concurrency());
    std::printf("gebiedscan hotspot benchmark (threads: %u)\n\n", threads);

    // Queen weights for 100,000 polygons.
    const auto big = lattice(400, 250);
    SpatialWeights bigW;
    const double tQueen = best(3, [&] { bigW = contiguityWeights(big, Contiguity::Queen); });
    std::printf("queen contiguity, %zu polygons:            %8.3f s  (%zu links; target < 2 s)\n", big.size(), tQueen,
                bigW.nonZeroCount());
    const double tRook = best(3, [&] { (void)contiguityWeights(big, Contiguity::Rook); });
    std::printf("rook contiguity, %zu polygons:             %8.3f s\n", big.size(), tRook);

    // Analytic statistics for 100,000 areas (weights prepared once, as in the tool).
    const auto bigX = counts(400, 250);
    const auto bigRow = bigW.withStyle(WeightStyle::RowStandardised);
    const auto bigStar = bigW.withSelf();
    const double tGi = best(5, [&] { (void)localG(bigX, bigStar); });
    const double tLm = best(5, [&] { (void)localMoran(bigX, bigRow); });
    const double tGm = best(5, [&] { (void)globalMoran(bigX, bigRow); });
    std::printf("analytic Gi*, %zu areas:                   %8.1f ms\n", big.size(), tGi * 1e3);
    std::printf("analytic local Moran, %zu areas:           %8.1f ms\n", big.size(), tLm * 1e3);
    std::printf("global Moran (randomisation), %zu areas:   %8.1f ms\n", big.size(), tGm * 1e3);
    std::printf("analytic total:                                %8.1f ms  (target < 50 ms)\n\n",
                (tGi + tLm + tGm) * 1e3);

    // Conditional permutation on a 40,000-area queen lattice (bench/run_all.sh --quick: smaller), 999 permutations.
    const int side = argc > 2 ? std::max(10, std::atoi(argv[2])) : 200;
    const auto mid = lattice(side, side);
    const auto w = contiguityWeights(mid, Contiguity::Queen);
    const auto x = counts(side, side);
    PermutationOptions o;
    o.permutations = 999;
    o.threads = threads;
    const long rssBefore = peakRssKb();
    PermutationResult lm, gs;
    const auto wRow = w.withStyle(WeightStyle::RowStandardised);
    const auto wStar = w.withSelf();
    const double cpu0 = cpuSeconds();
    const double tPermLm = best(2, [&] {
        (void)localMoran(x, wRow);
        lm = localMoranPermutation(x, wRow, o);
    });
    const double cpuLm = (cpuSeconds() - cpu0) / 2.0;
    const double cpu1 = cpuSeconds();
    const double tPermGs = best(2, [&] {
        (void)localG(x, wStar);
        gs = localGPermutation(x, wStar, o);
    });
    const double cpuGs = (cpuSeconds() - cpu1) / 2.0;
    std::size_t sigLm = 0, sigGs = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sigLm += lm.p[i] <= 0.05 ? 1 : 0;
        sigGs += gs.p[i] <= 0.05 ? 1 : 0;
    }
    std::printf("local Moran + 999 permutations, %zu areas:  %8.3f s  (target < 2 s; %zu with p <= 0.05)\n", x.size(),
                tPermLm, sigLm);
    std::printf("Gi* + 999 permutations, %zu areas:          %8.3f s  (target < 2 s; %zu with p <= 0.05)\n", x.size(),
                tPermGs, sigGs);
    std::printf("CPU time per run (all threads): local Moran %.3f s, Gi* %.3f s; with %u threads and\n"
                "an otherwise idle machine the wall time is about CPU / threads.\n",
                cpuLm, cpuGs, threads);
    std::printf("peak RSS before / after the permutation runs:  %ld / %ld MB (no n x R matrix)\n", rssBefore / 1024,
                peakRssKb() / 1024);
    return 0;
}
