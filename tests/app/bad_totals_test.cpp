// Every record in every total and strict settings (issue 18), through the built binary as a user
// runs it: a buurt without wijk is an error (or, with --parent-onbekend, counted under
// "onbekend"), codes differing only in case are refused, and out-of-range or malformed settings
// (--grid square:inf, years outside 1900-2100, two `datum` columns, a Shapefile without .dbf,
// too many permutations) are one clear error. The README's bad-input table has a row for each;
// GEBIEDSCAN_BAD_INPUT_TABLE=FILE appends them as Markdown, as in bad_input_test.cpp.
#include "app_test_support.hpp"
#include "gebiedscan_build_paths.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

using namespace gebiedscan;
using namespace gebiedscan::testing;
namespace fs = std::filesystem;

namespace {

// Four 1 km buurten side by side in RD, with their wijk and gemeente codes ("null": none).
std::string buurten(const std::vector<std::string>& wijken, const std::vector<std::string>& codes = {})
{
    std::string out =
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[)";
    for (std::size_t i = 0; i < wijken.size(); ++i) {
        const auto x0 = std::to_string(233000 + 1000 * i), x1 = std::to_string(234000 + 1000 * i);
        const std::string code = codes.empty() ? "BU0106010" + std::to_string(i) : codes[i];
        const std::string wijk = wijken[i] == "null" ? "null" : "\"" + wijken[i] + "\"";
        out += (i ? "," : "") + std::string(R"({"type":"Feature","properties":{"BU_CODE":")") + code +
               R"(","WK_CODE":)" + wijk + R"(,"GM_CODE":"GM0106"},"geometry":{"type":"Polygon","coordinates":[[[)" +
               x0 + ",557000],[" + x1 + ",557000],[" + x1 + ",558000],[" + x0 + ",558000],[" + x0 + ",557000]]]}}";
    }
    return out + "]}";
}

class BadTotals : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = std::make_unique<TempDir>();
        const auto& d = *s_dir;
        // 100 registrations in each of the four buurten (RD), all in 2024.
        std::string csv = "id,code,datum,x,y\n";
        for (int b = 0; b < 4; ++b)
            for (int i = 0; i < 100; ++i)
                csv += std::to_string(b * 100 + i) + ",1.1.1,2024-0" + std::to_string(1 + i % 9) + "-1" +
                       std::to_string(i % 10) + "," + std::to_string(233500 + 1000 * b) + "," +
                       std::to_string(557100 + 8 * i) + "\n";
        writeText(d / "registraties.csv", csv);
        writeText(d / "dubbele_datum.csv", "id,code,datum,datum,x,y\n1,1.1.1,2024-05-01,2023-01-01,233500,557500\n");
        writeText(d / "buurten.geojson", buurten({"WK010601", "WK010601", "WK010602", "WK010602"}));
        writeText(d / "zonder_wijk.geojson", buurten({"WK010601", "WK010601", "WK010602", "null"}));
        writeText(d / "lege_wijk.geojson", buurten({"WK010601", "   ", "WK010602", "WK010602"}));
        std::string twee = buurten({"WK010601", "WK010601", "WK010602", "WK010602"});
        twee.replace(twee.find("GM0106", twee.find("BU01060101")), 6, "GM0107");
        writeText(d / "wijk_twee_gemeenten.geojson", twee);
        writeText(d / "hoofdletters.geojson", buurten({"WK000000", "wk000000", "WK000000", "WK000000"}));
        // Parents derived from CBS codes: one code is not a CBS buurt code.
        std::string geen = buurten({"x", "x", "x", "x"}, {"BU01060100", "BU01060101", "BU01060102", "EIGEN4"});
        const std::string parents = R"(,"WK_CODE":"x","GM_CODE":"GM0106")";
        for (std::size_t p; (p = geen.find(parents)) != std::string::npos;) geen.erase(p, parents.size());
        writeText(d / "geen_cbs.geojson", geen);
        ogr2ogr(d / "zonder_dbf.shp", d / "buurten.geojson", "-f 'ESRI Shapefile'");
        fs::remove(d / "zonder_dbf.dbf");
    }
    static void TearDownTestSuite() { s_dir.reset(); }
    void SetUp() override
    {
        if (gebiedscanBinary().empty()) GTEST_SKIP() << "bin/gebiedscan is not built in " << GEBIEDSCAN_BINARY_DIR;
    }

    // Runs `gebiedscan COMMAND ARGS` in the fixture folder; checks the exit code and that one
    // output line contains `expected`; returns that line.
    std::string expectRun(const std::string& tried, const std::string& args, int rc, const std::string& expected)
    {
        std::string log;
        const int got = run("cd " + quote(s_dir->path()) + " && " + quote(gebiedscanBinary()) + " " + args, &log);
        EXPECT_EQ(got, rc) << log;
        std::string line;
        std::istringstream lines(log);
        for (std::string l; std::getline(lines, l);)
            if (l.find(expected) != std::string::npos) {
                line = l;
                break;
            }
        EXPECT_FALSE(line.empty()) << "expected '" << expected << "' in:\n" << log;
        if (const char* table = std::getenv("GEBIEDSCAN_BAD_INPUT_TABLE")) {
            const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
            std::ofstream os(table, std::ios::app);
            os << "| " << tried << " | `" << line << "` | " << got << " | `" << info->test_suite_name() << "."
               << info->name() << "` |\n";
        }
        return line;
    }
    static const std::string kScan;
    static std::unique_ptr<TempDir> s_dir;
};

const std::string BadTotals::kScan = "scan --incidents registraties.csv --assume-crs EPSG:28992 --year 2024 ";
std::unique_ptr<TempDir> BadTotals::s_dir;

// The n_total column of a level's CSV (intl format: ',' and '.'), per area code.
std::map<std::string, long> totals(const fs::path& csv)
{
    std::ifstream in(csv);
    std::string header;
    std::getline(in, header);
    std::vector<std::string> names;
    std::stringstream hs(header);
    for (std::string f; std::getline(hs, f, ',');) names.push_back(f);
    const auto column = [&](const std::string& n) {
        return static_cast<std::size_t>(std::find(names.begin(), names.end(), n) - names.begin());
    };
    const auto code = column("code"), total = column("n_total");
    std::map<std::string, long> out;
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> v;
        std::stringstream ls(line);
        for (std::string f; std::getline(ls, f, ',');) v.push_back(f);
        if (v.size() > std::max(code, total)) out[v[code]] = std::stol(v[total]);
    }
    return out;
}

} // namespace

