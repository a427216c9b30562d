// A scan of a count table (--counts) against a scan of the points behind it: the 452 real CBS
// buurten of seven Drenthe gemeenten with seeded synthetic registrations, counted per buurt,
// category and year into a 47018NED-style long table (and a wide one), must give the same
// figures at every level. Plus the CBS conventions (missing ".", nihil "-", onbekend rows,
// higher-level rows, unknown codes) and the real 47018NED totals of 2023.
#include "gebiedscan_build_paths.hpp"
#include "pipeline_test_support.hpp"

#include "gebiedscan/pipeline/count_table.hpp"
#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"
#include "gebiedscan/pipeline/scan_writer.hpp"

#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

using namespace gebiedscan;
using namespace gebiedscan::pipeline;
namespace fs = std::filesystem;

namespace {

const fs::path kBuurten = GEBIEDSCAN_SOURCE_DIR "/data/open/drenthe-buurten-2024.geojson";
const fs::path kMisdrijven = GEBIEDSCAN_SOURCE_DIR "/data/open/drenthe-misdrijven-buurt-2023.csv";

// Uniform points over the buurten's extent, police codes (one unknown: 9.9.9), dates 2021-2024.
void writeIncidents(const fs::path& file, int n)
{
    std::ofstream os(file);
    os << "x,y,code,datum\n";
    std::mt19937 rng(4701);
    std::uniform_real_distribution<double> x(204503, 269919), y(514322, 564562);
    const std::vector<const char*> codes = {"2.2.1", "1.2.3", "1.4.5", "1.1.1", "2.5.2", "3.1.1",
                                            "1.4.1", "1.3.1", "9.9.9", "1.2.1", "3.5.2", "1.4.3"};
    std::uniform_int_distribution<std::size_t> code(0, codes.size() - 1);
    std::uniform_int_distribution<int> year(2021, 2024), month(1, 12), day(1, 28);
    for (int i = 0; i < n; ++i) {
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year(rng), month(rng), day(rng));
        os << std::fixed << x(rng) << ',' << y(rng) << ',' << codes[code(rng)] << ',' << date << '\n';
    }
}

gis::SourceSpec source(const fs::path& file)
{
    gis::SourceSpec s;
    s.path = file.string();
    return s;
}

