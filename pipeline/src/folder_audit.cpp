#include "gebiedscan/pipeline/folder_audit.hpp"

#include "audit_layer.hpp"
#include "job_folder_audit.hpp"

#include "gebiedscan/pipeline/controlled_rounding.hpp"
#include "gebiedscan/pipeline/hot_times_protection.hpp"
#include "gebiedscan/pipeline/output_schema.hpp"

#include "gebiedscan/core/contiguity.hpp"
#include "gebiedscan/core/empirical_bayes.hpp"
#include "gebiedscan/core/hot_times.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"
#include "gebiedscan/gis/layer_info.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace gebiedscan::pipeline {

namespace fs = std::filesystem;

namespace {

using Row = AuditLayer::Row;
using Layer = AuditLayer;

Layer readLayer(const fs::path& gpkg, const std::string& name)
{
    return readAuditLayer(gpkg, name);
}

// Gi*/LISA column stems, longest first so gi_p_adj is not read as gi_p of a theme "adj".
struct StatColumn {
    const char* stem;
    bool number; ///< a z, p or I value (a class or label otherwise)
};
constexpr StatColumn kStatColumns[] = {
    {"lisa_kwadrant", false}, {"lisa_p_adj", true}, {"gi_p_adj", true}, {"gi_label", false},
    {"lisa_i", true},         {"lisa_z", true},     {"lisa_p", true},   {"lisa_q", false},
    {"gi_bin", false},        {"gi_z", true},       {"gi_p", true},
};

// The slot a Gi*/LISA column belongs to ("total" for the plain names), or nullopt.
std::optional<std::pair<std::string, bool>> statColumn(const std::string& column, const std::set<std::string>& themeIds)
{
    for (const auto& s : kStatColumns) {
        const std::string stem = s.stem;
        if (column == stem) return std::make_pair(std::string("total"), s.number);
        if (column.rfind(stem + "_", 0) == 0 && themeIds.count(column.substr(stem.size() + 1)))
            return std::make_pair(column.substr(stem.size() + 1), s.number);
    }
    return std::nullopt;
}

std::string number(double v)
{
    return std::isinf(v) ? std::string("onbegrensd") : fmt::format("{:g}", v);
}

// A cell of the folder as read: published somewhere, hidden somewhere, or neither (a zero the
// sparse `figures` table leaves out).
struct FolderCell {
    std::optional<std::int64_t> value;
    std::string publishedIn, hiddenIn;
    int threshold = 0;
    std::string label;
};

class FolderReader {
public:
    FolderReader(const fs::path& dir, const ScanModel& model) : m_dir(dir), m_model(model) {}

