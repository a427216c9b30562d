// runKdeJob in-process: the accounting of the registrations read and a density that integrates to
// the total weight (the kernel is normalised), with radius and cell as given.
#include "pipeline_test_support.hpp"

#include "gebiedscan/pipeline/kde_job.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>

using namespace gebiedscan;

TEST(KdeJob, AccountingAndTheDensityIntegratesToTheWeight)
{
    jobtest::TempFolder tmp;
    std::ostringstream csv;
    csv << "x,y,code,aantal\n";
    std::mt19937 rng(5);
    std::normal_distribution<double> nx(155000.0, 150.0), ny(463000.0, 100.0);
    for (int i = 0; i < 200; ++i) csv << nx(rng) << ',' << ny(rng) << ",1.1.1,3\n";
    for (int i = 0; i < 40; ++i) csv << nx(rng) << ',' << ny(rng) << ",1.4.5,1\n";
    csv << "0,0,1.1.1,1\n";              // not geocoded
    csv << "155000,463000,1.1.1,veel\n"; // no valid weight
    csv << ",,1.1.1,1\n";                // no point
    pipeline::KdeJobOptions o;
    o.incidents.path = jobtest::writeText(tmp.path() / "meldingen.csv", csv.str()).string();
    o.incidents.assumeCrs = "EPSG:28992";
    o.theme = "1.3"; // woninginbraak
    o.weightField = "aantal";
    o.radius = 250.0;
    o.cell = 20.0;
    pipeline::CollectingReporter reporter;
    const pipeline::KdeJobResult r = pipeline::runKdeJob(o, reporter);

    // The record accounting of the one incident stream: (0, 0) and "no point" are both
    // invalid_geometry, told apart by the examples' reasons.
    const auto& a = r.accounting;
    EXPECT_EQ(a.inputRecords, 243u);
    EXPECT_EQ(a.invalidGeometry, 2u);
    const auto withReason = [&](const std::string& reason) {
        return std::count_if(a.examples.begin(), a.examples.end(), [&](const auto& e) { return e.reason == reason; });
    };
    EXPECT_EQ(withReason("punt op (0, 0): niet gegeocodeerd"), 1);
    EXPECT_EQ(withReason("geen (geldige) geometrie"), 1);
    EXPECT_EQ(a.otherTheme, 40u);
    EXPECT_EQ(a.badWeight, 1u);
    EXPECT_EQ(a.assigned, 200u);
    EXPECT_TRUE(a.balanced());
    EXPECT_EQ(r.used, 200u);
    EXPECT_EQ(r.themeId, "woninginbraak");
    EXPECT_EQ(r.radius, 250.0);
    EXPECT_EQ(r.radiusNote, "opgegeven");
    EXPECT_EQ(r.cell, 20.0);
    EXPECT_DOUBLE_EQ(r.density.totalWeight, 600.0);
    double sum = 0, peak = 0;
    for (double v : r.density.density) {
        sum += v;
        peak = std::max(peak, v);
    }
    EXPECT_NEAR(sum * 20.0 * 20.0 / 1e6, 600.0, 600.0 * 0.005); // per km2 x cell area
    EXPECT_EQ(r.peak, peak);
    const auto line = std::find_if(reporter.infos.begin(), reporter.infos.end(),
                                   [](const std::string& i) { return i.rfind("Registraties:", 0) == 0; });
    ASSERT_NE(line, reporter.infos.end());
    EXPECT_EQ(
        line->find("Registraties: 243 gelezen; 240 in een gebied (200 in het thema, 40 van een ander thema, 0 overig)"),
        0u)
        << *line;

    // A radius given as 0 is refused, not replaced by the rule.
    o.radius = 0.0;
    EXPECT_THROW((void)pipeline::runKdeJob(o, reporter), InputError);
}
