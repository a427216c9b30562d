#include "print_layout.hpp"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace gebiedscan::viewer {

namespace {

constexpr double kTitlePx = 16, kSubtitlePx = 10.5, kFooterPx = 8, kMinFooterPx = 6, kGap = 6;

QFont sheetFont(double px, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(px))));
    f.setBold(bold);
    return f;
}

// Greedy word wrap: a source line of paths and licences must never run off the sheet, and
// never be cut: a word wider than the sheet (a long path) is broken between characters.
QStringList wrap(const QString& text, const QFontMetricsF& fm, double width)
{
    QStringList lines;
    for (const QString& paragraph : text.split(QLatin1Char('\n'))) {
        QString line;
        QStringList words;
        for (QString word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            while (fm.horizontalAdvance(word) > width && word.size() > 1) {
                qsizetype n = word.size() - 1;
                while (n > 1 && fm.horizontalAdvance(word.left(n)) > width) --n;
                words << word.left(n);
                word = word.mid(n);
            }
            words << word;
        }
        for (const QString& word : words) {
            const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
            if (fm.horizontalAdvance(candidate) <= width || line.isEmpty()) {
                line = candidate;
                continue;
            }
            lines << line;
            line = word;
        }
        if (!line.isEmpty()) lines << line;
    }
    return lines;
}

} // namespace

PrintLayout::PrintLayout(QSizeF size, Composition composition) : m_size(size), m_composition(std::move(composition))
{
    const double W = m_size.width(), H = m_size.height();
    double top = 0;
    if (!m_composition.title.isEmpty()) {
        const double h = QFontMetricsF(sheetFont(kTitlePx, true)).height() +
                         (m_composition.subtitle.isEmpty() ? 0 : QFontMetricsF(sheetFont(kSubtitlePx)).height() + 2);
        m_title = QRectF(0, 0, W, h);
        top = h + kGap;
    }
    // Long credits shrink (down to 6 px) to stay within three lines; beyond that they take more
    // lines: the footer says where the data comes from and is never cut.
    m_footerPx = kFooterPx;
    for (double px = kFooterPx; px >= kMinFooterPx - 1e-9 && !m_composition.footer.isEmpty(); px -= 0.5) {
        m_footerPx = px;
        m_footerLines = wrap(m_composition.footer, QFontMetricsF(sheetFont(px)), W);
        if (m_footerLines.size() <= 3) break;
    }
    const QFontMetricsF fm(sheetFont(m_footerPx));
    const double footerH = m_footerLines.isEmpty() ? 0 : static_cast<double>(m_footerLines.size()) * fm.height() + 2;
    m_footer = QRectF(0, H - footerH, W, footerH);
    const double bottom = H - footerH - (footerH > 0 ? kGap / 2 : 0);

    QImage probe(1, 1, QImage::Format_ARGB32_Premultiplied);
    QPainter measure(&probe);
    const QSizeF legend = drawLegend(measure, {}, m_composition.legends, 1.0, false);
    measure.end();
    if (legend.isEmpty()) {
        m_map = QRectF(0, top, W, bottom - top);
    } else if (legend.width() <= W * 0.38 && W >= H * 0.9) { // portrait: under the map, not a strip
        // Beside the map: the map keeps its full height and nothing covers the data.
        const double slot = legend.width() * 1.06 + 2; // room for the text at any scale
        m_legend = QRectF(W - slot, top, slot, legend.height());
        m_map = QRectF(0, top, W - slot - kGap, bottom - top);
    } else {
        m_legend = QRectF(0, bottom - legend.height(), legend.width(), legend.height());
        m_map = QRectF(0, top, W, bottom - top - legend.height() - kGap);
    }
}

MapView PrintLayout::viewFor(const Envelope& extent) const
{
    MapView v;
    v.size = QSize(std::max(1, static_cast<int>(std::floor(m_map.width()))),
                   std::max(1, static_cast<int>(std::floor(m_map.height()))));
    v.zoomTo(extent, 0.04);
    return v;
}

