#pragma once
// A scan result folder (or loose layers) opened in the viewer.
#include "accident_history.hpp"
#include "hot_times.hpp"
#include "layer_list_model.hpp"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace gebiedscan::viewer {

/// A theme of the scan model ("woninginbraak", label "Woninginbraak").
struct ThemeInfo {
    QString id;     ///< field suffix: n_<id>
    QString label;  ///< shown: "1.3 Woninginbraak" (from the scan's <layer>_velden.csv) or the id
    QString number; ///< "1.3" when known: the figures table's theme_number
    QString name;   ///< "Woninginbraak": the figures table's theme
};

/// The long `figures` table of a scan (level, area_code, theme, category, period, count) indexed
/// for the period selector. A NULL count is suppressed ("geheim") and stays NaN.
class FiguresTable {
public:
    /// Adds one row. Rows with an empty category (or "totaal"/"*") are theme totals; when a
    /// theme has no total row for an area and period, its categories are summed (NaN if any
    /// of them is suppressed).
    /// `theme` is the theme number ("1.3") when the table has one, else its name.
    void add(const QString& level, const QString& area, const QString& theme, const QString& category,
             const QString& period, double count);
    /// Count of a theme in an area and period; NaN when suppressed (NULL). The table is sparse
    /// (areas without registrations have no rows), so an absent area counts 0 when the table
    /// has rows for that level and period at all, NaN otherwise.
    [[nodiscard]] double count(const QString& level, const QString& area, const QString& theme,
                               const QString& period) const;
    /// Sum over all themes (the figures table has no total row): NaN when any part is
    /// suppressed, as the scan's own total would be hidden then too.
    [[nodiscard]] double total(const QString& level, const QString& area, const QString& period) const;
    [[nodiscard]] QStringList periods() const { return m_periods; }
    [[nodiscard]] bool empty() const { return m_totals.isEmpty() && m_sums.isEmpty(); }

private:
    static QString key(const QString& level, const QString& area, const QString& theme, const QString& period);
    QHash<QString, double> m_totals;
    QHash<QString, double> m_sums;
    QStringList m_periods;
    QSet<QString> m_levelPeriods; // "level\x1fperiod" present in the table
    QSet<QString> m_themeKeys;    // every theme key seen
};

/// One input of the scan as summary.json records it (pipeline source_credit).
struct SourceInfo {
    QString role;   ///< "registraties", "gebieden", ...
    QString credit; ///< "CBS/Kadaster Wijk- en Buurtkaart (CC BY 4.0)", "bron onbekend"
    bool synthetic = false;
};

/// An area level of a scan and its layer (buurt: the finest, wijk, gemeente: higher levels).
struct AreaLevelInfo {
    QString level;
    std::shared_ptr<const LayerData> layer;
};

/// Loads folders and files into a layer stack and collects themes, periods and figures.
class ScanProject {
public:
    /// A new project is drawn in RD New unless the user chose a CRS (the first foreign layer
    /// opened may change that: crsNote).
    explicit ScanProject(LayerListModel* layers);

    /// Opens a scan folder (gebiedscan.gpkg, blackspots.gpkg, summary.json, aol.gpkg) or one
    /// vector file (all its spatial layers). Throws gebiedscan::InputError on unreadable input.
    void open(const QString& path);

    [[nodiscard]] const std::vector<ThemeInfo>& themes() const { return m_themes; }
    [[nodiscard]] QString themeLabel(const QString& id) const;
    [[nodiscard]] const FiguresTable& figures() const { return m_figures; }
    /// The figures table not read yet (file, layer), for a background load; nullopt if none.
    [[nodiscard]] std::optional<std::pair<QString, QString>> pendingFigures() const;
    /// Installs a figures table read elsewhere (loadFiguresTable on a worker thread).
    void setFigures(FiguresTable figures);
    /// Reads a figures table (thread-safe: own GDAL handles). Throws InputError.
    [[nodiscard]] static FiguresTable loadFiguresTable(const QString& gpkg, const QString& layer);

    /// The hour-of-week table (`hot_times`), read on first use (the first identify): it has 7
    /// rows per area and theme (200,000 rows for a province's 500 m grid), so the window reads
    /// it on a worker thread (pendingHotTimes, setHotTimes). nullptr when the scan has none or
    /// it is not read yet.
    [[nodiscard]] const HotTimesTable* hotTimes() const { return m_hotTimes ? &*m_hotTimes : nullptr; }
    [[nodiscard]] bool hotTimesLoaded() const { return m_hotTimes.has_value(); }
    /// The hot_times table not read yet (file, layer); nullopt if read or absent.
    [[nodiscard]] std::optional<std::pair<QString, QString>> pendingHotTimes() const;
    /// Installs the table read elsewhere (HotTimesTable::load); nullopt: it could not be read,
    /// the scan is then treated as having none.
    void setHotTimes(std::optional<HotTimesTable> table);
    /// The `accidents` table of a black-spot file, read on first use and kept; nullptr when the
    /// file has none. Throws InputError when unreadable.
    [[nodiscard]] const AccidentTable* accidents(const QString& gpkg);

    /// Periods of the scan (summary.json, else the figures table), oldest first.
    [[nodiscard]] QStringList periods() const { return m_periods.isEmpty() ? m_figures.periods() : m_periods; }
    [[nodiscard]] const QString& folder() const { return m_folder; }
    /// AOL file found when opening (empty if none): for the AOL model to load.
    [[nodiscard]] const QString& aolFile() const { return m_aolFile; }
    /// "Bron: ..., periode ..., geheim onder n": from summary.json when present.
    [[nodiscard]] const QString& sourceNote() const { return m_sourceNote; }
    [[nodiscard]] const QString& currentPeriodLabel() const { return m_currentPeriod; }
    /// Set when the map is not in RD New: "Map in EPSG:32616 (RD New is far outside...)".
    [[nodiscard]] const QString& crsNote() const { return m_crsNote; }

