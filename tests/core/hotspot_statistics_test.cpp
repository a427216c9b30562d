// Hotspot statistics: weights edge cases, permutation inference (checked statistically under a
// simulated null), multiple testing (against R p.adjust), bins and labels.
#include "gebiedscan/core/contiguity.hpp"
#include "gebiedscan/core/global_autocorrelation.hpp"
#include "gebiedscan/core/hotspot_classes.hpp"
#include "gebiedscan/core/local_statistics.hpp"
#include "gebiedscan/core/multiple_testing.hpp"
#include "gebiedscan/core/permutation_inference.hpp"
#include "gebiedscan/core/point_weights.hpp"
#include "gebiedscan/core/spatial_weights.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace gebiedscan;

namespace {

MultiPolygon square(double x0, double y0, double s = 100.0)
{
    Polygon p;
    p.rings.push_back({{x0, y0}, {x0 + s, y0}, {x0 + s, y0 + s}, {x0, y0 + s}, {x0, y0}});
    return {p};
}

std::vector<MultiPolygon> lattice(int cols, int rows)
{
    std::vector<MultiPolygon> out;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) out.push_back(square(100.0 * c, 100.0 * r));
    return out;
}

TEST(SpatialWeights, SelfInclusionRowStandardisationAndIslands)
{
    // 0 - 1 - 2, 3 alone.
    const auto w = SpatialWeights::fromNeighbourLists({{1}, {0, 2, 2, 1}, {1}, {}});
    EXPECT_EQ(w.cardinality(1), 2u); // duplicate and self dropped
    EXPECT_EQ(w.islandCount(), 1u);
    EXPECT_EQ(w.islands(), std::vector<std::size_t>{3});
    const auto row = w.withStyle(WeightStyle::RowStandardised);
    EXPECT_DOUBLE_EQ(row.weights(1)[0], 0.5);
    EXPECT_TRUE(row.weights(3).empty());
    const auto star = w.withSelf();
    EXPECT_TRUE(star.selfIncluded());
    EXPECT_EQ(star.neighbours(1).size(), 3u);
    EXPECT_EQ(star.cardinality(1), 2u);
    EXPECT_TRUE(star.isIsland(3));
    EXPECT_EQ(star.neighbours(3).size(), 1u); // an island keeps only itself, as include.self
    const std::vector<double> x{1, 2, 3, 4};
    const auto lag = row.lag(x);
    EXPECT_DOUBLE_EQ(lag[1], 2.0);
    EXPECT_DOUBLE_EQ(lag[3], 0.0);
    const auto c = weightsConstants(w);
    EXPECT_EQ(c.n, 3.0);
    EXPECT_EQ(c.s0, 4.0);
    EXPECT_EQ(c.s1, 8.0);  // 1/2 sum (w_ij + w_ji)^2 = 1/2 * 4 pairs * 4
    EXPECT_EQ(c.s2, 24.0); // (2)^2 + (4)^2 + (2)^2
}

TEST(SpatialWeights, TripletsSumDuplicatesAndInverseDistanceStaysFinite)
{
    const std::vector<std::size_t> from{0, 0, 1, 1};
    const std::vector<std::size_t> to{1, 1, 0, 1};
    const std::vector<double> wt{0.5, 0.25, 2.0, 9.0};
    const auto w = SpatialWeights::fromTriplets(2, from, to, wt);
    EXPECT_DOUBLE_EQ(w.weight(0, 1), 0.75);
    EXPECT_EQ(w.neighbours(1).size(), 1u);
    EXPECT_FALSE(w.isSymmetric());

    const std::vector<PointRd> pts{{0, 0}, {0, 0}, {3, 4}, {1000, 1000}};
    const auto idw = inverseDistanceWeights(pts, 10.0, 1.0, 1.0);
    EXPECT_DOUBLE_EQ(idw.weight(0, 1), 1.0); // coincident: weight of 1 m, not infinity
    EXPECT_DOUBLE_EQ(idw.weight(0, 2), 0.2);
    EXPECT_TRUE(idw.isIsland(3));
    // Restyling a general matrix to Binary keeps the inverse distances.
    EXPECT_DOUBLE_EQ(idw.withStyle(WeightStyle::Binary).weight(0, 2), 0.2);
    const auto all = inverseDistanceWeights(pts, INFINITY, 2.0, 1.0);
    EXPECT_EQ(all.islandCount(), 0u);
    EXPECT_DOUBLE_EQ(all.weight(0, 2), 1.0 / 25.0);
    EXPECT_DOUBLE_EQ(islandFreeBand(pts), std::hypot(997.0, 996.0));
}

