// runTrendJob in-process: a cluster that appears in the last three of twelve months is a
// consecutive hot spot; every registration is accounted for and counted once in the cube.
#include "pipeline_test_support.hpp"

#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/trend_job.hpp"

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
