// `gebiedscan scan --counts` through the built binary, as a user runs it: a 47018NED-style table
// per gemeente of Drenthe with the CBS conventions in it, and the bad inputs of the README's
// bad-input table (count-table rows). With GEBIEDSCAN_BAD_INPUT_TABLE=FILE set, the cases append
// their real output as Markdown rows.
#include "app_test_support.hpp"
#include "gebiedscan_build_paths.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace gebiedscan;
using namespace gebiedscan::testing;
namespace fs = std::filesystem;

namespace {

class CountTableCommand : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = std::make_unique<TempDir>();
        const auto& d = *s_dir;
        fs::copy_file(drentheAreas(), d / "gemeenten.geojson");
        // Quoted keys with trailing spaces and ';' as CBS StatLine exports them.
        writeText(d / "47018NED.csv", "\"RegioS\";\"SoortMisdrijf\";\"Perioden\";\"GeregistreerdeMisdrijven_1\"\n"
                                      "\"GM0106    \";\"1.1.1   \";\"2023JJ00\";\"120\"\n"
                                      "\"GM0106    \";\"1.4.5   \";\"2023JJ00\";\"200\"\n"
                                      "\"GM0106    \";\"1.1.1   \";\"2022JJ00\";\"100\"\n"
                                      "\"GM0106    \";\"1.4.5   \";\"2022JJ00\";\"210\"\n"
                                      "\"GM0114    \";\"1.1.1   \";\"2023JJ00\";\"80\"\n"
                                      "\"GM0114    \";\"1.4.5   \";\"2023JJ00\";\".\"\n"
                                      "\"GM0114    \";\"1.1.1   \";\"2022JJ00\";\"-\"\n"
                                      "\"GM0000    \";\"1.1.1   \";\"2023JJ00\";\"9\"\n"
                                      "\"GM0363    \";\"1.1.1   \";\"2023JJ00\";\"4000\"\n"
                                      "\"NL01      \";\"1.1.1   \";\"2023JJ00\";\"50000\"\n");
        writeText(d / "zonder_gebied.csv", "wie;wat;aantal\nx;1.1.1;3\n");
        writeText(d / "zonder_categorie.csv", "gemeentecode;naam;inwoners\nGM0106;Assen;68000\n");
        writeText(d / "zonder_periode.csv", "gemeentecode;SoortMisdrijf;aantal\nGM0106;1.1.1;3\n");
        writeText(d / "registraties.csv", "id,code,datum,lon,lat\n1,1.1.1,2023-05-01,6.5630,52.9930\n");
    }
    static void TearDownTestSuite() { s_dir.reset(); }
    void SetUp() override
    {
        if (gebiedscanBinary().empty()) GTEST_SKIP() << "bin/gebiedscan is not built in " << GEBIEDSCAN_BINARY_DIR;
    }

    // Runs `gebiedscan scan ARGS` in the fixture folder; checks the exit code and returns the
    // first output line that contains `expected` (the test fails when there is none).
    std::string expectRun(const std::string& tried, const std::string& args, int rc, const std::string& expected)
    {
        std::string log;
        const int got = run("cd " + quote(s_dir->path()) + " && " + quote(gebiedscanBinary()) + " scan " + args, &log);
        EXPECT_EQ(got, rc) << log;
        std::string line, l;
        std::istringstream lines(log);
        while (std::getline(lines, l))
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

    static std::unique_ptr<TempDir> s_dir;
};

std::unique_ptr<TempDir> CountTableCommand::s_dir;