std::string text(const fs::path& file)
{
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// An exact code of category c ("1.4.*" becomes "1.4.99"), or its label for a category known by
// label only ("Huiselijk geweld"), checked against the classifier.
std::string codeOf(const ScanModel& model, std::size_t c)
{
    if (model.categories[c].codes.empty()) {
        EXPECT_EQ(CategoryClassifier(model).classify("", model.categories[c].labels.at(0)), c);
        return model.categories[c].labels.at(0);
    }
    std::string code = model.categories[c].codes.at(0);
    if (code.size() > 1 && code.back() == '*') code = code.substr(0, code.size() - 1) + "99";
    EXPECT_EQ(CategoryClassifier(model).classify(code, ""), c) << code;
    return code;
}

class CountTableScan : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (!fs::exists(kBuurten)) return;
        dir = new jobtest::TempFolder;
        writeIncidents(dir->path() / "incidents.csv", 20000);
        ScanOptions o;
        o.incidents.path = (dir->path() / "incidents.csv").string();
        o.incidents.xField = "x";
        o.incidents.yField = "y";
        o.incidents.assumeCrs = "EPSG:28992";
        o.categoryField = "code";
        o.dateField = "datum";
        o.areas.path = kBuurten.string();
        o.year = 2024;
        o.permutations = 0;
        o.internal = true;
        CollectingReporter reporter;
        points = runScan(o, reporter).release();
    }
    static void TearDownTestSuite()
    {
        delete points;
        delete dir;
    }
    void SetUp() override
    {
        if (!points) GTEST_SKIP() << "Drenthe buurten not present";
    }

    // The points' counts per buurt, category and year as CBS publishes 47018NED: keys padded with
    // spaces, a 0.0.0 total per buurt and year, unknown categories under their code 9.9.9.
    static std::string longTable(const std::string& extraRows)
    {
        const auto& lv = points->areas.levels[0];
        const auto& model = points->model;
        std::ostringstream os;
        os << "ID,WijkenEnBuurten,SoortMisdrijf,Perioden,GeregistreerdeMisdrijven_1\n";
        int id = 0;
        for (std::size_t a = 0; a < lv.size(); ++a)
            for (std::size_t p = 0; p < model.periods.size(); ++p) {
                std::uint64_t total = 0;
                for (std::size_t c = 0; c <= model.categories.size(); ++c) {
                    const auto n = points->figures->categoryCount(0, a, c, p);
                    total += n;
                    if (n == 0 && c % 3 != 0) continue; // CBS lists zeros too; leave some out
                    os << id++ << ',' << lv.codes[a] << "  ,"
                       << (c < model.categories.size() ? codeOf(model, c) : "9.9.9") << " ," << model.periods[p].id
                       << "JJ00," << n << '\n';
                }
                os << id++ << ',' << lv.codes[a] << ",0.0.0," << model.periods[p].id << "JJ00," << total << '\n';
            }
        os << extraRows;
        return os.str();
    }

    static ScanOptions tableOptions(const fs::path& table)
    {
        ScanOptions o;
        o.counts.path = table.string();
        o.areas.path = kBuurten.string();
        o.year = 2024;
        o.permutations = 0;
        o.internal = true;
        return o;
    }

    // Every count, change and rate of every level and theme slot equal to the point scan's.
    static void expectSameFigures(const ScanResult& r)
    {
        const auto& f = *r.figures;
        const auto& g = *points->figures;
        ASSERT_EQ(r.areas.levels.size(), points->areas.levels.size());
        std::uint64_t compared = 0;
        for (std::size_t l = 0; l < r.areas.levels.size(); ++l) {
            ASSERT_EQ(r.areas.levels[l].codes, points->areas.levels[l].codes);
            for (std::size_t a = 0; a < r.areas.levels[l].size(); ++a)
                for (std::size_t s = 0; s < f.themeSlots(); ++s) {
                    for (std::size_t p = 0; p < f.periods(); ++p) {
                        ASSERT_EQ(f.themeCount(l, a, s, p), g.themeCount(l, a, s, p))
                            << r.areas.levels[l].codes[a] << " slot " << s << " period " << p;
                        compared += f.themeCount(l, a, s, p);
                    }
                    EXPECT_DOUBLE_EQ(f.change(l, a, s).pValue, g.change(l, a, s).pValue);
                    EXPECT_EQ(f.change(l, a, s).flag, g.change(l, a, s).flag);
                    EXPECT_EQ(f.ratePer1000(l, a, s), g.ratePer1000(l, a, s));
                }
        }
        EXPECT_GT(compared, 10000u);
        // Gi* of the current total per buurt: the same counts on the same neighbours.
        ASSERT_FALSE(r.hotspots.empty());
        ASSERT_FALSE(r.hotspots[0].results.empty());
        EXPECT_DOUBLE_EQ(r.hotspots[0].results[0].moran.statistic, points->hotspots[0].results[0].moran.statistic);
    }

    static inline jobtest::TempFolder* dir = nullptr;
    static inline const ScanResult* points = nullptr;
};

TEST(CbsPeriod, YearsQuartersAndMonths)
{
    const auto y = parseCbsPeriod(" 2023JJ00 ");
    ASSERT_TRUE(y);
    EXPECT_EQ(y->start.seconds, makeLocalTime(2023, 1, 1)->seconds);
    EXPECT_EQ(y->end.seconds, makeLocalTime(2024, 1, 1)->seconds);
    EXPECT_EQ(parseCbsPeriod("2023")->end.seconds, y->end.seconds);
    const auto q4 = parseCbsPeriod("2023KW04");
    ASSERT_TRUE(q4);
    EXPECT_EQ(q4->start.seconds, makeLocalTime(2023, 10, 1)->seconds);
    EXPECT_EQ(q4->end.seconds, makeLocalTime(2024, 1, 1)->seconds);
    const auto m2 = parseCbsPeriod("2024mm02");
    ASSERT_TRUE(m2);
    EXPECT_EQ(m2->end.seconds - m2->start.seconds, 29 * kSecondsPerDay); // leap year
    for (const char* bad : {"", "23", "2023KW05", "2023MM13", "2023X000", "abcdJJ00", "2023JJ01"})
        EXPECT_FALSE(parseCbsPeriod(bad)) << bad;
}

