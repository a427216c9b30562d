#include "gebiedscan/core/emerging_hotspots.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <numeric>
#include <string>

namespace gebiedscan {

namespace {

double twoSidedP(double z)
{
    return std::erfc(std::abs(z) / std::numbers::sqrt2);
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

} // namespace

std::int64_t periodOrdinal(LocalTime t, TimePeriod period)
{
    int y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(floorDiv(t.seconds, kSecondsPerDay), y, m, d);
    switch (period) {
    case TimePeriod::Month: return static_cast<std::int64_t>(y) * 12 + (m - 1);
    case TimePeriod::Quarter: return static_cast<std::int64_t>(y) * 4 + (m - 1) / 3;
    case TimePeriod::Year: return y;
    }
    return 0;
}

std::string periodLabel(std::int64_t ordinal, TimePeriod period)
{
    char buf[80];
    switch (period) {
    case TimePeriod::Month:
        std::snprintf(buf, sizeof buf, "%04lld-%02lld", static_cast<long long>(floorDiv(ordinal, 12)),
                      static_cast<long long>(ordinal - floorDiv(ordinal, 12) * 12 + 1));
        break;
    case TimePeriod::Quarter:
        std::snprintf(buf, sizeof buf, "%04lld-K%lld", static_cast<long long>(floorDiv(ordinal, 4)),
                      static_cast<long long>(ordinal - floorDiv(ordinal, 4) * 4 + 1));
        break;
    case TimePeriod::Year: std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(ordinal)); break;
    }
    return buf;
}

NeighbourCsr NeighbourCsr::fromLists(const std::vector<std::vector<std::int32_t>>& lists)
{
    NeighbourCsr csr;
    csr.offsets.reserve(lists.size() + 1);
    for (const auto& l : lists) {
        csr.indices.insert(csr.indices.end(), l.begin(), l.end());
        csr.offsets.push_back(static_cast<std::int64_t>(csr.indices.size()));
    }
    return csr;
}

NeighbourCsr NeighbourCsr::fromWeights(const SpatialWeights& weights)
{
    NeighbourCsr csr;
    csr.offsets.reserve(weights.size() + 1);
    for (std::size_t i = 0; i < weights.size(); ++i) {
        for (const std::uint32_t j : weights.neighbours(i))
            if (j != i) csr.indices.push_back(static_cast<std::int32_t>(j));
        csr.offsets.push_back(static_cast<std::int64_t>(csr.indices.size()));
    }
    return csr;
}

MannKendall mannKendall(std::span<const double> series)
{
    std::vector<double> x;
    x.reserve(series.size());
    for (double v : series)
        if (std::isfinite(v)) x.push_back(v);
    MannKendall mk;
    const auto n = static_cast<std::int64_t>(x.size());
    if (n < 2) return mk;
    std::int64_t s = 0;
    for (std::int64_t i = 0; i + 1 < n; ++i)
        for (std::int64_t j = i + 1; j < n; ++j) s += (x[j] > x[i]) - (x[j] < x[i]);
    // Tie groups in the values (time has none).
    std::vector<double> sorted = x;
    std::sort(sorted.begin(), sorted.end());
    double tieVar = 0.0, tiePairs = 0.0;
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
        const auto t = static_cast<double>(j - i);
        tieVar += t * (t - 1) * (2 * t + 5);
        tiePairs += t * (t - 1) / 2;
        i = j;
    }
    const auto nd = static_cast<double>(n);
    mk.s = static_cast<double>(s);
    mk.varS = (nd * (nd - 1) * (2 * nd + 5) - tieVar) / 18.0;
    const double pairs = nd * (nd - 1) / 2;
    const double denom = std::sqrt((pairs - tiePairs) * pairs);
    mk.tau = denom > 0 ? mk.s / denom : 0.0;
    if (mk.varS > 0 && s != 0) {
        mk.z = (mk.s - (s > 0 ? 1.0 : -1.0)) / std::sqrt(mk.varS);
        mk.p = twoSidedP(mk.z);
    }
    return mk;
}

