// synth on foreign areas (issue 18): --area-code-field names a code field gebiedscan does not
// recognise, and --working-crs keeps the registrations in the areas' own metric CRS instead of
// placing them in RD New.
#include "app_test_support.hpp"

#include <gtest/gtest.h>

#include <regex>

using namespace gebiedscan;
using namespace gebiedscan::testing;

namespace {

// Two 4 km squares in ETRS89-LAEA (EPSG:3035), far from any RD New coordinate, code field "zone_id".
std::string laeaZones()
{
    std::string f =
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3035"}},"features":[)";
    for (int i = 0; i < 2; ++i) {
        const int x = 3900000 + 4000 * i, y = 3200000;
        f += (i ? "," : "") + std::string(R"({"type":"Feature","properties":{"zone_id":"Z)") + std::to_string(i) +
             R"(","inwoners":5000},"geometry":{"type":"Polygon","coordinates":[[[)" + std::to_string(x) + "," +
             std::to_string(y) + "],[" + std::to_string(x + 4000) + "," + std::to_string(y) + "],[" +
             std::to_string(x + 4000) + "," + std::to_string(y + 4000) + "],[" + std::to_string(x) + "," +
             std::to_string(y + 4000) + "],[" + std::to_string(x) + "," + std::to_string(y) + "]]]}}";
    }
    return f + "]}";
}

} // namespace

TEST(SynthForeignAreas, AreaCodeFieldAndWorkingCrsKeepThePointsInTheAreasOwnCrs)
{
    TempDir dir;
    const auto areas = dir / "zones.geojson";
    writeText(areas, laeaZones());
    const auto out = dir / "synth.gpkg";
    std::string log;
    // Without the code field named: the message names an option synth has.
    ASSERT_EQ(runGebiedscan("synth --areas " + quote(areas) + " --working-crs EPSG:3035 --count 10 --out " + quote(out),
                            &log),
              2)
        << log;
    EXPECT_NE(log.find("--area-code-field"), std::string::npos) << log;
    ASSERT_EQ(runGebiedscan("synth --areas " + quote(areas) +
                                " --area-code-field zone_id --working-crs EPSG:3035 --count 300 --malformed 0 --out " +
                                quote(out),
                            &log),
              0)
        << log;
    std::string info;
    ASSERT_EQ(run("ogrinfo -ro -so -al " + quote(out), &info), 0) << info;
    EXPECT_NE(info.find("Feature Count: 300"), std::string::npos) << info;
    EXPECT_NE(info.find("ID[\"EPSG\",3035]"), std::string::npos) << info;
    std::smatch m;
    ASSERT_TRUE(
        std::regex_search(info, m, std::regex(R"(Extent: \(([-0-9.]+), ([-0-9.]+)\) - \(([-0-9.]+), ([-0-9.]+)\))")))
        << info;
    // The points lie in and around the two squares (a cluster's spread may reach a little past the
    // edge), not some 3,700 km off in RD New coordinates.
    EXPECT_GT(std::stod(m[1]), 3900000 - 3000.0);
    EXPECT_GT(std::stod(m[2]), 3200000 - 3000.0);
    EXPECT_LT(std::stod(m[3]), 3908000 + 3000.0);
    EXPECT_LT(std::stod(m[4]), 3204000 + 3000.0);
}