TEST_F(BadTotals, BuurtWithoutWijkIsAnError)
{
    expectRun("buurt with NULL `WK_CODE` (it used to drop out of the wijk and gemeente totals: 300 of 400)",
              kScan + "--areas zonder_wijk.geojson --out uit_zonder_wijk", 2,
              "1 van 4 gebieden (buurt) hebben geen wijk (BU01060103): hun registraties zouden in de totalen per "
              "wijk ontbreken. Vul de code aan, of tel ze mee onder 'onbekend' met --parent-onbekend");
    EXPECT_FALSE(fs::exists(*s_dir / "uit_zonder_wijk"));
    expectRun("buurt with a blank `WK_CODE` (`\"   \"`)", kScan + "--areas lege_wijk.geojson --out uit_lege_wijk", 2,
              "1 van 4 gebieden (buurt) hebben geen wijk (BU01060101)");
}

TEST_F(BadTotals, ParentOnbekendKeepsEveryRecordInEveryTotal)
{
    expectRun("the same with `--parent-onbekend`",
              kScan + "--areas zonder_wijk.geojson --parent-onbekend --internal --csv intl --out uit_onbekend", 0,
              "Niveau wijk: 3 gebieden");
    const auto wijk = totals(*s_dir / "uit_onbekend" / "gebiedscan_wijk.csv");
    EXPECT_EQ(wijk, (std::map<std::string, long>{{"WK010601", 200}, {"WK010602", 100}, {"onbekend_GM0106", 100}}));
    const auto gemeente = totals(*s_dir / "uit_onbekend" / "gebiedscan_gemeente.csv");
    EXPECT_EQ(gemeente, (std::map<std::string, long>{{"GM0106", 400}})) << "every record in the gemeente total";
}

