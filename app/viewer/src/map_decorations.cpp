#include "map_decorations.hpp"

#include <QCoreApplication>
#include <QLocale>
#include <QPainterPath>

#include <cmath>

namespace gebiedscan::viewer {

namespace {

QFont uiFont(double px, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(px))));
    f.setBold(bold);
    return f;
}

double niceLength(double maxMetres)
{
    const double e = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * e <= maxMetres) return m * e;
    return e;
}

} // namespace

void drawScaleBar(QPainter& p, const MapView& view, QPointF anchor, double scale)
{
    const double maxPx = 140;
    const double metres = niceLength(maxPx * view.metresPerPixel);
    const double w = metres / view.metresPerPixel * scale;
    const double h = 6 * scale;
    const QString label = metres >= 1000 ? QStringLiteral("%1 km").arg(QLocale().toString(metres / 1000, 'g', 6))
                                         : QStringLiteral("%1 m").arg(QLocale().toString(metres, 'g', 6));
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QFont font = uiFont(11 * scale);
    p.setFont(font);
    const QRectF box(anchor.x() - w - 16 * scale, anchor.y() - 34 * scale, w + 16 * scale, 34 * scale);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 215));
    p.drawRoundedRect(box, 3 * scale, 3 * scale);
    const double x0 = box.left() + 8 * scale, y0 = box.bottom() - 8 * scale - h;
    // Alternating black/white halves, the cartographic convention.
    p.setPen(QPen(Qt::black, 1 * scale));
    p.setBrush(Qt::black);
    p.drawRect(QRectF(x0, y0, w / 2, h));
    p.setBrush(Qt::white);
    p.drawRect(QRectF(x0 + w / 2, y0, w / 2, h));
    p.setPen(Qt::black);
    p.drawText(QRectF(x0, box.top() + 2 * scale, w, y0 - box.top() - 3 * scale), Qt::AlignHCenter | Qt::AlignBottom,
               label);
    p.restore();
}

void drawNorthArrow(QPainter& p, QPointF c, double scale)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 215));
    p.drawEllipse(c, 20 * scale, 24 * scale);
    const double s = scale;
    QPainterPath left, right;
    left.moveTo(c.x(), c.y() - 14 * s);
    left.lineTo(c.x() - 8 * s, c.y() + 12 * s);
    left.lineTo(c.x(), c.y() + 6 * s);
    left.closeSubpath();
    right.moveTo(c.x(), c.y() - 14 * s);
    right.lineTo(c.x() + 8 * s, c.y() + 12 * s);
    right.lineTo(c.x(), c.y() + 6 * s);
    right.closeSubpath();
    p.setPen(QPen(Qt::black, 1 * s));
    p.setBrush(Qt::black);
    p.drawPath(left);
    p.setBrush(Qt::white);
    p.drawPath(right);
    p.setFont(uiFont(11 * s, true));
    p.setPen(Qt::black);
    p.drawText(QRectF(c.x() - 10 * s, c.y() - 26 * s, 20 * s, 12 * s), Qt::AlignCenter, QStringLiteral("N"));
    p.restore();
}

QSizeF drawLegend(QPainter& p, QPointF topLeft, const std::vector<LayerLegend>& legends, double scale, bool draw)
{
    const QFont titleFont = uiFont(12 * scale, true);
    const QFont font = uiFont(11 * scale);
    const QFontMetricsF tm(titleFont), fm(font);
    const double pad = 8 * scale, sym = 16 * scale, gap = 6 * scale, line = std::max(sym, fm.height()) + 3 * scale;
    double w = 0, h = pad;
    for (const auto& l : legends) {
        if (l.entries.empty()) continue;
        w = std::max(w, tm.horizontalAdvance(l.title));
        if (!l.title.isEmpty()) h += tm.height() + 2 * scale;
        for (const auto& e : l.entries) {
            const double symW = e.symbol == LegendEntry::Symbol::Circle ? std::max(sym, e.size * scale) : sym;
            w = std::max(w, symW + gap + fm.horizontalAdvance(e.label));
            h += e.symbol == LegendEntry::Symbol::Circle ? std::max(line, e.size * scale + 2 * scale) : line;
        }
        h += gap;
    }
    const QSizeF size(w + 2 * pad, h + pad - gap);
    if (!draw || w <= 0) return w <= 0 ? QSizeF() : size;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(150, 150, 150), 0.8 * scale));
    p.setBrush(QColor(255, 255, 255, 230));
    p.drawRoundedRect(QRectF(topLeft, size), 3 * scale, 3 * scale);
    double y = topLeft.y() + pad;
    const double x = topLeft.x() + pad;
    for (const auto& l : legends) {
        if (l.entries.empty()) continue;
        if (!l.title.isEmpty()) {
            p.setFont(titleFont);
            p.setPen(Qt::black);
            p.drawText(QRectF(x, y, w, tm.height()), Qt::AlignLeft | Qt::AlignVCenter, l.title);
            y += tm.height() + 2 * scale;
        }
        p.setFont(font);
        for (const auto& e : l.entries) {
            const double symW = e.symbol == LegendEntry::Symbol::Circle ? std::max(sym, e.size * scale) : sym;
            const double rowH =
                e.symbol == LegendEntry::Symbol::Circle ? std::max(line, e.size * scale + 2 * scale) : line;
            const QRectF box(x, y + (rowH - sym) / 2, sym, sym * 0.8);
            switch (e.symbol) {
            case LegendEntry::Symbol::Box:
                p.setPen(QPen(QColor(90, 90, 90), 0.6 * scale));
                p.setBrush(e.colour);
                p.drawRect(box);
                if (e.hatched || e.dotted) {
                    p.setBrush(e.hatched ? geheimHatchBrush(scale) : smallAreaDotBrush(scale));
                    p.drawRect(box);
                }
                break;
            case LegendEntry::Symbol::Circle: {
                const double r = e.size * scale / 2;
                p.setPen(QPen(Qt::white, 1 * scale));
                QColor c = e.colour;
                c.setAlpha(210);
                p.setBrush(c);
                p.drawEllipse(QPointF(x + symW / 2, y + rowH / 2), r, r);
                break;
            }
            case LegendEntry::Symbol::Line:
                p.setPen(QPen(e.colour, e.lineWidth * scale, Qt::SolidLine, Qt::FlatCap));
                p.drawLine(QPointF(x, y + rowH / 2), QPointF(x + sym, y + rowH / 2));
                break;
            }
            p.setPen(Qt::black);
            p.drawText(QRectF(x + symW + gap, y, w - symW - gap, rowH), Qt::AlignLeft | Qt::AlignVCenter, e.label);
            y += rowH;
        }
        y += gap;
    }
    p.restore();
    return size;
}

