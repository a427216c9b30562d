#include "gebiedscan/core/scan_figures.hpp"

#include "gebiedscan/core/count_test.hpp"
#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace gebiedscan {

ScanCounts::ScanCounts(std::size_t areas, std::size_t modelCategories, std::size_t periods)
    : m_categories(modelCategories + 1), m_periods(periods), m_rows(areas)
{}

void ScanCounts::add(std::size_t area, std::size_t category, std::size_t period, std::uint64_t n)
{
    auto& row = m_rows[area];
    const auto column = static_cast<std::uint32_t>(category * m_periods + period);
    const auto it = std::lower_bound(row.begin(), row.end(), column, [](const auto& e, auto c) { return e.first < c; });
    if (it != row.end() && it->first == column)
        it->second += n;
    else
        row.insert(it, {column, n});
}

std::uint64_t ScanCounts::at(std::size_t area, std::size_t category, std::size_t period) const
{
    const auto& row = m_rows[area];
    const auto column = static_cast<std::uint32_t>(category * m_periods + period);
    const auto it = std::lower_bound(row.begin(), row.end(), column, [](const auto& e, auto c) { return e.first < c; });
    return it != row.end() && it->first == column ? it->second : 0;
}

void ScanCounts::merge(const ScanCounts& other)
{
    if (other.areas() != areas() || other.m_categories != m_categories || other.m_periods != m_periods)
        throw Error("ScanCounts::merge: shape differs");
    for (std::size_t a = 0; a < other.areas(); ++a)
        for (const auto& [column, n] : other.m_rows[a]) add(a, column / m_periods, column % m_periods, n);
}

void ScanCounts::resizeAreas(std::size_t areas)
{
    m_rows.resize(areas);
}

namespace {
// The non-zero entries of a dense row, for SparseRows::appendRow.
void appendNonZero(SparseRows<std::uint64_t>& rows, const std::vector<std::uint64_t>& dense,
                   std::vector<std::pair<std::uint32_t, std::uint64_t>>& scratch)
{
    scratch.clear();
    for (std::size_t k = 0; k < dense.size(); ++k)
        if (dense[k] != 0) scratch.emplace_back(static_cast<std::uint32_t>(k), dense[k]);
    rows.appendRow(scratch);
}
} // namespace

