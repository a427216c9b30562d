#include "gebiedscan/pipeline/table_audit.hpp"

#include "gebiedscan/pipeline/controlled_rounding.hpp"

#include "glpk_problem.hpp"
#include "parallel_for.hpp"

#include <algorithm>
#include <bit>

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <random>
#include <span>
#include <unordered_map>

namespace gebiedscan::pipeline {

namespace {

constexpr double kTolerance = 1e-6;
constexpr std::size_t kPartsPerThread = 64; // most parts are LPs of a few cells
// From this many hidden cells a part first tries vertices that move all its cells at once: a
// gemeente of grid cells has thousands, and an LP per cell over all of them took minutes.
constexpr std::size_t kVerticesFromCells = 32;

bool integral(double v)
{
    return std::abs(v - std::round(v)) <= kTolerance;
}

// What the reader knows of each hidden cell of `part` before any relation: at least 0, and, for
// the stricter intruder who knows the primaries, a primary within [1, T-1].
std::vector<std::pair<double, double>> primaryBounds(const ProtectionTable& table, const std::vector<std::size_t>& part,
                                                     bool known)
{
    std::vector<std::pair<double, double>> out;
    for (auto cell : part) {
        const auto& c = table.cell(cell);
        const bool primary = known && c.state == CellState::Primary;
        out.emplace_back(primary ? 1.0 : 0.0, primary ? c.threshold - 1.0 : GlpkProblem::kInfinity);
    }
    return out;
}

// The LP of one part of hidden cells: one column per hidden cell, one fixed row per relation
// that names any of them (published values moved to the right-hand side).
class PartProblem {
public:
    // Each cell of `part` within bounds[k] (lower, upper); cells outside the part keep their values.
    PartProblem(const ProtectionTable& table, const std::vector<std::size_t>& part,
                const std::vector<std::pair<double, double>>& bounds)
        : m_part(part)
    {
        const auto& cells = table.cells();
        m_column.reserve(part.size());
        for (std::size_t k = 0; k < part.size(); ++k) m_column.emplace(part[k], static_cast<int>(k) + 1);
        m_lp.addColumns(static_cast<int>(part.size()));
        for (std::size_t k = 0; k < part.size(); ++k) {
            m_lower.push_back(bounds[k].first);
            m_upper.push_back(bounds[k].second);
            m_lp.setColumnBounds(static_cast<int>(k) + 1, bounds[k].first, bounds[k].second);
        }
        std::vector<int> rows, columns;
        std::vector<double> values;
        int row = 0;
        for (auto r : table.relationsOf(part)) {
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

    // An optimal vertex for `objective` (maximised; one coefficient per column) if it is integral.
    bool vertex(const std::vector<double>& objective, std::vector<double>& out, std::size_t& lps)
    {
        m_lp.clearObjective();
        for (std::size_t j = 0; j < objective.size(); ++j)
            if (objective[j] != 0.0) m_lp.setObjective(static_cast<int>(j) + 1, objective[j]);
        m_lp.setMaximise(true);
        ++lps;
        if (m_lp.solve() != GlpkProblem::Status::Optimal) return false;
        out.resize(objective.size());
        for (std::size_t j = 0; j < out.size(); ++j) {
            const double v = m_lp.column(static_cast<int>(j) + 1);
            if (!integral(v)) return false;
            out[j] = std::round(v);
        }
        return true;
    }

    // As vertex(), with each column also at most cap[k]: the caps only narrow the bounds, so an
    // integral vertex is still a table the reader cannot rule out (and the LP stays bounded).
    bool cappedVertex(const std::vector<double>& objective, const std::vector<double>& cap, std::vector<double>& out,
                      std::size_t& lps)
    {
        const auto setBounds = [&](bool capped) {
            for (std::size_t k = 0; k < m_lower.size(); ++k)
                m_lp.setColumnBounds(static_cast<int>(k) + 1, m_lower[k],
                                     capped ? std::max(m_lower[k], std::min(m_upper[k], cap[k])) : m_upper[k]);
        };
        setBounds(true);
        const bool found = vertex(objective, out, lps);
        setBounds(false);
        return found;
    }

private:
    const std::vector<std::size_t>& m_part;
    std::unordered_map<std::size_t, int> m_column;
    std::vector<double> m_lower, m_upper, m_rhs;
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
    // FolderReader: every hidden cell, as nobody outside can tell a primary from a secondary. No
    // "wholly outside [1, T-1]" exemption: that verdict is not monotone (a weaker intruder's wider
    // interval [3, 50] would fail where the exact [5, 50] passes), and it tells the reader which
    // hidden cells are no small counts.
    return covers;
}

namespace {

// A part's LP as auditPart sees it, as a value: the cells' thresholds and states (column order),
// then per relation in the order first met its terms (column, coefficient) and right-hand side.
// auditPart's intervals depend on nothing else, so parts with equal values have equal intervals
// column by column (the small parts of a scan repeat by the thousand).
std::vector<std::int64_t> partLp(const ProtectionTable& table, const std::vector<std::size_t>& part)
{
    const auto& cells = table.cells();
    std::vector<std::int64_t> lp{static_cast<std::int64_t>(part.size())};
    for (auto c : part) {
        lp.push_back(cells[c].threshold);
        lp.push_back(static_cast<std::int64_t>(cells[c].state));
    }
    for (auto r : table.relationsOf(part)) {
        const auto count = lp.size();
        lp.push_back(0);
        std::int64_t rhs = 0;
        for (const auto& t : table.relations()[r].terms) {
            const auto it = std::lower_bound(part.begin(), part.end(), t.cell);
            if (it != part.end() && *it == t.cell) {
                lp.push_back(it - part.begin());
                lp.push_back(t.coefficient);
                ++lp[count];
            } else {
                rhs -= std::int64_t{t.coefficient} * cells[t.cell].value;
            }
        }
        lp.push_back(rhs);
    }
    return lp;
}

struct LpHash {
    std::size_t operator()(const std::vector<std::int64_t>& lp) const
    {
        std::uint64_t h = 1469598103934665603ULL; // FNV-1a over the values
        for (auto v : lp) h = (h ^ static_cast<std::uint64_t>(v)) * 1099511628211ULL;
        return static_cast<std::size_t>(h);
    }
};

// A part whose hidden cells meet in one relation, all on its same side (an hour-of-week row:
// hours = published total; a theme's categories): they sum to a known S, each within its bounds
// [l_k, u_k], and each cell's exact range is then
//   [max(l_k, S - sum of the others' u), min(u_k, S - sum of the others' l)],
// what the LPs would find (one row of unit coefficients: its vertices are integral, so the
// integer check changes nothing). Empty when the part is not of this shape; false when no point
// satisfies the relation.
std::optional<bool> singleRelationIntervals(const ProtectionTable& table, const std::vector<std::size_t>& part,
                                            const std::vector<std::pair<double, double>>& bounds,
                                            const AuditOptions& options, std::vector<CellInterval>& out)
{
    const auto relations = table.relationsOf(part);
    if (relations.size() != 1) return std::nullopt;
    const auto& cells = table.cells();
    std::vector<int> sign(part.size(), 0);
    double rhs = 0.0;
    for (const auto& t : table.relations()[relations[0]].terms) {
        const auto it = std::lower_bound(part.begin(), part.end(), t.cell);
        if (it == part.end() || *it != t.cell) {
            rhs -= static_cast<double>(t.coefficient) * static_cast<double>(cells[t.cell].value);
            continue;
        }
        int& s = sign[static_cast<std::size_t>(it - part.begin())];
        if (s != 0 || (t.coefficient != 1 && t.coefficient != -1)) return std::nullopt; // twice, or weighted
        s = t.coefficient;
    }
    for (const int s : sign)
        if (s != sign[0]) return std::nullopt; // a total hidden with its parts: the LPs decide
    const double sum = rhs * sign[0];
    double lowSum = 0.0, highSum = 0.0;
    std::size_t unbounded = 0;
    for (const auto& [low, high] : bounds) {
        lowSum += low;
        if (std::isinf(high))
            ++unbounded;
        else
            highSum += high;
    }
    out.assign(part.size(), CellInterval{});
    if (sum < lowSum - kTolerance || (unbounded == 0 && sum > highSum + kTolerance)) return false;
    for (std::size_t k = 0; k < part.size(); ++k) {
        const auto [low, high] = bounds[k];
        const bool othersUnbounded = unbounded > (std::isinf(high) ? 1u : 0u);
        const double othersHigh = highSum - (std::isinf(high) ? 0.0 : high);
        auto& iv = out[k];
        iv.cell = static_cast<std::uint32_t>(part[k]);
        iv.low = othersUnbounded ? low : std::max(low, sum - othersHigh);
        iv.high = std::min(high, sum - (lowSum - low));
        // As the LPs' shortcut: a known secondary's interval is not vouched for where it needs nothing.
        iv.exact = !(options.rule == AuditRule::ProtectionLevels && cells[part[k]].state == CellState::Secondary);
    }
    return true;
}

// The intervals of one part of hidden cells (out[k] for part[k]); false when no point satisfies
// the relations. Depends only on the part's cells, their states and the published values.
bool auditPart(const ProtectionTable& table, const std::vector<std::size_t>& part, const AuditOptions& options,
               std::vector<CellInterval>& out, std::size_t& linearPrograms, std::size_t& integerPrograms)
{

    const auto bounds = primaryBounds(table, part, options.primaryBoundsKnown);
    if (options.shortcut)
        if (const auto closed = singleRelationIntervals(table, part, bounds, options, out)) return *closed;
    const auto& cells = table.cells();
    out.assign(part.size(), CellInterval{});
    PartProblem lp(table, part, bounds);
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
    if (options.shortcut && n >= kVerticesFromCells) {
        // Vertices for many cells at once: every open cell up (to at most T-1, or its own value
        // when larger, so the true table stays inside), every open cell down, then random signs.
        // Each integral vertex is a table the reader cannot rule out, a witness for all cells;
        // most are settled so, without an LP of their own, and a cell they leave open gets its
        // LPs as before. (auditRoundedTable seeds its witnesses the same way.)
        std::vector<double> cap(n), objective(n);
        for (std::size_t k = 0; k < n; ++k)
            cap[k] = std::max<double>(static_cast<double>(cells[part[k]].value), cells[part[k]].threshold - 1.0);
        std::mt19937 rng(20261203);
        for (int round = 0; round < 8; ++round) {
            std::size_t open = 0;
            for (std::size_t k = 0; k < n; ++k) {
                const bool lowOpen = lowSeen[k] > lp.lower(k) + kTolerance;
                const bool highOpen = highSeen[k] < cells[part[k]].threshold - 1.0 - kTolerance;
                const bool up = round == 0 || (round > 1 && (rng() & 1U));
                objective[k] = up ? (highOpen ? 1.0 : 0.0) : (lowOpen ? -1.0 : 0.0);
                open += lowOpen || highOpen ? 1 : 0;
            }
            if (open == 0) break;
            if (lp.cappedVertex(objective, cap, witness, linearPrograms)) see();
        }
    }
    bool feasible = true;
    for (std::size_t k = 0; k < n && feasible; ++k) {
        auto& iv = out[k];
        iv.cell = static_cast<std::uint32_t>(part[k]);
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
            low = lp.bound(column, false, options.integerCheck, linearPrograms, integerPrograms, &witness);
            see();
        }
        if (!low) {
            feasible = false;
            break;
        }
        const bool spansSmall = *low <= 1.0 + kTolerance && highSeen[k] >= cell.threshold - 1.0 - kTolerance;
        if (spansSmall && options.shortcut) {
            iv.low = *low;
            iv.high = std::max(*low, highSeen[k]);
            iv.exact = false;
            continue;
        }
        const auto high = lp.bound(column, true, options.integerCheck, linearPrograms, integerPrograms, &witness);
        see();
        if (!high) {
            feasible = false;
            break;
        }
        iv.low = *low;
        iv.high = *high;
    }
    return feasible;
}

} // namespace

AuditResult auditTable(const ProtectionTable& table, const AuditOptions& options, AuditMemo* memo)
{
    AuditResult result;
    const auto& cells = table.cells();
    for (std::size_t ri = 0; ri < table.relations().size(); ++ri) {
        const auto& r = table.relations()[ri];
        bool anyHidden = false;
        std::int64_t sum = 0;
        for (const auto& t : r.terms) {
            anyHidden = anyHidden || cells[t.cell].hidden();
            sum += std::int64_t{t.coefficient} * cells[t.cell].value;
        }
        if (!anyHidden && sum != 0) {
            ++result.inconsistentRelations;
            result.inconsistent.push_back(ri);
        }
    }

    const auto parts = table.parts(true);
    result.components = parts.size();
    // Parts met before come from the memo; the others are solved, in parallel (each part is an
    // LP of its own), then remembered.
    std::vector<const AuditMemo::Part*> known(parts.size(), nullptr);
    std::vector<std::size_t> unsolved;
    static_assert(static_cast<int>(CellState::Hidden) < 4, "a memo key holds a state in two bits");
    const auto keyOf = [&](std::span<const std::uint32_t> part) {
        std::vector<std::uint64_t> key;
        key.reserve(part.size());
        for (auto c : part) key.push_back(std::uint64_t{c} << 2 | static_cast<std::uint64_t>(cells[c].state));
        return key;
    };
    std::vector<decltype(AuditMemo::m_parts)::iterator> remembered; // the memo's parts met again
    for (std::size_t p = 0; p < parts.size(); ++p) {
        if (memo) {
            const auto it = memo->m_parts.find(keyOf(parts.cells(p)));
            if (it != memo->m_parts.end()) {
                known[p] = &it->second;
                remembered.push_back(it);
                continue;
            }
        }
        unsolved.push_back(p);
    }
    // Parts with the same LP have the same intervals: each distinct LP is solved once.
    std::unordered_map<std::vector<std::int64_t>, std::size_t, LpHash> distinctIndex;
    std::vector<std::size_t> distinct, sameAs(unsolved.size());
    for (std::size_t i = 0; i < unsolved.size(); ++i) {
        const auto [it, added] = distinctIndex.try_emplace(partLp(table, parts.cellList(unsolved[i])), distinct.size());
        if (added) distinct.push_back(i);
        sameAs[i] = it->second;
    }
    distinctIndex.clear();
    std::vector<AuditMemo::Part> solvedDistinct(distinct.size());
    std::vector<std::size_t> linearPrograms(distinct.size(), 0), integerPrograms(distinct.size(), 0);
    forEachInParallel(distinct.size(), kPartsPerThread, [&](std::size_t d) {
        auto& s = solvedDistinct[d];
        s.feasible = auditPart(table, parts.cellList(unsolved[distinct[d]]), options, s.intervals, linearPrograms[d],
                               integerPrograms[d]);
    });
    for (std::size_t d = 0; d < distinct.size(); ++d) {
        result.linearPrograms += linearPrograms[d];
        result.integerPrograms += integerPrograms[d];
    }
    for (std::size_t i = 0; i < unsolved.size(); ++i) known[unsolved[i]] = &solvedDistinct[sameAs[i]];
    // Each hidden cell's place in result.intervals (cell order) is the number of hidden cells
    // before it: a bit per cell and a count per 64 cells (a scan's table has millions of cells,
    // most of them published).
    std::vector<std::uint64_t> hiddenBits((cells.size() + 63) / 64, 0);
    std::vector<std::uint32_t> hiddenBefore(hiddenBits.size() + 1, 0);
    for (std::size_t c = 0; c < cells.size(); ++c)
        if (cells[c].hidden()) hiddenBits[c / 64] |= std::uint64_t{1} << (c % 64);
    for (std::size_t w = 0; w < hiddenBits.size(); ++w)
        hiddenBefore[w + 1] = hiddenBefore[w] + static_cast<std::uint32_t>(std::popcount(hiddenBits[w]));
    const auto place = [&](std::size_t c) {
        const std::uint64_t below = (std::uint64_t{1} << (c % 64)) - 1;
        return hiddenBefore[c / 64] + static_cast<std::size_t>(std::popcount(hiddenBits[c / 64] & below));
    };
    result.intervals.resize(hiddenBefore.back());
    for (std::size_t p = 0; p < parts.size(); ++p) {
        const auto part = parts.cells(p);
        const auto& [intervals, feasible] = *known[p];
        for (std::size_t k = 0; k < part.size(); ++k) {
            auto& iv = result.intervals[place(part[k])];
            iv = intervals[k];
            iv.cell = static_cast<std::uint32_t>(part[k]);
            if (!feasible) {
                // The published values contradict the relations and bounds: nothing can be judged.
                result.infeasible.push_back(part[k]);
                iv.low = iv.high = std::numeric_limits<double>::quiet_NaN();
            }
        }
        if (!feasible) ++result.inconsistentRelations;
    }
    if (memo) {
        // The memo keeps this audit's parts only: one met before but not now has grown or split
        // and seldom comes back (a protection's rounds only hide more cells), so its size stays
        // one audit's, not the sum of every round's.
        decltype(AuditMemo::m_parts) kept;
        for (const auto it : remembered) kept.insert(memo->m_parts.extract(it));
        for (std::size_t i = 0; i < unsolved.size(); ++i)
            kept.emplace(keyOf(parts.cells(unsolved[i])), solvedDistinct[sameAs[i]]);
        memo->m_parts = std::move(kept);
    }
    for (std::size_t i = 0; i < result.intervals.size(); ++i) {
        auto& iv = result.intervals[i];
        const auto& c = cells[iv.cell];
        iv.safe = intervalProtects(iv.low, iv.high, c.threshold, c.state, options.rule);
        if (!iv.safe) result.failing.push_back(i);
    }
    return result;
}

AuditResult auditRoundedTable(const ProtectionTable& table, int base, bool controlled)
{
    AuditResult result;
    const auto& cells = table.cells();
    const auto prior = [&](std::size_t c) -> std::pair<double, double> {
        if (cells[c].hidden()) return {0.0, GlpkProblem::kInfinity};
        const auto iv = roundingInterval(cells[c].value, base, controlled);
        return {static_cast<double>(iv.low), static_cast<double>(iv.high)};
    };
    const auto need = [&](std::size_t c) {
        const auto p = prior(c);
        return std::min(static_cast<double>(base - 1), p.second - p.first);
    };
    // Relations that do not add up with the published values: a controlled rounding always does;
    // an independent one need not (then the published values are no witness of the local LPs).
    std::vector<bool> relationHolds(table.relations().size(), true);
    for (std::size_t ri = 0; ri < table.relations().size(); ++ri) {
        std::int64_t sum = 0;
        bool anyHidden = false;
        for (const auto& t : table.relations()[ri].terms) {
            sum += std::int64_t{t.coefficient} * cells[t.cell].value;
            anyHidden = anyHidden || cells[t.cell].hidden();
        }
        relationHolds[ri] = sum == 0 && !anyHidden;
    }
    std::vector<double> lowSeen(cells.size(), GlpkProblem::kInfinity), highSeen(cells.size(), -GlpkProblem::kInfinity);
    std::vector<CellInterval> byCell(cells.size());
    const auto parts = table.components(false);
    result.components = parts.size();
    for (const auto& part : parts) {
        bool consistent = true;
        for (auto c : part)
            for (auto r : table.relationsOf(c)) consistent = consistent && relationHolds[r];
        if (consistent)
            for (auto c : part) lowSeen[c] = highSeen[c] = static_cast<double>(cells[c].value);
        const auto spans = [&](std::size_t c) { return highSeen[c] - lowSeen[c] >= need(c) - kTolerance; };
        // The cell's maximum (and minimum unless the maximum settles it) by LP over the whole part.
        const auto solveBoth = [&](PartProblem& lp, const std::vector<std::size_t>& vars, std::size_t k,
                                   CellInterval* exact) {
            std::vector<double> witness;
            exact->exact = false;
            for (const bool maximise : {true, false}) {
                const auto b = lp.bound(static_cast<int>(k) + 1, maximise, true, result.linearPrograms,
                                        result.integerPrograms, &witness);
                if (!b) return false;
                (maximise ? exact->high : exact->low) = *b;
                for (std::size_t i = 0; i < witness.size(); ++i) {
                    lowSeen[vars[i]] = std::min(lowSeen[vars[i]], witness[i]);
                    highSeen[vars[i]] = std::max(highSeen[vars[i]], witness[i]);
                }
                witness.clear();
                if (maximise && spans(vars[k])) return true; // settled by the maximum: inner interval
            }
            exact->exact = true;
            return true;
        };
        std::vector<std::pair<double, double>> bounds;
        for (auto x : part) bounds.push_back(prior(x));
        PartProblem whole(table, part, bounds);
        bool feasible = true;
        // Vertices for many cells at once: all unsettled cells up, all down, then random signs.
        // Each integral vertex is a table the reader cannot rule out, so it widens every cell's
        // inner interval; most cells are settled so, without an LP of their own.
        std::mt19937 rng(20261202);
        std::vector<double> objective(part.size()), witness;
        for (int round = 0; round < 12; ++round) {
            std::size_t open = 0;
            for (std::size_t k = 0; k < part.size(); ++k) {
                const bool unsettled = !spans(part[k]);
                open += unsettled ? 1 : 0;
                objective[k] = !unsettled ? 0.0 : round == 0 ? 1.0 : round == 1 ? -1.0 : (rng() & 1U) ? 1.0 : -1.0;
            }
            if (open == 0) break;
            if (whole.vertex(objective, witness, result.linearPrograms))
                for (std::size_t i = 0; i < witness.size(); ++i) {
                    lowSeen[part[i]] = std::min(lowSeen[part[i]], witness[i]);
                    highSeen[part[i]] = std::max(highSeen[part[i]], witness[i]);
                }
        }
        for (std::size_t k = 0; k < part.size() && feasible; ++k) {
            const auto c = part[k];
            auto& iv = byCell[c];
            iv.cell = static_cast<std::uint32_t>(c);
            if (spans(c))
                iv.exact = false;
            else
                feasible = solveBoth(whole, part, k, &iv);
            if (feasible && !iv.exact) { // an inner interval wide enough
                iv.low = lowSeen[c];
                iv.high = highSeen[c];
            }
        }
        if (!feasible) {
            ++result.inconsistentRelations;
            for (auto c : part) {
                result.infeasible.push_back(c);
                byCell[c].cell = static_cast<std::uint32_t>(c);
                byCell[c].low = byCell[c].high = std::numeric_limits<double>::quiet_NaN();
            }
        }
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
        auto iv = byCell[c];
        iv.cell = static_cast<std::uint32_t>(c);
        iv.safe = !std::isnan(iv.low) && iv.high - iv.low >= need(c) - kTolerance;
        if (!iv.safe) result.failing.push_back(result.intervals.size());
        result.intervals.push_back(iv);
    }
    return result;
}

} // namespace gebiedscan::pipeline
