#pragma once
// `gebiedscan hotspots` as a job: Getis-Ord Gi* and local Moran (LISA) on any polygon or point
// layer, or on incidents counted per grid cell. The result is complete; writing is separate
// (hotspot_writer.hpp).
#include "gebiedscan/pipeline/record_accounting.hpp"

#include "gebiedscan/core/alternative.hpp"
#include "gebiedscan/core/global_autocorrelation.hpp"
#include "gebiedscan/core/local_hotspots.hpp"
#include "gebiedscan/core/multiple_testing.hpp"
#include "gebiedscan/core/optimized_hotspots.hpp"
#include "gebiedscan/core/spatial_weights.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

class Reporter;

/// What `gebiedscan hotspots` analyses, independent of the command line.
struct HotspotOptions {
    gis::SourceSpec areas;          ///< polygon or point layer
    std::string field;              ///< numeric field analysed
    std::string idField;            ///< field copied as `id`; empty: the feature id (FID)
    std::string grid;               ///< non-empty: count point incidents per square cell, "auto" or metres
    std::string weights;            ///< queen | rook | knn:K | band:D (m); empty: queen (polygons), knn:8 (points)
    std::size_t permutations = 999; ///< 0: analytic p-values only
    std::uint64_t seed = 20090101;
    Alternative alternative = Alternative::TwoSided;
    PValueCorrection correction = PValueCorrection::None; ///< --grid: FDR unless Bonferroni
    double snap = 1e-3;                                   ///< contiguity snap tolerance in metres
    double alpha = 0.05;                                  ///< LISA significance level (after correction)
    std::string workingCrs = "EPSG:28992";
};

/// One input feature (field mode), in input order; not analysed ones keep index -1.
struct HotspotFeature {
    std::string id;
    std::optional<double> value;
    gis::FeatureGeometry geometry;
    std::int64_t index = -1; ///< into the analysed arrays (weights, statistics)
};

/// Everything a hotspots run found, for the writer, the printed summary and in-process callers.
struct HotspotResult {
    bool grid = false;             ///< incidents counted per grid cell (else a field per feature)
    std::string sourceDescription; ///< the layer read
    std::string field, idField, workingCrs;
    LocalHotspotOptions statistics; ///< the inference used (for --grid with its forced correction)

    // Accounting.
    std::size_t features = 0;          ///< features read
    std::size_t analysed = 0;          ///< with geometry and a numeric value (--grid: cells)
    std::size_t noValue = 0;           ///< NULL, non-numeric or CBS secret/missing sentinel (<= -99990)
    std::size_t noGeometry = 0;        ///< empty or unusable geometry (--grid: invalid_geometry)
    RecordAccounting incidents;        ///< --grid: the registrations read, as every command counts them
    std::size_t islands = 0;           ///< analysed features without neighbours
    std::size_t incidentsRejected = 0; ///< --grid: points with non-finite coordinates
    double cellSize = 0.0;             ///< --grid: cell size used (m)
    double band = 0.0;                 ///< --grid: distance band used (m)
    std::string weightsDescription;    ///< e.g. "queen (snap 0.001 m)"
    GlobalTestResult moran;            ///< global Moran's I, row-standardised, randomisation

    // The analysis.
    SpatialWeights weights;                        ///< between the analysed features or cells
    LocalHotspots hotspots;                        ///< Gi* and LISA per analysed feature or cell
    std::map<int, std::size_t> giBins;             ///< Gi_Bin -> analysed features; 99: islands
    std::map<std::string, std::size_t> lisaLabels; ///< LISA label -> analysed features

    // Field mode: every feature in input order.
    std::vector<HotspotFeature> rows;
    gis::FeatureGeometry::Kind geometryKind = gis::FeatureGeometry::Kind::Polygon;

    // --grid: the cells with their counts, the chosen scale and its Moran's z profile.
    std::optional<OptimizedHotspotResult> cells;
    std::string bandProfile; ///< "band:z" pairs, e.g. "125:3.1416 187.5:4.2"
};

/// Reads the layer, builds the weights, computes Gi* and LISA with inference. Throws InputError.
[[nodiscard]] HotspotResult runHotspotJob(const HotspotOptions& options, Reporter& reporter);

/// The text of a p-value correction in summaries and metadata ("geen", "Bonferroni", ...).
[[nodiscard]] const char* correctionText(PValueCorrection correction);

} // namespace gebiedscan::pipeline
