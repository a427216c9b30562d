// The shared option groups: each option reaches the member it is bound to, the aliases and checks
// are the ones every command gets, and each group is a titled section of --help.
#include "commands.hpp"
#include "help_formatter.hpp"
#include "option_groups.hpp"

#include "gebiedscan/pipeline/scan_settings.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace {

using namespace gebiedscan::app;

// A command with every group and every optional member bound.
struct Everything {
    gebiedscan::gis::SourceSpec incidents;
    std::string category, label, date, dateTo, time, timeTo;
    std::string areas, areasLayer, code, name, population, areasCrs;
    std::vector<std::string> parents;
    std::string workingCrs;
    std::filesystem::path out;
    bool dutchCsv = true, internal = false, quiet = false, strict = false;
    unsigned threads = 0;
};

void addEverything(CLI::App& cmd, Everything& e, bool incidentsRequired = false)
{
    addIncidentSourceOptions(cmd, {.source = &e.incidents,
                                   .categoryField = &e.category,
                                   .labelField = &e.label,
                                   .dateField = &e.date,
                                   .dateToField = &e.dateTo,
                                   .timeField = &e.time,
                                   .timeToField = &e.timeTo,
                                   .required = incidentsRequired,
                                   .bareLayerAlias = false});
    addAreaOptions(cmd, {.path = &e.areas,
                         .layer = &e.areasLayer,
                         .codeField = &e.code,
                         .nameField = &e.name,
                         .parentFields = &e.parents,
                         .populationField = &e.population,
                         .assumeCrs = &e.areasCrs});
    addCrsOptions(cmd, {.workingCrs = &e.workingCrs});
    addOutputOptions(cmd, {.out = &e.out, .outRequired = false, .dutchCsv = &e.dutchCsv, .internal = &e.internal});
    addReportingOptions(cmd, {.quiet = &e.quiet, .strict = &e.strict, .threads = &e.threads});
}

TEST(OptionGroups, EveryOptionReachesItsMember)
{
    CLI::App cmd;
    Everything e;
    addEverything(cmd, e);
    cmd.parse(std::string("--incidents r.gpkg --incidents-layer reg --x-field X --y-field Y --where \"a = 1\" "
                          "--assume-crs EPSG:4326 --category-field code --label-field oms --date-field datum "
                          "--time-field uur --end-field tot --end-time-field tot_uur --areas b.gpkg --areas-layer "
                          "buurten --area-code-field BU "
                          "--area-name-field BN --area-parent-field WK --area-parent-field GM --population-field INW "
                          "--areas-crs EPSG:28992 --working-crs EPSG:3035 --out uit --csv intl --internal -q --strict "
                          "--threads 3"),
              false);
    EXPECT_EQ(e.incidents.path, "r.gpkg");
    EXPECT_EQ(e.incidents.layer, "reg");
    EXPECT_EQ(e.incidents.xField, "X");
    EXPECT_EQ(e.incidents.yField, "Y");
    EXPECT_EQ(e.incidents.attributeFilter, "a = 1");
    EXPECT_EQ(e.incidents.assumeCrs, "EPSG:4326");
    EXPECT_EQ(e.category, "code");
    EXPECT_EQ(e.label, "oms");
    EXPECT_EQ(e.date, "datum");
    EXPECT_EQ(e.dateTo, "tot");
    EXPECT_EQ(e.time, "uur");
    EXPECT_EQ(e.timeTo, "tot_uur");
    EXPECT_EQ(e.areas, "b.gpkg");
    EXPECT_EQ(e.areasLayer, "buurten");
    EXPECT_EQ(e.code, "BU");
    EXPECT_EQ(e.name, "BN");
    EXPECT_EQ(e.parents, (std::vector<std::string>{"WK", "GM"}));
    EXPECT_EQ(e.population, "INW");
    EXPECT_EQ(e.areasCrs, "EPSG:28992");
    EXPECT_EQ(e.workingCrs, "EPSG:3035");
    EXPECT_EQ(e.out, std::filesystem::path("uit"));
    EXPECT_FALSE(e.dutchCsv);
    EXPECT_TRUE(e.internal);
    EXPECT_TRUE(e.quiet);
    EXPECT_TRUE(e.strict);
    EXPECT_EQ(e.threads, 3u);
    // The options are found through the command, as a command's run looks them up.
    EXPECT_EQ(cmd.count("--incidents"), 1u);
    EXPECT_EQ(cmd.count("--csv"), 1u);
}

