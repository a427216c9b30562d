#pragma once
#include "accident_chart.hpp"
#include "aol_model.hpp"
#include "area_sheet_model.hpp"
#include "hour_of_week_chart.hpp"
#include "layer_list_model.hpp"
#include "map_canvas.hpp"
#include "paper_format.hpp"
#include "print_layout.hpp"
#include "scan_project.hpp"

#include <QFutureWatcher>
#include <QMainWindow>

#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListView;
class QSlider;
class QSpinBox;
class QTableView;
class QTableWidget;
class QActionGroup;
class QCheckBox;

namespace gebiedscan {
namespace gis {
class CoordinateTransform;
}
namespace viewer {

/// The viewer's main window: map canvas in the centre, layers and style on the left, the
/// gebiedscan sheet of the clicked area on the right, AOL planning at the bottom.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a scan folder or a layer file and zooms to it; `replace` closes what was open first
    /// (layers, AOL list). Returns false (after telling the user, or the log when `quiet`) when
    /// it cannot be read.
    bool openPath(const QString& path, bool quiet = false, bool replace = false);
    /// Selects a theme by id ("woninginbraak"); false when the scan has no such theme.
    bool setTheme(const QString& themeId);
    /// "n" (count), "rate" (per 1,000), "eb" / "ebl" (per 1,000, Empirical Bayes global / local),
    /// "change_pct" or "trend" (emerging hot spots); false when the data cannot show it (a rate
    /// without population, no eb_/trend_ column for the theme) or the name is unknown.
    bool setIndicator(const QString& indicator);
    /// Period from the figures table, empty = current period; false for a period the scan has not.
    bool setPeriod(const QString& period);
    /// Shows and identifies another level of the scan ("wijk", "gemeente"); false when the scan
    /// has no such level.
    bool setLevel(const QString& level);
    /// The sheet as CSV (Dutch Excel) or as a picture, for a council paper.
    bool exportSheetCsv(const QString& file) const;
    bool exportSheetPng(const QString& file);
    /// The footer of the map sheet: per shown layer its credit, then period and protection.
    [[nodiscard]] QString creditsFooter() const;

    /// Makes the named layers (display or file layer names) visible and hides the other
    /// thematic layers; boundaries stay. A shown polygon or raster layer hides the choropleth.
    void showLayers(const QStringList& names);

    /// The map sheet as an export renders it, for a view of `size` logical pixels fitted to the
    /// data, at `scale` device pixels per logical pixel.
    [[nodiscard]] QImage renderSheet(QSize size, double scale = 1.0) const;
    /// Writes the print layout (title, map, legend beside it, scale bar, north arrow, footer)
    /// of the part of the map on screen as PNG at `dpi` (metadata set): the size of the view,
    /// or of the printable area of `paper`; or as a PDF on `paper` (map at 300 dpi, text as vector).
    bool exportPng(const QString& file, int dpi);
    /// `extent` (display CRS): the part of the map to fit in the frame; nullopt: the view's.
    bool exportPng(const QString& file, int dpi, const PaperFormat& paper,
                   const std::optional<Envelope>& extent = std::nullopt);
    bool exportPdf(const QString& file, const PaperFormat& paper = {},
                   const std::optional<Envelope>& extent = std::nullopt);
    /// The print layout of the current composition on a sheet of `size` logical pixels.
    [[nodiscard]] PrintLayout printLayout(QSizeF size) const;

