#pragma once
// Helpers for the end-to-end tests of `gebiedscan scan`: a seeded generator of synthetic
// incidents (lon/lat CSV over Drenthe with known malformed rows), the built binary, and the
// output readers. The gis test helpers (TempDir, run, ogr2ogr, PostGIS schema) are reused.
#include "gebiedscan_build_paths.hpp"
#include "../gis/gis_test_support.hpp"

#include "gebiedscan/gis/vector_reader.hpp"

#include <cstdint>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <spawn.h>
#include <string>
#include <vector>

extern char** environ;

namespace gebiedscan::testing {

/// The Drenthe gemeenten (CBS 2023, EPSG:28992) shipped in data/open.
inline std::filesystem::path drentheAreas()
{
    return std::filesystem::path(GEBIEDSCAN_SOURCE_DIR) / "data/open/drenthe-gemeenten-2023.geojson";
}

/// The `gebiedscan` executable of this build; empty when it has not been built.
inline std::filesystem::path gebiedscanBinary()
{
    const auto p = std::filesystem::path(GEBIEDSCAN_BINARY_DIR) / "bin/gebiedscan";
    return std::filesystem::exists(p) ? p : std::filesystem::path();
}

/// What went into a synthetic incident file, to check the accounting against.
struct SyntheticIncidents {
    std::uint64_t rows = 0;
    std::uint64_t good = 0;                            ///< valid point and a date in 2021..2024
    std::uint64_t noGeometry = 0;                      ///< empty coordinates
    std::uint64_t badDate = 0;                         ///< unreadable date, valid point
    std::uint64_t outOfPeriod = 0;                     ///< 2015, valid point
    std::uint64_t unknownCode = 0;                     ///< good rows with code 9.9.9 (wherever they fall)
    std::vector<std::pair<double, double>> goodLonLat; ///< the good rows' points, in order
};

/// Writes `count` incidents as CSV (id, code, omschrijving, datum, lon, lat) in WGS84, spread
/// over a box around Drenthe (so some fall outside every gemeente), with 2% rows without
/// coordinates, 2% with an unreadable date, 1% out of period and 5% of unknown category.
/// Deterministic for a given seed.
inline SyntheticIncidents writeSyntheticIncidents(const std::filesystem::path& file, std::uint64_t count,
                                                  std::uint32_t seed = 20240101)
{
    static const char* const kCodes[] = {"1.1.1", "1.1.2", "1.2.1", "1.2.3", "1.3.1", "1.4.2",
                                         "1.4.5", "2.1.1", "2.5.1", "3.1.1", "3.2.1", "3.5.2"};
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lon(6.05, 7.15), lat(52.60, 53.20), u(0.0, 1.0);
    std::uniform_int_distribution<int> year(2021, 2024), month(1, 12), day(1, 28), hour(0, 23), code(0, 11);
    SyntheticIncidents s;
    std::string out = "id,code,omschrijving,datum,lon,lat\n";
    out.reserve(static_cast<std::size_t>(count) * 60);
    char line[256];
    for (std::uint64_t i = 1; i <= count; ++i) {
        const double r = u(rng);
        const double x = lon(rng), y = lat(rng);
        const int yy = year(rng), mm = month(rng), dd = day(rng), hh = hour(rng);
        const int c = code(rng);
        const bool unknown = u(rng) < 0.05;
        const char* cat = unknown ? "9.9.9" : kCodes[c];
        if (r < 0.02) {
            std::snprintf(line, sizeof line, "%llu,%s,synthetisch,%04d-%02d-%02d,,\n",
                          static_cast<unsigned long long>(i), cat, yy, mm, dd);
            ++s.noGeometry;
        } else if (r < 0.04) {
            std::snprintf(line, sizeof line, "%llu,%s,synthetisch,geen datum,%.7f,%.7f\n",
                          static_cast<unsigned long long>(i), cat, x, y);
            ++s.badDate;
        } else if (r < 0.05) {
            std::snprintf(line, sizeof line, "%llu,%s,synthetisch,2015-%02d-%02d,%.7f,%.7f\n",
                          static_cast<unsigned long long>(i), cat, mm, dd, x, y);
            ++s.outOfPeriod;
        } else {
            std::snprintf(line, sizeof line, "%llu,%s,synthetisch,%04d-%02d-%02d %02d:15,%.7f,%.7f\n",
                          static_cast<unsigned long long>(i), cat, yy, mm, dd, hh, x, y);
            ++s.good;
            if (unknown) ++s.unknownCode;
            s.goodLonLat.emplace_back(x, y);
        }
        out += line;
        ++s.rows;
    }
    writeText(file, out);
    return s;
}

/// Runs the binary with arguments (already shell-quoted as needed); returns the exit code.
inline int runGebiedscan(const std::string& args, std::string* log = nullptr)
{
    return run(quote(gebiedscanBinary()) + " " + args, log);
}

/// Starts `gebiedscan args...` without a shell, stdout and stderr to `log`; returns its pid, or
/// -1 when it cannot start. For tests that kill it or measure it (wait4).
inline pid_t spawnGebiedscan(const std::vector<std::string>& args, const std::filesystem::path& log = "/dev/null")
{
    std::vector<char*> argv;
    const std::string binary = gebiedscanBinary().string();
    argv.push_back(const_cast<char*>(binary.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

/// All rows of a layer with the named fields (nullopt = NULL).
inline std::vector<gis::Feature> readLayer(const std::filesystem::path& file, const std::string& layer,
                                           const std::vector<std::string>& fields)
{
    gis::SourceSpec spec;
    spec.path = file.string();
    spec.layer = layer;
    gis::VectorReader reader(spec);
    reader.selectFields(fields);
    std::vector<gis::Feature> out;
    gis::Feature f;
    while (reader.next(f)) out.push_back(f);
    return out;
}

} // namespace gebiedscan::testing
