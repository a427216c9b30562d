#include "gebiedscan/core/optimized_hotspots.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/permutation_inference.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace gebiedscan {

namespace {

/// Convex hull (Andrew's monotone chain), counter-clockwise, not closed. Fewer than 3 vertices
/// when the points are collinear.
Ring convexHull(std::vector<PointRd> pts)
{
    std::sort(pts.begin(), pts.end(),
              [](const PointRd& a, const PointRd& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    pts.erase(std::unique(pts.begin(), pts.end(),
                          [](const PointRd& a, const PointRd& b) { return a.x == b.x && a.y == b.y; }),
              pts.end());
    if (pts.size() < 3) return pts;
    auto cross = [](const PointRd& o, const PointRd& a, const PointRd& b) {
        return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
    };
    Ring hull(2 * pts.size());
    std::size_t k = 0;
    for (const auto& p : pts) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) --k;
        hull[k++] = p;
    }
    for (std::size_t i = pts.size() - 1, t = k + 1; i-- > 0;) {
        while (k >= t && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0) --k;
        hull[k++] = pts[i];
    }
    hull.resize(k - 1);
    return hull;
}

double ringArea(const Ring& r)
{
    double a = 0.0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        const auto& p = r[i];
        const auto& q = r[(i + 1) % r.size()];
        a += p.x * q.y - q.x * p.y;
    }
    return std::fabs(a) / 2.0;
}

double niceCeil(double v)
{
    static const double steps[] = {1, 2, 2.5, 5, 10};
    double best = INFINITY;
    // Police grids use 125 m; allow it as a nice size as well.
    if (v <= 125.0 && v > 100.0) return 125.0;
    double scale = std::pow(10.0, std::floor(std::log10(std::max(v, 1e-9))));
    for (double s : steps)
        if (s * scale >= v - 1e-9) best = std::min(best, s * scale);
    return std::max(best, 1.0);
}

/// The profile over `bands` from the pairs within the largest: forEachPair(f) calls f(i, j, s)
/// for every ordered pair i != j, i ascending and each i's j ascending (so the sums are the same
/// whoever finds the pairs), s the first band that holds the pair.
template <class ForEachPair>
std::vector<AutocorrelationStep> profileOfPairs(std::span<const double> values, std::span<const double> bands,
                                                ForEachPair&& forEachPair)
{
    const std::size_t n = values.size(), steps = bands.size();
    std::vector<AutocorrelationStep> out(steps);
    if (n < 4 || steps == 0) return out;
    double mean = 0.0;
    for (double v : values) mean += v;
    mean /= static_cast<double>(n);
    std::vector<double> z(n);
    double zz = 0.0, z4 = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        z[i] = values[i] - mean;
        zz += z[i] * z[i];
        z4 += z[i] * z[i] * z[i] * z[i];
    }
    // Per step: ordered-pair count and sum z_i z_j of pairs first inside that band; per point and
    // step: neighbours first inside that band. Cumulative sums give each band's totals.
    std::vector<double> pairCount(steps, 0.0), zProduct(steps, 0.0);
    std::vector<std::uint32_t> firstIn(n * steps, 0);
    forEachPair([&](std::size_t i, std::uint32_t j, std::size_t s) {
        pairCount[s] += 1.0;
        zProduct[s] += z[i] * z[j];
        ++firstIn[i * steps + s];
    });
    std::vector<std::uint32_t> k(n, 0);
    double s0 = 0.0, zlz = 0.0;
    const double nAll = static_cast<double>(n);
    const double kurtosis = nAll * z4 / (zz * zz);
    for (std::size_t s = 0; s < steps; ++s) {
        s0 += pairCount[s];
        zlz += zProduct[s];
        double nonIsland = 0.0, s2 = 0.0, kSum = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            k[i] += firstIn[i * steps + s];
            if (k[i] > 0) nonIsland += 1.0;
            s2 += 4.0 * static_cast<double>(k[i]) * static_cast<double>(k[i]);
            kSum += k[i];
        }
        // Symmetric binary weights: S1 = 2 S0, S2 = sum (2 k_i)^2 (spdep spweights.constants).
        const double s1 = 2.0 * s0, nn = nonIsland * nonIsland, s02 = s0 * s0;
        AutocorrelationStep& st = out[s];
        st.band = bands[s];
        st.islands = n - static_cast<std::size_t>(nonIsland);
        st.meanNeighbours = kSum / nAll;
        if (s0 <= 0.0 || zz <= 0.0 || nonIsland < 4) continue;
        const double m = nonIsland, n1 = m - 1, n2 = m - 2, n3 = m - 3;
        st.moranI = (m / s0) * (zlz / zz);
        const double ei = -1.0 / n1;
        double vi = m * (s1 * (nn - 3 * m + 3) - m * s2 + 3 * s02);
        vi -= kurtosis * (s1 * (nn - m) - 2 * m * s2 + 6 * s02);
        vi = vi / (n1 * n2 * n3 * s02) - ei * ei;
        st.z = vi > 0.0 ? (st.moranI - ei) / std::sqrt(vi) : 0.0;
    }
    return out;
}

