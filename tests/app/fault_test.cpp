// Faults while `gebiedscan scan` writes (issue 7, "Faults"; issue 18, the folder as one unit): a
// real process killed with SIGKILL in the middle of writing its exports, a read-only output
// folder, and a full disk (a small tmpfs, or a file-size limit). The folder must hold either the
// complete previous output or the complete new one, never a half file or a mix; errors must be
// one clear line and a non-zero exit.
#include "app_test_support.hpp"
#include "gebiedscan_build_paths.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <iostream>
#include <map>
#include <sys/mount.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace gebiedscan;
using namespace gebiedscan::testing;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// The exports of one run: file name -> bytes.
using Snapshot = std::map<std::string, std::string>;

Snapshot snapshot(const fs::path& dir)
{
    Snapshot s;
    if (!fs::exists(dir)) return s;
    for (const auto& e : fs::directory_iterator(dir)) s[e.path().filename().string()] = readText(e.path());
    return s;
}

bool isTemporary(const std::string& name)
{
    return name.find(".tmp-") != std::string::npos;
}

// A run writes into a staging folder beside its output folder (".NAME.new-PID", swapped in as a
// whole at the end); hidden temporaries in the folder itself would be an older writer's.
bool stagingFolderExists(const fs::path& dir)
{
    std::error_code ec;
    const std::string prefix = "." + dir.filename().string() + ".new-";
    for (fs::directory_iterator it(dir.parent_path(), ec), end; !ec && it != end; it.increment(ec))
        if (it->path().filename().string().rfind(prefix, 0) == 0) return true;
    return false;
}

bool anyTemporary(const fs::path& dir)
{
    if (stagingFolderExists(dir)) return true;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (isTemporary(it->path().filename().string())) return true;
    return false;
}

class FaultTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (gebiedscanBinary().empty()) GTEST_SKIP() << "bin/gebiedscan is not built in " << GEBIEDSCAN_BINARY_DIR;
    }
    std::vector<std::string> scanArgs(const fs::path& csv, const fs::path& out) const
    {
        // 1 km CBS squares over Drenthe: ~2,700 cells, tens of MB of exports, seconds of writing.
        return {"scan",   "--incidents", csv.string(), "--assume-crs", "EPSG:4326", "--areas", drentheAreas().string(),
                "--grid", "square:1000", "--year",     "2024",         "--quiet",   "--out",   out.string()};
    }
    std::string scanCommand(const fs::path& csv, const fs::path& out) const
    {
        std::string cmd = quote(gebiedscanBinary());
        for (const auto& a : scanArgs(csv, out)) cmd += " " + quote(a);
        return cmd;
    }
    TempDir m_dir;
};

// Every file in `dir` is byte-identical to the same file of one of the complete runs.
void expectEachFileComplete(const fs::path& dir, const Snapshot& previous, const Snapshot& next, int iteration)
{
    for (const auto& [name, bytes] : snapshot(dir)) {
        if (isTemporary(name)) continue; // hidden leftovers of the killed process, never a final path
        const auto p = previous.find(name);
        const auto n = next.find(name);
        const bool isPrevious = p != previous.end() && p->second == bytes;
        const bool isNext = n != next.end() && n->second == bytes;
        if (name.ends_with(".gpkg") && !isPrevious && !isNext) {
            // SQLite pages carry timestamps: check the new GeoPackage opens with every layer.
            std::string info;
            EXPECT_EQ(run("ogrinfo -ro -so -q " + quote(dir / name), &info), 0)
                << "iteration " << iteration << ": " << info;
            EXPECT_EQ(bytes.size(), n != next.end() ? n->second.size() : 0)
                << "iteration " << iteration << ": " << name;
            continue;
        }
        EXPECT_TRUE(isPrevious || isNext)
            << "iteration " << iteration << ": " << name << " is neither the previous nor a complete new output ("
            << bytes.size() << " bytes)";
    }
}

} // namespace

