#pragma once
// `gebiedscan hotspots`: Getis-Ord Gi* and local Moran (LISA) on any polygon or point layer.
#include "gebiedscan/core/global_autocorrelation.hpp"
#include "gebiedscan/core/multiple_testing.hpp"
#include "gebiedscan/gis/vector_reader.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace gebiedscan::app {

/// What `gebiedscan hotspots` does, independent of the command line (tests call runHotspots).
struct HotspotsOptions {
    gis::SourceSpec areas;          ///< polygon or point layer
    std::string field;              ///< numeric field analysed
    std::string idField;            ///< field copied as `id`; empty: the feature id (FID)
    std::string grid;               ///< non-empty: count point incidents per square cell, "auto" or metres
    std::string weights;            ///< queen | rook | knn:K | band:D (m); empty: queen (polygons), knn:8 (points)
    std::size_t permutations = 999; ///< 0: analytic p-values only
    std::uint64_t seed = 20090101;
    std::string alternative = "two-sided";
    PValueCorrection correction = PValueCorrection::None;
    double snap = 1e-3;  ///< contiguity snap tolerance in metres
    double alpha = 0.05; ///< LISA significance level (after correction)
    std::filesystem::path outDir;
    std::string workingCrs = "EPSG:28992";
    bool quiet = false; ///< no summary on stdout
};

/// Figures of a run, also printed to stdout.
struct HotspotsSummary {
    std::size_t features = 0;          ///< features read
    std::size_t analysed = 0;          ///< with geometry and a numeric value (--grid: cells)
    std::size_t noValue = 0;           ///< NULL, non-numeric or CBS secret/missing sentinel (<= -99990)
    std::size_t noGeometry = 0;        ///< empty or unusable geometry
    std::size_t islands = 0;           ///< analysed features without neighbours
    std::size_t incidentsRejected = 0; ///< --grid: points with non-finite coordinates
    double cellSize = 0.0;             ///< --grid: cell size used (m)
    double band = 0.0;                 ///< --grid: distance band used (m)
    std::string weightsDescription;    ///< e.g. "queen (snap 0.001 m)"
    GlobalTestResult moran;            ///< global Moran's I, row-standardised, randomisation
    std::vector<std::filesystem::path> written;
};

/// Reads the layer, builds the weights, computes Gi* and LISA with inference, writes
/// `<outDir>/hotspots.gpkg` (layer `hotspots`) and `<outDir>/hotspots.csv`.
HotspotsSummary runHotspots(const HotspotsOptions& options, pipeline::Reporter& reporter);

} // namespace gebiedscan::app
