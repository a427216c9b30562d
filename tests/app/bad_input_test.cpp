// Bad input, clear answers (issue 7): each row of the README's bad-input table is a case here, run through
// the built binary as a user would (relative paths, from the folder holding the files). With
// GEBIEDSCAN_BAD_INPUT_TABLE=FILE set, the cases append their real output as Markdown rows, which
// is how the README's bad-input table was made.
#include "app_test_support.hpp"
#include "gebiedscan_build_paths.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace gebiedscan;
using namespace gebiedscan::testing;
namespace fs = std::filesystem;

namespace {

const char* const kRd = R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}})";

std::string areasJson(const std::vector<std::pair<std::string, std::string>>& codeAndGeometry,
                      const std::string& nameField = "")
{
    std::string out = R"({"type":"FeatureCollection",)" + std::string(kRd) + R"(,"features":[)";
    for (std::size_t i = 0; i < codeAndGeometry.size(); ++i)
        out += (i ? "," : "") + std::string(R"({"type":"Feature","properties":{"BU_CODE":")") +
               codeAndGeometry[i].first + "\"" + nameField + R"(},"geometry":)" + codeAndGeometry[i].second + "}";
    return out + "]}";
}

const char* const kSquare =
    R"({"type":"Polygon","coordinates":[[[233000,557000],[234000,557000],[234000,558000],[233000,558000],[233000,557000]]]})";
const char* const kSquare2 =
    R"({"type":"Polygon","coordinates":[[[234000,557000],[235000,557000],[235000,558000],[234000,558000],[234000,557000]]]})";
const char* const kBowTie =
    R"({"type":"Polygon","coordinates":[[[233000,558000],[234000,559000],[234000,558000],[233000,559000],[233000,558000]]]})";

