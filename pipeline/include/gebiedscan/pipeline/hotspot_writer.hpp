#pragma once
// Serialises a hotspots result: `<outDir>/hotspots.gpkg` (layer `hotspots`) and hotspots.csv.
// Outside the police (the default) a count 1..T-1 (--grid: registrations per cell; a field: a
// whole value) is hidden with its Gi*/LISA classes, Gi*/LISA are published as classes only and the
// global Moran's I is left out (with one hidden value it could be solved from it).
#include "gebiedscan/pipeline/hotspot_job.hpp"

#include <filesystem>
#include <vector>

namespace gebiedscan::pipeline {

struct HotspotOutputOptions {
    std::filesystem::path outDir;
    bool internal = false; ///< police-internal: every count and statistic as computed
    int suppressBelow = 5; ///< T of the scan model: counts 1..T-1 are hidden outside the police
};

/// Writes the outputs; returns the files written. Throws OutputError.
std::vector<std::filesystem::path> writeHotspotOutputs(const HotspotResult& result,
                                                       const HotspotOutputOptions& options);

} // namespace gebiedscan::pipeline