TEST(SpatialWeights, KnnIsExactOnScatteredPoints)
{
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(0.0, 5000.0);
    std::vector<PointRd> pts(800);
    for (auto& p : pts) p = {u(rng), u(rng)};
    pts.push_back({1e5, 1e5}); // far away: its neighbours are found by widening rings
    const std::size_t k = 5;
    const auto w = knnWeights(pts, k);
    for (std::size_t i = 0; i < pts.size(); i += 7) {
        std::vector<std::pair<double, std::size_t>> d;
        for (std::size_t j = 0; j < pts.size(); ++j)
            if (j != i) d.emplace_back(std::hypot(pts[j].x - pts[i].x, pts[j].y - pts[i].y), j);
        std::sort(d.begin(), d.end());
        std::vector<std::size_t> expected;
        for (std::size_t t = 0; t < k; ++t) expected.push_back(d[t].second);
        std::sort(expected.begin(), expected.end());
        const auto nb = w.neighbours(i);
        EXPECT_EQ(std::vector<std::size_t>(nb.begin(), nb.end()), expected) << i;
    }
    EXPECT_EQ(w.cardinality(pts.size() - 1), k);
}

TEST(Contiguity, QueenRookAndSnapTolerance)
{
    // Two squares sharing an edge, a third touching the second at a corner only.
    std::vector<MultiPolygon> areas{square(0, 0), square(100, 0), square(200, 100)};
    const auto queen = contiguityWeights(areas, Contiguity::Queen);
    const auto rook = contiguityWeights(areas, Contiguity::Rook);
    EXPECT_EQ(queen.cardinality(1), 2u);
    EXPECT_EQ(rook.cardinality(1), 1u);
    EXPECT_TRUE(rook.isIsland(2));
    // Shift the third square by 0.4 mm: a neighbour with a 1 mm snap, not with an exact one.
    areas[2] = square(200.0004, 100.0004);
    EXPECT_EQ(contiguityWeights(areas, Contiguity::Queen, 1e-3).cardinality(2), 1u);
    EXPECT_EQ(contiguityWeights(areas, Contiguity::Queen, 0.0).cardinality(2), 0u);
    // A 100 x 100 lattice: interior cells have 8 queen and 4 rook neighbours.
    const auto big = contiguityWeights(lattice(100, 100), Contiguity::Queen);
    EXPECT_EQ(big.cardinality(5050), 8u);
    EXPECT_EQ(big.cardinality(0), 3u);
    EXPECT_EQ(big.nonZeroCount(), 2u * (2u * 100u * 99u + 2u * 99u * 99u));
}

TEST(LocalStatistics, ConstantValuesGiveNoNaN)
{
    const auto w = contiguityWeights(lattice(5, 5), Contiguity::Queen);
    const std::vector<double> x(25, 3.0);
    const auto lm = localMoran(x, w.withStyle(WeightStyle::RowStandardised));
    const auto gs = localG(x, w.withSelf());
    for (std::size_t i = 0; i < 25; ++i) {
        EXPECT_EQ(lm.z[i], 0.0);
        EXPECT_EQ(lm.p[i], 1.0);
        EXPECT_EQ(gs.z[i], 0.0);
        EXPECT_EQ(gs.p[i], 1.0);
    }
    const auto gm = globalMoran(x, w);
    EXPECT_FALSE(gm.defined);
    EXPECT_EQ(gm.z, 0.0);
    EXPECT_EQ(gm.p, 1.0);
}

/// Share of p-values at or below each level must match the level under the null.
void expectUniform(const std::vector<double>& p, const std::string& what)
{
    const auto m = static_cast<double>(p.size());
    for (double a : {0.01, 0.05, 0.10, 0.25, 0.50, 0.75}) {
        double below = 0;
        for (double v : p) below += v <= a + 1e-12 ? 1 : 0;
        // Neighbouring areas share values, so allow 5 binomial standard deviations.
        const double sd = std::sqrt(a * (1 - a) / m);
        EXPECT_NEAR(below / m, a, 5 * sd + 1e-9) << what << " at level " << a;
    }
}