ScanFigures::ScanFigures(const ScanModel& model, const AreaHierarchy& areas, const ScanCounts& counts)
    : m_model(model), m_areas(areas), m_slots(model.themes.size() + 2), m_categories(counts.categories()),
      m_periods(counts.periods())
{
    if (areas.levels.empty() || areas.levels[0].size() != counts.areas())
        throw Error("ScanFigures: counts do not match the base level");
    const auto current = model.currentPeriod();
    if (!current) throw Error("ScanFigures: no current period");
    m_current = *current;

    // Category -> theme slot; overig is its own slot.
    std::vector<std::size_t> slotOf(m_categories, overigSlot());
    for (std::size_t c = 0; c + 1 < m_categories; ++c) slotOf[c] = *model.themeIndex(model.categories[c].themeId);

    // A reference period without a single registration in any area (a year before the extract
    // starts) is not covered by the data, so it is no reference: counting its days would make
    // every area "rise" against an expected value that is too low.
    std::vector<bool> periodHasRecords(m_periods, false);
    for (std::size_t a = 0; a < counts.areas(); ++a)
        counts.forEach(a, [&](std::uint32_t column, std::uint64_t n) {
            if (n > 0) periodHasRecords[column % m_periods] = true;
        });
    for (std::size_t p = 0; p < model.periods.size(); ++p) {
        if (p == m_current)
            m_currentDays += model.periods[p].days();
        else if (periodHasRecords[p])
            m_referenceDays += model.periods[p].days();
        else
            m_emptyReferencePeriods.push_back(p);
    }
    m_hasReference = m_referenceDays > 0.0;

    const auto changeOf = [&](std::uint64_t cur, std::uint64_t ref) {
        ChangeFigure f;
        if (!m_hasReference) return f;
        f.expected = static_cast<double>(ref) * m_currentDays / m_referenceDays;
        if (f.expected > 0.0) f.changePct = (static_cast<double>(cur) - f.expected) / f.expected * 100.0;
        f.pValue = poissonRatioTest(cur, m_currentDays, ref, m_referenceDays);
        if (f.pValue < model.significance)
            f.flag = static_cast<double>(cur) > f.expected ? ChangeFlag::Rise : ChangeFlag::Fall;
        return f;
    };
    const ChangeFigure zeroChange = changeOf(0, 0);

    const std::size_t categoryColumns = m_categories * m_periods, themeColumns = m_slots * m_periods;
    std::vector<std::uint64_t> categoryRow(categoryColumns), themeRow(themeColumns);
    std::vector<std::pair<std::uint32_t, std::uint64_t>> scratch;
    std::vector<std::pair<std::uint32_t, ChangeFigure>> changes;
    m_levels.resize(areas.levels.size());
    for (std::size_t l = 0; l < areas.levels.size(); ++l) {
        const auto& level = areas.levels[l];
        auto& data = m_levels[l];
        const std::size_t n = level.size();
        data.category = SparseRows<std::uint64_t>(categoryColumns);
        data.theme = SparseRows<std::uint64_t>(themeColumns);
        data.change = SparseRows<ChangeFigure>(m_slots, zeroChange);
        // The level below's areas per parent, to roll up one parent at a time.
        std::vector<std::size_t> childStart(n + 1, 0), children;
        if (l > 0) {
            const auto& below = areas.levels[l - 1];
            for (std::size_t a = 0; a < below.size(); ++a)
                if (!below.parent.empty() && below.parent[a] >= 0)
                    ++childStart[static_cast<std::size_t>(below.parent[a]) + 1];
            for (std::size_t p = 0; p < n; ++p) childStart[p + 1] += childStart[p];
            children.resize(childStart[n]);
            std::vector<std::size_t> next(childStart.begin(), childStart.end() - 1);
            for (std::size_t a = 0; a < below.size(); ++a)
                if (!below.parent.empty() && below.parent[a] >= 0)
                    children[next[static_cast<std::size_t>(below.parent[a])]++] = a;
        }
        for (std::size_t a = 0; a < n; ++a) {
            std::fill(categoryRow.begin(), categoryRow.end(), 0);
            if (l == 0) {
                counts.forEach(a, [&](std::uint32_t column, std::uint64_t v) { categoryRow[column] = v; });
            } else { // roll up from the level below: consistent by construction
                const auto& child = m_levels[l - 1].category;
                for (auto i = childStart[a]; i < childStart[a + 1]; ++i)
                    child.forEach(children[i],
                                  [&](std::uint32_t column, std::uint64_t v) { categoryRow[column] += v; });
            }
            appendNonZero(data.category, categoryRow, scratch);

            std::fill(themeRow.begin(), themeRow.end(), 0);
            for (const auto& [column, v] : scratch) {
                const std::size_t c = column / m_periods, p = column % m_periods;
                themeRow[slotOf[c] * m_periods + p] += v;
                // The total is every registration of the area, overig included.
                themeRow[totalSlot() * m_periods + p] += v;
            }
            appendNonZero(data.theme, themeRow, scratch);

            changes.clear();
            for (std::size_t s = 0; s < m_slots; ++s) {
                const auto cur = themeRow[s * m_periods + m_current];
                std::uint64_t ref = 0;
                for (std::size_t p = 0; p < m_periods; ++p)
                    if (p != m_current) ref += themeRow[s * m_periods + p];
                if (cur != 0 || ref != 0) changes.emplace_back(static_cast<std::uint32_t>(s), changeOf(cur, ref));
            }
            data.change.appendRow(changes);
        }
        data.category.shrink();
        data.theme.shrink();
        data.change.shrink();

        // Rank among siblings (same parent; all areas of the level when there is none).
        std::vector<int> rank(n * m_slots, 0);
        std::map<std::int32_t, std::vector<std::size_t>> siblings;
        for (std::size_t a = 0; a < n; ++a) siblings[level.parent.empty() ? -1 : level.parent[a]].push_back(a);
        std::int32_t maxParent = -1;
        for (std::size_t a = 0; a < n && !level.parent.empty(); ++a) maxParent = std::max(maxParent, level.parent[a]);
        data.zeroRank.assign(static_cast<std::size_t>(maxParent + 2) * m_slots, 1);
        std::vector<std::uint64_t> currentCounts(n);
        for (std::size_t s = 0; s < m_slots; ++s) {
            for (std::size_t a = 0; a < n; ++a) currentCounts[a] = themeCount(l, a, s, m_current);
            for (auto& [parent, group] : siblings) {
                const auto value = [&](std::size_t a) { return currentCounts[a]; };
                std::vector<std::size_t> order = group;
                std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return value(x) > value(y); });
                for (std::size_t i = 0; i < order.size(); ++i) {
                    const bool tie = i > 0 && value(order[i]) == value(order[i - 1]);
                    rank[order[i] * m_slots + s] = tie ? rank[order[i - 1] * m_slots + s] : static_cast<int>(i + 1);
                    // Every 0 of a group ties with the first 0: one rank per group.
                    if (value(order[i]) == 0)
                        data.zeroRank[static_cast<std::size_t>(parent + 1) * m_slots + s] =
                            rank[order[i] * m_slots + s];
                }
            }
        }
        data.rank = SparseRows<int>(m_slots, 0);
        std::vector<std::pair<std::uint32_t, int>> ranks;
        for (std::size_t a = 0; a < n; ++a) {
            ranks.clear();
            for (std::size_t s = 0; s < m_slots; ++s)
                if (themeCount(l, a, s, m_current) != 0)
                    ranks.emplace_back(static_cast<std::uint32_t>(s), rank[a * m_slots + s]);
            data.rank.appendRow(ranks);
        }
        data.rank.shrink();
    }
}

