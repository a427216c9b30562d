// `gebiedscan hotspots`: Getis-Ord Gi* hotspots and local Moran (LISA) outliers on any polygon or
// point layer, with the inference and labels of core/ (agreeing with R spdep).
#include "hotspots_command.hpp"

#include "commands.hpp"
#include "console.hpp"
#include "gebiedscan/pipeline/local_hotspots.hpp"

#include "gebiedscan/core/contiguity.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/hotspot_classes.hpp"
#include "gebiedscan/core/local_statistics.hpp"
#include "gebiedscan/core/optimized_hotspots.hpp"
#include "gebiedscan/core/permutation_inference.hpp"
#include "gebiedscan/core/point_weights.hpp"
#include "gebiedscan/core/spatial_weights.hpp"
#include "gebiedscan/gis/atomic_output.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include <fmt/core.h>

#include <charconv>
#include <cmath>
#include <map>

namespace gebiedscan::app {

using pipeline::appendHotspotValues;
using pipeline::hotspotColumns;
using pipeline::LocalHotspotOptions;
using pipeline::LocalHotspots;

namespace {

namespace fs = std::filesystem;

std::optional<double> parseNumber(const std::string& text)
{
    std::string s = text;
    // Dutch extracts write decimal commas.
    if (s.find('.') == std::string::npos)
        for (char& c : s)
            if (c == ',') c = '.';
    const char* b = s.data();
    const char* e = s.data() + s.size();
    while (b < e && *b == ' ') ++b;
    while (e > b && e[-1] == ' ') --e;
    double v = 0.0;
    const auto [end, ec] = std::from_chars(b, e, v);
    if (ec != std::errc() || end != e || !std::isfinite(v)) return std::nullopt;
    return v;
}

/// Area-weighted centroid of a multipolygon (holes subtract); the vertex mean if it has no area.
PointRd centroidOf(const MultiPolygon& mp)
{
    double sx = 0.0, sy = 0.0, sa = 0.0, vx = 0.0, vy = 0.0;
    std::size_t vn = 0;
    for (const auto& poly : mp)
        for (std::size_t r = 0; r < poly.rings.size(); ++r) {
            const Ring& ring = poly.rings[r];
            double a = 0.0, cx = 0.0, cy = 0.0;
            for (std::size_t i = 0; i < ring.size(); ++i) {
                const PointRd& p = ring[i];
                const PointRd& q = ring[(i + 1) % ring.size()];
                const double cross = p.x * q.y - q.x * p.y;
                a += cross;
                cx += (p.x + q.x) * cross;
                cy += (p.y + q.y) * cross;
                vx += p.x;
                vy += p.y;
                ++vn;
            }
            if (a == 0.0) continue;
            // Ring centroid = (cx, cy) / (3 a); weight by |area|, negative for holes.
            const double weight = (r == 0 ? 1.0 : -1.0) * std::fabs(a) / 2.0;
            sx += weight * cx / (3.0 * a);
            sy += weight * cy / (3.0 * a);
            sa += weight;
        }
    if (sa > 0.0) return {sx / sa, sy / sa};
    if (vn > 0) return {vx / static_cast<double>(vn), vy / static_cast<double>(vn)};
    return {NAN, NAN};
}

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
        const auto v = parseNumber(arg);
        if (!v || *v < 1 || *v != std::floor(*v))
            throw InputError("--weights knn:K needs a whole number K >= 1, e.g. knn:8");
        c.kind = WeightsChoice::Kind::Knn;
        c.k = static_cast<std::size_t>(*v);
        return c;
    }
    if (kind == "band") {
        c.kind = WeightsChoice::Kind::Band;
        if (arg == "auto") return c;
        const auto v = parseNumber(arg);
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

const char* correctionText(PValueCorrection c)
{
    return c == PValueCorrection::FalseDiscoveryRate ? "Benjamini-Hochberg (FDR)"
           : c == PValueCorrection::Bonferroni       ? "Bonferroni"
                                                     : "geen";
}

LocalHotspotOptions localOptions(const HotspotsOptions& o, Alternative alternative, PValueCorrection correction)
{
    LocalHotspotOptions lo;
    lo.permutations = o.permutations;
    lo.seed = o.seed;
    lo.alternative = alternative;
    lo.correction = correction;
    lo.alpha = o.alpha;
    return lo;
}

struct LabelCounts {
    std::map<int, std::size_t> bins; // 99: islands
    std::map<std::string, std::size_t> lisa;
};

/// Appends the statistic cells (hotspotColumns, full) of analysed area i and counts its labels.
void fillStats(std::vector<gis::Value>& v, const LocalHotspots& r, const SpatialWeights& w, std::size_t i,
               const LocalHotspotOptions& lo, LabelCounts& counts)
{
    appendHotspotValues(v, r, w, i, lo, true);
    const bool island = w.isIsland(i);
    ++counts.bins[island ? 99 : r.giClass.bins[i]];
    ++counts.lisa[std::string(lisaLabel(r.lisa.quadrant[i], !island && r.lisaPAdj[i] <= lo.alpha))];
}

void printCommon(const HotspotsSummary& s, const HotspotsOptions& o, Alternative alternative,
                 PValueCorrection correction, const LabelCounts& counts)
{
    fmt::print("  gewichten: {}; eilanden (geen buren): {}\n", s.weightsDescription, s.islands);
    fmt::print("  Moran's I (globaal, rij-gestandaardiseerd): I = {:.6f}, E(I) = {:.6f}, z = {:.4f}, p = {:.4g} "
               "(randomisatie, alternatief 'greater')\n",
               s.moran.statistic, s.moran.expectation, s.moran.z, s.moran.p);
    fmt::print("  inferentie: {}, alternatief {}, correctie {}\n",
               o.permutations > 0 ? fmt::format("{} conditionele permutaties (seed {})", o.permutations, o.seed)
                                  : std::string("analytisch (normaal)"),
               alternativeName(alternative), correctionText(correction));
    std::string bins;
    for (int b : {3, 2, 1, 0, -1, -2, -3}) {
        const auto it = counts.bins.find(b);
        bins += fmt::format("{}{}: {}", bins.empty() ? "" : ", ", hotspotLabel(b),
                            it == counts.bins.end() ? 0 : it->second);
    }
    fmt::print("  Gi*: {}\n", bins);
    std::string lq;
    for (const auto& [label, n] : counts.lisa) lq += fmt::format("{}{}: {}", lq.empty() ? "" : ", ", label, n);
    fmt::print("  LISA: {}\n", lq);
    for (const auto& p : s.written) fmt::print("  geschreven: {}\n", fs::absolute(p).lexically_normal().string());
}

/// --grid: incidents counted per square cell, cell size and distance band chosen from the data.
HotspotsSummary runGridHotspots(const HotspotsOptions& o, Alternative alternative, pipeline::Reporter& reporter)
{
    if (!o.field.empty()) throw InputError("--field does not apply with --grid: incidents are counted per grid cell");
    HotspotsSummary s;
    gis::VectorReader reader(o.areas, o.workingCrs);
    reader.selectFields({});
    std::vector<PointRd> points;
    pipeline::PhaseProgress progress(reporter, "registraties lezen", reader.featureCount().value_or(-1));
    gis::Feature f;
    while (reader.next(f)) {
        progress.update(static_cast<std::int64_t>(++s.features));
        if (f.geometry.kind != gis::FeatureGeometry::Kind::Point || f.geometry.points.empty()) {
            ++s.noGeometry;
            continue;
        }
        points.push_back(f.geometry.points.front());
    }
    progress.finish();
    if (points.empty()) throw InputError(reader.description() + ": --grid needs a point layer (incidents)");
    if (s.noGeometry > 0)
        reporter.warning(fmt::format("{} objecten zonder puntgeometrie niet meegeteld", s.noGeometry));

    OptimizedHotspotOptions ho;
    if (o.grid != "auto") {
        const auto size = parseNumber(o.grid);
        if (!size || !(*size > 0)) throw InputError("--grid needs 'auto' or a cell size in metres, e.g. --grid 125");
        ho.cellSize = *size;
    }
    // As ArcGIS Optimized Hot Spot Analysis: FDR unless Bonferroni is asked for.
    const PValueCorrection correction = o.correction == PValueCorrection::Bonferroni
                                            ? PValueCorrection::Bonferroni
                                            : PValueCorrection::FalseDiscoveryRate;
    ho.correction = correction;
    ho.alternative = alternative;
    ho.permutations = 0; // the cells and band only; inference below with the shared code
    const OptimizedHotspotResult r = optimizedHotspots(points, ho);
    s.analysed = r.cells.size();
    s.incidentsRejected = r.incidentsRejected;
    s.cellSize = r.cellSize;
    s.band = r.band;
    s.islands = r.islands;
    s.weightsDescription =
        fmt::format("band:{} m tussen celmiddens ({}), cellen {} m ({})", formatNumber(r.band),
                    r.bandAtPeak ? "eerste piek van Moran's z" : "geen piek: gemiddelde afstand tot de 30e buurcel",
                    formatNumber(r.cellSize), r.cellSizeAutomatic ? "automatisch" : "opgegeven");
    const SpatialWeights w = distanceBandWeights(r.centres, r.band);
    const auto lo = localOptions(o, alternative, correction);
    const LocalHotspots lr = computeLocalHotspots(r.counts, w, lo);
    s.moran = lr.moran;

    gis::Table t;
    t.name = "hotspots";
    t.columns = {
        {"id", gis::Column::Type::String, "grid cell code (CBS style: size, E and N of the lower-left corner)"},
        {"aantal", gis::Column::Type::Integer, "incidents in the cell"}};
    const auto stats = hotspotColumns(lo, s.weightsDescription, true);
    t.columns.insert(t.columns.end(), stats.begin(), stats.end());
    t.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    LabelCounts counts;
    for (std::size_t i = 0; i < r.cells.size(); ++i) {
        std::vector<gis::Value> v;
        v.emplace_back(r.grid->code(r.cells[i]));
        v.emplace_back(static_cast<std::int64_t>(std::llround(r.counts[i])));
        fillStats(v, lr, w, i, lo, counts);
        t.rows.push_back(std::move(v));
        gis::FeatureGeometry g;
        g.kind = gis::FeatureGeometry::Kind::Polygon;
        g.polygons = r.grid->polygon(r.cells[i]);
        t.geometries.push_back(std::move(g));
    }
    std::string profile;
    for (const auto& st : r.profile)
        profile += fmt::format("{}{}:{:.4f}", profile.empty() ? "" : " ", formatNumber(st.band), st.z);
    gis::WriteOptions wo;
    wo.workingCrs = o.workingCrs;
    wo.metadata = {{"bron", reader.description()},
                   {"celgrootte_m", formatNumber(r.cellSize)},
                   {"celgrootte_keuze",
                    r.cellSizeAutomatic ? "automatisch: 2 x gemiddelde naaste-buurafstand, afgerond" : "opgegeven"},
                   {"band_m", formatNumber(r.band)},
                   {"band_keuze", r.bandAtPeak ? "eerste piek van Moran's z (incrementele autocorrelatie)"
                                               : "geen piek: gemiddelde afstand tot de 30e buurcel"},
                   {"moran_z_per_band", profile},
                   {"eilanden", std::to_string(s.islands)},
                   {"permutaties", std::to_string(o.permutations)},
                   {"seed", std::to_string(o.seed)},
                   {"alternatief", std::string(alternativeName(alternative))},
                   {"correctie", correctionText(correction)},
                   {"onderdrukking", "geen: aantallen per cel zijn interne uitvoer"},
                   {"gemaakt_met", "gebiedscan " GEBIEDSCAN_VERSION}};
    const fs::path gpkg = o.outDir / "hotspots.gpkg";
    gis::writeGeoPackage(gpkg, {t}, wo);
    s.written.push_back(gpkg);
    const fs::path csv = o.outDir / "hotspots.csv";
    gis::writeCsv(csv, t, wo);
    s.written.push_back(csv);

    if (!o.quiet) {
        fmt::print("Hotspots van registraties op een raster uit {}\n", reader.description());
        fmt::print("  registraties: {} gelezen, {} zonder punt, {} met ongeldige coordinaten; {} op gedeelde adressen "
                   "({} adressen, max. {})\n",
                   s.features, s.noGeometry, r.incidentsRejected, r.coincident.pointsAffected, r.coincident.locations,
                   r.coincident.largestGroup);
        fmt::print("  cellen: {} van {} m ({}), binnen de convexe omhullende of met registraties\n", r.cells.size(),
                   formatNumber(r.cellSize), r.cellSizeAutomatic ? "automatisch gekozen" : "opgegeven");
        fmt::print("  afstandsband: {} m ({})\n", formatNumber(r.band),
                   r.bandAtPeak ? "eerste piek van de incrementele ruimtelijke autocorrelatie"
                                : "geen piek in Moran's z; gemiddelde afstand tot de 30e buurcel");
        fmt::print("  Moran's z per band (m:z): {}\n", profile);
        printCommon(s, o, alternative, correction, counts);
    }
    return s;
}

} // namespace

HotspotsSummary runHotspots(const HotspotsOptions& o, pipeline::Reporter& reporter)
{
    const auto alternative = parseAlternative(o.alternative);
    if (!alternative) throw InputError("--alternative must be two-sided, greater or less");
    gis::ensureWritableFolder(o.outDir);
    if (!o.grid.empty()) return runGridHotspots(o, *alternative, reporter);
    if (o.field.empty())
        throw InputError("--field is required: the numeric field to analyse (or --grid for incidents)");

    HotspotsSummary s;
    gis::VectorReader reader(o.areas, o.workingCrs);
    reader.selectFields({o.field, o.idField});

    // Read everything once: rows keep the input order; analysed rows get an index into x.
    struct Row {
        std::string id;
        std::optional<double> value;
        gis::FeatureGeometry geometry;
        std::int64_t index = -1; // into the analysed arrays
    };
    std::vector<Row> rows;
    std::vector<double> x;
    std::vector<MultiPolygon> polygons;
    std::vector<PointRd> points;
    std::size_t polygonCount = 0, pointCount = 0;
    pipeline::PhaseProgress progress(reporter, "objecten lezen", reader.featureCount().value_or(-1));
    gis::Feature f;
    while (reader.next(f)) {
        progress.update(static_cast<std::int64_t>(++s.features));
        Row row;
        row.id = o.idField.empty() ? std::to_string(f.fid) : f.values[1].value_or("");
        if (f.values[0]) row.value = parseNumber(*f.values[0]);
        // CBS publishes secret or missing figures as negative sentinels such as -99997.
        if (row.value && *row.value <= -99990.0 && *row.value == std::floor(*row.value)) row.value.reset();
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
        reporter.warning(fmt::format("{} objecten zonder (geldige) waarde in '{}' niet geanalyseerd (in de uitvoer met "
                                     "lege statistieken)",
                                     s.noValue, o.field));
    if (s.noGeometry > 0)
        reporter.warning(fmt::format("{} objecten zonder bruikbare geometrie niet geanalyseerd", s.noGeometry));

    // Weights.
    const WeightsChoice choice = parseWeights(o.weights, isPoints);
    SpatialWeights w;
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
                reporter.info(
                    fmt::format("{} punten op {} gedeelde locaties (max. {} op een adres): buren op afstand 0",
                                co.pointsAffected, co.locations, co.largestGroup));
        }
    }
    s.islands = w.islandCount();
    const auto lo = localOptions(o, *alternative, o.correction);
    const LocalHotspots lr = computeLocalHotspots(x, w, lo);
    s.moran = lr.moran;

