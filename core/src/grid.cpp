#include "gebiedscan/core/grid.hpp"

#include "gebiedscan/core/error.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace gebiedscan {

namespace {
const double kSqrt3 = std::sqrt(3.0);
constexpr double kMaxCells = 5.0e7; // the lattice bits and the locating of every cell centre
} // namespace

// Hexagon lattice: centres at x = size * (col + (row odd ? 0.5 : 0)), y = row * size * sqrt(3)/2
// (odd rows shifted right, "odd-r" offset coordinates), size = distance across flats.

Grid::Grid(Shape shape, double cellSize, const Envelope& extent) : m_shape(shape), m_size(cellSize)
{
    if (!(cellSize > 0.0)) throw InputError("grid cell size must be positive");
    if (extent.empty()) throw InputError("grid: empty extent");
    if (shape == Shape::Square) {
        m_col0 = static_cast<std::int64_t>(std::floor(extent.minX / cellSize));
        m_row0 = static_cast<std::int64_t>(std::floor(extent.minY / cellSize));
        m_cols = static_cast<std::int64_t>(std::floor(extent.maxX / cellSize)) - m_col0 + 1;
        m_rows = static_cast<std::int64_t>(std::floor(extent.maxY / cellSize)) - m_row0 + 1;
    } else {
        const double rowStep = cellSize * kSqrt3 / 2.0;
        // One cell of margin all round: a hexagon's reach beyond its centre is up to size/sqrt(3).
        m_row0 = static_cast<std::int64_t>(std::floor(extent.minY / rowStep)) - 1;
        m_col0 = static_cast<std::int64_t>(std::floor(extent.minX / cellSize)) - 1;
        m_rows = static_cast<std::int64_t>(std::ceil(extent.maxY / rowStep)) - m_row0 + 2;
        m_cols = static_cast<std::int64_t>(std::ceil(extent.maxX / cellSize)) - m_col0 + 2;
    }
    const double cells = static_cast<double>(m_cols) * static_cast<double>(m_rows);
    if (cells > kMaxCells) {
        char text[200];
        std::snprintf(text, sizeof text,
                      "het raster zou %lld x %lld = %.0f cellen hebben, meer dan %.0f; kies cellen van minstens %.0f m",
                      static_cast<long long>(m_cols), static_cast<long long>(m_rows), cells, kMaxCells,
                      std::ceil(cellSize * std::sqrt(cells / kMaxCells)));
        throw InputError(text);
    }
}

std::int64_t Grid::cellOf(const PointRd& p) const
{
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return -1;
    std::int64_t col = 0, row = 0;
    if (m_shape == Shape::Square) {
        col = static_cast<std::int64_t>(std::floor(p.x / m_size)) - m_col0;
        row = static_cast<std::int64_t>(std::floor(p.y / m_size)) - m_row0;
    } else {
        // Nearest lattice centre: check the candidate rows around p.
        const double rowStep = m_size * kSqrt3 / 2.0;
        const auto r0 = static_cast<std::int64_t>(std::floor(p.y / rowStep));
        double best = INFINITY;
        for (std::int64_t r = r0; r <= r0 + 1; ++r) {
            const double shift = (r & 1) ? 0.5 * m_size : 0.0;
            const auto c0 = static_cast<std::int64_t>(std::floor((p.x - shift) / m_size));
            for (std::int64_t c = c0; c <= c0 + 1; ++c) {
                const double dx = p.x - (static_cast<double>(c) * m_size + shift);
                const double dy = p.y - static_cast<double>(r) * rowStep;
                const double d = dx * dx + dy * dy;
                // Ties (points on a hexagon edge) go to the lower row, then the lower column.
                if (d < best) {
                    best = d;
                    col = c;
                    row = r;
                }
            }
        }
        col -= m_col0;
        row -= m_row0;
    }
    if (col < 0 || row < 0 || col >= m_cols || row >= m_rows) return -1;
    return row * m_cols + col;
}

PointRd Grid::centre(std::size_t cell) const
{
    const auto row = static_cast<std::int64_t>(cell) / m_cols + m_row0;
    const auto col = static_cast<std::int64_t>(cell) % m_cols + m_col0;
    if (m_shape == Shape::Square)
        return {(static_cast<double>(col) + 0.5) * m_size, (static_cast<double>(row) + 0.5) * m_size};
    const double shift = (row & 1) ? 0.5 * m_size : 0.0;
    return {static_cast<double>(col) * m_size + shift, static_cast<double>(row) * m_size * kSqrt3 / 2.0};
}

MultiPolygon Grid::polygon(std::size_t cell) const
{
    const PointRd c = centre(cell);
    Ring ring;
    if (m_shape == Shape::Square) {
        const double h = m_size / 2.0;
        ring = {{c.x - h, c.y - h}, {c.x + h, c.y - h}, {c.x + h, c.y + h}, {c.x - h, c.y + h}, {c.x - h, c.y - h}};
    } else {
        const double r = m_size / kSqrt3; // circumradius
        for (int k = 0; k < 6; ++k) {
            const double angle = (30.0 + 60.0 * k) * M_PI / 180.0; // pointy top
            ring.push_back({c.x + r * std::cos(angle), c.y + r * std::sin(angle)});
        }
        ring.push_back(ring.front());
    }
    return {Polygon{{ring}}};
}

std::size_t Grid::neighbours(std::size_t cell, std::int64_t (&out)[8]) const
{
    const auto row = static_cast<std::int64_t>(cell) / m_cols;
    const auto col = static_cast<std::int64_t>(cell) % m_cols;
    std::size_t count = 0;
    const auto add = [&](std::int64_t dc, std::int64_t dr) {
        const std::int64_t c = col + dc, r = row + dr;
        if (c >= 0 && r >= 0 && c < m_cols && r < m_rows) out[count++] = r * m_cols + c;
    };
    if (m_shape == Shape::Square) {
        for (std::int64_t dr = -1; dr <= 1; ++dr)
            for (std::int64_t dc = -1; dc <= 1; ++dc)
                if (dc != 0 || dr != 0) add(dc, dr);
        return count;
    }
    // Odd-r offsets: an odd row (absolute, as in centre()) is shifted half a cell to the right.
    const std::int64_t shift = ((row + m_row0) & 1) ? 0 : -1;
    add(-1, 0);
    add(1, 0);
    for (std::int64_t dr : {-1, 1}) {
        add(shift, dr);
        add(shift + 1, dr);
    }
    return count;
}

std::string Grid::code(std::size_t cell) const
{
    const auto row = static_cast<std::int64_t>(cell) / m_cols + m_row0;
    const auto col = static_cast<std::int64_t>(cell) % m_cols + m_col0;
    char buf[64];
    if (m_shape == Shape::Square) {
        // Hectometres as CBS from 100 m up; below that metres, so neighbouring cells (at least
        // 1 m apart) never share a code.
        const double unit = m_size >= 100.0 ? 100.0 : 1.0;
        const auto e = static_cast<long long>(std::llround(static_cast<double>(col) * m_size / unit));
        const auto n = static_cast<long long>(std::llround(static_cast<double>(row) * m_size / unit));
        if (unit == 100.0)
            std::snprintf(buf, sizeof buf, "%gm_E%04lldN%04lld", m_size, e, n);
        else
            std::snprintf(buf, sizeof buf, "%gm_E%06lldN%06lld", m_size, e, n);
    } else {
        std::snprintf(buf, sizeof buf, "hex%g_%lld_%lld", m_size, static_cast<long long>(col),
                      static_cast<long long>(row));
    }
    return buf;
}

} // namespace gebiedscan
