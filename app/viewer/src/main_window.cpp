#include "main_window.hpp"

#include "schema_names.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/coordinate_transform.hpp"
#include "gebiedscan/pipeline/source_credit.hpp"

#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QSet>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <functional>

namespace gebiedscan::viewer {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_layers(new LayerListModel(this)), m_sheet(new AreaSheetModel(this)),
      m_aol(new AolModel(this)), m_project(std::make_unique<ScanProject>(m_layers))
{
    try {
        m_toWgs84 = std::make_unique<gis::CoordinateTransform>("EPSG:28992", "EPSG:4326");
    } catch (const std::exception& e) {
        qWarning("no RD -> WGS84 transformation: %s", e.what()); // coordinates then show RD only
    }
    buildUi();
}

MainWindow::~MainWindow()
{
    m_figuresWatcher.waitForFinished(); // the worker holds no pointer to us; just do not leak it
    m_hotTimesWatcher.waitForFinished();
}

void MainWindow::hotTimesLoaded()
{
    if (!m_hotTimesReading || !m_hotTimesWatcher.isFinished()) return;
    m_hotTimesReading = false;
    if (m_hotTimesGeneration == m_projectGeneration && m_project->pendingHotTimes())
        m_project->setHotTimes(m_hotTimesWatcher.result());
    updateHourChart(); // after a read for a closed project this starts the current one's
}

void MainWindow::waitForHotTimes()
{
    m_hotTimesWatcher.waitForFinished();
    hotTimesLoaded();
}

void MainWindow::figuresLoaded()
{
    if (!m_figuresWatcher.future().isValid() || !m_figuresWatcher.isFinished() ||
        m_figuresGeneration != m_projectGeneration)
        return;                               // not started (headless: read when a period is chosen), running or stale
    if (!m_project->pendingFigures()) return; // already installed (or read synchronously)
    try {
        m_project->setFigures(m_figuresWatcher.result());
    } catch (const std::exception& e) {
        qWarning("figures table not read: %s", e.what());
        return;
    }
    statusBar()->clearMessage();
    if (!m_periodBox->currentData().toString().isEmpty()) applyThemeSelection();
}

void MainWindow::buildUi()
{
    setWindowTitle(tr("Gebiedscan viewer"));
    resize(1400, 900);
    m_canvas = new MapCanvas(m_layers, this);
    setCentralWidget(m_canvas);

    // Menu and toolbar.
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* openFolder = file->addAction(tr("Open scan &folder..."), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open scan folder"));
        if (!dir.isEmpty()) openPath(dir, false, true);
    });
    openFolder->setShortcut(QKeySequence::Open);
    file->addAction(tr("Add &layer..."), this, [this] {
        const QString f =
            QFileDialog::getOpenFileName(this, tr("Add layer"), m_project->folder(),
                                         tr("Vector data (*.gpkg *.shp *.geojson *.json *.gml *.csv);;Rasters and "
                                            "basemaps (*.tif *.tiff *.gpkg *.mbtiles);;All files (*)"));
        if (!f.isEmpty()) openPath(f);
    });
    file->addSeparator();
    auto* png = file->addAction(tr("Export map as &PNG..."), this, [this] {
        const QString f = QFileDialog::getSaveFileName(
            this, tr("Export PNG"), m_project->folder() + QStringLiteral("/kaart.png"), tr("PNG image (*.png)"));
        if (f.isEmpty()) return;
        bool ok = false;
        const int dpi = QInputDialog::getInt(this, tr("Resolution"), tr("Dots per inch:"), 300, 72, 600, 1, &ok);
        if (ok && !exportPng(f, dpi, m_paper))
            QMessageBox::warning(this, tr("Export"), tr("Could not write %1").arg(f));
    });
    auto* pdf = file->addAction(tr("Export map as P&DF..."), this, [this] {
        const QString f = QFileDialog::getSaveFileName(
            this, tr("Export PDF"), m_project->folder() + QStringLiteral("/kaart.pdf"), tr("PDF document (*.pdf)"));
        if (!f.isEmpty() && !exportPdf(f, m_paper))
            QMessageBox::warning(this, tr("Export"), tr("Could not write %1").arg(f));
    });
    // Paper of both exports: the print layout (title, legend beside the map, scale bar, north
    // arrow, footer) on A4 or A3, portrait or landscape.
    QMenu* paperMenu = file->addMenu(tr("Pape&r"));
    auto* sizes = new QActionGroup(paperMenu);
    auto* orientations = new QActionGroup(paperMenu);
    for (const auto& [label, size] : {std::pair{QStringLiteral("A4"), PaperFormat::Size::A4},
                                      std::pair{QStringLiteral("A3"), PaperFormat::Size::A3}}) {
        QAction* a = paperMenu->addAction(label, this, [this, size] { m_paper.size = size; });
        a->setCheckable(true);
        a->setChecked(size == m_paper.size);
        sizes->addAction(a);
    }
    paperMenu->addSeparator();
    for (const bool landscape : {true, false}) {
        QAction* a = paperMenu->addAction(landscape ? tr("Landscape") : tr("Portrait"), this,
                                          [this, landscape] { m_paper.landscape = landscape; });
        a->setCheckable(true);
        a->setChecked(landscape == m_paper.landscape);
        orientations->addAction(a);
    }
    file->addAction(tr("Export sheet as &CSV..."), this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Export sheet"),
                                                       m_project->folder() + QStringLiteral("/gebiedscan-blad.csv"),
                                                       tr("CSV for Excel (*.csv)"));
        if (!f.isEmpty() && !exportSheetCsv(f))
            QMessageBox::warning(this, tr("Export"), tr("Could not write %1").arg(f));
    });
    file->addAction(tr("Export sheet as p&icture..."), this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Export sheet"),
                                                       m_project->folder() + QStringLiteral("/gebiedscan-blad.png"),
                                                       tr("PNG image (*.png)"));
        if (!f.isEmpty() && !exportSheetPng(f))
            QMessageBox::warning(this, tr("Export"), tr("Could not write %1").arg(f));
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    auto* view = menuBar()->addMenu(tr("&View"));
    auto* zoomAll =
        view->addAction(tr("Zoom to &all layers"), this, [this] { m_canvas->zoomToExtent(m_layers->extent()); });
    zoomAll->setShortcut(Qt::CTRL | Qt::Key_0);
    auto* zoomLayer = view->addAction(tr("Zoom to selected &layer"), this, [this] {
        const int row = currentLayerRow();
        if (row >= 0) m_canvas->zoomToExtent(m_layers->layer(row).extent);
    });
    view->addAction(tr("Zoom to &selection"), QKeySequence(Qt::CTRL | Qt::Key_J), this, &MainWindow::zoomToSelection);
    auto* clear =
        view->addAction(tr("&Clear selection"), QKeySequence(Qt::Key_Escape), this, &MainWindow::clearSelection);
    clear->setToolTip(tr("Ctrl+click areas to select them; the sheet then sums the selection"));
    auto* legend = view->addAction(tr("Show &legend on map"));
    legend->setCheckable(true);
    legend->setChecked(true);
    connect(legend, &QAction::toggled, m_canvas, &MapCanvas::setShowLegend);

    auto* bar = addToolBar(tr("Map"));
    bar->setObjectName(QStringLiteral("mapToolBar"));
    bar->addAction(openFolder);
    bar->addAction(png);
    bar->addAction(pdf);
    bar->addSeparator();
    bar->addAction(zoomAll);
    bar->addAction(zoomLayer);
    bar->addSeparator();
    m_tools = new QActionGroup(this);
    auto* identify = bar->addAction(tr("Identify"));
    identify->setCheckable(true);
    identify->setChecked(true);
    identify->setToolTip(tr("Click an area to read its gebiedscan"));
    auto* place = bar->addAction(tr("Place AOL"));
    place->setCheckable(true);
    place->setToolTip(tr("Click the map to mark a candidate location for an agreement (AOL)"));
    auto* move = bar->addAction(tr("Move AOL"));
    move->setCheckable(true);
    move->setToolTip(tr("Drag an AOL pin to a new place; remove one with Delete in the AOL list"));
    m_tools->addAction(identify);
    m_tools->addAction(place);
    m_tools->addAction(move);
    connect(move, &QAction::triggered, this, [this] { m_canvas->setTool(MapCanvas::Tool::MoveAol); });
    connect(identify, &QAction::triggered, this, [this] { m_canvas->setTool(MapCanvas::Tool::Identify); });
    connect(place, &QAction::triggered, this, [this] { m_canvas->setTool(MapCanvas::Tool::PlaceAol); });
    // Theme and period get their own row: on a laptop screen one row would hide the period.
    addToolBarBreak();
    bar = addToolBar(tr("Theme"));
    bar->setObjectName(QStringLiteral("themeToolBar"));
    m_levelLabelAction = bar->addWidget(new QLabel(tr("Level:"), bar));
    m_levelBox = new QComboBox(bar);
    m_levelAction = bar->addWidget(m_levelBox);
    connect(m_levelBox, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updatingControls) setLevel(m_levelBox->currentData().toString());
    });
    bar->addWidget(new QLabel(tr(" Theme:"), bar));
    m_themeBox = new QComboBox(bar);
    m_themeBox->setMinimumContentsLength(22);
    bar->addWidget(m_themeBox);
    m_indicatorBox = new QComboBox(bar);
    m_indicatorBox->addItem(tr("Registrations"), QStringLiteral("n"));
    m_indicatorBox->addItem(tr("Per 1,000 inhabitants"), QStringLiteral("rate"));
    m_indicatorBox->addItem(tr("Per 1,000 (EB-smoothed)"), QStringLiteral("eb"));
    m_indicatorBox->addItem(tr("Per 1,000 (local EB)"), QStringLiteral("ebl"));
    m_indicatorBox->addItem(tr("Change (%)"), QStringLiteral("change_pct"));
    m_indicatorBox->addItem(tr("Trend (emerging hot spots)"), QStringLiteral("trend"));
    // One "Survey: <indicator>" item per survey indicator follows (updateIndicatorChoices).
    bar->addWidget(m_indicatorBox);
    bar->addWidget(new QLabel(tr(" Period:"), bar));
    m_periodBox = new QComboBox(bar);
    bar->addWidget(m_periodBox);
    for (auto* box : {m_themeBox, m_indicatorBox, m_periodBox})
        connect(box, &QComboBox::currentIndexChanged, this, &MainWindow::applyThemeSelection);

    buildLayersDock();
    buildSheetDock();
    buildAolDock();

    resizeDocks(
        {findChild<QDockWidget*>(QStringLiteral("layersDock")), findChild<QDockWidget*>(QStringLiteral("sheetDock"))},
        {270, 640}, Qt::Horizontal);
    resizeDocks({findChild<QDockWidget*>(QStringLiteral("aolDock"))}, {150}, Qt::Vertical);

    m_rdLabel = new QLabel(this);
    m_wgsLabel = new QLabel(this);
    m_scaleLabel = new QLabel(this);
    m_renderLabel = new QLabel(this);
    for (auto* l : {m_rdLabel, m_wgsLabel, m_scaleLabel, m_renderLabel}) statusBar()->addPermanentWidget(l);
    connect(m_canvas, &MapCanvas::cursorMoved, this, &MainWindow::updateStatus);
    connect(m_canvas, &MapCanvas::viewChanged, this, [this] {
        // Scale for a 96 dpi screen: 1 px = 0.2646 mm.
        const double denominator = m_canvas->view().metresPerPixel / 0.0254 * 96;
        m_scaleLabel->setText(tr("Scale 1:%1").arg(QLocale().toString(std::round(denominator / 100) * 100, 'f', 0)));
    });
    connect(m_canvas, &MapCanvas::frameRendered, this,
            [this](double ms) { m_renderLabel->setText(tr("%1 ms").arg(ms, 0, 'f', 0)); });
    connect(m_canvas, &MapCanvas::clicked, this, &MainWindow::handleClick);
    connect(m_canvas, &MapCanvas::aolMoved, this, &MainWindow::moveAol);
    connect(m_canvas, &MapCanvas::ctrlClicked, this, [this](PointRd p) { toggleSelectionAt(p); });
    connect(m_aol, &AolModel::candidatesChanged, this, [this] { m_canvas->setAolMarkers(m_aol->markers()); });
    connect(&m_figuresWatcher, &QFutureWatcher<FiguresTable>::finished, this, &MainWindow::figuresLoaded);
    connect(&m_hotTimesWatcher, &QFutureWatcher<std::optional<HotTimesTable>>::finished, this,
            &MainWindow::hotTimesLoaded);
}

