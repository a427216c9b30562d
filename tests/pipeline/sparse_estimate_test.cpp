// The output-size warning and the grid memory refusal count what a sparse grid scan holds and
// writes: the series with a count, not every area x category x period (issue 18).
#include "pipeline_test_support.hpp"

#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"
#include "gebiedscan/pipeline/scan_writer.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace gebiedscan;

namespace {

std::string oneBuurt()
{
    return jobtest::rdGeoJson(
        R"({"type":"Feature","properties":{"BU_CODE":"BU00010100","BU_NAAM":"b","AANT_INW":1000},)"
        R"("geometry":{"type":"Polygon","coordinates":[[[154000,462000],[158000,462000],[158000,466000],)"
        R"([154000,466000],[154000,462000]]]}})");
}

// 300 registrations of two categories scattered over 4 km x 4 km: at 100 m almost every one in a
// cell of its own, so each cell holds one or two of the model's many category series.
std::string scattered()
{
    std::mt19937 rng(1818);
    std::uniform_real_distribution<double> x(154010, 157990), y(462010, 465990);
    std::string f;
    for (int i = 0; i < 300; ++i)
        f += fmt::format(R"({}{{"type":"Feature","properties":{{"code":"{}","datum":"{}-{:02}-15"}},)"
                         R"("geometry":{{"type":"Point","coordinates":[{:.1f},{:.1f}]}}}})",
                         i ? "," : "", i % 3 ? "1.1.1" : "2.2.1", i % 2 ? 2023 : 2022, i % 12 + 1, x(rng), y(rng));
    return jobtest::rdGeoJson(f);
}

std::size_t lines(const std::filesystem::path& csv)
{
    std::ifstream in(csv);
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);) ++n;
    return n;
}

} // namespace

TEST(SparseEstimate, TheOutputEstimateCountsTheFigureRowsAndIsNearTheWrittenSize)
{
    jobtest::TempFolder tmp;
    pipeline::CollectingReporter reporter;
    pipeline::ScanOptions o;
    o.incidents.path = jobtest::writeText(tmp.path() / "registraties.geojson", scattered()).string();
    o.areas.path = jobtest::writeText(tmp.path() / "buurten.geojson", oneBuurt()).string();
    o.grid = "square:100";
    o.year = 2023;
    o.referenceYears = 1;
    o.permutations = 0;
    o.internal = true;
    o.formats = {"gpkg", "csv"};
    const auto s = pipeline::runScan(o, reporter);
    const auto& f = *s->figures;
    ASSERT_GT(f.categorySlots(), 20u) << "the model has many categories; the test is about leaving them out";

    // Every series with a count is one row per period in gebiedscan_cijfers.csv (plus its header).
    std::size_t series = 0;
    for (std::size_t l = 0; l < s->areas.levels.size(); ++l) series += f.seriesWithCounts(l);
    o.outDir = tmp.path() / "uit";
    (void)pipeline::writeScanOutputs(*s, o);
    EXPECT_EQ(lines(o.outDir / "gebiedscan_cijfers.csv"), 1 + series * f.periods());
    // The cells: at most 300, each with 1 registration mostly: series per cell is a handful (the
    // category, its theme, the total), far below the model's category count.
    const std::size_t cells = s->areas.levels.front().size();
    ASSERT_GT(cells, 250u);
    EXPECT_LT(static_cast<double>(series) / static_cast<double>(cells), 6.0);

    // The estimate is within a factor 1.6 of what was written (1.46 MB for 1.25 MB; counting every
    // category x period as before gave about 3.2 MB).
    std::uintmax_t written = 0;
    for (const auto& e : std::filesystem::directory_iterator(o.outDir))
        if (e.is_regular_file()) written += e.file_size();
    const auto estimate = static_cast<double>(pipeline::estimateScanOutputBytes(*s, o));
    EXPECT_GT(estimate, static_cast<double>(written) / 1.6) << estimate << " vs " << written;
    EXPECT_LT(estimate, static_cast<double>(written) * 1.6) << estimate << " vs " << written;
}

TEST(SparseEstimate, GridMemoryGrowsWithTheStoredCountsNotWithTheModelsCategories)
{
    ScanModel small, large;
    small.themes.resize(5);
    large.themes.resize(5);
    small.categories.resize(10);
    large.categories.resize(400); // a model of 400 categories over the same sparse cells
    small.periods.resize(4);
    large.periods.resize(12);
    const std::size_t cells = 1'000'000, stored = 1'200'000; // a national 100 m grid, 1 M registrations
    EXPECT_DOUBLE_EQ(pipeline::estimateGridScanMemory(cells, stored, small),
                     pipeline::estimateGridScanMemory(cells, stored, large));
    // Per cell: 7 slots x (48 x 4 + 40) + 300 bytes; per count 40 bytes.
    EXPECT_DOUBLE_EQ(pipeline::estimateGridScanMemory(cells, stored, small), 1e6 * (7 * 232 + 300) + 1.2e6 * 40);
    // The dense estimate of before was 2 x 401 x 12 x 8 bytes per cell for the large model: 77 GB.
    EXPECT_LT(pipeline::estimateGridScanMemory(cells, stored, large), 2.5e9);
}
