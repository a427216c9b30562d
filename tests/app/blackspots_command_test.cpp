// `gebiedscan blackspots` end to end: inputs written at test time, outputs opened with GDAL's own
// ogrinfo (an independent reader) and summary.json checked for the row accounting.
#include "gebiedscan_build_paths.hpp"
#include "commands.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/pipeline/blackspot_job.hpp"
#include "gebiedscan/pipeline/blackspot_writer.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/road_network.hpp"
#include "gebiedscan/gis/road_network_reader.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace gebiedscan;

namespace {

std::string capture(const std::string& command)
{
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return out;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, pipe)) out += buf;
    ::pclose(pipe);
    return out;
}

/// The job and its writer, as the command runs them.
BlackSpotResult runBlackSpots(const pipeline::BlackSpotJobOptions& options, const fs::path& out)
{
    pipeline::CollectingReporter reporter;
    const auto result = pipeline::runBlackSpotJob(options, reporter);
    (void)pipeline::writeBlackSpotOutputs(result, {.outDir = out, .internal = true});
    return result.analysis;
}

fs::path freshDir(const std::string& name)
{
    const fs::path dir = fs::temp_directory_path() / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

} // namespace

TEST(BlackSpotsCommand, JunctionAndSectionWrittenAndEveryRowAccounted)
{
    if (std::system("ogrinfo --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "ogrinfo not installed";
    const auto dir = freshDir("gebiedscan_blackspots_command_test");
    {
        // A cross of two streets at (155000, 463000) and a long road further north; RD New.
        std::ofstream roads(dir / "wegen.geojson");
        roads
            << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},
"features":[
{"type":"Feature","properties":{"WVK_ID":1,"STT_NAAM":"Markt","WEGBEHSRT":"G"},"geometry":{"type":"LineString","coordinates":[[154900,463000],[155000,463000]]}},
{"type":"Feature","properties":{"WVK_ID":2,"STT_NAAM":"Markt","WEGBEHSRT":"G"},"geometry":{"type":"LineString","coordinates":[[155000,463000],[155100,463000]]}},
{"type":"Feature","properties":{"WVK_ID":3,"STT_NAAM":"Kerkstraat","WEGBEHSRT":"G"},"geometry":{"type":"LineString","coordinates":[[155000,462900],[155000,463000]]}},
{"type":"Feature","properties":{"WVK_ID":4,"STT_NAAM":"Kerkstraat","WEGBEHSRT":"G"},"geometry":{"type":"LineString","coordinates":[[155000,463000],[155000,463100]]}},
{"type":"Feature","properties":{"WVK_ID":5,"WEGNUMMER":"N225","WEGBEHSRT":"P"},"geometry":{"type":"LineString","coordinates":[[154000,464000],[155000,464000]]}},
{"type":"Feature","properties":{"WVK_ID":6,"WEGNUMMER":"N225","WEGBEHSRT":"P"},"geometry":{"type":"LineString","coordinates":[[155000,464000],[156000,464000]]}}
]})";
        std::ofstream acc(dir / "ongevallen.csv");
        acc << "VKL_NUMMER,JAAR_VKL,AP3_CODE,X,Y\n";
        // 6 injury accidents within 20 m of the junction (one on a party row twice).
        for (int i = 0; i < 6; ++i)
            acc << 100 + i << ",2018," << (i == 0 ? "DOD" : "LET") << ',' << 155000 + 3 * i << ',' << 463000 + 2
                << '\n';
        acc << "100,2018,DOD,155000,463002\n";
        // 4 injury accidents within 150 m on the N225, across the joint of segments 5 and 6.
        for (int i = 0; i < 4; ++i) acc << 200 + i << ",2017,LET," << 154940 + 40 * i << ",464005\n";
        acc << "300,2017,LET,158000,470000\n"; // far from every road
        acc << "301,2012,LET,155000,464000\n"; // before the period
        std::ofstream areas(dir / "buurten.geojson");
        areas
            << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},
