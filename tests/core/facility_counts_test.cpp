// Registrations around facilities: the grid count equals a brute-force count, polygons count
// from their edge, nearest-only gives each registration once, the excess test equals R's
// poisson.test, and the Eck-Clarke-Guerette curve.
#include "gebiedscan/core/facility_counts.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

namespace gebiedscan {
namespace {

FacilityShape pointFacility(double x, double y)
{
    FacilityShape s;
    s.points.push_back({x, y});
    return s;
}

FacilityShape square(double x, double y, double side)
{
    FacilityShape s;
    s.polygons.push_back({{{{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}}}});
    return s;
}

TEST(FacilityCounts, GridCountEqualsBruteForce)
{
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(0, 5000);
    std::vector<FacilityShape> facilities;
    for (int f = 0; f < 60; ++f) facilities.push_back(pointFacility(u(rng), u(rng)));
    for (int f = 0; f < 20; ++f) facilities.push_back(square(u(rng), u(rng), 30 + f));
    std::vector<PointRd> points;
    std::vector<std::uint32_t> group;
    for (int i = 0; i < 20000; ++i) {
        points.push_back({u(rng) * 1.1 - 250, u(rng) * 1.1 - 250});
        group.push_back(static_cast<std::uint32_t>(i % 3));
    }
    for (bool nearest : {false, true}) {
        FacilityCountOptions o;
        o.radius = 150;
        o.nearestOnly = nearest;
        o.threads = 3;
        const FacilityCounts c = countAroundFacilities(facilities, points, group, 3, o);
        std::vector<std::uint64_t> radius(facilities.size() * 3, 0), all(facilities.size(), 0),
            ring(facilities.size(), 0);
        std::uint64_t nearAny = 0;
        for (std::size_t i = 0; i < points.size(); ++i) {
            double best = INFINITY;
            std::size_t bestF = 0;
            for (std::size_t f = 0; f < facilities.size(); ++f) {
                const double d = distanceToFacility(facilities[f], points[i]);
                if (d <= 150) {
                    ++all[f];
                    if (!nearest) ++radius[f * 3 + group[i]];
                    if (d < best) {
                        best = d;
                        bestF = f;
                    }
                } else if (d <= 750) {
                    ++ring[f];
                }
            }
            if (best <= 150) {
                ++nearAny;
                if (nearest) ++radius[bestF * 3 + group[i]];
            }
        }
        EXPECT_EQ(c.inRadius, radius) << "nearest only " << nearest;
        EXPECT_EQ(c.inRadiusAll, all);
        EXPECT_EQ(c.inRing, ring);
        EXPECT_EQ(c.nearAny, nearAny);
        std::uint64_t sum = 0;
        for (auto v : c.inRadius) sum += v;
        if (nearest)
            EXPECT_EQ(sum, nearAny) << "each registration once";
        else
            EXPECT_GT(sum, nearAny) << "the fixture must have overlapping radii";
    }
}

TEST(FacilityCounts, PolygonDistanceIsToItsEdgeAndZeroInside)
{
    const FacilityShape s = square(0, 0, 100);
    EXPECT_EQ(distanceToFacility(s, {50, 50}), 0.0);
    EXPECT_DOUBLE_EQ(distanceToFacility(s, {150, 50}), 50.0);
    EXPECT_DOUBLE_EQ(distanceToFacility(s, {103, 104}), 5.0);
    // Steiner: 100² + 400 r + pi r².
    EXPECT_DOUBLE_EQ(facilityBufferArea(s, 10), 10000 + 4000 + std::numbers::pi * 100);
    EXPECT_DOUBLE_EQ(facilityBufferArea(pointFacility(0, 0), 200), std::numbers::pi * 40000);
}

TEST(FacilityCounts, ExcessTestEqualsRsPoissonTestGreater)
{
    // R: a = pi * 200^2; r = pi * 1000^2 - a; poisson.test(c(12, 30), c(a, r), alternative = "greater")
    const double a = std::numbers::pi * 200 * 200, r = std::numbers::pi * 1000 * 1000 - a;
    const FacilityExcess e = facilityExcess(12, 30, a, r);
    EXPECT_NEAR(e.p, 6.0250134685900463e-08, 1e-15);
    EXPECT_DOUBLE_EQ(e.expected, 30.0 / 24.0);
    EXPECT_NEAR(facilityExcess(3, 40, a, r).p, 0.24649307153089189, 1e-12);
    EXPECT_EQ(facilityExcess(0, 40, a, r).p, 1.0);
}

TEST(FacilityCounts, ConcentrationCurveTakesTheTopFacilities)
{
    const std::vector<std::uint64_t> counts{0, 5, 50, 1, 30, 0, 2, 10, 0, 2}; // sum 100
    const std::vector<double> shares{0.1, 0.2, 0.5, 1.0};
    const auto curve = concentrationCurve(counts, shares);
    ASSERT_EQ(curve.size(), 4u);
    EXPECT_EQ(curve[0].facilities, 1u);
    EXPECT_EQ(curve[0].registrations, 50u);
    EXPECT_DOUBLE_EQ(curve[0].registrationShare, 0.5);
    EXPECT_EQ(curve[1].registrations, 80u);
    EXPECT_EQ(curve[2].facilities, 5u);
    EXPECT_EQ(curve[2].registrations, 97u);
    EXPECT_EQ(curve[3].registrations, 100u);
    EXPECT_DOUBLE_EQ(curve[3].registrationShare, 1.0);
}

} // namespace
} // namespace gebiedscan
