#pragma once
// The statistics runScan computes on a scan's counts (private to the pipeline).
#include "gebiedscan/pipeline/scan_result.hpp"

#include <string>
#include <vector>

namespace gebiedscan::pipeline {

/// Fewer registrations than this in the current period at a level: no Moran's I, Gi* or LISA there
/// ("te weinig registraties").
inline constexpr std::uint64_t kMinEventsForHotspots = 10;

/// Gi* and LISA of the current period's counts per level (r.hotspotOptions): the total at every
/// level with at least 5 areas and kMinEventsForHotspots registrations; single themes at the
/// finest level when they hold >= 30 registrations. `recomputedOnProtectedTable` (extern scans,
/// which call protectScanHotspots later): only the weights and slots, each result left empty.
[[nodiscard]] std::vector<LevelHotspots> computeScanHotspots(const ScanResult& r,
                                                             bool recomputedOnProtectedTable = false);

/// Rolls the base areas' hour-of-week tables up the hierarchy: [level].
[[nodiscard]] std::vector<HotTimesByArea> rollUpHotTimes(const ScanResult& r, HotTimesByArea base);

using ScanTrends = std::vector<std::vector<std::vector<EmergingClass>>>; // [level][slot][area]

/// Emerging-hotspot class per level, theme slot and area from the monthly counts over all
/// periods (Gi* with the neighbours of this and the previous month, Mann-Kendall, Esri's rules);
/// empty for a slot with too few registrations (or a level without hotspots: needs r.hotspots).
[[nodiscard]] ScanTrends computeScanTrends(const ScanResult& r);

/// Raw, global and local Empirical Bayes rates (spdep EBest / EBlocal on queen contiguity) of the
/// current period per level and theme slot, with the small-area flags (core SmallAreaRule).
[[nodiscard]] std::vector<LevelRates> computeScanRates(const ScanResult& r);

/// The protection applied, in plain Dutch, for summary.json, metadata and toelichting.txt.
[[nodiscard]] std::string suppressionRule(const ScanModel& model, bool internal);
/// Gi*/LISA of an extern scan recomputed on the protected table (issue 13): each count as it is
/// published (rounded under --protection afronden), a hidden one as T/2, the middle of what the
/// reader knows of a small count. The classes then tell no more than the published counts, so
/// they are published for every area; sets r.hotspotsOnProtectedTable.
void protectScanHotspots(ScanResult& r);
/// The protection of --protection afronden, in plain Dutch (toelichting.txt, every file's metadata).
[[nodiscard]] std::string roundingRule(const RoundingReport& rounding);

} // namespace gebiedscan::pipeline
