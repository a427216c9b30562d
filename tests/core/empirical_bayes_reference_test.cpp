// Empirical Bayes rates against R spdep 1.2.7 EBest / EBlocal (tests/reference/spdep/eb_rates.R):
// Drenthe buurten (crimes 2023 per inhabitant), North Carolina SIDS, Auckland infant deaths.
#include "gebiedscan_build_paths.hpp"
#include "gebiedscan/core/empirical_bayes.hpp"
#include "gebiedscan/core/spatial_weights.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace gebiedscan {
namespace {

const std::string kDir = std::string(GEBIEDSCAN_SOURCE_DIR) + "/tests/reference/spdep/";

/// A fixture CSV (header row, no quoting: the files need none).
struct Csv {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    [[nodiscard]] std::vector<double> numbers(const std::string& name) const
    {
        std::size_t c = 0;
        while (c < header.size() && header[c] != name) ++c;
        if (c == header.size()) throw std::runtime_error("no column " + name);
        std::vector<double> out;
        for (const auto& r : rows) out.push_back(r[c] == "NA" ? std::nan("") : std::stod(r[c]));
        return out;
    }
};

Csv readCsv(const std::string& file)
{
    std::ifstream in(kDir + file);
    if (!in) throw std::runtime_error("cannot open fixture " + kDir + file);
    auto split = [](const std::string& line) {
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ',')) cells.push_back(cell);
        return cells;
    };
    Csv t;
    std::string line;
    std::getline(in, line);
    t.header = split(line);
    while (std::getline(in, line))
        if (!line.empty()) t.rows.push_back(split(line));
    return t;
}

/// The data set as spdep saw it: used rows only, with spdep's own queen neighbour list.
struct Reference {
    std::vector<double> counts, populations;
    SpatialWeights neighbours;
    Csv rates;
    double a = 0, b = 0;
    std::size_t unused = 0;
};

Reference load(const std::string& name)
{
    Reference r;
    const Csv values = readCsv("eb_" + name + "_values.csv");
    const auto count = values.numbers("count");
    const auto population = values.numbers("population");
    const auto used = values.numbers("used");
    for (std::size_t i = 0; i < used.size(); ++i) {
        if (used[i] == 1) {
            r.counts.push_back(count[i]);
            r.populations.push_back(population[i]);
        } else {
            ++r.unused;
        }
    }
    const Csv nb = readCsv("eb_" + name + "_nb.csv");
    std::vector<std::vector<std::size_t>> lists(r.counts.size());
    const auto from = nb.numbers("from"), to = nb.numbers("to");
    for (std::size_t k = 0; k < from.size(); ++k)
        lists[static_cast<std::size_t>(from[k]) - 1].push_back(static_cast<std::size_t>(to[k]) - 1);
    r.neighbours = SpatialWeights::fromNeighbourLists(lists);
    r.rates = readCsv("eb_" + name + "_rates.csv");
    const Csv global = readCsv("eb_" + name + "_global.csv");
    r.a = global.numbers("a")[0];
    r.b = global.numbers("b")[0];
    return r;
}

/// Relative difference to 1e-6 of the value (absolute for values near 0).
void expectClose(const std::vector<double>& ours, const std::vector<double>& spdep, const std::string& what)
{
    ASSERT_EQ(ours.size(), spdep.size()) << what;
    for (std::size_t i = 0; i < ours.size(); ++i)
        EXPECT_NEAR(ours[i], spdep[i], 1e-6 * std::max(1e-3, std::fabs(spdep[i]))) << what << " row " << i + 1;
}

class EbReference : public ::testing::TestWithParam<std::string> {};

TEST_P(EbReference, GlobalEqualsEBest)
{
    const Reference r = load(GetParam());
    const GlobalEbRates g = globalEmpiricalBayes(r.counts, r.populations);
    EXPECT_NEAR(g.priorMean, r.b, 1e-12 * r.b);
    EXPECT_NEAR(g.priorVariance, r.a, 1e-9 * r.a);
    expectClose(g.raw, r.rates.numbers("raw"), "raw");
    expectClose(g.smoothed, r.rates.numbers("global"), "EBest");
}

TEST_P(EbReference, LocalEqualsEBlocal)
{
    const Reference r = load(GetParam());
    const LocalEbRates l = localEmpiricalBayes(r.counts, r.populations, r.neighbours, LocalEbVariant::Spdep);
    expectClose(l.priorMean, r.rates.numbers("local_m"), "m_i");
    expectClose(l.priorVariance, r.rates.numbers("local_a"), "a_i");
    expectClose(l.smoothed, r.rates.numbers("local"), "EBlocal");
    const LocalEbRates g = localEmpiricalBayes(r.counts, r.populations, r.neighbours, LocalEbVariant::GeoDa);
    expectClose(g.smoothed, r.rates.numbers("local_geoda"), "EBlocal geoda");
    // The two variants must really differ somewhere, or the second comparison proves nothing.
    double largest = 0;
    for (std::size_t i = 0; i < g.smoothed.size(); ++i)
        largest = std::max(largest, std::fabs(g.smoothed[i] - l.smoothed[i]) / l.priorMean[i]);
    EXPECT_GT(largest, 1e-4);
}

