// The errors and warnings of the readers and checks below the command line speak the user's
// language (issue 12): Dutch by default, English with GEBIEDSCAN_LANG=en, never a mix. Each case
// is a row of the README's bad-input table, run through the built binary in both languages; the
// key words of one language must be there and those of the other not.
#include "app_test_support.hpp"
#include "gebiedscan_build_paths.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

using namespace gebiedscan::testing;
namespace fs = std::filesystem;

namespace {

struct BilingualCase {
    const char* name;
    const char* arguments; ///< after `gebiedscan`, run in the fixture folder
    int exitCode;
    const char* dutch;   ///< key words of the Dutch message
    const char* english; ///< the same in English
};

// Lon/lat in Assen, dated on days; the same with BRON-style year-only dates (jaar_vkl).
const char* const kRegistrations = "id,code,datum,lon,lat\n1,1.1.1,2024-05-01,6.5630,52.9930\n"
                                   "2,1.4.2,2024-06-02 23:10,6.5700,52.9960\n";
const char* const kYearsOnly = "id,code,jaar_vkl,lon,lat\n1,1.1.1,2023,6.5630,52.9930\n2,1.1.1,2023,6.5631,52.9931\n"
                               "3,1.1.1,2024,6.5632,52.9930\n4,1.4.2,2024,6.5700,52.9960\n";

const BilingualCase kCases[] = {
    {"MissingFile", "scan --incidents bestaat_niet.csv --areas gemeenten.geojson --out uit", 2,
     "kan 'bestaat_niet.csv' niet openen: bestand of map bestaat niet",
     "cannot open 'bestaat_niet.csv': no such file or folder"},
    {"WrongLayer",
     "scan --incidents reg.csv --assume-crs EPSG:4326 --areas gemeenten.gpkg --areas-layer wijken --out uit", 2,
     "'gemeenten.gpkg' heeft geen laag 'wijken' (lagen: gemeenten)",
     "'gemeenten.gpkg' has no layer 'wijken' (layers: gemeenten)"},
    {"WrongField",
     "scan --incidents reg.csv --assume-crs EPSG:4326 --areas gemeenten.geojson --category-field feitcode "
     "--out uit",
     2, "'reg.csv', laag 'reg' heeft geen veld 'feitcode' (velden:",
     "'reg.csv', layer 'reg' has no field 'feitcode' (fields:"},
    {"CsvWithoutCrs", "scan --incidents reg.csv --areas gemeenten.geojson --out uit", 2,
     "heeft geen coördinatenstelsel (CRS); de coördinaten lijken lengte-/breedtegraden: geef --assume-crs EPSG:4326",
     "has no coordinate reference system; its coordinates look like longitude/latitude: add --assume-crs EPSG:4326"},
    {"HeaderOnlyCsv",
     "scan --incidents alleen_kop.csv --assume-crs EPSG:4326 --areas gemeenten.geojson --year 2024 --out uit", 2,
     "geen registraties om te lezen (een bestand met alleen een kopregel",
     "no records to read (a file with only a header"},
    {"DuplicateAreaCodes", "scan --incidents reg.csv --assume-crs EPSG:4326 --areas dubbel.geojson --out uit", 2,
     "gebiedscode 'BU00000001' komt meer dan eens voor in veld 'BU_CODE'",
     "area code 'BU00000001' occurs more than once in field 'BU_CODE'"},
    {"ShapefileWithoutDbf", "scan --incidents reg.csv --assume-crs EPSG:4326 --areas zonder_dbf.shp --out uit", 2,
     "de Shapefile mist zonder_dbf.dbf", "the Shapefile lacks zonder_dbf.dbf"},
    {"StrictUnassigned",
     "scan --incidents reg.csv --assume-crs EPSG:28992 --areas gemeenten.geojson --strict --out uit", 2,
     "--strict: 2 van 2 registraties niet toegewezen", "--strict: 2 of 2 records were not assigned"},
    {"MisspeltModelKey",
     "scan --incidents reg.csv --assume-crs EPSG:4326 --areas gemeenten.geojson --model model.toml "
     "--out uit",
     2, "onbekende sleutel 'suppres_below' in [model] (bekend:", "unknown key 'suppres_below' in [model] (known:"},
    {"StringForABool", "scan project.toml", 2,
     "'strict': verwacht true of false (zonder aanhalingstekens), niet de tekst",
     "'strict': expected true or false (without quotes), not the text"},
    {"CountsAndIncidents",
     "scan --incidents reg.csv --counts reg.csv --assume-crs EPSG:4326 --areas gemeenten.geojson --out uit", 2,
     "--incidents en --counts allebei gegeven", "--incidents and --counts both given"},
    {"NearRepeatOnYears", "nearrepeat --incidents jaren.csv --assume-crs EPSG:4326 --out nr", 2,
     "veld 'jaar_vkl' geeft alleen jaren (elke datum is 1 januari van een heel jaar), dus geen near repeat",
     "field 'jaar_vkl' gives only years (every date is 1 January of a whole year), so no near repeat"},
    {"TrendsPerMonthOnYears",
     "trends --incidents jaren.csv --assume-crs EPSG:4326 --areas gemeenten.geojson --period month --out tr", 2,

     "veld 'jaar_vkl' geeft alleen jaren (elke datum is 1 januari van een heel jaar), dus geen trend per maand",
     "field 'jaar_vkl' gives only years (every date is 1 January of a whole year), so no trend per month"},
    {"FacilitiesDaysOnYears",
     "facilities --incidents jaren.csv --assume-crs EPSG:4326 --facilities reg.csv --facilities-crs EPSG:4326 "
     "--from 2023-03-01 --to 2024-12-31 --out fa",
     2,
     "veld 'jaar_vkl' geeft alleen jaren (elke datum is 1 januari van een heel jaar), dus kan --from/--to niet op "
     "dagen",
     "field 'jaar_vkl' gives only years (every date is 1 January of a whole year), so --from/--to cannot filter on "
     "days"},
    {"LondonInRdNew", "scan --incidents londen.csv --assume-crs EPSG:4326 --areas gemeenten.geojson --out uit", 0,
     "2 van 3 registraties liggen buiten het gebied waarvoor het werk-CRS bedoeld is",
     "2 of 3 registrations lie outside the area the working CRS is meant for"},
};

class BilingualErrors : public ::testing::TestWithParam<BilingualCase> {
protected:
    static void SetUpTestSuite()
    {
        s_dir = std::make_unique<TempDir>();
        const auto& d = *s_dir;
        fs::copy_file(drentheAreas(), d / "gemeenten.geojson");
        ogr2ogr(d / "gemeenten.gpkg", drentheAreas(), "-f GPKG -nln gemeenten");
        writeText(d / "reg.csv", kRegistrations);
        writeText(d / "jaren.csv", kYearsOnly);
        writeText(d / "alleen_kop.csv", "id,code,datum,lon,lat\n");
        writeText(d / "londen.csv", "id,code,datum,lon,lat\n1,1.1.1,2024-05-01,-0.1276,51.5072\n"
                                    "2,1.1.1,2024-05-01,-0.1300,51.5100\n3,1.1.1,2024-05-01,6.5630,52.9930\n");
        const std::string square = R"({"type":"Polygon","coordinates":[[[233000,557000],[234000,557000],)"
                                   R"([234000,558000],[233000,558000],[233000,557000]]]})";
        const std::string areas =
            R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},)"
            R"("features":[{"type":"Feature","properties":{"BU_CODE":"BU00000001"},"geometry":)" +
            square + R"(},{"type":"Feature","properties":{"BU_CODE":"BU00000001"},"geometry":)" + square + "}]}";
        writeText(d / "dubbel.geojson", areas);
        ogr2ogr(d / "zonder_dbf.shp", d / "gemeenten.geojson", "-f 'ESRI Shapefile'");
        fs::remove(d / "zonder_dbf.dbf");
        writeText(d / "model.toml", "[model]\nname = \"m\"\nsuppres_below = 10\n");
        writeText(d / "project.toml", "[scan]\nincidents = \"reg.csv\"\nassume_crs = \"EPSG:4326\"\n"
                                      "areas = \"gemeenten.geojson\"\nout = \"uit\"\nstrict = \"true\"\n");
    }
    static void TearDownTestSuite() { s_dir.reset(); }
    void SetUp() override
    {
        if (gebiedscanBinary().empty()) GTEST_SKIP() << "bin/gebiedscan is not built in " << GEBIEDSCAN_BINARY_DIR;
    }

    static std::string runIn(const std::string& language, const std::string& arguments, int& exitCode)
    {
        std::string log;
        exitCode = run("cd " + quote(s_dir->path()) + " && GEBIEDSCAN_LANG=" + language + " " +
                           quote(gebiedscanBinary()) + " " + arguments,
                       &log);
        return log;
    }

    static std::unique_ptr<TempDir> s_dir;
};

std::unique_ptr<TempDir> BilingualErrors::s_dir;

TEST_P(BilingualErrors, DutchByDefaultEnglishWithGebiedscanLangEn)
{
    const BilingualCase& c = GetParam();
    int exitCode = -1;
    const std::string dutch = runIn("nl", c.arguments, exitCode);
    EXPECT_EQ(exitCode, c.exitCode) << dutch;
    EXPECT_NE(dutch.find(c.dutch), std::string::npos) << dutch;
    EXPECT_EQ(dutch.find(c.english), std::string::npos) << dutch;

    const std::string english = runIn("en", c.arguments, exitCode);
    EXPECT_EQ(exitCode, c.exitCode) << english;
    EXPECT_NE(english.find(c.english), std::string::npos) << english;
    EXPECT_EQ(english.find(c.dutch), std::string::npos) << english;
}

INSTANTIATE_TEST_SUITE_P(ReadmeCases, BilingualErrors, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<BilingualCase>& caseInfo) { return caseInfo.param.name; });

} // namespace
