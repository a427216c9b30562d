#pragma once
// The scan's hour-of-week table (`hot_times`): per level, area and theme 7 rows (ma..zo) of 24
// aoristic hourly weights of the current period. NULL hours are suppressed ("geheim").
#include <QHash>
#include <QString>

#include <array>

namespace gebiedscan::viewer {

/// One area's (or a selection's) week: 7 days x 24 hours, index day * 24 + hour, day 0 = Monday.
struct HourOfWeek {
    /// NoTable: the scan has no hot_times table; Loading: it is being read; NoRegistrations:
    /// no rows for this area and theme (the table is sparse); Suppressed: a NULL hour (small
    /// counts are never shown); NoTimeOfDay: the registrations have dates only (summary.json
    /// `time_of_day`), so the scan wrote no hour of week; NotPublished: an extern scan withheld
    /// this level's hours (summary.json `suppression.hot_times`); ThemeNotPublished: it publishes
    /// this level's total of all themes only, not the theme asked for. In Values a hidden hour of
    /// a published row is NaN ("geheim"), never 0.
    enum class State {
        NoTable,
        Loading,
        NoRegistrations,
        Suppressed,
        NoTimeOfDay,
        NotPublished,
        ThemeNotPublished,
        Values
    };
    State state = State::NoTable;
    std::array<double, 168> values{};

    [[nodiscard]] double at(int day, int hour) const { return values[static_cast<std::size_t>(day * 24 + hour)]; }
    /// Busiest and summed weight of the shown (non-hidden) hours.
    [[nodiscard]] double max() const;
    [[nodiscard]] double total() const;
    /// Hours shown as "geheim" (NaN) in a Values week.
    [[nodiscard]] int hiddenHours() const;
    /// Adds another area's week (selections): suppressed wins over everything, so a sum is
    /// never shown when one of its parts is hidden (a hidden hour hides that hour of the sum);
    /// no registrations add nothing.
    void add(const HourOfWeek& other);
};

/// The hot_times table indexed by level, area and theme.
class HotTimesTable {
public:
    /// Adds one day row; `hours` NaN = NULL (suppressed). `day` is "ma".."zo" (or "Mon".. / 0..6).
    void add(const QString& level, const QString& area, const QString& theme, const QString& day,
             const std::array<double, 24>& hours);
    /// The week of an area and theme ("total" = all themes).
    [[nodiscard]] HourOfWeek week(const QString& level, const QString& area, const QString& theme) const;
    [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(m_weeks.size()); }

    /// Reads the table through gis::VectorReader (thread-safe: own GDAL handles). Throws InputError.
    [[nodiscard]] static HotTimesTable load(const QString& gpkg, const QString& layer);
    /// 0..6 for ma, di, wo, do, vr, za, zo (also English abbreviations and digits), else -1.
    [[nodiscard]] static int dayIndex(const QString& day);

private:
    // float halves the memory: a provincial 500 m grid has tens of thousands of weeks.
    QHash<QString, std::array<float, 168>> m_weeks;
};

} // namespace gebiedscan::viewer