TEST(OptionGroups, DateToFieldIsTheOldNameOfEndField)
{
    CLI::App cmd;
    Everything e;
    addEverything(cmd, e);
    cmd.parse(std::string("--date-to-field pleegdatum_tot"), false);
    EXPECT_EQ(e.dateTo, "pleegdatum_tot");
}

TEST(OptionGroups, CsvNlIsDutchAndOnlyNlOrIntlAreAccepted)
{
    CLI::App cmd;
    Everything e;
    e.dutchCsv = false;
    addEverything(cmd, e);
    cmd.parse(std::string("--csv nl"), false);
    EXPECT_TRUE(e.dutchCsv);
    CLI::App again;
    Everything f;
    addEverything(again, f);
    EXPECT_THROW(again.parse(std::string("--csv excel"), false), CLI::ValidationError);
    EXPECT_TRUE(f.dutchCsv); // untouched
}

TEST(OptionGroups, BareLayerAliasOnlyWhereAsked)
{
    Everything e;
    CLI::App scanLike;
    addEverything(scanLike, e); // incidents without --layer: a scan reads two layers
    EXPECT_THROW(scanLike.parse(std::string("--layer x"), false), CLI::ExtrasError);

    CLI::App kdeLike;
    gebiedscan::gis::SourceSpec incidents;
    addIncidentSourceOptions(kdeLike, {.source = &incidents});
    kdeLike.parse(std::string("--layer reg --filter \"b = 2\""), false);
    EXPECT_EQ(incidents.layer, "reg");
    EXPECT_EQ(incidents.attributeFilter, "b = 2");

    CLI::App hotspotsLike;
    std::string path, layer, x, y;
    addAreaOptions(
        hotspotsLike,
        {.path = &path, .layer = &layer, .xField = &x, .yField = &y, .required = true, .bareLayerAlias = true});
    hotspotsLike.parse(std::string("--areas p.csv --layer p --x-field lon --y-field lat"), false);
    EXPECT_EQ(layer, "p");
    EXPECT_EQ(x, "lon");
    EXPECT_EQ(y, "lat");
}

TEST(OptionGroups, RequiredAndExistingPathChecks)
{
    Everything e;
    CLI::App cmd;
    addEverything(cmd, e, true);
    EXPECT_THROW(cmd.parse(std::string("--areas b.gpkg"), false), CLI::RequiredError);

    CLI::App synthLike;
    std::string areas;
    addAreaOptions(synthLike, {.path = &areas, .required = true, .mustExist = true});
    EXPECT_THROW(synthLike.parse(std::string("--areas /bestaat/niet.gpkg"), false), CLI::ValidationError);

    CLI::App output;
    std::string out;
    addOutputOptions(output, {.out = &out});
    EXPECT_THROW(output.parse(std::string(""), false), CLI::RequiredError);
    // A negative thread count is an error, not four billion threads.
    CLI::App reporting;
    unsigned threads = 0;
    addReportingOptions(reporting, {.threads = &threads});
    EXPECT_THROW(reporting.parse(std::string("--threads -1"), false), CLI::ConversionError);
}

TEST(OptionGroups, OnlyTheBoundOptionsExist)
{
    CLI::App cmd;
    gebiedscan::gis::SourceSpec incidents;
    std::string date;
    addIncidentSourceOptions(cmd, {.source = &incidents, .dateField = &date});
    EXPECT_NE(cmd.get_option_no_throw("--date-field"), nullptr);
    for (const char* absent : {"--category-field", "--label-field", "--date-to-field", "--end-field", "--time-field",
                               "--end-time-field", "--areas", "--out"})
        EXPECT_EQ(cmd.get_option_no_throw(absent), nullptr) << absent;
    EXPECT_THROW(addAreaOptions(cmd, {}), std::logic_error);
}

