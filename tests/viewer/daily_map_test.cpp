// The viewer as the analyst's daily map (issue 15): every level of a scan shown and identified,
// a total theme, hot spots that follow the theme, credits from the layers' own metadata, sensible
// defaults (diverging changes centred on 0, empty classes light, no rate without inhabitants),
// the sheet grouped by veiligheidsveld with a total row, exportable as CSV.
#include "main_window.hpp"
#include "scan_project.hpp"
#include "viewer_cli.hpp"

#include "gebiedscan/gis/table_writer.hpp"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QTemporaryDir>
#include <QTranslator>

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

// Three buurten in one wijk, themes 1.3 woninginbraak and 4.1 verkeer (two veiligheidsvelden):
//            total  woninginbraak  verkeer  gi_bin  gi_bin_woninginbraak  chg_woninginbraak
//   BU1       40        30            10       3            0                 +21
//   BU2        8         0             8       0            3                 -30
//   BU3        0         0             0       0            0                   0
//   WK1       48      geheim (hidden by the scan at wijk level)   18
// `bron` metadata on every layer; summary.json names the sources (synthetic registrations).
QString writeDailyScan(const QTemporaryDir& dir, bool population = true)
{
    using T = gis::Column::Type;
    const gis::Value geheim = gis::Suppressed{};
    std::vector<gis::Column> columns{{"code", T::String, ""},
                                     {"name", T::String, ""},
                                     {"level", T::String, ""},
                                     {"population", T::Integer, ""},
                                     {"n_total", T::Integer, ""},
                                     {"rank_total", T::Integer, ""},
                                     {"n_woninginbraak", T::Integer, ""},
                                     {"rank_woninginbraak", T::Integer, ""},
                                     {"chg_woninginbraak", T::Real, ""},
                                     {"n_verkeer", T::Integer, ""},
                                     {"gi_bin", T::Integer, ""},
                                     {"gi_label", T::String, ""},
                                     {"gi_bin_woninginbraak", T::Integer, ""},
                                     {"gi_label_woninginbraak", T::String, ""}};
    const gis::Value inhabitants = population ? gis::Value{std::int64_t{500}} : gis::Value{};
    gis::Table buurten;
    buurten.name = "areas";
    buurten.columns = columns;
    buurten.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    const auto s = [](const char* t) { return gis::Value{std::string(t)}; };
    const auto i = [](std::int64_t v) { return gis::Value{v}; };
    buurten.rows = {{s("BU00010001"), s("Noord"), s("buurt"), inhabitants, i(40), i(1), i(30), i(1), 21.0, i(10), i(3),
                     s("Hotspot 99%"), i(0), s("Niet significant")},
                    {s("BU00010002"), s("Midden"), s("buurt"), inhabitants, i(8), i(2), i(0), i(2), -30.0, i(8), i(0),
                     s("Niet significant"), i(3), s("Hotspot 99%")},
                    {s("BU00010003"), s("Zuid"), s("buurt"), inhabitants, i(0), i(3), i(0), i(3), 0.0, i(0), i(0),
                     s("Niet significant"), i(0), s("Niet significant")}};
    buurten.geometries = {squareAt(200000, 500000, 1000), squareAt(201000, 500000, 1000),
                          squareAt(202000, 500000, 1000)};
    gis::Table wijken;
    wijken.name = "areas_wijk";
    wijken.columns = columns;
    wijken.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    wijken.rows = {{s("WK000101"), s("Dorp"), s("wijk"), population ? gis::Value{std::int64_t{1500}} : gis::Value{},
                    i(48), i(1), geheim, gis::Value{}, geheim, i(18), i(0), s("Niet significant"), i(0),
                    s("Niet significant")}};
    wijken.geometries = {squareAt(200000, 500000, 3000)};
    gis::WriteOptions w;
    w.metadata = {{"bron", "registraties: synthetische registraties; gebieden: CBS/Kadaster Wijk- en Buurtkaart "
                           "(CC BY 4.0)"},
                  {"periode", "huidig: 2024"},
                  {"onderdrukking", "aantallen 1 t/m 4 getoond als 'geheim'; meer"}};
    gis::writeGeoPackage(QDir(dir.path()).filePath(QStringLiteral("gebiedscan.gpkg")).toStdString(), {buurten, wijken},
                         w);
    QFile summary(QDir(dir.path()).filePath(QStringLiteral("summary.json")));
    EXPECT_TRUE(summary.open(QIODevice::WriteOnly));
    summary.write(R"json({"periods": [{"id": "2023", "role": "reference"}, {"id": "2024", "role": "current"}],
        "themes": [{"id": "woninginbraak", "number": "1.3", "veld": 1, "label": "Woninginbraak"},
                   {"id": "verkeer", "number": "4.1", "veld": 4, "label": "Verkeersveiligheid"}],
        "sources": [{"role": "registraties", "description": "x", "credit": "synthetische registraties",
                     "synthetic": true},
                    {"role": "gebieden", "description": "y", "credit": "CBS/Kadaster Wijk- en Buurtkaart (CC BY 4.0)",
                     "synthetic": false}],
        "suppression": {"rule": "aantallen 1 t/m 4 getoond als 'geheim'; meer"}, "model": "Testmodel"})json");
    summary.close();
    return dir.path();
}

