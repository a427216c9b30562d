// Every viewer model under QAbstractItemModelTester (Fatal: a broken contract aborts the test).
#include "aol_model.hpp"
#include "area_sheet_model.hpp"
#include "layer_list_model.hpp"
#include "viewer_fixtures.hpp"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace gebiedscan;
using namespace gebiedscan::viewer;
using Tester = QAbstractItemModelTester;

TEST(LayerListModel, PassesModelTesterThroughAddMoveRemove)
{
    LayerListModel model;
    Tester tester(&model, Tester::FailureReportingMode::Fatal);
    QSignalSpy changed(&model, &LayerListModel::mapChanged);
    auto areas = test::sixAreas();
    auto hot = test::hotspots();
    model.addLayer(areas, defaultStyle(*areas));
    model.addLayer(hot, defaultStyle(*hot));
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.layer(0).name, QStringLiteral("hotspots")); // last added is on top
    // Render order is bottom first.
    const auto snaps = model.snapshots();
    ASSERT_EQ(snaps.size(), 2u);
    EXPECT_EQ(snaps.front().data->name, QStringLiteral("areas"));

    EXPECT_TRUE(model.moveRows({}, 1, 1, {}, 0));
    EXPECT_EQ(model.layer(0).name, QStringLiteral("areas"));
    EXPECT_FALSE(model.moveRows({}, 0, 1, {}, 1)); // no-op move is refused
    EXPECT_TRUE(model.setData(model.index(1), Qt::Unchecked, Qt::CheckStateRole));
    EXPECT_EQ(model.snapshots().size(), 1u);
    EXPECT_TRUE(model.setData(model.index(0), 0.4, LayerListModel::OpacityRole));
    EXPECT_DOUBLE_EQ(model.style(0).opacity, 0.4);
    EXPECT_DOUBLE_EQ(model.data(model.index(0), LayerListModel::OpacityRole).toDouble(), 0.4);
    EXPECT_TRUE(model.removeRows(0, 1));
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_GE(changed.count(), 6);
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(LayerListModel, ChoroplethLegendCountsClassesAndGeheim)
{
    LayerListModel model;
    Tester tester(&model, Tester::FailureReportingMode::Fatal);
    auto areas = test::sixAreas();
    LayerStyle s = defaultStyle(*areas);
    s.mode = StyleMode::Choropleth;
    s.field = QStringLiteral("n_woninginbraak");
    s.method = ClassificationMethod::EqualInterval;
    s.classes = 2;
    model.addLayer(areas, s);
    const auto& legend = model.symbology(0).legend;
    // Values 0, 2, 10, 40, NULL, 100: 0 is not a majority (1 of 5), so no zero class;
    // equal interval: 0-50 (4 areas), 50-100 (1), then the hatched geheim entry (1).
    ASSERT_EQ(legend.entries.size(), 3u);
    EXPECT_TRUE(legend.entries[0].label.endsWith(QStringLiteral("(4)")));
    EXPECT_TRUE(legend.entries[1].label.endsWith(QStringLiteral("(1)")));
    EXPECT_TRUE(legend.entries[2].hatched);
    EXPECT_EQ(model.symbology(0).hatched[4], 1);
    EXPECT_EQ(model.symbology(0).hatched[3], 0);
}

