#include "report_document.hpp"

#include "report_charts.hpp"

#include "gebiedscan/core/error.hpp"
#include "layer_style.hpp"
#include "print_layout.hpp"
#include "schema_names.hpp"

#include <QBuffer>
#include <QDate>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImageWriter>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace gebiedscan::report {

using viewer::LayerData;
using viewer::qs;
namespace schema = viewer::schema;
namespace fld = schema::field;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// A week has 168 hours: below this many registrations its cells are single registrations, noise
// to a reader and too close to the people behind them.
constexpr int kMinimumForWeek = 100;
// Device pixels per logical pixel. The HTML's images are for screens (640 px wide, sharp on a
// 1.5x display). The PDF paints maps and charts as vectors (the demo's 242 pages were 35 MB
// with every map a 240 dpi image).
constexpr double kHtmlMapScale = 1.5;
constexpr double kPdfMapScale = 2.0;
constexpr double kHtmlChartScale = 2.0;

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString capitalised(QString s)
{
    if (!s.isEmpty()) s[0] = s[0].toUpper();
    return s;
}

QString field(std::string_view family, const QString& theme)
{
    return viewer::themeField(family, theme);
}

// Gi* bin of a feature (gi_bin, or a theme's gi_bin_<thema>); NaN when hidden or absent.
double giBin(const LayerData& l, std::size_t f, const QString& name)
{
    return ScanReportData::number(l, f, name);
}

QString td(const QString& s, const QString& attrs = {})
{
    return QStringLiteral("<td%1>%2</td>").arg(attrs.isEmpty() ? QString() : QLatin1Char(' ') + attrs, s);
}

// The image for the HTML, small: maps and charts have few colours, so they get a palette (a
// third of an RGB PNG's bytes). An image of at most 256 keeps them exactly. One with more (the
// antialiased edges between many fills) keeps its 256 most frequent exactly -- every fill, legend
// swatch and the text -- and each rarer edge colour becomes the nearest of those.
QImage compactImage(const QImage& image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    std::unordered_map<QRgb, std::size_t> counts;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) ++counts[line[x] | 0xff000000u];
    }
    // At most 256 colours: Qt builds the exact palette (no dithering, no colour changed).
    if (counts.size() <= 256)
        return rgb.convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither | Qt::AvoidDither);
    std::vector<std::pair<QRgb, std::size_t>> byCount(counts.begin(), counts.end());
    std::partial_sort(byCount.begin(), byCount.begin() + 256, byCount.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    QList<QRgb> table;
    std::unordered_map<QRgb, uchar> index;
    for (std::size_t i = 0; i < 256; ++i) {
        table.push_back(byCount[i].first);
        index.emplace(byCount[i].first, static_cast<uchar>(i));
    }
    for (std::size_t i = 256; i < byCount.size(); ++i) {
        const QRgb c = byCount[i].first;
        int best = 0, bestDistance = std::numeric_limits<int>::max();
        for (int k = 0; k < 256; ++k) {
            const int dr = qRed(c) - qRed(table[k]), dg = qGreen(c) - qGreen(table[k]), db = qBlue(c) - qBlue(table[k]);
            const int d = 3 * dr * dr + 4 * dg * dg + 2 * db * db; // green weighs most to the eye
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        index.emplace(c, static_cast<uchar>(best));
    }
    QImage out(rgb.size(), QImage::Format_Indexed8);
    out.setColorTable(table);
    out.setDotsPerMeterX(rgb.dotsPerMeterX());
    out.setDotsPerMeterY(rgb.dotsPerMeterY());
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* in = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        uchar* line = out.scanLine(y);
        for (int x = 0; x < rgb.width(); ++x) line[x] = index.at(in[x] | 0xff000000u);
    }
    return out;
}

// A heading and what it heads on one page: Qt moves a table row that does not fit to the next
// page as a whole (it has no page-break-after:avoid), so the section goes into a borderless cell
// (its padding stands in for the heading's margin, which a cell drops).
QString keepTogether(const QString& section, int paddingTop = 10)
{
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\"><tr><td "
                          "style=\"padding-top:%2px;\">%1</td></tr>"
                          "</table>")
        .arg(section, QString::number(paddingTop)); // one pass: the section's own text is never scanned
}

// Text of a cell's HTML for measuring: entities back, no tags.
QString plainText(QString html)
{
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    html.remove(tag);
    return html.replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
}

// Column widths of a table (percent of the text width) that hold each column's longest word:
// Qt's layout breaks a word that does not fit its cell ("Verwac|ht"), so a column that needs
// more takes it from the others' room to spare.
class TableWidths {
public:
    explicit TableWidths(int columns) : m_need(static_cast<std::size_t>(columns), 0.0) {}

    void note(int column, const QString& text, bool bold)
    {
        if (column < 0 || column >= static_cast<int>(m_need.size())) return;
        const QFontMetricsF& fm = bold ? m_bold : m_plain;
        for (const QString& word : text.split(QRegularExpression(QStringLiteral("[\\s\u00a0]+")), Qt::SkipEmptyParts))
            m_need[column] = std::max(m_need[column], fm.horizontalAdvance(word));
        // "12,3 %" and "< 0,001" hold a no-break space or read as one: never split a number from its unit.
        if (text.contains(QChar(0x00a0))) m_need[column] = std::max(m_need[column], fm.horizontalAdvance(text));
    }

    /// `wanted` (percent, summing to 100) adjusted so that every column holds its longest word.
    [[nodiscard]] std::vector<double> fit(std::vector<double> wanted) const
    {
        // The text width of an A4 page with the report's margins (174 mm), in points; a cell adds
        // its padding and borders.
        constexpr double kTextWidth = 174.0 / 25.4 * 72.0, kCellExtra = 7.0;
        std::vector<double> need(wanted.size());
        double extra = 0, spare = 0;
        for (std::size_t i = 0; i < wanted.size(); ++i) {
            need[i] = (m_need[i] + kCellExtra) / kTextWidth * 100.0;
            if (need[i] > wanted[i])
                extra += need[i] - wanted[i];
            else
                spare += wanted[i] - need[i];
        }
        if (extra <= 0 || spare <= 0) return wanted;
        const double take = std::min(1.0, extra / spare);
        for (std::size_t i = 0; i < wanted.size(); ++i)
            wanted[i] = need[i] > wanted[i]
                            ? (extra <= spare ? need[i] : wanted[i] + (need[i] - wanted[i]) * spare / extra)
                            : wanted[i] - (wanted[i] - need[i]) * take;
        return wanted;
    }

private:
    static QFont font(bool bold)
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(7.5);
        f.setBold(bold);
        return f;
    }
    // Measured on a 72 dpi image: one pixel is one point.
    static QImage& device()
    {
        static QImage image = [] {
            QImage i(1, 1, QImage::Format_RGB32);
            i.setDotsPerMeterX(2835);
            i.setDotsPerMeterY(2835);
            return i;
        }();
        return image;
    }
    std::vector<double> m_need;
    QFontMetricsF m_plain{font(false), &device()};
    QFontMetricsF m_bold{font(true), &device()};
};

} // namespace

QByteArray compactPng(const QImage& image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter png(&buffer, "PNG");
    png.setQuality(0); // zlib's strongest compression: the HTML goes out by mail
    png.write(compactImage(image));
    return bytes;
}

ReportDocument::ReportDocument(ScanReportData& data, const ReportOptions& options)
    : m_data(data), m_options(options), m_text(options.english)
{}

ReportContent ReportDocument::build()
{
    const QStringList levels = m_data.levels();
    for (const QString& level : levels) {
        const auto layer = m_data.level(level);
        const int code = layer->fieldIndex(qs(fld::code)), parent = layer->fieldIndex(qs(fld::parentCode)),
                  name = layer->fieldIndex(qs(fld::name));
        for (std::size_t i = 0; i < layer->featureCount(); ++i) {
            m_names.insert(layer->text(code, i), layer->text(name, i));
            if (parent >= 0 && !layer->text(parent, i).isEmpty())
                m_parent.insert(layer->text(code, i), layer->text(parent, i));
        }
    }
    m_level = m_options.level;
    // Default: wijk, the level above the buurten; in a scan of other areas the same place, the
    // level just above the finest (Boston's TOWN above its tracts), so not hundreds of sheets.
    if (m_level.isEmpty())
        m_level = levels.contains(QStringLiteral("wijk")) ? QStringLiteral("wijk")
                  : levels.size() > 1                      ? levels[1]
                                                           : levels.first();
    if (!levels.contains(m_level))
        throw InputError(
            QStringLiteral("de scan heeft geen niveau '%1' (wel: %2)").arg(m_level, levels.join(", ")).toStdString());
    m_sheets = areasAt(m_level);
    if (m_sheets.empty())
        throw InputError(QStringLiteral("geen %1 gevonden bij --areas %2 (codes van gebieden of van hogere gebieden, "
                                        "zoals GM0106)")
                             .arg(levelWord(m_level, true), m_options.areas.join(","))
                             .toStdString());
    // Areas with a published total of 0 get no sheet of their own (a national layer scanned
    // for one province would give hundreds of empty pages); the summary names them.
    {
        std::vector<Area> kept;
        for (auto& a : m_sheets) {
            const double n = ScanReportData::number(*a.layer, a.feature, field(fld::count, qs(schema::kTotalTheme)));
            (n == 0 ? m_empty : kept).push_back(a);
        }
        if (kept.empty()) std::swap(kept, m_empty);
        m_sheets = std::move(kept);
    }

    if (!m_options.blackspots.isEmpty()) {
        m_blackspots = readBlackSpots(m_options.blackspots);
    } else if (const auto beside = blackSpotsBeside(m_data.folder())) {
        try {
            m_blackspots = readBlackSpots(*beside);
            m_blackspots->foundBeside = true;
        } catch (const InputError&) {
            // Not a list of ours after all: the summary says none was found.
        }
    }

    QString body = cover() + summaryPage();
    // A report per gemeente with a sheet per wijk: each gemeente's own sheet first, then those of
    // its areas (in code order).
    const QString top = levels.last();
    if (m_level != top) {
        for (const auto& g : areasAt(top, false)) {
            bool any = false;
            for (const auto& a : m_sheets) any = any || inside(a.code, g.code);
            if (!any) continue;
            body += sheet(g);
            for (const auto& a : m_sheets)
                if (inside(a.code, g.code)) body += sheet(a);
        }
        QStringList topCodes;
        for (const auto& g : areasAt(top, false)) topCodes << g.code;
        for (const auto& a : m_sheets) { // areas without a gemeente above them
            bool placed = false;
            for (const QString& up : ancestors(a.code)) placed = placed || topCodes.contains(up);
            if (!placed) body += sheet(a);
        }
    } else {
        for (const auto& a : m_sheets) body += sheet(a);
    }
    body += methods();

    ReportContent c;
    c.title = m_text.pick("Veiligheidsanalyse", "Safety analysis");
    // The markers first and the region last: a long list of gemeenten is what the page footer
    // elides, never SYNTHETISCH or INTERN.
    c.footer = c.title;
    for (const auto& src : m_data.sources())
        if (src.synthetic) {
            c.footer += m_text.pick(" \u00b7 SYNTHETISCHE registraties", " \u00b7 SYNTHETIC registrations");
            break;
        }
    if (m_data.internal()) c.footer += m_text.pick(" \u00b7 INTERN", " \u00b7 INTERNAL");
    c.footer += QStringLiteral(" \u00b7 %1 \u00b7 %2").arg(periodText(), regionName());
    c.html = QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title>"
                            "<style>body{font-family:'DejaVu Sans',sans-serif;font-size:9pt;}"
                            "h1{font-size:22pt;} h2{font-size:15pt;margin-top:0;} h3{font-size:11pt;margin-bottom:2px;}"
                            "table.t{border-collapse:collapse;} table.t td, table.t th{border:1px solid #999;"
                            "padding:2px 4px;font-size:7.5pt;} th{background-color:#e8e8e8;}"
                            ".small{font-size:7.5pt;color:#444;} .synth{color:#b00000;font-weight:bold;}"
                            "</style></head><body>%2</body></html>")
                 .arg(esc(c.title), body);
    c.images = std::move(m_images);
    c.drawings = std::move(m_drawings);
    c.sheets = static_cast<int>(m_sheets.size());
    c.level = m_level;
    return c;
}

