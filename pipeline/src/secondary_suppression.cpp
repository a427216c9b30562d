#include "gebiedscan/pipeline/secondary_suppression.hpp"

#include "gebiedscan/pipeline/table_audit.hpp"

#include "glpk_problem.hpp"
#include "parallel_for.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <map>
#include <optional>
#include <unordered_map>

namespace gebiedscan::pipeline {

namespace {

constexpr double kUsed = 1e-6; // a deviation smaller than this does not use the cell
constexpr std::size_t kCellsForThreads = 5000; // parts to protect below this: one thread

// A cell that must be able to move by `amount` up or down.
struct Target {
    std::size_t cell;
    bool up;
    double amount;
};

double hidingCost(std::int64_t value)
{
    return 1.0 + std::log1p(static_cast<double>(value));
}

// The protection LP of one part of the table: per cell k two columns, up (2k+1) and down (2k+2),
// so a deviation is y = up - down; one row per relation: sum coefficient x y = 0.
class DeviationProblem {
public:
    // `part`: sorted cells (a whole part, or a neighbourhood within one: the other cells keep
    // their values).
    DeviationProblem(const ProtectionTable& table, const std::vector<std::size_t>& part) : m_table(table), m_part(part)
    {
        const auto& cells = table.cells();
        m_lp.addColumns(static_cast<int>(2 * part.size()));
        for (std::size_t k = 0; k < part.size(); ++k) {
            restoreBounds(k);
            const double cost = cells[part[k]].hidden() ? 0.0 : hidingCost(cells[part[k]].value);
            m_lp.setObjective(up(k), cost);
            m_lp.setObjective(down(k), cost);
        }
        // One row per relation of the cells, in the order first met, its terms in cell order (the
        // relations' own order): only the problem's cells are visited, not every term of a
        // relation (a parent's relation over a gemeente of grid cells has thousands).
        std::unordered_map<std::size_t, std::size_t> rowOf;
        std::vector<std::vector<std::pair<std::size_t, int>>> rowTerms;
        for (std::size_t k = 0; k < part.size(); ++k)
            for (auto r : table.relationsOf(part[k])) {
                const auto [it, added] = rowOf.try_emplace(r, rowTerms.size());
                if (added) rowTerms.emplace_back();
                const auto& terms = table.relations()[r].terms;
                const auto term = std::lower_bound(terms.begin(), terms.end(), part[k],
                                                   [](const RelationTerm& t, std::size_t c) { return t.cell < c; });
                rowTerms[it->second].emplace_back(k, term->coefficient);
            }
        std::vector<int> rows, columns;
        std::vector<double> values;
        for (std::size_t i = 0; i < rowTerms.size(); ++i)
            for (const auto& [k, coefficient] : rowTerms[i]) {
                const int row = static_cast<int>(i + 1);
                rows.push_back(row);
                columns.push_back(up(k));
                values.push_back(coefficient);
                rows.push_back(row);
                columns.push_back(down(k));
                values.push_back(-coefficient);
            }
        const int row = static_cast<int>(rowTerms.size());
        if (row > 0) m_lp.addRows(row);
        for (int i = 1; i <= row; ++i) m_lp.setRowFixed(i, 0.0);
        m_lp.loadMatrix(rows, columns, values);
        m_lp.setMaximise(false);
    }

    // The cheapest deviation that moves the target; the published cells it uses, or nullopt when
    // no deviation within the intruder's bounds reaches the target.
    std::optional<std::vector<std::size_t>> protect(const Target& target)
    {
        const auto k = index(target.cell);
        m_lp.setColumnBounds(up(k), target.up ? target.amount : 0.0, target.up ? target.amount : 0.0);
        m_lp.setColumnBounds(down(k), target.up ? 0.0 : target.amount, target.up ? 0.0 : target.amount);
        const auto status = m_lp.solve();
        restoreBounds(k);
        if (status != GlpkProblem::Status::Optimal) return std::nullopt;
        std::vector<std::size_t> used;
        if (m_lp.objective() <= kUsed) return used; // the hidden cells already allow it
        for (std::size_t i = 0; i < m_part.size(); ++i) {
            if (m_table.cell(m_part[i]).hidden()) continue;
            if (m_lp.column(up(i)) + m_lp.column(down(i)) > kUsed) used.push_back(m_part[i]);
        }
        return used;
    }

