#include "gebiedscan/pipeline/map_legend.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace gebiedscan::pipeline {

namespace {

using Anchors = std::array<std::uint32_t, 9>;

// ColorBrewer 2.0 9-class sequential ramps (Cynthia Brewer, Apache-2.0 style licence), the
// anchors the viewer uses.
const Anchors& anchors(ColourRamp ramp)
{
    static const Anchors ylOrRd{0xffffcc, 0xffeda0, 0xfed976, 0xfeb24c, 0xfd8d3c,
                                0xfc4e2a, 0xe31a1c, 0xbd0026, 0x800026};
    static const Anchors blues{0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6,
                               0x4292c6, 0x2171b5, 0x08519c, 0x08306b};
    static const Anchors greens{0xf7fcf5, 0xe5f5e0, 0xc7e9c0, 0xa1d99b, 0x74c476,
                                0x41ab5d, 0x238b45, 0x006d2c, 0x00441b};
    static const Anchors purples{0xfcfbfd, 0xefedf5, 0xdadaeb, 0xbcbddc, 0x9e9ac8,
                                 0x807dba, 0x6a51a3, 0x54278f, 0x3f007d};
    switch (ramp) {
    case ColourRamp::Blues: return blues;
    case ColourRamp::Greens: return greens;
    case ColourRamp::Purples: return purples;
    case ColourRamp::YlOrRd: break;
    }
    return ylOrRd;
}

// One channel interpolated the way QColor does it: 8 bits widened to 16 (x * 257), read as a
// float fraction, interpolated in double, stored back as float and 16 bits, read as 8 bits
// (qt_div_257). Matching this keeps the exported colours byte-identical to the viewer's.
std::uint8_t channel(std::uint32_t c0, std::uint32_t c1, double f)
{
    const float a = static_cast<float>(c0 * 257) / 65535.0f;
    const float b = static_cast<float>(c1 * 257) / 65535.0f;
    const auto v = static_cast<float>(static_cast<double>(a) + f * (static_cast<double>(b) - static_cast<double>(a)));
    const float clamped = std::clamp(v, 0.0f, 1.0f);
    const auto wide = static_cast<std::uint32_t>(std::lround(clamped * 65535.0f));
    return static_cast<std::uint8_t>((wide - (wide >> 8) + 0x80) >> 8);
}

Rgb toRgb(std::uint32_t rgb)
{
    return {static_cast<std::uint8_t>(rgb >> 16), static_cast<std::uint8_t>(rgb >> 8), static_cast<std::uint8_t>(rgb)};
}

} // namespace

std::string Rgb::hex() const
{
    return fmt::format("#{:02x}{:02x}{:02x}", r, g, b);
}

Rgb rampLightest(ColourRamp ramp)
{
    return toRgb(anchors(ramp).front());
}

Rgb rampColour(ColourRamp ramp, std::size_t i, std::size_t k)
{
    const auto& a = anchors(ramp);
    // Sequential ramps skip the near-white first anchor for k <= 7 so the lowest class still
    // reads as a colour against a white background (as the viewer).
    const double lo = k > 7 ? 0.0 : 1.0;
    const double hi = static_cast<double>(a.size() - 1);
    const double t = k <= 1 ? (lo + hi) / 2 : lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(k - 1);
    const auto j = std::min(static_cast<std::size_t>(std::floor(t)), a.size() - 2);
    const double f = t - static_cast<double>(j);
    const auto part = [&](int shift) { return channel((a[j] >> shift) & 0xff, (a[j + 1] >> shift) & 0xff, f); };
    return {part(16), part(8), part(0)};
}

std::string formatDutchNumber(double value, int decimals)
{
    std::string s = fmt::format("{:.{}f}", std::abs(value), std::max(0, decimals));
    const auto dot = s.find('.');
    std::string whole = s.substr(0, dot), fraction = dot == std::string::npos ? "" : s.substr(dot + 1);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '.';
        grouped += whole[i];
    }
    const bool negative = value < 0 && std::stod(s) != 0.0;
    return (negative ? "-" : "") + grouped + (fraction.empty() ? "" : "," + fraction);
}

std::optional<Rgb> MapLegend::colourOf(double value) const
{
    if (std::isnan(value)) return std::nullopt;
    if (zeroClass && value == 0) return zeroColour;
    const auto c = classification.classOf(value);
    if (!c) return std::nullopt;
    return classes[*c].colour;
}

MapLegend computeMapLegend(const std::vector<double>& values, const MapLegendOptions& options)
{
    MapLegend legend;
    // Counts of small areas are mostly 0: then 0 gets a class of its own and the positive values
    // are classified, otherwise every break collapses onto 0 (the viewer's rule).
    std::size_t zeros = 0, known = 0, negatives = 0;
    for (double v : values) {
        if (std::isnan(v)) continue;
        ++known;
        zeros += v == 0 ? 1 : 0;
        negatives += v < 0 ? 1 : 0;
    }
    legend.zeroClass = options.method != ClassificationMethod::Manual && negatives == 0 && zeros > 0 &&
                       zeros * 5 > known && zeros < known;
    std::vector<double> classified = values;
    if (legend.zeroClass)
        for (double& v : classified)
            if (v == 0) v = std::numeric_limits<double>::quiet_NaN();
    const std::size_t minimum = legend.zeroClass ? 2 : 1;
    const std::size_t wanted = std::max(minimum, options.classes) - (legend.zeroClass ? 1 : 0);
    legend.classification = classify(classified, wanted, options.method);
    // As the viewer: quantiles when natural breaks leave most areas in one class (skewed counts).
    if (options.method == ClassificationMethod::NaturalBreaks && legend.classification.classCount() > 2 &&
        legend.classification.fullestShare(classified) > 0.6) {
        Classification q = classify(classified, wanted, ClassificationMethod::Quantile);
        if (q.classCount() >= 2 && q.fullestShare(classified) < legend.classification.fullestShare(classified))
            legend.classification = q;
    }
    const auto& c = legend.classification;
    const std::size_t k = c.classCount();
    legend.classes.resize(k);
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (legend.zeroClass && values[i] == 0) {
            ++legend.zeros;
            continue;
        }
        if (const auto cls = c.classOf(classified[i]))
            ++legend.classes[*cls].count;
        else
            ++legend.hidden;
    }
    bool integral = true;
    for (double b : c.breaks) integral = integral && std::abs(b - std::round(b)) < 1e-9;
    const double span = c.breaks.empty() ? 0 : c.breaks.back() - c.breaks.front();
    legend.decimals = integral ? 0 : span < 1 ? 3 : span < 10 ? 2 : 1;
    legend.zeroColour = rampLightest(options.ramp);
    legend.zeroLabel = fmt::format("0  ({})", legend.zeros);
    for (std::size_t i = 0; i < k; ++i) {
        auto& cls = legend.classes[i];
        cls.lower = c.breaks[i];
        cls.upper = c.breaks[i + 1];
        cls.colour = rampColour(options.ramp, i, k);
        // Classes are right-closed: the lower bound of class 2+ is exclusive, shown as "> a".
        const std::string lower = (i == 0 ? "" : "> ") + formatDutchNumber(cls.lower, legend.decimals);
        cls.label = fmt::format("{} – {}  ({})", lower, formatDutchNumber(cls.upper, legend.decimals), cls.count);
    }
    legend.hiddenLabel = fmt::format("geheim  ({})", legend.hidden);
    return legend;
}

} // namespace gebiedscan::pipeline
