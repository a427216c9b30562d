#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/kernel_density.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

using namespace gebiedscan;

namespace {

// Independent textbook formulas (not the library's code path), per m^2.
double referenceKernel(KernelShape k, double r, double d)
{
    const double pi = std::numbers::pi;
    switch (k) {
    case KernelShape::Quartic: return d < r ? 3.0 / (pi * r * r) * std::pow(1.0 - d * d / (r * r), 2) : 0.0;
    case KernelShape::Epanechnikov: return d < r ? 2.0 / (pi * r * r) * (1.0 - d * d / (r * r)) : 0.0;
    case KernelShape::Uniform: return d < r ? 1.0 / (pi * r * r) : 0.0;
    case KernelShape::Gaussian:
        return d < 4.0 * r ? std::exp(-d * d / (2 * r * r)) / (2 * pi * r * r) / (1.0 - std::exp(-8.0)) : 0.0;
    }
    return 0.0;
}

// Brute force: every event against every cell centre, events per km^2.
std::vector<double> bruteForce(const std::vector<PointRd>& pts, const std::vector<double>& w, const RasterGrid& g,
                               KernelShape k, double r)
{
    std::vector<double> out(g.cellCount(), 0.0);
    for (std::int32_t row = 0; row < g.ny; ++row)
        for (std::int32_t col = 0; col < g.nx; ++col) {
            const double cx = g.minX + (col + 0.5) * g.cellSize;
            const double cy = g.minY + (g.ny - row - 0.5) * g.cellSize;
            double s = 0.0;
            for (std::size_t i = 0; i < pts.size(); ++i)
                s += (w.empty() ? 1.0 : w[i]) * referenceKernel(k, r, std::hypot(cx - pts[i].x, cy - pts[i].y));
            out[static_cast<std::size_t>(row) * g.nx + col] = s * 1e6;
        }
    return out;
}

// The binned paths scale the kernel so its samples at cell-centre offsets sum to 1 per event:
// 1 / (cell area * sum over the lattice of the reference kernel).
double latticeFactor(KernelShape k, double r, double cell)
{
    const int h = static_cast<int>(std::ceil(kernelSupport(k, r) / cell)) + 1;
    double sum = 0.0;
    for (int i = -h; i <= h; ++i)
        for (int j = -h; j <= h; ++j) sum += referenceKernel(k, r, cell * std::sqrt(double(i * i + j * j)));
    return 1.0 / (sum * cell * cell);
}

// Events moved to the centre of their cell (what the binned paths do).
std::vector<PointRd> binned(const std::vector<PointRd>& pts, const RasterGrid& g)
{
    std::vector<PointRd> out;
    for (const auto& p : pts) {
        const double col = std::floor((p.x - g.minX) / g.cellSize);
        const double rowFromTop = std::floor((g.maxY() - p.y) / g.cellSize);
        out.push_back({g.minX + (col + 0.5) * g.cellSize, g.maxY() - (rowFromTop + 0.5) * g.cellSize});
    }
    return out;
}

void expectClose(const std::vector<double>& got, const std::vector<double>& want, double rel)
{
    ASSERT_EQ(got.size(), want.size());
    double maxv = 0.0;
    for (double v : want) maxv = std::max(maxv, std::abs(v));
    ASSERT_GT(maxv, 0.0);
    std::size_t nonzero = 0;
    for (std::size_t i = 0; i < got.size(); ++i) {
        // Relative to the cell value, with the surface maximum as the scale for cells near zero.
        const double scale = std::max(std::abs(want[i]), 1e-3 * maxv);
        ASSERT_LE(std::abs(got[i] - want[i]), rel * scale) << "cell " << i << " got " << got[i] << " want " << want[i];
        if (want[i] != 0.0) ++nonzero;
    }
    EXPECT_GT(nonzero, got.size() / 10); // the comparison covered a real surface
}

struct Case {
    std::vector<PointRd> pts;
    std::vector<double> w;
    RasterGrid g;
};

Case smallCase(unsigned seed, bool weighted)
{
    Case c;
    c.g = RasterGrid{155000.0, 463000.0, 10.0, 37, 29};
    std::mt19937 rng(seed);
    // Some events fall outside the grid (they still reach cells within the radius).
    std::uniform_real_distribution<double> ux(c.g.minX - 60, c.g.maxX() + 60);
    std::uniform_real_distribution<double> uy(c.g.minY - 60, c.g.maxY() + 60);
    std::uniform_real_distribution<double> uw(0.5, 3.0);
    for (int i = 0; i < 60; ++i) {
        c.pts.push_back({ux(rng), uy(rng)});
        if (weighted) c.w.push_back(uw(rng));
    }
    c.pts.push_back(c.pts[3]); // coincident events are the normal case in crime data
    if (weighted) c.w.push_back(2.0);
    return c;
}

const KernelShape kAllKernels[] = {KernelShape::Quartic, KernelShape::Gaussian, KernelShape::Epanechnikov,
                                   KernelShape::Uniform};

double radiusFor(KernelShape k)
{
    return k == KernelShape::Gaussian ? 17.3 : 53.7;
}

} // namespace