// ---------------------------------------------------------------------------------------------
// Areas and their hierarchy

QStringList ReportDocument::ancestors(const QString& code) const
{
    QStringList out;
    QString c = code;
    for (int guard = 0; guard < 8 && m_parent.contains(c); ++guard) {
        c = m_parent.value(c);
        out << c;
    }
    return out;
}

bool ReportDocument::inside(const QString& code, const QString& ancestor) const
{
    return code == ancestor || ancestors(code).contains(ancestor);
}

QString ReportDocument::regionName() const
{
    QStringList region;
    const QString top = m_data.levels().last();
    for (const auto& g : areasAt(top, false)) {
        bool any = false;
        for (const auto& a : m_sheets) any = any || inside(a.code, g.code);
        if (any) region << (g.name.isEmpty() ? g.code : g.name);
    }
    return region.size() <= 8 ? region.join(QStringLiteral(", "))
                              : QStringLiteral("%1 %2").arg(region.size()).arg(levelWord(top, true));
}

std::vector<ReportDocument::Area> ReportDocument::areasAt(const QString& level, bool filtered) const
{
    std::vector<Area> out;
    const auto layer = m_data.level(level);
    if (!layer) return out;
    const int code = layer->fieldIndex(qs(fld::code)), name = layer->fieldIndex(qs(fld::name));
    for (std::size_t i = 0; i < layer->featureCount(); ++i) {
        const QString c = layer->text(code, i);
        bool wanted = !filtered || m_options.areas.isEmpty();
        for (const QString& a : m_options.areas) wanted = wanted || inside(c, a.trimmed());
        if (wanted) out.push_back({layer, i, c, layer->text(name, i), level});
    }
    std::stable_sort(out.begin(), out.end(), [](const Area& a, const Area& b) { return a.code < b.code; });
    return out;
}

QString ReportDocument::levelWord(const QString& level, bool plural) const
{
    if (m_text.english()) {
        if (level == u"buurt")
            return plural ? QStringLiteral("neighbourhoods (buurten)") : QStringLiteral("neighbourhood");
        if (level == u"wijk") return plural ? QStringLiteral("districts (wijken)") : QStringLiteral("district");
        if (level == u"gemeente") return plural ? QStringLiteral("municipalities") : QStringLiteral("municipality");
        return plural ? QStringLiteral("areas") : QStringLiteral("area");
    }
    if (level == u"buurt") return plural ? QStringLiteral("buurten") : QStringLiteral("buurt");
    if (level == u"wijk") return plural ? QStringLiteral("wijken") : QStringLiteral("wijk");
    if (level == u"gemeente") return plural ? QStringLiteral("gemeenten") : QStringLiteral("gemeente");
    return plural ? QStringLiteral("gebieden") : QStringLiteral("gebied");
}

QString ReportDocument::areaTitle(const Area& a) const
{
    QString s = a.name.isEmpty() ? a.code : a.name;
    const QStringList up = ancestors(a.code);
    if (!up.isEmpty()) s += QStringLiteral(" (%1)").arg(m_names.value(up.last(), up.last()));
    return s;
}

// ---------------------------------------------------------------------------------------------
// Words

QString ReportDocument::veldName(int veld) const
{
    static const char* const nl[] = {"Overig",
                                     "Veilige woon- en leefomgeving",
                                     "Bedrijvigheid en veiligheid",
                                     "Jeugd en veiligheid",
                                     "Fysieke veiligheid",
                                     "Integriteit en veiligheid"};
    static const char* const en[] = {
        "Other",           "Safe living environment", "Business and safety", "Youth and safety",
        "Physical safety", "Integrity and safety"};
    const int i = veld >= 1 && veld <= 5 ? veld : 0;
    return i == 0 ? m_text.pick(nl[0], en[0]) : QStringLiteral("%1. %2").arg(i).arg(m_text.pick(nl[i], en[i]));
}

QString ReportDocument::themeLabel(const ReportTheme& t) const
{
    const QString label = m_text.english() && !t.labelEn.isEmpty() ? t.labelEn : t.label;
    return t.number.isEmpty() ? label : t.number + QLatin1Char(' ') + label;
}

QString ReportDocument::referenceIds() const
{
    QStringList ids;
    for (const auto& p : m_data.periods())
        if (!p.current) ids << p.id;
    if (ids.size() > 2) return ids.first() + QStringLiteral("\u2013") + ids.last();
    return ids.join(QStringLiteral(", "));
}

QString ReportDocument::periodText() const
{
    const auto cur = m_data.currentPeriod();
    if (!cur) return {};
    const QString ref = referenceIds();
    return ref.isEmpty() ? cur->id : m_text.pick("%1 (referentie %2)", "%1 (reference %2)").arg(cur->id, ref);
}

QString ReportDocument::sourceLine() const
{
    // Taken from the folder's own metadata: what the data is and who to credit.
    QStringList parts;
    for (const auto& s : m_data.sources()) {
        QString t = s.description;
        if (s.synthetic) t = m_text.pick("SYNTHETISCH \u2014 ", "SYNTHETIC \u2014 ") + t;
        t +=
            QStringLiteral(" (%1)").arg(s.credit.isEmpty() ? m_text.pick("bron onbekend", "source unknown") : s.credit);
        parts << t;
    }
    QString line = m_text.pick("Bron: ", "Source: ") + parts.join(QStringLiteral("; "));
    if (const QString p = periodText(); !p.isEmpty()) line += m_text.pick(" \u00b7 Periode ", " \u00b7 Period ") + p;
    const QString rule = m_data.summary()
                             .value(qs(schema::summary::suppression))
                             .toObject()
                             .value(qs(schema::summary::suppressionRule))
                             .toString();
    if (!rule.isEmpty()) line += QStringLiteral(" \u00b7 ") + rule.section(QLatin1Char(';'), 0, 0).trimmed();
    if (m_data.internal()) line += m_text.pick(" \u00b7 INTERN: niet beveiligd", " \u00b7 INTERNAL: not protected");
    return line;
}

QString ReportDocument::hiddenOr(const LayerData& layer, std::size_t f, const QString& countField,
                                 const QString& text) const
{
    if (!text.isEmpty()) return text;
    // A NULL beside a hidden count is hidden with it; beside a published count it was not computed.
    return ScanReportData::hasField(layer, countField) && std::isnan(ScanReportData::number(layer, f, countField))
               ? m_text.hidden()
               : QStringLiteral("\u2013");
}

QString ReportDocument::addImage(const QString& name, const QImage& image, int width, ReportDrawing drawing)
{
    const QString key = QStringLiteral("img%1-%2.png").arg(++m_imageCount).arg(name);
    m_images.emplace_back(key, compactPng(image));
    if (drawing.paint) m_drawings.insert(key, std::move(drawing));
    return QStringLiteral("<img src=\"%1\" width=\"%2\">").arg(key).arg(width);
}

QString ReportDocument::addMap(const QString& name, const MapSheet& map, int width)
{
    const QImage image = map.layout.render(map.layers, map.extent, kHtmlMapScale);
    // The PDF paints the whole sheet, the areas as paths too: vectors, sharp at any zoom and a
    // fraction of an image's size. Painted at kPdfMapScale device pixels per logical pixel (the
    // scale its level of detail and any point layer's image use) and shrunk back.
    viewer::PrintLayout vector = map.layout;
    vector.setVectorMap(true);
    const QSizeF size(image.width() / kHtmlMapScale, image.height() / kHtmlMapScale);
    ReportDrawing drawing{size, [vector, layers = map.layers, extent = map.extent](QPainter& p) {
                              p.scale(1.0 / kPdfMapScale, 1.0 / kPdfMapScale);
                              vector.paint(p, QPointF(0, 0), layers, vector.viewFor(extent), kPdfMapScale);
                          }};
    return addImage(name, image, width, std::move(drawing));
}

// ---------------------------------------------------------------------------------------------
// Maps