    FolderAudit run()
    {
        readSummary();
        readLayers();
        collectCells();
        FolderAudit out;
        out.audience = m_audience;
        buildTable();
        addRelations();
        addHourOfWeekRows();
        out.cells = m_table.cells().size();
        out.hiddenCells = m_table.hiddenCount();
        out.relations = m_table.relations().size();

        const auto audit = m_roundingBase > 0 ? auditRoundedTable(m_table, m_roundingBase, m_roundingControlled)
                                              : auditTable(m_table, {AuditRule::FolderReader, true});
        out.rounded = m_roundingBase > 0;
        out.linearPrograms = audit.linearPrograms;
        for (auto i : audit.failing) {
            const auto& iv = audit.intervals[i];
            const auto& c = m_table.cell(iv.cell);
            ++out.narrowed;
            if (iv.low == iv.high) ++out.exact;
            if (out.rounded && !std::isnan(iv.low)) {
                const auto prior = roundingInterval(c.value, m_roundingBase, m_roundingControlled);
                out.findings.push_back(
                    {AuditFinding::Kind::Narrowed,
                     fmt::format("{}: afgerond {}, maar uit de optellingen te herleiden tot {} t/m {} (de afronding "
                                 "alleen: {} t/m {}; beschermd is minstens {} mogelijke waarden)",
                                 m_table.label(iv.cell), c.value, number(iv.low), number(iv.high), prior.low, prior.high,
                                 m_roundingBase),
                     iv.low, iv.high});
                continue;
            }
            out.findings.push_back(
                {AuditFinding::Kind::Narrowed,
                 std::isnan(iv.low)
                     ? fmt::format("{}: geheim, maar de gepubliceerde cijfers eromheen zijn onderling tegenstrijdig",
                                   m_table.label(iv.cell))
                 : iv.low == iv.high
                     ? fmt::format("{}: geheim, maar exact te herleiden: {}", m_table.label(iv.cell), number(iv.low))
                     : fmt::format("{}: geheim, maar te herleiden tot {} t/m {} (beschermd is alleen 1 t/m {} "
                                   "geheel, of buiten dat bereik)",
                                   m_table.label(iv.cell), number(iv.low), number(iv.high), c.threshold - 1),
                 iv.low, iv.high});
        }
        for (auto r : audit.inconsistent) {
            if (out.rounded) break; // a rounded folder's sums are judged by the rounded audit
            std::string terms;
            for (const auto& t : m_table.relations()[r].terms)
                terms += fmt::format("{}{} x {} ({})", terms.empty() ? "" : " + ", t.coefficient,
                                     m_table.cell(t.cell).value, m_table.label(t.cell));
            out.findings.push_back({AuditFinding::Kind::Inconsistent,
                                    "optelling klopt niet met de gepubliceerde cijfers (de map is zo niet te "
                                    "beoordelen): " +
                                        terms + " is niet 0"});
        }
        if (!audit.infeasible.empty()) {
            std::string cells;
            for (std::size_t i = 0; i < audit.infeasible.size() && i < 5; ++i)
                cells += (i ? "; " : "") + m_table.label(audit.infeasible[i]);
            out.findings.push_back(
                {AuditFinding::Kind::Inconsistent,
                 fmt::format("de gepubliceerde cijfers laten geen enkele waarde toe voor {} geheime "
                             "cel(len) (de map is zo niet te beoordelen): {}{}",
                             audit.infeasible.size(), cells, audit.infeasible.size() > 5 ? "; ..." : "")});
        }
        for (auto& f : m_findings) out.findings.push_back(std::move(f));
        checkDerived(out);
        checkEmpiricalBayes(out);
        return out;
    }

private:
    void readSummary()
    {
        const auto file = m_dir / "summary.json";
        std::ifstream in(file);
        if (!in) {
            const auto name = "'" + m_dir.string() + "'";
            // The council package has no summary.json: export audited its scan folder before
            // writing it (LEESMIJ.txt says so); that folder is what can be audited again.
            if (fs::exists(m_dir / "LEESMIJ.txt"))
                throw InputError(tr(name + " is een gegevenspakket van gebiedscan export, geen scanmap: het pakket is "
                                           "bij het schrijven gecontroleerd (zie LEESMIJ.txt); controleer de scanmap "
                                           "waaruit het gemaakt is",
                                    name + " is a package written by gebiedscan export, not a scan folder: it was "
                                           "audited when written (see LEESMIJ.txt); audit the scan folder it was made "
                                           "from"));
            throw InputError(tr(name + " is geen scanmap: summary.json ontbreekt",
                                name + " is no scan folder: summary.json is missing"));
        }
        nlohmann::json s;
        try {
            in >> s;
        } catch (const nlohmann::json::exception& e) {
            throw InputError(tr("'" + file.string() + "' is geen leesbare JSON: ", "'" + file.string() + "': ") +
                             e.what());
        }
        m_audience = s.value("audience", std::string());
        // Gi*/LISA classes computed on the protected table (published values, a hidden count as T/2):
        // they may stand beside a hidden count.
        if (const auto sup = s.find("suppression"); sup != s.end() && sup->is_object())
            m_hotspotsProtected = sup->value("hotspots_input", std::string()) == "beschermd";
        // Hour-of-week rows published outside the police: those of these levels, theme total.
        if (const auto sup = s.find("suppression"); sup != s.end() && sup->is_object())
            if (const auto hot = sup->find("hot_times"); hot != sup->end() && hot->is_object())
                for (const auto& level : hot->value("levels", nlohmann::json::array()))
                    if (level.is_string()) m_hotLevels.insert(level.get<std::string>());
        // A rounded folder (scan --protection afronden): every count is a rounded one.
        if (const auto sup = s.find("suppression");
            sup != s.end() && sup->is_object() && sup->value("method", std::string()) == "afronden") {
            m_roundingBase = sup->value("rounding_base", 5);
            m_roundingControlled = sup->value("rounding_controlled", false);
            if (m_roundingBase < 2)
                throw InputError(tr("'" + file.string() + "': rounding_base kleiner dan 2",
                                    "'" + file.string() + "': rounding_base below 2"));
        }
        for (const auto& p : s.value("periods", nlohmann::json::array())) {
            m_periods.push_back(p.value("id", std::string()));
            if (p.value("role", std::string()) == "current") m_current = m_periods.back();
        }
        if (m_periods.empty() || m_current.empty())
            throw InputError(tr("'" + file.string() + "' noemt geen huidige periode",
                                "'" + file.string() + "' names no current period"));
        m_slots.push_back({"total", "#total", "alle thema's"});
        for (const auto& t : s.value("themes", nlohmann::json::array())) {
            const auto id = t.value("id", std::string()), num = t.value("number", std::string());
            m_slots.push_back({id, num.empty() ? id : num, num + " " + t.value("label", id)});
            m_themeIds.insert(id);
        }
        m_slots.push_back({"overig", "#overig", "overig"});
    }

