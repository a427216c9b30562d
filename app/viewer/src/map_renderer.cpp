#include "map_renderer.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QStaticText>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace gebiedscan::viewer {

namespace {

bool cancelled(const RenderOptions& o)
{
    return o.latestGeneration && o.latestGeneration->load(std::memory_order_relaxed) != o.generation;
}

// Source-over blend of an opaque colour with coverage `alpha` (0..255) into a premultiplied pixel.
inline QRgb blend(QRgb dst, QRgb src, unsigned alpha)
{
    const unsigned inv = 255 - alpha;
    const auto mix = [&](unsigned d, unsigned s) { return (s * alpha + d * inv + 127) / 255; };
    return qRgba(static_cast<int>(mix(static_cast<unsigned>(qRed(dst)), static_cast<unsigned>(qRed(src)))),
                 static_cast<int>(mix(static_cast<unsigned>(qGreen(dst)), static_cast<unsigned>(qGreen(src)))),
                 static_cast<int>(mix(static_cast<unsigned>(qBlue(dst)), static_cast<unsigned>(qBlue(src)))),
                 static_cast<int>(std::min(255u, static_cast<unsigned>(qAlpha(dst)) +
                                                     alpha * static_cast<unsigned>(255 - qAlpha(dst)) / 255)));
}

struct Transform {
    double cx, cy, inv, hw, hh; // screen = ((x - cx) * inv + hw, hh - (y - cy) * inv)
    explicit Transform(const MapView& v, double scale)
        : cx(v.centre.x), cy(v.centre.y), inv(scale / v.metresPerPixel), hw(v.size.width() * scale / 2),
          hh(v.size.height() * scale / 2)
    {}
    [[nodiscard]] QPointF operator()(const PointRd& p) const { return {(p.x - cx) * inv + hw, hh - (p.y - cy) * inv}; }
};

void drawPolygons(QPainter& p, const MapView& view, const LayerSnapshot& s, const RenderOptions& o)
{
    const auto& d = *s.data;
    const auto& sym = *s.symbology;
    const Transform t(view, o.pixelScale);
    const Envelope visible = view.extent();
    const double px = view.metresPerPixel / o.pixelScale; // metres per device pixel
    QPen pen(sym.stroke, sym.strokeWidth * o.pixelScale);
    pen.setJoinStyle(Qt::RoundJoin);
    const bool stroke = sym.strokeWidth > 0 && sym.stroke.alpha() > 0;
    const QBrush hatch = geheimHatchBrush(o.pixelScale);
    const QBrush dots = smallAreaDotBrush(o.pixelScale), lightDots = smallAreaDotBrush(o.pixelScale, true);
    const bool anyMarked = std::find(sym.marked.begin(), sym.marked.end(), 1) != sym.marked.end();
    std::vector<QPointF> buf;
    QPainterPath path;
    for (std::size_t f = 0; f < d.featureCount(); ++f) {
        if ((f & 1023) == 1023 && cancelled(o)) return;
        const auto& e = d.envelopes[f];
        if (e.empty() || !e.intersects(visible)) continue;
        const QColor fill = QColor::fromRgba(sym.fill[f]);
        // Level of detail: an area smaller than a pixel becomes one pixel of its colour.
        if (e.width() < px * 1.5 && e.height() < px * 1.5) {
            const QPointF c = t(PointRd{(e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2});
            p.fillRect(QRectF(c.x() - 0.5, c.y() - 0.5, 1, 1), fill);
            continue;
        }
        const auto r0 = d.featureRings[f], r1 = d.featureRings[f + 1];
        const bool single = r1 - r0 == 1;
        // Outlines of areas only a few pixels wide would turn the map grey: fill only. Layers
        // without fill (boundaries) keep their outlines at every scale.
        const double extentPx = std::max(e.width(), e.height()) / px;
        const bool strokeThis = stroke && (fill.alpha() == 0 || extentPx > 12);
        // Small polygons need fewer vertices: 1 px steps below 30 px, 0.5 px above.
        const double minStep2 = extentPx < 30 ? 1.0 : 0.25;
        if (!single) path = QPainterPath(), path.setFillRule(Qt::OddEvenFill);
        for (auto r = r0; r < r1; ++r) {
            buf.clear();
            QPointF last(1e300, 1e300);
            for (auto i = d.ringOffsets[r]; i < d.ringOffsets[r + 1]; ++i) {
                const QPointF q = t(d.coords[i]);
                const double dx = q.x() - last.x(), dy = q.y() - last.y();
                if (dx * dx + dy * dy < minStep2 && i + 1 < d.ringOffsets[r + 1]) continue;
                buf.push_back(q);
                last = q;
            }
            if (buf.size() < 3) continue;
            if (single) {
                // Unstroked fills without antialiasing: adjacent cells then meet without the
                // light hairline seams that antialiased edges leave.
                p.setRenderHint(QPainter::Antialiasing, o.antialias && strokeThis);
                p.setPen(strokeThis ? pen : QPen(Qt::NoPen));
                p.setBrush(fill.alpha() == 0 ? QBrush(Qt::NoBrush) : QBrush(fill));
                p.drawPolygon(buf.data(), static_cast<int>(buf.size()), Qt::OddEvenFill);
                if (sym.hatched[f] || (anyMarked && sym.marked[f])) {
                    p.setPen(Qt::NoPen);
                    p.setBrush(sym.hatched[f] ? hatch : qGray(fill.rgb()) < 110 ? lightDots : dots);
                    p.drawPolygon(buf.data(), static_cast<int>(buf.size()), Qt::OddEvenFill);
                }
            } else {
                path.addPolygon(QPolygonF(QList<QPointF>(buf.begin(), buf.end())));
                path.closeSubpath();
            }
        }
        if (!single) {
            p.setRenderHint(QPainter::Antialiasing, o.antialias && strokeThis);
            p.setPen(strokeThis ? pen : QPen(Qt::NoPen));
            p.setBrush(fill.alpha() == 0 ? QBrush(Qt::NoBrush) : QBrush(fill));
            p.drawPath(path);
            if (sym.hatched[f] || (anyMarked && sym.marked[f])) {
                p.setPen(Qt::NoPen);
                p.setBrush(sym.hatched[f] ? hatch : qGray(fill.rgb()) < 110 ? lightDots : dots);
                p.drawPath(path);
            }
        }
    }
}

void drawLines(QPainter& p, const MapView& view, const LayerSnapshot& s, const RenderOptions& o)
{
    const auto& d = *s.data;
    const Transform t(view, o.pixelScale);
    const Envelope visible = view.extent();
    p.setPen(QPen(s.symbology->stroke, std::max(0.5, s.symbology->strokeWidth) * o.pixelScale, Qt::SolidLine,
                  Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    std::vector<QPointF> buf;
    for (std::size_t f = 0; f < d.featureCount(); ++f) {
        if (d.envelopes[f].empty() || !d.envelopes[f].intersects(visible)) continue;
        for (auto r = d.featureRings[f]; r < d.featureRings[f + 1]; ++r) {
            buf.clear();
            for (auto i = d.ringOffsets[r]; i < d.ringOffsets[r + 1]; ++i) buf.push_back(t(d.coords[i]));
            if (buf.size() >= 2) p.drawPolyline(buf.data(), static_cast<int>(buf.size()));
        }
    }
}

void drawSizedPoints(QPainter& p, const MapView& view, const LayerSnapshot& s, const RenderOptions& o)
{
    const auto& d = *s.data;
    const auto& sym = *s.symbology;
    const Transform t(view, o.pixelScale);
    // Largest first, so small symbols stay visible on top of big ones.
    std::vector<std::size_t> order(d.featureCount());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return sym.size[a] > sym.size[b]; });
    p.setPen(QPen(sym.stroke, sym.strokeWidth * o.pixelScale));
    for (auto f : order) {
        const double r = sym.size[f] * o.pixelScale / 2;
        QColor c = QColor::fromRgba(sym.fill[f]);
        c.setAlpha(210);
        p.setBrush(c);
        for (auto ring = d.featureRings[f]; ring < d.featureRings[f + 1]; ++ring)
            p.drawEllipse(t(d.coords[d.ringOffsets[ring]]), r, r);
    }
}

// A raster draws as one image scaled to its extent; density cells stay crisp (no smoothing) so
// the analyst sees the real resolution of the grid.
void drawRaster(QPainter& p, const MapView& view, const LayerSnapshot& s, const RenderOptions& o)
{
    const auto& d = *s.data;
    const Transform t(view, o.pixelScale);
    if (d.image && !s.symbology->raster.isNull()) {
        // A basemap picture is smoothed: it is scenery, not data cells.
        p.setRenderHint(QPainter::SmoothPixmapTransform, true);
        p.drawImage(QRectF(t(PointRd{d.extent.minX, d.extent.maxY}), t(PointRd{d.extent.maxX, d.extent.minY})),
                    s.symbology->raster);
        return;
    }
    if (!d.raster || s.symbology->raster.isNull()) return;
    const QPointF topLeft = t(PointRd{d.raster->minX, d.raster->maxY});
    const QPointF bottomRight = t(PointRd{d.raster->maxX(), d.raster->minY()});
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(QRectF(topLeft, bottomRight), s.symbology->raster);
}

// Many small points: write pixels directly (QPainter per point is ~20x slower). Points arrive in
// file order, i.e. at random places in a 6 MB image; bucketing them by row first (counting sort)
// turns the cache misses that dominated this loop into sequential writes.
void drawDensePoints(QImage& img, const MapView& view, const LayerSnapshot& s, const RenderOptions& o)
{
    const auto& d = *s.data;
    const Transform t(view, o.pixelScale);
    const int w = img.width(), h = img.height();
    const int size = std::max(1, static_cast<int>(std::lround(s.style.pointSize * o.pixelScale)));
    const int half = size / 2;
    const auto alpha = static_cast<unsigned>(std::clamp(s.style.opacity, 0.0, 1.0) * 255);
    struct Dot {
        int x, y;
        QRgb colour;
    };
    std::vector<Dot> dots;
    dots.reserve(d.featureCount());
    std::vector<std::uint32_t> rowStart(static_cast<std::size_t>(h) + 2, 0);
    for (std::size_t f = 0; f < d.featureCount(); ++f) {
        const QRgb c = s.symbology->fill[f] | 0xff000000u;
        for (auto ring = d.featureRings[f]; ring < d.featureRings[f + 1]; ++ring) {
            const QPointF q = t(d.coords[d.ringOffsets[ring]]);
            if (q.x() < -size || q.y() < -size || q.x() >= w + size || q.y() >= h + size) continue;
            const int x0 = static_cast<int>(q.x()) - half, y0 = static_cast<int>(q.y()) - half;
            if (x0 + size <= 0 || y0 + size <= 0 || x0 >= w || y0 >= h) continue;
            dots.push_back({x0, y0, c});
            ++rowStart[static_cast<std::size_t>(std::clamp(y0, 0, h - 1)) + 1];
        }
    }
    for (std::size_t y = 1; y < rowStart.size(); ++y) rowStart[y] += rowStart[y - 1];
    std::vector<Dot> sorted(dots.size());
    for (const auto& dot : dots) sorted[rowStart[static_cast<std::size_t>(std::clamp(dot.y, 0, h - 1))]++] = dot;
    auto* bits = reinterpret_cast<QRgb*>(img.bits());
    const auto stride = static_cast<std::size_t>(img.bytesPerLine() / 4);
    for (const auto& dot : sorted)
        for (int y = std::max(0, dot.y); y < std::min(h, dot.y + size); ++y) {
            QRgb* row = bits + static_cast<std::size_t>(y) * stride;
            for (int x = std::max(0, dot.x); x < std::min(w, dot.x + size); ++x)
                row[x] = blend(row[x], dot.colour, alpha);
        }
}

// Zoomed out, points become counted circles on a 48 px grid (with the count in the circle):
// readable, and it does not show address-precise positions.
bool drawClusters(QPainter& p, const MapView& view, const LayerSnapshot& s, const RenderOptions& o)
{
    const auto& d = *s.data;
    const Transform t(view, o.pixelScale);
    const double cell = 48 * o.pixelScale;
    struct Cell {
        double sx = 0, sy = 0;
        std::size_t n = 0;
    };
    std::unordered_map<long long, Cell> cells;
    std::size_t visible = 0;
    const double w = view.size.width() * o.pixelScale, h = view.size.height() * o.pixelScale;
    for (std::size_t f = 0; f < d.featureCount(); ++f)
        for (auto ring = d.featureRings[f]; ring < d.featureRings[f + 1]; ++ring) {
            const QPointF q = t(d.coords[d.ringOffsets[ring]]);
            if (q.x() < 0 || q.y() < 0 || q.x() >= w || q.y() >= h) continue;
            ++visible;
            const long long key = static_cast<long long>(q.x() / cell) * 100000 + static_cast<long long>(q.y() / cell);
            auto& c = cells[key];
            c.sx += q.x();
            c.sy += q.y();
            ++c.n;
        }
    if (visible < 3000 || view.metresPerPixel < 5) return false;
    QFont font = p.font();
    font.setPixelSize(static_cast<int>(10 * o.pixelScale));
    font.setBold(true);
    p.setFont(font);
    // Antialiased circles and text layout cost more than everything else here: draw each
    // distinct radius once into a sprite and each distinct count label once, then blit.
    std::size_t maxCount = 1;
    for (const auto& [key, c] : cells) maxCount = std::max(maxCount, c.n);
    std::unordered_map<int, QImage> sprites;
    std::unordered_map<std::size_t, QStaticText> labels;
    QColor fill = s.style.fill;
    fill.setAlpha(190);
    for (const auto& [key, c] : cells) {
        const QPointF centre(c.sx / static_cast<double>(c.n), c.sy / static_cast<double>(c.n));
        auto it = labels.find(c.n);
        if (it == labels.end()) {
            const QString text = c.n >= 10000 ? QStringLiteral("%1k").arg(c.n / 1000) : QString::number(c.n);
            it = labels.emplace(c.n, QStaticText(text)).first;
            it->second.prepare(QTransform(), font);
        }
        const QSizeF ts = it->second.size();
        // Circle area grows with the count relative to the largest cluster on screen, capped
        // below the 48 px cell so neighbours do not pile up; never smaller than its label.
        const double grown =
            (7 + 15 * std::sqrt(static_cast<double>(c.n) / static_cast<double>(maxCount))) * o.pixelScale;
        const int r = static_cast<int>(std::lround(std::max(grown, ts.width() / 2 + 3 * o.pixelScale)));
        auto sprite = sprites.find(r);
        if (sprite == sprites.end()) {
            const int side = 2 * r + 4;
            QImage img(side, side, QImage::Format_ARGB32_Premultiplied);
            img.fill(Qt::transparent);
            QPainter sp(&img);
            sp.setRenderHint(QPainter::Antialiasing);
            sp.setPen(QPen(Qt::white, 1.2 * o.pixelScale));
            sp.setBrush(fill);
            sp.drawEllipse(QPointF(side / 2.0, side / 2.0), r, r);
            sp.end();
            sprite = sprites.emplace(r, std::move(img)).first;
        }
        const QImage& img = sprite->second;
        p.drawImage(QPointF(centre.x() - img.width() / 2.0, centre.y() - img.height() / 2.0), img);
        p.setPen(Qt::white);
        p.drawStaticText(QPointF(centre.x() - ts.width() / 2, centre.y() - ts.height() / 2), it->second);
    }
    return true;
}

} // namespace

QBrush geheimHatchBrush(double pixelScale)
{
    // A texture, not Qt::BDiagPattern, so the hatch scales with the export resolution.
    const int n = std::max(6, static_cast<int>(std::lround(6 * pixelScale)));
    QImage tile(n, n, QImage::Format_ARGB32_Premultiplied);
    tile.fill(Qt::transparent);
    QPainter tp(&tile);
    tp.setRenderHint(QPainter::Antialiasing);
    tp.setPen(QPen(QColor(110, 110, 110), std::max(1.0, pixelScale * 0.9)));
    tp.drawLine(QPointF(0, n), QPointF(n, 0));
    tp.drawLine(QPointF(-1, 1), QPointF(1, -1));
    tp.drawLine(QPointF(n - 1, n + 1), QPointF(n + 1, n - 1));
    tp.end();
    return QBrush(tile);
}

QBrush smallAreaDotBrush(double pixelScale, bool light)
{
    // Sparse dark dots: the class colour stays readable beneath.
    const int n = std::max(5, static_cast<int>(std::lround(5 * pixelScale)));
    QImage tile(n, n, QImage::Format_ARGB32_Premultiplied);
    tile.fill(Qt::transparent);
    QPainter tp(&tile);
    tp.setRenderHint(QPainter::Antialiasing);
    tp.setPen(Qt::NoPen);
    tp.setBrush(light ? QColor(255, 255, 255) : QColor(40, 40, 40));
    const double r = std::max(0.7, 0.8 * pixelScale);
    tp.drawEllipse(QPointF(n / 2.0, n / 2.0), r, r);
    tp.end();
    return QBrush(tile);
}

namespace {
// Area names on top of everything: the largest areas first (they matter most at a coarse scale),
// each label only where it overlaps no label drawn before and fits roughly inside its area.
void drawLabels(QPainter& p, const MapView& view, const LayerSnapshot& s, const RenderOptions& o,
                std::vector<QRectF>& taken)
{
    const auto& d = *s.data;
    const int field = d.fieldIndex(s.style.labelField);
    if (field < 0 || d.geometry != GeometryKind::Polygon) return;
    std::vector<std::size_t> order(d.featureCount());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const auto area = [&](std::size_t f) { return d.envelopes[f].width() * d.envelopes[f].height(); };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return area(a) > area(b); });
    QFont font = p.font();
    font.setPixelSize(static_cast<int>(std::lround(11 * o.pixelScale)));
    p.setFont(font);
    const QFontMetricsF metrics(font);
    const QRectF canvas(QPointF(0, 0), QSizeF(view.size) * o.pixelScale);
    const double pad = 2 * o.pixelScale;
    for (std::size_t f : order) {
        const QString text = d.text(field, f);
        if (text.isEmpty()) continue;
        const QPointF at = view.toScreen(d.labelPoints[f]) * o.pixelScale;
        const QSizeF size = metrics.size(Qt::TextSingleLine, text);
        const double featureWidth = d.envelopes[f].width() / view.metresPerPixel * o.pixelScale;
        if (size.width() > featureWidth * 1.6) continue; // much wider than its area: unreadable clutter
        const QRectF box(at.x() - size.width() / 2, at.y() - size.height() / 2, size.width(), size.height());
        if (!canvas.contains(box)) continue;
        const QRectF padded = box.adjusted(-pad, -pad, pad, pad);
        if (std::any_of(taken.begin(), taken.end(), [&](const QRectF& t) { return t.intersects(padded); })) continue;
        taken.push_back(padded);
        // A white halo keeps the name readable on every class colour.
        QPainterPath path;
        path.addText(box.left(), box.top() + metrics.ascent(), font, text);
        p.setPen(QPen(QColor(255, 255, 255, 220), 3 * o.pixelScale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(30, 30, 30));
        p.drawPath(path);
    }
}
} // namespace

