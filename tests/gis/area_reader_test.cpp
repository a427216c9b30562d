// readAreaLayer: CBS field names old and new, negative sentinels, repair of invalid polygons,
// duplicate codes, wrong names, Windows-1252 .dbf files, boundary points. C and nl_NL locales.
#include "gebiedscan/core/language.hpp"
#include "gis_test_support.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/point_locator.hpp"
#include "gebiedscan/gis/area_reader.hpp"

#include <gtest/gtest.h>

using namespace gebiedscan;
using namespace gebiedscan::testing;

namespace {

const char* const kRdCrs = R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}})";

std::string square(double x0, double y0, double size)
{
    const auto s = [](double v) { return std::to_string(static_cast<long long>(v)); };
    return R"({"type":"Polygon","coordinates":[[[)" + s(x0) + "," + s(y0) + "],[" + s(x0 + size) + "," + s(y0) + "],[" +
           s(x0 + size) + "," + s(y0 + size) + "],[" + s(x0) + "," + s(y0 + size) + "],[" + s(x0) + "," + s(y0) +
           "]]]}";
}

std::string feature(const std::string& properties, const std::string& geometry)
{
    return R"({"type":"Feature","properties":{)" + properties + R"(},"geometry":)" + geometry + "}";
}

std::string collection(const std::vector<std::string>& features)
{
    std::string out = R"({"type":"FeatureCollection",)" + std::string(kRdCrs) + R"(,"features":[)";
    for (std::size_t i = 0; i < features.size(); ++i) out += (i ? ",\n" : "\n") + features[i];
    return out + "]}";
}

// Two neighbouring 1 km squares in RD at the Amersfoort origin; the second buurt's population is
// secret (CBS -99997).
std::string cbsOld()
{
    return collection({feature(R"("BU_CODE":"BU00010001","BU_NAAM":"Centrum","WK_CODE":"WK000100","WK_NAAM":"Wijk 00",)"
                               R"("GM_CODE":"GM0001","GM_NAAM":"Testgemeente","AANT_INW":1234)",
                               square(155000, 463000, 1000)),
                       feature(R"("BU_CODE":"BU00010002","BU_NAAM":"Buiten","WK_CODE":"WK000100","WK_NAAM":"Wijk 00",)"
                               R"("GM_CODE":"GM0001","GM_NAAM":"Testgemeente","AANT_INW":-99997)",
                               square(156000, 463000, 1000))});
}

std::string cbsNew()
{
    return collection(
        {feature(R"("buurtcode":"BU00010001","buurtnaam":"Centrum","wijkcode":"WK000100","wijknaam":"Wijk 00",)"
                 R"("gemeentecode":"GM0001","gemeentenaam":"Testgemeente","aantal_inwoners":870)",
                 square(155000, 463000, 1000)),
         feature(R"("buurtcode":"BU00010002","buurtnaam":"Buiten","wijkcode":"WK000100","wijknaam":"Wijk 00",)"
                 R"("gemeentecode":"GM0001","gemeentenaam":"Testgemeente","aantal_inwoners":-99995)",
                 square(156000, 463000, 1000))});
}

void expectCbsLayer(const gis::AreaLayer& areas, double firstPopulation)
{
    EXPECT_EQ(areas.levelName, "buurt");
    ASSERT_EQ(areas.codes, (std::vector<std::string>{"BU00010001", "BU00010002"}));
    EXPECT_EQ(areas.names, (std::vector<std::string>{"Centrum", "Buiten"}));
    EXPECT_EQ(areas.parentLevelNames, (std::vector<std::string>{"wijk", "gemeente"}));
    ASSERT_EQ(areas.parentCodes.size(), 2u);
    EXPECT_EQ(areas.parentCodes[0], (std::vector<std::string>{"WK000100", "WK000100"}));
    EXPECT_EQ(areas.parentCodes[1], (std::vector<std::string>{"GM0001", "GM0001"}));
    EXPECT_EQ(areas.parentNames[1][0], "Testgemeente");
    ASSERT_EQ(areas.population.size(), 2u);
    ASSERT_TRUE(areas.population[0].has_value());
    EXPECT_DOUBLE_EQ(*areas.population[0], firstPopulation);
    EXPECT_FALSE(areas.population[1].has_value()) << "a CBS negative sentinel is a missing value, never a number";
    ASSERT_EQ(areas.geometries.size(), 2u);
    EXPECT_DOUBLE_EQ(areaOf(areas.geometries[0]), 1e6);
    const auto e = envelopeOf(areas.geometries[1]);
    EXPECT_DOUBLE_EQ(e.minX, 156000.0);
    EXPECT_DOUBLE_EQ(e.maxY, 464000.0);
    EXPECT_TRUE(areas.repairedCodes.empty());
}

