#include "gebiedscan/core/global_autocorrelation.hpp"

#include "gebiedscan/core/error.hpp"

#include <cmath>

namespace gebiedscan {

namespace {

void finish(GlobalTestResult& r)
{
    r.defined = std::isfinite(r.statistic) && std::isfinite(r.variance) && r.variance > 0.0;
    r.z = r.defined ? (r.statistic - r.expectation) / std::sqrt(r.variance) : 0.0;
    if (!std::isfinite(r.z)) {
        r.z = 0.0;
        r.defined = false;
    }
    if (!std::isfinite(r.statistic)) r.statistic = 0.0;
    r.p = r.defined ? normalPValue(r.z, r.alternative) : 1.0;
}

void checkSize(std::span<const double> x, const SpatialWeights& w)
{
    if (x.size() != w.size()) throw InputError("value count differs from area count");
    for (double v : x)
        if (!std::isfinite(v)) throw InputError("missing or non-finite value in the analysis field");
}

} // namespace

GlobalTestResult globalMoran(std::span<const double> x, const SpatialWeights& w, MoranMoments moments,
                             Alternative alternative)
{
    checkSize(x, w);
    GlobalTestResult r;
    r.alternative = alternative;
    const WeightsConstants c = weightsConstants(w);
    r.n = static_cast<std::size_t>(c.n);
    r.islands = w.size() - r.n;
    const auto nAll = static_cast<double>(x.size());
    double mean = 0.0;
    for (double v : x) mean += v;
    mean /= nAll;
    std::vector<double> z(x.size());
    double zz = 0.0, z4 = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        z[i] = x[i] - mean;
        zz += z[i] * z[i];
        z4 += z[i] * z[i] * z[i] * z[i];
    }
    const std::vector<double> lz = w.lag(z);
    double zlz = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) zlz += z[i] * lz[i];
    const double n = c.n, n1 = n - 1, n2 = n - 2, n3 = n - 3, nn = n * n, s02 = c.s0 * c.s0;
    r.statistic = (n / c.s0) * (zlz / zz);
    // Kurtosis over all values, as spdep's moran() (length(x), not the adjusted n).
    const double k = nAll * z4 / (zz * zz);
    r.expectation = -1.0 / n1;
    if (moments == MoranMoments::Randomisation) {
        double vi = n * (c.s1 * (nn - 3 * n + 3) - n * c.s2 + 3 * s02);
        const double tmp = k * (c.s1 * (nn - n) - 2 * n * c.s2 + 6 * s02);
        vi = (vi - tmp) / (n1 * n2 * n3 * s02);
        r.variance = vi - r.expectation * r.expectation;
    } else {
        r.variance = (nn * c.s1 - n * c.s2 + 3 * s02) / (s02 * (nn - 1)) - r.expectation * r.expectation;
    }
    finish(r);
    return r;
}

GlobalTestResult generalG(std::span<const double> x, const SpatialWeights& w, Alternative alternative)
{
    checkSize(x, w);
    for (double v : x)
        if (v < 0.0) throw InputError("General G needs values >= 0");
    GlobalTestResult r;
    r.alternative = alternative;
    const WeightsConstants c = weightsConstants(w);
    r.n = static_cast<std::size_t>(c.n);
    r.islands = w.size() - r.n;
    const std::vector<double> lx = w.lag(x);
    double numer = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) numer += x[i] * lx[i];
    // adjust.x: the sums over x use only areas with neighbours.
    double sx = 0, sx2 = 0, sx3 = 0, sx4 = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (w.isIsland(i)) continue;
        const double v = x[i];
        sx += v;
        sx2 += v * v;
        sx3 += v * v * v;
        sx4 += v * v * v * v;
    }
    const double n = c.n, n1 = n - 1, n2 = n - 2, n3 = n - 3, nn = n * n;
    const double s0 = c.s0, s1 = c.s1, s2 = c.s2, s02 = s0 * s0;
    r.statistic = numer / (sx * sx - sx2);
    r.expectation = s0 / (n * n1);
    const double b0 = (nn - 3 * n + 3) * s1 - n * s2 + 3 * s02;
    const double b1 = -((nn - n) * s1 - 2 * n * s2 + 6 * s02);
    const double b2 = -(2 * n * s1 - (n + 3) * s2 + 6 * s02);
    const double b3 = 4 * n1 * s1 - 2 * (n + 1) * s2 + 8 * s02;
    const double b4 = s1 - s2 + s02;
    const double d = sx * sx - sx2;
    r.variance = (b0 * sx2 * sx2 + b1 * sx4 + b2 * sx * sx * sx2 + b3 * sx * sx3 + b4 * sx * sx * sx * sx) /
                     (d * d * n * n1 * n2 * n3) -
                 r.expectation * r.expectation;
    finish(r);
    return r;
}

} // namespace gebiedscan