void MainWindow::buildLayersDock()
{
    auto* dock = new QDockWidget(tr("Layers"), this);
    dock->setObjectName(QStringLiteral("layersDock"));
    auto* w = new QWidget(dock);
    auto* v = new QVBoxLayout(w);
    m_layerView = new QListView(w);
    m_layerView->setModel(m_layers);
    v->addWidget(m_layerView, 1);
    auto* buttons = new QHBoxLayout;
    auto* up = new QPushButton(tr("Up"), w);
    auto* down = new QPushButton(tr("Down"), w);
    buttons->addWidget(up);
    buttons->addWidget(down);
    v->addLayout(buttons);
    connect(up, &QPushButton::clicked, this, [this] {
        const int r = currentLayerRow();
        if (r > 0 && m_layers->moveRows({}, r, 1, {}, r - 1)) m_layerView->setCurrentIndex(m_layers->index(r - 1));
    });
    connect(down, &QPushButton::clicked, this, [this] {
        const int r = currentLayerRow();
        if (r >= 0 && r + 1 < m_layers->rowCount() && m_layers->moveRows({}, r, 1, {}, r + 2))
            m_layerView->setCurrentIndex(m_layers->index(r + 1));
    });

    auto* form = new QFormLayout;
    m_opacity = new QSlider(Qt::Horizontal, w);
    m_opacity->setRange(0, 100);
    form->addRow(tr("Opacity"), m_opacity);
    m_modeBox = new QComboBox(w);
    m_modeBox->addItem(tr("Single colour"), static_cast<int>(StyleMode::Single));
    m_modeBox->addItem(tr("Choropleth"), static_cast<int>(StyleMode::Choropleth));
    m_modeBox->addItem(tr("Gi* hot spots"), static_cast<int>(StyleMode::GiBins));
    m_modeBox->addItem(tr("LISA quadrants"), static_cast<int>(StyleMode::Lisa));
    m_modeBox->addItem(tr("Emerging hot spots (trend)"), static_cast<int>(StyleMode::Trend));
    m_modeBox->addItem(tr("Sized symbols"), static_cast<int>(StyleMode::SizedPoints));
    m_modeBox->addItem(tr("Raster colour ramp"), static_cast<int>(StyleMode::RasterRamp));
    form->addRow(tr("Style"), m_modeBox);
    m_fieldBox = new QComboBox(w);
    form->addRow(tr("Field"), m_fieldBox);
    m_methodBox = new QComboBox(w);
    m_methodBox->addItem(tr("Quantiles"), static_cast<int>(ClassificationMethod::Quantile));
    m_methodBox->addItem(tr("Natural breaks (Jenks)"), static_cast<int>(ClassificationMethod::NaturalBreaks));
    m_methodBox->addItem(tr("Equal interval"), static_cast<int>(ClassificationMethod::EqualInterval));
    m_methodBox->addItem(tr("Manual"), static_cast<int>(ClassificationMethod::Manual));
    form->addRow(tr("Classification"), m_methodBox);
    m_classes = new QSpinBox(w);
    m_classes->setRange(2, 9);
    form->addRow(tr("Classes"), m_classes);
    m_breaks = new QLineEdit(w);
    m_breaks->setPlaceholderText(tr("e.g. 10; 25; 50"));
    form->addRow(tr("Manual breaks"), m_breaks);
    m_rampBox = new QComboBox(w);
    for (const char* r : {"YlOrRd", "Blues", "Greens", "Purples", "RdBu"}) m_rampBox->addItem(QString::fromLatin1(r));
    form->addRow(tr("Colours"), m_rampBox);
    v->addLayout(form);
    dock->setWidget(w);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    connect(m_layerView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::layerSelectionChanged);
    connect(m_opacity, &QSlider::valueChanged, this, [this](int value) {
        const int r = currentLayerRow();
        if (r >= 0 && !m_updatingControls)
            m_layers->setData(m_layers->index(r), value / 100.0, LayerListModel::OpacityRole);
    });
    connect(m_modeBox, &QComboBox::currentIndexChanged, this, &MainWindow::styleControlsChanged);
    connect(m_fieldBox, &QComboBox::currentIndexChanged, this, &MainWindow::styleControlsChanged);
    connect(m_methodBox, &QComboBox::currentIndexChanged, this, &MainWindow::styleControlsChanged);
    connect(m_classes, &QSpinBox::valueChanged, this, &MainWindow::styleControlsChanged);
    connect(m_breaks, &QLineEdit::editingFinished, this, &MainWindow::styleControlsChanged);
    connect(m_rampBox, &QComboBox::currentIndexChanged, this, &MainWindow::styleControlsChanged);
}

