#include "job_folder_audit.hpp"

#include "audit_layer.hpp"

#include "gebiedscan/pipeline/near_repeat_protection.hpp"
#include "gebiedscan/pipeline/output_schema.hpp"
#include "gebiedscan/pipeline/table_audit.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/facility_counts.hpp"
#include "gebiedscan/gis/layer_info.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>

namespace gebiedscan::pipeline {

namespace fs = std::filesystem;

namespace {

// Gi*/LISA numbers (z, p, I, tau of the z-scores): never in an extern folder.
const std::set<std::string> kStatisticNumbers{"gi_z",   "gi_p",       "gi_p_adj",     "lisa_i",    "lisa_z",
                                              "lisa_p", "lisa_p_adj", "gi_z_laatste", "mk_tau_gi", "mk_p_gi"};
// Classes of a cell's own statistic: hidden with its count.
const std::set<std::string> kClasses{"gi_bin", "gi_label", "lisa_q", "lisa_kwadrant"};

std::string number(double v)
{
    return std::isinf(v) ? std::string("onbegrensd") : fmt::format("{:g}", v);
}

std::map<std::string, std::string> layerMetadata(const fs::path& gpkg, const std::string& layer)
{
    for (auto& info : gis::listLayers(gpkg.string()))
        if (info.name == layer) return info.metadata;
    throw InputError("'" + gpkg.string() + "' has no layer " + layer);
}

std::optional<std::int64_t> count(const AuditLayer::Row& row, int column, const fs::path& gpkg)
{
    if (column < 0 || !row[static_cast<std::size_t>(column)]) return std::nullopt;
    const auto& text = *row[static_cast<std::size_t>(column)];
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text.size() && v == std::floor(v) && v >= 0) return static_cast<std::int64_t>(v);
    } catch (const std::exception&) {}
    throw InputError("'" + gpkg.string() + "': count '" + text + "' is no whole number");
}

int themeThreshold(const ScanModel& model, const std::string& theme)
{
    for (const auto& t : model.themes)
        if ((t.id == theme || t.number == theme) && t.suppressBelow > 0) return t.suppressBelow;
    return model.suppressBelow;
}

// Every Gi*/LISA number column with a value, in an extern folder.
void statisticNumbers(FolderAudit& out, const AuditLayer& layer)
{
    for (std::size_t c = 0; c < layer.fields.size(); ++c) {
        if (!kStatisticNumbers.count(layer.fields[c])) continue;
        std::size_t numbers = 0;
        for (const auto& r : layer.rows) numbers += r[c].has_value();
        if (numbers > 0)
            out.findings.push_back(
                {AuditFinding::Kind::StatisticNumber,
                 fmt::format("laag {}, kolom {}: {} Gi*/LISA-getallen in een externe map; buiten de politie alleen "
                             "klassen (uit een z-score en de buren zijn geheime sommen terug te rekenen)",
                             layer.name, layer.fields[c], numbers)});
    }
}

void narrowedFindings(FolderAudit& out, const ProtectionTable& table)
{
    out.cells = table.cells().size();
    out.hiddenCells = table.hiddenCount();
    out.relations = table.relations().size();
    const auto audit = auditTable(table, {AuditRule::FolderReader, true});
    out.linearPrograms = audit.linearPrograms;
    for (auto i : audit.failing) {
        const auto& iv = audit.intervals[i];
        const auto& c = table.cell(iv.cell);
        ++out.narrowed;
        if (iv.low == iv.high) ++out.exact;
        out.findings.push_back(
            {AuditFinding::Kind::Narrowed,
             std::isnan(iv.low)  ? fmt::format("{}: geheim, maar de gepubliceerde cijfers eromheen zijn onderling "
                                                "tegenstrijdig",
                                               table.label(iv.cell))
             : iv.low == iv.high ? fmt::format("{}: geheim, maar exact te herleiden: {}", table.label(iv.cell), number(iv.low))
                                 : fmt::format("{}: geheim, maar te herleiden tot {} t/m {} (beschermd is alleen 1 "
                                               "t/m {} geheel, of buiten dat bereik)",
                                               table.label(iv.cell), number(iv.low), number(iv.high), c.threshold - 1),
             iv.low, iv.high});
    }
    for (auto r : audit.inconsistent) {
        std::string terms;
        for (const auto& t : table.relations()[r].terms)
            terms += fmt::format("{}{} x {} ({})", terms.empty() ? "" : " + ", t.coefficient, table.cell(t.cell).value,
                                 table.label(t.cell));
        out.findings.push_back({AuditFinding::Kind::Inconsistent,
                                "optelling klopt niet met de gepubliceerde cijfers: " + terms + " is niet 0"});
    }
}

} // namespace

