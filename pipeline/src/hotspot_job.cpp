// `gebiedscan hotspots` as a job: Getis-Ord Gi* hotspots and local Moran (LISA) outliers on any
// polygon or point layer, with the inference and labels of core/ (agreeing with R spdep).
#include "gebiedscan/pipeline/hotspot_job.hpp"

#include "gebiedscan/pipeline/accounting_report.hpp"
#include "gebiedscan/pipeline/incident_stream.hpp"

#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/centroid.hpp"
#include "gebiedscan/core/contiguity.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/hotspot_classes.hpp"
#include "gebiedscan/core/point_weights.hpp"

#include <fmt/core.h>

#include <charconv>
#include <cmath>

namespace gebiedscan::pipeline {

namespace {

constexpr double kMaxHotspotGridCells = 1e6; // Gi*, LISA and the band search over every cell

struct WeightsChoice {
    enum class Kind { Queen, Rook, Knn, Band } kind = Kind::Queen;
    std::size_t k = 8;
    double band = 0.0; ///< 0 with Band: automatic (smallest band without islands)
};

WeightsChoice parseWeights(const std::string& text, bool points)
{
    WeightsChoice c;
    if (text.empty()) {
        if (points) c.kind = WeightsChoice::Kind::Knn;
        return c;
    }
    if (text == "queen" || text == "rook") {
        if (points) throw InputError("--weights " + text + " needs polygons; use knn:K or band:D for points");
        c.kind = text == "queen" ? WeightsChoice::Kind::Queen : WeightsChoice::Kind::Rook;
        return c;
    }
    const auto colon = text.find(':');
    const std::string kind = text.substr(0, colon);
    const std::string arg = colon == std::string::npos ? "" : text.substr(colon + 1);
    if (kind == "knn") {
        const auto v = gis::parseDecimal(arg);
        if (!v || *v < 1 || *v != std::floor(*v))
            throw InputError("--weights knn:K needs a whole number K >= 1, e.g. knn:8");
        c.kind = WeightsChoice::Kind::Knn;
        c.k = static_cast<std::size_t>(*v);
        return c;
    }
    if (kind == "band") {
        c.kind = WeightsChoice::Kind::Band;
        if (arg == "auto") return c;
        const auto v = gis::parseDecimal(arg);
        if (!v || !(*v > 0))
            throw InputError("--weights band:D needs a distance in metres > 0, e.g. band:500, or band:auto");
        c.band = *v;
        return c;
    }
    throw InputError("unknown --weights '" + text + "' (queen, rook, knn:K, band:D or band:auto)");
}

std::string formatNumber(double v)
{
    return fmt::format("{:.6g}", v);
}

LocalHotspotOptions localOptions(const HotspotOptions& o, PValueCorrection correction)
{
    LocalHotspotOptions lo;
    lo.permutations = o.permutations;
    lo.seed = o.seed;
    lo.alternative = o.alternative;
    lo.correction = correction;
    lo.alpha = o.alpha;
    return lo;
}

/// A permutation p-value is at least 1/(R+1). After FDR or Bonferroni over m features, the
/// strongest hotspot alone is significant (90 %) only below 0.10/m: with too few permutations
/// nothing can be found, whatever the data (issue 18: 0 hotspots on 9,545 cells, Moran's z 98).
/// Said only when next to nothing was found (it once said so of 24,552 significant cells).
void warnWhenPermutationsCannotPass(const HotspotResult& s, Reporter& reporter)
{
    const auto& st = s.statistics;
    if (st.permutations == 0 || !st.permuteGi || st.correction == PValueCorrection::None) return;
    const std::size_t tests = s.analysed - std::min(s.analysed, s.islands);
    const std::size_t needed = 10 * tests; // R + 1 >= m / 0.10
    if (tests == 0 || st.permutations + 1 >= needed) return;
    std::size_t found = 0;
    for (const auto& [bin, n] : s.giBins)
        if (bin != 0 && bin != 99) found += n;
    // FDR passes many p-values at the floor 1/(R+1) together (the thousands of empty cells of a
    // grid): only when fewer than m / 10 / (R+1) are found did the floor keep them out.
    if (found * (st.permutations + 1) >= needed) return;
    const std::string advice =
        needed - 1 <= 99999
            ? fmt::format("--permutations 0 (analytische p-waarden, als ArcGIS) of --permutations {}", needed - 1)
            : std::string("--permutations 0 (analytische p-waarden, als ArcGIS)");
    reporter.warning(fmt::format(
        "met {} permutaties is de kleinste p-waarde 1/{}; na de {} over {} objecten is zelfs de sterkste hotspot pas "
        "significant onder 1/{} (90 %): deze analyse kan vrijwel niets vinden ({} significant). Gebruik {}",
        st.permutations, st.permutations + 1,
        st.correction == PValueCorrection::Bonferroni ? "Bonferroni-correctie" : "FDR-correctie", tests, needed, found,
        advice));
}

/// Gi* bins and LISA labels over the analysed features (islands under 99).
void countLabels(HotspotResult& s)
{
    for (std::size_t i = 0; i < s.analysed; ++i) {
        const bool island = s.weights.isIsland(i);
        ++s.giBins[island ? 99 : s.hotspots.giClass.bins[i]];
        ++s.lisaLabels[std::string(
            lisaLabel(s.hotspots.lisa.quadrant[i], lisaSignificant(s.hotspots, s.weights, i, s.statistics)))];
    }
}

/// --grid: incidents counted per square cell, cell size and distance band chosen from the data.
HotspotResult runGridHotspots(const HotspotOptions& o, Reporter& reporter)
{
    if (!o.field.empty()) throw InputError("--field does not apply with --grid: incidents are counted per grid cell");
    HotspotResult s;
    s.grid = true;
    s.workingCrs = o.workingCrs;
    s.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    // The registrations through the one incident stream: the same validity rule ((0, 0) and
    // multipoints of several parts are invalid) and accounting as every other command.
    IncidentStreamOptions so;
    so.source = o.areas;
    so.workingCrs = o.workingCrs;
    IncidentStream stream(so, reporter);
    s.sourceDescription = stream.description();
    std::vector<PointRd> points;
    for (Incident incident; stream.next(incident);) {
        stream.settle(incident, true); // no areas: every valid point is counted, of any category
        points.push_back(incident.point);
    }
    s.incidents = stream.accounting();
    s.features = s.incidents.inputRecords;
    s.noGeometry = s.incidents.invalidGeometry;
    reportAccounting(s.incidents, reporter, stream.sourceCrs());
    if (points.empty()) throw InputError(stream.description() + ": --grid needs a point layer (incidents)");

    OptimizedHotspotOptions ho;
    if (o.grid != "auto") {
        const auto size = gis::parseDecimal(o.grid);
        if (!size || !(*size > 0)) throw InputError("--grid needs 'auto' or a cell size in metres, e.g. --grid 125");
        if (!std::isfinite(*size) || *size < 1)
            throw InputError("--grid " + o.grid +
                             ": de celgrootte moet een eindig getal van minstens 1 meter zijn, bv. --grid 125");
        ho.cellSize = *size;
        // Gi* and LISA over the cells run dense (every cell of the hull is an area): a size that
        // lays millions of cells over the registrations' extent is refused before it is laid.
        Envelope extent;
        for (const auto& p : points) extent.expand(p);
        const double cols = std::floor(extent.maxX / *size) - std::floor(extent.minX / *size) + 1;
        const double rows = std::floor(extent.maxY / *size) - std::floor(extent.minY / *size) + 1;
        if (cols * rows > kMaxHotspotGridCells) {
            const double smallest = std::ceil(*size * std::sqrt(cols * rows / kMaxHotspotGridCells));
            throw InputError(fmt::format("--grid {}: het raster over de registraties zou {:.0f} x {:.0f} = {:.0f} "
                                         "cellen hebben, meer dan {:.0f}; kies cellen van minstens {:.0f} m "
                                         "(--grid {:.0f}) of --grid auto",
                                         o.grid, cols, rows, cols * rows, kMaxHotspotGridCells, smallest, smallest));
        }
    }
    // As ArcGIS Optimized Hot Spot Analysis: FDR unless Bonferroni is asked for.
    const PValueCorrection correction = o.correction == PValueCorrection::Bonferroni
                                            ? PValueCorrection::Bonferroni
                                            : PValueCorrection::FalseDiscoveryRate;
    ho.correction = correction;
    ho.alternative = o.alternative;
    ho.permutations = 0; // the cells and band only; inference below with the shared code
    s.cells = optimizedHotspots(points, ho);
    const OptimizedHotspotResult& r = *s.cells;
    s.analysed = r.cells.size();
    s.incidentsRejected = r.incidentsRejected;
    s.cellSize = r.cellSize;
    s.band = r.band;
    s.islands = r.islands;
    s.weightsDescription =
        fmt::format("band:{} m tussen celmiddens ({}), cellen {} m ({})", formatNumber(r.band),
                    r.bandAtPeak ? "eerste piek van Moran's z" : "geen piek: gemiddelde afstand tot de 30e buurcel",
                    formatNumber(r.cellSize), r.cellSizeAutomatic ? "automatisch" : "opgegeven");
    s.weights = r.weights;
    s.statistics = localOptions(o, correction);
    // Cells with the same count and number of neighbours (tens of thousands of empty ones) are
    // the same case: one set of draws, one verdict, instead of Monte Carlo noise between them.
    s.statistics.shareDraws = true;
    s.hotspots = computeLocalHotspots(r.counts, s.weights, s.statistics);
    s.moran = s.hotspots.moran;
    for (const auto& st : r.profile)
        s.bandProfile += fmt::format("{}{}:{:.4f}", s.bandProfile.empty() ? "" : " ", formatNumber(st.band), st.z);
    countLabels(s);
    warnWhenPermutationsCannotPass(s, reporter);
    return s;
}

} // namespace

const char* correctionText(PValueCorrection c)
{
    return c == PValueCorrection::FalseDiscoveryRate ? "Benjamini-Hochberg (FDR)"
           : c == PValueCorrection::Bonferroni       ? "Bonferroni"
                                                     : "geen";
}

HotspotResult runHotspotJob(const HotspotOptions& o, Reporter& reporter)
{
    if (!o.grid.empty()) return runGridHotspots(o, reporter);
    if (o.field.empty())
        throw InputError("--field is required: the numeric field to analyse (or --grid for incidents)");

    HotspotResult s;
    s.field = o.field;
    s.idField = o.idField;
    s.workingCrs = o.workingCrs;
    gis::VectorReader reader(o.areas, o.workingCrs);
    s.sourceDescription = reader.description();
    reader.selectFields({o.field, o.idField});

    // Read everything once: rows keep the input order; analysed rows get an index into x.
    std::vector<HotspotFeature>& rows = s.rows;
    std::vector<double> x;
    std::vector<MultiPolygon> polygons;
    std::vector<PointRd> points;
    std::size_t polygonCount = 0, pointCount = 0;
    PhaseProgress progress(reporter, "objecten lezen", reader.featureCount().value_or(-1));
    gis::Feature f;
    while (reader.next(f)) {
        progress.update(static_cast<std::int64_t>(++s.features));
        HotspotFeature row;
        row.id = o.idField.empty() ? std::to_string(f.fid) : f.values[1].value_or("");
        // A number as OGR types it, or text with a decimal comma; CBS sentinels (-99997 secret, ...) are no value.
        row.value = gis::numberOf(f.fields[0]);
        row.geometry = std::move(f.geometry);
        const auto kind = row.geometry.kind;
        if (kind == gis::FeatureGeometry::Kind::Polygon) ++polygonCount;
        if (kind == gis::FeatureGeometry::Kind::Point) ++pointCount;
        rows.push_back(std::move(row));
    }
    progress.finish();
    if (polygonCount > 0 && pointCount > 0)
        throw InputError(reader.description() + ": mixes points and polygons; choose one layer type");
    const bool isPoints = pointCount > 0;
    if (!isPoints && polygonCount == 0) throw InputError(reader.description() + ": no point or polygon features");
    const auto wanted = isPoints ? gis::FeatureGeometry::Kind::Point : gis::FeatureGeometry::Kind::Polygon;
    s.geometryKind = wanted;
    for (auto& row : rows) {
        if (row.geometry.kind != wanted || (isPoints && row.geometry.points.empty())) {
            ++s.noGeometry;
            continue;
        }
        if (!row.value) {
            ++s.noValue;
            continue;
        }
        row.index = static_cast<std::int64_t>(x.size());
        x.push_back(*row.value);
        if (isPoints)
            points.push_back(row.geometry.points.front());
        else
            polygons.push_back(row.geometry.polygons);
    }
    s.analysed = x.size();
    if (s.analysed < 4)
        throw InputError(reader.description() + ": fewer than 4 features with a value in '" + o.field + "'");
    if (s.noValue > 0)
        reporter.warning(fmt::format("{} objecten zonder (geldige) waarde in '{}' niet geanalyseerd (in de uitvoer "
                                     "met lege statistieken)",
                                     s.noValue, o.field));
    if (s.noGeometry > 0)
        reporter.warning(fmt::format("{} objecten zonder bruikbare geometrie niet geanalyseerd", s.noGeometry));

    // Weights.
    const WeightsChoice choice = parseWeights(o.weights, isPoints);
    SpatialWeights& w = s.weights;
    if (choice.kind == WeightsChoice::Kind::Queen || choice.kind == WeightsChoice::Kind::Rook) {
        const auto rule = choice.kind == WeightsChoice::Kind::Queen ? Contiguity::Queen : Contiguity::Rook;
        w = contiguityWeights(polygons, rule, o.snap);
        s.weightsDescription =
            fmt::format("{} (snap {} m)", rule == Contiguity::Queen ? "queen" : "rook", formatNumber(o.snap));
    } else {
        if (!isPoints) {
            points.clear();
            for (const auto& mp : polygons) points.push_back(centroidOf(mp));
        }
        const std::string on = isPoints ? "" : " tussen zwaartepunten";
        if (choice.kind == WeightsChoice::Kind::Knn) {
            if (choice.k >= points.size())
                throw InputError("--weights knn:K needs K smaller than the number of features");
            w = knnWeights(points, choice.k);
            s.weightsDescription = fmt::format("knn:{}{}", choice.k, on);
        } else {
            const double band = choice.band > 0 ? choice.band : islandFreeBand(points);
            w = distanceBandWeights(points, band);
            s.weightsDescription = fmt::format("band:{} m{}{}", formatNumber(band), on,
                                               choice.band > 0 ? "" : " (automatisch: kleinste band zonder eilanden)");
        }
        if (isPoints) {
            const auto co = findCoincidentPoints(points);
            if (co.locations > 0)
                reporter.info(fmt::format("{} punten op {} gedeelde locaties (max. {} op een adres): buren op "
                                          "afstand 0",
                                          co.pointsAffected, co.locations, co.largestGroup));
        }
    }
    s.islands = w.islandCount();
    s.statistics = localOptions(o, o.correction);
    s.hotspots = computeLocalHotspots(x, w, s.statistics);
    s.moran = s.hotspots.moran;
    countLabels(s);
    warnWhenPermutationsCannotPass(s, reporter);
    return s;
}

} // namespace gebiedscan::pipeline
