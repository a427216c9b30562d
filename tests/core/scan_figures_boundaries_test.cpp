// ScanFigures and SuppressionMask at their boundaries: counts exactly at a suppression threshold
// (for a theme, a theme with its own threshold, a category and the total), the complementary
// suppression only when exactly one cell of a group is hidden, ranks with ties, a parent level's
// population as the sum of its children, the (exclusive) end of a period, and the change against
// reference periods of another length than the current one.
#include "gebiedscan/core/area_hierarchy.hpp"
#include "gebiedscan/core/scan_figures.hpp"
#include "gebiedscan/core/scan_model.hpp"

#include <gtest/gtest.h>

using namespace gebiedscan;

namespace {

// suppress_below = 5; zeden has its own threshold of 10. Category 4 is overig.
ScanModel model()
{
    ScanModel m;
    m.name = "grenzen";
    m.suppressBelow = 5;
    m.themes = {{"woninginbraak", "1.3", 1, "Woninginbraak", "Burglary", 0},
                {"geweld", "1.4", 1, "Geweld op straat", "Violence", 0},
                {"zeden", "1.6", 1, "Zeden", "Sexual offences", 10}};
    m.categories = {{"inbraak", "woninginbraak", "Inbraak", {"1.1.1"}, {}},
                    {"mishandeling", "geweld", "Mishandeling", {"1.4.5"}, {}},
                    {"geweld_overig", "geweld", "Overig geweld", {"1.4.*"}, {}},
                    {"zeden", "zeden", "Zeden", {"1.4.1"}, {}}};
    m.periods = {{"2022", false, *makeLocalTime(2022, 1, 1), *makeLocalTime(2023, 1, 1)},
                 {"2023", true, *makeLocalTime(2023, 1, 1), *makeLocalTime(2024, 1, 1)}};
    return m;
}

constexpr std::size_t kInbraak = 0, kMishandeling = 1, kGeweldOverig = 2, kZeden = 3, kOverig = 4;
constexpr std::size_t kCurrent = 1;

AreaHierarchy buurten(std::size_t n)
{
    AreaHierarchy h;
    AreaLevel level;
    level.name = "buurt";
    for (std::size_t i = 0; i < n; ++i) {
        level.codes.push_back("BU" + std::to_string(i));
        level.names.push_back("buurt " + std::to_string(i));
        level.population.emplace_back(std::nullopt);
    }
    h.levels.push_back(level);
    return h;
}

} // namespace

TEST(SuppressionThreshold, CountsExactlyAtTheThresholdAreShown)
{
    const auto m = model();
    const auto h = buurten(3);
    ScanCounts counts(3, m.categories.size(), 2);
    // BU0: every theme exactly at its threshold: woninginbraak 5, geweld 5 (mishandeling 5,
    // overig geweld 0), zeden 10; total 20.
    counts.add(0, kInbraak, kCurrent, 5);
    counts.add(0, kMishandeling, kCurrent, 5);
    counts.add(0, kZeden, kCurrent, 10);
    // BU1: one below each threshold: woninginbraak 4, zeden 9, geweld 30 (total 43).
    counts.add(1, kInbraak, kCurrent, 4);
    counts.add(1, kZeden, kCurrent, 9);
    counts.add(1, kGeweldOverig, kCurrent, 30);
    // BU2: the total exactly at the threshold, made of two hidden themes (3 + 2).
    counts.add(2, kInbraak, kCurrent, 3);
    counts.add(2, kGeweldOverig, kCurrent, 2);
    const ScanFigures f(m, h, counts);
    const SuppressionMask s(f);
    const auto total = f.totalSlot();

    for (std::size_t slot = 0; slot < f.themeSlots(); ++slot) EXPECT_FALSE(s.theme(0, 0, slot, kCurrent)) << slot;
    for (std::size_t c = 0; c < f.categorySlots(); ++c) EXPECT_FALSE(s.category(0, 0, c, kCurrent)) << c;

    EXPECT_TRUE(s.theme(0, 1, 0, kCurrent));  // 4 < 5
    EXPECT_TRUE(s.theme(0, 1, 2, kCurrent));  // 9 < 10
    EXPECT_FALSE(s.theme(0, 1, 1, kCurrent)); // two hidden already: no complement needed
    EXPECT_FALSE(s.theme(0, 1, total, kCurrent));

    EXPECT_EQ(f.themeCount(0, 2, total, kCurrent), 5u);
    EXPECT_FALSE(s.theme(0, 2, total, kCurrent)) << "a total of exactly 5 is not small";
    EXPECT_TRUE(s.theme(0, 2, 0, kCurrent));
    EXPECT_TRUE(s.theme(0, 2, 1, kCurrent));
    EXPECT_FALSE(s.theme(0, 2, f.overigSlot(), kCurrent)); // zero: nothing to hide

    // BU1: woninginbraak and zeden and their categories; BU2: the two themes and their
    // categories. Nothing else, in either period.
    EXPECT_EQ(s.suppressedCells(), 2u + 2u + 2u + 2u);
}