"features":[
{"type":"Feature","properties":{"BU_CODE":"BU00010001","BU_NAAM":"Centrum"},"geometry":{"type":"Polygon","coordinates":[[[154500,462500],[155500,462500],[155500,463500],[154500,463500],[154500,462500]]]}},
{"type":"Feature","properties":{"BU_CODE":"BU00010002","BU_NAAM":"Noord"},"geometry":{"type":"Polygon","coordinates":[[[153000,463500],[157000,463500],[157000,465000],[153000,465000],[153000,463500]]]}}
]})";
    }
    pipeline::BlackSpotJobOptions cli;
    cli.roads.path = (dir / "wegen.geojson").string();
    cli.accidents.path = (dir / "ongevallen.csv").string();
    cli.accidents.assumeCrs = "EPSG:28992";
    cli.preset = "amsterdam";
    cli.window = 200;
    cli.step = 20;
    cli.kdeBandwidth = 100;
    cli.areas.path = (dir / "buurten.geojson").string();
    const auto result = runBlackSpots(cli, dir / "uit");
    ASSERT_EQ(result.junctions.size(), 1u);
    EXPECT_EQ(result.junctions[0].tally.total(), 6);
    EXPECT_EQ(result.junctions[0].streetNames, "Kerkstraat/Markt");
    ASSERT_GE(result.sections.size(), 2u); // Markt/Kerkstraat around the junction and the N225
    bool n225 = false;
    for (const auto& s : result.sections) n225 = n225 || (s.roadNumbers == "N225" && s.tally.total() == 4);
    EXPECT_TRUE(n225);

    const auto gpkg = "'" + (dir / "uit" / "blackspots.gpkg").string() + "'";
    const auto junctions = capture("ogrinfo -so " + gpkg + " junctions 2>&1");
    EXPECT_NE(junctions.find("Geometry: Point"), std::string::npos) << junctions;
    EXPECT_NE(junctions.find("Feature Count: 1\n"), std::string::npos) << junctions;
    EXPECT_NE(junctions.find("n_2018: Integer"), std::string::npos) << junctions;
    const auto sections = capture("ogrinfo -so " + gpkg + " sections 2>&1");
    EXPECT_NE(sections.find("Geometry: Multi Line String"), std::string::npos) << sections;
    EXPECT_NE(sections.find("Feature Count: " + std::to_string(result.sections.size()) + "\n"), std::string::npos)
        << sections;
    const auto accidents = capture("ogrinfo -so " + gpkg + " accidents 2>&1");
    EXPECT_NE(accidents.find("Feature Count: 12\n"), std::string::npos) << accidents; // 13 rows, 1 party duplicate
    const auto kde = capture("ogrinfo -so " + gpkg + " kde 2>&1");
    EXPECT_NE(kde.find("dichtheid_per_km: Real"), std::string::npos) << kde;
    const auto shp = capture("ogrinfo -so -al '" + (dir / "uit" / "blackspots_sections.shp").string() + "' 2>&1");
    EXPECT_NE(shp.find("Feature Count: " + std::to_string(result.sections.size())), std::string::npos) << shp;

    // Theme 4.1 per area: Centrum holds the junction (6 accidents) and the Markt section; Noord the
    // N225 section with its 4 accidents.
    std::ifstream csv(dir / "uit" / "blackspots_gebieden.csv");
    std::string header, centrum, noord;
    std::getline(csv, header);
    std::getline(csv, centrum);
    std::getline(csv, noord);
    EXPECT_NE(header.find("code;name;n_ongevallen;n_dod;n_let;n_ums;n_bs_kruispunt;n_bs_wegvak;n_ongevallen_in_bs"),
              std::string::npos)
        << header;
    EXPECT_EQ(centrum.substr(0, centrum.find_last_not_of("\r") + 1), "BU00010001;Centrum;6;1;5;0;1;1;6");
    EXPECT_EQ(noord.substr(0, noord.find_last_not_of("\r") + 1), "BU00010002;Noord;4;0;4;0;0;1;4");

    std::ifstream js(dir / "uit" / "summary.json");
    const auto s = nlohmann::json::parse(js);
    EXPECT_EQ(s["input_rows"], 13);
    EXPECT_EQ(s["buckets"]["snapped"], 10);
    EXPECT_EQ(s["buckets"]["duplicate_party_row"], 1);
    EXPECT_EQ(s["buckets"]["beyond_tolerance"], 1);
    EXPECT_EQ(s["buckets"]["outside_period"], 1);
    EXPECT_EQ(s["buckets_total"], 13);
    EXPECT_EQ(s["period"]["first_year"], 2016);
    EXPECT_EQ(s["network"]["topology"], "geometrie");
}

