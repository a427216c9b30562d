#pragma once
// `gebiedscan hotspots`: the printed summary of a run (the job is pipeline::runHotspotJob).
#include "gebiedscan/pipeline/hotspot_job.hpp"

#include <filesystem>
#include <vector>

namespace gebiedscan::app {

/// Prints the run's summary on stdout, ending with the files written.
void printHotspotSummary(const pipeline::HotspotResult& result, const std::vector<std::filesystem::path>& written);

} // namespace gebiedscan::app
