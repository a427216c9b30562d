// Which themes get their own Gi* (>= 30 registrations at the finest level) is decided on the
// protected table outside the police (issue 13): a hidden count counts as T/2, as in the Gi*
// values themselves, so the choice tells a reader nothing the published counts do not.
#include "../gis/gis_test_support.hpp"
#include "gebiedscan_build_paths.hpp"

#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace gebiedscan {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::writeText;

// 15 squares in a strip, each with 20 registrations of code 1.3.1 (the total's Gi* is there
// anyway); overlast (2.2.1) 2 in each of the first 14 squares: 28 in truth, 14 hidden x 2.5 =
// 35 on the protected table; woninginbraak (1.1.1) 4 in each of the first 8: 32 in truth,
// 8 x 2.5 = 20 protected.
std::unique_ptr<const pipeline::ScanResult> scanStrip(const fs::path& dir, bool internal)
{
    fs::create_directories(dir);
    std::string areas =
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[)";
    std::string csv = "x;y;code;datum\n";
    for (int i = 0; i < 15; ++i) {
        const double x = 150000 + 1000.0 * i, y = 450000;
        areas += fmt::format(
            R"({}{{"type":"Feature","properties":{{"BU_CODE":"BU0002{:04}","BU_NAAM":"b{}","AANT_INW":{}}},)"
            R"("geometry":{{"type":"Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
            i ? "," : "", 100 + i, i, 1000 + 100 * i, x, y, x + 1000, y, x + 1000, y + 1000, x, y + 1000, x, y);
        const auto add = [&](const char* code, int n) {
            for (int k = 0; k < n; ++k)
                csv += fmt::format("{};{};{};2023-{:02}-{:02} 10:00\n", x + 500, y + 500, code, 1 + k % 12, 1 + i);
        };
        add("1.3.1", 20);
        if (i < 14) add("2.2.1", 2);
        if (i < 8) add("1.1.1", 4);
    }
    writeText(dir / "areas.geojson", areas + "]}");
    writeText(dir / "reg.csv", csv);
    pipeline::ScanOptions o;
    o.incidents.path = (dir / "reg.csv").string();
    o.incidents.assumeCrs = "EPSG:28992";
    o.areas.path = (dir / "areas.geojson").string();
    o.year = 2023;
    o.referenceYears = 0;
    o.permutations = 0;
    o.internal = internal;
    o.outDir = dir / "uit";
    pipeline::CollectingReporter reporter;
    return pipeline::runScan(o, reporter);
}

bool ownGiStar(const pipeline::ScanResult& r, const std::string& themeId)
{
    const auto slot = *r.model.themeIndex(themeId);
    const auto& slots = r.hotspots.at(0).slots;
    return std::find(slots.begin(), slots.end(), slot) != slots.end();
}

TEST(ScanProtectedStatistics, ThemesWithOwnGiStarAreChosenOnTheProtectedTable)
{
    TempDir dir;
    const auto intern = scanStrip(dir / "intern", true);
    EXPECT_FALSE(intern->hotspotsOnProtectedTable);
    EXPECT_TRUE(ownGiStar(*intern, "woninginbraak")) << "32 registrations";
    EXPECT_FALSE(ownGiStar(*intern, "overlast")) << "28 registrations";

    const auto extern_ = scanStrip(dir / "extern", false);
    ASSERT_TRUE(extern_->suppression);
    EXPECT_TRUE(extern_->hotspotsOnProtectedTable);
    const auto& f = *extern_->figures;
    // The protected sums by hand from what is hidden: every small count is, maybe a few zeros too.
    const auto protectedSum = [&](const std::string& theme) {
        const auto s = *extern_->model.themeIndex(theme);
        double sum = 0;
        for (std::size_t a = 0; a < 15; ++a)
            sum += extern_->suppression->theme(0, a, s, f.currentPeriod())
                       ? 2.5
                       : static_cast<double>(f.themeCount(0, a, s, f.currentPeriod()));
        return sum;
    };
    const double overlast = protectedSum("overlast"), burglary = protectedSum("woninginbraak");
    EXPECT_GE(overlast, 35.0);
    EXPECT_LT(burglary, 30.0);
    EXPECT_TRUE(ownGiStar(*extern_, "overlast")) << overlast << " on the protected table";
    EXPECT_FALSE(ownGiStar(*extern_, "woninginbraak")) << burglary << " on the protected table";
}

// The trend per theme (emerging hotspots over the months) asks >= 30 registrations as well: extern
// counted on the protected table of every period, so overlast (28 true, 35 protected) gets a trend
// and woninginbraak (32 true, 20 protected) none; internally the other way round.
TEST(ScanProtectedStatistics, ThemesWithATrendAreChosenOnTheProtectedTable)
{
    TempDir dir;
    const auto hasTrend = [](const pipeline::ScanResult& r, const std::string& themeId) {
        const auto slot = *r.model.themeIndex(themeId);
        return !r.trends.at(0).at(slot).empty();
    };
    const auto intern = scanStrip(dir / "intern", true);
    ASSERT_TRUE(intern->subYearDates);
    EXPECT_FALSE(intern->trends.at(0).at(intern->figures->totalSlot()).empty()) << "300 registrations";
    EXPECT_TRUE(hasTrend(*intern, "woninginbraak")) << "32 registrations";
    EXPECT_FALSE(hasTrend(*intern, "overlast")) << "28 registrations";

    const auto extern_ = scanStrip(dir / "extern", false);
    ASSERT_TRUE(extern_->suppression);
    EXPECT_FALSE(extern_->trends.at(0).at(extern_->figures->totalSlot()).empty());
    EXPECT_TRUE(hasTrend(*extern_, "overlast")) << "35 on the protected table";
    EXPECT_FALSE(hasTrend(*extern_, "woninginbraak")) << "20 on the protected table";
}

} // namespace
} // namespace gebiedscan
