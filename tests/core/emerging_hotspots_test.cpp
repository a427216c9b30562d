#include "gebiedscan/core/emerging_hotspots.hpp"
#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <utility>

using namespace gebiedscan;

TEST(MannKendall, TextbookStrictlyIncreasingSeries)
{
    // n = 5: S = 10, Var(S) = 5*4*15/18 = 50/3, Z = (10 - 1)/sqrt(50/3) = 2.2045.
    const std::vector<double> x{1, 2, 3, 4, 5};
    const MannKendall mk = mannKendall(x);
    EXPECT_DOUBLE_EQ(mk.s, 10.0);
    EXPECT_DOUBLE_EQ(mk.varS, 50.0 / 3.0);
    EXPECT_NEAR(mk.z, 9.0 / std::sqrt(50.0 / 3.0), 1e-12);
    EXPECT_NEAR(mk.p, 0.027486336, 1e-8);
    EXPECT_DOUBLE_EQ(mk.tau, 1.0);
}

TEST(MannKendall, TiesMatchR)
{
    // data/reference/ehsa/gistar_mannkendall.R (R cor.test, kendall, continuity correction).
    const std::vector<double> up{3, 5, 5, 2, 7, 8, 8, 8, 6, 9, 10, 4, 11};
    const MannKendall a = mannKendall(up);
    EXPECT_NEAR(a.z, 2.5233755650763214, 1e-12);
    EXPECT_NEAR(a.p, 0.011623418933330583, 1e-12);
    EXPECT_NEAR(a.tau, 0.55282303281728928, 1e-12);
    const std::vector<double> down{10, 9, 9, 7, 7, 7, 4, 3, 1};
    const MannKendall b = mannKendall(down);
    EXPECT_NEAR(b.z, -3.3172001437798611, 1e-12);
    EXPECT_NEAR(b.p, 0.00090924456989069662, 1e-12);
    EXPECT_NEAR(b.tau, -0.94280904158206347, 1e-12);
}

TEST(MannKendall, ConstantAndShortSeries)
{
    const std::vector<double> flat{4, 4, 4, 4};
    EXPECT_DOUBLE_EQ(mannKendall(flat).p, 1.0);
    const std::vector<double> one{4};
    EXPECT_DOUBLE_EQ(mannKendall(one).p, 1.0);
}

TEST(EmergingHotspots, SpaceTimeGiStarMatchesSpdep)
{
    // data/reference/ehsa/gistar_mannkendall.R: spdep::localG with include.self on the
    // space-time neighbour list of a 3 x 3 queen grid x 5 steps, time lag 1.
    const std::vector<std::vector<std::int32_t>> queen{{1, 3, 4},       {0, 2, 3, 4, 5},          {1, 4, 5},
                                                       {0, 1, 4, 6, 7}, {0, 1, 2, 3, 5, 6, 7, 8}, {1, 2, 4, 7, 8},
                                                       {3, 4, 7},       {3, 4, 5, 6, 8},          {4, 5, 7}};
    const std::vector<double> values{5, 6, 2, 5, 3, 3, 4, 1, 4, 4, 3, 4, 6, 2, 3, 6, 7, 1, 3, 3, 5, 1, 8,
                                     6, 1, 3, 2, 5, 3, 5, 4, 4, 2, 4, 0, 5, 0, 2, 5, 3, 2, 3, 0, 7, 3};
    const std::vector<double> expectedZ{
        1.3394903423522753,    1.7928962744719821,    0.38451142046032538,  0.38451142046032538, 0.18331358417294585,
        0.89006553639637365,   1.1944487881349868,    0.84655108285295178,  0.67260223021193433, -0.023193180352135582,
        -0.012013366299123501, -0.62147776097657226,  0.58570925674770491,  1.390500601897223,   -0.017884252114433674,
        1.5689290811054721,    1.3683976407760043,    -0.71898859091620548, 0.1507556722888819,  -0.19714203299315305,
        0.84615384615384581,   0.59667057837026094,   -0.81649658092772648, 0.43965200511492897, 0.12561485860426511,
        -0.015085856549091024, -1.2408351488392579,   -1.0668862961982404,  1.1944487881349868,  0.67260223021193433,
        1.6097910840825549,    0.78690709303508444,   -0.62147776097657226, 0.58570925674770491, -0.62147776097657226,
        0.89006553639637365,   -0.023193180352135582, -1.2408351488392579,  0.67260223021193433, 0.1507556722888819,
        0.25828737543115626,   -1.4262691061260904,   -1.4262691061260904,  1.5916984381846027,  0.98810492932246397};
    SpaceTimeCube cube(9, 5);
    for (std::size_t i = 0; i < 9; ++i)
        for (std::size_t t = 0; t < 5; ++t) cube.at(i, t) = values[i * 5 + t];
    EmergingOptions o;
    o.timeLags = 1;
    const EmergingResult r = emergingHotspots(cube, NeighbourCsr::fromLists(queen), o);
    ASSERT_EQ(r.z.size(), expectedZ.size());
    for (std::size_t b = 0; b < expectedZ.size(); ++b) EXPECT_NEAR(r.z[b], expectedZ[b], 1e-12) << b;
    EXPECT_NEAR(r.p[1], std::erfc(1.7928962744719821 / std::sqrt(2.0)), 1e-12);

    // The same through SpatialWeights (with self included, which Gi* adds anyway).
    std::vector<std::vector<std::size_t>> lists;
    for (const auto& l : queen) lists.emplace_back(l.begin(), l.end());
    const auto w = SpatialWeights::fromNeighbourLists(lists).withSelf();
    const EmergingResult r2 = emergingHotspots(cube, NeighbourCsr::fromWeights(w), o);
    for (std::size_t b = 0; b < expectedZ.size(); ++b) EXPECT_NEAR(r2.z[b], expectedZ[b], 1e-12) << b;
}

