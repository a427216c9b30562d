// Hour-of-week values in extern scan output (issues 13 and 14): per hour nearly every count is
// 1..T-1, and per hour the sums (themes = total, children = parent) would bound hidden counts
// tighter than the counts' own sums. So an extern scan writes the hours of its top level only,
// theme total, as whole numbers adding up to the published total, with small hours hidden as any
// count (hot_times_protection.hpp). `gebiedscan audit` judges those rows with the table and
// fails an extern folder that carries any other hourly values.
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

std::vector<std::vector<std::optional<std::string>>> hourRows(const fs::path& gpkg)
{
    gis::SourceSpec spec;
    spec.path = gpkg.string();
    spec.layer = "hot_times";
    gis::VectorReader reader(spec);
    reader.ignoreGeometry(true);
    std::vector<std::string> fields{"level", "area_code", "theme", "day"};
    for (int h = 0; h < 24; ++h) fields.push_back(fmt::format("h{:02}", h));
    reader.selectFields(fields);
    std::vector<std::vector<std::optional<std::string>>> rows;
    for (gis::Feature f; reader.next(f);) rows.push_back(f.values);
    return rows;
}

TEST_F(ScanHotTimesProtection, ExternScanWritesOnlyTheTopLevelsProtectedHours)
{
    const auto externDir = scan(false, "extern");
    const auto internDir = scan(true, "intern");
    // Internal: 7 rows per area and slot with registrations; extern: the one gemeente's week.
    EXPECT_GT(rowsOf(internDir / "gebiedscan.gpkg", "hot_times"), 7u * 16);
    const auto rows = hourRows(externDir / "gebiedscan.gpkg");
    ASSERT_EQ(rows.size(), 7u);
    std::int64_t published = 0;
    std::size_t hidden = 0;
    for (const auto& r : rows) {
        EXPECT_EQ(r[0], "gemeente");
        EXPECT_EQ(r[2], "total");
        for (std::size_t c = 4; c < r.size(); ++c) {
            if (!r[c]) {
                ++hidden;
                continue;
            }
            const auto v = std::stoll(*r[c]);
            EXPECT_EQ(*r[c], std::to_string(v)) << "a whole number";
            EXPECT_TRUE(v == 0 || v >= 5) << v;
            published += v;
        }
    }
    // 119 registrations: mostly 1..4 per hour (k % 24 over many weekdays), so most are hidden.
    EXPECT_GT(hidden, 2u);
    EXPECT_LT(published, 119);
    std::ifstream js(externDir / "summary.json");
    const auto summary = nlohmann::json::parse(js);
    const auto& hot = summary["suppression"]["hot_times"];
    ASSERT_TRUE(hot.is_object()) << hot;
    EXPECT_EQ(hot["levels"], nlohmann::json::array({"gemeente"}));
    EXPECT_EQ(hot["hidden"], hidden);
    std::ifstream note(externDir / "toelichting.txt");
    const std::string text((std::istreambuf_iterator<char>(note)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("Uren van de week: alleen per gemeente"), std::string::npos) << text;

    const auto model = pipeline::loadScanModel(pipeline::defaultModelPath());
    const auto a = pipeline::auditScanFolder(externDir, model);
    EXPECT_TRUE(a.passed()) << (a.findings.empty() ? std::string() : a.findings.front().message);
    EXPECT_GE(a.hiddenCells, hidden);

    // The hidden hours set to 0: the week no longer adds up to the gemeente's total.
    fs::copy(externDir, m_dir / "zeroed", fs::copy_options::recursive);
    std::string set;
    for (int h = 0; h < 24; ++h) set += fmt::format("{}h{:02} = coalesce(h{:02}, 0)", h ? ", " : "", h, h);
    const auto command = "ogrinfo -q '" + (m_dir / "zeroed" / "gebiedscan.gpkg").string() +
                         "' -sql \"UPDATE hot_times SET " + set + "\" > /dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    EXPECT_FALSE(pipeline::auditScanFolder(m_dir / "zeroed", model).passed());

    // One hidden hour shown as 4 (T-1), and one published 0 shown as a fraction: each is its own finding.
    const auto tampered = [&](const std::string& name, const std::string& sql, const std::string& expected) {
        fs::copy(externDir, m_dir / name, fs::copy_options::recursive);
        const auto run = "ogrinfo -q '" + (m_dir / name / "gebiedscan.gpkg").string() + "' -sql \"" + sql +
                         "\" > /dev/null 2>&1";
        ASSERT_EQ(std::system(run.c_str()), 0) << run;
        const auto t = pipeline::auditScanFolder(m_dir / name, model);
        EXPECT_FALSE(t.passed()) << name;
        bool found = false;
        for (const auto& f : t.findings) found = found || f.message.find(expected) != std::string::npos;
        EXPECT_TRUE(found) << name << ": no finding with '" << expected << "'";
    };
    std::string firstHidden;
    for (std::size_t d = 0; d < rows.size() && firstHidden.empty(); ++d)
        for (std::size_t c = 4; c < rows[d].size() && firstHidden.empty(); ++c)
            if (!rows[d][c]) firstHidden = fmt::format("h{:02} = 4 WHERE day = '{}'", c - 4, *rows[d][3]);
    ASSERT_FALSE(firstHidden.empty());
    tampered("small", "UPDATE hot_times SET " + firstHidden, "klein aantal 4 gepubliceerd");
    std::string firstZero;
    for (std::size_t d = 0; d < rows.size() && firstZero.empty(); ++d)
        for (std::size_t c = 4; c < rows[d].size() && firstZero.empty(); ++c)
            if (rows[d][c] == "0") firstZero = fmt::format("h{:02} = 0.5 WHERE day = '{}'", c - 4, *rows[d][3]);
    ASSERT_FALSE(firstZero.empty());
    tampered("fraction", "UPDATE hot_times SET " + firstZero, "geen heel aantal");

    // The internal folder handed on as if extern, naming the gemeente as released: the other
    // levels' and themes' hourly values are a finding, and so are the gemeente's fractions.
    fs::copy(internDir, m_dir / "relabelled", fs::copy_options::recursive);
    std::ifstream in(internDir / "summary.json");
    auto relabelled = nlohmann::json::parse(in);
    relabelled["audience"] = "extern";
    relabelled["suppression"]["hot_times"] = hot;
    std::ofstream(m_dir / "relabelled" / "summary.json") << relabelled.dump(2);
    const auto b = pipeline::auditScanFolder(m_dir / "relabelled", model);
    bool hourly = false;
    for (const auto& f : b.findings)
        hourly = hourly || (f.kind == pipeline::AuditFinding::Kind::DerivedPublished &&
                            f.message.find("uurwaarden in een externe map") != std::string::npos);
    EXPECT_TRUE(hourly);
    EXPECT_FALSE(b.passed());
}

// A gemeente whose own total is hidden (3 registrations) gets no week at all: 168 published hours
// would add up to it.
TEST_F(ScanHotTimesProtection, NoWeekForAGemeenteWhoseTotalIsHidden)
{
    std::string csv = "x;y;code;datum\n";
    for (int k = 0; k < 3; ++k) csv += fmt::format("150500;450500;1.3.1;2023-03-0{} 1{}:30\n", k + 1, k);
    writeText(m_dir / "three.csv", csv);
    m_options.incidents.path = (m_dir / "three.csv").string();
    const auto dir = scan(false, "three");
    EXPECT_EQ(hourRows(dir / "gebiedscan.gpkg").size(), 0u);
    std::ifstream js(dir / "summary.json");
    const auto hot = nlohmann::json::parse(js)["suppression"]["hot_times"];
    ASSERT_TRUE(hot.is_object()) << hot;
    EXPECT_EQ(hot["areas"], 0);
    EXPECT_EQ(hot["hidden"], 0);
}

// Four registrations at one hour (T-1 of the total's threshold 5) and sixteen at another: the four
// is hidden, with a partner (here a 0: then the hidden hours add up to 4, each 0..4), and the folder
// passes the audit.
TEST_F(ScanHotTimesProtection, AnHourOfThresholdMinusOneIsHidden)
{
    std::string csv = "x;y;code;datum\n";
    for (int k = 0; k < 20; ++k)
        csv += fmt::format("150500;450500;1.3.1;2023-01-02 {}:30\n", k < 4 ? "08" : "20"); // a Monday
    writeText(m_dir / "twenty.csv", csv);
    m_options.incidents.path = (m_dir / "twenty.csv").string();
    const auto dir = scan(false, "twenty");
    const auto rows = hourRows(dir / "gebiedscan.gpkg");
    ASSERT_EQ(rows.size(), 7u);
    std::size_t hidden = 0;
    for (const auto& r : rows) {
        for (std::size_t c = 4; c < r.size(); ++c) hidden += !r[c];
        if (r[3] == "ma") {
            EXPECT_FALSE(r[4 + 8].has_value()) << "the hour of 4 registrations";
        }
    }
    EXPECT_GE(hidden, 2u) << "a partner (alone, 20 - 16 would give the 4 away)";
    const auto model = pipeline::loadScanModel(pipeline::defaultModelPath());
    EXPECT_TRUE(pipeline::auditScanFolder(dir, model).passed());
}

} // namespace
} // namespace gebiedscan
