#include "gebiedscan/core/local_hotspots.hpp"

#include "gebiedscan/core/permutation_inference.hpp"

namespace gebiedscan {

LocalHotspots computeLocalHotspots(const std::vector<double>& x, const SpatialWeights& w, const LocalHotspotOptions& o)
{
    const SpatialWeights wRow = w.withStyle(WeightStyle::RowStandardised);
    const SpatialWeights wStar = w.withSelf();
    LocalHotspots r;
    r.gi = localG(x, wStar, o.alternative);
    r.lisa = localMoran(x, wRow, o.alternative);
    r.giP = r.gi.p;
    r.lisaP = r.lisa.p;
    if (o.permutations > 0) {
        PermutationOptions po;
        po.permutations = o.permutations;
        po.seed = o.seed;
        po.alternative = o.alternative;
        if (o.permuteGi) {
            auto both = localGAndMoranPermutation(x, wStar, wRow, po); // one set of draws for both
            r.giP = std::move(both.gi.p);
            r.lisaP = std::move(both.moran.p);
        } else {
            r.lisaP = localMoranPermutation(x, wRow, po).p;
        }
    }
    r.giClass = classifyHotspots(r.gi.z, r.giP, w, o.correction, o.permutations > 0 && o.permuteGi);
    std::vector<std::uint8_t> islandMask(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) islandMask[i] = w.isIsland(i) ? 1 : 0;
    r.lisaPAdj = adjustPValues(r.lisaP, o.lisaCorrection.value_or(o.correction), islandMask);
    r.moran = globalMoran(x, wRow, MoranMoments::Randomisation, Alternative::Greater);
    return r;
}

} // namespace gebiedscan
