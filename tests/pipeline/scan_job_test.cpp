// The scan job in-process: one call gives the complete result (figures, hotspots, trends, hot
// times, protection) without writing or reading back files.
#include "../gis/gis_test_support.hpp"

#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <cmath>

namespace gebiedscan {
namespace {

using testing::TempDir;
using testing::writeText;

// A 4 x 4 block of 1 km squares (BU codes of one wijk) in RD; registrations of burglary (1.3.1)
// and street robbery (1.4.4) in 2023 (current) and 2022 (reference), busiest in the south-west.
class ScanJobTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::string areas =
            R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[)";
        for (int i = 0; i < 16; ++i) {
            const double x = 150000 + 1000.0 * (i % 4), y = 450000 + 1000.0 * (i / 4);
            areas += fmt::format(
                R"({}{{"type":"Feature","properties":{{"BU_CODE":"BU0001{:04}","BU_NAAM":"b{}","AANT_INW":{}}},)"
                R"("geometry":{{"type":"Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
                i ? "," : "", 100 + i, i, 1000 + 100 * i, x, y, x + 1000, y, x + 1000, y + 1000, x, y + 1000, x, y);
        }
        writeText(m_dir / "areas.geojson", areas + "]}");
        std::string csv = "x;y;code;datum\n";
        for (int i = 0; i < 16; ++i) {
            const double x = 150500 + 1000.0 * (i % 4), y = 450500 + 1000.0 * (i / 4);
            const int current = i == 0 ? 40 : i == 1 || i == 4 ? 20 : 3; // busiest in the corner
            for (int k = 0; k < current; ++k)
                csv += fmt::format("{};{};{};2023-{:02}-{:02} {:02}:30\n", x, y, k % 3 ? "1.3.1" : "1.4.4", 1 + k % 12,
                                   1 + k % 28, k % 24);
            for (int k = 0; k < 5; ++k) csv += fmt::format("{};{};1.3.1;2022-03-0{} 10:00\n", x, y, 1 + k);
        }
        writeText(m_dir / "reg.csv", csv);
        m_options.incidents.path = (m_dir / "reg.csv").string();
        m_options.incidents.assumeCrs = "EPSG:28992";
        m_options.areas.path = (m_dir / "areas.geojson").string();
        m_options.year = 2023;
        m_options.referenceYears = 1;
        m_options.permutations = 99;
    }

    TempDir m_dir;
    pipeline::ScanOptions m_options;
    pipeline::CollectingReporter m_reporter;
};

TEST_F(ScanJobTest, ResultHoldsFiguresHotspotsTrendsHotTimesAndProtection)
{
    const auto r = pipeline::runScan(m_options, m_reporter);
    ASSERT_EQ(r->areas.levels.size(), 3u); // buurt, wijk, gemeente from the CBS codes
    const auto& f = *r->figures;
    const std::size_t cur = f.currentPeriod();
    EXPECT_EQ(f.themeCount(0, 0, f.totalSlot(), cur), 40u);
    EXPECT_EQ(f.themeCount(2, 0, f.totalSlot(), cur), 40u + 20 + 20 + 13 * 3);
    EXPECT_EQ(r->accounting.assigned, 119u + 16 * 5);

    // Hotspots: the total at the buurt level (16 areas), the corner is the hot spot.
    ASSERT_EQ(r->hotspots.size(), 3u);
    ASSERT_FALSE(r->hotspots[0].results.empty());
    EXPECT_EQ(r->hotspots[0].slots.front(), f.totalSlot());
    const auto& gi = r->hotspots[0].results.front().gi.z;
    ASSERT_EQ(gi.size(), 16u);
    EXPECT_EQ(std::max_element(gi.begin(), gi.end()) - gi.begin(), 0);
    EXPECT_TRUE(r->hotspots[1].results.empty()); // one wijk: too few areas

    // Hot times: per level, summing to the current period's count of the area.
    ASSERT_EQ(r->hotTimes.size(), 3u);
    const auto& corner = r->hotTimes[0].at(0 * f.themeSlots() + f.totalSlot());
    double sum = 0;
    for (int d = 0; d < 7; ++d)
        for (int h = 0; h < 24; ++h) sum += corner.at(d, h);
    EXPECT_NEAR(sum, 40.0, 1e-9);
    const auto& gemeente = r->hotTimes[2].at(0 * f.themeSlots() + f.totalSlot());
    EXPECT_EQ(gemeente.events(), 40u + 20 + 20 + 13 * 3);

    // Trends per level and slot exist (possibly empty), and outside the police the counts
    // 1..4 are hidden: the 3s of the quiet buurten.
    ASSERT_EQ(r->trends.size(), 3u);
    ASSERT_NE(r->suppression, nullptr);
    EXPECT_TRUE(r->suppression->theme(0, 5, f.totalSlot(), cur));
    EXPECT_FALSE(r->suppression->theme(0, 0, f.totalSlot(), cur));
    EXPECT_NE(r->suppressionRule.find("1 t/m 4"), std::string::npos) << r->suppressionRule;
}

TEST_F(ScanJobTest, InternalScanHasNoSuppressionAndSaysSo)
{
    m_options.internal = true;
    const auto r = pipeline::runScan(m_options, m_reporter);
    EXPECT_EQ(r->suppression, nullptr);
    EXPECT_NE(r->suppressionRule.find("GEEN"), std::string::npos);
}

} // namespace
} // namespace gebiedscan
