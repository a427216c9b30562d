// `gebiedscan blackspots`: traffic black spots (junctions and road sections with many injury or
// fatal accidents) from a road network (NWB wegvakken) and registered accidents (BRON).
#include "blackspots_command.hpp"

#include "commands.hpp"
#include "console.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/network_kde.hpp"
#include "gebiedscan/core/point_locator.hpp"
#include "gebiedscan/core/road_network.hpp"
#include "gebiedscan/gis/accident_reader.hpp"
#include "gebiedscan/gis/area_reader.hpp"
#include "gebiedscan/gis/atomic_output.hpp"
#include "gebiedscan/gis/road_network_reader.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <fstream>
#include <map>

namespace gebiedscan::app {

namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& file, const std::string& text)
{
    gis::AtomicOutput out(file);
    {
        std::ofstream os(out.temp(), std::ios::binary);
        os << text;
        os.flush();
        if (!os) throw OutputError("cannot write '" + file.string() + "'");
    }
    out.commit();
}

std::string upper(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

BlackSpotCriteria criteriaFrom(const BlackSpotsCli& c)
{
    const bool custom = c.minCount || !c.severity.empty() || c.minScore;
    BlackSpotCriteria crit = blackSpotPreset(c.preset.empty() ? (custom ? "amsterdam" : "kruispunt-6-3") : c.preset);
    if (c.preset.empty() && custom) {
        crit.name = "eigen";
        crit.anyOf.clear();
        crit.sections = true;
        crit.junctions = true;
    }
    if (c.minCount || !c.severity.empty()) {
        CountRule rule;
        rule.minCount = c.minCount.value_or(crit.anyOf.empty() ? 1 : crit.anyOf.front().minCount);
        rule.severities = c.severity.empty() ? kInjuryOrFatal : parseSeverityList(c.severity);
        if (rule.minCount < 1) throw InputError("--min-count moet minstens 1 zijn");
        crit.anyOf = {rule};
        if (!c.preset.empty()) crit.name = c.preset + "+eigen";
    }
    if (c.minScore) crit.minScore = *c.minScore;
    if (c.years) crit.years = *c.years;
    if (!c.weights.empty()) crit.weights = parseWeights(c.weights, crit.weights);
    if (!c.locations.empty()) {
        crit.junctions = c.locations == "junctions" || c.locations == "both";
        crit.sections = c.locations == "sections" || c.locations == "both";
    }
    if (crit.name == "eigen" || crit.name.ends_with("+eigen")) {
        std::string d;
        for (const auto& r : crit.anyOf)
            d += (d.empty() ? "" : " of ") + fmt::format("{} of meer ongevallen ({})", r.minCount,
                                                         r.seriousOnly ? "ziekenhuis" : severityListText(r.severities));
        if (crit.minScore) d += (d.empty() ? "" : " en ") + fmt::format("gewogen score >= {:g}", *crit.minScore);
        crit.description = d + fmt::format(" in {} jaar", crit.years);
    }
    return crit;
}

gis::Column col(std::string name, gis::Column::Type type, std::string description)
{
    return gis::Column{std::move(name), type, std::move(description)};
}

std::vector<gis::Column> spotColumns(const BlackSpotResult& r, bool eb)
{
    using T = gis::Column::Type;
    std::vector<gis::Column> c{
        col("soort", T::String, "kruispunt of wegvak (schuivend venster)"),
        col("rang", T::Integer, "rang binnen de soort: 1 = hoogste score"),
        col("locatie_id", T::String, "JTE_ID van het kruispunt, of <eerste WVK_ID van de route>:<van>-<tot> m"),
        col("voldoet", T::Integer, "1 als de black-spotdefinitie gehaald wordt"),
        col("gehaald", T::String, "welke delen van de definitie gehaald worden"),
        col("definitie", T::String, "naam van de definitie (preset of eigen)"),
        col("n_ongevallen", T::Integer, "ongevallen in de periode (alle ernst)"),
        col("n_dod", T::Integer, "ongevallen met dodelijke afloop (AP3 DOD)"),
        col("n_let", T::Integer, "letselongevallen (AP3 LET)"),
        col("n_ums", T::Integer, "ongevallen met uitsluitend materiele schade (AP3 UMS)"),
        col("n_onbekend", T::Integer, "ongevallen zonder bruikbare AP3-code"),
        col("n_ziekenhuis", T::Integer, "ongevallen met ziekenhuisopname; zonder die gegevens benaderd met LET+DOD"),
        col("score", T::Real, "ernstgewogen score"),
    };
    for (int y = r.firstYear; y <= r.lastYear; ++y)
        c.push_back(col("n_" + std::to_string(y), T::Integer, "ongevallen in " + std::to_string(y)));
    c.push_back(col("straat", T::String, "straatnaam/-namen (NWB STT_NAAM)"));
    c.push_back(col("wegnummer", T::String, "wegnummer(s) (NWB WEGNUMMER)"));
    c.push_back(col("wegbeheerder", T::String,
                    "soort wegbeheerder (NWB WEGBEHSRT: R rijk, P provincie, G gemeente, W waterschap, T overig)"));
    c.push_back(col("wegklasse", T::String, "wegklasse (vergelijkingsgroep voor Empirical Bayes)"));
    c.push_back(col("van_m", T::Real, "wegvak: begin langs de route (m)"));
    c.push_back(col("tot_m", T::Real, "wegvak: eind langs de route (m)"));
    c.push_back(col("lengte_m", T::Real, "wegvak: lengte (m)"));
    c.push_back(col("piek_venster", T::Integer, "wegvak: hoogste aantal (hoofdregel) in een venster"));
    c.push_back(col("x", T::Real, "X (RD) van het kruispunt of het midden van het wegvak"));
    c.push_back(col("y", T::Real, "Y (RD)"));
    if (eb) {
        c.push_back(col("eb_groep", T::String, "Empirical Bayes: vergelijkingsgroep"));
        c.push_back(col("eb_verwacht", T::Real, "Empirical Bayes: gemiddelde van de groep (mu)"));
        c.push_back(col("eb_gewicht", T::Real, "Empirical Bayes: w = 1/(1 + k mu)"));
        c.push_back(col("eb_schatting", T::Real, "Empirical Bayes: w mu + (1-w) waargenomen"));
        c.push_back(col("eb_overschot", T::Real, "Empirical Bayes: schatting - mu"));
    }
    return c;
}

std::vector<gis::Value> spotRow(const BlackSpot& b, const BlackSpotResult& r, bool eb)
{
    const bool junction = b.kind == BlackSpot::Kind::Junction;
    const auto& t = b.tally;
    std::vector<gis::Value> row{std::string(junction ? "kruispunt" : "wegvak"),
                                std::int64_t{b.rank},
                                b.id,
                                std::int64_t{b.met ? 1 : 0},
                                b.rulesMet,
                                r.criteria.name,
                                std::int64_t{t.total()},
                                std::int64_t{t.bySeverity[0]},
                                std::int64_t{t.bySeverity[1]},
                                std::int64_t{t.bySeverity[2]},
                                std::int64_t{t.bySeverity[3]},
                                std::int64_t{t.serious},
                                t.score};
    for (int n : b.perYear) row.emplace_back(std::int64_t{n});
    row.emplace_back(b.streetNames);
    row.emplace_back(b.roadNumbers);
    row.emplace_back(b.authorities);
    row.emplace_back(b.roadClass);
    if (junction) {
        row.insert(row.end(), {std::monostate{}, std::monostate{}, std::monostate{}, std::monostate{}});
    } else {
        row.emplace_back(b.from);
        row.emplace_back(b.to);
        row.emplace_back(b.to - b.from);
        row.emplace_back(std::int64_t{b.peakWindowCount});
    }
    PointRd mid = b.geometry.front();
    if (!junction && b.geometry.size() > 1) {
        // The point halfway along the section polyline.
        double total = 0;
        for (std::size_t i = 1; i < b.geometry.size(); ++i)
            total += std::hypot(b.geometry[i].x - b.geometry[i - 1].x, b.geometry[i].y - b.geometry[i - 1].y);
        double left = total / 2;
        for (std::size_t i = 1; i < b.geometry.size(); ++i) {
            const auto& p = b.geometry[i - 1];
            const auto& q = b.geometry[i];
            const double l = std::hypot(q.x - p.x, q.y - p.y);
            if (left <= l && l > 0) {
                mid = {p.x + (q.x - p.x) * left / l, p.y + (q.y - p.y) * left / l};
                break;
            }
            left -= l;
        }
    }
    row.emplace_back(std::round(mid.x * 100) / 100);
    row.emplace_back(std::round(mid.y * 100) / 100);
    if (eb) {
        if (b.eb) {
            row.emplace_back(b.eb->peerGroup);
            row.emplace_back(b.eb->peerMean);
            row.emplace_back(b.eb->weight);
            row.emplace_back(b.eb->estimate);
            row.emplace_back(b.eb->excess);
        } else {
            row.insert(row.end(), 5, std::monostate{});
        }
    }
    return row;
}

gis::Table spotTable(const std::string& name, const std::vector<BlackSpot>& spots, const BlackSpotResult& r, bool eb,
                     gis::FeatureGeometry::Kind kind)
{
    gis::Table t;
    t.name = name;
    t.columns = spotColumns(r, eb);
    t.geometryKind = kind;
    for (const auto& b : spots) {
        t.rows.push_back(spotRow(b, r, eb));
        gis::FeatureGeometry g;
        g.kind = kind;
        if (kind == gis::FeatureGeometry::Kind::Point)
            g.points = {b.geometry.front()};
        else
            g.lines = {b.geometry};
        t.geometries.push_back(std::move(g));
    }
    return t;
}

gis::Table accidentTable(const BlackSpotResult& r, const RoadNetwork& network)
{
    using T = gis::Column::Type;
    gis::Table t;
    t.name = "accidents";
    t.columns = {col("rij", T::Integer, "rij in het ongevallenbestand die het ongeval vertegenwoordigt"),
                 col("ongeval_id", T::String, "VKL_NUMMER, of 'rij <n>' zonder VKL_NUMMER"),
                 col("jaar", T::Integer, "jaar van het ongeval"),
                 col("ernst", T::String, "AP3: DOD, LET, UMS of ONB"),
                 col("rijen", T::Integer, "invoerrijen (partijen) samengevoegd tot dit ongeval"),
                 col("verantwoording", T::String,
                     "placed_by_id, snapped, beyond_tolerance, missing_location, "
                     "unknown_network_id, missing_year, outside_period"),
                 col("wvk_id", T::String, "wegvak waarop het ongeval geplaatst is"),
                 col("afstand_m", T::Real, "afstand van het ongevalspunt tot het wegvak (m)"),
                 col("kruispunten", T::String, "gerapporteerde kruispunten waar het ongeval meetelt"),
                 col("wegvakken", T::String, "gerapporteerde wegvakken waar het ongeval meetelt")};
    std::vector<std::string> junctionsOf(r.dedup.accidents.size()), sectionsOf(r.dedup.accidents.size());
    for (const auto& b : r.junctions)
        for (auto i : b.accidents) junctionsOf[i] += (junctionsOf[i].empty() ? "" : "/") + b.id;
    for (const auto& b : r.sections)
        for (auto i : b.accidents) sectionsOf[i] += (sectionsOf[i].empty() ? "" : "/") + b.id;
    for (std::size_t i = 0; i < r.dedup.accidents.size(); ++i) {
        const auto& a = r.dedup.accidents[i];
        const auto& p = r.placements[i];
        std::vector<gis::Value> row{std::int64_t{a.row}, a.id};
        row.emplace_back(a.year ? gis::Value{std::int64_t{*a.year}} : gis::Value{});
        row.emplace_back(std::string(severityCode(a.severity)));
        row.emplace_back(std::int64_t{a.rows});
        row.emplace_back(std::string(bucketName(p.bucket)));
        row.emplace_back(p.segment != RoadNetwork::kNone ? gis::Value{network.segments()[p.segment].id} : gis::Value{});
        row.emplace_back(p.placed() && p.segment != RoadNetwork::kNone && !p.approximateOffset
                             ? gis::Value{p.snapDistance}
                             : gis::Value{});
        row.emplace_back(junctionsOf[i]);
        row.emplace_back(sectionsOf[i]);
        t.rows.push_back(std::move(row));
    }
    return t;
}

// Network KDE of the analysed accidents on segments, as a line layer of the lixels with density > 0.
gis::Table kdeTable(const BlackSpotResult& r, const RoadNetwork& network, double lixel, double bandwidth, bool weighted)
{
    using T = gis::Column::Type;
    const auto& w = r.criteria.weights;
    std::vector<NetworkEvent> events;
    for (std::size_t i = 0; i < r.placements.size(); ++i) {
        const auto& p = r.placements[i];
        if (!p.placed() || p.segment == RoadNetwork::kNone) continue;
        double weight = 1.0;
        if (weighted) {
            const auto& a = r.dedup.accidents[i];
            switch (a.severity) {
            case Severity::Fatal: weight = w.fatal; break;
            case Severity::Injury: weight = a.hospital.value_or(false) ? w.serious : w.injury; break;
            case Severity::DamageOnly: weight = w.damageOnly; break;
            case Severity::Unknown: weight = w.unknown; break;
            }
        }
        if (weight > 0) events.push_back({p.segment, p.offset, weight});
    }
    gis::Table t;
    t.name = "kde";
    t.geometryKind = gis::FeatureGeometry::Kind::Line;
    t.columns = {col("wvk_id", T::String, "wegvak"), col("van_m", T::Real, "begin van de lixel langs het wegvak (m)"),
                 col("tot_m", T::Real, "eind van de lixel (m)"),
                 col("dichtheid_per_km", T::Real,
                     weighted ? "ernstgewogen ongevallen per km (netwerk-KDE, kwartische kern)"
                              : "ongevallen per km (netwerk-KDE, kwartische kern)"),
                 col("straat", T::String, "straatnaam")};
    for (const auto& l : networkKernelDensity(network, events, lixel, bandwidth)) {
        if (!(l.density > 0)) continue;
        const auto& seg = network.segments()[l.segment];
        t.rows.push_back({seg.id, l.from, l.to, l.density, seg.streetName});
        const auto r0 = network.routeOfSegment(l.segment).first;
        const double a = network.routeDistance(l.segment, l.from), b = network.routeDistance(l.segment, l.to);
        gis::FeatureGeometry g;
        g.kind = gis::FeatureGeometry::Kind::Line;
        g.lines = {network.routeGeometry(r0, std::min(a, b), std::max(a, b))};
        t.geometries.push_back(std::move(g));
    }
    return t;
}

// Theme 4.1 (verkeersveiligheid) per area: analysed accidents by severity, the black spots in the
// area (junction point; section midpoint) and the accidents counted in them.
gis::Table areaTable(const gis::AreaLayer& areas, const BlackSpotResult& r, const RoadNetwork& network)
{
    using T = gis::Column::Type;
    const PointLocator locator(areas.geometries);
    const std::size_t n = areas.codes.size();
    std::vector<std::int64_t> total(n), dod(n), let(n), ums(n), junctions(n), sections(n), inSpots(n);
    std::vector<char> inSpot(r.dedup.accidents.size(), 0);
    for (const auto& b : r.junctions)
        if (b.met)
            for (auto i : b.accidents) inSpot[i] = 1;
    for (const auto& b : r.sections)
        for (auto i : b.accidents) inSpot[i] = 1;
    for (std::size_t i = 0; i < r.dedup.accidents.size(); ++i) {
        const auto& p = r.placements[i];
        if (!p.placed()) continue;
        const auto& a = r.dedup.accidents[i];
        // The registered point; without one, where it was placed on the network.
        const PointRd at = a.point                           ? *a.point
                           : p.segment != RoadNetwork::kNone ? network.pointAlong(p.segment, p.offset)
                                                             : network.nodePoint(p.node);
        const auto k = locator.locate(at);
        if (k < 0) continue;
        ++total[k];
        dod[k] += a.severity == Severity::Fatal;
        let[k] += a.severity == Severity::Injury;
        ums[k] += a.severity == Severity::DamageOnly;
        inSpots[k] += inSpot[i];
    }
    for (const auto& b : r.junctions)
        if (b.met)
            if (auto k = locator.locate(b.geometry.front()); k >= 0) ++junctions[k];
    for (const auto& b : r.sections) {
        const auto route = b.route;
        const auto& parts = network.routes()[route].parts;
        const double mid = (b.from + b.to) / 2;
        std::size_t pi = 0;
        while (pi + 1 < parts.size() && parts[pi + 1].start <= mid) ++pi;
        const auto seg = parts[pi].segment;
        const double along =
            parts[pi].forward ? mid - parts[pi].start : network.segmentLength(seg) - (mid - parts[pi].start);
        if (auto k = locator.locate(network.pointAlong(seg, along)); k >= 0) ++sections[k];
    }
    gis::Table t;
    t.name = "areas";
    t.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    t.columns = {col("code", T::String, "gebiedscode"),
                 col("naam", T::String, "gebiedsnaam"),
                 col("n_ongevallen", T::Integer, "geanalyseerde ongevallen in het gebied (periode, geplaatst)"),
                 col("n_dod", T::Integer, "waarvan dodelijk"),
                 col("n_let", T::Integer, "waarvan letsel"),
                 col("n_ums", T::Integer, "waarvan uitsluitend materiele schade"),
                 col("n_bs_kruispunt", T::Integer, "black-spotkruispunten in het gebied"),
                 col("n_bs_wegvak", T::Integer, "black-spotwegvakken (midden) in het gebied"),
                 col("n_ongevallen_in_bs", T::Integer, "ongevallen die in een black spot meetellen")};
    for (std::size_t k = 0; k < n; ++k) {
        t.rows.push_back(
            {areas.codes[k], areas.names[k], total[k], dod[k], let[k], ums[k], junctions[k], sections[k], inSpots[k]});
        gis::FeatureGeometry g;
        g.kind = gis::FeatureGeometry::Kind::Polygon;
        g.polygons = areas.geometries[k];
        t.geometries.push_back(std::move(g));
    }
    return t;
}

} // namespace

