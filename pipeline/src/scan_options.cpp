#include "gebiedscan/pipeline/scan_options.hpp"

#include "gebiedscan/pipeline/scan_settings.hpp"
#include "gebiedscan/pipeline/toml_keys.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"

#include <fmt/core.h>
#include <toml++/toml.h>

namespace gebiedscan::pipeline {

namespace fs = std::filesystem;

void loadProjectFile(const fs::path& file, ScanOptions& o)
{
    if (!fs::exists(file))
        throw InputError(tr("projectbestand '" + file.string() + "' bestaat niet",
                            "project file '" + file.string() + "' does not exist"));
    const toml::table root = parseTomlFile(file);
    const auto* scan = root["scan"].as_table();
    if (!scan)
        throw InputError(
            tr(file.string() + ": de sectie [scan] ontbreekt", file.string() + ": the section [scan] is missing"));

    rejectUnknownKeys(root, {"scan", "period"}, file, tr("het projectbestand", "the project file"));
    // Every key, its type and its member come from the one table the command line uses too.
    std::vector<std::string_view> keys;
    for (const auto& setting : scanSettings())
        if (!setting.key.empty()) keys.push_back(setting.key);
    rejectUnknownKeys(*scan, keys, file, "[scan]");
    for (const auto& setting : scanSettings())
        if (const auto* node = setting.key.empty() ? nullptr : scan->get(setting.key))
            applyProjectValue(setting, *node, file, o);

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
                        tr(fmt::format("{}:{}: periode heeft '{}' nodig", file.string(), node.source().begin.line, key),
                           fmt::format("{}:{}: period needs '{}'", file.string(), node.source().begin.line, key)));
                if (auto d = n->value<toml::date>()) return fmt::format("{:04}-{:02}-{:02}", d->year, d->month, d->day);
                if (auto s = n->value<std::string>()) return *s;
                throw InputError(
                    tr(fmt::format("{}:{}: '{}' moet een datum zijn", file.string(), n->source().begin.line, key),
                       fmt::format("{}:{}: '{}' must be a date", file.string(), n->source().begin.line, key)));
            };
            p.from = bound("from");
            p.to = bound("to");
            if (p.id.empty()) p.id = p.from.substr(0, 4);
            o.periods.push_back(p);
        }
}

} // namespace gebiedscan::pipeline
