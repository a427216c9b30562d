// `gebiedscan blackspots`: traffic black spots (junctions and road sections with many injury or
// fatal accidents) from a road network (NWB wegvakken) and registered accidents (BRON). The
// options, their mapping to pipeline::BlackSpotJobOptions and the printed summary; the analysis
// is pipeline::runBlackSpotJob.
#include "commands.hpp"
#include "console.hpp"
#include "gebiedscan/pipeline/blackspot_writer.hpp"
#include "option_groups.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/output_folder.hpp"

#include <fmt/core.h>

#include <memory>

namespace gebiedscan::app {

namespace {

/// The command line's options: the job's and the output's.
struct BlackSpotsCli {
    pipeline::BlackSpotJobOptions job;
    bool dutchCsv = true; ///< nl: ';' and decimal comma; intl
    std::string out;      ///< output folder
    bool quiet = false;
    bool internal = false; ///< required: black spots are police-internal output
};

void run(const BlackSpotsCli& c)
{
    ConsoleReporter console(c.quiet);
    if (!c.internal) throw InputError(pipeline::blackSpotsInternalOnly()); // before the analysis, not after
    // An unusable --out fails before the analysis, and a refused run creates nothing.
    gis::OutputFolder::check(c.out, {"blackspots", "summary.json"});
    const pipeline::BlackSpotJobResult result = pipeline::runBlackSpotJob(c.job, console);
    (void)pipeline::writeBlackSpotOutputs(result, {c.out, c.dutchCsv, c.internal});
    if (!c.quiet)
        fmt::print("Black spots ({}): {} kruispunten, {} wegvakken; geschreven naar {}\n", result.options.criteria.name,
                   result.junctionBlackSpots, result.analysis.sections.size(), c.out);
    console.warnInternalOutput();
}

} // namespace

void registerBlackSpotsCommand(CLI::App& app)
{
    auto c = std::make_shared<BlackSpotsCli>();
    CLI::App* cmd = app.add_subcommand(
        "blackspots", "Black spots: kruispunten en wegvakken met veel letsel- of dodelijke ongevallen\n"
                      "(traffic black spots on the road network from NWB wegvakken and BRON accidents)");
    cmd->add_option("--roads", c->job.roads.path, "wegennet (lijnen), bv. NWB wegvakken; elk OGR-bestand of PG:...")
        ->required();
    cmd->add_option("--roads-layer", c->job.roads.layer, "laag in het wegenbestand");
    cmd->add_option("--roads-crs", c->job.roads.assumeCrs, "CRS voor een wegenlaag zonder CRS");
    cmd->add_option("--accidents", c->job.accidents.path, "ongevallen, bv. BRON (GeoJSON/GeoPackage of ongevallen-CSV)")
        ->required();
    cmd->add_option("--accidents-layer", c->job.accidents.layer, "laag in het ongevallenbestand");
    cmd->add_option("--accidents-crs", c->job.accidents.assumeCrs,
                    "CRS voor ongevallen zonder CRS, bv. EPSG:28992 of EPSG:4326");
    cmd->add_option("--road-id-field", c->job.roadFields.id, "veld met wegvak-id (standaard WVK_ID, of de FID)");
    cmd->add_option("--street-field", c->job.roadFields.streetName, "veld met straatnaam (standaard STT_NAAM)");
    cmd->add_option("--road-class-field", c->job.roadFields.roadClass,
                    "veld met wegklasse voor Empirical Bayes (standaard de wegbeheerder)");
    cmd->add_option("--accident-id-field", c->job.accidentFields.accidentId,
                    "veld met ongeval-id (standaard VKL_NUMMER)");
    cmd->add_option("--year-field", c->job.accidentFields.year, "veld met jaar (standaard JAAR_VKL)");
    cmd->add_option("--severity-field", c->job.accidentFields.severity,
                    "veld met afloop DOD/LET/UMS (standaard AP3_CODE)");
    cmd->add_option("--hospital-field", c->job.accidentFields.hospital,
                    "veld met ziekenhuisopname J/N (standaard ZIEKENHUIS)");
    cmd->add_option("--points", c->job.points.path,
                    "BRON puntlocaties (FK_VELD5, X_COORD, Y_COORD in RD) om ongevallen te plaatsen");
    cmd->add_option("--preset", c->job.preset,
                    "definitie: kruispunt-6-3 (standaard), rijkswaterstaat, amsterdam, vlaanderen")
        ->check(CLI::IsMember(blackSpotPresetNames()));
    cmd->add_option("--min-count", c->job.minCount, "eigen definitie: minimum aantal ongevallen")
        ->check(wholeNumberRange(1, 1000000));
    cmd->add_option(
        "--severity", c->job.severity,
        "eigen definitie: mee te tellen ernst, bv. LET,DOD (standaard), of any: elk ongeval (ook zonder afloopveld)");
    cmd->add_option("--min-score", c->job.minScore, "eigen definitie: minimum gewogen score")
        ->check(numberRange(0, 1e9));
    cmd->add_option("--weights", c->job.weights,
                    "ernstgewichten, bv. DOD=5,ZKH=3,LET=1,UMS=0 (ZKH = LET met ziekenhuisopname)");
    cmd->add_option("--years", c->job.years, "periode in jaren (standaard 3)")->check(wholeNumberRange(1, 50));
    cmd->add_option("--last-year", c->job.lastYear,
                    "laatste jaar van de periode (standaard het laatste jaar in de data)")
        ->check(wholeNumberRange(1900, 2100));
    cmd->add_option("--locations", c->job.locations, "junctions, sections of both (standaard: volgens de definitie)")
        ->check(CLI::IsMember({"junctions", "sections", "both"}));
    cmd->add_option("--window", c->job.window, "lengte van het schuivende venster in meter (standaard 250)")
        ->check(numberRange(1, 100000));
    cmd->add_option("--step", c->job.step, "stap van het venster in meter (standaard 25)")
        ->check(numberRange(0.1, 100000));
    cmd->add_option("--radius", c->job.radius, "straal rond een kruispunt in meter (standaard 30)")
        ->check(numberRange(0, 10000));
    cmd->add_option("--snap-tolerance", c->job.snapTolerance, "maximale afstand ongeval-wegvak in meter (standaard 25)")
        ->check(numberRange(0, 10000));
    cmd->add_option("--node-tolerance", c->job.nodeTolerance,
                    "eindpunten binnen deze afstand (m) vormen een knoop als JTE_ID ontbreekt")
        ->check(numberRange(0, 1000));
    cmd->add_flag("--nearest-junction", c->job.nearestJunction,
                  "tel een ongeval alleen bij het dichtstbijzijnde kruispunt");
    cmd->add_flag("--all-junctions", c->job.allJunctions,
                  "rapporteer ook kruispunten met ongevallen die de definitie niet halen");
    cmd->add_flag("--eb", c->job.empiricalBayes, "Empirical Bayes-schatting per wegklasse (Highway Safety Manual)");
    cmd->add_flag("--ignore-network-ids", c->job.ignoreNetworkIds,
                  "negeer WVK_ID/JTE_ID van de ongevallen en plaats op afstand");
    cmd->add_flag("--strict-routes", c->job.strictRoutes, "routes alleen door knopen met twee wegvakken");
    addAreaOptions(
        *cmd, {.path = &c->job.areas.path,
               .layer = &c->job.areas.layer,
               .pathHelp = "gebieden (bv. buurten): thema 4.1 per gebied in laag areas en blackspots_gebieden.csv"});
    cmd->add_option("--kde-bandwidth", c->job.kdeBandwidth,
                    "netwerk-KDE langs de wegen met deze bandbreedte (m): laag kde")
        ->check(numberRange(0.1, 100000));
    cmd->add_option("--kde-method", c->job.kdeMethod,
                    "hoe de KDE een kruispunt passeert: continuous (standaard; 1 kernmassa per ongeval, doorlopend), "
                    "discontinuous (gelijk verdeeld, springt op knopen) of simple (volle kern in elke tak: telt "
                    "op kruispunten dubbel)");
    cmd->add_option("--kde-lixel", c->job.kdeLixel, "lengte van de KDE-stukjes (lixels) in meter (standaard 10)")
        ->check(numberRange(0.1, 10000));
    cmd->add_flag("--kde-weighted", c->job.kdeWeighted,
                  "KDE gewogen met de ernstgewichten in plaats van 1 per ongeval");
    addCrsOptions(*cmd, {.workingCrs = &c->job.workingCrs,
                         .assumeCrs = &c->job.assumeCrs,
                         .assumeCrsHelp = "CRS voor wegen/ongevallen zonder CRS, bv. EPSG:28992 of EPSG:4326"});
    addOutputOptions(*cmd, {.out = &c->out, .dutchCsv = &c->dutchCsv, .internal = &c->internal});
    addReportingOptions(*cmd, {.quiet = &c->quiet});
    cmd->footer("Black spots noemen losse ongevallen: alleen interne uitvoer, --internal is verplicht.\n"
                "Voorbeeld:\n  gebiedscan blackspots --roads wegvakken.gpkg --accidents ongevallen.geojson \\\n"
                "      --preset rijkswaterstaat --internal --out blackspots\n"
                "Uitvoer: blackspots.gpkg (lagen junctions, sections, accidents), blackspots_junctions.shp,\n"
                "blackspots_sections.shp, blackspots.csv en summary.json (verantwoording van elke rij).");
    cmd->callback([c] { run(*c); });
}

} // namespace gebiedscan::app
