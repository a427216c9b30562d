#include "gebiedscan/gis/coordinate_transform.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

using namespace gebiedscan;

// Amersfoort, the RD New origin of the projection: (155000, 463000) is 52.15517440 N,
// 5.38720621 E (Kadaster RDNAPTRANS reference point; accuracy of EPSG:28992 -> 4326 ~1 m).
TEST(CoordinateTransform, RdOriginToWgs84LonLat)
{
    gis::CoordinateTransform t("EPSG:28992", "EPSG:4326");
    const auto p = t.transform(PointRd{155000.0, 463000.0});
    EXPECT_NEAR(p.x, 5.38720621, 2e-5);
    EXPECT_NEAR(p.y, 52.15517440, 2e-5);
    std::vector<PointRd> pts{{155000.0, 463000.0}, {233000.0, 557000.0}};
    t.transform(pts);
    EXPECT_NEAR(pts[0].x, p.x, 1e-9);
    EXPECT_NEAR(pts[1].y, 52.994, 0.01); // Drenthe, near Assen
}

TEST(CoordinateTransform, UnknownCrsThrows)
{
    EXPECT_ANY_THROW(gis::CoordinateTransform("EPSG:999999", "EPSG:4326"));
}
