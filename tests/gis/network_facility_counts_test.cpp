// Registrations around facilities along the road network, on the real NWB Wageningen network
// (data/open): the counts, the ring and the road length within the radius equal a brute-force
// reference that inserts every snapped point into the graph as a vertex and runs a plain
// O(V²) Dijkstra over the whole augmented graph (no bound, no intervals).
#include "gebiedscan/core/network_facility_counts.hpp"
#include "gebiedscan/core/road_network.hpp"
#include "gebiedscan/gis/road_network_reader.hpp"
#include "gebiedscan_build_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <numeric>
#include <random>

using namespace gebiedscan;

namespace {

const std::filesystem::path kSource = std::filesystem::path(GEBIEDSCAN_SOURCE_DIR);
constexpr double kInf = std::numeric_limits<double>::infinity();

RoadNetwork wageningen()
{
    gis::SourceSpec s;
    s.path = (kSource / "data" / "open" / "nwb-wageningen-wegvakken.gml").string();
    return RoadNetwork(gis::readRoadLayer(s, {}, "EPSG:28992").segments);
}

// The network with every snapped point as an extra vertex: edges between consecutive positions
// along each segment.
struct AugmentedGraph {
    std::vector<std::vector<std::pair<std::size_t, double>>> adjacency;
    std::vector<std::tuple<std::size_t, std::size_t, double>> edges;

    // positions[s]: (offset, vertex) of the points on segment s; vertices from nodeCount on.
    AugmentedGraph(const RoadNetwork& net, std::vector<std::vector<std::pair<double, std::size_t>>> positions,
                   std::size_t vertices)
        : adjacency(vertices)
    {
        for (std::size_t s = 0; s < net.segments().size(); ++s) {
            auto& along = positions[s];
            std::sort(along.begin(), along.end());
            const auto seg = static_cast<std::int32_t>(s);
            std::size_t previous = static_cast<std::size_t>(net.segmentFrom(seg));
            double at = 0;
            along.emplace_back(net.segmentLength(seg), static_cast<std::size_t>(net.segmentTo(seg)));
            for (const auto& [offset, vertex] : along) {
                adjacency[previous].emplace_back(vertex, offset - at);
                adjacency[vertex].emplace_back(previous, offset - at);
                edges.emplace_back(previous, vertex, offset - at);
                previous = vertex;
                at = offset;
            }
        }
    }

    // Plain O(V²) Dijkstra from several sources at distance 0.
    [[nodiscard]] std::vector<double> distances(const std::vector<std::size_t>& sources) const
    {
        std::vector<double> d(adjacency.size(), kInf);
        std::vector<bool> done(adjacency.size(), false);
        for (auto s : sources) d[s] = 0;
        for (;;) {
            std::size_t best = adjacency.size();
            for (std::size_t v = 0; v < adjacency.size(); ++v)
                if (!done[v] && d[v] < kInf && (best == adjacency.size() || d[v] < d[best])) best = v;
            if (best == adjacency.size()) break;
            done[best] = true;
            for (const auto& [w, length] : adjacency[best]) d[w] = std::min(d[w], d[best] + length);
        }
        return d;
    }
};

FacilityShape pointFacility(const PointRd& p)
{
    FacilityShape f;
    f.points.push_back(p);
    return f;
}

RoadSegment road(const std::string& id, std::vector<PointRd> line)
{
    RoadSegment s;
    s.id = id;
    s.line = std::move(line);
    return s;
}

} // namespace

