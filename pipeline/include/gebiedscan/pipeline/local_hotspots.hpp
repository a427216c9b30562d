#pragma once
// Gi* hotspots and local Moran (LISA) for one variable and one weights matrix, with the inference
// and labels of core/: shared by `gebiedscan hotspots` and the gebiedscan's own outputs.
#include "gebiedscan/core/alternative.hpp"
#include "gebiedscan/core/global_autocorrelation.hpp"
#include "gebiedscan/core/hotspot_classes.hpp"
#include "gebiedscan/core/local_statistics.hpp"
#include "gebiedscan/core/multiple_testing.hpp"
#include "gebiedscan/core/spatial_weights.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

struct LocalHotspotOptions {
    std::size_t permutations = 999; ///< 0: analytic p-values only
    std::uint64_t seed = 20090101;
    Alternative alternative = Alternative::TwoSided;
    PValueCorrection correction = PValueCorrection::None;
    double alpha = 0.05; ///< LISA significance level (after correction)
    /// Gi* p-values by permutation (else analytic, normal, as ArcGIS's Hot Spot Analysis).
    bool permuteGi = true;
    /// Correction of the LISA p-values; nullopt: the same as `correction`.
    std::optional<PValueCorrection> lisaCorrection;
};

/// Gi* (binary weights with self) and LISA (row-standardised) with their inference.
struct LocalHotspots {
    LocalGResult gi;
    std::vector<double> giP;
    HotspotClassification giClass;
    LocalMoranResult lisa;
    std::vector<double> lisaP, lisaPAdj;
    GlobalTestResult moran; ///< global Moran's I, row-standardised, randomisation, greater
};

/// `w`: binary weights without self (contiguity, knn, band).
[[nodiscard]] LocalHotspots computeLocalHotspots(const std::vector<double>& x, const SpatialWeights& w,
                                                 const LocalHotspotOptions& options);

/// The columns gi_z, gi_p, gi_bin, gi_label, lisa_i, lisa_p, lisa_q (and, with `full`, n_buren,
/// gi_p_adj, lisa_z, lisa_p_adj, lisa_kwadrant) with their descriptions.
[[nodiscard]] std::vector<gis::Column> hotspotColumns(const LocalHotspotOptions& options,
                                                      const std::string& weightsDescription, bool full);

/// Appends area i's values for the columns of hotspotColumns (same order).
void appendHotspotValues(std::vector<gis::Value>& row, const LocalHotspots& r, const SpatialWeights& w, std::size_t i,
                         const LocalHotspotOptions& options, bool full);

} // namespace gebiedscan::pipeline
