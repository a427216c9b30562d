// The folder audit on a hand-made folder (tiny_scan_folder.hpp): each attack of issue 13 by name,
// with the intervals worked out by hand.
#include "tiny_scan_folder.hpp"

#include "gebiedscan/pipeline/folder_audit.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include <unistd.h>

using namespace gebiedscan;
using namespace gebiedscan::pipeline;
namespace fs = std::filesystem;

namespace {

struct Folder {
    explicit Folder(gebiedscan::testing::TinyFolder kind)
        : dir(fs::temp_directory_path() / ("gebiedscan_tiny_" + std::to_string(static_cast<int>(kind)) + "_" +
                                           std::to_string(::getpid()))) // ctest runs tests in parallel processes
    {
        fs::remove_all(dir);
        gebiedscan::testing::writeTinyScanFolder(dir, kind);
        gebiedscan::testing::writeTinyModel(dir / "model.toml");
        audit = auditScanFolder(dir, loadScanModel(dir / "model.toml"));
    }
    ~Folder() { fs::remove_all(dir); }
    [[nodiscard]] const AuditFinding* find(AuditFinding::Kind kind, const std::string& text) const
    {
        for (const auto& f : audit.findings)
            if (f.kind == kind && f.message.find(text) != std::string::npos) return &f;
        return nullptr;
    }
    fs::path dir;
    FolderAudit audit;
};

} // namespace

TEST(FolderAudit, ParentMinusChildrenAndTotalMinusThemesAreCaught)
{
    const Folder f(gebiedscan::testing::TinyFolder::Leaky);
    EXPECT_FALSE(f.audit.passed());
    EXPECT_EQ(f.audit.hiddenCells, 4u);
    EXPECT_EQ(f.audit.narrowed, 4u);
    EXPECT_EQ(f.audit.exact, 4u);
    // geweld 3 = wijk 15 - BU1 12 - BU2 0; its total 3 likewise.
    const auto* geweld = f.find(AuditFinding::Kind::Narrowed, "buurt BU3, 1.4 Geweld op straat, 2024");
    ASSERT_TRUE(geweld);
    EXPECT_EQ(geweld->low, 3.0);
    EXPECT_EQ(geweld->high, 3.0);
    EXPECT_NE(geweld->message.find("exact te herleiden: 3"), std::string::npos) << geweld->message;
    // A buurt with only zeden: the published total 7 minus geweld 0.
    const auto* zeden = f.find(AuditFinding::Kind::Narrowed, "buurt BU2, 1.6 Zeden, 2024");
    ASSERT_TRUE(zeden);
    EXPECT_EQ(zeden->low, 7.0);
    // BU1 zeden = its total 17 - geweld 12.
    ASSERT_TRUE(f.find(AuditFinding::Kind::Narrowed, "buurt BU1, 1.6 Zeden, 2024"));
}

TEST(FolderAudit, DerivedFiguresOfHiddenCountsAreCaught)
{
    const Folder f(gebiedscan::testing::TinyFolder::Leaky);
    // rate_zeden of BU1 and BU2 (zeden hidden): zeden = rate x population / 1000.
    const auto* rate = f.find(AuditFinding::Kind::DerivedPublished, "laag areas, kolom rate_zeden:");
    ASSERT_TRUE(rate);
    EXPECT_NE(rate->message.find("bij 2 geheim"), std::string::npos) << rate->message;
    // Gi* of BU3, whose total is hidden, class and number alike.
    EXPECT_TRUE(f.find(AuditFinding::Kind::DerivedPublished, "laag areas, kolom gi_z: gepubliceerd bij 1 geheim"));
    EXPECT_TRUE(f.find(AuditFinding::Kind::DerivedPublished, "laag areas, kolom gi_bin: gepubliceerd bij 1 geheim"));
    EXPECT_FALSE(f.find(AuditFinding::Kind::DerivedPublished, "laag areas_wijk")); // the wijk hides nothing
}

TEST(FolderAudit, GiZNumbersInAnExternFolderAreCaughtClassesAreNot)
{
    const Folder f(gebiedscan::testing::TinyFolder::Leaky);
    EXPECT_TRUE(f.find(AuditFinding::Kind::StatisticNumber, "laag areas, kolom gi_z: 3 Gi*/LISA-getallen"));
    EXPECT_TRUE(f.find(AuditFinding::Kind::StatisticNumber, "laag areas_wijk, kolom gi_z: 1 "));
    EXPECT_FALSE(f.find(AuditFinding::Kind::StatisticNumber, "kolom gi_bin"));
}

TEST(FolderAudit, AProtectedFolderPasses)
{
    const Folder f(gebiedscan::testing::TinyFolder::Protected);
    for (const auto& finding : f.audit.findings) ADD_FAILURE() << finding.message;
    EXPECT_TRUE(f.audit.passed());
    EXPECT_EQ(f.audit.hiddenCells, 7u);
    EXPECT_EQ(f.audit.narrowed, 0u);
}
