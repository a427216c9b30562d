// Seeded synthetic police registrations for demos, tests and benchmarks. Every record is labelled
// synthetic (field `bron`, layer name, metadata): never real data.
#include "gebiedscan/pipeline/synth_job.hpp"

#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/date_time.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/area_reader.hpp"
#include "gebiedscan/gis/coordinate_transform.hpp"
#include "gebiedscan/gis/feature_writer.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <numeric>
#include <random>

namespace gebiedscan::pipeline {

namespace {

struct CategoryMix {
    const char* code;
    const char* label;
    double share;   // of all registrations
    int peakHour;   // hour-of-day profile: von Mises-like around the peak
    double spreadH; // hours
    double weekend; // relative weight of Friday night to Sunday
    bool interval;  // registered as a from-to interval (discovered later)
};

// Rough shares of the police's registered crime in the Netherlands (order of magnitude only).
constexpr std::array<CategoryMix, 20> kMix{{
    {"1.2.3", "Diefstal van brom-, snor-, fietsen", 0.14, 15, 5, 1.0, true},
    {"1.6.2", "Overige vermogensdelicten", 0.12, 13, 5, 1.0, false},
    {"2.2.1", "Vernieling cq. zaakbeschadiging", 0.11, 23, 3, 1.8, true},
    {"1.2.1", "Diefstal uit/vanaf motorvoertuigen", 0.08, 3, 4, 1.0, true},
    {"2.5.2", "Winkeldiefstal", 0.08, 15, 3, 1.1, false},
    {"1.4.5", "Mishandeling", 0.07, 1, 3, 2.2, false},
    {"1.1.1", "Diefstal/inbraak woning", 0.06, 19, 3, 1.0, true},
    {"2.4.1", "Burengerucht (relatieproblemen)", 0.06, 22, 3, 1.5, false},
    {"1.4.4", "Bedreiging", 0.05, 17, 5, 1.3, false},
    {"3.9.1", "Horizontale fraude", 0.05, 12, 4, 0.8, false},
    {"1.3.1", "Ongevallen (weg)", 0.04, 17, 3, 0.9, false},
    {"HG", "Huiselijk geweld", 0.03, 21, 3, 1.4, false},
    {"2.1.1", "Drugs/drankoverlast", 0.03, 0, 3, 2.0, false},
    {"1.1.2", "Diefstal/inbraak box/garage/schuur", 0.02, 3, 4, 1.0, true},
    {"2.5.1", "Diefstal/inbraak bedrijven en instellingen", 0.02, 2, 3, 1.2, true},
    {"1.2.2", "Diefstal van motorvoertuigen", 0.01, 2, 3, 1.0, true},
    {"3.1.1", "Drugshandel", 0.01, 22, 4, 1.5, false},
    {"1.4.1", "Zedenmisdrijf", 0.008, 0, 5, 1.5, false},
    {"1.4.6", "Straatroof", 0.006, 22, 3, 1.6, false},
    {"3.7.4", "Cybercrime", 0.016, 14, 5, 0.8, false}, // not in the default model: "overig"
}};

struct Cluster {
    std::string name;
    std::size_t category; // index in kMix
    PointRd centre;
    double sigma;
    double share;          // of the category's registrations
    bool emergingLastYear; // only (mostly) in the last year: an emerging hotspot
};

MultiPolygon const* pickArea(const std::vector<MultiPolygon>& geoms, const std::vector<double>& cumulative,
                             std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> u(0.0, cumulative.back());
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u(rng));
    return &geoms[static_cast<std::size_t>(
        std::min<std::ptrdiff_t>(it - cumulative.begin(), static_cast<std::ptrdiff_t>(geoms.size()) - 1))];
}

PointRd uniformIn(const MultiPolygon& g, std::mt19937_64& rng)
{
    const Envelope e = envelopeOf(g);
    std::uniform_real_distribution<double> ux(e.minX, e.maxX), uy(e.minY, e.maxY);
    for (int tries = 0; tries < 10000; ++tries) {
        const PointRd p{ux(rng), uy(rng)};
        if (containsPoint(g, p)) return p;
    }
    return {(e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2};
}

} // namespace

SynthResult runSynthJob(const SynthOptions& c, Reporter& console)
{
    SynthResult result;
    if (c.toYear < c.fromYear) throw InputError("--to-year before --from-year");
    gis::SourceSpec source;
    source.path = c.areas;
    source.layer = c.areasLayer;
    gis::AreaFields fields;
    fields.code = c.areaCodeField;
    // Foreign areas stay in their own metric CRS (--working-crs), not forced into RD New.
    const auto layer = gis::readAreaLayer(source, fields, c.workingCrs);
    std::mt19937_64 rng(c.seed);
    const std::size_t n = layer.geometries.size();

    // Area weights: lognormal activity times the population when the layer has one (CBS buurten:
    // registrations follow where people live; an area without inhabitants, such as an industrial
    // estate, still gets a little), else times sqrt(area). Some areas are busy, most are quiet.
    const bool byPopulation =
        std::any_of(layer.population.begin(), layer.population.end(), [](const auto& p) { return p && *p > 0; });
    std::lognormal_distribution<double> activity(0.0, 0.8);
    std::vector<double> cumulative(n);
    double total = 0;
    for (std::size_t a = 0; a < n; ++a) {
        const double size = byPopulation ? std::max(layer.population[a].value_or(0.0), 50.0)
                                         : std::sqrt(std::max(areaOf(layer.geometries[a]), 1.0));
        total += activity(rng) * size;
        cumulative[a] = total;
    }
    // Urban cores: 1-4 per area; most registrations fall near one, within a spread that suits the
    // area's size (a buurt of 1 km2 is not a gemeente of 300 km2).
    std::vector<std::vector<std::pair<PointRd, double>>> cores(n);
    std::uniform_int_distribution<int> coreCount(1, 4);
    std::uniform_real_distribution<double> coreSigma(500.0, 1800.0), coreShare(0.05, 0.12);
    for (std::size_t a = 0; a < n; ++a) {
        const double span = std::sqrt(std::max(areaOf(layer.geometries[a]), 1.0));
        for (int k = coreCount(rng); k > 0; --k) {
            const PointRd centre = uniformIn(layer.geometries[a], rng);
            cores[a].push_back(
                {centre, byPopulation ? std::clamp(coreShare(rng) * span, 50.0, 1800.0) : coreSigma(rng)});
        }
    }
    if (byPopulation) console.info("Registraties verdeeld naar het aantal inwoners van de gebieden");

    // Planted clusters in the busiest areas: the answers a hotspot analysis should find.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::vector<double> weight(n);
    for (std::size_t a = 0; a < n; ++a) weight[a] = cumulative[a] - (a ? cumulative[a - 1] : 0.0);
    std::sort(order.begin(), order.end(), [&](auto x, auto y) { return weight[x] > weight[y]; });
    std::vector<Cluster> clusters{
        {"woninginbraak (nieuw in laatste jaar)", 6, cores[order[0]].front().first, 250, 0.25, true},
        {"geweld uitgaansgebied", 5, cores[order[std::min<std::size_t>(1, n - 1)]].front().first, 150, 0.20, false},
        {"fietsendiefstal station", 0, cores[order[std::min<std::size_t>(2, n - 1)]].front().first, 120, 0.15, false},
    };
    // A few "addresses" where many registrations are geocoded (police station, shopping centre).
    std::vector<PointRd> addresses;
    for (std::size_t k = 0; k < std::min<std::size_t>(5, n); ++k) addresses.push_back(cores[order[k]].front().first);

    std::vector<double> mixCumulative;
    double mixTotal = 0;
    for (const auto& m : kMix) mixCumulative.push_back(mixTotal += m.share);

    gis::Table schema;
    schema.name = "synthetische_registraties";
    schema.columns = {
        {"registratienummer", gis::Column::Type::String, ""}, {"code", gis::Column::Type::String, ""},
        {"omschrijving", gis::Column::Type::String, ""},      {"pleegdatum_van", gis::Column::Type::String, ""},
        {"pleegdatum_tot", gis::Column::Type::String, ""},    {"bron", gis::Column::Type::String, ""}};
    const bool lonlat = c.lonlat;
    if (lonlat) {
        schema.columns.push_back({"lon", gis::Column::Type::Real, ""});
        schema.columns.push_back({"lat", gis::Column::Type::Real, ""});
    } else {
        schema.geometryKind = gis::FeatureGeometry::Kind::Point;
    }
    gis::WriteOptions w;
    w.dutchCsv = false;
    w.workingCrs = c.workingCrs;
    w.metadata = {{"LET_OP", "SYNTHETISCHE GEGEVENS - geen echte politieregistraties"},
                  {"generator", fmt::format("gebiedscan synth --seed {} --count {}", c.seed, c.count)}};
    gis::FeatureWriter writer(c.out, schema, w);
    std::unique_ptr<gis::CoordinateTransform> toWgs84;
    if (lonlat) toWgs84 = std::make_unique<gis::CoordinateTransform>(c.workingCrs, "EPSG:4326");

    std::uniform_real_distribution<double> u01(0.0, 1.0);
    std::normal_distribution<double> gauss(0.0, 1.0);
    const int years = c.toYear - c.fromYear + 1;
    pipeline::PhaseProgress progress(console, "synthetische registraties", static_cast<std::int64_t>(c.count));
    gis::FeatureGeometry geometry;
    geometry.kind = gis::FeatureGeometry::Kind::Point;
    geometry.points.resize(1);
    std::uint64_t malformedWritten = 0;
    for (std::uint64_t i = 0; i < c.count; ++i) {
        progress.update(static_cast<std::int64_t>(i));
        const auto cat = static_cast<std::size_t>(
            std::upper_bound(mixCumulative.begin(), mixCumulative.end(), u01(rng) * mixTotal) - mixCumulative.begin());
        const auto& mix = kMix[std::min(cat, kMix.size() - 1)];
        // Years grow 3 % a year; the emerging cluster lives in the last year.
        int year = c.fromYear + static_cast<int>(u01(rng) * years);
        year = std::min(year, c.toYear);
        PointRd p;
        bool placed = false;
        for (const auto& cl : clusters)
            if (cl.category == cat && u01(rng) < cl.share) {
                p = {cl.centre.x + gauss(rng) * cl.sigma, cl.centre.y + gauss(rng) * cl.sigma};
                if (cl.emergingLastYear) year = c.toYear;
                placed = true;
                break;
            }
        if (!placed && u01(rng) < 0.02) {
            p = addresses[static_cast<std::size_t>(u01(rng) * static_cast<double>(addresses.size())) %
                          addresses.size()];
            placed = true;
        }
        if (!placed) {
            const auto* area = pickArea(layer.geometries, cumulative, rng);
            const auto a = static_cast<std::size_t>(area - layer.geometries.data());
            if (u01(rng) < 0.7) {
                const auto& core = cores[a][static_cast<std::size_t>(u01(rng) * static_cast<double>(cores[a].size())) %
                                            cores[a].size()];
                p = {core.first.x + gauss(rng) * core.second, core.first.y + gauss(rng) * core.second};
            } else {
                p = uniformIn(*area, rng);
            }
        }
        const unsigned month = 1 + static_cast<unsigned>(u01(rng) * 12) % 12;
        const unsigned day = 1 + static_cast<unsigned>(u01(rng) * 28) % 28;
        const int hour = ((mix.peakHour + static_cast<int>(std::lround(gauss(rng) * mix.spreadH))) % 24 + 24) % 24;
        const unsigned minute = static_cast<unsigned>(u01(rng) * 60) % 60;
        LocalTime start = *makeLocalTime(year, month, day, static_cast<unsigned>(hour), minute);
        // Weekend-heavy categories (violence, nuisance): move part of the weekday events to Friday.
        const int dow = hourOfWeek(start) / 24; // 0 = Monday
        if (dow < 4 && mix.weekend > 1.0 && u01(rng) < (mix.weekend - 1.0) / mix.weekend)
            start.seconds += static_cast<std::int64_t>(4 - dow) * kSecondsPerDay;
        std::string from = formatLocalTime(start), to;
        if (mix.interval)
            to = formatLocalTime(LocalTime{start.seconds + static_cast<std::int64_t>(3600 * (1 + u01(rng) * 10))});
        std::string code = mix.code, label = mix.label;

        // A few malformed records, as real extracts have them.
        bool noGeometry = false;
        if (u01(rng) < c.malformed) {
            ++malformedWritten;
            switch (static_cast<int>(u01(rng) * 5)) {
            case 0: noGeometry = true; break;
            case 1: from = "31-02-" + std::to_string(year); break;
            case 2:
                code = "9.9.9";
                label = "Onbekend feit";
                break;
            case 3: p = {0.0, 0.0}; break;
            default: code += "  "; break; // trailing spaces: still valid after trimming
            }
        }
        std::vector<gis::Value> row{
            fmt::format("SYN-{:08}", i + 1), code, label, from, to.empty() ? gis::Value() : gis::Value(to),
            std::string("SYNTHETISCH")};
        if (lonlat) {
            if (noGeometry) {
                row.emplace_back();
                row.emplace_back();
            } else {
                const PointRd ll = toWgs84->transform(p);
                row.emplace_back(std::round(ll.x * 1e7) / 1e7);
                row.emplace_back(std::round(ll.y * 1e7) / 1e7);
            }
            writer.add(row);
        } else {
            geometry.points[0] = p;
            writer.add(row, noGeometry ? nullptr : &geometry);
        }
    }
    writer.commit();
    progress.finish();

    // The planted truth, for tests and the demo.
    nlohmann::ordered_json truth;
    truth["synthetic"] = true;
    truth["seed"] = c.seed;
    truth["count"] = c.count;
    truth["malformed_records"] = malformedWritten;
    truth["crs"] = c.workingCrs; // of the clusters' x and y
    for (const auto& cl : clusters)
        truth["planted_clusters"].push_back({{"name", cl.name},
                                             {"code", kMix[cl.category].code},
                                             {"x", cl.centre.x},
                                             {"y", cl.centre.y},
                                             {"sigma_m", cl.sigma},
                                             {"emerging", cl.emergingLastYear}});
    result.truthFile = c.out + ".truth.json";
    std::ofstream(result.truthFile) << truth.dump(2) << "\n";
    result.written = c.count;
    result.malformed = malformedWritten;
    return result;
}

} // namespace gebiedscan::pipeline
