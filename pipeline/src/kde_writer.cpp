#include "gebiedscan/pipeline/kde_writer.hpp"

#include "gebiedscan/pipeline/output_schema.hpp"

#include "gebiedscan/gis/raster_writer.hpp"

#include "gebiedscan/core/error.hpp"

#include <fmt/core.h>

namespace gebiedscan::pipeline {

std::string kdeInternalOnly()
{
    return "kde maakt een dichtheidskaart uit losse registraties: daaruit zijn kleine aantallen en zelfs losse "
           "locaties terug te rekenen, dus dit is interne uitvoer, alleen voor binnen de politie. Geef --internal om "
           "hem toch te maken (niet verstrekken); voor buiten de politie: gebiedscan scan of hotspots --grid";
}

void writeKdeRaster(const KdeJobResult& r, const std::filesystem::path& path, bool internal)
{
    if (!internal) throw InputError(kdeInternalOnly());
    const std::string unit = r.weightField.empty() ? "events per km2" : r.weightField + " per km2";
    gis::RasterWriteOptions w;
    w.workingCrs = r.workingCrs;
    w.unit = unit;
    w.bandDescription = fmt::format("kernel density ({}), {}", kernelName(r.kernel), unit);
    w.metadata = {{"KERNEL", std::string(kernelName(r.kernel))},
                  {"RADIUS_M", fmt::format("{}", r.radius)},
                  {"RADIUS_RULE", r.radiusNote},
                  {"CELL_SIZE_M", fmt::format("{}", r.cell)},
                  {"UNIT", unit},
                  {"EVENTS", std::to_string(r.used)},
                  {"TOTAL_WEIGHT", fmt::format("{}", r.density.totalWeight)},
                  {"METHOD", std::string(kdeMethodName(r.density.method))},
                  {"SOURCE", r.sourceDescription},
                  {"THEME", r.themeId.empty() ? "alle registraties" : r.themeId},
                  {"CRS", r.workingCrs},
                  {"SOFTWARE", "gebiedscan " GEBIEDSCAN_VERSION},
                  {std::string(schema::kRoleKey), std::string(schema::role::kdeHeatmap)},
                  {std::string(schema::kAudienceKey), "intern"},
                  {std::string(schema::kVersionKey), std::string(schema::kVersion)}};
    if (r.kernel == KernelShape::Gaussian)
        w.metadata.emplace_back("KERNEL_NOTE", "radius = sigma; truncated at 4 sigma and renormalised");
    gis::writeFloat32GeoTiff(path, r.density.grid, r.density.density, w);
}

} // namespace gebiedscan::pipeline
