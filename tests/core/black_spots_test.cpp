// Black spots on hand-built road networks whose right answers are known, plus randomized checks
// against brute-force counts.
#include "gebiedscan/core/accident.hpp"
#include "gebiedscan/core/accident_placement.hpp"
#include "gebiedscan/core/black_spots.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/network_kde.hpp"
#include "gebiedscan/core/road_network.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

using namespace gebiedscan;

namespace {

RoadSegment seg(std::string id, std::vector<PointRd> line, std::string street = {}, std::string cls = "G")
{
    RoadSegment s;
    s.id = std::move(id);
    s.line = std::move(line);
    s.streetName = std::move(street);
    s.roadAuthority = cls;
    s.roadClass = cls;
    return s;
}

AccidentRecord acc(std::int64_t row, double x, double y, Severity sev, int year = 2018)
{
    AccidentRecord r;
    r.row = row;
    r.accidentId = "V" + std::to_string(row);
    r.year = year;
    r.severity = sev;
    r.point = PointRd{x, y};
    return r;
}

// A cross: Hoofdweg west-east through (0,0), Dwarsstraat south-north; arms 100 m.
std::vector<RoadSegment> cross()
{
    return {seg("w", {{-100, 0}, {0, 0}}, "Hoofdweg"), seg("e", {{0, 0}, {100, 0}}, "Hoofdweg"),
            seg("s", {{0, -100}, {0, 0}}, "Dwarsstraat"), seg("n", {{0, 0}, {0, 100}}, "Dwarsstraat")};
}

std::size_t bucket(const BlackSpotResult& r, AccidentBucket b)
{
    return r.buckets[static_cast<std::size_t>(b)];
}

} // namespace

TEST(RoadNetwork, TopologyFromGeometryAndRoutesThroughJunction)
{
    RoadNetwork net(cross());
    EXPECT_FALSE(net.topologyFromIds());
    EXPECT_EQ(net.nodeCount(), 5u);
    EXPECT_EQ(net.nodeDegree(net.segmentTo(0)), 4);
    ASSERT_EQ(net.routes().size(), 2u); // one per street, continued through the junction
    EXPECT_DOUBLE_EQ(net.routes()[0].length, 200.0);
    EXPECT_DOUBLE_EQ(net.totalLength(), 400.0);

    NetworkOptions strict;
    strict.continueThroughJunctions = false;
    EXPECT_EQ(RoadNetwork(cross(), strict).routes().size(), 4u);
}

TEST(RoadNetwork, SnapToleranceJoinsNearEndpoints)
{
    auto make = [] { return std::vector<RoadSegment>{seg("a", {{0, 0}, {100, 0}}), seg("b", {{100.3, 0}, {200, 0}})}; };
    NetworkOptions tight;
    tight.snapTolerance = 0.1;
    EXPECT_EQ(RoadNetwork(make(), tight).nodeCount(), 4u);
    EXPECT_EQ(RoadNetwork(make(), tight).routes().size(), 2u);
    NetworkOptions loose;
    loose.snapTolerance = 0.5;
    RoadNetwork net(make(), loose);
    EXPECT_EQ(net.nodeCount(), 3u);
    ASSERT_EQ(net.routes().size(), 1u);
    EXPECT_NEAR(net.routes()[0].length, 199.7, 1e-9);
}

TEST(RoadNetwork, JunctionIdsWinOverGeometryAndStreetChangeBreaksRoute)
{
    auto segs =
        std::vector<RoadSegment>{seg("a", {{0, 0}, {100, 0}}, "Dorpsstraat"), seg("b", {{100, 0}, {200, 0}}, "Kerkweg"),
                                 seg("c", {{200, 0}, {300, 0}}, "Kerkweg")};
    segs[0].beginJunction = "1";
    segs[0].endJunction = "2";
    segs[1].beginJunction = "2";
    segs[1].endJunction = "3";
    segs[2].beginJunction = "3";
    segs[2].endJunction = "4";
    RoadNetwork net(segs);
    EXPECT_TRUE(net.topologyFromIds());
    EXPECT_EQ(net.findNode("3"), net.segmentTo(1));
    ASSERT_EQ(net.routes().size(), 2u); // Dorpsstraat | Kerkweg (b+c)
    EXPECT_EQ(net.routeOfSegment(1).first, net.routeOfSegment(2).first);
    EXPECT_NE(net.routeOfSegment(0).first, net.routeOfSegment(1).first);
}

