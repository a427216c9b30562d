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
