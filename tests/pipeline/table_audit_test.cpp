// The audit on small tables built in-process: each attack of issue 13 must be caught, and the LP
// intervals must equal those found by enumerating every integer solution.
#include "gebiedscan/pipeline/protection_table.hpp"
#include "gebiedscan/pipeline/table_audit.hpp"

#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <random>

using namespace gebiedscan::pipeline;

namespace {

const CellInterval& intervalOf(const AuditResult& r, std::size_t cell)
{
    for (const auto& iv : r.intervals)
        if (iv.cell == cell) return iv;
    throw std::runtime_error("cell not hidden");
}

// Every interval exact (no shortcut for cells already seen to be safe).
AuditResult exactAudit(const ProtectionTable& t, AuditRule rule = AuditRule::ProtectionLevels, bool boundsKnown = false)
{
    AuditOptions o;
    o.rule = rule;
    o.primaryBoundsKnown = boundsKnown;
    o.shortcut = false;
    return auditTable(t, o);
}

} // namespace

TEST(TableAudit, ParentMinusChildrenRecoversAHiddenBuurt)
{
    // A wijk of three buurten; only the small buurt is hidden: wijk 25 - 10 - 12 = 3.
    ProtectionTable t;
    const auto b1 = t.addCell(3, 5), b2 = t.addCell(10, 5), b3 = t.addCell(12, 5), wijk = t.addCell(25, 5);
    t.addRelation({{b1, 1}, {b2, 1}, {b3, 1}, {wijk, -1}});
    ASSERT_EQ(t.cell(b1).state, CellState::Primary);
    const auto r = exactAudit(t);
    EXPECT_FALSE(r.passed());
    ASSERT_EQ(r.failing.size(), 1u);
    EXPECT_EQ(intervalOf(r, b1).low, 3.0);
    EXPECT_EQ(intervalOf(r, b1).high, 3.0);
    // Hiding a sibling as well opens both to [0, 13]: the pair's sum is all that is known.
    t.hideSecondary(b2);
    const auto opened = exactAudit(t);
    EXPECT_TRUE(opened.passed());
    EXPECT_EQ(intervalOf(opened, b1).low, 0.0);
    EXPECT_EQ(intervalOf(opened, b1).high, 13.0);
    EXPECT_EQ(intervalOf(opened, b2).high, 13.0);
    EXPECT_TRUE(exactAudit(t, AuditRule::FolderReader).passed());
    // The brief's stricter intruder, who knows b1 is primary, still gets [1, 4] and b2 in [9, 12].
    const auto s = exactAudit(t, AuditRule::ProtectionLevels, true);
    EXPECT_TRUE(s.passed());
    EXPECT_EQ(intervalOf(s, b1).low, 1.0);
    EXPECT_EQ(intervalOf(s, b1).high, 4.0);
    EXPECT_EQ(intervalOf(s, b2).low, 9.0);
    EXPECT_EQ(intervalOf(s, b2).high, 12.0);
}

TEST(TableAudit, ComplementAcrossThemesOnlyIsUndoneByTheHierarchy)
{
    // Today's writer: in buurt 1 inbraak (3) is primary and the smallest other theme, geweld (6),
    // is hidden as its complement, so the buurt's total gives nothing. But the wijk publishes
    // both themes and the other buurt publishes its own: each hidden cell is wijk minus buurt 2.
    ProtectionTable t;
    //            inbraak           geweld            total
    const auto i1 = t.addCell(3, 5), g1 = t.addCell(6, 5), t1 = t.addCell(9, 5);
    const auto i2 = t.addCell(8, 5), g2 = t.addCell(7, 5), t2 = t.addCell(15, 5);
    const auto iw = t.addCell(11, 5), gw = t.addCell(13, 5), tw = t.addCell(24, 5);
    t.addRelation({{i1, 1}, {g1, 1}, {t1, -1}});
    t.addRelation({{i2, 1}, {g2, 1}, {t2, -1}});
    t.addRelation({{iw, 1}, {gw, 1}, {tw, -1}});
    t.addRelation({{i1, 1}, {i2, 1}, {iw, -1}});
    t.addRelation({{g1, 1}, {g2, 1}, {gw, -1}});
    t.addRelation({{t1, 1}, {t2, 1}, {tw, -1}});
    t.hideSecondary(g1);
    const auto r = exactAudit(t);
    EXPECT_FALSE(r.passed());
    EXPECT_EQ(intervalOf(r, i1).low, 3.0);
    EXPECT_EQ(intervalOf(r, i1).high, 3.0);
    EXPECT_EQ(intervalOf(r, g1).low, 6.0);
    // The four corners of a rectangle protect it: i1 = 3 + d, g1 = 6 - d, i2 = 8 - d, g2 = 7 + d,
    // so i1 runs over [0, 9].
    t.hideSecondary(i2);
    t.hideSecondary(g2);
    const auto ok = exactAudit(t);
    EXPECT_TRUE(ok.passed());
    EXPECT_EQ(intervalOf(ok, i1).low, 0.0);
    EXPECT_EQ(intervalOf(ok, i1).high, 9.0);
}