TEST(RoadNetwork, NearestMatchesBruteForce)
{
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0, 2000);
    std::vector<RoadSegment> segs;
    for (int i = 0; i < 400; ++i) {
        const PointRd a{u(rng), u(rng)};
        segs.push_back(
            seg("s" + std::to_string(i), {a, {a.x + u(rng) / 20, a.y + u(rng) / 20}, {a.x + u(rng) / 10, a.y}}));
    }
    RoadNetwork net(segs);
    for (int q = 0; q < 500; ++q) {
        const PointRd p{u(rng), u(rng)};
        double best = 1e300;
        for (std::size_t s = 0; s < net.segments().size(); ++s) {
            const auto& line = net.segments()[s].line;
            for (std::size_t i = 0; i + 1 < line.size(); ++i) {
                double t = 0;
                best = std::min(best, pointSegmentDistance(p, line[i], line[i + 1], t));
            }
        }
        const auto pos = net.nearest(p, 60.0);
        if (best <= 60.0) {
            ASSERT_TRUE(pos.has_value());
            EXPECT_NEAR(pos->distance, best, 1e-9);
        } else {
            EXPECT_FALSE(pos.has_value());
        }
    }
}

TEST(Accidents, PartyRowsDeduplicated)
{
    std::vector<AccidentRecord> rows;
    auto party = [&](double x, int nummer, Severity s) {
        AccidentRecord r;
        r.row = static_cast<std::int64_t>(rows.size()) + 1;
        r.year = 2017;
        r.severity = s;
        r.aolId = "3";
        r.partyNumber = nummer;
        r.point = PointRd{x, 0};
        rows.push_back(r);
    };
    party(10, 1, Severity::Injury); // accident A: parties 1, 2, 3
    party(10, 2, Severity::Injury);
    party(10, 3, Severity::Injury);
    party(20, 2, Severity::DamageOnly); // an extract without party 1: two accidents (party 2 twice)
    party(20, 2, Severity::DamageOnly);
    party(20, 3, Severity::DamageOnly);
    party(10, 2, Severity::DamageOnly); // same place, other code: its own accident
    auto withId = [&](std::string id) {
        AccidentRecord r;
        r.row = static_cast<std::int64_t>(rows.size()) + 1;
        r.accidentId = std::move(id);
        r.year = 2017;
        r.severity = Severity::Fatal;
        rows.push_back(r);
    };
    withId("900");
    withId("900");
    withId("901");
    const auto d = deduplicateAccidents(rows);
    ASSERT_EQ(d.accidents.size(), 6u);
    EXPECT_EQ(d.duplicateRows, 4u);
    EXPECT_EQ(d.groupsWithoutPartyOne, 2u);
    EXPECT_EQ(d.accidents[0].rows, 3);
    EXPECT_EQ(d.accidents[0].row, 1);
    EXPECT_EQ(d.accidents[1].rows, 2); // the two party-2 rows are the accidents; party 3 merged into the first
    EXPECT_EQ(d.accidents[2].rows, 1);
    EXPECT_EQ(d.accidents[4].id, "900");
    EXPECT_EQ(d.accidents[4].rows, 2);
    EXPECT_EQ(d.accidentOfRecord[8], -1);
}

TEST(BlackSpots, JunctionWithExactlyTheThreshold)
{
    RoadNetwork net(cross());
    std::vector<AccidentRecord> rows;
    // Five injury accidents within 30 m of the junction, one fatal exactly on it.
    const double r = 29.0;
    for (int i = 0; i < 5; ++i)
        rows.push_back(acc(i + 1, r * std::cos(i), r * std::sin(i) * 0.01, Severity::Injury, 2016 + i % 3));
    rows.push_back(acc(6, 0, 0, Severity::Fatal, 2018));
    rows.push_back(acc(7, 31, 0, Severity::Injury, 2018));      // outside the radius: on the section only
    rows.push_back(acc(8, -10, 0, Severity::DamageOnly, 2018)); // not an injury accident
    BlackSpotOptions opt;
    opt.criteria = blackSpotPreset("kruispunt-6-3");
    auto res = analyseBlackSpots(net, rows, opt);
    EXPECT_EQ(res.firstYear, 2016);
    EXPECT_EQ(res.lastYear, 2018);
    ASSERT_EQ(res.junctions.size(), 1u);
    const auto& j = res.junctions[0];
    EXPECT_TRUE(j.met);
    EXPECT_EQ(j.tally.count(kInjuryOrFatal), 6);
    EXPECT_EQ(j.tally.total(), 7);
    EXPECT_EQ(j.tally.bySeverity[0], 1);
    EXPECT_DOUBLE_EQ(j.tally.score, 5.0 + 5 * 1.0);
    EXPECT_EQ(j.perYear, (std::vector<int>{2, 2, 3}));
    EXPECT_EQ(j.rulesMet, ">=6 DOD,LET");
    EXPECT_EQ(j.streetNames, "Dwarsstraat/Hoofdweg");
    EXPECT_TRUE(res.sections.empty()); // the kruispunt preset has no sections

    // One injury accident fewer: below the threshold, not reported.
    rows.erase(rows.begin());
    res = analyseBlackSpots(net, rows, opt);
    EXPECT_TRUE(res.junctions.empty());
    opt.includeAllJunctions = true;
    res = analyseBlackSpots(net, rows, opt);
    ASSERT_EQ(res.junctions.size(), 1u);
    EXPECT_FALSE(res.junctions[0].met);
    EXPECT_EQ(res.junctions[0].tally.count(kInjuryOrFatal), 5);
}

