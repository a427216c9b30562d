// PrintLayout::setVectorMap (used by gebiedscan report's PDF): the map's areas are painted as
// paths instead of an image of the map. On an image both give the same picture; in a PDF the
// vector sheet embeds no image of the map, the raster sheet does.
#include "layer_list_model.hpp"
#include "map_renderer.hpp"
#include "print_layout.hpp"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

using namespace gebiedscan;
using namespace gebiedscan::viewer;

namespace {

struct Sheet {
    LayerListModel model;
    PrintLayout layout{QSizeF(520, 360), Composition{}};
    Envelope extent;
};

// 3 x 3 squares of 1 km with counts 1..9, the middle one hidden (NULL: hatched).
void fill(Sheet& s)
{
    auto layer = std::make_shared<LayerData>();
    layer->name = QStringLiteral("buurten");
    layer->kind = LayerKind::Areas;
    layer->geometry = GeometryKind::Polygon;
    layer->setFields({{QStringLiteral("n"), true}});
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
            const double x = 200000 + c * 1000, y = 500000 + r * 1000;
            layer->addFeature({{{x, y}, {x + 1000, y}, {x + 1000, y + 1000}, {x, y + 1000}, {x, y}}});
            layer->appendValues({r == 1 && c == 1 ? std::optional<QString>() : QString::number(1 + r * 3 + c)});
        }
    LayerStyle style = defaultStyle(*layer);
    style.mode = StyleMode::Choropleth;
    style.field = QStringLiteral("n");
    s.model.addLayer(layer, style);
    Composition c;
    c.title = QStringLiteral("Registraties per buurt");
    c.footer = QStringLiteral("Bron: test");
    s.layout = PrintLayout(QSizeF(520, 360), c);
    s.extent = Envelope{200000, 500000, 203000, 503000};
}

QByteArray pdfOf(const PrintLayout& layout, const Sheet& s)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(300);
        pdf.setPdfVersion(QPagedPaintDevice::PdfVersion_1_6);
        QPainter p(&pdf);
        layout.paint(p, QPointF(0, 0), s.model.snapshots(), layout.viewFor(s.extent), 2.0);
    }
    return bytes;
}

// The widest image a PDF embeds (its image XObjects' /Width), 0 for none.
int widestImage(const QByteArray& pdf)
{
    static const QRegularExpression width(QStringLiteral("/Subtype /Image[^>]*?/Width (\\d+)"));
    int widest = 0;
    for (auto it = width.globalMatch(QString::fromLatin1(pdf)); it.hasNext();)
        widest = std::max(widest, it.next().captured(1).toInt());
    return widest;
}

} // namespace

TEST(PrintLayout, VectorMapLooksLikeTheImageAndEmbedsNoMapImage)
{
    Sheet s;
    fill(s);
    const double scale = 2.0;
    const QImage raster = s.layout.render(s.model.snapshots(), s.extent, scale);
    PrintLayout vector = s.layout;
    vector.setVectorMap(true);
    QImage painted(raster.size(), QImage::Format_ARGB32_Premultiplied);
    painted.fill(Qt::white);
    {
        QPainter p(&painted);
        vector.paint(p, QPointF(0, 0), s.model.snapshots(), vector.viewFor(s.extent), scale);
    }
    // The same picture, up to antialiased edges.
    int differ = 0;
    for (int y = 0; y < raster.height(); ++y)
        for (int x = 0; x < raster.width(); ++x) {
            const QRgb a = raster.pixel(x, y), b = painted.pixel(x, y);
            differ +=
                std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b)) > 60;
        }
    EXPECT_LT(differ, raster.width() * raster.height() / 200) << differ << " pixels differ";
    // The class colours are there: the corner square (count 1) and the last (9) are not white.
    const MapView v = vector.viewFor(s.extent);
    const QPointF low = (v.toScreen(PointRd{200500, 500500}) + vector.mapRect().topLeft()) * scale;
    const QPointF high = (v.toScreen(PointRd{202500, 502500}) + vector.mapRect().topLeft()) * scale;
    EXPECT_NE(painted.pixel(low.toPoint()), qRgb(255, 255, 255));
    EXPECT_NE(painted.pixel(low.toPoint()), painted.pixel(high.toPoint()));
    EXPECT_EQ(painted.pixel(low.toPoint()), raster.pixel(low.toPoint()));

    // In a PDF: the raster sheet embeds its map as an image of the map's size; the vector
    // sheet only the small tile of the hatch pattern.
    const double mapPx = std::floor(s.layout.mapRect().width()) * scale;
    EXPECT_GE(widestImage(pdfOf(s.layout, s)), mapPx - 1);
    EXPECT_LT(widestImage(pdfOf(vector, s)), 100);
}
