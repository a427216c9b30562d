#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/raster_writer.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

using namespace gebiedscan;

namespace {

// Runs a GDAL command-line tool: an independent reader of what the writer produced.
std::string run(const std::string& command)
{
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return out;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, pipe)) out += buf;
    ::pclose(pipe);
    return out;
}

bool haveGdalTools()
{
    return std::system("gdalinfo --version > /dev/null 2>&1") == 0;
}

} // namespace

TEST(RasterWriter, GeoTiffHasGeotransformSrsNodataUnitAndValues)
{
    if (!haveGdalTools()) GTEST_SKIP() << "gdalinfo not installed";
    const auto dir = std::filesystem::temp_directory_path() / ("gebiedscan_raster_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    const auto file = dir / "kde.tif";

    const RasterGrid grid{155000.0, 463000.0, 25.0, 4, 3};
    std::vector<double> values(grid.cellCount());
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = 0.5 * static_cast<double>(i);
    values[5] = std::nan(""); // becomes nodata
    gis::RasterWriteOptions o;
    o.unit = "events per km2";
    o.bandDescription = "kernel density";
    o.metadata = {{"KERNEL", "quartic"}, {"RADIUS_M", "250"}, {"CELL_SIZE_M", "25"}};
    gis::writeFloat32GeoTiff(file, grid, values, o);
    ASSERT_TRUE(std::filesystem::exists(file));
    // Only the final file remains (the temporary was renamed).
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}), 1);

    const auto info = nlohmann::json::parse(run("gdalinfo -json '" + file.string() + "'"));
    const auto& gt = info["geoTransform"];
    EXPECT_DOUBLE_EQ(gt[0].get<double>(), 155000.0);
    EXPECT_DOUBLE_EQ(gt[1].get<double>(), 25.0);
    EXPECT_DOUBLE_EQ(gt[3].get<double>(), 463075.0); // north edge = minY + 3 * 25
    EXPECT_DOUBLE_EQ(gt[5].get<double>(), -25.0);
    EXPECT_EQ(info["size"][0].get<int>(), 4);
    EXPECT_EQ(info["size"][1].get<int>(), 3);
    EXPECT_NE(info["coordinateSystem"]["wkt"].get<std::string>().find("\"EPSG\",28992"), std::string::npos);
    const auto& band = info["bands"][0];
    EXPECT_EQ(band["type"].get<std::string>(), "Float32");
    EXPECT_DOUBLE_EQ(band["noDataValue"].get<double>(), -9999.0);
    EXPECT_EQ(band["unit"].get<std::string>(), "events per km2");
    EXPECT_EQ(band["description"].get<std::string>(), "kernel density");
    EXPECT_EQ(info["metadata"][""]["KERNEL"].get<std::string>(), "quartic");
    EXPECT_EQ(info["metadata"][""]["UNIT"].get<std::string>(), "events per km2");

    // Cell (col 2, row 1) is value index 6 = 3.0; its centre is (155062.5, 463037.5).
    EXPECT_EQ(std::stod(run("gdallocationinfo -valonly -geoloc '" + file.string() + "' 155062.5 463037.5")), 3.0);
    // The NaN cell (col 1, row 1) holds nodata.
    EXPECT_EQ(std::stod(run("gdallocationinfo -valonly -geoloc '" + file.string() + "' 155037.5 463037.5")), -9999.0);
    std::filesystem::remove_all(dir);
}

TEST(RasterWriter, RejectsBadInput)
{
    const RasterGrid grid{0.0, 0.0, 10.0, 2, 2};
    const std::vector<double> three(3, 1.0);
    const auto file = std::filesystem::temp_directory_path() / "gebiedscan_raster_bad.tif";
    EXPECT_THROW(gis::writeFloat32GeoTiff(file, grid, three, {}), InputError);
    const std::vector<double> four(4, 1.0);
    gis::RasterWriteOptions o;
    o.workingCrs = "EPSG:99999999";
    EXPECT_THROW(gis::writeFloat32GeoTiff(file, grid, four, o), InputError);
    EXPECT_THROW(gis::writeFloat32GeoTiff("/proc/no/such/dir/x.tif", grid, four, {}), OutputError);
    EXPECT_FALSE(std::filesystem::exists(file));
}
