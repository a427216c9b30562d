// gebiedscan facilities as a job: on real data (the BRON accidents of Utrecht 2015-2018) the
// counts around real points (the fatal accidents) and polygons (the Dutch gemeenten) equal R sf
// st_is_within_distance (scripts/reference/facilities_bron_utrecht.R); nearest-only counts each
// registration once; outside the police small counts are hidden with their complements.
#include "gebiedscan_build_paths.hpp"
#include "pipeline_test_support.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/pipeline/facility_job.hpp"
#include "gebiedscan/pipeline/facility_writer.hpp"
#include "gebiedscan/pipeline/output_schema.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <numeric>
#include <sstream>

namespace gebiedscan {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = GEBIEDSCAN_SOURCE_DIR;

struct Reference {
    std::vector<std::uint64_t> n, ring;
};

Reference readReference(const std::string& file)
{
    std::ifstream in(kSource / "tests/reference/facilities" / file);
    Reference r;
    std::string line;
    std::getline(in, line); // row,n,n_ring
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::string row, n, ring;
        std::getline(ss, row, ',');
        std::getline(ss, n, ',');
        std::getline(ss, ring, ',');
        r.n.push_back(std::stoull(n));
        r.ring.push_back(std::stoull(ring));
    }
    return r;
}

pipeline::FacilityJobOptions bronOptions()
{
    pipeline::FacilityJobOptions o;
    o.incidents.path = (kSource / "data/open/bron-utrecht-2015-2018.geojson").string();
    o.incidents.attributeFilter = "nummer = 1"; // one row per accident
    o.internal = true;
    o.threads = 2;
    return o;
}

TEST(FacilityJob, FatalAccidentsAsPointsEqualSfWithinDistance)
{
    auto o = bronOptions();
    o.facilities = o.incidents;
    o.facilities.attributeFilter = "nummer = 1 AND ap3_code = 'DOD'";
    o.radius = 200;
    pipeline::CollectingReporter reporter;
    const auto r = pipeline::computeFacilities(o, reporter);
    const Reference ref = readReference("bron_dod_200.csv");
    ASSERT_EQ(r.total.size(), 45u);
    ASSERT_EQ(ref.n.size(), 45u);
    EXPECT_EQ(r.registrationsUsed, 6994u);
    EXPECT_EQ(r.total, ref.n);
    EXPECT_EQ(r.counts.inRadiusAll, ref.n);
    EXPECT_EQ(r.counts.inRing, ref.ring);
    EXPECT_EQ(std::accumulate(r.total.begin(), r.total.end(), std::uint64_t{0}), 220u);
    // The facility keeps its own fields.
    ASSERT_FALSE(r.ownColumns.empty());
    EXPECT_EQ(r.ownColumns[1].name, "ap3_code");
    for (const auto& row : r.ownValues) EXPECT_EQ(std::get<std::string>(row[1]), "DOD");
}

TEST(FacilityJob, GemeentenAsPolygonsCountFromTheirEdge)
{
    auto o = bronOptions();
    o.facilities.path = (kSource / "data/open/nl-gemeenten-2023.geojson").string();
    o.radius = 500;
    pipeline::CollectingReporter reporter;
    const auto r = pipeline::computeFacilities(o, reporter);
    const Reference ref = readReference("gemeenten_500.csv");
    ASSERT_EQ(r.total.size(), 342u);
    EXPECT_EQ(r.total, ref.n);
    EXPECT_EQ(r.counts.inRing, ref.ring);
    // Within 500 m of a gemeente border an accident counts for both: 8,300 counts of 6,994 accidents.
    EXPECT_EQ(std::accumulate(r.total.begin(), r.total.end(), std::uint64_t{0}), 8300u);
    EXPECT_EQ(r.counts.nearAny, 6994u);

    o.nearestOnly = true;
    const auto nearest = pipeline::computeFacilities(o, reporter);
    EXPECT_EQ(std::accumulate(nearest.total.begin(), nearest.total.end(), std::uint64_t{0}), 6994u)
        << "each accident once, at the gemeente it lies in";
    EXPECT_EQ(nearest.counts.inRadiusAll, ref.n) << "the test still uses every accident within the radius";
    // The concentration: the top 10 % of the gemeenten (35) hold every accident.
    EXPECT_EQ(nearest.curve.at(1).facilities, 35u);
    EXPECT_DOUBLE_EQ(nearest.curve.at(1).registrationShare, 1.0);
}

