// runTrendJob in-process: a cluster that appears in the last three of twelve months is a
// consecutive hot spot; every registration is accounted for and counted once in the cube.
#include "pipeline_test_support.hpp"

#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/trend_job.hpp"

#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>

#include <random>
#include <sstream>

using namespace gebiedscan;

TEST(TrendJob, LateClusterIsConsecutiveHotAndEveryRegistrationIsCounted)
{
    jobtest::TempFolder tmp;
    std::ostringstream csv;
    csv << "x,y,code,pleegdatum\n";
    std::mt19937 rng(8);
    std::uniform_real_distribution<double> ux(154000.0, 156000.0), uy(462000.0, 464000.0);
    std::uniform_int_distribution<int> day(1, 28);
    for (int m = 1; m <= 12; ++m) {
        for (int i = 0; i < 300; ++i)
            csv << ux(rng) << ',' << uy(rng) << ",1.1.1,2023-" << m << '-' << day(rng) << '\n';
        if (m >= 10)
            for (int i = 0; i < 40; ++i) csv << "155050,463050,1.1.1,2023-" << m << '-' << day(rng) << '\n';
    }
    csv << "155500,463500,1.1.1,geen datum\n";
    csv << "0,0,1.1.1,2023-05-01\n";
    csv << "155500,463500,1.1.1,2022-12-31\n"; // before --from
    pipeline::TrendOptions o;
    o.incidents.path = jobtest::writeText(tmp.path() / "meldingen.csv", csv.str()).string();
    o.incidents.assumeCrs = "EPSG:28992";
    o.gridSize = 100;
    o.from = "2023-01-01";
    pipeline::CollectingReporter reporter;
    const pipeline::TrendResult r = pipeline::runTrendJob(o, reporter);

    const auto& a = r.accounting;
    EXPECT_EQ(a.inputRecords, 12u * 300 + 3 * 40 + 3);
    EXPECT_EQ(a.badDateUnparseable, 1u);
    EXPECT_EQ(a.invalidGeometry, 1u);
    EXPECT_EQ(a.outOfPeriod(), 1u);
    EXPECT_EQ(a.outside, 0u);
    EXPECT_TRUE(a.balanced());
    EXPECT_EQ(r.used, 12 * 300 + 3 * 40);
    EXPECT_EQ(r.steps, 12u);
    EXPECT_EQ(r.codes.size(), r.cube.locations());
    double total = 0;
    for (std::size_t i = 0; i < r.cube.locations(); ++i)
        for (std::size_t t = 0; t < r.steps; ++t) total += r.cube.at(i, t);
    EXPECT_EQ(total, static_cast<double>(r.used));
    int classified = 0;
    for (int n : r.classCounts) classified += n;
    EXPECT_EQ(static_cast<std::size_t>(classified), r.cube.locations());

    std::size_t cluster = r.codes.size();
    for (std::size_t i = 0; i < r.codes.size(); ++i)
        if (r.codes[i] == "100m_E1550N4630") cluster = i;
    ASSERT_LT(cluster, r.codes.size());
    EXPECT_GE(r.cube.at(cluster, 11), 40.0);
    EXPECT_EQ(r.emerging.classes[cluster], EmergingClass::ConsecutiveHot);
}

namespace {

// BRON-style accidents with only a year (jaar_vkl): 3 years x 20 records on a 2 km square.
std::string yearOnlyCsv()
{
    std::ostringstream csv;
    csv << "x,y,code,jaar_vkl\n";
    for (int year = 2019; year <= 2021; ++year)
        for (int i = 0; i < 20; ++i) csv << 154000 + 97 * i << ',' << 462000 + 89 * i << ",1.1.1," << year << '\n';
    return csv.str();
}

} // namespace

TEST(TrendJob, YearOnlyDatesRefuseMonthsAndQuartersNamingTheFieldButGiveYears)
{
    jobtest::TempFolder tmp;
    pipeline::TrendOptions o;
    o.incidents.path = jobtest::writeText(tmp.path() / "bron.csv", yearOnlyCsv()).string();
    o.incidents.assumeCrs = "EPSG:28992";
    o.gridSize = 500;
    for (const auto& [period, word] :
         {std::pair{TimePeriod::Month, "maand"}, std::pair{TimePeriod::Quarter, "kwartaal"}}) {
        o.period = period;
        pipeline::CollectingReporter reporter;
        try {
            (void)pipeline::runTrendJob(o, reporter);
            FAIL() << "year-only dates gave a trend per " << word;
        } catch (const InputError& e) {
            const std::string message = e.what();
            EXPECT_NE(message.find("veld 'jaar_vkl' geeft alleen jaren"), std::string::npos) << message;
            EXPECT_NE(message.find(std::string("geen trend per ") + word), std::string::npos) << message;
            EXPECT_NE(message.find("--period year"), std::string::npos) << message;
        }
    }
    o.period = TimePeriod::Year;
    pipeline::CollectingReporter reporter;
    const pipeline::TrendResult r = pipeline::runTrendJob(o, reporter);
    EXPECT_EQ(r.steps, 3u);
    EXPECT_EQ(r.used, 60);
    double first = 0;
    for (std::size_t i = 0; i < r.cube.locations(); ++i) first += r.cube.at(i, 0);
    EXPECT_EQ(first, 20.0); // 2019 holds its own 20, not all 60
}

TEST(TrendJob, TimeAndEndFieldsGivenByNameAreUsed)
{
    // Columns no detection knows: the date, its time and the end are named explicitly.
    jobtest::TempFolder tmp;
    std::ostringstream csv;
    csv << "x,y,code,dag,uur,tot\n";
    for (int m = 1; m <= 12; ++m)
        for (int i = 0; i < 10; ++i)
            csv << 154000 + 37 * i << ',' << 462000 + 41 * m << ",1.1.1,2023-" << m << "-15,13:30,2023-" << m
                << "-16\n";
    csv << "154000,462000,1.1.1,2023-03-15,13:30,2023-03-14\n"; // ends before it begins
    pipeline::TrendOptions o;
    o.incidents.path = jobtest::writeText(tmp.path() / "eigen.csv", csv.str()).string();
    o.incidents.assumeCrs = "EPSG:28992";
    o.gridSize = 500;
    o.dateField = "dag";
    o.timeField = "uur";
    o.dateToField = "tot";
    pipeline::CollectingReporter reporter;
    const pipeline::TrendResult r = pipeline::runTrendJob(o, reporter);
    EXPECT_EQ(r.steps, 12u);
    EXPECT_EQ(r.used, 120);
    EXPECT_EQ(r.accounting.badDateReversed, 1u); // the end field was read
    bool fieldsLine = false;
    for (const auto& m : reporter.infos)
        fieldsLine = fieldsLine || m.find("datum 'dag', tijd 'uur', datum tot 'tot'") != std::string::npos;
    EXPECT_TRUE(fieldsLine);
}
