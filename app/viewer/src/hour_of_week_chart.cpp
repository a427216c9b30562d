#include "hour_of_week_chart.hpp"

#include "layer_style.hpp"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace gebiedscan::viewer {

namespace {
constexpr double kTitleHeight = 20, kHourAxis = 14, kDayAxis = 26, kLegendHeight = 30, kMargin = 4;
const QColor kZero(0xee, 0xee, 0xee);
} // namespace

HourOfWeekChart::HourOfWeekChart(QWidget* parent) : QWidget(parent)
{
    setMinimumHeight(170);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void HourOfWeekChart::setWeek(const HourOfWeek& week, const QString& title, const QString& peak, const QString& note)
{
    m_week = week;
    m_title = title;
    m_peak = peak;
    m_note = note;
    update();
}

QString HourOfWeekChart::message() const
{
    switch (m_week.state) {
    case HourOfWeek::State::NoTable: return tr("This scan has no hour-of-week table (hot_times).");
    case HourOfWeek::State::Loading: return tr("Reading the hour-of-week table...");
    case HourOfWeek::State::NoRegistrations: return tr("No registrations in the current period.");
    case HourOfWeek::State::Suppressed: return tr("Hidden (geheim): too few registrations to show by hour.");
    case HourOfWeek::State::NoTimeOfDay:
        return tr("No time of day known: the registrations have dates only, so there is no hour of week or peak hour.");
    case HourOfWeek::State::NotPublished: {
        // Say why there is no grid, and keep what is published: the busiest hour (peak_total,
        // which counts all registrations, whatever theme the chart was asked for).
        QString text = m_note.isEmpty() ? tr("The hours of the week are not published outside the police.") : m_note;
        if (!m_peak.isEmpty()) text += QLatin1Char('\n') + tr("Busiest hour of all registrations: %1.").arg(m_peak);
        return text;
    }
    case HourOfWeek::State::ThemeNotPublished: {
        QString text = tr("Outside the police the hours of the week are published for all themes together only, "
                          "not per theme: tick \"Hour of week of all themes\".");
        if (!m_peak.isEmpty()) text += QLatin1Char('\n') + tr("Busiest hour of all registrations: %1.").arg(m_peak);
        return text;
    }
    case HourOfWeek::State::Values:
        return m_week.max() > 0 || m_week.hiddenHours() > 0 ? QString() : tr("No registrations in the current period.");
    }
    return {};
}

QString HourOfWeekChart::dayName(int day)
{
    switch (day) {
    case 0: return tr("Mon");
    case 1: return tr("Tue");
    case 2: return tr("Wed");
    case 3: return tr("Thu");
    case 4: return tr("Fri");
    case 5: return tr("Sat");
    default: return tr("Sun");
    }
}

QColor HourOfWeekChart::cellColour(double value, double max)
{
    if (!(value > 0) || !(max > 0)) return kZero;
    const int c = std::clamp(static_cast<int>(std::ceil(value / max * kClasses)) - 1, 0, kClasses - 1);
    return rampColour(QStringLiteral("YlOrRd"), static_cast<std::size_t>(c), kClasses);
}

QBrush HourOfWeekChart::hiddenBrush()
{
    QBrush b(QColor(150, 150, 150), Qt::BDiagPattern);
    return b;
}

QRectF HourOfWeekChart::gridRect() const
{
    const double top = kTitleHeight + kHourAxis;
    return {kDayAxis, top, std::max(24.0, width() - kDayAxis - kMargin), std::max(7.0, height() - top - kLegendHeight)};
}

QRectF HourOfWeekChart::cellRect(int day, int hour) const
{
    const QRectF g = gridRect();
    const double w = g.width() / 24, h = g.height() / 7;
    return {g.left() + hour * w, g.top() + day * h, w, h};
}

void HourOfWeekChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().text().color());
    p.drawText(QRectF(kMargin, 0, width() - 2 * kMargin, kTitleHeight), Qt::AlignLeft | Qt::AlignVCenter,
               p.fontMetrics().elidedText(m_title, Qt::ElideRight, width() - 2 * static_cast<int>(kMargin)));
    p.setFont(font());
    const QString text = message();
    if (!text.isEmpty()) {
        p.setPen(QColor(100, 100, 100));
        p.drawText(QRectF(kMargin, kTitleHeight, width() - 2 * kMargin, height() - kTitleHeight),
                   Qt::AlignCenter | Qt::TextWordWrap, text);
        return;
    }
    const double max = m_week.max();
    QFont small = font();
    small.setPointSizeF(std::max(6.0, font().pointSizeF() * 0.8));
    p.setFont(small);
    p.setPen(QColor(70, 70, 70));
    for (int h = 0; h < 24; h += 3) {
        const QRectF c = cellRect(0, h);
        p.drawText(QRectF(c.left(), kTitleHeight, c.width() * 3, kHourAxis), Qt::AlignLeft | Qt::AlignVCenter,
                   QString::number(h));
    }
    for (int d = 0; d < 7; ++d) {
        const QRectF c = cellRect(d, 0);
        p.setPen(QColor(70, 70, 70));
        p.drawText(QRectF(0, c.top(), kDayAxis - 3, c.height()), Qt::AlignRight | Qt::AlignVCenter, dayName(d));
        for (int h = 0; h < 24; ++h) {
            const QRectF r = cellRect(d, h);
            if (std::isnan(m_week.at(d, h))) { // geheim: grey hatch, never the colour of 0
                p.fillRect(r, QColor(0xd0, 0xd0, 0xd0));
                p.fillRect(r, hiddenBrush());
            } else {
                p.fillRect(r, cellColour(m_week.at(d, h), max));
            }
        }
    }
    // Thin white lines between days and at every sixth hour keep the grid readable.
    p.setPen(QPen(Qt::white, 1));
    const QRectF g = gridRect();
    for (int d = 1; d < 7; ++d)
        p.drawLine(QPointF(g.left(), cellRect(d, 0).top()), QPointF(g.right(), cellRect(d, 0).top()));
    for (int h = 6; h < 24; h += 6)
        p.drawLine(QPointF(cellRect(0, h).left(), g.top()), QPointF(cellRect(0, h).left(), g.bottom()));

    // Scale: 0 (grey), then the classes from the lowest to the busiest hour, and the peak.
    const double y = g.bottom() + 8, box = 12;
    double x = g.left();
    p.setPen(QColor(70, 70, 70));
    p.fillRect(QRectF(x, y, box, box), kZero);
    p.drawText(QRectF(x + box + 2, y - 2, 20, box + 4), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("0"));
    x += box + 18;
    for (int c = 0; c < kClasses; ++c)
        p.fillRect(QRectF(x + c * box, y, box, box),
                   rampColour(QStringLiteral("YlOrRd"), static_cast<std::size_t>(c), kClasses));
    x += kClasses * box + 4;
    if (m_week.hiddenHours() > 0) { // legend entry for the hatched hours
        const QString geheim = tr("geheim");
        const QRectF swatch(x, y, box, box);
        p.fillRect(swatch, QColor(0xd0, 0xd0, 0xd0));
        p.fillRect(swatch, hiddenBrush());
        const double w = p.fontMetrics().horizontalAdvance(geheim) + 4;
        p.drawText(QRectF(x + box + 2, y - 2, w, box + 4), Qt::AlignLeft | Qt::AlignVCenter, geheim);
        x += box + w + 6;
    }
    const QString label = caption();
    p.drawText(QRectF(x, y - 2, width() - x - kMargin, box + 4), Qt::AlignLeft | Qt::AlignVCenter,
               p.fontMetrics().elidedText(label, Qt::ElideRight, static_cast<int>(width() - x - kMargin)));
}

