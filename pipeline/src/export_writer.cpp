#include "gebiedscan/pipeline/export_writer.hpp"

#include "gebiedscan/pipeline/output_schema.hpp"
#include "gebiedscan/pipeline/qml_style.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/atomic_output.hpp"
#include "gebiedscan/gis/output_folder.hpp"
#include "gebiedscan/gis/zip_archive.hpp"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <regex>
#include <set>

namespace gebiedscan::pipeline {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string today()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// "2024-01-01" -> "1-1-2024"; `minusDay` for summary.json's exclusive ends.
std::string dutchDate(const std::string& iso, bool minusDay)
{
    int y = 0;
    unsigned m = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%d-%u-%u", &y, &m, &d) != 3) return iso;
    std::chrono::sys_days day{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
    if (minusDay) day -= std::chrono::days{1};
    const std::chrono::year_month_day ymd{day};
    return fmt::format("{}-{}-{}", static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                       static_cast<int>(ymd.year()));
}

std::string typeName(gis::Column::Type t)
{
    switch (t) {
    case gis::Column::Type::Integer: return "geheel getal";
    case gis::Column::Type::Real: return "getal";
    case gis::Column::Type::String: break;
    }
    return "tekst";
}

const schema::LayerSpec* specOf(const gis::Table& t)
{
    const auto it = t.metadata.find(std::string(schema::kRoleKey));
    return it == t.metadata.end() ? nullptr : schema::layer(it->second);
}

// The QGIS layer_styles table (the schema QGIS itself creates in a GeoPackage), one default
// style per area layer.
gis::Table layerStylesTable(const ExportPackage& p, const std::vector<std::string>& qml)
{
    using C = gis::Column;
    gis::Table t;
    t.name = "layer_styles";
    for (const char* name : {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
                             "styleQML", "styleSLD"})
        t.columns.push_back({name, C::Type::String, ""});
    t.columns.push_back({"useAsDefault", C::Type::Integer, ""});
    for (const char* name : {"description", "owner", "ui", "update_time"})
        t.columns.push_back({name, C::Type::String, ""});
    const std::string now = today();
    for (std::size_t l = 0; l < p.styled.size(); ++l)
        t.rows.push_back({std::string(), std::string(), p.styled[l].name, std::string(kExportGeometryColumn),
                          p.styled[l].name, qml[l], std::string(), std::int64_t{1}, p.styled[l].styleTitle,
                          std::string("gebiedscan"), std::string(), now});
    return t;
}

// "'/data/politie/registraties.gpkg', layer 'x'" -> "'registraties.gpkg', layer 'x'": the
// package leaves the police, the folders of its file system stay behind.
std::string withoutFolders(const std::string& description)
{
    static const std::regex quotedPath("'(?:[^']*/)([^'/]*)'");
    return std::regex_replace(description, quotedPath, "'$1'");
}

void appendSources(std::string& out, const json& summary)
{
    const auto sources = summary.value("sources", json::array());
    if (sources.is_array() && !sources.empty()) {
        for (const auto& s : sources) {
            const std::string credit = s.value("credit", std::string());
            out += fmt::format("  - {}: {}{}{}\n", s.value("role", std::string("bron")),
                               withoutFolders(s.value("description", std::string())),
                               credit.empty() ? "; bron onbekend" : "; bron: " + credit,
                               s.value("synthetic", false) ? " (SYNTHETISCH: verzonnen gegevens, geen echte meldingen)"
                                                           : "");
        }
        return;
    }
    const auto source = [&](const char* key) {
        const auto it = summary.find(key);
        return it != summary.end() && it->is_object() ? it->value("source", std::string()) : std::string();
    };
    const std::string incidents = withoutFolders(source("incidents")), areas = withoutFolders(source("areas"));
    // As the viewer: the demo's registrations come from `gebiedscan synth` (synthetische_registraties).
    std::string lower = incidents;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    const bool synthetic = lower.find("synth") != std::string::npos;
    out += fmt::format("  - registraties: {}; bron onbekend{}\n", incidents.empty() ? "onbekend" : incidents,
                       synthetic ? " (SYNTHETISCH: verzonnen gegevens, geen echte meldingen)" : "");
    const std::string grid = summary.contains("areas") ? summary["areas"].value("grid", std::string()) : "";
    out += fmt::format("  - gebieden: {}; bron onbekend\n", !areas.empty()  ? areas
                                                            : !grid.empty() ? "raster " + grid
                                                                            : std::string("onbekend"));
}

void appendProtection(std::string& out, const ExportPackage& p)
{
    const auto& m = *p.model;
    const json supp = p.summary.value("suppression", json::object());
    out += fmt::format(
        "Alles in dit pakket is geteld per gebied: er staan geen meldingen, adressen of personen in, en geen\n"
        "puntenlaag. Kleine aantallen zijn geheim gemaakt, zodat niemand uit de cijfers kan afleiden wie het\n"
        "betreft:\n"
        "  - een aantal van 1 tot en met {} is geheim (in de kaarten leeg, in QGIS grijs gearceerd, in de\n"
        "    CSV-bestanden het woord 'geheim'). Een geheim aantal is nooit 0: 0 betekent echt nul.\n",
        m.suppressBelow - 1);
    std::set<int> stricter;
    std::string stricterThemes;
    for (const auto& t : m.themes)
        if (t.suppressBelow > m.suppressBelow) {
            stricterThemes += (stricterThemes.empty() ? "" : ", ") + t.number + " " + t.labelNl;
            stricter.insert(t.suppressBelow - 1);
        }
    if (!stricterThemes.empty())
        out += fmt::format("  - voor gevoelige thema's is die grens hoger (tot en met {}): {}.\n",
                           fmt::join(stricter, " of "), stricterThemes);
    out += fmt::format(
        "  - daarnaast zijn zo weinig mogelijk andere aantallen geheim gemaakt, zodat een geheim aantal niet\n"
        "    terug te rekenen is uit totalen (buurten tellen op tot hun wijk, thema's tot het totaal, in elke\n"
        "    periode): {} aantallen zijn geheim omdat ze klein zijn, {} om die te beschermen.\n"
        "  - bij een geheim aantal zijn ook de cijfers die ervan afhangen geheim (per 1.000 inwoners, rang,\n"
        "    verwachting, verandering, toets, trend, drukste uur); hotspots (Gi*) en clusters (LISA) staan er\n"
        "    alleen als klasse in, zonder z- of p-waarden.\n"
        "  - de scanmap is vóór het maken van dit pakket gecontroleerd zoals een indringer het zou proberen\n"
        "    (gebiedscan audit): {} cellen, waarvan {} geheim, {} optellingen; geen enkel geheim aantal is terug\n"
        "    te rekenen of te vernauwen. Regel: {}\n",
        supp.value("primary_cells", 0), supp.value("secondary_cells", 0), p.audit->cells, p.audit->hiddenCells,
        p.audit->relations, supp.value("rule", std::string("onbekend")));
}

} // namespace

std::string leesmijText(const ExportPackage& p, const std::vector<std::string>& files)
{
    std::string out = "Gebiedscan - gegevenspakket voor de gemeente\n"
                      "=============================================\n\n";
    out += fmt::format("Gemaakt op {} met gebiedscan {} (gebiedscan export) uit de scanmap '{}'.\n",
                       today().substr(0, 10), GEBIEDSCAN_VERSION, p.scanDir.filename().string());
    out += fmt::format("Model: {}\n\n", p.summary.value("model", std::string("onbekend")));

    out += "Periode\n-------\n";
    for (const auto& period : p.summary.value("periods", json::array()))
        out += fmt::format("  - {} ({}): {} t/m {}\n", period.value("id", std::string()),
                           period.value("role", std::string()) == schema::summary::currentPeriod ? "huidige periode"
                                                                                                 : "referentie",
                           dutchDate(period.value("from", std::string()), false),
                           dutchDate(period.value("to_exclusive", std::string()), true));
    out += "De verandering vergelijkt de huidige periode met het gemiddelde van de referentieperiode(n),\n"
           "herschaald naar dezelfde lengte (exacte toets van twee Poisson-aantallen).\n\n";

    out += "Bronnen\n-------\n";
    appendSources(out, p.summary);
    out += "\nBescherming van personen\n------------------------\n";
    appendProtection(out, p);

    out += "\nBestanden\n---------\n";
    for (const auto& f : files) out += "  " + f + "\n";
    out += "\n"
           "  *.shp (met .shx, .dbf, .prj, .cpg): Shapefile per niveau, coördinaten in RD New (EPSG:28992) of het\n"
           "      werkstelsel van de scan; tekens in UTF-8. Het .qml-bestand ernaast is de kaartstijl: QGIS laadt\n"
           "      die vanzelf bij het openen. *_velden.csv koppelt de korte veldnamen aan de volledige.\n"
           "  gebiedscan.gpkg: alle niveaus in één GeoPackage, met dezelfde kaartstijlen in de tabel\n"
           "      layer_styles (QGIS past de standaardstijl toe bij het openen) en de tabel gebiedscan_cijfers.\n"
           "  *.csv: voor Excel (puntkomma, decimale komma, UTF-8).\n";
    for (const auto& f : files)
        if (f.size() > 4 && f.compare(f.size() - 4, 4, ".pdf") == 0)
            out += "  " + f +
                   ": de veiligheidsanalyse (gebiedscan report) uit dezelfde gecontroleerde scanmap:\n"
                   "      samenvatting, een blad per gebied en de verantwoording; het .html-bestand ernaast (als\n"
                   "      dat er is) heeft dezelfde inhoud, met de kaarten erin, voor intranet of e-mail.\n";
    out += "\n";

    out += "Kaartstijl\n----------\n";
    for (const auto& s : p.styled) {
        out += fmt::format("  {} ({} gebieden): {}\n"
                           "    veld {} (in de Shapefile {}); natuurlijke klassen (Jenks), kleuren ColorBrewer\n"
                           "    YlOrRd: dezelfde klassen en kleuren als in de viewer en het rapport.\n",
                           s.name, s.areas, s.styleTitle, s.styleField, s.styleFieldShp);
        if (s.legend.hidden > 0) out += "      " + s.legend.hiddenLabel + ", grijs gearceerd\n";
        if (s.legend.zeroClass) out += fmt::format("      {}, {}\n", s.legend.zeroLabel, s.legend.zeroColour.hex());
        for (const auto& c : s.legend.classes) out += fmt::format("      {}, {}\n", c.label, c.colour.hex());
    }
    out += "  (aantal gebieden tussen haakjes). QGIS kleurt op coalesce(veld, -1): de -1 staat daar voor 'geheim'\n"
           "  en komt in de gegevens zelf niet voor.\n\n";

    out += "Velden\n------\n"
           "Volledige naam (GeoPackage en CSV), naam in de Shapefile (hoogstens 10 tekens), type en betekenis.\n"
           "Leeg (NULL) in kaartlagen is 'geheim' of 'niet van toepassing'; de CSV zegt 'geheim' als het geheim is.\n";
    std::vector<const gis::Table*> tables;
    for (const auto& t : p.levels) tables.push_back(&t);
    if (p.figures) tables.push_back(&*p.figures);
    for (std::size_t i = 0; i < tables.size();) {
        // Levels with the same columns share one list.
        std::size_t j = i + 1;
        const auto sameColumns = [&](const gis::Table& a, const gis::Table& b) {
            if (a.columns.size() != b.columns.size() || a.geometryKind != b.geometryKind) return false;
            for (std::size_t c = 0; c < a.columns.size(); ++c)
                if (a.columns[c].name != b.columns[c].name) return false;
            return true;
        };
        while (j < tables.size() && sameColumns(*tables[i], *tables[j])) ++j;
        std::string names;
        for (std::size_t k = i; k < j; ++k) names += (k > i ? ", " : "") + tables[k]->name;
        const auto& t = *tables[i];
        const bool spatial = t.geometryKind != gis::FeatureGeometry::Kind::None;
        out += fmt::format("\n{}{}\n", names, spatial ? "" : " (tabel, alleen GeoPackage en CSV)");
        const auto shortNames = gis::shortFieldNames(t.columns);
        const auto* spec = specOf(t);
        std::size_t width = 4;
        for (const auto& c : t.columns) width = std::max(width, c.name.size());
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const auto* col = spec ? spec->find(t.columns[c].name) : nullptr;
            const std::string unit = col && !col->unit.empty() ? " [" + std::string(col->unit) + "]" : "";
            out += fmt::format(
                "  {:<{}}  {:<10}  {:<12}  {}{}\n", t.columns[c].name, width,
                spatial ? shortNames[c] : std::string("-"), typeName(t.columns[c].type),
                t.columns[c].description.empty() ? std::string("(geen omschrijving)") : t.columns[c].description, unit);
        }
        i = j;
    }
    return out;
}

