#include "gebiedscan/core/multiple_testing.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <numeric>

namespace gebiedscan {

std::vector<double> adjustPValues(std::span<const double> p, PValueCorrection correction,
                                  std::span<const std::uint8_t> excluded)
{
    if (!excluded.empty() && excluded.size() != p.size()) throw InputError("adjustPValues: mask length differs");
    std::vector<double> out(p.begin(), p.end());
    std::vector<std::size_t> idx;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (excluded.empty() || !excluded[i]) idx.push_back(i);
    const auto m = static_cast<double>(idx.size());
    switch (correction) {
    case PValueCorrection::None: break;
    case PValueCorrection::Bonferroni:
        for (std::size_t i : idx) out[i] = std::min(1.0, p[i] * m);
        break;
    case PValueCorrection::FalseDiscoveryRate: {
        // Step-up: from the largest p down, q_(k) = min(q_(k+1), m / k * p_(k)).
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
        double running = 1.0;
        for (std::size_t k = idx.size(); k-- > 0;) {
            const double q = m / static_cast<double>(k + 1) * p[idx[k]];
            running = std::min(running, q);
            out[idx[k]] = std::min(1.0, running);
        }
        break;
    }
    }
    return out;
}

std::optional<PValueCorrection> parsePValueCorrection(std::string_view text)
{
    if (text == "none") return PValueCorrection::None;
    if (text == "fdr" || text == "bh" || text == "BH") return PValueCorrection::FalseDiscoveryRate;
    if (text == "bonferroni") return PValueCorrection::Bonferroni;
    return std::nullopt;
}

} // namespace gebiedscan