std::size_t ScanCounts::stored() const
{
    std::size_t n = 0;
    for (const auto& row : m_rows) n += row.size();
    return n;
}

std::size_t ScanFigures::seriesWithCounts(std::size_t level) const
{
    const auto& lv = m_levels[level];
    std::size_t series = 0;
    for (const auto* rows : {&lv.theme, &lv.category})
        for (std::size_t a = 0; a < rows->rows(); ++a) {
            std::size_t last = SIZE_MAX;
            rows->forEach(a, [&](std::uint32_t column, std::uint64_t n) {
                const std::size_t slot = column / m_periods;
                if (n > 0 && slot != last) ++series, last = slot;
            });
        }
    return series;
}

std::uint64_t ScanFigures::themeCount(std::size_t level, std::size_t area, std::size_t slot, std::size_t period) const
{
    return m_levels[level].theme.at(area, slot * m_periods + period);
}

std::uint64_t ScanFigures::categoryCount(std::size_t level, std::size_t area, std::size_t category,
                                         std::size_t period) const
{
    return m_levels[level].category.at(area, category * m_periods + period);
}

std::uint64_t ScanFigures::referenceCount(std::size_t level, std::size_t area, std::size_t slot) const
{
    std::uint64_t sum = 0;
    for (std::size_t p = 0; p < m_periods; ++p)
        if (p != m_current) sum += themeCount(level, area, slot, p);
    return sum;
}

const ChangeFigure& ScanFigures::change(std::size_t level, std::size_t area, std::size_t slot) const
{
    return m_levels[level].change.at(area, slot);
}

std::optional<double> ScanFigures::ratePer1000(std::size_t level, std::size_t area, std::size_t slot) const
{
    const auto& pop = m_areas.levels[level].population[area];
    if (!pop || *pop <= 0.0) return std::nullopt;
    return static_cast<double>(themeCount(level, area, slot, m_current)) / *pop * 1000.0;
}

int ScanFigures::rank(std::size_t level, std::size_t area, std::size_t slot) const
{
    const auto& data = m_levels[level];
    if (const int r = data.rank.at(area, slot); r != 0) return r;
    const auto& parent = m_areas.levels[level].parent;
    return data.zeroRank[static_cast<std::size_t>((parent.empty() ? -1 : parent[area]) + 1) * m_slots + slot];
}