namespace {
// Builds the state series from a compact string: '+' hot, '-' cold, '.' not significant.
std::vector<std::int8_t> states(const std::string& s)
{
    std::vector<std::int8_t> out;
    for (char c : s) out.push_back(c == '+' ? 1 : c == '-' ? -1 : 0);
    return out;
}
MannKendall trend(double slope, int n)
{
    std::vector<double> z;
    for (int t = 0; t < n; ++t) z.push_back(3.0 + slope * t + 0.01 * ((t * 7) % 3)); // monotone for |slope| >= 0.05
    return mannKendall(z);
}
MannKendall noTrend(int n)
{
    std::vector<double> z;
    for (int t = 0; t < n; ++t) z.push_back(t % 2 == 0 ? 3.0 : 2.5);
    return mannKendall(z);
}
EmergingClass classify(const std::string& s, const MannKendall& mk)
{
    return classifyEmerging(states(s), mk);
}
} // namespace

TEST(EmergingHotspots, EveryClassFromAConstructedSeries)
{
    const int n = 10;
    std::set<EmergingClass> seen;
    auto check = [&](const std::string& s, const MannKendall& mk, EmergingClass want) {
        const EmergingClass got = classify(s, mk);
        EXPECT_EQ(got, want) << s << " gave " << emergingLabelEn(got) << ", want " << emergingLabelEn(want);
        seen.insert(got);
    };
    const MannKendall up = trend(0.3, n), down = trend(-0.3, n), flat = noTrend(n);
    ASSERT_LT(up.p, 0.05);
    ASSERT_GT(up.tau, 0);
    ASSERT_LT(down.p, 0.05);
    ASSERT_GT(flat.p, 0.05);

    check("..........", flat, EmergingClass::NoPattern);
    check(".........+", flat, EmergingClass::NewHot);
    check(".......+++", flat, EmergingClass::ConsecutiveHot);
    check("++++++++++", up, EmergingClass::IntensifyingHot);
    check(".+++++++++", flat, EmergingClass::PersistentHot); // exactly 90 %
    check("++++++++++", down, EmergingClass::DiminishingHot);
    check("..+..+...+", flat, EmergingClass::SporadicHot);
    check("..+.++..++", flat, EmergingClass::SporadicHot); // a final run after earlier hot steps
    check("..-......+", flat, EmergingClass::OscillatingHot);
    check("+++++++++.", flat, EmergingClass::HistoricalHot);
    check(".........-", flat, EmergingClass::NewCold);
    check("......----", flat, EmergingClass::ConsecutiveCold);
    check("----------", down, EmergingClass::IntensifyingCold); // z growing more negative
    check("----------", flat, EmergingClass::PersistentCold);
    check("----------", up, EmergingClass::DiminishingCold);
    check("-..-.....-", flat, EmergingClass::SporadicCold);
    check("+...+....-", flat, EmergingClass::OscillatingCold);
    check("---------.", flat, EmergingClass::HistoricalCold);
    EXPECT_EQ(static_cast<int>(seen.size()), kEmergingClassCount);

    // Precedence and edge cases.
    check("+++++++++-", flat, EmergingClass::OscillatingCold); // the final step decides
    check("++++++++.+", up, EmergingClass::IntensifyingHot);   // 90 % incl. the final step
    check("+++++++..+", up, EmergingClass::SporadicHot);       // 80 %: not enough for the trend classes
    check("-........+", flat, EmergingClass::OscillatingHot);  // never hot before, but cold: oscillating
    check("++++++++..", flat, EmergingClass::NoPattern);       // 80 % hot, not recent
}