// Dutch, as the viewer starts by default, for one test (ctest runs each test in its own process,
// a whole test_viewer run must not leak it into the English expectations of other tests).
class Dutch {
public:
    Dutch() : m_locale(QLocale())
    {
        QLocale::setDefault(QLocale(QLocale::Dutch, QLocale::Netherlands));
        EXPECT_TRUE(m_own.load(QStringLiteral(":/i18n/gebiedscan_viewer_nl.qm")));
        QCoreApplication::installTranslator(&m_own);
        if (m_qt.load(QStringLiteral("qtbase_nl"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qt);
    }
    ~Dutch()
    {
        QCoreApplication::removeTranslator(&m_qt);
        QCoreApplication::removeTranslator(&m_own);
        QLocale::setDefault(m_locale);
    }
    Dutch(const Dutch&) = delete;
    Dutch& operator=(const Dutch&) = delete;

private:
    QLocale m_locale;
    QTranslator m_own, m_qt;
};

QString cell(const AreaSheetModel& m, int row, int column)
{
    return m.data(m.index(row, column), Qt::DisplayRole).toString();
}

} // namespace

TEST(DailyMap, EveryLevelIsShownAndIdentifiedWithItsOwnSuppressedFigures)
{
    const Dutch dutch;
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeDailyScan(dir), true));
    ASSERT_EQ(w.project().levels().size(), 2u);
    EXPECT_EQ(w.project().level(), QStringLiteral("buurt"));
    ASSERT_TRUE(w.identifyAt({200500, 500500}));
    EXPECT_TRUE(w.sheet()->headline().contains(QStringLiteral("Noord"))) << w.sheet()->headline().toStdString();

    ASSERT_TRUE(w.setLevel(QStringLiteral("wijk")));
    EXPECT_FALSE(w.setLevel(QStringLiteral("provincie")));
    const int row = w.project().areaRow();
    EXPECT_EQ(w.layers()->layer(row).sourceLayer, QStringLiteral("areas_wijk"));
    EXPECT_EQ(w.layers()->style(row).mode, StyleMode::Choropleth);
    ASSERT_TRUE(w.identifyAt({200500, 500500}));
    EXPECT_TRUE(w.sheet()->headline().contains(QStringLiteral("Dorp (WK000101)")))
        << w.sheet()->headline().toStdString();
    EXPECT_TRUE(w.sheet()->headline().contains(QStringLiteral("48")));
    // Rows: veld 1 header, woninginbraak, veld 4 header, verkeer, total.
    ASSERT_EQ(w.sheet()->rowCount(), 5);
    EXPECT_EQ(cell(*w.sheet(), 1, AreaSheetModel::Current), QStringLiteral("geheim")); // the wijk's own, not 30
    EXPECT_EQ(cell(*w.sheet(), 3, AreaSheetModel::Current), QStringLiteral("18"));
    EXPECT_EQ(cell(*w.sheet(), 4, AreaSheetModel::Current), QStringLiteral("48"));
    // Back to buurt: the wijk is an outline again, the buurten are coloured.
    ASSERT_TRUE(w.setLevel(QStringLiteral("buurt")));
    EXPECT_EQ(w.layers()->layer(w.project().areaRow()).sourceLayer, QStringLiteral("areas"));
    EXPECT_EQ(w.layers()->style(row).mode, StyleMode::Single);
    EXPECT_EQ(w.layers()->style(row).fill.alpha(), 0);
}

