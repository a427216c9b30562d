#include "area_sheet_model.hpp"

#include "schema_names.hpp"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <cmath>

namespace gebiedscan::viewer {

AreaSheetModel::AreaSheetModel(QObject* parent) : QAbstractTableModel(parent) {}

int AreaSheetModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AreaSheetModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AreaSheetModel::significanceText(double p, double changePct)
{
    if (std::isnan(p)) return {};
    const QString arrow = std::isnan(changePct) ? QString()
                          : changePct > 0       ? QStringLiteral("▲ ")
                                                : QStringLiteral("▼ ");
    if (p < 0.01) return arrow + tr("significant (p < 0.01)");
    if (p < 0.05) return arrow + tr("significant (p < 0.05)");
    return tr("not significant");
}

QVariant AreaSheetModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    const QLocale loc;
    const QString geheim = tr("geheim");
    const auto num = [&](double v, int decimals) { return std::isnan(v) ? geheim : loc.toString(v, 'f', decimals); };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Theme: return r.theme;
        case Current: return num(r.current, 0);
        case Reference: return std::isnan(r.reference) ? geheim : loc.toString(r.reference, 'f', 1);
        case Change:
            return std::isnan(r.change) ? (std::isnan(r.current) ? geheim : QString())
                                        : (r.change > 0 ? QStringLiteral("+") : QString()) +
                                              loc.toString(r.change, 'f', 0) + QStringLiteral(" %");
        case Significance: return r.significance.isEmpty() ? significanceText(r.p, r.change) : r.significance;
        case Rate: return std::isnan(r.rate) ? QString() : loc.toString(r.rate, 'f', 1);
        case Rank: return std::isnan(r.rank) ? QString() : loc.toString(r.rank, 'f', 0);
        case Trend: return r.trend;
        case Hotspot: return r.hotspot;
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Current && index.column() <= Change)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole) {
        if ((index.column() == Current && std::isnan(r.current)) ||
            (index.column() == Reference && std::isnan(r.reference)))
            return QBrush(QColor(120, 120, 120));
        if (index.column() == Significance && !std::isnan(r.p) && r.p < 0.05)
            return QBrush(r.change > 0 ? QColor(0xb2, 0x18, 0x2b) : QColor(0x21, 0x66, 0xac));
    }
    if (role == Qt::ToolTipRole && index.column() == Reference)
        return tr("Expected count: the reference periods' count scaled to the current period's length");
    if (role == Qt::ToolTipRole && index.column() == Significance && !std::isnan(r.p))
        return tr("exact conditional Poisson test, two-sided: p = %1").arg(loc.toString(r.p, 'g', 3));
    return {};
}

QVariant AreaSheetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    switch (section) {
    case Theme: return tr("Theme");
    case Current: return tr("Current");
    case Reference: return tr("Expected");
    case Change: return tr("Change");
    case Significance: return tr("Significance");
    case Rate: return tr("Per 1,000 inh.");
    case Rank: return tr("Rank");
    case Trend: return tr("Trend");
    case Hotspot: return tr("Hot spot");
    default: return {};
    }
}