void MainWindow::buildSheetDock()
{
    auto* dock = new QDockWidget(tr("Gebiedscan"), this);
    dock->setObjectName(QStringLiteral("sheetDock"));
    auto* tabs = new QTabWidget(dock);
    auto* w = new QWidget(tabs);
    auto* v = new QVBoxLayout(w);
    m_headline = new QLabel(tr("Click an area on the map."), w);
    m_headline->setWordWrap(true);
    QFont f = m_headline->font();
    f.setBold(true);
    m_headline->setFont(f);
    v->addWidget(m_headline);
    m_sheetView = new QTableView(w);
    m_sheetView->setModel(m_sheet);
    m_sheetView->verticalHeader()->hide();
    m_sheetView->setAlternatingRowColors(true);
    m_sheetView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The theme column takes what is left and wraps ("1.2 Veelvoorkomende / criminaliteit"), the
    // columns of words (significance, trend, hot spot) wrap to their longest word
    // (fitSheetColumns), and rows grow to their text: every name readable, no sideways scroll.
    m_sheetView->horizontalHeader()->setSectionResizeMode(AreaSheetModel::Theme, QHeaderView::Stretch);
    m_sheetView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sheetView->setTextElideMode(Qt::ElideRight);
    m_sheetView->setWordWrap(true);
    v->addWidget(m_sheetView, 1);
    m_hourAllThemes = new QCheckBox(tr("Hour of week of all themes"), w);
    m_hourAllThemes->setToolTip(tr("Show the hour-of-week chart of all registrations instead of the selected theme"));
    v->addWidget(m_hourAllThemes);
    m_hourChart = new HourOfWeekChart(w);
    v->addWidget(m_hourChart);
    m_accidentChart = new AccidentChart(w);
    v->addWidget(m_accidentChart);
    m_hourAllThemes->hide();
    m_hourChart->hide();
    m_accidentChart->hide();
    connect(m_hourAllThemes, &QCheckBox::toggled, this, &MainWindow::updateHourChart);
    tabs->addTab(w, tr("Sheet"));
    m_attributes = new QTableWidget(0, 2, tabs);
    m_attributes->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    m_attributes->horizontalHeader()->setStretchLastSection(true);
    m_attributes->verticalHeader()->hide();
    tabs->addTab(m_attributes, tr("Attributes"));
    dock->setWidget(tabs);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    connect(m_sheet, &AreaSheetModel::headlineChanged, m_headline, &QLabel::setText);
}

void MainWindow::buildAolDock()
{
    auto* dock = new QDockWidget(tr("AOL planning"), this);
    dock->setObjectName(QStringLiteral("aolDock"));
    auto* w = new QWidget(dock);
    auto* v = new QVBoxLayout(w);
    m_aolView = new QTableView(w);
    m_aolView->setModel(m_aol);
    m_aolView->horizontalHeader()->setStretchLastSection(true);
    v->addWidget(m_aolView, 1);
    auto* h = new QHBoxLayout;
    auto* remove = new QPushButton(tr("Remove"), w);
    auto* save = new QPushButton(tr("Save (GeoPackage, Shapefile, CSV)..."), w);
    auto* load = new QPushButton(tr("Load..."), w);
    auto* suggest = new QPushButton(tr("Suggest top 5"), w);
    suggest->setToolTip(
        tr("Add candidates from the top of the black-spot or hot spot ranking, else the areas with most registrations; "
           "then the survey's AOL candidates (objective and subjective both high)"));
    h->addWidget(suggest);
    connect(suggest, &QPushButton::clicked, this, [this] {
        if (suggestAol(5) == 0) statusBar()->showMessage(tr("No ranked locations to suggest."), 6000);
    });
    h->addWidget(new QLabel(tr("Use \"Place AOL\" and click the map; double-click a cell to annotate."), w), 1);
    h->addWidget(remove);
    h->addWidget(load);
    h->addWidget(save);
    v->addLayout(h);
    dock->setWidget(w);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    connect(remove, &QPushButton::clicked, this, [this] {
        const auto i = m_aolView->currentIndex();
        if (i.isValid()) removeAol(i.row());
    });
    // Delete in the list removes the current candidate too (not while a cell is being edited:
    // the editor has the focus then).
    auto* del = new QAction(tr("Remove AOL"), m_aolView);
    del->setShortcut(QKeySequence::Delete);
    del->setShortcutContext(Qt::WidgetShortcut);
    m_aolView->addAction(del);
    connect(del, &QAction::triggered, remove, &QPushButton::click);
    connect(save, &QPushButton::clicked, this, &MainWindow::saveAol);
    connect(load, &QPushButton::clicked, this, &MainWindow::loadAol);
}

bool MainWindow::openPath(const QString& path, bool quiet, bool replace)
{
    if (replace) {
        m_canvas->setHighlight(nullptr, 0);
        m_canvas->setSelection(nullptr, {});
        m_sheet->clearArea();
        m_sheetAreas.reset();
        m_sheetFeatures.clear();
        m_identified.reset();
        updateHourChart();
        showAccidents(nullptr, std::nullopt);
        m_aol->removeRows(0, m_aol->rowCount());
        m_layers->clear();
        m_project = std::make_unique<ScanProject>(m_layers);
        ++m_projectGeneration;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        m_project->open(path);
    } catch (const std::exception& e) {
        QApplication::restoreOverrideCursor();
        const QString msg = tr("Cannot open %1:\n%2").arg(path, QString::fromUtf8(e.what()));
        if (quiet)
            qWarning("%s", qPrintable(msg));
        else
            QMessageBox::warning(this, tr("Open"), msg);
        return false;
    }
    if (!m_project->aolFile().isEmpty()) {
        try {
            m_aol->load(m_project->aolFile());
        } catch (const std::exception& e) {
            qWarning("AOL file not loaded: %s", e.what());
        }
    }
    QApplication::restoreOverrideCursor();
    // The figures table (period selector) is large: read it on a worker thread, but only after
    // the first frame (on two cores it slowed opening the demo by a third). Headless runs and
    // tests read it when a period is chosen (setPeriod).
    if (!quiet)
        QTimer::singleShot(1500, this, [this, generation = m_projectGeneration] {
            const auto pending = m_project->pendingFigures();
            if (generation != m_projectGeneration || !pending || m_figuresWatcher.isRunning()) return;
            m_figuresGeneration = m_projectGeneration;
            m_figuresWatcher.setFuture(QtConcurrent::run([file = pending->first, layer = pending->second] {
                return ScanProject::loadFiguresTable(file, layer);
            }));
        });
    setWindowTitle(tr("Gebiedscan viewer – %1").arg(QFileInfo(path).fileName()));
    try { // the status bar's WGS84 position, from the CRS the map is in
        m_toWgs84 = std::make_unique<gis::CoordinateTransform>(displayCrs().toStdString(), "EPSG:4326");
    } catch (const std::exception& e) {
        m_toWgs84.reset();
        qWarning("no %s -> WGS84 transformation: %s", qPrintable(displayCrs()), e.what());
    }
    if (!m_project->crsNote().isEmpty()) statusBar()->showMessage(m_project->crsNote(), 15000);
    refreshThemeSelectors();
    applyThemeSelection();
    m_canvas->zoomToExtent(m_layers->homeExtent());
    if (m_layers->rowCount() > 0) m_layerView->setCurrentIndex(m_layers->index(std::max(0, m_project->areaRow())));
    return true;
}

void MainWindow::showLayers(const QStringList& names)
{
    bool polygonShown = false;
    for (int r = 0; r < m_layers->rowCount(); ++r) {
        const auto& l = m_layers->layer(r);
        const bool wanted =
            names.contains(l.name, Qt::CaseInsensitive) || names.contains(l.sourceLayer, Qt::CaseInsensitive);
        const bool outline = l.geometry == GeometryKind::Polygon && m_layers->style(r).mode == StyleMode::Single &&
                             m_layers->style(r).fill.alpha() == 0;
        if (wanted)
            polygonShown = polygonShown || l.geometry == GeometryKind::Polygon || l.geometry == GeometryKind::Raster;
        if (wanted)
            m_layers->setData(m_layers->index(r), Qt::Checked, Qt::CheckStateRole);
        else if (!outline && l.kind != LayerKind::Areas && l.kind != LayerKind::Basemap) // the basemap stays as scenery
            m_layers->setData(m_layers->index(r), Qt::Unchecked, Qt::CheckStateRole);
    }
    // A shown polygon or raster layer (hot spots, heatmap) replaces the choropleth underneath.
    const int ar = m_project->areaRow();
    if (polygonShown && ar >= 0 && !names.contains(m_layers->layer(ar).name) &&
        !names.contains(m_layers->layer(ar).sourceLayer))
        m_layers->setData(m_layers->index(ar), Qt::Unchecked, Qt::CheckStateRole);
}

void MainWindow::refreshThemeSelectors()
{
    m_updatingControls = true;
    m_themeBox->clear();
    const int ar = m_project->areaRow();
    if (ar >= 0 && m_layers->layer(ar).fieldIndex(themeField(schema::field::count, qs(schema::kTotalTheme))) >= 0 &&
        !m_project->themes().empty())
        m_themeBox->addItem(ScanProject::totalLabel(), qs(schema::kTotalTheme));
    for (const auto& t : m_project->themes()) m_themeBox->addItem(t.label, t.id);
    if (const int i = m_themeBox->findData(m_project->defaultTheme()); i >= 0) m_themeBox->setCurrentIndex(i);
    m_levelBox->clear();
    for (const auto& l : m_project->levels()) m_levelBox->addItem(l.level, l.level);
    m_levelBox->setCurrentIndex(std::max(0, m_levelBox->findData(m_project->level())));
    m_levelAction->setVisible(m_project->levels().size() > 1);
    m_levelLabelAction->setVisible(m_project->levels().size() > 1);
    updateIndicatorChoices();
    m_periodBox->clear();
    m_periodBox->addItem(m_project->currentPeriodLabel().isEmpty()
                             ? tr("current")
                             : tr("%1 (current)").arg(m_project->currentPeriodLabel()),
                         QString());
    for (const auto& p : m_project->periods())
        if (p != m_project->currentPeriodLabel()) m_periodBox->addItem(p, p);
    m_updatingControls = false;
}