    // A cell became hidden: using it costs nothing from now on.
    void hidden(std::size_t cell)
    {
        const auto k = index(cell);
        m_lp.setObjective(up(k), 0.0);
        m_lp.setObjective(down(k), 0.0);
    }

    [[nodiscard]] std::size_t solves() const { return m_lp.solves(); }

private:
    [[nodiscard]] std::size_t index(std::size_t cell) const
    {
        const auto it = std::lower_bound(m_part.begin(), m_part.end(), cell);
        if (it == m_part.end() || *it != cell) throw Error("secondary suppression: a cell outside the problem");
        return static_cast<std::size_t>(it - m_part.begin());
    }
    static int up(std::size_t k) { return static_cast<int>(2 * k + 1); }
    static int down(std::size_t k) { return static_cast<int>(2 * k + 2); }

    // What the intruder knows of a hidden cell: a count >= 0.
    void restoreBounds(std::size_t k)
    {
        m_lp.setColumnBounds(up(k), 0.0, GlpkProblem::kInfinity);
        m_lp.setColumnBounds(down(k), 0.0, static_cast<double>(m_table.cell(m_part[k]).value));
    }

    const ProtectionTable& m_table;
    const std::vector<std::size_t>& m_part;
    GlpkProblem m_lp;
};

// Directions in which a hidden cell still falls short of its protection.
void addTargets(const ProtectionTable& table, const CellInterval& iv, std::vector<Target>& out)
{
    const auto& c = table.cell(iv.cell);
    const double v = static_cast<double>(c.value), top = c.threshold - 1.0;
    if (iv.high < top - 1e-6 && v < top) out.push_back({iv.cell, true, top - v});
    if (iv.low > 1.0 + 1e-6 && v > 1.0) out.push_back({iv.cell, false, v - 1.0});
}

// What protecting one part cost, for the report.
struct PartEffort {
    std::size_t largestProblem = 0, linearPrograms = 0, unprotectable = 0;
};

// Hides the secondaries that open a deviation for each of the part's targets. Touches only the
// part's cells.
PartEffort protectPart(ProtectionTable& table, const std::vector<std::size_t>& part, std::vector<Target> list,
                       const SuppressionOptions& options)
{
    PartEffort effort;
    // Larger moves first: they shape the pattern, smaller ones then often cost nothing.
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.amount > b.amount; });
    // Large parts: each target first within its neighbourhood (a small LP), widening step by
    // step while no deviation is found there, else within the whole part.
    std::vector<Target> fallback;
    const auto run = [&](const std::vector<std::size_t>& cells, const std::vector<Target>& group,
                         std::vector<Target>* failed) {
        effort.largestProblem = std::max(effort.largestProblem, cells.size());
        DeviationProblem lp(table, cells);
        for (const auto& t : group) {
            const auto used = lp.protect(t);
            if (!used) {
                if (failed)
                    failed->push_back(t);
                else
                    ++effort.unprotectable;
                continue;
            }
            for (auto c : *used) {
                table.hideSecondary(c);
                lp.hidden(c);
            }
        }
        effort.linearPrograms += lp.solves();
    };
    if (options.neighbourhood && part.size() >= options.localFromCells) {
        // Target by target in order, its neighbourhood asked for in its turn (so it sees nearly
        // all cells hidden before it) and only one neighbourhood held at a time (a part of a
        // national grid has hundreds of thousands of targets); consecutive targets with the same
        // neighbourhood share an LP.
        std::vector<Target> pending = std::move(list);
        for (std::size_t step = 0; !pending.empty(); ++step) {
            std::vector<Target> failed, group;
            std::vector<std::size_t> cells;
            for (const auto& t : pending) {
                auto n = options.neighbourhood(t.cell, step);
                if (n.empty()) {
                    fallback.push_back(t);
                    continue;
                }
                if (n != cells) {
                    if (!group.empty()) run(cells, group, &failed);
                    group.clear();
                    cells = std::move(n);
                }
                group.push_back(t);
            }
            if (!group.empty()) run(cells, group, &failed);
            pending = std::move(failed);
        }
    } else {
        fallback = std::move(list);
    }
    if (!fallback.empty()) run(part, fallback, nullptr);
    return effort;
}

} // namespace

