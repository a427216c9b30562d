#pragma once
#include <optional>
#include <string_view>

namespace gebiedscan {

/// The alternative hypothesis of a test, stated with every p-value (spdep's `alternative`).
enum class Alternative {
    TwoSided, ///< the statistic differs from its expectation in either direction
    Greater,  ///< the statistic is larger than expected (clustering of high values, for Gi*)
    Less,     ///< the statistic is smaller than expected
};

/// p-value of a standard-normal deviate z under the alternative (spdep: 2 * pnorm(|z|, lower =
/// FALSE), pnorm(z, lower = FALSE), pnorm(z)). Returns 1 for a non-finite z.
[[nodiscard]] double normalPValue(double z, Alternative alternative);

/// Parses "two-sided" / "two.sided", "greater", "less" (case-sensitive); nullopt otherwise.
[[nodiscard]] std::optional<Alternative> parseAlternative(std::string_view text);

/// "two-sided", "greater" or "less".
[[nodiscard]] std::string_view alternativeName(Alternative alternative);

} // namespace gebiedscan
