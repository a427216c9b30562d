// `gebiedscan facilities`: options as a user types them, on the real BRON accidents of Utrecht
// with the fatal ones as facilities (the counts themselves: tests/pipeline/facility_job_test.cpp).
#include "gebiedscan_build_paths.hpp"
#include "commands.hpp"

#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

class FacilitiesCommand : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = fs::temp_directory_path() / ("gebiedscan-facilities-cli-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    void parse(const std::string& options)
    {
        const std::string bron =
            (fs::path(GEBIEDSCAN_SOURCE_DIR) / "data/open/bron-utrecht-2015-2018.geojson").string();
        CLI::App app;
        gebiedscan::app::registerFacilitiesCommand(app);
        app.parse("facilities -q --incidents " + bron + " --facilities " + bron + " --out " + (m_dir / "uit").string() +
                  " " + options);
    }
    nlohmann::json summary() const
    {
        std::ifstream in(m_dir / "uit/summary.json");
        return nlohmann::json::parse(in);
    }

    fs::path m_dir;
};

// -q promises "geen voortgang en samenvatting": the summary lines stay off stdout too.
TEST_F(FacilitiesCommand, QuietPrintsNoSummary)
{
    testing::internal::CaptureStdout();
    parse("--radius 150 --internal");
    std::fflush(stdout);
    EXPECT_EQ(testing::internal::GetCapturedStdout(), "");
    EXPECT_TRUE(fs::exists(m_dir / "uit/facilities.gpkg"));
}

TEST_F(FacilitiesCommand, RadiusPeriodAndNearestOnlyFromTheCommandLine)
{
    parse("--radius 150 --nearest-only --from 2017-01-01 --to 2018-12-31 --internal");
    const auto s = summary();
    EXPECT_EQ(s["radius_m"], 150.0);
    EXPECT_EQ(s["counting"], "nearest_only");
    EXPECT_EQ(s["period"], "2017-01-01 t/m 2018-12-31");
    EXPECT_EQ(s["audience"], "intern");
    // Every accident row is a facility of itself: with nearest-only each is counted once.
    EXPECT_EQ(s["registrations_near_a_facility"], s["registrations_used"]);
    EXPECT_GT(s["registrations_used"].get<int>(), 5000);
    EXPECT_LT(s["registrations_used"].get<int>(), 15374) << "2015 and 2016 are outside the period";
    EXPECT_TRUE(fs::exists(m_dir / "uit/facilities.gpkg"));
    EXPECT_TRUE(fs::exists(m_dir / "uit/facilities_concentratie.csv"));
    EXPECT_TRUE(fs::exists(m_dir / "uit/toelichting.txt"));
}

TEST_F(FacilitiesCommand, FacilitiesFilterSelectsTheFatalAccidents)
{
    parse("--facilities-filter \"nummer = 1 AND ap3_code = 'DOD'\" --filter \"nummer = 1\" --radius 200 --internal");
    const auto s = summary();
    EXPECT_EQ(s["facilities"]["count"], 45) << "the fatal accidents, as R selects them";
    EXPECT_EQ(s["registrations_used"], 6994);
}

TEST_F(FacilitiesCommand, RejectsABadRadiusAndABadDate)
{
    EXPECT_THROW(parse("--radius 0"), CLI::ValidationError);
    EXPECT_THROW(parse("--radius -5"), CLI::ValidationError);
    EXPECT_THROW(parse("--from 2017-13-45"), gebiedscan::InputError);
    EXPECT_THROW(parse("--from 2018-01-01 --to 2017-01-01"), gebiedscan::InputError);
}

} // namespace
