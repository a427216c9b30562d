// Gi* and local Moran permutations in one pass give exactly the p-values of the two separate
// runs: on the rejection path (few neighbours), the Fisher-Yates path (many), with islands, an
// area at the mean (local Moran constant there), and weights whose neighbours differ (fallback).
// So do many variables' local Moran permutations in one pass (a scan's themes on one level).
#include "gebiedscan/core/permutation_inference.hpp"
#include "gebiedscan/core/point_weights.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace gebiedscan;

namespace {

void expectSameAsSeparateRuns(const std::vector<double>& x, const SpatialWeights& w, Alternative alternative)
{
    PermutationOptions o;
    o.permutations = 499;
    o.alternative = alternative;
    const SpatialWeights wStar = w.withSelf(), wRow = w.withStyle(WeightStyle::RowStandardised);
    const auto both = localGAndMoranPermutation(x, wStar, wRow, o);
    const auto gi = localGPermutation(x, wStar, o);
    const auto moran = localMoranPermutation(x, wRow, o);
    ASSERT_EQ(both.gi.p.size(), x.size());
    ASSERT_EQ(both.moran.p.size(), x.size());
    std::size_t belowOne = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        ASSERT_EQ(both.gi.p[i], gi.p[i]) << i;
        ASSERT_EQ(both.gi.extreme[i], gi.extreme[i]) << i;
        ASSERT_EQ(both.moran.p[i], moran.p[i]) << i;
        ASSERT_EQ(both.moran.extreme[i], moran.extreme[i]) << i;
        belowOne += both.gi.p[i] < 1.0 ? 1 : 0;
    }
    EXPECT_GT(belowOne, x.size() / 4); // the comparison is about real p-values, not all ones
}

std::vector<PointRd> points(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1000.0);
    std::vector<PointRd> pts(n);
    for (auto& p : pts) p = {u(rng), u(rng)};
    pts.push_back({5000, 5000}); // an island
    return pts;
}

std::vector<double> trendValues(const std::vector<PointRd>& pts)
{
    std::vector<double> x;
    for (std::size_t i = 0; i < pts.size(); ++i) x.push_back(std::floor(pts[i].x / 100.0) + double(i % 4));
    return x;
}

TEST(PermutationPair, EqualsSeparateRunsWithFewAndManyNeighbours)
{
    const auto pts = points(600, 5);
    const auto x = trendValues(pts);
    for (auto alt : {Alternative::TwoSided, Alternative::Greater, Alternative::Less}) {
        expectSameAsSeparateRuns(x, distanceBandWeights(pts, 60.0), alt);  // ~7 neighbours: rejection
        expectSameAsSeparateRuns(x, distanceBandWeights(pts, 180.0), alt); // ~60: Fisher-Yates
    }
}

TEST(PermutationPair, AreaAtTheMeanKeepsMoranPOfOne)
{
    auto pts = points(300, 9);
    std::vector<double> x = trendValues(pts);
    double mean = 0;
    for (double v : x) mean += v;
    mean /= static_cast<double>(x.size());
    x.push_back(mean); // z = 0: local Moran is 0 in every permutation
    pts.push_back({500, 500});
    const auto w = distanceBandWeights(pts, 150.0);
    expectSameAsSeparateRuns(x, w, Alternative::TwoSided);
    PermutationOptions o;
    const auto both = localGAndMoranPermutation(x, w.withSelf(), w.withStyle(WeightStyle::RowStandardised), o);
    EXPECT_EQ(both.moran.p.back(), 1.0);
}

TEST(PermutationPair, DifferentNeighboursFallBackToSeparateRuns)
{
    const auto pts = points(400, 3);
    const auto x = trendValues(pts);
    PermutationOptions o;
    o.permutations = 199;
    const auto wG = distanceBandWeights(pts, 120.0).withSelf();
    const auto wM = knnWeights(pts, 6).withStyle(WeightStyle::RowStandardised);
    const auto both = localGAndMoranPermutation(x, wG, wM, o);
    EXPECT_EQ(both.gi.p, localGPermutation(x, wG, o).p);
    EXPECT_EQ(both.moran.p, localMoranPermutation(x, wM, o).p);
}

// A scan's themes: many variables, one weights matrix, one set of draws. Each must get exactly
// the p-values and counts of its own run: a variable at the mean somewhere, a constant one (p = 1
// everywhere), counts with many zeros, on both paths and with one and two threads.
TEST(PermutationPair, ManyVariablesInOnePassEqualTheirOwnRuns)
{
    auto pts = points(500, 11);
    const auto trend = trendValues(pts);
    std::vector<std::vector<double>> xs(7);
    std::mt19937_64 rng(4);
    std::poisson_distribution<int> few(0.3), many(6.0);
    for (std::size_t i = 0; i < pts.size(); ++i) {
        xs[0].push_back(trend[i]);
        xs[1].push_back(few(rng));
        xs[2].push_back(many(rng));
        xs[3].push_back(2.0); // constant: no area can be extreme
        xs[4].push_back(trend[i] * trend[i]);
        xs[5].push_back(i % 2 ? 1.0 : -1.0);
        xs[6].push_back(few(rng) + many(rng));
    }
    for (const double band : {60.0, 180.0}) {
        const auto w = distanceBandWeights(pts, band).withStyle(WeightStyle::RowStandardised);
        for (auto alt : {Alternative::TwoSided, Alternative::Greater, Alternative::Less})
            for (const unsigned threads : {1u, 2u}) {
                SCOPED_TRACE(::testing::Message() << "band " << band << ", threads " << threads);
                PermutationOptions o;
                o.permutations = 299;
                o.alternative = alt;
                o.threads = threads;
                const auto all = localMoranPermutations(xs, w, o);
                ASSERT_EQ(all.size(), xs.size());
                std::size_t belowOne = 0;
                for (std::size_t v = 0; v < xs.size(); ++v) {
                    const auto alone = localMoranPermutation(xs[v], w, o);
                    EXPECT_EQ(all[v].p, alone.p) << "variable " << v;
                    EXPECT_EQ(all[v].extreme, alone.extreme) << "variable " << v;
                    EXPECT_EQ(all[v].permutations, 299u);
                    for (double p : all[v].p) belowOne += p < 1.0 ? 1 : 0;
                }
                EXPECT_GT(belowOne, xs.size() * pts.size() / 4);
                for (double p : all[3].p) EXPECT_EQ(p, 1.0);
            }
    }
    EXPECT_TRUE(localMoranPermutations({}, distanceBandWeights(pts, 60.0)).empty());
}

} // namespace
