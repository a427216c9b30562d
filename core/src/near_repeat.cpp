#include "gebiedscan/core/near_repeat.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <thread>

namespace gebiedscan {

namespace {

/// SplitMix64 (Steele, Lea & Flood 2014): tiny state, cheap to seed once per permutation.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// Uniform integer in [0, range), unbiased (Lemire 2019, multiply and reject), range < 2^32.
    std::uint32_t below(std::uint32_t range)
    {
        std::uint64_t m = (next() >> 32) * range;
        auto low = static_cast<std::uint32_t>(m);
        if (low < range) {
            const std::uint32_t threshold = static_cast<std::uint32_t>(-range) % range;
            while (low < threshold) {
                m = (next() >> 32) * range;
                low = static_cast<std::uint32_t>(m);
            }
        }
        return static_cast<std::uint32_t>(m >> 32);
    }

private:
    std::uint64_t m_state;
};

/// Shuffles `out` (a copy of the dates) in place as permutation r of `seed`.
void shuffleInPlace(std::vector<std::int64_t>& out, std::uint64_t seed, std::size_t r)
{
    // Decorrelate the streams of neighbouring r by passing (seed, r) through one SplitMix64 step.
    SplitMix64 mixer(seed ^ (0xd1b54a32d192ed03ULL * (static_cast<std::uint64_t>(r) + 1)));
    SplitMix64 rng(mixer.next());
    for (std::size_t i = out.size(); i > 1; --i) {
        const std::uint32_t j = rng.below(static_cast<std::uint32_t>(i));
        std::swap(out[i - 1], out[j]);
    }
}

void checkCommon(std::span<const SpaceTimeEvent> events, std::size_t permutations)
{
    if (permutations == 0) throw InputError("the number of permutations must be at least 1");
    if (permutations > 0xffffffffu) throw InputError("too many permutations");
    if (events.size() >= 0xffffffffu) throw InputError("too many events for the near-repeat analysis");
    for (const auto& e : events)
        if (!std::isfinite(e.point.x) || !std::isfinite(e.point.y))
            throw InputError("an event without finite coordinates");
}

constexpr std::uint64_t kMaxNearPairs = 300'000'000;

/// Pairs of events closer than a radius, found through a uniform grid, grouped by class.
/// Events are renumbered in grid order (positions) for memory locality of the permutation loop.
struct PairIndex {
    std::vector<std::uint32_t> order;                   ///< position -> event index
    std::vector<std::vector<std::uint32_t>> classPairs; ///< per class: a0, b0, a1, b1, ... (positions)
    std::uint64_t count = 0;
};

/// `classify(distance)` returns the class of a pair or -1 to leave it out; it must return -1 for
/// every distance above `radius`.
template <class Classify>
PairIndex buildPairs(std::span<const SpaceTimeEvent> events, double radius, DistanceMetric metric, std::size_t classes,
                     Classify classify)
{
    PairIndex index;
    index.classPairs.resize(classes);
    const std::size_t n = events.size();
    if (n < 2) {
        index.order.resize(n);
        std::iota(index.order.begin(), index.order.end(), 0u);
        return index;
    }
    double minX = events[0].point.x, minY = events[0].point.y, maxX = minX, maxY = minY;
    for (const auto& e : events) {
        minX = std::min(minX, e.point.x);
        minY = std::min(minY, e.point.y);
        maxX = std::max(maxX, e.point.x);
        maxY = std::max(maxY, e.point.y);
    }
    // Slightly larger cells than the radius: a pair within the radius then never lies two cells
    // apart, whatever the rounding of the cell coordinates. Larger cells stay correct (only more
    // candidates), so a tiny radius over a wide extent gets cells that keep the keys in 32 bits.
    const double cell = std::max(radius * (1.0 + 1e-9) + 1e-9, std::max(maxX - minX, maxY - minY) / 1e9);
    std::vector<std::uint64_t> keys(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto cx = static_cast<std::uint64_t>(std::floor((events[i].point.x - minX) / cell));
        const auto cy = static_cast<std::uint64_t>(std::floor((events[i].point.y - minY) / cell));
        keys[i] = (cx << 32) | cy;
    }
    index.order.resize(n);
    std::iota(index.order.begin(), index.order.end(), 0u);
    std::sort(index.order.begin(), index.order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return keys[a] != keys[b] ? keys[a] < keys[b] : a < b; });
    std::vector<PointRd> pts(n);
    std::vector<std::uint64_t> cellKeys;
    std::vector<std::uint32_t> cellStart;
    for (std::size_t k = 0; k < n; ++k) {
        pts[k] = events[index.order[k]].point;
        const std::uint64_t key = keys[index.order[k]];
        if (cellKeys.empty() || cellKeys.back() != key) {
            cellKeys.push_back(key);
            cellStart.push_back(static_cast<std::uint32_t>(k));
        }
    }
    cellStart.push_back(static_cast<std::uint32_t>(n));

