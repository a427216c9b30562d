#pragma once
// The protection table of a gebiedscan: every level x area x theme slot (themes, total, overig)
// and category x period as a cell, with the relations a reader of the outputs can use:
// - children = parent for every level, theme slot, category and period (the hierarchy);
// - the themes add up to the total (which counts the model's categories; overig stands apart);
// - the categories of a theme (and the unknown category of overig) add up to it.
// Primaries follow the model's thresholds (a theme's suppress_below, else the model's; categories
// take their theme's, total and overig the model's). After protect() it answers the same
// questions as core's SuppressionMask, so the writer can switch to it.
#include "gebiedscan/pipeline/protection_table.hpp"
#include "gebiedscan/pipeline/secondary_suppression.hpp"

#include "gebiedscan/core/scan_figures.hpp"

#include <cstdint>

namespace gebiedscan::pipeline {

class ScanProtection {
public:
    explicit ScanProtection(const ScanFigures& figures);

    /// Secondary suppression over all relations (see secondary_suppression.hpp).
    SuppressionReport protect(const SuppressionOptions& options = {});

    [[nodiscard]] ProtectionTable& table() { return m_table; }
    [[nodiscard]] const ProtectionTable& table() const { return m_table; }

    [[nodiscard]] std::size_t themeCell(std::size_t level, std::size_t area, std::size_t slot,
                                        std::size_t period) const;
    [[nodiscard]] std::size_t categoryCell(std::size_t level, std::size_t area, std::size_t category,
                                           std::size_t period) const;

    /// Hidden ("geheim") outside the police: primary or secondary.
    [[nodiscard]] bool theme(std::size_t level, std::size_t area, std::size_t slot, std::size_t period) const;
    [[nodiscard]] bool category(std::size_t level, std::size_t area, std::size_t category, std::size_t period) const;
    /// A theme slot's derived figures (expected, change, p, trend) use every period: hidden when
    /// any of its counts is.
    [[nodiscard]] bool anyPeriod(std::size_t level, std::size_t area, std::size_t slot) const;
    [[nodiscard]] std::uint64_t suppressedCells() const { return m_table.hiddenCount(); }

private:
    std::size_t m_slots, m_categories, m_periods;
    std::vector<std::size_t> m_themeBase, m_categoryBase; // per level
    ProtectionTable m_table;
};

} // namespace gebiedscan::pipeline
