#include "gebiedscan/core/hot_times.hpp"

#include <algorithm>

namespace gebiedscan {

void HotTimes::add(LocalTime t, double weight)
{
    m_counts[static_cast<std::size_t>(hourOfWeek(t))] += weight;
    ++m_events;
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
        for (double& c : m_counts) c += weight / kHours;
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
        m_counts[static_cast<std::size_t>(hour)] += perSecond * static_cast<double>(next - t);
        t = next;
    }
    return true;
}

void HotTimes::merge(const HotTimes& other)
{
    for (std::size_t i = 0; i < m_counts.size(); ++i) m_counts[i] += other.m_counts[i];
    m_events += other.m_events;
    m_spread += other.m_spread;
    m_capped += other.m_capped;
    m_rejected += other.m_rejected;
}

double HotTimes::total() const
{
    double s = 0.0;
    for (double c : m_counts) s += c;
    return s;
}

int HotTimes::peakHour() const
{
    if (m_events == 0) return -1;
    return static_cast<int>(std::max_element(m_counts.begin(), m_counts.end()) - m_counts.begin());
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
