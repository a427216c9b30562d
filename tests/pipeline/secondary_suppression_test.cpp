// Secondary suppression: after it the audit passes; on a tiny table it is compared with the best
// pattern found by trying every one; on a hierarchical scan it is compared with today's mask.
#include "gebiedscan/pipeline/scan_protection.hpp"
#include "gebiedscan/pipeline/secondary_suppression.hpp"
#include "gebiedscan/pipeline/table_audit.hpp"

#include "gebiedscan/core/scan_figures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

using namespace gebiedscan;
using namespace gebiedscan::pipeline;

namespace {

bool passesBoth(const ProtectionTable& t)
{
    return auditTable(t, {AuditRule::ProtectionLevels, true}).passed() &&
           auditTable(t, {AuditRule::FolderReader, true}).passed();
}

double hidingCost(const ProtectionTable& t)
{
    double cost = 0;
    for (const auto& c : t.cells())
        if (c.state == CellState::Secondary) cost += 1.0 + std::log1p(static_cast<double>(c.value));
    return cost;
}

// 2 x 3 interior, row and column totals, grand total.
ProtectionTable tinyTable(const std::vector<std::vector<std::int64_t>>& inner, int threshold)
{
    ProtectionTable t;
    std::vector<std::vector<std::int64_t>> v(3, std::vector<std::int64_t>(4, 0));
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 3; ++j) {
            v[i][j] = inner[i][j];
            v[i][3] += inner[i][j];
            v[2][j] += inner[i][j];
            v[2][3] += inner[i][j];
        }
    std::vector<std::vector<std::size_t>> c(3, std::vector<std::size_t>(4));
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 4; ++j) c[i][j] = t.addCell(v[i][j], threshold);
    for (int i = 0; i < 3; ++i) t.addRelation({{c[i][0], 1}, {c[i][1], 1}, {c[i][2], 1}, {c[i][3], -1}});
    for (int j = 0; j < 4; ++j) t.addRelation({{c[0][j], 1}, {c[1][j], 1}, {c[2][j], -1}});
    return t;
}

ScanModel model()
{
    ScanModel m;
    m.name = "test";
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

// 3 wijken of 4 buurten in one gemeente, seeded Poisson counts from small to moderate.
AreaHierarchy hierarchy()
{
    AreaHierarchy h;
    AreaLevel b{"buurt", {}, {}, {}, {}};
    std::vector<std::string> wijk;
    for (int w = 0; w < 3; ++w)
        for (int k = 0; k < 4; ++k) {
            b.codes.push_back("BU" + std::to_string(w) + std::to_string(k));
            b.names.push_back(b.codes.back());
            b.population.emplace_back(std::nullopt);
            wijk.push_back("WK" + std::to_string(w));
        }
    h.levels.push_back(b);
    h.addParentLevel("wijk", wijk);
    h.addParentLevel("gemeente", std::vector<std::string>(3, "GM1"));
    return h;
}

ScanCounts counts(std::size_t areas, std::size_t categories, std::uint32_t seed)
{
    ScanCounts c(areas, categories, 2); // plus overig at index `categories`
    std::mt19937 rng(seed);
    for (std::size_t a = 0; a < areas; ++a)
        for (std::size_t k = 0; k <= categories; ++k)
            for (std::size_t p = 0; p < 2; ++p) {
                std::poisson_distribution<int> d(0.5 + static_cast<double>((a * 7 + k * 3 + p) % 9));
                c.add(a, k, p, static_cast<std::uint64_t>(d(rng)));
            }
    return c;
}

} // namespace

