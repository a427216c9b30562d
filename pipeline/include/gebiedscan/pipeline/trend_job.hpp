#pragma once
// `gebiedscan trends` as a job: emerging hot spot analysis (Esri's classes) of registrations per
// area or grid cell over months, quarters or years. Writing is writeTrendOutputs (trend_writer.hpp).
#include "gebiedscan/pipeline/record_accounting.hpp"

#include "gebiedscan/core/contiguity.hpp"
#include "gebiedscan/core/emerging_hotspots.hpp"
#include "gebiedscan/core/geometry.hpp"
#include "gebiedscan/gis/area_reader.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

class Reporter;

/// What `gebiedscan trends` analyses, independent of the command line.
struct TrendOptions {
    gis::SourceSpec incidents;
    gis::SourceSpec areas; ///< polygons; path empty: square cells of `gridSize`
    gis::AreaFields areaFields;
    double gridSize = 0.0; ///< metres; exactly one of areas and gridSize
    std::string theme;     ///< id or number of a scan-model theme; empty: all registrations
    std::string model;     ///< scan model (also gives the disclosure threshold); empty: the default
    std::string categoryField, labelField, dateField; ///< empty: detected
    std::string dateToField, timeField, timeToField;  ///< end of an interval, times of day; empty: detected
    TimePeriod period = TimePeriod::Month;
    std::string from, to; ///< first and last date (inclusive); empty: the data's
    Contiguity contiguity = Contiguity::Queen;
    int timeLags = 1;
    double alpha = 0.05;
    bool fdr = true; ///< Benjamini-Hochberg over the bins
    std::string workingCrs = "EPSG:28992";
};

/// The space-time cube, its Gi* bins and Mann-Kendall trends, the class of every location.
struct TrendResult {
    // Locations: areas or grid cells (empty cells too).
    std::vector<std::string> codes, names;
    std::vector<MultiPolygon> geometries;
    std::string locationDescription; ///< the areas' source, or "vierkanten van 500 m"
    std::string sourceDescription;   ///< the registrations' source
    std::string themeId;             ///< empty: all registrations
    int suppressBelow = 0;           ///< the model's (or theme's) disclosure threshold

    TimePeriod period = TimePeriod::Month;
    std::int64_t first = 0, last = 0; ///< period ordinals, inclusive
    std::size_t steps = 0;
    SpaceTimeCube cube;           ///< registrations per location and period
    EmergingResult emerging;      ///< per bin and per location
    std::vector<int> classCounts; ///< locations per EmergingClass

    Contiguity contiguity = Contiguity::Queen;
    int timeLags = 1;
    double alpha = 0.05;
    bool fdr = true;
    std::string workingCrs;

    RecordAccounting accounting; ///< of the registrations read
    std::int64_t used = 0;       ///< registrations in the cube
};

/// Reads, counts per location and period, runs the emerging hot spot analysis. Throws InputError.
[[nodiscard]] TrendResult runTrendJob(const TrendOptions& options, Reporter& reporter);

} // namespace gebiedscan::pipeline
