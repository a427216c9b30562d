// Issue 2, "Done when": `gebiedscan scan` on foreign data - points in lon/lat (WGS84) against
// polygons in another CRS (ETRS89-LAEA, EPSG:3035) - gives per-area counts identical to an
// independent PostGIS ST_Contains count, and the accounting adds up. The scan goes through
// runScan (the code behind the command); the reference is PostgreSQL + PostGIS with the same
// tables loaded by GDAL's ogr2ogr. Skipped unless GEBIEDSCAN_TEST_PG is set (scripts/test.sh).
#include "../gis/postgis_support.hpp"
#include "app_test_support.hpp"

#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"
#include "gebiedscan/pipeline/scan_writer.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

using namespace gebiedscan;
using namespace gebiedscan::testing;
namespace fs = std::filesystem;

namespace {

class DoneWhen : public ::testing::Test {
protected:
    pipeline::CollectingReporter m_reporter;
    void SetUp() override
    {
        if (!m_db.available()) GTEST_SKIP() << PostGisDatabase::skipReason();
        ASSERT_TRUE(m_db.createSchema()) << m_db.lastLog();
        // Polygons in ETRS89-LAEA: neither the incidents' CRS nor the working CRS.
        m_areas = m_dir / "gemeenten_3035.gpkg";
        ogr2ogr(m_areas, drentheAreas(), "-f GPKG -t_srs EPSG:3035 -nln gemeenten");
        m_incidents = m_dir / "registraties.csv";
        m_truth = writeSyntheticIncidents(m_incidents, 4000, 42);
        // The reference gets only the rows that must be located (valid point and period).
        std::string good = "lon,lat\n";
        char line[64];
        for (const auto& [x, y] : m_truth.goodLonLat) {
            std::snprintf(line, sizeof line, "%.7f,%.7f\n", x, y);
            good += line;
        }
        writeText(m_dir / "punten.csv", good);
        ASSERT_TRUE(m_db.load(m_areas, "gemeenten")) << m_db.lastLog();
        ASSERT_TRUE(m_db.load(m_dir / "punten.csv", "punten",
                              "-a_srs EPSG:4326 -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat"))
            << m_db.lastLog();
        ASSERT_TRUE(
            m_db.load(m_incidents, "registraties",
                      "-a_srs EPSG:4326 -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo KEEP_GEOM_COLUMNS=NO"))
            << m_db.lastLog();
    }

    // statcode -> number of points ST_Contains puts in it, both sides in the working CRS.
    std::map<std::string, std::uint64_t> postgisCounts()
    {
        const auto out = m_db.query("SELECT a.statcode, count(p.fid) FROM " + m_db.table("gemeenten") +
                                    " a LEFT JOIN " + m_db.table("punten") +
                                    " p ON ST_Contains(ST_Transform(a.geom, 28992), ST_Transform(p.geom, 28992)) "
                                    "GROUP BY a.statcode ORDER BY a.statcode");
        std::map<std::string, std::uint64_t> counts;
        std::istringstream lines(out);
        std::string line;
        while (std::getline(lines, line)) {
            const auto bar = line.find('|');
            if (bar == std::string::npos) continue;
            counts[line.substr(0, bar)] = std::stoull(line.substr(bar + 1));
        }
        return counts;
    }

    pipeline::ScanOptions options() const
    {
        pipeline::ScanOptions o;
        o.areas.path = m_areas.string();
        o.areas.layer = "gemeenten";
        o.year = 2024;
        o.referenceYears = 3;
        o.quiet = true;
        o.outDir = m_dir / "uit";
        return o;
    }

    // Per-area totals over every category (overig included) and period.
    static std::map<std::string, std::uint64_t> scanCounts(const pipeline::ScanResult& r)
    {
        std::map<std::string, std::uint64_t> counts;
        const auto& base = r.areas.levels.at(0);
        for (std::size_t a = 0; a < base.size(); ++a) {
            std::uint64_t n = 0;
            // The figures: the raw counts are released once the figures hold them.
            const auto& f = *r.figures;
            for (std::size_t p = 0; p < f.periods(); ++p) n += f.themeCount(0, a, f.totalSlot(), p);
            counts[base.codes[a]] = n;
        }
        return counts;
    }

    void expectMatchesPostgis(const pipeline::ScanResult& r)
    {
        const auto reference = postgisCounts();
        ASSERT_EQ(reference.size(), 12u) << m_db.lastLog();
        const auto counts = scanCounts(r);
        EXPECT_EQ(counts, reference);
        std::uint64_t inside = 0;
        for (const auto& [code, n] : reference) inside += n;
        EXPECT_GT(inside, m_truth.good / 3);
        const auto& a = r.accounting;
        EXPECT_EQ(a.inputRecords, m_truth.rows);
        EXPECT_EQ(a.assigned + a.unknownCategory, inside);
        EXPECT_EQ(a.outside, m_truth.good - inside);
        EXPECT_EQ(a.invalidGeometry, m_truth.noGeometry);
        EXPECT_EQ(a.badDate, m_truth.badDate + m_truth.outOfPeriod);
        EXPECT_TRUE(a.balanced());
    }

    PostGisDatabase m_db;
    TempDir m_dir;
    fs::path m_areas, m_incidents;
    SyntheticIncidents m_truth;
};

} // namespace

TEST_F(DoneWhen, LonLatCsvAgainstLaeaPolygonsEqualsPostgisStContains)
{
    auto o = options();
    o.incidents.path = m_incidents.string();
    o.incidents.assumeCrs = "EPSG:4326";
    const auto r = pipeline::runScan(o, m_reporter);
    EXPECT_EQ(r->incidentsCrs, "EPSG:4326");
    expectMatchesPostgis(*r);

    // And the files: summary.json says the same, buckets adding up.
    pipeline::writeScanOutputs(*r, o);
    const auto summary = readText(o.outDir / "summary.json");
    EXPECT_NE(summary.find("\"input_records\": " + std::to_string(m_truth.rows)), std::string::npos) << summary;
}

TEST_F(DoneWhen, IncidentsReadFromPostgisGiveTheSameCounts)
{
    auto o = options();
    o.incidents.path = m_db.connection();
    o.incidents.layer = m_db.table("registraties");
    o.dateField = "datum";
    const auto r = pipeline::runScan(o, m_reporter);
    expectMatchesPostgis(*r);
}