TEST_F(CountTableScan, LongTableReproducesThePointScanAndAccountsEveryRow)
{
    // Beside the buurten: an onbekend row, a gemeente and Nederland (sums the scan forms itself),
    // a code of another buurtindeling, a missing and a nihil value, a year outside the scan, an
    // unreadable period and an unreadable count.
    const std::string extra = "x1,BU00000000,1.1.1,2024JJ00,7\n"
                              "x2,GM0106,1.1.1,2024JJ00,999\n"
                              "x3,NL01,1.1.1,2024JJ00,99999\n"
                              "x4,BU99990001,1.1.1,2024JJ00,5\n"
                              "x5,BU01060000,1.2.2,2024JJ00,.\n"
                              "x6,BU01060000,1.2.4,2024JJ00,-\n"
                              "x7,BU01060000,1.1.1,2019JJ00,11\n"
                              "x8,BU01060000,1.1.1,2024XX00,3\n"
                              "x9,BU01060000,1.1.2,2024JJ00,veel\n";
    const auto table = jobtest::writeText(dir->path() / "47018NED.csv", longTable(extra));
    CollectingReporter reporter;
    const auto r = runScan(tableOptions(table), reporter);
    expectSameFigures(*r);

    ASSERT_TRUE(r->countTable);
    const auto& t = *r->countTable;
    EXPECT_FALSE(t.wide);
    EXPECT_FALSE(t.totalsOnly);
    const auto& pa = points->accounting;
    EXPECT_EQ(t.registrationsPerReason.at("used"), pa.assigned + pa.unknownCategory);
    EXPECT_EQ(t.valuesPerReason.at("total_row"), 452u * 4);
    EXPECT_EQ(t.registrationsPerReason.at("unknown_area"), 7u);
    EXPECT_EQ(t.registrationsPerReason.at("higher_level"), 999u + 99999u);
    EXPECT_EQ(t.higherLevelCodes.at("GM0106"), 999u);
    EXPECT_EQ(t.unknownAreaCodes.at("BU99990001"), 5u);
    EXPECT_EQ(t.valuesPerReason.at("missing_value"), 1u);
    EXPECT_EQ(t.valuesPerReason.at("bad_value"), 1u);
    EXPECT_EQ(t.registrationsPerReason.at("out_of_period"), 11u);
    EXPECT_EQ(t.registrationsPerReason.at("bad_period"), 3u);
    std::uint64_t values = 0;
    for (const auto& [reason, n] : t.valuesPerReason) values += n;
    EXPECT_EQ(values, t.values);
    EXPECT_EQ(t.rowsRead, t.values);

    // The record accounting in registrations: the same assigned and overig as the points, the
    // onbekend row without a location, the foreign code outside, the periods as bad_date.
    const auto& a = r->accounting;
    EXPECT_TRUE(a.balanced());
    EXPECT_EQ(a.assigned, pa.assigned);
    EXPECT_EQ(a.unknownCategory, pa.unknownCategory);
    EXPECT_EQ(a.unknownCodes.at("9.9.9"), pa.unknownCodes.at("9.9.9"));
    EXPECT_EQ(a.invalidGeometry, 7u);
    EXPECT_EQ(a.outside, 5u);
    EXPECT_EQ(a.badDate, 14u);
    EXPECT_EQ(a.badDateUnparseable, 3u);
    EXPECT_EQ(r->fieldsUsed.at("count_area"), "WijkenEnBuurten");
    EXPECT_EQ(r->fieldsUsed.at("count_period"), "Perioden");
    EXPECT_EQ(r->months, 0u);
    for (const auto& level : r->hotTimes) EXPECT_TRUE(level.empty());
}

