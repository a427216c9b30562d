#include "gebiedscan/pipeline/scan_settings.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace gebiedscan::pipeline {

namespace fs = std::filesystem;

namespace {

using O = ScanOptions;

std::vector<ScanSetting> makeTable()
{
    using T = SettingType;
    // clang-format off
    return {
        {"incidents",          "--incidents",          T::Path,      +[](O& o) -> std::string& { return o.incidents.path; }, {}},
        {"incidents_layer",    "--incidents-layer",    T::Text,      +[](O& o) -> std::string& { return o.incidents.layer; }, {}},
        {"x_field",            "--x-field",            T::Text,      +[](O& o) -> std::string& { return o.incidents.xField; }, {}},
        {"y_field",            "--y-field",            T::Text,      +[](O& o) -> std::string& { return o.incidents.yField; }, {}},
        {"filter",             "--filter",             T::Text,      +[](O& o) -> std::string& { return o.incidents.attributeFilter; }, {}},
        {"assume_crs",         "--assume-crs",         T::Text,      +[](O& o) -> std::string& { return o.incidents.assumeCrs; }, {},
         0, 0, +[](O& o) -> std::string& { return o.areas.assumeCrs; }},
        {"counts",             "--counts",             T::Path,      +[](O& o) -> std::string& { return o.counts.path; },
         "tabel met aantallen per gebied in plaats van registraties (CBS 47018NED lang of breed; CSV, GPKG, XLSX)"},
        {"counts_layer",       "--counts-layer",       T::Text,      +[](O& o) -> std::string& { return o.counts.layer; },
         "laag of blad van de teltabel (bij meer dan één)"},
        {"counts_area_field",  "--counts-area-field",  T::Text,      +[](O& o) -> std::string& { return o.countFields.area; },
         "kolom met de gebiedscode in de teltabel (standaard gezocht: WijkenEnBuurten, buurtcode, ...)"},
        {"counts_category_field", "--counts-category-field", T::Text, +[](O& o) -> std::string& { return o.countFields.category; },
         "kolom met de categorie (SoortMisdrijf 1.1.1 of een thema); zonder: brede tabel, een kolom per categorie"},
        {"counts_period_field", "--counts-period-field", T::Text,    +[](O& o) -> std::string& { return o.countFields.period; },
         "kolom met de periode (Perioden 2023JJ00, 2023KW01, 2023MM05 of een jaar)"},
        {"counts_value_field", "--counts-value-field", T::Text,      +[](O& o) -> std::string& { return o.countFields.count; },
         "kolom met het aantal in een lange teltabel (standaard gezocht: aantal, GeregistreerdeMisdrijven_1, ...)"},
        {"areas",              "--areas",              T::Path,      +[](O& o) -> std::string& { return o.areas.path; }, {}},
        {"areas_layer",        "--areas-layer",        T::Text,      +[](O& o) -> std::string& { return o.areas.layer; }, {}},
        {"areas_crs",          "--areas-crs",          T::Text,      +[](O& o) -> std::string& { return o.areas.assumeCrs; }, {}},
        {"area_code_field",    "--area-code-field",    T::Text,      +[](O& o) -> std::string& { return o.areaFields.code; }, {}},
        {"area_name_field",    "--area-name-field",    T::Text,      +[](O& o) -> std::string& { return o.areaFields.name; }, {}},
        {"area_parent_fields", "--area-parent-field",  T::TextList,  +[](O& o) -> std::vector<std::string>& { return o.areaFields.parentCodes; }, {}},
        {"population_field",   "--population-field",   T::Text,      +[](O& o) -> std::string& { return o.areaFields.population; }, {}},
        {"category_field",     "--category-field",     T::Text,      +[](O& o) -> std::string& { return o.categoryField; }, {}},
        {"label_field",        "--label-field",        T::Text,      +[](O& o) -> std::string& { return o.labelField; }, {}},
        {"date_field",         "--date-field",         T::Text,      +[](O& o) -> std::string& { return o.dateField; }, {}},
        {"date_to_field",      "--date-to-field",      T::Text,      +[](O& o) -> std::string& { return o.dateToField; }, {}},
        {"time_field",         "--time-field",         T::Text,      +[](O& o) -> std::string& { return o.timeField; }, {}},
        {"end_time_field",     "--end-time-field",     T::Text,      +[](O& o) -> std::string& { return o.timeToField; }, {}},
        {"model",              "--model",              T::Path,      +[](O& o) -> fs::path& { return o.model; }, {}},
        {"working_crs",        "--working-crs",        T::Text,      +[](O& o) -> std::string& { return o.workingCrs; }, {}},
        {"grid",               "--grid",               T::Text,      +[](O& o) -> std::string& { return o.grid; },
         "rasterscan: square:500 (CBS-vierkanten) of hex:250 in plaats van de gebieden zelf"},
        {"year",               "--year",               T::Integer,   +[](O& o) -> std::optional<int>& { return o.year; },
         "huidig jaar (1900 t/m 2100); referentie = de jaren ervoor", 1900, 2100},
        {"reference_years",    "--reference-years",    T::Integer,   +[](O& o) -> int& { return o.referenceYears; },
         "aantal referentiejaren bij --year (standaard 3)", 0, 100},
        {"out",                "--out",                T::Path,      +[](O& o) -> fs::path& { return o.outDir; }, {}},
        {"csv",                "--csv",                T::CsvFormat, +[](O& o) -> bool& { return o.dutchCsv; }, {}},
        {"strict",             "--strict",             T::Flag,      +[](O& o) -> bool& { return o.strict; }, {}},
        {"internal",           "--internal",           T::Flag,      +[](O& o) -> bool& { return o.internal; }, {}},
        {"protection",         "--protection",         T::Text,      +[](O& o) -> std::string& { return o.protection; },
         "bescherming buiten de politie: onderdrukken (standaard: kleine aantallen 'geheim') of afronden (alle aantallen gecontroleerd op vijftallen, zoals het CBS)"},
        {"levels",             "--levels",             T::TextList,  +[](O& o) -> std::vector<std::string>& { return o.levels; },
         "alleen deze niveaus schrijven, bv. --levels wijk,gemeente (standaard alle)"},
        {"formats",            "--formats",            T::TextList,  +[](O& o) -> std::vector<std::string>& { return o.formats; },
         "alleen deze formaten schrijven: gpkg, shp, csv, geojson (standaard alle)"},
        {"parent_onbekend",    "--parent-onbekend",    T::Flag,      +[](O& o) -> bool& { return o.parentOnbekend; },
         "gebieden zonder bovenliggend gebied (lege wijk- of gemeentecode) tellen mee onder 'onbekend' in plaats van een fout"},
        {"threads",            "--threads",            T::Integer,   +[](O& o) -> unsigned& { return o.threads; }, {}, 0, 4096},
        {"permutations",       "--permutations",       T::Integer,   +[](O& o) -> std::size_t& { return o.permutations; },
         "permutaties voor de p-waarden van Gi* en LISA (0 t/m 99999; standaard 999; 0 = analytisch)", 0, 99999},
        {"incidents_credit",   "--incidents-credit",   T::Text,      +[](O& o) -> std::string& { return o.incidentsCredit; },
         "bronvermelding van de registraties op kaarten (standaard herkend, anders 'bron onbekend')"},
        {"areas_credit",       "--areas-credit",       T::Text,      +[](O& o) -> std::string& { return o.areasCredit; },
         "bronvermelding van de gebieden (standaard herkend: CBS-codes -> CBS/Kadaster Wijk- en Buurtkaart)"},
        {"survey",             "--survey",             T::Path,      +[](O& o) -> std::string& { return o.survey.path; },
         "enquêtecijfers per gebied naast de registraties (Veiligheidsmonitor: onveilig %, overlastschaal; met respondenten n en marge)"},
        {"survey_layer",       "--survey-layer",       T::Text,      +[](O& o) -> std::string& { return o.survey.layer; },
         "laag of blad van de enquêtetabel (bij meer dan één)"},
        {"survey_area_field",  "--survey-area-field",  T::Text,      +[](O& o) -> std::string& { return o.surveyFields.area; },
         "kolom met de gebiedscode in de enquêtetabel (standaard gezocht: de codekolom van de gebieden, wijkcode, buurtcode, ...)"},
        {"survey_indicators",  "--survey-indicator",   T::TextList,  +[](O& o) -> std::vector<std::string>& { return o.surveyFields.indicators; },
         "indicatorkolommen van de enquête (standaard: elke kolom met getallen die geen code, jaar, n of marge is)"},
        {"survey_year_field",  "--survey-year-field",  T::Text,      +[](O& o) -> std::string& { return o.surveyFields.year; },
         "kolom met het jaar van de enquête (standaard gezocht: jaar, Perioden); het laatste jaar wordt gebruikt"},
        {"survey_theme",       "--survey-theme",       T::Text,      +[](O& o) -> std::string& { return o.surveyTheme; },
         "thema (id of nummer) voor de objectieve kant van het kwadrant (standaard alle registraties)"},
        {"survey_higher_is_safer", "--survey-higher-is-safer", T::TextList, +[](O& o) -> std::vector<std::string>& { return o.surveyRules.higherIsSafer; },
         "indicatoren waarbij een hoger cijfer veiliger is (rapportcijfer, voelt zich veilig %): laag telt dan als subjectief onveilig"},
        {"survey_classify_without_margin", "--survey-classify-without-margin", T::Flag, +[](O& o) -> bool& { return o.surveyRules.classifyWithoutMargin; },
         "ook cijfers zonder marge of interval indelen, op het cijfer alleen (standaard: 'geen marge', de onzekerheid is onbekend)"},
        {"survey_credit",      "--survey-credit",      T::Text,      +[](O& o) -> std::string& { return o.surveyCredit; },
         "bronvermelding van de enquête, bv. 'Veiligheidsmonitor 2023 (CBS)'"},
        {"",                   "--quiet",              T::Flag,      +[](O& o) -> bool& { return o.quiet; }, {}},
    };
    // clang-format on
}

// How a wrong value reads in a message: "de tekst \"true\"", "het getal 3", "een lijst".
std::string describe(const toml::node& node)
{
    if (const auto s = node.value<std::string>(); s && node.is_string())
        return fmt::format("{} \"{}\"", tr("de tekst", "the text"), *s);
    if (node.is_integer()) return fmt::format("{} {}", tr("het getal", "the number"), *node.value<std::int64_t>());
    if (node.is_floating_point()) return fmt::format("{} {}", tr("het getal", "the number"), *node.value<double>());
    if (node.is_boolean()) return *node.value<bool>() ? "true" : "false";
    if (node.is_array()) return tr("een lijst", "a list");
    if (node.is_table()) return tr("een tabel", "a table");
    return tr("een datum of tijd", "a date or time");
}

// Relative paths in a project file are relative to the file; PG: strings stay as they are.
std::string resolve(const std::string& value, const fs::path& base)
{
    if (value.empty() || value.rfind("PG:", 0) == 0 || fs::path(value).is_absolute()) return value;
    return (base / value).lexically_normal().string();
}

[[noreturn]] void wrongValue(const fs::path& file, const toml::node& node, std::string_view key,
                             std::string_view expected)
{
    throw InputError(fmt::format("{}:{}: '{}': {} {}, {} {}", file.string(), node.source().begin.line, key,
                                 tr("verwacht", "expected"), expected, tr("niet", "not"), describe(node)));
}

template <typename Accessor>
void setText(const ScanSetting& s, Accessor target, const std::string& value, ScanOptions& o)
{
    target(o) = value;
    if (s.alsoSets) s.alsoSets(o) = value;
}

} // namespace

