#include "viewer_cli.hpp"

#include "main_window.hpp"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

namespace gebiedscan::viewer {

QString usageText(const QString& language)
{
    if (language == u"en")
        return QStringLiteral(
            "usage: gebiedscan-viewer [FOLDER|LAYER...] [--screenshot FILE.png --size WxH [--scale S] [--window]]\n"
            "                         [--theme ID] [--indicator n|rate|eb|ebl|change_pct|trend|kwadrant[:IND]] "
            "[--period P] "
            "[--level "
            "L]\n"
            "                         [--show LAYER,...] [--identify X,Y] [--select X,Y;X,Y...] [--suggest-aol N]\n"
            "                         [--print FILE.pdf|FILE.png [--paper A4|A3] [--portrait] [--dpi N]]\n"
            "                         [--crs EPSG:N] [--lang nl|en]\n"
            "FOLDER: a scan output folder; LAYER: any vector file GDAL reads, a GeoTIFF or a basemap (RGB GeoTIFF,\n"
            "MBTiles, GeoPackage tiles). --theme total: all themes; --level wijk or gemeente: that level of the\n"
            "scan. --indicator kwadrant:IND: the survey quadrant of indicator IND (scan --survey; kwadrant: the\n"
            "first). X,Y in RD New metres. See app/viewer/README.md.\n");
    return QStringLiteral(
        "gebruik: gebiedscan-viewer [MAP|LAAG...] [--screenshot BESTAND.png --size BxH [--scale S] [--window]]\n"
        "                           [--theme ID] [--indicator n|rate|eb|ebl|change_pct|trend|kwadrant[:IND]] [--period "
        "P] "
        "[--level "
        "NIVEAU]\n"
        "                           [--show LAAG,...] [--identify X,Y] [--select X,Y;X,Y...] [--suggest-aol N]\n"
        "                           [--print BESTAND.pdf|BESTAND.png [--paper A4|A3] [--portrait] [--dpi N]]\n"
        "                           [--crs EPSG:N] [--lang nl|en]\n"
        "MAP: een uitvoermap van gebiedscan scan; LAAG: elk vectorbestand dat GDAL leest, een GeoTIFF of een\n"
        "achtergrondkaart (RGB-GeoTIFF, MBTiles, GeoPackage-tegels).\n"
        "  --screenshot  kaartblad als PNG zonder scherm; --size breedte x hoogte in pixels\n"
        "  --theme       thema-id (bijv. woninginbraak; total = alle thema's)\n"
        "  --indicator   n = aantal, rate = per 1.000 inwoners, eb / ebl = per 1.000 (EB-gladgestreken,\n"
        "                globaal / lokaal), change_pct = verandering in %, trend = opkomende hotspots,\n"
        "                kwadrant = objectief tegen de enquête (scan --survey), de eerste indicator;\n"
        "                kwadrant:IND die van enquête-indicator IND (bijv. kwadrant:onveilig_buurt_pct)\n"
        "  --period      een periode van de scan (bijv. 2022)\n"
        "  --level       niveau van de scan (bijv. wijk of gemeente); standaard het fijnste\n"
        "  --show        lagen tonen (bijv. hotspots); --identify X,Y: gebiedsblad van het punt\n"
        "  --select      gebieden selecteren (som); --suggest-aol N: N AOL-voorstellen\n"
        "  --print       kaartblad (titel, legenda, schaalstok, noordpijl, bronnen) als .pdf of .png;\n"
        "                --paper A4|A3, --portrait (staand; standaard liggend), --dpi voor PNG (300)\n"
        "  --crs         kaart in dit coördinatenstelsel (standaard RD New; buiten Nederland de UTM-zone)\n"
        "  --lang        taal van de vensters: nl (standaard) of en; ook GEBIEDSCAN_LANG=en\n"
        "X,Y in meters RD New. Zie app/viewer/README.md.\n");
}

QString languageFromArguments(int argc, char** argv)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], "--lang") == 0) return QString::fromLocal8Bit(argv[i + 1]);
    const QByteArray env = qgetenv("GEBIEDSCAN_LANG");
    return env.startsWith("en") ? QStringLiteral("en") : QStringLiteral("nl");
}

