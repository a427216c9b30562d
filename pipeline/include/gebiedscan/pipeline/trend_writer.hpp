#pragma once
// Serialises a trend result: trends.gpkg (layers trends, trends_per_periode), trends.csv and
// trends_per_periode.csv, small counts suppressed unless internal.
#include "gebiedscan/pipeline/trend_job.hpp"

#include <filesystem>
#include <vector>

namespace gebiedscan::pipeline {

struct TrendOutputOptions {
    std::filesystem::path outDir;
    bool internal = false; ///< police-internal: no suppression of small counts
};

/// Writes the outputs; returns the files written. Throws OutputError.
std::vector<std::filesystem::path> writeTrendOutputs(const TrendResult& result, const TrendOutputOptions& options);

} // namespace gebiedscan::pipeline
