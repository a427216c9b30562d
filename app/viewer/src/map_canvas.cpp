#include "map_canvas.hpp"

#include <QDateTime>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <utility>

namespace gebiedscan::viewer {

MapCanvas::MapCanvas(LayerListModel* layers, QWidget* parent)
    : QWidget(parent), m_layers(layers), m_generation(std::make_shared<std::atomic<int>>(0))
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(&m_watcher, &QFutureWatcher<QImage>::finished, this, &MapCanvas::frameDone);
    connect(m_layers, &LayerListModel::mapChanged, this, &MapCanvas::requestRender);
}

MapCanvas::~MapCanvas()
{
    // Let a running frame stop early, then wait: the worker reads shared layer data only.
    m_generation->fetch_add(1);
    m_watcher.waitForFinished();
}

void MapCanvas::setView(const MapView& view)
{
    m_view = view;
    m_view.size = size();
    requestRender();
    emit viewChanged();
}

void MapCanvas::zoomToExtent(const Envelope& extent)
{
    m_view.size = size();
    m_view.zoomTo(extent);
    m_fitted = extent;
    requestRender();
    emit viewChanged();
}

void MapCanvas::setAolMarkers(std::vector<AolMarker> markers)
{
    m_aol = std::move(markers);
    m_draggedAol = -1; // the list changed under a drag: drop it
    update();
}

void MapCanvas::setShowLegend(bool show)
{
    m_showLegend = show;
    update();
}

void MapCanvas::setHighlight(std::shared_ptr<const LayerData> layer, std::size_t feature)
{
    m_highlightLayer = std::move(layer);
    m_highlightFeature = feature;
    update();
}

void MapCanvas::setSelection(std::shared_ptr<const LayerData> layer, std::vector<std::size_t> features)
{
    m_selectionLayer = features.empty() ? nullptr : std::move(layer);
    m_selection = m_selectionLayer ? std::move(features) : std::vector<std::size_t>{};
    update();
}

void MapCanvas::drawOutline(QPainter& p, const LayerData& d, std::size_t feature) const
{
    for (auto r = d.featureRings[feature]; r < d.featureRings[feature + 1]; ++r) {
        QPolygonF poly;
        for (auto i = d.ringOffsets[r]; i < d.ringOffsets[r + 1]; ++i) poly << m_view.toScreen(d.coords[i]);
        if (d.geometry == GeometryKind::Polygon)
            p.drawPolygon(poly);
        else if (poly.size() == 1)
            p.drawEllipse(poly.front(), 8, 8);
        else
            p.drawPolyline(poly);
    }
}

void MapCanvas::requestRender()
{
    m_generation->fetch_add(1);
    if (m_watcher.isRunning()) {
        m_pending = true; // the running frame will stop early; start again when it returns
        return;
    }
    startRender();
}

void MapCanvas::startRender()
{
    m_pending = false;
    m_renderingView = m_view;
    m_renderingView.size = size();
    m_renderingGeneration = m_generation->load();
    m_renderStart = QDateTime::currentMSecsSinceEpoch();
    RenderOptions options;
    options.pixelScale = devicePixelRatioF();
    options.latestGeneration = m_generation.get();
    options.generation = m_renderingGeneration;
    auto snapshots = m_layers->snapshots();
    // The lambda keeps the generation counter alive even if the canvas goes first.
    auto generation = m_generation;
    m_watcher.setFuture(QtConcurrent::run([view = m_renderingView, snapshots = std::move(snapshots), options,
                                           generation] { return renderLayers(view, snapshots, options); }));
}

void MapCanvas::frameDone()
{
    QImage img = m_watcher.result();
    if (!img.isNull() && m_renderingGeneration == m_generation->load()) {
        img.setDevicePixelRatio(devicePixelRatioF());
        m_frame = std::move(img);
        m_frameView = m_renderingView;
        emit frameRendered(static_cast<double>(QDateTime::currentMSecsSinceEpoch() - m_renderStart));
        update();
    }
    if (m_pending || m_renderingGeneration != m_generation->load()) startRender();
}

void MapCanvas::waitForFrame()
{
    for (int i = 0; i < 1000; ++i) {
        m_watcher.waitForFinished();
        frameDone();
        if (!m_watcher.isRunning() && m_renderingGeneration == m_generation->load() && !m_frame.isNull()) return;
    }
}