TEST(TableAudit, BuurtWithOnlyZedenShowsItInTheTotal)
{
    // Zeden 7 (threshold 10) hidden, every other theme 0 and the total 7 published.
    ProtectionTable t;
    const auto zeden = t.addCell(7, 10), inbraak = t.addCell(0, 5), geweld = t.addCell(0, 5), total = t.addCell(7, 5);
    t.addRelation({{zeden, 1}, {inbraak, 1}, {geweld, 1}, {total, -1}});
    ASSERT_EQ(t.cell(zeden).state, CellState::Primary);
    ASSERT_EQ(t.cell(total).state, CellState::Published); // 7 >= 5: the total's own rule shows it
    const auto r = exactAudit(t);
    ASSERT_EQ(r.failing.size(), 1u);
    EXPECT_EQ(intervalOf(r, zeden).low, 7.0);
    EXPECT_EQ(intervalOf(r, zeden).high, 7.0);
    // Hiding a zero beside it gives zeden [0, 7]: still short of 9.
    t.hideSecondary(inbraak);
    const auto reader = exactAudit(t, AuditRule::FolderReader);
    EXPECT_FALSE(reader.passed());
    EXPECT_EQ(intervalOf(reader, zeden).low, 0.0);
    EXPECT_EQ(intervalOf(reader, zeden).high, 7.0);
    // Only hiding the total too protects zeden.
    t.hideSecondary(total);
    EXPECT_TRUE(exactAudit(t).passed());
}

TEST(TableAudit, FolderReaderFailsEveryHiddenIntervalNotContainingTheSmallRange)
{
    // threshold 5, the rule of docs/disclosure-control.md: every hidden cell's interval contains
    // 1..4. [3, 12] might hide a 3 or 4 that the reader has narrowed; [0, 0] is recovered; [6, 9]
    // tells the reader the cell is no small count (and is the LP's exact interval where interval
    // propagation finds [3, 12]: the rule must not pass the narrower one); [0, 7] and [1, 4] cover.
    EXPECT_FALSE(intervalProtects(3, 12, 5, CellState::Hidden, AuditRule::FolderReader));
    EXPECT_FALSE(intervalProtects(0, 0, 5, CellState::Hidden, AuditRule::FolderReader));
    EXPECT_FALSE(intervalProtects(6, 9, 5, CellState::Hidden, AuditRule::FolderReader));
    EXPECT_FALSE(intervalProtects(5, 50, 5, CellState::Secondary, AuditRule::FolderReader));
    EXPECT_TRUE(intervalProtects(0, 7, 5, CellState::Hidden, AuditRule::FolderReader));
    EXPECT_TRUE(intervalProtects(1, 4, 5, CellState::Hidden, AuditRule::FolderReader));
    EXPECT_FALSE(intervalProtects(0, 3, 5, CellState::Hidden, AuditRule::FolderReader));
    // Monotone: any interval containing a passing one passes.
    for (int low = 0; low <= 1; ++low)
        for (int high = 4; high <= 6; ++high)
            EXPECT_TRUE(intervalProtects(low, high, 5, CellState::Hidden, AuditRule::FolderReader)) << low << high;
    // A known primary must reach both 1 and T-1; a known secondary needs nothing.
    EXPECT_FALSE(intervalProtects(1, 3, 5, CellState::Primary, AuditRule::ProtectionLevels));
    EXPECT_FALSE(intervalProtects(2, 9, 5, CellState::Primary, AuditRule::ProtectionLevels));
    EXPECT_TRUE(intervalProtects(0, 4, 5, CellState::Primary, AuditRule::ProtectionLevels));
    EXPECT_TRUE(intervalProtects(3, 12, 5, CellState::Secondary, AuditRule::ProtectionLevels));
}

