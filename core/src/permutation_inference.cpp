#include "gebiedscan/core/permutation_inference.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <thread>

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
    std::vector<double> weights;
    std::vector<std::uint32_t> picks;
    std::vector<std::uint32_t> perm; // identity, restored after every draw (Fisher-Yates path)
    std::vector<std::uint32_t> swaps;
};

/// Runs the conditional permutation for all areas. `direction[i]` says how the statistic moves
/// with the permuted lag sum: +1 (Gi, Moran with z_i > 0), -1 (Moran with z_i < 0), 0 (constant).
PermutationResult run(std::span<const double> v, const SpatialWeights& w, std::span<const signed char> direction,
                      const PermutationOptions& o)
{
    const std::size_t n = v.size();
    if (o.permutations == 0) throw InputError("permutations must be at least 1");
    if (o.permutations > 0xffffffffu) throw InputError("too many permutations");
    PermutationResult result;
    result.permutations = o.permutations;
    result.p.assign(n, 1.0);
    result.extreme.assign(n, static_cast<std::uint32_t>(o.permutations));
    if (n < 2) return result;
    double maxAbs = 0.0;
    for (double x : v) maxAbs = std::max(maxAbs, std::fabs(x));
    const auto others = static_cast<std::uint32_t>(n - 1);
    const double rPlus1 = static_cast<double>(o.permutations) + 1.0;

    auto area = [&](std::size_t i, Scratch& s) {
        const auto nb = w.neighbours(i);
        const auto wt = w.weights(i);
        s.weights.clear();
        double observed = 0.0, scale = 0.0;
        for (std::size_t k = 0; k < nb.size(); ++k) {
            if (nb[k] == i) continue; // the self term is the same in every permutation
            s.weights.push_back(wt[k]);
            observed += wt[k] * v[nb[k]];
            scale += std::fabs(wt[k]);
        }
        const std::size_t k = s.weights.size();
        if (k == 0 || k > others || direction[i] == 0) return; // p = 1: nothing can be more extreme
        const double tol = 1e-9 * scale * maxAbs;
        SplitMix64 rng(o.seed ^ (0xd1b54a32d192ed03ULL * (static_cast<std::uint64_t>(i) + 1)));
        rng.next();
        std::uint32_t ge = 0, le = 0;
        const bool rejection = k <= 24 && 4 * k < n;
        const auto self = static_cast<std::uint32_t>(i);
        for (std::size_t r = 0; r < o.permutations; ++r) {
            double sum = 0.0;
            if (rejection) {
                s.picks.clear();
                while (s.picks.size() < k) {
                    std::uint32_t j = rng.below(others);
                    j += j >= self ? 1u : 0u;
                    if (std::find(s.picks.begin(), s.picks.end(), j) != s.picks.end()) continue;
                    sum += s.weights[s.picks.size()] * v[j];
                    s.picks.push_back(j);
                }
            } else {
                // Partial Fisher-Yates over positions [0, n-1) after moving i to the end; the
                // swaps are undone so `perm` stays the identity for the next draw.
                auto& p = s.perm;
                std::swap(p[i], p[n - 1]);
                s.swaps.clear();
                for (std::uint32_t t = 0; t < k; ++t) {
                    const std::uint32_t q = t + rng.below(others - t);
                    std::swap(p[t], p[q]);
                    s.swaps.push_back(q);
                    sum += s.weights[t] * v[p[t]];
                }
                for (std::size_t t = k; t-- > 0;) std::swap(p[t], p[s.swaps[t]]);
                std::swap(p[i], p[n - 1]);
            }
            ge += sum >= observed - tol ? 1u : 0u;
            le += sum <= observed + tol ? 1u : 0u;
        }
        if (direction[i] < 0) std::swap(ge, le);
        std::uint32_t m = 0;
        double p = 1.0;
        switch (o.alternative) {
        case Alternative::Greater:
            m = ge;
            p = (m + 1.0) / rPlus1;
            break;
        case Alternative::Less:
            m = le;
            p = (m + 1.0) / rPlus1;
            break;
        case Alternative::TwoSided:
            m = std::min(ge, le);
            p = std::min(1.0, 2.0 * (m + 1.0) / rPlus1);
            break;
        }
        result.extreme[i] = m;
        result.p[i] = p;
    };

    unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, (n + 255) / 256));
    threads = std::max(threads, 1u);
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto worker = [&]() {
        try {
            Scratch s;
            s.perm.resize(n);
            for (std::size_t j = 0; j < n; ++j) s.perm[j] = static_cast<std::uint32_t>(j);
            constexpr std::size_t block = 64;
            for (;;) {
                const std::size_t b = next.fetch_add(block);
                if (b >= n) break;
                const std::size_t e = std::min(n, b + block);
                for (std::size_t i = b; i < e; ++i) area(i, s);
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
    return result;
}

void checkValues(std::span<const double> x, const SpatialWeights& w)
{
    if (x.size() != w.size()) throw InputError("value count differs from area count");
    for (double v : x)
        if (!std::isfinite(v)) throw InputError("missing or non-finite value in the analysis field");
}

} // namespace

PermutationResult localMoranPermutation(std::span<const double> x, const SpatialWeights& w,
                                        const PermutationOptions& options)
{
    checkValues(x, w);
    if (w.selfIncluded()) throw InputError("local Moran: weights must not include self");
    double mean = 0.0;
    for (double v : x) mean += v;
    mean /= static_cast<double>(x.size());
    std::vector<double> z(x.size());
    std::vector<signed char> direction(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        z[i] = x[i] - mean;
        // I_i = (z_i / m2) * lag: the sign of z_i decides which way I_i moves with the lag.
        direction[i] = static_cast<signed char>(z[i] > 0 ? 1 : (z[i] < 0 ? -1 : 0));
    }
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

} // namespace gebiedscan
