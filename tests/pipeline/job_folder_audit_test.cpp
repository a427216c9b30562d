// `gebiedscan audit` on the folders of trends, hotspots and blackspots, attacked as an intruder
// would (issue 13): the extern folders pass, and every leak put back into them is caught.
#include "pipeline_test_support.hpp"

#include "gebiedscan/gis/vector_reader.hpp"
#include "gebiedscan/pipeline/folder_audit.hpp"
#include "gebiedscan/pipeline/hotspot_job.hpp"
#include "gebiedscan/pipeline/hotspot_writer.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/trend_job.hpp"
#include "gebiedscan/pipeline/trend_writer.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

using namespace gebiedscan;
using pipeline::AuditFinding;

namespace {

namespace fs = std::filesystem;

// Random registrations in a 2 km square with a cluster, 12 months of 2023: on a 500 m grid most
// cells have a few per month, so small counts are everywhere.
fs::path registrations(const fs::path& dir)
{
    std::ostringstream csv;
    csv << "x,y,code,pleegdatum\n";
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> ux(154000.0, 156000.0), uy(462000.0, 464000.0);
    for (int m = 1; m <= 12; ++m) {
        for (int i = 0; i < 60; ++i) csv << ux(rng) << ',' << uy(rng) << ",1.3.1,2023-" << m << "-1" << m % 9 << '\n';
        for (int i = 0; i < 10; ++i) csv << "155050,463050,1.3.1,2023-" << m << "-0" << 1 + i % 9 << '\n';
        // A cell of its own with 6 a month and 2 in May: its total minus the other months would
        // give the 2 back, so a complement must be hidden.
        for (int i = 0; i < (m == 5 ? 2 : 6); ++i) csv << "157250,463250,1.3.1,2023-" << m << "-0" << 1 + i << '\n';
    }
    return jobtest::writeText(dir / "meldingen.csv", csv.str());
}

void sql(const fs::path& gpkg, const std::string& statement)
{
    const std::string command = "ogrinfo -q '" + gpkg.string() + "' -sql \"" + statement + "\" > /dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

std::size_t findings(const pipeline::FolderAudit& a, AuditFinding::Kind kind)
{
    std::size_t n = 0;
    for (const auto& f : a.findings) n += f.kind == kind;
    return n;
}

std::string messages(const pipeline::FolderAudit& a)
{
    std::string out;
    for (const auto& f : a.findings) out += f.message + "\n";
    return out;
}

// (code, periode) -> count ("" when NULL) of trends_per_periode, and code -> total of trends.
std::map<std::pair<std::string, std::string>, std::string> periodCounts(const fs::path& gpkg)
{
    gis::SourceSpec spec;
    spec.path = gpkg.string();
    spec.layer = "trends_per_periode";
    gis::VectorReader reader(spec);
    reader.selectFields({"code", "periode", "registraties"});
    std::map<std::pair<std::string, std::string>, std::string> out;
    gis::Feature f;
    while (reader.next(f)) out[{f.values[0].value_or(""), f.values[1].value_or("")}] = f.values[2].value_or("");
    return out;
}

class TrendFolders : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_tmp = new jobtest::TempFolder;
        pipeline::TrendOptions o;
        o.incidents.path = registrations(s_tmp->path()).string();
        o.incidents.assumeCrs = "EPSG:28992";
        o.gridSize = 500;
        pipeline::CollectingReporter reporter;
        const auto r = pipeline::runTrendJob(o, reporter);
        (void)pipeline::writeTrendOutputs(r, {s_tmp->path() / "extern"});
        (void)pipeline::writeTrendOutputs(r, {s_tmp->path() / "intern", true});
    }
    static void TearDownTestSuite()
    {
        delete s_tmp;
        s_tmp = nullptr;
    }
    // A copy of the extern folder to doctor.
    static fs::path copyOfExtern(const std::string& name)
    {
        const auto dir = s_tmp->path() / name;
        fs::copy(s_tmp->path() / "extern", dir, fs::copy_options::recursive);
        return dir;
    }
    static const ScanModel& model()
    {
        static const ScanModel m = pipeline::loadScanModel(pipeline::defaultModelPath());
        return m;
    }
    static inline jobtest::TempFolder* s_tmp = nullptr;
};

} // namespace

