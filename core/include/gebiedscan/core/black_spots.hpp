#pragma once
#include "gebiedscan/core/accident.hpp"
#include "gebiedscan/core/accident_placement.hpp"
#include "gebiedscan/core/road_network.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan {

/// Severity weights of the ranking score (and of score-based criteria). An accident weighs
/// `fatal` when DOD, `serious` when LET with a known hospital admission (ziekenhuisopname),
/// `injury` for any other LET, `damageOnly` for UMS and `unknown` for a missing AP3 code.
struct SeverityWeights {
    double fatal = 5.0;
    double serious = 3.0;
    double injury = 1.0;
    double damageOnly = 0.0;
    double unknown = 0.0;
};

/// "At least minCount accidents whose severity is in `severities`" (or, with `seriousOnly`, with a
/// hospital admission; see BlackSpotCriteria::hospitalProxy).
struct CountRule {
    int minCount = 6;
    SeverityMask severities = kInjuryOrFatal;
    bool seriousOnly = false;
};

/// A black-spot definition: met when any of `anyOf` holds (or anyOf is empty) and, when set,
/// the weighted score reaches `minScore`. Counts are over `years` calendar years.
struct BlackSpotCriteria {
    std::string name;        ///< preset name or "eigen" (custom)
    std::string description; ///< Dutch text for reports
    int years = 3;
    std::vector<CountRule> anyOf;
    std::optional<double> minScore;
    SeverityWeights weights;
    bool junctions = true; ///< apply at junctions (kruispunten)
    bool sections = true;  ///< apply to sliding-window road sections
    /// Ziekenhuisopname is not in BRON's AP3 code. When an accident's hospital flag is unknown,
    /// count it as serious when its severity is in this mask (LET+DOD: an upper bound, because
    /// LET also covers slight injuries treated outside hospital).
    SeverityMask hospitalProxy = kInjuryOrFatal;
};

/// The named presets: "kruispunt-6-3", "rijkswaterstaat", "amsterdam", "vlaanderen".
/// Throws InputError for another name (listing the valid ones).
[[nodiscard]] BlackSpotCriteria blackSpotPreset(const std::string& name);
[[nodiscard]] std::vector<std::string> blackSpotPresetNames();

/// Counts of accidents at one location.
struct SeverityTally {
    std::array<int, 4> bySeverity{}; ///< indexed by Severity
    int serious = 0;                 ///< hospital admission known or by the proxy
    int injuryHospital = 0;          ///< LET accidents with a known hospital admission (weight `serious`)
    double score = 0.0;              ///< severity-weighted, from the counts
    [[nodiscard]] int total() const { return bySeverity[0] + bySeverity[1] + bySeverity[2] + bySeverity[3]; }
    [[nodiscard]] int count(SeverityMask mask) const;
};

/// Analysis settings besides the criteria.
struct BlackSpotOptions {
    BlackSpotCriteria criteria = blackSpotPreset("kruispunt-6-3");
    std::optional<int> lastYear;      ///< period end; default: the latest year among the accidents
    double snapTolerance = 25.0;      ///< metres, accident point to segment
    double junctionRadius = 30.0;     ///< metres, accident point to junction node
    int junctionMinDegree = 3;        ///< nodes with at least this many segment ends are junctions
    bool nearestJunctionOnly = false; ///< count an accident only at its nearest junction within the radius
    double window = 250.0;            ///< sliding window length, metres
    double step = 25.0;               ///< sliding window step, metres
    bool useNetworkIds = true;        ///< place by WVK_ID/JTE_ID when they match
    bool empiricalBayes = false;      ///< add EB estimates per road-class peer group
    int minPeerGroup = 30;            ///< smaller peer groups fall back to all sites of the kind
    bool includeAllJunctions = false; ///< also report junctions with accidents that miss the criteria
};

/// Empirical Bayes estimate of the expected accident count at a site (see analyseBlackSpots).
struct EmpiricalBayes {
    std::string peerGroup;
    int peerSites = 0;
    double peerMean = 0.0; ///< mu: expected count of a site like this (for a section: lambda x its length)
    double peerVariance = 0.0;
    double overdispersion = 0.0; ///< k of the negative binomial (sections: per window length L), >= 0
    double weight = 1.0;         ///< w = 1 / (1 + k mu)
    double estimate = 0.0;       ///< EB = w mu + (1 - w) observed
    double excess = 0.0;         ///< EB - mu: potential for safety improvement
};

