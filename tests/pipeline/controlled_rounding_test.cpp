// Rounding to multiples of 5 (issue 13, Deliver 5): controlled rounding keeps every relation,
// independent rounding lets the totals narrow a count, and the rounded audit tells them apart.
#include "gebiedscan/pipeline/controlled_rounding.hpp"
#include "gebiedscan/pipeline/table_audit.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

using namespace gebiedscan::pipeline;

namespace {

// Every relation adds up with `values`.
bool addsUp(const ProtectionTable& t, const std::vector<std::int64_t>& values)
{
    for (const auto& r : t.relations()) {
        std::int64_t sum = 0;
        for (const auto& term : r.terms) sum += term.coefficient * values[term.cell];
        if (sum != 0) return false;
    }
    return true;
}

// The table as a reader of the rounded output sees it: the rounded values, same relations.
ProtectionTable published(const ProtectionTable& t, const std::vector<std::int64_t>& rounded)
{
    ProtectionTable out;
    for (std::size_t c = 0; c < t.cells().size(); ++c) out.addPublishedCell(rounded[c], t.cell(c).threshold);
    for (const auto& r : t.relations()) out.addRelation(r.terms);
    return out;
}

const CellInterval& intervalOf(const AuditResult& r, std::size_t cell)
{
    for (const auto& iv : r.intervals)
        if (iv.cell == cell) return iv;
    throw std::runtime_error("no interval");
}

// Two wijken of two buurten, two themes and their total per area, and the gemeente: three
// dimensions of relations (themes = total, buurten = wijk, wijken = gemeente).
struct Scan {
    ProtectionTable t;
    std::vector<std::size_t> all;
};

Scan smallScan()
{
    // counts[area][theme]; areas 0..3 buurten (0,1 in wijk 4; 2,3 in wijk 5), 6 the gemeente.
    const std::int64_t buurt[4][2] = {{2, 7}, {3, 1}, {12, 0}, {4, 4}};
    Scan s;
    std::size_t cell[7][3];
    std::int64_t sums[7][2] = {};
    for (int a = 0; a < 4; ++a)
        for (int k = 0; k < 2; ++k) {
            sums[a][k] = buurt[a][k];
            sums[4 + a / 2][k] += buurt[a][k];
            sums[6][k] += buurt[a][k];
        }
    for (int a = 0; a < 7; ++a) {
        for (int k = 0; k < 2; ++k) cell[a][k] = s.t.addCell(sums[a][k], 5);
        cell[a][2] = s.t.addCell(sums[a][0] + sums[a][1], 5);
        s.t.addRelation({{cell[a][0], 1}, {cell[a][1], 1}, {cell[a][2], -1}});
    }
    for (int k = 0; k < 3; ++k) {
        s.t.addRelation({{cell[0][k], 1}, {cell[1][k], 1}, {cell[4][k], -1}});
        s.t.addRelation({{cell[2][k], 1}, {cell[3][k], 1}, {cell[5][k], -1}});
        s.t.addRelation({{cell[4][k], 1}, {cell[5][k], 1}, {cell[6][k], -1}});
    }
    return s;
}

} // namespace

TEST(ControlledRounding, EveryCountToAnAdjacentMultipleAndEveryRelationAddsUp)
{
    const auto s = smallScan();
    ASSERT_TRUE(addsUp(s.t, [&] {
        std::vector<std::int64_t> v;
        for (const auto& c : s.t.cells()) v.push_back(c.value);
        return v;
    }()));
    const auto r = roundTable(s.t);
    ASSERT_EQ(r.rounded.size(), s.t.cells().size());
    EXPECT_EQ(r.parts, 1u);
    EXPECT_EQ(r.controlledParts, 1u);
    EXPECT_TRUE(r.controlled());
    std::size_t changed = 0;
    for (std::size_t c = 0; c < r.rounded.size(); ++c) {
        const auto v = s.t.cell(c).value;
        EXPECT_EQ(r.rounded[c] % 5, 0) << c;
        if (v % 5 == 0) {
            EXPECT_EQ(r.rounded[c], v) << "a multiple (and 0) stays: cell " << c;
        } else {
            ++changed;
            EXPECT_TRUE(r.rounded[c] == v / 5 * 5 || r.rounded[c] == v / 5 * 5 + 5) << c << ": " << v;
        }
    }
    EXPECT_EQ(r.changedCells, changed);
    EXPECT_GT(changed, 10u);
    EXPECT_TRUE(addsUp(s.t, r.rounded));
    // Whatever the reader does with the totals, no count is known better than 5 values.
    const auto audit = auditRoundedTable(published(s.t, r.rounded), 5, true);
    EXPECT_TRUE(audit.passed()) << audit.failing.size();
    EXPECT_EQ(audit.intervals.size(), s.t.cells().size());
}

