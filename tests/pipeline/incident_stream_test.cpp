// The one incident stream: validity rule ((0, 0), multipoints, non-points), dates (unreadable,
// out of period, OGR Date/DateTime fields), weights (decimal comma, CBS sentinels), the theme
// filter and the record-accounting buckets with bounded examples. Every count is asserted.
#include "../gis/gis_test_support.hpp"
#include "gebiedscan/core/language.hpp"

#include "gebiedscan/pipeline/accounting_report.hpp"
#include "gebiedscan/pipeline/incident_stream.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/point_locator.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

using namespace gebiedscan;
using namespace gebiedscan::testing;
using pipeline::IncidentFate;
using pipeline::RecordBucket;

namespace {

// Eleven registrations in RD New, one of each kind (the comment says where each must land).
const char* const kMixedCsv = "WKT,code,datum\n"
                              "\"POINT (155500 463500)\",1.1.1,2023-05-01\n"        // 1 assigned (A, woninginbraak)
                              "\"POINT (0 0)\",1.1.1,2023-05-01\n"                  // 2 invalid: (0, 0)
                              "\"MULTIPOINT ((155600 463600))\",1.2.1,2023-05-02\n" // 3 one part: assigned (A, vvc)
                              "\"MULTIPOINT ((155600 463600),(156500 463500))\",1.1.1,2023-05-03\n" // 4 invalid
                              "\"POINT (155700 463700)\",1.1.1,31-02-2023\n"                        // 5 unreadable date
                              "\"POINT (155700 463700)\",1.1.1,2021-05-01\n"                        // 6 out of period
                              "\"POINT (170000 470000)\",1.1.1,2023-06-01\n"                        // 7 outside
                              "\"POINT (156500 463500)\",9.9.9,2023-06-01\n" // 8 unknown category (B)
                              ",1.1.1,2023-06-01\n"                          // 9 invalid: no geometry
                              "\"LINESTRING (155100 463100,155200 463200)\",1.1.1,2023-06-01\n" // 10 invalid
                              "\"POINT (156100 463100)\",1.2.1,2023-07-01\n";                   // 11 assigned (B, vvc)

// Two 1 km squares: A west of x = 156000, B east of it.
PointLocator twoSquares()
{
    std::vector<MultiPolygon> areas;
    for (double x0 : {155000.0, 156000.0})
        areas.push_back({Polygon{{Ring{{x0, 463000}, {x0 + 1000, 463000}, {x0 + 1000, 464000}, {x0, 464000}}}}});
    return PointLocator(areas);
}

bool in2023(const TimeInterval& t)
{
    return t.start >= *makeLocalTime(2023, 1, 1) && t.start < *makeLocalTime(2024, 1, 1);
}

struct StreamRun {
    pipeline::RecordAccounting accounting;
    std::vector<std::int64_t> assignedRows, unknownRows;
};

// Reads the whole stream the way a job does: batches located together, then settled.
StreamRun readAll(pipeline::IncidentStream& stream, std::size_t batchSize = 4)
{
    const PointLocator locator = twoSquares();
    StreamRun run;
    std::vector<pipeline::Incident> batch;
    while (stream.nextBatch(batch, batchSize) > 0) {
        std::vector<PointRd> points;
        for (const auto& i : batch) points.push_back(i.point);
        std::vector<std::int32_t> located(points.size());
        locator.locate(points, located, 1);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const auto fate = stream.settle(batch[i], located[i] >= 0);
            if (fate == IncidentFate::Assigned) run.assignedRows.push_back(batch[i].row);
            if (fate == IncidentFate::UnknownCategory) run.unknownRows.push_back(batch[i].row);
        }
    }
    run.accounting = stream.accounting();
    return run;
}

class IncidentStreamTest : public ::testing::Test {
protected:
    TempDir m_dir;
    pipeline::CollectingReporter m_reporter;

    pipeline::IncidentStreamOptions options(const std::string& name, const std::string& text)
    {
        writeText(m_dir / name, text);
        pipeline::IncidentStreamOptions o;
        o.source.path = (m_dir / name).string();
        o.source.assumeCrs = "EPSG:28992";
        return o;
    }
};

