#pragma once
#include "gebiedscan/core/date_time.hpp"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace gebiedscan {

/// "Hot times": events per hour of the week, a 7 x 24 table (Monday 00:00-01:00 = hour 0, as
/// hourOfWeek), the crime analyst's "wanneer" next to the hotspot's "waar".
///
/// Registrations often give only a from-to interval ("pleegdatum van/tot": a burglary
/// discovered after a weekend away). They are spread with the aoristic method (Ratcliffe 2002):
/// each hour of the week receives the share of the event's weight equal to the share of the
/// interval that falls in it. Intervals of one week or longer carry no hour-of-week
/// information and are spread evenly over all 168 hours (the cap: without it a 10-day interval
/// would count three of its days twice, an artefact of the week length, not of the event).
/// A date without a time (a whole day) is a 24-hour interval; an instant (start == end) goes
/// whole into its hour. Intervals with end < start are rejected and counted. Times are Dutch
/// local time (Europe/Amsterdam): an interval is spread over the time that really passed, so
/// the hour skipped in March gets nothing and the hour repeated in October gets both.
class HotTimes {
public:
    static constexpr int kHours = 168;
    static constexpr std::int64_t kWeekSeconds = 7 * kSecondsPerDay;

    /// Adds one event at an instant.
    void add(LocalTime t, double weight = 1.0);
    /// Adds one event over [start, end) aoristically (see the class comment). Returns false (and
    /// counts it in rejected()) when end < start.
    bool add(const TimeInterval& interval, double weight = 1.0);
    /// Adds another table (e.g. to total areas or themes).
    void merge(const HotTimes& other);

    /// Weight in hour-of-week `hour` (0..167).
    [[nodiscard]] double at(int hour) const
    {
        const auto h = static_cast<std::size_t>(hour);
        return has(h) ? m_weights[slot(h)] : 0.0;
    }
    /// Weight on `day` (0 = Monday .. 6 = Sunday) in hour `hour` (0..23).
    [[nodiscard]] double at(int day, int hour) const { return at(day * 24 + hour); }
    [[nodiscard]] std::array<double, kHours> counts() const;

    /// Sum of all cells: the weight of the accepted events (up to round-off).
    [[nodiscard]] double total() const;
    [[nodiscard]] std::int64_t events() const { return m_events; }
    /// Events spread over an interval longer than one instant.
    [[nodiscard]] std::int64_t spreadEvents() const { return m_spread; }
    /// Events whose interval reached the one-week cap and were spread evenly.
    [[nodiscard]] std::int64_t cappedEvents() const { return m_capped; }
    [[nodiscard]] std::int64_t rejected() const { return m_rejected; }

    /// Hour of the week with the largest weight (the first such hour on ties); -1 when empty.
    [[nodiscard]] int peakHour() const;

private:
    [[nodiscard]] bool has(std::size_t hour) const { return (m_hours[hour / 64] >> (hour % 64)) & 1U; }
    /// Index in m_weights of an hour: the hours with a weight before it.
    [[nodiscard]] std::size_t slot(std::size_t hour) const;
    /// Adds to one hour's weight (an hour without one starts at 0, as in a dense table).
    void addToHour(std::size_t hour, double weight);

    // Only the hours that received a weight (a grid cell's table has a few of 168): a bit per
    // hour, and the weights of the set bits in hour order.
    std::array<std::uint64_t, 3> m_hours{};
    std::vector<double> m_weights;
    std::int64_t m_events = 0;
    std::int64_t m_spread = 0;
    std::int64_t m_capped = 0;
    std::int64_t m_rejected = 0;
};

/// Dutch short day name for day 0..6: "ma", "di", "wo", "do", "vr", "za", "zo".
[[nodiscard]] std::string_view dutchDayShort(int day);
/// English short day name for day 0..6: "Mon" .. "Sun".
[[nodiscard]] std::string_view englishDayShort(int day);

} // namespace gebiedscan
