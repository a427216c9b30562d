// gebiedscan-viewer: map viewer for gebiedscan results. See viewer_cli.hpp for the options.
#include "viewer_cli.hpp"

#include <QApplication>

#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char** argv)
{
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
        std::fprintf(stderr, "gebiedscan-viewer: %s\nusage: gebiedscan-viewer [FOLDER|LAYER...] [--screenshot FILE.png --size WxH] "
                             "[--theme T] [--indicator n|rate|change_pct] [--period P] [--lang nl|en] [--window] [--identify X,Y] [--show LAYER,...] [--suggest-aol N]\n",
                     qPrintable(error));
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
