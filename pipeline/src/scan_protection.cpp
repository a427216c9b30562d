#include "gebiedscan/pipeline/scan_protection.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace gebiedscan::pipeline {

ScanProtection::ScanProtection(const ScanFigures& f, std::size_t sparseFromCells)
    : m_figures(f), m_slots(f.themeSlots()), m_categories(f.categorySlots()), m_periods(f.periods())
{
    const auto& model = f.model();
    const auto& levels = f.hierarchy().levels;
    const auto slotThreshold = [&](std::size_t slot) {
        if (slot < model.themes.size() && model.themes[slot].suppressBelow > 0) return model.themes[slot].suppressBelow;
        return model.suppressBelow;
    };
    auto& categorySlot = m_categorySlot;
    categorySlot.assign(m_categories, f.overigSlot());
    for (std::size_t c = 0; c + 1 < m_categories; ++c) categorySlot[c] = *model.themeIndex(model.categories[c].themeId);

    std::size_t addresses = 0;
    for (const auto& lv : levels) addresses += lv.size() * (m_slots + m_categories) * m_periods;
    if (addresses >= sparseFromCells) m_index = SparseCellIndex::sparse(addresses);
    // No label per cell: a national grid has hundreds of millions of cells, and a label of ~40
    // characters each cost more memory than the cell itself. label() builds one when asked.
    std::size_t next = 0;
    const auto addCount = [&](std::uint64_t count, int threshold) {
        const std::size_t address = next++;
        if (m_index.isSparse() && count == 0) return;
        m_index.add(address);
        m_table.addCell(static_cast<std::int64_t>(count), threshold);
    };
    for (std::size_t l = 0; l < levels.size(); ++l) {
        const auto& lv = levels[l];
        m_themeBase.push_back(next);
        for (std::size_t a = 0; a < lv.size(); ++a)
            for (std::size_t s = 0; s < m_slots; ++s)
                for (std::size_t p = 0; p < m_periods; ++p) addCount(f.themeCount(l, a, s, p), slotThreshold(s));
        m_categoryBase.push_back(next);
        for (std::size_t a = 0; a < lv.size(); ++a)
            for (std::size_t c = 0; c < m_categories; ++c)
                for (std::size_t p = 0; p < m_periods; ++p)
                    addCount(f.categoryCount(l, a, c, p), slotThreshold(categorySlot[c]));
    }

    // Relations over the cells; an absent zero is a constant 0 and drops out of its sums.
    std::vector<RelationTerm> terms;
    const auto term = [&](std::size_t cell, int coefficient) {
        if (cell != SparseCellIndex::kAbsent) terms.push_back({cell, coefficient});
    };
    const auto addRelation = [&] {
        if (!terms.empty()) m_table.addRelation(std::exchange(terms, {}));
    };

    for (std::size_t l = 0; l < levels.size(); ++l)
        for (std::size_t a = 0; a < levels[l].size(); ++a)
            for (std::size_t p = 0; p < m_periods; ++p) {
                term(themeCell(l, a, f.totalSlot(), p), -1);
                for (std::size_t s = 0; s < model.themes.size(); ++s) term(themeCell(l, a, s, p), 1);
                term(themeCell(l, a, f.overigSlot(), p), 1); // the total holds overig too
                addRelation();
                for (std::size_t s = 0; s < m_slots; ++s) {
                    if (s == f.totalSlot()) continue;
                    term(themeCell(l, a, s, p), -1);
                    for (std::size_t c = 0; c < m_categories; ++c)
                        if (categorySlot[c] == s) term(categoryCell(l, a, c, p), 1);
                    addRelation();
                }
            }

    // Children = parent: per parent the list of its children at the level below.
    m_children.resize(levels.size());
    for (std::size_t l = 0; l < levels.size(); ++l) {
        m_parent.push_back(levels[l].parent.empty() || l + 1 == levels.size()
                               ? std::vector<std::int32_t>(levels[l].size(), -1)
                               : levels[l].parent);
        m_parent.back().resize(levels[l].size(), -1);
    }
    for (std::size_t l = 0; l + 1 < levels.size(); ++l) {
        auto& children = m_children[l + 1];
        children.resize(levels[l + 1].size());
        for (std::size_t a = 0; a < levels[l].size(); ++a) {
            const auto parent = m_parent[l][a];
            if (parent >= 0) children[static_cast<std::size_t>(parent)].push_back(a);
        }
        for (std::size_t parent = 0; parent < children.size(); ++parent)
            for (std::size_t p = 0; p < m_periods; ++p) {
                for (std::size_t s = 0; s < m_slots; ++s) {
                    term(themeCell(l + 1, parent, s, p), -1);
                    for (auto a : children[parent]) term(themeCell(l, a, s, p), 1);
                    addRelation();
                }
                for (std::size_t c = 0; c < m_categories; ++c) {
                    term(categoryCell(l + 1, parent, c, p), -1);
                    for (auto a : children[parent]) term(categoryCell(l, a, c, p), 1);
                    addRelation();
                }
            }
    }
    m_table.shrinkToFit();
}

