// Credits come from what the inputs are: synthetic registrations say so, CBS areas credit the
// buurtkaart, BRON accidents BRON, a user's credit wins, and anything else is "bron onbekend";
// a scan writes them to summary.json ("sources") and to every layer's `bron` item.
#include "../gis/gis_test_support.hpp"

#include "gebiedscan/gis/layer_info.hpp"
#include "gebiedscan/gis/table_writer.hpp"
#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"
#include "gebiedscan/pipeline/scan_writer.hpp"
#include "gebiedscan/pipeline/source_credit.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace gebiedscan {
namespace {

using pipeline::recogniseSource;
using pipeline::SourceFacts;
namespace credit = pipeline::credit;
namespace role = pipeline::source_role;

TEST(SourceCredit, RecognisesCbsBronSyntheticAndUnknown)
{
    SourceFacts cbs;
    cbs.sampleCodes = {"BU01060101", "BU01060102", "BU01060199"};
    EXPECT_EQ(recogniseSource(role::areas, cbs).credit, credit::cbsBuurtkaart);
    // Chicago tracts: numeric codes are no CBS areas, whatever their field names.
    SourceFacts tracts;
    tracts.fieldNames = {"tractce10", "geoid10"};
    tracts.sampleCodes = {"17031010100", "17031010201"};
    EXPECT_EQ(recogniseSource(role::areas, tracts).credit, credit::unknown);
    // A CBS file without codes read yet: by its field names.
    SourceFacts cbsFields;
    cbsFields.fieldNames = {"buurtcode", "buurtnaam", "aantal_inwoners"};
    EXPECT_EQ(recogniseSource(role::areas, cbsFields).credit, credit::cbsBuurtkaart);

    SourceFacts bron;
    bron.fieldNames = {"VKL_NUMMER", "JAAR_VKL", "AP3_CODE"};
    const auto b = recogniseSource(role::incidents, bron);
    EXPECT_EQ(b.credit, credit::bron);
    EXPECT_FALSE(b.synthetic);

    SourceFacts synth;
    synth.layerName = "synthetische_registraties";
    synth.metadata = {{"LET_OP", "SYNTHETISCHE GEGEVENS - geen echte politieregistraties"}};
    synth.fieldNames = {"code", "bron"};
    const auto s = recogniseSource(role::incidents, synth);
    EXPECT_EQ(s.credit, credit::synthetic);
    EXPECT_TRUE(s.synthetic);
    // The user's credit wins, but synthetic stays synthetic.
    const auto user = recogniseSource(role::incidents, synth, "Politie Drenthe (demo)");
    EXPECT_EQ(user.credit, "Politie Drenthe (demo)");
    EXPECT_TRUE(user.synthetic);

    EXPECT_EQ(recogniseSource(role::incidents, SourceFacts{}).credit, credit::unknown);
    EXPECT_EQ(pipeline::bronMetadata({b, recogniseSource(role::areas, cbs)}),
              "registraties: Rijkswaterstaat BRON; gebieden: CBS/Kadaster Wijk- en Buurtkaart (CC BY 4.0)");
}

TEST(SourceCredit, FactsComeFromTheLayerMetadataAndFields)
{
    testing::TempDir dir;
    gis::Table t;
    t.name = "synthetische_registraties";
    t.columns = {{"code", gis::Column::Type::String, ""}};
    t.geometryKind = gis::FeatureGeometry::Kind::Point;
    gis::FeatureGeometry p;
    p.kind = gis::FeatureGeometry::Kind::Point;
    p.points = {{200000, 500000}};
    t.rows = {{std::string("1.3.1")}};
    t.geometries = {p};
    gis::WriteOptions w;
    w.metadata = {{"LET_OP", "SYNTHETISCHE GEGEVENS"}};
    const auto file = dir / "reg.gpkg";
    gis::writeGeoPackage(file, {t}, w);
    gis::SourceSpec spec;
    spec.path = file.string();
    const auto facts = pipeline::sourceFacts(spec, "'reg.gpkg'");
    EXPECT_EQ(facts.layerName, "synthetische_registraties");
    ASSERT_EQ(facts.fieldNames.size(), 1u);
    EXPECT_EQ(facts.fieldNames[0], "code");
    EXPECT_TRUE(recogniseSource(role::incidents, facts).synthetic);
    // An unreadable input is no error here: only its description.
    spec.path = (dir / "missing.gpkg").string();
    EXPECT_TRUE(pipeline::sourceFacts(spec, "x").fieldNames.empty());
}

TEST(SourceCredit, SyntheticCsvIsRecognisedByItsBronColumn)
{
    // `gebiedscan synth --out meldingen.csv`: a CSV keeps no layer metadata and its name says
    // nothing, but every record's `bron` says SYNTHETISCH.
    testing::TempDir dir;
    testing::writeText(dir / "meldingen.csv", "registratienummer,code,bron,x,y\n"
                                              "SYN-00000001,1.3.1,SYNTHETISCH,233000,557000\n"
                                              "SYN-00000002,1.1.1,SYNTHETISCH,233100,557100\n");
    gis::SourceSpec spec;
    spec.path = (dir / "meldingen.csv").string();
    const auto facts = pipeline::sourceFacts(spec, "'meldingen.csv'");
    ASSERT_EQ(facts.bronValues.size(), 1u);
    EXPECT_EQ(facts.bronValues[0], "SYNTHETISCH");
    const auto s = recogniseSource(role::incidents, facts);
    EXPECT_TRUE(s.synthetic);
    EXPECT_EQ(s.credit, credit::synthetic);

    // A real extract whose `bron` names the system is not synthetic.
    testing::writeText(dir / "bvh.csv", "code,bron,x,y\n1.3.1,BVH,233000,557000\n1.3.1,BVH,233100,557100\n");
    spec.path = (dir / "bvh.csv").string();
    const auto real = pipeline::sourceFacts(spec, "'bvh.csv'");
    ASSERT_EQ(real.bronValues.size(), 1u);
    EXPECT_EQ(real.bronValues[0], "BVH");
    EXPECT_FALSE(recogniseSource(role::incidents, real).synthetic);
}

TEST(SourceCredit, ScanOfASyntheticCsvMarksItsSummary)
{
    // What the report's cover and footer and the viewer read: summary.json "sources".
    testing::TempDir dir;
    std::string areas =
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[)";
    for (int i = 0; i < 2; ++i) {
        const double x = 150000 + 1000.0 * i, y = 450000;
        areas += fmt::format(
            R"({}{{"type":"Feature","properties":{{"BU_CODE":"BU0001{:04}","BU_NAAM":"b{}"}},)"
            R"("geometry":{{"type":"Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
            i ? "," : "", 100 + i, i, x, y, x + 1000, y, x + 1000, y + 1000, x, y + 1000, x, y);
    }
    testing::writeText(dir / "areas.geojson", areas + "]}");
    std::string csv = "x;y;code;datum;bron\n";
    for (int i = 0; i < 2; ++i)
        for (int k = 0; k < 6; ++k)
            csv += fmt::format("{};450500;1.3.1;202{}-03-0{} 10:00;SYNTHETISCH\n", 150500 + 1000 * i, 2 + k % 2, 1 + k);
    testing::writeText(dir / "meldingen.csv", csv);
    pipeline::ScanOptions o;
    o.incidents.path = (dir / "meldingen.csv").string();
    o.incidents.assumeCrs = "EPSG:28992";
    o.areas.path = (dir / "areas.geojson").string();
    o.year = 2023;
    o.referenceYears = 1;
    o.permutations = 0;
    o.outDir = dir / "out";
    pipeline::CollectingReporter reporter;
    const auto r = pipeline::runScan(o, reporter);
    (void)pipeline::writeScanOutputs(*r, o);
    std::ifstream in(o.outDir / "summary.json");
    std::stringstream text;
    text << in.rdbuf();
    const auto summary = nlohmann::json::parse(text.str());
    ASSERT_EQ(summary["sources"].size(), 2u);
    EXPECT_EQ(summary["sources"][0]["synthetic"], true);
    EXPECT_EQ(summary["sources"][0]["credit"], credit::synthetic);
    EXPECT_EQ(summary["sources"][1]["synthetic"], false);
}

TEST(SourceCredit, ScanWritesSourcesToSummaryAndLayers)
{
    testing::TempDir dir;
    std::string areas =
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[)";
    for (int i = 0; i < 4; ++i) {
        const double x = 150000 + 1000.0 * i, y = 450000;
        areas += fmt::format(
            R"({}{{"type":"Feature","properties":{{"BU_CODE":"BU0001{:04}","BU_NAAM":"b{}"}},)"
            R"("geometry":{{"type":"Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
            i ? "," : "", 100 + i, i, x, y, x + 1000, y, x + 1000, y + 1000, x, y + 1000, x, y);
    }
    testing::writeText(dir / "areas.geojson", areas + "]}");
    std::string csv = "x;y;code;datum\n";
    for (int i = 0; i < 4; ++i)
        for (int k = 0; k < 6; ++k)
            csv += fmt::format("{};450500;1.3.1;202{}-03-0{} 10:00\n", 150500 + 1000 * i, 2 + k % 2, 1 + k);
    testing::writeText(dir / "reg.csv", csv);
    pipeline::ScanOptions o;
    o.incidents.path = (dir / "reg.csv").string();
    o.incidents.assumeCrs = "EPSG:28992";
    o.areas.path = (dir / "areas.geojson").string();
    o.year = 2023;
    o.referenceYears = 1;
    o.permutations = 0;
    o.outDir = dir / "out";
    o.incidentsCredit = "Politie, eenheid Noord-Nederland";
    pipeline::CollectingReporter reporter;
    const auto r = pipeline::runScan(o, reporter);
    (void)pipeline::writeScanOutputs(*r, o);
    std::ifstream in(o.outDir / "summary.json");
    std::stringstream text;
    text << in.rdbuf();
    const auto summary = nlohmann::json::parse(text.str());
    ASSERT_EQ(summary["sources"].size(), 2u);
    EXPECT_EQ(summary["sources"][0]["role"], "registraties");
    EXPECT_EQ(summary["sources"][0]["credit"], "Politie, eenheid Noord-Nederland");
    EXPECT_EQ(summary["sources"][0]["synthetic"], false);
    EXPECT_EQ(summary["sources"][1]["role"], "gebieden");
    EXPECT_EQ(summary["sources"][1]["credit"], credit::cbsBuurtkaart); // BU codes
    EXPECT_NE(summary["sources"][1]["description"].get<std::string>().find("areas.geojson"), std::string::npos);
    for (const auto& l : gis::listLayers((o.outDir / "gebiedscan.gpkg").string())) {
        ASSERT_TRUE(l.metadata.count("bron")) << l.name;
        EXPECT_EQ(l.metadata.at("bron"),
                  "registraties: Politie, eenheid Noord-Nederland; gebieden: " + std::string(credit::cbsBuurtkaart))
            << l.name;
    }
}

} // namespace
} // namespace gebiedscan
