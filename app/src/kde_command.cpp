// `gebiedscan kde`: a kernel density heatmap (GeoTIFF, events per km2) of registrations. The
// options, their mapping to pipeline::KdeJobOptions and the printed summary; the analysis is
// pipeline::runKdeJob.
#include "commands.hpp"
#include "console.hpp"
#include "gebiedscan/pipeline/kde_job.hpp"
#include "gebiedscan/pipeline/kde_writer.hpp"
#include "option_groups.hpp"

#include "gebiedscan/core/error.hpp"

#include <fmt/core.h>

#include <filesystem>
#include <memory>

namespace gebiedscan::app {

namespace {

struct KdeCli {
    pipeline::KdeJobOptions job;
    std::string kernel = "quartic", method = "auto";
    double radius = 0.0, cell = 0.0;
    std::string out;
    bool quiet = false;
    bool internal = false; ///< required: a heatmap is police-internal output
};

std::string formatMetres(double v)
{
    return v >= 100 ? fmt::format("{:.0f}", v) : fmt::format("{:.3g}", v);
}

pipeline::KdeJobOptions jobOptions(const KdeCli& c, const CLI::App& cmd)
{
    pipeline::KdeJobOptions o = c.job;
    const auto kernel = parseKernelShape(c.kernel);
    if (!kernel) throw InputError("unknown kernel '" + c.kernel + "' (quartic, gaussian, epanechnikov, uniform)");
    o.kernel = *kernel;
    if (c.method == "exact")
        o.method = KdeMethod::Exact;
    else if (c.method == "binned")
        o.method = KdeMethod::BinnedDirect;
    else if (c.method == "fft")
        o.method = KdeMethod::BinnedFft;
    if (cmd.count("--radius") > 0) o.radius = c.radius;
    if (cmd.count("--cell") > 0) o.cell = c.cell;
    return o;
}

void printSummary(const pipeline::KdeJobResult& r, const std::filesystem::path& out)
{
    fmt::print("Heatmap geschreven naar {}\n", std::filesystem::absolute(out).lexically_normal().string());
    fmt::print("  kern {}, straal {} m ({}){}\n", kernelName(r.kernel), formatMetres(r.radius), r.radiusNote,
               r.kernel == KernelShape::Gaussian ? " = sigma, afgekapt op 4 sigma" : "");
    fmt::print("  cel {} m ({}), {} x {} cellen, {} ({:.2f} s)\n", formatMetres(r.cell), r.cellNote, r.density.grid.nx,
               r.density.grid.ny, kdeMethodName(r.density.method), r.seconds);
    fmt::print("  eenheid: {} (aantal per km2); maximum {:.1f}; totaal {:.0f} in {}\n",
               r.weightField.empty() ? "registraties per km2" : r.weightField + " per km2", r.peak,
               r.density.totalWeight, r.workingCrs);
}

void run(const KdeCli& c, const CLI::App& cmd)
{
    ConsoleReporter console(c.quiet);
    if (!c.internal) throw InputError(pipeline::kdeInternalOnly()); // before the analysis, not after
    const pipeline::KdeJobResult result = pipeline::runKdeJob(jobOptions(c, cmd), console);
    pipeline::writeKdeRaster(result, c.out, c.internal);
    if (!c.quiet) printSummary(result, c.out);
    console.warnInternalOutput();
}

} // namespace

void registerKdeCommand(CLI::App& app)
{
    auto c = std::make_shared<KdeCli>();
    CLI::App* cmd = app.add_subcommand("kde", "Maak een heatmap (kerndichtheid, GeoTIFF in registraties per km2)\n"
                                              "(make a kernel density heatmap, GeoTIFF in events per km2)");
    addIncidentSourceOptions(*cmd, {.source = &c->job.incidents,
                                    .categoryField = &c->job.categoryField,
                                    .labelField = &c->job.labelField,
                                    .required = true});
    addThemeOptions(*cmd, {.theme = &c->job.theme, .model = &c->job.model});
    cmd->add_option("--radius", c->radius,
                    "zoekstraal in meter (gaussian: sigma); standaard de ruimtelijke Silverman-regel van ArcGIS");
    cmd->add_option("--extent", c->job.extent,
                    "gebied van de kaart: xmin ymin xmax ymax in het werk-CRS (standaard: de "
                    "registraties plus de kernstraal)")
        ->expected(4);
    cmd->add_option("--cell", c->cell, "celgrootte in meter; standaard korte zijde van de omhullende / 250, afgerond");
    cmd->add_option("--kernel", c->kernel, "kern: quartic (standaard), gaussian, epanechnikov, uniform")
        ->check(CLI::IsMember({"quartic", "gaussian", "epanechnikov", "uniform"}));
    cmd->add_option("--method", c->method, "rekenwijze: auto (standaard), exact, binned, fft")
        ->check(CLI::IsMember({"auto", "exact", "binned", "fft"}));
    cmd->add_option("--weight-field", c->job.weightField,
                    "numeriek veld als gewicht per registratie (bv. aantal slachtoffers)");
    addCrsOptions(*cmd, {.workingCrs = &c->job.workingCrs});
    addOutputOptions(*cmd, {.out = &c->out, .outHelp = "uitvoer: GeoTIFF (.tif)", .internal = &c->internal});
    addReportingOptions(*cmd, {.quiet = &c->quiet});
    cmd->footer(
        "De kern is genormaliseerd (quartic: 3/(pi r2) (1 - d2/r2)2), zodat de kaart optelt tot het aantal\n"
        "registraties: waarde x celoppervlak (km2) = aantal. Eenheid: registraties per km2 (met --weight-field:\n"
        "gewicht per km2), vastgelegd in de GeoTIFF-metadata (UNIT, KERNEL, RADIUS_M, CELL_SIZE_M).\n"
        "Een heatmap verraadt losse registraties: alleen interne uitvoer, --internal is verplicht.\n"
        "Voorbeeld:\n  gebiedscan kde --incidents meldingen.gpkg --theme woninginbraak --radius 250 --cell 25 "
        "--internal --out inbraak.tif");
    cmd->callback([c, cmd] { run(*c, *cmd); });
}

} // namespace gebiedscan::app
