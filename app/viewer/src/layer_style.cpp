#include "layer_style.hpp"

#include "schema_names.hpp"

#include "gebiedscan/core/emerging_hotspots.hpp"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gebiedscan::viewer {

namespace {

// ColorBrewer 2.0 9-class sequential ramps (Cynthia Brewer, Apache-2.0 style licence).
const std::vector<QRgb>& rampAnchors(const QString& ramp)
{
    static const std::vector<QRgb> ylOrRd{0xffffcc, 0xffeda0, 0xfed976, 0xfeb24c, 0xfd8d3c,
                                          0xfc4e2a, 0xe31a1c, 0xbd0026, 0x800026};
    static const std::vector<QRgb> blues{0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6,
                                         0x4292c6, 0x2171b5, 0x08519c, 0x08306b};
    static const std::vector<QRgb> greens{0xf7fcf5, 0xe5f5e0, 0xc7e9c0, 0xa1d99b, 0x74c476,
                                          0x41ab5d, 0x238b45, 0x006d2c, 0x00441b};
    static const std::vector<QRgb> purples{0xfcfbfd, 0xefedf5, 0xdadaeb, 0xbcbddc, 0x9e9ac8,
                                           0x807dba, 0x6a51a3, 0x54278f, 0x3f007d};
    // Diverging, blue (low) to red (high): for changes, where 0 sits in the middle.
    static const std::vector<QRgb> rdBu{0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7,
                                        0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b};
    if (ramp == QLatin1String("Blues")) return blues;
    if (ramp == QLatin1String("Greens")) return greens;
    if (ramp == QLatin1String("Purples")) return purples;
    if (ramp == QLatin1String("RdBu")) return rdBu;
    return ylOrRd;
}

constexpr QRgb kNoDataGrey = 0xffd0d0d0;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Band units written by `gebiedscan kde`, translated for legends.
[[maybe_unused]] const char* const kUnitTexts[] = {QT_TRANSLATE_NOOP("Legend", "events per km2"),
                                                   QT_TRANSLATE_NOOP("Legend", "weighted events per km2")};
constexpr QRgb kIslandColour = 0xfffafafa;

} // namespace

bool isDiverging(const QString& ramp)
{
    return ramp == QLatin1String("RdBu");
}

namespace {
// Colour at position t (0 .. anchors-1) of a ramp, interpolated between its anchors.
QColor anchorAt(const QString& ramp, double t)
{
    const auto& a = rampAnchors(ramp);
    t = std::clamp(t, 0.0, static_cast<double>(a.size() - 1));
    const auto j = std::min(static_cast<std::size_t>(std::floor(t)), a.size() - 2);
    const double f = t - static_cast<double>(j);
    const QColor c0(a[j]), c1(a[j + 1]);
    return QColor::fromRgbF(static_cast<float>(c0.redF() + f * (c1.redF() - c0.redF())),
                            static_cast<float>(c0.greenF() + f * (c1.greenF() - c0.greenF())),
                            static_cast<float>(c0.blueF() + f * (c1.blueF() - c0.blueF())));
}

// Class i of k on one half of a diverging ramp: below 0 from the darkest blue (i = 0) towards
// the light blue next to the middle, above 0 from the light red next to it to the darkest red.
QColor divergingColour(const QString& ramp, bool negative, std::size_t i, std::size_t k)
{
    const double mid = (static_cast<double>(rampAnchors(ramp).size()) - 1) / 2; // 4: the neutral anchor
    const double span = mid - 1;                                                // 3 anchors per side
    const double f = k <= 1 ? 0.5 : static_cast<double>(i) / static_cast<double>(k - 1);
    return negative ? anchorAt(ramp, f * span) : anchorAt(ramp, mid + 1 + f * span);
}

} // namespace

QColor rampLightest(const QString& ramp)
{
    return QColor(rampAnchors(ramp).front());
}

