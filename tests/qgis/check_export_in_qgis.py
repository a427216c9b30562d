#!/usr/bin/python3
"""Opens a `gebiedscan export` package in QGIS headless, as the council's GIS staff would.

For every level it opens the Shapefile (QGIS loads the .qml beside it) and the GeoPackage layer
(QGIS loads the default style from layer_styles) with QgsVectorLayer, checks that the renderer is
graduated with the classes and colours of the .qml, that every area gets a symbol (also the
hidden "geheim" ones), and renders the layer to a PNG (QgsMapSettings + QgsMapRendererParallelJob).

usage: check_export_in_qgis.py PACKAGE_DIR PNG_DIR
Exit 0: all good; 1: a check failed; 77: python3-qgis is not installed (ctest SKIP).
"""
import os
import sys
import xml.etree.ElementTree as ET

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
try:
    from qgis.core import (QgsApplication, QgsExpressionContextUtils, QgsMapRendererParallelJob, QgsMapSettings,
                           QgsRenderContext, QgsVectorLayer)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
except ImportError as e:  # not installed: skip, saying why
    print(f"SKIP: python3-qgis is not installed ({e}); apt-get install python3-qgis", file=sys.stderr)
    sys.exit(77)

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message, file=sys.stderr)


def qml_ranges(path):
    """(lower, upper, label, colour 'r,g,b,a') of every range in a .qml, in order."""
    root = ET.parse(path).getroot()
    renderer = root.find("renderer-v2")
    colours = {}
    for symbol in renderer.find("symbols"):
        first = symbol.find("layer/Option/Option[@name='color']")
        colours[symbol.get("name")] = first.get("value")
    return renderer.get("attr"), [(float(r.get("lower")), float(r.get("upper")), r.get("label"),
                                   colours[r.get("symbol")]) for r in renderer.find("ranges")]


def colour_text(c):
    return f"{c.red()},{c.green()},{c.blue()},{c.alpha()}"


def check_layer(layer, what, attr, ranges, png):
    check(layer.isValid(), f"{what}: QGIS cannot open the layer")
    if not layer.isValid():
        return
    renderer = layer.renderer()
    check(renderer.type() == "graduatedSymbol", f"{what}: renderer is {renderer.type()}, not graduated")
    if renderer.type() != "graduatedSymbol":
        return
    check(renderer.classAttribute() == attr, f"{what}: classifies {renderer.classAttribute()}, expected {attr}")
    got = [(r.lowerValue(), r.upperValue(), r.label(), colour_text(r.symbol().color())) for r in renderer.ranges()]
    check(got == ranges, f"{what}: classes {got} differ from the .qml {ranges}")
    # Every feature gets a symbol: hidden ones the hatched "geheim" class, zeros the 0 class.
    context = QgsRenderContext()
    context.expressionContext().appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    renderer.startRender(context, layer.fields())
    without = 0
    for f in layer.getFeatures():
        context.expressionContext().setFeature(f)
        without += renderer.symbolForFeature(f, context) is None
    renderer.stopRender(context)
    check(without == 0, f"{what}: {without} areas get no symbol")
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setOutputSize(QSize(900, 700))
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent().buffered(layer.extent().width() * 0.02))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    check(image.save(png), f"{what}: cannot save {png}")
    # The map is drawn: at least one pixel in each class colour that has areas.
    seen = set()
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            seen.add(colour_text(QColor(image.pixel(x, y))))
    for lower, upper, label, colour in ranges:
        if label.endswith("(0)"):
            continue
        if lower == -1:  # hatched: grey or hatch lines, never one flat colour
            continue
        check(colour in seen, f"{what}: class {label} ({colour}) does not appear in {png}")
    print(f"{what}: {layer.featureCount()} areas, {len(got)} classes, rendered to {png}")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    package, pngs = sys.argv[1], sys.argv[2]
    os.makedirs(pngs, exist_ok=True)
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    gpkg = os.path.join(package, "gebiedscan.gpkg")
    levels = sorted(f[:-4] for f in os.listdir(package) if f.endswith(".shp"))
    check(levels, f"no Shapefiles in {package}")
    for name in levels:
        attr, ranges = qml_ranges(os.path.join(package, name + ".qml"))
        shp = QgsVectorLayer(os.path.join(package, name + ".shp"), name, "ogr")
        check_layer(shp, name + ".shp", attr, ranges, os.path.join(pngs, name + "_shp.png"))
        # The GeoPackage style classifies the full field name; same classes and colours.
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        styled = layer.renderer().type() if layer.isValid() else "none"
        check(styled == "graduatedSymbol", f"{name} in gebiedscan.gpkg: default style not loaded ({styled})")
        gpkg_attr = layer.renderer().classAttribute() if styled == "graduatedSymbol" else attr
        check_layer(layer, name + " (gpkg)", gpkg_attr, ranges, os.path.join(pngs, name + "_gpkg.png"))
        check(gpkg_attr.replace(" ", "").startswith('coalesce("n_'), f"{name} (gpkg): classifies {gpkg_attr}")
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # QGIS 3.22's Python bindings may crash in exitQgis() while layers are being torn down; the
    # checks are done, so leave without running the teardown.
    os._exit(code)
