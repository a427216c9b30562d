#pragma once
#include "gebiedscan/core/local_statistics.hpp"

#include <string_view>

namespace gebiedscan {

/// Language of user-facing labels (Dutch is the default of the tool).
enum class LabelLanguage { Dutch, English };

/// ArcGIS Gi_Bin from a z-score alone: +/-3 for |z| >= 2.58, +/-2 for >= 1.96, +/-1 for >= 1.65
/// (99, 95, 90 % two-sided), else 0. Used for analytic results without correction.
[[nodiscard]] int hotspotBinFromZ(double z);

/// Gi_Bin from a (possibly permutation or FDR/Bonferroni-adjusted) p-value: confidence level
/// 3/2/1 for p <= 0.01/0.05/0.10, with the sign of z; 0 otherwise or when z == 0.
[[nodiscard]] int hotspotBinFromP(double p, double z);

/// "Hotspot 99%", "Coldspot 95%", "Niet significant" (English: "Hot spot 99%", "Cold spot
/// 95%", "Not significant"); for islands "Geen buren" / "No neighbours".
[[nodiscard]] std::string_view hotspotLabel(int bin, bool island = false,
                                            LabelLanguage language = LabelLanguage::Dutch);

/// "Hoog-Hoog", "Laag-Laag", "Hoog-Laag", "Laag-Hoog" when significant, else "Niet significant";
/// "Geen buren" for islands (English: "High-High", ..., "Not significant", "No neighbours").
[[nodiscard]] std::string_view lisaLabel(LisaQuadrant quadrant, bool significant,
                                         LabelLanguage language = LabelLanguage::Dutch);

/// The quadrant alone in words ("Hoog-Hoog" / "High-High"), "Geen buren" for None.
[[nodiscard]] std::string_view quadrantName(LisaQuadrant quadrant, LabelLanguage language = LabelLanguage::Dutch);

} // namespace gebiedscan

#include "gebiedscan/core/multiple_testing.hpp"
#include "gebiedscan/core/spatial_weights.hpp"

namespace gebiedscan {

/// Adjusted p-values and Gi_Bin classes of one hotspot analysis.
struct HotspotClassification {
    std::vector<double> pAdjusted; ///< p after the correction (islands excluded from m)
    std::vector<int> bins;         ///< -3 .. 3; 0 for islands
};

/// Classifies Gi/Gi* results as ArcGIS does: uncorrected analytic results by |z| (2.58, 1.96,
/// 1.65); permutation or corrected results by p <= 0.01, 0.05, 0.10 with the sign of z.
/// Islands (no neighbours in `w`) are excluded from the correction and get bin 0.
[[nodiscard]] HotspotClassification classifyHotspots(std::span<const double> z, std::span<const double> p,
                                                     const SpatialWeights& w, PValueCorrection correction,
                                                     bool permutationP);

} // namespace gebiedscan