class AreaReaderTest : public LocaleTest {
protected:
    TempDir m_dir;
    std::filesystem::path fixture(const std::string& name, const std::string& text)
    {
        const auto p = m_dir / name;
        writeText(p, text);
        return p;
    }
};

} // namespace

TEST(ParsePopulation, SentinelsAndGarbageAreMissing)
{
    EXPECT_EQ(gis::parsePopulation(std::string("1234")), 1234.0);
    EXPECT_EQ(gis::parsePopulation(std::string(" 0 ")), 0.0);
    EXPECT_FALSE(gis::parsePopulation(std::string("-99997")));
    EXPECT_FALSE(gis::parsePopulation(std::string("-99995")));
    EXPECT_FALSE(gis::parsePopulation(std::string("")));
    EXPECT_FALSE(gis::parsePopulation(std::nullopt));
    EXPECT_FALSE(gis::parsePopulation(std::string("1.234,5")));
    EXPECT_FALSE(gis::parsePopulation(std::string("veel")));
}

TEST_P(AreaReaderTest, CbsOldUppercaseFieldsInGeoJsonGeoPackageAndShapefile)
{
    const auto json = fixture("buurten_oud.geojson", cbsOld());
    expectCbsLayer(gis::readAreaLayer(source(json.string()), {}, "EPSG:28992"), 1234.0);

    const auto gpkg = m_dir / "buurten_oud.gpkg";
    ogr2ogr(gpkg, json, "-f GPKG -nln buurten");
    expectCbsLayer(gis::readAreaLayer(source(gpkg.string(), "buurten"), {}, "EPSG:28992"), 1234.0);

    const auto shp = m_dir / "buurten_oud.shp";
    ogr2ogr(shp, json, "-f 'ESRI Shapefile'");
    expectCbsLayer(gis::readAreaLayer(source(shp.string()), {}, "EPSG:28992"), 1234.0);
}

TEST_P(AreaReaderTest, CbsNewLowercaseFieldsWithoutConfiguration)
{
    const auto gpkg = m_dir / "wijkenbuurten.gpkg";
    ogr2ogr(gpkg, fixture("buurten_nieuw.geojson", cbsNew()), "-f GPKG -nln buurten");
    const auto areas = gis::readAreaLayer(source(gpkg.string(), "buurten"), {}, "EPSG:28992");
    EXPECT_EQ(areas.fields.code, "buurtcode");
    EXPECT_EQ(areas.fields.population, "aantal_inwoners");
    expectCbsLayer(areas, 870.0);
}

TEST_P(AreaReaderTest, AreasInWgs84AreTransformedToRd)
{
    const auto json = fixture("buurten_oud.geojson", cbsOld());
    const auto wgs = m_dir / "buurten_wgs84.geojson";
    ogr2ogr(wgs, json, "-f GeoJSON -t_srs EPSG:4326 -lco COORDINATE_PRECISION=10");
    const auto areas = gis::readAreaLayer(source(wgs.string()), {}, "EPSG:28992");
    ASSERT_EQ(areas.codes.size(), 2u);
    const auto e = envelopeOf(areas.geometries[0]);
    // The same PROJ pipeline back and forth: millimetres.
    EXPECT_NEAR(e.minX, 155000.0, 0.01);
    EXPECT_NEAR(e.maxX, 156000.0, 0.01);
    EXPECT_NEAR(e.minY, 463000.0, 0.01);
    EXPECT_NEAR(areaOf(areas.geometries[0]), 1e6, 1.0);
}

TEST_P(AreaReaderTest, ConfiguredFieldsAndGenericCodeField)
{
    const auto json =
        fixture("gebieden.geojson",
                collection({feature(R"("statcode":"GM0106","statnaam":"Assen","inw":"68599")", square(0, 0, 10)),
                            feature(R"("statcode":"GM0109","statnaam":"Coevorden","inw":"")", square(10, 0, 10))}));
    gis::AreaFields fields;
    fields.population = "inw";
    const auto areas = gis::readAreaLayer(source(json.string()), fields, "EPSG:28992");
    EXPECT_EQ(areas.fields.code, "statcode");
    EXPECT_EQ(areas.levelName, "gemeente"); // from the GM prefix of every code
    EXPECT_EQ(areas.names[1], "Coevorden");
    EXPECT_EQ(areas.population[0], 68599.0);
    EXPECT_FALSE(areas.population[1]);
}