TEST_F(TrendFolders, ExternPassesAndHidesMoreThanTheSmallCounts)
{
    const auto audit = pipeline::auditScanFolder(s_tmp->path() / "extern", model());
    EXPECT_EQ(audit.audience, "extern");
    EXPECT_TRUE(audit.passed()) << messages(audit);
    // Random counts of a few per month: many are small, and some complements are needed.
    const auto extern_ = periodCounts(s_tmp->path() / "extern" / "trends.gpkg");
    const auto intern = periodCounts(s_tmp->path() / "intern" / "trends.gpkg");
    EXPECT_EQ(audit.cells, intern.size() / 12 * 13); // every cell: 12 months + its total
    EXPECT_EQ(intern.at({"500m_E1570N4630", "2023-05"}), "2");
    EXPECT_EQ(extern_.at({"500m_E1570N4630", "2023-05"}), "");
    std::size_t small = 0, complements = 0;
    for (const auto& [k, v] : intern) {
        const int n = std::stoi(v);
        ASSERT_TRUE(extern_.count(k));
        if (n >= 1 && n <= 4) {
            ++small;
            EXPECT_EQ(extern_.at(k), "") << k.first << " " << k.second;
        } else if (extern_.at(k).empty()) {
            ++complements;
        } else {
            EXPECT_EQ(extern_.at(k), v);
        }
    }
    EXPECT_GT(small, 20u);
    EXPECT_GT(complements, 0u);
    const std::string note = [&] {
        std::ifstream in(s_tmp->path() / "extern" / "toelichting.txt");
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    EXPECT_NE(note.find("Publiek:       extern"), std::string::npos) << note;
}

TEST_F(TrendFolders, InternIsNamedAndNotJudgedForSmallCounts)
{
    const auto audit = pipeline::auditScanFolder(s_tmp->path() / "intern", model());
    EXPECT_EQ(audit.audience, "intern");
    EXPECT_EQ(audit.hiddenCells, 0u);
    EXPECT_EQ(findings(audit, AuditFinding::Kind::SmallPublished), 0u);
}

TEST_F(TrendFolders, TotalMinusPublishedPeriodsIsCaught)
{
    // The old rule: only the small counts hidden, the complements published again.
    const auto dir = copyOfExtern("oude_regel");
    const auto intern = periodCounts(s_tmp->path() / "intern" / "trends.gpkg");
    const auto extern_ = periodCounts(dir / "trends.gpkg");
    std::size_t restored = 0;
    for (const auto& [k, v] : intern) {
        const int n = std::stoi(v);
        if (extern_.at(k).empty() && !(n >= 1 && n <= 4)) {
            sql(dir / "trends.gpkg", "UPDATE trends_per_periode SET registraties = " + v + " WHERE code = '" + k.first +
                                         "' AND periode = '" + k.second + "'");
            ++restored;
        }
    }
    ASSERT_GT(restored, 0u);
    const auto audit = pipeline::auditScanFolder(dir, model());
    EXPECT_FALSE(audit.passed());
    EXPECT_GT(audit.narrowed, 0u) << messages(audit);
    EXPECT_GT(audit.exact, 0u); // a location with one hidden period: total minus the rest
}

TEST_F(TrendFolders, GiNumbersAndTheTrendOfHiddenCountsAreCaught)
{
    const auto dir = copyOfExtern("getallen");
    sql(dir / "trends.gpkg", "UPDATE trends_per_periode SET gi_z = 1.5, gi_p = 0.13");
    sql(dir / "trends.gpkg", "UPDATE trends SET mk_tau_aantal = 0.2, mk_p_aantal = 0.4");
    const auto audit = pipeline::auditScanFolder(dir, model());
    EXPECT_EQ(findings(audit, AuditFinding::Kind::StatisticNumber), 2u) << messages(audit);
    EXPECT_EQ(findings(audit, AuditFinding::Kind::DerivedPublished), 2u) << messages(audit);
    EXPECT_FALSE(audit.passed());
}

TEST_F(TrendFolders, ASmallCountPutBackIsCaught)
{
    const auto dir = copyOfExtern("klein");
    sql(dir / "trends.gpkg", "UPDATE trends_per_periode SET registraties = 3 WHERE registraties IS NULL");
    const auto audit = pipeline::auditScanFolder(dir, model());
    EXPECT_GT(findings(audit, AuditFinding::Kind::SmallPublished), 0u) << messages(audit);
    EXPECT_FALSE(audit.passed());
}

TEST(HotspotFolders, ExternGridHidesSmallCountsWithTheirClassesAndPasses)
{
    jobtest::TempFolder tmp;
    pipeline::CollectingReporter reporter;
    pipeline::HotspotOptions o;
    o.areas.path = registrations(tmp.path()).string();
    o.areas.assumeCrs = "EPSG:28992";
    o.grid = "100";
    o.permutations = 0;
    const auto r = pipeline::runHotspotJob(o, reporter);
    (void)pipeline::writeHotspotOutputs(r, {tmp.path() / "extern"});
    (void)pipeline::writeHotspotOutputs(r, {tmp.path() / "intern", true});
    const auto model = pipeline::loadScanModel(pipeline::defaultModelPath());

    const auto audit = pipeline::auditScanFolder(tmp.path() / "extern", model);
    EXPECT_EQ(audit.audience, "extern");
    EXPECT_TRUE(audit.passed()) << messages(audit);
    EXPECT_GT(audit.hiddenCells, 10u);

    // No Gi*/LISA numbers left, the small counts and their classes hidden.
    gis::SourceSpec spec;
    spec.path = (tmp.path() / "extern" / "hotspots.gpkg").string();
    spec.layer = "hotspots";
    gis::VectorReader reader(spec);
    for (const auto& f : reader.fieldNames())
        EXPECT_TRUE(f != "gi_z" && f != "gi_p" && f != "lisa_i" && f != "lisa_p" && f != "lisa_z") << f;
    reader.selectFields({"aantal", "gi_label"});
    gis::Feature f;
    std::size_t hidden = 0, rows = 0;
    while (reader.next(f)) {
        ++rows;
        if (!f.values[0]) {
            ++hidden;
            EXPECT_FALSE(f.values[1].has_value());
        } else {
            const int n = std::stoi(*f.values[0]);
            EXPECT_TRUE(n == 0 || n >= 5) << n;
        }
    }
    EXPECT_EQ(hidden, audit.hiddenCells);
    EXPECT_EQ(rows, audit.cells);

    // The intern folder as it is (every count, z, Moran) is named intern; handed out as extern
    // it fails on every count.
    const auto intern = pipeline::auditScanFolder(tmp.path() / "intern", model);
    EXPECT_EQ(intern.audience, "intern");
    EXPECT_TRUE(intern.passed()) << messages(intern);
    const auto dir = tmp.path() / "als_extern";
    fs::copy(tmp.path() / "extern", dir, fs::copy_options::recursive);
    sql(dir / "hotspots.gpkg", "UPDATE hotspots SET aantal = 2, gi_label = 'Hotspot' WHERE aantal IS NULL");
    const auto doctored = pipeline::auditScanFolder(dir, model);
    EXPECT_EQ(findings(doctored, AuditFinding::Kind::SmallPublished), audit.hiddenCells);
    EXPECT_FALSE(doctored.passed());
}

TEST(InternalOnlyFolders, BlackSpotsFolderFailsOutright)
{
    jobtest::TempFolder tmp;
    jobtest::writeText(tmp.path() / "blackspots.gpkg", "");
    const auto audit = pipeline::auditScanFolder(tmp.path(), pipeline::loadScanModel(pipeline::defaultModelPath()));
    EXPECT_FALSE(audit.passed());
    ASSERT_EQ(audit.findings.size(), 1u);
    EXPECT_EQ(audit.findings[0].kind, AuditFinding::Kind::InternalOnly);
    EXPECT_NE(audit.findings[0].message.find("alleen voor binnen de politie"), std::string::npos);
}
