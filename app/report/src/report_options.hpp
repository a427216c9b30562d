#pragma once
// What `gebiedscan report` is asked to do, as a plain struct (the command maps its options here).
#include <QString>
#include <QStringList>

namespace gebiedscan::report {

struct ReportOptions {
    QString scanFolder; ///< output folder of `gebiedscan scan`
    /// Level of the area sheets ("gemeente", "wijk", "buurt" or a scan's own level name); empty:
    /// wijk when the scan has wijken, else the level just above the finest (the finest when it is
    /// the only one).
    QString level;
    /// Area codes to report on; an area is taken when its own code or that of a higher area it
    /// lies in is listed (GM0106 = every wijk of Assen). Empty: all.
    QStringList areas;
    bool english = false;
    QString pdf; ///< the PDF to write; the HTML goes beside it (same name, .html)
    /// A `gebiedscan blackspots` output folder for the summary; empty: a folder beside the scan
    /// folder holding blackspots.csv, if there is one (the report says which it took).
    QString blackspots;
};

/// What was written.
struct ReportResult {
    QString pdf, html;
    int pages = 0;
    int sheets = 0;
    QString level;
};

} // namespace gebiedscan::report
