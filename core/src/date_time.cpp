#include "gebiedscan/core/date_time.hpp"

#include <cctype>
#include <cstdio>

namespace gebiedscan {

std::int64_t daysFromCivil(int year, unsigned month, unsigned day)
{
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, int& year, unsigned& month, unsigned& day)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0));
}

namespace {

bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned daysInMonth(int y, unsigned m)
{
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// Reads 1..maxDigits decimal digits; returns the count read.
std::size_t readNumber(std::string_view s, std::size_t pos, std::size_t maxDigits, unsigned& value)
{
    std::size_t n = 0;
    value = 0;
    while (pos + n < s.size() && n < maxDigits && std::isdigit(static_cast<unsigned char>(s[pos + n]))) {
        value = value * 10 + static_cast<unsigned>(s[pos + n] - '0');
        ++n;
    }
    return n;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// Excel's serial day number (1900 date system): 45123 = 2023-07-16, 45123.75 = 18:00 that day
// (decimal point or comma). Only five digits before the fraction (1927..2173): a bare year or a
// compact date has four or eight.
std::optional<TimeInterval> parseExcelSerial(std::string_view s)
{
    unsigned whole = 0;
    const std::size_t n = readNumber(s, 0, 6, whole);
    if (n != 5) return std::nullopt;
    double fraction = 0.0;
    bool hasFraction = false;
    if (n < s.size()) {
        if (s[n] != '.' && s[n] != ',') return std::nullopt;
        double scale = 0.1;
        for (std::size_t i = n + 1; i < s.size(); ++i, scale /= 10) {
            if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
            fraction += scale * (s[i] - '0');
            hasFraction = true;
        }
    }
    // Serial 25569 is 1970-01-01 (Excel counts the non-existent 1900-02-29, hence not 25568).
    const std::int64_t days = static_cast<std::int64_t>(whole) - 25569;
    if (!hasFraction) return TimeInterval{LocalTime{days * kSecondsPerDay}, LocalTime{(days + 1) * kSecondsPerDay}};
    // Rounded to the second: Excel stores 13:45 as 0.5729166...
    const auto second = static_cast<std::int64_t>(fraction * kSecondsPerDay + 0.5);
    const LocalTime t{days * kSecondsPerDay + std::min<std::int64_t>(second, kSecondsPerDay - 1)};
    return TimeInterval{t, t};
}

// Compact police timestamps: 202309201730 and 20230920173060 (second 60 as BVH writes it is
// read as 59).
std::optional<TimeInterval> parseCompactTimestamp(std::string_view s)
{
    if (s.size() != 12 && s.size() != 14) return std::nullopt;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    unsigned date = 0, hour = 0, minute = 0, second = 0;
    readNumber(s, 0, 8, date);
    readNumber(s, 8, 2, hour);
    readNumber(s, 10, 2, minute);
    if (s.size() == 14) readNumber(s, 12, 2, second);
    const auto t = makeLocalTime(static_cast<int>(date / 10000), date / 100 % 100, date % 100, hour, minute, second);
    if (!t) return std::nullopt;
    return TimeInterval{*t, *t};
}

} // namespace

std::optional<LocalTime> makeLocalTime(int year, unsigned month, unsigned day, unsigned hour, unsigned minute,
                                       unsigned second)
{
    if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) ||
        hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    return LocalTime{daysFromCivil(year, month, day) * kSecondsPerDay + hour * 3600 + minute * 60 +
                     std::min(second, 59u)};
}

std::optional<TimeInterval> parseTimeInterval(std::string_view text)
{
    const std::string_view s = trim(text);
    if (s.empty()) return std::nullopt;
    unsigned a = 0, b = 0, c = 0;
    std::size_t pos = 0;
    int year = 0;
    unsigned month = 0, day = 0;

    if (const auto compact = parseCompactTimestamp(s)) return compact;
    if (const auto serial = parseExcelSerial(s)) return serial;
    const std::size_t n1 = readNumber(s, 0, 8, a);
    if (n1 == 4 && s.size() == 4) { // a bare year
        const auto start = makeLocalTime(static_cast<int>(a), 1, 1);
        const auto end = makeLocalTime(static_cast<int>(a) + 1, 1, 1);
        if (!start || !end) return std::nullopt;
        return TimeInterval{*start, *end};
    }
    if (n1 == 8) { // 20230501
        year = static_cast<int>(a / 10000);
        month = a / 100 % 100;
        day = a % 100;
        pos = 8;
    } else if (n1 == 4 || n1 == 1 || n1 == 2) {
        if (s.size() <= n1 || (s[n1] != '-' && s[n1] != '/' && s[n1] != '.')) return std::nullopt;
        const char sep = s[n1];
        pos = n1 + 1;
        const std::size_t n2 = readNumber(s, pos, 2, b);
        if (n2 == 0 || s.size() <= pos + n2 || s[pos + n2] != sep) return std::nullopt;
        pos += n2 + 1;
        const std::size_t n3 = readNumber(s, pos, 4, c);
        if (n3 == 0) return std::nullopt;
        pos += n3;
        if (n1 == 4) { // year first
            if (n3 > 2) return std::nullopt;
            year = static_cast<int>(a);
            month = b;
            day = c;
        } else { // day first, Dutch order
            if (n3 != 4) return std::nullopt;
            year = static_cast<int>(c);
            month = b;
            day = a;
        }
    } else {
        return std::nullopt;
    }

    unsigned hour = 0, minute = 0, second = 0;
    bool hasTime = false;
    if (pos < s.size()) {
        if (s[pos] != 'T' && s[pos] != ' ') return std::nullopt;
        ++pos;
        while (pos < s.size() && s[pos] == ' ') ++pos;
        const std::size_t nh = readNumber(s, pos, 2, hour);
        if (nh == 0 || pos + nh >= s.size() || s[pos + nh] != ':') return std::nullopt;
        pos += nh + 1;
        const std::size_t nm = readNumber(s, pos, 2, minute);
        if (nm != 2) return std::nullopt;
        pos += nm;
        if (pos < s.size() && s[pos] == ':') {
            const std::size_t ns = readNumber(s, pos + 1, 2, second);
            if (ns != 2) return std::nullopt;
            pos += 1 + ns;
            if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) { // fraction, dropped
                ++pos;
                while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
            }
        }
        // Optional zone designator: Z, +01, +01:00, -0500 (ignored: local time is assumed).
        if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z'))
            ++pos;
        else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
            ++pos;
            while (pos < s.size() && (std::isdigit(static_cast<unsigned char>(s[pos])) || s[pos] == ':')) ++pos;
        }
        if (pos != s.size()) return std::nullopt;
        hasTime = true;
    }
    const auto start = makeLocalTime(year, month, day, hour, minute, second);
    if (!start) return std::nullopt;
    if (hasTime) return TimeInterval{*start, *start};
    return TimeInterval{*start, LocalTime{start->seconds + kSecondsPerDay}};
}

