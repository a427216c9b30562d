#include "gebiedscan/gis/coordinate_transform.hpp"

#include "gdal_util.hpp"

#include <ogrsf_frmts.h>
#include <proj.h>

#include <cmath>
#include <limits>

namespace gebiedscan::gis {

using namespace detail;

namespace {
inline void destroyContext(PJ_CONTEXT* c) { proj_context_destroy(c); }
inline void destroyPj(PJ* p) { proj_destroy(p); }
using ContextPtr = std::unique_ptr<PJ_CONTEXT, CDeleter<&destroyContext>>;
using PjPtr = std::unique_ptr<PJ, CDeleter<&destroyPj>>;
} // namespace

struct CoordinateTransform::Impl {
    ContextPtr context;
    PjPtr pj;
};

CoordinateTransform::CoordinateTransform(const std::string& fromCrs, const std::string& toCrs)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->context.reset(proj_context_create());
    PjPtr raw(proj_create_crs_to_crs(m_impl->context.get(), fromCrs.c_str(), toCrs.c_str(), nullptr));
    if (!raw)
        throw InputError("no coordinate transformation from " + fromCrs + " to " + toCrs + ": " +
                         proj_context_errno_string(m_impl->context.get(),
                                                   proj_context_errno(m_impl->context.get())));
    // EPSG:4326 is lat/lon in the EPSG order; the viewer and exports want lon/lat.
    m_impl->pj.reset(proj_normalize_for_visualization(m_impl->context.get(), raw.get()));
    if (!m_impl->pj) throw InputError("cannot normalise the transformation " + fromCrs + " -> " + toCrs);
}

CoordinateTransform::~CoordinateTransform() = default;

PointRd CoordinateTransform::transform(const PointRd& p) const
{
    PJ_COORD c = proj_coord(p.x, p.y, 0, 0);
    c = proj_trans(m_impl->pj.get(), PJ_FWD, c);
    if (c.xy.x == HUGE_VAL || std::isinf(c.xy.x))
        return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    return {c.xy.x, c.xy.y};
}

void CoordinateTransform::transform(std::vector<PointRd>& points) const
{
    if (points.empty()) return;
    proj_trans_generic(m_impl->pj.get(), PJ_FWD, &points[0].x, sizeof(PointRd), points.size(),
                       &points[0].y, sizeof(PointRd), points.size(), nullptr, 0, 0, nullptr, 0, 0);
}

std::vector<LayerInfo> listLayers(const std::string& path)
{
    ensureGdal();
    DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw InputError("cannot open '" + path + "': " + lastGdalError("not a vector dataset"));
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