    [[nodiscard]] MapCanvas* canvas() const { return m_canvas; }
    [[nodiscard]] LayerListModel* layers() const { return m_layers; }
    [[nodiscard]] AreaSheetModel* sheet() const { return m_sheet; }
    [[nodiscard]] AolModel* aol() const { return m_aol; }
    [[nodiscard]] HourOfWeekChart* hourChart() const { return m_hourChart; }
    [[nodiscard]] QTableView* sheetView() const { return m_sheetView; }
    [[nodiscard]] AccidentChart* accidentChart() const { return m_accidentChart; }
    /// Shows the hour-of-week chart of all themes together instead of the selected theme.
    void setHourChartAllThemes(bool all);
    /// Blocks until the hour-of-week table (read in the background from the first identify)
    /// is installed, and redraws the chart (command line and tests).
    void waitForHotTimes();
    [[nodiscard]] const ScanProject& project() const { return *m_project; }
    /// Handles a map click at an RD position as the current tool would (tests use this).
    void handleClick(PointRd position);
    /// Moves AOL candidate `row` to `position` (its area label follows); what dragging a pin
    /// with the "Move AOL" tool does.
    bool moveAol(int row, PointRd position);
    /// Removes AOL candidate `row` (Remove button, Delete key in the AOL list).
    bool removeAol(int row);
    /// Adds up to `count` AOL candidates from the top of the rankings: black spots meeting the
    /// definition (by rank), else Gi* hot spots at 99 % (by z, one per cluster: candidates at
    /// least 1.5 km apart), else the areas with most registrations of the current theme.
    /// Then the survey's AOL candidates (`aol_survey` = 1: objective and subjective both high),
    /// one per survey area, up to `count` more. Returns the number added.
    int suggestAol(int count);
    /// Identify at a position: fills the sheet; returns true when an area was hit. Clears the
    /// selection.
    bool identifyAt(PointRd position);
    /// Ctrl+click: adds the area at `position` to the selection, or removes it when selected
    /// (an area identified just before joins first). The sheet sums a selection of two or
    /// more. Returns false when no area is there.
    bool toggleSelectionAt(PointRd position);
    /// Esc: empties the selection and the sheet.
    void clearSelection();
    /// Features of the main area layer in the selection, in the order they were added.
    [[nodiscard]] const std::vector<std::size_t>& selection() const { return m_canvas->selection(); }
    /// Ctrl+J: zooms to the selection, else to the identified feature.
    void zoomToSelection();

private:
    bool exportPng(const QString& file, int dpi, QSizeF logical, const std::optional<Envelope>& extent);
    void buildUi();
    void buildLayersDock();
    void buildSheetDock();
    void buildAolDock();
    void refreshThemeSelectors();
    /// Enables the indicators the shown level and theme have data for (rates need
    /// inhabitants, EB rates and trends their columns); falls back to the count.
    void updateIndicatorChoices();
    [[nodiscard]] bool indicatorAvailable(const QString& indicator) const;
    void applyThemeSelection();
    void layerSelectionChanged();
    void styleControlsChanged();
    [[nodiscard]] int currentLayerRow() const;
    [[nodiscard]] Composition composition() const;
    void updateStatus(PointRd position);
    void saveAol();
    /// "BU01060101 Centrum": code and name of the main area layer's feature at `p`, or empty.
    [[nodiscard]] QString areaLabelAt(PointRd p) const;
    void loadAol();

    /// Redraws the hour-of-week chart for the area(s) in the sheet and the current theme; reads
    /// the scan's hot_times table on first use.
    void updateHourChart();
    /// Shows the selection on the map and in the sheet (summed when it holds several areas).
    void showSelection(std::vector<std::size_t> features);
    /// Shows the accidents by year and severity of a clicked black spot (hides the chart else).
    void showAccidents(const std::shared_ptr<const LayerData>& layer, std::optional<std::size_t> feature);

    void figuresLoaded();
    void hotTimesLoaded();
    void addRasterValues(PointRd position);
    /// Hides the sheet columns no row fills (no rates without population, no trends...), so the
    /// sheet fits its panel without scrolling sideways.
    int suggestRankedAol(int count);
    int suggestSurveyAol(int count);
    void fitSheetColumns();

    LayerListModel* m_layers;
    QFutureWatcher<FiguresTable> m_figuresWatcher; // background read of the figures table
    int m_projectGeneration = 0;                   // a load for a closed project is dropped
    int m_figuresGeneration = 0;
    QFutureWatcher<std::optional<HotTimesTable>> m_hotTimesWatcher; // background read of hot_times
    int m_hotTimesGeneration = 0;
    bool m_hotTimesReading = false; // a read started and not installed yet
    AreaSheetModel* m_sheet;
    AolModel* m_aol;
    std::unique_ptr<ScanProject> m_project;
    MapCanvas* m_canvas = nullptr;
    std::unique_ptr<gis::CoordinateTransform> m_toWgs84;

    QComboBox* m_themeBox = nullptr;
    QComboBox* m_indicatorBox = nullptr;
    QComboBox* m_periodBox = nullptr;
    QComboBox* m_levelBox = nullptr;
    QAction* m_levelAction = nullptr;
    QAction* m_levelLabelAction = nullptr;
    std::optional<PointRd> m_identified; // position of the last identify: re-read when the theme changes
    QListView* m_layerView = nullptr;
    QSlider* m_opacity = nullptr;
    QComboBox* m_modeBox = nullptr;
    QComboBox* m_fieldBox = nullptr;
    QComboBox* m_methodBox = nullptr;
    QSpinBox* m_classes = nullptr;
    QLineEdit* m_breaks = nullptr;
    QComboBox* m_rampBox = nullptr;
    QLabel* m_headline = nullptr;
    QTableView* m_sheetView = nullptr;
    QTableWidget* m_attributes = nullptr;
    HourOfWeekChart* m_hourChart = nullptr;
    AccidentChart* m_accidentChart = nullptr;
    QCheckBox* m_hourAllThemes = nullptr;
    // The area(s) the sheet shows (one after identify; more when a selection is summed).
    std::shared_ptr<const LayerData> m_sheetAreas;
    std::vector<std::size_t> m_sheetFeatures;
    QTableView* m_aolView = nullptr;
    QLabel* m_rdLabel = nullptr;
    QLabel* m_wgsLabel = nullptr;
    QLabel* m_scaleLabel = nullptr;
    QLabel* m_renderLabel = nullptr;
    QActionGroup* m_tools = nullptr;
    bool m_updatingControls = false;
    PaperFormat m_paper; // File > Paper: A4 landscape unless chosen
};

} // namespace viewer
} // namespace gebiedscan