SuppressionReport ScanProtection::protect(SuppressionOptions options, bool localFirst)
{
    if (localFirst && !options.neighbourhood)
        options.neighbourhood = [this](std::size_t cell, std::size_t step) {
            return step == 0 ? neighbourhood(cell) : std::vector<std::size_t>{};
        };
    return suppressSecondary(m_table, options);
}

SuppressionReport ScanProtection::protectBySiblings(SuppressionOptions options, std::size_t siblings)
{
    options.neighbourhood = [this, siblings](std::size_t cell, std::size_t step) {
        return step == 0 ? siblingNeighbourhood(cell, siblings) : std::vector<std::size_t>{};
    };
    return suppressSecondary(m_table, options);
}

SuppressionReport ScanProtection::protectAtScale(SuppressionOptions options, std::optional<std::size_t> localFromCells)
{
    options.localFromCells = localFromCells.value_or(sparse() ? kSparseLocalFromCells : kLocalFromCells);
    options.neighbourhood = [this](std::size_t cell, std::size_t step) { return localNeighbourhood(cell, step); };
    return suppressSecondary(m_table, options);
}

const RoundingReport& ScanProtection::round(const RoundingOptions& options)
{
    m_table.clearSecondaries();
    m_rounding = roundTable(m_table, options);
    return *m_rounding;
}

std::int64_t ScanProtection::themeValue(std::size_t level, std::size_t area, std::size_t slot, std::size_t period,
                                        std::uint64_t trueCount) const
{
    if (!m_rounding) return static_cast<std::int64_t>(trueCount);
    const auto cell = themeCell(level, area, slot, period);
    return cell == SparseCellIndex::kAbsent ? 0 : m_rounding->rounded[cell];
}

std::int64_t ScanProtection::categoryValue(std::size_t level, std::size_t area, std::size_t category,
                                           std::size_t period, std::uint64_t trueCount) const
{
    if (!m_rounding) return static_cast<std::int64_t>(trueCount);
    const auto cell = categoryCell(level, area, category, period);
    return cell == SparseCellIndex::kAbsent ? 0 : m_rounding->rounded[cell];
}

std::string ScanProtection::label(std::size_t cell) const
{
    const auto at = position(cell);
    const auto& model = m_figures.model();
    const auto& lv = m_figures.hierarchy().levels[at.level];
    const auto slotName = [&](std::size_t s) {
        return s < model.themes.size()      ? model.themes[s].number + " " + model.themes[s].labelNl
               : s == m_figures.totalSlot() ? std::string("alle thema's")
                                            : std::string("overig");
    };
    std::string what;
    if (!at.category)
        what = slotName(at.slot);
    else if (at.slot < model.categories.size())
        what =
            slotName(*model.themeIndex(model.categories[at.slot].themeId)) + " / " + model.categories[at.slot].labelNl;
    else
        what = slotName(m_figures.overigSlot()) + " / onbekende categorie";
    return fmt::format("{} {}, {}, {}", lv.name, lv.codes[at.area], what, model.periods[at.period].id);
}

