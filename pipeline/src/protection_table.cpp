#include "gebiedscan/pipeline/protection_table.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_set>

namespace gebiedscan::pipeline {

ProtectionTable::ProtectionTable(const ProtectionTable& other)
    : m_cells(other.m_cells), m_labels(other.m_labels), m_terms(other.m_terms), m_termStart(other.m_termStart),
      m_relationsReleased(other.m_relationsReleased)
{}

ProtectionTable& ProtectionTable::operator=(const ProtectionTable& other)
{
    if (this == &other) return *this;
    m_cells = other.m_cells;
    m_labels = other.m_labels;
    m_terms = other.m_terms;
    m_termStart = other.m_termStart;
    m_relationsReleased = other.m_relationsReleased;
    m_relationIndexReady.store(false, std::memory_order_release);
    return *this;
}

ProtectionTable::ProtectionTable(ProtectionTable&& other) noexcept
    : m_cells(std::move(other.m_cells)), m_labels(std::move(other.m_labels)), m_terms(std::move(other.m_terms)),
      m_termStart(std::move(other.m_termStart)), m_relationsReleased(other.m_relationsReleased)
{
    other.m_termStart.assign(1, 0); // the moved-from table is empty, not broken
    other.m_relationsReleased = false;
    other.m_relationIndexReady.store(false, std::memory_order_release);
}

ProtectionTable& ProtectionTable::operator=(ProtectionTable&& other) noexcept
{
    if (this == &other) return *this;
    m_cells = std::move(other.m_cells);
    m_labels = std::move(other.m_labels);
    m_terms = std::move(other.m_terms);
    m_termStart = std::move(other.m_termStart);
    m_relationsReleased = other.m_relationsReleased;
    m_relationIndexReady.store(false, std::memory_order_release);
    other.m_termStart.assign(1, 0);
    other.m_relationsReleased = false;
    other.m_relationIndexReady.store(false, std::memory_order_release);
    return *this;
}

std::size_t ProtectionTable::add(ProtectionCell cell, std::string label)
{
    if (m_cells.size() >= std::numeric_limits<std::uint32_t>::max())
        throw Error("ProtectionTable: more cells than a relation term can name");
    m_cells.push_back(cell);
    if (!label.empty()) {
        m_labels.resize(m_cells.size());
        m_labels.back() = std::move(label);
    }
    m_relationIndexReady.store(false, std::memory_order_release);
    return m_cells.size() - 1;
}

namespace {

// A cell as stored (8 bytes), refusing what does not fit rather than wrapping it.
ProtectionCell storedCell(std::int64_t value, int threshold, CellState state, const std::string& label)
{
    if (value > std::numeric_limits<std::int32_t>::max() || value < std::numeric_limits<std::int32_t>::min())
        throw Error("ProtectionTable: a count above 2^31 - 1 (" + label + ")");
    if (threshold > std::numeric_limits<std::int16_t>::max() || threshold < 0)
        throw Error("ProtectionTable: a threshold outside 0 .. 32767 (" + label + ")");
    return {static_cast<std::int32_t>(value), static_cast<std::int16_t>(threshold), state};
}

} // namespace

std::size_t ProtectionTable::addCell(std::int64_t value, int threshold, std::string label)
{
    if (value < 0) throw Error("ProtectionTable: a count cannot be negative (" + label + ")");
    const bool small = value >= 1 && value <= static_cast<std::int64_t>(threshold) - 1;
    return add(storedCell(value, threshold, small ? CellState::Primary : CellState::Published, label), std::move(label));
}

std::size_t ProtectionTable::addPublishedCell(std::int64_t value, int threshold, std::string label)
{
    return add(storedCell(value, threshold, CellState::Published, label), std::move(label));
}

std::size_t ProtectionTable::addHiddenCell(int threshold, std::string label)
{
    return add(storedCell(0, threshold, CellState::Hidden, label), std::move(label));
}

const std::string& ProtectionTable::label(std::size_t cell) const
{
    static const std::string none;
    return cell < m_labels.size() ? m_labels[cell] : none;
}

std::span<const std::uint32_t> ProtectionTable::relationsOf(std::size_t cell) const
{
    if (!m_relationIndexReady.load(std::memory_order_acquire)) buildRelationIndex();
    return {m_relationIds.data() + m_relationStart[cell], m_relationStart[cell + 1] - m_relationStart[cell]};
}

std::vector<std::uint32_t> ProtectionTable::relationsOf(const std::vector<std::size_t>& cells) const
{
    std::vector<std::uint32_t> out;
    std::unordered_set<std::uint32_t> seen;
    for (auto c : cells)
        for (auto r : relationsOf(c))
            if (seen.insert(r).second) out.push_back(r);
    return out;
}

void ProtectionTable::relationsReleasedError()
{
    throw Error("internal error: the protection table's relations were asked for after they were released");
}

void ProtectionTable::releaseRelations()
{
    const std::lock_guard lock(m_relationIndexMutex);
    m_terms = {};
    m_termStart = {0};
    m_relationStart = {};
    m_relationIds = {};
    m_relationIndexReady.store(false, std::memory_order_release);
    m_relationsReleased = true;
}

void ProtectionTable::buildRelationIndex() const
{
    if (m_relationsReleased) relationsReleasedError();
    const std::lock_guard lock(m_relationIndexMutex);
    if (m_relationIndexReady.load(std::memory_order_acquire)) return;
    m_relationStart.assign(m_cells.size() + 1, 0);
    for (const auto r : relations())
        for (const auto& t : r.terms) ++m_relationStart[t.cell + 1];
    std::partial_sum(m_relationStart.begin(), m_relationStart.end(), m_relationStart.begin());
    m_relationIds.resize(m_relationStart.back());
    std::vector<std::uint32_t> next(m_relationStart.begin(), m_relationStart.end() - 1);
    for (std::size_t ri = 0; ri + 1 < m_termStart.size(); ++ri)
        for (const auto& t : relations()[ri].terms) m_relationIds[next[t.cell]++] = static_cast<std::uint32_t>(ri);
    m_relationIndexReady.store(true, std::memory_order_release);
}

void ProtectionTable::addRelation(std::vector<RelationTerm> terms)
{
    if (m_relationsReleased) relationsReleasedError();
    std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.cell < b.cell; });
    std::vector<RelationTerm> merged;
    merged.reserve(terms.size());
    for (const auto& t : terms) {
        if (t.cell >= m_cells.size()) throw Error("ProtectionTable: relation names an unknown cell");
        if (!merged.empty() && merged.back().cell == t.cell)
            merged.back().coefficient += t.coefficient;
        else
            merged.push_back(t);
    }
    std::erase_if(merged, [](const RelationTerm& t) { return t.coefficient == 0; });
    if (merged.empty()) return;
    if (relations().size() >= std::numeric_limits<std::uint32_t>::max() ||
        m_terms.size() + merged.size() > std::numeric_limits<std::uint32_t>::max())
        throw Error("ProtectionTable: more relations or terms than the index can hold");
    m_terms.insert(m_terms.end(), merged.begin(), merged.end());
    m_termStart.push_back(static_cast<std::uint32_t>(m_terms.size()));
    m_relationIndexReady.store(false, std::memory_order_release);
}