    void readLayers()
    {
        m_gpkg = m_dir / "gebiedscan.gpkg";
        if (!fs::exists(m_gpkg))
            throw InputError(tr("'" + m_dir.string() + "' is geen scanmap: gebiedscan.gpkg ontbreekt",
                                "'" + m_dir.string() + "' is no scan folder: gebiedscan.gpkg is missing"));
        for (const auto& info : gis::listLayers(m_gpkg.string())) {
            if (info.name == "areas" || info.name.rfind("areas_", 0) == 0)
                m_areaLayers.push_back(readLayer(m_gpkg, info.name));
            else if (info.name == "figures")
                m_figures = readLayer(m_gpkg, info.name);
            else if (info.name == "hot_times")
                m_hotTimes = readLayer(m_gpkg, info.name);
            else
                m_otherLayers.push_back(readLayer(m_gpkg, info.name));
        }
        if (m_areaLayers.empty())
            throw InputError(tr("'" + m_gpkg.string() + "' heeft geen gebiedenlaag",
                                "'" + m_gpkg.string() + "' has no area layer"));
        for (const auto& layer : m_areaLayers) {
            const int code = layer.field("code"), level = layer.field("level"), parent = layer.field("parent_code");
            if (code < 0 || level < 0)
                throw InputError(tr("'" + m_gpkg.string() + "', laag " + layer.name + ": geen veld code of level",
                                    "'" + m_gpkg.string() + "', layer " + layer.name + ": no code/level"));
            for (const auto& r : layer.rows) {
                Area a{r[level].value_or(""), r[code].value_or(""), parent >= 0 ? r[parent].value_or("") : ""};
                m_areaIndex.emplace(a.code, m_areas.size());
                m_areas.push_back(a);
            }
        }
        if (const auto i = m_areaLayers.front().field("level"); i >= 0 && !m_areaLayers.front().rows.empty())
            m_baseLevel = m_areaLayers.front().rows.front()[i].value_or("");
    }

    [[nodiscard]] std::string slotKey(const std::string& themeNumber, const std::string& themeName) const
    {
        if (!themeNumber.empty()) return themeNumber;
        return themeName == "Totaal" ? "#total" : "#overig";
    }

    static std::string key(const std::string& level, const std::string& area, const std::string& slot,
                           const std::string& category, const std::string& period)
    {
        return level + '\x1f' + area + '\x1f' + slot + '\x1f' + category + '\x1f' + period;
    }

    FolderCell& cell(const std::string& level, const std::string& area, const std::string& slot,
                     const std::string& category, const std::string& period)
    {
        const auto k = key(level, area, slot, category, period);
        auto it = m_cellIndex.find(k);
        if (it == m_cellIndex.end()) {
            it = m_cellIndex.emplace(k, m_cells.size()).first;
            FolderCell c;
            c.threshold = threshold(slot);
            std::string what = slot;
            for (const auto& s : m_slots)
                if (s.key == slot) what = s.label;
            c.label =
                fmt::format("{} {}, {}{}, {}", level, area, what, category.empty() ? "" : " / " + category, period);
            m_cells.push_back(std::move(c));
        }
        return m_cells[it->second];
    }

    [[nodiscard]] int threshold(const std::string& slot) const
    {
        for (const auto& t : m_model.themes)
            if (t.number == slot || t.id == slot) return t.suppressBelow > 0 ? t.suppressBelow : m_model.suppressBelow;
        return m_model.suppressBelow;
    }

    void note(FolderCell& c, const std::optional<std::string>& value, const std::string& where)
    {
        if (!value) {
            if (c.hiddenIn.empty()) c.hiddenIn = where;
            return;
        }
        std::int64_t v = 0;
        try {
            v = std::stoll(*value);
        } catch (const std::exception&) {
            throw InputError("'" + m_gpkg.string() + "', " + where + ": count '" + *value + "' is no number");
        }
        if (c.value && *c.value != v)
            m_findings.push_back({AuditFinding::Kind::Inconsistent,
                                  fmt::format("{}: {} in {}, {} in {}", c.label, *c.value, c.publishedIn, v, where)});
        if (!c.value) {
            c.value = v;
            c.publishedIn = where;
        }
    }

    void collectCells()
    {
        if (!m_figures.rows.empty()) {
            const auto f = [&](const char* n) {
                const int i = m_figures.field(n);
                if (i < 0) throw InputError("'" + m_gpkg.string() + "', layer figures: no field " + n);
                return static_cast<std::size_t>(i);
            };
            const auto level = f("level"), area = f("area_code"), number = f("theme_number"), theme = f("theme"),
                       category = f("category"), period = f("period"), count = f("count");
            for (const auto& r : m_figures.rows) {
                const auto slot = slotKey(r[number].value_or(""), r[theme].value_or(""));
                const auto cat = r[category].value_or("");
                if (!cat.empty()) m_categories[slot].insert(cat);
                note(cell(r[level].value_or(""), r[area].value_or(""), slot, cat, r[period].value_or("")), r[count],
                     "laag figures");
            }
        }
        for (const auto& layer : m_areaLayers) {
            const int code = layer.field("code"), level = layer.field("level");
            for (const auto& s : m_slots) {
                const int col = layer.field("n_" + s.id);
                if (col < 0) continue;
                for (const auto& r : layer.rows)
                    note(cell(r[level].value_or(""), r[code].value_or(""), s.key, "", m_current), r[col],
                         "laag " + layer.name);
            }
        }
        // Every area x slot (x category seen) x period is a cell: those not met above are zeros.
        for (const auto& a : m_areas)
            for (const auto& p : m_periods)
                for (const auto& s : m_slots) {
                    cell(a.level, a.code, s.key, "", p);
                    for (const auto& c : m_categories[s.key]) cell(a.level, a.code, s.key, c, p);
                }
    }

