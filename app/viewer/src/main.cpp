// gebiedscan-viewer: map viewer for gebiedscan results. See viewer_cli.hpp for the options.
#include "private_runtime_dir.hpp"
#include "viewer_cli.hpp"

#include <QApplication>

#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char** argv)
{
    // Help needs no display; Dutch unless --lang en or GEBIEDSCAN_LANG=en.
    const QString language = gebiedscan::viewer::languageFromArguments(argc, argv);
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::fputs(gebiedscan::viewer::usageText(language).toUtf8().constData(), stdout);
            return 0;
        }

    // Screenshots must work without a display (CI, reports): fall back to the offscreen platform.
    bool screenshot = false;
    for (int i = 1; i < argc; ++i) screenshot = screenshot || std::strcmp(argv[i], "--screenshot") == 0;
    if (screenshot && !std::getenv("QT_QPA_PLATFORM") && !std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    // Before the application, destroyed after it: no "XDG_RUNTIME_DIR not set" outside a session.
    const gebiedscan::viewer::PrivateRuntimeDir runtimeDir;
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("gebiedscan-viewer"));
    QApplication::setOrganizationName(QStringLiteral("gebiedscan"));
    // Messages about the command line in the interface language too.
    gebiedscan::viewer::installTranslation(app, language == u"en" ? language : QStringLiteral("nl"));
    QString error;
    const auto options = gebiedscan::viewer::parseViewerArguments(QApplication::arguments().mid(1), &error);
    if (!options) {
        std::fprintf(stderr, "gebiedscan-viewer: %s\n%s", qPrintable(error),
                     gebiedscan::viewer::usageText(language).toUtf8().constData());
        return 2;
    }
    if (options->language != language) gebiedscan::viewer::installTranslation(app, options->language);
    try {
        return gebiedscan::viewer::runViewer(app, *options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gebiedscan-viewer: %s\n", e.what());
        return 1;
    }
}
