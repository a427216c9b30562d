// `hotspots --grid auto` pinned on a fixed input: the chosen cell size and band, the cells and
// counts, the band profile, and the Gi*/LISA permutation p-values and bins, exactly as they were
// before the incremental band search and the shared permutation draws (issue 17). A speed-up that
// changes any of these numbers changes what a user sees.
#include "gebiedscan/core/local_hotspots.hpp"
#include "gebiedscan/core/optimized_hotspots.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <map>

using namespace gebiedscan;

namespace {

/// A portable generator (SplitMix64): the same points with every standard library.
class Points {
public:
    double uniform()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        return static_cast<double>(z >> 11) / 9007199254740992.0;
    }

private:
    std::uint64_t m_state = 17;
};

/// 6,000 incidents: a uniform background over 6 x 4 km, two clusters of different spread, and
/// one address with many registrations; coordinates on whole metres, as the police's.
std::vector<PointRd> fixedIncidents()
{
    Points g;
    std::vector<PointRd> pts;
    for (int i = 0; i < 3000; ++i)
        pts.push_back({std::round(230000 + 6000 * g.uniform()), std::round(550000 + 4000 * g.uniform())});
    for (int i = 0; i < 2000; ++i) {
        const double r = 400 * std::sqrt(g.uniform()), a = 6.283185307179586 * g.uniform();
        pts.push_back({std::round(232000 + r * std::cos(a)), std::round(552000 + r * std::sin(a))});
    }
    for (int i = 0; i < 960; ++i) {
        const double r = 900 * g.uniform(), a = 6.283185307179586 * g.uniform();
        pts.push_back({std::round(234500 + r * std::cos(a)), std::round(552500 + r * std::sin(a))});
    }
    for (int i = 0; i < 40; ++i) pts.push_back({233000, 551000});
    return pts;
}

double sum(const std::vector<double>& v)
{
    double s = 0;
    for (double x : v) s += x;
    return s;
}

