#include "gebiedscan/core/local_hotspots.hpp"

#include "gebiedscan/core/permutation_inference.hpp"

namespace gebiedscan {

namespace {

PermutationOptions permutationOptions(const LocalHotspotOptions& o)
{
    PermutationOptions po;
    po.permutations = o.permutations;
    po.seed = o.seed;
    po.alternative = o.alternative;
    po.shareDraws = o.shareDraws;
    return po;
}

// Everything but the permutations, whose p-values (if any) come in `giP` and `lisaP`.
LocalHotspots hotspotsWith(const std::vector<double>& x, const SpatialWeights& w, const SpatialWeights& wStar,
                           const SpatialWeights& wRow, const LocalHotspotOptions& o, std::vector<double>* giP,
                           std::vector<double>* lisaP)
{
    LocalHotspots r;
    r.gi = localG(x, wStar, o.alternative);
    r.lisa = localMoran(x, wRow, o.alternative);
    r.giP = giP ? std::move(*giP) : r.gi.p;
    r.lisaP = lisaP ? std::move(*lisaP) : r.lisa.p;
    r.giClass = classifyHotspots(r.gi.z, r.giP, w, o.correction, giP != nullptr);
    std::vector<std::uint8_t> islandMask(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) islandMask[i] = w.isIsland(i) ? 1 : 0;
    r.lisaPAdj = adjustPValues(r.lisaP, o.lisaCorrection.value_or(o.correction), islandMask);
    r.moran = globalMoran(x, wRow, MoranMoments::Randomisation, Alternative::Greater);
    return r;
}

} // namespace

LocalHotspots computeLocalHotspots(const std::vector<double>& x, const SpatialWeights& w, const LocalHotspotOptions& o)
{
    const SpatialWeights wRow = w.withStyle(WeightStyle::RowStandardised);
    const SpatialWeights wStar = w.withSelf();
    if (o.permutations == 0) return hotspotsWith(x, w, wStar, wRow, o, nullptr, nullptr);
    if (o.permuteGi) {
        auto both = localGAndMoranPermutation(x, wStar, wRow, permutationOptions(o)); // one set of draws for both
        return hotspotsWith(x, w, wStar, wRow, o, &both.gi.p, &both.moran.p);
    }
    auto lisa = localMoranPermutation(x, wRow, permutationOptions(o));
    return hotspotsWith(x, w, wStar, wRow, o, nullptr, &lisa.p);
}

void computeLocalHotspotsEach(const std::vector<std::vector<double>>& xs, const SpatialWeights& w,
                              const LocalHotspotOptions& o,
                              const std::function<void(std::size_t, LocalHotspots&&)>& sink)
{
    if (o.permutations == 0 || o.permuteGi || xs.size() < 2) {
        for (std::size_t v = 0; v < xs.size(); ++v) sink(v, computeLocalHotspots(xs[v], w, o));
        return;
    }
    const SpatialWeights wRow = w.withStyle(WeightStyle::RowStandardised);
    const SpatialWeights wStar = w.withSelf();
    auto lisa = localMoranPermutations(xs, wRow, permutationOptions(o)); // one set of draws for all
    for (std::size_t v = 0; v < xs.size(); ++v) {
        sink(v, hotspotsWith(xs[v], w, wStar, wRow, o, nullptr, &lisa[v].p));
        lisa[v] = {};
    }
}

} // namespace gebiedscan
