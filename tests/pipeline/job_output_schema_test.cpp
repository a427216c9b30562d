// What the hotspots, trends, blackspots and kde writers produce is what the output schema says:
// every layer has its role, every column is in the schema with its type, `name` (never `naam`).
#include "pipeline_test_support.hpp"
#include "schema_check.hpp"

#include "gebiedscan/gis/raster_reader.hpp"
#include "gebiedscan/pipeline/blackspot_job.hpp"
#include "gebiedscan/pipeline/blackspot_writer.hpp"
#include "gebiedscan/pipeline/hotspot_job.hpp"
#include "gebiedscan/pipeline/hotspot_writer.hpp"
#include "gebiedscan/pipeline/kde_job.hpp"
#include "gebiedscan/pipeline/kde_writer.hpp"
#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/trend_job.hpp"
#include "gebiedscan/pipeline/trend_writer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

using namespace gebiedscan;
namespace schema = pipeline::schema;

namespace {

// Random registrations in a 2 km square with a cluster, 12 months of 2023.
std::filesystem::path registrations(const std::filesystem::path& dir)
{
    std::ostringstream csv;
    csv << "x,y,code,pleegdatum\n";
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> ux(154000.0, 156000.0), uy(462000.0, 464000.0);
    for (int m = 1; m <= 12; ++m) {
        for (int i = 0; i < 60; ++i) csv << ux(rng) << ',' << uy(rng) << ",1.3.1,2023-" << m << "-1" << m % 9 << '\n';
        for (int i = 0; i < 10; ++i) csv << "155050,463050,1.3.1,2023-" << m << "-0" << 1 + i % 9 << '\n';
    }
    return jobtest::writeText(dir / "meldingen.csv", csv.str());
}

std::map<std::string, std::string> rolesOf(const std::filesystem::path& gpkg)
{
    std::map<std::string, std::string> roles; // layer -> role
    for (const auto& l : gis::listLayers(gpkg.string()))
        roles[l.name] = schematest::checkLayer(l, gpkg.filename().string() + "/" + l.name);
    return roles;
}

} // namespace

TEST(JobOutputSchema, HotspotsOnAGridAndOnFeatures)
{
    jobtest::TempFolder tmp;
    pipeline::CollectingReporter reporter;
    pipeline::HotspotOptions grid;
    grid.areas.path = registrations(tmp.path()).string();
    grid.areas.assumeCrs = "EPSG:28992";
    grid.grid = "250";
    grid.permutations = 0;
    const auto cells = pipeline::runHotspotJob(grid, reporter);
    (void)pipeline::writeHotspotOutputs(cells, {.outDir = tmp.path() / "raster", .internal = true});
    EXPECT_EQ(rolesOf(tmp.path() / "raster" / "hotspots.gpkg"),
              (std::map<std::string, std::string>{{"hotspots", std::string(schema::role::hotspotsGrid)}}));

    std::ostringstream areas;
    for (int i = 0; i < 9; ++i) {
        const double x = 150000 + 100.0 * (i % 3), y = 460000 + 100.0 * (i / 3);
        areas << (i ? "," : "") << R"({"type":"Feature","properties":{"code":"c)" << i << R"(","waarde":)" << i * i
              << R"(},"geometry":{"type":"Polygon","coordinates":[[[)" << x << ',' << y << "],[" << x + 100 << ',' << y
              << "],[" << x + 100 << ',' << y + 100 << "],[" << x << ',' << y + 100 << "],[" << x << ',' << y
              << "]]]}}";
    }
    pipeline::HotspotOptions features;
    features.areas.path = jobtest::writeText(tmp.path() / "vlakken.geojson", jobtest::rdGeoJson(areas.str())).string();
    features.field = "waarde";
    features.idField = "code";
    features.permutations = 0;
    const auto values = pipeline::runHotspotJob(features, reporter);
    (void)pipeline::writeHotspotOutputs(values, {.outDir = tmp.path() / "vlakken", .internal = true});
    EXPECT_EQ(rolesOf(tmp.path() / "vlakken" / "hotspots.gpkg"),
              (std::map<std::string, std::string>{{"hotspots", std::string(schema::role::hotspotsFeatures)}}));
}

TEST(JobOutputSchema, TrendsSayNameNotNaam)
{
    jobtest::TempFolder tmp;
    pipeline::TrendOptions o;
    o.incidents.path = registrations(tmp.path()).string();
    o.incidents.assumeCrs = "EPSG:28992";
    o.gridSize = 500;
    o.from = "2023-01-01";
    pipeline::CollectingReporter reporter;
    const auto r = pipeline::runTrendJob(o, reporter);
    (void)pipeline::writeTrendOutputs(r, {tmp.path() / "uit"});
    EXPECT_EQ(rolesOf(tmp.path() / "uit" / "trends.gpkg"),
              (std::map<std::string, std::string>{{"trends", std::string(schema::role::trends)},
                                                  {"trends_per_periode", std::string(schema::role::trendsPerPeriod)}}));
    const auto csv = gis::listLayers((tmp.path() / "uit" / "trends.csv").string());
    ASSERT_EQ(csv.size(), 1u);
    ASSERT_GE(csv[0].fields.size(), 2u);
    EXPECT_EQ(csv[0].fields[1].name, "name");
}

