// Automatic point hotspots: incremental autocorrelation equals global Moran per band; the chosen
// scale is reported; a planted cluster of incidents becomes a 99 % hotspot under FDR.
#include "gebiedscan/core/global_autocorrelation.hpp"
#include "gebiedscan/core/optimized_hotspots.hpp"

#include <gtest/gtest.h>


#include <cmath>
#include <random>

using namespace gebiedscan;

namespace {

TEST(OptimizedHotspots, IncrementalProfileEqualsGlobalMoranPerBand)
{
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> u(0.0, 2000.0);
    std::vector<PointRd> pts(400);
    std::vector<double> x(pts.size());
    for (std::size_t i = 0; i < pts.size(); ++i) {
        pts[i] = {u(rng), u(rng)};
        x[i] = std::floor(pts[i].x / 300.0) + static_cast<double>(i % 3); // a trend, so I is clearly positive
    }
    pts.push_back({9000, 9000}); // an island at every band
    x.push_back(4.0);
    const std::vector<double> bands{60, 100, 150, 250, 400};
    const auto profile = incrementalAutocorrelation(pts, x, bands);
    ASSERT_EQ(profile.size(), bands.size());
    for (std::size_t s = 0; s < bands.size(); ++s) {
        const auto w = distanceBandWeights(pts, bands[s]);
        const auto ref = globalMoran(x, w);
        EXPECT_NEAR(profile[s].moranI, ref.statistic, 1e-10) << bands[s];
        EXPECT_NEAR(profile[s].z, ref.z, 1e-8) << bands[s];
        EXPECT_EQ(profile[s].islands, w.islandCount()) << bands[s];
    }
}

TEST(OptimizedHotspots, FindsAPlantedClusterAndReportsTheScale)
{
    std::mt19937_64 rng(2026);
    std::uniform_real_distribution<double> u(0.0, 3000.0);
    std::normal_distribution<double> near(0.0, 120.0);
    std::vector<PointRd> pts;
    for (int i = 0; i < 600; ++i) pts.push_back({150000 + u(rng), 450000 + u(rng)});
    for (int i = 0; i < 400; ++i) pts.push_back({151500 + near(rng), 451500 + near(rng)});
    for (int i = 0; i < 30; ++i) pts.push_back({152500, 452500}); // one address, many incidents
    pts.push_back({NAN, 0.0});
    const auto r = optimizedHotspots(pts);
    EXPECT_EQ(r.incidents, 1030u);
    EXPECT_EQ(r.incidentsRejected, 1u);
    EXPECT_TRUE(r.cellSizeAutomatic);
    EXPECT_GE(r.cellSize, 10.0);
    EXPECT_LE(r.cellSize, 500.0);
    EXPECT_GT(r.band, 0.0);
    EXPECT_EQ(r.coincident.largestGroup, 30u);
    EXPECT_EQ(r.counts.size(), r.cells.size());
    double total = 0;
    for (double c : r.counts) total += c;
    EXPECT_EQ(total, 1030.0); // nothing lost
    // The cell holding the cluster centre is a 99 % hotspot.
    const auto centreCell = static_cast<std::size_t>(r.grid->cellOf({151500, 451500}));
    const auto it = std::find(r.cells.begin(), r.cells.end(), centreCell);
    ASSERT_NE(it, r.cells.end());
    const auto k = static_cast<std::size_t>(it - r.cells.begin());
    EXPECT_EQ(r.classes.bins[k], 3);
    EXPECT_GT(r.gi.z[k], 2.58);
    for (double z : r.gi.z) EXPECT_TRUE(std::isfinite(z));
    // With a fixed cell size the same cluster is found, and permutation p-values work as well.
    OptimizedHotspotOptions o;
    o.cellSize = 250.0;
    o.permutations = 9999; // the smallest two-sided p is 2 / (R + 1): it must survive FDR over 144 cells
    const auto r2 = optimizedHotspots(pts, o);
    EXPECT_FALSE(r2.cellSizeAutomatic);
    EXPECT_EQ(r2.cellSize, 250.0);
    const auto c2 = static_cast<std::size_t>(r2.grid->cellOf({151500, 451500}));
    const auto k2 = static_cast<std::size_t>(std::find(r2.cells.begin(), r2.cells.end(), c2) - r2.cells.begin());
    EXPECT_GE(r2.classes.bins[k2], 2);
}

TEST(OptimizedHotspots, FirstPeak)
{
    std::vector<AutocorrelationStep> p(5);
    const double z[] = {1, 3, 2, 5, 4};
    for (std::size_t i = 0; i < 5; ++i) p[i].z = z[i];
    EXPECT_EQ(firstPeak(p), 1u);
    const double rising[] = {1, 2, 3, 4, 5};
    for (std::size_t i = 0; i < 5; ++i) p[i].z = rising[i];
    EXPECT_FALSE(firstPeak(p).has_value());
    // A plateau: the first step of it is the peak (z[s] >= z[s+1], as documented).
    const double plateau[] = {1, 3, 3, 2, 5};
    for (std::size_t i = 0; i < 5; ++i) p[i].z = plateau[i];
    EXPECT_EQ(firstPeak(p), 1u);
}

} // namespace

// The profile and the band weights come from the lattice offsets of the kept cells, not from
// distances between their centres: the same pairs, the same sums. Cell sizes whose centres are
// not exact in binary (12.3 m) and a hull with holes in the kept cells (cells outside it), with
// a peak and without (then the band is the 30th-neighbour distance, from the centres as before).
TEST(OptimizedHotspots, LatticeNeighboursAreTheDistanceBandsOfTheCentres)
{
    std::mt19937_64 rng(8);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<PointRd> pts;
    for (int i = 0; i < 1500; ++i) {
        const double a = 6.2831853 * u(rng), r = 800.0 * std::sqrt(u(rng));
        pts.push_back({150000 + r * std::cos(a), 450000 + r * std::sin(a)});
    }
    for (int i = 0; i < 300; ++i) pts.push_back({150200 + 60 * u(rng), 450100 + 60 * u(rng)});
    std::size_t peaks = 0;
    for (const double size : {12.3, 25.0, 40.0, 100.0}) {
        OptimizedHotspotOptions o;
        o.cellSize = size;
        const auto r = optimizedHotspots(pts, o);
        SCOPED_TRACE(::testing::Message() << "cell " << size << ", band " << r.band);
        peaks += r.bandAtPeak ? 1 : 0;
        const SpatialWeights fromCentres = distanceBandWeights(r.centres, r.band);
        ASSERT_EQ(r.weights.size(), fromCentres.size());
        ASSERT_EQ(r.weights.nonZeroCount(), fromCentres.nonZeroCount());
        for (std::size_t i = 0; i < fromCentres.size(); ++i) {
            const auto a = r.weights.neighbours(i), b = fromCentres.neighbours(i);
            ASSERT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end())) << "cell " << i;
        }
        std::vector<double> bands;
        for (const auto& st : r.profile) bands.push_back(st.band);
        const auto generic = incrementalAutocorrelation(r.centres, r.counts, bands);
        for (std::size_t s = 0; s < bands.size(); ++s) {
            EXPECT_EQ(r.profile[s].moranI, generic[s].moranI) << s;
            EXPECT_EQ(r.profile[s].z, generic[s].z) << s;
            EXPECT_EQ(r.profile[s].meanNeighbours, generic[s].meanNeighbours) << s;
            EXPECT_EQ(r.profile[s].islands, generic[s].islands) << s;
        }
    }
    EXPECT_EQ(peaks, 3u); // and one without a peak
}