/// One reported location: a junction (point) or a section (merged windows, line).
struct BlackSpot {
    enum class Kind { Junction, Section };
    Kind kind = Kind::Junction;
    std::string id; ///< junction id, or "<route start segment id>:<from>-<to>" for sections
    std::int32_t node = RoadNetwork::kNone;
    std::int32_t route = -1;
    double from = 0.0, to = 0.0;   ///< route distances (metres) of a section
    std::vector<PointRd> geometry; ///< one point, or the section polyline
    SeverityTally tally;
    std::vector<int> perYear; ///< accidents per year of the period, first year first
    bool met = false;
    std::string rulesMet;    ///< which parts of the criteria hold, e.g. ">=6 DOD,LET"
    int peakWindowCount = 0; ///< sections: most criteria-relevant accidents in one window
    int rank = 0;            ///< 1 = worst, by score, then total, then id
    std::string streetNames, roadNumbers, authorities, roadClass; ///< distinct values joined by '/'
    std::optional<EmpiricalBayes> eb;
    std::vector<std::int32_t> accidents; ///< indices into BlackSpotResult::dedup.accidents
};

/// Everything an analysis produces.
struct BlackSpotResult {
    BlackSpotCriteria criteria;
    int firstYear = 0, lastYear = 0;
    DeduplicationResult dedup;
    std::vector<Placement> placements;                       ///< one per accident
    std::array<std::size_t, kAccidentBucketCount> buckets{}; ///< input rows per bucket
    std::size_t inputRows = 0;
    std::size_t analysedAccidents = 0; ///< placed, in period
    std::size_t junctionCount = 0;     ///< nodes with degree >= junctionMinDegree
    std::size_t windowCount = 0;       ///< windows evaluated
    std::vector<BlackSpot> junctions;  ///< ranked
    std::vector<BlackSpot> sections;   ///< ranked
    /// Empirical Bayes of sections used length x traffic as exposure (every segment had its
    /// traffic); false: length alone.
    bool ebTrafficExposure = false;
};

/// Full analysis: deduplication, placement, junction counts, sliding windows, ranking.
///
/// Junctions: an accident counts at the junction of its JTE_ID; otherwise, when it has a point,
/// at every junction node (degree >= junctionMinDegree) within junctionRadius of that point (or
/// only the nearest one). Sections: accidents on segments (by WVK_ID or snapped) at their route
/// distance; windows [a, a+L] (closed) at a = 0, s, 2s, ... plus one ending at the route end (a
/// route shorter than L is one window); runs of qualifying windows that overlap or touch merge
/// into one section, whose counts are recounted over the merged extent. Accidents only known by
/// JTE_ID count at junctions, not in sections. A ring route is cut at its start (windows do not
/// wrap around), and the two carriageways of a dual road are separate routes, as in NWB.
///
/// Empirical Bayes (Hauer; Highway Safety Manual part B without an SPF): sites of one kind and
/// road class form a peer group; with m and s^2 the mean and variance of the target count
/// (accidents in the first count rule's severities, else LET+DOD) over the group's sites, the
/// method of moments gives k = max(0, (s^2 - m) / m^2), and for a site with observed x and
/// expected mu, w = 1 / (1 + k mu), EB = w mu + (1 - w) x. Junction sites are all junction nodes
/// (with zeros), mu = m. Sections use length as exposure: the sites are every route cut into
/// consecutive pieces of length L, the last piece (and a route shorter than L) as long as it is,
/// so every metre of road is in its peer group; lambda = sum x / sum length, a section of length
/// l has mu = lambda l, and with the overdispersion per length (k_l = k L / l, the Highway Safety
/// Manual's k / L) the method of moments gives phi = sum (x - lambda l)^2 / sum x * n / (n - 1),
/// k = max(0, (phi - 1) / (L lambda)) and w = min(1, 1 / phi), the same for short and long
/// sections (a 74 m section with 4 accidents is not pulled to its group's mean for being short).
/// When every segment has its traffic (RoadSegment::traffic, vehicles per day), the exposure is
/// length x traffic instead of length (lambda per vehicle-metre, k per window of length L at the
/// group's mean traffic); one segment without traffic and length alone is used for all.
/// A peer group (road class) with fewer than minPeerGroup sites falls back to all sites of the
/// kind (peer group "alle wegvakken" / "alle kruispunten" in the output).
[[nodiscard]] BlackSpotResult analyseBlackSpots(const RoadNetwork& network, const std::vector<AccidentRecord>& records,
                                                const BlackSpotOptions& options);

/// Whether a tally meets the criteria; `why` receives the rules that hold.
[[nodiscard]] bool meetsCriteria(const BlackSpotCriteria& criteria, const SeverityTally& tally,
                                 std::string* why = nullptr);

} // namespace gebiedscan
