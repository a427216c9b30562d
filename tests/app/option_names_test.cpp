// The commands that read incidents (scan, kde, trends) take the same option names for the same
// thing: --incidents-layer (or --layer) and --filter (or --where). An analyst who learnt one
// command must not get "unknown option" from the next.
#include "commands.hpp"

#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
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
            // kde is police-internal output only: without --internal it refuses before reading.
            const std::string areas = command == "kde" ? " --internal" : " --areas /bestaat/niet.geojson";
            const auto error = parseError(command + " --incidents /bestaat/niet.gpkg " + options + areas +
                                          " --out /tmp/gebiedscan-option-names-uit.tif");
            // The options are accepted: the run gets as far as the missing file.
            EXPECT_NE(error.find("kan '/bestaat/niet"), std::string::npos)
                << command << " " << options << ": " << error;
        }
}

namespace {

// Every option of a command, its option groups included.
void collectOptions(const CLI::App& command, std::vector<const CLI::Option*>& out)
{
    for (const CLI::Option* o : command.get_options()) out.push_back(o);
    for (const CLI::App* g : command.get_subcommands([](const CLI::App* s) { return s->get_name().empty(); }))
        collectOptions(*g, out);
}

} // namespace

// The options of the shared groups are declared once: the same name has the same help text (and
// so the same meaning) in every command that has it. Three take a command's own help on purpose:
// --areas, --out and --assume-crs (blackspots: roads and accidents).
TEST(OptionNames, SharedOptionsReadTheSameInEveryCommand)
{
    CLI::App app;
    gebiedscan::app::registerCommands(app);
    std::map<std::string, std::set<std::string>> descriptions;
    std::map<std::string, int> commands;
    for (const CLI::App* cmd : app.get_subcommands([](const CLI::App*) { return true; })) {
        std::vector<const CLI::Option*> options;
        collectOptions(*cmd, options);
        for (const CLI::Option* o : options) {
            descriptions[o->get_name()].insert(o->get_description());
            ++commands[o->get_name()];
        }
    }
    for (const std::string name :
         {"--incidents", "--incidents-layer", "--x-field", "--y-field", "--filter", "--category-field", "--label-field",
          "--date-field", "--areas-layer", "--area-code-field", "--area-name-field", "--working-crs", "--csv",
          "--internal", "--quiet", "--threads", "--model", "--theme"}) {
        EXPECT_GE(commands[name], 2) << name << " is not shared";
        EXPECT_EQ(descriptions[name].size(), 1u) << name << " reads differently in different commands";
    }
    EXPECT_EQ(commands["--incidents"], 5);   // scan, kde, trends, nearrepeat, facilities
    EXPECT_EQ(commands["--working-crs"], 8); // all but audit and export
    EXPECT_EQ(commands["--quiet"], 9);       // all but synth
}

// Each command that reads incidents shows them as one section of its help, with the same title.
TEST(OptionNames, GroupsAreSectionsOfEveryCommandsHelp)
{
    CLI::App app;
    gebiedscan::app::registerCommands(app);
    for (const std::string name : {"scan", "kde", "trends", "nearrepeat", "facilities"}) {
        const std::string help = app.get_subcommand(name)->help();
        EXPECT_NE(help.find("[Option Group: Registraties]"), std::string::npos) << name << "\n" << help;
    }
    for (const std::string name : {"scan", "trends", "hotspots", "blackspots", "synth"})
        EXPECT_NE(app.get_subcommand(name)->help().find("[Option Group: Gebieden]"), std::string::npos) << name;
}
