#pragma once
// Secondary (complementary) suppression by the sequential LP heuristic of the Fischetti-Salazar
// family, as tau-ARGUS and R sdcTable use it: for each primary cell and each direction, an LP
// over deviation vectors y in the null space of the relations (every relation still adds up with
// v + y) that moves the primary to T-1 (up) or 1 (down) while every cell stays within what the
// intruder knows of it; cost only on cells not yet hidden. The published cells the cheapest
// deviation uses become secondary suppressions: with them hidden, that deviation is open to the
// intruder, so the primary's interval reaches the target. Repeated until the audit passes.
// The intruder's a priori bound of a hidden cell is [0, inf) (see AuditRule in table_audit.hpp).
#include "gebiedscan/pipeline/protection_table.hpp"

#include <cstddef>
#include <functional>
#include <vector>

namespace gebiedscan::pipeline {

struct SuppressionOptions {
    /// Also pass AuditRule::FolderReader, as `gebiedscan audit` judges a folder: every hidden
    /// cell (secondaries too) whose interval does not contain [1, T-1] is protected as if it
    /// were primary (a secondary of 40 must be able to fall to 1: a deviation of 39 down).
    bool folderSafe = true;
    /// Rounds of protect-then-audit before giving up. The rule for every hidden cell (large
    /// secondaries must be able to fall to 1) needs more rounds than primaries alone: each round
    /// can hide cells that need protecting in the next.
    int maxRounds = 12;
    /// Optional: the cells (sorted) among which to look for a target's deviation first; the
    /// other cells keep their values. Asked with step 0, then, while the target has no deviation
    /// there, with step 1, 2, ... (a wider neighbourhood each); an empty answer ends the search
    /// and the whole part is used. ScanProtection::neighbourhood gives a buurt's wijk with its
    /// buurten and ancestors, ScanProtection::localNeighbourhood an area and some siblings.
    std::function<std::vector<std::size_t>(std::size_t cell, std::size_t step)> neighbourhood;
    /// Only parts of at least this many cells use `neighbourhood` (0: every part); the targets of
    /// smaller parts are protected over the whole part at once.
    std::size_t localFromCells = 0;
};

struct SuppressionReport {
    std::size_t primaries = 0;
    std::size_t secondaries = 0;
    std::size_t components = 0;     ///< independent parts of the table
    std::size_t linearPrograms = 0; ///< protection LPs solved
    std::size_t largestProblem = 0; ///< cells of the largest protection LP built (memory: 2 columns each)
    std::size_t rounds = 0;         ///< protect-then-audit rounds
    std::size_t unprotectable = 0;  ///< targets no deviation reaches (reported, not hidden away)
    bool auditPassed = false;       ///< the final audit (ProtectionLevels, and FolderReader if folderSafe)
    double seconds = 0.0;           ///< wall clock
    double cpuSeconds = 0.0;        ///< processor time (the machine may be shared)
    double auditSeconds = 0.0;      ///< of which in the audits between rounds
};

/// Adds secondary suppressions to `table` (cells become CellState::Secondary) until no primary
/// can be narrowed, hiding little: the cost of hiding a cell grows with its value (1 + ln(1+v))
/// so few, small cells are preferred. Works per independent part of the table.
SuppressionReport suppressSecondary(ProtectionTable& table, const SuppressionOptions& options = {});

} // namespace gebiedscan::pipeline