std::string_view emergingLabelNl(EmergingClass c)
{
    switch (c) {
    case EmergingClass::NoPattern: return "geen patroon";
    case EmergingClass::NewHot: return "nieuwe hotspot";
    case EmergingClass::ConsecutiveHot: return "opeenvolgende hotspot";
    case EmergingClass::IntensifyingHot: return "toenemende hotspot";
    case EmergingClass::PersistentHot: return "aanhoudende hotspot";
    case EmergingClass::DiminishingHot: return "afnemende hotspot";
    case EmergingClass::SporadicHot: return "sporadische hotspot";
    case EmergingClass::OscillatingHot: return "wisselende hotspot";
    case EmergingClass::HistoricalHot: return "voormalige hotspot";
    case EmergingClass::NewCold: return "nieuwe coldspot";
    case EmergingClass::ConsecutiveCold: return "opeenvolgende coldspot";
    case EmergingClass::IntensifyingCold: return "toenemende coldspot";
    case EmergingClass::PersistentCold: return "aanhoudende coldspot";
    case EmergingClass::DiminishingCold: return "afnemende coldspot";
    case EmergingClass::SporadicCold: return "sporadische coldspot";
    case EmergingClass::OscillatingCold: return "wisselende coldspot";
    case EmergingClass::HistoricalCold: return "voormalige coldspot";
    }
    return "?";
}

std::string_view emergingLabelEn(EmergingClass c)
{
    switch (c) {
    case EmergingClass::NoPattern: return "No Pattern Detected";
    case EmergingClass::NewHot: return "New Hot Spot";
    case EmergingClass::ConsecutiveHot: return "Consecutive Hot Spot";
    case EmergingClass::IntensifyingHot: return "Intensifying Hot Spot";
    case EmergingClass::PersistentHot: return "Persistent Hot Spot";
    case EmergingClass::DiminishingHot: return "Diminishing Hot Spot";
    case EmergingClass::SporadicHot: return "Sporadic Hot Spot";
    case EmergingClass::OscillatingHot: return "Oscillating Hot Spot";
    case EmergingClass::HistoricalHot: return "Historical Hot Spot";
    case EmergingClass::NewCold: return "New Cold Spot";
    case EmergingClass::ConsecutiveCold: return "Consecutive Cold Spot";
    case EmergingClass::IntensifyingCold: return "Intensifying Cold Spot";
    case EmergingClass::PersistentCold: return "Persistent Cold Spot";
    case EmergingClass::DiminishingCold: return "Diminishing Cold Spot";
    case EmergingClass::SporadicCold: return "Sporadic Cold Spot";
    case EmergingClass::OscillatingCold: return "Oscillating Cold Spot";
    case EmergingClass::HistoricalCold: return "Historical Cold Spot";
    }
    return "?";
}

std::string_view emergingCode(EmergingClass c)
{
    switch (c) {
    case EmergingClass::NoPattern: return "no_pattern";
    case EmergingClass::NewHot: return "new_hot";
    case EmergingClass::ConsecutiveHot: return "consecutive_hot";
    case EmergingClass::IntensifyingHot: return "intensifying_hot";
    case EmergingClass::PersistentHot: return "persistent_hot";
    case EmergingClass::DiminishingHot: return "diminishing_hot";
    case EmergingClass::SporadicHot: return "sporadic_hot";
    case EmergingClass::OscillatingHot: return "oscillating_hot";
    case EmergingClass::HistoricalHot: return "historical_hot";
    case EmergingClass::NewCold: return "new_cold";
    case EmergingClass::ConsecutiveCold: return "consecutive_cold";
    case EmergingClass::IntensifyingCold: return "intensifying_cold";
    case EmergingClass::PersistentCold: return "persistent_cold";
    case EmergingClass::DiminishingCold: return "diminishing_cold";
    case EmergingClass::SporadicCold: return "sporadic_cold";
    case EmergingClass::OscillatingCold: return "oscillating_cold";
    case EmergingClass::HistoricalCold: return "historical_cold";
    }
    return "?";
}

