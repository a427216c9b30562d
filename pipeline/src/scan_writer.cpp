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

#include <algorithm>
#include <cmath>
#include <exception>
#include <fstream>
#include <functional>
#include <thread>
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
    std::vector<SlotInfo> out{
        {f.totalSlot(), std::string(schema::kTotalTheme), "alle registraties (thema's en overig)"}};
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

// What the peak column and the summary say when no registration has a time of day.
constexpr std::string_view kNoTimeOfDay = "geen tijdstip bekend";
// sig_ of a theme with no registration in the current nor in any reference period.
constexpr std::string_view kNoRegistrations = "geen registraties";

// --levels: which of `names` to write (all when none are asked for); an unknown name is an error.
std::vector<bool> chooseLevels(const std::vector<std::string>& names, const std::vector<std::string>& asked)
{
    std::vector<bool> wanted(names.size(), asked.empty());
    for (const auto& a : asked) {
        const auto it = std::find(names.begin(), names.end(), a);
        if (it == names.end()) {
            std::string known;
            for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
            throw InputError("--levels: deze scan heeft geen niveau '" + a + "' (niveaus: " + known + ")");
        }
        wanted[static_cast<std::size_t>(it - names.begin())] = true;
    }
    return wanted;
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
    std::vector<bool> keep(t.columns.size());
    std::vector<std::optional<std::size_t>> classSlot(t.columns.size());
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        keep[c] = !isHotspotNumber(t.columns[c].name);
        classSlot[c] = hotspotClassSlot(r, t.columns[c].name);
    }
    std::vector<gis::Column> columns;
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (keep[c]) columns.push_back(std::move(t.columns[c]));
    t.columns = std::move(columns);
    // The rows as they stream by: the numbers left out, the classes kept.
    t.rowStream = [&r, mask, level, keep, classSlot, rows = std::move(t.rowStream)](const gis::RowSink& sink) {
        const std::size_t cur = r.figures->currentPeriod();
        std::vector<Value> out;
        std::size_t a = 0;
        rows([&](const std::vector<Value>& row, const gis::FeatureGeometry* geometry) {
            out.clear();
            for (std::size_t c = 0; c < row.size(); ++c) {
                if (!keep[c]) continue;
                // Classes from the protected table tell nothing the counts do not; else hidden with the count.
                const bool hidden = classSlot[c] && !r.hotspotsOnProtectedTable &&
                                    (mask->rounded() || mask->theme(level, a, *classSlot[c], cur));
                out.push_back(hidden ? Value(gis::Suppressed{}) : row[c]);
            }
            sink(out, geometry);
            ++a;
        });
    };
}

// Layer `hotspots`: the finest level's areas, one row each: the total's statistics under the
// plain names (gi_z, gi_bin, ... as `gebiedscan hotspots` writes them) and, per theme with enough
// registrations, gi_z_<theme>, gi_p_<theme>, gi_bin_<theme>, gi_label_<theme>, lisa_q_<theme>.
gis::Table hotspotTable(const ScanResult& r, const LevelHotspots& h, const LocalHotspotOptions& options)
{
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
    t.rowStream = [&r, &h, &options](const gis::RowSink& sink) {
        const auto& lv = r.areas.levels[0];
        std::vector<Value> row;
        gis::FeatureGeometry geometry;
        geometry.kind = gis::FeatureGeometry::Kind::Polygon;
        for (std::size_t a = 0; a < lv.size(); ++a) {
            row.clear();
            row.emplace_back(lv.codes[a]);
            row.emplace_back(lv.names[a]);
            appendHotspotValues(row, h.results[0], h.weights, a, options, true);
            for (std::size_t k = 1; k < h.results.size(); ++k) {
                const auto& res = h.results[k];
                const bool island = h.weights.isIsland(a);
                row.emplace_back(res.gi.z[a]);
                row.emplace_back(res.giClass.pAdjusted[a]);
                row.emplace_back(static_cast<std::int64_t>(res.giClass.bins[a]));
                row.emplace_back(std::string(hotspotLabel(res.giClass.bins[a], island && res.giClass.bins[a] == 0)));
                row.emplace_back(
                    std::string(lisaLabel(res.lisa.quadrant[a], !island && res.lisaPAdj[a] <= options.alpha)));
            }
            geometry.polygons = r.geometries[0][a];
            sink(row, &geometry);
        }
    };
    return t;
}

// The survey's columns of one area: its own figures at the survey's level, its survey area's
// (marked by survey_niveau and survey_code) below it, none above it.
void appendSurveyValues(std::vector<Value>& row, const ScanSurvey& survey, const ScanResult& r, std::size_t level,
                        std::size_t a)
{
    const auto optional = [](const std::optional<double>& v, int decimals) {
        return v ? Value(round(*v, decimals)) : Value();
    };
    const bool shown = survey.cell(level, a, 0) != nullptr;
    const auto& surveyLevel = r.areas.levels[survey.level];
    const auto from = shown ? static_cast<std::size_t>(survey.source[level][a]) : 0;
    row.push_back(shown ? Value(surveyLevel.name) : Value());
    row.push_back(shown ? Value(surveyLevel.codes[from]) : Value());
    bool anyValue = false;
    for (std::size_t x = 0; x < survey.table.indicators.size(); ++x) {
        const SurveyCell* c = survey.cell(level, a, x);
        if (!c) {
            for (int k = 0; k < 5; ++k) row.emplace_back();
            continue;
        }
        anyValue = anyValue || c->value.has_value();
        row.push_back(optional(c->value, 2));
        row.push_back(c->n ? Value(static_cast<std::int64_t>(std::llround(*c->n))) : Value());
        row.push_back(optional(c->low, 2));
        row.push_back(optional(c->high, 2));
        row.emplace_back(quadrantLabel(c->quadrant));
    }
    row.push_back(anyValue ? Value(static_cast<std::int64_t>(survey.candidate(from) ? 1 : 0)) : Value());
}

