// The identify sheet's hour-of-week chart, from the scan's hot_times table (level, area_code,
// theme, day ma..zo, h00..h23; NULL hours = suppressed), written here with the project's writers.
#include "hot_times.hpp"
#include "hour_of_week_chart.hpp"
#include "main_window.hpp"
#include "scan_fixture.hpp"
#include "viewer_cli.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTranslator>

#include <gtest/gtest.h>

#include <cmath>

using namespace gebiedscan;
using namespace gebiedscan::viewer;
using gebiedscan::viewer::test::writeScan;

namespace {

QRgb pixelAt(const QImage& img, QPointF p)
{
    return img.pixel(p.toPoint()) & 0xffffffu;
}

} // namespace

TEST(HotTimes, TableReadsWeeksKeepsSuppressedAndSparseApart)
{
    QTemporaryDir dir;
    const QString gpkg = QDir(writeScan(dir)).filePath(QStringLiteral("gebiedscan.gpkg"));
    const auto table = HotTimesTable::load(gpkg, QStringLiteral("hot_times"));
    EXPECT_EQ(table.size(), 4u);
    const auto c1 = table.week(QStringLiteral("cel"), QStringLiteral("C1"), QStringLiteral("woninginbraak"));
    ASSERT_EQ(c1.state, HourOfWeek::State::Values);
    EXPECT_DOUBLE_EQ(c1.at(0, 22), 3.5); // Monday 22-23 h
    EXPECT_DOUBLE_EQ(c1.at(4, 1), 1.25); // Friday 01-02 h
    EXPECT_DOUBLE_EQ(c1.at(6, 12), 0.0); // only in the total
    EXPECT_DOUBLE_EQ(c1.max(), 3.5);
    EXPECT_DOUBLE_EQ(c1.total(), 4.75);
    EXPECT_DOUBLE_EQ(table.week(QStringLiteral("cel"), QStringLiteral("C1"), QStringLiteral("total")).at(6, 12), 2.0);
    // NULL hours: suppressed, never zeros; an area without rows had no registrations.
    const auto c2 = table.week(QStringLiteral("cel"), QStringLiteral("C2"), QStringLiteral("woninginbraak"));
    EXPECT_EQ(c2.state, HourOfWeek::State::Suppressed);
    EXPECT_EQ(table.week(QStringLiteral("cel"), QStringLiteral("C3"), QStringLiteral("woninginbraak")).state,
              HourOfWeek::State::NoRegistrations);
    EXPECT_EQ(table.week(QStringLiteral("gemeente"), QStringLiteral("C1"), QStringLiteral("woninginbraak")).state,
              HourOfWeek::State::NoRegistrations);

    // Sums over a selection: values add; one suppressed part hides the sum.
    HourOfWeek sum;
    sum.add(c1);
    sum.add(table.week(QStringLiteral("cel"), QStringLiteral("C2"), QStringLiteral("total")));
    ASSERT_EQ(sum.state, HourOfWeek::State::Values);
    EXPECT_DOUBLE_EQ(sum.at(0, 22), 3.5);
    EXPECT_DOUBLE_EQ(sum.at(2, 9), 1.0);
    sum.add(c2);
    EXPECT_EQ(sum.state, HourOfWeek::State::Suppressed);
    sum.add(c1);
    EXPECT_EQ(sum.state, HourOfWeek::State::Suppressed);
    EXPECT_DOUBLE_EQ(sum.max(), 0.0);

    EXPECT_EQ(HotTimesTable::dayIndex(QStringLiteral("zo")), 6);
    EXPECT_EQ(HotTimesTable::dayIndex(QStringLiteral("Wed")), 2);
    EXPECT_EQ(HotTimesTable::dayIndex(QStringLiteral("x")), -1);
    // A table that is not an hour-of-week table is refused rather than read as all "geheim".
    EXPECT_THROW((void)HotTimesTable::load(gpkg, QStringLiteral("areas")), InputError);
}

TEST(HotTimes, ChartColoursCellsByClassAndScale)
{
    EXPECT_EQ(HourOfWeekChart::cellColour(0, 3.5).rgb(), QColor(0xee, 0xee, 0xee).rgb());
    EXPECT_EQ(HourOfWeekChart::cellColour(3.5, 3.5).rgb(), rampColour(QStringLiteral("YlOrRd"), 5, 6).rgb());
    // 1.25 / 3.5 * 6 = 2.14 -> third class.
    EXPECT_EQ(HourOfWeekChart::cellColour(1.25, 3.5).rgb(), rampColour(QStringLiteral("YlOrRd"), 2, 6).rgb());
    EXPECT_EQ(HourOfWeekChart::cellColour(0.01, 3.5).rgb(), rampColour(QStringLiteral("YlOrRd"), 0, 6).rgb());
}

