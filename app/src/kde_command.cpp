// `gebiedscan kde`: a kernel density heatmap (GeoTIFF, events per km2) of registrations.
#include "commands.hpp"
#include "console.hpp"
#include "gebiedscan/pipeline/incident_fields.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/kernel_density.hpp"
#include "gebiedscan/core/scan_model.hpp"
#include "gebiedscan/gis/raster_writer.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <fmt/core.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <filesystem>

namespace gebiedscan::app {

namespace {

struct KdeCli {
    gis::SourceSpec incidents;
    std::string theme, model, categoryField, labelField, weightField;
    std::string kernel = "quartic", method = "auto";
    std::string workingCrs = "EPSG:28992";
    double radius = 0.0, cell = 0.0;
    std::vector<double> extent; // xmin ymin xmax ymax, working CRS
    std::string out;
    bool quiet = false;
};

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

void run(const KdeCli& c, const CLI::App& cmd)
{
    ConsoleReporter console(c.quiet);
    const auto kernel = parseKernelShape(c.kernel);
    if (!kernel) throw InputError("unknown kernel '" + c.kernel + "' (quartic, gaussian, epanechnikov, uniform)");
    KdeOptions options;
    options.kernel = *kernel;
    if (c.method == "exact")
        options.method = KdeMethod::Exact;
    else if (c.method == "binned")
        options.method = KdeMethod::BinnedDirect;
    else if (c.method == "fft")
        options.method = KdeMethod::BinnedFft;
    if (cmd.count("--radius") > 0 && !(c.radius > 0.0))
        throw InputError("--radius must be a positive number of metres");
    if (cmd.count("--cell") > 0 && !(c.cell > 0.0)) throw InputError("--cell must be a positive number of metres");

    // Theme selection through the scan model's categories.
    std::optional<ScanModel> model;
    std::optional<CategoryClassifier> classifier;
    std::string themeId;
    std::string categoryField, labelField;
    if (!c.theme.empty()) {
        model =
            pipeline::loadScanModel(c.model.empty() ? pipeline::defaultModelPath() : std::filesystem::path(c.model));
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
    if (classifier) {
        const pipeline::IncidentFields fields =
            pipeline::detectIncidentFields(reader, {c.categoryField, c.labelField, "", ""});
        pipeline::requireCategoryField(reader, fields, "for --theme");
        categoryField = fields.category;
        labelField = fields.label;
    }
    reader.selectFields({categoryField, labelField, c.weightField});

    std::vector<PointRd> points;
    std::vector<double> weights;
    std::int64_t read = 0, noPoint = 0, atOrigin = 0, otherTheme = 0, badWeight = 0;
    pipeline::PhaseProgress progress(console, "registraties lezen", reader.featureCount().value_or(-1));
    gis::Feature f;
    while (reader.next(f)) {
        progress.update(++read);
        if (f.geometry.kind != gis::FeatureGeometry::Kind::Point || f.geometry.points.size() != 1) {
            ++noPoint;
            continue;
        }
        // (0, 0) is what extracts hold for records that could not be geocoded; far outside any
        // Dutch working CRS area it would stretch the grid over half of Europe.
        if (f.geometry.points[0].x == 0.0 && f.geometry.points[0].y == 0.0) {
            ++atOrigin;
            continue;
        }
        if (classifier) {
            const auto cat = classifier->classify(f.values[0].value_or(""), f.values[1].value_or(""));
            if (!cat || model->categories[*cat].themeId != themeId) {
                ++otherTheme;
                continue;
            }
        }
        if (!c.weightField.empty()) {
            const auto w = f.values[2] ? parseNumber(*f.values[2]) : std::nullopt;
            if (!w) {
                ++badWeight;
                continue;
            }
            weights.push_back(*w);
        }
        points.push_back(f.geometry.points[0]);
    }
    progress.finish();
    console.info(fmt::format("Registraties: {} gelezen, {} gebruikt; {} zonder puntlocatie, {} op (0, 0) (niet "
                             "gegeocodeerd){}{}",
                             read, points.size(), noPoint, atOrigin,
                             classifier ? fmt::format(", {} van een ander thema of onbekend", otherTheme) : "",
                             c.weightField.empty() ? "" : fmt::format(", {} zonder geldig gewicht", badWeight)));
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
    std::string radiusNote = "opgegeven";
    options.radius = c.radius;
    if (!(options.radius > 0.0)) {
        const BandwidthEstimate b = silvermanRadius(points, weights);
        if (!(b.radius > 0.0))
            throw InputError("cannot derive a radius: all registrations lie at one location; give --radius");
        options.radius = b.radius;
        radiusNote = fmt::format("Silverman-regel 0,9 x min(SD {} m, 1,20 x Dm {} m) x n^-0,2 met n = {:.0f}",
                                 formatMetres(b.standardDistance), formatMetres(b.medianDistance), b.n);
    }
    double cell = c.cell;
    std::string cellNote = "opgegeven";
    if (!(cell > 0.0)) {
        cell = defaultCellSize(extent);
        cellNote = "korte zijde van de puntenomhullende / 250, afgerond";
    }
    if (cell > options.radius / 2)
        console.warning(
            fmt::format("celgrootte {} m is groot ten opzichte van de straal {} m: kies --cell kleiner voor een "
                        "gladde kaart",
                        formatMetres(cell), formatMetres(options.radius)));
    const double support = kernelSupport(options.kernel, options.radius);
    // With --extent the grid is exactly the extent (snapped to the cell size); otherwise it
    // covers the events plus the kernel support, so every event's full mass is on the map.
    const RasterGrid grid = rasterGridCovering(extent, cell, c.extent.empty() ? support : 0.0);

    const auto t0 = std::chrono::steady_clock::now();
    const KdeResult r = kernelDensity(points, weights, grid, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (r.eventsOffGrid > 0)
        console.info(fmt::format("{} registraties liggen verder dan de kernstraal buiten --extent en tellen niet mee",
                                 r.eventsOffGrid));

    const std::string unit = c.weightField.empty() ? "events per km2" : c.weightField + " per km2";
    gis::RasterWriteOptions w;
    w.workingCrs = c.workingCrs;
    w.unit = unit;
    w.bandDescription = fmt::format("kernel density ({}), {}", kernelName(options.kernel), unit);
    w.metadata = {{"KERNEL", std::string(kernelName(options.kernel))},
                  {"RADIUS_M", fmt::format("{}", options.radius)},
                  {"RADIUS_RULE", radiusNote},
                  {"CELL_SIZE_M", fmt::format("{}", cell)},
                  {"UNIT", unit},
                  {"EVENTS", std::to_string(points.size())},
                  {"TOTAL_WEIGHT", fmt::format("{}", r.totalWeight)},
                  {"METHOD", std::string(kdeMethodName(r.method))},
                  {"SOURCE", reader.description()},
                  {"THEME", themeId.empty() ? "alle registraties" : themeId},
                  {"CRS", c.workingCrs},
                  {"SOFTWARE", "gebiedscan " GEBIEDSCAN_VERSION}};
    if (options.kernel == KernelShape::Gaussian)
        w.metadata.emplace_back("KERNEL_NOTE", "radius = sigma; truncated at 4 sigma and renormalised");
    gis::writeFloat32GeoTiff(c.out, grid, r.density, w);

    double peak = 0.0;
    for (double v : r.density) peak = std::max(peak, v);
    fmt::print("Heatmap geschreven naar {}\n", std::filesystem::absolute(c.out).lexically_normal().string());
    fmt::print("  kern {}, straal {} m ({}){}\n", kernelName(options.kernel), formatMetres(options.radius), radiusNote,
               options.kernel == KernelShape::Gaussian ? " = sigma, afgekapt op 4 sigma" : "");
    fmt::print("  cel {} m ({}), {} x {} cellen, {} ({:.2f} s)\n", formatMetres(cell), cellNote, grid.nx, grid.ny,
               kdeMethodName(r.method), seconds);
    fmt::print("  eenheid: {} (aantal per km2); maximum {:.1f}; totaal {:.0f} in {}\n",
               c.weightField.empty() ? "registraties per km2" : c.weightField + " per km2", peak, r.totalWeight,
               c.workingCrs);
}

} // namespace

void registerKdeCommand(CLI::App& app)
{
    auto c = std::make_shared<KdeCli>();
    CLI::App* cmd = app.add_subcommand("kde", "Maak een heatmap (kerndichtheid, GeoTIFF in registraties per km2)\n"
                                              "(make a kernel density heatmap, GeoTIFF in events per km2)");
    cmd->add_option(
           "--incidents", c->incidents.path,
           "registraties: elk OGR-puntbestand (GeoPackage, Shapefile, GeoJSON, CSV met X/Y of lon/lat) of PG:...")
        ->required();
    cmd->add_option("--incidents-layer,--layer", c->incidents.layer, "laag in het registratiebestand");
    cmd->add_option("--x-field", c->incidents.xField, "CSV: kolom met X of lengtegraad (standaard: herkend)");
    cmd->add_option("--y-field", c->incidents.yField, "CSV: kolom met Y of breedtegraad (standaard: herkend)");
    cmd->add_option("--filter,--where", c->incidents.attributeFilter,
                    "OGR SQL-filter op de registraties, bv. \"jaar = 2024\"");
    cmd->add_option("--theme", c->theme, "alleen dit thema van het scanmodel (id of nummer, bv. woninginbraak of 1.3)");
    cmd->add_option("--model", c->model, "scanmodel (TOML) voor --theme; standaard data/model/default_model.toml");
    cmd->add_option("--category-field", c->categoryField,
                    "veld met de incidentcode (voor --theme; standaard: herkend)");
    cmd->add_option("--label-field", c->labelField, "veld met de omschrijving (voor --theme; standaard: herkend)");
    cmd->add_option("--radius", c->radius,
                    "zoekstraal in meter (gaussian: sigma); standaard de ruimtelijke Silverman-regel van ArcGIS");
    cmd->add_option("--extent", c->extent,
                    "gebied van de kaart: xmin ymin xmax ymax in het werk-CRS (standaard: de "
                    "registraties plus de kernstraal)")
        ->expected(4);
    cmd->add_option("--cell", c->cell, "celgrootte in meter; standaard korte zijde van de omhullende / 250, afgerond");
    cmd->add_option("--kernel", c->kernel, "kern: quartic (standaard), gaussian, epanechnikov, uniform")
        ->check(CLI::IsMember({"quartic", "gaussian", "epanechnikov", "uniform"}));
    cmd->add_option("--method", c->method, "rekenwijze: auto (standaard), exact, binned, fft")
        ->check(CLI::IsMember({"auto", "exact", "binned", "fft"}));
    cmd->add_option("--weight-field", c->weightField,
                    "numeriek veld als gewicht per registratie (bv. aantal slachtoffers)");
    cmd->add_option("--working-crs", c->workingCrs, "metrisch werk-CRS van de heatmap (standaard EPSG:28992, RD New)");
    cmd->add_option("--assume-crs", c->incidents.assumeCrs,
                    "CRS voor lagen zonder CRS, bv. EPSG:4326 voor lon/lat in CSV");
    cmd->add_option("--out", c->out, "uitvoer: GeoTIFF (.tif)")->required();
    cmd->add_flag("-q,--quiet", c->quiet, "geen voortgang en samenvatting");
    cmd->footer(
        "De kern is genormaliseerd (quartic: 3/(pi r2) (1 - d2/r2)2), zodat de kaart optelt tot het aantal\n"
        "registraties: waarde x celoppervlak (km2) = aantal. Eenheid: registraties per km2 (met --weight-field:\n"
        "gewicht per km2), vastgelegd in de GeoTIFF-metadata (UNIT, KERNEL, RADIUS_M, CELL_SIZE_M).\n"
        "Voorbeeld:\n  gebiedscan kde --incidents meldingen.gpkg --theme woninginbraak --radius 250 --cell 25 --out "
        "inbraak.tif");
    cmd->callback([c, cmd] { run(*c, *cmd); });
}

} // namespace gebiedscan::app
