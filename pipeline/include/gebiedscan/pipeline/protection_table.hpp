#pragma once
// The protection model of disclosure control: a table of counts and the linear relations a
// reader can use between them.
//
// Stated rule (issue 13):
// - a *primary* cell is a count v with 1 <= v <= T-1, T the threshold of its theme; zeros and
//   counts >= T may be shown;
// - cells hidden besides the primaries are *secondary* (complementary) suppressions;
// - the intruder knows every relation (children = parent at every level and theme, themes =
//   total, categories = their theme, each period on its own), every published value, and that
//   every hidden cell is a whole count >= 0. He cannot tell a primary from a secondary (a
//   secondary may be 0 or any count), so [0, inf) is all he knows of a hidden cell a priori;
// - protection holds when, from all that, the feasible interval of every primary cell still
//   reaches both 1 and T-1: the intruder learns no more than "small" (in tau-ARGUS terms: lower
//   protection level v-1, upper T-1-v).
// The stricter intruder who also knows that each hidden primary lies in [1, T-1] cannot be
// protected against in general; AuditOptions::primaryBoundsKnown in table_audit.hpp shows why.
// A reader of an output folder does not know the true values either: AuditRule::FolderReader
// states how such a folder is judged.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace gebiedscan::pipeline {

enum class CellState : std::uint8_t {
    Published, ///< shown as a number
    Primary,   ///< hidden because 1 <= v <= T-1
    Secondary, ///< hidden so that a primary cannot be narrowed
    Hidden,    ///< hidden, role and value unknown (read from an output folder)
};

/// 8 bytes: a national grid's table has over a hundred million cells. ProtectionTable refuses a
/// count above 2^31 - 1 or a threshold above 2^15 - 1; sums over cells are taken in 64 bits.
struct ProtectionCell {
    std::int32_t value = 0;     ///< the true count (0 and meaningless for CellState::Hidden)
    std::int16_t threshold = 0; ///< T of the cell's theme: 1..T-1 is "small"
    CellState state = CellState::Published;

    [[nodiscard]] bool hidden() const { return state != CellState::Published; }
};

/// One term of a linear relation: coefficient x cell value.
/// 8 bytes: a scan's table has millions of terms (ProtectionTable refuses more than 2^32 cells).
struct RelationTerm {
    RelationTerm(std::size_t cellIndex, int coefficientValue)
        : cell(static_cast<std::uint32_t>(cellIndex)), coefficient(coefficientValue)
    {}
    std::uint32_t cell;
    int coefficient;
};

/// A linear relation between cells: sum of coefficient x value = 0, e.g. the buurten of a wijk
/// (+1 each) and the wijk (-1). Its terms are in cell order and live in the table.
struct Relation {
    std::span<const RelationTerm> terms;
};

/// The relations of a table, indexable and iterable; views into one flat array of terms.
class RelationList {
public:
    RelationList(const std::vector<RelationTerm>& terms, const std::vector<std::uint32_t>& start)
        : m_terms(terms), m_start(start)
    {}
    [[nodiscard]] std::size_t size() const { return m_start.size() - 1; }
    [[nodiscard]] Relation operator[](std::size_t r) const
    {
        return {std::span<const RelationTerm>(m_terms.data() + m_start[r], m_start[r + 1] - m_start[r])};
    }

    class Iterator {
    public:
        using value_type = Relation;
        using difference_type = std::ptrdiff_t;
        Iterator(const RelationList& list, std::size_t r) : m_list(&list), m_r(r) {}
        Relation operator*() const { return (*m_list)[m_r]; }
        Iterator& operator++()
        {
            ++m_r;
            return *this;
        }
        bool operator==(const Iterator& other) const { return m_r == other.m_r; }

    private:
        const RelationList* m_list;
        std::size_t m_r;
    };
    [[nodiscard]] Iterator begin() const { return {*this, 0}; }
    [[nodiscard]] Iterator end() const { return {*this, size()}; }

private:
    const std::vector<RelationTerm>& m_terms;
    const std::vector<std::uint32_t>& m_start;
};

/// Independent parts of a table, flat: part p's cells are cells(p), increasing. 4 bytes a cell
/// (a scan's table has millions of cells in hundreds of thousands of parts: one vector each cost
/// three times as much).
class TableParts {
public:
    TableParts(std::vector<std::uint32_t> cells, std::vector<std::uint32_t> start)
        : m_cells(std::move(cells)), m_start(std::move(start))
    {}
    [[nodiscard]] std::size_t size() const { return m_start.size() - 1; }
    [[nodiscard]] std::size_t cellCount(std::size_t part) const { return m_start[part + 1] - m_start[part]; }
    [[nodiscard]] std::span<const std::uint32_t> cells(std::size_t part) const
    {
        return {m_cells.data() + m_start[part], cellCount(part)};
    }
    /// The part's cells as the LPs take them.
    [[nodiscard]] std::vector<std::size_t> cellList(std::size_t part) const
    {
        const auto c = cells(part);
        return {c.begin(), c.end()};
    }

private:
    std::vector<std::uint32_t> m_cells;
    std::vector<std::uint32_t> m_start;
};

