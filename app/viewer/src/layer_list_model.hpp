#pragma once
#include "map_renderer.hpp"

#include <QAbstractListModel>

#include <memory>
#include <vector>

namespace gebiedscan::viewer {

/// The layer stack of the map: row 0 is the top layer (drawn last), as in GIS layer panels.
/// Check state = visibility; OpacityRole 0..1; drag-free reordering via moveRows.
class LayerListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { OpacityRole = Qt::UserRole + 1, KindRole, FeatureCountRole };

    explicit LayerListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count, const QModelIndex& destinationParent,
                  int destinationChild) override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;

    /// Adds a layer on top (row 0), or at the bottom (basemaps), with its style; computes its
    /// symbology.
    void addLayer(std::shared_ptr<const LayerData> layer, const LayerStyle& style, bool bottom = false);
    void clear();
    [[nodiscard]] const LayerData& layer(int row) const;
    [[nodiscard]] std::shared_ptr<const LayerData> layerPtr(int row) const;
    [[nodiscard]] const LayerStyle& style(int row) const;
    [[nodiscard]] const Symbology& symbology(int row) const;
    /// Replaces a layer's style and recomputes its colours and legend. `legendTitle` empty:
    /// the layer name or the field.
    void setStyle(int row, const LayerStyle& style, const QString& legendTitle = {});
    /// First row whose layer has this kind, or -1.
    [[nodiscard]] int findKind(LayerKind kind) const;
    /// Row of a layer by name, or -1.
    [[nodiscard]] int findName(const QString& name) const;
    /// Render input: visible layers bottom first.
    [[nodiscard]] std::vector<LayerSnapshot> snapshots() const;
    /// Legends of visible layers, top first.
    [[nodiscard]] std::vector<LayerLegend> legends() const;
    /// Union of all layer extents.
    [[nodiscard]] Envelope extent() const;
    /// The extent to show first: the visible polygon and raster layers (areas, hot spots,
    /// heatmaps), else all visible layers, else a visible basemap (usually much larger than the
    /// data), else all. Incident points geocoded far off (a
    /// wrong CRS, 0,0) then do not shrink the region to a dot.
    [[nodiscard]] Envelope homeExtent() const;

signals:
    /// Anything that changes the picture (style, order, visibility, opacity, layers).
    void mapChanged();

private:
    struct Entry {
        std::shared_ptr<const LayerData> data;
        LayerStyle style;
        std::shared_ptr<const Symbology> symbology;
        QString legendTitle;
    };
    std::vector<Entry> m_entries; // row order: top first
};

} // namespace gebiedscan::viewer
