// Area codes as a reader of the table would see them (issue 18): a code of blanks is as empty
// as NULL, padding is trimmed, codes differing only in case are refused, a Shapefile without its
// .dbf or .shx says so, and two columns of one name are an error naming them.
#include "gebiedscan/core/language.hpp"
#include "gis_test_support.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/area_reader.hpp"

#include <gtest/gtest.h>

using namespace gebiedscan;
using namespace gebiedscan::testing;
namespace fs = std::filesystem;

namespace {

std::string layerOf(const std::vector<std::string>& properties)
{
    std::string out =
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[)";
    for (std::size_t i = 0; i < properties.size(); ++i) {
        const auto x = std::to_string(i * 10);
        const auto x1 = std::to_string(i * 10 + 10);
        out += (i ? "," : "") + std::string(R"({"type":"Feature","properties":{)") + properties[i] +
               R"(},"geometry":{"type":"Polygon","coordinates":[[[)" + x + ",0],[" + x1 + ",0],[" + x1 + ",10],[" + x +
               ",10],[" + x + ",0]]]}}";
    }
    return out + "]}";
}

std::string errorReading(const fs::path& file, const gis::AreaFields& fields = {})
{
    gis::SourceSpec s;
    s.path = file.string();
    try {
        (void)gis::readAreaLayer(s, fields, "EPSG:28992");
    } catch (const InputError& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST(AreaCodes, ABlankCodeIsRefusedLikeNull)
{
    // The English texts (GEBIEDSCAN_LANG=en); the Dutch ones are checked in BilingualErrors (test_app).
    const ScopedTextLanguage english(TextLanguage::English);
    TempDir dir;
    writeText(dir / "blank.geojson", layerOf({R"("BU_CODE":"BU01")", R"("BU_CODE":"   ")"}));
    EXPECT_NE(errorReading(dir / "blank.geojson").find("row 2: empty area code in field 'BU_CODE'"), std::string::npos)
        << errorReading(dir / "blank.geojson");
}

TEST(AreaCodes, CodesAreTrimmedAndCodesDifferingOnlyInCaseAreRefused)
{
    TempDir dir;
    writeText(dir / "padded.geojson",
              layerOf({R"("BU_CODE":" BU01\t", "WK_CODE":" WK1 ")", R"("BU_CODE":"BU02", "WK_CODE":"WK1")"}));
    gis::SourceSpec s;
    s.path = (dir / "padded.geojson").string();
    const auto layer = gis::readAreaLayer(s, {}, "EPSG:28992");
    EXPECT_EQ(layer.codes, (std::vector<std::string>{"BU01", "BU02"}));
    ASSERT_EQ(layer.parentCodes.size(), 1U);
    EXPECT_EQ(layer.parentCodes[0], (std::vector<std::string>{"WK1", "WK1"}));

    writeText(dir / "case.geojson", layerOf({R"("BU_CODE":"BU01")", R"("BU_CODE":"bu01")"}));
    const auto message = errorReading(dir / "case.geojson");
    EXPECT_NE(message.find("'BU01' en 'bu01' verschillen alleen in hoofdletters"), std::string::npos) << message;
}

TEST(AreaCodes, AShapefileWithoutItsDbfOrShxNamesThePart)
{
    TempDir dir;
    writeText(dir / "b.geojson", layerOf({R"("BU_CODE":"BU01")", R"("BU_CODE":"BU02")"}));
    ogr2ogr(dir / "buurten.shp", dir / "b.geojson", "-f 'ESRI Shapefile'");
    EXPECT_EQ(errorReading(dir / "buurten.shp"), "");
    fs::rename(dir / "buurten.dbf", dir / "weg.dbf");
    auto message = errorReading(dir / "buurten.shp");
    EXPECT_NE(message.find("de Shapefile mist buurten.dbf"), std::string::npos) << message;
    fs::rename(dir / "buurten.shx", dir / "weg.shx");
    message = errorReading(dir / "buurten.shp");
    EXPECT_NE(message.find("de Shapefile mist buurten.dbf en buurten.shx"), std::string::npos) << message;
}

TEST(AreaCodes, NoCodeFieldNamesTheOptionOnlyWhenTheCommandHasIt)
{
    // The English texts (GEBIEDSCAN_LANG=en); the Dutch ones are checked in BilingualErrors (test_app).
    const ScopedTextLanguage english(TextLanguage::English);
    TempDir dir;
    writeText(dir / "geen.geojson", layerOf({R"("omschrijving":"a")", R"("omschrijving":"b")"}));
    EXPECT_NE(errorReading(dir / "geen.geojson").find("name it with --area-code-field"), std::string::npos);
    gis::AreaFields synth;
    synth.codeFieldOption.clear();
    const auto message = errorReading(dir / "geen.geojson", synth);
    EXPECT_EQ(message.find("--area-code-field"), std::string::npos) << message;
    EXPECT_NE(message.find("rename the field to one of these"), std::string::npos) << message;
}

TEST(AreaCodes, TwoColumnsOfOneNameAreAnErrorNamingThem)
{
    TempDir dir;
    writeText(dir / "dubbel.csv", "code,naam,code\nA,x,B\n");
    gis::SourceSpec s;
    s.path = (dir / "dubbel.csv").string();
    gis::VectorReader reader(s);
    try {
        reader.selectFields({"code"});
        FAIL() << "two fields named 'code' must be an error";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("2 velden heten 'code' (kolommen 1 en 3)"), std::string::npos) << e.what();
    }
}
