#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan {

/// One level of areas (e.g. all buurten), each with an optional parent in the next level.
struct AreaLevel {
    std::string name;               ///< "buurt", "wijk", "gemeente", "cel"
    std::vector<std::string> codes; ///< BU01060101, WK010601, GM0106, ...
    std::vector<std::string> names;
    std::vector<std::optional<double>> population; ///< inhabitants; nullopt = unknown or secret
    std::vector<std::int32_t> parent;              ///< index in the next level, -1 if none

    [[nodiscard]] std::size_t size() const { return codes.size(); }
};

/// Levels from finest (index 0, the areas incidents are assigned to) to coarsest.
/// Counts roll up along `parent`, so every level is consistent with the one below by construction.
struct AreaHierarchy {
    std::vector<AreaLevel> levels;

    /// Adds a parent level built from the given parent codes of the current top level
    /// (one per area; empty = no parent). Names default to the code. Populations are sums of the
    /// children and unknown when any child's is unknown.
    void addParentLevel(const std::string& levelName, const std::vector<std::string>& parentCodes,
                        const std::vector<std::string>& parentNames = {});
};

/// Derives the parent codes of a CBS code: BU01060101 -> WK010601 -> GM0106. Empty when the
/// code is not a CBS buurt or wijk code.
[[nodiscard]] std::string cbsParentCode(const std::string& code);

} // namespace gebiedscan
