#pragma once
// Registrations around facilities measured along the road network (`facilities --by-network`):
// the same counts as countAroundFacilities, with the shortest-path distance over the roads
// instead of the straight line.
#include "gebiedscan/core/facility_counts.hpp"
#include "gebiedscan/core/road_network.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace gebiedscan {

struct NetworkFacilityCountOptions {
    FacilityCountOptions count; ///< radius, ring factor, nearest only, threads
    /// metres: a registration or a facility's vertex farther from every road is not on the network
    double snapTolerance = 50.0;
};

struct NetworkFacilityCounts {
    FacilityCounts counts; ///< as countAroundFacilities, with network distances
    /// [facility]: metres of road within the radius, and within ringFactor * radius (the network
    /// analogue of the disc and ring areas, for the density and the test against the ring).
    std::vector<double> discLength, reachLength;
    /// [facility]: at least one of its vertices was snapped to the network.
    std::vector<bool> onNetwork;
    std::uint64_t registrationsOnNetwork = 0; ///< registrations within the snap tolerance of a road
};

/// Counts `points` (with group[i] < groups) within `radius` metres of each facility along the
/// network. Each registration is snapped to its nearest road point (RoadNetwork::nearest); each
/// facility to the nearest road point of every vertex of its shape (a point; a line's vertices; a
/// polygon's ring vertices), and its distance is the shortest over those starts. The distance is
/// measured along the roads between the snapped points: the legs from the address to the road are
/// not added. A bounded multi-source Dijkstra per facility (to ringFactor * radius) and the
/// registrations of each segment sorted by position give the counts; segments are undirected.
[[nodiscard]] NetworkFacilityCounts countAlongNetwork(const RoadNetwork& network,
                                                      const std::vector<FacilityShape>& facilities,
                                                      std::span<const PointRd> points,
                                                      std::span<const std::uint32_t> group, std::size_t groups,
                                                      const NetworkFacilityCountOptions& options);

} // namespace gebiedscan
