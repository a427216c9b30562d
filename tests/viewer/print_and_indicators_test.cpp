// Issue 15 leftovers: trends that follow the theme, Empirical Bayes rates offered where the scan
// wrote them (klein_ areas dotted), the exports on the print layout (A4/A3, portrait/landscape,
// a footer that is never cut) and the hatch of hidden areas without light streaks.
#include "area_sheet_model.hpp"
#include "main_window.hpp"
#include "map_renderer.hpp"
#include "print_layout.hpp"
#include "scan_project.hpp"
#include "viewer_cli.hpp"

#include "gebiedscan/core/emerging_hotspots.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFontMetricsF>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

using namespace gebiedscan;
using namespace gebiedscan::viewer;

namespace {

gis::FeatureGeometry squareAt(double x, double y, double size)
{
    gis::FeatureGeometry g;
    g.kind = gis::FeatureGeometry::Kind::Polygon;
    g.polygons = {Polygon{{{{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}}}}};
    return g;
}

// Three buurten side by side (1 km squares from x = 200000). Woninginbraak has EB rates and
// trends; verkeer has neither (a theme too small for them):
//          rate  eb   ebl  klein  trend_woninginbraak     trend_total
//   BU1     60   40   45    0     toenemende hotspot      aanhoudende hotspot
//   BU2     10   12   11    0     geen patroon            geen patroon
//   BU3    200   30   35    1     geheim                  nieuwe coldspot
QString writeEbScan(const QTemporaryDir& dir)
{
    using T = gis::Column::Type;
    gis::Table t;
    t.name = "areas";
    t.columns = {{"code", T::String, ""},
                 {"name", T::String, ""},
                 {"level", T::String, ""},
                 {"population", T::Integer, ""},
                 {"n_total", T::Integer, ""},
                 {"trend_total", T::String, ""},
                 {"n_woninginbraak", T::Integer, ""},
                 {"rate_woninginbraak", T::Real, ""},
                 {"eb_woninginbraak", T::Real, ""},
                 {"ebl_woninginbraak", T::Real, ""},
                 {"klein_woninginbraak", T::Integer, ""},
                 {"trend_woninginbraak", T::String, ""},
                 {"n_verkeer", T::Integer, ""}};
    t.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    const auto s = [](const char* v) { return gis::Value{std::string(v)}; };
    const auto i = [](std::int64_t v) { return gis::Value{v}; };
    t.rows = {{s("BU1"), s("Noord"), s("buurt"), i(500), i(40), s("aanhoudende hotspot"), i(30), 60.0, 40.0, 45.0, i(0),
               s("toenemende hotspot"), i(10)},
              {s("BU2"), s("Midden"), s("buurt"), i(500), i(8), s("geen patroon"), i(5), 10.0, 12.0, 11.0, i(0),
               s("geen patroon"), i(3)},
              {s("BU3"), s("Zuid"), s("buurt"), i(10), i(6), s("nieuwe coldspot"), i(2), 200.0, 30.0, 35.0, i(1),
               s("geheim"), i(4)}};
    t.geometries = {squareAt(200000, 500000, 1000), squareAt(201000, 500000, 1000), squareAt(202000, 500000, 1000)};
    gis::writeGeoPackage(QDir(dir.path()).filePath(QStringLiteral("gebiedscan.gpkg")).toStdString(), {t}, {});
    return dir.path();
}

QRgb fillOf(const MainWindow& w, std::size_t feature)
{
    const int row = w.project().areaRow();
    return w.layers()->symbology(row).fill[feature];
}

} // namespace

