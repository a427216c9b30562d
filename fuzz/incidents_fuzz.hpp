#pragma once
// The incident reading path of every command on one input file: pipeline::IncidentStream
// (VectorReader with GDAL's CSV or GeoJSON driver, CRS handling, transformation to RD, field
// detection, typed values, the validity, date and category rules and the record accounting),
// point location, the accounting line and its summary.json form. Shared by the CSV and GeoJSON
// targets, which differ only in the file extension (and so the GDAL driver).
#include "gebiedscan_build_paths.hpp"
#include "fuzz_support.hpp"
#include "gebiedscan/pipeline/accounting_report.hpp"
#include "gebiedscan/pipeline/incident_stream.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/point_locator.hpp"
#include "gebiedscan/core/scan_model.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <memory>

namespace gebiedscan::fuzz {

struct IncidentHarness {
    ScanModel model;
    std::unique_ptr<PointLocator> locator;

    IncidentHarness()
    {
        model = pipeline::loadScanModel(std::filesystem::path(GEBIEDSCAN_SOURCE_DIR) / "data/model/default_model.toml");
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
            pipeline::IncidentStreamOptions o;
            o.source.path = file.string();
            o.source.assumeCrs = "EPSG:4326";
            o.model = model;
            // Every readable date is in, but the period lookup runs on it.
            o.inPeriod = [this](const TimeInterval& t) {
                (void)model.periodOf(t.start);
                return true;
            };
            pipeline::CollectingReporter reporter;
            pipeline::IncidentStream stream(o, reporter);
            (void)stream.featureCount();
            std::vector<pipeline::Incident> batch;
            std::vector<PointRd> points;
            std::vector<std::int32_t> located;
            for (std::size_t n = 0; n < 5000 && stream.nextBatch(batch, 256) > 0; n += batch.size()) {
                points.clear();
                for (const auto& i : batch) {
                    // The stream promises finite points and intervals that do not run backwards.
                    if (!std::isfinite(i.point.x) || !std::isfinite(i.point.y)) __builtin_trap();
                    if (i.when && i.when->end < i.when->start) __builtin_trap();
                    points.push_back(i.point);
                }
                located.resize(points.size());
                locator->locate(points, located, 1);
                for (std::size_t i = 0; i < batch.size(); ++i) (void)stream.settle(batch[i], located[i] >= 0);
                // Every record read is in exactly one bucket at every batch boundary.
                if (!stream.accounting().balanced()) __builtin_trap();
            }
            pipeline::reportAccounting(stream.accounting(), reporter, stream.sourceCrs());
            nlohmann::ordered_json summary;
            pipeline::writeAccountingJson(stream.accounting(), summary);
            (void)summary.dump(); // an example value that is not UTF-8 would throw here: a finding
            (void)stream.extent();
        } catch (const Error&) {}
    }
};

} // namespace gebiedscan::fuzz
