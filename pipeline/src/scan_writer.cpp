// Turns scan figures into output tables and writes them: GeoPackage, Shapefile, CSV, GeoJSON,
// summary.json and a Dutch explanatory note.
#include "gebiedscan/pipeline/scan_writer.hpp"

#include "gebiedscan/pipeline/accounting_report.hpp"
#include "gebiedscan/pipeline/output_schema.hpp"
#include "gebiedscan/pipeline/source_credit.hpp"

#include "gebiedscan/pipeline/local_hotspots.hpp"

#include "gebiedscan/core/contiguity.hpp"
#include "gebiedscan/core/emerging_hotspots.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/atomic_output.hpp"
#include "gebiedscan/gis/output_folder.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <unordered_map>

namespace gebiedscan::pipeline {

namespace fs = std::filesystem;
using gis::Column;
using gis::Value;

namespace {

double round(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

std::string changeLabel(ChangeFlag flag)
{
    switch (flag) {
    case ChangeFlag::Rise: return "stijging";
    case ChangeFlag::Fall: return "daling";
    case ChangeFlag::None: break;
    }
    return "geen significante verandering";
}

struct SlotInfo {
    std::size_t slot;
    std::string id;
    std::string label;
};

std::vector<SlotInfo> slots(const ScanFigures& f)
{
    std::vector<SlotInfo> out{{f.totalSlot(), std::string(schema::kTotalTheme), "alle thema's"}};
    for (std::size_t t = 0; t < f.model().themes.size(); ++t)
        out.push_back({t, f.model().themes[t].id, f.model().themes[t].number + " " + f.model().themes[t].labelNl});
    out.push_back({f.overigSlot(), std::string(schema::kOtherTheme), "overig (onbekende categorie)"});
    return out;
}

std::vector<std::string> levelNames(const AreaHierarchy& h)
{
    std::vector<std::string> names;
    for (std::size_t l = 0; l < h.levels.size(); ++l) {
        std::string n = h.levels[l].name;
        if (std::find(names.begin(), names.end(), n) != names.end()) n += std::to_string(l);
        names.push_back(n);
    }
    return names;
}

// "vr 22-23 uur": the busiest hour of the week.
std::string peakText(const HotTimes& t)
{
    const int h = t.peakHour();
    if (h < 0) return {};
    return fmt::format("{} {:02}-{:02} uur", dutchDayShort(h / 24), h % 24, h % 24 + 1);
}

// Outside the police Gi* and LISA go out as classes only: a z, p or I of published neighbours
// solves the hidden counts around them (issue 13).
bool isHotspotNumber(const std::string& id)
{
    return id == "gi_z" || id == "gi_p" || id == "gi_p_adj" || id == "lisa_i" || id == "lisa_z" || id == "lisa_p" ||
           id == "lisa_p_adj" || id.rfind("gi_z_", 0) == 0 || id.rfind("gi_p_", 0) == 0;
}

// The theme slot of a hotspot class column ("gi_bin" the total, "gi_bin_geweld" geweld); nullopt for
// any other column.
std::optional<std::size_t> hotspotClassSlot(const ScanResult& r, const std::string& id)
{
    for (const std::string prefix : {"gi_bin", "gi_label", "lisa_q", "lisa_kwadrant"}) {
        if (id == prefix) return r.figures->totalSlot();
        if (id.size() > prefix.size() + 1 && id.rfind(prefix + "_", 0) == 0)
            if (const auto t = r.model.themeIndex(id.substr(prefix.size() + 1))) return *t;
    }
    return std::nullopt;
}

// Drops the hotspot numbers of an extern table and hides an area's class where its count is hidden.
void publishHotspotClassesOnly(const ScanResult& r, std::size_t level, gis::Table& t)
{
    const ScanProtection* mask = r.suppression.get();
    if (!mask) return;
    const std::size_t cur = r.figures->currentPeriod();
    std::vector<bool> keep(t.columns.size());
    std::vector<std::optional<std::size_t>> classSlot(t.columns.size());
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        keep[c] = !isHotspotNumber(t.columns[c].name);
        classSlot[c] = hotspotClassSlot(r, t.columns[c].name);
    }
    for (std::size_t a = 0; a < t.rows.size(); ++a) {
        std::vector<Value> row;
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            if (!keep[c]) continue;
            const bool hidden = classSlot[c] && mask->theme(level, a, *classSlot[c], cur);
            row.push_back(hidden ? Value(gis::Suppressed{}) : std::move(t.rows[a][c]));
        }
        t.rows[a] = std::move(row);
    }
    std::vector<gis::Column> columns;
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (keep[c]) columns.push_back(std::move(t.columns[c]));
    t.columns = std::move(columns);
}

// Layer `hotspots`: the finest level's areas, one row each: the total's statistics under the
// plain names (gi_z, gi_bin, ... as `gebiedscan hotspots` writes them) and, per theme with enough
// registrations, gi_z_<theme>, gi_p_<theme>, gi_bin_<theme>, gi_label_<theme>, lisa_q_<theme>.
gis::Table hotspotTable(const ScanResult& r, const LevelHotspots& h, const LocalHotspotOptions& options)
{
    const auto& lv = r.areas.levels[0];
    namespace fld = schema::field;
    const auto& spec = *schema::layer(schema::role::scanHotspots);
    gis::Table t;
    t.name = std::string(spec.name);
    schema::tag(t, spec.role);
    t.columns = {schema::column(spec, fld::code), schema::column(spec, fld::name)};
    const auto stats = hotspotColumns(options, "queen", true);
    t.columns.insert(t.columns.end(), stats.begin(), stats.end());
    for (std::size_t k = 1; k < h.slots.size(); ++k) {
        const auto& theme = r.model.themes[h.slots[k]];
        const std::string what = theme.number + " " + theme.labelNl;
        for (auto id : {fld::themeGiZ, fld::themeGiP, fld::themeGiBin, fld::themeGiLabel, fld::themeLisaQ})
            t.columns.push_back(schema::column(spec, id, theme.id, what));
    }
    t.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    for (std::size_t a = 0; a < lv.size(); ++a) {
        std::vector<Value> row;
        row.emplace_back(lv.codes[a]);
        row.emplace_back(lv.names[a]);
        appendHotspotValues(row, h.results[0], h.weights, a, options, true);
        for (std::size_t k = 1; k < h.results.size(); ++k) {
            const auto& res = h.results[k];
            const bool island = h.weights.isIsland(a);
            row.emplace_back(res.gi.z[a]);
            row.emplace_back(res.giClass.pAdjusted[a]);
            row.emplace_back(static_cast<std::int64_t>(res.giClass.bins[a]));
            row.emplace_back(std::string(hotspotLabel(res.giClass.bins[a], island)));
            row.emplace_back(std::string(lisaLabel(res.lisa.quadrant[a], !island && res.lisaPAdj[a] <= options.alpha)));
        }
        t.rows.push_back(std::move(row));
        gis::FeatureGeometry g;
        g.kind = gis::FeatureGeometry::Kind::Polygon;
        g.polygons = r.geometries[0][a];
        t.geometries.push_back(std::move(g));
    }
    return t;
}

gis::Table areaTable(const ScanResult& r, std::size_t level, const std::string& tableName)
{
    const ScanProtection* mask = r.suppression.get();
    const auto& hotTimes = r.hotTimes;
    const auto& hotspots = r.hotspots[level];
    const auto& hotspotOptions = r.hotspotOptions;
    const auto& trends = r.trends[level];
    const auto& f = *r.figures;
    const auto& lv = r.areas.levels[level];
    const std::size_t cur = f.currentPeriod();
    namespace fld = schema::field;
    const auto& spec = *schema::layer(level == 0 ? schema::role::scanAreas : schema::role::scanAreaLevel);
    gis::Table t;
    t.name = tableName;
    schema::tag(t, spec.role);
    for (auto id : {fld::code, fld::name, fld::level, fld::parentCode, fld::population, fld::peakTotal})
        t.columns.push_back(schema::column(spec, id));
    const bool withHotspots = !hotspots.results.empty();
    if (withHotspots) {
        const auto stats = hotspotColumns(hotspotOptions, "queen", false);
        t.columns.insert(t.columns.end(), stats.begin(), stats.end());
    }
    const auto all = slots(f);
    for (const auto& s : all)
        for (auto id : {fld::count, fld::expected, fld::changePct, fld::changeP, fld::significance, fld::rate,
                        fld::rank, fld::trend})
            t.columns.push_back(schema::column(spec, id, s.id, s.label));
    const auto* parentLevel = level + 1 < r.areas.levels.size() ? &r.areas.levels[level + 1] : nullptr;
    for (std::size_t a = 0; a < lv.size(); ++a) {
        std::vector<Value> row;
        row.emplace_back(lv.codes[a]);
        row.emplace_back(lv.names[a]);
        row.emplace_back(lv.name);
        const auto parent = lv.parent.empty() ? -1 : lv.parent[a];
        row.emplace_back(parent >= 0 && parentLevel ? Value(parentLevel->codes[static_cast<std::size_t>(parent)])
                                                    : Value());
        row.emplace_back(lv.population[a] ? Value(static_cast<std::int64_t>(std::llround(*lv.population[a])))
                                          : Value());
        const auto hot = hotTimes[level].find(a * f.themeSlots() + f.totalSlot());
        if (mask && mask->theme(level, a, f.totalSlot(), cur))
            row.emplace_back(gis::Suppressed{});
        else
            row.emplace_back(hot == hotTimes[level].end() ? Value() : Value(peakText(hot->second)));
        if (withHotspots)
            appendHotspotValues(row, hotspots.results.front(), hotspots.weights, a, hotspotOptions, false);
        for (const auto& s : all) {
            const bool hideCount = mask && mask->theme(level, a, s.slot, cur);
            const bool hideDerived = mask && mask->anyPeriod(level, a, s.slot);
            const auto& ch = f.change(level, a, s.slot);
            row.emplace_back(hideCount ? Value(gis::Suppressed{})
                                       : Value(static_cast<std::int64_t>(f.themeCount(level, a, s.slot, cur))));
            if (hideDerived) {
                for (int k = 0; k < 4; ++k) row.emplace_back(gis::Suppressed{});
            } else {
                row.emplace_back(round(ch.expected, 2));
                row.emplace_back(ch.changePct ? Value(round(*ch.changePct, 1)) : Value());
                row.emplace_back(round(ch.pValue, 4));
                row.emplace_back(changeLabel(ch.flag));
            }
            const auto rate = f.ratePer1000(level, a, s.slot);
            row.emplace_back(hideCount ? Value(gis::Suppressed{}) : rate ? Value(round(*rate, 2)) : Value());
            row.emplace_back(hideCount ? Value(gis::Suppressed{})
                                       : Value(static_cast<std::int64_t>(f.rank(level, a, s.slot))));
            if (trends[s.slot].empty())
                row.emplace_back();
            else if (hideDerived) // the trend is read from every period's counts
                row.emplace_back(gis::Suppressed{});
            else
                row.emplace_back(std::string(emergingLabelNl(trends[s.slot][a])));
        }
        t.rows.push_back(std::move(row));
    }
    t.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    for (const auto& g : r.geometries[level]) {
        gis::FeatureGeometry fg;
        fg.kind = gis::FeatureGeometry::Kind::Polygon;
        fg.polygons = g;
        t.geometries.push_back(std::move(fg));
    }
    return t;
}

// Long format: one row per level, area, theme (or category) and period with a count in any
// period. Zero rows are left out (sparse); a missing row means 0, never "geheim".
gis::Table figuresTable(const ScanResult& r)
{
    const ScanProtection* mask = r.suppression.get();
    const auto& f = *r.figures;
    const auto& model = r.model;
    namespace fld = schema::field;
    const auto& spec = *schema::layer(schema::role::scanFigures);
    gis::Table t;
    t.name = std::string(spec.name);
    schema::tag(t, spec.role);
    for (auto id : {fld::level, fld::areaCode, fld::themeNumber, fld::theme, fld::category, fld::period,
                    fld::periodRole, fld::countValue})
        t.columns.push_back(schema::column(spec, id));
    std::vector<std::size_t> catSlot(f.categorySlots(), f.overigSlot());
    for (std::size_t c = 0; c + 1 < f.categorySlots(); ++c) catSlot[c] = *model.themeIndex(model.categories[c].themeId);
    const auto themeNumber = [&](std::size_t s) {
        return s < model.themes.size() ? model.themes[s].number : std::string();
    };
    const auto themeName = [&](std::size_t s) {
        return s < model.themes.size() ? model.themes[s].labelNl
               : s == f.totalSlot()    ? std::string("Totaal")
                                       : std::string("Overig");
    };
    for (std::size_t l = 0; l < r.areas.levels.size(); ++l) {
        const auto& lv = r.areas.levels[l];
        for (std::size_t a = 0; a < lv.size(); ++a) {
            const auto emit = [&](std::size_t slot, const std::string& category, auto count, auto hidden) {
                bool any = false;
                // A hidden zero (a secondary suppression) must be written as hidden: left out it reads as 0.
                for (std::size_t p = 0; p < f.periods(); ++p) any = any || count(p) > 0 || hidden(p);
                if (!any) return;
                for (std::size_t p = 0; p < f.periods(); ++p) {
                    const auto& period = model.periods[p];
                    t.rows.push_back(
                        {lv.name, lv.codes[a], themeNumber(slot), themeName(slot), category, period.id,
                         std::string(period.current ? "huidig" : "referentie"),
                         hidden(p) ? Value(gis::Suppressed{}) : Value(static_cast<std::int64_t>(count(p)))});
                }
            };
            for (std::size_t s = 0; s < f.themeSlots(); ++s)
                emit(
                    s, "", [&](std::size_t p) { return f.themeCount(l, a, s, p); },
                    [&](std::size_t p) { return mask && mask->theme(l, a, s, p); });
            for (std::size_t c = 0; c < f.categorySlots(); ++c) {
                const std::string name =
                    c < model.categories.size() ? model.categories[c].labelNl : "onbekende categorie";
                emit(
                    catSlot[c], name, [&](std::size_t p) { return f.categoryCount(l, a, c, p); },
                    [&](std::size_t p) { return mask && mask->category(l, a, c, p); });
            }
        }
    }
    return t;
}

// Hour-of-week table of the current period: per level, area and theme with events, 7 rows
// (ma..zo) of 24 hourly weights. Aoristic weights are fractions; a hidden count hides its table.
gis::Table hotTimesTable(const ScanResult& r)
{
    const ScanProtection* mask = r.suppression.get();
    const auto& hotTimes = r.hotTimes;
    const auto& f = *r.figures;
    namespace fld = schema::field;
    const auto& spec = *schema::layer(schema::role::scanHotTimes);
    gis::Table t;
    t.name = std::string(spec.name);
    schema::tag(t, spec.role);
    for (auto id : {fld::level, fld::areaCode, fld::theme, fld::day}) t.columns.push_back(schema::column(spec, id));
    for (int h = 0; h < 24; ++h)
        t.columns.push_back(
            schema::column(spec, fld::hour, fmt::format("{:02}", h), fmt::format("{:02}:00-{:02}:00", h, h + 1)));
    const auto all = slots(f);
    for (std::size_t l = 0; l < r.areas.levels.size(); ++l) {
        const auto& lv = r.areas.levels[l];
        for (std::size_t a = 0; a < lv.size(); ++a)
            for (const auto& s : all) {
                const auto it = hotTimes[l].find(a * f.themeSlots() + s.slot);
                if (it == hotTimes[l].end() || it->second.events() == 0) continue;
                const bool hidden = mask && mask->theme(l, a, s.slot, f.currentPeriod());
                for (int d = 0; d < 7; ++d) {
                    std::vector<Value> row;
                    row.reserve(28);
                    row.emplace_back(lv.name);
                    row.emplace_back(lv.codes[a]);
                    row.emplace_back(s.id);
                    row.emplace_back(std::string(dutchDayShort(d)));
                    for (int h = 0; h < 24; ++h)
                        row.push_back(hidden ? Value(gis::Suppressed{}) : Value(round(it->second.at(d, h), 2)));
                    t.rows.push_back(std::move(row));
                }
            }
    }
    return t;
}

std::string periodText(const ScanModel& m)
{
    std::string cur, refs;
    for (const auto& p : m.periods) {
        const std::string span =
            formatLocalTime(p.from, true) + " t/m " + formatLocalTime(LocalTime{p.to.seconds - kSecondsPerDay}, true);
        if (p.current)
            cur = p.id + " (" + span + ")";
        else
            refs += (refs.empty() ? "" : ", ") + p.id + " (" + span + ")";
    }
    return "huidig: " + cur + "; referentie: " + (refs.empty() ? "geen" : refs);
}

} // namespace

