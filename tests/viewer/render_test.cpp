// Pixel tests of the renderer and the map sheet: colours at known features, holes, hatching,
// Gi* bins and the legend, computed from the ColorBrewer anchors, not from the code under test.
#include "layer_list_model.hpp"
#include "map_decorations.hpp"
#include "map_renderer.hpp"
#include "viewer_fixtures.hpp"

#include <QPainter>

#include <gtest/gtest.h>

using namespace gebiedscan;
using namespace gebiedscan::viewer;

namespace {

QRgb pixelAt(const QImage& img, const MapView& view, const PointRd& p, double scale = 1.0)
{
    const QPointF s = view.toScreen(p) * scale;
    return img.pixel(static_cast<int>(s.x()), static_cast<int>(s.y())) & 0xffffffu;
}

struct Scene {
    LayerListModel model;
    std::shared_ptr<LayerData> areas = test::sixAreas();
    std::shared_ptr<LayerData> hot = test::hotspots();
    MapView view;
    Scene()
    {
        LayerStyle s = defaultStyle(*areas);
        s.mode = StyleMode::Choropleth;
        s.field = QStringLiteral("n_woninginbraak");
        s.method = ClassificationMethod::EqualInterval;
        s.classes = 2;
        model.addLayer(areas, s);
        model.addLayer(hot, defaultStyle(*hot));
        // Areas on the right half of a 1000 x 600 view; the legend goes bottom-left.
        view.size = QSize(1000, 600);
        view.metresPerPixel = 10;
        view.centre = {201000, 501000};
    }
};

} // namespace

TEST(MapView, ScreenWorldRoundTripAndZoomAnchor)
{
    MapView v;
    v.size = QSize(800, 600);
    v.centre = {150000, 450000};
    v.metresPerPixel = 25;
    const PointRd w = v.toWorld(QPointF(100, 50));
    EXPECT_DOUBLE_EQ(w.x, 150000 + (100 - 400) * 25.0);
    EXPECT_DOUBLE_EQ(w.y, 450000 - (50 - 300) * 25.0); // screen y down, northing up
    const QPointF s = v.toScreen(w);
    EXPECT_NEAR(s.x(), 100, 1e-9);
    EXPECT_NEAR(s.y(), 50, 1e-9);
    v.zoomAt(QPointF(100, 50), 2.0);
    EXPECT_DOUBLE_EQ(v.metresPerPixel, 12.5);
    const PointRd after = v.toWorld(QPointF(100, 50));
    EXPECT_NEAR(after.x, w.x, 1e-6); // the point under the cursor stays put
    EXPECT_NEAR(after.y, w.y, 1e-6);
    Envelope e;
    e.expand(PointRd{0, 0});
    e.expand(PointRd{8000, 3000});
    v.zoomTo(e, 0.0);
    EXPECT_DOUBLE_EQ(v.metresPerPixel, 10.0); // width-bound: 8000 m over 800 px
}

TEST(Renderer, ChoroplethColoursAtFeatureCentresHoleAndHatch)
{
    Scene scene;
    const QImage img = renderLayers(scene.view, scene.model.snapshots());
    const auto& a = *scene.areas;
    // Equal interval, 2 classes on YlOrRd: class 1 = anchor 1 #ffeda0, class 2 = anchor 8 #800026.
    EXPECT_EQ(pixelAt(img, scene.view, a.labelPoints[0]), 0xffeda0u); // value 0
    EXPECT_EQ(pixelAt(img, scene.view, a.labelPoints[3]), 0xffeda0u); // value 40 <= 50
    EXPECT_EQ(pixelAt(img, scene.view, {205200, 500200}), 0x800026u); // value 100, outside the hole
    // The hole in the last area shows the background.
    EXPECT_EQ(pixelAt(img, scene.view, {205500, 500500}), RenderOptions{}.background.rgb() & 0xffffffu);
    // The suppressed area is hatched grey: only the grey fill or the hatch line colour.
    int grey = 0, lines = 0, other = 0;
    for (int dy = -20; dy <= 20; ++dy)
        for (int dx = -20; dx <= 20; ++dx) {
            const QPointF c = scene.view.toScreen(a.labelPoints[4]);
            const QRgb p = img.pixel(static_cast<int>(c.x()) + dx, static_cast<int>(c.y()) + dy) & 0xffffffu;
            if (p == 0xd0d0d0u)
                ++grey;
            else if (qRed(p) == qGreen(p) && qGreen(p) == qBlue(p) && qRed(p) < 0xd0)
                ++lines;
            else
                ++other;
        }
    EXPECT_GT(grey, 800);
    EXPECT_GT(lines, 100);
    EXPECT_EQ(other, 0);
}

TEST(Renderer, GiStarBinsInDivergingRedBlue)
{
    Scene scene;
    const QImage img = renderLayers(scene.view, scene.model.snapshots());
    EXPECT_EQ(pixelAt(img, scene.view, scene.hot->labelPoints[0]), 0xb2182bu); // bin +3: hot spot 99 %
    EXPECT_EQ(pixelAt(img, scene.view, scene.hot->labelPoints[1]), 0xeeeeeeu); // not significant
    EXPECT_EQ(pixelAt(img, scene.view, scene.hot->labelPoints[2]), 0x67a9cfu); // bin -2: cold spot 95 %
    // Half opacity blends the hot spot colour with the background.
    scene.model.setData(scene.model.index(0), 0.5, LayerListModel::OpacityRole);
    const QImage half = renderLayers(scene.view, scene.model.snapshots());
    const QRgb p = pixelAt(half, scene.view, scene.hot->labelPoints[0]);
    EXPECT_NEAR(qRed(p), (0xb2 + 0xfb) / 2, 2);
    EXPECT_NEAR(qBlue(p), (0x2b + 0xf8) / 2, 2);
}

