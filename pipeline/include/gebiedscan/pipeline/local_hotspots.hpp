#pragma once
// The output columns of Gi* hotspots and local Moran (LISA): shared by `gebiedscan hotspots` and
// the gebiedscan's own outputs. The statistics themselves are core's computeLocalHotspots.
#include "gebiedscan/core/local_hotspots.hpp"
#include "gebiedscan/core/spatial_weights.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include <string>
#include <vector>

namespace gebiedscan::pipeline {

/// The columns gi_z, gi_p, gi_bin, gi_label, lisa_i, lisa_p, lisa_q (and, with `full`, n_buren,
/// gi_p_adj, lisa_z, lisa_p_adj, lisa_kwadrant) with their descriptions.
[[nodiscard]] std::vector<gis::Column> hotspotColumns(const LocalHotspotOptions& options,
                                                      const std::string& weightsDescription, bool full);

/// Appends area i's values for the columns of hotspotColumns (same order).
void appendHotspotValues(std::vector<gis::Value>& row, const LocalHotspots& r, const SpatialWeights& w, std::size_t i,
                         const LocalHotspotOptions& options, bool full);

} // namespace gebiedscan::pipeline
