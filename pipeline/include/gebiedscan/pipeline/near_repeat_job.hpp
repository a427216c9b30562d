#pragma once
// Near repeats: the Knox space-time table of Ratcliffe's Near Repeat Calculator on a registrations
// layer, with the global Knox test, written as nearrepeat.csv and a Dutch summary.
#include "gebiedscan/core/near_repeat.hpp"
#include "gebiedscan/gis/area_reader.hpp"
#include "gebiedscan/gis/table_writer.hpp"
#include "gebiedscan/gis/vector_reader.hpp"
#include "gebiedscan/pipeline/incident_fields.hpp"
#include "gebiedscan/pipeline/near_repeat_protection.hpp"
#include "gebiedscan/pipeline/record_accounting.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

struct NearRepeatJobOptions {
    gis::SourceSpec incidents;
    std::string workingCrs = "EPSG:28992";
    IncidentFields fields;       ///< given field names; empty ones are detected
    std::string theme;           ///< theme id or number of the scan model; empty: all registrations
    std::filesystem::path model; ///< scan model (TOML); empty: the default model
    NearRepeatOptions analysis;  ///< bands, metric, permutations, seed, threads
    double alpha = 0.05;         ///< a cell counts in the summary when p <= alpha ...
    double minimumRatio = 1.2;   ///< ... and observed / expected >= this (the calculator's shading)
    /// Optional areas (buurten, ...): near-repeat pairs per area, layer areas of nearrepeat.gpkg.
    /// Small counts of single areas: police-internal, so only with `internal`.
    gis::SourceSpec areas;
    /// Police-internal output: the Knox table unprotected. Default extern: pair counts 1..T-1 and
    /// what follows from them are hidden (near_repeat_protection.hpp).
    bool internal = false;
    std::filesystem::path out; ///< folder for nearrepeat.csv, nearrepeat_tabel.png and nearrepeat_samenvatting.txt
};

/// The events of the analysis and what reading left out.
struct NearRepeatInput {
    std::vector<SpaceTimeEvent> events;
    std::string source;          ///< reader description
    std::string themeId;         ///< empty: all registrations
    RecordAccounting accounting; ///< of the registrations read (no areas: nothing is outside)
    int threshold = 5;           ///< suppress_below of the theme (else of the model): pairs 1..T-1 are small
};

/// Near-repeat pairs per area: pairs of events closer than `distance` metres (not at the same
/// location) and fewer than `days` days apart, counted at the area of the pair's first event (the
/// earlier one; on the same day the one read first). distance and days are the upper edges of the
/// first raised cell of the first time band (the nearest distance band where near repeats show).
struct NearRepeatAreaCounts {
    gis::AreaLayer layer;
    double distance = 0.0;
    std::int64_t days = 0;
    std::vector<std::int64_t> events; ///< per area: events in it
    std::vector<std::int64_t> pairs;  ///< per area: near-repeat pairs whose first event lies in it
};

/// The per-area counts for bands (distance, days) over `events` (exposed for tests).
[[nodiscard]] std::vector<std::int64_t> nearRepeatPairsByFirstEvent(const std::vector<SpaceTimeEvent>& events,
                                                                    double distance, std::int64_t days,
                                                                    DistanceMetric metric);

struct NearRepeatJobResult {
    NearRepeatInput input;
    NearRepeatTable table;
    KnoxResult knox; ///< close = within the first distance band (<= d1) and the first time band (<= t1 days)
    std::vector<std::string> summary; ///< Dutch sentences, as the calculator's summary
    /// With areas, when a cell of the first time band is raised (else nullopt and a message).
    std::optional<NearRepeatAreaCounts> areas;
    std::optional<NearRepeatProtection> protection; ///< extern output (not internal)
    std::vector<std::filesystem::path> written;
};

/// Reads the registrations: point geometry, the start day of the date (a from-to interval counts
/// on its first day), optionally only one theme. Points at (0, 0) and unreadable dates are counted
/// and skipped. The one place that reads, so it can be swapped for the shared incident stream.
[[nodiscard]] NearRepeatInput readNearRepeatEvents(const NearRepeatJobOptions& options, Reporter& reporter);

/// The summary sentences of a table (Dutch), as the Near Repeat Calculator words them. A cell is
/// "raised" when p <= alpha and ratio >= minimumRatio. Per closed distance band whose first time
/// band is raised: for how long (the run of raised time bands from [0, t1) on) and by how much
/// (sum observed / sum expected - 1 over that run); then the most raised cell; then the same for
/// repeats at the same location. With `protection`, a cell whose count or expected is hidden
/// counts as not raised, so no sentence tells anything about it.
[[nodiscard]] std::vector<std::string> nearRepeatSummary(const NearRepeatTable& table, double alpha,
                                                         double minimumRatio,
                                                         const NearRepeatProtection* protection = nullptr);

/// nearrepeat.csv as a table: dist_from, dist_to, days_from, days_to, observed, expected, ratio, p
/// (dist_to / days_to empty for the open last band; the same-location row has dist 0 to 0).
/// With `protection`: hidden observed counts with their ratio and p, and hidden expected counts
/// (with their ratio), read "geheim".
[[nodiscard]] gis::Table nearRepeatCsvTable(const NearRepeatTable& table,
                                            const NearRepeatProtection* protection = nullptr);

/// Reads, analyses and writes (nearrepeat.csv, nearrepeat_tabel.png, nearrepeat_samenvatting.txt) into options.out.
[[nodiscard]] NearRepeatJobResult runNearRepeatJob(const NearRepeatJobOptions& options, Reporter& reporter);

} // namespace gebiedscan::pipeline