TEST(SuppressionThreshold, TotalBelowTheThresholdIsHidden)
{
    const auto m = model();
    const auto h = buurten(1);
    ScanCounts counts(1, m.categories.size(), 2);
    counts.add(0, kInbraak, kCurrent, 4);
    const ScanFigures f(m, h, counts);
    const SuppressionMask s(f);
    EXPECT_TRUE(s.theme(0, 0, f.totalSlot(), kCurrent));
    EXPECT_TRUE(s.theme(0, 0, 0, kCurrent));
    EXPECT_TRUE(s.category(0, 0, kInbraak, kCurrent));
    EXPECT_EQ(s.suppressedCells(), 3u);
}

TEST(SuppressionThreshold, ComplementOnlyWhenExactlyOneCellIsHidden)
{
    const auto m = model();
    const auto h = buurten(2);
    ScanCounts counts(2, m.categories.size(), 2);
    // BU0: woninginbraak 3 alone is small; the smallest other non-zero theme (overig 8, not
    // geweld 20 or zeden 12) is hidden with it.
    counts.add(0, kInbraak, kCurrent, 3);
    counts.add(0, kMishandeling, kCurrent, 20);
    counts.add(0, kZeden, kCurrent, 12);
    counts.add(0, kOverig, kCurrent, 8);
    // BU1: woninginbraak 3 and geweld 2 are both small: the total cannot reveal either, so
    // overig 8 stays visible.
    counts.add(1, kInbraak, kCurrent, 3);
    counts.add(1, kGeweldOverig, kCurrent, 2);
    counts.add(1, kOverig, kCurrent, 8);
    const ScanFigures f(m, h, counts);
    const SuppressionMask s(f);
    EXPECT_TRUE(s.theme(0, 0, 0, kCurrent));
    EXPECT_TRUE(s.theme(0, 0, f.overigSlot(), kCurrent));
    EXPECT_FALSE(s.theme(0, 0, 1, kCurrent));
    EXPECT_FALSE(s.theme(0, 0, 2, kCurrent));
    EXPECT_FALSE(s.theme(0, 0, f.totalSlot(), kCurrent));

    EXPECT_TRUE(s.theme(0, 1, 0, kCurrent));
    EXPECT_TRUE(s.theme(0, 1, 1, kCurrent));
    EXPECT_FALSE(s.theme(0, 1, f.overigSlot(), kCurrent));
    EXPECT_FALSE(s.theme(0, 1, f.totalSlot(), kCurrent)); // 5

    // BU0: two themes and the inbraak category (overig's category is hidden with its theme but
    // is not small itself); BU1: two themes and their two categories.
    EXPECT_EQ(s.suppressedCells(), 3u + 4u);
}

TEST(ScanFiguresRank, TiesShareTheLowestRank)
{
    const auto m = model();
    const auto h = buurten(5);
    ScanCounts counts(5, m.categories.size(), 2);
    const std::uint64_t inbraak[] = {7, 7, 3, 3, 1};
    for (std::size_t a = 0; a < 5; ++a) counts.add(a, kInbraak, kCurrent, inbraak[a]);
    const ScanFigures f(m, h, counts);
    EXPECT_EQ(f.rank(0, 0, 0), 1);
    EXPECT_EQ(f.rank(0, 1, 0), 1);
    EXPECT_EQ(f.rank(0, 2, 0), 3);
    EXPECT_EQ(f.rank(0, 3, 0), 3);
    EXPECT_EQ(f.rank(0, 4, 0), 5);
}

TEST(AreaHierarchyPopulation, ParentPopulationIsTheSumOfItsChildren)
{
    AreaHierarchy h;
    h.levels.push_back({"buurt", {"BU1", "BU2", "BU3", "BU4"}, {"a", "b", "c", "d"}, {1000.0, 500.0, 250.0, 0.0}, {}});
    h.addParentLevel("wijk", {"WK1", "WK1", "WK2", "WK2"});
    h.addParentLevel("gemeente", {"GM1", "GM1"});
    ASSERT_EQ(h.levels.size(), 3u);
    ASSERT_TRUE(h.levels[1].population[0].has_value());
    ASSERT_TRUE(h.levels[1].population[1].has_value());
    EXPECT_DOUBLE_EQ(*h.levels[1].population[0], 1500.0);
    EXPECT_DOUBLE_EQ(*h.levels[1].population[1], 250.0);
    ASSERT_TRUE(h.levels[2].population[0].has_value());
    EXPECT_DOUBLE_EQ(*h.levels[2].population[0], 1750.0);
}

TEST(ScanModelPeriods, APeriodEndsJustBeforeItsEnd)
{
    const auto m = model();
    // [2022-01-01, 2023-01-01) and [2023-01-01, 2024-01-01): midnight at new year is in 2023.
    EXPECT_EQ(m.periodOf(*makeLocalTime(2023, 1, 1)), 1u);
    EXPECT_EQ(m.periodOf(*makeLocalTime(2022, 12, 31, 23, 59)), 0u);
    EXPECT_EQ(m.periodOf(*makeLocalTime(2022, 1, 1)), 0u);
    EXPECT_FALSE(m.periodOf(*makeLocalTime(2024, 1, 1)).has_value());
}

