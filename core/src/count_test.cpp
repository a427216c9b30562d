#include "gebiedscan/core/count_test.hpp"

#include <algorithm>
#include <cmath>

namespace gebiedscan {

double binomialPmf(std::uint64_t k, std::uint64_t n, double p)
{
    if (k > n) return 0.0;
    if (p <= 0.0) return k == 0 ? 1.0 : 0.0;
    if (p >= 1.0) return k == n ? 1.0 : 0.0;
    const double kd = static_cast<double>(k), nd = static_cast<double>(n);
    const double logPmf = std::lgamma(nd + 1) - std::lgamma(kd + 1) - std::lgamma(nd - kd + 1) + kd * std::log(p) +
                          (nd - kd) * std::log1p(-p);
    return std::exp(logPmf);
}

double binomialTestTwoSided(std::uint64_t x, std::uint64_t n, double p)
{
    if (n == 0) return 1.0;
    const double relErr = 1 + 1e-7;
    const double d = binomialPmf(x, n, p);
    const double m = static_cast<double>(n) * p;
    const double xd = static_cast<double>(x);
    if (xd == m) return 1.0;
    // Sum the probabilities of all outcomes at most as likely as x: those on x's own tail
    // beyond x, plus the ones on the other side of the mean with pmf <= d.
    double total = 0.0;
    if (xd < m) {
        for (std::uint64_t k = 0; k <= x; ++k) total += binomialPmf(k, n, p);
        for (auto k = static_cast<std::uint64_t>(std::ceil(m)); k <= n; ++k) {
            const double pk = binomialPmf(k, n, p);
            if (pk <= d * relErr) total += pk;
        }
    } else {
        for (std::uint64_t k = x; k <= n; ++k) total += binomialPmf(k, n, p);
        for (std::uint64_t k = 0; static_cast<double>(k) <= std::floor(m); ++k) {
            const double pk = binomialPmf(k, n, p);
            if (pk <= d * relErr) total += pk;
        }
    }
    return std::min(1.0, total);
}

double poissonRatioTest(std::uint64_t current, double currentExposure, std::uint64_t reference,
                        double referenceExposure)
{
    const std::uint64_t n = current + reference;
    if (n == 0) return 1.0;
    return binomialTestTwoSided(current, n, currentExposure / (currentExposure + referenceExposure));
}

} // namespace gebiedscan
