#include "gebiedscan/pipeline/scan_job.hpp"

#include "gebiedscan/pipeline/reporter.hpp"

#include "count_table_scan.hpp"
#include "release_memory.hpp"
#include "scan_statistics.hpp"

#include "gebiedscan/pipeline/incident_stream.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/survey_quadrant.hpp"

#include "gebiedscan/core/emerging_hotspots.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/grid.hpp"
#include "gebiedscan/core/language.hpp"
#include "gebiedscan/core/point_locator.hpp"
#include "gebiedscan/gis/geometry_ops.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <unistd.h>
#include <unordered_map>

namespace gebiedscan::pipeline {

namespace {

// Resolves the periods: explicit options, else --year, else the model's, else the latest year
// found in the data (a pass over the date field only).
// `datesPerYear` counts the records per year (a pass over the data); `noDate` is the error when none has one.
void resolvePeriods(const ScanOptions& o, ScanModel& model,
                    const std::function<std::map<int, std::uint64_t>()>& datesPerYear, const std::string& noDate,
                    bool& detected)
{
    const auto addYears = [&](int year) {
        model.periods.clear();
        for (int y = year - o.referenceYears; y <= year; ++y) {
            const auto from = makeLocalTime(y, 1, 1);
            const auto to = makeLocalTime(y + 1, 1, 1);
            if (y < 1900 || y > 2100 || !from || !to)
                throw InputError(
                    tr(fmt::format("jaar {} (huidig jaar {} met {} referentiejaren) valt buiten 1900 t/m 2100", y, year,
                                   o.referenceYears),
                       fmt::format("year {} (current year {} with {} reference years) lies outside 1900 to 2100", y,
                                   year, o.referenceYears)));
            Period p;
            p.id = std::to_string(y);
            p.current = y == year;
            p.from = *from;
            p.to = *to;
            model.periods.push_back(p);
        }
    };
    if (!o.periods.empty()) {
        model.periods.clear();
        for (const auto& po : o.periods) {
            Period p;
            p.id = po.id;
            p.current = po.current;
            p.from = parsePeriodBound(po.from, false, "period '" + po.id + "'");
            p.to = parsePeriodBound(po.to, true, "period '" + po.id + "'");
            model.periods.push_back(p);
        }
        return;
    }
    if (o.year) {
        addYears(*o.year);
        return;
    }
    if (!model.periods.empty()) return;

    const std::map<int, std::uint64_t> perYear = datesPerYear();
    if (perYear.empty()) throw InputError(noDate);
    addYears(perYear.rbegin()->first);
    detected = true;
}

Grid parseGrid(const std::string& spec, const Envelope& extent)
{
    const auto colon = spec.find(':');
    const std::string shape = spec.substr(0, colon);
    const auto number = colon == std::string::npos ? std::nullopt : gis::parseDecimal(spec.substr(colon + 1));
    const double size = number.value_or(0.0);
    if (colon == std::string::npos)
        throw InputError("--grid '" + spec + "': use square:SIZE or hex:SIZE in metres, e.g. square:500");
    // A NaN or infinite size ends in an SQLite error at the very end, a size below 1 m in millions of cells.
    if (!number || !std::isfinite(size) || size < 1)
        throw InputError("--grid '" + spec +
                         "': de celgrootte moet een eindig getal van minstens 1 meter zijn, bv. square:500");
    if (shape != "square" && shape != "hex" && shape != "hexagon")
        throw InputError("--grid '" + spec + "': shape must be square or hex");
    try {
        return Grid(shape == "square" ? Grid::Shape::Square : Grid::Shape::Hexagon, size, extent);
    } catch (const InputError& e) {
        throw InputError("--grid " + spec + ": " + e.what());
    }
}

// Every base area under one area of the top level must name the same parent: a wijk whose
// buurten carry different gemeente codes would otherwise go whole to the gemeente of one of them.
void refuseAreaWithTwoParents(const AreaHierarchy& areas, const std::string& parentLevel,
                              const std::vector<std::string>& baseParentCodes, const std::vector<std::string>& codes,
                              const std::vector<std::size_t>& rep)
{
    const auto& base = areas.levels[0];
    const auto& top = areas.levels.back();
    for (std::size_t b = 0; b < base.size(); ++b) {
        std::int64_t a = static_cast<std::int64_t>(b);
        for (std::size_t l = 0; l + 1 < areas.levels.size() && a >= 0; ++l)
            a = areas.levels[l].parent[static_cast<std::size_t>(a)];
        if (a < 0) continue;
        const auto topArea = static_cast<std::size_t>(a);
        const std::string mine = trimCode(baseParentCodes[b]), theirs = trimCode(codes[topArea]);
        if (mine.empty() || theirs.empty() || mine == theirs) continue;
        throw InputError(fmt::format("{} '{}' hoort bij meer dan één {}: {} '{}' heeft {} {}, {} '{}' heeft {}; "
                                     "verbeter de codes in het gebiedenbestand",
                                     top.name, top.codes[topArea], parentLevel, base.name, base.codes[rep[topArea]],
                                     parentLevel, theirs, base.name, base.codes[b], mine));
    }
}

// Adds parent levels from per-base-area parent codes (level by level) and dissolves geometries.
void addParentLevels(ScanResult& r, const std::vector<std::string>& levelNames,
                     const std::vector<std::vector<std::string>>& baseParentCodes,
                     const std::vector<std::vector<std::string>>& baseParentNames, MissingParent missing)
{
    // rep[a]: a base area that lies in area a of the current top level (walk up from the base).
    std::vector<std::size_t> rep(r.areas.levels.back().size(), 0);
    {
        std::vector<bool> seen(rep.size(), false);
        for (std::size_t b = 0; b < r.areas.levels[0].size(); ++b) {
            std::int64_t a = static_cast<std::int64_t>(b);
            for (std::size_t l = 0; l + 1 < r.areas.levels.size() && a >= 0; ++l)
                a = r.areas.levels[l].parent[static_cast<std::size_t>(a)];
            if (a >= 0 && !seen[static_cast<std::size_t>(a)]) {
                seen[static_cast<std::size_t>(a)] = true;
                rep[static_cast<std::size_t>(a)] = b;
            }
        }
    }
    for (std::size_t l = 0; l < levelNames.size(); ++l) {
        const auto& top = r.areas.levels.back();
        std::vector<std::string> codes(top.size()), names(top.size());
        for (std::size_t a = 0; a < top.size(); ++a) {
            codes[a] = baseParentCodes[l][rep[a]];
            names[a] = baseParentNames[l].empty() ? std::string() : baseParentNames[l][rep[a]];
        }
        if (std::all_of(codes.begin(), codes.end(), [](const auto& c) { return c.empty(); })) break;
        // "onbekend" per area of the level above (a buurt without wijk stays in its gemeente).
        if (missing == MissingParent::Onbekend && l + 1 < baseParentCodes.size())
            for (std::size_t a = 0; a < top.size(); ++a) {
                const std::string above = trimCode(baseParentCodes[l + 1][rep[a]]);
                if (trimCode(codes[a]).empty() && !above.empty()) {
                    codes[a] = std::string(kUnknownParentCode) + "_" + above;
                    names[a] = kUnknownParentCode;
                }
            }
        refuseAreaWithTwoParents(r.areas, levelNames[l], baseParentCodes[l], codes, rep);
        r.areas.addParentLevel(levelNames[l], codes, names, missing);
        const auto& child = r.areas.levels[r.areas.levels.size() - 2];
        const auto& parent = r.areas.levels.back();
        std::vector<std::size_t> nextRep(parent.size());
        std::vector<std::vector<const MultiPolygon*>> parts(parent.size());
        for (std::size_t a = 0; a < child.size(); ++a) {
            if (child.parent[a] < 0) continue;
            const auto p = static_cast<std::size_t>(child.parent[a]);
            if (parts[p].empty()) nextRep[p] = rep[a];
            parts[p].push_back(&r.geometries.back()[a]);
        }
        std::vector<MultiPolygon> geoms(parent.size());
        for (std::size_t p = 0; p < parent.size(); ++p) geoms[p] = gis::dissolve(parts[p]);
        r.geometries.push_back(std::move(geoms));
        rep = std::move(nextRep);
    }
}

std::unique_ptr<const ScanResult>
completeScan(const ScanOptions& o, Reporter& reporter, std::unique_ptr<ScanResult> result,
             const std::optional<gis::AreaLayer>& areaLayer, AreaLevel base, const std::optional<Grid>& grid,
             const std::vector<std::int64_t>& cells, const std::vector<std::int32_t>& cellParent,
             const std::vector<bool>& cellSplit, HotTimesByArea baseHotTimes, std::optional<SurveyTable> survey);
} // namespace

double estimateGridScanMemory(std::size_t cells, std::size_t storedCounts, const ScanModel& model)
{
    // Sparse: the counts and the figures' category and theme rows hold an entry (column + count,
    // in the CSR tables of SparseRows) per non-zero count only, not per category x period. Per
    // cell what is dense still: the change and rank per theme slot, and the emerging-hotspot
    // monthly counts per slot (48 months, 4 bytes).
    const double slots = static_cast<double>(model.themes.size() + 2);
    const double perCount = 16.0 + 2 * 12.0;
    const double perCell = slots * 48 * 4 + slots * 40 + 300;
    return perCount * static_cast<double>(storedCounts) + perCell * static_cast<double>(cells);
}

namespace {

double physicalMemory()
{
    return static_cast<double>(::sysconf(_SC_PHYS_PAGES)) * static_cast<double>(::sysconf(_SC_PAGE_SIZE));
}

// Every cell with registrations holds its counts per category and period, its monthly counts
// per theme and, per level, the figures: say so before the figures are made instead of ending in
// std::bad_alloc.
void refuseGridLargerThanMemory(const std::string& spec, std::size_t cells, const ScanCounts& counts,
                                const ScanModel& model)
{
    const double need = estimateGridScanMemory(cells, counts.stored(), model);
    const double memory = physicalMemory();
    if (memory > 0 && need > 0.8 * memory)
        throw InputError(fmt::format("--grid {}: {} cellen met registraties; de scan zou naar schatting {:.0f} GB "
                                     "geheugen nodig hebben (deze computer heeft {:.0f} GB). Kies grotere cellen of "
                                     "een kleiner gebied",
                                     spec, cells, need / 1e9, memory / 1e9));
}

// The empty cells cost a bit each in the lattice and, for Gi*'s correction over every cell of
// the region, a p-value and a z-score: refuse a lattice that cannot fit before it is laid.
void refuseLatticeLargerThanMemory(const std::string& spec, std::size_t cells)
{
    const double need = 24.0 * static_cast<double>(cells);
    const double memory = physicalMemory();
    if (memory > 0 && need > 0.5 * memory)
        throw InputError(
            fmt::format("--grid {}: {} cellen; de scan zou naar schatting {:.0f} GB geheugen nodig "
                        "hebben (deze computer heeft {:.0f} GB). Kies grotere cellen of een kleiner gebied",
                        spec, cells, need / 1e9, memory / 1e9));
}

// Before anything is written: every area of every level has a parent, and every level's counts
// add up to the records counted in areas (assigned plus the unknown categories under "overig").
void checkEveryRecordInEveryTotal(const ScanResult& r)
{
    r.areas.checkRollUp();
    const ScanFigures& f = *r.figures;
    const std::uint64_t expected = r.accounting.assigned + r.accounting.unknownCategory;
    for (std::size_t l = 0; l < r.areas.levels.size(); ++l) {
        std::uint64_t sum = 0;
        for (std::size_t a = 0; a < r.areas.levels[l].size(); ++a)
            for (std::size_t c = 0; c < f.categorySlots(); ++c)
                for (std::size_t p = 0; p < f.periods(); ++p) sum += f.categoryCount(l, a, c, p);
        if (sum != expected)
            throw Error("internal error: the " + r.areas.levels[l].name + " totals hold " + std::to_string(sum) +
                        " records, not the " + std::to_string(expected) + " assigned ones; nothing written");
    }
}

// Loud, because the change figures depend on it: a reference period holding no registration at
// all is left out of the reference (ScanFigures), which the user should know and may correct.
void warnAboutEmptyReferencePeriods(const ScanResult& r, bool countTable, Reporter& reporter)
{
    const auto& empty = r.figures->emptyReferencePeriods();
    if (empty.empty() || countTable) return; // a count table names its empty periods itself
    std::string ids;
    for (const auto p : empty) ids += (ids.empty() ? "" : ", ") + r.model.periods[p].id;
    if (r.figures->hasReference())
        reporter.warning(fmt::format("referentieperiode {} bevat geen enkele registratie (vallen de gegevens daar "
                                     "buiten?): die telt niet mee in de verwachting; kies de referentie met "
                                     "--reference-years of --reference-period als dat niet klopt",
                                     ids));
    else
        reporter.warning(fmt::format("de referentieperiode ({}) bevat geen enkele registratie: geen verandering "
                                     "berekend ('geen referentie')",
                                     ids));
}

} // namespace

std::unique_ptr<const ScanResult> runScan(const ScanOptions& o, Reporter& reporter)
{
    if (o.incidents.path.empty() && o.counts.path.empty())
        throw InputError(tr("geen registraties gegeven: gebruik --incidents BESTAND, --counts TABEL (of een "
                            "projectbestand)",
                            "no incidents given: use --incidents FILE, --counts TABLE (or a project file)"));
    if (!o.incidents.path.empty() && !o.counts.path.empty())
        throw InputError(tr("--incidents en --counts allebei gegeven: een scan telt óf registraties óf een tabel",
                            "--incidents and --counts both given: a scan counts either registrations or a table"));
    if (!o.counts.path.empty() && (o.areas.path.empty() || !o.grid.empty()))
        throw InputError(tr("--counts bevat aantallen per gebied: geef de gebieden met --areas (een raster kan niet)",
                            "--counts holds counts per area: give the areas with --areas (a grid cannot be used)"));
    if (o.areas.path.empty() && o.grid.empty())
        throw InputError(
            tr("geen gebieden gegeven: gebruik --areas BESTAND (bv. de CBS Wijk- en Buurtkaart) of "
               "--grid square:500",
               "no areas given: use --areas FILE (e.g. the CBS Wijk- en Buurtkaart) or --grid square:500"));
    if (!o.protection.empty() && o.protection != "onderdrukken" && o.protection != "afronden")
        throw InputError(tr("--protection: kies onderdrukken (kleine aantallen 'geheim') of afronden (alle aantallen "
                            "op vijftallen), niet '" +
                                o.protection + "'",
                            "--protection: choose onderdrukken (small counts 'secret') or afronden (all counts "
                            "rounded to fives), not '" +
                                o.protection + "'"));
    if (o.internal && o.protection == "afronden")
        throw InputError(tr("--protection afronden en --internal samen: interne uitvoer wordt niet beschermd; laat "
                            "een van beide weg",
                            "--protection afronden and --internal together: internal output is not protected; "
                            "leave one of them out"));

    auto result = std::make_unique<ScanResult>();
    ScanResult& r = *result;
    r.grid = o.grid;
    r.model = loadScanModel(o.model.empty() ? defaultModelPath() : o.model);

    // Areas (the partition incidents are assigned to, or the study region of a grid scan).
    std::optional<gis::AreaLayer> areaLayer;
    if (!o.areas.path.empty()) {
        areaLayer = gis::readAreaLayer(o.areas, o.areaFields, o.workingCrs);
        r.areasDescription = areaLayer->description;
        r.repairedAreas = areaLayer->repairedCodes;
        r.fieldsUsed["area_code"] = areaLayer->fields.code;
        r.fieldsUsed["area_name"] = areaLayer->fields.name;
        r.fieldsUsed["population"] = areaLayer->fields.population;
        for (const auto& code : areaLayer->repairedCodes)
            reporter.warning(tr(fmt::format("ongeldig polygoon van gebied '{}' hersteld (GEOS MakeValid)", code),
                                fmt::format("invalid polygon of area '{}' repaired (GEOS MakeValid)", code)));
    }
    // The survey is read before the counting, so a bad table fails in seconds, not after the scan.
    std::optional<SurveyTable> survey;
    if (!o.survey.path.empty()) {
        if (!areaLayer) throw InputError("--survey geeft enquêtecijfers per gebied: geef de gebieden met --areas");
        survey = readSurveyTable(o.survey, o.surveyFields, areaLayer->fields.code);
    }
    std::unique_ptr<PointLocator> areaLocator;
    if (!o.counts.path.empty()) { // a table of counts per area instead of registrations
        CountTable table(o.counts, o.countFields, r.model, areaLayer->fields.code);
        resolvePeriods(
            o, r.model, [&] { return table.registrationsPerYear(); },
            table.fields().period.empty()
                ? table.description() + tr(": geen kolom met de periode (Perioden, jaar): geef het jaar met --year",
                                           ": no period column (Perioden, jaar): give the year with --year")
                : table.description() + tr(": geen leesbare periode in kolom '", ": no readable period in column '") +
                      table.fields().period + "'",
            r.periodsDetected);
        r.model.validate();
        fillFromCountTable(table, *areaLayer, r, reporter);
        r.timeOfDayKnown = false; // a table has counts per period, no moments (months: fillFromCountTable)
        AreaLevel base{areaLayer->levelName, areaLayer->codes, areaLayer->names, areaLayer->population, {}};
        return completeScan(o, reporter, std::move(result), areaLayer, std::move(base), std::nullopt, {}, {}, {}, {},
                            std::move(survey));
    }
    if (areaLayer) areaLocator = std::make_unique<PointLocator>(areaLayer->geometries);
    r.phaseTimes.lap("gebieden lezen");

    IncidentStreamOptions so;
    so.source = o.incidents;
    so.workingCrs = o.workingCrs;
    so.fields = {o.categoryField, o.labelField, o.dateField, o.dateToField, o.timeField, o.timeToField};
    so.requireCategory = so.requireDate = true;
    so.model = r.model; // classification only: the periods are resolved below
    so.threads = o.threads;
    // Held so that it can go (its readers, their GDAL connections and caches) before the
    // protection, the scan's most memory-hungry phase.
    std::optional<IncidentStream> openStream;
    IncidentStream& stream = openStream.emplace(so, reporter);
    r.incidentsDescription = stream.description();
    r.incidentsCrs = stream.sourceCrs();
    for (const auto& [role, name] : stream.fieldsUsed()) r.fieldsUsed[role] = name;

    resolvePeriods(
        o, r.model, [&] { return stream.datesPerYear(); },
        stream.description() + tr(": geen leesbare datum in veld '", ": no readable date in field '") +
            stream.fields().date + "'",
        r.periodsDetected);

    r.model.validate();
    stream.setPeriodFilter([&model = r.model](const TimeInterval& t) { return model.periodOf(t.start).has_value(); });
    const std::size_t overig = r.model.categories.size();

    // Base level: the areas themselves, or grid cells.
    std::optional<Grid> grid;
    // A base unit of a grid scan is a cell within one area: a cell across an area boundary is one
    // unit per area it holds registrations of, so every area counts exactly the registrations
    // inside its own polygon. The first unit of a cell carries the cell's code, the others
    // <cell code>_<area code> (cellSplit) and the cell's part inside their area as geometry.
    std::unordered_map<std::int64_t, std::int32_t> cellIndex; // (cell, area) key -> base unit
    std::vector<std::int64_t> cells;
    std::vector<std::int32_t> cellParent; // area of the unit (centre's area for the first unit)
    std::vector<bool> cellSplit;          // a further unit of a cell that already has one
    std::vector<bool> cellCentreUnit;     // the unit of the area of its cell's centre
    std::unordered_map<std::int64_t, bool> cellHasUnit;
    std::vector<bool> inRegion; // per lattice cell: its centre lies in the region
    std::size_t regionCells = 0;
    const std::int64_t areaKeys = areaLayer ? static_cast<std::int64_t>(areaLayer->codes.size()) + 1 : 1;
    const auto unitKey = [&](std::int64_t cell, std::int32_t area) { return cell * areaKeys + (area + 1); };
    AreaLevel base;
    if (!o.grid.empty()) {
        const Envelope extent = areaLayer ? [&] {
            Envelope e;
            for (const auto& g : areaLayer->geometries) e.expand(envelopeOf(g));
            return e;
        }()
                                          : stream.extent();
        if (extent.empty()) throw InputError(stream.description() + ": empty extent, cannot lay a grid");
        grid.emplace(parseGrid(o.grid, extent));
        base.name = "cel";
        // The cells to come, from the region's area (or the extent): before enumerating them.
        double region = 0;
        if (areaLayer)
            for (const auto& g : areaLayer->geometries) region += areaOf(g);
        else
            region = (extent.maxX - extent.minX) * (extent.maxY - extent.minY);
        const double cellArea = grid->shape() == Grid::Shape::Square
                                    ? grid->cellSize() * grid->cellSize()
                                    : std::sqrt(3.0) / 2 * grid->cellSize() * grid->cellSize();
        refuseLatticeLargerThanMemory(o.grid, static_cast<std::size_t>(std::min(region / cellArea, 1e15)));
        // Sparse cells: the region's lattice is one bit a cell; a cell becomes a base unit when a
        // registration lands in it (a 100 m grid over the country has 3.7 M cells, most empty).
        // Without areas every cell of the extent belongs to the region.
        inRegion.assign(grid->cellCount(), !areaLocator);
        regionCells = areaLocator ? 0 : grid->cellCount();
        if (areaLocator) {
            reporter.progress("raster leggen", 0, -1);
            for (std::size_t c = 0; c < grid->cellCount(); ++c)
                if (areaLocator->locate(grid->centre(c)) >= 0) {
                    inRegion[c] = true;
                    ++regionCells;
                }
            reporter.progressDone("raster leggen");
        }
    } else {
        base.name = areaLayer->levelName;
        base.codes = areaLayer->codes;
        base.names = areaLayer->names;
        base.population = areaLayer->population;
    }

    const std::size_t baseCount = grid ? cells.size() : base.codes.size();
    r.counts = std::make_unique<ScanCounts>(baseCount, r.model.categories.size(), r.model.periods.size());

    // Stream the incidents: batches of points are located together (multi-threaded).
    // Theme slot per category (ScanFigures' numbering: themes, total, overig), for hot times.
    const std::size_t slotCount = r.model.themes.size() + 2;
    std::vector<std::size_t> slotOfCategory(overig + 1, slotCount - 1);
    for (std::size_t c = 0; c < overig; ++c) slotOfCategory[c] = *r.model.themeIndex(r.model.categories[c].themeId);
    const std::size_t current = *r.model.currentPeriod();
    // Month steps spanning all periods, for the trend per theme.
    LocalTime spanStart = r.model.periods.front().from, spanEnd = r.model.periods.front().to;
    for (const auto& p : r.model.periods) {
        spanStart = std::min(spanStart, p.from);
        spanEnd = std::max(spanEnd, p.to);
    }
    r.firstMonth = periodOrdinal(spanStart, TimePeriod::Month);
    r.months =
        static_cast<std::size_t>(periodOrdinal(LocalTime{spanEnd.seconds - 1}, TimePeriod::Month) - r.firstMonth + 1);
    constexpr std::size_t kBatch = 65536;
    // Dense for areas (a hash lookup per registration and month was an eighth of a 10 M scan's
    // time), sparse for a grid.
    MonthlyCounts monthly(baseCount * slotCount * r.months, grid.has_value());
    HotTimesByArea baseHotTimes;
    std::vector<Incident> batch;
    std::vector<PointRd> points;
    std::vector<std::int32_t> located;
    while (stream.nextBatch(batch, kBatch) > 0) {
        points.clear();
        for (const auto& incident : batch) points.push_back(incident.point);
        located.resize(points.size());
        if (grid) {
            for (std::size_t i = 0; i < points.size(); ++i) {
                const auto region = areaLocator ? areaLocator->locate(points[i]) : 0;
                const auto cell = region < 0 ? -1 : grid->cellOf(points[i]);
                if (cell < 0) {
                    located[i] = -1;
                    continue;
                }
                const std::int32_t area = areaLocator ? region : -1;
                auto [it, added] = cellIndex.emplace(unitKey(cell, area), static_cast<std::int32_t>(cells.size()));
                if (added) { // the first registration of this cell (part)
                    // As in a dense grid, a cell whose centre lies in the region belongs whole to
                    // the area of its centre; a part in another area is split off. A cell whose
                    // centre lies outside is whole for its first area.
                    bool centre = !areaLocator;
                    if (areaLocator && inRegion[static_cast<std::size_t>(cell)])
                        centre = areaLocator->locate(grid->centre(static_cast<std::size_t>(cell))) == area;
                    auto& hasUnit = cellHasUnit[cell];
                    cells.push_back(cell);
                    cellParent.push_back(area);
                    cellCentreUnit.push_back(centre);
                    cellSplit.push_back(inRegion[static_cast<std::size_t>(cell)] ? !centre : hasUnit);
                    hasUnit = true;
                    r.counts->resizeAreas(cells.size());
                }
                located[i] = it->second;
            }
        } else {
            areaLocator->locate(points, located, o.threads);
        }
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const Incident& incident = batch[i];
            if (stream.settle(incident, located[i] >= 0) == IncidentFate::Outside) continue;
            // Unknown categories are counted as "overig" (the stream counted them as unknown_category).
            const std::size_t category = incident.category.value_or(overig);
            const std::size_t period = *r.model.periodOf(incident.when->start);
            const TimeInterval& when = *incident.when;
            const auto area = static_cast<std::size_t>(located[i]);
            r.counts->add(area, category, period);
            const auto month = static_cast<std::size_t>(periodOrdinal(when.start, TimePeriod::Month) - r.firstMonth);
            if (month < r.months) {
                const std::size_t slot = slotOfCategory[category];
                monthly.add((area * slotCount + slot) * r.months + month);
                monthly.add((area * slotCount + slotCount - 2) * r.months + month); // the total holds overig too
            }
            if (period == current) { // hot times of the current period, per theme and in total
                const std::size_t slot = slotOfCategory[category];
                baseHotTimes[area * slotCount + slot].add(when);
                baseHotTimes[area * slotCount + slotCount - 2].add(when);
            }
        }
    }
    r.monthly = monthly.sorted();
    r.accounting = stream.accounting();
    r.phaseTimes.lap("registraties lezen, plaatsen en tellen");
    if (grid && areaLayer) {
        // An area without a unit (no registration, or a buurt smaller than a cell) still gets one:
        // the cell overlapping it most. Else it, and a wijk of such buurten, would be missing
        // from the tables instead of showing 0.
        std::vector<bool> hasUnit(areaLayer->codes.size(), false);
        for (const auto a : cellParent) hasUnit[static_cast<std::size_t>(a)] = true;
        for (std::size_t a = 0; a < hasUnit.size(); ++a) {
            if (hasUnit[a]) continue;
            std::int64_t best = -1;
            double bestOverlap = 0;
            std::set<std::int64_t> tried;
            for (const auto& part : areaLayer->geometries[a])
                for (const auto& ring : part.rings)
                    for (const auto& vertex : ring) {
                        const std::int64_t cell = grid->cellOf(vertex);
                        if (cell < 0 || !tried.insert(cell).second) continue;
                        const double overlap = areaOf(
                            gis::intersection(grid->polygon(static_cast<std::size_t>(cell)), areaLayer->geometries[a]));
                        if (overlap > bestOverlap) best = cell, bestOverlap = overlap;
                    }
            if (best < 0) continue;
            const auto area = static_cast<std::int32_t>(a);
            const auto cell = static_cast<std::size_t>(best);
            const bool centre = inRegion[cell] && areaLocator->locate(grid->centre(cell)) == area;
            auto& cellUnit = cellHasUnit[best];
            cellIndex.emplace(unitKey(best, area), static_cast<std::int32_t>(cells.size()));
            cells.push_back(best);
            cellParent.push_back(area);
            cellCentreUnit.push_back(centre);
            cellSplit.push_back(inRegion[cell] ? !centre : cellUnit);
            cellUnit = true;
        }
        r.counts->resizeAreas(cells.size());
    }
    if (grid) {
        refuseGridLargerThanMemory(o.grid, cells.size(), *r.counts, r.model);
        r.gridCells = GridCells{*grid, std::move(inRegion), regionCells, cells, std::move(cellCentreUnit)};
    }
    r.timeOfDayKnown = stream.hasTimeOfDay();
    r.subYearDates = stream.hasSubYearDates();
    if (!r.timeOfDayKnown && r.accounting.inArea() > 0)
        reporter.info(fmt::format("Geen tijdstip bekend (veld '{}' heeft alleen datums of 00:00): geen uur van de week "
                                  "en geen drukste uur",
                                  stream.fields().date));
    if (!r.subYearDates && r.accounting.inArea() > 0)
        reporter.info(fmt::format("Alleen jaren bekend (veld '{}'): geen trend per maand", stream.fields().date));
    openStream.reset();
    areaLocator.reset();
    releaseFreedMemory();
    return completeScan(o, reporter, std::move(result), areaLayer, std::move(base), grid, cells, cellParent, cellSplit,
                        std::move(baseHotTimes), std::move(survey));
}

