#include "grid_gi_star.hpp"

#include "gebiedscan/core/alternative.hpp"
#include "gebiedscan/core/hotspot_classes.hpp"

#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace gebiedscan::pipeline {

namespace {

// One unit's Gi* inputs: W_i (binary, with self) and the sum of x over itself and its neighbours.
struct Neighbourhood {
    double weight = 1.0;
    double sum = 0.0;
};

class SparseLattice {
public:
    SparseLattice(const GridCells& cells, const std::vector<double>& x) : m_cells(cells), m_x(x)
    {
        for (std::size_t u = 0; u < cells.cell.size(); ++u) {
            m_units[cells.cell[u]].push_back(u);
            if (cells.centreUnit[u]) m_materialisedCentre.insert(cells.cell[u]);
        }
    }

    // Whether the cell's own (centre) unit is implicit: in the region, without registrations.
    [[nodiscard]] bool implicitCentre(std::int64_t cell) const
    {
        return m_cells.inRegion[static_cast<std::size_t>(cell)] && !m_materialisedCentre.count(cell);
    }

    // Gi* inputs of a unit in `cell`: `self` is the base unit, or -1 for the implicit centre unit.
    [[nodiscard]] Neighbourhood of(std::int64_t cell, std::int64_t self) const
    {
        Neighbourhood n;
        if (self >= 0) n.sum = m_x[static_cast<std::size_t>(self)];
        const auto addCell = [&](std::int64_t c, bool own) {
            if (const auto it = m_units.find(c); it != m_units.end())
                for (const auto u : it->second)
                    if (static_cast<std::int64_t>(u) != self) {
                        n.weight += 1.0;
                        n.sum += m_x[u];
                    }
            if (implicitCentre(c) && !(own && self < 0)) n.weight += 1.0; // an empty cell: x = 0
        };
        addCell(cell, true);
        std::int64_t around[8];
        const std::size_t k = m_cells.grid.neighbours(static_cast<std::size_t>(cell), around);
        for (std::size_t i = 0; i < k; ++i) addCell(around[i], false);
        return n;
    }

    [[nodiscard]] const std::unordered_map<std::int64_t, std::vector<std::size_t>>& units() const { return m_units; }

private:
    const GridCells& m_cells;
    const std::vector<double>& m_x;
    std::unordered_map<std::int64_t, std::vector<std::size_t>> m_units; // lattice cell -> base units
    std::unordered_set<std::int64_t> m_materialisedCentre;
};

} // namespace

void applyGridGiStar(const GridCells& cells, const std::vector<double>& x, const LocalHotspotOptions& options,
                     LocalHotspots& h)
{
    if (options.permutations > 0 && options.permuteGi) return;
    const std::size_t units = x.size();
    std::size_t parts = 0; // units besides the cells' own: parts of cells across area boundaries
    for (std::size_t u = 0; u < units; ++u)
        if (!cells.centreUnit[u]) ++parts;
    const double n = static_cast<double>(cells.regionCells + parts);
    double sum = 0.0;
    for (double v : x) sum += v;
    const double mean = sum / n;
    double ss = (n - static_cast<double>(units)) * mean * mean; // the empty cells, x = 0
    for (double v : x) ss += (v - mean) * (v - mean);
    const double si2 = ss / n;

    const SparseLattice lattice(cells, x);
    struct Score {
        double z = 0.0, p = 1.0, variance = 0.0;
    };
    const auto score = [&](const Neighbourhood& nb) {
        // spdep localG with include.self, binary weights: sum of squared weights = W_i.
        const double vg = si2 * ((n * nb.weight - nb.weight * nb.weight) / (n - 1));
        Score s;
        s.variance = std::max(vg, 0.0);
        if (vg > 0.0 && std::isfinite(vg)) {
            s.z = (nb.sum - nb.weight * mean) / std::sqrt(vg);
            s.p = normalPValue(s.z, options.alternative);
        }
        return s;
    };

    // The base units first, then every implicit unit (for the correction's m); islands (W_i = 1:
    // only itself) are not tested.
    std::vector<double> z, p;
    std::vector<std::uint8_t> island;
    z.reserve(static_cast<std::size_t>(n));
    p.reserve(static_cast<std::size_t>(n));
    island.reserve(static_cast<std::size_t>(n));
    h.gi.islands = 0;
    for (std::size_t u = 0; u < units; ++u) {
        const Neighbourhood nb = lattice.of(cells.cell[u], static_cast<std::int64_t>(u));
        const Score s = score(nb);
        z.push_back(s.z);
        p.push_back(s.p);
        island.push_back(nb.weight == 1.0 ? 1 : 0);
        if (island.back()) ++h.gi.islands;
        h.gi.z[u] = s.z;
        h.gi.p[u] = s.p;
        const double others = sum; // Gi*: the denominator holds x_i too (spdep)
        if (others != 0.0) {
            h.gi.g[u] = nb.sum / others;
            h.gi.expectation[u] = nb.weight * mean / others;
            h.gi.variance[u] = s.variance / (others * others);
        }
    }
    if (options.correction != PValueCorrection::None) {
        // Empty cells next to a cell with registrations have their own sums; all others only
        // their number of neighbours in the region (at most 9 values of W_i).
        std::unordered_set<std::int64_t> near;
        std::int64_t around[8];
        for (const auto& [cell, list] : lattice.units()) {
            near.insert(cell);
            const std::size_t k = cells.grid.neighbours(static_cast<std::size_t>(cell), around);
            for (std::size_t i = 0; i < k; ++i) near.insert(around[i]);
        }
        std::unordered_map<int, Score> byWeight;
        for (std::size_t c = 0; c < cells.inRegion.size(); ++c) {
            const auto cell = static_cast<std::int64_t>(c);
            if (!lattice.implicitCentre(cell)) continue;
            Neighbourhood nb;
            if (near.count(cell)) {
                nb = lattice.of(cell, -1);
            } else {
                const std::size_t k = cells.grid.neighbours(c, around);
                for (std::size_t i = 0; i < k; ++i)
                    if (cells.inRegion[static_cast<std::size_t>(around[i])]) nb.weight += 1.0;
            }
            const auto key = static_cast<int>(nb.weight);
            const Score s = near.count(cell) ? score(nb) : byWeight.try_emplace(key, score(nb)).first->second;
            z.push_back(s.z);
            p.push_back(s.p);
            island.push_back(nb.weight == 1.0 ? 1 : 0);
        }
    }
    const std::vector<double> adjusted = adjustPValues(p, options.correction, island);
    const bool byZ = options.correction == PValueCorrection::None;
    h.giP.assign(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(units));
    h.giClass.pAdjusted.assign(adjusted.begin(), adjusted.begin() + static_cast<std::ptrdiff_t>(units));
    h.giClass.bins.assign(units, 0);
    for (std::size_t u = 0; u < units; ++u)
        if (!island[u]) h.giClass.bins[u] = byZ ? hotspotBinFromZ(z[u]) : hotspotBinFromP(adjusted[u], z[u]);
}

} // namespace gebiedscan::pipeline
