// `gebiedscan blackspots` as a job: traffic black spots (junctions and road sections with many
// injury or fatal accidents) from a road network (NWB wegvakken) and registered accidents (BRON).
#include "gebiedscan/pipeline/blackspot_job.hpp"

#include "gebiedscan/gis/field_value.hpp"

#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"
#include "gebiedscan/core/point_locator.hpp"
#include "gebiedscan/core/section_midpoint.hpp"
#include "gebiedscan/core/severity_weight.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace gebiedscan::pipeline {

namespace {

std::string upper(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

/// Theme 4.1 per area: each placed accident at its registered point (without one, where it was
/// placed on the network), each black spot at blackSpotPoint.
BlackSpotAreaCounts countPerArea(gis::AreaLayer layer, const BlackSpotResult& r, const RoadNetwork& network)
{
    BlackSpotAreaCounts c;
    const PointLocator locator(layer.geometries);
    const std::size_t n = layer.codes.size();
    for (auto* v : {&c.total, &c.fatal, &c.injury, &c.damageOnly, &c.junctions, &c.sections, &c.inSpots})
        v->assign(n, 0);
    std::vector<char> inSpot(r.dedup.accidents.size(), 0);
    for (const auto& b : r.junctions)
        if (b.met)
            for (auto i : b.accidents) inSpot[i] = 1;
    for (const auto& b : r.sections)
        for (auto i : b.accidents) inSpot[i] = 1;
    for (std::size_t i = 0; i < r.dedup.accidents.size(); ++i) {
        const auto& p = r.placements[i];
        if (!p.placed()) continue;
        const auto& a = r.dedup.accidents[i];
        const PointRd at = a.point                           ? *a.point
                           : p.segment != RoadNetwork::kNone ? network.pointAlong(p.segment, p.offset)
                                                             : network.nodePoint(p.node);
        const auto k = locator.locate(at);
        if (k < 0) continue;
        ++c.total[k];
        c.fatal[k] += a.severity == Severity::Fatal;
        c.injury[k] += a.severity == Severity::Injury;
        c.damageOnly[k] += a.severity == Severity::DamageOnly;
        c.inSpots[k] += inSpot[i];
    }
    for (const auto& b : r.junctions)
        if (b.met)
            if (auto k = locator.locate(blackSpotPoint(b)); k >= 0) ++c.junctions[k];
    for (const auto& b : r.sections)
        if (auto k = locator.locate(blackSpotPoint(b)); k >= 0) ++c.sections[k];
    c.layer = std::move(layer);
    return c;
}

/// Network KDE of the analysed accidents on their segments (weighted by severity when asked).
std::vector<Lixel> networkKde(const BlackSpotResult& r, const RoadNetwork& network, double lixel, double bandwidth,
                              bool weighted, NetworkKdeMethod method)
{
    std::vector<NetworkEvent> events;
    for (std::size_t i = 0; i < r.placements.size(); ++i) {
        const auto& p = r.placements[i];
        if (!p.placed() || p.segment == RoadNetwork::kNone) continue;
        const double weight = weighted ? severityWeight(r.criteria.weights, r.dedup.accidents[i]) : 1.0;
        if (weight > 0) events.push_back({p.segment, p.offset, weight});
    }
    return networkKernelDensity(network, events, lixel, bandwidth, method);
}

constexpr SeverityMask kEverySeverity = kAllKnownSeverities | severityBit(Severity::Unknown);

// "--severity any": every accident counts, whatever (or whether) its severity.
bool isAnySeverity(const std::string& text)
{
    const std::string u = upper(text);
    return u == "ANY" || u == "ALLE" || u == "ALL";
}

} // namespace

bool criteriaNeedSeverity(const BlackSpotCriteria& criteria)
{
    if (criteria.minScore) return true; // a score weighs accidents by their severity
    return std::any_of(criteria.anyOf.begin(), criteria.anyOf.end(), [](const CountRule& r) {
        return r.seriousOnly || (r.severities & kEverySeverity) != kEverySeverity;
    });
}

BlackSpotCriteria blackSpotCriteria(const BlackSpotJobOptions& c)
{
    const bool custom = c.minCount || !c.severity.empty() || c.minScore;
    BlackSpotCriteria crit = blackSpotPreset(c.preset.empty() ? (custom ? "amsterdam" : "kruispunt-6-3") : c.preset);
    if (c.preset.empty() && custom) {
        crit.name = "eigen";
        crit.anyOf.clear();
        crit.sections = true;
        crit.junctions = true;
    }
    if (c.minCount || !c.severity.empty()) {
        CountRule rule;
        rule.minCount = c.minCount.value_or(crit.anyOf.empty() ? 1 : crit.anyOf.front().minCount);
        rule.severities = c.severity.empty()          ? kInjuryOrFatal
                          : isAnySeverity(c.severity) ? kEverySeverity
                                                      : parseSeverityList(c.severity);
        if (rule.minCount < 1) throw InputError("--min-count moet minstens 1 zijn");
        crit.anyOf = {rule};
        if (!c.preset.empty()) crit.name = c.preset + "+eigen";
    }
    if (c.minScore) crit.minScore = *c.minScore;
    if (c.years) crit.years = *c.years;
    if (!c.weights.empty()) crit.weights = parseWeights(c.weights, crit.weights);
    if (!c.locations.empty()) {
        crit.junctions = c.locations == "junctions" || c.locations == "both";
        crit.sections = c.locations == "sections" || c.locations == "both";
    }
    if (crit.name == "eigen" || crit.name.ends_with("+eigen")) {
        std::string d;
        for (const auto& r : crit.anyOf)
            d += (d.empty() ? "" : " of ") + fmt::format("{} of meer ongevallen ({})", r.minCount,
                                                         r.seriousOnly ? "ziekenhuis"
                                                         : r.severities == kEverySeverity
                                                             ? "elke ernst, ook onbekend"
                                                             : severityListText(r.severities));
        if (crit.minScore) d += (d.empty() ? "" : " en ") + fmt::format("gewogen score >= {:g}", *crit.minScore);
        crit.description = d + fmt::format(" in {} jaar", crit.years);
    }
    return crit;
}

SeverityWeights parseWeights(const std::string& text, SeverityWeights w)
{
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        const auto item = text.substr(start, end - start);
        const auto eq = item.find('=');
        if (eq == std::string::npos) throw InputError("--weights: '" + item + "' is geen CODE=GEWICHT");
        auto key = upper(item.substr(0, eq));
        while (!key.empty() && key.back() == ' ') key.pop_back();
        while (!key.empty() && key.front() == ' ') key.erase(key.begin());
        const auto parsed = gis::parseDecimal(item.substr(eq + 1));
        if (!parsed || *parsed < 0) throw InputError("--weights: '" + item + "' heeft geen geldig gewicht (>= 0)");
        const double v = *parsed;
        if (key == "DOD")
            w.fatal = v;
        else if (key == "ZKH" || key == "ZIEKENHUIS" || key == "ZWAARGEWOND")
            w.serious = v;
        else if (key == "LET")
            w.injury = v;
        else if (key == "UMS")
            w.damageOnly = v;
        else if (key == "ONB")
            w.unknown = v;
        else
            throw InputError("--weights: onbekende code '" + key + "' (DOD, ZKH, LET, UMS, ONB)");
        start = end + 1;
    }
    return w;
}

