// A bad command line is bad input like any other: one Dutch line on stderr, a hint where to read
// more, exit code 2 (README: exit codes). CLI11's own English text and its exit codes 101-120 must
// never reach the user. --help and --version are not errors (exit 0) and --help speaks Dutch too.
#include "gebiedscan_build_paths.hpp"
#include "app_test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using gebiedscan::testing::TempDir;

struct Outcome {
    int exitCode = -1;
    std::string output; ///< stdout and stderr together
};

// Runs the built binary with GEBIEDSCAN_LANG set to `language` (unset when empty).
Outcome runCommandLine(const std::vector<std::string>& args, const std::string& language = "")
{
    const char* saved = std::getenv("GEBIEDSCAN_LANG");
    const std::optional<std::string> previous = saved ? std::optional<std::string>(saved) : std::nullopt;
    if (language.empty())
        ::unsetenv("GEBIEDSCAN_LANG");
    else
        ::setenv("GEBIEDSCAN_LANG", language.c_str(), 1);
    TempDir dir;
    const fs::path log = dir.path() / "log.txt";
    const pid_t pid = gebiedscan::testing::spawnGebiedscan(args, log);
    if (previous)
        ::setenv("GEBIEDSCAN_LANG", previous->c_str(), 1);
    else
        ::unsetenv("GEBIEDSCAN_LANG");
    Outcome o;
    if (pid < 0) return o;
    int status = 0;
    ::waitpid(pid, &status, 0);
    o.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    o.output = gebiedscan::testing::readText(log);
    return o;
}

class CommandLine : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (gebiedscan::testing::gebiedscanBinary().empty()) GTEST_SKIP() << "gebiedscan binary not built";
    }

    // The whole output of a failed parse: the Dutch error line and the hint, nothing else.
    static void expectDutchError(const std::vector<std::string>& args, const std::string& message,
                                 const std::string& command)
    {
        const Outcome o = runCommandLine(args);
        EXPECT_EQ(o.exitCode, 2) << o.output;
        EXPECT_EQ(o.output, "gebiedscan: fout: " + message + "\nMeer uitleg: " + command + " --help\n");
    }
};

TEST_F(CommandLine, UnknownOptionIsDutchWithTheNearestNameAndExitTwo)
{
    expectDutchError({"scan", "--incident", "registraties.csv"},
                     "onbekende optie --incident voor gebiedscan scan (bedoelde u --incidents?)", "gebiedscan scan");
    // --where=... with a typo: the value is not taken for a second error.
    expectDutchError({"kde", "--incidents", "a.gpkg", "--out", "a.tif", "--wher=jaar = 2024"},
                     "onbekende optie --wher voor gebiedscan kde (bedoelde u --where?)", "gebiedscan kde");
    expectDutchError({"scan", "--bogus", "--zork"}, "onbekende opties voor gebiedscan scan: --bogus, --zork",
                     "gebiedscan scan");
}

TEST_F(CommandLine, MissingValueIsDutchAndExitTwo)
{
    expectDutchError({"kde", "--incidents", "a.gpkg", "--out"}, "optie --out verwacht een waarde", "gebiedscan kde");
    expectDutchError({"kde", "--incidents", "a.gpkg", "--out", "a.tif", "--extent", "1", "2"},
                     "optie --extent verwacht 4 waarden, kreeg er 2", "gebiedscan kde");
}

TEST_F(CommandLine, RequiredOptionMissingIsDutchAndExitTwo)
{
    expectDutchError({"kde", "--incidents", "a.gpkg"}, "optie --out is verplicht voor gebiedscan kde",
                     "gebiedscan kde");
    expectDutchError({"trends", "--out", "uit"}, "optie --incidents is verplicht voor gebiedscan trends",
                     "gebiedscan trends");
}