    auto consider = [&](std::uint32_t a, std::uint32_t b) {
        const int c = classify(eventDistance(pts[a], pts[b], metric));
        if (c < 0) return;
        // 300 million pairs take 2.4 GB and hours of permutations: stop with advice instead.
        if (index.count >= kMaxNearPairs)
            throw InputError("more than 300 million pairs of events closer than the last distance band: use smaller "
                             "bands, or count registrations at one address once");
        auto& list = index.classPairs[static_cast<std::size_t>(c)];
        list.push_back(a);
        list.push_back(b);
        ++index.count;
    };
    auto between = [&](std::size_t c, std::size_t d) {
        for (std::uint32_t a = cellStart[c]; a < cellStart[c + 1]; ++a)
            for (std::uint32_t b = cellStart[d]; b < cellStart[d + 1]; ++b) consider(a, b);
    };
    const std::size_t cells = cellKeys.size();
    for (std::size_t c = 0; c < cells; ++c) {
        for (std::uint32_t a = cellStart[c]; a < cellStart[c + 1]; ++a)
            for (std::uint32_t b = a + 1; b < cellStart[c + 1]; ++b) consider(a, b);
        const std::uint64_t cx = cellKeys[c] >> 32;
        const std::uint64_t cy = cellKeys[c] & 0xffffffffULL;
        // Half of the 8-neighbourhood, so each pair of cells is visited once: (cx, cy+1) and the
        // three cells of column cx+1 (contiguous in key order).
        if (c + 1 < cells && cellKeys[c + 1] == ((cx << 32) | (cy + 1))) between(c, c + 1);
        const std::uint64_t lo = ((cx + 1) << 32) | (cy == 0 ? 0 : cy - 1);
        const std::uint64_t hi = ((cx + 1) << 32) | (cy + 1);
        for (auto it = std::lower_bound(cellKeys.begin() + static_cast<std::ptrdiff_t>(c) + 1, cellKeys.end(), lo);
             it != cellKeys.end() && *it <= hi; ++it)
            between(c, static_cast<std::size_t>(it - cellKeys.begin()));
    }
    return index;
}

constexpr std::int64_t kLongestTimeBand = std::int64_t{1} << 22; // days: a lookup table of 4 MB

/// Time classes of day differences: a lookup table below the last band edge.
class TimeClassifier {
public:
    explicit TimeClassifier(std::span<const std::int64_t> bands)
    {
        m_last = static_cast<std::int32_t>(bands.back());
        m_farClass = static_cast<std::uint8_t>(bands.size());
        m_table.resize(static_cast<std::size_t>(m_last));
        for (std::int32_t d = 0; d < m_last; ++d)
            m_table[static_cast<std::size_t>(d)] = static_cast<std::uint8_t>(timeClassOf(d, bands));
    }
    /// The class of dt >= 0 when it is below the last edge, else farClass().
    [[nodiscard]] std::size_t classOf(std::int32_t dt) const
    {
        return dt >= m_last ? m_farClass : m_table[static_cast<std::size_t>(dt)];
    }
    [[nodiscard]] bool isFar(std::int32_t dt) const { return dt >= m_last; }
    [[nodiscard]] std::size_t farClass() const { return m_farClass; }
    [[nodiscard]] std::size_t classes() const { return std::size_t{m_farClass} + 1; }
    [[nodiscard]] std::uint8_t nearClassOf(std::int32_t dt) const { return m_table[static_cast<std::size_t>(dt)]; }

private:
    std::int32_t m_last = 0;
    std::uint8_t m_farClass = 0;
    std::vector<std::uint8_t> m_table;
};

