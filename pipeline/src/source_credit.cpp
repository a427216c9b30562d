#include "gebiedscan/pipeline/source_credit.hpp"

#include "gebiedscan/gis/layer_info.hpp"
#include "gebiedscan/gis/vector_reader.hpp"
#include "gebiedscan/pipeline/scan_options.hpp"
#include "gebiedscan/pipeline/scan_result.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

namespace gebiedscan::pipeline {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool hasField(const SourceFacts& f, std::initializer_list<const char*> names)
{
    for (const auto& field : f.fieldNames)
        for (const char* n : names)
            if (lower(field) == lower(n)) return true;
    return false;
}

bool contains(const std::string& text, const char* part)
{
    return lower(text).find(part) != std::string::npos;
}

bool markedSynthetic(const SourceFacts& f)
{
    // gebiedscan synth names its layer "synthetische_registraties", writes LET_OP =
    // "SYNTHETISCHE GEGEVENS ..." into the layer metadata and "SYNTHETISCH" into every record's
    // `bron`: a CSV renamed to meldingen.csv keeps only the last. One such record is enough:
    // fake data shown as real is the error that must not happen.
    for (const auto& [key, value] : f.metadata)
        if (contains(value, "synthetisch") || contains(value, "synthetic")) return true;
    for (const auto& value : f.bronValues)
        if (contains(value, "synthet")) return true;
    return contains(f.layerName, "synthet") || contains(f.description, "synthetische");
}

bool cbsAreas(const SourceFacts& f)
{
    // CBS codes: BU + 8 digits, WK + 6, GM + 4 (the Wijk- en Buurtkaart and its derivatives).
    static const std::regex code("^(BU[0-9]{8}|WK[0-9]{6}|GM[0-9]{4})$");
    std::size_t cbs = 0;
    for (const auto& c : f.sampleCodes) cbs += std::regex_match(c, code) ? 1 : 0;
    if (!f.sampleCodes.empty()) return cbs * 2 > f.sampleCodes.size();
    return hasField(f, {"buurtcode", "wijkcode", "gemeentecode", "bu_code", "wk_code", "gm_code", "statcode"});
}

/// The distinct values of the `bron` column in the first rows (none without that column).
std::vector<std::string> bronValues(const gis::SourceSpec& spec, const std::vector<std::string>& fields)
{
    constexpr int kRows = 200;
    const auto field =
        std::find_if(fields.begin(), fields.end(), [](const std::string& n) { return lower(n) == kBronKey; });
    if (field == fields.end()) return {};
    gis::SourceSpec attributes = spec;
    // Only the attribute is read: a layer without a CRS must not stop the credit.
    if (attributes.assumeCrs.empty()) attributes.assumeCrs = "EPSG:28992";
    gis::VectorReader reader(attributes);
    reader.ignoreGeometry(true);
    reader.selectFields({*field});
    if (spec.attributeFilter.empty()) reader.readSelectedOnly(true);
    std::set<std::string> seen;
    gis::Feature feature;
    for (int i = 0; i < kRows && reader.next(feature); ++i)
        if (!feature.values.empty() && feature.values[0] && !feature.values[0]->empty())
            seen.insert(*feature.values[0]);
    return {seen.begin(), seen.end()};
}

} // namespace

SourceFacts sourceFacts(const gis::SourceSpec& spec, const std::string& description)
{
    SourceFacts facts;
    facts.description = description;
    if (spec.path.empty()) return facts;
    try {
        const auto layers = gis::listLayers(spec.path);
        for (const auto& l : layers) {
            if (!spec.layer.empty() ? l.name != spec.layer : !l.spatial && layers.size() > 1) continue;
            facts.layerName = l.name;
            facts.metadata = l.metadata;
            for (const auto& field : l.fields) facts.fieldNames.push_back(field.name);
            break;
        }
        facts.bronValues = bronValues(spec, facts.fieldNames);
    } catch (const std::exception&) {
        // The readers report unreadable inputs; a credit is no reason to fail.
    }
    return facts;
}

SourceRecord recogniseSource(const std::string& role, const SourceFacts& facts, const std::string& userCredit)
{
    SourceRecord r;
    r.role = role;
    r.description = facts.description;
    r.synthetic = markedSynthetic(facts);
    if (!userCredit.empty())
        r.credit = userCredit;
    else if (const auto it = facts.metadata.find(kBronKey); it != facts.metadata.end() && !it->second.empty())
        r.credit = it->second; // a file that says whom to credit
    else if (r.synthetic)
        r.credit = credit::synthetic;
    else if (role == source_role::areas && cbsAreas(facts))
        r.credit = credit::cbsBuurtkaart;
    else if (hasField(facts, {"VKL_NUMMER", "AP3_CODE"}))
        r.credit = credit::bron;
    else if (hasField(facts, {"WVK_ID"}) && hasField(facts, {"JTE_ID_BEG", "WEGNUMMER", "WEGBEHSRT"}))
        r.credit = credit::nwb;
    else
        r.credit = credit::unknown;
    return r;
}

std::vector<SourceRecord> scanSources(const ScanResult& result, const ScanOptions& options)
{
    std::vector<SourceRecord> out;
    out.push_back(recogniseSource(source_role::incidents, sourceFacts(options.incidents, result.incidentsDescription),
                                  options.incidentsCredit));
    if (options.areas.path.empty()) {
        SourceRecord grid{source_role::areas, "raster " + result.grid,
                          options.areasCredit.empty() ? credit::ownGrid : options.areasCredit, false};
        out.push_back(grid);
    } else {
        SourceFacts areas = sourceFacts(options.areas, result.areasDescription);
        if (!result.areas.levels.empty()) {
            const auto& codes = result.areas.levels.front().codes;
            areas.sampleCodes.assign(
                codes.begin(), codes.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(codes.size(), 50)));
        }
        out.push_back(recogniseSource(source_role::areas, areas, options.areasCredit));
    }
    if (result.survey) {
        // The survey's year belongs to its credit ("Veiligheidsmonitor 2023"): added when the credit lacks it.
        const auto& table = result.survey->table;
        SourceRecord survey =
            recogniseSource(source_role::survey, sourceFacts(options.survey, table.description), options.surveyCredit);
        if (survey.credit == credit::synthetic) survey.credit = "synthetische enquêtecijfers (verzonnen)";
        if (table.year && survey.credit.find(std::to_string(*table.year)) == std::string::npos)
            survey.credit += " (" + std::to_string(*table.year) + ")";
        out.push_back(survey);
    }
    return out;
}

std::string bronMetadata(const std::vector<SourceRecord>& sources)
{
    std::string out;
    for (const auto& s : sources) {
        if (!out.empty()) out += "; ";
        out += s.role + ": " + s.credit;
    }
    return out;
}

} // namespace gebiedscan::pipeline
