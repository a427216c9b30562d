#pragma once
// The command line speaks Dutch like the rest of gebiedscan: --help section titles and labels, and
// (parse_errors.hpp) the parse errors. GEBIEDSCAN_LANG=en switches both to English.
#include <CLI/CLI.hpp>

#include <string>

namespace gebiedscan::app {

enum class Language { Dutch, English };

/// English when GEBIEDSCAN_LANG starts with "en", else Dutch. LANG is not followed: the rest of
/// the tool's text is Dutch whatever the locale, and many machines run with LANG=en_US.
[[nodiscard]] Language languageFromEnvironment();

/// Help output with Dutch titles ("Gebruik", "Opties", "Subopdrachten", the option groups as
/// sections of their own) and labels (TEKST, GETAL, VERPLICHT).
class HelpFormatter : public CLI::Formatter {
public:
    explicit HelpFormatter(Language language = Language::Dutch);

    std::string make_group(std::string group, bool isPositional, std::vector<const CLI::Option*> opts) const override;
    std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override;
    std::string make_expanded(const CLI::App* sub) const override;
    std::string make_option_opts(const CLI::Option* opt) const override;

private:
    Language m_language;
};

/// Names `app` gebiedscan (not argv[0]) and sets its formatter and help and version flags in `language`. Call it before the
/// commands are registered: subcommands and their option groups inherit all three.
void useHelpLanguage(CLI::App& app, Language language, const std::string& version);

} // namespace gebiedscan::app
