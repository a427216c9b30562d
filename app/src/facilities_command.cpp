// `gebiedscan facilities`: registrations around facilities (schools, horeca, shops, stations,
// risk sites), whether that is more than the surroundings predict, and how concentrated they are.
#include "commands.hpp"
#include "console.hpp"
#include "gebiedscan/pipeline/facility_job.hpp"
#include "option_groups.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>

namespace gebiedscan::app {

namespace {

struct FacilitiesCli {
    pipeline::FacilityJobOptions job;
    std::string out;
    bool quiet = false;
};

void run(FacilitiesCli& c)
{
    ConsoleReporter console(c.quiet);
    pipeline::FacilityJobOptions o = c.job;
    o.out = c.out;
    const pipeline::FacilityJobResult r = pipeline::runFacilityJob(o, console);
    if (c.quiet) return; // --quiet: no summary either

    std::size_t raised = 0, hidden = 0;
    for (std::size_t f = 0; f < r.raised.size(); ++f) {
        const bool isHidden = !r.totalHidden.empty() && r.totalHidden[f];
        hidden += isHidden;
        raised += r.raised[f] && !isHidden;
    }
    const auto pct = [&](double share) {
        std::string text = o.internal ? fmt::format("{:.1f}", share * 100) : fmt::format("{:.0f}", share * 100);
        std::replace(text.begin(), text.end(), '.', ','); // Dutch decimal comma
        return text;
    };
    std::string alpha = fmt::format("{:g}", o.alpha);
    std::replace(alpha.begin(), alpha.end(), '.', ','); // Dutch decimal comma
    fmt::print("Voorzieningen geschreven naar {}\n", std::filesystem::absolute(o.out).lexically_normal().string());
    fmt::print("  {} voorzieningen, {} registraties gebruikt ({}), straal {:g} m {}, {}\n", r.total.size(),
               r.registrationsUsed, r.period, o.radius, r.byNetwork ? "over het wegennet" : "hemelsbreed",
               o.nearestOnly ? "alleen bij de dichtstbijzijnde" : "bij elke voorziening binnen de straal");
    if (r.byNetwork)
        fmt::print("  wegennet: {} wegvakken; {} registratie(s) en {} voorziening(en) verder dan {:g} m van een weg\n",
                   r.roadSegments, r.registrationsOffNetwork, r.facilitiesOffNetwork, o.snapTolerance);
    fmt::print("  concentratie: top 10 % van de voorzieningen {} % van de registraties, top 20 % {} %\n",
               pct(r.curve.at(1).registrationShare), pct(r.curve.at(3).registrationShare));
    fmt::print("  {} voorziening(en) significant boven de omgeving (ring tot {:g} m, FDR {})\n", raised,
               o.radius * o.ringFactor, alpha);
    if (!o.internal) fmt::print("  {} totaal/totalen geheim (1 t/m {})\n", hidden, r.totalThreshold - 1);
}

} // namespace

void registerFacilitiesCommand(CLI::App& app)
{
    auto c = std::make_shared<FacilitiesCli>();
    CLI::App* cmd = app.add_subcommand("facilities", "Registraties rond voorzieningen (hot facilities)\n"
                                                     "(registrations around facilities: schools, horeca, shops)");
    auto& j = c->job;
    addIncidentSourceOptions(*cmd, {.source = &j.incidents,
                                    .categoryField = &j.fields.category,
                                    .labelField = &j.fields.label,
                                    .dateField = &j.fields.date,
                                    .dateToField = &j.fields.dateTo,
                                    .timeField = &j.fields.time,
                                    .timeToField = &j.fields.timeTo,
                                    .required = true,
                                    .bareLayerAlias = false});
    auto* facilities = cmd->add_option_group("Voorzieningen");
    facilities
        ->add_option(
            "--facilities", j.facilities.path,
            "laag met de voorzieningen: punten, lijnen of vlakken (GeoPackage, Shapefile, GeoJSON, CSV, PG:...)")
        ->required();
    facilities->add_option("--facilities-layer", j.facilities.layer, "laag binnen het bestand (bij meer dan één)");
    facilities->add_option("--facilities-filter", j.facilities.attributeFilter,
                           "alleen voorzieningen die hieraan voldoen (OGR SQL WHERE), bv. \"gebruiksdoel = "
                           "'onderwijsfunctie'\"");
    facilities->add_option("--facilities-crs", j.facilities.assumeCrs,
                           "coördinatenstelsel van de voorzieningen als de laag er geen heeft (bijv. EPSG:28992)");
    facilities
        ->add_option("--radius", j.radius,
                     "straal in meter (standaard 200), hemelsbreed (of over de weg met --by-network); bij een vlak "
                     "vanaf de rand")
        ->check(numberRange(0.001, 100000));
    facilities->add_option("--by-network", j.roads.path,
                           "tel over het wegennet in plaats van hemelsbreed: lijnlaag met de wegen (NWB wegvakken of "
                           "een andere lijnlaag)");
    facilities->add_option("--roads-layer", j.roads.layer, "laag binnen het wegenbestand (bij meer dan één)");
    facilities
        ->add_option("--snap-tolerance", j.snapTolerance,
                     "met --by-network: registraties en voorzieningen verder dan dit (meter) van een weg tellen niet "
                     "mee (standaard 50)")
        ->check(numberRange(0, 10000));
    facilities->add_flag("--nearest-only", j.nearestOnly,
                         "een registratie telt alleen bij de dichtstbijzijnde voorziening (standaard: bij elke "
                         "voorziening binnen de straal)");
    auto* period = cmd->add_option_group("Periode");
    period->add_option("--from", j.from, "eerste datum, bijv. 2023-01-01 (standaard: alle)");
    period->add_option("--to", j.to, "laatste datum, t/m, bijv. 2023-12-31 (standaard: alle)");
    addThemeOptions(*cmd, {.theme = &j.theme, .model = &j.model});
    addCrsOptions(*cmd, {.workingCrs = &j.workingCrs});
    addOutputOptions(*cmd, {.out = &c->out,
                            .outHelp = "uitvoermap (facilities.gpkg, facilities.csv, facilities_concentratie.csv)",
                            .dutchCsv = &j.dutchCsv,
                            .internal = &j.internal});
    addReportingOptions(*cmd, {.quiet = &c->quiet, .threads = &j.threads});
    cmd->footer("Per voorziening: registraties binnen de straal (n_total, per thema n_<thema>), rang, en of dat "
                "significant meer\nis dan de ring eromheen (straal tot 5 x straal) voorspelt. Overlappende "
                "straalzones tellen een registratie\nbij elke voorziening (of met --nearest-only alleen bij de "
                "dichtstbijzijnde). Met --by-network telt de kortste route over de wegen.\nVoorbeeld:\n  gebiedscan "
                "facilities --incidents meldingen.gpkg --facilities "
                "scholen.gpkg --radius 200 --from 2023-01-01 --to 2023-12-31 --out scholen");
    cmd->callback([c] { run(*c); });
}

} // namespace gebiedscan::app
