#pragma once
#include "gebiedscan/core/geometry.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace gebiedscan {

/// How far apart two events are.
enum class DistanceMetric {
    Manhattan, ///< |dx| + |dy|: the Near Repeat Calculator's default (distance along a street grid)
    Euclidean, ///< straight line
};

/// One event: a location in the metric working CRS and its date as whole days since 1970-01-01.
struct SpaceTimeEvent {
    PointRd point;
    std::int64_t day = 0;
};

/// Settings of the Knox space-time table (Ratcliffe's Near Repeat Calculator).
struct NearRepeatOptions {
    std::vector<double> distanceBands{100, 200, 300}; ///< upper edges d1 < ... < dk in metres, > 0
    std::vector<std::int64_t> timeBands{7, 14, 21};   ///< upper edges t1 < ... < tk in whole days, > 0
    DistanceMetric metric = DistanceMetric::Manhattan;
    std::size_t permutations = 999; ///< R, random permutations of the dates over the locations
    std::uint64_t seed = 20090101;  ///< same seed, same table, whatever the number of threads
    unsigned threads = 0;           ///< 0 = all hardware threads
};

/// The Knox table: rows are distance classes, columns time classes, both half-open.
///
/// Distance classes: 0 = "same location" (distance exactly 0), 1 = (0, d1), 2 = [d1, d2), ...,
/// k = [d(k-1), dk), k+1 = [dk, inf). Time classes: 0 = [0, t1), ..., k = [tk, inf) in days
/// |day_i - day_j|. Every unordered pair of events is counted once. A pair at exactly d1 metres falls
/// in [d1, d2). Expected = mean count over the R permutations; p = (M + 1) / (R + 1) with M the
/// permutations whose count is at least the observed one (the calculator's one-sided pseudo p).
struct NearRepeatTable {
    std::vector<double> distanceBands;
    std::vector<std::int64_t> timeBands;
    std::size_t events = 0;
    std::uint64_t pairs = 0;             ///< n (n - 1) / 2
    std::uint64_t nearPairs = 0;         ///< pairs closer than dk (enumerated through the spatial index)
    std::size_t permutations = 0;        ///< R
    std::vector<std::uint64_t> observed; ///< row-major: index(distanceClass, timeClass)
    std::vector<double> expected;
    std::vector<std::uint32_t> atLeastObserved; ///< M per cell
    std::vector<double> p;

    [[nodiscard]] std::size_t distanceClasses() const { return distanceBands.size() + 2; }
    [[nodiscard]] std::size_t timeClasses() const { return timeBands.size() + 1; }
    [[nodiscard]] std::size_t index(std::size_t distanceClass, std::size_t timeClass) const
    {
        return distanceClass * timeClasses() + timeClass;
    }
    /// observed / expected; 0 when both are 0, infinity when only expected is 0.
    [[nodiscard]] double ratio(std::size_t distanceClass, std::size_t timeClass) const;
};

/// The Knox table of `events`. Pairs are found through a uniform grid of cell size dk, so the cost
/// is O(n log n + P R) for P pairs closer than dk; the open band [dk, inf) is counted from the
/// dates alone (its column totals do not change when dates are permuted). Permutations run in
/// parallel; permutation r is drawn from its own stream (seed, r), see permutedDays().
/// Throws InputError on bad bands, R = 0 or more than 2^32 - 1 events.
[[nodiscard]] NearRepeatTable nearRepeatTable(std::span<const SpaceTimeEvent> events, const NearRepeatOptions& options);

/// Throws InputError when the bands or the number of permutations are unusable (what
/// nearRepeatTable checks first), so a job can stop before it reads its input.
void validateNearRepeatOptions(const NearRepeatOptions& options);

/// Distance between two events under `metric`.
[[nodiscard]] double eventDistance(const PointRd& a, const PointRd& b, DistanceMetric metric);

/// Distance class of a distance (see NearRepeatTable), for bands d1 < ... < dk.
[[nodiscard]] std::size_t distanceClassOf(double distance, std::span<const double> bands);

/// Time class of a day difference >= 0, for bands t1 < ... < tk.
[[nodiscard]] std::size_t timeClassOf(std::int64_t days, std::span<const std::int64_t> bands);

/// Permutation r (0-based) of `days` exactly as nearRepeatTable and knoxTest draw it: a
/// Fisher-Yates shuffle driven by SplitMix64 seeded from (seed, r). For reference implementations.
[[nodiscard]] std::vector<std::int64_t> permutedDays(std::span<const std::int64_t> days, std::uint64_t seed,
                                                     std::size_t r);

/// For each event, the number of other events closer than `distance` (the same location included)
/// and fewer than `days` days away, before or after: its near-repeat pairs, so a map can show
/// where the pattern is (e.g. per area the events with at least one, or the pairs = sum / 2).
/// The same half-open bands as the table: distance and days of its first cell block.
[[nodiscard]] std::vector<std::uint32_t> nearRepeatPairsPerEvent(std::span<const SpaceTimeEvent> events,
                                                                 double distance, std::int64_t days,
                                                                 DistanceMetric metric = DistanceMetric::Manhattan);

/// Settings of the global Knox test.
struct KnoxOptions {
    double distance = 100.0; ///< close in space: distance <= this (metres)
    std::int64_t days = 7;   ///< close in time: |day_i - day_j| <= this
    DistanceMetric metric = DistanceMetric::Euclidean;
    std::size_t permutations = 999;
    std::uint64_t seed = 20090101;
    unsigned threads = 0;
};

/// The classic Knox (1964) test: X = number of pairs close in both space and time.
///
/// "Close" is inclusive (<=), as in pysal pointpats `Knox` and R surveillance `knox`. The Poisson
/// approximation takes E(X) = S T / N (S pairs close in space, T close in time, N all pairs) and
/// p = P(Poisson(E) >= X); the permutation test shuffles the dates (same streams as permutedDays).
struct KnoxResult {
    std::uint64_t statistic = 0;
    std::uint64_t closeInSpace = 0;
    std::uint64_t closeInTime = 0;
    std::uint64_t pairs = 0;
    double expectedPoisson = 0.0;
    double pPoisson = 1.0;
    double expectedPermutation = 0.0; ///< mean X over the permutations
    double pPermutation = 1.0;        ///< (M + 1) / (R + 1), M = permutations with X >= observed
    std::size_t permutations = 0;
};

[[nodiscard]] KnoxResult knoxTest(std::span<const SpaceTimeEvent> events, const KnoxOptions& options);

} // namespace gebiedscan
