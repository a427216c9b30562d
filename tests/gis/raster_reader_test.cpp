#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/raster_reader.hpp"
#include "gebiedscan/gis/raster_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <vector>

using namespace gebiedscan;

namespace {
std::filesystem::path tempTif(const char* name)
{
    return std::filesystem::temp_directory_path() / (std::string("gebiedscan_raster_reader_") + name);
}
} // namespace

// Round trip through the project's own GeoTIFF writer: geometry, values, nodata and unit.
TEST(RasterReader, ReadsWhatTheWriterWrote)
{
    RasterGrid grid;
    grid.minX = 200000;
    grid.minY = 500000;
    grid.cellSize = 250;
    grid.nx = 3;
    grid.ny = 2;
    // Row 0 north: 1 2 3 / 4 NaN 6.
    const std::vector<double> values{1, 2, 3, 4, std::numeric_limits<double>::quiet_NaN(), 6};
    gis::RasterWriteOptions o;
    o.unit = "events per km2";
    const auto path = tempTif("rt.tif");
    gis::writeFloat32GeoTiff(path, grid, values, o);
    const auto band = gis::readRasterBand(path);
    EXPECT_EQ(band.width, 3);
    EXPECT_EQ(band.height, 2);
    EXPECT_DOUBLE_EQ(band.minX, 200000);
    EXPECT_DOUBLE_EQ(band.maxY, 500500);
    EXPECT_DOUBLE_EQ(band.cellWidth, 250);
    EXPECT_DOUBLE_EQ(band.minY(), 500000);
    ASSERT_EQ(band.values.size(), 6u);
    EXPECT_FLOAT_EQ(band.values[0], 1.0f);
    EXPECT_FLOAT_EQ(band.values[5], 6.0f);
    EXPECT_TRUE(std::isnan(band.values[4])); // nodata comes back as NaN
    EXPECT_EQ(band.unit, "events per km2");
    std::filesystem::remove(path);
}

TEST(RasterReader, WarpsToTheWorkingCrsAndRejectsBadInput)
{
    RasterGrid grid;
    grid.minX = 150000;
    grid.minY = 450000;
    grid.cellSize = 1000;
    grid.nx = 10;
    grid.ny = 10;
    const std::vector<double> values(100, 7.0);
    const auto path = tempTif("warp.tif");
    gis::writeFloat32GeoTiff(path, grid, values, {});
    // Read in UTM 31N: the RD square lands around E 660 km, N 5780 km.
    const auto band = gis::readRasterBand(path, 1, "EPSG:32631");
    EXPECT_NEAR((band.minX + band.maxX()) / 2, 6.6e5, 2e4);
    EXPECT_NEAR((band.minY() + band.maxY) / 2, 5.78e6, 3e4);
    EXPECT_THROW((void)gis::readRasterBand(path, 2), InputError);
    EXPECT_THROW((void)gis::readRasterBand(tempTif("missing.tif")), InputError);
    EXPECT_THROW((void)gis::readRasterBand(path, 1, "EPSG:28992", 50), InputError); // too many cells
    std::filesystem::remove(path);
}