TEST(ScanFiguresChange, ThreeReferenceYearsAreScaledToTheCurrentOne)
{
    // Reference 2021..2023 (1095 days), current 2024 (366 days): unequal lengths, so the
    // direction of the scaling and which period is "current" in the Poisson test matter.
    ScanModel m = model();
    m.periods = {{"2021", false, *makeLocalTime(2021, 1, 1), *makeLocalTime(2022, 1, 1)},
                 {"2022", false, *makeLocalTime(2022, 1, 1), *makeLocalTime(2023, 1, 1)},
                 {"2023", false, *makeLocalTime(2023, 1, 1), *makeLocalTime(2024, 1, 1)},
                 {"2024", true, *makeLocalTime(2024, 1, 1), *makeLocalTime(2025, 1, 1)}};
    AreaHierarchy h;
    h.levels.push_back({"buurt", {"BU1", "BU2"}, {"a", "b"}, {2000.0, 0.0}, {}});
    ScanCounts counts(2, m.categories.size(), 4);
    counts.add(0, kInbraak, 0, 10);
    counts.add(0, kInbraak, 1, 20);
    counts.add(0, kInbraak, 2, 15);
    counts.add(0, kInbraak, 3, 30);
    counts.add(1, kInbraak, 3, 8);
    const ScanFigures f(m, h, counts);
    ASSERT_EQ(f.currentPeriod(), 3u);
    EXPECT_EQ(f.referenceCount(0, 0, 0), 45u);
    const auto& ch = f.change(0, 0, 0);
    // R 4.2: 45 * 366 / 1095 and poisson.test(c(30, 45), c(366, 1095))$p.value.
    EXPECT_NEAR(ch.expected, 15.04109589041096, 1e-12);
    EXPECT_NEAR(*ch.changePct, (30.0 - 15.04109589041096) / 15.04109589041096 * 100.0, 1e-9);
    EXPECT_NEAR(ch.pValue, 0.0047096314543543273, 1e-12);
    EXPECT_EQ(ch.flag, ChangeFlag::Rise);
    // Per 1,000 inhabitants: 30 / 2000; none for a population of 0 (not infinity).
    EXPECT_NEAR(*f.ratePer1000(0, 0, 0), 15.0, 1e-12);
    EXPECT_FALSE(f.ratePer1000(0, 1, 0).has_value());
}

// A reference year before the data start (no registration in any area) is no reference: with it,
// the expected count of every area would be a third too low and every area would "rise".
TEST(ReferencePeriods, AReferenceYearWithoutAnyRegistrationIsLeftOut)
{
    auto m = model();
    m.periods = {{"2021", false, *makeLocalTime(2021, 1, 1), *makeLocalTime(2022, 1, 1)},
                 {"2022", false, *makeLocalTime(2022, 1, 1), *makeLocalTime(2023, 1, 1)},
                 {"2023", false, *makeLocalTime(2023, 1, 1), *makeLocalTime(2024, 1, 1)},
                 {"2024", true, *makeLocalTime(2024, 1, 1), *makeLocalTime(2025, 1, 1)}};
    const auto h = buurten(2);
    ScanCounts counts(2, m.categories.size(), 4);
    counts.add(0, kInbraak, 1, 40); // 2022
    counts.add(0, kInbraak, 2, 40); // 2023
    counts.add(0, kInbraak, 3, 44); // 2024
    counts.add(1, kMishandeling, 2, 10);
    counts.add(1, kMishandeling, 3, 10);
    const ScanFigures f(m, h, counts);

    ASSERT_TRUE(f.hasReference());
    EXPECT_EQ(f.emptyReferencePeriods(), std::vector<std::size_t>{0});
    // 2021 would make it (40 + 40) * 366 / 1095 = 26.7 and "stijging"; over 2022-2023 it is
    // 80 * 366 / 730 = 40.1 and no significant change.
    const auto& burglary = f.change(0, 0, 0);
    EXPECT_NEAR(burglary.expected, 80.0 * 366.0 / 730.0, 1e-9);
    EXPECT_EQ(burglary.flag, ChangeFlag::None);
    EXPECT_NEAR(f.change(0, 1, f.totalSlot()).expected, 10.0 * 366.0 / 730.0, 1e-9);
}

TEST(ReferencePeriods, AReferenceWithoutAnyRegistrationGivesNoChange)
{
    const auto m = model();
    const auto h = buurten(1);
    ScanCounts counts(1, m.categories.size(), 2);
    counts.add(0, kInbraak, kCurrent, 12);
    const ScanFigures f(m, h, counts);
    EXPECT_FALSE(f.hasReference());
    EXPECT_EQ(f.emptyReferencePeriods(), std::vector<std::size_t>{0});
    EXPECT_EQ(f.change(0, 0, 0).flag, ChangeFlag::None);
}
