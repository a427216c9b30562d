// Hot facilities: read the facilities and the registrations of the period, count around each
// facility, test against the ring around it, rank, the concentration curve and the protection.
#include "gebiedscan/pipeline/facility_job.hpp"

#include "gebiedscan/pipeline/facility_writer.hpp"
#include "gebiedscan/pipeline/incident_stream.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"

#include "gebiedscan/core/date_time.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"
#include "gebiedscan/core/multiple_testing.hpp"
#include "gebiedscan/core/network_facility_counts.hpp"
#include "gebiedscan/core/road_network.hpp"
#include "gebiedscan/gis/field_value.hpp"
#include "gebiedscan/gis/road_network_reader.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gebiedscan::pipeline {

namespace {

using gis::Value;

TimeInterval parseDay(const std::string& text, const char* option)
{
    const auto t = parseTimeInterval(text);
    if (!t) throw InputError(fmt::format("{} '{}' is geen datum (bijvoorbeeld 2023-01-01)", option, text));
    return *t;
}

// The facilities with their own fields typed: a column is Integer when every value is, Real when
// every value is a number, else text.
void readFacilities(const FacilityJobOptions& o, FacilityJobResult& r, std::vector<FacilityShape>& shapes,
                    Reporter& reporter)
{
    gis::VectorReader reader(o.facilities, o.workingCrs);
    r.facilitiesSource = reader.description();
    const auto names = reader.fieldNames();
    reader.selectFields(names);
    reader.repairInvalidPolygons(true);
    std::vector<std::vector<gis::FieldValue>> values;
    std::size_t withoutGeometry = 0;
    for (gis::Feature f; reader.next(f);) {
        values.push_back(f.fields);
        FacilityShape s;
        using K = gis::FeatureGeometry::Kind;
        if (f.geometry.kind != K::None) {
            if (r.geometryKind == K::None) r.geometryKind = f.geometry.kind;
            if (f.geometry.kind != r.geometryKind)
                throw InputError(fmt::format("{}: rij {} heeft een ander soort geometrie dan de eerste voorziening "
                                             "(punten, lijnen en vlakken niet door elkaar)",
                                             r.facilitiesSource, f.row));
        }
        switch (f.geometry.kind) {
        case K::Point: s.points = f.geometry.points; break;
        case K::Line: s.lines = f.geometry.lines; break;
        case K::Polygon: s.polygons = f.geometry.polygons; break;
        case K::None: ++withoutGeometry; break;
        }
        shapes.push_back(std::move(s));
        r.geometries.push_back(std::move(f.geometry));
    }
    if (shapes.empty()) throw InputError(r.facilitiesSource + ": geen voorzieningen in de laag");
    if (withoutGeometry > 0)
        reporter.warning(fmt::format("{}: {} voorziening(en) zonder bruikbare geometrie; die tellen 0",
                                     r.facilitiesSource, withoutGeometry));
    for (std::size_t c = 0; c < names.size(); ++c) {
        bool allInteger = true, allNumber = true;
        for (const auto& row : values) {
            const auto t = row[c].type;
            if (t == gis::FieldValue::Type::Null) continue;
            allInteger = allInteger && t == gis::FieldValue::Type::Integer;
            allNumber = allNumber && (t == gis::FieldValue::Type::Integer || t == gis::FieldValue::Type::Real);
        }
        gis::Column col;
        col.name = names[c];
        col.type = allInteger  ? gis::Column::Type::Integer
                   : allNumber ? gis::Column::Type::Real
                               : gis::Column::Type::String;
        col.description = "veld van de voorziening (bron)";
        r.ownColumns.push_back(col);
    }
    for (const auto& row : values) {
        std::vector<Value> out;
        for (std::size_t c = 0; c < names.size(); ++c) {
            const auto& v = row[c];
            if (v.type == gis::FieldValue::Type::Null)
                out.emplace_back();
            else if (r.ownColumns[c].type == gis::Column::Type::Integer)
                out.emplace_back(static_cast<std::int64_t>(std::llround(v.number)));
            else if (r.ownColumns[c].type == gis::Column::Type::Real)
                out.emplace_back(v.number);
            else
                out.emplace_back(v.text);
        }
        r.ownValues.push_back(std::move(out));
    }
}

// --by-network: the counts along the road layer; disc and ring are metres of road.
void countAlongRoads(const FacilityJobOptions& o, const std::vector<FacilityShape>& shapes,
                     const std::vector<PointRd>& points, const std::vector<std::uint32_t>& group, FacilityJobResult& r,
                     Reporter& reporter)
{
    if (!(o.snapTolerance >= 0) || !std::isfinite(o.snapTolerance))
        throw InputError(fmt::format("--snap-tolerance {:g}: kies 0 of meer meter", o.snapTolerance));
    gis::RoadLayer roads;
    try {
        roads = gis::readRoadLayer(o.roads, {}, o.workingCrs);
    } catch (const InputError& e) {
        throw InputError(fmt::format("--by-network: geen bruikbaar wegennet ({})", e.what()));
    }
    if (roads.segments.empty()) throw InputError(roads.description + ": geen wegvakken met een lijngeometrie");
    const RoadNetwork network(roads.segments);
    r.byNetwork = true;
    r.roadsSource = roads.description;
    r.roadSegments = network.segments().size();
    r.roadKilometres = network.totalLength() / 1000.0;
    reporter.info(fmt::format("Wegennet: {} wegvakken, {} knopen, {:.1f} km; afstanden over de weg", r.roadSegments,
                              network.nodeCount(), r.roadKilometres));
    NetworkFacilityCountOptions no;
    no.count.radius = o.radius;
    no.count.ringFactor = o.ringFactor;
    no.count.nearestOnly = o.nearestOnly;
    no.count.threads = o.threads;
    no.snapTolerance = o.snapTolerance;
    reporter.progress("tellen over het wegennet", 0, -1);
    NetworkFacilityCounts counts = countAlongNetwork(network, shapes, points, group, r.groupIds.size(), no);
    reporter.progressDone("tellen over het wegennet");
    r.counts = std::move(counts.counts);
    r.registrationsOffNetwork = points.size() - counts.registrationsOnNetwork;
    for (std::size_t f = 0; f < shapes.size(); ++f) {
        r.facilitiesOffNetwork += !counts.onNetwork[f];
        r.discArea.push_back(counts.discLength[f]);
        r.ringArea.push_back(counts.reachLength[f] - counts.discLength[f]);
    }
    if (r.registrationsOffNetwork > 0)
        reporter.warning(fmt::format("{} van {} registraties liggen verder dan {:g} m van een weg in {}: die tellen "
                                     "nergens mee (ruimer met --snap-tolerance)",
                                     r.registrationsOffNetwork, points.size(), o.snapTolerance, r.roadsSource));
    if (r.facilitiesOffNetwork > 0)
        reporter.warning(fmt::format("{} van {} voorzieningen liggen verder dan {:g} m van een weg: die tellen 0 en "
                                     "worden niet getoetst (ruimer met --snap-tolerance)",
                                     r.facilitiesOffNetwork, shapes.size(), o.snapTolerance));
}

} // namespace