void MapCanvas::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), RenderOptions{}.background);
    if (!m_frame.isNull()) {
        // Show the last frame where it belongs in the current view (pan/zoom preview).
        const double s = m_frameView.metresPerPixel / m_view.metresPerPixel;
        const QPointF topLeft = m_view.toScreen(m_frameView.toWorld(QPointF(0, 0)));
        p.setRenderHint(QPainter::SmoothPixmapTransform, s != 1.0);
        p.drawImage(QRectF(topLeft, QSizeF(m_frameView.size) * s), m_frame);
    }
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(Qt::NoBrush);
    if (m_selectionLayer) {
        p.setPen(QPen(selectionColour(), 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        for (std::size_t f : m_selection)
            if (f < m_selectionLayer->featureCount()) drawOutline(p, *m_selectionLayer, f);
    }
    if (m_highlightLayer && m_highlightFeature < m_highlightLayer->featureCount()) {
        p.setPen(QPen(QColor(0, 200, 255), 3));
        drawOutline(p, *m_highlightLayer, m_highlightFeature);
    }
    drawAolMarkers(p, m_view, m_aol, 1.0);
    drawNorthArrow(p, QPointF(width() - 34, 38), 1.0);
    drawScaleBar(p, m_view, QPointF(width() - 12, height() - 12), 1.0);
    if (m_showLegend) {
        const auto legends = m_layers->legends();
        const QSizeF s = drawLegend(p, {}, legends, 1.0, false);
        if (!s.isEmpty()) {
            QPointF at = m_legendAt.value_or(QPointF(12, height() - 12 - s.height()));
            // Kept inside the canvas when the window shrinks.
            at.setX(std::clamp(at.x(), 0.0, std::max(0.0, width() - s.width())));
            at.setY(std::clamp(at.y(), 0.0, std::max(0.0, height() - s.height())));
            drawLegend(p, at, legends, 1.0);
            m_legendRect = QRectF(at, s);
        } else {
            m_legendRect = {};
        }
    }
}

void MapCanvas::moveLegend(QPointF topLeft)
{
    m_legendAt = topLeft;
    update();
}

void MapCanvas::resizeEvent(QResizeEvent*)
{
    m_view.size = size();
    if (!m_fitted.empty()) {
        m_view.zoomTo(m_fitted);
        emit viewChanged();
    }
    requestRender();
}

void MapCanvas::mousePressEvent(QMouseEvent* e)
{
    m_pressPos = m_lastPos = e->position().toPoint();
    m_draggedAol =
        m_tool == Tool::MoveAol && e->button() == Qt::LeftButton ? aolMarkerAt(m_view, m_aol, e->position()) : -1;
    if (m_draggedAol >= 0) {
        m_dragStartAol = m_aol[static_cast<std::size_t>(m_draggedAol)].position;
        setCursor(Qt::ClosedHandCursor);
    }
    m_draggingLegend =
        m_draggedAol < 0 && m_showLegend && e->button() == Qt::LeftButton && m_legendRect.contains(e->position());
    if (m_draggingLegend) {
        m_legendGrab = e->position() - m_legendRect.topLeft();
        setCursor(Qt::ClosedHandCursor);
    }
    m_dragging =
        !m_draggingLegend && m_draggedAol < 0 && (e->button() == Qt::LeftButton || e->button() == Qt::MiddleButton);
}

void MapCanvas::mouseMoveEvent(QMouseEvent* e)
{
    const QPoint pos = e->position().toPoint();
    emit cursorMoved(m_view.toWorld(pos));
    if (m_draggedAol >= 0) {
        // The pin follows the mouse, keeping where it was grabbed.
        const QPoint d = pos - m_pressPos;
        m_aol[static_cast<std::size_t>(m_draggedAol)].position = {m_dragStartAol.x + d.x() * m_view.metresPerPixel,
                                                                  m_dragStartAol.y - d.y() * m_view.metresPerPixel};
        update();
        return;
    }
    if (m_draggingLegend) {
        moveLegend(e->position() - m_legendGrab);
        return;
    }
    if (m_tool == Tool::MoveAol)
        setCursor(aolMarkerAt(m_view, m_aol, e->position()) >= 0 ? Qt::OpenHandCursor : Qt::ArrowCursor);
    if (!m_dragging) return;
    const QPoint delta = pos - m_lastPos;
    m_lastPos = pos;
    if ((pos - m_pressPos).manhattanLength() < 4) return; // a click, not a drag (yet)
    m_view.centre.x -= delta.x() * m_view.metresPerPixel;
    m_view.centre.y += delta.y() * m_view.metresPerPixel;
    m_fitted = {};
    update();        // instant: shifted old frame
    requestRender(); // sharp frame follows from the worker
    emit viewChanged();
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* e)
{
    const bool click = (e->position().toPoint() - m_pressPos).manhattanLength() < 4;
    m_dragging = false;
    if (std::exchange(m_draggingLegend, false)) {
        unsetCursor();
        return; // a click on the legend identifies nothing beneath it
    }
    if (m_draggedAol >= 0) {
        const int index = std::exchange(m_draggedAol, -1);
        unsetCursor();
        if (!click)
            emit aolMoved(index, m_aol[static_cast<std::size_t>(index)].position);
        else
            m_aol[static_cast<std::size_t>(index)].position = m_dragStartAol;
        return;
    }
    if (click && e->button() == Qt::LeftButton) {
        if (e->modifiers() & Qt::ControlModifier)
            emit ctrlClicked(m_view.toWorld(e->position()));
        else
            emit clicked(m_view.toWorld(e->position()));
    }
}

void MapCanvas::wheelEvent(QWheelEvent* e)
{
    const double steps = e->angleDelta().y() / 120.0;
    if (steps == 0) return;
    m_view.zoomAt(e->position(), std::pow(1.25, steps));
    m_fitted = {};
    update();
    requestRender();
    emit viewChanged();
}

void MapCanvas::keyPressEvent(QKeyEvent* e)
{
    const double step = 0.25 * std::min(width(), height()) * m_view.metresPerPixel;
    m_fitted = {};
    const QPointF centre(width() / 2.0, height() / 2.0);
    switch (e->key()) {
    case Qt::Key_Left: m_view.centre.x -= step; break;
    case Qt::Key_Right: m_view.centre.x += step; break;
    case Qt::Key_Up: m_view.centre.y += step; break;
    case Qt::Key_Down: m_view.centre.y -= step; break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: m_view.zoomAt(centre, 1.5); break;
    case Qt::Key_Minus: m_view.zoomAt(centre, 1 / 1.5); break;
    case Qt::Key_Home: zoomToExtent(m_layers->extent()); return;
    default: QWidget::keyPressEvent(e); return;
    }
    update();
    requestRender();
    emit viewChanged();
}

} // namespace gebiedscan::viewer
