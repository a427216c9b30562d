// The real window and command line on real open data (Drenthe municipalities, CBS/Kadaster).
#include "gebiedscan_build_paths.hpp"
#include "main_window.hpp"
#include "viewer_cli.hpp"

#include <QApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QWheelEvent>

#include <gtest/gtest.h>

using namespace gebiedscan;
using namespace gebiedscan::viewer;

namespace {
QString drenthe()
{
    return QStringLiteral(GEBIEDSCAN_SOURCE_DIR "/data/open/drenthe-gemeenten-2023.geojson");
}
} // namespace

TEST(MainWindow, OpensLayerIdentifiesAssenAndPlacesAol)
{
    MainWindow w;
    ASSERT_TRUE(w.openPath(drenthe(), true));
    ASSERT_EQ(w.layers()->rowCount(), 1);
    EXPECT_EQ(w.layers()->layer(0).featureCount(), 12u);
    // Assen (GM0106) town centre, RD New.
    EXPECT_TRUE(w.identifyAt({233500, 557000}));
    EXPECT_TRUE(w.sheet()->headline().contains(QStringLiteral("Assen"))) << w.sheet()->headline().toStdString();
    EXPECT_FALSE(w.identifyAt({100000, 400000})); // outside Drenthe
    w.canvas()->setTool(MapCanvas::Tool::PlaceAol);
    w.handleClick({233500, 557000});
    ASSERT_EQ(w.aol()->rowCount(), 1);
    EXPECT_TRUE(w.aol()->candidates()[0].area.contains(QStringLiteral("GM0106")));
    EXPECT_FALSE(w.openPath(QStringLiteral("/no/such/folder"), true));
}

TEST(MainWindow, CanvasRendersInBackgroundAndFrameShowsAreas)
{
    MainWindow w;
    ASSERT_TRUE(w.openPath(drenthe(), true));
    w.resize(1200, 800);
    w.show();
    QApplication::processEvents();
    w.canvas()->zoomToExtent(w.layers()->extent());
    w.canvas()->waitForFrame();
    const QImage frame = w.canvas()->frame();
    ASSERT_FALSE(frame.isNull());
    const auto& l = w.layers()->layer(0);
    const QPointF p = w.canvas()->view().toScreen(l.labelPoints[0]) * frame.devicePixelRatio();
    EXPECT_EQ(frame.pixel(p.toPoint()) & 0xffffffu, defaultStyle(l).fill.rgb() & 0xffffffu);
}

TEST(ViewerCli, ParsesOptionsAndRejectsBadOnes)
{
    QString error;
    auto o = parseViewerArguments({QStringLiteral("scan"), QStringLiteral("--screenshot"), QStringLiteral("a.png"),
                                   QStringLiteral("--size"), QStringLiteral("800x600"), QStringLiteral("--lang"),
                                   QStringLiteral("en"), QStringLiteral("--theme"), QStringLiteral("geweld")},
                                  &error);
    ASSERT_TRUE(o.has_value()) << error.toStdString();
    EXPECT_EQ(o->size, QSize(800, 600));
    EXPECT_EQ(o->language, QStringLiteral("en"));
    EXPECT_EQ(o->inputs, QStringList{QStringLiteral("scan")});
    EXPECT_FALSE(parseViewerArguments({QStringLiteral("x"), QStringLiteral("--size"), QStringLiteral("80x")}, &error));
    EXPECT_FALSE(parseViewerArguments({QStringLiteral("--screenshot"), QStringLiteral("a.png")}, &error)); // no input
    EXPECT_FALSE(parseViewerArguments({QStringLiteral("x"), QStringLiteral("--lang"), QStringLiteral("fr")}, &error));
    EXPECT_FALSE(parseViewerArguments({QStringLiteral("x"), QStringLiteral("--bogus")}, &error));
}

