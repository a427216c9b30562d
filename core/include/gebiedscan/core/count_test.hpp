#pragma once
#include <cstdint>

namespace gebiedscan {

/// Binomial probability mass P(X = k), X ~ Bin(n, p), in Loader's saddle-point form (as R's dbinom).
[[nodiscard]] double binomialPmf(std::uint64_t k, std::uint64_t n, double p);

/// Two-sided exact binomial test p-value, defined as R's `binom.test(x, n, p)`: the total
/// probability of outcomes no more likely than x (relative tolerance 1e-7).
[[nodiscard]] double binomialTestTwoSided(std::uint64_t x, std::uint64_t n, double p);

/// Exact conditional test that two Poisson counts share one rate: `current` events in exposure
/// `currentExposure` against `reference` events in `referenceExposure` (e.g. days). Conditional
/// on the total, current ~ Bin(total, tc / (tc + tr)); equals R's `poisson.test(c(current,
/// reference), c(tc, tr))$p.value`. Returns 1 when both counts are 0.
[[nodiscard]] double poissonRatioTest(std::uint64_t current, double currentExposure, std::uint64_t reference,
                                      double referenceExposure);

} // namespace gebiedscan