    void buildTable()
    {
        for (auto& c : m_cells) {
            if (c.value) {
                m_table.addPublishedCell(*c.value, c.threshold, c.label);
                if (!c.hiddenIn.empty())
                    m_findings.push_back(
                        {AuditFinding::Kind::PublishedElsewhere,
                         fmt::format("{}: geheim in {}, maar {} in {}", c.label, c.hiddenIn, *c.value, c.publishedIn)});
                if (m_roundingBase > 0 && *c.value % m_roundingBase != 0)
                    m_findings.push_back({AuditFinding::Kind::SmallPublished,
                                          fmt::format("{}: {} in {} is geen veelvoud van {} in een afgeronde map",
                                                      c.label, *c.value, c.publishedIn, m_roundingBase)});
                else if (m_roundingBase == 0 && *c.value >= 1 && *c.value <= c.threshold - 1 && m_audience != "intern")
                    m_findings.push_back({AuditFinding::Kind::SmallPublished,
                                          fmt::format("{}: klein aantal {} gepubliceerd in {} (drempel {})", c.label,
                                                      *c.value, c.publishedIn, c.threshold)});
            } else if (!c.hiddenIn.empty()) {
                m_table.addHiddenCell(c.threshold, c.label);
            } else {
                m_table.addPublishedCell(0, c.threshold, c.label);
            }
        }
    }

    std::size_t at(const std::string& level, const std::string& area, const std::string& slot,
                   const std::string& category, const std::string& period) const
    {
        return m_cellIndex.at(key(level, area, slot, category, period));
    }

    void addRelations()
    {
        std::map<std::size_t, std::vector<std::size_t>> children; // parent area -> children
        for (std::size_t a = 0; a < m_areas.size(); ++a)
            if (const auto it = m_areaIndex.find(m_areas[a].parent); it != m_areaIndex.end())
                children[it->second].push_back(a);
        for (const auto& a : m_areas)
            for (const auto& p : m_periods) {
                std::vector<RelationTerm> total{{at(a.level, a.code, "#total", "", p), -1}};
                for (const auto& s : m_slots)
                    if (s.key != "#total") // the themes and overig
                        total.push_back({at(a.level, a.code, s.key, "", p), 1});
                m_table.addRelation(std::move(total));
                for (const auto& s : m_slots) {
                    const auto& cats = m_categories[s.key];
                    if (s.key == "#total" || cats.empty()) continue;
                    std::vector<RelationTerm> theme{{at(a.level, a.code, s.key, "", p), -1}};
                    for (const auto& c : cats) theme.push_back({at(a.level, a.code, s.key, c, p), 1});
                    m_table.addRelation(std::move(theme));
                }
            }
        for (const auto& [parent, kids] : children) {
            const auto& pa = m_areas[parent];
            for (const auto& p : m_periods)
                for (const auto& s : m_slots) {
                    std::vector<std::string> cats{""};
                    cats.insert(cats.end(), m_categories[s.key].begin(), m_categories[s.key].end());
                    for (const auto& c : cats) {
                        std::vector<RelationTerm> terms{{at(pa.level, pa.code, s.key, c, p), -1}};
                        for (auto k : kids) terms.push_back({at(m_areas[k].level, m_areas[k].code, s.key, c, p), 1});
                        m_table.addRelation(std::move(terms));
                    }
                }
        }
    }

    // A released hour-of-week row (hot_times_protection.hpp) of an extern folder: theme total of a
    // level summary.json names. Other rows there are judged by checkDerived.
    [[nodiscard]] bool releasedHourRow(const std::vector<std::optional<std::string>>& row) const
    {
        const int level = m_hotTimes.field("level"), theme = m_hotTimes.field("theme");
        return m_audience != "intern" && m_roundingBase == 0 && level >= 0 && theme >= 0 &&
               m_hotLevels.count(row[static_cast<std::size_t>(level)].value_or("")) > 0 &&
               row[static_cast<std::size_t>(theme)].value_or("") == schema::kTotalTheme;
    }