/// The dates as small integers (days since the first), which the permutation loop reads.
std::vector<std::int32_t> relativeDays(std::span<const SpaceTimeEvent> events)
{
    std::int64_t first = 0, last = 0;
    if (!events.empty()) first = last = events[0].day;
    for (const auto& e : events) {
        first = std::min(first, e.day);
        last = std::max(last, e.day);
    }
    if (last - first > (std::int64_t{1} << 30)) throw InputError("the events span more than a million years");
    std::vector<std::int32_t> days(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) days[i] = static_cast<std::int32_t>(events[i].day - first);
    return days;
}

/// Counts the pairs of every distance class by time class for B date vectors at once (the dates
/// of position k for vector s at days[k * B + s]): counts[s * stride + class * T + timeClass] (added
/// to). Reading the pair list once for B permutations keeps the loop out of main memory. The far
/// time class, by far the most common, is not counted but derived from the class's pair count.
template <int B>
void countPairs(const PairIndex& index, const std::int32_t* days, const TimeClassifier& time, std::uint64_t* counts,
                std::size_t stride)
{
    const std::size_t t = time.classes();
    for (std::size_t c = 0; c < index.classPairs.size(); ++c) {
        const auto& list = index.classPairs[c];
        std::uint64_t local[B][64] = {};
        for (std::size_t k = 0; k + 1 < list.size(); k += 2) {
            const std::int32_t* da = days + static_cast<std::size_t>(list[k]) * B;
            const std::int32_t* db = days + static_cast<std::size_t>(list[k + 1]) * B;
            for (int s = 0; s < B; ++s) {
                const std::int32_t dt = da[s] > db[s] ? da[s] - db[s] : db[s] - da[s];
                if (!time.isFar(dt)) ++local[s][time.nearClassOf(dt)];
            }
        }
        const std::uint64_t pairs = list.size() / 2;
        for (int s = 0; s < B; ++s) {
            std::uint64_t* row = counts + static_cast<std::size_t>(s) * stride + c * t;
            std::uint64_t near = 0;
            for (std::size_t k = 0; k + 1 < t; ++k) {
                row[k] += local[s][k];
                near += local[s][k];
            }
            row[t - 1] += pairs - near;
        }
    }
}

/// Pairs of events per time class, from the dates alone (two pointers over the sorted dates).
std::vector<std::uint64_t> pairsByTimeClass(std::span<const SpaceTimeEvent> events, std::span<const std::int64_t> bands)
{
    std::vector<std::int64_t> days(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) days[i] = events[i].day;
    std::sort(days.begin(), days.end());
    const std::uint64_t n = days.size();
    const std::uint64_t all = n < 2 ? 0 : n * (n - 1) / 2;
    std::vector<std::uint64_t> below; // pairs with difference < edge
    for (std::int64_t edge : bands) {
        std::uint64_t count = 0;
        std::size_t j = 0;
        for (std::size_t i = 0; i < days.size(); ++i) {
            if (j < i + 1) j = i + 1;
            while (j < days.size() && days[j] - days[i] < edge) ++j;
            count += j - i - 1;
        }
        below.push_back(count);
    }
    std::vector<std::uint64_t> result(bands.size() + 1);
    std::uint64_t previous = 0;
    for (std::size_t b = 0; b < bands.size(); ++b) {
        result[b] = below[b] - previous;
        previous = below[b];
    }
    result[bands.size()] = all - previous;
    return result;
}

