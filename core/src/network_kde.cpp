#include "gebiedscan/core/network_kde.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <queue>
#include <sstream>
#include <unordered_map>

namespace gebiedscan {

namespace {

/// The quartic kernel K(d) = 15/(16h) (1-(d/h)^2)^2 on [0, h) and its primitive from 0.
struct Quartic {
    double h;
    [[nodiscard]] double value(double d) const
    {
        if (d >= h) return 0.0;
        const double u = d / h;
        return 15.0 / (16.0 * h) * (1 - u * u) * (1 - u * u);
    }
    /// Integral of K from 0 to d (d >= 0); 1/2 from h on.
    [[nodiscard]] double primitive(double d) const
    {
        const double s = std::min(d, h) / h;
        return 15.0 / 16.0 * (s - 2.0 * s * s * s / 3.0 + s * s * s * s * s / 5.0);
    }
};

/// Segment ends per node (CSR): slot = one end of one segment; a loop has two slots at its node.
class SegmentEnds {
public:
    explicit SegmentEnds(const RoadNetwork& network)
    {
        const auto segCount = network.segments().size();
        const auto nodeCount = network.nodeCount();
        m_start.assign(nodeCount + 1, 0);
        for (std::size_t s = 0; s < segCount; ++s) {
            ++m_start[network.segmentFrom(static_cast<std::int32_t>(s)) + 1];
            ++m_start[network.segmentTo(static_cast<std::int32_t>(s)) + 1];
        }
        for (std::size_t v = 0; v < nodeCount; ++v) m_start[v + 1] += m_start[v];
        m_slots.resize(2 * segCount);
        m_fromSlot.resize(segCount);
        m_toSlot.resize(segCount);
        std::vector<std::uint32_t> fill(m_start.begin(), m_start.end() - 1);
        for (std::size_t s = 0; s < segCount; ++s) {
            const auto seg = static_cast<std::int32_t>(s);
            const auto from = network.segmentFrom(seg), to = network.segmentTo(seg);
            m_fromSlot[s] = fill[from]++;
            m_slots[m_fromSlot[s]] = {seg, from, true};
            m_toSlot[s] = fill[to]++;
            m_slots[m_toSlot[s]] = {seg, to, false};
        }
    }
    struct Slot {
        std::int32_t segment;
        std::int32_t node;
        bool atFrom; ///< the segment's first vertex lies at this node
    };
    [[nodiscard]] const Slot& slot(std::uint32_t i) const { return m_slots[i]; }
    [[nodiscard]] std::uint32_t begin(std::int32_t node) const { return m_start[node]; }
    [[nodiscard]] std::uint32_t end(std::int32_t node) const { return m_start[node + 1]; }
    [[nodiscard]] std::uint32_t fromSlot(std::int32_t s) const { return m_fromSlot[s]; }
    [[nodiscard]] std::uint32_t toSlot(std::int32_t s) const { return m_toSlot[s]; }

private:
    std::vector<std::uint32_t> m_start;
    std::vector<Slot> m_slots;
    std::vector<std::uint32_t> m_fromSlot, m_toSlot;
};

/// The kernel running along segment `segment` from position `start` (metres from its first
/// vertex) towards its last vertex (forward) or its first; it has travelled d0 metres before, so
/// its height t metres on is mult * K(d0 + t).
struct KernelRun {
    std::int32_t segment;
    bool forward;
    double start;
    double d0;
    double mult;
};

/// Walks of the corrected methods: every walk from the event up to the bandwidth, split at nodes.
/// The kernel reaches nodes in order of distance; walks that reach the same segment end at the
/// same distance (to 1 micrometre) travel on as one with their multipliers added, so a short
/// segment between junctions (a roundabout piece, a 0.5 m stub) adds states, not a tree of walks
/// that doubles at every pass. Mass stays exact: every node passes on what reaches it.
class KernelWalker {
public:
    KernelWalker(const RoadNetwork& network, const SegmentEnds& ends, double bandwidth, NetworkKdeMethod method)
        : m_network(network), m_ends(ends), m_h(bandwidth), m_method(method)
    {}