std::size_t examplesIn(const pipeline::RecordAccounting& a, RecordBucket bucket)
{
    return static_cast<std::size_t>(
        std::count_if(a.examples.begin(), a.examples.end(), [&](const auto& e) { return e.bucket == bucket; }));
}

} // namespace

TEST_F(IncidentStreamTest, EveryRecordLandsInItsBucket)
{
    auto o = options("mixed.csv", kMixedCsv);
    o.inPeriod = in2023;
    pipeline::IncidentStream stream(o, m_reporter);
    EXPECT_EQ(stream.fields().category, "code");
    EXPECT_EQ(stream.fields().date, "datum");
    EXPECT_TRUE(stream.classifies());
    const StreamRun r = readAll(stream);
    const auto& a = r.accounting;
    EXPECT_EQ(a.inputRecords, 11u);
    EXPECT_EQ(a.invalidGeometry, 4u); // (0, 0), multipoint of two, no geometry, a line
    EXPECT_EQ(a.badDate, 2u);
    EXPECT_EQ(a.badDateUnparseable, 1u);
    EXPECT_EQ(a.outOfPeriod(), 1u);
    EXPECT_EQ(a.outside, 1u);
    EXPECT_EQ(a.unknownCategory, 1u);
    EXPECT_EQ(a.otherTheme, 0u);
    EXPECT_EQ(a.assigned, 3u);
    EXPECT_TRUE(a.balanced());
    EXPECT_EQ(r.assignedRows, (std::vector<std::int64_t>{1, 3, 11}));
    EXPECT_EQ(r.unknownRows, (std::vector<std::int64_t>{8}));
    EXPECT_EQ(a.unknownCodes.at("9.9.9"), 1u);
    EXPECT_EQ(a.exampleRows, (std::vector<std::int64_t>{2, 4, 5, 9, 10}));
    // Examples say row, field, value and reason.
    ASSERT_EQ(examplesIn(a, RecordBucket::InvalidGeometry), 4u);
    EXPECT_EQ(a.examples[0].row, 2);
    EXPECT_EQ(a.examples[0].value, "(0, 0)");
    EXPECT_NE(a.examples[0].reason.find("(0, 0)"), std::string::npos);
    const auto multi = std::find_if(a.examples.begin(), a.examples.end(), [](const auto& e) { return e.row == 4; });
    ASSERT_NE(multi, a.examples.end());
    EXPECT_EQ(multi->value, "multipunt, 2 delen");
    const auto date = std::find_if(a.examples.begin(), a.examples.end(), [](const auto& e) { return e.row == 5; });
    ASSERT_NE(date, a.examples.end());
    EXPECT_EQ(date->bucket, RecordBucket::BadDateUnparseable);
    EXPECT_EQ(date->field, "datum");
    EXPECT_EQ(date->value, "31-02-2023");
}

TEST_F(IncidentStreamTest, BatchSizeDoesNotChangeTheAccounting)
{
    for (std::size_t size : {1u, 3u, 65536u}) {
        auto o = options("mixed.csv", kMixedCsv);
        o.inPeriod = in2023;
        pipeline::IncidentStream stream(o, m_reporter);
        const StreamRun r = readAll(stream, size);
        EXPECT_EQ(r.assignedRows, (std::vector<std::int64_t>{1, 3, 11})) << size;
        EXPECT_EQ(r.accounting.invalidGeometry, 4u) << size;
        EXPECT_EQ(r.accounting.badDate, 2u) << size;
    }
}

TEST_F(IncidentStreamTest, WithoutPeriodEveryReadableDateIsIn)
{
    pipeline::IncidentStream stream(options("mixed.csv", kMixedCsv), m_reporter);
    const StreamRun r = readAll(stream);
    EXPECT_EQ(r.accounting.badDate, 1u);  // only 31-02-2023
    EXPECT_EQ(r.accounting.assigned, 4u); // row 6 (2021) now too
    EXPECT_TRUE(r.accounting.balanced());
}

