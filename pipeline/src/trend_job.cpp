// `gebiedscan trends` as a job: registrations per location and period, Gi* per bin with
// space-time neighbours, Mann-Kendall trends and Esri's emerging hot spot classes.
#include "gebiedscan/pipeline/trend_job.hpp"

#include "gebiedscan/pipeline/incident_fields.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/grid.hpp"
#include "gebiedscan/core/point_locator.hpp"
#include "gebiedscan/core/scan_model.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <limits>

namespace gebiedscan::pipeline {

namespace {

struct Event {
    PointRd point;
    std::int64_t ordinal;
};

} // namespace

TrendResult runTrendJob(const TrendOptions& c, Reporter& reporter)
{
    if (c.areas.path.empty() == !(c.gridSize > 0.0))
        throw InputError("give either --areas (polygons) or --grid SIZE (square cells in metres)");
    if (c.timeLags < 0) throw InputError("--time-lags must be 0 or more");
    const TimePeriod period = c.period;
    TrendResult out;
    out.period = period;
    out.contiguity = c.contiguity;
    out.timeLags = c.timeLags;
    out.alpha = c.alpha;
    out.fdr = c.fdr;
    out.workingCrs = c.workingCrs;

    // Theme through the scan model (also gives the disclosure threshold).
    const ScanModel model = loadScanModel(c.model.empty() ? defaultModelPath() : std::filesystem::path(c.model));
    std::string& themeId = out.themeId;
    out.suppressBelow = model.suppressBelow;
    if (!c.theme.empty()) {
        for (const auto& t : model.themes)
            if (t.id == c.theme || t.number == c.theme) {
                themeId = t.id;
                if (t.suppressBelow > 0) out.suppressBelow = t.suppressBelow;
            }
        if (themeId.empty()) throw InputError("unknown theme '" + c.theme + "'");
    }
    const CategoryClassifier classifier(model);

    gis::VectorReader reader(c.incidents, c.workingCrs);
    out.sourceDescription = reader.description();
    IncidentFields fields = detectIncidentFields(reader, {c.categoryField, c.labelField, c.dateField, ""});
    requireDateField(reader, fields);
    if (!themeId.empty())
        requireCategoryField(reader, fields, "for --theme");
    else
        fields.category = fields.label = ""; // all registrations: no category needed
    const std::string& dateField = fields.date;
    const std::string& categoryField = fields.category;
    const std::string& labelField = fields.label;
    reader.selectFields({dateField, categoryField, labelField});

    std::optional<std::int64_t> fromOrdinal, toOrdinal;
    if (!c.from.empty()) fromOrdinal = periodOrdinal(parsePeriodBound(c.from, false, "--from"), period);
    if (!c.to.empty()) toOrdinal = periodOrdinal(parsePeriodBound(c.to, false, "--to"), period);

    std::vector<Event> events;
    PhaseProgress progress(reporter, "registraties lezen", reader.featureCount().value_or(-1));
    gis::Feature f;
    while (reader.next(f)) {
        progress.update(++out.read);
        if (f.geometry.kind != gis::FeatureGeometry::Kind::Point || f.geometry.points.size() != 1 ||
            (f.geometry.points[0].x == 0.0 && f.geometry.points[0].y == 0.0)) {
            ++out.noPoint;
            continue;
        }
        // A from-to registration counts in the period of its start.
        const auto when = f.values[0] ? parseTimeInterval(*f.values[0]) : std::nullopt;
        if (!when) {
            ++out.badDate;
            continue;
        }
        if (!themeId.empty()) {
            const auto cat = classifier.classify(f.values[1].value_or(""), f.values[2].value_or(""));
            if (!cat || model.categories[*cat].themeId != themeId) {
                ++out.otherTheme;
                continue;
            }
        }
        const std::int64_t ord = periodOrdinal(when->start, period);
        if ((fromOrdinal && ord < *fromOrdinal) || (toOrdinal && ord > *toOrdinal)) {
            ++out.outsidePeriod;
            continue;
        }
        events.push_back({f.geometry.points[0], ord});
    }
    progress.finish();
    if (events.empty()) throw InputError(reader.description() + ": no usable registrations for the trend analysis");

    std::int64_t& first = out.first;
    std::int64_t& last = out.last;
    first = fromOrdinal.value_or(std::numeric_limits<std::int64_t>::max());
    last = toOrdinal.value_or(std::numeric_limits<std::int64_t>::min());
    for (const auto& e : events) {
        if (!fromOrdinal) first = std::min(first, e.ordinal);
        if (!toOrdinal) last = std::max(last, e.ordinal);
    }
    if (last < first) throw InputError("--to lies before --from");
    out.steps = static_cast<std::size_t>(last - first + 1);
    const std::size_t steps = out.steps;
    if (steps < 10)
        reporter.warning(fmt::format("slechts {} perioden: Esri raadt minstens 10 aan voor de trendtoets", steps));

    // Locations: areas or grid cells (all cells over the events' extent: empty cells are zeros).
    std::vector<std::string>& codes = out.codes;
    std::vector<std::string>& names = out.names;
    std::vector<MultiPolygon>& geometries = out.geometries;
    std::string& locationDescription = out.locationDescription;
    if (!c.areas.path.empty()) {
        gis::AreaLayer areas = gis::readAreaLayer(c.areas, c.areaFields, c.workingCrs);
        codes = std::move(areas.codes);
        names = std::move(areas.names);
        geometries = std::move(areas.geometries);
        locationDescription = areas.description;
    } else {
        Envelope extent;
        for (const auto& e : events) extent.expand(e.point);
        const Grid grid(Grid::Shape::Square, c.gridSize, extent);
        if (grid.cellCount() > 250'000)
            throw InputError(
                fmt::format("--grid {} gives {} cells; choose larger cells", c.gridSize, grid.cellCount()));
        for (std::size_t i = 0; i < grid.cellCount(); ++i) {
            codes.push_back(grid.code(i));
            names.push_back(codes.back());
            geometries.push_back(grid.polygon(i));
        }
        locationDescription = fmt::format("vierkanten van {} m", c.gridSize);
    }
    const PointLocator locator(geometries);
    out.cube = SpaceTimeCube(geometries.size(), steps);
    SpaceTimeCube& cube = out.cube;
    std::vector<PointRd> points;
    points.reserve(events.size());
    for (const auto& e : events) points.push_back(e.point);
    std::vector<std::int32_t> located(points.size());
    locator.locate(points, located);
    std::int64_t& outside = out.outside;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (located[i] < 0) {
            ++outside;
            continue;
        }
        cube.at(static_cast<std::size_t>(located[i]), static_cast<std::size_t>(events[i].ordinal - first)) += 1.0;
    }
    out.used = static_cast<std::int64_t>(events.size()) - outside;
    reporter.info(
        fmt::format("Registraties: {} gelezen, {} gebruikt; {} zonder puntlocatie of op (0, 0), {} met onleesbare "
                    "datum, {} buiten de perioden, {} buiten de gebieden{}",
                    out.read, out.used, out.noPoint, out.badDate, out.outsidePeriod, outside,
                    themeId.empty() ? "" : fmt::format(", {} van een ander thema", out.otherTheme)));

    const Contiguity rule = c.contiguity;
    const NeighbourCsr neighbours = NeighbourCsr::fromWeights(contiguityWeights(geometries, rule));
    EmergingOptions options;
    options.timeLags = c.timeLags;
    options.binAlpha = options.trendAlpha = c.alpha;
    options.fdr = c.fdr;
    out.emerging = emergingHotspots(cube, neighbours, options);

    out.classCounts.assign(kEmergingClassCount, 0);
    for (const EmergingClass cls : out.emerging.classes) ++out.classCounts[static_cast<std::size_t>(cls)];
    return out;
}

} // namespace gebiedscan::pipeline