TEST(Indicators, EbRatesOfferedWhereTheScanWroteThemAndSmallAreasDotted)
{
    QTemporaryDir dir;
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeEbScan(dir), true));
    ASSERT_TRUE(w.setTheme(QStringLiteral("woninginbraak")));
    ASSERT_TRUE(w.setIndicator(QStringLiteral("eb")));
    const int row = w.project().areaRow();
    EXPECT_EQ(w.layers()->style(row).field, QStringLiteral("eb_woninginbraak"));
    const auto& sym = w.layers()->symbology(row);
    // BU3 has klein_ = 1: dotted, the others not; the legend says so with the count.
    ASSERT_EQ(sym.marked.size(), 3u);
    EXPECT_EQ(sym.marked[0], 0);
    EXPECT_EQ(sym.marked[1], 0);
    EXPECT_EQ(sym.marked[2], 1);
    ASSERT_FALSE(sym.legend.entries.empty());
    EXPECT_TRUE(sym.legend.entries.back().dotted);
    EXPECT_TRUE(sym.legend.entries.back().label.contains(QStringLiteral("(1)")))
        << sym.legend.entries.back().label.toStdString();
    // eb_ orders the areas differently from the raw rate: BU3 (200 raw, 30 EB) below BU1 (60, 40).
    EXPECT_GT(qGray(fillOf(w, 2)), qGray(fillOf(w, 0))); // Purples: lighter = lower
    ASSERT_TRUE(w.setIndicator(QStringLiteral("ebl")));
    EXPECT_EQ(w.layers()->style(row).field, QStringLiteral("ebl_woninginbraak"));
    ASSERT_TRUE(w.setIndicator(QStringLiteral("rate")));
    EXPECT_EQ(w.layers()->symbology(row).marked[2], 1);  // the raw rate of a small area is marked too
    EXPECT_LT(qGray(fillOf(w, 2)), qGray(fillOf(w, 0))); // raw: BU3's 200 is the darkest
    // Verkeer has no EB rates and no trends: not offered, the count is shown instead.
    ASSERT_TRUE(w.setTheme(QStringLiteral("verkeer")));
    EXPECT_FALSE(w.setIndicator(QStringLiteral("eb")));
    EXPECT_FALSE(w.setIndicator(QStringLiteral("ebl")));
    EXPECT_FALSE(w.setIndicator(QStringLiteral("trend")));
    EXPECT_TRUE(w.setIndicator(QStringLiteral("rate")));
}

TEST(Indicators, TrendsFollowTheTheme)
{
    QTemporaryDir dir;
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeEbScan(dir), true));
    ASSERT_TRUE(w.setTheme(QStringLiteral("woninginbraak")));
    ASSERT_TRUE(w.setIndicator(QStringLiteral("trend")));
    const int row = w.project().areaRow();
    EXPECT_EQ(w.layers()->style(row).mode, StyleMode::Trend);
    EXPECT_EQ(w.layers()->style(row).field, QStringLiteral("trend_woninginbraak"));
    const int intensifying = static_cast<int>(EmergingClass::IntensifyingHot);
    EXPECT_EQ(emergingClassOf(QStringLiteral("toenemende hotspot")), intensifying);
    EXPECT_EQ(emergingClassOf(QStringLiteral("Intensifying Hot Spot")), intensifying);
    EXPECT_EQ(emergingClassOf(QStringLiteral("intensifying_hot")), intensifying);
    EXPECT_EQ(emergingClassOf(QStringLiteral("geheim")), -1);
    EXPECT_EQ(fillOf(w, 0), emergingColour(intensifying).rgba());
    EXPECT_EQ(fillOf(w, 1), emergingColour(0).rgba());
    EXPECT_EQ(w.layers()->symbology(row).hatched[2], 1); // geheim, never "no pattern"
    // The total's own trends, not woninginbraak's.
    ASSERT_TRUE(w.setTheme(QStringLiteral("total")));
    EXPECT_EQ(w.layers()->style(row).field, QStringLiteral("trend_total"));
    EXPECT_EQ(fillOf(w, 0), emergingColour(static_cast<int>(EmergingClass::PersistentHot)).rgba());
    EXPECT_EQ(fillOf(w, 2), emergingColour(static_cast<int>(EmergingClass::NewCold)).rgba());
    EXPECT_EQ(w.layers()->symbology(row).hatched[2], 0);
    // Hot patterns red, cold blue.
    const QColor hot = emergingColour(intensifying), cold = emergingColour(static_cast<int>(EmergingClass::NewCold));
    EXPECT_GT(hot.red(), hot.blue());
    EXPECT_GT(cold.blue(), cold.red());
    // Verkeer has no trend column: the indicator falls back to the count.
    ASSERT_TRUE(w.setTheme(QStringLiteral("verkeer")));
    EXPECT_EQ(w.layers()->style(row).mode, StyleMode::Choropleth);
    EXPECT_EQ(w.layers()->style(row).field, QStringLiteral("n_verkeer"));
}