const std::vector<ScanSetting>& scanSettings()
{
    static const std::vector<ScanSetting> table = makeTable();
    return table;
}

const ScanSetting* findScanSettingByKey(std::string_view key)
{
    const auto& t = scanSettings();
    const auto it =
        std::find_if(t.begin(), t.end(), [&](const ScanSetting& s) { return !key.empty() && s.key == key; });
    return it == t.end() ? nullptr : &*it;
}

const ScanSetting* findScanSettingByFlag(std::string_view flag)
{
    const auto& t = scanSettings();
    const auto it =
        std::find_if(t.begin(), t.end(), [&](const ScanSetting& s) { return !flag.empty() && s.flag == flag; });
    return it == t.end() ? nullptr : &*it;
}

void applyProjectValue(const ScanSetting& s, const toml::node& node, const fs::path& file, ScanOptions& o)
{
    switch (s.type) {
    case SettingType::Text:
    case SettingType::Path: {
        if (!node.is_string()) wrongValue(file, node, s.key, tr("tekst (tussen aanhalingstekens)", "text (in quotes)"));
        std::string value = *node.value<std::string>();
        if (s.type == SettingType::Path) value = resolve(value, fs::absolute(file).parent_path());
        std::visit(
            [&](auto target) {
                if constexpr (std::is_same_v<decltype(target), std::string& (*)(ScanOptions&)>)
                    setText(s, target, value, o);
                else if constexpr (std::is_same_v<decltype(target), fs::path& (*)(ScanOptions&)>)
                    target(o) = value;
            },
            s.target);
        return;
    }
    case SettingType::Integer: {
        if (!node.is_integer())
            wrongValue(file, node, s.key,
                       tr("een geheel getal (zonder aanhalingstekens)", "a whole number (without quotes)"));
        const std::int64_t v = *node.value<std::int64_t>();
        if (v < s.min || v > s.max)
            wrongValue(file, node, s.key,
                       tr(fmt::format("een geheel getal van {} t/m {}", s.min, s.max),
                          fmt::format("a whole number from {} to {}", s.min, s.max)));
        std::visit(
            [&](auto target) {
                using R = std::remove_reference_t<decltype(target(o))>;
                if constexpr (std::is_same_v<R, std::optional<int>>)
                    target(o) = static_cast<int>(v);
                else if constexpr (std::is_integral_v<R> && !std::is_same_v<R, bool>)
                    target(o) = static_cast<R>(v);
            },
            s.target);
        return;
    }
    case SettingType::Flag: {
        if (!node.is_boolean())
            wrongValue(file, node, s.key,
                       tr("true of false (zonder aanhalingstekens)", "true or false (without quotes)"));
        std::get<bool& (*)(ScanOptions&)>(s.target)(o) = *node.value<bool>();
        return;
    }
    case SettingType::TextList: {
        const auto* array = node.as_array();
        if (array == nullptr)
            wrongValue(file, node, s.key,
                       tr("een lijst van teksten, bv. [\"WK_CODE\", \"GM_CODE\"]",
                          "a list of texts, e.g. [\"WK_CODE\", \"GM_CODE\"]"));
        std::vector<std::string> values;
        for (const auto& element : *array) {
            if (!element.is_string())
                wrongValue(file, element, s.key,
                           tr("een lijst van alleen teksten, bv. [\"WK_CODE\", \"GM_CODE\"]",
                              "a list of texts only, e.g. [\"WK_CODE\", \"GM_CODE\"]"));
            values.push_back(*element.value<std::string>());
        }
        std::get<std::vector<std::string>& (*)(ScanOptions&)>(s.target)(o) = std::move(values);
        return;
    }
    case SettingType::CsvFormat: {
        const auto v = node.value<std::string>();
        if (!node.is_string() || (*v != "nl" && *v != "intl"))
            wrongValue(file, node, s.key, tr("\"nl\" of \"intl\"", "\"nl\" or \"intl\""));

        std::get<bool& (*)(ScanOptions&)>(s.target)(o) = *v == "nl";
        return;
    }
    }
}

void copySetting(const ScanSetting& s, ScanOptions& from, ScanOptions& to)
{
    std::visit(
        [&](auto target) {
            target(to) = target(from);
            if constexpr (std::is_same_v<decltype(target), std::string& (*)(ScanOptions&)>)
                if (s.alsoSets) s.alsoSets(to) = target(from);
        },
        s.target);
}

} // namespace gebiedscan::pipeline
