#include "gebiedscan/core/spatial_weights.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <stdexcept>
#include <limits>
#include <numeric>

namespace gebiedscan {

namespace {

struct Entry {
    std::uint32_t to;
    double w;
};

std::uint32_t checkedIndex(std::size_t j, std::size_t n)
{
    if (j >= n) throw InputError("spatial weights: neighbour index out of range");
    return static_cast<std::uint32_t>(j);
}

} // namespace

SpatialWeights SpatialWeights::fromNeighbourLists(const std::vector<std::vector<std::size_t>>& lists)
{
    const std::size_t n = lists.size();
    if (n > std::numeric_limits<std::uint32_t>::max()) throw InputError("spatial weights: more than 4 billion areas");
    SpatialWeights w;
    w.m_offsets.assign(1, 0);
    w.m_offsets.reserve(n + 1);
    std::vector<std::uint32_t> row;
    for (std::size_t i = 0; i < n; ++i) {
        row.clear();
        for (std::size_t j : lists[i])
            if (j != i) row.push_back(checkedIndex(j, n));
        std::sort(row.begin(), row.end());
        row.erase(std::unique(row.begin(), row.end()), row.end());
        w.m_neighbours.insert(w.m_neighbours.end(), row.begin(), row.end());
        w.m_offsets.push_back(w.m_neighbours.size());
    }
    w.m_weights.assign(w.m_neighbours.size(), 1.0);
    return w;
}

SpatialWeights SpatialWeights::fromSortedRows(std::vector<std::size_t> offsets, std::vector<std::uint32_t> neighbours)
{
    if (offsets.empty() || offsets.front() != 0 || offsets.back() != neighbours.size())
        throw std::logic_error("spatial weights: offsets do not frame the neighbours");
    const std::size_t n = offsets.size() - 1;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t t = offsets[i]; t < offsets[i + 1]; ++t)
            if (neighbours[t] >= n || neighbours[t] == i || (t > offsets[i] && neighbours[t] <= neighbours[t - 1]))
                throw std::logic_error("spatial weights: rows not ascending, or self or out of range");
    SpatialWeights w;
    w.m_offsets = std::move(offsets);
    w.m_neighbours = std::move(neighbours);
    w.m_weights.assign(w.m_neighbours.size(), 1.0);
    return w;
}

SpatialWeights SpatialWeights::fromTriplets(std::size_t n, std::span<const std::size_t> from,
                                            std::span<const std::size_t> to, std::span<const double> weights)
{
    if (from.size() != to.size() || from.size() != weights.size())
        throw InputError("spatial weights: triplet arrays differ in length");
    if (n > std::numeric_limits<std::uint32_t>::max()) throw InputError("spatial weights: more than 4 billion areas");
    // Counting sort by row, then sort within rows: O(nnz log k).
    std::vector<std::size_t> count(n + 1, 0);
    for (std::size_t e = 0; e < from.size(); ++e) {
        checkedIndex(from[e], n);
        checkedIndex(to[e], n);
        if (from[e] != to[e]) ++count[from[e] + 1];
    }
    std::partial_sum(count.begin(), count.end(), count.begin());
    std::vector<Entry> entries(count[n]);
    std::vector<std::size_t> fill(count.begin(), count.end() - 1);
    for (std::size_t e = 0; e < from.size(); ++e)
        if (from[e] != to[e]) entries[fill[from[e]]++] = {static_cast<std::uint32_t>(to[e]), weights[e]};
    SpatialWeights w;
    w.m_offsets.assign(1, 0);
    w.m_offsets.reserve(n + 1);
    w.m_neighbours.reserve(entries.size());
    w.m_weights.reserve(entries.size());
    for (std::size_t i = 0; i < n; ++i) {
        auto b = entries.begin() + static_cast<std::ptrdiff_t>(count[i]);
        auto e = entries.begin() + static_cast<std::ptrdiff_t>(count[i + 1]);
        std::sort(b, e, [](const Entry& a, const Entry& c) { return a.to < c.to; });
        for (auto it = b; it != e; ++it) {
            if (!w.m_neighbours.empty() && w.m_neighbours.size() > w.m_offsets[i] && w.m_neighbours.back() == it->to) {
                w.m_weights.back() += it->w;
            } else {
                w.m_neighbours.push_back(it->to);
                w.m_weights.push_back(it->w);
            }
        }
        w.m_offsets.push_back(w.m_neighbours.size());
    }
    return w;
}

std::size_t SpatialWeights::cardinality(std::size_t i) const
{
    const std::size_t k = m_offsets[i + 1] - m_offsets[i];
    if (!m_selfIncluded) return k;
    const auto row = neighbours(i);
    return std::binary_search(row.begin(), row.end(), static_cast<std::uint32_t>(i)) ? k - 1 : k;
}