TEST(Indicators, SmallAreasDrawnWithDotsOverTheirColour)
{
    QTemporaryDir dir;
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeEbScan(dir), true));
    ASSERT_TRUE(w.setTheme(QStringLiteral("woninginbraak")));
    ASSERT_TRUE(w.setIndicator(QStringLiteral("eb")));
    MapView v;
    v.size = QSize(300, 100);
    v.centre = {201500, 500500};
    v.metresPerPixel = 10; // each buurt 100 px wide
    RenderOptions o;
    o.antialias = false;
    auto layers = w.layers()->snapshots();
    for (auto& l : layers) l.style.labelField.clear(); // area names would count as marks
    const QImage img = renderLayers(v, layers, o);
    // Pixels unlike the area's own colour inside each square: the dots.
    const auto dotted = [&](int x0, std::size_t feature) {
        int other = 0;
        const QRgb own = fillOf(w, feature) & 0xffffffu;
        for (int y = 20; y < 80; ++y)
            for (int x = x0 + 20; x < x0 + 80; ++x) other += (img.pixel(x, y) & 0xffffffu) != own;
        return other;
    };
    EXPECT_EQ(dotted(0, 0), 0);   // BU1
    EXPECT_EQ(dotted(100, 1), 0); // BU2
    // BU3: a dot every 5 px, so well over a hundred dot pixels in a 60 x 60 px square.
    EXPECT_GT(dotted(200, 2), 144);
}

TEST(PrintLayout, LongFooterShrinksAndWrapsButIsNeverCut)
{
    Composition c;
    c.title = QStringLiteral("Gebiedscan");
    QStringList parts;
    for (int i = 0; i < 12; ++i)
        parts << QStringLiteral("bron%1: Gemeente Voorbeeld, Openbare Orde en Veiligheid (CC BY 4.0)").arg(i);
    parts << QStringLiteral("/data/een/heel/lang/pad/zonder/spaties/dat/breder/is/dan/het/blad/zelf/"
                            "registraties_2021_2024_definitief_versie_3.gpkg");
    c.footer = parts.join(QStringLiteral(" · "));
    const QSizeF size(600, 420);
    const PrintLayout layout(size, c);
    EXPECT_LT(layout.footerPx(), 8.0); // shrunk
    QString joined = layout.footerLines().join(QString());
    QString expected = c.footer;
    expected.remove(QLatin1Char(' '));
    joined.remove(QLatin1Char(' '));
    EXPECT_EQ(joined, expected); // every character still there: nothing elided
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(static_cast<int>(std::lround(layout.footerPx())));
    const QFontMetricsF fm(f);
    for (const QString& line : layout.footerLines()) {
        EXPECT_FALSE(line.contains(QChar(0x2026))) << line.toStdString(); // no ellipsis
        EXPECT_LE(fm.horizontalAdvance(line), size.width() + 0.5) << line.toStdString();
    }
    // The map sits above the footer.
    EXPECT_LE(layout.mapRect().bottom(), size.height() - static_cast<qreal>(layout.footerLines().size()) * fm.height());

    // A short footer keeps the normal size and one line.
    c.footer = QStringLiteral("Bron: CBS");
    const PrintLayout shortOne(size, c);
    EXPECT_EQ(shortOne.footerPx(), 8.0);
    EXPECT_EQ(shortOne.footerLines().size(), 1);
}

