// `gebiedscan facilities --by-network`: the options as a user types them reach the job and the
// summary names the distance. The BRON accidents of Utrecht against the NWB roads of Wageningen:
// 50 km apart, so every registration and facility is off the network and counts nowhere.
#include "commands.hpp"
#include "gebiedscan_build_paths.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

TEST(FacilitiesNetworkCommand, ByNetworkAndSnapToleranceFromTheCommandLine)
{
    const fs::path dir = fs::temp_directory_path() / ("gebiedscan-facilities-net-cli-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const fs::path source(GEBIEDSCAN_SOURCE_DIR);
    const std::string bron = (source / "data/open/bron-utrecht-2015-2018.geojson").string();
    const std::string roads = (source / "data/open/nwb-wageningen-wegvakken.gml").string();
    CLI::App app;
    gebiedscan::app::registerFacilitiesCommand(app);
    app.parse("facilities -q --incidents " + bron + " --filter \"nummer = 1\" --facilities " + bron +
              " --facilities-filter \"nummer = 1 AND ap3_code = 'DOD'\" --by-network " + roads +
              " --snap-tolerance 20 --internal --out " + (dir / "uit").string());
    std::ifstream in(dir / "uit/summary.json");
    const auto s = nlohmann::json::parse(in);
    EXPECT_EQ(s["distance"]["kind"], "network");
    EXPECT_EQ(s["distance"]["snap_tolerance_m"], 20.0);
    EXPECT_EQ(s["distance"]["road_segments"], 232);
    EXPECT_EQ(s["registrations_used"], 6994);
    EXPECT_EQ(s["distance"]["registrations_off_network"], 6994);
    EXPECT_EQ(s["distance"]["facilities_off_network"], 45);
    EXPECT_EQ(s["registrations_near_a_facility"], 0);
    fs::remove_all(dir);
}

} // namespace
