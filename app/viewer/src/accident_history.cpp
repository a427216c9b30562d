#include "accident_history.hpp"

#include "schema_names.hpp"

#include "gebiedscan/gis/field_value.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gebiedscan::viewer {

double AccidentsByYear::total(std::size_t year) const
{
    double s = 0;
    for (double v : counts[year])
        if (!std::isnan(v)) s += v;
    return s;
}

double AccidentsByYear::maxTotal() const
{
    double m = 0;
    for (std::size_t y = 0; y < counts.size(); ++y) m = std::max(m, total(y));
    return m;
}

Severity severityOf(const QString& ap3)
{
    const QString c = ap3.trimmed().toUpper();
    if (c == u"DOD") return Severity::Fatal;
    if (c == u"LET") return Severity::Injury;
    if (c == u"UMS") return Severity::DamageOnly;
    return Severity::Unknown;
}

AccidentsByYear accidentsFromFields(const LayerData& spots, std::size_t feature)
{
    // The per-year columns are the schema's n_<jaar> family of the black-spot layers.
    const auto& layer = *schema::layer(schema::role::blackspotJunctions);
    const auto& perYear = layer.column(schema::field::accidentsInYear);
    AccidentsByYear out;
    for (const auto& f : spots.fields) {
        const QByteArray name = f.name.toUtf8();
        const std::string_view n(name.constData(), static_cast<std::size_t>(name.size()));
        if (layer.find(n) == &perYear)
            out.years.push_back(f.name.mid(static_cast<qsizetype>(perYear.id.size())).toInt());
    }
    std::sort(out.years.begin(), out.years.end());
    for (int y : out.years) {
        std::array<double, kSeverityCount> c{0, 0, 0, 0};
        c[static_cast<std::size_t>(Severity::Unknown)] =
            spots.number(spots.fieldIndex(themeField(perYear.id, QString::number(y))), feature);
        out.counts.push_back(c);
    }
    const QString kind = spots.text(spots.fieldIndex(qs(schema::field::spotKind)), feature);
    const QString id = spots.text(spots.fieldIndex(qs(schema::field::locationId)), feature);
    out.spot = QStringLiteral("%1 %2").arg(kind, id).trimmed();
    return out;
}

void AccidentTable::add(int year, const QString& severity, const QString& junctions, const QString& sections)
{
    const auto row = static_cast<std::uint32_t>(m_years.size());
    m_years.push_back(year);
    m_severities.push_back(severityOf(severity));
    for (const auto& id : junctions.split(QLatin1Char('/'), Qt::SkipEmptyParts)) m_junctions[id].push_back(row);
    for (const auto& id : sections.split(QLatin1Char('/'), Qt::SkipEmptyParts)) m_sections[id].push_back(row);
}

AccidentTable AccidentTable::load(const QString& gpkg, const QString& layer)
{
    AccidentTable table;
    gis::SourceSpec spec;
    spec.path = gpkg.toStdString();
    spec.layer = layer.toStdString();
    gis::VectorReader reader(spec);
    reader.ignoreGeometry(true);
    namespace fld = schema::field;
    reader.selectFields({std::string(fld::accidentYear), std::string(fld::severity),
                         std::string(fld::accidentJunctions),
                         std::string(fld::accidentSections)}); // throws naming a missing one
    gis::Feature f;
    const auto s = [&](std::size_t i) { return f.values[i] ? QString::fromStdString(*f.values[i]) : QString(); };
    while (reader.next(f)) table.add(static_cast<int>(gis::numberOf(f.fields[0]).value_or(0)), s(1), s(2), s(3));
    return table;
}

AccidentsByYear AccidentTable::forSpot(const LayerData& spots, std::size_t feature) const
{
    AccidentsByYear out = accidentsFromFields(spots, feature);
    const QString id = spots.text(spots.fieldIndex(qs(schema::field::locationId)), feature);
    const bool junction = spots.role == qs(schema::role::blackspotJunctions) ||
                          spots.text(spots.fieldIndex(qs(schema::field::spotKind)), feature) == u"kruispunt";
    const auto& index = junction ? m_junctions : m_sections;
    const auto it = index.constFind(id);
    if (id.isEmpty() || it == index.constEnd()) return out; // the year totals from the fields
    out.bySeverity = true;
    for (auto& c : out.counts) c.fill(0);
    for (std::uint32_t row : *it) {
        auto y = std::find(out.years.begin(), out.years.end(), m_years[row]);
        if (y == out.years.end()) { // a year without an n_<year> field: add it in order
            y = std::upper_bound(out.years.begin(), out.years.end(), m_years[row]);
            out.counts.insert(out.counts.begin() + (y - out.years.begin()),
                              std::array<double, kSeverityCount>{0, 0, 0, 0});
            y = out.years.insert(y, m_years[row]);
        }
        out.counts[static_cast<std::size_t>(y - out.years.begin())][static_cast<std::size_t>(m_severities[row])] += 1;
    }
    return out;
}

} // namespace gebiedscan::viewer
