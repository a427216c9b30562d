// Identify on a black spot: accidents by year and severity from the blackspots.gpkg `accidents`
// table (jaar, ernst, kruispunten, wegvakken), as `gebiedscan blackspots` writes it.
#include "accident_chart.hpp"
#include "main_window.hpp"

#include "gebiedscan/gis/table_writer.hpp"

#include <QApplication>
#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

using namespace gebiedscan;
using namespace gebiedscan::viewer;

namespace {

gis::FeatureGeometry point(double x, double y)
{
    gis::FeatureGeometry g;
    g.kind = gis::FeatureGeometry::Kind::Point;
    g.points = {PointRd{x, y}};
    return g;
}

// Two junctions: J1 at (170000, 440000) with 2016: 1 DOD + 2 LET, 2017: none, 2018: 3 UMS + 1 LET
// (one of them also counted at J2); J2 at (171000, 440000) with 2018: 1 LET + 1 UMS.
QString writeBlackSpots(const QTemporaryDir& dir, bool withAccidents = true)
{
    using T = gis::Column::Type;
    gis::Table j;
    j.name = "junctions";
    j.columns = {{"soort", T::String, ""},   {"locatie_id", T::String, ""}, {"n_ongevallen", T::Integer, ""},
                 {"n_dod", T::Integer, ""},  {"n_let", T::Integer, ""},     {"n_ums", T::Integer, ""},
                 {"score", T::Real, ""},     {"n_2016", T::Integer, ""},    {"n_2017", T::Integer, ""},
                 {"n_2018", T::Integer, ""}, {"straat", T::String, ""},     {"voldoet", T::Integer, ""}};
    j.geometryKind = gis::FeatureGeometry::Kind::Point;
    j.rows = {{std::string("kruispunt"), std::string("J1"), std::int64_t{7}, std::int64_t{1}, std::int64_t{3},
               std::int64_t{3}, 20.0, std::int64_t{3}, std::int64_t{0}, std::int64_t{4}, std::string("Dijkgraaf"),
               std::int64_t{1}},
              {std::string("kruispunt"), std::string("J2"), std::int64_t{2}, std::int64_t{0}, std::int64_t{1},
               std::int64_t{1}, 4.0, std::int64_t{0}, std::int64_t{0}, std::int64_t{2}, std::string("Nude"),
               std::int64_t{0}}};
    j.geometries = {point(170000, 440000), point(171000, 440000)};
    gis::Table a;
    a.name = "accidents";
    a.columns = {{"rij", T::Integer, ""},
                 {"jaar", T::Integer, ""},
                 {"ernst", T::String, ""},
                 {"kruispunten", T::String, ""},
                 {"wegvakken", T::String, ""}};
    const auto acc = [&](int year, const char* ernst, const char* junctions) {
        a.rows.push_back({std::int64_t{static_cast<std::int64_t>(a.rows.size() + 1)}, std::int64_t{year},
                          std::string(ernst), std::string(junctions), std::string("")});
    };
    acc(2016, "DOD", "J1");
    acc(2016, "LET", "J1");
    acc(2016, "LET", "J1");
    acc(2018, "UMS", "J1");
    acc(2018, "UMS", "J1");
    acc(2018, "UMS", "J1/J2");
    acc(2018, "LET", "J1");
    acc(2018, "LET", "J2");
    acc(2017, "LET", ""); // in no reported spot
    std::vector<gis::Table> tables{j};
    if (withAccidents) tables.push_back(a);
    gis::writeGeoPackage(QDir(dir.path()).filePath(QStringLiteral("blackspots.gpkg")).toStdString(), tables, {});
    return dir.path();
}

QRgb pixelAt(const QImage& img, QPointF p)
{
    return img.pixel(p.toPoint()) & 0xffffffu;
}

} // namespace

