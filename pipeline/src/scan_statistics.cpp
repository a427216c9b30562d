// The statistics a scan computes on its counts: hotspots and trends per level, hot times rolled
// up the hierarchy, and the protection applied for outside the police.
#include "scan_statistics.hpp"

#include "grid_gi_star.hpp"

#include "gebiedscan/core/contiguity.hpp"
#include "gebiedscan/core/emerging_hotspots.hpp"

#include <fmt/core.h>

#include <cmath>

namespace gebiedscan::pipeline {

namespace {

constexpr double kContiguitySnap = 0.01; // metres: grid cells' shared corners differ by rounding
constexpr std::size_t kMinAreasForHotspots = 5;
constexpr std::uint64_t kMinEventsForThemeHotspots = 30;

// The current period's registrations of a slot at a level.
std::uint64_t currentEvents(const ScanFigures& f, std::size_t level, std::size_t n, std::size_t slot)
{
    std::uint64_t events = 0;
    for (std::size_t a = 0; a < n; ++a) events += f.themeCount(level, a, slot, f.currentPeriod());
    return events;
}

} // namespace

std::vector<LevelHotspots> computeScanHotspots(const ScanResult& r, bool recomputedOnProtectedTable)
{
    const auto& f = *r.figures;
    std::vector<LevelHotspots> out(r.areas.levels.size());
    for (std::size_t l = 0; l < r.areas.levels.size(); ++l) {
        const std::size_t n = r.areas.levels[l].size();
        // Moran's I and Gi* of (nearly) all zeros are no finding: the level is left without.
        if (n < kMinAreasForHotspots || currentEvents(f, l, n, f.totalSlot()) < kMinEventsForHotspots) continue;
        auto& h = out[l];
        h.weights = contiguityWeights(r.geometries[l], Contiguity::Queen, kContiguitySnap);
        // The total at every level; single themes at the finest level when there is enough to see.
        std::vector<std::size_t> wanted{f.totalSlot()};
        if (l == 0)
            for (std::size_t s = 0; s < r.model.themes.size(); ++s)
                if (currentEvents(f, l, n, s) >= kMinEventsForThemeHotspots) wanted.push_back(s);
        for (auto s : wanted) {
            std::vector<double> x(n);
            for (std::size_t a = 0; a < n; ++a) x[a] = static_cast<double>(f.themeCount(l, a, s, f.currentPeriod()));
            h.slots.push_back(s);
            // An extern scan publishes only protectScanHotspots' classes: 999 permutations per
            // slot on the true counts would be thrown away (a placeholder keeps the slot).
            if (recomputedOnProtectedTable) {
                h.results.emplace_back();
                continue;
            }
            h.results.push_back(computeLocalHotspots(x, h.weights, r.hotspotOptions));
            // A grid's empty cells are no units (sparse): Gi* counts them as zeros all the same.
            if (l == 0 && r.gridCells) applyGridGiStar(*r.gridCells, x, r.hotspotOptions, h.results.back());
        }
    }
    return out;
}

std::vector<LevelRates> computeScanRates(const ScanResult& r)
{
    const auto& f = *r.figures;
    std::vector<LevelRates> out(r.areas.levels.size());
    for (std::size_t l = 0; l < r.areas.levels.size(); ++l) {
        const auto& lv = r.areas.levels[l];
        const std::size_t n = lv.size();
        // The hotspots' queen weights where they exist (same snap), else the same rule here.
        auto& weights = out[l].weights;
        weights = r.hotspots.size() > l && !r.hotspots[l].results.empty()
                      ? r.hotspots[l].weights
                      : contiguityWeights(r.geometries[l], Contiguity::Queen, kContiguitySnap);
        std::vector<double> population(n);
        for (std::size_t a = 0; a < n; ++a) population[a] = lv.population[a] ? *lv.population[a] : std::nan("");
        for (std::size_t s = 0; s < f.themeSlots(); ++s) {
            std::vector<double> x(n);
            for (std::size_t a = 0; a < n; ++a) x[a] = static_cast<double>(f.themeCount(l, a, s, f.currentPeriod()));
            out[l].slots.push_back(empiricalBayesRates(x, population, weights));
        }
    }
    return out;
}

// Rolls the base areas' hour-of-week tables up the hierarchy.
std::vector<HotTimesByArea> rollUpHotTimes(const ScanResult& r, HotTimesByArea base)
{
    const std::size_t slots = r.figures->themeSlots();
    std::vector<HotTimesByArea> out(r.areas.levels.size());
    out[0] = std::move(base);
    for (std::size_t l = 1; l < r.areas.levels.size(); ++l) {
        const auto& child = r.areas.levels[l - 1];
        for (const auto& [key, table] : out[l - 1]) {
            const auto parent = child.parent.empty() ? -1 : child.parent[key / slots];
            if (parent >= 0) out[l][static_cast<std::size_t>(parent) * slots + key % slots].merge(table);
        }
    }
    return out;
}

ScanTrends computeScanTrends(const ScanResult& r)
{
    const auto& f = *r.figures;
    const std::size_t slots = f.themeSlots(), months = r.months;
    ScanTrends out(r.areas.levels.size(), std::vector<std::vector<EmergingClass>>(slots));
    if (!r.subYearDates) return out; // years only: every record would sit in January
    // The non-zero monthly counts, rolled up level by level (key (area * slots + slot) * months + month).
    std::unordered_map<std::uint64_t, std::uint32_t> monthly = r.monthly;
    for (std::size_t l = 0; l < r.areas.levels.size(); ++l) {
        const std::size_t n = r.areas.levels[l].size();
        if (l > 0) {
            std::unordered_map<std::uint64_t, std::uint32_t> up;
            const auto& child = r.areas.levels[l - 1];
            for (const auto& [key, count] : monthly) {
                const std::size_t a = key / (slots * months);
                const auto parent = child.parent.empty() ? -1 : child.parent[a];
                if (parent < 0) continue;
                up[static_cast<std::size_t>(parent) * slots * months + key % (slots * months)] += count;
            }
            monthly = std::move(up);
        }
        if (r.hotspots[l].results.empty() || months < 3) continue;
        const NeighbourCsr neighbours = NeighbourCsr::fromWeights(r.hotspots[l].weights);
        std::vector<double> totals(slots, 0.0);
        for (const auto& [key, count] : monthly) totals[key / months % slots] += count;
        for (std::size_t s = 0; s < slots; ++s) {
            if (totals[s] < static_cast<double>(kMinEventsForThemeHotspots)) continue;
            SpaceTimeCube cube(n, months);
            for (const auto& [key, count] : monthly)
                if (key / months % slots == s) cube.at(key / (slots * months), key % months) = count;
            out[l][s] = emergingHotspots(cube, neighbours).classes;
        }
    }
    return out;
}

std::string suppressionRule(const ScanModel& model, bool internal)
{
    if (internal) return "GEEN (interne politie-uitvoer: niet verstrekken buiten de politie)";
    std::string rule = fmt::format("aantallen 1 t/m {} getoond als 'geheim'", model.suppressBelow - 1);
    for (const auto& t : model.themes)
        if (t.suppressBelow > 0 && t.suppressBelow != model.suppressBelow)
            rule += fmt::format("; {} {}: 1 t/m {}", t.number, t.labelNl, t.suppressBelow - 1);
    return rule + "; plus aanvullende (secundaire) onderdrukking zodat geen geheim aantal te herleiden of te "
                  "vernauwen is uit optellingen van thema's, categorieën, buurten, wijken en gemeenten "
                  "(lineaire programmering, controle als gebiedscan audit); Gi* en LISA alleen als klasse, berekend op "
                  "de beschermde tabel (een geheim aantal telt daarin als de helft van de drempel), zodat ze ook "
                  "bij een geheim aantal staan en niets verraden";
}

std::string roundingRule(const RoundingReport& rounding)
{
    std::string rule =
        "alle aantallen afgerond op een vijftal (zoals het CBS buurtcijfers publiceert): elk aantal naar een van de "
        "twee vijftallen ernaast, 0 en vijftallen blijven zoals ze zijn";
    if (rounding.controlled())
        rule += "; gecontroleerd afgerond (zoals tau-ARGUS, geheeltallige programmering): de afgeronde thema's en "
                "overig tellen op tot het afgeronde totaal, de buurten tot de wijk, de wijken tot de gemeente en de "
                "categorieën tot het thema, zodat geen aantal uit optellingen nauwkeuriger te bepalen is dan op "
                "vijf opeenvolgende waarden na (controle als gebiedscan audit)";
    else
        rule += fmt::format("; LET OP: {} van de {} onderdelen niet gecontroleerd af te ronden en daarom elk naar "
                            "het dichtstbijzijnde vijftal afgerond: daar kloppen optellingen niet altijd en kan een "
                            "aantal uit de totalen nauwkeuriger volgen (controleer met gebiedscan audit)",
                            rounding.independentParts, rounding.parts);
    return rule +
           "; afgeleide cijfers (verwacht, verandering, p, trend, Empirical Bayes, rang, drukste uur, uur "
           "van de week) staan als 'geheim' in de map, want die zouden uit de echte aantallen berekend zijn; per "
           "1.000 inwoners is berekend uit het afgeronde aantal, Gi* en LISA (alleen als klasse) uit de "
           "afgeronde aantallen";
}

void protectScanHotspots(ScanResult& r)
{
    if (!r.suppression) return;
    const auto& f = *r.figures;
    const auto& p = *r.suppression;
    const std::size_t cur = f.currentPeriod();
    for (std::size_t l = 0; l < r.hotspots.size(); ++l) {
        auto& h = r.hotspots[l];
        const std::size_t n = r.areas.levels[l].size();
        for (std::size_t k = 0; k < h.slots.size(); ++k) {
            const auto s = h.slots[k];
            std::vector<double> x(n);
            for (std::size_t a = 0; a < n; ++a) {
                const auto& cell = p.table().cell(p.themeCell(l, a, s, cur));
                x[a] = p.theme(l, a, s, cur)
                           ? cell.threshold / 2.0
                           : static_cast<double>(p.themeValue(l, a, s, cur, f.themeCount(l, a, s, cur)));
            }
            h.results[k] = computeLocalHotspots(x, h.weights, r.hotspotOptions);
        }
    }
    r.hotspotsOnProtectedTable = true;
}

} // namespace gebiedscan::pipeline
