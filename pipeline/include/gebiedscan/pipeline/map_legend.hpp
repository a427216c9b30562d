#pragma once
// The legend of a choropleth of counts, computed once for every product that draws one: the
// exported QGIS styles (.qml, GeoPackage layer_styles) and the PDF report. It reproduces what
// the viewer draws (app/viewer/src/layer_style.cpp computeSymbology with the viewer's default
// style: natural breaks, 5 classes, ColorBrewer YlOrRd, a class of its own for 0 when zeros are
// common, NULL = "geheim" hatched grey), so a map reads the same in the viewer, the report and
// QGIS. Std only: colours as RGB bytes, labels in Dutch number format.
#include "gebiedscan/core/classification.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
    /// "#ffffcc"
    [[nodiscard]] std::string hex() const;
};

/// The ColorBrewer 2.0 sequential ramps the viewer offers (9-class anchors).
enum class ColourRamp { YlOrRd, Blues, Greens, Purples };

/// Colour of class i of k on a ramp, exactly as the viewer's rampColour (interpolated from the
/// 9 anchors, the near-white first anchor skipped for k <= 7, rounded as QColor rounds).
[[nodiscard]] Rgb rampColour(ColourRamp ramp, std::size_t i, std::size_t k);
/// The lightest anchor (the colour of the 0 class).
[[nodiscard]] Rgb rampLightest(ColourRamp ramp);

/// The colour of a hidden ("geheim") or missing value, drawn hatched.
inline constexpr Rgb kHiddenGrey{0xd0, 0xd0, 0xd0};
/// The hatch lines over it.
inline constexpr Rgb kHatchGrey{110, 110, 110};

struct MapLegendOptions {
    ClassificationMethod method = ClassificationMethod::NaturalBreaks; ///< the viewer's default
    std::size_t classes = 5;
    ColourRamp ramp = ColourRamp::YlOrRd;
};

/// One value class: (lower, upper], the first class also includes its lower bound.
struct LegendClass {
    double lower = 0, upper = 0;
    Rgb colour;
    std::size_t count = 0;
    std::string label; ///< "> 12 – 30  (41)"
};

struct MapLegend {
    Classification classification; ///< of the values (without the zeros when zeroClass)
    std::vector<LegendClass> classes;
    bool zeroClass = false; ///< 0 has a class of its own, in the ramp's lightest colour
    std::size_t zeros = 0;
    Rgb zeroColour;
    std::string zeroLabel;   ///< "0  (120)"
    std::size_t hidden = 0;  ///< NULL values ("geheim"), hatched grey
    std::string hiddenLabel; ///< "geheim  (37)"
    int decimals = 0;        ///< of the labels

    /// The colour a value is drawn in; nullopt for NaN (hidden: hatched grey).
    [[nodiscard]] std::optional<Rgb> colourOf(double value) const;
};

/// The legend of `values` (NaN = NULL, hidden). Classes are computed as the viewer does.
[[nodiscard]] MapLegend computeMapLegend(const std::vector<double>& values, const MapLegendOptions& options = {});

/// A number as a Dutch reader writes it: "1.234", "12,5".
[[nodiscard]] std::string formatDutchNumber(double value, int decimals);

} // namespace gebiedscan::pipeline