std::vector<fs::path> writeScanOutputs(const ScanResult& r, const ScanOptions& o)
{
    // Every file goes into a staging folder swapped in as a whole at the end (issue 18).
    gis::OutputFolder folder(o.outDir, "gebiedscan scan " GEBIEDSCAN_VERSION);
    const fs::path& dir = folder.path();
    const auto names = levelNames(r.areas);

    const std::string& suppression = r.suppressionRule;
    const ScanProtection* mask = r.suppression.get();
    gis::WriteOptions w;
    w.workingCrs = o.workingCrs;
    w.dutchCsv = o.dutchCsv;
    w.metadata = {{"bron_registraties", r.incidentsDescription},
                  {"bron_gebieden", r.areasDescription.empty() ? "raster " + r.grid : r.areasDescription},
                  {"periode", periodText(r.model)},
                  {"onderdrukking", suppression},
                  {"model", r.model.name},
                  {"gemaakt_met", "gebiedscan " GEBIEDSCAN_VERSION}};
    const std::vector<SourceRecord> sources = scanSources(r, o);
    w.metadata[kBronKey] = bronMetadata(sources);

    std::vector<gis::Table> tables;
    for (std::size_t l = 0; l < r.areas.levels.size(); ++l)
        tables.push_back(areaTable(r, l,
                                   l == 0 ? std::string(schema::layer(schema::role::scanAreas)->name)
                                          : std::string(schema::layer(schema::role::scanAreaLevel)->name) + names[l]));
    if (!r.hotspots[0].results.empty()) tables.push_back(hotspotTable(r, r.hotspots[0], r.hotspotOptions));
    for (std::size_t l = 0; l < r.areas.levels.size(); ++l) publishHotspotClassesOnly(r, l, tables[l]);
    if (!r.hotspots[0].results.empty()) publishHotspotClassesOnly(r, 0, tables[r.areas.levels.size()]);
    tables.push_back(hotTimesTable(r));
    tables.push_back(figuresTable(r));
    for (auto& t : tables) t.metadata[kBronKey] = w.metadata[kBronKey]; // credits per layer, for the viewer

    std::vector<fs::path> written;
    const fs::path gpkg = dir / "gebiedscan.gpkg";
    gis::writeGeoPackage(gpkg, tables, w);
    written.push_back(gpkg);
    for (std::size_t l = 0; l < r.areas.levels.size(); ++l) {
        const std::string stem = "gebiedscan_" + names[l];
        gis::writeShapefile(dir / (stem + ".shp"), tables[l], w);
        written.push_back(dir / (stem + ".shp"));
        gis::writeCsv(dir / (stem + ".csv"), tables[l], w);
        written.push_back(dir / (stem + ".csv"));
        gis::writeGeoJson(dir / (stem + ".geojson"), tables[l], w);
        written.push_back(dir / (stem + ".geojson"));
    }
    gis::writeCsv(dir / "gebiedscan_cijfers.csv", schema::tableWithRole(tables, schema::role::scanFigures), w);
    written.push_back(dir / "gebiedscan_cijfers.csv");
    gis::writeCsv(dir / "gebiedscan_tijden.csv", schema::tableWithRole(tables, schema::role::scanHotTimes), w);
    written.push_back(dir / "gebiedscan_tijden.csv");

    // summary.json: the record accounting and what was used.
    const auto& acc = r.accounting;
    nlohmann::ordered_json s;
    writeAccountingJson(acc, s);
    s["incidents"] = {{"source", r.incidentsDescription}, {"crs", r.incidentsCrs}};
    s["areas"] = {{"source", r.areasDescription}, {"grid", o.grid}, {"repaired_polygons", r.repairedAreas}};
    s["fields"] = r.fieldsUsed;
    nlohmann::ordered_json sourceList = nlohmann::ordered_json::array();
    for (const auto& src : sources)
        sourceList.push_back({{"role", src.role},
                              {"description", src.description},
                              {"credit", src.credit},
                              {"synthetic", src.synthetic}});
    s["sources"] = sourceList;
    s["working_crs"] = o.workingCrs;
    s["model"] = r.model.name;
    nlohmann::ordered_json periods = nlohmann::ordered_json::array();
    for (const auto& p : r.model.periods)
        periods.push_back({{"id", p.id},
                           {"role", p.current ? "current" : "reference"},
                           {"from", formatLocalTime(p.from, true)},
                           {"to_exclusive", formatLocalTime(p.to, true)}});
    s["periods"] = periods;
    nlohmann::ordered_json themes = nlohmann::ordered_json::array();
    for (const auto& t : r.model.themes)
        themes.push_back(
            {{"id", t.id}, {"number", t.number}, {"veld", t.veld}, {"label", t.labelNl}, {"label_en", t.labelEn}});
    s["themes"] = themes;
    s["periods_detected_from_data"] = r.periodsDetected;
    nlohmann::ordered_json levels = nlohmann::ordered_json::array();
    for (std::size_t l = 0; l < r.areas.levels.size(); ++l)
        levels.push_back({{"level", names[l]}, {"areas", r.areas.levels[l].size()}});
    s["levels"] = levels;
    s["audience"] = o.internal ? "intern" : "extern";
    s["suppression"] = {{"rule", suppression},
                        {"suppressed_cells", mask ? mask->suppressedCells() : 0},
                        {"primary_cells", r.protection.primaries},
                        {"secondary_cells", r.protection.secondaries},
                        {"audit_passed", mask ? r.protection.auditPassed : false}};
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& p : written) files.push_back(p.filename().string());
    s["outputs"] = files;
    gis::writeTextFile(dir / "summary.json", s.dump(2) + "\n");
    written.push_back(dir / "summary.json");

    std::string note =
        fmt::format("Gebiedscan - toelichting\n========================\n\n"
                    "Model:        {}\nRegistraties: {}\nGebieden:     {}\nPeriode:      {}\n"
                    "Coordinaten:  {} (GeoJSON: WGS84)\nOnderdrukking: {}\n\n"
                    "Verantwoording van de registraties ({} in totaal):\n"
                    "  toegewezen aan een gebied:      {}\n  buiten alle gebieden:           {}\n"
                    "  geen of ongeldige locatie:      {}\n  datum onleesbaar of buiten periode: {}\n"
                    "  onbekende categorie (overig):   {}\n\n"
                    "Verandering: huidige periode tegen de referentieperiode(n), herschaald naar dezelfde lengte;\n"
                    "toets: exacte voorwaardelijke toets van twee Poisson-aantallen (tweezijdig, alfa {}).\n"
                    "Velden van de Shapefile heten kort (max. 10 tekens); zie gebiedscan_<niveau>_velden.csv.\n",
                    r.model.name, r.incidentsDescription, w.metadata["bron_gebieden"], periodText(r.model),
                    o.workingCrs, suppression, acc.inputRecords, acc.assigned, acc.outside, acc.invalidGeometry,
                    acc.badDate, acc.unknownCategory, r.model.significance);
    gis::writeTextFile(dir / "toelichting.txt", note);
    written.push_back(dir / "toelichting.txt");
    folder.commit();
    for (auto& file : written) file = folder.target() / file.filename();
    return written;
}

} // namespace gebiedscan::pipeline
