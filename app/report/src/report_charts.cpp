#include "report_charts.hpp"

#include "layer_style.hpp"
#include "map_renderer.hpp"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gebiedscan::report {

namespace {

QFont chartFont(double px, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(px))));
    f.setBold(bold);
    return f;
}

QImage blank(QSizeF size, double scale)
{
    QImage img(static_cast<int>(std::ceil(size.width() * scale)), static_cast<int>(std::ceil(size.height() * scale)),
               QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::white);
    return img;
}

// Heatmap geometry (logical pixels).
constexpr double kWeekLeft = 34, kWeekTop = 8, kWeekCell = 17, kWeekCellH = 15, kWeekLegendH = 30;
// Bars geometry.
// A hidden value's ground under the hatch (as the bars' hidden stub).
const QColor kHiddenGrey(235, 235, 235);
constexpr double kBarW = 46, kBarGap = 18, kBarTop = 16, kBarPlotH = 90, kBarLeft = 8;

} // namespace

bool ReportCharts::withoutTimeOfDay(const viewer::HourOfWeek& week)
{
    if (week.state != viewer::HourOfWeek::State::Values) return false;
    // Every non-zero hour hidden: the shown zeros say nothing of the shape (and an extern scan
    // writes hours only when it knew the times of day).
    if (week.hiddenHours() > 0 && week.max() <= 0) return false;
    for (int d = 0; d < 7; ++d) {
        // A hidden hour (NaN, "geheim") says nothing about the day's shape: compare the shown ones.
        double first = std::numeric_limits<double>::quiet_NaN();
        for (int h = 0; h < 24; ++h) {
            const double v = week.at(d, h);
            if (std::isnan(v)) continue;
            if (std::isnan(first))
                first = v;
            else if (std::abs(v - first) > 1e-6 * std::max(1.0, std::abs(first)))
                return false;
        }
    }
    return true;
}

QSizeF ReportCharts::hourOfWeekSize()
{
    return {kWeekLeft + 24 * kWeekCell + 8, kWeekTop + 7 * kWeekCellH + 16 + kWeekLegendH};
}

QImage ReportCharts::hourOfWeek(const viewer::HourOfWeek& week, const ReportText& text, double s)
{
    QImage img = blank(hourOfWeekSize(), s);
    QPainter p(&img);
    p.scale(s, s);
    paintHourOfWeek(p, week, text);
    p.end();
    return img;
}