QImage renderLayers(const MapView& view, const std::vector<LayerSnapshot>& layers, const RenderOptions& o)
{
    const QSize px(std::max(1, static_cast<int>(std::lround(view.size.width() * o.pixelScale))),
                   std::max(1, static_cast<int>(std::lround(view.size.height() * o.pixelScale))));
    QImage img(px, QImage::Format_ARGB32_Premultiplied);
    img.fill(o.background);
    for (const auto& s : layers) {
        if (!s.data || !s.symbology || !s.style.visible || s.style.opacity <= 0) continue;
        if (cancelled(o)) return {};
        const auto& d = *s.data;
        if (d.geometry == GeometryKind::Point && s.style.mode != StyleMode::SizedPoints) {
            // Dense points blend themselves with the layer opacity.
            bool clustered = false;
            if (s.style.cluster) {
                QPainter p(&img);
                p.setRenderHint(QPainter::Antialiasing, o.antialias);
                p.setOpacity(s.style.opacity);
                clustered = drawClusters(p, view, s, o);
            }
            if (!clustered) drawDensePoints(img, view, s, o);
            continue;
        }
        // Translucent layers go through their own image so overlapping features do not add up.
        const bool ownImage = s.style.opacity < 1.0;
        QImage layerImg;
        if (ownImage) {
            layerImg = QImage(px, QImage::Format_ARGB32_Premultiplied);
            layerImg.fill(Qt::transparent);
        }
        {
            QPainter p(ownImage ? &layerImg : &img);
            p.setRenderHint(QPainter::Antialiasing, o.antialias);
            switch (d.geometry) {
            case GeometryKind::Polygon: drawPolygons(p, view, s, o); break;
            case GeometryKind::Line: drawLines(p, view, s, o); break;
            case GeometryKind::Point: drawSizedPoints(p, view, s, o); break;
            case GeometryKind::Raster: drawRaster(p, view, s, o); break;
            case GeometryKind::None: break;
            }
        }
        if (ownImage) {
            QPainter p(&img);
            p.setOpacity(s.style.opacity);
            p.drawImage(0, 0, layerImg);
        }
    }
    if (cancelled(o)) return {};
    std::vector<QRectF> taken;
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) // top layer's labels first
        if (it->data && it->style.visible && !it->style.labelField.isEmpty()) {
            QPainter p(&img);
            p.setRenderHint(QPainter::Antialiasing, o.antialias);
            drawLabels(p, view, *it, o, taken);
        }
    return img;
}

