// A scan folder as `gebiedscan scan` writes it (gebiedscan.gpkg with areas, areas_gemeente and the
// long figures table; summary.json; <layer>_velden.csv), built here with the project's writers.
#include "main_window.hpp"
#include "scan_project.hpp"

#include "gebiedscan/gis/table_writer.hpp"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

using namespace gebiedscan;
using namespace gebiedscan::viewer;

namespace {

gis::FeatureGeometry squareGeometry(double x, double y, double size)
{
    gis::FeatureGeometry g;
    g.kind = gis::FeatureGeometry::Kind::Polygon;
    g.polygons = {Polygon{{{{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}}}}};
    return g;
}

// Three cells in gemeente GM0001: counts of woninginbraak 2024 = 12, NULL (geheim), 0;
// figures for 2023: 5, 7 and no row (sparse: 0); one NULL in 2023 for the gemeente.
QString writeScanFolder(const QTemporaryDir& dir)
{
    using T = gis::Column::Type;
    gis::Table areas;
    areas.name = "areas";
    areas.columns = {{"code", T::String, ""},
                     {"name", T::String, ""},
                     {"level", T::String, ""},
                     {"n_total", T::Integer, ""},
                     {"n_woninginbraak", T::Integer, ""},
                     {"exp_woninginbraak", T::Real, ""},
                     {"chg_woninginbraak", T::Real, ""},
                     {"p_woninginbraak", T::Real, ""},
                     {"sig_woninginbraak", T::String, ""}};
    areas.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    const gis::Value geheim = gis::Suppressed{};
    areas.rows = {{std::string("C1"), std::string("Cel 1"), std::string("cel"), std::int64_t{30}, std::int64_t{12}, 6.0,
                   100.0, 0.02, std::string("stijging")},
                  {std::string("C2"), std::string("Cel 2"), std::string("cel"), std::int64_t{20}, geheim, geheim,
                   geheim, geheim, std::string("geheim")},
                  {std::string("C3"), std::string("Cel 3"), std::string("cel"), std::int64_t{0}, std::int64_t{0}, 0.0,
                   gis::Value{}, 1.0, std::string("")}};
    areas.geometries = {squareGeometry(200000, 500000, 500), squareGeometry(200500, 500000, 500),
                        squareGeometry(201000, 500000, 500)};
    gis::Table gemeente;
    gemeente.name = "areas_gemeente";
    gemeente.columns = {{"code", T::String, ""},
                        {"name", T::String, ""},
                        {"level", T::String, ""},
                        {"n_woninginbraak", T::Integer, ""}};
    gemeente.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    gemeente.rows = {{std::string("GM0001"), std::string("Testgemeente"), std::string("gemeente"), std::int64_t{15}}};
    gemeente.geometries = {squareGeometry(200000, 500000, 1500)};
    gis::Table figures;
    figures.name = "figures";
    figures.columns = {{"level", T::String, ""}, {"area_code", T::String, ""}, {"theme_number", T::String, ""},
                       {"theme", T::String, ""}, {"category", T::String, ""},  {"period", T::String, ""},
                       {"count", T::Integer, ""}};
    const auto row = [](const char* level, const char* area, const char* category, const char* period,
                        gis::Value count) {
        return std::vector<gis::Value>{
            std::string(level),    std::string(area),   std::string("1.3"), std::string("Woninginbraak"),
            std::string(category), std::string(period), std::move(count)};
    };
    figures.rows = {
        row("cel", "C1", "", "2023", std::int64_t{5}), row("cel", "C1", "Inbraak woning", "2023", std::int64_t{5}),
        row("cel", "C2", "", "2023", std::int64_t{7}), row("cel", "C1", "", "2024", std::int64_t{12}),
        row("cel", "C2", "", "2024", geheim),          row("gemeente", "GM0001", "", "2023", geheim)};
    gis::writeGeoPackage(QDir(dir.path()).filePath(QStringLiteral("gebiedscan.gpkg")).toStdString(),
                         {areas, gemeente, figures}, {});
    QFile summary(QDir(dir.path()).filePath(QStringLiteral("summary.json")));
    EXPECT_TRUE(summary.open(QIODevice::WriteOnly));
    summary.write(R"({"periods": [{"id": "2023", "role": "reference"}, {"id": "2024", "role": "current"}],
                      "suppression": {"rule": "aantallen 1 t/m 4 getoond als 'geheim'; meer"}, "model": "Testmodel"})");
    summary.close();
    QFile velden(QDir(dir.path()).filePath(QStringLiteral("gebiedscan_cel_velden.csv")));
    EXPECT_TRUE(velden.open(QIODevice::WriteOnly));
    velden.write(
        "veld_shapefile;veld;omschrijving\nn_woningin;n_woninginbraak;aantal huidige periode: 1.3 Woninginbraak\n");
    velden.close();
    return dir.path();
}

} // namespace

