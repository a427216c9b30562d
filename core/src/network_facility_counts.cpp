// Registrations around facilities along the road network: registrations snapped and sorted per
// segment, one bounded multi-source Dijkstra per facility, exact distances per candidate.
#include "gebiedscan/core/network_facility_counts.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <queue>
#include <thread>

namespace gebiedscan {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct Interval {
    double lo, hi;
};

// Sorts and merges overlapping intervals in place; returns the merged ones.
std::vector<Interval>& merge(std::vector<Interval>& v)
{
    std::sort(v.begin(), v.end(), [](const Interval& a, const Interval& b) { return a.lo < b.lo; });
    std::size_t k = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (k > 0 && v[i].lo <= v[k - 1].hi)
            v[k - 1].hi = std::max(v[k - 1].hi, v[i].hi);
        else
            v[k++] = v[i];
    }
    v.resize(k);
    return v;
}

// The registrations of each segment, sorted by their position along it (CSR).
struct SegmentRegistrations {
    std::vector<std::uint32_t> start;  // [segment] .. [segment + 1]
    std::vector<double> offset;        // position along the segment
    std::vector<std::uint32_t> record; // index into the points
};

// Per thread: shortest-path distances with a list of what to reset, and the segments touched.
struct Workspace {
    std::vector<double> node;
    std::vector<std::int32_t> touchedNodes;
    std::vector<std::uint32_t> segmentStamp;
    std::vector<std::int32_t> touchedSegments;
    std::uint32_t stamp = 0;
    std::vector<std::pair<std::int32_t, double>> sources; // (segment, offset), sorted by segment
    std::vector<Interval> within, reach;
};

} // namespace