TEST(PermutationInference, PValuesAreUniformUnderTheNull)
{
    const auto w = contiguityWeights(lattice(32, 32), Contiguity::Queen);
    const auto wRow = w.withStyle(WeightStyle::RowStandardised);
    const auto wStar = w.withSelf();
    std::mt19937_64 rng(20261128);
    std::exponential_distribution<double> expo(1.0); // skewed, like counts, but without ties
    for (Alternative alt : {Alternative::TwoSided, Alternative::Greater, Alternative::Less}) {
        std::vector<double> pm, pg;
        for (int rep = 0; rep < 3; ++rep) {
            std::vector<double> x(w.size());
            for (auto& v : x) v = expo(rng);
            PermutationOptions o;
            o.permutations = 199;
            o.alternative = alt;
            o.seed = static_cast<std::uint64_t>(rep) + 11;
            const auto m = localMoranPermutation(x, wRow, o);
            const auto g = localGPermutation(x, wStar, o);
            pm.insert(pm.end(), m.p.begin(), m.p.end());
            pg.insert(pg.end(), g.p.begin(), g.p.end());
        }
        expectUniform(pm, "local Moran " + std::string(alternativeName(alt)));
        expectUniform(pg, "Gi* " + std::string(alternativeName(alt)));
    }
}

TEST(PermutationInference, DetectsAPlantedHotspotAndIsReproducible)
{
    const auto w = contiguityWeights(lattice(30, 30), Contiguity::Queen);
    std::mt19937_64 rng(3);
    std::poisson_distribution<int> pois(2.0);
    std::vector<double> x(w.size());
    for (auto& v : x) v = pois(rng);
    for (int r = 14; r <= 16; ++r)
        for (int c = 14; c <= 16; ++c) x[static_cast<std::size_t>(r * 30 + c)] = 15.0;
    const std::size_t centre = 15 * 30 + 15;
    PermutationOptions o;
    o.permutations = 299;
    o.alternative = Alternative::Greater;
    o.threads = 1;
    const auto g1 = localGPermutation(x, w.withSelf(), o);
    EXPECT_DOUBLE_EQ(g1.p[centre], 1.0 / 300.0);
    EXPECT_EQ(g1.extreme[centre], 0u);
    const auto lm = localMoranPermutation(x, w.withStyle(WeightStyle::RowStandardised), o);
    EXPECT_DOUBLE_EQ(lm.p[centre], 1.0 / 300.0);
    // Same seed: the same p-values with any number of threads; another seed: others.
    o.threads = 2;
    const auto g2 = localGPermutation(x, w.withSelf(), o);
    EXPECT_EQ(g1.p, g2.p);
    o.seed += 1;
    const auto g3 = localGPermutation(x, w.withSelf(), o);
    EXPECT_NE(g1.p, g3.p);
    // Two-sided p is twice the smaller tail, capped at 1; islands get p = 1.
    auto wi = SpatialWeights::fromNeighbourLists({{1}, {0, 2}, {1}, {}});
    o.alternative = Alternative::TwoSided;
    const auto small =
        localMoranPermutation(std::vector<double>{1, 5, 2, 9}, wi.withStyle(WeightStyle::RowStandardised), o);
    EXPECT_EQ(small.p[3], 1.0);
    for (double p : small.p) EXPECT_LE(p, 1.0);
}

TEST(PermutationInference, LargeNeighbourhoodsUseTheFisherYatesPath)
{
    // A distance band with ~100 neighbours per point exercises the partial Fisher-Yates sampler.
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> u(0.0, 1000.0);
    std::exponential_distribution<double> expo(1.0);
    std::vector<PointRd> pts(900);
    std::vector<double> x(pts.size());
    for (std::size_t i = 0; i < pts.size(); ++i) {
        pts[i] = {u(rng), u(rng)};
        x[i] = expo(rng);
    }
    const auto w = distanceBandWeights(pts, 200.0).withSelf();
    PermutationOptions o;
    o.permutations = 99;
    o.alternative = Alternative::Greater;
    expectUniform(localGPermutation(x, w, o).p, "Gi* with large neighbourhoods");
}