    /// Calls visit(KernelRun) for every piece of every walk of event e.
    template <class Visit>
    void walk(const NetworkEvent& e, Visit&& visit)
    {
        // Walks merge at the same segment end within 1 micrometre; where that still leaves more
        // than kMaxRuns pieces (a bandwidth of many blocks), they merge within 1 cm,
        // then 1 m: the mass stays exact (every node passes on what reaches it), the distances
        // shift by at most that much per node passed.
        for (double tolerance : {1e-6, 1e-2, 1.0}) {
            if (collect(e, tolerance)) {
                for (const auto& r : m_runs) visit(r);
                return;
            }
        }
        std::ostringstream m;
        m << "netwerk-KDE: de bandbreedte van " << m_h << " m bereikt vanaf een ongeval meer dan " << kMaxRuns
          << " stukken weg langs alle routes; kies een kleinere --kde-bandwidth of --kde-method simple";
        throw InputError(m.str());
    }

private:
    static constexpr std::size_t kMaxRuns = 300'000;

    struct Arrival {
        double distance;
        double mult;
    };

    /// The pieces of event e's walks into m_runs; false when there are more than kMaxRuns.
    bool collect(const NetworkEvent& e, double tolerance)
    {
        const double len = m_network.segmentLength(e.segment);
        const double o = std::clamp(e.offset, 0.0, len);
        m_floor = std::abs(e.weight) * 1e-16;
        m_tolerance = tolerance;
        m_runs.clear();
        m_runs.push_back(KernelRun{e.segment, true, o, 0.0, e.weight});
        m_runs.push_back(KernelRun{e.segment, false, o, 0.0, e.weight});
        m_frontier.clear();
        if (len - o < m_h) arrive(m_ends.toSlot(e.segment), len - o, e.weight);
        if (o < m_h) arrive(m_ends.fromSlot(e.segment), o, e.weight);
        while (!m_frontier.empty()) {
            if (m_runs.size() > kMaxRuns) return false;
            const auto first = m_frontier.begin();
            const auto slot = first->first.second;
            const Arrival a = first->second;
            m_frontier.erase(first);
            const auto node = m_ends.slot(slot).node;
            const auto b = m_ends.begin(node), end = m_ends.end(node);
            const auto n = static_cast<double>(end - b);
            if (end - b == 1) { // dead end: reflected whole
                leave(slot, a.distance, a.mult);
                continue;
            }
            const double onward = m_method == NetworkKdeMethod::Discontinuous ? a.mult / (n - 1) : 2.0 * a.mult / n;
            for (auto s = b; s < end; ++s)
                if (s != slot) leave(s, a.distance, onward);
            if (m_method == NetworkKdeMethod::Continuous && end - b > 2)
                leave(slot, a.distance, a.mult * (2.0 - n) / n);
        }
        return true;
    }

    void arrive(std::uint32_t slot, double d, double mult)
    {
        const auto key = std::make_pair(static_cast<std::int64_t>(std::llround(d / m_tolerance)), slot);
        auto [it, inserted] = m_frontier.try_emplace(key, Arrival{d, mult});
        if (!inserted) it->second.mult += mult;
    }

    void leave(std::uint32_t slotIndex, double d, double mult)
    {
        if (std::abs(mult) < m_floor) return;
        const auto& s = m_ends.slot(slotIndex);
        const double len = m_network.segmentLength(s.segment);
        m_runs.push_back(KernelRun{s.segment, s.atFrom, s.atFrom ? 0.0 : len, d, mult});
        if (d + len < m_h) arrive(s.atFrom ? m_ends.toSlot(s.segment) : m_ends.fromSlot(s.segment), d + len, mult);
    }

    const RoadNetwork& m_network;
    const SegmentEnds& m_ends;
    double m_h;
    NetworkKdeMethod m_method;
    double m_floor = 0;
    double m_tolerance = 1e-6;
    std::vector<KernelRun> m_runs;
    /// Pending arrivals by (distance in units of the tolerance, segment end): the nearest first.
    std::map<std::pair<std::int64_t, std::uint32_t>, Arrival> m_frontier;
};

/// Shortest-path distances from an event to the nodes within the bandwidth (Dijkstra).
class NodeDistances {
public:
    NodeDistances(const RoadNetwork& network, double bandwidth) : m_network(network), m_h(bandwidth) {}