TEST_F(BadTotals, CodeThatIsNoCbsCodeWhenParentsComeFromCodes)
{
    expectRun("a non-CBS buurt code among CBS codes, parents derived from the codes",
              kScan + "--areas geen_cbs.geojson --out uit_geen_cbs", 2,
              "1 van 4 gebieden (buurt) hebben geen wijk (EIGEN4)");
}

TEST_F(BadTotals, CodesDifferingOnlyInCase)
{
    expectRun("wijk codes differing only in case (`WK000000`, `wk000000`)",
              kScan + "--areas hoofdletters.geojson --out uit_hoofdletters", 2,
              "codes van niveau wijk: de codes 'WK000000' en 'wk000000' verschillen alleen in hoofdletters; gebruik "
              "één schrijfwijze");
}

TEST_F(BadTotals, ShapefileWithoutItsDbf)
{
    expectRun("areas Shapefile without its `.dbf`", kScan + "--areas zonder_dbf.shp --out uit_zonder_dbf", 2,
              "'zonder_dbf.shp': de Shapefile mist zonder_dbf.dbf (een Shapefile bestaat uit .shp, .shx, .dbf en "
              ".prj): kopieer alle delen mee");
}

TEST_F(BadTotals, TwoDateColumns)
{
    expectRun("incidents CSV with two `datum` columns",
              "scan --incidents dubbele_datum.csv --assume-crs EPSG:28992 --year 2024 --areas buurten.geojson --out "
              "uit_dubbel",
              2, "2 velden heten 'datum' (kolommen 3 en 4): geef elke kolom een eigen naam");
}

TEST_F(BadTotals, GridSizeMustBeFiniteAndAtLeastOneMetre)
{
    for (const char* grid : {"square:inf", "square:nan", "hex:0.5", "square:-3", "square:1e400"})
        expectRun("`--grid square:inf` (it ended in an SQLite NaN error, exit 3)",
                  kScan + "--grid " + grid + " --out uit_grid", 2,
                  "de celgrootte moet een eindig getal van minstens 1 meter zijn, bv. square:500");
    expectRun("`hotspots --grid 0.5`",
              "hotspots --areas registraties.csv --assume-crs EPSG:28992 --grid 0.5 --out uit_hot_grid", 2,
              "de celgrootte moet een eindig getal van minstens 1 meter zijn, bv. --grid 125");
}

TEST_F(BadTotals, ReferenceYearsBefore1900)
{
    expectRun("`--year 1901 --reference-years 3` (references before 1900)",
              "scan --incidents registraties.csv --assume-crs EPSG:28992 --year 1901 --reference-years 3 --areas "
              "buurten.geojson --out uit_1898",
              2, "jaar 1898 (huidig jaar 1901 met 3 referentiejaren) valt buiten 1900 t/m 2100");
}

