#pragma once
// Registrations around facilities ("hot facilities", Eck, Clarke and Guerette 2007): per
// facility the registrations within a radius, per group (theme), and the registrations in a
// ring around it for the comparison with the local density.
#include "gebiedscan/core/geometry.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace gebiedscan {

/// A facility's geometry in the working CRS (metres): points (a school's point, a multipoint),
/// lines or polygons (a building, a shopping centre). Distance is to the nearest part; a point
/// inside a polygon is at distance 0.
struct FacilityShape {
    std::vector<PointRd> points;
    std::vector<std::vector<PointRd>> lines;
    MultiPolygon polygons;
};

/// Euclidean distance from p to the shape (0 inside a polygon); +infinity for an empty shape.
[[nodiscard]] double distanceToFacility(const FacilityShape& shape, const PointRd& p);

/// Area (m²) of the set of points within `radius` of the shape, by Steiner's formula for convex
/// sets: area + perimeter * r + pi r² for a polygon (summed over its parts; holes and concave
/// parts make it an upper bound), length * 2r + pi r² per line, pi r² per point (overlap of the
/// parts' buffers is not subtracted). Used for densities only.
[[nodiscard]] double facilityBufferArea(const FacilityShape& shape, double radius);

struct FacilityCountOptions {
    double radius = 200.0;    ///< metres: a registration at distance <= radius counts
    double ringFactor = 5.0;  ///< the comparison ring: radius < distance <= ringFactor * radius
    bool nearestOnly = false; ///< count a registration only for its nearest facility (ties: lowest index)
    unsigned threads = 0;     ///< 0 = hardware concurrency
};

struct FacilityCounts {
    std::size_t facilities = 0;
    std::size_t groups = 0;
    /// [facility * groups + group]: registrations within the radius (every facility it is near,
    /// or only its nearest with nearestOnly).
    std::vector<std::uint64_t> inRadius;
    /// [facility]: all registrations within the radius (regardless of nearestOnly), for the test.
    std::vector<std::uint64_t> inRadiusAll;
    /// [facility]: registrations in the ring radius < d <= ringFactor * radius.
    std::vector<std::uint64_t> inRing;
    /// Registrations within the radius of at least one facility.
    std::uint64_t nearAny = 0;
};

/// Counts `points` (with group[i] < groups) around `facilities`. A uniform grid over the
/// facilities (cells of ringFactor * radius) gives each point its candidates; only exact
/// distances decide. Cost about points x facilities within ringFactor * radius.
[[nodiscard]] FacilityCounts countAroundFacilities(const std::vector<FacilityShape>& facilities,
                                                   std::span<const PointRd> points,
                                                   std::span<const std::uint32_t> group, std::size_t groups,
                                                   const FacilityCountOptions& options);

/// Whether the count within the radius is higher than the ring around it predicts: under equal
/// density the count in the disc, given disc + ring, is Binomial(disc + ring, A_disc / (A_disc +
/// A_ring)) (the exact conditional test of two Poisson counts, one-sided, as R's
/// poisson.test(c(disc, ring), c(A_disc, A_ring), alternative = "greater")).
struct FacilityExcess {
    double expected = 0.0; ///< ring count * A_disc / A_ring
    double p = 1.0;        ///< one-sided p-value
};

[[nodiscard]] FacilityExcess facilityExcess(std::uint64_t inDisc, std::uint64_t inRing, double discArea,
                                            double ringArea);

/// One point of the Eck-Clarke-Guerette concentration curve: the top `facilities` (by count)
/// hold `registrations`.
struct ConcentrationPoint {
    double facilityShare = 0.0; ///< 0..1
    std::size_t facilities = 0;
    std::uint64_t registrations = 0;
    double registrationShare = 0.0; ///< 0..1 of the sum over all facilities
};

/// The curve at the given shares of facilities (e.g. 0.05, 0.10, ..., 1.0); the top k are the
/// ceil(share * n) facilities with the highest counts.
[[nodiscard]] std::vector<ConcentrationPoint> concentrationCurve(std::span<const std::uint64_t> counts,
                                                                 std::span<const double> shares);

} // namespace gebiedscan
