// AOL editing: a pin dragged with the "Move AOL" tool moves its candidate (and its area label),
// Delete removes one, and the saved files (GeoPackage, Shapefile, CSV) hold the edited list.
#include "gebiedscan_build_paths.hpp"
#include "main_window.hpp"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace gebiedscan;
using namespace gebiedscan::viewer;

namespace {
QString drenthe()
{
    return QStringLiteral(GEBIEDSCAN_SOURCE_DIR "/data/open/drenthe-gemeenten-2023.geojson");
}
} // namespace

TEST(AolEdit, HitTestFindsPinHeadAndTipTopmostFirst)
{
    MapView v;
    v.size = QSize(400, 300);
    v.centre = {200000, 500000};
    v.metresPerPixel = 10;
    const std::vector<AolMarker> pins{{{200000, 500000}, 1}, {{200050, 500000}, 2}, {{201000, 500000}, 3}};
    const QPointF tip = v.toScreen(pins[0].position);
    EXPECT_EQ(aolMarkerAt(v, pins, tip - QPointF(0, 16)), 1); // head of pin 2 covers pin 1's (5 px apart): topmost
    EXPECT_EQ(aolMarkerAt(v, pins, tip - QPointF(8, 16)), 0); // left part of pin 1's head only
    EXPECT_EQ(aolMarkerAt(v, pins, v.toScreen(pins[2].position)), 2);
    EXPECT_EQ(aolMarkerAt(v, pins, tip + QPointF(0, 30)), -1); // below the tips
    EXPECT_EQ(aolMarkerAt(v, pins, tip + QPointF(40, -16)), -1);
}

TEST(AolEdit, DragMovesPinDeleteRemovesAndSaveReflectsIt)
{
    MainWindow w;
    ASSERT_TRUE(w.openPath(drenthe(), true));
    w.resize(1200, 800);
    w.show();
    QApplication::processEvents();
    auto* canvas = w.canvas();
    canvas->zoomToExtent(w.layers()->extent());
    canvas->waitForFrame();
    // Two pins: Assen (GM0106) and Emmen (GM0114).
    canvas->setTool(MapCanvas::Tool::PlaceAol);
    w.handleClick({233500, 557000});
    w.handleClick({256000, 532000});
    ASSERT_EQ(w.aol()->rowCount(), 2);
    ASSERT_TRUE(w.aol()->candidates()[0].area.contains(QStringLiteral("GM0106")));

    // Move tool: a click on the map adds nothing; dragging pin 1 by its head 60 px right and
    // 40 px down moves it by exactly that many metres.
    canvas->setTool(MapCanvas::Tool::MoveAol);
    w.handleClick({240000, 550000});
    EXPECT_EQ(w.aol()->rowCount(), 2);
    const double mpp = canvas->view().metresPerPixel;
    const QPoint head = (canvas->view().toScreen({233500, 557000}) - QPointF(0, 16)).toPoint();
    const MapView viewBefore = canvas->view();
    QTest::mousePress(canvas, Qt::LeftButton, {}, head);
    QTest::mouseMove(canvas, head + QPoint(30, 20));
    QTest::mouseMove(canvas, head + QPoint(60, 40));
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, head + QPoint(60, 40));
    EXPECT_NEAR(w.aol()->candidates()[0].position.x, 233500 + 60 * mpp, 1e-6);
    EXPECT_NEAR(w.aol()->candidates()[0].position.y, 557000 - 40 * mpp, 1e-6);
    EXPECT_NEAR(canvas->view().centre.x, viewBefore.centre.x, 1e-9); // the map did not pan
    EXPECT_NEAR(w.aol()->candidates()[1].position.x, 256000, 1e-9);  // the other pin stays
    // A far move changes the area label: pin 2 from Emmen to Assen.
    ASSERT_TRUE(w.moveAol(1, {233000, 556500}));
    EXPECT_TRUE(w.aol()->candidates()[1].area.contains(QStringLiteral("GM0106")))
        << w.aol()->candidates()[1].area.toStdString();
    EXPECT_FALSE(w.moveAol(5, {0, 0}));
    // Dragging on the map away from pins still pans.
    QTest::mousePress(canvas, Qt::LeftButton, {}, QPoint(50, 700));
    QTest::mouseMove(canvas, QPoint(80, 700));
    QTest::mouseMove(canvas, QPoint(110, 700));
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, QPoint(110, 700));
    EXPECT_NEAR(canvas->view().centre.x, viewBefore.centre.x - 60 * mpp, 1e-6);

    // Delete key in the AOL list removes the current candidate (pin 1); numbers stay.
    QTableView* list = nullptr;
    for (auto* v : w.findChildren<QTableView*>())
        if (v->model() == w.aol()) list = v;
    ASSERT_NE(list, nullptr);
    w.activateWindow();
    QApplication::setActiveWindow(&w);
    list->setFocus();
    list->setCurrentIndex(w.aol()->index(0, AolModel::Reason));
    QTest::keyClick(list, Qt::Key_Delete);
    ASSERT_EQ(w.aol()->rowCount(), 1);
    EXPECT_EQ(w.aol()->candidates()[0].number, 2);

    // Save and read back: one candidate, at its moved position.
    QTemporaryDir dir;
    w.aol()->save(dir.path());
    for (const char* file : {"aol.gpkg", "aol.shp"}) {
        AolModel loaded;
        loaded.load(QDir(dir.path()).filePath(QString::fromLatin1(file)));
        ASSERT_EQ(loaded.rowCount(), 1) << file;
        EXPECT_EQ(loaded.candidates()[0].number, 2) << file;
        EXPECT_NEAR(loaded.candidates()[0].position.x, 233000, 1e-6) << file;
        EXPECT_NEAR(loaded.candidates()[0].position.y, 556500, 1e-6) << file;
        EXPECT_TRUE(loaded.candidates()[0].area.contains(QStringLiteral("GM0106"))) << file;
    }
    QFile csv(QDir(dir.path()).filePath(QStringLiteral("aol.csv")));
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    EXPECT_EQ(text.count(QLatin1Char('\n')), 2) << text.toStdString(); // header + one candidate
    EXPECT_TRUE(text.contains(QStringLiteral("556500"))) << text.toStdString();
}