TEST_F(CountTableCommand, CbsTablePerGemeenteIsScannedAndEveryRowAccounted)
{
    const std::string args = "--counts 47018NED.csv --areas gemeenten.geojson --year 2023 --reference-years 1 "
                             "--internal --out uit";
    const auto line = expectRun("47018NED-style table per gemeente (keys padded, `.` missing, `-` nihil, GM0000 "
                                "onbekend, a gemeente outside the areas, NL01)",
                                args, 0, "Teltabel");
    EXPECT_NE(line.find("10 rijen, 10 waarden"), std::string::npos) << line;
    EXPECT_NE(line.find("aantal ontbreekt ('.', 'x' of leeg) 1 (0 registraties)"), std::string::npos) << line;
    EXPECT_NE(
        line.find(
            "Teltabel '47018NED.csv', laag '47018NED' (lang): 10 rijen, 10 waarden: gebruikt 6 (710 registraties)"),
        std::string::npos)
        << line;
    EXPECT_NE(line.find("code niet in de gebieden 1 (4000 registraties)"), std::string::npos) << line;
    EXPECT_NE(line.find("code van een hoger niveau of Nederland (de scan telt zelf op) 1 (50000 registraties)"),
              std::string::npos)
        << line;
    const auto dir = s_dir->path() / "uit";
    const auto summary = nlohmann::json::parse(readText(dir / "summary.json"));
    EXPECT_EQ(summary["assigned"], 710);       // 120 + 200 + 100 + 210 in Assen, 80 + 0 in Emmen
    EXPECT_EQ(summary["invalid_geometry"], 9); // GM0000: in no gemeente
    EXPECT_EQ(summary["outside"], 4000);
    EXPECT_EQ(summary["fields"]["count_area"], "RegioS");
    EXPECT_EQ(summary["count_table"]["registrations_per_reason"]["unknown_area"], 9);
    // Assen: woninginbraak 120 against 100, geweld 200 against 210, from the table as it is.
    const auto figures = readText(dir / "gebiedscan_gemeente.csv");
    std::istringstream rows(figures);
    std::string header, row, assen;
    std::getline(rows, header);
    while (std::getline(rows, row))
        if (row.rfind("GM0106;", 0) == 0) assen = row;
    ASSERT_FALSE(assen.empty());
    const auto field = [&](const std::string& name) {
        std::vector<std::string> names, values;
        std::string cell;
        for (std::istringstream h(header); std::getline(h, cell, ';');) names.push_back(cell);
        for (std::istringstream v(assen); std::getline(v, cell, ';');) values.push_back(cell);
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i].find(name) != std::string::npos && names[i].size() - name.size() <= 3)
                return i < values.size() ? values[i] : std::string();
        return std::string("?");
    };
    EXPECT_EQ(field("n_woninginbraak"), "120");
    EXPECT_EQ(field("n_geweld"), "200");
    EXPECT_EQ(field("peak_total"), "geen tijdstip bekend"); // no time of day in a table
}

TEST_F(CountTableCommand, TableWithoutAreaColumn)
{
    expectRun("count table without an area code column", "--counts zonder_gebied.csv --areas gemeenten.geojson --out u",
              2,
              "geen kolom met de gebiedscode gevonden (kolommen: wie, wat, aantal); noem hem met --counts-area-field");
}

TEST_F(CountTableCommand, WideTableWithoutCategoryColumns)
{
    expectRun("count table with neither a category column nor columns named after categories",
              "--counts zonder_categorie.csv --areas gemeenten.geojson --out u", 2, "--counts-category-field");
}

TEST_F(CountTableCommand, TableWithoutPeriodNeedsAYear)
{
    expectRun("count table without a period column, no `--year`",
              "--counts zonder_periode.csv --areas gemeenten.geojson --out u", 2,
              "geen kolom met de periode (Perioden, jaar): geef het jaar met --year");
}

TEST_F(CountTableCommand, CountsWithAGridOrWithIncidents)
{
    expectRun("`--counts` with `--grid square:500`",
              "--counts 47018NED.csv --areas gemeenten.geojson --grid square:500 --out u", 2,
              "--counts bevat aantallen per gebied: geef de gebieden met --areas (een raster kan niet)");
    expectRun("`--counts` and `--incidents` together",
              "--counts 47018NED.csv --incidents registraties.csv --assume-crs EPSG:4326 --areas gemeenten.geojson "
              "--out u",
              2, "--incidents en --counts allebei gegeven");
}

} // namespace
