#include "count_table_scan.hpp"

#include "gebiedscan/core/area_hierarchy.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/emerging_hotspots.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace gebiedscan::pipeline {

void fillFromCountTable(CountTable& table, const gis::AreaLayer& areas, ScanResult& r, Reporter& reporter)
{
    // The codes above the areas (wijken and gemeenten, from the layer or the CBS code): a table
    // that lists them beside the buurten holds sums the scan forms itself.
    std::set<std::string> higher;
    for (const auto& level : areas.parentCodes) higher.insert(level.begin(), level.end());
    for (const auto& code : areas.codes)
        for (std::string up = cbsParentCode(code); !up.empty(); up = cbsParentCode(up)) higher.insert(up);
    higher.erase("");

    r.counts = std::make_unique<ScanCounts>(areas.codes.size(), r.model.categories.size(), r.model.periods.size());
    r.accounting = RecordAccounting{};
    // Monthly values (CBS 2023MM05) also go into the months, for the trend per theme as with
    // registrations; a table with quarters or years cannot be split into months.
    struct MonthValue {
        std::size_t area, slot;
        std::int64_t month;
        std::uint64_t count;
    };
    std::vector<MonthValue> monthValues;
    bool allMonths = true;
    const std::size_t slotCount = r.model.themes.size() + 2;
    const auto slotOf = [&](std::optional<std::size_t> category) {
        return category ? *r.model.themeIndex(r.model.categories[*category].themeId) : slotCount - 1;
    };
    const auto used = [&](std::size_t area, std::optional<std::size_t> category,
                          const std::optional<TimeInterval>& period, std::uint64_t count) {
        const bool oneMonth =
            period && period->end.seconds - period->start.seconds >= 28 * kSecondsPerDay &&
            periodOrdinal(period->start, TimePeriod::Month) + 1 == periodOrdinal(period->end, TimePeriod::Month) &&
            period->start.seconds % kSecondsPerDay == 0;
        allMonths = allMonths && oneMonth;
        if (allMonths)
            monthValues.push_back({area, slotOf(category), periodOrdinal(period->start, TimePeriod::Month), count});
    };
    r.countTable = table.addTo(r.model, areas.codes, higher, *r.counts, r.accounting, used);
    r.incidentsDescription = table.description();
    r.incidentsCrs.clear();
    const auto& f = table.fields();
    r.fieldsUsed["count_area"] = f.area;
    r.fieldsUsed["count_category"] = table.wide() ? std::string("(breed: een kolom per categorie)") : f.category;
    r.fieldsUsed["count_period"] = f.period;
    r.fieldsUsed["count_value"] = f.count;
    r.months = 0;
    r.monthly.clear();
    r.subYearDates = allMonths && !monthValues.empty();
    if (r.subYearDates) { // month steps spanning all periods, as for registrations
        LocalTime spanStart = r.model.periods.front().from, spanEnd = r.model.periods.front().to;
        for (const auto& p : r.model.periods) {
            spanStart = std::min(spanStart, p.from);
            spanEnd = std::max(spanEnd, p.to);
        }
        r.firstMonth = periodOrdinal(spanStart, TimePeriod::Month);
        r.months = static_cast<std::size_t>(periodOrdinal(LocalTime{spanEnd.seconds - 1}, TimePeriod::Month) -
                                            r.firstMonth + 1);
        MonthlyCounts monthly(areas.codes.size() * slotCount * r.months);
        for (const auto& v : monthValues) {
            const auto month = static_cast<std::size_t>(v.month - r.firstMonth);
            if (month >= r.months) continue;
            monthly.add((v.area * slotCount + v.slot) * r.months + month, static_cast<std::uint32_t>(v.count));
            monthly.add((v.area * slotCount + slotCount - 2) * r.months + month, static_cast<std::uint32_t>(v.count));
        }
        r.monthly = monthly.sorted();
    } else if (r.accounting.inArea() > 0) {
        reporter.info("Geen aantallen per maand in de teltabel (alleen jaren of kwartalen): geen trend per maand");
    }
    if (!r.accounting.balanced()) throw Error("internal error: count-table accounting does not add up");

    std::vector<std::uint64_t> perPeriod(r.model.periods.size(), 0);
    for (std::size_t a = 0; a < r.counts->areas(); ++a)
        for (std::size_t c = 0; c < r.counts->categories(); ++c)
            for (std::size_t p = 0; p < perPeriod.size(); ++p) perPeriod[p] += r.counts->at(a, c, p);
    std::string empty;
    for (std::size_t p = 0; p < perPeriod.size(); ++p)
        if (!r.model.periods[p].current && perPeriod[p] == 0)
            empty += (empty.empty() ? "" : ", ") + r.model.periods[p].id;
    if (!empty.empty())
        reporter.warning(fmt::format("teltabel: geen aantallen voor referentieperiode {}: de verandering daartegen "
                                     "zegt niets; geef een tabel met die jaren, of --reference-years 0",
                                     empty));
}

} // namespace gebiedscan::pipeline