EmergingClass classifyEmerging(std::span<const std::int8_t> states, const MannKendall& trendOfZ, double trendAlpha)
{
    const auto n = static_cast<std::int64_t>(states.size());
    if (n == 0) return EmergingClass::NoPattern;
    std::int64_t hot = 0, cold = 0;
    for (std::int8_t s : states) {
        hot += s > 0;
        cold += s < 0;
    }
    const std::int8_t last = states.back();
    const bool trendSignificant = trendOfZ.p < trendAlpha;

    if (last != 0) {
        // Work on "same" (the sign of the final step) and "other"; mirror the result at the end.
        const bool isHot = last > 0;
        const std::int64_t same = isHot ? hot : cold;
        const std::int64_t other = isHot ? cold : hot;
        auto pick = [isHot](EmergingClass h, EmergingClass c) { return isHot ? h : c; };

        if (10 * same >= 9 * n) {
            // Clustering of the final sign for >= 90 % of the steps, including the final one.
            // For a hot spot an upward trend in z intensifies it; for a cold spot a downward one
            // (z growing more negative).
            if (trendSignificant && trendOfZ.tau != 0.0) {
                const bool intensifying = isHot ? trendOfZ.tau > 0 : trendOfZ.tau < 0;
                return intensifying ? pick(EmergingClass::IntensifyingHot, EmergingClass::IntensifyingCold)
                                    : pick(EmergingClass::DiminishingHot, EmergingClass::DiminishingCold);
            }
            return pick(EmergingClass::PersistentHot, EmergingClass::PersistentCold);
        }
        // Esri: oscillating = final hot with a history of being a cold spot.
        if (other > 0) return pick(EmergingClass::OscillatingHot, EmergingClass::OscillatingCold);
        // Esri: new = final hot, never a hot spot before.
        if (same == 1) return pick(EmergingClass::NewHot, EmergingClass::NewCold);
        // Length of the final run of the final sign.
        std::int64_t run = 0;
        for (std::int64_t t = n - 1; t >= 0 && states[static_cast<std::size_t>(t)] == last; --t) ++run;
        // Esri: consecutive = one uninterrupted run of >= 2 at the end, never hot before it.
        if (run >= 2 && run == same) return pick(EmergingClass::ConsecutiveHot, EmergingClass::ConsecutiveCold);
        // Esri: sporadic = final hot, on-again off-again, < 90 % hot, never cold.
        return pick(EmergingClass::SporadicHot, EmergingClass::SporadicCold);
    }
    // Esri: historical = the most recent step is not hot, but >= 90 % of the steps were.
    if (10 * hot >= 9 * n) return EmergingClass::HistoricalHot;
    if (10 * cold >= 9 * n) return EmergingClass::HistoricalCold;
    return EmergingClass::NoPattern;
}

namespace {

void checkInputs(const SpaceTimeCube& cube, const NeighbourCsr& neighbours, const EmergingOptions& options)
{
    const std::size_t L = cube.locations();
    if (neighbours.offsets.size() != L + 1)
        throw InputError("emerging hot spots: " + std::to_string(neighbours.offsets.size() - 1) +
                         " neighbour lists for " + std::to_string(L) + " locations");
    for (const std::int32_t j : neighbours.indices)
        if (j < 0 || static_cast<std::size_t>(j) >= L)
            throw InputError("emerging hot spots: neighbour index out of range");
    if (options.timeLags < 0) throw InputError("emerging hot spots: negative time lag");
}

// Gi* of the bins of one location at a time, from the cube's moments and per-location running
// sums over time, kept in the cube's own storage (the sum over steps a..b is P[b] - P[a - 1]).
class SpaceTimeGiStar {
public:
    // `values`: the cube's values, location-major; they become the running sums.
    SpaceTimeGiStar(std::vector<double> values, std::size_t steps, const NeighbourCsr& neighbours, int timeLags)
        : m_neighbours(neighbours), m_steps(steps), m_lags(static_cast<std::size_t>(timeLags)),
          m_n(static_cast<double>(values.size())), m_prefix(std::move(values))
    {
        double sum = 0.0, sum2 = 0.0;
        for (double v : m_prefix) sum += v;
        m_mean = sum / m_n;
        for (double v : m_prefix) sum2 += (v - m_mean) * (v - m_mean);
        m_stdDev = std::sqrt(sum2 / m_n);
        for (std::size_t i = 0; i < m_prefix.size(); i += m_steps)
            for (std::size_t t = 1; t < m_steps; ++t) m_prefix[i + t] += m_prefix[i + t - 1];
    }

    [[nodiscard]] double mean() const { return m_mean; }
    [[nodiscard]] double stdDev() const { return m_stdDev; }

