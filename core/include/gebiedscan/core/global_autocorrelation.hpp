#pragma once
#include "gebiedscan/core/alternative.hpp"
#include "gebiedscan/core/spatial_weights.hpp"

#include <span>

namespace gebiedscan {

/// Which null distribution gives the moments of global Moran's I (spdep `moran.test`).
enum class MoranMoments {
    Randomisation, ///< spdep default: variance includes the sample kurtosis
    Normality,     ///< values assumed drawn from a normal distribution
};

/// A global test statistic with its analytic moments and standard deviate.
struct GlobalTestResult {
    double statistic = 0.0;   ///< Moran's I, or General G
    double expectation = 0.0; ///< E[statistic] under the null
    double variance = 0.0;    ///< Var[statistic] under the null
    double z = 0.0;           ///< (statistic - expectation) / sqrt(variance); 0 when undefined
    double p = 1.0;           ///< p-value of z under `alternative`
    Alternative alternative = Alternative::Greater;
    std::size_t n = 0;       ///< areas with at least one neighbour (spdep adjust.n)
    std::size_t islands = 0; ///< areas without neighbours (kept, contributing 0 to the lag)
    bool defined = true;     ///< false when the variance is not positive (e.g. constant values)
};

/// Global Moran's I exactly as spdep `moran.test(x, listw, zero.policy = TRUE)` (adjust.n =
/// TRUE: n counts areas with neighbours; the mean and kurtosis use all values). Any style.
[[nodiscard]] GlobalTestResult globalMoran(std::span<const double> x, const SpatialWeights& w,
                                           MoranMoments moments = MoranMoments::Randomisation,
                                           Alternative alternative = Alternative::Greater);

/// Getis-Ord General G exactly as spdep `globalG.test` (defaults: adjust.n, B1correct and
/// adjust.x TRUE). Intended for binary weights without self; values must be >= 0 (else InputError).
[[nodiscard]] GlobalTestResult generalG(std::span<const double> x, const SpatialWeights& w,
                                        Alternative alternative = Alternative::Greater);

} // namespace gebiedscan
