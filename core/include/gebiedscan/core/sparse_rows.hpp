#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

namespace gebiedscan {

/// A table of rows (areas) by a fixed number of columns that keeps only the entries a row was
/// given, compressed row by row (CSR); every other entry reads as `zero`. A national grid has
/// hundreds of thousands of cells with one or two registrations among the hundreds of category x
/// period columns: dense, those zeros took gigabytes.
template <class T>
class SparseRows {
public:
    explicit SparseRows(std::size_t columns = 0, T zero = T{}) : m_columns(columns), m_zero(std::move(zero)) {}

    /// Appends the next row: (column, value) in increasing column order.
    void appendRow(const std::vector<std::pair<std::uint32_t, T>>& entries)
    {
        for (const auto& [column, value] : entries) {
            m_column.push_back(column);
            m_value.push_back(value);
        }
        m_start.push_back(m_column.size());
    }
    /// Frees the spare capacity once every row is in.
    void shrink()
    {
        m_start.shrink_to_fit();
        m_column.shrink_to_fit();
        m_value.shrink_to_fit();
    }

    [[nodiscard]] const T& at(std::size_t row, std::size_t column) const
    {
        const auto first = m_column.begin() + static_cast<std::ptrdiff_t>(m_start[row]);
        const auto last = m_column.begin() + static_cast<std::ptrdiff_t>(m_start[row + 1]);
        const auto it = std::lower_bound(first, last, static_cast<std::uint32_t>(column));
        return it != last && *it == column ? m_value[static_cast<std::size_t>(it - m_column.begin())] : m_zero;
    }
    /// Calls fn(column, value) for the stored entries of a row, in column order.
    template <class Fn>
    void forEach(std::size_t row, Fn&& fn) const
    {
        for (auto i = m_start[row]; i < m_start[row + 1]; ++i) fn(m_column[i], m_value[i]);
    }

    [[nodiscard]] std::size_t rows() const { return m_start.size() - 1; }
    [[nodiscard]] std::size_t columns() const { return m_columns; }
    [[nodiscard]] std::size_t stored() const { return m_column.size(); }

private:
    std::size_t m_columns;
    T m_zero;
    std::vector<std::size_t> m_start{0}; // row r holds entries m_start[r] .. m_start[r + 1]
    std::vector<std::uint32_t> m_column;
    std::vector<T> m_value;
};

} // namespace gebiedscan