bool MainWindow::setTheme(const QString& themeId)
{
    const int i = m_themeBox->findData(themeId);
    if (i < 0) return false;
    m_themeBox->setCurrentIndex(i);
    applyThemeSelection();
    return true;
}

bool MainWindow::indicatorAvailable(const QString& indicator) const
{
    const QString theme = m_themeBox->currentData().toString();
    if (indicator == u"rate") return m_project->hasPopulation();
    if (indicator == u"eb") return m_project->hasThemeValues(schema::field::rateEb, theme);
    if (indicator == u"ebl") return m_project->hasThemeValues(schema::field::rateEbLocal, theme);
    if (indicator == u"trend") return m_project->hasThemeValues(schema::field::trend, theme);
    if (indicator == u"kwadrant") return !m_project->surveyIndicators().isEmpty();
    if (indicator.startsWith(QLatin1String("kwadrant:")))
        return m_project->surveyIndicators().contains(indicator.mid(9));
    return true;
}

void MainWindow::updateIndicatorChoices()
{
    // Offer only what the data holds: a rate without inhabitants, or EB rates and trends a scan
    // did not write for this theme, would paint every area "geheim".
    auto* items = qobject_cast<QStandardItemModel*>(m_indicatorBox->model());
    if (!items) return;
    const bool wasUpdating = m_updatingControls;
    m_updatingControls = true;
    // The survey's quadrant per indicator ("kwadrant:<indicator>"), one item each, as the level
    // shown has them (a wijk survey's columns are empty at gemeente level).
    const QStringList survey = m_project->surveyIndicators();
    QStringList shown;
    for (int i = 0; i < m_indicatorBox->count(); ++i)
        if (const QString id = m_indicatorBox->itemData(i).toString(); id.startsWith(QLatin1String("kwadrant:")))
            shown << id.mid(9);
    if (shown != survey) {
        const QString current = m_indicatorBox->currentData().toString();
        for (int i = m_indicatorBox->count() - 1; i >= 0; --i)
            if (m_indicatorBox->itemData(i).toString().startsWith(QLatin1String("kwadrant:")))
                m_indicatorBox->removeItem(i);
        for (const QString& indicator : survey)
            m_indicatorBox->addItem(tr("Survey: %1 (objective against subjective)").arg(indicator),
                                    QStringLiteral("kwadrant:") + indicator);
        m_indicatorBox->setCurrentIndex(std::max(0, m_indicatorBox->findData(current)));
    }
    for (int i = 0; i < m_indicatorBox->count(); ++i) {
        const QString id = m_indicatorBox->itemData(i).toString();
        const bool ok = indicatorAvailable(id);
        items->item(i)->setEnabled(ok);
        // Hidden when the scan never writes them (older scans, no trends): the box stays short.
        if (id == u"eb" || id == u"ebl" || id == u"trend")
            qobject_cast<QListView*>(m_indicatorBox->view())->setRowHidden(i, !ok);
    }
    if (!indicatorAvailable(m_indicatorBox->currentData().toString())) m_indicatorBox->setCurrentIndex(0);
    m_updatingControls = wasUpdating;
}

bool MainWindow::setIndicator(const QString& indicator)
{
    updateIndicatorChoices();
    // Plain "kwadrant": the first survey indicator.
    const QStringList survey = m_project->surveyIndicators();
    const QString id =
        indicator == u"kwadrant" && !survey.isEmpty() ? QStringLiteral("kwadrant:") + survey.front() : indicator;
    const int i = m_indicatorBox->findData(id);
    if (i < 0 || !indicatorAvailable(id)) return false;
    m_indicatorBox->setCurrentIndex(i);
    return true;
}

bool MainWindow::setPeriod(const QString& period)
{
    m_figuresWatcher.waitForFinished(); // programmatic use (command line, tests) waits
    figuresLoaded();
    const int i = period == m_project->currentPeriodLabel() ? 0 : m_periodBox->findData(period);
    if (i < 0) return false;
    m_periodBox->setCurrentIndex(i);
    return true;
}

bool MainWindow::setLevel(const QString& level)
{
    if (level == m_project->level()) return !level.isEmpty();
    if (!m_project->setLevel(level)) return false;
    m_updatingControls = true;
    m_levelBox->setCurrentIndex(std::max(0, m_levelBox->findData(level)));
    m_updatingControls = false;
    // The sheet and selection belonged to the other level's areas.
    m_canvas->setHighlight(nullptr, 0);
    m_canvas->setSelection(nullptr, {});
    m_sheet->clearArea();
    m_sheetAreas.reset();
    m_sheetFeatures.clear();
    m_identified.reset();
    applyThemeSelection();
    return true;
}

void MainWindow::applyThemeSelection()
{
    if (m_updatingControls || m_themeBox->count() == 0) return;
    updateIndicatorChoices(); // EB rates and trends exist per theme
    if (!m_periodBox->currentData().toString().isEmpty() && m_figuresWatcher.isRunning() &&
        m_figuresGeneration == m_projectGeneration) {
        statusBar()->showMessage(tr("Reading the figures per period..."));
        return; // figuresLoaded() applies the selection
    }
    m_project->showTheme(m_themeBox->currentData().toString(), m_indicatorBox->currentData().toString(),
                         m_periodBox->currentData().toString());
    m_sheet->setFocusTheme(m_themeBox->currentData().toString(), m_themeBox->currentText());
    layerSelectionChanged();
    if (m_identified && m_sheetFeatures.size() == 1)
        identifyAt(*m_identified); // the headline names the theme and its hot spot status
    else
        updateHourChart();
}

void MainWindow::setHourChartAllThemes(bool all)
{
    m_hourAllThemes->setChecked(all);
    updateHourChart();
}

void MainWindow::updateHourChart()
{
    const bool show = m_sheetAreas && !m_sheetFeatures.empty() && m_sheetAreas->kind == LayerKind::Areas;
    m_hourChart->setVisible(show);
    m_hourAllThemes->setVisible(show);
    if (!show) return;
    const bool all = m_hourAllThemes->isChecked() || m_themeBox->count() == 0;
    const QString theme = all ? qs(schema::kTotalTheme) : m_themeBox->currentData().toString();
    const auto& l = *m_sheetAreas;
    const int level = l.fieldIndex(qs(schema::field::level)), code = l.fieldIndex(qs(schema::field::code));
    HourOfWeek week;
    QString peak;
    const bool published = std::all_of(m_sheetFeatures.begin(), m_sheetFeatures.end(),
                                       [&](std::size_t f) { return m_project->hotTimesPublished(l.text(level, f)); });
    if (!m_project->timeOfDayKnown()) {
        week.state = HourOfWeek::State::NoTimeOfDay; // dates only: no hour of week to read
    } else if (!published) {
        // Extern scan without this level's rows: say so, and show the busiest hour, which is
        // published per area (peak_total; one area only, a selection has no single peak).
        week.state = HourOfWeek::State::NotPublished;
        const int peakField = l.fieldIndex(qs(schema::field::peakTotal));
        if (peakField >= 0 && m_sheetFeatures.size() == 1) peak = l.text(peakField, m_sheetFeatures.front());
    } else if (!m_project->hotTimesThemePublished(theme)) {
        // Extern: this level's total of all themes is published, a single theme is not.
        week.state = HourOfWeek::State::ThemeNotPublished;
        const int peakField = l.fieldIndex(qs(schema::field::peakTotal));
        if (peakField >= 0 && m_sheetFeatures.size() == 1) peak = l.text(peakField, m_sheetFeatures.front());
    } else if (const auto pending = m_project->pendingHotTimes()) {
        // First identify: read the table on a worker thread; the chart says so meanwhile.
        week.state = HourOfWeek::State::Loading;
        if (!m_hotTimesReading) {
            m_hotTimesReading = true;
            m_hotTimesGeneration = m_projectGeneration;
            m_hotTimesWatcher.setFuture(
                QtConcurrent::run([file = pending->first, layer = pending->second]() -> std::optional<HotTimesTable> {
                    try {
                        return HotTimesTable::load(file, layer);
                    } catch (const std::exception& e) {
                        qWarning("hour-of-week table not read: %s", e.what()); // the chart then says it has none
                        return std::nullopt;
                    }
                }));
        }
    } else if (const HotTimesTable* table = m_project->hotTimes()) {
        for (std::size_t f : m_sheetFeatures) week.add(table->week(l.text(level, f), l.text(code, f), theme));
    }
    // Why there is no grid, in the scan's own terms: nothing published (older extern scans, or an
    // empty levels list), or not at this level, and where the totals are published instead.
    QString why;
    if (week.state == HourOfWeek::State::NotPublished) {
        const auto& levels = m_project->hotTimesLevels();
        if (levels && levels->isEmpty()) {
            why = tr("Outside the police the hours of the week are not published.");
        } else {
            why = tr("The hours of the week are not published outside the police at this level.");
            if (levels)
                why += QLatin1Char(' ') +
                       tr("They are for the %1 (all themes together).").arg(levels->join(QStringLiteral(", ")));
        }
        if (m_project->hotTimesNoteIsSentence()) why += QLatin1Char(' ') + m_project->hotTimesNote();
    }
    const QString what = all ? tr("all themes") : m_themeBox->currentText();
    const QString period = m_project->currentPeriodLabel();
    m_hourChart->setWeek(
        week, period.isEmpty() ? tr("Hour of week: %1").arg(what) : tr("Hour of week: %1, %2").arg(what, period), peak,
        why);
}