void drawAolMarkers(QPainter& p, const MapView& view, const std::vector<AolMarker>& markers, double scale)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(uiFont(10 * scale, true));
    for (const auto& m : markers) {
        const QPointF s = view.toScreen(m.position) * scale;
        const double r = 10 * scale;
        QPainterPath pin;
        pin.moveTo(s);
        pin.lineTo(s.x() - r * 0.6, s.y() - r * 1.3);
        pin.arcTo(QRectF(s.x() - r, s.y() - r * 2.6 + 0, 2 * r, 2 * r), 210, -240);
        pin.closeSubpath();
        p.setPen(QPen(Qt::white, 1.5 * scale));
        p.setBrush(QColor(0x00, 0x6d, 0x2c));
        p.drawPath(pin);
        p.setPen(Qt::white);
        p.drawText(QRectF(s.x() - r, s.y() - r * 2.6, 2 * r, 2 * r), Qt::AlignCenter, QString::number(m.number));
    }
    p.restore();
}

int aolMarkerAt(const MapView& view, const std::vector<AolMarker>& markers, QPointF p)
{
    // The pin of drawAolMarkers at scale 1: tip at the location, head of radius 10 centred 16 px
    // above it.
    constexpr double r = 10;
    for (int i = static_cast<int>(markers.size()) - 1; i >= 0; --i) {
        const QPointF tip = view.toScreen(markers[static_cast<std::size_t>(i)].position);
        const QPointF head(tip.x(), tip.y() - 1.6 * r);
        if (std::hypot(p.x() - head.x(), p.y() - head.y()) <= r + 2 ||
            std::hypot(p.x() - tip.x(), p.y() - tip.y()) <= 5 ||
            (std::abs(p.x() - tip.x()) <= r * 0.6 && p.y() <= tip.y() && p.y() >= head.y()))
            return i;
    }
    return -1;
}

void paintDecorations(QPainter& p, const MapView& view, const Composition& c, double scale)
{
    const double W = view.size.width() * scale, H = view.size.height() * scale;
    const double margin = 12 * scale;
    drawAolMarkers(p, view, c.aol, scale);
    if (!c.title.isEmpty()) {
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        const QFont tf = uiFont(18 * scale, true), sf = uiFont(12 * scale);
        const QFontMetricsF tm(tf), sm(sf);
        const double w =
            std::max(tm.horizontalAdvance(c.title), c.subtitle.isEmpty() ? 0.0 : sm.horizontalAdvance(c.subtitle)) +
            20 * scale;
        const double h = tm.height() + (c.subtitle.isEmpty() ? 0 : sm.height() + 2 * scale) + 14 * scale;
        const QRectF box(margin, margin, w, h);
        p.setPen(QPen(QColor(150, 150, 150), 0.8 * scale));
        p.setBrush(QColor(255, 255, 255, 230));
        p.drawRoundedRect(box, 3 * scale, 3 * scale);
        p.setPen(Qt::black);
        p.setFont(tf);
        p.drawText(QRectF(box.left() + 10 * scale, box.top() + 7 * scale, w, tm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, c.title);
        if (!c.subtitle.isEmpty()) {
            p.setFont(sf);
            p.setPen(QColor(60, 60, 60));
            p.drawText(QRectF(box.left() + 10 * scale, box.top() + 9 * scale + tm.height(), w, sm.height()),
                       Qt::AlignLeft | Qt::AlignVCenter, c.subtitle);
        }
        p.restore();
    }
    drawNorthArrow(p, QPointF(W - margin - 22 * scale, margin + 26 * scale), scale);
    const QSizeF ls = drawLegend(p, {}, c.legends, scale, false);
    if (!ls.isEmpty())
        drawLegend(p, QPointF(margin, H - margin - ls.height() - (c.footer.isEmpty() ? 0 : 16 * scale)), c.legends,
                   scale);
    drawScaleBar(p, view, QPointF(W - margin, H - margin - (c.footer.isEmpty() ? 0 : 16 * scale)), scale);
    if (!c.footer.isEmpty()) {
        p.save();
        p.setFont(uiFont(9.5 * scale));
        p.setPen(QColor(70, 70, 70));
        p.drawText(QRectF(margin, H - margin - 12 * scale, W - 2 * margin, 14 * scale),
                   Qt::AlignLeft | Qt::AlignVCenter, c.footer);
        p.restore();
    }
}

QImage renderComposition(const MapView& view, const std::vector<LayerSnapshot>& layers, const Composition& c,
                         double scale)
{
    RenderOptions o;
    o.pixelScale = scale;
    QImage img = renderLayers(view, layers, o);
    QPainter p(&img);
    paintDecorations(p, view, c, scale);
    p.end();
    return img;
}

} // namespace gebiedscan::viewer
