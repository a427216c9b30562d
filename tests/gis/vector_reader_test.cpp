// VectorReader on every supported input format. Fixtures are written at test time: text formats
// by hand, GeoPackage and Shapefile by GDAL's own ogr2ogr (not by our writers), so a bug in our
// writers cannot hide a bug in the reader. Every test runs in the C locale and in nl_NL.UTF-8.
#include "gebiedscan/core/language.hpp"
#include "gis_test_support.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace gebiedscan;
using namespace gebiedscan::testing;

namespace {

// Three incidents in RD New. Point 1 has fractional metres to catch decimal-comma parsing
// (under nl_NL a locale-dependent strtod would read "155500.5" as 155500).
const char* const kIncidentsRdCsv = "id,code,datum,x,y\n"
                                    "1,1.1.1,2023-05-01 13:45,155500.5,463500.25\n"
                                    "2,1.4.2,2023-06-02,156500,463500\n"
                                    "3,9.9.9,2023-07-03,160000,470000\n";

// The RD New origin, Amersfoort: (155000, 463000) = 5.38720621 E, 52.15517440 N (Kadaster
// reference point). Latitude first in the file: columns are found by name, not position.
const char* const kIncidentsLonLatCsv = "id,code,lat,lon\n"
                                        "1,1.1.1,52.15517440,5.38720621\n"
                                        "2,1.4.2,52.99413,6.56290\n";

const char* const kIncidentsGeoJson = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":1,"code":"1.1.1","datum":"2023-05-01T13:45:00"},
 "geometry":{"type":"Point","coordinates":[5.38720621,52.15517440]}},
{"type":"Feature","properties":{"id":2,"code":"1.4.2","datum":"2023-06-02"},
 "geometry":null}]})";

std::vector<gis::Feature> readAll(gis::VectorReader& reader)
{
    std::vector<gis::Feature> out;
    gis::Feature f;
    while (reader.next(f)) out.push_back(f);
    return out;
}

void expectRdIncidents(gis::VectorReader& reader)
{
    reader.selectFields({"code", "datum"});
    const auto features = readAll(reader);
    ASSERT_EQ(features.size(), 3u);
    EXPECT_EQ(features[0].values[0].value_or("?"), "1.1.1"); // a code, never the number 1.11
    EXPECT_EQ(features[2].values[0].value_or("?"), "9.9.9");
    EXPECT_EQ(features[0].row, 1);
    EXPECT_EQ(features[2].row, 3);
    ASSERT_EQ(features[0].geometry.kind, gis::FeatureGeometry::Kind::Point);
    ASSERT_EQ(features[0].geometry.points.size(), 1u);
    EXPECT_DOUBLE_EQ(features[0].geometry.points[0].x, 155500.5);
    EXPECT_DOUBLE_EQ(features[0].geometry.points[0].y, 463500.25);
    EXPECT_DOUBLE_EQ(features[1].geometry.points[0].x, 156500.0);
}

class VectorReaderFormats : public LocaleTest {
protected:
    TempDir m_dir;
    std::filesystem::path rdCsv()
    {
        const auto p = m_dir / "incidents_rd.csv";
        writeText(p, kIncidentsRdCsv);
        return p;
    }
};

} // namespace

TEST_P(VectorReaderFormats, CsvWithRdXyNeedsAssumedCrsAndThenReadsExactly)
{
    // The English texts (GEBIEDSCAN_LANG=en); the Dutch ones are checked in BilingualErrors (test_app).
    const ScopedTextLanguage english(TextLanguage::English);
    const auto csv = rdCsv();
    // A CSV has no CRS: a clear error naming the file and layer, and the hint for RD.
    try {
        gis::VectorReader reader(source(csv.string()));
        FAIL() << "a CSV without --assume-crs must be refused";
    } catch (const InputError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("incidents_rd.csv"), std::string::npos) << msg;
        EXPECT_NE(msg.find("layer 'incidents_rd'"), std::string::npos) << msg;
        EXPECT_NE(msg.find("no coordinate reference system"), std::string::npos) << msg;
        EXPECT_NE(msg.find("--assume-crs EPSG:28992"), std::string::npos) << msg;
    }
    gis::SourceSpec spec = source(csv.string());
    spec.assumeCrs = "EPSG:28992";
    gis::VectorReader reader(spec);
    EXPECT_EQ(reader.sourceCrs(), "EPSG:28992");
    EXPECT_EQ(reader.featureCount().value_or(-1), 3);
    expectRdIncidents(reader);
}

