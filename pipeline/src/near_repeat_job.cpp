#include "gebiedscan/pipeline/near_repeat_job.hpp"
#include "gebiedscan/pipeline/near_repeat_picture.hpp"

#include "gebiedscan/pipeline/accounting_report.hpp"
#include "gebiedscan/pipeline/incident_stream.hpp"
#include "gebiedscan/pipeline/output_schema.hpp"

#include "gebiedscan/core/date_time.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"
#include "gebiedscan/core/point_locator.hpp"
#include "gebiedscan/core/scan_model.hpp"
#include "gebiedscan/gis/atomic_output.hpp"
#include "gebiedscan/gis/output_folder.hpp"
#include "gebiedscan/gis/png_image.hpp"
#include "gebiedscan/gis/table_writer.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <numeric>
#include <unordered_map>

namespace gebiedscan::pipeline {

namespace {

namespace fs = std::filesystem;

std::int64_t dayOf(LocalTime t)
{
    // Floor division: a time before 1970 still lands on its own calendar day.
    const std::int64_t s = t.seconds;
    return s >= 0 ? s / kSecondsPerDay : -((-s + kSecondsPerDay - 1) / kSecondsPerDay);
}

bool raised(const NearRepeatTable& t, std::size_t d, std::size_t c, double alpha, double minimumRatio)
{
    return t.p[t.index(d, c)] <= alpha && t.ratio(d, c) >= minimumRatio;
}

/// Raised and fully published (observed and expected), so a sentence about it reveals nothing hidden.
bool raisedShown(const NearRepeatTable& t, std::size_t d, std::size_t c, double alpha, double minimumRatio,
                 const NearRepeatProtection* protection)
{
    const auto i = t.index(d, c);
    if (protection && (protection->observedHidden[i] || protection->expectedHidden[i])) return false;
    return raised(t, d, c, alpha, minimumRatio);
}

/// "N % meer dan bij toeval"; no percentage when nothing was expected at all.
std::string excessText(double observed, double expected)
{
    if (!(expected > 0)) return "terwijl bij toeval geen enkel paar te verwachten is";
    return fmt::format("{} % meer dan bij toeval", std::lround((observed / expected - 1.0) * 100.0));
}

/// excessText over a block of cells.
std::string excessPercent(const NearRepeatTable& t, std::size_t d0, std::size_t d1, std::size_t c1)
{
    double observed = 0, expected = 0;
    for (std::size_t d = d0; d <= d1; ++d)
        for (std::size_t c = 0; c <= c1; ++c) {
            observed += static_cast<double>(t.observed[t.index(d, c)]);
            expected += t.expected[t.index(d, c)];
        }
    return excessText(observed, expected);
}

std::string formatMetres(double v)
{
    return fmt::format("{:g}", v);
}

std::string dayCount(std::int64_t d)
{
    return fmt::format("{} {}", d, d == 1 ? "dag" : "dagen");
}

std::string metricName(DistanceMetric m)
{
    return m == DistanceMetric::Manhattan ? "Manhattan (|dx| + |dy|)" : "Euclidisch (hemelsbreed)";
}

} // namespace

NearRepeatInput readNearRepeatEvents(const NearRepeatJobOptions& o, Reporter& reporter)
{
    NearRepeatInput in;
    IncidentStreamOptions so;
    so.source = o.incidents;
    so.workingCrs = o.workingCrs;
    so.fields = o.fields;
    so.requireDate = true;
    so.model = loadScanModel(o.model.empty() ? defaultModelPath() : o.model);
    so.theme = o.theme;
    IncidentStream stream(so, reporter);
    in.source = stream.description();
    in.threshold = stream.model().suppressBelow;
    for (const auto& t : stream.model().themes)
        if (!o.theme.empty() && (t.id == o.theme || t.number == o.theme)) {
            in.themeId = t.id;
            if (t.suppressBelow > 0) in.threshold = t.suppressBelow;
        }
    for (Incident incident; stream.next(incident);) {
        // No areas: every point is "inside"; unknown categories count unless a theme is asked.
        const IncidentFate fate = stream.settle(incident, true);
        if (fate == IncidentFate::OtherTheme || (fate == IncidentFate::UnknownCategory && !o.theme.empty())) continue;
        in.events.push_back({incident.point, dayOf(incident.when->start)});
    }
    // BRON's jaar_vkl puts every record on 1 January: every pair would be "0 days apart".
    if (stream.datesAreOnlyYears())
        throw InputError(stream.onlyYearsMessage() +
                         tr(", dus geen near repeat: die telt paren in dagen (--time-bands); geef een veld met de "
                            "datum (--date-field)",
                            ", so no near repeat: it counts pairs in days (--time-bands); give a field with the date "
                            "(--date-field)"));
    in.accounting = stream.accounting();

    return in;
}

std::vector<std::string> nearRepeatSummary(const NearRepeatTable& t, double alpha, double minimumRatio,
                                           const NearRepeatProtection* protection)
{
    const auto raised = [&](const NearRepeatTable& table, std::size_t d, std::size_t c, double a, double m) {
        return raisedShown(table, d, c, a, m, protection);
    };
    std::vector<std::string> lines;
    const std::size_t closedTimes = t.timeBands.size();    // time classes with an upper edge
    const std::size_t closedRows = t.distanceBands.size(); // distance rows 1..k with an upper edge
    auto run = [&](std::size_t row) {
        std::size_t n = 0;
        while (n < closedTimes && raised(t, row, n, alpha, minimumRatio)) ++n;
        return n;
    };
    auto days = dayCount;

    // Near repeats per distance band, as the calculator lists them.
    bool nearFound = false;
    for (std::size_t d = 1; d <= closedRows; ++d) {
        const std::size_t n = run(d);
        if (n == 0) continue;
        nearFound = true;
        lines.push_back(fmt::format("Binnen {} tot {} m van een voorval zijn near repeats oververtegenwoordigd tot "
                                    "{} na het voorval ({}).",
                                    formatMetres(d == 1 ? 0.0 : t.distanceBands[d - 2]),
                                    formatMetres(t.distanceBands[d - 1]), days(t.timeBands[n - 1]),
                                    excessPercent(t, d, d, n - 1)));
    }
    if (nearFound) {
        // The most raised cell of the closed bands, the calculator's "how big is the difference".
        std::size_t bestD = 0, bestC = 0;
        double best = 0;
        for (std::size_t d = 1; d <= closedRows; ++d)
            for (std::size_t c = 0; c < closedTimes; ++c)
                if (raised(t, d, c, alpha, minimumRatio) && t.ratio(d, c) > best) {
                    best = t.ratio(d, c);
                    bestD = d;
                    bestC = c;
                }
        lines.insert(lines.begin(), "Een significant near-repeatpatroon: na een voorval volgen er in de omgeving "
                                    "meer voorvallen dan bij toeval te verwachten is.");
        const double bestExpected = t.expected[t.index(bestD, bestC)];
        lines.push_back(fmt::format(
            "Het sterkst oververtegenwoordigd is {} tot {} m en {} tot {} dagen na een voorval: {}.",
            formatMetres(bestD == 1 ? 0.0 : t.distanceBands[bestD - 2]), formatMetres(t.distanceBands[bestD - 1]),
            bestC == 0 ? std::int64_t{0} : t.timeBands[bestC - 1], t.timeBands[bestC],
            bestExpected > 0 ? fmt::format("de kans op een volgend voorval is daar ongeveer {} % groter dan zonder "
                                           "patroon",
                                           std::lround((best - 1.0) * 100.0))
                             : std::string("daar is bij toeval geen enkel paar te verwachten")));
    } else {
        lines.emplace_back("Geen significant near-repeatpatroon: in de omgeving van een voorval volgen er niet meer "
                           "voorvallen dan bij toeval.");
    }

    const std::size_t same = run(0);
    if (same > 0)
        lines.push_back(fmt::format("Herhaling op dezelfde locatie is oververtegenwoordigd tot {} na een voorval "
                                    "({}).",
                                    days(t.timeBands[same - 1]), excessPercent(t, 0, 0, same - 1)));
    else
        lines.emplace_back("Geen aanwijzing voor herhaling op dezelfde locatie direct na een voorval.");
    lines.push_back(
        fmt::format("(Oververtegenwoordigd = p <= {:g} en waargenomen / verwacht >= {:g}, vanaf de "
                    "eerste tijdband aaneengesloten; banden zijn halfopen: 'tot 7 dagen' is 0 t/m 6 dagen ertussen; {} "
                    "permutaties van de datums over de locaties.)",
                    alpha, minimumRatio, t.permutations));
    return lines;
}

gis::Table nearRepeatCsvTable(const NearRepeatTable& t, const NearRepeatProtection* protection)
{
    const auto& spec = *schema::layer(schema::role::nearRepeat);
    gis::Table table;
    table.name = std::string(spec.name);
    for (const auto& c : spec.columns) table.columns.push_back(schema::column(spec, c.id)); // the row's order
    const std::size_t k = t.distanceBands.size();
    for (std::size_t d = 0; d < t.distanceClasses(); ++d)
        for (std::size_t c = 0; c < t.timeClasses(); ++c) {
            std::vector<gis::Value> row;
            if (d == 0) {
                row.emplace_back(0.0);
                row.emplace_back(0.0);
            } else {
                row.emplace_back(d == 1 ? 0.0 : t.distanceBands[d - 2]);
                row.push_back(d <= k ? gis::Value(t.distanceBands[d - 1]) : gis::Value());
            }
            row.emplace_back(c == 0 ? std::int64_t{0} : t.timeBands[c - 1]);
            row.push_back(c < t.timeBands.size() ? gis::Value(t.timeBands[c]) : gis::Value());
            const std::size_t i = t.index(d, c);
            const bool observedHidden = protection && protection->observedHidden[i];
            const bool expectedHidden = protection && protection->expectedHidden[i];
            const auto hidden = [](bool h, gis::Value v) { return h ? gis::Value(gis::Suppressed{}) : v; };
            row.push_back(hidden(observedHidden, static_cast<std::int64_t>(t.observed[i])));
            row.push_back(hidden(expectedHidden, t.expected[i]));
            const double ratio = t.ratio(d, c);
            row.push_back(
                hidden(observedHidden || expectedHidden, std::isfinite(ratio) ? gis::Value(ratio) : gis::Value()));
            row.push_back(hidden(observedHidden, t.p[i]));
            table.rows.push_back(std::move(row));
        }
    return table;
}

std::vector<std::int64_t> nearRepeatPairsByFirstEvent(const std::vector<SpaceTimeEvent>& events, double distance,
                                                      std::int64_t days, DistanceMetric metric)
{
    std::vector<std::int64_t> count(events.size(), 0);
    if (!(distance > 0) || days <= 0) return count;
    // Grid of cells `distance` wide: a pair closer than that (Euclidean or Manhattan) lies in
    // neighbouring cells.
    auto cellOf = [distance](const PointRd& p) {
        return std::pair<std::int64_t, std::int64_t>{static_cast<std::int64_t>(std::floor(p.x / distance)),
                                                     static_cast<std::int64_t>(std::floor(p.y / distance))};
    };
    auto key = [](std::int64_t cx, std::int64_t cy) {
        return (static_cast<std::uint64_t>(cx) << 32) ^ (static_cast<std::uint64_t>(cy) & 0xffffffffu);
    };
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> cells;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto [cx, cy] = cellOf(events[i].point);
        cells[key(cx, cy)].push_back(static_cast<std::uint32_t>(i));
    }
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto [cx, cy] = cellOf(events[i].point);
        for (std::int64_t dx = -1; dx <= 1; ++dx)
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                const auto it = cells.find(key(cx + dx, cy + dy));
                if (it == cells.end()) continue;
                for (const auto j : it->second) {
                    if (j <= i) continue;
                    const auto gap = events[j].day - events[i].day;
                    if (std::abs(gap) >= days) continue;
                    const double d = eventDistance(events[i].point, events[j].point, metric);
                    if (!(d > 0) || d >= distance) continue;
                    ++count[gap < 0 ? j : i]; // the earlier event; the same day: the one read first
                }
            }
    }
    return count;
}

