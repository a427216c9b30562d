#pragma once
// Model and project files are TOML: a misspelt key (say `suppres_below = 10`) must be an error,
// not silently left at its default - for the suppression threshold that would leak small counts.
#include <toml++/toml.h>

#include <filesystem>
#include <initializer_list>
#include <span>
#include <string_view>

namespace gebiedscan::pipeline {

/// Parses a model or project file; a syntax error is an InputError "FILE:LINE:COLUMN: reason".
[[nodiscard]] toml::table parseTomlFile(const std::filesystem::path& file);

/// Throws InputError "FILE:LINE: unknown key 'k' in SECTION (known: ...)" for the first key of
/// `table` that is not in `known`.
void rejectUnknownKeys(const toml::table& table, std::span<const std::string_view> known,
                       const std::filesystem::path& file, std::string_view section);

inline void rejectUnknownKeys(const toml::table& table, std::initializer_list<std::string_view> known,
                              const std::filesystem::path& file, std::string_view section)
{
    rejectUnknownKeys(table, std::span<const std::string_view>(known.begin(), known.size()), file, section);
}

} // namespace gebiedscan::pipeline
