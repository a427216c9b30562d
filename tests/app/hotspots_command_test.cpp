// `gebiedscan hotspots` on real data no one prepared for it: the 342 Dutch municipalities of 2023,
// value = land area in km2, queen contiguity. Compared with R spdep 1.2 values made by
// tests/reference/spdep/make_fixtures.R (gemeenten_*.csv): the neighbour counts (our contiguity
// on the real boundaries against poly2nb), Gi*, local Moran and global Moran to 1e-6.
#include "gebiedscan_build_paths.hpp"
#include "gebiedscan/pipeline/hotspot_job.hpp"
#include "gebiedscan/pipeline/hotspot_writer.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/geometry.hpp"
#include "gebiedscan/gis/table_writer.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace gebiedscan;
namespace fs = std::filesystem;

namespace {

const std::string kRef = std::string(GEBIEDSCAN_SOURCE_DIR) + "/tests/reference/spdep/";
const std::string kGemeenten = GEBIEDSCAN_SOURCE_DIR "/data/open/nl-gemeenten-2023.geojson";

std::vector<std::vector<std::string>> readCsv(const std::string& file)
{
    std::ifstream in(kRef + file);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ',')) cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

double num(const std::string& s)
{
    return s == "NaN" || s == "NA" ? NAN : std::stod(s);
}