void appendAreaValues(std::vector<Value>& row, const ScanResult& r, std::size_t level, std::size_t a, bool withHotspots,
                      const std::vector<SlotInfo>& all);

gis::Table areaTable(const ScanResult& r, std::size_t level, const std::string& tableName)
{
    const auto& hotspots = r.hotspots[level];
    const auto& hotspotOptions = r.hotspotOptions;
    const auto& f = *r.figures;
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
                        fld::rateEb, fld::rateEbLocal, fld::rateSmall, fld::rank, fld::trend})
            t.columns.push_back(schema::column(spec, id, s.id, s.label));
    const ScanSurvey* survey = r.survey ? &*r.survey : nullptr;
    if (survey) {
        t.columns.push_back(schema::column(spec, fld::surveyLevel));
        t.columns.push_back(schema::column(spec, fld::surveyCode));
        for (const auto& ind : survey->table.indicators)
            for (auto id : {fld::surveyValue, fld::surveyN, fld::surveyLow, fld::surveyHigh, fld::surveyQuadrant})
                t.columns.push_back(schema::column(spec, id, ind.id, ind.column));
        t.columns.push_back(schema::column(spec, fld::surveyAol));
    }
    t.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    // Streamed: a national grid's table (617,207 rows of some 160 values) held whole took 4 GB.
    t.rowStream = [&r, level, withHotspots, all](const gis::RowSink& sink) {
        std::vector<Value> row;
        gis::FeatureGeometry geometry;
        geometry.kind = gis::FeatureGeometry::Kind::Polygon;
        for (std::size_t a = 0; a < r.areas.levels[level].size(); ++a) {
            row.clear();
            appendAreaValues(row, r, level, a, withHotspots, all);
            geometry.polygons = r.geometries[level][a];
            sink(row, &geometry);
        }
    };
    return t;
}

