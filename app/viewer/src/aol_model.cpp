#include "aol_model.hpp"

#include "gebiedscan/gis/field_value.hpp"
#include "gebiedscan/gis/table_writer.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <QDir>
#include <QLocale>

#include <algorithm>

namespace gebiedscan::viewer {

AolModel::AolModel(QObject* parent) : QAbstractTableModel(parent) {}

int AolModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}
int AolModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AolModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
    const auto& c = m_items[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case Number: return c.number;
    case Area: return c.area;
    case Theme: return c.theme;
    case Reason: return c.reason;
    case Partners: return c.partners;
    case Period: return c.period;
    case X: return role == Qt::DisplayRole ? QLocale().toString(c.position.x, 'f', 0) : QVariant(c.position.x);
    case Y: return role == Qt::DisplayRole ? QLocale().toString(c.position.y, 'f', 0) : QVariant(c.position.y);
    default: return {};
    }
}

QVariant AolModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    switch (section) {
    case Number: return tr("No.");
    case Area: return tr("Area");
    case Theme: return tr("Theme");
    case Reason: return tr("Reason");
    case Partners: return tr("Partners");
    case Period: return tr("Period");
    case X: return tr("X (RD)");
    case Y: return tr("Y (RD)");
    default: return {};
    }
}

bool AolModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    auto& c = m_items[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case Theme: c.theme = value.toString(); break;
    case Reason: c.reason = value.toString(); break;
    case Partners: c.partners = value.toString(); break;
    case Period: c.period = value.toString(); break;
    default: return false;
    }
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    emit candidatesChanged();
    return true;
}

Qt::ItemFlags AolModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() >= Theme && index.column() <= Period) f |= Qt::ItemIsEditable;
    return f;
}

bool AolModel::removeRows(int row, int count, const QModelIndex& parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount()) return false;
    beginRemoveRows({}, row, row + count - 1);
    m_items.erase(m_items.begin() + row, m_items.begin() + row + count);
    endRemoveRows();
    emit candidatesChanged();
    return true;
}

int AolModel::addCandidate(AolCandidate c)
{
    int maxNumber = 0;
    for (const auto& i : m_items) maxNumber = std::max(maxNumber, i.number);
    if (c.number <= 0) c.number = maxNumber + 1;
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_items.push_back(std::move(c));
    endInsertRows();
    emit candidatesChanged();
    return row;
}

bool AolModel::moveCandidate(int row, PointRd position, const QString& area)
{
    if (row < 0 || row >= rowCount()) return false;
    auto& c = m_items[static_cast<std::size_t>(row)];
    c.position = position;
    c.area = area;
    emit dataChanged(index(row, Area), index(row, Y), {Qt::DisplayRole, Qt::EditRole});
    emit candidatesChanged();
    return true;
}

std::vector<AolMarker> AolModel::markers() const
{
    std::vector<AolMarker> out;
    for (const auto& c : m_items) out.push_back({c.position, c.number});
    return out;
}

namespace {
const char* const kFields[] = {"nummer", "gebied", "thema", "reden", "partners", "periode"};
}

void AolModel::save(const QString& folder) const
{
    gis::Table t;
    t.name = "aol";
    t.columns = {{"nummer", gis::Column::Type::Integer, "volgnummer van de AOL-locatie"},
                 {"gebied", gis::Column::Type::String, "gebied (code en naam) onder de locatie"},
                 {"thema", gis::Column::Type::String, "thema van de afspraak"},
                 {"reden", gis::Column::Type::String, "waarom deze locatie"},
                 {"partners", gis::Column::Type::String, "betrokken partners"},
                 {"periode", gis::Column::Type::String, "looptijd van de afspraak"},
                 {"x_rd", gis::Column::Type::Real, "x in RD New (EPSG:28992), meter"},
                 {"y_rd", gis::Column::Type::Real, "y in RD New (EPSG:28992), meter"}};
    t.geometryKind = gis::FeatureGeometry::Kind::Point;
    const auto str = [](const QString& s) { return gis::Value(s.toStdString()); };
    for (const auto& c : m_items) {
        t.rows.push_back({gis::Value(static_cast<std::int64_t>(c.number)), str(c.area), str(c.theme), str(c.reason),
                          str(c.partners), str(c.period), gis::Value(c.position.x), gis::Value(c.position.y)});
        gis::FeatureGeometry g;
        g.kind = gis::FeatureGeometry::Kind::Point;
        g.points = {c.position};
        t.geometries.push_back(g);
    }
    gis::WriteOptions o;
    o.metadata["bron"] = "gebiedscan-viewer: AOL-planning";
    const QDir dir(folder);
    const auto path = [&](const char* name) {
        return std::filesystem::path(dir.filePath(QString::fromLatin1(name)).toStdString());
    };
    gis::writeGeoPackage(path("aol.gpkg"), {t}, o);
    gis::writeShapefile(path("aol.shp"), t, o);
    gis::WriteOptions csv = o;
    csv.dutchCsv = true;
    gis::writeCsv(path("aol.csv"), t, csv);
}

void AolModel::load(const QString& file)
{
    gis::SourceSpec spec;
    spec.path = file.toStdString();
    gis::VectorReader reader(spec);
    std::vector<std::string> names;
    for (const char* f : kFields) names.push_back(reader.findField({f}));
    reader.selectFields(names);
    std::vector<AolCandidate> items;
    gis::Feature f;
    while (reader.next(f)) {
        if (f.geometry.kind != gis::FeatureGeometry::Kind::Point || f.geometry.points.empty()) continue;
        const auto s = [&](std::size_t i) { return f.values[i] ? QString::fromStdString(*f.values[i]) : QString(); };
        AolCandidate c;
        c.number = static_cast<int>(gis::numberOf(f.fields[0]).value_or(0));
        c.area = s(1);
        c.theme = s(2);
        c.reason = s(3);
        c.partners = s(4);
        c.period = s(5);
        c.position = f.geometry.points.front();
        items.push_back(c);
    }
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
    emit candidatesChanged();
}

} // namespace gebiedscan::viewer