    // Each released area's 168 hours add up to its published total (current period): the
    // hours join the table as cells, with that relation, and the audit judges them as any count.
    void addHourOfWeekRows()
    {
        const int level = m_hotTimes.field("level"), area = m_hotTimes.field("area_code"),
                  day = m_hotTimes.field("day");
        if (level < 0 || area < 0 || day < 0) return;
        std::array<int, 24> hourColumn{};
        for (int h = 0; h < 24; ++h) hourColumn[static_cast<std::size_t>(h)] = m_hotTimes.field(fmt::format("h{:02}", h));
        std::map<std::pair<std::string, std::string>, std::pair<PublishedHours, int>> weeks; // -> hours, days seen
        for (const auto& r : m_hotTimes.rows) {
            if (!releasedHourRow(r)) continue;
            const auto d = dayIndex(r[static_cast<std::size_t>(day)].value_or(""));
            if (d < 0) continue;
            auto& [hours, days] = weeks[{r[static_cast<std::size_t>(level)].value_or(""),
                                         r[static_cast<std::size_t>(area)].value_or("")}];
            ++days;
            for (int h = 0; h < 24; ++h) {
                const int c = hourColumn[static_cast<std::size_t>(h)];
                if (c < 0 || !r[static_cast<std::size_t>(c)]) continue;
                const auto& text = *r[static_cast<std::size_t>(c)];
                const double v = parseNumber(text);
                if (!(v >= 0.0) || v != std::floor(v)) {
                    m_findings.push_back({AuditFinding::Kind::DerivedPublished,
                                          fmt::format("laag {}: uurwaarde {} van {} {} is geen heel aantal",
                                                      m_hotTimes.name, text, r[static_cast<std::size_t>(level)].value_or(""),
                                                      r[static_cast<std::size_t>(area)].value_or(""))});
                    continue;
                }
                hours[static_cast<std::size_t>(d * 24 + h)] = static_cast<std::int64_t>(v);
            }
        }
        const int threshold = this->threshold("#total");
        for (const auto& [where, week] : weeks) {
            const auto& [hours, days] = week;
            const auto total = m_cellIndex.find(key(where.first, where.second, "#total", "", m_current));
            if (days != 7 || total == m_cellIndex.end()) continue; // no relation a reader can form
            for (int h = 0; h < kHoursOfWeek; ++h)
                if (const auto& v = hours[static_cast<std::size_t>(h)]; v && *v >= 1 && *v <= threshold - 1)
                    m_findings.push_back(
                        {AuditFinding::Kind::SmallPublished,
                         fmt::format("{} {}, uur van de week {}: klein aantal {} gepubliceerd in laag {} (drempel {})",
                                     where.first, where.second, hourOfWeekLabel(h), *v, m_hotTimes.name, threshold)});
            addHourOfWeekRow(m_table, total->second, hours, threshold, where.first + " " + where.second, false);
        }
    }

    static int dayIndex(const std::string& day)
    {
        for (int d = 0; d < 7; ++d)
            if (day == dutchDayShort(d)) return d;
        return -1;
    }

    [[nodiscard]] bool hidden(const std::string& level, const std::string& area, const std::string& slot,
                              const std::string& period) const
    {
        const auto it = m_cellIndex.find(key(level, area, slot, "", period));
        return it != m_cellIndex.end() && m_table.cell(it->second).hidden();
    }
    [[nodiscard]] bool hiddenAnyPeriod(const std::string& level, const std::string& area, const std::string& slot) const
    {
        return std::any_of(m_periods.begin(), m_periods.end(),
                           [&](const auto& p) { return hidden(level, area, slot, p); });
    }

    // Generic, by the output schema: every per-theme column of the scan's layers other than the
    // count itself is a figure derived from that theme's count (rate_eb_<thema> and whatever comes
    // next too). The longest matching family wins (rate_eb_ before rate_). Rates and ranks use the
    // current period, everything else may use every period. Empty: not a derived column.
    [[nodiscard]] std::pair<std::string, bool> derivedOfSlot(const std::string& name) const
    {
        std::string slot, family;
        for (const auto role : {schema::role::scanAreas, schema::role::scanAreaLevel, schema::role::scanHotspots}) {
            const auto* spec = schema::layer(role);
            if (!spec) continue;
            for (const auto& c : spec->columns) {
                if (c.family != schema::ColumnSpec::Family::Theme || c.id == schema::field::count) continue;
                if (name.size() <= c.id.size() || name.compare(0, c.id.size(), c.id) != 0) continue;
                const auto suffix = name.substr(c.id.size());
                if (suffix != "total" && suffix != "overig" && !m_themeIds.count(suffix)) continue;
                if (c.id.size() > family.size()) {
                    family = std::string(c.id);
                    slot = suffix;
                }
            }
        }
        const bool currentOnly = family.rfind("rate", 0) == 0 || family.rfind("rank", 0) == 0;
        return {slot, !currentOnly};
    }

