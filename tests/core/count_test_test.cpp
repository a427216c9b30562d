#include "gebiedscan/core/count_test.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace gebiedscan;

// Reference values from R 4.2 (stats::poisson.test / binom.test), printed with %.15g:
//   poisson.test(c(10, 4), c(365, 365))$p.value  and so on.
TEST(CountTest, PoissonRatioAgreesWithR)
{
    EXPECT_NEAR(poissonRatioTest(10, 365, 4, 365), 0.1795654296875, 1e-12);
    EXPECT_NEAR(poissonRatioTest(3, 365, 30, 1095), 0.0418843381839372, 1e-12);
    EXPECT_NEAR(poissonRatioTest(0, 1, 5, 1), 0.0625, 1e-12);
    EXPECT_NEAR(poissonRatioTest(100, 366, 80, 365), 0.156601252297618, 1e-10);
    EXPECT_NEAR(poissonRatioTest(7, 1, 7, 1), 1.0, 1e-12);
    EXPECT_EQ(poissonRatioTest(0, 1, 0, 1), 1.0);
}

TEST(CountTest, BinomialAgreesWithR)
{
    EXPECT_NEAR(binomialTestTwoSided(3, 20, 0.3), 0.220418267380709, 1e-12);
    EXPECT_NEAR(binomialTestTwoSided(15, 20, 0.3), 4.29400219535917e-05, 1e-15);
    EXPECT_NEAR(binomialPmf(2, 4, 0.5), 6.0 / 16.0, 1e-15);
}

TEST(CountTest, BinomialCountsTheFirstOutcomeBeyondTheMean)
{
    // m = n p = 3.2, x = 2 below it: pmf(4) < pmf(2), so k = ceil(m) = 4 itself belongs to the
    // "at most as likely" outcomes on the far side. R 4.2: binom.test(2, 20, 0.16)$p.value.
    EXPECT_NEAR(binomialTestTwoSided(2, 20, 0.16), 0.75900243067183948, 1e-12);
    EXPECT_NEAR(binomialTestTwoSided(2, 40, 0.08), 0.76869952888374704, 1e-12);
}

// Large counts (a gemeente's registrations): R 4.2.2 binom.test(x, n, p)$p.value, %.17g
// (scripts/reference/binom_test_large.R).
TEST(CountTest, BinomialOfLargeCountsAgreesWithR)
{
    // Each pmf in Loader's form: from lgamma alone the third was 1.4e-10 off (lgamma(2e6 + 1)
    // = 2.7e7 keeps 9 digits after the point).
    EXPECT_NEAR(binomialTestTwoSided(12345, 40000, 0.3) / 0.00017441230609947065, 1.0, 1e-13);
    EXPECT_NEAR(binomialTestTwoSided(2950, 10000, 0.3), 0.28006007063658667, 1e-14);
    EXPECT_NEAR(binomialTestTwoSided(50, 2000000, 0.00003), 0.21946063235495539, 1e-14);
    EXPECT_NEAR(binomialTestTwoSided(30000, 50000, 0.58) / 1.0824714835201595e-19, 1.0, 1e-13);
    EXPECT_EQ(binomialTestTwoSided(9000, 30000, 0.3), 1.0);
    EXPECT_EQ(binomialTestTwoSided(200000, 800000, 0.25), 1.0);
}

// The test sums a few hundred terms from the tails' ends instead of every outcome: against the
// definition (every outcome at most as likely as x, each pmf from lgamma) over small and large n,
// both sides of the mean, p near 0 and 1 and x at the ends.
TEST(CountTest, BinomialTailsAgreeWithTheSumOverEveryOutcome)
{
    const auto definition = [](std::uint64_t x, std::uint64_t n, double p) {
        const double d = binomialPmf(x, n, p) * (1 + 1e-7);
        double total = 0.0;
        for (std::uint64_t k = 0; k <= n; ++k)
            if (binomialPmf(k, n, p) <= d) total += binomialPmf(k, n, p);
        return std::min(1.0, total);
    };
    int compared = 0;
    for (const std::uint64_t n : {1ULL, 2ULL, 7ULL, 20ULL, 333ULL, 5000ULL, 60000ULL})
        for (const double p : {0.001, 0.16, 0.3, 0.5, 0.75, 0.999})
            for (const double at : {0.0, 0.05, 0.5, 0.93, 0.97, 1.0, 1.03, 1.2, 2.0, 5.0}) {
                const auto x = std::min<std::uint64_t>(n, static_cast<std::uint64_t>(at * static_cast<double>(n) * p));
                if (static_cast<double>(x) == static_cast<double>(n) * p) continue; // 1 by definition
                const double want = definition(x, n, p), got = binomialTestTwoSided(x, n, p);
                EXPECT_NEAR(got, want, 1e-12 * want + 1e-300) << "x " << x << ", n " << n << ", p " << p;
                ++compared;
            }
    EXPECT_GT(compared, 350);
}