TEST(SecondarySuppression, TinyTableMatchesTheBestPatternByBruteForce)
{
    // 2 and 3 (threshold 5) are primary; 5 cells may be hidden besides them.
    auto t = tinyTable({{2, 8, 6}, {9, 3, 7}}, 5);
    ASSERT_EQ(t.count(CellState::Primary), 2u);
    std::vector<std::size_t> free;
    for (std::size_t c = 0; c < t.cells().size(); ++c)
        if (t.cell(c).state == CellState::Published) free.push_back(c);
    std::size_t bestCount = 99;
    double bestCost = 1e9;
    for (unsigned mask = 0; mask < (1u << free.size()); ++mask) {
        t.clearSecondaries();
        for (std::size_t k = 0; k < free.size(); ++k)
            if (mask & (1u << k)) t.hideSecondary(free[k]);
        if (!passesBoth(t)) continue;
        bestCount = std::min(bestCount, t.count(CellState::Secondary));
        bestCost = std::min(bestCost, hidingCost(t));
    }
    t.clearSecondaries();
    const auto report = suppressSecondary(t);
    EXPECT_TRUE(report.auditPassed);
    EXPECT_TRUE(passesBoth(t));
    std::printf("tiny table: LP heuristic hides %zu secondaries (cost %.3f); best by brute force %zu (cost %.3f)\n",
                report.secondaries, hidingCost(t), bestCount, bestCost);
    // The rectangle 2, 8 / 9, 3 closes the two primaries: 2 secondaries, found exactly.
    EXPECT_EQ(bestCount, 2u);
    EXPECT_EQ(report.secondaries, bestCount);
    EXPECT_NEAR(hidingCost(t), bestCost, 1e-9);
}

