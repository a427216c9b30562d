#include "gebiedscan/pipeline/local_hotspots.hpp"

#include <fmt/core.h>

namespace gebiedscan::pipeline {

std::vector<gis::Column> hotspotColumns(const LocalHotspotOptions& o, const std::string& weightsDescription, bool full)
{
    using Col = gis::Column;
    const bool perm = o.permutations > 0;
    const bool permGi = perm && o.permuteGi;
    std::vector<gis::Column> c;
    if (full) c.push_back({"n_buren", Col::Type::Integer, "aantal buren (" + weightsDescription + ")"});
    c.push_back({"gi_z", Col::Type::Real, "Getis-Ord Gi* z-score (spdep localG, include.self)"});
    c.push_back(
        {"gi_p", Col::Type::Real, permGi ? "Gi* pseudo p-waarde (conditionele permutatie)" : "Gi* p-waarde (normaal)"});
    if (full) c.push_back({"gi_p_adj", Col::Type::Real, "gi_p na correctie voor meervoudig toetsen"});
    c.push_back(
        {"gi_bin", Col::Type::Integer, "ArcGIS Gi_Bin: +/-3, 2, 1 = hot/coldspot met 99, 95, 90 % betrouwbaarheid"});
    c.push_back({"gi_label", Col::Type::String, "Gi_Bin in woorden"});
    c.push_back({"lisa_i", Col::Type::Real, "lokale Moran I_i (rij-gestandaardiseerde gewichten, deler n)"});
    if (full) c.push_back({"lisa_z", Col::Type::Real, "lokale Moran z (spdep localmoran, conditionele momenten)"});
    c.push_back({"lisa_p", Col::Type::Real,
                 perm ? "lokale Moran pseudo p-waarde (conditionele permutatie)" : "lokale Moran p-waarde (normaal)"});
    if (full) c.push_back({"lisa_p_adj", Col::Type::Real, "lisa_p na correctie voor meervoudig toetsen"});
    c.push_back({"lisa_q", Col::Type::String, fmt::format("LISA-cluster of uitschieter bij p <= {:g}", o.alpha)});
    if (full) c.push_back({"lisa_kwadrant", Col::Type::String, "kwadrant van waarde en buurgemiddelde"});
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
    v.emplace_back(std::string(hotspotLabel(r.giClass.bins[i], island)));
    v.emplace_back(r.lisa.ii[i]);
    if (full) v.emplace_back(r.lisa.z[i]);
    v.emplace_back(r.lisaP[i]);
    if (full) v.emplace_back(r.lisaPAdj[i]);
    v.emplace_back(std::string(lisaLabel(r.lisa.quadrant[i], lisaSignificant(r, w, i, o))));
    if (full) v.emplace_back(std::string(quadrantName(r.lisa.quadrant[i])));
}

} // namespace gebiedscan::pipeline