SuppressionReport suppressSecondary(ProtectionTable& table, const SuppressionOptions& options)
{
    const auto start = std::chrono::steady_clock::now();
    const auto cpuStart = std::clock();
    SuppressionReport report;
    report.primaries = table.count(CellState::Primary);

    const auto parts = table.parts(false);
    report.components = parts.size();
    std::vector<std::uint32_t> partOf(table.cells().size()); // fewer parts than cells: below 2^32
    for (std::size_t p = 0; p < parts.size(); ++p)
        for (auto c : parts.cells(p)) partOf[c] = static_cast<std::uint32_t>(p);

    // Targets come from the audit of the current pattern: many primaries are already protected
    // by the other hidden cells, and the audit's LPs (hidden cells only) are far smaller than
    // the protection LPs (every cell of a part).
    // The parts a round left alone keep their intervals (one memo per rule).
    AuditMemo strictMemo, readerMemo;
    const auto audit = [&](std::vector<Target>& targets) {
        const auto t0 = std::chrono::steady_clock::now();
        {
            // Scoped: its intervals (one per hidden cell) are gone before the second audit.
            const auto strict = auditTable(table, {AuditRule::ProtectionLevels, true}, &strictMemo);
            for (auto i : strict.failing) addTargets(table, strict.intervals[i], targets);
        }
        if (targets.empty() && options.folderSafe) {
            const auto reader = auditTable(table, {AuditRule::FolderReader, true}, &readerMemo);
            for (auto i : reader.failing) addTargets(table, reader.intervals[i], targets);
        }
        report.auditSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };
    std::vector<Target> targets;
    audit(targets);
    for (int round = 0; round < options.maxRounds && !targets.empty(); ++round) {
        ++report.rounds;
        // The targets of each part that has any (a scan's table has hundreds of thousands of
        // parts, most without), in part order.
        std::map<std::size_t, std::vector<Target>> byPart;
        for (const auto& t : targets) byPart[partOf[t.cell]].push_back(t);
        // The parts are independent (no relation joins two): solved in parallel, each on its
        // own cells, so the pattern does not depend on the threads. Largest first, for balance.
        std::vector<std::size_t> todo;
        for (const auto& [p, list] : byPart) todo.push_back(p);
        std::stable_sort(todo.begin(), todo.end(),
                         [&](std::size_t a, std::size_t b) { return parts.cellCount(a) > parts.cellCount(b); });
        std::vector<std::vector<Target>> lists;
        for (auto p : todo) lists.push_back(std::move(byPart[p]));
        std::vector<PartEffort> effort(todo.size());
        // A small table (an hour-of-week row, a tiny scan) is not worth a thread.
        std::size_t cells = 0;
        for (auto p : todo) cells += parts.cellCount(p);
        forEachInParallel(todo.size(), cells < kCellsForThreads ? todo.size() : 1, [&](std::size_t i) {
            effort[i] = protectPart(table, parts.cellList(todo[i]), std::move(lists[i]), options);
        });
        for (const auto& e : effort) {
            report.largestProblem = std::max(report.largestProblem, e.largestProblem);
            report.linearPrograms += e.linearPrograms;
            report.unprotectable += e.unprotectable;
        }
        targets.clear();
        audit(targets);
    }
    report.auditPassed = targets.empty();
    report.secondaries = table.count(CellState::Secondary);
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    report.cpuSeconds = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    return report;
}

} // namespace gebiedscan::pipeline
