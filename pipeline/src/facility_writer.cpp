// Writes a facility analysis into one output folder (gis::OutputFolder).
#include "gebiedscan/pipeline/facility_writer.hpp"

#include "gebiedscan/pipeline/accounting_report.hpp"
#include "gebiedscan/pipeline/output_schema.hpp"

#include "gebiedscan/gis/atomic_output.hpp"
#include "gebiedscan/gis/output_folder.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace gebiedscan::pipeline {

namespace fs = std::filesystem;
using gis::Value;

namespace {

double round(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

std::string dutchNumber(double v);

std::string protectionRule(const FacilityJobResult& r, const FacilityJobOptions& o)
{
    if (o.internal) return "GEEN (interne politie-uitvoer: niet verstrekken buiten de politie)";
    return fmt::format(
        "aantallen 1 t/m {0} per voorziening getoond als 'geheim' (per thema de drempel van het thema); "
        "heeft een voorziening een geheim thema, dan zijn al haar thema's geheim (anders volgt het uit "
        "n_total min de andere), en ook n_total als dat kleiner is dan de drempel van een thema min 1; "
        "is er maar één geheim totaal, dan ook het kleinste gepubliceerde; "
        "rang, dichtheid en verhoogd zijn geheim waar n_total geheim is; de rang telt alleen de "
        "gepubliceerde totalen; ring, verwacht en p alleen intern; "
        "de concentratie (aandelen) is berekend met elk geheim totaal als {1} (de helft van de drempel), "
        "zodat uit aandeel x totalen geen geheim aantal volgt; de aantallen registraties per stap niet",
        r.totalThreshold - 1, dutchNumber(r.totalThreshold / 2.0));
}

std::string countingRule(const FacilityJobOptions& o)
{
    return o.nearestOnly ? "alleen bij de dichtstbijzijnde voorziening binnen de straal (--nearest-only)"
                         : "bij elke voorziening binnen de straal (overlappende straalzones tellen een registratie "
                           "meer dan eens)";
}

// "0,05": numbers in Dutch text take a decimal comma.
std::string dutchNumber(double v)
{
    std::string text = fmt::format("{:g}", v);
    std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

// Which distance was used, in one line for the metadata and the explanation.
std::string distanceText(const FacilityJobResult& r, const FacilityJobOptions& o)
{
    if (!r.byNetwork) return "hemelsbreed (bij een vlak vanaf de rand; binnen het vlak telt alles)";
    return fmt::format("over het wegennet ({}: {} wegvakken, {} km), kortste route tussen de punten waar registratie "
                       "en voorziening op de weg aansluiten (dichtstbijzijnde weg binnen {:g} m; bij een lijn of vlak "
                       "de dichtstbijzijnde van de hoekpunten); de afstand van adres tot weg telt niet mee",
                       r.roadsSource, r.roadSegments, dutchNumber(std::round(r.roadKilometres * 10) / 10),
                       o.snapTolerance);
}

std::string methodText(const FacilityJobResult& r, const FacilityJobOptions& o)
{
    return fmt::format("verhoogd: het aantal binnen {0:g} m (alle registraties, ook bij --nearest-only) tegen de "
                       "ring van {0:g} tot {1:g} m, exacte voorwaardelijke Poisson-toets (eenzijdig; als R "
                       "poisson.test(..., alternative = \"greater\")), {3}, Benjamini-Hochberg over de voorzieningen, "
                       "alfa {2}",
                       o.radius, o.radius * o.ringFactor, dutchNumber(o.alpha),
                       r.byNetwork ? "naar de meters weg binnen de straal en in de ring (afstand over het wegennet)"
                                   : "oppervlakken volgens Steiner (vlak + omtrek x r + pi r²)");
}

// Own field names that clash with ours get the prefix "bron_".
std::vector<gis::Column> ownColumns(const FacilityJobResult& r, const std::vector<gis::Column>& ours)
{
    std::vector<gis::Column> out = r.ownColumns;
    for (auto& c : out) {
        const auto clash = [&](const std::string& name) {
            std::string lower = name;
            std::transform(lower.begin(), lower.end(), lower.begin(),
                           [](unsigned char ch) { return std::tolower(ch); });
            return std::any_of(ours.begin(), ours.end(), [&](const gis::Column& o) { return o.name == lower; }) ||
                   lower == "fid" || lower == "geom";
        };
        while (clash(c.name)) c.name = "bron_" + c.name;
    }
    return out;
}

} // namespace

gis::Table facilityTable(const FacilityJobResult& r, const FacilityJobOptions& o)
{
    const auto& spec = *schema::layer(schema::role::facilities);
    gis::Table t;
    t.name = std::string(spec.name);
    schema::tag(t, spec.role);
    const bool byTheme = !(r.groupIds.size() == 1 && r.groupIds[0] == "total");
    std::vector<gis::Column> ours{schema::column(spec, schema::field::count, "total", "alle thema's")};
    if (byTheme)
        for (std::size_t g = 0; g < r.groupIds.size(); ++g)
            ours.push_back(schema::column(spec, schema::field::count, r.groupIds[g], r.groupLabels[g]));
    ours.push_back(schema::column(spec, r.byNetwork ? "dichtheid_km_weg" : "dichtheid_km2"));
    ours.push_back(schema::column(spec, "rank"));
    if (o.internal)
        for (auto id : {"n_ring", "verwacht", "p", "p_adj"}) ours.push_back(schema::column(spec, id));
    ours.push_back(schema::column(spec, "verhoogd"));
    t.columns = ownColumns(r, ours);
    t.columns.insert(t.columns.end(), ours.begin(), ours.end());

    const std::size_t groups = r.groupIds.size();
    const bool protect = !r.totalHidden.empty();
    // Extern: the rank among the published totals only, so a gap in the ranks does not place a
    // hidden total between two published ones.
    std::vector<std::size_t> rank = r.rank;
    if (protect)
        for (std::size_t f = 0; f < r.total.size(); ++f) {
            rank[f] = 1;
            for (std::size_t g = 0; g < r.total.size(); ++g) rank[f] += !r.totalHidden[g] && r.total[g] > r.total[f];
        }
    for (std::size_t f = 0; f < r.total.size(); ++f) {
        std::vector<Value> row = r.ownValues[f];
        const bool hideTotal = protect && r.totalHidden[f];
        const bool hideThemes = protect && r.themesHidden[f];
        const auto hidden = [](bool h, Value v) { return h ? Value(gis::Suppressed{}) : v; };
        row.push_back(hidden(hideTotal, static_cast<std::int64_t>(r.total[f])));
        if (byTheme)
            for (std::size_t g = 0; g < groups; ++g)
                row.push_back(hidden(hideThemes, static_cast<std::int64_t>(r.counts.inRadius[f * groups + g])));
        // Per km² of the zone, or along the network per km of road (discArea is then metres).
        const double perUnit = r.byNetwork ? 1e3 : 1e6;
        row.push_back(hidden(hideTotal, r.discArea[f] > 0
                                            ? Value(round(static_cast<double>(r.total[f]) / r.discArea[f] * perUnit, 2))
                                            : Value()));
        row.push_back(hidden(hideTotal, static_cast<std::int64_t>(rank[f])));
        if (o.internal) {
            row.emplace_back(static_cast<std::int64_t>(r.counts.inRing[f]));
            row.emplace_back(round(r.excess[f].expected, 2));
            row.emplace_back(r.excess[f].p);
            row.emplace_back(r.pAdjusted[f]);
        }
        row.push_back(hidden(hideTotal, std::string(r.raised[f] ? "ja" : "nee")));
        t.rows.push_back(std::move(row));
    }
    t.geometryKind = r.geometryKind;
    t.geometries = r.geometries;
    return t;
}

gis::Table concentrationTable(const FacilityJobResult& r, const FacilityJobOptions& o)
{
    const auto& spec = *schema::layer(schema::role::facilityConcentration);
    gis::Table t;
    t.name = std::string(spec.name);
    schema::tag(t, spec.role);
    for (auto id : {"aandeel_voorzieningen_pct", "voorzieningen", "registraties", "aandeel_registraties_pct"})
        t.columns.push_back(schema::column(spec, id));
    for (const auto& c : r.curve) {
        // Outside the police the sums are left out: with the published counts they would give
        // back the hidden ones; the shares go out rounded to whole per cents.
        t.rows.push_back({static_cast<std::int64_t>(std::lround(c.facilityShare * 100)),
                          static_cast<std::int64_t>(c.facilities),
                          o.internal ? Value(static_cast<std::int64_t>(c.registrations)) : Value(gis::Suppressed{}),
                          round(c.registrationShare * 100, o.internal ? 2 : 0)});
    }
    return t;
}

std::vector<fs::path> writeFacilityOutputs(const FacilityJobResult& r, const FacilityJobOptions& o)
{
    gis::OutputFolder folder(o.out, "gebiedscan facilities " GEBIEDSCAN_VERSION);
    const fs::path& dir = folder.path();
    gis::WriteOptions w;
    w.workingCrs = o.workingCrs;
    w.dutchCsv = o.dutchCsv;
    w.metadata = {{"bron_registraties", r.incidentsSource},
                  {"bron_voorzieningen", r.facilitiesSource},
                  {"periode", r.period},
                  {"straal_m", fmt::format("{:g}", o.radius)},
                  {"afstand", distanceText(r, o)},
                  {"telwijze", countingRule(o)},
                  {"onderdrukking", protectionRule(r, o)},
                  {std::string(schema::kAudienceKey), o.internal ? "intern" : "extern"}};
    std::vector<gis::Table> tables{facilityTable(r, o), concentrationTable(r, o)};
    std::vector<fs::path> written;
    gis::writeGeoPackage(dir / "facilities.gpkg", tables, w);
    written.push_back(dir / "facilities.gpkg");
    gis::writeCsv(dir / "facilities.csv", tables[0], w);
    written.push_back(dir / "facilities.csv");
    gis::writeCsv(dir / "facilities_concentratie.csv", tables[1], w);
    written.push_back(dir / "facilities_concentratie.csv");

    const auto share = [&](double s) { return round(s * 100, o.internal ? 2 : 0); };
    const ConcentrationPoint& top10 = r.curve.at(1);
    const ConcentrationPoint& top20 = r.curve.at(3);
    std::size_t raised = 0;
    for (std::size_t f = 0; f < r.raised.size(); ++f)
        raised += r.raised[f] && (r.totalHidden.empty() || !r.totalHidden[f]);
    nlohmann::ordered_json s;
    writeAccountingJson(r.accounting, s);
    s["incidents"] = {{"source", r.incidentsSource}};
    s["facilities"] = {{"source", r.facilitiesSource}, {"count", r.total.size()}};
    s["theme"] = r.themeId.empty() ? "alle registraties" : r.themeId;
    s["period"] = r.period;
    s["radius_m"] = o.radius;
    s["ring_m"] = {o.radius, o.radius * o.ringFactor};
    s["counting"] = o.nearestOnly ? "nearest_only" : "every_facility_within_radius";
    if (r.byNetwork)
        s["distance"] = {{"kind", "network"},
                         {"text", distanceText(r, o)},
                         {"roads", r.roadsSource},
                         {"road_segments", r.roadSegments},
                         {"snap_tolerance_m", o.snapTolerance},
                         {"registrations_off_network", r.registrationsOffNetwork},
                         {"facilities_off_network", r.facilitiesOffNetwork}};
    else
        s["distance"] = {{"kind", "euclidean"}, {"text", distanceText(r, o)}};
    s["method"] = methodText(r, o);
    s["registrations_used"] = r.registrationsUsed;
    if (o.internal) s["registrations_near_a_facility"] = r.counts.nearAny;
    s["raised_facilities"] = raised;
    s["concentration"] = {{"top10_pct_facilities_share_pct", share(top10.registrationShare)},
                          {"top20_pct_facilities_share_pct", share(top20.registrationShare)}};
    s["audience"] = o.internal ? "intern" : "extern";
    std::size_t hiddenTotals = 0;
    for (bool h : r.totalHidden) hiddenTotals += h;
    s["suppression"] = {{"rule", protectionRule(r, o)}, {"hidden_totals", hiddenTotals}};
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& p : written) files.push_back(p.filename().string());
    files.push_back("summary.json");
    files.push_back("toelichting.txt");
    s["outputs"] = files;
    gis::writeTextFile(dir / "summary.json", s.dump(2) + "\n");
    written.push_back(dir / "summary.json");

    const std::string note = fmt::format(
        "Hot facilities - toelichting\n============================\n\n"
        "Voorzieningen: {} ({} stuks)\nRegistraties: {}\nThema:        {}\nPeriode:      {}\n"
        "Straal:       {:g} m, {}\n"
        "Telwijze:     {}\nOnderdrukking: {}\n\n"
        "Concentratie (Eck, Clarke en Guerette): de 10 % voorzieningen met de meeste registraties hebben\n"
        "{} % van alle tellingen bij voorzieningen, de top 20 % {} %; de hele curve staat in\n"
        "facilities_concentratie.csv.\n\n"
        "Methode: {}.\n"
        "Let op: aan de rand van het gebied waar registraties zijn, ligt een deel van de ring buiten de\n"
        "gegevens; daar is de omgeving te laag geschat en 'verhoogd' minder betrouwbaar.\n",
        r.facilitiesSource, r.total.size(), r.incidentsSource, r.themeId.empty() ? "alle registraties" : r.themeId,
        r.period, o.radius, distanceText(r, o), countingRule(o), protectionRule(r, o), share(top10.registrationShare),
        share(top20.registrationShare), methodText(r, o));
    gis::writeTextFile(dir / "toelichting.txt", note);
    written.push_back(dir / "toelichting.txt");
    folder.commit();
    for (auto& file : written) file = folder.target() / file.filename();
    return written;
}

} // namespace gebiedscan::pipeline
