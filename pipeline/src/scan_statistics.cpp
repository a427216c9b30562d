// The statistics a scan computes on its counts: hotspots and trends per level, hot times rolled
// up the hierarchy, and the protection applied for outside the police.
#include "scan_statistics.hpp"

#include "grid_gi_star.hpp"
#include "parallel_for.hpp"
#include "release_memory.hpp"

#include "gebiedscan/core/contiguity.hpp"
#include "gebiedscan/core/emerging_hotspots.hpp"

#include <fmt/core.h>


#include <algorithm>
#include <cmath>

namespace gebiedscan::pipeline {

namespace {

constexpr double kContiguitySnap = 0.01; // metres: grid cells' shared corners differ by rounding
constexpr std::size_t kMinAreasForHotspots = 5;
constexpr std::uint64_t kMinEventsForThemeHotspots = 30;
// Locations x months up to which the themes' trends run side by side (a cube of doubles each: 80 MB
// at this size, its running sums in place); a national grid's cubes are made one at a time.
constexpr std::size_t kTrendCellsForThreads = 10'000'000;

// The current period's registrations of a slot at a level, on the counts the statistics use.
double currentEvents(const ScanResult& r, std::size_t level, std::size_t n, std::size_t slot)
{
    double events = 0;
    for (std::size_t a = 0; a < n; ++a) events += statisticsCount(r, level, a, slot);
    return events;
}

// Frees a vector's memory; `v = {}` only empties it (operator=(initializer_list) keeps the
// capacity, and so kept 1.2 KB per cell of a national grid that this was meant to give back).
template <class T>
void release(std::vector<T>& v)
{
    std::vector<T>().swap(v);
}

// Keeps what the tables show of a Gi*/LISA result (z, p, corrected p, class, I, quadrant, Moran's
// I): the statistics' moments would cost a national grid some 1.2 KB per cell over its themes.
void keepWrittenParts(LocalHotspots& h)
{
    release(h.gi.p);
    release(h.gi.g);
    release(h.gi.expectation);
    release(h.gi.variance);
    release(h.lisa.expectation);
    release(h.lisa.variance);
    release(h.lisa.p);
}

} // namespace

double statisticsCount(const ScanResult& r, std::size_t level, std::size_t area, std::size_t slot, std::size_t period)
{
    const auto count = r.figures->themeCount(level, area, slot, period);
    if (!r.suppression) return static_cast<double>(count);
    const auto& p = *r.suppression;
    if (p.theme(level, area, slot, period))
        return p.table().cell(p.themeCell(level, area, slot, period)).threshold / 2.0;
    return static_cast<double>(p.themeValue(level, area, slot, period, count));
}

double statisticsCount(const ScanResult& r, std::size_t level, std::size_t area, std::size_t slot)
{
    return statisticsCount(r, level, area, slot, r.figures->currentPeriod());
}

std::vector<LevelHotspots> computeScanHotspots(const ScanResult& r, Reporter* reporter)
{
    const auto& f = *r.figures;
    std::vector<LevelHotspots> out(r.areas.levels.size());
    // Which analyses there are, first, so that the progress can name the total.
    std::vector<std::vector<std::size_t>> wantedPerLevel(r.areas.levels.size());
    std::int64_t total = 0, done = 0;
    for (std::size_t l = 0; l < r.areas.levels.size(); ++l) {
        const std::size_t n = r.areas.levels[l].size();
        if (n < kMinAreasForHotspots ||
            currentEvents(r, l, n, f.totalSlot()) < static_cast<double>(kMinEventsForHotspots))
            continue;
        // The total at every level; single themes at the finest level when there is enough to see.
        auto& wanted = wantedPerLevel[l];
        wanted.push_back(f.totalSlot());
        if (l == 0)
            for (std::size_t s = 0; s < r.model.themes.size(); ++s)
                if (currentEvents(r, l, n, s) >= static_cast<double>(kMinEventsForThemeHotspots)) wanted.push_back(s);
        total += static_cast<std::int64_t>(wanted.size());
    }
    for (std::size_t l = 0; l < r.areas.levels.size(); ++l) {
        const std::size_t n = r.areas.levels[l].size();
        // Moran's I and Gi* of (nearly) all zeros are no finding: the level is left without.
        if (wantedPerLevel[l].empty()) continue;
        auto& h = out[l];
        h.weights = contiguityWeights(r.geometries[l], Contiguity::Queen, kContiguitySnap);
        // All of the level's counts at once: their LISA permutations share one set of draws.
        std::vector<std::vector<double>> xs;
        for (auto s : wantedPerLevel[l]) {
            auto& x = xs.emplace_back(n);
            for (std::size_t a = 0; a < n; ++a) x[a] = statisticsCount(r, l, a, s);
            h.slots.push_back(s);
        }
        computeLocalHotspotsEach(xs, h.weights, r.hotspotOptions, [&](std::size_t v, LocalHotspots&& result) {
            if (reporter) reporter->progress("hotspots", done++, total);
            h.results.push_back(std::move(result));
            // A grid's empty cells are no units (sparse): Gi* counts them as zeros all the same.
            if (l == 0 && r.gridCells) applyGridGiStar(*r.gridCells, xs[v], r.hotspotOptions, h.results.back());
            keepWrittenParts(h.results.back());
            release(xs[v]);
            // A national grid's analysis frees some 100 MB of scratch (the lattice's z and p):
            // 440 MB over 10 analyses (glibc's malloc_stats on 617,207 cells) if kept.
            releaseFreedMemory();
        });
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
        // On the protected table the population as published (whole inhabitants), so a reader
        // recomputes every published rate from the published columns alone.
        std::vector<double> population(n);
        for (std::size_t a = 0; a < n; ++a)
            population[a] = !lv.population[a] ? std::nan("")
                            : r.suppression   ? static_cast<double>(std::llround(*lv.population[a]))
                                              : *lv.population[a];
        const bool anyPopulation = std::any_of(lv.population.begin(), lv.population.end(), [](auto& p) { return p; });
        for (std::size_t s = 0; s < f.themeSlots(); ++s) {
            std::vector<double> x(n);
            for (std::size_t a = 0; a < n; ++a) x[a] = statisticsCount(r, l, a, s);
            out[l].slots.push_back(empiricalBayesRates(x, population, weights));
            // What the tables show is the smoothed rates and the small-area flag: the local
            // priors and raw rates would cost a national grid some 500 bytes per cell.
            auto& local = out[l].slots.back().local;
            release(local.raw);
            release(local.priorMean);
            release(local.priorVariance);
            if (!anyPopulation) release(out[l].slots.back().global.raw); // a grid's cells: all unknown
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
    const std::vector<MonthlyCount>* monthlyOfLevel = &r.monthly;
    std::vector<MonthlyCount> rolledUp;
    // Months before the first and after the last registration anywhere are not covered by the
    // data (periods reaching before the extract starts): as zeros they would fake a trend.
    std::size_t first = months, last = 0;
    for (const auto& [key, count] : r.monthly) {
        first = std::min<std::size_t>(first, key % months);
        last = std::max<std::size_t>(last, key % months);
    }
    if (first > last) return out;
    const std::size_t covered = last - first + 1;
    for (std::size_t l = 0; l < r.areas.levels.size(); ++l) {
        const std::size_t n = r.areas.levels[l].size();
        if (l > 0) {
            MonthlyCounts up(n * slots * months);
            const auto& child = r.areas.levels[l - 1];
            for (const auto& [key, count] : *monthlyOfLevel) {
                const std::size_t a = key / (slots * months);
                const auto parent = child.parent.empty() ? -1 : child.parent[a];
                if (parent < 0) continue;
                up.add(static_cast<std::size_t>(parent) * slots * months + key % (slots * months), count);
            }
            rolledUp = up.sorted();
            monthlyOfLevel = &rolledUp;
        }
        const auto& monthly = *monthlyOfLevel;
        if (r.hotspots[l].results.empty() || covered < 3) continue;
        const NeighbourCsr neighbours = NeighbourCsr::fromWeights(r.hotspots[l].weights);
        // Which slots have enough registrations for a trend: extern on the protected table of
        // every period (a hidden count as T/2), as the Gi* choice, so the choice reveals nothing.
        std::vector<double> totals(slots, 0.0);
        if (r.suppression)
            for (std::size_t s = 0; s < slots; ++s)
                for (std::size_t p = 0; p < f.periods(); ++p)
                    for (std::size_t a = 0; a < n; ++a) totals[s] += statisticsCount(r, l, a, s, p);
        else
            for (const auto& [key, count] : monthly) totals[key / months % slots] += count;
        std::vector<std::size_t> trended;
        for (std::size_t s = 0; s < slots; ++s)
            if (totals[s] >= static_cast<double>(kMinEventsForThemeHotspots)) trended.push_back(s);
        // The themes side by side where two cubes fit easily; a national grid's one at a time.
        const bool parallel = n * covered <= kTrendCellsForThreads;
        forEachInParallel(trended.size(), parallel ? 1 : trended.size(), [&](std::size_t i) {
            const std::size_t s = trended[i];
            SpaceTimeCube cube(n, covered);
            for (const auto& [key, count] : monthly)
                if (key / months % slots == s) cube.at(key / (slots * months), key % months - first) = count;
            out[l][s] = emergingClasses(std::move(cube), neighbours);
        });
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
                  "vernauwen is uit optellingen van thema's, categorieën, buurten, wijken en gemeenten: elk geheim "
                  "aantal kan voor een lezer nog elk aantal van 1 tot de drempel zijn (lineaire programmering, "
                  "controle als gebiedscan audit); Gi* en LISA alleen als klasse, berekend op "
                  "de beschermde tabel (een geheim aantal telt daarin als de helft van de drempel), zodat ze ook "
                  "bij een geheim aantal staan en niets verraden; Empirical Bayes (eb_, ebl_, klein_) ook op de "
                  "beschermde tabel, alleen niet bij een geheim aantal";
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
    return rule + "; afgeleide cijfers (verwacht, verandering, p, trend, rang, drukste uur, uur van de week) staan als "
                  "'geheim' in de map, want die zouden uit de echte aantallen berekend zijn; per 1.000 inwoners is "
                  "berekend uit het afgeronde aantal, Empirical Bayes (eb_, ebl_, klein_) en Gi* en LISA (alleen als "
                  "klasse) uit de afgeronde aantallen";
}

} // namespace gebiedscan::pipeline
