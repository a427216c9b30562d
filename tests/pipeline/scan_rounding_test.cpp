// `scan --protection afronden` on the 452 CBS buurten of seven Drenthe gemeenten with seeded
// synthetic registrations: every count a multiple of 5 next to the true one, every sum of the
// table still adding up, nothing derived from the true counts in the folder, and the audit
// passing the folder while it catches the same scan rounded independently.
#include "gebiedscan/pipeline/folder_audit.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"
#include "gebiedscan/pipeline/scan_protection.hpp"
#include "gebiedscan/pipeline/scan_writer.hpp"

#include "gebiedscan/core/local_hotspots.hpp"
#include "gebiedscan_build_paths.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

using namespace gebiedscan;
using namespace gebiedscan::pipeline;
namespace fs = std::filesystem;

namespace {

const fs::path kBuurten = GEBIEDSCAN_SOURCE_DIR "/data/open/drenthe-buurten-2024.geojson";

void writeIncidents(const fs::path& file, int n)
{
    std::ofstream os(file);
    os << "x,y,code,datum\n";
    std::mt19937 rng(4242);
    std::uniform_real_distribution<double> x(204503, 269919), y(514322, 564562);
    const std::vector<std::pair<const char*, double>> codes = {
        {"2.2.1", 20}, {"1.2.3", 15}, {"1.4.5", 10}, {"1.1.1", 8}, {"2.5.2", 8}, {"3.1.1", 3},
        {"1.4.1", 2},  {"1.3.1", 6},  {"9.9.9", 1},  {"1.2.1", 5}, {"3.5.2", 4}, {"1.4.3", 3}};
    std::vector<double> weights;
    for (const auto& c : codes) weights.push_back(c.second);
    std::discrete_distribution<std::size_t> code(weights.begin(), weights.end());
    std::uniform_int_distribution<int> year(2023, 2024), month(1, 12), day(1, 28), hour(0, 23);
    for (int i = 0; i < n; ++i) {
        char date[32];
        std::snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:15", year(rng), month(rng), day(rng), hour(rng));
        os << std::fixed << x(rng) << ',' << y(rng) << ',' << codes[code(rng)].first << ',' << date << '\n';
    }
}

class ScanRounding : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (!fs::exists(kBuurten)) return;
        dir = fs::temp_directory_path() / ("gebiedscan_scan_rounding_" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        writeIncidents(dir / "incidents.csv", 12000);
        options.incidents.path = (dir / "incidents.csv").string();
        options.incidents.xField = "x";
        options.incidents.yField = "y";
        options.incidents.assumeCrs = "EPSG:28992";
        options.categoryField = "code";
        options.dateField = "datum";
        options.areas.path = kBuurten.string();
        options.areaFields.parentCodes = {"wijkcode", "gemeentecode"};
        options.year = 2024;
        options.referenceYears = 1; // two periods: the audit's LPs grow with the cells
        options.permutations = 0;
        options.protection = "afronden";
        options.outDir = dir / "scan";
        CollectingReporter reporter;
        result = runScan(options, reporter);
        writeScanOutputs(*result, options);
    }
    static void TearDownTestSuite()
    {
        result.reset();
        if (!dir.empty()) fs::remove_all(dir);
    }
    void SetUp() override
    {
        if (!result) GTEST_SKIP() << kBuurten << " is not there";
    }

    static inline fs::path dir;
    static inline ScanOptions options;
    static inline std::unique_ptr<const ScanResult> result;
};

} // namespace

TEST_F(ScanRounding, EveryCountAnAdjacentFiveAndEverySumAddsUp)
{
    const auto& p = *result->suppression;
    ASSERT_TRUE(p.rounded());
    const auto& rounding = *p.rounding();
    std::printf("rounding: %zu parts, %zu controlled, %zu independent, %zu cells changed, %.1f s\n", rounding.parts,
                rounding.controlledParts, rounding.independentParts, rounding.changedCells, rounding.seconds);
    EXPECT_TRUE(rounding.controlled());
    EXPECT_EQ(p.suppressedCells(), 0u);
    const auto& t = p.table();
    std::size_t changed = 0;
    for (std::size_t c = 0; c < t.cells().size(); ++c) {
        const std::int64_t v = t.cell(c).value, r = rounding.rounded[c];
        ASSERT_EQ(r % 5, 0);
        ASSERT_TRUE(r == v || (r > v - 5 && r < v + 5 && v % 5 != 0)) << t.label(c) << ": " << v << " -> " << r;
        if (v == 0) {
            ASSERT_EQ(r, 0);
        }
        changed += r != v ? 1 : 0;
    }
    EXPECT_GT(changed, 1000u);
    for (const auto& rel : t.relations()) {
        std::int64_t sum = 0;
        for (const auto& term : rel.terms) sum += term.coefficient * rounding.rounded[term.cell];
        ASSERT_EQ(sum, 0);
    }
    // The writer's view: a buurt's published count is the rounded one.
    const auto& f = *result->figures;
    EXPECT_EQ(
        p.themeValue(0, 0, f.totalSlot(), f.currentPeriod(), f.themeCount(0, 0, f.totalSlot(), f.currentPeriod())),
        rounding.rounded[p.themeCell(0, 0, f.totalSlot(), f.currentPeriod())]);
    EXPECT_FALSE(p.theme(0, 0, f.totalSlot(), f.currentPeriod()));
    EXPECT_TRUE(p.derivedHidden(0, 0, f.totalSlot()));
}

