#pragma once
// Each subcommand of `gebiedscan` registers itself here; registerCommands calls them in the order
// of `gebiedscan --help`.
#include <CLI/CLI.hpp>

namespace gebiedscan::app {

void registerScanCommand(CLI::App& app);
void registerSynthCommand(CLI::App& app);
void registerKdeCommand(CLI::App& app);
void registerTrendsCommand(CLI::App& app);
void registerBlackSpotsCommand(CLI::App& app);
void registerHotspotsCommand(CLI::App& app);

/// All of the above, in that order.
inline void registerCommands(CLI::App& app)
{
    registerScanCommand(app);
    registerSynthCommand(app);
    registerKdeCommand(app);
    registerTrendsCommand(app);
    registerBlackSpotsCommand(app);
    registerHotspotsCommand(app);
}

} // namespace gebiedscan::app
