#include "gebiedscan/pipeline/local_hotspots.hpp"

#include "gebiedscan/pipeline/output_schema.hpp"

#include <fmt/core.h>

namespace gebiedscan::pipeline {

std::vector<gis::Column> hotspotColumns(const LocalHotspotOptions& o, const std::string& weightsDescription, bool full)
{
    // The same columns in the scan's area layers (short) and every hotspots layer (full).
    namespace fld = schema::field;
    const auto& layer = *schema::layer(full ? schema::role::scanHotspots : schema::role::scanAreas);
    const auto col = [&](std::string_view id, std::string_view detail = {}) {
        return schema::column(layer, id, {}, {}, detail);
    };
    const bool perm = o.permutations > 0;
    const bool permGi = perm && o.permuteGi;
    const std::string permuted = "pseudo p-waarde, conditionele permutatie";
    std::vector<gis::Column> c;
    if (full) c.push_back(col(fld::neighbours, weightsDescription));
    c.push_back(col(fld::giZ));
    c.push_back(col(fld::giP, permGi ? permuted : "normaal"));
    if (full) c.push_back(col(fld::giPAdj));
    c.push_back(col(fld::giBin));
    c.push_back(col(fld::giLabel));
    c.push_back(col(fld::lisaI));
    if (full) c.push_back(col(fld::lisaZ));
    c.push_back(col(fld::lisaP, perm ? permuted : "normaal"));
    if (full) c.push_back(col(fld::lisaPAdj));
    c.push_back(col(fld::lisaQ, fmt::format("p <= {:g}", o.alpha)));
    if (full) c.push_back(col(fld::lisaQuadrant));
    return c;
}

void appendHotspotValues(std::vector<gis::Value>& v, const LocalHotspots& r, const SpatialWeights& w, std::size_t i,
                         const LocalHotspotOptions& o, bool full)
{
    const bool island = w.isIsland(i);
    if (full) v.emplace_back(static_cast<std::int64_t>(w.cardinality(i)));
    v.emplace_back(r.gi.z[i]);
    v.emplace_back(r.giP[i]);
    if (full) v.emplace_back(r.giClass.pAdjusted[i]);
    v.emplace_back(static_cast<std::int64_t>(r.giClass.bins[i]));
    // A sparse grid's Gi* also counts the empty cells around a cell the weights do not hold: a
    // class there is no "Geen buren" (islands of the weights have bin 0 everywhere else).
    v.emplace_back(std::string(hotspotLabel(r.giClass.bins[i], island && r.giClass.bins[i] == 0)));
    v.emplace_back(r.lisa.ii[i]);
    if (full) v.emplace_back(r.lisa.z[i]);
    v.emplace_back(r.lisaP[i]);
    if (full) v.emplace_back(r.lisaPAdj[i]);
    v.emplace_back(std::string(lisaLabel(r.lisa.quadrant[i], lisaSignificant(r, w, i, o))));
    if (full) v.emplace_back(std::string(quadrantName(r.lisa.quadrant[i])));
}

} // namespace gebiedscan::pipeline
