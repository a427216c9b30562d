#pragma once
// The veiligheidsanalyse as one HTML document with named images: cover, summary, a sheet per
// area along the five veiligheidsvelden, methods. The PDF (QTextDocument on QPdfWriter) and the
// self-contained HTML file are both written from it, so they hold the same content.
#include "blackspot_list.hpp"
#include "report_drawing.hpp"
#include "report_options.hpp"
#include "report_text.hpp"
#include "scan_report_data.hpp"

#include "map_renderer.hpp"
#include "print_layout.hpp"

#include <QHash>
#include <QImage>
#include <QSet>

#include <utility>
#include <vector>

namespace gebiedscan::report {

/// The built content: HTML whose <img src> names are keys of `images` (PNG bytes: a report of
/// hundreds of sheets must not hold hundreds of uncompressed maps) and, for the maps and charts,
/// of `drawings`, which the PDF paints instead of the image.
struct ReportContent {
    QString title;
    QString footer; ///< for every page: what this is ("Veiligheidsanalyse Meppel, 2024 · SYNTHETISCH")
    QString html;
    std::vector<std::pair<QString, QByteArray>> images;
    QHash<QString, ReportDrawing> drawings;
    int sheets = 0;
    QString level;
};

/// The PNG of a figure for the HTML: a palette image (at most 256 colours kept exactly; with
/// more, the 256 most frequent exactly and the rarer ones as their nearest), strongly compressed.
[[nodiscard]] QByteArray compactPng(const QImage& image);

class ReportDocument {
public:
    /// Borrows `data` for the duration of build().
    ReportDocument(ScanReportData& data, const ReportOptions& options);

    /// Builds the document. Throws gebiedscan::InputError for a level the scan lacks or area
    /// codes that match nothing.
    [[nodiscard]] ReportContent build();

private:
    struct Area {
        std::shared_ptr<const viewer::LayerData> layer;
        std::size_t feature = 0;
        QString code, name, level;
    };

    QString cover();
    QString summaryPage();
    QString themeHotspots();
    QString blackSpots();
    /// The finest area holding a point (RD), by its rings (even-odd); none outside all.
    std::optional<std::size_t> finestAreaAt(double x, double y) const;
    QString sheet(const Area& area);
    QString methods();

    QString themeTable(const Area& area);
    /// Finest areas inside `code` that are a hot spot (Gi* bin >= 2) of a theme (or the total).
    int hotspotsInside(const QString& code, const QString& theme) const;
    QString aolCandidates(const Area& area);
    /// A map sheet: its layout and what it shows, drawn as an image (HTML) or painted (PDF).
    struct MapSheet {
        viewer::PrintLayout layout;
        std::vector<viewer::LayerSnapshot> layers;
        Envelope extent;
    };
    /// The <img> of a figure `width` logical pixels wide; `drawing` (when set) paints it in the PDF.
    QString addImage(const QString& name, const QImage& image, int width, ReportDrawing drawing = {});
    QString addMap(const QString& name, const MapSheet& map, int width);
    /// The map of an area with its neighbours, `height` logical pixels high (680 wide).
    MapSheet areaMap(const Area& area, int height);
    MapSheet overviewMap();
    QString sourceLine() const;
    QString periodText() const;
    QString referenceIds() const;
    QString themeLabel(const ReportTheme& t) const;
    QString veldName(int veld) const;
    QString levelWord(const QString& level, bool plural = false) const;
    QString hiddenOr(const viewer::LayerData& layer, std::size_t f, const QString& countField,
                     const QString& text) const;
    QString areaTitle(const Area& area) const;
    /// Ancestor codes of a code (parent, grandparent, ...).
    QStringList ancestors(const QString& code) const;
    bool inside(const QString& code, const QString& ancestor) const;
    /// The areas of a level, those of --areas only when `filtered`, in code order.
    std::vector<Area> areasAt(const QString& level, bool filtered = true) const;
    QString regionName() const;
    std::vector<viewer::LegendEntry> giLegend(const viewer::LayerData& layer,
                                              const std::vector<std::size_t>& shown) const;
    std::shared_ptr<const viewer::LayerData> singleFeature(const Area& area) const;

    ScanReportData& m_data;
    ReportOptions m_options;
    ReportText m_text;
    QString m_level;
    std::vector<Area> m_sheets;
    std::vector<Area> m_empty;        // areas asked for whose published total is 0: named, no sheet
    QHash<QString, QString> m_parent; // code -> parent code, every level
    QHash<QString, QString> m_names;  // code -> name
    QSet<QString> m_sheetCodes;       // areas whose sheet is written so far (a gemeente before its wijken)
    std::vector<std::pair<QString, QByteArray>> m_images;
    QHash<QString, ReportDrawing> m_drawings;
    int m_imageCount = 0;
    std::optional<BlackSpotList> m_blackspots;
};

} // namespace gebiedscan::report
