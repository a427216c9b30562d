#include "gebiedscan/gis/png_image.hpp"

#include "gdal_util.hpp"

#include "gebiedscan/core/error.hpp"

#include <gdal_priv.h>

namespace gebiedscan::gis {

using namespace detail;

void writePngImage(const std::filesystem::path& path, int width, int height, const std::vector<std::uint32_t>& argb)
{
    if (width <= 0 || height <= 0 || argb.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height))
        throw OutputError("picture size does not match its pixels: " + path.string());
    ensureGdal();
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDriver* png = GetGDALDriverManager()->GetDriverByName("PNG");
    if (!mem || !png) throw OutputError("GDAL has no PNG driver");
    DatasetPtr ds(mem->Create("", width, height, 4, GDT_Byte, nullptr));
    if (!ds) throw OutputError("cannot create picture in memory: " + lastGdalError());
    std::vector<unsigned char> band(argb.size());
    const int shifts[4] = {16, 8, 0, 24}; // R, G, B, A
    for (int b = 0; b < 4; ++b) {
        for (std::size_t i = 0; i < band.size(); ++i)
            band[i] = static_cast<unsigned char>((argb[i] >> shifts[b]) & 0xffu);
        if (ds->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, width, height, band.data(), width, height, GDT_Byte, 0,
                                               0) != CE_None)
            throw OutputError("cannot fill picture: " + lastGdalError());
    }
    ds->GetRasterBand(4)->SetColorInterpretation(GCI_AlphaBand);
    DatasetPtr written(png->CreateCopy(path.string().c_str(), ds.get(), FALSE, nullptr, nullptr, nullptr));
    if (!written) throw OutputError("cannot write picture '" + path.string() + "': " + lastGdalError());
}

} // namespace gebiedscan::gis
