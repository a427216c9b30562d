// The output folder as one unit (issue 18): staged beside the target, swapped in at once, locked
// against a second run, and never replacing a folder of someone else's files.
#include "gebiedscan/gis/output_folder.hpp"

#include "gebiedscan/core/error.hpp"

#include "gis_test_support.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <sys/wait.h>
#include <unistd.h>

namespace gebiedscan {
namespace {

namespace fs = std::filesystem;
using testing::readText;
using testing::TempDir;
using testing::writeText;

std::string errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const OutputError& e) {
        return e.what();
    }
    return {};
}

TEST(OutputFolder, NewFolderAppearsOnlyOnCommit)
{
    TempDir dir;
    const auto target = dir / "scan";
    {
        gis::OutputFolder out(target, "test");
        writeText(out.path() / "a.csv", "1\n");
        EXPECT_FALSE(fs::exists(target)) << "nothing visible before commit";
        EXPECT_EQ(out.path().parent_path(), dir.path());
        out.commit();
    }
    EXPECT_EQ(readText(target / "a.csv"), "1\n");
    EXPECT_EQ(readText(target / gis::OutputFolder::kMarker), "test\na.csv\n");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()),
              1) // scan; the lock went with the run
        << "no staging folder or lock file left";
}

TEST(OutputFolder, SecondRunReplacesTheWholeFolderAndAnAbortedOneChangesNothing)
{
    TempDir dir;
    const auto target = dir / "scan";
    {
        gis::OutputFolder out(target, "test");
        writeText(out.path() / "a.csv", "old");
        writeText(out.path() / "b.csv", "old");
        out.commit();
    }
    {
        gis::OutputFolder aborted(target, "test"); // e.g. an exception while writing
        writeText(aborted.path() / "a.csv", "half");
    }
    EXPECT_EQ(readText(target / "a.csv"), "old");
    EXPECT_EQ(readText(target / "b.csv"), "old");
    {
        gis::OutputFolder out(target, "test");
        writeText(out.path() / "a.csv", "new");
        out.commit();
    }
    EXPECT_EQ(readText(target / "a.csv"), "new");
    EXPECT_FALSE(fs::exists(target / "b.csv")) << "a file of the previous run is not mixed into the new one";
}

TEST(OutputFolder, RefusesAFolderWithFilesItDidNotWrite)
{
    TempDir dir;
    const auto target = dir / "mijn_map";
    fs::create_directories(target);
    writeText(target / "notities.docx", "mine");
    const auto message = errorOf([&] { gis::OutputFolder out(target, "test"); });
    EXPECT_NE(message.find("notities.docx"), std::string::npos) << message;
    EXPECT_EQ(readText(target / "notities.docx"), "mine");
    // A file added to an earlier output counts as foreign too.
    const auto scan = dir / "scan";
    {
        gis::OutputFolder out(scan, "test");
        writeText(out.path() / "a.csv", "1");
        out.commit();
    }
    writeText(scan / "opmerkingen.txt", "mine");
    EXPECT_NE(errorOf([&] { gis::OutputFolder out(scan, "test"); }).find("opmerkingen.txt"), std::string::npos);
    // A scan folder of an earlier version (no marker): its own files may be replaced, nothing else.
    const auto legacy = dir / "oud";
    fs::create_directories(legacy);
    for (const char* name : {"summary.json", "toelichting.txt", "gebiedscan.gpkg", "gebiedscan_buurt.shp"})
        writeText(legacy / name, "x");
    EXPECT_EQ(errorOf([&] { gis::OutputFolder out(legacy, "test"); }), "");
    writeText(legacy / "rapport.pdf", "mine");
    EXPECT_NE(errorOf([&] { gis::OutputFolder out(legacy, "test"); }).find("rapport.pdf"), std::string::npos);
    // An empty existing folder is fine.
    fs::create_directories(dir / "leeg");
    EXPECT_EQ(errorOf([&] { gis::OutputFolder out(dir / "leeg", "test"); }), "");
}

