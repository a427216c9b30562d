// What the scan writes is what the output schema says: every layer carries its role, every
// column of every layer is in the schema with the schema's type, the velden.csv descriptions
// are the schema's, and summary.json has exactly the schema's keys.
#include "../gis/gis_test_support.hpp"
#include "schema_check.hpp"

#include "gebiedscan/gis/layer_info.hpp"
#include "gebiedscan/pipeline/output_schema.hpp"
#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"
#include "gebiedscan/pipeline/scan_writer.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

namespace gebiedscan {
namespace {

namespace schema = pipeline::schema;
using testing::TempDir;
using testing::writeText;

std::string text(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class ScanOutputSchemaTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        // 4 x 4 buurten of 1 km in RD, burglary (1.3.1) and street robbery (1.4.4) in 2023 and 2022.
        std::string areas =
            R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[)";
        for (int i = 0; i < 16; ++i) {
            const double x = 150000 + 1000.0 * (i % 4), y = 450000 + 1000.0 * (i / 4);
            areas += fmt::format(
                R"({}{{"type":"Feature","properties":{{"BU_CODE":"BU0001{:04}","BU_NAAM":"b{}","AANT_INW":{}}},)"
                R"("geometry":{{"type":"Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
                i ? "," : "", 100 + i, i, 1000 + 100 * i, x, y, x + 1000, y, x + 1000, y + 1000, x, y + 1000, x, y);
        }
        writeText(m_dir / "areas.geojson", areas + "]}");
        std::string csv = "x;y;code;datum\n";
        for (int i = 0; i < 16; ++i) {
            const double x = 150500 + 1000.0 * (i % 4), y = 450500 + 1000.0 * (i / 4);
            const int current = i == 0 ? 40 : i == 1 || i == 4 ? 20 : 3;
            for (int k = 0; k < current; ++k)
                csv += fmt::format("{};{};{};2023-{:02}-{:02} {:02}:30\n", x, y, k % 3 ? "1.3.1" : "1.4.4", 1 + k % 12,
                                   1 + k % 28, k % 24);
            for (int k = 0; k < 5; ++k) csv += fmt::format("{};{};1.3.1;2022-03-0{} 10:00\n", x, y, 1 + k);
        }
        writeText(m_dir / "reg.csv", csv);
        m_options.incidents.path = (m_dir / "reg.csv").string();
        m_options.incidents.assumeCrs = "EPSG:28992";
        m_options.areas.path = (m_dir / "areas.geojson").string();
        m_options.year = 2023;
        m_options.referenceYears = 1;
        m_options.permutations = 99;
        m_options.outDir = m_dir / "out";
    }

    TempDir m_dir;
    pipeline::ScanOptions m_options;
    pipeline::CollectingReporter m_reporter;
};

TEST_F(ScanOutputSchemaTest, EveryWrittenLayerHasItsRoleAndOnlySchemaColumns)
{
    const auto r = pipeline::runScan(m_options, m_reporter);
    (void)pipeline::writeScanOutputs(*r, m_options);
    const auto out = m_options.outDir;

    std::multiset<std::string> roles;
    std::set<std::string> themeHotspotColumns, hotspotNumbers;
    for (const auto& l : gis::listLayers((out / "gebiedscan.gpkg").string())) {
        roles.insert(schematest::checkLayer(l, "gebiedscan.gpkg/" + l.name));
        for (const auto& f : l.fields) {
            if (f.name.starts_with(schema::field::themeGiBin)) themeHotspotColumns.insert(f.name);
            // Outside the police Gi* and LISA are classes only (issue 13): no z, p or I numbers.
            if (f.name.starts_with(schema::field::themeGiZ) || f.name == "gi_z" || f.name == "lisa_i")
                hotspotNumbers.insert(f.name);
        }
    }
    EXPECT_TRUE(hotspotNumbers.empty()) << *hotspotNumbers.begin();
    // Three levels (buurt, wijk, gemeente), the hotspots, the hour-of-week and figures tables.
    EXPECT_EQ(roles.count(std::string(schema::role::scanAreas)), 1u);
    EXPECT_EQ(roles.count(std::string(schema::role::scanAreaLevel)), 2u);
    EXPECT_EQ(roles.count(std::string(schema::role::scanHotspots)), 1u);
    EXPECT_EQ(roles.count(std::string(schema::role::scanHotTimes)), 1u);
    EXPECT_EQ(roles.count(std::string(schema::role::scanFigures)), 1u);
    // The per-theme family was written (burglary has enough registrations), so it was checked.
    EXPECT_FALSE(themeHotspotColumns.empty());

    for (const char* level : {"buurt", "wijk", "gemeente"}) {
        const std::string stem = std::string("gebiedscan_") + level;
        const std::string_view role =
            std::string_view(level) == "buurt" ? schema::role::scanAreas : schema::role::scanAreaLevel;
        const auto geojson = gis::listLayers((out / (stem + ".geojson")).string());
        ASSERT_EQ(geojson.size(), 1u);
        EXPECT_EQ(schematest::checkLayer(geojson[0], stem + ".geojson", false), role);
        // Shapefile: no metadata and 10-character names; its velden.csv maps them back, with
        // the schema's descriptions.
        const auto csv = gis::listLayers((out / (stem + ".csv")).string());
        ASSERT_EQ(csv.size(), 1u);
        for (const auto& f : csv[0].fields)
            EXPECT_NE(schema::layer(role)->find(f.name), nullptr) << stem << ".csv: " << f.name;
        const std::string velden = text(out / (stem + "_velden.csv"));
        EXPECT_NE(velden.find("n_total"), std::string::npos);
        EXPECT_NE(velden.find(std::string(schema::layer(role)->column(schema::field::count).nl) +
                              ": alle registraties (thema's en overig)"),
                  std::string::npos)
            << velden.substr(0, 400);
    }
    for (const char* table : {"gebiedscan_cijfers.csv", "gebiedscan_tijden.csv"}) {
        const auto csv = gis::listLayers((out / table).string());
        ASSERT_EQ(csv.size(), 1u);
        const auto* spec =
            schema::layer(std::string_view(table) == "gebiedscan_cijfers.csv" ? schema::role::scanFigures
                                                                              : schema::role::scanHotTimes);
        for (const auto& f : csv[0].fields) EXPECT_NE(spec->find(f.name), nullptr) << table << ": " << f.name;
    }
}

TEST_F(ScanOutputSchemaTest, SummaryJsonHasExactlyTheSchemaKeys)
{
    const auto r = pipeline::runScan(m_options, m_reporter);
    (void)pipeline::writeScanOutputs(*r, m_options);
    const auto summary = nlohmann::json::parse(text(m_options.outDir / "summary.json"));
    std::set<std::string> expected, written;
    for (const auto& k : schema::summaryKeys("scan")) {
        const std::string id(k.id);
        const auto dot = id.find('.');
        if (dot == std::string::npos) {
            expected.insert(id);
            continue;
        }
        expected.insert(id.substr(0, dot));
        EXPECT_TRUE(summary.contains(id.substr(0, dot)) && summary[id.substr(0, dot)].contains(id.substr(dot + 1)))
            << id;
    }
    for (const auto& [key, value] : summary.items()) written.insert(key);
    EXPECT_EQ(written, expected);
    // The theme keys the viewer reads its labels from.
    ASSERT_FALSE(summary["themes"].empty());
    for (const char* key : {"id", "number", "label"}) EXPECT_TRUE(summary["themes"][0].contains(key)) << key;
}

} // namespace
} // namespace gebiedscan
