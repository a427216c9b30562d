// `gebiedscan scan` end to end, run as a user runs it (the built binary) on the Drenthe
// gemeenten with synthetic lon/lat incidents: the accounting in summary.json, the Shapefile as
// GDAL sees it, --strict, suppression and the absence of incident points in every output.
#include "app_test_support.hpp"
#include "gebiedscan_build_paths.hpp"

#include "gebiedscan/pipeline/model_loader.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace gebiedscan;
using namespace gebiedscan::testing;
namespace fs = std::filesystem;

namespace {

class ScanEndToEnd : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (gebiedscanBinary().empty()) GTEST_SKIP() << "bin/gebiedscan is not built in " << GEBIEDSCAN_BINARY_DIR;
    }
    // Runs a scan of the incidents in `csv` over the Drenthe gemeenten into `out`.
    int scan(const fs::path& csv, const fs::path& out, const std::string& extra = "", std::string* log = nullptr)
    {
        return runGebiedscan("scan --incidents " + quote(csv) + " --assume-crs EPSG:4326 --areas " +
                                 quote(drentheAreas()) + " --year 2024 --reference-years 3 --quiet --out " +
                                 quote(out) + " " + extra,
                             log);
    }
    TempDir m_dir;
};

std::set<std::string> fieldsOf(const fs::path& file, const std::string& layer = "")
{
    gis::SourceSpec spec;
    spec.path = file.string();
    spec.layer = layer;
    spec.assumeCrs = "EPSG:28992";
    gis::VectorReader reader(spec);
    const auto names = reader.fieldNames();
    return {names.begin(), names.end()};
}

} // namespace

TEST_F(ScanEndToEnd, SummaryBucketsAddUpToTheInput)
{
    const auto csv = m_dir / "registraties.csv";
    const auto s = writeSyntheticIncidents(csv, 3000);
    std::string log;
    ASSERT_EQ(scan(csv, m_dir / "uit", "", &log), 0) << log;
    const auto j = nlohmann::json::parse(readText(m_dir / "uit/summary.json"));
    for (const char* key : {"input_records", "assigned", "outside", "invalid_geometry", "bad_date", "unknown_category"})
        ASSERT_TRUE(j.contains(key) && j[key].is_number_unsigned()) << key;
    const auto n = [&](const char* key) { return j[key].get<std::uint64_t>(); };
    EXPECT_EQ(n("input_records"), s.rows);
    EXPECT_EQ(n("assigned") + n("outside") + n("invalid_geometry") + n("bad_date") + n("unknown_category"), s.rows);
    EXPECT_EQ(n("invalid_geometry"), s.noGeometry);
    EXPECT_EQ(n("bad_date"), s.badDate + s.outOfPeriod);
    EXPECT_EQ(j["bad_date_detail"]["unparseable"].get<std::uint64_t>(), s.badDate);
    EXPECT_EQ(j["bad_date_detail"]["out_of_period"].get<std::uint64_t>(), s.outOfPeriod);
    EXPECT_EQ(n("assigned") + n("outside") + n("unknown_category"), s.good);
    // Unknown codes are listed, and only 9.9.9 was unknown.
    ASSERT_TRUE(j["unknown_categories"].contains("9.9.9"));
    EXPECT_EQ(j["unknown_categories"]["9.9.9"].get<std::uint64_t>(), n("unknown_category"));
    EXPECT_LT(n("unknown_category"), s.unknownCode + 1);
    EXPECT_GT(n("outside"), 0u) << "the box around Drenthe reaches outside the gemeenten";
    EXPECT_GT(n("assigned"), s.good / 3);
}