TEST(PrintLayout, ExportsOnA4AndA3PortraitAndLandscape)
{
    QTemporaryDir dir;
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeEbScan(dir), true));
    w.resize(1000, 700);
    w.canvas()->zoomToExtent(w.layers()->extent());
    // PNG on A4 landscape at 96 dpi: the printable area (297 x 210 mm less 10 mm margins).
    const QString png = QDir(dir.path()).filePath(QStringLiteral("a4.png"));
    ASSERT_TRUE(w.exportPng(png, 96, PaperFormat{PaperFormat::Size::A4, true}));
    QImage img(png);
    EXPECT_EQ(img.width(), static_cast<int>(std::ceil(277 / 25.4 * 96)));
    EXPECT_EQ(img.height(), static_cast<int>(std::ceil(190 / 25.4 * 96)));
    // A3 portrait: taller than wide, 277 x 400 mm printable.
    ASSERT_TRUE(w.exportPng(png, 96, PaperFormat{PaperFormat::Size::A3, false}));
    img = QImage(png);
    EXPECT_EQ(img.width(), static_cast<int>(std::ceil(277 / 25.4 * 96)));
    EXPECT_EQ(img.height(), static_cast<int>(std::ceil(400 / 25.4 * 96)));
    // The map frame holds the areas: BU1's colour appears in the image.
    const QRgb bu1 = fillOf(w, 0) & 0xffffffu;
    int found = 0;
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2) found += (img.pixel(x, y) & 0xffffffu) == bu1;
    EXPECT_GT(found, 100);

    // PDF on A3 portrait: the page is 842 x 1191 pt; A4 landscape 842 x 595 pt.
    const QString pdf = QDir(dir.path()).filePath(QStringLiteral("a3.pdf"));
    const auto mediaBox = [&]() -> QSizeF {
        QFile f(pdf);
        if (!f.open(QIODevice::ReadOnly)) return {};
        const QByteArray bytes = f.readAll();
        EXPECT_TRUE(bytes.startsWith("%PDF-"));
        const auto m = QRegularExpression(QStringLiteral(R"(/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+))"))
                           .match(QString::fromLatin1(bytes));
        return m.hasMatch() ? QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble()) : QSizeF();
    };
    ASSERT_TRUE(w.exportPdf(pdf, PaperFormat{PaperFormat::Size::A3, false}));
    QSizeF box = mediaBox();
    EXPECT_NEAR(box.width(), 842, 1.5);
    EXPECT_NEAR(box.height(), 1191, 1.5);
    ASSERT_TRUE(w.exportPdf(pdf, PaperFormat{PaperFormat::Size::A4, true}));
    box = mediaBox();
    EXPECT_NEAR(box.width(), 842, 1.5);
    EXPECT_NEAR(box.height(), 595, 1.5);
}

TEST(Renderer, HatchOfHiddenAreasHasNoLightStreaksAtAnyZoom)
{
    // A 6 x 6 block of adjacent hidden (NULL) cells: inside the block every pixel is the grey
    // fill or the hatch (darker); nothing lighter than the fill shows through, at any zoom
    // and export scale.
    auto layer = std::make_shared<LayerData>();
    layer->name = QStringLiteral("cells");
    layer->kind = LayerKind::Areas;
    layer->geometry = GeometryKind::Polygon;
    layer->setFields({{QStringLiteral("n"), true}});
    for (int r = 0; r < 6; ++r)
        for (int c = 0; c < 6; ++c) {
            const double x = 200000 + c * 500, y = 500000 + r * 500;
            layer->addFeature({{{x, y}, {x + 500, y}, {x + 500, y + 500}, {x, y + 500}, {x, y}}});
            layer->appendValues({std::nullopt});
        }
    LayerListModel model;
    LayerStyle style = defaultStyle(*layer);
    style.mode = StyleMode::Choropleth;
    style.field = QStringLiteral("n");
    model.addLayer(layer, style);
    ASSERT_EQ(model.symbology(0).hatched[0], 1);
    const QRgb fill = model.symbology(0).fill[0];
    for (const double mpp : {2.0, 7.3, 13.0, 25.0})
        for (const double scale : {1.0, 3.125}) {
            MapView v;
            v.size = QSize(200, 200);
            v.centre = {201500, 501500};
            v.metresPerPixel = mpp;
            RenderOptions o;
            o.pixelScale = scale;
            o.background = Qt::white;
            const QImage img = renderLayers(v, model.snapshots(), o);
            // Pixels inside the block, away from its outer edge.
            const double half = 1500 / mpp * scale - 3 * scale;
            const QPointF c(img.width() / 2.0, img.height() / 2.0);
            int lighter = 0;
            for (int y = static_cast<int>(c.y() - half); y < c.y() + half; ++y)
                for (int x = static_cast<int>(c.x() - half); x < c.x() + half; ++x)
                    if (x >= 0 && y >= 0 && x < img.width() && y < img.height())
                        lighter += qGray(img.pixel(x, y)) > qGray(fill) + 6;
            EXPECT_EQ(lighter, 0) << "metres per pixel " << mpp << ", scale " << scale;
        }
}

