#pragma once
// Serialises a scan result into options.outDir: gebiedscan.gpkg, Shapefiles, CSV and GeoJSON per
// level, summary.json and toelichting.txt. Computes nothing.
#include "gebiedscan/pipeline/scan_options.hpp"
#include "gebiedscan/pipeline/scan_result.hpp"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace gebiedscan::pipeline {

/// Throws InputError for a --formats value other than gpkg, shp, csv, geojson (before the run).
void checkScanFormats(const std::vector<std::string>& formats);

/// A rough size of what writeScanOutputs would write (within a factor of two): per written level
/// the vertices and attributes in each format, and the long figures table. The command prints it
/// before writing more than 1 GB.
[[nodiscard]] std::uint64_t estimateScanOutputBytes(const ScanResult& result, const ScanOptions& options);

/// Returns the files written: only the levels in options.levels and the formats in
/// options.formats when those are given (summary.json and toelichting.txt always).
std::vector<std::filesystem::path> writeScanOutputs(const ScanResult& result, const ScanOptions& options);

} // namespace gebiedscan::pipeline