TEST(AreaSheetModel, PassesModelTesterAndShowsGeheimNotZero)
{
    AreaSheetModel model;
    Tester tester(&model, Tester::FailureReportingMode::Fatal);
    auto areas = test::sixAreas();
    const std::vector<ThemeInfo> themes{{"woninginbraak", "1.3 Woninginbraak", "1.3", "Woninginbraak"}};
    model.setArea(areas, 5, themes, QStringLiteral("Hotspot"));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.columnCount(), AreaSheetModel::ColumnCount);
    EXPECT_EQ(model.index(0, AreaSheetModel::Theme).data().toString(), QStringLiteral("1.3 Woninginbraak"));
    EXPECT_EQ(model.index(0, AreaSheetModel::Current).data().toString(), QStringLiteral("100"));
    EXPECT_TRUE(model.index(0, AreaSheetModel::Significance).data().toString().contains(QStringLiteral("0.01")) ||
                model.index(0, AreaSheetModel::Significance).data().toString().contains(QStringLiteral("0,01")));
    EXPECT_EQ(model.index(0, AreaSheetModel::Rank).data().toString(), QStringLiteral("1"));
    EXPECT_TRUE(model.index(0, AreaSheetModel::Hotspot).data().toString().isEmpty()); // not per theme
    EXPECT_TRUE(model.headline().contains(QStringLiteral("Hotspot")));
    EXPECT_TRUE(model.headline().contains(QStringLiteral("Buurt 5 (BU5)")));

    model.setArea(areas, 4, themes); // the suppressed one
    EXPECT_EQ(model.index(0, AreaSheetModel::Current).data().toString(), model.tr("geheim"));
    EXPECT_NE(model.index(0, AreaSheetModel::Current).data().toString(), QStringLiteral("0"));
    model.clearArea();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(AolModel, PassesModelTesterAndRoundTripsThroughGeoPackage)
{
    AolModel model;
    Tester tester(&model, Tester::FailureReportingMode::Fatal);
    model.addCandidate({0,
                        {201234.5, 500321.0},
                        "BU1 Buurt 1",
                        "Woninginbraak",
                        "hotspot 99%",
                        "gemeente; woningcorporatie",
                        "2025 Q1"});
    model.addCandidate({0, {203000.0, 500500.0}, "BU3 Buurt 3", "Geweld", "uitgaansgebied", "horeca", "2025"});
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.candidates()[1].number, 2);
    EXPECT_TRUE(model.setData(model.index(1, AolModel::Reason), QStringLiteral("uitgaan, vrijdagnacht"), Qt::EditRole));
    EXPECT_FALSE(model.setData(model.index(1, AolModel::X), 5.0, Qt::EditRole)); // position is not text-editable
    EXPECT_FALSE(model.flags(model.index(0, AolModel::Area)) & Qt::ItemIsEditable);

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    model.save(dir.path());
    for (const char* f : {"aol.gpkg", "aol.shp", "aol.dbf", "aol.csv"})
        EXPECT_TRUE(QFile::exists(QDir(dir.path()).filePath(QString::fromLatin1(f)))) << f;

    AolModel loaded;
    Tester tester2(&loaded, Tester::FailureReportingMode::Fatal);
    loaded.load(QDir(dir.path()).filePath(QStringLiteral("aol.gpkg")));
    ASSERT_EQ(loaded.rowCount(), 2);
    EXPECT_EQ(loaded.candidates()[1].reason, QStringLiteral("uitgaan, vrijdagnacht"));
    EXPECT_EQ(loaded.candidates()[0].partners, QStringLiteral("gemeente; woningcorporatie"));
    EXPECT_NEAR(loaded.candidates()[0].position.x, 201234.5, 1e-6);
    EXPECT_NEAR(loaded.candidates()[0].position.y, 500321.0, 1e-6);
    // The shapefile reads back the same.
    AolModel fromShp;
    fromShp.load(QDir(dir.path()).filePath(QStringLiteral("aol.shp")));
    ASSERT_EQ(fromShp.rowCount(), 2);
    EXPECT_EQ(fromShp.candidates()[1].theme, QStringLiteral("Geweld"));
    // The CSV (Dutch Excel: ';' separated) names every candidate.
    QFile csv(QDir(dir.path()).filePath(QStringLiteral("aol.csv")));
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    EXPECT_TRUE(text.contains(QStringLiteral("hotspot 99%")));
    EXPECT_TRUE(text.contains(QLatin1Char(';')));

    EXPECT_TRUE(loaded.removeRows(0, 1));
    EXPECT_EQ(loaded.rowCount(), 1);
}