TEST_F(IncidentStreamTest, DatesPerYearCountsReadableDatesAndRestarts)
{
    pipeline::IncidentStream stream(options("mixed.csv", kMixedCsv), m_reporter);
    const auto years = stream.datesPerYear();
    EXPECT_EQ(years, (std::map<int, std::uint64_t>{{2021, 1}, {2023, 9}}));
    const StreamRun r = readAll(stream); // from the first record again
    EXPECT_EQ(r.accounting.inputRecords, 11u);
}

TEST_F(IncidentStreamTest, ThemeFilterSplitsOtherThemesFromUnknownCategories)
{
    auto o = options("mixed.csv", kMixedCsv);
    o.inPeriod = in2023;
    o.theme = "1.3"; // woninginbraak, by number
    pipeline::IncidentStream stream(o, m_reporter);
    const StreamRun r = readAll(stream);
    const auto& a = r.accounting;
    EXPECT_EQ(r.assignedRows, (std::vector<std::int64_t>{1}));
    EXPECT_EQ(a.otherTheme, 2u); // rows 3 and 11: vvc
    EXPECT_EQ(a.unknownCategory, 1u);
    EXPECT_EQ(a.outside, 1u); // row 7 is woninginbraak but outside: outside comes first
    EXPECT_TRUE(a.themeFiltered);
    EXPECT_TRUE(a.balanced());
    EXPECT_NE(pipeline::accountingLine(a).find(", 2 van een ander thema"), std::string::npos);
}

TEST_F(IncidentStreamTest, UnknownThemeAndMissingFieldsAreInputErrors)
{
    auto o = options("mixed.csv", kMixedCsv);
    o.theme = "fietsendiefstal";
    EXPECT_THROW(pipeline::IncidentStream(o, m_reporter), InputError);
    auto bare = options("bare.csv", "WKT,omschrijving_vrij\n\"POINT (155500 463500)\",x\n");
    bare.requireDate = true;
    EXPECT_THROW(pipeline::IncidentStream(bare, m_reporter), InputError);
    bare.requireDate = false;
    bare.requireCategory = true;
    EXPECT_THROW(pipeline::IncidentStream(bare, m_reporter), InputError);
    auto weighted = options("mixed.csv", kMixedCsv);
    weighted.weightField = "gewicht"; // not in the file
    EXPECT_THROW(pipeline::IncidentStream(weighted, m_reporter), InputError);
}

TEST_F(IncidentStreamTest, WithoutCategoryFieldNothingIsClassified)
{
    pipeline::IncidentStream stream(options("nocat.csv", "WKT,datum\n\"POINT (155500 463500)\",2023-05-01\n"
                                                         "\"POINT (156500 463500)\",2023-05-02\n"),
                                    m_reporter);
    EXPECT_FALSE(stream.classifies());
    const StreamRun r = readAll(stream);
    EXPECT_EQ(r.accounting.assigned, 2u);
    EXPECT_EQ(r.accounting.unknownCategory, 0u);
}

TEST_F(IncidentStreamTest, WeightsWithDecimalCommaAndCbsSentinels)
{
    auto o = options("weights.csv", "WKT,gewicht\n"
                                    "\"POINT (155500 463500)\",\"2,5\"\n"
                                    "\"POINT (155500 463500)\",0.25\n"
                                    "\"POINT (155500 463500)\",-99997\n"
                                    "\"POINT (155500 463500)\",\n"
                                    "\"POINT (155500 463500)\",veel\n"
                                    "\"POINT (155500 463500)\",-3\n");
    o.weightField = "gewicht";
    pipeline::IncidentStream stream(o, m_reporter);
    std::vector<double> weights;
    pipeline::Incident i;
    while (stream.next(i)) {
        weights.push_back(i.weight);
        stream.settle(i, true);
    }
    EXPECT_EQ(weights, (std::vector<double>{2.5, 0.25, -3.0}));
    const auto& a = stream.accounting();
    EXPECT_EQ(a.badWeight, 3u);
    EXPECT_EQ(a.assigned, 3u);
    EXPECT_TRUE(a.balanced());
    EXPECT_NE(pipeline::accountingLine(a).find(", 3 zonder geldig gewicht"), std::string::npos);
    ASSERT_EQ(examplesIn(a, RecordBucket::BadWeight), 3u);
    EXPECT_EQ(a.examples[0].value, "-99997");
    EXPECT_EQ(a.examples[1].reason, "geen gewicht");
    EXPECT_EQ(a.examples[2].value, "veel");
}

