#pragma once
// Each subcommand of `gebiedscan` registers itself here; registerCommands calls them in the order
// of `gebiedscan --help`.
#include "gebiedscan/pipeline/scan_options.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace gebiedscan::app {

void registerScanCommand(CLI::App& app);
void registerSynthCommand(CLI::App& app);
void registerKdeCommand(CLI::App& app);
void registerTrendsCommand(CLI::App& app);
void registerBlackSpotsCommand(CLI::App& app);
void registerHotspotsCommand(CLI::App& app);
void registerNearRepeatCommand(CLI::App& app);
void registerFacilitiesCommand(CLI::App& app);
void registerAuditCommand(CLI::App& app);
void registerExportCommand(CLI::App& app);
/// `report` (the veiligheidsanalyse PDF) needs Qt: only in builds with the viewer.
void registerReportCommand(CLI::App& app);

/// How `export` puts the veiligheidsanalyse into its package: writes the report of `scanDir` into
/// `packageDir` and returns the file names written. Set by registerReportCommand in builds with
/// Qt; empty otherwise (the package then holds a PDF only when --report names one).
using ExportReportWriter = std::function<std::vector<std::string>(const std::filesystem::path& scanDir,
                                                                  const std::filesystem::path& packageDir, bool quiet)>;
ExportReportWriter& exportReportWriter();

/// The options of `scan` bound to `commandLine`: the shared groups and the scan settings table.
/// Used by registerScanCommand and by the tests that hold the bindings against the table.
void addScanOptions(CLI::App& command, pipeline::ScanOptions& commandLine);

/// All of the above, in that order.
inline void registerCommands(CLI::App& app)
{
    registerScanCommand(app);
    registerSynthCommand(app);
    registerKdeCommand(app);
    registerTrendsCommand(app);
    registerBlackSpotsCommand(app);
    registerHotspotsCommand(app);
    registerNearRepeatCommand(app);
    registerFacilitiesCommand(app);
    registerAuditCommand(app);
    registerExportCommand(app);
#ifdef GEBIEDSCAN_WITH_REPORT
    registerReportCommand(app);
#endif
}

} // namespace gebiedscan::app
