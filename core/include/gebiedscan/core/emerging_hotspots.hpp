#pragma once
#include "gebiedscan/core/date_time.hpp"
#include "gebiedscan/core/spatial_weights.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gebiedscan {

// ---------------------------------------------------------------------------------------------
// Time periods of a space-time cube
// ---------------------------------------------------------------------------------------------

/// Length of one time step of a space-time cube.
enum class TimePeriod { Month, Quarter, Year };

/// Consecutive integer of the period containing `t` (e.g. months since year 0), so that
/// step = periodOrdinal(t) - periodOrdinal(first). Calendar periods, local time.
[[nodiscard]] std::int64_t periodOrdinal(LocalTime t, TimePeriod period);
/// "2023-05", "2023-K2" (kwartaal) or "2023" for an ordinal of periodOrdinal.
[[nodiscard]] std::string periodLabel(std::int64_t ordinal, TimePeriod period);

// ---------------------------------------------------------------------------------------------
// Space-time cube and neighbours
// ---------------------------------------------------------------------------------------------

/// Values (usually event counts) per location and time step; location-major storage.
/// Locations are grid cells or areas (buurten, wijken); steps are equal periods.
class SpaceTimeCube {
public:
    SpaceTimeCube() = default;
    SpaceTimeCube(std::size_t locations, std::size_t steps)
        : m_locations(locations), m_steps(steps), m_values(locations * steps, 0.0)
    {}
    [[nodiscard]] std::size_t locations() const { return m_locations; }
    [[nodiscard]] std::size_t steps() const { return m_steps; }
    [[nodiscard]] double& at(std::size_t location, std::size_t step) { return m_values[location * m_steps + step]; }
    [[nodiscard]] double at(std::size_t location, std::size_t step) const
    {
        return m_values[location * m_steps + step];
    }
    /// The time series of one location.
    [[nodiscard]] std::span<const double> series(std::size_t location) const
    {
        return {m_values.data() + location * m_steps, m_steps};
    }
    [[nodiscard]] const std::vector<double>& values() const { return m_values; }
    /// The values moved out; the cube is empty after.
    [[nodiscard]] std::vector<double> takeValues() &&
    {
        m_locations = m_steps = 0;
        return std::move(m_values);
    }

private:
    std::size_t m_locations = 0;
    std::size_t m_steps = 0;
    std::vector<double> m_values;
};

/// Spatial neighbours in compressed sparse row form: the neighbours of location i are
/// indices[offsets[i] .. offsets[i + 1]). Binary weights; the location itself need not (and
/// should not) be listed: Gi* adds it. Any CSR neighbour structure (contiguity, distance band,
/// k nearest) converts to this by copying its two arrays.
struct NeighbourCsr {
    std::vector<std::int64_t> offsets{0}; ///< size locations + 1
    std::vector<std::int32_t> indices;

    [[nodiscard]] std::size_t locations() const { return offsets.size() - 1; }
    /// From one neighbour list per location.
    [[nodiscard]] static NeighbourCsr fromLists(const std::vector<std::vector<std::int32_t>>& lists);
    /// The neighbour structure of a weights matrix (contiguity, k nearest, distance band); its
    /// weights are ignored (Gi* here is binary) and a self-inclusion is dropped.
    [[nodiscard]] static NeighbourCsr fromWeights(const SpatialWeights& weights);
};

// ---------------------------------------------------------------------------------------------
// Mann-Kendall
// ---------------------------------------------------------------------------------------------

/// The Mann-Kendall test for a monotonic trend in a series (Mann 1945, Kendall 1975):
/// S = sum over i < j of sign(x_j - x_i);
/// Var(S) = [n(n-1)(2n+5) - sum over tie groups t(t-1)(2t+5)] / 18;
/// Z = (S - sign(S)) / sqrt(Var(S)) (continuity correction), two-sided p from the normal
/// distribution; tau = Kendall's tau-b against time. Matches R
/// cor.test(x, seq_along(x), method = "kendall", exact = FALSE, continuity = TRUE).
struct MannKendall {
    double s = 0.0;
    double varS = 0.0;
    double z = 0.0;
    double p = 1.0; ///< two-sided; 1 when the series is too short or constant
    double tau = 0.0;
};

/// Mann-Kendall test of `series` in time order. Non-finite values are skipped.
[[nodiscard]] MannKendall mannKendall(std::span<const double> series);

// ---------------------------------------------------------------------------------------------
// Emerging hot spot classes (Esri, ArcGIS Emerging Hot Spot Analysis)
// ---------------------------------------------------------------------------------------------

/// The 17 pattern classes of Esri's Emerging Hot Spot Analysis. See classifyEmerging for the
/// decision rules.
enum class EmergingClass : std::uint8_t {
    NoPattern,
    NewHot,
    ConsecutiveHot,
    IntensifyingHot,
    PersistentHot,
    DiminishingHot,
    SporadicHot,
    OscillatingHot,
    HistoricalHot,
    NewCold,
    ConsecutiveCold,
    IntensifyingCold,
    PersistentCold,
    DiminishingCold,
    SporadicCold,
    OscillatingCold,
    HistoricalCold,
};
inline constexpr int kEmergingClassCount = 17;