TEST(BlackSpots, WindowStraddlingTwoSegments)
{
    // a runs 0->100, b is digitised backwards 200->100: the route still runs 0..200.
    RoadNetwork net({seg("a", {{0, 0}, {100, 0}}, "Lange Weg"), seg("b", {{200, 0}, {100, 0}}, "Lange Weg")});
    ASSERT_EQ(net.routes().size(), 1u);
    std::vector<AccidentRecord> rows{acc(1, 90, 1, Severity::Injury),  acc(2, 95, -1, Severity::Injury),
                                     acc(3, 105, 2, Severity::Injury), acc(4, 110, 0, Severity::Injury),
                                     acc(5, 10, 0, Severity::Injury),  acc(6, 190, 0, Severity::Injury)};
    BlackSpotOptions opt;
    opt.criteria = blackSpotPreset("amsterdam");
    opt.window = 50;
    opt.step = 10;
    const auto res = analyseBlackSpots(net, rows, opt);
    // Windows [a, a+50] with >= 3 of {90, 95, 105, 110}: a = 60, 70, 80, 90 -> one section 60..140.
    ASSERT_EQ(res.sections.size(), 1u);
    const auto& s = res.sections[0];
    EXPECT_DOUBLE_EQ(s.from, 60.0);
    EXPECT_DOUBLE_EQ(s.to, 140.0);
    EXPECT_EQ(s.tally.total(), 4);
    EXPECT_EQ(s.peakWindowCount, 4);
    EXPECT_EQ(s.accidents, (std::vector<std::int32_t>{0, 1, 2, 3}));
    EXPECT_EQ(s.id, "a:60-140");
    ASSERT_EQ(s.geometry.size(), 3u);
    EXPECT_DOUBLE_EQ(s.geometry[0].x, 60.0);
    EXPECT_DOUBLE_EQ(s.geometry[1].x, 100.0);
    EXPECT_DOUBLE_EQ(s.geometry[2].x, 140.0);
    EXPECT_EQ(res.windowCount, 16u); // a = 0, 10, ..., 140 and the last window 150..200
    EXPECT_EQ(bucket(res, AccidentBucket::Snapped), 6u);
}

TEST(BlackSpots, EveryRowInExactlyOneBucket)
{
    RoadNetwork net(cross());
    std::vector<AccidentRecord> rows{acc(1, 50, 20, Severity::Injury), acc(2, 50, 30, Severity::Injury),
                                     acc(3, 50, 0, Severity::Injury, 2014)};
    rows.push_back(acc(4, 0, 0, Severity::Injury));
    rows[3].point.reset(); // missing location
    rows.push_back(acc(5, 0, 0, Severity::Injury));
    rows[4].year.reset(); // missing year
    rows.push_back(acc(6, 0, 0, Severity::Injury));
    rows[5].point.reset();
    rows[5].segmentId = "999"; // not in the network
    rows.push_back(acc(7, 500, 500, Severity::Injury));
    rows[6].segmentId = "e"; // placed by id, point projected onto e
    rows.push_back(acc(8, 5, 5, Severity::Injury));
    rows[7].accidentId = "V1"; // a second party row of accident V1
    BlackSpotOptions opt;
    opt.snapTolerance = 25;
    const auto res = analyseBlackSpots(net, rows, opt);
    EXPECT_EQ(bucket(res, AccidentBucket::Snapped), 1u);         // 20 m from e
    EXPECT_EQ(bucket(res, AccidentBucket::BeyondTolerance), 1u); // 30 m
    EXPECT_EQ(bucket(res, AccidentBucket::OutsidePeriod), 1u);
    EXPECT_EQ(bucket(res, AccidentBucket::MissingLocation), 1u);
    EXPECT_EQ(bucket(res, AccidentBucket::MissingYear), 1u);
    EXPECT_EQ(bucket(res, AccidentBucket::UnknownNetworkId), 1u);
    EXPECT_EQ(bucket(res, AccidentBucket::PlacedById), 1u);
    EXPECT_EQ(bucket(res, AccidentBucket::DuplicatePartyRow), 1u);
    std::size_t sum = 0;
    for (auto c : res.buckets) sum += c;
    EXPECT_EQ(sum, rows.size());
    EXPECT_EQ(res.analysedAccidents, 2u);
    EXPECT_NEAR(res.placements[6].offset, 100.0, 1e-9); // (500,500) projects on e's far end
}

