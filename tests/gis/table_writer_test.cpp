// table_writer round trips (GeoPackage, Shapefile with its 10-character name map, Dutch CSV,
// GeoJSON in WGS84) and atomic output (a failed write leaves the previous file; a read-only or
// full folder gives an OutputError and no half file). C and nl_NL locales.
#include "gis_test_support.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/atomic_output.hpp"
#include "gebiedscan/gis/layer_info.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <charconv>

#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace gebiedscan;
using namespace gebiedscan::testing;
namespace fs = std::filesystem;

namespace {

gis::FeatureGeometry squareRd(double x0, double y0, double size)
{
    gis::FeatureGeometry g;
    g.kind = gis::FeatureGeometry::Kind::Polygon;
    g.polygons = {Polygon{{Ring{{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}}}}};
    return g;
}

// Two areas: one with a suppressed count and an unknown rate, one with a name outside ASCII.
gis::Table sampleTable()
{
    gis::Table t;
    t.name = "areas";
    t.columns = {{"code", gis::Column::Type::String, "gebiedscode"},
                 {"name", gis::Column::Type::String, "naam"},
                 {"n_woninginbraak", gis::Column::Type::Integer, "woninginbraak, huidige periode"},
                 {"n_woninginbraak_ref", gis::Column::Type::Integer, "woninginbraak, referentie"},
                 {"rate_woninginbraak", gis::Column::Type::Real, "per 1000 inwoners"}};
    t.rows = {
        {std::string("BU00010001"), std::string("Centrum"), std::int64_t{12}, std::int64_t{7}, 1.5},
        {std::string("BU00010002"), std::string("Ee\xC3\xABnd"), gis::Suppressed{}, std::int64_t{0}, gis::Value{}}};
    t.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    t.geometries = {squareRd(155000, 463000, 1000), squareRd(156000, 463000, 1000)};
    return t;
}

std::vector<gis::Feature> readBack(const fs::path& file, const std::vector<std::string>& fields,
                                   const std::string& layer = "", const std::string& assumeCrs = "")
{
    gis::SourceSpec spec = source(file.string(), layer);
    spec.assumeCrs = assumeCrs;
    gis::VectorReader reader(spec);
    reader.selectFields(fields);
    std::vector<gis::Feature> out;
    gis::Feature f;
    while (reader.next(f)) out.push_back(f);
    return out;
}

bool hasTempLeftovers(const fs::path& dir)
{
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) return true;
    return false;
}

class TableWriterTest : public LocaleTest {
protected:
    TempDir m_dir;
};

// Mounts a small tmpfs (root in a container that allows it); unmounts on destruction.
class SmallTmpfs {
public:
    SmallTmpfs(const fs::path& dir, const std::string& options) : m_dir(dir)
    {
        fs::create_directories(dir);
        m_mounted = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) == 0;
    }
    ~SmallTmpfs()
    {
        if (m_mounted) ::umount2(m_dir.c_str(), MNT_DETACH);
    }
    [[nodiscard]] bool mounted() const { return m_mounted; }
    void remountReadOnly()
    {
        if (m_mounted) m_mounted = ::mount("tmpfs", m_dir.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
    }

private:
    fs::path m_dir;
    bool m_mounted = false;
};

} // namespace

TEST(ShortFieldNames, TruncateToTenAndResolveClashes)
{
    const auto names = gis::shortFieldNames({{"code", gis::Column::Type::String, ""},
                                             {"n_woninginbraak", gis::Column::Type::Integer, ""},
                                             {"n_woninginbraak_ref", gis::Column::Type::Integer, ""},
                                             {"n_woninginbraak_chg", gis::Column::Type::Integer, ""}});
    EXPECT_EQ(names, (std::vector<std::string>{"code", "n_woningin", "n_woningi1", "n_woningi2"}));
}

