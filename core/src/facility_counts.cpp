// Registrations around facilities: a uniform grid over the facilities' reach, exact distances,
// per-thread count arrays merged at the end.
#include "gebiedscan/core/facility_counts.hpp"

#include "gebiedscan/core/count_test.hpp"
#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <thread>

namespace gebiedscan {

namespace {

double segmentDistanceSquared(const PointRd& p, const PointRd& a, const PointRd& b)
{
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}

double ringLength(const std::vector<PointRd>& ring)
{
    double length = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        length += std::hypot(ring[i + 1].x - ring[i].x, ring[i + 1].y - ring[i].y);
    return length;
}

Envelope shapeEnvelope(const FacilityShape& s)
{
    Envelope e;
    for (const auto& p : s.points) e.expand(p);
    for (const auto& line : s.lines)
        for (const auto& p : line) e.expand(p);
    for (const auto& poly : s.polygons)
        for (const auto& ring : poly.rings)
            for (const auto& p : ring) e.expand(p);
    return e;
}

// A uniform grid over an extent, at most 2^22 cells (the cell grows to fit).
class Grid {
public:
    Grid(const Envelope& extent, double cell) : m_extent(extent), m_cell(cell)
    {
        const auto along = [&](double length) { return static_cast<std::int64_t>(std::ceil(length / m_cell)) + 1; };
        while (along(extent.maxX - extent.minX) * along(extent.maxY - extent.minY) > (std::int64_t{1} << 22))
            m_cell *= 2;
        m_nx = along(extent.maxX - extent.minX);
        m_ny = along(extent.maxY - extent.minY);
    }
    [[nodiscard]] std::size_t cells() const { return static_cast<std::size_t>(m_nx * m_ny); }
    [[nodiscard]] double cellSize() const { return m_cell; }
    [[nodiscard]] bool contains(const PointRd& p) const
    {
        return p.x >= m_extent.minX && p.x <= m_extent.maxX && p.y >= m_extent.minY && p.y <= m_extent.maxY;
    }
    [[nodiscard]] std::int64_t column(double x) const
    {
        return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor((x - m_extent.minX) / m_cell)), 0,
                                        m_nx - 1);
    }
    [[nodiscard]] std::int64_t row(double y) const
    {
        return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor((y - m_extent.minY) / m_cell)), 0,
                                        m_ny - 1);
    }
    [[nodiscard]] std::size_t index(std::int64_t x, std::int64_t y) const
    {
        return static_cast<std::size_t>(y * m_nx + x);
    }
    [[nodiscard]] PointRd centre(std::int64_t x, std::int64_t y) const
    {
        return {m_extent.minX + (static_cast<double>(x) + 0.5) * m_cell,
                m_extent.minY + (static_cast<double>(y) + 0.5) * m_cell};
    }

private:
    Envelope m_extent;
    double m_cell;
    std::int64_t m_nx = 1, m_ny = 1;
};

} // namespace

double distanceToFacility(const FacilityShape& shape, const PointRd& p)
{
    double best = std::numeric_limits<double>::infinity();
    for (const auto& q : shape.points) best = std::min(best, (q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y));
    for (const auto& line : shape.lines) {
        if (line.size() == 1) best = std::min(best, segmentDistanceSquared(p, line[0], line[0]));
        for (std::size_t i = 0; i + 1 < line.size(); ++i)
            best = std::min(best, segmentDistanceSquared(p, line[i], line[i + 1]));
    }
    if (!shape.polygons.empty()) {
        if (containsPoint(shape.polygons, p)) return 0.0;
        for (const auto& poly : shape.polygons)
            for (const auto& ring : poly.rings)
                for (std::size_t i = 0; i + 1 < ring.size(); ++i)
                    best = std::min(best, segmentDistanceSquared(p, ring[i], ring[i + 1]));
    }
    return std::sqrt(best);
}

double facilityBufferArea(const FacilityShape& shape, double r)
{
    const double disc = std::numbers::pi * r * r;
    double area = disc * static_cast<double>(shape.points.size());
    for (const auto& line : shape.lines) area += ringLength(line) * 2.0 * r + disc;
    for (const auto& poly : shape.polygons) {
        if (poly.rings.empty()) continue;
        area += areaOf({poly}) + ringLength(poly.rings.front()) * r + disc;
    }
    return area;
}

