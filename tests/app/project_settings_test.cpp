// A project file and the command line fill one ScanOptions through one table (issue 11 item 4):
// a value of the wrong type is an error naming the key and the type, never silently ignored
// (issue 18: `strict = "true"` ran a non-strict scan), and a flag on the command line overrides
// exactly the key it maps to.
#include "app_test_support.hpp"

#include <gtest/gtest.h>

using namespace gebiedscan::testing;
namespace fs = std::filesystem;

namespace {

class ProjectSettings : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (gebiedscanBinary().empty()) GTEST_SKIP() << "bin/gebiedscan is not built";
        writeSyntheticIncidents(m_dir / "registraties.csv", 300, 5);
    }

    // Writes project.toml ([scan] with areas and incidents, plus `body`), runs `scan project.toml
    // extra` from the test folder; returns the exit code.
    int scanProject(const std::string& body, const std::string& extra, std::string* log)
    {
        writeText(m_dir / "project.toml", "[scan]\nincidents = 'registraties.csv'\nareas = '''" +
                                              drentheAreas().string() + "'''\nout = 'uit'\n" + body + "\n");
        return run("cd " + quote(m_dir.path()) + " && " + quote(gebiedscanBinary()) + " scan project.toml " + extra,
                   log);
    }

    TempDir m_dir;
};

} // namespace

TEST_F(ProjectSettings, AStringForABoolIsAnErrorNamingTheKey)
{
    std::string log;
    EXPECT_EQ(scanProject("assume_crs = 'EPSG:4326'\nyear = 2024\nstrict = \"true\"", "", &log), 2) << log;
    EXPECT_NE(log.find("gebiedscan: fout: project.toml:7: 'strict': verwacht true of false (zonder aanhalingstekens), "
                       "niet de tekst \"true\""),
              std::string::npos)
        << log;
    EXPECT_FALSE(fs::exists(m_dir / "uit"));
}

TEST_F(ProjectSettings, NumbersAsTextAndOutOfRangeAreErrors)
{
    std::string log;
    EXPECT_EQ(scanProject("assume_crs = 'EPSG:4326'\nyear = '2024'", "", &log), 2) << log;
    EXPECT_NE(log.find(":6: 'year': verwacht een geheel getal (zonder aanhalingstekens), niet de tekst \"2024\""),
              std::string::npos)
        << log;
    EXPECT_EQ(scanProject("assume_crs = 'EPSG:4326'\nyear = 2024\npermutations = 1000000000", "", &log), 2) << log;
    EXPECT_NE(log.find(":7: 'permutations': verwacht een geheel getal van 0 t/m 99999, niet het getal 1000000000"),
              std::string::npos)
        << log;
    EXPECT_EQ(scanProject("assume_crs = 'EPSG:4326'\nyear = 2024\ninternal = 'ja'", "", &log), 2) << log;
    EXPECT_NE(log.find("'internal': verwacht true of false"), std::string::npos) << log;
    EXPECT_FALSE(fs::exists(m_dir / "uit"));
}

TEST_F(ProjectSettings, TheCommandLineOverridesTheKeyItMapsTo)
{
    std::string log;
    // The project's CRS is wrong for lon/lat (every point far outside Drenthe) and its strict
    // setting would then refuse the run: --assume-crs replaces assume_crs (for the areas too,
    // which have a CRS of their own anyway), and the run passes.
    EXPECT_EQ(scanProject("assume_crs = 'EPSG:28992'\nyear = 2024\nstrict = true", "", &log), 2) << log;
    EXPECT_NE(log.find("--strict: "), std::string::npos) << log;
    EXPECT_EQ(scanProject("assume_crs = 'EPSG:28992'\nyear = 2024\nstrict = true",
                          "--assume-crs EPSG:4326 --strict=false --year 2023 --quiet", &log),
              0)
        << log;
    const std::string summary = readText(m_dir / "uit/summary.json");
    // --year 2023 replaced year = 2024: the current period is 2023.
    EXPECT_NE(summary.find("\"2023\""), std::string::npos) << summary.substr(0, 2000);
    EXPECT_EQ(summary.find("\"2024\""), std::string::npos) << summary.substr(0, 2000);
}
