// Hot-facilities benchmark (issue 16): 10,000 point facilities x 1,000,000 registrations,
// radius 200 m (ring to 1,000 m for the test). A plain timing program: it prints its figures.
//
//   cmake --preset release -DGEBIEDSCAN_BUILD_BENCH=ON && cmake --build build/release --target facility_bench
//   build/release/bench/facility_bench [facilities] [registrations] [threads]
//
// Target on the 2-core reference machine: under 2 s for the count. The layout imitates a city
// region of 25 x 25 km: facilities (schools, horeca) 70 % in 40 centres (sd 800 m), 30 % spread;
// registrations 60 % in the same centres, 40 % spread. The network variant (--by-network) runs on
// a street grid of 100 m blocks over the same 25 x 25 km (63,001 nodes, 125,500 segments).
#include "gebiedscan/core/facility_counts.hpp"
#include "gebiedscan/core/network_facility_counts.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>

using namespace gebiedscan;

int main(int argc, char** argv)
{
    const std::size_t nf = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10000;
    const std::size_t np = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1000000;
    const unsigned threads = argc > 3 ? static_cast<unsigned>(std::strtoul(argv[3], nullptr, 10)) : 0;
    std::mt19937_64 rng(16);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::normal_distribution<double> g(0.0, 800.0);
    std::vector<PointRd> centres;
    for (int c = 0; c < 40; ++c) centres.push_back({120000 + u(rng) * 25000, 480000 + u(rng) * 25000});
    const auto place = [&](double clustered) {
        if (u(rng) < clustered) {
            const PointRd& c = centres[static_cast<std::size_t>(u(rng) * 40)];
            return PointRd{c.x + g(rng), c.y + g(rng)};
        }
        return PointRd{120000 + u(rng) * 25000, 480000 + u(rng) * 25000};
    };
    std::vector<FacilityShape> facilities(nf);
    for (auto& f : facilities) f.points.push_back(place(0.7));
    std::vector<PointRd> points(np);
    std::vector<std::uint32_t> group(np);
    for (std::size_t i = 0; i < np; ++i) {
        points[i] = place(0.6);
        group[i] = static_cast<std::uint32_t>(i % 12);
    }
    FacilityCountOptions o;
    o.radius = 200;
    o.threads = threads;
    for (bool nearest : {false, true}) {
        o.nearestOnly = nearest;
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        const FacilityCounts c = countAroundFacilities(facilities, points, group, 12, o);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC; // all threads
        std::uint64_t sum = 0, ring = 0;
        for (auto v : c.inRadius) sum += v;
        for (auto v : c.inRing) ring += v;
        std::printf(
            "%zu facilities x %zu registrations, radius 200 m%s: %.3f s wall, %.3f s CPU (counts %llu, near any %llu, "
            "ring %llu)\n",
            nf, np, nearest ? ", nearest only" : "", s, cpu, static_cast<unsigned long long>(sum),
            static_cast<unsigned long long>(c.nearAny), static_cast<unsigned long long>(ring));
    }

    // Along the network: a street grid of 100 m blocks; registrations and facilities snap to it.
    std::vector<RoadSegment> roads;
    constexpr int kBlocks = 250;
    const auto id = [](int x, int y) { return std::to_string(x) + "_" + std::to_string(y); };
    for (int x = 0; x <= kBlocks; ++x)
        for (int y = 0; y <= kBlocks; ++y) {
            const PointRd p{120000.0 + 100.0 * x, 480000.0 + 100.0 * y};
            RoadSegment s;
            s.beginJunction = id(x, y);
            if (x < kBlocks) {
                s.id = "h" + id(x, y);
                s.line = {p, {p.x + 100, p.y}};
                s.endJunction = id(x + 1, y);
                roads.push_back(s);
            }
            if (y < kBlocks) {
                s.id = "v" + id(x, y);
                s.line = {p, {p.x, p.y + 100}};
                s.endJunction = id(x, y + 1);
                roads.push_back(s);
            }
        }
    const auto b0 = std::chrono::steady_clock::now();
    const RoadNetwork network(std::move(roads));
    std::printf("street grid: %zu segments, %zu nodes, built in %.3f s\n", network.segments().size(),
                network.nodeCount(), std::chrono::duration<double>(std::chrono::steady_clock::now() - b0).count());
    NetworkFacilityCountOptions no;
    no.count = o;
    no.snapTolerance = 50;
    for (bool nearest : {false, true}) {
        no.count.nearestOnly = nearest;
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        const NetworkFacilityCounts c = countAlongNetwork(network, facilities, points, group, 12, no);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
        std::uint64_t sum = 0, ring = 0;
        for (auto v : c.counts.inRadius) sum += v;
        for (auto v : c.counts.inRing) ring += v;
        std::printf("%zu facilities x %zu registrations, radius 200 m along the network%s: %.3f s wall, %.3f s CPU "
                    "(counts %llu, near any %llu, ring %llu, on the network %llu)\n",
                    nf, np, nearest ? ", nearest only" : "", s, cpu, static_cast<unsigned long long>(sum),
                    static_cast<unsigned long long>(c.counts.nearAny), static_cast<unsigned long long>(ring),
                    static_cast<unsigned long long>(c.registrationsOnNetwork));
    }
    return 0;
}
