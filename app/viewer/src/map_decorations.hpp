#pragma once
// Map furniture shared by the canvas, the exports and --screenshot: scale bar, north arrow,
// legend, title block and AOL markers. All sizes are logical pixels times `scale`.
#include "layer_style.hpp"
#include "map_renderer.hpp"
#include "map_view.hpp"

#include <QPainter>
#include <QString>

#include <vector>

namespace gebiedscan::viewer {

/// A planned AOL location to draw: position in RD New and its number.
struct AolMarker {
    PointRd position;
    int number = 0;
};

/// Draws a scale bar with a round length (1-2-5 series) whose bottom-right corner is `anchor`.
void drawScaleBar(QPainter& p, const MapView& view, QPointF anchor, double scale);
/// Draws a north arrow centred on `centre` (RD New grid north; differs from true north by < 2°).
void drawNorthArrow(QPainter& p, QPointF centre, double scale);
/// Draws (or only measures, with draw = false) the legends in a white box at `topLeft`.
QSizeF drawLegend(QPainter& p, QPointF topLeft, const std::vector<LayerLegend>& legends, double scale,
                  bool draw = true);
/// Draws numbered AOL pins.
/// Index of the AOL pin drawn at screen point `p` (the pin's head or tip; the topmost, i.e. the
/// last drawn, wins), or -1.
[[nodiscard]] int aolMarkerAt(const MapView& view, const std::vector<AolMarker>& markers, QPointF p);
void drawAolMarkers(QPainter& p, const MapView& view, const std::vector<AolMarker>& markers, double scale);

/// What goes on an exported map besides the layers.
struct Composition {
    QString title;
    QString subtitle;
    QString footer; ///< source, period, suppression ("Bron: ...")
    std::vector<LayerLegend> legends;
    std::vector<AolMarker> aol;
};

/// Renders a complete map sheet (layers, title, legend, scale bar, north arrow, footer) into
/// an image of view.size * scale pixels. Synchronous: for exports and --screenshot.
[[nodiscard]] QImage renderComposition(const MapView& view, const std::vector<LayerSnapshot>& layers,
                                       const Composition& composition, double scale = 1.0);

/// Paints the decorations of a composition onto a painter covering view.size * scale pixels.
void paintDecorations(QPainter& p, const MapView& view, const Composition& composition, double scale);

} // namespace gebiedscan::viewer
