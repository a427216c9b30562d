#pragma once
#include "gebiedscan/core/area_hierarchy.hpp"
#include "gebiedscan/core/scan_model.hpp"
#include "gebiedscan/core/sparse_rows.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace gebiedscan {

/// Registrations per base area x category x period. Category index `categories` (one past the
/// model's last) is "overig": records whose category the model does not know. Only the non-zero
/// counts are kept, per area in column order (column = category * periods + period): a national
/// grid's cells hold one or two registrations among hundreds of columns.
class ScanCounts {
public:
    ScanCounts(std::size_t areas, std::size_t modelCategories, std::size_t periods);

    void add(std::size_t area, std::size_t category, std::size_t period, std::uint64_t n = 1);
    [[nodiscard]] std::uint64_t at(std::size_t area, std::size_t category, std::size_t period) const;
    void merge(const ScanCounts& other);
    /// Grows (or shrinks) the number of areas; new areas start at zero. Grid scans add cells as
    /// incidents reach them.
    void resizeAreas(std::size_t areas);
    /// Calls fn(column, count) for the stored counts of an area, in column order.
    template <class Fn>
    void forEach(std::size_t area, Fn&& fn) const
    {
        for (const auto& [column, n] : m_rows[area]) fn(column, n);
    }

    [[nodiscard]] std::size_t areas() const { return m_rows.size(); }
    /// The non-zero counts kept over all areas (what the memory of a grid scan grows with).
    [[nodiscard]] std::size_t stored() const;
    [[nodiscard]] std::size_t categories() const { return m_categories; } ///< including overig
    [[nodiscard]] std::size_t periods() const { return m_periods; }

private:
    std::size_t m_categories, m_periods;
    std::vector<std::vector<std::pair<std::uint32_t, std::uint64_t>>> m_rows; // per area: (column, count)
};

/// Direction of a significant change against the reference periods.
enum class ChangeFlag { None, Rise, Fall };

/// Current period against the reference periods for one area and theme.
struct ChangeFigure {
    double expected = 0.0;           ///< reference count scaled to the current period's length
    std::optional<double> changePct; ///< (current - expected) / expected * 100; none if expected 0
    double pValue = 1.0;             ///< exact conditional Poisson test, two-sided
    ChangeFlag flag = ChangeFlag::None;
};

/// All gebiedscan figures per level, area and theme slot. Theme slots are the model's themes,
/// then `totalSlot()` (every registration: the themes plus overig) and `overigSlot()` (unknown
/// categories).
class ScanFigures {
public:
    ScanFigures(const ScanModel& model, const AreaHierarchy& areas, const ScanCounts& counts);

    [[nodiscard]] std::size_t themeSlots() const { return m_slots; }
    [[nodiscard]] std::size_t totalSlot() const { return m_slots - 2; }
    [[nodiscard]] std::size_t overigSlot() const { return m_slots - 1; }
    [[nodiscard]] std::size_t categorySlots() const { return m_categories; } ///< incl. overig
    [[nodiscard]] std::size_t periods() const { return m_periods; }
    [[nodiscard]] std::size_t currentPeriod() const { return m_current; }
    [[nodiscard]] const AreaHierarchy& hierarchy() const { return m_areas; }
    [[nodiscard]] const ScanModel& model() const { return m_model; }

    [[nodiscard]] std::uint64_t themeCount(std::size_t level, std::size_t area, std::size_t slot,
                                           std::size_t period) const;
    [[nodiscard]] std::uint64_t categoryCount(std::size_t level, std::size_t area, std::size_t category,
                                              std::size_t period) const;
    /// Sum over the reference periods.
    [[nodiscard]] std::uint64_t referenceCount(std::size_t level, std::size_t area, std::size_t slot) const;
    /// True when there is a reference period holding at least one registration; without, no
    /// change is computed ("geen referentie": expected 0, p 1, no flag).
    [[nodiscard]] bool hasReference() const { return m_hasReference; }
    /// Reference periods without a registration in any area: left out of the reference (their
    /// days are not counted), because the data do not cover them.
    [[nodiscard]] const std::vector<std::size_t>& emptyReferencePeriods() const { return m_emptyReferencePeriods; }
    [[nodiscard]] const ChangeFigure& change(std::size_t level, std::size_t area, std::size_t slot) const;
    /// Current-period count per 1,000 inhabitants; none when the population is unknown or 0.
    [[nodiscard]] std::optional<double> ratePer1000(std::size_t level, std::size_t area, std::size_t slot) const;
    /// Rank by current count among areas with the same parent (1 = most); ties share the
    /// lowest rank ("1, 2, 2, 4").
    [[nodiscard]] int rank(std::size_t level, std::size_t area, std::size_t slot) const;
    /// The (area, theme slot) and (area, category) pairs of a level with a count in some period:
    /// the rows of the long figures table, which leaves out series of zeros.
    [[nodiscard]] std::size_t seriesWithCounts(std::size_t level) const;

private:
    // Sparse per level (a grid's cells are mostly zeros); what is not stored reads as zero, a
    // change as that of 0 against 0, a rank as that of a 0 among its siblings.
    struct LevelData {
        SparseRows<std::uint64_t> category; // [area][category * periods + period]
        SparseRows<std::uint64_t> theme;    // [area][slot * periods + period]
        SparseRows<ChangeFigure> change;    // [area][slot], where the area has a count in the slot
        SparseRows<int> rank;               // [area][slot], where the current count is not 0
        std::vector<int> zeroRank;          // [(parent + 1) * slots + slot]: the rank of a 0
    };

    const ScanModel& m_model;
    const AreaHierarchy& m_areas;
    std::size_t m_slots, m_categories, m_periods, m_current;
    double m_currentDays = 0.0, m_referenceDays = 0.0;
    bool m_hasReference = false;
    std::vector<std::size_t> m_emptyReferencePeriods;
    std::vector<LevelData> m_levels;
};

/// Which published numbers must be shown as "geheim" (suppressed) outside the police.
/// Primary: a count 1..threshold-1 (the theme's `suppressBelow`, else the model's). Secondary,
/// so a hidden count cannot be recovered as total minus the rest: when exactly one theme of an
/// area and period is hidden, the smallest other non-zero theme is hidden too (likewise for the
/// categories within a theme).
class SuppressionMask {
public:
    SuppressionMask(const ScanFigures& figures);

    [[nodiscard]] bool theme(std::size_t level, std::size_t area, std::size_t slot, std::size_t period) const;
    [[nodiscard]] bool category(std::size_t level, std::size_t area, std::size_t category, std::size_t period) const;
    /// A theme's derived figures (rate, change, p) are hidden when any of its counts is.
    [[nodiscard]] bool anyPeriod(std::size_t level, std::size_t area, std::size_t slot) const;
    [[nodiscard]] std::uint64_t suppressedCells() const { return m_cells; }

private:
    std::size_t m_slots, m_categories, m_periods;
    std::vector<std::vector<bool>> m_theme;    // per level: [area][slot][period]
    std::vector<std::vector<bool>> m_category; // per level: [area][category][period]
    std::uint64_t m_cells = 0;
};

} // namespace gebiedscan
