#include "gebiedscan/pipeline/hotspot_writer.hpp"

#include "gebiedscan/pipeline/output_schema.hpp"

#include "gebiedscan/pipeline/local_hotspots.hpp"

#include "gebiedscan/gis/atomic_output.hpp"
#include "gebiedscan/gis/output_folder.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include <fmt/core.h>

#include <cmath>
#include <stdexcept>

namespace gebiedscan::pipeline {

namespace {

namespace fs = std::filesystem;

std::string formatNumber(double v)
{
    return fmt::format("{:.6g}", v);
}

gis::Table gridTable(const HotspotResult& s)
{
    const OptimizedHotspotResult& r = *s.cells;
    const auto& spec = *schema::layer(schema::role::hotspotsGrid);
    gis::Table t;
    t.name = std::string(spec.name);
    schema::tag(t, spec.role);
    t.columns = {schema::column(spec, "id"), schema::column(spec, "aantal")};
    const auto stats = hotspotColumns(s.statistics, s.weightsDescription, true);
    t.columns.insert(t.columns.end(), stats.begin(), stats.end());
    t.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    for (std::size_t i = 0; i < r.cells.size(); ++i) {
        std::vector<gis::Value> v;
        v.emplace_back(r.grid->code(r.cells[i]));
        v.emplace_back(static_cast<std::int64_t>(std::llround(r.counts[i])));
        appendHotspotValues(v, s.hotspots, s.weights, i, s.statistics, true);
        t.rows.push_back(std::move(v));
        gis::FeatureGeometry g;
        g.kind = gis::FeatureGeometry::Kind::Polygon;
        g.polygons = r.grid->polygon(r.cells[i]);
        t.geometries.push_back(std::move(g));
    }
    return t;
}

gis::WriteOptions gridMetadata(const HotspotResult& s)
{
    const OptimizedHotspotResult& r = *s.cells;
    gis::WriteOptions wo;
    wo.workingCrs = s.workingCrs;
    wo.metadata = {{"bron", s.sourceDescription},
                   {"celgrootte_m", formatNumber(r.cellSize)},
                   {"celgrootte_keuze",
                    r.cellSizeAutomatic ? "automatisch: 2 x gemiddelde naaste-buurafstand, afgerond" : "opgegeven"},
                   {"band_m", formatNumber(r.band)},
                   {"band_keuze", r.bandAtPeak ? "eerste piek van Moran's z (incrementele autocorrelatie)"
                                               : "geen piek: gemiddelde afstand tot de 30e buurcel"},
                   {"moran_z_per_band", s.bandProfile},
                   {"eilanden", std::to_string(s.islands)},
                   {"permutaties", std::to_string(s.statistics.permutations)},
                   {"seed", std::to_string(s.statistics.seed)},
                   {"alternatief", std::string(alternativeName(s.statistics.alternative))},
                   {"correctie", correctionText(s.statistics.correction)},
                   {"gemaakt_met", "gebiedscan " GEBIEDSCAN_VERSION}};
    return wo;
}

std::size_t columnIndex(const gis::Table& t, std::string_view name)
{
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c].name == name) return c;
    throw std::logic_error("hotspots table has no column " + std::string(name));
}

gis::Table featureTable(const HotspotResult& s)
{
    const auto& spec = *schema::layer(schema::role::hotspotsFeatures);
    gis::Table t;
    t.name = std::string(spec.name);
    schema::tag(t, spec.role);
    t.columns = {schema::column(spec, "id", {}, {}, s.idField.empty() ? "FID" : "veld " + s.idField),
                 schema::column(spec, "waarde", {}, {}, "veld " + s.field)};
    const auto stats = hotspotColumns(s.statistics, s.weightsDescription, true);
    t.columns.insert(t.columns.end(), stats.begin(), stats.end());
    t.geometryKind = s.geometryKind;
    for (const auto& row : s.rows) {
        std::vector<gis::Value> v(t.columns.size());
        v[0] = row.id;
        if (row.value) v[1] = *row.value;
        if (row.index < 0) {
            // Not analysed: kept in the output, labelled, with empty statistics.
            const std::string why = row.value ? "Geen geometrie" : "Geen waarde";
            for (auto id : {schema::field::giLabel, schema::field::lisaQ, schema::field::lisaQuadrant})
                v[columnIndex(t, id)] = why;
        } else {
            v.resize(2);
            appendHotspotValues(v, s.hotspots, s.weights, static_cast<std::size_t>(row.index), s.statistics, true);
        }
        t.rows.push_back(std::move(v));
        t.geometries.push_back(row.geometry);
    }
    return t;
}