TEST_F(CountTableScan, WideTableWithOneColumnPerCategoryGivesTheSameFigures)
{
    const auto& lv = points->areas.levels[0];
    const auto& model = points->model;
    std::ostringstream os;
    os << "buurtcode;buurtnaam;Perioden;Totaal misdrijven;aantal_inwoners";
    for (std::size_t c = 0; c < model.categories.size(); ++c)
        os << ';'
           << (model.categories[c].codes.empty() ? codeOf(model, c)
                                                 : codeOf(model, c) + ' ' + model.categories[c].labelNl);
    os << '\n';
    for (std::size_t a = 0; a < lv.size(); ++a)
        for (std::size_t p = 0; p < model.periods.size(); ++p) {
            os << lv.codes[a] << ";" << lv.names[a] << ";" << model.periods[p].id << ";999;1000";
            for (std::size_t c = 0; c < model.categories.size(); ++c) {
                const auto n = points->figures->categoryCount(0, a, c, p);
                os << ';' << (n == 0 && c == 1 ? std::string(".") : std::to_string(n)); // "." = missing
            }
            os << '\n';
        }
    const auto table = jobtest::writeText(dir->path() / "breed.csv", os.str());
    CollectingReporter reporter;
    const auto r = runScan(tableOptions(table), reporter);
    ASSERT_TRUE(r->countTable);
    const auto& t = *r->countTable;
    EXPECT_TRUE(t.wide);
    EXPECT_EQ(t.valueColumns.size(), model.categories.size());
    // The total would count everything twice beside the categories; names and population are no counts.
    for (const char* ignored : {"buurtnaam", "Totaal misdrijven", "aantal_inwoners"})
        EXPECT_NE(std::find(t.ignoredColumns.begin(), t.ignoredColumns.end(), ignored), t.ignoredColumns.end())
            << ignored;
    EXPECT_EQ(t.rowsRead, 452u * 4);
    EXPECT_EQ(t.values, 452u * 4 * model.categories.size());
    EXPECT_GT(t.valuesPerReason.at("missing_value"), 0u);
    // The wide table has no overig column: every slot but overig (and the total, which holds it
    // only through overig) equals the point scan.
    const auto& f = *r->figures;
    const auto& g = *points->figures;
    for (std::size_t l = 0; l < r->areas.levels.size(); ++l)
        for (std::size_t a = 0; a < r->areas.levels[l].size(); ++a)
            for (std::size_t s = 0; s < model.themes.size(); ++s)
                for (std::size_t p = 0; p < f.periods(); ++p)
                    ASSERT_EQ(f.themeCount(l, a, s, p), g.themeCount(l, a, s, p)) << l << ' ' << a << ' ' << s;
    EXPECT_EQ(r->accounting.assigned, points->accounting.assigned);
    EXPECT_EQ(r->accounting.unknownCategory, 0u);
}

TEST_F(CountTableScan, ThemeNamesAndNoPeriodColumnWithAYear)
{
    // A municipality's own table: area, theme and count, for the year given with --year.
    const auto table = jobtest::writeText(dir->path() / "thema.csv", "gebiedscode,thema,aantal\n"
                                                                     "BU01060000,woninginbraak,12\n"
                                                                     "BU01060000,Woninginbraak,3\n" // duplicate key
                                                                     "BU01060001,geweld,4\n");
    CollectingReporter reporter;
    const auto r = runScan(tableOptions(table), reporter);
    const auto& t = *r->countTable;
    EXPECT_EQ(t.registrationsPerReason.at("used"), 12u + 3u + 4u); // keys differ in case: both used
    const auto& f = *r->figures;
    const auto woninginbraak = *r->model.themeIndex("woninginbraak");
    const auto current = f.currentPeriod();
    EXPECT_EQ(f.themeCount(0, 0, woninginbraak, current), 15u);
    EXPECT_EQ(f.themeCount(0, 1, *r->model.themeIndex("geweld"), current), 4u);
    EXPECT_EQ(f.themeCount(0, 0, woninginbraak, 0), 0u); // a reference year
}

