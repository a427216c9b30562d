// `gebiedscan export` on a real scan folder: the 452 CBS buurten of seven Drenthe gemeenten with
// seeded synthetic registrations, scanned for outside the police (it passes the audit). Every
// exported file reopens with GDAL with the documented fields, the CSV is the scan's own Dutch CSV
// cell for cell, the styles match the legend, and a folder that may not leave the police is
// refused (intern, or failing the audit) without writing anything.
#include "gebiedscan_build_paths.hpp"
#include "tiny_scan_folder.hpp"

#include "gebiedscan/pipeline/export_job.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/output_schema.hpp"
#include "gebiedscan/pipeline/qml_style.hpp"
#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"
#include "gebiedscan/pipeline/scan_writer.hpp"

#include "gebiedscan/gis/layer_info.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

using namespace gebiedscan;
using namespace gebiedscan::pipeline;
namespace fs = std::filesystem;

namespace {

const fs::path kBuurten = GEBIEDSCAN_SOURCE_DIR "/data/open/drenthe-buurten-2024.geojson";

std::string readFile(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Points over the buurten's extent, police codes from common to rare, dates over 2021-2024.
void writeIncidents(const fs::path& file, int n)
{
    std::ofstream os(file);
    os << "x,y,code,datum\n";
    std::mt19937 rng(20241201);
    std::uniform_real_distribution<double> x(204503, 269919), y(514322, 564562);
    const std::vector<std::pair<const char*, double>> codes = {
        {"2.2.1", 20}, {"1.2.3", 15}, {"1.4.5", 10}, {"1.1.1", 8}, {"2.5.2", 8}, {"3.1.1", 3},
        {"1.4.1", 2},  {"1.3.1", 6},  {"9.9.9", 1},  {"1.2.1", 5}, {"3.5.2", 4}, {"1.4.3", 3}};
    std::vector<double> weights;
    for (const auto& c : codes) weights.push_back(c.second);
    std::discrete_distribution<std::size_t> code(weights.begin(), weights.end());
    std::uniform_int_distribution<int> year(2021, 2024), month(1, 12), day(1, 28);
    for (int i = 0; i < n; ++i) {
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year(rng), month(rng), day(rng));
        os << std::fixed << x(rng) << ',' << y(rng) << ',' << codes[code(rng)].first << ',' << date << '\n';
    }
}

class ExportJob : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (!fs::exists(kBuurten)) return;
        // One folder per process: ctest runs the tests of this suite in parallel processes.
        dir = fs::temp_directory_path() / ("gebiedscan_export_job_" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        writeIncidents(dir / "incidents.csv", 20000);
        ScanOptions options;
        options.incidents.path = (dir / "incidents.csv").string();
        options.incidents.xField = "x";
        options.incidents.yField = "y";
        options.incidents.assumeCrs = "EPSG:28992";
        options.categoryField = "code";
        options.dateField = "datum";
        options.areas.path = kBuurten.string();
        options.areaFields.parentCodes = {"wijkcode", "gemeentecode"};
        options.year = 2024;
        options.permutations = 0;
        options.dutchCsv = true;
        options.outDir = dir / "scan";
        CollectingReporter reporter;
        const auto result = runScan(options, reporter);
        writeScanOutputs(*result, options);
        std::ofstream(dir / "rapport.pdf") << "%PDF-1.4 stand-in for gebiedscan report\n";
        ExportOptions e;
        e.scanDir = dir / "scan";
        e.outDir = dir / "pakket";
        e.report = dir / "rapport.pdf";
        e.zip = true;
        exported = std::make_unique<ExportResult>(runExportJob(e, reporter));
    }
    static void TearDownTestSuite()
    {
        exported.reset();
        if (!dir.empty()) fs::remove_all(dir);
    }
    void SetUp() override
    {
        if (!exported) GTEST_SKIP() << kBuurten << " is not there";
    }

public:
    static inline fs::path dir;
    static inline std::unique_ptr<ExportResult> exported;
};

const std::vector<std::string> kLevels{"buurt", "wijk", "gemeente"};
const fs::path& dir = ExportJob::dir;
const std::unique_ptr<ExportResult>& exported = ExportJob::exported;

} // namespace

