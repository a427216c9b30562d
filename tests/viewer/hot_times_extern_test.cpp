// The hour-of-week panel on extern folders (the contract in summary.json suppression.hot_times):
// a level whose rows are not published says so and shows the busiest hour (peak_total); within a
// published row a hidden hour (NULL) is drawn as "geheim", never as 0. All three forms are read:
// key absent (intern), a plain string (older extern: nothing published), an object with levels.
#include "hot_times.hpp"
#include "hour_of_week_chart.hpp"
#include "layer_style.hpp"
#include "main_window.hpp"
#include "scan_fixture.hpp"

#include "gebiedscan/gis/table_writer.hpp"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>
#include <set>

using namespace gebiedscan;
using namespace gebiedscan::viewer;
using gebiedscan::viewer::test::cell;

namespace {

// Two levels: buurt B1 and gemeente G1 (drawn beside it). Only the gemeente has hot_times rows
// (as an extern scan publishes them); its Monday 22-23 h is 4, Tuesday 03-04 h is hidden (NULL).
// Both carry peak_total; `summary` is written as summary.json unless empty.
QString writeExternScan(const QTemporaryDir& dir, const char* summary)
{
    using T = gis::Column::Type;
    const gis::Value geheim = gis::Suppressed{};
    gis::Table areas;
    areas.name = "areas";
    areas.columns = {{"code", T::String, ""},
                     {"name", T::String, ""},
                     {"level", T::String, ""},
                     {"n_total", T::Integer, ""},
                     {"n_woninginbraak", T::Integer, ""},
                     {"peak_total", T::String, ""}};
    areas.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    areas.rows = {{std::string("B1"), std::string("Buurt 1"), std::string("buurt"), std::int64_t{579}, std::int64_t{40},
                   std::string("vr 22-23 uur")},
                  {std::string("G1"), std::string("Gemeente 1"), std::string("gemeente"), std::int64_t{900},
                   std::int64_t{70}, std::string("za 23-24 uur")}};
    areas.geometries = {cell(200000, 500000), cell(200500, 500000)};
    gis::Table times;
    times.name = "hot_times";
    times.columns = {
        {"level", T::String, ""}, {"area_code", T::String, ""}, {"theme", T::String, ""}, {"day", T::String, ""}};
    for (int h = 0; h < 24; ++h)
        times.columns.push_back({QStringLiteral("h%1").arg(h, 2, 10, QLatin1Char('0')).toStdString(), T::Real, ""});
    const char* days[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
    for (int d = 0; d < 7; ++d) {
        std::vector<gis::Value> row{std::string("gemeente"), std::string("G1"), std::string("total"),
                                    std::string(days[d])};
        for (int h = 0; h < 24; ++h)
            row.push_back(d == 1 && h == 3 ? geheim : gis::Value{d == 0 && h == 22 ? 4.0 : 0.5});
        times.rows.push_back(std::move(row));
    }
    gis::writeGeoPackage(QDir(dir.path()).filePath(QStringLiteral("gebiedscan.gpkg")).toStdString(), {areas, times},
                         {});
    if (*summary) {
        QFile f(QDir(dir.path()).filePath(QStringLiteral("summary.json")));
        if (!f.open(QIODevice::WriteOnly)) return {};
        f.write(summary);
    }
    return dir.path();
}

QRgb pixelAt(const QImage& img, QPointF p)
{
    return img.pixel(p.toPoint()) & 0xffffffu;
}

const PointRd kBuurt{200250, 500250}, kGemeente{200750, 500250};

} // namespace

TEST(HotTimesExtern, LevelNotPublishedSaysSoAndShowsThePeakHour)
{
    QTemporaryDir dir;
    ASSERT_FALSE(writeExternScan(dir, R"({"suppression": {"hot_times": {"levels": ["gemeente"], "hidden": 1,
        "note": "Per buurt en wijk worden de uren buiten de politie niet gepubliceerd."}}})")
                     .isEmpty());
    MainWindow w;
    ASSERT_TRUE(w.openPath(dir.path(), true));
    EXPECT_FALSE(w.project().hotTimesPublished(QStringLiteral("buurt")));
    EXPECT_TRUE(w.project().hotTimesPublished(QStringLiteral("gemeente")));
    ASSERT_TRUE(w.identifyAt(kBuurt));
    w.waitForHotTimes();
    auto* chart = w.hourChart();
    // Not "no registrations" (579 of them) and not "no table": withheld, with the busiest hour.
    EXPECT_EQ(chart->week().state, HourOfWeek::State::NotPublished);
    const QString msg = chart->message();
    EXPECT_TRUE(msg.contains(QStringLiteral("not published outside the police"))) << msg.toStdString();
    EXPECT_TRUE(msg.contains(QStringLiteral("Per buurt en wijk"))) << msg.toStdString();
    EXPECT_TRUE(msg.contains(QStringLiteral("They are for the gemeente (all themes together)."))) << msg.toStdString();
    EXPECT_TRUE(msg.contains(QStringLiteral("Busiest hour of all registrations: vr 22-23 uur."))) << msg.toStdString();
}

