#include "gebiedscan/core/date_time.hpp"

#include <gtest/gtest.h>

using namespace gebiedscan;

TEST(DateTime, CivilDaysRoundTrip)
{
    EXPECT_EQ(daysFromCivil(1970, 1, 1), 0);
    EXPECT_EQ(daysFromCivil(2000, 3, 1), 11017);
    EXPECT_EQ(daysFromCivil(2024, 2, 29), 19782);
    for (std::int64_t d = -1000; d < 30000; d += 37) {
        int y = 0;
        unsigned m = 0, day = 0;
        civilFromDays(d, y, m, day);
        EXPECT_EQ(daysFromCivil(y, m, day), d);
    }
}

TEST(DateTime, ParsesDutchAndIsoFormats)
{
    const auto iso = parseTimeInterval("2023-05-01");
    ASSERT_TRUE(iso);
    EXPECT_EQ(formatLocalTime(iso->start), "2023-05-01T00:00:00");
    EXPECT_EQ(iso->end.seconds - iso->start.seconds, kSecondsPerDay); // a whole day

    for (const char* text :
         {"01-05-2023 13:45", "1-5-2023 13:45", "01/05/2023 13:45:00", "2023-05-01T13:45", "2023/05/01 13:45",
          "2023-05-01T13:45:00.250Z", "2023-05-01T13:45:00+02:00", " 2023-05-01 13:45 "}) {
        const auto t = parseTimeInterval(text);
        ASSERT_TRUE(t) << text;
        EXPECT_EQ(formatLocalTime(t->start), "2023-05-01T13:45:00") << text;
    }
    const auto compact = parseTimeInterval("20230501");
    ASSERT_TRUE(compact);
    EXPECT_EQ(formatLocalTime(compact->start, true), "2023-05-01");

    const auto year = parseTimeInterval("2017");
    ASSERT_TRUE(year);
    EXPECT_EQ(formatLocalTime(year->start, true), "2017-01-01");
    EXPECT_EQ(formatLocalTime(year->end, true), "2018-01-01");
}

TEST(DateTime, ParsesCompactPoliceTimestampsAndExcelSerialDays)
{
    // BVH begin/end/report times: yyyymmddhhmm[ss], second 60 as some systems write it.
    const auto bvh = parseTimeInterval("20170920173000");
    ASSERT_TRUE(bvh);
    EXPECT_EQ(formatLocalTime(bvh->start), "2017-09-20T17:30:00");
    EXPECT_EQ(bvh->end, bvh->start); // an instant
    const auto sixty = parseTimeInterval("20170920173060");
    ASSERT_TRUE(sixty);
    EXPECT_EQ(formatLocalTime(sixty->start), "2017-09-20T17:30:59");
    const auto minutes = parseTimeInterval("201709201730");
    ASSERT_TRUE(minutes);
    EXPECT_EQ(formatLocalTime(minutes->start), "2017-09-20T17:30:00");
    EXPECT_FALSE(parseTimeInterval("20170920176000")); // minute 60
    EXPECT_FALSE(parseTimeInterval("20171320173000")); // month 13
    EXPECT_FALSE(parseTimeInterval("2017092017300"));  // 13 digits

    // Excel serial days (1900 system): 45123 = 2023-07-16 (independently: Python's
    // datetime(1899, 12, 30) + timedelta(45123)), a fraction is the time of day.
    const auto day = parseTimeInterval("45123");
    ASSERT_TRUE(day);
    EXPECT_EQ(formatLocalTime(day->start, true), "2023-07-16");
    EXPECT_EQ(day->end.seconds - day->start.seconds, kSecondsPerDay);
    const auto instant = parseTimeInterval("45123,75");
    ASSERT_TRUE(instant);
    EXPECT_EQ(formatLocalTime(instant->start), "2023-07-16T18:00:00");
    const auto quarter = parseTimeInterval("44927.5729166667"); // 2023-01-01 13:45
    ASSERT_TRUE(quarter);
    EXPECT_EQ(formatLocalTime(quarter->start), "2023-01-01T13:45:00");
    EXPECT_EQ(formatLocalTime(parseTimeInterval("25569")->start, true), "1970-01-01");
    EXPECT_FALSE(parseTimeInterval("4512"));    // not a year-only date: 4512 is out of range
    EXPECT_FALSE(parseTimeInterval("451234"));  // six digits
    EXPECT_FALSE(parseTimeInterval("45123,x")); // fraction must be digits
}

