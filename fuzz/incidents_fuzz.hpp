#pragma once
// The incident reading path of `gebiedscan scan` on one input file: VectorReader (GDAL's CSV or
// GeoJSON driver, CRS handling, transformation to RD), field detection, date parsing,
// classification with the default model and point location. Shared by the CSV and GeoJSON
// targets, which differ only in the file extension (and so the GDAL driver).
#include "fuzz_support.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"

#include "gebiedscan/core/date_time.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/point_locator.hpp"
#include "gebiedscan/core/scan_model.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <cmath>
#include <memory>

namespace gebiedscan::fuzz {

struct IncidentHarness {
    ScanModel model;
    std::unique_ptr<CategoryClassifier> classifier;
    std::unique_ptr<PointLocator> locator;

    IncidentHarness()
    {
        model = pipeline::loadScanModel(std::filesystem::path(GEBIEDSCAN_SOURCE_DIR) / "data/model/default_model.toml");
        classifier = std::make_unique<CategoryClassifier>(model);
        // Two 1 km squares at the RD origin (Amersfoort), where lon/lat 5.387/52.155 lands.
        std::vector<MultiPolygon> areas;
        for (double x0 : {155000.0, 156000.0})
            areas.push_back({Polygon{{Ring{{x0, 463000}, {x0 + 1000, 463000}, {x0 + 1000, 464000}, {x0, 464000}}}}});
        locator = std::make_unique<PointLocator>(areas);
    }

    void run(const std::uint8_t* data, std::size_t size, const std::string& extension)
    {
        const auto file = writeInput(data, size, extension);
        try {
            gis::SourceSpec spec;
            spec.path = file.string();
            spec.assumeCrs = "EPSG:4326";
            gis::VectorReader reader(spec);
            const auto code = reader.findField({"code", "categorie", "feitcode"});
            const auto date = reader.findField({"datum", "date", "pleegdatum"});
            reader.selectFields({code, reader.findField({"omschrijving", "label"}), date});
            (void)reader.featureCount();
            gis::Feature f;
            for (int n = 0; n < 5000 && reader.next(f); ++n) {
                if (f.values[2]) {
                    if (const auto t = parseTimeInterval(*f.values[2])) (void)model.periodOf(t->start);
                }
                (void)classifier->classify(f.values[0].value_or(""), f.values[1].value_or(""));
                for (const auto& p : f.geometry.points) {
                    if (!std::isfinite(p.x) || !std::isfinite(p.y)) __builtin_trap(); // reader promises finite
                    (void)locator->locate(p);
                }
            }
            (void)reader.extent();
        } catch (const Error&) {}
    }
};

} // namespace gebiedscan::fuzz