static void writesEveryFileOfThePackage()
{
    const fs::path p = dir / "pakket";
    for (const auto& level : kLevels)
        for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qml", "_velden.csv", ".csv"})
            EXPECT_TRUE(fs::is_regular_file(p / ("gebiedscan_" + level + ext))) << level << ext;
    for (const char* f : {"gebiedscan.gpkg", "gebiedscan_cijfers.csv", "LEESMIJ.txt", "rapport.pdf"})
        EXPECT_TRUE(fs::is_regular_file(p / f)) << f;
    EXPECT_EQ(readFile(p / "rapport.pdf"), readFile(dir / "rapport.pdf"));
    EXPECT_EQ(readFile(p / "gebiedscan_buurt.cpg"), "UTF-8");
    EXPECT_NE(readFile(p / "gebiedscan_buurt.prj").find("Amersfoort"), std::string::npos); // RD New
    // Aggregates only: nothing of the scan's other files (no hotspots layer, no summary.json).
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(p)) names.insert(e.path().filename().string());
    EXPECT_EQ(names.size(), 3u * 8u + 4u + 1u) << "plus the .gebiedscan marker"; // 3 levels x 8, 4 files, marker
    ASSERT_EQ(exported->levels.size(), 3u);
    EXPECT_EQ(exported->levels[0].areas, 452u);
    EXPECT_EQ(exported->levels[2].areas, 7u);
    EXPECT_TRUE(exported->audit.passed());
    // The zip beside the folder holds every file under the folder's name.
    ASSERT_EQ(exported->zip, fs::path(p.string() + ".zip"));
    const std::string zip = readFile(exported->zip);
    EXPECT_EQ(zip.substr(0, 2), "PK");
    for (const char* f : {"pakket/LEESMIJ.txt", "pakket/gebiedscan.gpkg", "pakket/gebiedscan_wijk.qml"})
        EXPECT_NE(zip.find(f), std::string::npos) << f;
    EXPECT_EQ(zip.find("pakket/.gebiedscan"), std::string::npos);
}

static void everyFileReopensWithItsDocumentedFieldsAndNoPointLayer()
{
    const fs::path p = dir / "pakket";
    const std::string leesmij = readFile(p / "LEESMIJ.txt");
    const auto* spec = schema::layer(schema::role::scanAreas);
    const auto layers = gis::listLayers((p / "gebiedscan.gpkg").string());
    std::set<std::string> layerNames;
    for (const auto& l : layers) {
        layerNames.insert(l.name);
        if (l.spatial) {
            EXPECT_NE(l.geometryType.find("Polygon"), std::string::npos) << l.name << l.geometryType;
        }
    }
    EXPECT_EQ(layerNames, (std::set<std::string>{"gebiedscan_buurt", "gebiedscan_wijk", "gebiedscan_gemeente",
                                                 "gebiedscan_cijfers", "layer_styles"}));
    for (const auto& level : kLevels) {
        const std::string name = "gebiedscan_" + level;
        const auto shp = gis::listLayers((p / (name + ".shp")).string());
        ASSERT_EQ(shp.size(), 1u);
        EXPECT_NE(shp[0].geometryType.find("Polygon"), std::string::npos);
        // The field map names every Shapefile field; each is <= 10 characters, each full name is
        // a column of the schema and explained in LEESMIJ with its Shapefile name.
        gis::SourceSpec map;
        map.path = (p / (name + "_velden.csv")).string();
        gis::VectorReader reader(map);
        reader.selectFields({"veld_shapefile", "veld", "omschrijving"});
        gis::Feature f;
        std::vector<std::string> shortNames;
        while (reader.next(f)) {
            const std::string shortName = f.values[0].value_or(""), full = f.values[1].value_or("");
            shortNames.push_back(shortName);
            EXPECT_LE(shortName.size(), 10u);
            EXPECT_NE(spec->find(full), nullptr) << full;
            EXPECT_FALSE(f.values[2].value_or("").empty()) << full;
            EXPECT_NE(leesmij.find("  " + full + " "), std::string::npos) << full;
        }
        ASSERT_EQ(shp[0].fields.size(), shortNames.size());
        for (std::size_t i = 0; i < shortNames.size(); ++i) EXPECT_EQ(shp[0].fields[i].name, shortNames[i]);
        EXPECT_GT(shortNames.size(), 100u); // code .. trend_overig of every theme
        // The GeoPackage layer has the full names, the same count of rows.
        for (const auto& l : layers)
            if (l.name == name) {
                EXPECT_EQ(l.fields.size(), shortNames.size());
                EXPECT_EQ(l.featureCount, shp[0].featureCount);
                EXPECT_EQ(l.metadata.at(std::string(schema::kRoleKey)),
                          level == "buurt" ? "scan_areas" : "scan_area_level");
            }
    }
    // LEESMIJ names the period, the sources and the protection.
    for (const char* text : {"2024 (huidige periode): 1-1-2024 t/m 31-12-2024", "2021 (referentie)", "incidents.csv",
                             "drenthe-buurten-2024.geojson", "bron onbekend", "een aantal van 1 tot en met 4 is geheim",
                             "gebiedscan audit", "n_total"})
        EXPECT_NE(leesmij.find(text), std::string::npos) << text;
    // The package leaves the police: the folders of the police's file system stay behind.
    EXPECT_EQ(leesmij.find(dir.string()), std::string::npos);
}