namespace {

/// The first raised cell of the first time band among the closed distance bands (the nearest
/// distance where near repeats show), as (distance upper edge, days upper edge).
std::optional<std::pair<double, std::int64_t>> firstRaisedBand(const NearRepeatTable& t, double alpha,
                                                               double minimumRatio)
{
    for (std::size_t d = 1; d + 1 < t.distanceClasses(); ++d) {
        const auto i = t.index(d, 0);
        if (t.p[i] <= alpha && t.ratio(d, 0) >= minimumRatio)
            return std::pair{t.distanceBands[d - 1], t.timeBands.front()};
    }
    return std::nullopt;
}

gis::Table nearRepeatAreaTable(const NearRepeatAreaCounts& c)
{
    gis::Table t;
    const auto& spec = *schema::layer(schema::role::nearRepeatAreas);
    t.name = std::string(spec.name);
    schema::tag(t, spec.role);
    t.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    for (const auto& column : spec.columns) t.columns.push_back(schema::column(spec, column.id));
    for (std::size_t k = 0; k < c.layer.codes.size(); ++k) {
        t.rows.push_back({c.layer.codes[k], c.layer.names[k], c.events[k], c.pairs[k]});
        gis::FeatureGeometry g;
        g.kind = gis::FeatureGeometry::Kind::Polygon;
        g.polygons = c.layer.geometries[k];
        t.geometries.push_back(std::move(g));
    }
    return t;
}

/// The protection in plain Dutch, for the summary text (the toelichting of this folder).
std::string nearRepeatProtectionText(const NearRepeatProtection* p, int threshold)
{
    if (!p)
        return "Bescherming: GEEN - interne politie-uitvoer (--internal): kleine aantallen paren zijn zichtbaar; niet "
               "verstrekken buiten de politie.";
    std::string text = fmt::format(
        "Bescherming (extern): een waargenomen aantal paren van 1 t/m {0} in een cel van de tabel kan naar twee "
        "voorvallen wijzen en is 'geheim', met zijn ratio en p. De verwachte aantallen tellen per rij en per kolom op "
        "tot de waargenomen totalen (permuteren van de datums verandert de afstand en het aantal dagen tussen de "
        "paren niet), en alle paren samen zijn n(n-1)/2; daarom zijn er zo nodig meer cellen geheim (aanvullende "
        "onderdrukking met GLPK), zodat geen geheime cel uit de totalen terug te rekenen is. Een rij- of kolomtotaal "
        "van 1 t/m {0} is ook geheim, en dan ook de verwachte aantallen van die rij of kolom; de andere rij- en "
        "kolomtotalen staan als getal in summary.json (pairs_per_distance_class, pairs_per_time_class). Geheime "
        "cellen tellen in "
        "de samenvatting als niet oververtegenwoordigd; de Knox-toets staat er alleen als alle cellen die hij telt "
        "gepubliceerd zijn. Geheim: {1} cel(len) en totalen onder de drempel, {2} aanvullend.",
        threshold - 1, p->primaries, p->secondaries);
    if (p->everythingHidden) text += " Er was geen veilig patroon te vinden: de hele tabel is geheim.";
    return text;
}

std::filesystem::path writeNearRepeatSummaryJson(const std::filesystem::path& path, const NearRepeatJobResult& r,
                                                 const NearRepeatJobOptions& o, const std::string& period)
{
    nlohmann::ordered_json s;
    s["command"] = "nearrepeat";
    s["audience"] = o.internal ? "intern" : "extern";
    s["incidents"] = {{"source", r.input.source}};
    s["theme"] = r.input.themeId.empty() ? "alle registraties" : r.input.themeId;
    s["period"] = period;
    s["events"] = r.table.events;
    s["pairs"] = r.table.pairs;
    s["distance_bands_m"] = o.analysis.distanceBands;
    s["time_bands_days"] = o.analysis.timeBands;
    s["permutations"] = r.table.permutations;
    s["seed"] = o.analysis.seed;
    // The margins, as the protection judged them (hidden: null); intern every one.
    const auto margins = [](const std::vector<std::optional<std::int64_t>>& v) {
        nlohmann::ordered_json a = nlohmann::ordered_json::array();
        for (const auto& x : v) a.push_back(x ? nlohmann::ordered_json(*x) : nlohmann::ordered_json());
        return a;
    };
    const NearRepeatProtection none;
    const auto& judged = r.protection ? *r.protection : none;
    s["pairs_per_distance_class"] = margins(judged.publishedRowTotals(r.table));
    s["pairs_per_time_class"] = margins(judged.publishedColumnTotals(r.table));
    nlohmann::ordered_json protection;
    protection["threshold"] = r.input.threshold;
    if (r.protection) {
        std::size_t cells = 0;
        for (bool h : r.protection->observedHidden) cells += h;
        protection["method"] = "onderdrukking";
        protection["rule"] = fmt::format("paren 1 t/m {} geheim, met ratio en p; aanvullend met GLPK over rij- en "
                                         "kolomtotalen en alle paren",
                                         r.input.threshold - 1);
        protection["primary"] = r.protection->primaries;
        protection["secondary"] = r.protection->secondaries;
        protection["hidden_cells"] = cells;
        protection["everything_hidden"] = r.protection->everythingHidden;
        protection["knox_published"] = r.protection->knoxPublished(r.table);
    } else {
        protection["method"] = "geen";
        protection["rule"] = "GEEN (interne politie-uitvoer: niet verstrekken buiten de politie)";
    }
    s["suppression"] = protection;
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& p : r.written) files.push_back(p.filename().string());
    files.push_back("summary.json");
    s["outputs"] = files;
    gis::writeTextFile(path, s.dump(2) + "\n");
    return path;
}

} // namespace