/// Cells and relations of one or more tables (periods and levels are only part of a cell's
/// identity: relations never cross periods, so each period falls apart into its own components).
/// Compact, as a national grid has over a hundred million cells: 8 bytes a cell, labels only
/// where given, the relations of each cell as one index built when first asked for.
class ProtectionTable {
public:
    ProtectionTable() = default;
    // Copied and moved by hand: the relation index's lock is not; the copy rebuilds the index.
    ProtectionTable(const ProtectionTable& other);
    ProtectionTable& operator=(const ProtectionTable& other);
    ProtectionTable(ProtectionTable&& other) noexcept;
    ProtectionTable& operator=(ProtectionTable&& other) noexcept;

    /// Adds a cell with its true value; primary when 1 <= value <= threshold-1, else published.
    std::size_t addCell(std::int64_t value, int threshold, std::string label = {});
    /// Adds a cell read from a published output: its value, or hidden with the value unknown.
    std::size_t addPublishedCell(std::int64_t value, int threshold, std::string label = {});
    std::size_t addHiddenCell(int threshold, std::string label = {});
    /// Adds sum(coefficient x cell) = 0. Terms naming the same cell are merged.
    void addRelation(std::vector<RelationTerm> terms);
    void addRelation(std::span<const RelationTerm> terms) { addRelation(std::vector(terms.begin(), terms.end())); }

    /// The table is complete: gives back the arrays' spare room (a scan's table is built by
    /// appending millions of cells and terms, and the doubling left up to half of it unused).
    void shrinkToFit();

    /// The protection is done: frees the relations' terms and index (a scan's are tens of MB) and
    /// keeps the cells and their states. Asking for relations afterwards is an internal error
    /// (an audit without them would pass anything).
    void releaseRelations();

    /// Marks a published cell as a secondary suppression (no effect on hidden cells).
    void hideSecondary(std::size_t cell);
    /// Back to the rule's own state (primaries stay, secondaries are published again).
    void clearSecondaries();

    [[nodiscard]] const std::vector<ProtectionCell>& cells() const { return m_cells; }
    [[nodiscard]] const ProtectionCell& cell(std::size_t i) const { return m_cells[i]; }
    /// For messages: "buurt BU01060101, 1.6 Zeden, 2024"; empty when none was given.
    [[nodiscard]] const std::string& label(std::size_t cell) const;
    [[nodiscard]] RelationList relations() const
    {
        if (m_relationsReleased) relationsReleasedError();
        return {m_terms, m_termStart};
    }
    /// Relations the cell takes part in (indices into relations(), increasing). Safe to call from
    /// several threads while no cell or relation is added.
    [[nodiscard]] std::span<const std::uint32_t> relationsOf(std::size_t cell) const;
    /// Relations any of `cells` takes part in, each once, in the order first met.
    [[nodiscard]] std::vector<std::uint32_t> relationsOf(const std::vector<std::size_t>& cells) const;

    [[nodiscard]] std::size_t count(CellState state) const;
    [[nodiscard]] std::size_t hiddenCount() const;

    /// Independent parts of the table: cells linked by relations. `hiddenOnly`: only hidden cells,
    /// linked through relations with two or more hidden cells (the audit's unknowns).
    /// Each part lists its cells in increasing order.
    [[nodiscard]] std::vector<std::vector<std::size_t>> components(bool hiddenOnly) const;
    /// The same parts, flat (in the same order).
    [[nodiscard]] TableParts parts(bool hiddenOnly) const;

private:
    std::size_t add(ProtectionCell cell, std::string label);
    [[noreturn]] static void relationsReleasedError();
    void buildRelationIndex() const;

    std::vector<ProtectionCell> m_cells;
    std::vector<std::string> m_labels; // empty until a cell has a label
    // The relations' terms one after another: relation r is m_terms[m_termStart[r] ..
    // m_termStart[r + 1]) (one allocation, not one per relation; addRelation keeps the terms
    // below 2^32, so 32-bit starts).
    std::vector<RelationTerm> m_terms;
    std::vector<std::uint32_t> m_termStart{0};
    // relationsOf as compressed rows: cell c's relations are m_relationIds[m_relationStart[c] ..
    // m_relationStart[c + 1]) (one id per term: below 2^32); rebuilt after a change when next
    // asked for.
    mutable std::vector<std::uint32_t> m_relationStart;
    mutable std::vector<std::uint32_t> m_relationIds;
    mutable std::atomic<bool> m_relationIndexReady{false};
    bool m_relationsReleased = false;
    mutable std::mutex m_relationIndexMutex;
};

} // namespace gebiedscan::pipeline
