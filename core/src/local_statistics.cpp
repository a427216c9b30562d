#include "gebiedscan/core/local_statistics.hpp"

#include "gebiedscan/core/error.hpp"

#include <cmath>

namespace gebiedscan {

namespace {

void checkValues(std::span<const double> x, const SpatialWeights& w)
{
    if (x.size() != w.size()) throw InputError("value count differs from area count");
    for (double v : x)
        if (!std::isfinite(v)) throw InputError("missing or non-finite value in the analysis field");
}

} // namespace

LocalMoranResult localMoran(std::span<const double> x, const SpatialWeights& w, Alternative alternative)
{
    checkValues(x, w);
    if (w.selfIncluded()) throw InputError("local Moran: weights must not include self");
    const std::size_t count = x.size();
    const auto n = static_cast<double>(count);
    LocalMoranResult r;
    r.ii.resize(count);
    r.expectation.resize(count);
    r.variance.resize(count);
    r.z.resize(count);
    r.p.resize(count);
    r.quadrant.resize(count);
    double mean = 0.0;
    for (double v : x) mean += v;
    mean /= n;
    std::vector<double> z(count);
    double m2 = 0.0;
    for (std::size_t i = 0; i < count; ++i) {
        z[i] = x[i] - mean;
        m2 += z[i] * z[i];
    }
    m2 /= n;
    const std::vector<double> lz = w.lag(z);
    for (std::size_t i = 0; i < count; ++i) {
        const auto wt = w.weights(i);
        double wi = 0.0, wi2 = 0.0;
        for (double v : wt) {
            wi += v;
            wi2 += v * v;
        }
        const bool island = w.isIsland(i);
        if (island) ++r.islands;
        if (m2 > 0.0) {
            r.ii[i] = z[i] / m2 * lz[i];
            r.expectation[i] = -(z[i] * z[i] * wi) / ((n - 1) * m2);
            r.variance[i] =
                (z[i] / m2) * (z[i] / m2) * (n / (n - 2)) * (wi2 - wi * wi / (n - 1)) * (m2 - z[i] * z[i] / (n - 1));
        } else {
            r.ii[i] = r.expectation[i] = r.variance[i] = 0.0;
        }
        if (r.variance[i] > 0.0 && std::isfinite(r.variance[i])) {
            r.z[i] = (r.ii[i] - r.expectation[i]) / std::sqrt(r.variance[i]);
            r.p[i] = normalPValue(r.z[i], alternative);
        } else {
            r.z[i] = 0.0;
            r.p[i] = 1.0;
        }
        if (island)
            r.quadrant[i] = LisaQuadrant::None;
        else if (z[i] > 0)
            r.quadrant[i] = lz[i] > 0 ? LisaQuadrant::HighHigh : LisaQuadrant::HighLow;
        else
            r.quadrant[i] = lz[i] > 0 ? LisaQuadrant::LowHigh : LisaQuadrant::LowLow;
    }
    return r;
}

LocalGResult localG(std::span<const double> x, const SpatialWeights& w, Alternative alternative)
{
    checkValues(x, w);
    const std::size_t count = x.size();
    const auto n = static_cast<double>(count);
    LocalGResult r;
    r.star = w.selfIncluded();
    r.z.resize(count);
    r.p.resize(count);
    r.g.resize(count);
    r.expectation.resize(count);
    r.variance.resize(count);
    double sum = 0.0, sum2 = 0.0;
    for (double v : x) {
        sum += v;
        sum2 += v * v;
    }
    const double mean = sum / n;
    double ss = 0.0; // sum of squared deviations, computed two-pass as R's scale()
    for (double v : x) ss += (v - mean) * (v - mean);
    const std::vector<double> lx = w.lag(x);
    for (std::size_t i = 0; i < count; ++i) {
        if (w.isIsland(i)) ++r.islands;
        double wi = 0.0, s1i = 0.0;
        for (double v : w.weights(i)) {
            wi += v;
            s1i += v * v;
        }
        double xibar = 0.0, si2 = 0.0, vg = 0.0, denom = 0.0;
        if (r.star) {
            xibar = mean;
            si2 = ss / n;
            vg = si2 * ((n * s1i - wi * wi) / (n - 1));
            denom = sum;
        } else {
            xibar = (sum - x[i]) / (n - 1);
            si2 = (sum2 - x[i] * x[i]) / (n - 1) - xibar * xibar;
            vg = si2 * (((n - 1) * s1i - wi * wi) / (n - 2));
            denom = sum - x[i];
        }
        const double eg = wi * xibar;
        if (vg > 0.0 && std::isfinite(vg)) {
            r.z[i] = (lx[i] - eg) / std::sqrt(vg);
            r.p[i] = normalPValue(r.z[i], alternative);
        } else {
            r.z[i] = 0.0;
            r.p[i] = 1.0;
        }
        if (denom != 0.0) {
            r.g[i] = lx[i] / denom;
            r.expectation[i] = eg / denom;
            r.variance[i] = std::max(vg, 0.0) / (denom * denom);
        }
    }
    return r;
}

} // namespace gebiedscan
