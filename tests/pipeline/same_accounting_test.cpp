// One file with (0, 0) points, multipoints, lines, missing geometry, bad dates and unknown codes
// fed to scan, kde, trends and hotspots --grid in-process: every command reads it through the
// one incident stream, so the record accounting is the same in all four, bucket by bucket.
#include "pipeline_test_support.hpp"

#include "gebiedscan/pipeline/accounting_report.hpp"
#include "gebiedscan/pipeline/hotspot_job.hpp"
#include "gebiedscan/pipeline/kde_job.hpp"
#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"
#include "gebiedscan/pipeline/trend_job.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <random>

using namespace gebiedscan;

namespace {

// Two 2 km x 2 km buurten side by side covering every valid point.
std::string twoBuurten()
{
    std::string features;
    for (int i = 0; i < 2; ++i) {
        const double x = 154000 + 2000.0 * i, y = 462000;
        features += fmt::format(
            R"({}{{"type":"Feature","properties":{{"BU_CODE":"BU0001010{}","BU_NAAM":"b{}","AANT_INW":1000}},)"
            R"("geometry":{{"type":"Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
            i ? "," : "", i, i, x, y, x + 2000, y, x + 2000, y + 2000, x, y + 2000, x, y);
    }
    return jobtest::rdGeoJson(features);
}

std::string feature(const std::string& code, const std::string& date, const std::string& geometry)
{
    return fmt::format(R"({{"type":"Feature","properties":{{"code":"{}","datum":"{}"}},"geometry":{}}},)", code, date,
                       geometry);
}

struct Expected {
    std::uint64_t rows = 0, invalid = 0, unparseable = 0, unknown = 0, assigned = 0;
};

// Registrations in 2023: 240 valid points (40 of an unknown code), and the troublemakers.
std::string registrations(Expected& e)
{
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> ux(154100, 157900), uy(462100, 463900);
    std::uniform_int_distribution<int> month(1, 12), day(1, 28);
    std::string f;
    const auto point = [&] {
        return fmt::format(R"({{"type":"Point","coordinates":[{:.1f},{:.1f}]}})", ux(rng), uy(rng));
    };
    const auto date = [&] { return fmt::format("2023-{:02}-{:02}", month(rng), day(rng)); };
    for (int i = 0; i < 200; ++i) f += feature(i % 2 ? "1.1.1" : "1.2.1", date(), point()), ++e.assigned;
    for (int i = 0; i < 40; ++i) f += feature("9.9.9", date(), point()), ++e.unknown;
    for (int i = 0; i < 30; ++i) // a cluster, for the hotspot grid
        f += feature("1.1.1", date(), R"({"type":"Point","coordinates":[155050.0,463050.0]})"), ++e.assigned;
    // A multipoint of one part is that point; of several parts it is invalid.
    for (int i = 0; i < 5; ++i)
        f += feature("1.1.1", date(), R"({"type":"MultiPoint","coordinates":[[155500,462500]]})"), ++e.assigned;
    for (int i = 0; i < 4; ++i)
        f += feature("1.1.1", date(), R"({"type":"MultiPoint","coordinates":[[155500,462500],[156500,462500]]})"),
            ++e.invalid;
    for (int i = 0; i < 6; ++i) f += feature("1.1.1", date(), R"({"type":"Point","coordinates":[0,0]})"), ++e.invalid;
    f += feature("1.1.1", date(), "null"), ++e.invalid;
    f += feature("1.1.1", date(), R"({"type":"LineString","coordinates":[[155000,462500],[155100,462600]]})"),
        ++e.invalid;
    for (const char* bad : {"31-02-2023", "gisteren", ""}) f += feature("1.1.1", bad, point()), ++e.unparseable;
    f.pop_back(); // the last comma
    e.rows = e.assigned + e.unknown + e.invalid + e.unparseable;
    return jobtest::rdGeoJson(f);
}

void expectAccounting(const pipeline::RecordAccounting& a, const Expected& e, const char* command)
{
    SCOPED_TRACE(command);
    EXPECT_EQ(a.inputRecords, e.rows);
    EXPECT_EQ(a.invalidGeometry, e.invalid);
    EXPECT_EQ(a.badDate, e.unparseable);
    EXPECT_EQ(a.badDateUnparseable, e.unparseable);
    EXPECT_EQ(a.badWeight, 0u);
    EXPECT_EQ(a.outside, 0u);
    EXPECT_EQ(a.unknownCategory, e.unknown);
    EXPECT_EQ(a.otherTheme, 0u);
    EXPECT_EQ(a.assigned, e.assigned);
    EXPECT_TRUE(a.balanced());
}

bool sameBuckets(const pipeline::RecordAccounting& a, const pipeline::RecordAccounting& b)
{
    return a.inputRecords == b.inputRecords && a.invalidGeometry == b.invalidGeometry && a.badDate == b.badDate &&
           a.badDateUnparseable == b.badDateUnparseable && a.outside == b.outside &&
           a.unknownCategory == b.unknownCategory && a.otherTheme == b.otherTheme && a.assigned == b.assigned &&
           a.unknownCodes == b.unknownCodes && a.exampleRows == b.exampleRows;
}

} // namespace