    void derivedFinding(FolderAudit& out, const Layer& layer, const std::string& column, std::size_t rows,
                        const std::string& example)
    {
        out.findings.push_back({AuditFinding::Kind::DerivedPublished,
                                fmt::format("laag {}, kolom {}: gepubliceerd bij {} geheim(e) aantal(len), "
                                            "bijvoorbeeld {}: daaruit is het geheime aantal te herleiden",
                                            layer.name, column, rows, example)});
    }

    // A figure in a rounded folder: only the rate per 1,000 from the published (rounded) count is
    // allowed; anything else derived is computed from the true counts and undoes the rounding.
    void roundedColumn(FolderAudit& out, const Layer& layer, std::size_t col, const std::string& slotId)
    {
        const auto& name = layer.fields[col];
        const bool rate = name == std::string(schema::field::rate) + slotId;
        const int count = layer.field("n_" + slotId), population = layer.field(std::string(schema::field::population)),
                  code = layer.field("code");
        std::size_t leaks = 0;
        std::string example;
        for (const auto& r : layer.rows) {
            if (!r[col]) continue;
            bool fromRounded = false;
            if (rate && count >= 0 && population >= 0 && r[count] && r[population]) {
                try {
                    const double n = std::stod(*r[count]), p = std::stod(*r[population]), v = std::stod(*r[col]);
                    fromRounded = p > 0 && std::abs(v - n * 1000.0 / p) <= 0.0051; // published to 2 decimals
                } catch (const std::exception&) {}
            }
            if (!fromRounded && leaks++ == 0) example = code >= 0 ? r[code].value_or("") : std::string();
        }
        if (leaks > 0)
            out.findings.push_back({AuditFinding::Kind::DerivedPublished,
                                    fmt::format("laag {}, kolom {}: {} waarde(n) in een afgeronde map die niet uit "
                                                "de afgeronde aantallen volgen, bijvoorbeeld {}: daaruit zijn de "
                                                "echte aantallen te herleiden",
                                                layer.name, name, leaks, example)});
    }

    void checkDerived(FolderAudit& out)
    {
        const bool extern_ = m_audience != "intern";
        const auto checkLayer = [&](const Layer& layer, bool perArea, const std::string& fixedLevel) {
            const int code = layer.field("code"), level = layer.field("level");
            if (code < 0) return;
            for (std::size_t col = 0; col < layer.fields.size(); ++col) {
                const auto& name = layer.fields[col];
                // Which slot's count the column derives from, and from which periods.
                std::string slotId;
                bool allPeriods = false, statistic = false, numberStat = false;
                if (const auto st = statColumn(name, m_themeIds)) {
                    slotId = st->first;
                    statistic = true;
                    numberStat = st->second;
                } else if (name == "peak_total") {
                    slotId = "total";
                } else {
                    for (const char* stem : {"exp_", "chg_", "p_", "sig_", "trend_", "rate_", "rank_"})
                        if (name.rfind(stem, 0) == 0) {
                            slotId = name.substr(std::string(stem).size());
                            allPeriods = std::string(stem) != "rate_" && std::string(stem) != "rank_";
                        }
                    if (slotId != "total" && slotId != "overig" && !m_themeIds.count(slotId)) slotId.clear();
                    if (slotId.empty()) {
                        const auto derived = derivedOfSlot(name);
                        slotId = derived.first;
                        allPeriods = derived.second;
                    }
                }
                if (slotId.empty()) continue;
                if (statistic && !numberStat && m_hotspotsProtected) continue; // classes of the protected table
                if (empiricalBayesColumn(name, slotId)) continue;              // checkEmpiricalBayes
                if (m_roundingBase > 0) {
                    roundedColumn(out, layer, col, slotId);
                    continue;
                }
                std::string slotKeyOf;
                for (const auto& s : m_slots)
                    if (s.id == slotId) slotKeyOf = s.key;
                std::size_t leaks = 0, numbers = 0;
                std::string example;
                for (const auto& r : layer.rows) {
                    if (!r[col]) continue;
                    ++numbers;
                    const auto lvl = perArea && level >= 0 ? r[level].value_or("") : fixedLevel;
                    const auto area = r[code].value_or("");
                    const bool hide =
                        allPeriods ? hiddenAnyPeriod(lvl, area, slotKeyOf) : hidden(lvl, area, slotKeyOf, m_current);
                    if (hide) {
                        if (leaks++ == 0) example = lvl + " " + area;
                    }
                }
                if (leaks > 0) derivedFinding(out, layer, name, leaks, example);
                if (statistic && numberStat && extern_ && numbers > 0)
                    out.findings.push_back(
                        {AuditFinding::Kind::StatisticNumber,
                         fmt::format(
                             "laag {}, kolom {}: {} Gi*/LISA-getallen in een externe map; buiten de politie "
                             "alleen klassen (uit een z-score en de buren zijn geheime sommen terug te rekenen)",
                             layer.name, name, numbers)});
            }
        };
        for (const auto& layer : m_areaLayers) checkLayer(layer, true, "");
        for (const auto& layer : m_otherLayers) checkLayer(layer, false, m_baseLevel);

        // Hour-of-week rows of a hidden count; in a rounded folder any (they hold the true counts);
        // in an extern folder any (small hourly counts, and per hour the sums narrow hidden ones).
        if (m_roundingBase > 0 || m_audience != "intern") {
            std::size_t values = 0;
            for (const auto& r : m_hotTimes.rows)
                for (std::size_t c = 0; c < r.size() && !releasedHourRow(r); ++c)
                    if (m_hotTimes.fields[c].size() == 3 && m_hotTimes.fields[c][0] == 'h' && r[c]) ++values;
            if (values > 0)
                out.findings.push_back({AuditFinding::Kind::DerivedPublished,
                                        m_roundingBase > 0
                                            ? fmt::format("laag {}: {} uurwaarden in een afgeronde map; die zijn uit "
                                                          "de echte aantallen berekend",
                                                          m_hotTimes.name, values)
                                            : fmt::format("laag {}: {} uurwaarden in een externe map; per uur zijn "
                                                          "het kleine aantallen, en per uur opgeteld sluiten ze "
                                                          "geheime aantallen nauwer in",
                                                          m_hotTimes.name, values)});
        } else if (!m_hotTimes.rows.empty()) {
            const int level = m_hotTimes.field("level"), area = m_hotTimes.field("area_code"),
                      theme = m_hotTimes.field("theme");
            if (level >= 0 && area >= 0 && theme >= 0) {
                std::size_t leaks = 0;
                std::string example;
                for (const auto& r : m_hotTimes.rows) {
                    std::string slotKeyOf;
                    for (const auto& s : m_slots)
                        if (s.id == r[static_cast<std::size_t>(theme)].value_or("")) slotKeyOf = s.key;
                    if (!hidden(r[level].value_or(""), r[area].value_or(""), slotKeyOf, m_current)) continue;
                    bool any = false;
                    for (std::size_t c = 0; c < r.size(); ++c)
                        if (m_hotTimes.fields[c].size() == 3 && m_hotTimes.fields[c][0] == 'h' && r[c]) any = true;
                    if (any && leaks++ == 0) example = r[level].value_or("") + " " + r[area].value_or("");
                }
                if (leaks > 0) derivedFinding(out, m_hotTimes, "h00..h23", leaks, example);
            }
        }
    }

