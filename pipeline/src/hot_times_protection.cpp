#include "gebiedscan/pipeline/hot_times_protection.hpp"

#include "parallel_for.hpp"

#include "gebiedscan/core/hot_times.hpp"
#include "gebiedscan/pipeline/scan_result.hpp"
#include "gebiedscan/pipeline/secondary_suppression.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gebiedscan::pipeline {

namespace {
constexpr std::size_t kRowsPerThread = 16; // a row's protection is a few small LPs
} // namespace

std::array<std::int64_t, kHoursOfWeek> apportionHours(const std::array<double, kHoursOfWeek>& weights,
                                                      std::int64_t total)
{
    std::array<std::int64_t, kHoursOfWeek> out{};
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (!(sum > 0.0) || total <= 0) return out;
    std::array<double, kHoursOfWeek> remainder{};
    std::int64_t given = 0;
    for (int h = 0; h < kHoursOfWeek; ++h) {
        const double share = weights[h] / sum * static_cast<double>(total);
        out[h] = static_cast<std::int64_t>(std::floor(share));
        remainder[h] = share - static_cast<double>(out[h]);
        given += out[h];
    }
    std::array<int, kHoursOfWeek> order{};
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return remainder[a] > remainder[b]; });
    // Round-off can leave the floors a unit off either way: give to the largest remainders, take
    // from the smallest.
    for (std::size_t i = 0; given < total; ++i, ++given) ++out[static_cast<std::size_t>(order[i % order.size()])];
    for (std::size_t i = order.size(); given > total && i-- > 0;) {
        auto& v = out[static_cast<std::size_t>(order[i])];
        if (v > 0) --v, --given;
    }
    return out;
}

std::string hourOfWeekLabel(int hour)
{
    const int h = hour % 24;
    return fmt::format("{} {:02}:00-{:02}:00", dutchDayShort(hour / 24), h, h + 1);
}

std::array<std::size_t, kHoursOfWeek> addHourOfWeekRow(ProtectionTable& table, std::size_t totalCell,
                                                       const PublishedHours& hours, int threshold,
                                                       const std::string& area, bool trueValues)
{
    std::array<std::size_t, kHoursOfWeek> cells{};
    std::vector<RelationTerm> terms{{totalCell, -1}};
    for (int h = 0; h < kHoursOfWeek; ++h) {
        auto label = fmt::format("{}, uur van de week {}", area, hourOfWeekLabel(h));
        const auto& v = hours[static_cast<std::size_t>(h)];
        cells[static_cast<std::size_t>(h)] = !v          ? table.addHiddenCell(threshold, std::move(label))
                                             : trueValues ? table.addCell(*v, threshold, std::move(label))
                                                          : table.addPublishedCell(*v, threshold, std::move(label));
        terms.push_back({cells[static_cast<std::size_t>(h)], 1});
    }
    table.addRelation(std::move(terms));
    return cells;
}

HourOfWeekProtection protectHourOfWeek(const std::vector<HourOfWeekRow>& rows, int threshold)
{
    // Each row is a table of its own: its only relation is hours = total, and the total is
    // published (it stays so: a protection that would hide it hides the row instead). The rows
    // are protected in parallel and added up in their order.
    struct RowResult {
        PublishedHours published;
        std::size_t primaries = 0, secondaries = 0;
        bool passed = true;
    };
    std::vector<RowResult> results(rows.size());
    forEachInParallel(rows.size(), kRowsPerThread, [&](std::size_t i) {
        const auto& row = rows[i];
        auto& result = results[i];
        const auto counts = apportionHours(row.weights, row.total);
        PublishedHours truth;
        for (int h = 0; h < kHoursOfWeek; ++h) truth[static_cast<std::size_t>(h)] = counts[static_cast<std::size_t>(h)];
        ProtectionTable table;
        const auto total = table.addPublishedCell(row.total, threshold, row.area + ", totaal");
        const auto cells = addHourOfWeekRow(table, total, truth, threshold, row.area, true);
        result.primaries = table.count(CellState::Primary);
        if (result.primaries > 0) {
            const auto report = suppressSecondary(table);
            result.passed = report.auditPassed && report.unprotectable == 0 && !table.cell(total).hidden();
        }
        for (int h = 0; h < kHoursOfWeek; ++h) {
            const auto& c = table.cell(cells[static_cast<std::size_t>(h)]);
            if (result.passed && !c.hidden()) result.published[static_cast<std::size_t>(h)] = c.value;
        }
        result.secondaries = result.passed ? table.count(CellState::Secondary)
                                           : static_cast<std::size_t>(kHoursOfWeek) - result.primaries;
    });
    HourOfWeekProtection out;
    out.rows.reserve(rows.size());
    for (const auto& result : results) {
        out.primaries += result.primaries;
        out.secondaries += result.secondaries;
        if (!result.passed) ++out.rowsHiddenWhole;
        out.rows.push_back(result.published);
    }
    return out;
}

void releaseHotTimes(ScanResult& r)
{
    if (!r.suppression || r.suppression->rounded() || !r.timeOfDayKnown || r.hotTimes.empty()) return;
    const auto& f = *r.figures;
    ScanResult::HotTimesRelease release;
    release.level = r.areas.levels.size() - 1;
    const auto& lv = r.areas.levels[release.level];
    std::vector<HourOfWeekRow> rows;
    for (std::size_t a = 0; a < lv.size(); ++a) {
        const auto it = r.hotTimes[release.level].find(a * f.themeSlots() + f.totalSlot());
        if (it == r.hotTimes[release.level].end() || !(it->second.total() > 0.0)) continue;
        if (r.suppression->theme(release.level, a, f.totalSlot(), f.currentPeriod())) continue;
        HourOfWeekRow row;
        row.area = lv.name + " " + lv.codes[a];
        row.weights = it->second.counts();
        row.total = static_cast<std::int64_t>(f.themeCount(release.level, a, f.totalSlot(), f.currentPeriod()));
        release.areas.push_back(a);
        rows.push_back(std::move(row));
    }
    // The total theme's threshold is the model's own (themes may set a higher one for theirs).
    release.protection = protectHourOfWeek(rows, r.model.suppressBelow);
    r.hotTimesRelease = std::move(release);
}

} // namespace gebiedscan::pipeline
