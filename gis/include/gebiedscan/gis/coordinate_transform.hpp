#pragma once
#include "gebiedscan/core/geometry.hpp"

#include <memory>
#include <span>
#include <string>

namespace gebiedscan::gis {

/// Transforms coordinates between two CRSs with PROJ, in traditional GIS order (x = easting or
/// longitude, y = northing or latitude), e.g. RD New to WGS84 for display.
class CoordinateTransform {
public:
    /// Throws InputError when either CRS is unknown or no transformation exists.
    CoordinateTransform(const std::string& fromCrs, const std::string& toCrs);
    ~CoordinateTransform();
    CoordinateTransform(const CoordinateTransform&) = delete;
    CoordinateTransform& operator=(const CoordinateTransform&) = delete;

    /// Transforms in place; points that fail become NaN. Returns the number that succeeded.
    std::size_t transform(std::span<PointRd> points) const;
    [[nodiscard]] PointRd transform(PointRd p) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace gebiedscan::gis
