#include "gebiedscan/core/road_network.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace gebiedscan {

namespace {

std::uint64_t cellKey(std::int64_t ix, std::int64_t iy)
{
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(ix + 0x80000000LL)) << 32) |
           static_cast<std::uint32_t>(iy + 0x80000000LL);
}

std::int64_t cellIndex(double v, double cell)
{
    return static_cast<std::int64_t>(std::floor(v / cell));
}

double dist(const PointRd& a, const PointRd& b)
{
    return std::hypot(a.x - b.x, a.y - b.y);
}

// Builds a hashed cell -> [start, count) directory over sorted (key, value) pairs.
template <class T>
void buildCells(std::vector<std::pair<std::uint64_t, T>>& pairs,
                std::unordered_map<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>>& cells,
                std::vector<T>& entries)
{
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    entries.clear();
    entries.reserve(pairs.size());
    cells.clear();
    cells.reserve(pairs.size() / 2 + 1);
    for (std::size_t i = 0; i < pairs.size();) {
        std::size_t j = i;
        while (j < pairs.size() && pairs[j].first == pairs[i].first) {
            entries.push_back(pairs[j].second);
            ++j;
        }
        cells.emplace(pairs[i].first, std::make_pair(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j - i)));
        i = j;
    }
}

// Whether two segments meeting at a node continue one road: the same road number when both have
// one, else the same street name when both have one, else yes.
bool sameRoad(const RoadSegment& a, const RoadSegment& b)
{
    if (!a.roadNumber.empty() && !b.roadNumber.empty()) return a.roadNumber == b.roadNumber;
    if (!a.streetName.empty() && !b.streetName.empty()) return a.streetName == b.streetName;
    return true;
}

} // namespace

