// `gebiedscan hotspots`: Getis-Ord Gi* hotspots and local Moran (LISA) outliers on any polygon or
// point layer, with the inference and labels of core/ (agreeing with R spdep).
#include "hotspots_command.hpp"

#include "commands.hpp"
#include "console.hpp"

#include "gebiedscan/core/contiguity.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/hotspot_classes.hpp"
#include "gebiedscan/core/local_statistics.hpp"
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
        if (!v || !(*v > 0)) throw InputError("--weights band:D needs a distance in metres > 0, e.g. band:500, or band:auto");
        c.band = *v;
        return c;
    }
    throw InputError("unknown --weights '" + text + "' (queen, rook, knn:K, band:D or band:auto)");
}

std::string formatNumber(double v) { return fmt::format("{:.6g}", v); }

} // namespace

HotspotsSummary runHotspots(const HotspotsOptions& o)
{
    if (o.field.empty()) throw InputError("--field is required: the numeric field to analyse");
    const auto alternative = parseAlternative(o.alternative);
    if (!alternative) throw InputError("--alternative must be two-sided, greater or less");
    gis::ensureWritableFolder(o.outDir);

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
    Progress progress("objecten lezen", reader.featureCount().value_or(-1));
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
    if (!isPoints && polygonCount == 0)
        throw InputError(reader.description() + ": no point or polygon features");
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
        if (isPoints) points.push_back(row.geometry.points.front());
        else polygons.push_back(row.geometry.polygons);
    }
    s.analysed = x.size();
    if (s.analysed < 4)
        throw InputError(reader.description() + ": fewer than 4 features with a value in '" + o.field + "'");
    if (s.noValue > 0)
        printWarning(fmt::format("{} objecten zonder (geldige) waarde in '{}' niet geanalyseerd (in de uitvoer met "
                                 "lege statistieken)", s.noValue, o.field));
    if (s.noGeometry > 0)
        printWarning(fmt::format("{} objecten zonder bruikbare geometrie niet geanalyseerd", s.noGeometry));

    // Weights.
    const WeightsChoice choice = parseWeights(o.weights, isPoints);
    SpatialWeights w;
    if (choice.kind == WeightsChoice::Kind::Queen || choice.kind == WeightsChoice::Kind::Rook) {
        const auto rule = choice.kind == WeightsChoice::Kind::Queen ? Contiguity::Queen : Contiguity::Rook;
        w = contiguityWeights(polygons, rule, o.snap);
        s.weightsDescription = fmt::format("{} (snap {} m)", rule == Contiguity::Queen ? "queen" : "rook",
                                           formatNumber(o.snap));
    } else {
        if (!isPoints) {
            points.clear();
            for (const auto& mp : polygons) points.push_back(centroidOf(mp));
        }
        const std::string on = isPoints ? "" : " tussen zwaartepunten";
        if (choice.kind == WeightsChoice::Kind::Knn) {
            if (choice.k >= points.size()) throw InputError("--weights knn:K needs K smaller than the number of features");
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
                printInfo(fmt::format("{} punten op {} gedeelde locaties (max. {} op een adres): buren op afstand 0",
                                      co.pointsAffected, co.locations, co.largestGroup));
        }
    }
    s.islands = w.islandCount();
    const SpatialWeights wRow = w.withStyle(WeightStyle::RowStandardised);
    const SpatialWeights wStar = w.withSelf();

    // Statistics.
    const LocalGResult gi = localG(x, wStar, *alternative);
    const LocalMoranResult lisa = localMoran(x, wRow, *alternative);
    std::vector<double> giP = gi.p, lisaP = lisa.p;
    if (o.permutations > 0) {
        PermutationOptions po;
        po.permutations = o.permutations;
        po.seed = o.seed;
        po.alternative = *alternative;
        giP = localGPermutation(x, wStar, po).p;
        lisaP = localMoranPermutation(x, wRow, po).p;
    }
    const HotspotClassification giClass = classifyHotspots(gi.z, giP, w, o.correction, o.permutations > 0);
    std::vector<std::uint8_t> islandMask(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) islandMask[i] = w.isIsland(i) ? 1 : 0;
    const std::vector<double> lisaPAdj = adjustPValues(lisaP, o.correction, islandMask);
    s.moran = globalMoran(x, wRow, MoranMoments::Randomisation, Alternative::Greater);

    // Output table.
    gis::Table t;
    t.name = "hotspots";
    using Col = gis::Column;
    t.columns = {
        {"id", Col::Type::String, o.idField.empty() ? "feature id (FID) in the source" : "source field " + o.idField},
        {"waarde", Col::Type::Real, "analysed value: source field " + o.field},
        {"n_buren", Col::Type::Integer, "number of neighbours (" + s.weightsDescription + ")"},
        {"gi_z", Col::Type::Real, "Getis-Ord Gi* z-score (spdep localG, include.self)"},
        {"gi_p", Col::Type::Real, o.permutations > 0 ? "Gi* pseudo p-value, conditional permutation" : "Gi* p-value, normal"},
        {"gi_p_adj", Col::Type::Real, "gi_p after the multiple-testing correction"},
        {"gi_bin", Col::Type::Integer, "ArcGIS Gi_Bin: +/-3, 2, 1 = hot/cold spot at 99, 95, 90 % confidence"},
        {"gi_label", Col::Type::String, "Gi_Bin in words"},
        {"lisa_i", Col::Type::Real, "local Moran I_i (row-standardised weights, divisor n)"},
        {"lisa_z", Col::Type::Real, "local Moran z (spdep localmoran, conditional moments)"},
        {"lisa_p", Col::Type::Real, o.permutations > 0 ? "local Moran pseudo p-value, conditional permutation" : "local Moran p-value, normal"},
        {"lisa_p_adj", Col::Type::Real, "lisa_p after the multiple-testing correction"},
        {"lisa_q", Col::Type::String, fmt::format("LISA cluster/outlier when lisa_p_adj <= {}", formatNumber(o.alpha))},
        {"lisa_kwadrant", Col::Type::String, "quadrant of value and neighbour lag, significant or not"},
    };
    t.geometryKind = wanted;
    std::map<int, std::size_t> binCount;
    std::map<std::string, std::size_t> lisaCount;
    for (const auto& row : rows) {
        std::vector<gis::Value> v(t.columns.size());
        v[0] = row.id;
        if (row.value) v[1] = *row.value;
        if (row.index < 0) {
            v[7] = std::string(row.value ? "Geen geometrie" : "Geen waarde");
            v[12] = v[7];
            v[13] = v[7];
        } else {
            const auto i = static_cast<std::size_t>(row.index);
            const bool island = w.isIsland(i);
            v[2] = static_cast<std::int64_t>(w.cardinality(i));
            v[3] = gi.z[i];
            v[4] = giP[i];
            v[5] = giClass.pAdjusted[i];
            v[6] = static_cast<std::int64_t>(giClass.bins[i]);
            v[7] = std::string(hotspotLabel(giClass.bins[i], island));
            v[8] = lisa.ii[i];
            v[9] = lisa.z[i];
            v[10] = lisaP[i];
            v[11] = lisaPAdj[i];
            const bool sig = !island && lisaPAdj[i] <= o.alpha;
            const std::string label(lisaLabel(lisa.quadrant[i], sig));
            v[12] = label;
            v[13] = std::string(quadrantName(lisa.quadrant[i]));
            ++binCount[island ? 99 : giClass.bins[i]];
            ++lisaCount[label];
        }
        t.rows.push_back(std::move(v));
        t.geometries.push_back(row.geometry);
    }

    const char* correctionName = o.correction == PValueCorrection::FalseDiscoveryRate ? "Benjamini-Hochberg (FDR)"
                                 : o.correction == PValueCorrection::Bonferroni        ? "Bonferroni"
                                                                                       : "geen";
    gis::WriteOptions wo;
    wo.workingCrs = o.workingCrs;
    wo.metadata = {{"bron", reader.description()},
                   {"veld", o.field},
                   {"gewichten", s.weightsDescription},
                   {"eilanden", std::to_string(s.islands)},
                   {"permutaties", std::to_string(o.permutations)},
                   {"seed", std::to_string(o.seed)},
                   {"alternatief", std::string(alternativeName(*alternative))},
                   {"correctie", correctionName},
                   {"moran_i", fmt::format("{:.10g}", s.moran.statistic)},
                   {"moran_z", fmt::format("{:.10g}", s.moran.z)},
                   {"gemaakt_met", "gebiedscan " GEBIEDSCAN_VERSION}};
    const fs::path gpkg = o.outDir / "hotspots.gpkg";
    gis::writeGeoPackage(gpkg, {t}, wo);
    s.written.push_back(gpkg);
    const fs::path csv = o.outDir / "hotspots.csv";
    gis::writeCsv(csv, t, wo);
    s.written.push_back(csv);

    if (!quiet()) {
        fmt::print("Hotspots voor '{}' uit {}\n", o.field, reader.description());
        fmt::print("  objecten: {} gelezen, {} geanalyseerd, {} zonder waarde, {} zonder geometrie\n", s.features,
                   s.analysed, s.noValue, s.noGeometry);
        fmt::print("  gewichten: {}; eilanden (geen buren): {}\n", s.weightsDescription, s.islands);
        fmt::print("  Moran's I (globaal, rij-gestandaardiseerd): I = {:.6f}, E(I) = {:.6f}, z = {:.4f}, p = {:.4g} "
                   "(randomisatie, alternatief 'greater')\n",
                   s.moran.statistic, s.moran.expectation, s.moran.z, s.moran.p);
        fmt::print("  inferentie: {}, alternatief {}, correctie {}\n",
                   o.permutations > 0 ? fmt::format("{} conditionele permutaties (seed {})", o.permutations, o.seed)
                                      : std::string("analytisch (normaal)"),
                   alternativeName(*alternative), correctionName);
        std::string bins;
        for (int b : {3, 2, 1, 0, -1, -2, -3})
            bins += fmt::format("{}{}: {}", bins.empty() ? "" : ", ", hotspotLabel(b), binCount[b]);
        fmt::print("  Gi*: {}\n", bins);
        std::string lq;
        for (const auto& [label, n] : lisaCount) lq += fmt::format("{}{}: {}", lq.empty() ? "" : ", ", label, n);
        fmt::print("  LISA: {}\n", lq);
        for (const auto& p : s.written) fmt::print("  geschreven: {}\n", fs::absolute(p).lexically_normal().string());
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
    cmd->add_option("--field", c->field, "numeriek veld om te analyseren (bv. aantal registraties)")->required();
    cmd->add_option("--id-field", c->idField, "veld dat als id wordt overgenomen (standaard de FID)");
    cmd->add_option("--weights", c->weights,
                    "buren: queen, rook (vlakken), knn:K, band:D in meter of band:auto (punten of zwaartepunten); "
                    "standaard queen voor vlakken, knn:8 voor punten");
    cmd->add_option("--permutations", c->permutations, "aantal conditionele permutaties (standaard 999; 0 = analytisch)");
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
    cmd->add_flag("-q,--quiet", [](std::int64_t) { setQuiet(true); }, "geen voortgang en samenvatting");
    cmd->footer("Gi* en lokale Moran zoals R spdep (localG met include.self; localmoran, deler n), bins als ArcGIS\n"
                "(+/-3, 2, 1 = 99, 95, 90 %). Eilanden (geen buren) krijgen 'Geen buren' en tellen niet mee in de\n"
                "correctie. Voorbeeld:\n"
                "  gebiedscan hotspots --areas buurten.gpkg --field inbraken --id-field buurtcode --fdr --out uit");
    cmd->callback([c, correction] {
        HotspotsOptions o = *c;
        o.correction = correction->first    ? PValueCorrection::FalseDiscoveryRate
                       : correction->second ? PValueCorrection::Bonferroni
                                            : PValueCorrection::None;
        (void)runHotspots(o);
    });
}

} // namespace gebiedscan::app