std::vector<viewer::LegendEntry> ReportDocument::giLegend(const LayerData& layer,
                                                          const std::vector<std::size_t>& shown) const
{
    bool present[7] = {}, hidden = false;
    for (std::size_t f : shown) {
        const double b = giBin(layer, f, qs(fld::giBin));
        if (std::isnan(b))
            hidden = true;
        else
            present[std::clamp(static_cast<int>(b), -3, 3) + 3] = true;
    }
    std::vector<viewer::LegendEntry> e;
    const char* nl[7] = {"Coldspot 99 %", "Coldspot 95 %", "Coldspot 90 %", "Niet significant",
                         "Hotspot 90 %",  "Hotspot 95 %",  "Hotspot 99 %"};
    const char* en[7] = {"Cold spot 99 %", "Cold spot 95 %", "Cold spot 90 %", "Not significant",
                         "Hot spot 90 %",  "Hot spot 95 %",  "Hot spot 99 %"};
    for (int b = 3; b >= -3; --b)
        if (present[b + 3]) e.push_back({m_text.pick(nl[b + 3], en[b + 3]), viewer::giBinColour(b)});
    if (hidden) e.push_back({m_text.hidden(), QColor(220, 220, 220), true});
    return e;
}

std::shared_ptr<const LayerData> ReportDocument::singleFeature(const Area& a) const
{
    auto one = std::make_shared<LayerData>();
    one->geometry = viewer::GeometryKind::Polygon;
    one->kind = viewer::LayerKind::Other;
    const LayerData& l = *a.layer;
    std::vector<std::vector<PointRd>> rings;
    for (auto r = l.featureRings[a.feature]; r < l.featureRings[a.feature + 1]; ++r)
        rings.emplace_back(l.coords.begin() + l.ringOffsets[r], l.coords.begin() + l.ringOffsets[r + 1]);
    one->addFeature(rings);
    one->extent = l.envelopes[a.feature];
    return one;
}

namespace {

viewer::LayerSnapshot outlines(const std::shared_ptr<const LayerData>& layer, QColor colour, double width)
{
    viewer::LayerStyle s;
    s.mode = viewer::StyleMode::Single;
    s.fill = Qt::transparent;
    s.stroke = colour;
    s.strokeWidth = width;
    auto sym = std::make_shared<viewer::Symbology>(viewer::computeSymbology(*layer, s, QString()));
    return {layer, sym, s};
}

viewer::LayerSnapshot giFill(const std::shared_ptr<const LayerData>& layer)
{
    viewer::LayerStyle s;
    s.mode = viewer::StyleMode::GiBins;
    s.field = qs(fld::giBin);
    s.stroke = QColor(170, 170, 170);
    s.strokeWidth = 0.3;
    auto sym = std::make_shared<viewer::Symbology>(viewer::computeSymbology(*layer, s, QString()));
    return {layer, sym, s};
}

} // namespace

ReportDocument::MapSheet ReportDocument::areaMap(const Area& a, int height)
{
    const auto finest = m_data.finest();
    Envelope e = a.layer->envelopes[a.feature];
    const double pad = std::max(e.width(), e.height()) * 0.25 + 200;
    Envelope wide = e;
    wide.expand(PointRd{e.minX - pad, e.minY - pad});
    wide.expand(PointRd{e.maxX + pad, e.maxY + pad});

    std::vector<viewer::LayerSnapshot> layers{giFill(finest)};
    if (a.layer != finest) layers.push_back(outlines(a.layer, QColor(90, 90, 90), 0.9));
    layers.push_back(outlines(singleFeature(a), Qt::black, 2.4));

    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < finest->featureCount(); ++i)
        if (finest->envelopes[i].intersects(wide)) shown.push_back(i);
    viewer::Composition c;
    c.title =
        m_text.pick("Hotspots in en rond %1", "Hot spots in and around %1").arg(a.name.isEmpty() ? a.code : a.name);
    c.subtitle =
        m_text
            .pick("Alle registraties %1, Getis-Ord Gi* per %2; omliggende gebieden ter vergelijking",
                  "All registrations %1, Getis-Ord Gi* per %2; surrounding areas for comparison")
            .arg(m_data.currentPeriod() ? m_data.currentPeriod()->id : QString(), levelWord(m_data.levels().first()));
    viewer::LayerLegend hot{m_text.pick("Hotspots (Getis-Ord Gi*)", "Hot spots (Getis-Ord Gi*)"),
                            giLegend(*finest, shown)};
    viewer::LayerLegend lines{QString(), {}};
    lines.entries.push_back(
        {m_text.pick("dit gebied", "this area"), Qt::black, false, viewer::LegendEntry::Symbol::Line});
    if (a.layer != finest)
        lines.entries.push_back({m_text.pick("grens %1", "%1 boundary").arg(levelWord(a.level)), QColor(90, 90, 90),
                                 false, viewer::LegendEntry::Symbol::Line});
    c.legends = {hot, lines};
    c.footer = sourceLine();
    return {viewer::PrintLayout(QSizeF(680, height), c), std::move(layers), wide};
}

ReportDocument::MapSheet ReportDocument::overviewMap()
{
    const auto finest = m_data.finest();
    Envelope e;
    for (const auto& a : m_sheets) e.expand(a.layer->envelopes[a.feature]);
    std::vector<viewer::LayerSnapshot> layers{giFill(finest)};
    const auto top = m_data.level(m_data.levels().last());
    if (top != finest) layers.push_back(outlines(top, QColor(40, 40, 40), 1.2));
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < finest->featureCount(); ++i)
        if (finest->envelopes[i].intersects(e)) shown.push_back(i);
    viewer::Composition c;
    c.title = m_text.pick("Hotspots in het gebied", "Hot spots in the region");
    c.subtitle =
        m_text.pick("Alle registraties %1, Getis-Ord Gi* per %2", "All registrations %1, Getis-Ord Gi* per %2")
            .arg(m_data.currentPeriod() ? m_data.currentPeriod()->id : QString(), levelWord(m_data.levels().first()));
    viewer::LayerLegend hot{m_text.pick("Hotspots (Getis-Ord Gi*)", "Hot spots (Getis-Ord Gi*)"),
                            giLegend(*finest, shown)};
    if (top != finest)
        hot.entries.push_back({m_text.pick("grens %1", "%1 boundary").arg(levelWord(m_data.levels().last())),
                               QColor(40, 40, 40), false, viewer::LegendEntry::Symbol::Line});
    c.legends = {hot};
    c.footer = sourceLine();
    return {viewer::PrintLayout(QSizeF(680, 520), c), std::move(layers), e};
}

// ---------------------------------------------------------------------------------------------
// Pages

QString ReportDocument::cover()
{
    const auto& s = m_data.summary();
    QString h = QStringLiteral("<h1>%1</h1>").arg(m_text.pick("Veiligheidsanalyse", "Safety analysis"));
    h += QStringLiteral("<p style=\"font-size:14pt;\">%1</p>").arg(esc(regionName()));
    h += QStringLiteral("<p style=\"font-size:11pt;\">%1</p>")
             .arg(m_text
                      .pick("Gebiedscan per %1 volgens het vaste model: vijf veiligheidsvelden en hun thema's",
                            "Area scan per %1 along the fixed model: five safety fields and their themes")
                      .arg(levelWord(m_level)));
    bool synthetic = false;
    for (const auto& src : m_data.sources()) synthetic = synthetic || src.synthetic;
    if (synthetic)
        h += QStringLiteral("<p class=\"synth\">%1</p>")
                 .arg(m_text.pick("SYNTHETISCH \u2014 de registraties in dit rapport zijn gegenereerd voor een "
                                  "demonstratie; het zijn geen echte politiecijfers.",
                                  "SYNTHETIC \u2014 the registrations in this report were generated for a "
                                  "demonstration; they are no real police figures."));
    if (m_data.internal())
        h += QStringLiteral("<p class=\"synth\">%1</p>")
                 .arg(m_text.pick("INTERN \u2014 deze scan is zonder geheimhouding gemaakt (--internal) en mag de "
                                  "politie niet verlaten.",
                                  "INTERNAL \u2014 this scan was made without protection (--internal) and must not "
                                  "leave the police."));
    h += QStringLiteral("<table cellpadding=\"3\">");
    const auto row = [&](const QString& k, const QString& v) {
        h += QStringLiteral("<tr><td valign=\"top\"><b>%1</b></td><td>%2</td></tr>").arg(esc(k), v);
    };
    if (const auto cur = m_data.currentPeriod()) {
        const QDate from = QDate::fromString(cur->from, Qt::ISODate),
                    to = QDate::fromString(cur->toExclusive, Qt::ISODate).addDays(-1);
        row(m_text.pick("Periode", "Period"),
            esc(m_text.pick("%1 (%2 t/m %3)", "%1 (%2 to %3)")
                    .arg(cur->id, m_text.locale().toString(from, QStringLiteral("d MMMM yyyy")),
                         m_text.locale().toString(to, QStringLiteral("d MMMM yyyy")))));
    }
    QStringList refs;
    for (const auto& p : m_data.periods())
        if (!p.current) refs << p.id;
    row(m_text.pick("Referentieperiode", "Reference period"),
        esc(refs.isEmpty() ? m_text.pick("geen", "none") : refs.join(QStringLiteral(", "))));
    QString sources;
    for (const auto& src : m_data.sources()) {
        const QString role = src.role == u"incidents" ? m_text.pick("Registraties", "Registrations")
                             : src.role == u"areas"   ? m_text.pick("Gebieden", "Areas")
                                                      : src.role;
        sources += QStringLiteral("%1%2: %3 \u2014 %4<br>")
                       .arg(src.synthetic ? QStringLiteral("<span class=\"synth\">%1</span>")
                                                .arg(m_text.pick("SYNTHETISCH \u2014 ", "SYNTHETIC \u2014 "))
                                          : QString(),
                            esc(role), esc(src.description),
                            esc(src.credit.isEmpty() ? m_text.pick("bron onbekend", "source unknown") : src.credit));
    }
    row(m_text.pick("Bronnen", "Sources"),
        sources.isEmpty() ? m_text.pick("bron onbekend", "source unknown") : sources);
    row(m_text.pick("Model", "Model"), esc(s.value(qs(schema::summary::model)).toString()));

    // The protection in plain words: what a reader will see and why.
    const auto sup = s.value(qs(schema::summary::suppression)).toObject();
    QString protection;
    if (m_data.internal()) {
        protection = m_text.pick("Geen: interne scan.", "None: internal scan.");
    } else {
        const QString rule = sup.value(qs(schema::summary::suppressionRule)).toString().section(QLatin1Char(';'), 0, 0);
        protection =
            m_text
                .pick(
                    "Kleine aantallen zijn vervangen door \u2018geheim\u2019 (%1), nooit door 0. Daarnaast zijn %2 "
                    "andere aantallen geheim gemaakt, zodat geen geheim aantal is terug te rekenen uit optellingen "
                    "van thema's, buurten, wijken en gemeenten. Bij een geheim aantal zijn ook de cijfers die eruit "
                    "volgen geheim (per 1.000 inwoners, verandering, rang, trend). Hotspots staan er alleen als klasse "
                    "in. In totaal %3 geheime cellen; controle (gebiedscan audit): %4.",
                    "Small counts are replaced by \u2018suppressed\u2019 (%1), never by 0. Besides, %2 other counts "
                    "were suppressed so that no hidden count can be recovered from sums of themes, buurten, wijken "
                    "and gemeenten. Figures derived from a hidden count are hidden too (per 1,000 inhabitants, "
                    "change, rank, trend). Hot spots are given as classes only. %3 hidden cells in all; audit "
                    "(gebiedscan audit): %4.")
                .arg(esc(rule.trimmed()), m_text.number(sup.value(QStringLiteral("secondary_cells")).toDouble()),
                     m_text.number(sup.value(QStringLiteral("suppressed_cells")).toDouble()),
                     sup.value(QStringLiteral("audit_passed")).toBool() ? m_text.pick("geslaagd", "passed")
                                                                        : m_text.pick("NIET geslaagd", "FAILED"));
    }
    row(m_text.pick("Geheimhouding", "Protection"), protection);
    row(m_text.pick("Datum", "Date"),
        esc(m_text.locale().toString(QDate::currentDate(), QStringLiteral("d MMMM yyyy"))));
    row(m_text.pick("Inhoud", "Contents"),
        esc(m_text
                .pick("Samenvatting; een blad per %1 (%2); verantwoording van de methode",
                      "Summary; a sheet per %1 (%2); methods")
                .arg(levelWord(m_level))
                .arg(m_sheets.size())));
    h += QStringLiteral("</table>");
    return h;
}