    /// False when summary.json says the registrations have no time of day (`time_of_day`):
    /// the scan then wrote no hour of week and no peak hour.
    [[nodiscard]] bool timeOfDayKnown() const { return m_timeOfDayKnown; }

    /// Whether the scan published hour-of-week rows for `level` (summary.json
    /// `suppression.hot_times`): key absent = every level (intern); a plain string (older extern
    /// scans) = none; an object = the levels in its `levels` list.
    [[nodiscard]] bool hotTimesPublished(const QString& level) const;
    /// Whether `theme`'s rows of a published level are there: an extern scan publishes the total
    /// of all themes only (theme "total"), an intern one every theme.
    [[nodiscard]] bool hotTimesThemePublished(const QString& theme) const;
    /// The scan's own sentence on the withheld hours (`note`, or the plain string); may be empty.
    [[nodiscard]] const QString& hotTimesNote() const { return m_hotTimesNote; }
    /// The levels whose total rows are published (nullopt: every level and theme, intern).
    [[nodiscard]] const std::optional<QStringList>& hotTimesLevels() const { return m_hotTimesLevels; }
    /// True when the note is the object form's explanatory sentence, false for the older plain
    /// string, which is a status ("niet gepubliceerd (extern)") rather than something to show.
    [[nodiscard]] bool hotTimesNoteIsSentence() const { return m_hotTimesNoteIsSentence; }

    /// The sources summary.json names (empty for older folders and loose files).
    [[nodiscard]] const std::vector<SourceInfo>& sources() const { return m_sources; }

    /// Area levels of a scan folder, finest first; empty for loose files.
    [[nodiscard]] const std::vector<AreaLevelInfo>& levels() const { return m_levels; }
    /// The level shown (coloured and identified); empty when the project has no levels.
    [[nodiscard]] const QString& level() const { return m_level; }
    /// Shows `level` as the coloured and clickable layer: finer levels are hidden (the level's
    /// own figures are what the scan wrote for it, suppression included), coarser ones are
    /// outlines. The theme is re-applied by the caller (showTheme). False for an unknown level.
    bool setLevel(const QString& level);
    /// True when the shown level is the scan's finest (hot spot layers are of that level).
    [[nodiscard]] bool finestLevelShown() const { return m_levels.empty() || m_level == m_levels.front().level; }

    /// The theme to open on: the total when it has registrations, else the first theme with any,
    /// else the first theme (the README's BRON scan opened on an empty theme: a solid map).
    [[nodiscard]] QString defaultTheme() const;
    /// True when the area layer has inhabitants to divide by (else "per 1,000" is meaningless).
    [[nodiscard]] bool hasPopulation() const;
    /// True when the shown level's areas have a value (not NULL) in the per-theme column
    /// `family` + theme (eb_, ebl_, trend_ ...): the indicators offered follow what is there.
    [[nodiscard]] bool hasThemeValues(std::string_view family, const QString& themeId) const;
    /// scan --survey: the first kwadrant_<indicator> field of the shown level with a value; empty when none.
    [[nodiscard]] QString surveyQuadrantField() const;
    /// The survey indicators with a quadrant at the level shown (the suffixes of `kwadrant_`
    /// columns holding a value, in column order, e.g. "onveilig_buurt_pct").
    [[nodiscard]] QStringList surveyIndicators() const;

    /// The main area layer's row: the level shown; without levels the layer of role scan_areas,
    /// else a polygon layer of no other command; -1 when none.
    [[nodiscard]] int areaRow() const;
    /// Colours the main area layer by a theme indicator ("n", "rate", "change_pct") and period
    /// (empty = the current period fields; else counts from the figures table).
    void showTheme(const QString& themeId, const QString& indicator, const QString& period);

    /// The label of the total ("Totaal"); its id is schema::kTotalTheme.
    [[nodiscard]] static QString totalLabel();

    /// Themes found in a layer's fields (the schema's n_<thema>, except the total).
    [[nodiscard]] static std::vector<ThemeInfo> themesOf(const LayerData& layer);

private:
    void addLayer(const std::shared_ptr<LayerData>& layer, bool visible);
    void readSummary(const QString& file);
    void readFieldDescriptions(const QString& folder);
    /// Loads the figures table on first use: it has a row per area, theme, category and
    /// period (half a million rows for a 500 m grid of a province) and only the period
    /// selector needs it, so opening a folder does not wait for it.
    void ensureFigures();

    LayerListModel* m_layers;
    std::vector<ThemeInfo> m_themes;
    FiguresTable m_figures;
    QString m_folder, m_aolFile, m_sourceNote, m_currentPeriod, m_crsNote, m_workingCrs;
    QStringList m_periods;
    QString m_figuresFile, m_figuresLayer; // not loaded yet when non-empty
    QString m_hotTimesFile, m_hotTimesLayer;
    std::optional<HotTimesTable> m_hotTimes;
    QHash<QString, std::shared_ptr<const AccidentTable>> m_accidents; // file -> table (null: none)
    QHash<QString, QString> m_labels;                                 // theme id -> "1.3 Woninginbraak"
    QHash<QString, std::pair<QString, QString>> m_themeNames;         // theme id -> number, name (summary.json)
    std::vector<SourceInfo> m_sources;
    std::vector<AreaLevelInfo> m_levels;
    QString m_level;
    bool m_timeOfDayKnown = true;
    std::optional<QStringList> m_hotTimesLevels; // nullopt: every level published
    bool m_hotTimesNoteIsSentence = false;
    QString m_hotTimesNote;
};

} // namespace gebiedscan::viewer
