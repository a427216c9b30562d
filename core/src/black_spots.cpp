#include "gebiedscan/core/black_spots.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <unordered_map>

namespace gebiedscan {

namespace {

bool isSerious(const Accident& a, const BlackSpotCriteria& c)
{
    if (a.hospital) return *a.hospital || a.severity == Severity::Fatal;
    return (severityBit(a.severity) & c.hospitalProxy) != 0;
}

void add(SeverityTally& t, const Accident& a, const BlackSpotCriteria& c, int sign)
{
    t.bySeverity[static_cast<std::size_t>(a.severity)] += sign;
    if (isSerious(a, c)) t.serious += sign;
    if (a.severity == Severity::Injury && a.hospital.value_or(false)) t.injuryHospital += sign;
}

// The score from integer counts, so sliding add/remove never drifts around a threshold.
void finishScore(SeverityTally& t, const SeverityWeights& w)
{
    const int injuryOther = t.bySeverity[1] - t.injuryHospital;
    t.score = w.fatal * t.bySeverity[0] + w.serious * t.injuryHospital + w.injury * injuryOther +
              w.damageOnly * t.bySeverity[2] + w.unknown * t.bySeverity[3];
}

// The count the criteria are mainly about: the first rule's, else injury accidents.
int targetCount(const BlackSpotCriteria& c, const SeverityTally& t)
{
    if (c.anyOf.empty()) return t.count(kInjuryOrFatal);
    return c.anyOf.front().seriousOnly ? t.serious : t.count(c.anyOf.front().severities);
}

std::string formatMetres(double v)
{
    return std::to_string(static_cast<long long>(std::llround(v)));
}

std::string joinDistinct(const std::set<std::string>& values)
{
    std::string out;
    for (const auto& v : values) {
        if (v.empty()) continue;
        if (!out.empty()) out += '/';
        out += v;
    }
    return out;
}

struct Moments {
    int n = 0;
    double mean = 0, variance = 0;
};

Moments moments(const std::vector<int>& xs)
{
    Moments m;
    m.n = static_cast<int>(xs.size());
    if (xs.empty()) return m;
    double sum = 0;
    for (int x : xs) sum += x;
    m.mean = sum / m.n;
    if (m.n > 1) {
        double ss = 0;
        for (int x : xs) ss += (x - m.mean) * (x - m.mean);
        m.variance = ss / (m.n - 1);
    }
    return m;
}

EmpiricalBayes ebEstimate(const std::string& group, const Moments& m, double mu, double observed)
{
    EmpiricalBayes eb;
    eb.peerGroup = group;
    eb.peerSites = m.n;
    eb.peerMean = mu;
    eb.peerVariance = m.variance;
    eb.overdispersion = m.mean > 0 ? std::max(0.0, (m.variance - m.mean) / (m.mean * m.mean)) : 0.0;
    eb.weight = 1.0 / (1.0 + eb.overdispersion * mu);
    eb.estimate = eb.weight * mu + (1.0 - eb.weight) * observed;
    eb.excess = eb.estimate - mu;
    return eb;
}

// A site with an exposure (a piece of road of `length` metres; with traffic, length x vehicles per
// day) and its observed count.
struct ExposedSite {
    int x = 0;
    double exposure = 0.0;
    double length = 0.0;
};

struct ExposedMoments {
    int n = 0;
    double rate = 0.0;        ///< lambda: accidents per unit of exposure, sum x / sum exposure
    double dispersion = 1.0;  ///< phi = Var(x_i) / mu_i, the same for every site (see below)
    double meanTraffic = 1.0; ///< sum exposure / sum length: 1 when the exposure is length alone
};

// Method of moments for counts with exposure: mu_i = lambda e_i, and under the negative binomial
// with the overdispersion per exposure (k_i = k E / e_i, the Highway Safety Manual's k / L),
// Var(x_i) = mu_i (1 + k E lambda) = phi mu_i. phi = sum (x_i - mu_i)^2 / sum mu_i * n / (n - 1)
// (so equal windows give the sample variance over the mean, as the junctions' k does).
ExposedMoments exposedMoments(const std::vector<ExposedSite>& sites)
{
    ExposedMoments m;
    m.n = static_cast<int>(sites.size());
    double sx = 0, se = 0, sl = 0;
    for (const auto& s : sites) {
        sx += s.x;
        se += s.exposure;
        sl += s.length;
    }
    if (!(se > 0) || sx <= 0) return m;
    m.rate = sx / se;
    if (sl > 0) m.meanTraffic = se / sl;
    if (m.n > 1) {
        double ss = 0;
        for (const auto& s : sites) ss += (s.x - m.rate * s.exposure) * (s.x - m.rate * s.exposure);
        m.dispersion = ss / sx * m.n / (m.n - 1);
    }
    return m;
}

// EB of a section with `exposure` and `observed` accidents: mu = lambda e, k = max(0, (phi - 1) /
// (E lambda)) per reference exposure E (a window of length L at the group's mean traffic),
// w = 1 / (1 + k (E / e) mu) = min(1, 1 / phi): the weight does not depend on the exposure, so a
// short section with many accidents is not pulled to its group's mean merely for being short.
EmpiricalBayes sectionEmpiricalBayes(const std::string& group, const ExposedMoments& m, double exposure, double L,
                                     double observed)
{
    EmpiricalBayes eb;
    eb.peerGroup = group;
    eb.peerSites = m.n;
    eb.peerMean = m.rate * exposure;
    eb.peerVariance = m.dispersion * eb.peerMean;
    const double reference = L * m.meanTraffic;
    eb.overdispersion = m.rate > 0 ? std::max(0.0, (m.dispersion - 1.0) / (reference * m.rate)) : 0.0;
    eb.weight = 1.0 / (1.0 + eb.overdispersion * reference * m.rate);
    eb.estimate = eb.weight * eb.peerMean + (1.0 - eb.weight) * observed;
    eb.excess = eb.estimate - eb.peerMean;
    return eb;
}

// Index of the route part containing route distance d.
std::size_t partAt(const Route& route, double d)
{
    auto it = std::upper_bound(route.parts.begin(), route.parts.end(), d,
                               [](double v, const Route::Part& p) { return v < p.start; });
    return it == route.parts.begin() ? 0 : static_cast<std::size_t>(it - route.parts.begin()) - 1;
}

void rank(std::vector<BlackSpot>& spots)
{
    std::sort(spots.begin(), spots.end(), [](const BlackSpot& a, const BlackSpot& b) {
        if (a.met != b.met) return a.met;
        if (a.tally.score != b.tally.score) return a.tally.score > b.tally.score;
        if (a.tally.total() != b.tally.total()) return a.tally.total() > b.tally.total();
        return a.id < b.id;
    });
    for (std::size_t i = 0; i < spots.size(); ++i) spots[i].rank = static_cast<int>(i) + 1;
}

} // namespace

int SeverityTally::count(SeverityMask mask) const
{
    int n = 0;
    for (std::size_t s = 0; s < 4; ++s)
        if (mask & (1u << s)) n += bySeverity[s];
    return n;
}

std::vector<std::string> blackSpotPresetNames()
{
    return {"kruispunt-6-3", "rijkswaterstaat", "amsterdam", "vlaanderen"};
}

BlackSpotCriteria blackSpotPreset(const std::string& name)
{
    BlackSpotCriteria c;
    c.name = name;
    c.years = 3;
    if (name == "kruispunt-6-3") {
        c.description = "kruispunt met 6 of meer letselongevallen (LET of DOD) in 3 jaar";
        c.anyOf = {CountRule{6, kInjuryOrFatal, false}};
        c.sections = false;
    } else if (name == "rijkswaterstaat") {
        c.description = "10 of meer ongevallen, of 6 of meer met ziekenhuisopname, in 3 jaar; "
                        "ziekenhuisopname staat niet in BRON AP3 en wordt zonder die gegevens benaderd "
                        "met LET+DOD (een bovengrens: LET omvat ook lichtgewonden)";
        c.anyOf = {CountRule{10, kAllKnownSeverities, false}, CountRule{6, 0, true}};
    } else if (name == "amsterdam") {
        c.description = "3 of meer letselongevallen (LET of DOD) in 3 jaar";
        c.anyOf = {CountRule{3, kInjuryOrFatal, false}};
    } else if (name == "vlaanderen") {
        c.description = "3 of meer letselongevallen en prioriteitsscore >= 15 in 3 jaar (dodelijk 5, "
                        "zwaargewond 3, lichtgewond 1). Uit BRON AP3 per ongeval naar de zwaarste afloop: "
                        "DOD = 5, LET met bekende ziekenhuisopname = 3, overige LET = 1, UMS = 0. De Vlaamse "
                        "score telt slachtoffers en onderscheidt zwaargewonden; AP3 telt ongevallen en kent "
                        "geen zwaargewond, dus de score is een ondergrens";
        c.anyOf = {CountRule{3, kInjuryOrFatal, false}};
        c.minScore = 15.0;
        c.weights = SeverityWeights{5.0, 3.0, 1.0, 0.0, 0.0};
    } else {
        std::string names;
        for (const auto& n : blackSpotPresetNames()) names += (names.empty() ? "" : ", ") + n;
        throw InputError("onbekende black-spotdefinitie '" + name + "'; kies uit: " + names);
    }
    return c;
}

bool meetsCriteria(const BlackSpotCriteria& criteria, const SeverityTally& tally, std::string* why)
{
    bool any = criteria.anyOf.empty();
    std::string text;
    for (const auto& rule : criteria.anyOf) {
        const int n = rule.seriousOnly ? tally.serious : tally.count(rule.severities);
        if (n >= rule.minCount) {
            any = true;
            if (!text.empty()) text += " of ";
            text += ">=" + std::to_string(rule.minCount) + " " +
                    (rule.seriousOnly ? std::string("ziekenhuis") : severityListText(rule.severities));
        }
    }
    bool met = any;
    if (criteria.minScore) {
        const bool scoreOk = tally.score >= *criteria.minScore;
        met = met && scoreOk;
        if (scoreOk) {
            char buf[48];
            std::snprintf(buf, sizeof buf, "score>=%g", *criteria.minScore);
            text += (text.empty() ? "" : " en ") + std::string(buf);
        }
    }
    if (why) *why = met ? text : std::string();
    return met;
}

BlackSpotResult analyseBlackSpots(const RoadNetwork& network, const std::vector<AccidentRecord>& records,
                                  const BlackSpotOptions& options)
{
    const auto& crit = options.criteria;
    if (crit.years < 1) throw InputError("de periode moet minstens 1 jaar zijn");
    if (!(options.window > 0) || !(options.step > 0))
        throw InputError("venster en stap moeten groter dan 0 meter zijn");
    BlackSpotResult res;
    res.criteria = crit;
    res.inputRows = records.size();
    res.dedup = deduplicateAccidents(records);
    const auto& accidents = res.dedup.accidents;

    int lastYear = options.lastYear.value_or(0);
    if (!options.lastYear) {
        bool any = false;
        for (const auto& a : accidents)
            if (a.year) {
                lastYear = any ? std::max(lastYear, *a.year) : *a.year;
                any = true;
            }
    }
    res.lastYear = lastYear;
    res.firstYear = lastYear - crit.years + 1;

    PlacementOptions po;
    po.snapTolerance = options.snapTolerance;
    po.useNetworkIds = options.useNetworkIds;
    po.firstYear = res.firstYear;
    po.lastYear = res.lastYear;
    res.placements = placeAccidents(network, accidents, po);
    res.buckets = countBuckets(res.dedup, res.placements);
    for (const auto& p : res.placements) res.analysedAccidents += p.placed() ? 1 : 0;

    const auto& segments = network.segments();
    const auto nodeCount = static_cast<std::int32_t>(network.nodeCount());
    std::vector<char> isJunction(network.nodeCount(), 0);
    for (std::int32_t k = 0; k < nodeCount; ++k) {
        isJunction[k] = network.nodeDegree(k) >= options.junctionMinDegree;
        res.junctionCount += isJunction[k] ? 1 : 0;
    }

    auto yearsOf = [&](const std::vector<std::int32_t>& ids) {
        std::vector<int> per(static_cast<std::size_t>(crit.years), 0);
        for (auto i : ids) ++per[static_cast<std::size_t>(*accidents[i].year - res.firstYear)];
        return per;
    };
    auto tallyOf = [&](const std::vector<std::int32_t>& ids) {
        SeverityTally t;
        for (auto i : ids) add(t, accidents[i], crit, 1);
        finishScore(t, crit.weights);
        return t;
    };

    // ---- junctions ----
    std::vector<std::vector<std::int32_t>> atNode(network.nodeCount());
    for (std::size_t i = 0; i < accidents.size(); ++i) {
        const auto& p = res.placements[i];
        if (!p.placed()) continue;
        const auto ai = static_cast<std::int32_t>(i);
        if (p.node != RoadNetwork::kNone) {
            atNode[p.node].push_back(ai);
            continue;
        }
        if (!accidents[i].point) continue;
        const auto& pt = *accidents[i].point;
        std::int32_t nearestNode = RoadNetwork::kNone;
        double nearestD = 0;
        for (auto k : network.nodesWithin(pt, options.junctionRadius)) {
            if (!isJunction[k]) continue;
            if (!options.nearestJunctionOnly) {
                atNode[k].push_back(ai);
                continue;
            }
            const auto& q = network.nodePoint(k);
            const double d = std::hypot(q.x - pt.x, q.y - pt.y);
            if (nearestNode == RoadNetwork::kNone || d < nearestD) {
                nearestNode = k;
                nearestD = d;
            }
        }
        if (nearestNode != RoadNetwork::kNone) atNode[nearestNode].push_back(ai);
    }
    if (crit.junctions) {
        for (std::int32_t k = 0; k < nodeCount; ++k) {
            if (atNode[k].empty()) continue;
            BlackSpot b;
            b.kind = BlackSpot::Kind::Junction;
            b.tally = tallyOf(atNode[k]);
            b.met = meetsCriteria(crit, b.tally, &b.rulesMet);
            if (!b.met && !options.includeAllJunctions) continue;
            b.id = network.nodeId(k);
            b.node = k;
            b.geometry = {network.nodePoint(k)};
            b.accidents = atNode[k];
            b.perYear = yearsOf(b.accidents);
            std::set<std::string> streets, numbers, authorities, classes;
            for (auto s : network.nodeSegments(k)) {
                streets.insert(segments[s].streetName);
                numbers.insert(segments[s].roadNumber);
                authorities.insert(segments[s].roadAuthority);
                classes.insert(segments[s].roadClass);
            }
            b.streetNames = joinDistinct(streets);
            b.roadNumbers = joinDistinct(numbers);
            b.authorities = joinDistinct(authorities);
            b.roadClass = joinDistinct(classes);
            res.junctions.push_back(std::move(b));
        }
        if (options.empiricalBayes) {
            // Peer groups over all junction nodes, zeros included.
            std::unordered_map<std::string, std::vector<int>> groups;
            std::vector<int> all;
            std::unordered_map<std::int32_t, std::string> classOfNode;
            for (std::int32_t k = 0; k < nodeCount; ++k) {
                if (!isJunction[k]) continue;
                std::set<std::string> classes;
                for (auto s : network.nodeSegments(k)) classes.insert(segments[s].roadClass);
                auto key = joinDistinct(classes);
                const int x = atNode[k].empty() ? 0 : targetCount(crit, tallyOf(atNode[k]));
                groups[key].push_back(x);
                all.push_back(x);
            }
            const auto allMoments = moments(all);
            std::unordered_map<std::string, Moments> groupMoments;
            for (const auto& [key, xs] : groups) groupMoments[key] = moments(xs);
            for (auto& b : res.junctions) {
                const auto& gm = groupMoments[b.roadClass];
                const bool own = gm.n >= options.minPeerGroup;
                const auto& m = own ? gm : allMoments;
                b.eb = ebEstimate(own ? (b.roadClass.empty() ? "onbekend" : b.roadClass) : "alle kruispunten", m,
                                  m.mean, targetCount(crit, b.tally));
            }
        }
        rank(res.junctions);
    }

    // ---- sections ----
    const auto& routes = network.routes();
    struct Event {
        double pos;
        std::int32_t accident;
    };
    std::vector<std::vector<Event>> onRoute(routes.size());
    for (std::size_t i = 0; i < accidents.size(); ++i) {
        const auto& p = res.placements[i];
        if (!p.placed() || p.segment == RoadNetwork::kNone) continue;
        const auto r = network.routeOfSegment(p.segment).first;
        onRoute[r].push_back({network.routeDistance(p.segment, p.offset), static_cast<std::int32_t>(i)});
    }
    for (auto& ev : onRoute)
        std::sort(ev.begin(), ev.end(), [](const Event& a, const Event& b) {
            return a.pos < b.pos || (a.pos == b.pos && a.accident < b.accident);
        });
    const double L = options.window, step = options.step;
    auto windowStarts = [&](double length, auto&& fn) {
        if (length <= L) {
            fn(0.0, length);
            return;
        }
        double a = 0;
        for (long long k = 0; (a = static_cast<double>(k) * step) + L < length; ++k) fn(a, a + L);
        fn(length - L, length);
    };
    auto segmentAt = [&](std::int32_t r, double d) { return routes[r].parts[partAt(routes[r], d)].segment; };

    if (crit.sections) {
        for (std::size_t r = 0; r < routes.size(); ++r) {
            const auto& ev = onRoute[r];
            const double length = routes[r].length;
            if (ev.empty()) {
                windowStarts(length, [&](double, double) { ++res.windowCount; });
                continue;
            }
            SeverityTally t;
            std::size_t lo = 0, hi = 0;
            bool open = false;
            double secFrom = 0, secTo = 0;
            int peak = 0;
            auto closeSection = [&]() {
                BlackSpot b;
                b.kind = BlackSpot::Kind::Section;
                b.route = static_cast<std::int32_t>(r);
                b.from = secFrom;
                b.to = secTo;
                auto first =
                    std::lower_bound(ev.begin(), ev.end(), secFrom, [](const Event& e, double v) { return e.pos < v; });
                for (auto it = first; it != ev.end() && it->pos <= secTo; ++it) b.accidents.push_back(it->accident);
                std::sort(b.accidents.begin(), b.accidents.end());
                b.tally = tallyOf(b.accidents);
                b.met = meetsCriteria(crit, b.tally, &b.rulesMet);
                b.perYear = yearsOf(b.accidents);
                b.peakWindowCount = peak;
                b.geometry = network.routeGeometry(b.route, secFrom, secTo);
                std::set<std::string> streets, numbers, authorities;
                const auto p0 = partAt(routes[r], secFrom), p1 = partAt(routes[r], secTo);
                for (auto pi = p0; pi <= p1; ++pi) {
                    const auto& seg = segments[routes[r].parts[pi].segment];
                    // A section that only touches a segment's first point does not run on it.
                    if (pi == p1 && pi > p0 && routes[r].parts[pi].start >= secTo) continue;
                    streets.insert(seg.streetName);
                    numbers.insert(seg.roadNumber);
                    authorities.insert(seg.roadAuthority);
                }
                b.streetNames = joinDistinct(streets);
                b.roadNumbers = joinDistinct(numbers);
                b.authorities = joinDistinct(authorities);
                b.roadClass = segments[segmentAt(b.route, (secFrom + secTo) / 2)].roadClass;
                b.id =
                    segments[routes[r].parts[p0].segment].id + ":" + formatMetres(secFrom) + "-" + formatMetres(secTo);
                res.sections.push_back(std::move(b));
                open = false;
                peak = 0;
            };
            windowStarts(length, [&](double a, double b) {
                ++res.windowCount;
                while (hi < ev.size() && ev[hi].pos <= b) add(t, accidents[ev[hi++].accident], crit, 1);
                while (lo < hi && ev[lo].pos < a) add(t, accidents[ev[lo++].accident], crit, -1);
                finishScore(t, crit.weights);
                if (!meetsCriteria(crit, t, nullptr)) return;
                if (open && a <= secTo) {
                    secTo = std::max(secTo, b);
                } else {
                    if (open) closeSection();
                    open = true;
                    secFrom = a;
                    secTo = b;
                }
                peak = std::max(peak, targetCount(crit, t));
            });
            if (open) closeSection();
        }
        if (options.empiricalBayes) {
            // Sites: every route cut into consecutive pieces of length L, the last piece (and a
            // route shorter than L) as long as it is: every metre of every route is in one site.
            // Length is the exposure, or length x traffic when every segment has its traffic
            // (see sectionEmpiricalBayes).
            res.ebTrafficExposure =
                !segments.empty() && std::all_of(segments.begin(), segments.end(), [](const RoadSegment& s) {
                    return std::isfinite(s.traffic) && s.traffic > 0;
                });
            // The exposure of route r between route distances a and b.
            const auto exposureOf = [&](std::size_t r, double a, double b) {
                if (!res.ebTrafficExposure) return b - a;
                double e = 0;
                for (const auto& part : routes[r].parts) {
                    const double from = std::max(a, part.start),
                                 to = std::min(b, part.start + network.segmentLength(part.segment));
                    if (to > from) e += (to - from) * segments[part.segment].traffic;
                }
                return e;
            };
            std::unordered_map<std::string, std::vector<ExposedSite>> groups;
            std::vector<ExposedSite> all;
            for (std::size_t r = 0; r < routes.size(); ++r) {
                const auto& ev = onRoute[r];
                const double length = routes[r].length;
                if (!(length > 0)) continue;
                std::size_t idx = 0;
                for (double a = 0; a < length; a += L) {
                    const double b = std::min(a + L, length);
                    const bool last = b >= length;
                    SeverityTally t;
                    while (idx < ev.size() && ev[idx].pos < a) ++idx;
                    for (auto j = idx; j < ev.size() && (ev[j].pos < b || (last && ev[j].pos <= b)); ++j)
                        add(t, accidents[ev[j].accident], crit, 1);
                    const ExposedSite site{targetCount(crit, t), exposureOf(r, a, b), b - a};
                    groups[segments[segmentAt(static_cast<std::int32_t>(r), 0.5 * (a + b))].roadClass].push_back(site);
                    all.push_back(site);
                }
            }
            const auto allMoments = exposedMoments(all);
            std::unordered_map<std::string, ExposedMoments> groupMoments;
            for (const auto& [key, sites] : groups) groupMoments[key] = exposedMoments(sites);
            for (auto& b : res.sections) {
                const auto it = groupMoments.find(b.roadClass);
                const bool own = it != groupMoments.end() && it->second.n >= options.minPeerGroup;
                b.eb = sectionEmpiricalBayes(own ? (b.roadClass.empty() ? "onbekend" : b.roadClass) : "alle wegvakken",
                                             own ? it->second : allMoments,
                                             exposureOf(static_cast<std::size_t>(b.route), b.from, b.to), L,
                                             targetCount(crit, b.tally));
            }
        }
        rank(res.sections);
    }
    return res;
}

} // namespace gebiedscan
