// Network KDE methods (simple, discontinuous, continuous) on hand networks whose densities follow
// from the definitions by hand, and the exact mass per event.
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/network_kde.hpp"
#include "gebiedscan/core/road_network.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace gebiedscan;

namespace {

RoadSegment road(std::string id, std::vector<PointRd> line)
{
    RoadSegment s;
    s.id = std::move(id);
    s.line = std::move(line);
    s.roadClass = "G";
    return s;
}

/// Quartic kernel per km, h = 100 m.
double k100(double d)
{
    if (d >= 100) return 0;
    const double u = d / 100;
    return 1000 * 15.0 / 1600.0 * (1 - u * u) * (1 - u * u);
}

/// Three arms of 200 m from a junction at the origin: a ends at it, b and c start there.
RoadNetwork star()
{
    return RoadNetwork({road("a", {{-200, 0}, {0, 0}}), road("b", {{0, 0}, {200, 0}}), road("c", {{0, 0}, {0, 200}})});
}

/// Streets of a 6 x 6 block grid, 100 m blocks, one segment per block side.
RoadNetwork grid()
{
    std::vector<RoadSegment> segs;
    for (int i = 0; i <= 6; ++i)
        for (int j = 0; j < 6; ++j) {
            segs.push_back(road("h" + std::to_string(i) + "_" + std::to_string(j),
                                {{100.0 * j, 100.0 * i}, {100.0 * (j + 1), 100.0 * i}}));
            segs.push_back(road("v" + std::to_string(i) + "_" + std::to_string(j),
                                {{100.0 * i, 100.0 * j}, {100.0 * i, 100.0 * (j + 1)}}));
        }
    return RoadNetwork(segs);
}

double lixelAt(const std::vector<Lixel>& lixels, std::int32_t segment, double from)
{
    for (const auto& l : lixels)
        if (l.segment == segment && l.from == from) return l.density;
    ADD_FAILURE() << "no lixel " << segment << " @ " << from;
    return NAN;
}

} // namespace

TEST(NetworkKdeMethods, NamesRoundTrip)
{
    for (auto m : {NetworkKdeMethod::Simple, NetworkKdeMethod::Discontinuous, NetworkKdeMethod::Continuous})
        EXPECT_EQ(parseNetworkKdeMethod(networkKdeMethodName(m)), m);
    EXPECT_FALSE(parseNetworkKdeMethod("Continuous"));
    EXPECT_EQ(kDefaultNetworkKdeMethod, NetworkKdeMethod::Continuous);
}

TEST(NetworkKdeMethods, StarJunctionSplitsTheKernelByTheDefinitions)
{
    // Event on arm a, 50 m before the degree-3 junction; h = 100 m, lixels of 1 m.
    const auto net = star();
    const std::vector<NetworkEvent> ev{{0, 150.0, 1.0}};
    const auto simple = networkKernelDensity(net, ev, 1.0, 100.0, NetworkKdeMethod::Simple);
    const auto disc = networkKernelDensity(net, ev, 1.0, 100.0, NetworkKdeMethod::Discontinuous);
    const auto cont = networkKernelDensity(net, ev, 1.0, 100.0, NetworkKdeMethod::Continuous);
    // Arm b, 19.5 m past the junction: 69.5 m from the event.
    EXPECT_NEAR(lixelAt(simple, 1, 19), k100(69.5), 1e-9);
    EXPECT_NEAR(lixelAt(disc, 1, 19), k100(69.5) / 2, 1e-9);       // split over n-1 = 2 branches
    EXPECT_NEAR(lixelAt(cont, 1, 19), 2.0 / 3 * k100(69.5), 1e-9); // 2/n
    EXPECT_NEAR(lixelAt(cont, 2, 19), 2.0 / 3 * k100(69.5), 1e-9);
    // Arm a between event and junction (20.5 m from the event, 29.5 m from the junction): the
    // continuous method adds the reflected (2-n)/n = -1/3 wave that went 50 + 29.5 m.
    EXPECT_NEAR(lixelAt(simple, 0, 170), k100(20.5), 1e-9);
    EXPECT_NEAR(lixelAt(disc, 0, 170), k100(20.5), 1e-9);
    EXPECT_NEAR(lixelAt(cont, 0, 170), k100(20.5) - k100(79.5) / 3, 1e-9);
    // Behind the event nothing changes.
    EXPECT_NEAR(lixelAt(cont, 0, 100), k100(49.5), 1e-9);
    // Continuous at the junction: the lixels 0.5 m either side differ by about the slope (0.14 per
    // km per m), the discontinuous ones jump by half.
    EXPECT_NEAR(lixelAt(cont, 0, 199), lixelAt(cont, 1, 0), 0.2);
    EXPECT_GT(std::abs(lixelAt(disc, 0, 199) - lixelAt(disc, 1, 0)), 0.4 * lixelAt(disc, 1, 0));

    EXPECT_NEAR(networkKernelMass(net, ev[0], 100.0, NetworkKdeMethod::Discontinuous), 1.0, 1e-12);
    EXPECT_NEAR(networkKernelMass(net, ev[0], 100.0, NetworkKdeMethod::Continuous), 1.0, 1e-12);
    // Simple: the tail of the kernel beyond 50 m, 1/2 - F(50), goes whole into both arms b and c,
    // so the mass is 1 + tail.
    const double tail = 0.5 - 15.0 / 16.0 * (0.5 - 2.0 / 3 * 0.125 + 0.03125 / 5);
    EXPECT_NEAR(networkKernelMass(net, ev[0], 100.0, NetworkKdeMethod::Simple), 1.0 + tail, 1e-12);
}