TEST(OptionGroups, EachGroupIsATitledSectionOfTheHelpInOrder)
{
    CLI::App cmd{"test", "test"};
    cmd.formatter(std::make_shared<HelpFormatter>(Language::Dutch));
    Everything e;
    addEverything(cmd, e);
    const std::string help = cmd.help();
    std::size_t previous = 0;
    for (const std::string title : {kIncidentSourceTitle, kAreaTitle, kCrsTitle, kOutputTitle, kReportingTitle}) {
        const auto at = help.find("\n" + title + ":\n");
        ASSERT_NE(at, std::string::npos) << title << " in\n" << help;
        EXPECT_GT(at, previous) << title;
        previous = at;
    }
    // The options sit under their title, not in a CLI11 "[Option Group: ...]" box.
    EXPECT_EQ(help.find("Option Group"), std::string::npos) << help;
    EXPECT_LT(help.find("\nRegistraties:\n"), help.find("  --incidents TEKST"));
    EXPECT_GT(help.find("\nGebieden:\n"), help.find("  --end-field,--date-to-field TEKST"));
    EXPECT_GT(help.find("\nGebieden:\n"), help.find("  --time-field TEKST"));
}

} // namespace

using gebiedscan::pipeline::ScanOptions;

TEST(OptionGroups, EveryScanSettingIsAnOptionBoundToTheTablesMember)
{
    using gebiedscan::pipeline::SettingType;
    for (const auto& s : gebiedscan::pipeline::scanSettings()) {
        if (s.flag.empty()) continue;
        CLI::App cmd;
        ScanOptions cli;
        addScanOptions(cmd, cli); // as `gebiedscan scan` has them
        const std::string flag(s.flag);
        std::string line = flag;
        switch (s.type) {
        case SettingType::Text:
        case SettingType::Path:
        case SettingType::TextList: line += " proef"; break;
        case SettingType::Integer: line += " " + std::to_string(s.min + 1); break;
        case SettingType::CsvFormat: line += " intl"; break;
        case SettingType::Flag: break;
        }
        cmd.parse(line, false);
        ASSERT_EQ(cmd.count(flag), 1u) << flag;
        // What the option set is what the table copies: the group bound the table's member.
        ScanOptions merged;
        copySetting(s, cli, merged);
        std::visit(
            [&](auto member) {
                const auto& value = member(merged);
                using V = std::remove_cvref_t<decltype(value)>;
                if constexpr (std::is_same_v<V, std::string>)
                    EXPECT_EQ(value, "proef") << flag;
                else if constexpr (std::is_same_v<V, std::filesystem::path>)
                    EXPECT_EQ(value, "proef") << flag;
                else if constexpr (std::is_same_v<V, std::vector<std::string>>)
                    EXPECT_EQ(value, std::vector<std::string>{"proef"}) << flag;
                else if constexpr (std::is_same_v<V, std::optional<int>>)
                    EXPECT_EQ(value, s.min + 1) << flag;
                else if constexpr (std::is_same_v<V, bool>)
                    EXPECT_EQ(value, s.type == SettingType::Flag) << flag;
                else
                    EXPECT_EQ(static_cast<std::int64_t>(value), s.min + 1) << flag;
            },
            s.target);
    }
}

TEST(OptionGroups, ScanSettingRangesHoldOnTheCommandLine)
{
    for (const std::string line : {"--year 1794", "--year 2101", "--permutations -1", "--permutations 100000",
                                   "--threads 5000", "--reference-years -1"}) {
        CLI::App cmd;
        ScanOptions cli;
        addScanOptions(cmd, cli); // as `gebiedscan scan` has them
        EXPECT_THROW(cmd.parse(line, false), CLI::ValidationError) << line;
        EXPECT_EQ(cli.permutations, 999u) << line;
    }
    CLI::App cmd;
    ScanOptions cli;
    addScanOptions(cmd, cli); // as `gebiedscan scan` has them
    cmd.parse(std::string("--year 2100 --permutations 99999 --threads 0 --grid hex:250 --model m.toml"), false);
    EXPECT_EQ(cli.year, 2100);
    EXPECT_EQ(cli.permutations, 99999u);
    EXPECT_EQ(cli.grid, "hex:250");
    EXPECT_EQ(cli.model, std::filesystem::path("m.toml"));
}