/// The kept cells' neighbours on the square lattice within the largest band, found by their
/// offsets (dx, dy) on the grid: no distances between points, no sorting. For each cell the
/// neighbours ascending (offsets in row-major order), each with the first band that holds it.
struct LatticeNeighbours {
    std::vector<std::size_t> offsets{0};
    std::vector<std::uint32_t> neighbour;
    std::vector<std::uint16_t> step;

    /// Binary weights of the neighbours within band `last` (no self): distanceBandWeights of the
    /// cell centres at bands[last].
    [[nodiscard]] SpatialWeights within(std::size_t last) const
    {
        std::vector<std::size_t> rows{0};
        std::vector<std::uint32_t> kept;
        rows.reserve(offsets.size());
        for (std::size_t i = 0; i + 1 < offsets.size(); ++i) {
            for (std::size_t t = offsets[i]; t < offsets[i + 1]; ++t)
                if (step[t] <= last) kept.push_back(neighbour[t]);
            rows.push_back(kept.size());
        }
        return SpatialWeights::fromSortedRows(std::move(rows), std::move(kept));
    }
};

LatticeNeighbours latticeNeighbours(const Grid& grid, std::span<const std::size_t> cells, std::span<const double> bands)
{
    if (bands.size() > 0xffff) throw InputError("hotspots: too many distance bands");
    const double size = grid.cellSize();
    const auto reach = static_cast<std::int64_t>(std::floor(bands.back() / size)) + 1;
    struct Offset {
        std::int64_t dx, dy;
        std::uint16_t step;
    };
    std::vector<Offset> around;
    for (std::int64_t dy = -reach; dy <= reach; ++dy)
        for (std::int64_t dx = -reach; dx <= reach; ++dx) {
            if (dx == 0 && dy == 0) continue;
            // The distance as between the centres (exact multiples of the size); the bands carry
            // a relative 1e-9 so a pair exactly at a band is in it either way.
            const double d = std::hypot(static_cast<double>(dx) * size, static_cast<double>(dy) * size);
            const auto s = static_cast<std::size_t>(std::lower_bound(bands.begin(), bands.end(), d) - bands.begin());
            if (s < bands.size()) around.push_back({dx, dy, static_cast<std::uint16_t>(s)});
        }
    std::vector<std::int32_t> kept(grid.cellCount(), -1);
    for (std::size_t k = 0; k < cells.size(); ++k) kept[cells[k]] = static_cast<std::int32_t>(k);
    LatticeNeighbours out;
    out.offsets.reserve(cells.size() + 1);
    const std::int64_t cols = grid.cols(), rows = grid.rows();
    for (const std::size_t cell : cells) {
        const auto row = static_cast<std::int64_t>(cell) / cols, col = static_cast<std::int64_t>(cell) % cols;
        for (const Offset& o : around) {
            const std::int64_t r = row + o.dy, c = col + o.dx;
            if (r < 0 || r >= rows || c < 0 || c >= cols) continue;
            const std::int32_t j = kept[static_cast<std::size_t>(r * cols + c)];
            if (j < 0) continue;
            out.neighbour.push_back(static_cast<std::uint32_t>(j));
            out.step.push_back(o.step);
        }
        out.offsets.push_back(out.neighbour.size());
    }
    return out;
}

} // namespace

std::vector<AutocorrelationStep> incrementalAutocorrelation(std::span<const PointRd> points,
                                                            std::span<const double> values,
                                                            std::span<const double> bands)
{
    if (points.size() != values.size()) throw InputError("incremental autocorrelation: sizes differ");
    if (!std::is_sorted(bands.begin(), bands.end()))
        throw InputError("incremental autocorrelation: bands must increase");
    if (points.size() < 4 || bands.empty()) return std::vector<AutocorrelationStep>(bands.size());
    const auto w = distanceBandWeights(points, bands.back());
    return profileOfPairs(values, bands, [&](const auto& f) {
        for (std::size_t i = 0; i < points.size(); ++i)
            for (std::uint32_t j : w.neighbours(i)) {
                const double d = std::hypot(points[j].x - points[i].x, points[j].y - points[i].y);
                const auto s = static_cast<std::size_t>(std::lower_bound(bands.begin(), bands.end(), d) - bands.begin());
                if (s < bands.size()) f(i, j, s);
            }
    });
}

std::optional<std::size_t> firstPeak(std::span<const AutocorrelationStep> profile)
{
    for (std::size_t s = 1; s + 1 < profile.size(); ++s)
        if (profile[s].z > profile[s - 1].z && profile[s].z >= profile[s + 1].z) return s;
    return std::nullopt;
}

