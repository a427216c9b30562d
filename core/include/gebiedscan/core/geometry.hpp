#pragma once
#include <algorithm>
#include <limits>
#include <vector>

namespace gebiedscan {

/// A point in the metric working CRS (EPSG:28992 RD New by default): x = easting, y = northing, metres.
struct PointRd {
    double x = 0.0;
    double y = 0.0;
};

/// Axis-aligned bounding box in working-CRS metres. Empty when minX > maxX.
struct Envelope {
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    [[nodiscard]] bool empty() const { return minX > maxX || minY > maxY; }
    void expand(const PointRd& p)
    {
        minX = std::min(minX, p.x);
        minY = std::min(minY, p.y);
        maxX = std::max(maxX, p.x);
        maxY = std::max(maxY, p.y);
    }
    void expand(const Envelope& e)
    {
        minX = std::min(minX, e.minX);
        minY = std::min(minY, e.minY);
        maxX = std::max(maxX, e.maxX);
        maxY = std::max(maxY, e.maxY);
    }
    [[nodiscard]] bool contains(const PointRd& p) const
    {
        return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY;
    }
    [[nodiscard]] bool intersects(const Envelope& e) const
    {
        return !(e.minX > maxX || e.maxX < minX || e.minY > maxY || e.maxY < minY);
    }
    [[nodiscard]] double width() const { return maxX - minX; }
    [[nodiscard]] double height() const { return maxY - minY; }
};

/// A closed ring; the closing vertex may or may not repeat the first.
using Ring = std::vector<PointRd>;

/// A polygon: rings[0] is the shell, the others are holes. Orientation is not relied upon.
struct Polygon {
    std::vector<Ring> rings;
};

/// A multipolygon: the geometry of one area (a buurt may consist of several parts).
using MultiPolygon = std::vector<Polygon>;

[[nodiscard]] Envelope envelopeOf(const MultiPolygon& geometry);

/// Signed-area-free planar area of a multipolygon in square metres (shells minus holes).
[[nodiscard]] double areaOf(const MultiPolygon& geometry);

/// Even-odd (crossing number) point-in-polygon test with the half-open rule that makes a point on
/// an edge shared by two areas of a partition belong to exactly one of them.
[[nodiscard]] bool containsPoint(const MultiPolygon& geometry, const PointRd& p);

} // namespace gebiedscan
