#include "gebiedscan/pipeline/scan_options.hpp"

#include "gebiedscan/pipeline/toml_keys.hpp"

#include "gebiedscan/core/error.hpp"

#include <fmt/core.h>
#include <toml++/toml.h>

#include <algorithm>

namespace gebiedscan::pipeline {

namespace fs = std::filesystem;

namespace {

// Relative paths in a project file are relative to the file; PG: strings stay as they are.
std::string resolve(const std::string& value, const fs::path& base)
{
    if (value.empty() || value.rfind("PG:", 0) == 0 || fs::path(value).is_absolute()) return value;
    return (base / value).lexically_normal().string();
}

} // namespace

void loadProjectFile(const fs::path& file, ScanOptions& o)
{
    if (!fs::exists(file)) throw InputError("project file '" + file.string() + "' does not exist");
    toml::table root;
    try {
        root = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        throw InputError(fmt::format("{}:{}:{}: {}", file.string(), e.source().begin.line, e.source().begin.column,
                                     e.description()));
    }
    const fs::path base = fs::absolute(file).parent_path();
    const auto* scan = root["scan"].as_table();
    if (!scan) throw InputError(file.string() + ": section [scan] is missing");

    rejectUnknownKeys(root, {"scan", "period"}, file, "the project file");
    rejectUnknownKeys(*scan,
                      {"incidents",
                       "incidents_layer",
                       "areas",
                       "areas_layer",
                       "area_code_field",
                       "area_name_field",
                       "area_parent_fields",
                       "population_field",
                       "category_field",
                       "label_field",
                       "date_field",
                       "date_to_field",
                       "x_field",
                       "y_field",
                       "model",
                       "working_crs",
                       "assume_crs",
                       "areas_crs",
                       "grid",
                       "year",
                       "reference_years",
                       "out",
                       "strict",
                       "internal",
                       "csv",
                       "filter",
                       "threads",
                       "permutations"},
                      file, "[scan]");

    const auto str = [&](const char* key, std::string& target, bool isPath = false) {
        if (const auto* node = scan->get(key)) {
            auto v = node->value<std::string>();
            if (!v)
                throw InputError(
                    fmt::format("{}:{}: '{}' must be text", file.string(), node->source().begin.line, key));
            target = isPath ? resolve(*v, base) : *v;
        }
    };
    str("incidents", o.incidents.path, true);
    str("incidents_layer", o.incidents.layer);
    str("x_field", o.incidents.xField);
    str("y_field", o.incidents.yField);
    str("assume_crs", o.incidents.assumeCrs);
    str("areas_crs", o.areas.assumeCrs);
    str("filter", o.incidents.attributeFilter);
    str("areas", o.areas.path, true);
    str("areas_layer", o.areas.layer);
    str("area_code_field", o.areaFields.code);
    str("area_name_field", o.areaFields.name);
    str("population_field", o.areaFields.population);
    str("category_field", o.categoryField);
    str("label_field", o.labelField);
    str("date_field", o.dateField);
    str("date_to_field", o.dateToField);
    str("working_crs", o.workingCrs);
    str("grid", o.grid);
    std::string text;
    str("model", text, true);
    if (!text.empty()) o.model = text;
    text.clear();
    str("out", text, true);
    if (!text.empty()) o.outDir = text;
    text.clear();
    str("csv", text);
    if (!text.empty()) {
        if (text != "nl" && text != "intl") throw InputError(file.string() + ": csv must be \"nl\" or \"intl\"");
        o.dutchCsv = text == "nl";
    }
    if (const auto* parents = (*scan)["area_parent_fields"].as_array())
        for (const auto& p : *parents)
            if (auto v = p.value<std::string>()) o.areaFields.parentCodes.push_back(*v);
    if (auto y = (*scan)["year"].value<int64_t>()) o.year = static_cast<int>(*y);
    if (auto r = (*scan)["reference_years"].value<int64_t>()) o.referenceYears = static_cast<int>(*r);
    if (auto b = (*scan)["strict"].value<bool>()) o.strict = *b;
    if (auto n = (*scan)["permutations"].value<int64_t>())
        o.permutations = static_cast<std::size_t>(std::max<int64_t>(0, *n));
    if (auto t = (*scan)["threads"].value<int64_t>()) o.threads = static_cast<unsigned>(std::max<int64_t>(0, *t));
    if (auto b = (*scan)["internal"].value<bool>()) o.internal = *b;
    if (!o.incidents.assumeCrs.empty() && o.areas.assumeCrs.empty()) o.areas.assumeCrs = o.incidents.assumeCrs;

    if (const auto* periods = root["period"].as_array())
        for (const auto& node : *periods) {
            const auto* t = node.as_table();
            if (!t) continue;
            rejectUnknownKeys(*t, {"id", "role", "from", "to"}, file, "[[period]]");
            PeriodOption p;
            p.id = (*t)["id"].value_or(std::string());
            p.current = (*t)["role"].value_or(std::string("reference")) == "current";
            const auto bound = [&](const char* key) -> std::string {
                const auto* n = t->get(key);
                if (!n)
                    throw InputError(
                        fmt::format("{}:{}: period needs '{}'", file.string(), node.source().begin.line, key));
                if (auto d = n->value<toml::date>()) return fmt::format("{:04}-{:02}-{:02}", d->year, d->month, d->day);
                if (auto s = n->value<std::string>()) return *s;
                throw InputError(fmt::format("{}:{}: '{}' must be a date", file.string(), n->source().begin.line, key));
            };
            p.from = bound("from");
            p.to = bound("to");
            if (p.id.empty()) p.id = p.from.substr(0, 4);
            o.periods.push_back(p);
        }
}

} // namespace gebiedscan::pipeline