TEST(ControlledRounding, TwoSmallChildrenOfASmallParent)
{
    // 2 + 2 = 4: rounded to nearest each child is 0 and the parent 5, which does not add up.
    ProtectionTable t;
    const auto a = t.addCell(2, 5), b = t.addCell(2, 5), p = t.addCell(4, 5);
    t.addRelation({{a, 1}, {b, 1}, {p, -1}});
    const auto r = roundTable(t);
    ASSERT_TRUE(r.controlled());
    // Least deviation: the parent up to 5 (1 off), one child up (3 off), the other down (2 off).
    EXPECT_EQ(r.rounded[p], 5);
    EXPECT_EQ(r.rounded[a] + r.rounded[b], 5);
    const auto audit = auditRoundedTable(published(t, r.rounded), 5, true);
    EXPECT_TRUE(audit.passed());
    const auto zero = r.rounded[a] == 0 ? a : b, five = zero == a ? b : a;
    // The child shown as 0 lies in [0, 4], the one shown as 5 in [1, 9], the parent in [1, 9].
    EXPECT_EQ(intervalOf(audit, zero).low, 0.0);
    EXPECT_EQ(intervalOf(audit, zero).high, 4.0);
    EXPECT_EQ(intervalOf(audit, five).low, 1.0);
    EXPECT_EQ(intervalOf(audit, p).low, 1.0);

    // Independent rounding to nearest: 0, 0 and 5. Knowing that, the reader places the children
    // in [0, 2] and the parent in [3, 7]; the sum narrows each child to [1, 2] (so not 0) and the
    // parent to [3, 4].
    const auto ind = roundTable(t, {.independentOnly = true});
    EXPECT_FALSE(ind.controlled());
    EXPECT_EQ(ind.rounded[a], 0);
    EXPECT_EQ(ind.rounded[b], 0);
    EXPECT_EQ(ind.rounded[p], 5);
    const auto attack = auditRoundedTable(published(t, ind.rounded), 5, false);
    EXPECT_FALSE(attack.passed());
    EXPECT_EQ(attack.failing.size(), 3u);
    EXPECT_EQ(intervalOf(attack, a).low, 1.0);
    EXPECT_EQ(intervalOf(attack, a).high, 2.0);
    EXPECT_EQ(intervalOf(attack, p).low, 3.0);
    EXPECT_EQ(intervalOf(attack, p).high, 4.0);
}

TEST(ControlledRounding, AuditCatchesTotalsThatPinARoundedCount)
{
    // Published 5 + 5 = 0 (no controlled rounding gives that): the parent is at least 2, each child
    // at most 4 - 1 = 3: [2, 4] and [1, 3], narrower than 5 values.
    ProtectionTable t;
    const auto a = t.addPublishedCell(5, 5), b = t.addPublishedCell(5, 5), p = t.addPublishedCell(0, 5);
    t.addRelation({{a, 1}, {b, 1}, {p, -1}});
    const auto audit = auditRoundedTable(t, 5, true);
    EXPECT_FALSE(audit.passed());
    EXPECT_EQ(audit.failing.size(), 3u);
    EXPECT_EQ(intervalOf(audit, p).low, 2.0);
    EXPECT_EQ(intervalOf(audit, p).high, 4.0);
    EXPECT_EQ(intervalOf(audit, a).low, 1.0);
    EXPECT_EQ(intervalOf(audit, a).high, 3.0);
    EXPECT_TRUE(intervalOf(audit, a).exact);
}

TEST(ControlledRounding, RoundingIntervals)
{
    EXPECT_EQ(roundingInterval(0, 5, true).low, 0);
    EXPECT_EQ(roundingInterval(0, 5, true).high, 4);
    EXPECT_EQ(roundingInterval(10, 5, true).low, 6);
    EXPECT_EQ(roundingInterval(10, 5, true).high, 14);
    EXPECT_EQ(roundingInterval(10, 5, false).low, 8);
    EXPECT_EQ(roundingInterval(10, 5, false).high, 12);
    EXPECT_EQ(roundingInterval(0, 5, false).high, 2);
}

TEST(ControlledRounding, ATableThatDoesNotAddUpIsRoundedIndependently)
{
    // 3 + 3 != 7: no rounding keeps that relation; the part falls back to nearest and says so.
    ProtectionTable t;
    const auto a = t.addCell(3, 5), b = t.addCell(3, 5), p = t.addCell(7, 5);
    t.addRelation({{a, 1}, {b, 1}, {p, -1}});
    const auto r = roundTable(t);
    EXPECT_EQ(r.independentParts, 1u);
    EXPECT_EQ(r.rounded[a], 5);
    EXPECT_EQ(r.rounded[p], 5);
}
