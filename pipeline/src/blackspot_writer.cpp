#include "gebiedscan/pipeline/blackspot_writer.hpp"

#include "gebiedscan/pipeline/output_schema.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/section_midpoint.hpp"
#include "gebiedscan/gis/atomic_output.hpp"
#include "gebiedscan/gis/output_folder.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

namespace gebiedscan::pipeline {

namespace fs = std::filesystem;

namespace {

// The schema's black-spot columns in its order (spotRow follows it): n_<jaar> once per year of
// the period, the Empirical Bayes columns (eb_*) only when it was estimated.
std::vector<gis::Column> spotColumns(const BlackSpotResult& r, bool eb)
{
    const auto& spec = *schema::layer(schema::role::blackspotJunctions);
    std::vector<gis::Column> c;
    for (const auto& column : spec.columns) {
        if (column.family == schema::ColumnSpec::Family::Year) {
            for (int y = r.firstYear; y <= r.lastYear; ++y)
                c.push_back(schema::column(spec, column.id, std::to_string(y), std::to_string(y)));
            continue;
        }
        if (!eb && column.id.starts_with("eb_")) continue;
        c.push_back(schema::column(spec, column.id));
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

gis::Table spotTable(std::string_view role, const std::vector<BlackSpot>& spots, const BlackSpotResult& r, bool eb,
                     gis::FeatureGeometry::Kind kind)
{
    gis::Table t;
    t.name = std::string(schema::layer(role)->name);
    schema::tag(t, role);
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
    gis::Table t;
    const auto& spec = *schema::layer(schema::role::blackspotAccidents);
    t.name = std::string(spec.name);
    schema::tag(t, spec.role);
    for (const auto& c : spec.columns) t.columns.push_back(schema::column(spec, c.id)); // the row's order
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

// What the network KDE's method does at a junction, for summary.json (Dutch, as the outputs).
std::string kdeMethodDescription(NetworkKdeMethod method)
{
    const std::string kernel = "kwartische kern 15/(16h)(1-(d/h)^2)^2 langs het wegennet, per km";
    switch (method) {
    case NetworkKdeMethod::Simple:
        return "simple (Xie & Yan 2008): kern van de kortste afstand, op elk kruispunt in elke tak op volle hoogte, "
               "dus meer dan 1 kernmassa per ongeval waar de kern een kruispunt haalt; " +
               kernel;
    case NetworkKdeMethod::Discontinuous:
        return "discontinuous (Okabe, Satoh & Sugihara 2009): op een knoop van graad n over de n-1 andere takken "
               "gelijk verdeeld, aan een doodlopend eind teruggekaatst; 1 kernmassa per ongeval, dichtheid springt "
               "op knopen; " +
               kernel;
    case NetworkKdeMethod::Continuous:
        return "continuous (Okabe & Sugihara 2012): op een knoop van graad n 2/n in elke andere tak en (2-n)/n "
               "teruggekaatst, aan een doodlopend eind geheel teruggekaatst; 1 kernmassa per ongeval en doorlopend "
               "op knopen; " +
               kernel;
    }
    return kernel;
}

// The network KDE as a line layer of the lixels with density > 0.
gis::Table kdeTable(const std::vector<Lixel>& lixels, const RoadNetwork& network, bool weighted,
                    NetworkKdeMethod method)
{
    gis::Table t;
    const auto& spec = *schema::layer(schema::role::blackspotKde);
    t.name = std::string(spec.name);
    schema::tag(t, spec.role);
    t.geometryKind = gis::FeatureGeometry::Kind::Line;
    for (const auto& c : spec.columns)
        t.columns.push_back(schema::column(
            spec, c.id, {}, {},
            c.id == "dichtheid_per_km"
                ? fmt::format("{}; methode {}", weighted ? "ernstgewogen" : "ongewogen", networkKdeMethodName(method))
                : ""));
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
    const gis::AreaLayer& areas = c.layer;
    gis::Table t;
    const auto& spec = *schema::layer(schema::role::blackspotAreas);
    t.name = std::string(spec.name);
    schema::tag(t, spec.role);
    t.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    for (const auto& column : spec.columns) t.columns.push_back(schema::column(spec, column.id)); // the row's order
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

// Peer groups of the reported spots for the toelichting: "G: 412 locaties (3 black spots)".
std::string peerGroupLines(const std::vector<BlackSpot>& spots)
{
    std::map<std::string, std::pair<int, int>> groups; // group -> (sites, reported spots)
    for (const auto& b : spots)
        if (b.eb) {
            auto& g = groups[b.eb->peerGroup];
            g.first = b.eb->peerSites;
            ++g.second;
        }
    std::string out;
    for (const auto& [name, g] : groups)
        out += fmt::format("  - {}: {} locaties, {} gerapporteerd\n", name, g.first, g.second);
    return out.empty() ? "  (geen gerapporteerde locaties)\n" : out;
}

// blackspots_toelichting.txt: what was counted and how, in Dutch, beside the files.
std::string toelichting(const BlackSpotJobResult& job)
{
    const auto& r = job.analysis;
    const auto& o = job.options;
    std::string t =
        fmt::format("Black spots - toelichting\n=========================\n\n"
                    "Wegen:      {}\nOngevallen: {}\nPeriode:    {} t/m {}\nDefinitie:  {}: {}\n"
                    "Geanalyseerd: {} van {} ongevallen (na ontdubbeling van {} rijen)\n",
                    job.roads.description, job.accidents.description, r.firstYear, r.lastYear, o.criteria.name,
                    o.criteria.description, r.analysedAccidents, r.dedup.accidents.size(), r.inputRows);
    if (o.empiricalBayes) {
        t += fmt::format(
            "\nEmpirical Bayes (--eb)\n----------------------\n"
            "Elke locatie wordt vergeleken met haar vergelijkingsgroep (de wegklasse, standaard de wegbeheerder):\n"
            "EB = w mu + (1 - w) waargenomen, met mu het gemiddelde van de groep en w = 1/(1 + k mu) uit de\n"
            "spreiding in de groep (momentenmethode, negatief binomiaal).\n"
            "Kruispunten: alle kruispunten van het net tellen mee, ook die zonder ongevallen.\n"
            "Wegvakken: elke route is in stukken van {:g} m gesneden; het laatste stuk en een route korter\n"
            "dan {:g} m tellen mee zo lang als ze zijn, dus elke meter weg hoort bij een groep. De lengte is de\n"
            "blootstelling: een stuk van l meter verwacht lambda l ongevallen (lambda per meter van de groep),\n"
            "en het gewicht w hangt niet van de lengte af, zodat een kort wegvak met veel ongevallen niet\n"
            "naar het groepsgemiddelde wordt getrokken omdat het kort is.\n"
            "{}"
            "Kleine groep: een wegklasse met minder dan {} locaties is te klein voor een betrouwbare\n"
            "spreiding; die locaties worden vergeleken met alle kruispunten of alle wegvakken samen\n"
            "(eb_groep = \"alle kruispunten\" / \"alle wegvakken\").\n"
            "Gebruikte groepen (kruispunten):\n{}Gebruikte groepen (wegvakken):\n{}",
            o.window, o.window,
            r.ebTrafficExposure
                ? fmt::format("Verkeersintensiteit (veld {}): elk wegvak heeft er een, dus de blootstelling is lengte\n"
                              "x intensiteit (motorvoertuigen per etmaal): lambda per voertuigmeter, een drukke weg\n"
                              "verwacht naar verhouding meer ongevallen dan een rustige van dezelfde lengte.\n",
                              job.roads.fields.traffic)
            : job.roads.fields.traffic.empty()
                ? std::string("Verkeersintensiteit: geen veld (intensiteit, etmaal, ai, aadt) in het wegennet; "
                              "alleen de lengte telt.\n")
                : fmt::format("Verkeersintensiteit: veld {} is niet bij elk wegvak gevuld (> 0); daarom telt alleen "
                              "de lengte.\n",
                              job.roads.fields.traffic),
            o.minPeerGroup, peerGroupLines(r.junctions), peerGroupLines(r.sections));
    }
    if (job.kde && job.kdeBandwidth)
        t += fmt::format("\nNetwerk-KDE (laag kde)\n----------------------\n"
                         "Bandbreedte {:g} m, lixels van {:g} m, {}.\nMethode: {}.\n",
                         *job.kdeBandwidth, job.kdeLixel, job.kdeWeighted ? "ernstgewogen" : "elk ongeval telt 1",
                         kdeMethodDescription(job.kdeMethod));
    t += "\nInterne uitvoer (losse ongevallen): niet verstrekken buiten de politie.\n";
    return t;
}

} // namespace

std::string blackSpotsInternalOnly()
{
    return "blackspots schrijft losse ongevallen en aantallen per kruispunt en wegvak: dat is interne uitvoer, "
           "alleen voor binnen de politie. Geef --internal om ze toch te maken (niet verstrekken); voor buiten de "
           "politie: gebiedscan scan (beschermde aantallen per gebied)";
}

std::vector<fs::path> writeBlackSpotOutputs(const BlackSpotJobResult& job, const BlackSpotOutputOptions& o)
{
    if (!o.internal) throw InputError(blackSpotsInternalOnly());
    if (o.outDir.empty()) throw InputError("geef een uitvoermap met --out");
    // Every file into a staging folder swapped in as a whole (issue 18).
    gis::OutputFolder folder(o.outDir, "gebiedscan blackspots " GEBIEDSCAN_VERSION, {"blackspots", "summary.json"});
    const fs::path& outDir = folder.path();
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
    w.metadata[std::string(schema::kAudienceKey)] = "intern";
    const bool eb = options.empiricalBayes;
    std::vector<gis::Table> tables{
        spotTable(schema::role::blackspotJunctions, result.junctions, result, eb, gis::FeatureGeometry::Kind::Point),
        spotTable(schema::role::blackspotSections, result.sections, result, eb, gis::FeatureGeometry::Kind::Line),
        accidentTable(result, network)};
    if (job.areas) {
        tables.push_back(areaTable(*job.areas));
        w.metadata["bron_gebieden"] = job.areas->layer.description;
    }
    if (job.kde) tables.push_back(kdeTable(*job.kde, network, job.kdeWeighted, job.kdeMethod));
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
    list.name = std::string(schema::layer(schema::role::blackspotList)->name);
    schema::tag(list, schema::role::blackspotList);
    list.geometryKind = gis::FeatureGeometry::Kind::None;
    list.geometries.clear();
    list.rows.insert(list.rows.end(), tables[1].rows.begin(), tables[1].rows.end());
    gis::writeCsv(outDir / "blackspots.csv", list, w);
    written.push_back(outDir / "blackspots.csv");
    if (job.areas) {
        gis::writeCsv(outDir / "blackspots_gebieden.csv", schema::tableWithRole(tables, schema::role::blackspotAreas),
                      w);
        written.push_back(outDir / "blackspots_gebieden.csv");
    }

    nlohmann::ordered_json s;
    s["audience"] = "intern";
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
        {"eb_min_peer_group", options.minPeerGroup},
        {"eb_section_exposure", job.analysis.ebTrafficExposure ? "length_x_traffic" : "length"},
        {"road_traffic_field", job.roads.fields.traffic},
        {"kde_bandwidth_m", job.kdeBandwidth ? nlohmann::ordered_json(*job.kdeBandwidth) : nlohmann::ordered_json()},
        {"kde_lixel_m", job.kdeLixel},
        {"kde_weighted", job.kdeWeighted},
        {"kde_method", std::string(networkKdeMethodName(job.kdeMethod))},
        {"kde_method_description", kdeMethodDescription(job.kdeMethod)},
        {"working_crs", job.workingCrs}};
    s["results"] = {{"junction_black_spots", job.junctionBlackSpots},
                    {"junctions_reported", result.junctions.size()},
                    {"section_black_spots", result.sections.size()},
                    {"windows_evaluated", result.windowCount}};
    gis::writeTextFile(outDir / "blackspots_toelichting.txt", toelichting(job));
    written.push_back(outDir / "blackspots_toelichting.txt");
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& p : written) files.push_back(p.filename().string());
    files.push_back("summary.json");
    s["outputs"] = files;
    s["outputs_not_written_empty"] = skipped;
    gis::writeTextFile(outDir / "summary.json", s.dump(2) + "\n");
    written.push_back(outDir / "summary.json");
    folder.commit();
    for (auto& file : written) file = folder.finalPath(file);
    return written;
}

} // namespace gebiedscan::pipeline