TEST(HotTimesExtern, PublishedLevelDrawsHiddenHoursAsGeheimNotZero)
{
    QTemporaryDir dir;
    ASSERT_FALSE(writeExternScan(dir, R"({"suppression": {"hot_times": {"levels": ["gemeente"], "hidden": 1,
        "note": "x"}}})")
                     .isEmpty());
    MainWindow w;
    ASSERT_TRUE(w.openPath(dir.path(), true));
    w.resize(1400, 900);
    w.show();
    ASSERT_TRUE(w.identifyAt(kGemeente));
    w.waitForHotTimes();
    auto* chart = w.hourChart();
    ASSERT_EQ(chart->week().state, HourOfWeek::State::Values);
    EXPECT_TRUE(std::isnan(chart->week().at(1, 3)));
    EXPECT_EQ(chart->week().hiddenHours(), 1);
    EXPECT_DOUBLE_EQ(chart->week().max(), 4.0);
    EXPECT_DOUBLE_EQ(chart->week().total(), 4.0 + 166 * 0.5); // the hidden hour counts for nothing
    EXPECT_TRUE(chart->message().isEmpty());
    QApplication::processEvents();
    QImage img = chart->grab().toImage();
    img.setDevicePixelRatio(1);
    const double s = chart->devicePixelRatioF();
    const QRgb zero = 0xeeeeeeu;
    // The hidden cell is hatched grey: neither the colour of 0 nor a ramp colour, and not uniform.
    const QRectF hidden = chart->cellRect(1, 3);
    std::set<QRgb> seen;
    for (double dx = 0.15; dx < 0.9; dx += 0.1)
        for (double dy = 0.15; dy < 0.9; dy += 0.1)
            seen.insert(
                pixelAt(img, QPointF(hidden.left() + dx * hidden.width(), hidden.top() + dy * hidden.height()) * s));
    EXPECT_GE(seen.size(), 2u) << "hatched";
    EXPECT_EQ(seen.count(zero), 0u);
    for (int c = 0; c < HourOfWeekChart::kClasses; ++c)
        EXPECT_EQ(seen.count(rampColour(QStringLiteral("YlOrRd"), static_cast<std::size_t>(c), 6).rgb() & 0xffffffu),
                  0u);
    EXPECT_EQ(pixelAt(img, chart->cellRect(0, 22).center() * s),
              rampColour(QStringLiteral("YlOrRd"), 5, 6).rgb() & 0xffffffu);
    // The caption: hidden hours make the published ones no total (they do not add up to it).
    EXPECT_TRUE(chart->caption().contains(QStringLiteral("1 hidden hours"))) << chart->caption().toStdString();
    EXPECT_FALSE(chart->caption().contains(QStringLiteral("in total"))) << chart->caption().toStdString();
    HourOfWeek allHidden;
    allHidden.state = HourOfWeek::State::Values;
    allHidden.values[3] = allHidden.values[40] = std::nan("");
    HourOfWeekChart zeros;
    zeros.setWeek(allHidden, QStringLiteral("t"));
    EXPECT_EQ(zeros.caption(), QStringLiteral("2 hidden hours · every published hour 0")); // no peak at ma 0-1 of 0
    // A selection summing this week keeps the hour hidden.
    HourOfWeek sum;
    sum.add(chart->week());
    sum.add(chart->week());
    EXPECT_TRUE(std::isnan(sum.at(1, 3)));
    EXPECT_DOUBLE_EQ(sum.at(0, 22), 8.0);
}

