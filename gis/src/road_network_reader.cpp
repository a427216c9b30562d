#include "gebiedscan/gis/road_network_reader.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace gebiedscan::gis {

namespace {

std::string trimmed(const std::optional<std::string>& text)
{
    if (!text) return {};
    const auto b = text->find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    return text->substr(b, text->find_last_not_of(" \t\r") - b + 1);
}

} // namespace

std::string normaliseId(const std::optional<std::string>& text)
{
    if (!text) return {};
    std::string s = *text;
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    // Shapefiles and spreadsheets turn integer ids into reals: "345289002.0" is id 345289002.
    const auto dot = s.find('.');
    if (dot != std::string::npos && dot > 0 && s.find_first_not_of("0123456789") == dot &&
        s.find_first_not_of('0', dot + 1) == std::string::npos)
        s.resize(dot);
    return s;
}

RoadLayer readRoadLayer(const SourceSpec& source, const RoadFields& requested, const std::string& workingCrs)
{
    VectorReader reader(source, workingCrs);
    RoadLayer out;
    out.description = reader.description();
    RoadFields f = requested;
    if (f.id.empty()) f.id = reader.findField({"WVK_ID", "wegvak_id", "segment_id", "id"});
    if (f.beginJunction.empty()) f.beginJunction = reader.findField({"JTE_ID_BEG", "from_node", "begin_node"});
    if (f.endJunction.empty()) f.endJunction = reader.findField({"JTE_ID_END", "to_node", "end_node"});
    if (f.streetName.empty()) f.streetName = reader.findField({"STT_NAAM", "straatnaam", "straat", "naam", "name"});
    if (f.roadNumber.empty()) f.roadNumber = reader.findField({"WEGNUMMER", "wegnr", "ref"});
    if (f.authority.empty()) f.authority = reader.findField({"WEGBEHSRT", "wegbeheerder", "beheerder"});
    if (f.traffic.empty())
        f.traffic = reader.findField({"intensiteit", "etmaalintensiteit", "etmaal", "int_etmaal", "ai", "aadt"});
    // Junction ids are only useful in pairs.
    if (f.beginJunction.empty() || f.endJunction.empty()) f.beginJunction.clear(), f.endJunction.clear();
    reader.selectFields(
        {f.id, f.beginJunction, f.endJunction, f.streetName, f.roadNumber, f.authority, f.roadClass, f.traffic});
    out.fields = f;

    Feature feature;
    while (reader.next(feature)) {
        ++out.features;
        if (feature.geometry.kind != FeatureGeometry::Kind::Line) {
            if (feature.geometry.kind == FeatureGeometry::Kind::None) {
                ++out.withoutGeometry;
                continue;
            }
            throw InputError(tr(out.description + " bevat punten of polygonen, geen weglijnen",
                                out.description + " holds points or polygons, not road lines"));
        }
        RoadSegment s;
        s.id = f.id.empty() ? std::to_string(feature.fid) : normaliseId(feature.values[0]);
        if (s.id.empty()) s.id = "fid " + std::to_string(feature.fid);
        s.beginJunction = normaliseId(feature.values[1]);
        s.endJunction = normaliseId(feature.values[2]);
        s.streetName = trimmed(feature.values[3]);
        s.roadNumber = trimmed(feature.values[4]);
        s.roadAuthority = trimmed(feature.values[5]);
        s.roadClass = f.roadClass.empty() ? s.roadAuthority : trimmed(feature.values[6]);
        if (!f.traffic.empty()) {
            std::string text = trimmed(feature.values[7]);
            std::replace(text.begin(), text.end(), ',', '.'); // a Dutch decimal comma
            char* end = nullptr;
            const double v = text.empty() ? 0.0 : std::strtod(text.c_str(), &end);
            if (!text.empty() && end && *end == '\0' && v > 0 && std::isfinite(v)) s.traffic = v;
        }
        auto& parts = feature.geometry.lines;
        if (parts.empty()) {
            ++out.withoutGeometry;
            continue;
        }
        if (parts.size() == 1) {
            s.line = std::move(parts[0]);
            out.segments.push_back(std::move(s));
            continue;
        }
        ++out.multiPartFeatures;
        for (std::size_t k = 0; k < parts.size(); ++k) {
            RoadSegment part = s;
            part.id = s.id + "/" + std::to_string(k + 1);
            part.beginJunction.clear();
            part.endJunction.clear();
            part.line = std::move(parts[k]);
            out.segments.push_back(std::move(part));
        }
    }
    if (out.segments.empty())
        throw InputError(tr(out.description + " bevat geen weglijnen", out.description + " contains no road lines"));

    return out;
}

} // namespace gebiedscan::gis
