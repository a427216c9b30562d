#pragma once
#include "gebiedscan/core/road_network.hpp"

#include <cstdint>
#include <vector>

namespace gebiedscan {

/// An event on the network: a segment, the distance along it (metres from its first vertex) and
/// a weight (1 per accident, or a severity weight).
struct NetworkEvent {
    std::int32_t segment = -1;
    double offset = 0.0;
    double weight = 1.0;
};

/// A lixel: a piece of a segment [from, to] (metres along it) with the density at its centre.
struct Lixel {
    std::int32_t segment = -1;
    double from = 0.0, to = 0.0;
    double density = 0.0; ///< weighted events per kilometre of road
};

/// Network kernel density along lixels, the "simple" method of Xie & Yan (2008) as named in the
/// R package spNetwork: density(c) = sum_i w_i K(d_i(c)) with d the shortest-path distance along
/// the network from event i to the lixel centre c, and the quartic kernel
/// K(d) = 15 / (16 h) (1 - (d/h)^2)^2 for d < h (per metre; reported per km, x 1000).
/// On a single road an event's density integrates to its weight; at a junction of degree n the
/// simple method lets the kernel continue at full height into every branch, so mass is not
/// conserved there (spNetwork's "discontinuous"/"continuous" methods correct this; not done here).
/// Segments are cut into lixels of `lixelLength` metres (the last one shorter).
[[nodiscard]] std::vector<Lixel> networkKernelDensity(const RoadNetwork& network,
                                                      const std::vector<NetworkEvent>& events, double lixelLength,
                                                      double bandwidth);

} // namespace gebiedscan
