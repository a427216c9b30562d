#pragma once
// Draws vector layers into an image. Safe to run on a worker thread: it reads only immutable
// shared data (LayerData, Symbology) and the value types it is given.
#include "layer_style.hpp"
#include "map_view.hpp"

#include <QImage>

#include <atomic>
#include <memory>
#include <vector>

namespace gebiedscan::viewer {

/// What the render thread needs of one layer: shared immutable data plus a style copy.
struct LayerSnapshot {
    std::shared_ptr<const LayerData> data;
    std::shared_ptr<const Symbology> symbology;
    LayerStyle style;
};

/// Rendering switches.
struct RenderOptions {
    bool antialias = true;
    QColor background{0xfb, 0xfb, 0xf8};
    /// Screen pixels per logical pixel of the view (export at 300 dpi: 300/96). Symbol sizes and
    /// line widths scale with it; the map extent does not.
    double pixelScale = 1.0;
    /// When set and different from `generation`, rendering stops early (a newer frame is wanted).
    const std::atomic<int>* latestGeneration = nullptr;
    int generation = 0;
};

/// Draws the visible layers, first = bottom, into a new ARGB32 premultiplied image of
/// view.size * pixelScale pixels. Points are clustered into counted circles when more than a
/// few thousand would be drawn at a coarse scale (style.cluster). Returns a null image when
/// cancelled through `latestGeneration`.
[[nodiscard]] QImage renderLayers(const MapView& view, const std::vector<LayerSnapshot>& layers,
                                  const RenderOptions& options = {});

/// Paints the visible layers onto `p` (origin at the map's top left, view.size * pixelScale
/// device pixels), opaque polygon and line layers as paths, so a PDF keeps them as vectors;
/// points, rasters and translucent layers go through an image as in renderLayers.
void paintLayers(QPainter& p, const MapView& view, const std::vector<LayerSnapshot>& layers,
                 const RenderOptions& options = {});

/// Hatch brush used for NULL / suppressed ("geheim") areas, in map and legend alike.
[[nodiscard]] QBrush geheimHatchBrush(double pixelScale = 1.0);
/// Dot pattern over areas whose value is unreliable (klein_: too small for a rate); `light`
/// dots for dark fills, so they show on every class.
[[nodiscard]] QBrush smallAreaDotBrush(double pixelScale = 1.0, bool light = false);

} // namespace gebiedscan::viewer
