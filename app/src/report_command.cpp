// `gebiedscan report SCAN_DIR --out FILE.pdf`: the veiligheidsanalyse of a scan folder as a PDF
// and a self-contained HTML file beside it (app/report). Built only with Qt (the viewer's
// renderer draws the maps); the command line itself stays Qt-free in the other builds.
#include "commands.hpp"
#include "console.hpp"
#include "option_groups.hpp"

#include "report_writer.hpp"

#include <QGuiApplication>

#include <fmt/core.h>

#include <clocale>
#include <cstdlib>
#include <memory>
#include <optional>

namespace gebiedscan::app {

namespace {

struct ReportCli {
    std::string dir, level, lang = "nl", out;
    std::vector<std::string> areas;
    bool quiet = false;
};

void run(const ReportCli& c)
{
    // Painting needs a QGuiApplication; without a display the offscreen platform draws as well.
    if (!std::getenv("QT_QPA_PLATFORM") && !std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::optional<QGuiApplication> app;
    static int argc = 1;
    static char name[] = "gebiedscan";
    static char* argv[] = {name, nullptr};
    if (!QGuiApplication::instance()) app.emplace(argc, argv);
    std::setlocale(LC_NUMERIC, "C"); // Qt set the user's locale; GDAL and our writers need C numbers

    report::ReportOptions o;
    o.scanFolder = QString::fromStdString(c.dir);
    o.level = QString::fromStdString(c.level);
    for (const auto& a : c.areas) o.areas << QString::fromStdString(a);
    o.english = c.lang == "en";
    o.pdf = QString::fromStdString(c.out);
    ConsoleReporter reporter(c.quiet);
    const auto r = report::writeReport(o, reporter);
    reporter.info(fmt::format("Geschreven: {} ({} pagina's, {} {} per {}) en {}", r.pdf.toStdString(), r.pages,
                              r.sheets, r.sheets == 1 ? "blad" : "bladen", r.level.toStdString(),
                              r.html.toStdString()));
}

} // namespace

void registerReportCommand(CLI::App& app)
{
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
    cmd->add_option("--level", c->level, "niveau van de gebiedsbladen (standaard wijk, anders het fijnste niveau)")
        ->check(CLI::IsMember({"gemeente", "wijk", "buurt"}));
    cmd->add_option("--areas", c->areas,
                    "alleen deze gebieden, codes met komma's; een hogere code neemt alles erin mee (GM0106)")
        ->delimiter(',');
    cmd->add_option("--lang", c->lang, "taal van het rapport: nl (standaard) of en")
        ->check(CLI::IsMember({"nl", "en"}));
    addReportingOptions(*cmd, {.quiet = &c->quiet});
    cmd->footer("Het rapport toont alleen wat de bestanden van de map tonen: een geheim aantal blijft 'geheim',\n"
                "met alles wat eruit volgt. Bladen per gebied volgens de vijf veiligheidsvelden, met kaart,\n"
                "trend, tijden in de week (alleen als tijdstippen bekend zijn) en AOL-kandidaten.");
    cmd->callback([c] { run(*c); });
}

} // namespace gebiedscan::app