TEST_P(VectorReaderFormats, CsvWithLonLatAndAssumedWgs84)
{
    const auto csv = m_dir / "incidents_ll.csv";
    writeText(csv, kIncidentsLonLatCsv);
    try {
        gis::VectorReader reader(source(csv.string()));
        FAIL() << "a CSV without --assume-crs must be refused";
    } catch (const InputError& e) {
        // The reader recognises degrees and suggests the right option.
        EXPECT_NE(std::string(e.what()).find("--assume-crs EPSG:4326"), std::string::npos) << e.what();
    }
    gis::SourceSpec spec = source(csv.string());
    spec.assumeCrs = "EPSG:4326";
    gis::VectorReader reader(spec);
    reader.selectFields({"code"});
    const auto features = readAll(reader);
    ASSERT_EQ(features.size(), 2u);
    ASSERT_EQ(features[0].geometry.kind, gis::FeatureGeometry::Kind::Point);
    // EPSG:4326 -> 28992 without the RDNAPTRANS grid is good to about a metre.
    EXPECT_NEAR(features[0].geometry.points[0].x, 155000.0, 2.0);
    EXPECT_NEAR(features[0].geometry.points[0].y, 463000.0, 2.0);
    // Assen (Drenthe): east of Amersfoort by ~78 km, north by ~94 km; swapped axes would put it
    // thousands of kilometres away.
    EXPECT_NEAR(features[1].geometry.points[0].x, 233000.0, 1500.0);
    EXPECT_NEAR(features[1].geometry.points[0].y, 557000.0, 1500.0);
}

TEST_P(VectorReaderFormats, CsvExplicitXyFieldsOverrideDetection)
{
    const auto csv = m_dir / "odd_names.csv";
    writeText(csv, "nr;feit;oost;noord\n1;1.1.1;155500,5;463500,25\n");
    gis::SourceSpec spec = source(csv.string());
    spec.xField = "oost";
    spec.yField = "noord";
    spec.assumeCrs = "EPSG:28992";
    gis::VectorReader reader(spec);
    reader.selectFields({"feit"});
    const auto features = readAll(reader);
    ASSERT_EQ(features.size(), 1u);
    EXPECT_EQ(features[0].values[0].value_or("?"), "1.1.1");
    // GDAL reads a decimal comma in a ';'-separated CSV as the decimal separator.
    ASSERT_EQ(features[0].geometry.kind, gis::FeatureGeometry::Kind::Point);
    EXPECT_DOUBLE_EQ(features[0].geometry.points[0].x, 155500.5);
    EXPECT_DOUBLE_EQ(features[0].geometry.points[0].y, 463500.25);
}

TEST_P(VectorReaderFormats, GeoJsonIsWgs84ByDefinitionAndNullGeometryIsNone)
{
    const auto json = m_dir / "incidents.geojson";
    writeText(json, kIncidentsGeoJson);
    gis::VectorReader reader(source(json.string()));
    EXPECT_EQ(reader.sourceCrs(), "EPSG:4326");
    reader.selectFields({"code", "datum"});
    const auto features = readAll(reader);
    ASSERT_EQ(features.size(), 2u);
    EXPECT_EQ(features[0].values[1].value_or("?"), "2023-05-01T13:45:00");
    EXPECT_NEAR(features[0].geometry.points[0].x, 155000.0, 2.0);
    EXPECT_NEAR(features[0].geometry.points[0].y, 463000.0, 2.0);
    EXPECT_EQ(features[1].geometry.kind, gis::FeatureGeometry::Kind::None);
}

TEST_P(VectorReaderFormats, GeoPackageWrittenByOgr2ogr)
{
    const auto gpkg = m_dir / "incidents.gpkg";
    ogr2ogr(gpkg, rdCsv(), "-f GPKG -nln incidents -a_srs EPSG:28992 -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y");
    gis::SourceSpec spec = source(gpkg.string());
    spec.layer = "incidents";
    gis::VectorReader reader(spec);
    EXPECT_EQ(reader.sourceCrs(), "EPSG:28992");
    expectRdIncidents(reader);
    reader.reset();
    gis::Feature f;
    ASSERT_TRUE(reader.next(f));
    EXPECT_EQ(f.row, 1); // reset starts the row numbers again
}

