#pragma once
// `gebiedscan audit` on the folders of trends, hotspots, blackspots, nearrepeat and facilities
// (see folder_audit.hpp).
#include "gebiedscan/pipeline/folder_audit.hpp"

#include <filesystem>
#include <string>

namespace gebiedscan::pipeline {

/// trends.gpkg: counts per location and period and the location's total (= sum of the periods).
[[nodiscard]] FolderAudit auditTrendFolder(const std::filesystem::path& dir, const ScanModel& model);
/// hotspots.gpkg: counts (or a field) per cell or feature with Gi*/LISA.
[[nodiscard]] FolderAudit auditHotspotFolder(const std::filesystem::path& dir, const ScanModel& model);
/// nearrepeat.csv (the Knox table) with summary.json: a two-way table whose row and column
/// totals the reader adds up from the expected counts, and whose grand total is n (n - 1) / 2.
/// nearrepeat.gpkg (pairs per area) is police-internal and fails the folder.
[[nodiscard]] FolderAudit auditNearRepeatFolder(const std::filesystem::path& dir, const ScanModel& model);
/// facilities.gpkg: per facility n_total and its themes (themes = total), rank, density and
/// verhoogd beside each total; the concentration shares must follow from the published totals
/// with each hidden one as T/2 (else they carry the hidden sum).
[[nodiscard]] FolderAudit auditFacilityFolder(const std::filesystem::path& dir, const ScanModel& model);
/// A folder of output that exists only for the police: fails with one InternalOnly finding.
[[nodiscard]] FolderAudit auditInternalOnlyFolder(const std::filesystem::path& dir, const std::string& command);

} // namespace gebiedscan::pipeline
