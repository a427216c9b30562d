#include "gebiedscan/pipeline/trend_writer.hpp"

#include "gebiedscan/pipeline/output_schema.hpp"
#include "gebiedscan/pipeline/trend_protection.hpp"

#include "gebiedscan/gis/atomic_output.hpp"
#include "gebiedscan/gis/output_folder.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include "gebiedscan/core/error.hpp"

#include <fmt/core.h>

#include <optional>

namespace gebiedscan::pipeline {

namespace {

std::string protectionText(bool internal, int suppressBelow)
{
    if (internal) return "geen (interne uitvoer, niet verstrekken buiten de politie)";
    return fmt::format("aantallen 1 t/m {} geheim, met aanvullende geheimhouding (LP) zodat ze niet uit het "
                       "totaal over de perioden terug te rekenen zijn; Gi* alleen als klasse (hotspot, coldspot), "
                       "de trend van de aantallen niet bij een geheim aantal",
                       suppressBelow - 1);
}

} // namespace

std::vector<std::filesystem::path> writeTrendOutputs(const TrendResult& result, const TrendOutputOptions& o)
{
    const SpaceTimeCube& cube = result.cube;
    const EmergingResult& r = result.emerging;
    const std::size_t steps = result.steps;
    const std::int64_t first = result.first, last = result.last;
    const TimePeriod period = result.period;
    const int suppressBelow = result.suppressBelow;
    const auto& codes = result.codes;
    const auto& names = result.names;
    const auto& geometries = result.geometries;
    const std::string& themeId = result.themeId;
    const std::string& locationDescription = result.locationDescription;

    // Outside the police (the default) the counts are protected as the scan's are: small counts
    // and the complements that would give them away through total = sum of the periods are
    // hidden; Gi* is published as its class only (a z of published neighbours gives the sum of
    // hidden counts), the trend of the counts only where none of them is hidden.
    std::optional<TrendProtection> protection;
    SuppressionReport report;
    if (!o.internal) {
        protection.emplace(cube, suppressBelow);
        report = protection->protect();
        if (!report.auditPassed)
            throw Error(fmt::format("trends: de onderdrukking van kleine aantallen sluit niet ({} cellen "
                                    "onbeschermd); niets geschreven",
                                    report.unprotectable));
    }
    const auto number = [&](double v) { return protection ? gis::Value{} : gis::Value{v}; };

    // Per-location layer.
    // Every column of the schema's layer, in its order (the row below follows it).
    const auto& areaSpec = *schema::layer(schema::role::trends);
    gis::Table areaTable;
    areaTable.name = std::string(areaSpec.name);
    schema::tag(areaTable, areaSpec.role);
    areaTable.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    for (const auto& c : areaSpec.columns) areaTable.columns.push_back(schema::column(areaSpec, c.id));
    for (std::size_t i = 0; i < cube.locations(); ++i) {
        double total = 0.0;
        std::int64_t hot = 0, cold = 0;
        for (std::size_t t = 0; t < steps; ++t) {
            total += cube.at(i, t);
            hot += r.state[i * steps + t] > 0;
            cold += r.state[i * steps + t] < 0;
        }
        const EmergingClass cls = r.classes[i];
        gis::Value totalValue = static_cast<std::int64_t>(total);
        if (protection && protection->total(i)) totalValue = gis::Suppressed{};
        const bool countsHidden = protection && protection->anyHidden(i);
        areaTable.rows.push_back({codes[i], names[i], std::string(emergingLabelNl(cls)),
                                  std::string(emergingLabelEn(cls)), std::string(emergingCode(cls)), totalValue, hot,
                                  cold, number(r.z[i * steps + steps - 1]), number(r.trendOfZ[i].tau),
                                  number(r.trendOfZ[i].p),
                                  countsHidden ? gis::Value{gis::Suppressed{}} : gis::Value{r.trendOfValue[i].tau},
                                  countsHidden ? gis::Value{gis::Suppressed{}} : gis::Value{r.trendOfValue[i].p}});
        gis::FeatureGeometry g;
        g.kind = gis::FeatureGeometry::Kind::Polygon;
        g.polygons = geometries[i];
        areaTable.geometries.push_back(std::move(g));
    }

    // Per-location, per-period table (no geometry).
    const auto& periodSpec = *schema::layer(schema::role::trendsPerPeriod);
    gis::Table periodTable;
    periodTable.name = std::string(periodSpec.name);
    schema::tag(periodTable, periodSpec.role);
    for (const auto& c : periodSpec.columns) periodTable.columns.push_back(schema::column(periodSpec, c.id));
    for (std::size_t i = 0; i < cube.locations(); ++i)
        for (std::size_t t = 0; t < steps; ++t) {
            const double n = cube.at(i, t);
            gis::Value count = static_cast<std::int64_t>(n);
            if (protection && protection->count(i, t)) count = gis::Suppressed{};
            const std::int8_t s = r.state[i * steps + t];
            periodTable.rows.push_back({codes[i], periodLabel(first + static_cast<std::int64_t>(t), period), count,
                                        number(r.z[i * steps + t]), number(r.p[i * steps + t]),
                                        std::string(s > 0   ? "hotspot"
                                                    : s < 0 ? "coldspot"
                                                            : "niet significant")});
        }

    gis::WriteOptions w;
    w.workingCrs = result.workingCrs;
    w.metadata = {
        {"bron", result.sourceDescription},
        {"gebieden", locationDescription},
        {"thema", themeId.empty() ? "alle registraties" : themeId},
        {"perioden", periodLabel(first, period) + " t/m " + periodLabel(last, period)},
        {"methode", fmt::format("Gi* met {} buren en {} vorige perioden, globaal venster = hele kubus; "
                                "significant bij p < {}{}; Mann-Kendall (p < {}) op de Gi* z-scores; "
                                "klassen van Esri Emerging Hot Spot Analysis",
                                result.contiguity == Contiguity::Rook ? "rook" : "queen", result.timeLags, result.alpha,
                                result.fdr ? " na FDR (Benjamini-Hochberg)" : "", result.alpha)},
        {"onderdrukking", protectionText(o.internal, suppressBelow)},
        {std::string(schema::kAudienceKey), o.internal ? "intern" : "extern"},
    };
    // Every file into a staging folder swapped in as a whole (issue 18).
    gis::OutputFolder folder(o.outDir, "gebiedscan trends " GEBIEDSCAN_VERSION, {"trends", "toelichting.txt"});
    const std::filesystem::path& dir = folder.path();
    gis::writeGeoPackage(dir / "trends.gpkg", {areaTable, periodTable}, w);
    gis::writeCsv(dir / "trends.csv", areaTable, w);
    gis::writeCsv(dir / "trends_per_periode.csv", periodTable, w);
    gis::writeTextFile(
        dir / "toelichting.txt",
        fmt::format("Gebiedscan trends - toelichting\n===============================\n\n"
                    "Publiek:       {}\nRegistraties:  {}\nGebieden:      {}\nThema:         {}\nPerioden:      {}\n"
                    "Onderdrukking: {}\n{}",
                    o.internal ? "intern (alleen binnen de politie)" : "extern (buiten de politie)",
                    result.sourceDescription, locationDescription, themeId.empty() ? "alle registraties" : themeId,
                    periodLabel(first, period) + " t/m " + periodLabel(last, period),
                    protectionText(o.internal, suppressBelow),
                    protection ? fmt::format("Geheim: {} aantallen, waarvan {} klein (1 t/m {}) en {} om die niet uit "
                                             "het totaal over de perioden terug te laten rekenen.\n",
                                             report.primaries + report.secondaries, report.primaries, suppressBelow - 1,
                                             report.secondaries)
                               : std::string()));
    folder.commit();
    const auto& out = folder.target();
    return {out / "trends.gpkg", out / "trends.csv", out / "trends_per_periode.csv", out / "toelichting.txt"};
}

} // namespace gebiedscan::pipeline
