// EB rates the way a scan gets them: the real Drenthe buurten read through GDAL, queen weights
// by our own contiguity, crimes 2023 per inhabitant; equal to spdep EBest / EBlocal on poly2nb
// (tests/reference/spdep/eb_rates.R). Skipped when the shared sample data is not present.
#include "gebiedscan_build_paths.hpp"
#include "gebiedscan/core/contiguity.hpp"
#include "gebiedscan/core/empirical_bayes.hpp"
#include "gebiedscan/gis/area_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace gebiedscan {
namespace {

namespace fs = std::filesystem;

fs::path sharedBuurten()
{
    // The copy in data/open (with its source in data/open/SOURCES.md).
    const fs::path p = fs::path(GEBIEDSCAN_SOURCE_DIR) / "data/open/drenthe-buurten-2024.geojson";
    return fs::exists(p) ? p : fs::path();
}

std::vector<std::vector<std::string>> readCsv(const fs::path& file)
{
    std::ifstream in(file);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ',')) cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

TEST(EmpiricalBayesBuurten, OurQueenWeightsGiveSpdepsRates)
{
    const fs::path file = sharedBuurten();
    if (file.empty()) GTEST_SKIP() << "shared sample data drenthe-buurten-2024.geojson not present";
    const fs::path ref = fs::path(GEBIEDSCAN_SOURCE_DIR) / "tests/reference/spdep";
    gis::SourceSpec source;
    source.path = file.string();
    const gis::AreaLayer layer = gis::readAreaLayer(source, {}, "EPSG:28992");
    ASSERT_EQ(layer.codes.size(), 452u);

    // Crimes per buurt as the R script took them (eb_drenthe_values.csv: id, count, population, used).
    std::map<std::string, double> crimes;
    std::vector<std::string> usedCodes;
    for (const auto& row : readCsv(ref / "eb_drenthe_values.csv")) {
        crimes[row[0]] = row[1] == "NA" ? NAN : std::stod(row[1]);
        if (row[3] == "1") usedCodes.push_back(row[0]);
    }
    std::vector<double> counts, populations;
    for (std::size_t i = 0; i < layer.codes.size(); ++i) {
        counts.push_back(crimes.at(layer.codes[i]));
        populations.push_back(layer.population[i].value_or(0.0));
    }
    // Weights on all 452 buurten: the 5 without inhabitants are left out by the EB functions.
    const SpatialWeights queen = contiguityWeights(layer.geometries, Contiguity::Queen);
    const EmpiricalBayesRates eb = empiricalBayesRates(counts, populations, queen);

    const auto rates = readCsv(ref / "eb_drenthe_rates.csv"); // raw, global, local, ... per used row
    ASSERT_EQ(rates.size(), usedCodes.size());
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < layer.codes.size(); ++i) index[layer.codes[i]] = i;
    std::size_t flagged = 0;
    for (std::size_t k = 0; k < usedCodes.size(); ++k) {
        const std::size_t i = index.at(usedCodes[k]);
        const double global = std::stod(rates[k][1]), local = std::stod(rates[k][2]);
        EXPECT_NEAR(eb.global.smoothed[i], global, 1e-6 * global) << usedCodes[k];
        EXPECT_NEAR(eb.local.smoothed[i], local, 1e-6 * local) << usedCodes[k];
        flagged += eb.tooSmall[i];
    }
    // Regional rate 0.0376 per inhabitant: under 133 inhabitants fewer than 5 crimes are expected.
    std::size_t below = 0;
    for (double p : populations) below += p < 5.0 / eb.global.priorMean;
    EXPECT_EQ(flagged + 5, below);
    EXPECT_GT(flagged, 10u);
}

} // namespace
} // namespace gebiedscan