SeverityWeights parseWeights(const std::string& text, SeverityWeights w)
{
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        const auto item = text.substr(start, end - start);
        const auto eq = item.find('=');
        if (eq == std::string::npos) throw InputError("--weights: '" + item + "' is geen CODE=GEWICHT");
        auto key = upper(item.substr(0, eq));
        while (!key.empty() && key.back() == ' ') key.pop_back();
        while (!key.empty() && key.front() == ' ') key.erase(key.begin());
        std::string num = item.substr(eq + 1);
        for (char& ch : num)
            if (ch == ',') ch = '.';
        double v = 0;
        const auto b = num.find_first_not_of(' ');
        auto [ptr, ec] = std::from_chars(num.data() + (b == std::string::npos ? 0 : b), num.data() + num.size(), v);
        if (ec != std::errc() || !std::isfinite(v) || v < 0)
            throw InputError("--weights: '" + item + "' heeft geen geldig gewicht (>= 0)");
        if (key == "DOD")
            w.fatal = v;
        else if (key == "ZKH" || key == "ZIEKENHUIS" || key == "ZWAARGEWOND")
            w.serious = v;
        else if (key == "LET")
            w.injury = v;
        else if (key == "UMS")
            w.damageOnly = v;
        else if (key == "ONB")
            w.unknown = v;
        else
            throw InputError("--weights: onbekende code '" + key + "' (DOD, ZKH, LET, UMS, ONB)");
        start = end + 1;
    }
    return w;
}