ExportFiles writeExportPackage(const ExportPackage& p, const fs::path& outDir, bool zip)
{
    gis::OutputFolder folder(outDir, "gebiedscan export " GEBIEDSCAN_VERSION);
    const fs::path& dir = folder.path();
    const ExportPackage& package = p;
    std::vector<std::string> written;
    std::vector<std::string> qml;
    for (std::size_t l = 0; l < package.levels.size(); ++l) {
        const auto& table = package.levels[l];
        const auto& styled = package.styled[l];
        gis::writeShapefile(dir / (styled.name + ".shp"), table, package.write);
        for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) written.push_back(styled.name + ext);
        written.push_back(styled.name + "_velden.csv");
        gis::writeTextFile(dir / (styled.name + ".qml"), qgisStyleQml(styled.legend, styled.styleFieldShp));
        written.push_back(styled.name + ".qml");
        qml.push_back(qgisStyleQml(styled.legend, styled.styleField));
    }
    std::vector<gis::Table> tables = package.levels;
    if (package.figures) tables.push_back(*package.figures);
    tables.push_back(layerStylesTable(package, qml));
    gis::writeGeoPackage(dir / "gebiedscan.gpkg", tables, package.write);
    written.emplace_back("gebiedscan.gpkg");
    // The scan's own Dutch CSV says "geheim" exactly where it hid a figure (the GeoPackage only
    // has NULL): take it as it is; rebuild it from the tables only when the scan wrote no CSV.
    const auto writeCsvOf = [&](const gis::Table& table) {
        const std::string name = table.name + ".csv";
        const fs::path scanCsv = package.scanDir / name;
        if (!package.scanDir.empty() && fs::is_regular_file(scanCsv))
            fs::copy_file(scanCsv, dir / name, fs::copy_options::overwrite_existing);
        else
            gis::writeCsv(dir / name, table, package.write);
        written.push_back(name);
    };
    for (const auto& table : package.levels) writeCsvOf(table);
    if (package.figures) writeCsvOf(*package.figures);
    if (!package.report.empty()) {
        const fs::path target = dir / package.report.filename();
        std::error_code ec;
        fs::copy_file(package.report, target, fs::copy_options::overwrite_existing, ec);
        if (ec) throw OutputError("kan het rapport niet kopiëren naar '" + target.string() + "': " + ec.message());
        written.push_back(package.report.filename().string());
    } else if (package.writeReport) {
        for (auto& name : package.writeReport(dir)) written.push_back(std::move(name));
    }
    written.emplace_back("LEESMIJ.txt");
    gis::writeTextFile(dir / "LEESMIJ.txt", leesmijText(package, written));
    folder.commit();

    ExportFiles out;
    for (const auto& f : written) out.files.push_back(folder.target() / f);
    if (zip) {
        fs::path target = folder.target().lexically_normal();
        if (target.filename().empty()) target = target.parent_path();
        out.zip = target.string() + ".zip";
        gis::writeZipArchive(out.zip, target, target.filename().string());
    }
    return out;
}

} // namespace gebiedscan::pipeline
