// scan --survey: a hand-made gemeente of four square buurten in two wijken, counted from a table
// (so every rate is known), beside a survey at wijk level and one at buurt level. The quadrants,
// the region values, the inherited buurt rows and the rules (margin, n < 30) are checked by hand:
//
//   buurt        inwoners  registraties 2024   wijk        per 1.000
//   BU09990101     1000        300             WK099901    400 / 2000 = 200
//   BU09990102     1000        100
//   BU09990201     1000         50             WK099902    100 / 2000 =  50
//   BU09990202     1000         50
//   region (GM0999): 500 / 4000 = 125 per 1.000
#include "gebiedscan_build_paths.hpp"
#include "pipeline_test_support.hpp"

#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"
#include "gebiedscan/pipeline/scan_writer.hpp"
#include "gebiedscan/pipeline/survey_quadrant.hpp"
#include "gebiedscan/pipeline/survey_table.hpp"

#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace gebiedscan;
using namespace gebiedscan::pipeline;
using jobtest::TempFolder;
using jobtest::writeText;
namespace fs = std::filesystem;

namespace {

std::string square(const std::string& code, double x, double y, int population)
{
    std::ostringstream os;
    os << R"({"type":"Feature","properties":{"buurtcode":")" << code << R"(","buurtnaam":"buurt )" << code
       << R"(","aantal_inwoners":)" << population << R"(},"geometry":{"type":"Polygon","coordinates":[[[)" << x << ','
       << y << "],[" << x + 1000 << ',' << y << "],[" << x + 1000 << ',' << y + 1000 << "],[" << x << ',' << y + 1000
       << "],[" << x << ',' << y << "]]]}}";
    return os.str();
}

struct Fixture {
    TempFolder dir;
    fs::path areas, counts;
    Fixture()
    {
        areas = writeText(dir.path() / "buurten.geojson",
                          jobtest::rdGeoJson(square("BU09990101", 100000, 400000, 1000) + "," +
                                             square("BU09990102", 101000, 400000, 1000) + "," +
                                             square("BU09990201", 100000, 401000, 1000) + "," +
                                             square("BU09990202", 101000, 401000, 1000)));
        counts = writeText(dir.path() / "misdrijven.csv", "buurtcode,soort_misdrijf_code,perioden,aantal\n"
                                                          "BU09990101,0.0.0,2024JJ00,300\n"
                                                          "BU09990102,0.0.0,2024JJ00,100\n"
                                                          "BU09990201,0.0.0,2024JJ00,50\n"
                                                          "BU09990202,0.0.0,2024JJ00,50\n");
    }
    ScanOptions options(const fs::path& survey, bool internal = true) const
    {
        ScanOptions o;
        o.counts.path = counts.string();
        o.areas.path = areas.string();
        o.survey.path = survey.string();
        o.year = 2024;
        o.referenceYears = 0;
        o.internal = internal;
        o.permutations = 0;
        o.outDir = dir.path() / "uit";
        return o;
    }
};

gis::SourceSpec spec(const fs::path& file)
{
    gis::SourceSpec s;
    s.path = file.string();
    return s;
}

std::size_t levelIndex(const ScanResult& r, const std::string& name)
{
    for (std::size_t l = 0; l < r.areas.levels.size(); ++l)
        if (r.areas.levels[l].name == name) return l;
    throw std::runtime_error("no level " + name);
}

std::size_t areaIndex(const ScanResult& r, std::size_t level, const std::string& code)
{
    const auto& codes = r.areas.levels[level].codes;
    return static_cast<std::size_t>(std::find(codes.begin(), codes.end(), code) - codes.begin());
}

std::vector<std::map<std::string, std::string>> readCsv(const fs::path& file)
{
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3); // the BOM Dutch Excel wants
    const auto split = [](std::string l) {
        if (!l.empty() && l.back() == '\r') l.pop_back();
        std::vector<std::string> cells;
        std::stringstream ss(l);
        std::string cell;
        while (std::getline(ss, cell, ';'))
            cells.push_back(cell.size() > 1 && cell.front() == '"' ? cell.substr(1, cell.size() - 2) : cell);
        if (!l.empty() && l.back() == ';') cells.emplace_back();
        return cells;
    };
    const auto header = split(line);
    std::vector<std::map<std::string, std::string>> rows;
    while (std::getline(in, line)) {
        const auto cells = split(line);
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = i < cells.size() ? cells[i] : "";
        rows.push_back(row);
    }
    return rows;
}

} // namespace