    gis::Table t;
    t.name = "hotspots";
    t.columns = {{"id", gis::Column::Type::String,
                  o.idField.empty() ? "feature id (FID) in the source" : "source field " + o.idField},
                 {"waarde", gis::Column::Type::Real, "analysed value: source field " + o.field}};
    const auto stats = hotspotColumns(lo, s.weightsDescription, true);
    t.columns.insert(t.columns.end(), stats.begin(), stats.end());
    t.geometryKind = wanted;
    LabelCounts counts;
    for (const auto& row : rows) {
        std::vector<gis::Value> v(t.columns.size());
        v[0] = row.id;
        if (row.value) v[1] = *row.value;
        if (row.index < 0) {
            // Not analysed: kept in the output, labelled, with empty statistics.
            v[7] = std::string(row.value ? "Geen geometrie" : "Geen waarde");
            v[12] = v[7];
            v[13] = v[7];
        } else {
            v.resize(2);
            fillStats(v, lr, w, static_cast<std::size_t>(row.index), lo, counts);
        }
        t.rows.push_back(std::move(v));
        t.geometries.push_back(row.geometry);
    }

    gis::WriteOptions wo;
    wo.workingCrs = o.workingCrs;
    wo.metadata = {{"bron", reader.description()},
                   {"veld", o.field},
                   {"gewichten", s.weightsDescription},
                   {"eilanden", std::to_string(s.islands)},
                   {"permutaties", std::to_string(o.permutations)},
                   {"seed", std::to_string(o.seed)},
                   {"alternatief", std::string(alternativeName(*alternative))},
                   {"correctie", correctionText(o.correction)},
                   {"moran_i", fmt::format("{:.10g}", s.moran.statistic)},
                   {"moran_z", fmt::format("{:.10g}", s.moran.z)},
                   {"gemaakt_met", "gebiedscan " GEBIEDSCAN_VERSION}};
    const fs::path gpkg = o.outDir / "hotspots.gpkg";
    gis::writeGeoPackage(gpkg, {t}, wo);
    s.written.push_back(gpkg);
    const fs::path csv = o.outDir / "hotspots.csv";
    gis::writeCsv(csv, t, wo);
    s.written.push_back(csv);

