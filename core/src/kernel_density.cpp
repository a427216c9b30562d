#include "gebiedscan/core/kernel_density.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <mutex>
#include <numbers>
#include <string>
#include <utility>

#ifdef GEBIEDSCAN_HAVE_FFTW
#include <fftw3.h>
#endif

namespace gebiedscan {

namespace {

constexpr double kGaussianTruncation = 4.0; // support = 4 sigma
constexpr double kM2PerKm2 = 1e6;

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The kernel as a function of d^2 with the constants hoisted out of the inner loops.
struct KernelEval {
    KernelShape shape;
    double norm;     // per m^2
    double invR2;    // 1/r^2 (polynomial kernels) or 1/(2 sigma^2) (Gaussian)
    double support2; // squared support distance

    KernelEval(KernelShape k, double radius) : shape(k)
    {
        const double r2 = radius * radius;
        switch (k) {
        case KernelShape::Quartic:
            norm = 3.0 / (std::numbers::pi * r2);
            invR2 = 1.0 / r2;
            support2 = r2;
            break;
        case KernelShape::Epanechnikov:
            norm = 2.0 / (std::numbers::pi * r2);
            invR2 = 1.0 / r2;
            support2 = r2;
            break;
        case KernelShape::Uniform:
            norm = 1.0 / (std::numbers::pi * r2);
            invR2 = 1.0 / r2;
            support2 = r2;
            break;
        case KernelShape::Gaussian:
        default: {
            // Mass inside d < c*sigma of a 2-D normal is 1 - exp(-c^2/2); divide it out.
            const double inside = -std::expm1(-kGaussianTruncation * kGaussianTruncation / 2.0);
            norm = 1.0 / (2.0 * std::numbers::pi * r2 * inside);
            invR2 = 1.0 / (2.0 * r2);
            support2 = kGaussianTruncation * kGaussianTruncation * r2;
            break;
        }
        }
    }