TEST_P(TableWriterTest, GeoPackageRoundTripWithSuppressedAsNull)
{
    const auto gpkg = m_dir / "gebiedscan.gpkg";
    gis::WriteOptions options;
    options.metadata["bron"] = "test";
    gis::writeGeoPackage(gpkg, {sampleTable()}, options);
    const auto rows =
        readBack(gpkg, {"code", "name", "n_woninginbraak", "n_woninginbraak_ref", "rate_woninginbraak"}, "areas");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].values[2].value_or("?"), "12");
    EXPECT_EQ(rows[0].values[4].value_or("?"), "1.5"); // C-locale text from the reader, also under nl_NL
    EXPECT_EQ(rows[1].values[1].value_or("?"), "Ee\xC3\xABnd");
    EXPECT_FALSE(rows[1].values[2].has_value()) << "suppressed must be NULL, never 0";
    EXPECT_EQ(rows[1].values[3].value_or("?"), "0"); // a real zero stays a zero
    EXPECT_FALSE(rows[1].values[4].has_value());
    ASSERT_EQ(rows[1].geometry.kind, gis::FeatureGeometry::Kind::Polygon);
    EXPECT_DOUBLE_EQ(areaOf(rows[1].geometry.polygons), 1e6);
    EXPECT_DOUBLE_EQ(envelopeOf(rows[1].geometry.polygons).minX, 156000.0);
    EXPECT_FALSE(hasTempLeftovers(m_dir.path()));
}

// Attribute tables get their rows through SQLite directly (not GDAL's features): GDAL must read
// them back as its own, with every type, NULL for Suppressed, the rest of a short row NULL, a
// quote in a layer and a field name, the feature count, and its count triggers back in place
// (so a later GDAL edit keeps the count right).
TEST_P(TableWriterTest, GeoPackageAttributeRowsReadBackAsGdalsOwn)
{
    gis::Table t;
    t.name = "cijfers \"lang\"";
    t.columns = {{"code", gis::Column::Type::String, "gebiedscode"},
                 {"n \"x\"", gis::Column::Type::Integer, ""},
                 {"rate", gis::Column::Type::Real, ""}};
    t.rows = {{std::string("BU01"), std::int64_t{12}, 1.5},
              {std::string("Ee\xC3\xABnd"), gis::Suppressed{}, gis::Value{}},
              {std::string("kort")}};
    t.rowStream = {};
    gis::Table streamed = t; // and the same rows streamed, as the scan's figures come
    streamed.name = "gestroomd";
    streamed.rows.clear();
    streamed.rowStream = [&t](const gis::RowSink& sink) {
        for (const auto& row : t.rows) sink(row, nullptr);
    };
    const auto gpkg = m_dir / "attributen.gpkg";
    gis::writeGeoPackage(gpkg, {sampleTable(), t, streamed}, {});
    for (const std::string layer : {"cijfers \"lang\"", "gestroomd"}) {
        SCOPED_TRACE(layer);
        const auto rows = readBack(gpkg, {"code", "n \"x\"", "rate"}, layer);
        ASSERT_EQ(rows.size(), 3u);
        EXPECT_EQ(rows[0].values[0].value_or("?"), "BU01");
        EXPECT_EQ(rows[0].values[1].value_or("?"), "12");
        EXPECT_EQ(rows[0].values[2].value_or("?"), "1.5");
        EXPECT_EQ(rows[1].values[0].value_or("?"), "Ee\xC3\xABnd");
        EXPECT_FALSE(rows[1].values[1].has_value()) << "suppressed must be NULL, never 0";
        EXPECT_FALSE(rows[1].values[2].has_value());
        EXPECT_FALSE(rows[2].values[1].has_value());
        EXPECT_FALSE(rows[2].values[2].has_value());
    }
    const auto layers = gis::listLayers(gpkg.string());
    ASSERT_EQ(layers.size(), 3u);
    for (const auto& l : layers) {
        EXPECT_EQ(l.featureCount, l.name == "areas" ? 2 : 3) << l.name;
        if (l.name == "areas") continue;
        EXPECT_FALSE(l.spatial) << l.name;
        ASSERT_EQ(l.fields.size(), 3u);
        EXPECT_EQ(l.fields[1].type, gis::LayerInfo::FieldType::Integer);
        EXPECT_EQ(l.fields[2].type, gis::LayerInfo::FieldType::Real);
    }
    std::string log;
    ASSERT_EQ(run("ogrinfo -ro -q " + quote(gpkg) +
                      " -sql \"SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'gestroomd'\"",
                  &log),
              0)
        << log;
    EXPECT_NE(log.find("n (Integer) = 2"), std::string::npos) << "GDAL's insert and delete count triggers: " << log;
    EXPECT_FALSE(hasTempLeftovers(m_dir.path()));
}