QString HourOfWeekChart::caption() const
{
    const QLocale loc;
    const double max = m_week.max();
    int peak = 0;
    for (int i = 1; i < 168; ++i)
        if (m_week.values[static_cast<std::size_t>(i)] > m_week.values[static_cast<std::size_t>(peak)] ||
            std::isnan(m_week.values[static_cast<std::size_t>(peak)]))
            peak = i;
    // With hidden hours the published ones neither add up to the total nor need hold the peak.
    const int hidden = m_week.hiddenHours();
    return hidden == 0 ? tr("up to %1 per hour · peak %2 %3–%4 h · %5 in total (aoristic)")
                          .arg(loc.toString(max, 'f', max < 10 ? 1 : 0), dayName(peak / 24))
                          .arg(peak % 24)
                          .arg(peak % 24 + 1)
                          .arg(loc.toString(m_week.total(), 'f', 0))
        : max > 0 ? tr("%1 hidden hours · of the published hours up to %2 per hour, the busiest %3 %4–%5 h")
                        .arg(hidden)
                        .arg(loc.toString(max, 'f', max < 10 ? 1 : 0), dayName(peak / 24))
                        .arg(peak % 24)
                        .arg(peak % 24 + 1)
                  : tr("%1 hidden hours · every published hour 0").arg(hidden);
}

bool HourOfWeekChart::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip && message().isEmpty()) {
        const auto* help = static_cast<QHelpEvent*>(e);
        const QRectF g = gridRect();
        if (g.contains(help->pos())) {
            const int hour = std::clamp(static_cast<int>((help->pos().x() - g.left()) / (g.width() / 24)), 0, 23);
            const int day = std::clamp(static_cast<int>((help->pos().y() - g.top()) / (g.height() / 7)), 0, 6);
            const double v = m_week.at(day, hour);
            QToolTip::showText(help->globalPos(),
                               tr("%1 %2:00–%3:00: %4")
                                   .arg(dayName(day))
                                   .arg(hour)
                                   .arg(hour + 1)
                                   .arg(std::isnan(v) ? tr("geheim") : QLocale().toString(v, 'f', 1)),
                               this);
            return true;
        }
    }
    return QWidget::event(e);
}

} // namespace gebiedscan::viewer
