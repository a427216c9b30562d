// Roles from the layers' metadata decide what a layer is, not its file or layer name; theme
// labels come from summary.json; folders written before roles were stored still open (guessed).
#include "scan_project.hpp"

#include "gebiedscan/gis/table_writer.hpp"
#include "gebiedscan/pipeline/output_schema.hpp"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace gebiedscan;
using namespace gebiedscan::viewer;
namespace schema = gebiedscan::pipeline::schema;

namespace {

gis::FeatureGeometry square(double x, double y, double size)
{
    gis::FeatureGeometry g;
    g.kind = gis::FeatureGeometry::Kind::Polygon;
    g.polygons = {Polygon{{{{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}}}}};
    return g;
}

gis::FeatureGeometry line(double x, double y)
{
    gis::FeatureGeometry g;
    g.kind = gis::FeatureGeometry::Kind::Line;
    g.lines = {{{x, y}, {x + 400, y}}};
    return g;
}

// A scan and a black-spot run in one folder. The scan's finest level is deliberately not named
// `areas` (its role says what it is); the black-spot file has an `areas` layer of its own.
QString writeFolder(const QTemporaryDir& dir, bool withRoles)
{
    using T = gis::Column::Type;
    const auto tagged = [&](gis::Table t, std::string_view role) {
        if (withRoles) schema::tag(t, role);
        return t;
    };
    gis::Table cells;
    cells.name = withRoles ? "cellen" : "areas";
    cells.columns = {schema::column(schema::role::scanAreas, schema::field::code),
                     schema::column(schema::role::scanAreas, schema::field::name),
                     schema::column(schema::role::scanAreas, schema::field::count, schema::kTotalTheme),
                     schema::column(schema::role::scanAreas, schema::field::count, "woninginbraak")};
    cells.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    cells.rows = {{std::string("C1"), std::string("Cel 1"), std::int64_t{9}, std::int64_t{4}},
                  {std::string("C2"), std::string("Cel 2"), std::int64_t{3}, std::int64_t{1}}};
    cells.geometries = {square(200000, 500000, 500), square(200500, 500000, 500)};
    gis::writeGeoPackage(QDir(dir.path()).filePath(QStringLiteral("gebiedscan.gpkg")).toStdString(),
                         {tagged(cells, schema::role::scanAreas)}, {});

    gis::Table areas;
    areas.name = "areas";
    areas.columns = {{"code", T::String, ""}, {"name", T::String, ""}, {"n_ongevallen", T::Integer, ""}};
    areas.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    areas.rows = {{std::string("GM1"), std::string("Gemeente"), std::int64_t{12}}};
    areas.geometries = {square(199000, 499000, 3000)};
    gis::Table kde;
    kde.name = "kde";
    kde.columns = {{"wvk_id", T::String, ""}, {"dichtheid_per_km", T::Real, ""}};
    kde.geometryKind = gis::FeatureGeometry::Kind::Line;
    kde.rows = {{std::string("W1"), 2.5}};
    kde.geometries = {line(200000, 500200)};
    gis::writeGeoPackage(QDir(dir.path()).filePath(QStringLiteral("blackspots.gpkg")).toStdString(),
                         {tagged(areas, schema::role::blackspotAreas), tagged(kde, schema::role::blackspotKde)}, {});

    QFile summary(QDir(dir.path()).filePath(QStringLiteral("summary.json")));
    EXPECT_TRUE(summary.open(QIODevice::WriteOnly));
    summary.write(R"({"themes": [{"id": "woninginbraak", "number": "1.3", "label": "Woninginbraak"}]})");
    summary.close();
    return dir.path();
}

const LayerData* byRole(const LayerListModel& layers, std::string_view role)
{
    for (int r = 0; r < layers.rowCount(); ++r)
        if (layers.layer(r).role == QString::fromUtf8(role.data(), static_cast<qsizetype>(role.size())))
            return &layers.layer(r);
    return nullptr;
}

} // namespace

TEST(SchemaRoles, StoredRolesDecideKindAndMainAreaLayer)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    LayerListModel layers;
    ScanProject project(&layers);
    project.open(writeFolder(dir, true));
    ASSERT_EQ(layers.rowCount(), 3);
    const int row = project.areaRow();
    ASSERT_GE(row, 0);
    EXPECT_EQ(layers.layer(row).sourceLayer, QStringLiteral("cellen")) << "the role, not the name `areas`";
    EXPECT_TRUE(layers.layer(row).source.endsWith(QStringLiteral("gebiedscan.gpkg")));

    const LayerData* accidents = byRole(layers, schema::role::blackspotAreas);
    ASSERT_NE(accidents, nullptr);
    EXPECT_EQ(accidents->kind, LayerKind::Areas) << "black-spot areas are areas, not black spots";
    for (int r = 0; r < layers.rowCount(); ++r)
        if (&layers.layer(r) == accidents) {
            EXPECT_FALSE(layers.style(r).visible) << "hidden at first: it would cover the scan's choropleth";
        }
    EXPECT_TRUE(layers.style(row).visible);
    const LayerData* kde = byRole(layers, schema::role::blackspotKde);
    ASSERT_NE(kde, nullptr);
    EXPECT_EQ(kde->kind, LayerKind::Lines);

    // One theme (n_total is the total, n_ongevallen belongs to the black-spot areas), labelled
    // from summary.json: number and name as written, no prose cut up.
    ASSERT_EQ(project.themes().size(), 1u);
    EXPECT_EQ(project.themes()[0].id, QStringLiteral("woninginbraak"));
    EXPECT_EQ(project.themes()[0].label, QStringLiteral("1.3 Woninginbraak"));
    EXPECT_EQ(project.themes()[0].number, QStringLiteral("1.3"));
    EXPECT_EQ(project.themes()[0].name, QStringLiteral("Woninginbraak"));
    EXPECT_TRUE(ScanProject::themesOf(*accidents).empty());
}

TEST(SchemaRoles, FoldersWithoutRolesAreGuessedOnce)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    LayerListModel layers;
    ScanProject project(&layers);
    project.open(writeFolder(dir, false));
    ASSERT_EQ(layers.rowCount(), 3);
    const int row = project.areaRow();
    ASSERT_GE(row, 0);
    EXPECT_EQ(layers.layer(row).role, QString::fromUtf8(schema::role::scanAreas.data()));
    EXPECT_TRUE(layers.layer(row).source.endsWith(QStringLiteral("gebiedscan.gpkg")));
    const LayerData* accidents = byRole(layers, schema::role::blackspotAreas);
    ASSERT_NE(accidents, nullptr);
    EXPECT_EQ(accidents->kind, LayerKind::Areas);
    const LayerData* kde = byRole(layers, schema::role::blackspotKde);
    ASSERT_NE(kde, nullptr);
    EXPECT_EQ(kde->kind, LayerKind::Lines);
    ASSERT_EQ(project.themes().size(), 1u);
    EXPECT_EQ(project.themes()[0].label, QStringLiteral("1.3 Woninginbraak"));
}
