// A refused run leaves the disk as it was (issue 18): no --out folder, and none of the folders
// above it that --out named, for every command that writes a folder; an earlier output folder in
// --out stays byte for byte. `hotspots` and `blackspots` used to create --out before the analysis
// refused.
#include "app_test_support.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace gebiedscan;
using namespace gebiedscan::testing;
namespace fs = std::filesystem;

namespace {

fs::path openData(const std::string& name)
{
    return fs::path(GEBIEDSCAN_SOURCE_DIR) / "data/open" / name;
}

// Every file below `dir` with its content.
std::map<std::string, std::string> snapshot(const fs::path& dir)
{
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        files[fs::relative(e.path(), dir).string()] = e.is_regular_file() ? readText(e.path()) : "<dir>";
    return files;
}

class RefusedRun : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (gebiedscanBinary().empty()) GTEST_SKIP() << "bin/gebiedscan is not built";
    }
    // Runs the command, expects exit code 2 (bad input) and that nothing of --out exists.
    void expectNothingLeft(const std::string& args)
    {
        std::string log;
        const int rc = run("cd " + quote(m_dir.path()) + " && " + quote(gebiedscanBinary()) + " " + args +
                               " --out nieuw/dieper/uit",
                           &log);
        EXPECT_EQ(rc, 2) << log;
        EXPECT_FALSE(fs::exists(m_dir / "nieuw")) << args << " left a folder:\n" << log;
    }
    TempDir m_dir;
};

} // namespace

TEST_F(RefusedRun, HotspotsWithAFieldThatIsNotThereCreatesNoFolder)
{
    expectNothingLeft("hotspots --areas " + quote(openData("drenthe-buurten-2024.geojson")) + " --field geen_veld");
}

TEST_F(RefusedRun, HotspotsWithAGridTooFineCreatesNoFolder)
{
    expectNothingLeft("hotspots --areas " + quote(openData("bron-utrecht-2015-2018.geojson")) + " --grid 1");
}

TEST_F(RefusedRun, BlackspotsWithoutRoadsCreatesNoFolder)
{
    expectNothingLeft("blackspots --roads geen.gml --accidents " + quote(openData("bron-utrecht-2015-2018.geojson")) +
                      " --internal");
}

TEST_F(RefusedRun, EveryOtherFolderCommandCreatesNoFolder)
{
    const std::string areas = quote(drentheAreas());
    expectNothingLeft("scan --incidents geen.csv --areas " + areas);
    expectNothingLeft("trends --incidents geen.csv --grid 500");
    expectNothingLeft("nearrepeat --incidents geen.csv");
    expectNothingLeft("facilities --incidents geen.csv --facilities geen.gpkg");
    expectNothingLeft("export geen_scan");
}

TEST_F(RefusedRun, AnEarlierOutputStaysAsItWas)
{
    // A good hotspots run, then a refused one into the same folder.
    std::string log;
    const std::string areas = quote(openData("drenthe-buurten-2024.geojson"));
    ASSERT_EQ(run("cd " + quote(m_dir.path()) + " && " + quote(gebiedscanBinary()) + " hotspots --areas " + areas +
                      " --field aantal_inwoners --permutations 0 --internal -q --out uit",
                  &log),
              0)
        << log;
    const auto before = snapshot(m_dir / "uit");
    ASSERT_TRUE(before.count("hotspots.csv"));
    EXPECT_EQ(run("cd " + quote(m_dir.path()) + " && " + quote(gebiedscanBinary()) + " hotspots --areas " + areas +
                      " --field geen_veld --out uit",
                  &log),
              2)
        << log;
    EXPECT_EQ(snapshot(m_dir / "uit"), before);
}
