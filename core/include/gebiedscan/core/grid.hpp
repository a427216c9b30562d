#pragma once
#include "gebiedscan/core/geometry.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace gebiedscan {

/// A regular grid of square or hexagonal cells over an extent, used as scan areas.
///
/// Squares are anchored at multiples of the cell size, as the CBS square statistics (100 m and
/// 500 m in RD New), and coded as CBS does: `E` + easting / 100 and `N` + northing / 100 of the
/// lower-left corner, four digits each (e.g. `E2345N5430`), prefixed with the size
/// (`500m_E2345N5430`); cells under 100 m in metres, six digits each (`50m_E234550N543020`), so
/// codes are unique at every size from 1 m. Hexagons are pointy-side-up with `cellSize` the distance across flats
/// (between the centres of neighbouring cells), anchored at the origin, coded `hex<size>_<q>_<r>`.
class Grid {
public:
    enum class Shape { Square, Hexagon };

    /// Cells covering `extent` (every point of the extent lies in exactly one cell).
    Grid(Shape shape, double cellSize, const Envelope& extent);

    [[nodiscard]] Shape shape() const { return m_shape; }
    [[nodiscard]] double cellSize() const { return m_size; }
    [[nodiscard]] std::size_t cellCount() const { return static_cast<std::size_t>(m_cols * m_rows); }
    [[nodiscard]] std::int64_t cols() const { return m_cols; }
    [[nodiscard]] std::int64_t rows() const { return m_rows; }

    /// Index of the cell containing p, or -1 outside the grid. Squares are half-open
    /// [x0, x0 + size) x [y0, y0 + size); hexagons take the nearest centre.
    [[nodiscard]] std::int64_t cellOf(const PointRd& p) const;

    [[nodiscard]] PointRd centre(std::size_t cell) const;
    [[nodiscard]] MultiPolygon polygon(std::size_t cell) const;
    [[nodiscard]] std::string code(std::size_t cell) const;

    /// The cells sharing an edge or a corner with `cell` inside the grid (queen contiguity of the
    /// lattice: up to 8 squares, up to 6 hexagons), written to `out`; returns how many.
    std::size_t neighbours(std::size_t cell, std::int64_t (&out)[8]) const;

private:
    Shape m_shape;
    double m_size;
    double m_originX = 0.0, m_originY = 0.0; // centre of cell (0,0) for hexagons; corner for squares
    std::int64_t m_col0 = 0, m_row0 = 0, m_cols = 0, m_rows = 0;
};

} // namespace gebiedscan
