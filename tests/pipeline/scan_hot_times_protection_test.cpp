// Hour-of-week values in extern scan output (issue 13): per hour nearly every count is 1..T-1,
// and the per-hour sums (themes = total, children = parent) bound hidden counts tighter than the
// counts' own sums, so an extern scan writes no hourly values; the busiest hour of a published
// total stays. `gebiedscan audit` fails an extern folder that carries them.
#include "../gis/gis_test_support.hpp"

#include "gebiedscan/gis/vector_reader.hpp"
#include "gebiedscan/pipeline/folder_audit.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"
#include "gebiedscan/pipeline/scan_writer.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace gebiedscan {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::writeText;

std::size_t rowsOf(const fs::path& gpkg, const std::string& layer)
{
    gis::SourceSpec spec;
    spec.path = gpkg.string();
    spec.layer = layer;
    gis::VectorReader reader(spec);
    reader.ignoreGeometry(true);
    std::size_t n = 0;
    for (gis::Feature f; reader.next(f);) ++n;
    return n;
}

// 16 buurten of 1 km with registrations at known hours (as scan_job_test): 40 in the corner,
// 20 in two neighbours, 3 in the others.
class ScanHotTimesProtection : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::string areas =
            R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[)";
        for (int i = 0; i < 16; ++i) {
            const double x = 150000 + 1000.0 * (i % 4), y = 450000 + 1000.0 * (i / 4);
            areas += fmt::format(
                R"({}{{"type":"Feature","properties":{{"BU_CODE":"BU0001{:04}","BU_NAAM":"b{}","AANT_INW":{}}},)"
                R"("geometry":{{"type":"Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
                i ? "," : "", 100 + i, i, 1000 + 100 * i, x, y, x + 1000, y, x + 1000, y + 1000, x, y + 1000, x, y);
        }
        writeText(m_dir / "areas.geojson", areas + "]}");
        std::string csv = "x;y;code;datum\n";
        for (int i = 0; i < 16; ++i) {
            const double x = 150500 + 1000.0 * (i % 4), y = 450500 + 1000.0 * (i / 4);
            const int current = i == 0 ? 40 : i == 1 || i == 4 ? 20 : 3;
            for (int k = 0; k < current; ++k)
                csv += fmt::format("{};{};{};2023-{:02}-{:02} {:02}:30\n", x, y, k % 3 ? "1.3.1" : "1.4.4", 1 + k % 12,
                                   1 + k % 28, k % 24);
        }
        writeText(m_dir / "reg.csv", csv);
        m_options.incidents.path = (m_dir / "reg.csv").string();
        m_options.incidents.assumeCrs = "EPSG:28992";
        m_options.areas.path = (m_dir / "areas.geojson").string();
        m_options.year = 2023;
        m_options.referenceYears = 0;
        m_options.permutations = 0;
    }

    fs::path scan(bool internal, const std::string& name)
    {
        auto o = m_options;
        o.internal = internal;
        o.outDir = m_dir / name;
        pipeline::CollectingReporter reporter;
        const auto r = pipeline::runScan(o, reporter);
        pipeline::writeScanOutputs(*r, o);
        return o.outDir;
    }

    TempDir m_dir;
    pipeline::ScanOptions m_options;
};

TEST_F(ScanHotTimesProtection, ExternScanWritesNoHourlyValues)
{
    const auto externDir = scan(false, "extern");
    const auto internDir = scan(true, "intern");
    // Internal: 7 rows per area and slot with registrations; extern: none.
    EXPECT_GT(rowsOf(internDir / "gebiedscan.gpkg", "hot_times"), 7u * 16);
    EXPECT_EQ(rowsOf(externDir / "gebiedscan.gpkg", "hot_times"), 0u);
    std::ifstream js(externDir / "summary.json");
    const auto summary = nlohmann::json::parse(js);
    EXPECT_EQ(summary["suppression"]["hot_times"], "niet gepubliceerd (extern)");
    std::ifstream note(externDir / "toelichting.txt");
    const std::string text((std::istreambuf_iterator<char>(note)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("Uren van de week: buiten de politie niet gepubliceerd"), std::string::npos);

    const auto model = pipeline::loadScanModel(pipeline::defaultModelPath());
    const auto a = pipeline::auditScanFolder(externDir, model);
    EXPECT_TRUE(a.passed()) << (a.findings.empty() ? std::string() : a.findings.front().message);

    // The internal folder handed on as if extern: its hourly values are a finding of their own.
    fs::copy(internDir, m_dir / "relabelled", fs::copy_options::recursive);
    std::ifstream in(internDir / "summary.json");
    auto relabelled = nlohmann::json::parse(in);
    relabelled["audience"] = "extern";
    std::ofstream(m_dir / "relabelled" / "summary.json") << relabelled.dump(2);
    const auto b = pipeline::auditScanFolder(m_dir / "relabelled", model);
    bool hourly = false;
    for (const auto& f : b.findings)
        hourly = hourly || (f.kind == pipeline::AuditFinding::Kind::DerivedPublished &&
                            f.message.find("uurwaarden in een externe map") != std::string::npos);
    EXPECT_TRUE(hourly);
}

} // namespace
} // namespace gebiedscan