TEST_F(CommandLine, InvalidValueNamesTheExpectedKindAndExitTwo)
{
    expectDutchError({"scan", "--threads", "vier"},
                     "ongeldige waarde 'vier' voor --threads: verwacht een geheel getal van 0 t/m 4096",
                     "gebiedscan scan");
    // A negative count is refused, not wrapped around (CLI11 reads "-1" for a size_t as 2^64 - 1).
    expectDutchError({"scan", "--permutations", "-1"},
                     "ongeldige waarde '-1' voor --permutations: verwacht een geheel getal van 0 t/m 99999",
                     "gebiedscan scan");
    expectDutchError({"scan", "--threads", "-3"},
                     "ongeldige waarde '-3' voor --threads: verwacht een geheel getal van 0 t/m 4096",
                     "gebiedscan scan");
    expectDutchError({"scan", "--year", "1794"},
                     "ongeldige waarde '1794' voor --year: verwacht een geheel getal van 1900 t/m 2100",
                     "gebiedscan scan");
    // Without a range check: the kind of value.
    expectDutchError({"hotspots", "--areas", "a.gpkg", "--out", "uit", "--seed", "twee"},
                     "ongeldige waarde 'twee' voor --seed: verwacht een geheel getal vanaf 0", "gebiedscan hotspots");
    expectDutchError({"synth", "--areas", GEBIEDSCAN_SOURCE_DIR, "--count", "-1", "--out", "x.gpkg"},
                     "ongeldige waarde '-1' voor --count: verwacht een geheel getal vanaf 0", "gebiedscan synth");
    expectDutchError({"hotspots", "--areas", "a.gpkg", "--out", "uit", "--permutations", "-1"},
                     "ongeldige waarde '-1' voor --permutations: verwacht een geheel getal van 0 t/m 99999",
                     "gebiedscan hotspots");
    expectDutchError({"scan", "--year", "20x4"},
                     "ongeldige waarde '20x4' voor --year: verwacht een geheel getal van 1900 t/m 2100",
                     "gebiedscan scan");
    // The Dutch decimal comma is the likeliest mistake: say what is expected.
    expectDutchError(
        {"trends", "--incidents", "a.gpkg", "--out", "uit", "--alpha", "0,05"},
        "ongeldige waarde '0,05' voor --alpha: verwacht een getal met een punt als decimaalteken, bv. 0.05",
        "gebiedscan trends");
    expectDutchError(
        {"scan", "--strict=misschien"},
        "ongeldige waarde 'misschien' voor --strict: verwacht geen waarde (het is een vlag), of true/false",
        "gebiedscan scan");
    expectDutchError({"scan", "--threads", "1", "--threads", "2"},
                     "optie --threads neemt één waarde maar kreeg er 2 (meer dan eens gegeven?)", "gebiedscan scan");
}

TEST_F(CommandLine, ValueNotInTheSetListsTheChoicesAndExitTwo)
{
    expectDutchError({"scan", "--csv", "excel"}, "ongeldige waarde 'excel' voor --csv (kies uit: nl, intl)",
                     "gebiedscan scan");
    expectDutchError({"kde", "--incidents", "a.gpkg", "--out", "a.tif", "--kernel", "box"},
                     "ongeldige waarde 'box' voor --kernel (kies uit: quartic, gaussian, epanechnikov, uniform)",
                     "gebiedscan kde");
}

TEST_F(CommandLine, TooManyPositionalsIsDutchAndExitTwo)
{
    TempDir dir;
    const fs::path project = dir.path() / "project.toml";
    gebiedscan::testing::writeText(project, "[scan]\n");
    expectDutchError(
        {"scan", project.string(), "extra"},
        "te veel argumenten: extra (ook een optie zonder -- ervoor?); gebiedscan scan neemt er hoogstens 1 "
        "(project)",
        "gebiedscan scan");
    expectDutchError({"kde", "registraties.gpkg", "--incidents", "a.gpkg", "--out", "a.tif"},
                     "onverwacht argument registraties.gpkg: gebiedscan kde neemt geen losse argumenten (opties "
                     "beginnen met --)",
                     "gebiedscan kde");
}

TEST_F(CommandLine, MissingFileForACheckedArgumentIsDutch)
{
    expectDutchError({"scan", "/bestaat/niet/project.toml"}, "project: '/bestaat/niet/project.toml' bestaat niet",
                     "gebiedscan scan");
}