TEST_P(VectorReaderFormats, ShapefileWrittenByOgr2ogr)
{
    const auto shp = m_dir / "incidents.shp";
    ogr2ogr(shp, rdCsv(), "-f 'ESRI Shapefile' -a_srs EPSG:28992 -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y");
    gis::VectorReader reader(source(shp.string()));
    expectRdIncidents(reader);
}

TEST_P(VectorReaderFormats, ShapefileWithoutPrjIsRefusedNamingTheLayerUnlessCrsAssumed)
{
    // The English texts (GEBIEDSCAN_LANG=en); the Dutch ones are checked in BilingualErrors (test_app).
    const ScopedTextLanguage english(TextLanguage::English);
    const auto shp = m_dir / "zonder_crs.shp";
    ogr2ogr(shp, rdCsv(), "-f 'ESRI Shapefile' -a_srs EPSG:28992 -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y");
    std::filesystem::remove(m_dir / "zonder_crs.prj");
    try {
        gis::VectorReader reader(source(shp.string()));
        FAIL() << "a layer without CRS must be refused";
    } catch (const InputError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("layer 'zonder_crs'"), std::string::npos) << msg;
        EXPECT_NE(msg.find("no coordinate reference system"), std::string::npos) << msg;
    }
    gis::SourceSpec spec = source(shp.string());
    spec.assumeCrs = "EPSG:28992";
    gis::VectorReader reader(spec);
    expectRdIncidents(reader);
}

TEST_P(VectorReaderFormats, WorkingCrsOtherThanRd)
{
    // UTM 31N as the working CRS: Amersfoort lies at about (682,000, 5,781,000) there.
    const auto json = m_dir / "incidents.geojson";
    writeText(json, kIncidentsGeoJson);
    gis::VectorReader reader(source(json.string()), "EPSG:32631");
    const auto features = readAll(reader);
    ASSERT_EQ(features.size(), 2u);
    EXPECT_NEAR(features[0].geometry.points[0].x, 663400.0, 2000.0);
    EXPECT_NEAR(features[0].geometry.points[0].y, 5781000.0, 2000.0);
    // A geographic working CRS is refused: distances must be metres.
    EXPECT_THROW(gis::VectorReader(source(json.string()), "EPSG:4326"), InputError);
}

TEST_P(VectorReaderFormats, BadNamesGiveMessagesNamingFileLayerAndField)
{
    // The English texts (GEBIEDSCAN_LANG=en); the Dutch ones are checked in BilingualErrors (test_app).
    const ScopedTextLanguage english(TextLanguage::English);
    const auto gpkg = m_dir / "incidents.gpkg";
    ogr2ogr(gpkg, rdCsv(), "-f GPKG -nln incidents -a_srs EPSG:28992 -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y");

    // Missing file.
    try {
        gis::VectorReader reader(source((m_dir / "bestaat_niet.gpkg").string()));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("bestaat_niet.gpkg"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("no such file"), std::string::npos) << e.what();
    }
    // Wrong layer: the message lists the layers that do exist.
    try {
        gis::SourceSpec spec = source(gpkg.string());
        spec.layer = "meldingen";
        gis::VectorReader reader(spec);
        FAIL();
    } catch (const InputError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("incidents.gpkg"), std::string::npos) << msg;
        EXPECT_NE(msg.find("no layer 'meldingen'"), std::string::npos) << msg;
        EXPECT_NE(msg.find("(layers: incidents)"), std::string::npos) << msg;
    }
    // Wrong field: names the field and lists the available ones.
    gis::SourceSpec spec = source(gpkg.string());
    spec.layer = "incidents";
    gis::VectorReader reader(spec);
    try {
        reader.selectFields({"code", "pleegdatum"});
        FAIL();
    } catch (const InputError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("'" + gpkg.string() + "', layer 'incidents'"), std::string::npos) << msg;
        EXPECT_NE(msg.find("no field 'pleegdatum'"), std::string::npos) << msg;
        EXPECT_NE(msg.find("datum"), std::string::npos) << msg;
    }
    // Field names are matched case-insensitively.
    EXPECT_NO_THROW(reader.selectFields({"CODE", "Datum"}));
    EXPECT_EQ(reader.findField({"nope", "DATUM"}), "datum");

    // A file that is not a vector format at all.
    const auto garbage = m_dir / "kapot.gpkg";
    writeText(garbage, "dit is geen geopackage");
    EXPECT_THROW(gis::VectorReader(source(garbage.string())), InputError);
}