NearRepeatJobResult runNearRepeatJob(const NearRepeatJobOptions& o, Reporter& reporter)
{
    NearRepeatJobResult r;
    validateNearRepeatOptions(o.analysis); // before reading a million registrations
    if (!o.areas.path.empty() && !o.internal)
        throw InputError("--areas telt near-repeatparen per gebied: kleine aantallen van losse gebieden, dus interne "
                         "uitvoer, alleen voor binnen de politie. Geef --internal om ze toch te maken (niet "
                         "verstrekken)");
    r.input = readNearRepeatEvents(o, reporter);
    if (r.input.events.size() < 2)
        throw InputError(r.input.source + ": fewer than two usable registrations for the near-repeat analysis");
    reportAccounting(r.input.accounting, reporter, "");
    r.table = nearRepeatTable(r.input.events, o.analysis);
    KnoxOptions knox;
    knox.distance = o.analysis.distanceBands.front();
    knox.days = o.analysis.timeBands.front();
    knox.metric = o.analysis.metric;
    knox.permutations = o.analysis.permutations;
    knox.seed = o.analysis.seed;
    knox.threads = o.analysis.threads;
    r.knox = knoxTest(r.input.events, knox);
    if (!o.internal) r.protection = protectNearRepeatTable(r.table, r.input.threshold);
    const NearRepeatProtection* protection = r.protection ? &*r.protection : nullptr;
    r.summary = nearRepeatSummary(r.table, o.alpha, o.minimumRatio, protection);
    if (!o.areas.path.empty()) {
        if (const auto band = firstRaisedBand(r.table, o.alpha, o.minimumRatio)) {
            NearRepeatAreaCounts c;
            c.layer = gis::readAreaLayer(o.areas, {}, o.workingCrs);
            c.distance = band->first;
            c.days = band->second;
            const auto n = c.layer.codes.size();
            c.events.assign(n, 0);
            c.pairs.assign(n, 0);
            const auto perEvent = nearRepeatPairsByFirstEvent(r.input.events, c.distance, c.days, o.analysis.metric);
            const PointLocator locator(c.layer.geometries);
            for (std::size_t i = 0; i < r.input.events.size(); ++i) {
                const auto k = locator.locate(r.input.events[i].point);
                if (k < 0) continue;
                ++c.events[k];
                c.pairs[k] += perEvent[i];
            }
            r.areas = std::move(c);
        } else {
            reporter.info("--areas: geen oververtegenwoordigde afstandsband in de eerste tijdband, dus geen "
                          "near-repeatparen per gebied (nearrepeat.gpkg niet geschreven)");
        }
    }

    std::int64_t first = r.input.events.front().day, last = first;
    for (const auto& e : r.input.events) {
        first = std::min(first, e.day);
        last = std::max(last, e.day);
    }
    const std::string period =
        formatLocalTime({first * kSecondsPerDay}, true) + " t/m " + formatLocalTime({last * kSecondsPerDay}, true);

    // Every file into a staging folder swapped in as a whole (issue 18).
    gis::OutputFolder folder(o.out, "gebiedscan nearrepeat " GEBIEDSCAN_VERSION, {"nearrepeat"});
    gis::WriteOptions w;
    w.workingCrs = o.workingCrs;
    const fs::path csv = folder.path() / "nearrepeat.csv";
    gis::writeCsv(csv, nearRepeatCsvTable(r.table, protection), w);
    r.written.push_back(csv);

    const fs::path text = folder.path() / "nearrepeat_samenvatting.txt";
    {
        gis::AtomicOutput out(text);
        {
            std::ofstream f(out.temp());
            f << "Near-repeatanalyse (Knox-tabel als de Near Repeat Calculator van Ratcliffe)\n\n";
            for (const auto& line : r.summary) f << line << "\n";
            const bool nearHidden = protection && protection->rowHidden.back();
            f << fmt::format("\nBron: {}\nThema: {}\nPeriode: {}\nVoorvallen: {} ({} paren, {} binnen {} m)\n",
                             r.input.source, r.input.themeId.empty() ? "alle registraties" : r.input.themeId, period,
                             r.table.events, r.table.pairs,
                             nearHidden ? std::string("geheim") : std::to_string(r.table.nearPairs),
                             formatMetres(o.analysis.distanceBands.back()));
            f << fmt::format(
                "Afstand: {}; afstandsbanden (m): dezelfde locatie, [0, {}){}, [{}, onbegrensd)\n",
                metricName(o.analysis.metric), formatMetres(o.analysis.distanceBands[0]),
                [&] {
                    std::string s;
                    for (std::size_t i = 1; i < o.analysis.distanceBands.size(); ++i)
                        s += fmt::format(", [{}, {})", formatMetres(o.analysis.distanceBands[i - 1]),
                                         formatMetres(o.analysis.distanceBands[i]));
                    return s;
                }(),
                formatMetres(o.analysis.distanceBands.back()));
            f << fmt::format(
                "Tijd: hele dagen tussen de (begin)datums; een van-totregistratie telt op haar eerste dag\n");
            f << fmt::format("Permutaties: {} (seed {}); verwacht = gemiddelde, p = (M + 1) / (R + 1)\n",
                             o.analysis.permutations, o.analysis.seed);
            if (!protection || protection->knoxPublished(r.table))
                f << fmt::format("Knox-toets (globaal, afstand <= {} m en <= {}): X = {}, verwacht {:.2f} "
                                 "(Poisson p = {:.4g}; permutatie p = {:.4g})\n",
                                 formatMetres(knox.distance), dayCount(knox.days), r.knox.statistic,
                                 r.knox.expectedPoisson, r.knox.pPoisson, r.knox.pPermutation);
            else
                f << fmt::format("Knox-toets (globaal, afstand <= {} m en <= {}): geheim (telt paren uit cellen "
                                 "van de tabel die geheim zijn)\n",
                                 formatMetres(knox.distance), dayCount(knox.days));
            f << "Tabel als figuur: nearrepeat_tabel.png (kleur naar waargenomen / verwacht; * = "
                 "oververtegenwoordigd)\n";
            if (r.areas)
                f << fmt::format("Per gebied ({}): nearrepeat.gpkg, laag areas: {} paren op minder dan {} m (niet "
                                 "dezelfde plek) en minder dan {} ertussen, elk geteld bij het gebied van het eerste "
                                 "voorval (bij dezelfde dag het eerst ingelezen); interne uitvoer\n",
                                 r.areas->layer.description,
                                 std::accumulate(r.areas->pairs.begin(), r.areas->pairs.end(), std::int64_t{0}),
                                 formatMetres(r.areas->distance), dayCount(r.areas->days));
            f << "\n" << nearRepeatProtectionText(protection, r.input.threshold) << "\n";
            if (!f.flush()) throw OutputError("cannot write " + text.string());
        }
        out.commit();
    }
    r.written.push_back(text);
    // The heat table (after the text, so written[0..1] stay the csv and the summary).
    const fs::path picture = folder.path() / "nearrepeat_tabel.png";
    {
        const auto heat = nearRepeatHeatTable(r.table, o.alpha, o.minimumRatio, protection);
        gis::writePngImage(picture, heat.width, heat.height, heat.argb);
    }
    r.written.push_back(picture);
    if (r.areas) {
        gis::WriteOptions areaOptions = w;
        areaOptions.metadata[std::string(schema::kAudienceKey)] = "intern";
        areaOptions.metadata["bron_registraties"] = r.input.source;
        areaOptions.metadata["bron_gebieden"] = r.areas->layer.description;
        areaOptions.metadata["near_repeat_band"] = fmt::format(
            "afstand > 0 en < {} m, < {} ertussen", formatMetres(r.areas->distance), dayCount(r.areas->days));
        const fs::path gpkg = folder.path() / "nearrepeat.gpkg";
        gis::writeGeoPackage(gpkg, {nearRepeatAreaTable(*r.areas)}, areaOptions);
        r.written.push_back(gpkg);
    }
    r.written.push_back(writeNearRepeatSummaryJson(folder.path() / "summary.json", r, o, period));
    folder.commit();
    for (auto& file : r.written) file = folder.finalPath(file);
    return r;
}

} // namespace gebiedscan::pipeline
