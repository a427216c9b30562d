#pragma once
// Gi* of a sparse grid scan as a dense grid would give it (private to the pipeline).
#include "gebiedscan/pipeline/scan_result.hpp"

#include <vector>

namespace gebiedscan::pipeline {

/// Replaces the Gi* part of `h` (z, p, corrected p and class of every base unit) by Gi* over the
/// whole lattice of the region: every empty cell of the region is a unit with count 0, so it is a
/// neighbour (queen contiguity of the lattice; units within one cell neighbour each other) and
/// counts in the mean, the variance and the false discovery rate's m. The units of `x` are the
/// cells with registrations (cells.cell). Analytic p-values only (permutations would need the
/// empty cells materialised): with `options.permuteGi` nothing is changed.
void applyGridGiStar(const GridCells& cells, const std::vector<double>& x, const LocalHotspotOptions& options,
                     LocalHotspots& h);

} // namespace gebiedscan::pipeline