TEST_F(CommandLine, SubcommandMissingOrUnknownIsDutchAndExitTwo)
{
    std::string all = "scan, synth, kde, trends, blackspots, hotspots, nearrepeat, facilities, audit, export";
#ifdef GEBIEDSCAN_CLI_HAS_REPORT
    all += ", report"; // the binary of a build with Qt (app/report)
#endif
    expectDutchError({}, "geef een subopdracht: " + all, "gebiedscan");
    expectDutchError({"scna"}, "onbekende subopdracht 'scna' (kies uit: " + all + ")", "gebiedscan");
    expectDutchError({"--incidents", "a.gpkg"}, "onbekende optie --incidents voor gebiedscan", "gebiedscan");
}

TEST_F(CommandLine, OptionsThatExcludeEachOtherAreDutch)
{
    expectDutchError({"hotspots", "--areas", "a.gpkg", "--out", "uit", "--fdr", "--bonferroni"},
                     "--fdr en --bonferroni gaan niet samen", "gebiedscan hotspots");
}

TEST_F(CommandLine, HelpAndVersionExitZeroAndHelpIsDutch)
{
    const Outcome top = runCommandLine({"--help"});
    EXPECT_EQ(top.exitCode, 0) << top.output;
    EXPECT_NE(top.output.find("Gebruik: gebiedscan [OPTIES] SUBOPDRACHT\n"), std::string::npos) << top.output;
    EXPECT_NE(top.output.find("\nOpties:\n  -h,--help"), std::string::npos) << top.output;
    EXPECT_NE(top.output.find("toon deze hulp en stop"), std::string::npos) << top.output;
    EXPECT_NE(top.output.find("\nSubopdrachten:\n  scan "), std::string::npos) << top.output;
    for (const char* english : {"Usage", "Options", "Subcommands", "Print this help"})
        EXPECT_EQ(top.output.find(english), std::string::npos) << english << " in\n" << top.output;

    const Outcome scan = runCommandLine({"scan", "--help"});
    EXPECT_EQ(scan.exitCode, 0) << scan.output;
    EXPECT_NE(scan.output.find("Gebruik: gebiedscan scan [OPTIES] [project]\n"), std::string::npos) << scan.output;
    EXPECT_NE(scan.output.find("\nArgumenten:\n  project TEKST:BESTAND"), std::string::npos) << scan.output;
    EXPECT_NE(scan.output.find("--csv TEKST:{nl,intl}"), std::string::npos) << scan.output;
    EXPECT_EQ(scan.output.find("TEXT"), std::string::npos) << scan.output;

    const Outcome kde = runCommandLine({"kde", "--help"});
    EXPECT_EQ(kde.exitCode, 0);
    EXPECT_NE(kde.output.find("--out TEKST VERPLICHT"), std::string::npos) << kde.output;

    const Outcome version = runCommandLine({"--version"});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_EQ(version.output, GEBIEDSCAN_VERSION "\n");
}

TEST_F(CommandLine, EnglishOnRequest)
{
    const Outcome error = runCommandLine({"scan", "--incident", "registraties.csv"}, "en");
    EXPECT_EQ(error.exitCode, 2);
    EXPECT_EQ(error.output, "gebiedscan: error: unknown option --incident for gebiedscan scan (did you mean "
                            "--incidents?)\nMore: gebiedscan scan --help\n");
    const Outcome missing = runCommandLine({"kde", "--incidents", "a.gpkg"}, "en_GB");
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_EQ(missing.output,
              "gebiedscan: error: option --out is required for gebiedscan kde\nMore: gebiedscan kde --help\n");
    const Outcome help = runCommandLine({"--help"}, "en");
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.output.find("Usage: gebiedscan [OPTIONS] SUBCOMMAND\n"), std::string::npos) << help.output;
    EXPECT_NE(help.output.find("\nSubcommands:\n"), std::string::npos) << help.output;
    // Anything else is Dutch, the default.
    const Outcome other = runCommandLine({"scna"}, "de");
    EXPECT_EQ(other.output.rfind("gebiedscan: fout: onbekende subopdracht 'scna'", 0), 0u) << other.output;
}

} // namespace
