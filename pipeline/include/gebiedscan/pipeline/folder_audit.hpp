#pragma once
// `gebiedscan audit`: the intruder run over a scan output folder, knowing only what is in it.
// Reads gebiedscan.gpkg (the area layers `areas`, `areas_<niveau>` with code/parent_code and the
// per-theme columns; `figures`, the long table of counts; `hotspots`; `hot_times`) and
// summary.json (audience, themes, periods), rebuilds every relation a reader can use and
// - computes each hidden count's feasible interval (AuditRule::FolderReader: the reader cannot
//   tell primaries from secondaries);
// - checks that no derived figure of a hidden count is published: expected, change, p,
//   significance and trend (which use every period), rate and rank (current period), and for a
//   hidden total its Gi*/LISA values and busiest hour; hour-of-week rows of a hidden count;
// - checks that an extern folder carries Gi*/LISA as classes only: no z, p or I numbers
//   (inverting Gi* of published neighbours gives the sums of hidden counts);
// - checks that a count hidden in one place is not published in another, and that an extern
//   folder shows no count 1..T-1 at all.
// A rounded folder (scan --protection afronden) is judged as rounded: each count r lies in
// [r-4, r+4] for the reader (controlled rounding; [r-2, r+2] when it says it was rounded to
// nearest), the relations narrow that (auditRoundedTable), every count must be a multiple of the
// base, and only the counts and the rates from them may be published.
// The GeoPackage is the audited copy: the Shapefiles, CSV and GeoJSON are written from the same
// tables.
// The other commands' folders are recognised by their files: trends.gpkg (counts per location and
// period with total = sum of the periods; Gi* only as class, the trend of the counts not beside a
// hidden count), hotspots.gpkg (no small count, classes only, no Moran's I) and blackspots.gpkg
// (single accidents: fails outright, it is police-internal output whatever it says);
// nearrepeat.csv (the Knox table: a two-way table with row and column totals from the expected
// counts and n (n - 1) / 2 pairs in all; nearrepeat.gpkg with pairs per area fails outright) and
// facilities.gpkg (themes = n_total per facility; rank, density and verhoogd not beside a hidden
// total; the concentration shares from the published totals with each hidden one as T/2).
#include "gebiedscan/pipeline/table_audit.hpp"

#include "gebiedscan/core/scan_model.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

/// One reason a folder fails, in Dutch for the user.
struct AuditFinding {
    enum class Kind {
        Narrowed,           ///< a hidden count's interval is narrower than required
        DerivedPublished,   ///< a figure derived from a hidden count is published
        StatisticNumber,    ///< an extern folder publishes Gi*/LISA numbers
        PublishedElsewhere, ///< hidden in one layer, published in another
        SmallPublished,     ///< a count 1..T-1 published (in an extern folder)
        Inconsistent,       ///< published figures that do not add up (relations unknown)
        InternalOnly,       ///< output that exists only for the police (black spots, heatmaps)
    };
    Kind kind;
    std::string message;
    double low = 0.0, high = 0.0; ///< Narrowed: the interval found
};

struct FolderAudit {
    std::string audience; ///< summary.json "audience": "extern" or "intern"; empty is judged as extern
    /// A rounded folder (summary.json suppression.method "afronden"): every count is rounded and
    /// judged by auditRoundedTable; no figure computed from the true counts may be published.
    bool rounded = false;
    std::size_t cells = 0, hiddenCells = 0, relations = 0;
    std::size_t linearPrograms = 0;
    std::size_t narrowed = 0; ///< hidden cells whose interval fails
    std::size_t exact = 0;    ///< ... of which recovered exactly (low == high)
    std::vector<AuditFinding> findings;

    [[nodiscard]] bool passed() const { return findings.empty(); }
};

/// Audits the folder `dir`; thresholds come from `model` (the scan's model: a theme's
/// suppress_below, else the model's), matched to the folder's themes by number.
/// Throws InputError when the folder is no scan, trends, hotspots, blackspots, nearrepeat or
/// facilities output.
[[nodiscard]] FolderAudit auditScanFolder(const std::filesystem::path& dir, const ScanModel& model);

} // namespace gebiedscan::pipeline
