// pipeline::computeMapLegend (what the export's QGIS styles and the report draw) gives the same
// breaks and colours as the viewer's computeSymbology, on the real Drenthe buurten (population)
// and on counts with many zeros and hidden values; and the .qml made from it is QGIS style XML
// whose ranges are those classes.
#include "gebiedscan_build_paths.hpp"
#include "layer_style.hpp"
#include "map_layer.hpp"

#include "gebiedscan/pipeline/map_legend.hpp"
#include "gebiedscan/pipeline/qml_style.hpp"

#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <string>

using namespace gebiedscan;
using namespace gebiedscan::viewer;

namespace {

const QString kBuurten = QStringLiteral(GEBIEDSCAN_SOURCE_DIR "/data/open/drenthe-buurten-2024.geojson");

std::vector<double> population(const LayerData& layer)
{
    const int field = layer.fieldIndex(QStringLiteral("aantal_inwoners"));
    std::vector<double> v;
    for (std::size_t i = 0; i < layer.featureCount(); ++i) v.push_back(layer.number(field, i));
    return v;
}

// Counts as a scan of small buurten has them: a third 0, some hidden (NaN), the rest skewed.
std::vector<double> counts(const std::vector<double>& people)
{
    std::vector<double> v;
    for (std::size_t i = 0; i < people.size(); ++i) {
        if (i % 3 == 0)
            v.push_back(0);
        else if (i % 11 == 1)
            v.push_back(std::numeric_limits<double>::quiet_NaN());
        else
            v.push_back(std::isnan(people[i]) ? 0 : std::round(people[i] / 40));
    }
    return v;
}

pipeline::Rgb rgbOf(QRgb c)
{
    return {static_cast<std::uint8_t>(qRed(c)), static_cast<std::uint8_t>(qGreen(c)),
            static_cast<std::uint8_t>(qBlue(c))};
}

// The viewer's symbology for these values with the viewer's default style of a scan map.
Symbology viewerSymbology(const LayerData& layer, const std::vector<double>& values, ClassificationMethod method)
{
    LayerStyle style = defaultStyle(layer);
    style.mode = StyleMode::Choropleth;
    style.method = method;
    style.values = std::make_shared<std::vector<double>>(values);
    return computeSymbology(layer, style, QStringLiteral("test"));
}

void expectSameAsViewer(const LayerData& layer, const std::vector<double>& values, ClassificationMethod method,
                        bool expectZeroClass)
{
    const auto sym = viewerSymbology(layer, values, method);
    const auto legend = pipeline::computeMapLegend(values, {.method = method});
    EXPECT_EQ(legend.zeroClass, expectZeroClass);
    ASSERT_EQ(legend.classification.breaks, sym.classification.breaks);
    std::size_t hidden = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto colour = legend.colourOf(values[i]);
        if (!colour) {
            EXPECT_EQ(sym.hatched[i], 1) << i;
            EXPECT_EQ(rgbOf(sym.fill[i]), pipeline::kHiddenGrey) << i;
            ++hidden;
            continue;
        }
        EXPECT_EQ(sym.hatched[i], 0) << i;
        EXPECT_EQ(rgbOf(sym.fill[i]), *colour) << i << " value " << values[i];
    }
    EXPECT_EQ(hidden, legend.hidden);
    // The legend lines: the same colours in the same order (zero class, classes, hidden).
    std::vector<pipeline::Rgb> expected;
    if (legend.zeroClass) expected.push_back(legend.zeroColour);
    for (const auto& c : legend.classes) expected.push_back(c.colour);
    if (legend.hidden > 0) expected.push_back(pipeline::kHiddenGrey);
    ASSERT_EQ(sym.legend.entries.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(rgbOf(sym.legend.entries[i].colour.rgb()), expected[i]);
}

} // namespace

TEST(MapLegend, SameBreaksAndColoursAsTheViewerOnTheDrentheBuurten)
{
    const auto layer = loadVectorLayer(kBuurten, {});
    ASSERT_EQ(layer->featureCount(), 452u);
    const auto people = population(*layer);
    for (auto method : {ClassificationMethod::NaturalBreaks, ClassificationMethod::Quantile})
        expectSameAsViewer(*layer, people, method, false);
    for (auto method : {ClassificationMethod::NaturalBreaks, ClassificationMethod::Quantile})
        expectSameAsViewer(*layer, counts(people), method, true);
}