class BadInput : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = std::make_unique<TempDir>();
        const auto& d = *s_dir;
        fs::copy_file(drentheAreas(), d / "gemeenten.geojson");
        ogr2ogr(d / "gemeenten.gpkg", drentheAreas(), "-f GPKG -nln gemeenten");
        // Two registrations in Assen (lon/lat), the good case everything else varies.
        writeText(d / "registraties.csv",
                  "id,code,omschrijving,datum,lon,lat\n1,1.1.1,Woninginbraak,2024-05-01,6.5630,52.9930\n"
                  "2,1.4.2,Mishandeling,2024-06-02 23:10,6.5700,52.9960\n");
        writeText(d / "op_nul.csv", "id,code,datum,x,y\n1,1.1.1,2024-05-01,0,0\n2,1.4.2,2024-06-02,0,0\n");
        writeText(d / "datums.csv",
                  "id,code,datum,lon,lat\n1,1.1.1,2024-05-01,6.5630,52.9930\n2,1.1.1,01-05-2024,6.5630,52.9930\n"
                  "3,1.1.1,1-5-2024 13:45,6.5630,52.9930\n4,1.1.1,2024/05/01,6.5630,52.9930\n"
                  "5,1.1.1,1 mei 2024,6.5630,52.9930\n6,1.1.1,20240501,6.5630,52.9930\n"
                  "7,1.1.1,31-02-2024,6.5630,52.9930\n8,1.1.1,2024-05-01T13:45:00Z,6.5630,52.9930\n");
        writeText(d / "rommel.csv", "id,code,datum,lon,lat\n1,1.1.1,2024-05-01,6.5630,52.9930\n2,1.1.1,2024-05-01\n"
                                    "3,1.1.1,2024-05-01,zes,52.99\n4,1.1.1,2024-05-01,6.5630,52.9930,extra,kolommen\n"
                                    "\x01\x02\xff\xfe garbage\n\n6,\"1.1.1,2024-05-01,6.56,52.99\n");
        std::string openQuote = "id,code,datum,lon,lat\n";
        for (int i = 1; i <= 20; ++i)
            openQuote += i == 4 ? "4,\"1.1.1,2024-05-01,6.5630,52.9930\n"
                                : std::to_string(i) + ",1.1.1,2024-05-01,6.5630,52.9930\n";
        writeText(d / "open_quote.csv", openQuote);
        writeText(
            d / "cp1252.csv",
            "id,code,omschrijving,datum,lon,lat\n1,9.9.9,Overlast caf\xE9 \x92t Hoekje,2024-05-01,6.5630,52.9930\n");
        writeText(d / "strik.geojson", areasJson({{"BU00000001", kSquare}, {"STRIK", kBowTie}}));
        writeText(d / "dubbel.geojson", areasJson({{"BU00000001", kSquare}, {"BU00000001", kSquare2}}));
        writeText(d / "leeg.geojson",
                  areasJson({{"BU00000001", kSquare}, {"BU00000002", R"({"type":"Polygon","coordinates":[]})"}}));
        const std::string name = R"(,"BU_NAAM":"Caf)"
                                 "\xC3\xA9"
                                 R"( )"
                                 "\xE2\x80\x99"
                                 R"(t Hoekje")";
        writeText(d / "namen.geojson", areasJson({{"BU00000001", kSquare}}, name));
        ogr2ogr(d / "cp1252_met_cpg.shp", d / "namen.geojson", "-f 'ESRI Shapefile' -lco ENCODING=CP1252");
        ogr2ogr(d / "cp1252_zonder_cpg.shp", d / "namen.geojson", "-f 'ESRI Shapefile' -lco ENCODING=CP1252");
        fs::remove(d / "cp1252_zonder_cpg.cpg");
        ogr2ogr(d / "zonder_prj.shp", d / "namen.geojson", "-f 'ESRI Shapefile'");
        fs::remove(d / "zonder_prj.prj");
        ogr2ogr(d / "registraties.gpkg", d / "registraties.csv",
                "-f GPKG -a_srs EPSG:4326 -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -nln registraties");
        fs::copy_file(d / "registraties.gpkg", d / "afgebroken.gpkg");
        fs::resize_file(d / "afgebroken.gpkg", fs::file_size(d / "afgebroken.gpkg") / 3);
        writeText(d / "model.toml", "[model]\nname = \"kapot\"\nsuppress_below = 5\n[[theme]\nid = \"x\"\n");
    }
    static void TearDownTestSuite() { s_dir.reset(); }
    void SetUp() override
    {
        if (gebiedscanBinary().empty()) GTEST_SKIP() << "bin/gebiedscan is not built in " << GEBIEDSCAN_BINARY_DIR;
    }

    // Runs `gebiedscan scan ARGS` in the fixture folder; checks the exit code and that one output
    // line contains `expected`; returns that line. Records a table row when asked to.
    std::string expectRun(const std::string& tried, const std::string& args, int rc, const std::string& expected)
    {
        std::string log;
        const int got = run("cd " + quote(s_dir->path()) + " && " + quote(gebiedscanBinary()) + " scan " + args, &log);
        EXPECT_EQ(got, rc) << log;
        std::string line;
        std::istringstream lines(log);
        std::string l;
        while (std::getline(lines, l))
            if (l.find(expected) != std::string::npos) {
                line = l;
                break;
            }
        EXPECT_FALSE(line.empty()) << "expected '" << expected << "' in:\n" << log;
        if (const char* table = std::getenv("GEBIEDSCAN_BAD_INPUT_TABLE")) {
            const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
            std::ofstream os(table, std::ios::app);
            std::string shown = line;
            for (std::size_t p; (p = shown.find('|')) != std::string::npos;) shown.replace(p, 1, "\\|");
            os << "| " << tried << " | `" << shown << "` | " << got << " | `" << info->test_suite_name() << "."
               << info->name() << "` |\n";
        }
        return line;
    }

    static std::unique_ptr<TempDir> s_dir;
};

std::unique_ptr<TempDir> BadInput::s_dir;

const std::string kGood = "--incidents registraties.csv --assume-crs EPSG:4326 --year 2024 ";

} // namespace

TEST_F(BadInput, MissingFile)
{
    expectRun("incidents file that does not exist", "--incidents bestaat_niet.csv --areas gemeenten.geojson --out uit",
              2, "kan 'bestaat_niet.csv' niet openen: bestand of map bestaat niet");
    EXPECT_FALSE(fs::exists(*s_dir / "uit"));
}

TEST_F(BadInput, WrongLayerName)
{
    expectRun("wrong layer name (`--areas-layer wijken`)",
              kGood + "--areas gemeenten.gpkg --areas-layer wijken --out uit", 2,
              "heeft geen laag 'wijken' (lagen: gemeenten)");
}

TEST_F(BadInput, WrongIncidentField)
{
    expectRun("wrong field name (`--category-field feitcode`)",
              kGood + "--areas gemeenten.geojson --category-field feitcode --out uit", 2,
              "heeft geen veld 'feitcode' (velden: id, code, omschrijving, datum, lon, lat)");
}

