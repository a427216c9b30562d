// Basemaps: an RGB(A) GeoTIFF or a GeoPackage-tiles / MBTiles raster (written here through gis/,
// in RD New and in Web Mercator) draws in true colour at the bottom of the layer list.
#include "gebiedscan_build_paths.hpp"
#include "main_window.hpp"
#include "map_renderer.hpp"
#include "scan_fixture.hpp"
#include "scan_project.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/colour_raster.hpp"
#include "gebiedscan/gis/coordinate_transform.hpp"

#include <QApplication>
#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace gebiedscan;
using namespace gebiedscan::viewer;
using gebiedscan::viewer::test::writeScan;

namespace {

// Quadrants of the RD square 200000..202000 x 500000..502000: NW red, NE green, SW blue,
// SE yellow (opaque).
constexpr QRgb kNW = 0xffdc1e1e, kNE = 0xff1e9632, kSW = 0xff2850c8, kSE = 0xfff0d228;
const PointRd kNWc{200500, 501500}, kNEc{201500, 501500}, kSWc{200500, 500500}, kSEc{201500, 500500};

QRgb quadrant(const PointRd& p)
{
    return p.y >= 501000 ? (p.x < 201000 ? kNW : kNE) : (p.x < 201000 ? kSW : kSE);
}

// The picture in RD New (EPSG:28992) or, cell by cell, in another CRS (EPSG:3857) over the
// same ground: each pixel takes the quadrant colour of its centre transformed to RD.
gis::ColourRaster quadrants(const std::string& crs, int size)
{
    gis::ColourRaster r;
    r.width = r.height = size;
    PointRd lo{200000, 500000}, hi{202000, 502000};
    std::unique_ptr<gis::CoordinateTransform> toRd;
    if (crs != "EPSG:28992") {
        gis::CoordinateTransform fromRd("EPSG:28992", crs);
        lo = fromRd.transform(lo);
        hi = fromRd.transform(hi);
        toRd = std::make_unique<gis::CoordinateTransform>(crs, "EPSG:28992");
    }
    r.minX = lo.x;
    r.maxY = hi.y;
    r.cellWidth = (hi.x - lo.x) / size;
    r.cellHeight = (hi.y - lo.y) / size;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            PointRd c{r.minX + (x + 0.5) * r.cellWidth, r.maxY - (y + 0.5) * r.cellHeight};
            if (toRd) c = toRd->transform(c);
            r.argb.push_back(quadrant(c));
        }
    return r;
}

QRgb rendered(const std::vector<LayerSnapshot>& layers, const PointRd& p)
{
    MapView v;
    v.size = QSize(200, 200);
    v.centre = {201000, 501000};
    v.metresPerPixel = 12;
    RenderOptions o;
    o.antialias = false;
    const QImage img = renderLayers(v, layers, o);
    return img.pixel(v.toScreen(p).toPoint());
}

} // namespace

TEST(Basemap, RgbGeoTiffDrawsTrueColourAtTheBottom)
{
    QTemporaryDir dir;
    const QString tif = QDir(dir.path()).filePath(QStringLiteral("achtergrond.tif"));
    gis::writeColourRaster(tif.toStdString(), quadrants("EPSG:28992", 40), "EPSG:28992", "GTiff");
    ASSERT_TRUE(isBasemapRaster(tif));
    EXPECT_FALSE(isBasemapRaster(QStringLiteral(GEBIEDSCAN_SOURCE_DIR "/data/open/drenthe-gemeenten-2023.geojson")));

    // Opened after the scan's areas, it still goes beneath them.
    QTemporaryDir scanDir;
    LayerListModel layers;
    ScanProject project(&layers);
    project.open(writeScan(scanDir));
    const int before = layers.rowCount();
    const auto legends = layers.legends().size();
    project.open(tif);
    ASSERT_EQ(layers.rowCount(), before + 1);
    const int bottom = layers.rowCount() - 1;
    EXPECT_EQ(layers.layer(bottom).kind, LayerKind::Basemap);
    EXPECT_TRUE(layers.style(bottom).visible);
    EXPECT_EQ(layers.legends().size(), legends); // scenery: no legend entry
    EXPECT_NEAR(layers.layer(bottom).extent.minX, 200000, 1e-6);
    EXPECT_NEAR(layers.layer(bottom).extent.maxY, 502000, 1e-6);
    // The home view stays on the areas (the cells, 1.5 km wide), not the larger picture.
    EXPECT_NEAR(layers.homeExtent().maxY, 500500, 1e-6);

    // True colour: the quadrant colours exactly, not a ramp; the areas draw over it.
    auto snapshots = layers.snapshots();
    EXPECT_EQ(snapshots.front().data->kind, LayerKind::Basemap); // bottom first
    EXPECT_EQ(rendered(snapshots, kNWc), kNW);
    EXPECT_EQ(rendered(snapshots, kNEc), kNE);
    EXPECT_EQ(rendered(snapshots, {201800, 500800}), kSE); // beside the cells
    EXPECT_NE(rendered(snapshots, kSWc), kSW);             // under cell C1
    layers.setData(layers.index(project.areaRow()), Qt::Unchecked, Qt::CheckStateRole);
    EXPECT_EQ(rendered(layers.snapshots(), kSWc), kSW);
    // Outside the picture: the map background.
    EXPECT_EQ(rendered(layers.snapshots(), {202100, 501000}), RenderOptions{}.background.rgba());
}