QString ReportDocument::summaryPage()
{
    const auto& themes = m_data.themes();
    const QString cur = m_data.currentPeriod() ? m_data.currentPeriod()->id : QString();
    QString h =
        QStringLiteral("<h2 style=\"page-break-before:always;\">%1</h2>").arg(m_text.pick("Samenvatting", "Summary"));
    // Each section (heading and list) stays on one page: a heading alone at a page's foot
    // reads as a section without content.
    qsizetype section = 0;
    const auto closeSection = [&] { h = h.left(section) + keepTogether(h.mid(section)); };
    // The overview map first: after a long text it would go to a page of its own and leave the
    // rest of the summary's last page empty; above the text, the text fills the pages after it.
    h += QStringLiteral("<p>%1</p>").arg(addMap(QStringLiteral("overzicht"), overviewMap(), 640));

    // Largest counts: per theme the sheet-level area with the most registrations (published only).
    struct Item {
        const Area* area;
        const ReportTheme* theme;
        double value, extra;
    };
    std::vector<Item> largest, rising;
    for (const auto& t : themes)
        for (const auto& a : m_sheets) {
            const double n = ScanReportData::number(*a.layer, a.feature, field(fld::count, t.id));
            if (!std::isnan(n) && n > 0) largest.push_back({&a, &t, n, 0});
            const QString sig = ScanReportData::text(*a.layer, a.feature, field(fld::significance, t.id));
            const double exp = ScanReportData::number(*a.layer, a.feature, field(fld::expected, t.id));
            if (sig == u"stijging" && !std::isnan(n) && !std::isnan(exp)) rising.push_back({&a, &t, n, exp});
        }
    // The largest count of each theme, largest first: one line per theme says more than six of one.
    std::sort(largest.begin(), largest.end(), [](const Item& x, const Item& y) { return x.value > y.value; });
    {
        std::vector<Item> perTheme;
        for (const auto& it : largest) {
            bool seen = false;
            for (const auto& q : perTheme) seen = seen || q.theme == it.theme;
            if (!seen) perTheme.push_back(it);
        }
        largest = std::move(perTheme);
    }
    std::sort(rising.begin(), rising.end(),
              [](const Item& x, const Item& y) { return x.value - x.extra > y.value - y.extra; });

    section = h.size();
    h += QStringLiteral("<h3>%1</h3><ul>").arg(m_text.pick("De grootste aantallen", "The largest counts"));
    int shown = 0;
    for (const auto& it : largest) {
        if (shown == 6) break;
        ++shown;
        const double rate = ScanReportData::number(*it.area->layer, it.area->feature, field(fld::rate, it.theme->id));
        h += QStringLiteral("<li>%1</li>")
                 .arg(esc(m_text.pick("%1 in %2: %3 registraties in %4%5.", "%1 in %2: %3 registrations in %4%5.")
                              .arg(themeLabel(*it.theme), areaTitle(*it.area), m_text.number(it.value), cur,
                                   std::isnan(rate)
                                       ? QString()
                                       : m_text.pick(", %1 per 1.000 inwoners", ", %1 per 1,000 inhabitants")
                                             .arg(m_text.number(rate, 1)))));
    }
    if (shown == 0)
        h += QStringLiteral("<li>%1</li>").arg(m_text.pick("Geen gepubliceerde aantallen.", "No published counts."));
    h += QStringLiteral("</ul>");
    closeSection();

    section = h.size();
    h += QStringLiteral("<h3>%1</h3><ul>")
             .arg(m_text.pick("De grootste significante stijgingen", "The largest significant increases"));
    shown = 0;
    for (const auto& it : rising) {
        if (shown == 6) break;
        ++shown;
        const double chg =
            ScanReportData::number(*it.area->layer, it.area->feature, field(fld::changePct, it.theme->id));
        const double p = ScanReportData::number(*it.area->layer, it.area->feature, field(fld::changeP, it.theme->id));
        h += QStringLiteral("<li>%1</li>")
                 .arg(esc(m_text
                              .pick("%1 in %2: %3 registraties tegen %4 verwacht uit de referentie (%5, p %6).",
                                    "%1 in %2: %3 registrations against %4 expected from the reference (%5, p %6).")
                              .arg(themeLabel(*it.theme), areaTitle(*it.area), m_text.number(it.value),
                                   m_text.number(it.extra, 1), m_text.percent(chg),
                                   std::isnan(p) ? m_text.hidden() : m_text.pValue(p))));
    }
    if (shown == 0)
        h += QStringLiteral("<li>%1</li>")
                 .arg(m_text.pick("Geen significante stijging tegen de referentieperiode.",
                                  "No significant increase against the reference period."));
    h += QStringLiteral("</ul>");
    closeSection();

    // Hot spots at the finest level inside the reported areas.
    const auto finest = m_data.finest();
    struct Hot {
        std::size_t feature;
        double bin, n;
    };
    std::vector<Hot> hot;
    std::size_t within = 0;
    const int code = finest->fieldIndex(qs(fld::code));
    for (std::size_t i = 0; i < finest->featureCount(); ++i) {
        const QString c = finest->text(code, i);
        bool in = false;
        for (const auto& a : m_sheets) in = in || inside(c, a.code);
        within += in ? 1 : 0;
        const double b = giBin(*finest, i, qs(fld::giBin));
        if (in && b >= 2)
            hot.push_back({i, b, ScanReportData::number(*finest, i, field(fld::count, qs(schema::kTotalTheme)))});
    }
    std::sort(hot.begin(), hot.end(),
              [](const Hot& x, const Hot& y) { return x.bin != y.bin ? x.bin > y.bin : x.n > y.n; });
    section = h.size();
    h += QStringLiteral("<h3>%1</h3><ul>").arg(m_text.pick("Hotspots", "Hot spots"));
    h += QStringLiteral("<li>%1</li>")
             .arg(esc(m_text
                          .pick("%1 van de %2 %3 %4 een hotspot van alle registraties (Gi*, 95 % of meer zeker).",
                                "%1 of the %2 %3 %4 a hot spot of all registrations (Gi*, 95 % or more).")
                          .arg(hot.size())
                          .arg(within)
                          .arg(levelWord(m_data.levels().first(), within != 1),
                               hot.size() == 1 ? m_text.pick("is", "is") : m_text.pick("zijn", "are"))));
    for (std::size_t i = 0; i < std::min<std::size_t>(hot.size(), 6); ++i) {
        const Area a{finest, hot[i].feature, finest->text(code, hot[i].feature),
                     ScanReportData::text(*finest, hot[i].feature, qs(fld::name)), m_data.levels().first()};
        const QString trend = ScanReportData::text(*finest, a.feature, field(fld::trend, qs(schema::kTotalTheme)));
        h += QStringLiteral("<li>%1</li>")
                 .arg(esc(
                     m_text.pick("%1: hotspot %2 %%3%4.", "%1: hot spot %2 %%3%4.")
                         .arg(areaTitle(a), hot[i].bin >= 3 ? QStringLiteral("99") : QStringLiteral("95"),
                              std::isnan(hot[i].n)
                                  ? QString()
                                  : m_text.pick(", %1 registraties", ", %1 registrations").arg(m_text.number(hot[i].n)),
                              trend.isEmpty() ? QString() : m_text.pick("; trend: %1", "; trend: %1").arg(trend))));
    }
    h += QStringLiteral("</ul>");
    closeSection();
    h += keepTogether(themeHotspots());
    h += keepTogether(blackSpots());
    if (!m_empty.empty()) {
        QStringList names;
        for (const auto& a : m_empty) names << (a.name.isEmpty() ? a.code : a.name);
        const QString list = names.size() <= 12
                                 ? names.join(QStringLiteral(", "))
                                 : names.mid(0, 12).join(QStringLiteral(", ")) + QStringLiteral(", \u2026");
        h += QStringLiteral("<p>%1</p>")
                 .arg(esc(m_text
                              .pick("%1 %2 zonder registraties in %3 hebben geen eigen blad: %4.",
                                    "%1 %2 without registrations in %3 have no sheet of their own: %4.")
                              .arg(m_empty.size())
                              .arg(levelWord(m_level, m_empty.size() > 1), cur, list)));
    }
    return h;
}

