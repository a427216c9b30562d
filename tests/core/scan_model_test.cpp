#include "gebiedscan/core/area_hierarchy.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/grid.hpp"
#include "gebiedscan/core/scan_figures.hpp"
#include "gebiedscan/core/scan_model.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

using namespace gebiedscan;

namespace {

ScanModel smallModel()
{
    ScanModel m;
    m.name = "test";
    m.suppressBelow = 5;
    m.themes = {{"woninginbraak", "1.3", 1, "Woninginbraak", "Burglary", 0},
                {"geweld", "1.4", 1, "Geweld op straat", "Violence", 0},
                {"zeden", "1.6", 1, "Zeden", "Sexual offences", 10}};
    m.categories = {{"inbraak", "woninginbraak", "Inbraak", {"1.1.1"}, {}},
                    {"mishandeling", "geweld", "Mishandeling", {"1.4.5"}, {"Mishandeling"}},
                    {"geweld_overig", "geweld", "Overig geweld", {"1.4.*"}, {}},
                    {"zeden", "zeden", "Zeden", {"1.4.1"}, {}}};
    m.periods = {{"2022", false, *makeLocalTime(2022, 1, 1), *makeLocalTime(2023, 1, 1)},
                 {"2023", true, *makeLocalTime(2023, 1, 1), *makeLocalTime(2024, 1, 1)}};
    return m;
}

} // namespace

TEST(ScanModel, ClassifierPrefersTheLongestPattern)
{
    const auto m = smallModel();
    CategoryClassifier c(m);
    EXPECT_EQ(c.classify("1.1.1", ""), 0u);
    EXPECT_EQ(c.classify("1.1.1  ", ""), 0u); // trailing spaces in police keys
    EXPECT_EQ(c.classify("1.1.1.2", ""), 0u); // sub-code
    EXPECT_FALSE(c.classify("1.1.10", ""));   // not a sub-code of 1.1.1
    EXPECT_EQ(c.classify("1.4.5", ""), 1u);
    EXPECT_EQ(c.classify("1.4.1", ""), 3u); // exact beats the 1.4.* wildcard
    EXPECT_EQ(c.classify("1.4.3", ""), 2u);
    EXPECT_EQ(c.classify("", "mishandeling"), 1u); // label, case-insensitive
    EXPECT_FALSE(c.classify("0.0.0", "Totaal misdrijven"));
}

TEST(ScanModel, PoliceIncidentCodesClassifyThroughTheirCrimeCategory)
{
    auto m = smallModel();
    m.incidentCodes = {{"A20", "1.1.1"}, {"F550", "1.4.5"}, {"F520", "1.4.1"}, {"F12", "1.4.3"}, {"X99", "9.9.9"}};
    CategoryClassifier c(m);
    EXPECT_EQ(c.classify("A20", ""), 0u);
    EXPECT_EQ(c.classify(" a20 ", ""), 0u); // trimmed, case-insensitive
    EXPECT_EQ(c.classify("F550", ""), 1u);
    EXPECT_EQ(c.classify("F520", ""), 3u);            // 1.4.1: the exact pattern, not the 1.4.* wildcard
    EXPECT_EQ(c.classify("F12", ""), 2u);             // 1.4.3 through the wildcard
    EXPECT_FALSE(c.classify("X99", ""));              // a listed incident code of a category the model lacks
    EXPECT_FALSE(c.classify("A2", ""));               // no prefix matching of incident codes
    EXPECT_EQ(c.classify("A21", "Mishandeling"), 1u); // unknown code: the label still counts
}

TEST(ScanModel, ValidateRejectsOverlappingPeriods)
{
    auto m = smallModel();
    EXPECT_NO_THROW(m.validate());
    m.periods[0].to = *makeLocalTime(2023, 2, 1);
    EXPECT_THROW(m.validate(), InputError);
    m = smallModel();
    m.periods[0].current = true;
    EXPECT_THROW(m.validate(), InputError);
}

