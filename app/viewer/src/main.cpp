// gebiedscan-viewer: map viewer for gebiedscan results. See viewer_cli.hpp for the options.
#include "viewer_cli.hpp"

#include <QApplication>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {
const char* const kUsage =
    "usage: gebiedscan-viewer [FOLDER|LAYER...] [--screenshot FILE.png --size WxH [--scale S] [--window]]\n"
    "                         [--theme ID] [--indicator n|rate|change_pct] [--period P] [--show LAYER,...]\n"
    "                         [--identify X,Y] [--select X,Y;X,Y...] [--suggest-aol N] [--lang nl|en]\n"
    "FOLDER: a scan output folder; LAYER: any vector file GDAL reads, a GeoTIFF or a basemap (RGB GeoTIFF,\n"
    "MBTiles, GeoPackage tiles). X,Y in RD New metres. See app/viewer/README.md.\n";
} // namespace

int main(int argc, char** argv)
{
    // Help needs no display.
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::fputs(kUsage, stdout);
            return 0;
        }

    // Screenshots must work without a display (CI, reports): fall back to the offscreen platform.
    bool screenshot = false;
    for (int i = 1; i < argc; ++i) screenshot = screenshot || std::strcmp(argv[i], "--screenshot") == 0;
    if (screenshot && !std::getenv("QT_QPA_PLATFORM") && !std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("gebiedscan-viewer"));
    QApplication::setOrganizationName(QStringLiteral("gebiedscan"));
    QString error;
    const auto options = gebiedscan::viewer::parseViewerArguments(QApplication::arguments().mid(1), &error);
    if (!options) {
        std::fprintf(stderr, "gebiedscan-viewer: %s\n%s", qPrintable(error), kUsage);
        return 2;
    }
    gebiedscan::viewer::installTranslation(app, options->language);
    try {
        return gebiedscan::viewer::runViewer(app, *options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gebiedscan-viewer: %s\n", e.what());
        return 1;
    }
}
