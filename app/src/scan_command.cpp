#include "commands.hpp"
#include "console.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"
#include "gebiedscan/pipeline/scan_writer.hpp"

#include "gebiedscan/core/error.hpp"

#include <fmt/core.h>

namespace gebiedscan::app {

namespace {

struct ScanCli {
    std::string project;
    pipeline::ScanOptions cli;
    std::vector<std::string> currentPeriod, referencePeriods;
    std::vector<std::string> parentFields;
    std::string assumeCrs, areasCrs, csv, model, out;
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

void run(const ScanCli& c, const CLI::App& cmd)
{
    pipeline::ScanOptions o;
    if (!c.project.empty()) pipeline::loadProjectFile(c.project, o);
    // Command-line values override the project file.
    const auto set = [&](const char* flag, auto& target, const auto& value) {
        if (cmd.count(flag) > 0) target = value;
    };
    set("--incidents", o.incidents.path, c.cli.incidents.path);
    set("--incidents-layer", o.incidents.layer, c.cli.incidents.layer);
    set("--x-field", o.incidents.xField, c.cli.incidents.xField);
    set("--y-field", o.incidents.yField, c.cli.incidents.yField);
    set("--filter", o.incidents.attributeFilter, c.cli.incidents.attributeFilter);
    set("--areas", o.areas.path, c.cli.areas.path);
    set("--areas-layer", o.areas.layer, c.cli.areas.layer);
    set("--area-code-field", o.areaFields.code, c.cli.areaFields.code);
    set("--area-name-field", o.areaFields.name, c.cli.areaFields.name);
    set("--area-parent-field", o.areaFields.parentCodes, c.parentFields);
    set("--population-field", o.areaFields.population, c.cli.areaFields.population);
    set("--category-field", o.categoryField, c.cli.categoryField);
    set("--label-field", o.labelField, c.cli.labelField);
    set("--date-field", o.dateField, c.cli.dateField);
    set("--date-to-field", o.dateToField, c.cli.dateToField);
    set("--working-crs", o.workingCrs, c.cli.workingCrs);
    set("--grid", o.grid, c.cli.grid);
    set("--year", o.year, c.cli.year);
    set("--reference-years", o.referenceYears, c.cli.referenceYears);
    set("--threads", o.threads, c.cli.threads);
    set("--permutations", o.permutations, c.cli.permutations);
    if (cmd.count("--model") > 0) o.model = c.model;
    if (cmd.count("--out") > 0) o.outDir = c.out;
    if (cmd.count("--assume-crs") > 0) o.incidents.assumeCrs = o.areas.assumeCrs = c.assumeCrs;
    set("--areas-crs", o.areas.assumeCrs, c.areasCrs);
    if (cmd.count("--csv") > 0) o.dutchCsv = c.csv == "nl";
    if (c.cli.strict) o.strict = true;
    if (c.cli.internal) o.internal = true;
    o.quiet = c.cli.quiet;
    if (!c.currentPeriod.empty()) {
        o.periods.clear();
        o.periods.push_back(parsePeriodOption(c.currentPeriod.front(), true));
        for (const auto& r : c.referencePeriods) o.periods.push_back(parsePeriodOption(r, false));
    } else if (!c.referencePeriods.empty()) {
        throw InputError("--reference-period needs --current-period");
    }
    if (o.outDir.empty()) throw InputError("no output folder: use --out DIR (or 'out' in the project file)");
    ConsoleReporter console(o.quiet);
    const auto scan = pipeline::runScan(o, console);
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
    console.info(
        fmt::format("Registraties: {} gelezen; {} toegewezen, {} buiten de gebieden, {} zonder geldige locatie, "
                    "{} met onleesbare datum of buiten de perioden, {} met onbekende categorie (overig)",
                    a.inputRecords, a.assigned, a.outside, a.invalidGeometry, a.badDate, a.unknownCategory));
    // Most points outside every area usually means a wrong CRS (lon/lat declared as RD, or x/y swapped).
    const auto located = a.assigned + a.outside + a.unknownCategory;
    if (a.outside > 0 && 2 * a.outside > located)
        console.warning(
            fmt::format("{} van {} registraties met een geldige locatie liggen buiten alle gebieden: klopt het CRS "
                        "van de registraties ({})? Geef het met --assume-crs als het bestand er geen heeft.",
                        a.outside, located, result.incidentsCrs));
    if (!a.unknownCodes.empty()) {
        std::string list;
        int shown = 0;
        for (const auto& [code, n] : a.unknownCodes) {
            if (shown++ == 10) {
                list += ", ...";
                break;
            }
            list += fmt::format("{}{} ({}x)", list.empty() ? "" : ", ", code, n);
        }
        console.info("Onbekende categorieen (overig): " + list);
    }
    if (o.strict && a.assigned != a.inputRecords) {
        std::string rows;
        for (auto r : a.exampleRows) rows += (rows.empty() ? "" : ", ") + std::to_string(r);
        throw InputError(fmt::format("--strict: {} of {} records were not assigned{}; nothing written",
                                     a.inputRecords - a.assigned, a.inputRecords,
                                     rows.empty() ? "" : " (e.g. rows " + rows + ")"));
    }
    for (std::size_t l = 0; l < result.hotspots.size(); ++l)
        if (!result.hotspots[l].results.empty()) {
            const auto& m = result.hotspots[l].results.front().moran;
            console.info(fmt::format(
                "Ruimtelijke samenhang ({}, alle thema's): Moran's I = {:.3f}, z = {:.2f}, p = {:.3g}; "
                "{} gebieden zonder buren",
                result.areas.levels[l].name, m.statistic, m.z, m.p, result.hotspots[l].weights.islandCount()));
        }
    const auto files = pipeline::writeScanOutputs(result, o);
    for (std::size_t l = 0; l < result.areas.levels.size(); ++l)
        console.info(fmt::format("Niveau {}: {} gebieden", result.areas.levels[l].name, result.areas.levels[l].size()));
    if (o.internal) console.warnInternalOutput();
    fmt::print("Gebiedscan geschreven naar {} ({} bestanden; overzicht in summary.json)\n",
               std::filesystem::absolute(o.outDir).lexically_normal().string(), files.size());
}

} // namespace

void registerScanCommand(CLI::App& app)
{
    auto c = std::make_shared<ScanCli>();
    CLI::App* cmd = app.add_subcommand(
        "scan", "Maak een gebiedscan: registraties per buurt/wijk/gemeente of rastercel langs het vaste model\n"
                "(make an area scan: registrations per area along the fixed model of five safety fields)");
    cmd->add_option("project", c->project, "projectbestand (TOML, sectie [scan]); opties op de opdrachtregel gaan voor")
        ->check(CLI::ExistingFile);
    cmd->add_option(
        "--incidents", c->cli.incidents.path,
        "registraties: elk OGR-puntbestand (GeoPackage, Shapefile, GeoJSON, CSV met X/Y of lon/lat) of PG:...");
    cmd->add_option("--incidents-layer", c->cli.incidents.layer, "laag in het registratiebestand");
    cmd->add_option("--x-field", c->cli.incidents.xField, "CSV: kolom met X of lengtegraad (standaard: herkend)");
    cmd->add_option("--y-field", c->cli.incidents.yField, "CSV: kolom met Y of breedtegraad (standaard: herkend)");
    cmd->add_option(
        "--filter,--where", c->cli.incidents.attributeFilter,
        "alleen registraties die hieraan voldoen (OGR SQL WHERE), bv. \"nummer = 1\" voor BRON-partijrijen");
    cmd->add_option("--areas", c->cli.areas.path, "gebieden (polygonen), bv. de CBS Wijk- en Buurtkaart, of PG:...");
    cmd->add_option("--areas-layer", c->cli.areas.layer, "laag in het gebiedenbestand");
    cmd->add_option("--area-code-field", c->cli.areaFields.code,
                    "veld met gebiedscode (standaard: BU_CODE, buurtcode, statcode, ...)");
    cmd->add_option("--area-name-field", c->cli.areaFields.name, "veld met gebiedsnaam");
    cmd->add_option("--area-parent-field", c->parentFields,
                    "veld(en) met code van bovenliggend gebied, laag naar hoog (herhaalbaar)");
    cmd->add_option("--population-field", c->cli.areaFields.population,
                    "veld met inwonertal (standaard: AANT_INW, aantal_inwoners)");
    cmd->add_option("--category-field", c->cli.categoryField, "veld met de incidentcode (bv. 1.1.1) of BRON AP3_CODE");
    cmd->add_option("--label-field", c->cli.labelField, "veld met de omschrijving van het incident");
    cmd->add_option("--date-field", c->cli.dateField, "veld met (begin)datum of datum-tijd");
    cmd->add_option("--date-to-field", c->cli.dateToField, "veld met einddatum (pleegdatum tot)");
    cmd->add_option("--model", c->model, "scanmodel (TOML); standaard data/model/default_model.toml");
    cmd->add_option("--working-crs", c->cli.workingCrs, "metrisch werk-CRS (standaard EPSG:28992, RD New)");
    cmd->add_option("--assume-crs", c->assumeCrs, "CRS voor lagen zonder CRS, bv. EPSG:4326 voor lon/lat in CSV");
    cmd->add_option("--areas-crs", c->areasCrs,
                    "CRS voor een gebiedenlaag zonder CRS, als die anders is dan --assume-crs (bv. EPSG:28992)");
    cmd->add_option("--grid", c->cli.grid,
                    "rasterscan: square:500 (CBS-vierkanten) of hex:250 in plaats van de gebieden zelf");
    cmd->add_option("--year", c->cli.year, "huidig jaar; referentie = de jaren ervoor");
    cmd->add_option("--reference-years", c->cli.referenceYears, "aantal referentiejaren bij --year (standaard 3)");
    cmd->add_option("--current-period", c->currentPeriod, "huidige periode VAN:TOT (datums, t/m) of een jaar")
        ->expected(1);
    cmd->add_option("--reference-period", c->referencePeriods, "referentieperiode VAN:TOT of jaar (herhaalbaar)");
    cmd->add_option("--out", c->out, "uitvoermap")->required(false);
    cmd->add_option("--csv", c->csv, "CSV-opmaak: nl (; en decimale komma, standaard) of intl")
        ->check(CLI::IsMember({"nl", "intl"}));
    cmd->add_flag("--internal", c->cli.internal, "interne politie-uitvoer zonder onderdrukking van kleine aantallen");
    cmd->add_flag("--strict", c->cli.strict, "fout als een registratie niet kan worden toegewezen");
    cmd->add_option("--threads", c->cli.threads, "aantal threads (0 = alle kernen)");
    cmd->add_option("--permutations", c->cli.permutations,
                    "permutaties voor de p-waarden van Gi* en LISA (standaard 999; 0 = analytisch)");
    cmd->add_flag("-q,--quiet", c->cli.quiet, "geen voortgang en samenvatting");
    cmd->footer("Voorbeeld:\n  gebiedscan scan --incidents meldingen.csv --assume-crs EPSG:4326 \\\n"
                "      --areas buurten.gpkg --year 2024 --out scan2024\n"
                "Uitvoer: gebiedscan.gpkg (lagen areas, areas_<niveau>, figures), Shapefiles, CSV, GeoJSON,\n"
                "summary.json (verantwoording van elke registratie) en toelichting.txt.");
    cmd->callback([c, cmd] { run(*c, *cmd); });
}

} // namespace gebiedscan::app
