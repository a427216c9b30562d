#include "gebiedscan/pipeline/table_audit.hpp"

#include "glpk_problem.hpp"

#include <cmath>
#include <limits>
#include <optional>
#include <unordered_map>

namespace gebiedscan::pipeline {

namespace {

constexpr double kTolerance = 1e-6;

bool integral(double v)
{
    return std::abs(v - std::round(v)) <= kTolerance;
}

// The LP of one part of hidden cells: one column per hidden cell, one fixed row per relation
// that names any of them (published values moved to the right-hand side).
class PartProblem {
public:
    PartProblem(const ProtectionTable& table, const std::vector<std::size_t>& part, bool primaryBoundsKnown)
        : m_part(part)
    {
        const auto& cells = table.cells();
        m_column.reserve(part.size());
        for (std::size_t k = 0; k < part.size(); ++k) m_column.emplace(part[k], static_cast<int>(k) + 1);
        m_lp.addColumns(static_cast<int>(part.size()));
        for (std::size_t k = 0; k < part.size(); ++k) {
            const auto& c = cells[part[k]];
            const bool primary = primaryBoundsKnown && c.state == CellState::Primary;
            m_lower.push_back(primary ? 1.0 : 0.0);
            m_lp.setColumnBounds(static_cast<int>(k) + 1, m_lower.back(),
                                 primary ? c.threshold - 1.0 : GlpkProblem::kInfinity);
        }
        std::vector<int> rows, columns;
        std::vector<double> values;
        std::vector<bool> seen(table.relations().size(), false);
        int row = 0;
        for (auto cell : part)
            for (auto r : table.relationsOf()[cell]) {
                if (seen[r]) continue;
                seen[r] = true;
                ++row;
                double rhs = 0.0;
                for (const auto& t : table.relations()[r].terms) {
                    const auto it = m_column.find(t.cell);
                    if (it != m_column.end()) {
                        rows.push_back(row);
                        columns.push_back(it->second);
                        values.push_back(t.coefficient);
                    } else {
                        rhs -= static_cast<double>(t.coefficient) * static_cast<double>(cells[t.cell].value);
                    }
                }
                m_rhs.push_back(rhs);
            }
        if (row > 0) m_lp.addRows(row);
        for (int i = 1; i <= row; ++i) m_lp.setRowFixed(i, m_rhs[static_cast<std::size_t>(i) - 1]);
        m_lp.loadMatrix(rows, columns, values);
    }

    // Minimum (or maximum) of one column; nullopt when no point satisfies the relations.
    // `witness` receives the integral solution found, if any.
    std::optional<double> bound(int column, bool maximise, bool integerCheck, std::size_t& lps, std::size_t& ips,
                                std::vector<double>* witness)
    {
        m_lp.clearObjective();
        m_lp.setObjective(column, 1.0);
        m_lp.setMaximise(maximise);
        ++lps;
        const auto status = m_lp.solve();
        if (status == GlpkProblem::Status::Infeasible) return std::nullopt;
        if (status == GlpkProblem::Status::Unbounded) return maximise ? GlpkProblem::kInfinity : 0.0;
        bool whole = true;
        const int n = m_lp.columns();
        for (int j = 1; j <= n && whole; ++j) whole = integral(m_lp.column(j));
        if (whole) {
            if (witness) {
                witness->resize(static_cast<std::size_t>(n));
                for (int j = 1; j <= n; ++j) (*witness)[static_cast<std::size_t>(j) - 1] = std::round(m_lp.column(j));
            }
            return std::round(m_lp.objective());
        }
        if (!integerCheck) return m_lp.objective();
        ++ips;
        const auto istatus = m_lp.solveInteger();
        if (istatus == GlpkProblem::Status::Infeasible) return std::nullopt;
        if (witness) {
            witness->resize(static_cast<std::size_t>(n));
            for (int j = 1; j <= n; ++j)
                (*witness)[static_cast<std::size_t>(j) - 1] = std::round(m_lp.integerColumn(j));
        }
        return std::round(m_lp.integerObjective());
    }

