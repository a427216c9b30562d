// The output folder as one unit, tried on real processes (issue 18): `gebiedscan scan` SIGKILLed
// at 50 or more random moments of its run, and two runs into one --out at once. After every kill
// and every race the folder is exactly one complete run, the previous or the new one, as its
// manifest (the hidden .gebiedscan file) says: no file of the other run, no file missing.
// Run alone with --gtest_filter='FolderUnitProcess*' (about 30 s; GEBIEDSCAN_KILLS raises the
// number of kills).
#include "gebiedscan_build_paths.hpp"
#include "app_test_support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace gebiedscan;
using namespace gebiedscan::testing;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

using Snapshot = std::map<std::string, std::string>; // file name -> bytes

Snapshot snapshot(const fs::path& dir)
{
    Snapshot s;
    for (const auto& e : fs::directory_iterator(dir)) s[e.path().filename().string()] = readText(e.path());
    return s;
}

// The files a folder's manifest lists (the marker itself included).
std::set<std::string> manifestOf(const fs::path& dir)
{
    std::ifstream in(dir / ".gebiedscan");
    std::set<std::string> files;
    if (!in) return files;
    files.insert(".gebiedscan");
    std::string line;
    std::getline(in, line); // who wrote it
    while (std::getline(in, line))
        if (!line.empty()) files.insert(line);
    return files;
}

bool stagingExists(const fs::path& dir)
{
    const std::string prefix = "." + dir.filename().string() + ".new-";
    std::error_code ec;
    for (fs::directory_iterator it(dir.parent_path(), ec), end; !ec && it != end; it.increment(ec))
        if (it->path().filename().string().rfind(prefix, 0) == 0) return true;
    return false;
}

// Which complete run `dir` holds: "a", "b", or a description of what is wrong.
std::string whichRun(const fs::path& dir, const Snapshot& a, const Snapshot& b)
{
    if (!fs::is_directory(dir)) return "no folder";
    const Snapshot now = snapshot(dir);
    std::set<std::string> present;
    for (const auto& [name, bytes] : now) present.insert(name);
    if (manifestOf(dir) != present) return "files differ from the manifest";
    const auto matches = [&](const Snapshot& run) {
        if (run.size() != now.size()) return false;
        for (const auto& [name, bytes] : run) {
            const auto it = now.find(name);
            if (it == now.end()) return false;
            // A GeoPackage carries timestamps; the same run gives the same size.
            if (name.ends_with(".gpkg") ? it->second.size() != bytes.size() : it->second != bytes) return false;
        }
        return true;
    };
    const bool isA = now.at("summary.json") == a.at("summary.json") && matches(a);
    const bool isB = now.at("summary.json") == b.at("summary.json") && matches(b);
    if (isA) return "a";
    if (isB) return "b";
    return "a mix of both runs";
}

class FolderUnitProcess : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (gebiedscanBinary().empty()) GTEST_SKIP() << "bin/gebiedscan is not built in " << GEBIEDSCAN_BINARY_DIR;
        writeSyntheticIncidents(m_dir / "a.csv", 3000, 1);
        writeSyntheticIncidents(m_dir / "b.csv", 3000, 2);
        // The two complete runs, each in its own folder.
        std::string log;
        ASSERT_EQ(runGebiedscan(join(args(m_dir / "a.csv", m_dir / "ref_a")), &log), 0) << log;
        ASSERT_EQ(runGebiedscan(join(args(m_dir / "b.csv", m_dir / "ref_b")), &log), 0) << log;
        m_a = snapshot(m_dir / "ref_a");
        m_b = snapshot(m_dir / "ref_b");
        ASSERT_NE(m_a.at("summary.json"), m_b.at("summary.json"));
        ASSERT_EQ(whichRun(m_dir / "ref_a", m_a, m_b), "a");
    }
    static std::vector<std::string> args(const fs::path& csv, const fs::path& out)
    {
        return {"scan",   "--incidents", csv.string(), "--assume-crs", "EPSG:4326", "--areas", drentheAreas().string(),
                "--year", "2024",        "--quiet",    "--out",        out.string()};
    }
    static std::string join(const std::vector<std::string>& a)
    {
        std::string s;
        for (const auto& x : a) s += (s.empty() ? "" : " ") + quote(x);
        return s;
    }
    TempDir m_dir;
    Snapshot m_a, m_b;
};

} // namespace