TEST(NetworkFacilityCounts, WageningenEqualsTheBruteForceDijkstra)
{
    const auto net = wageningen();
    ASSERT_EQ(net.segments().size(), 232u);
    const Envelope e = net.extent();
    std::mt19937_64 rng(16);
    std::uniform_real_distribution<double> ux(e.minX - 50, e.maxX + 50), uy(e.minY - 50, e.maxY + 50);
    std::vector<PointRd> points(600);
    std::vector<std::uint32_t> group(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        points[i] = {ux(rng), uy(rng)};
        group[i] = static_cast<std::uint32_t>(i % 3);
    }
    std::vector<FacilityShape> facilities(24);
    for (auto& f : facilities) f = pointFacility({ux(rng), uy(rng)});
    // A line facility, a polygon facility, one far from every road.
    const double cx = 0.5 * (e.minX + e.maxX), cy = 0.5 * (e.minY + e.maxY);
    FacilityShape street;
    street.lines.push_back({{cx - 300, cy}, {cx, cy + 40}, {cx + 250, cy + 10}});
    facilities.push_back(street);
    FacilityShape square;
    Polygon box;
    box.rings.push_back(
        {{cx + 100, cy - 300}, {cx + 300, cy - 300}, {cx + 300, cy - 100}, {cx + 100, cy - 100}, {cx + 100, cy - 300}});
    square.polygons.push_back(box);
    facilities.push_back(square);
    facilities.push_back(pointFacility({e.maxX + 5000, e.maxY + 5000}));

    NetworkFacilityCountOptions o;
    o.count.radius = 200;
    o.count.ringFactor = 5;
    o.count.threads = 2;
    o.snapTolerance = 40;
    const auto got = countAlongNetwork(net, facilities, points, group, 3, o);

    // The reference: snap everything, insert it into the graph, Dijkstra from each facility.
    std::size_t vertices = net.nodeCount();
    std::vector<std::vector<std::pair<double, std::size_t>>> positions(net.segments().size());
    std::vector<std::size_t> vertexOfPoint(points.size(), SIZE_MAX);
    std::size_t onNetwork = 0;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (const auto p = net.nearest(points[i], o.snapTolerance)) {
            positions[p->segment].emplace_back(p->offset, vertices);
            vertexOfPoint[i] = vertices++;
            ++onNetwork;
        }
    std::vector<std::vector<std::size_t>> sources(facilities.size());
    for (std::size_t f = 0; f < facilities.size(); ++f) {
        std::vector<PointRd> vs = facilities[f].points;
        for (const auto& line : facilities[f].lines) vs.insert(vs.end(), line.begin(), line.end());
        for (const auto& poly : facilities[f].polygons)
            for (const auto& ring : poly.rings) vs.insert(vs.end(), ring.begin(), ring.end());
        for (const auto& v : vs)
            if (const auto p = net.nearest(v, o.snapTolerance)) {
                positions[p->segment].emplace_back(p->offset, vertices);
                sources[f].push_back(vertices++);
            }
    }
    const AugmentedGraph graph(net, positions, vertices);
    EXPECT_EQ(got.registrationsOnNetwork, onNetwork);
    EXPECT_GT(onNetwork, 100u);
    EXPECT_LT(onNetwork, 500u);

    std::uint64_t totalCounted = 0, totalRing = 0;
    std::vector<double> nearestDistance(points.size(), kInf);
    std::vector<std::size_t> nearestFacility(points.size(), 0);
    for (std::size_t f = 0; f < facilities.size(); ++f) {
        SCOPED_TRACE(f);
        EXPECT_EQ(got.onNetwork[f], !sources[f].empty());
        if (sources[f].empty()) {
            EXPECT_EQ(got.counts.inRadiusAll[f], 0u);
            continue;
        }
        const auto d = graph.distances(sources[f]);
        std::vector<std::uint64_t> perGroup(3, 0);
        std::uint64_t within = 0, ring = 0;
        for (std::size_t i = 0; i < points.size(); ++i) {
            if (vertexOfPoint[i] == SIZE_MAX) continue;
            const double di = d[vertexOfPoint[i]];
            if (di <= 200) {
                ++within;
                ++perGroup[group[i]];
                if (di < nearestDistance[i]) {
                    nearestDistance[i] = di;
                    nearestFacility[i] = f;
                }
            } else if (di <= 1000) {
                ++ring;
            }
        }
        // Road length within r: along each edge the parts reachable from either end.
        const auto lengthWithin = [&](double r) {
            double sum = 0;
            for (const auto& [u, v, length] : graph.edges)
                sum += std::min(length,
                                std::max(0.0, std::min(length, r - d[u])) + std::max(0.0, std::min(length, r - d[v])));
            return sum;
        };
        EXPECT_EQ(got.counts.inRadiusAll[f], within);
        EXPECT_EQ(got.counts.inRing[f], ring);
        for (std::size_t g = 0; g < 3; ++g) EXPECT_EQ(got.counts.inRadius[f * 3 + g], perGroup[g]);
        EXPECT_NEAR(got.discLength[f], lengthWithin(200), 1e-6);
        EXPECT_NEAR(got.reachLength[f], lengthWithin(1000), 1e-6);
        totalCounted += within;
        totalRing += ring;
    }
    EXPECT_FALSE(got.onNetwork.back()) << "5 km from every road";
    // Numbers that would change if the distances did (seeded data on the real network).
    EXPECT_GT(totalCounted, 50u) << totalCounted << " " << totalRing << " " << onNetwork;
    EXPECT_GT(totalRing, totalCounted);
    std::uint64_t nearAny = 0;
    for (double d : nearestDistance) nearAny += d < kInf;
    EXPECT_EQ(got.counts.nearAny, nearAny);

    // Nearest only: each registration once, at its nearest facility along the roads.
    o.count.nearestOnly = true;
    const auto nearest = countAlongNetwork(net, facilities, points, group, 3, o);
    std::vector<std::uint64_t> expected(facilities.size() * 3, 0);
    for (std::size_t i = 0; i < points.size(); ++i)
        if (nearestDistance[i] < kInf) ++expected[nearestFacility[i] * 3 + group[i]];
    EXPECT_EQ(nearest.counts.inRadius, expected);
    EXPECT_EQ(nearest.counts.inRadiusAll, got.counts.inRadiusAll);
    EXPECT_EQ(std::accumulate(nearest.counts.inRadius.begin(), nearest.counts.inRadius.end(), std::uint64_t{0}),
              nearAny);

    // One thread gives the same.
    o.count.threads = 1;
    const auto single = countAlongNetwork(net, facilities, points, group, 3, o);
    EXPECT_EQ(single.counts.inRadius, nearest.counts.inRadius);
    EXPECT_EQ(single.counts.inRing, nearest.counts.inRing);
}

