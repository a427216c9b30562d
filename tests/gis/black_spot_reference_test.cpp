// Black-spot junction counts and accident snapping against R sf (GEOS) on a synthetic network the
// code has never seen: data/fixtures/blackspots/blackspots_reference.R writes the inputs and the
// reference answers. (Plain file IO only; lives in test_gis because core tests read no files.)
#include "gebiedscan_build_paths.hpp"
#include "gebiedscan/core/black_spots.hpp"
#include "gebiedscan/core/road_network.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace gebiedscan;

namespace {

const std::filesystem::path kDir = std::filesystem::path(GEBIEDSCAN_SOURCE_DIR) / "data" / "fixtures" / "blackspots";

std::vector<std::vector<std::string>> readCsv(const std::string& name)
{
    std::ifstream in(kDir / name);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::vector<std::string> cells(1);
        bool quoted = false;
        for (char c : line) {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                cells.emplace_back();
            else if (c != '\r')
                cells.back() += c;
        }
        rows.push_back(std::move(cells));
    }
    return rows;
}

std::vector<PointRd> parseLineString(const std::string& wkt)
{
    std::vector<PointRd> out;
    std::istringstream in(wkt.substr(wkt.find('(') + 1));
    std::string pair;
    while (std::getline(in, pair, ',')) {
        std::istringstream p(pair);
        PointRd q;
        p >> q.x >> q.y;
        out.push_back(q);
    }
    return out;
}

} // namespace

TEST(BlackSpotReference, JunctionCountsAndSnappingMatchRsf)
{
    std::vector<RoadSegment> segments;
    for (const auto& r : readCsv("network.csv")) {
        RoadSegment s;
        s.id = r[0];
        s.line = parseLineString(r[1]);
        segments.push_back(std::move(s));
    }
    ASSERT_EQ(segments.size(), 232u);
    RoadNetwork net(segments);
    std::vector<AccidentRecord> records;
    for (const auto& r : readCsv("accidents.csv")) {
        AccidentRecord a;
        a.row = std::stoll(r[0]);
        a.accidentId = r[0];
        a.point = PointRd{std::stod(r[1]), std::stod(r[2])};
        a.year = std::stoi(r[3]);
        a.severity = *parseSeverity(r[4]);
        records.push_back(a);
    }
    ASSERT_EQ(records.size(), 2000u);
    BlackSpotOptions opt;
    opt.criteria = blackSpotPreset("kruispunt-6-3");
    opt.lastYear = 2018;
    opt.snapTolerance = 25;
    opt.junctionRadius = 30;
    opt.includeAllJunctions = true;
    const auto res = analyseBlackSpots(net, records, opt);

    // Snapping: same nearest segment and distance as sf::st_nearest_feature / st_distance.
    const auto snap = readCsv("reference_snap.csv");
    ASSERT_EQ(snap.size(), 2000u);
    int placed = 0, ties = 0;
    for (std::size_t i = 0; i < snap.size(); ++i) {
        const double d = std::stod(snap[i][2]);
        const auto& p = res.placements[i];
        if (records[i].year < 2016) {
            EXPECT_EQ(p.bucket, AccidentBucket::OutsidePeriod);
            continue;
        }
        if (d <= 25) {
            ASSERT_EQ(p.bucket, AccidentBucket::Snapped) << "accident " << snap[i][0];
            EXPECT_NEAR(p.snapDistance, d, 1e-6);
            // The same segment, or a tie at a shared vertex (GEOS and we round differently there).
            if (net.segments()[p.segment].id != snap[i][1]) {
                const auto other = net.projectOnto(net.findSegment(snap[i][1]), *records[i].point);
                EXPECT_NEAR(other.distance, p.snapDistance, 1e-6) << "accident " << snap[i][0];
                ++ties;
            }
            ++placed;
        } else {
            EXPECT_EQ(p.bucket, AccidentBucket::BeyondTolerance) << "accident " << snap[i][0];
        }
    }
    EXPECT_EQ(placed, 930); // printed by the R script
    EXPECT_LT(ties, 20);
    EXPECT_EQ(res.analysedAccidents, 930u);

    // Junctions: every node of degree >= 3 with the count of placed accidents within 30 m.
    std::map<std::pair<long long, long long>, int> ours; // keyed by millimetre coordinates
    for (const auto& j : res.junctions)
        ours[{std::llround(j.geometry[0].x * 1000), std::llround(j.geometry[0].y * 1000)}] = j.tally.total();
    const auto ref = readCsv("reference_junctions.csv");
    EXPECT_EQ(ref.size(), res.junctionCount);
    int total = 0;
    for (const auto& r : ref) {
        const std::pair<long long, long long> key{std::llround(std::stod(r[0]) * 1000),
                                                  std::llround(std::stod(r[1]) * 1000)};
        const int expected = std::stoi(r[3]);
        total += expected;
        auto it = ours.find(key);
        EXPECT_EQ(it == ours.end() ? 0 : it->second, expected) << "node " << r[0] << " " << r[1];
    }
    EXPECT_EQ(total, 503); // printed by the R script
}
