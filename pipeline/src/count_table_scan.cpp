#include "count_table_scan.hpp"

#include "gebiedscan/core/area_hierarchy.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include <fmt/core.h>

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
    r.countTable = table.addTo(r.model, areas.codes, higher, *r.counts, r.accounting);
    r.incidentsDescription = table.description();
    r.incidentsCrs.clear();
    const auto& f = table.fields();
    r.fieldsUsed["count_area"] = f.area;
    r.fieldsUsed["count_category"] = table.wide() ? std::string("(breed: een kolom per categorie)") : f.category;
    r.fieldsUsed["count_period"] = f.period;
    r.fieldsUsed["count_value"] = f.count;
    r.months = 0; // counts per period only: no monthly trend
    r.monthly.clear();
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