TEST(HotTimesExtern, PublishedLevelOfOneThemeSaysOnlyTheTotalIsPublished)
{
    // Extern publishes the gemeente's total of all themes only. Asked for woninginbraak (70
    // registrations), the panel must not say "no registrations": it says the theme's hours are
    // withheld, points to the all-themes chart and keeps the busiest hour of all registrations.
    QTemporaryDir dir;
    ASSERT_FALSE(writeExternScan(dir, R"({"suppression": {"hot_times": {"levels": ["gemeente"], "hidden": 1,
        "note": "x"}}})")
                     .isEmpty());
    MainWindow w;
    ASSERT_TRUE(w.openPath(dir.path(), true));
    ASSERT_TRUE(w.setTheme(QStringLiteral("woninginbraak")));
    w.setHourChartAllThemes(false);
    ASSERT_TRUE(w.identifyAt(kGemeente));
    w.waitForHotTimes();
    EXPECT_EQ(w.hourChart()->week().state, HourOfWeek::State::ThemeNotPublished);
    const QString msg = w.hourChart()->message();
    EXPECT_FALSE(msg.contains(QStringLiteral("No registrations"))) << msg.toStdString();
    EXPECT_TRUE(msg.contains(QStringLiteral("for all themes together only"))) << msg.toStdString();
    EXPECT_TRUE(msg.contains(QStringLiteral("Busiest hour of all registrations: za 23-24 uur."))) << msg.toStdString();
    // All themes: the published total row is drawn.
    w.setHourChartAllThemes(true);
    w.waitForHotTimes();
    EXPECT_EQ(w.hourChart()->week().state, HourOfWeek::State::Values);
    EXPECT_DOUBLE_EQ(w.hourChart()->week().max(), 4.0);

    // Intern (key absent) the theme is asked of the table: it has no woninginbraak rows here,
    // which then truly means none in the period.
    QTemporaryDir intern;
    ASSERT_FALSE(writeExternScan(intern, "").isEmpty());
    MainWindow w2;
    ASSERT_TRUE(w2.openPath(intern.path(), true));
    ASSERT_TRUE(w2.setTheme(QStringLiteral("woninginbraak")));
    w2.setHourChartAllThemes(false);
    ASSERT_TRUE(w2.identifyAt(kGemeente));
    w2.waitForHotTimes();
    EXPECT_EQ(w2.hourChart()->week().state, HourOfWeek::State::NoRegistrations);
}

TEST(HotTimesExtern, TotaalRowsOfTheExternContractAreTheTotal)
{
    // The contract names the extern total rows "totaal"; they are the all-themes week.
    HotTimesTable t;
    std::array<double, 24> hours{};
    hours[22] = 4;
    t.add(QStringLiteral("gemeente"), QStringLiteral("G1"), QStringLiteral("totaal"), QStringLiteral("ma"), hours);
    const HourOfWeek week = t.week(QStringLiteral("gemeente"), QStringLiteral("G1"), QStringLiteral("total"));
    ASSERT_EQ(week.state, HourOfWeek::State::Values);
    EXPECT_DOUBLE_EQ(week.at(0, 22), 4.0);
}

TEST(HotTimesExtern, OlderFormsOfTheContractAreRead)
{
    // A plain string (older extern scans): no level published.
    QTemporaryDir older;
    ASSERT_FALSE(writeExternScan(older, R"j({"suppression": {"hot_times": "niet gepubliceerd (extern)"}})j").isEmpty());
    MainWindow w;
    ASSERT_TRUE(w.openPath(older.path(), true));
    EXPECT_FALSE(w.project().hotTimesPublished(QStringLiteral("gemeente")));
    EXPECT_EQ(w.project().hotTimesNote(), QStringLiteral("niet gepubliceerd (extern)"));
    ASSERT_TRUE(w.identifyAt(kGemeente));
    EXPECT_EQ(w.hourChart()->week().state, HourOfWeek::State::NotPublished);
    EXPECT_TRUE(w.hourChart()->message().contains(QStringLiteral("Busiest hour of all registrations: za 23-24 uur.")));
    // The plain string is a status, not a sentence: it is not glued onto the explanation, and
    // no level is published, so the panel does not say "at this level".
    EXPECT_TRUE(w.hourChart()->message().startsWith(
        QStringLiteral("Outside the police the hours of the week are not published.\n")))
        << w.hourChart()->message().toStdString();
    EXPECT_FALSE(w.hourChart()->message().contains(QStringLiteral("niet gepubliceerd (extern)")));

    // An empty levels list: likewise nothing published.
    QTemporaryDir none;
    ASSERT_FALSE(writeExternScan(none, R"j({"suppression": {"hot_times": {"levels": [], "hidden": 0}}})j").isEmpty());
    MainWindow w2;
    ASSERT_TRUE(w2.openPath(none.path(), true));
    EXPECT_FALSE(w2.project().hotTimesPublished(QStringLiteral("gemeente")));

    // Key absent (intern): every level published; the buurt has no rows, so no registrations.
    QTemporaryDir intern;
    ASSERT_FALSE(writeExternScan(intern, "").isEmpty());
    MainWindow w3;
    ASSERT_TRUE(w3.openPath(intern.path(), true));
    EXPECT_TRUE(w3.project().hotTimesPublished(QStringLiteral("buurt")));
    ASSERT_TRUE(w3.identifyAt(kBuurt));
    w3.waitForHotTimes();
    EXPECT_EQ(w3.hourChart()->week().state, HourOfWeek::State::NoRegistrations);
}
