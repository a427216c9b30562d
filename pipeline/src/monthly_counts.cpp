#include "gebiedscan/pipeline/monthly_counts.hpp"

#include <algorithm>

namespace gebiedscan::pipeline {

MonthlyCounts::MonthlyCounts(std::size_t keys, bool sparse)
{
    if (!sparse && keys > 0 && keys <= kDenseMax) m_dense.assign(keys, 0);
}

std::vector<MonthlyCount> MonthlyCounts::sorted()
{
    std::vector<MonthlyCount> out;
    if (!m_dense.empty()) {
        out.reserve(static_cast<std::size_t>(
            std::count_if(m_dense.begin(), m_dense.end(), [](std::uint32_t c) { return c > 0; })));
        for (std::size_t key = 0; key < m_dense.size(); ++key)
            if (m_dense[key] > 0) out.push_back({key, m_dense[key]});
        m_dense = {};
        return out;
    }
    out.reserve(m_sparse.size());
    for (const auto& [key, count] : m_sparse)
        if (count > 0) out.push_back({key, count});
    m_sparse = {};
    std::sort(out.begin(), out.end(), [](const MonthlyCount& a, const MonthlyCount& b) { return a.key < b.key; });
    return out;
}

} // namespace gebiedscan::pipeline
