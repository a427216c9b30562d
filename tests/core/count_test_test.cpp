#include "gebiedscan/core/count_test.hpp"

#include <gtest/gtest.h>

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