FacilityCounts countAroundFacilities(const std::vector<FacilityShape>& facilities, std::span<const PointRd> points,
                                     std::span<const std::uint32_t> group, std::size_t groups,
                                     const FacilityCountOptions& o)
{
    if (!(o.radius > 0) || !std::isfinite(o.radius)) throw InputError("facilities: the radius must be > 0 metres");
    if (!(o.ringFactor > 1)) throw InputError("facilities: the ring factor must be > 1");
    if (group.size() != points.size()) throw InputError("facilities: one group per point is needed");
    const std::size_t n = facilities.size();
    FacilityCounts out;
    out.facilities = n;
    out.groups = groups;
    out.inRadius.assign(n * groups, 0);
    out.inRadiusAll.assign(n, 0);
    out.inRing.assign(n, 0);
    if (n == 0 || points.empty()) return out;

    const double reach = o.radius * o.ringFactor;
    std::vector<Envelope> boxes(n);
    Envelope all; // the facilities' envelopes + reach: no registration outside counts anywhere
    std::vector<bool> isPoint(n);
    for (std::size_t f = 0; f < n; ++f) {
        boxes[f] = shapeEnvelope(facilities[f]);
        isPoint[f] = facilities[f].points.size() == 1 && facilities[f].lines.empty() && facilities[f].polygons.empty();
        if (boxes[f].empty()) continue;
        all.expand(PointRd{boxes[f].minX - reach, boxes[f].minY - reach});
        all.expand(PointRd{boxes[f].maxX + reach, boxes[f].maxY + reach});
    }
    if (all.empty()) return out;
    unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, points.size() / 4096)));
    const auto parallel = [threads](auto&& work) {
        if (threads == 1) return work(0u);
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work, t);
        for (auto& th : pool) th.join();
    };

    // 1. Within the radius, per registration: a grid of radius-sized cells lists each facility in
    // every cell its envelope + radius touches, so a cell's list holds all candidates.
    const Grid facilityGrid(all, o.radius);
    std::vector<std::uint32_t> start(facilityGrid.cells() + 1, 0);
    const auto forCells = [&](std::size_t f, auto&& visit) {
        for (auto y = facilityGrid.row(boxes[f].minY - o.radius); y <= facilityGrid.row(boxes[f].maxY + o.radius); ++y)
            for (auto x = facilityGrid.column(boxes[f].minX - o.radius);
                 x <= facilityGrid.column(boxes[f].maxX + o.radius); ++x)
                visit(facilityGrid.index(x, y));
    };
    for (std::size_t f = 0; f < n; ++f)
        if (!boxes[f].empty()) forCells(f, [&](std::size_t c) { ++start[c + 1]; });
    for (std::size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
    std::vector<std::uint32_t> ids(start.back());
    {
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (std::size_t f = 0; f < n; ++f)
            if (!boxes[f].empty()) forCells(f, [&](std::size_t c) { ids[fill[c]++] = static_cast<std::uint32_t>(f); });
    }
    const double r2 = o.radius * o.radius;
    struct Partial {
        std::vector<std::uint64_t> inRadius, all;
        std::uint64_t nearAny = 0;
    };
    std::vector<Partial> partial(threads);
    parallel([&](unsigned t) {
        Partial& part = partial[t];
        part.inRadius.assign(n * groups, 0);
        part.all.assign(n, 0);
        const std::size_t begin = points.size() * t / threads, end = points.size() * (t + 1) / threads;
        for (std::size_t i = begin; i < end; ++i) {
            const PointRd& p = points[i];
            if (!facilityGrid.contains(p)) continue;
            const std::size_t c = facilityGrid.index(facilityGrid.column(p.x), facilityGrid.row(p.y));
            double nearest = std::numeric_limits<double>::infinity();
            std::uint32_t nearestId = 0;
            bool any = false;
            for (std::uint32_t k = start[c]; k < start[c + 1]; ++k) {
                const std::uint32_t f = ids[k];
                double d2;
                if (isPoint[f]) {
                    const PointRd& q = facilities[f].points.front();
                    d2 = (q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y);
                } else {
                    const Envelope& b = boxes[f];
                    const double gx = std::max({b.minX - p.x, 0.0, p.x - b.maxX}),
                                 gy = std::max({b.minY - p.y, 0.0, p.y - b.maxY});
                    if (gx * gx + gy * gy > r2) continue;
                    const double d = distanceToFacility(facilities[f], p);
                    d2 = d * d;
                }
                if (d2 > r2) continue;
                ++part.all[f];
                any = true;
                if (!o.nearestOnly)
                    ++part.inRadius[f * groups + group[i]];
                else if (d2 < nearest || (d2 == nearest && f < nearestId)) {
                    nearest = d2;
                    nearestId = f;
                }
            }
            if (any) {
                ++part.nearAny;
                if (o.nearestOnly) ++part.inRadius[nearestId * groups + group[i]];
            }
        }
    });
    for (const auto& part : partial) {
        for (std::size_t k = 0; k < part.inRadius.size(); ++k) out.inRadius[k] += part.inRadius[k];
        for (std::size_t f = 0; f < n; ++f) out.inRadiusAll[f] += part.all[f];
        out.nearAny += part.nearAny;
    }

    // 2. Within the reach (for the ring), per facility: the registrations binned into small cells;
    // a cell wholly within reach adds its count, one wholly beyond adds nothing, only the cells
    // the circle crosses are looked at point by point. Distance is 1-Lipschitz, so the cell's
    // centre distance +- half its diagonal bounds every point of it, for any shape.
    const Grid pointGrid(all, reach / 12.0);
    std::vector<std::uint32_t> pointStart(pointGrid.cells() + 1, 0);
    for (const auto& p : points)
        if (pointGrid.contains(p)) ++pointStart[pointGrid.index(pointGrid.column(p.x), pointGrid.row(p.y)) + 1];
    for (std::size_t c = 1; c < pointStart.size(); ++c) pointStart[c] += pointStart[c - 1];
    std::vector<PointRd> sorted(pointStart.back());
    {
        std::vector<std::uint32_t> fill(pointStart.begin(), pointStart.end() - 1);
        for (const auto& p : points)
            if (pointGrid.contains(p)) sorted[fill[pointGrid.index(pointGrid.column(p.x), pointGrid.row(p.y))]++] = p;
    }
    const double halfDiagonal = pointGrid.cellSize() * std::sqrt(0.5), reach2 = reach * reach;
    std::vector<std::uint64_t> withinReach(n, 0);
    parallel([&](unsigned t) {
        for (std::size_t f = t; f < n; f += threads) {
            if (boxes[f].empty()) continue;
            std::uint64_t count = 0;
            for (auto y = pointGrid.row(boxes[f].minY - reach); y <= pointGrid.row(boxes[f].maxY + reach); ++y)
                for (auto x = pointGrid.column(boxes[f].minX - reach); x <= pointGrid.column(boxes[f].maxX + reach);
                     ++x) {
                    const std::size_t c = pointGrid.index(x, y);
                    if (pointStart[c] == pointStart[c + 1]) continue;
                    const double d = distanceToFacility(facilities[f], pointGrid.centre(x, y));
                    if (d - halfDiagonal > reach) continue;
                    if (d + halfDiagonal <= reach) {
                        count += pointStart[c + 1] - pointStart[c];
                        continue;
                    }
                    for (std::uint32_t k = pointStart[c]; k < pointStart[c + 1]; ++k) {
                        const PointRd& p = sorted[k];
                        if (isPoint[f]) {
                            const PointRd& q = facilities[f].points.front();
                            count += (q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y) <= reach2;
                        } else {
                            count += distanceToFacility(facilities[f], p) <= reach;
                        }
                    }
                }
            withinReach[f] = count;
        }
    });
    for (std::size_t f = 0; f < n; ++f) out.inRing[f] = withinReach[f] - out.inRadiusAll[f];
    return out;
}

