#include "gebiedscan/core/area_hierarchy.hpp"

#include "gebiedscan/core/error.hpp"

#include <cctype>
#include <map>

namespace gebiedscan {

void AreaHierarchy::addParentLevel(const std::string& levelName, const std::vector<std::string>& parentCodes,
                                   const std::vector<std::string>& parentNames)
{
    if (levels.empty()) throw Error("addParentLevel: no base level");
    const std::size_t childIndex = levels.size() - 1;
    if (parentCodes.size() != levels[childIndex].size())
        throw Error("addParentLevel: one parent code per area expected");

    AreaLevel parent;
    parent.name = levelName;
    std::map<std::string, std::int32_t> index;
    std::vector<std::int32_t> childParent(parentCodes.size(), -1);
    for (std::size_t i = 0; i < parentCodes.size(); ++i) {
        const auto& code = parentCodes[i];
        if (code.empty()) continue;
        auto [it, inserted] = index.emplace(code, static_cast<std::int32_t>(parent.codes.size()));
        if (inserted) {
            parent.codes.push_back(code);
            const bool named = i < parentNames.size() && !parentNames[i].empty();
            parent.names.push_back(named ? parentNames[i] : code);
            parent.population.emplace_back(0.0);
            parent.parent.push_back(-1);
        }
        childParent[i] = it->second;
        auto& pop = parent.population[static_cast<std::size_t>(it->second)];
        const auto& childPop = levels[childIndex].population[i];
        if (pop && childPop)
            *pop += *childPop;
        else
            pop.reset();
    }
    levels[childIndex].parent = std::move(childParent);
    levels.push_back(std::move(parent));
}

std::string cbsParentCode(const std::string& code)
{
    const auto digits = [&](std::size_t from) {
        for (std::size_t i = from; i < code.size(); ++i)
            if (!std::isdigit(static_cast<unsigned char>(code[i]))) return false;
        return true;
    };
    if (code.size() == 10 && code.starts_with("BU") && digits(2)) return "WK" + code.substr(2, 6);
    if (code.size() == 8 && code.starts_with("WK") && digits(2)) return "GM" + code.substr(2, 4);
    return {};
}

} // namespace gebiedscan
