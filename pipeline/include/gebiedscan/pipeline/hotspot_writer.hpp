#pragma once
// Serialises a hotspots result: `<outDir>/hotspots.gpkg` (layer `hotspots`) and hotspots.csv.
#include "gebiedscan/pipeline/hotspot_job.hpp"

#include <filesystem>
#include <vector>

namespace gebiedscan::pipeline {

struct HotspotOutputOptions {
    std::filesystem::path outDir;
};

/// Writes the outputs; returns the files written. Throws OutputError.
std::vector<std::filesystem::path> writeHotspotOutputs(const HotspotResult& result,
                                                       const HotspotOutputOptions& options);

} // namespace gebiedscan::pipeline
