#pragma once
// Writes a facility analysis: facilities.gpkg (layers `facilities` and `concentratie`),
// facilities.csv, facilities_concentratie.csv, summary.json and toelichting.txt.
#include "gebiedscan/pipeline/facility_job.hpp"

#include <filesystem>
#include <vector>

namespace gebiedscan::pipeline {

/// The `facilities` layer: the facility's own fields and geometry, then n_total, n_<thema>,
/// dichtheid_km2 (along the network: dichtheid_km_weg), rank, (internal only: n_ring, verwacht, p, p_adj) and verhoogd.
[[nodiscard]] gis::Table facilityTable(const FacilityJobResult& result, const FacilityJobOptions& options);

/// The Eck-Clarke-Guerette curve: share of facilities, facilities, registrations, share.
[[nodiscard]] gis::Table concentrationTable(const FacilityJobResult& result, const FacilityJobOptions& options);

/// Writes every output into a fresh gis::OutputFolder at options.out; returns the files.
[[nodiscard]] std::vector<std::filesystem::path> writeFacilityOutputs(const FacilityJobResult& result,
                                                                      const FacilityJobOptions& options);

} // namespace gebiedscan::pipeline
