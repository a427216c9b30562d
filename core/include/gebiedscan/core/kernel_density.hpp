#pragma once
#include "gebiedscan/core/geometry.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace gebiedscan {

/// The kernel of a kernel density surface. Every kernel is normalised so that it integrates to 1
/// over the plane: one event contributes exactly its weight to the integral of the surface.
///
/// With `r` the radius (bandwidth) in metres and `d` the distance from the event:
/// - Quartic (biweight, ArcGIS / QGIS "quartic"): 3/(pi r^2) (1 - d^2/r^2)^2 for d < r.
/// - Epanechnikov: 2/(pi r^2) (1 - d^2/r^2) for d < r.
/// - Uniform (a disc): 1/(pi r^2) for d < r.
/// - Gaussian: `r` is the standard deviation sigma (as spatstat's `sigma` and KernSmooth's
///   `bandwidth`), 1/(2 pi r^2) exp(-d^2/(2 r^2)), truncated at d < 4 r (the 2-D mass beyond
///   4 sigma is exp(-8) = 0.034 %) and renormalised by 1/(1 - exp(-8)) so it still integrates
///   to exactly 1.
enum class KernelShape { Quartic, Gaussian, Epanechnikov, Uniform };

/// "quartic", "gaussian", "epanechnikov", "uniform".
[[nodiscard]] std::string_view kernelName(KernelShape kernel);
/// Parses a kernel name (case-insensitive; "biweight" = quartic, "normal" = gaussian,
/// "disc"/"disk" = uniform). nullopt when unknown.
[[nodiscard]] std::optional<KernelShape> parseKernelShape(std::string_view name);

/// Distance in metres beyond which the kernel is zero: `radius`, or 4 * radius for Gaussian.
[[nodiscard]] double kernelSupport(KernelShape kernel, double radius);

/// Kernel value per square metre at distance^2 `d2` (m^2) from an event of weight 1.
[[nodiscard]] double kernelValue(KernelShape kernel, double radius, double d2);

/// A north-up raster grid in the working CRS (metres). Cell (col, row) covers
/// [minX + col*cellSize, minX + (col+1)*cellSize) x (maxY - (row+1)*cellSize, maxY - row*cellSize];
/// row 0 is the northernmost row (GeoTIFF order). Densities are evaluated at cell centres.
struct RasterGrid {
    double minX = 0.0;     ///< west edge, metres
    double minY = 0.0;     ///< south edge, metres
    double cellSize = 1.0; ///< square cells, metres
    std::int32_t nx = 0;   ///< columns
    std::int32_t ny = 0;   ///< rows

    [[nodiscard]] double maxX() const { return minX + cellSize * nx; }
    [[nodiscard]] double maxY() const { return minY + cellSize * ny; }
    [[nodiscard]] double centreX(std::int32_t col) const { return minX + (col + 0.5) * cellSize; }
    [[nodiscard]] double centreY(std::int32_t row) const { return maxY() - (row + 0.5) * cellSize; }
    [[nodiscard]] std::size_t cellCount() const { return static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny); }
    /// Cell area in km^2.
    [[nodiscard]] double cellAreaKm2() const { return cellSize * cellSize * 1e-6; }
};

/// The grid covering `extent` grown by `margin` metres on every side, with edges snapped outward
/// to multiples of `cellSize` (so grids of the same cell size line up, as CBS squares do).
/// Throws InputError when cellSize <= 0, the extent is empty, or the grid would exceed
/// `maxCells` cells (the message suggests a larger cell size).
[[nodiscard]] RasterGrid rasterGridCovering(const Envelope& extent, double cellSize, double margin,
                                            std::size_t maxCells = 50'000'000);

/// How the surface is computed.
enum class KdeMethod {
    Auto,         ///< Exact when affordable, else the cheaper binned path (see kernelDensity)
    Exact,        ///< each event's kernel evaluated at the true event position (stamping)
    BinnedDirect, ///< events binned to cell centres, then the kernel stencil stamped per cell
    BinnedFft     ///< events binned to cell centres, then convolved with the stencil by FFT
};

