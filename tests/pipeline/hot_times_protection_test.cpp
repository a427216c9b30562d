// The hour-of-week rows an extern scan publishes (hot_times_protection.hpp): whole numbers that
// add up to the area's total, small hours hidden with enough others that none can be solved.
#include "gebiedscan/pipeline/hot_times_protection.hpp"
#include "gebiedscan/pipeline/table_audit.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace gebiedscan::pipeline {
namespace {

TEST(HotTimesProtection, ApportionsByLargestRemainderToTheTotal)
{
    std::array<double, kHoursOfWeek> w{};
    w[0] = w[1] = w[2] = w[3] = 0.5; // four aoristic halves
    w[10] = 2.0;
    auto a = apportionHours(w, 4);
    EXPECT_EQ(a[0], 1); // ties go to the earlier hours
    EXPECT_EQ(a[1], 1);
    EXPECT_EQ(a[2], 0);
    EXPECT_EQ(a[3], 0);
    EXPECT_EQ(a[10], 2);
    // A total other than the weights' sum (rejected intervals) scales them: the hours still add up.
    a = apportionHours(w, 9);
    EXPECT_EQ(std::accumulate(a.begin(), a.end(), std::int64_t{0}), 9);
    EXPECT_EQ(a[10], 5); // 2/4 of 9 = 4.5 and four of 1.125: the one unit left goes to the 0.5
    EXPECT_EQ(a[0], 1);
    // A third of each of 168 hours, 56 in all: the largest remainders decide.
    std::array<double, kHoursOfWeek> third{};
    third.fill(1.0 / 3.0);
    a = apportionHours(third, 56);
    EXPECT_EQ(std::accumulate(a.begin(), a.end(), std::int64_t{0}), 56);
    EXPECT_EQ(*std::max_element(a.begin(), a.end()), 1);
}

// One area with 3 registrations at one hour, 8 and 9 at two others: the 3 needs a partner that
// can go down when it goes up, and the cheaper one is the 8 (the sequential LPs also take a 0
// for the way down: cheaper still, and harmless); the total 20 stays published.
HourOfWeekRow smallHourRow()
{
    HourOfWeekRow row;
    row.area = "gemeente GM0001";
    row.weights[5] = 3;
    row.weights[30] = 8;
    row.weights[100] = 9;
    row.total = 20;
    return row;
}

TEST(HotTimesProtection, ASmallHourIsHiddenWithAPartner)
{
    const auto p = protectHourOfWeek({smallHourRow()}, 5);
    ASSERT_EQ(p.rows.size(), 1u);
    const auto& hours = p.rows.front();
    EXPECT_FALSE(hours[5].has_value());
    EXPECT_EQ(p.primaries, 1u);
    EXPECT_EQ(p.secondaries, 2u);
    EXPECT_FALSE(hours[30].has_value()); // the smaller partner
    EXPECT_EQ(hours[100], 9);
    EXPECT_FALSE(hours[0].has_value()); // the 0
    EXPECT_EQ(hours[1], 0);
    EXPECT_EQ(p.rowsHiddenWhole, 0u);

    // The reader's view: published hours, the hidden ones and the total. Each hidden hour can
    // still be anything from 0 to 11 (they add up to 11), so 1..4 stays open.
    ProtectionTable reader;
    const auto total = reader.addPublishedCell(20, 5, "totaal");
    const auto cells = addHourOfWeekRow(reader, total, hours, 5, "gemeente GM0001", false);
    const auto audit = auditTable(reader, {AuditRule::FolderReader, true});
    EXPECT_TRUE(audit.passed());
    EXPECT_EQ(reader.cell(cells[5]).state, CellState::Hidden);
}

TEST(HotTimesProtection, TheSmallHourAloneIsSolvedFromTheTotal)
{
    // What a release without the partner would give away: 20 - 8 - 9 = 3 exactly.
    PublishedHours hours;
    for (int h = 0; h < kHoursOfWeek; ++h) hours[static_cast<std::size_t>(h)] = 0;
    hours[5].reset();
    hours[30] = 8;
    hours[100] = 9;
    ProtectionTable reader;
    const auto total = reader.addPublishedCell(20, 5, "totaal");
    addHourOfWeekRow(reader, total, hours, 5, "gemeente GM0001", false);
    const auto audit = auditTable(reader, {AuditRule::FolderReader, true});
    ASSERT_EQ(audit.failing.size(), 1u);
    const auto& iv = audit.intervals[audit.failing.front()];
    EXPECT_EQ(iv.low, 3.0);
    EXPECT_EQ(iv.high, 3.0);
    EXPECT_NE(reader.label(iv.cell).find("ma 05:00-06:00"), std::string::npos);
}

TEST(HotTimesProtection, TwoSmallHoursWithASmallSumTakeALargerPartner)
{
    // Hidden 1 and 1 alone add up to 2: each would lie in [0, 2], never 4. A third hour must go.
    HourOfWeekRow row;
    row.area = "gemeente GM0002";
    row.weights[0] = 1;
    row.weights[1] = 1;
    row.weights[2] = 6;
    row.weights[3] = 30;
    row.total = 38;
    const auto p = protectHourOfWeek({row}, 5);
    const auto& hours = p.rows.front();
    EXPECT_FALSE(hours[0].has_value());
    EXPECT_FALSE(hours[1].has_value());
    EXPECT_EQ(p.primaries, 2u);
    EXPECT_EQ(p.secondaries, 1u);
    EXPECT_FALSE(hours[2].has_value());
    EXPECT_EQ(hours[3], 30);
}

} // namespace
} // namespace gebiedscan::pipeline