FolderAudit auditTrendFolder(const fs::path& dir, const ScanModel& model)
{
    const fs::path gpkg = dir / "trends.gpkg";
    const auto meta = layerMetadata(gpkg, "trends");
    FolderAudit out;
    out.audience = meta.count(std::string(schema::kAudienceKey)) ? meta.at(std::string(schema::kAudienceKey)) : "";
    const bool extern_ = out.audience != "intern";
    const int threshold = themeThreshold(model, meta.count("thema") ? meta.at("thema") : std::string());

    const auto locations = readAuditLayer(gpkg, "trends");
    const auto periods = readAuditLayer(gpkg, "trends_per_periode");
    const int code = locations.field("code"), total = locations.field("registraties");
    const int pCode = periods.field("code"), pPeriod = periods.field("periode"), pCount = periods.field("registraties");
    if (code < 0 || total < 0 || pCode < 0 || pPeriod < 0 || pCount < 0)
        throw InputError("'" + gpkg.string() + "' is no trends output (code, registraties, periode)");

    ProtectionTable table;
    std::map<std::string, std::vector<RelationTerm>> sums; // location -> its periods and total
    std::set<std::string> hiddenLocations;
    const auto add = [&](const std::optional<std::int64_t>& v, const std::string& label, const std::string& where,
                         const std::string& location) {
        if (!v) hiddenLocations.insert(location);
        if (v && extern_ && *v >= 1 && *v <= threshold - 1)
            out.findings.push_back(
                {AuditFinding::Kind::SmallPublished,
                 fmt::format("{}: klein aantal {} gepubliceerd in {} (drempel {})", label, *v, where, threshold)});
        return v ? table.addPublishedCell(*v, threshold, label) : table.addHiddenCell(threshold, label);
    };
    for (const auto& r : periods.rows) {
        const auto loc = r[static_cast<std::size_t>(pCode)].value_or("");
        const auto label = fmt::format("locatie {}, {}", loc, r[static_cast<std::size_t>(pPeriod)].value_or(""));
        sums[loc].push_back({add(count(r, pCount, gpkg), label, "laag trends_per_periode", loc), 1});
    }
    for (const auto& r : locations.rows) {
        const auto loc = r[static_cast<std::size_t>(code)].value_or("");
        sums[loc].push_back({add(count(r, total, gpkg), "locatie " + loc + ", alle perioden", "laag trends", loc), -1});
    }
    for (auto& [loc, terms] : sums) table.addRelation(std::move(terms));
    narrowedFindings(out, table);

    if (extern_) {
        statisticNumbers(out, locations);
        statisticNumbers(out, periods);
    }
    // The trend of the counts (Mann-Kendall) orders them: not beside a hidden count.
    for (const char* column : {"mk_tau_aantal", "mk_p_aantal"}) {
        const int c = locations.field(column);
        if (c < 0) continue;
        std::size_t leaks = 0;
        std::string example;
        for (const auto& r : locations.rows)
            if (r[static_cast<std::size_t>(c)] && hiddenLocations.count(r[static_cast<std::size_t>(code)].value_or("")))
                if (leaks++ == 0) example = r[static_cast<std::size_t>(code)].value_or("");
        if (leaks > 0)
            out.findings.push_back({AuditFinding::Kind::DerivedPublished,
                                    fmt::format("laag trends, kolom {}: gepubliceerd bij {} locatie(s) met een geheim "
                                                "aantal, bijvoorbeeld {}: de trend ordent de geheime aantallen",
                                                column, leaks, example)});
    }
    return out;
}