TEST(DailyMap, SheetIsGroupedByVeldWithTotalAndNoRankForZero)
{
    const Dutch dutch;
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeDailyScan(dir), true));
    ASSERT_TRUE(w.identifyAt({201500, 500500})); // BU2: woninginbraak 0 with rank 2
    const auto& m = *w.sheet();
    ASSERT_EQ(m.rowCount(), 5);
    EXPECT_TRUE(m.isGroupRow(0));
    EXPECT_EQ(cell(m, 0, AreaSheetModel::Theme), QStringLiteral("1. Veilige woon- en leefomgeving"));
    EXPECT_TRUE(cell(m, 0, AreaSheetModel::Current).isEmpty());
    EXPECT_EQ(cell(m, 1, AreaSheetModel::Theme), QStringLiteral("1.3 Woninginbraak"));
    EXPECT_EQ(cell(m, 1, AreaSheetModel::Current), QStringLiteral("0"));
    EXPECT_TRUE(cell(m, 1, AreaSheetModel::Rank).isEmpty()); // no "Rang 2" for a count of 0
    EXPECT_EQ(cell(m, 2, AreaSheetModel::Theme), QStringLiteral("4. Fysieke veiligheid"));
    EXPECT_TRUE(m.isTotalRow(4));
    EXPECT_EQ(cell(m, 4, AreaSheetModel::Theme), QStringLiteral("Totaal"));
    EXPECT_EQ(cell(m, 4, AreaSheetModel::Current), QStringLiteral("8"));
    EXPECT_EQ(cell(m, 4, AreaSheetModel::Rank), QStringLiteral("2"));

    const QString csv = QDir(dir.path()).filePath(QStringLiteral("blad.csv"));
    ASSERT_TRUE(w.exportSheetCsv(csv));
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2 + 5); // headline, header, rows
    EXPECT_TRUE(lines[0].contains(QStringLiteral("Midden")));
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("Thema;Huidig;")));
    EXPECT_TRUE(lines[6].startsWith(QStringLiteral("Totaal;8;"))) << lines[6].toStdString();
    const QString png = QDir(dir.path()).filePath(QStringLiteral("blad.png"));
    ASSERT_TRUE(w.exportSheetPng(png));
    EXPECT_GT(QImage(png).width(), 100);
}