TEST(BlackSpots, PresetThresholds)
{
    auto tally = [](int dod, int let, int ums, int letHospital = 0) {
        SeverityTally t;
        t.bySeverity = {dod, let, ums, 0};
        t.injuryHospital = letHospital;
        t.serious = dod + let; // the LET+DOD proxy
        return t;
    };
    auto scored = [](BlackSpotCriteria c, SeverityTally t) {
        const auto& w = c.weights;
        t.score = w.fatal * t.bySeverity[0] + w.serious * t.injuryHospital +
                  w.injury * (t.bySeverity[1] - t.injuryHospital) + w.damageOnly * t.bySeverity[2];
        return meetsCriteria(c, t);
    };
    const auto rws = blackSpotPreset("rijkswaterstaat");
    EXPECT_TRUE(scored(rws, tally(0, 0, 10)));
    EXPECT_FALSE(scored(rws, tally(0, 5, 4)));
    EXPECT_TRUE(scored(rws, tally(1, 5, 0)));
    const auto vl = blackSpotPreset("vlaanderen");
    EXPECT_TRUE(scored(vl, tally(3, 0, 0)));     // 15
    EXPECT_TRUE(scored(vl, tally(2, 5, 0)));     // 15
    EXPECT_FALSE(scored(vl, tally(2, 4, 10)));   // 14
    EXPECT_FALSE(scored(vl, tally(1, 4, 0, 2))); // 5 + 2*3 + 2*1 = 13
    EXPECT_TRUE(scored(vl, tally(2, 3, 0, 2)));  // 10 + 2*3 + 1 = 17
    EXPECT_FALSE(scored(vl, tally(0, 14, 0)));   // 14
    EXPECT_TRUE(scored(vl, tally(0, 15, 0)));
    const auto ams = blackSpotPreset("amsterdam");
    EXPECT_TRUE(scored(ams, tally(0, 3, 0)));
    EXPECT_FALSE(scored(ams, tally(0, 2, 9)));
    EXPECT_THROW((void)blackSpotPreset("utrecht"), InputError);
    EXPECT_EQ(parseSeverityList("let, dod"), kInjuryOrFatal);
    EXPECT_THROW((void)parseSeverityList("LET,XYZ"), InputError);
}