void ReportCharts::paintHourOfWeek(QPainter& p, const viewer::HourOfWeek& week, const ReportText& text)
{
    const double left = kWeekLeft, top = kWeekTop, cell = kWeekCell, cellH = kWeekCellH;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QStringList days = text.english() ? QStringList{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
                                            : QStringList{"ma", "di", "wo", "do", "vr", "za", "zo"};
    const double max = week.max();
    constexpr int kClasses = 7;
    p.setFont(chartFont(9));
    for (int d = 0; d < 7; ++d) {
        p.setPen(Qt::black);
        p.drawText(QRectF(0, top + d * cellH, left - 4, cellH), Qt::AlignRight | Qt::AlignVCenter, days[d]);
        for (int h = 0; h < 24; ++h) {
            const double v = week.at(d, h);
            const QRectF r(left + h * cell, top + d * cellH, cell, cellH);
            if (std::isnan(v)) { // geheim: grey and hatched, never the colour of a quiet hour
                p.setPen(QPen(Qt::white, 0.6));
                p.setBrush(kHiddenGrey);
                p.drawRect(r);
                p.setPen(Qt::NoPen);
                p.setBrush(viewer::geheimHatchBrush(1.0));
                p.drawRect(r);
                continue;
            }
            const auto k = max > 0 ? std::min<std::size_t>(kClasses - 1, static_cast<std::size_t>(v / max * kClasses))
                                   : std::size_t{0};
            p.setPen(QPen(Qt::white, 0.6));
            p.setBrush(viewer::rampColour(QStringLiteral("YlOrRd"), k, kClasses));
            p.drawRect(r);
        }
    }
    p.setPen(Qt::black);
    p.setFont(chartFont(8));
    for (int h = 0; h <= 24; h += 3)
        p.drawText(QRectF(left + h * cell - 10, top + 7 * cellH + 2, 20, 12), Qt::AlignCenter,
                   QStringLiteral("%1").arg(h, 2, 10, QLatin1Char('0')));
    // Legend: the classes as fractions of the busiest hour.
    const double ly = top + 7 * cellH + 18;
    p.drawText(QRectF(left, ly, 80, 12), Qt::AlignLeft | Qt::AlignVCenter, text.pick("rustig", "quiet"));
    for (int k = 0; k < kClasses; ++k) {
        p.setPen(Qt::NoPen);
        p.setBrush(viewer::rampColour(QStringLiteral("YlOrRd"), static_cast<std::size_t>(k), kClasses));
        p.drawRect(QRectF(left + 42 + k * 16, ly + 1, 16, 10));
    }
    p.setPen(Qt::black);
    p.drawText(QRectF(left + 42 + kClasses * 16 + 4, ly, 260, 12), Qt::AlignLeft | Qt::AlignVCenter,
               text.pick("druk (drukste uur: %1 registraties)", "busy (busiest hour: %1 registrations)")
                   .arg(text.number(max, max < 10 ? 1 : 0)));
    if (week.hiddenHours() > 0) { // the hatched hours' own legend entry, on a line below
        const QRectF swatch(left + 42, ly + 16, 16, 10);
        p.setPen(Qt::NoPen);
        p.setBrush(kHiddenGrey);
        p.drawRect(swatch);
        p.setBrush(viewer::geheimHatchBrush(1.0));
        p.drawRect(swatch);
        p.setPen(Qt::black);
        p.drawText(QRectF(left + 42 + 16 + 4, ly + 15, 300, 12), Qt::AlignLeft | Qt::AlignVCenter,
                   text.pick("%1: klein aantal, niet gepubliceerd (%2 uur)", "%1: small count, not published (%2 h)")
                       .arg(text.hidden())
                       .arg(week.hiddenHours()));
    }
    p.restore();
}

QSizeF ReportCharts::periodBarsSize(std::size_t periods)
{
    const double w = kBarLeft + static_cast<double>(periods) * (kBarW + kBarGap) + 8;
    return {std::max(w, 160.0), kBarTop + kBarPlotH + 20};
}

QImage ReportCharts::periodBars(const std::vector<std::pair<QString, double>>& counts, const ReportText& text, double s)
{
    QImage img = blank(periodBarsSize(counts.size()), s);
    QPainter p(&img);
    p.scale(s, s);
    paintPeriodBars(p, counts, text);
    p.end();
    return img;
}

void ReportCharts::paintPeriodBars(QPainter& p, const std::vector<std::pair<QString, double>>& counts,
                                   const ReportText& text)
{
    const double barW = kBarW, gap = kBarGap, top = kBarTop, plotH = kBarPlotH, left = kBarLeft;
    const double W = left + static_cast<double>(counts.size()) * (barW + gap) + 8;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    double max = 0;
    for (const auto& c : counts)
        if (!std::isnan(c.second)) max = std::max(max, c.second);
    const double base = top + plotH;
    p.setPen(QPen(QColor(120, 120, 120), 0.8));
    p.drawLine(QPointF(left - 4, base), QPointF(W - 4, base));
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const auto& [period, v] = counts[i];
        const bool current = i + 1 == counts.size();
        const double x = left + static_cast<double>(i) * (barW + gap);
        p.setFont(chartFont(9));
        if (std::isnan(v)) {
            // Hidden: a hatched stub and the word, no height that would suggest a number.
            const QRectF stub(x, base - 14, barW, 14);
            p.setPen(QPen(QColor(150, 150, 150), 0.6));
            p.setBrush(QColor(235, 235, 235));
            p.drawRect(stub);
            p.setBrush(viewer::geheimHatchBrush(1.0));
            p.drawRect(stub);
            p.setPen(Qt::black);
            p.drawText(QRectF(x - 8, base - 28, barW + 16, 12), Qt::AlignCenter, text.hidden());
        } else {
            const double h = max > 0 ? v / max * (plotH - 14) : 0;
            p.setPen(Qt::NoPen);
            p.setBrush(current ? QColor(0xbd, 0x00, 0x26) : QColor(0xfd, 0x8d, 0x3c));
            p.drawRect(QRectF(x, base - h, barW, h));
            p.setPen(Qt::black);
            p.drawText(QRectF(x - 10, base - h - 13, barW + 20, 12), Qt::AlignCenter, text.number(v));
        }
        p.setFont(chartFont(9, current));
        p.drawText(QRectF(x - 8, base + 3, barW + 16, 14), Qt::AlignCenter, period);
    }
    p.restore();
}

} // namespace gebiedscan::report