FacilityJobResult computeFacilities(const FacilityJobOptions& o, Reporter& reporter)
{
    if (!(o.radius > 0) || !std::isfinite(o.radius) || o.radius > 100000)
        throw InputError(
            fmt::format("--radius {:g}: kies een straal van meer dan 0 en hoogstens 100000 meter", o.radius));
    FacilityJobResult r;
    std::vector<FacilityShape> shapes;
    readFacilities(o, r, shapes, reporter);

    // The registrations of the period (and theme), each with its count group.
    IncidentStreamOptions so;
    so.source = o.incidents;
    so.workingCrs = o.workingCrs;
    so.fields = o.fields;
    so.model = loadScanModel(o.model.empty() ? defaultModelPath() : o.model);
    so.theme = o.theme;
    std::optional<LocalTime> from, to;
    if (!o.from.empty()) from = parseDay(o.from, "--from").start;
    if (!o.to.empty()) to = parseDay(o.to, "--to").end;
    if (from && to && !(*from < *to)) throw InputError("--from ligt na --to");
    if (from || to) {
        so.requireDate = true;
        so.inPeriod = [from, to](const TimeInterval& t) {
            return (!from || t.start >= *from) && (!to || t.start < *to);
        };
    }
    r.period = !from && !to ? "alle datums"
                            : fmt::format("{} t/m {}", from ? formatLocalTime(*from, true) : "begin",
                                          to ? formatLocalTime(LocalTime{to->seconds - kSecondsPerDay}, true) : "eind");
    IncidentStream stream(so, reporter);
    r.incidentsSource = stream.description();
    const ScanModel& model = stream.model();
    r.totalThreshold = model.suppressBelow;
    const bool byTheme = o.theme.empty() && stream.classifies();
    if (byTheme) {
        for (const auto& t : model.themes) {
            r.groupIds.push_back(t.id);
            r.groupLabels.push_back(t.number + " " + t.labelNl);
            r.groupThreshold.push_back(t.suppressBelow > 0 ? t.suppressBelow : model.suppressBelow);
        }
        r.groupIds.emplace_back("overig");
        r.groupLabels.emplace_back("overig (onbekende categorie)");
        r.groupThreshold.push_back(model.suppressBelow);
    } else {
        r.groupIds.emplace_back("total");
        r.groupLabels.emplace_back("alle registraties");
        r.groupThreshold.push_back(model.suppressBelow);
    }
    for (const auto& t : model.themes)
        if (!o.theme.empty() && (t.id == o.theme || t.number == o.theme)) r.themeId = t.id;
    std::vector<std::size_t> themeOfCategory(model.categories.size(), 0);
    for (std::size_t c = 0; c < model.categories.size(); ++c)
        themeOfCategory[c] = model.themeIndex(model.categories[c].themeId).value_or(model.themes.size());

    std::vector<PointRd> points;
    std::vector<std::uint32_t> group;
    reporter.progress("registraties", 0, -1);
    for (Incident incident; stream.next(incident);) {
        // No areas: every located registration is "inside"; unknown categories count as overig
        // unless a theme was asked.
        const IncidentFate fate = stream.settle(incident, true);
        if (fate == IncidentFate::OtherTheme || (fate == IncidentFate::UnknownCategory && !o.theme.empty())) continue;
        points.push_back(incident.point);
        group.push_back(byTheme ? static_cast<std::uint32_t>(incident.category ? themeOfCategory[*incident.category]
                                                                               : model.themes.size())
                                : 0u);
    }
    reporter.progressDone("registraties");
    // Year-only dates (BRON's jaar_vkl) are 1 January: --from/--to on whole years select right,
    // a bound within a year would take or drop a whole year on its start date.
    const auto startsAYear = [](LocalTime t) {
        int year = 0;
        unsigned month = 0, day = 0;
        civilFromDays(t.seconds / kSecondsPerDay, year, month, day);
        return t.seconds % kSecondsPerDay == 0 && month == 1 && day == 1;
    };
    if (stream.datesAreOnlyYears() && ((from && !startsAYear(*from)) || (to && !startsAYear(*to))))
        throw InputError(stream.onlyYearsMessage() +
                         tr(", dus kan --from/--to niet op dagen filteren (" + r.period +
                                "): geef hele jaren, bv. --from 2023-01-01 --to 2023-12-31, of een veld met de datum "
                                "(--date-field)",
                            ", so --from/--to cannot filter on days (" + r.period +
                                "): give whole years, e.g. --from 2023-01-01 --to 2023-12-31, or a field with the date "
                                "(--date-field)"));
    r.accounting = stream.accounting();

    r.registrationsUsed = points.size();

    FacilityCountOptions co;
    co.radius = o.radius;
    co.ringFactor = o.ringFactor;
    co.nearestOnly = o.nearestOnly;
    co.threads = o.threads;
    const std::size_t n = shapes.size(), groups = r.groupIds.size();
    if (o.roads.path.empty()) {
        reporter.progress("tellen", 0, -1);
        r.counts = countAroundFacilities(shapes, points, group, groups, co);
        reporter.progressDone("tellen");
        for (std::size_t f = 0; f < n; ++f) {
            r.discArea.push_back(facilityBufferArea(shapes[f], o.radius));
            r.ringArea.push_back(facilityBufferArea(shapes[f], o.radius * o.ringFactor) - r.discArea.back());
        }
    } else {
        countAlongRoads(o, shapes, points, group, r, reporter);
    }

    r.total.assign(n, 0);
    for (std::size_t f = 0; f < n; ++f)
        for (std::size_t g = 0; g < groups; ++g) r.total[f] += r.counts.inRadius[f * groups + g];
    // Rank: 1 = most; equal counts share the best rank.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return r.total[a] > r.total[b]; });
    r.rank.assign(n, 0);
    for (std::size_t k = 0; k < n; ++k)
        r.rank[order[k]] = k > 0 && r.total[order[k]] == r.total[order[k - 1]] ? r.rank[order[k - 1]] : k + 1;

    std::vector<double> p(n, 1.0);
    std::vector<std::uint8_t> untestable(n, 0);
    for (std::size_t f = 0; f < n; ++f) {
        r.excess.push_back(facilityExcess(r.counts.inRadiusAll[f], r.counts.inRing[f], r.discArea[f], r.ringArea[f]));
        p[f] = r.excess[f].p;
        untestable[f] = r.discArea[f] > 0 ? 0 : 1;
    }
    r.pAdjusted = adjustPValues(p, PValueCorrection::FalseDiscoveryRate, untestable);
    for (std::size_t f = 0; f < n; ++f)
        r.raised.push_back(!untestable[f] && r.pAdjusted[f] <= o.alpha &&
                           static_cast<double>(r.counts.inRadiusAll[f]) > r.excess[f].expected);

    std::vector<double> shares;
    for (int k = 5; k <= 100; k += 5) shares.push_back(k / 100.0);
    r.curve = concentrationCurve(r.total, shares);

    if (!o.internal) {
        // Primary: 1..T-1. A single hidden total gets a partner (the smallest published total of at
        // least T), so no sum over the facilities gives it back. A facility's themes are hidden
        // together when any is 1..T-1: the total minus the other themes would give it.
        const auto small = [](std::uint64_t v, int threshold) {
            return v > 0 && v < static_cast<std::uint64_t>(threshold);
        };
        r.totalHidden.assign(n, false);
        r.themesHidden.assign(n, false);
        std::size_t hiddenTotals = 0;
        for (std::size_t f = 0; f < n; ++f) {
            r.totalHidden[f] = small(r.total[f], r.totalThreshold);
            hiddenTotals += r.totalHidden[f];
            for (std::size_t g = 0; g < groups; ++g)
                if (small(r.counts.inRadius[f * groups + g], r.groupThreshold[g])) r.themesHidden[f] = true;
            if (r.totalHidden[f]) r.themesHidden[f] = true;
            // Hidden themes lie in [0, n_total] for the reader: a total below a theme's T-1 would
            // narrow that theme (7 registrations, zeden geheim with T = 10), so it is hidden too.
            if (r.themesHidden[f] && !r.totalHidden[f])
                for (std::size_t g = 0; g < groups; ++g)
                    if (r.total[f] + 1 < static_cast<std::uint64_t>(r.groupThreshold[g])) {
                        r.totalHidden[f] = true;
                        ++hiddenTotals;
                        break;
                    }
        }
        if (hiddenTotals == 1) {
            std::optional<std::size_t> partner;
            for (std::size_t f = 0; f < n; ++f)
                if (!r.totalHidden[f] && r.total[f] >= static_cast<std::uint64_t>(r.totalThreshold) &&
                    (!partner || r.total[f] < r.total[*partner]))
                    partner = f;
            if (partner) r.totalHidden[*partner] = r.themesHidden[*partner] = true;
        }
        // The concentration shares on the protected totals: a hidden total counts as T/2 (twice
        // every count, so T), so shares x the published totals give no hidden total back.
        std::vector<std::uint64_t> protectedTotals(n);
        for (std::size_t f = 0; f < n; ++f)
            protectedTotals[f] = r.totalHidden[f] ? static_cast<std::uint64_t>(r.totalThreshold) : 2 * r.total[f];
        r.curve = concentrationCurve(protectedTotals, shares);
        r.curveProtected = true;
    }
    return r;
}

FacilityJobResult runFacilityJob(const FacilityJobOptions& options, Reporter& reporter)
{
    if (options.out.empty()) throw InputError("geen uitvoermap (--out)");
    FacilityJobResult r = computeFacilities(options, reporter);
    r.written = writeFacilityOutputs(r, options);
    return r;
}

} // namespace gebiedscan::pipeline
