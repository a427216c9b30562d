#pragma once
// The protection of a trends output outside the police (issue 13): the counts per location and
// period and the location's total over all periods as one ProtectionTable with the relation a
// reader can use (total = sum of the periods), small counts primary, secondaries by the same LP
// as the scan (secondary_suppression.hpp). No other sum is published: the trends files hold no
// total per period over the locations, so locations are independent of each other.
#include "gebiedscan/pipeline/protection_table.hpp"
#include "gebiedscan/pipeline/secondary_suppression.hpp"

#include "gebiedscan/core/emerging_hotspots.hpp"

namespace gebiedscan::pipeline {

class TrendProtection {
public:
    /// Counts 1..threshold-1 are primary, for every period and for the total.
    TrendProtection(const SpaceTimeCube& cube, int threshold);

    SuppressionReport protect();

    [[nodiscard]] bool count(std::size_t location, std::size_t step) const;
    [[nodiscard]] bool total(std::size_t location) const;
    /// Any count of the location hidden: its trend of the counts (Mann-Kendall) is hidden too.
    [[nodiscard]] bool anyHidden(std::size_t location) const;

    [[nodiscard]] const ProtectionTable& table() const { return m_table; }

private:
    [[nodiscard]] std::size_t cell(std::size_t location, std::size_t step) const
    {
        return location * (m_steps + 1) + step;
    }

    std::size_t m_steps;
    ProtectionTable m_table; // per location: its steps, then its total
};

} // namespace gebiedscan::pipeline
