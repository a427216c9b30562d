// Hotspot statistics against R spdep 1.2 reference values (tests/reference/spdep, made by
// make_fixtures.R there). The statistics are rebuilt on spdep's own neighbour lists, so that a
// difference in the formulas cannot hide behind a difference in who neighbours whom; the weight
// builders are compared with spdep's lists separately.
#include "gebiedscan_build_paths.hpp"
#include "gebiedscan/core/contiguity.hpp"
#include "gebiedscan/core/global_autocorrelation.hpp"
#include "gebiedscan/core/local_statistics.hpp"
#include "gebiedscan/core/point_weights.hpp"
#include "gebiedscan/core/spatial_weights.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace gebiedscan;

namespace {

const std::string kDir = std::string(GEBIEDSCAN_SOURCE_DIR) + "/tests/reference/spdep/";

/// A small CSV table (comma separated, header row, no quoting: the fixtures need none).
struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    [[nodiscard]] std::size_t column(const std::string& name) const
    {
        for (std::size_t c = 0; c < header.size(); ++c)
            if (header[c] == name) return c;
        throw std::runtime_error("no column " + name);
    }
    [[nodiscard]] std::vector<double> numbers(const std::string& name) const
    {
        const std::size_t c = column(name);
        std::vector<double> out;
        for (const auto& r : rows) out.push_back(parse(r[c]));
        return out;
    }
    static double parse(const std::string& s)
    {
        if (s == "NaN" || s == "NA") return std::nan("");
        if (s == "Inf") return INFINITY;
        if (s == "-Inf") return -INFINITY;
        return std::stod(s);
    }
};

Table readCsv(const std::string& file)
{
    std::ifstream in(kDir + file);
    if (!in) throw std::runtime_error("cannot open fixture " + kDir + file);
    Table t;
    std::string line;
    auto split = [](const std::string& l) {
        std::vector<std::string> cells;
        std::stringstream ss(l);
        std::string cell;
        while (std::getline(ss, cell, ',')) cells.push_back(cell);
        return cells;
    };
    std::getline(in, line);
    t.header = split(line);
    while (std::getline(in, line))
        if (!line.empty()) t.rows.push_back(split(line));
    return t;
}

std::vector<std::vector<std::size_t>> readNb(const std::string& name, std::size_t n)
{
    const Table t = readCsv(name + "_nb.csv");
    std::vector<std::vector<std::size_t>> lists(n);
    for (const auto& r : t.rows) lists.at(std::stoul(r[0]) - 1).push_back(std::stoul(r[1]) - 1);
    return lists;
}

/// Agreement to 1e-6 relative (with a tiny absolute floor for values that are zero in R).
void expectClose(double actual, double expected, const std::string& what)
{
    EXPECT_NEAR(actual, expected, 1e-6 * std::fabs(expected) + 1e-12) << what;
}

struct Case {
    std::string name;
    std::string valuesFile;
};

class SpdepReference : public ::testing::TestWithParam<Case> {};