TEST(TableAudit, InconsistentPublishedValuesAreReported)
{
    ProtectionTable t;
    const auto a = t.addPublishedCell(4, 5), b = t.addPublishedCell(6, 5), s = t.addPublishedCell(11, 5);
    t.addRelation({{a, 1}, {b, 1}, {s, -1}});
    EXPECT_EQ(exactAudit(t).inconsistentRelations, 1u);
    EXPECT_FALSE(exactAudit(t).passed());
}

// A cell is 8 bytes (a 32-bit count, a 16-bit threshold): what does not fit is refused, and sums of
// large counts are taken in 64 bits: 2 x (2^30 + 1) = (2^31 - 1) + 3 holds, but 2 x (2^30 + 1)
// wraps in 32 bits and the relation would look inconsistent.
TEST(TableAudit, CountsUpTo2To31AreKeptAndLargerOnesRefused)
{
    ProtectionTable t;
    constexpr std::int64_t big = (std::int64_t{1} << 31) - 1;
    EXPECT_THROW(t.addCell(big + 1, 5, "te groot"), gebiedscan::Error);
    EXPECT_THROW(t.addPublishedCell(big + 1, 5), gebiedscan::Error);
    EXPECT_THROW(t.addHiddenCell(40000), gebiedscan::Error);
    const auto x = t.addPublishedCell((std::int64_t{1} << 30) + 1, 5), y = t.addPublishedCell(big, 5),
               z = t.addPublishedCell(3, 5);
    EXPECT_EQ(t.cell(y).value, big);
    t.addRelation({{x, 1}, {x, 1}, {y, -1}, {z, -1}}); // x twice: coefficient 2
    EXPECT_EQ(exactAudit(t).inconsistentRelations, 0u);
}

// After the protection a scan frees the relations; an audit then would see none and pass anything,
// so asking for them is an error, while the cells keep their states.
TEST(TableAudit, ReleasedRelationsCannotBeAuditedAgainst)
{
    ProtectionTable t;
    const auto a = t.addCell(2, 5), b = t.addCell(8, 5), s = t.addCell(10, 5);
    t.addRelation({{a, 1}, {b, 1}, {s, -1}});
    EXPECT_FALSE(exactAudit(t).passed()); // the 2 is recovered from 10 - 8
    t.releaseRelations();
    EXPECT_EQ(t.cell(a).state, CellState::Primary);
    EXPECT_THROW((void)exactAudit(t), gebiedscan::Error);
    EXPECT_THROW(t.addRelation({{a, 1}, {s, -1}}), gebiedscan::Error);
    const ProtectionTable copy = t;
    EXPECT_THROW((void)copy.relations(), gebiedscan::Error);
}

