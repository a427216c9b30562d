// Issue 7, "Bad input": a 10-million-row CSV with garbage rows mixed in. Every record must be
// accounted for (located, without a usable location, or with an unreadable date) and memory must
// stay bounded: the peak of the 10-million-row run may not exceed the peak of a run on a tenth of
// the rows by more than a fixed margin, and stays far below the size of the file.
// GEBIEDSCAN_LARGE_CSV_ROWS sets another row count (e.g. 1000000 for a quick local run).
#include "app_test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sys/wait.h>
#include <thread>

using namespace gebiedscan::testing;
namespace fs = std::filesystem;

namespace {

// What the generator put in the file.
struct LargeCsv {
    std::uint64_t records = 0;    // lines GDAL returns as features (blank lines are no records)
    std::uint64_t located = 0;    // valid point in Assen, valid date in 2024 (extra columns included)
    std::uint64_t noLocation = 0; // short rows, text coordinates, binary junk
    std::uint64_t badDate = 0;    // 31 February
};

// `rows` lines after the header; every 1000th line is garbage of one of six kinds in turn.
LargeCsv writeLargeCsv(const fs::path& file, std::uint64_t rows)
{
    LargeCsv truth;
    std::FILE* out = std::fopen(file.c_str(), "w");
    if (!out) throw std::runtime_error("cannot write " + file.string());
    std::fputs("id,code,datum,lon,lat\n", out);
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> lon(6.53, 6.59), lat(52.98, 53.01); // inside gemeente Assen
    for (std::uint64_t i = 1; i <= rows; ++i) {
        const int month = 1 + static_cast<int>(i % 12);
        if (i % 1000 != 0) {
            std::fprintf(out, "%llu,1.1.1,2024-%02d-15,%.5f,%.5f\n", static_cast<unsigned long long>(i), month,
                         lon(random), lat(random));
            ++truth.records;
            ++truth.located;
            continue;
        }
        switch ((i / 1000) % 6) {
        case 0:
            std::fprintf(out, "%llu,1.1.1,2024-05-01\n", static_cast<unsigned long long>(i));
            ++truth.noLocation;
            break;
        case 1:
            std::fprintf(out, "%llu,1.1.1,2024-05-01,zes,52.99\n", static_cast<unsigned long long>(i));
            ++truth.noLocation;
            break;
        case 2:
            std::fprintf(out, "%llu,1.1.1,2024-05-01,6.5630,52.9930,extra,kolommen\n",
                         static_cast<unsigned long long>(i));
            ++truth.located;
            break;
        case 3:
            std::fputs("\x01\x02\xff\xfe garbage\n", out);
            ++truth.noLocation;
            break;
        case 4: std::fputs("\n", out); continue; // a blank line: no record
        case 5:
            std::fprintf(out, "%llu,1.1.1,31-02-2024,6.5630,52.9930\n", static_cast<unsigned long long>(i));
            ++truth.badDate;
            break;
        }
        ++truth.records;
    }
    if (std::fclose(out) != 0) throw std::runtime_error("cannot write " + file.string());
    return truth;
}

struct Measured {
    int exitCode = -1;
    long peakKib = 0;
};

// The high-water mark of resident memory of a running process (VmHWM), in KiB; 0 once it is gone.
long peakResidentKib(pid_t pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

// Runs `gebiedscan args...` (output to `log`) and returns its exit code and peak resident memory.
// The peak is read from /proc while it runs: wait4's ru_maxrss would also count the memory of this
// test process, which Linux carries over into a spawned child's exec.
Measured runMeasured(const std::vector<std::string>& args, const fs::path& log)
{
    const pid_t pid = spawnGebiedscan(args, log);
    Measured m;
    if (pid < 0) return m;
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        m.peakKib = std::max(m.peakKib, peakResidentKib(pid));
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    m.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return m;
}

} // namespace

TEST(LargeCsv, TenMillionRowsWithGarbageAreAllAccountedForInBoundedMemory)
{
    if (gebiedscanBinary().empty()) GTEST_SKIP() << "bin/gebiedscan is not built";
    const char* env = std::getenv("GEBIEDSCAN_LARGE_CSV_ROWS");
    const std::uint64_t rows = env ? std::stoull(env) : 10'000'000;
    TempDir dir;

    Measured peaks[2];
    for (int run = 0; run < 2; ++run) {
        const std::uint64_t n = run == 0 ? rows / 10 : rows;
        const auto csv = dir / ("registraties_" + std::to_string(n) + ".csv");
        const auto truth = writeLargeCsv(csv, n);
        const auto out = dir / ("scan_" + std::to_string(n));
        const auto log = dir / ("scan_" + std::to_string(n) + ".log");
        peaks[run] = runMeasured({"scan", "--incidents", csv.string(), "--assume-crs", "EPSG:4326", "--areas",
                                  drentheAreas().string(), "--year", "2024", "--quiet", "--out", out.string()},
                                 log);
        ASSERT_EQ(peaks[run].exitCode, 0) << readText(log);
        const auto summary = nlohmann::json::parse(readText(out / "summary.json"));
        EXPECT_EQ(summary["input_records"].get<std::uint64_t>(), truth.records) << n << " rows";
        EXPECT_EQ(summary["assigned"].get<std::uint64_t>(), truth.located) << n << " rows";
        EXPECT_EQ(summary["invalid_geometry"].get<std::uint64_t>(), truth.noLocation) << n << " rows";
        EXPECT_EQ(summary["bad_date"].get<std::uint64_t>(), truth.badDate) << n << " rows";
        EXPECT_EQ(summary["outside"].get<std::uint64_t>(), 0u) << n << " rows";
        const auto fileKib = static_cast<long>(fs::file_size(csv) / 1024);
        std::cout << "[          ] " << n << " rows (" << fileKib / 1024 << " MiB CSV): peak "
                  << peaks[run].peakKib / 1024 << " MiB\n";
        if (n >= 5'000'000) {
            EXPECT_LT(peaks[run].peakKib, fileKib / 2) << "the file is not loaded whole";
        }
        fs::remove(csv);
    }
    // Ten times the rows may not take (much) more memory: nothing grows with the input.
    EXPECT_LT(peaks[1].peakKib, peaks[0].peakKib + 32 * 1024);
}