BlackSpotResult runBlackSpots(const BlackSpotsCli& c)
{
    ConsoleReporter console(c.quiet);
    if (c.roads.path.empty()) throw InputError("geef het wegennet met --roads");
    if (c.accidents.path.empty()) throw InputError("geef de ongevallen met --accidents");
    if (c.out.empty()) throw InputError("geef een uitvoermap met --out");
    BlackSpotOptions options;
    options.criteria = criteriaFrom(c);
    if (c.window) options.window = *c.window;
    if (c.step) options.step = *c.step;
    if (c.radius) options.junctionRadius = *c.radius;
    if (c.snapTolerance) options.snapTolerance = *c.snapTolerance;
    if (!(options.junctionRadius >= 0)) throw InputError("--radius moet >= 0 meter zijn");
    if (!(options.snapTolerance >= 0)) throw InputError("--snap-tolerance moet >= 0 meter zijn");
    options.lastYear = c.lastYear;
    options.nearestJunctionOnly = c.nearestJunction;
    options.includeAllJunctions = c.allJunctions;
    options.empiricalBayes = c.empiricalBayes;
    options.useNetworkIds = !c.ignoreNetworkIds;
    const fs::path outDir(c.out);
    gis::ensureWritableFolder(outDir);

    gis::SourceSpec roadSource = c.roads, accidentSource = c.accidents;
    if (roadSource.assumeCrs.empty()) roadSource.assumeCrs = c.assumeCrs;
    if (accidentSource.assumeCrs.empty()) accidentSource.assumeCrs = c.assumeCrs;
    const auto roads = gis::readRoadLayer(roadSource, c.roadFields, c.workingCrs);
    NetworkOptions netOptions;
    netOptions.snapTolerance = c.nodeTolerance;
    netOptions.continueThroughJunctions = !c.strictRoutes;
    const RoadNetwork network(roads.segments, netOptions);
    if (!c.quiet)
        console.info(fmt::format("Wegennet: {} wegvakken, {} knopen, {} routes, {:.1f} km; topologie uit {}",
                                 network.segments().size(), network.nodeCount(), network.routes().size(),
                                 network.totalLength() / 1000,
                                 network.topologyFromIds() ? "JTE_ID_BEG/END" : "de geometrie"));

    std::optional<gis::SourceSpec> points;
    if (!c.points.path.empty()) points = c.points;
    const auto accidents = gis::readAccidentLayer(accidentSource, c.accidentFields, c.workingCrs, points);
    auto result = analyseBlackSpots(network, accidents.records, options);
    std::size_t bucketSum = 0;
    for (auto n : result.buckets) bucketSum += n;
    if (bucketSum != result.inputRows) // an internal invariant; never silently lose a row
        throw Error(fmt::format("verantwoording klopt niet: {} rijen, {} in de bakjes", result.inputRows, bucketSum));

    // ---- outputs ----
    gis::WriteOptions w;
    w.workingCrs = c.workingCrs;
    w.dutchCsv = c.csv != "intl";
    w.metadata["bron_wegen"] = roads.description;
    w.metadata["bron_ongevallen"] = accidents.description;
    w.metadata["periode"] = fmt::format("{} t/m {}", result.firstYear, result.lastYear);
    w.metadata["definitie"] = options.criteria.name + ": " + options.criteria.description;
    const bool eb = options.empiricalBayes;
    std::vector<gis::Table> tables{
        spotTable("junctions", result.junctions, result, eb, gis::FeatureGeometry::Kind::Point),
        spotTable("sections", result.sections, result, eb, gis::FeatureGeometry::Kind::Line),
        accidentTable(result, network)};
    std::optional<gis::AreaLayer> areaLayer;
    if (!c.areas.path.empty()) {
        areaLayer = gis::readAreaLayer(c.areas, {}, c.workingCrs);
        tables.push_back(areaTable(*areaLayer, result, network));
        w.metadata["bron_gebieden"] = areaLayer->description;
    }
    if (c.kdeBandwidth) {
        if (!(*c.kdeBandwidth > 0) || !(c.kdeLixel > 0))
            throw InputError("--kde-bandwidth en --kde-lixel moeten > 0 m zijn");
        tables.push_back(kdeTable(result, network, c.kdeLixel, *c.kdeBandwidth, c.kdeWeighted));
    }
    std::vector<fs::path> written;
    gis::writeGeoPackage(outDir / "blackspots.gpkg", tables, w);
    written.push_back(outDir / "blackspots.gpkg");
    // The table writer turns a table without rows into a non-spatial layer, which a Shapefile
    // cannot hold: an empty black-spot list gets no Shapefile (noted in summary.json).
    std::vector<std::string> skipped;
    for (std::size_t i = 0; i < 2; ++i) {
        const fs::path shp = outDir / ("blackspots_" + tables[i].name + ".shp");
        if (tables[i].rows.empty()) {
            skipped.push_back(shp.filename().string());
            continue;
        }
        gis::writeShapefile(shp, tables[i], w);
        written.push_back(shp);
    }
    gis::Table list = tables[0];
    list.name = "blackspots";
    list.geometryKind = gis::FeatureGeometry::Kind::None;
    list.geometries.clear();
    list.rows.insert(list.rows.end(), tables[1].rows.begin(), tables[1].rows.end());
    gis::writeCsv(outDir / "blackspots.csv", list, w);
    written.push_back(outDir / "blackspots.csv");
    if (areaLayer) {
        gis::writeCsv(outDir / "blackspots_gebieden.csv", tables[3], w);
        written.push_back(outDir / "blackspots_gebieden.csv");
    }

    nlohmann::ordered_json s;
    s["input_rows"] = result.inputRows;
    s["accidents_after_deduplication"] = result.dedup.accidents.size();
    s["analysed_accidents"] = result.analysedAccidents;
    nlohmann::ordered_json buckets;
    for (std::size_t b = 0; b < kAccidentBucketCount; ++b)
        buckets[bucketName(static_cast<AccidentBucket>(b))] = result.buckets[b];
    s["buckets"] = buckets;
    s["buckets_total"] = bucketSum;
    s["deduplication"] = {{"rows_grouped_by_vkl_nummer", result.dedup.recordsById},
                          {"rows_grouped_by_location_year_codes", result.dedup.recordsByKey},
                          {"groups_without_party_1", result.dedup.groupsWithoutPartyOne},
                          {"rule",
                           "VKL_NUMMER; anders per locatie+jaar+datum+AP3+AOL+WVK+JTE zoveel ongevallen als het "
                           "vaakst voorkomende partijnummer (nummer)"}};
    s["accident_fields"] = {{"accident_id", accidents.fields.accidentId},
                            {"party_number", accidents.fields.partyNumber},
                            {"year", accidents.fields.year},
                            {"date", accidents.fields.date},
                            {"severity", accidents.fields.severity},
                            {"hospital", accidents.fields.hospital},
                            {"aol_id", accidents.fields.aolId},
                            {"segment_id", accidents.fields.segmentId},
                            {"junction_id", accidents.fields.junctionId},
                            {"point_key", accidents.fields.pointKey}};
    s["accident_reading"] = {
        {"unknown_severity", accidents.unknownSeverity},   {"unparsed_year", accidents.unparsedYear},
        {"unparsed_date", accidents.unparsedDate},         {"points_from_join", accidents.pointsFromJoin},
        {"join_key_not_found", accidents.joinKeyNotFound}, {"without_point", accidents.withoutPoint}};
    s["network"] = {{"source", roads.description},
                    {"segments", network.segments().size()},
                    {"features_without_geometry", roads.withoutGeometry},
                    {"multipart_features_split", roads.multiPartFeatures},
                    {"dropped_zero_length", network.droppedSegments().size()},
                    {"nodes", network.nodeCount()},
                    {"junctions", result.junctionCount},
                    {"routes", network.routes().size()},
                    {"length_km", std::round(network.totalLength()) / 1000},
                    {"topology", network.topologyFromIds() ? "JTE_ID_BEG/JTE_ID_END" : "geometrie"},
                    {"fields",
                     {{"id", roads.fields.id},
                      {"begin_junction", roads.fields.beginJunction},
                      {"end_junction", roads.fields.endJunction},
                      {"street", roads.fields.streetName},
                      {"road_number", roads.fields.roadNumber},
                      {"authority", roads.fields.authority}}}};
    const auto& crit = options.criteria;
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const auto& r : crit.anyOf)
        rules.push_back(
            {{"min_count", r.minCount}, {"severities", r.seriousOnly ? "ziekenhuis" : severityListText(r.severities)}});
    s["criteria"] = {{"name", crit.name},
                     {"description", crit.description},
                     {"years", crit.years},
                     {"any_of", rules},
                     {"min_score", crit.minScore ? nlohmann::ordered_json(*crit.minScore) : nlohmann::ordered_json()},
                     {"weights",
                      {{"DOD", crit.weights.fatal},
                       {"ZKH", crit.weights.serious},
                       {"LET", crit.weights.injury},
                       {"UMS", crit.weights.damageOnly},
                       {"ONB", crit.weights.unknown}}},
                     {"hospital_proxy", severityListText(crit.hospitalProxy)},
                     {"junctions", crit.junctions},
                     {"sections", crit.sections}};
    s["period"] = {{"first_year", result.firstYear}, {"last_year", result.lastYear}};
    s["parameters"] = {
        {"snap_tolerance_m", options.snapTolerance},
        {"junction_radius_m", options.junctionRadius},
        {"junction_min_degree", options.junctionMinDegree},
        {"nearest_junction_only", options.nearestJunctionOnly},
        {"window_m", options.window},
        {"step_m", options.step},
        {"node_tolerance_m", c.nodeTolerance},
        {"use_network_ids", options.useNetworkIds},
        {"empirical_bayes", options.empiricalBayes},
        {"kde_bandwidth_m", c.kdeBandwidth ? nlohmann::ordered_json(*c.kdeBandwidth) : nlohmann::ordered_json()},
        {"kde_lixel_m", c.kdeLixel},
        {"kde_weighted", c.kdeWeighted},
        {"kde_method", "simple (Xie & Yan 2008), kwartische kern 15/(16h)(1-(d/h)^2)^2, per km"},
        {"working_crs", c.workingCrs}};
    int metJunctions = 0;
    for (const auto& b : result.junctions) metJunctions += b.met;
    s["results"] = {{"junction_black_spots", metJunctions},
                    {"junctions_reported", result.junctions.size()},
                    {"section_black_spots", result.sections.size()},
                    {"windows_evaluated", result.windowCount}};
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& p : written) files.push_back(p.filename().string());
    files.push_back("summary.json");
    s["outputs"] = files;
    s["outputs_not_written_empty"] = skipped;
    writeText(outDir / "summary.json", s.dump(2) + "\n");

    if (!options.criteria.sections && (c.window || c.step))
        console.warning("definitie " + options.criteria.name +
                        " kijkt alleen naar kruispunten: --window/--step worden niet gebruikt "
                        "(gebruik --locations both voor wegvakken)");
    if (result.analysedAccidents == 0 && result.inputRows > 0)
        console.warning(fmt::format(
            "geen enkel ongeval is op het wegennet geplaatst ({} buiten de snap-tolerantie van {} m): "
            "liggen wegen en ongevallen in hetzelfde gebied en CRS?",
            result.buckets[static_cast<std::size_t>(AccidentBucket::BeyondTolerance)], options.snapTolerance));
    if (!c.quiet) {
        console.info(fmt::format("Ongevallen: {} rijen -> {} ongevallen, {} geanalyseerd ({} t/m {})", result.inputRows,
                                 result.dedup.accidents.size(), result.analysedAccidents, result.firstYear,
                                 result.lastYear));
        std::string b;
        for (std::size_t i = 0; i < kAccidentBucketCount; ++i)
            if (result.buckets[i])
                b += fmt::format("{}{} {}", b.empty() ? "" : ", ", bucketName(static_cast<AccidentBucket>(i)),
                                 result.buckets[i]);
        console.info("Verantwoording: " + b);
        fmt::print("Black spots ({}): {} kruispunten, {} wegvakken; geschreven naar {}\n", crit.name, metJunctions,
                   result.sections.size(), outDir.string());
    }
    return result;
}

