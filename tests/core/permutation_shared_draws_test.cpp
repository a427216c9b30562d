// Shared draws (PermutationOptions::shareDraws): areas with the same null distribution (same own
// value, number of neighbours and one weight for all of them, as the empty cells of a grid) are
// tested against the draws of the first of them. The first area of every group keeps exactly the
// p-values it has without sharing; equal cases get equal p-values; the others stay within Monte
// Carlo error of their own draws; weights that differ per neighbour are never shared.
#include "gebiedscan/core/permutation_inference.hpp"
#include "gebiedscan/core/point_weights.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <tuple>

using namespace gebiedscan;

namespace {

// Cell centres of a 60 x 50 grid of 100 m, counts mostly 0 and 1 with a hot corner.
struct GridCase {
    std::vector<PointRd> centres;
    std::vector<double> counts;
};

GridCase gridCase()
{
    GridCase g;
    std::mt19937_64 rng(17);
    for (int row = 0; row < 50; ++row)
        for (int col = 0; col < 60; ++col) {
            g.centres.push_back({50.0 + 100.0 * col, 50.0 + 100.0 * row});
            std::poisson_distribution<int> count(row < 10 && col < 10 ? 4.0 : 0.3);
            g.counts.push_back(count(rng));
        }
    return g;
}

double neighbourSum(const SpatialWeights& w, const std::vector<double>& x, std::size_t i)
{
    double sum = 0.0;
    for (const auto j : w.neighbours(i))
        if (j != i) sum += x[j];
    return sum;
}

TEST(PermutationSharedDraws, FirstOfEachGroupKeepsItsPAndEqualCasesGetEqualP)
{
    const GridCase g = gridCase();
    // About 8 neighbours (rejection sampling) and about 28 (partial Fisher-Yates).
    for (const double band : {150.0, 300.0}) {
        const SpatialWeights w = distanceBandWeights(g.centres, band);
        const SpatialWeights wStar = w.withSelf(), wRow = w.withStyle(WeightStyle::RowStandardised);
        for (const auto alternative : {Alternative::TwoSided, Alternative::Greater})
            for (const unsigned threads : {1u, 2u}) {
                SCOPED_TRACE(::testing::Message() << "band " << band << ", threads " << threads);
                PermutationOptions own;
                own.permutations = 499;
                own.alternative = alternative;
                own.threads = threads;
                PermutationOptions shared = own;
                shared.shareDraws = true;
                const auto alone = localGAndMoranPermutation(g.counts, wStar, wRow, own);
                const auto both = localGAndMoranPermutation(g.counts, wStar, wRow, shared);
                PermutationOptions otherSeed = own;
                otherSeed.seed = own.seed + 1;
                const auto again = localGAndMoranPermutation(g.counts, wStar, wRow, otherSeed);

                // Groups as the kernel forms them: own value and number of neighbours.
                std::map<std::pair<double, std::size_t>, std::size_t> firstOfGroup;
                // Equal cases: also the same observed neighbour sum, so the same verdict.
                std::map<std::tuple<double, std::size_t, double>, std::size_t> firstOfCase;
                double giDifference = 0.0, moranDifference = 0.0, giNoise = 0.0, moranNoise = 0.0;
                std::size_t shared0 = 0, belowOne = 0;
                for (std::size_t i = 0; i < g.counts.size(); ++i) {
                    const std::size_t k = w.neighbours(i).size();
                    const auto [group, first] = firstOfGroup.try_emplace({g.counts[i], k}, i);
                    if (first) {
                        ASSERT_EQ(both.gi.p[i], alone.gi.p[i]) << i;
                        ASSERT_EQ(both.gi.extreme[i], alone.gi.extreme[i]) << i;
                        ASSERT_EQ(both.moran.p[i], alone.moran.p[i]) << i;
                        ASSERT_EQ(both.moran.extreme[i], alone.moran.extreme[i]) << i;
                    } else {
                        ++shared0;
                    }
                    const auto [equal, firstCase] =
                        firstOfCase.try_emplace({g.counts[i], k, neighbourSum(w, g.counts, i)}, i);
                    if (!firstCase) {
                        ASSERT_EQ(both.gi.p[i], both.gi.p[equal->second]) << i;
                        ASSERT_EQ(both.moran.p[i], both.moran.p[equal->second]) << i;
                    }
                    giDifference += std::fabs(both.gi.p[i] - alone.gi.p[i]);
                    moranDifference += std::fabs(both.moran.p[i] - alone.moran.p[i]);
                    giNoise += std::fabs(again.gi.p[i] - alone.gi.p[i]);
                    moranNoise += std::fabs(again.moran.p[i] - alone.moran.p[i]);
                    belowOne += both.gi.p[i] < 0.5 ? 1 : 0;
                }
                EXPECT_GT(shared0, g.counts.size() * 9 / 10); // most cells are tested on another's draws
                EXPECT_GT(belowOne, g.counts.size() / 10);    // real p-values, not all ones
                // Shared draws differ from a cell's own no more than another seed's draws do.
                EXPECT_GT(giNoise, 0.0);
                EXPECT_LT(giDifference, 1.2 * giNoise);
                EXPECT_LT(moranDifference, 1.2 * moranNoise);
            }
    }
}

TEST(PermutationSharedDraws, WeightsThatDifferPerNeighbourAreNeverShared)
{
    const GridCase g = gridCase();
    const SpatialWeights band = distanceBandWeights(g.centres, 300.0);
    std::vector<std::size_t> from, to;
    std::vector<double> weights;
    for (std::size_t i = 0; i < band.size(); ++i)
        for (const auto j : band.neighbours(i)) {
            from.push_back(i);
            to.push_back(j);
            weights.push_back(1.0 / std::hypot(g.centres[i].x - g.centres[j].x, g.centres[i].y - g.centres[j].y));
        }
    const SpatialWeights inverseDistance = SpatialWeights::fromTriplets(band.size(), from, to, weights);
    PermutationOptions own;
    own.permutations = 199;
    PermutationOptions shared = own;
    shared.shareDraws = true;
    const auto alone = localMoranPermutation(g.counts, inverseDistance, own);
    const auto both = localMoranPermutation(g.counts, inverseDistance, shared);
    EXPECT_EQ(both.p, alone.p);
    EXPECT_EQ(both.extreme, alone.extreme);

    // The same with binary weights does share (else the test above proves nothing).
    EXPECT_NE(localMoranPermutation(g.counts, band, shared).p, localMoranPermutation(g.counts, band, own).p);
}

} // namespace
