#pragma once
// `gebiedscan blackspots` as a job: traffic black spots (junctions and road sections with many
// injury or fatal accidents) from a road network and registered accidents, with theme 4.1 per area
// and a network KDE when asked. Writing is writeBlackSpotOutputs (blackspot_writer.hpp).
// Named BlackSpotJob* because core's BlackSpotOptions/BlackSpotResult are the analysis itself.
#include "gebiedscan/core/black_spots.hpp"
#include "gebiedscan/core/network_kde.hpp"
#include "gebiedscan/core/road_network.hpp"
#include "gebiedscan/gis/accident_reader.hpp"
#include "gebiedscan/gis/area_reader.hpp"
#include "gebiedscan/gis/road_network_reader.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

class Reporter;

/// Everything a black-spot run can be given. Empty / unset values take the preset's or the default.
struct BlackSpotJobOptions {
    gis::SourceSpec roads;
    gis::SourceSpec accidents;
    gis::SourceSpec points;             ///< BRON puntlocaties (optional; path empty = none)
    gis::AccidentFields accidentFields; ///< overrides of the detected accident fields
    gis::RoadFields roadFields;         ///< overrides of the detected road fields
    std::string assumeCrs;              ///< CRS for road/accident layers without one (unless set per layer)
    std::string preset;                 ///< kruispunt-6-3, rijkswaterstaat, amsterdam, vlaanderen
    std::optional<int> minCount, years, lastYear;
    std::string severity; ///< "LET,DOD"; "any": every accident, also without a severity field
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
    std::string kdeMethod;              ///< simple, discontinuous or continuous; empty = the default
    std::string workingCrs = "EPSG:28992";
};

/// Theme 4.1 (verkeersveiligheid) per area: analysed accidents by severity, the black spots in
/// the area (junction point; section midpoint) and the accidents counted in them.
struct BlackSpotAreaCounts {
    gis::AreaLayer layer;
    std::vector<std::int64_t> total, fatal, injury, damageOnly; ///< per area
    std::vector<std::int64_t> junctions, sections, inSpots;     ///< per area
};

/// Everything a black-spot run found, for the writer, the printed summary and in-process callers.
struct BlackSpotJobResult {
    BlackSpotResult analysis;             ///< junctions, sections, placements, buckets
    gebiedscan::BlackSpotOptions options; ///< the analysis settings used (criteria after the preset)
    gis::RoadLayer roads;                 ///< the road layer as read (description, fields, counts)
    gis::AccidentLayer accidents;         ///< the accident layer as read
    std::unique_ptr<const RoadNetwork> network;
    std::size_t bucketTotal = 0;              ///< == analysis.inputRows (checked)
    int junctionBlackSpots = 0;               ///< reported junctions that meet the definition
    std::optional<BlackSpotAreaCounts> areas; ///< when areas were given
    std::optional<std::vector<Lixel>> kde;    ///< when a KDE bandwidth was given
    double nodeTolerance = 0.5;
    std::optional<double> kdeBandwidth;
    double kdeLixel = 10.0;
    bool kdeWeighted = false;
    NetworkKdeMethod kdeMethod = kDefaultNetworkKdeMethod;
    std::string workingCrs;
};

/// Reads the roads and accidents, builds the network, finds the black spots, counts per area and
/// runs the network KDE when asked. Throws InputError, or Error when the accounting does not add up.
[[nodiscard]] BlackSpotJobResult runBlackSpotJob(const BlackSpotJobOptions& options, Reporter& reporter);

/// Parses "DOD=5,ZKH=3,LET=1,UMS=0" (ZKH = LET with hospital admission) over `base`.
[[nodiscard]] SeverityWeights parseWeights(const std::string& text, SeverityWeights base);

/// Whether a definition looks at severity (a rule on DOD/LET/UMS or hospital admission, or a
/// minimum score): false only when every accident counts (`--severity any`).
[[nodiscard]] bool criteriaNeedSeverity(const BlackSpotCriteria& criteria);

/// The criteria of the options: the preset, or a custom definition, with the options' changes.
/// `severity` "any" (or "alle") counts every accident, of unknown severity too.
[[nodiscard]] BlackSpotCriteria blackSpotCriteria(const BlackSpotJobOptions& options);

} // namespace gebiedscan::pipeline