void registerBlackSpotsCommand(CLI::App& app)
{
    auto c = std::make_shared<BlackSpotsCli>();
    CLI::App* cmd = app.add_subcommand(
        "blackspots", "Black spots: kruispunten en wegvakken met veel letsel- of dodelijke ongevallen\n"
                      "(traffic black spots on the road network from NWB wegvakken and BRON accidents)");
    cmd->add_option("--roads", c->roads.path, "wegennet (lijnen), bv. NWB wegvakken; elk OGR-bestand of PG:...")
        ->required();
    cmd->add_option("--roads-layer", c->roads.layer, "laag in het wegenbestand");
    cmd->add_option("--roads-crs", c->roads.assumeCrs, "CRS voor een wegenlaag zonder CRS");
    cmd->add_option("--accidents", c->accidents.path, "ongevallen, bv. BRON (GeoJSON/GeoPackage of ongevallen-CSV)")
        ->required();
    cmd->add_option("--accidents-layer", c->accidents.layer, "laag in het ongevallenbestand");
    cmd->add_option("--accidents-crs", c->accidents.assumeCrs,
                    "CRS voor ongevallen zonder CRS, bv. EPSG:28992 of EPSG:4326");
    cmd->add_option("--assume-crs", c->assumeCrs, "CRS voor wegen/ongevallen zonder CRS, bv. EPSG:28992 of EPSG:4326");
    cmd->add_option("--road-id-field", c->roadFields.id, "veld met wegvak-id (standaard WVK_ID, of de FID)");
    cmd->add_option("--street-field", c->roadFields.streetName, "veld met straatnaam (standaard STT_NAAM)");
    cmd->add_option("--road-class-field", c->roadFields.roadClass,
                    "veld met wegklasse voor Empirical Bayes (standaard de wegbeheerder)");
    cmd->add_option("--accident-id-field", c->accidentFields.accidentId, "veld met ongeval-id (standaard VKL_NUMMER)");
    cmd->add_option("--year-field", c->accidentFields.year, "veld met jaar (standaard JAAR_VKL)");
    cmd->add_option("--severity-field", c->accidentFields.severity, "veld met afloop DOD/LET/UMS (standaard AP3_CODE)");
    cmd->add_option("--hospital-field", c->accidentFields.hospital,
                    "veld met ziekenhuisopname J/N (standaard ZIEKENHUIS)");
    cmd->add_option("--points", c->points.path,
                    "BRON puntlocaties (FK_VELD5, X_COORD, Y_COORD in RD) om ongevallen te plaatsen");
    cmd->add_option("--preset", c->preset,
                    "definitie: kruispunt-6-3 (standaard), rijkswaterstaat, amsterdam, vlaanderen")
        ->check(CLI::IsMember(blackSpotPresetNames()));
    cmd->add_option("--min-count", c->minCount, "eigen definitie: minimum aantal ongevallen");
    cmd->add_option("--severity", c->severity, "eigen definitie: mee te tellen ernst, bv. LET,DOD (standaard)");
    cmd->add_option("--min-score", c->minScore, "eigen definitie: minimum gewogen score");
    cmd->add_option("--weights", c->weights,
                    "ernstgewichten, bv. DOD=5,ZKH=3,LET=1,UMS=0 (ZKH = LET met ziekenhuisopname)");
    cmd->add_option("--years", c->years, "periode in jaren (standaard 3)");
    cmd->add_option("--last-year", c->lastYear, "laatste jaar van de periode (standaard het laatste jaar in de data)");
    cmd->add_option("--locations", c->locations, "junctions, sections of both (standaard: volgens de definitie)")
        ->check(CLI::IsMember({"junctions", "sections", "both"}));
    cmd->add_option("--window", c->window, "lengte van het schuivende venster in meter (standaard 250)");
    cmd->add_option("--step", c->step, "stap van het venster in meter (standaard 25)");
    cmd->add_option("--radius", c->radius, "straal rond een kruispunt in meter (standaard 30)");
    cmd->add_option("--snap-tolerance", c->snapTolerance, "maximale afstand ongeval-wegvak in meter (standaard 25)");
    cmd->add_option("--node-tolerance", c->nodeTolerance,
                    "eindpunten binnen deze afstand (m) vormen een knoop als JTE_ID ontbreekt");
    cmd->add_flag("--nearest-junction", c->nearestJunction,
                  "tel een ongeval alleen bij het dichtstbijzijnde kruispunt");
    cmd->add_flag("--all-junctions", c->allJunctions,
                  "rapporteer ook kruispunten met ongevallen die de definitie niet halen");
    cmd->add_flag("--eb", c->empiricalBayes, "Empirical Bayes-schatting per wegklasse (Highway Safety Manual)");
    cmd->add_flag("--ignore-network-ids", c->ignoreNetworkIds,
                  "negeer WVK_ID/JTE_ID van de ongevallen en plaats op afstand");
    cmd->add_flag("--strict-routes", c->strictRoutes, "routes alleen door knopen met twee wegvakken");
    cmd->add_option("--areas", c->areas.path,
                    "gebieden (bv. buurten): thema 4.1 per gebied in laag areas en blackspots_gebieden.csv");
    cmd->add_option("--areas-layer", c->areas.layer, "laag in het gebiedenbestand");
    cmd->add_option("--kde-bandwidth", c->kdeBandwidth,
                    "netwerk-KDE langs de wegen met deze bandbreedte (m): laag kde");
    cmd->add_option("--kde-lixel", c->kdeLixel, "lengte van de KDE-stukjes (lixels) in meter (standaard 10)");
    cmd->add_flag("--kde-weighted", c->kdeWeighted, "KDE gewogen met de ernstgewichten in plaats van 1 per ongeval");
    cmd->add_option("--working-crs", c->workingCrs, "metrisch werk-CRS (standaard EPSG:28992, RD New)");
    cmd->add_option("--csv", c->csv, "CSV-opmaak: nl (; en decimale komma, standaard) of intl")
        ->check(CLI::IsMember({"nl", "intl"}));
    cmd->add_option("--out", c->out, "uitvoermap")->required();
    cmd->add_flag("-q,--quiet", c->quiet, "geen samenvatting");
    cmd->footer("Voorbeeld:\n  gebiedscan blackspots --roads wegvakken.gpkg --accidents ongevallen.geojson \\\n"
                "      --preset rijkswaterstaat --out blackspots\n"
                "Uitvoer: blackspots.gpkg (lagen junctions, sections, accidents), blackspots_junctions.shp,\n"
                "blackspots_sections.shp, blackspots.csv en summary.json (verantwoording van elke rij).");
    cmd->callback([c] { (void)runBlackSpots(*c); });
}

} // namespace gebiedscan::app