std::string formatLocalTime(LocalTime t, bool dateOnly)
{
    std::int64_t days = t.seconds / kSecondsPerDay;
    std::int64_t rest = t.seconds % kSecondsPerDay;
    if (rest < 0) {
        rest += kSecondsPerDay;
        --days;
    }
    int y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(days, y, m, d);
    char buf[32];
    if (dateOnly && rest == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", y, m, d, static_cast<int>(rest / 3600),
                      static_cast<int>(rest / 60 % 60), static_cast<int>(rest % 60));
    return buf;
}

int hourOfWeek(LocalTime t)
{
    std::int64_t days = t.seconds / kSecondsPerDay;
    std::int64_t rest = t.seconds % kSecondsPerDay;
    if (rest < 0) {
        rest += kSecondsPerDay;
        --days;
    }
    // 1970-01-01 was a Thursday (Monday-based weekday 3).
    const auto weekday = static_cast<int>(((days % 7) + 7 + 3) % 7);
    return weekday * 24 + static_cast<int>(rest / 3600);
}

std::optional<std::int64_t> parseTimeOfDay(std::string_view text)
{
    const std::string_view s = trim(text);
    unsigned hour = 0, minute = 0, second = 0;
    std::size_t pos = readNumber(s, 0, 2, hour);
    if (pos == 0) return std::nullopt;
    if (pos < s.size() && s[pos] == ':') { // 13:45[:10[.250]]
        if (readNumber(s, pos + 1, 2, minute) != 2) return std::nullopt;
        pos += 3;
        if (pos < s.size() && s[pos] == ':') {
            if (readNumber(s, pos + 1, 2, second) != 2) return std::nullopt;
            pos += 3;
            if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
                ++pos;
                while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
            }
        }
        if (pos != s.size()) return std::nullopt;
    } else { // compact 1345 or 134510
        unsigned digits = 0;
        const std::size_t n = readNumber(s, 0, 6, digits);
        if (n != s.size() || (n != 4 && n != 6)) return std::nullopt;
        if (n == 6) {
            second = digits % 100;
            digits /= 100;
        }
        hour = digits / 100;
        minute = digits % 100;
    }
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
    return static_cast<std::int64_t>(hour) * 3600 + minute * 60 + std::min(second, 59u);
}

bool hasTimeOfDay(const TimeInterval& t)
{
    const auto ofDay = [](std::int64_t s) { return ((s % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay; };
    return ofDay(t.start.seconds) != 0 || ofDay(t.end.seconds) != 0;
}

namespace {

// 01:00 UTC on the last Sunday of `month` (March or October) of `year`.
std::int64_t lastSundayOneUtc(int year, unsigned month)
{
    const std::int64_t last = daysFromCivil(year, month, 31);
    const auto weekday = ((last % 7) + 7 + 3) % 7; // 0 = Monday (1970-01-01 was a Thursday)
    return (last - (weekday + 1) % 7) * kSecondsPerDay + 3600;
}

} // namespace

std::int64_t amsterdamUtcOffset(std::int64_t utcSeconds)
{
    int year = 0;
    unsigned month = 0, day = 0;
    const std::int64_t days =
        utcSeconds >= 0 ? utcSeconds / kSecondsPerDay : (utcSeconds - kSecondsPerDay + 1) / kSecondsPerDay;
    civilFromDays(days, year, month, day);
    const bool summer = utcSeconds >= lastSundayOneUtc(year, 3) && utcSeconds < lastSundayOneUtc(year, 10);
    return summer ? 7200 : 3600;
}

std::int64_t amsterdamToUtc(LocalTime t)
{
    const std::int64_t asSummer = t.seconds - 7200;
    if (amsterdamUtcOffset(asSummer) == 7200) return asSummer;
    return t.seconds - 3600;
}

} // namespace gebiedscan