TEST_F(FaultTest, SigkillWhileWritingLeavesPreviousOrCompleteOutput)
{
    const auto before = m_dir / "registraties_2023.csv";
    const auto after = m_dir / "registraties_2024.csv";
    writeSyntheticIncidents(before, 20000, 1);
    writeSyntheticIncidents(after, 20000, 2);

    // The two complete outputs: previous (input 1) and next (input 2), with the writing time.
    std::string log;
    ASSERT_EQ(run(scanCommand(before, m_dir / "ref_previous"), &log), 0) << log;
    const auto previous = snapshot(m_dir / "ref_previous");
    const auto out = m_dir / "ref_next";
    const pid_t pid = spawnGebiedscan(scanArgs(after, out));
    ASSERT_GT(pid, 0);
    const auto start = Clock::now();
    auto firstTemp = Clock::time_point{};
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (firstTemp == Clock::time_point{} && anyTemporary(out)) firstTemp = Clock::now();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ASSERT_NE(firstTemp, Clock::time_point{}) << "never saw a temporary output file";
    const auto writing = Clock::now() - firstTemp;
    const auto next = snapshot(out);
    ASSERT_EQ(previous.size(), next.size());
    std::cout << "[          ] writing took " << std::chrono::duration<double>(writing).count() << " s of "
              << std::chrono::duration<double>(Clock::now() - start).count() << " s\n";

    // Kill a scan of input 2 over the output of input 1 at points spread through the writing.
    const char* env = std::getenv("GEBIEDSCAN_KILL_ITERATIONS");
    const int iterations = env ? std::max(1, std::atoi(env)) : 6;
    int killedWhileWriting = 0;
    for (int i = 0; i < iterations; ++i) {
        const auto dir = m_dir / ("run" + std::to_string(i));
        fs::create_directories(dir);
        for (const auto& [name, bytes] : previous) writeText(dir / name, bytes);
        const pid_t victim = spawnGebiedscan(scanArgs(after, dir));
        ASSERT_GT(victim, 0);
        const auto delay = writing * (i + 0.5) / iterations;
        bool writingStarted = false;
        auto killAt = Clock::time_point::max();
        while (::waitpid(victim, &status, WNOHANG) == 0) {
            if (!writingStarted && anyTemporary(dir)) {
                writingStarted = true;
                killAt = Clock::now() + std::chrono::duration_cast<Clock::duration>(delay);
            }
            if (Clock::now() >= killAt) {
                ::kill(victim, SIGKILL);
                ::waitpid(victim, &status, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) ++killedWhileWriting;
        expectEachFileComplete(dir, previous, next, i);
        // Nothing new appeared under a final name that neither run produces.
        for (const auto& [name, bytes] : snapshot(dir)) {
            if (!isTemporary(name)) {
                EXPECT_TRUE(next.count(name) > 0) << name;
            }
        }
        fs::remove_all(dir);
    }
    EXPECT_GE(killedWhileWriting, iterations / 2) << "most kills must land while writing";

    // Killed before anything existed: the final paths hold complete files or nothing.
    const auto fresh = m_dir / "fresh";
    const pid_t victim = spawnGebiedscan(scanArgs(after, fresh));
    while (!anyTemporary(fresh) && ::waitpid(victim, &status, WNOHANG) == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::sleep_for(std::chrono::duration_cast<Clock::duration>(writing / 3));
    ::kill(victim, SIGKILL);
    ::waitpid(victim, &status, 0);
    expectEachFileComplete(fresh, {}, next, -1);

    // The next run into the same folder removes what the killed one left behind.
    if (WIFSIGNALED(status)) {
        EXPECT_TRUE(anyTemporary(fresh)) << "a kill while writing leaves hidden temporaries";
    }
    ASSERT_EQ(run(scanCommand(after, fresh), &log), 0) << log;
    EXPECT_FALSE(anyTemporary(fresh)) << "temporaries of the killed run remain";
    expectEachFileComplete(fresh, {}, next, -2);
}

TEST_F(FaultTest, ReadOnlyOutputFolderIsAClearErrorAndWritesNothing)
{
    const auto csv = m_dir / "registraties.csv";
    writeSyntheticIncidents(csv, 500);
    const auto out = m_dir / "alleen_lezen";
    fs::create_directories(out);
    bool mounted = false;
    if (::geteuid() == 0) {
        // root ignores permission bits: a read-only tmpfs is what a read-only share looks like.
        mounted = ::mount("tmpfs", out.c_str(), "tmpfs", MS_RDONLY, "size=1m") == 0;
        if (!mounted) GTEST_SKIP() << "running as root and cannot mount a read-only tmpfs";
    } else {
        fs::permissions(out, fs::perms::owner_read | fs::perms::owner_exec);
    }
    std::string log;
    const int rc = run(scanCommand(csv, out), &log);
    EXPECT_EQ(rc, 3) << log;
    EXPECT_NE(log.find("output folder '" + out.string() + "' is not writable"), std::string::npos) << log;
    EXPECT_TRUE(fs::is_empty(out));
    if (mounted)
        ::umount2(out.c_str(), MNT_DETACH);
    else
        fs::permissions(out, fs::perms::owner_all);
}

TEST_F(FaultTest, FullDiskIsAClearErrorWithoutHalfFiles)
{
    if (::geteuid() != 0) GTEST_SKIP() << "needs root to mount a small tmpfs (the file-size limit test covers others)";
    const auto csv = m_dir / "registraties.csv";
    writeSyntheticIncidents(csv, 2000);
    // The output folder lies on a 2 MB file system; its staging folder beside it fills it.
    const auto vol = m_dir / "vol";
    fs::create_directories(vol);
    if (::mount("tmpfs", vol.c_str(), "tmpfs", 0, "size=2m") != 0) GTEST_SKIP() << "cannot mount a tmpfs here";
    const auto out = vol / "scan";
    std::string log;
    const int rc = run(scanCommand(csv, out), &log);
    EXPECT_EQ(rc, 3) << log;
    // One Dutch error naming the target (not the hidden staging folder), the full disk and that
    // the old output stands; not SQLite's "cannot commit - no transaction is active" alone.
    EXPECT_NE(log.find("kan de uitvoermap '" + out.string() + "' niet schrijven: de schijf is vol"), std::string::npos)
        << log;
    EXPECT_NE(log.find("er is niets geschreven"), std::string::npos) << log;
    EXPECT_EQ(log.find(".scan.new-"), std::string::npos) << log;
    EXPECT_FALSE(fs::exists(out)) << "a failed first run leaves no output folder";
    EXPECT_FALSE(stagingFolderExists(out)) << "the staging folder is removed";
    EXPECT_FALSE(fs::exists(vol / ".scan.lock")) << "the lock file goes with the run";
    // An earlier output in the target is left exactly as it was.
    fs::create_directories(out);
    writeText(out / ".gebiedscan", "gebiedscan scan (earlier)\nsummary.json\n");
    writeText(out / "summary.json", "{\"eerder\": true}\n");
    EXPECT_EQ(run(scanCommand(csv, out), &log), 3) << log;
    EXPECT_NE(log.find("de schijf is vol"), std::string::npos) << log;
    EXPECT_NE(log.find("de vorige uitvoer in die map is ongewijzigd"), std::string::npos) << log;
    EXPECT_EQ(readText(out / "summary.json"), "{\"eerder\": true}\n");
    EXPECT_FALSE(stagingFolderExists(out)) << "the staging folder is removed";
    fs::remove_all(out);
    // The output folder itself a mount point: it cannot be swapped, said before any work.
    fs::create_directories(out);
    ASSERT_EQ(::mount("tmpfs", out.c_str(), "tmpfs", 0, "size=2m"), 0);
    EXPECT_EQ(run(scanCommand(csv, out), &log), 3) << log;
    EXPECT_NE(log.find("is a mount point"), std::string::npos) << log;
    ::umount2(out.c_str(), MNT_DETACH);
    // Whatever made it to a final name is complete; no temporaries are left behind.
    for (const auto& e : fs::directory_iterator(vol)) {
        const auto name = e.path().filename().string();
        EXPECT_FALSE(isTemporary(name)) << name;
        if (name.ends_with(".gpkg") || name.ends_with(".geojson") || name.ends_with(".shp")) {
            std::string info;
            EXPECT_EQ(run("ogrinfo -ro -so -q " + quote(e.path()), &info), 0) << name << ": " << info;
        }
    }
    ::umount2(vol.c_str(), MNT_DETACH);
}

TEST_F(FaultTest, FileSizeLimitIsAClearErrorWithoutHalfFiles)
{
    // RLIMIT_FSIZE of 1 MB with SIGXFSZ ignored: writes fail with EFBIG, as on a full disk.
    const auto csv = m_dir / "registraties.csv";
    writeSyntheticIncidents(csv, 2000);
    const auto out = m_dir / "uit";
    std::string log;
    const int rc = run("bash -c \"ulimit -f 1024; trap '' XFSZ; exec " + scanCommand(csv, out) + "\"", &log);
    EXPECT_EQ(rc, 3) << log;
    EXPECT_NE(log.find("kan de uitvoermap '" + out.string() + "' niet schrijven"), std::string::npos) << log;
    EXPECT_NE(log.find("er is niets geschreven"), std::string::npos) << log;
    EXPECT_FALSE(fs::exists(out)) << "a failed first run leaves no output folder";
    EXPECT_FALSE(stagingFolderExists(out)) << "the staging folder is removed";
    for (const auto& e : fs::directory_iterator(m_dir.path())) {
        const auto name = e.path().filename().string();
        EXPECT_FALSE(isTemporary(name)) << name;
        if (name.ends_with(".gpkg") || name.ends_with(".geojson") || name.ends_with(".shp")) {
            std::string info;
            EXPECT_EQ(run("ogrinfo -ro -so -q " + quote(e.path()), &info), 0) << name << ": " << info;
        }
    }
}
