// `gebiedscan report SCAN_DIR --out FILE.pdf`: the veiligheidsanalyse of a scan folder as a PDF
// and a self-contained HTML file beside it (app/report). Built only with Qt (the viewer's
// renderer draws the maps); the command line itself stays Qt-free in the other builds.
#include "commands.hpp"
#include "console.hpp"
#include "option_groups.hpp"

#include "private_runtime_dir.hpp"
#include "report_writer.hpp"

#include <QGuiApplication>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>

namespace gebiedscan::app {

namespace {

struct ReportCli {
    std::string dir, level, lang = "nl", out, blackspots;
    std::vector<std::string> areas;
    bool quiet = false;
};

// Painting needs a QGuiApplication; without a display the offscreen platform draws as well.
// Members go in reverse: the application before its runtime folder.
class GuiSession {
public:
    GuiSession()
    {
        if (!std::getenv("QT_QPA_PLATFORM") && !std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        static int argc = 1;
        static char name[] = "gebiedscan";
        static char* argv[] = {name, nullptr};
        if (!QGuiApplication::instance()) m_app.emplace(argc, argv);
        std::setlocale(LC_NUMERIC, "C"); // Qt set the user's locale; GDAL and our writers need C numbers
    }

private:
    viewer::PrivateRuntimeDir m_runtime; // no "XDG_RUNTIME_DIR not set" (app/viewer/src/private_runtime_dir.hpp)
    std::optional<QGuiApplication> m_app;
};

// The area levels of a scan folder (summary.json "levels"), finest first; empty when unreadable.
std::vector<std::string> scanLevels(const std::filesystem::path& scanDir)
{
    std::ifstream in(scanDir / "summary.json");
    const auto summary = nlohmann::json::parse(in, nullptr, false);
    std::vector<std::string> levels;
    if (summary.is_discarded() || !summary.contains("levels") || !summary["levels"].is_array()) return levels;
    for (const auto& l : summary["levels"])
        if (l.is_object()) levels.push_back(l.value("level", std::string()));
    return levels;
}

void run(const ReportCli& c)
{
    const GuiSession gui;
    report::ReportOptions o;
    o.scanFolder = QString::fromStdString(c.dir);
    o.level = QString::fromStdString(c.level);
    for (const auto& a : c.areas) o.areas << QString::fromStdString(a);
    o.english = c.lang == "en";
    o.pdf = QString::fromStdString(c.out);
    o.blackspots = QString::fromStdString(c.blackspots);
    ConsoleReporter reporter(c.quiet);
    const auto r = report::writeReport(o, reporter);
    reporter.info(fmt::format("Geschreven: {} ({} pagina's, {} {} per {}) en {}", r.pdf.toStdString(), r.pages,
                              r.sheets, r.sheets == 1 ? "blad" : "bladen", r.level.toStdString(),
                              r.html.toStdString()));
}

} // namespace

void registerReportCommand(CLI::App& app)
{
    // `export` puts the report into its package: the default report (Dutch, sheets per wijk)
    // of the audited scan folder, drawn into the staging folder.
    exportReportWriter() = [](const std::filesystem::path& scanDir, const std::filesystem::path& packageDir,
                              bool quiet) {
        ConsoleReporter reporter(quiet);
        // A raster scan (cellen) has no areas to write sheets for, and thousands of cells would
        // make thousands of pages: its package goes without the report.
        const auto levels = scanLevels(scanDir);
        if (levels == std::vector<std::string>{"cel"}) {
            reporter.info("Geen rapport in het pakket: een scan op een raster (cellen) heeft geen gebieden om "
                          "bladen van te maken (gebiedscan report --areas maakt er toch een)");
            return std::vector<std::string>{};
        }
        const GuiSession gui;
        report::ReportOptions o;
        o.scanFolder = QString::fromStdString(scanDir.string());
        // Cells with areas above them: a sheet per highest area, not one per cell.
        if (!levels.empty() && levels.front() == "cel" && levels.size() > 1)
            o.level = QString::fromStdString(levels.back());
        const std::filesystem::path pdf = packageDir / "veiligheidsanalyse.pdf";
        o.pdf = QString::fromStdString(pdf.string());
        reporter.info("Rapport maken voor het pakket (veiligheidsanalyse.pdf; bij honderden gebieden duurt dat "
                      "minuten, --no-report slaat het over) ...");
        const auto r = report::writeReport(o, reporter);
        reporter.info(fmt::format("Rapport in het pakket: {} ({} pagina's) en {}", pdf.filename().string(), r.pages,
                                  std::filesystem::path(r.html.toStdString()).filename().string()));
        return std::vector<std::string>{pdf.filename().string(),
                                        std::filesystem::path(r.html.toStdString()).filename().string()};
    };

    auto c = std::make_shared<ReportCli>();
    if (const char* lang = std::getenv("GEBIEDSCAN_LANG"); lang && std::string(lang).rfind("en", 0) == 0)
        c->lang = "en";
    CLI::App* cmd = app.add_subcommand(
        "report", "Maak de veiligheidsanalyse van een scanmap: een PDF en dezelfde inhoud als HTML-bestand\n"
                  "(the safety analysis of a scan folder as a PDF and the same content as one HTML file)");
    cmd->add_option("dir", c->dir, "uitvoermap van gebiedscan scan (met gebiedscan.gpkg en summary.json)")
        ->required()
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--out", c->out, "het PDF-bestand; het HTML-bestand komt ernaast (zelfde naam, .html)")->required();
    // Any level of the scan (a scan of other areas names its own, e.g. TOWN): the report checks it
    // against summary.json and names the scan's levels when it is not there.
    cmd->add_option("--level", c->level,
                    "niveau van de gebiedsbladen, een niveau van de scan: gemeente, wijk, buurt of een eigen naam "
                    "(standaard wijk, anders het niveau boven het fijnste)");
    cmd->add_option("--areas", c->areas,
                    "alleen deze gebieden, codes met komma's; een hogere code neemt alles erin mee (GM0106)")
        ->delimiter(',');
    cmd->add_option("--blackspots", c->blackspots,
                    "uitvoermap van gebiedscan blackspots voor de samenvatting (standaard: een map naast de scanmap "
                    "met blackspots.csv, als die er is)")
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--lang", c->lang, "taal van het rapport: nl (standaard) of en")
        ->check(CLI::IsMember({"nl", "en"}));
    addReportingOptions(*cmd, {.quiet = &c->quiet});
    cmd->footer("Het rapport toont alleen wat de bestanden van de map tonen: een geheim aantal blijft 'geheim',\n"
                "met alles wat eruit volgt. Bladen per gebied volgens de vijf veiligheidsvelden, met kaart,\n"
                "trend, tijden in de week (alleen als tijdstippen bekend zijn) en AOL-kandidaten.");
    cmd->callback([c] { run(*c); });
}

} // namespace gebiedscan::app
