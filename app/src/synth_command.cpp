// `gebiedscan synth`: the options and the printed summary; the generator is pipeline::runSynthJob.
#include "commands.hpp"
#include "console.hpp"
#include "option_groups.hpp"

#include "gebiedscan/pipeline/synth_job.hpp"

#include <fmt/core.h>

namespace gebiedscan::app {

namespace {

void run(const pipeline::SynthOptions& c)
{
    ConsoleReporter console;
    const auto r = pipeline::runSynthJob(c, console);
    fmt::print("{} synthetische registraties geschreven naar {} (geplante clusters: {})\n", r.written, c.out,
               r.truthFile.string());
}

} // namespace

void registerSynthCommand(CLI::App& app)
{
    auto c = std::make_shared<pipeline::SynthOptions>();
    CLI::App* cmd = app.add_subcommand("synth", "Maak synthetische (nep)registraties voor demo, test en benchmark\n"
                                                "(seeded synthetic incidents; clearly labelled, never real data)");
    addAreaOptions(*cmd, {.path = &c->areas,
                          .layer = &c->areasLayer,
                          .codeField = &c->areaCodeField,
                          .pathHelp = "gebieden (polygonen) waarbinnen registraties vallen",
                          .required = true,
                          .mustExist = true});
    cmd->add_option("--count", c->count, "aantal registraties")->capture_default_str()->check(nonNegativeWholeNumber());
    cmd->add_option("--seed", c->seed, "startwaarde van de toevalsgenerator")
        ->capture_default_str()
        ->check(nonNegativeWholeNumber());
    cmd->add_option("--from-year", c->fromYear, "eerste jaar")->capture_default_str();
    cmd->add_option("--to-year", c->toYear, "laatste jaar")->capture_default_str();
    cmd->add_option("--malformed", c->malformed, "aandeel bewust foute records")->capture_default_str();
    cmd->add_flag("--lonlat", c->lonlat, "lon/lat-kolommen (WGS84) in plaats van RD-geometrie (voor CSV)");
    addCrsOptions(*cmd, {.workingCrs = &c->workingCrs});
    addOutputOptions(*cmd, {.out = &c->out, .outHelp = "uitvoerbestand: .gpkg, .csv, .geojson of .shp"});
    cmd->callback([c] { run(*c); });
}

} // namespace gebiedscan::app
