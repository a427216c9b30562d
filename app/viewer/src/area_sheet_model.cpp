#include "area_sheet_model.hpp"

#include "schema_names.hpp"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QSet>

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
    // Short, so the sheet fits its panel; the tooltip gives the test and p.
    if (p < 0.01) return arrow + tr("p < 0.01");
    if (p < 0.05) return arrow + tr("p < 0.05");
    return tr("not significant");
}

QVariant AreaSheetModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    const QLocale loc;
    const QString geheim = tr("geheim");
    const auto num = [&](double v, int decimals) { return std::isnan(v) ? geheim : loc.toString(v, 'f', decimals); };
    if (r.kind == RowKind::Group) {
        if (role == Qt::DisplayRole && index.column() == Theme) return r.theme;
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role == Qt::BackgroundRole) return QBrush(QColor(0xe8, 0xe8, 0xe8));
        return {};
    }
    if (role == Qt::FontRole && r.kind == RowKind::Total) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Theme: return r.theme;
        case Current: return num(r.current, 0);
        case Reference: return std::isnan(r.reference) ? geheim : loc.toString(r.reference, 'f', 1);
        case Change:
            return std::isnan(r.change) ? (std::isnan(r.current) ? geheim : QString())
                                        : (r.change > 0 ? QStringLiteral("+") : QString()) +
                                              loc.toString(r.change, 'f', 0) + QStringLiteral(" %");
        case Significance:
            if (r.significance.isEmpty()) return significanceText(r.p, r.change);
            // The scan's "geen significante verandering" is the widest cell of the sheet.
            if (r.significance.startsWith(QLatin1String("geen signific"), Qt::CaseInsensitive) ||
                r.significance.startsWith(QLatin1String("no signific"), Qt::CaseInsensitive))
                return tr("not significant");
            return r.significance;
        case Rate:
            return std::isnan(r.rate) ? QString()
                                      : loc.toString(r.rate, 'f', 1) + (r.small ? QStringLiteral(" *") : QString());
        // A rank among areas that all have 0 says nothing: no "Rang 1" for a count of 0.
        case Rank: return std::isnan(r.rank) || !(r.current > 0) ? QString() : loc.toString(r.rank, 'f', 0);
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
    if (role == Qt::ToolTipRole && index.column() == Theme) return r.theme; // elided in narrow panels
    if (role == Qt::ToolTipRole && index.column() == Rate && r.small)
        return std::isnan(r.eb) ? tr("* too small for a reliable rate (fewer than 50 inhabitants or fewer than 5 "
                                     "registrations expected)")
                                : tr("* too small for a reliable rate (fewer than 50 inhabitants or fewer than 5 "
                                     "registrations expected); EB-smoothed: %1 per 1,000")
                                      .arg(loc.toString(r.eb, 'f', 1));
    if (role == Qt::ToolTipRole && index.column() == Significance && !r.significance.isEmpty()) return r.significance;
    if (role == Qt::ToolTipRole && index.column() == Reference)
        return tr("Expected count: the reference periods' count scaled to the current period's length");
    if (role == Qt::ToolTipRole && index.column() == Significance && !std::isnan(r.p))
        return tr("exact conditional Poisson test, two-sided: p = %1").arg(loc.toString(r.p, 'g', 3));
    return {};
}