TEST(DailyMap, TotalThemeByDefaultAndHotspotsFollowTheTheme)
{
    const Dutch dutch;
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString folder = writeDailyScan(dir);
    // The scan's areas also serve as a hot spot layer of its own: bins per theme.
    {
        MainWindow w;
        ASSERT_TRUE(w.openPath(folder, true));
        EXPECT_EQ(w.project().defaultTheme(), QStringLiteral("total"));
        const int ar = w.project().areaRow();
        EXPECT_EQ(w.layers()->style(ar).field, QStringLiteral("n_total"));
        EXPECT_TRUE(w.layers()->symbology(ar).legend.title.startsWith(QStringLiteral("Totaal")))
            << w.layers()->symbology(ar).legend.title.toStdString();
        // The headline names the theme's hot spot status: the total's for BU1, woninginbraak's for BU2.
        ASSERT_TRUE(w.identifyAt({200500, 500500}));
        EXPECT_TRUE(w.sheet()->headline().contains(QStringLiteral("Hotspot 99%")))
            << w.sheet()->headline().toStdString();
        ASSERT_TRUE(w.setTheme(QStringLiteral("woninginbraak")));
        EXPECT_FALSE(w.sheet()->headline().contains(QStringLiteral("Hotspot 99%")))
            << w.sheet()->headline().toStdString();
        EXPECT_TRUE(w.sheet()->headline().contains(QStringLiteral("1.3 Woninginbraak: 30")))
            << w.sheet()->headline().toStdString();
        ASSERT_TRUE(w.identifyAt({201500, 500500}));
        EXPECT_TRUE(w.sheet()->headline().contains(QStringLiteral("Hotspot 99% (1.3 Woninginbraak)")))
            << w.sheet()->headline().toStdString();
    }
    // A hot spot layer: the theme's own bins, not the total's.
    LayerListModel layers;
    ScanProject project(&layers);
    project.open(folder);
    auto hot = loadVectorLayer(QDir(folder).filePath(QStringLiteral("gebiedscan.gpkg")), QStringLiteral("areas"));
    hot->kind = LayerKind::Hotspots;
    hot->role = QStringLiteral("scan_hotspots");
    LayerStyle hs = defaultStyle(*hot);
    ASSERT_EQ(hs.mode, StyleMode::GiBins);
    layers.addLayer(hot, hs);
    project.showTheme(QStringLiteral("total"), QStringLiteral("n"), {});
    EXPECT_EQ(layers.symbology(0).fill[0], giBinColour(3).rgba());
    EXPECT_EQ(layers.symbology(0).fill[1], giBinColour(0).rgba());
    project.showTheme(QStringLiteral("woninginbraak"), QStringLiteral("n"), {});
    EXPECT_EQ(layers.style(0).field, QStringLiteral("gi_bin_woninginbraak"));
    EXPECT_EQ(layers.symbology(0).fill[0], giBinColour(0).rgba());
    EXPECT_EQ(layers.symbology(0).fill[1], giBinColour(3).rgba());
    EXPECT_TRUE(layers.symbology(0).legend.title.contains(QStringLiteral("Woninginbraak")));
}

TEST(DailyMap, FooterCreditsWhatIsShownFromItsMetadata)
{
    const Dutch dutch;
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeDailyScan(dir), true));
    const QString footer = w.creditsFooter();
    EXPECT_TRUE(footer.contains(QStringLiteral("gebieden: CBS/Kadaster Wijk- en Buurtkaart (CC BY 4.0)")))
        << footer.toStdString();
    EXPECT_TRUE(footer.contains(QStringLiteral("registraties: synthetische registraties"))) << footer.toStdString();
    EXPECT_TRUE(footer.contains(QStringLiteral("SYNTHETISCHE"))) << footer.toStdString();
    EXPECT_FALSE(footer.contains(QStringLiteral("NWB")));
    EXPECT_EQ(footer.count(QStringLiteral("CBS/Kadaster")), 1); // once, though two layers carry it

    // A loose layer without metadata (Chicago tracts, a hand-made file): "bron onbekend".
    gis::Table tracts;
    tracts.name = "tracts";
    tracts.columns = {{"code", gis::Column::Type::String, ""}};
    tracts.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    tracts.rows = {{std::string("17031010100")}};
    tracts.geometries = {squareAt(200000, 500000, 1000)};
    const QString file = QDir(dir.path()).filePath(QStringLiteral("tracts.gpkg"));
    gis::writeGeoPackage(file.toStdString(), {tracts}, {});
    MainWindow loose;
    ASSERT_TRUE(loose.openPath(file, true));
    EXPECT_TRUE(loose.creditsFooter().contains(QStringLiteral("tracts: bron onbekend")))
        << loose.creditsFooter().toStdString();
    EXPECT_FALSE(loose.creditsFooter().contains(QStringLiteral("CBS")));
}