TEST_F(ScanEndToEnd, ShapefileOpensInGdalWithItsFieldsMapped)
{
    const auto csv = m_dir / "registraties.csv";
    writeSyntheticIncidents(csv, 2000);
    std::string log;
    ASSERT_EQ(scan(csv, m_dir / "uit", "", &log), 0) << log;
    const auto shp = m_dir / "uit/gebiedscan_gemeente.shp";
    ASSERT_TRUE(fs::exists(shp)) << log;
    for (const char* ext : {".shx", ".dbf", ".prj", ".cpg"})
        EXPECT_TRUE(fs::exists(fs::path(shp).replace_extension(ext))) << ext;

    // GDAL's own ogrinfo opens it: 12 gemeenten, RD New, UTF-8.
    std::string info;
    ASSERT_EQ(run("ogrinfo -so -al " + quote(shp), &info), 0) << info;
    EXPECT_NE(info.find("Feature Count: 12"), std::string::npos) << info;
    EXPECT_NE(info.find("Amersfoort / RD New"), std::string::npos) << info;
    EXPECT_NE(info.find("Polygon"), std::string::npos) << info;

    // Every field of the .dbf is in the map, and maps to a full name of the GeoPackage layer with
    // the same values row by row.
    const auto map = readLayer(m_dir / "uit/gebiedscan_gemeente_velden.csv", "", {"veld_shapefile", "veld"});
    const auto shpFields = fieldsOf(shp);
    const auto gpkgFields = fieldsOf(m_dir / "uit/gebiedscan.gpkg", "areas");
    ASSERT_EQ(map.size(), shpFields.size());
    std::map<std::string, std::string> fullName;
    for (const auto& row : map) {
        const auto shortName = row.values[0].value_or("");
        const auto full = row.values[1].value_or("");
        EXPECT_LE(shortName.size(), 10u) << shortName;
        EXPECT_TRUE(shpFields.count(shortName)) << shortName;
        EXPECT_TRUE(gpkgFields.count(full)) << full;
        fullName[shortName] = full;
    }
    std::vector<std::string> shortNames, fullNames;
    for (const auto& [k, v] : fullName) {
        shortNames.push_back(k);
        fullNames.push_back(v);
    }
    const auto shpRows = readLayer(shp, "", shortNames);
    const auto gpkgRows = readLayer(m_dir / "uit/gebiedscan.gpkg", "areas", fullNames);
    ASSERT_EQ(shpRows.size(), 12u);
    ASSERT_EQ(gpkgRows.size(), 12u);
    for (std::size_t r = 0; r < shpRows.size(); ++r)
        for (std::size_t c = 0; c < shortNames.size(); ++c) {
            const auto a = shpRows[r].values[c], b = gpkgRows[r].values[c];
            if (a && b && a != b) {
                // Reals: the .dbf keeps fewer digits.
                EXPECT_NEAR(std::strtod(a->c_str(), nullptr), std::strtod(b->c_str(), nullptr), 1e-6) << shortNames[c];
            } else {
                EXPECT_EQ(a.has_value(), b.has_value()) << shortNames[c] << " row " << r;
            }
        }
}

TEST_F(ScanEndToEnd, StrictFailsAndWritesNothing)
{
    const auto csv = m_dir / "registraties.csv";
    writeSyntheticIncidents(csv, 500);
    std::string log;
    const int rc = scan(csv, m_dir / "uit", "--strict", &log);
    EXPECT_NE(rc, 0);
    EXPECT_NE(log.find("--strict"), std::string::npos) << log;
    EXPECT_NE(log.find("niets geschreven"), std::string::npos) << log;
    EXPECT_TRUE(!fs::exists(m_dir / "uit") || fs::is_empty(m_dir / "uit")) << "strict must not write any output";
}