namespace {

// Hierarchy, figures, hotspots, trends and protection of the counts (from records or a table).
std::unique_ptr<const ScanResult>
completeScan(const ScanOptions& o, Reporter& reporter, std::unique_ptr<ScanResult> result,
             const std::optional<gis::AreaLayer>& areaLayer, AreaLevel base, const std::optional<Grid>& grid,
             const std::vector<std::int64_t>& cells, const std::vector<std::int32_t>& cellParent,
             const std::vector<bool>& cellSplit, HotTimesByArea baseHotTimes, std::optional<SurveyTable> survey)
{
    ScanResult& r = *result;
    const auto& acc = r.accounting;
    if (!r.timeOfDayKnown)
        baseHotTimes.clear(); // every record at 00:00 or a whole day: any peak hour would be invented

    // Hierarchy and geometries (dissolving the parent areas takes a while for a national grid).
    reporter.progress("niveaus samenstellen", 0, -1);
    const MissingParent missing = o.parentOnbekend ? MissingParent::Onbekend : MissingParent::Refuse;
    r.geometries.emplace_back();
    if (grid) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const auto c = static_cast<std::size_t>(cells[i]);
            const auto area = static_cast<std::size_t>(cellParent[i]);
            base.codes.push_back(grid->code(c) + (cellSplit[i] ? "_" + areaLayer->codes[area] : std::string()));
            base.names.push_back(base.codes.back());
            base.population.emplace_back(std::nullopt); // population per cell is not known here
            r.geometries[0].push_back(cellSplit[i] ? gis::intersection(grid->polygon(c), areaLayer->geometries[area])
                                                   : grid->polygon(c));
        }
        r.areas.levels.push_back(std::move(base));
        if (areaLayer) {
            // A unit belongs to its area: the first unit of a cell to the area of its centre (the CBS
            // convention), a further one to the area its registrations lie in.
            std::vector<std::string> parentCodes(cells.size()), parentNames(cells.size());
            for (std::size_t i = 0; i < cells.size(); ++i) {
                const auto a = static_cast<std::size_t>(cellParent[i]);
                parentCodes[i] = areaLayer->codes[a];
                parentNames[i] = areaLayer->names[a];
            }
            std::vector<std::string> names{areaLayer->levelName};
            std::vector<std::vector<std::string>> codes{parentCodes}, pnames{parentNames};
            for (std::size_t l = 0; l < areaLayer->parentCodes.size(); ++l) {
                names.push_back(areaLayer->parentLevelNames[l]);
                std::vector<std::string> c(cells.size()), n(cells.size());
                for (std::size_t i = 0; i < cells.size(); ++i) {
                    const auto a = static_cast<std::size_t>(cellParent[i]);
                    c[i] = areaLayer->parentCodes[l][a];
                    n[i] = areaLayer->parentNames[l][a];
                }
                codes.push_back(std::move(c));
                pnames.push_back(std::move(n));
            }
            // The first parent level keeps the original polygons rather than dissolved cells.
            r.areas.addParentLevel(names[0], codes[0], pnames[0], missing);
            const auto& areaLevel = r.areas.levels.back();
            std::vector<MultiPolygon> areaGeoms(areaLevel.size());
            std::map<std::string, std::size_t> byCode;
            for (std::size_t a = 0; a < areaLayer->codes.size(); ++a) byCode[areaLayer->codes[a]] = a;
            for (std::size_t p = 0; p < areaLevel.size(); ++p) {
                const auto a = byCode.at(areaLevel.codes[p]);
                areaGeoms[p] = areaLayer->geometries[a];
                r.areas.levels.back().population[p] = areaLayer->population[a];
            }
            r.geometries.push_back(std::move(areaGeoms));
            // Higher levels (e.g. the gemeenten of buurten) follow from the per-cell codes.
            addParentLevels(r, {names.begin() + 1, names.end()}, {codes.begin() + 1, codes.end()},
                            {pnames.begin() + 1, pnames.end()}, missing);
        }
    } else {
        r.geometries[0] = areaLayer->geometries;
        r.areas.levels.push_back(std::move(base));
        auto parentCodes = areaLayer->parentCodes;
        auto parentNames = areaLayer->parentNames;
        auto levelNames = areaLayer->parentLevelNames;
        if (parentCodes.empty()) {
            // No parent fields: derive wijk and gemeente from CBS codes (BU01060101 -> WK010601 -> GM0106).
            std::vector<std::string> wk, gm;
            for (const auto& c : areaLayer->codes) {
                wk.push_back(cbsParentCode(c));
                gm.push_back(cbsParentCode(wk.back()));
            }
            if (std::any_of(wk.begin(), wk.end(), [](auto& s) { return !s.empty(); })) {
                const bool isBuurt = areaLayer->levelName == "buurt";
                parentCodes.push_back(wk);
                levelNames.emplace_back(isBuurt ? "wijk" : "gemeente");
                parentNames.emplace_back();
                if (isBuurt) {
                    parentCodes.push_back(gm);
                    levelNames.emplace_back("gemeente");
                    parentNames.emplace_back();
                }
            }
        }
        addParentLevels(r, levelNames, parentCodes, parentNames, missing);
    }
    r.figures = std::make_unique<ScanFigures>(r.model, r.areas, *r.counts);
    warnAboutEmptyReferencePeriods(r, !o.counts.path.empty(), reporter);
    r.counts.reset(); // the figures hold them per level; a national grid's copy is hundreds of MB
    reporter.progressDone("niveaus samenstellen");
    if (!acc.balanced()) throw Error("internal error: record accounting does not add up");
    checkEveryRecordInEveryTotal(r);
    r.phaseTimes.lap("niveaus samenstellen");

    r.hotTimes = rollUpHotTimes(r, std::move(baseHotTimes));
    // The two conventions analysts know: Gi* as ArcGIS's Hot Spot Analysis with FDR (analytic
    // p-values: with permutations the smallest p, 2/(R+1), cannot survive FDR over thousands of
    // cells), LISA as GeoDa (conditional permutation, p <= 0.05, no correction).
    // `gebiedscan hotspots` offers every other choice.
    r.hotspotOptions.permutations = o.permutations;
    r.hotspotOptions.correction = PValueCorrection::FalseDiscoveryRate;
    r.hotspotOptions.permuteGi = false;
    r.hotspotOptions.lisaCorrection = PValueCorrection::None;
    if (!o.internal && o.protection == "afronden") {
        // --protection afronden: controlled rounding to multiples of 5 instead of suppression.
        reporter.progress("afronden", 0, -1);
        r.suppression = std::make_unique<ScanProtection>(*r.figures);
        const auto& rounding = r.suppression->round();
        reporter.progressDone("afronden");
        if (!rounding.controlled())
            reporter.warning(fmt::format(
                "afronden: {} van de {} onderdelen van de tabel zijn niet gecontroleerd af te ronden (geen "
                "afronding waarbij alle optellingen kloppen, of niet binnen de tijd); die zijn elk naar het "
                "dichtstbijzijnde vijftal afgerond, zodat optellingen kunnen afwijken en de totalen een aantal "
                "kunnen vernauwen. Controleer de map met gebiedscan audit voor u die verstrekt",
                rounding.independentParts, rounding.parts));
    } else if (!o.internal) {
        reporter.progress("geheimhouding", 0, -1);
        r.suppression = std::make_unique<ScanProtection>(*r.figures);
        r.protection = r.suppression->protectAtScale();
        // The cells' states are all the rest of the scan needs of the table (a rounded table
        // keeps its relations: the sums of a rounding are checked against them).
        r.suppression->table().releaseRelations();
        releaseFreedMemory();
        reporter.progressDone("geheimhouding");
        if (r.protection.unprotectable > 0)
            reporter.warning(
                fmt::format("geheimhouding: {} geheime aantallen zijn niet volledig te beschermen; controleer de "
                            "map met gebiedscan audit voor u die verstrekt",
                            r.protection.unprotectable));
        else if (!r.protection.auditPassed)
            reporter.warning(
                fmt::format("geheimhouding: na {} rondes aanvullende onderdrukking is nog niet elk geheim "
                            "aantal beschermd; controleer de map met gebiedscan audit voor u die verstrekt",
                            r.protection.rounds));
    }
    if (r.suppression) {
        r.phaseTimes.lap(r.suppression->rounded()
                             ? "afronden"
                             : fmt::format("geheimhouding ({} rondes; audit {:.2f} s klok, LP's {})",
                                           r.protection.rounds, r.protection.auditSeconds,
                                           r.protection.linearPrograms));
    }
    releaseHotTimes(r); // extern: the top level's hours of the week, protected
    // Extern: the statistics on the protected table (issue 13), so they follow the protection.
    reporter.progress("hotspots", 0, -1);
    r.hotspots = computeScanHotspots(r, &reporter);
    r.hotspotsOnProtectedTable = r.suppression != nullptr;
    r.phaseTimes.lap("Gi*/LISA");
    r.trends = computeScanTrends(r);
    r.phaseTimes.lap("trends per maand");
    r.rates = computeScanRates(r);
    r.phaseTimes.lap("Empirical Bayes");
    reporter.progressDone("hotspots");
    r.suppressionRule = r.suppression && r.suppression->rounded() ? roundingRule(*r.suppression->rounding())
                                                                  : suppressionRule(r.model, o.internal);
    if (r.suppression && !r.suppression->rounded() && r.suppression->sparse())
        r.suppressionRule += "; de tabel is zo groot (een landelijk raster) dat alleen de aantallen boven 0 erin staan: "
                             "een 0 blijft altijd zichtbaar en wordt nooit aanvullend geheim";
    if (survey) { // after the protection: the objective side is counted as published
        r.survey = joinSurvey(std::move(*survey), r, o.surveyTheme, o.surveyRules);
        reportSurvey(*r.survey, r, reporter);
    }
    return result;
}

} // namespace

} // namespace gebiedscan::pipeline
