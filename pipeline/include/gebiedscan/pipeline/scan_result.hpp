#pragma once
// Everything a scan found, in memory: counts and figures per level, hotspots, trends and hot
// times, the protection applied and where every record went. Writers only serialise it; the
// viewer and the report read it without files.
#include "gebiedscan/pipeline/count_table.hpp"
#include "gebiedscan/pipeline/hot_times_protection.hpp"
#include "gebiedscan/pipeline/local_hotspots.hpp"
#include "gebiedscan/pipeline/monthly_counts.hpp"
#include "gebiedscan/pipeline/phase_times.hpp"
#include "gebiedscan/pipeline/record_accounting.hpp"
#include "gebiedscan/pipeline/scan_protection.hpp"
#include "gebiedscan/pipeline/survey_quadrant.hpp"

#include "gebiedscan/core/area_hierarchy.hpp"
#include "gebiedscan/core/emerging_hotspots.hpp"
#include "gebiedscan/core/empirical_bayes.hpp"
#include "gebiedscan/core/grid.hpp"
#include "gebiedscan/core/hot_times.hpp"
#include "gebiedscan/core/scan_figures.hpp"
#include "gebiedscan/core/scan_model.hpp"
#include "gebiedscan/core/spatial_weights.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace gebiedscan::pipeline {

/// Hour-of-week tables of the current period of one level, key area * themeSlots + slot (slots
/// numbered as in ScanFigures), aoristic over from-to intervals.
using HotTimesByArea = std::unordered_map<std::size_t, HotTimes>;

/// The lattice under a grid scan's base level. The scan is sparse: only cells (parts) with a
/// registration are base units; an empty cell of the region exists only here, as an implicit 0
/// that Gi* counts as a neighbour and in the mean and variance, as a dense grid would.
struct GridCells {
    Grid grid;
    std::vector<bool> inRegion;     ///< per lattice cell: its centre lies in the study region
    std::size_t regionCells = 0;    ///< cells with inRegion (the units of a dense grid, without parts)
    std::vector<std::int64_t> cell; ///< per base unit: its lattice cell
    /// Per base unit: it is its cell's own unit (the area of the cell's centre); else a part of a
    /// cell across an area boundary, or a cell whose centre lies outside the region.
    std::vector<bool> centreUnit;
};

/// Gi* and LISA of the current period's counts at one level, on queen contiguity. Empty when the
/// level has too few areas.
struct LevelHotspots {
    SpatialWeights weights;
    std::vector<std::size_t> slots;     ///< theme slots analysed (the total first)
    std::vector<LocalHotspots> results; ///< parallel to slots
};

/// Raw, global and local (queen) Empirical Bayes rates per person of the current period at one
/// level, per theme slot, with the small-area flags; `weights` are the queen neighbours used.
struct LevelRates {
    SpatialWeights weights;
    std::vector<EmpiricalBayesRates> slots; ///< indexed by theme slot (ScanFigures numbering)
};

/// The result of a scan. Built once by runScan and never moved (ScanFigures refers to the model,
/// areas and counts held here), so it is handed out behind a pointer.
struct ScanResult {
    ScanResult() = default;
    ScanResult(const ScanResult&) = delete;
    ScanResult& operator=(const ScanResult&) = delete;

    ScanModel model;
    AreaHierarchy areas;
    std::vector<std::vector<MultiPolygon>> geometries; ///< per level, per area
    std::unique_ptr<ScanCounts> counts;                ///< while counting; released once the figures hold them
    std::unique_ptr<ScanFigures> figures;
    RecordAccounting accounting;
    /// A scan of a count table (--counts): where its values went. No times of day, no months.
    std::optional<CountTableReport> countTable;
    std::vector<std::string> repairedAreas;
    std::string incidentsDescription, areasDescription, incidentsCrs, areasCrs;
    std::string grid;                              ///< "square:500" for a grid scan, else empty
    std::optional<GridCells> gridCells;            ///< the lattice of a grid scan
    std::map<std::string, std::string> fieldsUsed; ///< role -> field name
    bool periodsDetected = false;
    /// False when no registration has a time of day (all at 00:00 or dates only): no hour-of-week
    /// table and no peak hour ("geen tijdstip bekend").
    bool timeOfDayKnown = true;
    /// False when every date is a whole year (BRON jaar_vkl): no trend within the periods.
    bool subYearDates = true;

    /// Base areas' hour-of-week tables, then rolled up: hotTimes[level].
    std::vector<HotTimesByArea> hotTimes;
    /// Monthly counts over the whole span of the periods, per base area and theme slot
    /// ([area][slot][month]), for the emerging-hotspot trend per theme: the non-zero ones only,
    /// in key order, key (area * slots + slot) * months + month (most cells of a fine grid have a few).
    std::vector<MonthlyCount> monthly;
    std::size_t months = 0;
    std::int64_t firstMonth = 0; ///< periodOrdinal (TimePeriod::Month) of the first month

    /// The conventions of the scan's hotspot columns (Gi* analytic + FDR, LISA by permutation).
    LocalHotspotOptions hotspotOptions;
    std::vector<LevelHotspots> hotspots; ///< per level
    /// Emerging-hotspot class per level, theme slot and area; empty for a slot with too few
    /// registrations to speak of a trend.
    std::vector<std::vector<std::vector<EmergingClass>>> trends; // [level][slot][area]
    /// Current-period rates per person, raw and Empirical Bayes smoothed, per level.
    std::vector<LevelRates> rates;

    /// Outside the police (the default): which counts are shown as "geheim" - primary (1..T-1) and
    /// secondary, so that no hidden count can be recovered or narrowed through any sum a reader
    /// can form (themes, categories, the hierarchy). Null for internal output.
    std::unique_ptr<ScanProtection> suppression;
    SuppressionReport protection; ///< what the secondary suppression did (extern only)
    /// Extern (suppression, not rounding): the hour-of-week rows published, those of the top level's
    /// areas with a published total (hot_times_protection.hpp). Null otherwise.
    struct HotTimesRelease {
        std::size_t level = 0;
        std::vector<std::size_t> areas; ///< parallel to protection.rows
        HourOfWeekProtection protection;
    };
    std::optional<HotTimesRelease> hotTimesRelease;
    /// Gi*/LISA recomputed on the protected table (extern): classes are published for every area.
    bool hotspotsOnProtectedTable = false;
    std::string suppressionRule; ///< the protection applied, in plain Dutch
    /// --survey: the survey joined to the areas, with the quadrants (survey_quadrant.hpp).
    std::optional<ScanSurvey> survey;
    PhaseTimes phaseTimes; ///< wall and CPU time per phase since runScan began (--timing)
};

} // namespace gebiedscan::pipeline
