#pragma once
// `gebiedscan synth`: seeded synthetic registrations over real areas (placed by population when
// the areas have it), with planted clusters a hotspot analysis should find, written as they are
// made (millions of records never sit in memory) plus a `.truth.json` of what was planted.
#include <cstdint>
#include <filesystem>
#include <string>

namespace gebiedscan::pipeline {

class Reporter;

struct SynthOptions {
    std::string areas;                     ///< polygon layer the registrations fall in
    std::string areasLayer;                ///< layer in that file; empty: the only one
    std::string areaCodeField;             ///< empty: detected (BU_CODE, buurtcode, statcode, ...)
    std::string workingCrs = "EPSG:28992"; ///< metric CRS the areas are read in and the points written in
    std::string out;                       ///< .gpkg, .csv, .geojson or .shp
    std::uint64_t count = 100000;
    std::uint64_t seed = 20240101;
    int fromYear = 2021;
    int toYear = 2024;
    double malformed = 0.002; ///< share of deliberately faulty records, as real extracts have
    bool lonlat = false;      ///< lon/lat columns (WGS84) instead of RD geometry
};

struct SynthResult {
    std::uint64_t written = 0;
    std::uint64_t malformed = 0;
    std::filesystem::path truthFile;
};

/// Throws InputError for bad options or areas, OutputError when the file cannot be written.
SynthResult runSynthJob(const SynthOptions& options, Reporter& reporter);

} // namespace gebiedscan::pipeline