[[nodiscard]] std::string_view kdeMethodName(KdeMethod method);

struct KdeOptions {
    KernelShape kernel = KernelShape::Quartic;
    double radius = 0.0; ///< metres (sigma for Gaussian); must be > 0
    KdeMethod method = KdeMethod::Auto;
    /// Auto uses the exact path while (events x cells per kernel) stays below this budget:
    /// exact results for the data sizes of a wijk or a gemeente, binning only for big sets.
    double exactBudget = 5e7;
};

/// A density surface: `density[row * nx + col]` in events (or weight units) per km^2, row 0 north.
struct KdeResult {
    RasterGrid grid;
    std::vector<double> density;
    KdeMethod method = KdeMethod::Exact; ///< the path actually used
    double totalWeight = 0.0;            ///< sum of the weights of all events given
    std::size_t events = 0;              ///< events given
    /// Events farther than the kernel support from every cell centre: they add nothing to the
    /// grid (reported, not silently dropped). With a grid from rasterGridCovering and a margin
    /// of kernelSupport this is 0.
    std::size_t eventsOffGrid = 0;
    std::size_t skippedInvalid = 0; ///< events with a non-finite coordinate or weight
};

/// Kernel density of `points` (working-CRS metres) on `grid`. `weights` is empty (each event
/// counts 1) or holds one weight per point (e.g. number of victims; negative weights allowed).
///
/// Paths: Exact stamps each event's kernel onto the cells whose centre lies within the kernel
/// support (cost ~ events x cells per kernel). The binned paths first sum the weights per cell
/// of the grid extended by the support (moving each event to its cell centre, an error of at
/// most half a cell diagonal), then convolve with the kernel sampled at cell-centre offsets and
/// scaled so the samples sum to exactly 1 per event (mass-preserving; the factor is ~1 for
/// the smooth kernels, a few percent for uniform/Gaussian at radii of a few cells):
/// BinnedDirect stamps that stencil per non-empty cell; BinnedFft multiplies in the frequency
/// domain (FFTW; falls back to BinnedDirect when built without FFTW). Auto picks Exact while
/// events x stencil cells <= exactBudget, else whichever binned path is estimated cheaper.
/// Throws InputError when radius <= 0 or weights has the wrong length.
[[nodiscard]] KdeResult kernelDensity(std::span<const PointRd> points, std::span<const double> weights,
                                      const RasterGrid& grid, const KdeOptions& options);

/// True when this build has the FFTW path.
[[nodiscard]] bool kdeHasFft();

/// A radius from the spatial variant of Silverman's rule of thumb that ArcGIS Kernel Density
/// uses as its default search radius:
///   radius = 0.9 * min(SD, sqrt(1/ln 2) * Dm) * n^-0.2
/// with SD the standard distance and Dm the median distance of the events from their mean centre
/// (both weighted when weights are given) and n the number of events, or the sum of the
/// weights when weights are given (ArcGIS's population field). Metres.
struct BandwidthEstimate {
    double radius = 0.0;           ///< metres; 0 when undefined (fewer than 2 distinct points)
    double standardDistance = 0.0; ///< SD, metres
    double medianDistance = 0.0;   ///< Dm, metres
    double n = 0.0;                ///< count or weight sum used in n^-0.2
};

/// Silverman radius (see BandwidthEstimate). Non-finite points and non-positive weights are
/// ignored.
[[nodiscard]] BandwidthEstimate silvermanRadius(std::span<const PointRd> points, std::span<const double> weights = {});

/// The default cell size, as ArcGIS: the shorter side of `extent` divided by 250, then rounded
/// down to a round number (1, 2, 2.5 or 5 times a power of ten) so grids line up with CBS
/// squares; at least 1 m. Metres.
[[nodiscard]] double defaultCellSize(const Envelope& extent);

} // namespace gebiedscan