TEST_P(TableWriterTest, ShapefileWithTenCharacterNamesAndNameMap)
{
    const auto shp = m_dir / "buurten.shp";
    gis::writeShapefile(shp, sampleTable(), {});
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
        EXPECT_TRUE(fs::exists(m_dir / (std::string("buurten") + ext))) << ext;
    EXPECT_EQ(readText(m_dir / "buurten.cpg").substr(0, 5), "UTF-8");
    EXPECT_NE(readText(m_dir / "buurten.prj").find("Amersfoort"), std::string::npos);

    gis::VectorReader reader(source(shp.string()));
    EXPECT_EQ(reader.fieldNames(),
              (std::vector<std::string>{"code", "name", "n_woningin", "n_woningi1", "rate_wonin"}));
    const auto rows = readBack(shp, {"code", "name", "n_woningin", "n_woningi1", "rate_wonin"});
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].values[2].value_or("?"), "12");
    EXPECT_EQ(rows[0].values[3].value_or("?"), "7");
    const std::string rate = rows[0].values[4].value_or("?"); // C-locale text, also under nl_NL
    double parsed = 0;
    std::from_chars(rate.data(), rate.data() + rate.size(), parsed);
    EXPECT_DOUBLE_EQ(parsed, 1.5) << rate;
    EXPECT_EQ(rows[1].values[1].value_or("?"), "Ee\xC3\xABnd");
    EXPECT_FALSE(rows[1].values[2].has_value()) << "suppressed must be NULL in the .dbf, never 0";

    // The field map beside it, written through the CSV writer (Dutch by default: ';').
    const auto map = m_dir / "buurten_velden.csv";
    ASSERT_TRUE(fs::exists(map));
    const auto text = readText(map);
    EXPECT_NE(text.find("n_woningin"), std::string::npos);
    EXPECT_NE(text.find("n_woninginbraak_ref"), std::string::npos);
    const auto mapped = readBack(map, {"veld_shapefile", "veld"});
    ASSERT_EQ(mapped.size(), 5u);
    EXPECT_EQ(mapped[3].values[0].value_or("?"), "n_woningi1");
    EXPECT_EQ(mapped[3].values[1].value_or("?"), "n_woninginbraak_ref");
    EXPECT_FALSE(hasTempLeftovers(m_dir.path()));
}

TEST_P(TableWriterTest, DutchCsvHasSemicolonsDecimalCommaAndGeheim)
{
    const auto csv = m_dir / "cijfers.csv";
    gis::WriteOptions options;
    options.dutchCsv = true;
    gis::writeCsv(csv, sampleTable(), options);
    const std::string expected = "\xEF\xBB\xBF"
                                 "code;name;n_woninginbraak;n_woninginbraak_ref;rate_woninginbraak\r\n"
                                 "BU00010001;Centrum;12;7;\"1,5\"\r\n" // quoted: GDAL quotes a field holding a comma
                                 "BU00010002;Ee\xC3\xABnd;geheim;0;\r\n";
    EXPECT_EQ(readText(csv), expected);

    // The international variant: ',' and decimal point, whatever the process locale.
    gis::WriteOptions intl;
    gis::writeCsv(csv, sampleTable(), intl);
    const std::string expectedIntl = "code,name,n_woninginbraak,n_woninginbraak_ref,rate_woninginbraak\r\n"
                                     "BU00010001,Centrum,12,7,1.5\r\n"
                                     "BU00010002,Ee\xC3\xABnd,geheim,0,\r\n";
    EXPECT_EQ(readText(csv), expectedIntl);
    EXPECT_FALSE(hasTempLeftovers(m_dir.path()));
}

