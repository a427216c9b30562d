// Issue 7, "Faults": the PostgreSQL server goes away while `gebiedscan scan` reads incidents from
// PostGIS. The scan must stop with one clear error naming the layer and how far it got, exit
// non-zero and write no output - not take the rows read so far for the whole table.
//
// The server side is pg_terminate_backend on the scan's own connection: the SIGTERM a fast
// shutdown (`pg_ctl stop -m fast`) sends to every backend, without stopping the server that other
// tests running in parallel use. Skipped unless GEBIEDSCAN_TEST_PG is set (scripts/test.sh).
#include "../gis/postgis_support.hpp"
#include "app_test_support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <thread>

using namespace gebiedscan::testing;
namespace fs = std::filesystem;

TEST(PostgisFault, ServerGoneDuringReadIsAClearErrorWithoutOutput)
{
    PostGisDatabase db;
    if (!db.available()) GTEST_SKIP() << PostGisDatabase::skipReason();
    if (gebiedscanBinary().empty()) GTEST_SKIP() << "bin/gebiedscan is not built";
    ASSERT_TRUE(db.createSchema()) << db.lastLog();

    // A million burglaries on a 20 m lattice over Drenthe: seconds of reading in 500-row fetches.
    constexpr long rows = 1'000'000;
    const auto created =
        db.query("CREATE TABLE " + db.table("registraties") +
                 " AS SELECT g AS fid, ST_SetSRID(ST_MakePoint(230000 + (g % 1000) * 20, "
                 "550000 + (g / 1000 % 1000) * 20), 28992)::geometry(Point, 28992) AS geom, "
                 "'2024-0' || (1 + g % 9) || '-15' AS datum, '1.3.1' AS code "
                 "FROM generate_series(1, " +
                 std::to_string(rows) + ") g; ALTER TABLE " + db.table("registraties") + " ADD PRIMARY KEY (fid)");
    ASSERT_EQ(created.rfind("ERROR", 0), std::string::npos) << created;

    // The scan's connection is found by its application name.
    const std::string application = "gebiedscan_fault_" + db.schema();
    const std::string connection = db.connection() + " application_name=" + application;
    TempDir dir;
    const auto out = dir / "scan";
    int rc = -1;
    std::string log;
    std::thread scan([&] {
        rc = runGebiedscan("scan --incidents " + quote(connection) + " --incidents-layer " + db.table("registraties") +
                               " --date-field datum --category-field code --areas " + quote(drentheAreas()) +
                               " --year 2024 --quiet --out " + quote(out),
                           &log);
    });

    // Wait until it fetches rows, let it read a little, then end its backend.
    const std::string active =
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + application + "' AND query LIKE 'FETCH%'";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    bool fetching = false;
    while (!fetching && std::chrono::steady_clock::now() < deadline) {
        fetching = db.query(active) != "0";
        if (!fetching) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto terminated = db.query(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '" + application + "'");
    scan.join();
    ASSERT_TRUE(fetching) << "the scan never started reading: " << log;
    ASSERT_EQ(terminated, "1") << log;

    EXPECT_EQ(rc, 2) << log;
    // "gebiedscan: fout: 'PostGIS-database', laag '<schema>.registraties': lezen gestopt na rij 170500: <libpq>"
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        log, m, std::regex("laag '" + db.table("registraties") + "': lezen gestopt na rij ([0-9]+): \\S")))
        << log;
    const long readBefore = std::stol(m[1]);
    EXPECT_GT(readBefore, 0);
    EXPECT_LT(readBefore, rows);
    EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 1) << "one line: " << log;
    EXPECT_FALSE(fs::exists(out)) << "no output, not even an empty folder";
}