TEST_F(BadInput, WrongAreaField)
{
    expectRun("wrong area field (`--area-code-field BU_CODE` on a gemeente layer)",
              kGood + "--areas gemeenten.geojson --area-code-field BU_CODE --out uit", 2, "heeft geen veld 'BU_CODE'");
}

TEST_F(BadInput, CsvWithoutCrs)
{
    expectRun("CSV with lon/lat and no `--assume-crs` (a CSV has no CRS)",
              "--incidents registraties.csv --areas gemeenten.geojson --out uit", 2,
              "heeft geen coördinatenstelsel (CRS)");
}

TEST_F(BadInput, ShapefileWithoutPrj)
{
    expectRun("areas Shapefile without `.prj`",
              "--incidents registraties.gpkg --year 2024 --areas zonder_prj.shp --out uit", 2,
              "'zonder_prj.shp', laag 'zonder_prj' heeft geen coördinatenstelsel (CRS); geef --assume-crs EPSG:28992 "
              "als het RD New is");
}

// --assume-crs applies to both layers: given for a lon/lat CSV, it also makes a CRS-less RD
// Shapefile "WGS84", and the error then speaks of unusable geometry (reported to the lead).
TEST_F(BadInput, ShapefileWithoutPrjAndAssumeCrsMeantForTheCsv)
{
    expectRun("areas Shapefile without `.prj`, with `--assume-crs EPSG:4326` meant for the CSV",
              kGood + "--areas zonder_prj.shp --out uit", 2,
              "(gebied 'BU00000001'): geen bruikbaar polygoon in het aangenomen CRS EPSG:4326; staan de gebieden "
              "in een ander CRS, geef dat dan met --areas-crs");
}

TEST_F(BadInput, ShapefileWithoutPrjWithItsOwnAreasCrs)
{
    expectRun("the same with `--areas-crs EPSG:28992` for the Shapefile",
              kGood + "--areas zonder_prj.shp --areas-crs EPSG:28992 --out uit_prj", 0, "Niveau buurt: 1 gebieden");
}

TEST_F(BadInput, Windows1252DbfWithCpg)
{
    expectRun("Windows-1252 `.dbf` with `.cpg` (names decoded by GDAL)",
              kGood + "--areas cp1252_met_cpg.shp --out uit_cpg", 0, "Gebiedscan geschreven");
    EXPECT_NE(readText(*s_dir / "uit_cpg/gebiedscan_buurt.csv").find("Caf\xC3\xA9 \xE2\x80\x99t Hoekje"),
              std::string::npos);
}

TEST_F(BadInput, Windows1252DbfWithoutCpg)
{
    expectRun("Windows-1252 `.dbf` without `.cpg` (raw bytes; read as Windows-1252)",
              kGood + "--areas cp1252_zonder_cpg.shp --out uit_zonder", 0, "Gebiedscan geschreven");
    EXPECT_NE(readText(*s_dir / "uit_zonder/gebiedscan_buurt.csv").find("Caf\xC3\xA9 \xE2\x80\x99t Hoekje"),
              std::string::npos);
}

TEST_F(BadInput, NonUtf8IncidentCsv)
{
    expectRun("incidents CSV saved as Windows-1252 (unknown label `Overlast café ’t Hoekje`)",
              "--incidents cp1252.csv --assume-crs EPSG:4326 --year 2024 --areas gemeenten.geojson --out uit_1252", 0,
              "Onbekende categorie");
    const auto summary = nlohmann::json::parse(readText(*s_dir / "uit_1252/summary.json")); // valid UTF-8 JSON
    EXPECT_EQ(summary["unknown_category"], 1);
}

TEST_F(BadInput, SelfIntersectingPolygon)
{
    expectRun("self-intersecting (bow-tie) area polygon",
              kGood + "--areas strik.geojson --parent-onbekend --out uit_strik", 0,
              "ongeldig polygoon van gebied 'STRIK' hersteld (GEOS MakeValid)");
}

TEST_F(BadInput, EmptyPolygon)
{
    expectRun("empty area polygon", kGood + "--areas leeg.geojson --out uit", 2,
              "(gebied 'BU00000002'): geen bruikbaar polygoon");
}

TEST_F(BadInput, DuplicateAreaCodes)
{
    expectRun("duplicate area codes", kGood + "--areas dubbel.geojson --out uit", 2,
              "gebiedscode 'BU00000001' komt meer dan eens voor in veld 'BU_CODE'");
}

TEST_F(BadInput, PointsAsAreas)
{
    expectRun("points given as areas", kGood + "--areas registraties.gpkg --out uit", 2,
              "bevat punten of lijnen, geen polygonen");
}

