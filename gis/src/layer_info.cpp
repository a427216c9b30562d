#include "gebiedscan/gis/layer_info.hpp"

#include "gdal_util.hpp"

#include <ogrsf_frmts.h>

namespace gebiedscan::gis {

using namespace detail;

std::vector<LayerInfo> listLayers(const std::string& path)
{
    DatasetPtr ds = openVector(path);
    if (!ds) {
        const std::string reason = lastGdalError("not a vector dataset"); // before identifying resets it
        if (auto refused = refusedFormat(path); !refused.empty()) throw InputError(refused);
        throw InputError("cannot open '" + path + "': " + reason);
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
        out.push_back(std::move(info));
    }
    return out;
}

} // namespace gebiedscan::gis
