#include "gebiedscan/pipeline/export_job.hpp"

#include "gebiedscan/pipeline/export_writer.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/output_schema.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/gis/layer_info.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <set>

namespace gebiedscan::pipeline {

namespace fs = std::filesystem;
using gis::Value;

namespace {

struct ThemeInfo {
    std::string id, number, label;
};

struct ScanSummary {
    nlohmann::json json;
    std::string audience, workingCrs = "EPSG:28992", current;
    std::vector<std::string> levels;
    std::vector<ThemeInfo> themes;
};

ScanSummary readSummary(const fs::path& dir)
{
    const auto file = dir / "summary.json";
    std::ifstream in(file);
    if (!in) throw InputError("'" + dir.string() + "' is geen scanmap van gebiedscan: summary.json ontbreekt");
    ScanSummary s;
    try {
        in >> s.json;
    } catch (const nlohmann::json::exception& e) {
        throw InputError("'" + file.string() + "' is geen leesbare JSON: " + e.what());
    }
    if (!s.json.is_object()) throw InputError("'" + file.string() + "' is geen samenvatting van gebiedscan scan");
    s.audience = s.json.value("audience", std::string());
    s.workingCrs = s.json.value("working_crs", s.workingCrs);
    for (const auto& l : s.json.value("levels", nlohmann::json::array())) s.levels.push_back(l.value("level", ""));
    for (const auto& t : s.json.value("themes", nlohmann::json::array()))
        s.themes.push_back({t.value("id", ""), t.value("number", ""), t.value("label", "")});
    for (const auto& p : s.json.value("periods", nlohmann::json::array()))
        if (p.value("role", "") == schema::summary::currentPeriod) s.current = p.value("id", "");
    return s;
}

// The suffix label of a per-theme column, as the scan wrote it ("1.3 Woninginbraak").
std::string themeLabel(const ScanSummary& s, std::string_view suffix)
{
    if (suffix == schema::kTotalTheme) return "alle thema's";
    if (suffix == schema::kOtherTheme) return "overig (onbekende categorie)";
    for (const auto& t : s.themes)
        if (t.id == suffix) return t.number + " " + t.label;
    return std::string(suffix);
}

// The column as written, described by the schema (families completed with the theme's label).
gis::Column describe(const schema::LayerSpec& spec, const ScanSummary& s, const gis::LayerInfo::Field& f)
{
    gis::Column c;
    c.name = f.name;
    c.type = f.type == gis::LayerInfo::FieldType::Integer ? gis::Column::Type::Integer
             : f.type == gis::LayerInfo::FieldType::Real  ? gis::Column::Type::Real
                                                          : gis::Column::Type::String;
    if (const auto* col = spec.find(f.name)) {
        const std::string_view suffix = std::string_view(f.name).substr(col->id.size());
        const std::string label = col->family == schema::ColumnSpec::Family::Theme ? themeLabel(s, suffix)
                                  : col->family == schema::ColumnSpec::Family::Hour
                                      ? fmt::format("{}:00-{:02}:00", suffix, std::stoi(std::string(suffix)) + 1)
                                      : std::string();
        c.description = schema::column(spec, col->id, suffix, label).description;
    }
    return c;
}

// Reads one layer of the scan's GeoPackage (the audited copy) with its geometry.
gis::Table readTable(const fs::path& gpkg, const gis::LayerInfo& info, const schema::LayerSpec& spec,
                     const ScanSummary& s)
{
    gis::SourceSpec source;
    source.path = gpkg.string();
    source.layer = info.name;
    gis::VectorReader reader(source, s.workingCrs);
    reader.ignoreGeometry(!info.spatial);
    gis::Table t;
    t.name = info.name;
    t.metadata = info.metadata;
    std::vector<std::string> names;
    for (const auto& f : info.fields) {
        t.columns.push_back(describe(spec, s, f));
        names.push_back(f.name);
    }
    reader.selectFields(names);
    t.geometryKind = info.spatial ? gis::FeatureGeometry::Kind::Polygon : gis::FeatureGeometry::Kind::None;
    gis::Feature f;
    while (reader.next(f)) {
        std::vector<Value> row;
        row.reserve(f.fields.size());
        for (const auto& v : f.fields) {
            switch (v.type) {
            case gis::FieldValue::Type::Null: row.emplace_back(); break;
            case gis::FieldValue::Type::Integer: row.emplace_back(static_cast<std::int64_t>(v.number)); break;
            case gis::FieldValue::Type::Real: row.emplace_back(v.number); break;
            default: row.emplace_back(v.text);
            }
        }
        t.rows.push_back(std::move(row));
        if (info.spatial) t.geometries.push_back(f.geometry);
    }
    return t;
}

int columnIndex(const gis::Table& t, const std::string& name)
{
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c].name == name) return static_cast<int>(c);
    return -1;
}

