#include "layer_list_model.hpp"

#include <algorithm>

namespace gebiedscan::viewer {

LayerListModel::LayerListModel(QObject* parent) : QAbstractListModel(parent) {}

int LayerListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant LayerListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const auto& e = m_entries[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return e.data->name;
    case Qt::ToolTipRole:
        return tr("%1\n%2 features\nsource: %3").arg(e.data->name).arg(e.data->featureCount()).arg(e.data->source);
    case Qt::CheckStateRole: return e.style.visible ? Qt::Checked : Qt::Unchecked;
    case OpacityRole: return e.style.opacity;
    case KindRole: return static_cast<int>(e.data->kind);
    case FeatureCountRole: return static_cast<qulonglong>(e.data->featureCount());
    default: return {};
    }
}

bool LayerListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return false;
    auto& e = m_entries[static_cast<std::size_t>(index.row())];
    if (role == Qt::CheckStateRole) {
        e.style.visible = value.toInt() == Qt::Checked;
    } else if (role == OpacityRole) {
        e.style.opacity = std::clamp(value.toDouble(), 0.0, 1.0);
    } else {
        return false;
    }
    emit dataChanged(index, index, {role});
    emit mapChanged();
    return true;
}

Qt::ItemFlags LayerListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

bool LayerListModel::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                              const QModelIndex& destinationParent, int destinationChild)
{
    const int n = rowCount();
    if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0 || sourceRow + count > n ||
        destinationChild < 0 || destinationChild > n)
        return false;
    if (destinationChild >= sourceRow && destinationChild <= sourceRow + count) return false; // no-op
    if (!beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild)) return false;
    const auto first = m_entries.begin() + sourceRow, last = first + count;
    if (destinationChild < sourceRow)
        std::rotate(m_entries.begin() + destinationChild, first, last);
    else
        std::rotate(first, last, m_entries.begin() + destinationChild);
    endMoveRows();
    emit mapChanged();
    return true;
}

bool LayerListModel::removeRows(int row, int count, const QModelIndex& parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount()) return false;
    beginRemoveRows({}, row, row + count - 1);
    m_entries.erase(m_entries.begin() + row, m_entries.begin() + row + count);
    endRemoveRows();
    emit mapChanged();
    return true;
}

void LayerListModel::addLayer(std::shared_ptr<const LayerData> layer, const LayerStyle& style, bool bottom)
{
    const int row = bottom ? rowCount() : 0;
    beginInsertRows({}, row, row);
    Entry e{std::move(layer), style, nullptr, {}};
    e.symbology = std::make_shared<Symbology>(computeSymbology(*e.data, e.style, defaultLegendTitle(*e.data, e.style)));
    m_entries.insert(m_entries.begin() + row, std::move(e));
    endInsertRows();
    emit mapChanged();
}

void LayerListModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
    emit mapChanged();
}

const LayerData& LayerListModel::layer(int row) const
{
    return *m_entries.at(static_cast<std::size_t>(row)).data;
}
std::shared_ptr<const LayerData> LayerListModel::layerPtr(int row) const
{
    return m_entries.at(static_cast<std::size_t>(row)).data;
}
const LayerStyle& LayerListModel::style(int row) const
{
    return m_entries.at(static_cast<std::size_t>(row)).style;
}
const Symbology& LayerListModel::symbology(int row) const
{
    return *m_entries.at(static_cast<std::size_t>(row)).symbology;
}

void LayerListModel::setStyle(int row, const LayerStyle& style, const QString& legendTitle)
{
    auto& e = m_entries.at(static_cast<std::size_t>(row));
    e.style = style;
    if (!legendTitle.isEmpty()) e.legendTitle = legendTitle;
    const QString title = !e.legendTitle.isEmpty() ? e.legendTitle : defaultLegendTitle(*e.data, style);
    e.symbology = std::make_shared<Symbology>(computeSymbology(*e.data, e.style, title));
    const QModelIndex i = index(row);
    emit dataChanged(i, i);
    emit mapChanged();
}

int LayerListModel::findKind(LayerKind kind) const
{
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].data->kind == kind) return static_cast<int>(i);
    return -1;
}

int LayerListModel::findName(const QString& name) const
{
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].data->name == name) return static_cast<int>(i);
    return -1;
}

std::vector<LayerSnapshot> LayerListModel::snapshots() const
{
    std::vector<LayerSnapshot> out;
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it)
        if (it->style.visible) out.push_back({it->data, it->symbology, it->style});
    return out;
}

std::vector<LayerLegend> LayerListModel::legends() const
{
    std::vector<LayerLegend> out;
    for (const auto& e : m_entries)
        if (e.style.visible && e.data->kind != LayerKind::Points && e.data->kind != LayerKind::Basemap)
            out.push_back(e.symbology->legend);
    return out;
}

Envelope LayerListModel::homeExtent() const
{
    // A basemap only counts when there is nothing else: it usually reaches far beyond the data.
    Envelope areas, visible, basemaps;
    for (const auto& e : m_entries) {
        if (!e.style.visible || e.data->extent.empty()) continue;
        if (e.data->kind == LayerKind::Basemap) {
            basemaps.expand(e.data->extent);
            continue;
        }
        visible.expand(e.data->extent);
        if (e.data->geometry == GeometryKind::Polygon || e.data->geometry == GeometryKind::Raster)
            areas.expand(e.data->extent);
    }
    return !areas.empty() ? areas : !visible.empty() ? visible : !basemaps.empty() ? basemaps : extent();
}

Envelope LayerListModel::extent() const
{
    Envelope e;
    for (const auto& entry : m_entries)
        if (!entry.data->extent.empty()) e.expand(entry.data->extent);
    return e;
}

} // namespace gebiedscan::viewer
