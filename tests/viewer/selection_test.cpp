// Selection of areas: Ctrl+click adds and removes, the sheet and the hour-of-week chart sum the
// selection (a suppressed part makes the sum "geheim", never 0), Ctrl+J zooms to it, Esc clears.
#include "main_window.hpp"
#include "scan_fixture.hpp"
#include "viewer_cli.hpp"

#include <QAction>
#include <QApplication>
#include <QTest>

#include <gtest/gtest.h>

#include <cmath>

using namespace gebiedscan;
using namespace gebiedscan::viewer;
using gebiedscan::viewer::test::writeScan;

namespace {
QString cellText(const AreaSheetModel& m, int column)
{
    return m.data(m.index(0, column), Qt::DisplayRole).toString(); // row 0: woninginbraak
}
} // namespace

TEST(Selection, CtrlClickSumsAreasAndSuppressedPartHidesTheSum)
{
    QTemporaryDir dir;
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeScan(dir), true));
    ASSERT_TRUE(w.setTheme(QStringLiteral("woninginbraak"))); // the viewer opens on the total
    w.resize(1400, 900);
    w.show();
    QApplication::processEvents();
    auto* canvas = w.canvas();
    canvas->zoomToExtent(w.layers()->homeExtent());
    canvas->waitForFrame();
    const auto* sheet = w.sheet();
    const PointRd c1{200250, 500250}, c2{200750, 500250}, c3{201250, 500250};

    // Click C1 (identify), Ctrl+click C3 with the real mouse: both are selected and summed.
    ASSERT_TRUE(w.identifyAt(c1));
    w.waitForHotTimes();
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::ControlModifier, canvas->view().toScreen(c3).toPoint());
    ASSERT_EQ(w.selection(), (std::vector<std::size_t>{0, 2}));
    ASSERT_EQ(sheet->rowCount(), 1);
    EXPECT_EQ(cellText(*sheet, AreaSheetModel::Current), QStringLiteral("12"));              // 12 + 0
    EXPECT_EQ(cellText(*sheet, AreaSheetModel::Reference), QLocale().toString(6.0, 'f', 1)); // 6 + 0
    EXPECT_EQ(cellText(*sheet, AreaSheetModel::Change), QStringLiteral("+100 %"));
    EXPECT_TRUE(sheet->headline().contains(QStringLiteral("Cel 1, Cel 3"))) << sheet->headline().toStdString();
    EXPECT_TRUE(sheet->headline().contains(QStringLiteral("400"))) << sheet->headline().toStdString(); // inhabitants
    EXPECT_TRUE(sheet->headline().contains(QStringLiteral("30 ")))
        << sheet->headline().toStdString();                            // 30 + 0 registrations
    EXPECT_EQ(w.hourChart()->week().state, HourOfWeek::State::Values); // C1's week; C3 had none
    EXPECT_DOUBLE_EQ(w.hourChart()->week().at(0, 22), 3.5);

    // The selection is outlined in orange on screen (left edge of C1, which no other area shares).
    QImage img = canvas->grab().toImage();
    const QPoint edge = (canvas->view().toScreen(PointRd{200000, 500250}) * img.devicePixelRatio()).toPoint();
    const QColor onEdge = img.pixelColor(edge);
    EXPECT_NEAR(onEdge.red(), MapCanvas::selectionColour().red(), 12);
    EXPECT_NEAR(onEdge.green(), MapCanvas::selectionColour().green(), 12);
    EXPECT_NEAR(onEdge.blue(), MapCanvas::selectionColour().blue(), 12);

    // Adding C2, whose woninginbraak is suppressed: the sum is "geheim", not 12; the sum of
    // n_total (nothing hidden) is 50; the week of C2's theme is hidden, so the chart says so.
    ASSERT_TRUE(w.toggleSelectionAt(c2));
    EXPECT_EQ(w.selection().size(), 3u);
    EXPECT_EQ(cellText(*sheet, AreaSheetModel::Current), QStringLiteral("geheim"));
    EXPECT_EQ(cellText(*sheet, AreaSheetModel::Reference), QStringLiteral("geheim"));
    EXPECT_TRUE(sheet->headline().contains(QStringLiteral("50 "))) << sheet->headline().toStdString();
    EXPECT_EQ(w.hourChart()->week().state, HourOfWeek::State::Suppressed);
    // Ctrl+click on a selected area removes it again.
    ASSERT_TRUE(w.toggleSelectionAt(c2));
    EXPECT_EQ(cellText(*sheet, AreaSheetModel::Current), QStringLiteral("12"));
    EXPECT_FALSE(w.toggleSelectionAt({100000, 400000})); // no area there: nothing changes
    EXPECT_EQ(w.selection().size(), 2u);

    // Ctrl+J: the view fits C1 and C3 (x 200000..201500) with a margin, centred on them.
    canvas->zoomToExtent(Envelope{150000, 450000, 250000, 550000});
    w.zoomToSelection();
    const MapView& v = canvas->view();
    EXPECT_NEAR(v.centre.x, 200750, 1);
    EXPECT_NEAR(v.centre.y, 500250, 1);
    const double shownWidth = v.metresPerPixel * v.size.width();
    EXPECT_GT(shownWidth, 1500);
    EXPECT_LT(shownWidth, 10000);

    // Esc clears the selection and the sheet.
    w.activateWindow();
    QApplication::setActiveWindow(&w);
    canvas->setFocus();
    QTest::keyClick(canvas, Qt::Key_Escape);
    EXPECT_TRUE(w.selection().empty());
    EXPECT_EQ(sheet->rowCount(), 0);
    EXPECT_FALSE(w.hourChart()->isVisible());

    // One selected area shows as an ordinary identify; a plain click clears the selection.
    ASSERT_TRUE(w.toggleSelectionAt(c1));
    EXPECT_EQ(cellText(*sheet, AreaSheetModel::Current), QStringLiteral("12"));
    EXPECT_TRUE(sheet->headline().startsWith(QStringLiteral("Cel 1 (C1)"))) << sheet->headline().toStdString();
    ASSERT_TRUE(w.toggleSelectionAt(c2));
    ASSERT_TRUE(w.identifyAt(c3));
    EXPECT_TRUE(w.selection().empty());
}

TEST(Selection, CommandLineSelectTakesPointList)
{
    QString error;
    const auto o = parseViewerArguments(
        {QStringLiteral("scan"), QStringLiteral("--select"), QStringLiteral("233500,557000;240000,555000.5")}, &error);
    ASSERT_TRUE(o.has_value()) << error.toStdString();
    ASSERT_EQ(o->select.size(), 2u);
    EXPECT_DOUBLE_EQ(o->select[1].second, 555000.5);
    EXPECT_FALSE(
        parseViewerArguments({QStringLiteral("scan"), QStringLiteral("--select"), QStringLiteral("1,2;3")}, &error));
}
