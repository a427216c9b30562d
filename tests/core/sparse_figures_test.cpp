// ScanFigures keeps only the non-zero counts (issue 18: a national 100 m grid's cells are mostly
// zeros). Every figure must still be what the dense arithmetic gives: counts read back, sums up
// the hierarchy, the change of an area with nothing (0 against 0), and the rank of a 0 among its
// siblings (ties share the lowest rank: after all the non-zero ones).
#include "gebiedscan/core/area_hierarchy.hpp"
#include "gebiedscan/core/count_test.hpp"
#include "gebiedscan/core/hot_times.hpp"
#include "gebiedscan/core/scan_figures.hpp"
#include "gebiedscan/core/scan_model.hpp"
#include "gebiedscan/core/sparse_rows.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace gebiedscan;

namespace {

ScanModel model()
{
    ScanModel m;
    m.name = "schaars";
    m.suppressBelow = 5;
    m.themes = {{"woninginbraak", "1.3", 1, "Woninginbraak", "Burglary", 0},
                {"geweld", "1.4", 1, "Geweld op straat", "Violence", 0}};
    m.categories = {{"inbraak", "woninginbraak", "Inbraak", {"1.1.1"}, {}},
                    {"mishandeling", "geweld", "Mishandeling", {"1.4.5"}, {}},
                    {"geweld_overig", "geweld", "Overig geweld", {"1.4.*"}, {}}};
    m.periods = {{"2022", false, *makeLocalTime(2022, 1, 1), *makeLocalTime(2023, 1, 1)},
                 {"2023", false, *makeLocalTime(2023, 1, 1), *makeLocalTime(2024, 1, 1)},
                 {"2024", true, *makeLocalTime(2024, 1, 1), *makeLocalTime(2025, 1, 1)}};
    return m;
}

// 60 cells under 4 parents; most cells empty, as a fine grid's.
AreaHierarchy cells(std::size_t n)
{
    AreaHierarchy h;
    AreaLevel level;
    level.name = "cel";
    std::vector<std::string> parents;
    for (std::size_t i = 0; i < n; ++i) {
        level.codes.push_back("C" + std::to_string(i));
        level.names.push_back(level.codes.back());
        level.population.emplace_back(std::nullopt);
        parents.push_back("P" + std::to_string(i % 4));
    }
    h.levels.push_back(level);
    h.addParentLevel("gebied", parents, {});
    return h;
}

} // namespace

TEST(SparseRows, ReadsWhatWasStoredAndZeroElsewhere)
{
    SparseRows<std::uint64_t> rows(10);
    rows.appendRow({{2, 7}, {9, 1}});
    rows.appendRow({});
    rows.appendRow({{0, 3}});
    ASSERT_EQ(rows.rows(), 3u);
    EXPECT_EQ(rows.stored(), 3u);
    EXPECT_EQ(rows.at(0, 2), 7u);
    EXPECT_EQ(rows.at(0, 9), 1u);
    EXPECT_EQ(rows.at(0, 3), 0u);
    EXPECT_EQ(rows.at(1, 2), 0u);
    EXPECT_EQ(rows.at(2, 0), 3u);
    EXPECT_EQ(rows.at(2, 9), 0u);
}

