#pragma once
// The protection table of a gebiedscan: every level x area x theme slot (themes, total, overig)
// and category x period as a cell, with the relations a reader of the outputs can use:
// - children = parent for every level, theme slot, category and period (the hierarchy);
// - the themes add up to the total (which counts the model's categories; overig stands apart);
// - the categories of a theme (and the unknown category of overig) add up to it.
// Primaries follow the model's thresholds (a theme's suppress_below, else the model's; categories
// take their theme's, total and overig the model's). After protect() it answers the same
// questions as core's SuppressionMask, so the writer can switch to it.
// A table of kSparseFromCells or more (a national grid) holds only its counts other than zero:
// a zero is then a published constant of its relations, never a secondary suppression.
#include "gebiedscan/pipeline/controlled_rounding.hpp"
#include "gebiedscan/pipeline/protection_table.hpp"
#include "gebiedscan/pipeline/secondary_suppression.hpp"
#include "gebiedscan/pipeline/sparse_cell_index.hpp"

#include "gebiedscan/core/scan_figures.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace gebiedscan::pipeline {

class ScanProtection {
public:
    /// From this many cells (levels x areas x themes and categories x periods) only the counts
    /// other than zero are cells. The dense table of a national 100 m grid (150 million cells, of
    /// which 97 % zeros) did not fit in 24 GB; a Drenthe buurt scan has 100,000 and keeps its zeros,
    /// which secondary suppression may hide as the cheapest cells.
    static constexpr std::size_t kSparseFromCells = 20000000;

    /// `figures` must outlive the protection (label() reads its names).
    explicit ScanProtection(const ScanFigures& figures, std::size_t sparseFromCells = kSparseFromCells);

    /// Only the counts other than zero are cells (see kSparseFromCells).
    [[nodiscard]] bool sparse() const { return m_index.isSparse(); }

    /// Secondary suppression over all relations (see secondary_suppression.hpp). `localFirst`:
    /// protect each target within its neighbourhood() first. Smaller LPs, but on the Drenthe
    /// scan it hid 60 % more secondaries for a quarter less time, so it is off by default.
    SuppressionReport protect(SuppressionOptions options = {}, bool localFirst = false);

    /// As protect(), each target first within siblingNeighbourhood() (LPs of a few areas instead
    /// of a whole gemeente of grid cells). Any deviation found there is one of the whole table
    /// (the other cells keep their values), and the audit after each round decides as always.
    SuppressionReport protectBySiblings(SuppressionOptions options = {}, std::size_t siblings = 3);

    /// The scan's protection: parts of kLocalFromCells cells or more (a gemeente of thousands of
    /// grid cells) look for each target's deviation in localNeighbourhood() first, widening step
    /// by step; smaller parts (a gemeente of buurten and wijken, or of a few thousand grid cells)
    /// are solved whole, as protect() does, so their pattern is protect()'s. One LP over a whole
    /// grid part has millions of columns: the national 100 m grid ran out of memory there (issue
    /// 18). The local search costs secondaries: on IJsselstein's 1,634 cells of 100 m (126,000
    /// cells per period) it hid 145 secondaries where the whole part needs 17 (peak memory 188
    /// against 272 MB), hence only for parts too large to solve whole.
    static constexpr std::size_t kLocalFromCells = 500000;
    static constexpr std::size_t kLocalAreas = 12, kLocalWidening = 8;
    /// A sparse table's parts (a gemeente of grid cells, one period) look locally from this size:
    /// the whole-part LPs of a national grid, one per target, ran for hours.
    static constexpr std::size_t kSparseLocalFromCells = 0;
    /// Without `localFromCells`: kLocalFromCells, or kSparseLocalFromCells for a sparse table.
    SuppressionReport protectAtScale(SuppressionOptions options = {}, std::optional<std::size_t> localFromCells = {});

    /// The cells of one period in the area, its parent when that is the top (its hidden cells
    /// move with the children's sum), and up to kLocalAreas x kLocalWidening^step other areas: its
    /// siblings (same parent), or for an area without parent its children; cheapest first: those
    /// whose same cell, theme and total are hidden, then the smallest hiding costs, published
    /// zeros last. Empty once a step held every sibling (or child), and for an area with neither.
    [[nodiscard]] std::vector<std::size_t> localNeighbourhood(std::size_t cell, std::size_t step) const;

