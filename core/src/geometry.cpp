#include "gebiedscan/core/geometry.hpp"

#include <cmath>

namespace gebiedscan {

Envelope envelopeOf(const MultiPolygon& geometry)
{
    Envelope e;
    for (const auto& polygon : geometry)
        if (!polygon.rings.empty())
            for (const auto& p : polygon.rings.front()) e.expand(p);
    return e;
}

namespace {
double ringArea(const Ring& ring)
{
    double twice = 0.0;
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i) {
        const auto& a = ring[i];
        const auto& b = ring[(i + 1) % n];
        twice += a.x * b.y - b.x * a.y;
    }
    return std::abs(twice) / 2.0;
}
} // namespace

double areaOf(const MultiPolygon& geometry)
{
    double total = 0.0;
    for (const auto& polygon : geometry)
        for (std::size_t r = 0; r < polygon.rings.size(); ++r)
            total += (r == 0 ? 1.0 : -1.0) * ringArea(polygon.rings[r]);
    return total;
}

bool containsPoint(const MultiPolygon& geometry, const PointRd& p)
{
    bool inside = false;
    for (const auto& polygon : geometry)
        for (const auto& ring : polygon.rings) {
            const std::size_t n = ring.size();
            for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
                // Order the edge's endpoints by y so both areas sharing it compute the very same
                // crossing abscissa; the half-open test (lo.y <= y < hi.y) counts a vertex once.
                PointRd lo = ring[i];
                PointRd hi = ring[j];
                if (lo.y > hi.y) std::swap(lo, hi);
                if (p.y < lo.y || p.y >= hi.y) continue;
                const double xCross = lo.x + (p.y - lo.y) * (hi.x - lo.x) / (hi.y - lo.y);
                if (p.x < xCross) inside = !inside;
            }
        }
    return inside;
}

} // namespace gebiedscan
