#pragma once
// Serialises a heatmap: a Float32 GeoTIFF with its unit, kernel, radius and cell in the metadata.
#include "gebiedscan/pipeline/kde_job.hpp"

#include <filesystem>

namespace gebiedscan::pipeline {

/// Writes the GeoTIFF `path`. Throws OutputError.
void writeKdeRaster(const KdeJobResult& result, const std::filesystem::path& path);

} // namespace gebiedscan::pipeline
