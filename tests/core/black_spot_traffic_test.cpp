// Empirical Bayes of road sections with traffic in the exposure (issue 16 item 5): when every
// segment has its traffic (vehicles per day), a site's exposure is length x traffic; one segment
// without it and length alone is used, as before.
#include "gebiedscan/core/accident.hpp"
#include "gebiedscan/core/black_spots.hpp"
#include "gebiedscan/core/road_network.hpp"

#include <gtest/gtest.h>

#include <limits>

using namespace gebiedscan;

namespace {

RoadSegment street(std::string id, double y, double length, double traffic)
{
    RoadSegment s;
    s.id = std::move(id);
    s.line = {{0, y}, {length, y}};
    s.streetName = "Weg" + s.id;
    s.roadAuthority = "G";
    s.roadClass = "G";
    s.traffic = traffic;
    return s;
}

AccidentRecord injury(std::int64_t row, double x, double y)
{
    AccidentRecord r;
    r.row = row;
    r.accidentId = "V" + std::to_string(row);
    r.year = 2018;
    r.severity = Severity::Injury;
    r.point = PointRd{x, y};
    return r;
}

std::vector<AccidentRecord> accidents()
{
    std::vector<AccidentRecord> rows;
    for (int i = 0; i < 4; ++i) rows.push_back(injury(i + 1, 10.0 + 10 * i, 0));
    rows.push_back(injury(5, 100, 2000));
    rows.push_back(injury(6, 300, 2000));
    return rows;
}

BlackSpotOptions options()
{
    BlackSpotOptions opt;
    opt.criteria = blackSpotPreset("amsterdam");
    opt.empiricalBayes = true;
    opt.minPeerGroup = 5;
    return opt;
}

} // namespace

TEST(BlackSpotTraffic, LengthTimesTrafficIsTheExposure)
{
    // The streets of black_spot_exposure_test (74 m with 4 accidents; 500 m with none; 500 m with
    // 2), now with 2,000, 1,000 and 4,000 vehicles a day. Sites (L = 250 m): exposures 148,000,
    // 250,000 (twice), 1,000,000 (twice) vehicle-metres; lambda = 6 / 2,648,000; the 74 m street
    // expects mu = 0.3353474320241692 (with length alone 0.413); phi = 3.59921927054335, w = 1 / phi,
    // EB = w mu + (1 - w) 4 = 2.981820141393441; k per 250 m at the mean traffic 2,648,000 / 1,074.
    RoadNetwork net({street("a", 0, 74, 2000), street("b", 1000, 500, 1000), street("c", 2000, 500, 4000)});
    const auto res = analyseBlackSpots(net, accidents(), options());
    EXPECT_TRUE(res.ebTrafficExposure);
    ASSERT_EQ(res.sections.size(), 1u);
    const auto& eb = res.sections[0].eb;
    ASSERT_TRUE(eb.has_value());
    EXPECT_EQ(eb->peerSites, 5);
    EXPECT_NEAR(eb->peerMean, 0.3353474320241692, 1e-12);
    EXPECT_NEAR(eb->weight, 0.2778380323155573, 1e-12);
    EXPECT_NEAR(eb->overdispersion, 1.8610409977090387, 1e-12);
    EXPECT_NEAR(eb->estimate, 2.981820141393441, 1e-12);
}

TEST(BlackSpotTraffic, OneSegmentWithoutTrafficFallsBackToLength)
{
    RoadNetwork net({street("a", 0, 74, 2000), street("b", 1000, 500, std::numeric_limits<double>::quiet_NaN()),
                     street("c", 2000, 500, 4000)});
    const auto res = analyseBlackSpots(net, accidents(), options());
    EXPECT_FALSE(res.ebTrafficExposure);
    ASSERT_EQ(res.sections.size(), 1u);
    // black_spot_exposure_test's figures, length alone.
    EXPECT_NEAR(res.sections[0].eb->peerMean, 74 * 6.0 / 1074.0, 1e-12);
    EXPECT_NEAR(res.sections[0].eb->estimate, 2.992032102564477, 1e-12);
}