    // z of every step of location i into z[0 .. steps).
    void series(std::size_t i, double* z)
    {
        // The location itself plus its distinct neighbours (a listed self is ignored: binary
        // weights count each bin once).
        m_hood.assign(1, static_cast<std::int32_t>(i));
        for (auto k = m_neighbours.offsets[i]; k < m_neighbours.offsets[i + 1]; ++k)
            m_hood.push_back(m_neighbours.indices[static_cast<std::size_t>(k)]);
        std::sort(m_hood.begin(), m_hood.end());
        m_hood.erase(std::unique(m_hood.begin(), m_hood.end()), m_hood.end());
        const std::size_t T = m_steps;
        for (std::size_t t = 0; t < T; ++t) {
            const std::size_t t0 = t >= m_lags ? t - m_lags : 0;
            double s = 0.0;
            for (const std::int32_t j : m_hood) {
                const double* pr = m_prefix.data() + static_cast<std::size_t>(j) * T;
                s += pr[t] - (t0 > 0 ? pr[t0 - 1] : 0.0);
            }
            const auto w = static_cast<double>(m_hood.size() * (t - t0 + 1));
            const double var = (m_n * w - w * w) / (m_n - 1.0);
            z[t] = m_stdDev > 0.0 && var > 0.0 ? (s - m_mean * w) / (m_stdDev * std::sqrt(var)) : 0.0;
        }
    }

private:
    const NeighbourCsr& m_neighbours;
    std::size_t m_steps, m_lags;
    double m_n, m_mean = 0.0, m_stdDev = 0.0;
    std::vector<double> m_prefix;
    std::vector<std::int32_t> m_hood;
};

// Which bins are significant: p < binAlpha, or with the false discovery rate p <= the
// Benjamini-Hochberg cut-off over all nBins. The cut-off is one of the p <= binAlpha (the k-th
// smallest p must be <= k/n binAlpha), so only those are needed, in any order.
struct Significance {
    double cut;
    bool inclusive;
    [[nodiscard]] bool operator()(double p) const { return inclusive ? p <= cut : p < cut; }
};

Significance significance(std::vector<double> smallP, std::size_t nBins, const EmergingOptions& options)
{
    if (!options.fdr) return {options.binAlpha, false};
    std::sort(smallP.begin(), smallP.end());
    for (std::size_t k = smallP.size(); k-- > 0;)
        if (smallP[k] <= static_cast<double>(k + 1) / static_cast<double>(nBins) * options.binAlpha)
            return {smallP[k], true};
    return {-1.0, true};
}

std::int8_t binState(double z, double p, const Significance& significant)
{
    return significant(p) && z != 0.0 ? (z > 0 ? 1 : -1) : 0;
}

} // namespace

EmergingResult emergingHotspots(const SpaceTimeCube& cube, const NeighbourCsr& neighbours,
                                const EmergingOptions& options)
{
    checkInputs(cube, neighbours, options);
    const std::size_t L = cube.locations(), T = cube.steps();
    EmergingResult r;
    r.locations = L;
    r.steps = T;
    const std::size_t nBins = L * T;
    r.z.assign(nBins, 0.0);
    r.p.assign(nBins, 1.0);
    r.state.assign(nBins, 0);
    r.trendOfZ.resize(L);
    r.trendOfValue.resize(L);
    r.classes.assign(L, EmergingClass::NoPattern);
    if (nBins == 0) return r;

    SpaceTimeGiStar gi(cube.values(), T, neighbours, options.timeLags);
    r.mean = gi.mean();
    r.stdDev = gi.stdDev();
    std::vector<double> smallP;
    for (std::size_t i = 0; i < L; ++i) {
        gi.series(i, r.z.data() + i * T);
        for (std::size_t t = 0; t < T; ++t) {
            r.p[i * T + t] = twoSidedP(r.z[i * T + t]);
            if (r.p[i * T + t] <= options.binAlpha) smallP.push_back(r.p[i * T + t]);
        }
    }
    const auto significant = significance(std::move(smallP), nBins, options);
    for (std::size_t b = 0; b < nBins; ++b) r.state[b] = binState(r.z[b], r.p[b], significant);

    for (std::size_t i = 0; i < L; ++i) {
        r.trendOfZ[i] = mannKendall(std::span<const double>(r.z.data() + i * T, T));
        r.trendOfValue[i] = mannKendall(cube.series(i));
        r.classes[i] = classifyEmerging(std::span<const std::int8_t>(r.state.data() + i * T, T), r.trendOfZ[i],
                                        options.trendAlpha);
    }
    return r;
}

std::vector<EmergingClass> emergingClasses(SpaceTimeCube cube, const NeighbourCsr& neighbours,
                                           const EmergingOptions& options)
{
    checkInputs(cube, neighbours, options);
    const std::size_t L = cube.locations(), T = cube.steps();
    std::vector<EmergingClass> classes(L, EmergingClass::NoPattern);
    if (L * T == 0) return classes;
    SpaceTimeGiStar gi(std::move(cube).takeValues(), T, neighbours, options.timeLags);
    std::vector<double> z(T);
    // First pass: the small p of every bin, for the cut-off; second: each location's z again
    // (the same arithmetic, so the same z), its states, trend and class.
    std::vector<double> smallP;
    for (std::size_t i = 0; i < L; ++i) {
        gi.series(i, z.data());
        for (double zt : z)
            if (const double p = twoSidedP(zt); p <= options.binAlpha) smallP.push_back(p);
    }
    const auto significant = significance(std::move(smallP), L * T, options);
    std::vector<std::int8_t> state(T);
    for (std::size_t i = 0; i < L; ++i) {
        gi.series(i, z.data());
        for (std::size_t t = 0; t < T; ++t) state[t] = binState(z[t], twoSidedP(z[t]), significant);
        classes[i] = classifyEmerging(state, mannKendall(z), options.trendAlpha);
    }
    return classes;
}

} // namespace gebiedscan