TEST(SecondarySuppression, HierarchicalScanPassesTheAuditWhereTodaysMaskFails)
{
    const auto m = model();
    const auto h = hierarchy();
    const auto c = counts(h.levels[0].size(), m.categories.size(), 13);
    const ScanFigures f(m, h, c);

    // Today's mask, put into the protection model: the intruder undoes it.
    ScanProtection today(f);
    const SuppressionMask mask(f);
    for (std::size_t l = 0; l < h.levels.size(); ++l)
        for (std::size_t a = 0; a < h.levels[l].size(); ++a)
            for (std::size_t p = 0; p < f.periods(); ++p) {
                for (std::size_t s = 0; s < f.themeSlots(); ++s)
                    if (mask.theme(l, a, s, p)) today.table().hideSecondary(today.themeCell(l, a, s, p));
                for (std::size_t k = 0; k < f.categorySlots(); ++k)
                    if (mask.category(l, a, k, p)) today.table().hideSecondary(today.categoryCell(l, a, k, p));
            }
    // Every primary of the protection model is hidden by the mask too (same rule).
    std::size_t primaries = today.table().count(CellState::Primary);
    const auto attack = auditTable(today.table());
    EXPECT_FALSE(attack.passed());
    std::size_t exact = 0;
    for (auto i : attack.failing) exact += attack.intervals[i].low == attack.intervals[i].high ? 1 : 0;
    std::printf("today's mask: %zu primaries, %zu hidden, %zu narrowed, %zu of them recovered exactly\n", primaries,
                today.table().hiddenCount(), attack.failing.size(), exact);
    EXPECT_GT(exact, 0u);

    ScanProtection p(f);
    const auto report = p.protect();
    EXPECT_TRUE(report.auditPassed);
    EXPECT_EQ(report.unprotectable, 0u);
    EXPECT_TRUE(passesBoth(p.table()));
    EXPECT_EQ(report.primaries, primaries);
    std::printf(
        "LP suppression: %zu primaries + %zu secondaries of %zu cells (%zu parts, %zu LPs, %zu rounds, %.2f s)\n",
        report.primaries, report.secondaries, p.table().cells().size(), report.components, report.linearPrograms,
        report.rounds, report.seconds);
    EXPECT_GT(report.secondaries, 0u);
    // Looking first in each cell's neighbourhood (smaller LPs) also ends in a passing pattern.
    ScanProtection local(f);
    const auto localReport = local.protect({}, true);
    EXPECT_TRUE(localReport.auditPassed);
    EXPECT_TRUE(passesBoth(local.table()));
    std::printf("LP suppression, neighbourhood first: %zu secondaries\n", localReport.secondaries);
    // A few siblings first (the grid scan's speed-up): a passing pattern too.
    ScanProtection siblings(f);
    const auto siblingReport = siblings.protectBySiblings();
    EXPECT_TRUE(siblingReport.auditPassed);
    EXPECT_EQ(siblingReport.unprotectable, 0u);
    EXPECT_TRUE(passesBoth(siblings.table()));
    std::printf("LP suppression, siblings first: %zu secondaries (%.2f s)\n", siblingReport.secondaries,
                siblingReport.seconds);
    // A buurt's siblings: itself and at most 3 others of its wijk, one period, every slot.
    const auto sib = siblings.siblingNeighbourhood(siblings.themeCell(0, 5, 1, 1), 3);
    EXPECT_EQ(sib.size(), 4 * (f.themeSlots() + f.categorySlots()));
    EXPECT_TRUE(std::binary_search(sib.begin(), sib.end(), siblings.themeCell(0, 5, 0, 1)));
    EXPECT_FALSE(std::binary_search(sib.begin(), sib.end(), siblings.themeCell(0, 0, 0, 1))); // other wijk
    EXPECT_FALSE(std::binary_search(sib.begin(), sib.end(), siblings.themeCell(0, 5, 0, 0))); // other period
    EXPECT_TRUE(siblings.siblingNeighbourhood(siblings.themeCell(2, 0, 0, 1), 3).empty());    // the top
    // A buurt's neighbourhood: its wijk's 4 buurten, the wijk and the gemeente, one period.
    const auto n = local.neighbourhood(local.themeCell(0, 5, 1, 1));
    EXPECT_EQ(n.size(), 6 * (f.themeSlots() + f.categorySlots()));
    EXPECT_TRUE(std::binary_search(n.begin(), n.end(), local.themeCell(0, 4, 0, 1)));    // same wijk
    EXPECT_FALSE(std::binary_search(n.begin(), n.end(), local.themeCell(0, 0, 0, 1)));   // other wijk
    EXPECT_TRUE(std::binary_search(n.begin(), n.end(), local.categoryCell(2, 0, 3, 1))); // gemeente
    EXPECT_FALSE(std::binary_search(n.begin(), n.end(), local.themeCell(0, 4, 0, 0)));   // other period
    EXPECT_TRUE(local.neighbourhood(local.themeCell(2, 0, 0, 1)).empty());               // the top has no parent
    // Each hidden cell is hidden in the writer's terms too.
    std::size_t hidden = 0;
    for (std::size_t l = 0; l < h.levels.size(); ++l)
        for (std::size_t a = 0; a < h.levels[l].size(); ++a)
            for (std::size_t s = 0; s < f.themeSlots(); ++s)
                for (std::size_t q = 0; q < f.periods(); ++q) hidden += p.theme(l, a, s, q) ? 1 : 0;
    for (std::size_t l = 0; l < h.levels.size(); ++l)
        for (std::size_t a = 0; a < h.levels[l].size(); ++a)
            for (std::size_t k = 0; k < f.categorySlots(); ++k)
                for (std::size_t q = 0; q < f.periods(); ++q) hidden += p.category(l, a, k, q) ? 1 : 0;
    EXPECT_EQ(hidden, p.suppressedCells());
    // Primaries follow the thresholds: zeden 1..9, the rest 1..4.
    for (std::size_t a = 0; a < h.levels[0].size(); ++a) {
        const auto v = f.themeCount(0, a, 2, 1);
        EXPECT_EQ(p.table().cell(p.themeCell(0, a, 2, 1)).state == CellState::Primary, v >= 1 && v <= 9);
    }
}