FolderAudit auditHotspotFolder(const fs::path& dir, const ScanModel& model)
{
    const fs::path gpkg = dir / "hotspots.gpkg";
    const auto meta = layerMetadata(gpkg, "hotspots");
    FolderAudit out;
    out.audience = meta.count(std::string(schema::kAudienceKey)) ? meta.at(std::string(schema::kAudienceKey)) : "";
    const bool extern_ = out.audience != "intern";
    const int threshold = model.suppressBelow;
    const auto layer = readAuditLayer(gpkg, "hotspots");
    int value = layer.field("aantal");
    if (value < 0) value = layer.field("waarde");
    const int id = layer.field("id");
    if (value < 0 || id < 0) throw InputError("'" + gpkg.string() + "' is no hotspots output (id, aantal/waarde)");
    // No published relation links the cells (no totals), so each hidden count is alone: [0, inf).
    std::vector<std::size_t> hiddenRows;
    for (std::size_t i = 0; i < layer.rows.size(); ++i) {
        const auto& r = layer.rows[i];
        ++out.cells;
        if (!r[static_cast<std::size_t>(value)]) {
            hiddenRows.push_back(i);
            ++out.hiddenCells;
            continue;
        }
        double v = 0.0;
        try {
            v = std::stod(*r[static_cast<std::size_t>(value)]);
        } catch (const std::exception&) {
            continue;
        }
        if (extern_ && v >= 1 && v <= threshold - 1 && v == std::floor(v))
            out.findings.push_back({AuditFinding::Kind::SmallPublished,
                                    fmt::format("{} {}: klein aantal {} gepubliceerd in laag hotspots (drempel {})",
                                                layer.field("aantal") >= 0 ? "cel" : "object",
                                                r[static_cast<std::size_t>(id)].value_or(""), v, threshold)});
    }
    if (extern_) {
        statisticNumbers(out, layer);
        for (const char* key : {"moran_i", "moran_z", "moran_z_per_band"})
            if (meta.count(key))
                out.findings.push_back(
                    {AuditFinding::Kind::StatisticNumber,
                     fmt::format("metadata {}: een globale Moran-statistiek in een externe map; met "
                                 "alle andere waarden bekend is een geheime waarde eruit op te lossen",
                                 key)});
    }
    for (std::size_t c = 0; c < layer.fields.size(); ++c) {
        if (!kClasses.count(layer.fields[c])) continue;
        std::size_t leaks = 0;
        std::string example;
        for (auto i : hiddenRows)
            if (layer.rows[i][c] && leaks++ == 0) example = layer.rows[i][static_cast<std::size_t>(id)].value_or("");
        if (leaks > 0)
            out.findings.push_back({AuditFinding::Kind::DerivedPublished,
                                    fmt::format("laag hotspots, kolom {}: gepubliceerd bij {} geheim(e) aantal(len), "
                                                "bijvoorbeeld {}",
                                                layer.fields[c], leaks, example)});
    }
    return out;
}

namespace {

/// A published number of a text table: nullopt when hidden ("geheim", empty) or no number.
std::optional<double> publishedNumber(const AuditLayer::Row& row, int column)
{
    if (column < 0 || !row[static_cast<std::size_t>(column)]) return std::nullopt;
    const auto& text = *row[static_cast<std::size_t>(column)];
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text.size() && std::isfinite(v)) return v;
    } catch (const std::exception&) {}
    return std::nullopt;
}