TEST(DailyMap, ChangesAreCentredOnZeroAndZerosAreLightest)
{
    const Dutch dutch;
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    LayerListModel layers;
    ScanProject project(&layers);
    project.open(writeDailyScan(dir));
    const int row = project.areaRow();
    project.showTheme(QStringLiteral("woninginbraak"), QStringLiteral("change_pct"), {});
    const auto& fill = layers.symbology(row).fill;
    const QColor up(fill[0]), down(fill[1]), zero(fill[2]);
    EXPECT_GT(up.red(), up.blue() + 30) << "+21 % must read as an increase, not white";
    EXPECT_GT(down.blue(), down.red() + 30);
    EXPECT_EQ(zero.rgb() & 0xffffffu, 0xf7f7f7u); // the neutral middle of RdBu
    // Woninginbraak counts 30, 0, 0: the zeros in the lightest colour, never a strong one.
    project.showTheme(QStringLiteral("woninginbraak"), QStringLiteral("n"), {});
    EXPECT_EQ(layers.symbology(row).fill[1], rampLightest(QStringLiteral("YlOrRd")).rgba());
    // A theme with only zeros (the BRON scan's solid orange map): all lightest, legend "0 (3)".
    auto empty = loadVectorLayer(QDir(dir.path()).filePath(QStringLiteral("gebiedscan.gpkg")), QStringLiteral("areas"));
    LayerStyle s = defaultStyle(*empty);
    s.mode = StyleMode::Choropleth;
    s.field = QStringLiteral("n_verkeer");
    auto values = std::make_shared<std::vector<double>>(std::vector<double>{0, 0, 0});
    s.values = values;
    const Symbology sym = computeSymbology(*empty, s, QStringLiteral("leeg"));
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(sym.fill[i], rampLightest(s.ramp).rgba());
    ASSERT_EQ(sym.legend.entries.size(), 1u);
    EXPECT_TRUE(sym.legend.entries[0].label.startsWith(QStringLiteral("0")))
        << sym.legend.entries[0].label.toStdString();
}

TEST(DailyMap, SkewedCountsGetQuantilesInsteadOfNearEmptyJenksClasses)
{
    const Dutch dutch;
    // 35 areas with 1..10 registrations and a tail of 6 up to 1,600: natural breaks put the 35
    // in one class (a one-dot map), quantiles spread them.
    auto l = std::make_shared<LayerData>();
    l->name = "areas";
    l->geometry = GeometryKind::Polygon;
    l->setFields({{"n_total", true}});
    for (int i = 0; i < 41; ++i) {
        l->addFeature({{{200000.0 + 100 * i, 500000},
                        {200100.0 + 100 * i, 500000},
                        {200100.0 + 100 * i, 500100},
                        {200000.0 + 100 * i, 500000}}});
        const int tail[] = {100, 150, 200, 400, 800, 1600};
        l->appendValues({QString::number(i < 35 ? 1 + i % 10 : tail[i - 35])});
    }
    classify(*l);
    LayerStyle s = defaultStyle(*l);
    s.mode = StyleMode::Choropleth;
    s.field = QStringLiteral("n_total");
    ASSERT_TRUE(s.autoMethod);
    const Symbology automatic = computeSymbology(*l, s, {});
    EXPECT_EQ(automatic.classification.method, ClassificationMethod::Quantile);
    s.autoMethod = false; // chosen by hand: natural breaks stay
    EXPECT_EQ(computeSymbology(*l, s, {}).classification.method, ClassificationMethod::NaturalBreaks);
}

TEST(DailyMap, NoRatePerThousandWithoutInhabitantsAndUnknownPeriodIsRefused)
{
    const Dutch dutch;
    QTemporaryDir with, without;
    ASSERT_TRUE(with.isValid() && without.isValid());
    MainWindow a;
    ASSERT_TRUE(a.openPath(writeDailyScan(with), true));
    EXPECT_TRUE(a.project().hasPopulation());
    EXPECT_TRUE(a.setIndicator(QStringLiteral("rate")));
    MainWindow b;
    ASSERT_TRUE(b.openPath(writeDailyScan(without, false), true));
    EXPECT_FALSE(b.project().hasPopulation());
    EXPECT_FALSE(b.setIndicator(QStringLiteral("rate")));
    EXPECT_EQ(b.layers()->style(b.project().areaRow()).field, QStringLiteral("n_total"));
    EXPECT_TRUE(b.setPeriod(QStringLiteral("2024")));
    EXPECT_FALSE(b.setPeriod(QStringLiteral("1999")));
}

TEST(DailyMap, DutchByDefaultIncludingQtDialogsAndHelp)
{
    const Dutch dutch;
    EXPECT_TRUE(usageText(QStringLiteral("nl")).startsWith(QStringLiteral("gebruik:")));
    EXPECT_TRUE(usageText(QStringLiteral("en")).startsWith(QStringLiteral("usage:")));
    EXPECT_TRUE(usageText(QStringLiteral("nl")).contains(QStringLiteral("--level")));
    EXPECT_EQ(ScanProject::totalLabel(), QStringLiteral("Totaal"));
    // Qt's own dialogs (QFileDialog) from qtbase_nl.qm (Debian qt6-translations-l10n).
    EXPECT_NE(QCoreApplication::translate("QFileDialog", "Look in:"), QStringLiteral("Look in:"));
}