TEST(SparseFigures, MatchTheDenseArithmetic)
{
    const auto m = model();
    const std::size_t n = 60, categories = m.categories.size() + 1, periods = 3;
    const auto h = cells(n);
    ScanCounts counts(n, m.categories.size(), periods);
    // Dense reference of the same counts.
    std::vector<std::uint64_t> dense(n * categories * periods, 0);
    std::mt19937 rng(18);
    for (int i = 0; i < 90; ++i) {
        const std::size_t a = rng() % 20 * 3 % n, c = rng() % categories, p = rng() % periods; // 40 cells empty
        counts.add(a, c, p);
        ++dense[(a * categories + c) * periods + p];
    }
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t c = 0; c < categories; ++c)
            for (std::size_t p = 0; p < periods; ++p)
                ASSERT_EQ(counts.at(a, c, p), dense[(a * categories + c) * periods + p]);

    const ScanFigures f(m, h, counts);
    const std::size_t slots = f.themeSlots(), cur = f.currentPeriod();
    ASSERT_TRUE(f.hasReference());
    const std::vector<std::size_t> slotOf{0, 1, 1, f.overigSlot()};
    std::size_t emptyCells = 0;
    for (std::size_t a = 0; a < n; ++a) {
        std::vector<std::uint64_t> theme(slots * periods, 0);
        for (std::size_t c = 0; c < categories; ++c)
            for (std::size_t p = 0; p < periods; ++p) {
                const auto v = dense[(a * categories + c) * periods + p];
                EXPECT_EQ(f.categoryCount(0, a, c, p), v);
                theme[slotOf[c] * periods + p] += v;
                theme[f.totalSlot() * periods + p] += v;
            }
        for (std::size_t s = 0; s < slots; ++s) {
            std::uint64_t ref = 0;
            for (std::size_t p = 0; p < periods; ++p) {
                EXPECT_EQ(f.themeCount(0, a, s, p), theme[s * periods + p]);
                if (p != cur) ref += theme[s * periods + p];
            }
            // The change is the dense formula, also for an area without any registration.
            const auto& change = f.change(0, a, s);
            EXPECT_DOUBLE_EQ(change.expected, static_cast<double>(ref) / 2.0 * 366.0 / 365.0);
            EXPECT_EQ(change.pValue, poissonRatioTest(theme[s * periods + cur], 366.0, ref, 730.0));
        }
        emptyCells += theme[f.totalSlot() * periods + cur] == 0;
    }
    EXPECT_GT(emptyCells, 30u);

    // Rank among the siblings: 1 + the number of siblings with more; a 0 after all others.
    for (std::size_t s = 0; s < slots; ++s)
        for (std::size_t a = 0; a < n; ++a) {
            int more = 0;
            for (std::size_t b = 0; b < n; ++b)
                if (b % 4 == a % 4 && f.themeCount(0, b, s, cur) > f.themeCount(0, a, s, cur)) ++more;
            EXPECT_EQ(f.rank(0, a, s), more + 1) << "cell " << a << " slot " << s;
        }

    // The parent level is the sum of its cells.
    for (std::size_t p = 0; p < 4; ++p)
        for (std::size_t s = 0; s < slots; ++s) {
            std::uint64_t sum = 0;
            for (std::size_t a = p; a < n; a += 4) sum += f.themeCount(0, a, s, cur);
            EXPECT_EQ(f.themeCount(1, p, s, cur), sum);
        }
}

TEST(SparseHotTimes, SameWeightsAsADenseTable)
{
    // An evening interval across the October clock change (02-03 twice) and an instant: only the
    // touched hours are stored, and every hour reads the dense sum.
    HotTimes t;
    const TimeInterval night{*makeLocalTime(2024, 10, 26, 22, 30), *makeLocalTime(2024, 10, 27, 4, 30)};
    ASSERT_TRUE(t.add(night));
    t.add(*makeLocalTime(2024, 10, 21, 9, 15)); // Monday 09
    // 7 h passed from 22:30 to 04:30 local across the change: 1/7 per whole hour, twice for 02-03.
    const int sunday = 6 * 24, saturday = 5 * 24;
    EXPECT_NEAR(t.at(saturday + 22), 0.5 / 7, 1e-15);
    EXPECT_NEAR(t.at(saturday + 23), 1.0 / 7, 1e-15);
    EXPECT_NEAR(t.at(sunday + 2), 2.0 / 7, 1e-15);
    EXPECT_NEAR(t.at(sunday + 4), 0.5 / 7, 1e-15);
    EXPECT_EQ(t.at(9), 1.0);
    EXPECT_EQ(t.at(10), 0.0);
    EXPECT_NEAR(t.total(), 2.0, 1e-12);
    EXPECT_EQ(t.peakHour(), 9);
    const auto dense = t.counts();
    double sum = 0;
    for (double v : dense) sum += v;
    EXPECT_NEAR(sum, 2.0, 1e-12);

    HotTimes merged;
    merged.merge(t);
    merged.merge(t);
    for (int hour = 0; hour < HotTimes::kHours; ++hour) EXPECT_EQ(merged.at(hour), t.at(hour) + t.at(hour));
    EXPECT_EQ(merged.events(), 4);
}