std::optional<ViewerOptions> parseViewerArguments(const QStringList& args, QString* error)
{
    ViewerOptions o;
    if (qgetenv("GEBIEDSCAN_LANG").startsWith("en")) o.language = QStringLiteral("en");
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
            if (!value(&o.screenshot))
                return fail(QCoreApplication::translate("ViewerCli", "--screenshot needs a file name"));
        } else if (a == u"--size") {
            if (!value(&v)) return fail(QCoreApplication::translate("ViewerCli", "--size needs WxH"));
            const auto parts = v.split(QLatin1Char('x'));
            bool okW = false, okH = false;
            if (parts.size() == 2) o.size = QSize(parts[0].toInt(&okW), parts[1].toInt(&okH));
            if (!okW || !okH || o.size.width() < 100 || o.size.height() < 100 || o.size.width() > 20000 ||
                o.size.height() > 20000)
                return fail(
                    QCoreApplication::translate("ViewerCli", "--size must be WxH, e.g. 1600x1000 (100..20000 pixels)"));
        } else if (a == u"--scale") {
            if (!value(&v)) return fail(QCoreApplication::translate("ViewerCli", "--scale needs a number"));
            bool ok = false;
            o.scale = v.toDouble(&ok);
            if (!ok || o.scale < 0.5 || o.scale > 8)
                return fail(QCoreApplication::translate("ViewerCli", "--scale must be between 0.5 and 8"));
        } else if (a == u"--theme") {
            if (!value(&o.theme)) return fail(QCoreApplication::translate("ViewerCli", "--theme needs a theme id"));
        } else if (a == u"--indicator") {
            if (!value(&o.indicator) ||
                !(o.indicator == u"n" || o.indicator == u"rate" || o.indicator == u"eb" || o.indicator == u"ebl" ||
                  o.indicator == u"change_pct" || o.indicator == u"trend" || o.indicator == u"kwadrant" ||
                  (o.indicator.startsWith(QLatin1String("kwadrant:")) && o.indicator.size() > 9)))
                return fail(QCoreApplication::translate(
                    "ViewerCli",
                    "--indicator must be n, rate, eb, ebl, change_pct, trend, kwadrant or kwadrant:INDICATOR"));
        } else if (a == u"--period") {
            if (!value(&o.period)) return fail(QCoreApplication::translate("ViewerCli", "--period needs a period"));
        } else if (a == u"--crs") {
            if (!value(&o.crs))
                return fail(QCoreApplication::translate("ViewerCli", "--crs needs a CRS, e.g. EPSG:32631"));
        } else if (a == u"--level") {
            if (!value(&o.level))
                return fail(QCoreApplication::translate("ViewerCli", "--level needs a level, e.g. wijk or gemeente"));
        } else if (a == u"--lang") {
            if (!value(&o.language) || !(o.language == u"nl" || o.language == u"en"))
                return fail(QCoreApplication::translate("ViewerCli", "--lang must be nl or en"));
        } else if (a == u"--identify") {
            if (!value(&v)) return fail(QCoreApplication::translate("ViewerCli", "--identify needs X,Y in RD metres"));
            const auto parts = v.split(QLatin1Char(','));
            bool okX = false, okY = false;
            if (parts.size() == 2) o.identify = std::make_pair(parts[0].toDouble(&okX), parts[1].toDouble(&okY));
            if (!okX || !okY)
                return fail(
                    QCoreApplication::translate("ViewerCli", "--identify needs X,Y in RD metres, e.g. 233500,557000"));
        } else if (a == u"--show") {
            if (!value(&v))
                return fail(QCoreApplication::translate("ViewerCli", "--show needs layer names, e.g. hotspots"));
            o.show = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else if (a == u"--suggest-aol") {
            bool ok = false;
            if (value(&v)) o.suggestAol = v.toInt(&ok);
            if (!ok || o.suggestAol < 1 || o.suggestAol > 100)
                return fail(QCoreApplication::translate("ViewerCli", "--suggest-aol needs a number 1..100"));
        } else if (a == u"--select") {
            if (!value(&v))
                return fail(QCoreApplication::translate("ViewerCli", "--select needs X,Y;X,Y... in RD metres"));
            for (const QString& point : v.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
                const auto parts = point.split(QLatin1Char(','));
                bool okX = false, okY = false;
                if (parts.size() == 2) o.select.emplace_back(parts[0].toDouble(&okX), parts[1].toDouble(&okY));
                if (!okX || !okY)
                    return fail(QCoreApplication::translate(
                        "ViewerCli", "--select needs X,Y;X,Y... in RD metres, e.g. 233500,557000;240000,555000"));
            }
        } else if (a == u"--print") {
            if (!value(&o.print) || !(o.print.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ||
                                      o.print.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)))
                return fail(QCoreApplication::translate("ViewerCli", "--print needs a .pdf or .png file name"));
        } else if (a == u"--paper") {
            if (!value(&o.paper) || !(o.paper.toLower() == u"a4" || o.paper.toLower() == u"a3"))
                return fail(QCoreApplication::translate("ViewerCli", "--paper must be A4 or A3"));
            o.paper = o.paper.toLower();
        } else if (a == u"--portrait") {
            o.portrait = true;
        } else if (a == u"--dpi") {
            bool ok = false;
            if (value(&v)) o.dpi = v.toInt(&ok);
            if (!ok || o.dpi < 72 || o.dpi > 600)
                return fail(QCoreApplication::translate("ViewerCli", "--dpi needs a number 72..600"));
        } else if (a == u"--timing") {
            o.timing = true;
        } else if (a == u"--window") {
            o.window = true;
        } else if (a.startsWith(QLatin1String("--"))) {
            return fail(QCoreApplication::translate("ViewerCli", "unknown option %1").arg(a));
        } else {
            o.inputs << a;
        }
    }
    if (!o.print.isEmpty() && o.inputs.isEmpty())
        return fail(QCoreApplication::translate("ViewerCli", "--print needs a folder or layer to show"));
    if (!o.screenshot.isEmpty() && o.inputs.isEmpty())
        return fail(QCoreApplication::translate("ViewerCli", "--screenshot needs a folder or layer to show"));
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
    if (!o.crs.isEmpty()) setDisplayCrs(o.crs, true);
    QElapsedTimer clock;
    clock.start();
    QStringList phases;
    const auto phase = [&](const char* name) {
        if (o.timing) phases << QStringLiteral("%1 %2 ms").arg(QLatin1String(name)).arg(clock.restart());
    };
    MainWindow window;
    phase("window");
    const bool headless = !o.screenshot.isEmpty() || !o.print.isEmpty();
    for (const auto& in : o.inputs)
        if (!window.openPath(in, headless)) return 2;
    phase("open");
    if (!o.theme.isEmpty() && !window.setTheme(o.theme)) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(
                QCoreApplication::translate("ViewerCli", "gebiedscan-viewer: no theme '%1' in the data").arg(o.theme)));
        return 2;
    }
    if (!o.level.isEmpty() && !window.setLevel(o.level)) {
        QStringList known;
        for (const auto& l : window.project().levels()) known << l.level;
        std::fprintf(
            stderr, "%s\n",
            qPrintable(QCoreApplication::translate("ViewerCli", "gebiedscan-viewer: no level '%1' in the data "
                                                                "(levels: %2)")
                           .arg(o.level, known.isEmpty() ? QStringLiteral("-") : known.join(QStringLiteral(", ")))));
        return 2;
    }
    if (!o.indicator.isEmpty() && !window.setIndicator(o.indicator)) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(o.indicator == u"rate"
                                    ? QCoreApplication::translate(
                                          "ViewerCli",
                                          "gebiedscan-viewer: indicator '%1' needs inhabitants, which the areas lack")
                                          .arg(o.indicator)
                                    : QCoreApplication::translate(
                                          "ViewerCli", "gebiedscan-viewer: indicator '%1' is not in the data for "
                                                       "this theme and level (the scan wrote no such column)")
                                          .arg(o.indicator)));
        return 2;
    }
    if (!o.period.isEmpty() && !window.setPeriod(o.period)) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("ViewerCli", "gebiedscan-viewer: no period '%1' in the "
                                                                         "scan (periods: %2)")
                                    .arg(o.period, window.project().periods().join(QStringLiteral(", ")))));
        return 2;
    }
    if (!o.show.isEmpty()) window.showLayers(o.show);
    if (o.suggestAol > 0) window.suggestAol(o.suggestAol);
    if (o.identify) window.identifyAt(PointRd{o.identify->first, o.identify->second});
    for (const auto& [x, y] : o.select) window.toggleSelectionAt(PointRd{x, y});
    if (o.identify || !o.select.empty()) window.waitForHotTimes();
    if (!headless) {
        window.show();
        return app.exec();
    }
    if (!o.print.isEmpty()) {
        // What File > Export writes, for the view fitted to the data (or the selection).
        window.resize(o.size);
        window.show();
        QApplication::processEvents();
        window.canvas()->zoomToExtent(window.layers()->homeExtent());
        if (!o.select.empty()) window.zoomToSelection();
        const PaperFormat paper{o.paper == u"a3" ? PaperFormat::Size::A3 : PaperFormat::Size::A4, !o.portrait};
        // Fitted to the data (the window's view when areas are selected).
        const std::optional<Envelope> fit =
            o.select.empty() ? std::optional<Envelope>(window.layers()->homeExtent()) : std::nullopt;
        const bool ok = o.print.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)
                            ? window.exportPdf(o.print, paper, fit)
                            : window.exportPng(o.print, o.dpi, paper, fit);
        if (!ok) {
            std::fprintf(stderr, "gebiedscan-viewer: cannot write %s\n", qPrintable(o.print));
            return 1;
        }
        std::printf("%s\n", qPrintable(o.print));
        if (o.screenshot.isEmpty()) return 0;
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
    phase("render");
    if (!img.save(o.screenshot)) {
        std::fprintf(stderr, "gebiedscan-viewer: cannot write %s\n", qPrintable(o.screenshot));
        return 1;
    }
    phase("save");
    if (o.timing) std::fprintf(stderr, "timing: %s\n", qPrintable(phases.join(QStringLiteral(", "))));
    std::printf("%s (%dx%d)\n", qPrintable(o.screenshot), img.width(), img.height());
    return 0;
}

} // namespace gebiedscan::viewer