INSTANTIATE_TEST_SUITE_P(Spdep, EbReference, ::testing::Values("drenthe", "sids", "auckland"));

TEST(EbRates, DrentheBuurtenWithoutInhabitantsAreLeftOut)
{
    // The 447 buurten spdep saw plus the 5 without inhabitants, each given neighbours among the
    // others: the others' rates must not change, the 5 get no rate and the small-area flag.
    const Reference r = load("drenthe");
    ASSERT_EQ(r.unused, 5u);
    const std::size_t n = r.counts.size();
    std::vector<double> counts = r.counts, populations = r.populations;
    std::vector<std::vector<std::size_t>> lists(n + r.unused);
    for (std::size_t i = 0; i < n; ++i)
        for (const std::uint32_t j : r.neighbours.neighbours(i)) lists[i].push_back(j);
    for (std::size_t k = 0; k < r.unused; ++k) {
        counts.push_back(10.0);
        populations.push_back(0.0);
        for (std::size_t j : {std::size_t{0}, std::size_t{1}, std::size_t{2}, n - 1}) {
            lists[n + k].push_back(j);
            lists[j].push_back(n + k);
        }
    }
    const EmpiricalBayesRates all = empiricalBayesRates(counts, populations, SpatialWeights::fromNeighbourLists(lists));
    expectClose({all.local.smoothed.begin(), all.local.smoothed.begin() + static_cast<std::ptrdiff_t>(n)},
                r.rates.numbers("local"), "EBlocal with empty buurten around");
    expectClose({all.global.smoothed.begin(), all.global.smoothed.begin() + static_cast<std::ptrdiff_t>(n)},
                r.rates.numbers("global"), "EBest with empty buurten around");
    for (std::size_t k = n; k < n + r.unused; ++k) {
        EXPECT_TRUE(std::isnan(all.global.raw[k]));
        EXPECT_TRUE(std::isnan(all.global.smoothed[k]));
        EXPECT_TRUE(std::isnan(all.local.smoothed[k]));
        EXPECT_EQ(all.tooSmall[k], 1);
    }
}

TEST(EbRates, SmallAreaRule)
{
    // Regional rate 0.02 per person: 5 expected events need 250 inhabitants.
    const std::vector<double> populations{0, 40, 60, 249, 250, 10000};
    const auto flags = smallAreaFlags(populations, 0.02);
    EXPECT_EQ(flags, (std::vector<std::uint8_t>{1, 1, 1, 1, 0, 0}));
    // A common offence (0.2 per person): the population minimum decides.
    EXPECT_EQ(smallAreaFlags(populations, 0.2), (std::vector<std::uint8_t>{1, 1, 0, 0, 0, 0}));
}

TEST(EbRates, ShrinksSmallAreasMostAndIslandsKeepTheirRate)
{
    // Two areas with the same raw rate (0.1) but 20 and 20,000 inhabitants in a region at 0.01:
    // the small one is pulled far towards the region, the large one hardly.
    const std::vector<double> counts{2, 2000, 50, 40, 60};
    const std::vector<double> populations{20, 20000, 5000, 5000, 5000};
    const GlobalEbRates g = globalEmpiricalBayes(counts, populations);
    EXPECT_GT(g.priorVariance, 0.0);
    EXPECT_LT(g.smoothed[0], 0.1 - 0.5 * (0.1 - g.priorMean));
    EXPECT_GT(g.smoothed[1], 0.1 - 0.01 * (0.1 - g.priorMean));
    // Area 0 an island: its local prior is itself, so it keeps its raw rate.
    const SpatialWeights w = SpatialWeights::fromNeighbourLists({{}, {2}, {1, 3}, {2, 4}, {3}});
    const LocalEbRates l = localEmpiricalBayes(counts, populations, w);
    EXPECT_DOUBLE_EQ(l.priorMean[0], 0.1);
    EXPECT_DOUBLE_EQ(l.smoothed[0], 0.1);
    // No events anywhere: everything 0, no NaN.
    const std::vector<double> zeros(5, 0.0);
    const LocalEbRates z = localEmpiricalBayes(zeros, populations, w);
    for (double v : z.smoothed) EXPECT_EQ(v, 0.0);
    for (double v : globalEmpiricalBayes(zeros, populations).smoothed) EXPECT_EQ(v, 0.0);
}

} // namespace
} // namespace gebiedscan