std::string readText(const fs::path& file)
{
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

FolderAudit auditNearRepeatFolder(const fs::path& dir, const ScanModel& model)
{
    FolderAudit out;
    nlohmann::json summary;
    if (fs::exists(dir / "summary.json")) {
        try {
            summary = nlohmann::json::parse(readText(dir / "summary.json"));
        } catch (const std::exception& e) {
            throw InputError("'" + (dir / "summary.json").string() + "': " + e.what());
        }
    }
    out.audience = summary.value("audience", std::string());
    const bool extern_ = out.audience != "intern";
    // The model's threshold, never the folder's own claim.
    const int threshold = themeThreshold(model, summary.value("theme", std::string()));
    if (fs::exists(dir / "nearrepeat.gpkg"))
        out.findings.push_back({AuditFinding::Kind::InternalOnly,
                                "nearrepeat.gpkg telt near-repeatparen per gebied: kleine aantallen van losse "
                                "gebieden, alleen voor binnen de politie; zo'n map gaat nooit naar buiten"});

    const fs::path csv = dir / "nearrepeat.csv";
    const auto layer = readAuditLayer(csv, "nearrepeat");
    const int distFrom = layer.field("dist_from"), distTo = layer.field("dist_to"), obs = layer.field("observed"),
              exp = layer.field("expected"), ratio = layer.field("ratio"), p = layer.field("p");
    if (distFrom < 0 || distTo < 0 || obs < 0 || exp < 0 || layer.rows.empty())
        throw InputError("'" + csv.string() + "' is no nearrepeat output (dist_from, dist_to, observed, expected)");
    // Rows are row-major: the time classes of the first distance class, then the next.
    std::size_t columns = 0;
    while (columns < layer.rows.size() &&
           layer.rows[columns][static_cast<std::size_t>(distFrom)] ==
               layer.rows[0][static_cast<std::size_t>(distFrom)] &&
           layer.rows[columns][static_cast<std::size_t>(distTo)] == layer.rows[0][static_cast<std::size_t>(distTo)])
        ++columns;
    if (layer.rows.size() % columns != 0) throw InputError("'" + csv.string() + "': the Knox table is not rectangular");
    const std::size_t rows = layer.rows.size() / columns;

    std::vector<std::optional<std::int64_t>> observed(rows * columns);
    std::vector<std::optional<double>> expected(rows * columns);
    std::size_t leaks = 0;
    std::string leakExample;
    for (std::size_t i = 0; i < layer.rows.size(); ++i) {
        const auto& r = layer.rows[i];
        const auto label = fmt::format("Knox-tabel, afstandsklasse {}, tijdklasse {}", i / columns, i % columns);
        if (const auto v = publishedNumber(r, obs)) {
            if (*v < 0 || *v != std::floor(*v))
                throw InputError("'" + csv.string() + "': observed '" + *r[static_cast<std::size_t>(obs)] +
                                 "' is no whole number");
            observed[i] = static_cast<std::int64_t>(*v);
            if (extern_ && *observed[i] >= 1 && *observed[i] <= threshold - 1)
                out.findings.push_back({AuditFinding::Kind::SmallPublished,
                                        fmt::format("{}: klein aantal paren {} gepubliceerd in nearrepeat.csv "
                                                    "(drempel {})",
                                                    label, *observed[i], threshold)});
        }
        expected[i] = publishedNumber(r, exp);
        // The ratio gives the observed count from the expected (and the expected from the
        // observed); p orders the observed count among the permutations.
        const bool ratioShown = publishedNumber(r, ratio).has_value();
        const bool pShown = publishedNumber(r, p).has_value();
        if ((!observed[i] && (ratioShown || pShown)) || (!expected[i] && ratioShown))
            if (leaks++ == 0) leakExample = label;
    }
    if (leaks > 0)
        out.findings.push_back({AuditFinding::Kind::DerivedPublished,
                                fmt::format("nearrepeat.csv: {} cel(len) met een geheim aantal (of geheim verwacht) "
                                            "en toch een ratio of p, bijvoorbeeld {}",
                                            leaks, leakExample)});

    // The expected of a row (column) add up to its observed total, when every one is published.
    const auto total = [&](auto index, std::size_t n) -> std::optional<std::int64_t> {
        double sum = 0.0;
        for (std::size_t k = 0; k < n; ++k) {
            const auto& e = expected[index(k)];
            if (!e) return std::nullopt;
            sum += *e;
        }
        return std::llround(sum);
    };
    std::vector<std::optional<std::int64_t>> rowTotal(rows), columnTotal(columns);
    for (std::size_t d = 0; d < rows; ++d) rowTotal[d] = total([&](std::size_t c) { return d * columns + c; }, columns);
    for (std::size_t c = 0; c < columns; ++c)
        columnTotal[c] = total([&](std::size_t d) { return d * columns + c; }, rows);
    // The margins summary.json publishes as numbers (pairs per distance and per time class).
    const auto published = [&](const char* key, std::vector<std::optional<std::int64_t>>& margin) {
        if (!summary.contains(key) || !summary[key].is_array()) return;
        const auto& a = summary[key];
        if (a.size() != margin.size())
            throw InputError("'" + (dir / "summary.json").string() + "': " + key + " does not match nearrepeat.csv");
        for (std::size_t k = 0; k < a.size(); ++k)
            if (a[k].is_number_integer() && !margin[k]) margin[k] = a[k].get<std::int64_t>();
    };
    published("pairs_per_distance_class", rowTotal);
    published("pairs_per_time_class", columnTotal);
    std::int64_t pairs = 0;
    if (summary.contains("pairs"))
        pairs = summary["pairs"].get<std::int64_t>();
    else if (summary.contains("events")) {
        const auto n = summary["events"].get<std::int64_t>();
        pairs = n * (n - 1) / 2;
    } else {
        // Without summary.json the reader still has n from nearrepeat_samenvatting.txt; here the
        // sum of the columns stands in for it when they are all known.
        for (const auto& c : columnTotal) pairs += c.value_or(0);
    }
    ProtectionTable table;
    const auto cells = addKnoxTable(table, rows, columns, observed, rowTotal, columnTotal, pairs, threshold, false);
    narrowedFindings(out, table);

    // The Knox test counts the pairs at <= d1 and <= t1 days: cells of distance classes 0..2 and
    // time classes 0..1. Its X beside a hidden one of them bounds that cell.
    bool blockHidden = false;
    for (std::size_t d = 0; d < std::min<std::size_t>(3, rows); ++d)
        for (std::size_t c = 0; c < std::min<std::size_t>(2, columns); ++c)
            blockHidden = blockHidden || !observed[d * columns + c];
    const fs::path text = dir / "nearrepeat_samenvatting.txt";
    if (blockHidden && fs::exists(text) && readText(text).find("): X = ") != std::string::npos)
        out.findings.push_back({AuditFinding::Kind::DerivedPublished,
                                "nearrepeat_samenvatting.txt: de Knox-toets (X) staat er, terwijl cellen die hij "
                                "telt geheim zijn (X min de gepubliceerde cellen begrenst de geheime)"});
    (void)cells;
    return out;
}

FolderAudit auditFacilityFolder(const fs::path& dir, const ScanModel& model)
{
    const fs::path gpkg = dir / "facilities.gpkg";
    const auto meta = layerMetadata(gpkg, "facilities");
    FolderAudit out;
    out.audience = meta.count(std::string(schema::kAudienceKey)) ? meta.at(std::string(schema::kAudienceKey)) : "";
    const bool extern_ = out.audience != "intern";
    const auto layer = readAuditLayer(gpkg, "facilities");
    const int total = layer.field("n_total");
    if (total < 0) throw InputError("'" + gpkg.string() + "' is no facilities output (n_total)");
    // The theme columns n_<theme> (n_ring is the comparison ring, internal only).
    std::vector<int> themeColumns;
    std::vector<int> themeThresholds;
    for (std::size_t c = 0; c < layer.fields.size(); ++c) {
        const auto& f = layer.fields[c];
        if (f.rfind("n_", 0) != 0 || f == "n_total" || f == "n_ring") continue;
        themeColumns.push_back(static_cast<int>(c));
        themeThresholds.push_back(themeThreshold(model, f.substr(2)));
    }
    ProtectionTable table;
    std::vector<std::optional<std::int64_t>> totals;
    std::vector<std::size_t> hiddenRows;
    const auto add = [&](const std::optional<std::int64_t>& v, int threshold, const std::string& label) {
        if (v && extern_ && *v >= 1 && *v <= threshold - 1)
            out.findings.push_back({AuditFinding::Kind::SmallPublished,
                                    fmt::format("{}: klein aantal {} gepubliceerd in facilities.gpkg (drempel {})",
                                                label, *v, threshold)});
        return v ? table.addPublishedCell(*v, threshold, label) : table.addHiddenCell(threshold, label);
    };
    for (std::size_t i = 0; i < layer.rows.size(); ++i) {
        const auto& r = layer.rows[i];
        const auto v = count(r, total, gpkg);
        totals.push_back(v);
        if (!v) hiddenRows.push_back(i);
        const auto name = fmt::format("voorziening {}", i + 1);
        std::vector<RelationTerm> terms{{add(v, model.suppressBelow, name + ", n_total"), -1}};
        for (std::size_t k = 0; k < themeColumns.size(); ++k)
            terms.push_back({add(count(r, themeColumns[k], gpkg), themeThresholds[k],
                                 name + ", " + layer.fields[static_cast<std::size_t>(themeColumns[k])]),
                             1});
        if (!themeColumns.empty()) table.addRelation(std::move(terms));
    }
    narrowedFindings(out, table);

    // Figures of a hidden total: its rank, density and verhoogd; the ring and p only internally.
    for (const char* column : {"rank", "dichtheid_km2", "verhoogd"}) {
        const int c = layer.field(column);
        if (c < 0) continue;
        std::size_t leaks = 0;
        for (auto i : hiddenRows) leaks += layer.rows[i][static_cast<std::size_t>(c)].has_value();
        if (leaks > 0)
            out.findings.push_back(
                {AuditFinding::Kind::DerivedPublished,
                 fmt::format("laag facilities, kolom {}: gepubliceerd bij {} geheim(e) totaal/totalen", column,
                             leaks)});
    }
    // Extern ranks count the published totals only (1 + those larger): a rank counted over all
    // totals places hidden ones above or below a published total, and so bounds them.
    if (const int rank = layer.field("rank"); extern_ && rank >= 0) {
        std::size_t off = 0;
        std::string example;
        for (std::size_t i = 0; i < layer.rows.size(); ++i) {
            const auto shown = publishedNumber(layer.rows[i], rank);
            if (!shown || !totals[i]) continue;
            std::int64_t expected = 1;
            for (const auto& v : totals) expected += v && *v > *totals[i];
            if (*shown != static_cast<double>(expected) && off++ == 0)
                example = fmt::format("voorziening {} (totaal {}): rang {:g}, uit de gepubliceerde totalen {}", i + 1,
                                      *totals[i], *shown, expected);
        }
        if (off > 0)
            out.findings.push_back({AuditFinding::Kind::DerivedPublished,
                                    fmt::format("laag facilities, kolom rank: {} rang(en) volgen niet uit de "
                                                "gepubliceerde totalen, bijvoorbeeld {}: zo'n rang telt geheime "
                                                "totalen mee en zet ze boven of onder een gepubliceerd totaal",
                                                off, example)});
    }
    if (extern_)
        for (const char* column : {"n_ring", "verwacht", "p", "p_adj"}) {
            const int c = layer.field(column);
            if (c < 0) continue;
            std::size_t shown = 0;
            for (const auto& r : layer.rows) shown += r[static_cast<std::size_t>(c)].has_value();
            if (shown > 0)
                out.findings.push_back({AuditFinding::Kind::DerivedPublished,
                                        fmt::format("laag facilities, kolom {}: {} waarden in een externe map (alleen "
                                                    "intern: met de ring en p is een geheim totaal te benaderen)",
                                                    column, shown)});
        }

    // The concentration: registrations per step give sums of the totals; the shares must come
    // from the published totals with every hidden one as T/2 (twice every count: T).
    const auto curve = readAuditLayer(gpkg, "concentratie");
    const int registrations = curve.field("registraties"), share = curve.field("aandeel_registraties_pct"),
              facilityShare = curve.field("aandeel_voorzieningen_pct");
    if (extern_ && registrations >= 0) {
        std::size_t shown = 0;
        for (const auto& r : curve.rows) shown += r[static_cast<std::size_t>(registrations)].has_value();
        if (shown > 0)
            out.findings.push_back({AuditFinding::Kind::DerivedPublished,
                                    fmt::format("laag concentratie, kolom registraties: {} sommen van totalen in een "
                                                "externe map; met de gepubliceerde totalen geven ze de geheime terug",
                                                shown)});
    }
    if (extern_ && share >= 0 && facilityShare >= 0 && !hiddenRows.empty()) {
        std::vector<std::uint64_t> imputed;
        for (const auto& v : totals)
            imputed.push_back(v ? 2 * static_cast<std::uint64_t>(*v) : static_cast<std::uint64_t>(model.suppressBelow));
        std::vector<double> shares;
        std::vector<std::optional<double>> published;
        for (const auto& r : curve.rows) {
            const auto fs = publishedNumber(r, facilityShare);
            if (!fs) continue;
            shares.push_back(*fs / 100.0);
            published.push_back(publishedNumber(r, share));
        }
        const auto expectedCurve = concentrationCurve(imputed, shares);
        std::size_t off = 0;
        for (std::size_t k = 0; k < expectedCurve.size(); ++k)
            if (published[k] && std::abs(*published[k] - expectedCurve[k].registrationShare * 100) > 0.5 + 1e-9) ++off;
        if (off > 0)
            out.findings.push_back(
                {AuditFinding::Kind::DerivedPublished,
                 fmt::format(
                     "laag concentratie: {} aandeel/aandelen volgen niet uit de gepubliceerde totalen (met elk "
                     "geheim totaal als {:g}): berekend op de ware aantallen geven aandeel x totalen de som van "
                     "de geheime terug",
                     off, model.suppressBelow / 2.0)});
    }
    return out;
}

FolderAudit auditInternalOnlyFolder(const fs::path& dir, const std::string& command)
{
    FolderAudit out;
    out.audience = "intern";
    out.findings.push_back({AuditFinding::Kind::InternalOnly,
                            fmt::format("'{}' is uitvoer van gebiedscan {}: losse ongevallen en kleine aantallen, "
                                        "alleen voor binnen de politie; zo'n map gaat nooit naar buiten",
                                        dir.string(), command)});
    return out;
}

} // namespace gebiedscan::pipeline
