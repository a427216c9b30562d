#include "scan_report_data.hpp"

#include "gebiedscan/core/error.hpp"
#include "schema_names.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace gebiedscan::report {

using viewer::LayerData;
using viewer::qs;
namespace schema = viewer::schema;

namespace {

// "'/path/file.gpkg', layer 'x'" -> "file.gpkg (laag x)": a reader needs the file, not our host.
QString shortSource(const QString& source)
{
    QString s = source;
    static const QRegularExpression quoted(QStringLiteral("'([^']*)'"));
    const auto m = quoted.match(s);
    if (!m.hasMatch()) return s;
    const QString file = QFileInfo(m.captured(1)).fileName();
    return file.isEmpty() ? s : file;
}

} // namespace

ScanReportData::ScanReportData(const QString& folder) : m_folder(QFileInfo(folder).absoluteFilePath())
{
    QFile f(QDir(m_folder).filePath(QStringLiteral("summary.json")));
    if (!QFileInfo(m_folder).isDir() || !f.open(QIODevice::ReadOnly))
        throw InputError(("'" + folder + "' is geen scanmap van gebiedscan scan (geen summary.json)").toStdString());
    QJsonParseError error{};
    m_summary = QJsonDocument::fromJson(f.readAll(), &error).object();
    if (error.error != QJsonParseError::NoError)
        throw InputError(("'" + f.fileName() + "' is geen geldige JSON: " + error.errorString()).toStdString());
    m_project.open(m_folder);

    for (const auto& v : m_summary.value(qs(schema::summary::periods)).toArray()) {
        const auto o = v.toObject();
        m_periods.push_back(
            {o.value(qs(schema::summary::periodId)).toString(), o.value(QStringLiteral("from")).toString(),
             o.value(QStringLiteral("to_exclusive")).toString(),
             o.value(qs(schema::summary::periodRole)).toString() == qs(schema::summary::currentPeriod)});
    }
    for (const auto& v : m_summary.value(qs(schema::summary::themes)).toArray()) {
        const auto o = v.toObject();
        m_themes.push_back({o.value(qs(schema::summary::themeId)).toString(),
                            o.value(qs(schema::summary::themeNumber)).toString(),
                            o.value(qs(schema::summary::themeLabel)).toString(),
                            o.value(QStringLiteral("label_en")).toString(), o.value(QStringLiteral("veld")).toInt()});
    }
    if (m_themes.empty()) // older folders: the themes found in the area layer
        for (const auto& t : m_project.themes())
            m_themes.push_back({t.id, t.number, t.name, t.name,
                                t.number.isEmpty() ? 0 : t.number.section(QLatin1Char('.'), 0, 0).toInt()});

    // Sources: summary.json "sources" when the scan wrote them; else the descriptions of the
    // inputs without a licence we would have to guess. File names only: the report leaves the
    // police, the folders of its file system stay behind.
    const auto sources = m_summary.value(QStringLiteral("sources")).toArray();
    for (const auto& v : sources) {
        const auto o = v.toObject();
        m_sources.push_back(
            {o.value(QStringLiteral("role")).toString(), shortSource(o.value(QStringLiteral("description")).toString()),
             o.value(QStringLiteral("credit")).toString(), o.value(QStringLiteral("synthetic")).toBool()});
    }
    if (sources.isEmpty()) {
        const QString incidents =
            m_summary.value(qs(schema::summary::incidents)).toObject().value(qs(schema::summary::source)).toString();
        const QString areas =
            m_summary.value(QStringLiteral("areas")).toObject().value(qs(schema::summary::source)).toString();
        // The same rule as the viewer's footer: a generated file says so in its name.
        if (!incidents.isEmpty())
            m_sources.push_back({QStringLiteral("incidents"), shortSource(incidents), QString(),
                                 incidents.contains(QLatin1String("synth"), Qt::CaseInsensitive)});
        if (!areas.isEmpty()) m_sources.push_back({QStringLiteral("areas"), shortSource(areas), QString(), false});
    }

    // The hour-of-week contract: absent (intern, everything), a string (nothing), an object.
    const QJsonValue hotTimes =
        m_summary.value(qs(schema::summary::suppression)).toObject().value(QStringLiteral("hot_times"));
    if (hotTimes.isString()) {
        m_hotTimesLevels = QStringList();
    } else if (hotTimes.isObject()) {
        m_hotTimesLevels = QStringList();
        for (const auto& v : hotTimes.toObject().value(QStringLiteral("levels")).toArray())
            if (!v.toString().isEmpty()) m_hotTimesLevels->push_back(v.toString());
    } else if (!hotTimes.isUndefined() && !hotTimes.isNull()) {
        m_hotTimesLevels = QStringList(); // a form we do not know: publish nothing of it
    }

    // Area layers by level, finest first (the order of summary.json "levels").
    for (int r = 0; r < m_layers.rowCount(); ++r) {
        const auto layer = m_layers.layerPtr(r);
        if (layer->role == qs(schema::role::scanHotspots)) m_hotspots = layer;
        if (layer->role != qs(schema::role::scanAreas) && layer->role != qs(schema::role::scanAreaLevel)) continue;
        const int lf = layer->fieldIndex(qs(schema::field::level));
        const QString level = lf >= 0 && layer->featureCount() > 0 ? layer->text(lf, 0) : QString();
        if (!level.isEmpty()) m_levelLayers.emplace_back(level, layer);
    }
    for (const auto& v : m_summary.value(QStringLiteral("levels")).toArray()) {
        const QString l = v.toObject().value(QStringLiteral("level")).toString();
        if (level(l)) m_levels << l;
    }
    for (const auto& [l, layer] : m_levelLayers)
        if (!m_levels.contains(l)) m_levels << l;
    if (m_levels.isEmpty())
        throw InputError(("'" + folder + "' bevat geen gebiedslagen (gebiedscan.gpkg met areas)").toStdString());
}

