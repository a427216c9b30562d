#pragma once
// A plain picture (no georeference) written as PNG through GDAL, for figures such as the
// near-repeat heat table; the pipeline draws the pixels, no Qt needed.
#include <cstdint>
#include <filesystem>
#include <vector>

namespace gebiedscan::gis {

/// Writes width x height pixels (0xAARRGGBB, row-major, row 0 at the top) as an RGBA PNG.
/// Throws OutputError when GDAL cannot write it.
void writePngImage(const std::filesystem::path& path, int width, int height, const std::vector<std::uint32_t>& argb);

} // namespace gebiedscan::gis
