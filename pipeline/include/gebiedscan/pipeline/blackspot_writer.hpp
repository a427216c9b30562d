#pragma once
// Serialises a black-spot result: blackspots.gpkg (layers junctions, sections, accidents, and kde
// and areas when computed), blackspots_junctions.shp, blackspots_sections.shp, blackspots.csv,
// blackspots_gebieden.csv (with areas) and summary.json (the accounting of every row).
#include "gebiedscan/pipeline/blackspot_job.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

struct BlackSpotOutputOptions {
    std::filesystem::path outDir;
    bool dutchCsv = true;  ///< ';' and decimal comma (else ',' and '.')
    bool internal = false; ///< must be true: black spots list single accidents (police only)
};

/// Why black spots are written only for the police (`--internal`), for the refusal (Dutch).
[[nodiscard]] std::string blackSpotsInternalOnly();

/// Writes the outputs; returns the files written (summary.json last). Throws OutputError.
std::vector<std::filesystem::path> writeBlackSpotOutputs(const BlackSpotJobResult& result,
                                                         const BlackSpotOutputOptions& options);

} // namespace gebiedscan::pipeline