namespace {

// A sparse grid scan's shape: cells under gemeenten, one level up, mostly tiny counts.
AreaHierarchy gridHierarchy(std::size_t bigCells, std::size_t smallCells)
{
    AreaHierarchy h;
    AreaLevel cells{"cel", {}, {}, {}, {}};
    std::vector<std::string> gemeente;
    for (std::size_t i = 0; i < bigCells + smallCells; ++i) {
        cells.codes.push_back("C" + std::to_string(i));
        cells.names.push_back(cells.codes.back());
        cells.population.emplace_back(std::nullopt);
        gemeente.push_back(i < bigCells ? "GM1" : "GM2");
    }
    h.levels.push_back(cells);
    h.addParentLevel("gemeente", gemeente);
    return h;
}

ScanCounts sparseCounts(std::size_t areas, std::size_t categories, std::uint32_t seed)
{
    ScanCounts c(areas, categories, 2);
    std::mt19937 rng(seed);
    std::poisson_distribution<int> d(0.6);
    for (std::size_t a = 0; a < areas; ++a)
        for (std::size_t k = 0; k <= categories; ++k)
            for (std::size_t p = 0; p < 2; ++p) c.add(a, k, p, static_cast<std::uint64_t>(d(rng)));
    return c;
}

} // namespace