    /// The cells of one period in the area and in up to `siblings` of its siblings (same
    /// parent), those whose same cell is hidden first, then the smallest positive counts: the
    /// least a deviation needs to keep the parent's sums. Empty for an area without siblings.
    [[nodiscard]] std::vector<std::size_t> siblingNeighbourhood(std::size_t cell, std::size_t siblings) const;

    /// The cells of one period in the area's parent, the parent's whole subtree (the area, its
    /// siblings and their children) and the parent's ancestors: where a deviation of the cell
    /// is usually found. Empty for an area without parent (then the whole part is searched).
    [[nodiscard]] std::vector<std::size_t> neighbourhood(std::size_t cell) const;

    /// The other protection (`--protection afronden`): every count of the table rounded to a
    /// multiple of options.base (controlled_rounding.hpp) instead of suppressed. No cell is then
    /// hidden; count() gives the rounded values and derivedHidden() is true for everything
    /// computed from the true counts.
    const RoundingReport& round(const RoundingOptions& options = {});
    [[nodiscard]] bool rounded() const { return m_rounding.has_value(); }
    [[nodiscard]] const std::optional<RoundingReport>& rounding() const { return m_rounding; }
    /// The count as published: rounded in rounding mode, else `trueCount` (hidden cells aside).
    [[nodiscard]] std::int64_t themeValue(std::size_t level, std::size_t area, std::size_t slot, std::size_t period,
                                          std::uint64_t trueCount) const;
    [[nodiscard]] std::int64_t categoryValue(std::size_t level, std::size_t area, std::size_t category,
                                             std::size_t period, std::uint64_t trueCount) const;
    /// Figures computed from a slot's true counts (expected, change, p, trend, Empirical Bayes,
    /// rank, Gi*/LISA, busiest hour, hour of week): hidden when any count is, and always in
    /// rounding mode, where they would undo the rounding.
    [[nodiscard]] bool derivedHidden(std::size_t level, std::size_t area, std::size_t slot) const
    {
        return rounded() || anyPeriod(level, area, slot);
    }

    [[nodiscard]] ProtectionTable& table() { return m_table; }
    [[nodiscard]] const ProtectionTable& table() const { return m_table; }

    /// For messages: "buurt BU01060101, 1.6 Zeden, 2024". Built on demand: the table's cells
    /// carry no label (a national grid has hundreds of millions of cells).
    [[nodiscard]] std::string label(std::size_t cell) const;

    /// The table's cell of a count; SparseCellIndex::kAbsent for a zero of a sparse table.
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
    [[nodiscard]] std::uint64_t suppressedCells() const { return m_rounding ? 0 : m_table.hiddenCount(); }

private:
    struct Position {
        std::size_t level, area, slot, period;
        bool category;
    };
    [[nodiscard]] Position position(std::size_t cell) const;
    // Addresses in the dense table (every count, zeros too); the cell is m_index.cell(address).
    [[nodiscard]] std::size_t themeAddress(std::size_t level, std::size_t area, std::size_t slot,
                                           std::size_t period) const;
    [[nodiscard]] std::size_t categoryAddress(std::size_t level, std::size_t area, std::size_t category,
                                              std::size_t period) const;
    // The cells of one period in the area (those present).
    void appendAreaCells(std::vector<std::size_t>& out, std::size_t level, std::size_t area, std::size_t period) const;
    // The cell, or nullptr for an absent zero (published, value 0).
    [[nodiscard]] const ProtectionCell* cellOrNull(std::size_t cell) const
    {
        return cell == SparseCellIndex::kAbsent ? nullptr : &m_table.cell(cell);
    }

    const ScanFigures& m_figures;
    std::size_t m_slots, m_categories, m_periods;
    std::vector<std::size_t> m_categorySlot;                       // per category: its theme slot
    std::vector<std::size_t> m_themeBase, m_categoryBase;          // per level
    std::vector<std::vector<std::int32_t>> m_parent;               // per level: parent index or -1
    std::vector<std::vector<std::vector<std::size_t>>> m_children; // per level: children (level below)
    SparseCellIndex m_index = SparseCellIndex::dense();
    ProtectionTable m_table;
    std::optional<RoundingReport> m_rounding;
};

} // namespace gebiedscan::pipeline
