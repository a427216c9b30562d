#pragma once
#include "gebiedscan/core/kernel_density.hpp"

#include <filesystem>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace gebiedscan::gis {

/// How a single-band raster is written.
struct RasterWriteOptions {
    std::string workingCrs = "EPSG:28992"; ///< CRS of the grid ("EPSG:n", WKT or PROJ string)
    double noData = -9999.0;               ///< written for non-finite values, and set as nodata
    std::string unit;                      ///< band unit, e.g. "events per km2"
    std::string bandDescription;           ///< band description, e.g. "kernel density"
    /// Extra dataset metadata items (KEY, value), e.g. ("KERNEL", "quartic").
    std::vector<std::pair<std::string, std::string>> metadata;
};

/// Writes `values` (row-major, row 0 north, as RasterGrid; grid.cellCount() values) as a
/// single-band float32 GeoTIFF, georeferenced by the grid and `options.workingCrs`, DEFLATE
/// compressed, with nodata, the unit (band unit type and a UNIT metadata item) and the
/// metadata items. Written under a temporary name and renamed into place (see AtomicOutput).
/// Throws InputError for a bad CRS or a value count that does not match the grid, OutputError
/// when GDAL cannot write the file (with GDAL's message).
void writeFloat32GeoTiff(const std::filesystem::path& path, const RasterGrid& grid, std::span<const double> values,
                         const RasterWriteOptions& options);

} // namespace gebiedscan::gis