// The values of one area's row of areaTable.
void appendAreaValues(std::vector<Value>& row, const ScanResult& r, std::size_t level, std::size_t a, bool withHotspots,
                      const std::vector<SlotInfo>& all)
{
    const ScanProtection* mask = r.suppression.get();
    const auto& hotTimes = r.hotTimes;
    const auto& hotspots = r.hotspots[level];
    const auto& hotspotOptions = r.hotspotOptions;
    const auto& trends = r.trends[level];
    const auto& f = *r.figures;
    const auto& lv = r.areas.levels[level];
    const std::size_t cur = f.currentPeriod();
    const ScanSurvey* survey = r.survey ? &*r.survey : nullptr;
    const auto& ebRates = r.rates[level].slots;
    const auto per1000 = [](double perPerson) {
        return std::isfinite(perPerson) ? Value(round(perPerson * 1000.0, 4)) : Value();
    };
    const auto* parentLevel = level + 1 < r.areas.levels.size() ? &r.areas.levels[level + 1] : nullptr;
    row.emplace_back(lv.codes[a]);
    row.emplace_back(lv.names[a]);
    row.emplace_back(lv.name);
    const auto parent = lv.parent.empty() ? -1 : lv.parent[a];
    row.emplace_back(parent >= 0 && parentLevel ? Value(parentLevel->codes[static_cast<std::size_t>(parent)])
                                                : Value());
    row.emplace_back(lv.population[a] ? Value(static_cast<std::int64_t>(std::llround(*lv.population[a]))) : Value());
    const auto hot = hotTimes[level].find(a * f.themeSlots() + f.totalSlot());
    if (mask && (mask->rounded() || mask->theme(level, a, f.totalSlot(), cur)))
        row.emplace_back(gis::Suppressed{});
    else
        row.emplace_back(!r.timeOfDayKnown              ? Value(std::string(kNoTimeOfDay))
                         : hot == hotTimes[level].end() ? Value()
                                                        : Value(peakText(hot->second)));
    if (withHotspots) appendHotspotValues(row, hotspots.results.front(), hotspots.weights, a, hotspotOptions, false);
    for (const auto& s : all) {
        const bool hideCount = mask && mask->theme(level, a, s.slot, cur);
        const bool hideDerived = mask && mask->derivedHidden(level, a, s.slot);
        const bool rounded = mask && mask->rounded();
        const auto& ch = f.change(level, a, s.slot);
        const auto count = f.themeCount(level, a, s.slot, cur);
        row.emplace_back(hideCount ? Value(gis::Suppressed{})
                                   : Value(mask ? mask->themeValue(level, a, s.slot, cur, count)
                                                : static_cast<std::int64_t>(count)));
        if (hideDerived) {
            for (int k = 0; k < 4; ++k) row.emplace_back(gis::Suppressed{});
        } else if (!f.hasReference()) { // no registration in any reference period: no change to speak of
            for (int k = 0; k < 3; ++k) row.emplace_back();
            row.emplace_back(std::string("geen referentie"));
        } else if (count == 0 && ch.expected == 0.0) { // 0 against 0: a test of nothing says so
            row.emplace_back(0.0);
            row.emplace_back();
            row.emplace_back();
            row.emplace_back(std::string(kNoRegistrations));
        } else {
            row.emplace_back(round(ch.expected, 2));
            row.emplace_back(ch.changePct ? Value(round(*ch.changePct, 1)) : Value());
            row.emplace_back(round(ch.pValue, 4));
            row.emplace_back(changeLabel(ch.flag));
        }
        auto rate = f.ratePer1000(level, a, s.slot);
        if (rounded && rate) // from the rounded count, as published
            rate = static_cast<double>(mask->themeValue(level, a, s.slot, cur, count)) * 1000.0 / *lv.population[a];
        row.emplace_back(hideCount ? Value(gis::Suppressed{}) : rate ? Value(round(*rate, 2)) : Value());
        // Extern the EB rates are computed on the protected table (statisticsCount): they tell no
        // more than the published counts, and are hidden only beside a hidden count (issue 13).
        const auto& eb = ebRates[s.slot];
        row.push_back(hideCount ? Value(gis::Suppressed{}) : per1000(eb.global.smoothed[a]));
        row.push_back(hideCount ? Value(gis::Suppressed{}) : per1000(eb.local.smoothed[a]));
        row.push_back(hideCount ? Value(gis::Suppressed{}) : Value(static_cast<std::int64_t>(eb.tooSmall[a])));
        row.emplace_back(hideCount || rounded ? Value(gis::Suppressed{})
                                              : Value(static_cast<std::int64_t>(f.rank(level, a, s.slot))));
        if (trends[s.slot].empty())
            row.emplace_back();
        else if (hideDerived) // the trend is read from every period's counts
            row.emplace_back(gis::Suppressed{});
        else
            row.emplace_back(std::string(emergingLabelNl(trends[s.slot][a])));
    }
    if (survey) appendSurveyValues(row, *survey, r, level, a);
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
    // The texts of every slot and category once: a row's strings are then copied into the
    // previous row's (no allocation per row of millions).
    std::vector<std::string> themeNumbers, themeNames, categoryNames;
    for (std::size_t s = 0; s < f.themeSlots(); ++s) {
        themeNumbers.push_back(s < model.themes.size() ? model.themes[s].number : std::string());
        themeNames.push_back(s < model.themes.size() ? model.themes[s].labelNl
                             : s == f.totalSlot()    ? std::string("Totaal")
                                                     : std::string("Overig"));
    }
    for (std::size_t c = 0; c < f.categorySlots(); ++c)
        categoryNames.push_back(c < model.categories.size() ? model.categories[c].labelNl : "onbekende categorie");
    // Streamed: this table has millions of rows on a large scan (issue 17); each file writes it anew.
    t.rowStream = [&r, &f, &model, mask, catSlot, themeNumbers, themeNames,
                   categoryNames](const gis::RowSink& sink) {
        static const std::string current = "huidig", reference = "referentie", noCategory;
        std::vector<Value> row(8);
        for (std::size_t l = 0; l < r.areas.levels.size(); ++l) {
            const auto& lv = r.areas.levels[l];
            for (std::size_t a = 0; a < lv.size(); ++a) {
                const auto emit = [&](std::size_t slot, const std::string& category, auto count, auto hidden) {
                    bool any = false;
                    // Rounded: a row stands for a rounded count above 0 (a missing row reads as 0, i.e. 0 t/m 4).
                    // A hidden zero (a secondary suppression) must be written as hidden: left out it reads as 0.
                    for (std::size_t p = 0; p < f.periods(); ++p) any = any || count(p) > 0 || hidden(p);
                    if (!any) return;
                    for (std::size_t p = 0; p < f.periods(); ++p) {
                        const auto& period = model.periods[p];
                        row[0] = lv.name;
                        row[1] = lv.codes[a];
                        row[2] = themeNumbers[slot];
                        row[3] = themeNames[slot];
                        row[4] = category;
                        row[5] = period.id;
                        row[6] = period.current ? current : reference;
                        row[7] = hidden(p) ? Value(gis::Suppressed{}) : Value(static_cast<std::int64_t>(count(p)));
                        sink(row, nullptr);
                    }
                };
                for (std::size_t s = 0; s < f.themeSlots(); ++s)
                    emit(
                        s, noCategory,
                        [&](std::size_t p) {
                            return mask ? mask->themeValue(l, a, s, p, f.themeCount(l, a, s, p))
                                        : static_cast<std::int64_t>(f.themeCount(l, a, s, p));
                        },
                        [&](std::size_t p) { return mask && mask->theme(l, a, s, p); });
                for (std::size_t c = 0; c < f.categorySlots(); ++c) {
                    emit(
                        catSlot[c], categoryNames[c],
                        [&](std::size_t p) {
                            return mask ? mask->categoryValue(l, a, c, p, f.categoryCount(l, a, c, p))
                                        : static_cast<std::int64_t>(f.categoryCount(l, a, c, p));
                        },
                        [&](std::size_t p) { return mask && mask->category(l, a, c, p); });
                }
            }
        }
    };
    return t;
}