TEST_P(AreaReaderTest, SelfIntersectingBowTieIsRepairedAndReported)
{
    // A bow-tie: the ring crosses itself at (5,5). MakeValid keeps both lobes, 25 m2 each.
    const std::string bowTie = R"({"type":"Polygon","coordinates":[[[0,0],[10,10],[10,0],[0,10],[0,0]]]})";
    const auto json =
        fixture("strik.geojson",
                collection({feature(R"("code":"A")", square(20, 0, 10)), feature(R"("code":"STRIK")", bowTie)}));
    const auto areas = gis::readAreaLayer(source(json.string()), {}, "EPSG:28992");
    ASSERT_EQ(areas.codes.size(), 2u);
    EXPECT_EQ(areas.repairedCodes, (std::vector<std::string>{"STRIK"}));
    const auto& g = areas.geometries[1];
    EXPECT_EQ(g.size(), 2u);
    EXPECT_NEAR(areaOf(g), 50.0, 1e-9);
    EXPECT_TRUE(containsPoint(g, {2, 5}));  // left lobe
    EXPECT_TRUE(containsPoint(g, {8, 5}));  // right lobe
    EXPECT_FALSE(containsPoint(g, {5, 2})); // the pinched-off bottom triangle
    EXPECT_FALSE(containsPoint(g, {5, 8}));
}

TEST_P(AreaReaderTest, BoundaryPointsGoToExactlyOneArea)
{
    const auto json = fixture("buurten_oud.geojson", cbsOld());
    const auto areas = gis::readAreaLayer(source(json.string()), {}, "EPSG:28992");
    const PointLocator locator(areas.geometries);
    for (const PointRd p : {PointRd{156000, 463500}, PointRd{156000, 463000}, PointRd{156000, 464000},
                            PointRd{155500, 463000}, PointRd{155500, 464000}}) {
        const int inA = containsPoint(areas.geometries[0], p);
        const int inB = containsPoint(areas.geometries[1], p);
        EXPECT_LE(inA + inB, 1) << p.x << "," << p.y;
        const auto located = locator.locate(p);
        if (inA + inB == 1)
            EXPECT_EQ(located, inA ? 0 : 1) << p.x << "," << p.y;
        else
            EXPECT_EQ(located, PointLocator::kOutside) << p.x << "," << p.y;
    }
    // The shared edge itself belongs to exactly one side.
    EXPECT_EQ(
        containsPoint(areas.geometries[0], {156000, 463500}) + containsPoint(areas.geometries[1], {156000, 463500}), 1);
}

TEST_P(AreaReaderTest, DuplicateCodesEmptyCodesAndNonPolygonsAreErrors)
{
    // The English texts (GEBIEDSCAN_LANG=en); the Dutch ones are checked in BilingualErrors (test_app).
    const ScopedTextLanguage english(TextLanguage::English);
    const auto dup =
        fixture("dubbel.geojson",
                collection({feature(R"("code":"A")", square(0, 0, 10)), feature(R"("code":"A")", square(10, 0, 10))}));
    try {
        (void)gis::readAreaLayer(source(dup.string()), {}, "EPSG:28992");
        FAIL();
    } catch (const InputError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("dubbel.geojson"), std::string::npos) << msg;
        EXPECT_NE(msg.find("area code 'A' occurs more than once in field 'code'"), std::string::npos) << msg;
    }
    const auto empty =
        fixture("leeg.geojson",
                collection({feature(R"("code":"A")", square(0, 0, 10)), feature(R"("code":"")", square(10, 0, 10))}));
    try {
        (void)gis::readAreaLayer(source(empty.string()), {}, "EPSG:28992");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("row 2: empty area code"), std::string::npos) << e.what();
    }
    const auto points =
        fixture("punten.geojson", collection({feature(R"("code":"A")", R"({"type":"Point","coordinates":[1,2]})")}));
    try {
        (void)gis::readAreaLayer(source(points.string()), {}, "EPSG:28992");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("not polygons"), std::string::npos) << e.what();
    }
    const auto nogeom = fixture("zonder.geojson", collection({feature(R"("code":"A")", "null")}));
    try {
        (void)gis::readAreaLayer(source(nogeom.string()), {}, "EPSG:28992");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("(area 'A'): no usable polygon geometry"), std::string::npos) << e.what();
    }
    const auto none = fixture("niets.geojson", collection({}));
    EXPECT_THROW((void)gis::readAreaLayer(source(none.string()), {}, "EPSG:28992"), InputError);
}