TEST(OutputFolder, SecondRunIntoTheSameFolderFailsNamingTheFirst)
{
    TempDir dir;
    const auto target = dir / "scan";
    gis::OutputFolder first(target, "test");
    // flock is per open file description: a second process is needed to see the lock.
    int pipeFd[2];
    ASSERT_EQ(::pipe(pipeFd), 0);
    const pid_t child = ::fork();
    if (child == 0) {
        const auto message = errorOf([&] { gis::OutputFolder second(target, "test"); });
        const auto ok = message.find("being written by another gebiedscan run (process " +
                                     std::to_string(::getppid())) != std::string::npos;
        (void)!::write(pipeFd[1], ok ? "1" : "0", 1);
        ::_exit(0);
    }
    char answer = '?';
    ASSERT_EQ(::read(pipeFd[0], &answer, 1), 1);
    ::waitpid(child, nullptr, 0);
    EXPECT_EQ(answer, '1');
}

TEST(OutputFolder, TheLockFileGoesWithTheRunButNotWithARefusedSecondRun)
{
    TempDir dir;
    const auto target = dir / "scan";
    const auto lock = dir / ".scan.lock";
    {
        gis::OutputFolder first(target, "test");
        EXPECT_TRUE(fs::exists(lock)) << "held while the run lives";
        int pipeFd[2];
        ASSERT_EQ(::pipe(pipeFd), 0);
        const pid_t child = ::fork();
        if (child == 0) {
            const auto refused = !errorOf([&] { gis::OutputFolder second(target, "test"); }).empty();
            (void)!::write(pipeFd[1], refused ? "1" : "0", 1);
            ::_exit(0);
        }
        char answer = '?';
        ASSERT_EQ(::read(pipeFd[0], &answer, 1), 1);
        ::waitpid(child, nullptr, 0);
        EXPECT_EQ(answer, '1');
        EXPECT_TRUE(fs::exists(lock)) << "the refused run must not remove the first run's lock";
        writeText(first.path() / "a.csv", "1\n");
        first.commit();
    }
    EXPECT_FALSE(fs::exists(lock)) << "removed when the run ends";
    {
        gis::OutputFolder aborted(target, "test"); // ends without commit
    }
    EXPECT_FALSE(fs::exists(lock));
    EXPECT_EQ(readText(target / "a.csv"), "1\n");
    // Two processes racing through many short runs: each run holds the lock alone, though the
    // lock file is removed and created again between them.
    const auto counter = dir / "in-run";
    std::vector<pid_t> racers;
    for (int r = 0; r < 2; ++r) {
        const pid_t child = ::fork();
        if (child == 0) {
            int overlaps = 0;
            for (int i = 0; i < 200; ++i) {
                try {
                    gis::OutputFolder run(target, "test");
                    if (fs::exists(counter)) ++overlaps; // another run believes it holds the lock too
                    writeText(counter, "x");
                    ::usleep(200);
                    fs::remove(counter);
                } catch (const OutputError&) {}
            }
            ::_exit(overlaps == 0 ? 0 : 1);
        }
        racers.push_back(child);
    }
    for (const pid_t child : racers) {
        int status = -1;
        ::waitpid(child, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "two runs held the lock at once";
    }
    EXPECT_FALSE(fs::exists(lock));
}

} // namespace
} // namespace gebiedscan

namespace gebiedscan {
namespace {

// A full disk as GDAL and SQLite report it, with plenty of space left by the time the message
// is made (the writers' temporary files are gone): each says "de schijf is vol"; another error
// does not. The last case was a flaky FaultTest.FullDiskIsAClearErrorWithoutHalfFiles under load.
TEST(OutputFolder, FullDiskIsSaidAsSuchWhateverTheWriterCallsIt)
{
    TempDir dir;
    gis::OutputFolder out(dir / "scan", "test");
    for (const std::string why :
         {"sqlite3_exec(COMMIT) failed: cannot commit - no transaction is active",
          "write failed: No space left on device", "database or disk is full",
          "cannot write row 1 of 'areas': sqlite3_exec(INSERT INTO gpkg_geometry_columns (table_name) VALUES "
          "('areas')) failed: no such table: gpkg_geometry_columns"})
        EXPECT_NE(out.failure(why).find("de schijf is vol"), std::string::npos) << why;
    EXPECT_EQ(out.failure("field 'code' not found").find("de schijf is vol"), std::string::npos);
    EXPECT_EQ(out.failure("no such table: areas").find("de schijf is vol"), std::string::npos);
}

} // namespace
} // namespace gebiedscan
