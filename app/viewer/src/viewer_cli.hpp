#pragma once
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

class QApplication;

namespace gebiedscan::viewer {

/// Command line of gebiedscan-viewer:
/// `gebiedscan-viewer [FOLDER|LAYER...] [--screenshot FILE.png --size WxH] [--theme T]
///  [--indicator n|rate|change_pct] [--period P] [--lang nl|en] [--window] [--identify X,Y] [--select X,Y;X,Y...] [--show LAYER,...] [--suggest-aol N]`.
struct ViewerOptions {
    QStringList inputs;
    QString screenshot;
    QSize size{1600, 1000};
    QString theme, indicator, period;
    QString crs;        ///< --crs: the CRS to draw in (EPSG:32631 ...); empty: RD New or the data's UTM zone
    QString level;      ///< --level: the scan level to show (wijk, gemeente); empty: the finest
    QStringList show;   ///< --show: layers to make visible (e.g. hotspots)
    int suggestAol = 0; ///< --suggest-aol N: add N AOL candidates from the rankings
    QString language = QStringLiteral("nl");
    bool timing = false; ///< --timing: phase times to stderr (bench/viewer/open_demo_bench.sh)
    bool window = false; ///< screenshot of the whole window instead of the map sheet
    std::optional<std::pair<double, double>> identify; ///< RD x,y to identify before the screenshot
    std::vector<std::pair<double, double>> select;     ///< --select: RD x,y of areas to select (window zooms to them)
    double scale = 1.0;                                ///< device pixels per logical pixel for the screenshot
    QString print; ///< --print FILE.pdf|FILE.png: the File > Export of the view fitted to the data
    QString paper = QStringLiteral("a4"); ///< --paper a4|a3
    bool portrait = false;                ///< --portrait (default landscape)
    int dpi = 300;                        ///< --dpi for a --print PNG
};

/// The --help text in `language` ("nl" default, "en").
[[nodiscard]] QString usageText(const QString& language);
/// The language of the interface: --lang, else GEBIEDSCAN_LANG, else Dutch.
[[nodiscard]] QString languageFromArguments(int argc, char** argv);

/// Parses arguments (without the program name). Returns nullopt and sets `error` on bad input.
[[nodiscard]] std::optional<ViewerOptions> parseViewerArguments(const QStringList& args, QString* error);

/// Installs the translator for "nl" (default) or "en" from the resources (:/i18n).
/// Returns false when the language is unknown.
bool installTranslation(QApplication& app, const QString& language);

/// Runs the viewer: with a screenshot option renders and exits (no display needed), else
/// shows the window. Returns the process exit code.
int runViewer(QApplication& app, const ViewerOptions& options);

} // namespace gebiedscan::viewer