TEST_P(VectorReaderFormats, TruncatedGeoPackageIsAnInputErrorNotACrash)
{
    const auto gpkg = m_dir / "incidents.gpkg";
    ogr2ogr(gpkg, rdCsv(), "-f GPKG -nln incidents -a_srs EPSG:28992 -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y");
    const auto size = std::filesystem::file_size(gpkg);
    std::filesystem::resize_file(gpkg, size / 3);
    EXPECT_THROW(
        {
            gis::SourceSpec spec = source(gpkg.string());
            spec.layer = "incidents";
            gis::VectorReader reader(spec);
            gis::Feature f;
            while (reader.next(f)) {}
        },
        InputError);
}

TEST_P(VectorReaderFormats, AttributeFilterIsPassedToOgr)
{
    const auto csv = rdCsv();
    gis::SourceSpec spec = source(csv.string());
    spec.assumeCrs = "EPSG:28992";
    spec.attributeFilter = "code LIKE '1.%'";
    gis::VectorReader reader(spec);
    reader.selectFields({"code"});
    EXPECT_EQ(readAll(reader).size(), 2u);
    spec.attributeFilter = "code = = 'x'";
    EXPECT_THROW(gis::VectorReader bad(spec), InputError);
}

// A quote opened and never closed makes GDAL's CSV reader take every following record into one
// field: the reader must refuse, naming the row and field, not return fewer records.
TEST_P(VectorReaderFormats, UnclosedQuoteInTheMiddleOfACsvIsAnErrorNamingRowAndField)
{
    std::string csv = "id,code,datum,x,y\n";
    for (int i = 1; i <= 50; ++i) {
        if (i == 7)
            csv += "7,\"1.1.1,2023-05-01,155000,463000\n";
        else
            csv += std::to_string(i) + ",1.1.1,2023-05-01," + std::to_string(155000 + i) + ",463000\n";
    }
    writeText(m_dir / "open_quote.csv", csv);
    gis::SourceSpec spec = source((m_dir / "open_quote.csv").string());
    spec.assumeCrs = "EPSG:28992";
    for (const auto language : {TextLanguage::Dutch, TextLanguage::English}) {
        const ScopedTextLanguage scoped(language);
        gis::VectorReader reader(spec);
        gis::Feature f;
        for (int i = 1; i < 7; ++i) ASSERT_TRUE(reader.next(f));
        try {
            reader.next(f);
            FAIL() << "row 7 swallows rows 8..50 and must be refused";
        } catch (const InputError& e) {
            EXPECT_STREQ(
                e.what(),
                language == TextLanguage::English
                    ? ("'" + (m_dir / "open_quote.csv").string() +
                       "', layer 'open_quote', row 7, field 'code': a quote (\") opened here is never closed, "
                       "so 43 following records were read as text of this field; close or remove the quote")
                          .c_str()
                    : ("'" + (m_dir / "open_quote.csv").string() +
                       "', laag 'open_quote', rij 7, veld 'code': een aanhalingsteken (\") dat hier opent "
                       "wordt nooit gesloten, dus zijn 43 volgende rijen als tekst van dit veld gelezen; sluit "
                       "of verwijder het aanhalingsteken")
                          .c_str());
        }
    }
}