void ProtectionTable::shrinkToFit()
{
    m_cells.shrink_to_fit();
    m_labels.shrink_to_fit();
    m_terms.shrink_to_fit();
    m_termStart.shrink_to_fit();
}

void ProtectionTable::hideSecondary(std::size_t cell)
{
    if (m_cells[cell].state == CellState::Published) m_cells[cell].state = CellState::Secondary;
}

void ProtectionTable::clearSecondaries()
{
    for (auto& c : m_cells)
        if (c.state == CellState::Secondary) c.state = CellState::Published;
}

std::size_t ProtectionTable::count(CellState state) const
{
    return static_cast<std::size_t>(
        std::count_if(m_cells.begin(), m_cells.end(), [&](const auto& c) { return c.state == state; }));
}

std::size_t ProtectionTable::hiddenCount() const
{
    return static_cast<std::size_t>(
        std::count_if(m_cells.begin(), m_cells.end(), [](const auto& c) { return c.hidden(); }));
}

std::vector<std::vector<std::size_t>> ProtectionTable::components(bool hiddenOnly) const
{
    const auto flat = parts(hiddenOnly);
    std::vector<std::vector<std::size_t>> out(flat.size());
    for (std::size_t p = 0; p < flat.size(); ++p) out[p] = flat.cellList(p);
    return out;
}

TableParts ProtectionTable::parts(bool hiddenOnly) const
{
    // 32-bit roots and places (add() keeps the cells below 2^32): a scan's table has millions of cells.
    std::vector<std::uint32_t> root(m_cells.size());
    std::iota(root.begin(), root.end(), std::uint32_t{0});
    const auto find = [&](std::size_t x) -> std::size_t {
        while (root[x] != x) x = root[x] = root[root[x]];
        return x;
    };
    for (const auto r : relations()) {
        std::size_t first = m_cells.size();
        for (const auto& t : r.terms) {
            if (hiddenOnly && !m_cells[t.cell].hidden()) continue;
            if (first == m_cells.size())
                first = t.cell;
            else
                root[find(t.cell)] = static_cast<std::uint32_t>(find(first));
        }
    }
    // Parts numbered in the order of their first cell; then counted, then filled (cells increasing).
    constexpr auto kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> index(m_cells.size(), kNone);
    std::vector<std::uint32_t> start{0};
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        if (hiddenOnly && !m_cells[i].hidden()) continue;
        const auto r = find(i);
        if (index[r] == kNone) {
            index[r] = static_cast<std::uint32_t>(start.size() - 1);
            start.push_back(0);
        }
        ++start[index[r] + 1];
    }
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<std::uint32_t> cells(start.back()), next(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        if (hiddenOnly && !m_cells[i].hidden()) continue;
        cells[next[index[find(i)]]++] = static_cast<std::uint32_t>(i);
    }
    return {std::move(cells), std::move(start)};
}

} // namespace gebiedscan::pipeline
