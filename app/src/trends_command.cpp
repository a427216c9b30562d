// `gebiedscan trends`: emerging hot spot analysis (Esri's classes) of registrations per area or
// grid cell over months, quarters or years. The options, their mapping to pipeline::TrendOptions
// and the printed summary; the analysis is pipeline::runTrendJob.
#include "commands.hpp"
#include "console.hpp"
#include "gebiedscan/pipeline/trend_job.hpp"
#include "gebiedscan/pipeline/trend_writer.hpp"
#include "option_groups.hpp"

#include "gebiedscan/core/error.hpp"

#include <fmt/core.h>

#include <filesystem>
#include <memory>

namespace gebiedscan::app {

namespace {

struct TrendsCli {
    pipeline::TrendOptions job;
    std::string period = "month", contiguity = "queen";
    bool noFdr = false, internal = false, quiet = false;
    std::string out;
};

TimePeriod parsePeriod(const std::string& s)
{
    if (s == "month" || s == "maand") return TimePeriod::Month;
    if (s == "quarter" || s == "kwartaal") return TimePeriod::Quarter;
    if (s == "year" || s == "jaar") return TimePeriod::Year;
    throw InputError("--period must be month, quarter or year");
}

pipeline::TrendOptions jobOptions(const TrendsCli& c)
{
    pipeline::TrendOptions o = c.job;
    o.period = parsePeriod(c.period);
    o.contiguity = c.contiguity == "rook" ? Contiguity::Rook : Contiguity::Queen;
    o.fdr = !c.noFdr;
    return o;
}

void printSummary(const pipeline::TrendResult& r, const std::filesystem::path& dir, bool internal)
{
    fmt::print("Trends geschreven naar {} (trends.gpkg, trends.csv, trends_per_periode.csv, toelichting.txt)\n",
               std::filesystem::absolute(dir).lexically_normal().string());
    fmt::print("  publiek: {}\n", internal ? "intern (alle aantallen, Gi* als getal)"
                                           : "extern (kleine aantallen en hun aanvullingen geheim, Gi* als klasse; "
                                             "zie toelichting.txt)");
    fmt::print("  {} locaties x {} perioden ({} t/m {})\n", r.cube.locations(), r.steps, periodLabel(r.first, r.period),
               periodLabel(r.last, r.period));
    for (int k = 0; k < kEmergingClassCount; ++k)
        if (r.classCounts[static_cast<std::size_t>(k)] > 0)
            fmt::print("  {:<24} {}\n", emergingLabelNl(static_cast<EmergingClass>(k)),
                       r.classCounts[static_cast<std::size_t>(k)]);
}

void run(const TrendsCli& c)
{
    ConsoleReporter console(c.quiet);
    const pipeline::TrendResult result = pipeline::runTrendJob(jobOptions(c), console);
    (void)pipeline::writeTrendOutputs(result, {c.out, c.internal});
    if (!c.quiet) printSummary(result, c.out, c.internal);
    if (c.internal) console.warnInternalOutput();
}

} // namespace

void registerTrendsCommand(CLI::App& app)
{
    auto c = std::make_shared<TrendsCli>();
    CLI::App* cmd = app.add_subcommand(
        "trends", "Opkomende hotspots: trend per gebied of rastercel over maanden, kwartalen of jaren\n"
                  "(emerging hot spot analysis: Gi* per period, Mann-Kendall trend, Esri's 17 patterns)");
    addIncidentSourceOptions(*cmd, {.source = &c->job.incidents,
                                    .categoryField = &c->job.categoryField,
                                    .labelField = &c->job.labelField,
                                    .dateField = &c->job.dateField,
                                    .dateToField = &c->job.dateToField,
                                    .timeField = &c->job.timeField,
                                    .timeToField = &c->job.timeToField,
                                    .required = true});
    addThemeOptions(*cmd, {.theme = &c->job.theme, .model = &c->job.model});
    addAreaOptions(*cmd, {.path = &c->job.areas.path,
                          .layer = &c->job.areas.layer,
                          .codeField = &c->job.areaFields.code,
                          .nameField = &c->job.areaFields.name});
    cmd->add_option("--grid", c->job.gridSize, "in plaats van --areas: vierkanten van deze grootte in meter (bv. 500)");
    cmd->add_option("--period", c->period, "tijdstap: month (standaard), quarter of year")
        ->check(CLI::IsMember({"month", "quarter", "year", "maand", "kwartaal", "jaar"}));
    cmd->add_option("--from", c->job.from, "eerste datum (standaard: eerste periode in de data)");
    cmd->add_option("--to", c->job.to, "laatste datum, t/m (standaard: laatste periode in de data)");
    cmd->add_option("--time-lags", c->job.timeLags, "aantal vorige perioden in de buurt van een bin (standaard 1)");
    cmd->add_option("--contiguity", c->contiguity, "buren: queen (standaard) of rook")
        ->check(CLI::IsMember({"queen", "rook"}));
    cmd->add_option("--alpha", c->job.alpha, "significantieniveau voor bins en trend (standaard 0.05)");
    cmd->add_flag("--no-fdr", c->noFdr, "geen FDR-correctie (Benjamini-Hochberg) over de bins");
    addCrsOptions(*cmd, {.workingCrs = &c->job.workingCrs});
    addOutputOptions(*cmd, {.out = &c->out, .internal = &c->internal});
    addReportingOptions(*cmd, {.quiet = &c->quiet});
    cmd->footer(
        "Patronen (Esri): nieuwe, opeenvolgende, toenemende, aanhoudende, afnemende, sporadische, wisselende en\n"
        "voormalige hotspot of coldspot, of geen patroon. De beslisregels staan in\n"
        "core/include/gebiedscan/core/emerging_hotspots.hpp (classifyEmerging).\n"
        "Voorbeeld:\n  gebiedscan trends --incidents meldingen.gpkg --theme woninginbraak --grid 500 --period month "
        "--out trends");
    cmd->callback([c] { run(*c); });
}

} // namespace gebiedscan::app
