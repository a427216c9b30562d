#pragma once
// Which addresses of a dense address space hold a cell, and the cell's number among them: a bit
// per address and a running count per 64 addresses (rank), the addresses in order (select).
// A national 100 m grid scan has about 150 million addresses (areas x themes and categories x
// periods), of which a few percent are counts other than zero.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace gebiedscan::pipeline {

class SparseCellIndex {
public:
    static constexpr std::size_t kAbsent = std::numeric_limits<std::size_t>::max();

    /// Every address present, cell = address: no memory per address.
    static SparseCellIndex dense() { return SparseCellIndex(); }
    /// No address present yet; add() them in increasing order.
    static SparseCellIndex sparse(std::size_t addresses);

    [[nodiscard]] bool isSparse() const { return m_sparse; }
    /// Marks `address` present as the next cell; addresses must come in increasing order.
    void add(std::size_t address);
    /// The cell at `address`, or kAbsent.
    [[nodiscard]] std::size_t cell(std::size_t address) const;
    /// The address of `cell`.
    [[nodiscard]] std::size_t address(std::size_t cell) const { return m_sparse ? m_addresses[cell] : cell; }

private:
    SparseCellIndex() = default;

    bool m_sparse = false;
    std::vector<std::uint64_t> m_bits;
    std::vector<std::uint32_t> m_before; // per word: cells at addresses before it
    std::vector<std::size_t> m_addresses;
};

} // namespace gebiedscan::pipeline