TEST_P(TableWriterTest, GeoJsonIsRfc7946Wgs84)
{
    const auto file = m_dir / "buurten.geojson";
    gis::writeGeoJson(file, sampleTable(), {});
    const auto json = nlohmann::json::parse(readText(file));
    EXPECT_FALSE(json.contains("crs")) << "RFC 7946: no crs member, WGS84 lon/lat";
    ASSERT_EQ(json["features"].size(), 2u);
    const auto& f0 = json["features"][0];
    EXPECT_EQ(f0["properties"]["n_woninginbraak"], 12);
    EXPECT_TRUE(json["features"][1]["properties"]["n_woninginbraak"].is_null());
    EXPECT_EQ(json["features"][1]["properties"]["name"], "Ee\xC3\xABnd");
    // The south-west corner of the first square is the RD origin: 5.38720621 E, 52.15517440 N.
    double minLon = 1e9, minLat = 1e9;
    // A one-part MultiPolygon may be written as a Polygon: take the shell either way.
    const bool multi = f0["geometry"]["type"] == "MultiPolygon";
    const auto& shell = multi ? f0["geometry"]["coordinates"][0][0] : f0["geometry"]["coordinates"][0];
    ASSERT_EQ(shell.size(), 5u);
    for (const auto& p : shell) {
        minLon = std::min(minLon, p[0].get<double>());
        minLat = std::min(minLat, p[1].get<double>());
    }
    EXPECT_NEAR(minLon, 5.38720621, 2e-5);
    EXPECT_NEAR(minLat, 52.15517440, 2e-5);
    // And back through our reader into RD.
    const auto rows = readBack(file, {"code"});
    EXPECT_NEAR(envelopeOf(rows[0].geometry.polygons).minX, 155000.0, 0.05);
}

