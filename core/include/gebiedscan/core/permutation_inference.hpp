#pragma once
#include "gebiedscan/core/alternative.hpp"
#include "gebiedscan/core/spatial_weights.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace gebiedscan {

/// Settings of conditional permutation inference for local statistics.
struct PermutationOptions {
    std::size_t permutations = 999; ///< R, the number of random permutations per area
    std::uint64_t seed = 20090101;  ///< same seed, same p-values (independent of the thread count)
    Alternative alternative = Alternative::TwoSided;
    unsigned threads = 0; ///< 0 = all hardware threads
    /// Areas with the same null distribution (as many empty cells of a grid: the same own value,
    /// number of neighbours and one weight for all of them) share the draws of the first of them,
    /// so equal areas get equal p-values, and a grid of 37,000 cells needs 600 areas' draws. The
    /// first area of each group (every area that has no equal) keeps exactly its own p-values.
    bool shareDraws = false;
};

/// Pseudo p-values from conditional permutation.
///
/// For area i the value x_i stays in place and its k_i neighbours' values are replaced by k_i
/// values drawn without replacement from the other n - 1 areas, R times (Anselin 1995; GeoDa).
/// With M = number of permuted statistics at least as extreme as the observed one:
///   greater: p = (M_>= + 1) / (R + 1);  less: p = (M_<= + 1) / (R + 1);
///   two-sided: p = min(1, 2 (min(M_>=, M_<=) + 1) / (R + 1)).
/// Ties (equal within rounding) count as at least as extreme on both sides. Islands get p = 1.
/// Streaming: memory is O(n), not O(n R). Each area has its own random stream derived from
/// (seed, i), so results do not depend on the number of threads.
///
/// Note: spdep 1.2 `localmoran_perm` / `localG_perm` draw neighbours *with* replacement and, for
/// G*, also redraw the self value; their p-values therefore differ slightly from these.
struct PermutationResult {
    std::vector<double> p;              ///< pseudo p-value per area
    std::vector<std::uint32_t> extreme; ///< M per area (count on the side used for p)
    std::size_t permutations = 0;
};

/// Permutation inference for local Moran's I_i (weights without self, any style).
[[nodiscard]] PermutationResult localMoranPermutation(std::span<const double> x, const SpatialWeights& w,
                                                      const PermutationOptions& options = {});

/// Permutation inference for Getis-Ord Gi or Gi* (Gi* when w.selfIncluded(): x_i keeps its own
/// place in the sum, only the neighbours are permuted).
[[nodiscard]] PermutationResult localGPermutation(std::span<const double> x, const SpatialWeights& w,
                                                  const PermutationOptions& options = {});

/// Gi/Gi* and local Moran permutation p-values of one variable at once.
struct LocalPermutationPair {
    PermutationResult gi, moran;
};

/// Equal to {localGPermutation(x, wG, o), localMoranPermutation(x, wMoran, o)}, in about half the
/// time when both weights have the same neighbours (self aside, as w.withSelf() and
/// w.withStyle(RowStandardised) of one matrix): each area's draws depend only on the seed, the
/// area and its number of neighbours, so one set of draws serves both statistics.
[[nodiscard]] LocalPermutationPair localGAndMoranPermutation(std::span<const double> x, const SpatialWeights& wG,
                                                             const SpatialWeights& wMoran,
                                                             const PermutationOptions& options = {});

/// Equal to localMoranPermutation(x, w, o) for every x of `xs` (one weights matrix), for little
/// more than the price of one: the draws are shared as in localGAndMoranPermutation. A scan's
/// themes on one level's contiguity.
[[nodiscard]] std::vector<PermutationResult> localMoranPermutations(std::span<const std::vector<double>> xs,
                                                                    const SpatialWeights& w,
                                                                    const PermutationOptions& options = {});

} // namespace gebiedscan
