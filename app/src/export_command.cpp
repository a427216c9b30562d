// `gebiedscan export SCAN_DIR --out DIR`: the council package (pipeline/export_job.hpp). A folder
// that may not leave the police (intern, or failing the audit) is refused with exit code 4, as
// `gebiedscan audit` fails; the failing cells are printed on stdout. In builds with Qt the
// package gets the veiligheidsanalyse PDF too, drawn into the staging folder after the audit
// (exportReportWriter, set by the report command); the pipeline stays Qt-free.
#include "commands.hpp"
#include "console.hpp"
#include "option_groups.hpp"

#include "gebiedscan/pipeline/export_job.hpp"

#include <fmt/core.h>

#include <memory>

namespace gebiedscan::app {

namespace {

constexpr int kExportRefused = 4; // as gebiedscan audit

struct ExportCli {
    pipeline::ExportOptions options;
    std::size_t shown = 50;
    bool quiet = false;
    bool noReport = false;
};

void run(const ExportCli& c)
{
    ConsoleReporter console(c.quiet);
    pipeline::ExportOptions options = c.options;
    if (options.report.empty() && !c.noReport && exportReportWriter()) {
        const auto scanDir = options.scanDir;
        const bool quiet = c.quiet;
        options.writeReport = [scanDir, quiet](const std::filesystem::path& packageDir) {
            return exportReportWriter()(scanDir, packageDir, quiet);
        };
    }
    try {
        const auto r = pipeline::runExportJob(options, console);
        if (!c.quiet) {
            for (const auto& l : r.levels)
                fmt::print(stderr, "{}: {} gebieden, kaart van {} in {} klassen{}\n", l.name, l.areas, l.styleField,
                           l.legend.classes.size() + (l.legend.zeroClass ? 1 : 0),
                           l.legend.hidden > 0 ? fmt::format(" ({} geheim)", l.legend.hidden) : "");
        }
        fmt::print("Pakket geschreven naar {} ({} bestanden){}\n", c.options.outDir.string(), r.files.size(),
                   r.zip.empty() ? "" : ", en als zip: " + r.zip.string());
    } catch (const pipeline::ExportRefused& e) {
        const auto& findings = e.audit().findings;
        for (std::size_t i = 0; i < findings.size() && i < c.shown; ++i) fmt::print("{}\n", findings[i].message);
        if (findings.size() > c.shown)
            fmt::print("... en nog {} bevinding(en) (alles: gebiedscan audit {} --all)\n", findings.size() - c.shown,
                       c.options.scanDir.string());
        printError(std::string("export geweigerd: ") + e.what());
        // CLI11 returns a RuntimeError's code from app.exit() without printing anything.
        throw CLI::RuntimeError(kExportRefused);
    }
}

} // namespace

ExportReportWriter& exportReportWriter()
{
    static ExportReportWriter writer;
    return writer;
}

void registerExportCommand(CLI::App& app)
{
    auto c = std::make_shared<ExportCli>();
    CLI::App* cmd = app.add_subcommand(
        "export",
        "Maak het gegevenspakket voor de gemeente: Shapefiles en GeoPackage met QGIS-kaartstijl, CSV, LEESMIJ\n"
        "(the council package: Shapefiles and GeoPackage with QGIS styles, CSV, a read-me)");
    cmd->add_option("scan_dir", c->options.scanDir,
                    "uitvoermap van gebiedscan scan (met gebiedscan.gpkg en summary.json)")
        ->required()
        ->check(CLI::ExistingDirectory);
    addThemeOptions(*cmd, {.model = &c->options.model}); // the thresholds the scan was made with
    addOutputOptions(*cmd, {.out = &c->options.outDir, .outHelp = "map voor het pakket (wordt als geheel geschreven)"});
    cmd->add_flag("--zip", c->options.zip, "schrijf het pakket ook als zip naast de map (MAP.zip)");
    auto* report = cmd->add_option("--report", c->options.report,
                                   "PDF van gebiedscan report om mee te geven; anders maakt export het rapport zelf "
                                   "(veiligheidsanalyse.pdf en .html) als report erbij gebouwd is")
                       ->check(CLI::ExistingFile);
    cmd->add_flag("--no-report", c->noReport, "geen rapport in het pakket (sneller bij veel gebieden)")
        ->excludes(report);
    cmd->add_option("--show", c->shown, "aantal bevindingen dat wordt getoond als de controle faalt (standaard 50)");
    addReportingOptions(*cmd, {.quiet = &c->quiet});
    cmd->footer("Alleen een scan voor buiten de politie (zonder --internal) die de controle op herleidbaarheid\n"
                "doorstaat (gebiedscan audit) wordt geëxporteerd; anders weigert export met de reden en de cellen\n"
                "die falen. Het pakket bevat alleen aantallen per gebied, nooit meldingen of punten, en de\n"
                "veiligheidsanalyse (gebiedscan report) als PDF en HTML, tenzij --report of --no-report.\n"
                "Afsluitcode: 0 = geschreven, 4 = geweigerd, 2 = onjuiste invoer, 3 = schrijffout.");
    cmd->callback([c] { run(*c); });
}

} // namespace gebiedscan::app
