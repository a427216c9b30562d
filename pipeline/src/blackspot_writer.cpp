#include "gebiedscan/pipeline/blackspot_writer.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/section_midpoint.hpp"
#include "gebiedscan/gis/atomic_output.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

namespace gebiedscan::pipeline {

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
    const PointRd mid = blackSpotPoint(b);
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

// The network KDE as a line layer of the lixels with density > 0.
gis::Table kdeTable(const std::vector<Lixel>& lixels, const RoadNetwork& network, bool weighted)
{
    using T = gis::Column::Type;
    gis::Table t;
    t.name = "kde";
    t.geometryKind = gis::FeatureGeometry::Kind::Line;
    t.columns = {col("wvk_id", T::String, "wegvak"), col("van_m", T::Real, "begin van de lixel langs het wegvak (m)"),
                 col("tot_m", T::Real, "eind van de lixel (m)"),
                 col("dichtheid_per_km", T::Real,
                     weighted ? "ernstgewogen ongevallen per km (netwerk-KDE, kwartische kern)"
                              : "ongevallen per km (netwerk-KDE, kwartische kern)"),
                 col("straat", T::String, "straatnaam")};
    for (const auto& l : lixels) {
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

// Theme 4.1 (verkeersveiligheid) per area.
gis::Table areaTable(const BlackSpotAreaCounts& c)
{
    using T = gis::Column::Type;
    const gis::AreaLayer& areas = c.layer;
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
    for (std::size_t k = 0; k < areas.codes.size(); ++k) {
        t.rows.push_back({areas.codes[k], areas.names[k], c.total[k], c.fatal[k], c.injury[k], c.damageOnly[k],
                          c.junctions[k], c.sections[k], c.inSpots[k]});
        gis::FeatureGeometry g;
        g.kind = gis::FeatureGeometry::Kind::Polygon;
        g.polygons = areas.geometries[k];
        t.geometries.push_back(std::move(g));
    }
    return t;
}

} // namespace

std::vector<fs::path> writeBlackSpotOutputs(const BlackSpotJobResult& job, const BlackSpotOutputOptions& o)
{
    if (o.outDir.empty()) throw InputError("geef een uitvoermap met --out");
    const fs::path& outDir = o.outDir;
    gis::ensureWritableFolder(outDir);
    const BlackSpotResult& result = job.analysis;
    const gebiedscan::BlackSpotOptions& options = job.options;
    const gis::RoadLayer& roads = job.roads;
    const gis::AccidentLayer& accidents = job.accidents;
    const RoadNetwork& network = *job.network;
    const std::size_t bucketSum = job.bucketTotal;
    gis::WriteOptions w;
    w.workingCrs = job.workingCrs;
    w.dutchCsv = o.dutchCsv;
    w.metadata["bron_wegen"] = roads.description;
    w.metadata["bron_ongevallen"] = accidents.description;
    w.metadata["periode"] = fmt::format("{} t/m {}", result.firstYear, result.lastYear);
    w.metadata["definitie"] = options.criteria.name + ": " + options.criteria.description;
    const bool eb = options.empiricalBayes;
    std::vector<gis::Table> tables{
        spotTable("junctions", result.junctions, result, eb, gis::FeatureGeometry::Kind::Point),
        spotTable("sections", result.sections, result, eb, gis::FeatureGeometry::Kind::Line),
        accidentTable(result, network)};
    if (job.areas) {
        tables.push_back(areaTable(*job.areas));
        w.metadata["bron_gebieden"] = job.areas->layer.description;
    }
    if (job.kde) tables.push_back(kdeTable(*job.kde, network, job.kdeWeighted));
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
    if (job.areas) {
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
        {"node_tolerance_m", job.nodeTolerance},
        {"use_network_ids", options.useNetworkIds},
        {"empirical_bayes", options.empiricalBayes},
        {"kde_bandwidth_m", job.kdeBandwidth ? nlohmann::ordered_json(*job.kdeBandwidth) : nlohmann::ordered_json()},
        {"kde_lixel_m", job.kdeLixel},
        {"kde_weighted", job.kdeWeighted},
        {"kde_method", "simple (Xie & Yan 2008), kwartische kern 15/(16h)(1-(d/h)^2)^2, per km"},
        {"working_crs", job.workingCrs}};
    s["results"] = {{"junction_black_spots", job.junctionBlackSpots},
                    {"junctions_reported", result.junctions.size()},
                    {"section_black_spots", result.sections.size()},
                    {"windows_evaluated", result.windowCount}};
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& p : written) files.push_back(p.filename().string());
    files.push_back("summary.json");
    s["outputs"] = files;
    s["outputs_not_written_empty"] = skipped;
    writeText(outDir / "summary.json", s.dump(2) + "\n");
    written.push_back(outDir / "summary.json");
    return written;
}

} // namespace gebiedscan::pipeline
