#pragma once
#include "gebiedscan/core/spatial_weights.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace gebiedscan {

/// Empirical Bayes smoothed rates for small areas (Marshall 1991), as GeoDa and R spdep compute them.
///
/// Rates are per person (count / population); multiply by 1,000 for "per 1.000 inwoners".
/// An area whose population is not > 0 (or whose count or population is not finite) has no rate:
/// it gets NaN in every rate vector, is left out of every sum, and is not anyone's neighbour (as
/// if it had been removed from the layer before calling spdep, which stops on such areas).

/// Global EB (spdep `EBest`, family "poisson", method of moments): the prior mean is the regional
/// rate b = sum counts / sum population, the prior variance a = s^2 - b / mean population (0 when
/// negative), with s^2 = sum_i P_i (r_i - b)^2 / sum P; smoothed r_i = b + a (r_i - b) / (a + b / P_i).
struct GlobalEbRates {
    std::vector<double> raw;
    std::vector<double> smoothed;
    double priorMean = 0.0;     ///< b
    double priorVariance = 0.0; ///< a
};

[[nodiscard]] GlobalEbRates globalEmpiricalBayes(std::span<const double> counts, std::span<const double> populations);

/// Which local prior variance (the two differ in the mean taken inside the sum).
enum class LocalEbVariant {
    Spdep, ///< spdep `EBlocal(geoda = FALSE)`: C_i = sum_{j in N_i+i} P_j (r_j - m_j)^2 (each j's own m_j)
    GeoDa, ///< spdep `EBlocal(geoda = TRUE)` and GeoDa: C_i = sum_{j in N_i+i} P_j (r_j - m_i)^2
};

/// Local (spatial) EB: the prior of area i comes from i and its neighbours N_i (the structure of
/// `neighbours`; its weight values are ignored, as spdep uses binary weights with self included):
/// m_i = sum counts / sum population over N_i + i, a_i = C_i / sum P - m_i / mean P (0 when
/// negative), smoothed r_i = m_i + (r_i - m_i) a_i / (a_i + m_i / P_i). An island uses itself only
/// (so its smoothed rate is its raw rate). Where a_i + m_i / P_i = 0 (no events around at all) the
/// smoothed rate is m_i (spdep gives NaN there).
struct LocalEbRates {
    std::vector<double> raw;
    std::vector<double> smoothed;
    std::vector<double> priorMean;     ///< m_i
    std::vector<double> priorVariance; ///< a_i
};

[[nodiscard]] LocalEbRates localEmpiricalBayes(std::span<const double> counts, std::span<const double> populations,
                                               const SpatialWeights& neighbours,
                                               LocalEbVariant variant = LocalEbVariant::Spdep);

/// When a rate is too unstable to mean anything by itself.
///
/// Rule: an area is flagged when its population is below `minimumPopulation`, or when the count it
/// would have at the regional rate (b P_i) is below `minimumExpected`. With 5 expected events the
/// relative standard error of a Poisson count is 1 / sqrt(5) = 45 %: a raw rate can then easily be
/// half or double the true one, so it is shown only beside its smoothed value. Areas without
/// population are flagged too.
struct SmallAreaRule {
    double minimumPopulation = 50.0;
    double minimumExpected = 5.0;
};

[[nodiscard]] std::vector<std::uint8_t> smallAreaFlags(std::span<const double> populations, double regionalRate,
                                                       const SmallAreaRule& rule = {});

/// Everything a scan shows per area: raw, global EB and local EB rate and the small-area flag.
struct EmpiricalBayesRates {
    GlobalEbRates global;
    LocalEbRates local;
    std::vector<std::uint8_t> tooSmall;
};

/// Global and local EB rates and the small-area flags in one call (local on `neighbours`, e.g.
/// contiguityWeights(areas, Contiguity::Queen)).
[[nodiscard]] EmpiricalBayesRates empiricalBayesRates(std::span<const double> counts,
                                                      std::span<const double> populations,
                                                      const SpatialWeights& neighbours, const SmallAreaRule& rule = {},
                                                      LocalEbVariant variant = LocalEbVariant::Spdep);

} // namespace gebiedscan
