#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gebiedscan {

/// Naive local date-time (Dutch registrations carry no zone) as seconds since 1970-01-01 00:00.
struct LocalTime {
    std::int64_t seconds = 0;
    auto operator<=>(const LocalTime&) const = default;
};

/// A registration's time: an instant, a whole day or a whole year (start inclusive, end
/// exclusive). Police extracts often give a from-to interval ("pleegdatum van/tot").
struct TimeInterval {
    LocalTime start;
    LocalTime end;
};

constexpr std::int64_t kSecondsPerDay = 86400;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
[[nodiscard]] std::int64_t daysFromCivil(int year, unsigned month, unsigned day);

/// Inverse of daysFromCivil.
void civilFromDays(std::int64_t days, int& year, unsigned& month, unsigned& day);

/// Builds a LocalTime; nullopt when the fields do not form a valid date or time.
[[nodiscard]] std::optional<LocalTime> makeLocalTime(int year, unsigned month, unsigned day, unsigned hour = 0,
                                                     unsigned minute = 0, unsigned second = 0);

/// Parses the date formats found in Dutch police and BRON extracts:
/// `2023-05-01`, `2023/05/01`, `20230501`, `01-05-2023`, `1-5-2023`, `01/05/2023` (day first),
/// each optionally followed by `T` or a space and `13:45`, `13:45:10` or `13:45:10.250`
/// (a trailing `Z` or UTC offset is accepted and ignored: times are taken as local),
/// and a bare year `2017` (the whole year); compact police timestamps `202309201730` and
/// `20230920173060` (second 60 read as 59); Excel serial days `45123` (a day) and `45123,75`
/// (an instant). A date without time is the whole day.
/// Returns nullopt for anything else.
[[nodiscard]] std::optional<TimeInterval> parseTimeInterval(std::string_view text);

/// ISO 8601 text of a LocalTime: `2023-05-01` when at midnight and `dateOnly`, else
/// `2023-05-01T13:45:00`.
[[nodiscard]] std::string formatLocalTime(LocalTime t, bool dateOnly = false);

/// Hour of the week 0..167, Monday 00:00-01:00 = 0.
[[nodiscard]] int hourOfWeek(LocalTime t);

/// A time of day in a column of its own (`13:45`, `13:45:10`, `9:05`, compact `1345` or `134510`,
/// second 60 read as 59) as seconds after midnight; nullopt for anything else.
[[nodiscard]] std::optional<std::int64_t> parseTimeOfDay(std::string_view text);

/// True when the interval carries a time of day: it does not start and end at midnight.
[[nodiscard]] bool hasTimeOfDay(const TimeInterval& t);

/// Offset of Dutch local time (Europe/Amsterdam) from UTC at a UTC instant given as seconds
/// since 1970: 7200 in summer time (last Sunday of March 01:00 UTC to last Sunday of October
/// 01:00 UTC, the EU rule since 1996), else 3600.
[[nodiscard]] std::int64_t amsterdamUtcOffset(std::int64_t utcSeconds);

/// UTC seconds of a Dutch local time. A time that does not exist (the hour skipped in March) is
/// read as winter time, so it lands after the change; an ambiguous one (the hour repeated in
/// October) as its first occurrence.
[[nodiscard]] std::int64_t amsterdamToUtc(LocalTime t);

} // namespace gebiedscan