void paintLayers(QPainter& p, const MapView& view, const std::vector<LayerSnapshot>& layers, const RenderOptions& o)
{
    const QSizeF px = QSizeF(view.size) * o.pixelScale;
    p.save();
    p.fillRect(QRectF(QPointF(0, 0), px), o.background);
    RenderOptions imageOptions = o;
    imageOptions.background = Qt::transparent;
    for (const auto& s : layers) {
        if (!s.data || !s.symbology || !s.style.visible || s.style.opacity <= 0) continue;
        const auto kind = s.data->geometry;
        if ((kind == GeometryKind::Polygon || kind == GeometryKind::Line) && s.style.opacity >= 1.0) {
            p.save();
            p.setRenderHint(QPainter::Antialiasing, o.antialias);
            if (kind == GeometryKind::Polygon)
                drawPolygons(p, view, s, o);
            else
                drawLines(p, view, s, o);
            p.restore();
        } else {
            LayerSnapshot one = s;
            one.style.labelField.clear(); // labels are drawn below, over every layer
            p.drawImage(QPointF(0, 0), renderLayers(view, {one}, imageOptions));
        }
    }
    std::vector<QRectF> taken;
    for (auto it = layers.rbegin(); it != layers.rend(); ++it)
        if (it->data && it->style.visible && !it->style.labelField.isEmpty()) {
            p.save();
            p.setRenderHint(QPainter::Antialiasing, o.antialias);
            drawLabels(p, view, *it, o, taken);
            p.restore();
        }
    p.restore();
}

} // namespace gebiedscan::viewer
