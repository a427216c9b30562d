#include "gebiedscan/core/alternative.hpp"

#include <algorithm>
#include <cmath>

namespace gebiedscan {

double normalPValue(double z, Alternative alternative)
{
    if (!std::isfinite(z)) return 1.0;
    // Upper tail via erfc keeps full relative precision far out in the tail.
    const auto upper = [](double v) { return 0.5 * std::erfc(v / std::sqrt(2.0)); };
    switch (alternative) {
    case Alternative::TwoSided: return std::min(1.0, 2.0 * upper(std::fabs(z)));
    case Alternative::Greater: return upper(z);
    case Alternative::Less: return upper(-z);
    }
    return 1.0;
}

std::optional<Alternative> parseAlternative(std::string_view text)
{
    if (text == "two-sided" || text == "two.sided" || text == "two_sided") return Alternative::TwoSided;
    if (text == "greater") return Alternative::Greater;
    if (text == "less") return Alternative::Less;
    return std::nullopt;
}

std::string_view alternativeName(Alternative alternative)
{
    switch (alternative) {
    case Alternative::TwoSided: return "two-sided";
    case Alternative::Greater: return "greater";
    case Alternative::Less: return "less";
    }
    return "two-sided";
}

} // namespace gebiedscan
