#include "commands.hpp"

#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

TEST(TrendsCommand, ClusterOfTheLastMonthsIsAConsecutiveHotSpot)
{
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("gebiedscan_trends_command_test_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    {
        // Burglaries over 2 x 2 km for 12 months, plus 40 a month in one 100 m cell from October.
        std::ofstream csv(dir / "meldingen.csv");
        csv << "x,y,code,pleegdatum\n";
        std::mt19937 rng(8);
        std::uniform_real_distribution<double> ux(154000.0, 156000.0), uy(462000.0, 464000.0);
        std::uniform_int_distribution<int> day(1, 28);
        for (int m = 1; m <= 12; ++m) {
            for (int i = 0; i < 400; ++i)
                csv << ux(rng) << ',' << uy(rng) << ",1.1.1,2023-" << m << '-' << day(rng) << '\n';
            if (m >= 10)
                for (int i = 0; i < 40; ++i) csv << "155050,463050,1.1.1,2023-" << m << "-" << day(rng) << '\n';
        }
        for (int i = 0; i < 50; ++i) csv << ux(rng) << ',' << uy(rng) << ",1.4.5,2023-06-01\n"; // other theme
        csv << "155500,463500,1.1.1,geen datum\n";
    }
    CLI::App app;
    gebiedscan::app::registerTrendsCommand(app);
    app.parse("trends --incidents " + (dir / "meldingen.csv").string() +
              " --assume-crs EPSG:28992 --theme 1.3 "
              "--grid 100 --period month -q --out " +
              (dir / "uit").string());
    ASSERT_TRUE(fs::exists(dir / "uit" / "trends.gpkg"));
    std::ifstream in(dir / "uit" / "trends.csv");
    std::string line, cluster;
    int rows = 0, patterned = 0;
    while (std::getline(in, line)) {
        ++rows;
        if (line.find("100m_E1550N4630") != std::string::npos) cluster = line;
        if (line.find("no_pattern") == std::string::npos) ++patterned;
    }
    EXPECT_GE(rows, 1 + 400); // header + every cell over the 2 x 2 km extent, empty ones too
    EXPECT_NE(cluster.find("opeenvolgende hotspot"), std::string::npos) << cluster;
    EXPECT_NE(cluster.find("consecutive_hot"), std::string::npos) << cluster;
    EXPECT_LT(patterned, 20) << "the background should mostly show no pattern";

    std::ifstream per(dir / "uit" / "trends_per_periode.csv");
    int perRows = 0;
    while (std::getline(per, line)) ++perRows;
    EXPECT_EQ(perRows, 1 + (rows - 1) * 12); // every cell in every month
    fs::remove_all(dir);
}

TEST(TrendsCommand, NeedsAreasOrGrid)
{
    CLI::App app;
    gebiedscan::app::registerTrendsCommand(app);
    EXPECT_THROW(app.parse("trends --incidents x.csv --out /tmp/gebiedscan_trends_x"), gebiedscan::InputError);
}
