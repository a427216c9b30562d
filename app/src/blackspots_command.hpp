#pragma once
// `gebiedscan blackspots`: the options and the run as a function, so tests can call it directly.
#include "gebiedscan/core/black_spots.hpp"
#include "gebiedscan/gis/accident_reader.hpp"
#include "gebiedscan/gis/road_network_reader.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::app {

/// Everything the command line can set. Empty / unset values take the preset's or the default.
struct BlackSpotsCli {
    gis::SourceSpec roads;
    gis::SourceSpec accidents;
    gis::SourceSpec points;             ///< BRON puntlocaties (optional; path empty = none)
    gis::AccidentFields accidentFields; ///< overrides of the detected accident fields
    gis::RoadFields roadFields;         ///< overrides of the detected road fields
    std::string assumeCrs;              ///< CRS for road/accident layers without one (unless set per layer)
    std::string preset;                 ///< kruispunt-6-3, rijkswaterstaat, amsterdam, vlaanderen
    std::optional<int> minCount, years, lastYear;
    std::string severity; ///< "LET,DOD"
    std::optional<double> minScore;
    std::string weights;   ///< "DOD=5,ZKH=3,LET=1,UMS=0"
    std::string locations; ///< junctions, sections or both (default: the preset's)
    std::optional<double> window, step, radius, snapTolerance;
    double nodeTolerance = 0.5; ///< endpoint snapping when topology comes from geometry
    bool nearestJunction = false, allJunctions = false, empiricalBayes = false, ignoreNetworkIds = false;
    bool strictRoutes = false;          ///< routes only through degree-2 nodes
    gis::SourceSpec areas;              ///< optional areas (buurten, wijken, ...) for theme 4.1 per area
    std::optional<double> kdeBandwidth; ///< network KDE along lixels when set (metres)
    double kdeLixel = 10.0;             ///< lixel length (metres)
    bool kdeWeighted = false;           ///< KDE weights accidents by the severity weights
    std::string workingCrs = "EPSG:28992";
    std::string csv = "nl"; ///< nl: ';' and decimal comma; intl
    std::string out;
    bool quiet = false;
};

/// Runs the analysis and writes blackspots.gpkg (layers junctions, sections, accidents, and kde
/// when kdeBandwidth is set, areas when areas.path is set),
/// blackspots_junctions.shp, blackspots_sections.shp, blackspots.csv and summary.json to `out`.
/// Returns the analysis result. Throws InputError / OutputError.
BlackSpotResult runBlackSpots(const BlackSpotsCli& cli);

/// Parses "DOD=5,ZKH=3,LET=1,UMS=0" (ZKH = LET with hospital admission) over `base`.
[[nodiscard]] SeverityWeights parseWeights(const std::string& text, SeverityWeights base);

} // namespace gebiedscan::app
