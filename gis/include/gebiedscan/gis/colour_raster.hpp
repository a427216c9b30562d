#pragma once
// True-colour rasters (RGB/RGBA): local basemaps for the viewer (GeoTIFF, GeoPackage tiles,
// MBTiles), read and written through GDAL so the viewer needs no GDAL headers.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace gebiedscan::gis {

/// An RGBA image georeferenced north-up; row 0 is the northern row.
struct ColourRaster {
    int width = 0;
    int height = 0;
    double minX = 0.0;               ///< west edge
    double maxY = 0.0;               ///< north edge
    double cellWidth = 1.0;          ///< > 0
    double cellHeight = 1.0;         ///< > 0
    std::vector<std::uint32_t> argb; ///< 0xAARRGGBB per pixel, row-major, not premultiplied

    [[nodiscard]] double maxX() const { return minX + cellWidth * width; }
    [[nodiscard]] double minY() const { return maxY - cellHeight * height; }
};

/// True when GDAL opens `path` as a GeoTIFF, GeoPackage or MBTiles raster of 3 or 4 Byte bands
/// (RGB or RGBA): a picture to show as it is, not a band of values for a colour ramp.
[[nodiscard]] bool isColourRaster(const std::filesystem::path& path);

/// Reads an RGB(A) raster warped to `workingCrs` (bilinear; outside the source transparent) at
/// most `maxSide` pixels on its long side (GDAL uses the overviews or tile levels). Throws
/// InputError when it cannot be opened, is not RGB(A), or has no CRS.
[[nodiscard]] ColourRaster readColourRaster(const std::filesystem::path& path,
                                            const std::string& workingCrs = "EPSG:28992", int maxSide = 4096);

/// Writes `raster` (georeferenced in `crs`) as an RGBA GeoTIFF ("GTiff"), GeoPackage tiles
/// ("GPKG", PNG tiles) or MBTiles ("MBTiles", which needs EPSG:3857). For tests and exports.
/// Throws OutputError when GDAL cannot write it.
void writeColourRaster(const std::filesystem::path& path, const ColourRaster& raster, const std::string& crs,
                       const std::string& driver = "GTiff");

} // namespace gebiedscan::gis