double pointSegmentDistance(const PointRd& p, const PointRd& a, const PointRd& b, double& t)
{
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

double polylineLength(const std::vector<PointRd>& line)
{
    double len = 0;
    for (std::size_t i = 1; i < line.size(); ++i) len += dist(line[i - 1], line[i]);
    return len;
}

RoadNetwork::RoadNetwork(std::vector<RoadSegment> segments, const NetworkOptions& options)
{
    m_segments.reserve(segments.size());
    for (auto& s : segments) {
        if (s.line.size() < 2 || polylineLength(s.line) <= 0.0) {
            m_dropped.push_back(s.id);
            continue;
        }
        if (!m_segmentById.emplace(s.id, static_cast<std::int32_t>(m_segments.size())).second)
            throw InputError("wegvak-id '" + s.id + "' komt meer dan eens voor in het wegennet");
        m_segments.push_back(std::move(s));
    }
    m_lengths.resize(m_segments.size());
    m_vertexOffsets.resize(m_segments.size());
    for (std::size_t s = 0; s < m_segments.size(); ++s) {
        auto& offs = m_vertexOffsets[s];
        const auto& line = m_segments[s].line;
        offs.resize(line.size());
        offs[0] = 0;
        for (std::size_t i = 1; i < line.size(); ++i) offs[i] = offs[i - 1] + dist(line[i - 1], line[i]);
        m_lengths[s] = offs.back();
        for (const auto& p : line) m_extent.expand(p);
    }
    buildTopology(options);
    buildRoutes(options);
    buildIndexes();
}

void RoadNetwork::buildTopology(const NetworkOptions& options)
{
    const std::size_t n = m_segments.size();
    m_from.assign(n, kNone);
    m_to.assign(n, kNone);
    m_topologyFromIds =
        options.useJunctionIds && n > 0 && std::all_of(m_segments.begin(), m_segments.end(), [](const RoadSegment& s) {
            return !s.beginJunction.empty() && !s.endJunction.empty();
        });
    if (m_topologyFromIds) {
        auto node = [&](const std::string& id, const PointRd& p) {
            auto [it, inserted] = m_nodeById.emplace(id, static_cast<std::int32_t>(m_nodePoints.size()));
            if (inserted) {
                m_nodePoints.push_back(p);
                m_nodeIds.push_back(id);
            }
            return it->second;
        };
        for (std::size_t s = 0; s < n; ++s) {
            m_from[s] = node(m_segments[s].beginJunction, m_segments[s].line.front());
            m_to[s] = node(m_segments[s].endJunction, m_segments[s].line.back());
        }
    } else {
        // Greedy clustering of endpoints on a hashed grid of tolerance-sized cells: an endpoint
        // joins the nearest existing node within the tolerance, else founds a new node.
        const double tol = std::max(options.snapTolerance, 1e-9);
        std::unordered_map<std::uint64_t, std::vector<std::int32_t>> grid;
        grid.reserve(n * 2);
        auto node = [&](const PointRd& p) {
            const auto ix = cellIndex(p.x, tol), iy = cellIndex(p.y, tol);
            std::int32_t best = kNone;
            double bestD = tol;
            for (std::int64_t dx = -1; dx <= 1; ++dx)
                for (std::int64_t dy = -1; dy <= 1; ++dy) {
                    auto it = grid.find(cellKey(ix + dx, iy + dy));
                    if (it == grid.end()) continue;
                    for (auto k : it->second) {
                        const double d = dist(p, m_nodePoints[k]);
                        if (d <= bestD && (best == kNone || d < bestD || k < best)) {
                            best = k;
                            bestD = d;
                        }
                    }
                }
            if (best != kNone) return best;
            const auto k = static_cast<std::int32_t>(m_nodePoints.size());
            m_nodePoints.push_back(p);
            m_nodeIds.push_back("n" + std::to_string(k));
            grid[cellKey(ix, iy)].push_back(k);
            return k;
        };
        for (std::size_t s = 0; s < n; ++s) {
            m_from[s] = node(m_segments[s].line.front());
            m_to[s] = node(m_segments[s].line.back());
        }
        for (std::size_t k = 0; k < m_nodeIds.size(); ++k)
            m_nodeById.emplace(m_nodeIds[k], static_cast<std::int32_t>(k));
    }
    // CSR adjacency.
    m_nodeEdgeStart.assign(m_nodePoints.size() + 1, 0);
    for (std::size_t s = 0; s < n; ++s) {
        ++m_nodeEdgeStart[m_from[s] + 1];
        ++m_nodeEdgeStart[m_to[s] + 1];
    }
    std::partial_sum(m_nodeEdgeStart.begin(), m_nodeEdgeStart.end(), m_nodeEdgeStart.begin());
    m_nodeEdges.resize(2 * n);
    std::vector<std::uint32_t> fill(m_nodeEdgeStart.begin(), m_nodeEdgeStart.end() - 1);
    for (std::size_t s = 0; s < n; ++s) {
        m_nodeEdges[fill[m_from[s]]++] = static_cast<std::int32_t>(s);
        m_nodeEdges[fill[m_to[s]]++] = static_cast<std::int32_t>(s);
    }
}

void RoadNetwork::buildRoutes(const NetworkOptions& options)
{
    const std::size_t n = m_segments.size();
    // Segment ends: 2*s = begin, 2*s+1 = end. partner[e] = the end it continues into, or -1.
    std::vector<std::int64_t> partner(2 * n, -1);
    auto endsAt = [&](std::int32_t node) {
        std::vector<std::int64_t> ends;
        for (auto i = m_nodeEdgeStart[node]; i < m_nodeEdgeStart[node + 1]; ++i) {
            const auto s = m_nodeEdges[i];
            // A loop is listed twice in the adjacency; take its two ends once.
            if (i > m_nodeEdgeStart[node] && m_nodeEdges[i - 1] == s) continue;
            if (m_from[s] == node) ends.push_back(2 * std::int64_t{s});
            if (m_to[s] == node) ends.push_back(2 * std::int64_t{s} + 1);
        }
        return ends;
    };
    // Unit direction leaving the node along the segment end e.
    auto outDir = [&](std::int64_t e) {
        const auto& line = m_segments[e / 2].line;
        PointRd a = (e % 2 == 0) ? line[0] : line[line.size() - 1];
        PointRd b = (e % 2 == 0) ? line[1] : line[line.size() - 2];
        const double l = std::max(dist(a, b), 1e-12);
        return PointRd{(b.x - a.x) / l, (b.y - a.y) / l};
    };
    auto pair = [&](std::int64_t a, std::int64_t b) {
        partner[a] = b;
        partner[b] = a;
    };
    for (std::int32_t node = 0; node < static_cast<std::int32_t>(m_nodePoints.size()); ++node) {
        const auto ends = endsAt(node);
        if (ends.size() == 2) {
            const auto s0 = ends[0] / 2, s1 = ends[1] / 2;
            if (s0 != s1 && sameRoad(m_segments[s0], m_segments[s1])) pair(ends[0], ends[1]);
            continue;
        }
        if (ends.size() < 3 || !options.continueThroughJunctions) continue;
        // Group the ends by road number (else street name); within a group pair the straightest
        // continuations first (dual carriageways meet a junction with four ends of one road).
        std::unordered_map<std::string, std::vector<std::int64_t>> groups;
        for (auto e : ends) {
            const auto& seg = m_segments[e / 2];
            if (!seg.roadNumber.empty())
                groups["w:" + seg.roadNumber].push_back(e);
            else if (!seg.streetName.empty())
                groups["s:" + seg.streetName].push_back(e);
        }
        for (auto& [key, g] : groups) {
            while (g.size() >= 2) {
                double bestDot = 2.0;
                std::size_t bi = 0, bj = 0;
                for (std::size_t i = 0; i < g.size(); ++i)
                    for (std::size_t j = i + 1; j < g.size(); ++j) {
                        if (g[i] / 2 == g[j] / 2) continue;
                        const auto u = outDir(g[i]), v = outDir(g[j]);
                        const double dot = u.x * v.x + u.y * v.y; // -1: straight on
                        if (dot < bestDot) {
                            bestDot = dot;
                            bi = i;
                            bj = j;
                        }
                    }
                if (bestDot > 1.5) break;
                pair(g[bi], g[bj]);
                g.erase(g.begin() + static_cast<std::ptrdiff_t>(bj));
                g.erase(g.begin() + static_cast<std::ptrdiff_t>(bi));
            }
        }
    }

    m_segmentRoute.assign(n, kNone);
    m_segmentPart.assign(n, kNone);
    auto walk = [&](std::int64_t startEnd) {
        Route route;
        std::int64_t enter = startEnd;
        const auto startNode = (startEnd % 2 == 0) ? m_from[startEnd / 2] : m_to[startEnd / 2];
        const auto r = static_cast<std::int32_t>(m_routes.size());
        while (true) {
            const auto s = static_cast<std::int32_t>(enter / 2);
            Route::Part part{s, enter % 2 == 0, route.length};
            m_segmentRoute[s] = r;
            m_segmentPart[s] = static_cast<std::int32_t>(route.parts.size());
            route.parts.push_back(part);
            route.length += m_lengths[s];
            const std::int64_t exit = enter ^ 1;
            const auto next = partner[exit];
            if (next < 0 || m_segmentRoute[next / 2] != kNone) {
                const auto endNode = (exit % 2 == 0) ? m_from[s] : m_to[s];
                route.closed = next >= 0 && endNode == startNode && next == startEnd;
                break;
            }
            enter = next;
        }
        m_routes.push_back(std::move(route));
    };
    for (std::size_t s = 0; s < n; ++s) {
        if (m_segmentRoute[s] != kNone) continue;
        if (partner[2 * s] < 0)
            walk(2 * static_cast<std::int64_t>(s));
        else if (partner[2 * s + 1] < 0)
            walk(2 * static_cast<std::int64_t>(s) + 1);
    }
    for (std::size_t s = 0; s < n; ++s) // what remains are rings
        if (m_segmentRoute[s] == kNone) walk(2 * static_cast<std::int64_t>(s));
}

void RoadNetwork::buildIndexes()
{
    // Cell size near the typical edge length keeps both the entries per edge and the edges per
    // cell small.
    double total = 0;
    std::size_t edges = 0;
    for (std::size_t s = 0; s < m_segments.size(); ++s) {
        total += m_lengths[s];
        edges += m_segments[s].line.size() - 1;
    }
    m_cell = edges > 0 ? std::clamp(total / static_cast<double>(edges), 20.0, 250.0) : 50.0;

    std::vector<std::pair<std::uint64_t, EdgeRef>> pairs;
    pairs.reserve(edges * 2);
    for (std::size_t s = 0; s < m_segments.size(); ++s) {
        const auto& line = m_segments[s].line;
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
            const auto& a = line[i];
            const auto& b = line[i + 1];
            const auto x0 = cellIndex(std::min(a.x, b.x), m_cell), x1 = cellIndex(std::max(a.x, b.x), m_cell);
            const auto y0 = cellIndex(std::min(a.y, b.y), m_cell), y1 = cellIndex(std::max(a.y, b.y), m_cell);
            for (auto ix = x0; ix <= x1; ++ix)
                for (auto iy = y0; iy <= y1; ++iy)
                    pairs.emplace_back(cellKey(ix, iy),
                                       EdgeRef{static_cast<std::int32_t>(s), static_cast<std::int32_t>(i)});
        }
    }
    buildCells(pairs, m_edgeCells, m_edgeEntries);

    std::vector<std::pair<std::uint64_t, std::int32_t>> nodePairs;
    nodePairs.reserve(m_nodePoints.size());
    for (std::size_t k = 0; k < m_nodePoints.size(); ++k)
        nodePairs.emplace_back(cellKey(cellIndex(m_nodePoints[k].x, m_cell), cellIndex(m_nodePoints[k].y, m_cell)),
                               static_cast<std::int32_t>(k));
    buildCells(nodePairs, m_nodeCells, m_nodeEntries);
}