QString ReportDocument::themeHotspots()
{
    // Per theme one sentence: how many finest areas are a hot spot of it and the strongest ones.
    const auto hs = m_data.hotspots();
    QString h = QStringLiteral("<h3>%1</h3>").arg(m_text.pick("Hotspots per thema", "Hot spots per theme"));
    if (!hs) {
        return h + QStringLiteral("<p>%1</p>")
                       .arg(m_text.pick("De scan heeft geen hotspots per thema (laag hotspots ontbreekt).",
                                        "The scan has no hot spots per theme (no hotspots layer)."));
    }
    const QString finestWord = levelWord(m_data.levels().first());
    QStringList items;
    int themesWithout = 0, themesTested = 0;
    for (const auto& t : m_data.themes()) {
        const QString name = field(fld::themeGiBin, t.id);
        if (!ScanReportData::hasField(*hs, name)) continue;
        ++themesTested;
        struct Spot {
            std::size_t feature;
            double bin, n;
        };
        std::vector<Spot> spots;
        for (std::size_t i = 0; i < hs->featureCount(); ++i) {
            const QString c = ScanReportData::text(*hs, i, qs(fld::code));
            bool in = false;
            for (const auto& a : m_sheets) in = in || inside(c, a.code);
            const double b = giBin(*hs, i, name);
            if (in && b >= 2) {
                const auto f = ScanReportData::find(*m_data.finest(), c);
                spots.push_back(
                    {i, b, f ? ScanReportData::number(*m_data.finest(), *f, field(fld::count, t.id)) : kNaN});
            }
        }
        if (spots.empty()) {
            ++themesWithout;
            continue;
        }
        const auto known = [](double n) { return std::isnan(n) ? -1.0 : n; }; // hidden counts last
        std::sort(spots.begin(), spots.end(), [&](const Spot& x, const Spot& y) {
            return x.bin != y.bin ? x.bin > y.bin : known(x.n) > known(y.n);
        });
        QStringList where;
        for (std::size_t k = 0; k < std::min<std::size_t>(spots.size(), 3); ++k) {
            const QString c = ScanReportData::text(*hs, spots[k].feature, qs(fld::code));
            const QString nm = m_names.value(c, c);
            where << QStringLiteral("%1 (%2 %)")
                         .arg(nm.isEmpty() ? c : nm, spots[k].bin >= 3 ? QStringLiteral("99") : QStringLiteral("95"));
        }
        const QString more =
            spots.size() > 3 ? m_text.pick(" en nog %1", " and %1 more").arg(spots.size() - 3) : QString();
        items << QStringLiteral("<li>%1</li>")
                     .arg(esc(m_text.pick("%1: %2 %3 %4 een hotspot: %5%6.", "%1: %2 %3 %4 a hot spot: %5%6.")
                                  .arg(themeLabel(t))
                                  .arg(spots.size())
                                  .arg(levelWord(m_data.levels().first(), spots.size() != 1),
                                       spots.size() == 1 ? m_text.pick("is", "is") : m_text.pick("zijn", "are"),
                                       where.join(QStringLiteral(", ")), more)));
    }
    if (themesTested == 0)
        return h + QStringLiteral("<p>%1</p>")
                       .arg(esc(m_text
                                    .pick("Geen thema heeft genoeg registraties voor een hotspotanalyse per %1.",
                                          "No theme has enough registrations for a hot-spot analysis per %1.")
                                    .arg(finestWord)));
    if (items.isEmpty())
        return h + QStringLiteral("<p>%1</p>")
                       .arg(esc(m_text
                                    .pick("Geen %1 is een hotspot van een afzonderlijk thema (%2 thema's getoetst).",
                                          "No %1 is a hot spot of a single theme (%2 themes tested).")
                                    .arg(finestWord)
                                    .arg(themesTested)));
    h += QStringLiteral("<ul>") + items.join(QString()) + QStringLiteral("</ul>");
    if (themesWithout > 0)
        h += QStringLiteral("<p class=\"small\">%1</p>")
                 .arg(esc(m_text
                              .pick("Bij %1 andere getoetste thema's is geen %2 een hotspot. Thema's met weinig "
                                    "registraties worden niet getoetst.",
                                    "For %1 other tested themes no %2 is a hot spot. Themes with few registrations "
                                    "are not tested.")
                              .arg(themesWithout)
                              .arg(finestWord)));
    return h;
}

