// `gebiedscan audit DIR`: exit code 4 and the intervals in Dutch for a leaky folder, 0 for a
// protected one, 2 for no scan folder.
#include "../pipeline/tiny_scan_folder.hpp"
#include "app_test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace gebiedscan::testing;

TEST(AuditCommand, ExitCodeAndIntervalsInDutch)
{
    const auto bin = gebiedscanBinary();
    if (bin.empty()) GTEST_SKIP() << "gebiedscan not built";
    TempDir tmp;
    writeTinyModel(tmp / "model.toml");
    writeTinyScanFolder(tmp / "lek", TinyFolder::Leaky);
    writeTinyScanFolder(tmp / "dicht", TinyFolder::Protected);
    const std::string model = " --model " + quote((tmp / "model.toml").string());

    std::string log;
    EXPECT_EQ(run(quote(bin.string()) + " audit " + quote((tmp / "lek").string()) + model, &log), 4) << log;
    EXPECT_NE(log.find("buurt BU3, 1.4 Geweld op straat, 2024: geheim, maar exact te herleiden: 3"), std::string::npos)
        << log;
    EXPECT_NE(log.find("AFGEKEURD"), std::string::npos) << log;

    EXPECT_EQ(run(quote(bin.string()) + " audit " + quote((tmp / "dicht").string()) + model, &log), 0) << log;
    EXPECT_NE(log.find("GESLAAGD"), std::string::npos) << log;

    EXPECT_EQ(run(quote(bin.string()) + " audit " + quote(tmp.path().string()) + model, &log), 2) << log;
    EXPECT_NE(log.find("is geen scanmap: summary.json ontbreekt"), std::string::npos) << log;
    EXPECT_EQ(run("GEBIEDSCAN_LANG=en " + quote(bin.string()) + " audit " + quote(tmp.path().string()) + model, &log),
              2)
        << log;
    EXPECT_NE(log.find("summary.json is missing"), std::string::npos) << log;
}

// The council package (no summary.json, a LEESMIJ.txt) is named as such, with where to look.
TEST(AuditCommand, CouncilPackageIsNamedNotJustRefused)
{
    const auto bin = gebiedscanBinary();
    if (bin.empty()) GTEST_SKIP() << "gebiedscan not built";
    TempDir tmp;
    std::filesystem::create_directories(tmp / "pakket");
    std::ofstream(tmp / "pakket" / "LEESMIJ.txt") << "Gegevenspakket\n";
    std::string log;
    EXPECT_EQ(run(quote(bin.string()) + " audit " + quote((tmp / "pakket").string()), &log), 2) << log;
    EXPECT_NE(log.find("is een gegevenspakket van gebiedscan export, geen scanmap"), std::string::npos) << log;
    EXPECT_NE(log.find("controleer de scanmap waaruit het gemaakt is"), std::string::npos) << log;
}
