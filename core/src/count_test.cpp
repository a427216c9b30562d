#include "gebiedscan/core/count_test.hpp"

#include <algorithm>
#include <cmath>

namespace gebiedscan {

namespace {

// Loader's saddle-point form of the binomial pmf (C. Loader, "Fast and accurate computation of
// binomial probabilities", 2000), the one R's dbinom uses: exact to about 1e-15 relative also
// where lgamma(n + 1) is so large (2e6 registrations: 2.7e7) that its rounding alone moves a
// probability by 1e-9.

// log(k!) - log(sqrt(2 pi k) (k / e)^k), Stirling's error.
double stirlingError(double k)
{
    constexpr double kLogSqrtTwoPi = 0.918938533204672741780329736406; // log(sqrt(2 pi))
    if (k <= 15.0) return std::lgamma(k + 1.0) - (k + 0.5) * std::log(k) + k - kLogSqrtTwoPi;
    const double kk = k * k; // the asymptotic series 1/12k - 1/360k^3 + 1/1260k^5 - ...
    return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / 1188 / kk) / kk) / kk) / kk) / k;
}

// k log(k / mean) + mean - k without the cancellation when k is near the mean.
double deviance(double k, double mean)
{
    if (std::abs(k - mean) >= 0.1 * (k + mean)) return k * std::log(k / mean) + mean - k;
    const double v = (k - mean) / (k + mean);
    double sum = (k - mean) * v, term = 2.0 * k * v;
    for (int j = 1; j < 1000; ++j) { // 2k (v^3/3 + v^5/5 + ...), |v| < 0.1: a few terms
        term *= v * v;
        const double next = sum + term / (2 * j + 1);
        if (next == sum) break;
        sum = next;
    }
    return sum;
}

} // namespace

double binomialPmf(std::uint64_t k, std::uint64_t n, double p)
{
    if (k > n) return 0.0;
    if (p <= 0.0) return k == 0 ? 1.0 : 0.0;
    if (p >= 1.0) return k == n ? 1.0 : 0.0;
    const double kd = static_cast<double>(k), nd = static_cast<double>(n), q = 1.0 - p;
    if (k == 0) return std::exp(nd * std::log1p(-p));
    if (k == n) return std::exp(nd * std::log(p));
    constexpr double kTwoPi = 6.283185307179586476925286766559;
    const double exponent = stirlingError(nd) - stirlingError(kd) - stirlingError(nd - kd) - deviance(kd, nd * p) -
                            deviance(nd - kd, nd * q);
    return std::exp(exponent) * std::sqrt(nd / (kTwoPi * kd * (nd - kd)));
}

namespace {

// The sum of pmf(k) from k = `from` away from the mode (step +1 or -1) to the end of [0, n]: the
// first term exactly, the next ones by the ratio of neighbouring terms. Away from the mode the
// ratio is below 1 and falls further, so once the rest (at most term / (1 - ratio)) cannot
// change the sum in double precision the loop stops: a few hundred terms, not n.
double tailFrom(std::uint64_t from, int step, std::uint64_t n, double p)
{
    const double odds = p / (1.0 - p), nd = static_cast<double>(n);
    double term = binomialPmf(from, n, p), total = 0.0;
    for (std::uint64_t k = from;;) {
        total += term;
        if (step > 0 ? k == n : k == 0) return total;
        const double kd = static_cast<double>(k);
        const double ratio = step > 0 ? (nd - kd) / (kd + 1.0) * odds : kd / ((nd - kd + 1.0) * odds);
        term *= ratio;
        k = step > 0 ? k + 1 : k - 1;
        if (term == 0.0 || (ratio < 1.0 && term < total * (1.0 - ratio) * 1e-17)) return total;
    }
}

} // namespace

double binomialTestTwoSided(std::uint64_t x, std::uint64_t n, double p)
{
    if (n == 0) return 1.0;
    if (p <= 0.0) return x == 0 ? 1.0 : 0.0;
    if (p >= 1.0) return x == n ? 1.0 : 0.0;
    const double relErr = 1 + 1e-7;
    const double d = binomialPmf(x, n, p) * relErr;
    const double m = static_cast<double>(n) * p;
    const double xd = static_cast<double>(x);
    if (xd == m) return 1.0;
    // As R's binom.test: the outcomes at most as likely as x, those on x's own tail beyond x plus
    // those on the other side of the mean with pmf <= d. The mode lies in [floor(m), ceil(m)],
    // so beyond the mean the pmf only falls: the other side's outcomes are one range at its end,
    // found by bisection.
    if (xd < m) {
        std::uint64_t lo = static_cast<std::uint64_t>(std::ceil(m)), hi = n + 1; // first k with pmf(k) <= d
        while (lo < hi) {
            const std::uint64_t mid = lo + (hi - lo) / 2;
            if (binomialPmf(mid, n, p) <= d)
                hi = mid;
            else
                lo = mid + 1;
        }
        const double far = lo <= n ? tailFrom(lo, +1, n, p) : 0.0;
        return std::min(1.0, tailFrom(x, -1, n, p) + far);
    }
    std::int64_t lo = -1, hi = static_cast<std::int64_t>(std::floor(m)); // last k with pmf(k) <= d
    while (lo < hi) {
        const std::int64_t mid = hi - (hi - lo) / 2;
        if (binomialPmf(static_cast<std::uint64_t>(mid), n, p) <= d)
            lo = mid;
        else
            hi = mid - 1;
    }
    const double far = lo >= 0 ? tailFrom(static_cast<std::uint64_t>(lo), -1, n, p) : 0.0;
    return std::min(1.0, tailFrom(x, +1, n, p) + far);
}

double poissonRatioTest(std::uint64_t current, double currentExposure, std::uint64_t reference,
                        double referenceExposure)
{
    const std::uint64_t n = current + reference;
    if (n == 0) return 1.0;
    return binomialTestTwoSided(current, n, currentExposure / (currentExposure + referenceExposure));
}

} // namespace gebiedscan
