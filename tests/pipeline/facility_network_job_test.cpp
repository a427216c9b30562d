// gebiedscan facilities --by-network as a job: two parallel roads 100 m apart, joined only 1 km
// away. Across the gap a registration is within the radius in a straight line but 2.1 km away
// along the roads; the outputs say which distance was used and give a density per km of road.
#include "pipeline_test_support.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/pipeline/facility_job.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace gebiedscan {
namespace {

namespace fs = std::filesystem;

std::string readFile(const fs::path& file)
{
    std::ifstream in(file);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct TwoRoads {
    jobtest::TempFolder tmp;
    pipeline::FacilityJobOptions options;

    TwoRoads()
    {
        const auto line = [](int id, double x0, double y0, double x1, double y1) {
            return fmt::format(R"({{"type":"Feature","properties":{{"wvk_id":{}}},"geometry":{{"type":"LineString",)"
                               R"("coordinates":[[{},{}],[{},{}]]}}}})",
                               id, x0, y0, x1, y1);
        };
        const double x = 150000, y = 450000;
        jobtest::writeText(tmp.path() / "wegen.geojson",
                           jobtest::rdGeoJson(line(1, x, y, x + 1000, y) + "," +
                                              line(2, x, y + 100, x + 1000, y + 100) + "," +
                                              line(3, x + 1000, y, x + 1000, y + 100)));
        // The school beside road 1 at its west end; registrations: on road 1 at 150 m, across the
        // gap on road 2 (100 m in a straight line), on road 2 near the join (1.2 km along the
        // roads), and one in a field 300 m from every road.
        jobtest::writeText(tmp.path() / "scholen.csv", fmt::format("id;naam;x;y\n1;school;{};{}\n", x, y - 5));
        jobtest::writeText(tmp.path() / "reg.csv", fmt::format("x;y\n{};{}\n{};{}\n{};{}\n{};{}\n", x + 150, y + 3, x,
                                                               y + 105, x + 900, y + 100, x + 500, y + 400));
        options.incidents.path = (tmp.path() / "reg.csv").string();
        options.incidents.assumeCrs = "EPSG:28992";
        options.facilities.path = (tmp.path() / "scholen.csv").string();
        options.facilities.assumeCrs = "EPSG:28992";
        options.radius = 200;
        options.ringFactor = 11; // the ring reaches 2,200 m: the whole network
        options.internal = true;
        options.out = tmp.path() / "uit";
    }
};

TEST(FacilityNetworkJob, AlongTheRoadsTheRegistrationAcrossTheGapIsFar)
{
    TwoRoads t;
    pipeline::CollectingReporter reporter;
    const auto straight = pipeline::computeFacilities(t.options, reporter);
    EXPECT_EQ(straight.total, (std::vector<std::uint64_t>{2})) << "150 m along road 1 and 100 m across the gap";
    EXPECT_FALSE(straight.byNetwork);

    t.options.roads.path = (t.tmp.path() / "wegen.geojson").string();
    const auto r = pipeline::runFacilityJob(t.options, reporter);
    EXPECT_TRUE(r.byNetwork);
    EXPECT_EQ(r.roadSegments, 3u);
    EXPECT_EQ(r.total, (std::vector<std::uint64_t>{1})) << "only the one on the same road";
    EXPECT_EQ(r.counts.inRing, (std::vector<std::uint64_t>{2}));
    EXPECT_EQ(r.registrationsUsed, 4u);
    EXPECT_EQ(r.registrationsOffNetwork, 1u) << "the one in the field";
    EXPECT_EQ(r.facilitiesOffNetwork, 0u);
    ASSERT_EQ(r.discArea.size(), 1u);
    EXPECT_DOUBLE_EQ(r.discArea[0], 200.0) << "metres of road within the radius";
    EXPECT_DOUBLE_EQ(r.ringArea[0], 1900.0);
    // Expected in the disc at the ring's density per metre of road: 2 * 200 / 1900.
    EXPECT_NEAR(r.excess[0].expected, 2.0 * 200 / 1900, 1e-12);
    bool warned = false;
    for (const auto& w : reporter.warnings) warned = warned || w.find("1 van 4 registraties") != std::string::npos;
    EXPECT_TRUE(warned);

    const auto s = nlohmann::json::parse(readFile(t.options.out / "summary.json"));
    EXPECT_EQ(s["distance"]["kind"], "network");
    EXPECT_EQ(s["distance"]["registrations_off_network"], 1);
    EXPECT_EQ(s["distance"]["snap_tolerance_m"], 50.0);
    const std::string csv = readFile(t.options.out / "facilities.csv");
    EXPECT_NE(csv.find("dichtheid_km_weg"), std::string::npos);
    EXPECT_EQ(csv.find("dichtheid_km2"), std::string::npos);
    EXPECT_NE(csv.find(";1;5;1;"), std::string::npos) << "1 registration per 0.2 km of road = 5 per km";
    const std::string note = readFile(t.options.out / "toelichting.txt");
    EXPECT_NE(note.find("over het wegennet"), std::string::npos);
    EXPECT_NE(note.find("de afstand van adres tot weg telt niet mee"), std::string::npos);
}

TEST(FacilityNetworkJob, ARoadLayerWithoutLinesIsRefusedInDutch)
{
    TwoRoads t;
    t.options.roads = t.options.facilities; // points, not roads
    pipeline::CollectingReporter reporter;
    try {
        (void)pipeline::computeFacilities(t.options, reporter);
        FAIL() << "a point layer as roads must be refused";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("--by-network: geen bruikbaar wegennet"), std::string::npos) << e.what();
    }
}

} // namespace
} // namespace gebiedscan
