#include "gebiedscan/gis/layer_info.hpp"

#include "gdal_util.hpp"

#include "gebiedscan/core/language.hpp"

#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>

namespace gebiedscan::gis {

using namespace detail;

namespace {

bool isGeoJsonFile(const std::string& path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".geojson" || ext == ".json";
}

// Default-domain metadata of a layer, plus the string members of a GeoJSON FeatureCollection
// (GDAL exposes them as NATIVE_DATA when the file is opened with NATIVE_DATA=YES).
std::map<std::string, std::string> layerMetadata(OGRLayer& layer)
{
    std::map<std::string, std::string> out;
    if (char** items = layer.GetMetadata())
        for (char** item = items; *item; ++item) {
            const std::string kv = *item;
            const auto eq = kv.find('=');
            if (eq != std::string::npos) out[kv.substr(0, eq)] = kv.substr(eq + 1);
        }
    if (const char* native = layer.GetMetadataItem("NATIVE_DATA", "NATIVE_DATA")) {
        const auto members = nlohmann::json::parse(native, nullptr, false);
        if (members.is_object())
            for (const auto& [key, value] : members.items())
                if (value.is_string() && key != "type" && key != "name") out[key] = value.get<std::string>();
    }
    return out;
}

} // namespace

std::vector<LayerInfo> listLayers(const std::string& path)
{
    const char* const nativeData[] = {"NATIVE_DATA=YES", nullptr};
    DatasetPtr ds = openVector(path, isGeoJsonFile(path) ? nativeData : nullptr);
    if (!ds) {
        // before identifying resets it
        const std::string reason = lastGdalError(tr("geen vectorbestand", "not a vector dataset"));
        if (auto refused = refusedFormat(path); !refused.empty()) throw InputError(refused);
        throw InputError(tr("kan '" + path + "' niet openen: " + reason, "cannot open '" + path + "': " + reason));
    }
    std::vector<LayerInfo> out;
    for (auto* layer : ds->GetLayers()) {
        LayerInfo info;
        info.name = layer->GetName();
        const auto gtype = wkbFlatten(layer->GetGeomType());
        info.spatial = gtype != wkbNone;
        info.geometryType = OGRGeometryTypeToName(gtype);
        info.featureCount = layer->GetFeatureCount(FALSE);
        const auto* defn = layer->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            const auto* f = defn->GetFieldDefn(i);
            LayerInfo::Field field{f->GetNameRef(), LayerInfo::FieldType::Other};
            switch (f->GetType()) {
            case OFTInteger:
            case OFTInteger64: field.type = LayerInfo::FieldType::Integer; break;
            case OFTReal: field.type = LayerInfo::FieldType::Real; break;
            case OFTString: field.type = LayerInfo::FieldType::String; break;
            default: break;
            }
            info.fields.push_back(field);
        }
        info.metadata = layerMetadata(*layer);
        out.push_back(std::move(info));
    }
    return out;
}

} // namespace gebiedscan::gis