    [[nodiscard]] double lower(std::size_t k) const { return m_lower[k]; }

private:
    const std::vector<std::size_t>& m_part;
    std::unordered_map<std::size_t, int> m_column;
    std::vector<double> m_lower, m_rhs;
    GlpkProblem m_lp;
};

} // namespace

bool intervalProtects(double low, double high, int threshold, CellState state, AuditRule rule)
{
    if (state == CellState::Hidden) rule = AuditRule::FolderReader;
    const bool primary = state == CellState::Primary;
    if (std::isnan(low) || std::isnan(high)) return false;
    const double smallTop = threshold - 1.0;
    if (smallTop < 1.0) return true; // no count is small
    const bool covers = low <= 1.0 + kTolerance && high >= smallTop - kTolerance;
    if (rule == AuditRule::ProtectionLevels) return !primary || covers; // a secondary needs nothing
    const bool outside = high < 1.0 - kTolerance || low > smallTop + kTolerance;
    return covers || outside;
}

AuditResult auditTable(const ProtectionTable& table, const AuditOptions& options)
{
    AuditResult result;
    const auto& cells = table.cells();
    for (std::size_t ri = 0; ri < table.relations().size(); ++ri) {
        const auto& r = table.relations()[ri];
        bool anyHidden = false;
        std::int64_t sum = 0;
        for (const auto& t : r.terms) {
            anyHidden = anyHidden || cells[t.cell].hidden();
            sum += t.coefficient * cells[t.cell].value;
        }
        if (!anyHidden && sum != 0) {
            ++result.inconsistentRelations;
            result.inconsistent.push_back(ri);
        }
    }

    const auto parts = table.components(true);
    result.components = parts.size();
    std::vector<CellInterval> byCell(cells.size());
    for (const auto& part : parts) {
        PartProblem lp(table, part, options.primaryBoundsKnown);
        const std::size_t n = part.size();
        // Integral solutions seen so far: a cell's minimum is exact once a witness sits on its
        // lower bound, which saves most minimisations (hidden cells are usually free to reach 0);
        // a cell whose witnesses already span [1, T-1] needs no maximisation to be judged safe.
        std::vector<double> lowSeen(n, GlpkProblem::kInfinity), highSeen(n, -GlpkProblem::kInfinity);
        std::vector<double> witness;
        const auto see = [&] {
            for (std::size_t i = 0; i < witness.size(); ++i) {
                lowSeen[i] = std::min(lowSeen[i], witness[i]);
                highSeen[i] = std::max(highSeen[i], witness[i]);
            }
            witness.clear();
        };
        bool feasible = true;
        for (std::size_t k = 0; k < n && feasible; ++k) {
            auto& iv = byCell[part[k]];
            iv.cell = part[k];
            const int column = static_cast<int>(k) + 1;
            const auto& cell = cells[part[k]];
            // A known secondary needs nothing under ProtectionLevels: no LP for it.
            if (options.shortcut && options.rule == AuditRule::ProtectionLevels && cell.state == CellState::Secondary) {
                iv.low = std::isfinite(lowSeen[k]) ? lowSeen[k] : lp.lower(k);
                iv.high = std::max(iv.low, highSeen[k]);
                iv.exact = false;
                continue;
            }
            std::optional<double> low;
            if (lowSeen[k] <= lp.lower(k) + kTolerance)
                low = lp.lower(k);
            else {
                low = lp.bound(column, false, options.integerCheck, result.linearPrograms, result.integerPrograms,
                               &witness);
                see();
            }
            if (!low) {
                feasible = false;
                break;
            }
            const bool spansSmall = *low <= 1.0 + kTolerance && highSeen[k] >= cell.threshold - 1.0 - kTolerance;
            // At least T: no small count, whatever the maximum (FolderReader's "outside").
            const bool aboveSmall = options.rule == AuditRule::FolderReader && *low > cell.threshold - 1.0 + kTolerance;
            if ((spansSmall || aboveSmall) && options.shortcut) {
                iv.low = *low;
                iv.high = std::max(*low, highSeen[k]);
                iv.exact = false;
                continue;
            }
            const auto high =
                lp.bound(column, true, options.integerCheck, result.linearPrograms, result.integerPrograms, &witness);
            see();
            if (!high) {
                feasible = false;
                break;
            }
            iv.low = *low;
            iv.high = *high;
        }
        if (!feasible) {
            // The published values contradict the relations and bounds: nothing can be judged.
            ++result.inconsistentRelations;
            for (auto c : part) {
                result.infeasible.push_back(c);
                byCell[c].cell = c;
                byCell[c].low = byCell[c].high = std::numeric_limits<double>::quiet_NaN();
            }
        }
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
        if (!cells[c].hidden()) continue;
        auto iv = byCell[c];
        iv.safe = intervalProtects(iv.low, iv.high, cells[c].threshold, cells[c].state, options.rule);
        if (!iv.safe) result.failing.push_back(result.intervals.size());
        result.intervals.push_back(iv);
    }
    return result;
}

} // namespace gebiedscan::pipeline
