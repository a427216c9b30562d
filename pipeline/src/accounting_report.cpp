#include "gebiedscan/pipeline/accounting_report.hpp"

#include "gebiedscan/pipeline/reporter.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace gebiedscan::pipeline {

std::string accountingLine(const RecordAccounting& a)
{
    // "In een gebied" (located in an area: counted in n_total) is kept apart from "in een thema"
    // (a known category): a file of unknown codes is still counted, as overig.
    std::string inArea = a.themeFiltered ? fmt::format("{} in het thema, {} van een ander thema, {} overig", a.assigned,
                                                       a.otherTheme, a.unknownCategory)
                                         : fmt::format("{} in een thema, {} overig", a.assigned, a.unknownCategory);
    std::string line = fmt::format("Registraties: {} gelezen; {} in een gebied ({}), {} buiten de gebieden, {} "
                                   "zonder geldige locatie, {} met onleesbare datum of buiten de perioden",
                                   a.inputRecords, a.inArea(), inArea, a.outside, a.invalidGeometry, a.badDate);
    if (a.weighted) line += fmt::format(", {} zonder geldig gewicht", a.badWeight);
    return line;
}

namespace {

// "veld 'datum', bijv. rij 2 '31-02-2023' (onleesbare datum), rij 5 ..." from the first three
// examples of the bucket(s).
std::string examplesText(const RecordAccounting& a, const std::vector<RecordBucket>& buckets)
{
    std::string field, list;
    int shown = 0;
    for (const auto& e : a.examples) {
        if (std::find(buckets.begin(), buckets.end(), e.bucket) == buckets.end() || shown == 3) continue;
        if (field.empty()) field = e.field;
        list += fmt::format("{}rij {} '{}' ({})", shown++ ? ", " : "", e.row, e.value, e.reason);
    }
    return fmt::format("veld '{}', bijv. {}", field, list);
}

} // namespace

void reportAccounting(const RecordAccounting& a, Reporter& reporter, const std::string& sourceCrs)
{
    reporter.info(accountingLine(a));
    // Loud when most of the data is lost in one bucket: the field, three examples and the reason.
    using B = RecordBucket;
    struct Lost {
        std::uint64_t count;
        std::vector<RecordBucket> buckets;
        const char* what;
    };
    for (const Lost& l : {Lost{a.invalidGeometry, {B::InvalidGeometry}, "zonder geldige locatie"},
                          Lost{a.badDate,
                               {B::BadDateUnparseable, B::EndBeforeStart, B::OutOfPeriod},
                               "met onleesbare datum of buiten de perioden"},
                          Lost{a.badWeight, {B::BadWeight}, "zonder geldig gewicht"},
                          Lost{a.unknownCategory, {B::UnknownCategory}, "met onbekende categorie (overig)"}})
        if (l.count > 0 && 2 * l.count > a.inputRecords)
            reporter.warning(fmt::format("{} van {} registraties {}: {}", l.count, a.inputRecords, l.what,
                                         examplesText(a, l.buckets)));
    // Most valid points outside every area usually means a wrong CRS (lon/lat declared as RD, or
    // x/y swapped). Points at (0, 0) are invalid, not outside, so they cannot raise this. A count
    // table has no CRS (empty): its unknown codes are reported with the table.
    const auto located = a.assigned + a.outside + a.unknownCategory + a.otherTheme;
    if (a.outside > 0 && 2 * a.outside > located && !sourceCrs.empty())
        reporter.warning(
            fmt::format("{} van {} registraties met een geldige locatie liggen buiten alle gebieden: klopt het CRS "
                        "van de registraties ({})? Geef het met --assume-crs als het bestand er geen heeft; {}",
                        a.outside, located, sourceCrs, examplesText(a, {B::Outside})));
    if (!a.unknownCodes.empty()) {
        std::string list;
        int shown = 0;
        for (const auto& [code, n] : a.unknownCodes) {
            if (shown++ == 10) {
                list += ", ...";
                break;
            }
            list += fmt::format("{}{} ({}x)", list.empty() ? "" : ", ", code, n);
        }
        reporter.info("Onbekende categorieën (overig): " + list);
    }
}

void writeAccountingJson(const RecordAccounting& a, nlohmann::ordered_json& s)
{
    s["input_records"] = a.inputRecords;
    s["invalid_geometry"] = a.invalidGeometry;
    s["bad_date"] = a.badDate;
    s["bad_date_detail"] = {{"unparseable", a.badDateUnparseable},
                            {"end_before_start", a.badDateReversed},
                            {"out_of_period", a.outOfPeriod()}};
    s["bad_weight"] = a.badWeight;
    s["outside"] = a.outside;
    s["unknown_category"] = a.unknownCategory;
    s["other_theme"] = a.otherTheme;
    s["assigned"] = a.assigned;
    nlohmann::ordered_json unknown = nlohmann::ordered_json::object();
    for (const auto& [code, n] : a.unknownCodes) unknown[code] = n;
    s["unknown_categories"] = unknown;
    s["example_problem_rows"] = a.exampleRows;
    nlohmann::ordered_json examples = nlohmann::ordered_json::array();
    for (const auto& e : a.examples)
        examples.push_back({{"bucket", bucketKey(e.bucket)},
                            {"row", e.row},
                            {"field", e.field},
                            {"value", e.value},
                            {"reason", e.reason}});
    s["examples"] = examples;
}

} // namespace gebiedscan::pipeline