TEST(SecondarySuppression, LargePartsAreProtectedInSmallNeighbourhoodsSmallPartsWhole)
{
    const auto m = model();
    const auto h = gridHierarchy(120, 6);
    const auto c = sparseCounts(h.levels[0].size(), m.categories.size(), 7);
    const ScanFigures f(m, h, c);
    const std::size_t perArea = f.themeSlots() + f.categorySlots();
    // Per period GM1's part holds 121 areas' cells, GM2's 7 areas'.
    const std::size_t bigPart = 121 * perArea, smallPart = 7 * perArea, from = 1000;
    ASSERT_GE(bigPart, from);
    ASSERT_LT(smallPart, from);

    ScanProtection whole(f);
    const auto wholeReport = whole.protect();
    ASSERT_TRUE(wholeReport.auditPassed);
    EXPECT_EQ(wholeReport.largestProblem, bigPart); // one LP over the whole gemeente

    ScanProtection scaled(f);
    const auto report = scaled.protectAtScale({}, from);
    EXPECT_TRUE(report.auditPassed);
    EXPECT_EQ(report.unprotectable, 0u);
    EXPECT_TRUE(passesBoth(scaled.table()));
    std::printf("grid-shaped scan: whole parts %zu secondaries (largest LP %zu cells, %.2f s), local first %zu "
                "(largest LP %zu cells, %.2f s)\n",
                wholeReport.secondaries, wholeReport.largestProblem, wholeReport.seconds, report.secondaries,
                report.largestProblem, report.seconds);
    // The large part never needed an LP over all of it: at most the cell, its parent and 96
    // siblings.
    EXPECT_LE(report.largestProblem, 98 * perArea);
    EXPECT_LT(report.largestProblem, bigPart);
    // The small part (GM2 and its cells) is solved whole, as protect() does: the same pattern.
    std::size_t compared = 0;
    for (std::size_t p = 0; p < f.periods(); ++p) {
        const auto same = [&](std::size_t cell) {
            ++compared;
            EXPECT_EQ(scaled.table().cell(cell).state, whole.table().cell(cell).state) << scaled.label(cell);
        };
        for (std::size_t s = 0; s < f.themeSlots(); ++s) same(scaled.themeCell(1, 1, s, p));
        for (std::size_t a = 120; a < 126; ++a)
            for (std::size_t k = 0; k < f.categorySlots(); ++k) same(scaled.categoryCell(0, a, k, p));
    }
    EXPECT_GT(compared, 0u);
    std::size_t smallHidden = 0;
    for (std::size_t a = 120; a < 126; ++a)
        for (std::size_t k = 0; k < f.categorySlots(); ++k) smallHidden += scaled.category(0, a, k, 1) ? 1 : 0;
    EXPECT_GT(smallHidden, 0u); // the comparison is not between two empty patterns

    // The neighbourhoods: a cell, its gemeente and 12, then 96 of its siblings (one period, every
    // slot); once all 119 siblings were in (step 2: 768 >= 119) the next step ends the search.
    const auto cell = scaled.categoryCell(0, 5, 1, 1);
    EXPECT_EQ(scaled.localNeighbourhood(cell, 0).size(), 14 * perArea);
    EXPECT_EQ(scaled.localNeighbourhood(cell, 1).size(), 98 * perArea);
    EXPECT_EQ(scaled.localNeighbourhood(cell, 2).size(), 121 * perArea);
    EXPECT_TRUE(scaled.localNeighbourhood(cell, 3).empty());
    const auto n = scaled.localNeighbourhood(cell, 0);
    EXPECT_TRUE(std::is_sorted(n.begin(), n.end()));
    EXPECT_TRUE(std::binary_search(n.begin(), n.end(), scaled.themeCell(0, 5, 0, 1)));
    EXPECT_FALSE(std::binary_search(n.begin(), n.end(), scaled.themeCell(0, 5, 0, 0)));   // other period
    EXPECT_TRUE(std::binary_search(n.begin(), n.end(), scaled.themeCell(1, 0, 0, 1)));    // the gemeente
    EXPECT_FALSE(std::binary_search(n.begin(), n.end(), scaled.themeCell(0, 122, 0, 1))); // other gemeente
    // Siblings whose cell, theme and total are hidden come first: with 12 such siblings made
    // sure of, each sibling chosen has all three hidden.
    {
        ScanProtection ranked(f);
        for (std::size_t a = 100; a < 112; ++a) {
            ranked.table().hideSecondary(ranked.categoryCell(0, a, 1, 1));
            ranked.table().hideSecondary(ranked.themeCell(0, a, 1, 1)); // category 1's theme: geweld
            ranked.table().hideSecondary(ranked.themeCell(0, a, f.totalSlot(), 1));
        }
        const auto r = ranked.localNeighbourhood(ranked.categoryCell(0, 5, 1, 1), 0);
        std::size_t siblingsIn = 0;
        for (std::size_t a = 0; a < 120; ++a) {
            if (a == 5 || !std::binary_search(r.begin(), r.end(), ranked.categoryCell(0, a, 1, 1))) continue;
            ++siblingsIn;
            EXPECT_TRUE(ranked.table().cell(ranked.categoryCell(0, a, 1, 1)).hidden()) << a;
            EXPECT_TRUE(ranked.table().cell(ranked.themeCell(0, a, 1, 1)).hidden()) << a;
            EXPECT_TRUE(ranked.table().cell(ranked.themeCell(0, a, f.totalSlot(), 1)).hidden()) << a;
        }
        EXPECT_EQ(siblingsIn, 12u);
    }
    // A gemeente (no parent) takes some of its cells.
    const auto top = scaled.localNeighbourhood(scaled.themeCell(1, 0, 0, 1), 0);
    EXPECT_EQ(top.size(), 13 * perArea);
    EXPECT_TRUE(std::binary_search(top.begin(), top.end(), scaled.themeCell(1, 0, 1, 1)));

    // Labels are built when asked; the cells carry none (memory of a national table).
    EXPECT_EQ(scaled.label(scaled.themeCell(0, 5, 1, 1)), "cel C5, 1.4 Geweld op straat, 2023");
    EXPECT_EQ(scaled.label(scaled.themeCell(1, 1, f.totalSlot(), 0)), "gemeente GM2, alle thema's, 2022");
    EXPECT_EQ(scaled.label(scaled.categoryCell(0, 7, 2, 0)), "cel C7, 1.4 Geweld op straat / Overig geweld, 2022");
    EXPECT_EQ(scaled.label(scaled.categoryCell(1, 0, m.categories.size(), 1)),
              "gemeente GM1, overig / onbekende categorie, 2023");
    std::size_t labelled = 0;
    for (std::size_t index = 0; index < scaled.table().cells().size(); ++index)
        labelled += scaled.table().label(index).empty() ? 0 : 1;
    EXPECT_EQ(labelled, 0u);
}

