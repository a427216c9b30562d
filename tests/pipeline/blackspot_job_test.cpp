// runBlackSpotJob in-process on a cross of two streets and a straight provincial road: the row
// accounting, theme 4.1 per area, and a network KDE that keeps the accidents' mass on a plain road.
#include "pipeline_test_support.hpp"

#include "gebiedscan/pipeline/blackspot_job.hpp"
#include "gebiedscan/pipeline/blackspot_writer.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/section_midpoint.hpp"
#include "gebiedscan/core/severity_weight.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <sstream>

using namespace gebiedscan;

namespace {

pipeline::BlackSpotJobOptions crossAndRoad(const std::filesystem::path& dir)
{
    jobtest::writeText(
        dir / "wegen.geojson",
        jobtest::rdGeoJson(
            R"({"type":"Feature","properties":{"WVK_ID":1,"STT_NAAM":"Markt"},"geometry":{"type":"LineString","coordinates":[[154900,463000],[155000,463000]]}},
{"type":"Feature","properties":{"WVK_ID":2,"STT_NAAM":"Markt"},"geometry":{"type":"LineString","coordinates":[[155000,463000],[155100,463000]]}},
{"type":"Feature","properties":{"WVK_ID":3,"STT_NAAM":"Kerkstraat"},"geometry":{"type":"LineString","coordinates":[[155000,462900],[155000,463000]]}},
{"type":"Feature","properties":{"WVK_ID":4,"STT_NAAM":"Kerkstraat"},"geometry":{"type":"LineString","coordinates":[[155000,463000],[155000,463100]]}},
{"type":"Feature","properties":{"WVK_ID":5,"WEGNUMMER":"N225"},"geometry":{"type":"LineString","coordinates":[[154000,464000],[155000,464000]]}},
{"type":"Feature","properties":{"WVK_ID":6,"WEGNUMMER":"N225"},"geometry":{"type":"LineString","coordinates":[[155000,464000],[156000,464000]]}})"));
    std::ostringstream acc;
    acc << "VKL_NUMMER,JAAR_VKL,AP3_CODE,ZIEKENHUIS,X,Y\n";
    for (int i = 0; i < 6; ++i) // at the junction; the first fatal
        acc << 100 + i << ",2018," << (i == 0 ? "DOD" : "LET") << ",N," << 155000 + 3 * i << ",463002\n";
    acc << "100,2018,DOD,N,155000,463002\n"; // a second party row of accident 100
    // Along the N225, far from its ends: two with hospital admission, two without.
    for (int i = 0; i < 4; ++i)
        acc << 200 + i << ",2017,LET," << (i < 2 ? "J" : "N") << ',' << 154940 + 40 * i << ",464005\n";
    acc << "300,2017,LET,N,158000,470000\n"; // far from every road
    jobtest::writeText(dir / "ongevallen.csv", acc.str());
    jobtest::writeText(
        dir / "buurten.geojson",
        jobtest::rdGeoJson(
            R"({"type":"Feature","properties":{"BU_CODE":"BU01","BU_NAAM":"Centrum"},"geometry":{"type":"Polygon","coordinates":[[[154500,462500],[155500,462500],[155500,463500],[154500,463500],[154500,462500]]]}},
{"type":"Feature","properties":{"BU_CODE":"BU02","BU_NAAM":"Noord"},"geometry":{"type":"Polygon","coordinates":[[[153000,463500],[157000,463500],[157000,465000],[153000,465000],[153000,463500]]]}})"));
    pipeline::BlackSpotJobOptions o;
    o.roads.path = (dir / "wegen.geojson").string();
    o.accidents.path = (dir / "ongevallen.csv").string();
    o.accidents.assumeCrs = "EPSG:28992";
    o.areas.path = (dir / "buurten.geojson").string();
    o.preset = "amsterdam";
    return o;
}

} // namespace

TEST(BlackSpotJob, AccountingAreasAndWeightedNetworkKde)
{
    jobtest::TempFolder tmp;
    pipeline::BlackSpotJobOptions o = crossAndRoad(tmp.path());
    o.kdeBandwidth = 100;
    o.kdeLixel = 5;
    o.kdeWeighted = true;
    o.weights = "ZKH=4,LET=2";
    pipeline::CollectingReporter reporter;
    const pipeline::BlackSpotJobResult r = pipeline::runBlackSpotJob(o, reporter);

    EXPECT_EQ(r.analysis.inputRows, 12u);
    EXPECT_EQ(r.bucketTotal, 12u);
    EXPECT_EQ(r.analysis.dedup.accidents.size(), 11u);
    EXPECT_EQ(r.analysis.analysedAccidents, 10u);
    EXPECT_EQ(r.options.criteria.weights.serious, 4.0);
    EXPECT_EQ(r.options.criteria.weights.injury, 2.0);
    EXPECT_EQ(r.options.criteria.weights.fatal, 5.0); // not given: the preset's
    ASSERT_EQ(r.analysis.junctions.size(), 1u);
    EXPECT_EQ(r.analysis.junctions[0].tally.total(), 6);
    EXPECT_EQ(r.junctionBlackSpots, 1);

    // Theme 4.1: Centrum holds the junction's six accidents (one fatal), Noord the N225's four.
    ASSERT_TRUE(r.areas.has_value());
    ASSERT_EQ(r.areas->layer.codes.size(), 2u);
    EXPECT_EQ(r.areas->total, (std::vector<std::int64_t>{6, 4}));
    EXPECT_EQ(r.areas->fatal, (std::vector<std::int64_t>{1, 0}));
    EXPECT_EQ(r.areas->injury, (std::vector<std::int64_t>{5, 4}));
    EXPECT_EQ(r.areas->junctions, (std::vector<std::int64_t>{1, 0}));
    EXPECT_EQ(r.areas->inSpots[0], 6);

    // On the plain N225 (no junction within the bandwidth) the weighted KDE integrates to the
    // accidents' weights: 2 x ZKH 4 + 2 x LET 2 = 12.
    ASSERT_TRUE(r.kde.has_value());
    double mass = 0;
    for (const auto& l : *r.kde) {
        const auto& id = r.network->segments()[l.segment].id;
        if (id == "5" || id == "6") mass += l.density * (l.to - l.from) / 1000.0;
    }
    EXPECT_NEAR(mass, 12.0, 12.0 * 0.01);
    // The default (continuous) method keeps one kernel mass per accident also through the junction:
    // the whole KDE integrates to the weights of the KDE's accidents.
    EXPECT_EQ(r.kdeMethod, NetworkKdeMethod::Continuous);
    double all = 0, weights = 0;
    for (const auto& l : *r.kde) all += l.density * (l.to - l.from) / 1000.0;
    for (std::size_t i = 0; i < r.analysis.placements.size(); ++i)
        if (r.analysis.placements[i].placed() && r.analysis.placements[i].segment != RoadNetwork::kNone)
            weights += severityWeight(r.options.criteria.weights, r.analysis.dedup.accidents[i]);
    EXPECT_GT(weights, 12.0);
    EXPECT_NEAR(all, weights, weights * 0.01);
    o.kdeMethod = "simple";
    const auto simple = pipeline::runBlackSpotJob(o, reporter);
    double simpleAll = 0;
    for (const auto& l : *simple.kde) simpleAll += l.density * (l.to - l.from) / 1000.0;
    EXPECT_GT(simpleAll, weights * 1.05); // the junction's accidents counted into every arm
    o.kdeMethod = "continu";
    EXPECT_THROW((void)pipeline::runBlackSpotJob(o, reporter), InputError);

    // Every reported section lies, by its midpoint, in one of the two areas.
    for (const auto& s : r.analysis.sections) {
        const PointRd m = blackSpotPoint(s);
        EXPECT_TRUE(m.y > 462500 && m.y < 465000) << s.id;
    }
}

TEST(BlackSpotJob, BadWeightsAndMissingRoadsAreInputErrors)
{
    jobtest::TempFolder tmp;
    pipeline::BlackSpotJobOptions o = crossAndRoad(tmp.path());
    pipeline::CollectingReporter reporter;
    o.weights = "DOD=veel";
    EXPECT_THROW((void)pipeline::runBlackSpotJob(o, reporter), InputError);
    o.weights.clear();
    o.roads.path.clear();
    EXPECT_THROW((void)pipeline::runBlackSpotJob(o, reporter), InputError);
    const SeverityWeights w = pipeline::parseWeights(" dod = 7,ums=0.5", {});
    EXPECT_EQ(w.fatal, 7.0);
    EXPECT_EQ(w.damageOnly, 0.5);
    EXPECT_EQ(w.serious, 3.0); // not given: the base's
}

TEST(BlackSpotJob, WithoutSeverityFieldOnlyDefinitionsThatCountEveryAccident)
{
    jobtest::TempFolder tmp;
    pipeline::BlackSpotJobOptions o = crossAndRoad(tmp.path());
    // The same accidents as a police register has them: no AP3_CODE column.
    std::ifstream in(tmp.path() / "ongevallen.csv");
    std::ostringstream without;
    for (std::string line; std::getline(in, line);) {
        const auto a = line.find(',', line.find(',') + 1), b = line.find(',', a + 1);
        without << line.substr(0, a) << line.substr(b) << '\n';
    }
    jobtest::writeText(tmp.path() / "zonder_ernst.csv", without.str());
    o.accidents.path = (tmp.path() / "zonder_ernst.csv").string();
    pipeline::CollectingReporter reporter;
    try {
        (void)pipeline::runBlackSpotJob(o, reporter); // amsterdam: 3 injury accidents
        FAIL() << "a severity definition ran without severity";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("'amsterdam' telt naar ernst"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("--severity any"), std::string::npos) << e.what();
    }
    o.preset.clear();
    o.severity = "any";
    o.minCount = 6;
    const auto r = pipeline::runBlackSpotJob(o, reporter);
    EXPECT_TRUE(r.accidents.fields.severity.empty());
    EXPECT_EQ(r.analysis.criteria.description, "6 of meer ongevallen (elke ernst, ook onbekend) in 3 jaar");
    ASSERT_EQ(r.analysis.junctions.size(), 1u); // the six at the crossing, the party row merged
    EXPECT_EQ(r.analysis.junctions[0].tally.total(), 6);
    EXPECT_EQ(r.analysis.junctions[0].tally.bySeverity[static_cast<std::size_t>(Severity::Unknown)], 6);
    ASSERT_TRUE(r.areas);
    EXPECT_EQ(r.areas->total[0], 6); // theme 4.1 per area counts them too
    EXPECT_EQ(r.areas->injury[0], 0);

    for (const auto& name : blackSpotPresetNames()) EXPECT_TRUE(pipeline::criteriaNeedSeverity(blackSpotPreset(name)));
    EXPECT_FALSE(pipeline::criteriaNeedSeverity(r.analysis.criteria));
}

TEST(BlackSpotWriter, ToelichtingNamesTheKdeMethodAndTheSmallPeerGroupFallback)
{
    jobtest::TempFolder tmp;
    pipeline::BlackSpotJobOptions o = crossAndRoad(tmp.path());
    o.kdeBandwidth = 100;
    o.empiricalBayes = true;
    o.window = 250;
    o.step = 25;
    pipeline::CollectingReporter reporter;
    const auto r = pipeline::runBlackSpotJob(o, reporter);
    (void)pipeline::writeBlackSpotOutputs(r, {.outDir = tmp.path() / "uit", .internal = true});
    std::ifstream in(tmp.path() / "uit" / "blackspots_toelichting.txt");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Every metre of road is a peer site: Markt 200 m and Kerkstraat 200 m as one piece each, the
    // 2 km N225 as 8 pieces of 250 m = 10 sites, fewer than 30, so all sections together.
    ASSERT_FALSE(r.analysis.sections.empty());
    for (const auto& s : r.analysis.sections) {
        ASSERT_TRUE(s.eb.has_value());
        EXPECT_EQ(s.eb->peerGroup, "alle wegvakken");
        EXPECT_EQ(s.eb->peerSites, 10);
    }
    EXPECT_NE(text.find("minder dan 30 locaties"), std::string::npos) << text;
    EXPECT_NE(
        text.find("  - alle wegvakken: 10 locaties, " + std::to_string(r.analysis.sections.size()) + " gerapporteerd"),
        std::string::npos)
        << text;
    EXPECT_NE(text.find("  - alle kruispunten: 1 locaties, 1 gerapporteerd"), std::string::npos) << text;
    EXPECT_NE(text.find("Methode: continuous (Okabe & Sugihara 2012)"), std::string::npos) << text;
    std::ifstream summary(tmp.path() / "uit" / "summary.json");
    const std::string json((std::istreambuf_iterator<char>(summary)), std::istreambuf_iterator<char>());
    EXPECT_NE(json.find("\"kde_method\": \"continuous\""), std::string::npos);
    EXPECT_NE(json.find("\"eb_min_peer_group\": 30"), std::string::npos);
    EXPECT_NE(json.find("blackspots_toelichting.txt"), std::string::npos);
}