TEST_F(BadInput, PointsAtZeroZero)
{
    expectRun("points at (0,0) in RD",
              "--incidents op_nul.csv --assume-crs EPSG:28992 --year 2024 --areas gemeenten.geojson --out uit_nul", 0,
              "Registraties: 2 gelezen; 0 in een gebied (0 in een thema, 0 overig), 0 buiten de gebieden, 2 zonder "
              "geldige locatie");
}

TEST_F(BadInput, LonLatDeclaredAsRd)
{
    expectRun("lon/lat in a file declared RD (`--assume-crs EPSG:28992`)",
              "--incidents registraties.csv --assume-crs EPSG:28992 --year 2024 --areas gemeenten.geojson --out uit_rd",
              0, "Registraties: 2 gelezen; 0 in een gebied (0 in een thema, 0 overig), 2 buiten de gebieden");
}

TEST_F(BadInput, StrictWithUnassignedRecords)
{
    expectRun("the same with `--strict`",
              "--incidents registraties.csv --assume-crs EPSG:28992 --year 2024 --areas gemeenten.geojson --strict "
              "--out uit_strict",
              2, "--strict: 2 van 2 registraties niet toegewezen");
    EXPECT_FALSE(fs::exists(*s_dir / "uit_strict"));
}

TEST_F(BadInput, DatesInMixedFormats)
{
    const auto line =
        expectRun("dates in mixed formats (ISO, dd-mm-yyyy, d-m-yyyy hh:mm, yyyy/mm/dd, `1 mei 2024`, yyyymmdd, "
                  "31-02-2024, ISO with Z)",
                  "--incidents datums.csv --assume-crs EPSG:4326 --year 2024 --areas gemeenten.geojson --out uit_datum",
                  0, "Registraties: 8 gelezen");
    const auto summary = nlohmann::json::parse(readText(*s_dir / "uit_datum/summary.json"));
    EXPECT_EQ(summary["input_records"].get<int>(),
              summary["assigned"].get<int>() + summary["bad_date"].get<int>() + summary["outside"].get<int>() +
                  summary["invalid_geometry"].get<int>() + summary["unknown_category"].get<int>());
    EXPECT_GE(summary["bad_date_detail"]["unparseable"].get<int>(), 1) << "31-02-2024 is no date";
}

TEST_F(BadInput, GarbageRows)
{
    expectRun("CSV with garbage rows (short, text coordinates, extra columns, binary, open quote)",
              "--incidents rommel.csv --assume-crs EPSG:4326 --year 2024 --areas gemeenten.geojson --out uit_rommel", 0,
              "Registraties:");
    const auto summary = nlohmann::json::parse(readText(*s_dir / "uit_rommel/summary.json"));
    EXPECT_GE(summary["invalid_geometry"].get<int>(), 2);
    EXPECT_GE(summary["assigned"].get<int>(), 1);
}

TEST_F(BadInput, UnclosedQuoteInTheMiddle)
{
    expectRun("CSV with a quote opened in row 4 and never closed (GDAL would read rows 5..20 as text of one field)",
              "--incidents open_quote.csv --assume-crs EPSG:4326 --year 2024 --areas gemeenten.geojson --out uit_quote",
              2, "rij 4, veld 'code': een aanhalingsteken");
    EXPECT_FALSE(fs::exists(*s_dir / "uit_quote"));
}

TEST_F(BadInput, TruncatedGeoPackage)
{
    expectRun("truncated GeoPackage",
              "--incidents afgebroken.gpkg --year 2024 --areas gemeenten.geojson --out uit_afgebroken", 2,
              "kan 'afgebroken.gpkg' niet als vectorlaag openen: database disk image is malformed");
    EXPECT_FALSE(fs::exists(*s_dir / "uit_afgebroken"));
}

TEST_F(BadInput, MalformedModel)
{
    expectRun("malformed scan model (TOML)", kGood + "--areas gemeenten.geojson --model model.toml --out uit", 2,
              "model.toml:4:");
}

TEST_F(BadInput, NoOutputFolder)
{
    expectRun("no `--out`", kGood + "--areas gemeenten.geojson", 2, "geen uitvoermap: geef --out MAP");
}

TEST_F(BadInput, PostgisNotReachable)
{
    expectRun(
        "PostGIS server not reachable",
        "--incidents 'PG:host=127.0.0.1 port=1 dbname=politie connect_timeout=3' --areas gemeenten.geojson --out uit",
        2,
        "kan 'PostGIS-database' niet als vectorlaag openen: PQconnectdb failed. connection to server at \"127.0.0.1\", "
        "port 1 failed: Connection refused");
}

