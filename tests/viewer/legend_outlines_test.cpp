// The outlines of the higher levels (wijk, gemeente) over the coloured buurten: distinct on the
// map and drawn the same way in the legend (a gemeente line thicker and darker than a wijk's),
// not two identical black strokes.
#include "layer_list_model.hpp"
#include "main_window.hpp"
#include "map_decorations.hpp"
#include "scan_fixture.hpp"

#include "gebiedscan/gis/table_writer.hpp"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace gebiedscan;
using namespace gebiedscan::viewer;
using gebiedscan::viewer::test::cell;

namespace {

QString writeThreeLevels(const QTemporaryDir& dir)
{
    using T = gis::Column::Type;
    const auto level = [](const char* table, const char* code, const char* lvl, gis::FeatureGeometry g) {
        gis::Table t;
        t.name = table;
        t.columns = {
            {"code", T::String, ""}, {"name", T::String, ""}, {"level", T::String, ""}, {"n_total", T::Integer, ""}};
        t.geometryKind = gis::FeatureGeometry::Kind::Polygon;
        t.rows = {{std::string(code), std::string(code), std::string(lvl), std::int64_t{10}}};
        t.geometries = {std::move(g)};
        return t;
    };
    gis::writeGeoPackage(QDir(dir.path()).filePath(QStringLiteral("gebiedscan.gpkg")).toStdString(),
                         {level("areas", "BU1", "buurt", cell(200000, 500000)),
                          level("areas_wijk", "WK1", "wijk", cell(200000, 500000)),
                          level("areas_gemeente", "GM1", "gemeente", cell(200000, 500000))},
                         {});
    return dir.path();
}

// The line entry of the legend of layer `name`.
const LegendEntry* lineEntry(const std::vector<LayerLegend>& legends, const QString& name)
{
    for (const auto& l : legends)
        for (const auto& e : l.entries)
            if (e.symbol == LegendEntry::Symbol::Line && e.label == name) return &e;
    return nullptr;
}

// Dark pixels of a legend holding only `e`: how much ink its line puts down.
int ink(const LegendEntry& e)
{
    QImage img(300, 80, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    LayerLegend l;
    l.entries = {e};
    l.entries.front().label = QStringLiteral("x");
    drawLegend(p, QPointF(0, 0), {l}, 1.0);
    p.end();
    int n = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 8; x < 8 + 16; ++x) // the symbol column (pad 8, symbol 16)
            n += qGray(img.pixel(x, y)) < 160 ? 1 : 0;
    return n;
}

} // namespace

TEST(LegendOutlines, GemeenteAndWijkOutlinesDifferOnMapAndInLegend)
{
    QTemporaryDir dir;
    ASSERT_FALSE(writeThreeLevels(dir).isEmpty());
    MainWindow w;
    ASSERT_TRUE(w.openPath(dir.path(), true));
    ASSERT_TRUE(w.setLevel(QStringLiteral("buurt")));
    const LayerListModel& layers = *w.layers();
    int wijkRow = -1, gemeenteRow = -1;
    for (int r = 0; r < layers.rowCount(); ++r) {
        if (layers.layer(r).sourceLayer == u"areas_wijk") wijkRow = r;
        if (layers.layer(r).sourceLayer == u"areas_gemeente") gemeenteRow = r;
    }
    ASSERT_GE(wijkRow, 0);
    ASSERT_GE(gemeenteRow, 0);
    // On the map: the gemeente boundary clearly heavier than the wijk boundary.
    const LayerStyle wijk = layers.style(wijkRow), gemeente = layers.style(gemeenteRow);
    EXPECT_GE(gemeente.strokeWidth, 1.8 * wijk.strokeWidth);
    EXPECT_LT(qGray(gemeente.stroke.rgb()), qGray(wijk.stroke.rgb()));
    // In the legend: the same widths and colours, and drawn so.
    const auto legends = layers.legends();
    const LegendEntry* lw = lineEntry(legends, layers.layer(wijkRow).name);
    const LegendEntry* lg = lineEntry(legends, layers.layer(gemeenteRow).name);
    ASSERT_NE(lw, nullptr);
    ASSERT_NE(lg, nullptr);
    EXPECT_DOUBLE_EQ(lw->lineWidth, wijk.strokeWidth);
    EXPECT_DOUBLE_EQ(lg->lineWidth, gemeente.strokeWidth);
    EXPECT_EQ(lw->colour, wijk.stroke);
    EXPECT_EQ(lg->colour, gemeente.stroke);
    EXPECT_GE(ink(*lg), 2 * ink(*lw)) << "gemeente " << ink(*lg) << " px, wijk " << ink(*lw) << " px";
    // At wijk level only the gemeente outline remains, still the heavy one.
    ASSERT_TRUE(w.setLevel(QStringLiteral("wijk")));
    EXPECT_DOUBLE_EQ(layers.style(gemeenteRow).strokeWidth, gemeente.strokeWidth);
}