TEST_F(IncidentStreamTest, ExamplesAreBoundedPerBucket)
{
    std::string csv = "WKT,code,datum\n";
    for (int i = 0; i < 30; ++i) csv += "\"POINT (0 0)\",1.1.1,2023-05-01\n";
    for (int i = 0; i < 30; ++i) csv += "\"POINT (155500 463500)\",1.1.1,ooit\n";
    for (int i = 0; i < 1200; ++i) csv += "\"POINT (155500 463500)\",X" + std::to_string(i) + ",2023-05-01\n";
    pipeline::IncidentStream stream(options("many.csv", csv), m_reporter);
    const StreamRun r = readAll(stream, 1000);
    const auto& a = r.accounting;
    EXPECT_EQ(a.invalidGeometry, 30u);
    EXPECT_EQ(a.badDate, 30u);
    EXPECT_EQ(a.unknownCategory, 1200u);
    EXPECT_EQ(examplesIn(a, RecordBucket::InvalidGeometry), pipeline::RecordAccounting::kExamplesPerBucket);
    EXPECT_EQ(examplesIn(a, RecordBucket::BadDateUnparseable), pipeline::RecordAccounting::kExamplesPerBucket);
    EXPECT_EQ(examplesIn(a, RecordBucket::UnknownCategory), pipeline::RecordAccounting::kExamplesPerBucket);
    EXPECT_EQ(a.examples.size(), 3 * pipeline::RecordAccounting::kExamplesPerBucket);
    EXPECT_EQ(a.exampleRows.size(), pipeline::RecordAccounting::kExampleRows);
    EXPECT_EQ(a.exampleRows.front(), 1);
    // 1000 codes listed, the other 200 summed.
    EXPECT_EQ(a.unknownCodes.size(), 1001u);
    EXPECT_EQ(a.unknownCodes.at("(overige codes)"), 200u);
}

// A GeoPackage with OGR Date, DateTime, Integer and Real fields (ogr2ogr from a CSV with a
// .csvt): the stream reads them typed, and widens the start to the date-to field.
TEST_F(IncidentStreamTest, GeoPackageDateDateTimeIntegerAndRealFields)
{
    writeText(m_dir / "typed.csv", "code,datum,datum_tot,gewicht,x,y\n"
                                   "111,2023-05-01,2023-05-03 06:30:00,2.5,155500,463500\n"
                                   "111,2023-05-02,2023-05-02 12:00:00,-99997,155500,463500\n"
                                   "111,,2023-05-01 00:00:00,1,155500,463500\n"
                                   "111,2022-12-31,,4,0,0\n");
    writeText(m_dir / "typed.csvt", "Integer,Date,DateTime,Real,Real,Real\n");
    const auto gpkg = m_dir / "typed.gpkg";
    ogr2ogr(gpkg, m_dir / "typed.csv",
            "-f GPKG -nln typed -a_srs EPSG:28992 -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y");
    pipeline::IncidentStreamOptions o;
    o.source.path = gpkg.string();
    o.weightField = "gewicht";
    o.inPeriod = in2023;
    pipeline::IncidentStream stream(o, m_reporter);
    EXPECT_EQ(stream.fields().dateTo, "datum_tot");
    pipeline::Incident i;
    ASSERT_TRUE(stream.next(i));
    EXPECT_EQ(i.row, 1);
    ASSERT_TRUE(i.when);
    EXPECT_EQ(i.when->start, *makeLocalTime(2023, 5, 1));
    EXPECT_EQ(i.when->end, *makeLocalTime(2023, 5, 3, 6, 30));
    EXPECT_EQ(i.weight, 2.5);
    EXPECT_EQ(i.categoryKey, "111"); // an Integer code field keeps its digits
    EXPECT_FALSE(stream.next(i));
    const auto& a = stream.accounting();
    EXPECT_EQ(a.inputRecords, 4u);
    EXPECT_EQ(a.badWeight, 1u);          // -99997 in a Real field
    EXPECT_EQ(a.badDateUnparseable, 1u); // NULL date
    EXPECT_EQ(a.invalidGeometry, 1u);    // (0, 0) comes before its out-of-period date
    EXPECT_EQ(a.outOfPeriod(), 0u);
}

