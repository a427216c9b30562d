#pragma once
// A folder packed into one .zip (GDAL's minizip writer, so no new dependency), written
// atomically: a reader sees the previous archive or the complete new one.
#include <filesystem>
#include <string>

namespace gebiedscan::gis {

/// Packs every regular file of `folder` (recursively, hidden files skipped) into `zipFile`
/// under the folder name `root` ("pakket/LEESMIJ.txt"). Throws OutputError.
void writeZipArchive(const std::filesystem::path& zipFile, const std::filesystem::path& folder,
                     const std::string& root);

} // namespace gebiedscan::gis
