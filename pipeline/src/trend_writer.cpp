#include "gebiedscan/pipeline/trend_writer.hpp"

#include "gebiedscan/gis/atomic_output.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include <fmt/core.h>

namespace gebiedscan::pipeline {

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

    // Per-location layer.
    using gis::Column;
    gis::Table areaTable;
    areaTable.name = "trends";
    areaTable.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    areaTable.columns = {
        {"code", Column::Type::String, "gebiedscode of celcode"},
        {"naam", Column::Type::String, "gebiedsnaam"},
        {"trend", Column::Type::String, "patroon (Esri Emerging Hot Spot Analysis), Nederlands"},
        {"trend_en", Column::Type::String, "pattern, Esri's English label"},
        {"trend_code", Column::Type::String, "stable code of the pattern"},
        {"registraties", Column::Type::Integer, "registraties in alle perioden samen"},
        {"perioden_hot", Column::Type::Integer, "perioden als significante hotspot"},
        {"perioden_cold", Column::Type::Integer, "perioden als significante coldspot"},
        {"gi_z_laatste", Column::Type::Real, "Gi* z-score in de laatste periode"},
        {"mk_tau_gi", Column::Type::Real, "Mann-Kendall tau van de Gi* z-scores"},
        {"mk_p_gi", Column::Type::Real, "Mann-Kendall p (tweezijdig) van de Gi* z-scores"},
        {"mk_tau_aantal", Column::Type::Real, "Mann-Kendall tau van de aantallen"},
        {"mk_p_aantal", Column::Type::Real, "Mann-Kendall p (tweezijdig) van de aantallen"},
    };
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
        if (!o.internal && total >= 1 && total < suppressBelow) totalValue = gis::Suppressed{};
        areaTable.rows.push_back({codes[i], names[i], std::string(emergingLabelNl(cls)),
                                  std::string(emergingLabelEn(cls)), std::string(emergingCode(cls)), totalValue, hot,
                                  cold, r.z[i * steps + steps - 1], r.trendOfZ[i].tau, r.trendOfZ[i].p,
                                  r.trendOfValue[i].tau, r.trendOfValue[i].p});
        gis::FeatureGeometry g;
        g.kind = gis::FeatureGeometry::Kind::Polygon;
        g.polygons = geometries[i];
        areaTable.geometries.push_back(std::move(g));
    }

    // Per-location, per-period table (no geometry).
    gis::Table periodTable;
    periodTable.name = "trends_per_periode";
    periodTable.columns = {
        {"code", Column::Type::String, "gebiedscode of celcode"},
        {"periode", Column::Type::String, "maand (2024-05), kwartaal (2024-K2) of jaar"},
        {"registraties", Column::Type::Integer, "registraties in de periode (kleine aantallen geheim)"},
        {"gi_z", Column::Type::Real, "Gi* z-score met ruimte-tijd-buren"},
        {"gi_p", Column::Type::Real, "p-waarde (tweezijdig, normaal)"},
        {"status", Column::Type::String, "hotspot, coldspot of niet significant"},
    };
    for (std::size_t i = 0; i < cube.locations(); ++i)
        for (std::size_t t = 0; t < steps; ++t) {
            const double n = cube.at(i, t);
            gis::Value count = static_cast<std::int64_t>(n);
            if (!o.internal && n >= 1 && n < suppressBelow) count = gis::Suppressed{};
            const std::int8_t s = r.state[i * steps + t];
            periodTable.rows.push_back({codes[i], periodLabel(first + static_cast<std::int64_t>(t), period), count,
                                        r.z[i * steps + t], r.p[i * steps + t],
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
        {"onderdrukking",
         o.internal ? "geen (interne uitvoer)" : fmt::format("aantallen 1 t/m {} als geheim", suppressBelow - 1)},
    };
    const std::filesystem::path& dir = o.outDir;
    gis::ensureWritableFolder(dir);
    gis::writeGeoPackage(dir / "trends.gpkg", {areaTable, periodTable}, w);
    gis::writeCsv(dir / "trends.csv", areaTable, w);
    gis::writeCsv(dir / "trends_per_periode.csv", periodTable, w);
    return {dir / "trends.gpkg", dir / "trends.csv", dir / "trends_per_periode.csv"};
}

} // namespace gebiedscan::pipeline