NetworkFacilityCounts countAlongNetwork(const RoadNetwork& network, const std::vector<FacilityShape>& facilities,
                                        std::span<const PointRd> points, std::span<const std::uint32_t> group,
                                        std::size_t groups, const NetworkFacilityCountOptions& options)
{
    const FacilityCountOptions& o = options.count;
    if (!(o.radius > 0) || !std::isfinite(o.radius)) throw InputError("facilities: the radius must be > 0 metres");
    if (!(o.ringFactor > 1)) throw InputError("facilities: the ring factor must be > 1");
    if (!(options.snapTolerance >= 0)) throw InputError("facilities: the snap tolerance must be >= 0 metres");
    if (group.size() != points.size()) throw InputError("facilities: one group per point is needed");
    const std::size_t n = facilities.size();
    NetworkFacilityCounts out;
    FacilityCounts& c = out.counts;
    c.facilities = n;
    c.groups = groups;
    c.inRadius.assign(n * groups, 0);
    c.inRadiusAll.assign(n, 0);
    c.inRing.assign(n, 0);
    out.discLength.assign(n, 0.0);
    out.reachLength.assign(n, 0.0);
    out.onNetwork.assign(n, false);
    const std::size_t segmentCount = network.segments().size();
    if (n == 0 || segmentCount == 0) return out;

    unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
    // Each thread keeps a nearest-facility entry per registration (12 bytes): at most 8 threads.
    threads = std::clamp(threads, 1u, 8u);
    const auto parallel = [threads](auto&& work) {
        if (threads == 1) return work(0u);
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work, t);
        for (auto& th : pool) th.join();
    };

    // 1. Snap the registrations and sort them per segment.
    std::vector<std::int32_t> segmentOf(points.size(), RoadNetwork::kNone);
    std::vector<double> offsetOf(points.size(), 0.0);
    parallel([&](unsigned t) {
        const std::size_t begin = points.size() * t / threads, end = points.size() * (t + 1) / threads;
        for (std::size_t i = begin; i < end; ++i)
            if (const auto pos = network.nearest(points[i], options.snapTolerance)) {
                segmentOf[i] = pos->segment;
                offsetOf[i] = pos->offset;
            }
    });
    SegmentRegistrations regs;
    regs.start.assign(segmentCount + 1, 0);
    for (auto s : segmentOf)
        if (s != RoadNetwork::kNone) ++regs.start[static_cast<std::size_t>(s) + 1];
    for (std::size_t s = 1; s < regs.start.size(); ++s) regs.start[s] += regs.start[s - 1];
    out.registrationsOnNetwork = regs.start.back();
    regs.offset.resize(regs.start.back());
    regs.record.resize(regs.start.back());
    {
        std::vector<std::uint32_t> fill(regs.start.begin(), regs.start.end() - 1);
        for (std::size_t i = 0; i < points.size(); ++i)
            if (segmentOf[i] != RoadNetwork::kNone) regs.record[fill[segmentOf[i]]++] = static_cast<std::uint32_t>(i);
    }
    for (std::size_t s = 0; s < segmentCount; ++s) {
        const auto b = regs.record.begin() + regs.start[s], e = regs.record.begin() + regs.start[s + 1];
        std::sort(b, e, [&](std::uint32_t x, std::uint32_t y) {
            return offsetOf[x] < offsetOf[y] || (offsetOf[x] == offsetOf[y] && x < y);
        });
        for (auto k = regs.start[s]; k < regs.start[s + 1]; ++k) regs.offset[k] = offsetOf[regs.record[k]];
    }
    std::vector<std::int32_t>().swap(segmentOf); // freed: `= {}` would keep the capacity
    std::vector<double>().swap(offsetOf);

    // 2. Per facility: a multi-source Dijkstra from its snapped vertices up to the reach, then per
    // touched segment the set within the radius / reach as intervals along it.
    const double radius = o.radius, reach = o.radius * o.ringFactor;
    // nearest[i]: per thread the nearest facility within the radius (distance, index) of each
    // registration; without nearestOnly only whether there is one.
    std::vector<std::vector<double>> bestDistance(threads);
    std::vector<std::vector<std::uint32_t>> bestFacility(threads);
    std::vector<std::uint8_t> snapped(n, 0); // not vector<bool>: threads write neighbouring facilities
    parallel([&](unsigned t) {
        Workspace w;
        w.node.assign(network.nodeCount(), kInfinity);
        w.segmentStamp.assign(segmentCount, 0);
        auto& bestD = bestDistance[t];
        auto& bestF = bestFacility[t];
        bestD.assign(points.size(), kInfinity);
        if (o.nearestOnly) bestF.assign(points.size(), 0);
        using Entry = std::pair<double, std::int32_t>;
        std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
        for (std::size_t f = t; f < n; f += threads) {
            const FacilityShape& shape = facilities[f];
            w.sources.clear();
            const auto snap = [&](const PointRd& p) {
                if (const auto pos = network.nearest(p, options.snapTolerance))
                    w.sources.emplace_back(pos->segment, pos->offset);
            };
            for (const auto& p : shape.points) snap(p);
            for (const auto& line : shape.lines)
                for (const auto& p : line) snap(p);
            for (const auto& poly : shape.polygons)
                for (const auto& ring : poly.rings)
                    for (const auto& p : ring) snap(p);
            if (w.sources.empty()) continue;
            snapped[f] = 1;
            std::sort(w.sources.begin(), w.sources.end());
            w.sources.erase(std::unique(w.sources.begin(), w.sources.end()), w.sources.end());

            ++w.stamp;
            w.touchedSegments.clear();
            const auto touch = [&](std::int32_t s) {
                if (w.segmentStamp[s] != w.stamp) {
                    w.segmentStamp[s] = w.stamp;
                    w.touchedSegments.push_back(s);
                }
            };
            const auto relax = [&](std::int32_t node, double d) {
                if (d > reach || !(d < w.node[node])) return;
                if (w.node[node] == kInfinity) w.touchedNodes.push_back(node);
                w.node[node] = d;
                queue.emplace(d, node);
            };
            for (const auto& [s, offset] : w.sources) {
                touch(s);
                relax(network.segmentFrom(s), offset);
                relax(network.segmentTo(s), network.segmentLength(s) - offset);
            }
            while (!queue.empty()) {
                const auto [d, node] = queue.top();
                queue.pop();
                if (d > w.node[node]) continue;
                for (const std::int32_t s : network.incidentSegments(node)) {
                    touch(s);
                    const std::int32_t other =
                        network.segmentFrom(s) == node ? network.segmentTo(s) : network.segmentFrom(s);
                    relax(other, d + network.segmentLength(s));
                }
            }

            std::uint64_t* row = &c.inRadius[f * groups];
            for (const std::int32_t s : w.touchedSegments) {
                const double length = network.segmentLength(s);
                const double a = w.node[network.segmentFrom(s)], b = w.node[network.segmentTo(s)];
                const auto own = std::equal_range(w.sources.begin(), w.sources.end(), std::pair{s, 0.0},
                                                  [](const auto& x, const auto& y) { return x.first < y.first; });
                // Distance at position t: through either end, or directly from a start on s.
                const auto distanceAt = [&](double pos) {
                    double d = std::min(a + pos, b + length - pos);
                    for (auto it = own.first; it != own.second; ++it) d = std::min(d, std::abs(pos - it->second));
                    return d;
                };
                const auto intervals = [&](double limit, std::vector<Interval>& v) -> std::vector<Interval>& {
                    v.clear();
                    if (a <= limit) v.push_back({0.0, std::min(length, limit - a)});
                    if (b <= limit) v.push_back({std::max(0.0, length - (limit - b)), length});
                    for (auto it = own.first; it != own.second; ++it)
                        v.push_back({std::max(0.0, it->second - limit), std::min(length, it->second + limit)});
                    return merge(v);
                };
                const auto first = regs.offset.begin() + regs.start[s], last = regs.offset.begin() + regs.start[s + 1];
                // The ring by counting along the sorted positions (what is within the radius is
                // subtracted below); within the radius the exact distance decides.
                for (const auto& iv : intervals(reach, w.reach)) {
                    out.reachLength[f] += iv.hi - iv.lo;
                    if (first == last) continue;
                    c.inRing[f] += static_cast<std::uint64_t>(std::upper_bound(first, last, iv.hi) -
                                                              std::lower_bound(first, last, iv.lo));
                }
                for (const auto& iv : intervals(radius, w.within)) {
                    out.discLength[f] += iv.hi - iv.lo;
                    if (first == last) continue;
                    // A margin for rounding in the interval ends; the exact distance decides.
                    auto k = std::lower_bound(first, last, iv.lo - 1e-9);
                    const auto stop = std::upper_bound(k, last, iv.hi + 1e-9);
                    for (; k != stop; ++k) {
                        const std::uint32_t i = regs.record[static_cast<std::size_t>(k - regs.offset.begin())];
                        const double d = distanceAt(*k);
                        if (d > radius) continue;
                        ++c.inRadiusAll[f];
                        if (!o.nearestOnly) {
                            ++row[group[i]];
                            bestD[i] = std::min(bestD[i], d);
                        } else if (d < bestD[i] || (d == bestD[i] && f < bestF[i])) {
                            bestD[i] = d;
                            bestF[i] = static_cast<std::uint32_t>(f);
                        }
                    }
                }
            }
            c.inRing[f] = c.inRing[f] >= c.inRadiusAll[f] ? c.inRing[f] - c.inRadiusAll[f] : 0;
            for (auto node : w.touchedNodes) w.node[node] = kInfinity;
            w.touchedNodes.clear();
        }
    });
    for (std::size_t f = 0; f < n; ++f) out.onNetwork[f] = snapped[f] != 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        double best = kInfinity;
        std::uint32_t facility = 0;
        for (unsigned t = 0; t < threads; ++t) {
            const double d = bestDistance[t][i];
            if (d < best || (o.nearestOnly && d == best && d < kInfinity && bestFacility[t][i] < facility)) {
                best = d;
                if (o.nearestOnly) facility = bestFacility[t][i];
            }
        }
        if (best == kInfinity) continue;
        ++c.nearAny;
        if (o.nearestOnly) ++c.inRadius[facility * groups + group[i]];
    }
    return out;
}

} // namespace gebiedscan