TEST(HotTimes, IdentifyShowsChartReadLazilyForThemeOrAllThemes)
{
    QTemporaryDir dir;
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeScan(dir), true));
    ASSERT_TRUE(w.setTheme(QStringLiteral("woninginbraak"))); // the viewer opens on the total
    w.resize(1400, 900);
    w.show();
    QApplication::processEvents();
    EXPECT_FALSE(w.project().hotTimesLoaded()); // opening the folder does not read it
    auto* chart = w.hourChart();
    EXPECT_FALSE(chart->isVisible());

    ASSERT_TRUE(w.identifyAt({200250, 500250})); // C1
    // The first identify starts reading the table on a worker thread; the chart says so.
    ASSERT_TRUE(chart->isVisible());
    EXPECT_EQ(chart->week().state, HourOfWeek::State::Loading);
    EXPECT_FALSE(chart->message().isEmpty());
    w.waitForHotTimes();
    EXPECT_TRUE(w.project().hotTimesLoaded());
    EXPECT_TRUE(chart->title().contains(QStringLiteral("Woninginbraak"), Qt::CaseInsensitive))
        << chart->title().toStdString();
    ASSERT_EQ(chart->week().state, HourOfWeek::State::Values);
    EXPECT_TRUE(chart->message().isEmpty());
    QImage img = chart->grab().toImage();
    img.setDevicePixelRatio(1);
    const double s = chart->devicePixelRatioF();
    EXPECT_EQ(pixelAt(img, chart->cellRect(0, 22).center() * s),
              rampColour(QStringLiteral("YlOrRd"), 5, 6).rgb() & 0xffffffu);
    EXPECT_EQ(pixelAt(img, chart->cellRect(4, 1).center() * s),
              rampColour(QStringLiteral("YlOrRd"), 2, 6).rgb() & 0xffffffu);
    EXPECT_EQ(pixelAt(img, chart->cellRect(6, 12).center() * s), 0xeeeeeeu); // 0 in this theme
    EXPECT_EQ(pixelAt(img, chart->cellRect(3, 12).center() * s), 0xeeeeeeu);

    // All themes: the total week, where Sunday 12-13 h has 2 of a peak of 3.5 (class 4 of 6).
    w.setHourChartAllThemes(true);
    EXPECT_DOUBLE_EQ(chart->week().at(6, 12), 2.0);
    img = chart->grab().toImage();
    EXPECT_EQ(pixelAt(img, chart->cellRect(6, 12).center() * s),
              rampColour(QStringLiteral("YlOrRd"), 3, 6).rgb() & 0xffffffu);
    w.setHourChartAllThemes(false);

    // C2's theme week is suppressed: the chart says so and draws no cells.
    ASSERT_TRUE(w.identifyAt({200750, 500250}));
    EXPECT_EQ(chart->week().state, HourOfWeek::State::Suppressed);
    EXPECT_FALSE(chart->message().isEmpty());
    img = chart->grab().toImage();
    const QRgb base = chart->palette().base().color().rgb() & 0xffffffu;
    EXPECT_EQ(pixelAt(img, chart->cellRect(0, 22).center() * s), base);
    EXPECT_EQ(pixelAt(img, chart->cellRect(3, 3).center() * s), base);
    // C3 had no registrations: no rows, said in words.
    ASSERT_TRUE(w.identifyAt({201250, 500250}));
    EXPECT_EQ(chart->week().state, HourOfWeek::State::NoRegistrations);
    EXPECT_FALSE(chart->message().isEmpty());
    // Clicking beside the areas hides the chart.
    EXPECT_FALSE(w.identifyAt({100000, 400000}));
    EXPECT_FALSE(chart->isVisible());
}

TEST(HotTimes, ScanWithoutTableSaysSo)
{
    QTemporaryDir dir;
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeScan(dir, false), true));
    ASSERT_TRUE(w.identifyAt({200250, 500250}));
    w.waitForHotTimes(); // nothing to wait for: no table
    EXPECT_EQ(w.hourChart()->week().state, HourOfWeek::State::NoTable);
    EXPECT_FALSE(w.hourChart()->message().isEmpty());
}

TEST(HotTimes, DayNamesAreDutchByDefault)
{
    auto& app = *qApp;
    ASSERT_TRUE(installTranslation(static_cast<QApplication&>(app), QStringLiteral("nl")));
    EXPECT_EQ(HourOfWeekChart::dayName(0), QStringLiteral("ma"));
    EXPECT_EQ(HourOfWeekChart::dayName(6), QStringLiteral("zo"));
    EXPECT_EQ(
        QCoreApplication::translate("gebiedscan::viewer::HourOfWeekChart", "No registrations in the current period."),
        QStringLiteral("Geen registraties in de huidige periode."));
    for (auto* t : app.findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    QLocale::setDefault(QLocale::c());
    EXPECT_EQ(HourOfWeekChart::dayName(0), QStringLiteral("Mon"));
}

TEST(HotTimes, ScanWithoutTimeOfDaySaysNoTimeKnown)
{
    // Registrations with dates only: summary.json says "geen tijdstip bekend" and the scan wrote
    // no hot_times; the chart must say why, not "this scan has no table".
    QTemporaryDir dir;
    writeScan(dir, false);
    QFile summary(QDir(dir.path()).filePath(QStringLiteral("summary.json")));
    ASSERT_TRUE(summary.open(QIODevice::WriteOnly));
    summary.write(R"({"time_of_day": "geen tijdstip bekend"})");
    summary.close();
    MainWindow w;
    ASSERT_TRUE(w.openPath(dir.path(), true));
    EXPECT_FALSE(w.project().timeOfDayKnown());
    ASSERT_TRUE(w.identifyAt({200250, 500250}));
    w.waitForHotTimes();
    EXPECT_EQ(w.hourChart()->week().state, HourOfWeek::State::NoTimeOfDay);
    EXPECT_TRUE(w.hourChart()->message().startsWith(QStringLiteral("No time of day known")))
        << w.hourChart()->message().toStdString();

    // A scan with times says "bekend": the table is read as before.
    QTemporaryDir known;
    writeScan(known);
    QFile s2(QDir(known.path()).filePath(QStringLiteral("summary.json")));
    ASSERT_TRUE(s2.open(QIODevice::WriteOnly));
    s2.write(R"({"time_of_day": "bekend"})");
    s2.close();
    MainWindow w2;
    ASSERT_TRUE(w2.openPath(known.path(), true));
    EXPECT_TRUE(w2.project().timeOfDayKnown());
    ASSERT_TRUE(w2.identifyAt({200250, 500250}));
    w2.waitForHotTimes();
    EXPECT_EQ(w2.hourChart()->week().state, HourOfWeek::State::Values);
}
