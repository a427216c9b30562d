#include "accident_chart.hpp"

#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace gebiedscan::viewer {

namespace {
constexpr double kTitle = 20, kLegend = 22, kAxisLeft = 30, kAxisBottom = 16, kMargin = 6, kTop = 14;
} // namespace

AccidentChart::AccidentChart(QWidget* parent) : QWidget(parent)
{
    setMinimumHeight(180);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void AccidentChart::setAccidents(const AccidentsByYear& accidents, const QString& title)
{
    m_data = accidents;
    m_title = title;
    update();
}

QColor AccidentChart::severityColour(Severity s)
{
    switch (s) {
    case Severity::Fatal: return QColor(0x67, 0x00, 0x0d);      // dark red: dodelijk
    case Severity::Injury: return QColor(0xef, 0x3b, 0x2c);     // red: letsel
    case Severity::DamageOnly: return QColor(0x96, 0x96, 0x96); // grey: uitsluitend materiële schade
    case Severity::Unknown: break;
    }
    return QColor(0xd9, 0xd9, 0xd9);
}

QString AccidentChart::severityName(Severity s)
{
    switch (s) {
    case Severity::Fatal: return tr("fatal");
    case Severity::Injury: return tr("injury");
    case Severity::DamageOnly: return tr("damage only");
    case Severity::Unknown: break;
    }
    return tr("unknown");
}

QRectF AccidentChart::plotRect() const
{
    const double top = kTitle + kTop;
    return {kAxisLeft, top, std::max(10.0, width() - kAxisLeft - kMargin),
            std::max(10.0, height() - top - kAxisBottom - kLegend)};
}

double AccidentChart::scaleMax() const
{
    // A round top for the axis: 1, 2, 5, 10, 20, ... at or above the highest bar.
    const double m = std::max(1.0, m_data.maxTotal());
    for (double step = 1;; step *= 10)
        for (double f : {1.0, 2.0, 5.0})
            if (f * step >= m) return f * step;
}

QRectF AccidentChart::segmentRect(std::size_t year, Severity severity) const
{
    if (year >= m_data.years.size()) return {};
    const QRectF plot = plotRect();
    const double slot = plot.width() / static_cast<double>(m_data.years.size());
    const double barWidth = std::min(48.0, slot * 0.7);
    const double x = plot.left() + slot * (static_cast<double>(year) + 0.5) - barWidth / 2;
    const double perUnit = plot.height() / scaleMax();
    double below = 0;
    for (int s = 0; s < static_cast<int>(severity); ++s) {
        const double v = m_data.counts[year][static_cast<std::size_t>(s)];
        if (!std::isnan(v)) below += v;
    }
    const double v = m_data.counts[year][static_cast<std::size_t>(severity)];
    if (std::isnan(v) || v <= 0) return {};
    return {x, plot.bottom() - (below + v) * perUnit, barWidth, v * perUnit};
}

void AccidentChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().text().color());
    p.drawText(QRectF(kMargin, 0, width() - 2 * kMargin, kTitle), Qt::AlignLeft | Qt::AlignVCenter,
               p.fontMetrics().elidedText(m_title, Qt::ElideRight, width() - 2 * static_cast<int>(kMargin)));
    p.setFont(font());
    if (m_data.years.empty()) {
        p.setPen(QColor(100, 100, 100));
        p.drawText(rect().adjusted(0, static_cast<int>(kTitle), 0, 0), Qt::AlignCenter,
                   tr("No accidents per year in this layer."));
        return;
    }
    const QLocale loc;
    const QRectF plot = plotRect();
    const double top = scaleMax();
    QFont small = font();
    small.setPointSizeF(std::max(6.0, font().pointSizeF() * 0.85));
    p.setFont(small);
    // Axis with the scale's bottom, middle and top.
    p.setPen(QColor(190, 190, 190));
    for (double f : {0.0, 0.5, 1.0}) {
        const double y = plot.bottom() - f * plot.height();
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(QColor(90, 90, 90));
        p.drawText(QRectF(0, y - 8, kAxisLeft - 4, 16), Qt::AlignRight | Qt::AlignVCenter,
                   loc.toString(f * top, 'f', f * top == std::floor(f * top) ? 0 : 1));
        p.setPen(QColor(190, 190, 190));
    }
    bool present[kSeverityCount] = {false, false, false, false};
    const double slot = plot.width() / static_cast<double>(m_data.years.size());
    for (std::size_t y = 0; y < m_data.years.size(); ++y) {
        QRectF bar;
        for (int s = 0; s < kSeverityCount; ++s) {
            const QRectF r = segmentRect(y, static_cast<Severity>(s));
            if (r.isEmpty()) continue;
            present[s] = true;
            p.fillRect(r, severityColour(static_cast<Severity>(s)));
            bar = bar.isNull() ? r : bar.united(r);
        }
        p.setPen(QColor(60, 60, 60));
        const double cx = plot.left() + slot * (static_cast<double>(y) + 0.5);
        p.drawText(QRectF(cx - slot / 2, plot.bottom() + 1, slot, kAxisBottom), Qt::AlignHCenter | Qt::AlignTop,
                   QString::number(m_data.years[y]));
        const double total = m_data.total(y);
        const double barTop = bar.isNull() ? plot.bottom() : bar.top();
        p.drawText(QRectF(cx - slot / 2, barTop - 15, slot, 14), Qt::AlignHCenter | Qt::AlignBottom,
                   loc.toString(total, 'f', 0));
    }
    // Legend: the severities present (all four names when the split is known).
    double x = kMargin;
    const double ly = height() - kLegend + 5;
    for (int s = 0; s < kSeverityCount; ++s) {
        if (!present[s] && !(m_data.bySeverity && s != static_cast<int>(Severity::Unknown))) continue;
        const auto sev = static_cast<Severity>(s);
        const QString name = m_data.bySeverity ? severityName(sev) : tr("all severities");
        p.fillRect(QRectF(x, ly, 11, 11), severityColour(sev));
        p.setPen(QColor(60, 60, 60));
        p.drawText(QRectF(x + 14, ly - 3, 140, 17), Qt::AlignLeft | Qt::AlignVCenter, name);
        x += 14 + p.fontMetrics().horizontalAdvance(name) + 12;
    }
}

} // namespace gebiedscan::viewer
