// Near repeats (Knox table as Ratcliffe's Near Repeat Calculator) and the global Knox test,
// against an all-pairs brute force that uses the same date permutations.
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/near_repeat.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace gebiedscan {
namespace {

/// Clustered events with coincident points and pairs on band edges, dates over 90 days.
std::vector<SpaceTimeEvent> sampleEvents(std::size_t n, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<SpaceTimeEvent> events;
    for (std::size_t i = 0; i < n; ++i) {
        SpaceTimeEvent e;
        if (i > 0 && i % 9 == 0) {
            e.point = events[i - 1].point; // the same address again
        } else if (i > 0 && i % 7 == 0) {
            e.point = {events[i - 1].point.x + 100.0, events[i - 1].point.y}; // exactly 100 m east
        } else {
            // Whole metres, so many distances fall on 100, 200, 300 exactly.
            e.point = {155000.0 + std::floor(u(rng) * 600.0), 463000.0 + std::floor(u(rng) * 400.0)};
        }
        e.day = 19000 + static_cast<std::int64_t>(u(rng) * 90.0);
        events.push_back(e);
    }
    return events;
}

/// All pairs, all permutations: the definition, O(n^2 R).
NearRepeatTable bruteForce(const std::vector<SpaceTimeEvent>& events, const NearRepeatOptions& o)
{
    NearRepeatTable t;
    t.distanceBands = o.distanceBands;
    t.timeBands = o.timeBands;
    const std::size_t rows = t.distanceClasses(), cols = t.timeClasses();
    auto count = [&](const std::vector<std::int64_t>& days) {
        std::vector<std::uint64_t> c(rows * cols, 0);
        for (std::size_t i = 0; i < events.size(); ++i)
            for (std::size_t j = i + 1; j < events.size(); ++j) {
                const double d = eventDistance(events[i].point, events[j].point, o.metric);
                const std::size_t dc = distanceClassOf(d, o.distanceBands);
                const std::size_t tc = timeClassOf(std::llabs(days[i] - days[j]), o.timeBands);
                ++c[dc * cols + tc];
            }
        return c;
    };
    std::vector<std::int64_t> days;
    for (const auto& e : events) days.push_back(e.day);
    t.observed = count(days);
    std::vector<std::uint64_t> sums(rows * cols, 0);
    t.atLeastObserved.assign(rows * cols, 0);
    for (std::size_t r = 0; r < o.permutations; ++r) {
        const auto c = count(permutedDays(days, o.seed, r));
        for (std::size_t k = 0; k < c.size(); ++k) {
            sums[k] += c[k];
            if (c[k] >= t.observed[k]) ++t.atLeastObserved[k];
        }
    }
    for (std::size_t k = 0; k < sums.size(); ++k) {
        t.expected.push_back(static_cast<double>(sums[k]) / static_cast<double>(o.permutations));
        t.p.push_back((t.atLeastObserved[k] + 1.0) / (static_cast<double>(o.permutations) + 1.0));
    }
    return t;
}

TEST(NearRepeat, BandEdgesAreHalfOpen)
{
    const std::vector<double> d{100, 200, 300};
    EXPECT_EQ(distanceClassOf(0.0, d), 0u);  // same location
    EXPECT_EQ(distanceClassOf(1e-9, d), 1u); // (0, 100)
    EXPECT_EQ(distanceClassOf(99.999, d), 1u);
    EXPECT_EQ(distanceClassOf(100.0, d), 2u); // exactly 100 m: [100, 200)
    EXPECT_EQ(distanceClassOf(299.999, d), 3u);
    EXPECT_EQ(distanceClassOf(300.0, d), 4u); // [300, inf)
    EXPECT_EQ(distanceClassOf(1e7, d), 4u);
    const std::vector<std::int64_t> t{7, 14, 21};
    EXPECT_EQ(timeClassOf(0, t), 0u);
    EXPECT_EQ(timeClassOf(6, t), 0u);
    EXPECT_EQ(timeClassOf(7, t), 1u);
    EXPECT_EQ(timeClassOf(13, t), 1u);
    EXPECT_EQ(timeClassOf(21, t), 3u);
    EXPECT_EQ(timeClassOf(5000, t), 3u);
}

TEST(NearRepeat, HandPlacedPairsLandInTheirCells)
{
    // A at the origin on day 0; B exactly 100 m east on day 7; C at A's location on day 3;
    // D 60 m east and 40 m north of A (Manhattan 100, Euclidean 72.1) on day 30.
    const std::vector<SpaceTimeEvent> events{
        {{1000, 1000}, 0}, {{1100, 1000}, 7}, {{1000, 1000}, 3}, {{1060, 1040}, 30}};
    NearRepeatOptions o;
    o.permutations = 19;
    const NearRepeatTable t = nearRepeatTable(events, o);
    ASSERT_EQ(t.distanceClasses(), 5u);
    ASSERT_EQ(t.timeClasses(), 4u);
    EXPECT_EQ(t.pairs, 6u);
    // Manhattan: A-B 100 -> [100,200), 7 d -> [7,14); A-C 0 -> same, 3 d -> [0,7);
    // A-D 100 -> [100,200), 30 d -> [21,inf); B-C 100, 4 d; B-D 40+40 = 80, 23 d; C-D 100, 27 d.
    std::vector<std::uint64_t> expected(20, 0);
    expected[t.index(2, 1)] = 1; // A-B
    expected[t.index(0, 0)] = 1; // A-C
    expected[t.index(2, 3)] = 2; // A-D, C-D
    expected[t.index(2, 0)] = 1; // B-C
    expected[t.index(1, 3)] = 1; // B-D
    EXPECT_EQ(t.observed, expected);

    o.metric = DistanceMetric::Euclidean; // A-D and C-D: 72.1 m -> (0,100); B-D: 56.6 m
    const NearRepeatTable e = nearRepeatTable(events, o);
    EXPECT_EQ(e.observed[e.index(1, 3)], 3u);
    EXPECT_EQ(e.observed[e.index(2, 3)], 0u);
    EXPECT_EQ(e.observed[e.index(2, 1)], 1u);
}

TEST(NearRepeat, EqualsAllPairsBruteForceWithTheSamePermutations)
{
    for (const DistanceMetric metric : {DistanceMetric::Manhattan, DistanceMetric::Euclidean}) {
        const auto events = sampleEvents(180, 7);
        NearRepeatOptions o;
        o.metric = metric;
        o.permutations = 49;
        o.seed = 424242;
        const NearRepeatTable fast = nearRepeatTable(events, o);
        const NearRepeatTable slow = bruteForce(events, o);
        EXPECT_EQ(fast.observed, slow.observed);
        EXPECT_EQ(fast.atLeastObserved, slow.atLeastObserved);
        ASSERT_EQ(fast.expected.size(), slow.expected.size());
        for (std::size_t k = 0; k < fast.expected.size(); ++k) {
            EXPECT_DOUBLE_EQ(fast.expected[k], slow.expected[k]) << k;
            EXPECT_DOUBLE_EQ(fast.p[k], slow.p[k]) << k;
        }
        // The sample must exercise every row, or the comparison proves little.
        for (std::size_t d = 0; d < fast.distanceClasses(); ++d) {
            std::uint64_t row = 0;
            for (std::size_t c = 0; c < fast.timeClasses(); ++c) row += fast.observed[fast.index(d, c)];
            EXPECT_GT(row, 0u) << "distance class " << d;
        }
        std::uint64_t total = 0;
        for (auto v : fast.observed) total += v;
        EXPECT_EQ(total, 180u * 179u / 2u);
        // Permuting dates keeps each column total, so expected sums to the same per column.
        for (std::size_t c = 0; c < fast.timeClasses(); ++c) {
            double obs = 0, exp = 0;
            for (std::size_t d = 0; d < fast.distanceClasses(); ++d) {
                obs += static_cast<double>(fast.observed[fast.index(d, c)]);
                exp += fast.expected[fast.index(d, c)];
            }
            EXPECT_NEAR(obs, exp, 1e-9);
        }
    }
}

TEST(NearRepeat, SameTableForAnyThreadCount)
{
    const auto events = sampleEvents(400, 11);
    NearRepeatOptions o;
    o.permutations = 99;
    o.threads = 1;
    const NearRepeatTable one = nearRepeatTable(events, o);
    for (unsigned threads : {2u, 3u, 8u}) {
        o.threads = threads;
        const NearRepeatTable many = nearRepeatTable(events, o);
        EXPECT_EQ(many.observed, one.observed);
        EXPECT_EQ(many.atLeastObserved, one.atLeastObserved);
        EXPECT_EQ(many.expected, one.expected);
        EXPECT_EQ(many.p, one.p);
    }
    o.seed = 1;
    EXPECT_NE(nearRepeatTable(events, o).atLeastObserved, one.atLeastObserved);
}

TEST(NearRepeat, DetectsPlantedRepeats)
{
    // Background: 300 events spread over 5 x 5 km and a year; planted: 40 sources, each with a
    // follow-up 30-60 m away 1-5 days later. The cell (0,100) x [0,7) must stand out.
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<SpaceTimeEvent> events;
    for (int i = 0; i < 300; ++i)
        events.push_back({{u(rng) * 5000, u(rng) * 5000}, static_cast<std::int64_t>(u(rng) * 365)});
    for (int i = 0; i < 40; ++i) {
        const SpaceTimeEvent s = events[static_cast<std::size_t>(i)];
        events.push_back(
            {{s.point.x + 30 + u(rng) * 30, s.point.y}, s.day + 1 + static_cast<std::int64_t>(u(rng) * 4)});
    }
    NearRepeatOptions o;
    o.permutations = 199;
    const NearRepeatTable t = nearRepeatTable(events, o);
    EXPECT_GE(t.observed[t.index(1, 0)], 40u);
    EXPECT_GT(t.ratio(1, 0), 5.0);
    EXPECT_DOUBLE_EQ(t.p[t.index(1, 0)], 1.0 / 200.0);
    // Column totals do not move under permutation: the excess near pairs are missing far away.
    EXPECT_LT(static_cast<double>(t.observed[t.index(4, 0)]), t.expected[t.index(4, 0)]);
    EXPECT_GT(t.p[t.index(4, 0)], 0.5);
}

TEST(NearRepeat, PairsPerEventEqualAllPairs)
{
    const auto events = sampleEvents(250, 9);
    for (const DistanceMetric metric : {DistanceMetric::Manhattan, DistanceMetric::Euclidean}) {
        const auto counts = nearRepeatPairsPerEvent(events, 100.0, 7, metric);
        std::vector<std::uint32_t> expected(events.size(), 0);
        for (std::size_t i = 0; i < events.size(); ++i)
            for (std::size_t j = i + 1; j < events.size(); ++j)
                if (eventDistance(events[i].point, events[j].point, metric) < 100.0 &&
                    std::llabs(events[i].day - events[j].day) < 7) {
                    ++expected[i];
                    ++expected[j];
                }
        EXPECT_EQ(counts, expected);
        // Consistent with the table: pairs = the cells (same location, (0,100)) x [0,7).
        NearRepeatOptions o;
        o.metric = metric;
        o.permutations = 1;
        const NearRepeatTable t = nearRepeatTable(events, o);
        std::uint64_t sum = 0;
        for (auto c : counts) sum += c;
        EXPECT_EQ(sum / 2, t.observed[t.index(0, 0)] + t.observed[t.index(1, 0)]);
        EXPECT_GT(sum, 0u);
    }
}

TEST(NearRepeat, RejectsBadBands)
{
    const auto events = sampleEvents(10, 1);
    NearRepeatOptions o;
    o.distanceBands = {200, 100};
    EXPECT_THROW((void)nearRepeatTable(events, o), InputError);
    o.distanceBands = {};
    EXPECT_THROW((void)nearRepeatTable(events, o), InputError);
    o.distanceBands = {100};
    o.timeBands = {0, 7};
    EXPECT_THROW((void)nearRepeatTable(events, o), InputError);
    o.timeBands = {7};
    o.permutations = 0;
    EXPECT_THROW((void)nearRepeatTable(events, o), InputError);
}

TEST(Knox, EqualsBruteForceAndPoissonApproximation)
{
    const auto events = sampleEvents(150, 5);
    KnoxOptions o;
    o.distance = 100.0; // inclusive: the pairs at exactly 100 m count
    o.days = 7;         // inclusive
    o.permutations = 99;
    o.seed = 77;
    const KnoxResult k = knoxTest(events, o);

    std::vector<std::int64_t> days;
    for (const auto& e : events) days.push_back(e.day);
    auto statistic = [&](const std::vector<std::int64_t>& d) {
        std::uint64_t x = 0;
        for (std::size_t i = 0; i < events.size(); ++i)
            for (std::size_t j = i + 1; j < events.size(); ++j)
                if (eventDistance(events[i].point, events[j].point, o.metric) <= 100.0 && std::llabs(d[i] - d[j]) <= 7)
                    ++x;
        return x;
    };
    std::uint64_t s = 0, t = 0, atEdge = 0;
    for (std::size_t i = 0; i < events.size(); ++i)
        for (std::size_t j = i + 1; j < events.size(); ++j) {
            const double d = eventDistance(events[i].point, events[j].point, o.metric);
            s += d <= 100.0;
            atEdge += d == 100.0;
            t += std::llabs(days[i] - days[j]) <= 7;
        }
    EXPECT_GT(atEdge, 0u);
    EXPECT_EQ(k.statistic, statistic(days));
    EXPECT_EQ(k.closeInSpace, s);
    EXPECT_EQ(k.closeInTime, t);
    EXPECT_EQ(k.pairs, 150u * 149u / 2u);
    const double lambda = static_cast<double>(s) * static_cast<double>(t) / (150.0 * 149.0 / 2.0);
    EXPECT_DOUBLE_EQ(k.expectedPoisson, lambda);
    double cdf = 0.0; // P(X <= statistic - 1)
    for (std::uint64_t x = 0; x < k.statistic; ++x)
        cdf +=
            std::exp(-lambda + static_cast<double>(x) * std::log(lambda) - std::lgamma(static_cast<double>(x) + 1.0));
    EXPECT_NEAR(k.pPoisson, 1.0 - cdf, 1e-12);

    std::uint64_t sum = 0, m = 0;
    for (std::size_t r = 0; r < o.permutations; ++r) {
        const std::uint64_t x = statistic(permutedDays(days, o.seed, r));
        sum += x;
        m += x >= k.statistic;
    }
    EXPECT_DOUBLE_EQ(k.expectedPermutation, static_cast<double>(sum) / 99.0);
    EXPECT_DOUBLE_EQ(k.pPermutation, (static_cast<double>(m) + 1.0) / 100.0);
}

TEST(Knox, PoissonTailOfAKnownCase)
{
    // Two coincident pairs far apart in space, both on the same day: S = 2, T = 2 of N = 6 pairs
    // (4 events), X = 2, E = 2 * 2 / 6; P(Poisson(2/3) >= 2) = 1 - e^(-2/3) (1 + 2/3) = 0.1443.
    const std::vector<SpaceTimeEvent> events{{{0, 0}, 10}, {{0, 0}, 10}, {{5000, 0}, 50}, {{5000, 0}, 50}};
    KnoxOptions o;
    o.distance = 0.0;
    o.days = 0;
    o.permutations = 9;
    const KnoxResult k = knoxTest(events, o);
    EXPECT_EQ(k.statistic, 2u);
    EXPECT_NEAR(k.expectedPoisson, 2.0 / 3.0, 1e-15);
    EXPECT_NEAR(k.pPoisson, 1.0 - std::exp(-2.0 / 3.0) * (1.0 + 2.0 / 3.0), 1e-14);
}

} // namespace
} // namespace gebiedscan
