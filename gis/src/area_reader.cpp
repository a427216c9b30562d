#include "gebiedscan/gis/area_reader.hpp"

#include "gebiedscan/gis/field_value.hpp"

#include "gebiedscan/core/area_hierarchy.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <set>

namespace gebiedscan::gis {

namespace {

std::string levelOfCodeField(const std::string& field)
{
    std::string f;
    for (char c : field) f += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (f.starts_with("bu")) return "buurt";
    if (f.starts_with("wk") || f.starts_with("wijk")) return "wijk";
    if (f.starts_with("gm") || f.starts_with("gemeente")) return "gemeente";
    return "gebied";
}

// A Shapefile is three files at least: without its .dbf GDAL reads the shapes with no fields
// (and the error would be "no area code field"), without its .shx it cannot read them.
void requireShapefileParts(const std::string& path)
{
    const std::filesystem::path shp(path);
    std::string ext = shp.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".shp" || !std::filesystem::exists(shp)) return;
    const bool upper = shp.extension().string() == ".SHP";
    std::string missing;
    for (const char* part : {".dbf", ".shx"}) {
        std::string name = part;
        if (upper)
            for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        const auto sibling = std::filesystem::path(shp).replace_extension(name);
        if (!std::filesystem::exists(sibling) &&
            !std::filesystem::exists(std::filesystem::path(shp).replace_extension(part)))
            missing += (missing.empty() ? "" : " en ") + sibling.filename().string();
    }
    if (!missing.empty())
        throw InputError(tr("'" + path + "': de Shapefile mist " + missing +
                                " (een Shapefile bestaat uit .shp, .shx, .dbf en .prj): kopieer alle delen mee",
                            "'" + path + "': the Shapefile lacks " + missing +
                                " (a Shapefile consists of .shp, .shx, .dbf and .prj): copy all parts along"));
}

} // namespace

std::optional<double> parsePopulation(const std::optional<std::string>& text)
{
    if (!text) return std::nullopt;
    const auto v = parseDecimal(*text);
    if (!v || *v < 0) return std::nullopt; // CBS: -99997 secret, -99995 missing, ...
    return v;
}