FacilityExcess facilityExcess(std::uint64_t inDisc, std::uint64_t inRing, double discArea, double ringArea)
{
    FacilityExcess e;
    if (!(discArea > 0) || !(ringArea > 0)) return e;
    e.expected = static_cast<double>(inRing) * discArea / ringArea;
    const std::uint64_t total = inDisc + inRing;
    if (inDisc == 0) return e; // P(X >= 0) = 1
    const double share = discArea / (discArea + ringArea);
    // The smaller side of the distribution, summed away from the mode with the ratio of
    // successive terms (pmf(k+1) / pmf(k) = (n-k)/(k+1) * p/(1-p)); stops once terms vanish.
    const double odds = share / (1.0 - share);
    const auto sumFrom = [&](std::uint64_t k, bool upward) {
        double term = binomialPmf(k, total, share), sum = 0;
        while (term > 0) {
            sum += term;
            if (term < sum * 1e-17) break;
            if (upward) {
                if (k == total) break;
                term *= static_cast<double>(total - k) / static_cast<double>(k + 1) * odds;
                ++k;
            } else {
                if (k == 0) break;
                term *= static_cast<double>(k) / static_cast<double>(total - k + 1) / odds;
                --k;
            }
        }
        return sum;
    };
    const double tail = static_cast<double>(inDisc) > share * static_cast<double>(total)
                            ? sumFrom(inDisc, true)
                            : 1.0 - sumFrom(inDisc - 1, false);
    e.p = std::clamp(tail, 0.0, 1.0);
    return e;
}

std::vector<ConcentrationPoint> concentrationCurve(std::span<const std::uint64_t> counts,
                                                   std::span<const double> shares)
{
    std::vector<std::uint64_t> sorted(counts.begin(), counts.end());
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    std::vector<std::uint64_t> cumulative(sorted.size() + 1, 0);
    for (std::size_t k = 0; k < sorted.size(); ++k) cumulative[k + 1] = cumulative[k] + sorted[k];
    const double sum = static_cast<double>(cumulative.back());
    std::vector<ConcentrationPoint> out;
    for (double s : shares) {
        ConcentrationPoint c;
        c.facilityShare = s;
        // The 1e-9 keeps 0.1 * 30 at 3, not 4.
        c.facilities =
            std::min(sorted.size(), static_cast<std::size_t>(std::ceil(s * static_cast<double>(sorted.size()) - 1e-9)));
        c.registrations = cumulative[c.facilities];
        c.registrationShare = sum > 0 ? static_cast<double>(c.registrations) / sum : 0.0;
        out.push_back(c);
    }
    return out;
}

} // namespace gebiedscan