/// The observed cell counts: the near classes counted, then `finish(counts)` (derived cells).
template <class Finish>
std::vector<std::uint64_t> observedCells(std::span<const SpaceTimeEvent> events, const PairIndex& index,
                                         const TimeClassifier& time, std::size_t cells, Finish finish)
{
    const std::vector<std::int32_t> days = relativeDays(events);
    std::vector<std::int32_t> byPosition(days.size());
    for (std::size_t k = 0; k < byPosition.size(); ++k) byPosition[k] = days[index.order[k]];
    std::vector<std::uint64_t> counts(cells, 0);
    countPairs<1>(index, byPosition.data(), time, counts.data(), cells);
    finish(counts.data());
    return counts;
}

/// Runs R permutations of the dates, kPermutationBatch at a time; per permutation the near classes
/// are counted and `finish(counts)` fills the derived cells. Fills the per-cell sum over the
/// permutations and M (count >= observed).
constexpr int kPermutationBatch = 8;

template <class Finish>
void runPermutations(std::span<const SpaceTimeEvent> events, const PairIndex& index, const TimeClassifier& time,
                     std::size_t permutations, std::uint64_t seed, unsigned threads,
                     std::span<const std::uint64_t> observed, Finish finish, std::vector<std::uint64_t>& sums,
                     std::vector<std::uint32_t>& atLeast)
{
    constexpr int B = kPermutationBatch;
    const std::size_t cells = observed.size();
    sums.assign(cells, 0);
    atLeast.assign(cells, 0);
    const std::size_t batches = (permutations + B - 1) / B;
    unsigned workers = threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads;
    workers = static_cast<unsigned>(std::min<std::size_t>(workers, batches));
    const std::vector<std::int32_t> rel = relativeDays(events);
    const std::vector<std::int64_t> days(rel.begin(), rel.end());

    std::atomic<std::size_t> next{0};
    std::vector<std::vector<std::uint64_t>> threadSums(workers, std::vector<std::uint64_t>(cells, 0));
    std::vector<std::vector<std::uint32_t>> threadAtLeast(workers, std::vector<std::uint32_t>(cells, 0));
    auto work = [&](unsigned w) {
        std::vector<std::int64_t> shuffled;
        std::vector<std::int32_t> byPosition(days.size() * B);
        std::vector<std::uint64_t> counts(cells * B);
        for (;;) {
            const std::size_t batch = next.fetch_add(1);
            if (batch >= batches) break;
            const std::size_t first = batch * B;
            const std::size_t inBatch = std::min<std::size_t>(B, permutations - first);
            for (std::size_t s = 0; s < B; ++s) {
                // A short last batch fills its spare slots with the first permutation (ignored).
                shuffled = days;
                shuffleInPlace(shuffled, seed, first + (s < inBatch ? s : 0));
                for (std::size_t k = 0; k < days.size(); ++k)
                    byPosition[k * B + s] = static_cast<std::int32_t>(shuffled[index.order[k]]);
            }
            std::fill(counts.begin(), counts.end(), 0);
            countPairs<B>(index, byPosition.data(), time, counts.data(), cells);
            for (std::size_t s = 0; s < inBatch; ++s) {
                std::uint64_t* slot = counts.data() + s * cells;
                finish(slot);
                for (std::size_t c = 0; c < cells; ++c) {
                    threadSums[w][c] += slot[c];
                    if (slot[c] >= observed[c]) ++threadAtLeast[w][c];
                }
            }
        }
    };
    if (workers <= 1) {
        work(0);
    } else {
        std::vector<std::jthread> pool;
        for (unsigned w = 0; w < workers; ++w) pool.emplace_back(work, w);
    }
    // Integer sums: the same totals whatever thread did which permutation.
    for (unsigned w = 0; w < workers; ++w)
        for (std::size_t c = 0; c < cells; ++c) {
            sums[c] += threadSums[w][c];
            atLeast[c] += threadAtLeast[w][c];
        }
}

template <class T>
void requireIncreasingPositive(const std::vector<T>& bands, const char* what)
{
    if (bands.empty()) throw InputError(std::string("at least one ") + what + " band is needed");
    if (bands.size() > 64) throw InputError(std::string("at most 64 ") + what + " bands");
    for (std::size_t i = 0; i < bands.size(); ++i) {
        if (!(bands[i] > 0) || (i > 0 && !(bands[i] > bands[i - 1])))
            throw InputError(std::string("the ") + what + " bands must be positive and increasing");
    }
}