TEST(NetworkFacilityCounts, AlongTheRoadIsFartherThanTheStraightLine)
{
    // Two parallel roads 100 m apart joined only at one end 1 km away: a registration across the
    // gap is 100 m away in a straight line but 2,100 m along the roads.
    std::vector<RoadSegment> segments;
    segments.push_back(road("a", {{0, 0}, {1000, 0}}));
    segments.push_back(road("b", {{0, 100}, {1000, 100}}));
    segments.push_back(road("c", {{1000, 0}, {1000, 100}}));
    const RoadNetwork net(segments);
    const std::vector<FacilityShape> facilities{pointFacility({0, -5})};
    const std::vector<PointRd> points{{0, 105}, {150, 3}, {900, 100}};
    const std::vector<std::uint32_t> group(points.size(), 0);
    NetworkFacilityCountOptions o;
    o.count.radius = 200;
    o.count.ringFactor = 11; // reach 2,200 m
    const auto c = countAlongNetwork(net, facilities, points, group, 1, o);
    EXPECT_EQ(c.counts.inRadiusAll[0], 1u) << "only the one on the same road";
    EXPECT_EQ(c.counts.inRing[0], 2u) << "(0,105) at 2,100 m and (900,100) at 1,200 m";
    EXPECT_DOUBLE_EQ(c.discLength[0], 200.0);
    EXPECT_DOUBLE_EQ(c.reachLength[0], 2100.0) << "the whole network: 1,000 + 100 + 1,000 m";
}
