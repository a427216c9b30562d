#pragma once
#include "gebiedscan/core/road_network.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
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

/// How the kernel passes a junction, named as in the R package spNetwork (`nkde(method=)`).
enum class NetworkKdeMethod {
    /// Xie & Yan (2008): K(shortest-path distance); the kernel continues at full height into every
    /// branch, so an event's mass is not conserved at junctions (a dense street grid multiplies it).
    Simple,
    /// Okabe, Satoh & Sugihara (2009) equal split: at a node of degree n the kernel continues into
    /// each of the n-1 other branches divided by n-1. Mass 1 per event; the density jumps at nodes.
    Discontinuous,
    /// Okabe & Sugihara (2012) / Sugihara et al. (2010): at a node of degree n each other branch
    /// gets 2/n of the kernel and the incoming branch a reflected (2-n)/n; mass 1 and the density
    /// is continuous at nodes.
    Continuous,
};

/// The corrected default: continuous at junctions and one kernel mass per event.
inline constexpr NetworkKdeMethod kDefaultNetworkKdeMethod = NetworkKdeMethod::Continuous;

/// "simple", "discontinuous", "continuous" (spNetwork's names; used in outputs and on the CLI).
[[nodiscard]] std::string_view networkKdeMethodName(NetworkKdeMethod method);
/// The method for one of those names, or nullopt.
[[nodiscard]] std::optional<NetworkKdeMethod> parseNetworkKdeMethod(std::string_view name);

/// Network kernel density along lixels with the quartic kernel
/// K(d) = 15 / (16 h) (1 - (d/h)^2)^2 for d < h (per metre; reported per km, x 1000), d measured
/// along the network from the event. Simple: d is the shortest-path distance. Discontinuous and
/// continuous: the kernel travels every walk from the event up to h metres (no U-turn except at a
/// dead end, where it is reflected whole so no mass leaves the network; the continuous method
/// also reflects part at every junction), multiplied at each node as described at
/// NetworkKdeMethod; densities of all walks reaching a point add up (as spNetwork without
/// max_depth). Segments are cut into lixels of `lixelLength` metres (the last one shorter).
[[nodiscard]] std::vector<Lixel> networkKernelDensity(const RoadNetwork& network,
                                                      const std::vector<NetworkEvent>& events, double lixelLength,
                                                      double bandwidth,
                                                      NetworkKdeMethod method = kDefaultNetworkKdeMethod);

/// The exact integral over the whole network of one event's kernel (weight included), computed
/// analytically per piece of road: the weight for the corrected methods, more for the simple one
/// wherever the kernel reaches a junction. For checks and the method's explanation.
[[nodiscard]] double networkKernelMass(const RoadNetwork& network, const NetworkEvent& event, double bandwidth,
                                       NetworkKdeMethod method = kDefaultNetworkKdeMethod);

} // namespace gebiedscan
