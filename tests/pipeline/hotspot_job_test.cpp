// runHotspotJob in-process on a 5 x 5 lattice of 100 m squares: the accounting, the rook weights
// and Moran's I against the textbook formula computed here, the hot corner found by Gi*.
#include "pipeline_test_support.hpp"

#include "gebiedscan/pipeline/hotspot_job.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <tuple>
#include <random>
#include <sstream>

using namespace gebiedscan;

namespace {

constexpr int kSide = 5;

/// Value of lattice cell (row, col): high in the top-left corner, a CBS sentinel in one cell.
double valueAt(int row, int col)
{
    return row + col <= 1 ? 50.0 + row + col : 3.0 + ((row * 7 + col * 3) % 5);
}

std::filesystem::path writeLattice(const std::filesystem::path& dir)
{
    std::ostringstream f;
    for (int r = 0; r < kSide; ++r)
        for (int c = 0; c < kSide; ++c) {
            const double x0 = 150000 + 100.0 * c, y0 = 460000 - 100.0 * r;
            const bool secret = r == 4 && c == 4;
            f << (r + c == 0 ? "" : ",") << R"({"type":"Feature","properties":{"code":"c)" << r << c << R"(","waarde":)"
              << (secret ? -99997.0 : valueAt(r, c)) << R"(},"geometry":{"type":"Polygon","coordinates":[[[)" << x0
              << ',' << y0 << "],[" << x0 + 100 << ',' << y0 << "],[" << x0 + 100 << ',' << y0 - 100 << "],[" << x0
              << ',' << y0 - 100 << "],[" << x0 << ',' << y0 << "]]]}}";
        }
    return jobtest::writeText(dir / "lattice.geojson", jobtest::rdGeoJson(f.str()));
}

} // namespace

TEST(HotspotJob, LatticeAccountingAndMoransIAgainstTheFormula)
{
    jobtest::TempFolder tmp;
    pipeline::HotspotOptions o;
    o.areas.path = writeLattice(tmp.path()).string();
    o.field = "waarde";
    o.idField = "code";
    o.weights = "rook";
    o.permutations = 0;
    pipeline::CollectingReporter reporter;
    const pipeline::HotspotResult r = pipeline::runHotspotJob(o, reporter);

    EXPECT_FALSE(r.grid);
    EXPECT_EQ(r.features, 25u);
    EXPECT_EQ(r.analysed, 24u); // the -99997 sentinel is no value
    EXPECT_EQ(r.noValue, 1u);
    EXPECT_EQ(r.noGeometry, 0u);
    EXPECT_EQ(r.islands, 0u);
    EXPECT_EQ(r.weightsDescription, "rook (snap 0.001 m)");
    ASSERT_EQ(r.rows.size(), 25u);
    EXPECT_EQ(r.rows[24].id, "c44");
    EXPECT_EQ(r.rows[24].index, -1);
    EXPECT_EQ(r.rows[23].index, 23);
    EXPECT_EQ(r.weights.cardinality(0), 2u);  // a corner has two rook neighbours
    EXPECT_EQ(r.weights.cardinality(6), 4u);  // (1, 1)
    EXPECT_EQ(r.weights.cardinality(23), 2u); // (4, 3): its right neighbour has no value

    // Moran's I with row-standardised rook weights among the 24 analysed cells, computed here.
    std::vector<double> x;
    for (int i = 0; i < 24; ++i) x.push_back(valueAt(i / kSide, i % kSide));
    double mean = 0;
    for (double v : x) mean += v / 24;
    double num = 0, den = 0;
    for (int i = 0; i < 24; ++i) {
        const int row = i / kSide, col = i % kSide;
        std::vector<int> nb;
        for (auto [dr, dc] : {std::pair{-1, 0}, {1, 0}, {0, -1}, {0, 1}}) {
            const int rr = row + dr, cc = col + dc;
            if (rr >= 0 && rr < kSide && cc >= 0 && cc < kSide && rr * kSide + cc < 24) nb.push_back(rr * kSide + cc);
        }
        for (int j : nb) num += (x[i] - mean) * (x[j] - mean) / static_cast<double>(nb.size());
        den += (x[i] - mean) * (x[i] - mean);
    }
    EXPECT_NEAR(r.moran.statistic, num / den, 1e-12);
    EXPECT_GT(r.moran.statistic, 0.3);

    // The three high cells are Gi* hot spots; the labels count every analysed cell once.
    for (int i : {0, 1, 5}) EXPECT_GT(r.hotspots.giClass.bins[static_cast<std::size_t>(i)], 0) << i;
    std::size_t bins = 0, labels = 0;
    for (const auto& [bin, n] : r.giBins) bins += n;
    for (const auto& [label, n] : r.lisaLabels) labels += n;
    EXPECT_EQ(bins, 24u);
    EXPECT_EQ(labels, 24u);
    ASSERT_EQ(reporter.warnings.size(), 1u);
    EXPECT_NE(reporter.warnings[0].find("1 objecten zonder (geldige) waarde"), std::string::npos);
}