TEST(SurveyTable, DetectsIndicatorsRespondentsMarginsAndTheLatestYear)
{
    TempFolder dir;
    const auto file = writeText(dir.path() / "vm.csv",
                                "wijkcode;wijknaam;jaar;onveilig_buurt_pct;marge_onveilig_buurt_pct;overlast_schaal;"
                                "n_overlast_schaal;n\n"
                                "WK099901;Noord;2021;35,0;5,0;2,0;80;90\n"
                                "WK099901;Noord;2023;30,0;5,0;1,0;120;200\n"
                                "WK099902;Zuid;2023;.;.;3,0;150;20\n");
    const SurveyTable t = readSurveyTable(spec(file), {}, "buurtcode");
    EXPECT_EQ(t.areaColumn, "wijkcode");
    EXPECT_EQ(t.yearColumn, "jaar");
    ASSERT_TRUE(t.year);
    EXPECT_EQ(*t.year, 2023);
    EXPECT_EQ(t.otherYearRows, 1u);
    ASSERT_EQ(t.indicators.size(), 2u);
    EXPECT_EQ(t.indicators[0].id, "onveilig_buurt_pct");
    EXPECT_TRUE(t.indicators[0].percentage);
    EXPECT_EQ(t.indicators[0].nColumn, "n");
    EXPECT_EQ(t.indicators[0].marginColumn, "marge_onveilig_buurt_pct");
    EXPECT_EQ(t.indicators[1].id, "overlast_schaal");
    EXPECT_FALSE(t.indicators[1].percentage);
    EXPECT_EQ(t.indicators[1].nColumn, "n_overlast_schaal"); // its own n before the shared one
    EXPECT_TRUE(t.indicators[1].marginColumn.empty());
    EXPECT_EQ(t.ignoredColumns, std::vector<std::string>{"wijknaam"});
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0].code, "WK099901");
    EXPECT_DOUBLE_EQ(*t.rows[0].value[0], 30.0); // 2023, not 2021
    EXPECT_DOUBLE_EQ(*t.rows[0].low[0], 25.0);
    EXPECT_DOUBLE_EQ(*t.rows[0].high[0], 35.0);
    EXPECT_DOUBLE_EQ(*t.rows[0].n[1], 120.0);
    EXPECT_FALSE(t.rows[1].value[0]); // '.': missing, not 0
    EXPECT_DOUBLE_EQ(*t.rows[1].n[0], 20.0);
}

TEST(SurveyTable, BadTablesAreOneDutchError)
{
    TempFolder dir;
    const auto expectError = [&](const std::string& content, const std::string& part) {
        const auto file = writeText(dir.path() / "vm.csv", content);
        try {
            (void)readSurveyTable(spec(file), {}, "buurtcode");
            ADD_FAILURE() << "no error for " << content;
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
        }
    };
    expectError("naam;onveilig_pct\nNoord;30\n",
                "geen kolom met de gebiedscode gevonden (kolommen: naam, onveilig_pct)");
    expectError("wijkcode;wijknaam\nWK099901;Noord\n", "geen indicatorkolom met getallen gevonden");
    expectError("wijkcode;onveilig_pct;n\nWK099901;30;100\nWK099901;31;90\n",
                "rij 2: gebied 'WK099901' staat twee keer in de tabel");
    expectError("wijkcode;onveilig_pct;n\nWK099901;30;-4\n",
                "aantal respondenten -4 in kolom 'n' is geen geheel getal");
    expectError("wijkcode;onveilig_pct;marge_onveilig_pct\nWK099901;30;-1\n",
                "marge -1 in kolom 'marge_onveilig_pct' is negatief");
    // A named indicator with text in it.
    const auto file = writeText(dir.path() / "vm.csv", "wijkcode;oordeel\nWK099901;goed\n");
    SurveyFields fields;
    fields.indicators = {"oordeel"};
    EXPECT_THROW((void)readSurveyTable(spec(file), fields, ""), InputError);
}