static void csvIsTheScansDutchCsvCellForCell()
{
    // The export rebuilds "geheim" (NULL in the GeoPackage) from the scan's rules; the scan wrote
    // its CSV from the tables themselves, so the two must agree byte for byte.
    for (const auto& level : kLevels) {
        const std::string csv = readFile(dir / "pakket" / ("gebiedscan_" + level + ".csv"));
        EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF") << "UTF-8 BOM for Excel";
        EXPECT_NE(csv.find("geheim"), std::string::npos);
        const std::string scan = readFile(dir / "scan" / ("gebiedscan_" + level + ".csv"));
        if (csv == scan) continue;
        // Show the first line that differs (the files are large).
        std::istringstream a(csv), b(scan);
        std::string la, lb;
        while (std::getline(a, la) && std::getline(b, lb))
            if (la != lb) break;
        ADD_FAILURE() << level << ": export\n" << la << "\nscan\n" << lb;
    }
    EXPECT_EQ(readFile(dir / "pakket" / "gebiedscan_cijfers.csv"), readFile(dir / "scan" / "gebiedscan_cijfers.csv"));
}

static void noPublishedCountBelowItsThreshold()
{
    const auto model = loadScanModel(defaultModelPath());
    const auto shp = gis::listLayers((dir / "pakket" / "gebiedscan_buurt.shp").string());
    gis::SourceSpec s;
    s.path = (dir / "pakket" / "gebiedscan.gpkg").string();
    s.layer = "gebiedscan_buurt";
    gis::VectorReader reader(s);
    reader.ignoreGeometry(true);
    const auto names = reader.fieldNames();
    std::vector<std::string> counts;
    std::vector<int> thresholds;
    for (const auto& n : names) {
        if (n.rfind("n_", 0) != 0) continue;
        counts.push_back(n);
        const auto t = model.themeIndex(n.substr(2));
        thresholds.push_back(t && model.themes[*t].suppressBelow > 0 ? model.themes[*t].suppressBelow
                                                                     : model.suppressBelow);
    }
    reader.selectFields(counts);
    gis::Feature f;
    std::size_t hidden = 0, published = 0;
    while (reader.next(f))
        for (std::size_t i = 0; i < counts.size(); ++i) {
            if (!f.values[i]) {
                ++hidden;
                continue;
            }
            ++published;
            const long v = std::stol(*f.values[i]);
            EXPECT_TRUE(v == 0 || v >= thresholds[i]) << counts[i] << " = " << v;
        }
    EXPECT_GT(hidden, 100u);
    EXPECT_GT(published, 1000u);
}

static void stylesMatchTheLegendInShapefileAndGeoPackage()
{
    const auto& buurt = exported->levels[0];
    EXPECT_EQ(buurt.styleField, "n_total");
    EXPECT_EQ(buurt.styleFieldShp, "n_total");
    // The legend counts every area once.
    std::size_t n = buurt.legend.hidden + buurt.legend.zeros;
    for (const auto& c : buurt.legend.classes) n += c.count;
    EXPECT_EQ(n, 452u);
    EXPECT_EQ(buurt.legend.classes.size() + (buurt.legend.zeroClass ? 1 : 0), 5u);
    for (std::size_t l = 0; l < 3; ++l) {
        const auto& e = exported->levels[l];
        EXPECT_EQ(readFile(dir / "pakket" / (e.name + ".qml")), qgisStyleQml(e.legend, e.styleFieldShp));
    }
    // layer_styles: one default style per area layer, on the full field name.
    gis::SourceSpec s;
    s.path = (dir / "pakket" / "gebiedscan.gpkg").string();
    s.layer = "layer_styles";
    gis::VectorReader reader(s);
    reader.selectFields({"f_table_name", "f_geometry_column", "styleName", "styleQML", "useAsDefault", "f_table_schema",
                         "update_time"});
    gis::Feature f;
    std::vector<std::string> tables;
    while (reader.next(f)) {
        tables.push_back(f.values[0].value_or(""));
        EXPECT_EQ(f.values[1].value_or(""), "geom");
        EXPECT_EQ(f.values[4].value_or(""), "1");
        EXPECT_EQ(f.values[5].value_or("NULL"), "");
        EXPECT_EQ(f.values[6].value_or("").size(), 20u);
        for (const auto& e : exported->levels)
            if (e.name == tables.back()) {
                EXPECT_EQ(f.values[3].value_or(""), qgisStyleQml(e.legend, e.styleField));
            }
    }
    EXPECT_EQ(tables, (std::vector<std::string>{"gebiedscan_buurt", "gebiedscan_wijk", "gebiedscan_gemeente"}));
}

