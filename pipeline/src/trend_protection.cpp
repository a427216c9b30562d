#include "gebiedscan/pipeline/trend_protection.hpp"

#include <cmath>
#include <string>

namespace gebiedscan::pipeline {

TrendProtection::TrendProtection(const SpaceTimeCube& cube, int threshold) : m_steps(cube.steps())
{
    for (std::size_t i = 0; i < cube.locations(); ++i) {
        std::int64_t total = 0;
        std::vector<RelationTerm> sum;
        for (std::size_t t = 0; t < m_steps; ++t) {
            const auto n = static_cast<std::int64_t>(std::llround(cube.at(i, t)));
            total += n;
            sum.push_back({m_table.addCell(n, threshold,
                                           "locatie " + std::to_string(i + 1) + ", periode " + std::to_string(t + 1)),
                           1});
        }
        sum.push_back({m_table.addCell(total, threshold, "locatie " + std::to_string(i + 1) + ", alle perioden"), -1});
        m_table.addRelation(std::move(sum));
    }
}

SuppressionReport TrendProtection::protect()
{
    return suppressSecondary(m_table);
}

bool TrendProtection::count(std::size_t location, std::size_t step) const
{
    return m_table.cell(cell(location, step)).hidden();
}

bool TrendProtection::total(std::size_t location) const
{
    return m_table.cell(cell(location, m_steps)).hidden();
}

bool TrendProtection::anyHidden(std::size_t location) const
{
    for (std::size_t t = 0; t <= m_steps; ++t)
        if (m_table.cell(cell(location, t)).hidden()) return true;
    return false;
}

} // namespace gebiedscan::pipeline