TEST(SurveyScan, WijkSurveyBesideABuurtScanGivesQuadrantsAtTheWijkAndMarksTheBuurten)
{
    Fixture fx;
    // The gemeente row is the region's value (the scan's single top area).
    const auto survey = writeText(fx.dir.path() / "vm_wijk.csv",
                                  "wijkcode;jaar;onveilig_buurt_pct;marge_onveilig_buurt_pct;overlast_schaal;n\n"
                                  "WK099901;2023;30;5;1,0;200\n"
                                  "WK099902;2023;10;2;3,0;150\n"
                                  "GM0999;2023;20;1;2,0;350\n"
                                  "WK123456;2023;20;1;2,0;350\n");
    CollectingReporter reporter;
    auto options = fx.options(survey);
    options.surveyCredit = "Veiligheidsmonitor (testcijfers)";
    const auto r = runScan(options, reporter);
    ASSERT_TRUE(r->survey);
    const ScanSurvey& s = *r->survey;
    const std::size_t wijk = levelIndex(*r, "wijk"), buurt = levelIndex(*r, "buurt"),
                      gemeente = levelIndex(*r, "gemeente");
    EXPECT_EQ(s.level, wijk);
    EXPECT_DOUBLE_EQ(s.regionRate, 125.0);
    EXPECT_DOUBLE_EQ(s.regionValue[0], 20.0);
    EXPECT_DOUBLE_EQ(s.regionValue[1], 2.0);
    EXPECT_EQ(s.regionFrom[0], "rij GM0999 van de tabel");
    EXPECT_EQ(s.unmatched, 1u);
    EXPECT_EQ(s.unmatchedCodes, std::vector<std::string>{"WK123456"});
    const auto w1 = areaIndex(*r, wijk, "WK099901"), w2 = areaIndex(*r, wijk, "WK099902");
    EXPECT_EQ(s.cells[w1][0].quadrant, SurveyQuadrant::HighHigh); // 200 > 125, 25..35 above 20
    EXPECT_EQ(s.cells[w2][0].quadrant, SurveyQuadrant::LowLow);   // 50 < 125, 8..12 below 20
    // A scale score without margin: its uncertainty is unknown, so no quadrant by default ...
    EXPECT_EQ(s.cells[w1][1].quadrant, SurveyQuadrant::NoMargin);
    EXPECT_EQ(s.cells[w2][1].quadrant, SurveyQuadrant::NoMargin);
    EXPECT_EQ(s.candidates, std::vector<std::size_t>{w1});
    {
        // ... unless asked for (--survey-classify-without-margin): then on its value alone.
        SurveyRules rules;
        rules.classifyWithoutMargin = true;
        const auto byValue = joinSurvey(s.table, *r, "", rules);
        EXPECT_EQ(byValue.cells[w1][1].quadrant, SurveyQuadrant::HighLow); // no margin: 1,0 < 2,0
        EXPECT_EQ(byValue.cells[w2][1].quadrant, SurveyQuadrant::LowHigh);
        // A reversed scale (--survey-higher-is-safer): 1,0 below the region's 2,0 is the unsafe side.
        rules.higherIsSafer = {"overlast_schaal"};
        const auto reversed = joinSurvey(s.table, *r, "", rules);
        EXPECT_EQ(reversed.cells[w1][1].quadrant, SurveyQuadrant::HighHigh);
        EXPECT_EQ(reversed.cells[w2][1].quadrant, SurveyQuadrant::LowLow);
        EXPECT_EQ(reversed.cells[w1][0].quadrant, SurveyQuadrant::HighHigh); // the other indicator unchanged
        rules.higherIsSafer = {"rapportcijfer"};
        EXPECT_THROW((void)joinSurvey(s.table, *r, "", rules), InputError);
    }
    EXPECT_TRUE(soundsHigherIsSafer("rapportcijfer_veiligheid"));
    EXPECT_TRUE(soundsHigherIsSafer("Voelt zich veilig (%)"));
    EXPECT_FALSE(soundsHigherIsSafer("onveilig_buurt_pct"));
    // The survey of 2023 beside the scan of 2024: used, and said.
    EXPECT_EQ(s.scanYear, 2024);
    EXPECT_TRUE(s.yearDiffers());
    bool yearWarned = false;
    for (const auto& w : reporter.warnings) yearWarned = yearWarned || w.find("de enquête is van 2023") != std::string::npos;
    EXPECT_TRUE(yearWarned);
    // Buurten show their wijk's cell; the gemeente none.
    const auto b = areaIndex(*r, buurt, "BU09990102"); // 100 per 1.000 itself: the wijk's quadrant all the same
    ASSERT_NE(s.cell(buurt, b, 0), nullptr);
    EXPECT_EQ(s.cell(buurt, b, 0)->quadrant, SurveyQuadrant::HighHigh);
    EXPECT_EQ(s.source[buurt][b], static_cast<std::int64_t>(w1));
    EXPECT_EQ(s.cell(gemeente, 0, 0), nullptr);
    bool warned = false;
    for (const auto& w : reporter.warnings) warned = warned || w.find("WK123456") != std::string::npos;
    EXPECT_TRUE(warned);

    // Written: the columns, summary.json's survey block and source, the rule in toelichting.txt.
    writeScanOutputs(*r, options);
    const auto buurten = readCsv(options.outDir / "gebiedscan_buurt.csv");
    ASSERT_EQ(buurten.size(), 4u);
    for (const auto& row : buurten) {
        for (const char* column : {"code", "survey_niveau", "survey_code", "kwadrant_onveilig_buurt_pct", "aol_survey",
                                   "survey_onder_onveilig_buurt_pct", "survey_n_overlast_schaal"})
            ASSERT_TRUE(row.count(column)) << column;
        EXPECT_EQ(row.at("survey_niveau"), "wijk");
        const bool north = row.at("code").rfind("BU099901", 0) == 0;
        EXPECT_EQ(row.at("survey_code"), north ? "WK099901" : "WK099902");
        EXPECT_EQ(row.at("kwadrant_onveilig_buurt_pct"),
                  north ? "objectief hoog, subjectief hoog" : "objectief laag, subjectief laag");
        EXPECT_EQ(row.at("aol_survey"), north ? "1" : "0");
        EXPECT_EQ(row.at("survey_onder_onveilig_buurt_pct"), north ? "25" : "8");
        EXPECT_EQ(row.at("survey_n_overlast_schaal"), north ? "200" : "150");
    }
    const auto gemeenten = readCsv(options.outDir / "gebiedscan_gemeente.csv");
    ASSERT_EQ(gemeenten.size(), 1u);
    EXPECT_EQ(gemeenten[0].at("kwadrant_onveilig_buurt_pct"), "");
    std::ifstream summaryFile(options.outDir / "summary.json");
    const auto summary = nlohmann::json::parse(summaryFile);
    EXPECT_EQ(summary["survey"]["level"], "wijk");
    EXPECT_EQ(summary["survey"]["year"], 2023);
    EXPECT_EQ(summary["survey"]["scan_year"], 2024);
    EXPECT_EQ(summary["survey"]["year_differs"], true);
    EXPECT_EQ(summary["survey"]["aol_candidates"][0]["code"], "WK099901");
    bool credited = false;
    for (const auto& src : summary["sources"])
        credited = credited || (src["role"] == "enquête" && src["credit"] == "Veiligheidsmonitor (testcijfers) (2023)");
    EXPECT_TRUE(credited) << summary["sources"].dump();
    std::ifstream note(options.outDir / "toelichting.txt");
    const std::string text((std::istreambuf_iterator<char>(note)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("niet te onderscheiden"), std::string::npos);
    EXPECT_NE(text.find("'geen marge'"), std::string::npos);
    EXPECT_NE(text.find("Let op: de enquête is van 2023, de huidige periode van de scan van 2024."), std::string::npos);
    EXPECT_NE(text.find("AOL-kandidaten uit de enquête: WK099901\n"), std::string::npos) << text;
}

TEST(SurveyScan, BuurtSurveyRespectsTooFewRespondentsAndTheIntervalFromN)
{
    Fixture fx;
    // No margin column: the 95 % interval of a percentage from n. Region: weighted by n,
    // (22*25 + 24*100 + 10*400 + 40*400) / 925 = 24.81.
    const auto survey = writeText(fx.dir.path() / "vm_buurt.csv", "buurtcode;onveilig_pct;n\n"
                                                                  "BU09990101;22;25\n"
                                                                  "BU09990102;24;100\n"
                                                                  "BU09990201;10;400\n"
                                                                  "BU09990202;40;400\n");
    CollectingReporter reporter;
    const auto r = runScan(fx.options(survey), reporter);
    ASSERT_TRUE(r->survey);
    const ScanSurvey& s = *r->survey;
    const std::size_t buurt = levelIndex(*r, "buurt");
    EXPECT_EQ(s.level, buurt);
    EXPECT_NEAR(s.regionValue[0], 22950.0 / 925.0, 1e-12);
    const auto cell = [&](const char* code) { return s.cells[areaIndex(*r, buurt, code)][0]; };
    EXPECT_EQ(cell("BU09990101").quadrant, SurveyQuadrant::TooFew);     // n 25 < 30
    EXPECT_EQ(cell("BU09990102").quadrant, SurveyQuadrant::Indistinct); // 24 +- 8.37 holds 24.81
    EXPECT_NEAR(*cell("BU09990102").low, 24 - 1.96 * std::sqrt(0.24 * 0.76 / 100) * 100, 1e-9);
    EXPECT_EQ(cell("BU09990201").quadrant, SurveyQuadrant::LowLow);  // 50 < 125; 10 +- 2.94
    EXPECT_EQ(cell("BU09990202").quadrant, SurveyQuadrant::LowHigh); // 50 < 125; 40 +- 4.80
    EXPECT_TRUE(s.candidates.empty());
    // No finer level: the wijk and gemeente get no survey values.
    EXPECT_EQ(s.cell(levelIndex(*r, "wijk"), 0, 0), nullptr);
}

TEST(SurveyScan, HiddenCountGivesNoQuadrantOutsideThePolice)
{
    Fixture fx;
    // A buurt with 2 registrations: a small count, hidden outside the police.
    fx.counts = writeText(fx.dir.path() / "misdrijven.csv", "buurtcode,soort_misdrijf_code,perioden,aantal\n"
                                                            "BU09990101,0.0.0,2024JJ00,300\n"
                                                            "BU09990102,0.0.0,2024JJ00,100\n"
                                                            "BU09990201,0.0.0,2024JJ00,2\n"
                                                            "BU09990202,0.0.0,2024JJ00,50\n");
    const auto survey = writeText(fx.dir.path() / "vm_buurt.csv", "buurtcode;onveilig_pct;marge_onveilig_pct;n\n"
                                                                  "BU09990101;40;1;500\n"
                                                                  "BU09990102;40;1;500\n"
                                                                  "BU09990201;40;1;500\n"
                                                                  "BU09990202;40;1;500\n");
    CollectingReporter reporter;
    const auto r = runScan(fx.options(survey, false), reporter);
    ASSERT_TRUE(r->survey && r->suppression);
    const std::size_t buurt = levelIndex(*r, "buurt");
    const auto& f = *r->figures;
    std::size_t hidden = 0;
    for (std::size_t a = 0; a < r->areas.levels[buurt].size(); ++a) {
        const bool secret = r->suppression->theme(buurt, a, f.totalSlot(), f.currentPeriod());
        hidden += secret;
        EXPECT_EQ(r->survey->cells[a][0].quadrant == SurveyQuadrant::Hidden, secret) << a;
    }
    EXPECT_GE(hidden, 1u); // the 2 at least
    EXPECT_EQ(r->survey->cells[areaIndex(*r, buurt, "BU09990201")][0].quadrant, SurveyQuadrant::Hidden);
}

TEST(SurveyScan, NoCodeInCommonIsOneErrorNamingBothSides)
{
    Fixture fx;
    const auto survey = writeText(fx.dir.path() / "vm.csv", "wijkcode;onveilig_pct;n\nWK010600;20;100\n");
    CollectingReporter reporter;
    try {
        (void)runScan(fx.options(survey), reporter);
        FAIL() << "no error";
    } catch (const InputError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("geen enkele gebiedscode van de enquête (WK010600 ...)"), std::string::npos) << m;
        EXPECT_NE(m.find("buurt BU09990101"), std::string::npos) << m;
    }
}