    // eb_<slot>, ebl_<slot>, klein_<slot>: judged by checkEmpiricalBayes.
    static bool empiricalBayesColumn(const std::string& name, const std::string& slotId)
    {
        for (const auto stem : {schema::field::rateEb, schema::field::rateEbLocal, schema::field::rateSmall})
            if (name == std::string(stem) + slotId) return true;
        return false;
    }

    // The inversion of the Empirical Bayes columns (issue 13). The intruder recomputes them from
    // the published table: per area layer the published counts (a hidden one as T/2, as the scan
    // uses it), the published population and queen contiguity of the layer's own polygons. Equal:
    // they tell nothing the counts do not (and none may stand beside a hidden count, its own
    // figure). Different (computed on the true counts, or another input): the prior mean and
    // variance of a level give the sum and sum of squares of its hidden counts, a local one a
    // hidden neighbour exactly, so the column fails the folder.
    void checkEmpiricalBayes(FolderAudit& out)
    {
        if (m_audience == "intern") return;
        namespace fld = schema::field;
        for (const auto& layer : m_areaLayers) {
            const int code = layer.field("code"), level = layer.field("level"),
                      population = layer.field(std::string(fld::population));
            std::optional<SpatialWeights> weights;
            for (const auto& s : m_slots) {
                const int eb = layer.field(std::string(fld::rateEb) + s.id),
                          ebl = layer.field(std::string(fld::rateEbLocal) + s.id),
                          small = layer.field(std::string(fld::rateSmall) + s.id);
                if (eb < 0 && ebl < 0 && small < 0) continue;
                const std::size_t n = layer.rows.size();
                std::vector<double> x(n), people(n, std::nan(""));
                std::vector<bool> hiddenCount(n);
                for (std::size_t a = 0; a < n; ++a) {
                    const auto& r = layer.rows[a];
                    const auto& c = m_table.cell(at(r[level].value_or(""), r[code].value_or(""), s.key, "", m_current));
                    hiddenCount[a] = c.hidden();
                    x[a] = c.hidden() ? c.threshold / 2.0 : static_cast<double>(c.value);
                    if (population >= 0 && r[population]) people[a] = parseNumber(*r[population]);
                }
                if (!weights) weights = layerWeights(layer.name);
                if (weights->size() != n) return; // geometry and attributes out of step: not judged
                const auto rates = empiricalBayesRates(x, people, *weights);
                const auto judge = [&](int col, const auto& expected, bool flag) {
                    if (col < 0) return;
                    std::size_t beside = 0, differ = 0;
                    std::string besideExample, differExample;
                    for (std::size_t a = 0; a < n; ++a) {
                        const auto& v = layer.rows[a][static_cast<std::size_t>(col)];
                        if (!v) continue;
                        const std::string where = layer.rows[a][static_cast<std::size_t>(level)].value_or("") + " " +
                                                  layer.rows[a][static_cast<std::size_t>(code)].value_or("");
                        if (hiddenCount[a] && beside++ == 0) besideExample = where;
                        const double published = parseNumber(*v), e = expected(a);
                        const bool same =
                            flag ? published == e : std::isfinite(e) && std::abs(published - e * 1000.0) <= 0.6e-4;
                        if (!same && differ++ == 0)
                            differExample = fmt::format("{}: {} gepubliceerd, {} uit de beschermde tabel", where, *v,
                                                        flag ? e : e * 1000.0);
                    }
                    const auto& name = layer.fields[static_cast<std::size_t>(col)];
                    if (beside > 0) derivedFinding(out, layer, name, beside, besideExample);
                    if (differ > 0)
                        out.findings.push_back(
                            {AuditFinding::Kind::DerivedPublished,
                             fmt::format("laag {}, kolom {}: {} waarde(n) niet te herberekenen uit de beschermde "
                                         "tabel (gepubliceerde aantallen, een geheim aantal als de helft van de "
                                         "drempel, gepubliceerde inwoners), bijvoorbeeld {}: uit de echte aantallen "
                                         "berekend zijn daaruit geheime aantallen te herleiden",
                                         layer.name, name, differ, differExample)});
                };
                judge(
                    eb, [&](std::size_t a) { return rates.global.smoothed[a]; }, false);
                judge(
                    ebl, [&](std::size_t a) { return rates.local.smoothed[a]; }, false);
                judge(
                    small, [&](std::size_t a) { return static_cast<double>(rates.tooSmall[a]); }, true);
            }
        }
    }

