#include "viewer_cli.hpp"

#include "main_window.hpp"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

namespace gebiedscan::viewer {

std::optional<ViewerOptions> parseViewerArguments(const QStringList& args, QString* error)
{
    ViewerOptions o;
    const auto fail = [&](const QString& msg) {
        if (error) *error = msg;
        return std::optional<ViewerOptions>();
    };
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args[i];
        const auto value = [&](QString* out) {
            if (i + 1 >= args.size()) return false;
            *out = args[++i];
            return true;
        };
        QString v;
        if (a == u"--screenshot") {
            if (!value(&o.screenshot)) return fail(QStringLiteral("--screenshot needs a file name"));
        } else if (a == u"--size") {
            if (!value(&v)) return fail(QStringLiteral("--size needs WxH"));
            const auto parts = v.split(QLatin1Char('x'));
            bool okW = false, okH = false;
            if (parts.size() == 2) o.size = QSize(parts[0].toInt(&okW), parts[1].toInt(&okH));
            if (!okW || !okH || o.size.width() < 100 || o.size.height() < 100 || o.size.width() > 20000 ||
                o.size.height() > 20000)
                return fail(QStringLiteral("--size must be WxH, e.g. 1600x1000 (100..20000 pixels)"));
        } else if (a == u"--scale") {
            if (!value(&v)) return fail(QStringLiteral("--scale needs a number"));
            bool ok = false;
            o.scale = v.toDouble(&ok);
            if (!ok || o.scale < 0.5 || o.scale > 8) return fail(QStringLiteral("--scale must be between 0.5 and 8"));
        } else if (a == u"--theme") {
            if (!value(&o.theme)) return fail(QStringLiteral("--theme needs a theme id"));
        } else if (a == u"--indicator") {
            if (!value(&o.indicator) ||
                !(o.indicator == u"n" || o.indicator == u"rate" || o.indicator == u"change_pct"))
                return fail(QStringLiteral("--indicator must be n, rate or change_pct"));
        } else if (a == u"--period") {
            if (!value(&o.period)) return fail(QStringLiteral("--period needs a period"));
        } else if (a == u"--lang") {
            if (!value(&o.language) || !(o.language == u"nl" || o.language == u"en"))
                return fail(QStringLiteral("--lang must be nl or en"));
        } else if (a == u"--identify") {
            if (!value(&v)) return fail(QStringLiteral("--identify needs X,Y in RD metres"));
            const auto parts = v.split(QLatin1Char(','));
            bool okX = false, okY = false;
            if (parts.size() == 2) o.identify = std::make_pair(parts[0].toDouble(&okX), parts[1].toDouble(&okY));
            if (!okX || !okY) return fail(QStringLiteral("--identify needs X,Y in RD metres, e.g. 233500,557000"));
        } else if (a == u"--show") {
            if (!value(&v)) return fail(QStringLiteral("--show needs layer names, e.g. hotspots"));
            o.show = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else if (a == u"--suggest-aol") {
            bool ok = false;
            if (value(&v)) o.suggestAol = v.toInt(&ok);
            if (!ok || o.suggestAol < 1 || o.suggestAol > 100)
                return fail(QStringLiteral("--suggest-aol needs a number 1..100"));
        } else if (a == u"--select") {
            if (!value(&v)) return fail(QStringLiteral("--select needs X,Y;X,Y... in RD metres"));
            for (const QString& point : v.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
                const auto parts = point.split(QLatin1Char(','));
                bool okX = false, okY = false;
                if (parts.size() == 2) o.select.emplace_back(parts[0].toDouble(&okX), parts[1].toDouble(&okY));
                if (!okX || !okY)
                    return fail(
                        QStringLiteral("--select needs X,Y;X,Y... in RD metres, e.g. 233500,557000;240000,555000"));
            }
        } else if (a == u"--window") {
            o.window = true;
        } else if (a.startsWith(QLatin1String("--"))) {
            return fail(QStringLiteral("unknown option %1").arg(a));
        } else {
            o.inputs << a;
        }
    }
    if (!o.screenshot.isEmpty() && o.inputs.isEmpty())
        return fail(QStringLiteral("--screenshot needs a folder or layer to show"));
    return o;
}

bool installTranslation(QApplication& app, const QString& language)
{
    // Numbers follow the UI language: "1.234,5" in Dutch.
    QLocale::setDefault(QLocale(language == u"en" ? QLocale::English : QLocale::Dutch,
                                language == u"en" ? QLocale::UnitedKingdom : QLocale::Netherlands));
    auto* own = new QTranslator(&app);
    if (!own->load(QStringLiteral(":/i18n/gebiedscan_viewer_%1.qm").arg(language))) return false;
    app.installTranslator(own);
    auto* qt = new QTranslator(&app); // Qt's own dialogs (file dialogs, buttons)
    if (qt->load(QStringLiteral("qtbase_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    return true;
}

int runViewer(QApplication& app, const ViewerOptions& o)
{
    MainWindow window;
    const bool headless = !o.screenshot.isEmpty();
    for (const auto& in : o.inputs)
        if (!window.openPath(in, headless)) return 2;
    if (!o.theme.isEmpty() && !window.setTheme(o.theme)) {
        std::fprintf(stderr, "gebiedscan-viewer: no theme '%s' in the data\n", qPrintable(o.theme));
        return 2;
    }
    if (!o.indicator.isEmpty()) window.setIndicator(o.indicator);
    if (!o.period.isEmpty()) window.setPeriod(o.period);
    if (!o.show.isEmpty()) window.showLayers(o.show);
    if (o.suggestAol > 0) window.suggestAol(o.suggestAol);
    if (o.identify) window.identifyAt(PointRd{o.identify->first, o.identify->second});
    for (const auto& [x, y] : o.select) window.toggleSelectionAt(PointRd{x, y});
    if (o.identify || !o.select.empty()) window.waitForHotTimes();
    if (!headless) {
        window.show();
        return app.exec();
    }
    QImage img;
    if (o.window) {
        window.resize(o.size);
        window.show();
        QApplication::processEvents();
        window.canvas()->zoomToExtent(window.layers()->homeExtent());
        if (!o.select.empty()) window.zoomToSelection();
        window.canvas()->waitForFrame();
        QApplication::processEvents();
        img = window.grab().toImage();
    } else {
        img = window.renderSheet(o.size, o.scale);
    }
    if (!img.save(o.screenshot)) {
        std::fprintf(stderr, "gebiedscan-viewer: cannot write %s\n", qPrintable(o.screenshot));
        return 1;
    }
    std::printf("%s (%dx%d)\n", qPrintable(o.screenshot), img.width(), img.height());
    return 0;
}

} // namespace gebiedscan::viewer
