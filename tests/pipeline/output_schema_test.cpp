// The output schema itself: roles are unique, families match only valid suffixes, exact ids win
// over families, and the columns it builds carry the schema's type and Dutch description.
#include "gebiedscan/pipeline/output_schema.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace gebiedscan;
namespace schema = gebiedscan::pipeline::schema;

TEST(OutputSchema, EveryRoleIsUniqueDescribedAndFound)
{
    std::set<std::string_view> roles;
    for (const auto& l : schema::layers()) {
        EXPECT_TRUE(roles.insert(l.role).second) << l.role;
        EXPECT_FALSE(l.nl.empty()) << l.role;
        EXPECT_FALSE(l.en.empty()) << l.role;
        EXPECT_EQ(schema::layer(l.role), &l);
        std::set<std::string_view> ids;
        for (const auto& c : l.columns) {
            EXPECT_TRUE(ids.insert(c.id).second) << l.role << ": " << c.id << " twice";
            EXPECT_FALSE(c.nl.empty()) << l.role << ": " << c.id;
            EXPECT_FALSE(c.en.empty()) << l.role << ": " << c.id;
        }
    }
    for (auto r :
         {schema::role::scanAreas, schema::role::scanAreaLevel, schema::role::scanHotspots, schema::role::scanHotTimes,
          schema::role::scanFigures, schema::role::hotspotsGrid, schema::role::hotspotsFeatures, schema::role::trends,
          schema::role::trendsPerPeriod, schema::role::blackspotJunctions, schema::role::blackspotSections,
          schema::role::blackspotList, schema::role::blackspotAccidents, schema::role::blackspotKde,
          schema::role::blackspotAreas, schema::role::kdeHeatmap, schema::role::nearRepeat,
          schema::role::nearRepeatAreas, schema::role::fieldMap})
        EXPECT_NE(schema::layer(r), nullptr) << r;
    EXPECT_EQ(schema::layer("no_such_role"), nullptr);
    EXPECT_EQ(roles.size(), 21u); // facilities and facility_concentration: tests/pipeline/facility_job_test.cpp
}

TEST(OutputSchema, OneWordForOneThing)
{
    // `name`, never `naam`, in every layer that names its areas.
    for (const auto& l : schema::layers()) {
        EXPECT_EQ(l.find("naam"), nullptr) << l.role;
        if (l.find(schema::field::code) && l.geometry == schema::GeometryKind::Polygon &&
            l.role != schema::role::hotspotsGrid && l.role != schema::role::hotspotsFeatures) {
            EXPECT_NE(l.find(schema::field::name), nullptr) << l.role;
        }
    }
}

TEST(OutputSchema, FamiliesMatchTheirSuffixRuleOnly)
{
    const auto& areas = *schema::layer(schema::role::scanAreas);
    const auto* n = areas.find("n_woninginbraak");
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(n->id, schema::field::count);
    EXPECT_EQ(n->family, schema::ColumnSpec::Family::Theme);
    EXPECT_EQ(n->type, schema::ValueType::Integer);
    EXPECT_EQ(areas.find("n_total")->id, "n_");
    EXPECT_EQ(areas.find("chg_overig")->unit, "%");
    EXPECT_EQ(areas.find("n_"), nullptr) << "a family needs a suffix";
    EXPECT_EQ(areas.find("n_Woninginbraak"), nullptr) << "theme ids are lower case";
    EXPECT_EQ(areas.find("ref_woninginbraak"), nullptr) << "nothing writes ref_";
    EXPECT_EQ(areas.find("change_pct_woninginbraak"), nullptr);

    // Exact ids win: gi_p_adj is its own column in the hotspots layer, not gi_p_ + "adj".
    const auto& hot = *schema::layer(schema::role::scanHotspots);
    EXPECT_EQ(hot.find("gi_p_adj")->family, schema::ColumnSpec::Family::Single);
    EXPECT_EQ(hot.find("gi_p_woninginbraak")->id, schema::field::themeGiP);
    EXPECT_EQ(hot.find("gi_z")->family, schema::ColumnSpec::Family::Single);

    const auto& times = *schema::layer(schema::role::scanHotTimes);
    EXPECT_NE(times.find("h00"), nullptr);
    EXPECT_NE(times.find("h23"), nullptr);
    EXPECT_EQ(times.find("h24"), nullptr);
    EXPECT_EQ(times.find("h7"), nullptr);

    const auto& junctions = *schema::layer(schema::role::blackspotJunctions);
    EXPECT_EQ(junctions.find("n_2023")->family, schema::ColumnSpec::Family::Year);
    EXPECT_EQ(junctions.find("n_dod")->family, schema::ColumnSpec::Family::Single);
    EXPECT_EQ(junctions.find("n_202"), nullptr);
}

TEST(OutputSchema, ColumnsCarryTypeAndDutchDescription)
{
    const auto c = schema::column(schema::role::scanAreas, schema::field::count, "woninginbraak", "1.3 Woninginbraak");
    EXPECT_EQ(c.name, "n_woninginbraak");
    EXPECT_EQ(c.type, gis::Column::Type::Integer);
    EXPECT_EQ(c.description, "aantal huidige periode: 1.3 Woninginbraak");
    const auto year = schema::column(schema::role::blackspotJunctions, schema::field::accidentsInYear, "2023", "2023");
    EXPECT_EQ(year.name, "n_2023");
    EXPECT_EQ(year.description, "ongevallen in 2023");
    const auto single = schema::column(schema::role::hotspotsGrid, schema::field::neighbours, {}, {}, "band:500 m");
    EXPECT_EQ(single.name, "n_buren");
    EXPECT_EQ(single.description, "aantal buren (band:500 m)");
    EXPECT_THROW((void)schema::column(schema::role::scanAreas, "naam"), std::logic_error);
    EXPECT_THROW((void)schema::column("no_such_role", "code"), std::logic_error);

    gis::Table t;
    schema::tag(t, schema::role::trends);
    EXPECT_EQ(t.metadata.at(std::string(schema::kRoleKey)), "trends");
    EXPECT_EQ(t.metadata.at(std::string(schema::kVersionKey)), schema::kVersion);
    gis::Table other;
    schema::tag(other, schema::role::trendsPerPeriod);
    const std::vector<gis::Table> tables{other, t};
    EXPECT_EQ(&schema::tableWithRole(tables, schema::role::trends), &tables[1]);
    EXPECT_THROW((void)schema::tableWithRole(tables, schema::role::scanAreas), std::logic_error);
}

TEST(OutputSchema, SummaryKeysOfScanAndBlackspots)
{
    std::set<std::string_view> scan;
    for (const auto& k : schema::summaryKeys("scan")) scan.insert(k.id);
    for (auto k : {"input_records", "assigned", "outside", "invalid_geometry", "bad_date", "unknown_category", "themes",
                   "periods", "suppression.rule", "outputs"})
        EXPECT_TRUE(scan.count(k)) << k;
    namespace key = schema::summary;
    for (auto k : {key::themes, key::periods, key::model}) EXPECT_TRUE(scan.count(k)) << k;
    EXPECT_TRUE(scan.count(std::string(key::suppression) + "." + std::string(key::suppressionRule)));
    EXPECT_TRUE(scan.count(std::string(key::incidents) + "." + std::string(key::source)));
    EXPECT_FALSE(schema::summaryKeys("blackspots").empty());
    EXPECT_TRUE(schema::summaryKeys("kde").empty());
}
