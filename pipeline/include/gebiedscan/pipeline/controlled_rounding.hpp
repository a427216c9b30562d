#pragma once
// Rounding as disclosure control (issue 13, Deliver 5): every count to a multiple of a base (5,
// as CBS publishes buurt figures), beside suppression.
//
// Controlled rounding (as tau-ARGUS): each count goes to one of the two multiples of the base
// next to it (a multiple and 0 stay as they are), chosen so that every relation of the table
// still adds up with the rounded values (themes + overig = total, children = parent, categories
// = theme). A mixed-integer program in GLPK per independent part of the table: one binary per
// count that is no multiple (down or up), the relations as equalities, least total deviation.
// Such a rounding need not exist for a table with more than two dimensions, and the MIP may not
// finish in time: then that part is rounded independently, each count to the nearest multiple
// (ties up), and the report says so. Independent rounding is weaker: a reader who knows it is
// "nearest" places a published r in [r-2, r+2] and the totals narrow that further.
#include "gebiedscan/pipeline/protection_table.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gebiedscan::pipeline {

struct RoundingOptions {
    int base = 5;
    /// Time for each part's MIP; a part not solved in time is rounded independently.
    double secondsPerPart = 20.0;
    /// Tests: skip the MIP and round every part independently.
    bool independentOnly = false;
};

struct RoundingReport {
    std::vector<std::int64_t> rounded; ///< per cell of the table
    std::size_t parts = 0;             ///< independent parts of the table
    std::size_t controlledParts = 0;   ///< rounded by the MIP (every relation adds up)
    std::size_t independentParts = 0;  ///< rounded to the nearest multiple (relations may not add up)
    std::size_t changedCells = 0;      ///< cells whose value is no multiple of the base
    double seconds = 0.0;

    [[nodiscard]] bool controlled() const { return independentParts == 0; }
};

/// Rounds every cell of `table` (its true values; states are ignored) to a multiple of
/// options.base.
[[nodiscard]] RoundingReport roundTable(const ProtectionTable& table, const RoundingOptions& options = {});

/// The interval a reader places a rounded count r in from the rounding alone: controlled
/// [r-(b-1), r+(b-1)], nearest [r-floor(b/2), r+floor((b-1)/2)], both cut at 0.
struct RoundingInterval {
    std::int64_t low, high;
};
[[nodiscard]] RoundingInterval roundingInterval(std::int64_t rounded, int base, bool controlled);

} // namespace gebiedscan::pipeline
