// The network KDE methods on the real NWB Wageningen network (data/open): the densities against an
// independent brute-force walk enumeration in Python (data/fixtures/network_kde/nkde_reference.py
// wrote reference.csv), and one kernel mass per event with the corrected methods.
#include "gebiedscan/core/network_kde.hpp"
#include "gebiedscan/core/road_network.hpp"
#include "gebiedscan/gis/road_network_reader.hpp"
#include "gebiedscan_build_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>

using namespace gebiedscan;

namespace {

const std::filesystem::path kSource = std::filesystem::path(GEBIEDSCAN_SOURCE_DIR);

RoadNetwork wageningen()
{
    gis::SourceSpec s;
    s.path = (kSource / "data" / "open" / "nwb-wageningen-wegvakken.gml").string();
    return RoadNetwork(gis::readRoadLayer(s, {}, "EPSG:28992").segments);
}

} // namespace

TEST(NetworkKdeReference, WageningenDensitiesEqualTheBruteForceWalks)
{
    const auto net = wageningen();
    ASSERT_EQ(net.segments().size(), 232u);
    std::ifstream in(kSource / "data" / "fixtures" / "network_kde" / "reference.csv");
    ASSERT_TRUE(in) << "reference.csv missing";
    // (method, h, event segment, offset) -> (segment, lixel) -> density
    using Key = std::tuple<std::string, double, std::string, double>;
    std::map<Key, std::map<std::pair<std::int32_t, int>, double>> expected;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        std::stringstream row(line);
        std::string method, h, event, offset, seg, lixel, density;
        std::getline(row, method, ',');
        std::getline(row, h, ',');
        std::getline(row, event, ',');
        std::getline(row, offset, ',');
        std::getline(row, seg, ',');
        std::getline(row, lixel, ',');
        std::getline(row, density, ',');
        expected[{method, std::stod(h), event, std::stod(offset)}][{net.findSegment(seg), std::stoi(lixel)}] =
            std::stod(density);
    }
    ASSERT_EQ(expected.size(), 3u * 2u * 8u);
    std::size_t compared = 0;
    for (const auto& [key, cells] : expected) {
        const auto& [methodName, h, eventId, offset] = key;
        const auto method = parseNetworkKdeMethod(methodName);
        ASSERT_TRUE(method);
        const std::int32_t seg = net.findSegment(eventId);
        const auto lixels = networkKernelDensity(net, {NetworkEvent{seg, offset, 1.0}}, 10.0, h, *method);
        // Index of each segment's first lixel.
        std::map<std::int32_t, std::size_t> first;
        for (std::size_t i = lixels.size(); i-- > 0;) first[lixels[i].segment] = i;
        std::size_t nonzero = 0;
        for (const auto& l : lixels) nonzero += l.density != 0.0;
        EXPECT_EQ(nonzero, cells.size()) << methodName << " h " << h << " event " << eventId;
        for (const auto& [where, density] : cells) {
            const auto& l = lixels[first.at(where.first) + static_cast<std::size_t>(where.second)];
            ASSERT_EQ(l.segment, where.first);
            EXPECT_NEAR(l.density, density, 1e-9 * std::max(1.0, std::abs(density)))
                << methodName << " h " << h << " event " << eventId << " segment " << where.first << " lixel "
                << where.second;
            ++compared;
        }
    }
    EXPECT_EQ(compared, 3540u);
}

TEST(NetworkKdeReference, WageningenKeepsOneKernelMassPerAccidentWithTheCorrectedMethods)
{
    // An event on every wegvak (at 37 % of its length): 118 junctions of degree >= 3 and 66 dead
    // ends; the corrected methods keep the mass to 1e-9 at 100 m and 300 m, the simple one does not.
    const auto net = wageningen();
    for (double h : {100.0, 300.0}) {
        double simpleSum = 0, simpleMax = 0;
        for (std::int32_t s = 0; s < static_cast<std::int32_t>(net.segments().size()); ++s) {
            const NetworkEvent e{s, 0.37 * net.segmentLength(s), 1.0};
            EXPECT_NEAR(networkKernelMass(net, e, h, NetworkKdeMethod::Discontinuous), 1.0, 1e-9) << s << " h " << h;
            EXPECT_NEAR(networkKernelMass(net, e, h, NetworkKdeMethod::Continuous), 1.0, 1e-9) << s << " h " << h;
            const double simple = networkKernelMass(net, e, h, NetworkKdeMethod::Simple);
            simpleSum += simple;
            simpleMax = std::max(simpleMax, simple);
        }
        std::printf("h = %.0f m: simple method %.3f kernel masses per event on average, at most %.3f\n", h,
                    simpleSum / static_cast<double>(net.segments().size()), simpleMax);
        // The simple method's over-count (these numbers are the code's own; the densities behind
        // them equal the Python reference above): up to 3.7 masses per event at 300 m.
        EXPECT_NEAR(simpleSum / static_cast<double>(net.segments().size()), h == 100.0 ? 1.382 : 2.048, 5e-4);
        EXPECT_NEAR(simpleMax, h == 100.0 ? 3.481 : 3.671, 5e-4);
    }
}