/// Dutch label ("nieuwe hotspot", "aanhoudende coldspot", "geen patroon", ...): the default
/// user-facing text.
[[nodiscard]] std::string_view emergingLabelNl(EmergingClass c);
/// Esri's English label ("New Hot Spot", ..., "No Pattern Detected").
[[nodiscard]] std::string_view emergingLabelEn(EmergingClass c);
/// Stable machine code ("new_hot", "persistent_cold", "no_pattern") for output fields.
[[nodiscard]] std::string_view emergingCode(EmergingClass c);

/// Classifies one location from its per-step hot/cold states (+1 significant hot spot,
/// -1 significant cold spot, 0 not significant; oldest first) and the Mann-Kendall trend of its
/// Gi* z-scores. With n steps, "hot for 90 %" means hot in at least 0.9 n steps (integer test
/// 10 * hot >= 9 * n), and a trend is significant when trend.p < trendAlpha.
///
/// Rules (Esri's definitions; where they overlap, the precedence below decides, and Esri's
/// "never a hot spot before" is read as "never significant before", as R sfdep does):
/// If the final step is hot:
///  - hot in >= 90 % of the steps:
///       trend up (tau > 0, significant)   -> intensifying hot spot
///       trend down (tau < 0, significant) -> diminishing hot spot
///       otherwise                         -> persistent hot spot
///  - else, when some earlier step was cold  -> oscillating hot spot
///  - else, the final step is the only hot step -> new hot spot
///  - else, the hot steps form one run of >= 2 at the end -> consecutive hot spot
///  - else (hot on and off, never cold)      -> sporadic hot spot
/// If the final step is cold: the same with hot and cold swapped (an intensifying cold spot has
/// a significant downward trend in z, a diminishing cold spot an upward one).
/// If the final step is not significant:
///  - hot in >= 90 % of the steps  -> historical hot spot
///  - cold in >= 90 % of the steps -> historical cold spot
///  - otherwise                    -> no pattern.
/// The final step's state takes precedence: a location hot in 90 % of the steps whose final
/// step is cold is an oscillating cold spot, not a historical hot spot.
[[nodiscard]] EmergingClass classifyEmerging(std::span<const std::int8_t> states, const MannKendall& trendOfZ,
                                             double trendAlpha = 0.05);

// ---------------------------------------------------------------------------------------------
// Emerging hot spot analysis
// ---------------------------------------------------------------------------------------------

struct EmergingOptions {
    /// Time lags in the space-time neighbourhood: bin (i, t) has as neighbours the bins of i and
    /// its spatial neighbours at steps t - timeLags .. t (as Esri's neighbourhood time step and
    /// sfdep's k). 0 = purely spatial Gi* per step.
    int timeLags = 1;
    double binAlpha = 0.05;   ///< a bin is a significant hot/cold spot when p < binAlpha
    double trendAlpha = 0.05; ///< significance of the Mann-Kendall trend of z
    /// Benjamini-Hochberg false discovery rate over all bins (as ArcGIS applies it): changes only
    /// which bins count as significant.
    bool fdr = true;
};

struct EmergingResult {
    std::size_t locations = 0;
    std::size_t steps = 0;
    std::vector<double> z;                 ///< Gi* z per bin, location-major (as SpaceTimeCube)
    std::vector<double> p;                 ///< two-sided normal p per bin
    std::vector<std::int8_t> state;        ///< +1 hot, -1 cold, 0 not significant (after FDR if on)
    std::vector<MannKendall> trendOfZ;     ///< per location: trend of the Gi* z-scores
    std::vector<MannKendall> trendOfValue; ///< per location: trend of the cube values (counts)
    std::vector<EmergingClass> classes;    ///< per location
    double mean = 0.0;                     ///< global mean of the cube (the whole cube is the global window)
    double stdDev = 0.0;                   ///< global standard deviation (divisor n, as Getis-Ord and spdep)
};

/// Gi* per bin with a space-time neighbourhood, Mann-Kendall per location and the Esri class.
///
/// Gi* (Getis & Ord 1992, as R spdep localG with include.self and binary weights) for bin b
/// with neighbourhood N(b) of W bins (itself included):
///   z = (sum_N x - xbar W) / (s sqrt((n W - W^2) / (n - 1)))
/// with n, xbar and s (divisor n) over all bins of the cube (Esri's "entire cube" global
/// window). Bins at the start have fewer time lags (a smaller W). A cube whose values are all
/// equal gives z = 0 everywhere. Throws InputError when the neighbour count does not match the
/// cube or an index is out of range.
[[nodiscard]] EmergingResult emergingHotspots(const SpaceTimeCube& cube, const NeighbourCsr& neighbours,
                                              const EmergingOptions& options = {});

/// Only emergingHotspots(...).classes, the same classes, without a bin-sized array of its own:
/// the running sums take the cube's storage (move it in) and z is computed twice per location
/// instead of kept (a national 100 m grid has 30 million bins per theme, and the full result
/// holds five arrays of them).
[[nodiscard]] std::vector<EmergingClass> emergingClasses(SpaceTimeCube cube, const NeighbourCsr& neighbours,
                                                         const EmergingOptions& options = {});

} // namespace gebiedscan