class TempFolder {
public:
    TempFolder()
    {
        std::string pattern = (fs::temp_directory_path() / "gebiedscan-hotspots-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~TempFolder()
    {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    [[nodiscard]] const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

/// The municipalities with a numeric field `opp_km2` (planar area, as sf::st_area) in a GeoPackage.
fs::path writeGemeentenWithArea(const fs::path& dir)
{
    gis::SourceSpec spec;
    spec.path = kGemeenten;
    gis::VectorReader reader(spec);
    reader.selectFields({"statcode"});
    gis::Table t;
    t.name = "gemeenten";
    t.columns = {{"statcode", gis::Column::Type::String, ""}, {"opp_km2", gis::Column::Type::Real, ""}};
    t.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    gis::Feature f;
    while (reader.next(f)) {
        t.rows.push_back({f.values[0].value_or(""), areaOf(f.geometry.polygons) / 1e6});
        t.geometries.push_back(f.geometry);
    }
    const fs::path out = dir / "gemeenten.gpkg";
    gis::writeGeoPackage(out, {t}, gis::WriteOptions{});
    return out;
}

/// The job and its writer, as the command runs them.
pipeline::HotspotResult runHotspots(const pipeline::HotspotOptions& o, const fs::path& outDir,
                                    pipeline::Reporter& reporter)
{
    auto result = pipeline::runHotspotJob(o, reporter);
    (void)pipeline::writeHotspotOutputs(result, {.outDir = outDir, .internal = true});
    return result;
}

TEST(HotspotsCommand, MunicipalitiesAgreeWithSpdep)
{
    if (!fs::exists(kGemeenten)) GTEST_SKIP() << kGemeenten << " not available";
    pipeline::CollectingReporter reporter;
    TempFolder tmp;
    pipeline::HotspotOptions o;
    o.areas.path = writeGemeentenWithArea(tmp.path()).string();
    o.field = "opp_km2";
    o.idField = "statcode";
    o.weights = "queen";
    o.permutations = 0;
    const fs::path outDir = tmp.path() / "uit";
    const auto s = runHotspots(o, outDir, reporter);
    EXPECT_EQ(s.features, 342u);
    EXPECT_EQ(s.analysed, 342u);
    EXPECT_EQ(s.islands, 5u); // Texel, Vlieland, Terschelling, Ameland, Schiermonnikoog

    const auto values = readCsv("gemeenten_values.csv");
    const auto local = readCsv("gemeenten_queen_local.csv");
    const auto global = readCsv("gemeenten_queen_global.csv");
    ASSERT_EQ(local.size(), 343u);
    // Header: value,cardinality,Ii,E_Ii,Var_Ii,Z_Ii,P_Ii,quadrant,Gstar_z,Gstar,E_Gstar,V_Gstar,Gi_z
    ASSERT_EQ(local[0][1], "cardinality");
    ASSERT_EQ(local[0][8], "Gstar_z");

    gis::SourceSpec outSpec;
    outSpec.path = (outDir / "hotspots.gpkg").string();
    outSpec.layer = "hotspots";
    gis::VectorReader out(outSpec);
    out.selectFields({"id", "waarde", "n_buren", "gi_z", "lisa_i", "lisa_z", "gi_label", "lisa_q"});
    gis::Feature f;
    std::size_t row = 0, zCompared = 0;
    while (out.next(f)) {
        ++row;
        ASSERT_LT(row, local.size());
        const auto& ref = local[row];
        const std::string at = "row " + std::to_string(row) + " " + f.values[0].value_or("?");
        EXPECT_EQ(f.values[0].value_or(""), values[row][0]) << at;
        EXPECT_NEAR(num(*f.values[1]), num(values[row][1]), 1e-9 * num(values[row][1])) << "area " << at;
        EXPECT_EQ(std::stol(*f.values[2]), std::stol(ref[1])) << "neighbour count (poly2nb) " << at;
        const double gz = num(*f.values[3]), ii = num(*f.values[4]), lz = num(*f.values[5]);
        EXPECT_NEAR(gz, num(ref[8]), 1e-6 * std::fabs(num(ref[8])) + 1e-9) << "Gi* z " << at;
        EXPECT_NEAR(ii, num(ref[2]), 1e-6 * std::fabs(num(ref[2])) + 1e-9) << "I_i " << at;
        if (std::isfinite(num(ref[5]))) {
            EXPECT_NEAR(lz, num(ref[5]), 1e-6 * std::fabs(num(ref[5])) + 1e-9) << "Z.Ii " << at;
            ++zCompared;
        } else {
            EXPECT_EQ(lz, 0.0) << at;
            EXPECT_EQ(f.values[6].value_or(""), "Geen buren") << at;
        }
        EXPECT_FALSE(f.values[7].value_or("").empty()) << at;
    }
    EXPECT_EQ(row, 342u);
    EXPECT_EQ(zCompared, 337u);
    // Global Moran's I (style W, randomisation).
    ASSERT_EQ(global[1][0], "moran_W_randomisation");
    EXPECT_NEAR(s.moran.statistic, num(global[1][1]), 1e-6 * std::fabs(num(global[1][1])));
    EXPECT_NEAR(s.moran.variance, num(global[1][3]), 1e-6 * num(global[1][3]));
    EXPECT_NEAR(s.moran.z, num(global[1][4]), 1e-6 * std::fabs(num(global[1][4])));
}

TEST(HotspotsCommand, PermutationsFdrAndPointLayers)
{
    if (!fs::exists(kGemeenten)) GTEST_SKIP() << kGemeenten << " not available";
    pipeline::CollectingReporter reporter;
    TempFolder tmp;
    pipeline::HotspotOptions o;
    o.areas.path = writeGemeentenWithArea(tmp.path()).string();
    o.field = "opp_km2";
    o.weights = "knn:6"; // on centroids: no islands
    o.permutations = 199;
    o.correction = PValueCorrection::FalseDiscoveryRate;
    const fs::path outDir = tmp.path() / "uit";
    const auto s = runHotspots(o, outDir, reporter);
    EXPECT_EQ(s.islands, 0u);
    EXPECT_EQ(s.weightsDescription, "knn:6 tussen zwaartepunten");
    EXPECT_TRUE(fs::exists(outDir / "hotspots.csv"));
    // Unknown weights and a missing field are input errors, not crashes.
    o.weights = "hexagon";
    EXPECT_THROW((void)runHotspots(o, outDir, reporter), InputError);
    o.weights = "queen";
    o.field = "no_such_field";
    EXPECT_THROW((void)runHotspots(o, outDir, reporter), InputError);
}

TEST(HotspotsCommand, GridModeCountsEveryIncidentAndReportsTheScale)
{
    const std::string bron = GEBIEDSCAN_SOURCE_DIR "/data/open/bron-utrecht-2015-2018.geojson";
    if (!fs::exists(bron)) GTEST_SKIP() << bron << " not available";
    pipeline::CollectingReporter reporter;
    TempFolder tmp;
    pipeline::HotspotOptions o;
    o.areas.path = bron;
    o.grid = "auto";
    o.permutations = 0;
    const fs::path outDir = tmp.path() / "uit";
    const auto s = runHotspots(o, outDir, reporter);
    EXPECT_EQ(s.features, 15374u);
    EXPECT_GT(s.cellSize, 0.0);
    EXPECT_GE(s.band, s.cellSize);
    EXPECT_NE(s.weightsDescription.find("band:"), std::string::npos);
    gis::SourceSpec spec;
    spec.path = (outDir / "hotspots.gpkg").string();
    gis::VectorReader out(spec);
    out.selectFields({"aantal", "gi_label"});
    gis::Feature f;
    std::int64_t total = 0, cells = 0;
    while (out.next(f)) {
        total += std::stoll(f.values[0].value_or("0"));
        ++cells;
        EXPECT_FALSE(f.values[1].value_or("").empty());
        EXPECT_EQ(f.geometry.kind, gis::FeatureGeometry::Kind::Polygon);
    }
    EXPECT_EQ(total, 15374); // nothing lost
    EXPECT_EQ(static_cast<std::size_t>(cells), s.analysed);
    // --field makes no sense with --grid (incidents are counted): an input error, not ignored.
    o.field = "aol_id";
    EXPECT_THROW((void)runHotspots(o, outDir, reporter), InputError);
}

} // namespace