    // Strictly inside the support only: the uniform and truncated Gaussian kernels jump there.
    [[nodiscard]] double operator()(double d2) const
    {
        if (!(d2 < support2)) return 0.0;
        switch (shape) {
        case KernelShape::Quartic: {
            const double u = 1.0 - d2 * invR2;
            return norm * u * u;
        }
        case KernelShape::Epanechnikov: return norm * (1.0 - d2 * invR2);
        case KernelShape::Uniform: return norm;
        case KernelShape::Gaussian:
        default: return norm * std::exp(-d2 * invR2);
        }
    }
};

// Cells (in whole cells) the support reaches from a cell centre.
std::int32_t stencilHalfWidth(double support, double cellSize)
{
    return static_cast<std::int32_t>(std::ceil(support / cellSize));
}

// The kernel sampled at cell-centre offsets (di, dj), (2R+1)^2 values, per m^2.
std::vector<double> makeStencil(const KernelEval& k, std::int32_t halfWidth, double cellSize)
{
    const std::int32_t w = 2 * halfWidth + 1;
    std::vector<double> s(static_cast<std::size_t>(w) * static_cast<std::size_t>(w));
    for (std::int32_t dj = -halfWidth; dj <= halfWidth; ++dj)
        for (std::int32_t di = -halfWidth; di <= halfWidth; ++di) {
            // Same arithmetic as the distance between two cell centres, so the binned result
            // equals a direct evaluation on binned points.
            const double dx = di * cellSize, dy = dj * cellSize;
            s[static_cast<std::size_t>((dj + halfWidth) * w + (di + halfWidth))] = k(dx * dx + dy * dy);
        }
    // Mass-preserving discretisation: scale the samples so that one event adds exactly its
    // weight to sum(density) * cell area. Point samples of the uniform and truncated Gaussian
    // kernels (which jump at the support) miss that by a few percent at radii of a few cells
    // (the lattice-points-in-a-circle problem); for the smooth kernels the factor is ~1.
    double sum = 0.0;
    for (double v : s) sum += v;
    if (sum > 0.0) {
        const double factor = 1.0 / (sum * cellSize * cellSize);
        for (double& v : s) v *= factor;
    }
    return s;
}

bool validPoint(const PointRd& p, double w)
{
    return std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(w);
}

double weightOf(std::span<const double> weights, std::size_t i)
{
    return weights.empty() ? 1.0 : weights[i];
}

// Per m^2 surface; returns the number of events that touched no cell centre.
void exactPath(std::span<const PointRd> points, std::span<const double> weights, const RasterGrid& g,
               const KernelEval& k, double support, KdeResult& out)
{
    const double c = g.cellSize;
    const double maxY = g.maxY();
    for (std::size_t i = 0; i < points.size(); ++i) {
        const PointRd p = points[i];
        const double w = weightOf(weights, i);
        if (!validPoint(p, w)) {
            ++out.skippedInvalid;
            continue;
        }
        out.totalWeight += w;
        // Columns whose centre minX + (col + 0.5) c lies within the support of p.x; the ±1 slack
        // is trimmed by the exact d^2 test below.
        const double fc0 = std::floor((p.x - support - g.minX) / c - 0.5);
        const double fc1 = std::ceil((p.x + support - g.minX) / c - 0.5);
        const double fr0 = std::floor((maxY - (p.y + support)) / c - 0.5);
        const double fr1 = std::ceil((maxY - (p.y - support)) / c - 0.5);
        if (fc1 < 0 || fr1 < 0 || fc0 >= g.nx || fr0 >= g.ny) {
            ++out.eventsOffGrid;
            continue;
        }
        const auto c0 = static_cast<std::int32_t>(std::max(fc0, 0.0));
        const auto c1 = static_cast<std::int32_t>(std::min(fc1, static_cast<double>(g.nx - 1)));
        const auto r0 = static_cast<std::int32_t>(std::max(fr0, 0.0));
        const auto r1 = static_cast<std::int32_t>(std::min(fr1, static_cast<double>(g.ny - 1)));
        bool touched = false;
        for (std::int32_t row = r0; row <= r1; ++row) {
            const double dy = g.centreY(row) - p.y;
            const double dy2 = dy * dy;
            if (!(dy2 < k.support2)) continue;
            double* line = out.density.data() + static_cast<std::size_t>(row) * g.nx;
            for (std::int32_t col = c0; col <= c1; ++col) {
                const double dx = g.centreX(col) - p.x;
                const double v = k(dx * dx + dy2);
                if (v != 0.0) {
                    line[col] += w * v;
                    touched = true;
                }
            }
        }
        if (!touched) ++out.eventsOffGrid;
    }
}

// Weights summed per cell of the grid extended by `halo` cells on each side
// ((nx + 2 halo) x (ny + 2 halo), row 0 north). Events outside the extended grid cannot reach a
// cell centre of the grid and are counted off-grid.
//
// Adding millions of events straight into a grid of megabytes is one cache miss per event. So
// the events are first distributed (counting sort) over horizontal bands of ~256 KB of cells,
// then each band is summed while it sits in cache: three sequential passes instead of one
// random one, several times faster from a million events on (see bench/kde_bench).
std::vector<double> binEvents(std::span<const PointRd> points, std::span<const double> weights, const RasterGrid& g,
                              std::int32_t halo, KdeResult& out, std::size_t& nonEmpty)
{
    const std::int64_t ex = g.nx + 2 * static_cast<std::int64_t>(halo);
    const std::int64_t ey = g.ny + 2 * static_cast<std::int64_t>(halo);
    std::vector<double> bins(static_cast<std::size_t>(ex * ey), 0.0);
    const double inv = 1.0 / g.cellSize;
    const double x0 = g.minX - halo * g.cellSize;
    const double yTop = g.maxY() + halo * g.cellSize;
    // Extended-grid cell of a valid event, or -1 outside it.
    auto cellOf = [&](const PointRd& p) -> std::int64_t {
        const double fc = std::floor((p.x - x0) * inv);
        const double fr = std::floor((yTop - p.y) * inv);
        if (fc < 0 || fr < 0 || fc >= static_cast<double>(ex) || fr >= static_cast<double>(ey)) return -1;
        return static_cast<std::int64_t>(fr) * ex + static_cast<std::int64_t>(fc);
    };

    const std::int64_t rowsPerBand = std::max<std::int64_t>(1, 32768 / ex);
    const std::int64_t bandCells = rowsPerBand * ex;
    const auto bandCount = static_cast<std::size_t>((ey + rowsPerBand - 1) / rowsPerBand);
    const bool banded = points.size() > bins.size() / 8 && bandCount > 1 && ex * ey < (std::int64_t{1} << 32);

    std::vector<std::size_t> bandStart(bandCount + 1, 0);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double w = weightOf(weights, i);
        if (!validPoint(points[i], w)) {
            ++out.skippedInvalid;
            continue;
        }
        out.totalWeight += w;
        const std::int64_t cell = cellOf(points[i]);
        if (cell < 0) {
            ++out.eventsOffGrid;
            continue;
        }
        if (banded)
            ++bandStart[static_cast<std::size_t>(cell / bandCells) + 1];
        else
            bins[static_cast<std::size_t>(cell)] += w;
    }
    if (banded) {
        for (std::size_t b = 0; b < bandCount; ++b) bandStart[b + 1] += bandStart[b];
        std::vector<std::size_t> next(bandStart.begin(), bandStart.end() - 1);
        std::vector<std::uint32_t> cells(bandStart.back());
        std::vector<double> cellWeights(weights.empty() ? 0 : bandStart.back());
        for (std::size_t i = 0; i < points.size(); ++i) {
            const double w = weightOf(weights, i);
            if (!validPoint(points[i], w)) continue;
            const std::int64_t cell = cellOf(points[i]);
            if (cell < 0) continue;
            const std::size_t slot = next[static_cast<std::size_t>(cell / bandCells)]++;
            cells[slot] = static_cast<std::uint32_t>(cell);
            if (!weights.empty()) cellWeights[slot] = w;
        }
        if (weights.empty())
            for (const std::uint32_t c : cells) bins[c] += 1.0;
        else
            for (std::size_t k = 0; k < cells.size(); ++k) bins[cells[k]] += cellWeights[k];
    }
    nonEmpty = static_cast<std::size_t>(std::count_if(bins.begin(), bins.end(), [](double v) { return v != 0.0; }));
    return bins;
}

void binnedDirect(const std::vector<double>& bins, const RasterGrid& g, std::int32_t halo,
                  const std::vector<double>& stencil, KdeResult& out)
{
    const std::int64_t ex = g.nx + 2 * static_cast<std::int64_t>(halo);
    const std::int64_t ey = g.ny + 2 * static_cast<std::int64_t>(halo);
    const std::int32_t w = 2 * halo + 1;
    for (std::int64_t br = 0; br < ey; ++br)
        for (std::int64_t bc = 0; bc < ex; ++bc) {
            const double b = bins[static_cast<std::size_t>(br * ex + bc)];
            if (b == 0.0) continue;
            // Bin (br, bc) sits at grid cell (br - halo, bc - halo).
            const std::int64_t row = br - halo, col = bc - halo;
            const std::int64_t r0 = std::max<std::int64_t>(row - halo, 0);
            const std::int64_t r1 = std::min<std::int64_t>(row + halo, g.ny - 1);
            const std::int64_t c0 = std::max<std::int64_t>(col - halo, 0);
            const std::int64_t c1 = std::min<std::int64_t>(col + halo, g.nx - 1);
            for (std::int64_t r = r0; r <= r1; ++r) {
                const double* s = stencil.data() + (r - row + halo) * w + (c0 - col + halo);
                double* line = out.density.data() + r * g.nx;
                for (std::int64_t cc = c0; cc <= c1; ++cc) line[cc] += b * s[cc - c0];
            }
        }
}

// Smallest n >= minimum of the form 2^a 3^b 5^c 7^d: sizes FFTW transforms fast.
std::int64_t goodFftSize(std::int64_t minimum)
{
    std::int64_t best = 1;
    while (best < minimum) best *= 2;
    for (std::int64_t p7 = 1; p7 < best; p7 *= 7)
        for (std::int64_t p5 = p7; p5 < best; p5 *= 5)
            for (std::int64_t p3 = p5; p3 < best; p3 *= 3) {
                std::int64_t n = p3;
                while (n < minimum) n *= 2;
                best = std::min(best, n);
            }
    return best;
}

#ifdef GEBIEDSCAN_HAVE_FFTW
// FFTW's planner is not thread-safe; execution of distinct plans is.
std::mutex g_fftwPlanMutex;

struct FftwFree {
    void operator()(void* p) const noexcept { fftw_free(p); }
};
struct FftwPlanDestroy {
    void operator()(fftw_plan_s* p) const noexcept
    {
        const std::lock_guard lock(g_fftwPlanMutex);
        fftw_destroy_plan(p);
    }
};
using PlanPtr = std::unique_ptr<fftw_plan_s, FftwPlanDestroy>;

void binnedFft(const std::vector<double>& bins, const RasterGrid& g, std::int32_t halo,
               const std::vector<double>& stencil, KdeResult& out)
{
    const std::int64_t ex = g.nx + 2 * static_cast<std::int64_t>(halo);
    const std::int64_t ey = g.ny + 2 * static_cast<std::int64_t>(halo);
    // Circular convolution of period >= the extended grid: an output cell of the grid only reads
    // bins within halo of it, all inside the extended grid, so nothing wraps into it.
    const std::int64_t px = goodFftSize(ex), py = goodFftSize(ey);
    const std::int64_t pxc = px / 2 + 1;
    const auto realSize = static_cast<std::size_t>(py * px);
    const auto complexSize = static_cast<std::size_t>(py * pxc);
    std::unique_ptr<double, FftwFree> a(fftw_alloc_real(realSize));
    std::unique_ptr<double, FftwFree> k(fftw_alloc_real(realSize));
    std::unique_ptr<fftw_complex, FftwFree> fa(fftw_alloc_complex(complexSize));
    std::unique_ptr<fftw_complex, FftwFree> fk(fftw_alloc_complex(complexSize));
    if (!a || !k || !fa || !fk) throw Error("kernel density: out of memory for the FFT buffers");

    PlanPtr forwardA, forwardK, backward;
    {
        const std::lock_guard lock(g_fftwPlanMutex);
        const int n0 = static_cast<int>(py), n1 = static_cast<int>(px);
        forwardA.reset(fftw_plan_dft_r2c_2d(n0, n1, a.get(), fa.get(), FFTW_ESTIMATE));
        forwardK.reset(fftw_plan_dft_r2c_2d(n0, n1, k.get(), fk.get(), FFTW_ESTIMATE));
        backward.reset(fftw_plan_dft_c2r_2d(n0, n1, fa.get(), a.get(), FFTW_ESTIMATE));
    }
    if (!forwardA || !forwardK || !backward) throw Error("kernel density: FFTW planning failed");

    std::fill(a.get(), a.get() + realSize, 0.0);
    for (std::int64_t r = 0; r < ey; ++r)
        std::copy(bins.begin() + r * ex, bins.begin() + (r + 1) * ex, a.get() + r * px);
    // Stencil centred on (0, 0) with negative offsets wrapped to the far end.
    std::fill(k.get(), k.get() + realSize, 0.0);
    const std::int32_t w = 2 * halo + 1;
    for (std::int32_t dj = -halo; dj <= halo; ++dj)
        for (std::int32_t di = -halo; di <= halo; ++di) {
            const std::int64_t r = (dj + py) % py, c = (di + px) % px;
            k.get()[r * px + c] = stencil[static_cast<std::size_t>((dj + halo) * w + (di + halo))];
        }
    fftw_execute(forwardA.get());
    fftw_execute(forwardK.get());
    const double scale = 1.0 / static_cast<double>(realSize);
    for (std::size_t i = 0; i < complexSize; ++i) {
        const double ar = fa.get()[i][0], ai = fa.get()[i][1];
        const double kr = fk.get()[i][0], ki = fk.get()[i][1];
        fa.get()[i][0] = (ar * kr - ai * ki) * scale;
        fa.get()[i][1] = (ar * ki + ai * kr) * scale;
    }
    fftw_execute(backward.get());

    // Round-off leaves values of the order 1e-16 * max where the surface is exactly zero; such
    // values (and any negative ones, impossible for non-negative weights) are not density.
    double maxAbs = 0.0;
    for (std::int64_t r = 0; r < g.ny; ++r)
        for (std::int64_t c = 0; c < g.nx; ++c)
            maxAbs = std::max(maxAbs, std::abs(a.get()[(r + halo) * px + (c + halo)]));
    const double floor = maxAbs * 1e-12;
    for (std::int64_t r = 0; r < g.ny; ++r) {
        const double* src = a.get() + (r + halo) * px + halo;
        double* dst = out.density.data() + r * g.nx;
        for (std::int64_t c = 0; c < g.nx; ++c) dst[c] = std::abs(src[c]) < floor ? 0.0 : src[c];
    }
}
#endif

} // namespace

