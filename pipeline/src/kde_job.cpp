// `gebiedscan kde` as a job: read the registrations, choose radius and cell, kernel density.
#include "gebiedscan/pipeline/kde_job.hpp"

#include "gebiedscan/pipeline/accounting_report.hpp"
#include "gebiedscan/pipeline/incident_stream.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/scan_model.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

namespace gebiedscan::pipeline {

namespace {

std::string formatMetres(double v)
{
    return v >= 100 ? fmt::format("{:.0f}", v) : fmt::format("{:.3g}", v);
}

} // namespace

KdeJobResult runKdeJob(const KdeJobOptions& c, Reporter& reporter)
{
    KdeJobResult out;
    out.kernel = c.kernel;
    out.weightField = c.weightField;
    out.workingCrs = c.workingCrs;
    gebiedscan::KdeOptions options;
    options.kernel = c.kernel;
    options.method = c.method;
    if (c.radius && !(*c.radius > 0.0)) throw InputError("--radius must be a positive number of metres");
    if (c.cell && !(*c.cell > 0.0)) throw InputError("--cell must be a positive number of metres");

    // Every registration, or one theme through the scan model's categories.
    IncidentStreamOptions so;
    so.source = c.incidents;
    so.workingCrs = c.workingCrs;
    so.fields.category = c.categoryField;
    so.fields.label = c.labelField;
    so.weightField = c.weightField;
    so.model = loadScanModel(c.model.empty() ? defaultModelPath() : std::filesystem::path(c.model));
    so.theme = c.theme;
    IncidentStream stream(so, reporter);
    out.sourceDescription = stream.description();
    for (const auto& t : stream.model().themes)
        if (!c.theme.empty() && (t.id == c.theme || t.number == c.theme)) out.themeId = t.id;

    std::vector<PointRd> points;
    std::vector<double> weights;
    Incident incident;
    while (stream.next(incident)) {
        // No areas: every point is "inside"; unknown categories are drawn unless a theme is asked.
        const IncidentFate fate = stream.settle(incident, true);
        if (fate == IncidentFate::OtherTheme || (fate == IncidentFate::UnknownCategory && !c.theme.empty())) continue;
        if (!c.weightField.empty()) weights.push_back(incident.weight);
        points.push_back(incident.point);
    }
    out.accounting = stream.accounting();
    out.used = points.size();
    reportAccounting(out.accounting, reporter, stream.sourceCrs());
    if (points.empty()) throw InputError(stream.description() + ": no usable registrations for the heatmap");

    Envelope extent;
    if (!c.extent.empty()) {
        if (c.extent.size() != 4 || !(c.extent[0] < c.extent[2]) || !(c.extent[1] < c.extent[3]))
            throw InputError("--extent needs xmin ymin xmax ymax with xmin < xmax and ymin < ymax");
        extent.expand(PointRd{c.extent[0], c.extent[1]});
        extent.expand(PointRd{c.extent[2], c.extent[3]});
    } else {
        for (const auto& p : points) extent.expand(p);
    }
    out.radiusNote = "opgegeven";
    options.radius = c.radius.value_or(0.0);
    if (!(options.radius > 0.0)) {
        const BandwidthEstimate b = silvermanRadius(points, weights);
        if (!(b.radius > 0.0))
            throw InputError("cannot derive a radius: all registrations lie at one location; give --radius");
        options.radius = b.radius;
        out.radiusNote = fmt::format("Silverman-regel 0,9 x min(SD {} m, 1,20 x Dm {} m) x n^-0,2 met n = {:.0f}",
                                     formatMetres(b.standardDistance), formatMetres(b.medianDistance), b.n);
    }
    out.radius = options.radius;
    out.cell = c.cell.value_or(0.0);
    out.cellNote = "opgegeven";
    if (!(out.cell > 0.0)) {
        out.cell = defaultCellSize(extent);
        out.cellNote = "korte zijde van de puntenomhullende / 250, afgerond";
    }
    if (out.cell > options.radius / 2)
        reporter.warning(
            fmt::format("celgrootte {} m is groot ten opzichte van de straal {} m: kies --cell kleiner voor een "
                        "gladde kaart",
                        formatMetres(out.cell), formatMetres(options.radius)));
    const double support = kernelSupport(options.kernel, options.radius);
    // With --extent the grid is exactly the extent (snapped to the cell size); otherwise it
    // covers the events plus the kernel support, so every event's full mass is on the map.
    const RasterGrid grid = rasterGridCovering(extent, out.cell, c.extent.empty() ? support : 0.0);

    const auto t0 = std::chrono::steady_clock::now();
    out.density = kernelDensity(points, weights, grid, options);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (out.density.eventsOffGrid > 0)
        reporter.info(fmt::format("{} registraties liggen verder dan de kernstraal buiten --extent en tellen niet mee",
                                  out.density.eventsOffGrid));
    for (double v : out.density.density) out.peak = std::max(out.peak, v);
    return out;
}

} // namespace gebiedscan::pipeline
