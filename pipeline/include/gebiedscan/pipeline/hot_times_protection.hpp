#pragma once
// The hour-of-week table for output that leaves the police (issues 13 and 14).
//
// What is published: for each area of one level (the scan's top level, e.g. the gemeenten) whose
// total is published, the 168 hours of the week of all registrations (theme total only). The
// aoristic weights are fractions; they are apportioned to whole numbers that add up to the
// area's published total (largest remainder), so the reader's one relation, the hours = the
// total, holds exactly. Only one level and one theme: with more, the hours of the children would
// add up to the parent's and the themes' to the total, and per hour nearly every such cell is 1..T-1.
//
// Protection: the rule of protection_table.hpp, with the row as a table of its own (the
// hours and the total, which stays published): an hour of 1..T-1 is primary, secondary suppression
// (GLPK, suppressSecondary) adds hours until no hidden hour can be narrowed. A row the
// protection cannot pass this way is hidden whole.
#include "gebiedscan/pipeline/protection_table.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

inline constexpr int kHoursOfWeek = 168;

/// One area's hours as published: a whole count, or nullopt where hidden ("geheim").
using PublishedHours = std::array<std::optional<std::int64_t>, kHoursOfWeek>;

/// One area's true hour-of-week weights (Monday 00:00-01:00 first) and its published total.
struct HourOfWeekRow {
    std::string area; ///< for messages
    std::array<double, kHoursOfWeek> weights{};
    std::int64_t total = 0;
};

struct HourOfWeekProtection {
    std::vector<PublishedHours> rows; ///< per input row
    std::size_t primaries = 0;        ///< hours of 1..T-1
    std::size_t secondaries = 0;      ///< hours hidden besides them
    std::size_t rowsHiddenWhole = 0;  ///< rows no pattern protected: every hour hidden
};

/// The weights as whole numbers adding up to `total` (largest remainder, ties to the earlier
/// hour), in proportion to the weights. All zeros when the weights are.
[[nodiscard]] std::array<std::int64_t, kHoursOfWeek> apportionHours(const std::array<double, kHoursOfWeek>& weights,
                                                                    std::int64_t total);

/// Protects each row for threshold T (the total theme's, >= 2).
[[nodiscard]] HourOfWeekProtection protectHourOfWeek(const std::vector<HourOfWeekRow>& rows, int threshold);

/// Adds one area's 168 hours and the relation hours = `totalCell` to `table`, as the protection
/// (`trueValues`: the values are the true counts) or an audit of a published row sees it.
/// Returns the hours' cell indices.
std::array<std::size_t, kHoursOfWeek> addHourOfWeekRow(ProtectionTable& table, std::size_t totalCell,
                                                       const PublishedHours& hours, int threshold,
                                                       const std::string& area, bool trueValues);

struct ScanResult;
/// The hour-of-week rows an extern scan publishes (ScanResult::hotTimesRelease): the top level's
/// areas whose total of the current period is published, each protected by protectHourOfWeek.
void releaseHotTimes(ScanResult& r);

/// "ma 03:00-04:00" for hour-of-week 0..167.
[[nodiscard]] std::string hourOfWeekLabel(int hour);

} // namespace gebiedscan::pipeline