TEST(AccountingReport, LineWarningAndSummaryJson)
{
    pipeline::RecordAccounting a;
    a.inputRecords = 20;
    a.count(RecordBucket::InvalidGeometry, 3, "geometrie", "(0, 0)", "punt op (0, 0): niet gegeocodeerd");
    a.count(RecordBucket::BadDateUnparseable, 4, "datum", "31-02-2023", "onleesbare datum");
    a.count(RecordBucket::OutOfPeriod, 5, "datum", "2015-01-01", "buiten de perioden");
    for (int i = 0; i < 12; ++i) a.count(RecordBucket::Outside, 6 + i, "geometrie", "(1.0, 2.0)", "buiten de gebieden");
    a.count(RecordBucket::UnknownCategory, 18, "code", "9.9.9", "onbekende categorie");
    a.countUnknownCode("9.9.9");
    for (int i = 0; i < 4; ++i) a.count(RecordBucket::Assigned, 19 + i, "", "", "");
    ASSERT_TRUE(a.balanced());
    EXPECT_EQ(pipeline::accountingLine(a),
              "Registraties: 20 gelezen; 5 in een gebied (4 in een thema, 1 overig), 12 buiten de gebieden, 1 zonder "
              "geldige locatie, 2 met onleesbare datum of buiten de perioden");
    pipeline::CollectingReporter reporter;
    pipeline::reportAccounting(a, reporter, "EPSG:28992");
    ASSERT_EQ(reporter.infos.size(), 2u);
    EXPECT_EQ(reporter.infos[1], "Onbekende categorieën (overig): 9.9.9 (1x)");
    ASSERT_EQ(reporter.warnings.size(), 1u); // 12 of 17 located records outside: a CRS hint
    EXPECT_NE(reporter.warnings[0].find("12 van 17"), std::string::npos);

    nlohmann::ordered_json s;
    pipeline::writeAccountingJson(a, s);
    EXPECT_EQ(s["input_records"], 20);
    EXPECT_EQ(s["invalid_geometry"], 1);
    EXPECT_EQ(s["bad_date"], 2);
    EXPECT_EQ(s["bad_date_detail"]["unparseable"], 1);
    EXPECT_EQ(s["bad_date_detail"]["out_of_period"], 1);
    EXPECT_EQ(s["outside"], 12);
    EXPECT_EQ(s["unknown_category"], 1);
    EXPECT_EQ(s["other_theme"], 0);
    EXPECT_EQ(s["assigned"], 4);
    EXPECT_EQ(s["unknown_categories"]["9.9.9"], 1);
    EXPECT_EQ(s["example_problem_rows"], nlohmann::json::array({3, 4}));
    ASSERT_EQ(s["examples"].size(), 3u + pipeline::RecordAccounting::kExamplesPerBucket + 1u);
    EXPECT_EQ(s["examples"][0]["bucket"], "invalid_geometry");
    EXPECT_EQ(s["examples"][0]["row"], 3);
    EXPECT_EQ(s["examples"][1]["field"], "datum");
    EXPECT_EQ(s["examples"][1]["value"], "31-02-2023");
    EXPECT_EQ(s["examples"][2]["reason"], "buiten de perioden");
}

