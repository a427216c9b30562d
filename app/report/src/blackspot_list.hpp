#pragma once
// The traffic black spots of `gebiedscan blackspots` for the report's summary: read from the
// folder's blackspots.csv (Dutch or international CSV), given with --blackspots or found in a
// folder beside the scan folder. Only what a sentence needs: where, what kind, which definition.
#include <QString>

#include <optional>
#include <vector>

namespace gebiedscan::report {

struct BlackSpot {
    QString kind;       ///< "kruispunt" or "wegvak"
    int rank = 0;       ///< 1 = highest severity-weighted score
    QString definition; ///< the preset or own rule met ("kruispunt-6-3")
    QString rule;       ///< what was reached (">=6 DOD,LET")
    QString street, road;
    double accidents = 0; ///< n_ongevallen
    double lengthM = 0;   ///< sections; 0 for junctions
    std::optional<double> x, y;
};

struct BlackSpotList {
    QString folder;           ///< absolute
    bool foundBeside = false; ///< found next to the scan folder, not given
    QString period;           ///< "2016–2018": summary.json's period, else the n_<year> columns
    QString definition;       ///< summary.json's criteria description, in words; may be empty
    std::vector<BlackSpot> spots;
};

/// Reads `folder`/blackspots.csv. Throws gebiedscan::InputError when the folder has none.
[[nodiscard]] BlackSpotList readBlackSpots(const QString& folder);

/// A folder beside `scanFolder` (same parent) holding blackspots.csv, the first by name; none
/// when there is no such folder.
[[nodiscard]] std::optional<QString> blackSpotsBeside(const QString& scanFolder);

} // namespace gebiedscan::report
