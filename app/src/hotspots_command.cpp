// `gebiedscan hotspots`: Getis-Ord Gi* hotspots and local Moran (LISA) outliers on any polygon or
// point layer. The options, their mapping to pipeline::HotspotOptions and the printed summary; the
// analysis is pipeline::runHotspotJob.
#include "commands.hpp"
#include "console.hpp"
#include "gebiedscan/pipeline/hotspot_job.hpp"
#include "gebiedscan/pipeline/hotspot_writer.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "option_groups.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/hotspot_classes.hpp"
#include "gebiedscan/gis/output_folder.hpp"

#include <fmt/core.h>

#include <filesystem>
#include <memory>
#include <vector>

namespace gebiedscan::app {

namespace {

namespace fs = std::filesystem;

std::string formatNumber(double v)
{
    return fmt::format("{:.6g}", v);
}

void printCommon(const pipeline::HotspotResult& s, const std::vector<fs::path>& written)
{
    const LocalHotspotOptions& o = s.statistics;
    fmt::print("  gewichten: {}; eilanden (geen buren): {}\n", s.weightsDescription, s.islands);
    fmt::print("  Moran's I (globaal, rij-gestandaardiseerd): I = {:.6f}, E(I) = {:.6f}, z = {:.4f}, p = {:.4g} "
               "(randomisatie, alternatief 'greater')\n",
               s.moran.statistic, s.moran.expectation, s.moran.z, s.moran.p);
    fmt::print("  inferentie: {}, alternatief {}, correctie {}\n",
               o.permutations > 0 ? fmt::format("{} conditionele permutaties (seed {}{})", o.permutations, o.seed,
                                                                  o.shareDraws ? "; gelijke cellen delen hun trekkingen" : "")
                                  : std::string("analytisch (normaal)"),
               alternativeName(o.alternative), pipeline::correctionText(o.correction));
    std::string bins;
    for (int b : {3, 2, 1, 0, -1, -2, -3}) {
        const auto it = s.giBins.find(b);
        bins +=
            fmt::format("{}{}: {}", bins.empty() ? "" : ", ", hotspotLabel(b), it == s.giBins.end() ? 0 : it->second);
    }
    fmt::print("  Gi*: {}\n", bins);
    std::string lq;
    for (const auto& [label, n] : s.lisaLabels) lq += fmt::format("{}{}: {}", lq.empty() ? "" : ", ", label, n);
    fmt::print("  LISA: {}\n", lq);
    for (const auto& p : written) fmt::print("  geschreven: {}\n", fs::absolute(p).lexically_normal().string());
}

/// Prints the run's summary on stdout, ending with the files written.
void printHotspotSummary(const pipeline::HotspotResult& s, const std::vector<fs::path>& written)
{
    if (s.grid) {
        const OptimizedHotspotResult& r = *s.cells;
        fmt::print("Hotspots van registraties op een raster uit {}\n", s.sourceDescription);
        fmt::print("  registraties: {} gelezen, {} zonder punt, {} met ongeldige coordinaten; {} op gedeelde adressen "
                   "({} adressen, max. {})\n",
                   s.features, s.noGeometry, r.incidentsRejected, r.coincident.pointsAffected, r.coincident.locations,
                   r.coincident.largestGroup);
        fmt::print("  cellen: {} van {} m ({}), binnen de convexe omhullende of met registraties\n", r.cells.size(),
                   formatNumber(r.cellSize), r.cellSizeAutomatic ? "automatisch gekozen" : "opgegeven");
        fmt::print("  afstandsband: {} m ({})\n", formatNumber(r.band),
                   r.bandAtPeak ? "eerste piek van de incrementele ruimtelijke autocorrelatie"
                                : "geen piek in Moran's z; gemiddelde afstand tot de 30e buurcel");
        fmt::print("  Moran's z per band (m:z): {}\n", s.bandProfile);
    } else {
        fmt::print("Hotspots voor '{}' uit {}\n", s.field, s.sourceDescription);
        fmt::print("  objecten: {} gelezen, {} geanalyseerd, {} zonder waarde, {} zonder geometrie\n", s.features,
                   s.analysed, s.noValue, s.noGeometry);
    }
    printCommon(s, written);
}

} // namespace

void registerHotspotsCommand(CLI::App& app)
{
    auto c = std::make_shared<pipeline::HotspotOptions>();
    auto alternative = std::make_shared<std::string>("two-sided");
    auto outDir = std::make_shared<std::filesystem::path>();
    auto quiet = std::make_shared<bool>(false);
    auto internal = std::make_shared<bool>(false);
    auto model = std::make_shared<std::string>();
    auto correction = std::make_shared<std::pair<bool, bool>>(false, false);
    CLI::App* cmd = app.add_subcommand(
        "hotspots", "Hotspots (Getis-Ord Gi*) en uitschieters (lokale Moran, LISA) op elke vlakken- of puntenlaag\n"
                    "(hot spots and outliers on any polygon or point layer)");
    addAreaOptions(*cmd, {.path = &c->areas.path,
                          .layer = &c->areas.layer,
                          .xField = &c->areas.xField,
                          .yField = &c->areas.yField,
                          .pathHelp = "vlakken of punten: elk OGR-bestand of PG:...",
                          .required = true,
                          .bareLayerAlias = true});
    cmd->add_option("--field", c->field,
                    "numeriek veld om te analyseren (bv. aantal registraties); verplicht zonder --grid");
    cmd->add_option(
        "--grid", c->grid,
        "puntenlaag van registraties: tel per rastercel, 'auto' (celgrootte en afstandsband uit de gegevens, "
        "FDR) of een celgrootte in meter");
    cmd->add_option("--id-field", c->idField, "veld dat als id wordt overgenomen (standaard de FID)");
    cmd->add_option("--weights", c->weights,
                    "buren: queen, rook (vlakken), knn:K, band:D in meter of band:auto (punten of zwaartepunten); "
                    "standaard queen voor vlakken, knn:8 voor punten");
    cmd->add_option("--permutations", c->permutations,
                    "aantal conditionele permutaties (0 t/m 99999; standaard 999; 0 = analytisch)")
        ->check(wholeNumberRange(0, 99999));
    cmd->add_option("--seed", c->seed, "startwaarde van de toevalsgenerator (zelfde seed, zelfde p-waarden)")
        ->check(nonNegativeWholeNumber());
    cmd->add_option("--alternative", *alternative, "alternatieve hypothese: two-sided (standaard), greater, less")
        ->check(CLI::IsMember({"two-sided", "two.sided", "greater", "less"}));
    auto* fdr = cmd->add_flag("--fdr", correction->first, "Benjamini-Hochberg-correctie (false discovery rate)");
    cmd->add_flag("--bonferroni", correction->second, "Bonferroni-correctie")->excludes(fdr);
    cmd->add_option("--snap", c->snap, "snap-tolerantie voor queen/rook in meter (standaard 0,001)");
    cmd->add_option("--alpha", c->alpha, "significantieniveau voor de LISA-labels (standaard 0,05)");
    addCrsOptions(*cmd, {.workingCrs = &c->workingCrs, .assumeCrs = &c->areas.assumeCrs});
    addThemeOptions(*cmd, {.model = model.get()}); // its suppress_below: the small counts hidden outside the police
    addOutputOptions(*cmd, {.out = outDir.get(),
                            .outHelp = "uitvoermap: hotspots.gpkg (laag hotspots) en hotspots.csv",
                            .internal = internal.get()});
    addReportingOptions(*cmd, {.quiet = quiet.get()});
    cmd->footer(
        "Gi* en lokale Moran zoals R spdep (localG met include.self; localmoran, deler n), bins als ArcGIS\n"
        "(+/-3, 2, 1 = 99, 95, 90 %). Eilanden (geen buren) krijgen 'Geen buren' en tellen niet mee in de\n"
        "correctie. Buiten de politie (standaard, zonder --internal): aantallen 1 t/m drempel-1 (suppress_below\n"
        "van het model) geheim met hun klasse, Gi*/LISA alleen als klasse, geen Moran's I. Voorbeeld:\n"
        "  gebiedscan hotspots --areas buurten.gpkg --field inbraken --id-field buurtcode --fdr --out uit\n"
        "  gebiedscan hotspots --areas inbraken.gpkg --grid auto --out uit");
    cmd->callback([c, correction, alternative, outDir, quiet, internal, model] {
        pipeline::HotspotOptions o = *c;
        const auto parsed = parseAlternative(*alternative);
        if (!parsed) throw InputError("--alternative must be two-sided, greater or less");
        o.alternative = *parsed;
        o.correction = correction->first    ? PValueCorrection::FalseDiscoveryRate
                       : correction->second ? PValueCorrection::Bonferroni
                                            : PValueCorrection::None;
        ConsoleReporter console(*quiet);
        // An unusable --out fails before the analysis, and a refused run creates nothing.
        gis::OutputFolder::check(*outDir, {"hotspots", "toelichting.txt"});
        const int suppressBelow =
            pipeline::loadScanModel(model->empty() ? pipeline::defaultModelPath() : std::filesystem::path(*model))
                .suppressBelow;
        const pipeline::HotspotResult result = pipeline::runHotspotJob(o, console);
        const auto written = pipeline::writeHotspotOutputs(result, {*outDir, *internal, suppressBelow});
        if (!*quiet) printHotspotSummary(result, written);
        if (*internal) console.warnInternalOutput();
    });
}

} // namespace gebiedscan::app
