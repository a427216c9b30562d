// Disclosure control of the Knox table: a two-way table with published margins (see the header).
#include "gebiedscan/pipeline/near_repeat_protection.hpp"

#include "gebiedscan/pipeline/secondary_suppression.hpp"
#include "gebiedscan/pipeline/table_audit.hpp"

#include <fmt/core.h>

namespace gebiedscan::pipeline {

namespace {

std::size_t add(ProtectionTable& t, const std::optional<std::int64_t>& v, int threshold, bool trueValues,
                std::string label)
{
    if (!v) return t.addHiddenCell(threshold, std::move(label));
    return trueValues ? t.addCell(*v, threshold, std::move(label))
                      : t.addPublishedCell(*v, threshold, std::move(label));
}

// The sums of `margins` lines of `length` observed counts each; a hidden margin is nullopt.
template <class Observed>
std::vector<std::optional<std::int64_t>> publishedMargins(const std::vector<bool>& hidden, std::size_t margins,
                                                          std::size_t length, const Observed& observed)
{
    std::vector<std::optional<std::int64_t>> out(margins);
    for (std::size_t m = 0; m < margins; ++m) {
        if (!hidden.empty() && hidden[m]) continue;
        std::int64_t sum = 0;
        for (std::size_t k = 0; k < length; ++k) sum += static_cast<std::int64_t>(observed(m, k));
        out[m] = sum;
    }
    return out;
}

} // namespace

KnoxCells addKnoxTable(ProtectionTable& t, std::size_t rows, std::size_t columns,
                       const std::vector<std::optional<std::int64_t>>& observed,
                       const std::vector<std::optional<std::int64_t>>& rowTotal,
                       const std::vector<std::optional<std::int64_t>>& columnTotal, std::int64_t pairs, int threshold,
                       bool trueValues)
{
    KnoxCells k;
    for (std::size_t d = 0; d < rows; ++d)
        for (std::size_t c = 0; c < columns; ++c)
            k.cell.push_back(add(t, observed[d * columns + c], threshold, trueValues,
                                 fmt::format("Knox-tabel, afstandsklasse {}, tijdklasse {}", d, c)));
    for (std::size_t d = 0; d < rows; ++d)
        k.row.push_back(add(t, rowTotal[d], threshold, trueValues, fmt::format("Knox-tabel, afstandsklasse {}", d)));
    for (std::size_t c = 0; c < columns; ++c)
        k.column.push_back(add(t, columnTotal[c], threshold, trueValues, fmt::format("Knox-tabel, tijdklasse {}", c)));
    // The grand total n (n - 1) / 2 follows from the number of events: always published.
    k.total = t.addPublishedCell(pairs, threshold, "Knox-tabel, alle paren");
    for (std::size_t d = 0; d < rows; ++d) {
        std::vector<RelationTerm> terms{{k.row[d], -1}};
        for (std::size_t c = 0; c < columns; ++c) terms.push_back({k.cell[d * columns + c], 1});
        t.addRelation(std::move(terms));
    }
    for (std::size_t c = 0; c < columns; ++c) {
        std::vector<RelationTerm> terms{{k.column[c], -1}};
        for (std::size_t d = 0; d < rows; ++d) terms.push_back({k.cell[d * columns + c], 1});
        t.addRelation(std::move(terms));
    }
    std::vector<RelationTerm> byRow{{k.total, -1}}, byColumn{{k.total, -1}};
    for (auto r : k.row) byRow.push_back({r, 1});
    for (auto c : k.column) byColumn.push_back({c, 1});
    t.addRelation(std::move(byRow));
    t.addRelation(std::move(byColumn));
    return k;
}

bool NearRepeatProtection::knoxPublished(const NearRepeatTable& table) const
{
    if (observedHidden.empty()) return true;
    for (std::size_t d = 0; d < std::min<std::size_t>(3, table.distanceClasses()); ++d)
        for (std::size_t c = 0; c < std::min<std::size_t>(2, table.timeClasses()); ++c)
            if (observedHidden[table.index(d, c)]) return false;
    return true;
}

std::vector<std::optional<std::int64_t>> NearRepeatProtection::publishedRowTotals(const NearRepeatTable& t) const
{
    return publishedMargins(rowHidden, t.distanceClasses(), t.timeClasses(),
                            [&](std::size_t d, std::size_t c) { return t.observed[t.index(d, c)]; });
}

std::vector<std::optional<std::int64_t>> NearRepeatProtection::publishedColumnTotals(const NearRepeatTable& t) const
{
    return publishedMargins(columnHidden, t.timeClasses(), t.distanceClasses(),
                            [&](std::size_t c, std::size_t d) { return t.observed[t.index(d, c)]; });
}

NearRepeatProtection protectNearRepeatTable(const NearRepeatTable& nr, int threshold)
{
    NearRepeatProtection out;
    out.threshold = threshold;
    const std::size_t rows = nr.distanceClasses(), columns = nr.timeClasses();
    std::vector<std::optional<std::int64_t>> observed(rows * columns), rowTotal(rows, 0), columnTotal(columns, 0);
    for (std::size_t d = 0; d < rows; ++d)
        for (std::size_t c = 0; c < columns; ++c) {
            const auto v = static_cast<std::int64_t>(nr.observed[nr.index(d, c)]);
            observed[nr.index(d, c)] = v;
            *rowTotal[d] += v;
            *columnTotal[c] += v;
        }
    ProtectionTable table;
    const auto k = addKnoxTable(table, rows, columns, observed, rowTotal, columnTotal,
                                static_cast<std::int64_t>(nr.pairs), threshold, true);
    out.primaries = table.count(CellState::Primary);
    bool passed = true;
    if (out.primaries > 0) {
        const auto report = suppressSecondary(table);
        passed = report.auditPassed && report.unprotectable == 0 && !table.cell(k.total).hidden();
    }
    out.observedHidden.assign(rows * columns, false);
    out.expectedHidden.assign(rows * columns, false);
    out.rowHidden.assign(rows, false);
    out.columnHidden.assign(columns, false);
    if (!passed) {
        // No pattern with the grand total published: nothing of the table goes out.
        out.everythingHidden = true;
        out.observedHidden.assign(rows * columns, true);
        out.expectedHidden.assign(rows * columns, true);
        out.rowHidden.assign(rows, true);
        out.columnHidden.assign(columns, true);
        out.secondaries = rows * columns + rows + columns - out.primaries;
        return out;
    }
    for (std::size_t d = 0; d < rows; ++d) out.rowHidden[d] = table.cell(k.row[d]).hidden();
    for (std::size_t c = 0; c < columns; ++c) out.columnHidden[c] = table.cell(k.column[c]).hidden();
    for (std::size_t d = 0; d < rows; ++d)
        for (std::size_t c = 0; c < columns; ++c) {
            const auto i = nr.index(d, c);
            out.observedHidden[i] = table.cell(k.cell[i]).hidden();
            out.expectedHidden[i] = out.rowHidden[d] || out.columnHidden[c];
        }
    out.secondaries = table.count(CellState::Secondary);
    return out;
}

} // namespace gebiedscan::pipeline