TEST(PrintLayout, CommandLinePrintsPdfOnChosenPaper)
{
    QString error;
    EXPECT_FALSE(parseViewerArguments({QStringLiteral("x"), QStringLiteral("--paper"), QStringLiteral("A5")}, &error));
    EXPECT_FALSE(
        parseViewerArguments({QStringLiteral("x"), QStringLiteral("--print"), QStringLiteral("a.jpg")}, &error));
    EXPECT_FALSE(parseViewerArguments({QStringLiteral("--print"), QStringLiteral("a.pdf")}, &error)); // no input
    QTemporaryDir dir;
    auto o = parseViewerArguments({writeEbScan(dir), QStringLiteral("--print"),
                                   QDir(dir.path()).filePath(QStringLiteral("blad.png")), QStringLiteral("--paper"),
                                   QStringLiteral("A3"), QStringLiteral("--portrait"), QStringLiteral("--dpi"),
                                   QStringLiteral("96")},
                                  &error);
    ASSERT_TRUE(o.has_value()) << error.toStdString();
    EXPECT_EQ(o->paper, QStringLiteral("a3"));
    EXPECT_TRUE(o->portrait);
    ASSERT_EQ(runViewer(*qApp, *o), 0);
    const QImage img(o->print);
    EXPECT_EQ(img.size(),
              QSize(static_cast<int>(std::ceil(277 / 25.4 * 96)), static_cast<int>(std::ceil(400 / 25.4 * 96))));
}

TEST(PrintLayout, PortraitSheetPutsLegendUnderTheMap)
{
    Composition c;
    c.title = QStringLiteral("Gebiedscan");
    c.footer = QStringLiteral("Bron: CBS");
    c.legends = {LayerLegend{QStringLiteral("Registraties"),
                             {LegendEntry{QStringLiteral("0 - 10 (5)"), QColor(255, 255, 178)},
                              LegendEntry{QStringLiteral("> 10 - 20 (5)"), QColor(189, 0, 38)}}}};
    const PrintLayout landscape(QSizeF(1000, 700), c), portrait(QSizeF(700, 1000), c);
    EXPECT_GE(landscape.legendRect().left(), landscape.mapRect().right()); // beside
    EXPECT_GE(portrait.legendRect().top(), portrait.mapRect().bottom());   // under
    EXPECT_EQ(portrait.mapRect().width(), 700);                            // the full width
    // Painted inside the sheet: the legend's box appears under the map, not beyond its right.
    LayerListModel none;
    const QImage img = portrait.render(none.snapshots(), Envelope{200000, 500000, 201000, 501000});
    const QRectF lr = portrait.legendRect();
    int ink = 0;
    for (int y = static_cast<int>(lr.top()); y < lr.bottom(); ++y)
        for (int x = static_cast<int>(lr.left()); x < lr.right(); ++x) ink += qGray(img.pixel(x, y)) < 200;
    EXPECT_GT(ink, 50);
}

TEST(Renderer, HotspotEdgesBetweenHiddenAreasAreNotLighterThanTheHatch)
{
    // Two adjacent hidden hot spot cells (gi_bin NULL): their shared edge must not be drawn
    // lighter than the grey fill (it was a white line: a light streak through the hatch).
    auto layer = std::make_shared<LayerData>();
    layer->name = QStringLiteral("hotspots");
    layer->kind = LayerKind::Hotspots;
    layer->geometry = GeometryKind::Polygon;
    layer->setFields({{QStringLiteral("gi_bin"), true}});
    for (int c = 0; c < 2; ++c) {
        const double x = 200000 + c * 1000;
        layer->addFeature({{{x, 500000}, {x + 1000, 500000}, {x + 1000, 501000}, {x, 501000}, {x, 500000}}});
        layer->appendValues({std::nullopt});
    }
    LayerListModel model;
    model.addLayer(layer, defaultStyle(*layer));
    ASSERT_EQ(model.symbology(0).hatched[0], 1);
    const int fillGrey = qGray(model.symbology(0).fill[0]);
    MapView v;
    v.size = QSize(200, 100);
    v.centre = {201000, 500500};
    v.metresPerPixel = 10;
    for (const double scale : {1.0, 3.125}) { // screen and a 300 dpi export
        RenderOptions o;
        o.background = Qt::white;
        o.pixelScale = scale;
        const QImage img = renderLayers(v, model.snapshots(), o);
        const int edge = static_cast<int>(std::lround(100 * scale));
        int lighter = 0;
        for (int y = static_cast<int>(10 * scale); y < 90 * scale; ++y)
            for (int x = edge - 3; x <= edge + 3; ++x) lighter += qGray(img.pixel(x, y)) > fillGrey + 3;
        EXPECT_EQ(lighter, 0) << "scale " << scale;
    }
}