TEST(EmergingHotspots, LabelsAreDutchAndEnglish)
{
    EXPECT_EQ(emergingLabelNl(EmergingClass::IntensifyingHot), "toenemende hotspot");
    EXPECT_EQ(emergingLabelEn(EmergingClass::HistoricalCold), "Historical Cold Spot");
    EXPECT_EQ(emergingCode(EmergingClass::NoPattern), "no_pattern");
    std::set<std::string_view> nl, codes;
    for (int c = 0; c < kEmergingClassCount; ++c) {
        nl.insert(emergingLabelNl(static_cast<EmergingClass>(c)));
        codes.insert(emergingCode(static_cast<EmergingClass>(c)));
    }
    EXPECT_EQ(static_cast<int>(nl.size()), kEmergingClassCount);
    EXPECT_EQ(static_cast<int>(codes.size()), kEmergingClassCount);
}

TEST(EmergingHotspots, PlantedIntensifyingClusterInACube)
{
    // 10 x 10 rook grid, 24 months, background 19-21 events per cell-month; a 3 x 3 block whose
    // counts grow from 40 to 63 is an intensifying hot spot; a 4 x 4 corner emptied in the last
    // month is a new cold spot.
    const int side = 10, T = 24;
    std::vector<std::vector<std::int32_t>> rook(side * side);
    for (int r = 0; r < side; ++r)
        for (int c = 0; c < side; ++c) {
            auto& l = rook[static_cast<std::size_t>(r * side + c)];
            if (r > 0) l.push_back((r - 1) * side + c);
            if (r < side - 1) l.push_back((r + 1) * side + c);
            if (c > 0) l.push_back(r * side + c - 1);
            if (c < side - 1) l.push_back(r * side + c + 1);
        }
    SpaceTimeCube cube(side * side, T);
    for (std::size_t i = 0; i < cube.locations(); ++i)
        for (std::size_t t = 0; t < cube.steps(); ++t)
            cube.at(i, t) = 20.0 + static_cast<double>((i * 7 + t * 3) % 3) - 1.0;
    for (int r = 4; r <= 6; ++r)
        for (int c = 4; c <= 6; ++c)
            for (int t = 0; t < T; ++t)
                cube.at(static_cast<std::size_t>(r * side + c), static_cast<std::size_t>(t)) = 40.0 + t;
    for (int r = 0; r <= 3; ++r)
        for (int c = 0; c <= 3; ++c) cube.at(static_cast<std::size_t>(r * side + c), T - 1) = 0.0;
    const EmergingResult res = emergingHotspots(cube, NeighbourCsr::fromLists(rook));
    EXPECT_EQ(res.classes[5 * side + 5], EmergingClass::IntensifyingHot) << emergingLabelEn(res.classes[5 * side + 5]);
    EXPECT_GT(res.trendOfValue[5 * side + 5].tau, 0.99);
    EXPECT_EQ(res.classes[0], EmergingClass::NewCold) << emergingLabelEn(res.classes[0]);
    EXPECT_EQ(res.classes[9 * side + 9], EmergingClass::NoPattern) << emergingLabelEn(res.classes[99]);
}

