#pragma once
// Registrations per (area, theme slot, month) for the emerging-hotspot trends, counted while the
// incidents stream by and then kept as the sorted list of the non-zero counts.
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace gebiedscan::pipeline {

/// One non-zero monthly count; key (area * slots + slot) * months + month.
struct MonthlyCount {
    std::uint64_t key = 0;
    std::uint32_t count = 0;

    bool operator==(const MonthlyCount&) const = default;
};

/// Counts by key in a dense array while the key space is small (areas: one increment per
/// registration, no hash lookup), else in a hash map (a fine grid, where most keys stay zero).
/// sorted() gives the non-zero ones by key: 16 bytes each, a third of a hash map's node.
class MonthlyCounts {
public:
    /// Dense up to this many keys (32 MiB).
    static constexpr std::size_t kDenseMax = std::size_t{1} << 23;

    /// `keys`: the size of the key space (areas x slots x months); `sparse` forces the hash map.
    explicit MonthlyCounts(std::size_t keys, bool sparse = false);

    void add(std::uint64_t key, std::uint32_t count = 1)
    {
        if (m_dense.empty())
            m_sparse[key] += count;
        else
            m_dense[key] += count;
    }

    /// The non-zero counts in key order; the counter is empty afterwards.
    [[nodiscard]] std::vector<MonthlyCount> sorted();

private:
    std::vector<std::uint32_t> m_dense;
    std::unordered_map<std::uint64_t, std::uint32_t> m_sparse;
};

} // namespace gebiedscan::pipeline
