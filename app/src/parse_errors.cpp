#include "parse_errors.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <regex>
#include <sstream>

namespace gebiedscan::app {

namespace {

// One message in both languages; the Dutch one is the default.
struct Text {
    const char* dutch;
    const char* english;
};

template <typename... Args>
std::string say(Language language, Text text, Args&&... args)
{
    return fmt::format(fmt::runtime(language == Language::English ? text.english : text.dutch),
                       std::forward<Args>(args)...);
}

// The subcommand CLI11 was reading when it gave up (option groups are not commands).
const CLI::App& activeCommand(const CLI::App& app)
{
    const CLI::App* command = &app;
    for (bool deeper = true; deeper;) {
        deeper = false;
        for (const CLI::App* sub : command->get_subcommands())
            if (!sub->get_name().empty()) {
                command = sub;
                deeper = true;
                break;
            }
    }
    return *command;
}

std::string commandPath(const CLI::App& command)
{
    // The top-level app is called after argv[0] (a path); users know it as gebiedscan.
    std::string path = "gebiedscan";
    for (const CLI::App* a = &command; a->get_parent() != nullptr; a = a->get_parent())
        if (!a->get_name().empty()) path.insert(std::string("gebiedscan").size(), " " + a->get_name());
    return path;
}

// Every option of a command, its option groups included, as "--name" / "-n".
void collectOptionNames(const CLI::App& command, std::vector<std::string>& names)
{
    for (const CLI::Option* o : command.get_options()) {
        for (const auto& l : o->get_lnames()) names.push_back("--" + l);
        for (const auto& s : o->get_snames()) names.push_back("-" + s);
    }
    for (const CLI::App* sub : command.get_subcommands([](const CLI::App* s) { return s->get_name().empty(); }))
        collectOptionNames(*sub, names);
}

std::size_t editDistance(const std::string& a, const std::string& b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The option meant by a misspelt one: the nearest name within a few edits, or one it begins.
std::string nearestOption(const CLI::App& command, const std::string& given)
{
    std::vector<std::string> names;
    collectOptionNames(command, names);
    std::string best;
    std::size_t bestDistance = given.size() < 8 ? 2 : 3;
    for (const auto& name : names) {
        const std::size_t d = editDistance(given, name);
        if (d < bestDistance || (d == bestDistance && best.empty())) {
            best = name;
            bestDistance = d;
        }
    }
    if (best.empty() && given.size() >= 5)
        for (const auto& name : names)
            if (name.rfind(given, 0) == 0) return name;
    return best;
}

std::string subcommandList(const CLI::App& app)
{
    std::string list;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_name().empty(); }))
        list += (list.empty() ? "" : ", ") + sub->get_name();
    return list;
}

std::string expectedValue(const CLI::App& command, const std::string& optionName, Language language)
{
    const CLI::Option* option = command.get_option_no_throw(optionName);
    if (option == nullptr) return {};
    if (option->get_items_expected_max() == 0) // a flag
        return say(language,
                   {"geen waarde (het is een vlag), of true/false", "no value (it is a flag), or true/false"});
    const std::string type = option->get_type_name();
    if (type.rfind("UINT", 0) == 0) return say(language, {"een geheel getal vanaf 0", "a whole number from 0"});
    if (type.rfind("INT", 0) == 0) return say(language, {"een geheel getal", "a whole number"});
    if (type.rfind("FLOAT", 0) == 0)
        return say(language, {"een getal met een punt als decimaalteken, bv. 0.05", "a number, e.g. 0.05"});
    return {};
}