TEST(BlackSpots, EmpiricalBayesHandComputed)
{
    // A main road with three four-arm junctions at x = 100, 200, 300 holding 6, 0 and 3 injury
    // accidents. Peer mean m = 3, sample variance s^2 = 9, k = (9-3)/9 = 2/3, w = 1/(1+2) = 1/3:
    // EB(6) = 3/3 + 2*6/3 = 5, EB(3) = 3.
    std::vector<RoadSegment> segs;
    for (int i = 0; i < 4; ++i)
        segs.push_back(seg("m" + std::to_string(i), {{i * 100.0, 0}, {i * 100.0 + 100, 0}}, "Hoofdweg"));
    for (int x : {100, 200, 300}) {
        segs.push_back(seg("z" + std::to_string(x), {{x * 1.0, 0}, {x * 1.0, -80}}, "Zijstraat" + std::to_string(x)));
        segs.push_back(seg("n" + std::to_string(x), {{x * 1.0, 0}, {x * 1.0, 80}}, "Zijstraat" + std::to_string(x)));
    }
    RoadNetwork net(segs);
    std::vector<AccidentRecord> rows;
    for (int i = 0; i < 6; ++i) rows.push_back(acc(i + 1, 100, 1, Severity::Injury));
    for (int i = 0; i < 3; ++i) rows.push_back(acc(i + 7, 300, 1, Severity::Injury));
    BlackSpotOptions opt;
    opt.criteria = blackSpotPreset("amsterdam");
    opt.criteria.sections = false;
    opt.empiricalBayes = true;
    opt.minPeerGroup = 3;
    const auto res = analyseBlackSpots(net, rows, opt);
    ASSERT_EQ(res.junctions.size(), 2u);
    ASSERT_TRUE(res.junctions[0].eb.has_value());
    const auto& eb = *res.junctions[0].eb;
    EXPECT_EQ(eb.peerSites, 3);
    EXPECT_DOUBLE_EQ(eb.peerMean, 3.0);
    EXPECT_DOUBLE_EQ(eb.peerVariance, 9.0);
    EXPECT_NEAR(eb.overdispersion, 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(eb.weight, 1.0 / 3.0, 1e-12);
    EXPECT_NEAR(eb.estimate, 5.0, 1e-12);
    EXPECT_NEAR(eb.excess, 2.0, 1e-12);
    EXPECT_NEAR(res.junctions[1].eb->estimate, 3.0, 1e-12);
    EXPECT_EQ(res.junctions[0].rank, 1);
}

TEST(BlackSpots, RandomNetworkMatchesBruteForce)
{
    // A 20 x 20 street grid (100 m blocks), 3000 random accidents: junction counts must equal a
    // plain count of accident points within the radius of each degree>=3 node, and every reported
    // section must satisfy the preset over its own extent.
    std::vector<RoadSegment> segs;
    for (int i = 0; i <= 20; ++i)
        for (int j = 0; j < 20; ++j) {
            segs.push_back(seg("h" + std::to_string(i) + "_" + std::to_string(j),
                               {{j * 100.0, i * 100.0}, {j * 100.0 + 100, i * 100.0}}, "Straat" + std::to_string(i)));
            segs.push_back(seg("v" + std::to_string(i) + "_" + std::to_string(j),
                               {{i * 100.0, j * 100.0}, {i * 100.0, j * 100.0 + 100}}, "Laan" + std::to_string(i)));
        }
    RoadNetwork net(segs);
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> u(-20, 2020);
    std::uniform_int_distribution<int> sev(0, 2), yr(2015, 2018);
    std::vector<AccidentRecord> rows;
    for (int i = 0; i < 3000; ++i) rows.push_back(acc(i + 1, u(rng), u(rng), static_cast<Severity>(sev(rng)), yr(rng)));
    BlackSpotOptions opt;
    opt.criteria = blackSpotPreset("amsterdam");
    opt.junctionRadius = 25;
    opt.snapTolerance = 15;
    opt.window = 100;
    opt.step = 20;
    opt.includeAllJunctions = true;
    const auto res = analyseBlackSpots(net, rows, opt);
    EXPECT_EQ(res.firstYear, 2016);
    std::size_t sum = 0;
    for (auto c : res.buckets) sum += c;
    EXPECT_EQ(sum, rows.size());

    std::map<std::string, int> reported;
    for (const auto& j : res.junctions) reported[j.id] = j.tally.total();
    int checked = 0;
    for (std::int32_t k = 0; k < static_cast<std::int32_t>(net.nodeCount()); ++k) {
        if (net.nodeDegree(k) < 3) continue;
        int n = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& a = rows[i];
            if (*a.year < 2016) continue;
            const double dx = a.point->x - net.nodePoint(k).x, dy = a.point->y - net.nodePoint(k).y;
            // Placed accidents only: within the snap tolerance of some street.
            if (!res.placements[i].placed()) continue;
            if (std::sqrt(dx * dx + dy * dy) <= 25) ++n;
        }
        EXPECT_EQ(reported.count(net.nodeId(k)) ? reported[net.nodeId(k)] : 0, n) << net.nodeId(k);
        ++checked;
    }
    EXPECT_EQ(checked, 21 * 21 - 4); // grid nodes minus the four corners

    ASSERT_FALSE(res.sections.empty());
    for (const auto& s : res.sections) {
        EXPECT_TRUE(meetsCriteria(opt.criteria, s.tally)) << s.id;
        int n = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& p = res.placements[i];
            if (!p.placed() || net.routeOfSegment(p.segment).first != s.route) continue;
            const double d = net.routeDistance(p.segment, p.offset);
            if (d >= s.from && d <= s.to) ++n;
        }
        EXPECT_EQ(n, s.tally.total()) << s.id;
        EXPECT_GE(s.to - s.from, 100.0 - 1e-9);
    }
}

