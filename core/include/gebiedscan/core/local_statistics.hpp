#pragma once
#include "gebiedscan/core/alternative.hpp"
#include "gebiedscan/core/spatial_weights.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace gebiedscan {

/// LISA quadrant of an area: its own value against the mean, and the spatial lag of the
/// deviations against 0 (spdep's "pysal" quadrants, as GeoDa). None for islands.
enum class LisaQuadrant : std::uint8_t { None, HighHigh, LowLow, HighLow, LowHigh };

/// Local Moran's I_i per area (spdep `localmoran`, defaults: conditional moments, divisor n).
struct LocalMoranResult {
    std::vector<double> ii;          ///< I_i = (z_i / m2) sum_j w_ij z_j, m2 = sum z^2 / n
    std::vector<double> expectation; ///< E[I_i], conditional on z_i
    std::vector<double> variance;    ///< Var[I_i], conditional on z_i
    std::vector<double> z;           ///< (I_i - E) / sqrt(Var); 0 where Var is 0 (islands, z_i = 0)
    std::vector<double> p;           ///< analytic p-value of z under the alternative; 1 where z is 0 by definition
    std::vector<LisaQuadrant> quadrant;
    std::size_t islands = 0;
};

/// Local Moran's I with spdep's default moments: `localmoran(x, listw, conditional = TRUE,
/// mlvar = TRUE, zero.policy = TRUE)`. Use row-standardised weights without self for the
/// usual LISA. Never returns NaN: where spdep's z is 0/0 (islands, x_i equal to the mean,
/// constant x) z = 0 and p = 1.
[[nodiscard]] LocalMoranResult localMoran(std::span<const double> x, const SpatialWeights& w,
                                          Alternative alternative = Alternative::TwoSided);

/// Getis-Ord local G per area (spdep `localG`): Gi* when the weights include self
/// (`SpatialWeights::withSelf()`), Gi otherwise. The z-values do not depend on the style.
struct LocalGResult {
    bool star = false;
    std::vector<double> z;           ///< standard deviate (Getis & Ord 1992; ArcGIS GiZScore)
    std::vector<double> p;           ///< analytic p-value of z under the alternative
    std::vector<double> g;           ///< G_i = sum_j w_ij x_j / sum_(j (!= i)) x_j
    std::vector<double> expectation; ///< E[G_i]
    std::vector<double> variance;    ///< Var[G_i]
    std::size_t islands = 0;         ///< areas without neighbours (Gi* then compares x_i alone)
};

/// Local G / G* as spdep `localG(x, listw, zero.policy = TRUE, return_internals = TRUE)`.
/// Where the variance is 0 (a Gi island, constant x) z = 0 and p = 1 instead of NaN.
[[nodiscard]] LocalGResult localG(std::span<const double> x, const SpatialWeights& w,
                                  Alternative alternative = Alternative::TwoSided);

} // namespace gebiedscan