TEST(ScanFigures, RollUpChangeRankAndRate)
{
    const auto m = smallModel();
    AreaHierarchy h;
    h.levels.push_back({"buurt", {"BU1", "BU2", "BU3"}, {"a", "b", "c"}, {1000.0, 500.0, std::nullopt}, {}});
    h.addParentLevel("wijk", {"WK1", "WK1", "WK2"});
    ASSERT_EQ(h.levels.size(), 2u);
    EXPECT_EQ(h.levels[0].parent, (std::vector<std::int32_t>{0, 0, 1}));
    ASSERT_TRUE(h.levels[1].population[0].has_value()); // rolled up, not left unknown
    EXPECT_DOUBLE_EQ(*h.levels[1].population[0], 1500.0);
    EXPECT_FALSE(h.levels[1].population[1]); // a child without population

    ScanCounts counts(3, m.categories.size(), 2);
    counts.add(0, 0, 1, 10); // BU1 inbraak 2023: 10
    counts.add(0, 0, 0, 4);  // BU1 inbraak 2022: 4
    counts.add(1, 0, 1, 3);  // BU2 inbraak 2023: 3
    counts.add(1, 1, 1, 2);  // BU2 mishandeling 2023: 2
    counts.add(2, 4, 1, 7);  // BU3 overig 2023: 7
    ScanFigures f(m, h, counts);
    const auto cur = f.currentPeriod();
    EXPECT_EQ(f.themeCount(0, 0, 0, cur), 10u);
    EXPECT_EQ(f.themeCount(1, 0, 0, cur), 13u); // wijk = sum of its buurten
    EXPECT_EQ(f.themeCount(1, 0, f.totalSlot(), cur), 15u);
    EXPECT_EQ(f.themeCount(1, 1, f.totalSlot(), cur), 7u); // the total holds overig too
    EXPECT_EQ(f.themeCount(1, 1, f.overigSlot(), cur), 7u);
    EXPECT_EQ(f.categoryCount(1, 0, 1, cur), 2u);
    // 10 against 4 in equal-length years: R poisson.test(c(10,4), c(365,365)) p = 0.1795654296875
    const auto& ch = f.change(0, 0, 0);
    EXPECT_NEAR(ch.expected, 4.0 * 365.0 / 365.0, 1e-12);
    EXPECT_NEAR(*ch.changePct, 150.0, 1e-9);
    EXPECT_NEAR(ch.pValue, 0.1795654296875, 1e-12);
    EXPECT_EQ(ch.flag, ChangeFlag::None);
    EXPECT_NEAR(*f.ratePer1000(0, 0, 0), 10.0, 1e-12);
    EXPECT_NEAR(*f.ratePer1000(0, 1, 0), 6.0, 1e-12);
    EXPECT_FALSE(f.ratePer1000(0, 2, 0));
    EXPECT_EQ(f.rank(0, 0, 0), 1); // BU1 ranks first in WK1
    EXPECT_EQ(f.rank(0, 1, 0), 2);
    EXPECT_EQ(f.rank(0, 2, 0), 1); // alone in WK2
}

TEST(ScanFigures, SignificantRiseIsFlagged)
{
    const auto m = smallModel();
    AreaHierarchy h;
    h.levels.push_back({"buurt", {"BU1"}, {"a"}, {std::nullopt}, {}});
    ScanCounts counts(1, m.categories.size(), 2);
    counts.add(0, 0, 1, 40);
    counts.add(0, 0, 0, 10);
    ScanFigures f(m, h, counts);
    EXPECT_EQ(f.change(0, 0, 0).flag, ChangeFlag::Rise);
    EXPECT_LT(f.change(0, 0, 0).pValue, 1e-4);
}

TEST(Suppression, SmallCountsAndTheirComplementAreHidden)
{
    const auto m = smallModel();
    AreaHierarchy h;
    h.levels.push_back({"buurt", {"BU1", "BU2"}, {"a", "b"}, {std::nullopt, std::nullopt}, {}});
    ScanCounts counts(2, m.categories.size(), 2);
    counts.add(0, 0, 1, 3);  // inbraak 3: below 5, hidden
    counts.add(0, 1, 1, 20); // geweld 20
    counts.add(0, 4, 1, 8);  // overig 8: the smallest other non-zero theme, hidden as complement
    counts.add(1, 3, 1, 7);  // zeden 7: below the theme's stricter 10
    counts.add(1, 1, 1, 50);
    ScanFigures f(m, h, counts);
    SuppressionMask s(f);
    const auto cur = f.currentPeriod();
    EXPECT_TRUE(s.theme(0, 0, 0, cur));
    EXPECT_TRUE(s.theme(0, 0, f.overigSlot(), cur));
    EXPECT_FALSE(s.theme(0, 0, 1, cur));
    EXPECT_FALSE(s.theme(0, 0, f.totalSlot(), cur));
    EXPECT_FALSE(s.theme(0, 0, 2, cur));   // zeden 0: zero is not disclosive
    EXPECT_TRUE(s.theme(0, 1, 2, cur));    // zeden 7 < 10
    EXPECT_TRUE(s.category(0, 1, 3, cur)); // and its category
    EXPECT_TRUE(s.anyPeriod(0, 0, 0));
}