TEST(ForeignData, ScanLeftInRdFarOutsideTheNetherlandsIsDrawnInUtm)
{
    // `gebiedscan scan` of North Carolina counties without --working-crs writes RD New
    // coordinates (x -6.75e6, y 3.03e6 near Raleigh): the viewer must not draw that rotated.
    QTemporaryDir dir;
    using T = gis::Column::Type;
    gis::Table t;
    t.name = "areas";
    t.columns = {
        {"code", T::String, ""}, {"name", T::String, ""}, {"level", T::String, ""}, {"n_total", T::Integer, ""}};
    t.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    t.rows = {{std::string("37183"), std::string("Wake"), std::string("gebied"), std::int64_t{12}},
              {std::string("37063"), std::string("Durham"), std::string("gebied"), std::int64_t{8}}};
    t.geometries = {squareAt(-6754612, 3027381, 20000), squareAt(-6734612, 3027381, 20000)};
    gis::writeGeoPackage(QDir(dir.path()).filePath(QStringLiteral("gebiedscan.gpkg")).toStdString(), {t}, {});
    {
        MainWindow w;
        ASSERT_TRUE(w.openPath(dir.path(), true));
        EXPECT_TRUE(displayCrs().startsWith(QStringLiteral("EPSG:326"))) << displayCrs().toStdString();
        EXPECT_FALSE(w.project().crsNote().isEmpty());
        EXPECT_TRUE(w.creditsFooter().contains(displayCrs())) << w.creditsFooter().toStdString();
        // Two squares side by side in RD stay two areas of similar size, re-read in UTM.
        ASSERT_GE(w.project().areaRow(), 0);
        EXPECT_EQ(w.layers()->layer(w.project().areaRow()).featureCount(), 2u);
        EXPECT_LT(std::abs(w.layers()->extent().minX), 1e6); // UTM eastings, not RD's -6.75e6
    }
    QTemporaryDir nlDir;
    MainWindow nl; // a new project starts in RD New again
    ASSERT_TRUE(nl.openPath(writeEbScan(nlDir), true));
    EXPECT_EQ(displayCrs(), QStringLiteral("EPSG:28992"));
}

TEST(Indicators, SheetMarksRatesOfSmallAreas)
{
    QTemporaryDir dir;
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeEbScan(dir), true));
    const auto rateOf = [&](PointRd at, int role) {
        EXPECT_TRUE(w.identifyAt(at));
        for (int r = 0; r < w.sheet()->rowCount(); ++r)
            if (w.sheet()
                    ->index(r, AreaSheetModel::Theme)
                    .data()
                    .toString()
                    .contains(QStringLiteral("inbraak"), Qt::CaseInsensitive))
                return w.sheet()->index(r, AreaSheetModel::Rate).data(role).toString();
        return QStringLiteral("no row");
    };
    EXPECT_FALSE(rateOf({200500, 500500}, Qt::DisplayRole).endsWith(QStringLiteral("*"))); // BU1
    const QString small = rateOf({202500, 500500}, Qt::DisplayRole);                       // BU3
    EXPECT_TRUE(small.startsWith(QStringLiteral("200")) && small.endsWith(QStringLiteral(" *"))) << small.toStdString();
    EXPECT_TRUE(rateOf({202500, 500500}, Qt::ToolTipRole).contains(QStringLiteral("30")));
}
