// The real window and command line on real open data (Drenthe municipalities, CBS/Kadaster).
#include "main_window.hpp"
#include "viewer_cli.hpp"

#include <QApplication>
#include <QTemporaryDir>
#include <QTranslator>

#include <gtest/gtest.h>

using namespace gebiedscan;
using namespace gebiedscan::viewer;

namespace {
QString drenthe() { return QStringLiteral(GEBIEDSCAN_SOURCE_DIR "/data/open/drenthe-gemeenten-2023.geojson"); }
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
