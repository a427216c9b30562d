#include "gebiedscan/core/permutation_inference.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <exception>
#include <mutex>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>

namespace gebiedscan {

namespace {

/// SplitMix64 (Steele, Lea & Flood 2014): tiny state, passes BigCrush, cheap to seed per area.
/// Each 64-bit output serves two 32-bit draws.
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
    std::uint32_t next32()
    {
        if (m_haveSpare) {
            m_haveSpare = false;
            return m_spare;
        }
        const std::uint64_t r = next();
        m_spare = static_cast<std::uint32_t>(r);
        m_haveSpare = true;
        return static_cast<std::uint32_t>(r >> 32);
    }
    /// Uniform integer in [0, range), unbiased (Lemire 2019, multiply and reject).
    std::uint32_t below(std::uint32_t range)
    {
        std::uint64_t m = static_cast<std::uint64_t>(next32()) * range;
        auto low = static_cast<std::uint32_t>(m);
        if (low < range) {
            const std::uint32_t threshold = static_cast<std::uint32_t>(-range) % range;
            while (low < threshold) {
                m = static_cast<std::uint64_t>(next32()) * range;
                low = static_cast<std::uint32_t>(m);
            }
        }
        return static_cast<std::uint32_t>(m >> 32);
    }

private:
    std::uint64_t m_state;
    std::uint32_t m_spare = 0;
    bool m_haveSpare = false;
};

/// Per-thread scratch space.
struct Scratch {
    std::vector<std::vector<double>> weights; // per statistic, the area's neighbour weights
    std::vector<double> observed, tol, sums;
    std::vector<std::uint32_t> ge, le;
    std::vector<char> active;
    std::vector<std::uint32_t> picks;
    std::vector<std::uint32_t> perm; // identity, restored after every draw (Fisher-Yates path)
    std::vector<std::uint32_t> swaps;
    std::vector<double> drawn; // a shared group's draws: R sums per statistic
};

/// One permuted statistic: its values, weights and direction, and where its p-values go.
/// `direction[i]` says how the statistic moves with the permuted lag sum: +1 (Gi, Moran with
/// z_i > 0), -1 (Moran with z_i < 0), 0 (constant).
struct Statistic {
    std::span<const double> v;
    const SpatialWeights* w = nullptr;
    std::span<const signed char> direction;
    PermutationResult* result = nullptr;
    double maxAbs = 0.0;
};

/// The areas in groups: each group's members ascending, the groups in the order of their first
/// member (so the grouping, like the draws, does not depend on the threads).
class Groups {
public:
    static Groups singletons(std::size_t n)
    {
        std::vector<std::uint32_t> own(n);
        std::iota(own.begin(), own.end(), 0u);
        return of(own, n);
    }
    /// From each area's group number (numbered by first appearance).
    static Groups of(std::span<const std::uint32_t> groupOf, std::size_t groups)
    {
        Groups g;
        g.m_start.assign(groups + 1, 0);
        for (const auto id : groupOf) ++g.m_start[id + 1];
        for (std::size_t id = 0; id < groups; ++id) g.m_start[id + 1] += g.m_start[id];
        g.m_members.resize(groupOf.size());
        std::vector<std::size_t> fill(g.m_start.begin(), g.m_start.end() - 1);
        for (std::size_t i = 0; i < groupOf.size(); ++i) g.m_members[fill[groupOf[i]]++] = static_cast<std::uint32_t>(i);
        return g;
    }
    [[nodiscard]] std::size_t count() const { return m_start.size() - 1; }
    [[nodiscard]] std::span<const std::uint32_t> members(std::size_t g) const
    {
        return std::span(m_members).subspan(m_start[g], m_start[g + 1] - m_start[g]);
    }

private:
    std::vector<std::uint32_t> m_members;
    std::vector<std::size_t> m_start;
};

/// Areas whose permutation null distributions are the same: the same number of neighbours, one
/// weight for all of them (binary, row-standardised), and the same own value and direction of
/// every statistic. The other n - 1 values, from which the neighbours are drawn, are then the same
/// multiset for each of them. Areas with unequal weights (inverse distance) stay alone.
Groups groupsOfEqualAreas(std::span<const Statistic> stats)
{
    const std::size_t n = stats[0].v.size();
    struct KeyHash {
        std::size_t operator()(const std::vector<std::uint64_t>& key) const
        {
            std::uint64_t h = 0x9e3779b97f4a7c15ULL;
            for (const auto word : key) h = (h ^ word) * 0xbf58476d1ce4e5b9ULL, h ^= h >> 31;
            return static_cast<std::size_t>(h);
        }
    };
    std::unordered_map<std::vector<std::uint64_t>, std::uint32_t, KeyHash> groupOfKey;
    std::vector<std::uint32_t> groupOf(n);
    std::uint32_t groups = 0;
    std::vector<std::uint64_t> key;
    for (std::size_t i = 0; i < n; ++i) {
        key.clear();
        bool shareable = true;
        for (const auto& st : stats) {
            const auto nb = st.w->neighbours(i);
            const auto wt = st.w->weights(i);
            std::optional<double> weight;
            std::uint64_t k = 0;
            for (std::size_t t = 0; t < nb.size(); ++t) {
                if (nb[t] == i) continue;
                ++k;
                if (!weight) weight = wt[t];
                shareable = shareable && wt[t] == *weight;
            }
            key.push_back(k);
            key.push_back(std::bit_cast<std::uint64_t>(weight.value_or(0.0)));
            key.push_back(std::bit_cast<std::uint64_t>(st.v[i]));
            key.push_back(static_cast<std::uint64_t>(st.direction[i] + 1));
        }
        if (!shareable) key.assign({0xffffffffffffffffULL, i}); // alone
        const auto [it, added] = groupOfKey.try_emplace(key, groups);
        if (added) ++groups;
        groupOf[i] = it->second;
    }
    return Groups::of(groupOf, groups);
}

/// Runs the conditional permutation for all areas, for several statistics whose weights have the
/// same neighbours (self aside) at once: the random draws depend only on (seed, i, k_i, n), so
/// each statistic gets exactly the p-values it gets alone, for the price of one set of draws.
/// `Fixed` 1 or 2: that many statistics, with the sums in registers; 0: any number on one weights
/// matrix (a scan's themes), with the sums in a vector the compiler can vectorise.
template <std::size_t Fixed>
void run(std::span<Statistic> stats, const PermutationOptions& o)
{
    const std::size_t count = stats.size();
    const std::size_t n = stats[0].v.size();
    if constexpr (Fixed == 0)
        for (const auto& st : stats)
            if (st.w != stats[0].w) throw std::logic_error("permutations of many statistics need one weights matrix");
    if (o.permutations == 0) throw InputError("permutations must be at least 1");
    if (o.permutations > 0xffffffffu) throw InputError("too many permutations");
    for (auto& st : stats) {
        PermutationResult& result = *st.result;
        result.permutations = o.permutations;
        result.p.assign(n, 1.0);
        result.extreme.assign(n, static_cast<std::uint32_t>(o.permutations));
        for (double x : st.v) st.maxAbs = std::max(st.maxAbs, std::fabs(x));
    }
    if (n < 2) return;
    // The values side by side (x_j, z_j, ...): one or two cache lines per random pick for all.
    std::vector<double> interleaved(count * n);
    for (std::size_t j = 0; j < n; ++j)
        for (std::size_t c = 0; c < count; ++c) interleaved[count * j + c] = stats[c].v[j];
    const auto others = static_cast<std::uint32_t>(n - 1);
    const double rPlus1 = static_cast<double>(o.permutations) + 1.0;

    // The area's own weights (self left out), observed lag sums and which statistics it tests;
    // returns k, the number of neighbours drawn (the same for every statistic), or 0 when no
    // statistic is tested (p = 1: nothing can be more extreme).
    auto prepare = [&](std::size_t i, Scratch& s) -> std::size_t {
        std::size_t k = 0;
        bool any = false;
        for (std::size_t c = 0; c < count; ++c) {
            const auto nb = stats[c].w->neighbours(i);
            const auto wt = stats[c].w->weights(i);
            auto& weights = s.weights[c];
            weights.clear();
            double sum = 0.0, scale = 0.0;
            for (std::size_t t = 0; t < nb.size(); ++t) {
                if (nb[t] == i) continue; // the self term is the same in every permutation
                weights.push_back(wt[t]);
                sum += wt[t] * stats[c].v[nb[t]];
                scale += std::fabs(wt[t]);
            }
            k = weights.size(); // the same for every statistic (checked by the caller)
            s.observed[c] = sum;
            s.tol[c] = 1e-9 * scale * stats[c].maxAbs;
            s.active[c] = k > 0 && k <= others && stats[c].direction[i] != 0;
            any = any || s.active[c];
        }
        return any ? k : 0;
    };

    // Area i's R draws of its k neighbours. Counting: the draws at least as large / small as the
    // observed sums go to s.ge / s.le. Storing: draw r's sum of statistic c goes to
    // s.drawn[c * R + r] instead, for areas that share i's draws.
    auto draw = [&]<bool Storing>(std::size_t i, std::size_t k, Scratch& s) {
        SplitMix64 rng(o.seed ^ (0xd1b54a32d192ed03ULL * (static_cast<std::uint64_t>(i) + 1)));
        rng.next();
        std::uint32_t ge[2] = {}, le[2] = {}; // Fixed: the counts in registers
        std::fill(s.ge.begin(), s.ge.end(), 0u);
        std::fill(s.le.begin(), s.le.end(), 0u);
        const double observed0 = s.observed[0], tol0 = s.tol[0];
        const double observed1 = s.observed[count - 1], tol1 = s.tol[count - 1];
        const bool rejection = k <= 24 && 4 * k < n;
        const auto self = static_cast<std::uint32_t>(i);
        const double* w0 = s.weights[0].data();
        const double* w1 = s.weights[count - 1].data();
        const double* values = interleaved.data();
        double* sums = s.sums.data();
        s.swaps.resize(k);
        std::uint32_t* swaps = s.swaps.data();
        std::uint32_t* p = s.perm.data();
        // Adds neighbour j at position t to every statistic's permuted lag sum.
        double sum0 = 0.0, sum1 = 0.0;
        const auto add = [&](std::uint32_t t, std::uint32_t j) {
            if constexpr (Fixed == 0) {
                const double wt = w0[t]; // one matrix: the same weight for every statistic
                const double* vj = values + count * j;
                for (std::size_t c = 0; c < count; ++c) sums[c] += wt * vj[c];
            } else {
                sum0 += w0[t] * values[Fixed * j];
                if constexpr (Fixed == 2) sum1 += w1[t] * values[Fixed * j + 1];
            }
        };
        for (std::size_t r = 0; r < o.permutations; ++r) {
            sum0 = sum1 = 0.0;
            if constexpr (Fixed == 0) std::fill(sums, sums + count, 0.0);
            if (rejection) {
                s.picks.clear();
                while (s.picks.size() < k) {
                    std::uint32_t j = rng.below(others);
                    j += j >= self ? 1u : 0u;
                    if (std::find(s.picks.begin(), s.picks.end(), j) != s.picks.end()) continue;
                    add(static_cast<std::uint32_t>(s.picks.size()), j);
                    s.picks.push_back(j);
                }
            } else {
                // Partial Fisher-Yates over positions [0, n-1) after moving i to the end; the
                // swaps are undone so `perm` stays the identity for the next draw.
                std::swap(p[i], p[n - 1]);
                for (std::uint32_t t = 0; t < k; ++t) {
                    const std::uint32_t q = t + rng.below(others - t);
                    const std::uint32_t j = p[q];
                    p[q] = p[t];
                    p[t] = j;
                    swaps[t] = q;
                    add(t, j);
                }
                // Back to the identity: every position touched holds its own index again
                // (stores only, no chain of loads as in undoing the swaps one by one).
                for (std::uint32_t t = 0; t < k; ++t) {
                    p[t] = t;
                    p[swaps[t]] = swaps[t];
                }
                p[i] = self;
                p[n - 1] = static_cast<std::uint32_t>(n - 1);
            }
            if constexpr (Storing) {
                const std::size_t R = o.permutations;
                if constexpr (Fixed == 0) {
                    for (std::size_t c = 0; c < count; ++c) s.drawn[c * R + r] = sums[c];
                } else {
                    s.drawn[r] = sum0;
                    if constexpr (Fixed == 2) s.drawn[R + r] = sum1;
                }
            } else if constexpr (Fixed == 0) {
                for (std::size_t c = 0; c < count; ++c) {
                    s.ge[c] += sums[c] >= s.observed[c] - s.tol[c] ? 1u : 0u;
                    s.le[c] += sums[c] <= s.observed[c] + s.tol[c] ? 1u : 0u;
                }
            } else {
                ge[0] += sum0 >= observed0 - tol0 ? 1u : 0u;
                le[0] += sum0 <= observed0 + tol0 ? 1u : 0u;
                if constexpr (Fixed == 2) {
                    ge[1] += sum1 >= observed1 - tol1 ? 1u : 0u;
                    le[1] += sum1 <= observed1 + tol1 ? 1u : 0u;
                }
            }
        }
        if constexpr (Fixed > 0 && !Storing)
            for (std::size_t c = 0; c < Fixed; ++c) s.ge[c] = ge[c], s.le[c] = le[c];
    };

    // Area i's p-values from the counts in s.ge and s.le.
    auto conclude = [&](std::size_t i, Scratch& s) {
        for (std::size_t c = 0; c < count; ++c) {
            if (!s.active[c]) continue;
            std::uint32_t above = s.ge[c], below = s.le[c];
            if (stats[c].direction[i] < 0) std::swap(above, below);
            std::uint32_t m = 0;
            double pValue = 1.0;
            switch (o.alternative) {
            case Alternative::Greater:
                m = above;
                pValue = (m + 1.0) / rPlus1;
                break;
            case Alternative::Less:
                m = below;
                pValue = (m + 1.0) / rPlus1;
                break;
            case Alternative::TwoSided:
                m = std::min(above, below);
                pValue = std::min(1.0, 2.0 * (m + 1.0) / rPlus1);
                break;
            }
            stats[c].result->extreme[i] = m;
            stats[c].result->p[i] = pValue;
        }
    };

    // A group of areas with one null distribution (see groupsOfEqualAreas): the first area's
    // draws, sorted, serve every member; the first gets exactly the p-values it gets alone.
    auto group = [&](std::span<const std::uint32_t> members, Scratch& s) {
        const std::size_t k = prepare(members[0], s);
        if (k == 0) return;
        if (members.size() == 1) {
            draw.template operator()<false>(members[0], k, s);
            conclude(members[0], s);
            return;
        }
        const std::size_t R = o.permutations;
        s.drawn.resize(count * R);
        draw.template operator()<true>(members[0], k, s);
        for (std::size_t c = 0; c < count; ++c) std::sort(s.drawn.begin() + c * R, s.drawn.begin() + (c + 1) * R);
        for (const std::uint32_t i : members) {
            prepare(i, s);
            for (std::size_t c = 0; c < count; ++c) {
                const auto first = s.drawn.begin() + c * R, last = first + R;
                s.ge[c] = static_cast<std::uint32_t>(last - std::lower_bound(first, last, s.observed[c] - s.tol[c]));
                s.le[c] = static_cast<std::uint32_t>(std::upper_bound(first, last, s.observed[c] + s.tol[c]) - first);
            }
            conclude(i, s);
        }
    };
    const Groups groups = o.shareDraws ? groupsOfEqualAreas(stats) : Groups::singletons(n);

    unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, (groups.count() + 255) / 256));
    threads = std::max(threads, 1u);
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto worker = [&]() {
        try {
            Scratch s;
            s.weights.resize(count);
            s.observed.resize(count);
            s.tol.resize(count);
            s.sums.resize(count);
            s.ge.resize(count);
            s.le.resize(count);
            s.active.resize(count);
            s.perm.resize(n);
            for (std::size_t j = 0; j < n; ++j) s.perm[j] = static_cast<std::uint32_t>(j);
            constexpr std::size_t block = 64;
            for (;;) {
                const std::size_t b = next.fetch_add(block);
                if (b >= groups.count()) break;
                const std::size_t e = std::min(groups.count(), b + block);
                for (std::size_t g = b; g < e; ++g) group(groups.members(g), s);
            }
        } catch (...) {
            std::lock_guard lock(failureMutex);
            if (!failure) failure = std::current_exception();
        }
    };
    if (threads == 1) {
        worker();
    } else {
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
        for (auto& t : pool) t.join();
    }
    if (failure) std::rethrow_exception(failure);
}

