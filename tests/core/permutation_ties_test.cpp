// Conditional permutation with integer-valued data, where permuted statistics tie with the
// observed one: the pseudo p-value must count ties as "at least as extreme" on both sides and
// use (M + 1) / (R + 1), as permutation_inference.hpp documents. With one high value among equal
// ones the tie count is known in distribution, and for some areas every permutation ties.
#include "gebiedscan/core/permutation_inference.hpp"
#include "gebiedscan/core/spatial_weights.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace gebiedscan;

namespace {

// A chain 0 - 1 - 2 - ... - (n-1): every inner area has two neighbours. Area 0 has value 5, the
// others 1.
struct Chain {
    std::vector<double> x;
    SpatialWeights w;
};

Chain chain(std::size_t n)
{
    std::vector<std::vector<std::size_t>> lists(n);
    for (std::size_t i = 0; i + 1 < n; ++i) {
        lists[i].push_back(i + 1);
        lists[i + 1].push_back(i);
    }
    std::vector<double> x(n, 1.0);
    x[0] = 5.0;
    return {x, SpatialWeights::fromNeighbourLists(lists)};
}

PermutationOptions options(Alternative alternative)
{
    PermutationOptions o;
    o.permutations = 999;
    o.alternative = alternative;
    o.threads = 1;
    return o;
}

} // namespace

// n = 8 takes the Fisher-Yates path (4 k >= n), n = 40 the rejection sampler.
class PermutationTies : public ::testing::TestWithParam<std::size_t> {};

TEST_P(PermutationTies, EveryPermutationTiesGivesPOne)
{
    const auto c = chain(GetParam());
    // Area 3: neighbours 2 and 4 hold 1 and 1; the other areas hold seven (or more) 1s and one 5.
    // Area 5's neighbours likewise. Gi without self: the observed lag is 2. A permuted lag is 2
    // (a tie) unless it draws the 5, then 6 (greater). So M>= = R exactly.
    const auto greater = localGPermutation(c.x, c.w, options(Alternative::Greater));
    EXPECT_EQ(greater.extreme[3], 999u);
    EXPECT_DOUBLE_EQ(greater.p[3], 1.0); // (999 + 1) / 1000
    // Every permuted lag is at least 2: none is at most 2 except the ties, which count.
    const auto less = localGPermutation(c.x, c.w, options(Alternative::Less));
    const auto ties = less.extreme[3];
    EXPECT_GT(ties, 600u); // P(tie) = 1 - P(draw the 5) >= 1 - 2/7
    EXPECT_LT(ties, 999u);
    EXPECT_DOUBLE_EQ(less.p[3], (ties + 1.0) / 1000.0);
    // Two-sided: min(M>=, M<=) = the ties; p = 2 (M + 1) / (R + 1).
    const auto two = localGPermutation(c.x, c.w, options(Alternative::TwoSided));
    EXPECT_EQ(two.extreme[3], ties); // same seed, same draws
    EXPECT_DOUBLE_EQ(two.p[3], std::min(1.0, 2.0 * (ties + 1.0) / 1000.0));
}

TEST_P(PermutationTies, KnownTieCountGivesTheExactPseudoP)
{
    const std::size_t n = GetParam();
    const auto c = chain(n);
    // Area 1: neighbours 0 and 2 hold 5 and 1, observed lag 6 = the largest possible. A permuted
    // lag ties (6) when it draws the 5, with probability 2 / (n - 1), else it is 2 (smaller).
    // So M>= = ties ~ Binomial(R, 2 / (n - 1)) and M<= = R.
    const auto two = localGPermutation(c.x, c.w, options(Alternative::TwoSided));
    const auto ties = two.extreme[1];
    const double expected = 999.0 * 2.0 / static_cast<double>(n - 1);
    const double sd = std::sqrt(expected * (1.0 - 2.0 / static_cast<double>(n - 1)));
    EXPECT_GT(ties, expected - 5 * sd) << "ties must count as at least as extreme";
    EXPECT_LT(ties, expected + 5 * sd);
    EXPECT_DOUBLE_EQ(two.p[1], 2.0 * (ties + 1.0) / 1000.0);
    const auto greater = localGPermutation(c.x, c.w, options(Alternative::Greater));
    EXPECT_EQ(greater.extreme[1], ties);
    EXPECT_DOUBLE_EQ(greater.p[1], (ties + 1.0) / 1000.0);
    const auto less = localGPermutation(c.x, c.w, options(Alternative::Less));
    EXPECT_EQ(less.extreme[1], 999u);
    EXPECT_DOUBLE_EQ(less.p[1], 1.0);
}

TEST_P(PermutationTies, LocalMoranBelowTheMeanTurnsTheTailsAround)
{
    const std::size_t n = GetParam();
    const auto c = chain(n);
    // Area 1 is below the mean (z < 0) and its lag of z is the largest possible, so its I_i is the
    // smallest possible: every permuted I_i is at least as large (M>= = R) and only the ties (the
    // draws of the 5) are at most as small.
    const auto greater = localMoranPermutation(c.x, c.w, options(Alternative::Greater));
    EXPECT_EQ(greater.extreme[1], 999u);
    EXPECT_DOUBLE_EQ(greater.p[1], 1.0);
    const auto less = localMoranPermutation(c.x, c.w, options(Alternative::Less));
    const auto ties = less.extreme[1];
    const double expected = 999.0 * 2.0 / static_cast<double>(n - 1);
    EXPECT_GT(ties, expected / 2);
    EXPECT_LT(ties, expected * 1.5);
    EXPECT_DOUBLE_EQ(less.p[1], (ties + 1.0) / 1000.0);
}

INSTANTIATE_TEST_SUITE_P(BothSamplers, PermutationTies, ::testing::Values(std::size_t{8}, std::size_t{40}));