TEST(AccountingReport, MostRecordsInOneBucketWarnWithFieldExamplesAndReason)
{
    pipeline::RecordAccounting a;
    a.inputRecords = 10;
    const char* const dates[] = {"20170920173060", "2017-13-01", "ooit", "gisteren"};
    for (int i = 0; i < 4; ++i)
        a.count(RecordBucket::BadDateUnparseable, 2 + i, "b_datum", dates[i], "onleesbare datum");
    a.count(RecordBucket::OutOfPeriod, 7, "b_datum", "2015-01-01", "buiten de perioden");
    a.count(RecordBucket::BadDateUnparseable, 8, "b_datum", "x", "onleesbare datum");
    for (int i = 0; i < 4; ++i) a.count(RecordBucket::Assigned, 9 + i, "", "", "");
    ASSERT_TRUE(a.balanced());
    pipeline::CollectingReporter reporter;
    pipeline::reportAccounting(a, reporter, "EPSG:28992");
    ASSERT_EQ(reporter.warnings.size(), 1u);
    EXPECT_EQ(reporter.warnings[0], "6 van 10 registraties met onleesbare datum of buiten de perioden: veld 'b_datum', "
                                    "bijv. rij 2 '20170920173060' (onleesbare datum), rij 3 '2017-13-01' (onleesbare "
                                    "datum), rij 4 'ooit' (onleesbare datum)");
    // Half is not most: no warning.
    pipeline::RecordAccounting half;
    half.inputRecords = 2;
    half.count(RecordBucket::InvalidGeometry, 1, "geometrie", "(0, 0)", "punt op (0, 0): niet gegeocodeerd");
    half.count(RecordBucket::Assigned, 2, "", "", "");
    pipeline::CollectingReporter quiet;
    pipeline::reportAccounting(half, quiet, "EPSG:28992");
    EXPECT_TRUE(quiet.warnings.empty());
}

// BVH-style fields: compact begin/end stamps (second 60), separate date and time columns, an
// interval that ends before it begins (its own bucket), the fields used printed.
TEST_F(IncidentStreamTest, SeparateTimeColumnsAndIntervalsEndingBeforeTheyBegin)
{
    writeText(m_dir / "bvh.csv", "incidentcode,begindatum,begintijd,einddatum,eindtijd,x,y\n"
                                 "A72,01-05-2023,13:45,01-05-2023,15:45,155500,463500\n"
                                 "A72,20230502,,,,155500,463500\n"
                                 "A72,2023-05-03,0930,2023-05-02,,155500,463500\n"
                                 "A20,20230504173060,,20230504183000,,155500,463500\n");
    pipeline::IncidentStreamOptions o;
    o.source.path = (m_dir / "bvh.csv").string();
    o.source.assumeCrs = "EPSG:28992";
    o.inPeriod = in2023;
    pipeline::IncidentStream stream(o, m_reporter);
    EXPECT_EQ(stream.fields().category, "incidentcode");
    EXPECT_EQ(stream.fields().date, "begindatum");
    EXPECT_EQ(stream.fields().time, "begintijd");
    EXPECT_EQ(stream.fields().dateTo, "einddatum");
    EXPECT_EQ(stream.fields().timeTo, "eindtijd");
    ASSERT_FALSE(m_reporter.infos.empty());
    EXPECT_EQ(m_reporter.infos.front(), "Velden van de registraties: categorie 'incidentcode', datum 'begindatum', "
                                        "tijd 'begintijd', datum tot 'einddatum', tijd tot 'eindtijd'");
    pipeline::Incident i;
    ASSERT_TRUE(stream.next(i));
    EXPECT_EQ(i.when->start, *makeLocalTime(2023, 5, 1, 13, 45));
    EXPECT_EQ(i.when->end, *makeLocalTime(2023, 5, 1, 15, 45));
    ASSERT_TRUE(stream.next(i)); // a date without time: the whole day
    EXPECT_EQ(i.when->start, *makeLocalTime(2023, 5, 2));
    EXPECT_EQ(i.when->end, *makeLocalTime(2023, 5, 3));
    ASSERT_TRUE(stream.next(i)); // row 3 ends before it begins: skipped, row 4
    EXPECT_EQ(i.row, 4);
    EXPECT_EQ(i.when->start, *makeLocalTime(2023, 5, 4, 17, 30, 59));
    EXPECT_EQ(i.when->end, *makeLocalTime(2023, 5, 4, 18, 30));
    EXPECT_FALSE(stream.next(i));
    const auto& a = stream.accounting();
    EXPECT_EQ(a.badDateReversed, 1u);
    EXPECT_EQ(a.badDate, 1u);
    EXPECT_EQ(a.outOfPeriod(), 0u);
    EXPECT_TRUE(stream.hasTimeOfDay());
    EXPECT_TRUE(stream.hasSubYearDates());
    ASSERT_FALSE(a.examples.empty());
    EXPECT_EQ(a.examples.front().reason, "einde voor het begin");
    EXPECT_EQ(a.examples.front().row, 3);
}