QColor rampColour(const QString& ramp, std::size_t i, std::size_t k)
{
    const auto& a = rampAnchors(ramp);
    // Sequential ramps skip the near-white first anchor for k <= 7 so the lowest class still
    // reads as a colour against the white map background.
    const bool diverging = ramp == QLatin1String("RdBu");
    const double lo = diverging || k > 7 ? 0.0 : 1.0;
    const double hi = static_cast<double>(a.size() - 1);
    const double t = k <= 1 ? (lo + hi) / 2 : lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(k - 1);
    const auto j = std::min(static_cast<std::size_t>(std::floor(t)), a.size() - 2);
    const double f = t - static_cast<double>(j);
    const QColor c0(a[j]), c1(a[j + 1]);
    return QColor::fromRgbF(static_cast<float>(c0.redF() + f * (c1.redF() - c0.redF())),
                            static_cast<float>(c0.greenF() + f * (c1.greenF() - c0.greenF())),
                            static_cast<float>(c0.blueF() + f * (c1.blueF() - c0.blueF())));
}

QColor giBinColour(int bin)
{
    switch (bin) {
    case 3: return QColor(0xb2182b);
    case 2: return QColor(0xef8a62);
    case 1: return QColor(0xfddbc7);
    case -1: return QColor(0xd1e5f0);
    case -2: return QColor(0x67a9cf);
    case -3: return QColor(0x2166ac);
    default: return QColor(0xeeeeee);
    }
}

QString giBinLabel(int bin)
{
    switch (bin) {
    case 3: return QCoreApplication::translate("Legend", "Hot spot, 99% confidence");
    case 2: return QCoreApplication::translate("Legend", "Hot spot, 95% confidence");
    case 1: return QCoreApplication::translate("Legend", "Hot spot, 90% confidence");
    case -1: return QCoreApplication::translate("Legend", "Cold spot, 90% confidence");
    case -2: return QCoreApplication::translate("Legend", "Cold spot, 95% confidence");
    case -3: return QCoreApplication::translate("Legend", "Cold spot, 99% confidence");
    default: return QCoreApplication::translate("Legend", "Not significant");
    }
}

int lisaQuadrant(const QString& label)
{
    QString s = label.toLower();
    s.remove(QLatin1Char('-')).remove(QLatin1Char(' ')).remove(QLatin1Char('_'));
    if (s == u"hh" || s == u"highhigh" || s == u"hooghoog") return 1;
    if (s == u"ll" || s == u"lowlow" || s == u"laaglaag") return 2;
    if (s == u"hl" || s == u"highlow" || s == u"hooglaag") return 3;
    if (s == u"lh" || s == u"lowhigh" || s == u"laaghoog") return 4;
    return 0;
}

int emergingClassOf(const QString& text)
{
    if (text.isEmpty()) return -1;
    for (int c = 0; c < kEmergingClassCount; ++c) {
        const auto e = static_cast<EmergingClass>(c);
        for (const auto name : {emergingLabelNl(e), emergingLabelEn(e), emergingCode(e)})
            if (text.compare(qs(name), Qt::CaseInsensitive) == 0) return c;
    }
    return -1;
}

QColor emergingColour(int emergingClass)
{
    // Esri's order: new, consecutive, intensifying, persistent, diminishing, sporadic,
    // oscillating, historical. The strongest (intensifying, persistent) darkest; the fading
    // ones (diminishing, historical) palest, so a council reads "where it grows" first.
    static const QRgb hot[8] = {0xfff4a582, 0xffe6553f, 0xff8e0c25, 0xffc2233a,
                                0xfffdd0a2, 0xfffdae6b, 0xffd6816b, 0xffe8c3b0};
    static const QRgb cold[8] = {0xff92c5de, 0xff4393c3, 0xff08306b, 0xff2166ac,
                                 0xffc6dbef, 0xff9ecae1, 0xff7fa6c8, 0xffc9d6e3};
    if (emergingClass <= 0 || emergingClass >= kEmergingClassCount) return QColor(0xee, 0xee, 0xee);
    const int i = (emergingClass - 1) % 8;
    return QColor::fromRgba(emergingClass <= 8 ? hot[i] : cold[i]);
}

