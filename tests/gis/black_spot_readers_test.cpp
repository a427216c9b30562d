// Road and accident readers on the real samples in data/open (NWB Wageningen, BRON Utrecht)
// and on BRON-layout text files (ongevallen.txt, puntlocaties.txt) written at test time. Expected
// numbers were counted independently
// with ogr2ogr + Python (see the comments).
#include "gebiedscan_build_paths.hpp"
#include "gebiedscan/core/black_spots.hpp"
#include "gebiedscan/core/road_network.hpp"
#include "gebiedscan/gis/accident_reader.hpp"
#include "gebiedscan/gis/road_network_reader.hpp"

#include "gis_test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace gebiedscan;
using namespace gebiedscan::gis;

namespace {

SourceSpec spec(const std::filesystem::path& path)
{
    SourceSpec s;
    s.path = path.string();
    return s;
}

std::filesystem::path sharedData(const std::string& name)
{
    // The open-data samples copied into the repository (data/open, see SOURCES.md there).
    return std::filesystem::path(GEBIEDSCAN_SOURCE_DIR) / "data" / "open" / name;
}

} // namespace

TEST(RoadNetworkReader, NwbWageningenBuildsTheJunctionGraph)
{
    const auto file = sharedData("nwb-wageningen-wegvakken.gml");
    if (!std::filesystem::exists(file)) GTEST_SKIP() << "sample data not present";
    const auto layer = readRoadLayer(spec(file), {}, "EPSG:28992");
    EXPECT_EQ(layer.fields.id, "wvk_id");
    EXPECT_EQ(layer.fields.beginJunction, "jte_id_beg");
    EXPECT_EQ(layer.fields.streetName, "stt_naam");
    EXPECT_EQ(layer.fields.authority, "wegbehsrt");
    ASSERT_EQ(layer.segments.size(), 232u);
    EXPECT_EQ(layer.segments[0].id, "345289002");
    EXPECT_EQ(layer.segments[0].beginJunction, "345289005");
    EXPECT_EQ(layer.segments[0].streetName, "Dijkgraaf");
    EXPECT_EQ(layer.segments[0].roadClass, "G");

    RoadNetwork byIds(layer.segments);
    EXPECT_TRUE(byIds.topologyFromIds());
    // ogr2ogr to CSV + Python: 196 distinct JTE ids, 118 of degree >= 3, 66 dead ends,
    // total length 26,409.11 m.
    EXPECT_EQ(byIds.nodeCount(), 196u);
    int junctions = 0, deadEnds = 0;
    for (std::int32_t k = 0; k < static_cast<std::int32_t>(byIds.nodeCount()); ++k) {
        junctions += byIds.nodeDegree(k) >= 3;
        deadEnds += byIds.nodeDegree(k) == 1;
    }
    EXPECT_EQ(junctions, 118);
    EXPECT_EQ(deadEnds, 66);
    EXPECT_NEAR(byIds.totalLength(), 26409.11, 0.01);
    EXPECT_LT(byIds.routes().size(), 232u); // chains of wegvakken merge into streets

    // The same graph from the geometry: NWB endpoints of one junction coincide.
    NetworkOptions geometryOnly;
    geometryOnly.useJunctionIds = false;
    RoadNetwork byGeometry(layer.segments, geometryOnly);
    EXPECT_FALSE(byGeometry.topologyFromIds());
    EXPECT_EQ(byGeometry.nodeCount(), 196u);
}

TEST(AccidentReader, BronUtrechtPartyRows)
{
    const auto file = sharedData("bron-utrecht-2015-2018.geojson");
    if (!std::filesystem::exists(file)) GTEST_SKIP() << "sample data not present";
    const auto layer = readAccidentLayer(spec(file), {}, "EPSG:28992");
    EXPECT_EQ(layer.fields.year, "jaar_vkl");
    EXPECT_EQ(layer.fields.severity, "ap3_code");
    EXPECT_EQ(layer.fields.partyNumber, "nummer");
    EXPECT_TRUE(layer.fields.accidentId.empty());
    ASSERT_EQ(layer.records.size(), 15374u);
    EXPECT_EQ(layer.unknownSeverity, 0u);
    EXPECT_EQ(layer.withoutPoint, 0u);
    int dod = 0, let = 0, ums = 0;
    for (const auto& r : layer.records) {
        dod += r.severity == Severity::Fatal;
        let += r.severity == Severity::Injury;
        ums += r.severity == Severity::DamageOnly;
    }
    EXPECT_EQ(dod, 114); // Python count of ap3_code over the GeoJSON rows
    EXPECT_EQ(let, 7018);
    EXPECT_EQ(ums, 8242);
    // In RD New, inside the province of Utrecht.
    EXPECT_GT(layer.records[0].point->x, 120000);
    EXPECT_LT(layer.records[0].point->x, 175000);

    // Python, grouping rows on (lon, lat, year, ap3, aol, province): 11,189 groups, 4,491 of them
    // without a party 1; the multiplicity of the most frequent party number sums to 11,767.
    const auto d = deduplicateAccidents(layer.records);
    EXPECT_EQ(d.accidents.size(), 11767u);
    EXPECT_EQ(d.duplicateRows, 15374u - 11767u);
    EXPECT_EQ(d.groupsWithoutPartyOne, 4491u);
}

TEST(AccidentReader, BronTextFilesWithPointLocationJoin)
{
    gebiedscan::testing::TempDir dir;
    {
        std::ofstream o(dir / "ongevallen.txt");
        o << "VKL_NUMMER,JAAR_VKL,DATUM_VKL,AP3_CODE,AOL_ID,WVK_ID,JTE_ID,FK_VELD5\n"
          << "1001,2017,20170304,LET,3,345289002,,A1\n"
          << "1002,,2018-01-02,DOD,0,,345289005,A2\n"
          << "1003,2016,,UMS,0,,,A9\n"
          << "1004,2016,,XXX,0,NULL,NULL,\n";
        std::ofstream p(dir / "puntlocaties.txt");
        p << "FK_VELD5,X_COORD,Y_COORD\nA1,173000,444500\nA2,173100.5,444400\n";
    }
    const auto layer =
        readAccidentLayer(spec(dir / "ongevallen.txt"), {}, "EPSG:28992", spec(dir / "puntlocaties.txt"));
    ASSERT_EQ(layer.records.size(), 4u);
    EXPECT_EQ(layer.pointsFromJoin, 2u);
    EXPECT_EQ(layer.joinKeyNotFound, 1u);
    EXPECT_EQ(layer.withoutPoint, 2u);
    EXPECT_EQ(layer.unknownSeverity, 1u);
    const auto& a = layer.records[0];
    EXPECT_EQ(a.accidentId, "1001");
    EXPECT_EQ(a.segmentId, "345289002");
    EXPECT_EQ(a.severity, Severity::Injury);
    EXPECT_NEAR(a.point->x, 173000, 1e-6);
    EXPECT_EQ(layer.records[1].year, 2018); // from DATUM_VKL
    EXPECT_EQ(layer.records[1].junctionId, "345289005");
    EXPECT_NEAR(layer.records[1].point->x, 173100.5, 1e-6);
    EXPECT_TRUE(layer.records[3].segmentId.empty()); // "NULL" is missing
}
