#pragma once
#include "gebiedscan/pipeline/scan_options.hpp"

#include "gebiedscan/core/area_hierarchy.hpp"
#include "gebiedscan/core/hot_times.hpp"
#include "gebiedscan/core/scan_figures.hpp"
#include "gebiedscan/core/scan_model.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace gebiedscan::pipeline {

class Reporter;

/// Where every input record went: each lands in exactly one bucket.
struct RecordAccounting {
    std::uint64_t inputRecords = 0;
    std::uint64_t assigned = 0;
    std::uint64_t outside = 0;         ///< valid point, in no area
    std::uint64_t invalidGeometry = 0; ///< missing, empty, non-point or untransformable
    std::uint64_t badDate = 0;         ///< unparseable (badDateUnparseable) or outside every period
    std::uint64_t badDateUnparseable = 0;
    std::uint64_t unknownCategory = 0;                 ///< in an area and period, category unknown ("overig")
    std::map<std::string, std::uint64_t> unknownCodes; ///< code or label -> records
    std::vector<std::int64_t> exampleRows;             ///< first rows of each problem, for messages

    [[nodiscard]] bool balanced() const
    {
        return assigned + outside + invalidGeometry + badDate + unknownCategory == inputRecords;
    }
};

/// The result of a scan, kept in memory for the outputs (and for tests).
struct ScanResult {
    ScanModel model;
    AreaHierarchy areas;
    std::vector<std::vector<MultiPolygon>> geometries; ///< per level, per area
    std::unique_ptr<ScanCounts> counts;
    std::unique_ptr<ScanFigures> figures;
    RecordAccounting accounting;
    std::vector<std::string> repairedAreas;
    std::string incidentsDescription, areasDescription, incidentsCrs, areasCrs;
    std::map<std::string, std::string> fieldsUsed; ///< role -> field name
    /// Hour-of-week tables of the current period per base area and theme slot (key: area *
    /// themeSlots + slot, slots numbered as in ScanFigures), aoristic over from-to intervals.
    std::unordered_map<std::size_t, HotTimes> hotTimes;
    /// Monthly counts over the whole span of the periods, per base area and theme slot
    /// ([area][slot][month]), for the emerging-hotspot trend per theme.
    std::vector<std::uint32_t> monthly;
    std::size_t months = 0;
    std::int64_t firstMonth = 0; ///< periodOrdinal (TimePeriod::Month) of the first month
    bool periodsDetected = false;
};

/// Runs the whole scan: read, classify, assign, aggregate. No outputs are written.
[[nodiscard]] ScanResult runScan(const ScanOptions& options, Reporter& reporter);

/// Writes the outputs of a scan to options.outDir: gebiedscan.gpkg, Shapefiles per level,
/// CSV, GeoJSON (WGS84) and summary.json. Returns the files written.
std::vector<std::filesystem::path> writeScanOutputs(const ScanResult& result, const ScanOptions& options,
                                                    Reporter& reporter);

} // namespace gebiedscan::pipeline
