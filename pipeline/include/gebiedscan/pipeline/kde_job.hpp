#pragma once
// `gebiedscan kde` as a job: a kernel density heatmap (events per km2) of registrations. The
// result holds the grid and its values; writeKdeRaster (kde_writer.hpp) writes the GeoTIFF.
// Named KdeJob* because core's KdeOptions/KdeResult are the kernel density itself.
#include "gebiedscan/pipeline/record_accounting.hpp"

#include "gebiedscan/core/kernel_density.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

class Reporter;

/// What `gebiedscan kde` computes, independent of the command line.
struct KdeJobOptions {
    gis::SourceSpec incidents;
    std::string theme;                     ///< id or number of a scan-model theme; empty: all registrations
    std::string model;                     ///< scan model for `theme`; empty: the default model
    std::string categoryField, labelField; ///< empty: detected
    std::string weightField;               ///< numeric weight per registration; empty: 1 each
    KernelShape kernel = KernelShape::Quartic;
    KdeMethod method = KdeMethod::Auto;
    std::optional<double> radius; ///< metres (Gaussian: sigma); unset: the spatial Silverman rule
    std::optional<double> cell;   ///< metres; unset: short side of the events' envelope / 250
    std::vector<double> extent;   ///< xmin ymin xmax ymax in the working CRS; empty: the events
    std::string workingCrs = "EPSG:28992";
};

/// The heatmap and how it was made.
struct KdeJobResult {
    KdeResult density; ///< grid, values (per km2), method used, total weight
    KernelShape kernel = KernelShape::Quartic;
    double radius = 0.0;    ///< metres
    std::string radiusNote; ///< "opgegeven" or the Silverman rule with its figures
    double cell = 0.0;      ///< metres
    std::string cellNote;
    std::string sourceDescription;
    std::string themeId; ///< empty: all registrations
    std::string weightField, workingCrs;
    double peak = 0.0;    ///< highest value
    double seconds = 0.0; ///< time of the density computation

    RecordAccounting accounting; ///< of the registrations read
    std::size_t used = 0;        ///< registrations in the heatmap
};

/// Reads the registrations, chooses radius and cell, computes the density. Throws InputError.
[[nodiscard]] KdeJobResult runKdeJob(const KdeJobOptions& options, Reporter& reporter);

} // namespace gebiedscan::pipeline
