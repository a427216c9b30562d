#pragma once
// CLI11's parse errors (English, exit codes 101-120) turned into one clear line in the user's
// language, for exit code 2 like every other bad input. --help and --version are not errors.
#include "help_formatter.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace gebiedscan::app {

/// The message for `error` (without the "gebiedscan: fout: " prefix), e.g. "onbekende optie
/// --incident (bedoelde u --incidents?)". `app` is the top-level app after the failed parse (it
/// knows which subcommand was being read); `args` are the arguments after the program name.
[[nodiscard]] std::string describeParseError(const CLI::App& app, const CLI::ParseError& error,
                                             const std::vector<std::string>& args, Language language);

/// "Meer uitleg: gebiedscan scan --help" for the subcommand being read (or the program).
[[nodiscard]] std::string helpHint(const CLI::App& app, Language language);

} // namespace gebiedscan::app
