#pragma once
// Hot facilities (issue 16 item 1): per facility (school, horeca, shop, station, risk site: any
// point, line or polygon layer) the registrations of the period within a radius, per theme,
// whether that is more than the density around it predicts, and the concentration of the
// registrations on few facilities (Eck, Clarke and Guerette 2007, "risky facilities").
#include "gebiedscan/core/facility_counts.hpp"
#include "gebiedscan/gis/table_writer.hpp"
#include "gebiedscan/gis/vector_reader.hpp"
#include "gebiedscan/pipeline/incident_fields.hpp"
#include "gebiedscan/pipeline/record_accounting.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

struct FacilityJobOptions {
    gis::SourceSpec incidents;
    gis::SourceSpec facilities;
    std::string workingCrs = "EPSG:28992";
    IncidentFields fields;       ///< given field names of the registrations; empty ones are detected
    std::string theme;           ///< theme id or number of the scan model; empty: all registrations
    std::filesystem::path model; ///< scan model (TOML); empty: the default model
    std::string from, to;        ///< first and last day of the period (inclusive); empty: open
    double radius = 200.0;       ///< metres
    double ringFactor = 5.0;     ///< comparison ring: radius < d <= ringFactor * radius
    bool nearestOnly = false;    ///< a registration counts only for its nearest facility
    /// --by-network: distances along this road layer (NWB wegvakken or any line layer) instead of
    /// the straight line; path empty = Euclidean.
    gis::SourceSpec roads;
    double snapTolerance = 50.0; ///< metres from a registration or facility vertex to the nearest road
    double alpha = 0.05;         ///< "verhoogd" when the FDR-adjusted p <= alpha
    bool internal = false;       ///< police-internal output: counts 1..T-1 not hidden
    bool dutchCsv = true;
    unsigned threads = 0;
    std::filesystem::path out;
};

/// Everything the job found, in memory (the writer serialises it).
struct FacilityJobResult {
    // The facilities as read: their own fields (typed as far as OGR types them) and geometry.
    std::vector<gis::Column> ownColumns;
    std::vector<std::vector<gis::Value>> ownValues; ///< [facility][own column]
    gis::FeatureGeometry::Kind geometryKind = gis::FeatureGeometry::Kind::None;
    std::vector<gis::FeatureGeometry> geometries;
    std::string facilitiesSource, incidentsSource;

    /// Count groups: the model's themes and "overig" (unknown category); one group "total" when
    /// the registrations are not classified or one theme was asked.
    std::vector<std::string> groupIds, groupLabels;
    std::vector<int> groupThreshold; ///< counts 1..T-1 of the group are hidden outside the police
    int totalThreshold = 5;
    std::string themeId; ///< the theme asked (empty: all)
    std::string period;  ///< "2023-01-01 t/m 2023-12-31" or "alle datums"

    FacilityCounts counts;
    /// Along the network (--by-network): the road layer, its size, and what reached the roads.
    bool byNetwork = false;
    std::string roadsSource;
    std::size_t roadSegments = 0;
    double roadKilometres = 0.0;
    std::uint64_t registrationsOffNetwork = 0; ///< farther than snapTolerance from every road: not counted
    std::size_t facilitiesOffNetwork = 0;      ///< no vertex within snapTolerance of a road: count 0
    std::vector<std::uint64_t> total;          ///< per facility: registrations within the radius
    std::vector<std::size_t> rank;             ///< 1 = most (ties share the best rank)
    /// Euclidean: m² of the zone within the radius and of the ring; along the network: metres of
    /// road within the radius and in the ring.
    std::vector<double> discArea, ringArea;
    std::vector<FacilityExcess> excess;    ///< against the ring, from inRadiusAll and inRing
    std::vector<double> pAdjusted;         ///< Benjamini-Hochberg over the facilities
    std::vector<bool> raised;              ///< pAdjusted <= alpha and more than expected
    std::vector<ConcentrationPoint> curve; ///< at 5, 10, ..., 100 % of the facilities
    /// Extern: the curve is on the protected totals (a hidden total counts as T/2; its
    /// registrations are then twice the counts and not published).
    bool curveProtected = false;
    std::uint64_t registrationsUsed = 0; ///< registrations of the period (and theme) with a location
    RecordAccounting accounting;

    /// Outside the police: hidden totals (1..T-1; a total below T-1 of a hidden theme; one more
    /// when only one is), and per facility whether its theme counts are hidden (all of them when
    /// any is 1..T-1, so no theme follows from the total minus the others). Empty for internal output.
    std::vector<bool> totalHidden, themesHidden;

    std::vector<std::filesystem::path> written;
};

/// Reads both layers, counts, tests and protects; writes nothing.
[[nodiscard]] FacilityJobResult computeFacilities(const FacilityJobOptions& options, Reporter& reporter);

/// computeFacilities, then the outputs (facility_writer.hpp) into options.out.
[[nodiscard]] FacilityJobResult runFacilityJob(const FacilityJobOptions& options, Reporter& reporter);

} // namespace gebiedscan::pipeline