AreaLayer readAreaLayer(const SourceSpec& source, const AreaFields& requested, const std::string& workingCrs)
{
    requireShapefileParts(source.path);
    VectorReader reader(source, workingCrs);
    AreaLayer out;
    out.description = reader.description();
    AreaFields f = requested;

    if (f.code.empty())
        f.code = reader.findField({"BU_CODE", "buurtcode", "WK_CODE", "wijkcode", "GM_CODE", "gemeentecode", "statcode",
                                   "code", "gebiedcode", "id"});
    if (f.code.empty())
        throw InputError(tr(out.description +
                                ": geen veld met de gebiedscode gevonden (gezocht: BU_CODE, buurtcode, WK_CODE, " +
                                "wijkcode, GM_CODE, gemeentecode, statcode, code, gebiedcode, id); " +
                                (requested.codeFieldOption.empty() ? std::string("geef het veld een van deze namen")
                                                                   : "noem het met " + requested.codeFieldOption),
                            out.description + ": no area code field found (looked for BU_CODE, buurtcode, WK_CODE, " +
                                "wijkcode, GM_CODE, gemeentecode, statcode, code, gebiedcode, id); " +
                                (requested.codeFieldOption.empty() ? std::string("rename the field to one of these")
                                                                   : "name it with " + requested.codeFieldOption)));
    out.levelName = levelOfCodeField(f.code);
    if (f.name.empty()) {
        if (out.levelName == "buurt")
            f.name = reader.findField({"BU_NAAM", "buurtnaam"});
        else if (out.levelName == "wijk")
            f.name = reader.findField({"WK_NAAM", "wijknaam"});
        else if (out.levelName == "gemeente")
            f.name = reader.findField({"GM_NAAM", "gemeentenaam"});
        if (f.name.empty()) f.name = reader.findField({"statnaam", "naam", "name", "gebiednaam"});
    }
    if (f.parentCodes.empty()) {
        // CBS layers carry the codes of the higher levels on every row.
        const auto wk = reader.findField({"WK_CODE", "wijkcode"});
        const auto gm = reader.findField({"GM_CODE", "gemeentecode"});
        if (out.levelName == "buurt" && !wk.empty()) {
            f.parentCodes.push_back(wk);
            f.parentNames.push_back(reader.findField({"WK_NAAM", "wijknaam"}));
            out.parentLevelNames.emplace_back("wijk");
        }
        if ((out.levelName == "buurt" || out.levelName == "wijk") && !gm.empty()) {
            f.parentCodes.push_back(gm);
            f.parentNames.push_back(reader.findField({"GM_NAAM", "gemeentenaam"}));
            out.parentLevelNames.emplace_back("gemeente");
        }
    } else {
        for (const auto& p : f.parentCodes)
            out.parentLevelNames.push_back(levelOfCodeField(p) == "gebied" ? p : levelOfCodeField(p));
    }
    f.parentNames.resize(f.parentCodes.size());
    if (f.population.empty())
        f.population = reader.findField({"AANT_INW", "aantal_inwoners", "inwoners", "population", "bevolking"});

    std::vector<std::string> select{f.code, f.name, f.population};
    for (const auto& p : f.parentCodes) select.push_back(p);
    for (const auto& p : f.parentNames) select.push_back(p);
    reader.selectFields(select);
    reader.repairInvalidPolygons(true);
    out.fields = f;
    out.parentCodes.resize(f.parentCodes.size());
    out.parentNames.resize(f.parentCodes.size());

    std::set<std::string> seen;
    Feature feature;
    while (reader.next(feature)) {
        const std::string where = out.description + tr(", rij ", ", row ") + std::to_string(feature.row);
        // CBS codes may carry padding; a code of only spaces is as empty as NULL.
        const std::string code = trimCode(feature.values[0].value_or(""));
        if (code.empty())
            throw InputError(tr(where + ": lege gebiedscode in veld '" + f.code + "'",
                                where + ": empty area code in field '" + f.code + "'"));
        if (!seen.insert(code).second)
            throw InputError(
                tr(out.description + ": gebiedscode '" + code + "' komt meer dan eens voor in veld '" + f.code + "'",
                   out.description + ": area code '" + code + "' occurs more than once in field '" + f.code + "'"));
        if (feature.geometry.kind != FeatureGeometry::Kind::Polygon) {
            if (feature.geometry.kind == FeatureGeometry::Kind::None)
                throw InputError(tr(
                    where + " (gebied '" + code + "'): geen bruikbaar polygoon" +
                        (reader.crsAssumed() ? " in het aangenomen CRS " + reader.sourceCrs() +
                                                   "; staan de gebieden in een ander CRS, geef dat dan met --areas-crs"
                                             : std::string()),
                    where + " (area '" + code + "'): no usable polygon geometry" +
                        (reader.crsAssumed() ? " in the assumed CRS " + reader.sourceCrs() +
                                                   "; if the areas are in another CRS, give it with --areas-crs"
                                             : std::string())));
            throw InputError(
                tr(out.description + " bevat punten of lijnen, geen polygonen: gebieden moeten polygonen zijn",
                   out.description + " holds points or lines, not polygons: areas must be polygons"));
        }
        if (feature.repaired) out.repairedCodes.push_back(code);
        out.codes.push_back(code);
        out.names.push_back(feature.values[1].value_or(code));
        out.population.push_back(parsePopulation(feature.values[2]));
        for (std::size_t l = 0; l < f.parentCodes.size(); ++l) {
            out.parentCodes[l].push_back(trimCode(feature.values[3 + l].value_or("")));
            out.parentNames[l].push_back(feature.values[3 + f.parentCodes.size() + l].value_or(""));
        }
        out.geometries.push_back(std::move(feature.geometry.polygons));
    }
    if (out.codes.empty())
        throw InputError(tr(out.description + " bevat geen gebieden", out.description + " contains no areas"));
    refuseCodesDifferingInCase(out.codes, out.description + tr(": veld '", ": field '") + f.code + "'");

    // Generic code fields (statcode, code): the level follows from CBS code values.
    if (out.levelName == "gebied") {
        // A plain pair, not a structured binding: clang 14 (the fuzz build) cannot capture those.
        for (const auto& prefixLevel : {std::pair{"BU", "buurt"}, {"WK", "wijk"}, {"GM", "gemeente"}})
            if (std::all_of(out.codes.begin(), out.codes.end(),
                            [&](const std::string& c) { return c.starts_with(prefixLevel.first); }))
                out.levelName = prefixLevel.second;
    }
    return out;
}

} // namespace gebiedscan::gis
