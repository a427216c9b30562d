#pragma once
// The composition of a printed map: title block, framed map, legend beside it, scale bar and
// north arrow in the map's corners and a source line under it that always fits. Shared by the
// report (gebiedscan report) and, later, the viewer's PNG/PDF export, so every printed map has
// the same furniture. QtGui only.
#include "map_decorations.hpp"

#include <QRectF>
#include <QSizeF>

namespace gebiedscan::viewer {

/// Lays out and paints one map sheet in a rectangle of logical pixels (1/96 inch at scale 1).
/// `scale` is device pixels per logical pixel (300 dpi: 300/96): text, symbols and lines grow
/// with it, the geography does not.
class PrintLayout {
public:
    /// A sheet of `size` logical pixels for `composition` (title, subtitle, legends, footer, AOL).
    PrintLayout(QSizeF size, Composition composition);

    /// Where the map goes inside the sheet (logical pixels, origin top left of the sheet).
    [[nodiscard]] QRectF mapRect() const { return m_map; }
    /// Where the legend goes (empty when there is none).
    [[nodiscard]] QRectF legendRect() const { return m_legend; }
    /// The footer's lines, wrapped to the sheet's width: never cut, in a smaller font when they
    /// would take more than three lines (more lines only below the smallest font).
    [[nodiscard]] const QStringList& footerLines() const { return m_footerLines; }
    /// The footer's font size in logical pixels (8, smaller for long credits).
    [[nodiscard]] double footerPx() const { return m_footerPx; }
    /// The view that shows `extent` (RD New) in the map rectangle with a small margin.
    [[nodiscard]] MapView viewFor(const Envelope& extent) const;

    /// Paints the sheet with its top left at `origin` (device pixels) on `p`.
    void paint(QPainter& p, QPointF origin, const std::vector<LayerSnapshot>& layers, const MapView& view,
               double scale) const;
    /// Paint the map's layers as vectors (paths on the painter: a PDF stays small and sharp)
    /// instead of as an image of the map. Off by default.
    void setVectorMap(bool vector) { m_vectorMap = vector; }
    /// The sheet as an image of size * scale pixels on white.
    [[nodiscard]] QImage render(const std::vector<LayerSnapshot>& layers, const Envelope& extent,
                                double scale = 1.0) const;

private:
    QSizeF m_size;
    Composition m_composition;
    QRectF m_title, m_map, m_legend, m_footer;
    QStringList m_footerLines;
    double m_footerPx = 8;
    bool m_vectorMap = false;
};

} // namespace gebiedscan::viewer
