#pragma once
#include "layer_list_model.hpp"
#include "map_decorations.hpp"
#include <optional>

#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

#include <atomic>
#include <memory>

namespace gebiedscan::viewer {

/// The map: own world-to-screen transform (MapView), pan by drag or arrow keys, zoom by wheel,
/// +/- keys and zoom-to-extent. Layers render to a QImage on a worker thread (QtConcurrent);
/// until a frame is ready the last one is shown shifted/scaled, so input never waits for drawing.
class MapCanvas : public QWidget {
    Q_OBJECT
public:
    /// What a left click does.
    enum class Tool { Identify, PlaceAol, MoveAol };

    explicit MapCanvas(LayerListModel* layers, QWidget* parent = nullptr);
    ~MapCanvas() override;

    [[nodiscard]] const MapView& view() const { return m_view; }
    void setView(const MapView& view);
    void zoomToExtent(const Envelope& extent);
    void setTool(Tool tool) { m_tool = tool; }
    [[nodiscard]] Tool tool() const { return m_tool; }
    void setAolMarkers(std::vector<AolMarker> markers);
    void setShowLegend(bool show);
    /// Moves the legend's top-left corner (widget pixels); what dragging it does.
    void moveLegend(QPointF topLeft);
    [[nodiscard]] QRectF legendRect() const { return m_legendRect; }
    /// Highlights one feature's outline (identify result); nullptr clears.
    void setHighlight(std::shared_ptr<const LayerData> layer, std::size_t feature);
    /// The highlighted feature (layer null when none).
    [[nodiscard]] std::pair<std::shared_ptr<const LayerData>, std::size_t> highlight() const
    {
        return {m_highlightLayer, m_highlightFeature};
    }
    /// The selected areas (Ctrl+click), outlined in orange; an empty list clears.
    void setSelection(std::shared_ptr<const LayerData> layer, std::vector<std::size_t> features);
    [[nodiscard]] const std::vector<std::size_t>& selection() const { return m_selection; }
    [[nodiscard]] const std::shared_ptr<const LayerData>& selectionLayer() const { return m_selectionLayer; }
    /// Outline colour of selected areas (tests check it on screen).
    [[nodiscard]] static QColor selectionColour() { return {255, 120, 0}; }
    /// Blocks until the current frame is rendered (tests and --screenshot only).
    void waitForFrame();
    /// The last finished frame (may be for an older view while a new one renders).
    [[nodiscard]] const QImage& frame() const { return m_frame; }

public slots:
    void requestRender();

signals:
    /// Cursor position in RD New metres.
    void cursorMoved(PointRd position);
    void clicked(PointRd position);
    /// A left click with Ctrl held: add or remove an area from the selection.
    void ctrlClicked(PointRd position);
    /// Tool::MoveAol: AOL pin `index` (order of setAolMarkers) was dragged to `position`.
    void aolMoved(int index, PointRd position);
    void viewChanged();
    void frameRendered(double milliseconds);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void startRender();
    void drawOutline(QPainter& p, const LayerData& d, std::size_t feature) const;
    void frameDone();

    LayerListModel* m_layers;
    MapView m_view;
    /// The extent last fitted, kept until the user pans or zooms: a fit made before the window has
    /// its final size (opening a folder on start-up) is redone on resize, so the first view is
    /// the data and not a far-out patch of it.
    Envelope m_fitted;
    Tool m_tool = Tool::Identify;
    QImage m_frame;
    MapView m_frameView; // the view m_frame was rendered for
    QFutureWatcher<QImage> m_watcher;
    MapView m_renderingView;
    std::shared_ptr<std::atomic<int>> m_generation;
    int m_renderingGeneration = 0;
    bool m_pending = false;
    QPoint m_pressPos, m_lastPos;
    bool m_dragging = false;
    std::vector<AolMarker> m_aol;
    int m_draggedAol = -1;  // Tool::MoveAol: the pin being dragged
    PointRd m_dragStartAol; // where it was when the drag began
    bool m_showLegend = true;
    // The legend can be dragged off the data: its top-left corner once moved (else bottom left),
    // the rectangle it was last drawn in, and whether a drag holds it.
    std::optional<QPointF> m_legendAt;
    QRectF m_legendRect;
    bool m_draggingLegend = false;
    QPointF m_legendGrab;
    std::shared_ptr<const LayerData> m_highlightLayer;
    std::size_t m_highlightFeature = 0;
    std::shared_ptr<const LayerData> m_selectionLayer;
    std::vector<std::size_t> m_selection;
    qint64 m_renderStart = 0;
};

} // namespace gebiedscan::viewer
