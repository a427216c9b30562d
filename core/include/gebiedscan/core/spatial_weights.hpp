#pragma once
#include "gebiedscan/core/geometry.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace gebiedscan {

/// How the weights of a row are scaled (spdep `nb2listw` styles "B" and "W").
enum class WeightStyle {
    Binary,          ///< w_ij = 1 for every neighbour (or the general weight as built, e.g. 1/d)
    RowStandardised, ///< each row divided by its sum, so a lag is a neighbour average
};

/// A spatial weights matrix W (n x n) stored as compressed sparse rows.
///
/// Row i lists the neighbours j of area i in increasing order with their weights w_ij. An area
/// without neighbours (an *island*) has an empty row; all statistics treat it explicitly (spdep's
/// `zero.policy = TRUE`), never producing NaN. The matrix need not be symmetric (k nearest
/// neighbours are not). Self-inclusion (w_ii, for Getis-Ord Gi*) is a flag of the matrix, set by
/// `withSelf()`, mirroring spdep's `include.self`.
class SpatialWeights {
public:
    SpatialWeights() = default;

    /// Binary weights from neighbour lists (0-based indices; duplicates and self-references are
    /// dropped, lists need not be sorted). The relation is taken as given: it is not symmetrised.
    static SpatialWeights fromNeighbourLists(const std::vector<std::vector<std::size_t>>& lists);

    /// Binary weights from rows already in CSR form: row i is neighbours[offsets[i] ..
    /// offsets[i + 1]), ascending, without i itself (checked). For neighbours found in order.
    static SpatialWeights fromSortedRows(std::vector<std::size_t> offsets, std::vector<std::uint32_t> neighbours);

    /// General weights from (from, to, weight) triplets over n areas; duplicates of a pair are
    /// summed, self pairs dropped.
    static SpatialWeights fromTriplets(std::size_t n, std::span<const std::size_t> from,
                                       std::span<const std::size_t> to, std::span<const double> weights);

    [[nodiscard]] std::size_t size() const { return m_offsets.empty() ? 0 : m_offsets.size() - 1; }
    [[nodiscard]] std::size_t nonZeroCount() const { return m_neighbours.size(); }

    /// Neighbours of i (ascending indices; includes i itself when selfIncluded()).
    [[nodiscard]] std::span<const std::uint32_t> neighbours(std::size_t i) const
    {
        return {m_neighbours.data() + m_offsets[i], m_offsets[i + 1] - m_offsets[i]};
    }
    /// Weights of row i, parallel to neighbours(i).
    [[nodiscard]] std::span<const double> weights(std::size_t i) const
    {
        return {m_weights.data() + m_offsets[i], m_offsets[i + 1] - m_offsets[i]};
    }
    /// Number of neighbours of i, not counting i itself.
    [[nodiscard]] std::size_t cardinality(std::size_t i) const;
    /// True when i has no neighbour other than itself.
    [[nodiscard]] bool isIsland(std::size_t i) const { return cardinality(i) == 0; }
    [[nodiscard]] std::size_t islandCount() const;
    [[nodiscard]] std::vector<std::size_t> islands() const;

    [[nodiscard]] bool selfIncluded() const { return m_selfIncluded; }
    [[nodiscard]] WeightStyle style() const { return m_style; }
    /// True when w_ij == w_ji for all pairs (exact comparison).
    [[nodiscard]] bool isSymmetric() const;

    /// A copy with each row scaled as `style` says. Row standardisation of an island row is a
    /// no-op (nothing to divide). Restyling a row-standardised matrix to Binary sets every weight to
    /// 1 (spdep rebuilds from the neighbour list the same way).
    [[nodiscard]] SpatialWeights withStyle(WeightStyle style) const;

    /// A binary copy with i added to its own neighbours (w_ii = 1, all other weights 1), as spdep
    /// `nb2listw(include.self(nb), style = "B")` for Getis-Ord Gi*. Islands keep only themselves.
    [[nodiscard]] SpatialWeights withSelf() const;

    /// The spatial lag W x: (W x)_i = sum_j w_ij x_j; 0 for an island.
    [[nodiscard]] std::vector<double> lag(std::span<const double> x) const;

    /// Row sums W_i = sum_j w_ij.
    [[nodiscard]] std::vector<double> rowSums() const;

    /// w_ji, or 0 when j does not list i (binary search in row j).
    [[nodiscard]] double weight(std::size_t j, std::size_t i) const;

private:
    std::vector<std::size_t> m_offsets{0};
    std::vector<std::uint32_t> m_neighbours;
    std::vector<double> m_weights;
    bool m_selfIncluded = false;
    WeightStyle m_style = WeightStyle::Binary;
};

/// Sums of a weights matrix used by the global statistics (spdep `spweights.constants`).
struct WeightsConstants {
    double n = 0;  ///< number of areas with at least one neighbour (spdep adjust.n = TRUE)
    double s0 = 0; ///< sum of all weights
    double s1 = 0; ///< 1/2 sum_ij (w_ij + w_ji)^2
    double s2 = 0; ///< sum_i (row sum_i + column sum_i)^2
};

/// Computes n, S0, S1, S2 as spdep does (islands excluded from n, self weights counted as any).
[[nodiscard]] WeightsConstants weightsConstants(const SpatialWeights& w);

} // namespace gebiedscan