// The independent parts: all cells linked by any relation, or (the audit's unknowns) hidden cells
// linked through relations holding two or more of them; in the order of their first cell, each
// increasing.
TEST(TableAudit, PartsAreTheCellsLinkedByRelations)
{
    ProtectionTable t;
    // Cells 0..6: 0 + 1 = 2 and 3 + 4 = 2 (one part through 2), 5 = 6 apart; threshold 5, so the
    // primaries (hidden) are 0, 1, 4, 5 and 6.
    const std::vector<std::int64_t> values{2, 3, 5, 10, 1, 4, 4};
    for (auto v : values) t.addCell(v, 5);
    t.addRelation({{0, 1}, {1, 1}, {2, -1}});
    t.addRelation({{3, 1}, {4, 1}, {2, -1}}); // wrong on purpose: only the links matter here
    t.addRelation({{5, 1}, {6, -1}});
    const auto all = t.parts(false);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all.cellList(0), (std::vector<std::size_t>{0, 1, 2, 3, 4}));
    EXPECT_EQ(all.cellList(1), (std::vector<std::size_t>{5, 6}));
    // Hidden only: 0 and 1 share a relation, 4 is alone in its own (3 and 2 are published), 5 with 6.
    const auto hidden = t.parts(true);
    ASSERT_EQ(hidden.size(), 3u);
    EXPECT_EQ(hidden.cellList(0), (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(hidden.cellList(1), (std::vector<std::size_t>{4}));
    EXPECT_EQ(hidden.cellList(2), (std::vector<std::size_t>{5, 6}));
    EXPECT_EQ(t.components(true).size(), 3u);
    EXPECT_EQ(t.components(true)[2], hidden.cellList(2));
}

// A 2 x 3 table with row and column totals and the grand total (12 cells, 7 relations); for
// every pattern of hidden cells (the grand total stays published, so all is bounded) the LP
// intervals must equal those found by enumerating every integer interior that fits.
TEST(TableAudit, IntervalsMatchBruteForceOnATinyTable)
{
    const std::vector<std::vector<std::int64_t>> inner = {{2, 3, 0}, {4, 1, 5}};
    const int threshold = 5;
    ProtectionTable t;
    std::vector<std::vector<std::size_t>> cell(3, std::vector<std::size_t>(4));
    std::vector<std::vector<std::int64_t>> value(3, std::vector<std::int64_t>(4, 0));
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 3; ++j) {
            value[i][j] = inner[i][j];
            value[i][3] += inner[i][j];
            value[2][j] += inner[i][j];
            value[2][3] += inner[i][j];
        }
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 4; ++j) cell[i][j] = t.addCell(value[i][j], threshold);
    for (int i = 0; i < 3; ++i) t.addRelation({{cell[i][0], 1}, {cell[i][1], 1}, {cell[i][2], 1}, {cell[i][3], -1}});
    for (int j = 0; j < 4; ++j) t.addRelation({{cell[0][j], 1}, {cell[1][j], 1}, {cell[2][j], -1}});
    // 2, 3, 4, 1 and the column total 4 are primary.
    ASSERT_EQ(t.count(CellState::Primary), 5u);

    std::vector<std::size_t> free; // published cells a pattern may hide, the grand total aside
    for (std::size_t c = 0; c < t.cells().size(); ++c)
        if (t.cell(c).state == CellState::Published && c != cell[2][3]) free.push_back(c);
    ASSERT_EQ(free.size(), 6u);
    const std::int64_t grand = value[2][3];

    std::size_t passing = 0, passingStrict = 0;
    for (unsigned mask = 0; mask < (1u << free.size()); ++mask) {
        t.clearSecondaries();
        for (std::size_t k = 0; k < free.size(); ++k)
            if (mask & (1u << k)) t.hideSecondary(free[k]);
        for (bool boundsKnown : {false, true}) {
            std::vector<double> low(t.cells().size(), 1e9), high(t.cells().size(), -1e9);
            std::vector<std::int64_t> x(6);
            // Interiors summing to the published grand total; the margins follow from them.
            std::function<void(int, std::int64_t)> visit = [&](int k, std::int64_t left) {
                if (k == 5) {
                    x[5] = left;
                    std::vector<std::vector<std::int64_t>> v(3, std::vector<std::int64_t>(4, 0));
                    for (int i = 0; i < 2; ++i)
                        for (int j = 0; j < 3; ++j) {
                            v[i][j] = x[static_cast<std::size_t>(i * 3 + j)];
                            v[i][3] += v[i][j];
                            v[2][j] += v[i][j];
                            v[2][3] += v[i][j];
                        }
                    for (int i = 0; i < 3; ++i)
                        for (int j = 0; j < 4; ++j) {
                            const auto& c = t.cell(cell[i][j]);
                            if (!c.hidden() && v[i][j] != c.value) return;
                            if (boundsKnown && c.state == CellState::Primary &&
                                (v[i][j] < 1 || v[i][j] > threshold - 1))
                                return;
                        }
                    for (int i = 0; i < 3; ++i)
                        for (int j = 0; j < 4; ++j) {
                            const auto c = cell[i][j];
                            low[c] = std::min(low[c], static_cast<double>(v[i][j]));
                            high[c] = std::max(high[c], static_cast<double>(v[i][j]));
                        }
                    return;
                }
                for (std::int64_t n = 0; n <= left; ++n) {
                    x[static_cast<std::size_t>(k)] = n;
                    visit(k + 1, left - n);
                }
            };
            visit(0, grand);
            const auto r = exactAudit(t, AuditRule::ProtectionLevels, boundsKnown);
            ASSERT_EQ(r.intervals.size(), t.hiddenCount());
            // The shortcut for cells seen to be safe changes no verdict.
            AuditOptions quick;
            quick.primaryBoundsKnown = boundsKnown;
            ASSERT_EQ(auditTable(t, quick).passed(), r.passed()) << "pattern " << mask;
            ASSERT_EQ(exactAudit(t, AuditRule::FolderReader, boundsKnown).passed(),
                      auditTable(t, {AuditRule::FolderReader, true, boundsKnown, true}).passed());
            for (const auto& iv : r.intervals) {
                ASSERT_EQ(iv.low, low[iv.cell]) << "pattern " << mask << " cell " << iv.cell;
                ASSERT_EQ(iv.high, high[iv.cell]) << "pattern " << mask << " cell " << iv.cell;
            }
            if (r.passed()) ++(boundsKnown ? passingStrict : passing);
        }
    }
    std::printf("tiny table: %zu of 64 patterns protect; %zu against an intruder knowing the primaries\n", passing,
                passingStrict);
    EXPECT_GT(passing, 0u);
    EXPECT_LT(passing, 64u);
    // The column of 3 and 1 (total 4, also primary): knowing all three lie in [1, 4], the 3 is at
    // most 3, never 4, whatever is hidden.
    EXPECT_EQ(passingStrict, 0u);
}