bool isNull(const Value& v)
{
    return std::holds_alternative<std::monostate>(v);
}

// The GeoPackage writes a hidden figure as NULL, as it writes "not applicable"; the CSV must
// say "geheim" for the first and stay empty for the second. The scan's rules tell them apart:
// a count is never NULL unless hidden; rate and rank are hidden with their count; sig_ is always
// a word unless hidden, and with it exp_, chg_, p_ and trend_ where the theme has trends
// (`trendSlots`: the scan computes them for a theme with enough registrations on every level
// with hotspots, so one level's trends tell for all); the total's peak hour and Gi*/LISA
// classes are hidden with the total.
// The themes with a trend_ value anywhere.
std::set<std::string> slotsWithTrends(const std::vector<gis::Table>& levels)
{
    std::set<std::string> out;
    const std::string prefix(schema::field::trend);
    for (const auto& t : levels)
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            if (t.columns[c].name.rfind(prefix, 0) != 0) continue;
            for (const auto& r : t.rows)
                if (!isNull(r[c])) out.insert(t.columns[c].name.substr(prefix.size()));
        }
    return out;
}

void markHidden(gis::Table& t, const ScanSummary& s, const std::set<std::string>& trendSlots)
{
    std::vector<std::string> slots{std::string(schema::kTotalTheme), std::string(schema::kOtherTheme)};
    for (const auto& th : s.themes) slots.push_back(th.id);
    const auto hide = [&](std::size_t row, int col) {
        if (col >= 0 && isNull(t.rows[row][static_cast<std::size_t>(col)]))
            t.rows[row][static_cast<std::size_t>(col)] = gis::Suppressed{};
    };
    namespace fld = schema::field;
    for (const auto& slot : slots) {
        const int n = columnIndex(t, std::string(fld::count) + slot);
        if (n < 0) continue;
        const int sig = columnIndex(t, std::string(fld::significance) + slot);
        const int trend = columnIndex(t, std::string(fld::trend) + slot);
        const bool hasTrends = trendSlots.count(slot) > 0 && columnIndex(t, std::string(fld::giBin)) >= 0;
        const bool total = slot == schema::kTotalTheme;
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const bool countHidden = isNull(t.rows[r][static_cast<std::size_t>(n)]);
            const bool derivedHidden = sig >= 0 && isNull(t.rows[r][static_cast<std::size_t>(sig)]);
            if (countHidden) {
                hide(r, n);
                for (auto id : {fld::rate, fld::rank}) hide(r, columnIndex(t, std::string(id) + slot));
                if (total)
                    for (auto id : {fld::peakTotal, fld::giBin, fld::giLabel, fld::lisaQ, fld::lisaQuadrant})
                        hide(r, columnIndex(t, std::string(id)));
            }
            if (derivedHidden) {
                for (auto id : {fld::expected, fld::changePct, fld::changeP, fld::significance})
                    hide(r, columnIndex(t, std::string(id) + slot));
                if (hasTrends) hide(r, trend);
            }
        }
    }
}