// Hour-of-week table of the current period: per level, area and theme with events, 7 rows
// (ma..zo) of 24 hourly weights. Aoristic weights are fractions. Extern: only the released rows
// (hot_times_protection.hpp), whole numbers, a hidden hour NULL; none for a rounded scan.
// What an extern folder holds of the hours of the week, in one Dutch sentence or two.
std::string hotTimesReleaseNote(const ScanResult& r)
{
    const auto& release = r.hotTimesRelease;
    if (!release)
        return "buiten de politie niet gepubliceerd (hot_times en gebiedscan_tijden.csv zijn leeg): de afgeronde "
               "aantallen zijn uit de echte berekend, en de uurwaarden zouden ze nauwer insluiten. Het drukste uur "
               "(peak_total) staat er wel; de uurtabel alleen met --internal.";
    const auto& p = release->protection;
    const auto& level = r.areas.levels[release->level].name;
    return fmt::format(
        "alleen per {} en alleen voor alle registraties samen ({} {}; hot_times en gebiedscan_tijden.csv). "
        "De uurwaarden zijn hele aantallen die optellen tot het totaal van het gebied (aoristisch verdeelde "
        "registraties, naar de grootste rest afgerond). Een uur met 1 t/m {} registraties is geheim, en zo veel "
        "andere uren als nodig zijn om het niet uit het totaal terug te rekenen: {} uren geheim ({} klein, {} "
        "aanvullend). Niet op de lagere niveaus en niet per thema: opgeteld zouden die uren geheime aantallen nauwer "
        "insluiten dan de aantallen zelf. Het drukste uur (peak_total) staat er per gebied waar het totaal "
        "gepubliceerd is; de volledige uurtabel alleen met --internal.",
        level, release->areas.size(), release->areas.size() == 1 ? "gebied" : "gebieden", r.model.suppressBelow - 1,
        p.primaries + p.secondaries, p.primaries, p.secondaries);
}

gis::Table hotTimesTable(const ScanResult& r)
{
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
    // Streamed as the figures: seven rows per area and theme with events.
    t.rowStream = [&r, &f, &hotTimes, all = slots(f)](const gis::RowSink& sink) {
        std::vector<Value> row(28);
        const auto week = [&](const AreaLevel& lv, std::size_t a, const std::string& theme, const auto& hour) {
            for (int d = 0; d < 7; ++d) {
                row[0] = lv.name;
                row[1] = lv.codes[a];
                row[2] = theme;
                row[3] = std::string(dutchDayShort(d));
                for (int h = 0; h < 24; ++h) row[4 + static_cast<std::size_t>(h)] = hour(d * 24 + h);
                sink(row, nullptr);
            }
        };
        if (r.suppression) {
            if (!r.hotTimesRelease) return;
            const auto& release = *r.hotTimesRelease;
            for (std::size_t i = 0; i < release.areas.size(); ++i) {
                const auto& hours = release.protection.rows[i];
                week(r.areas.levels[release.level], release.areas[i], all.front().id, [&](int h) {
                    const auto& v = hours[static_cast<std::size_t>(h)];
                    return v ? Value(*v) : Value(gis::Suppressed{});
                });
            }
            return;
        }
        for (std::size_t l = 0; l < r.areas.levels.size(); ++l) {
            const auto& lv = r.areas.levels[l];
            for (std::size_t a = 0; a < lv.size(); ++a)
                for (const auto& s : all) {
                    const auto it = hotTimes[l].find(a * f.themeSlots() + s.slot);
                    if (it == hotTimes[l].end() || it->second.events() == 0) continue;
                    week(lv, a, s.id, [&](int h) { return Value(it->second.at(h)); }); // unrounded
                }
        }
    };
    return t;
}

