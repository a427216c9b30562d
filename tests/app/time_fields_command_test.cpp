// --time-field, --end-field and --end-time-field name the columns of a police extract that
// detection does not know ("uur", "tot", "tot_uur"): a scan then has times of day and spreads
// from-to intervals; without them it says it has none. Run as a user would, with the binary.
#include "app_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace gebiedscan::testing {
namespace {

std::string readAll(const std::filesystem::path& file)
{
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class TimeFieldsCommand : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (gebiedscanBinary().empty()) GTEST_SKIP() << "bin/gebiedscan is not built";
        // 30 burglaries in Assen (lon/lat) at 13:30 on the 15th, each until 15:30 the same day.
        std::string csv = "code,dag,uur,tot,tot_uur,lon,lat\n";
        for (int i = 0; i < 30; ++i)
            csv += "A20,15-" + std::to_string(1 + i % 12) + "-2023," + "13:30,15-" + std::to_string(1 + i % 12) +
                   "-2023,15:30,6.56" + std::to_string(10 + i) + ",52.99" + std::to_string(10 + i) + "\n";
        writeText(m_dir / "extract.csv", csv);
        m_scan = "scan --incidents " + quote(m_dir / "extract.csv") + " --assume-crs EPSG:4326 --areas " +
                 quote(drentheAreas()) + " --date-field dag --year 2023 --reference-years 0 --internal ";
    }
    TempDir m_dir;
    std::string m_scan;
};

TEST_F(TimeFieldsCommand, NamedTimeAndEndColumnsGiveTimesOfDayAndAreInTheFieldsLine)
{
    std::string log;
    ASSERT_EQ(runGebiedscan(m_scan + "--time-field uur --end-field tot --end-time-field tot_uur --out " +
                                quote(m_dir / "met"),
                            &log),
              0)
        << log;
    EXPECT_NE(log.find("Velden van de registraties: categorie 'code', datum 'dag', tijd 'uur', datum tot 'tot', "
                       "tijd tot 'tot_uur'"),
              std::string::npos)
        << log;
    EXPECT_EQ(log.find("Geen tijdstip bekend"), std::string::npos) << log;
    const std::string summary = readAll(m_dir / "met" / "summary.json");
    EXPECT_NE(summary.find("\"time_of_day\": \"bekend\""), std::string::npos) << summary;
    EXPECT_NE(summary.find("\"time\": \"uur\""), std::string::npos) << summary;
    EXPECT_NE(summary.find("\"date_to\": \"tot\""), std::string::npos) << summary;
    // Each registration spread over 13:30-15:30: a quarter in 13-14, half in 14-15, a quarter in 15-16.
    // Summed over the week, per hour of the day, for Assen (all 30 lie there).
    std::ifstream times(m_dir / "met" / "gebiedscan_tijden.csv");
    std::vector<double> perHour(24, 0.0);
    double all = 0;
    for (std::string line; std::getline(times, line);) {
        if (line.rfind("gemeente;GM0106;total;", 0) != 0) continue;
        std::vector<std::string> cells;
        std::stringstream row(line);
        for (std::string cell; std::getline(row, cell, ';');) {
            std::erase(cell, '"');
            std::replace(cell.begin(), cell.end(), ',', '.');
            cells.push_back(cell);
        }
        ASSERT_EQ(cells.size(), 4u + 24u) << line;
        for (std::size_t h = 0; h < 24; ++h) perHour[h] += std::stod(cells[4 + h]);
    }
    for (const double v : perHour) all += v;
    EXPECT_DOUBLE_EQ(perHour[13], 30 * 0.25);
    EXPECT_DOUBLE_EQ(perHour[14], 30 * 0.5);
    EXPECT_DOUBLE_EQ(perHour[15], 30 * 0.25);
    EXPECT_DOUBLE_EQ(all, 30.0); // nothing else: the end's time of day was read
}

TEST_F(TimeFieldsCommand, WithoutThemTheDatesHaveNoTimeOfDay)
{
    std::string log;
    ASSERT_EQ(runGebiedscan(m_scan + "--out " + quote(m_dir / "zonder"), &log), 0) << log;
    EXPECT_NE(log.find("Geen tijdstip bekend (veld 'dag'"), std::string::npos) << log;
}

TEST_F(TimeFieldsCommand, AnEndFieldThatDoesNotExistIsAnErrorListingTheFields)
{
    std::string log;
    EXPECT_EQ(runGebiedscan(m_scan + "--end-field einde --out " + quote(m_dir / "fout"), &log), 2) << log;
    EXPECT_NE(log.find("heeft geen veld 'einde'"), std::string::npos) << log;
}

} // namespace
} // namespace gebiedscan::testing