std::optional<std::size_t> ReportDocument::finestAreaAt(double x, double y) const
{
    const auto& l = *m_data.finest();
    for (std::size_t f = 0; f < l.featureCount(); ++f) {
        const auto& e = l.envelopes[f];
        if (x < e.minX || x > e.maxX || y < e.minY || y > e.maxY) continue;
        bool in = false;
        for (auto r = l.featureRings[f]; r < l.featureRings[f + 1]; ++r) {
            const auto from = l.ringOffsets[r], to = l.ringOffsets[r + 1];
            for (auto i = from, j = to - 1; i < to; j = i++) {
                const auto& a = l.coords[i];
                const auto& b = l.coords[j];
                if ((a.y > y) != (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x) in = !in;
            }
        }
        if (in) return f;
    }
    return std::nullopt;
}

QString ReportDocument::blackSpots()
{
    QString h = QStringLiteral("<h3>%1</h3>").arg(m_text.pick("Black spots in het verkeer", "Traffic black spots"));
    if (!m_blackspots)
        return h + QStringLiteral("<p>%1</p>")
                       .arg(esc(m_text.pick("Niet opgenomen: geen uitvoer van gebiedscan blackspots opgegeven "
                                            "(--blackspots MAP) en geen gevonden naast de scanmap.",
                                            "Not included: no output of gebiedscan blackspots given (--blackspots "
                                            "DIR) and none found beside the scan folder.")));
    const auto& list = *m_blackspots;
    // A black spot's count is published only above the scan's small-count limit, as every count here.
    int limit = 0;
    if (!m_data.internal()) {
        limit = 4;
        static const QRegularExpression rule(QStringLiteral("1 t/m (\\d+)"));
        const auto m = rule.match(m_data.summary()
                                      .value(qs(schema::summary::suppression))
                                      .toObject()
                                      .value(qs(schema::summary::suppressionRule))
                                      .toString());
        if (m.hasMatch()) limit = m.captured(1).toInt();
    }
    struct Placed {
        const BlackSpot* spot;
        QString area;
    };
    std::vector<Placed> placed;
    const int code = m_data.finest()->fieldIndex(qs(fld::code));
    for (const auto& b : list.spots) {
        if (!b.x || !b.y) continue;
        const auto f = finestAreaAt(*b.x, *b.y);
        if (!f) continue;
        const QString c = m_data.finest()->text(code, *f);
        bool in = false;
        for (const auto& a : m_sheets) in = in || inside(c, a.code);
        if (in) placed.push_back({&b, m_names.value(c, c)});
    }
    const QString folder = QFileInfo(list.folder).fileName();
    QString intro =
        m_text
            .pick("Uit de map '%1' van gebiedscan blackspots (%2): %3 van de %4 black spots %5 in het gebied van dit "
                  "rapport%6.",
                  "From the folder '%1' of gebiedscan blackspots (%2): %3 of the %4 black spots %5 in the area of "
                  "this report%6.")
            .arg(folder, list.foundBeside ? m_text.pick("gevonden naast de scanmap", "found beside the scan folder")
                                          : m_text.pick("opgegeven met --blackspots", "given with --blackspots"))
            .arg(placed.size())
            .arg(list.spots.size())
            .arg(placed.size() == 1 ? m_text.pick("ligt", "lies") : m_text.pick("liggen", "lie"),
                 list.period.isEmpty() ? QString()
                                       : m_text.pick(", ongevallen in %1", ", accidents in %1").arg(list.period));
    if (!list.definition.isEmpty()) intro += m_text.pick(" Definitie: %1.", " Definition: %1.").arg(list.definition);
    h += QStringLiteral("<p>%1</p>").arg(esc(intro));
    if (placed.empty()) return h;
    h += QStringLiteral("<ul>");
    for (std::size_t i = 0; i < std::min<std::size_t>(placed.size(), 8); ++i) {
        const BlackSpot& b = *placed[i].spot;
        QString where = b.street;
        if (!b.road.isEmpty()) where = where.isEmpty() ? b.road : b.road + QStringLiteral(" ") + where;
        if (where.isEmpty()) where = m_text.pick("zonder straatnaam", "no street name");
        if (b.lengthM > 0) where += QStringLiteral(" (%1 m)").arg(m_text.number(b.lengthM));
        const QString kind =
            b.kind == u"kruispunt" ? m_text.pick("Kruispunt", "Junction") : m_text.pick("Wegvak", "Road section");
        const QString count = b.accidents > limit
                                  ? m_text.pick("%1 ongevallen", "%1 accidents").arg(m_text.number(b.accidents))
                                  : m_text.pick("aantal ongevallen %1 (1 t/m %2)", "number of accidents %1 (1 to %2)")
                                        .arg(m_text.hidden())
                                        .arg(limit);
        h += QStringLiteral("<li>%1</li>")
                 .arg(esc(m_text
                              .pick("%1. %2 %3 in %4: %5, voldoet aan de definitie %6 (%7).",
                                    "%1. %2 %3 in %4: %5, meets the definition %6 (%7).")
                              .arg(b.rank)
                              .arg(kind, where, placed[i].area, count, b.definition, b.rule)));
    }
    h += QStringLiteral("</ul>");
    if (placed.size() > 8)
        h += QStringLiteral("<p class=\"small\">%1</p>")
                 .arg(m_text.pick("en nog %1 andere", "and %1 more").arg(placed.size() - 8));
    return h;
}

int ReportDocument::hotspotsInside(const QString& code, const QString& theme) const
{
    const bool total = theme == qs(schema::kTotalTheme);
    const auto layer = total ? m_data.finest() : m_data.hotspots();
    const QString name = total ? qs(fld::giBin) : field(fld::themeGiBin, theme);
    if (!layer || !ScanReportData::hasField(*layer, name)) return 0;
    const int c = layer->fieldIndex(qs(fld::code));
    int k = 0;
    for (std::size_t i = 0; i < layer->featureCount(); ++i)
        if (giBin(*layer, i, name) >= 2 && inside(layer->text(c, i), code)) ++k;
    return k;
}

QString ReportDocument::themeTable(const Area& a)
{
    const LayerData& l = *a.layer;
    const QString cur = m_data.currentPeriod() ? m_data.currentPeriod()->id : QString();
    int siblings = 0;
    const QString parent = ScanReportData::text(l, a.feature, qs(fld::parentCode));
    for (std::size_t i = 0; i < l.featureCount(); ++i)
        if (ScanReportData::text(l, i, qs(fld::parentCode)) == parent) ++siblings;
    const auto finest = m_data.finest();
    const auto hs = m_data.hotspots();
    const auto hsFeature = a.layer == finest && hs ? ScanReportData::find(*hs, a.code) : std::nullopt;

    // The rank's area goes into the note below: a long name in a narrow header broke mid-word.
    const std::pair<QString, int> columns[] = {
        {m_text.pick("Thema", "Theme"), 20},
        {m_text.pick("Aantal %1", "Count %1").arg(cur), 8},
        {m_text.pick("Per 1.000 inw.", "Per 1,000 inh."), 8},
        {m_text.pick("Verwacht", "Expected"), 10},
        {m_text.pick("Verschil", "Change"), 10},
        {m_text.pick("Toets", "Test"), 10},
        // "(van 10)" on a line of its own, never split inside.
        {m_text.pick("Rang<br>(van\u00a0%1)", "Rank<br>(of\u00a0%1)").arg(siblings), 8},
        {m_text.pick("Trend", "Trend"), 13},
        {m_text.pick("Hotspot", "Hot spot"), 13}};
    constexpr int kColumns = 9;
    TableWidths widths(kColumns);
    for (int i = 0; i < kColumns; ++i)
        for (const QString& line : columns[i].first.split(QStringLiteral("<br>"))) widths.note(i, line, true);
    std::vector<QString> body;

    const auto themeRow = [&](const QString& id, const QString& label, bool bold) {
        const QString n = field(fld::count, id);
        const bool has = ScanReportData::hasField(l, n);
        const double count = ScanReportData::number(l, a.feature, n);
        const auto num = [&](std::string_view fam, int decimals) {
            const double v = ScanReportData::number(l, a.feature, field(fam, id));
            return std::isnan(v) ? hiddenOr(l, a.feature, n, {}) : m_text.number(v, decimals);
        };
        QString sig = ScanReportData::text(l, a.feature, field(fld::significance, id));
        const double p = ScanReportData::number(l, a.feature, field(fld::changeP, id));
        if (sig == u"geen registraties") // 0 against 0: nothing to test ('–': cannot be computed)
            sig = QStringLiteral("–");
        else if (m_text.english())
            sig = sig == u"stijging" ? QStringLiteral("rise")
                  : sig == u"daling" ? QStringLiteral("fall")
                  : sig.isEmpty()    ? sig
                                     : QStringLiteral("n.s.");
        else if (sig.startsWith(QLatin1String("geen sign")))
            sig = QStringLiteral("niet sign.");
        if ((sig == u"stijging" || sig == u"daling" || sig == u"rise" || sig == u"fall") && !std::isnan(p))
            sig += QStringLiteral(" (p %1)").arg(m_text.pValue(p));
        const double chg = ScanReportData::number(l, a.feature, field(fld::changePct, id));
        QString hot;
        if (id == qs(schema::kTotalTheme))
            hot = ScanReportData::text(l, a.feature, qs(fld::giLabel));
        else if (hsFeature)
            hot = ScanReportData::text(*hs, *hsFeature, field(fld::themeGiLabel, id));
        if (a.layer != finest) {
            // A higher area: how many of its finest areas are a hot spot (95 % or more) of this theme.
            const int k = hotspotsInside(a.code, id);
            if (k > 0)
                hot += (hot.isEmpty() ? QString() : QStringLiteral("; ")) +
                       m_text.pick("%1 %2 hotspot", "%1 %2 hot spot")
                           .arg(k)
                           .arg(levelWord(m_data.levels().first(), k > 1));
        }
        const QString style = bold ? QStringLiteral(" style=\"font-weight:bold;\"") : QString();
        const QString rise = sig.startsWith(QLatin1String("stijging")) || sig.startsWith(QLatin1String("rise"))
                                 ? QStringLiteral(" bgcolor=\"#fcdcd0\"")
                                 : QString();
        int column = 0;
        // A cell, its words measured for the column widths (bold in the total's row).
        const auto cell = [&](const QString& html, const QString& attrs = {}) {
            widths.note(column++, plainText(html), bold);
            return td(html, attrs);
        };
        QString row = QStringLiteral("<tr%1>").arg(style) + cell(esc(label));
        row += cell(!has                ? QStringLiteral("\u2013")
                    : std::isnan(count) ? m_text.hidden()
                                        : m_text.number(count),
                    QStringLiteral("align=\"right\""));
        row += cell(num(fld::rate, 1), QStringLiteral("align=\"right\""));
        // Expected, change, test and trend use every period: hidden with a hidden reference count too.
        const QString e = field(fld::expected, id);
        const auto ref = [&](const QString& text) {
            return text.isEmpty() && ScanReportData::hasField(l, e) &&
                           std::isnan(ScanReportData::number(l, a.feature, e))
                       ? m_text.hidden()
                       : hiddenOr(l, a.feature, n, text);
        };
        const double expected = ScanReportData::number(l, a.feature, e);
        row += cell(std::isnan(expected) ? ref({}) : m_text.number(expected, 1), QStringLiteral("align=\"right\""));
        row += cell(std::isnan(chg) ? ref({}) : m_text.percent(chg), QStringLiteral("align=\"right\""));
        row += cell(esc(ref(sig)), rise.trimmed());
        // No rank for a count of 0 (as the viewer's sheet): "first of 10" would read as the worst.
        const bool zero = has && !std::isnan(count) && count == 0;
        row += cell(zero ? QStringLiteral("\u2013") : num(fld::rank, 0), QStringLiteral("align=\"right\""));
        row += cell(esc(ref(ScanReportData::text(l, a.feature, field(fld::trend, id)))));
        // The total's class is hidden with a hidden total; a theme's is absent below 30 registrations.
        row += cell(esc(hot.isEmpty() && id == qs(schema::kTotalTheme) ? hiddenOr(l, a.feature, n, {})
                        : hot.isEmpty()                                ? QStringLiteral("\u2013")
                                                                       : hot));
        return row + QStringLiteral("</tr>");
    };
    body.push_back(themeRow(qs(schema::kTotalTheme), m_text.pick("Alle registraties", "All registrations"), true));
    int veld = -1;
    for (const auto& t : m_data.themes()) {
        if (t.veld != veld) {
            veld = t.veld;
            body.push_back(QStringLiteral("<tr><td colspan=\"9\" bgcolor=\"#dde6f0\"><b>%1</b></td></tr>")
                               .arg(esc(veldName(veld))));
        }
        body.push_back(themeRow(t.id, themeLabel(t), false));
    }
    body.push_back(themeRow(qs(schema::kOtherTheme),
                            m_text.pick("Overig (buiten het model)", "Other (outside the model)"), false));

    // Widths that hold every column's longest word, so the layout wraps between words only.
    const std::vector<double> percent = widths.fit([&] {
        std::vector<double> w;
        for (const auto& c : columns) w.push_back(c.second);
        return w;
    }());
    QString h = QStringLiteral("<table class=\"t\" width=\"100%\" cellspacing=\"0\"><thead><tr>");
    for (int i = 0; i < kColumns; ++i)
        h += QStringLiteral("<th width=\"%1%\">%2</th>").arg(percent[i], 0, 'f', 1).arg(columns[i].first);
    h += QStringLiteral("</tr></thead>");
    for (const auto& r : body) h += r;
    h += QStringLiteral("</table>");
    h += QStringLiteral("<p class=\"small\">%1</p>")
             .arg(esc(parent.isEmpty() ? m_text
                                             .pick("Rang: plaats onder de %1 %2 (1 = de meeste registraties).",
                                                   "Rank: place among the %1 %2 (1 = the most registrations).")
                                             .arg(siblings)
                                             .arg(levelWord(a.level, siblings != 1))
                                       : m_text
                                             .pick("Rang: plaats onder de %1 %2 van %3 (1 = de meeste registraties).",
                                                   "Rank: place among the %1 %2 of %3 (1 = the most registrations).")
                                             .arg(siblings)
                                             .arg(levelWord(a.level, siblings != 1), m_names.value(parent, parent))));
    return h;
}

QString ReportDocument::aolCandidates(const Area& a)
{
    // Candidates for afspraken op locatie: the finest areas in this one that are a hot spot of
    // all registrations, or show a significant rise of a theme. Published figures only.
    const auto finest = m_data.finest();
    const auto hs = m_data.hotspots();
    struct Candidate {
        QString where, why;
        double weight;
    };
    std::vector<Candidate> out;
    const int code = finest->fieldIndex(qs(fld::code));
    for (std::size_t i = 0; i < finest->featureCount(); ++i) {
        const QString c = finest->text(code, i);
        if (!inside(c, a.code)) continue;
        QStringList why;
        double weight = 0;
        const double bin = giBin(*finest, i, qs(fld::giBin));
        if (bin >= 2) {
            why << m_text.pick("hotspot alle registraties (%1 %)", "hot spot of all registrations (%1 %)")
                       .arg(bin >= 3 ? 99 : 95);
            weight += 100 * bin;
        }
        const auto hf = hs ? ScanReportData::find(*hs, c) : std::nullopt;
        for (const auto& t : m_data.themes()) {
            if (hf && giBin(*hs, *hf, field(fld::themeGiBin, t.id)) >= 2) {
                why << m_text.pick("hotspot %1", "hot spot %1").arg(themeLabel(t));
                weight += 50;
            }
            if (ScanReportData::text(*finest, i, field(fld::significance, t.id)) == u"stijging") {
                why << m_text.pick("stijging %1 (%2)", "rise %1 (%2)")
                           .arg(themeLabel(t),
                                m_text.percent(ScanReportData::number(*finest, i, field(fld::changePct, t.id))));
                weight += 30;
            }
        }
        // scan --survey: objective and subjective both above the region (at the survey's level,
        // named when that is coarser than this area).
        if (ScanReportData::number(*finest, i, qs(fld::surveyAol)) == 1) {
            const QString from = ScanReportData::text(*finest, i, qs(fld::surveyCode));
            why << (from == c || from.isEmpty()
                        ? m_text.pick("enquête: objectief en subjectief hoog", "survey: objective and subjective high")
                        : m_text
                              .pick("enquête: objectief en subjectief hoog (%1 %2)",
                                    "survey: objective and subjective high (%1 %2)")
                              .arg(ScanReportData::text(*finest, i, qs(fld::surveyLevel)), from));
            weight += 40;
        }
        if (why.isEmpty()) continue;
        const Area sub{finest, i, c, ScanReportData::text(*finest, i, qs(fld::name)), m_data.levels().first()};
        out.push_back({QStringLiteral("%1 (%2)").arg(sub.name.isEmpty() ? c : sub.name, c),
                       // A table row must fit on a page: the strongest reasons, the rest counted.
                       why.size() <= 4 ? why.join(QStringLiteral("; "))
                                       : why.mid(0, 4).join(QStringLiteral("; ")) +
                                             m_text.pick("; en nog %1", "; and %1 more").arg(why.size() - 4),
                       weight});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Candidate& x, const Candidate& y) { return x.weight > y.weight; });
    QString h = QStringLiteral("<h3 style=\"margin-top:14px;\">%1</h3>")
                    .arg(m_text.pick("Kandidaten voor afspraken op locatie (AOL)",
                                     "Candidates for agreements on location (AOL)"));
    if (out.empty())
        return h + QStringLiteral("<p>%1</p>")
                       .arg(m_text.pick("Geen: geen hotspot en geen significante stijging in dit gebied.",
                                        "None: no hot spot and no significant rise in this area."));
    h += QStringLiteral(
             "<table class=\"t\" width=\"100%\" cellspacing=\"0\"><thead><tr><th>%1</th><th>%2</th></tr></thead>")
             .arg(capitalised(levelWord(m_data.levels().first())), m_text.pick("Waarom", "Why"));
    for (std::size_t i = 0; i < std::min<std::size_t>(out.size(), 8); ++i)
        h += QStringLiteral("<tr>") + td(esc(out[i].where)) + td(esc(out[i].why)) + QStringLiteral("</tr>");
    h += QStringLiteral("</table>");
    if (out.size() > 8)
        h += QStringLiteral("<p class=\"small\">%1</p>")
                 .arg(m_text.pick("en nog %1 andere", "and %1 more").arg(out.size() - 8));
    return h;
}