TEST(KernelDensity, KernelsIntegrateToOne)
{
    // Midpoint rule on a fine polar grid of the library's kernelValue.
    for (KernelShape k : kAllKernels) {
        const double r = 100.0, support = kernelSupport(k, r);
        const int steps = 200000;
        const double h = support / steps;
        double integral = 0.0;
        for (int i = 0; i < steps; ++i) {
            const double d = (i + 0.5) * h;
            integral += 2.0 * std::numbers::pi * d * kernelValue(k, r, d * d) * h;
        }
        // Uniform jumps at the support: the midpoint rule is exact there as well.
        EXPECT_NEAR(integral, 1.0, 1e-8) << kernelName(k);
    }
    // The normalised quartic constant at the centre: 3 / (pi r^2).
    EXPECT_DOUBLE_EQ(kernelValue(KernelShape::Quartic, 100.0, 0.0), 3.0 / (std::numbers::pi * 1e4));
    EXPECT_DOUBLE_EQ(kernelValue(KernelShape::Quartic, 100.0, 100.0 * 100.0), 0.0);
}

TEST(KernelDensity, ExactPathMatchesBruteForce)
{
    for (bool weighted : {false, true})
        for (KernelShape k : kAllKernels) {
            const Case c = smallCase(7, weighted);
            KdeOptions o{k, radiusFor(k), KdeMethod::Exact};
            const KdeResult r = kernelDensity(c.pts, c.w, c.g, o);
            EXPECT_EQ(r.method, KdeMethod::Exact);
            SCOPED_TRACE(std::string(kernelName(k)) + (weighted ? " weighted" : ""));
            expectClose(r.density, bruteForce(c.pts, c.w, c.g, k, radiusFor(k)), 1e-9);
        }
}

TEST(KernelDensity, BinnedPathsMatchBruteForceOnBinnedEvents)
{
    for (KdeMethod m : {KdeMethod::BinnedDirect, KdeMethod::BinnedFft})
        for (bool weighted : {false, true})
            for (KernelShape k : kAllKernels) {
                const Case c = smallCase(11, weighted);
                KdeOptions o{k, radiusFor(k), m};
                const KdeResult r = kernelDensity(c.pts, c.w, c.g, o);
                SCOPED_TRACE(std::string(kdeMethodName(m)) + " " + std::string(kernelName(k)) +
                             (weighted ? " weighted" : ""));
                if (m == KdeMethod::BinnedFft && kdeHasFft()) {
                    EXPECT_EQ(r.method, KdeMethod::BinnedFft);
                }
                std::vector<double> want = bruteForce(binned(c.pts, c.g), c.w, c.g, k, radiusFor(k));
                const double f = latticeFactor(k, radiusFor(k), c.g.cellSize);
                EXPECT_NEAR(f, 1.0, 0.05);
                for (double& v : want) v *= f;
                expectClose(r.density, want, 1e-9);
            }
}

TEST(KernelDensity, SurfaceIntegratesToEventCount)
{
    // 2,000 events well inside the grid: sum(density) * cell area = N within 0.5 %.
    const RasterGrid g{100000.0, 400000.0, 5.0, 400, 300};
    std::mt19937 rng(3);
    std::normal_distribution<double> nx(101000.0, 150.0), ny(400750.0, 100.0);
    std::vector<PointRd> pts;
    while (pts.size() < 2000) {
        const PointRd p{nx(rng), ny(rng)};
        if (p.x > g.minX + 300 && p.x < g.maxX() - 300 && p.y > g.minY + 300 && p.y < g.maxY() - 300) pts.push_back(p);
    }
    for (KdeMethod m : {KdeMethod::Exact, KdeMethod::BinnedDirect, KdeMethod::BinnedFft})
        for (KernelShape k : kAllKernels) {
            const double radius = k == KernelShape::Gaussian ? 20.0 : 60.0;
            const KdeResult r = kernelDensity(pts, {}, g, KdeOptions{k, radius, m});
            double sum = 0.0;
            for (double v : r.density) sum += v;
            EXPECT_NEAR(sum * g.cellAreaKm2(), 2000.0, 2000.0 * 0.005) << kdeMethodName(m) << " " << kernelName(k);
            EXPECT_EQ(r.eventsOffGrid, 0u);
            EXPECT_DOUBLE_EQ(r.totalWeight, 2000.0);
        }
}

