#pragma once
// Serialises a scan result into options.outDir: gebiedscan.gpkg, Shapefiles, CSV and GeoJSON per
// level, summary.json and toelichting.txt. Computes nothing.
#include "gebiedscan/pipeline/scan_options.hpp"
#include "gebiedscan/pipeline/scan_result.hpp"

#include <filesystem>
#include <vector>

namespace gebiedscan::pipeline {

/// Returns the files written.
std::vector<std::filesystem::path> writeScanOutputs(const ScanResult& result, const ScanOptions& options);

} // namespace gebiedscan::pipeline