/// P(X >= x) for X ~ Poisson(lambda).
double poissonUpperTail(std::uint64_t x, double lambda)
{
    if (x == 0) return 1.0;
    if (!(lambda > 0)) return 0.0;
    auto term = [&](double k) { return std::exp(-lambda + k * std::log(lambda) - std::lgamma(k + 1.0)); };
    const auto xd = static_cast<double>(x);
    if (xd <= lambda) {
        double cdf = 0.0;
        for (std::uint64_t k = 0; k < x; ++k) cdf += term(static_cast<double>(k));
        return std::clamp(1.0 - cdf, 0.0, 1.0);
    }
    double tail = 0.0;
    for (double k = xd;; k += 1.0) {
        const double t = term(k);
        tail += t;
        if (t <= tail * 1e-17 || k > xd + 1e7) break;
    }
    return std::clamp(tail, 0.0, 1.0);
}

} // namespace

double NearRepeatTable::ratio(std::size_t distanceClass, std::size_t timeClass) const
{
    const std::size_t i = index(distanceClass, timeClass);
    if (expected[i] > 0) return static_cast<double>(observed[i]) / expected[i];
    return observed[i] == 0 ? 0.0 : std::numeric_limits<double>::infinity();
}

double eventDistance(const PointRd& a, const PointRd& b, DistanceMetric metric)
{
    const double dx = a.x - b.x;
    const double dy = a.y - b.y;
    return metric == DistanceMetric::Manhattan ? std::fabs(dx) + std::fabs(dy) : std::sqrt(dx * dx + dy * dy);
}

std::size_t distanceClassOf(double distance, std::span<const double> bands)
{
    if (distance == 0.0) return 0;
    return 1 + static_cast<std::size_t>(std::upper_bound(bands.begin(), bands.end(), distance) - bands.begin());
}

std::size_t timeClassOf(std::int64_t days, std::span<const std::int64_t> bands)
{
    return static_cast<std::size_t>(std::upper_bound(bands.begin(), bands.end(), days) - bands.begin());
}

std::vector<std::int64_t> permutedDays(std::span<const std::int64_t> days, std::uint64_t seed, std::size_t r)
{
    std::vector<std::int64_t> out(days.begin(), days.end());
    shuffleInPlace(out, seed, r);
    return out;
}

void validateNearRepeatOptions(const NearRepeatOptions& o)
{
    requireIncreasingPositive(o.distanceBands, "distance");
    requireIncreasingPositive(o.timeBands, "time");
    if (o.timeBands.back() > kLongestTimeBand) throw InputError("time bands longer than 4 million days");
    checkCommon({}, o.permutations);
}

NearRepeatTable nearRepeatTable(std::span<const SpaceTimeEvent> events, const NearRepeatOptions& o)
{
    validateNearRepeatOptions(o);
    checkCommon(events, o.permutations);

    NearRepeatTable table;
    table.distanceBands = o.distanceBands;
    table.timeBands = o.timeBands;
    table.events = events.size();
    table.permutations = o.permutations;
    const std::uint64_t n = events.size();
    table.pairs = n < 2 ? 0 : n * (n - 1) / 2;
    const std::size_t rows = table.distanceClasses();
    const std::size_t cols = table.timeClasses();
    const std::size_t nearRows = rows - 1; // same location and the closed bands
    const double radius = o.distanceBands.back();
    const std::span<const double> bands(o.distanceBands);

    const PairIndex index = buildPairs(events, radius, o.metric, nearRows, [&](double d) {
        return d < radius ? static_cast<int>(distanceClassOf(d, bands)) : -1;
    });
    table.nearPairs = index.count;
    const TimeClassifier time(o.timeBands);
    const std::vector<std::uint64_t> columnTotals = pairsByTimeClass(events, o.timeBands);

    // Near rows by counting, the open row [dk, inf) as column total minus the near rows.
    auto openRow = [&](std::uint64_t* counts) {
        for (std::size_t t = 0; t < cols; ++t) {
            std::uint64_t near = 0;
            for (std::size_t d = 0; d < nearRows; ++d) near += counts[d * cols + t];
            counts[nearRows * cols + t] = columnTotals[t] - near;
        }
    };
    table.observed = observedCells(events, index, time, rows * cols, openRow);
    std::vector<std::uint64_t> sums;
    runPermutations(events, index, time, o.permutations, o.seed, o.threads, table.observed, openRow, sums,
                    table.atLeastObserved);
    table.expected.resize(rows * cols);
    table.p.resize(rows * cols);
    const auto r = static_cast<double>(o.permutations);
    for (std::size_t c = 0; c < rows * cols; ++c) {
        table.expected[c] = static_cast<double>(sums[c]) / r;
        table.p[c] = (static_cast<double>(table.atLeastObserved[c]) + 1.0) / (r + 1.0);
    }
    return table;
}

