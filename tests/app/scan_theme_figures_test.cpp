// `gebiedscan scan` end to end, the per-theme columns read back and recomputed here from the
// written counts: rate_<thema> = n_<thema> / inwoners * 1000 (rounded to 2 decimals), and the
// hotspots layer's gi_z_<thema> = Gi* of that theme's current counts (spdep localG with
// include.self, binary queen weights), gi_p_<thema> its two-sided normal p after Benjamini-
// Hochberg and gi_bin_<thema> the bin of that p: written from the theme's own figures only.
#include "gebiedscan_build_paths.hpp"
#include "app_test_support.hpp"

#include "gebiedscan/core/contiguity.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

using namespace gebiedscan;
using namespace gebiedscan::testing;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> fieldsStartingWith(const fs::path& file, const std::string& layer, const std::string& prefix)
{
    gis::SourceSpec spec;
    spec.path = file.string();
    spec.layer = layer;
    gis::VectorReader reader(spec);
    std::vector<std::string> out;
    for (const auto& f : reader.fieldNames())
        if (f.rfind(prefix, 0) == 0) out.push_back(f);
    return out;
}

// Getis-Ord Gi* as spdep::localG(x, nb2listw(include.self(nb), style = "B")) computes it.
std::vector<double> giStar(const std::vector<double>& x, const std::vector<std::vector<std::size_t>>& neighbours)
{
    const auto n = static_cast<double>(x.size());
    double mean = 0.0;
    for (double v : x) mean += v;
    mean /= n;
    double ss = 0.0;
    for (double v : x) ss += (v - mean) * (v - mean);
    const double s2 = ss / n;
    std::vector<double> z(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        double lag = x[i], wi = 1.0; // the area itself, weight 1
        for (auto j : neighbours[i]) {
            lag += x[j];
            wi += 1.0;
        }
        const double variance = s2 * (n * wi - wi * wi) / (n - 1.0);
        z[i] = (lag - wi * mean) / std::sqrt(variance);
    }
    return z;
}

// Two-sided normal p-values of z, adjusted as R's p.adjust(p, "BH") (no islands here).
std::vector<double> benjaminiHochberg(const std::vector<double>& z)
{
    const std::size_t m = z.size();
    std::vector<double> p(m);
    for (std::size_t i = 0; i < m; ++i) p[i] = std::erfc(std::fabs(z[i]) / std::sqrt(2.0));
    std::vector<std::size_t> order(m);
    for (std::size_t i = 0; i < m; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return p[a] < p[b]; });
    std::vector<double> q(m);
    double running = 1.0;
    for (std::size_t r = m; r-- > 0;) {
        running = std::min(running, p[order[r]] * static_cast<double>(m) / static_cast<double>(r + 1));
        q[order[r]] = running;
    }
    return q;
}

class ScanThemeFigures : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (gebiedscanBinary().empty()) GTEST_SKIP() << "bin/gebiedscan is not built in " << GEBIEDSCAN_BINARY_DIR;
        // The Drenthe gemeenten with a made-up population per gemeente.
        ogr2ogr(areas(), drentheAreas(),
                "-nln gemeenten -sql \"SELECT statcode, statnaam, id * 1237 + 4000 AS inwoners FROM "
                "drenthe_gemeenten_2023\"");
        writeSyntheticIncidents(m_dir / "registraties.csv", 8000, 424242);
        std::string log;
        ASSERT_EQ(runGebiedscan("scan --incidents " + quote(m_dir / "registraties.csv") +
                                    " --assume-crs EPSG:4326 --areas " + quote(areas()) +
                                    " --population-field inwoners --year 2024 --reference-years 3 --internal --quiet "
                                    "--out " +
                                    quote(out()),
                                &log),
                  0)
            << log;
    }
    fs::path areas() const { return m_dir / "gemeenten.gpkg"; }
    fs::path out() const { return m_dir / "uit"; }
    TempDir m_dir;
};

} // namespace