PermutationResult run(std::span<const double> v, const SpatialWeights& w, std::span<const signed char> direction,
                      const PermutationOptions& o)
{
    PermutationResult result;
    Statistic stats[1] = {{v, &w, direction, &result}};
    run<1>(stats, o);
    return result;
}

/// True when both weights have the same neighbours of every area, self aside (Gi* and local
/// Moran on one binary matrix).
bool sameNeighbours(const SpatialWeights& a, const SpatialWeights& b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto na = a.neighbours(i), nb = b.neighbours(i);
        std::size_t x = 0, y = 0;
        for (;;) {
            while (x < na.size() && na[x] == i) ++x;
            while (y < nb.size() && nb[y] == i) ++y;
            if (x == na.size() || y == nb.size()) {
                if (x != na.size() || y != nb.size()) return false;
                break;
            }
            if (na[x] != nb[y]) return false;
            ++x, ++y;
        }
    }
    return true;
}

void checkValues(std::span<const double> x, const SpatialWeights& w)
{
    if (x.size() != w.size()) throw InputError("value count differs from area count");
    for (double v : x)
        if (!std::isfinite(v)) throw InputError("missing or non-finite value in the analysis field");
}

/// Deviations from the mean and the direction of I_i per area, for local Moran.
void moranValues(std::span<const double> x, std::vector<double>& z, std::vector<signed char>& direction)
{
    double mean = 0.0;
    for (double v : x) mean += v;
    mean /= static_cast<double>(x.size());
    z.resize(x.size());
    direction.resize(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        z[i] = x[i] - mean;
        // I_i = (z_i / m2) * lag: the sign of z_i decides which way I_i moves with the lag.
        direction[i] = static_cast<signed char>(z[i] > 0 ? 1 : (z[i] < 0 ? -1 : 0));
    }
}

} // namespace