TEST(AccidentChart, TableSplitsSpotByYearAndSeverity)
{
    QTemporaryDir dir;
    const QString gpkg = QDir(writeBlackSpots(dir)).filePath(QStringLiteral("blackspots.gpkg"));
    const auto table = AccidentTable::load(gpkg);
    EXPECT_EQ(table.size(), 9u);
    const auto spots = loadVectorLayer(gpkg, QStringLiteral("junctions"));
    const auto j1 = table.forSpot(*spots, 0);
    ASSERT_TRUE(j1.bySeverity);
    ASSERT_EQ(j1.years, (std::vector<int>{2016, 2017, 2018}));
    const auto at = [&](const AccidentsByYear& d, std::size_t y, Severity s) {
        return d.counts[y][static_cast<std::size_t>(s)];
    };
    EXPECT_EQ(at(j1, 0, Severity::Fatal), 1);
    EXPECT_EQ(at(j1, 0, Severity::Injury), 2);
    EXPECT_EQ(at(j1, 1, Severity::Injury), 0); // 2017 is there, empty
    EXPECT_EQ(at(j1, 2, Severity::DamageOnly), 3);
    EXPECT_EQ(at(j1, 2, Severity::Injury), 1);
    // The split adds up to the spot's own per-year and total fields.
    for (std::size_t y = 0; y < 3; ++y)
        EXPECT_EQ(j1.total(y), spots->number(spots->fieldIndex(QStringLiteral("n_%1").arg(j1.years[y])), 0));
    const auto j2 = table.forSpot(*spots, 1);
    EXPECT_EQ(j2.total(2), 2);
    EXPECT_EQ(at(j2, 2, Severity::DamageOnly), 1);
    // Without the table: totals per year from n_<year>, not split.
    const auto fields = accidentsFromFields(*spots, 0);
    EXPECT_FALSE(fields.bySeverity);
    EXPECT_EQ(fields.total(0), 3);
    EXPECT_EQ(fields.total(2), 4);
    EXPECT_EQ(severityOf(QStringLiteral(" dod")), Severity::Fatal);
    EXPECT_EQ(severityOf(QStringLiteral("ONB")), Severity::Unknown);
}

TEST(AccidentChart, IdentifyOnBlackSpotDrawsStackedBars)
{
    QTemporaryDir dir;
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeBlackSpots(dir), true));
    w.resize(1400, 900);
    w.show();
    QApplication::processEvents();
    auto* chart = w.accidentChart();
    EXPECT_FALSE(chart->isVisible());
    w.identifyAt({170000, 440000});
    ASSERT_TRUE(chart->isVisible());
    EXPECT_TRUE(chart->title().contains(QStringLiteral("Dijkgraaf"))) << chart->title().toStdString();
    const auto& d = chart->accidents();
    ASSERT_TRUE(d.bySeverity);
    ASSERT_EQ(d.years.size(), 3u);
    EXPECT_EQ(d.total(0), 3);
    QImage img = chart->grab().toImage();
    const double s = chart->devicePixelRatioF();
    // 2016: fatal at the bottom, injury stacked on it, twice as tall; 2017 draws nothing.
    const QRectF fatal = chart->segmentRect(0, Severity::Fatal), injury = chart->segmentRect(0, Severity::Injury);
    ASSERT_FALSE(fatal.isEmpty());
    EXPECT_NEAR(injury.bottom(), fatal.top(), 1e-9);
    EXPECT_NEAR(injury.height(), 2 * fatal.height(), 1e-9);
    EXPECT_EQ(pixelAt(img, fatal.center() * s), AccidentChart::severityColour(Severity::Fatal).rgb() & 0xffffffu);
    EXPECT_EQ(pixelAt(img, injury.center() * s), AccidentChart::severityColour(Severity::Injury).rgb() & 0xffffffu);
    EXPECT_TRUE(chart->segmentRect(1, Severity::Injury).isEmpty());
    const QRectF ums = chart->segmentRect(2, Severity::DamageOnly);
    EXPECT_EQ(pixelAt(img, ums.center() * s), AccidentChart::severityColour(Severity::DamageOnly).rgb() & 0xffffffu);
    // The 2018 bar (4) is taller than the 2016 bar (3) by a third.
    const double h2016 = fatal.height() + injury.height();
    const double h2018 = ums.height() + chart->segmentRect(2, Severity::Injury).height();
    EXPECT_NEAR(h2018 / h2016, 4.0 / 3.0, 1e-9);
    // Clicking beside every spot hides the chart.
    w.identifyAt({150000, 420000});
    EXPECT_FALSE(chart->isVisible());
}

TEST(AccidentChart, WithoutAccidentsTableShowsYearTotals)
{
    QTemporaryDir dir;
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeBlackSpots(dir, false), true));
    w.identifyAt({171000, 440000});
    ASSERT_FALSE(w.accidentChart()->isHidden());
    EXPECT_FALSE(w.accidentChart()->accidents().bySeverity);
    EXPECT_EQ(w.accidentChart()->accidents().total(2), 2);
}