TEST(Basemap, GeoPackageTilesInWebMercatorAreWarpedToRd)
{
    QTemporaryDir dir;
    const QString gpkg = QDir(dir.path()).filePath(QStringLiteral("tegels.gpkg"));
    gis::writeColourRaster(gpkg.toStdString(), quadrants("EPSG:3857", 120), "EPSG:3857", "GPKG");
    ASSERT_TRUE(isBasemapRaster(gpkg));
    LayerListModel layers;
    ScanProject project(&layers);
    project.open(gpkg);
    ASSERT_EQ(layers.rowCount(), 1);
    const auto& l = layers.layer(0);
    ASSERT_EQ(l.kind, LayerKind::Basemap);
    // Warped: the extent is the RD square again (within a pixel of the Mercator picture, ~27 m).
    EXPECT_NEAR(l.extent.minX, 200000, 60);
    EXPECT_NEAR(l.extent.maxY, 502000, 60);
    const auto snapshots = layers.snapshots();
    for (const auto& [p, colour] : {std::pair{kNWc, kNW}, {kNEc, kNE}, {kSWc, kSW}, {kSEc, kSE}})
        EXPECT_EQ(rendered(snapshots, p), colour) << p.x << ", " << p.y;
}

TEST(Basemap, MbtilesOpensAsBasemapInTheWindow)
{
    QTemporaryDir dir;
    const QString mbtiles = QDir(dir.path()).filePath(QStringLiteral("kaart.mbtiles"));
    try {
        gis::writeColourRaster(mbtiles.toStdString(), quadrants("EPSG:3857", 120), "EPSG:3857", "MBTiles");
    } catch (const std::exception& e) {
        GTEST_SKIP() << "GDAL cannot write MBTiles here: " << e.what();
    }
    MainWindow w;
    ASSERT_TRUE(w.openPath(mbtiles, true));
    ASSERT_EQ(w.layers()->rowCount(), 1);
    EXPECT_EQ(w.layers()->layer(0).kind, LayerKind::Basemap);
    w.resize(1000, 700);
    w.show();
    QApplication::processEvents();
    auto* canvas = w.canvas();
    canvas->zoomToExtent(w.layers()->extent());
    canvas->waitForFrame();
    const QImage& frame = canvas->frame();
    const auto at = [&](PointRd p) {
        return frame.pixel((canvas->view().toScreen(p) * frame.devicePixelRatio()).toPoint());
    };
    EXPECT_EQ(at(kNWc), kNW);
    EXPECT_EQ(at(kSEc), kSE);
}

TEST(Basemap, NotAColourRasterIsRefused)
{
    QTemporaryDir dir;
    const QString tif = QDir(dir.path()).filePath(QStringLiteral("x.tif"));
    EXPECT_THROW((void)loadBasemapLayer(tif), InputError); // no such file
    EXPECT_THROW(
        (void)loadBasemapLayer(QStringLiteral(GEBIEDSCAN_SOURCE_DIR "/data/open/drenthe-gemeenten-2023.geojson")),
        InputError);
}