std::string_view kernelName(KernelShape kernel)
{
    switch (kernel) {
    case KernelShape::Quartic: return "quartic";
    case KernelShape::Gaussian: return "gaussian";
    case KernelShape::Epanechnikov: return "epanechnikov";
    case KernelShape::Uniform: return "uniform";
    }
    return "?";
}

std::optional<KernelShape> parseKernelShape(std::string_view name)
{
    const std::string n = lower(name);
    if (n == "quartic" || n == "biweight") return KernelShape::Quartic;
    if (n == "gaussian" || n == "normal") return KernelShape::Gaussian;
    if (n == "epanechnikov") return KernelShape::Epanechnikov;
    if (n == "uniform" || n == "disc" || n == "disk") return KernelShape::Uniform;
    return std::nullopt;
}

std::string_view kdeMethodName(KdeMethod method)
{
    switch (method) {
    case KdeMethod::Auto: return "auto";
    case KdeMethod::Exact: return "exact";
    case KdeMethod::BinnedDirect: return "binned-direct";
    case KdeMethod::BinnedFft: return "binned-fft";
    }
    return "?";
}

double kernelSupport(KernelShape kernel, double radius)
{
    return kernel == KernelShape::Gaussian ? kGaussianTruncation * radius : radius;
}

double kernelValue(KernelShape kernel, double radius, double d2)
{
    return KernelEval(kernel, radius)(d2);
}