int MainWindow::currentLayerRow() const
{
    const auto i = m_layerView->currentIndex();
    return i.isValid() ? i.row() : -1;
}

void MainWindow::layerSelectionChanged()
{
    const int r = currentLayerRow();
    if (r < 0) return;
    m_updatingControls = true;
    const auto& s = m_layers->style(r);
    const auto& d = m_layers->layer(r);
    m_opacity->setValue(static_cast<int>(std::lround(s.opacity * 100)));
    m_modeBox->setCurrentIndex(m_modeBox->findData(static_cast<int>(s.mode)));
    m_fieldBox->clear();
    for (const auto& f : d.fields)
        if (f.numeric || f.name == qs(schema::field::lisaQ) || f.name.startsWith(qs(schema::field::themeGiZ).left(3)))
            m_fieldBox->addItem(f.name); // numbers, and the text classes of Gi* and LISA
    m_fieldBox->setCurrentIndex(m_fieldBox->findText(s.field));
    // The method the map uses (an automatic choice may have replaced natural breaks).
    const auto& used = m_layers->symbology(r).classification;
    m_methodBox->setCurrentIndex(
        m_methodBox->findData(static_cast<int>(used.classCount() > 0 && s.autoMethod ? used.method : s.method)));
    m_classes->setValue(s.classes);
    QStringList b;
    QLocale plain; // no thousands separator: "1.000" would read back as 1
    plain.setNumberOptions(QLocale::OmitGroupSeparator);
    for (double x : s.manualBreaks) b << plain.toString(x, 'g', 10);
    m_breaks->setText(b.join(QStringLiteral("; ")));
    m_rampBox->setCurrentIndex(m_rampBox->findText(s.ramp));
    m_updatingControls = false;
}

void MainWindow::styleControlsChanged()
{
    const int r = currentLayerRow();
    if (r < 0 || m_updatingControls) return;
    LayerStyle s = m_layers->style(r);
    const auto mode = static_cast<StyleMode>(m_modeBox->currentData().toInt());
    const QString field = m_fieldBox->currentText();
    if (field != s.field) s.values.reset(); // period values belong to the theme field only
    s.mode = mode;
    s.field = field;
    const auto method = static_cast<ClassificationMethod>(m_methodBox->currentData().toInt());
    const auto shownMethod = m_layers->symbology(r).classification.method;
    s.autoMethod = s.autoMethod && method == shownMethod; // a method chosen by hand stays
    s.method = s.autoMethod ? s.method : method;
    s.classes = m_classes->value();
    s.manualBreaks.clear();
    // Breaks are separated by ';'. A decimal comma (Dutch) and a decimal point both work;
    // thousands separators are not accepted, so "1.5" is never read as 15.
    for (QString part : m_breaks->text().split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        part = part.trimmed().replace(QLatin1Char(','), QLatin1Char('.'));
        bool ok = false;
        const double x = QLocale::c().toDouble(part, &ok);
        if (ok) s.manualBreaks.push_back(x);
    }
    s.ramp = m_rampBox->currentText();
    // A theme choropleth keeps its title; other styles get the default one for the mode.
    const bool isThemeField = s.values || (r == m_project->areaRow() && field.startsWith(qs(schema::field::count)));
    m_layers->setStyle(r, s, isThemeField ? QString() : defaultLegendTitle(m_layers->layer(r), s));
}

void MainWindow::updateStatus(PointRd p)
{
    if (displayCrs() == u"EPSG:28992")
        m_rdLabel->setText(tr("RD %1, %2").arg(QLocale().toString(p.x, 'f', 0), QLocale().toString(p.y, 'f', 0)));
    else
        m_rdLabel->setText(QStringLiteral("%1: %2, %3")
                               .arg(displayCrs(), QLocale().toString(p.x, 'f', 0), QLocale().toString(p.y, 'f', 0)));
    if (m_toWgs84) {
        const PointRd w = m_toWgs84->transform(p);
        m_wgsLabel->setText(
            std::isnan(w.x)
                ? QString()
                : tr("WGS84 %1° N, %2° E").arg(QLocale().toString(w.y, 'f', 5), QLocale().toString(w.x, 'f', 5)));
    }
}

bool MainWindow::identifyAt(PointRd position)
{
    m_identified.reset();
    m_canvas->setSelection(nullptr, {});
    const double tol = 6 * m_canvas->view().metresPerPixel;
    m_attributes->setRowCount(0);
    // Top visible layer with a hit, skipping the internal incident points.
    for (int r = 0; r < m_layers->rowCount(); ++r) {
        const auto& st = m_layers->style(r);
        if (!st.visible || m_layers->layer(r).kind == LayerKind::Points || m_layers->layer(r).kind == LayerKind::Raster)
            continue;
        // Outline-only boundaries (higher levels) do not catch clicks: the areas beneath do.
        if (m_layers->layer(r).geometry == GeometryKind::Polygon && st.mode == StyleMode::Single &&
            st.fill.alpha() == 0)
            continue;
        const auto layer = m_layers->layerPtr(r);
        const auto hit = layer->featureAt(position, tol);
        if (!hit) continue;
        for (const auto& f : layer->fields) {
            const int row = m_attributes->rowCount();
            m_attributes->insertRow(row);
            m_attributes->setItem(row, 0, new QTableWidgetItem(f.name));
            const QString t = *hit < f.texts.size() ? f.texts[*hit] : QString();
            m_attributes->setItem(row, 1, new QTableWidgetItem(t.isNull() ? QStringLiteral("NULL") : t));
        }
        m_canvas->setHighlight(layer, *hit);
        showAccidents(layer, hit);
        // A hotspot or black spot on top of the areas: the sheet still shows the area beneath.
        const int areaRowIndex = m_project->areaRow();
        std::shared_ptr<const LayerData> areas = layer;
        std::optional<std::size_t> area = hit;
        if (layer->kind != LayerKind::Areas && areaRowIndex >= 0) {
            areas = m_layers->layerPtr(areaRowIndex);
            area = areas->featureAt(position, 0);
        }
        if (!area || areas->kind != LayerKind::Areas) {
            m_sheet->clearArea();
            m_headline->setText(layer->name);
            m_sheetAreas.reset();
            updateHourChart();
            return false;
        }
        // Hot spot status of the theme shown: the area's own Gi* class (every level has them),
        // else the hot spot layer's (of the finest level) under it.
        QString hotspot;
        const QString theme = m_themeBox->count() > 0 ? m_themeBox->currentData().toString() : QString();
        const bool total = theme.isEmpty() || theme == qs(schema::kTotalTheme);
        const auto statusOf = [&](const LayerData& h, std::size_t f) {
            const int labelField =
                h.fieldIndex(total ? qs(schema::field::giLabel) : themeField(schema::field::themeGiLabel, theme));
            const int binField =
                h.fieldIndex(total ? qs(schema::field::giBin) : themeField(schema::field::themeGiBin, theme));
            if (labelField < 0 && binField < 0) return QString();
            const QString label = h.text(labelField, f);
            const double bin = h.number(binField, f);
            const QString status = !label.isEmpty()  ? label
                                   : std::isnan(bin) ? QString()
                                                     : giBinLabel(static_cast<int>(bin));
            // "Niet significant" alone reads as if the change were meant: say it is the Gi* class.
            const QString named = status.isEmpty() || status.contains(QLatin1String("spot"), Qt::CaseInsensitive)
                                      ? status
                                      : QStringLiteral("Gi*: %1").arg(status.toLower());
            return named.isEmpty() || total ? named : QStringLiteral("%1 (%2)").arg(named, m_themeBox->currentText());
        };
        hotspot = statusOf(*areas, *area);
        const int hs = m_layers->findKind(LayerKind::Hotspots);
        if (hotspot.isEmpty() && hs >= 0 && m_project->finestLevelShown()) {
            const auto& h = m_layers->layer(hs);
            if (const auto hf = h.featureAt(areas->labelPoints[*area], 0)) hotspot = statusOf(h, *hf);
        }
        m_sheet->setArea(areas, *area,
                         m_project->themes().empty() ? ScanProject::themesOf(*areas) : m_project->themes(), hotspot);
        m_sheetAreas = areas;
        m_sheetFeatures = {*area};
        m_identified = position;
        fitSheetColumns();
        updateHourChart();
        return true;
    }
    m_canvas->setHighlight(nullptr, 0);
    m_sheet->clearArea();
    m_sheetAreas.reset();
    updateHourChart();
    showAccidents(nullptr, std::nullopt);
    return false;
}

