#pragma once
// Writes the council package of `gebiedscan export` as one unit (gis::OutputFolder): per level a
// Shapefile with its QGIS style (.qml) and field map, one GeoPackage with every level and the
// styles in its layer_styles table (QGIS loads the default style on open), CSV for Dutch Excel,
// the PDF report when given and LEESMIJ.txt. Computes nothing: export_job reads and checks.
#include "gebiedscan/pipeline/export_job.hpp"

#include "gebiedscan/core/scan_model.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <vector>

namespace gebiedscan::pipeline {

struct ExportPackage {
    std::filesystem::path scanDir;
    std::filesystem::path report; ///< empty: no PDF
    /// Writes the report into the staging folder (ExportOptions::writeReport); used without `report`.
    std::function<std::vector<std::string>(const std::filesystem::path& packageDir)> writeReport;
    nlohmann::json summary; ///< the scan's summary.json
    const ScanModel* model = nullptr;
    const FolderAudit* audit = nullptr;
    gis::WriteOptions write;
    std::vector<gis::Table> levels;    ///< area tables, finest first, named as their files
    std::vector<ExportedLevel> styled; ///< one per level
    std::optional<gis::Table> figures; ///< the long table of counts
};

struct ExportFiles {
    std::vector<std::filesystem::path> files; ///< in the package folder
    std::filesystem::path zip;
};

/// Name of the GeoPackage's geometry column (GDAL's default), as layer_styles names it.
inline constexpr const char* kExportGeometryColumn = "geom";

/// Writes the package into `outDir` (and `outDir`.zip when `zip`). Throws OutputError.
ExportFiles writeExportPackage(const ExportPackage& package, const std::filesystem::path& outDir, bool zip);

/// LEESMIJ.txt: what the package holds, every field (from the output schema), the Shapefile
/// names, the period, the sources and the protection in plain Dutch.
[[nodiscard]] std::string leesmijText(const ExportPackage& package, const std::vector<std::string>& files);

} // namespace gebiedscan::pipeline