// Runs the jobs on threads of their own and waits for all; rethrows the first job's error (in
// job order, so the message does not depend on timing). `threads` 1 (--threads 1): one after the
// other on this thread.
void runInParallel(const std::vector<std::function<void()>>& jobs, unsigned threads)
{
    if (threads == 1) {
        for (const auto& job : jobs) job();
        return;
    }
    std::vector<std::exception_ptr> errors(jobs.size());
    {
        std::vector<std::jthread> workers;
        for (std::size_t j = 0; j < jobs.size(); ++j)
            workers.emplace_back([&, j] {
                try {
                    jobs[j]();
                } catch (...) {
                    errors[j] = std::current_exception();
                }
            });
    }
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
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

void checkScanFormats(const std::vector<std::string>& formats)
{
    for (const auto& f : formats)
        if (f != "gpkg" && f != "shp" && f != "csv" && f != "geojson")
            throw InputError("--formats: onbekend formaat '" + f + "' (kies uit: gpkg, shp, csv, geojson)");
}

std::uint64_t estimateScanOutputBytes(const ScanResult& r, const ScanOptions& o)
{
    const auto names = levelNames(r.areas);
    const std::vector<bool> wantedLevel = chooseLevels(names, o.levels);
    const auto wants = [&](const char* format) {
        return o.formats.empty() || std::find(o.formats.begin(), o.formats.end(), format) != o.formats.end();
    };
    // Bytes per vertex and per attribute value in each format (measured on the Drenthe demo).
    struct Cost {
        const char* format;
        double vertex, value;
    };
    const Cost costs[] = {{"gpkg", 16, 9}, {"shp", 16, 20}, {"csv", 0, 8}, {"geojson", 40, 18}};
    const double columns = 12.0 * static_cast<double>(r.model.themes.size() + 2) + 20.0;
    double bytes = 0;
    for (std::size_t l = 0; l < r.areas.levels.size() && l < r.geometries.size(); ++l) {
        if (!wantedLevel[l]) continue;
        double vertices = 0;
        for (const auto& area : r.geometries[l])
            for (const auto& polygon : area)
                for (const auto& ring : polygon.rings) vertices += static_cast<double>(ring.size());
        const double values = columns * static_cast<double>(r.areas.levels[l].size());
        for (const auto& c : costs)
            if (wants(c.format)) bytes += c.vertex * vertices + c.value * values;
    }
    // The long figures table (level, area, theme, category, period, count) in the GeoPackage and CSV:
    // one row per period for every theme and category series with a count (zeros are left out).
    if (r.figures) {
        double rows = 0;
        for (std::size_t l = 0; l < r.areas.levels.size(); ++l)
            rows += static_cast<double>(r.figures->seriesWithCounts(l) * r.figures->periods());
        bytes += rows * 40.0 * ((wants("gpkg") ? 1 : 0) + (wants("csv") ? 1 : 0));
    }
    return static_cast<std::uint64_t>(bytes);
}

namespace {

// toelichting.txt: the quadrant rule of --survey and what it gave.
std::string surveyNote(const ScanSurvey& sv, const ScanResult& r)
{
    const auto& lv = r.areas.levels[sv.level];
    std::string note = fmt::format(
        "\nEnquête (subjectief naast objectief): {}{}, per {}.\n"
        "Per {} en indicator het kwadrant van objectief (registraties van de huidige periode per 1.000\n"
        "inwoners, {}) tegen subjectief (het enquêtecijfer), elk tegen de regio: hoog = boven de\n"
        "regio. Regio objectief: {} per 1.000 inwoners (alle gebieden samen, aantallen zoals gepubliceerd).\n"
        "Een hoger enquêtecijfer geldt als onveiliger (behalve bij de indicatoren hieronder met 'hoger is\n"
        "veiliger'). Staat de regiowaarde binnen het 95 %-interval van het gebied (de marge uit de tabel;\n"
        "bij een percentage zonder marge 1,96 x wortel(p(1-p)/n)), dan is het gebied 'niet te onderscheiden';\n"
        "zonder marge of interval 'geen marge' (de onzekerheid is onbekend); met minder dan {:.0f} respondenten\n"
        "'te weinig respondenten' (de grens van CBS en Veiligheidsmonitor). Objectief en subjectief hoog:\n"
        "AOL-kandidaat (aol_survey = 1).\n",
        sv.table.description, sv.table.year ? fmt::format(", jaar {}", *sv.table.year) : std::string(), lv.name,
        lv.name, sv.slotLabel, dutchNumber(sv.regionRate, 1), kMinRespondents);
    if (sv.level > 0)
        note += fmt::format("De enquête is per {}: de fijnere niveaus krijgen de cijfers en het kwadrant van hun {}\n"
                            "(survey_niveau en survey_code zeggen van welk gebied ze zijn); ze worden niet per\n"
                            "fijner gebied ingedeeld. Hogere niveaus krijgen geen enquêtecijfers.\n",
                            lv.name, lv.name);
    if (r.suppression)
        note += r.suppression->rounded()
                    ? "Bescherming: het objectieve cijfer komt uit het afgeronde aantal, zoals rate_ het toont.\n"
                    : "Bescherming: bij een geheim aantal is er geen kwadrant ('geheim'); de enquêtecijfers zelf zijn\n"
                      "openbare totalen en staan er wel.\n";
    if (sv.yearDiffers())
        note += fmt::format("Let op: de enquête is van {}, de huidige periode van de scan van {}.\n", *sv.table.year,
                            *sv.scanYear);
    if (sv.rules.classifyWithoutMargin)
        note += "Cijfers zonder marge zijn op het cijfer alleen ingedeeld (--survey-classify-without-margin).\n";
    for (std::size_t x = 0; x < sv.table.indicators.size(); ++x)
        note += fmt::format("  {}: regio {} ({}){}\n", sv.table.indicators[x].id, dutchNumber(sv.regionValue[x], 1),
                            sv.regionFrom[x], sv.higherIsSafer[x] ? "; hoger is veiliger" : "");
    note += fmt::format("AOL-kandidaten uit de enquête: {}", sv.candidates.empty() ? "geen" : "");
    for (std::size_t k = 0; k < sv.candidates.size(); ++k)
        note += (k ? ", " : "") + surveyAreaLabel(lv.names[sv.candidates[k]], lv.codes[sv.candidates[k]]);
    return note + "\n";
}

} // namespace

// Writes every file of the scan into the staging folder and commits it.
static std::vector<fs::path> writeScanOutputsInto(const ScanResult& r, const ScanOptions& o, gis::OutputFolder& folder)
{
    const auto names = levelNames(r.areas);
    const std::vector<bool> wantedLevel = chooseLevels(names, o.levels);
    const auto wants = [&](const char* format) {
        return o.formats.empty() || std::find(o.formats.begin(), o.formats.end(), format) != o.formats.end();
    };
    const fs::path& dir = folder.path();

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
                  {"gemaakt_met", "gebiedscan " GEBIEDSCAN_VERSION},
                  {std::string(schema::kAudienceKey), o.internal ? "intern" : "extern"}};
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

    // One thread per format (separate GDAL datasets, so GDAL allows it); every thread reads the
    // same tables, the long ones streamed from the figures. The list of outputs keeps its order.
    std::vector<fs::path> written;
    std::vector<std::function<void()>> jobs;
    const fs::path gpkg = dir / "gebiedscan.gpkg";
    if (wants("gpkg")) {
        std::vector<const gis::Table*> layers;
        for (std::size_t t = 0; t < tables.size(); ++t)
            if (t >= wantedLevel.size() || wantedLevel[t]) layers.push_back(&tables[t]);
        jobs.emplace_back([gpkg, layers, &w] { gis::writeGeoPackage(gpkg, layers, w); });
        written.push_back(gpkg);
    }
    const auto levelFiles = [&](const char* ext) {
        std::vector<std::pair<fs::path, const gis::Table*>> files;
        for (std::size_t l = 0; l < r.areas.levels.size(); ++l)
            if (wantedLevel[l]) files.emplace_back(dir / ("gebiedscan_" + names[l] + ext), &tables[l]);
        return files;
    };
    if (wants("shp"))
        jobs.emplace_back([files = levelFiles(".shp"), &w] {
            for (const auto& [file, table] : files) gis::writeShapefile(file, *table, w);
        });
    if (wants("csv"))
        jobs.emplace_back([files = levelFiles(".csv"), &w, &tables, &dir] {
            for (const auto& [file, table] : files) gis::writeCsv(file, *table, w);
            gis::writeCsv(dir / "gebiedscan_cijfers.csv", schema::tableWithRole(tables, schema::role::scanFigures), w);
            gis::writeCsv(dir / "gebiedscan_tijden.csv", schema::tableWithRole(tables, schema::role::scanHotTimes), w);
        });
    if (wants("geojson"))
        jobs.emplace_back([files = levelFiles(".geojson"), &w] {
            for (const auto& [file, table] : files) gis::writeGeoJson(file, *table, w);
        });
    for (std::size_t l = 0; l < r.areas.levels.size(); ++l) {
        if (!wantedLevel[l]) continue;
        const std::string stem = "gebiedscan_" + names[l];
        for (const char* format : {"shp", "csv", "geojson"})
            if (wants(format)) written.push_back(dir / (stem + "." + format));
    }
    if (wants("csv")) {
        written.push_back(dir / "gebiedscan_cijfers.csv");
        written.push_back(dir / "gebiedscan_tijden.csv");
    }
    runInParallel(jobs, o.threads);

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
    const auto& emptyReference = r.figures->emptyReferencePeriods();
    for (std::size_t i = 0; i < r.model.periods.size(); ++i) {
        const auto& p = r.model.periods[i];
        nlohmann::ordered_json period = {{"id", p.id},
                                         {"role", p.current ? "current" : "reference"},
                                         {"from", formatLocalTime(p.from, true)},
                                         {"to_exclusive", formatLocalTime(p.to, true)}};
        if (std::find(emptyReference.begin(), emptyReference.end(), i) != emptyReference.end())
            period["without_registrations"] = true; // left out of the reference: the data do not cover it
        periods.push_back(period);
    }
    s["periods"] = periods;
    nlohmann::ordered_json themes = nlohmann::ordered_json::array();
    for (const auto& t : r.model.themes)
        themes.push_back(
            {{"id", t.id}, {"number", t.number}, {"veld", t.veld}, {"label", t.labelNl}, {"label_en", t.labelEn}});
    s["themes"] = themes;
    s["periods_detected_from_data"] = r.periodsDetected;
    s["count_table"] = nullptr; // a scan of registrations
    if (const auto& t = r.countTable) {
        // Outside the police the codes the scan left out are listed without their counts: a
        // foreign buurt's 1 would be a small count published beside the protected ones.
        const auto codes = [&](const std::map<std::string, std::uint64_t>& m) {
            if (o.internal) return nlohmann::ordered_json(m);
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const auto& entry : m) list.push_back(entry.first);
            return list;
        };
        s["count_table"] = {{"source", t->description},
                            {"format", t->wide ? "wide" : "long"},
                            {"totals_only", t->totalsOnly},
                            {"rows_read", t->rowsRead},
                            {"values", t->values},
                            {"values_per_reason", t->valuesPerReason},
                            {"registrations_per_reason", t->registrationsPerReason},
                            {"unknown_area_codes", codes(t->unknownAreaCodes)},
                            {"higher_level_codes", codes(t->higherLevelCodes)},
                            {"value_columns", t->valueColumns},
                            {"ignored_columns", t->ignoredColumns}};
    }
    s["survey"] = nullptr;
    if (const auto& sv = r.survey) {
        const auto& lv = r.areas.levels[sv->level];
        nlohmann::ordered_json indicators = nlohmann::ordered_json::array();
        for (std::size_t x = 0; x < sv->table.indicators.size(); ++x) {
            const auto& ind = sv->table.indicators[x];
            std::map<std::string, std::size_t> perQuadrant;
            for (const auto& cells : sv->cells) ++perQuadrant[quadrantLabel(cells[x].quadrant)];
            indicators.push_back(
                {{"id", ind.id},
                 {"column", ind.column},
                 {"n_column", ind.nColumn},
                 {"margin_column", ind.marginColumn},
                 {"interval_columns", ind.lowColumn.empty() ? nlohmann::ordered_json::array()
                                                            : nlohmann::ordered_json{ind.lowColumn, ind.highColumn}},
                 {"percentage", ind.percentage},
                 {"higher_is_safer", static_cast<bool>(sv->higherIsSafer[x])},
                 {"region_value", sv->regionValue[x]},
                 {"region_value_from", sv->regionFrom[x]},
                 {"areas_per_quadrant", perQuadrant}});
        }
        nlohmann::ordered_json candidates = nlohmann::ordered_json::array();
        for (const auto a : sv->candidates) candidates.push_back({{"code", lv.codes[a]}, {"name", lv.names[a]}});
        s["survey"] = {{"source", sv->table.description},
                       {"year", sv->table.year ? nlohmann::ordered_json(*sv->table.year) : nlohmann::ordered_json()},
                       {"scan_year", sv->scanYear ? nlohmann::ordered_json(*sv->scanYear) : nlohmann::ordered_json()},
                       {"year_differs", sv->yearDiffers()},
                       {"classify_without_margin", sv->rules.classifyWithoutMargin},
                       {"area_column", sv->table.areaColumn},
                       {"level", lv.name},
                       {"objective", sv->slotLabel},
                       {"region_rate_per_1000", sv->regionRate},
                       {"min_respondents", kMinRespondents},
                       {"indicators", indicators},
                       {"aol_candidates", candidates},
                       {"unmatched_codes", sv->unmatchedCodes},
                       {"rows_other_level", sv->otherLevelRows},
                       {"rows_other_year", sv->table.otherYearRows},
                       {"ignored_columns", sv->table.ignoredColumns}};
    }
    s["time_of_day"] = r.timeOfDayKnown ? "bekend" : std::string(kNoTimeOfDay);
    s["sub_year_trend"] = r.subYearDates ? "per maand" : "geen: alleen jaren bekend";
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
    if (r.hotspotsOnProtectedTable) s["suppression"]["hotspots_input"] = "beschermd";
    if (mask && mask->rounded()) {
        // Read by gebiedscan audit: each published count r lies in [r-4, r+4] (controlled) or
        // [r-2, r+2] (nearest) for the reader.
        const auto& rounding = *mask->rounding();
        s["suppression"]["method"] = "afronden";
        s["suppression"]["audit_passed"] = nullptr; // the scan does not audit its rounding: gebiedscan audit does
        s["suppression"]["rounding_base"] = 5;
        s["suppression"]["rounding_controlled"] = rounding.controlled();
        s["suppression"]["rounding_parts"] = rounding.parts;
        s["suppression"]["rounding_independent_parts"] = rounding.independentParts;
        s["suppression"]["rounded_cells"] = rounding.changedCells;
    } else if (mask) {
        s["suppression"]["method"] = "onderdrukken";
        s["suppression"]["zeros"] = mask->sparse() ? "altijd zichtbaar" : "kunnen aanvullend geheim zijn";
    }
    if (const auto& release = r.hotTimesRelease) {
        const auto& p = release->protection;
        s["suppression"]["hot_times"] = {
            {"levels", {r.areas.levels[release->level].name}},
            {"theme", schema::kTotalTheme},
            {"areas", release->areas.size()},
            {"hidden", p.primaries + p.secondaries},
            {"primary_hours", p.primaries},
            {"secondary_hours", p.secondaries},
            {"note", fmt::format("Hele aantallen die optellen tot het totaal van het gebied; uren met 1 t/m {} "
                                 "registraties zijn geheim, met zo veel andere uren als nodig ({} uur geheim).",
                                 r.model.suppressBelow - 1, p.primaries + p.secondaries)}};
    } else if (mask) {
        s["suppression"]["hot_times"] = mask->rounded() ? "niet gepubliceerd (afgerond)" : "niet gepubliceerd (extern)";
    }
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& p : written) files.push_back(p.filename().string());
    s["outputs"] = files;
    gis::writeTextFile(dir / "summary.json", s.dump(2) + "\n");
    written.push_back(dir / "summary.json");

    const char* label = mask && mask->rounded() ? "Afronding:   " : "Onderdrukking:";
    std::string note =
        fmt::format("Gebiedscan - toelichting\n========================\n\n"
                    "Publiek:      {}\nModel:        {}\nRegistraties: {}\nGebieden:     {}\nPeriode:      {}\n"
                    "Coordinaten:  {} (GeoJSON: WGS84)\n{} {}\n\n"
                    "Verantwoording van de registraties ({} in totaal):\n"
                    "  in een gebied:                  {}\n    waarvan in een thema:         {}\n"
                    "    waarvan overig (onbekende categorie): {}\n  buiten alle gebieden:           {}\n"
                    "  geen of ongeldige locatie:      {}\n  datum onleesbaar of buiten periode: {}\n\n"
                    "Verandering: huidige periode tegen de referentieperiode(n), herschaald naar dezelfde lengte;\n"
                    "toets: exacte voorwaardelijke toets van twee Poisson-aantallen (tweezijdig, alfa {}).\n"
                    "Per 1.000 inwoners: rate_ is het ruwe cijfer; eb_ is het Empirical Bayes-cijfer (naar het\n"
                    "gemiddelde van alle gebieden van het niveau getrokken, sterker naarmate het gebied kleiner is;\n"
                    "spdep EBest), ebl_ hetzelfde naar het gebied en zijn buren (queen; spdep EBlocal). klein_ = 1:\n"
                    "minder dan 50 inwoners of minder dan 5 registraties verwacht; het ruwe cijfer zegt dan weinig.\n"
                    "Buiten de politie zijn eb_, ebl_ en klein_ berekend op de beschermde tabel: elk aantal zoals het\n"
                    "in de map staat (afgerond bij afronden), een geheim aantal als de helft van de drempel, en het\n"
                    "aantal inwoners zoals het in de map staat. Ze verraden zo niets dat niet al in de aantallen\n"
                    "staat; bij een geheim aantal staan ze niet (controle als gebiedscan audit).\n"
                    "Velden van de Shapefile heten kort (max. 10 tekens); zie gebiedscan_<niveau>_velden.csv.\n",
                    o.internal ? "intern (alleen binnen de politie)" : "extern (buiten de politie)", r.model.name,
                    r.incidentsDescription, w.metadata["bron_gebieden"], periodText(r.model), o.workingCrs, label,
                    suppression, acc.inputRecords, acc.inArea(), acc.assigned, acc.unknownCategory, acc.outside,
                    acc.invalidGeometry, acc.badDate, r.model.significance);
    if (const auto& t = r.countTable) {
        note +=
            fmt::format("\nBron: een teltabel ({}, {} rijen, {} waarden) in plaats van registraties met een "
                        "locatie. Geen tijdstip bekend: geen uur-van-de-week, geen piekuur en geen trend per "
                        "maand.\n",
                        t->wide ? "breed: een kolom per categorie" : "lang: een rij per gebied, categorie en periode",
                        t->rowsRead, t->values);
        if (t->totalsOnly)
            note += "De tabel geeft alleen totalen (0.0.0): per thema niet bekend, ze tellen als overig.\n";
        for (const auto& [reason, n] : t->valuesPerReason)
            note += fmt::format("  {}: {} waarden, {} registraties\n", countReasonText(reason), n,
                                t->registrationsPerReason.at(reason));
    }
    if (!r.grid.empty())
        note += "Raster: een registratie telt in de cel waarin zij ligt en in het gebied (en de hogere niveaus) "
                "waarin zij ligt. Een cel hoort bij het gebied van haar middelpunt; ligt een deel van de cel in een "
                "ander gebied en vallen daar registraties, dan is dat deel een eigen cel <celcode>_<gebiedscode>. "
                "Zo telt elk gebied precies de registraties binnen zijn eigen grens.\n"
                "Lege cellen: cellen zonder registraties (in alle perioden) worden niet geschreven; hun aantallen "
                "zijn 0. Gi* (gi_bin, gi_label) telt ze wel mee: als buren (de 8 aangrenzende cellen, bij "
                "zeshoeken 6) en in het gemiddelde, de spreiding en de FDR-correctie over alle cellen van het "
                "gebied, zodat de klassen die van het volledige raster zijn. LISA (lisa_q), de Moran's I en de "
                "trend per cel rekenen alleen met de geschreven cellen en hun aangrenzende geschreven cellen.\n";
    if (const auto& sv = r.survey) note += surveyNote(*sv, r);
    if (!r.timeOfDayKnown)
        note += "Tijdstip: geen tijdstip bekend (alle registraties zonder tijd of om 00:00): geen uur van de week "
                "en geen drukste uur.\n";
    if (mask && r.timeOfDayKnown) note += "Uren van de week: " + hotTimesReleaseNote(r) + "\n";
    if (!r.subYearDates) note += "Trend: alleen jaren bekend, dus geen trend per maand.\n";
    if (!r.figures->hasReference())
        note += "Verandering: geen referentie (geen registraties in de referentieperiode), dus geen verandering "
                "berekend.\n";
    else if (!emptyReference.empty()) {
        std::string ids;
        for (const auto p : emptyReference) ids += (ids.empty() ? "" : ", ") + r.model.periods[p].id;
        note += "Verandering: referentieperiode " + ids +
                " bevat geen enkele registratie (de gegevens dekken die niet) en telt niet mee in de verwachting.\n";
    }
    gis::writeTextFile(dir / "toelichting.txt", note);
    written.push_back(dir / "toelichting.txt");
    folder.commit();
    for (auto& file : written) file = folder.target() / file.filename();
    return written;
}

std::vector<fs::path> writeScanOutputs(const ScanResult& r, const ScanOptions& o)
{
    // Every file goes into a staging folder swapped in as a whole at the end (issue 18).
    checkScanFormats(o.formats);
    (void)chooseLevels(levelNames(r.areas), o.levels); // a bad --levels is refused before any folder exists
    gis::OutputFolder folder(o.outDir, "gebiedscan scan " GEBIEDSCAN_VERSION);
    try {
        return writeScanOutputsInto(r, o, folder);
    } catch (const OutputError& e) { // a full disk said as such, the target named, the old folder standing
        throw OutputError(folder.failure(e.what()));
    }
}

} // namespace gebiedscan::pipeline
