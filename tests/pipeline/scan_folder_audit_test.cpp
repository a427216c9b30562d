// The audit on a real scan folder: the 452 CBS buurten of seven Drenthe gemeenten with seeded
// synthetic registrations, scanned and written by today's pipeline (the code `gebiedscan scan`
// runs). Today's output must FAIL on every attack of issue 13; the LP suppression on the same
// figures must pass, in seconds.
#include "gebiedscan_build_paths.hpp"
#include "gebiedscan/pipeline/folder_audit.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"
#include "gebiedscan/pipeline/scan_protection.hpp"
#include "gebiedscan/pipeline/scan_writer.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

using namespace gebiedscan;
using namespace gebiedscan::pipeline;
namespace fs = std::filesystem;

namespace {

const fs::path kBuurten = GEBIEDSCAN_SOURCE_DIR "/data/open/drenthe-buurten-2024.geojson";

// Uniform points over the buurten's extent (about 60 % fall in a buurt), police codes with
// shares from common to rare, dates over 2021-2024.
void writeIncidents(const fs::path& file, int n)
{
    std::ofstream os(file);
    os << "x,y,code,datum\n";
    std::mt19937 rng(20240101);
    std::uniform_real_distribution<double> x(204503, 269919), y(514322, 564562);
    const std::vector<std::pair<const char*, double>> codes = {
        {"2.2.1", 20}, {"1.2.3", 15}, {"1.4.5", 10}, {"1.1.1", 8}, {"2.5.2", 8}, {"3.1.1", 3},
        {"1.4.1", 2},  {"1.3.1", 6},  {"9.9.9", 1},  {"1.2.1", 5}, {"3.5.2", 4}, {"1.4.3", 3}};
    std::vector<double> weights;
    for (const auto& c : codes) weights.push_back(c.second);
    std::discrete_distribution<std::size_t> code(weights.begin(), weights.end());
    std::uniform_int_distribution<int> year(2021, 2024), month(1, 12), day(1, 28);
    for (int i = 0; i < n; ++i) {
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year(rng), month(rng), day(rng));
        os << std::fixed << x(rng) << ',' << y(rng) << ',' << codes[code(rng)].first << ',' << date << '\n';
    }
}

class ScanFolderAudit : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (!fs::exists(kBuurten)) return;
        // One folder per process: ctest runs the tests of this suite in parallel processes.
        dir = fs::temp_directory_path() / ("gebiedscan_folder_audit_" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        writeIncidents(dir / "incidents.csv", 30000);
        options.incidents.path = (dir / "incidents.csv").string();
        options.incidents.xField = "x";
        options.incidents.yField = "y";
        options.incidents.assumeCrs = "EPSG:28992";
        options.categoryField = "code";
        options.dateField = "datum";
        options.areas.path = kBuurten.string();
        options.areaFields.parentCodes = {"wijkcode", "gemeentecode"};
        options.year = 2024;
        options.permutations = 0;
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

std::size_t countKind(const FolderAudit& a, AuditFinding::Kind kind)
{
    std::size_t n = 0;
    for (const auto& f : a.findings) n += f.kind == kind ? 1 : 0;
    return n;
}

bool hasFinding(const FolderAudit& a, AuditFinding::Kind kind, const std::string& text)
{
    for (const auto& f : a.findings)
        if (f.kind == kind && f.message.find(text) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_F(ScanFolderAudit, ScanExternFolderPassesTheAudit)
{
    // The scan's own extern folder (secondary suppression over every sum, Gi*/LISA as classes
    // only): the intruder recovers nothing and narrows nothing. The attacks themselves are caught
    // on hand-made folders (folder_audit_test.cpp).
    const auto model = loadScanModel(defaultModelPath());
    const auto audit = auditScanFolder(options.outDir, model);
    std::printf("scan folder: %zu cells, %zu hidden, %zu relations, %zu LPs; %zu narrowed (%zu exact), %zu "
                "findings\n",
                audit.cells, audit.hiddenCells, audit.relations, audit.linearPrograms, audit.narrowed, audit.exact,
                audit.findings.size());
    EXPECT_EQ(audit.audience, "extern");
    EXPECT_TRUE(audit.passed()) << (audit.findings.empty() ? std::string() : audit.findings.front().message);
    EXPECT_EQ(audit.exact, 0u);
    EXPECT_EQ(audit.narrowed, 0u);
    EXPECT_GT(audit.hiddenCells, 0u);
    EXPECT_EQ(countKind(audit, AuditFinding::Kind::Inconsistent), 0u); // the relations match the data
    EXPECT_EQ(countKind(audit, AuditFinding::Kind::DerivedPublished), 0u);
    EXPECT_EQ(countKind(audit, AuditFinding::Kind::StatisticNumber), 0u);
    EXPECT_EQ(countKind(audit, AuditFinding::Kind::SmallPublished), 0u); // the primaries themselves are hidden
}

TEST_F(ScanFolderAudit, BuurtWithOnlyZedenIsNotRecoveredFromItsTotal)
{
    // A buurt whose current total equals its zeden count (1..9, all else 0) would give zeden away
    // through its total; the protection hides what is needed.
    const auto& f = *result->figures;
    const auto zeden = *result->model.themeIndex("zeden");
    const auto cur = f.currentPeriod();
    std::string code;
    for (std::size_t a = 0; a < result->areas.levels[0].size() && code.empty(); ++a) {
        const auto z = f.themeCount(0, a, zeden, cur);
        if (z >= 1 && z <= 9 && f.themeCount(0, a, f.totalSlot(), cur) == z) code = result->areas.levels[0].codes[a];
    }
    if (code.empty()) GTEST_SKIP() << "no buurt with only zeden in this sample";
    const auto audit = auditScanFolder(options.outDir, loadScanModel(defaultModelPath()));
    EXPECT_FALSE(hasFinding(audit, AuditFinding::Kind::Narrowed, "buurt " + code + ", 1.6 Zeden, 2024: geheim, maar"));
    EXPECT_TRUE(audit.passed());
}

TEST_F(ScanFolderAudit, LpSuppressionOfTheSameFiguresPassesInSeconds)
{
    ScanProtection p(*result->figures);
    const SuppressionMask today(*result->figures);
    const auto report = p.protect();
    std::printf("LP suppression, %zu buurten: %zu cells, %zu primaries + %zu secondaries = %llu hidden (today's "
                "mask: %llu, and it leaks); %zu parts, %zu LPs, %zu rounds, %.1f s, CPU %.1f s (audits %.1f s)\n",
                result->areas.levels[0].size(), p.table().cells().size(), report.primaries, report.secondaries,
                static_cast<unsigned long long>(p.suppressedCells()),
                static_cast<unsigned long long>(today.suppressedCells()), report.components, report.linearPrograms,
                report.rounds, report.seconds, report.cpuSeconds, report.auditSeconds);
    EXPECT_TRUE(report.auditPassed);
    EXPECT_EQ(report.unprotectable, 0u);
    EXPECT_LT(report.cpuSeconds, 60.0); // about 15 s on one core of the build machine
    // Independent check of the result by the audit alone.
    EXPECT_TRUE(auditTable(p.table(), {AuditRule::ProtectionLevels, true}).passed());
    EXPECT_TRUE(auditTable(p.table(), {AuditRule::FolderReader, true}).passed());
}