TEST(SecondarySuppression, SparseTableKeepsZerosAsConstantsAndAReaderWhoSeesThemStillLearnsNothing)
{
    const auto m = model();
    const auto h = gridHierarchy(120, 6);
    const auto c = sparseCounts(h.levels[0].size(), m.categories.size(), 11);
    const ScanFigures f(m, h, c);
    ScanProtection dense(f), sparse(f, 0), rounded(f, 0);
    ASSERT_FALSE(dense.sparse());
    ASSERT_TRUE(sparse.sparse());

    // Every count other than zero is a cell with its value; every zero is absent.
    std::size_t nonZero = 0, zeros = 0;
    const auto each = [&](const auto& visit) {
        for (std::size_t l = 0; l < h.levels.size(); ++l)
            for (std::size_t a = 0; a < h.levels[l].size(); ++a)
                for (std::size_t p = 0; p < f.periods(); ++p) {
                    for (std::size_t s = 0; s < f.themeSlots(); ++s)
                        visit(f.themeCount(l, a, s, p), dense.themeCell(l, a, s, p), sparse.themeCell(l, a, s, p));
                    for (std::size_t k = 0; k < f.categorySlots(); ++k)
                        visit(f.categoryCount(l, a, k, p), dense.categoryCell(l, a, k, p),
                              sparse.categoryCell(l, a, k, p));
                }
    };
    each([&](std::uint64_t v, std::size_t, std::size_t cell) {
        if (v == 0) {
            ++zeros;
            EXPECT_EQ(cell, SparseCellIndex::kAbsent);
        } else {
            ++nonZero;
            ASSERT_NE(cell, SparseCellIndex::kAbsent);
            EXPECT_EQ(sparse.table().cell(cell).value, static_cast<std::int64_t>(v));
        }
    });
    EXPECT_EQ(sparse.table().cells().size(), nonZero);
    EXPECT_EQ(dense.table().cells().size(), nonZero + zeros);
    EXPECT_GT(zeros, nonZero / 2); // the shape this is for: many zeros
    EXPECT_EQ(sparse.table().count(CellState::Primary), dense.table().count(CellState::Primary));

    const auto report = sparse.protectAtScale({}, 1000);
    EXPECT_TRUE(report.auditPassed);
    EXPECT_EQ(report.unprotectable, 0u);
    EXPECT_GT(report.secondaries, 0u);
    // The attack: the reader sees every zero as a published 0. The sparse pattern put into the
    // dense table (zeros as cells a reader reads) must pass both audits there.
    ScanProtection reader(f);
    std::size_t hidden = 0;
    each([&](std::uint64_t v, std::size_t denseCell, std::size_t cell) {
        if (cell == SparseCellIndex::kAbsent) return;
        if (sparse.table().cell(cell).state == CellState::Secondary) reader.table().hideSecondary(denseCell);
        hidden += sparse.table().cell(cell).hidden() ? 1 : 0;
        EXPECT_EQ(sparse.table().cell(cell).hidden(), reader.table().cell(denseCell).hidden()) << v;
    });
    EXPECT_EQ(hidden, sparse.suppressedCells());
    EXPECT_TRUE(passesBoth(reader.table()));
    // A zero is never hidden, in the writer's terms too.
    for (std::size_t a = 0; a < h.levels[0].size(); ++a)
        for (std::size_t k = 0; k < f.categorySlots(); ++k)
            if (f.categoryCount(0, a, k, 1) == 0) {
                EXPECT_FALSE(sparse.category(0, a, k, 1)) << a;
            }

    // Rounding: zeros stay 0, every count a multiple of 5 within 4 of its own, sums kept.
    const auto& rounding = rounded.round();
    EXPECT_TRUE(rounding.controlled());
    for (std::size_t a = 0; a < h.levels[1].size(); ++a)
        for (std::size_t p = 0; p < f.periods(); ++p) {
            std::int64_t children = 0;
            for (std::size_t b = 0; b < h.levels[0].size(); ++b)
                if (h.levels[0].parent[b] == static_cast<std::int32_t>(a)) {
                    const auto v = f.themeCount(0, b, f.totalSlot(), p);
                    const auto r = rounded.themeValue(0, b, f.totalSlot(), p, v);
                    EXPECT_EQ(r % 5, 0);
                    EXPECT_LE(std::abs(r - static_cast<std::int64_t>(v)), 4);
                    if (v == 0) {
                        EXPECT_EQ(r, 0);
                    }
                    children += r;
                }
            EXPECT_EQ(children, rounded.themeValue(1, a, f.totalSlot(), p, f.themeCount(1, a, f.totalSlot(), p)));
        }
}