std::string levelTitle(const std::string& level)
{
    if (level.empty()) return level;
    std::string t = level;
    t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
    return t;
}

} // namespace

std::string defaultStyleField(const gis::Table& table)
{
    const auto hasData = [&](const std::string& name) {
        const int c = columnIndex(table, name);
        if (c < 0) return false;
        for (const auto& r : table.rows) {
            const auto& v = r[static_cast<std::size_t>(c)];
            if (const auto* i = std::get_if<std::int64_t>(&v); i && *i > 0) return true;
            if (const auto* d = std::get_if<double>(&v); d && *d > 0) return true;
        }
        return false;
    };
    const std::string total = std::string(schema::field::count) + std::string(schema::kTotalTheme);
    if (hasData(total)) return total;
    for (const auto& c : table.columns) {
        if (c.name.rfind(schema::field::count, 0) != 0 || c.name == total) continue;
        if (c.name == std::string(schema::field::count) + std::string(schema::kOtherTheme)) continue;
        if (hasData(c.name)) return c.name;
    }
    return {};
}

ExportResult runExportJob(const ExportOptions& o, Reporter& reporter)
{
    if (!fs::is_directory(o.scanDir)) throw InputError("scanmap '" + o.scanDir.string() + "' bestaat niet");
    {
        // The package folder is replaced as a whole: never the scan folder itself, nor around or inside it.
        const auto scan = fs::weakly_canonical(fs::absolute(o.scanDir));
        const auto out = fs::weakly_canonical(fs::absolute(o.outDir));
        const auto within = [](const fs::path& inner, const fs::path& outer) {
            const auto [o2, i2] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
            return o2 == outer.end();
        };
        if (within(out, scan) || within(scan, out))
            throw InputError("--out '" + o.outDir.string() +
                             "' is de scanmap zelf of ligt erin of eromheen; kies een " +
                             "eigen map voor het pakket (die wordt als geheel vervangen)");
    }
    const auto summary = readSummary(o.scanDir);
    if (summary.audience == "intern")
        throw ExportRefused(
            fmt::format("'{}' is gemaakt voor gebruik binnen de politie (gebiedscan scan --internal): kleine "
                        "aantallen zijn niet geheim gemaakt, dus deze map mag niet naar buiten. Maak de scan "
                        "opnieuw zonder --internal en exporteer die.",
                        o.scanDir.string()),
            {});
    if (summary.audience != "extern")
        throw ExportRefused(fmt::format("'{}': summary.json zegt niet voor wie de map is (audience); alleen een "
                                        "scan voor buiten de politie (extern) wordt geëxporteerd",
                                        o.scanDir.string()),
                            {});
    if (!o.report.empty() && !fs::is_regular_file(o.report))
        throw InputError("rapport '" + o.report.string() + "' bestaat niet (maak het met gebiedscan report)");

    const auto model = loadScanModel(o.model.empty() ? defaultModelPath() : o.model);
    reporter.info("Controle op herleidbaarheid (gebiedscan audit) ...");
    auto audit = auditScanFolder(o.scanDir, model);
    if (!audit.passed()) {
        // The message first: the audit is moved into the exception.
        const std::string message =
            fmt::format("'{}' haalt de controle op herleidbaarheid niet ({} bevinding(en), {} geheime aantallen te "
                        "herleiden of te vernauwen): niets geëxporteerd",
                        o.scanDir.string(), audit.findings.size(), audit.narrowed);
        throw ExportRefused(message, std::move(audit));
    }
    reporter.info(fmt::format("Controle geslaagd: {} cellen, {} geheim, {} optellingen", audit.cells, audit.hiddenCells,
                              audit.relations));

    // The area levels and the figures, from the audited GeoPackage; nothing else (no points).
    const fs::path gpkg = o.scanDir / "gebiedscan.gpkg";
    std::map<std::string, gis::LayerInfo> layers;
    for (auto& info : gis::listLayers(gpkg.string())) layers.emplace(info.name, std::move(info));
    ExportPackage package;
    package.scanDir = o.scanDir;
    package.report = o.report;
    if (o.report.empty()) package.writeReport = o.writeReport;
    package.summary = summary.json;
    package.model = &model;
    package.audit = &audit;
    package.write.workingCrs = summary.workingCrs;
    package.write.dutchCsv = true;
    std::vector<std::string> levels = summary.levels;
    if (levels.empty()) levels.push_back("gebied");
    const auto& baseSpec = *schema::layer(schema::role::scanAreas);
    const auto& levelSpec = *schema::layer(schema::role::scanAreaLevel);
    for (std::size_t l = 0; l < levels.size(); ++l) {
        const std::string layerName = l == 0 ? std::string(baseSpec.name) : std::string(levelSpec.name) + levels[l];
        const auto it = layers.find(layerName);
        if (it == layers.end()) throw InputError("'" + gpkg.string() + "' mist de laag " + layerName);
        if (!it->second.spatial || it->second.geometryType.find("Polygon") == std::string::npos)
            throw InputError("'" + gpkg.string() + "', laag " + layerName + ": geen vlakken");
        package.levels.push_back(readTable(gpkg, it->second, l == 0 ? baseSpec : levelSpec, summary));
    }
    const auto trendSlots = slotsWithTrends(package.levels);
    for (std::size_t l = 0; l < levels.size(); ++l) {
        auto& table = package.levels[l];
        markHidden(table, summary, trendSlots);
        ExportedLevel e;
        e.level = levels[l];
        e.name = "gebiedscan_" + levels[l];
        e.areas = table.rows.size();
        e.styleField = defaultStyleField(table);
        if (e.styleField.empty()) e.styleField = std::string(schema::field::count) + std::string(schema::kTotalTheme);
        const int c = columnIndex(table, e.styleField);
        std::vector<double> values;
        for (const auto& r : table.rows) {
            const Value& v = c >= 0 ? r[static_cast<std::size_t>(c)] : Value();
            values.push_back(std::holds_alternative<std::int64_t>(v) ? static_cast<double>(std::get<std::int64_t>(v))
                             : std::holds_alternative<double>(v)     ? std::get<double>(v)
                                                                     : std::numeric_limits<double>::quiet_NaN());
        }
        e.legend = computeMapLegend(values);
        const auto shortNames = gis::shortFieldNames(table.columns);
        e.styleFieldShp = c >= 0 ? shortNames[static_cast<std::size_t>(c)] : e.styleField.substr(0, 10);
        const std::string theme = e.styleField.substr(schema::field::count.size());
        e.styleTitle = fmt::format("{}: registraties {}{}", levelTitle(levels[l]), themeLabel(summary, theme),
                                   summary.current.empty() ? "" : ", " + summary.current);
        table.name = e.name;
        package.styled.push_back(std::move(e));
    }
    if (const auto it = layers.find(std::string(schema::layer(schema::role::scanFigures)->name)); it != layers.end()) {
        auto figures = readTable(gpkg, it->second, *schema::layer(schema::role::scanFigures), summary);
        const int count = columnIndex(figures, std::string(schema::field::countValue));
        for (auto& r : figures.rows)
            if (count >= 0 && isNull(r[static_cast<std::size_t>(count)]))
                r[static_cast<std::size_t>(count)] = gis::Suppressed{};
        figures.name = "gebiedscan_cijfers";
        package.figures = std::move(figures);
    }

    ExportResult result;
    const auto written = writeExportPackage(package, o.outDir, o.zip);
    result.files = written.files;
    result.zip = written.zip;
    result.levels = std::move(package.styled);
    result.audit = std::move(audit);
    return result;
}

} // namespace gebiedscan::pipeline
