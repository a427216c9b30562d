#include "gebiedscan/core/empirical_bayes.hpp"

#include "gebiedscan/core/error.hpp"

#include <cmath>
#include <limits>

namespace gebiedscan {

namespace {

constexpr double kNoRate = std::numeric_limits<double>::quiet_NaN();

void checkSizes(std::span<const double> counts, std::span<const double> populations)
{
    if (counts.size() != populations.size())
        throw InputError("Empirical Bayes: counts and populations differ in length");
    for (double c : counts)
        if (c < 0) throw InputError("Empirical Bayes: a negative count");
}

/// True when area i takes part: a finite count and a population > 0.
bool atRisk(std::span<const double> counts, std::span<const double> populations, std::size_t i)
{
    return std::isfinite(counts[i]) && std::isfinite(populations[i]) && populations[i] > 0;
}

/// Shrinks a raw rate towards its prior; the prior alone where the weight is undefined (0 / 0).
double shrink(double raw, double mean, double variance, double population)
{
    const double denominator = variance + mean / population;
    if (!(denominator > 0)) return mean;
    return mean + (raw - mean) * variance / denominator;
}

} // namespace

GlobalEbRates globalEmpiricalBayes(std::span<const double> counts, std::span<const double> populations)
{
    checkSizes(counts, populations);
    const std::size_t n = counts.size();
    GlobalEbRates r;
    r.raw.assign(n, kNoRate);
    r.smoothed.assign(n, kNoRate);
    double countSum = 0, popSum = 0;
    std::size_t used = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!atRisk(counts, populations, i)) continue;
        r.raw[i] = counts[i] / populations[i];
        countSum += counts[i];
        popSum += populations[i];
        ++used;
    }
    if (used == 0) return r;
    const double b = countSum / popSum;
    double s2 = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (atRisk(counts, populations, i)) {
            const double d = r.raw[i] - b;
            s2 += populations[i] * (d * d / popSum);
        }
    double a = s2 - b / (popSum / static_cast<double>(used));
    if (a < 0) a = 0;
    r.priorMean = b;
    r.priorVariance = a;
    for (std::size_t i = 0; i < n; ++i)
        if (atRisk(counts, populations, i)) r.smoothed[i] = shrink(r.raw[i], b, a, populations[i]);
    return r;
}

LocalEbRates localEmpiricalBayes(std::span<const double> counts, std::span<const double> populations,
                                 const SpatialWeights& neighbours, LocalEbVariant variant)
{
    checkSizes(counts, populations);
    const std::size_t n = counts.size();
    if (neighbours.size() != n) throw InputError("Empirical Bayes: the weights do not match the areas");
    LocalEbRates r;
    r.raw.assign(n, kNoRate);
    r.smoothed.assign(n, kNoRate);
    r.priorMean.assign(n, kNoRate);
    r.priorVariance.assign(n, kNoRate);
    for (std::size_t i = 0; i < n; ++i)
        if (atRisk(counts, populations, i)) r.raw[i] = counts[i] / populations[i];

    // Visits i itself and its neighbours that are at risk (self once, even if the matrix has it).
    auto forWindow = [&](std::size_t i, auto&& visit) {
        visit(i);
        for (const std::uint32_t j : neighbours.neighbours(i))
            if (j != i && atRisk(counts, populations, j)) visit(j);
    };
    std::vector<double> windowPopulation(n, 0.0), windowMeanPopulation(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        if (!atRisk(counts, populations, i)) continue;
        double c = 0, p = 0;
        std::size_t k = 0;
        forWindow(i, [&](std::size_t j) {
            c += counts[j];
            p += populations[j];
            ++k;
        });
        r.priorMean[i] = c / p;
        windowPopulation[i] = p;
        windowMeanPopulation[i] = p / static_cast<double>(k);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!atRisk(counts, populations, i)) continue;
        double spread = 0;
        forWindow(i, [&](std::size_t j) {
            const double d = r.raw[j] - (variant == LocalEbVariant::Spdep ? r.priorMean[j] : r.priorMean[i]);
            spread += populations[j] * d * d;
        });
        double a = spread / windowPopulation[i] - r.priorMean[i] / windowMeanPopulation[i];
        if (a < 0) a = 0;
        r.priorVariance[i] = a;
        r.smoothed[i] = shrink(r.raw[i], r.priorMean[i], a, populations[i]);
    }
    return r;
}

std::vector<std::uint8_t> smallAreaFlags(std::span<const double> populations, double regionalRate,
                                         const SmallAreaRule& rule)
{
    std::vector<std::uint8_t> flags(populations.size(), 0);
    for (std::size_t i = 0; i < populations.size(); ++i) {
        const double p = populations[i];
        flags[i] =
            !(std::isfinite(p) && p > 0) || p < rule.minimumPopulation || regionalRate * p < rule.minimumExpected;
    }
    return flags;
}

EmpiricalBayesRates empiricalBayesRates(std::span<const double> counts, std::span<const double> populations,
                                        const SpatialWeights& neighbours, const SmallAreaRule& rule,
                                        LocalEbVariant variant)
{
    EmpiricalBayesRates r;
    r.global = globalEmpiricalBayes(counts, populations);
    r.local = localEmpiricalBayes(counts, populations, neighbours, variant);
    r.tooSmall = smallAreaFlags(populations, r.global.priorMean, rule);
    return r;
}

} // namespace gebiedscan