TEST(BlackSpotsCommand, WageningenNwbWithJunctionIdAccidents)
{
    const fs::path nwb = fs::path(GEBIEDSCAN_SOURCE_DIR) / "data" / "open" / "nwb-wageningen-wegvakken.gml";
    if (!fs::exists(nwb)) GTEST_SKIP() << "sample data not present";
    gis::SourceSpec roads;
    roads.path = nwb.string();
    const auto layer = gis::readRoadLayer(roads, {}, "EPSG:28992");
    const RoadNetwork net(layer.segments);
    // The first junction of degree >= 3 gets 6 accidents by JTE_ID (synthetic rows, no points).
    std::string jte;
    for (std::int32_t k = 0; k < static_cast<std::int32_t>(net.nodeCount()) && jte.empty(); ++k)
        if (net.nodeDegree(k) >= 3) jte = net.nodeId(k);
    const auto dir = freshDir("gebiedscan_blackspots_nwb_test");
    {
        std::ofstream acc(dir / "ongevallen.csv");
        acc << "VKL_NUMMER,JAAR_VKL,AP3_CODE,JTE_ID,WVK_ID\n";
        for (int i = 0; i < 6; ++i) acc << i + 1 << ',' << 2016 + i % 3 << ",LET," << jte << ",\n";
        acc << "7,2018,UMS,," << layer.segments[0].id << '\n';
    }
    pipeline::BlackSpotJobOptions cli;
    cli.roads = roads;
    cli.accidents.path = (dir / "ongevallen.csv").string();
    const auto result = runBlackSpots(cli, dir / "uit"); // default preset kruispunt-6-3
    EXPECT_EQ(result.criteria.name, "kruispunt-6-3");
    ASSERT_EQ(result.junctions.size(), 1u);
    EXPECT_EQ(result.junctions[0].id, jte);
    EXPECT_EQ(result.junctions[0].perYear, (std::vector<int>{2, 2, 2}));
    EXPECT_FALSE(result.junctions[0].streetNames.empty());
    EXPECT_EQ(result.buckets[static_cast<std::size_t>(AccidentBucket::PlacedById)], 7u);
}