// One scan (a minute of LPs) for all checks: ctest runs every test in a process of its own.
TEST_F(ExportJob, PackageOfARealScan)
{
    {
        SCOPED_TRACE("files");
        writesEveryFileOfThePackage();
    }
    {
        SCOPED_TRACE("fields");
        everyFileReopensWithItsDocumentedFieldsAndNoPointLayer();
    }
    {
        SCOPED_TRACE("csv");
        csvIsTheScansDutchCsvCellForCell();
    }
    {
        SCOPED_TRACE("thresholds");
        noPublishedCountBelowItsThreshold();
    }
    {
        SCOPED_TRACE("styles");
        stylesMatchTheLegendInShapefileAndGeoPackage();
    }
}

TEST(ExportRefusal, InternFolderIsRefusedBeforeTheAuditAndNothingIsWritten)
{
    const fs::path tmp = fs::temp_directory_path() / ("gebiedscan_export_intern_" + std::to_string(::getpid()));
    fs::remove_all(tmp);
    gebiedscan::testing::writeTinyScanFolder(tmp / "intern", gebiedscan::testing::TinyFolder::Protected);
    auto summary = nlohmann::json::parse(readFile(tmp / "intern" / "summary.json"));
    summary["audience"] = "intern";
    std::ofstream(tmp / "intern" / "summary.json") << summary.dump(2);
    ExportOptions e;
    e.scanDir = tmp / "intern";
    e.outDir = tmp / "pakket";
    CollectingReporter reporter;
    try {
        (void)runExportJob(e, reporter);
        ADD_FAILURE() << "an intern folder was exported";
    } catch (const ExportRefused& r) {
        EXPECT_NE(std::string(r.what()).find("--internal"), std::string::npos) << r.what();
        EXPECT_TRUE(r.audit().findings.empty());
    }
    EXPECT_FALSE(fs::exists(e.outDir));
    fs::remove_all(tmp);
}

TEST(ExportRefusal, FolderFailingTheAuditIsRefusedWithItsCells)
{
    const fs::path tmp = fs::temp_directory_path() / ("gebiedscan_export_refusal_" + std::to_string(::getpid()));
    fs::remove_all(tmp);
    fs::create_directories(tmp);
    gebiedscan::testing::writeTinyModel(tmp / "model.toml");
    gebiedscan::testing::writeTinyScanFolder(tmp / "lek", gebiedscan::testing::TinyFolder::Leaky);
    ExportOptions e;
    e.scanDir = tmp / "lek";
    e.outDir = tmp / "pakket";
    e.model = tmp / "model.toml";
    CollectingReporter reporter;
    try {
        (void)runExportJob(e, reporter);
        ADD_FAILURE() << "a leaky folder was exported";
    } catch (const ExportRefused& r) {
        EXPECT_NE(std::string(r.what()).find("controle op herleidbaarheid"), std::string::npos) << r.what();
        ASSERT_FALSE(r.audit().findings.empty());
        EXPECT_NE(std::string(r.what()).find("(" + std::to_string(r.audit().findings.size()) + " bevinding(en)"),
                  std::string::npos)
            << r.what();
        bool named = false;
        for (const auto& f : r.audit().findings)
            named =
                named || f.message.find("buurt BU3, 1.4 Geweld op straat, 2024: geheim, maar exact te herleiden: 3") !=
                             std::string::npos;
        EXPECT_TRUE(named);
    }
    EXPECT_FALSE(fs::exists(e.outDir));
    fs::remove_all(tmp);
}
