#include "gebiedscan/gis/coordinate_transform.hpp"

#include "gdal_util.hpp"

#include "gebiedscan/core/language.hpp"

#include <cmath>
#include <vector>

namespace gebiedscan::gis {

using namespace detail;

struct CoordinateTransform::Impl {
    TransformPtr transform;
};

CoordinateTransform::CoordinateTransform(const std::string& fromCrs, const std::string& toCrs)
    : m_impl(std::make_unique<Impl>())
{
    ensureGdal();
    const auto from = makeSrs(fromCrs, tr("bron-CRS", "source CRS"));
    const auto to = makeSrs(toCrs, tr("doel-CRS", "target CRS"));
    m_impl->transform.reset(OGRCreateCoordinateTransformation(&from, &to));
    if (!m_impl->transform)
        throw InputError(tr("geen omrekening van " + fromCrs + " naar " + toCrs + ": " + lastGdalError(),
                            "no transformation from " + fromCrs + " to " + toCrs + ": " + lastGdalError()));
}

CoordinateTransform::~CoordinateTransform() = default;

std::size_t CoordinateTransform::transform(std::span<PointRd> points) const
{
    std::vector<double> x(points.size()), y(points.size());
    std::vector<int> ok(points.size(), 0);
    for (std::size_t i = 0; i < points.size(); ++i) {
        x[i] = points[i].x;
        y[i] = points[i].y;
    }
    m_impl->transform->Transform(static_cast<int>(points.size()), x.data(), y.data(), nullptr, ok.data());
    std::size_t good = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (ok[i] && std::isfinite(x[i]) && std::isfinite(y[i])) {
            points[i] = {x[i], y[i]};
            ++good;
        } else {
            points[i] = {NAN, NAN};
        }
    }
    return good;
}

PointRd CoordinateTransform::transform(PointRd p) const
{
    transform(std::span<PointRd>(&p, 1));
    return p;
}

} // namespace gebiedscan::gis