// Four points in a row 1 km apart; registrations around them by theme. Outside the police a
// total of 1..4 is hidden, and with it the facility's themes, rank and class; one more total
// is hidden when only one is; the ring, expected and p are not written at all.
// BRON's jaar_vkl: every date is 1 January of its year. --from/--to on whole years select the
// right years; a bound within a year would take or drop a whole year, so it is refused (issue 12).
TEST(FacilityJob, YearOnlyDatesTakeWholeYearsButRefuseDays)
{
    jobtest::TempFolder tmp;
    jobtest::writeText(tmp.path() / "school.csv", "id;naam;x;y\n1;school;150000;450000\n");
    std::string csv = "x;y;code;jaar_vkl\n";
    const int perYear[] = {4, 7, 2}; // 2022, 2023, 2024
    for (int y = 0; y < 3; ++y)
        for (int k = 0; k < perYear[y]; ++k) csv += fmt::format("{};450000;1.3.1;{}\n", 150000 + k, 2022 + y);
    jobtest::writeText(tmp.path() / "reg.csv", csv);
    pipeline::FacilityJobOptions o;
    o.incidents.path = (tmp.path() / "reg.csv").string();
    o.incidents.assumeCrs = "EPSG:28992";
    o.facilities.path = (tmp.path() / "school.csv").string();
    o.facilities.assumeCrs = "EPSG:28992";
    o.radius = 100;
    o.internal = true;
    o.from = "2023-01-01";
    o.to = "2024-12-31";
    o.out = tmp.path() / "jaren";
    pipeline::CollectingReporter reporter;
    EXPECT_EQ(pipeline::runFacilityJob(o, reporter).registrationsUsed, 9u) << "2023 and 2024";
    o.from = "2023";
    o.to = "2023";
    o.out = tmp.path() / "jaar";
    EXPECT_EQ(pipeline::runFacilityJob(o, reporter).registrationsUsed, 7u) << "a bare year is that whole year";

    o.from = "2023-03-01";
    o.out = tmp.path() / "dagen";
    try {
        (void)pipeline::runFacilityJob(o, reporter);
        FAIL() << "a day within a year cannot filter year-only dates";
    } catch (const InputError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("veld 'jaar_vkl' geeft alleen jaren"), std::string::npos) << message;
        EXPECT_NE(message.find("--from/--to niet op dagen filteren (2023-03-01 t/m 2023-12-31)"), std::string::npos)
            << message;
    }
    EXPECT_FALSE(fs::exists(tmp.path() / "dagen"));
}

TEST(FacilityJob, OutsideThePoliceSmallCountsAreHiddenWithTheirComplements)
{
    jobtest::TempFolder tmp;
    std::string facilities = "id;naam;x;y\n", csv = "x;y;code;datum\n";
    const int burglaries[] = {30, 3, 12, 0}, robberies[] = {10, 0, 2, 0};
    for (int f = 0; f < 4; ++f) {
        const double x = 150000 + 1000.0 * f, y = 450000;
        facilities += fmt::format("{};school {};{};{}\n", f + 1, f + 1, x, y);
        for (int k = 0; k < burglaries[f]; ++k) csv += fmt::format("{};{};1.3.1;2023-03-{:02}\n", x + k, y, 1 + k % 28);
        for (int k = 0; k < robberies[f]; ++k) csv += fmt::format("{};{};1.4.4;2023-04-{:02}\n", x, y + k, 1 + k % 28);
    }
    csv += "150000;450000;1.3.1;2021-01-01\n"; // outside the period
    jobtest::writeText(tmp.path() / "scholen.csv", facilities);
    jobtest::writeText(tmp.path() / "reg.csv", csv);
    pipeline::FacilityJobOptions o;
    o.incidents.path = (tmp.path() / "reg.csv").string();
    o.incidents.assumeCrs = "EPSG:28992";
    o.facilities.path = (tmp.path() / "scholen.csv").string();
    o.facilities.assumeCrs = "EPSG:28992";
    o.from = "2023-01-01";
    o.to = "2023-12-31";
    o.radius = 100;
    o.out = tmp.path() / "uit";
    pipeline::CollectingReporter reporter;
    const auto r = pipeline::runFacilityJob(o, reporter);
    EXPECT_EQ(r.registrationsUsed, 57u);
    EXPECT_EQ(r.total, (std::vector<std::uint64_t>{40, 3, 14, 0}));
    EXPECT_EQ(r.rank, (std::vector<std::size_t>{1, 3, 2, 4}));
    ASSERT_EQ(r.totalHidden.size(), 4u);
    EXPECT_EQ(r.totalHidden, (std::vector<bool>{false, true, true, false})) << "3 and its partner 14";
    EXPECT_EQ(r.themesHidden, (std::vector<bool>{false, true, true, false}));

    // facilities.csv as a reader gets it (Dutch CSV: ';').
    std::ifstream in(o.out / "facilities.csv");
    std::string header, line;
    std::getline(in, header);
    EXPECT_EQ(header.find(";p;"), std::string::npos) << header;
    EXPECT_EQ(header.find("n_ring"), std::string::npos) << header;
    EXPECT_NE(header.find("n_woninginbraak"), std::string::npos) << header;
    std::vector<std::string> rows;
    while (std::getline(in, line)) rows.push_back(line);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_NE(rows[0].find(";40;"), std::string::npos) << rows[0];
    EXPECT_EQ(rows[1].find(";3;"), std::string::npos) << rows[1];
    EXPECT_NE(rows[1].find("geheim"), std::string::npos) << rows[1];
    EXPECT_EQ(rows[2].find(";14;"), std::string::npos) << rows[2];

    std::ifstream js(o.out / "summary.json");
    const auto summary = nlohmann::json::parse(js);
    EXPECT_EQ(summary["audience"], "extern");
    EXPECT_EQ(summary["suppression"]["hidden_totals"], 2);
    EXPECT_FALSE(summary.contains("registrations_near_a_facility"));
    EXPECT_EQ(summary["bad_date"], 1);
    EXPECT_NE(pipeline::schema::layer(pipeline::schema::role::facilities), nullptr);
    EXPECT_NE(pipeline::schema::layer(pipeline::schema::role::facilityConcentration), nullptr);
}

} // namespace
} // namespace gebiedscan