    if (!o.quiet) {
        fmt::print("Hotspots voor '{}' uit {}\n", o.field, reader.description());
        fmt::print("  objecten: {} gelezen, {} geanalyseerd, {} zonder waarde, {} zonder geometrie\n", s.features,
                   s.analysed, s.noValue, s.noGeometry);
        printCommon(s, o, *alternative, o.correction, counts);
    }
    return s;
}

void registerHotspotsCommand(CLI::App& app)
{
    auto c = std::make_shared<HotspotsOptions>();
    auto correction = std::make_shared<std::pair<bool, bool>>(false, false);
    CLI::App* cmd = app.add_subcommand(
        "hotspots", "Hotspots (Getis-Ord Gi*) en uitschieters (lokale Moran, LISA) op elke vlakken- of puntenlaag\n"
                    "(hot spots and outliers on any polygon or point layer)");
    cmd->add_option("--areas", c->areas.path, "vlakken of punten: elk OGR-bestand of PG:...")->required();
    cmd->add_option("--layer", c->areas.layer, "laag in het bestand");
    cmd->add_option("--field", c->field,
                    "numeriek veld om te analyseren (bv. aantal registraties); verplicht zonder --grid");
    cmd->add_option(
        "--grid", c->grid,
        "puntenlaag van registraties: tel per rastercel, 'auto' (celgrootte en afstandsband uit de gegevens, "
        "FDR) of een celgrootte in meter");
    cmd->add_option("--id-field", c->idField, "veld dat als id wordt overgenomen (standaard de FID)");
    cmd->add_option("--weights", c->weights,
                    "buren: queen, rook (vlakken), knn:K, band:D in meter of band:auto (punten of zwaartepunten); "
                    "standaard queen voor vlakken, knn:8 voor punten");
    cmd->add_option("--permutations", c->permutations,
                    "aantal conditionele permutaties (standaard 999; 0 = analytisch)");
    cmd->add_option("--seed", c->seed, "startwaarde van de toevalsgenerator (zelfde seed, zelfde p-waarden)");
    cmd->add_option("--alternative", c->alternative, "alternatieve hypothese: two-sided (standaard), greater, less")
        ->check(CLI::IsMember({"two-sided", "two.sided", "greater", "less"}));
    auto* fdr = cmd->add_flag("--fdr", correction->first, "Benjamini-Hochberg-correctie (false discovery rate)");
    cmd->add_flag("--bonferroni", correction->second, "Bonferroni-correctie")->excludes(fdr);
    cmd->add_option("--snap", c->snap, "snap-tolerantie voor queen/rook in meter (standaard 0,001)");
    cmd->add_option("--alpha", c->alpha, "significantieniveau voor de LISA-labels (standaard 0,05)");
    cmd->add_option("--x-field", c->areas.xField, "CSV: kolom met X of lengtegraad");
    cmd->add_option("--y-field", c->areas.yField, "CSV: kolom met Y of breedtegraad");
    cmd->add_option("--assume-crs", c->areas.assumeCrs, "CRS voor lagen zonder CRS, bv. EPSG:4326");
    cmd->add_option("--working-crs", c->workingCrs, "metrisch werk-CRS (standaard EPSG:28992, RD New)");
    cmd->add_option("--out", c->outDir, "uitvoermap: hotspots.gpkg (laag hotspots) en hotspots.csv")->required();
    cmd->add_flag("-q,--quiet", c->quiet, "geen voortgang en samenvatting");
    cmd->footer("Gi* en lokale Moran zoals R spdep (localG met include.self; localmoran, deler n), bins als ArcGIS\n"
                "(+/-3, 2, 1 = 99, 95, 90 %). Eilanden (geen buren) krijgen 'Geen buren' en tellen niet mee in de\n"
                "correctie. Voorbeeld:\n"
                "  gebiedscan hotspots --areas buurten.gpkg --field inbraken --id-field buurtcode --fdr --out uit\n"
                "  gebiedscan hotspots --areas inbraken.gpkg --grid auto --out uit");
    cmd->callback([c, correction] {
        HotspotsOptions o = *c;
        o.correction = correction->first    ? PValueCorrection::FalseDiscoveryRate
                       : correction->second ? PValueCorrection::Bonferroni
                                            : PValueCorrection::None;
        ConsoleReporter console(o.quiet);
        (void)runHotspots(o, console);
    });
}

} // namespace gebiedscan::app