TEST(TableAudit, UnboundedCellsAfterAFeasibleMinimumAreNotMistakenForInfeasible)
{
    // From a real folder: overig of a gemeente hidden with two of its wijken, one holding a
    // published 9. GLPK's dual simplex stops at "no dual feasible solution" from the previous
    // basis; the audit must then tell unbounded from infeasible.
    ProtectionTable t;
    const auto b0 = t.addHiddenCell(5), b9 = t.addHiddenCell(5), b11 = t.addPublishedCell(9, 5);
    const auto w0 = t.addHiddenCell(5), w9 = t.addHiddenCell(5), g = t.addHiddenCell(5);
    t.addRelation({{w0, -1}, {b0, 1}});
    t.addRelation({{w9, -1}, {b9, 1}, {b11, 1}});
    t.addRelation({{g, -1}, {w0, 1}, {w9, 1}});
    const auto r = exactAudit(t, AuditRule::FolderReader);
    EXPECT_TRUE(r.infeasible.empty());
    EXPECT_EQ(intervalOf(r, w9).low, 9.0);
    EXPECT_EQ(intervalOf(r, g).low, 9.0);
    EXPECT_TRUE(std::isinf(intervalOf(r, g).high));
    EXPECT_TRUE(std::isinf(intervalOf(r, b0).high));
    // docs/disclosure-control.md: [0, inf) covers 1..4; [9, inf) tells the reader w9 and g are no
    // small counts, which the rule fails (the earlier "wholly outside" exemption passed it).
    EXPECT_FALSE(r.passed());
    ASSERT_EQ(r.failing.size(), 2u);
    EXPECT_EQ(r.intervals[r.failing[0]].cell, w9);
    EXPECT_EQ(r.intervals[r.failing[1]].cell, g);
}

