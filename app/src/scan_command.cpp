#include "commands.hpp"
#include "console.hpp"
#include "gebiedscan/pipeline/accounting_report.hpp"
#include "gebiedscan/pipeline/phase_times.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"
#include "gebiedscan/pipeline/scan_settings.hpp"
#include "gebiedscan/pipeline/scan_writer.hpp"
#include "option_groups.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace gebiedscan::app {

namespace {

// --timing: where the run's time went, one line per phase, on stderr (also with --quiet).
void printPhaseTimes(const std::vector<pipeline::PhaseTime>& scan, const std::vector<pipeline::PhaseTime>& writing)
{
    double wall = 0.0, cpu = 0.0;
    for (const auto* phases : {&scan, &writing})
        for (const auto& p : *phases) {
            fmt::print(stderr, "tijd: {:8.2f} s klok, {:8.2f} s CPU, piek {:6.0f} MiB  {}\n", p.wallSeconds,
                       p.cpuSeconds, p.peakMiB, p.phase);
            wall += p.wallSeconds;
            cpu += p.cpuSeconds;
        }
    fmt::print(stderr, "tijd: {:8.2f} s klok, {:8.2f} s CPU, piek {:6.0f} MiB  totaal\n", wall, cpu,
               pipeline::PhaseTimes::peakResidentMiB());
}

struct ScanCli {
    std::string project;
    pipeline::ScanOptions cli; ///< what the command line gave; only the options given are used
    std::vector<std::string> currentPeriod, referencePeriods;
};

pipeline::PeriodOption parsePeriodOption(const std::string& text, bool current)
{
    pipeline::PeriodOption p;
    p.current = current;
    const auto colon = text.find(':');
    if (colon == std::string::npos) { // a year
        p.from = text;
        p.to = text;
    } else {
        p.from = text.substr(0, colon);
        p.to = text.substr(colon + 1);
    }
    p.id = p.from == p.to ? p.from : p.from + "_" + p.to;
    return p;
}

// Where the values of a count table went: one line, and a warning for values that no area got.
void reportCountTable(const pipeline::CountTableReport& t, pipeline::Reporter& console)
{
    std::string parts; // "gebruikt" first, then the reasons for leaving values out
    std::vector<std::pair<std::string, std::uint64_t>> reasons(t.valuesPerReason.begin(), t.valuesPerReason.end());
    std::stable_partition(reasons.begin(), reasons.end(), [](const auto& r) { return r.first == "used"; });
    for (const auto& [reason, n] : reasons)
        parts += fmt::format("{}{} {} ({} registraties)", parts.empty() ? "" : "; ", pipeline::countReasonText(reason),
                             n, t.registrationsPerReason.at(reason));
    console.info(fmt::format("Teltabel {} ({}): {} rijen, {} waarden: {}", t.description,
                             t.wide ? "breed, " + std::to_string(t.valueColumns.size()) + " categoriekolommen" : "lang",
                             t.rowsRead, t.values, parts));
    if (t.totalsOnly)
        console.info("De teltabel geeft alleen totalen (0.0.0 Totaal misdrijven): per thema niet bekend, ze tellen als "
                     "overig");
    const auto listed = [](const std::map<std::string, std::uint64_t>& codes) {
        std::string s;
        std::size_t shown = 0;
        for (const auto& [code, n] : codes)
            if (shown++ < 3) s += fmt::format("{}{} ({})", s.empty() ? "" : ", ", code, n);
        return codes.size() > 3 ? s + fmt::format(" en {} andere", codes.size() - 3) : s;
    };
    if (!t.unknownAreaCodes.empty())
        console.warning(
            fmt::format("teltabel: {} registraties met een gebiedscode die niet in de gebieden staat, bv. {}; "
                        "controleer het jaar van de buurtindeling (--areas)",
                        t.registrationsPerReason.at("area_not_in_areas"), listed(t.unknownAreaCodes)));
    if (const auto it = t.registrationsPerReason.find("unknown_area"); it != t.registrationsPerReason.end())
        console.warning(fmt::format("teltabel: {} registraties in een onbekend gebied (BU00000000-achtig): in geen "
                                    "buurt geteld, wel in de verantwoording (geen of ongeldige locatie)",
                                    it->second));
}

void run(const ScanCli& c, const CLI::App& cmd)
{
    pipeline::ScanOptions o;
    if (!c.project.empty()) pipeline::loadProjectFile(c.project, o);
    // Command-line values override the project file; the one table says which member a flag sets.
    pipeline::ScanOptions given = c.cli;
    for (const auto& setting : pipeline::scanSettings())
        if (!setting.flag.empty() && cmd.count(std::string(setting.flag)) > 0) pipeline::copySetting(setting, given, o);
    o.timing = c.cli.timing; // a measurement, not a setting of the project file
    if (!c.currentPeriod.empty()) {
        o.periods.clear();
        o.periods.push_back(parsePeriodOption(c.currentPeriod.front(), true));
        for (const auto& r : c.referencePeriods) o.periods.push_back(parsePeriodOption(r, false));
    } else if (!c.referencePeriods.empty()) {
        throw InputError("--reference-period werkt alleen samen met --current-period (de huidige periode)");
    }
    if (o.outDir.empty()) throw InputError("geen uitvoermap: geef --out MAP (of 'out' in het projectbestand)");
    pipeline::checkScanFormats(o.formats); // before the analysis, not after
    ConsoleReporter console(o.quiet);
    const auto scan = pipeline::runScan(o, console);
    pipeline::PhaseTimes afterScan;
    const pipeline::ScanResult& result = *scan;
    const auto& a = result.accounting;
    if (result.periodsDetected) {
        std::string refs;
        for (const auto& p : result.model.periods)
            if (!p.current) refs += (refs.empty() ? "" : ", ") + p.id;
        console.info(fmt::format(
            "Perioden uit de data afgeleid: huidig {}, referentie {} (kies zelf met --year of --current-period)",
            result.model.periods[*result.model.currentPeriod()].id, refs));
    }
    if (result.countTable) reportCountTable(*result.countTable, console);
    pipeline::reportAccounting(a, console, result.incidentsCrs);
    if (o.strict && a.assigned != a.inputRecords) {
        std::string rows;
        for (auto r : a.exampleRows) rows += (rows.empty() ? "" : ", ") + std::to_string(r);
        throw InputError(tr(
            fmt::format("--strict: {} van {} registraties niet toegewezen{}; niets geschreven",
                        a.inputRecords - a.assigned, a.inputRecords, rows.empty() ? "" : " (bv. rijen " + rows + ")"),
            fmt::format("--strict: {} of {} records were not assigned{}; nothing written", a.inputRecords - a.assigned,
                        a.inputRecords, rows.empty() ? "" : " (e.g. rows " + rows + ")")));
    }
    for (std::size_t l = 0; l < result.hotspots.size(); ++l)
        if (result.hotspots[l].results.empty() && result.areas.levels[l].size() >= 5) {
            const auto& f = *result.figures;
            std::uint64_t events = 0;
            for (std::size_t i = 0; i < result.areas.levels[l].size(); ++i)
                events += f.themeCount(l, i, f.totalSlot(), f.currentPeriod());
            console.info(fmt::format("Ruimtelijke samenhang ({}): te weinig registraties ({} in de huidige periode) "
                                     "voor Moran's I, Gi* en LISA; niet berekend",
                                     result.areas.levels[l].name, events));
        } else if (!result.hotspots[l].results.empty()) {
            const auto& m = result.hotspots[l].results.front().moran;
            console.info(fmt::format(
                "Ruimtelijke samenhang ({}, alle registraties): Moran's I = {:.3f}, z = {:.2f}, p = {:.3g}; "
                "{} gebieden zonder buren",
                result.areas.levels[l].name, m.statistic, m.z, m.p, result.hotspots[l].weights.islandCount()));
        }
    if (const auto bytes = pipeline::estimateScanOutputBytes(result, o); bytes > 1'000'000'000)
        console.warning(fmt::format("de uitvoer wordt naar schatting {},{} GB; beperk hem met --levels of --formats",
                                    bytes / 1'000'000'000, bytes / 100'000'000 % 10));
    console.progress("uitvoer schrijven", 0, -1);
    const auto files = pipeline::writeScanOutputs(result, o);
    console.progressDone("uitvoer schrijven");
    afterScan.lap("uitvoer schrijven");
    if (o.timing) printPhaseTimes(result.phaseTimes.phases(), afterScan.phases());
    for (std::size_t l = 0; l < result.areas.levels.size(); ++l)
        console.info(fmt::format("Niveau {}: {} gebieden", result.areas.levels[l].name, result.areas.levels[l].size()));
    if (o.internal) console.warnInternalOutput();
    fmt::print("Gebiedscan geschreven naar {} ({} bestanden; overzicht in summary.json)\n",
               std::filesystem::absolute(o.outDir).lexically_normal().string(), files.size());
}

} // namespace

void addScanOptions(CLI::App& cmd, pipeline::ScanOptions& cli)
{
    addIncidentSourceOptions(cmd, {.source = &cli.incidents,
                                   .categoryField = &cli.categoryField,
                                   .labelField = &cli.labelField,
                                   .dateField = &cli.dateField,
                                   .dateToField = &cli.dateToField,
                                   .timeField = &cli.timeField,
                                   .timeToField = &cli.timeToField,
                                   .bareLayerAlias = false}); // --layer would be ambiguous beside --areas-layer
    addAreaOptions(cmd, {.path = &cli.areas.path,
                         .layer = &cli.areas.layer,
                         .codeField = &cli.areaFields.code,
                         .nameField = &cli.areaFields.name,
                         .parentFields = &cli.areaFields.parentCodes,
                         .populationField = &cli.areaFields.population,
                         .assumeCrs = &cli.areas.assumeCrs});
    addThemeOptions(cmd, {.model = &cli.model});
    addCrsOptions(cmd, {.workingCrs = &cli.workingCrs});
    addOutputOptions(cmd, {.out = &cli.outDir,
                           .outRequired = false, // or 'out' in the project file
                           .dutchCsv = &cli.dutchCsv,
                           .internal = &cli.internal});
    addReportingOptions(cmd, {.quiet = &cli.quiet, .strict = &cli.strict, .threads = &cli.threads});
    addScanSettingOptions(cmd, cli); // --grid, --year, ... from the table
    cmd.add_flag("--timing", cli.timing, "tijd per fase (klok en CPU) en piekgeheugen op stderr, voor metingen (bench/)")
        ->group("Verloop");
}

void registerScanCommand(CLI::App& app)
{
    auto c = std::make_shared<ScanCli>();
    CLI::App* cmd = app.add_subcommand(
        "scan", "Maak een gebiedscan: registraties per buurt/wijk/gemeente of rastercel langs het vaste model\n"
                "(make an area scan: registrations per area along the fixed model of five safety fields)");
    cmd->add_option("project", c->project, "projectbestand (TOML, sectie [scan]); opties op de opdrachtregel gaan voor")
        ->check(CLI::ExistingFile);
    addScanOptions(*cmd, c->cli);
    cmd->add_option("--current-period", c->currentPeriod, "huidige periode VAN:TOT (datums, t/m) of een jaar")
        ->expected(1);
    cmd->add_option("--reference-period", c->referencePeriods, "referentieperiode VAN:TOT of jaar (herhaalbaar)");
    cmd->footer("Voorbeeld:\n  gebiedscan scan --incidents meldingen.csv --assume-crs EPSG:4326 \\\n"
                "      --areas buurten.gpkg --year 2024 --out scan2024\n"
                "  gebiedscan scan --counts misdrijven-per-buurt.csv --areas buurten.gpkg --out scan2023\n"
                "      (aantallen per buurt, bv. CBS 47018NED, in plaats van registraties)\n"
                "Uitvoer: gebiedscan.gpkg (lagen areas, areas_<niveau>, figures), Shapefiles, CSV, GeoJSON,\n"
                "summary.json (verantwoording van elke registratie) en toelichting.txt.");
    cmd->callback([c, cmd] { run(*c, *cmd); });
}

} // namespace gebiedscan::app