// Our streaming GeoJSON writer against GDAL's own driver (RFC7946=YES, as we used it before):
// the same properties with the same JSON types, the same geometry types and, within GDAL's 7
// decimals, the same coordinates in the same order. The sample has what a reader can trip on:
// a clockwise shell and a counter-clockwise hole in RD (RFC 7946 wants them the other way), a
// two-part polygon, an unclosed ring, a single and a multi line, a point, no geometry, escapes,
// whole-number reals and values left out past a short row's end.
TEST_P(TableWriterTest, GeoJsonIsWhatGdalsRfc7946DriverWrites)
{
    using Kind = gis::FeatureGeometry::Kind;
    const auto ring = [](std::vector<PointRd> points) { return Ring(std::move(points)); };
    gis::Table polygons;
    polygons.name = "vlakken";
    polygons.columns = {{"code", gis::Column::Type::String, ""},
                        {"n", gis::Column::Type::Integer, ""},
                        {"rate", gis::Column::Type::Real, ""}};
    polygons.geometryKind = Kind::Polygon;
    gis::FeatureGeometry holed; // clockwise shell, counter-clockwise hole, shell not closed
    holed.kind = Kind::Polygon;
    holed.polygons = {Polygon{{ring({{155000, 463000}, {155000, 464000}, {156000, 464000}, {156000, 463000}}),
                               ring({{155200, 463200}, {155800, 463200}, {155800, 463800}, {155200, 463200}})}}};
    gis::FeatureGeometry twoParts = squareRd(157000, 463000, 500);
    twoParts.polygons.push_back(squareRd(158000, 463000, 500).polygons[0]);
    polygons.rows = {{std::string("zei \"hoi\"\\\n\t\x01/"), std::int64_t{-3}, 70.0},
                     {std::string("Ee\xC3\xABnd"), gis::Suppressed{}, 0.1},
                     {std::string("kort")}};
    polygons.geometries = {holed, twoParts, squareRd(160000, 463000, 10)};

    gis::Table lines;
    lines.name = "lijnen";
    lines.columns = {{"code", gis::Column::Type::String, ""}, {"len", gis::Column::Type::Real, ""}};
    lines.geometryKind = Kind::Line;
    gis::FeatureGeometry one, two, point, none;
    one.kind = two.kind = Kind::Line;
    one.lines = {{{155000, 463000}, {155100, 463050.5}}};
    two.lines = {{{155000, 463000}, {155100, 463000}}, {{155200, 463000}, {155300, 463100}}};
    lines.rows = {{std::string("a"), 1.0e300}, {std::string("b"), 2.5}};
    lines.geometries = {one, two};

    gis::Table points;
    points.name = "punten";
    points.columns = {{"code", gis::Column::Type::String, ""}};
    points.geometryKind = Kind::Point;
    point.kind = Kind::Point;
    point.points = {{155000, 463000}};
    points.rows = {{std::string("p")}, {std::string("geen")}};
    points.geometries = {point, none};

    for (const gis::Table* table : {&polygons, &lines, &points}) {
        SCOPED_TRACE(table->name);
        const auto gpkg = m_dir / (table->name + ".gpkg");
        const auto ours = m_dir / (table->name + ".geojson");
        const auto gdal = m_dir / (table->name + "_gdal.geojson");
        gis::writeGeoPackage(gpkg, {*table}, {});
        ogr2ogr(gdal, gpkg, "-f GeoJSON -lco RFC7946=YES -lco WRITE_NAME=YES");
        gis::writeGeoJson(ours, *table, {});
        const auto a = nlohmann::json::parse(readText(ours));
        const auto b = nlohmann::json::parse(readText(gdal));
        ASSERT_EQ(a["features"].size(), b["features"].size());
        for (std::size_t f = 0; f < a["features"].size(); ++f) {
            SCOPED_TRACE("feature " + std::to_string(f));
            const auto& fa = a["features"][f];
            const auto& fb = b["features"][f];
            // GDAL also writes a short row's missing values as null (the GeoPackage holds NULL).
            for (const auto& [key, value] : fb["properties"].items()) {
                if (!fa["properties"].contains(key)) {
                    EXPECT_TRUE(value.is_null()) << key;
                    continue;
                }
                EXPECT_EQ(fa["properties"][key], value) << key;
                EXPECT_EQ(fa["properties"][key].type(), value.type()) << key << ": 70.0 is a real, 70 an integer";
            }
            if (fb["geometry"].is_null()) {
                EXPECT_TRUE(fa["geometry"].is_null());
                continue;
            }
            EXPECT_EQ(fa["geometry"]["type"], fb["geometry"]["type"]);
            // Flatten the coordinate arrays in order and compare them number by number.
            std::vector<double> ca, cb;
            const std::function<void(const nlohmann::json&, std::vector<double>&)> flatten =
                [&flatten](const nlohmann::json& j, std::vector<double>& out) {
                    if (j.is_number()) out.push_back(j.get<double>());
                    for (const auto& e : j)
                        if (j.is_array()) flatten(e, out);
                };
            flatten(fa["geometry"]["coordinates"], ca);
            flatten(fb["geometry"]["coordinates"], cb);
            ASSERT_EQ(ca.size(), cb.size());
            for (std::size_t k = 0; k < ca.size(); ++k) EXPECT_NEAR(ca[k], cb[k], 1.5e-7) << k;
        }
        // And GDAL reads ours with the same field types as its own.
        const auto typesOf = [](const fs::path& file) {
            std::vector<gis::LayerInfo::FieldType> out;
            const auto layers = gis::listLayers(file.string()); // held: a loop over a temporary's member dangles
            for (const auto& field : layers.at(0).fields) out.push_back(field.type);
            return out;
        };
        EXPECT_EQ(typesOf(ours), typesOf(gdal));
    }
}

TEST_P(TableWriterTest, LayerMetadataTravelsWithTheLayerInGeoPackageAndGeoJson)
{
    // Each table's own metadata (its role) stays with that layer; the shared options go to all.
    gis::Table areas = sampleTable();
    areas.metadata["gebiedscan_rol"] = "scan_areas";
    gis::Table other = sampleTable();
    other.name = "areas_gemeente";
    other.metadata["gebiedscan_rol"] = "scan_area_level";
    gis::WriteOptions options;
    options.metadata["bron"] = "test";
    const auto gpkg = m_dir / "gebiedscan.gpkg";
    gis::writeGeoPackage(gpkg, {areas, other}, options);
    const auto layers = gis::listLayers(gpkg.string());
    ASSERT_EQ(layers.size(), 2u);
    for (const auto& l : layers) {
        EXPECT_EQ(l.metadata.at("gebiedscan_rol"), l.name == "areas" ? "scan_areas" : "scan_area_level");
        EXPECT_EQ(l.metadata.at("bron"), "test");
    }

    const auto geojson = m_dir / "buurten.geojson";
    gis::writeGeoJson(geojson, areas, options);
    const auto json = nlohmann::json::parse(readText(geojson));
    EXPECT_EQ(json["gebiedscan_rol"], "scan_areas") << "a foreign member of the FeatureCollection";
    EXPECT_EQ(json["features"].size(), 2u);
    const auto read = gis::listLayers(geojson.string());
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].metadata.at("gebiedscan_rol"), "scan_areas");
    EXPECT_EQ(read[0].metadata.count("bron"), 0u); // GeoJSON carries the layer's own items only

    // CSV has no place for metadata: the file is plain (no extra column or row).
    const auto csv = m_dir / "buurten.csv";
    gis::writeCsv(csv, areas, options);
    EXPECT_EQ(readText(csv).find("scan_areas"), std::string::npos);
}