TEST(DailyMap, DataFarOutsideTheNetherlandsIsDrawnInItsUtmZoneNotRotatedRd)
{
    // North Carolina counties (sf's example data, NAD27 lon/lat): RD New would turn them.
    const QString nc = QStringLiteral("/usr/lib/R/site-library/sf/gpkg/nc.gpkg");
    if (!QFile::exists(nc)) GTEST_SKIP() << "r-cran-sf example data not installed";
    {
        MainWindow w;
        ASSERT_TRUE(w.openPath(nc, true));
        EXPECT_EQ(displayCrs(), QStringLiteral("EPSG:32617")); // UTM 17N: 78-84 W
        EXPECT_FALSE(w.project().crsNote().isEmpty());
        const Envelope e = w.layers()->extent();
        // The state is about 800 km east-west and 300 km north-south, as on any map of it.
        EXPECT_NEAR(e.width() / 1000, 810, 60);
        EXPECT_NEAR(e.height() / 1000, 300, 40);
        EXPECT_TRUE(w.creditsFooter().contains(QStringLiteral("EPSG:32617"))) << w.creditsFooter().toStdString();
    }
    // A new project starts in RD New again; the Netherlands stays in RD New.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    MainWindow nl;
    ASSERT_TRUE(nl.openPath(writeDailyScan(dir), true));
    EXPECT_EQ(displayCrs(), QStringLiteral("EPSG:28992"));
    EXPECT_TRUE(nl.project().crsNote().isEmpty());
}

TEST(DailyMap, AreaNamesAreLabelledWithoutOverlapAndTheLegendMoves)
{
    const Dutch dutch;
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    MainWindow w;
    ASSERT_TRUE(w.openPath(writeDailyScan(dir), true));
    const int ar = w.project().areaRow();
    EXPECT_EQ(w.layers()->style(ar).labelField, QStringLiteral("name")); // the level shown
    const auto snapshots = w.layers()->snapshots();
    MapView v;
    v.size = QSize(600, 300);
    v.zoomTo(w.layers()->extent());
    const auto darkPixels = [&](const std::vector<LayerSnapshot>& layers) {
        const QImage img = renderLayers(v, layers);
        int dark = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) dark += qGray(img.pixel(x, y)) < 60 ? 1 : 0;
        return dark;
    };
    auto unlabelled = snapshots;
    for (auto& s : unlabelled) s.style.labelField.clear();
    const int with = darkPixels(snapshots), without = darkPixels(unlabelled);
    EXPECT_GT(with, without + 50) << "the names Noord, Midden, Zuid are drawn";
    // At a scale where the three names would overlap, only some are drawn.
    MapView far = v;
    far.metresPerPixel *= 12;
    const QImage crowded = renderLayers(far, snapshots);
    EXPECT_FALSE(crowded.isNull());

    // The legend on the canvas can be dragged away from the data.
    w.resize(1000, 700);
    w.show();
    QApplication::processEvents();
    (void)w.canvas()->grab(); // paints the canvas and its legend
    const QRectF before = w.canvas()->legendRect();
    ASSERT_FALSE(before.isEmpty());
    const QPointF to(std::max(0.0, w.canvas()->width() - before.width() - 5), 40);
    w.canvas()->moveLegend(to);
    (void)w.canvas()->grab();
    EXPECT_NEAR(w.canvas()->legendRect().left(), to.x(), 1);
    EXPECT_NEAR(w.canvas()->legendRect().top(), 40, 1);
    EXPECT_NE(w.canvas()->legendRect().top(), before.top());
    // Dragged beyond the canvas it stays inside.
    w.canvas()->moveLegend(QPointF(-500, 99999));
    (void)w.canvas()->grab();
    EXPECT_GE(w.canvas()->legendRect().left(), 0);
    EXPECT_LE(w.canvas()->legendRect().bottom(), w.canvas()->height() + 1);
}
