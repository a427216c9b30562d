#pragma once
// The audit of a protection pattern (as tau-ARGUS's audit): for every hidden cell its feasible
// interval [low, high] by linear programming over all relations with the published values fixed,
// and the verdict whether any primary cell is narrowed below its protection.
#include "gebiedscan/pipeline/protection_table.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace gebiedscan::pipeline {

/// How a hidden cell's interval is judged. In both the intruder knows the relations, the
/// published values and that every count is a whole number >= 0: nobody outside can tell a
/// primary from a secondary, so no hidden cell has a tighter a priori bound.
enum class AuditRule {
    /// The true values are known (the protection step, in-process tables): a primary passes when
    /// its interval reaches both 1 and T-1 (tau-ARGUS's protection levels: lower v-1, upper
    /// T-1-v); a secondary needs nothing.
    ProtectionLevels,
    /// Only the published folder is known (`gebiedscan audit`, scripts/intruder.py): the rule of
    /// docs/disclosure-control.md. Every hidden cell, primary or secondary (a reader cannot tell
    /// them apart), passes only when its feasible interval contains all of [1, T-1]: no hidden
    /// count recovered, none narrowed below its protection interval [1, T-1]. The rule is
    /// monotone: a wider interval (a weaker intruder, e.g. interval propagation) never fails
    /// where the exact one passes.
    FolderReader,
};

struct AuditOptions {
    AuditRule rule = AuditRule::ProtectionLevels;
    /// Check LP bounds that come from a fractional vertex by integer programming (the intruder
    /// knows counts are whole numbers).
    bool integerCheck = true;
    /// The stricter intruder of the brief who also knows which hidden cells are primary, so each
    /// lies in [1, T-1]. Not the default: no pattern can satisfy it in general (a theme of 3 with
    /// categories 2 and 1, threshold 5: knowing all three lie in [1, 4], the 2 is at most 3
    /// whatever else is hidden). Kept to show exactly that.
    bool primaryBoundsKnown = false;
    /// Skip LPs whose answer cannot change the verdict: the maximisation of a cell whose integer
    /// solutions seen so far already span [1, T-1]; under ProtectionLevels every LP of a known
    /// secondary. Such a cell's interval is then only
    /// an inner one (CellInterval::exact false).
    bool shortcut = true;
};

/// Feasible interval of one hidden cell.
/// 24 bytes (a 32-bit cell, as ProtectionTable keeps its cells below 2^32): an audit holds one
/// per hidden cell, and a scan's table has hundreds of thousands.
struct CellInterval {
    std::uint32_t cell = 0;
    bool safe = true; ///< meets the protection required under the chosen rule
    /// low and high are the exact bounds. A safe cell may carry only the values seen in integer
    /// solutions (an inner interval that already covers [1, T-1]) to save LPs.
    bool exact = true;
    double low = 0.0;
    double high = 0.0; ///< +inf when unbounded
};

struct AuditResult {
    std::vector<CellInterval> intervals; ///< one per hidden cell (rounded audit: every cell), in cell order
    std::vector<std::size_t> failing;    ///< indices into `intervals`
    std::size_t components = 0;          ///< independent parts of hidden cells
    std::size_t linearPrograms = 0;
    std::size_t integerPrograms = 0;
    /// Relations whose published cells alone do not add up (the relation set does not match the
    /// data): the audit is then not to be trusted.
    std::size_t inconsistentRelations = 0;
    std::vector<std::size_t> inconsistent; ///< relations of only published cells that do not add up
    std::vector<std::size_t> infeasible;   ///< per part of hidden cells no value fits: its cells

    [[nodiscard]] bool passed() const { return failing.empty() && inconsistentRelations == 0; }
};

/// The intervals of each part of hidden cells from earlier audits of one table under one set of
/// options. A part's LP depends only on its cells, their states and the published values in its
/// relations (a hidden cell in one of them would belong to the part), so while values do not
/// change a part met again with the same cells and states has the same intervals. Secondary
/// suppression re-audits after every round: most parts are untouched by it.
class AuditMemo {
public:
    struct Part {
        std::vector<CellInterval> intervals; ///< parallel to the part's cells
        bool feasible = true;
    };

private:
    friend AuditResult auditTable(const ProtectionTable&, const AuditOptions&, AuditMemo*);
    // Keyed by the part's cells with their states, each as cell x 4 + state (half the size of a
    // pair: the memo holds every part a scan's rounds met).
    std::map<std::vector<std::uint64_t>, Part> m_parts;
};

/// Runs the intruder over the table: every hidden cell's interval, cell by cell, per independent
/// part of hidden cells (GLPK simplex, warm-started between cells). With `memo` (kept by the
/// caller for the same table and options, values unchanged) a part audited before is not solved
/// again; the result is the same, only linearPrograms counts fewer.
[[nodiscard]] AuditResult auditTable(const ProtectionTable& table, const AuditOptions& options = {},
                                     AuditMemo* memo = nullptr);

/// The audit of a rounded table (controlled_rounding.hpp): every cell's value is the published,
/// rounded count r, which the reader places in roundingInterval(r, base, controlled) (hidden
/// cells in [0, inf)); with every relation he narrows that by LP, as above. Rule: a cell passes
/// while its feasible interval still holds `base` whole values (high - low >= base-1), or is no
/// narrower than the rounding alone makes it (a 0 rounded to nearest: [0, 2]). Per part, integral
/// vertices of LPs over many cells at once (all up, all down, random signs) settle most cells with
/// an inner interval wide enough; the rest get their own maximum and minimum.
[[nodiscard]] AuditResult auditRoundedTable(const ProtectionTable& table, int base, bool controlled);

/// Whether [low, high] protects a hidden cell of threshold `threshold` and state `state` under
/// `rule` (see above). A cell of unknown role (CellState::Hidden) is judged as FolderReader.
[[nodiscard]] bool intervalProtects(double low, double high, int threshold, CellState state, AuditRule rule);

} // namespace gebiedscan::pipeline
