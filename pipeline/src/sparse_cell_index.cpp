#include "gebiedscan/pipeline/sparse_cell_index.hpp"

#include "gebiedscan/core/error.hpp"

#include <bit>

namespace gebiedscan::pipeline {

SparseCellIndex SparseCellIndex::sparse(std::size_t addresses)
{
    SparseCellIndex index;
    index.m_sparse = true;
    index.m_bits.assign((addresses + 63) / 64, 0);
    index.m_before.assign(index.m_bits.size(), 0);
    return index;
}

void SparseCellIndex::add(std::size_t address)
{
    if (!m_sparse) return;
    if (!m_addresses.empty() && address <= m_addresses.back())
        throw Error("sparse cell index: addresses out of order");
    if (m_addresses.size() >= std::numeric_limits<std::uint32_t>::max())
        throw Error("sparse cell index: more than 4 billion cells");
    const std::size_t word = address / 64;
    // Words after the last one added start with every cell so far before them.
    const std::size_t from = m_addresses.empty() ? 0 : m_addresses.back() / 64 + 1;
    for (std::size_t w = from; w <= word; ++w) m_before[w] = static_cast<std::uint32_t>(m_addresses.size());
    m_bits[word] |= std::uint64_t{1} << (address % 64);
    m_addresses.push_back(address);
}

std::size_t SparseCellIndex::cell(std::size_t address) const
{
    if (!m_sparse) return address;
    const std::size_t word = address / 64;
    const std::uint64_t bit = std::uint64_t{1} << (address % 64);
    if (word >= m_bits.size() || !(m_bits[word] & bit)) return kAbsent;
    return m_before[word] + static_cast<std::size_t>(std::popcount(m_bits[word] & (bit - 1)));
}

} // namespace gebiedscan::pipeline
