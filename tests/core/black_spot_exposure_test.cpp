// Empirical Bayes of road sections with length as exposure (issue 16 item 5): every metre of
// every route is in the peer group, and a short section with many accidents keeps the same
// weight as a long one instead of being pulled to the group's mean for being short.
#include "gebiedscan/core/accident.hpp"
#include "gebiedscan/core/black_spots.hpp"
#include "gebiedscan/core/road_network.hpp"

#include <gtest/gtest.h>

using namespace gebiedscan;

namespace {

RoadSegment straight(std::string id, double y, double length)
{
    RoadSegment s;
    s.id = std::move(id);
    s.line = {{0, y}, {length, y}};
    s.streetName = "Weg" + s.id;
    s.roadAuthority = "G";
    s.roadClass = "G";
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

} // namespace

TEST(BlackSpotExposure, ShortSectionKeepsItsWeight)
{
    // Three unconnected streets of class G: 74 m with 4 injury accidents, 500 m with none, 500 m
    // with one at 100 m and one at 300 m. Sites (L = 250 m): (4, 74 m), (0, 250), (0, 250),
    // (1, 250), (1, 250): lambda = 6 / 1074 per metre; phi = sum (x - lambda l)^2 / 6 * 5/4
    // = 3.5582404835471215; w = 1 / phi = 0.2810377782569448; the 74 m section: mu = 74 lambda,
    // EB = w mu + (1 - w) 4 = 2.992032102564477. (Windows of 250 m only, as before, gave k = 0,
    // w = 1 and EB = mu = 0.148: the four accidents were shrunk away.)
    RoadNetwork net({straight("a", 0, 74), straight("b", 1000, 500), straight("c", 2000, 500)});
    std::vector<AccidentRecord> rows;
    for (int i = 0; i < 4; ++i) rows.push_back(injury(i + 1, 10.0 + 10 * i, 0));
    rows.push_back(injury(5, 100, 2000));
    rows.push_back(injury(6, 300, 2000));
    BlackSpotOptions opt;
    opt.criteria = blackSpotPreset("amsterdam"); // 3 injury accidents make a black spot
    opt.empiricalBayes = true;
    opt.minPeerGroup = 5;
    const auto res = analyseBlackSpots(net, rows, opt);
    ASSERT_EQ(res.sections.size(), 1u);
    const auto& s = res.sections[0];
    EXPECT_DOUBLE_EQ(s.to - s.from, 74.0);
    ASSERT_TRUE(s.eb.has_value());
    const double lambda = 6.0 / 1074.0;
    EXPECT_EQ(s.eb->peerGroup, "G");
    EXPECT_EQ(s.eb->peerSites, 5) << "the 74 m street is a site of its own group";
    EXPECT_NEAR(s.eb->peerMean, 74 * lambda, 1e-12);
    EXPECT_NEAR(s.eb->weight, 0.2810377782569448, 1e-12);
    EXPECT_NEAR(s.eb->overdispersion, 1.831700186219739, 1e-12);
    EXPECT_NEAR(s.eb->estimate, 2.992032102564477, 1e-12);
    EXPECT_NEAR(s.eb->excess, 2.992032102564477 - 74 * lambda, 1e-12);

    // One site fewer than minPeerGroup: the fallback is all sections (here the same sites).
    opt.minPeerGroup = 6;
    const auto fallback = analyseBlackSpots(net, rows, opt);
    ASSERT_EQ(fallback.sections.size(), 1u);
    EXPECT_EQ(fallback.sections[0].eb->peerGroup, "alle wegvakken");
    EXPECT_NEAR(fallback.sections[0].eb->estimate, 2.992032102564477, 1e-12);
}