// Two parts with the same relations, thresholds and right-hand sides, but a secondary in one where
// the other has a primary, are different LPs: the primary d gets its own exact interval, not the
// secondary b's (which, needing nothing, keeps only what the witnesses showed).
TEST(TableAudit, PartsThatDifferOnlyInTheirCellsRolesAreSolvedApart)
{
    ProtectionTable t;
    const auto a = t.addCell(2, 5), b = t.addCell(0, 5), total1 = t.addCell(2, 1);
    const auto c = t.addCell(1, 5), d = t.addCell(1, 5), total2 = t.addCell(2, 1);
    t.addRelation({{a, 1}, {b, 1}, {total1, -1}});
    t.addRelation({{c, 1}, {d, 1}, {total2, -1}});
    t.hideSecondary(b);
    ASSERT_EQ(t.cell(b).state, CellState::Secondary);
    ASSERT_EQ(t.cell(d).state, CellState::Primary);
    const auto r = auditTable(t, {AuditRule::ProtectionLevels, true});
    EXPECT_FALSE(intervalOf(r, b).exact);
    const auto& iv = intervalOf(r, d);
    EXPECT_TRUE(iv.exact);
    EXPECT_EQ(iv.low, 0.0);
    EXPECT_EQ(iv.high, 2.0);
}

// Parts whose hidden cells meet in one relation on one side (an hour-of-week row, a theme's
// categories under a published total) get their intervals in closed form instead of LPs: the
// same intervals and verdicts as the LPs, for random rows with primaries, secondaries, hidden
// totals (mixed sides: the LPs decide), published totals that contradict the cells (no value
// fits), both rules and both intruders, and no LP at all.
TEST(TableAudit, OneRelationInClosedFormEqualsTheLps)
{
    std::mt19937 rng(29);
    std::uniform_int_distribution<int> value(0, 9), cellsPerRow(1, 7), coin(0, 3);
    std::size_t closedParts = 0, compared = 0, infeasibleSeen = 0;
    for (int table = 0; table < 300; ++table) {
        ProtectionTable t;
        const int rows = 1 + table % 4;
        bool mixed = false;
        for (int r = 0; r < rows; ++r) {
            std::vector<std::size_t> cells;
            std::int64_t total = 0;
            const int n = cellsPerRow(rng);
            for (int k = 0; k < n; ++k) {
                const int v = value(rng);
                total += v;
                cells.push_back(t.addCell(v, 5));
            }
            const std::int64_t wrong[] = {-40, -1, 3, 40};
            const auto totalCell = table % 5 == 4 ? t.addPublishedCell(total + wrong[r % 4], 1)
                                                  : t.addCell(total, 1 + (table % 3 == 0 ? 5 : 0));
            std::vector<RelationTerm> terms{{totalCell, -1}};
            for (auto c : cells) terms.push_back({c, 1});
            t.addRelation(std::move(terms));
            for (auto c : cells)
                if (t.cell(c).state == CellState::Published && coin(rng) == 0) t.hideSecondary(c);
            mixed = mixed || t.cell(totalCell).hidden();
        }
        for (const auto rule : {AuditRule::ProtectionLevels, AuditRule::FolderReader})
            for (const bool known : {false, true}) {
                const auto closed = auditTable(t, {rule, true, known, true});
                const auto lps = exactAudit(t, rule, known);
                ASSERT_EQ(closed.intervals.size(), lps.intervals.size());
                EXPECT_EQ(closed.failing, lps.failing) << "table " << table;
                EXPECT_EQ(closed.infeasible, lps.infeasible) << "table " << table;
                infeasibleSeen += lps.infeasible.size();
                for (std::size_t i = 0; i < lps.intervals.size(); ++i) {
                    const auto& a = closed.intervals[i];
                    const auto& b = lps.intervals[i];
                    EXPECT_EQ(a.safe, b.safe) << "table " << table << " cell " << b.cell;
                    if (!a.exact) continue; // a known secondary under ProtectionLevels: not vouched for
                    ++compared;
                    if (std::isnan(b.low)) { // no value fits: both must say so
                        EXPECT_TRUE(std::isnan(a.low) && std::isnan(a.high)) << "table " << table;
                        continue;
                    }
                    EXPECT_EQ(a.low, b.low) << "table " << table << " cell " << b.cell;
                    EXPECT_EQ(a.high, b.high) << "table " << table << " cell " << b.cell;
                }
                if (!mixed && closed.intervals.size() > 0) {
                    EXPECT_EQ(closed.linearPrograms, 0u) << "table " << table;
                    ++closedParts;
                }
            }
    }
    EXPECT_GT(closedParts, 500u);
    EXPECT_GT(compared, 2000u);
    EXPECT_GT(infeasibleSeen, 20u);
}
