#include "scan_project.hpp"

#include "schema_names.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/field_value.hpp"
#include "gebiedscan/gis/layer_info.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <future>
#include <limits>

namespace gebiedscan::viewer {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A listed layer's role: stored in its metadata, else classify's guess from its names (layers
// are not read for this: a table's rows are not needed to know what it is).
QString roleOf(const gis::LayerInfo& info, const QString& file)
{
    if (const auto it = info.metadata.find(std::string(schema::kRoleKey)); it != info.metadata.end())
        return QString::fromStdString(it->second);
    LayerData stub;
    stub.source = file;
    stub.sourceLayer = QString::fromStdString(info.name);
    stub.name = stub.sourceLayer;
    if (!info.spatial) {
        std::vector<std::pair<QString, bool>> fields;
        for (const auto& f : info.fields) fields.emplace_back(QString::fromStdString(f.name), false);
        stub.setFields(fields);
        classify(stub);
        return stub.role;
    }
    return {}; // spatial layers are read in full and classified then
}

bool isTotalCategory(const QString& c)
{
    return c.isEmpty() || c == u"*" || c.compare(QLatin1String("totaal"), Qt::CaseInsensitive) == 0 ||
           c.compare(QLatin1String("total"), Qt::CaseInsensitive) == 0;
}
} // namespace

QString FiguresTable::key(const QString& level, const QString& area, const QString& theme, const QString& period)
{
    return level + QLatin1Char('\x1f') + area + QLatin1Char('\x1f') + theme + QLatin1Char('\x1f') + period;
}

void FiguresTable::add(const QString& level, const QString& area, const QString& theme, const QString& category,
                       const QString& period, double count)
{
    if (!period.isEmpty() && !m_periods.contains(period)) m_periods.append(period);
    m_levelPeriods.insert(level + QLatin1Char('\x1f') + period);
    m_themeKeys.insert(theme);
    const QString k = key(level, area, theme, period);
    if (isTotalCategory(category))
        m_totals.insert(k, count);
    else
        m_sums[k] += count; // NaN (suppressed) poisons the sum, as it must
}

double FiguresTable::count(const QString& level, const QString& area, const QString& theme, const QString& period) const
{
    const QString k = key(level, area, theme, period);
    if (auto it = m_totals.constFind(k); it != m_totals.constEnd()) return *it;
    if (auto it = m_sums.constFind(k); it != m_sums.constEnd()) return *it;
    return m_levelPeriods.contains(level + QLatin1Char('\x1f') + period) ? 0.0 : kNaN;
}

double FiguresTable::total(const QString& level, const QString& area, const QString& period) const
{
    if (!m_levelPeriods.contains(level + QLatin1Char('\x1f') + period)) return kNaN;
    double sum = 0;
    for (const QString& theme : m_themeKeys) sum += count(level, area, theme, period); // NaN poisons
    return sum;
}

ScanProject::ScanProject(LayerListModel* layers) : m_layers(layers)
{
    if (!displayCrsChosen() && m_layers->rowCount() == 0) setDisplayCrs(QStringLiteral("EPSG:28992"));
}

QString ScanProject::totalLabel()
{
    return QCoreApplication::translate("ScanProject", "Total");
}

std::vector<ThemeInfo> ScanProject::themesOf(const LayerData& layer)
{
    // Themes are the suffixes of the schema's count family n_<thema> (the total is no theme), in
    // a scan's area layers or a layer of no other command; black-spot areas have no themes.
    if (!layer.role.isEmpty() && layer.role != qs(schema::role::scanAreas) &&
        layer.role != qs(schema::role::scanAreaLevel))
        return {};
    const auto& areas = *schema::layer(schema::role::scanAreas);
    const QString prefix = qs(schema::field::count);
    std::vector<ThemeInfo> out;
    for (const auto& f : layer.fields) {
        const QByteArray name = f.name.toUtf8();
        const auto* spec = areas.find(std::string_view(name.constData(), static_cast<std::size_t>(name.size())));
        if (!spec || spec->id != schema::field::count) continue;
        const QString id = f.name.mid(prefix.size());
        if (id == qs(schema::kTotalTheme)) continue;
        QString label = id;
        label.replace(QLatin1Char('_'), QLatin1Char(' '));
        if (!label.isEmpty()) label[0] = label[0].toUpper();
        out.push_back({id, label, {}, {}});
    }
    return out;
}

QString ScanProject::themeLabel(const QString& id) const
{
    if (id == qs(schema::kTotalTheme)) return totalLabel();
    if (auto it = m_labels.constFind(id); it != m_labels.constEnd()) return *it;
    for (const auto& t : m_themes)
        if (t.id == id) return t.label;
    return id;
}

void ScanProject::addLayer(const std::shared_ptr<LayerData>& layer, bool visible)
{
    if (layer->kind == LayerKind::Basemap) { // always beneath everything opened before or after
        m_layers->addLayer(layer, defaultStyle(*layer), true);
        return;
    }
    if (layer->role == qs(schema::role::blackspotJunctions))
        layer->name = QCoreApplication::translate("ScanProject", "junctions");
    else if (layer->role == qs(schema::role::blackspotSections))
        layer->name = QCoreApplication::translate("ScanProject", "road sections");
    LayerStyle s = defaultStyle(*layer);
    s.visible = s.visible && visible;
    m_layers->addLayer(layer, s);
}

void ScanProject::readSummary(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return;
    const auto doc = QJsonDocument::fromJson(f.readAll());
    const QJsonObject o = doc.object();
    namespace key = schema::summary;
    // Theme labels: "themes": [{"id": ..., "number": ..., "label": ...}] (the schema's summary
    // keys) or {"id": "label"}.
    const QJsonValue themes = o.value(qs(key::themes));
    if (themes.isArray())
        for (const auto& v : themes.toArray()) {
            const auto t = v.toObject();
            const QString id = t.value(qs(key::themeId)).toString();
            const QString label = t.value(qs(key::themeLabel)).toString();
            const QString number = t.value(qs(key::themeNumber)).toString();
            if (id.isEmpty() || label.isEmpty()) continue;
            m_labels.insert(id, number.isEmpty() ? label : number + QLatin1Char(' ') + label);
            if (!number.isEmpty()) m_themeNames.insert(id, {number, label});
        }
    else if (themes.isObject())
        for (auto it = themes.toObject().begin(); it != themes.toObject().end(); ++it)
            if (it.value().isString()) m_labels.insert(it.key(), it.value().toString());
    // Source note for map footers: period, reference, suppression and data source, as far as
    // summary.json states them (every export must say what it shows).
    QStringList parts;
    QStringList reference;
    for (const auto& v : o.value(qs(key::periods)).toArray()) {
        const auto p = v.toObject();
        const QString id = p.value(qs(key::periodId)).toString();
        if (!id.isEmpty()) m_periods << id;
        if (p.value(qs(key::periodRole)).toString() == qs(key::currentPeriod))
            m_currentPeriod = id;
        else
            reference << id;
    }
    if (!m_currentPeriod.isEmpty())
        parts << (reference.isEmpty() ? QCoreApplication::translate("ScanProject", "Period %1").arg(m_currentPeriod)
                                      : QCoreApplication::translate("ScanProject", "Period %1 (reference %2)")
                                            .arg(m_currentPeriod, reference.join(QStringLiteral(", "))));
    const QString rule = o.value(qs(key::suppression)).toObject().value(qs(key::suppressionRule)).toString();
    if (!rule.isEmpty()) parts << rule.section(QLatin1Char(';'), 0, 0).trimmed();
    bool synthetic = false;
    for (const auto& v : o.value(qs(key::sources)).toArray()) {
        const auto src = v.toObject();
        SourceInfo info{src.value(qs(key::sourceRole)).toString(), src.value(qs(key::sourceCredit)).toString(),
                        src.value(qs(key::sourceSynthetic)).toBool()};
        synthetic = synthetic || info.synthetic;
        if (!info.role.isEmpty()) m_sources.push_back(info);
    }
    const QString source = o.value(qs(key::incidents)).toObject().value(qs(key::source)).toString();
    if (synthetic || source.contains(QLatin1String("synth"), Qt::CaseInsensitive))
        parts << QCoreApplication::translate("ScanProject", "SYNTHETIC registrations (demo)");
    m_workingCrs = o.value(QStringLiteral("working_crs")).toString();
    // "bekend", or "geen tijdstip bekend" when the registrations have dates only (scan_writer).
    // The hour-of-week contract: absent (intern, all levels), a string (older extern: none) or
    // {"levels": [...], "hidden": N, "note": "..."}.
    const QJsonValue hotTimes = o.value(qs(key::suppression)).toObject().value(QStringLiteral("hot_times"));
    if (hotTimes.isString()) {
        m_hotTimesLevels = QStringList();
        m_hotTimesNote = hotTimes.toString();
        m_hotTimesNoteIsSentence = false;
    } else if (hotTimes.isObject()) {
        m_hotTimesLevels = QStringList();
        for (const auto& v : hotTimes.toObject().value(QStringLiteral("levels")).toArray())
            m_hotTimesLevels->push_back(v.toString());
        m_hotTimesNote = hotTimes.toObject().value(QStringLiteral("note")).toString();
        m_hotTimesNoteIsSentence = !m_hotTimesNote.isEmpty();
    }
    const QString timeOfDay = o.value(QStringLiteral("time_of_day")).toString();
    m_timeOfDayKnown = timeOfDay.isEmpty() || timeOfDay == u"bekend";
    const QString model = o.value(qs(key::model)).toString();
    if (!model.isEmpty()) parts << QCoreApplication::translate("ScanProject", "Model: %1").arg(model);
    if (!parts.isEmpty()) m_sourceNote = parts.join(QStringLiteral(" · "));
}

void ScanProject::readFieldDescriptions(const QString& folder)
{
    // Scan folders whose summary.json names no themes: the labels are the ends of the
    // <layer>_velden.csv descriptions ("aantal huidige periode: 1.3 Woninginbraak").
    if (!m_labels.isEmpty()) return;
    const QDir dir(folder);
    for (const QString& name : dir.entryList({QStringLiteral("*_velden.csv")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) continue;
        while (!f.atEnd()) {
            QString line = QString::fromUtf8(f.readLine()).trimmed();
            const QChar sep = line.count(QLatin1Char(';')) >= 2 ? QLatin1Char(';') : QLatin1Char(',');
            const qsizetype a = line.indexOf(sep), b = line.indexOf(sep, a + 1);
            if (a < 0 || b < 0) continue;
            const QString field = line.mid(a + 1, b - a - 1).trimmed();
            QString description = line.mid(b + 1).trimmed();
            if (description.startsWith(QLatin1Char('"')) && description.endsWith(QLatin1Char('"')))
                description = description.mid(1, description.size() - 2);
            const qsizetype colon = description.lastIndexOf(QLatin1String(": "));
            const QString prefix = qs(schema::field::count);
            if (!field.startsWith(prefix) || colon < 0) continue;
            m_labels.insert(field.mid(prefix.size()), description.mid(colon + 2).trimmed());
        }
    }
}

void ScanProject::ensureFigures()
{
    if (m_figuresFile.isEmpty()) return;
    const QString file = m_figuresFile, layer = m_figuresLayer;
    m_figuresFile.clear();
    m_figures = loadFiguresTable(file, layer);
}

std::optional<std::pair<QString, QString>> ScanProject::pendingHotTimes() const
{
    if (m_hotTimesFile.isEmpty() || m_hotTimes) return std::nullopt;
    return std::make_pair(m_hotTimesFile, m_hotTimesLayer);
}

void ScanProject::setHotTimes(std::optional<HotTimesTable> table)
{
    m_hotTimes = std::move(table);
    if (!m_hotTimes) m_hotTimesFile.clear();
}

const AccidentTable* ScanProject::accidents(const QString& gpkg)
{
    if (auto it = m_accidents.constFind(gpkg); it != m_accidents.constEnd()) return it->get();
    std::shared_ptr<const AccidentTable> table;
    if (QFileInfo::exists(gpkg))
        for (const auto& l : gis::listLayers(gpkg.toStdString()))
            if (roleOf(l, gpkg) == qs(schema::role::blackspotAccidents))
                table = std::make_shared<AccidentTable>(AccidentTable::load(gpkg, QString::fromStdString(l.name)));
    m_accidents.insert(gpkg, table);
    return table.get();
}

std::optional<std::pair<QString, QString>> ScanProject::pendingFigures() const
{
    if (m_figuresFile.isEmpty()) return std::nullopt;
    return std::make_pair(m_figuresFile, m_figuresLayer);
}

void ScanProject::setFigures(FiguresTable figures)
{
    m_figures = std::move(figures);
    m_figuresFile.clear();
}

FiguresTable ScanProject::loadFiguresTable(const QString& gpkg, const QString& layer)
{
    FiguresTable table;
    gis::SourceSpec spec;
    spec.path = gpkg.toStdString();
    spec.layer = layer.toStdString();
    {
        // Theme totals are rows without a category; read only those when the table has them.
        const std::string category(schema::field::category);
        gis::SourceSpec totals = spec;
        totals.attributeFilter = category + " IS NULL OR " + category + " = ''";
        gis::VectorReader probe(totals);
        probe.ignoreGeometry(true);
        gis::Feature f;
        if (probe.fieldNames().end() != std::find(probe.fieldNames().begin(), probe.fieldNames().end(), category) &&
            probe.next(f))
            spec = totals;
    }
    gis::VectorReader reader(spec);
    reader.ignoreGeometry(true);
    const auto find = [&](std::string_view id) { return reader.findField({std::string(id)}); };
    namespace fld = schema::field;
    reader.selectFields({find(fld::level), find(fld::areaCode), find(fld::theme), find(fld::category),
                         find(fld::period), find(fld::countValue), find(fld::themeNumber)});
    gis::Feature f;
    const auto s = [&](std::size_t i) { return f.values[i] ? QString::fromStdString(*f.values[i]) : QString(); };
    while (reader.next(f)) {
        const double count = gis::numberOf(f.fields[5]).value_or(kNaN); // NULL = geheim
        const QString number = s(6);
        table.add(s(0), s(1), number.isEmpty() ? s(2) : number, s(3), s(4), count);
    }
    return table;
}

void ScanProject::open(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw InputError(QCoreApplication::translate("ScanProject", "cannot open '%1': no such file or folder")
                             .arg(path)
                             .toStdString());
    const bool first = m_layers->rowCount() == 0;
    if (info.isDir()) {
        m_folder = info.absoluteFilePath();
        const QDir dir(path);
        readSummary(dir.filePath(QStringLiteral("summary.json")));
        // A scan made in another working CRS (outside the Netherlands) is drawn in that CRS.
        if (first && !displayCrsChosen() && !m_workingCrs.isEmpty() && m_workingCrs != u"EPSG:28992") {
            setDisplayCrs(m_workingCrs);
            m_crsNote = QCoreApplication::translate("ScanProject", "Map in %1").arg(m_workingCrs);
        }
        readFieldDescriptions(m_folder);
        std::vector<std::shared_ptr<LayerData>> areaLevels, others;
        std::shared_ptr<LayerData> finest;
        // The vector layers are independent tables: read them in parallel (each reader has its own
        // GDAL dataset), which halves opening a grid scan whose areas and hotspots layers are both
        // large. Roles are assigned in listing order afterwards.
        std::vector<std::pair<QString, std::future<std::shared_ptr<LayerData>>>> scanLayers, otherLayers;
        const auto read = [](const QString& file, const QString& name) {
            return std::async(std::launch::async, [file, name] { return loadVectorLayer(file, name); });
        };
        const QString gpkg = dir.filePath(QStringLiteral("gebiedscan.gpkg"));
        if (QFileInfo::exists(gpkg)) {
            for (const auto& l : gis::listLayers(gpkg.toStdString())) {
                const QString name = QString::fromStdString(l.name);
                if (!l.spatial) {
                    const QString role = roleOf(l, gpkg);
                    if (role == qs(schema::role::scanFigures)) {
                        m_figuresFile = gpkg;
                        m_figuresLayer = name;
                    } else if (role == qs(schema::role::scanHotTimes)) {
                        m_hotTimesFile = gpkg;
                        m_hotTimesLayer = name;
                    }
                    continue;
                }
                scanLayers.emplace_back(name, read(gpkg, name));
            }
        }
        // Other result files of the scan, hotspot and black-spot commands.
        for (const QString& file : dir.entryList({QStringLiteral("*.gpkg")}, QDir::Files, QDir::Name)) {
            if (file == u"gebiedscan.gpkg" || file.startsWith(QLatin1String("aol"))) continue;
            for (const auto& l : gis::listLayers(dir.filePath(file).toStdString()))
                if (l.spatial)
                    otherLayers.emplace_back(QString(), read(dir.filePath(file), QString::fromStdString(l.name)));
        }
        for (auto& [name, future] : scanLayers) {
            auto layer = future.get();
            if (layer->role == qs(schema::role::scanAreas) && !finest)
                finest = layer;
            else if (layer->role == qs(schema::role::scanAreaLevel))
                areaLevels.push_back(layer);
            else
                others.push_back(layer);
        }
        for (auto& entry : otherLayers) others.push_back(entry.second.get());
        // A scan left on the default working CRS (RD New) with data far outside the Netherlands
        // (North Carolina counties): drawn in the data's UTM zone like a loose layer, not rotated.
        if (first && finest && !displayCrsChosen() && displayCrs() == u"EPSG:28992") {
            if (const QString crs = foreignCrsFor(finest->extent); !crs.isEmpty()) {
                setDisplayCrs(crs);
                m_crsNote =
                    QCoreApplication::translate(
                        "ScanProject", "RD New is used far outside the Netherlands: the map is drawn in %1 instead")
                        .arg(crs);
                qWarning("%s", qPrintable(m_crsNote));
                const auto reread = [](std::shared_ptr<LayerData>& l) {
                    l = loadVectorLayer(l->source, l->sourceLayer);
                };
                reread(finest);
                for (auto& l : areaLevels) reread(l);
                for (auto& l : others) reread(l);
            }
        }
        // Heatmaps (gebiedscan kde): hidden at first, above the areas and below the boundaries.
        // Colour pictures (and MBTiles) are basemaps: shown, at the bottom.
        std::vector<std::shared_ptr<LayerData>> basemaps;
        for (const QString& file :
             dir.entryList({QStringLiteral("*.tif"), QStringLiteral("*.tiff"), QStringLiteral("*.mbtiles")},
                           QDir::Files, QDir::Name)) {
            if (isBasemapRaster(dir.filePath(file)))
                basemaps.push_back(loadBasemapLayer(dir.filePath(file)));
            else if (!file.endsWith(QLatin1String(".mbtiles")))
                others.push_back(loadRasterLayer(dir.filePath(file)));
        }
        for (auto& b : basemaps) addLayer(b, true);
        if (QFileInfo::exists(dir.filePath(QStringLiteral("aol.gpkg"))))
            m_aolFile = dir.filePath(QStringLiteral("aol.gpkg"));
        // Bottom to top: finest areas (choropleth), outlines of the higher levels, hotspots,
        // black spots, points.
        const auto levelOf = [](const LayerData& l) {
            const int field = l.fieldIndex(qs(schema::field::level));
            QString level = field >= 0 && l.featureCount() > 0 ? l.text(field, 0) : QString();
            const QString prefix = qs(schema::layer(schema::role::scanAreaLevel)->name); // "areas_"
            if (level.isEmpty() && l.sourceLayer.startsWith(prefix)) level = l.sourceLayer.mid(prefix.size());
            return level;
        };
        if (finest && !levelOf(*finest).isEmpty()) {
            m_levels.push_back({levelOf(*finest), finest});
            for (const auto& l : areaLevels)
                if (!levelOf(*l).isEmpty()) m_levels.push_back({levelOf(*l), l});
            m_level = m_levels.front().level;
        }
        if (finest) {
            const int levelField = finest->fieldIndex(qs(schema::field::level));
            const QString level =
                levelField >= 0 && finest->featureCount() > 0 ? finest->text(levelField, 0) : QString();
            finest->name = level.isEmpty() ? QCoreApplication::translate("ScanProject", "Areas")
                                           : QCoreApplication::translate("ScanProject", "Areas (%1)").arg(level);
            addLayer(finest, true);
        }
        // Hot spots, heatmaps and other commands' areas (black-spot areas, trends) start hidden over
        // a scan (the choropleth is the first view, and an opaque layer would cover it); alone they show.
        // Polygon results go under the boundaries, points and lines above them.
        const auto addKinds = [&](std::initializer_list<LayerKind> kinds) {
            for (auto kind : kinds)
                for (auto& l : others)
                    if (l->kind == kind)
                        addLayer(
                            l, (kind != LayerKind::Hotspots && kind != LayerKind::Raster && kind != LayerKind::Areas) ||
                                   !finest);
        };
        addKinds({LayerKind::Hotspots, LayerKind::Areas, LayerKind::Raster});
        for (auto& l : areaLevels) {
            const QString prefix = qs(schema::layer(schema::role::scanAreaLevel)->name); // "areas_"
            // Named like the finest level: any level can be the coloured one (setLevel).
            l->name = QCoreApplication::translate("ScanProject", "Areas (%1)")
                          .arg(l->sourceLayer.startsWith(prefix) ? l->sourceLayer.mid(prefix.size()) : l->sourceLayer);
            LayerStyle s = defaultStyle(*l);
            s.fill = Qt::transparent;
            s.stroke = QColor(40, 40, 40);
            s.strokeWidth = 1.4;
            m_layers->addLayer(l, s);
        }
        addKinds({LayerKind::Lines, LayerKind::Other, LayerKind::BlackSpots, LayerKind::Points});
        if (!m_level.isEmpty()) setLevel(m_level); // styles and labels of the levels
        if (!finest && others.empty() && areaLevels.empty() && basemaps.empty())
            throw InputError(QCoreApplication::translate("ScanProject", "'%1' holds no gebiedscan.gpkg or other layers")
                                 .arg(path)
                                 .toStdString());
    } else if (info.suffix().compare(QLatin1String("tif"), Qt::CaseInsensitive) == 0 ||
               info.suffix().compare(QLatin1String("tiff"), Qt::CaseInsensitive) == 0 ||
               info.suffix().compare(QLatin1String("mbtiles"), Qt::CaseInsensitive) == 0) {
        if (m_folder.isEmpty()) m_folder = info.absolutePath();
        addLayer(isBasemapRaster(path) ? loadBasemapLayer(path) : loadRasterLayer(path), true);
    } else {
        if (m_folder.isEmpty()) m_folder = info.absolutePath();
        // A GeoPackage may hold raster tiles (a basemap) besides, or instead of, vector layers.
        const bool basemap =
            info.suffix().compare(QLatin1String("gpkg"), Qt::CaseInsensitive) == 0 && isBasemapRaster(path);
        if (basemap) addLayer(loadBasemapLayer(path), true);
        std::vector<gis::LayerInfo> vectorLayers;
        try {
            vectorLayers = gis::listLayers(path.toStdString());
        } catch (const InputError&) {
            if (!basemap) throw; // tiles only: no vector layers to list
        }
        for (const auto& l : vectorLayers) {
            const QString name = QString::fromStdString(l.name);
            if (l.spatial) {
                auto layer = loadVectorLayer(path, name);
                // The first layer of a project far outside the Netherlands: RD New would rotate and
                // stretch it (Chicago came out rotated), so the map uses the UTM zone of the data.
                if (first && m_layers->rowCount() == 0 && !displayCrsChosen() && displayCrs() == u"EPSG:28992") {
                    if (const QString crs = foreignCrsFor(layer->extent); !crs.isEmpty()) {
                        setDisplayCrs(crs);
                        m_crsNote = QCoreApplication::translate(
                                        "ScanProject",
                                        "RD New is used far outside the Netherlands: the map is drawn in %1 instead")
                                        .arg(crs);
                        qWarning("%s", qPrintable(m_crsNote));
                        layer = loadVectorLayer(path, name);
                    }
                }
                addLayer(layer, true);
                continue;
            }
            const QString role = roleOf(l, path);
            if (role == qs(schema::role::scanFigures))
                m_figures = loadFiguresTable(path, name);
            else if (role == qs(schema::role::scanHotTimes)) {
                m_hotTimesFile = path;
                m_hotTimesLayer = name;
            }
        }
    }
    if (m_periods.isEmpty()) ensureFigures(); // the periods come from the table itself
    // Themes from the area layer's fields, labels from summary.json where it names them.
    const int row = areaRow();
    if (row >= 0) {
        m_themes = themesOf(m_layers->layer(row));
        // Older folders have the labels only as "1.3 Woninginbraak" (velden.csv): split them.
        static const QRegularExpression numbered(QStringLiteral("^(\\d+(?:\\.\\d+)*)\\s+(.+)$"));
        for (auto& t : m_themes) {
            t.label = themeLabel(t.id);
            if (const auto it = m_themeNames.constFind(t.id); it != m_themeNames.constEnd()) {
                t.number = it->first;
                t.name = it->second;
                continue;
            }
            const auto m = numbered.match(t.label);
            t.number = m.hasMatch() ? m.captured(1) : QString();
            t.name = m.hasMatch() ? m.captured(2) : t.label;
        }
    }
}

bool ScanProject::setLevel(const QString& level)
{
    const auto chosen =
        std::find_if(m_levels.begin(), m_levels.end(), [&](const AreaLevelInfo& l) { return l.level == level; });
    if (chosen == m_levels.end()) return false;
    const auto index = chosen - m_levels.begin();
    for (std::size_t j = 0; j < m_levels.size(); ++j) {
        int row = -1;
        for (int r = 0; r < m_layers->rowCount(); ++r)
            if (m_layers->layerPtr(r) == m_levels[j].layer) row = r;
        if (row < 0) continue;
        LayerStyle s = m_layers->style(row);
        const auto position = static_cast<std::ptrdiff_t>(j);
        if (position == index) {
            // The level shown: filled (showTheme colours it) and clickable.
            s.visible = true;
            s.fill = QColor(0xf0, 0xee, 0xe6);
            s.stroke = QColor(0x55, 0x55, 0x55);
            s.strokeWidth = j == 0 ? 0.5 : 0.8;
            s.labelField = qs(schema::field::name); // names at the level shown
        } else if (position < index) {
            s.visible = false; // finer areas would only add lines under the coloured level
        } else {
            s.visible = true;
            s.mode = StyleMode::Single;
            s.values.reset();
            s.fill = Qt::transparent;
            // The top level (gemeente) a thick dark line, levels between (wijk) thin and grey,
            // so each boundary reads as its own on the map and in the legend.
            const bool top = j + 1 == m_levels.size();
            s.stroke = top ? QColor(30, 30, 30) : QColor(95, 95, 95);
            s.strokeWidth = top ? 2.2 : 1.0;
        }
        if (position != index) s.labelField.clear();
        m_layers->setStyle(row, s, s.mode == StyleMode::Single ? QString() : m_layers->symbology(row).legend.title);
    }
    m_level = level;
    return true;
}

QString ScanProject::defaultTheme() const
{
    const int row = areaRow();
    if (row < 0) return {};
    const LayerData& l = m_layers->layer(row);
    const auto hasData = [&](const QString& id) {
        const int f = l.fieldIndex(themeField(schema::field::count, id));
        for (std::size_t i = 0; f >= 0 && i < l.featureCount(); ++i)
            if (l.number(f, i) > 0) return true;
        return false;
    };
    if (hasData(qs(schema::kTotalTheme))) return qs(schema::kTotalTheme);
    for (const auto& t : m_themes)
        if (hasData(t.id)) return t.id;
    return m_themes.empty() ? QString() : m_themes.front().id;
}

bool ScanProject::hasThemeValues(std::string_view family, const QString& themeId) const
{
    const int row = areaRow();
    if (row < 0) return false;
    const LayerData& l = m_layers->layer(row);
    const int f = l.fieldIndex(themeField(family, themeId));
    for (std::size_t i = 0; f >= 0 && i < l.featureCount(); ++i)
        if (const QString t = l.text(f, i); !t.isEmpty() && t != u"geheim") return true;
    return false;
}

QString ScanProject::surveyQuadrantField() const
{
    const int row = areaRow();
    if (row < 0) return {};
    const LayerData& l = m_layers->layer(row);
    for (const auto& field : l.fields) {
        if (!field.name.startsWith(qs(schema::field::surveyQuadrant))) continue;
        const int f = l.fieldIndex(field.name);
        for (std::size_t i = 0; i < l.featureCount(); ++i)
            if (!l.text(f, i).isEmpty()) return field.name;
    }
    return {};
}

QStringList ScanProject::surveyIndicators() const
{
    QStringList out;
    const int row = areaRow();
    if (row < 0) return out;
    const LayerData& l = m_layers->layer(row);
    const QString prefix = qs(schema::field::surveyQuadrant);
    for (const auto& field : l.fields) {
        if (!field.name.startsWith(prefix)) continue;
        const int f = l.fieldIndex(field.name);
        for (std::size_t i = 0; i < l.featureCount(); ++i)
            if (!l.text(f, i).isEmpty()) {
                out << field.name.mid(prefix.size());
                break;
            }
    }
    return out;
}

bool ScanProject::hasPopulation() const
{
    const int row = areaRow();
    if (row < 0) return false;
    const LayerData& l = m_layers->layer(row);
    const int f = l.fieldIndex(qs(schema::field::population));
    for (std::size_t i = 0; f >= 0 && i < l.featureCount(); ++i)
        if (l.number(f, i) > 0) return true;
    return false;
}

int ScanProject::areaRow() const
{
    if (!m_levels.empty())
        for (const auto& l : m_levels)
            if (l.level == m_level)
                for (int r = 0; r < m_layers->rowCount(); ++r)
                    if (m_layers->layerPtr(r) == l.layer) return r;
    // The scan's finest level; else a polygon layer that is no other command's output (a
    // buurten file opened alone), never the black-spot or trend areas.
    for (int r = 0; r < m_layers->rowCount(); ++r)
        if (m_layers->layer(r).role == qs(schema::role::scanAreas)) return r;
    for (int r = 0; r < m_layers->rowCount(); ++r)
        if (m_layers->layer(r).kind == LayerKind::Areas && m_layers->layer(r).role.isEmpty()) return r;
    return -1;
}

void ScanProject::showTheme(const QString& themeId, const QString& indicator, const QString& period)
{
    const int row = areaRow();
    if (row < 0) return;
    const LayerData& layer = m_layers->layer(row);
    LayerStyle s = m_layers->style(row);
    s.mode = StyleMode::Choropleth;
    s.values.reset();
    s.markField.clear();
    const QString label = themeLabel(themeId);
    QString title;
    if (!period.isEmpty()) ensureFigures();
    if (!period.isEmpty() && !m_figures.empty()) {
        auto values = std::make_shared<std::vector<double>>(layer.featureCount(), kNaN);
        const int code = layer.fieldIndex(qs(schema::field::code));
        const int level = layer.fieldIndex(qs(schema::field::level));
        QString key = themeId;
        for (const auto& t : m_themes)
            if (t.id == themeId) key = t.number.isEmpty() ? t.name : t.number;
        const bool total = themeId == qs(schema::kTotalTheme);
        for (std::size_t i = 0; i < layer.featureCount(); ++i)
            (*values)[i] = total ? m_figures.total(layer.text(level, i), layer.text(code, i), period)
                                 : m_figures.count(layer.text(level, i), layer.text(code, i), key, period);
        s.values = values;
        s.field = themeField(schema::field::count, themeId);
        s.ramp = QStringLiteral("YlOrRd");
        title = QCoreApplication::translate("ScanProject", "%1: registrations %2").arg(label, period);
    } else if (indicator == u"change_pct") {
        s.field = themeField(schema::field::changePct, themeId);
        s.ramp = QStringLiteral("RdBu");
        title = QCoreApplication::translate("ScanProject", "%1: change against reference (%)").arg(label);
    } else if (indicator == u"rate" || indicator == u"eb" || indicator == u"ebl") {
        // Raw or Empirical Bayes rates; areas too small for a reliable rate (klein_) are dotted.
        const auto family = indicator == u"eb"    ? schema::field::rateEb
                            : indicator == u"ebl" ? schema::field::rateEbLocal
                                                  : schema::field::rate;
        s.field = themeField(family, themeId);
        s.markField = themeField(schema::field::rateSmall, themeId);
        s.ramp = QStringLiteral("Purples");
        title = indicator == u"eb"
                    ? QCoreApplication::translate("ScanProject", "%1: per 1,000 (EB-smoothed)").arg(label)
                : indicator == u"ebl"
                    ? QCoreApplication::translate("ScanProject", "%1: per 1,000 (local EB, with neighbours)").arg(label)
                    : QCoreApplication::translate("ScanProject", "%1: per 1,000 inhabitants").arg(label);
    } else if (indicator == u"kwadrant" || indicator.startsWith(QLatin1String("kwadrant:"))) {
        // The survey's quadrant is per survey indicator, not per theme: "kwadrant:<indicator>",
        // or plain "kwadrant" for the first one.
        s.mode = StyleMode::SurveyQuadrant;
        s.field =
            indicator == u"kwadrant" ? surveyQuadrantField() : qs(schema::field::surveyQuadrant) + indicator.mid(9);
        title = QCoreApplication::translate("ScanProject", "Objective against survey: %1")
                    .arg(s.field.mid(static_cast<int>(schema::field::surveyQuadrant.size())));
    } else if (indicator == u"trend") {
        s.mode = StyleMode::Trend;
        s.field = themeField(schema::field::trend, themeId);
        title = QCoreApplication::translate("ScanProject", "%1: emerging hot spots (trend)").arg(label);
    } else {
        s.field = themeField(schema::field::count, themeId);
        s.ramp = QStringLiteral("YlOrRd");
        title = m_currentPeriod.isEmpty()
                    ? QCoreApplication::translate("ScanProject", "%1: registrations").arg(label)
                    : QCoreApplication::translate("ScanProject", "%1: registrations %2").arg(label, m_currentPeriod);
    }
    m_layers->setStyle(row, s, title);
    // Hot spots follow the theme: each theme has its own Gi* bins (gi_bin_<theme>); the total's
    // are gi_bin. Before this every theme showed the total's hot spots.
    for (int r = 0; r < m_layers->rowCount(); ++r) {
        const LayerData& h = m_layers->layer(r);
        if (h.kind != LayerKind::Hotspots || m_layers->style(r).mode != StyleMode::GiBins) continue;
        const QString own = themeField(schema::field::themeGiBin, themeId);
        const bool total = themeId == qs(schema::kTotalTheme);
        const QString field = !total && h.fieldIndex(own) >= 0 ? own : qs(schema::field::giBin);
        if (!total && field != own) continue; // no per-theme bins: leave the layer as it is
        LayerStyle hs = m_layers->style(r);
        hs.field = field;
        m_layers->setStyle(r, hs,
                           QCoreApplication::translate("ScanProject", "Hot spots (Gi*): %1").arg(themeLabel(themeId)));
    }
}

bool ScanProject::hotTimesPublished(const QString& level) const
{
    return !m_hotTimesLevels || m_hotTimesLevels->contains(level);
}

bool ScanProject::hotTimesThemePublished(const QString& theme) const
{
    return !m_hotTimesLevels || theme == qs(schema::kTotalTheme);
}

} // namespace gebiedscan::viewer