TEST(ScanProject, OpensScanFolderWithThemesPeriodsAndSparseFigures)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    LayerListModel layers;
    ScanProject project(&layers);
    project.open(writeScanFolder(dir));
    ASSERT_EQ(layers.rowCount(), 2); // boundaries on top, cells below
    const int row = project.areaRow();
    ASSERT_GE(row, 0);
    EXPECT_EQ(layers.layer(row).sourceLayer, QStringLiteral("areas"));
    ASSERT_EQ(project.themes().size(), 1u);
    EXPECT_EQ(project.themes()[0].label, QStringLiteral("1.3 Woninginbraak")); // from the _velden.csv
    EXPECT_EQ(project.themes()[0].number, QStringLiteral("1.3"));
    EXPECT_EQ(project.periods(), (QStringList{QStringLiteral("2023"), QStringLiteral("2024")}));
    EXPECT_EQ(project.currentPeriodLabel(), QStringLiteral("2024"));
    EXPECT_TRUE(project.sourceNote().contains(QStringLiteral("geheim")));

    // Current period: the n_ field; the suppressed cell is hatched, never 0.
    project.showTheme(QStringLiteral("woninginbraak"), QStringLiteral("n"), {});
    EXPECT_EQ(layers.style(row).field, QStringLiteral("n_woninginbraak"));
    EXPECT_EQ(layers.symbology(row).hatched[1], 1);
    EXPECT_EQ(layers.symbology(row).hatched[2], 0);

    // 2023 from the figures table: C1 = 5 (the theme total, not total + category), C2 = 7,
    // C3 has no row (no registrations) = 0.
    project.showTheme(QStringLiteral("woninginbraak"), QStringLiteral("n"), QStringLiteral("2023"));
    const auto& values = *layers.style(row).values;
    ASSERT_EQ(values.size(), 3u);
    EXPECT_DOUBLE_EQ(values[0], 5.0);
    EXPECT_DOUBLE_EQ(values[1], 7.0);
    EXPECT_DOUBLE_EQ(values[2], 0.0);
    EXPECT_TRUE(layers.symbology(row).legend.title.contains(QStringLiteral("2023")));
    EXPECT_TRUE(std::isnan(project.figures().count(QStringLiteral("gemeente"), QStringLiteral("GM0001"),
                                                   QStringLiteral("1.3"), QStringLiteral("2023"))));
    EXPECT_TRUE(std::isnan(project.figures().count(QStringLiteral("buurt"), QStringLiteral("X"), QStringLiteral("1.3"),
                                                   QStringLiteral("2023"))));

    // Change uses chg_<theme> on a diverging ramp.
    project.showTheme(QStringLiteral("woninginbraak"), QStringLiteral("change_pct"), {});
    EXPECT_EQ(layers.style(row).field, QStringLiteral("chg_woninginbraak"));
    EXPECT_EQ(layers.style(row).ramp, QStringLiteral("RdBu"));
}

TEST(ScanProject, WindowIdentifiesCellNotBoundaryAndReloadsAol)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString folder = writeScanFolder(dir);
    {
        MainWindow w;
        ASSERT_TRUE(w.openPath(folder, true));
        EXPECT_TRUE(w.identifyAt({200250, 500250}));
        EXPECT_TRUE(w.sheet()->headline().contains(QStringLiteral("Cel 1 (C1)")))
            << w.sheet()->headline().toStdString();
        ASSERT_EQ(w.sheet()->rowCount(), 1);
        EXPECT_EQ(w.sheet()->index(0, AreaSheetModel::Significance).data().toString(), QStringLiteral("stijging"));
        w.canvas()->setTool(MapCanvas::Tool::PlaceAol);
        w.handleClick({200750, 500250});
        ASSERT_EQ(w.aol()->rowCount(), 1);
        EXPECT_TRUE(w.aol()->candidates()[0].area.startsWith(QStringLiteral("C2")));
        w.aol()->save(folder);
    }
    MainWindow again; // reopening the folder shows the saved AOL list again
    ASSERT_TRUE(again.openPath(folder, true));
    ASSERT_EQ(again.aol()->rowCount(), 1);
    EXPECT_NEAR(again.aol()->candidates()[0].position.x, 200750, 1e-6);
}

TEST(MainWindow, ExportsPngAtDpiAndPdf)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeScanFolder(dir), true));
    w.resize(1000, 700);
    w.canvas()->zoomToExtent(w.layers()->extent());
    const QString png = QDir(dir.path()).filePath(QStringLiteral("kaart.png"));
    ASSERT_TRUE(w.exportPng(png, 192));
    const QImage img(png);
    EXPECT_EQ(img.width(), w.canvas()->view().size.width() * 2); // 192 dpi = 2 x 96
    EXPECT_NEAR(img.dotsPerMeterX(), 192 / 0.0254, 1);
    const QString pdf = QDir(dir.path()).filePath(QStringLiteral("kaart.pdf"));
    ASSERT_TRUE(w.exportPdf(pdf));
    QFile f(pdf);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.read(5).startsWith("%PDF-"));
    EXPECT_GT(f.size(), 20000);
}

TEST(MainWindow, SuggestsAolFromTheRanking)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeScanFolder(dir), true));
    ASSERT_TRUE(w.setTheme(QStringLiteral("woninginbraak"))); // the viewer opens on the total
    // No hot spots or black spots: the areas with most registrations of the theme; only C1 has
    // a positive count (C2 is geheim, C3 is 0), so one candidate.
    EXPECT_EQ(w.suggestAol(5), 1);
    ASSERT_EQ(w.aol()->rowCount(), 1);
    EXPECT_TRUE(w.aol()->candidates()[0].area.startsWith(QStringLiteral("C1")));
    EXPECT_TRUE(w.aol()->candidates()[0].reason.contains(QStringLiteral("12")));
}

TEST(MainWindow, OpeningAnotherFolderReplacesTheProject)
{
    QTemporaryDir a, b;
    ASSERT_TRUE(a.isValid() && b.isValid());
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeScanFolder(a), true));
    w.handleClick({200250, 500250}); // identify
    w.canvas()->setTool(MapCanvas::Tool::PlaceAol);
    w.handleClick({200250, 500250});
    ASSERT_EQ(w.aol()->rowCount(), 1);
    ASSERT_TRUE(w.openPath(writeScanFolder(b), true, true));
    EXPECT_EQ(w.layers()->rowCount(), 2); // not 4
    EXPECT_EQ(w.aol()->rowCount(), 0);
    EXPECT_EQ(w.sheet()->rowCount(), 0);
    EXPECT_EQ(w.project().themes().size(), 1u);
}