TEST(MapLegend, RampColoursAreTheViewersForEveryClassCount)
{
    for (std::size_t k = 1; k <= 9; ++k)
        for (std::size_t i = 0; i < k; ++i)
            EXPECT_EQ(pipeline::rampColour(pipeline::ColourRamp::YlOrRd, i, k),
                      rgbOf(rampColour(QStringLiteral("YlOrRd"), i, k).rgb()))
                << i << " of " << k;
    EXPECT_EQ(pipeline::rampLightest(pipeline::ColourRamp::YlOrRd).hex(), "#ffffcc");
    EXPECT_EQ(pipeline::formatDutchNumber(12345.678, 1), "12.345,7");
    EXPECT_EQ(pipeline::formatDutchNumber(-0.0001, 2), "0,00");
}

TEST(MapLegend, QmlIsQgisStyleXmlWithTheLegendsClasses)
{
    const auto layer = loadVectorLayer(kBuurten, {});
    const auto values = counts(population(*layer));
    const auto legend = pipeline::computeMapLegend(values);
    const std::string qml = pipeline::qgisStyleQml(legend, "n_total");
    QXmlStreamReader xml(QString::fromStdString(qml));
    struct Range {
        double lower, upper;
        QString symbol, label;
    };
    std::vector<Range> ranges;
    std::map<QString, std::vector<QString>> symbolColours, symbolStyles;
    QString renderer, attr, currentSymbol;
    bool root = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto a = xml.attributes();
        if (xml.name() == u"qgis") root = true;
        if (xml.name() == u"renderer-v2") {
            renderer = a.value(QStringLiteral("type")).toString();
            attr = a.value(QStringLiteral("attr")).toString();
        }
        if (xml.name() == u"range")
            ranges.push_back({a.value(QStringLiteral("lower")).toDouble(), a.value(QStringLiteral("upper")).toDouble(),
                              a.value(QStringLiteral("symbol")).toString(),
                              a.value(QStringLiteral("label")).toString()});
        if (xml.name() == u"symbol") currentSymbol = a.value(QStringLiteral("name")).toString();
        if (xml.name() == u"Option" && a.value(QStringLiteral("name")) == u"color")
            symbolColours[currentSymbol].push_back(a.value(QStringLiteral("value")).toString());
        if (xml.name() == u"Option" && a.value(QStringLiteral("name")) == u"style")
            symbolStyles[currentSymbol].push_back(a.value(QStringLiteral("value")).toString());
    }
    ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_TRUE(root);
    EXPECT_EQ(renderer, QStringLiteral("graduatedSymbol"));
    EXPECT_EQ(attr, QStringLiteral("coalesce(\"n_total\", -1)"));
    ASSERT_TRUE(legend.zeroClass);
    ASSERT_GT(legend.hidden, 0u);
    ASSERT_EQ(ranges.size(), legend.classes.size() + 2);
    // geheim: -1, hatched grey over solid grey.
    EXPECT_EQ(ranges[0].lower, -1);
    EXPECT_EQ(ranges[0].upper, -1);
    EXPECT_TRUE(ranges[0].label.startsWith(QStringLiteral("geheim")));
    EXPECT_EQ(symbolColours[ranges[0].symbol].front(), QStringLiteral("208,208,208,255"));
    EXPECT_EQ(symbolStyles[ranges[0].symbol],
              (std::vector<QString>{QStringLiteral("solid"), QStringLiteral("b_diagonal")}));
    // 0 in the lightest colour, then the classes with their breaks and colours.
    EXPECT_EQ(ranges[1].lower, 0);
    EXPECT_EQ(ranges[1].upper, 0);
    EXPECT_EQ(symbolColours[ranges[1].symbol].front(), QStringLiteral("255,255,204,255"));
    for (std::size_t i = 0; i < legend.classes.size(); ++i) {
        const auto& c = legend.classes[i];
        const auto& r = ranges[i + 2];
        EXPECT_EQ(r.lower, c.lower);
        EXPECT_EQ(r.upper, c.upper);
        EXPECT_EQ(r.label.toStdString(), c.label);
        EXPECT_EQ(symbolColours[r.symbol].front().toStdString(), std::to_string(c.colour.r) + "," +
                                                                     std::to_string(c.colour.g) + "," +
                                                                     std::to_string(c.colour.b) + ",255");
    }
}
