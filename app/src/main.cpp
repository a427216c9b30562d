// gebiedscan: area scans, hotspots and black spots for Dutch public-safety analysis.
#include "commands.hpp"
#include "console.hpp"

#include "gebiedscan/core/error.hpp"

#include <clocale>
#include <iostream>

int main(int argc, char** argv)
{
    // Numbers in outputs are formatted by us and by GDAL in the C locale, whatever LANG says.
    std::setlocale(LC_NUMERIC, "C");
    CLI::App app{"gebiedscan " GEBIEDSCAN_VERSION " - gebiedscans, hotspots en black spots voor de veiligheidsanalyse\n"
                 "(area scans, hotspots and black spots for Dutch public-safety analysis)"};
    app.require_subcommand(1);
    app.set_version_flag("--version", GEBIEDSCAN_VERSION);
    gebiedscan::app::registerScanCommand(app);
    gebiedscan::app::registerSynthCommand(app);
    gebiedscan::app::registerKdeCommand(app);
    gebiedscan::app::registerTrendsCommand(app);
    gebiedscan::app::registerBlackSpotsCommand(app);
    gebiedscan::app::registerHotspotsCommand(app);
    gebiedscan::app::registerAuditCommand(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const gebiedscan::InputError& e) {
        gebiedscan::app::printError(e.what());
        return 2;
    } catch (const gebiedscan::OutputError& e) {
        gebiedscan::app::printError(e.what());
        return 3;
    } catch (const std::exception& e) {
        gebiedscan::app::printError(e.what());
        return 1;
    }
    return 0;
}