// Real police extracts (issue 12): the cases a BVH/BVI export brings.
TEST_F(BadInput, HeaderOnlyCsv)
{
    writeText(*s_dir / "alleen_kop.csv", "id,code,datum,lon,lat\n");
    expectRun("CSV with only a header line",
              "--incidents alleen_kop.csv --assume-crs EPSG:4326 --year 2024 --areas gemeenten.geojson --out uit_kop",
              2, "geen registraties om te lezen");
    EXPECT_FALSE(fs::exists(*s_dir / "uit_kop"));
}

TEST_F(BadInput, ThousandsSeparatorsInXCoordinaatColumns)
{
    // Dutch Excel writes RD metres as 233.500; the columns are named X-coördinaat / Y-coördinaat.
    writeText(*s_dir / "duizendtal.csv", "id;incidentcode;begindatum;X-coördinaat;Y-coördinaat\n"
                                         "1;A72;20240501173060;233.500;557.500\n2;A20;20240502;233.600;557.400\n");
    const auto line = expectRun("RD coordinates with thousands separators (`233.500`) in `X-coördinaat` columns",
                                "--incidents duizendtal.csv --assume-crs EPSG:28992 --year 2024 --areas "
                                "gemeenten.geojson --internal --out uit_duizendtal",
                                0, "Registraties: 2 gelezen; 2 in een gebied (2 in een thema, 0 overig)");
    const auto summary = nlohmann::json::parse(std::ifstream(*s_dir / "uit_duizendtal" / "summary.json"));
    EXPECT_EQ(summary["fields"]["category"], "incidentcode");
    EXPECT_EQ(summary["fields"]["date"], "begindatum");
}

TEST_F(BadInput, LondonProjectedIntoRdNew)
{
    writeText(*s_dir / "londen.csv", "id,code,datum,lon,lat\n1,1.1.1,2024-05-01,-0.1276,51.5072\n"
                                     "2,1.1.1,2024-05-02,-0.1300,51.5100\n3,1.1.1,2024-05-03,6.5630,52.9930\n");
    expectRun("points in London (lon/lat) scanned in RD New",
              "--incidents londen.csv --assume-crs EPSG:4326 --year 2024 --areas gemeenten.geojson --out uit_londen", 0,
              "2 van 3 registraties liggen buiten het gebied waarvoor het werk-CRS bedoeld is (Netherlands");
}

TEST_F(BadInput, GeoPackageWithUndefinedCartesianCrs)
{
    writeText(*s_dir / "rd_zonder_crs.csv", "id,code,datum,x,y\n1,1.1.1,2024-05-01 13:00,233500,557500\n");
    ogr2ogr(*s_dir / "rd_zonder_crs.gpkg", *s_dir / "rd_zonder_crs.csv",
            "-f GPKG -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y -nln rd_zonder_crs");
    ASSERT_EQ(run("ogrinfo " + quote(*s_dir / "rd_zonder_crs.gpkg") +
                  " -sql 'UPDATE gpkg_geometry_columns SET srs_id = -1' > /dev/null"),
              0);
    expectRun("GeoPackage with srs_id -1 (Undefined Cartesian SRS)",
              "--incidents rd_zonder_crs.gpkg --year 2024 --areas gemeenten.geojson --out uit_eng", 2,
              "heeft een lokaal of onbepaald CRS 'Undefined Cartesian SRS'");
    expectRun("the same with `--assume-crs EPSG:28992`",
              "--incidents rd_zonder_crs.gpkg --assume-crs EPSG:28992 --year 2024 --areas gemeenten.geojson --out "
              "uit_eng",
              0, "Registraties: 1 gelezen; 1 in een gebied");
}