QString formatBreak(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

QString defaultLegendTitle(const LayerData& layer, const LayerStyle& style)
{
    switch (style.mode) {
    case StyleMode::Single: return layer.name;
    case StyleMode::GiBins: return QCoreApplication::translate("Legend", "Hot spots (Getis-Ord Gi*)");
    case StyleMode::Lisa: return QCoreApplication::translate("Legend", "Clusters and outliers (local Moran's I)");
    case StyleMode::Trend: return QCoreApplication::translate("Legend", "Emerging hot spots (trend)");
    case StyleMode::SurveyQuadrant: return QCoreApplication::translate("Legend", "Objective against survey");
    case StyleMode::SizedPoints:
        return layer.kind == LayerKind::BlackSpots
                   ? QCoreApplication::translate("Legend", "Black spots: %1 (size = %2)").arg(layer.name, style.field)
                   : QStringLiteral("%1: %2").arg(layer.name, style.field);
    case StyleMode::RasterRamp: {
        const QString unit =
            layer.raster && !layer.raster->unit.empty() ? QString::fromStdString(layer.raster->unit) : QString();
        return unit.isEmpty() ? QCoreApplication::translate("Legend", "Density: %1").arg(layer.name)
                              : QCoreApplication::translate("Legend", "Density: %1 (%2)")
                                    .arg(layer.name, QCoreApplication::translate("Legend", unit.toUtf8().constData()));
    }
    case StyleMode::Choropleth: return QStringLiteral("%1: %2").arg(layer.name, style.field);
    }
    return layer.name;
}

LayerStyle defaultStyle(const LayerData& layer)
{
    LayerStyle s;
    s.method = ClassificationMethod::NaturalBreaks; // counts are skewed: Jenks reads best
    switch (layer.kind) {
    case LayerKind::Areas:
        s.autoMethod = true;
        s.fill = QColor(0xf0, 0xee, 0xe6);
        s.stroke = QColor(0x55, 0x55, 0x55);
        if (layer.role == qs(schema::role::trends) && layer.fieldIndex(QStringLiteral("trend_code")) >= 0) {
            s.mode = StyleMode::Trend; // `gebiedscan trends`: the pattern per area or cell
            s.field = QStringLiteral("trend_code");
        }
        break;
    case LayerKind::Hotspots:
        if (layer.fieldIndex(qs(schema::field::giBin)) >= 0) {
            s.mode = StyleMode::GiBins;
            s.field = qs(schema::field::giBin);
        } else if (layer.fieldIndex(qs(schema::field::lisaQ)) >= 0) {
            s.mode = StyleMode::Lisa;
            s.field = qs(schema::field::lisaQ);
        }
        // A thin grey edge, not a white one: white edges over the "geheim" hatch read as light
        // streaks, and a light "not significant" strip between hatched areas lost its outline.
        s.stroke = QColor(110, 110, 110, 150);
        s.strokeWidth = 0.3;
        break;
    case LayerKind::BlackSpots:
        if (layer.geometry == GeometryKind::Line) { // black-spot road sections
            s.stroke = QColor(0xa5, 0x00, 0x26);
            s.strokeWidth = 4;
            break;
        }
        s.mode = layer.fieldIndex(qs(schema::field::score)) >= 0 ? StyleMode::SizedPoints : StyleMode::Single;
        s.field = qs(schema::field::score);
        s.fill = QColor(20, 20, 20);
        s.stroke = QColor(255, 255, 255);
        s.pointSize = 6;
        s.strokeWidth = 1.0;
        break;
    case LayerKind::Points:
        // Incident points are address-precise: internal use only, so they start hidden.
        s.visible = false;
        s.fill = QColor(0x6a, 0x3d, 0x9a);
        s.pointSize = 3;
        break;
    case LayerKind::Lines:
        s.stroke = QColor(0x70, 0x70, 0x70);
        s.strokeWidth = 1.0;
        break;
    case LayerKind::Raster:
        s.mode = StyleMode::RasterRamp;
        s.opacity = 0.8;
        s.classes = 6;
        break;
    case LayerKind::Basemap: break; // drawn as it is: Single mode, full opacity
    case LayerKind::Other: break;
    }
    return s;
}

Symbology computeSymbology(const LayerData& layer, const LayerStyle& style, const QString& title)
{
    Symbology sym;
    const std::size_t n = layer.featureCount();
    sym.fill.assign(n, style.fill.rgba());
    sym.hatched.assign(n, 0);
    sym.size.assign(n, static_cast<float>(style.pointSize));
    sym.stroke = style.stroke;
    sym.strokeWidth = style.strokeWidth;
    sym.legend.title = title;
    const int field = layer.fieldIndex(style.field);
    const auto box = LegendEntry::Symbol::Box;

    if (layer.image) {
        // A basemap is its own picture: no ramp, no legend entry.
        sym.raster = *layer.image;
        sym.legend = {};
        return sym;
    }
    switch (style.mode) {
    case StyleMode::Single: {
        // Outline-only polygons (boundaries of a higher level) read as lines in the legend.
        const bool outline = layer.geometry == GeometryKind::Line ||
                             (layer.geometry == GeometryKind::Polygon && style.fill.alpha() == 0);
        const auto symbol = layer.geometry == GeometryKind::Point ? LegendEntry::Symbol::Circle
                            : outline                             ? LegendEntry::Symbol::Line
                                                                  : box;
        sym.legend.entries.push_back(
            {layer.name, outline ? style.stroke : style.fill, false, symbol, style.pointSize * 2});
        // An outline reads like the map's line: a gemeente boundary thicker than a wijk's.
        if (outline) sym.legend.entries.back().lineWidth = std::max(1.0, style.strokeWidth);
        sym.legend.title.clear(); // the entry already names the layer
        break;
    }
    case StyleMode::Choropleth: {
        std::vector<double> values(n);
        for (std::size_t i = 0; i < n; ++i)
            values[i] = style.values && i < style.values->size() ? (*style.values)[i] : layer.number(field, i);
        std::size_t zeros = 0, known = 0, negatives = 0;
        for (double v : values) {
            if (std::isnan(v)) continue;
            ++known;
            zeros += v == 0 ? 1 : 0;
            negatives += v < 0 ? 1 : 0;
        }
        std::size_t missing = 0;
        const auto formatDecimals = [](const Classification& c) {
            bool integral = true;
            for (double b : c.breaks) integral = integral && std::abs(b - std::round(b)) < 1e-9;
            const double span = c.breaks.empty() ? 0 : c.breaks.back() - c.breaks.front();
            return integral ? 0 : span < 1 ? 3 : span < 10 ? 2 : 1;
        };
        // Counts are whole numbers: a quantile break of 62.8 reads as 62 (the class (33, 62.8]
        // holds 34..62), so the legend shows no decimals the data cannot have.
        bool integralValues = known > 0;
        for (double v : values) integralValues = integralValues && (std::isnan(v) || v == std::floor(v));
        const auto rangeLabel = [&](const Classification& c, std::size_t i, int decimals, std::size_t count) {
            const auto shown = [&](double b) {
                return integralValues ? formatBreak(std::floor(b), 0) : formatBreak(b, decimals);
            };
            // Classes are right-closed: the lower bound of class 2+ is exclusive, shown as "> a".
            const QString lower = i == 0 ? shown(c.breaks[i]) : QStringLiteral("> ") + shown(c.breaks[i]);
            return QStringLiteral("%1 – %2  (%3)").arg(lower, shown(c.breaks[i + 1])).arg(count);
        };
        // The method: natural breaks unless chosen, and quantiles when those leave most areas in
        // one class (skewed counts: a few dark areas on an otherwise uniform map).
        const auto classifyValues = [&](const std::vector<double>& v, std::size_t k) {
            Classification c = classify(v, k, style.method, style.manualBreaks);
            if (style.autoMethod && style.method == ClassificationMethod::NaturalBreaks && c.classCount() > 2 &&
                c.fullestShare(v) > 0.6) {
                Classification q = classify(v, k, ClassificationMethod::Quantile);
                if (q.classCount() >= 2 && q.fullestShare(v) < c.fullestShare(v)) c = q;
            }
            return c;
        };
        if (isDiverging(style.ramp) && style.method != ClassificationMethod::Manual) {
            // Changes: 0 is the neutral middle, decreases blue and increases red, each side
            // classified on its own (a +21 % is never drawn as white).
            std::vector<double> below(n, kNaN), above(n, kNaN);
            for (std::size_t i = 0; i < n; ++i) {
                if (values[i] < 0) below[i] = values[i];
                if (values[i] > 0) above[i] = values[i];
            }
            const std::size_t half = static_cast<std::size_t>(std::max(1, style.classes / 2));
            const Classification neg = classifyValues(below, half), pos = classifyValues(above, half);
            std::vector<std::size_t> negCounts(neg.classCount(), 0), posCounts(pos.classCount(), 0);
            const QColor neutral = anchorAt(style.ramp, (static_cast<double>(rampAnchors(style.ramp).size()) - 1) / 2);
            for (std::size_t i = 0; i < n; ++i) {
                const double v = values[i];
                if (std::isnan(v)) {
                    sym.fill[i] = kNoDataGrey;
                    sym.hatched[i] = 1;
                    ++missing;
                } else if (v == 0) {
                    sym.fill[i] = neutral.rgba();
                } else if (v < 0) {
                    const auto cls = neg.classOf(v).value_or(0);
                    ++negCounts[cls];
                    sym.fill[i] = divergingColour(style.ramp, true, cls, neg.classCount()).rgba();
                } else {
                    const auto cls = pos.classOf(v).value_or(0);
                    ++posCounts[cls];
                    sym.fill[i] = divergingColour(style.ramp, false, cls, pos.classCount()).rgba();
                }
            }
            sym.classification.method = neg.classCount() > 0 ? neg.method : pos.method;
            sym.classification.breaks = neg.breaks;
            sym.classification.breaks.insert(sym.classification.breaks.end(), pos.breaks.begin(), pos.breaks.end());
            const int decimals = std::max(formatDecimals(neg), formatDecimals(pos));
            for (std::size_t i = 0; i < neg.classCount(); ++i)
                sym.legend.entries.push_back({rangeLabel(neg, i, decimals, negCounts[i]),
                                              divergingColour(style.ramp, true, i, neg.classCount()), false, box, 10});
            if (zeros > 0)
                sym.legend.entries.push_back({QStringLiteral("0  (%1)").arg(zeros), neutral, false, box, 10});
            for (std::size_t i = 0; i < pos.classCount(); ++i)
                sym.legend.entries.push_back({rangeLabel(pos, i, decimals, posCounts[i]),
                                              divergingColour(style.ramp, false, i, pos.classCount()), false, box, 10});
        } else {
            // Counts of small areas are often 0: then 0 gets a class of its own in the lightest
            // colour and the positive values are classified, otherwise every break collapses onto
            // 0 (quantiles) or a class of only zeros gets a strong colour.
            const bool zeroClass = style.method != ClassificationMethod::Manual && negatives == 0 && zeros > 0 &&
                                   (zeros * 5 > known || zeros == known);
            std::vector<double> classified = values;
            if (zeroClass)
                for (double& v : classified)
                    if (v == 0) v = kNaN;
            const std::size_t wanted =
                static_cast<std::size_t>(std::max(zeroClass ? 2 : 1, style.classes)) - (zeroClass ? 1 : 0);
            sym.classification =
                zeros == known && zeroClass ? Classification{style.method, {}} : classifyValues(classified, wanted);
            const auto& c = sym.classification;
            const std::size_t k = c.classCount();
            std::vector<std::size_t> counts(k, 0);
            for (std::size_t i = 0; i < n; ++i) {
                if (zeroClass && values[i] == 0) {
                    sym.fill[i] = rampLightest(style.ramp).rgba();
                    continue;
                }
                const auto cls = c.classOf(classified[i]);
                if (!cls) {
                    sym.fill[i] = kNoDataGrey;
                    sym.hatched[i] = 1;
                    ++missing;
                    continue;
                }
                ++counts[*cls];
                sym.fill[i] = rampColour(style.ramp, *cls, k).rgba();
            }
            const int decimals = formatDecimals(c);
            if (zeroClass)
                sym.legend.entries.push_back(
                    {QStringLiteral("0  (%1)").arg(zeros), rampLightest(style.ramp), false, box, 10});
            for (std::size_t i = 0; i < k; ++i)
                sym.legend.entries.push_back(
                    {rangeLabel(c, i, decimals, counts[i]), rampColour(style.ramp, i, k), false, box, 10});
        }
        if (missing > 0)
            sym.legend.entries.push_back({QCoreApplication::translate("Legend", "geheim / no data (%1)").arg(missing),
                                          QColor(kNoDataGrey), true, box, 10});
        break;
    }
    case StyleMode::GiBins: {
        // The hotspots command labels islands "Geen buren" (bin 0) and NULL inputs "Geen waarde"
        // (bin NULL): neither is "not significant", so they get legend lines of their own.
        // The theme's own labels go with its bins: gi_bin_<theme> -> gi_label_<theme>.
        const QString binPrefix = qs(schema::field::themeGiBin);
        const int labelField =
            style.field.startsWith(binPrefix)
                ? layer.fieldIndex(qs(schema::field::themeGiLabel) + style.field.mid(binPrefix.size()))
                : layer.fieldIndex(qs(schema::field::giLabel));
        std::vector<std::size_t> counts(7, 0);
        std::size_t islands = 0, missing = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double v = layer.number(field, i);
            const QString label = layer.text(labelField, i).toLower();
            if (std::isnan(v) || label.startsWith(QLatin1String("geen waarde")) ||
                label.startsWith(QLatin1String("no value"))) {
                sym.fill[i] = kNoDataGrey;
                sym.hatched[i] = 1;
                ++missing;
                continue;
            }
            if (label.startsWith(QLatin1String("geen buren")) || label.startsWith(QLatin1String("no neighbo"))) {
                sym.fill[i] = kIslandColour;
                ++islands;
                continue;
            }
            const int bin = std::clamp(static_cast<int>(std::lround(v)), -3, 3);
            sym.fill[i] = giBinColour(bin).rgba();
            ++counts[static_cast<std::size_t>(bin + 3)];
        }
        for (int bin = 3; bin >= -3; --bin)
            sym.legend.entries.push_back(
                {QStringLiteral("%1  (%2)").arg(giBinLabel(bin)).arg(counts[static_cast<std::size_t>(bin + 3)]),
                 giBinColour(bin), false, box, 10});
        if (islands > 0)
            sym.legend.entries.push_back({QCoreApplication::translate("Legend", "No neighbours (%1)").arg(islands),
                                          QColor(kIslandColour), false, box, 10});
        if (missing > 0)
            sym.legend.entries.push_back({QCoreApplication::translate("Legend", "geheim / no data (%1)").arg(missing),
                                          QColor(kNoDataGrey), true, box, 10});
        break;
    }
    case StyleMode::Lisa: {
        static const QRgb colours[5] = {0xffeeeeee, 0xffd7191c, 0xff2c7bb6, 0xfffdae61, 0xffabd9e9};
        const QString labels[5] = {QCoreApplication::translate("Legend", "Not significant"),
                                   QCoreApplication::translate("Legend", "High-High (cluster)"),
                                   QCoreApplication::translate("Legend", "Low-Low (cluster)"),
                                   QCoreApplication::translate("Legend", "High-Low (outlier)"),
                                   QCoreApplication::translate("Legend", "Low-High (outlier)")};
        std::vector<std::size_t> counts(5, 0);
        std::size_t missing = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const QString text = layer.text(field, i);
            const QString lower = text.toLower();
            if (text.isNull() || lower.startsWith(QLatin1String("geen")) || lower.startsWith(QLatin1String("no "))) {
                sym.fill[i] = kNoDataGrey; // no value or no neighbours: not part of the test
                sym.hatched[i] = 1;
                ++missing;
                continue;
            }
            const auto q = static_cast<std::size_t>(lisaQuadrant(text));
            sym.fill[i] = colours[q];
            ++counts[q];
        }
        for (std::size_t q : {1u, 2u, 3u, 4u, 0u})
            sym.legend.entries.push_back(
                {QStringLiteral("%1  (%2)").arg(labels[q]).arg(counts[q]), QColor(colours[q]), false, box, 10});
        if (missing > 0)
            sym.legend.entries.push_back(
                {QCoreApplication::translate("Legend", "no value / no neighbours (%1)").arg(missing),
                 QColor(kNoDataGrey), true, box, 10});
        break;
    }
    case StyleMode::Trend: {
        // One legend line per pattern present, hot ones first, in Esri's order; the labels in
        // the interface language (the data holds Dutch, English or the code).
        const bool english = QLocale().language() == QLocale::English;
        std::vector<std::size_t> counts(kEmergingClassCount, 0);
        std::size_t missing = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const int c = emergingClassOf(layer.text(field, i));
            if (c < 0) { // NULL or "geheim": never "no pattern"
                sym.fill[i] = kNoDataGrey;
                sym.hatched[i] = 1;
                ++missing;
                continue;
            }
            sym.fill[i] = emergingColour(c).rgba();
            ++counts[static_cast<std::size_t>(c)];
        }
        for (int c = 1; c <= kEmergingClassCount; ++c) {
            const int cls = c % kEmergingClassCount; // no pattern last
            if (counts[static_cast<std::size_t>(cls)] == 0) continue;
            const auto e = static_cast<EmergingClass>(cls);
            QString label = qs(english ? emergingLabelEn(e) : emergingLabelNl(e));
            if (!english) label[0] = label[0].toUpper();
            sym.legend.entries.push_back(
                {QStringLiteral("%1  (%2)").arg(label).arg(counts[static_cast<std::size_t>(cls)]), emergingColour(cls),
                 false, box, 10});
        }
        if (missing > 0)
            sym.legend.entries.push_back({QCoreApplication::translate("Legend", "geheim / no data (%1)").arg(missing),
                                          QColor(kNoDataGrey), true, box, 10});
        break;
    }
    case StyleMode::SurveyQuadrant: {
        // The four quadrants (high on both, the AOL candidates, in red), then the areas the rule
        // leaves unclassified; no survey figure, geheim and no population hatched grey.
        constexpr std::size_t kClasses = 7;
        static const QRgb colours[kClasses] = {0xffd7191c, 0xfffdae61, 0xff2c7bb6, 0xffabd9e9,
                                               0xffeeeeee, 0xffdcdcdc, 0xffbdbdbd};
        static const char* const labels[kClasses] = {
            "objectief hoog, subjectief hoog", "objectief hoog, subjectief laag", "objectief laag, subjectief hoog",
            "objectief laag, subjectief laag", "niet te onderscheiden",           "geen marge",
            "te weinig respondenten"};
        std::vector<std::size_t> counts(kClasses, 0);
        std::size_t missing = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const QString text = layer.text(field, i);
            std::size_t q = kClasses;
            for (std::size_t k = 0; k < kClasses; ++k)
                if (text == QLatin1String(labels[k])) q = k;
            if (q == kClasses) {
                sym.fill[i] = kNoDataGrey;
                sym.hatched[i] = 1;
                ++missing;
                continue;
            }
            sym.fill[i] = colours[q];
            ++counts[q];
        }
        for (std::size_t q = 0; q < kClasses; ++q) {
            if (q == 5 && counts[q] == 0) continue; // "geen marge" only where the table has no margin
            sym.legend.entries.push_back({QStringLiteral("%1  (%2)").arg(QString::fromUtf8(labels[q])).arg(counts[q]),
                                          QColor(colours[q]), false, box, 10});
        }
        if (missing > 0)
            sym.legend.entries.push_back(
                {QCoreApplication::translate("Legend", "geheim / no survey figure (%1)").arg(missing),
                 QColor(kNoDataGrey), true, box, 10});
        break;
    }
    case StyleMode::RasterRamp: {
        if (!layer.raster) break;
        const auto& band = *layer.raster;
        // Zero density is "nothing here": transparent, so the map beneath shows; the positive
        // values are classified like a choropleth.
        std::vector<double> positive;
        positive.reserve(band.values.size());
        for (float v : band.values)
            if (v > 0) positive.push_back(v);
        sym.classification =
            classify(positive, static_cast<std::size_t>(std::max(1, style.classes)), style.method, style.manualBreaks);
        const auto& c = sym.classification;
        const std::size_t k = c.classCount();
        std::vector<QRgb> colours(k);
        for (std::size_t i = 0; i < k; ++i) colours[i] = rampColour(style.ramp, i, k).rgba();
        sym.raster = QImage(band.width, band.height, QImage::Format_ARGB32_Premultiplied);
        sym.raster.fill(Qt::transparent);
        for (int y = 0; y < band.height; ++y) {
            auto* row = reinterpret_cast<QRgb*>(sym.raster.scanLine(y));
            for (int x = 0; x < band.width; ++x) {
                const float v = band.values[static_cast<std::size_t>(y) * static_cast<std::size_t>(band.width) +
                                            static_cast<std::size_t>(x)];
                if (!(v > 0)) continue;
                if (const auto cls = c.classOf(v)) row[x] = colours[*cls];
            }
        }
        const double span = c.breaks.empty() ? 0 : c.breaks.back() - c.breaks.front();
        const int decimals = span < 1 ? 3 : span < 10 ? 2 : span < 100 ? 1 : 0;
        for (std::size_t i = 0; i < k; ++i) {
            const QString lower =
                i == 0 ? formatBreak(c.breaks[i], decimals) : QStringLiteral("> ") + formatBreak(c.breaks[i], decimals);
            sym.legend.entries.push_back({QStringLiteral("%1 – %2").arg(lower, formatBreak(c.breaks[i + 1], decimals)),
                                          QColor(colours[i]), false, box, 10});
        }
        break;
    }
    case StyleMode::SizedPoints: {
        double maxV = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double v = layer.number(field, i);
            if (!std::isnan(v)) maxV = std::max(maxV, v);
        }
        // Area proportional to the score (perceptually honest), largest symbol 28 px.
        constexpr double maxSize = 28.0;
        // The black-spot command marks locations that meet the definition (voldoet = 1); with
        // --all-junctions the others come too and are shown grey.
        const int meets = layer.fieldIndex(qs(schema::field::meets));
        const QColor red(0xa5, 0x00, 0x26), grey(150, 150, 150);
        std::size_t nMeets = 0, nBelow = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double v = layer.number(field, i);
            const double d =
                std::isnan(v) || maxV <= 0 ? style.pointSize : std::max(style.pointSize, maxSize * std::sqrt(v / maxV));
            sym.size[i] = static_cast<float>(d);
            if (meets >= 0) {
                const bool ok = layer.number(meets, i) > 0;
                sym.fill[i] = (ok ? red : grey).rgba();
                ++(ok ? nMeets : nBelow);
            }
        }
        const QColor symbolColour = meets >= 0 ? red : style.fill;
        if (maxV > 0)
            for (double f : {1.0, 0.5, 0.25}) {
                const double v = maxV * f;
                sym.legend.entries.push_back(
                    {QCoreApplication::translate("Legend", "score %1").arg(formatBreak(v, v < 10 ? 1 : 0)),
                     symbolColour, false, LegendEntry::Symbol::Circle,
                     std::max(style.pointSize, maxSize * std::sqrt(f))});
            }
        if (meets >= 0) {
            sym.legend.entries.push_back(
                {QCoreApplication::translate("Legend", "black spot (meets the definition) (%1)").arg(nMeets), red,
                 false, LegendEntry::Symbol::Circle, 10});
            if (nBelow > 0)
                sym.legend.entries.push_back(
                    {QCoreApplication::translate("Legend", "below the threshold (%1)").arg(nBelow), grey, false,
                     LegendEntry::Symbol::Circle, 10});
        }
        break;
    }
    }
    sym.marked.assign(n, 0);
    if (const int mark = layer.fieldIndex(style.markField); mark >= 0 && layer.geometry == GeometryKind::Polygon) {
        // Unreliable rates (klein_ = 1) stay coloured but are marked, so nobody ranks them.
        std::size_t marked = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (layer.number(mark, i) == 1 && !sym.hatched[i]) sym.marked[i] = 1, ++marked;
        if (marked > 0) {
            LegendEntry e{QCoreApplication::translate("Legend", "too small for a reliable rate (%1)").arg(marked),
                          QColor(Qt::white), false, box, 10};
            e.dotted = true;
            sym.legend.entries.push_back(e);
        }
    }
    return sym;
}

} // namespace gebiedscan::viewer