bool MainWindow::toggleSelectionAt(PointRd position)
{
    const int row = m_project->areaRow();
    if (row < 0) return false;
    const auto areas = m_layers->layerPtr(row);
    const auto hit = areas->featureAt(position, 0);
    if (!hit) return false;
    std::vector<std::size_t> features =
        m_canvas->selectionLayer() == areas ? m_canvas->selection() : std::vector<std::size_t>{};
    // Click one area, Ctrl+click another: both are selected, as in GIS programs.
    if (features.empty() && m_sheetAreas == areas && m_sheetFeatures.size() == 1 && m_sheetFeatures.front() != *hit)
        features.push_back(m_sheetFeatures.front());
    if (const auto it = std::find(features.begin(), features.end(), *hit); it != features.end())
        features.erase(it);
    else
        features.push_back(*hit);
    showSelection(std::move(features));
    return true;
}

void MainWindow::clearSelection()
{
    m_canvas->setHighlight(nullptr, 0);
    showSelection({});
}

void MainWindow::showSelection(std::vector<std::size_t> features)
{
    const int row = m_project->areaRow();
    const auto areas = row >= 0 ? m_layers->layerPtr(row) : nullptr;
    m_canvas->setHighlight(nullptr, 0);
    m_canvas->setSelection(areas, features);
    showAccidents(nullptr, std::nullopt);
    m_attributes->setRowCount(0);
    if (!areas || features.empty()) {
        m_sheet->clearArea();
        m_sheetAreas.reset();
        m_sheetFeatures.clear();
    } else {
        m_sheet->setAreas(areas, features,
                          m_project->themes().empty() ? ScanProject::themesOf(*areas) : m_project->themes());
        m_sheetAreas = areas;
        m_sheetFeatures = std::move(features);
        fitSheetColumns();
    }
    m_identified.reset();
    updateHourChart();
}

void MainWindow::zoomToSelection()
{
    Envelope e;
    bool several = false;
    if (const auto& selected = m_canvas->selectionLayer()) {
        several = m_canvas->selection().size() > 1;
        for (std::size_t f : m_canvas->selection()) e.expand(selected->envelopes[f]);
    } else if (const auto [layer, feature] = m_canvas->highlight(); layer && feature < layer->featureCount()) {
        e = layer->envelopes[feature];
    }
    if (e.empty()) return;
    // Some context around the areas (more around a single one).
    const double pad = std::max(e.width(), e.height()) * (several ? 0.25 : 1.5) + 200;
    e.expand(PointRd{e.minX - pad, e.minY - pad});
    e.expand(PointRd{e.maxX + pad, e.maxY + pad});
    m_canvas->zoomToExtent(e);
}

void MainWindow::showAccidents(const std::shared_ptr<const LayerData>& layer, std::optional<std::size_t> feature)
{
    const bool show = layer && feature && layer->kind == LayerKind::BlackSpots;
    m_accidentChart->setVisible(show);
    if (!show) return;
    const AccidentTable* table = nullptr;
    try {
        table = m_project->accidents(layer->source);
    } catch (const std::exception& e) {
        qWarning("accidents table not read: %s", e.what()); // the chart then shows totals per year
    }
    const AccidentsByYear byYear = table ? table->forSpot(*layer, *feature) : accidentsFromFields(*layer, *feature);
    const QString kind = layer->text(layer->fieldIndex(qs(schema::field::spotKind)), *feature);
    const QString street = layer->text(layer->fieldIndex(qs(schema::field::street)), *feature);
    QString title = tr("Accidents per year and severity");
    if (!kind.isEmpty() || !street.isEmpty())
        title += QStringLiteral(": ") + QStringList{kind, street}.join(QLatin1Char(' ')).trimmed();
    m_accidentChart->setAccidents(byYear, title);
}

void MainWindow::addRasterValues(PointRd position)
{
    // Heatmap values under the click go to the attributes tab (density with its unit).
    for (int r = 0; r < m_layers->rowCount(); ++r) {
        const auto& l = m_layers->layer(r);
        if (!m_layers->style(r).visible || !l.raster) continue;
        const auto& b = *l.raster;
        const double col = (position.x - b.minX) / b.cellWidth, row = (b.maxY - position.y) / b.cellHeight;
        if (col < 0 || row < 0 || col >= b.width || row >= b.height) continue;
        const float v =
            b.values[static_cast<std::size_t>(row) * static_cast<std::size_t>(b.width) + static_cast<std::size_t>(col)];
        const int at = m_attributes->rowCount();
        m_attributes->insertRow(at);
        m_attributes->setItem(at, 0, new QTableWidgetItem(l.name));
        m_attributes->setItem(at, 1,
                              new QTableWidgetItem(std::isnan(v)
                                                       ? QStringLiteral("NULL")
                                                       : QStringLiteral("%1 %2").arg(QLocale().toString(v, 'f', 2),
                                                                                     QString::fromStdString(b.unit))));
    }
}

void MainWindow::handleClick(PointRd position)
{
    if (m_canvas->tool() == MapCanvas::Tool::Identify) {
        identifyAt(position);
        addRasterValues(position);
        return;
    }
    if (m_canvas->tool() != MapCanvas::Tool::PlaceAol) return; // Move AOL: a click moves nothing
    AolCandidate c;
    c.position = position;
    c.area = areaLabelAt(position);
    c.theme = m_themeBox->currentText();
    const int row = m_aol->addCandidate(c);
    m_aolView->setCurrentIndex(m_aol->index(row, AolModel::Reason));
}

QString MainWindow::areaLabelAt(PointRd p) const
{
    const int ar = m_project->areaRow();
    if (ar < 0) return {};
    const auto& a = m_layers->layer(ar);
    const auto f = a.featureAt(p, 0);
    if (!f) return {};
    QString code = a.text(a.fieldIndex(qs(schema::field::code)), *f);
    QString name = a.text(a.fieldIndex(qs(schema::field::name)), *f);
    if (code.isNull()) code = a.text(a.fieldIndex(qs(kCbsCode)), *f);
    if (name.isNull()) name = a.text(a.fieldIndex(qs(kCbsName)), *f);
    return QStringLiteral("%1 %2").arg(code, name).trimmed();
}

bool MainWindow::moveAol(int row, PointRd position)
{
    return m_aol->moveCandidate(row, position, areaLabelAt(position));
}

bool MainWindow::removeAol(int row)
{
    return m_aol->removeRows(row, 1);
}

int MainWindow::suggestAol(int count)
{
    const int ranked = suggestRankedAol(count);
    return ranked + suggestSurveyAol(count);
}

int MainWindow::suggestSurveyAol(int count)
{
    // scan --survey marks areas where the objective rate and the survey's score are both high
    // (aol_survey = 1). Beside a wijk survey every buurt carries its wijk's mark (survey_code):
    // one candidate per survey area, placed in that area when its level is open.
    const int ar = m_project->areaRow();
    if (ar < 0 || count <= 0) return 0;
    const LayerData& a = m_layers->layer(ar);
    const int aol = a.fieldIndex(qs(schema::field::surveyAol));
    if (aol < 0) return 0;
    const int surveyCode = a.fieldIndex(qs(schema::field::surveyCode));
    const int surveyLevel = a.fieldIndex(qs(schema::field::surveyLevel));
    const int code = a.fieldIndex(qs(schema::field::code)), name = a.fieldIndex(qs(schema::field::name));
    const int total = a.fieldIndex(themeField(schema::field::count, qs(schema::kTotalTheme)));
    const QString prefix = qs(schema::field::surveyQuadrant);
    const QString both = QStringLiteral("objectief hoog, subjectief hoog");
    struct Pick {
        const LayerData* layer;
        std::size_t feature;
        QString code, label, indicators;
        double objective;
    };
    std::vector<Pick> picks;
    QSet<QString> seen;
    for (std::size_t f = 0; f < a.featureCount(); ++f) {
        if (!(a.number(aol, f) >= 1)) continue;
        QString key = surveyCode >= 0 ? a.text(surveyCode, f) : QString();
        if (key.isEmpty()) key = a.text(code, f);
        if (seen.contains(key)) continue;
        seen.insert(key);
        Pick p{&a, f, key, QString(), QString(), total >= 0 ? a.number(total, f) : 0.0};
        // The survey area itself when its level is open (a wijk beside the buurten).
        const QString level = surveyLevel >= 0 ? a.text(surveyLevel, f) : QString();
        for (const auto& l : m_project->levels()) {
            if (l.level != level || l.layer.get() == &a) continue;
            const int lc = l.layer->fieldIndex(qs(schema::field::code));
            for (std::size_t g = 0; lc >= 0 && g < l.layer->featureCount(); ++g)
                if (l.layer->text(lc, g) == key) {
                    p.layer = l.layer.get();
                    p.feature = g;
                    const int lt = l.layer->fieldIndex(themeField(schema::field::count, qs(schema::kTotalTheme)));
                    if (lt >= 0) p.objective = l.layer->number(lt, g);
                }
        }
        const int pn = p.layer->fieldIndex(qs(schema::field::name));
        const QString areaName = pn >= 0 ? p.layer->text(pn, p.feature) : (name >= 0 ? a.text(name, f) : QString());
        p.label = areaName.isEmpty() || areaName == key ? key : QStringLiteral("%1 %2").arg(key, areaName);
        QStringList indicators;
        for (const auto& field : a.fields)
            if (field.name.startsWith(prefix) && a.text(a.fieldIndex(field.name), f) == both)
                indicators << field.name.mid(prefix.size());
        p.indicators = indicators.join(QStringLiteral(", "));
        if (std::isnan(p.objective)) p.objective = 0;
        picks.push_back(std::move(p));
    }
    std::stable_sort(picks.begin(), picks.end(),
                     [](const Pick& x, const Pick& y) { return x.objective > y.objective; });
    QSet<QString> listed;
    for (const auto& c : m_aol->candidates()) listed.insert(c.area);
    int added = 0;
    for (const auto& p : picks) {
        if (added >= count) break;
        if (listed.contains(p.label)) continue;
        AolCandidate c;
        c.position = p.layer->labelPoints[p.feature];
        c.area = p.label;
        c.theme = tr("Survey");
        c.reason = p.indicators.isEmpty() ? tr("survey: objective and subjective both high")
                                          : tr("survey: objective and subjective both high (%1)").arg(p.indicators);
        m_aol->addCandidate(c);
        ++added;
    }
    return added;
}

