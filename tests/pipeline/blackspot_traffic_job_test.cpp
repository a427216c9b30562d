// blackspots --eb with a traffic field in the road layer: the reader takes `intensiteit` (also with
// a Dutch decimal comma), Empirical Bayes uses length x traffic when every segment has it, and the
// outputs say which exposure was used; one segment without traffic and length alone is used.
#include "pipeline_test_support.hpp"

#include "gebiedscan/pipeline/blackspot_job.hpp"
#include "gebiedscan/pipeline/blackspot_writer.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <sstream>

using namespace gebiedscan;

namespace {

std::string readFile(const std::filesystem::path& file)
{
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Two 1 km provincial roads and a 1 km street; `lastTraffic` is the street's traffic value.
pipeline::BlackSpotJobOptions roads(const std::filesystem::path& dir, const std::string& lastTraffic)
{
    jobtest::writeText(
        dir / "wegen.geojson",
        jobtest::rdGeoJson(
            R"({"type":"Feature","properties":{"WVK_ID":1,"WEGNUMMER":"N225","Intensiteit":12000},"geometry":{"type":"LineString","coordinates":[[154000,464000],[155000,464000]]}},
{"type":"Feature","properties":{"WVK_ID":2,"WEGNUMMER":"N226","Intensiteit":"850,5"},"geometry":{"type":"LineString","coordinates":[[154000,466000],[155000,466000]]}},
{"type":"Feature","properties":{"WVK_ID":3,"STT_NAAM":"Dorpsstraat","Intensiteit":)" +
            lastTraffic + R"(},"geometry":{"type":"LineString","coordinates":[[154000,468000],[155000,468000]]}})"));
    std::ostringstream acc;
    acc << "VKL_NUMMER,JAAR_VKL,AP3_CODE,X,Y\n";
    for (int i = 0; i < 4; ++i) acc << 200 + i << ",2017,LET," << 154100 + 20 * i << ",464005\n";
    for (int i = 0; i < 3; ++i) acc << 300 + i << ",2017,LET," << 154500 + 20 * i << ",466005\n";
    jobtest::writeText(dir / "ongevallen.csv", acc.str());
    pipeline::BlackSpotJobOptions o;
    o.roads.path = (dir / "wegen.geojson").string();
    o.accidents.path = (dir / "ongevallen.csv").string();
    o.accidents.assumeCrs = "EPSG:28992";
    o.preset = "amsterdam";
    o.empiricalBayes = true;
    return o;
}

} // namespace

TEST(BlackSpotTrafficJob, EveryRoadWithTrafficGivesLengthTimesTraffic)
{
    jobtest::TempFolder tmp;
    pipeline::CollectingReporter reporter;
    const auto r = pipeline::runBlackSpotJob(roads(tmp.path(), "400"), reporter);
    EXPECT_EQ(r.roads.fields.traffic, "Intensiteit");
    ASSERT_EQ(r.roads.segments.size(), 3u);
    EXPECT_DOUBLE_EQ(r.roads.segments[0].traffic, 12000.0);
    EXPECT_DOUBLE_EQ(r.roads.segments[1].traffic, 850.5) << "a Dutch decimal comma";
    EXPECT_TRUE(r.analysis.ebTrafficExposure);
    // The N226 section (3 accidents): mu = lambda x its length x 850.5, lambda = 7 accidents over
    // the group's 1,000 m x (12,000 + 850.5 + 400) vehicle-metres (one group of 12 sites: all
    // sections, fewer than 30 per class).
    const double lambda = 7.0 / (1000.0 * (12000.0 + 850.5 + 400.0));
    bool found = false;
    for (const auto& s : r.analysis.sections)
        if (s.roadNumbers == "N226") {
            found = true;
            ASSERT_TRUE(s.eb.has_value());
            EXPECT_EQ(s.eb->peerGroup, "alle wegvakken");
            EXPECT_NEAR(s.eb->peerMean, lambda * (s.to - s.from) * 850.5, 1e-12);
        }
    EXPECT_TRUE(found);
    (void)pipeline::writeBlackSpotOutputs(r, {.outDir = tmp.path() / "uit", .internal = true});
    EXPECT_NE(readFile(tmp.path() / "uit" / "summary.json").find("\"eb_section_exposure\": \"length_x_traffic\""),
              std::string::npos);
    EXPECT_NE(
        readFile(tmp.path() / "uit" / "blackspots_toelichting.txt").find("Verkeersintensiteit (veld Intensiteit)"),
        std::string::npos);
}

TEST(BlackSpotTrafficJob, ARoadWithoutTrafficMeansLengthAlone)
{
    jobtest::TempFolder tmp;
    pipeline::CollectingReporter reporter;
    const auto r = pipeline::runBlackSpotJob(roads(tmp.path(), "null"), reporter);
    EXPECT_FALSE(r.analysis.ebTrafficExposure);
    for (const auto& s : r.analysis.sections)
        if (s.roadNumbers == "N226") {
            EXPECT_NEAR(s.eb->peerMean, 7.0 / 3000.0 * (s.to - s.from), 1e-12);
        }
    (void)pipeline::writeBlackSpotOutputs(r, {.outDir = tmp.path() / "uit", .internal = true});
    EXPECT_NE(readFile(tmp.path() / "uit" / "summary.json").find("\"eb_section_exposure\": \"length\""),
              std::string::npos);
    EXPECT_NE(readFile(tmp.path() / "uit" / "blackspots_toelichting.txt").find("niet bij elk wegvak gevuld"),
              std::string::npos);
}
