#include "gebiedscan/core/point_locator.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <thread>

namespace gebiedscan {

namespace {

struct TaggedEdge {
    double loX, loY, hiX, hiY;
    std::int32_t area;
};

// Closed segment / closed rectangle intersection (Liang-Barsky clipping).
bool segmentTouchesRect(const TaggedEdge& e, double x0, double y0, double x1, double y1)
{
    double t0 = 0.0, t1 = 1.0;
    const double dx = e.hiX - e.loX, dy = e.hiY - e.loY;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {e.loX - x0, x1 - e.loX, e.loY - y0, y1 - e.loY};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0) return false;
        } else {
            const double t = q[i] / p[i];
            if (p[i] < 0.0)
                t0 = std::max(t0, t);
            else
                t1 = std::min(t1, t);
            if (t0 > t1) return false;
        }
    }
    return true;
}

} // namespace

PointLocator::PointLocator(const std::vector<MultiPolygon>& areas)
{
    std::vector<TaggedEdge> edges;
    // Horizontal edges never count in the crossing test, but they do split cells between areas
    // (two areas stacked along y = const): cells they cross must test their points.
    std::vector<TaggedEdge> horizontal;
    for (std::size_t a = 0; a < areas.size(); ++a) {
        for (const auto& polygon : areas[a])
            for (const auto& ring : polygon.rings) {
                const std::size_t n = ring.size();
                for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
                    PointRd lo = ring[i], hi = ring[j];
                    if (lo.y > hi.y) std::swap(lo, hi);
                    if (lo.y == hi.y) { // never counts in the half-open test; only marks cells
                        horizontal.push_back({lo.x, lo.y, hi.x, hi.y, static_cast<std::int32_t>(a)});
                        continue;
                    }
                    edges.push_back({lo.x, lo.y, hi.x, hi.y, static_cast<std::int32_t>(a)});
                    m_extent.expand(lo);
                    m_extent.expand(hi);
                }
            }
    }
    if (edges.empty()) {
        m_cellOwner.assign(1, kOutside);
        m_cellStart.assign(2, 0);
        m_extent = Envelope{0, 0, 0, 0};
        return;
    }

    // About four cells per edge (most cells then lie wholly inside one area), square cells,
    // bounded so a huge layer stays within memory (8 bytes per cell).
    const double w = std::max(m_extent.width(), 1e-9), h = std::max(m_extent.height(), 1e-9);
    const double target = std::clamp(4.0 * static_cast<double>(edges.size()), 1024.0, 16.0e6);
    const double side = std::sqrt(w * h / target);
    m_nx = std::clamp<std::int64_t>(static_cast<std::int64_t>(std::ceil(w / side)), 1, 8192);
    m_ny = std::clamp<std::int64_t>(static_cast<std::int64_t>(std::ceil(h / side)), 1, 8192);
    m_cellW = w / static_cast<double>(m_nx);
    m_cellH = h / static_cast<double>(m_ny);

    const auto rowOf = [&](double y) {
        return std::clamp<std::int64_t>(static_cast<std::int64_t>((y - m_extent.minY) / m_cellH), 0, m_ny - 1);
    };
    const auto colOf = [&](double x) {
        return std::clamp<std::int64_t>(static_cast<std::int64_t>((x - m_extent.minX) / m_cellW), 0, m_nx - 1);
    };

    // Row bands: edges overlapping each (closed) band, grouped by area, as index ranges.
    std::vector<std::vector<std::uint32_t>> rowEdgeIds(static_cast<std::size_t>(m_ny));
    for (std::uint32_t i = 0; i < edges.size(); ++i) {
        const auto& e = edges[i];
        for (auto r = rowOf(e.loY); r <= rowOf(e.hiY); ++r) rowEdgeIds[static_cast<std::size_t>(r)].push_back(i);
    }
    // Per row: map area -> [begin, end) in m_rowEdges.
    std::vector<std::map<std::int32_t, std::pair<std::uint32_t, std::uint32_t>>> rowAreaRange(
        static_cast<std::size_t>(m_ny));
    for (std::size_t r = 0; r < rowEdgeIds.size(); ++r) {
        auto& ids = rowEdgeIds[r];
        // Grouped by area; within an area by decreasing max(x), so the edges a rightward ray from
        // a cell can cross (those reaching right of the cell's left side) form a prefix.
        std::stable_sort(ids.begin(), ids.end(), [&](auto a, auto b) {
            if (edges[a].area != edges[b].area) return edges[a].area < edges[b].area;
            return std::max(edges[a].loX, edges[a].hiX) > std::max(edges[b].loX, edges[b].hiX);
        });
        for (std::size_t k = 0; k < ids.size();) {
            const auto area = edges[ids[k]].area;
            const auto begin = static_cast<std::uint32_t>(m_rowEdges.size());
            for (; k < ids.size() && edges[ids[k]].area == area; ++k) {
                const auto& e = edges[ids[k]];
                m_rowEdges.push_back({e.loX, e.loY, e.hiX, e.hiY});
            }
            rowAreaRange[r][area] = {begin, static_cast<std::uint32_t>(m_rowEdges.size())};
        }
    }

    // Areas whose edges touch each cell.
    const auto cells = static_cast<std::size_t>(m_nx * m_ny);
    std::vector<std::vector<std::int32_t>> touching(cells);
    const auto markTouched = [&](const TaggedEdge& e) {
        const auto c0 = colOf(std::min(e.loX, e.hiX)), c1 = colOf(std::max(e.loX, e.hiX));
        const auto r0 = rowOf(e.loY), r1 = rowOf(e.hiY);
        for (auto r = r0; r <= r1; ++r)
            for (auto c = c0; c <= c1; ++c) {
                const double x0 = m_extent.minX + static_cast<double>(c) * m_cellW;
                const double y0 = m_extent.minY + static_cast<double>(r) * m_cellH;
                if (!segmentTouchesRect(e, x0, y0, x0 + m_cellW, y0 + m_cellH)) continue;
                auto& list = touching[static_cast<std::size_t>(r * m_nx + c)];
                if (list.empty() || list.back() != e.area) list.push_back(e.area);
            }
    };
    for (const auto& e : edges) markTouched(e);
    for (const auto& e : horizontal) markTouched(e); // touched lists are sorted and deduplicated below

    m_cellOwner.assign(cells, kOutside);
    m_cellStart.assign(cells + 1, 0);
    std::vector<std::int32_t> members;
    for (std::int64_t r = 0; r < m_ny; ++r) {
        // Sweep the horizontal line through the row's cell centres: which areas contain each centre.
        const double yc = m_extent.minY + (static_cast<double>(r) + 0.5) * m_cellH;
        std::vector<std::pair<double, std::int32_t>> crossings;
        for (auto id : rowEdgeIds[static_cast<std::size_t>(r)]) {
            const auto& e = edges[id];
            if (yc < e.loY || yc >= e.hiY) continue;
            crossings.emplace_back(e.loX + (yc - e.loY) * (e.hiX - e.loX) / (e.hiY - e.loY), e.area);
        }
        std::sort(crossings.begin(), crossings.end());
        // parity per area for x < crossing: a point is inside if the number of crossings to its
        // right is odd. Sweep from the right.
        std::map<std::int32_t, bool> inside;
        std::size_t k = crossings.size();
        for (std::int64_t c = m_nx - 1; c >= 0; --c) {
            const double xc = m_extent.minX + (static_cast<double>(c) + 0.5) * m_cellW;
            while (k > 0 && crossings[k - 1].first > xc) {
                --k;
                auto& flag = inside[crossings[k].second];
                flag = !flag;
            }
            const auto cell = static_cast<std::size_t>(r * m_nx + c);
            members.clear();
            for (const auto& [area, in] : inside)
                if (in) members.push_back(area);
            auto& touch = touching[cell];
            if (touch.empty()) {
                m_cellOwner[cell] = members.empty() ? kOutside : members.front();
                continue;
            }
            touch.insert(touch.end(), members.begin(), members.end());
            std::sort(touch.begin(), touch.end());
            touch.erase(std::unique(touch.begin(), touch.end()), touch.end());
        }
    }
    for (std::size_t cell = 0; cell < cells; ++cell) {
        m_cellStart[cell] = static_cast<std::uint32_t>(m_candidates.size());
        const auto row = static_cast<std::size_t>(static_cast<std::int64_t>(cell) / m_nx);
        for (auto area : touching[cell]) {
            const auto& ranges = rowAreaRange[row];
            const auto it = ranges.find(area);
            // An area containing the cell centre without edges in this row cannot occur: a
            // bounded area has edges crossing every horizontal line through its interior.
            if (it == ranges.end()) continue;
            const double cellMinX =
                m_extent.minX + static_cast<double>(static_cast<std::int64_t>(cell) % m_nx) * m_cellW;
            auto end = it->second.first;
            while (end < it->second.second && std::max(m_rowEdges[end].loX, m_rowEdges[end].hiX) >= cellMinX) ++end;
            m_candidates.push_back({area, it->second.first, end});
        }
    }
    m_cellStart[cells] = static_cast<std::uint32_t>(m_candidates.size());
}