TEST(SameAccounting, ScanKdeTrendsAndHotspotsCountOneFileAlike)
{
    jobtest::TempFolder tmp;
    Expected e;
    const auto incidents = jobtest::writeText(tmp.path() / "registraties.geojson", registrations(e));
    const auto areas = jobtest::writeText(tmp.path() / "buurten.geojson", twoBuurten());
    pipeline::CollectingReporter reporter;

    pipeline::ScanOptions scan;
    scan.incidents.path = incidents.string();
    scan.areas.path = areas.string();
    scan.year = 2023;
    scan.referenceYears = 0;
    scan.permutations = 0;
    const auto s = pipeline::runScan(scan, reporter);

    pipeline::KdeJobOptions kde;
    kde.incidents.path = incidents.string();
    kde.radius = 300.0;
    kde.cell = 50.0;
    const auto k = pipeline::runKdeJob(kde, reporter);

    pipeline::TrendOptions trends;
    trends.incidents.path = incidents.string();
    trends.areas.path = areas.string();
    trends.period = TimePeriod::Month;
    const auto t = pipeline::runTrendJob(trends, reporter);

    pipeline::HotspotOptions hotspots;
    hotspots.areas.path = incidents.string();
    hotspots.grid = "250";
    hotspots.permutations = 0;
    const auto h = pipeline::runHotspotJob(hotspots, reporter);

    expectAccounting(s->accounting, e, "scan");
    expectAccounting(k.accounting, e, "kde");
    expectAccounting(t.accounting, e, "trends");
    expectAccounting(h.incidents, e, "hotspots --grid");
    EXPECT_TRUE(sameBuckets(s->accounting, k.accounting));
    EXPECT_TRUE(sameBuckets(s->accounting, t.accounting));
    EXPECT_TRUE(sameBuckets(s->accounting, h.incidents));
    EXPECT_EQ(s->accounting.unknownCodes.at("9.9.9"), 40u);

    // What each command then uses: every valid point with a readable date, overig included.
    const std::uint64_t used = e.assigned + e.unknown;
    EXPECT_EQ(k.used, used);
    EXPECT_EQ(static_cast<std::uint64_t>(t.used), used);
    double cells = 0;
    for (double n : h.cells->counts) cells += n;
    EXPECT_EQ(cells, static_cast<double>(used)); // (0, 0) no longer stretches the grid to the RD origin

    // The same line is printed by the three jobs (the scan command prints it after runScan).
    std::size_t lines = 0;
    const std::string line = pipeline::accountingLine(s->accounting);
    for (const auto& info : reporter.infos) lines += info == line;
    EXPECT_EQ(lines, 3u) << line;
}