TEST_F(ScanEndToEnd, SmallCountsAreSuppressedNeverZero)
{
    // Few incidents: many gemeente x theme counts of 1..4 (and 1..9 for huiselijk geweld).
    const auto csv = m_dir / "registraties.csv";
    writeSyntheticIncidents(csv, 400, 7);
    std::string log;
    ASSERT_EQ(scan(csv, m_dir / "intern", "--internal", &log), 0) << log;
    ASSERT_EQ(scan(csv, m_dir / "extern", "", &log), 0) << log;

    const auto fields = fieldsOf(m_dir / "intern/gebiedscan.gpkg", "areas");
    std::vector<std::string> counts;
    for (const auto& f : fields)
        if (f.rfind("n_", 0) == 0) counts.push_back(f);
    counts.insert(counts.begin(), "code");
    const auto in = readLayer(m_dir / "intern/gebiedscan.gpkg", "areas", counts);
    const auto ex = readLayer(m_dir / "extern/gebiedscan.gpkg", "areas", counts);
    std::vector<std::string> csvFields = counts;
    const auto exCsv = readLayer(m_dir / "extern/gebiedscan_gemeente.csv", "", csvFields);
    ASSERT_EQ(in.size(), ex.size());
    ASSERT_EQ(exCsv.size(), ex.size());
    // Thresholds of the default model the scan used: suppress_below, stricter for some themes
    // (huiselijk geweld, zeden, 12-minners: 10).
    const auto model = pipeline::loadScanModel(pipeline::defaultModelPath());
    std::map<std::string, int> thresholdOfField, thresholdOfLabel;
    for (const auto& t : model.themes) {
        const int threshold = t.suppressBelow > 0 ? t.suppressBelow : model.suppressBelow;
        thresholdOfField["n_" + t.id] = threshold;
        thresholdOfLabel[t.labelNl] = threshold;
    }
    ASSERT_EQ(thresholdOfField.at("n_huiselijk_geweld"), 10);
    const auto thresholdOf = [&](const std::map<std::string, int>& map, const std::string& key) {
        const auto it = map.find(key);
        return it == map.end() ? model.suppressBelow : it->second;
    };
    int small = 0, hidden = 0, expectedHidden = 0;
    for (std::size_t r = 0; r < in.size(); ++r) {
        ASSERT_EQ(in[r].values[0], ex[r].values[0]);
        // The rule, applied here to the internal counts: among the themes and overig (not the
        // total) every count in [1, threshold) is hidden and, when that is exactly one, also the
        // smallest other non-zero count; the total only when it is itself in [1, suppress_below).
        int smallInGroup = 0, complementHidden = 0;
        long smallestOther = 0, complementValue = -1;
        for (std::size_t c = 1; c < counts.size(); ++c) {
            const long internal = std::stol(in[r].values[c].value_or("-1"));
            const int threshold = thresholdOf(thresholdOfField, counts[c]);
            const auto& pub = ex[r].values[c];
            const bool isSmall = internal > 0 && internal < threshold;
            if (isSmall) {
                ++small;
                EXPECT_FALSE(pub.has_value())
                    << counts[c] << " of " << *in[r].values[0] << " = " << internal << " shown";
            }
            if (counts[c] == "n_total") {
                expectedHidden += internal > 0 && internal < model.suppressBelow ? 1 : 0;
            } else if (isSmall) {
                ++smallInGroup;
            } else if (internal > 0) {
                smallestOther = smallestOther == 0 ? internal : std::min(smallestOther, internal);
                if (!pub) {
                    ++complementHidden;
                    complementValue = internal;
                }
            }
            if (!pub) {
                ++hidden;
                EXPECT_EQ(exCsv[r].values[c].value_or("?"), "geheim") << counts[c];
            } else {
                EXPECT_EQ(std::stol(*pub), internal) << "a shown count must be the true count";
                EXPECT_EQ(exCsv[r].values[c].value_or("?"), *pub);
            }
        }
        // Within one area a single small theme always needs a complement of some kind (else it is
        // the total minus the rest); which cell the protection takes is its choice (issue 13).
        if (smallInGroup == 1 && smallestOther > 0 && complementHidden == 0) {
            EXPECT_FALSE(ex[r].values[1].has_value()) << *in[r].values[0] << ": one small theme, nothing else hidden";
        }
        expectedHidden += smallInGroup;
        (void)complementValue;
    }
    EXPECT_GT(small, 10) << "the fixture must produce small counts to be meaningful";
    EXPECT_GE(hidden, small);
    EXPECT_GE(hidden, expectedHidden) << "every small count hidden";
    EXPECT_LE(hidden, 3 * expectedHidden) << "the protection hides only what it needs";
    // And no hidden count can be recovered or narrowed from the folder (the intruder of issue 13).
    std::string auditLog;
    EXPECT_EQ(run(quote(gebiedscanBinary()) + " audit " + quote(m_dir / "extern"), &auditLog), 0) << auditLog;

    // The long table: a suppressed count is NULL, and no row shows a count of 1..4 in public.
    // Per theme its own threshold: a shown huiselijk-geweld count is 0 or at least 10.
    const auto figures = readLayer(m_dir / "extern/gebiedscan.gpkg", "figures", {"theme", "count"});
    ASSERT_FALSE(figures.empty());
    int strictShown = 0;
    for (const auto& row : figures) {
        if (row.values[1]) {
            const long n = std::stol(*row.values[1]);
            const int threshold = thresholdOf(thresholdOfLabel, row.values[0].value_or(""));
            EXPECT_TRUE(n == 0 || n >= 5) << n;
            EXPECT_TRUE(n == 0 || n >= threshold) << row.values[0].value_or("?") << ": " << n;
            strictShown += threshold > model.suppressBelow ? 1 : 0;
        }
    }
    EXPECT_GT(strictShown, 0) << "the fixture must show counts of the stricter themes";
}

TEST_F(ScanEndToEnd, NoIncidentPointsInAnyOutput)
{
    const auto csv = m_dir / "registraties.csv";
    const auto s = writeSyntheticIncidents(csv, 1000, 11);
    std::string log;
    ASSERT_EQ(scan(csv, m_dir / "uit", "--csv intl", &log), 0) << log;
    // Geometry types: only polygons (areas) or none (tables).
    for (const auto& e : fs::directory_iterator(m_dir / "uit")) {
        const auto ext = e.path().extension().string();
        if (ext != ".gpkg" && ext != ".shp" && ext != ".geojson") continue;
        std::string info;
        ASSERT_EQ(run("ogrinfo -ro -so -q " + quote(e.path()), &info), 0) << info;
        EXPECT_EQ(info.find("Point"), std::string::npos) << e.path() << ":\n" << info;
    }
    // No incident coordinate in the text outputs (CSV, summary.json, toelichting). GeoJSON holds
    // area outlines whose 7-decimal coordinates could match by chance: its types are checked above.
    std::vector<std::string> needles;
    for (std::size_t i = 0; i < 50 && i < s.goodLonLat.size(); ++i) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.7f", s.goodLonLat[i].first);
        needles.emplace_back(buf);
        std::snprintf(buf, sizeof buf, "%.7f", s.goodLonLat[i].second);
        needles.emplace_back(buf);
    }
    for (const auto& e : fs::directory_iterator(m_dir / "uit")) {
        const auto ext = e.path().extension().string();
        if (ext != ".csv" && ext != ".json" && ext != ".txt") continue;
        const auto text = readText(e.path());
        for (const auto& n : needles) EXPECT_EQ(text.find(n), std::string::npos) << n << " in " << e.path();
        // The source file's ids and "synthetisch" labels are not copied either.
        EXPECT_EQ(text.find("synthetisch"), std::string::npos) << e.path();
    }
}