TEST(DateTime, RejectsInvalidDates)
{
    for (const char* text : {"", "onbekend", "31-02-2023", "2023-13-01", "2023-02-29", "2023-05-01 25:00", "05/01/23",
                             "2023-05-01X", "1.1.1", "2023-05-01 13"})
        EXPECT_FALSE(parseTimeInterval(text)) << text;
    EXPECT_TRUE(parseTimeInterval("2024-02-29")); // leap day
}

TEST(DateTime, HourOfWeekStartsMonday)
{
    EXPECT_EQ(hourOfWeek(parseTimeInterval("2024-01-01 00:30")->start), 0);          // a Monday
    EXPECT_EQ(hourOfWeek(parseTimeInterval("2024-01-07 23:59")->start), 167);        // Sunday
    EXPECT_EQ(hourOfWeek(parseTimeInterval("1970-01-01 05:00")->start), 3 * 24 + 5); // Thursday
}

TEST(DateTime, TimeOfDayInItsOwnColumn)
{
    EXPECT_EQ(parseTimeOfDay("13:45"), 13 * 3600 + 45 * 60);
    EXPECT_EQ(parseTimeOfDay(" 9:05:30 "), 9 * 3600 + 5 * 60 + 30);
    EXPECT_EQ(parseTimeOfDay("1345"), 13 * 3600 + 45 * 60);
    EXPECT_EQ(parseTimeOfDay("173060"), 17 * 3600 + 30 * 60 + 59); // BVH's second 60
    EXPECT_EQ(parseTimeOfDay("00:00"), 0);
    EXPECT_FALSE(parseTimeOfDay("24:00"));
    EXPECT_FALSE(parseTimeOfDay("13:4"));
    EXPECT_FALSE(parseTimeOfDay("2024-01-01"));
    EXPECT_FALSE(parseTimeOfDay(""));
}

TEST(DateTime, AmsterdamOffsetFollowsTheEuRule)
{
    // 2024: summer time from 31 March 01:00 UTC to 27 October 01:00 UTC.
    const auto utc = [](int y, unsigned m, unsigned d, unsigned h, unsigned min) {
        return makeLocalTime(y, m, d, h, min)->seconds;
    };
    EXPECT_EQ(amsterdamUtcOffset(utc(2024, 3, 31, 0, 59)), 3600);
    EXPECT_EQ(amsterdamUtcOffset(utc(2024, 3, 31, 1, 0)), 7200);
    EXPECT_EQ(amsterdamUtcOffset(utc(2024, 10, 27, 0, 59)), 7200);
    EXPECT_EQ(amsterdamUtcOffset(utc(2024, 10, 27, 1, 0)), 3600);
    EXPECT_EQ(amsterdamToUtc(*makeLocalTime(2024, 7, 1, 12, 0)), utc(2024, 7, 1, 10, 0));
    EXPECT_EQ(amsterdamToUtc(*makeLocalTime(2024, 1, 1, 12, 0)), utc(2024, 1, 1, 11, 0));
    EXPECT_EQ(amsterdamToUtc(*makeLocalTime(2024, 10, 27, 2, 30)), utc(2024, 10, 27, 0, 30)); // first 02:30
    EXPECT_TRUE(hasTimeOfDay(*parseTimeInterval("2024-01-01 13:00")));
    EXPECT_FALSE(hasTimeOfDay(*parseTimeInterval("2024-01-01")));
    EXPECT_FALSE(hasTimeOfDay(*parseTimeInterval("2024")));
}