TEST(Renderer, LisaQuadrantsFromWords)
{
    EXPECT_EQ(lisaQuadrant(QStringLiteral("HH")), 1);
    EXPECT_EQ(lisaQuadrant(QStringLiteral("Laag-laag")), 2);
    EXPECT_EQ(lisaQuadrant(QStringLiteral("high-low")), 3);
    EXPECT_EQ(lisaQuadrant(QStringLiteral("LH")), 4);
    EXPECT_EQ(lisaQuadrant(QStringLiteral("ns")), 0);
    auto hot = test::hotspots();
    LayerStyle s = defaultStyle(*hot);
    s.mode = StyleMode::Lisa;
    s.field = QStringLiteral("lisa_q");
    const auto sym = computeSymbology(*hot, s, QStringLiteral("LISA"));
    EXPECT_EQ(sym.fill[0] & 0xffffffu, 0xd7191cu);
    EXPECT_EQ(sym.fill[2] & 0xffffffu, 0x2c7bb6u);
}

TEST(Renderer, ManyPointsAreClusteredWhenZoomedOut)
{
    auto pts = std::make_shared<LayerData>();
    pts->name = "incidents";
    pts->geometry = GeometryKind::Point;
    pts->setFields({});
    for (int i = 0; i < 5000; ++i) {
        pts->addFeature({{PointRd{200000.0 + (i % 100) * 50, 500000.0 + (i / 100) * 50}}});
        pts->appendValues({});
    }
    classify(*pts);
    EXPECT_EQ(pts->kind, LayerKind::Points);
    LayerStyle s = defaultStyle(*pts);
    EXPECT_FALSE(s.visible); // address-precise incidents start hidden
    s.visible = true;
    const auto sym = std::make_shared<Symbology>(computeSymbology(*pts, s, {}));
    MapView v;
    v.size = QSize(400, 300);
    v.zoomTo(pts->extent);
    const QImage clustered = renderLayers(v, {{pts, sym, s}});
    s.cluster = false;
    const QImage dense = renderLayers(v, {{pts, sym, s}});
    // Clusters draw white count labels; raw points are only the point colour.
    int white = 0;
    for (int y = 0; y < clustered.height(); ++y)
        for (int x = 0; x < clustered.width(); ++x) white += (clustered.pixel(x, y) & 0xffffffu) == 0xffffffu;
    EXPECT_GT(white, 50);
    EXPECT_EQ(pixelAt(dense, v, {200000 + 50 * 50, 500000 + 25 * 50}), s.fill.rgb() & 0xffffffu);
}

TEST(MapSheet, LegendScaleBarAndTitleArePresent)
{
    Scene scene;
    Composition c;
    c.title = QStringLiteral("Gebiedscan: 1.3 Woninginbraak");
    c.footer = QStringLiteral("Periode 2024");
    c.legends = scene.model.legends();
    c.aol = {{{201500, 500500}, 1}};
    scene.view.centre = {200000, 501000}; // areas to the right, legend area free
    for (double scale : {1.0, 2.0}) {
        const QImage img = renderComposition(scene.view, scene.model.snapshots(), c, scale);
        ASSERT_EQ(img.width(), static_cast<int>(1000 * scale));
        QPainter measure;
        const QSizeF ls = drawLegend(measure, {}, c.legends, scale, false);
        ASSERT_FALSE(ls.isEmpty());
        // Legend box: bottom-left above the footer. Look for its swatch colours and text.
        const int x0 = static_cast<int>(12 * scale), y1 = img.height() - static_cast<int>((12 + 16) * scale);
        const int y0 = y1 - static_cast<int>(ls.height());
        int dark = 0, maxClass = 0, hotColour = 0, hatch = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x0 + static_cast<int>(ls.width()); ++x) {
                const QRgb p = img.pixel(x, y) & 0xffffffu;
                dark += qGray(p) < 60;
                maxClass += p == 0x800026u;
                hotColour += p == 0xb2182bu;
                hatch += p == 0xd0d0d0u;
            }
        EXPECT_GT(dark, 200 * scale * scale) << "legend text";
        EXPECT_GT(maxClass, 50 * scale * scale) << "legend swatch of the top class";
        EXPECT_GT(hotColour, 50 * scale * scale) << "legend swatch of Gi* +3";
        EXPECT_GT(hatch, 20 * scale * scale) << "hatched geheim swatch";
        // Scale bar bottom right: black and white halves.
        int black = 0;
        for (int y = img.height() - static_cast<int>(60 * scale); y < img.height(); ++y)
            for (int x = img.width() - static_cast<int>(170 * scale); x < img.width(); ++x)
                black += (img.pixel(x, y) & 0xffffffu) == 0;
        EXPECT_GT(black, 100 * scale * scale) << "scale bar";
        // AOL pin (dark green) above its location.
        const QPointF pin = scene.view.toScreen(PointRd{201500, 500500}) * scale;
        EXPECT_EQ(img.pixel(static_cast<int>(pin.x()), static_cast<int>(pin.y() - 6 * scale)) & 0xffffffu, 0x006d2cu);
    }
}