TEST(OptimizedHotspotsPinned, AutomaticScaleCellsAndPermutationInferenceAsBefore)
{
    const auto pts = fixedIncidents();
    const auto r = optimizedHotspots(pts); // as `hotspots --grid auto`: analytic here, permutations below
    const bool print = std::getenv("GEBIEDSCAN_PRINT_PINNED") != nullptr;
    if (print) {
        std::printf("cell %.17g band %.17g atPeak %d cells %zu islands %zu\n", r.cellSize, r.band, r.bandAtPeak,
                    r.cells.size(), r.islands);
        for (const auto& s : r.profile)
            std::printf("  %.17g I %.17g z %.17g mean %.17g islands %zu\n", s.band, s.moranI, s.z, s.meanNeighbours,
                        s.islands);
    }
    EXPECT_TRUE(r.cellSizeAutomatic);
    EXPECT_EQ(r.incidents, 6000u);
    EXPECT_EQ(sum(r.counts), 6000.0);
    EXPECT_EQ(r.cellSize, 100.0);
    EXPECT_EQ(r.cells.size(), 2398u);
    EXPECT_TRUE(r.bandAtPeak);
    EXPECT_NEAR(r.band, 550.0000005500001, 1e-9);
    EXPECT_EQ(r.islands, 0u);
    // The profile: z per band (first peak at 550 m), mean neighbours at three bands.
    const double z[] = {57.483473668965964, 78.041103396240302, 90.690234643461622, 110.1282968881854,
                        121.46995171451667, 130.74033120999266, 139.21129141660393, 147.13744887561006,
                        147.9436359987215,  148.36160895577888, 146.0556336566394,  140.91016509067049,
                        137.19903832913104, 128.02164123198511, 121.02219818143014};
    ASSERT_EQ(r.profile.size(), 15u);
    for (std::size_t s = 0; s < 15; ++s) {
        EXPECT_NEAR(r.profile[s].band, 100.0 * (1.0 + 0.5 * static_cast<double>(s)), 1e-5) << s;
        EXPECT_NEAR(r.profile[s].z, z[s], 1e-9) << s;
        EXPECT_EQ(r.profile[s].islands, 0u) << s;
    }
    EXPECT_NEAR(r.profile[0].moranI, 0.83130704574279068, 1e-12);
    EXPECT_NEAR(r.profile[0].meanNeighbours, 3.9165971643035862, 1e-12);
    EXPECT_NEAR(r.profile[9].meanNeighbours, 86.7931609674729, 1e-12);
    EXPECT_NEAR(r.profile[14].meanNeighbours, 169.35529608006672, 1e-12);

    // The job's inference: band weights between the cell centres, conditional permutations
    // (199 to keep the test short; the draws are the same as with 999), FDR. About 87 neighbours
    // per cell: the partial Fisher-Yates path.
    const SpatialWeights w = distanceBandWeights(r.centres, r.band);
    LocalHotspotOptions o;
    o.permutations = 199;
    o.correction = PValueCorrection::FalseDiscoveryRate;
    const LocalHotspots h = computeLocalHotspots(r.counts, w, o);
    std::map<int, int> bins;
    for (auto b : h.giClass.bins) ++bins[b];
    double giP = 0, lisaP = 0, lisaPAdj = 0;
    for (std::size_t i = 0; i < h.giP.size(); ++i) {
        giP += h.giP[i] * static_cast<double>(i % 7 + 1); // weighted: a p moved between cells shows
        lisaP += h.lisaP[i] * static_cast<double>(i % 5 + 1);
        lisaPAdj += h.lisaPAdj[i];
    }
    if (print) {
        std::printf("giP %.17g lisaP %.17g lisaPAdj %.17g\n", giP, lisaP, lisaPAdj);
        for (const auto& [b, n] : bins) std::printf("  bin %d: %d\n", b, n);
    }
    // One p-value moved between cells, or changed by one permutation, moves these by >= 1/200.
    EXPECT_NEAR(giP, 933.74999999998852, 1e-7);
    EXPECT_NEAR(lisaP, 688.21999999998854, 1e-7);
    EXPECT_NEAR(lisaPAdj, 277.57565988658672, 1e-7);
    EXPECT_EQ(bins, (std::map<int, int>{{-2, 1142}, {-1, 325}, {0, 602}, {1, 20}, {2, 309}}));

    // A given cell size and a band of a few neighbours: the rejection-sampling path.
    OptimizedHotspotOptions fixed;
    fixed.cellSize = 250;
    const auto r2 = optimizedHotspots(pts, fixed);
    const SpatialWeights w2 = distanceBandWeights(r2.centres, 260.0);
    o.permutations = 999;
    o.correction = PValueCorrection::None; // else nothing passes with 999 permutations over 384 cells
    const LocalHotspots h2 = computeLocalHotspots(r2.counts, w2, o);
    std::map<int, int> bins2;
    for (auto b : h2.giClass.bins) ++bins2[b];
    double giP2 = 0, lisaP2 = 0;
    for (std::size_t i = 0; i < h2.giP.size(); ++i) {
        giP2 += h2.giP[i] * static_cast<double>(i % 7 + 1);
        lisaP2 += h2.lisaP[i] * static_cast<double>(i % 5 + 1);
    }
    if (print) {
        std::printf("fixed: cells %zu band %.17g giP %.17g lisaP %.17g\n", r2.cells.size(), r2.band, giP2, lisaP2);
        for (const auto& [b, n] : bins2) std::printf("  bin %d: %d\n", b, n);
    }
    EXPECT_EQ(r2.cells.size(), 384u);
    EXPECT_NEAR(r2.band, 625.0000006250001, 1e-9);
    EXPECT_NEAR(giP2, 804.55199999999979, 1e-8);
    EXPECT_NEAR(lisaP2, 606.16199999999981, 1e-8);
    EXPECT_EQ(bins2, (std::map<int, int>{{-3, 1}, {-2, 3}, {-1, 7}, {0, 352}, {1, 8}, {2, 1}, {3, 12}}));
}

} // namespace