TEST_F(ScanRounding, TheFolderPassesTheAuditAndSaysItIsRounded)
{
    const auto model = loadScanModel(defaultModelPath());
    const auto audit = auditScanFolder(options.outDir, model);
    std::printf("rounded folder: %zu cells, %zu relations, %zu LPs; %zu narrowed, %zu findings\n", audit.cells,
                audit.relations, audit.linearPrograms, audit.narrowed, audit.findings.size());
    EXPECT_TRUE(audit.rounded);
    EXPECT_EQ(audit.hiddenCells, 0u);
    EXPECT_GT(audit.cells, 30000u);
    EXPECT_TRUE(audit.passed()) << (audit.findings.empty() ? std::string() : audit.findings.front().message);

    std::ifstream in(options.outDir / "summary.json");
    const auto s = nlohmann::json::parse(in);
    EXPECT_EQ(s["suppression"]["method"], "afronden");
    EXPECT_EQ(s["suppression"]["rounding_base"], 5);
    EXPECT_EQ(s["suppression"]["rounding_controlled"], true);
    EXPECT_EQ(s["suppression"]["suppressed_cells"], 0);
    std::ifstream note(options.outDir / "toelichting.txt");
    const std::string text((std::istreambuf_iterator<char>(note)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("afgerond op een vijftal"), std::string::npos);
    EXPECT_NE(text.find("gecontroleerd afgerond"), std::string::npos);
}

TEST_F(ScanRounding, GiStarIsComputedOnTheRoundedCounts)
{
    // Classes on the published table (issue 13): the buurten's Gi* of the total is that of the
    // rounded counts, not of the true ones, so a class tells no more than the counts beside it.
    ASSERT_TRUE(result->hotspotsOnProtectedTable);
    const auto& h = result->hotspots[0];
    ASSERT_FALSE(h.results.empty());
    const auto& f = *result->figures;
    const auto& p = *result->suppression;
    const std::size_t n = result->areas.levels[0].size(), cur = f.currentPeriod();
    std::vector<double> rounded(n), truth(n);
    for (std::size_t a = 0; a < n; ++a) {
        truth[a] = static_cast<double>(f.themeCount(0, a, f.totalSlot(), cur));
        rounded[a] =
            static_cast<double>(p.themeValue(0, a, f.totalSlot(), cur, f.themeCount(0, a, f.totalSlot(), cur)));
    }
    const auto onRounded = computeLocalHotspots(rounded, h.weights, result->hotspotOptions);
    const auto onTruth = computeLocalHotspots(truth, h.weights, result->hotspotOptions);
    double fromRounded = 0.0, fromTruth = 0.0;
    for (std::size_t a = 0; a < n; ++a) {
        fromRounded = std::max(fromRounded, std::abs(h.results[0].gi.z[a] - onRounded.gi.z[a]));
        fromTruth = std::max(fromTruth, std::abs(h.results[0].gi.z[a] - onTruth.gi.z[a]));
    }
    EXPECT_LT(fromRounded, 1e-12);
    EXPECT_GT(fromTruth, 0.01);
}

TEST_F(ScanRounding, IndependentRoundingOfTheSameScanIsCaught)
{
    // The same table rounded to nearest, as a fallback would: the folder says so, and the totals
    // narrow counts below five values (a 0 of a buurt beside its wijk's 5, ...).
    auto& p = *result->suppression;
    p.round({.independentOnly = true});
    auto o = options;
    o.outDir = dir / "independent";
    writeScanOutputs(*result, o);
    const auto model = loadScanModel(defaultModelPath());
    const auto audit = auditScanFolder(o.outDir, model);
    std::printf("independently rounded folder: %zu narrowed (%zu exact) of %zu cells\n", audit.narrowed, audit.exact,
                audit.cells);
    EXPECT_TRUE(audit.rounded);
    EXPECT_FALSE(audit.passed());
    EXPECT_GT(audit.narrowed, 100u);
    bool narrowedMessage = false;
    for (const auto& finding : audit.findings)
        narrowedMessage =
            narrowedMessage || (finding.kind == AuditFinding::Kind::Narrowed &&
                                finding.message.find("uit de optellingen te herleiden") != std::string::npos);
    EXPECT_TRUE(narrowedMessage);
    p.round(); // back to the controlled rounding for any test after this one
    EXPECT_TRUE(p.rounding()->controlled());
}
