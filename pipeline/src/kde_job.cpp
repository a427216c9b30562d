// `gebiedscan kde` as a job: read the registrations, choose radius and cell, kernel density.
#include "gebiedscan/pipeline/kde_job.hpp"

#include "gebiedscan/pipeline/incident_fields.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/scan_model.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <filesystem>

namespace gebiedscan::pipeline {

namespace {

std::optional<double> parseNumber(const std::string& text)
{
    std::string s = text;
    // Dutch extracts write decimal commas.
    if (s.find('.') == std::string::npos)
        for (char& c : s)
            if (c == ',') c = '.';
    double v = 0.0;
    const char* b = s.data();
    while (b < s.data() + s.size() && *b == ' ') ++b;
    const auto [end, ec] = std::from_chars(b, s.data() + s.size(), v);
    if (ec != std::errc() || !std::isfinite(v)) return std::nullopt;
    for (const char* p = end; p < s.data() + s.size(); ++p)
        if (*p != ' ') return std::nullopt;
    return v;
}

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

    // Theme selection through the scan model's categories.
    std::optional<ScanModel> model;
    std::optional<CategoryClassifier> classifier;
    std::string& themeId = out.themeId;
    std::string categoryField, labelField;
    if (!c.theme.empty()) {
        model = loadScanModel(c.model.empty() ? defaultModelPath() : std::filesystem::path(c.model));
        for (const auto& t : model->themes)
            if (t.id == c.theme || t.number == c.theme) themeId = t.id;
        if (themeId.empty()) {
            std::string known;
            for (const auto& t : model->themes) known += (known.empty() ? "" : ", ") + t.number + " " + t.id;
            throw InputError("unknown theme '" + c.theme + "' (themes: " + known + ")");
        }
        classifier.emplace(*model);
    }
    gis::VectorReader reader(c.incidents, c.workingCrs);
    out.sourceDescription = reader.description();
    if (classifier) {
        const IncidentFields fields = detectIncidentFields(reader, {c.categoryField, c.labelField, "", ""});
        requireCategoryField(reader, fields, "for --theme");
        categoryField = fields.category;
        labelField = fields.label;
    }
    reader.selectFields({categoryField, labelField, c.weightField});

    std::vector<PointRd> points;
    std::vector<double> weights;
    PhaseProgress progress(reporter, "registraties lezen", reader.featureCount().value_or(-1));
    gis::Feature f;
    while (reader.next(f)) {
        progress.update(++out.read);
        if (f.geometry.kind != gis::FeatureGeometry::Kind::Point || f.geometry.points.size() != 1) {
            ++out.noPoint;
            continue;
        }
        // (0, 0) is what extracts hold for records that could not be geocoded; far outside any
        // Dutch working CRS area it would stretch the grid over half of Europe.
        if (f.geometry.points[0].x == 0.0 && f.geometry.points[0].y == 0.0) {
            ++out.atOrigin;
            continue;
        }
        if (classifier) {
            const auto cat = classifier->classify(f.values[0].value_or(""), f.values[1].value_or(""));
            if (!cat || model->categories[*cat].themeId != themeId) {
                ++out.otherTheme;
                continue;
            }
        }
        if (!c.weightField.empty()) {
            const auto w = f.values[2] ? parseNumber(*f.values[2]) : std::nullopt;
            if (!w) {
                ++out.badWeight;
                continue;
            }
            weights.push_back(*w);
        }
        points.push_back(f.geometry.points[0]);
    }
    progress.finish();
    out.used = points.size();
    reporter.info(fmt::format("Registraties: {} gelezen, {} gebruikt; {} zonder puntlocatie, {} op (0, 0) (niet "
                              "gegeocodeerd){}{}",
                              out.read, points.size(), out.noPoint, out.atOrigin,
                              classifier ? fmt::format(", {} van een ander thema of onbekend", out.otherTheme) : "",
                              c.weightField.empty() ? "" : fmt::format(", {} zonder geldig gewicht", out.badWeight)));
    if (points.empty()) throw InputError(reader.description() + ": no usable registrations for the heatmap");

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
