#include "gebiedscan/core/network_kde.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <queue>
#include <unordered_map>

namespace gebiedscan {

std::vector<Lixel> networkKernelDensity(const RoadNetwork& network, const std::vector<NetworkEvent>& events,
                                        double lixelLength, double bandwidth)
{
    if (!(lixelLength > 0) || !(bandwidth > 0)) throw InputError("lixellengte en bandbreedte moeten > 0 m zijn");
    const auto segCount = static_cast<std::int32_t>(network.segments().size());
    // Lixels per segment: CSR start index.
    std::vector<std::size_t> first(static_cast<std::size_t>(segCount) + 1, 0);
    std::vector<Lixel> lixels;
    for (std::int32_t s = 0; s < segCount; ++s) {
        first[s] = lixels.size();
        const double len = network.segmentLength(s);
        const auto n = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(len / lixelLength - 1e-9)));
        for (std::int64_t k = 0; k < n; ++k)
            lixels.push_back({s, static_cast<double>(k) * lixelLength,
                              std::min(len, static_cast<double>(k + 1) * lixelLength), 0.0});
    }
    first[segCount] = lixels.size();

    const double h = bandwidth;
    auto kernel = [h](double d) {
        if (d >= h) return 0.0;
        const double u = d / h;
        return 15.0 / (16.0 * h) * (1 - u * u) * (1 - u * u);
    };
    // Per event: Dijkstra over nodes, bounded by the bandwidth.
    std::unordered_map<std::int32_t, double> dist;
    using Item = std::pair<double, std::int32_t>;
    for (const auto& e : events) {
        if (e.segment < 0 || e.segment >= segCount) continue;
        dist.clear();
        std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
        const double len = network.segmentLength(e.segment);
        auto relax = [&](std::int32_t node, double d) {
            if (d >= h) return;
            auto [it, inserted] = dist.try_emplace(node, d);
            if (!inserted) {
                if (it->second <= d) return;
                it->second = d;
            }
            queue.emplace(d, node);
        };
        relax(network.segmentFrom(e.segment), e.offset);
        relax(network.segmentTo(e.segment), len - e.offset);
        while (!queue.empty()) {
            const auto [d, node] = queue.top();
            queue.pop();
            if (dist[node] < d) continue;
            for (auto s : network.nodeSegments(node)) {
                const double l = network.segmentLength(s);
                const auto other = network.segmentFrom(s) == node ? network.segmentTo(s) : network.segmentFrom(s);
                relax(other, d + l);
            }
        }
        auto nodeDist = [&](std::int32_t node) {
            auto it = dist.find(node);
            return it == dist.end() ? h : it->second;
        };
        // Segments within reach: the event's own and those at reached nodes.
        auto spread = [&](std::int32_t s) {
            const double l = network.segmentLength(s);
            const double dFrom = nodeDist(network.segmentFrom(s)), dTo = nodeDist(network.segmentTo(s));
            for (auto i = first[s]; i < first[s + 1]; ++i) {
                auto& lx = lixels[i];
                const double c = (lx.from + lx.to) / 2;
                double d = std::min(dFrom + c, dTo + (l - c));
                if (s == e.segment) d = std::min(d, std::abs(c - e.offset));
                lx.density += e.weight * kernel(d);
            }
        };
        spread(e.segment);
        std::vector<std::int32_t> touched;
        for (const auto& [node, d] : dist)
            for (auto s : network.nodeSegments(node))
                if (s != e.segment) touched.push_back(s);
        std::sort(touched.begin(), touched.end());
        touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
        for (auto s : touched) spread(s);
    }
    for (auto& lx : lixels) lx.density *= 1000.0; // per metre -> per km
    return lixels;
}

} // namespace gebiedscan