TEST_F(CountTableScan, CodesWithTheirTitleAsValues)
{
    // StatLine's "label" download: the category column holds code and title in one.
    const auto table =
        jobtest::writeText(dir->path() / "titels.csv", "WijkenEnBuurten,SoortMisdrijf,Perioden,aantal\n"
                                                       "BU01060000,0.0.0 Totaal misdrijven,2024JJ00,20\n"
                                                       "BU01060000,1.1.1 Diefstal/inbraak woning,2024JJ00,12\n"
                                                       "BU01060000,1.4.5 Mishandeling,2024JJ00,8\n");
    CollectingReporter reporter;
    const auto r = runScan(tableOptions(table), reporter);
    EXPECT_EQ(r->countTable->valuesPerReason.at("total_row"), 1u); // beside its categories
    EXPECT_EQ(r->accounting.assigned, 20u);
    EXPECT_EQ(r->accounting.unknownCategory, 0u);
    const auto& f = *r->figures;
    EXPECT_EQ(f.themeCount(0, 0, *r->model.themeIndex("woninginbraak"), f.currentPeriod()), 12u);
}

TEST_F(CountTableScan, DuplicateRowsAreCountedOnce)
{
    const auto table = jobtest::writeText(dir->path() / "dubbel.csv", "WijkenEnBuurten,SoortMisdrijf,Perioden,aantal\n"
                                                                      "BU01060000,1.1.1,2024JJ00,12\n"
                                                                      "BU01060000 ,1.1.1,2024JJ00,12\n");
    CollectingReporter reporter;
    const auto r = runScan(tableOptions(table), reporter);
    EXPECT_EQ(r->countTable->valuesPerReason.at("duplicate"), 1u);
    EXPECT_EQ(r->accounting.assigned, 12u);
}

TEST_F(CountTableScan, ExternScanOfATableIsProtected)
{
    const auto table = jobtest::writeText(dir->path() / "extern.csv", longTable("x4,BU99990001,1.1.1,2024JJ00,1\n"));
    auto o = tableOptions(table);
    o.internal = false;
    o.outDir = dir->path() / "extern";
    CollectingReporter reporter;
    const auto r = runScan(o, reporter);
    EXPECT_TRUE(r->protection.auditPassed);
    EXPECT_GT(r->protection.primaries, 0u);
    (void)writeScanOutputs(*r, o);
    const auto summary = nlohmann::json::parse(text(o.outDir / "summary.json"));
    EXPECT_EQ(summary["count_table"]["format"], "long");
    EXPECT_EQ(summary["count_table"]["values_per_reason"]["total_row"], 452 * 4);
    EXPECT_EQ(summary["assigned"], points->accounting.assigned);
    // A foreign buurt's 1 is not published: outside the police the codes come without counts.
    EXPECT_EQ(summary["count_table"]["unknown_area_codes"], nlohmann::json::array({"BU99990001"}));
    EXPECT_NE(text(o.outDir / "toelichting.txt").find("Geen tijdstip bekend"), std::string::npos);
}

TEST(CountTable, RealTotalsOf47018NedPerBuurt2023)
{
    if (!fs::exists(kMisdrijven) || !fs::exists(kBuurten)) GTEST_SKIP() << "data/open not present";
    // 506 rows: the 452 buurten of the seven gemeenten and the 54 of Aa en Hunze (not in the areas).
    ScanOptions o;
    o.counts.path = kMisdrijven.string();
    o.areas.path = kBuurten.string();
    o.referenceYears = 0;
    o.permutations = 0;
    o.internal = true;
    CollectingReporter reporter;
    const auto r = runScan(o, reporter);
    ASSERT_TRUE(r->countTable);
    const auto& t = *r->countTable;
    EXPECT_TRUE(r->periodsDetected);
    EXPECT_EQ(r->model.periods.back().id, "2023");
    EXPECT_EQ(r->fieldsUsed.at("count_area"), "buurtcode");
    EXPECT_EQ(r->fieldsUsed.at("count_category"), "soort_misdrijf_code");
    EXPECT_EQ(r->fieldsUsed.at("count_period"), "perioden");
    EXPECT_TRUE(t.totalsOnly);
    EXPECT_EQ(t.rowsRead, 506u);
    EXPECT_EQ(t.valuesPerReason.at("used"), 452u);
    EXPECT_EQ(t.valuesPerReason.at("area_not_in_areas"), 54u);
    EXPECT_EQ(t.unknownAreaCodes.count("BU16800000"), 1u); // Aa en Hunze
    // Brinkkwartier (BU01060000, Assen): 191 registered crimes in 2023, all of unknown theme.
    const auto& f = *r->figures;
    EXPECT_EQ(r->areas.levels[0].codes[0], "BU01060000");
    EXPECT_EQ(f.themeCount(0, 0, f.overigSlot(), f.currentPeriod()), 191u);
    std::uint64_t sum = 0;
    for (std::size_t a = 0; a < r->areas.levels[0].size(); ++a) sum += f.themeCount(0, a, f.overigSlot(), 0);
    EXPECT_EQ(sum, t.registrationsPerReason.at("used"));
    EXPECT_EQ(r->accounting.unknownCategory, sum);
    EXPECT_EQ(r->accounting.inputRecords, sum + t.registrationsPerReason.at("area_not_in_areas"));
    EXPECT_TRUE(reporter.warnings.empty()) << reporter.warnings.front();

    // With the default three reference years the table holds nothing to compare with: say so.
    o.referenceYears = 3;
    CollectingReporter three;
    (void)runScan(o, three);
    ASSERT_EQ(three.warnings.size(), 1u);
    EXPECT_NE(three.warnings[0].find("2020, 2021, 2022"), std::string::npos) << three.warnings[0];
}