// Quoted text over several lines, with commas, is ordinary CSV (a memo field) and read as such.
TEST_P(VectorReaderFormats, QuotedMultiLineTextIsReadAsOneField)
{
    writeText(m_dir / "memo.csv",
              "id,code,omschrijving,x,y\n"
              "1,1.1.1,\"Melder hoorde glas breken, zag twee personen,\nrennend richting park, een op de fiets.\n"
              "Politie ter plaatse, sporen veiliggesteld.\",155000,463000\n"
              "2,1.4.2,Ruzie,155100,463000\n");
    gis::SourceSpec spec = source((m_dir / "memo.csv").string());
    spec.assumeCrs = "EPSG:28992";
    gis::VectorReader reader(spec);
    reader.selectFields({"omschrijving"});
    const auto features = readAll(reader);
    ASSERT_EQ(features.size(), 2u);
    EXPECT_EQ(std::count(features[0].values[0]->begin(), features[0].values[0]->end(), '\n'), 2);
    EXPECT_EQ(features[1].values[0].value_or("?"), "Ruzie");
}

// A GeoPackage with typed fields (written by ogr2ogr from a CSV with a .csvt type file): dates,
// date-times and numbers arrive typed, never through text, and under nl_NL too.
TEST_P(VectorReaderFormats, GeoPackageFieldsArriveTypedAsOgrTypesThem)
{
    writeText(m_dir / "typed.csv", "id,code,datum,tijdstip,gewicht,inwoners,x,y\n"
                                   "1,1.1.1,2023-05-01,2023-05-01 13:45:10,2.5,-99997,155000.5,463000\n"
                                   "2,1.4.2,2023-12-31,2024-02-29 23:59:59,0.125,20230501,0,0\n");
    writeText(m_dir / "typed.csvt", "Integer,String,Date,DateTime,Real,Integer,Real,Real\n");
    const auto gpkg = m_dir / "typed.gpkg";
    ogr2ogr(gpkg, m_dir / "typed.csv",
            "-f GPKG -nln typed -a_srs EPSG:28992 -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y");
    gis::VectorReader reader(source(gpkg.string()));
    reader.selectFields({"id", "code", "datum", "tijdstip", "gewicht", "inwoners", ""});
    const auto features = readAll(reader);
    ASSERT_EQ(features.size(), 2u);
    using Type = gis::FieldValue::Type;
    const auto& a = features[0].fields;
    ASSERT_EQ(a.size(), 7u);
    EXPECT_EQ(a[0].type, Type::Integer);
    EXPECT_EQ(a[0].number, 1.0);
    EXPECT_EQ(a[1].type, Type::Text);
    EXPECT_EQ(a[1].text, "1.1.1");
    EXPECT_EQ(a[2].type, Type::Date);
    EXPECT_EQ(a[2].time, *makeLocalTime(2023, 5, 1));
    EXPECT_EQ(a[3].type, Type::DateTime);
    EXPECT_EQ(a[3].time, *makeLocalTime(2023, 5, 1, 13, 45, 10));
    EXPECT_EQ(a[4].type, Type::Real);
    EXPECT_EQ(a[4].number, 2.5);
    EXPECT_EQ(a[5].type, Type::Integer);
    EXPECT_EQ(a[5].number, -99997.0);
    EXPECT_EQ(a[6].type, Type::Null);
    // The text form stays available (and is what `values` holds).
    EXPECT_EQ(features[0].values[2].value_or("?"), "2023-05-01");
    EXPECT_EQ(features[0].values[3].value_or("?"), "2023-05-01T13:45:10");
    // What the readers of these values see: a whole day, an instant, numbers, a CBS sentinel.
    const auto day = gis::timeOf(a[2]);
    ASSERT_TRUE(day);
    EXPECT_EQ(day->end.seconds - day->start.seconds, kSecondsPerDay);
    const auto instant = gis::timeOf(a[3]);
    ASSERT_TRUE(instant);
    EXPECT_EQ(instant->start, instant->end);
    EXPECT_EQ(gis::numberOf(a[4]).value_or(-1), 2.5);
    EXPECT_FALSE(gis::numberOf(a[5])); // -99997: secret
    const auto& b = features[1].fields;
    EXPECT_EQ(b[3].time, *makeLocalTime(2024, 2, 29, 23, 59, 59));
    EXPECT_EQ(gis::numberOf(b[4]).value_or(-1), 0.125);
    // An integer field holding a compact date is read as that date.
    const auto compact = gis::timeOf(b[5]);
    ASSERT_TRUE(compact);
    EXPECT_EQ(compact->start, *makeLocalTime(2023, 5, 1));
    EXPECT_FALSE(features[0].atOrigin);
    EXPECT_TRUE(features[1].atOrigin);
}

