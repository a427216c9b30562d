// The near-repeat job: reading through GDAL, nearrepeat.csv and the Dutch summary, on the
// published Chicago arsons whose Knox table the Near Repeat Calculator gave (tests/reference).
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/pipeline/near_repeat_job.hpp"
#include "gebiedscan/pipeline/near_repeat_picture.hpp"
#include "gebiedscan_build_paths.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <unistd.h>

namespace gebiedscan::pipeline {
namespace {

namespace fs = std::filesystem;

const fs::path kReference = fs::path(GEBIEDSCAN_SOURCE_DIR) / "tests/reference/nearrepeat";

class NearRepeatJobTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = fs::temp_directory_path() / ("gebiedscan-nearrepeat-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        // The arsons with a header, coordinates rounded to 0.1 as the calculator read them, and
        // two rows the reader must skip (no coordinates, no date).
        std::ifstream in(kReference / "chicago_arson.csv");
        std::ofstream out(m_dir / "arsons.csv");
        out << "x,y,datum\n" << std::fixed << std::setprecision(1);
        std::string line;
        while (std::getline(in, line)) {
            std::stringstream ss(line);
            std::string x, y, date;
            std::getline(ss, x, ',');
            std::getline(ss, y, ',');
            std::getline(ss, date, ',');
            out << std::round(std::stod(x) * 10) / 10 << "," << std::round(std::stod(y) * 10) / 10 << "," << date
                << "\n";
        }
        out << ",,2016-05-01\n";
        out << "350000.0,570000.0,onbekend\n";
    }
    void TearDown() override { fs::remove_all(m_dir); }

    NearRepeatJobOptions options() const
    {
        NearRepeatJobOptions o;
        o.incidents.path = (m_dir / "arsons.csv").string();
        o.incidents.assumeCrs = "EPSG:28992"; // same as the working CRS: coordinates pass unchanged
        o.analysis.distanceBands = {200, 400, 600};
        o.analysis.timeBands = {1, 2, 3};
        o.analysis.permutations = 199;
        o.out = m_dir / "uit";
        return o;
    }

    fs::path m_dir;
};

std::vector<std::vector<std::string>> readCsv(const fs::path& file)
{
    std::ifstream in(file);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ',')) cells.push_back(cell);
        if (!line.empty() && line.back() == ',') cells.emplace_back();
        rows.push_back(cells);
    }
    return rows;
}

TEST_F(NearRepeatJobTest, WritesTheCalculatorsTableAndSummary)
{
    CollectingReporter reporter;
    NearRepeatJobOptions o = options();
    o.internal = true; // the calculator's full table, small pair counts included
    const NearRepeatJobResult r = runNearRepeatJob(o, reporter);
    EXPECT_EQ(r.input.accounting.inputRecords, 524u);
    EXPECT_EQ(r.input.events.size(), 522u);
    EXPECT_EQ(r.input.accounting.invalidGeometry, 1u);
    EXPECT_EQ(r.input.accounting.badDate, 1u);
    EXPECT_TRUE(r.input.accounting.balanced());

    const auto csv = readCsv(r.written.at(0));
    ASSERT_EQ(csv.size(), 21u);
    EXPECT_EQ(csv[0], (std::vector<std::string>{"dist_from", "dist_to", "days_from", "days_to", "observed", "expected",
                                                "ratio", "p"}));
    // Row-major: same location first, the open bands last with empty upper edges.
    EXPECT_EQ(csv[1][0], "0");
    EXPECT_EQ(csv[1][1], "0");
    EXPECT_EQ(csv[5][0], "0");
    EXPECT_EQ(csv[5][1], "200");
    EXPECT_EQ(csv[20][0], "600");
    EXPECT_EQ(csv[20][1], "");
    EXPECT_EQ(csv[20][2], "3");
    EXPECT_EQ(csv[20][3], "");
    // Observed column = the Near Repeat Calculator's observed frequencies, row by row.
    const std::vector<std::string> nrc{"0", "2",   "0", "8", "9", "1",   "1",   "45",  "4",   "0",
                                       "0", "140", "6", "0", "0", "234", "393", "710", "770", "133658"};
    for (std::size_t i = 0; i < nrc.size(); ++i) EXPECT_EQ(csv[i + 1][4], nrc[i]) << "row " << i + 1;

    // The calculator's verdict on these data: near repeats within 600 ft on the same day, the
    // strongest at 0-200 ft; no repeat at the same location straight after an arson.
    ASSERT_GE(r.summary.size(), 5u);
    EXPECT_NE(r.summary[0].find("significant near-repeatpatroon"), std::string::npos);
    EXPECT_NE(r.summary[1].find("Binnen 0 tot 200 m"), std::string::npos) << r.summary[1];
    EXPECT_NE(r.summary[1].find("tot 1 dag na"), std::string::npos) << r.summary[1];
    EXPECT_NE(r.summary[3].find("Binnen 400 tot 600 m"), std::string::npos) << r.summary[3];
    EXPECT_NE(r.summary[4].find("Het sterkst oververtegenwoordigd is 0 tot 200 m en 0 tot 1 dagen"), std::string::npos)
        << r.summary[4];
    EXPECT_NE(r.summary[5].find("Geen aanwijzing voor herhaling"), std::string::npos) << r.summary[5];

    std::ifstream text(r.written.at(1));
    const std::string all((std::istreambuf_iterator<char>(text)), std::istreambuf_iterator<char>());
    EXPECT_NE(all.find("Periode: 2016-01-01 t/m 2016-12-29"), std::string::npos) << all;
    EXPECT_NE(all.find("Knox-toets (globaal, afstand <= 200 m en <= 1 dag): X = 12"), std::string::npos) << all;
}

