#pragma once
// Gi* hotspots and local Moran (LISA) for one variable and one weights matrix, with the inference
// and labels of core/: shared by `gebiedscan hotspots` and the gebiedscan's own outputs.
#include "gebiedscan/core/alternative.hpp"
#include "gebiedscan/core/global_autocorrelation.hpp"
#include "gebiedscan/core/hotspot_classes.hpp"
#include "gebiedscan/core/local_statistics.hpp"
#include "gebiedscan/core/multiple_testing.hpp"
#include "gebiedscan/core/spatial_weights.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace gebiedscan {

struct LocalHotspotOptions {
    std::size_t permutations = 999; ///< 0: analytic p-values only
    std::uint64_t seed = 20090101;
    Alternative alternative = Alternative::TwoSided;
    PValueCorrection correction = PValueCorrection::None;
    double alpha = 0.05; ///< LISA significance level (after correction)
    /// Gi* p-values by permutation (else analytic, normal, as ArcGIS's Hot Spot Analysis).
    bool permuteGi = true;
    /// Equal areas share their permutations (PermutationOptions::shareDraws): a grid's cells.
    bool shareDraws = false;
    /// Correction of the LISA p-values; nullopt: the same as `correction`.
    std::optional<PValueCorrection> lisaCorrection;
};

/// Gi* (binary weights with self) and LISA (row-standardised) with their inference.
struct LocalHotspots {
    LocalGResult gi;
    std::vector<double> giP;
    HotspotClassification giClass;
    LocalMoranResult lisa;
    std::vector<double> lisaP, lisaPAdj;
    GlobalTestResult moran; ///< global Moran's I, row-standardised, randomisation, greater
};

/// `w`: binary weights without self (contiguity, knn, band).
[[nodiscard]] LocalHotspots computeLocalHotspots(const std::vector<double>& x, const SpatialWeights& w,
                                                 const LocalHotspotOptions& options);

/// computeLocalHotspots of every x of `xs` on the one matrix `w`, handed to `sink` (index, result)
/// one at a time, so that only one whole result need be held. With LISA permutations only (Gi*
/// analytic, as a scan has it) all variables share one set of draws, for little more than the
/// price of one: the results are those of computeLocalHotspots all the same.
void computeLocalHotspotsEach(const std::vector<std::vector<double>>& xs, const SpatialWeights& w,
                              const LocalHotspotOptions& options,
                              const std::function<void(std::size_t, LocalHotspots&&)>& sink);

/// Whether area i is a significant LISA cluster or outlier (after correction); never an island.
[[nodiscard]] inline bool lisaSignificant(const LocalHotspots& r, const SpatialWeights& w, std::size_t i,
                                          const LocalHotspotOptions& options)
{
    return !w.isIsland(i) && r.lisaPAdj[i] <= options.alpha;
}

} // namespace gebiedscan