std::optional<ReportPeriod> ScanReportData::currentPeriod() const
{
    for (const auto& p : m_periods)
        if (p.current) return p;
    return std::nullopt;
}

bool ScanReportData::internal() const
{
    return m_summary.value(QStringLiteral("audience")).toString() == u"intern";
}

std::shared_ptr<const LayerData> ScanReportData::level(const QString& name) const
{
    for (const auto& [l, layer] : m_levelLayers)
        if (l == name) return layer;
    return nullptr;
}

const viewer::FiguresTable& ScanReportData::figures()
{
    if (!m_figuresRead) {
        m_figuresRead = true;
        if (const auto pending = m_project.pendingFigures())
            m_project.setFigures(viewer::ScanProject::loadFiguresTable(pending->first, pending->second));
    }
    return m_project.figures();
}

const viewer::HotTimesTable* ScanReportData::hotTimes()
{
    if (!m_hotTimesRead) {
        m_hotTimesRead = true;
        if (const auto pending = m_project.pendingHotTimes())
            m_hotTimes = viewer::HotTimesTable::load(pending->first, pending->second);
    }
    return m_hotTimes ? &*m_hotTimes : nullptr;
}

std::optional<std::size_t> ScanReportData::find(const LayerData& layer, const QString& code)
{
    const int f = layer.fieldIndex(qs(schema::field::code));
    if (f < 0) return std::nullopt;
    for (std::size_t i = 0; i < layer.featureCount(); ++i)
        if (layer.text(f, i) == code) return i;
    return std::nullopt;
}

QString ScanReportData::text(const LayerData& layer, std::size_t feature, const QString& field)
{
    return layer.text(layer.fieldIndex(field), feature);
}

double ScanReportData::number(const LayerData& layer, std::size_t feature, const QString& field)
{
    const int f = layer.fieldIndex(field);
    return f < 0 ? std::numeric_limits<double>::quiet_NaN() : layer.number(f, feature);
}

bool ScanReportData::hasField(const LayerData& layer, const QString& field)
{
    return layer.fieldIndex(field) >= 0;
}

} // namespace gebiedscan::report
