// PointLocator with a polygon vertex exactly on the y of a row of cell centres. The cell-owner
// sweep must count such a vertex once (half-open edges, like containsPoint); counted twice, the
// parity flips back and every cell of the row that no edge crosses gets the wrong owner.
#include "gebiedscan/core/point_locator.hpp"

#include <gtest/gtest.h>

using namespace gebiedscan;

namespace {

std::int32_t reference(const std::vector<MultiPolygon>& areas, const PointRd& p)
{
    for (std::size_t a = 0; a < areas.size(); ++a)
        if (containsPoint(areas[a], p)) return static_cast<std::int32_t>(a);
    return PointLocator::kOutside;
}

} // namespace

TEST(PointLocatorVertex, VertexOnACellCentreRowCountsOnce)
{
    // Extent 32 x 32 with few edges: the locator uses its minimum of 1024 cells, 32 x 32 cells of
    // 1 x 1, so cell centres lie at y = 0.5, 1.5, ... The right-hand area has a vertex at
    // (24, 10.5), on the centre line of row 10; the left-hand area shares that vertex.
    const Ring left{{0, 0}, {25, 0}, {24, 10.5}, {25, 32}, {0, 32}};
    const Ring right{{25, 0}, {32, 0}, {32, 32}, {25, 32}, {24, 10.5}};
    const std::vector<MultiPolygon> areas{{Polygon{{left}}}, {Polygon{{right}}}};
    const PointLocator locator(areas);
    ASSERT_EQ(locator.cellCount(), 1024u);

    // Row 10 (10 <= y < 11), away from the edges: cells no edge crosses, answered by the sweep.
    EXPECT_EQ(locator.locate({5.5, 10.5}), 0);
    EXPECT_EQ(locator.locate({12.3, 10.7}), 0);
    EXPECT_EQ(locator.locate({20.0, 10.2}), 0);
    EXPECT_EQ(locator.locate({28.5, 10.5}), 1);
    EXPECT_EQ(locator.locate({31.2, 10.9}), 1);
    int checked = 0, inLeft = 0;
    for (double x = 0.05; x < 32; x += 0.1)
        for (double y = 9.05; y < 12; y += 0.1) {
            const auto want = reference(areas, {x, y});
            ASSERT_EQ(locator.locate({x, y}), want) << x << "," << y;
            inLeft += want == 0 ? 1 : 0;
            ++checked;
        }
    EXPECT_EQ(checked, 320 * 30);
    EXPECT_GT(inLeft, 7000); // most of the band is in the left-hand area
}
