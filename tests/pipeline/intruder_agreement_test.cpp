// The audit and the independent intruder (scripts/intruder.py) state one rule
// (docs/disclosure-control.md): every hidden cell's feasible interval contains [1, T-1]. On the
// same folders they must reach the same verdict: the leaky hand-made folder fails both, with
// the same narrowed cells; the protected one passes both.
#include "gebiedscan_build_paths.hpp"
#include "tiny_scan_folder.hpp"

#include "gebiedscan/pipeline/folder_audit.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

using namespace gebiedscan;
using namespace gebiedscan::pipeline;
namespace fs = std::filesystem;

namespace {

struct IntruderRun {
    int exitCode = -1;
    std::string output;
};

IntruderRun runIntruder(const fs::path& dir)
{
    const std::string command = "python3 '" + (fs::path(GEBIEDSCAN_SOURCE_DIR) / "scripts/intruder.py").string() +
                                "' '" + dir.string() + "' '" + (dir / "model.toml").string() + "' 2>&1";
    IntruderRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return run;
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe)) run.output += buffer.data();
    const int status = ::pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

fs::path makeFolder(gebiedscan::testing::TinyFolder kind)
{
    const auto dir = fs::temp_directory_path() / ("gebiedscan_intruder_" + std::to_string(static_cast<int>(kind)) +
                                                  "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    gebiedscan::testing::writeTinyScanFolder(dir, kind);
    gebiedscan::testing::writeTinyModel(dir / "model.toml");
    return dir;
}

} // namespace

TEST(IntruderAgreement, LeakyFolderFailsBothWithTheSameCells)
{
    if (std::system("python3 -c 'import tomllib' > /dev/null 2>&1") != 0) GTEST_SKIP() << "no python3 >= 3.11";
    const auto dir = makeFolder(gebiedscan::testing::TinyFolder::Leaky);
    const auto audit = auditScanFolder(dir, loadScanModel(dir / "model.toml"));
    const auto intruder = runIntruder(dir);
    fs::remove_all(dir);
    EXPECT_FALSE(audit.passed());
    EXPECT_EQ(intruder.exitCode, 1) << intruder.output;
    // The four cells the audit recovers exactly (folder_audit_test.cpp), found by propagation too.
    EXPECT_EQ(audit.narrowed, 4u);
    for (const char* cell : {"'BU3', '1.4', '', '2024'): geheim, maar [3, 3]",
                             "'BU2', '1.6', '', '2024'): geheim, maar [7, 7]", "'BU1', '1.6', '', '2024'): geheim"})
        EXPECT_NE(intruder.output.find(cell), std::string::npos) << cell << "\n" << intruder.output;
}

TEST(IntruderAgreement, ProtectedFolderPassesBoth)
{
    if (std::system("python3 -c 'import tomllib' > /dev/null 2>&1") != 0) GTEST_SKIP() << "no python3 >= 3.11";
    const auto dir = makeFolder(gebiedscan::testing::TinyFolder::Protected);
    const auto audit = auditScanFolder(dir, loadScanModel(dir / "model.toml"));
    const auto intruder = runIntruder(dir);
    fs::remove_all(dir);
    for (const auto& finding : audit.findings) ADD_FAILURE() << finding.message;
    EXPECT_TRUE(audit.passed());
    EXPECT_EQ(intruder.exitCode, 0) << intruder.output;
    EXPECT_NE(intruder.output.find("7 geheim"), std::string::npos) << intruder.output;
}
