// The one mapping of scan settings: unique keys and flags, each project-file value checked for its
// type (a string "true" for a bool is an error naming the key, issue 18), and ranges enforced.
#include "gebiedscan/pipeline/scan_settings.hpp"

#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace {

using namespace gebiedscan::pipeline;
namespace fs = std::filesystem;

const fs::path kFile = "/projecten/drenthe/project.toml";

// Applies `key = value` (TOML) as a project file would; returns the error text, empty when none.
std::string apply(const std::string& key, const std::string& value, ScanOptions& o)
{
    const toml::table root = toml::parse("\n" + key + " = " + value + "\n");
    const ScanSetting* s = findScanSettingByKey(key);
    if (s == nullptr) return "no such key";
    try {
        applyProjectValue(*s, *root.get(key), kFile, o);
    } catch (const gebiedscan::InputError& e) {
        return e.what();
    }
    return {};
}

TEST(ScanSettings, KeysAndFlagsAreUnique)
{
    std::set<std::string_view> keys, flags;
    for (const auto& s : scanSettings()) {
        if (!s.key.empty()) {
            EXPECT_TRUE(keys.insert(s.key).second) << s.key;
        }
        if (!s.flag.empty()) {
            EXPECT_TRUE(flags.insert(s.flag).second) << s.flag;
            EXPECT_EQ(s.flag.rfind("--", 0), 0u) << s.flag;
        }
        EXPECT_FALSE(s.key.empty() && s.flag.empty());
    }
    // 28 + counts, counts_layer, four counts_*_field; levels, formats, parent_onbekend; two credits;
    // time_field, end_time_field; protection; survey, survey_layer, survey_area_field, survey_indicators,
    // survey_year_field, survey_theme, survey_credit, survey_higher_is_safer, survey_classify_without_margin
    EXPECT_EQ(keys.size(), 51u);
    EXPECT_EQ(findScanSettingByKey("survey_higher_is_safer")->type, SettingType::TextList);
    EXPECT_EQ(findScanSettingByFlag("--survey-classify-without-margin")->type, SettingType::Flag);
    EXPECT_EQ(findScanSettingByKey("time_field")->flag, "--time-field");
    EXPECT_EQ(findScanSettingByKey("end_time_field")->flag, "--end-time-field");
    EXPECT_EQ(findScanSettingByKey("protection")->type, SettingType::Text);
    EXPECT_EQ(findScanSettingByFlag("--parent-onbekend")->type, SettingType::Flag);
    EXPECT_EQ(findScanSettingByKey("levels")->type, SettingType::TextList);
    EXPECT_EQ(findScanSettingByKey("formats")->type, SettingType::TextList);
    EXPECT_EQ(findScanSettingByFlag("--area-parent-field"), findScanSettingByKey("area_parent_fields"));
    EXPECT_EQ(findScanSettingByKey(""), nullptr);
}

TEST(ScanSettings, EachTypeReachesItsMember)
{
    ScanOptions o;
    EXPECT_EQ(apply("incidents", "'registraties.csv'", o), "");
    EXPECT_EQ(apply("time_field", "'uur'", o), "");
    EXPECT_EQ(o.timeField, "uur");
    EXPECT_EQ(apply("end_time_field", "'tot_uur'", o), "");
    EXPECT_EQ(o.timeToField, "tot_uur");
    EXPECT_EQ(o.incidents.path, "/projecten/drenthe/registraties.csv"); // relative to the project file
    EXPECT_EQ(apply("areas", "'PG:dbname=cbs'", o), "");
    EXPECT_EQ(o.areas.path, "PG:dbname=cbs");
    EXPECT_EQ(apply("out", "'../uit'", o), "");
    EXPECT_EQ(o.outDir, fs::path("/projecten/uit"));
    EXPECT_EQ(apply("filter", "\"code = '1.1.1'\"", o), "");
    EXPECT_EQ(o.incidents.attributeFilter, "code = '1.1.1'");
    EXPECT_EQ(apply("year", "2024", o), "");
    EXPECT_EQ(o.year, 2024);
    EXPECT_EQ(apply("reference_years", "5", o), "");
    EXPECT_EQ(o.referenceYears, 5);
    EXPECT_EQ(apply("permutations", "0", o), "");
    EXPECT_EQ(o.permutations, 0u);
    EXPECT_EQ(apply("threads", "2", o), "");
    EXPECT_EQ(o.threads, 2u);
    EXPECT_EQ(apply("strict", "true", o), "");
    EXPECT_TRUE(o.strict);
    EXPECT_EQ(apply("internal", "false", o), "");
    EXPECT_FALSE(o.internal);
    EXPECT_EQ(apply("csv", "'intl'", o), "");
    EXPECT_FALSE(o.dutchCsv);
    EXPECT_EQ(apply("area_parent_fields", "['WK_CODE', 'GM_CODE']", o), "");
    EXPECT_EQ(o.areaFields.parentCodes, (std::vector<std::string>{"WK_CODE", "GM_CODE"}));
}