std::size_t SpatialWeights::islandCount() const
{
    std::size_t c = 0;
    for (std::size_t i = 0; i < size(); ++i) c += isIsland(i) ? 1 : 0;
    return c;
}

std::vector<std::size_t> SpatialWeights::islands() const
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < size(); ++i)
        if (isIsland(i)) out.push_back(i);
    return out;
}

double SpatialWeights::weight(std::size_t j, std::size_t i) const
{
    const auto row = neighbours(j);
    const auto it = std::lower_bound(row.begin(), row.end(), static_cast<std::uint32_t>(i));
    if (it == row.end() || *it != i) return 0.0;
    return m_weights[m_offsets[j] + static_cast<std::size_t>(it - row.begin())];
}

bool SpatialWeights::isSymmetric() const
{
    for (std::size_t i = 0; i < size(); ++i) {
        const auto nb = neighbours(i);
        const auto wt = weights(i);
        for (std::size_t k = 0; k < nb.size(); ++k)
            if (weight(nb[k], i) != wt[k]) return false;
    }
    return true;
}

SpatialWeights SpatialWeights::withStyle(WeightStyle style) const
{
    SpatialWeights w = *this;
    w.m_style = style;
    for (std::size_t i = 0; i < size(); ++i) {
        const std::size_t b = m_offsets[i], e = m_offsets[i + 1];
        if (style == WeightStyle::Binary) {
            // Only a row-standardised matrix loses its general weights; a binary (or general)
            // matrix keeps them, so inverse-distance weights stay inverse-distance.
            if (m_style == WeightStyle::RowStandardised)
                std::fill(w.m_weights.begin() + static_cast<std::ptrdiff_t>(b),
                          w.m_weights.begin() + static_cast<std::ptrdiff_t>(e), 1.0);
        } else {
            double sum = 0.0;
            for (std::size_t k = b; k < e; ++k) sum += m_weights[k];
            if (sum != 0.0)
                for (std::size_t k = b; k < e; ++k) w.m_weights[k] = m_weights[k] / sum;
        }
    }
    return w;
}

SpatialWeights SpatialWeights::withSelf() const
{
    if (m_selfIncluded) return *this;
    SpatialWeights w;
    w.m_offsets.assign(1, 0);
    w.m_offsets.reserve(size() + 1);
    w.m_neighbours.reserve(m_neighbours.size() + size());
    for (std::size_t i = 0; i < size(); ++i) {
        const auto nb = neighbours(i);
        const auto self = static_cast<std::uint32_t>(i);
        auto pos = std::lower_bound(nb.begin(), nb.end(), self);
        w.m_neighbours.insert(w.m_neighbours.end(), nb.begin(), pos);
        w.m_neighbours.push_back(self);
        w.m_neighbours.insert(w.m_neighbours.end(), pos, nb.end());
        w.m_offsets.push_back(w.m_neighbours.size());
    }
    w.m_weights.assign(w.m_neighbours.size(), 1.0);
    w.m_selfIncluded = true;
    w.m_style = WeightStyle::Binary;
    return w;
}

std::vector<double> SpatialWeights::lag(std::span<const double> x) const
{
    if (x.size() != size()) throw InputError("spatial lag: value count differs from area count");
    std::vector<double> out(size(), 0.0);
    for (std::size_t i = 0; i < size(); ++i) {
        double s = 0.0;
        for (std::size_t k = m_offsets[i]; k < m_offsets[i + 1]; ++k) s += m_weights[k] * x[m_neighbours[k]];
        out[i] = s;
    }
    return out;
}

std::vector<double> SpatialWeights::rowSums() const
{
    std::vector<double> out(size(), 0.0);
    for (std::size_t i = 0; i < size(); ++i)
        for (std::size_t k = m_offsets[i]; k < m_offsets[i + 1]; ++k) out[i] += m_weights[k];
    return out;
}

WeightsConstants weightsConstants(const SpatialWeights& w)
{
    WeightsConstants c;
    const std::size_t n = w.size();
    std::vector<double> rowSum(n, 0.0), colSum(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        if (!w.isIsland(i)) c.n += 1.0;
        const auto nb = w.neighbours(i);
        const auto wt = w.weights(i);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            const double wij = wt[k];
            rowSum[i] += wij;
            colSum[nb[k]] += wij;
            c.s0 += wij;
            // spdep accumulates w_ij^2 + w_ij w_ji over all stored (i, j): that is
            // 1/2 sum (w_ij + w_ji)^2 when summed over both orders of every pair.
            c.s1 += wij * wij + wij * w.weight(nb[k], i);
        }
    }
    for (std::size_t i = 0; i < n; ++i) c.s2 += (rowSum[i] + colSum[i]) * (rowSum[i] + colSum[i]);
    return c;
}

} // namespace gebiedscan