QVariant AreaSheetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    // Short headers so the sheet fits its panel; the tooltip says it in full.
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Change: return tr("Change against the expected count (%)");
        case Significance: return tr("Significance of the change (exact conditional Poisson test)");
        case Rate: return tr("Registrations per 1,000 inhabitants");
        default: return headerData(section, orientation, Qt::DisplayRole);
        }
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case Theme: return tr("Theme");
    case Current: return tr("Current");
    case Reference: return tr("Expected");
    case Change: return tr("Chg.");
    case Significance: return tr("Sign.");
    case Rate: return tr("/1,000 inh.");
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
    const auto& l = *layer;
    const auto num = [&](const QString& field) { return l.number(l.fieldIndex(field), feature); };
    const auto txt = [&](const QString& field) { return l.text(l.fieldIndex(field), feature); };
    namespace fld = schema::field;
    const auto rowOf = [&](const QString& id) {
        Row r;
        r.current = num(themeField(fld::count, id));
        // exp_<id>: the reference count scaled to the current period; chg_<id>: change in %.
        r.reference = num(themeField(fld::expected, id));
        r.change = num(themeField(fld::changePct, id));
        r.significance = txt(themeField(fld::significance, id));
        r.p = num(themeField(fld::changeP, id));
        r.rate = num(themeField(fld::rate, id));
        r.eb = num(themeField(fld::rateEb, id));
        r.small = num(themeField(fld::rateSmall, id)) == 1;
        r.rank = num(themeField(fld::rank, id));
        r.trend = txt(themeField(fld::trend, id));
        const QString own = txt(themeField(fld::themeGiLabel, id));
        // A hot spot layer of one indicator (usually the total) says nothing per theme: its
        // status goes into the headline, the column holds per-theme results only.
        r.hotspot = own;
        return r;
    };
    fillRows(themes, rowOf, l.fieldIndex(themeField(fld::count, qs(schema::kTotalTheme))) >= 0);
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
    if (!m_focusTheme.isEmpty() && m_focusTheme != qs(schema::kTotalTheme) &&
        l.fieldIndex(themeField(fld::count, m_focusTheme)) >= 0) {
        const double n = num(themeField(fld::count, m_focusTheme));
        parts << QStringLiteral("%1: %2").arg(m_focusLabel, std::isnan(n) ? tr("geheim") : loc.toString(n, 'f', 0));
    }
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
    const auto rowOf = [&](const QString& id) {
        Row r{};
        r.current = sum(themeField(fld::count, id));
        r.reference = sum(themeField(fld::expected, id));
        r.change = r.reference > 0 ? (r.current - r.reference) / r.reference * 100 : std::nan("");
        r.p = r.rank = std::nan("");
        r.rate = population > 0 && l.fieldIndex(themeField(fld::rate, id)) >= 0 ? r.current / population * 1000
                                                                                : std::nan("");
        return r;
    };
    fillRows(themes, rowOf, l.fieldIndex(themeField(fld::count, qs(schema::kTotalTheme))) >= 0);
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

void AreaSheetModel::fillRows(const std::vector<ThemeInfo>& themes, const std::function<Row(const QString&)>& rowOf,
                              bool withTotal)
{
    m_rows.clear();
    // Themes numbered 1.x .. 5.x belong to the five veiligheidsvelden of Kernbeleid Veiligheid.
    const auto veldOf = [](const ThemeInfo& t) {
        const int dot = static_cast<int>(t.number.indexOf(QLatin1Char('.')));
        bool ok = false;
        const int v = dot > 0 ? t.number.left(dot).toInt(&ok) : 0;
        return ok ? v : 0;
    };
    QSet<int> velden;
    for (const auto& t : themes) velden.insert(veldOf(t));
    const bool headers = velden.size() > 1;
    int shown = -1;
    for (const auto& t : themes) {
        const int veld = veldOf(t);
        if (headers && veld != shown) {
            Row h{};
            h.kind = RowKind::Group;
            const QString name = veldName(veld);
            h.theme = name.isEmpty() ? tr("Other themes") : QStringLiteral("%1. %2").arg(veld).arg(name);
            m_rows.push_back(h);
            shown = veld;
        }
        Row r = rowOf(t.id);
        r.theme = t.label;
        m_rows.push_back(r);
    }
    if (withTotal && themes.size() > 1) {
        Row r = rowOf(qs(schema::kTotalTheme));
        r.theme = ScanProject::totalLabel();
        r.kind = RowKind::Total;
        m_rows.push_back(r);
    }
}

QString AreaSheetModel::veldName(int veld)
{
    switch (veld) {
    case 1: return tr("Safe living environment");
    case 2: return tr("Business and safety");
    case 3: return tr("Youth and safety");
    case 4: return tr("Physical safety");
    case 5: return tr("Integrity and safety");
    default: return {};
    }
}

void AreaSheetModel::setFocusTheme(const QString& themeId, const QString& label)
{
    m_focusTheme = themeId;
    m_focusLabel = label;
}

bool AreaSheetModel::isGroupRow(int row) const
{
    return row >= 0 && row < rowCount() && m_rows[static_cast<std::size_t>(row)].kind == RowKind::Group;
}

bool AreaSheetModel::isTotalRow(int row) const
{
    return row >= 0 && row < rowCount() && m_rows[static_cast<std::size_t>(row)].kind == RowKind::Total;
}

QString AreaSheetModel::toCsv() const
{
    // Dutch Excel: ';' between fields, quotes around text that holds one.
    const auto cell = [](QString v) {
        if (v.contains(QLatin1Char(';')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')))
            v = QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return v;
    };
    QStringList lines{cell(m_headline)};
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c) header << cell(headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    lines << header.join(QLatin1Char(';'));
    for (int r = 0; r < rowCount(); ++r) {
        QStringList fields;
        for (int c = 0; c < ColumnCount; ++c) fields << cell(data(index(r, c), Qt::DisplayRole).toString());
        lines << fields.join(QLatin1Char(';'));
    }
    return lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n");
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