TEST(ScanSettings, AssumeCrsIsAlsoTheAreasCrsUnlessAreasCrsFollows)
{
    ScanOptions o;
    EXPECT_EQ(apply("assume_crs", "'EPSG:4326'", o), "");
    EXPECT_EQ(o.incidents.assumeCrs, "EPSG:4326");
    EXPECT_EQ(o.areas.assumeCrs, "EPSG:4326");
    EXPECT_EQ(apply("areas_crs", "'EPSG:28992'", o), "");
    EXPECT_EQ(o.incidents.assumeCrs, "EPSG:4326");
    EXPECT_EQ(o.areas.assumeCrs, "EPSG:28992");
    // The table applies assume_crs before areas_crs, whatever order a file has.
    const auto& t = scanSettings();
    EXPECT_LT(findScanSettingByKey("assume_crs") - t.data(), findScanSettingByKey("areas_crs") - t.data());

    ScanOptions commandLine, merged;
    commandLine.incidents.assumeCrs = "EPSG:3035";
    copySetting(*findScanSettingByFlag("--assume-crs"), commandLine, merged);
    EXPECT_EQ(merged.incidents.assumeCrs, "EPSG:3035");
    EXPECT_EQ(merged.areas.assumeCrs, "EPSG:3035");
}

TEST(ScanSettings, AValueOfTheWrongTypeIsAnErrorNamingTheKeyAndTheType)
{
    ScanOptions o;
    EXPECT_EQ(apply("strict", "\"true\"", o),
              "/projecten/drenthe/project.toml:2: 'strict': verwacht true of false (zonder aanhalingstekens), niet de "
              "tekst \"true\"");
    EXPECT_FALSE(o.strict);
    EXPECT_EQ(apply("internal", "1", o),
              "/projecten/drenthe/project.toml:2: 'internal': verwacht true of false (zonder aanhalingstekens), niet "
              "het getal 1");
    EXPECT_FALSE(o.internal);
    EXPECT_EQ(apply("year", "\"2024\"", o),
              "/projecten/drenthe/project.toml:2: 'year': verwacht een geheel getal (zonder aanhalingstekens), niet de "
              "tekst \"2024\"");
    EXPECT_FALSE(o.year.has_value());
    EXPECT_EQ(
        apply("reference_years", "\"3\"", o),
        "/projecten/drenthe/project.toml:2: 'reference_years': verwacht een geheel getal (zonder aanhalingstekens), "
        "niet de tekst \"3\"");
    EXPECT_EQ(apply("threads", "2.5", o),
              "/projecten/drenthe/project.toml:2: 'threads': verwacht een geheel getal (zonder aanhalingstekens), niet "
              "het getal 2.5");
    EXPECT_EQ(apply("incidents", "42", o),
              "/projecten/drenthe/project.toml:2: 'incidents': verwacht tekst (tussen aanhalingstekens), niet het "
              "getal 42");
    EXPECT_EQ(apply("csv", "'excel'", o),
              "/projecten/drenthe/project.toml:2: 'csv': verwacht \"nl\" of \"intl\", niet de tekst \"excel\"");
    EXPECT_TRUE(o.dutchCsv);
    EXPECT_EQ(
        apply("area_parent_fields", "'WK_CODE'", o),
        "/projecten/drenthe/project.toml:2: 'area_parent_fields': verwacht een lijst van teksten, bv. [\"WK_CODE\", "
        "\"GM_CODE\"], niet de tekst \"WK_CODE\"");
    EXPECT_EQ(apply("area_parent_fields", "['WK_CODE', 3]", o),
              "/projecten/drenthe/project.toml:2: 'area_parent_fields': verwacht een lijst van alleen teksten, bv. "
              "[\"WK_CODE\", \"GM_CODE\"], niet het getal 3");
    EXPECT_TRUE(o.areaFields.parentCodes.empty());
}