TEST_P(SpdepReference, StatisticsAgreeWithSpdep)
{
    const Case& c = GetParam();
    const std::vector<double> x = readCsv(c.valuesFile).numbers("value");
    const SpatialWeights w = SpatialWeights::fromNeighbourLists(readNb(c.name, x.size()));
    const SpatialWeights wRow = w.withStyle(WeightStyle::RowStandardised);
    const SpatialWeights wStar = w.withSelf();
    const Table local = readCsv(c.name + "_local.csv");
    ASSERT_EQ(local.rows.size(), x.size());

    // Local Moran, style W.
    const LocalMoranResult lm = localMoran(x, wRow);
    const auto ii = local.numbers("Ii"), e = local.numbers("E_Ii"), v = local.numbers("Var_Ii"),
               z = local.numbers("Z_Ii"), p = local.numbers("P_Ii");
    const std::size_t quadrantCol = local.column("quadrant");
    std::size_t compared = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const std::string at = c.name + " row " + std::to_string(i + 1);
        expectClose(lm.ii[i], ii[i], "Ii " + at);
        expectClose(lm.expectation[i], e[i], "E.Ii " + at);
        expectClose(lm.variance[i], v[i], "Var.Ii " + at);
        EXPECT_TRUE(std::isfinite(lm.z[i]) && std::isfinite(lm.p[i])) << at;
        if (std::isfinite(z[i])) {
            expectClose(lm.z[i], z[i], "Z.Ii " + at);
            expectClose(lm.p[i], p[i], "Pr.Ii " + at);
            ++compared;
        } else {
            // spdep's 0/0 for islands: our convention is z = 0, p = 1.
            EXPECT_EQ(lm.z[i], 0.0) << at;
            EXPECT_EQ(lm.p[i], 1.0) << at;
        }
        if (!w.isIsland(i)) {
            const std::string& q = local.rows[i][quadrantCol];
            const std::string mine = lm.quadrant[i] == LisaQuadrant::HighHigh  ? "High-High"
                                     : lm.quadrant[i] == LisaQuadrant::LowLow  ? "Low-Low"
                                     : lm.quadrant[i] == LisaQuadrant::HighLow ? "High-Low"
                                                                               : "Low-High";
            EXPECT_EQ(mine, q) << "quadrant " << at;
        } else {
            EXPECT_EQ(lm.quadrant[i], LisaQuadrant::None) << at;
        }
    }
    EXPECT_GT(compared, x.size() * 9 / 10);
    EXPECT_EQ(lm.islands, w.islandCount());

    // Gi*: include.self, style B; and the same z for row-standardised self-included weights.
    const LocalGResult gs = localG(x, wStar);
    EXPECT_TRUE(gs.star);
    const auto gz = local.numbers("Gstar_z"), g = local.numbers("Gstar"), eg = local.numbers("E_Gstar"),
               vg = local.numbers("V_Gstar");
    const LocalGResult gsRow = localG(x, wStar.withStyle(WeightStyle::RowStandardised));
    for (std::size_t i = 0; i < x.size(); ++i) {
        const std::string at = c.name + " row " + std::to_string(i + 1);
        expectClose(gs.z[i], gz[i], "Gi* z " + at);
        expectClose(gs.g[i], g[i], "Gi* G " + at);
        expectClose(gs.expectation[i], eg[i], "Gi* E " + at);
        expectClose(gs.variance[i], vg[i], "Gi* V " + at);
        EXPECT_NEAR(gsRow.z[i], gz[i], 1e-9 * std::fabs(gz[i]) + 1e-12) << "row-standardised Gi* " << at;
    }
    // Gi (no self), style B.
    const LocalGResult gi = localG(x, w);
    EXPECT_FALSE(gi.star);
    const auto giz = local.numbers("Gi_z");
    for (std::size_t i = 0; i < x.size(); ++i) {
        const std::string at = c.name + " row " + std::to_string(i + 1);
        if (std::isfinite(giz[i]))
            expectClose(gi.z[i], giz[i], "Gi z " + at);
        else
            EXPECT_EQ(gi.z[i], 0.0) << at;
    }

    // Global statistics.
    const Table global = readCsv(c.name + "_global.csv");
    std::map<std::string, std::vector<double>> ref;
    for (const auto& r : global.rows)
        ref[r[0]] = {Table::parse(r[1]), Table::parse(r[2]), Table::parse(r[3]), Table::parse(r[4])};
    auto check = [&](const GlobalTestResult& res, const std::string& key) {
        const auto& rv = ref.at(key);
        expectClose(res.statistic, rv[0], key + " estimate " + c.name);
        expectClose(res.expectation, rv[1], key + " expectation " + c.name);
        expectClose(res.variance, rv[2], key + " variance " + c.name);
        expectClose(res.z, rv[3], key + " z " + c.name);
        EXPECT_TRUE(res.defined);
    };
    check(globalMoran(x, wRow, MoranMoments::Randomisation), "moran_W_randomisation");
    check(globalMoran(x, wRow, MoranMoments::Normality), "moran_W_normality");
    check(globalMoran(x, w, MoranMoments::Randomisation), "moran_B_randomisation");
    check(globalMoran(x, w, MoranMoments::Normality), "moran_B_normality");
    check(generalG(x, w), "general_G_B");
    EXPECT_EQ(globalMoran(x, w).islands, w.islandCount());
}

INSTANTIATE_TEST_SUITE_P(Fixtures, SpdepReference,
                         ::testing::Values(Case{"lattice_queen", "lattice_values.csv"},
                                           Case{"lattice_rook", "lattice_values.csv"},
                                           Case{"points_knn6", "points_values.csv"},
                                           Case{"points_band150", "points_values.csv"},
                                           Case{"gemeenten_queen", "gemeenten_values.csv"}),
                         [](const ::testing::TestParamInfo<Case>& param) { return param.param.name; });

TEST(SpdepWeights, InverseDistanceStatisticsAgreeWithNb2listwGlist)
{
    const Table t = readCsv("points_values.csv");
    const auto xs = t.numbers("x"), ys = t.numbers("y"), x = t.numbers("value");
    std::vector<PointRd> pts;
    for (std::size_t i = 0; i < xs.size(); ++i) pts.push_back({xs[i], ys[i]});
    const auto w = inverseDistanceWeights(pts, 150.0, 1.0, 1.0);
    const auto wRow = w.withStyle(WeightStyle::RowStandardised);
    const Table local = readCsv("points_idw150_local.csv");
    const LocalMoranResult lm = localMoran(x, wRow);
    const auto ii = local.numbers("Ii"), e = local.numbers("E_Ii"), v = local.numbers("Var_Ii"),
               z = local.numbers("Z_Ii");
    for (std::size_t i = 0; i < x.size(); ++i) {
        const std::string at = "idw row " + std::to_string(i + 1);
        expectClose(lm.ii[i], ii[i], "Ii " + at);
        expectClose(lm.expectation[i], e[i], "E.Ii " + at);
        expectClose(lm.variance[i], v[i], "Var.Ii " + at);
        if (std::isfinite(z[i])) expectClose(lm.z[i], z[i], "Z.Ii " + at);
    }
    const Table global = readCsv("points_idw150_global.csv");
    ASSERT_EQ(global.rows.size(), 3u);
    const GlobalTestResult results[] = {globalMoran(x, w, MoranMoments::Randomisation),
                                        globalMoran(x, w, MoranMoments::Normality),
                                        globalMoran(x, wRow, MoranMoments::Randomisation)};
    for (std::size_t r = 0; r < 3; ++r) {
        const auto& row = global.rows[r];
        expectClose(results[r].statistic, Table::parse(row[1]), row[0] + " estimate");
        expectClose(results[r].expectation, Table::parse(row[2]), row[0] + " expectation");
        expectClose(results[r].variance, Table::parse(row[3]), row[0] + " variance");
        expectClose(results[r].z, Table::parse(row[4]), row[0] + " z");
    }
}