gis::WriteOptions featureMetadata(const HotspotResult& s)
{
    gis::WriteOptions wo;
    wo.workingCrs = s.workingCrs;
    wo.metadata = {{"bron", s.sourceDescription},
                   {"veld", s.field},
                   {"gewichten", s.weightsDescription},
                   {"eilanden", std::to_string(s.islands)},
                   {"permutaties", std::to_string(s.statistics.permutations)},
                   {"seed", std::to_string(s.statistics.seed)},
                   {"alternatief", std::string(alternativeName(s.statistics.alternative))},
                   {"correctie", correctionText(s.statistics.correction)},
                   {"moran_i", fmt::format("{:.10g}", s.moran.statistic)},
                   {"moran_z", fmt::format("{:.10g}", s.moran.z)},
                   {"gemaakt_met", "gebiedscan " GEBIEDSCAN_VERSION}};
    return wo;
}

// Outside the police: counts 1..T-1 hidden with their classes, Gi*/LISA numbers left out, and the
// global statistics of the metadata too (Moran's I of all values and one unknown is one equation).
void protectForExtern(gis::Table& t, gis::WriteOptions& wo, int suppressBelow)
{
    namespace fld = schema::field;
    const std::size_t value = 1; // aantal (--grid) or waarde
    const auto isNumber = [](std::string_view n) {
        return n == fld::giZ || n == fld::giP || n == fld::giPAdj || n == fld::lisaI || n == fld::lisaZ ||
               n == fld::lisaP || n == fld::lisaPAdj;
    };
    const auto isClass = [](std::string_view n) {
        return n == fld::giBin || n == fld::giLabel || n == fld::lisaQ || n == fld::lisaQuadrant;
    };
    std::vector<bool> keep(t.columns.size());
    for (std::size_t c = 0; c < t.columns.size(); ++c) keep[c] = !isNumber(t.columns[c].name);
    for (auto& row : t.rows) {
        const auto* i = std::get_if<std::int64_t>(&row[value]);
        const auto* d = std::get_if<double>(&row[value]);
        const double v = i ? static_cast<double>(*i) : d ? *d : 0.0;
        const bool small = v >= 1.0 && v <= suppressBelow - 1.0 && v == std::floor(v);
        std::vector<gis::Value> out;
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            if (!keep[c]) continue;
            const bool hide = small && (c == value || isClass(t.columns[c].name));
            out.push_back(hide ? gis::Value(gis::Suppressed{}) : std::move(row[c]));
        }
        row = std::move(out);
    }
    std::vector<gis::Column> columns;
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (keep[c]) columns.push_back(std::move(t.columns[c]));
    t.columns = std::move(columns);
    std::erase_if(wo.metadata, [](const auto& kv) {
        return kv.first == "moran_i" || kv.first == "moran_z" || kv.first == "moran_z_per_band";
    });
}

} // namespace

std::vector<fs::path> writeHotspotOutputs(const HotspotResult& result, const HotspotOutputOptions& options)
{
    gis::Table t = result.grid ? gridTable(result) : featureTable(result);
    gis::WriteOptions wo = result.grid ? gridMetadata(result) : featureMetadata(result);
    if (!options.internal) protectForExtern(t, wo, options.suppressBelow);
    wo.metadata["onderdrukking"] = options.internal
                                       ? std::string("geen (interne uitvoer, niet verstrekken buiten de politie)")
                                       : fmt::format("aantallen 1 t/m {} geheim, met hun klasse; Gi*/LISA alleen als "
                                                     "klasse; geen Moran's I",
                                                     options.suppressBelow - 1);
    wo.metadata[std::string(schema::kAudienceKey)] = options.internal ? "intern" : "extern";
    // Every file into a staging folder swapped in as a whole (issue 18).
    gis::OutputFolder folder(options.outDir, "gebiedscan hotspots " GEBIEDSCAN_VERSION,
                             {"hotspots", "toelichting.txt"});
    const fs::path gpkg = folder.path() / "hotspots.gpkg";
    gis::writeGeoPackage(gpkg, {t}, wo);
    const fs::path csv = folder.path() / "hotspots.csv";
    gis::writeCsv(csv, t, wo);
    const fs::path note = folder.path() / "toelichting.txt";
    gis::writeTextFile(
        note, fmt::format("Gebiedscan hotspots - toelichting\n=================================\n\n"
                          "Publiek:       {}\nInvoer:        {}\nOnderdrukking: {}\n",
                          options.internal ? "intern (alleen binnen de politie)" : "extern (buiten de politie)",
                          result.sourceDescription, wo.metadata.at("onderdrukking")));
    folder.commit();
    return {folder.finalPath(gpkg), folder.finalPath(csv), folder.finalPath(note)};
}

} // namespace gebiedscan::pipeline