TEST(MultipleTesting, MatchesRPAdjust)
{
    // p.adjust(c(0.01,0.04,0.03,0.005,0.2,0.5,0.02,1,0.04), "BH" / "bonferroni") in R 4.2.
    const std::vector<double> p{0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.02, 1, 0.04};
    const std::vector<double> bh{0.045, 0.06, 0.06, 0.045, 0.25714285714285717, 0.5625, 0.06, 1, 0.06};
    const std::vector<double> bf{0.09, 0.36, 0.27, 0.045, 1, 1, 0.18, 1, 0.36};
    const auto q = adjustPValues(p, PValueCorrection::FalseDiscoveryRate);
    const auto b = adjustPValues(p, PValueCorrection::Bonferroni);
    for (std::size_t i = 0; i < p.size(); ++i) {
        EXPECT_NEAR(q[i], bh[i], 1e-15) << i;
        EXPECT_NEAR(b[i], bf[i], 1e-15) << i;
    }
    EXPECT_EQ(adjustPValues(p, PValueCorrection::None), p);
    // Excluded entries (islands) keep their p and do not count in m.
    const std::vector<std::uint8_t> excl{0, 0, 1, 1, 1, 1, 1, 1, 1};
    const auto q2 = adjustPValues(p, PValueCorrection::Bonferroni, excl);
    EXPECT_DOUBLE_EQ(q2[0], 0.02);
    EXPECT_DOUBLE_EQ(q2[5], 0.5);
}

TEST(HotspotClasses, BinsAndLabels)
{
    EXPECT_EQ(hotspotBinFromZ(2.58), 3);
    EXPECT_EQ(hotspotBinFromZ(2.5799), 2);
    EXPECT_EQ(hotspotBinFromZ(-1.96), -2);
    EXPECT_EQ(hotspotBinFromZ(1.6499), 0);
    EXPECT_EQ(hotspotBinFromZ(-1.65), -1);
    EXPECT_EQ(hotspotBinFromP(0.01, 0.5), 3);
    // The levels include their bound: a permutation p of 50 / 1000 is significant at 95 %.
    EXPECT_EQ(hotspotBinFromP(50.0 / 1000.0, 1.2), 2);
    EXPECT_EQ(hotspotBinFromP(0.05, -0.4), -2);
    EXPECT_EQ(hotspotBinFromP(0.10, 0.3), 1);
    EXPECT_EQ(hotspotBinFromP(0.1000001, 0.3), 0);
    EXPECT_EQ(hotspotBinFromP(0.03, -2.0), -2);
    EXPECT_EQ(hotspotBinFromP(0.2, 3.0), 0);
    EXPECT_EQ(hotspotLabel(3), "Hotspot 99%");
    EXPECT_EQ(hotspotLabel(-2), "Coldspot 95%");
    EXPECT_EQ(hotspotLabel(0), "Niet significant");
    EXPECT_EQ(hotspotLabel(1, false, LabelLanguage::English), "Hot spot 90%");
    EXPECT_EQ(hotspotLabel(3, true), "Geen buren");
    EXPECT_EQ(lisaLabel(LisaQuadrant::HighHigh, true), "Hoog-Hoog");
    EXPECT_EQ(lisaLabel(LisaQuadrant::LowHigh, true), "Laag-Hoog");
    EXPECT_EQ(lisaLabel(LisaQuadrant::HighLow, false), "Niet significant");
    EXPECT_EQ(lisaLabel(LisaQuadrant::LowLow, true, LabelLanguage::English), "Low-Low");
    EXPECT_EQ(lisaLabel(LisaQuadrant::None, true), "Geen buren");
    EXPECT_NEAR(normalPValue(1.959963984540054, Alternative::TwoSided), 0.05, 1e-15);
    EXPECT_NEAR(normalPValue(-1.6448536269514722, Alternative::Less), 0.05, 1e-15);
    EXPECT_EQ(parseAlternative("two.sided"), Alternative::TwoSided);
    EXPECT_EQ(parsePValueCorrection("fdr"), PValueCorrection::FalseDiscoveryRate);
}

} // namespace
