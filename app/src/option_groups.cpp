#include "option_groups.hpp"

#include "gebiedscan/pipeline/scan_settings.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <type_traits>

namespace gebiedscan::app {

namespace {

// Options that sit in more than one group: each is declared here, once.
void addXYFields(CLI::App& group, std::string& xField, std::string& yField)
{
    group.add_option("--x-field", xField, "CSV: kolom met X of lengtegraad (standaard: herkend)");
    group.add_option("--y-field", yField, "CSV: kolom met Y of breedtegraad (standaard: herkend)");
}

void addAssumeCrs(CLI::App& group, std::string& target, const std::string& help)
{
    group.add_option("--assume-crs", target,
                     help.empty() ? "CRS voor lagen zonder CRS, bv. EPSG:4326 voor lon/lat in CSV" : help);
}

template <typename T>
void require(const T* pointer, const char* what)
{
    // A programming error in a command's registration, found by any test that registers it.
    if (pointer == nullptr) throw std::logic_error(std::string("option group without ") + what);
}

} // namespace

CLI::Validator wholeNumberRange(std::int64_t min, std::int64_t max)
{
    CLI::Validator range = CLI::Range(min, max);
    range.description("");
    return range;
}

CLI::Validator numberRange(double min, double max)
{
    const auto bound = [](double v) {
        std::ostringstream text;
        text << v; // 0.001, 100000
        return text.str();
    };
    return CLI::Validator(
        [=](std::string& text) {
            double value = 0.0;
            const bool read = CLI::detail::lexical_cast(text, value);
            if (read && std::isfinite(value) && value >= min && value <= max) return std::string();
            return "Value " + text + " not in range " + bound(min) + " to " + bound(max);
        },
        "");
}

CLI::Validator nonNegativeWholeNumber()
{
    CLI::Validator range = CLI::Range(std::int64_t{0}, std::numeric_limits<std::int64_t>::max());
    range.description("");
    return range;
}

CLI::Option_group* addIncidentSourceOptions(CLI::App& command, const IncidentSourceGroup& g)
{
    require(g.source, "incident source");
    auto* group = command.add_option_group(kIncidentSourceTitle);
    group
        ->add_option(
            "--incidents", g.source->path,
            "registraties: elk OGR-puntbestand (GeoPackage, Shapefile, GeoJSON, CSV met X/Y of lon/lat) of PG:...")
        ->required(g.required);
    group->add_option(g.bareLayerAlias ? "--incidents-layer,--layer" : "--incidents-layer", g.source->layer,
                      "laag in het registratiebestand");
    addXYFields(*group, g.source->xField, g.source->yField);
    group->add_option(
        "--filter,--where", g.source->attributeFilter,
        "alleen registraties die hieraan voldoen (OGR SQL WHERE), bv. \"nummer = 1\" voor BRON-partijrijen");
    addAssumeCrs(*group, g.source->assumeCrs, {});
    if (g.categoryField)
        group->add_option("--category-field", *g.categoryField,
                          "veld met de incidentcode (bv. 1.1.1) of BRON AP3_CODE (standaard: herkend)");
    if (g.labelField)
        group->add_option("--label-field", *g.labelField,
                          "veld met de omschrijving van het incident (standaard: herkend)");
    if (g.dateField)
        group->add_option("--date-field", *g.dateField, "veld met (begin)datum of datum-tijd (standaard: herkend)");
    if (g.timeField)
        group->add_option("--time-field", *g.timeField,
                          "veld met het tijdstip bij de datum, als dat een eigen kolom is (bv. begintijd; standaard: "
                          "herkend)");
    if (g.dateToField)
        group->add_option("--end-field,--date-to-field", *g.dateToField,
                          "veld met de einddatum of eind-datum-tijd van een van-tot-registratie (bv. einddatum, "
                          "pleegdatum_tot; standaard: herkend)");
    if (g.timeToField)
        group->add_option("--end-time-field", *g.timeToField,
                          "veld met het tijdstip bij de einddatum (bv. eindtijd; standaard: herkend)");
    return group;
}

CLI::Option_group* addAreaOptions(CLI::App& command, const AreaGroup& g)
{
    require(g.path, "areas");
    auto* group = command.add_option_group(kAreaTitle);
    auto* areas = group->add_option(
        "--areas", *g.path,
        g.pathHelp.empty() ? "gebieden (polygonen), bv. de CBS Wijk- en Buurtkaart, of PG:..." : g.pathHelp);
    areas->required(g.required);
    if (g.mustExist) areas->check(CLI::ExistingPath);
    if (g.layer)
        group->add_option(g.bareLayerAlias ? "--areas-layer,--layer" : "--areas-layer", *g.layer,
                          "laag in het gebiedenbestand");
    if (g.codeField)
        group->add_option("--area-code-field", *g.codeField,
                          "veld met gebiedscode (standaard: BU_CODE, buurtcode, statcode, ...)");
    if (g.nameField) group->add_option("--area-name-field", *g.nameField, "veld met gebiedsnaam");
    if (g.parentFields)
        group->add_option("--area-parent-field", *g.parentFields,
                          "veld(en) met code van bovenliggend gebied, laag naar hoog (herhaalbaar)");
    if (g.populationField)
        group->add_option("--population-field", *g.populationField,
                          "veld met inwonertal (standaard: AANT_INW, aantal_inwoners)");
    if (g.assumeCrs)
        group->add_option("--areas-crs", *g.assumeCrs,
                          "CRS voor een gebiedenlaag zonder CRS, als die anders is dan --assume-crs (bv. EPSG:28992)");
    if (g.xField && g.yField) addXYFields(*group, *g.xField, *g.yField);
    return group;
}

CLI::Option_group* addThemeOptions(CLI::App& command, const ThemeGroup& g)
{
    auto* group = command.add_option_group(kThemeTitle);
    std::visit(
        [&](auto* target) {
            require(target, "--model");
            group->add_option("--model", *target, "scanmodel (TOML); standaard data/model/default_model.toml");
        },
        g.model);
    if (g.theme)
        group->add_option("--theme", *g.theme,
                          "alleen dit thema van het scanmodel (id of nummer, bv. woninginbraak of 1.3)");
    return group;
}

CLI::Option_group* addCrsOptions(CLI::App& command, const CrsGroup& g)
{
    auto* group = command.add_option_group(kCrsTitle);
    if (g.workingCrs)
        group->add_option("--working-crs", *g.workingCrs, "metrisch werk-CRS (standaard EPSG:28992, RD New)");
    if (g.assumeCrs) addAssumeCrs(*group, *g.assumeCrs, g.assumeCrsHelp);
    return group;
}

CLI::Option_group* addOutputOptions(CLI::App& command, const OutputGroup& g)
{
    auto* group = command.add_option_group(kOutputTitle);
    CLI::Option* out = std::visit(
        [&](auto* target) -> CLI::Option* {
            require(target, "--out");
            return group->add_option("--out", *target, g.outHelp);
        },
        g.out);
    out->required(g.outRequired);
    if (g.dutchCsv != nullptr) {
        bool* target = g.dutchCsv;
        group
            ->add_option_function<std::string>(
                "--csv", [target](const std::string& v) { *target = v == "nl"; },
                "CSV-opmaak: nl (; en decimale komma, standaard) of intl")
            ->check(CLI::IsMember({"nl", "intl"}));
    }
    if (g.internal != nullptr)
        group->add_flag("--internal", *g.internal, "interne politie-uitvoer zonder onderdrukking van kleine aantallen");
    return group;
}

CLI::Option_group* addReportingOptions(CLI::App& command, const ReportingGroup& g)
{
    auto* group = command.add_option_group(kReportingTitle);
    if (g.quiet != nullptr)
        group->add_flag("-q,--quiet", *g.quiet, "geen voortgang en samenvatting (waarschuwingen wel)");
    if (g.strict != nullptr)
        group->add_flag("--strict", *g.strict, "fout als een registratie niet kan worden toegewezen");
    if (g.threads) group->add_option("--threads", *g.threads, "aantal threads (0 = alle kernen)");
    return group;
}

void addScanSettingOptions(CLI::App& command, pipeline::ScanOptions& target)
{
    for (const auto& setting : pipeline::scanSettings()) {
        if (setting.flag.empty()) continue;
        const std::string flag(setting.flag);
        CLI::Option* option = command.get_option_no_throw(flag);
        if (option == nullptr) {
            if (setting.type == pipeline::SettingType::CsvFormat)
                throw std::logic_error(flag + ": add it with addOutputOptions");
            const std::string help(setting.help);
            option = std::visit(
                [&](auto member) -> CLI::Option* {
                    auto& value = member(target);
                    if constexpr (std::is_same_v<std::remove_reference_t<decltype(value)>, bool>)
                        return command.add_flag(flag, value, help);
                    else
                        return command.add_option(flag, value, help);
                },
                setting.target);
        }
        if (setting.type == pipeline::SettingType::TextList) option->delimiter(','); // --levels wijk,gemeente
        if (setting.type == pipeline::SettingType::Integer) {
            // Checked on the text, before CLI11 converts it: "-1" must not become 2^64 - 1.
            CLI::Validator range = CLI::Range(setting.min, setting.max);
            range.description("");
            option->check(range);
        }
    }
}

} // namespace gebiedscan::app
