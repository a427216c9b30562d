#pragma once
#include "gebiedscan/core/accident.hpp"
#include "gebiedscan/core/road_network.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace gebiedscan {

/// What happened to an input row. Every row lands in exactly one bucket (reported in
/// summary.json); only PlacedById and Snapped accidents are analysed.
enum class AccidentBucket : std::uint8_t {
    PlacedById = 0,    ///< on the network by its WVK_ID and/or JTE_ID
    Snapped,           ///< snapped to the nearest segment within the snap tolerance
    BeyondTolerance,   ///< has a point, but no segment lies within the snap tolerance
    MissingLocation,   ///< no point and no usable WVK_ID/JTE_ID
    UnknownNetworkId,  ///< WVK_ID/JTE_ID not in the network and no point to snap
    DuplicatePartyRow, ///< a further party row of an accident already counted
    MissingYear,       ///< no year or date: cannot be put in the period
    OutsidePeriod,     ///< year outside the analysis period
};
constexpr std::size_t kAccidentBucketCount = 8;

/// snake_case name used in summary.json ("placed_by_id", "snapped", ...).
[[nodiscard]] const char* bucketName(AccidentBucket b);

/// How accidents are put on the network.
struct PlacementOptions {
    double snapTolerance = 25.0; ///< metres; accidents farther from every segment are not placed
    bool useNetworkIds = true;   ///< use WVK_ID/JTE_ID when they match the network
    int firstYear = 0;           ///< analysis period, inclusive
    int lastYear = 9999;
};

/// Where one accident is on the network.
struct Placement {
    AccidentBucket bucket = AccidentBucket::MissingLocation;
    std::int32_t segment = RoadNetwork::kNone; ///< segment it lies on, or kNone (junction id only)
    double offset = 0.0;                       ///< metres along the segment from its first vertex
    std::int32_t node = RoadNetwork::kNone;    ///< junction given by JTE_ID, or kNone
    double snapDistance = 0.0;                 ///< metres from the accident point to the network
    bool approximateOffset = false;            ///< placed by WVK_ID without a point: segment midpoint
    /// True for PlacedById and Snapped.
    [[nodiscard]] bool placed() const
    {
        return bucket == AccidentBucket::PlacedById || bucket == AccidentBucket::Snapped;
    }
};

/// Places accidents, one Placement per accident:
/// missing year -> outside period -> JTE_ID (node) and WVK_ID (segment, the point projected on it,
/// else its midpoint) when they exist in the network -> nearest segment within the tolerance ->
/// beyond_tolerance / unknown_network_id / missing_location.
[[nodiscard]] std::vector<Placement> placeAccidents(const RoadNetwork& network, const std::vector<Accident>& accidents,
                                                    const PlacementOptions& options);

/// Row counts per bucket, given the deduplication (duplicate rows) and the placements.
[[nodiscard]] std::array<std::size_t, kAccidentBucketCount> countBuckets(const DeduplicationResult& dedup,
                                                                         const std::vector<Placement>& placements);

} // namespace gebiedscan
