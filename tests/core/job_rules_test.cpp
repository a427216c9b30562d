// The rules that moved from the command line into core: the area centroid, the point halfway along
// a section, the accident severity weight and the local hotspots of one variable.
#include "gebiedscan/core/centroid.hpp"
#include "gebiedscan/core/local_hotspots.hpp"
#include "gebiedscan/core/point_weights.hpp"
#include "gebiedscan/core/section_midpoint.hpp"
#include "gebiedscan/core/severity_weight.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace gebiedscan;

TEST(Centroid, SquareWithAnOffCentreHoleAndDegenerateRings)
{
    // 10 x 10 square minus a 2 x 2 hole at [6, 8] x [6, 8]: (50 * 100 - 7 * 4) / 96 on each axis.
    Polygon p;
    p.rings = {{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{6, 6}, {8, 6}, {8, 8}, {6, 8}}};
    const PointRd c = centroidOf({p});
    EXPECT_NEAR(c.x, (5.0 * 100 - 7.0 * 4) / 96, 1e-12);
    EXPECT_NEAR(c.y, (5.0 * 100 - 7.0 * 4) / 96, 1e-12);
    // Two parts weigh by area: a 1 x 1 at the origin and a 3 x 3 at x 10..13.
    Polygon a, b;
    a.rings = {{{0, 0}, {1, 0}, {1, 1}, {0, 1}}};
    b.rings = {{{10, 0}, {13, 0}, {13, 3}, {10, 3}}};
    EXPECT_NEAR(centroidOf({a, b}).x, (0.5 * 1 + 11.5 * 9) / 10, 1e-12);
    // No area: the vertex mean; nothing: NaN.
    Polygon line;
    line.rings = {{{0, 0}, {4, 0}}};
    EXPECT_NEAR(centroidOf({line}).x, 2.0, 1e-12);
    EXPECT_TRUE(std::isnan(centroidOf({}).x));
}

TEST(SectionMidpoint, HalfwayByLengthNotByVertices)
{
    // An L of 30 m then 10 m: halfway (20 m) lies on the first leg.
    const std::vector<PointRd> l{{0, 0}, {30, 0}, {30, 10}};
    const PointRd m = halfwayAlong(l);
    EXPECT_NEAR(m.x, 20.0, 1e-12);
    EXPECT_NEAR(m.y, 0.0, 1e-12);
    BlackSpot section;
    section.kind = BlackSpot::Kind::Section;
    section.geometry = {{0, 0}, {0, 10}, {0, 10}, {0, 40}}; // a repeated vertex
    EXPECT_NEAR(blackSpotPoint(section).y, 20.0, 1e-12);
    BlackSpot junction;
    junction.geometry = {{7, 8}};
    EXPECT_EQ(blackSpotPoint(junction).x, 7.0);
    EXPECT_EQ(halfwayAlong({{3, 4}}).y, 4.0);
}

TEST(SeverityWeight, HospitalAdmissionMakesAnInjurySerious)
{
    const SeverityWeights w{9.0, 4.0, 2.0, 0.5, 0.25};
    Accident a;
    a.severity = Severity::Fatal;
    EXPECT_EQ(severityWeight(w, a), 9.0);
    a.severity = Severity::Injury;
    EXPECT_EQ(severityWeight(w, a), 2.0); // admission unknown: a plain injury
    a.hospital = false;
    EXPECT_EQ(severityWeight(w, a), 2.0);
    a.hospital = true;
    EXPECT_EQ(severityWeight(w, a), 4.0);
    a.severity = Severity::DamageOnly;
    EXPECT_EQ(severityWeight(w, a), 0.5);
    a.severity = Severity::Unknown;
    EXPECT_EQ(severityWeight(w, a), 0.25);
}

TEST(LocalHotspots, IslandsAreNeverSignificantAndMoranIsTheGlobalOne)
{
    // Five points on a line 100 m apart and one far away: band 150 m leaves the last an island.
    const std::vector<PointRd> pts{{0, 0}, {100, 0}, {200, 0}, {300, 0}, {400, 0}, {5000, 0}};
    const std::vector<double> x{10, 9, 1, 0, 0, 100};
    const SpatialWeights w = distanceBandWeights(pts, 150);
    ASSERT_TRUE(w.isIsland(5));
    LocalHotspotOptions o;
    o.permutations = 0;
    o.alpha = 1.0; // everything with neighbours counts as significant
    const LocalHotspots r = computeLocalHotspots(x, w, o);
    EXPECT_FALSE(lisaSignificant(r, w, 5, o));
    for (std::size_t i = 0; i < 5; ++i) EXPECT_TRUE(lisaSignificant(r, w, i, o)) << i;
    const auto global =
        globalMoran(x, w.withStyle(WeightStyle::RowStandardised), MoranMoments::Randomisation, Alternative::Greater);
    EXPECT_DOUBLE_EQ(r.moran.statistic, global.statistic);
    EXPECT_EQ(r.giP, r.gi.p); // no permutations: the analytic p-values
}
