// VectorReader against a real PostgreSQL + PostGIS server. Skipped unless GEBIEDSCAN_TEST_PG
// holds a GDAL connection string ("PG:dbname=gebiedscan_test"; scripts/test.sh starts the server
// and sets it). Each test loads its tables with GDAL's ogr2ogr into a schema of its own, so
// concurrent runs do not meet, and drops the schema afterwards.
#include "gebiedscan/core/language.hpp"
#include "gis_test_support.hpp"
#include "postgis_support.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/area_reader.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace gebiedscan;
using namespace gebiedscan::testing;

namespace {

const char* const kAreas =
    R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[
{"type":"Feature","properties":{"BU_CODE":"BU00010001","BU_NAAM":"Centrum","GM_CODE":"GM0001","AANT_INW":1234},
 "geometry":{"type":"Polygon","coordinates":[[[155000,463000],[156000,463000],[156000,464000],[155000,464000],[155000,463000]]]}},
{"type":"Feature","properties":{"BU_CODE":"BU00010002","BU_NAAM":"Buiten","GM_CODE":"GM0001","AANT_INW":-99997},
 "geometry":{"type":"Polygon","coordinates":[[[156000,463000],[157000,463000],[157000,464000],[156000,464000],[156000,463000]]]}}]})";

const char* const kPoints = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"code":"1.1.1","datum":"2023-05-01T13:45:00"},"geometry":{"type":"Point","coordinates":[5.38720621,52.15517440]}},
{"type":"Feature","properties":{"code":"1.4.2","datum":"2023-06-02T00:00:00"},"geometry":{"type":"Point","coordinates":[5.40,52.16]}},
{"type":"Feature","properties":{"code":"9.9.9","datum":null},"geometry":null}]})";

} // namespace

class PostGisTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!m_db.available()) GTEST_SKIP() << PostGisDatabase::skipReason();
        ASSERT_TRUE(m_db.createSchema()) << m_db.lastLog();
        writeText(m_dir / "areas.geojson", kAreas);
        writeText(m_dir / "points.geojson", kPoints);
        ASSERT_TRUE(m_db.load(m_dir / "areas.geojson", "buurten")) << m_db.lastLog();
        ASSERT_TRUE(m_db.load(m_dir / "points.geojson", "registraties")) << m_db.lastLog();
    }

    PostGisDatabase m_db;
    TempDir m_dir;
};

TEST_F(PostGisTest, ReadsPointsInLonLatTransformedToRd)
{
    gis::SourceSpec spec = source(m_db.connection(), m_db.table("registraties"));
    gis::VectorReader reader(spec);
    EXPECT_EQ(reader.sourceCrs(), "EPSG:4326");
    EXPECT_EQ(reader.featureCount().value_or(-1), 3);
    reader.selectFields({"code", "datum"});
    std::vector<gis::Feature> rows;
    gis::Feature f;
    while (reader.next(f)) rows.push_back(f);
    ASSERT_EQ(rows.size(), 3u);
    // ogr2ogr keeps the GeoJSON order; sort by code to be independent of it anyway.
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.values[0] < b.values[0]; });
    EXPECT_EQ(rows[0].values[0].value_or("?"), "1.1.1");
    EXPECT_EQ(rows[0].values[1].value_or("?").substr(0, 10), "2023-05-01");
    ASSERT_EQ(rows[0].geometry.kind, gis::FeatureGeometry::Kind::Point);
    EXPECT_NEAR(rows[0].geometry.points[0].x, 155000.0, 2.0);
    EXPECT_NEAR(rows[0].geometry.points[0].y, 463000.0, 2.0);
    EXPECT_EQ(rows[2].geometry.kind, gis::FeatureGeometry::Kind::None);
    EXPECT_FALSE(rows[2].values[1].has_value());
}

TEST_F(PostGisTest, ReadsAreasWithCbsFieldsAndSentinels)
{
    const auto areas = gis::readAreaLayer(source(m_db.connection(), m_db.table("buurten")), {}, "EPSG:28992");
    ASSERT_EQ(areas.codes.size(), 2u);
    std::vector<std::size_t> order{0, 1};
    if (areas.codes[0] != "BU00010001") std::swap(order[0], order[1]);
    EXPECT_EQ(areas.codes[order[0]], "BU00010001");
    EXPECT_EQ(areas.names[order[1]], "Buiten");
    EXPECT_EQ(areas.population[order[0]], 1234.0);
    EXPECT_FALSE(areas.population[order[1]].has_value());
    EXPECT_DOUBLE_EQ(areaOf(areas.geometries[order[0]]), 1e6);
    EXPECT_EQ(areas.parentLevelNames, (std::vector<std::string>{"gemeente"}));
}