// The CSV writer quotes as GDAL's CSV driver did (STRING_QUOTING=IF_NEEDED): only a field with a
// quote, ',', ';', tab, CR or LF, quotes doubled; and GDAL reads every such field back intact.
TEST_P(TableWriterTest, CsvQuotesOnlyWhereNeededAndReadsBack)
{
    gis::Table t;
    t.name = "lastig";
    t.columns = {{"code", gis::Column::Type::String, ""}, {"tekst", gis::Column::Type::String, ""}};
    const std::vector<std::string> texts{"gewoon",    "a,b",      "a;b", "zei \"hoi\"", "twee\nregels",
                                         "tab\there", " spatie ", "\"",  "cr\rx",       ""};
    for (std::size_t i = 0; i < texts.size(); ++i) t.rows.push_back({std::string("R") + std::to_string(i), texts[i]});
    const auto csv = m_dir / "lastig.csv";
    gis::WriteOptions intl;
    gis::writeCsv(csv, t, intl);
    EXPECT_EQ(readText(csv), "code,tekst\r\nR0,gewoon\r\nR1,\"a,b\"\r\nR2,\"a;b\"\r\nR3,\"zei \"\"hoi\"\"\"\r\n"
                             "R4,\"twee\nregels\"\r\nR5,\"tab\there\"\r\nR6, spatie \r\nR7,\"\"\"\"\r\n"
                             "R8,\"cr\rx\"\r\nR9,\r\n");
    const auto back = readBack(csv, {"code", "tekst"});
    ASSERT_EQ(back.size(), texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (texts[i].find('\r') != std::string::npos) continue; // GDAL's reader folds a bare CR
        EXPECT_EQ(back[i].values[1].value_or(""), texts[i]) << i;
    }
}

// A table whose rows are streamed (a scan's long figures table) comes out exactly as the same
// rows held in memory, in every format.
TEST_P(TableWriterTest, StreamedRowsAreWrittenAsHeldRows)
{
    const gis::Table held = sampleTable();
    gis::Table streamed = held;
    streamed.rows.clear();
    streamed.geometries.clear();
    int calls = 0;
    streamed.rowStream = [&held, &calls](const gis::RowSink& sink) {
        ++calls;
        std::vector<gis::Value> row; // one buffer reused, as the scan writer does
        for (std::size_t r = 0; r < held.rows.size(); ++r) {
            row = held.rows[r];
            sink(row, &held.geometries[r]);
        }
    };
    gis::WriteOptions dutch;
    dutch.dutchCsv = true;
    gis::writeCsv(m_dir / "a.csv", held, dutch);
    gis::writeCsv(m_dir / "b.csv", streamed, dutch);
    EXPECT_EQ(readText(m_dir / "b.csv"), readText(m_dir / "a.csv"));
    gis::writeGeoJson(m_dir / "a.geojson", held, {});
    gis::writeGeoJson(m_dir / "b.geojson", streamed, {});
    std::string a = readText(m_dir / "a.geojson"), b = readText(m_dir / "b.geojson");
    EXPECT_EQ(b.substr(b.find("\"features\"")), a.substr(a.find("\"features\"")));
    gis::writeGeoPackage(m_dir / "b.gpkg", {streamed}, {});
    const auto back = readBack(m_dir / "b.gpkg", {"code", "name", "n_woninginbraak"}, "areas");
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0].values[2].value_or("?"), "12");
    EXPECT_FALSE(back[1].values[2].has_value()) << "Suppressed is NULL";
    EXPECT_EQ(back[1].values[1].value_or("?"), "Ee\xC3\xABnd");
    EXPECT_EQ(back[1].geometry.kind, gis::FeatureGeometry::Kind::Polygon);
    gis::writeShapefile(m_dir / "b.shp", streamed, {});
    EXPECT_EQ(readBack(m_dir / "b.shp", {"code"}).size(), 2u);
    EXPECT_EQ(calls, 4) << "once per file";
}

