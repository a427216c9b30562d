#pragma once
// The one mapping between a scan's settings and ScanOptions: project-file key, command-line flag,
// type and member, in one table. The project-file loader and the command line's override both go
// through it, so a new setting is one row here and cannot be spelt differently in two places.
#include "gebiedscan/pipeline/scan_options.hpp"

#include <toml++/toml.h>

#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gebiedscan::pipeline {

/// What a setting holds; the project file must hold exactly this TOML type.
enum class SettingType {
    Text,      ///< a string
    Path,      ///< a string; relative to the project file's folder (PG: strings as they are)
    Integer,   ///< a whole number within [min, max]
    Flag,      ///< true or false
    TextList,  ///< an array of strings
    CsvFormat, ///< "nl" or "intl" (into a bool: true = nl)
};

/// The member of ScanOptions a setting fills, as an accessor (members sit in nested structs).
using SettingTarget =
    std::variant<std::string& (*)(ScanOptions&), std::filesystem::path& (*)(ScanOptions&), int& (*)(ScanOptions&),
                 std::optional<int>& (*)(ScanOptions&), unsigned& (*)(ScanOptions&), std::size_t& (*)(ScanOptions&),
                 bool& (*)(ScanOptions&), std::vector<std::string>& (*)(ScanOptions&)>;

struct ScanSetting {
    std::string_view key;  ///< in [scan] of a project file; empty: command line only
    std::string_view flag; ///< on the command line, e.g. "--incidents"; empty: project file only
    SettingType type;
    SettingTarget target;
    std::string_view help; ///< for --help (Dutch), where no shared option group declares the flag
    std::int64_t min = std::numeric_limits<int>::min(); ///< Integer only, inclusive
    std::int64_t max = std::numeric_limits<int>::max(); ///< Integer only, inclusive
    /// A second member that gets the same text (--assume-crs is also the areas' CRS, unless a later
    /// row, --areas-crs, sets that one).
    std::string& (*alsoSets)(ScanOptions&) = nullptr;
};

/// Every setting of `gebiedscan scan` except the periods, in the order they are applied.
[[nodiscard]] const std::vector<ScanSetting>& scanSettings();

/// The row for a project-file key or a command-line flag; nullptr when there is none.
[[nodiscard]] const ScanSetting* findScanSettingByKey(std::string_view key);
[[nodiscard]] const ScanSetting* findScanSettingByFlag(std::string_view flag);

/// Sets `setting` from the value `node` of a project file. Throws InputError
/// "FILE:LINE: 'strict' must be true or false, not the text \"true\"" (in Dutch) when the value has
/// another type or lies outside the range.
void applyProjectValue(const ScanSetting& setting, const toml::node& node, const std::filesystem::path& file,
                       ScanOptions& options);

/// Copies the setting's member(s) from `from` (the command line's values) into `to`.
void copySetting(const ScanSetting& setting, ScanOptions& from, ScanOptions& to);

} // namespace gebiedscan::pipeline
