#include "gebiedscan/gis/colour_raster.hpp"

#include "gdal_util.hpp"

#include <gdal_utils.h>

#include <algorithm>
#include <cmath>

namespace gebiedscan::gis {

using namespace detail;

namespace {

// Basemap formats only: a VRT or other "meta" driver could read arbitrary files for a project file.
const char* const kDrivers[] = {"GTiff", "GPKG", "MBTiles", nullptr};

DatasetPtr openColour(const std::string& name)
{
    return DatasetPtr(GDALDataset::FromHandle(
        GDALOpenEx(name.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, kDrivers, nullptr, nullptr)));
}

bool rgbBands(GDALDataset& ds)
{
    const int n = ds.GetRasterCount();
    if (n < 3 || n > 4) return false;
    for (int b = 1; b <= n; ++b)
        if (ds.GetRasterBand(b)->GetRasterDataType() != GDT_Byte) return false;
    return true;
}

// A warped virtual dataset in the working CRS with an alpha band (pixels outside the source are
// transparent); `size` > 0 fixes the output size.
DatasetPtr warp(GDALDataset& source, const std::string& crs, int width, int height, const std::string& name)
{
    std::vector<std::string> args{"-of", "VRT", "-t_srs", crs, "-r", "bilinear", "-dstalpha"};
    if (width > 0) {
        args.insert(args.end(), {"-ts", std::to_string(width), std::to_string(height)});
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    GDALWarpAppOptions* options = GDALWarpAppOptionsNew(argv.data(), nullptr);
    GDALDatasetH src = GDALDataset::ToHandle(&source);
    int usageError = 0;
    GDALDatasetH out = GDALWarp("", nullptr, 1, &src, options, &usageError);
    GDALWarpAppOptionsFree(options);
    if (!out) throw InputError("cannot warp raster '" + name + "' to " + crs + ": " + lastGdalError());
    return DatasetPtr(GDALDataset::FromHandle(out));
}

} // namespace

bool isColourRaster(const std::filesystem::path& path)
{
    ensureGdal();
    const DatasetPtr ds = openColour(path.string());
    return ds && rgbBands(*ds);
}

ColourRaster readColourRaster(const std::filesystem::path& path, const std::string& workingCrs, int maxSide)
{
    ensureGdal();
    const std::string name = path.string();
    DatasetPtr ds = openColour(name);
    if (!ds)
        throw InputError("cannot open raster '" + name +
                         "': " + lastGdalError("not a GeoTIFF, GeoPackage or MBTiles raster"));
    if (!rgbBands(*ds)) throw InputError("raster '" + name + "' is not an RGB or RGBA image (3 or 4 bands of bytes)");
    if (!ds->GetSpatialRef()) throw InputError("raster '" + name + "' has no coordinate reference system");
    (void)makeSrs(workingCrs, "working CRS"); // a clear error for a bad CRS before GDAL's own
    DatasetPtr warped = warp(*ds, workingCrs, 0, 0, name);
    const int w = warped->GetRasterXSize(), h = warped->GetRasterYSize();
    if (std::max(w, h) > maxSide) {
        // Too large to show whole: a coarser copy, read from the source's overviews by GDAL.
        const double f = static_cast<double>(maxSide) / std::max(w, h);
        warped = warp(*ds, workingCrs, std::max(1, static_cast<int>(std::lround(w * f))),
                      std::max(1, static_cast<int>(std::lround(h * f))), name);
    }
    double gt[6];
    if (warped->GetGeoTransform(gt) != CE_None) throw InputError("raster '" + name + "' is not georeferenced");
    ColourRaster out;
    out.width = warped->GetRasterXSize();
    out.height = warped->GetRasterYSize();
    out.cellWidth = std::abs(gt[1]);
    out.cellHeight = std::abs(gt[5]);
    out.minX = gt[0];
    out.maxY = gt[3];
    const int bands = warped->GetRasterCount(); // RGB + alpha: the warp adds or keeps one
    std::vector<unsigned char> rgba(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 4,
                                    255);
    int bandMap[4] = {1, 2, 3, bands >= 4 ? 4 : 3};
    if (warped->RasterIO(GF_Read, 0, 0, out.width, out.height, rgba.data(), out.width, out.height, GDT_Byte,
                         bands >= 4 ? 4 : 3, bandMap, 4, static_cast<GSpacing>(out.width) * 4, 1, nullptr) != CE_None)
        throw InputError("cannot read raster '" + name + "': " + lastGdalError());
    out.argb.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
    for (std::size_t i = 0; i < out.argb.size(); ++i) {
        const unsigned char* p = &rgba[i * 4];
        out.argb[i] = (std::uint32_t{p[3]} << 24) | (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) |
                      std::uint32_t{p[2]};
    }
    return out;
}

void writeColourRaster(const std::filesystem::path& path, const ColourRaster& raster, const std::string& crs,
                       const std::string& driver)
{
    ensureGdal();
    const OGRSpatialReference srs = makeSrs(crs, "raster CRS");
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDriver* target = GetGDALDriverManager()->GetDriverByName(driver.c_str());
    if (!mem || !target) throw OutputError("GDAL has no " + driver + " driver");
    DatasetPtr ds(mem->Create("", raster.width, raster.height, 4, GDT_Byte, nullptr));
    if (!ds) throw OutputError("cannot create raster in memory: " + lastGdalError());
    double gt[6] = {raster.minX, raster.cellWidth, 0, raster.maxY, 0, -raster.cellHeight};
    ds->SetGeoTransform(gt);
    ds->SetSpatialRef(&srs);
    std::vector<unsigned char> band(raster.argb.size());
    const int shifts[4] = {16, 8, 0, 24}; // R, G, B, A
    const GDALColorInterp interp[4] = {GCI_RedBand, GCI_GreenBand, GCI_BlueBand, GCI_AlphaBand};
    for (int b = 0; b < 4; ++b) {
        for (std::size_t i = 0; i < band.size(); ++i)
            band[i] = static_cast<unsigned char>((raster.argb[i] >> shifts[b]) & 0xffu);
        GDALRasterBand* rb = ds->GetRasterBand(b + 1);
        rb->SetColorInterpretation(interp[b]);
        if (rb->RasterIO(GF_Write, 0, 0, raster.width, raster.height, band.data(), raster.width, raster.height,
                         GDT_Byte, 0, 0) != CE_None)
            throw OutputError("cannot fill raster: " + lastGdalError());
    }
    const char* gpkgOptions[] = {"TILE_FORMAT=PNG", nullptr};
    const char* tiffOptions[] = {"COMPRESS=DEFLATE", "PHOTOMETRIC=RGB", "ALPHA=UNASSOCIATED", nullptr};
    const char* const* options = driver == "GTiff"                         ? tiffOptions
                                 : driver == "GPKG" || driver == "MBTiles" ? gpkgOptions
                                                                           : nullptr;
    DatasetPtr written(
        target->CreateCopy(path.string().c_str(), ds.get(), FALSE, const_cast<char**>(options), nullptr, nullptr));
    if (!written) throw OutputError("cannot write raster '" + path.string() + "': " + lastGdalError());
}

} // namespace gebiedscan::gis