TEST(EmergingHotspots, RejectsMismatchedNeighbours)
{
    SpaceTimeCube cube(3, 4);
    EXPECT_THROW((void)emergingHotspots(cube, NeighbourCsr::fromLists({{1}, {0}})), InputError);
    EXPECT_THROW((void)emergingHotspots(cube, NeighbourCsr::fromLists({{1}, {0}, {7}})), InputError);
    const EmergingResult flat = emergingHotspots(cube, NeighbourCsr::fromLists({{1}, {0, 2}, {1}}));
    for (double z : flat.z) EXPECT_EQ(z, 0.0);
}

TEST(EmergingHotspots, PeriodsAndLabels)
{
    const LocalTime t = *makeLocalTime(2023, 5, 17, 13);
    EXPECT_EQ(periodOrdinal(t, TimePeriod::Month) - periodOrdinal(*makeLocalTime(2022, 12, 31), TimePeriod::Month), 5);
    EXPECT_EQ(periodLabel(periodOrdinal(t, TimePeriod::Month), TimePeriod::Month), "2023-05");
    EXPECT_EQ(periodLabel(periodOrdinal(t, TimePeriod::Quarter), TimePeriod::Quarter), "2023-K2");
    EXPECT_EQ(periodLabel(periodOrdinal(t, TimePeriod::Year), TimePeriod::Year), "2023");
}

TEST(EmergingHotspots, ClassesAloneEqualTheFullResult)
{
    // A 30 x 30 rook grid over 24 months: a rising block, a falling block and noise, so that many
    // classes occur; the lean pass must give the full analysis's class everywhere, with the false
    // discovery rate (whose cut-off it finds from the small p alone) and without.
    const int side = 30;
    const std::size_t T = 24;
    std::vector<std::vector<std::int32_t>> rook(static_cast<std::size_t>(side * side));
    for (int r = 0; r < side; ++r)
        for (int c = 0; c < side; ++c) {
            auto& l = rook[static_cast<std::size_t>(r * side + c)];
            if (r > 0) l.push_back((r - 1) * side + c);
            if (r + 1 < side) l.push_back((r + 1) * side + c);
            if (c > 0) l.push_back(r * side + c - 1);
            if (c + 1 < side) l.push_back(r * side + c + 1);
        }
    SpaceTimeCube cube(rook.size(), T);
    std::uint32_t state = 12345;
    for (std::size_t i = 0; i < cube.locations(); ++i)
        for (std::size_t t = 0; t < T; ++t) {
            state = state * 1664525u + 1013904223u;
            const int r = static_cast<int>(i) / side, c = static_cast<int>(i) % side;
            double v = static_cast<double>(state >> 29); // 0..7
            if (r < 8 && c < 8) v += static_cast<double>(t) / 2.0;
            if (r > 20 && c > 20) v += 12.0 - static_cast<double>(t) / 2.0;
            if ((r + c) % 11 == 0 && t % 5 == 0) v += 9.0;
            cube.at(i, t) = v;
        }
    const auto csr = NeighbourCsr::fromLists(rook);
    // A high bin alpha as well: then the FDR cut-off lies far above alpha / 2.
    for (const auto& [fdr, alpha] : {std::pair{true, 0.05}, std::pair{false, 0.05}, std::pair{true, 0.9}}) {
        EmergingOptions o;
        o.fdr = fdr;
        o.binAlpha = alpha;
        const auto full = emergingHotspots(cube, csr, o);
        const auto lean = emergingClasses(cube, csr, o);
        ASSERT_EQ(lean.size(), full.classes.size());
        std::set<EmergingClass> seen;
        for (std::size_t i = 0; i < lean.size(); ++i) {
            EXPECT_EQ(lean[i], full.classes[i]) << i;
            seen.insert(full.classes[i]);
        }
        EXPECT_GE(seen.size(), 4u) << "the cube should show several classes";
    }
}