TEST(JobOutputSchema, BlackSpotsWithAreasKdeAndEmpiricalBayes)
{
    jobtest::TempFolder tmp;
    const auto dir = tmp.path();
    jobtest::writeText(
        dir / "wegen.geojson",
        jobtest::rdGeoJson(
            R"({"type":"Feature","properties":{"WVK_ID":1,"STT_NAAM":"Markt"},"geometry":{"type":"LineString","coordinates":[[154900,463000],[155000,463000]]}},
{"type":"Feature","properties":{"WVK_ID":2,"STT_NAAM":"Markt"},"geometry":{"type":"LineString","coordinates":[[155000,463000],[155100,463000]]}},
{"type":"Feature","properties":{"WVK_ID":3,"STT_NAAM":"Kerkstraat"},"geometry":{"type":"LineString","coordinates":[[155000,462900],[155000,463000]]}},
{"type":"Feature","properties":{"WVK_ID":4,"STT_NAAM":"Kerkstraat"},"geometry":{"type":"LineString","coordinates":[[155000,463000],[155000,463100]]}})"));
    std::ostringstream acc;
    acc << "VKL_NUMMER,JAAR_VKL,AP3_CODE,ZIEKENHUIS,X,Y\n";
    for (int i = 0; i < 8; ++i)
        acc << 100 + i << ',' << 2016 + i % 3 << ',' << (i == 0 ? "DOD" : "LET") << ",N," << 155000 + 3 * i
            << ",463002\n";
    jobtest::writeText(dir / "ongevallen.csv", acc.str());
    jobtest::writeText(
        dir / "buurten.geojson",
        jobtest::rdGeoJson(
            R"({"type":"Feature","properties":{"BU_CODE":"BU01","BU_NAAM":"Centrum"},"geometry":{"type":"Polygon","coordinates":[[[154500,462500],[155500,462500],[155500,463500],[154500,463500],[154500,462500]]]}})"));
    pipeline::BlackSpotJobOptions o;
    o.roads.path = (dir / "wegen.geojson").string();
    o.accidents.path = (dir / "ongevallen.csv").string();
    o.accidents.assumeCrs = "EPSG:28992";
    o.areas.path = (dir / "buurten.geojson").string();
    o.preset = "amsterdam";
    o.kdeBandwidth = 50;
    o.kdeLixel = 10;
    o.empiricalBayes = true;
    pipeline::CollectingReporter reporter;
    const auto r = pipeline::runBlackSpotJob(o, reporter);
    (void)pipeline::writeBlackSpotOutputs(r, {.outDir = dir / "uit", .internal = true});
    const auto roles = rolesOf(dir / "uit" / "blackspots.gpkg");
    EXPECT_EQ(roles, (std::map<std::string, std::string>{{"junctions", std::string(schema::role::blackspotJunctions)},
                                                         {"sections", std::string(schema::role::blackspotSections)},
                                                         {"accidents", std::string(schema::role::blackspotAccidents)},
                                                         {"areas", std::string(schema::role::blackspotAreas)},
                                                         {"kde", std::string(schema::role::blackspotKde)}}));
    // The years of the period became n_<jaar> columns, and the areas say `name`.
    std::set<std::string> junctionFields, areaFields;
    for (const auto& l : gis::listLayers((dir / "uit" / "blackspots.gpkg").string()))
        for (const auto& f : l.fields) (l.name == "junctions" ? junctionFields : areaFields).insert(f.name);
    EXPECT_TRUE(junctionFields.count("n_2016") && junctionFields.count("n_2018")) << "per-year columns";
    EXPECT_TRUE(junctionFields.count("eb_schatting"));
    EXPECT_TRUE(areaFields.count("name"));
    EXPECT_FALSE(areaFields.count("naam"));
    // summary.json: exactly the schema's top-level keys.
    std::ifstream in(dir / "uit" / "summary.json");
    const auto summary = nlohmann::json::parse(in);
    std::set<std::string> expected, written;
    for (const auto& k : schema::summaryKeys("blackspots"))
        expected.insert(std::string(k.id.substr(0, k.id.find('.'))));
    for (const auto& [key, value] : summary.items()) written.insert(key);
    EXPECT_EQ(written, expected);
    // The list CSV has the black-spot columns.
    const auto list = gis::listLayers((dir / "uit" / "blackspots.csv").string());
    ASSERT_EQ(list.size(), 1u);
    for (const auto& f : list[0].fields)
        EXPECT_NE(schema::layer(schema::role::blackspotList)->find(f.name), nullptr) << f.name;
}

TEST(JobOutputSchema, KdeGeoTiffCarriesItsRoleAndTheSchemaKeys)
{
    jobtest::TempFolder tmp;
    pipeline::KdeJobOptions o;
    o.incidents.path = registrations(tmp.path()).string();
    o.incidents.assumeCrs = "EPSG:28992";
    o.radius = 250.0;
    o.cell = 50.0;
    pipeline::CollectingReporter reporter;
    const auto r = pipeline::runKdeJob(o, reporter);
    const auto tif = tmp.path() / "heatmap.tif";
    pipeline::writeKdeRaster(r, tif, true);
    const auto band = gis::readRasterBand(tif);
    std::map<std::string, std::string> items(band.metadata.begin(), band.metadata.end());
    EXPECT_EQ(items[std::string(schema::kRoleKey)], schema::role::kdeHeatmap);
    const auto* spec = schema::layer(schema::role::kdeHeatmap);
    for (const auto& [key, value] : items) {
        if (key == schema::kRoleKey || key == schema::kVersionKey || key == "AREA_OR_POINT") continue;
        bool known = false;
        for (const auto& k : spec->metadata) known = known || k.id == key;
        EXPECT_TRUE(known) << "GeoTIFF metadata key " << key << " is not in the schema";
    }
    EXPECT_EQ(items.count("UNIT"), 1u);
}
