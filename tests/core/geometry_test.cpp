#include "gebiedscan/core/geometry.hpp"
#include "gebiedscan/core/point_locator.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace gebiedscan;

namespace {
MultiPolygon rect(double x0, double y0, double x1, double y1)
{
    return {Polygon{{Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}};
}
} // namespace

TEST(Geometry, AreaOfSquareWithHole)
{
    MultiPolygon g = rect(0, 0, 10, 10);
    g[0].rings.push_back(Ring{{2, 2}, {4, 2}, {4, 4}, {2, 4}});
    EXPECT_DOUBLE_EQ(areaOf(g), 100.0 - 4.0);
    EXPECT_TRUE(containsPoint(g, {1, 1}));
    EXPECT_FALSE(containsPoint(g, {3, 3}));
}

TEST(Geometry, SharedEdgePointBelongsToExactlyOneArea)
{
    const auto left = rect(0, 0, 10, 10), right = rect(10, 0, 20, 10), top = rect(0, 10, 20, 20);
    // On the shared vertical edge, on the shared horizontal edge, and on the triple vertex.
    for (const PointRd p : {PointRd{10, 5}, PointRd{5, 10}, PointRd{10, 10}}) {
        const int hits = containsPoint(left, p) + containsPoint(right, p) + containsPoint(top, p);
        EXPECT_EQ(hits, 1) << p.x << "," << p.y;
    }
    EXPECT_TRUE(containsPoint(right, {10, 5})); // the half-open rule gives it to the right area
}

TEST(PointLocator, AgreesWithBruteForceOnAPartition)
{
    // A 7 x 5 partition of irregular quadrilaterals sharing jittered vertices, plus a hole area.
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> jitter(-3.0, 3.0);
    const int nx = 7, ny = 5;
    std::vector<std::vector<PointRd>> v(nx + 1, std::vector<PointRd>(ny + 1));
    for (int i = 0; i <= nx; ++i)
        for (int j = 0; j <= ny; ++j)
            v[i][j] = {i * 10.0 + ((i > 0 && i < nx) ? jitter(rng) : 0.0),
                       j * 10.0 + ((j > 0 && j < ny) ? jitter(rng) : 0.0)};
    std::vector<MultiPolygon> areas;
    for (int i = 0; i < nx; ++i)
        for (int j = 0; j < ny; ++j)
            areas.push_back({Polygon{{Ring{v[i][j], v[i + 1][j], v[i + 1][j + 1], v[i][j + 1]}}}});

    PointLocator locator(areas);
    std::uniform_real_distribution<double> ux(-5.0, 75.0), uy(-5.0, 55.0);
    std::vector<PointRd> points;
    for (int k = 0; k < 20000; ++k) points.push_back({ux(rng), uy(rng)});
    // Every shared vertex, and points on shared edges, must also agree.
    for (int i = 0; i <= nx; ++i)
        for (int j = 0; j <= ny; ++j) points.push_back(v[i][j]);
    for (int i = 0; i < nx; ++i)
        for (int j = 0; j <= ny; ++j)
            points.push_back({(v[i][j].x + v[i + 1][j].x) / 2, (v[i][j].y + v[i + 1][j].y) / 2});

    int inside = 0;
    for (const auto& p : points) {
        std::int32_t expected = PointLocator::kOutside;
        for (std::size_t a = 0; a < areas.size(); ++a)
            if (containsPoint(areas[a], p)) {
                expected = static_cast<std::int32_t>(a);
                break;
            }
        ASSERT_EQ(locator.locate(p), expected) << p.x << "," << p.y;
        inside += expected >= 0;
    }
    EXPECT_GT(inside, 14000); // 70 x 50 of the 80 x 60 sampled: about 14,600

    std::vector<std::int32_t> batch(points.size());
    locator.locate(points, batch, 2);
    for (std::size_t k = 0; k < points.size(); ++k) EXPECT_EQ(batch[k], locator.locate(points[k]));
}

TEST(PointLocator, OverlappingAreasLowestIndexWins)
{
    PointLocator locator({rect(0, 0, 10, 10), rect(5, 5, 15, 15)});
    EXPECT_EQ(locator.locate({7, 7}), 0);
    EXPECT_EQ(locator.locate({12, 12}), 1);
    EXPECT_EQ(locator.locate({20, 20}), PointLocator::kOutside);
    EXPECT_EQ(locator.locate({std::nan(""), 1}), PointLocator::kOutside);
}