TEST(BlackSpotsCommand, WithoutInternalItRefusesBeforeReadingAndTheWriterToo)
{
    CLI::App app;
    gebiedscan::app::registerBlackSpotsCommand(app);
    try {
        app.parse(
            "blackspots --roads /bestaat/niet.gpkg --accidents /bestaat/niet.csv --out /tmp/gebiedscan-bs-extern");
        FAIL() << "no error";
    } catch (const gebiedscan::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("Geef --internal"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists("/tmp/gebiedscan-bs-extern"));
    // In-process callers meet the same refusal.
    const pipeline::BlackSpotJobResult empty{};
    EXPECT_THROW((void)pipeline::writeBlackSpotOutputs(empty, {.outDir = "/tmp/gebiedscan-bs-extern"}),
                 gebiedscan::InputError);
    EXPECT_FALSE(fs::exists("/tmp/gebiedscan-bs-extern"));
}

// BRON as police accident registers come: without a severity field (AP3_CODE dropped with
// ogr2ogr -select). `--severity any` counts every accident: on one row per accident (party 1) it
// finds exactly what it finds with the field; on party rows it can merge a little more (rows of
// one place and year are told apart by their severity only when there is one). A definition that
// needs severity is refused naming the presets and the way out.
TEST(BlackSpotsCommand, BronWithoutSeverityFieldCountsEveryAccident)
{
    const fs::path bron = fs::path(GEBIEDSCAN_SOURCE_DIR) / "data" / "open" / "bron-utrecht-2015-2018.geojson";
    if (!fs::exists(bron)) GTEST_SKIP() << "sample data not present";
    if (std::system("ogr2ogr --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "ogr2ogr not installed";
    const auto dir = freshDir("gebiedscan_blackspots_any_" + std::to_string(::getpid()));
    const fs::path partyRows = dir / "bron_partijen_zonder_ernst.geojson";
    const fs::path accidents = dir / "bron_ongevallen.geojson", without = dir / "bron_ongevallen_zonder_ernst.geojson";
    const auto ogr2ogr = [](const fs::path& out, const fs::path& in, const std::string& args) {
        return std::system(("ogr2ogr -f GeoJSON '" + out.string() + "' '" + in.string() + "' " + args).c_str());
    };
    const std::string noSeverity = "-select jaar_vkl,aol_id,pve_code,nummer,ote_id";
    ASSERT_EQ(ogr2ogr(partyRows, bron, noSeverity), 0);
    ASSERT_EQ(ogr2ogr(accidents, bron, "-where 'nummer = 1'"), 0);
    ASSERT_EQ(ogr2ogr(without, bron, noSeverity + " -where 'nummer = 1'"), 0);
    // A 100 m street grid over Utrecht's centre (RD), split at every crossing.
    {
        std::ofstream roads(dir / "raster.csv");
        roads << "WVK_ID,WKT\n";
        int id = 1;
        for (int i = 0; i <= 40; ++i)
            for (int j = 0; j < 40; ++j) {
                const int a = 134000 + 100 * i, b = 454000 + 100 * j;
                roads << id++ << ",\"LINESTRING (" << a << ' ' << b << ", " << a << ' ' << b + 100 << ")\"\n";
                roads << id++ << ",\"LINESTRING (" << 134000 + 100 * j << ' ' << 454000 + 100 * i << ", "
                      << 134000 + 100 * (j + 1) << ' ' << 454000 + 100 * i << ")\"\n";
            }
    }
    pipeline::BlackSpotJobOptions o;
    o.roads.path = (dir / "raster.csv").string();
    o.roads.assumeCrs = "EPSG:28992";
    o.accidents.path = without.string();
    o.severity = "any";
    o.minCount = 4;
    o.years = 4;
    pipeline::CollectingReporter reporter;
    const auto any = pipeline::runBlackSpotJob(o, reporter);
    EXPECT_TRUE(any.accidents.fields.severity.empty());
    EXPECT_EQ(any.accidents.unknownSeverity, any.accidents.records.size());
    EXPECT_FALSE(pipeline::criteriaNeedSeverity(any.analysis.criteria));
    EXPECT_GT(any.analysis.analysedAccidents, 500u);
    ASSERT_FALSE(any.analysis.junctions.empty());

    o.accidents.path = accidents.string(); // the same accidents with their severity
    const auto full = pipeline::runBlackSpotJob(o, reporter);
    EXPECT_EQ(full.accidents.fields.severity, "ap3_code");
    EXPECT_EQ(full.analysis.analysedAccidents, any.analysis.analysedAccidents);
    // The same places with the same counts (ranked differently: the score weighs severity).
    const auto spots = [](const std::vector<BlackSpot>& list) {
        std::map<std::string, int> out;
        for (const auto& b : list) out[b.id] = b.tally.total();
        return out;
    };
    EXPECT_EQ(spots(full.analysis.junctions), spots(any.analysis.junctions));
    EXPECT_EQ(spots(full.analysis.sections), spots(any.analysis.sections));
    for (const auto& b : any.analysis.junctions) EXPECT_GE(b.tally.total(), 4);
    // Counting only the known severities finds no more than every accident does.
    o.severity = "DOD,LET,UMS";
    EXPECT_LE(pipeline::runBlackSpotJob(o, reporter).analysis.junctions.size(), full.analysis.junctions.size());
    // Party rows without severity: deduplicated on place, year and type only.
    o.severity = "any";
    o.accidents.path = bron.string();
    const auto partiesFull = pipeline::runBlackSpotJob(o, reporter).analysis.analysedAccidents;
    o.accidents.path = partyRows.string();
    const auto parties = pipeline::runBlackSpotJob(o, reporter).analysis.analysedAccidents;
    EXPECT_LE(parties, partiesFull);
    EXPECT_GE(parties * 100, partiesFull * 98);

    o.accidents.path = without.string();
    for (const char* preset : {"kruispunt-6-3", "vlaanderen"}) {
        o.severity.clear();
        o.minCount.reset();
        o.preset = preset;
        try {
            (void)pipeline::runBlackSpotJob(o, reporter);
            FAIL() << preset << " accepted without severity";
        } catch (const InputError& e) {
            const std::string m = e.what();
            EXPECT_NE(m.find("kruispunt-6-3, rijkswaterstaat, amsterdam, vlaanderen"), std::string::npos) << m;
            EXPECT_NE(m.find("--severity any"), std::string::npos) << m;
            EXPECT_NE(m.find(std::string("'") + preset + "'"), std::string::npos) << m;
        }
    }
    o.preset.clear();
    o.severity = "alle";
    o.minCount = 4;
    o.kdeBandwidth = 100;
    o.kdeWeighted = true;
    EXPECT_THROW((void)pipeline::runBlackSpotJob(o, reporter), InputError);
    fs::remove_all(dir);
}