TEST_F(BadInput, DatesWithoutTimeOfDay)
{
    writeText(*s_dir / "dagen.csv", "id,code,datum,lon,lat\n1,1.1.1,2024-05-01,6.5630,52.9930\n"
                                    "2,1.4.2,2024-06-02 00:00,6.5700,52.9960\n");
    expectRun(
        "dates without a time of day (all at 00:00)",
        "--incidents dagen.csv --assume-crs EPSG:4326 --year 2024 --areas gemeenten.geojson --out uit_dagen", 0,
        "Geen tijdstip bekend (veld 'datum' heeft alleen datums of 00:00): geen uur van de week en geen drukste uur");
    const std::string areas = [&] {
        std::ifstream in(*s_dir / "uit_dagen" / "gebiedscan_gemeente.csv");
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    EXPECT_NE(areas.find("geen tijdstip bekend"), std::string::npos);
    const auto summary = nlohmann::json::parse(std::ifstream(*s_dir / "uit_dagen" / "summary.json"));
    EXPECT_EQ(summary["time_of_day"], "geen tijdstip bekend");
}

TEST_F(BadInput, IntervalEndingBeforeItBegins)
{
    writeText(*s_dir / "omgekeerd.csv", "id,code,begindatum,einddatum,lon,lat\n"
                                        "1,1.1.1,20240501120000,20240501100000,6.5630,52.9930\n"
                                        "2,1.1.1,20240501120000,20240501140000,6.5630,52.9930\n");
    expectRun("interval whose end lies before its begin (BVH begin/eind)",
              "--incidents omgekeerd.csv --assume-crs EPSG:4326 --year 2024 --areas gemeenten.geojson --out uit_omg", 0,
              "Registraties: 2 gelezen; 1 in een gebied");
    const auto summary = nlohmann::json::parse(std::ifstream(*s_dir / "uit_omg" / "summary.json"));
    EXPECT_EQ(summary["bad_date_detail"]["end_before_start"], 1);
}

// A theme without any registration in the current and the reference periods: expected 0, no change
// and no p, and the flag says so rather than "geen significante verandering" (a test of 0 against 0
// says nothing). Beside it a theme with one registration in each keeps its test. Internal, so the
// small counts stand as they are.
TEST_F(BadInput, ThemeWithoutRegistrationsSaysSo)
{
    writeText(*s_dir / "een_thema.csv", "id,code,datum,lon,lat\n1,1.1.1,2024-05-01,6.5630,52.9930\n"
                                        "2,1.1.1,2023-05-01,6.5630,52.9930\n");
    expectRun("one theme in the current and reference years, the others in neither",
              "--incidents een_thema.csv --assume-crs EPSG:4326 --year 2024 --internal "
              "--areas gemeenten.geojson --out uit_een_thema",
              0, "Registraties: 2 gelezen");
    std::ifstream in(*s_dir / "uit_een_thema" / "gebiedscan_gemeente.csv");
    std::string line;
    const auto split = [](const std::string& l) {
        std::vector<std::string> cells;
        std::stringstream ss(l);
        for (std::string c; std::getline(ss, c, ';');) cells.push_back(c);
        if (!l.empty() && l.back() == ';') cells.emplace_back();
        return cells;
    };
    std::getline(in, line);
    const auto header = split(line.substr(3)); // past the BOM
    std::vector<std::string> assen;
    while (std::getline(in, line))
        if (line.rfind("GM0106;", 0) == 0) assen = split(line);
    ASSERT_EQ(assen.size(), header.size());
    const auto cell = [&](const std::string& name) {
        const auto it = std::find(header.begin(), header.end(), name);
        return it == header.end() ? std::string("<geen kolom " + name + ">") : assen[it - header.begin()];
    };
    EXPECT_EQ(cell("n_geweld"), "0");
    EXPECT_EQ(cell("exp_geweld"), "0");
    EXPECT_EQ(cell("chg_geweld"), "");
    EXPECT_EQ(cell("p_geweld"), "");
    EXPECT_EQ(cell("sig_geweld"), "geen registraties");
    EXPECT_EQ(cell("n_woninginbraak"), "1");
    EXPECT_EQ(cell("exp_woninginbraak"), "1"); // 2023 scaled to leap year 2024 (2021, 2022 hold no data)
    EXPECT_EQ(cell("chg_woninginbraak"), "\"-0,3\""); // quoted: the decimal comma
    EXPECT_EQ(cell("p_woninginbraak"), "1");
    EXPECT_EQ(cell("sig_woninginbraak"), "geen significante verandering");
}

TEST_F(BadInput, NoRegistrationInTheReferenceYears)
{
    expectRun("reference years without any registration", kGood + "--areas gemeenten.geojson --out uit_geen_ref", 0,
              "Registraties: 2 gelezen");
    std::ifstream in(*s_dir / "uit_geen_ref" / "gebiedscan_gemeente.csv");
    const std::string areas((std::istreambuf_iterator<char>(in)), {});
    EXPECT_NE(areas.find("geen referentie"), std::string::npos);
    EXPECT_EQ(areas.find("stijging"), std::string::npos);
}
