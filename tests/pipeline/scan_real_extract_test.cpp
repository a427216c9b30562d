// Figures that mean what they say on extracts as they come (issue 12): the total holds overig, a
// grid scan counts every area by its own polygon, no reference means no change.
#include "../gis/gis_test_support.hpp"

#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace gebiedscan {
namespace {

using testing::TempDir;
using testing::writeText;

// Two 1 km buurten side by side (x 150000-151000 and 151000-152000), RD.
std::string twoBuurten()
{
    std::string areas =
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[)";
    for (int i = 0; i < 2; ++i) {
        const double x = 150000 + 1000.0 * i, y = 450000;
        areas += fmt::format(
            R"({}{{"type":"Feature","properties":{{"BU_CODE":"BU0001010{}"}},)"
            R"("geometry":{{"type":"Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
            i ? "," : "", i, x, y, x + 1000, y, x + 1000, y + 1000, x, y + 1000, x, y);
    }
    return areas + "]}";
}

class ScanRealExtract : public ::testing::Test {
protected:
    void SetUp() override
    {
        writeText(m_dir / "areas.geojson", twoBuurten());
        m_options.incidents.path = (m_dir / "reg.csv").string();
        m_options.incidents.assumeCrs = "EPSG:28992";
        m_options.areas.path = (m_dir / "areas.geojson").string();
        m_options.year = 2023;
        m_options.referenceYears = 1;
        m_options.permutations = 9;
        m_options.internal = true;
    }
    TempDir m_dir;
    pipeline::ScanOptions m_options;
    pipeline::CollectingReporter m_reporter;
};

TEST_F(ScanRealExtract, TotalIsThemesPlusOverigAndNoReferenceIsNoChange)
{
    // BU0: 3 burglaries (A20 -> 1.1.1) and 2 unknown codes; BU1: 4 unknown codes. Nothing in 2022.
    std::string csv = "incidentcode,begindatum,x,y\n";
    for (int k = 0; k < 3; ++k) csv += fmt::format("A20,2023050{}1200,150500,450500\n", k + 1);
    for (int k = 0; k < 2; ++k) csv += "Z99,20230601,150500,450500\n";
    for (int k = 0; k < 4; ++k) csv += "Z98,20230601,151500,450500\n";
    writeText(m_dir / "reg.csv", csv);
    const auto r = pipeline::runScan(m_options, m_reporter);
    const auto& f = *r->figures;
    const auto cur = f.currentPeriod();
    EXPECT_EQ(f.themeCount(0, 0, f.totalSlot(), cur), 5u);
    EXPECT_EQ(f.themeCount(0, 0, f.overigSlot(), cur), 2u);
    EXPECT_EQ(f.themeCount(0, 1, f.totalSlot(), cur), 4u);
    EXPECT_EQ(r->accounting.inArea(), 9u);
    EXPECT_EQ(r->accounting.assigned, 3u);
    EXPECT_FALSE(f.hasReference());
    EXPECT_EQ(f.change(0, 0, f.totalSlot()).flag, ChangeFlag::None);
    EXPECT_TRUE(r->timeOfDayKnown); // the three A20 at 12:00
}

TEST_F(ScanRealExtract, AReferenceYearBeforeTheDataIsLeftOutAndNamed)
{
    // --year 2023 with two reference years on an extract that starts in 2022: 2021 holds nothing.
    std::string csv = "incidentcode,begindatum,x,y\n";
    for (int k = 0; k < 20; ++k) csv += fmt::format("A20,2022{:02}101200,150500,450500\n", k % 12 + 1);
    for (int k = 0; k < 20; ++k) csv += fmt::format("A20,2023{:02}101200,150500,450500\n", k % 12 + 1);
    writeText(m_dir / "reg.csv", csv);
    m_options.referenceYears = 2;
    const auto r = pipeline::runScan(m_options, m_reporter);
    const auto& f = *r->figures;
    ASSERT_EQ(f.emptyReferencePeriods().size(), 1u);
    EXPECT_EQ(r->model.periods[f.emptyReferencePeriods()[0]].id, "2021");
    // 20 in 2022 is the expectation for 2023 (both 365 days), not 20 * 365 / 730 = 10 and a "rise".
    EXPECT_NEAR(f.change(0, 0, f.totalSlot()).expected, 20.0, 1e-9);
    EXPECT_EQ(f.change(0, 0, f.totalSlot()).flag, ChangeFlag::None);
    ASSERT_EQ(m_reporter.warnings.size(), 1u);
    EXPECT_NE(m_reporter.warnings[0].find("referentieperiode 2021 bevat geen enkele registratie"), std::string::npos)
        << m_reporter.warnings[0];
}

TEST_F(ScanRealExtract, GridCellsAcrossABoundaryAreSplitSoEveryAreaCountsItsOwnPolygon)
{
    // 600 m squares aligned to multiples of 600: the cell 150600-151200 has its centre (150900)
    // in BU0 and holds 2 registrations in BU0 (x 150950) and 3 in BU1 (x 151100). By centre
    // BU0 would count 5 and BU1 0.
    std::string csv = "incidentcode,begindatum,x,y\n";
    for (int k = 0; k < 2; ++k) csv += "A20,20230501,150950,450600\n";
    for (int k = 0; k < 3; ++k) csv += "A20,20230501,151100,450600\n";
    writeText(m_dir / "reg.csv", csv);
    m_options.grid = "square:600";
    const auto r = pipeline::runScan(m_options, m_reporter);
    const auto& f = *r->figures;
    const auto cur = f.currentPeriod();
    ASSERT_GE(r->areas.levels.size(), 2u);
    const auto& buurten = r->areas.levels[1];
    ASSERT_EQ(buurten.size(), 2u);
    for (std::size_t a = 0; a < buurten.size(); ++a)
        EXPECT_EQ(f.themeCount(1, a, f.totalSlot(), cur), buurten.codes[a] == "BU00010100" ? 2u : 3u)
            << buurten.codes[a];
    // Codes stay unique; the split part carries the buurt's code.
    const auto& cells = r->areas.levels[0].codes;
    EXPECT_EQ(std::set<std::string>(cells.begin(), cells.end()).size(), cells.size());
    EXPECT_EQ(std::count_if(cells.begin(), cells.end(),
                            [](const std::string& c) { return c.find("_BU0001010") != std::string::npos; }),
              1);
    EXPECT_FALSE(r->timeOfDayKnown); // dates only
}

TEST_F(ScanRealExtract, GridScanKeepsABuurtWithoutCellCentreOrRegistrationAtZeroInEveryLevel)
{
    // A third buurt, 200 x 200 m in a wijk of its own, holds no centre of a 500 m cell
    // (152250 lies east of it) and no registration: it and its wijk are still in the tables.
    std::string areas =
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[)";
    const auto square = [](const char* bu, const char* wk, double x, double y, double size) {
        return fmt::format(
            R"({{"type":"Feature","properties":{{"BU_CODE":"{}","WK_CODE":"{}","GM_CODE":"GM0001"}},)"
            R"("geometry":{{"type":"Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
            bu, wk, x, y, x + size, y, x + size, y + size, x, y + size, x, y);
    };
    areas += square("BU00010100", "WK000101", 150000, 450000, 1000) + "," +
             square("BU00010101", "WK000101", 151000, 450000, 1000) + "," +
             square("BU00010200", "WK000102", 152000, 450000, 200) + "]}";
    writeText(m_dir / "areas.geojson", areas);
    std::string csv = "incidentcode,begindatum,x,y\n";
    for (int k = 0; k < 7; ++k) csv += "A20,20230501,150300,450300\n";
    writeText(m_dir / "reg.csv", csv);
    m_options.grid = "square:500";
    const auto r = pipeline::runScan(m_options, m_reporter);
    const auto& f = *r->figures;
    const auto cur = f.currentPeriod();
    ASSERT_EQ(r->areas.levels.size(), 4u); // cel, buurt, wijk, gemeente
    const auto indexOf = [&](std::size_t level, const std::string& code) {
        const auto& codes = r->areas.levels[level].codes;
        return static_cast<std::size_t>(std::find(codes.begin(), codes.end(), code) - codes.begin());
    };
    const auto& buurten = r->areas.levels[1];
    ASSERT_EQ(buurten.size(), 3u);
    ASSERT_LT(indexOf(1, "BU00010200"), 3u);
    EXPECT_EQ(f.themeCount(1, indexOf(1, "BU00010200"), f.totalSlot(), cur), 0u);
    EXPECT_EQ(f.themeCount(1, indexOf(1, "BU00010100"), f.totalSlot(), cur), 7u);
    const auto& wijken = r->areas.levels[2];
    ASSERT_EQ(wijken.size(), 2u);
    ASSERT_LT(indexOf(2, "WK000102"), 2u);
    EXPECT_EQ(f.themeCount(2, indexOf(2, "WK000102"), f.totalSlot(), cur), 0u);
    EXPECT_EQ(f.themeCount(2, indexOf(2, "WK000101"), f.totalSlot(), cur), 7u);
    EXPECT_EQ(f.themeCount(3, 0, f.totalSlot(), cur), 7u);
    // The small buurt has exactly one unit: the cell that overlaps it.
    const auto& parents = r->areas.levels[0].parent;
    EXPECT_EQ(std::count(parents.begin(), parents.end(), static_cast<std::int32_t>(indexOf(1, "BU00010200"))), 1);
}

} // namespace
} // namespace gebiedscan
