#include "gebiedscan/gis/raster_reader.hpp"

#include "gdal_util.hpp"

#include <gdalwarper.h>

#include <cmath>
#include <limits>

namespace gebiedscan::gis {

using namespace detail;

RasterBand readRasterBand(const std::filesystem::path& path, int band, const std::string& workingCrs,
                          std::size_t maxCells)
{
    ensureGdal();
    const std::string name = path.string();
    DatasetPtr ds(GDALDataset::Open(name.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds) throw InputError("cannot open raster '" + name + "': " + lastGdalError("not a raster"));
    if (band < 1 || band > ds->GetRasterCount())
        throw InputError("raster '" + name + "' has no band " + std::to_string(band));
    const OGRSpatialReference* srs = ds->GetSpatialRef();
    if (!srs) throw InputError("raster '" + name + "' has no coordinate reference system");
    const OGRSpatialReference working = makeSrs(workingCrs, "working CRS");
    GDALDataset* source = ds.get();
    DatasetPtr warped;
    if (!srs->IsSame(&working)) {
        char* wkt = nullptr;
        working.exportToWkt(&wkt);
        GDALDatasetH vrt =
            GDALAutoCreateWarpedVRT(GDALDataset::ToHandle(ds.get()), nullptr, wkt, GRA_Bilinear, 0.125, nullptr);
        CPLFree(wkt);
        if (!vrt) throw InputError("cannot warp raster '" + name + "' to " + workingCrs + ": " + lastGdalError());
        warped.reset(GDALDataset::FromHandle(vrt));
        source = warped.get();
    }
    double gt[6];
    if (source->GetGeoTransform(gt) != CE_None) throw InputError("raster '" + name + "' is not georeferenced");
    if (gt[2] != 0.0 || gt[4] != 0.0) throw InputError("raster '" + name + "' is rotated; warp it north-up first");
    RasterBand out;
    out.width = source->GetRasterXSize();
    out.height = source->GetRasterYSize();
    if (static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) > maxCells)
        throw InputError("raster '" + name + "' has too many cells to show (" + std::to_string(out.width) + " x " +
                         std::to_string(out.height) + "); make an overview or a coarser copy first");
    out.cellWidth = std::abs(gt[1]);
    out.cellHeight = std::abs(gt[5]);
    out.minX = gt[1] > 0 ? gt[0] : gt[0] + gt[1] * out.width;
    out.maxY = gt[5] < 0 ? gt[3] : gt[3] + gt[5] * out.height;
    GDALRasterBand* b = source->GetRasterBand(band);
    out.values.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
    if (b->RasterIO(GF_Read, 0, 0, out.width, out.height, out.values.data(), out.width, out.height, GDT_Float32, 0,
                    0) != CE_None)
        throw InputError("cannot read raster '" + name + "': " + lastGdalError());
    // South-up rasters are flipped so row 0 is always north.
    if (gt[5] > 0)
        for (int r = 0; r < out.height / 2; ++r)
            std::swap_ranges(out.values.begin() + static_cast<std::ptrdiff_t>(r) * out.width,
                             out.values.begin() + static_cast<std::ptrdiff_t>(r + 1) * out.width,
                             out.values.begin() + static_cast<std::ptrdiff_t>(out.height - 1 - r) * out.width);
    int hasNoData = 0;
    const double noData = b->GetNoDataValue(&hasNoData);
    for (auto& v : out.values)
        if ((hasNoData && static_cast<double>(v) == static_cast<double>(static_cast<float>(noData))) ||
            !std::isfinite(v))
            v = std::numeric_limits<float>::quiet_NaN();
    out.unit = b->GetUnitType() ? b->GetUnitType() : "";
    out.description = b->GetDescription() ? b->GetDescription() : "";
    if (char** md = ds->GetMetadata())
        for (int i = 0; md[i]; ++i) {
            const std::string item = md[i];
            const auto eq = item.find('=');
            if (eq != std::string::npos) out.metadata.emplace_back(item.substr(0, eq), item.substr(eq + 1));
        }
    return out;
}

} // namespace gebiedscan::gis
