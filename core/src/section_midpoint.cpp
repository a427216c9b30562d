#include "gebiedscan/core/section_midpoint.hpp"

#include <cmath>
#include <cstddef>
#include <limits>

namespace gebiedscan {

PointRd halfwayAlong(const std::vector<PointRd>& line)
{
    if (line.empty()) return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    double total = 0;
    for (std::size_t i = 1; i < line.size(); ++i)
        total += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    double left = total / 2;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const auto& p = line[i - 1];
        const auto& q = line[i];
        const double l = std::hypot(q.x - p.x, q.y - p.y);
        if (left <= l && l > 0) return {p.x + (q.x - p.x) * left / l, p.y + (q.y - p.y) * left / l};
        left -= l;
    }
    return line.front();
}

PointRd blackSpotPoint(const BlackSpot& b)
{
    if (b.kind == BlackSpot::Kind::Junction && !b.geometry.empty()) return b.geometry.front();
    return halfwayAlong(b.geometry);
}

} // namespace gebiedscan