TEST_P(AreaReaderTest, WrongLayerOrFieldNamesAreNamedInTheMessage)
{
    // The English texts (GEBIEDSCAN_LANG=en); the Dutch ones are checked in BilingualErrors (test_app).
    const ScopedTextLanguage english(TextLanguage::English);
    const auto gpkg = m_dir / "wijkenbuurten.gpkg";
    ogr2ogr(gpkg, fixture("buurten_oud.geojson", cbsOld()), "-f GPKG -nln buurten");
    try {
        (void)gis::readAreaLayer(source(gpkg.string(), "wijken"), {}, "EPSG:28992");
        FAIL();
    } catch (const InputError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("wijkenbuurten.gpkg"), std::string::npos) << msg;
        EXPECT_NE(msg.find("no layer 'wijken' (layers: buurten)"), std::string::npos) << msg;
    }
    std::vector<std::pair<std::string, gis::AreaFields>> wrong(4);
    wrong[0].first = "code";
    wrong[0].second.code = "BUURTCODE_X";
    wrong[1].first = "name";
    wrong[1].second.name = "NAAM_X";
    wrong[2].first = "population";
    wrong[2].second.population = "INW_X";
    wrong[3].first = "parent";
    wrong[3].second.parentCodes = {"WIJK_X"};
    for (const auto& [role, fields] : wrong) {
        try {
            (void)gis::readAreaLayer(source(gpkg.string(), "buurten"), fields, "EPSG:28992");
            FAIL() << role;
        } catch (const InputError& e) {
            const std::string msg = e.what();
            EXPECT_NE(msg.find("wijkenbuurten.gpkg', layer 'buurten'"), std::string::npos) << role << ": " << msg;
            EXPECT_NE(msg.find("has no field '"), std::string::npos) << role << ": " << msg;
            EXPECT_NE(msg.find("_X'"), std::string::npos) << role << ": " << msg;
        }
    }
    // No code field to detect at all.
    const auto anon = fixture("anoniem.geojson", collection({feature(R"("omschrijving":"x")", square(0, 0, 10))}));
    try {
        (void)gis::readAreaLayer(source(anon.string()), {}, "EPSG:28992");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("--area-code-field"), std::string::npos) << e.what();
    }
}

// A Windows-1252 .dbf as ArcGIS and older CBS downloads produce it. "’" (0x92) and "€" (0x80)
// are where Windows-1252 and ISO-8859-1 differ; "é" (0xE9) is the same in both.
TEST_P(AreaReaderTest, Windows1252DbfWithAndWithoutCpg)
{
    const std::string name = "Caf\xC3\xA9 \xE2\x80\x99t Hoekje \xE2\x82\xAC"; // "Café ’t Hoekje €" in UTF-8
    const auto json =
        fixture("cp1252.geojson",
                collection({feature(R"("BU_CODE":"BU00010001","BU_NAAM":")" + name + R"(")", square(0, 0, 10))}));
    const auto shp = m_dir / "cp1252.shp";
    ogr2ogr(shp, json, "-f 'ESRI Shapefile' -lco ENCODING=CP1252");
    ASSERT_NE(readText(m_dir / "cp1252.dbf").find("Caf\xE9 \x92t Hoekje \x80"), std::string::npos)
        << "the fixture .dbf must hold Windows-1252 bytes";
    EXPECT_EQ(readText(m_dir / "cp1252.cpg"), "CP1252");

    // With the .cpg GDAL recodes to UTF-8.
    auto areas = gis::readAreaLayer(source(shp.string()), {}, "EPSG:28992");
    EXPECT_EQ(areas.names.at(0), name);

    // Without .cpg (and with language driver id 0 in the .dbf header, as here) GDAL 3.6 does no
    // recoding and hands over the raw bytes, which are not UTF-8. The reader then decodes them as
    // Windows-1252, the encoding of Dutch Windows exports, so names stay readable and every
    // output (GeoPackage, GeoJSON, summary.json) stays valid UTF-8.
    std::filesystem::remove(m_dir / "cp1252.cpg");
    ASSERT_EQ(readText(m_dir / "cp1252.dbf").at(29), '\0') << "fixture: LDID must be 0";
    areas = gis::readAreaLayer(source(shp.string()), {}, "EPSG:28992");
    EXPECT_TRUE(isValidUtf8(areas.names.at(0)));
    EXPECT_EQ(areas.names.at(0), name);

    // A UTF-8 .dbf without .cpg (QGIS without the sidecar) stays as it is.
    const auto utf = m_dir / "utf8.shp";
    ogr2ogr(utf, json, "-f 'ESRI Shapefile' -lco ENCODING=UTF-8");
    std::filesystem::remove(m_dir / "utf8.cpg");
    areas = gis::readAreaLayer(source(utf.string()), {}, "EPSG:28992");
    EXPECT_EQ(areas.names.at(0), name);
}

GEBIEDSCAN_LOCALE_SUITE(AreaReaderTest);