OptimizedHotspotResult optimizedHotspots(std::span<const PointRd> incidents, const OptimizedHotspotOptions& options)
{
    OptimizedHotspotResult r;
    std::vector<PointRd> pts;
    pts.reserve(incidents.size());
    for (const auto& p : incidents) {
        if (std::isfinite(p.x) && std::isfinite(p.y))
            pts.push_back(p);
        else
            ++r.incidentsRejected;
    }
    r.incidents = pts.size();
    if (pts.size() < 2) throw InputError("hotspots: at least two incidents with coordinates needed");
    r.coincident = findCoincidentPoints(pts);
    const Ring hull = convexHull(pts);
    Envelope extent;
    for (const auto& p : pts) extent.expand(p);

    // Cell size from the spacing of distinct locations, bounded so the grid stays tractable.
    if (options.cellSize > 0.0) {
        r.cellSize = options.cellSize;
    } else {
        std::vector<PointRd> distinct = pts;
        std::sort(distinct.begin(), distinct.end(),
                  [](const PointRd& a, const PointRd& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
        distinct.erase(std::unique(distinct.begin(), distinct.end(),
                                   [](const PointRd& a, const PointRd& b) { return a.x == b.x && a.y == b.y; }),
                       distinct.end());
        double meanNn = 0.0;
        if (distinct.size() >= 2) {
            const auto d = nearestNeighbourDistances(distinct);
            for (double v : d) meanNn += v;
            meanNn /= static_cast<double>(d.size());
        }
        const double area = hull.size() >= 3 ? ringArea(hull) : extent.width() * extent.height();
        r.cellSize = niceCeil(std::max({2.0 * meanNn, std::sqrt(area / 50000.0), 1.0}));
        r.cellSizeAutomatic = true;
    }
    Envelope gridExtent = extent;
    r.grid.emplace(Grid::Shape::Square, r.cellSize, gridExtent);
    const Grid& grid = *r.grid;

    // Aggregate incidents to cells, then keep the cells inside the hull or holding incidents.
    std::unordered_map<std::size_t, double> countOf;
    for (const auto& p : pts) {
        const auto c = grid.cellOf(p);
        if (c >= 0) countOf[static_cast<std::size_t>(c)] += 1.0;
    }
    MultiPolygon hullPolygon;
    if (hull.size() >= 3) hullPolygon.push_back(Polygon{{hull}});
    for (std::size_t c = 0; c < grid.cellCount(); ++c) {
        const auto it = countOf.find(c);
        const bool inside = hull.size() < 3 || containsPoint(hullPolygon, grid.centre(c));
        if (it == countOf.end() && !inside) continue;
        r.cells.push_back(c);
        r.centres.push_back(grid.centre(c));
        r.counts.push_back(it == countOf.end() ? 0.0 : it->second);
        if (r.cells.size() > options.maxCells)
            throw InputError("hotspots: too many grid cells; choose a larger cell size");
    }
    if (r.cells.size() < 4) throw InputError("hotspots: fewer than 4 grid cells; choose a smaller cell size");

    // Incremental spatial autocorrelation over bands of 1, 1.5, 2, ... cells.
    std::vector<double> bands;
    for (std::size_t s = 0; s < std::max<std::size_t>(options.bandSteps, 1); ++s)
        bands.push_back(r.cellSize * (1.0 + 0.5 * static_cast<double>(s)) * (1.0 + 1e-9));
    const LatticeNeighbours lattice = latticeNeighbours(grid, r.cells, bands);
    r.profile = profileOfPairs(r.counts, bands, [&](const auto& f) {
        for (std::size_t i = 0; i + 1 < lattice.offsets.size(); ++i)
            for (std::size_t t = lattice.offsets[i]; t < lattice.offsets[i + 1]; ++t)
                f(i, lattice.neighbour[t], lattice.step[t]);
    });
    if (const auto peak = firstPeak(r.profile)) {
        r.band = r.profile[*peak].band;
        r.bandAtPeak = true;
        r.weights = lattice.within(*peak);
    } else {
        // No peak (z keeps rising or only falls): as ArcGIS, the mean distance at which a cell
        // reaches its 30th nearest neighbour (fewer when there are fewer cells).
        const std::size_t k = std::min<std::size_t>(30, r.centres.size() - 1);
        const auto knn = knnWeights(r.centres, k);
        double sum = 0.0;
        for (std::size_t i = 0; i < r.centres.size(); ++i) {
            double far = 0.0;
            for (std::uint32_t j : knn.neighbours(i))
                far = std::max(far, std::hypot(r.centres[j].x - r.centres[i].x, r.centres[j].y - r.centres[i].y));
            sum += far;
        }
        r.band = sum / static_cast<double>(r.centres.size());
        r.weights = distanceBandWeights(r.centres, r.band);
    }

    const SpatialWeights w = r.weights.withSelf();
    r.islands = w.islandCount();
    r.gi = localG(r.counts, w, options.alternative);
    if (options.permutations > 0) {
        PermutationOptions po;
        po.permutations = options.permutations;
        po.seed = options.seed;
        po.alternative = options.alternative;
        r.p = localGPermutation(r.counts, w, po).p;
    } else {
        r.p = r.gi.p;
    }
    r.classes = classifyHotspots(r.gi.z, r.p, w, options.correction, options.permutations > 0);
    return r;
}

} // namespace gebiedscan
