// `gebiedscan nearrepeat`: options as a user types them, on the published Chicago arsons.
#include "commands.hpp"
#include "gebiedscan_build_paths.hpp"

#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

class NearRepeatCommand : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = fs::temp_directory_path() / ("gebiedscan-nearrepeat-cli-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        std::ifstream in(fs::path(GEBIEDSCAN_SOURCE_DIR) / "tests/reference/nearrepeat/chicago_arson.csv");
        std::ofstream out(m_dir / "arsons.csv");
        out << "x,y,datum\n" << in.rdbuf();
    }
    void TearDown() override { fs::remove_all(m_dir); }

    void parse(const std::string& options)
    {
        CLI::App app;
        gebiedscan::app::registerNearRepeatCommand(app);
        app.parse("nearrepeat -q --incidents " + (m_dir / "arsons.csv").string() +
                  " --assume-crs EPSG:3435 --working-crs EPSG:3435 --out " + (m_dir / "uit").string() + " " + options);
    }

    fs::path m_dir;
};

TEST_F(NearRepeatCommand, BandsAndMetricFromTheCommandLine)
{
    parse("--distance-bands 200,400,600 --time-bands 1,2,3 --metric manhattan --permutations 99 --seed 5 --internal");
    std::ifstream csv(m_dir / "uit/nearrepeat.csv");
    std::string header, first, second;
    std::getline(csv, header);
    std::getline(csv, first);
    std::getline(csv, second);
    EXPECT_EQ(header.substr(0, 43), "dist_from,dist_to,days_from,days_to,observe");
    EXPECT_EQ(first.substr(0, 10), "0,0,0,1,0,");  // same location, same day: none
    EXPECT_EQ(second.substr(0, 10), "0,0,1,2,2,"); // same location, one day apart: 2 pairs
    EXPECT_TRUE(fs::exists(m_dir / "uit/nearrepeat_samenvatting.txt"));
}

TEST_F(NearRepeatCommand, RejectsFractionalDaysAndUnknownMetric)
{
    EXPECT_THROW(parse("--time-bands 1.5,3"), gebiedscan::InputError);
    EXPECT_THROW(parse("--distance-bands 300,200"), gebiedscan::InputError);
    EXPECT_THROW(parse("--metric taxi"), CLI::ValidationError);
}

} // namespace