void PrintLayout::paint(QPainter& p, QPointF origin, const std::vector<LayerSnapshot>& layers, const MapView& view,
                        double scale) const
{
    const auto at = [&](const QRectF& r) {
        return QRectF(origin.x() + r.x() * scale, origin.y() + r.y() * scale, r.width() * scale, r.height() * scale);
    };
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    if (!m_title.isEmpty()) {
        const QRectF t = at(m_title);
        const QFont tf = sheetFont(kTitlePx * scale, true), sf = sheetFont(kSubtitlePx * scale);
        const double th = QFontMetricsF(tf).height();
        p.setPen(Qt::black);
        p.setFont(tf);
        p.drawText(QRectF(t.left(), t.top(), t.width(), th), Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetricsF(tf).elidedText(m_composition.title, Qt::ElideRight, t.width()));
        if (!m_composition.subtitle.isEmpty()) {
            p.setFont(sf);
            p.setPen(QColor(60, 60, 60));
            p.drawText(QRectF(t.left(), t.top() + th + 2 * scale, t.width(), t.height() - th),
                       Qt::AlignLeft | Qt::AlignTop,
                       QFontMetricsF(sf).elidedText(m_composition.subtitle, Qt::ElideRight, t.width()));
        }
    }

    // The map: rendered at device resolution into its rectangle, framed once.
    const QRectF m = at(m_map);
    MapView v = view;
    v.size = QSize(std::max(1, static_cast<int>(std::floor(m_map.width()))),
                   std::max(1, static_cast<int>(std::floor(m_map.height()))));
    RenderOptions o;
    o.pixelScale = scale;
    o.background = Qt::white;
    p.save();
    p.translate(m.topLeft());
    p.setClipRect(QRectF(0, 0, m.width(), m.height()));
    if (m_vectorMap)
        paintLayers(p, v, layers, o);
    else
        p.drawImage(QPointF(0, 0), renderLayers(v, layers, o));
    drawAolMarkers(p, v, m_composition.aol, scale);
    drawNorthArrow(p, QPointF(m.width() - 26 * scale, 30 * scale), scale);
    drawScaleBar(p, v, QPointF(m.width() - 6 * scale, m.height() - 6 * scale), scale);
    p.restore();
    p.setPen(QPen(QColor(120, 120, 120), 0.8 * scale));
    p.setBrush(Qt::NoBrush);
    p.drawRect(m);

    if (!m_legend.isEmpty()) {
        // Text does not scale exactly with the font size (hinting): measure at the device scale and
        // keep the box inside its slot, right-aligned beside the map.
        const QRectF slot = at(m_legend);
        const QSizeF size = drawLegend(p, {}, m_composition.legends, scale, false);
        const bool beside = m_legend.left() > m_map.right();
        const double x = beside ? std::max(slot.right() - size.width() - 1, m.right() + 2 * scale) : slot.left();
        drawLegend(p, QPointF(x, slot.top()), m_composition.legends, scale);
    }
    if (!m_footerLines.isEmpty()) {
        const QFont ff = sheetFont(m_footerPx * scale);
        const double lh = QFontMetricsF(ff).height();
        p.setFont(ff);
        p.setPen(QColor(70, 70, 70));
        const QRectF f = at(m_footer);
        for (qsizetype i = 0; i < m_footerLines.size(); ++i)
            p.drawText(QRectF(f.left(), f.top() + static_cast<double>(i) * lh, f.width(), lh),
                       Qt::AlignLeft | Qt::AlignVCenter, m_footerLines[i]);
    }
    p.restore();
}

QImage PrintLayout::render(const std::vector<LayerSnapshot>& layers, const Envelope& extent, double scale) const
{
    QImage img(static_cast<int>(std::ceil(m_size.width() * scale)),
               static_cast<int>(std::ceil(m_size.height() * scale)), QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::white);
    QPainter p(&img);
    paint(p, QPointF(0, 0), layers, viewFor(extent), scale);
    p.end();
    return img;
}

} // namespace gebiedscan::viewer