namespace {
// Hides, per group of cells, every count in [1, threshold) and then, if exactly one cell is
// hidden, the smallest other non-zero cell, so that the group's total does not reveal it.
template <class CountFn, class ThresholdFn, class HideFn>
std::uint64_t suppressGroup(const std::vector<std::size_t>& members, CountFn count, ThresholdFn threshold, HideFn hide)
{
    std::uint64_t hidden = 0;
    std::vector<bool> isHidden(members.size(), false);
    for (std::size_t i = 0; i < members.size(); ++i) {
        const auto v = count(members[i]);
        if (v >= 1 && v < static_cast<std::uint64_t>(threshold(members[i]))) {
            isHidden[i] = true;
            ++hidden;
        }
    }
    if (hidden == 1) {
        std::size_t best = members.size();
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (isHidden[i] || count(members[i]) == 0) continue;
            if (best == members.size() || count(members[i]) < count(members[best])) best = i;
        }
        if (best != members.size()) {
            isHidden[best] = true;
            ++hidden;
        }
    }
    for (std::size_t i = 0; i < members.size(); ++i)
        if (isHidden[i]) hide(members[i]);
    return hidden;
}
} // namespace

SuppressionMask::SuppressionMask(const ScanFigures& f)
    : m_slots(f.themeSlots()), m_categories(f.categorySlots()), m_periods(f.periods())
{
    const auto& model = f.model();
    const auto themeThreshold = [&](std::size_t slot) {
        if (slot < model.themes.size() && model.themes[slot].suppressBelow > 0) return model.themes[slot].suppressBelow;
        return model.suppressBelow;
    };
    std::vector<std::size_t> categorySlot(m_categories, f.overigSlot());
    for (std::size_t c = 0; c + 1 < m_categories; ++c) categorySlot[c] = *model.themeIndex(model.categories[c].themeId);

    std::vector<std::size_t> themeMembers; // themes and overig, not the total
    for (std::size_t s = 0; s < m_slots; ++s)
        if (s != f.totalSlot()) themeMembers.push_back(s);

    const auto& levels = f.hierarchy().levels;
    m_theme.resize(levels.size());
    m_category.resize(levels.size());
    for (std::size_t l = 0; l < levels.size(); ++l) {
        const std::size_t n = levels[l].size();
        m_theme[l].assign(n * m_slots * m_periods, false);
        m_category[l].assign(n * m_categories * m_periods, false);
        for (std::size_t a = 0; a < n; ++a)
            for (std::size_t p = 0; p < m_periods; ++p) {
                m_cells += suppressGroup(
                    themeMembers, [&](std::size_t s) { return f.themeCount(l, a, s, p); }, themeThreshold,
                    [&](std::size_t s) { m_theme[l][(a * m_slots + s) * m_periods + p] = true; });
                // The total itself is hidden only when it is small.
                const auto total = f.themeCount(l, a, f.totalSlot(), p);
                if (total >= 1 && total < static_cast<std::uint64_t>(model.suppressBelow)) {
                    m_theme[l][(a * m_slots + f.totalSlot()) * m_periods + p] = true;
                    ++m_cells;
                }
                for (std::size_t s = 0; s < m_slots; ++s) {
                    std::vector<std::size_t> cats;
                    for (std::size_t c = 0; c < m_categories; ++c)
                        if (categorySlot[c] == s) cats.push_back(c);
                    const bool themeHidden = m_theme[l][(a * m_slots + s) * m_periods + p];
                    m_cells += suppressGroup(
                        cats, [&](std::size_t c) { return f.categoryCount(l, a, c, p); },
                        [&](std::size_t) { return themeThreshold(s); },
                        [&](std::size_t c) { m_category[l][(a * m_categories + c) * m_periods + p] = true; });
                    // A hidden theme hides its categories too.
                    if (themeHidden)
                        for (auto c : cats) m_category[l][(a * m_categories + c) * m_periods + p] = true;
                }
            }
    }
}

bool SuppressionMask::theme(std::size_t level, std::size_t area, std::size_t slot, std::size_t period) const
{
    return m_theme[level][(area * m_slots + slot) * m_periods + period];
}

bool SuppressionMask::category(std::size_t level, std::size_t area, std::size_t category, std::size_t period) const
{
    return m_category[level][(area * m_categories + category) * m_periods + period];
}

bool SuppressionMask::anyPeriod(std::size_t level, std::size_t area, std::size_t slot) const
{
    for (std::size_t p = 0; p < m_periods; ++p)
        if (theme(level, area, slot, p)) return true;
    return false;
}

} // namespace gebiedscan
