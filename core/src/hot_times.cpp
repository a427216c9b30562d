#include "gebiedscan/core/hot_times.hpp"

#include <algorithm>
#include <bit>

namespace gebiedscan {

void HotTimes::add(LocalTime t, double weight)
{
    addToHour(static_cast<std::size_t>(hourOfWeek(t)), weight);
    ++m_events;
}

std::size_t HotTimes::slot(std::size_t hour) const
{
    std::size_t before = 0;
    for (std::size_t w = 0; w < hour / 64; ++w) before += static_cast<std::size_t>(std::popcount(m_hours[w]));
    const std::uint64_t below = hour % 64 == 0 ? 0 : m_hours[hour / 64] & ((std::uint64_t{1} << (hour % 64)) - 1);
    return before + static_cast<std::size_t>(std::popcount(below));
}

void HotTimes::addToHour(std::size_t hour, double weight)
{
    const std::size_t i = slot(hour);
    if (!has(hour)) {
        m_hours[hour / 64] |= std::uint64_t{1} << (hour % 64);
        m_weights.insert(m_weights.begin() + static_cast<std::ptrdiff_t>(i), 0.0);
    }
    m_weights[i] += weight;
}

std::array<double, HotTimes::kHours> HotTimes::counts() const
{
    std::array<double, kHours> dense{};
    for (int h = 0; h < kHours; ++h) dense[static_cast<std::size_t>(h)] = at(h);
    return dense;
}

bool HotTimes::add(const TimeInterval& interval, double weight)
{
    if (interval.end.seconds < interval.start.seconds) {
        ++m_rejected;
        return false;
    }
    if (interval.end.seconds == interval.start.seconds) {
        add(interval.start, weight);
        return true;
    }
    // Spread over the time that really passed: the registrations' local clock jumps at the
    // changes to and from summer time, so 31 March 2024 has 23 hours (no 02-03) and 27 October 2024
    // has 25 (02-03 twice). Dutch offsets are whole hours, so every UTC hour is one local hour.
    const std::int64_t from = amsterdamToUtc(interval.start), to = amsterdamToUtc(interval.end);
    const std::int64_t length = to - from;
    if (length <= 0) { // an interval inside the skipped hour: an instant
        add(interval.start, weight);
        return true;
    }
    ++m_events;
    ++m_spread;
    if (length >= kWeekSeconds) {
        ++m_capped;
        for (std::size_t h = 0; h < kHours; ++h) addToHour(h, weight / kHours);
        return true;
    }
    // Walk the interval hour by hour (at most 169 hour slots, since it is shorter than a week).
    const double perSecond = weight / static_cast<double>(length);
    std::int64_t t = from;
    while (t < to) {
        // Next whole hour boundary after t (floor division also for times before 1970).
        const std::int64_t hourStart = (t >= 0 ? t / 3600 : (t - 3599) / 3600) * 3600;
        const std::int64_t next = std::min(hourStart + 3600, to);
        const int hour = hourOfWeek(LocalTime{hourStart + amsterdamUtcOffset(hourStart)});
        addToHour(static_cast<std::size_t>(hour), perSecond * static_cast<double>(next - t));
        t = next;
    }
    return true;
}

void HotTimes::merge(const HotTimes& other)
{
    // As a dense table's sum: an hour without a weight adds 0 (which changes nothing).
    for (std::size_t h = 0; h < kHours; ++h)
        if (other.has(h)) addToHour(h, other.m_weights[other.slot(h)]);
    m_events += other.m_events;
    m_spread += other.m_spread;
    m_capped += other.m_capped;
    m_rejected += other.m_rejected;
}

double HotTimes::total() const
{
    double s = 0.0;
    for (double c : m_weights) s += c; // in hour order; the hours without a weight add 0
    return s;
}

int HotTimes::peakHour() const
{
    if (m_events == 0) return -1;
    const auto dense = counts();
    return static_cast<int>(std::max_element(dense.begin(), dense.end()) - dense.begin());
}

std::string_view dutchDayShort(int day)
{
    static constexpr std::string_view kDays[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
    return day >= 0 && day < 7 ? kDays[day] : "?";
}

std::string_view englishDayShort(int day)
{
    static constexpr std::string_view kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return day >= 0 && day < 7 ? kDays[day] : "?";
}

} // namespace gebiedscan