std::vector<std::string> splitWords(const std::string& text)
{
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

std::string joined(const std::vector<std::string>& words)
{
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

std::string describeExtras(const CLI::App& command, const std::string& listed, Language language)
{
    std::vector<std::string> options, arguments;
    for (const auto& word : splitWords(listed))
        (word.size() > 1 && word[0] == '-' ? options : arguments).push_back(word);
    if (!options.empty()) {
        if (options.size() > 1)
            return say(language, {"onbekende opties voor {}: {}", "unknown options for {}: {}"}, commandPath(command),
                       joined(options));
        const std::string given = options.front().substr(0, options.front().find('='));
        const std::string nearest = nearestOption(command, given);
        if (!nearest.empty() && nearest != given)
            return say(language,
                       {"onbekende optie {} voor {} (bedoelde u {}?)", "unknown option {} for {} (did you mean {}?)"},
                       given, commandPath(command), nearest);
        return say(language, {"onbekende optie {} voor {}", "unknown option {} for {}"}, given, commandPath(command));
    }
    const auto positionals = command.get_options([](const CLI::Option* o) { return o->get_positional(); });
    if (positionals.empty())
        return say(language,
                   {"onverwacht argument {}: {} neemt geen losse argumenten (opties beginnen met --)",
                    "unexpected argument {}: {} takes no arguments of its own (options begin with --)"},
                   joined(arguments), commandPath(command));
    std::string names;
    for (const CLI::Option* p : positionals) names += (names.empty() ? "" : ", ") + p->get_name();
    return say(language,
               {"te veel argumenten: {} (ook een optie zonder -- ervoor?); {} neemt er hoogstens {} ({})",
                "too many arguments: {} (an option without its --?); {} takes at most {} ({})"},
               joined(arguments), commandPath(command), positionals.size(), names);
}

template <typename T>
bool is(const CLI::ParseError& error)
{
    // Not by get_name(): CLI11 names some errors after the app that threw them.
    return dynamic_cast<const T*>(&error) != nullptr;
}

} // namespace

std::string helpHint(const CLI::App& app, Language language)
{
    return say(language, {"Meer uitleg: {} --help", "More: {} --help"}, commandPath(activeCommand(app)));
}

std::string describeParseError(const CLI::App& app, const CLI::ParseError& error, const std::vector<std::string>& args,
                               Language language)
{
    const CLI::App& command = activeCommand(app);
    const std::string what = error.what();
    std::smatch m;
    // CLI11 goes on after an unknown option and may fail later on what follows it (`scan
    // --incident x` takes x for the project file): the unknown option is the error to report.
    std::string unknown;
    for (const auto& word : command.remaining())
        if (word.size() > 1 && word[0] == '-') unknown += (unknown.empty() ? "" : " ") + word;
    if (!unknown.empty()) return describeExtras(command, unknown, language);

    if (is<CLI::RequiredError>(error)) {
        if (&command == &app && what.rfind("A subcommand", 0) == 0) {
            if (!args.empty() && args.front().size() > 1 && args.front()[0] == '-')
                return say(language,
                           {"onbekende optie {} (geef eerst een subopdracht: {})",
                            "unknown option {} (give a subcommand first: {})"},
                           args.front(), subcommandList(app));
            if (!args.empty() && !args.front().empty())
                return say(language,
                           {"onbekende subopdracht '{}' (kies uit: {})", "unknown subcommand '{}' (choose from: {})"},
                           args.front(), subcommandList(app));
            return say(language, {"geef een subopdracht: {}", "give a subcommand: {}"}, subcommandList(app));
        }
        if (std::regex_match(what, m, std::regex(R"((\S+) is required)")))
            return say(language, {"optie {} is verplicht voor {}", "option {} is required for {}"}, m[1].str(),
                       commandPath(command));
    } else if (is<CLI::ExtrasError>(error)) {
        if (std::regex_search(what, m, std::regex(R"(not expected: (.*)$)")))
            return describeExtras(command, m[1].str(), language);
    } else if (is<CLI::ArgumentMismatch>(error)) {
        if (std::regex_match(what, m, std::regex(R"((\S+): \d+ required .* missing)")))
            return say(language, {"optie {} verwacht een waarde", "option {} needs a value"}, m[1].str());
        if (std::regex_match(what, m, std::regex(R"((\S+): At least (\d+) required but received (\d+))")) ||
            std::regex_match(what, m,
                             std::regex(R"(Expected (?:exactly|at least) (\d+) arguments to (\S+), got (\d+))")))
            return what.rfind("Expected", 0) == 0
                       ? say(language,
                             {"optie {} verwacht {} waarden, kreeg er {}", "option {} takes {} values, got {}"},
                             m[2].str(), m[1].str(), m[3].str())
                       : say(language,
                             {"optie {} verwacht {} waarden, kreeg er {}", "option {} takes {} values, got {}"},
                             m[1].str(), m[2].str(), m[3].str());
        if (std::regex_match(what, m, std::regex(R"((\S+): At Most (\d+) required but received (\d+))")))
            return m[2].str() == "1" ? say(language,
                                           {"optie {} neemt één waarde maar kreeg er {} (meer dan eens gegeven?)",
                                            "option {} takes one value but got {} (given more than once?)"},
                                           m[1].str(), m[3].str())
                                     : say(language,
                                           {"optie {} neemt hoogstens {} waarden maar kreeg er {}",
                                            "option {} takes at most {} values but got {}"},
                                           m[1].str(), m[2].str(), m[3].str());
        if (std::regex_match(what, m, std::regex(R"((\S+) was given a disallowed flag override)")))
            return say(language, {"{} is een vlag en neemt geen waarde", "{} is a flag and takes no value"},
                       m[1].str());
    } else if (is<CLI::ConversionError>(error)) {
        std::string option, value;
        if (std::regex_match(what, m, std::regex(R"(Could not convert: (\S+) = (.*))"))) {
            option = m[1].str();
            value = m[2].str();
        } else if (std::regex_match(what, m, std::regex(R"(The value (.*) is not an allowed value for (\S+))"))) {
            option = m[2].str();
            value = m[1].str();
        } else if (std::regex_match(what, m,
                                    std::regex(R"((\S+): (too many inputs for a flag|Should be true/false.*))"))) {
            return say(language, {"{} is een vlag en neemt geen waarde", "{} is a flag and takes no value"},
                       m[1].str());
        }
        if (!option.empty()) {
            const std::string expected = expectedValue(command, option, language);
            return expected.empty()
                       ? say(language, {"ongeldige waarde '{}' voor {}", "invalid value '{}' for {}"}, value, option)
                       : say(language,
                             {"ongeldige waarde '{}' voor {}: verwacht {}", "invalid value '{}' for {}: expected {}"},
                             value, option, expected);
        }
    } else if (is<CLI::ValidationError>(error)) {
        if (std::regex_match(what, m, std::regex(R"((\S+): (.*) not in \{(.*)\})")))
            return say(language,
                       {"ongeldige waarde '{}' voor {} (kies uit: {})", "invalid value '{}' for {} (choose from: {})"},
                       m[2].str(), m[1].str(), std::regex_replace(m[3].str(), std::regex(","), ", "));
        if (std::regex_match(what, m, std::regex(R"((\S+): Value (.*) not in range (\S+) to (\S+))"))) {
            const CLI::Option* option = command.get_option_no_throw(m[1].str());
            const bool whole = option != nullptr && option->get_type_name().find("INT") != std::string::npos;
            if (m[4].str() == std::to_string(std::numeric_limits<std::int64_t>::max())) // nonNegativeWholeNumber
                return say(language,
                           {"ongeldige waarde '{}' voor {}: verwacht een geheel getal vanaf 0",
                            "invalid value '{}' for {}: expected a whole number from 0"},
                           m[2].str(), m[1].str());
            return say(language,
                       whole ? Text{"ongeldige waarde '{}' voor {}: verwacht een geheel getal van {} t/m {}",
                                    "invalid value '{}' for {}: expected a whole number from {} to {}"}
                             : Text{"ongeldige waarde '{}' voor {}: verwacht een getal van {} t/m {}",
                                    "invalid value '{}' for {}: expected a number from {} to {}"},
                       m[2].str(), m[1].str(), m[3].str(), m[4].str());
        }
        if (std::regex_match(what, m, std::regex(R"((\S+): (?:File|Path|Directory) does not exist: (.*))")))
            return say(language, {"{}: '{}' bestaat niet", "{}: '{}' does not exist"}, m[1].str(), m[2].str());
        if (std::regex_match(what, m, std::regex(R"((\S+): (.*))")))
            return say(language, {"ongeldige waarde voor {}: {}", "invalid value for {}: {}"}, m[1].str(), m[2].str());
    } else if (is<CLI::ExcludesError>(error)) {
        if (std::regex_match(what, m, std::regex(R"((\S+) excludes (\S+))")))
            return say(language, {"{} en {} gaan niet samen", "{} and {} cannot be used together"}, m[1].str(),
                       m[2].str());
    } else if (is<CLI::RequiresError>(error)) {
        if (std::regex_match(what, m, std::regex(R"((\S+) requires (\S+))")))
            return say(language, {"{} vereist {}", "{} requires {}"}, m[1].str(), m[2].str());
    }
    // An error this list does not know (another CLI11 version): CLI11's own words, still exit 2.
    return say(language, {"ongeldige opdrachtregel: {}", "invalid command line: {}"}, what);
}

} // namespace gebiedscan::app
