#include "gebiedscan/core/scan_model.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace gebiedscan {

namespace {
std::string_view trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}
std::string lower(std::string_view s)
{
    std::string out(s);
    for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}
} // namespace

std::optional<std::size_t> ScanModel::themeIndex(std::string_view id) const
{
    for (std::size_t i = 0; i < themes.size(); ++i)
        if (themes[i].id == id) return i;
    return std::nullopt;
}

std::optional<std::size_t> ScanModel::currentPeriod() const
{
    for (std::size_t i = 0; i < periods.size(); ++i)
        if (periods[i].current) return i;
    return std::nullopt;
}

std::optional<std::size_t> ScanModel::periodOf(LocalTime t) const
{
    for (std::size_t i = 0; i < periods.size(); ++i)
        if (t >= periods[i].from && t < periods[i].to) return i;
    return std::nullopt;
}

void ScanModel::validate() const
{
    if (themes.empty())
        throw InputError(
            tr("scanmodel '" + name + "' heeft geen thema's", "scan model '" + name + "' defines no themes"));
    std::set<std::string> ids;
    for (const auto& t : themes) {
        if (t.id.empty()) throw InputError(tr("scanmodel: een thema heeft geen id", "scan model: a theme has no id"));
        if (!ids.insert(t.id).second)
            throw InputError(tr("scanmodel: thema-id '" + t.id + "' komt twee keer voor",
                                "scan model: theme id '" + t.id + "' is used twice"));
    }
    std::set<std::string> catIds;
    for (const auto& c : categories) {
        if (!themeIndex(c.themeId))
            throw InputError(tr("scanmodel: categorie '" + c.id + "' noemt een onbekend thema '" + c.themeId + "'",
                                "scan model: category '" + c.id + "' names unknown theme '" + c.themeId + "'"));
        if (!catIds.insert(c.id).second)
            throw InputError(tr("scanmodel: categorie-id '" + c.id + "' komt twee keer voor",
                                "scan model: category id '" + c.id + "' is used twice"));
        if (c.codes.empty() && c.labels.empty())
            throw InputError(tr("scanmodel: categorie '" + c.id + "' heeft codes noch omschrijvingen",
                                "scan model: category '" + c.id + "' has neither codes nor labels"));
    }
    if (periods.empty()) throw InputError(tr("scanmodel: geen perioden", "scan model: no periods defined"));
    if (std::count_if(periods.begin(), periods.end(), [](const Period& p) { return p.current; }) != 1)
        throw InputError(tr("scanmodel: precies één periode moet de huidige zijn",
                            "scan model: exactly one period must be the current one"));
    for (std::size_t i = 0; i < periods.size(); ++i) {
        if (!(periods[i].from < periods[i].to))
            throw InputError(tr("scanmodel: periode '" + periods[i].id + "' eindigt voor ze begint",
                                "scan model: period '" + periods[i].id + "' ends before it starts"));
        for (std::size_t j = i + 1; j < periods.size(); ++j)
            if (periods[i].from < periods[j].to && periods[j].from < periods[i].to)
                throw InputError(tr("scanmodel: perioden '" + periods[i].id + "' en '" + periods[j].id + "' overlappen",
                                    "scan model: periods '" + periods[i].id + "' and '" + periods[j].id + "' overlap"));
    }
}

CategoryClassifier::CategoryClassifier(const ScanModel& model) : m_incidentCodes(model.incidentCodes)
{
    for (std::size_t c = 0; c < model.categories.size(); ++c) {
        for (const auto& pattern : model.categories[c].codes) {
            std::string_view p = trim(pattern);
            const bool wildcard = p.ends_with('*');
            if (wildcard) p.remove_suffix(1);
            m_rules.push_back({std::string(p), wildcard, c});
        }
        for (const auto& label : model.categories[c].labels) m_labels.emplace_back(lower(trim(label)), c);
    }
    std::stable_sort(m_rules.begin(), m_rules.end(),
                     [](const Rule& a, const Rule& b) { return a.prefix.size() > b.prefix.size(); });
}

std::optional<std::size_t> CategoryClassifier::classifyCode(std::string_view c) const
{
    for (const auto& rule : m_rules) {
        if (!c.starts_with(rule.prefix)) continue;
        if (rule.wildcard || c.size() == rule.prefix.size()) return rule.category;
        // "1.1.1" also matches sub-codes "1.1.1.x", never "1.1.10".
        if (c[rule.prefix.size()] == '.') return rule.category;
    }
    return std::nullopt;
}

std::optional<std::size_t> CategoryClassifier::classify(std::string_view code, std::string_view label) const
{
    const std::string_view c = trim(code);
    if (!c.empty()) {
        if (const auto category = classifyCode(c)) return category;
        if (!m_incidentCodes.empty()) {
            std::string key(c);
            for (char& ch : key) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            if (const auto it = m_incidentCodes.find(key); it != m_incidentCodes.end()) return classifyCode(it->second);
        }
    }
    const std::string_view l = trim(label);
    if (!l.empty()) {
        const std::string key = lower(l);
        for (const auto& [text, category] : m_labels)
            if (text == key) return category;
    }
    return std::nullopt;
}

} // namespace gebiedscan