/// The lattice of make_fixtures.R: 15 x 12 squares of 100 m, an island and a detached pair.
std::vector<MultiPolygon> fixtureLattice()
{
    auto square = [](double x0, double y0) {
        Polygon p;
        p.rings.push_back({{x0, y0}, {x0 + 100, y0}, {x0 + 100, y0 + 100}, {x0, y0 + 100}, {x0, y0}});
        return MultiPolygon{p};
    };
    std::vector<MultiPolygon> areas;
    for (int r = 0; r < 12; ++r)
        for (int c = 0; c < 15; ++c) areas.push_back(square(150000 + 100.0 * c, 450000 + 100.0 * r));
    areas.push_back(square(153000, 453000));
    areas.push_back(square(148000, 450000));
    areas.push_back(square(148100, 450000));
    return areas;
}

void expectSameLists(const SpatialWeights& w, const std::vector<std::vector<std::size_t>>& ref, const std::string& what)
{
    ASSERT_EQ(w.size(), ref.size());
    for (std::size_t i = 0; i < ref.size(); ++i) {
        const auto nb = w.neighbours(i);
        std::vector<std::size_t> mine(nb.begin(), nb.end());
        std::vector<std::size_t> theirs = ref[i];
        std::sort(theirs.begin(), theirs.end());
        EXPECT_EQ(mine, theirs) << what << " row " << i + 1;
    }
}

TEST(SpdepWeights, QueenAndRookContiguityMatchPoly2nb)
{
    const auto areas = fixtureLattice();
    const auto queen = contiguityWeights(areas, Contiguity::Queen);
    const auto rook = contiguityWeights(areas, Contiguity::Rook);
    expectSameLists(queen, readNb("lattice_queen", areas.size()), "queen");
    expectSameLists(rook, readNb("lattice_rook", areas.size()), "rook");
    EXPECT_EQ(queen.islandCount(), 1u);
    EXPECT_TRUE(queen.isSymmetric());
    EXPECT_EQ(queen.cardinality(16), 8u); // an interior cell
    EXPECT_EQ(rook.cardinality(16), 4u);
}

TEST(SpdepWeights, DistanceBandMatchesDnearneigh)
{
    const Table t = readCsv("points_values.csv");
    const auto xs = t.numbers("x"), ys = t.numbers("y");
    std::vector<PointRd> pts;
    for (std::size_t i = 0; i < xs.size(); ++i) pts.push_back({xs[i], ys[i]});
    const auto band = distanceBandWeights(pts, 150.0);
    expectSameLists(band, readNb("points_band150", pts.size()), "band 150");
    EXPECT_EQ(band.islandCount(), 13u);
    const auto coincident = findCoincidentPoints(pts);
    EXPECT_GE(coincident.locations, 20u);
    EXPECT_GE(coincident.pointsAffected, 2 * coincident.locations);
}

TEST(SpdepWeights, KnnMatchesKnearneighWhereUnambiguous)
{
    const Table t = readCsv("points_values.csv");
    const auto xs = t.numbers("x"), ys = t.numbers("y");
    std::vector<PointRd> pts;
    for (std::size_t i = 0; i < xs.size(); ++i) pts.push_back({xs[i], ys[i]});
    const auto knn = knnWeights(pts, 6);
    const auto ref = readNb("points_knn6", pts.size());
    std::size_t compared = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        EXPECT_EQ(knn.cardinality(i), 6u);
        // Ties at the 6th distance (coincident points, integer coordinates) may be broken
        // differently; compare only rows where the 6th and 7th distances differ.
        std::vector<double> d;
        for (std::size_t j = 0; j < pts.size(); ++j)
            if (j != i) d.push_back(std::hypot(pts[j].x - pts[i].x, pts[j].y - pts[i].y));
        std::sort(d.begin(), d.end());
        if (d[6] - d[5] < 1e-9) continue;
        ++compared;
        const auto nb = knn.neighbours(i);
        std::vector<std::size_t> mine(nb.begin(), nb.end());
        std::vector<std::size_t> theirs = ref[i];
        std::sort(theirs.begin(), theirs.end());
        EXPECT_EQ(mine, theirs) << "knn row " << i + 1;
    }
    EXPECT_GT(compared, 200u);
}

} // namespace
