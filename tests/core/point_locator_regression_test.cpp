// Regression tests for PointLocator found by fuzz/area_locator_fuzz.cpp: the locator must give
// exactly what containsPoint gives, area by area in index order (its documented contract).
#include "gebiedscan/core/point_locator.hpp"

#include <gtest/gtest.h>

using namespace gebiedscan;

namespace {

MultiPolygon box(double x0, double y0, double x1, double y1)
{
    return {Polygon{{Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}}}};
}

std::int32_t reference(const std::vector<MultiPolygon>& areas, const PointRd& p)
{
    for (std::size_t a = 0; a < areas.size(); ++a)
        if (containsPoint(areas[a], p)) return static_cast<std::int32_t>(a);
    return PointLocator::kOutside;
}

} // namespace

// Two areas stacked along a horizontal edge (y = 1000) that cuts through the middle of a grid
// row. Horizontal edges were left out of the cell bookkeeping, so cells crossed only by the
// shared edge took the owner of their centre: 5,980 of 38,753 points in the band 950..1050
// went to the wrong area. CBS squares and many buurt outlines have exactly horizontal edges.
TEST(PointLocatorRegression, AreasStackedAlongAHorizontalEdge)
{
    const std::vector<MultiPolygon> areas{box(0, 0, 1000, 1000), box(0, 1000, 1000, 2100)};
    const PointLocator locator(areas);
    int checked = 0;
    for (double x = 1; x < 1000; x += 7)
        for (double y = 950; y < 1050; y += 0.37) {
            ASSERT_EQ(locator.locate({x, y}), reference(areas, {x, y})) << x << "," << y;
            ++checked;
        }
    EXPECT_EQ(checked, 143 * 271);
    EXPECT_EQ(locator.locate({500, 999.9}), 0);
    EXPECT_EQ(locator.locate({500, 1000.0}), 1); // the shared edge: half-open, to the upper area
}

// The fuzzer's reproducer: a square with a hole; a point in the middle of the hole's bottom
// edge (on a horizontal edge, nothing else in its cell) belongs to the hole, i.e. to no area.
TEST(PointLocatorRegression, PointOnTheBottomEdgeOfAHole)
{
    MultiPolygon holed = box(155000, 463160, 155160, 463320);
    holed[0].rings.push_back(Ring{{155040, 463200}, {155080, 463200}, {155080, 463240}, {155040, 463240}});
    const std::vector<MultiPolygon> areas{box(155000, 463000, 155080, 463080), box(155080, 463000, 155160, 463080),
                                          holed};
    const PointLocator locator(areas);
    EXPECT_EQ(locator.locate({155060, 463200}), PointLocator::kOutside);
    EXPECT_EQ(locator.locate({155060, 463199.99}), 2);
    for (double x = 155000.5; x < 155160; x += 1.0)
        for (double y = 463150; y < 463330; y += 0.25)
            ASSERT_EQ(locator.locate({x, y}), reference(areas, {x, y})) << x << "," << y;
}