ScanProtection::Position ScanProtection::position(std::size_t cell) const
{
    const std::size_t address = m_index.address(cell);
    std::size_t level = m_themeBase.size() - 1;
    while (level > 0 && address < m_themeBase[level]) --level;
    const bool category = address >= m_categoryBase[level];
    const std::size_t offset = address - (category ? m_categoryBase[level] : m_themeBase[level]);
    const std::size_t width = category ? m_categories : m_slots;
    return {level, offset / m_periods / width, offset / m_periods % width, offset % m_periods, category};
}

std::vector<std::size_t> ScanProtection::siblingNeighbourhood(std::size_t cell, std::size_t siblings) const
{
    const auto at = position(cell);
    const auto parent = m_parent[at.level][at.area];
    if (parent < 0) return {};
    const auto same = [&](std::size_t area) {
        return at.category ? categoryCell(at.level, area, at.slot, at.period)
                           : themeCell(at.level, area, at.slot, at.period);
    };
    // Hidden first (free to move), then small positive counts (can move down), zeros last.
    std::vector<std::pair<double, std::size_t>> ranked;
    for (auto b : m_children[at.level + 1][static_cast<std::size_t>(parent)]) {
        if (b == at.area) continue;
        const auto* c = cellOrNull(same(b)); // absent: a published zero
        ranked.emplace_back(c && c->hidden() ? -1.0 : !c || c->value == 0 ? 1e18 : static_cast<double>(c->value), b);
    }
    if (ranked.empty()) return {};
    std::sort(ranked.begin(), ranked.end());
    ranked.resize(std::min(ranked.size(), siblings));
    std::vector<std::size_t> out;
    appendAreaCells(out, at.level, at.area, at.period);
    for (const auto& [score, b] : ranked) appendAreaCells(out, at.level, b, at.period);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::size_t> ScanProtection::localNeighbourhood(std::size_t cell, std::size_t step) const
{
    const auto at = position(cell);
    const auto parent = m_parent[at.level][at.area];
    if (parent < 0 && at.level == 0) return {}; // one level only
    // Areas to add to the cell's own: its siblings, or at the top its children.
    const auto& others =
        parent >= 0 ? m_children[at.level + 1][static_cast<std::size_t>(parent)] : m_children[at.level][at.area];
    const std::size_t otherLevel = parent >= 0 ? at.level : at.level - 1;
    if (others.empty()) return {};
    // 12, 96, 768, ... areas; the step after the one that held them all ends the search.
    std::size_t want = kLocalAreas;
    for (std::size_t i = 0; i < step; ++i) {
        if (want >= others.size()) return {};
        want *= kLocalWidening;
    }
    const auto same = [&](std::size_t area) {
        return at.category ? categoryCell(otherLevel, area, at.slot, at.period)
                           : themeCell(otherLevel, area, at.slot, at.period);
    };
    // A sibling's cost of moving with the cell: the cell's own count there and the counts above
    // it in the same area (its theme, the total) that a deviation moves too, each free when
    // hidden, else its hiding cost. A published zero cannot fall: last. Ties by area, so the
    // choice does not depend on the sort.
    const auto chain = [&](std::size_t area) {
        std::array<std::size_t, 3> cells{same(area), 0, 0};
        std::size_t n = 1;
        const std::size_t total = m_slots - 2;
        if (at.category) cells[n++] = themeCell(otherLevel, area, m_categorySlot[at.slot], at.period);
        if (at.category || at.slot != total) cells[n++] = themeCell(otherLevel, area, total, at.period);
        double cost = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const auto* c = cellOrNull(cells[i]);
            if (c && c->hidden()) continue;
            const std::int64_t value = c ? c->value : 0;
            if (i == 0 && value == 0) return 1e18;
            cost += 1.0 + std::log1p(static_cast<double>(value));
        }
        return cost;
    };
    std::vector<std::pair<double, std::size_t>> ranked;
    ranked.reserve(others.size());
    for (auto b : others)
        if (parent < 0 || b != at.area) ranked.emplace_back(chain(b), b);
    if (ranked.empty()) return {};
    const auto keep = std::min(ranked.size(), want);
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end());
    ranked.resize(keep);
    std::vector<std::size_t> out;
    out.reserve((keep + 1) * (m_slots + m_categories));
    appendAreaCells(out, at.level, at.area, at.period);
    // The parent too (its hidden cells are free to move with its children's sum), unless it has
    // a parent itself (then its cells are bound there: left out, they keep their values).
    if (parent >= 0 && m_parent[at.level + 1][static_cast<std::size_t>(parent)] < 0)
        appendAreaCells(out, at.level + 1, static_cast<std::size_t>(parent), at.period);
    for (const auto& [score, b] : ranked) appendAreaCells(out, otherLevel, b, at.period);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::size_t> ScanProtection::neighbourhood(std::size_t cell) const
{
    const auto at = position(cell);
    const std::size_t level = at.level, period = at.period;
    const auto parent = m_parent[level][at.area];
    if (parent < 0) return {};

    std::vector<std::size_t> out;
    // The parent's subtree, level by level down.
    std::vector<std::size_t> front{static_cast<std::size_t>(parent)};
    for (std::size_t l = level + 1;; --l) {
        std::vector<std::size_t> next;
        for (auto a : front) {
            appendAreaCells(out, l, a, period);
            if (l > 0) next.insert(next.end(), m_children[l][a].begin(), m_children[l][a].end());
        }
        if (l == 0) break;
        front = std::move(next);
    }
    // The parent's ancestors.
    for (std::size_t l = level + 1, a = static_cast<std::size_t>(parent); m_parent[l][a] >= 0; ++l) {
        a = static_cast<std::size_t>(m_parent[l][a]);
        appendAreaCells(out, l + 1, a, period);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void ScanProtection::appendAreaCells(std::vector<std::size_t>& out, std::size_t level, std::size_t area,
                                     std::size_t period) const
{
    for (std::size_t s = 0; s < m_slots; ++s)
        if (const auto c = themeCell(level, area, s, period); c != SparseCellIndex::kAbsent) out.push_back(c);
    for (std::size_t k = 0; k < m_categories; ++k)
        if (const auto c = categoryCell(level, area, k, period); c != SparseCellIndex::kAbsent) out.push_back(c);
}

std::size_t ScanProtection::themeAddress(std::size_t level, std::size_t area, std::size_t slot,
                                         std::size_t period) const
{
    return m_themeBase[level] + (area * m_slots + slot) * m_periods + period;
}

std::size_t ScanProtection::categoryAddress(std::size_t level, std::size_t area, std::size_t category,
                                            std::size_t period) const
{
    return m_categoryBase[level] + (area * m_categories + category) * m_periods + period;
}

std::size_t ScanProtection::themeCell(std::size_t level, std::size_t area, std::size_t slot, std::size_t period) const
{
    return m_index.cell(themeAddress(level, area, slot, period));
}

std::size_t ScanProtection::categoryCell(std::size_t level, std::size_t area, std::size_t category,
                                         std::size_t period) const
{
    return m_index.cell(categoryAddress(level, area, category, period));
}

bool ScanProtection::theme(std::size_t level, std::size_t area, std::size_t slot, std::size_t period) const
{
    const auto* c = cellOrNull(themeCell(level, area, slot, period));
    return !m_rounding && c && c->hidden();
}

bool ScanProtection::category(std::size_t level, std::size_t area, std::size_t category, std::size_t period) const
{
    const auto* c = cellOrNull(categoryCell(level, area, category, period));
    return !m_rounding && c && c->hidden();
}

bool ScanProtection::anyPeriod(std::size_t level, std::size_t area, std::size_t slot) const
{
    for (std::size_t p = 0; p < m_periods; ++p)
        if (theme(level, area, slot, p)) return true;
    return false;
}

} // namespace gebiedscan::pipeline