TEST_F(NearRepeatJobTest, SameResultForAnyThreadCount)
{
    CollectingReporter reporter;
    NearRepeatJobOptions o = options();
    o.analysis.threads = 1;
    const auto one = runNearRepeatJob(o, reporter);
    o.analysis.threads = 3;
    const auto three = runNearRepeatJob(o, reporter);
    EXPECT_EQ(one.table.p, three.table.p);
    EXPECT_EQ(one.table.expected, three.table.expected);
    EXPECT_EQ(one.summary, three.summary);
}

TEST(NearRepeatSummary, RepeatsAndCellsWithNothingExpected)
{
    // One distance band (100 m) and one time band (7 days): rows same / (0,100) / [100,inf).
    NearRepeatTable t;
    t.distanceBands = {100};
    t.timeBands = {7};
    t.permutations = 99;
    t.observed = {10, 50, 3, 40, 900, 9000};
    t.expected = {2.0, 58.0, 0.0, 43.0, 901.0, 8997.0};
    t.p = {0.01, 0.9, 0.01, 0.7, 0.5, 0.2};
    const auto lines = nearRepeatSummary(t, 0.05, 1.2);
    ASSERT_EQ(lines.size(), 5u);
    EXPECT_EQ(lines[1], "Binnen 0 tot 100 m van een voorval zijn near repeats oververtegenwoordigd tot 7 dagen na het "
                        "voorval (terwijl bij toeval geen enkel paar te verwachten is).");
    EXPECT_EQ(lines[2], "Het sterkst oververtegenwoordigd is 0 tot 100 m en 0 tot 7 dagen na een voorval: daar is bij "
                        "toeval geen enkel paar te verwachten.");
    EXPECT_EQ(lines[3], "Herhaling op dezelfde locatie is oververtegenwoordigd tot 7 dagen na een voorval (400 % meer "
                        "dan bij toeval).");
    // Not significant enough: no pattern.
    t.p = {0.2, 0.9, 0.06, 0.7, 0.5, 0.2};
    const auto none = nearRepeatSummary(t, 0.05, 1.2);
    EXPECT_EQ(none[0].rfind("Geen significant near-repeatpatroon", 0), 0u);
    EXPECT_EQ(none[1].rfind("Geen aanwijzing voor herhaling", 0), 0u);
}

TEST_F(NearRepeatJobTest, UnknownThemeIsAnInputError)
{
    CollectingReporter reporter;
    NearRepeatJobOptions o = options();
    o.theme = "bestaat-niet";
    EXPECT_THROW((void)runNearRepeatJob(o, reporter), InputError);
}

} // namespace
} // namespace gebiedscan::pipeline