std::vector<std::uint32_t> nearRepeatPairsPerEvent(std::span<const SpaceTimeEvent> events, double distance,
                                                   std::int64_t days, DistanceMetric metric)
{
    if (!(distance > 0) || !std::isfinite(distance)) throw InputError("the near-repeat distance must be > 0");
    if (days <= 0) throw InputError("the near-repeat time window must be at least 1 day");
    checkCommon(events, 1);
    const PairIndex index = buildPairs(events, distance, metric, 1, [&](double d) { return d < distance ? 0 : -1; });
    std::vector<std::uint32_t> counts(events.size(), 0);
    const auto& list = index.classPairs[0];
    for (std::size_t k = 0; k + 1 < list.size(); k += 2) {
        const std::uint32_t a = index.order[list[k]], b = index.order[list[k + 1]];
        const std::int64_t dt = events[a].day - events[b].day;
        if (dt < days && -dt < days) {
            ++counts[a];
            ++counts[b];
        }
    }
    return counts;
}

KnoxResult knoxTest(std::span<const SpaceTimeEvent> events, const KnoxOptions& o)
{
    if (!(o.distance >= 0) || !std::isfinite(o.distance)) throw InputError("the Knox distance must be >= 0");
    if (o.days < 0 || o.days >= kLongestTimeBand) throw InputError("the Knox time window must be 0 to 4 million days");
    checkCommon(events, o.permutations);
    KnoxResult result;
    result.permutations = o.permutations;
    const std::uint64_t n = events.size();
    result.pairs = n < 2 ? 0 : n * (n - 1) / 2;

    const PairIndex index =
        buildPairs(events, o.distance, o.metric, 1, [&](double d) { return d <= o.distance ? 0 : -1; });
    result.closeInSpace = index.count;
    // |dt| <= days  <=>  |dt| < days + 1 for whole days: one time band.
    const std::vector<std::int64_t> bands{o.days + 1};
    const TimeClassifier time(bands);
    result.closeInTime = pairsByTimeClass(events, bands)[0];

    auto nothing = [](std::uint64_t*) {};
    const std::vector<std::uint64_t> observed = observedCells(events, index, time, 2, nothing);
    result.statistic = observed[0];

    result.expectedPoisson = result.pairs == 0
                                 ? 0.0
                                 : static_cast<double>(result.closeInSpace) * static_cast<double>(result.closeInTime) /
                                       static_cast<double>(result.pairs);
    result.pPoisson = poissonUpperTail(result.statistic, result.expectedPoisson);

    std::vector<std::uint64_t> sums;
    std::vector<std::uint32_t> atLeast;
    runPermutations(events, index, time, o.permutations, o.seed, o.threads, observed, nothing, sums, atLeast);
    const auto r = static_cast<double>(o.permutations);
    result.expectedPermutation = static_cast<double>(sums[0]) / r;
    result.pPermutation = (static_cast<double>(atLeast[0]) + 1.0) / (r + 1.0);
    return result;
}

} // namespace gebiedscan
