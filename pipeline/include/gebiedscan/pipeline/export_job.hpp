#pragma once
// `gebiedscan export`: the council package made from a scan folder. Only a folder fit to leave
// the police is exported: one written for outside the police (audience extern) that passes the
// disclosure audit (pipeline/folder_audit.hpp); anything else is refused with the reason. The
// package holds aggregates only (the area levels, their figures), never incident points:
// Shapefiles with a QGIS style beside each, one GeoPackage with the same styles in its
// layer_styles table, CSV for Dutch Excel, the PDF report when given, and LEESMIJ.txt.
#include "gebiedscan/pipeline/folder_audit.hpp"
#include "gebiedscan/pipeline/map_legend.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

class Reporter;

struct ExportOptions {
    std::filesystem::path scanDir; ///< a `gebiedscan scan` output folder
    std::filesystem::path outDir;  ///< the package folder (written as one unit)
    std::filesystem::path report;  ///< a PDF to include (gebiedscan report); empty: none
    /// Writes the report into the package folder being staged, after the audit passed, and
    /// returns the file names it wrote there (veiligheidsanalyse.pdf, .html). The command sets it
    /// when `gebiedscan report` is built (Qt); the pipeline itself draws nothing. Unused with
    /// `report`.
    std::function<std::vector<std::string>(const std::filesystem::path& packageDir)> writeReport;
    std::filesystem::path model; ///< the scan's model (audit thresholds); empty: the shipped one
    bool zip = false;            ///< also write outDir + ".zip" beside the folder
};

/// A scan folder may not leave the police: written for internal use, or failing the audit.
/// The command prints the reason (and the failing cells) and exits 4, as `gebiedscan audit`.
class ExportRefused : public Error {
public:
    ExportRefused(const std::string& message, FolderAudit audit) : Error(message), m_audit(std::move(audit)) {}
    /// The audit's findings; empty for a folder refused before the audit (intern).
    [[nodiscard]] const FolderAudit& audit() const { return m_audit; }

private:
    FolderAudit m_audit;
};

/// One area level as exported.
struct ExportedLevel {
    std::string level;         ///< "buurt", "wijk", "gemeente", "cel"
    std::string name;          ///< file stem and GeoPackage layer: "gebiedscan_buurt"
    std::string styleField;    ///< the mapped field (full name): n_total or the first theme with data
    std::string styleFieldShp; ///< its Shapefile name
    std::string styleTitle;    ///< "Registraties: alle thema's, 2024"
    MapLegend legend;
    std::size_t areas = 0;
};

struct ExportResult {
    FolderAudit audit; ///< passed
    std::vector<ExportedLevel> levels;
    std::vector<std::filesystem::path> files; ///< in the package folder
    std::filesystem::path zip;                ///< empty without ExportOptions::zip
};

/// Reads, checks and writes the package. Throws ExportRefused (intern folder, failing audit),
/// InputError (no scan folder, a missing report), OutputError.
[[nodiscard]] ExportResult runExportJob(const ExportOptions& options, Reporter& reporter);

/// The column to map in the package: n_total when any area has a count above 0, else the first
/// n_<thema> that has; empty when no column has data. `columns` and `values` as read.
[[nodiscard]] std::string defaultStyleField(const gis::Table& table);

} // namespace gebiedscan::pipeline