TEST(KernelDensity, PlantedClusterPeaksAtItsCentre)
{
    // Uniform background over 4 x 4 km plus a cluster of 300 events around (152300, 461700).
    const RasterGrid g{150000.0, 460000.0, 25.0, 160, 160};
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> ux(g.minX, g.maxX()), uy(g.minY, g.maxY());
    std::normal_distribution<double> cx(152300.0, 60.0), cy(461700.0, 60.0);
    std::vector<PointRd> pts;
    for (int i = 0; i < 3000; ++i) pts.push_back({ux(rng), uy(rng)});
    for (int i = 0; i < 300; ++i) pts.push_back({cx(rng), cy(rng)});
    const KdeResult r = kernelDensity(pts, {}, g, KdeOptions{KernelShape::Quartic, 250.0});
    const auto it = std::max_element(r.density.begin(), r.density.end());
    const auto idx = static_cast<std::int32_t>(it - r.density.begin());
    EXPECT_NEAR(g.centreX(idx % g.nx), 152300.0, 50.0);
    EXPECT_NEAR(g.centreY(idx / g.nx), 461700.0, 50.0);
    // Background is 3000 / 16 km^2 = 187.5 per km^2; the peak holds ~300 * 3/(pi 0.25^2) more.
    EXPECT_GT(*it, 187.5 * 10);
}

TEST(KernelDensity, AutoChoosesExactForSmallAndBinnedForLarge)
{
    const Case c = smallCase(1, false);
    EXPECT_EQ(kernelDensity(c.pts, {}, c.g, KdeOptions{KernelShape::Quartic, 50.0}).method, KdeMethod::Exact);
    KdeOptions o{KernelShape::Quartic, 50.0};
    o.exactBudget = 10.0;
    EXPECT_NE(kernelDensity(c.pts, {}, c.g, o).method, KdeMethod::Exact);
}

TEST(KernelDensity, CountsEventsOffGridAndInvalid)
{
    const RasterGrid g{0.0, 0.0, 10.0, 10, 10};
    const std::vector<PointRd> pts{{50, 50}, {1000, 1000}, {std::nan(""), 5}, {-20, 50}};
    for (KdeMethod m : {KdeMethod::Exact, KdeMethod::BinnedDirect, KdeMethod::BinnedFft}) {
        const KdeResult r = kernelDensity(pts, {}, g, KdeOptions{KernelShape::Quartic, 30.0, m});
        EXPECT_EQ(r.events, 4u);
        EXPECT_EQ(r.skippedInvalid, 1u) << kdeMethodName(m);
        EXPECT_EQ(r.eventsOffGrid, 1u) << kdeMethodName(m); // (-20, 50) still reaches the grid
        EXPECT_DOUBLE_EQ(r.totalWeight, 3.0);
    }
    EXPECT_THROW((void)kernelDensity(pts, {}, g, KdeOptions{KernelShape::Quartic, 0.0}), InputError);
    const std::vector<double> badWeights{1.0};
    EXPECT_THROW((void)kernelDensity(pts, badWeights, g, KdeOptions{KernelShape::Quartic, 5.0}), InputError);
}

TEST(KernelDensity, GridCoveringSnapsToCellMultiples)
{
    Envelope e;
    e.expand(PointRd{155012.0, 463007.0});
    e.expand(PointRd{155987.0, 463993.0});
    const RasterGrid g = rasterGridCovering(e, 25.0, 100.0);
    EXPECT_DOUBLE_EQ(g.minX, 154900.0);
    EXPECT_DOUBLE_EQ(g.minY, 462900.0);
    EXPECT_DOUBLE_EQ(g.maxX(), 156100.0);
    EXPECT_DOUBLE_EQ(g.maxY(), 464100.0);
    EXPECT_EQ(g.nx, 48);
    EXPECT_EQ(g.ny, 48);
    EXPECT_THROW((void)rasterGridCovering(e, 0.001, 0.0), InputError);
}

