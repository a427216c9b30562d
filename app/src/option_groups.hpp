#pragma once
// The options several commands share, declared once. A command adds the groups it has, bound to its
// own options struct; each group is a section of the command's --help. A name, an alias, a help
// text or a check therefore cannot differ between commands. A pointer left null means the command
// has no such option.
#include "gebiedscan/gis/vector_reader.hpp"
#include "gebiedscan/pipeline/scan_options.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace gebiedscan::app {

/// A path option bound to either kind of member the options structs use.
using PathTarget = std::variant<std::string*, std::filesystem::path*>;

/// Where the incidents come from: --incidents, --incidents-layer, --x-field, --y-field, --filter
/// and --assume-crs (all into `source`), and the fields the command reads.
struct IncidentSourceGroup {
    gis::SourceSpec* source = nullptr; ///< must be set
    std::string* categoryField = nullptr;
    std::string* labelField = nullptr;
    std::string* dateField = nullptr;
    std::string* dateToField = nullptr; ///< --end-field (alias --date-to-field)
    std::string* timeField = nullptr;   ///< --time-field: time of day of the date, in a column of its own
    std::string* timeToField = nullptr; ///< --end-time-field: time of day of the end
    bool required = false;              ///< --incidents must be given (not when a project file can give it)
    bool bareLayerAlias = true;         ///< --layer as well (not in a command that reads two layers)
};

/// The areas (polygons) or, for hotspots, any layer: --areas, --areas-layer, the area fields and
/// --areas-crs; --x-field/--y-field for a point layer given as CSV.
struct AreaGroup {
    std::string* path = nullptr; ///< must be set
    std::string* layer = nullptr;
    std::string* codeField = nullptr;
    std::string* nameField = nullptr;
    std::vector<std::string>* parentFields = nullptr;
    std::string* populationField = nullptr;
    std::string* assumeCrs = nullptr; ///< --areas-crs
    std::string* xField = nullptr;
    std::string* yField = nullptr;
    std::string pathHelp{};      ///< empty: the areas of a scan
    bool required = false;       ///< --areas must be given
    bool mustExist = false;      ///< --areas is a local file or folder that exists (no PG:)
    bool bareLayerAlias = false; ///< --layer as well (a command whose only input is this layer)
};

/// The coordinate systems: --working-crs, and --assume-crs for a command without incident group.
struct CrsGroup {
    std::string* workingCrs = nullptr;
    std::string* assumeCrs = nullptr; ///< only when no IncidentSourceGroup is added (it has one)
    std::string assumeCrsHelp{};      ///< empty: the general text
};

/// What is written: --out, --csv nl|intl, --internal.
struct OutputGroup {
    PathTarget out = static_cast<std::string*>(nullptr);
    std::string outHelp = "uitvoermap";
    bool outRequired = true;  ///< false when a project file can give it
    bool* dutchCsv = nullptr; ///< --csv nl (true) or intl (false)
    bool* internal = nullptr;
};

/// The scan model and one theme of it: --model, --theme.
struct ThemeGroup {
    std::string* theme = nullptr; ///< nullptr: the whole model (scan)
    PathTarget model = static_cast<std::string*>(nullptr);
};

/// How the run behaves and talks: -q/--quiet, --strict, --threads.
struct ReportingGroup {
    bool* quiet = nullptr;
    bool* strict = nullptr;
    unsigned* threads = nullptr;
};

/// A check for an unsigned option: CLI11 reads "-1" for a 64-bit unsigned as 2^64 - 1 (a
/// --count -1 would run for ever), so the text is checked as a signed number of 0 or more.
[[nodiscard]] CLI::Validator nonNegativeWholeNumber();
/// A whole number from `min` to `max` (the message names both, as for the scan's settings).
[[nodiscard]] CLI::Validator wholeNumberRange(std::int64_t min, std::int64_t max);
/// A finite number from `min` to `max`: unlike CLI::Range, NaN and text are refused too (the
/// message names both bounds, as wholeNumberRange does).
[[nodiscard]] CLI::Validator numberRange(double min, double max);

/// Section titles in --help; tests and commands refer to these.
inline constexpr const char* kIncidentSourceTitle = "Registraties";
inline constexpr const char* kAreaTitle = "Gebieden";
inline constexpr const char* kThemeTitle = "Scanmodel";
inline constexpr const char* kCrsTitle = "Coördinatenstelsels";
inline constexpr const char* kOutputTitle = "Uitvoer";
inline constexpr const char* kReportingTitle = "Verloop";

CLI::Option_group* addIncidentSourceOptions(CLI::App& command, const IncidentSourceGroup& group);
CLI::Option_group* addAreaOptions(CLI::App& command, const AreaGroup& group);
CLI::Option_group* addThemeOptions(CLI::App& command, const ThemeGroup& group);
CLI::Option_group* addCrsOptions(CLI::App& command, const CrsGroup& group);
CLI::Option_group* addOutputOptions(CLI::App& command, const OutputGroup& group);
CLI::Option_group* addReportingOptions(CLI::App& command, const ReportingGroup& group);

/// The scan settings of the one mapping (pipeline::scanSettings) on the command line, bound to the
/// same members of `target` as the table says: the flags no group has added yet are added from
/// the table (type, help); every integer setting, grouped or not, gets the table's range check.
/// Call after the groups.
void addScanSettingOptions(CLI::App& command, pipeline::ScanOptions& target);

} // namespace gebiedscan::app
