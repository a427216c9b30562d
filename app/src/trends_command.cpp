// `gebiedscan trends`: emerging hot spot analysis (Esri's classes) of registrations per area or
// grid cell over months, quarters or years.
#include "commands.hpp"
#include "console.hpp"
#include "gebiedscan/pipeline/incident_fields.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"

#include "gebiedscan/core/contiguity.hpp"
#include "gebiedscan/core/emerging_hotspots.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/grid.hpp"
#include "gebiedscan/core/point_locator.hpp"
#include "gebiedscan/core/scan_model.hpp"
#include "gebiedscan/gis/area_reader.hpp"
#include "gebiedscan/gis/atomic_output.hpp"
#include "gebiedscan/gis/table_writer.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <limits>

namespace gebiedscan::app {

namespace {

struct TrendsCli {
    gis::SourceSpec incidents;
    gis::SourceSpec areas;
    gis::AreaFields areaFields;
    double gridSize = 0.0;
    std::string theme, model, categoryField, labelField, dateField;
    std::string period = "month", from, to, contiguity = "queen";
    std::string workingCrs = "EPSG:28992";
    int timeLags = 1;
    double alpha = 0.05;
    bool noFdr = false, internal = false, quiet = false;
    std::string out;
};

struct Event {
    PointRd point;
    std::int64_t ordinal;
};

TimePeriod parsePeriod(const std::string& s)
{
    if (s == "month" || s == "maand") return TimePeriod::Month;
    if (s == "quarter" || s == "kwartaal") return TimePeriod::Quarter;
    if (s == "year" || s == "jaar") return TimePeriod::Year;
    throw InputError("--period must be month, quarter or year");
}

void run(const TrendsCli& c)
{
    ConsoleReporter console(c.quiet);
    if (c.areas.path.empty() == !(c.gridSize > 0.0))
        throw InputError("give either --areas (polygons) or --grid SIZE (square cells in metres)");
    if (c.timeLags < 0) throw InputError("--time-lags must be 0 or more");
    const TimePeriod period = parsePeriod(c.period);

    // Theme through the scan model (also gives the disclosure threshold).
    const ScanModel model =
        pipeline::loadScanModel(c.model.empty() ? pipeline::defaultModelPath() : std::filesystem::path(c.model));
    std::string themeId;
    int suppressBelow = model.suppressBelow;
    if (!c.theme.empty()) {
        for (const auto& t : model.themes)
            if (t.id == c.theme || t.number == c.theme) {
                themeId = t.id;
                if (t.suppressBelow > 0) suppressBelow = t.suppressBelow;
            }
        if (themeId.empty()) throw InputError("unknown theme '" + c.theme + "'");
    }
    const CategoryClassifier classifier(model);

    gis::VectorReader reader(c.incidents, c.workingCrs);
    pipeline::IncidentFields fields =
        pipeline::detectIncidentFields(reader, {c.categoryField, c.labelField, c.dateField, ""});
    pipeline::requireDateField(reader, fields);
    if (!themeId.empty())
        pipeline::requireCategoryField(reader, fields, "for --theme");
    else
        fields.category = fields.label = ""; // all registrations: no category needed
    const std::string& dateField = fields.date;
    const std::string& categoryField = fields.category;
    const std::string& labelField = fields.label;
    reader.selectFields({dateField, categoryField, labelField});

    std::optional<std::int64_t> fromOrdinal, toOrdinal;
    if (!c.from.empty()) fromOrdinal = periodOrdinal(pipeline::parsePeriodBound(c.from, false, "--from"), period);
    if (!c.to.empty()) toOrdinal = periodOrdinal(pipeline::parsePeriodBound(c.to, false, "--to"), period);

    std::vector<Event> events;
    std::int64_t read = 0, noPoint = 0, badDate = 0, otherTheme = 0, outsidePeriod = 0;
    pipeline::PhaseProgress progress(console, "registraties lezen", reader.featureCount().value_or(-1));
    gis::Feature f;
    while (reader.next(f)) {
        progress.update(++read);
        if (f.geometry.kind != gis::FeatureGeometry::Kind::Point || f.geometry.points.size() != 1 ||
            (f.geometry.points[0].x == 0.0 && f.geometry.points[0].y == 0.0)) {
            ++noPoint;
            continue;
        }
        // A from-to registration counts in the period of its start.
        const auto when = f.values[0] ? parseTimeInterval(*f.values[0]) : std::nullopt;
        if (!when) {
            ++badDate;
            continue;
        }
        if (!themeId.empty()) {
            const auto cat = classifier.classify(f.values[1].value_or(""), f.values[2].value_or(""));
            if (!cat || model.categories[*cat].themeId != themeId) {
                ++otherTheme;
                continue;
            }
        }
        const std::int64_t ord = periodOrdinal(when->start, period);
        if ((fromOrdinal && ord < *fromOrdinal) || (toOrdinal && ord > *toOrdinal)) {
            ++outsidePeriod;
            continue;
        }
        events.push_back({f.geometry.points[0], ord});
    }
    progress.finish();
    if (events.empty()) throw InputError(reader.description() + ": no usable registrations for the trend analysis");

    std::int64_t first = fromOrdinal.value_or(std::numeric_limits<std::int64_t>::max());
    std::int64_t last = toOrdinal.value_or(std::numeric_limits<std::int64_t>::min());
    for (const auto& e : events) {
        if (!fromOrdinal) first = std::min(first, e.ordinal);
        if (!toOrdinal) last = std::max(last, e.ordinal);
    }
    if (last < first) throw InputError("--to lies before --from");
    const auto steps = static_cast<std::size_t>(last - first + 1);
    if (steps < 10)
        console.warning(fmt::format("slechts {} perioden: Esri raadt minstens 10 aan voor de trendtoets", steps));

    // Locations: areas or grid cells (all cells over the events' extent: empty cells are zeros).
    std::vector<std::string> codes, names;
    std::vector<MultiPolygon> geometries;
    std::string locationDescription;
    if (!c.areas.path.empty()) {
        gis::AreaLayer areas = gis::readAreaLayer(c.areas, c.areaFields, c.workingCrs);
        codes = std::move(areas.codes);
        names = std::move(areas.names);
        geometries = std::move(areas.geometries);
        locationDescription = areas.description;
    } else {
        Envelope extent;
        for (const auto& e : events) extent.expand(e.point);
        const Grid grid(Grid::Shape::Square, c.gridSize, extent);
        if (grid.cellCount() > 250'000)
            throw InputError(
                fmt::format("--grid {} gives {} cells; choose larger cells", c.gridSize, grid.cellCount()));
        for (std::size_t i = 0; i < grid.cellCount(); ++i) {
            codes.push_back(grid.code(i));
            names.push_back(codes.back());
            geometries.push_back(grid.polygon(i));
        }
        locationDescription = fmt::format("vierkanten van {} m", c.gridSize);
    }
    const PointLocator locator(geometries);
    SpaceTimeCube cube(geometries.size(), steps);
    std::vector<PointRd> points;
    points.reserve(events.size());
    for (const auto& e : events) points.push_back(e.point);
    std::vector<std::int32_t> located(points.size());
    locator.locate(points, located);
    std::int64_t outside = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (located[i] < 0) {
            ++outside;
            continue;
        }
        cube.at(static_cast<std::size_t>(located[i]), static_cast<std::size_t>(events[i].ordinal - first)) += 1.0;
    }
    console.info(
        fmt::format("Registraties: {} gelezen, {} gebruikt; {} zonder puntlocatie of op (0, 0), {} met onleesbare "
                    "datum, {} buiten de perioden, {} buiten de gebieden{}",
                    read, events.size() - static_cast<std::size_t>(outside), noPoint, badDate, outsidePeriod, outside,
                    themeId.empty() ? "" : fmt::format(", {} van een ander thema", otherTheme)));

    const Contiguity rule = c.contiguity == "rook" ? Contiguity::Rook : Contiguity::Queen;
    const NeighbourCsr neighbours = NeighbourCsr::fromWeights(contiguityWeights(geometries, rule));
    EmergingOptions options;
    options.timeLags = c.timeLags;
    options.binAlpha = options.trendAlpha = c.alpha;
    options.fdr = !c.noFdr;
    const EmergingResult r = emergingHotspots(cube, neighbours, options);

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
    std::vector<int> classCounts(kEmergingClassCount, 0);
    for (std::size_t i = 0; i < cube.locations(); ++i) {
        double total = 0.0;
        std::int64_t hot = 0, cold = 0;
        for (std::size_t t = 0; t < steps; ++t) {
            total += cube.at(i, t);
            hot += r.state[i * steps + t] > 0;
            cold += r.state[i * steps + t] < 0;
        }
        const EmergingClass cls = r.classes[i];
        ++classCounts[static_cast<std::size_t>(cls)];
        gis::Value totalValue = static_cast<std::int64_t>(total);
        if (!c.internal && total >= 1 && total < suppressBelow) totalValue = gis::Suppressed{};
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
            if (!c.internal && n >= 1 && n < suppressBelow) count = gis::Suppressed{};
            const std::int8_t s = r.state[i * steps + t];
            periodTable.rows.push_back({codes[i], periodLabel(first + static_cast<std::int64_t>(t), period), count,
                                        r.z[i * steps + t], r.p[i * steps + t],
                                        std::string(s > 0   ? "hotspot"
                                                    : s < 0 ? "coldspot"
                                                            : "niet significant")});
        }

    gis::WriteOptions w;
    w.workingCrs = c.workingCrs;
    w.metadata = {
        {"bron", reader.description()},
        {"gebieden", locationDescription},
        {"thema", themeId.empty() ? "alle registraties" : themeId},
        {"perioden", periodLabel(first, period) + " t/m " + periodLabel(last, period)},
        {"methode",
         fmt::format("Gi* met {} buren en {} vorige perioden, globaal venster = hele kubus; "
                     "significant bij p < {}{}; Mann-Kendall (p < {}) op de Gi* z-scores; "
                     "klassen van Esri Emerging Hot Spot Analysis",
                     c.contiguity, c.timeLags, c.alpha, options.fdr ? " na FDR (Benjamini-Hochberg)" : "", c.alpha)},
        {"onderdrukking",
         c.internal ? "geen (interne uitvoer)" : fmt::format("aantallen 1 t/m {} als geheim", suppressBelow - 1)},
    };
    const std::filesystem::path dir = c.out;
    gis::ensureWritableFolder(dir);
    gis::writeGeoPackage(dir / "trends.gpkg", {areaTable, periodTable}, w);
    gis::writeCsv(dir / "trends.csv", areaTable, w);
    gis::writeCsv(dir / "trends_per_periode.csv", periodTable, w);

    fmt::print("Trends geschreven naar {} (trends.gpkg, trends.csv, trends_per_periode.csv)\n",
               std::filesystem::absolute(dir).lexically_normal().string());
    fmt::print("  {} locaties x {} perioden ({} t/m {})\n", cube.locations(), steps, periodLabel(first, period),
               periodLabel(last, period));
    for (int k = 0; k < kEmergingClassCount; ++k)
        if (classCounts[static_cast<std::size_t>(k)] > 0)
            fmt::print("  {:<24} {}\n", emergingLabelNl(static_cast<EmergingClass>(k)),
                       classCounts[static_cast<std::size_t>(k)]);
    if (c.internal) console.warnInternalOutput();
}

} // namespace

void registerTrendsCommand(CLI::App& app)
{
    auto c = std::make_shared<TrendsCli>();
    CLI::App* cmd = app.add_subcommand(
        "trends", "Opkomende hotspots: trend per gebied of rastercel over maanden, kwartalen of jaren\n"
                  "(emerging hot spot analysis: Gi* per period, Mann-Kendall trend, Esri's 17 patterns)");
    cmd->add_option("--incidents", c->incidents.path, "registraties (elk OGR-puntbestand of PG:...)")->required();
    cmd->add_option("--incidents-layer,--layer", c->incidents.layer, "laag in het registratiebestand");
    cmd->add_option("--x-field", c->incidents.xField, "CSV: kolom met X of lengtegraad");
    cmd->add_option("--y-field", c->incidents.yField, "CSV: kolom met Y of breedtegraad");
    cmd->add_option("--filter,--where", c->incidents.attributeFilter, "OGR SQL-filter op de registraties");
    cmd->add_option("--assume-crs", c->incidents.assumeCrs, "CRS voor lagen zonder CRS, bv. EPSG:4326");
    cmd->add_option("--date-field", c->dateField, "veld met (begin)datum (standaard: herkend)");
    cmd->add_option("--theme", c->theme, "alleen dit thema (id of nummer uit het scanmodel)");
    cmd->add_option("--model", c->model, "scanmodel (TOML); standaard data/model/default_model.toml");
    cmd->add_option("--category-field", c->categoryField, "veld met de incidentcode (voor --theme)");
    cmd->add_option("--label-field", c->labelField, "veld met de omschrijving (voor --theme)");
    cmd->add_option("--areas", c->areas.path, "gebieden (polygonen), bv. buurten");
    cmd->add_option("--areas-layer", c->areas.layer, "laag in het gebiedenbestand");
    cmd->add_option("--area-code-field", c->areaFields.code, "veld met gebiedscode (standaard: herkend)");
    cmd->add_option("--area-name-field", c->areaFields.name, "veld met gebiedsnaam");
    cmd->add_option("--grid", c->gridSize, "in plaats van --areas: vierkanten van deze grootte in meter (bv. 500)");
    cmd->add_option("--period", c->period, "tijdstap: month (standaard), quarter of year")
        ->check(CLI::IsMember({"month", "quarter", "year", "maand", "kwartaal", "jaar"}));
    cmd->add_option("--from", c->from, "eerste datum (standaard: eerste periode in de data)");
    cmd->add_option("--to", c->to, "laatste datum, t/m (standaard: laatste periode in de data)");
    cmd->add_option("--time-lags", c->timeLags, "aantal vorige perioden in de buurt van een bin (standaard 1)");
    cmd->add_option("--contiguity", c->contiguity, "buren: queen (standaard) of rook")
        ->check(CLI::IsMember({"queen", "rook"}));
    cmd->add_option("--alpha", c->alpha, "significantieniveau voor bins en trend (standaard 0.05)");
    cmd->add_flag("--no-fdr", c->noFdr, "geen FDR-correctie (Benjamini-Hochberg) over de bins");
    cmd->add_flag("--internal", c->internal, "interne politie-uitvoer zonder onderdrukking van kleine aantallen");
    cmd->add_option("--working-crs", c->workingCrs, "metrisch werk-CRS (standaard EPSG:28992)");
    cmd->add_option("--out", c->out, "uitvoermap")->required();
    cmd->add_flag("-q,--quiet", c->quiet, "geen voortgang en samenvatting");
    cmd->footer(
        "Patronen (Esri): nieuwe, opeenvolgende, toenemende, aanhoudende, afnemende, sporadische, wisselende en\n"
        "voormalige hotspot of coldspot, of geen patroon. De beslisregels staan in\n"
        "core/include/gebiedscan/core/emerging_hotspots.hpp (classifyEmerging).\n"
        "Voorbeeld:\n  gebiedscan trends --incidents meldingen.gpkg --theme woninginbraak --grid 500 --period month "
        "--out trends");
    cmd->callback([c] { run(*c); });
}

} // namespace gebiedscan::app