TEST_P(TableWriterTest, FailedWriteLeavesThePreviousFileIntact)
{
    const auto gpkg = m_dir / "gebiedscan.gpkg";
    gis::writeGeoPackage(gpkg, {sampleTable()}, {});
    const auto before = readText(gpkg);

    // Two columns with the same name: the GeoPackage driver refuses the second one half-way.
    auto broken = sampleTable();
    broken.columns.push_back(broken.columns[2]);
    for (auto& row : broken.rows) row.push_back(std::int64_t{1});
    EXPECT_THROW(gis::writeGeoPackage(gpkg, {sampleTable(), broken}, {}), OutputError);
    EXPECT_EQ(readText(gpkg), before) << "the previous output must survive a failed write";
    EXPECT_FALSE(hasTempLeftovers(m_dir.path()));

    const auto csv = m_dir / "cijfers.csv";
    gis::writeCsv(csv, sampleTable(), {});
    const auto csvBefore = readText(csv);
    EXPECT_THROW(gis::writeCsv(csv, broken, {}), OutputError);
    EXPECT_EQ(readText(csv), csvBefore);
    EXPECT_FALSE(hasTempLeftovers(m_dir.path()));
}

TEST_P(TableWriterTest, ReadOnlyFolderGivesOutputError)
{
    const auto dir = m_dir / "alleen_lezen";
    fs::create_directories(dir);
    std::unique_ptr<SmallTmpfs> ro;
    if (::geteuid() == 0) {
        // root ignores permission bits: use a read-only mount instead.
        ro = std::make_unique<SmallTmpfs>(dir, "size=1m");
        ro->remountReadOnly();
        if (!ro->mounted()) GTEST_SKIP() << "running as root and cannot mount a read-only tmpfs";
    } else {
        fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
    }
    try {
        gis::ensureWritableFolder(dir);
        FAIL() << "a read-only folder must be refused";
    } catch (const OutputError& e) {
        EXPECT_NE(std::string(e.what()).find("alleen_lezen"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("not writable"), std::string::npos) << e.what();
    }
    EXPECT_THROW(gis::writeGeoPackage(dir / "a.gpkg", {sampleTable()}, {}), OutputError);
    EXPECT_THROW(gis::writeShapefile(dir / "a.shp", sampleTable(), {}), OutputError);
    EXPECT_THROW(gis::writeCsv(dir / "a.csv", sampleTable(), {}), OutputError);
    EXPECT_THROW(gis::writeGeoJson(dir / "a.geojson", sampleTable(), {}), OutputError);
    EXPECT_TRUE(fs::is_empty(dir));
    if (!ro) fs::permissions(dir, fs::perms::owner_all);
}

TEST_P(TableWriterTest, FullDiskGivesOutputErrorAndKeepsThePreviousFile)
{
    if (::geteuid() != 0) GTEST_SKIP() << "needs root to mount a small tmpfs";
    const auto dir = m_dir / "vol";
    SmallTmpfs fsSmall(dir, "size=256k");
    if (!fsSmall.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here";

    const auto csv = dir / "cijfers.csv";
    gis::writeCsv(csv, sampleTable(), {});
    const auto before = readText(csv);
    gis::Table big = sampleTable();
    big.geometries.clear();
    big.geometryKind = gis::FeatureGeometry::Kind::None;
    const std::string filler(200, 'x');
    for (int i = 0; i < 5000; ++i)
        big.rows.push_back({std::string("BU") + std::to_string(i), filler, std::int64_t{i}, std::int64_t{0}, 0.25});
    for (const auto& name : {"cijfers.csv"}) {
        try {
            gis::writeCsv(dir / name, big, {});
            FAIL() << "a 1 MB CSV cannot fit on a 256 kB volume";
        } catch (const OutputError& e) {
            EXPECT_NE(std::string(e.what()).find("cijfers.csv"), std::string::npos) << e.what();
        }
    }
    EXPECT_EQ(readText(csv), before);
    EXPECT_FALSE(hasTempLeftovers(dir));
    EXPECT_THROW(gis::writeGeoPackage(dir / "groot.gpkg", {big}, {}), OutputError);
    EXPECT_FALSE(fs::exists(dir / "groot.gpkg"));
    EXPECT_FALSE(hasTempLeftovers(dir));
    EXPECT_THROW(gis::writeGeoJson(dir / "groot.geojson", big, {}), OutputError);
    EXPECT_FALSE(fs::exists(dir / "groot.geojson"));
    EXPECT_FALSE(hasTempLeftovers(dir));
    EXPECT_THROW(gis::writeShapefile(dir / "groot.shp", big, {}), OutputError);
    EXPECT_FALSE(fs::exists(dir / "groot.shp"));
    EXPECT_FALSE(fs::exists(dir / "groot.dbf"));
    EXPECT_FALSE(hasTempLeftovers(dir));
}

TEST(AtomicOutput, UncommittedTemporariesAreRemoved)
{
    TempDir dir;
    const auto final = dir / "uit.txt";
    writeText(final, "vorige");
    {
        gis::AtomicOutput out(final);
        writeText(out.temp(), "half");
        EXPECT_EQ(out.temp().parent_path(), dir.path());
        EXPECT_EQ(out.temp().extension(), ".txt");
    }
    EXPECT_EQ(readText(final), "vorige");
    EXPECT_FALSE(hasTempLeftovers(dir.path()));
    {
        gis::AtomicOutput out(final);
        EXPECT_THROW(out.commit(), OutputError); // nothing produced: nothing replaced
    }
    EXPECT_EQ(readText(final), "vorige");
    {
        gis::AtomicOutput out(final);
        writeText(out.temp(), "nieuw");
        out.commit();
    }
    EXPECT_EQ(readText(final), "nieuw");
    EXPECT_FALSE(hasTempLeftovers(dir.path()));
}

// What a SIGKILLed run leaves is removed by the next run; a running writer's files are kept.
TEST(AtomicOutput, StaleTemporariesOfDeadProcessesAreRemoved)
{
    TempDir dir;
    // A child that has exited and been reaped: its PID names no process (until reused).
    const pid_t dead = ::fork();
    if (dead == 0) ::_exit(0);
    ASSERT_GT(dead, 0);
    ::waitpid(dead, nullptr, 0);
    const std::string deadTag = ".tmp-" + std::to_string(dead) + "-0";
    const std::string liveTag = ".tmp-" + std::to_string(::getppid()) + "-3";
    for (const std::string& name :
         std::vector<std::string>{".gebiedscan" + deadTag + ".gpkg", ".gebiedscan" + deadTag + ".gpkg-journal",
                                  ".gebiedscan_buurt" + deadTag + ".dbf", ".gebiedscan" + liveTag + ".gpkg",
                                  "gebiedscan.gpkg", ".verborgen", "notities" + deadTag + ".txt"})
        writeText(dir / name, "x");
    EXPECT_EQ(gis::removeStaleTemporaries(dir.path()), 3u);
    EXPECT_FALSE(fs::exists(dir / (".gebiedscan" + deadTag + ".gpkg")));
    EXPECT_FALSE(fs::exists(dir / (".gebiedscan_buurt" + deadTag + ".dbf")));
    EXPECT_TRUE(fs::exists(dir / (".gebiedscan" + liveTag + ".gpkg"))) << "the parent process still runs";
    EXPECT_TRUE(fs::exists(dir / "gebiedscan.gpkg"));
    EXPECT_TRUE(fs::exists(dir / ".verborgen"));
    EXPECT_TRUE(fs::exists(dir / ("notities" + deadTag + ".txt"))) << "not hidden: not ours";
}

GEBIEDSCAN_LOCALE_SUITE(TableWriterTest);