BlackSpotJobResult runBlackSpotJob(const BlackSpotJobOptions& c, Reporter& reporter)
{
    if (c.roads.path.empty()) throw InputError("geef het wegennet met --roads");
    if (c.accidents.path.empty()) throw InputError("geef de ongevallen met --accidents");
    BlackSpotJobResult out;
    gebiedscan::BlackSpotOptions& options = out.options;
    options.criteria = blackSpotCriteria(c);
    if (c.window) options.window = *c.window;
    if (c.step) options.step = *c.step;
    if (c.radius) options.junctionRadius = *c.radius;
    if (c.snapTolerance) options.snapTolerance = *c.snapTolerance;
    if (!(options.junctionRadius >= 0)) throw InputError("--radius moet >= 0 meter zijn");
    if (!(options.snapTolerance >= 0)) throw InputError("--snap-tolerance moet >= 0 meter zijn");
    if (!c.kdeMethod.empty()) {
        const auto method = parseNetworkKdeMethod(c.kdeMethod);
        if (!method)
            throw InputError(fmt::format("--kde-method '{}' onbekend: kies continuous (standaard), discontinuous of "
                                         "simple",
                                         c.kdeMethod));
        out.kdeMethod = *method;
    }
    options.lastYear = c.lastYear;
    options.nearestJunctionOnly = c.nearestJunction;
    options.includeAllJunctions = c.allJunctions;
    options.empiricalBayes = c.empiricalBayes;
    options.useNetworkIds = !c.ignoreNetworkIds;

    gis::SourceSpec roadSource = c.roads, accidentSource = c.accidents;
    if (roadSource.assumeCrs.empty()) roadSource.assumeCrs = c.assumeCrs;
    if (accidentSource.assumeCrs.empty()) accidentSource.assumeCrs = c.assumeCrs;
    out.roads = gis::readRoadLayer(roadSource, c.roadFields, c.workingCrs);
    const auto& roads = out.roads;
    NetworkOptions netOptions;
    netOptions.snapTolerance = c.nodeTolerance;
    netOptions.continueThroughJunctions = !c.strictRoutes;
    out.network = std::make_unique<const RoadNetwork>(roads.segments, netOptions);
    const RoadNetwork& network = *out.network;
    reporter.info(fmt::format("Wegennet: {} wegvakken, {} knopen, {} routes, {:.1f} km; topologie uit {}",
                              network.segments().size(), network.nodeCount(), network.routes().size(),
                              network.totalLength() / 1000,
                              network.topologyFromIds() ? "JTE_ID_BEG/END" : "de geometrie"));

    std::optional<gis::SourceSpec> points;
    if (!c.points.path.empty()) points = c.points;
    out.accidents = gis::readAccidentLayer(accidentSource, c.accidentFields, c.workingCrs, points);
    if (out.accidents.fields.severity.empty()) {
        // Without a severity field every accident is of unknown severity: only a definition that
        // counts every accident can be applied.
        if (criteriaNeedSeverity(options.criteria)) {
            std::string needing;
            for (const auto& name : blackSpotPresetNames())
                if (criteriaNeedSeverity(blackSpotPreset(name))) needing += (needing.empty() ? "" : ", ") + name;
            throw InputError(tr(
                fmt::format(
                    "{}: geen veld met de afloop (AP3_CODE: DOD/LET/UMS), en definitie '{}' telt naar ernst; de ernst "
                    "nodig hebben: {}. Tel elk ongeval met --severity any (bv. --severity any --min-count 10), of noem "
                    "het veld met --severity-field",
                    out.accidents.description, options.criteria.name, needing),
                fmt::format("{}: no field with the outcome (AP3_CODE: DOD/LET/UMS), and definition '{}' counts by "
                            "severity; the ones that need severity: {}. Count every accident with --severity any "
                            "(e.g. --severity any --min-count 10), or name the field with --severity-field",
                            out.accidents.description, options.criteria.name, needing)));
        }
        if (c.kdeWeighted)
            throw InputError(tr(out.accidents.description +
                                    ": --kde-weighted weegt naar ernst, maar er is geen veld met de afloop (AP3_CODE)",
                                out.accidents.description +
                                    ": --kde-weighted weights by severity, but there is no field with the "
                                    "outcome (AP3_CODE)"));
        reporter.info(tr("Geen veld met de afloop (AP3_CODE): elk ongeval telt mee, ernst onbekend",
                         "No field with the outcome (AP3_CODE): every accident counts, severity unknown"));
    }
    out.analysis = analyseBlackSpots(network, out.accidents.records, options);
    const BlackSpotResult& result = out.analysis;
    std::size_t& bucketSum = out.bucketTotal;
    for (auto n : result.buckets) bucketSum += n;
    if (bucketSum != result.inputRows) // an internal invariant; never silently lose a row
        throw Error(fmt::format("verantwoording klopt niet: {} rijen, {} in de bakjes", result.inputRows, bucketSum));

    for (const auto& b : result.junctions) out.junctionBlackSpots += b.met;
    out.nodeTolerance = c.nodeTolerance;
    out.kdeBandwidth = c.kdeBandwidth;
    out.kdeLixel = c.kdeLixel;
    out.kdeWeighted = c.kdeWeighted;
    out.workingCrs = c.workingCrs;
    if (!c.areas.path.empty()) out.areas = countPerArea(gis::readAreaLayer(c.areas, {}, c.workingCrs), result, network);
    if (c.kdeBandwidth) {
        if (!(*c.kdeBandwidth > 0) || !(c.kdeLixel > 0))
            throw InputError("--kde-bandwidth en --kde-lixel moeten > 0 m zijn");
        out.kde = networkKde(result, network, c.kdeLixel, *c.kdeBandwidth, c.kdeWeighted, out.kdeMethod);
    }

    if (!options.criteria.sections && (c.window || c.step))
        reporter.warning("definitie " + options.criteria.name +
                         " kijkt alleen naar kruispunten: --window/--step worden niet gebruikt "
                         "(gebruik --locations both voor wegvakken)");
    if (result.analysedAccidents == 0 && result.inputRows > 0)
        reporter.warning(fmt::format(
            "geen enkel ongeval is op het wegennet geplaatst ({} buiten de snap-tolerantie van {} m): "
            "liggen wegen en ongevallen in hetzelfde gebied en CRS?",
            result.buckets[static_cast<std::size_t>(AccidentBucket::BeyondTolerance)], options.snapTolerance));
    reporter.info(fmt::format("Ongevallen: {} rijen -> {} ongevallen, {} geanalyseerd ({} t/m {})", result.inputRows,
                              result.dedup.accidents.size(), result.analysedAccidents, result.firstYear,
                              result.lastYear));
    std::string b;
    for (std::size_t i = 0; i < kAccidentBucketCount; ++i)
        if (result.buckets[i])
            b += fmt::format("{}{} {}", b.empty() ? "" : ", ", bucketName(static_cast<AccidentBucket>(i)),
                             result.buckets[i]);
    reporter.info("Verantwoording: " + b);
    // A severity field that is mostly empty or unreadable: those accidents count in no severity rule.
    if (!out.accidents.fields.severity.empty() && criteriaNeedSeverity(options.criteria) &&
        2 * out.accidents.unknownSeverity > result.inputRows)
        reporter.warning(fmt::format("{} van {} rijen hebben geen bekende afloop in veld '{}' (DOD/LET/UMS): ze tellen "
                                     "niet mee in definitie '{}'; tel elk ongeval met --severity any",
                                     out.accidents.unknownSeverity, result.inputRows, out.accidents.fields.severity,
                                     options.criteria.name));
    return out;
}

} // namespace gebiedscan::pipeline
