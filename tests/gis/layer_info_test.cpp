#include "gebiedscan_build_paths.hpp"
#include "gebiedscan/gis/layer_info.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

using namespace gebiedscan;

TEST(ListLayers, GeoJsonHasOnePolygonLayerWithTypedFields)
{
    const std::string file = std::string(GEBIEDSCAN_SOURCE_DIR) + "/data/open/drenthe-gemeenten-2023.geojson";
    if (!std::filesystem::exists(file)) GTEST_SKIP() << "shared sample data not present: " << file;
    const auto layers = gis::listLayers(file);
    ASSERT_EQ(layers.size(), 1u);
    EXPECT_TRUE(layers[0].spatial);
    EXPECT_EQ(layers[0].featureCount, 12);
    bool hasStatcode = false;
    for (const auto& f : layers[0].fields)
        if (f.name == "statcode") hasStatcode = f.type == gis::LayerInfo::FieldType::String;
    EXPECT_TRUE(hasStatcode);
}
