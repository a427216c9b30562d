#pragma once
#include "gebiedscan/core/alternative.hpp"
#include "gebiedscan/core/geometry.hpp"
#include "gebiedscan/core/grid.hpp"
#include "gebiedscan/core/hotspot_classes.hpp"
#include "gebiedscan/core/local_statistics.hpp"
#include "gebiedscan/core/multiple_testing.hpp"
#include "gebiedscan/core/point_weights.hpp"

#include <optional>
#include <span>
#include <vector>

namespace gebiedscan {

/// Settings of the automatic point hotspot analysis (the idea of ArcGIS "Optimized Hot Spot
/// Analysis": aggregate incidents to grid cells, choose the scale from the data, Gi* with FDR).
struct OptimizedHotspotOptions {
    double cellSize = 0.0;      ///< square cell size in metres; 0 = choose automatically
    std::size_t bandSteps = 15; ///< distance bands tried: cellSize * (1 + 0.5 s), s = 0 .. steps-1
    PValueCorrection correction = PValueCorrection::FalseDiscoveryRate;
    Alternative alternative = Alternative::TwoSided;
    std::size_t permutations = 0; ///< 0 = analytic p-values (as ArcGIS); else conditional permutation
    std::uint64_t seed = 20090101;
    std::size_t maxCells = 200000; ///< refuse (InputError) grids with more kept cells than this
};

/// One step of the incremental spatial autocorrelation profile.
struct AutocorrelationStep {
    double band = 0.0;           ///< distance band in metres
    double moranI = 0.0;         ///< global Moran's I, binary band weights
    double z = 0.0;              ///< its z under randomisation (spdep moran.test)
    double meanNeighbours = 0.0; ///< average number of neighbours per cell
    std::size_t islands = 0;     ///< cells without neighbours at this band
};

/// Result: the chosen scale (always reported), the cells, and Gi* per cell.
struct OptimizedHotspotResult {
    double cellSize = 0.0; ///< chosen or given cell size (m)
    bool cellSizeAutomatic = false;
    double band = 0.0;       ///< chosen distance band (m)
    bool bandAtPeak = false; ///< true: first peak of the profile; false: no peak, 30-neighbour fallback
    std::vector<AutocorrelationStep> profile;
    std::optional<Grid> grid;          ///< square grid, anchored at multiples of cellSize (CBS)
    std::vector<std::size_t> cells;    ///< grid cell index of each analysed cell
    std::vector<PointRd> centres;      ///< cell centres (RD New)
    std::vector<double> counts;        ///< incidents per cell
    std::size_t incidents = 0;         ///< incidents used (finite coordinates)
    std::size_t incidentsRejected = 0; ///< incidents with non-finite coordinates (counted, not used)
    CoincidenceReport coincident;      ///< coincident incidents (many at one address)
    SpatialWeights weights;            ///< binary band weights between the cell centres at `band`, no self
    LocalGResult gi;                   ///< Gi* per cell (binary band weights including self)
    std::vector<double> p;             ///< p per cell (analytic or permutation), before correction
    HotspotClassification classes;     ///< adjusted p and bins -3..3
    std::size_t islands = 0;           ///< cells without neighbours at the chosen band
};

/// Incremental spatial autocorrelation: global Moran's I (binary weights, randomisation moments,
/// islands as spdep zero.policy) of `values` at `points` for each band, in one pass over the pairs
/// within the largest band. Equal to globalMoran(values, distanceBandWeights(points, band)).
[[nodiscard]] std::vector<AutocorrelationStep> incrementalAutocorrelation(std::span<const PointRd> points,
                                                                          std::span<const double> values,
                                                                          std::span<const double> bands);

/// Index of the first local maximum of the z profile (z[s] > z[s-1] and z[s] >= z[s+1]);
/// nullopt when z only rises or only falls.
[[nodiscard]] std::optional<std::size_t> firstPeak(std::span<const AutocorrelationStep> profile);

/// The automatic analysis for incident points (RD New metres).
///
/// Cell size (when not given): twice the mean nearest-neighbour distance between distinct incident
/// locations, but at least sqrt(hull area / 50,000), rounded up to 10, 20, 25, 50, 100, 125, 200,
/// 250, 500 ... m. Cells: all cells whose centre lies in the convex hull of the incidents, plus
/// every cell holding an incident (zeros inside the hull matter; the empty land around does not).
/// Band: the first peak of incrementalAutocorrelation over the bands of the options; without a peak
/// (z only rises, as with strong broad trends) the mean distance from a cell to its 30th nearest
/// cell (ArcGIS's fallback), so that every cell has about 30 neighbours. Then Gi* (self included) with that band, p corrected (FDR by default), bins.
[[nodiscard]] OptimizedHotspotResult optimizedHotspots(std::span<const PointRd> incidents,
                                                       const OptimizedHotspotOptions& options = {});

} // namespace gebiedscan