TEST_F(BadTotals, HotspotPermutationsRangeAndFdrThatCannotFindAnything)
{
    expectRun("`hotspots --permutations 100000`",
              "hotspots --areas buurten.geojson --field GM_CODE --permutations 100000 --out uit_perm", 2,
              "ongeldige waarde '100000' voor --permutations: verwacht een geheel getal van 0 t/m 99999");
    // 4 buurten, FDR: the strongest alone needs p < 0.10 / 4 = 1/40; 9 permutations give 1/10 at best.
    writeText(*s_dir / "waarden.geojson", [] {
        std::string j = buurten({"WK010601", "WK010601", "WK010602", "WK010602"});
        for (std::size_t p = 0, i = 0; (p = j.find(R"("GM_CODE":"GM0106")", p)) != std::string::npos; ++i)
            j.replace(p, 18, R"("aantal":)" + std::to_string(i * i * 10 + 1));
        return j;
    }());
    expectRun(
        "`hotspots --fdr` with permutation p-values that cannot pass the corrected level",
        "hotspots --areas waarden.geojson --field aantal --weights knn:2 --fdr --permutations 9 --out uit_fdr", 0,
        "met 9 permutaties is de kleinste p-waarde 1/10; na de FDR-correctie over 4 objecten is zelfs de sterkste "
        "hotspot pas significant onder 1/40 (90 %)");
}

TEST_F(BadTotals, ReferencePeriodWithoutCurrentPeriodIsDutch)
{
    expectRun("`--reference-period` without `--current-period`",
              kScan + "--areas buurten.geojson --reference-period 2023 --out uit_ref", 2,
              "--reference-period werkt alleen samen met --current-period (de huidige periode)");
}

TEST_F(BadTotals, LevelsAndFormats)
{
    expectRun("`--levels stad`", kScan + "--areas buurten.geojson --levels stad --out uit_stad", 2,
              "--levels: deze scan heeft geen niveau 'stad' (niveaus: buurt, wijk, gemeente)");
    EXPECT_FALSE(fs::exists(*s_dir / "uit_stad"));
    expectRun("`--formats pdf`", kScan + "--areas buurten.geojson --formats pdf --out uit_pdf", 2,
              "--formats: onbekend formaat 'pdf' (kies uit: gpkg, shp, csv, geojson)");
    // Only what was asked for: two levels as GeoPackage layers and CSV, nothing else per level.
    expectRun("`--levels wijk,gemeente --formats gpkg,csv`",
              kScan + "--areas buurten.geojson --levels wijk,gemeente --formats gpkg,csv --out uit_beperkt", 0,
              "Gebiedscan geschreven naar");
    std::set<std::string> files;
    for (const auto& e : fs::directory_iterator(*s_dir / "uit_beperkt")) files.insert(e.path().filename().string());
    EXPECT_EQ(files, (std::set<std::string>{".gebiedscan", "gebiedscan.gpkg", "gebiedscan_cijfers.csv",
                                            "gebiedscan_gemeente.csv", "gebiedscan_tijden.csv", "gebiedscan_wijk.csv",
                                            "summary.json", "toelichting.txt"}));
    std::string layers;
    ASSERT_EQ(run("ogrinfo -ro -q " + quote(*s_dir / "uit_beperkt" / "gebiedscan.gpkg"), &layers), 0);
    EXPECT_EQ(layers.find(": areas ("), std::string::npos) << "no buurt layer: " << layers;
    EXPECT_NE(layers.find("areas_wijk"), std::string::npos) << layers;
    EXPECT_NE(layers.find("areas_gemeente"), std::string::npos) << layers;
}

TEST_F(BadTotals, GridThatCannotFitInMemoryIsRefusedBeforeItIsLaid)
{
    // A grid scan is sparse (only cells with registrations are units), so 15 m over Drenthe
    // (11.9 million cells in the region) is no longer refused for their memory; 5 m lays 173
    // million lattice cells over Drenthe's extent, whose centres alone would be located for
    // minutes: refused before it is laid, with the smallest size that fits.
    fs::copy_file(drentheAreas(), *s_dir / "drenthe.geojson", fs::copy_options::overwrite_existing);
    expectRun("`--grid square:5` over Drenthe (173 million lattice cells)",
              kScan + "--areas drenthe.geojson --grid square:5 --out uit_5m", 2,
              "--grid square:5: het raster zou 13115 x 13186 = 172934390 cellen hebben, meer "
              "dan 50000000; kies cellen van minstens 10 m");
    EXPECT_FALSE(fs::exists(*s_dir / "uit_5m"));
}

