// `gebiedscan audit DIR`: runs the intruder over a scan output folder (pipeline/folder_audit.hpp)
// and prints every way a hidden count can be recovered or narrowed. Exit code 0: the folder
// passes; 4: it fails (2/3/1 as every command: bad input, output error, other error).
#include "commands.hpp"
#include "option_groups.hpp"

#include "gebiedscan/pipeline/folder_audit.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"

#include <fmt/core.h>

#include <filesystem>
#include <memory>

namespace gebiedscan::app {

namespace {

constexpr int kAuditFailed = 4;

struct AuditCli {
    std::string dir, model;
    std::size_t shown = 50;
    bool all = false, quiet = false;
};

void run(const AuditCli& c)
{
    const auto model =
        pipeline::loadScanModel(c.model.empty() ? pipeline::defaultModelPath() : std::filesystem::path(c.model));
    const auto audit = pipeline::auditScanFolder(c.dir, model);
    std::size_t printed = 0;
    for (const auto& f : audit.findings) {
        if (!c.all && printed == c.shown) {
            fmt::print("... en nog {} bevinding(en) (alles tonen: --all)\n", audit.findings.size() - printed);
            break;
        }
        fmt::print("{}\n", f.message);
        ++printed;
    }
    // Fail closed: a folder that does not say who it is for is judged as one for outside.
    if (audit.audience.empty())
        fmt::print(stderr,
                   "Let op: {} zegt niet voor wie de map is (geen 'publiek'/audience in summary.json of de "
                   "metadata); beoordeeld als extern (buiten de politie), met de strengste regels.\n",
                   c.dir);
    if (!c.quiet)
        fmt::print(
            stderr,
            "Controle {} (publiek: {}{}): {} cellen, {} geheim, {} optellingen, {} LP's; {} geheime aantallen te "
            "herleiden of te vernauwen ({} exact); {} bevinding(en) in totaal: {}\n",
            c.dir, audit.audience.empty() ? "onbekend, beoordeeld als extern" : audit.audience,
            audit.rounded ? "; afgerond op vijftallen" : "", audit.cells, audit.hiddenCells, audit.relations,
            audit.linearPrograms, audit.narrowed, audit.exact, audit.findings.size(),
            audit.passed() ? "GESLAAGD" : "AFGEKEURD");
    // CLI11 returns a RuntimeError's code from app.exit() without printing anything.
    if (!audit.passed()) throw CLI::RuntimeError(kAuditFailed);
}

} // namespace

void registerAuditCommand(CLI::App& app)
{
    auto c = std::make_shared<AuditCli>();
    CLI::App* cmd = app.add_subcommand(
        "audit", "Controleer een uitvoermap als een indringer: is een geheim aantal terug te rekenen?\n"
                 "(audit an output folder as an intruder would: can a suppressed count be recovered?)");
    cmd->add_option("dir", c->dir,
                    "uitvoermap van gebiedscan scan (met gebiedscan.gpkg en summary.json), trends, hotspots, "
                    "blackspots, nearrepeat of facilities")
        ->required()
        ->check(CLI::ExistingDirectory);
    addThemeOptions(*cmd, {.model = &c->model}); // the thresholds the folder was made with
    cmd->add_option("--show", c->shown, "aantal bevindingen dat wordt getoond (standaard 50)");
    cmd->add_flag("--all", c->all, "toon alle bevindingen");
    addReportingOptions(*cmd, {.quiet = &c->quiet});
    cmd->footer("Per geheim aantal rekent de controle met lineaire programmering (GLPK) het interval uit\n"
                "waarin het moet liggen, gegeven alle gepubliceerde cijfers en optellingen (buurten = wijk,\n"
                "thema's = totaal, categorieën = thema, per periode). Een geheim aantal is beschermd als dat\n"
                "interval het hele bereik 1 t/m drempel-1 omvat of er geheel buiten ligt. Verder: geen afgeleide\n"
                "cijfers (verwacht, verandering, p, trend, per 1.000, rang, Gi*/LISA, drukste uur) bij een geheim\n"
                "aantal, en in een externe map Gi*/LISA alleen als klasse.\n"
                "Een afgeronde map (scan --protection afronden): elk aantal r ligt voor de lezer in r-4 t/m r+4;\n"
                "beschermd zolang de optellingen dat niet vernauwen tot minder dan 5 mogelijke waarden, en alleen\n"
                "de afgeronde aantallen en per 1.000 daaruit staan in de map.\n"
                "nearrepeat: de Knox-tabel met de rij- en kolomtotalen uit de verwachte aantallen en alle paren\n"
                "n(n-1)/2; facilities: thema's = n_total per voorziening, en de aandelen uit de gepubliceerde\n"
                "totalen (elk geheim totaal als drempel/2).\n"
                "Zonder publiek (audience) in de map: beoordeeld als extern.\n"
                "Afsluitcode: 0 = geslaagd, 4 = afgekeurd, 2 = onjuiste invoer.");
    cmd->callback([c] { run(*c); });
}

} // namespace gebiedscan::app