std::vector<std::int32_t> RoadNetwork::nodeSegments(std::int32_t node) const
{
    return {m_nodeEdges.begin() + m_nodeEdgeStart[node], m_nodeEdges.begin() + m_nodeEdgeStart[node + 1]};
}

double RoadNetwork::totalLength() const
{
    return std::accumulate(m_lengths.begin(), m_lengths.end(), 0.0);
}

std::int32_t RoadNetwork::findSegment(const std::string& id) const
{
    auto it = m_segmentById.find(id);
    return it == m_segmentById.end() ? kNone : it->second;
}

std::int32_t RoadNetwork::findNode(const std::string& junctionId) const
{
    auto it = m_nodeById.find(junctionId);
    return it == m_nodeById.end() ? kNone : it->second;
}

std::optional<NetworkPosition> RoadNetwork::nearest(const PointRd& p, double maxDistance) const
{
    if (m_segments.empty() || !(maxDistance >= 0)) return std::nullopt;
    const auto x0 = cellIndex(p.x - maxDistance, m_cell), x1 = cellIndex(p.x + maxDistance, m_cell);
    const auto y0 = cellIndex(p.y - maxDistance, m_cell), y1 = cellIndex(p.y + maxDistance, m_cell);
    NetworkPosition best;
    double bestT = 0;
    std::int32_t bestVertex = 0;
    auto consider = [&](const EdgeRef& e) {
        const auto& line = m_segments[e.segment].line;
        double t = 0;
        const double d = pointSegmentDistance(p, line[e.vertex], line[e.vertex + 1], t);
        if (d > maxDistance) return;
        if (best.segment == kNone || d < best.distance ||
            (d == best.distance &&
             (e.segment < best.segment || (e.segment == best.segment && e.vertex < bestVertex)))) {
            best.segment = e.segment;
            best.distance = d;
            bestVertex = e.vertex;
            bestT = t;
        }
    };
    const double cells = static_cast<double>(x1 - x0 + 1) * static_cast<double>(y1 - y0 + 1);
    if (cells > static_cast<double>(m_edgeCells.size())) {
        for (const auto& e : m_edgeEntries) consider(e);
    } else {
        for (auto ix = x0; ix <= x1; ++ix)
            for (auto iy = y0; iy <= y1; ++iy) {
                auto it = m_edgeCells.find(cellKey(ix, iy));
                if (it == m_edgeCells.end()) continue;
                for (std::uint32_t k = 0; k < it->second.second; ++k) consider(m_edgeEntries[it->second.first + k]);
            }
    }
    if (best.segment == kNone) return std::nullopt;
    const auto& line = m_segments[best.segment].line;
    const auto& offs = m_vertexOffsets[best.segment];
    best.offset = offs[bestVertex] + bestT * (offs[bestVertex + 1] - offs[bestVertex]);
    const auto& a = line[bestVertex];
    const auto& b = line[bestVertex + 1];
    best.point = {a.x + bestT * (b.x - a.x), a.y + bestT * (b.y - a.y)};
    return best;
}

