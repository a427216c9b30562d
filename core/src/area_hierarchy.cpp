#include "gebiedscan/core/area_hierarchy.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"

#include <cctype>
#include <map>

namespace gebiedscan {

namespace {

std::string lowerCase(const std::string& s)
{
    std::string out = s;
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

std::string trimCode(const std::string& code)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    std::size_t from = 0, to = code.size();
    while (from < to && space(code[from])) ++from;
    while (to > from && space(code[to - 1])) --to;
    return code.substr(from, to - from);
}

void refuseCodesDifferingInCase(const std::vector<std::string>& codes, const std::string& what)
{
    std::map<std::string, std::string> byLower;
    for (const auto& code : codes) {
        const auto [it, inserted] = byLower.emplace(lowerCase(code), code);
        if (!inserted && it->second != code)
            throw InputError(
                tr(what + ": de codes '" + it->second + "' en '" + code +
                       "' verschillen alleen in hoofdletters; gebruik één schrijfwijze",
                   what + ": the codes '" + it->second + "' and '" + code + "' differ only in case; use one spelling"));
    }
}

void AreaHierarchy::addParentLevel(const std::string& levelName, const std::vector<std::string>& parentCodes,
                                   const std::vector<std::string>& parentNames, MissingParent missing)
{
    if (levels.empty()) throw Error("addParentLevel: no base level");
    const std::size_t childIndex = levels.size() - 1;
    if (parentCodes.size() != levels[childIndex].size())
        throw Error("addParentLevel: one parent code per area expected");

    std::vector<std::string> codes(parentCodes.size());
    std::vector<std::string> orphans;
    for (std::size_t i = 0; i < parentCodes.size(); ++i) {
        codes[i] = trimCode(parentCodes[i]);
        if (!codes[i].empty()) continue;
        if (missing == MissingParent::Onbekend)
            codes[i] = kUnknownParentCode;
        else
            orphans.push_back(levels[childIndex].codes[i]);
    }
    if (!orphans.empty()) {
        std::string list;
        for (std::size_t i = 0; i < orphans.size() && i < 5; ++i) list += (i ? ", " : "") + orphans[i];
        if (orphans.size() > 5) list += ", ...";
        throw InputError(tr(
            std::to_string(orphans.size()) + " van " + std::to_string(codes.size()) + " gebieden (" +
                levels[childIndex].name + ") hebben geen " + levelName + " (" + list +
                "): hun registraties zouden in de totalen per " + levelName +
                " ontbreken. Vul de code aan, of tel ze mee onder '" + kUnknownParentCode + "' met --parent-onbekend",
            std::to_string(orphans.size()) + " of " + std::to_string(codes.size()) + " areas (" +
                levels[childIndex].name + ") have no " + levelName + " (" + list +
                "): their registrations would be missing from the totals per " + levelName +
                ". Fill in the code, or count them under '" + kUnknownParentCode + "' with --parent-onbekend"));
    }
    std::vector<std::string> distinct;
    for (const auto& c : codes)
        if (c != kUnknownParentCode) distinct.push_back(c);
    refuseCodesDifferingInCase(distinct, tr("codes van niveau ", "codes of level ") + levelName);

    AreaLevel parent;
    parent.name = levelName;
    std::map<std::string, std::int32_t> index;
    std::vector<std::int32_t> childParent(codes.size(), -1);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const auto& code = codes[i];
        auto [it, inserted] = index.emplace(code, static_cast<std::int32_t>(parent.codes.size()));
        if (inserted) {
            parent.codes.push_back(code);
            const bool named = i < parentNames.size() && !parentNames[i].empty() && code != kUnknownParentCode;
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

void AreaHierarchy::checkRollUp() const
{
    for (std::size_t l = 0; l + 1 < levels.size(); ++l) {
        const auto& level = levels[l];
        if (level.parent.size() != level.size())
            throw Error("internal error: level " + level.name + " has no parent links");
        for (std::size_t a = 0; a < level.size(); ++a)
            if (level.parent[a] < 0 || static_cast<std::size_t>(level.parent[a]) >= levels[l + 1].size())
                throw Error("internal error: area '" + level.codes[a] + "' (" + level.name + ") is in no " +
                            levels[l + 1].name + ": its records would drop out of the totals");
    }
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
