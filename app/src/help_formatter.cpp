#include "help_formatter.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string_view>
#include <utility>

namespace gebiedscan::app {

namespace {

// CLI11's words in --help, and the Dutch for them. Type names come first in an option's line
// ("--csv TEXT:{nl,intl}"), so they are also replaced where a check has been appended to them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kDutchLabels{{
    {"Usage", "Gebruik"},
    {"OPTIONS", "OPTIES"},
    {"SUBCOMMAND", "SUBOPDRACHT"},
    {"SUBCOMMANDS", "SUBOPDRACHTEN"},
    {"Positionals", "Argumenten"},
    {"Options", "Opties"},
    {"Subcommands", "Subopdrachten"},
    {"REQUIRED", "VERPLICHT"},
    {"Needs", "vereist"},
    {"Excludes", "niet samen met"},
    {"Env", "omgeving"},
    {"TEXT", "TEKST"},
    {"INT", "GETAL"},
    {"UINT", "GETAL"},
    {"FLOAT", "GETAL"},
    {"BOOLEAN", "JA/NEE"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kDutchCheckNames{{
    {"FILE", "BESTAND"},
    {"DIR", "MAP"},
    {"PATH(existing)", "PAD"},
}};

} // namespace

Language languageFromEnvironment()
{
    const char* value = std::getenv("GEBIEDSCAN_LANG");
    return value != nullptr && std::string_view(value).substr(0, 2) == "en" ? Language::English : Language::Dutch;
}

HelpFormatter::HelpFormatter(Language language) : m_language(language)
{
    if (language == Language::Dutch)
        for (const auto& [english, dutch] : kDutchLabels) label(std::string(english), std::string(dutch));
    column_width(32);
}

std::string HelpFormatter::make_group(std::string group, bool isPositional, std::vector<const CLI::Option*> opts) const
{
    return CLI::Formatter::make_group(get_label(group), isPositional, std::move(opts));
}

std::string HelpFormatter::make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const
{
    std::string out;
    std::vector<std::string> groups; // in the order first seen
    const auto subcommands = app->get_subcommands([](const CLI::App*) { return true; });
    for (const CLI::App* sub : subcommands) {
        if (sub->get_name().empty()) { // an option group: a section of this command's options
            if (!sub->get_group().empty()) out += make_expanded(sub);
            continue;
        }
        if (!sub->get_group().empty() && std::find(groups.begin(), groups.end(), sub->get_group()) == groups.end())
            groups.push_back(sub->get_group());
    }
    for (const auto& group : groups) {
        out += "\n" + get_label(group) + ":\n";
        for (const CLI::App* sub : subcommands) {
            if (sub->get_name().empty() || sub->get_group() != group) continue;
            out += mode == CLI::AppFormatMode::All ? sub->help(sub->get_name(), CLI::AppFormatMode::Sub) + "\n"
                                                   : make_subcommand(sub);
        }
    }
    return out;
}

std::string HelpFormatter::make_expanded(const CLI::App* sub) const
{
    if (!sub->get_name().empty()) return CLI::Formatter::make_expanded(sub);
    const auto opts = sub->get_options([sub](const CLI::Option* o) {
        return o->nonpositional() && o != sub->get_help_ptr() && o != sub->get_help_all_ptr();
    });
    if (opts.empty()) return {};
    return make_group(sub->get_group(), false, opts);
}

std::string HelpFormatter::make_option_opts(const CLI::Option* opt) const
{
    std::string text = CLI::Formatter::make_option_opts(opt);
    if (m_language != Language::Dutch) return text;
    for (const auto& [english, dutch] : kDutchLabels) {
        const std::string prefix = " " + std::string(english) + ":";
        if (text.rfind(prefix, 0) == 0) {
            text.replace(1, english.size(), dutch);
            break;
        }
    }
    // What a file check appends to the type: "TEKST:FILE".
    for (const auto& [english, dutch] : kDutchCheckNames) {
        const std::string suffix = ":" + std::string(english);
        if (const auto at = text.find(suffix); at != std::string::npos) {
            text.replace(at + 1, english.size(), dutch);
            break;
        }
    }
    return text;
}

void useHelpLanguage(CLI::App& app, Language language, const std::string& version)
{
    const bool dutch = language == Language::Dutch;
    app.name("gebiedscan");
    app.formatter(std::make_shared<HelpFormatter>(language));
    app.set_help_flag("-h,--help", dutch ? "toon deze hulp en stop" : "print this help and exit");
    app.set_version_flag("--version", version,
                         dutch ? "toon het versienummer en stop" : "print the version number and exit");
}

} // namespace gebiedscan::app