std::vector<std::int32_t> RoadNetwork::nodesWithin(const PointRd& p, double radius) const
{
    std::vector<std::int32_t> out;
    if (!(radius >= 0)) return out;
    const auto x0 = cellIndex(p.x - radius, m_cell), x1 = cellIndex(p.x + radius, m_cell);
    const auto y0 = cellIndex(p.y - radius, m_cell), y1 = cellIndex(p.y + radius, m_cell);
    const double cells = static_cast<double>(x1 - x0 + 1) * static_cast<double>(y1 - y0 + 1);
    if (cells > static_cast<double>(m_nodeCells.size())) {
        for (std::size_t k = 0; k < m_nodePoints.size(); ++k)
            if (dist(p, m_nodePoints[k]) <= radius) out.push_back(static_cast<std::int32_t>(k));
        return out;
    }
    for (auto ix = x0; ix <= x1; ++ix)
        for (auto iy = y0; iy <= y1; ++iy) {
            auto it = m_nodeCells.find(cellKey(ix, iy));
            if (it == m_nodeCells.end()) continue;
            for (std::uint32_t k = 0; k < it->second.second; ++k) {
                const auto node = m_nodeEntries[it->second.first + k];
                if (dist(p, m_nodePoints[node]) <= radius) out.push_back(node);
            }
        }
    std::sort(out.begin(), out.end());
    return out;
}

