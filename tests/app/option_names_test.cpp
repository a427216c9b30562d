// The commands that read incidents (scan, kde, trends) take the same option names for the same
// thing: --incidents-layer (or --layer) and --filter (or --where). An analyst who learnt one
// command must not get "unknown option" from the next.
#include "commands.hpp"

#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

// Parses `line` with every command registered; returns the error text (empty when none).
std::string parseError(const std::string& line)
{
    CLI::App app;
    gebiedscan::app::registerScanCommand(app);
    gebiedscan::app::registerKdeCommand(app);
    gebiedscan::app::registerTrendsCommand(app);
    try {
        app.parse(line);
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST(OptionNames, IncidentLayerAndFilterHaveTheSameNamesInEveryCommand)
{
    for (const std::string command : {"scan", "kde", "trends"})
        for (const std::string options : {"--incidents-layer registraties --filter \"code = '1.1.1'\"",
                                          "--layer registraties --where \"code = '1.1.1'\""}) {
            if (command == "scan" && options.rfind("--layer", 0) == 0) continue; // scan has two layers: no bare --layer
            const std::string areas = command == "kde" ? "" : " --areas /bestaat/niet.geojson";
            const auto error = parseError(command + " --incidents /bestaat/niet.gpkg " + options + areas +
                                          " --out /tmp/gebiedscan-option-names-uit.tif");
            // The options are accepted: the run gets as far as the missing file.
            EXPECT_NE(error.find("cannot open '/bestaat/niet"), std::string::npos)
                << command << " " << options << ": " << error;
        }
}