    void compute(const NetworkEvent& e)
    {
        m_dist.clear();
        using Item = std::pair<double, std::int32_t>;
        std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
        const double len = m_network.segmentLength(e.segment);
        auto relax = [&](std::int32_t node, double d) {
            if (d >= m_h) return;
            auto [it, inserted] = m_dist.try_emplace(node, d);
            if (!inserted) {
                if (it->second <= d) return;
                it->second = d;
            }
            queue.emplace(d, node);
        };
        relax(m_network.segmentFrom(e.segment), e.offset);
        relax(m_network.segmentTo(e.segment), len - e.offset);
        while (!queue.empty()) {
            const auto [d, node] = queue.top();
            queue.pop();
            if (m_dist[node] < d) continue;
            for (auto s : m_network.nodeSegments(node)) {
                const double l = m_network.segmentLength(s);
                const auto other = m_network.segmentFrom(s) == node ? m_network.segmentTo(s) : m_network.segmentFrom(s);
                relax(other, d + l);
            }
        }
    }
    [[nodiscard]] double at(std::int32_t node) const
    {
        auto it = m_dist.find(node);
        return it == m_dist.end() ? m_h : it->second;
    }
    /// Segments within reach: the event's own first, then those at reached nodes (each once).
    [[nodiscard]] std::vector<std::int32_t> segments(std::int32_t own) const
    {
        std::vector<std::int32_t> touched;
        for (const auto& [node, d] : m_dist)
            for (auto s : m_network.nodeSegments(node))
                if (s != own) touched.push_back(s);
        std::sort(touched.begin(), touched.end());
        touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
        touched.insert(touched.begin(), own);
        return touched;
    }

private:
    const RoadNetwork& m_network;
    double m_h;
    std::unordered_map<std::int32_t, double> m_dist;
};

/// Simple method on segment s: the distance at x metres along it is the minimum of the ways in
/// (via either end, and directly from the event on its own segment).
double simpleDistance(double x, double len, double dFrom, double dTo, double ownOffset)
{
    double d = std::min(dFrom + x, dTo + (len - x));
    if (ownOffset >= 0) d = std::min(d, std::abs(x - ownOffset));
    return d;
}

/// Exact integral of K(simpleDistance(x)) over [0, len]: the distance is piecewise linear with
/// slope +-1 between the crossings of its pieces, and K has a closed primitive.
double simpleSegmentMass(const Quartic& k, double len, double dFrom, double dTo, double ownOffset)
{
    std::vector<double> cuts{0.0, len, (dTo + len - dFrom) / 2};
    if (ownOffset >= 0) cuts.insert(cuts.end(), {ownOffset, (ownOffset - dFrom) / 2, (ownOffset + len + dTo) / 2});
    for (auto& c : cuts) c = std::clamp(c, 0.0, len);
    std::sort(cuts.begin(), cuts.end());
    double mass = 0;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        const double a = cuts[i], b = cuts[i + 1];
        if (b - a <= 0) continue;
        const double m = (a + b) / 2, dm = simpleDistance(m, len, dFrom, dTo, ownOffset);
        // Rising or falling with x on this piece?
        const bool rising = simpleDistance(std::min(b, m + (b - a) / 4), len, dFrom, dTo, ownOffset) > dm;
        const double da = rising ? dm - (m - a) : dm + (m - a), db = rising ? dm + (b - m) : dm - (b - m);
        mass += rising ? k.primitive(db) - k.primitive(da) : k.primitive(da) - k.primitive(db);
    }
    return mass;
}

std::vector<Lixel> makeLixels(const RoadNetwork& network, double lixelLength, std::vector<std::size_t>& first)
{
    const auto segCount = static_cast<std::int32_t>(network.segments().size());
    first.assign(static_cast<std::size_t>(segCount) + 1, 0);
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
    return lixels;
}

void checkParameters(double bandwidth)
{
    if (!(bandwidth > 0) || !std::isfinite(bandwidth)) throw InputError("de bandbreedte moet > 0 m zijn");
}

} // namespace

std::string_view networkKdeMethodName(NetworkKdeMethod method)
{
    switch (method) {
    case NetworkKdeMethod::Simple: return "simple";
    case NetworkKdeMethod::Discontinuous: return "discontinuous";
    case NetworkKdeMethod::Continuous: return "continuous";
    }
    return "continuous";
}