// (0, 0) is judged in the layer's own CRS: lon/lat (0, 0) lands far from RD (0, 0) after the
// transformation but is still the mark of a record that was never geocoded.
TEST_P(VectorReaderFormats, PointAtOriginIsFlaggedInTheSourceCrs)
{
    writeText(m_dir / "origin.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":1},"geometry":{"type":"Point","coordinates":[0,0]}},
{"type":"Feature","properties":{"id":2},"geometry":{"type":"Point","coordinates":[5.38720621,52.15517440]}},
{"type":"Feature","properties":{"id":3},"geometry":{"type":"MultiPoint","coordinates":[[5.3872,52.1551],[0,0]]}},
{"type":"Feature","properties":{"id":4},"geometry":{"type":"Point","coordinates":[0,52.1]}}]})");
    gis::VectorReader reader(source((m_dir / "origin.geojson").string()));
    reader.selectFields({});
    const auto features = readAll(reader);
    ASSERT_EQ(features.size(), 4u);
    EXPECT_TRUE(features[0].atOrigin);
    EXPECT_GT(std::abs(features[0].geometry.points[0].x), 1000.0); // transformed: not (0, 0) in RD
    EXPECT_FALSE(features[1].atOrigin);
    EXPECT_TRUE(features[2].atOrigin);
    EXPECT_EQ(features[2].geometry.points.size(), 2u); // the reader keeps both parts
    EXPECT_FALSE(features[3].atOrigin);
}

GEBIEDSCAN_LOCALE_SUITE(VectorReaderFormats);

// A GeoPackage table whose FIDs are 1..n is read in parts by row number (the incident stream's
// two reading threads); any other layer is not, since a part's row numbers would be wrong.
TEST(VectorReaderRowRanges, GeoPackageRowsAreItsFidsUntilOneIsMissing)
{
    TempDir dir;
    std::string csv = "id,code,x,y\n";
    for (int i = 1; i <= 10; ++i) csv += std::to_string(i) + ",1." + std::to_string(i) + ".1,155000," +
                                         std::to_string(463000 + i) + "\n";
    writeText(dir / "ten.csv", csv);
    const auto gpkg = dir / "ten.gpkg";
    ogr2ogr(gpkg, dir / "ten.csv", "-f GPKG -nln ten -a_srs EPSG:28992 -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y");
    gis::VectorReader reader(source(gpkg.string()));
    EXPECT_EQ(reader.rowsByFid(), std::optional<std::int64_t>(10));
    reader.selectFields({"code"});
    reader.readRows(4, 6);
    const auto part = readAll(reader);
    ASSERT_EQ(part.size(), 3u);
    for (std::size_t k = 0; k < part.size(); ++k) {
        const auto row = static_cast<std::int64_t>(k) + 4;
        EXPECT_EQ(part[k].row, row);
        EXPECT_EQ(part[k].fid, row);
        EXPECT_EQ(part[k].values[0].value_or("?"), "1." + std::to_string(row) + ".1");
        ASSERT_EQ(part[k].geometry.points.size(), 1u); // the unselected fields are skipped, not the point
        EXPECT_DOUBLE_EQ(part[k].geometry.points[0].y, 463000.0 + static_cast<double>(row));
    }

    gis::SourceSpec filtered = source(gpkg.string());
    filtered.attributeFilter = "code <> '1.2.1'";
    EXPECT_FALSE(gis::VectorReader(filtered).rowsByFid()); // the filter's rows are no FID range
    gis::SourceSpec text = source((dir / "ten.csv").string());
    text.assumeCrs = "EPSG:28992";
    EXPECT_FALSE(gis::VectorReader(text).rowsByFid());

    ASSERT_EQ(run("ogrinfo -q " + quote(gpkg) + " -sql \"DELETE FROM ten WHERE fid = 5\""), 0);
    EXPECT_FALSE(gis::VectorReader(source(gpkg.string())).rowsByFid()); // row 5 is now FID 6
    ASSERT_EQ(run("ogrinfo -q " + quote(gpkg) + " -sql \"DELETE FROM ten WHERE fid >= 6\""), 0);
    EXPECT_EQ(gis::VectorReader(source(gpkg.string())).rowsByFid(), std::optional<std::int64_t>(4));
}