TEST(Grid, SquaresAreCbsAligned)
{
    Grid g(Grid::Shape::Square, 500, Envelope{200100, 500200, 201400, 500900});
    EXPECT_EQ(g.cols(), 3);
    EXPECT_EQ(g.rows(), 2);
    const auto c = g.cellOf({200100, 500200});
    ASSERT_GE(c, 0);
    EXPECT_EQ(g.code(static_cast<std::size_t>(c)), "500m_E2000N5000");
    EXPECT_DOUBLE_EQ(g.centre(static_cast<std::size_t>(c)).x, 200250);
    EXPECT_EQ(g.cellOf({200500, 500200}), c + 1); // half-open: the left edge belongs to the cell
    EXPECT_EQ(g.cellOf({150000, 500200}), -1);
    EXPECT_DOUBLE_EQ(areaOf(g.polygon(0)), 250000.0);
}

TEST(Grid, CodesAreUniqueAtEveryCellSize)
{
    // Below 100 m hectometre codes would repeat (50 m: 195 cells had 60 codes); from 1 m up every
    // cell has its own code, in metres below 100 m and in CBS hectometres from 100 m.
    for (double size : {1.0, 12.5, 25.0, 50.0, 99.0, 100.0, 250.0, 500.0, 1000.0}) {
        const Grid g(Grid::Shape::Square, size, Envelope{200000, 500000, 200000 + 40 * size, 500000 + 30 * size});
        std::set<std::string> codes;
        for (std::size_t c = 0; c < g.cellCount(); ++c) codes.insert(g.code(c));
        EXPECT_EQ(codes.size(), g.cellCount()) << size;
        const Grid h(Grid::Shape::Hexagon, size, Envelope{200000, 500000, 200000 + 40 * size, 500000 + 30 * size});
        codes.clear();
        for (std::size_t c = 0; c < h.cellCount(); ++c) codes.insert(h.code(c));
        EXPECT_EQ(codes.size(), h.cellCount()) << size;
    }
    const Grid fifty(Grid::Shape::Square, 50, Envelope{234550, 543020, 234560, 543030});
    EXPECT_EQ(fifty.code(0), "50m_E234550N543000");
    const Grid hundred(Grid::Shape::Square, 100, Envelope{234550, 543020, 234560, 543030});
    EXPECT_EQ(hundred.code(0), "100m_E2345N5430");
}

TEST(Grid, HexagonsTileThePlane)
{
    Grid g(Grid::Shape::Hexagon, 100, Envelope{0, 0, 1000, 1000});
    // Every point lies in the hexagon whose centre is nearest, and inside its polygon.
    for (double x = 3; x < 1000; x += 37)
        for (double y = 5; y < 1000; y += 41) {
            const auto c = g.cellOf({x, y});
            ASSERT_GE(c, 0);
            EXPECT_TRUE(containsPoint(g.polygon(static_cast<std::size_t>(c)), {x, y})) << x << "," << y;
        }
    EXPECT_NEAR(areaOf(g.polygon(0)), 100.0 * 100.0 * std::sqrt(3.0) / 2.0, 1e-6);
}

TEST(AreaHierarchy, CbsParentCodes)
{
    EXPECT_EQ(cbsParentCode("BU01060101"), "WK010601");
    EXPECT_EQ(cbsParentCode("WK010601"), "GM0106");
    EXPECT_EQ(cbsParentCode("GM0106"), "");
    EXPECT_EQ(cbsParentCode("BU0106010X"), "");
}