TEST(ViewerCli, ScreenshotWritesMapWithAreaColourAtAssen)
{
    QTemporaryDir dir;
    ViewerOptions o;
    o.inputs = {drenthe()};
    o.screenshot = dir.filePath(QStringLiteral("kaart.png"));
    o.size = QSize(900, 700);
    ASSERT_EQ(runViewer(*qApp, o), 0);
    QImage img(o.screenshot);
    ASSERT_EQ(img.size(), QSize(900, 700));
    // Count area-fill pixels: the 12 municipalities cover a good part of the sheet.
    int fill = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) fill += (img.pixel(x, y) & 0xffffffu) == 0xf0eee6u;
    EXPECT_GT(fill, 900 * 700 / 6);
}

TEST(Translation, DutchIsDefaultAndEnglishAvailable)
{
    auto& app = *qApp;
    auto removeAll = [&] {
        for (auto* t : app.findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    };
    ASSERT_TRUE(installTranslation(static_cast<QApplication&>(app), QStringLiteral("nl")));
    EXPECT_EQ(QCoreApplication::translate("Legend", "Not significant"), QStringLiteral("Niet significant"));
    EXPECT_EQ(QCoreApplication::translate("gebiedscan::viewer::MainWindow", "Layers"), QStringLiteral("Lagen"));
    EXPECT_EQ(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1.234,5"));
    removeAll();
    ASSERT_TRUE(installTranslation(static_cast<QApplication&>(app), QStringLiteral("en")));
    EXPECT_EQ(QCoreApplication::translate("Legend", "Not significant"), QStringLiteral("Not significant"));
    removeAll();
    EXPECT_FALSE(installTranslation(static_cast<QApplication&>(app), QStringLiteral("xx")));
    removeAll();
    QLocale::setDefault(QLocale::c());
}

TEST(MapCanvas, DragPansWheelZoomsKeysMoveAndClickIdentifies)
{
    MainWindow w;
    ASSERT_TRUE(w.openPath(drenthe(), true));
    w.resize(1200, 800);
    w.show();
    QApplication::processEvents();
    auto* canvas = w.canvas();
    canvas->zoomToExtent(w.layers()->extent());
    canvas->waitForFrame();
    const MapView before = canvas->view();
    // Drag 100 px to the right: the map follows the mouse, so the centre moves west.
    QTest::mousePress(canvas, Qt::LeftButton, {}, QPoint(300, 300));
    QTest::mouseMove(canvas, QPoint(350, 300));
    QTest::mouseMove(canvas, QPoint(400, 300));
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, QPoint(400, 300));
    EXPECT_NEAR(canvas->view().centre.x, before.centre.x - 100 * before.metresPerPixel, 1e-6);
    EXPECT_NEAR(canvas->view().centre.y, before.centre.y, 1e-6);
    // The drag did not identify anything (it was not a click).
    EXPECT_TRUE(w.sheet()->headline().isEmpty());
    // Keys: + zooms in by 1.5, Left pans by a quarter of the short side.
    const double mpp = canvas->view().metresPerPixel;
    QTest::keyClick(canvas, Qt::Key_Plus);
    EXPECT_NEAR(canvas->view().metresPerPixel, mpp / 1.5, 1e-9);
    const double x = canvas->view().centre.x;
    QTest::keyClick(canvas, Qt::Key_Left);
    EXPECT_LT(canvas->view().centre.x, x);
    // Wheel: one notch zooms in by 1.25 around the cursor.
    const double mpp2 = canvas->view().metresPerPixel;
    QWheelEvent wheel(QPointF(200, 200), canvas->mapToGlobal(QPointF(200, 200)), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas, &wheel);
    EXPECT_NEAR(canvas->view().metresPerPixel, mpp2 / 1.25, 1e-9);
    // Home fits everything again; a click on Assen identifies it.
    QTest::keyClick(canvas, Qt::Key_Home);
    const QPointF assen = canvas->view().toScreen({233500, 557000});
    QTest::mouseClick(canvas, Qt::LeftButton, {}, assen.toPoint());
    EXPECT_TRUE(w.sheet()->headline().contains(QStringLiteral("Assen")));
    canvas->waitForFrame();
    EXPECT_FALSE(canvas->frame().isNull());
}