int MainWindow::suggestRankedAol(int count)
{
    struct Pick {
        std::size_t feature;
        double key; // larger is better
    };
    const auto farFromAll = [&](const PointRd& p, const std::vector<PointRd>& taken, double distance) {
        for (const auto& t : taken)
            if (std::hypot(t.x - p.x, t.y - p.y) < distance) return false;
        return true;
    };
    std::vector<PointRd> taken;
    for (const auto& c : m_aol->candidates()) taken.push_back(c.position);
    const auto areaName = [&](const PointRd& p) {
        const int ar = m_project->areaRow();
        if (ar < 0) return QString();
        const auto& a = m_layers->layer(ar);
        const auto f = a.featureAt(p, 0);
        if (!f) return QString();
        const QString code = a.text(a.fieldIndex(qs(schema::field::code)), *f);
        const QString name = a.text(a.fieldIndex(qs(schema::field::name)), *f);
        return name.isEmpty() || name == code ? code : QStringLiteral("%1 %2").arg(code, name);
    };
    const auto addPicks = [&](const LayerData& l, std::vector<Pick> picks, double minDistance, const QString& theme,
                              const std::function<QString(std::size_t)>& reason) {
        std::sort(picks.begin(), picks.end(), [](const Pick& a, const Pick& b) { return a.key > b.key; });
        int added = 0;
        for (const auto& pick : picks) {
            if (added >= count) break;
            const PointRd p = l.labelPoints[pick.feature];
            if (!farFromAll(p, taken, minDistance)) continue;
            AolCandidate c;
            c.position = p;
            c.area = areaName(p);
            c.theme = theme;
            c.reason = reason(pick.feature);
            m_aol->addCandidate(c);
            taken.push_back(p);
            ++added;
        }
        return added;
    };
    const QLocale loc;
    for (int r = 0; r < m_layers->rowCount(); ++r) {
        const auto& l = m_layers->layer(r);
        if (l.kind != LayerKind::BlackSpots || l.geometry != GeometryKind::Point) continue;
        const int meets = l.fieldIndex(qs(schema::field::meets)), score = l.fieldIndex(qs(schema::field::score));
        std::vector<Pick> picks;
        for (std::size_t f = 0; f < l.featureCount(); ++f)
            if (meets < 0 || l.number(meets, f) > 0)
                picks.push_back({f, std::isnan(l.number(score, f)) ? 0 : l.number(score, f)});
        if (picks.empty()) continue;
        return addPicks(l, picks, 100, QStringLiteral("4.1 Verkeersveiligheid"), [&](std::size_t f) {
            return tr("black spot, score %1").arg(loc.toString(l.number(score, f), 'f', 0));
        });
    }
    const int hs = m_layers->findKind(LayerKind::Hotspots);
    if (hs >= 0) {
        // The theme shown: its own bins (gi_bin_<theme>); z only where published (internal
        // scans), else the bins alone rank, the area's count of the theme breaking ties.
        const auto& l = m_layers->layer(hs);
        const QString theme = m_themeBox->count() > 0 ? m_themeBox->currentData().toString() : QString();
        const bool total = theme.isEmpty() || theme == qs(schema::kTotalTheme);
        const int z = l.fieldIndex(total ? qs(schema::field::giZ) : themeField(schema::field::themeGiZ, theme));
        const int bin = l.fieldIndex(total ? qs(schema::field::giBin) : themeField(schema::field::themeGiBin, theme));
        const int ar = m_project->areaRow();
        const auto countAt = [&](const PointRd& p) {
            if (ar < 0) return 0.0;
            const auto& a = m_layers->layer(ar);
            const auto f = a.featureAt(p, 0);
            const double n =
                f ? a.number(a.fieldIndex(themeField(schema::field::count, total ? qs(schema::kTotalTheme) : theme)),
                             *f)
                  : 0.0;
            return std::isnan(n) ? 0.0 : n;
        };
        std::vector<Pick> picks;
        for (std::size_t f = 0; bin >= 0 && f < l.featureCount(); ++f)
            if (l.number(bin, f) >= 3)
                picks.push_back({f, std::isnan(l.number(z, f)) ? 1e6 + countAt(l.labelPoints[f]) : l.number(z, f)});
        if (!picks.empty())
            return addPicks(l, picks, 1500, m_themeBox->currentText(), [&](std::size_t f) {
                return std::isnan(l.number(z, f))
                           ? tr("hot spot 99%")
                           : tr("hot spot 99%, Gi* z = %1").arg(loc.toString(l.number(z, f), 'f', 1));
            });
    }
    const int ar = m_project->areaRow();
    if (ar < 0 || m_themeBox->count() == 0) return 0;
    const auto& a = m_layers->layer(ar);
    const int field = a.fieldIndex(themeField(schema::field::count, m_themeBox->currentData().toString()));
    std::vector<Pick> picks;
    for (std::size_t f = 0; f < a.featureCount(); ++f)
        if (a.number(field, f) > 0) picks.push_back({f, a.number(field, f)});
    return addPicks(a, picks, 0, m_themeBox->currentText(), [&](std::size_t f) {
        return tr("%1 registrations (current period)").arg(loc.toString(a.number(field, f), 'f', 0));
    });
}

void MainWindow::saveAol()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Save AOL list in folder"), m_project->folder());
    if (dir.isEmpty()) return;
    try {
        m_aol->save(dir);
        statusBar()->showMessage(tr("AOL list saved: aol.gpkg, aol.shp, aol.csv in %1").arg(dir), 8000);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("AOL"), tr("Saving failed:\n%1").arg(QString::fromUtf8(e.what())));
    }
}

void MainWindow::loadAol()
{
    const QString f =
        QFileDialog::getOpenFileName(this, tr("Load AOL list"), m_project->folder(), tr("AOL list (*.gpkg *.shp)"));
    if (f.isEmpty()) return;
    try {
        m_aol->load(f);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("AOL"), tr("Loading failed:\n%1").arg(QString::fromUtf8(e.what())));
    }
}

Composition MainWindow::composition() const
{
    Composition c;
    const int ar = m_project->areaRow();
    const bool choropleth = ar >= 0 && m_layers->style(ar).visible && m_layers->style(ar).mode == StyleMode::Choropleth;
    const bool trend = ar >= 0 && m_layers->style(ar).visible && m_layers->style(ar).mode == StyleMode::Trend;
    if (trend && m_themeBox->count() > 0) {
        c.title = tr("Gebiedscan: %1").arg(m_themeBox->currentText());
        c.subtitle = m_indicatorBox->currentText();
    } else if (choropleth && m_themeBox->count() > 0) {
        c.title = tr("Gebiedscan: %1").arg(m_themeBox->currentText());
        const auto m = m_layers->symbology(ar).classification.classCount() > 0
                           ? m_layers->symbology(ar).classification.method
                           : m_layers->style(ar).method;
        const QString indicator = m_periodBox->currentData().toString().isEmpty()
                                      ? m_indicatorBox->currentText()
                                      : tr("Registrations %1").arg(m_periodBox->currentData().toString());
        c.subtitle =
            QStringLiteral("%1 · %2").arg(indicator, m_methodBox->itemText(m_methodBox->findData(static_cast<int>(m))));
    } else {
        // Otherwise the top thematic layer names the map (hot spots, black spots, ...).
        c.title = tr("Gebiedscan");
        for (int r = 0; r < m_layers->rowCount(); ++r) {
            const auto& st = m_layers->style(r);
            if (st.visible && st.mode != StyleMode::Single) {
                c.title = m_layers->symbology(r).legend.title;
                break;
            }
        }
    }
    c.footer = creditsFooter();
    c.legends = m_layers->legends();
    c.aol = m_aol->markers();
    return c;
}