TEST(BlackSpots, PlacedByJunctionAndSegmentIds)
{
    auto segs = cross();
    const char* ends[4][2] = {{"W", "J"}, {"J", "E"}, {"S", "J"}, {"J", "N"}};
    for (int i = 0; i < 4; ++i) {
        segs[i].beginJunction = ends[i][0];
        segs[i].endJunction = ends[i][1];
    }
    RoadNetwork net(segs);
    ASSERT_TRUE(net.topologyFromIds());
    std::vector<AccidentRecord> rows;
    for (int i = 0; i < 3; ++i) {
        rows.push_back(acc(i + 1, 0, 0, Severity::Injury));
        rows.back().point.reset();
        rows.back().junctionId = "J"; // on the junction, by id only
    }
    rows.push_back(acc(4, 0, 0, Severity::Injury));
    rows.back().point.reset();
    rows.back().segmentId = "e";                     // on wegvak e, position unknown: its midpoint
    rows.push_back(acc(5, 80, 3, Severity::Injury)); // snapped to e, 80 m from the junction
    BlackSpotOptions opt;
    opt.criteria = blackSpotPreset("amsterdam");
    opt.window = 100;
    opt.step = 10;
    const auto res = analyseBlackSpots(net, rows, opt);
    EXPECT_EQ(bucket(res, AccidentBucket::PlacedById), 4u);
    EXPECT_EQ(bucket(res, AccidentBucket::Snapped), 1u);
    ASSERT_EQ(res.junctions.size(), 1u);
    EXPECT_EQ(res.junctions[0].id, "J");
    EXPECT_EQ(res.junctions[0].tally.total(), 3);
    EXPECT_TRUE(res.placements[3].approximateOffset);
    EXPECT_DOUBLE_EQ(res.placements[3].offset, 50.0);
    // Junction-id accidents stay out of the sections: only 2 accidents on Hoofdweg.
    EXPECT_TRUE(res.sections.empty());
}

TEST(NetworkKde, SingleRoadIntegratesToTheWeightAndMatchesTheQuartic)
{
    // One straight 1 km road in two segments; an event at 500 m, h = 100 m, lixels of 1 m.
    RoadNetwork net({seg("a", {{0, 0}, {480, 0}}, "Dijk"), seg("b", {{480, 0}, {1000, 0}}, "Dijk")});
    const auto lixels = networkKernelDensity(net, {NetworkEvent{1, 20.0, 2.0}}, 1.0, 100.0);
    ASSERT_EQ(lixels.size(), 1000u);
    double integral = 0;
    for (const auto& l : lixels) integral += l.density / 1000 * (l.to - l.from);
    EXPECT_NEAR(integral, 2.0, 1e-4); // midpoint rule on 1 m lixels
    // Lixel 449.5 m (on segment a, across the joint): d = 50.5, K = 15/(16 h) (1 - 0.505^2)^2.
    const auto& l = lixels[449];
    EXPECT_EQ(l.segment, 0);
    const double u = 50.5 / 100;
    EXPECT_NEAR(l.density, 2.0 * 1000 * 15.0 / 1600.0 * (1 - u * u) * (1 - u * u), 1e-9);
    EXPECT_DOUBLE_EQ(lixels[300].density, 0.0);
}

TEST(NetworkKde, SimpleMethodContinuesIntoEveryBranch)
{
    // An event on a four-arm junction: the simple method gives every arm the full kernel, so the
    // total mass is 4 half-kernels = 2 instead of 1 (documented; spNetwork's other methods split it).
    RoadNetwork net(cross());
    const auto lixels = networkKernelDensity(net, {NetworkEvent{0, 100.0, 1.0}}, 10.0, 100.0, NetworkKdeMethod::Simple);
    const double k35 = 1000 * 15.0 / 1600.0 * std::pow(1 - 0.35 * 0.35, 2);
    int arms = 0;
    double integral = 0;
    for (const auto& l : lixels) {
        integral += l.density / 1000 * (l.to - l.from);
        const bool towardsJunction = net.segmentTo(l.segment) == net.segmentTo(0);
        if ((towardsJunction && l.from == 60.0) || (!towardsJunction && l.from == 30.0)) {
            EXPECT_NEAR(l.density, k35, 1e-9) << l.segment;
            ++arms;
        }
    }
    EXPECT_EQ(arms, 4);
    EXPECT_NEAR(integral, 2.0, 1e-3);
}