TEST(HotspotJob, GridCountsEveryIncidentInGivenCells)
{
    jobtest::TempFolder tmp;
    std::ostringstream csv;
    csv << "x,y\n";
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> ux(150000, 151000), uy(460000, 461000);
    for (int i = 0; i < 300; ++i) csv << ux(rng) << ',' << uy(rng) << '\n';
    for (int i = 0; i < 60; ++i) csv << "150450," << 460450 + (i % 3) << '\n'; // a cluster in one cell
    pipeline::HotspotOptions o;
    o.areas.path = jobtest::writeText(tmp.path() / "punten.csv", csv.str()).string();
    o.areas.assumeCrs = "EPSG:28992";
    o.grid = "100";
    o.permutations = 0;
    pipeline::CollectingReporter reporter;
    const pipeline::HotspotResult r = pipeline::runHotspotJob(o, reporter);
    ASSERT_TRUE(r.grid);
    ASSERT_TRUE(r.cells.has_value());
    EXPECT_EQ(r.features, 360u);
    EXPECT_EQ(r.cellSize, 100.0);
    EXPECT_EQ(r.statistics.correction, PValueCorrection::FalseDiscoveryRate); // as ArcGIS, even when not asked
    double total = 0;
    for (double n : r.cells->counts) total += n;
    EXPECT_EQ(total, 360.0);
    EXPECT_EQ(r.analysed, r.cells->cells.size());
    // The cluster's cell holds its 60 points plus the background's, and is a hot spot after FDR.
    std::size_t cluster = r.analysed;
    for (std::size_t i = 0; i < r.analysed; ++i)
        if (r.cells->grid->code(r.cells->cells[i]) == "100m_E1504N4604") cluster = i;
    ASSERT_LT(cluster, r.analysed);
    EXPECT_GE(r.cells->counts[cluster], 60.0);
    EXPECT_GT(r.hotspots.giClass.bins[cluster], 0);
    EXPECT_GT(r.hotspots.gi.z[cluster], 2.0);
    // --field with --grid is refused, not ignored.
    o.field = "x";
    EXPECT_THROW((void)pipeline::runHotspotJob(o, reporter), InputError);
}

// With permutations on a grid, the cells that are the same case (the same count, number of
// neighbours and neighbour sum: here the empty east half) share their draws and so their class;
// and FDR passing thousands of p-values at the floor 1/(R+1) together is no reason for the
// warning that "nothing can be found" (it said so of 24,552 significant cells of the demo).
TEST(HotspotJob, GridPermutationsGiveEqualCellsOneClassAndWarnOnlyWhenNothingIsFound)
{
    jobtest::TempFolder tmp;
    std::ostringstream csv;
    csv << "x,y\n";
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> ux(150000, 151500), uy(460000, 463000);
    for (int i = 0; i < 3000; ++i) csv << ux(rng) << ',' << uy(rng) << '\n';
    for (const double x : {153000.0, 152999.0}) // the hull's east corners: an empty east half
        for (const double y : {460000.0, 462999.0}) csv << x << ',' << y << '\n';
    pipeline::HotspotOptions o;
    o.areas.path = jobtest::writeText(tmp.path() / "punten.csv", csv.str()).string();
    o.areas.assumeCrs = "EPSG:28992";
    o.grid = "100";
    o.permutations = 999;
    pipeline::CollectingReporter reporter;
    const pipeline::HotspotResult r = pipeline::runHotspotJob(o, reporter);
    ASSERT_TRUE(r.cells.has_value());
    std::map<std::tuple<double, std::size_t, double>, int> classOfCase;
    std::size_t coldEast = 0, east = 0;
    for (std::size_t i = 0; i < r.analysed; ++i) {
        double around = 0.0;
        for (const auto j : r.weights.neighbours(i)) around += r.cells->counts[j];
        const auto key = std::make_tuple(r.cells->counts[i], r.weights.neighbours(i).size(), around);
        const int bin = r.hotspots.giClass.bins[i];
        const auto [it, added] = classOfCase.try_emplace(key, bin);
        EXPECT_EQ(it->second, bin) << "cell " << i << " differs from an equal cell";
        if (r.cells->centres[i].x > 151800 && r.cells->counts[i] == 0 && around == 0) {
            ++east;
            coldEast += bin < 0 ? 1 : 0;
        }
    }
    EXPECT_GT(east, 300u);
    EXPECT_EQ(coldEast, east); // no registration for 500 m around: cold, in every such cell
    EXPECT_TRUE(reporter.warnings.empty()) << reporter.warnings.front();
}
