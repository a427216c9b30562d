#pragma once
#include "gebiedscan/core/geometry.hpp"

#include <QPointF>
#include <QSize>

#include <algorithm>

namespace gebiedscan::viewer {

/// The map's view: centre in RD New metres, metres per (device-independent) pixel, and the
/// output size in pixels. Screen y grows downwards, RD northing upwards. A value type: the
/// render thread gets its own copy.
struct MapView {
    PointRd centre{155000.0, 463000.0};
    double metresPerPixel = 1000.0;
    QSize size{800, 600};

    [[nodiscard]] QPointF toScreen(const PointRd& p) const
    {
        return {(p.x - centre.x) / metresPerPixel + size.width() / 2.0,
                size.height() / 2.0 - (p.y - centre.y) / metresPerPixel};
    }
    [[nodiscard]] PointRd toWorld(const QPointF& s) const
    {
        return {centre.x + (s.x() - size.width() / 2.0) * metresPerPixel,
                centre.y - (s.y() - size.height() / 2.0) * metresPerPixel};
    }
    /// The world rectangle on screen.
    [[nodiscard]] Envelope extent() const
    {
        Envelope e;
        e.expand(toWorld(QPointF(0, 0)));
        e.expand(toWorld(QPointF(size.width(), size.height())));
        return e;
    }
    /// Fits `e` into the view with a margin (fraction of the size on each side).
    void zoomTo(const Envelope& e, double margin = 0.05)
    {
        if (e.empty()) return;
        centre = {(e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2};
        const double w = std::max(1, size.width()) * (1 - 2 * margin);
        const double h = std::max(1, size.height()) * (1 - 2 * margin);
        metresPerPixel = std::max({e.width() / w, e.height() / h, 0.01});
    }
    /// Zooms by `factor` (>1 zooms in) keeping the world point under `anchor` fixed.
    void zoomAt(const QPointF& anchor, double factor)
    {
        const PointRd before = toWorld(anchor);
        metresPerPixel = std::clamp(metresPerPixel / factor, 0.01, 100000.0);
        const PointRd after = toWorld(anchor);
        centre.x += before.x - after.x;
        centre.y += before.y - after.y;
    }
};

} // namespace gebiedscan::viewer