// Dates only (no time of day), years only, a header without records.
TEST_F(IncidentStreamTest, DatesWithoutTimeYearsOnlyAndAHeaderOnlyFile)
{
    // The English texts (GEBIEDSCAN_LANG=en); the Dutch ones are checked in BilingualErrors (test_app).
    const ScopedTextLanguage english(TextLanguage::English);
    writeText(m_dir / "dagen.csv", "datum,x,y\n2023-05-01,155500,463500\n2023-05-02 00:00,155500,463500\n");
    writeText(m_dir / "jaren.csv", "jaar_vkl,x,y\n2023,155500,463500\n2023,155500,463500\n");
    writeText(m_dir / "leeg.csv", "datum,x,y\n");
    const auto read = [&](const char* name) {
        pipeline::IncidentStreamOptions o;
        o.source.path = (m_dir / name).string();
        o.source.assumeCrs = "EPSG:28992";
        auto stream = std::make_unique<pipeline::IncidentStream>(o, m_reporter);
        pipeline::Incident i;
        while (stream->next(i)) {}
        return stream;
    };
    const auto days = read("dagen.csv");
    EXPECT_EQ(days->accounting().inputRecords, 2u);
    EXPECT_FALSE(days->hasTimeOfDay());
    EXPECT_TRUE(days->hasSubYearDates());
    const auto years = read("jaren.csv");
    EXPECT_FALSE(years->hasTimeOfDay());
    EXPECT_FALSE(years->hasSubYearDates());
    try {
        (void)read("leeg.csv");
        FAIL() << "a header-only file must not scan as zeros";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("no records to read"), std::string::npos) << e.what();
    }
}