QString ReportDocument::sheet(const Area& a)
{
    const LayerData& l = *a.layer;
    m_sheetCodes.insert(a.code);
    // A sheet starts a page only as a chapter: a gemeente's own sheet before those of its wijken.
    // Others follow the previous sheet's last page when their heading, map and the start of
    // their table fit there (a wijk's sheet runs a page and a half: a page break before each left
    // half of every second page empty). The PDF writer breaks before a heading that would part
    // from its map.
    const QString top = m_data.levels().last();
    const bool chapter = a.level == top && m_level != top;
    QString h = QStringLiteral("<h2 style=\"%2\">%1</h2>")
                    .arg(esc(areaTitle(a)),
                         chapter ? QStringLiteral("page-break-before:always;") : QStringLiteral("margin-top:22px;"));
    const double pop = ScanReportData::number(l, a.feature, qs(fld::population));
    const double total = ScanReportData::number(l, a.feature, field(fld::count, qs(schema::kTotalTheme)));
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(m_text
                          .pick("%1 %2 \u00b7 %3 \u00b7 %4 registraties in %5",
                                "%1 %2 \u00b7 %3 \u00b7 %4 registrations in %5")
                          .arg(levelWord(a.level), a.code,
                               std::isnan(pop) ? m_text.pick("inwoners onbekend", "population unknown")
                                               : m_text.pick("%1 inwoners", "%1 inhabitants").arg(m_text.number(pop)),
                               m_text.number(total), periodText())));
    h += QStringLiteral("<p>%1</p>")
             .arg(addMap(a.code + QStringLiteral("-kaart"), areaMap(a, chapter ? 430 : 360), 640));
    h += QStringLiteral("<h3>%1</h3>").arg(m_text.pick("Cijfers per veiligheidsveld", "Figures per safety field"));
    h += themeTable(a);
    h += QStringLiteral("<p class=\"small\">%1</p>")
             .arg(esc(
                 m_text
                     .pick("Verwacht: het gemiddelde van de referentieperiode, herschaald naar de lengte van %1. "
                           "Significantie: exacte toets van twee Poisson-aantallen (tweezijdig). \u2018geheim\u2019: "
                           "niet gepubliceerd om herleiding te voorkomen; \u2018\u2013\u2019: niet te berekenen.",
                           "Expected: the mean of the reference period, scaled to the length of %1. Significance: "
                           "exact test of two Poisson counts (two-sided). \u2018suppressed\u2019: not published to "
                           "prevent disclosure; \u2018\u2013\u2019: cannot be computed.")
                     .arg(m_data.currentPeriod() ? m_data.currentPeriod()->id : QString())));

    // Counts per period (the figures table) and the hours of the week (hot_times).
    std::vector<std::pair<QString, double>> counts;
    auto& figures = m_data.figures();
    for (const auto& p : m_data.periods())
        counts.emplace_back(p.id, figures.count(a.level, a.code, QStringLiteral("Totaal"), p.id));
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" style=\"margin-top:10px;\"><tr><td valign=\"top\" "
                        "width=\"38%\">");
    // Chart headings keep a line of air to what follows (the chart, or a sentence instead of it).
    h += QStringLiteral("<p style=\"margin-bottom:8px;\"><b>%1</b></p>")
             .arg(m_text.pick("Alle registraties per periode", "All registrations per period"));
    h += QStringLiteral("<p>%1</p>")
             .arg(addImage(a.code + QStringLiteral("-trend"), ReportCharts::periodBars(counts, m_text, kHtmlChartScale),
                           static_cast<int>(std::min<std::size_t>(230, 16 + counts.size() * 64)),
                           {ReportCharts::periodBarsSize(counts.size()),
                            [counts, text = m_text](QPainter& p) { ReportCharts::paintPeriodBars(p, counts, text); }}));
    h += QStringLiteral("</td><td valign=\"top\">");
    h += QStringLiteral("<p style=\"margin-bottom:8px;\"><b>%1</b></p>")
             .arg(m_text.pick("Tijden in de week (%1)", "Hours of the week (%1)")
                      .arg(m_data.currentPeriod() ? m_data.currentPeriod()->id : QString()));
    const auto* times = m_data.hotTimes();
    using S = viewer::HourOfWeek::State;
    // The area's total week ("total" as the scan writes it; "totaal" as the contract says it).
    viewer::HourOfWeek week;
    if (times) {
        week = times->week(a.level, a.code, qs(schema::kTotalTheme));
        if (week.state == S::NoRegistrations) {
            const auto spelled = times->week(a.level, a.code, QStringLiteral("totaal"));
            if (spelled.state != S::NoRegistrations) week = spelled;
        }
    }
    // With hidden hours the published ones do not add up to the area's registrations: its total does.
    const double registrations = week.hiddenHours() > 0 ? total : week.total();
    const QString peak = ScanReportData::text(l, a.feature, qs(fld::peakTotal));
    const QString peakLine = peak.isEmpty()
                                 ? QString()
                                 : QStringLiteral("<p class=\"small\">%1</p>")
                                       .arg(esc(m_text.pick("Drukste uur: %1.", "Busiest hour: %1.").arg(peak)));
    // What the folder publishes of the hours (summary.json suppression.hot_times): everything
    // (intern), nothing (an older extern scan: the hourly counts are small and their sums would
    // narrow hidden counts, issue 13), or the total rows of some levels (hidden hours NULL).
    const auto& published = m_data.hotTimesLevels();
    if (published && published->isEmpty()) {
        h += QStringLiteral("<p>%1</p>")
                 .arg(m_text.pick("Buiten de politie niet opgenomen: de aantallen per uur zijn klein en zouden "
                                  "geheime aantallen kunnen verraden.",
                                  "Not included outside the police: the hourly counts are small and could reveal "
                                  "suppressed counts."));
        h += peakLine;
    } else if (published && !published->contains(a.level)) {
        QStringList words;
        for (const QString& level : *published) words << levelWord(level);
        // The sheet of the area above this one that has the table, when this report holds it.
        QString where;
        for (const QString& up : ancestors(a.code)) {
            if (!m_sheetCodes.contains(up)) continue;
            for (const QString& level : *published)
                if (const auto layer = m_data.level(level); layer && ScanReportData::find(*layer, up))
                    where = m_names.value(up, up);
            if (!where.isEmpty()) break;
        }
        h += QStringLiteral("<p>%1</p>")
                 .arg(esc(m_text
                              .pick("Buiten de politie is de tabel met tijden in de week alleen per %1 "
                                    "gepubliceerd%2.",
                                    "Outside the police the hour-of-week table is published per %1 only%2.")
                              .arg(words.join(m_text.pick(" en ", " and ")),
                                   where.isEmpty()
                                       ? QString()
                                       : m_text.pick(" (zie het blad van %1)", " (see the sheet of %1)").arg(where))));
        h += peakLine;
    } else if (!times || week.state == S::NoTable)
        h += QStringLiteral("<p>%1</p>").arg(m_text.pick("Deze scan heeft geen tijden.", "This scan has no times."));
    else if (week.state == S::Suppressed || std::isnan(total)) // a hidden total has no published week
        h += QStringLiteral("<p>%1</p>").arg(m_text.pick("geheim (kleine aantallen).", "suppressed (small counts)."));
    else if (week.state != S::Values || registrations <= 0)
        h += QStringLiteral("<p>%1</p>").arg(m_text.pick("Geen registraties.", "No registrations."));
    else if (registrations < kMinimumForWeek)
        h += QStringLiteral("<p>%1</p>")
                 .arg(m_text
                          .pick("Niet getoond: minder dan %1 registraties, te weinig voor een weekpatroon.",
                                "Not shown: fewer than %1 registrations, too few for a weekly pattern.")
                          .arg(kMinimumForWeek));
    else if (ReportCharts::withoutTimeOfDay(week))
        h += QStringLiteral("<p>%1</p>")
                 .arg(m_text.pick("Niet getoond: de registraties hebben geen tijdstip (alleen een datum).",
                                  "Not shown: the registrations carry no time of day (a date only)."));
    else {
        h +=
            QStringLiteral("<p>%1</p>")
                .arg(addImage(a.code + QStringLiteral("-week"), ReportCharts::hourOfWeek(week, m_text, kHtmlChartScale),
                              390, {ReportCharts::hourOfWeekSize(), [week, text = m_text](QPainter& p) {
                                        ReportCharts::paintHourOfWeek(p, week, text);
                                    }}));
        QString note = peak.isEmpty() ? QString() : m_text.pick("Drukste uur: %1. ", "Busiest hour: %1. ").arg(peak);
        note += m_text.pick("Registraties met een tijdvak (van\u2013tot) zijn naar rato over de uren verdeeld.",
                            "Registrations with a time span (from\u2013to) are spread over its hours.");
        if (published) // extern: the scan rounded the hours and hid the small ones
            note += m_text.pick(" Buiten de politie afgerond op hele aantallen; een uur met een klein aantal is "
                                "geheim (gearceerd).",
                                " Outside the police rounded to whole numbers; an hour with a small count is "
                                "suppressed (hatched).");
        h += QStringLiteral("<p class=\"small\">%1</p>").arg(esc(note));
    }
    h += QStringLiteral("</td></tr></table>");
    h += keepTogether(aolCandidates(a));
    return h;
}

