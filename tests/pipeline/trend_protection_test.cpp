// The trends protection as an intruder attacks it: a location's total minus its published periods
// gives a hidden period back unless a complement is hidden too (issue 13).
#include "gebiedscan/pipeline/table_audit.hpp"
#include "gebiedscan/pipeline/trend_protection.hpp"

#include <gtest/gtest.h>

using namespace gebiedscan;
using pipeline::TrendProtection;

namespace {

SpaceTimeCube cubeOf(const std::vector<std::vector<double>>& series)
{
    SpaceTimeCube cube(series.size(), series.front().size());
    for (std::size_t i = 0; i < series.size(); ++i)
        for (std::size_t t = 0; t < series[i].size(); ++t) cube.at(i, t) = series[i][t];
    return cube;
}

} // namespace

TEST(TrendProtection, TotalMinusPublishedPeriodsIsCaughtAndClosed)
{
    // Location 0: 6 + 2 + 0 + 7 = 15. Hiding only the 2 (the old rule) lets 15 - 6 - 7 give it back.
    const auto cube = cubeOf({{6, 2, 0, 7}, {9, 8, 7, 6}});
    TrendProtection p(cube, 5);
    EXPECT_TRUE(p.count(0, 1));
    EXPECT_FALSE(p.count(0, 0));
    EXPECT_FALSE(p.total(0));

    const auto oldRule = pipeline::auditTable(p.table(), {pipeline::AuditRule::FolderReader, true});
    ASSERT_EQ(oldRule.failing.size(), 1u);
    const auto& iv = oldRule.intervals[oldRule.failing[0]];
    EXPECT_EQ(iv.low, 2.0); // recovered exactly
    EXPECT_EQ(iv.high, 2.0);

    const auto report = p.protect();
    EXPECT_TRUE(report.auditPassed);
    EXPECT_EQ(report.primaries, 1u);
    EXPECT_EQ(report.secondaries, 1u); // one complement is enough: the 6, the 7 or the total
    EXPECT_TRUE(p.count(0, 0) || p.count(0, 3) || p.total(0));
    EXPECT_TRUE(p.anyHidden(0));
    EXPECT_FALSE(p.anyHidden(1)); // nothing small there, nothing hidden
    for (std::size_t t = 0; t < 4; ++t) EXPECT_FALSE(p.count(1, t));
    EXPECT_TRUE(pipeline::auditTable(p.table(), {pipeline::AuditRule::FolderReader, true}).passed());
    EXPECT_TRUE(pipeline::auditTable(p.table(), {pipeline::AuditRule::ProtectionLevels, true}).passed());
}

TEST(TrendProtection, SmallTotalHidesItsPeriodsAndPassesAsIs)
{
    // 1 + 2 = 3 < 5: total and both periods are primary; zeros stay published.
    const auto cube = cubeOf({{1, 0, 2}});
    TrendProtection p(cube, 5);
    EXPECT_TRUE(p.total(0));
    EXPECT_TRUE(p.count(0, 0));
    EXPECT_FALSE(p.count(0, 1));
    EXPECT_TRUE(p.count(0, 2));
    const auto report = p.protect();
    EXPECT_TRUE(report.auditPassed);
    EXPECT_EQ(report.primaries, 3u);
    EXPECT_EQ(report.secondaries, 0u);
}

TEST(TrendProtection, TwoSmallPeriodsOfALargeTotalStillNeedNoMore)
{
    // 4 + 3 + 10 = 17: the 4 and 3 hidden, x + y = 7 leaves each in [0, 7], which covers 1..4.
    const auto cube = cubeOf({{4, 3, 10}});
    TrendProtection p(cube, 5);
    const auto report = p.protect();
    EXPECT_TRUE(report.auditPassed);
    EXPECT_EQ(report.primaries, 2u);
    EXPECT_EQ(report.secondaries, 0u);
    EXPECT_FALSE(p.count(0, 2));
    EXPECT_FALSE(p.total(0));
}

TEST(TrendProtection, OneSmallPeriodBesideALargeOneHidesTheComplement)
{
    // 5 + 1 = 6: hiding the 1 alone gives 6 - 5 = 1. With the 5 hidden x + y = 6, both [0, 6].
    const auto cube = cubeOf({{5, 1}});
    TrendProtection p(cube, 5);
    const auto report = p.protect();
    EXPECT_TRUE(report.auditPassed);
    EXPECT_EQ(report.secondaries, 1u);
    EXPECT_TRUE(p.count(0, 1));
    EXPECT_TRUE(p.count(0, 0) || p.total(0));
}
