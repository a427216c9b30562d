#include "commands.hpp"

#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace {

std::string run(const std::string& command)
{
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return out;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, pipe)) out += buf;
    ::pclose(pipe);
    return out;
}

} // namespace

TEST(KdeCommand, HeatmapIntegratesToTheThemesEventsWithUnitsInMetadata)
{
    if (std::system("gdalinfo --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "gdalinfo not installed";
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("gebiedscan_kde_command_test_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    {
        std::ofstream csv(dir / "meldingen.csv");
        csv << "x,y,code,aantal\n";
        std::mt19937 rng(4);
        std::normal_distribution<double> nx(155000.0, 120.0), ny(463000.0, 80.0);
        for (int i = 0; i < 300; ++i) csv << nx(rng) << ',' << ny(rng) << ",1.1.1,2\n"; // woninginbraak
        for (int i = 0; i < 100; ++i) csv << nx(rng) << ',' << ny(rng) << ",1.4.5,1\n"; // geweld
        csv << "0,0,1.1.1,1\n";                                                         // not geocoded
    }
    const fs::path out = dir / "inbraak.tif";
    CLI::App app;
    gebiedscan::app::registerKdeCommand(app);
    app.parse("kde --incidents " + (dir / "meldingen.csv").string() +
              " --assume-crs EPSG:28992 --theme 1.3 "
              "--radius 200 --cell 10 --weight-field aantal --internal -q --out " +
              out.string());
    ASSERT_TRUE(fs::exists(out));

    const auto info = nlohmann::json::parse(run("gdalinfo -json -stats '" + out.string() + "'"));
    const auto& md = info["metadata"][""];
    EXPECT_EQ(md["KERNEL"].get<std::string>(), "quartic");
    EXPECT_EQ(md["RADIUS_M"].get<std::string>(), "200");
    EXPECT_EQ(md["CELL_SIZE_M"].get<std::string>(), "10");
    EXPECT_EQ(md["UNIT"].get<std::string>(), "aantal per km2");
    EXPECT_EQ(md["EVENTS"].get<std::string>(), "300");
    EXPECT_EQ(md["THEME"].get<std::string>(), "woninginbraak");
    EXPECT_DOUBLE_EQ(info["geoTransform"][1].get<double>(), 10.0);
    // Integral: mean x cells x cell area = total weight (300 events of weight 2).
    const double mean = std::stod(info["bands"][0]["metadata"][""]["STATISTICS_MEAN"].get<std::string>());
    const double cells = info["size"][0].get<double>() * info["size"][1].get<double>();
    EXPECT_NEAR(mean * cells * 1e-4, 600.0, 600.0 * 0.005);
    fs::remove_all(dir);
}

TEST(KdeCommand, UnknownThemeIsAnInputError)
{
    CLI::App app;
    gebiedscan::app::registerKdeCommand(app);
    try {
        app.parse("kde --incidents /nonexistent.csv --theme geen-thema --internal --out /tmp/x.tif");
        FAIL() << "no error";
    } catch (const gebiedscan::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("onbekend thema 'geen-thema'"), std::string::npos) << e.what();
    }
}

TEST(KdeCommand, WithoutInternalItRefusesBeforeReadingAnything)
{
    CLI::App app;
    gebiedscan::app::registerKdeCommand(app);
    try {
        app.parse("kde --incidents /bestaat/niet.csv --out /tmp/gebiedscan-kde-extern.tif");
        FAIL() << "no error";
    } catch (const gebiedscan::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("Geef --internal"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists("/tmp/gebiedscan-kde-extern.tif"));
}
