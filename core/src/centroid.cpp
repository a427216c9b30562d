#include "gebiedscan/core/centroid.hpp"

#include <cmath>
#include <cstddef>

namespace gebiedscan {

PointRd centroidOf(const MultiPolygon& mp)
{
    double sx = 0.0, sy = 0.0, sa = 0.0, vx = 0.0, vy = 0.0;
    std::size_t vn = 0;
    for (const auto& poly : mp)
        for (std::size_t r = 0; r < poly.rings.size(); ++r) {
            const Ring& ring = poly.rings[r];
            double a = 0.0, cx = 0.0, cy = 0.0;
            for (std::size_t i = 0; i < ring.size(); ++i) {
                const PointRd& p = ring[i];
                const PointRd& q = ring[(i + 1) % ring.size()];
                const double cross = p.x * q.y - q.x * p.y;
                a += cross;
                cx += (p.x + q.x) * cross;
                cy += (p.y + q.y) * cross;
                vx += p.x;
                vy += p.y;
                ++vn;
            }
            if (a == 0.0) continue;
            // Ring centroid = (cx, cy) / (3 a); weight by |area|, negative for holes.
            const double weight = (r == 0 ? 1.0 : -1.0) * std::fabs(a) / 2.0;
            sx += weight * cx / (3.0 * a);
            sy += weight * cy / (3.0 * a);
            sa += weight;
        }
    if (sa > 0.0) return {sx / sa, sy / sa};
    if (vn > 0) return {vx / static_cast<double>(vn), vy / static_cast<double>(vn)};
    return {NAN, NAN};
}

} // namespace gebiedscan
