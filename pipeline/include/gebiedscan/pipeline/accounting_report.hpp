#pragma once
// The record accounting as every command prints it and writes it into summary.json.
#include "gebiedscan/pipeline/record_accounting.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace gebiedscan::pipeline {

class Reporter;

/// The line "Registraties: N gelezen; G in een gebied (A in een thema, U overig), ..." (buckets
/// that cannot apply to the command, other_theme and bad_weight, only when they do).
[[nodiscard]] std::string accountingLine(const RecordAccounting& accounting);

/// Prints the accounting line and the unknown categories (info). Warns when most records are
/// lost in one bucket (invalid geometry, bad date, bad weight, unknown category: with the field,
/// three example rows and values and the reason) and when most located records lie outside
/// every area, which usually means a wrong CRS (`sourceCrs` is named).
void reportAccounting(const RecordAccounting& accounting, Reporter& reporter, const std::string& sourceCrs);

/// Writes the accounting into `summary`: input_records, invalid_geometry, bad_date (with
/// bad_date_detail: unparseable, out_of_period), bad_weight, outside, unknown_category,
/// other_theme, assigned, unknown_categories (code -> records), example_problem_rows and
/// examples [{bucket, row, field, value, reason}].
void writeAccountingJson(const RecordAccounting& accounting, nlohmann::ordered_json& summary);

} // namespace gebiedscan::pipeline
