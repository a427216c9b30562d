#pragma once
// QGIS layer styles (.qml) for the council package: a graduated renderer on one field with the
// classes and colours of a MapLegend, so QGIS draws the exported layers as the viewer and the
// report do. QGIS loads `<name>.qml` beside a Shapefile automatically, and the default style of a
// GeoPackage layer from its `layer_styles` table.
#include "gebiedscan/pipeline/map_legend.hpp"

#include <string>

namespace gebiedscan::pipeline {

/// The value QGIS classifies: the field with NULL ("geheim") mapped to this number, so the
/// hidden areas get a (hatched grey) class of their own; counts are never negative.
inline constexpr double kQmlHiddenValue = -1;

/// The QGIS style document (QGIS 3 .qml, category Symbology) for polygons coloured by `field`
/// (the name as the layer spells it: the short Shapefile name in a .shp). A graduated renderer on
/// `coalesce("field", -1)`: "geheim" (hatched grey), then 0 when it has a class of its own (the
/// ramp's lightest colour), then the legend's classes.
[[nodiscard]] std::string qgisStyleQml(const MapLegend& legend, const std::string& field);

} // namespace gebiedscan::pipeline