TEST(ScanSettings, NumbersOutsideTheirRangeAreErrors)
{
    ScanOptions o;
    EXPECT_EQ(apply("year", "1794", o),
              "/projecten/drenthe/project.toml:2: 'year': verwacht een geheel getal van 1900 t/m 2100, niet het getal "
              "1794");
    EXPECT_EQ(apply("year", "1900", o), "");
    EXPECT_EQ(apply("year", "2100", o), "");
    EXPECT_EQ(apply("permutations", "-1", o),
              "/projecten/drenthe/project.toml:2: 'permutations': verwacht een geheel getal van 0 t/m 99999, niet het "
              "getal -1");
    EXPECT_EQ(apply("permutations", "100000", o),
              "/projecten/drenthe/project.toml:2: 'permutations': verwacht een geheel getal van 0 t/m 99999, niet het "
              "getal 100000");
    EXPECT_EQ(apply("permutations", "99999", o), "");
    EXPECT_EQ(o.permutations, 99999u);
    EXPECT_EQ(apply("threads", "-2", o),
              "/projecten/drenthe/project.toml:2: 'threads': verwacht een geheel getal van 0 t/m 4096, niet het getal "
              "-2");
}

TEST(ScanSettings, CopyTakesEachTypeFromTheCommandLine)
{
    ScanOptions commandLine, merged;
    commandLine.year = 2023;
    commandLine.permutations = 99;
    commandLine.dutchCsv = false;
    commandLine.outDir = "uit";
    commandLine.areaFields.parentCodes = {"GM_CODE"};
    for (const char* flag : {"--year", "--permutations", "--csv", "--out", "--area-parent-field"})
        copySetting(*findScanSettingByFlag(flag), commandLine, merged);
    EXPECT_EQ(merged.year, 2023);
    EXPECT_EQ(merged.permutations, 99u);
    EXPECT_FALSE(merged.dutchCsv);
    EXPECT_EQ(merged.outDir, fs::path("uit"));
    EXPECT_EQ(merged.areaFields.parentCodes, (std::vector<std::string>{"GM_CODE"}));
    EXPECT_EQ(merged.referenceYears, 3); // not copied
}

} // namespace

// Every row's type matches its member: a valid value of the row's type is accepted for every key
// (a mismatch would surface as std::bad_variant_access, which the fuzz target forbids).
TEST(ScanSettings, AValidValueIsAcceptedForEveryKey)
{
    for (const auto& s : scanSettings()) {
        if (s.key.empty()) continue;
        std::string value;
        switch (s.type) {
        case SettingType::Text:
        case SettingType::Path: value = "'proef'"; break;
        case SettingType::Integer: value = std::to_string(s.max); break;
        case SettingType::Flag: value = "true"; break;
        case SettingType::TextList: value = "['a', 'b']"; break;
        case SettingType::CsvFormat: value = "'nl'"; break;
        }
        ScanOptions o;
        EXPECT_EQ(apply(std::string(s.key), value, o), "") << s.key;
    }
}
