// `gebiedscan nearrepeat`: the Knox space-time table of Ratcliffe's Near Repeat Calculator
// (repeats and near repeats, e.g. of woninginbraak) with the global Knox test.
#include "commands.hpp"
#include "console.hpp"
#include "gebiedscan/pipeline/near_repeat_job.hpp"
#include "option_groups.hpp"

#include "gebiedscan/core/error.hpp"

#include <fmt/core.h>

#include <cmath>
#include <filesystem>

namespace gebiedscan::app {

namespace {

struct NearRepeatCli {
    pipeline::NearRepeatJobOptions job;
    std::vector<double> distanceBands{100, 200, 300};
    std::vector<double> timeBands{7, 14, 21};
    std::string metric = "manhattan";
    std::string out;
    bool quiet = false;
    bool internal = false; ///< needed for --areas (pairs per area are small counts)
};

void run(NearRepeatCli& c)
{
    ConsoleReporter console(c.quiet);
    pipeline::NearRepeatJobOptions o = c.job;
    o.analysis.distanceBands = c.distanceBands;
    o.analysis.timeBands.clear();
    for (double t : c.timeBands) {
        if (t != std::floor(t)) throw InputError("--time-bands takes whole days, e.g. 7,14,21");
        o.analysis.timeBands.push_back(static_cast<std::int64_t>(t));
    }
    o.analysis.metric = c.metric == "euclidean" ? DistanceMetric::Euclidean : DistanceMetric::Manhattan;
    o.out = c.out;
    o.internal = c.internal;
    const pipeline::NearRepeatJobResult r = pipeline::runNearRepeatJob(o, console);
    if (c.quiet) { // --quiet: no summary, only the warning
        if (!r.protection) console.warnInternalOutput();
        return;
    }

    fmt::print("Near-repeatanalyse geschreven naar {}\n", std::filesystem::absolute(o.out).lexically_normal().string());
    fmt::print("  {} voorvallen, {} paren, {} permutaties (seed {})\n", r.table.events, r.table.pairs,
               r.table.permutations, o.analysis.seed);
    for (const auto& line : r.summary) fmt::print("  {}\n", line);
    if (!r.protection || r.protection->knoxPublished(r.table))
        fmt::print("  Knox-toets (<= {:g} m, <= {} d): X = {}, bij toeval verwacht {:.2f}, p = {:.4g} (permutaties; "
                   "Poisson p = {:.4g})\n",
                   o.analysis.distanceBands.front(), o.analysis.timeBands.front(), r.knox.statistic,
                   r.knox.expectedPermutation, r.knox.pPermutation, r.knox.pPoisson);
    else
        fmt::print("  Knox-toets (<= {:g} m, <= {} d): geheim (telt paren uit geheime cellen)\n",
                   o.analysis.distanceBands.front(), o.analysis.timeBands.front());
    if (r.protection) {
        std::size_t hidden = 0;
        for (bool h : r.protection->observedHidden) hidden += h;
        fmt::print("  extern (beschermd): {} van {} cellen geheim (1 t/m {} paren: {}, aanvullend: {}); --internal "
                   "voor de volledige tabel (alleen binnen de politie)\n",
                   hidden, r.protection->observedHidden.size(), r.protection->threshold - 1, r.protection->primaries,
                   r.protection->secondaries);
    } else {
        fmt::print("  INTERN: onbeschermde tabel, niet verstrekken buiten de politie\n");
    }
}

} // namespace

void registerNearRepeatCommand(CLI::App& app)
{
    auto c = std::make_shared<NearRepeatCli>();
    CLI::App* cmd = app.add_subcommand("nearrepeat", "Herhaling en near repeats (Knox-tabel als de Near Repeat "
                                                     "Calculator)\n(repeat and near-repeat victimisation, Knox table)");
    auto& j = c->job;
    addIncidentSourceOptions(*cmd, {.source = &j.incidents,
                                    .categoryField = &j.fields.category,
                                    .labelField = &j.fields.label,
                                    .dateField = &j.fields.date,
                                    .dateToField = &j.fields.dateTo,
                                    .timeField = &j.fields.time,
                                    .timeToField = &j.fields.timeTo,
                                    .required = true});
    addThemeOptions(*cmd, {.theme = &j.theme, .model = &j.model});
    cmd->add_option("--distance-bands", c->distanceBands,
                    "bovengrenzen van de afstandsbanden in meter (standaard 100,200,300)")
        ->delimiter(',')
        ->check(numberRange(0.01, 100000));
    cmd->add_option("--time-bands", c->timeBands, "bovengrenzen van de tijdbanden in hele dagen (standaard 7,14,21)")
        ->delimiter(',')
        ->check(numberRange(1, 36500));
    cmd->add_option("--metric", c->metric, "afstand: manhattan (standaard, als de calculator) of euclidean")
        ->check(CLI::IsMember({"manhattan", "euclidean"}));
    cmd->add_option("--permutations", j.analysis.permutations,
                    "aantal permutaties van de datums (1 t/m 99999; standaard 999)")
        ->check(wholeNumberRange(1, 99999));
    cmd->add_option("--seed", j.analysis.seed, "startwaarde van het toeval (zelfde seed, zelfde uitkomst)")
        ->check(nonNegativeWholeNumber());
    addAreaOptions(*cmd, {.path = &j.areas.path,
                          .layer = &j.areas.layer,
                          .pathHelp = "gebieden (bv. buurten): near-repeatparen per gebied in nearrepeat.gpkg, laag "
                                      "areas (alleen met --internal)"});
    addCrsOptions(*cmd, {.workingCrs = &j.workingCrs});
    addOutputOptions(*cmd, {.out = &c->out,
                            .outHelp = "uitvoermap (nearrepeat.csv, nearrepeat_samenvatting.txt, nearrepeat_tabel.png)",
                            .internal = &c->internal});
    addReportingOptions(*cmd, {.quiet = &c->quiet, .threads = &j.analysis.threads});
    cmd->footer("Alle paren van voorvallen worden geteld per afstandsband (eerst dezelfde locatie, dan [0,100), "
                "[100,200), ... m)\nen per tijdband ([0,7), [7,14), ... dagen); verwacht = gemiddelde over "
                "permutaties van de datums.\nVoorbeeld:\n  gebiedscan nearrepeat --incidents meldingen.gpkg "
                "--theme woninginbraak --distance-bands 100,200,300 --time-bands 7,14,21 --out nr");
    cmd->callback([c] { run(*c); });
}

} // namespace gebiedscan::app
