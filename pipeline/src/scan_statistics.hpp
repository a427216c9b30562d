#pragma once
// The statistics runScan computes on a scan's counts (private to the pipeline).
#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_result.hpp"

#include <string>
#include <vector>

namespace gebiedscan::pipeline {

/// Fewer registrations than this in the current period at a level: no Moran's I, Gi* or LISA there
/// ("te weinig registraties").
inline constexpr std::uint64_t kMinEventsForHotspots = 10;

/// The current period's count of a level, area and slot as the statistics see it. Internal: the
/// true count. Extern (r.suppression set, issue 13): the protected table, each count as it is
/// published (rounded under --protection afronden), a hidden one as T/2, the middle of what the
/// reader knows of a small count. Statistics of these values tell no more than the published
/// counts, so they may be published beside a hidden count too.
[[nodiscard]] double statisticsCount(const ScanResult& r, std::size_t level, std::size_t area, std::size_t slot);
/// The same for any period (the trend's theme choice sums every period).
[[nodiscard]] double statisticsCount(const ScanResult& r, std::size_t level, std::size_t area, std::size_t slot,
                                     std::size_t period);

/// Gi* and LISA of the current period's statisticsCount per level (r.hotspotOptions): the total at
/// every level with at least 5 areas and kMinEventsForHotspots registrations; single themes at
/// the finest level when they hold >= 30 registrations. Which levels and themes qualify is
/// decided on statisticsCount too (extern: on the protected table, so the choice reveals nothing).
/// Progress per analysis (level and theme) goes to `reporter` as phase "hotspots".
[[nodiscard]] std::vector<LevelHotspots> computeScanHotspots(const ScanResult& r, Reporter* reporter = nullptr);

/// Rolls the base areas' hour-of-week tables up the hierarchy: [level].
[[nodiscard]] std::vector<HotTimesByArea> rollUpHotTimes(const ScanResult& r, HotTimesByArea base);

using ScanTrends = std::vector<std::vector<std::vector<EmergingClass>>>; // [level][slot][area]

/// Emerging-hotspot class per level, theme slot and area from the monthly counts over all
/// periods (Gi* with the neighbours of this and the previous month, Mann-Kendall, Esri's rules);
/// empty for a slot with too few registrations (>= 30; extern counted on the protected table of
/// every period, as statisticsCount) or a level without hotspots (needs r.hotspots).
[[nodiscard]] ScanTrends computeScanTrends(const ScanResult& r);

/// Raw, global and local Empirical Bayes rates (spdep EBest / EBlocal on queen contiguity) of the
/// current period's statisticsCount per level and theme slot, with the small-area flags (core
/// SmallAreaRule). Extern on the protected table with the published (whole) population, so
/// `gebiedscan audit` recomputes them from the published columns.
[[nodiscard]] std::vector<LevelRates> computeScanRates(const ScanResult& r);

/// The protection applied, in plain Dutch, for summary.json, metadata and toelichting.txt.
[[nodiscard]] std::string suppressionRule(const ScanModel& model, bool internal);
/// The protection of --protection afronden, in plain Dutch (toelichting.txt, every file's metadata).
[[nodiscard]] std::string roundingRule(const RoundingReport& rounding);

} // namespace gebiedscan::pipeline
