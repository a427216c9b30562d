#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace gebiedscan::gis {

/// One band of a raster in the working CRS, for display (the viewer's KDE and basemap layers).
/// Row 0 is the northern row; values are row-major; NaN marks nodata.
struct RasterBand {
    int width = 0;
    int height = 0;
    double minX = 0.0;       ///< west edge, working-CRS metres
    double maxY = 0.0;       ///< north edge
    double cellWidth = 1.0;  ///< metres, > 0
    double cellHeight = 1.0; ///< metres, > 0
    std::vector<float> values;
    std::string unit;                                          ///< band unit type, e.g. "events per km2" (may be empty)
    std::string description;                                   ///< band description
    std::vector<std::pair<std::string, std::string>> metadata; ///< dataset metadata items

    [[nodiscard]] double maxX() const { return minX + cellWidth * width; }
    [[nodiscard]] double minY() const { return maxY - cellHeight * height; }
};

/// Reads band `band` (1-based) of any GDAL raster. A raster in another CRS is warped to
/// `workingCrs` (bilinear, GDAL's auto-sized warped VRT). Throws InputError when the file
/// cannot be opened, has no such band or CRS, or is rotated; refuses rasters over `maxCells`
/// cells (the viewer shows rasters whole).
[[nodiscard]] RasterBand readRasterBand(const std::filesystem::path& path, int band = 1,
                                        const std::string& workingCrs = "EPSG:28992",
                                        std::size_t maxCells = 64'000'000);

} // namespace gebiedscan::gis
