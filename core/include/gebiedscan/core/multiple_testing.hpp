#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace gebiedscan {

/// Control of multiple testing over the areas of one analysis.
enum class PValueCorrection {
    None,
    FalseDiscoveryRate, ///< Benjamini-Hochberg (1995) step-up; R p.adjust(method = "BH")
    Bonferroni,         ///< min(1, m p); R p.adjust(method = "bonferroni")
};

/// Adjusted p-values. Entries with `excluded[i] != 0` (e.g. islands, which cannot be tested) keep
/// their p-value and do not count in m. An empty `excluded` means none are excluded.
/// A BH-adjusted q_i <= alpha exactly when BH at level alpha rejects area i, so one call serves
/// the 90, 95 and 99 % bins (ArcGIS's FDR correction does the same per level).
[[nodiscard]] std::vector<double> adjustPValues(std::span<const double> p, PValueCorrection correction,
                                                std::span<const std::uint8_t> excluded = {});

/// Parses "none", "fdr" / "bh", "bonferroni"; nullopt otherwise.
[[nodiscard]] std::optional<PValueCorrection> parsePValueCorrection(std::string_view text);

} // namespace gebiedscan
