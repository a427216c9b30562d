// Grid::cellOf for points exactly halfway between two hexagon centres: the documented rule
// ("ties go to the lower row, then the lower column") decides, so a point on a shared edge is
// counted in one cell, the same one every time.
#include "gebiedscan/core/grid.hpp"

#include <gtest/gtest.h>

using namespace gebiedscan;

TEST(GridTies, PointHalfwayBetweenTwoHexagonsGoesToTheLowerColumn)
{
    const Grid g(Grid::Shape::Hexagon, 100, Envelope{0, 0, 1000, 1000});
    // Row 0 has centres at x = 0, 100, 200, ...; (50, 0) and (250, 0) are exactly halfway.
    const auto left = g.cellOf({49.9, 0});
    const auto right = g.cellOf({50.1, 0});
    ASSERT_GE(left, 0);
    ASSERT_NE(left, right);
    EXPECT_EQ(g.cellOf({50, 0}), left);
    EXPECT_DOUBLE_EQ(g.centre(static_cast<std::size_t>(left)).x, 0.0);
    EXPECT_EQ(g.cellOf({250, 0}), g.cellOf({249.9, 0}));
    EXPECT_DOUBLE_EQ(g.centre(static_cast<std::size_t>(g.cellOf({250, 0}))).x, 200.0);
}
