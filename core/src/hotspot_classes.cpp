#include "gebiedscan/core/hotspot_classes.hpp"

#include <cmath>

namespace gebiedscan {

int hotspotBinFromZ(double z)
{
    if (!std::isfinite(z)) return 0;
    const double a = std::fabs(z);
    const int level = a >= 2.58 ? 3 : a >= 1.96 ? 2 : a >= 1.65 ? 1 : 0;
    return z > 0 ? level : -level;
}

int hotspotBinFromP(double p, double z)
{
    if (!std::isfinite(p) || !std::isfinite(z) || z == 0.0) return 0;
    const int level = p <= 0.01 ? 3 : p <= 0.05 ? 2 : p <= 0.10 ? 1 : 0;
    return z > 0 ? level : -level;
}

std::string_view hotspotLabel(int bin, bool island, LabelLanguage language)
{
    const bool nl = language == LabelLanguage::Dutch;
    if (island) return nl ? "Geen buren" : "No neighbours";
    switch (bin) {
    case 3: return nl ? "Hotspot 99%" : "Hot spot 99%";
    case 2: return nl ? "Hotspot 95%" : "Hot spot 95%";
    case 1: return nl ? "Hotspot 90%" : "Hot spot 90%";
    case -1: return nl ? "Coldspot 90%" : "Cold spot 90%";
    case -2: return nl ? "Coldspot 95%" : "Cold spot 95%";
    case -3: return nl ? "Coldspot 99%" : "Cold spot 99%";
    default: return nl ? "Niet significant" : "Not significant";
    }
}

std::string_view quadrantName(LisaQuadrant quadrant, LabelLanguage language)
{
    const bool nl = language == LabelLanguage::Dutch;
    switch (quadrant) {
    case LisaQuadrant::HighHigh: return nl ? "Hoog-Hoog" : "High-High";
    case LisaQuadrant::LowLow: return nl ? "Laag-Laag" : "Low-Low";
    case LisaQuadrant::HighLow: return nl ? "Hoog-Laag" : "High-Low";
    case LisaQuadrant::LowHigh: return nl ? "Laag-Hoog" : "Low-High";
    case LisaQuadrant::None: break;
    }
    return nl ? "Geen buren" : "No neighbours";
}

std::string_view lisaLabel(LisaQuadrant quadrant, bool significant, LabelLanguage language)
{
    if (quadrant == LisaQuadrant::None) return quadrantName(quadrant, language);
    if (!significant) return language == LabelLanguage::Dutch ? "Niet significant" : "Not significant";
    return quadrantName(quadrant, language);
}

} // namespace gebiedscan

namespace gebiedscan {

HotspotClassification classifyHotspots(std::span<const double> z, std::span<const double> p, const SpatialWeights& w,
                                       PValueCorrection correction, bool permutationP)
{
    std::vector<std::uint8_t> island(z.size(), 0);
    for (std::size_t i = 0; i < z.size() && i < w.size(); ++i) island[i] = w.isIsland(i) ? 1 : 0;
    HotspotClassification c;
    c.pAdjusted = adjustPValues(p, correction, island);
    c.bins.resize(z.size(), 0);
    const bool byZ = correction == PValueCorrection::None && !permutationP;
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (island[i]) continue;
        c.bins[i] = byZ ? hotspotBinFromZ(z[i]) : hotspotBinFromP(c.pAdjusted[i], z[i]);
    }
    return c;
}

} // namespace gebiedscan