std::optional<NetworkKdeMethod> parseNetworkKdeMethod(std::string_view name)
{
    for (auto m : {NetworkKdeMethod::Simple, NetworkKdeMethod::Discontinuous, NetworkKdeMethod::Continuous})
        if (name == networkKdeMethodName(m)) return m;
    return std::nullopt;
}

std::vector<Lixel> networkKernelDensity(const RoadNetwork& network, const std::vector<NetworkEvent>& events,
                                        double lixelLength, double bandwidth, NetworkKdeMethod method)
{
    if (!(lixelLength > 0) || !(bandwidth > 0)) throw InputError("lixellengte en bandbreedte moeten > 0 m zijn");
    checkParameters(bandwidth);
    const auto segCount = static_cast<std::int32_t>(network.segments().size());
    std::vector<std::size_t> first;
    auto lixels = makeLixels(network, lixelLength, first);
    const Quartic k{bandwidth};
    const double h = bandwidth;

    if (method == NetworkKdeMethod::Simple) {
        NodeDistances dist(network, h);
        for (const auto& e : events) {
            if (e.segment < 0 || e.segment >= segCount) continue;
            dist.compute(e);
            for (auto s : dist.segments(e.segment)) {
                const double l = network.segmentLength(s);
                const double dFrom = dist.at(network.segmentFrom(s)), dTo = dist.at(network.segmentTo(s));
                const double own = s == e.segment ? e.offset : -1.0;
                for (auto i = first[s]; i < first[s + 1]; ++i) {
                    auto& lx = lixels[i];
                    lx.density += e.weight * k.value(simpleDistance((lx.from + lx.to) / 2, l, dFrom, dTo, own));
                }
            }
        }
    } else {
        const SegmentEnds ends(network);
        KernelWalker walker(network, ends, h, method);
        for (const auto& e : events) {
            if (e.segment < 0 || e.segment >= segCount) continue;
            walker.walk(e, [&](const KernelRun& r) {
                const auto b = first[r.segment], end = first[r.segment + 1];
                const double reach = h - r.d0;
                // Lixels are lixelLength long from the first vertex: start at the one holding r.start.
                auto i = std::min(end - 1, b + static_cast<std::size_t>(r.start / lixelLength));
                if (r.forward) {
                    for (; i < end; ++i) {
                        const double c = (lixels[i].from + lixels[i].to) / 2;
                        if (c < r.start) continue;
                        if (c - r.start >= reach) break;
                        lixels[i].density += r.mult * k.value(r.d0 + c - r.start);
                    }
                } else {
                    for (auto j = i + 1; j-- > b;) {
                        const double c = (lixels[j].from + lixels[j].to) / 2;
                        if (c >= r.start) continue;
                        if (r.start - c >= reach) break;
                        lixels[j].density += r.mult * k.value(r.d0 + r.start - c);
                    }
                }
            });
        }
    }
    for (auto& lx : lixels) lx.density *= 1000.0; // per metre -> per km
    return lixels;
}

double networkKernelMass(const RoadNetwork& network, const NetworkEvent& e, double bandwidth, NetworkKdeMethod method)
{
    checkParameters(bandwidth);
    if (e.segment < 0 || e.segment >= static_cast<std::int32_t>(network.segments().size()))
        throw InputError("gebeurtenis op een onbekend wegvak");
    const Quartic k{bandwidth};
    double mass = 0;
    if (method == NetworkKdeMethod::Simple) {
        NodeDistances dist(network, bandwidth);
        dist.compute(e);
        for (auto s : dist.segments(e.segment))
            mass += simpleSegmentMass(k, network.segmentLength(s), dist.at(network.segmentFrom(s)),
                                      dist.at(network.segmentTo(s)), s == e.segment ? e.offset : -1.0);
        return e.weight * mass;
    }
    const SegmentEnds ends(network);
    KernelWalker walker(network, ends, bandwidth, method);
    walker.walk(e, [&](const KernelRun& r) {
        const double len = network.segmentLength(r.segment);
        const double along = std::min(r.forward ? len - r.start : r.start, bandwidth - r.d0);
        mass += r.mult * (k.primitive(r.d0 + along) - k.primitive(r.d0));
    });
    return mass;
}

} // namespace gebiedscan