PointRd RoadNetwork::pointAlong(std::int32_t s, double offset) const
{
    const auto& line = m_segments[s].line;
    const auto& offs = m_vertexOffsets[s];
    offset = std::clamp(offset, 0.0, offs.back());
    auto it = std::upper_bound(offs.begin(), offs.end(), offset);
    std::size_t i = it == offs.begin() ? 0 : static_cast<std::size_t>(it - offs.begin()) - 1;
    if (i + 1 >= line.size()) return line.back();
    const double span = offs[i + 1] - offs[i];
    const double t = span > 0 ? (offset - offs[i]) / span : 0.0;
    return {line[i].x + t * (line[i + 1].x - line[i].x), line[i].y + t * (line[i + 1].y - line[i].y)};
}

double RoadNetwork::routeDistance(std::int32_t s, double offset) const
{
    const auto& part = m_routes[m_segmentRoute[s]].parts[m_segmentPart[s]];
    return part.forward ? part.start + offset : part.start + (m_lengths[s] - offset);
}

std::vector<PointRd> RoadNetwork::routeGeometry(std::int32_t r, double a, double b) const
{
    std::vector<PointRd> out;
    auto add = [&](const PointRd& p) {
        if (out.empty() || out.back().x != p.x || out.back().y != p.y) out.push_back(p);
    };
    for (const auto& part : m_routes[r].parts) {
        const double len = m_lengths[part.segment];
        const double lo = std::max(a, part.start), hi = std::min(b, part.start + len);
        if (lo > hi || (lo == hi && !out.empty())) continue;
        // Offsets along the segment's own direction.
        double u = part.forward ? lo - part.start : part.start + len - hi;
        double v = part.forward ? hi - part.start : part.start + len - lo;
        const auto& line = m_segments[part.segment].line;
        const auto& offs = m_vertexOffsets[part.segment];
        std::vector<PointRd> piece{pointAlong(part.segment, u)};
        for (std::size_t i = 0; i < line.size(); ++i)
            if (offs[i] > u && offs[i] < v) piece.push_back(line[i]);
        piece.push_back(pointAlong(part.segment, v));
        if (!part.forward) std::reverse(piece.begin(), piece.end());
        for (const auto& p : piece) add(p);
    }
    if (out.size() == 1) out.push_back(out.front());
    return out;
}

} // namespace gebiedscan

namespace gebiedscan {

NetworkPosition RoadNetwork::projectOnto(std::int32_t s, const PointRd& p) const
{
    NetworkPosition best;
    best.segment = s;
    best.distance = std::numeric_limits<double>::infinity();
    const auto& line = m_segments[s].line;
    const auto& offs = m_vertexOffsets[s];
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        double t = 0;
        const double d = pointSegmentDistance(p, line[i], line[i + 1], t);
        if (d < best.distance) {
            best.distance = d;
            best.offset = offs[i] + t * (offs[i + 1] - offs[i]);
            best.point = {line[i].x + t * (line[i + 1].x - line[i].x), line[i].y + t * (line[i + 1].y - line[i].y)};
        }
    }
    return best;
}

} // namespace gebiedscan
