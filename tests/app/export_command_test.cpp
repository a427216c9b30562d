// `gebiedscan export`: exit code 4 and the failing cells in Dutch for a folder that fails the
// audit, 4 and the reason for an intern folder, 2 for no scan folder; nothing written then.
#include "../pipeline/tiny_scan_folder.hpp"
#include "app_test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>

using namespace gebiedscan::testing;

TEST(ExportCommand, RefusesWithExitCode4AndSaysWhy)
{
    const auto bin = gebiedscanBinary();
    if (bin.empty()) GTEST_SKIP() << "gebiedscan not built";
    TempDir tmp;
    writeTinyModel(tmp / "model.toml");
    writeTinyScanFolder(tmp / "lek", TinyFolder::Leaky);
    writeTinyScanFolder(tmp / "intern", TinyFolder::Protected);
    std::ofstream(tmp / "intern" / "summary.json")
        << R"({"audience": "intern", "periods": [{"id": "2024", "role": "current"}], "themes": []})" << '\n';
    const std::string model = " --model " + quote((tmp / "model.toml").string());
    const std::string out = " --out " + quote((tmp / "pakket").string());

    std::string log;
    EXPECT_EQ(run(quote(bin.string()) + " export " + quote((tmp / "lek").string()) + out + model, &log), 4) << log;
    EXPECT_NE(log.find("buurt BU3, 1.4 Geweld op straat, 2024: geheim, maar exact te herleiden: 3"), std::string::npos)
        << log;
    EXPECT_NE(log.find("export geweigerd"), std::string::npos) << log;
    EXPECT_NE(log.find("controle op herleidbaarheid"), std::string::npos) << log;
    EXPECT_FALSE(std::filesystem::exists(tmp / "pakket"));

    EXPECT_EQ(run(quote(bin.string()) + " export " + quote((tmp / "intern").string()) + out + model, &log), 4) << log;
    EXPECT_NE(log.find("binnen de politie"), std::string::npos) << log;
    EXPECT_NE(log.find("zonder --internal"), std::string::npos) << log;
    EXPECT_FALSE(std::filesystem::exists(tmp / "pakket"));

    // The package folder replaces what is there: never the scan folder itself or one around it.
    EXPECT_EQ(run(quote(bin.string()) + " export " + quote((tmp / "lek").string()) + " --out " +
                      quote((tmp / "lek").string()) + model,
                  &log),
              2)
        << log;
    EXPECT_NE(log.find("is de scanmap zelf of ligt erin of eromheen"), std::string::npos) << log;
    EXPECT_EQ(run(quote(bin.string()) + " export " + quote((tmp / "lek").string()) + " --out " +
                      quote(tmp.path().string()) + model,
                  &log),
              2)
        << log;
    EXPECT_TRUE(std::filesystem::exists(tmp / "lek" / "gebiedscan.gpkg"));

    std::filesystem::create_directories(tmp / "leeg");
    EXPECT_EQ(run(quote(bin.string()) + " export " + quote((tmp / "leeg").string()) + out + model, &log), 2) << log;
    EXPECT_NE(log.find("summary.json ontbreekt"), std::string::npos) << log;
    EXPECT_EQ(run(quote(bin.string()) + " export " + quote((tmp / "lek").string()) + out + model + " --report " +
                      quote((tmp / "geen.pdf").string()),
                  &log),
              2)
        << log;
}