TEST(KernelDensity, DefaultCellSizeIsRoundShortSideOver250)
{
    Envelope e;
    e.expand(PointRd{0, 0});
    e.expand(PointRd{30000, 12000}); // 12000 / 250 = 48 -> 25
    EXPECT_DOUBLE_EQ(defaultCellSize(e), 25.0);
    e.expand(PointRd{30000, 60000}); // 30000 / 250 = 120 -> 100
    EXPECT_DOUBLE_EQ(defaultCellSize(e), 100.0);
}

TEST(KernelDensity, KernelNames)
{
    EXPECT_EQ(parseKernelShape("Quartic"), KernelShape::Quartic);
    EXPECT_EQ(parseKernelShape("gaussian"), KernelShape::Gaussian);
    EXPECT_EQ(parseKernelShape("epanechnikov"), KernelShape::Epanechnikov);
    EXPECT_EQ(parseKernelShape("uniform"), KernelShape::Uniform);
    EXPECT_FALSE(parseKernelShape("triangular").has_value());
}

TEST(KernelDensity, SilvermanRadiusMatchesR)
{
    // Reference: data/reference/kde/silverman.R.
    const std::vector<double> x{155010, 155230, 155480, 154900, 155700, 155120,
                                155050, 156010, 155333, 155600, 154870, 155250};
    const std::vector<double> y{463020, 463400, 462950, 463800, 463100, 463650,
                                462800, 463300, 463333, 463900, 463150, 463010};
    const std::vector<double> w{1, 2, 1, 3, 1, 1, 2, 1, 4, 1, 1, 2};
    std::vector<PointRd> pts;
    for (std::size_t i = 0; i < x.size(); ++i) pts.push_back({x[i], y[i]});

    const BandwidthEstimate u = silvermanRadius(pts);
    EXPECT_NEAR(u.radius, 257.63306093325230, 1e-9);
    EXPECT_NEAR(u.standardDistance, 470.53868361461821, 1e-9);
    EXPECT_NEAR(u.medianDistance, 424.90193759355429, 1e-9);
    EXPECT_DOUBLE_EQ(u.n, 12.0);

    const BandwidthEstimate v = silvermanRadius(pts, w);
    EXPECT_NEAR(v.radius, 216.48879710551728, 1e-9);
    EXPECT_NEAR(v.standardDistance, 437.92417151831211, 1e-9);
    EXPECT_NEAR(v.medianDistance, 373.55323583123885, 1e-9);
    EXPECT_DOUBLE_EQ(v.n, 20.0);

    // All events at one address: no spread, no radius (the caller must ask for --radius).
    const std::vector<PointRd> same(5, PointRd{1, 2});
    EXPECT_EQ(silvermanRadius(same).radius, 0.0);
}

TEST(KernelDensity, BandedBinningOfManyEventsEqualsSumOfChunks)
{
    // Many events per cell switch binning to its cache-friendly banded form; the surface is linear
    // in the events, so it must equal the sum of the surfaces of small chunks (binned plainly).
    const RasterGrid g{0.0, 0.0, 10.0, 300, 200};
    std::mt19937 rng(9);
    std::uniform_real_distribution<double> ux(-50, 3050), uy(-50, 2050), uw(0.1, 2.0);
    std::vector<PointRd> pts(40000);
    std::vector<double> w(pts.size());
    for (std::size_t i = 0; i < pts.size(); ++i) {
        pts[i] = {ux(rng), uy(rng)};
        w[i] = uw(rng);
    }
    pts[17] = {std::nan(""), 3.0};
    for (bool weighted : {false, true}) {
        const KdeOptions o{KernelShape::Quartic, 25.0, KdeMethod::BinnedDirect};
        const std::span<const double> ws = weighted ? std::span<const double>(w) : std::span<const double>();
        const KdeResult all = kernelDensity(pts, ws, g, o);
        std::vector<double> sum(g.cellCount(), 0.0);
        std::size_t invalid = 0;
        for (std::size_t start = 0; start < pts.size(); start += 2000) {
            const std::span<const PointRd> chunk(pts.data() + start, 2000);
            const KdeResult part = kernelDensity(chunk, weighted ? ws.subspan(start, 2000) : ws, g, o);
            for (std::size_t c = 0; c < sum.size(); ++c) sum[c] += part.density[c];
            invalid += part.skippedInvalid;
        }
        expectClose(all.density, sum, 1e-12);
        EXPECT_EQ(all.skippedInvalid, 1u);
        EXPECT_EQ(invalid, 1u);
    }
}
