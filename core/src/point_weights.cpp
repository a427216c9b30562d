#include "gebiedscan/core/point_weights.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <queue>

namespace gebiedscan {

namespace {

/// Uniform bucket grid over a point set: points sorted by cell, cell start offsets.
class PointBuckets {
public:
    PointBuckets(std::span<const PointRd> points, double cellSize) : m_points(points)
    {
        for (const auto& p : points) {
            if (!std::isfinite(p.x) || !std::isfinite(p.y))
                throw InputError("point weights: point with a non-finite coordinate");
            m_extent.expand(p);
        }
        if (points.empty()) return;
        // Cap the grid at about 4 cells per point, so memory stays linear in n.
        const double w = std::max(m_extent.width(), 1e-9), h = std::max(m_extent.height(), 1e-9);
        const double minCell = std::sqrt(w * h / (4.0 * static_cast<double>(points.size()) + 1.0));
        m_cell = std::max({cellSize, minCell, 1e-9});
        m_nx = static_cast<std::int64_t>(w / m_cell) + 1;
        m_ny = static_cast<std::int64_t>(h / m_cell) + 1;
        const auto cells = static_cast<std::size_t>(m_nx * m_ny);
        m_start.assign(cells + 1, 0);
        std::vector<std::size_t> cellOfPoint(points.size());
        for (std::size_t i = 0; i < points.size(); ++i) {
            cellOfPoint[i] = cellIndex(col(points[i].x), row(points[i].y));
            ++m_start[cellOfPoint[i] + 1];
        }
        for (std::size_t c = 0; c < cells; ++c) m_start[c + 1] += m_start[c];
        m_order.resize(points.size());
        std::vector<std::size_t> fill(m_start.begin(), m_start.end() - 1);
        for (std::size_t i = 0; i < points.size(); ++i) m_order[fill[cellOfPoint[i]]++] = static_cast<std::uint32_t>(i);
    }

    [[nodiscard]] double cellSize() const { return m_cell; }
    [[nodiscard]] std::int64_t col(double x) const
    {
        return std::clamp<std::int64_t>(static_cast<std::int64_t>((x - m_extent.minX) / m_cell), 0, m_nx - 1);
    }
    [[nodiscard]] std::int64_t row(double y) const
    {
        return std::clamp<std::int64_t>(static_cast<std::int64_t>((y - m_extent.minY) / m_cell), 0, m_ny - 1);
    }
    [[nodiscard]] std::int64_t cols() const { return m_nx; }
    [[nodiscard]] std::int64_t rows() const { return m_ny; }

    /// Calls f(j) for every point j in cells [c0, c1] x [r0, r1] (clamped).
    template <class F>
    void forEachIn(std::int64_t c0, std::int64_t c1, std::int64_t r0, std::int64_t r1, F&& f) const
    {
        c0 = std::max<std::int64_t>(c0, 0);
        r0 = std::max<std::int64_t>(r0, 0);
        c1 = std::min(c1, m_nx - 1);
        r1 = std::min(r1, m_ny - 1);
        if (c0 > c1 || r0 > r1) return;
        for (std::int64_t r = r0; r <= r1; ++r) {
            const std::size_t b = m_start[cellIndex(c0, r)], e = m_start[cellIndex(c1, r) + 1];
            for (std::size_t k = b; k < e; ++k) f(m_order[k]);
        }
    }

    /// Calls f(j, d) for every point j != i with d(i, j) <= radius.
    template <class F>
    void withinRadius(std::size_t i, double radius, F&& f) const
    {
        const PointRd& p = m_points[i];
        const double r2 = radius * radius;
        forEachIn(col(p.x - radius), col(p.x + radius), row(p.y - radius), row(p.y + radius), [&](std::uint32_t j) {
            if (j == i) return;
            const double dx = m_points[j].x - p.x, dy = m_points[j].y - p.y;
            const double d2 = dx * dx + dy * dy;
            if (d2 <= r2) f(j, std::sqrt(d2));
        });
    }

    /// The k nearest other points of i, by (distance, index), nearest first.
    void nearest(std::size_t i, std::size_t k, std::vector<std::pair<double, std::uint32_t>>& out) const
    {
        out.clear();
        const PointRd& p = m_points[i];
        const std::int64_t pc = col(p.x), pr = row(p.y);
        // Max-heap of the best k so far, ordered by (d2, index).
        std::priority_queue<std::pair<double, std::uint32_t>> heap;
        auto offer = [&](std::uint32_t j) {
            if (j == i) return;
            const double dx = m_points[j].x - p.x, dy = m_points[j].y - p.y;
            const std::pair<double, std::uint32_t> cand{dx * dx + dy * dy, j};
            if (heap.size() < k)
                heap.push(cand);
            else if (cand < heap.top()) {
                heap.pop();
                heap.push(cand);
            }
        };
        // Rings of cells around p; stop when the heap is full and the next ring is farther than
        // the k-th distance (a ring at Chebyshev distance r is at least (r - 1) * cell away).
        const std::int64_t maxRing = std::max(m_nx, m_ny);
        for (std::int64_t ring = 0; ring <= maxRing; ++ring) {
            if (heap.size() == k) {
                const double reach = static_cast<double>(ring - 1) * m_cell;
                if (reach > 0.0 && reach * reach > heap.top().first) break;
            }
            if (ring == 0) {
                forEachIn(pc, pc, pr, pr, offer);
                continue;
            }
            forEachIn(pc - ring, pc + ring, pr - ring, pr - ring, offer);
            forEachIn(pc - ring, pc + ring, pr + ring, pr + ring, offer);
            forEachIn(pc - ring, pc - ring, pr - ring + 1, pr + ring - 1, offer);
            forEachIn(pc + ring, pc + ring, pr - ring + 1, pr + ring - 1, offer);
        }
        while (!heap.empty()) {
            out.emplace_back(std::sqrt(heap.top().first), heap.top().second);
            heap.pop();
        }
        std::reverse(out.begin(), out.end());
    }

private:
    [[nodiscard]] std::size_t cellIndex(std::int64_t c, std::int64_t r) const
    {
        return static_cast<std::size_t>(r * m_nx + c);
    }

