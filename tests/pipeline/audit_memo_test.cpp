// The audit memo of secondary suppression's rounds: an audit that reuses the intervals of parts
// seen before gives exactly the intervals and verdicts of a fresh audit, while the table's
// pattern grows, and solves LPs only for the parts that changed.
#include "gebiedscan/pipeline/protection_table.hpp"
#include "gebiedscan/pipeline/table_audit.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace gebiedscan::pipeline;

namespace {

// `blocks` independent 2 x 3 tables with row and column totals and a grand total each.
ProtectionTable blockTable(int blocks, std::mt19937& rng)
{
    ProtectionTable t;
    std::uniform_int_distribution<int> value(0, 12);
    for (int b = 0; b < blocks; ++b) {
        std::int64_t inner[2][3], row[2] = {}, column[3] = {}, total = 0;
        for (int i = 0; i < 2; ++i)
            for (int j = 0; j < 3; ++j) {
                inner[i][j] = value(rng);
                row[i] += inner[i][j];
                column[j] += inner[i][j];
                total += inner[i][j];
            }
        std::size_t c[3][4];
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 4; ++j)
                c[i][j] = t.addCell(i < 2 && j < 3 ? inner[i][j] : i < 2 ? row[i] : j < 3 ? column[j] : total, 5);
        for (int i = 0; i < 3; ++i) t.addRelation({{c[i][0], 1}, {c[i][1], 1}, {c[i][2], 1}, {c[i][3], -1}});
        for (int j = 0; j < 4; ++j) t.addRelation({{c[0][j], 1}, {c[1][j], 1}, {c[2][j], -1}});
    }
    return t;
}

void expectSame(const AuditResult& fresh, const AuditResult& memo)
{
    ASSERT_EQ(fresh.intervals.size(), memo.intervals.size());
    for (std::size_t i = 0; i < fresh.intervals.size(); ++i) {
        EXPECT_EQ(fresh.intervals[i].cell, memo.intervals[i].cell);
        EXPECT_EQ(fresh.intervals[i].low, memo.intervals[i].low) << "cell " << fresh.intervals[i].cell;
        EXPECT_EQ(fresh.intervals[i].high, memo.intervals[i].high) << "cell " << fresh.intervals[i].cell;
        EXPECT_EQ(fresh.intervals[i].safe, memo.intervals[i].safe);
        EXPECT_EQ(fresh.intervals[i].exact, memo.intervals[i].exact);
    }
    EXPECT_EQ(fresh.failing, memo.failing);
    EXPECT_EQ(fresh.components, memo.components);
    EXPECT_EQ(fresh.inconsistentRelations, memo.inconsistentRelations);
}

} // namespace

TEST(AuditMemo, SameIntervalsAsAFreshAuditWhileThePatternGrows)
{
    for (const auto rule : {AuditRule::ProtectionLevels, AuditRule::FolderReader}) {
        std::mt19937 rng(17);
        ProtectionTable t = blockTable(40, rng);
        const AuditOptions options{rule, true};
        AuditMemo memo;
        std::size_t failingSeen = 0;
        std::uniform_int_distribution<std::size_t> anyCell(0, t.cells().size() - 1);
        for (int step = 0; step < 30; ++step) {
            const auto fresh = auditTable(t, options);
            const auto remembered = auditTable(t, options, &memo);
            expectSame(fresh, remembered);
            failingSeen += fresh.failing.size();
            // The memo solves nothing for an unchanged table, and fewer LPs than a fresh audit
            // after one more hidden cell (only that cell's part is new).
            EXPECT_EQ(auditTable(t, options, &memo).linearPrograms, 0u);
            t.hideSecondary(anyCell(rng));
            const auto after = auditTable(t, options);
            const auto afterMemo = auditTable(t, options, &memo);
            expectSame(after, afterMemo);
            if (after.linearPrograms > 0) {
                EXPECT_LT(afterMemo.linearPrograms, after.linearPrograms);
            }
        }
        EXPECT_GT(failingSeen, 0u); // the tables are not all safe already: the verdicts were compared
    }
}
