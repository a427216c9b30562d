#pragma once
// Symbology: how a layer's features are coloured and sized, and the legend that explains it.
#include "map_layer.hpp"

#include "gebiedscan/core/classification.hpp"

#include <QColor>
#include <QImage>
#include <QString>

#include <memory>
#include <vector>

namespace gebiedscan::viewer {

/// How features get their colour.
enum class StyleMode {
    Single,         ///< one fill/stroke colour
    Choropleth,     ///< classified numeric field with a colour ramp (NULL: hatched grey "geheim")
    GiBins,         ///< Getis-Ord Gi* confidence bins -3..3 (field gi_bin) in diverging red-blue
    Lisa,           ///< Local Moran quadrants (field lisa_q: HH/LL/HL/LH or words)
    SizedPoints,    ///< point symbols sized by a numeric field (black-spot score)
    Trend,          ///< emerging hot spot pattern (trend_<theme> or trend_code: Esri's 17 classes)
    SurveyQuadrant, ///< scan --survey: kwadrant_<indicator>, objective against subjective
    RasterRamp      ///< raster cells classified on a colour ramp; 0 and nodata transparent
};

/// The user's choices for one layer (what the layers panel edits).
struct LayerStyle {
    bool visible = true;
    double opacity = 1.0; ///< 0..1
    StyleMode mode = StyleMode::Single;
    QColor fill{200, 200, 200};
    QColor stroke{90, 90, 90};
    double strokeWidth = 0.5; ///< pixels
    double pointSize = 3.0;   ///< pixels (points and the smallest sized point)
    QString field;            ///< Choropleth / SizedPoints field
    ClassificationMethod method = ClassificationMethod::Quantile;
    /// Nobody chose the method: natural breaks, unless they leave the map to a few areas (the
    /// fullest class holds most of them, as with skewed counts), then quantiles. The method
    /// used is Symbology::classification.method.
    bool autoMethod = false;
    int classes = 5;
    std::vector<double> manualBreaks;
    QString ramp = QStringLiteral("YlOrRd"); ///< YlOrRd, Blues, Greens, Purples, RdBu (diverging)
    bool cluster = true;                     ///< points: cluster into counted circles when zoomed out
    /// Polygons: field whose text labels each feature (the area names at the level shown);
    /// empty: no labels. Labels that would overlap one drawn before are left out.
    QString labelField;
    /// Polygons: field that is 1 where the value shown is unreliable (klein_<theme>: too few
    /// inhabitants or expected registrations for a rate); those areas get a dot pattern and a
    /// legend line. Empty: nothing marked.
    QString markField;
    /// Values to classify instead of `field` (one per feature, NaN = NULL), e.g. a period's counts
    /// from the figures table; `valuesLabel` names them in the legend.
    std::shared_ptr<const std::vector<double>> values;
    QString valuesLabel;
};

/// One legend line.
struct LegendEntry {
    enum class Symbol { Box, Circle, Line };
    QString label;
    QColor colour;
    bool hatched = false; ///< "geheim": suppressed / NULL
    Symbol symbol = Symbol::Box;
    double size = 10;     ///< circle diameter in pixels
    bool dotted = false;  ///< marked as unreliable (markField), drawn with the dot pattern
    double lineWidth = 2; ///< Line: the pen in logical pixels, as on the map (outline levels differ)
};

/// The legend of one layer.
struct LayerLegend {
    QString title;
    std::vector<LegendEntry> entries;
};

/// Per-feature colours and sizes computed from data + style on the UI thread (O(n)), so the
/// render thread only looks them up.
struct Symbology {
    std::vector<QRgb> fill;            ///< per feature (alpha 0: not filled)
    std::vector<std::uint8_t> hatched; ///< per feature: NULL/suppressed, drawn hatched grey
    std::vector<std::uint8_t> marked;  ///< per feature: markField = 1, dotted over its colour
    std::vector<float> size;           ///< per feature point diameter in pixels (points only)
    QColor stroke;
    double strokeWidth = 0.5;
    Classification classification;
    LayerLegend legend;
    QImage raster; ///< RasterRamp: one pixel per cell, row 0 north (premultiplied ARGB)
};

/// Colour of class i of k on a named ColorBrewer ramp (interpolated from its 9-class anchors).
[[nodiscard]] QColor rampColour(const QString& ramp, std::size_t i, std::size_t k);

/// Diverging ramps (RdBu) are centred on 0: negative values get the blue half, positive ones the
/// red half, exactly 0 the neutral middle.
[[nodiscard]] bool isDiverging(const QString& ramp);

/// The lightest anchor of a ramp (the "0" class of counts).
[[nodiscard]] QColor rampLightest(const QString& ramp);

/// Colour of a Gi* bin -3..3 (ArcGIS convention: +3 = hot spot 99 %, 0 = not significant).
[[nodiscard]] QColor giBinColour(int bin);
/// Legend text of a Gi* bin, translated ("Hotspot 99 %", ...).
[[nodiscard]] QString giBinLabel(int bin);
/// Quadrant 0..4 (0 = not significant, 1 HH, 2 LL, 3 HL, 4 LH) of a LISA label such as "HH",
/// "High-High" or "hoog-hoog"; 0 for anything else.
[[nodiscard]] int lisaQuadrant(const QString& label);

/// Emerging hot spot class 0..16 (core::EmergingClass) of a trend text as the scan or the trends
/// command writes it (Dutch or English label, or the stable code); -1 for anything else
/// (NULL, "geheim").
[[nodiscard]] int emergingClassOf(const QString& text);
/// Colour of an emerging hot spot class: hot patterns red, cold ones blue, no pattern grey.
[[nodiscard]] QColor emergingColour(int emergingClass);

/// Reasonable first style for a layer of this kind (incidents hidden by default).
[[nodiscard]] LayerStyle defaultStyle(const LayerData& layer);

/// Computes colours, sizes and the legend. `title` heads the legend (layer or indicator name).
[[nodiscard]] Symbology computeSymbology(const LayerData& layer, const LayerStyle& style, const QString& title);

/// Legend title for a layer and style when nobody chose one ("Hot spots (Gi*): hotspots").
[[nodiscard]] QString defaultLegendTitle(const LayerData& layer, const LayerStyle& style);

/// Formats a break value for the legend: thousands separators, decimals only when needed.
[[nodiscard]] QString formatBreak(double v, int decimals);

} // namespace gebiedscan::viewer