bool kdeHasFft()
{
#ifdef GEBIEDSCAN_HAVE_FFTW
    return true;
#else
    return false;
#endif
}

RasterGrid rasterGridCovering(const Envelope& extent, double cellSize, double margin, std::size_t maxCells)
{
    if (!(cellSize > 0.0) || !std::isfinite(cellSize)) throw InputError("raster cell size must be positive");
    if (extent.empty()) throw InputError("raster grid: empty extent (no events?)");
    if (!(margin >= 0.0)) margin = 0.0;
    RasterGrid g;
    g.cellSize = cellSize;
    g.minX = std::floor((extent.minX - margin) / cellSize) * cellSize;
    g.minY = std::floor((extent.minY - margin) / cellSize) * cellSize;
    const double maxX = std::ceil((extent.maxX + margin) / cellSize) * cellSize;
    const double maxY = std::ceil((extent.maxY + margin) / cellSize) * cellSize;
    const double nx = std::max(1.0, std::round((maxX - g.minX) / cellSize));
    const double ny = std::max(1.0, std::round((maxY - g.minY) / cellSize));
    if (nx * ny > static_cast<double>(maxCells) || nx > 2e9 || ny > 2e9)
        throw InputError("raster grid of " + std::to_string(static_cast<long long>(nx)) + " x " +
                         std::to_string(static_cast<long long>(ny)) + " cells is too large; choose a larger cell size");
    g.nx = static_cast<std::int32_t>(nx);
    g.ny = static_cast<std::int32_t>(ny);
    return g;
}

