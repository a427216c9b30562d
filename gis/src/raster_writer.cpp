#include "gebiedscan/gis/raster_writer.hpp"

#include "gdal_util.hpp"
#include "gebiedscan/gis/atomic_output.hpp"

#include <cpl_string.h>

#include <cmath>

namespace gebiedscan::gis {

using namespace detail;

void writeFloat32GeoTiff(const std::filesystem::path& path, const RasterGrid& grid, std::span<const double> values,
                         const RasterWriteOptions& options)
{
    if (grid.nx <= 0 || grid.ny <= 0 || values.size() != grid.cellCount())
        throw InputError("raster '" + path.string() + "': " + std::to_string(values.size()) + " values for a grid of " +
                         std::to_string(grid.nx) + " x " + std::to_string(grid.ny) + " cells");
    ensureGdal();
    const OGRSpatialReference srs = makeSrs(options.workingCrs, "working CRS");
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver) throw OutputError("GDAL has no GTiff driver");

    const std::filesystem::path parent = path.parent_path().empty() ? "." : path.parent_path();
    ensureWritableFolder(parent);
    AtomicOutput out(path);
    {
        CPLStringList createOptions;
        createOptions.SetNameValue("COMPRESS", "DEFLATE");
        createOptions.SetNameValue("PREDICTOR", "3"); // floating-point predictor
        createOptions.SetNameValue("TILED", "YES");
        createOptions.SetNameValue("BIGTIFF", "IF_SAFER");
        CPLErrorReset();
        DatasetPtr ds(driver->Create(out.temp().c_str(), grid.nx, grid.ny, 1, GDT_Float32, createOptions.List()));
        if (!ds) throw OutputError("cannot create '" + path.string() + "': " + lastGdalError());

        // North-up: origin at the north-west corner, negative row step.
        double transform[6] = {grid.minX, grid.cellSize, 0.0, grid.maxY(), 0.0, -grid.cellSize};
        if (ds->SetGeoTransform(transform) != CE_None || ds->SetSpatialRef(&srs) != CE_None)
            throw OutputError("cannot georeference '" + path.string() + "': " + lastGdalError());
        for (const auto& [key, value] : options.metadata) ds->SetMetadataItem(key.c_str(), value.c_str());
        if (!options.unit.empty()) ds->SetMetadataItem("UNIT", options.unit.c_str());

        GDALRasterBand* band = ds->GetRasterBand(1);
        band->SetNoDataValue(options.noData);
        if (!options.unit.empty()) band->SetUnitType(options.unit.c_str());
        if (!options.bandDescription.empty()) band->SetDescription(options.bandDescription.c_str());

        // Row by row, converting to float32 and mapping non-finite values to nodata.
        std::vector<float> row(static_cast<std::size_t>(grid.nx));
        const auto noData = static_cast<float>(options.noData);
        for (std::int32_t r = 0; r < grid.ny; ++r) {
            const double* src = values.data() + static_cast<std::size_t>(r) * grid.nx;
            for (std::int32_t c = 0; c < grid.nx; ++c)
                row[static_cast<std::size_t>(c)] = std::isfinite(src[c]) ? static_cast<float>(src[c]) : noData;
            if (band->RasterIO(GF_Write, 0, r, grid.nx, 1, row.data(), grid.nx, 1, GDT_Float32, 0, 0, nullptr) !=
                CE_None)
                throw OutputError("cannot write '" + path.string() + "': " + lastGdalError());
        }
        // Closing flushes the data; GDAL 3.6's GDALClose returns nothing, so a failed final
        // write shows only as an error raised during the close.
        CPLErrorReset();
        ds.reset();
        if (CPLGetLastErrorType() >= CE_Failure)
            throw OutputError("cannot write '" + path.string() + "': " + lastGdalError());
    }
    out.commit();
}

} // namespace gebiedscan::gis
