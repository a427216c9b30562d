#pragma once
#include "gebiedscan/core/geometry.hpp"
#include "gebiedscan/core/spatial_weights.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace gebiedscan {

/// Spatial weights between points (incidents, area centroids) in the metric working CRS.
///
/// All builders bucket the points in a uniform grid, so the cost is about n times the number of
/// neighbours, not n^2. Coincident points (several incidents geocoded to one address) are ordinary
/// neighbours at distance 0, as in spdep `dnearneigh(x, 0, d)` and `knearneigh`.

/// k nearest neighbours of every point (spdep `knn2nb(knearneigh(x, k))`): binary, not symmetric.
/// Ties at the k-th distance are broken by the lower point index. Throws InputError when k >= n.
[[nodiscard]] SpatialWeights knnWeights(std::span<const PointRd> points, std::size_t k);

/// Binary distance band: j is a neighbour of i when 0 <= d(i, j) <= band metres (spdep
/// `dnearneigh(x, 0, band)`). Symmetric. Points with nobody within the band are islands.
[[nodiscard]] SpatialWeights distanceBandWeights(std::span<const PointRd> points, double band);

/// Inverse-distance weights w_ij = 1 / max(d, minDistance)^power within `band` metres (use
/// infinity for all pairs, which is O(n^2)). `minDistance` (metres, > 0) keeps coincident points
/// finite: they get the weight of points minDistance apart instead of an infinite one.
[[nodiscard]] SpatialWeights inverseDistanceWeights(std::span<const PointRd> points, double band, double power = 1.0,
                                                    double minDistance = 1.0);

/// Largest nearest-neighbour distance: the smallest band that leaves no point an island
/// (ArcGIS's default threshold distance). 0 for fewer than two points.
[[nodiscard]] double islandFreeBand(std::span<const PointRd> points);

/// Distance from every point to its nearest other point (0 when it coincides with another).
[[nodiscard]] std::vector<double> nearestNeighbourDistances(std::span<const PointRd> points);

/// Coincident points in a point set.
struct CoincidenceReport {
    std::size_t locations = 0;      ///< distinct locations holding more than one point
    std::size_t pointsAffected = 0; ///< points sharing their location with at least one other
    std::size_t largestGroup = 0;   ///< most points at one location
};

/// Counts exactly coincident points (equal x and y).
[[nodiscard]] CoincidenceReport findCoincidentPoints(std::span<const PointRd> points);

} // namespace gebiedscan