PermutationResult localMoranPermutation(std::span<const double> x, const SpatialWeights& w,
                                        const PermutationOptions& options)
{
    checkValues(x, w);
    if (w.selfIncluded()) throw InputError("local Moran: weights must not include self");
    std::vector<double> z;
    std::vector<signed char> direction;
    moranValues(x, z, direction);
    return run(z, w, direction, options);
}

PermutationResult localGPermutation(std::span<const double> x, const SpatialWeights& w,
                                    const PermutationOptions& options)
{
    checkValues(x, w);
    // The Gi and Gi* z-values increase with the lag sum for every area.
    std::vector<signed char> direction(x.size(), 1);
    return run(x, w, direction, options);
}

LocalPermutationPair localGAndMoranPermutation(std::span<const double> x, const SpatialWeights& wG,
                                               const SpatialWeights& wMoran, const PermutationOptions& options)
{
    LocalPermutationPair out;
    if (!sameNeighbours(wG, wMoran)) {
        out.gi = localGPermutation(x, wG, options);
        out.moran = localMoranPermutation(x, wMoran, options);
        return out;
    }
    checkValues(x, wG);
    checkValues(x, wMoran);
    if (wMoran.selfIncluded()) throw InputError("local Moran: weights must not include self");
    std::vector<double> z;
    std::vector<signed char> moranDirection, giDirection(x.size(), 1);
    moranValues(x, z, moranDirection);
    Statistic stats[2] = {{x, &wG, giDirection, &out.gi}, {z, &wMoran, moranDirection, &out.moran}};
    run<2>(stats, options);
    return out;
}

std::vector<PermutationResult> localMoranPermutations(std::span<const std::vector<double>> xs,
                                                      const SpatialWeights& w, const PermutationOptions& options)
{
    if (w.selfIncluded()) throw InputError("local Moran: weights must not include self");
    std::vector<PermutationResult> out(xs.size());
    if (xs.empty()) return out;
    std::vector<std::vector<double>> z(xs.size());
    std::vector<std::vector<signed char>> direction(xs.size());
    std::vector<Statistic> stats;
    for (std::size_t v = 0; v < xs.size(); ++v) {
        checkValues(xs[v], w);
        moranValues(xs[v], z[v], direction[v]);
        stats.push_back({z[v], &w, direction[v], &out[v]});
    }
    if (stats.size() == 1)
        run<1>(stats, options);
    else
        run<0>(stats, options);
    return out;
}

} // namespace gebiedscan