    static double parseNumber(const std::string& text)
    {
        try {
            return std::stod(text);
        } catch (const std::exception&) {
            return std::nan("");
        }
    }

    // Queen contiguity of a layer's polygons with the scan's snap (scan_statistics.cpp).
    SpatialWeights layerWeights(const std::string& layerName) const
    {
        gis::SourceSpec spec;
        spec.path = m_gpkg.string();
        spec.layer = layerName;
        gis::VectorReader reader(spec);
        reader.selectFields({});
        std::vector<MultiPolygon> polygons;
        gis::Feature f;
        while (reader.next(f)) polygons.push_back(std::move(f.geometry.polygons));
        return contiguityWeights(polygons, Contiguity::Queen, 0.01);
    }

    struct Slot {
        std::string id, key, label;
    };
    struct Area {
        std::string level, code, parent;
    };

    fs::path m_dir, m_gpkg;
    const ScanModel& m_model;
    std::string m_audience, m_current, m_baseLevel;
    int m_roundingBase = 0; ///< > 0: a rounded folder
    bool m_roundingControlled = false;
    bool m_hotspotsProtected = false; ///< summary.json: Gi*/LISA computed on the protected table
    std::vector<std::string> m_periods;
    std::vector<Slot> m_slots;
    std::set<std::string> m_themeIds;
    std::vector<Layer> m_areaLayers, m_otherLayers;
    Layer m_figures, m_hotTimes;
    std::set<std::string> m_hotLevels; ///< summary.json suppression.hot_times.levels (extern)
    std::vector<Area> m_areas;
    std::unordered_map<std::string, std::size_t> m_areaIndex;
    std::map<std::string, std::set<std::string>> m_categories; // slot key -> category labels
    std::vector<FolderCell> m_cells;
    std::unordered_map<std::string, std::size_t> m_cellIndex;
    ProtectionTable m_table;
    std::vector<AuditFinding> m_findings;
};

} // namespace

FolderAudit auditScanFolder(const fs::path& dir, const ScanModel& model)
{
    // The other commands' folders (issue 13: the audit understands every command's output).
    if (!fs::exists(dir / "gebiedscan.gpkg")) {
        if (fs::exists(dir / "blackspots.gpkg")) return auditInternalOnlyFolder(dir, "blackspots");
        if (fs::exists(dir / "trends.gpkg")) return auditTrendFolder(dir, model);
        if (fs::exists(dir / "hotspots.gpkg")) return auditHotspotFolder(dir, model);
        if (fs::exists(dir / "nearrepeat.csv")) return auditNearRepeatFolder(dir, model);
        if (fs::exists(dir / "facilities.gpkg")) return auditFacilityFolder(dir, model);
    }
    return FolderReader(dir, model).run();
}

} // namespace gebiedscan::pipeline