TEST(SecondarySuppression, TheAuditsVertexWitnessesChangeNoVerdict)
{
    // A grid-shaped scan: parts of hundreds of hidden cells, where the audit first tries vertices.
    const auto m = model();
    const auto h = gridHierarchy(120, 6);
    const auto c = sparseCounts(h.levels[0].size(), m.categories.size(), 5);
    const ScanFigures f(m, h, c);
    ScanProtection p(f);
    // The audit of the primaries alone: the same verdict for every hidden cell with the vertex
    // witnesses and shortcuts as with an LP of each cell's own, for far fewer LPs.
    for (const auto rule : {AuditRule::ProtectionLevels, AuditRule::FolderReader}) {
        const auto fast = auditTable(p.table(), {rule, true, false, true});
        const auto exact = auditTable(p.table(), {rule, true, false, false});
        ASSERT_EQ(fast.intervals.size(), exact.intervals.size());
        EXPECT_GT(fast.intervals.size(), 100u);
        EXPECT_FALSE(exact.failing.empty());
        EXPECT_EQ(fast.failing, exact.failing);
        for (std::size_t i = 0; i < fast.intervals.size(); ++i) {
            EXPECT_EQ(fast.intervals[i].safe, exact.intervals[i].safe) << i;
            EXPECT_GE(fast.intervals[i].low, exact.intervals[i].low - 1e-9) << i; // an inner interval at most
            EXPECT_LE(fast.intervals[i].high, exact.intervals[i].high + 1e-9) << i;
        }
        std::printf("audit of %zu hidden cells: %zu LPs with vertex witnesses, %zu without\n", fast.intervals.size(),
                    fast.linearPrograms, exact.linearPrograms);
        EXPECT_LT(fast.linearPrograms * 2, exact.linearPrograms);
    }
}

TEST(SecondarySuppression, PartsProtectedInParallelGiveTheSamePatternEveryTime)
{
    // Big enough for the protection's threads: two gemeenten, so two parts per period.
    const auto m = model();
    const auto h = gridHierarchy(200, 100);
    const auto c = sparseCounts(h.levels[0].size(), m.categories.size(), 5);
    const ScanFigures f(m, h, c);
    ScanProtection first(f), second(f);
    ASSERT_GE(first.table().cells().size(), 5000u); // secondary_suppression.cpp's kCellsForThreads
    const auto a = first.protectAtScale({}, 1000);
    const auto b = second.protectAtScale({}, 1000);
    EXPECT_TRUE(a.auditPassed);
    EXPECT_GT(a.secondaries, 0u);
    EXPECT_EQ(a.secondaries, b.secondaries);
    for (std::size_t cell = 0; cell < first.table().cells().size(); ++cell)
        ASSERT_EQ(first.table().cell(cell).state, second.table().cell(cell).state) << first.label(cell);
    std::printf("%zu cells in %zu parts: %zu secondaries, %.2f s wall, %.2f s CPU\n", first.table().cells().size(),
                a.components, a.secondaries, a.seconds, a.cpuSeconds);
}