TEST_F(PostGisTest, WrongLayerNamesTheDatabaseAndTheLayerButNotThePassword)
{
    // The English texts (GEBIEDSCAN_LANG=en); the Dutch ones are checked in BilingualErrors (test_app).
    const ScopedTextLanguage english(TextLanguage::English);
    try {
        gis::VectorReader reader(source(m_db.connection(), m_db.table("bestaat_niet")));
        FAIL();
    } catch (const InputError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("PostGIS database"), std::string::npos) << msg;
        EXPECT_NE(msg.find("no layer '" + m_db.table("bestaat_niet") + "'"), std::string::npos) << msg;
        EXPECT_EQ(msg.find("dbname="), std::string::npos) << "connection strings may hold passwords: " << msg;
    }
    // A server that is not there: a clear error, no hang.
    EXPECT_THROW(gis::VectorReader(source("PG:host=127.0.0.1 port=1 dbname=x connect_timeout=2", "t")), InputError);
}

TEST_F(PostGisTest, LayerNamesAndFiltersCannotInjectSql)
{
    // Names reach OGR's PostgreSQL driver, which quotes identifiers; a filter is a WHERE clause by
    // design, but must not be able to end the statement and run another.
    const std::string victim = m_db.table("buurten");
    EXPECT_THROW(gis::VectorReader(source(m_db.connection(), victim + "; DROP TABLE " + victim + "; --")), InputError);
    EXPECT_THROW(
        gis::VectorReader(source(m_db.connection(), victim + "\"; DROP TABLE \"" + m_db.schema() + "\".\"buurten")),
        InputError);
    gis::SourceSpec spec = source(m_db.connection(), m_db.table("registraties"));
    spec.attributeFilter = "1=1; DROP TABLE " + victim + "; --";
    try {
        gis::VectorReader reader(spec);
        gis::Feature f;
        while (reader.next(f)) {}
    } catch (const InputError&) {}
    EXPECT_EQ(m_db.query("SELECT count(*) FROM " + victim), "2") << "the areas table must survive: " << m_db.lastLog();
}

TEST_F(PostGisTest, FiltersWithSideEffectsCannotReadServerFilesOrWrite)
{
    // A project file's filter reaches the server as a WHERE clause. Read through a role without
    // superuser rights (scripts/test.sh), functions that read server files, write files or keep
    // large objects fail: nothing is written, nothing is read, the scan stops with an error.
    if (!m_db.readsAsReader()) GTEST_SKIP() << "GEBIEDSCAN_TEST_PG_READER is not set (scripts/test.sh sets it)";
    const auto target = std::filesystem::temp_directory_path() / ("gebiedscan_lo_export_" + m_db.schema());
    std::filesystem::remove(target);
    for (const std::string& filter :
         std::vector<std::string>{"length(pg_read_file('/etc/passwd')) > 0",
                                  "lo_export(lo_from_bytea(0, 'x'), '" + target.string() + "') = 1",
                                  "lo_from_bytea(0, 'x') > 0", "pg_ls_dir('/') IS NOT NULL"}) {
        gis::SourceSpec spec = source(m_db.connection(), m_db.table("registraties"));
        spec.attributeFilter = filter;
        std::size_t read = 0;
        EXPECT_THROW(
            {
                gis::VectorReader reader(spec);
                gis::Feature f;
                while (reader.next(f)) ++read;
            },
            InputError)
            << filter;
        EXPECT_EQ(read, 0u) << filter;
    }
    EXPECT_FALSE(std::filesystem::exists(target)) << "lo_export wrote a server file";
    // A condition on the layer's own fields still works, on the server.
    gis::SourceSpec spec = source(m_db.connection(), m_db.table("registraties"));
    spec.attributeFilter = "code LIKE '1.%' AND (datum IS NOT NULL OR code IN ('9.9.9'))";
    gis::VectorReader reader(spec);
    std::size_t read = 0;
    gis::Feature f;
    while (reader.next(f)) ++read;
    EXPECT_EQ(read, 2u);
    EXPECT_EQ(m_db.query("SELECT count(*) FROM pg_largeobject_metadata"), "0") << "a large object was kept";
}
