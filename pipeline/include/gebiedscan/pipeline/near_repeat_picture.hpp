#pragma once
// The near-repeat heat table: the Knox table as a picture, one cell per distance band (rows) and
// time band (columns), coloured by observed / expected, with the significant cells marked.
#include "gebiedscan/core/near_repeat.hpp"
#include "gebiedscan/pipeline/near_repeat_protection.hpp"

#include <cstdint>
#include <vector>

namespace gebiedscan::pipeline {

/// Pixels of a picture, 0xAARRGGBB, row-major, row 0 at the top.
struct Picture {
    int width = 0;
    int height = 0;
    std::vector<std::uint32_t> argb;
    [[nodiscard]] std::uint32_t at(int x, int y) const { return argb[static_cast<std::size_t>(y) * width + x]; }
};

/// The heat table and where its cells are: cell (d, t) covers x in [cellX0 + t cellW, + cellW),
/// y in [cellY0 + d cellH, + cellH).
struct HeatTablePicture : Picture {
    int cellX0 = 0, cellY0 = 0, cellW = 0, cellH = 0;
};

/// Cell colour for a ratio observed / expected: white at 1, towards red above (full at 2 and
/// more, and when only expected is 0), towards blue below (full at 0); light grey when both are 0.
[[nodiscard]] std::uint32_t nearRepeatRatioColour(double ratio, bool bothZero);

/// The heat table with Dutch labels: title, "afstand (m)" rows (dezelfde plek, [0, d1), ...),
/// "dagen ertussen" columns, the ratio in each cell (decimal comma) and, for a raised cell
/// (p <= alpha and ratio >= minimumRatio, as the summary), a '*' and a black frame; a legend below.
/// With `protection`, a cell whose count or expected is hidden is grey and reads "geheim".
[[nodiscard]] HeatTablePicture nearRepeatHeatTable(const NearRepeatTable& table, double alpha, double minimumRatio,
                                                   const NearRepeatProtection* protection = nullptr);

} // namespace gebiedscan::pipeline