TEST_F(FolderUnitProcess, SigkillAtRandomMomentsLeavesThePreviousOrTheNewCompleteFolder)
{
    // How long a run takes, and when its writing starts (the staging folder appears).
    const auto timing = m_dir / "timing";
    fs::copy(m_dir / "ref_a", timing);
    const auto start = Clock::now();
    const pid_t pid = spawnGebiedscan(args(m_dir / "b.csv", timing));
    ASSERT_GT(pid, 0);
    auto writingFrom = Clock::time_point{};
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (writingFrom == Clock::time_point{} && stagingExists(timing)) writingFrom = Clock::now();
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ASSERT_EQ(whichRun(timing, m_a, m_b), "b");
    const auto total = Clock::now() - start;
    if (writingFrom == Clock::time_point{}) writingFrom = start + total / 2;
    const auto writing = Clock::now() - writingFrom;
    std::cout << "[          ] a run takes " << std::chrono::duration<double>(total).count() << " s, writing "
              << std::chrono::duration<double>(writing).count() << " s\n";

    const char* env = std::getenv("GEBIEDSCAN_KILLS");
    const int wanted = env ? std::max(50, std::atoi(env)) : 50;
    std::mt19937_64 rng(18);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    int kills = 0, attempts = 0, sawNew = 0, sawOld = 0;
    const auto dir = m_dir / "scan";
    fs::copy(m_dir / "ref_a", dir);
    while (kills < wanted && attempts < 4 * wanted) {
        ++attempts;
        // Half of the moments anywhere in the run, half within the writing (the dangerous part).
        const bool duringWriting = attempts % 2 == 0;
        const auto delay = std::chrono::duration_cast<Clock::duration>((duringWriting ? writing : total) * u(rng));
        const pid_t victim = spawnGebiedscan(args(m_dir / (attempts % 3 == 0 ? "a.csv" : "b.csv"), dir));
        ASSERT_GT(victim, 0);
        const auto spawned = Clock::now();
        auto killAt = duringWriting ? Clock::time_point::max() : spawned + delay;
        bool exited = false;
        while (!exited) {
            if (::waitpid(victim, &status, WNOHANG) != 0) {
                exited = true;
                break;
            }
            if (duringWriting && killAt == Clock::time_point::max() && stagingExists(dir))
                killAt = Clock::now() + delay;
            if (Clock::now() >= killAt) {
                ::kill(victim, SIGKILL);
                ::waitpid(victim, &status, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::microseconds(100));
        }
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) ++kills;
        const std::string held = whichRun(dir, m_a, m_b);
        ASSERT_TRUE(held == "a" || held == "b") << "attempt " << attempts << ": the folder holds " << held;
        ++(held == (attempts % 3 == 0 ? "a" : "b") ? sawNew : sawOld);
    }
    std::cout << "[          ] " << kills << " kills in " << attempts << " runs; afterwards " << sawNew
              << " times a complete folder of the killed run's input (new, or the same input as before), " << sawOld
              << " times the previous run's\n";
    EXPECT_GE(kills, 50);
    // The next run after all the kills cleans up what they left and ends complete.
    std::string log;
    ASSERT_EQ(runGebiedscan(join(args(m_dir / "b.csv", dir)), &log), 0) << log;
    EXPECT_EQ(whichRun(dir, m_a, m_b), "b");
    EXPECT_FALSE(stagingExists(dir)) << "staging folders of killed runs remain";
}

