#include "gebiedscan/pipeline/protection_table.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <numeric>

namespace gebiedscan::pipeline {

std::size_t ProtectionTable::addCell(std::int64_t value, int threshold, std::string label)
{
    if (value < 0) throw Error("ProtectionTable: a count cannot be negative (" + label + ")");
    const bool small = value >= 1 && value <= static_cast<std::int64_t>(threshold) - 1;
    m_cells.push_back({value, threshold, small ? CellState::Primary : CellState::Published, std::move(label)});
    m_relationsOf.emplace_back();
    return m_cells.size() - 1;
}

std::size_t ProtectionTable::addPublishedCell(std::int64_t value, int threshold, std::string label)
{
    m_cells.push_back({value, threshold, CellState::Published, std::move(label)});
    m_relationsOf.emplace_back();
    return m_cells.size() - 1;
}

std::size_t ProtectionTable::addHiddenCell(int threshold, std::string label)
{
    m_cells.push_back({0, threshold, CellState::Hidden, std::move(label)});
    m_relationsOf.emplace_back();
    return m_cells.size() - 1;
}

void ProtectionTable::addRelation(std::vector<RelationTerm> terms)
{
    std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.cell < b.cell; });
    Relation r;
    for (const auto& t : terms) {
        if (t.cell >= m_cells.size()) throw Error("ProtectionTable: relation names an unknown cell");
        if (!r.terms.empty() && r.terms.back().cell == t.cell)
            r.terms.back().coefficient += t.coefficient;
        else
            r.terms.push_back(t);
    }
    std::erase_if(r.terms, [](const RelationTerm& t) { return t.coefficient == 0; });
    if (r.terms.empty()) return;
    for (const auto& t : r.terms) m_relationsOf[t.cell].push_back(m_relations.size());
    m_relations.push_back(std::move(r));
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
    std::vector<std::size_t> root(m_cells.size());
    std::iota(root.begin(), root.end(), std::size_t{0});
    const auto find = [&](std::size_t x) {
        while (root[x] != x) x = root[x] = root[root[x]];
        return x;
    };
    for (const auto& r : m_relations) {
        std::size_t first = m_cells.size();
        for (const auto& t : r.terms) {
            if (hiddenOnly && !m_cells[t.cell].hidden()) continue;
            if (first == m_cells.size())
                first = t.cell;
            else
                root[find(t.cell)] = find(first);
        }
    }
    std::vector<std::vector<std::size_t>> out;
    std::vector<std::size_t> index(m_cells.size(), m_cells.size());
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        if (hiddenOnly && !m_cells[i].hidden()) continue;
        const auto r = find(i);
        if (index[r] == m_cells.size()) {
            index[r] = out.size();
            out.emplace_back();
        }
        out[index[r]].push_back(i);
    }
    return out;
}

} // namespace gebiedscan::pipeline
