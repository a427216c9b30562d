// `gebiedscan trends` as a job: registrations per location and period, Gi* per bin with
// space-time neighbours, Mann-Kendall trends and Esri's emerging hot spot classes.
#include "gebiedscan/pipeline/trend_job.hpp"

#include "gebiedscan/pipeline/accounting_report.hpp"
#include "gebiedscan/pipeline/incident_stream.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/grid.hpp"
#include "gebiedscan/core/language.hpp"
#include "gebiedscan/core/point_locator.hpp"
#include "gebiedscan/core/scan_model.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <limits>

namespace gebiedscan::pipeline {

TrendResult runTrendJob(const TrendOptions& c, Reporter& reporter)
{
    if (c.areas.path.empty() == !(c.gridSize > 0.0))
        throw InputError(tr("geef --areas (polygonen) of --grid GROOTTE (vierkante cellen in meters)",
                            "give either --areas (polygons) or --grid SIZE (square cells in metres)"));

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

    std::optional<std::int64_t> fromOrdinal, toOrdinal;
    if (!c.from.empty()) fromOrdinal = periodOrdinal(parsePeriodBound(c.from, false, "--from"), period);
    if (!c.to.empty()) toOrdinal = periodOrdinal(parsePeriodBound(c.to, false, "--to"), period);

    IncidentStreamOptions so;
    so.source = c.incidents;
    so.workingCrs = c.workingCrs;
    so.fields.category = c.categoryField;
    so.fields.label = c.labelField;
    so.fields.date = c.dateField;
    so.fields.dateTo = c.dateToField;
    so.fields.time = c.timeField;
    so.fields.timeTo = c.timeToField;
    so.requireDate = true;
    so.model = model;
    so.theme = c.theme;
    // A from-to registration counts in the period of its start.
    so.inPeriod = [&](const TimeInterval& t) {
        const std::int64_t ord = periodOrdinal(t.start, period);
        return !(fromOrdinal && ord < *fromOrdinal) && !(toOrdinal && ord > *toOrdinal);
    };
    IncidentStream stream(so, reporter);
    out.sourceDescription = stream.description();

    // Every registration is kept until the locations are known (a grid covers the events).
    // The time span and the grid follow the registrations of the theme.
    std::vector<Incident> events;
    std::size_t ofTheme = 0;
    for (Incident incident; stream.next(incident);) {
        if (stream.ofTheme(incident)) ++ofTheme;
        events.push_back(std::move(incident));
    }
    if (ofTheme == 0)
        throw InputError(tr(stream.description() + ": geen bruikbare registraties voor de trendanalyse",
                            stream.description() + ": no usable registrations for the trend analysis"));

    // BRON's jaar_vkl and other year-only dates would put every record in January or K1: a trend
    // per month or quarter would be invented, so it is refused (the scan says sub_year_trend: geen).
    if (period != TimePeriod::Year && !stream.hasSubYearDates())
        throw InputError(stream.onlyYearsMessage() +
                         tr(fmt::format(", dus geen trend per {}: gebruik --period year, of een veld met de datum "
                                        "(--date-field)",
                                        period == TimePeriod::Month ? "maand" : "kwartaal"),
                            fmt::format(", so no trend per {}: use --period year, or a field with the date "
                                        "(--date-field)",
                                        period == TimePeriod::Month ? "month" : "quarter")));

    const auto ordinalOf = [&](const Incident& e) { return periodOrdinal(e.when->start, period); };

    std::int64_t& first = out.first;
    std::int64_t& last = out.last;
    first = fromOrdinal.value_or(std::numeric_limits<std::int64_t>::max());
    last = toOrdinal.value_or(std::numeric_limits<std::int64_t>::min());
    for (const auto& e : events) {
        if (!stream.ofTheme(e)) continue;
        if (!fromOrdinal) first = std::min(first, ordinalOf(e));
        if (!toOrdinal) last = std::max(last, ordinalOf(e));
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
        for (const auto& e : events)
            if (stream.ofTheme(e)) extent.expand(e.point);
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
    for (std::size_t i = 0; i < events.size(); ++i) {
        // A grid covers the registrations of the theme only: one of another theme is not "outside" it.
        const bool inArea = located[i] >= 0 || (c.areas.path.empty() && !stream.ofTheme(events[i]));
        const IncidentFate fate = stream.settle(events[i], inArea);
        // Unknown categories count in the total unless a theme is asked for.
        if (fate == IncidentFate::Outside || fate == IncidentFate::OtherTheme ||
            (fate == IncidentFate::UnknownCategory && !c.theme.empty()))
            continue;
        cube.at(static_cast<std::size_t>(located[i]), static_cast<std::size_t>(ordinalOf(events[i]) - first)) += 1.0;
        ++out.used;
    }
    out.accounting = stream.accounting();
    reportAccounting(out.accounting, reporter, stream.sourceCrs());

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
