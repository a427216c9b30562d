#include "gebiedscan/core/classification.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gebiedscan {

double Classification::fullestShare(const std::vector<double>& values) const
{
    std::vector<std::size_t> counts(classCount(), 0);
    std::size_t n = 0;
    for (double v : values)
        if (const auto cls = classOf(v)) {
            ++counts[*cls];
            ++n;
        }
    return n == 0 || counts.empty()
               ? 0.0
               : static_cast<double>(*std::max_element(counts.begin(), counts.end())) / static_cast<double>(n);
}

std::optional<std::size_t> Classification::classOf(double value) const
{
    if (std::isnan(value) || breaks.size() < 2) return std::nullopt;
    if (value < breaks.front() || value > breaks.back()) return std::nullopt;
    // First break >= value closes the class on the right; breaks[0] belongs to class 0.
    const auto it = std::lower_bound(breaks.begin() + 1, breaks.end(), value);
    return static_cast<std::size_t>(it - breaks.begin() - 1);
}

double quantileType7(const std::vector<double>& sorted, double p)
{
    if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
    const double h = (static_cast<double>(sorted.size()) - 1.0) * std::clamp(p, 0.0, 1.0);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::vector<double> jenksBreaks(const std::vector<double>& sorted, std::size_t k)
{
    const std::size_t n = sorted.size();
    if (n == 0 || k == 0) return {};
    k = std::min(k, n);
    if (k == 1) return {sorted.front(), sorted.back()};
    // Dynamic programme as in classInt's "jenks" (after Jenks' 1977 FORTRAN): lower[l][j] is the
    // first (1-based) index of the last class when the first l values form j+1 classes, ssd the
    // minimal within-class sum of squared deviations. Ties resolve like classInt (`>=`: the
    // shortest last class wins) so the breaks agree with R exactly.
    const double big = std::numeric_limits<double>::max();
    std::vector<std::vector<std::size_t>> lower(n + 1, std::vector<std::size_t>(k + 1, 1));
    std::vector<std::vector<double>> ssd(n + 1, std::vector<double>(k + 1, 0.0));
    for (std::size_t l = 2; l <= n; ++l)
        for (std::size_t j = 1; j <= k; ++j) ssd[l][j] = big;
    for (std::size_t l = 2; l <= n; ++l) {
        double s1 = 0.0, s2 = 0.0, w = 0.0, v = 0.0;
        for (std::size_t m = 1; m <= l; ++m) {
            const std::size_t i3 = l - m + 1;
            const double val = sorted[i3 - 1];
            s2 += val * val;
            s1 += val;
            w += 1.0;
            v = s2 - (s1 * s1) / w;
            const std::size_t i4 = i3 - 1;
            if (i4 != 0) {
                for (std::size_t j = 2; j <= k; ++j) {
                    if (ssd[l][j] >= v + ssd[i4][j - 1]) {
                        lower[l][j] = i3;
                        ssd[l][j] = v + ssd[i4][j - 1];
                    }
                }
            }
        }
        lower[l][1] = 1;
        ssd[l][1] = v;
    }
    std::vector<std::size_t> upper(k + 1, 0); // upper[j]: last 1-based index of class j
    std::size_t last = n;
    upper[k] = n;
    for (std::size_t j = k; j >= 2; --j) {
        const std::size_t id = lower[last][j] - 1;
        upper[j - 1] = id;
        last = id == 0 ? 0 : id; // the next class ends at id
        if (last == 0) break;
    }
    std::vector<double> breaks{sorted.front()};
    for (std::size_t j = 1; j <= k; ++j)
        if (upper[j] >= 1) breaks.push_back(sorted[upper[j] - 1]);
    return breaks;
}

namespace {

std::vector<double> uniqueSorted(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

} // namespace

Classification classify(std::vector<double> values, std::size_t classes, ClassificationMethod method,
                        const std::vector<double>& manualBreaks)
{
    Classification result;
    result.method = method;
    std::erase_if(values, [](double v) { return std::isnan(v); });
    if (values.empty()) return result;
    std::sort(values.begin(), values.end());
    const double lo = values.front(), hi = values.back();
    classes = std::max<std::size_t>(classes, 1);
    std::vector<double> b;
    switch (method) {
    case ClassificationMethod::Quantile:
        for (std::size_t i = 0; i <= classes; ++i)
            b.push_back(quantileType7(values, static_cast<double>(i) / static_cast<double>(classes)));
        break;
    case ClassificationMethod::NaturalBreaks: {
        // Jenks is O(k n^2); beyond a few thousand values use an even sample of the sorted
        // values (keeps min and max), as classInt's "fisher" does for large data.
        constexpr std::size_t maxN = 3000;
        if (values.size() > maxN) {
            std::vector<double> sample;
            sample.reserve(maxN);
            for (std::size_t i = 0; i < maxN; ++i) sample.push_back(values[i * (values.size() - 1) / (maxN - 1)]);
            b = jenksBreaks(sample, classes);
        } else {
            b = jenksBreaks(values, classes);
        }
        break;
    }
    case ClassificationMethod::EqualInterval:
        for (std::size_t i = 0; i <= classes; ++i)
            b.push_back(lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(classes));
        b.back() = hi; // no rounding gap at the top
        break;
    case ClassificationMethod::Manual:
        for (double x : manualBreaks)
            if (!std::isnan(x)) b.push_back(x);
        b.push_back(lo);
        b.push_back(hi);
        b = uniqueSorted(b);
        // Values outside the data range would make empty classes at the ends; clamp them away.
        std::erase_if(b, [&](double x) { return x < lo || x > hi; });
        break;
    }
    result.breaks = uniqueSorted(b);
    if (result.breaks.size() == 1) result.breaks.push_back(result.breaks.front()); // one class
    return result;
}

std::string methodName(ClassificationMethod method)
{
    switch (method) {
    case ClassificationMethod::Quantile: return "quantile";
    case ClassificationMethod::NaturalBreaks: return "jenks";
    case ClassificationMethod::EqualInterval: return "equal";
    case ClassificationMethod::Manual: return "manual";
    }
    return "quantile";
}

std::optional<ClassificationMethod> methodFromName(const std::string& name)
{
    for (auto m : {ClassificationMethod::Quantile, ClassificationMethod::NaturalBreaks,
                   ClassificationMethod::EqualInterval, ClassificationMethod::Manual})
        if (methodName(m) == name) return m;
    return std::nullopt;
}

} // namespace gebiedscan
