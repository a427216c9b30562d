#include "gebiedscan/core/hot_times.hpp"

#include <gtest/gtest.h>

using namespace gebiedscan;

namespace {
LocalTime at(int y, unsigned m, unsigned d, unsigned h = 0, unsigned mi = 0)
{
    return *makeLocalTime(y, m, d, h, mi);
}
} // namespace

TEST(HotTimes, InstantGoesIntoItsHour)
{
    HotTimes ht;
    ht.add(at(2023, 5, 1, 13, 45));                 // Monday
    ht.add(*parseTimeInterval("2023-05-07T23:59")); // Sunday, instant (start == end)
    EXPECT_DOUBLE_EQ(ht.at(0, 13), 1.0);
    EXPECT_DOUBLE_EQ(ht.at(167), 1.0);
    EXPECT_EQ(ht.events(), 2);
    EXPECT_EQ(ht.spreadEvents(), 0);
    EXPECT_EQ(ht.peakHour(), 13);
}

TEST(HotTimes, AoristicSpreadIsProportionalToOverlap)
{
    HotTimes ht;
    // Friday 22:30 - Saturday 01:30: 3 hours over four hour slots.
    ASSERT_TRUE(ht.add(TimeInterval{at(2023, 5, 5, 22, 30), at(2023, 5, 6, 1, 30)}, 3.0));
    EXPECT_DOUBLE_EQ(ht.at(4, 22), 0.5);
    EXPECT_DOUBLE_EQ(ht.at(4, 23), 1.0);
    EXPECT_DOUBLE_EQ(ht.at(5, 0), 1.0);
    EXPECT_DOUBLE_EQ(ht.at(5, 1), 0.5);
    EXPECT_NEAR(ht.total(), 3.0, 1e-12);
    EXPECT_EQ(ht.spreadEvents(), 1);
}

TEST(HotTimes, WholeDayAndWeekWrap)
{
    HotTimes ht;
    ht.add(*parseTimeInterval("06-05-2023")); // Saturday, whole day
    for (int h = 0; h < 24; ++h) EXPECT_NEAR(ht.at(5, h), 1.0 / 24.0, 1e-15);
    HotTimes wrap;
    wrap.add(TimeInterval{at(2023, 5, 7, 23), at(2023, 5, 8, 1)}); // Sunday 23:00 - Monday 01:00
    EXPECT_DOUBLE_EQ(wrap.at(167), 0.5);
    EXPECT_DOUBLE_EQ(wrap.at(0), 0.5);
}

TEST(HotTimes, IntervalsOfAWeekOrMoreAreSpreadEvenly)
{
    HotTimes ht;
    ht.add(TimeInterval{at(2023, 5, 1, 9), at(2023, 5, 11, 9)}); // 10 days: capped
    ht.add(TimeInterval{at(2023, 5, 3), at(2023, 5, 10)});       // exactly 7 days
    for (int h = 0; h < 168; ++h) EXPECT_NEAR(ht.at(h), 2.0 / 168.0, 1e-15);
    EXPECT_EQ(ht.cappedEvents(), 2);
}

TEST(HotTimes, RejectsReversedIntervalsAndMerges)
{
    HotTimes a, b;
    EXPECT_FALSE(a.add(TimeInterval{at(2023, 5, 2), at(2023, 5, 1)}));
    EXPECT_EQ(a.rejected(), 1);
    EXPECT_EQ(a.peakHour(), -1);
    a.add(at(2023, 5, 2, 8));
    b.add(at(2023, 5, 2, 8, 30));
    b.add(at(1969, 12, 29, 8)); // a Monday before 1970: floor division for negative seconds
    a.merge(b);
    EXPECT_DOUBLE_EQ(a.at(1, 8), 2.0);
    EXPECT_DOUBLE_EQ(a.at(0, 8), 1.0);
    EXPECT_EQ(a.events(), 3);
    EXPECT_EQ(a.rejected(), 1);
    EXPECT_EQ(dutchDayShort(6), "zo");
}

TEST(HotTimes, SpreadBeforeEpochUsesWholeHours)
{
    HotTimes ht;
    ht.add(TimeInterval{at(1969, 12, 31, 22, 30), at(1970, 1, 1, 0, 30)}); // Wed 22:30 - Thu 00:30
    EXPECT_DOUBLE_EQ(ht.at(2, 22), 0.25);
    EXPECT_DOUBLE_EQ(ht.at(2, 23), 0.5);
    EXPECT_DOUBLE_EQ(ht.at(3, 0), 0.25);
}

TEST(HotTimes, SpreadsInDutchLocalTimeAcrossSummerTimeChanges)
{
    // Sunday 31 March 2024 has no 02:00-03:00: a whole day is 23 real hours, each 1/23.
    HotTimes spring;
    spring.add(*parseTimeInterval("2024-03-31"));
    EXPECT_NEAR(spring.at(6, 2), 0.0, 1e-15);
    EXPECT_NEAR(spring.at(6, 1), 1.0 / 23, 1e-12);
    EXPECT_NEAR(spring.at(6, 3), 1.0 / 23, 1e-12);
    EXPECT_NEAR(spring.total(), 1.0, 1e-12);
    // Sunday 27 October 2024 has 02:00-03:00 twice: 25 real hours, that hour gets 2/25.
    HotTimes autumn;
    autumn.add(*parseTimeInterval("2024-10-27"));
    EXPECT_NEAR(autumn.at(6, 2), 2.0 / 25, 1e-12);
    EXPECT_NEAR(autumn.at(6, 1), 1.0 / 25, 1e-12);
    EXPECT_NEAR(autumn.total(), 1.0, 1e-12);
    // An ordinary day stays 24 x 1/24.
    HotTimes plain;
    plain.add(*parseTimeInterval("2024-06-05"));
    EXPECT_NEAR(plain.at(2, 2), 1.0 / 24, 1e-12);
}
