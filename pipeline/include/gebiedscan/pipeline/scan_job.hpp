#pragma once
// The gebiedscan job: read the areas and registrations, classify, assign, aggregate, and compute
// everything the outputs show (figures, hotspots, trends, hot times, protection).
#include "gebiedscan/pipeline/scan_options.hpp"
#include "gebiedscan/pipeline/scan_result.hpp"

#include <memory>

namespace gebiedscan::pipeline {

class Reporter;

/// Runs the whole scan; nothing is written. Throws InputError naming file, layer, field or row.
[[nodiscard]] std::unique_ptr<const ScanResult> runScan(const ScanOptions& options, Reporter& reporter);

/// Bytes a grid scan of `cells` cells holding `storedCounts` non-zero counts (category x period)
/// will need, to refuse a grid that cannot fit before the figures are made. Sparse: it grows with
/// the counts, not with cells x categories x periods.
[[nodiscard]] double estimateGridScanMemory(std::size_t cells, std::size_t storedCounts, const ScanModel& model);

} // namespace gebiedscan::pipeline