QString MainWindow::creditsFooter() const
{
    // Per layer on the map what its file says about its origin (pipeline source_credit: the
    // `bron` item), else what summary.json says about the scan's sources, else "bron onbekend":
    // never a fixed "CBS, Kadaster" under Chicago tracts or synthetic points.
    QStringList credits, basemaps, notes;
    const auto add = [](QStringList& list, const QString& item) {
        if (!item.isEmpty() && !list.contains(item)) list << item;
    };
    const QString scanFile = QDir(m_project->folder()).filePath(QStringLiteral("gebiedscan.gpkg"));
    for (int r = m_layers->rowCount() - 1; r >= 0; --r) { // bottom first, as drawn
        if (!m_layers->style(r).visible) continue;
        const LayerData& l = m_layers->layer(r);
        if (l.kind == LayerKind::Basemap) {
            add(basemaps, l.name);
            continue;
        }
        if (!l.credit.isEmpty()) {
            for (const QString& part : l.credit.split(QStringLiteral("; "), Qt::SkipEmptyParts)) add(credits, part);
        } else if (!m_project->sources().empty() && QFileInfo(l.source) == QFileInfo(scanFile)) {
            for (const auto& src : m_project->sources())
                add(credits, QStringLiteral("%1: %2").arg(src.role, src.credit));
        } else {
            // Older folders and loose files: the pipeline's own recognition on what the layer
            // holds (CBS area codes, BRON or NWB fields), else "bron onbekend".
            pipeline::SourceFacts facts;
            facts.layerName = l.sourceLayer.toStdString();
            for (const auto& f : l.fields) facts.fieldNames.push_back(f.name.toStdString());
            int code = l.fieldIndex(qs(schema::field::code));
            if (code < 0) code = l.fieldIndex(qs(kCbsCode));
            for (std::size_t f = 0; code >= 0 && f < std::min<std::size_t>(l.featureCount(), 50); ++f)
                facts.sampleCodes.push_back(l.text(code, f).toStdString());
            const bool areas = l.kind == LayerKind::Areas || l.kind == LayerKind::Hotspots;
            const bool roads = l.kind == LayerKind::Lines || l.geometry == GeometryKind::Line;
            const auto record = pipeline::recogniseSource(areas   ? pipeline::source_role::areas
                                                          : roads ? pipeline::source_role::roads
                                                                  : pipeline::source_role::incidents,
                                                          facts);
            add(credits, record.credit == pipeline::credit::unknown
                             ? tr("%1: source unknown").arg(l.name)
                             : QStringLiteral("%1: %2").arg(QString::fromUtf8(record.role),
                                                            QString::fromStdString(record.credit)));
        }
        if (m_project->sourceNote().isEmpty()) { // loose layers: their own period and protection
            add(notes, l.period.isEmpty() ? QString() : tr("Period %1").arg(l.period));
            add(notes, l.protection.section(QLatin1Char(';'), 0, 0).trimmed());
        }
    }
    QStringList footer;
    if (!m_project->sourceNote().isEmpty()) footer << m_project->sourceNote();
    footer << notes;
    if (!credits.isEmpty()) footer << tr("Sources: %1").arg(credits.join(QStringLiteral("; ")));
    if (!basemaps.isEmpty()) footer << tr("Basemap: %1").arg(basemaps.join(QStringLiteral(", ")));
    if (displayCrs() != u"EPSG:28992") footer << tr("Map in %1").arg(displayCrs());
    return footer.join(QStringLiteral(" · "));
}

bool MainWindow::exportSheetCsv(const QString& file) const
{
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    // UTF-8 with a byte order mark: Excel reads "geheim" and "coördinaten" right then.
    out.write("\xEF\xBB\xBF");
    out.write(m_sheet->toCsv().toUtf8());
    return out.flush();
}

bool MainWindow::exportSheetPng(const QString& file)
{
    // The sheet as shown (headline and table), at least as wide as the table's columns.
    QWidget* panel = m_sheetView->parentWidget();
    return panel->grab().save(file, "PNG");
}

void MainWindow::fitSheetColumns()
{
    // Veld headers span the sheet: their names are longer than the theme column.
    m_sheetView->clearSpans();
    for (int r = 0; r < m_sheet->rowCount(); ++r)
        if (m_sheet->isGroupRow(r)) m_sheetView->setSpan(r, 0, 1, AreaSheetModel::ColumnCount);
    for (int c = 0; c < m_sheet->columnCount(); ++c) {
        bool filled = c == AreaSheetModel::Theme || c == AreaSheetModel::Current;
        for (int r = 0; r < m_sheet->rowCount() && !filled; ++r)
            filled = !m_sheet->index(r, c).data().toString().isEmpty();
        m_sheetView->setColumnHidden(c, !filled);
    }
    // Text columns: as wide as their longest word (short texts such as "p < 0.01" whole), so
    // the theme column keeps the room to show its names.
    const QFontMetrics fm(m_sheetView->font());
    const int pad = 2 * m_sheetView->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_sheetView) + 8;
    for (int c : {int(AreaSheetModel::Significance), int(AreaSheetModel::Trend), int(AreaSheetModel::Hotspot)}) {
        const auto need = [&](const QString& text) {
            const int whole = fm.horizontalAdvance(text);
            if (whole <= fm.averageCharWidth() * 10) return whole;
            int word = 0;
            for (const auto& w : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                word = std::max(word, fm.horizontalAdvance(w));
            return word;
        };
        int width = need(m_sheet->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
        for (int r = 0; r < m_sheet->rowCount(); ++r)
            if (!m_sheet->isGroupRow(r)) width = std::max(width, need(m_sheet->index(r, c).data().toString()));
        m_sheetView->horizontalHeader()->setSectionResizeMode(c, QHeaderView::Fixed);
        m_sheetView->setColumnWidth(c, width + pad);
    }
}

QImage MainWindow::renderSheet(QSize size, double scale) const
{
    // The print layout (legend beside the map, footer that fits), fitted to the data.
    const PrintLayout layout(QSizeF(size), composition());
    return layout.render(m_layers->snapshots(), m_layers->homeExtent(), scale);
}

PrintLayout MainWindow::printLayout(QSizeF size) const
{
    return PrintLayout(size, composition());
}

bool MainWindow::exportPng(const QString& file, int dpi)
{
    // The view's own size: what is on screen, with the sheet's furniture around it.
    return exportPng(file, dpi, QSizeF(m_canvas->view().size), std::nullopt);
}

bool MainWindow::exportPng(const QString& file, int dpi, const PaperFormat& paper,
                           const std::optional<Envelope>& extent)
{
    return exportPng(file, dpi, paper.logicalSize(), extent);
}

bool MainWindow::exportPng(const QString& file, int dpi, QSizeF logical, const std::optional<Envelope>& extent)
{
    const double scale = dpi / 96.0;
    const PrintLayout layout = printLayout(logical);
    QImage img(static_cast<int>(std::ceil(logical.width() * scale)),
               static_cast<int>(std::ceil(logical.height() * scale)), QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::white);
    QPainter p(&img);
    // The part of the map on screen, fitted into the sheet's map frame.
    layout.paint(p, QPointF(0, 0), m_layers->snapshots(), layout.viewFor(extent.value_or(m_canvas->view().extent())),
                 scale);
    p.end();
    img.setDotsPerMeterX(static_cast<int>(std::lround(dpi / 0.0254)));
    img.setDotsPerMeterY(static_cast<int>(std::lround(dpi / 0.0254)));
    img.setText(QStringLiteral("Source"), composition().footer);
    return img.save(file, "PNG");
}

bool MainWindow::exportPdf(const QString& file, const PaperFormat& paper, const std::optional<Envelope>& extent)
{
    QPdfWriter pdf(file);
    pdf.setPageLayout(paper.pageLayout());
    pdf.setResolution(300);
    pdf.setTitle(composition().title);
    pdf.setCreator(QStringLiteral("gebiedscan-viewer"));
    QPainter p;
    if (!p.begin(&pdf)) return false;
    // The print layout on the page: map at 300 dpi, title, legend, scale bar and footer as vector.
    const double scale = 300.0 / 96.0;
    const QRect page = pdf.pageLayout().paintRectPixels(300);
    const PrintLayout layout = printLayout(QSizeF(page.width() / scale, page.height() / scale));
    layout.paint(p, QPointF(0, 0), m_layers->snapshots(), layout.viewFor(extent.value_or(m_canvas->view().extent())),
                 scale);
    return p.end();
}

} // namespace gebiedscan::viewer