TEST_F(FolderUnitProcess, TwoRunsIntoOneFolderNeverMix)
{
    const auto dir = m_dir / "samen";
    int refused = 0;
    for (int round = 0; round < 8; ++round) {
        const auto logA = m_dir / "a.log", logB = m_dir / "b.log";
        const pid_t a = spawnGebiedscan(args(m_dir / "a.csv", dir), logA);
        const pid_t b = spawnGebiedscan(args(m_dir / "b.csv", dir), logB);
        ASSERT_GT(a, 0);
        ASSERT_GT(b, 0);
        int sa = 0, sb = 0;
        ::waitpid(a, &sa, 0);
        ::waitpid(b, &sb, 0);
        ASSERT_TRUE(WIFEXITED(sa) && WIFEXITED(sb));
        const int ca = WEXITSTATUS(sa), cb = WEXITSTATUS(sb);
        // A refused run exits 3 and names the process that holds the folder.
        const auto refusedNaming = [&](int code, const fs::path& log, pid_t other) {
            if (code != 3) return false;
            const std::string text = readText(log);
            EXPECT_NE(text.find("is being written by another gebiedscan run (process " + std::to_string(other) + ")"),
                      std::string::npos)
                << text;
            return true;
        };
        EXPECT_TRUE(ca == 0 || refusedNaming(ca, logA, b)) << readText(logA);
        EXPECT_TRUE(cb == 0 || refusedNaming(cb, logB, a)) << readText(logB);
        EXPECT_TRUE(ca == 0 || cb == 0) << "one of the two runs completes";
        refused += (ca != 0) + (cb != 0);
        const std::string held = whichRun(dir, m_a, m_b);
        EXPECT_TRUE(held == "a" || held == "b") << "round " << round << ": the folder holds " << held;
        if (ca != 0) {
            EXPECT_EQ(held, "b");
        }
        if (cb != 0) {
            EXPECT_EQ(held, "a");
        }
    }
    std::cout << "[          ] " << refused << " of 16 runs refused because the other held the folder\n";
    EXPECT_FALSE(stagingExists(dir));
}

// trends, hotspots and hotspots --grid write their folders the same way: a manifest listing
// exactly the files, a folder of someone else's files refused, an older run's folder replaced.
TEST_F(FolderUnitProcess, EveryCommandWritesItsFolderAsOneUnit)
{
    const std::vector<std::pair<std::string, std::string>> commands{
        {"hotspots", "hotspots --areas " + quote(drentheAreas()) + " --field id --permutations 0 --quiet --out "},
        {"hotspots_grid", "hotspots --areas " + quote(m_dir / "a.csv") +
                              " --assume-crs EPSG:4326 --grid 2000 --permutations 99 --quiet --out "},
        {"trends", "trends --incidents " + quote(m_dir / "a.csv") +
                       " --assume-crs EPSG:4326 --grid 5000 --period month --quiet --out "}};
    for (const auto& [name, command] : commands) {
        const auto dir = m_dir / name;
        std::string log;
        for (int run = 0; run < 2; ++run) { // the second run replaces the first
            ASSERT_EQ(runGebiedscan(command + quote(dir), &log), 0) << name << ": " << log;
            std::set<std::string> present;
            for (const auto& e : fs::directory_iterator(dir)) present.insert(e.path().filename().string());
            EXPECT_EQ(manifestOf(dir), present) << name;
            EXPECT_GE(present.size(), 3U) << name;
            EXPECT_FALSE(stagingExists(dir)) << name;
        }
        writeText(dir / "mijn_notities.txt", "niet van gebiedscan");
        EXPECT_EQ(runGebiedscan(command + quote(dir), &log), 3) << name << ": " << log;
        EXPECT_NE(log.find("holds files gebiedscan did not write (mijn_notities.txt)"), std::string::npos) << log;
        EXPECT_EQ(readText(dir / "mijn_notities.txt"), "niet van gebiedscan");
        // A folder of a version before the manifest: its own file names only, so it may go.
        fs::remove(dir / "mijn_notities.txt");
        fs::remove(dir / ".gebiedscan");
        EXPECT_EQ(runGebiedscan(command + quote(dir), &log), 0) << name << ": " << log;
    }
}