void AreaSheetModel::setArea(std::shared_ptr<const LayerData> layer, std::size_t feature,
                             const std::vector<ThemeInfo>& themes, const QString& hotspotStatus)
{
    beginResetModel();
    m_rows.clear();
    const auto& l = *layer;
    const auto num = [&](const QString& field) { return l.number(l.fieldIndex(field), feature); };
    const auto txt = [&](const QString& field) { return l.text(l.fieldIndex(field), feature); };
    namespace fld = schema::field;
    for (const auto& t : themes) {
        Row r;
        r.theme = t.label;
        r.current = num(themeField(fld::count, t.id));
        // exp_<id>: the reference count scaled to the current period; chg_<id>: change in %.
        r.reference = num(themeField(fld::expected, t.id));
        r.change = num(themeField(fld::changePct, t.id));
        r.significance = txt(themeField(fld::significance, t.id));
        r.p = num(themeField(fld::changeP, t.id));
        r.rate = num(themeField(fld::rate, t.id));
        r.rank = num(themeField(fld::rank, t.id));
        r.trend = txt(themeField(fld::trend, t.id));
        const QString own = txt(themeField(fld::themeGiLabel, t.id));
        // A hot spot layer of one indicator (usually the total) says nothing per theme: its
        // status goes into the headline, the column holds per-theme results only.
        r.hotspot = own;
        m_rows.push_back(r);
    }
    endResetModel();
    const QLocale loc;
    QString name = txt(qs(fld::name));
    if (name.isNull()) name = txt(qs(kCbsName));
    QString code = txt(qs(fld::code));
    if (code.isNull()) code = txt(qs(kCbsCode));
    QStringList parts{name.isEmpty() || name == code ? code : QStringLiteral("%1 (%2)").arg(name, code)};
    const QString level = txt(qs(fld::level));
    if (!level.isNull()) parts << level;
    const double pop = num(qs(fld::population));
    if (!std::isnan(pop)) parts << tr("%1 inhabitants").arg(loc.toString(pop, 'f', 0));
    const double total = num(themeField(fld::count, qs(schema::kTotalTheme)));
    if (!std::isnan(total)) parts << tr("%1 registrations").arg(loc.toString(total, 'f', 0));
    if (!hotspotStatus.isEmpty()) parts << hotspotStatus;
    m_headline = parts.join(QStringLiteral(" · "));
    emit headlineChanged(m_headline);
}

void AreaSheetModel::setAreas(std::shared_ptr<const LayerData> layer, const std::vector<std::size_t>& features,
                              const std::vector<ThemeInfo>& themes)
{
    if (features.size() == 1) return setArea(std::move(layer), features.front(), themes);
    const auto& l = *layer;
    // Sum of a field over the selection; NaN (suppressed) in any part makes the sum NaN.
    const auto sum = [&](const QString& field) {
        const int i = l.fieldIndex(field);
        if (i < 0) return std::nan("");
        double s = 0;
        for (std::size_t f : features) s += l.number(i, f);
        return s;
    };
    namespace fld = schema::field;
    const double population = sum(qs(fld::population));
    beginResetModel();
    m_rows.clear();
    for (const auto& t : themes) {
        Row r{};
        r.theme = t.label;
        r.current = sum(themeField(fld::count, t.id));
        r.reference = sum(themeField(fld::expected, t.id));
        r.change = r.reference > 0 ? (r.current - r.reference) / r.reference * 100 : std::nan("");
        r.p = r.rank = std::nan("");
        r.rate = population > 0 && l.fieldIndex(themeField(fld::rate, t.id)) >= 0 ? r.current / population * 1000
                                                                                  : std::nan("");
        m_rows.push_back(r);
    }
    endResetModel();
    const QLocale loc;
    QStringList names;
    const int name = l.fieldIndex(qs(fld::name)) >= 0 ? l.fieldIndex(qs(fld::name)) : l.fieldIndex(qs(kCbsName));
    const int code = l.fieldIndex(qs(fld::code)) >= 0 ? l.fieldIndex(qs(fld::code)) : l.fieldIndex(qs(kCbsCode));
    for (std::size_t f : features) {
        const QString n = l.text(name, f);
        names << (n.isEmpty() ? l.text(code, f) : n);
    }
    if (names.size() > 4) names = names.mid(0, 3) << QStringLiteral("…");
    QStringList parts{tr("Selection of %1 areas: %2").arg(features.size()).arg(names.join(QStringLiteral(", ")))};
    if (!std::isnan(population)) parts << tr("%1 inhabitants").arg(loc.toString(population, 'f', 0));
    const QString totalField = themeField(fld::count, qs(schema::kTotalTheme));
    const double total = sum(totalField);
    if (l.fieldIndex(totalField) >= 0)
        parts << (std::isnan(total) ? tr("registrations geheim")
                                    : tr("%1 registrations").arg(loc.toString(total, 'f', 0)));
    m_headline = parts.join(QStringLiteral(" · "));
    emit headlineChanged(m_headline);
}

void AreaSheetModel::clearArea()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_headline.clear();
    emit headlineChanged(m_headline);
}

} // namespace gebiedscan::viewer
