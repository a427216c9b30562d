#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan_build_paths.hpp"

#include "gebiedscan/pipeline/toml_keys.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <toml++/toml.h>

#include <fmt/core.h>

#include <cstdint>
#include <optional>

namespace gebiedscan::pipeline {

namespace fs = std::filesystem;

fs::path defaultModelPath()
{
    for (const fs::path& candidate : {fs::path(GEBIEDSCAN_DATA_DIR) / "model/default_model.toml",
                                      fs::path("/usr/share/gebiedscan/model/default_model.toml")})
        if (fs::exists(candidate)) return candidate;
    throw InputError(tr("standaard-scanmodel niet gevonden (data/model/default_model.toml); geef --model",
                        "default scan model not found (data/model/default_model.toml); give --model"));
}

LocalTime parsePeriodBound(const std::string& text, bool end, const std::string& where)
{
    const auto interval = parseTimeInterval(text);
    if (!interval)
        throw InputError(tr(where + ": '" + text + "' is geen datum (gebruik 2023-01-01)",
                            where + ": '" + text + "' is not a date (use 2023-01-01)"));
    return end ? interval->end : interval->start;
}

namespace {

std::string location(const toml::node& node, const fs::path& file)
{
    return fmt::format("{}:{}", file.string(), node.source().begin.line);
}

std::string requireString(const toml::table& t, const char* key, const fs::path& file)
{
    if (auto v = t[key].value<std::string>()) return *v;
    throw InputError(tr(fmt::format("{}: sleutel '{}' ontbreekt of is geen tekst", location(t, file), key),
                        fmt::format("{}: key '{}' is missing or not text", location(t, file), key)));
}

std::vector<std::string> stringList(const toml::table& t, const char* key, const fs::path& file)
{
    std::vector<std::string> out;
    const auto* node = t.get(key);
    if (!node) return out;
    const auto* array = node->as_array();
    if (!array)
        throw InputError(tr(fmt::format("{}: '{}' moet een lijst van teksten zijn", location(*node, file), key),
                            fmt::format("{}: '{}' must be a list of text", location(*node, file), key)));
    for (const auto& item : *array) {
        auto s = item.value<std::string>();
        if (!s)
            throw InputError(tr(fmt::format("{}: '{}' moet een lijst van teksten zijn", location(item, file), key),
                                fmt::format("{}: '{}' must be a list of text", location(item, file), key)));
        out.push_back(*s);
    }
    return out;
}

std::string dateText(const toml::node& node, const fs::path& file, const char* key)
{
    if (auto d = node.value<toml::date>()) return fmt::format("{:04}-{:02}-{:02}", d->year, d->month, d->day);
    if (auto s = node.value<std::string>()) return *s;
    if (auto i = node.value<int64_t>()) return std::to_string(*i); // a bare year
    throw InputError(tr(fmt::format("{}: '{}' moet een datum zijn, zoals 2023-01-01", location(node, file), key),
                        fmt::format("{}: '{}' must be a date such as 2023-01-01", location(node, file), key)));
}

// The CBS/police list of crime categories (47018NED) with the police incident codes behind each
// (columns `code` and `incident_codes`, ";"-separated): incident code -> category code. A code
// listed under two categories keeps the first (F614 is under 3.9.1 and 3.9.3, one theme).
std::unordered_map<std::string, std::string> readIncidentCodes(const fs::path& file)
{
    gis::SourceSpec source;
    source.path = file.string();
    gis::VectorReader reader(source);
    reader.selectFields({"code", "incident_codes"});
    std::unordered_map<std::string, std::string> out;
    gis::Feature f;
    while (reader.next(f)) {
        const std::string category = f.values[0].value_or("");
        const std::string list = f.values[1].value_or("");
        for (std::size_t start = 0; start < list.size();) {
            const auto end = std::min(list.find(';', start), list.size());
            std::string code = list.substr(start, end - start);
            std::erase(code, ' ');
            for (char& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            if (!code.empty() && !category.empty()) out.emplace(code, category);
            start = end + 1;
        }
    }
    if (out.empty())
        throw InputError(tr(reader.description() + ": geen incidentcodes (kolommen code, incident_codes)",
                            reader.description() + ": no incident codes (columns code, incident_codes)"));
    return out;
}

// Disclosure thresholds: counts 1..T-1 are hidden outside the police. Read as a whole TOML
// integer and range-checked before any narrowing, so 4294967296 or -5 cannot wrap into a
// threshold that switches suppression off.
constexpr std::int64_t kMinThreshold = 2;
constexpr std::int64_t kMaxThreshold = 1000;

std::optional<int> threshold(const toml::table& t, const fs::path& file, const std::string& where)
{
    const auto* node = t.get("suppress_below");
    if (!node) return std::nullopt;
    const auto value = node->value_exact<int64_t>();
    if (!value)
        throw InputError(
            tr(fmt::format("{}: {} suppress_below moet een geheel getal zijn (bv. 5)", location(*node, file), where),
               fmt::format("{}: {} suppress_below must be a whole number (e.g. 5)", location(*node, file), where)));
    if (*value < kMinThreshold || *value > kMaxThreshold)
        throw InputError(tr(fmt::format("{}: {} suppress_below = {} valt buiten {}..{} (aantallen 1..suppress_below-1 "
                                        "worden verborgen; 5 is gebruikelijk, 10 voor gevoelige thema's)",
                                        location(*node, file), where, *value, kMinThreshold, kMaxThreshold),
                            fmt::format("{}: {} suppress_below = {} lies outside {}..{} (counts 1..suppress_below-1 "
                                        "are hidden; 5 is usual, 10 for sensitive themes)",
                                        location(*node, file), where, *value, kMinThreshold, kMaxThreshold)));
    return static_cast<int>(*value);
}

} // namespace

ScanModel loadScanModel(const fs::path& file)
{
    if (!fs::exists(file))
        throw InputError(
            tr("scanmodel '" + file.string() + "' bestaat niet", "scan model '" + file.string() + "' does not exist"));
    const toml::table root = parseTomlFile(file);
    rejectUnknownKeys(root, {"model", "theme", "category", "period"}, file, tr("het scanmodel", "the scan model"));
    ScanModel model;
    if (const auto* m = root["model"].as_table()) {
        rejectUnknownKeys(*m, {"name", "suppress_below", "significance", "incident_codes"}, file, "[model]");
        if (const auto* codes = m->get("incident_codes")) {
            const auto path = codes->value<std::string>();
            if (!path)
                throw InputError(tr(location(*codes, file) + ": 'incident_codes' moet een bestandsnaam (tekst) zijn",
                                    location(*codes, file) + ": 'incident_codes' must be a file name (text)"));
            const fs::path list = fs::path(*path).is_absolute() ? fs::path(*path) : file.parent_path() / *path;
            model.incidentCodes = readIncidentCodes(list);
        }
        model.name = (*m)["name"].value_or(std::string(file.stem().string()));
        model.suppressBelow = threshold(*m, file, "[model]").value_or(5);
        model.significance = (*m)["significance"].value_or(0.05);
    } else {
        model.name = file.stem().string();
    }
    if (!(model.significance > 0 && model.significance < 1))
        throw InputError(tr(file.string() + ": significance moet tussen 0 en 1 liggen",
                            file.string() + ": significance must lie between 0 and 1"));

    if (const auto* themes = root["theme"].as_array())
        for (const auto& node : *themes) {
            const auto* t = node.as_table();
            if (!t)
                throw InputError(tr(location(node, file) + ": [[theme]] moet een tabel zijn",
                                    location(node, file) + ": [[theme]] must be a table"));
            rejectUnknownKeys(*t, {"id", "number", "veld", "label", "label_en", "suppress_below"}, file, "[[theme]]");
            Theme theme;
            theme.id = requireString(*t, "id", file);
            theme.number = (*t)["number"].value_or(std::string());
            theme.veld = static_cast<int>((*t)["veld"].value_or(int64_t{0}));
            theme.labelNl = (*t)["label"].value_or(theme.id);
            theme.labelEn = (*t)["label_en"].value_or(theme.labelNl);
            // 0: the model's threshold. A theme may be stricter than the model, never laxer.
            theme.suppressBelow = threshold(*t, file, "[[theme]] '" + theme.id + "'").value_or(0);
            if (theme.suppressBelow > 0 && theme.suppressBelow < model.suppressBelow)
                throw InputError(tr(fmt::format("{}: thema '{}': suppress_below = {} ligt onder die van het model "
                                                "({}); een thema mag alleen strenger zijn",
                                                location(*t->get("suppress_below"), file), theme.id,
                                                theme.suppressBelow, model.suppressBelow),
                                    fmt::format("{}: theme '{}': suppress_below = {} is below the model's {}; a theme "
                                                "may only be stricter",
                                                location(*t->get("suppress_below"), file), theme.id,
                                                theme.suppressBelow, model.suppressBelow)));
            model.themes.push_back(std::move(theme));
        }
    if (const auto* categories = root["category"].as_array())
        for (const auto& node : *categories) {
            const auto* t = node.as_table();
            if (!t)
                throw InputError(tr(location(node, file) + ": [[category]] moet een tabel zijn",
                                    location(node, file) + ": [[category]] must be a table"));
            rejectUnknownKeys(*t, {"id", "theme", "label", "codes", "labels"}, file, "[[category]]");
            Category c;
            c.id = requireString(*t, "id", file);
            c.themeId = requireString(*t, "theme", file);
            c.labelNl = (*t)["label"].value_or(c.id);
            c.codes = stringList(*t, "codes", file);
            c.labels = stringList(*t, "labels", file);
            if (!model.themeIndex(c.themeId))
                throw InputError(tr(
                    fmt::format("{}: categorie '{}' noemt een onbekend thema '{}'", location(node, file), c.id,
                                c.themeId),
                    fmt::format("{}: category '{}' names unknown theme '{}'", location(node, file), c.id, c.themeId)));
            model.categories.push_back(std::move(c));
        }
    if (const auto* periods = root["period"].as_array())
        for (const auto& node : *periods) {
            const auto* t = node.as_table();
            if (!t)
                throw InputError(tr(location(node, file) + ": [[period]] moet een tabel zijn",
                                    location(node, file) + ": [[period]] must be a table"));
            rejectUnknownKeys(*t, {"id", "role", "from", "to"}, file, "[[period]]");
            Period p;
            p.id = requireString(*t, "id", file);
            const auto role = (*t)["role"].value_or(std::string("reference"));
            if (role != "current" && role != "reference")
                throw InputError(tr(fmt::format("{}: role moet 'current' of 'reference' zijn", location(node, file)),
                                    fmt::format("{}: role must be 'current' or 'reference'", location(node, file))));
            p.current = role == "current";
            const auto* from = t->get("from");
            const auto* to = t->get("to");
            if (!from || !to)
                throw InputError(tr(fmt::format("{}: periode '{}' heeft from en to nodig", location(node, file), p.id),
                                    fmt::format("{}: period '{}' needs from and to", location(node, file), p.id)));

            p.from = parsePeriodBound(dateText(*from, file, "from"), false, location(*from, file));
            p.to = parsePeriodBound(dateText(*to, file, "to"), true, location(*to, file));
            model.periods.push_back(p);
        }
    return model;
}

} // namespace gebiedscan::pipeline