TEST(CountTable, TablesWithoutTheirKeyColumnsAreInputErrors)
{
    jobtest::TempFolder tmp;
    if (!fs::exists(kBuurten)) GTEST_SKIP();
    const auto model = ScanModel{}; // no categories: a wide table cannot find its columns
    const auto noArea = jobtest::writeText(tmp.path() / "a.csv", "wie,wat,aantal\nx,1.1.1,3\n");
    try {
        CountTable t(source(noArea), {}, model, "");
        FAIL() << "no area column accepted";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("--counts-area-field"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("wie, wat, aantal"), std::string::npos) << e.what();
    }
    const auto noCount = jobtest::writeText(tmp.path() / "b.csv", "buurtcode,SoortMisdrijf,hoeveel\nBU1,1.1.1,3\n");
    try {
        CountTable t(source(noCount), {}, model, "");
        FAIL() << "no count column accepted";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("--counts-value-field"), std::string::npos) << e.what();
    }
    const auto wideNothing = jobtest::writeText(tmp.path() / "c.csv", "buurtcode,naam,inwoners\nBU1,x,3\n");
    try {
        CountTable t(source(wideNothing), {}, model, "");
        FAIL() << "a wide table without category columns accepted";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("--counts-category-field"), std::string::npos) << e.what();
    }
    ScanOptions o;
    o.counts.path = noArea.string();
    o.areas.path = kBuurten.string();
    o.grid = "square:500";
    CollectingReporter reporter;
    EXPECT_THROW((void)runScan(o, reporter), InputError);
    o.grid.clear();
    o.incidents.path = noArea.string();
    EXPECT_THROW((void)runScan(o, reporter), InputError);
}

} // namespace

namespace {

TEST(CountTable, SpreadsheetAndGeoPackageTablesReadLikeTheCsv)
{
    if (!fs::exists(kMisdrijven) || !fs::exists(kBuurten)) GTEST_SKIP() << "data/open not present";
    if (std::system("ogr2ogr --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "ogr2ogr not installed";
    jobtest::TempFolder tmp;
    // XLSX with every cell text (GDAL cannot tell the header then); GPKG with typed numbers.
    for (const std::string file : {"misdrijven.xlsx", "misdrijven.gpkg"}) {
        const auto out = tmp.path() / file;
        const std::string extra = file.ends_with(".gpkg") ? " -oo AUTODETECT_TYPE=YES" : "";
        ASSERT_EQ(
            std::system(("ogr2ogr '" + out.string() + "' '" + kMisdrijven.string() + "' -nln blad1" + extra).c_str()),
            0);
        ScanOptions o;
        o.counts.path = out.string();
        o.areas.path = kBuurten.string();
        o.referenceYears = 0;
        o.permutations = 0;
        o.internal = true;
        CollectingReporter reporter;
        const auto r = runScan(o, reporter);
        EXPECT_EQ(r->countTable->valuesPerReason.at("used"), 452u) << file;
        EXPECT_EQ(r->countTable->registrationsPerReason.at("used"), 13545u) << file;
        EXPECT_EQ(r->figures->themeCount(0, 0, r->figures->overigSlot(), 0), 191u) << file;
    }
}

} // namespace
