// gebiedscan: area scans, hotspots and black spots for Dutch public-safety analysis.
#include "commands.hpp"
#include "console.hpp"
#include "help_formatter.hpp"
#include "parse_errors.hpp"

#include "gebiedscan/core/error.hpp"

#include <fmt/core.h>

#include <clocale>
#include <iostream>

int main(int argc, char** argv)
{
    using namespace gebiedscan::app;
    // Numbers in outputs are formatted by us and by GDAL in the C locale, whatever LANG says.
    std::setlocale(LC_NUMERIC, "C");
    const Language language = languageFromEnvironment();
    CLI::App app{"gebiedscan " GEBIEDSCAN_VERSION " - gebiedscans, hotspots en black spots voor de veiligheidsanalyse\n"
                 "(area scans, hotspots and black spots for Dutch public-safety analysis)"};
    useHelpLanguage(app, language, GEBIEDSCAN_VERSION);
    app.require_subcommand(1);
    registerCommands(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) { // --help, --version
        return app.exit(e);
    } catch (const CLI::RuntimeError& e) { // a command that ran and asks for its exit code (audit: 4)
        return e.get_exit_code();
    } catch (const CLI::ParseError& e) {
        // A bad command line is bad input like any other: one line in the user's language, exit 2.
        const std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
        const std::string message = describeParseError(app, e, args, language);
        if (language == Language::English)
            fmt::print(stderr, "gebiedscan: error: {}\n", message);
        else
            printError(message);
        fmt::print(stderr, "{}\n", helpHint(app, language));
        return 2;
    } catch (const gebiedscan::InputError& e) {
        printError(e.what());
        return 2;
    } catch (const gebiedscan::OutputError& e) {
        printError(e.what());
        return 3;
    } catch (const std::exception& e) {
        printError(e.what());
        return 1;
    }
    return 0;
}
