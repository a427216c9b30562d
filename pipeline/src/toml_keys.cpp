#include "gebiedscan/pipeline/toml_keys.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace gebiedscan::pipeline {

toml::table parseTomlFile(const std::filesystem::path& file)
{
    try {
        return toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        // toml++'s own description is English; the frame around it says what it is.
        throw InputError(fmt::format("{}:{}:{}: {}{}", file.string(), e.source().begin.line, e.source().begin.column,
                                     tr("geen geldige TOML: ", ""), e.description()));
    }
}

void rejectUnknownKeys(const toml::table& table, std::span<const std::string_view> known,
                       const std::filesystem::path& file, std::string_view section)
{
    for (const auto& [key, node] : table) {
        if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
        std::string list;
        for (const auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        throw InputError(tr(fmt::format("{}:{}: onbekende sleutel '{}' in {} (bekend: {})", file.string(),
                                        key.source().begin.line, key.str(), section, list),
                            fmt::format("{}:{}: unknown key '{}' in {} (known: {})", file.string(),
                                        key.source().begin.line, key.str(), section, list)));
    }
}

} // namespace gebiedscan::pipeline
