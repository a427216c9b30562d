#pragma once
// Private: appends a table's rows to an attribute layer that GDAL created (and closed) in a
// GeoPackage, through SQLite's own prepared insert (issue 17: GDAL's per-feature path took three
// times as long on a scan's 1.5 million figures).
#include "gebiedscan/gis/table_writer.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace gebiedscan::gis::detail {

/// Inserts the rows of `table` into the attribute table `layer` of the GeoPackage `gpkg`, whose
/// columns after the fid are `fields` (in the table's column order), in one transaction. NULL and
/// Suppressed are NULL. Keeps GDAL's feature count (gpkg_ogr_contents) and its triggers as GDAL
/// left them. Throws OutputError naming `shownPath` on any failure (disk full).
void insertAttributeRows(const std::filesystem::path& gpkg, const std::string& layer,
                         const std::vector<std::string>& fields, const Table& table, const std::string& shownPath);

} // namespace gebiedscan::gis::detail