    std::span<const PointRd> m_points;
    Envelope m_extent;
    double m_cell = 1.0;
    std::int64_t m_nx = 1, m_ny = 1;
    std::vector<std::size_t> m_start;
    std::vector<std::uint32_t> m_order;
};

/// A cell size giving a few points per cell on average.
double densityCell(std::span<const PointRd> points)
{
    Envelope e;
    for (const auto& p : points) e.expand(p);
    const double area = std::max(e.width(), 1e-9) * std::max(e.height(), 1e-9);
    return std::sqrt(2.0 * area / static_cast<double>(std::max<std::size_t>(points.size(), 1)));
}

SpatialWeights bandWeights(std::span<const PointRd> points, double band, bool inverse, double power, double minDistance)
{
    if (!(band >= 0.0)) throw InputError("distance band must be zero or positive");
    const std::size_t n = points.size();
    std::vector<std::size_t> from, to;
    std::vector<double> w;
    if (n == 0) return SpatialWeights::fromTriplets(0, from, to, w);
    const bool all = !std::isfinite(band);
    const double radius = all ? std::numeric_limits<double>::max() : band;
    PointBuckets buckets(points, all ? densityCell(points) : std::max(band, 1e-9));
    for (std::size_t i = 0; i < n; ++i) {
        auto add = [&](std::uint32_t j, double d) {
            from.push_back(i);
            to.push_back(j);
            w.push_back(inverse ? 1.0 / std::pow(std::max(d, minDistance), power) : 1.0);
        };
        if (all) {
            for (std::size_t j = 0; j < n; ++j) {
                if (j == i) continue;
                add(static_cast<std::uint32_t>(j), std::hypot(points[j].x - points[i].x, points[j].y - points[i].y));
            }
        } else {
            buckets.withinRadius(i, radius, add);
        }
    }
    return SpatialWeights::fromTriplets(n, from, to, w);
}

} // namespace

SpatialWeights knnWeights(std::span<const PointRd> points, std::size_t k)
{
    const std::size_t n = points.size();
    if (k == 0 || k >= n) throw InputError("k nearest neighbours: k must be between 1 and n - 1");
    PointBuckets buckets(points, densityCell(points));
    std::vector<std::vector<std::size_t>> lists(n);
    std::vector<std::pair<double, std::uint32_t>> found;
    for (std::size_t i = 0; i < n; ++i) {
        buckets.nearest(i, k, found);
        lists[i].reserve(k);
        for (const auto& f : found) lists[i].push_back(f.second);
    }
    return SpatialWeights::fromNeighbourLists(lists);
}

SpatialWeights distanceBandWeights(std::span<const PointRd> points, double band)
{
    return bandWeights(points, band, false, 1.0, 1.0);
}

SpatialWeights inverseDistanceWeights(std::span<const PointRd> points, double band, double power, double minDistance)
{
    if (!(minDistance > 0.0)) throw InputError("inverse distance: minimum distance must be positive");
    return bandWeights(points, band, true, power, minDistance);
}

std::vector<double> nearestNeighbourDistances(std::span<const PointRd> points)
{
    std::vector<double> out(points.size(), 0.0);
    if (points.size() < 2) return out;
    PointBuckets buckets(points, densityCell(points));
    std::vector<std::pair<double, std::uint32_t>> found;
    for (std::size_t i = 0; i < points.size(); ++i) {
        buckets.nearest(i, 1, found);
        out[i] = found.front().first;
    }
    return out;
}

double islandFreeBand(std::span<const PointRd> points)
{
    const auto d = nearestNeighbourDistances(points);
    return d.empty() ? 0.0 : *std::max_element(d.begin(), d.end());
}

CoincidenceReport findCoincidentPoints(std::span<const PointRd> points)
{
    std::vector<std::pair<double, double>> xy;
    xy.reserve(points.size());
    for (const auto& p : points) xy.emplace_back(p.x, p.y);
    std::sort(xy.begin(), xy.end());
    CoincidenceReport r;
    for (std::size_t b = 0; b < xy.size();) {
        std::size_t e = b + 1;
        while (e < xy.size() && xy[e] == xy[b]) ++e;
        if (e - b > 1) {
            ++r.locations;
            r.pointsAffected += e - b;
            r.largestGroup = std::max(r.largestGroup, e - b);
        }
        b = e;
    }
    return r;
}

} // namespace gebiedscan