bool PointLocator::insideRow(const Candidate& c, const PointRd& p) const
{
    bool inside = false;
    for (auto i = c.edgeBegin; i < c.edgeEnd; ++i) {
        const Edge& e = m_rowEdges[i];
        if (p.y < e.loY || p.y >= e.hiY) continue;
        const double xCross = e.loX + (p.y - e.loY) * (e.hiX - e.loX) / (e.hiY - e.loY);
        if (p.x < xCross) inside = !inside;
    }
    return inside;
}

std::int32_t PointLocator::locate(const PointRd& p) const
{
    // Half-open like the crossing test: nothing at or beyond the top or right of the extent can
    // have an edge crossing to its right. Also rejects NaN.
    if (!(p.x >= m_extent.minX && p.x < m_extent.maxX && p.y >= m_extent.minY && p.y < m_extent.maxY)) return kOutside;
    const auto c = std::min<std::int64_t>(static_cast<std::int64_t>((p.x - m_extent.minX) / m_cellW), m_nx - 1);
    const auto r = std::min<std::int64_t>(static_cast<std::int64_t>((p.y - m_extent.minY) / m_cellH), m_ny - 1);
    const auto cell = static_cast<std::size_t>(r * m_nx + c);
    const auto begin = m_cellStart[cell], end = m_cellStart[cell + 1];
    if (begin == end) return m_cellOwner[cell];
    for (auto i = begin; i < end; ++i)
        if (insideRow(m_candidates[i], p)) return m_candidates[i].area;
    return kOutside;
}

void PointLocator::locate(std::span<const PointRd> points, std::span<std::int32_t> out, unsigned threads) const
{
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t n = points.size();
    if (threads == 1 || n < 100000) {
        for (std::size_t i = 0; i < n; ++i) out[i] = locate(points[i]);
        return;
    }
    std::vector<std::jthread> pool;
    const std::size_t chunk = (n + threads - 1) / threads;
    for (unsigned t = 0; t < threads; ++t) {
        const std::size_t begin = t * chunk, end = std::min(n, begin + chunk);
        if (begin >= end) break;
        pool.emplace_back([&, begin, end] {
            for (std::size_t i = begin; i < end; ++i) out[i] = locate(points[i]);
        });
    }
}

} // namespace gebiedscan