KdeResult kernelDensity(std::span<const PointRd> points, std::span<const double> weights, const RasterGrid& grid,
                        const KdeOptions& options)
{
    if (!(options.radius > 0.0) || !std::isfinite(options.radius))
        throw InputError("kernel density: the radius must be a positive number of metres");
    if (!weights.empty() && weights.size() != points.size())
        throw InputError("kernel density: one weight per event expected");
    if (grid.nx <= 0 || grid.ny <= 0 || !(grid.cellSize > 0.0)) throw InputError("kernel density: empty raster grid");

    KdeResult out;
    out.grid = grid;
    out.events = points.size();
    out.density.assign(grid.cellCount(), 0.0);

    const KernelEval k(options.kernel, options.radius);
    const double support = kernelSupport(options.kernel, options.radius);
    const std::int32_t halo = stencilHalfWidth(support, grid.cellSize);
    const double stencilCells = std::numbers::pi * (halo + 0.5) * (halo + 0.5);
    const auto n = static_cast<double>(points.size());

    KdeMethod method = options.method;
    if (method == KdeMethod::Auto)
        method = n * stencilCells <= options.exactBudget ? KdeMethod::Exact : KdeMethod::BinnedFft;
    if (method == KdeMethod::BinnedFft && !kdeHasFft()) method = KdeMethod::BinnedDirect;

    if (method == KdeMethod::Exact) {
        exactPath(points, weights, grid, k, support, out);
    } else {
        std::size_t nonEmpty = 0;
        const std::vector<double> bins = binEvents(points, weights, grid, halo, out, nonEmpty);
        const std::vector<double> stencil = makeStencil(k, halo, grid.cellSize);
        if (options.method == KdeMethod::Auto && method == KdeMethod::BinnedFft) {
            // Direct stamping costs one multiply-add per stencil cell per non-empty bin; the FFT
            // three transforms of ~P log2 P plus copies: about 5 P log2 P in the same units
            // (measured in bench/kde_bench).
            const double p = static_cast<double>(goodFftSize(grid.nx + 2 * halo)) *
                             static_cast<double>(goodFftSize(grid.ny + 2 * halo));
            const double direct = static_cast<double>(nonEmpty) * (2 * halo + 1) * (2 * halo + 1);
            const double fft = 5.0 * p * std::log2(p);
            if (direct < fft) method = KdeMethod::BinnedDirect;
        }
#ifdef GEBIEDSCAN_HAVE_FFTW
        if (method == KdeMethod::BinnedFft)
            binnedFft(bins, grid, halo, stencil, out);
        else
            binnedDirect(bins, grid, halo, stencil, out);
#else
        binnedDirect(bins, grid, halo, stencil, out);
#endif
    }
    out.method = method;
    for (double& v : out.density) v *= kM2PerKm2;
    return out;
}