// A GeoPackage of 300,000 rows (five chunks of 65,536, more than the 262,144 from which it is
// read in two parts) gives, read by two threads, exactly what one thread gives: the records in
// file order with their rows, every bucket, the first examples and example rows, the first three
// points outside the working CRS's area of use; the pass that counts the dates per year first
// (periods detected) too. The bad records sit on both sides of the chunk
// borders, more of them than the examples keep.
TEST_F(IncidentStreamTest, TwoReadingThreadsGiveWhatOneGives)
{
    std::string csv = "WKT,code,datum\n";
    const std::vector<int> badDates = {3, 65535, 65536, 65537, 70000, 131072, 131073, 196608, 200000, 262144,
                                       262145, 299999, 300000, 7, 100000, 150000, 250000, 260000, 120000,
                                       180000, 240000, 280000, 290000};
    const std::vector<int> farAway = {250001, 131074, 65538, 196609}; // outside the Netherlands' envelope
    for (int row = 1; row <= 300000; ++row) {
        const bool bad = std::find(badDates.begin(), badDates.end(), row) != badDates.end();
        const bool far = std::find(farAway.begin(), farAway.end(), row) != farAway.end();
        const int x = far ? 900000 : 155000 + row % 2000, y = 463000 + row % 1000;
        csv += fmt::format("\"POINT ({} {})\",{},{}\n", x, y, row % 7 == 0 ? "9.9.9" : "1.1.1",
                           bad ? "31-02-2023" : fmt::format("2023-{:02d}-{:02d}T{:02d}:00:00", 1 + row % 12,
                                                             1 + row % 28, row % 24));
    }
    writeText(m_dir / "many.csv", csv);
    const auto gpkg = m_dir / "many.gpkg";
    ogr2ogr(gpkg, m_dir / "many.csv", "-f GPKG -nln many -a_srs EPSG:28992 -oo GEOM_POSSIBLE_NAMES=WKT");

    struct Read {
        std::size_t threads = 0;
        std::vector<pipeline::Incident> incidents;
        StreamRun run;
        std::vector<std::string> warnings;
        bool timeOfDay = false;
        std::map<int, std::uint64_t> perYear;
    };
    const auto readWith = [&](unsigned threads) {
        pipeline::IncidentStreamOptions o;
        o.source.path = gpkg.string();
        o.threads = threads;
        pipeline::CollectingReporter reporter;
        pipeline::IncidentStream stream(o, reporter);
        Read r;
        r.perYear = stream.datesPerYear(); // a pass of its own (periods detected), in parts too
        const PointLocator locator = twoSquares();
        std::vector<pipeline::Incident> batch;
        while (stream.nextBatch(batch, 10000) > 0)
            for (const auto& i : batch) {
                r.incidents.push_back(i);
                const auto fate = stream.settle(i, locator.locate(i.point) >= 0);
                if (fate == IncidentFate::Assigned) r.run.assignedRows.push_back(i.row);
                if (fate == IncidentFate::UnknownCategory) r.run.unknownRows.push_back(i.row);
            }
        r.threads = stream.readingThreads();
        r.run.accounting = stream.accounting();
        r.warnings = reporter.warnings;
        r.timeOfDay = stream.hasTimeOfDay();
        return r;
    };
    const Read one = readWith(1), two = readWith(2);
    EXPECT_EQ(one.threads, 1u);
    ASSERT_EQ(two.threads, 2u);

    const auto& a = one.run.accounting;
    EXPECT_EQ(a.inputRecords, 300000u);
    EXPECT_EQ(a.badDateUnparseable, badDates.size());
    ASSERT_EQ(one.incidents.size(), 300000u - badDates.size());
    ASSERT_EQ(two.incidents.size(), one.incidents.size());
    for (std::size_t k = 0; k < one.incidents.size(); ++k) {
        const auto &x = one.incidents[k], &y = two.incidents[k];
        ASSERT_EQ(x.row, y.row) << "record " << k;
        ASSERT_EQ(x.point.x, y.point.x) << "row " << x.row;
        ASSERT_EQ(x.point.y, y.point.y) << "row " << x.row;
        ASSERT_EQ(x.when->start.seconds, y.when->start.seconds) << "row " << x.row;
        ASSERT_EQ(x.category, y.category) << "row " << x.row;
    }
    EXPECT_EQ(one.run.assignedRows, two.run.assignedRows);
    EXPECT_EQ(one.run.unknownRows, two.run.unknownRows);
    const auto& b = two.run.accounting;
    EXPECT_EQ(b.inputRecords, a.inputRecords);
    EXPECT_EQ(b.badDate, a.badDate);
    EXPECT_EQ(b.badDateUnparseable, a.badDateUnparseable);
    EXPECT_EQ(b.outside, a.outside);
    EXPECT_EQ(b.unknownCategory, a.unknownCategory);
    EXPECT_EQ(b.assigned, a.assigned);
    EXPECT_TRUE(b.balanced());
    // The first 20 bad rows in file order, as one reader keeps them.
    std::vector<std::int64_t> firstBad(badDates.begin(), badDates.end());
    std::sort(firstBad.begin(), firstBad.end());
    firstBad.resize(pipeline::RecordAccounting::kExampleRows);
    EXPECT_EQ(a.exampleRows, firstBad);
    EXPECT_EQ(b.exampleRows, firstBad);
    ASSERT_EQ(b.examples.size(), a.examples.size());
    for (std::size_t k = 0; k < a.examples.size(); ++k) {
        EXPECT_EQ(b.examples[k].bucket, a.examples[k].bucket);
        EXPECT_EQ(b.examples[k].row, a.examples[k].row);
        EXPECT_EQ(b.examples[k].value, a.examples[k].value);
    }
    EXPECT_EQ(examplesIn(b, RecordBucket::BadDateUnparseable), pipeline::RecordAccounting::kExamplesPerBucket);
    EXPECT_EQ(two.warnings, one.warnings);
    ASSERT_EQ(one.warnings.size(), 1u);
    EXPECT_NE(one.warnings[0].find("4 van 300000"), std::string::npos) << one.warnings[0];
    EXPECT_NE(one.warnings[0].find("rij 65538 (900000, "), std::string::npos) << one.warnings[0];
    EXPECT_EQ(one.warnings[0].find("rij 250001"), std::string::npos) << one.warnings[0]; // the fourth by row
    EXPECT_TRUE(one.timeOfDay);
    EXPECT_TRUE(two.timeOfDay);
    const std::map<int, std::uint64_t> readable{{2023, 300000 - badDates.size()}};
    EXPECT_EQ(one.perYear, readable);
    EXPECT_EQ(two.perYear, readable);
}
