// A grid scan keeps only the cells with registrations (sparse): the counts of those cells and
// their Gi* (analytic, FDR over every cell of the region) are those of the dense grid, where
// every empty cell of the region is an area with count 0.
#include "pipeline_test_support.hpp"

#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"

#include "gebiedscan/core/contiguity.hpp"
#include "gebiedscan/core/grid.hpp"
#include "gebiedscan/core/local_hotspots.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <map>
#include <random>

using namespace gebiedscan;

namespace {

// Two 2 km x 2 km buurten side by side: a region of 16 x 8 cells of 250 m.
std::string twoBuurten()
{
    std::string features;
    for (int i = 0; i < 2; ++i) {
        const double x = 154000 + 2000.0 * i, y = 462000;
        features += fmt::format(
            R"({}{{"type":"Feature","properties":{{"BU_CODE":"BU0001010{}","BU_NAAM":"b{}","AANT_INW":1000}},)"
            R"("geometry":{{"type":"Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
            i ? "," : "", i, i, x, y, x + 2000, y, x + 2000, y + 2000, x, y + 2000, x, y);
    }
    return jobtest::rdGeoJson(features);
}

// 60 registrations in a cluster around (155100, 463100), 40 scattered over the region.
std::vector<PointRd> registrationPoints()
{
    std::mt19937 rng(18);
    std::uniform_real_distribution<double> cx(154800, 155400), cy(462800, 463400), ux(154010, 157990),
        uy(462010, 463990);
    std::vector<PointRd> points;
    for (int i = 0; i < 60; ++i) points.push_back({cx(rng), cy(rng)});
    for (int i = 0; i < 40; ++i) points.push_back({ux(rng), uy(rng)});
    return points;
}

std::string registrations(const std::vector<PointRd>& points)
{
    std::string f;
    for (std::size_t i = 0; i < points.size(); ++i)
        f += fmt::format(R"({}{{"type":"Feature","properties":{{"code":"1.1.1","datum":"2023-{:02}-15"}},)"
                         R"("geometry":{{"type":"Point","coordinates":[{:.1f},{:.1f}]}}}})",
                         i ? "," : "", i % 12 + 1, points[i].x, points[i].y);
    return jobtest::rdGeoJson(f);
}

} // namespace

TEST(SparseGridScan, CellsWithRegistrationsOnlyWithTheDenseGridsCountsAndGiStar)
{
    jobtest::TempFolder tmp;
    auto points = registrationPoints();
    for (auto& p : points) p = {std::round(p.x * 10) / 10, std::round(p.y * 10) / 10}; // as written
    const auto incidents = jobtest::writeText(tmp.path() / "registraties.geojson", registrations(points));
    const auto areas = jobtest::writeText(tmp.path() / "buurten.geojson", twoBuurten());
    pipeline::CollectingReporter reporter;
    pipeline::ScanOptions o;
    o.incidents.path = incidents.string();
    o.areas.path = areas.string();
    o.grid = "square:250";
    o.year = 2023;
    o.referenceYears = 0;
    o.permutations = 0;
    o.internal = true; // Gi* of the true counts (extern scans compute it on the protected table)
    const auto s = pipeline::runScan(o, reporter);

    // The dense grid: all 128 cells of the region, counted here from the points themselves.
    const Grid grid(Grid::Shape::Square, 250, Envelope{154000, 462000, 158000, 464000});
    ASSERT_EQ(grid.cellCount(), 17u * 9u); // the far edges (x = 158000, y = 464000) open cells outside
    std::vector<std::size_t> region;
    std::map<std::string, std::size_t> denseIndex;
    for (std::size_t c = 0; c < grid.cellCount(); ++c)
        if (grid.centre(c).x < 158000 && grid.centre(c).y < 464000) {
            denseIndex[grid.code(c)] = region.size();
            region.push_back(c);
        }
    ASSERT_EQ(region.size(), 128u);
    std::vector<double> dense(region.size(), 0.0);
    for (const auto& p : points) ++dense[denseIndex.at(grid.code(static_cast<std::size_t>(grid.cellOf(p))))];
    std::size_t occupied = 0;
    for (double v : dense) occupied += v > 0 ? 1 : 0;

    // Sparse: one unit per cell with registrations, with the same count.
    const auto& cells = s->areas.levels[0];
    const auto& f = *s->figures;
    EXPECT_EQ(cells.size(), occupied);
    EXPECT_EQ(cells.size(), 41u); // of 128
    for (std::size_t a = 0; a < cells.size(); ++a)
        EXPECT_EQ(static_cast<double>(f.themeCount(0, a, f.totalSlot(), f.currentPeriod())),
                  dense[denseIndex.at(cells.codes[a])])
            << cells.codes[a];

    // Gi* of the dense grid (queen contiguity of the cell polygons, as the scan used to build it).
    std::vector<MultiPolygon> polygons;
    for (auto c : region) polygons.push_back(grid.polygon(c));
    const auto weights = contiguityWeights(polygons, Contiguity::Queen, 0.01);
    const auto expected = computeLocalHotspots(dense, weights, s->hotspotOptions);
    ASSERT_FALSE(s->hotspots[0].results.empty());
    ASSERT_EQ(s->hotspots[0].slots[0], f.totalSlot());
    const auto& gi = s->hotspots[0].results[0];
    std::size_t hot = 0;
    for (std::size_t a = 0; a < cells.size(); ++a) {
        const std::size_t d = denseIndex.at(cells.codes[a]);
        EXPECT_NEAR(gi.gi.z[a], expected.gi.z[d], 1e-9) << cells.codes[a];
        EXPECT_NEAR(gi.giP[a], expected.giP[d], 1e-12) << cells.codes[a];
        EXPECT_NEAR(gi.giClass.pAdjusted[a], expected.giClass.pAdjusted[d], 1e-12) << cells.codes[a];
        EXPECT_EQ(gi.giClass.bins[a], expected.giClass.bins[d]) << cells.codes[a];
        if (gi.giClass.bins[a] == 3) ++hot;
    }
    // The pinned numbers: the cluster's middle cell and how many hot cells at 99 %.
    const auto middle = std::find(cells.codes.begin(), cells.codes.end(), "250m_E1550N4630") - cells.codes.begin();
    ASSERT_LT(static_cast<std::size_t>(middle), cells.size());
    EXPECT_NEAR(gi.gi.z[static_cast<std::size_t>(middle)], 9.837756577557, 1e-9);
    EXPECT_EQ(hot, 9u);
}