BandwidthEstimate silvermanRadius(std::span<const PointRd> points, std::span<const double> weights)
{
    BandwidthEstimate est;
    const bool weighted = !weights.empty() && weights.size() == points.size();
    double sw = 0.0, sx = 0.0, sy = 0.0;
    std::size_t used = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double w = weighted ? weights[i] : 1.0;
        if (!validPoint(points[i], w) || !(w > 0.0)) continue;
        sw += w;
        sx += w * points[i].x;
        sy += w * points[i].y;
        ++used;
    }
    if (used < 2) return est;
    const double mx = sx / sw, my = sy / sw;
    double ss = 0.0;
    std::vector<std::pair<double, double>> dist; // (distance, weight)
    dist.reserve(used);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double w = weighted ? weights[i] : 1.0;
        if (!validPoint(points[i], w) || !(w > 0.0)) continue;
        const double dx = points[i].x - mx, dy = points[i].y - my;
        ss += w * (dx * dx + dy * dy);
        dist.emplace_back(std::sqrt(dx * dx + dy * dy), w);
    }
    est.standardDistance = std::sqrt(ss / sw);
    // Median (weighted: the smallest distance where the cumulative weight reaches half; for
    // unit weights and an even count the mean of the two middle values, as R's median).
    std::sort(dist.begin(), dist.end());
    if (!weighted) {
        const std::size_t m = dist.size();
        est.medianDistance = m % 2 == 1 ? dist[m / 2].first : 0.5 * (dist[m / 2 - 1].first + dist[m / 2].first);
    } else {
        double cum = 0.0;
        for (const auto& [d, w] : dist) {
            cum += w;
            if (cum >= 0.5 * sw) {
                est.medianDistance = d;
                break;
            }
        }
    }
    est.n = weighted ? sw : static_cast<double>(used);
    const double spread = std::min(est.standardDistance, std::sqrt(1.0 / std::numbers::ln2) * est.medianDistance);
    est.radius = 0.9 * spread * std::pow(est.n, -0.2);
    return est;
}

double defaultCellSize(const Envelope& extent)
{
    if (extent.empty()) return 1.0;
    const double raw = std::min(extent.width(), extent.height()) / 250.0;
    if (!(raw >= 1.0)) return 1.0;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    const double m = raw / p;
    const double nice = m >= 5.0 ? 5.0 : m >= 2.5 ? 2.5 : m >= 2.0 ? 2.0 : 1.0;
    return nice * p;
}

} // namespace gebiedscan
