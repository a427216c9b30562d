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

/// What happens to an area whose parent code is empty (NULL, blank, or not derivable).
enum class MissingParent {
    Refuse,   ///< InputError naming the areas: a record must never drop out of a total
    Onbekend, ///< the area goes under a parent "onbekend", which keeps it in the totals
};

/// The code (and name) of the parent that collects the areas without one (MissingParent::Onbekend).
inline constexpr const char* kUnknownParentCode = "onbekend";

/// Levels from finest (index 0, the areas incidents are assigned to) to coarsest.
/// Counts roll up along `parent`, so every level is consistent with the one below by construction.
struct AreaHierarchy {
    std::vector<AreaLevel> levels;

    /// Adds a parent level built from the given parent codes of the current top level
    /// (one per area; empty = no parent). Names default to the code. Populations are sums of the
    /// children and unknown when any child's is unknown. Codes are trimmed; an empty code is
    /// handled as `missing` says; two codes that differ only in case are an InputError.
    void addParentLevel(const std::string& levelName, const std::vector<std::string>& parentCodes,
                        const std::vector<std::string>& parentNames = {},
                        MissingParent missing = MissingParent::Refuse);

    /// Throws Error unless every area of every level has a parent in the next one: the sum over
    /// each level is then the sum over the finest level.
    void checkRollUp() const;
};

/// Derives the parent codes of a CBS code: BU01060101 -> WK010601 -> GM0106. Empty when the
/// code is not a CBS buurt or wijk code.
[[nodiscard]] std::string cbsParentCode(const std::string& code);

/// `code` without leading and trailing white space (spaces, tabs, CR/LF, NBSP left alone).
[[nodiscard]] std::string trimCode(const std::string& code);

/// Throws InputError when two of `codes` differ only in upper/lower case (`what` names them in
/// the message, e.g. "area codes in field 'BU_CODE'"). Such codes look alike to a reader and
/// would make two areas of one.
void refuseCodesDifferingInCase(const std::vector<std::string>& codes, const std::string& what);

} // namespace gebiedscan