TEST_F(BadTotals, WijkWhoseBuurtenNameTwoGemeentenIsOneError)
{
    // It used to go whole to the gemeente of its first buurt: GM0107 had no area and no total.
    expectRun("a wijk whose buurten carry different gemeente codes",
              kScan + "--areas wijk_twee_gemeenten.geojson --out uit_twee_gemeenten", 2,
              "wijk 'WK010601' hoort bij meer dan één gemeente: buurt 'BU01060100' heeft gemeente GM0106, buurt "
              "'BU01060101' heeft GM0107; verbeter de codes in het gebiedenbestand");
    EXPECT_FALSE(fs::exists(*s_dir / "uit_twee_gemeenten"));
}

TEST_F(BadTotals, NumericOptionsOfNearRepeatFacilitiesAndBlackspotsAreChecked)
{
    const std::string nearRepeat = "nearrepeat --incidents registraties.csv --assume-crs EPSG:28992 --out uit_nr ";
    expectRun("`nearrepeat --permutations 1000000000`", nearRepeat + "--permutations 1000000000", 2,
              "ongeldige waarde '1000000000' voor --permutations: verwacht een geheel getal van 1 t/m 99999");
    expectRun("`nearrepeat --distance-bands 100,nan`", nearRepeat + "--distance-bands 100,nan", 2,
              "ongeldige waarde 'nan' voor --distance-bands: verwacht een getal van 0.01 t/m 100000");
    expectRun("`nearrepeat --time-bands 7,0`", nearRepeat + "--time-bands 7,0", 2,
              "ongeldige waarde '0' voor --time-bands: verwacht een getal van 1 t/m 36500");
    expectRun("`facilities --radius nan`",
              "facilities --incidents registraties.csv --facilities buurten.geojson --radius nan --out uit_f", 2,
              "ongeldige waarde 'nan' voor --radius: verwacht een getal van 0.001 t/m 100000");
    const std::string blackspots = "blackspots --roads wegen.gml --accidents ongevallen.csv --internal --out uit_b ";
    expectRun("`blackspots --window inf`", blackspots + "--window inf", 2,
              "ongeldige waarde 'inf' voor --window: verwacht een getal van 1 t/m 100000");
    expectRun("`blackspots --years 0`", blackspots + "--years 0", 2,
              "ongeldige waarde '0' voor --years: verwacht een geheel getal van 1 t/m 50");
    expectRun("`blackspots --last-year 1794`", blackspots + "--last-year 1794", 2,
              "ongeldige waarde '1794' voor --last-year: verwacht een geheel getal van 1900 t/m 2100");
    expectRun("`blackspots --step -5`", blackspots + "--step -5", 2,
              "ongeldige waarde '-5' voor --step: verwacht een getal van 0.1 t/m 100000");
    expectRun("`blackspots --kde-lixel 0`", blackspots + "--kde-bandwidth 100 --kde-lixel 0", 2,
              "ongeldige waarde '0' voor --kde-lixel: verwacht een getal van 0.1 t/m 10000");
}

TEST_F(BadTotals, HotspotGridWithTooManyCellsForTheDataIsRefused)
{
    // The registrations span 3 km x 0.8 km: 1 m cells would be 2.4 million areas for Gi* and LISA.
    expectRun("`hotspots --grid 1` over 3 km x 0.8 km of registrations",
              "hotspots --areas registraties.csv --assume-crs EPSG:28992 --grid 1 --out uit_grid1", 2,
              "--grid 1: het raster over de registraties zou 3001 x 793 = 2379793 cellen hebben, meer dan 1000000; "
              "kies cellen van minstens 2 m (--grid 2) of --grid auto");
    // hotspots makes its (empty) --out folder before reading; nothing is written into it.
    EXPECT_TRUE(!fs::exists(*s_dir / "uit_grid1") || fs::is_empty(*s_dir / "uit_grid1"));
}
