#pragma once
// Each subcommand of `gebiedscan` registers itself here; main.cpp calls these in order.
#include <CLI/CLI.hpp>

namespace gebiedscan::app {

void registerScanCommand(CLI::App& app);
void registerSynthCommand(CLI::App& app);
void registerKdeCommand(CLI::App& app);
void registerTrendsCommand(CLI::App& app);
void registerBlackSpotsCommand(CLI::App& app);
void registerHotspotsCommand(CLI::App& app);
void registerAuditCommand(CLI::App& app);

} // namespace gebiedscan::app