namespace gebiedscan::pipeline {
namespace {

TEST_F(NearRepeatJobTest, HeatTablePictureColoursByRatioAndMarksTheRaisedCells)
{
    CollectingReporter reporter;
    NearRepeatJobOptions o = options();
    o.internal = true; // every cell coloured
    const NearRepeatJobResult r = runNearRepeatJob(o, reporter);
    ASSERT_EQ(r.written.size(), 4u); // csv, summary text, picture, summary.json
    EXPECT_EQ(r.written[2].filename(), "nearrepeat_tabel.png");
    EXPECT_EQ(r.written[3].filename(), "summary.json");
    EXPECT_FALSE(fs::exists(r.written[2].string() + ".aux.xml")); // a plain picture, no sidecar
    std::ifstream png(r.written[2], std::ios::binary);
    char magic[8] = {};
    png.read(magic, 8);
    EXPECT_EQ(std::string(magic + 1, 3), "PNG");

    const HeatTablePicture pic = nearRepeatHeatTable(r.table, 0.05, 1.2);
    const auto& t = r.table;
    int raisedCells = 0;
    std::string raisedList;
    for (std::size_t d = 0; d < t.distanceClasses(); ++d)
        for (std::size_t k = 0; k < t.timeClasses(); ++k) {
            const int x = pic.cellX0 + static_cast<int>(k) * pic.cellW,
                      y = pic.cellY0 + static_cast<int>(d) * pic.cellH;
            const auto i = t.index(d, k);
            const bool bothZero = t.observed[i] == 0 && t.expected[i] == 0;
            const bool raised = t.p[i] <= 0.05 && t.ratio(d, k) >= 1.2;
            raisedCells += raised;
            if (raised) raisedList += fmt::format("({},{})", d, k);
            // Inside the frame, away from the centred text: the ratio's colour.
            EXPECT_EQ(pic.at(x + 6, y + 6), nearRepeatRatioColour(t.ratio(d, k), bothZero)) << d << "," << k;
            EXPECT_EQ(pic.at(x + 2, y + pic.cellH / 2) == 0xff000000u, raised) << d << "," << k;
        }
    // The raised cells on the arsons (as the summary): 0-200, 200-400 and 400-600 m on the same day,
    // and the same location one day later (not from the first time band, so no repeat in the summary).
    EXPECT_EQ(raisedCells, 4);
    EXPECT_EQ(raisedList, "(0,1)(1,0)(2,0)(3,0)");
    EXPECT_TRUE(t.p[t.index(1, 0)] <= 0.05);
    EXPECT_EQ(nearRepeatRatioColour(1.0, false), 0xffffffffu);
    EXPECT_EQ(nearRepeatRatioColour(3.0, false), 0xffc81e1eu);
    EXPECT_EQ(nearRepeatRatioColour(0.0, false), 0xff3c78c8u);
    EXPECT_EQ(nearRepeatRatioColour(0.0, true), 0xffe6e6e6u);
}

} // namespace
} // namespace gebiedscan::pipeline

namespace gebiedscan::pipeline {
namespace {

TEST_F(NearRepeatJobTest, PairsPerAreaEqualABruteForceCountAndNeedInternal)
{
    // Two rectangles split at x = 354,000 over the arsons.
    std::ofstream(m_dir / "gebieden.geojson")
        << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},)"
        << R"("features":[)"
        << R"({"type":"Feature","properties":{"code":"W","naam":"West"},"geometry":{"type":"Polygon","coordinates":[[[340000,553000],[354000,553000],[354000,595000],[340000,595000],[340000,553000]]]}},)"
        << R"({"type":"Feature","properties":{"code":"O","naam":"Oost"},"geometry":{"type":"Polygon","coordinates":[[[354000,553000],[367000,553000],[367000,595000],[354000,595000],[354000,553000]]]}}]})";
    NearRepeatJobOptions o = options();
    o.areas.path = (m_dir / "gebieden.geojson").string();
    CollectingReporter reporter;
    EXPECT_THROW((void)runNearRepeatJob(o, reporter), InputError); // small counts per area: internal only
    o.internal = true;
    const NearRepeatJobResult r = runNearRepeatJob(o, reporter);
    ASSERT_TRUE(r.areas.has_value());
    // The first raised cell of the first time band is 0-200 m, 0-1 days (see the summary test).
    EXPECT_EQ(r.areas->distance, 200.0);
    EXPECT_EQ(r.areas->days, 1);
    // Brute force over all pairs: Manhattan distance in (0, 200), fewer than 1 day apart, counted
    // at the earlier event (the same day: the one read first).
    const auto& ev = r.input.events;
    std::int64_t west = 0, east = 0, westEvents = 0, eastEvents = 0;
    for (std::size_t i = 0; i < ev.size(); ++i) {
        (ev[i].point.x < 354000 ? westEvents : eastEvents) += 1;
        for (std::size_t j = i + 1; j < ev.size(); ++j) {
            const double d = std::abs(ev[i].point.x - ev[j].point.x) + std::abs(ev[i].point.y - ev[j].point.y);
            const auto gap = ev[j].day - ev[i].day;
            if (!(d > 0 && d < 200) || std::abs(gap) >= 1) continue;
            const auto& first = gap < 0 ? ev[j] : ev[i];
            (first.point.x < 354000 ? west : east) += 1;
        }
    }
    EXPECT_EQ(west + east, 9); // the calculator's observed count of the 0-200 m, 0-1 day cell
    ASSERT_EQ(r.areas->layer.codes, (std::vector<std::string>{"W", "O"}));
    EXPECT_EQ(r.areas->pairs, (std::vector<std::int64_t>{west, east}));
    EXPECT_EQ(r.areas->events, (std::vector<std::int64_t>{westEvents, eastEvents}));
    ASSERT_EQ(r.written.size(), 5u);
    EXPECT_EQ(r.written[3].filename(), "nearrepeat.gpkg");
    EXPECT_EQ(r.written[4].filename(), "summary.json");
    std::ifstream text(r.written[1]);
    const std::string all((std::istreambuf_iterator<char>(text)), std::istreambuf_iterator<char>());
    EXPECT_NE(all.find("laag areas: 9 paren op minder dan 200 m"), std::string::npos) << all;
}

} // namespace
} // namespace gebiedscan::pipeline
