// Extern facilities output against an intruder (issue 13): the concentration shares times the
// published totals gave the hidden totals back; a published total below a hidden theme's T-1
// narrowed it; `gebiedscan audit` reads facilities folders and catches both on a tampered copy.
#include "pipeline_test_support.hpp"

#include "gebiedscan/core/facility_counts.hpp"
#include "gebiedscan/gis/vector_reader.hpp"
#include "gebiedscan/pipeline/facility_job.hpp"
#include "gebiedscan/pipeline/facility_writer.hpp"
#include "gebiedscan/pipeline/folder_audit.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan_build_paths.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include <sys/wait.h>

namespace gebiedscan {
namespace {

namespace fs = std::filesystem;
using pipeline::AuditFinding;

std::size_t countKind(const pipeline::FolderAudit& a, AuditFinding::Kind kind)
{
    std::size_t n = 0;
    for (const auto& f : a.findings) n += f.kind == kind;
    return n;
}

pipeline::FolderAudit audit(const fs::path& dir)
{
    static const ScanModel model = pipeline::loadScanModel(pipeline::defaultModelPath());
    return pipeline::auditScanFolder(dir, model);
}

// Four schools 1 km apart: totals 40, 3, 14 and 0 within 100 m (the fixture of facility_job_test),
// a fifth with 7 registrations of which 3 zeden (T = 10).
pipeline::FacilityJobOptions schools(const fs::path& dir, bool withZeden)
{
    std::string facilities = "id;naam;x;y\n", csv = "x;y;code;datum\n";
    const int burglaries[] = {30, 3, 12, 0, 4}, robberies[] = {10, 0, 2, 0, 0}, zeden[] = {0, 0, 0, 0, 3};
    const int n = withZeden ? 5 : 4;
    for (int f = 0; f < n; ++f) {
        const double x = 150000 + 1000.0 * f, y = 450000;
        facilities += fmt::format("{};school {};{};{}\n", f + 1, f + 1, x, y);
        for (int k = 0; k < burglaries[f]; ++k) csv += fmt::format("{};{};1.3.1;2023-03-{:02}\n", x + k, y, 1 + k % 28);
        for (int k = 0; k < robberies[f]; ++k) csv += fmt::format("{};{};1.4.4;2023-04-{:02}\n", x, y + k, 1 + k % 28);
        for (int k = 0; k < zeden[f]; ++k) csv += fmt::format("{};{};1.4.1;2023-05-{:02}\n", x - k, y, 1 + k % 28);
    }
    jobtest::writeText(dir / "scholen.csv", facilities);
    jobtest::writeText(dir / "reg.csv", csv);
    pipeline::FacilityJobOptions o;
    o.incidents.path = (dir / "reg.csv").string();
    o.incidents.assumeCrs = "EPSG:28992";
    o.facilities.path = (dir / "scholen.csv").string();
    o.facilities.assumeCrs = "EPSG:28992";
    o.radius = 100;
    return o;
}

TEST(FacilityProtection, SharesComeFromTheProtectedTotals)
{
    jobtest::TempFolder tmp;
    auto o = schools(tmp.path(), false);
    o.out = tmp.path() / "extern";
    pipeline::CollectingReporter reporter;
    const auto r = pipeline::runFacilityJob(o, reporter);
    ASSERT_EQ(r.total, (std::vector<std::uint64_t>{40, 3, 14, 0}));
    ASSERT_EQ(r.totalHidden, (std::vector<bool>{false, true, true, false}));
    // Hidden totals count as T/2 = 2.5: 40, 2.5, 2.5, 0. The top 5 % (one school) has 40 / 45.
    EXPECT_TRUE(r.curveProtected);
    EXPECT_NEAR(r.curve.at(0).registrationShare, 40.0 / 45.0, 1e-12);
    EXPECT_NEAR(r.curve.at(9).registrationShare, 42.5 / 45.0, 1e-12); // 50 %: two schools
    const auto a = audit(o.out);
    EXPECT_TRUE(a.passed()) << (a.findings.empty() ? "" : a.findings[0].message);
    EXPECT_EQ(a.audience, "extern");
    EXPECT_EQ(a.hiddenCells, 2u * (1 + 21)); // two schools: the total and the 20 themes + overig

    // The attack on the shares of the true totals (as before): 70 % = 40 / S to a whole per
    // cent leaves S = 57 alone, so the two hidden totals add up to 17; the 50 % step (95 %)
    // then gives the larger as 14 and the other as 3.
    const std::vector<double> steps{0.05, 0.5};
    const auto trueCurve = concentrationCurve(r.total, steps);
    const long top = std::lround(trueCurve[0].registrationShare * 100),
               half = std::lround(trueCurve[1].registrationShare * 100);
    std::vector<int> sums;
    for (int s = 40; s <= 200; ++s)
        if (std::lround(4000.0 / s) == top) sums.push_back(s);
    ASSERT_EQ(sums, (std::vector<int>{57}));
    std::vector<int> larger;
    for (int h = 1; h <= 17; ++h)
        if (std::lround((40.0 + h) * 100 / 57) == half && 17 - h <= h) larger.push_back(h);
    EXPECT_EQ(larger, (std::vector<int>{14}));

    // Such a folder (shares of the true totals) fails the audit.
    auto leaky = r;
    std::vector<double> shares;
    for (int k = 5; k <= 100; k += 5) shares.push_back(k / 100.0);
    leaky.curve = concentrationCurve(r.total, shares);
    o.out = tmp.path() / "leaky";
    (void)pipeline::writeFacilityOutputs(leaky, o);
    const auto b = audit(o.out);
    EXPECT_FALSE(b.passed());
    EXPECT_EQ(countKind(b, AuditFinding::Kind::DerivedPublished), 1u);
}

TEST(FacilityProtection, ATotalBelowAHiddenThemesThresholdIsHiddenToo)
{
    jobtest::TempFolder tmp;
    auto o = schools(tmp.path(), true);
    o.out = tmp.path() / "extern";
    pipeline::CollectingReporter reporter;
    const auto r = pipeline::runFacilityJob(o, reporter);
    ASSERT_EQ(r.total, (std::vector<std::uint64_t>{40, 3, 14, 0, 7}));
    // 7 = 4 woninginbraak + 3 zeden: the zeden (T = 10) lie in [0, 7] beside a published 7, so
    // the 7 goes too; with two small totals hidden no partner is needed any more. School 3 keeps
    // its total 14 but not its themes (2 robberies).
    EXPECT_EQ(r.totalHidden, (std::vector<bool>{false, true, false, false, true}));
    EXPECT_EQ(r.themesHidden, (std::vector<bool>{false, true, true, false, true}));
    EXPECT_TRUE(audit(o.out).passed());
    // Ranks among the published totals only (40, 14, 0): the hidden 7 leaves no gap between 14 and 0.
    const auto layer = [&] {
        gis::SourceSpec spec;
        spec.path = (o.out / "facilities.gpkg").string();
        spec.layer = "facilities";
        gis::VectorReader reader(spec);
        reader.ignoreGeometry(true);
        const auto fields = reader.fieldNames();
        reader.selectFields(fields);
        const auto column = std::find(fields.begin(), fields.end(), "rank") - fields.begin();
        std::vector<std::string> ranks;
        for (gis::Feature f; reader.next(f);) ranks.push_back(f.values[column].value_or("geheim"));
        return ranks;
    }();
    EXPECT_EQ(layer, (std::vector<std::string>{"1", "geheim", "2", "3", "geheim"}));

    // The attack on ranks counted over all totals (the writer's old rule): school 4's total 0 at
    // rank 5 tells that both hidden totals are larger, school 3's 14 at rank 3 that one hidden
    // total is above 14. The audit recomputes every rank from the published totals.
    {
        const auto tampered = tmp.path() / "ranks";
        fs::copy(o.out, tampered, fs::copy_options::recursive);
        const std::string command = "ogrinfo -q '" + (tampered / "facilities.gpkg").string() +
                                    "' -sql \"UPDATE facilities SET rank = 5 WHERE n_total = 0\" > /dev/null 2>&1";
        ASSERT_EQ(std::system(command.c_str()), 0) << command;
        const auto b = audit(tampered);
        EXPECT_FALSE(b.passed());
        ASSERT_EQ(countKind(b, AuditFinding::Kind::DerivedPublished), 1u);
        bool named = false;
        for (const auto& f : b.findings)
            named = named || f.message.find("voorziening 4 (totaal 0): rang 5, uit de gepubliceerde totalen 3") !=
                                 std::string::npos;
        EXPECT_TRUE(named) << b.findings.at(0).message;
        EXPECT_EQ(countKind(b, AuditFinding::Kind::Narrowed), 0u);
        // The independent intruder (scripts/intruder.py) agrees on both folders.
        if (std::system("python3 -c 'import tomllib' > /dev/null 2>&1") == 0) {
            const auto intruder = [](const fs::path& dir) {
                const auto line = "python3 '" + (fs::path(GEBIEDSCAN_SOURCE_DIR) / "scripts/intruder.py").string() +
                                  "' '" + dir.string() + "' > /dev/null 2>&1";
                const int status = std::system(line.c_str());
                return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            };
            EXPECT_EQ(intruder(o.out), 0);
            EXPECT_EQ(intruder(tampered), 1);
        }
    }

    // The old rule (total 7 published): the audit narrows the zeden of school 5 to 0..7.
    auto old = r;
    old.totalHidden[4] = false;
    o.out = tmp.path() / "old";
    (void)pipeline::writeFacilityOutputs(old, o);
    const auto a = audit(o.out);
    EXPECT_FALSE(a.passed());
    EXPECT_GE(countKind(a, AuditFinding::Kind::Narrowed), 1u);
    bool zeden = false;
    for (const auto& f : a.findings)
        zeden = zeden || (f.kind == AuditFinding::Kind::Narrowed && f.message.find("n_zeden") != std::string::npos &&
                          f.high == 7);
    EXPECT_TRUE(zeden);
}

} // namespace
} // namespace gebiedscan
