#pragma once
// Disclosure control of the Knox table (issue 13) for output that leaves the police.
//
// Rule: a cell's observed pair count 1..T-1 (T the theme's threshold) is primary: its observed
// count, ratio and p are hidden. The expected counts are means over permutations of the dates,
// and those keep every pair's distance and every pair's gap in days, so the expected of a row
// (distance band) adds up to the observed pairs of that row, and the same for a column (time
// band): publishing the expected publishes every row and column total. The table is therefore
// protected as a two-way table with its margins and the grand total n (n - 1) / 2 (known from
// the number of events): secondary suppression (GLPK, suppressSecondary) over cells and margins.
// A margin that is hidden (1..T-1 itself, or a secondary) takes the expected of its whole row or
// column with it, so it cannot be added up again. Every margin not hidden is published as a number
// (summary.json), also where a hidden row's expected counts keep the columns from adding up: the
// reader then knows exactly what the protection assumed. If no pattern passes the audit with the
// grand total published, every cell and margin is hidden.
#include "gebiedscan/core/near_repeat.hpp"
#include "gebiedscan/pipeline/protection_table.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace gebiedscan::pipeline {

struct NearRepeatProtection {
    int threshold = 5;
    std::vector<bool> observedHidden; ///< per table index: observed, ratio and p not published
    std::vector<bool> expectedHidden; ///< per table index: expected not published (its margin is hidden)
    std::vector<bool> rowHidden;      ///< per distance class: the row total is not derivable
    std::vector<bool> columnHidden;   ///< per time class
    std::size_t primaries = 0;        ///< cells and margins 1..T-1
    std::size_t secondaries = 0;      ///< hidden besides them
    bool everythingHidden = false;    ///< no pattern passed: the whole table is hidden
    /// The Knox test's X counts the pairs at <= d1 and <= t1 days: it spans the cells of distance
    /// classes 0..2 and time classes 0..1, so it is published only when all of them are.
    [[nodiscard]] bool knoxPublished(const NearRepeatTable& table) const;
    [[nodiscard]] bool hidden(std::size_t index) const { return !observedHidden.empty() && observedHidden[index]; }
    /// The pairs per distance class (row) and per time class (column) as published in
    /// summary.json: nullopt where the margin is hidden. Published explicitly because the
    /// expected counts give a margin only when none of its row (column) is hidden, and the
    /// protection treats every margin it does not hide as known to the reader.
    [[nodiscard]] std::vector<std::optional<std::int64_t>> publishedRowTotals(const NearRepeatTable& table) const;
    [[nodiscard]] std::vector<std::optional<std::int64_t>> publishedColumnTotals(const NearRepeatTable& table) const;
};

/// The protection of `table` for threshold T (>= 2).
[[nodiscard]] NearRepeatProtection protectNearRepeatTable(const NearRepeatTable& table, int threshold);

/// The Knox table's cells with its relations as a reader of the published table sees them:
/// `observed` per table index (nullopt = hidden), `rowTotal`/`columnTotal` (nullopt = not
/// derivable), `pairs` the grand total. Cells are added in table order, then the rows, then the
/// columns, then the total. `trueValues`: the values are the true counts (primaries are marked);
/// else they are read from a published table. Used by the protection and by `gebiedscan audit`.
struct KnoxCells {
    std::vector<std::size_t> cell, row, column;
    std::size_t total = 0;
};
KnoxCells addKnoxTable(ProtectionTable& table, std::size_t distanceClasses, std::size_t timeClasses,
                       const std::vector<std::optional<std::int64_t>>& observed,
                       const std::vector<std::optional<std::int64_t>>& rowTotal,
                       const std::vector<std::optional<std::int64_t>>& columnTotal, std::int64_t pairs, int threshold,
                       bool trueValues);

} // namespace gebiedscan::pipeline