TEST(NetworkKdeMethods, DeadEndsReflectTheKernel)
{
    // One 100 m road, event at 20 m, h = 100 m: the corrected methods reflect at both dead ends.
    RoadNetwork net({road("a", {{0, 0}, {100, 0}})});
    const std::vector<NetworkEvent> ev{{0, 20.0, 2.0}};
    for (auto m : {NetworkKdeMethod::Discontinuous, NetworkKdeMethod::Continuous}) {
        const auto l = networkKernelDensity(net, ev, 1.0, 100.0, m);
        EXPECT_NEAR(l[10].density, 2 * (k100(9.5) + k100(30.5)), 1e-9);  // direct + via the end at 0 m
        EXPECT_NEAR(l[90].density, 2 * (k100(70.5) + k100(89.5)), 1e-9); // direct + via the end at 100 m
        EXPECT_NEAR(networkKernelMass(net, ev[0], 100.0, m), 2.0, 1e-12);
        double integral = 0;
        for (const auto& x : l) integral += x.density / 1000 * (x.to - x.from);
        EXPECT_NEAR(integral, 2.0, 1e-4);
    }
    EXPECT_NEAR(networkKernelDensity(net, ev, 1.0, 100.0, NetworkKdeMethod::Simple)[10].density, 2 * k100(9.5), 1e-9);
}

TEST(NetworkKdeMethods, DenseGridKeepsOneMassPerEventOnlyWithTheCorrectedMethods)
{
    const auto net = grid();
    for (double h : {150.0, 300.0, 450.0}) {
        for (const NetworkEvent e :
             {NetworkEvent{0, 37.0, 1.0}, NetworkEvent{41, 50.0, 1.0}, NetworkEvent{40, 0.0, 1.0}}) {
            EXPECT_NEAR(networkKernelMass(net, e, h, NetworkKdeMethod::Discontinuous), 1.0, 1e-12) << h;
            EXPECT_NEAR(networkKernelMass(net, e, h, NetworkKdeMethod::Continuous), 1.0, 1e-12) << h;
            EXPECT_GT(networkKernelMass(net, e, h, NetworkKdeMethod::Simple), 1.1) << h;
        }
    }
    // The lixels integrate to the same mass (midpoint rule on 1 m lixels).
    const NetworkEvent e{41, 50.0, 1.0};
    for (auto m : {NetworkKdeMethod::Simple, NetworkKdeMethod::Discontinuous, NetworkKdeMethod::Continuous}) {
        double integral = 0;
        for (const auto& x : networkKernelDensity(net, {e}, 1.0, 300.0, m))
            integral += x.density / 1000 * (x.to - x.from);
        EXPECT_NEAR(integral, networkKernelMass(net, e, 300.0, m), 1e-4) << networkKdeMethodName(m);
    }
}

TEST(NetworkKdeMethods, LoopsAndShortSegmentsConserveMass)
{
    // A 200 m ring (one segment from and to the same node) on a spur, a 3 m stub and a 0.5 m piece.
    RoadNetwork net({road("spur", {{-100, 0}, {0, 0}}), road("ring", {{0, 0}, {50, 0}, {50, 50}, {0, 50}, {0, 0}}),
                     road("stub", {{-100, 0}, {-103, 0}}), road("bit", {{-103, 0}, {-103.5, 0}}),
                     road("tail", {{-103, 0}, {-103, 80}})});
    for (auto m : {NetworkKdeMethod::Discontinuous, NetworkKdeMethod::Continuous})
        for (double h : {50.0, 300.0})
            for (const NetworkEvent e :
                 {NetworkEvent{0, 60.0, 1.0}, NetworkEvent{1, 120.0, 1.0}, NetworkEvent{2, 1.0, 1.0}})
                EXPECT_NEAR(networkKernelMass(net, e, h, m), 1.0, 1e-9) << networkKdeMethodName(m) << " h " << h;
}

TEST(NetworkKdeMethods, RejectsBadParameters)
{
    const auto net = star();
    EXPECT_THROW((void)networkKernelMass(net, {0, 1.0, 1.0}, 0.0), InputError);
    EXPECT_THROW((void)networkKernelMass(net, {7, 1.0, 1.0}, 100.0), InputError);
    EXPECT_THROW((void)networkKernelDensity(net, {}, 0.0, 100.0), InputError);
}