TEST_F(ScanThemeFigures, RatePerThemeIsTheThemesCountPerThousandInhabitants)
{
    const auto gpkg = out() / "gebiedscan.gpkg";
    const auto rates = fieldsStartingWith(gpkg, "areas", "rate_");
    ASSERT_GT(rates.size(), 10u) << "total, overig and the model's themes";
    std::vector<std::string> fields{"code", "population"};
    for (const auto& r : rates) {
        fields.push_back(r);
        fields.push_back("n_" + r.substr(5));
    }
    const auto rows = readLayer(gpkg, "areas", fields);
    ASSERT_EQ(rows.size(), 12u);
    int compared = 0, differFromTotal = 0;
    const auto totalRate = std::find(fields.begin(), fields.end(), "rate_total") - fields.begin();
    ASSERT_LT(totalRate, static_cast<long>(fields.size()));
    for (const auto& row : rows) {
        ASSERT_TRUE(row.values[1]) << "population of " << row.values[0].value_or("?");
        const double population = std::stod(*row.values[1]);
        for (std::size_t k = 2; k < fields.size(); k += 2) {
            ASSERT_TRUE(row.values[k] && row.values[k + 1]) << fields[k] << " of " << *row.values[0];
            const double n = std::stod(*row.values[k + 1]);
            const double rate = std::stod(*row.values[k]);
            EXPECT_NEAR(rate, std::round(n / population * 1000.0 * 100.0) / 100.0, 1e-9)
                << fields[k] << " of " << *row.values[0] << ": " << n << " per " << population;
            ++compared;
            if (static_cast<long>(k) != totalRate && std::fabs(rate - std::stod(*row.values[totalRate])) > 0.01)
                ++differFromTotal;
        }
    }
    EXPECT_EQ(compared, 12 * static_cast<int>(rates.size()));
    EXPECT_GT(differFromTotal, 100) << "the fixture must give themes rates unlike the total's";
}

TEST_F(ScanThemeFigures, GiStarPerThemeIsComputedFromTheThemesCounts)
{
    const auto gpkg = out() / "gebiedscan.gpkg";
    const auto giFields = fieldsStartingWith(gpkg, "hotspots", "gi_z_");
    ASSERT_GE(giFields.size(), 3u) << "themes with at least 30 registrations get their own Gi*";

    // Counts per gemeente from the areas layer, by code.
    std::vector<std::string> countFields{"code", "n_total"};
    for (const auto& g : giFields) countFields.push_back("n_" + g.substr(5));
    std::map<std::string, std::vector<double>> counts;
    for (const auto& row : readLayer(gpkg, "areas", countFields)) {
        auto& c = counts[*row.values[0]];
        for (std::size_t k = 1; k < row.values.size(); ++k) c.push_back(std::stod(row.values[k].value()));
    }

    // The hotspots layer: per slot its z, FDR-adjusted p and bin (the total under the plain
    // names); its areas' outlines give the queen neighbours.
    struct Slot {
        std::string z, p, bin;
    };
    std::vector<Slot> slots{{"gi_z", "gi_p_adj", "gi_bin"}};
    for (const auto& g : giFields) slots.push_back({g, "gi_p_" + g.substr(5), "gi_bin_" + g.substr(5)});
    std::vector<std::string> hotFields{"code"};
    for (const auto& s : slots) hotFields.insert(hotFields.end(), {s.z, s.p, s.bin});
    const auto rows = readLayer(gpkg, "hotspots", hotFields);
    ASSERT_EQ(rows.size(), 12u);
    std::vector<MultiPolygon> outlines;
    for (const auto& row : rows) outlines.push_back(row.geometry.polygons);
    const auto w = contiguityWeights(outlines, Contiguity::Queen, 0.01);
    std::vector<std::vector<std::size_t>> neighbours(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        for (auto j : w.neighbours(i))
            if (j != i) neighbours[i].push_back(j);
        ASSERT_FALSE(neighbours[i].empty()) << "no islands among the Drenthe gemeenten";
    }
    const auto value = [&](std::size_t row, std::size_t field) { return std::stod(rows[row].values[field].value()); };

    int themesUnlikeTotal = 0, significant = 0;
    for (std::size_t k = 0; k < slots.size(); ++k) {
        std::vector<double> x;
        for (const auto& row : rows) x.push_back(counts.at(*row.values[0]).at(k));
        const auto z = giStar(x, neighbours);
        const auto q = benjaminiHochberg(z);
        const std::size_t zField = 1 + 3 * k, pField = zField + 1, binField = zField + 2;
        double largestDifferenceFromTotal = 0.0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& code = *rows[i].values[0];
            EXPECT_NEAR(value(i, zField), z[i], 1e-9) << slots[k].z << " of " << code;
            EXPECT_NEAR(value(i, pField), q[i], 1e-9) << slots[k].p << " of " << code;
            const int level = q[i] <= 0.01 ? 3 : q[i] <= 0.05 ? 2 : q[i] <= 0.10 ? 1 : 0;
            EXPECT_EQ(value(i, binField), z[i] > 0 ? level : -level) << slots[k].bin << " of " << code;
            significant += level > 0 ? 1 : 0;
            largestDifferenceFromTotal =
                std::max(largestDifferenceFromTotal, std::fabs(value(i, zField) - value(i, 1)));
        }
        if (k > 0 && largestDifferenceFromTotal > 0.1) ++themesUnlikeTotal;
    }
    EXPECT_GE(themesUnlikeTotal, 2) << "the fixture must give themes a pattern unlike the total's";
    EXPECT_GT(significant, 0) << "the fixture must give some bins other than 0";
}
