#pragma once
// The report's small charts, drawn with QPainter: the hour-of-week heatmap and the counts per
// period. A hidden value is drawn hatched and labelled, never as zero. Each chart paints in its
// own logical pixels (paint*), so the PDF draws it as vectors and the HTML gets an image of it.
#include "hot_times.hpp"
#include "report_text.hpp"

#include <QImage>
#include <QPainter>
#include <QSizeF>

#include <utility>
#include <vector>

namespace gebiedscan::report {

class ReportCharts {
public:
    /// 7 x 24 heatmap of a week (Monday first), `scale` device pixels per logical pixel.
    [[nodiscard]] static QImage hourOfWeek(const viewer::HourOfWeek& week, const ReportText& text, double scale);
    /// The heatmap's size in logical pixels and its painting at (0, 0) in them.
    [[nodiscard]] static QSizeF hourOfWeekSize();
    static void paintHourOfWeek(QPainter& p, const viewer::HourOfWeek& week, const ReportText& text);
    /// True when a week carries no time of day: every day's 24 hours equal (registrations with a
    /// date only, spread evenly over the day, or a year only).
    [[nodiscard]] static bool withoutTimeOfDay(const viewer::HourOfWeek& week);
    /// Bars of (period, count); NaN = hidden. The last period is the current one.
    [[nodiscard]] static QImage periodBars(const std::vector<std::pair<QString, double>>& counts,
                                           const ReportText& text, double scale);
    [[nodiscard]] static QSizeF periodBarsSize(std::size_t periods);
    static void paintPeriodBars(QPainter& p, const std::vector<std::pair<QString, double>>& counts,
                                const ReportText& text);
};

} // namespace gebiedscan::report