QString ReportDocument::methods()
{
    const auto& s = m_data.summary();
    QString h =
        QStringLiteral("<h2 style=\"page-break-before:always;\">%1</h2>").arg(m_text.pick("Verantwoording", "Methods"));
    h +=
        QStringLiteral("<h3>%1</h3><p>%2</p>")
            .arg(
                m_text.pick("Toetsen", "Tests"),
                esc(m_text.pick(
                    "Verandering: het aantal van de huidige periode tegen het gemiddelde van de referentieperioden, "
                    "herschaald naar dezelfde lengte, getoetst met de exacte voorwaardelijke toets van twee "
                    "Poisson-aantallen (als R poisson.test, tweezijdig, alfa uit het scanmodel). Rang: plaats onder de "
                    "gebieden met hetzelfde hogere gebied (1 = de meeste registraties). Hotspots: Getis-Ord Gi* op de "
                    "aantallen van de huidige periode met aangrenzende gebieden (queen), p-waarden gecorrigeerd met "
                    "Benjamini-Hochberg (FDR); klassen 90, 95 en 99 % zoals ArcGIS. Trend: emerging hot spots "
                    "(Gi* per maand en Mann-Kendall), de klassen van Esri.",
                    "Change: the count of the current period against the mean of the reference periods, scaled to the "
                    "same length, tested with the exact conditional test of two Poisson counts (as R poisson.test, "
                    "two-sided, alpha from the scan model). Rank: position among the areas with the same higher area "
                    "(1 = most registrations). Hot spots: Getis-Ord Gi* of the current period's counts with adjacent "
                    "areas (queen), p-values adjusted with Benjamini-Hochberg (FDR); classes 90, 95 and 99 % as in "
                    "ArcGIS. Trend: emerging hot spots (Gi* per month and Mann-Kendall), Esri's classes.")));
    h += QStringLiteral("<h3>%1</h3>").arg(m_text.pick("Trendklassen", "Trend classes"));
    h += QStringLiteral("<table class=\"t\" cellspacing=\"0\"><thead><tr><th>%1</th><th>%2</th></tr></thead>")
             .arg(m_text.pick("Klasse", "Class"), m_text.pick("Betekenis", "Meaning"));
    const char* classes[][3] = {
        {"nieuwe hotspot", "alleen de laatste periode is een hotspot", "only the last period is a hot spot"},
        {"opeenvolgende hotspot", "de laatste perioden achter elkaar hotspot, daarvoor niets",
         "the last periods in a row are hot, nothing before"},
        {"toenemende hotspot", "bijna altijd hotspot en steeds sterker", "hot almost always and ever stronger"},
        {"aanhoudende hotspot", "bijna altijd hotspot, zonder trend", "hot almost always, no trend"},
        {"afnemende hotspot", "bijna altijd hotspot, maar zwakker wordend", "hot almost always, but weakening"},
        {"sporadische hotspot", "af en toe hotspot, nooit coldspot", "hot on and off, never cold"},
        {"wisselende hotspot", "nu hotspot, eerder ook coldspot", "hot now, cold before"},
        {"voormalige hotspot", "vroeger bijna altijd hotspot, nu niet meer", "hot almost always before, not now"},
        {"geen patroon", "geen van deze", "none of these"}};
    for (const auto& c : classes)
        h += QStringLiteral("<tr>") + td(QString::fromUtf8(c[0])) + td(m_text.pick(c[1], c[2])) +
             QStringLiteral("</tr>");
    h += QStringLiteral("</table><p class=\"small\">%1</p>")
             .arg(m_text.pick("Coldspots volgen dezelfde regels met koud en warm verwisseld.",
                              "Cold spots follow the same rules with hot and cold swapped."));

    const auto sup = s.value(qs(schema::summary::suppression)).toObject();
    h += QStringLiteral("<h3>%1</h3>").arg(m_text.pick("Geheimhouding en afronding", "Suppression and rounding"));
    if (m_data.internal())
        h += QStringLiteral("<p>%1</p>")
                 .arg(m_text.pick("Interne scan: niets is geheim gemaakt.", "Internal scan: nothing was suppressed."));
    else
        h += QStringLiteral("<p>%1</p><p>%2</p>")
                 .arg(esc(sup.value(qs(schema::summary::suppressionRule)).toString()),
                      esc(m_text
                              .pick("Primair geheim: %1 cellen; aanvullend geheim: %2; controle: %3. Aantallen zijn "
                                    "niet afgerond; inwonertallen zijn door het CBS op 5 afgerond.",
                                    "Primary suppressions: %1 cells; secondary: %2; audit: %3. Counts are not "
                                    "rounded; population figures are rounded to 5 by CBS.")
                              .arg(m_text.number(sup.value(QStringLiteral("primary_cells")).toDouble()),
                                   m_text.number(sup.value(QStringLiteral("secondary_cells")).toDouble()),
                                   sup.value(QStringLiteral("audit_passed")).toBool()
                                       ? m_text.pick("geslaagd", "passed")
                                       : m_text.pick("niet geslaagd", "failed"))));

    // The hours of the week: the scan's own sentence on what it withheld of them.
    const QJsonValue hours = sup.value(QStringLiteral("hot_times"));
    const QString hoursNote =
        hours.isString() ? hours.toString() : hours.toObject().value(QStringLiteral("note")).toString();
    if (!m_data.internal() && !hoursNote.isEmpty())
        h += QStringLiteral("<p>%1</p>")
                 .arg(esc(m_text.pick("Tijden in de week: %1", "Hours of the week: %1").arg(hoursNote)));

    h += QStringLiteral("<h3>%1</h3>")
             .arg(m_text.pick("Verantwoording van de registraties", "Accounting of the records"));
    h += QStringLiteral("<table class=\"t\" cellspacing=\"0\"><thead><tr><th>%1</th><th>%2</th></tr></thead>")
             .arg(m_text.pick("Registraties", "Records"), m_text.pick("Aantal", "Count"));
    const char* buckets[][3] = {
        {"input_records", "gelezen", "read"},
        {"assigned", "toegewezen aan een gebied", "assigned to an area"},
        {"unknown_category", "  waarvan onbekende categorie (overig)", "  of which unknown category (other)"},
        {"outside", "buiten alle gebieden", "outside every area"},
        {"invalid_geometry", "geen of ongeldige locatie", "no or invalid location"},
        {"bad_date", "datum onleesbaar of buiten de perioden", "date unreadable or outside the periods"},
        {"other_theme", "ander thema (--theme)", "other theme (--theme)"}};
    for (const auto& b : buckets) {
        if (!s.contains(QString::fromUtf8(b[0]))) continue;
        h += QStringLiteral("<tr>") +
             td(esc(m_text.pick(b[1], b[2])).replace(QStringLiteral("  "), QStringLiteral("&nbsp;&nbsp;&nbsp;"))) +
             td(m_text.number(s.value(QString::fromUtf8(b[0])).toDouble()), QStringLiteral("align=\"right\"")) +
             QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table>");
    h += QStringLiteral("<p class=\"small\">%1</p>")
             .arg(esc(
                 m_text.pick("Alle cijfers in dit rapport komen uit de bestanden van de scanmap (gebiedscan.gpkg, "
                             "summary.json) zoals die de politie verlaten; niets is opnieuw uit registraties berekend. "
                             "Gemaakt met gebiedscan report.",
                             "Every figure in this report comes from the scan folder's files (gebiedscan.gpkg, "
                             "summary.json) as they leave the police; nothing was recomputed from registrations. "
                             "Made with gebiedscan report.")));
    return h;
}

} // namespace gebiedscan::report
