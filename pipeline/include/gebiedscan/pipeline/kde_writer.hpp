#pragma once
// Serialises a heatmap: a Float32 GeoTIFF with its unit, kernel, radius and cell in the metadata.
#include "gebiedscan/pipeline/kde_job.hpp"

#include <filesystem>
#include <string>

namespace gebiedscan::pipeline {

/// Writes the GeoTIFF `path`. A heatmap of single registrations gives small counts and even
/// locations away, so it is police-internal only: `internal` must be true (else InputError with
/// kdeInternalOnly()). Throws OutputError.
void writeKdeRaster(const KdeJobResult& result, const std::filesystem::path& path, bool internal);

/// Why a heatmap is written only for the police (`--internal`), for the refusal (Dutch).
[[nodiscard]] std::string kdeInternalOnly();

} // namespace gebiedscan::pipeline
