// A scan with a survey (scan --survey) in the viewer: one quadrant map per survey indicator
// (the indicator box and --indicator kwadrant:ID), and the survey's AOL candidates
// (aol_survey = 1) among the AOL suggestions, once per survey area.
#include "aol_model.hpp"
#include "layer_list_model.hpp"
#include "main_window.hpp"
#include "scan_fixture.hpp"
#include "viewer_cli.hpp"

#include "gebiedscan/gis/table_writer.hpp"

#include <QComboBox>
#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace gebiedscan;
using namespace gebiedscan::viewer;
using gebiedscan::viewer::test::cell;

namespace {

const char* const kBoth = "objectief hoog, subjectief hoog";
const char* const kNone = "niet te onderscheiden";
const char* const kNoMargin = "geen marge"; // a score without margin, not classified (scan --survey)

// Buurten BU1, BU2 in wijk WK1 and BU3 in WK2, beside a wijk survey of two indicators. WK1 is
// high on both for onveilig_pct (an AOL candidate, marked on its two buurten); for
// overlast_schaal nobody is, and BU3's score has no margin ("geen marge"). The wijken layer carries the survey's own values.
QString writeSurveyScan(const QTemporaryDir& dir)
{
    using T = gis::Column::Type;
    const auto s = [](const char* t) { return gis::Value{std::string(t)}; };
    const auto i = [](std::int64_t v) { return gis::Value{v}; };
    const std::vector<gis::Column> columns{{"code", T::String, ""},
                                           {"name", T::String, ""},
                                           {"level", T::String, ""},
                                           {"n_total", T::Integer, ""},
                                           {"n_woninginbraak", T::Integer, ""},
                                           {"survey_niveau", T::String, ""},
                                           {"survey_code", T::String, ""},
                                           {"kwadrant_onveilig_pct", T::String, ""},
                                           {"kwadrant_overlast_schaal", T::String, ""},
                                           {"aol_survey", T::Integer, ""}};
    gis::Table buurten;
    buurten.name = "areas";
    buurten.columns = columns;
    buurten.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    buurten.rows = {{s("BU1"), s("Een"), s("buurt"), i(40), i(4), s("wijk"), s("WK1"), s(kBoth), s(kNone), i(1)},
                    {s("BU2"), s("Twee"), s("buurt"), i(30), i(3), s("wijk"), s("WK1"), s(kBoth), s(kNone), i(1)},
                    {s("BU3"), s("Drie"), s("buurt"), i(90), i(9), s("wijk"), s("WK2"), s(kNone), s(kNoMargin), i(0)}};
    buurten.geometries = {cell(200000, 500000), cell(200500, 500000), cell(201000, 500000)};
    gis::Table wijken;
    wijken.name = "areas_wijk";
    wijken.columns = columns;
    wijken.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    wijken.rows = {{s("WK1"), s("Centrum"), s("wijk"), i(70), i(7), s("wijk"), s("WK1"), s(kBoth), s(kNone), i(1)},
                   {s("WK2"), s("Noord"), s("wijk"), i(90), i(9), s("wijk"), s("WK2"), s(kNone), s(kNone), i(0)}};
    gis::FeatureGeometry wk1;
    wk1.kind = gis::FeatureGeometry::Kind::Polygon;
    wk1.polygons = {
        Polygon{{{{200000, 500000}, {201000, 500000}, {201000, 500500}, {200000, 500500}, {200000, 500000}}}}};
    wijken.geometries = {wk1, cell(201000, 500000)};
    gis::writeGeoPackage(QDir(dir.path()).filePath(QStringLiteral("gebiedscan.gpkg")).toStdString(), {buurten, wijken},
                         {});
    return dir.path();
}

QStringList surveyItems(const MainWindow& w)
{
    const auto box = w.findChildren<QComboBox*>();
    QStringList out;
    for (auto* b : box)
        for (int k = 0; k < b->count(); ++k)
            if (b->itemData(k).toString().startsWith(QLatin1String("kwadrant"))) out << b->itemData(k).toString();
    return out;
}

} // namespace

TEST(SurveyIndicators, OneQuadrantMapPerSurveyIndicator)
{
    QTemporaryDir dir;
    ASSERT_FALSE(writeSurveyScan(dir).isEmpty());
    MainWindow w;
    ASSERT_TRUE(w.openPath(dir.path(), true));
    EXPECT_EQ(w.project().surveyIndicators(), (QStringList{"onveilig_pct", "overlast_schaal"}));
    EXPECT_EQ(surveyItems(w), (QStringList{"kwadrant:onveilig_pct", "kwadrant:overlast_schaal"}));
    const int row = w.project().areaRow();
    ASSERT_GE(row, 0);
    ASSERT_TRUE(w.setIndicator(QStringLiteral("kwadrant:overlast_schaal")));
    EXPECT_EQ(w.layers()->style(row).mode, StyleMode::SurveyQuadrant);
    EXPECT_EQ(w.layers()->style(row).field, QStringLiteral("kwadrant_overlast_schaal"));
    ASSERT_TRUE(w.setIndicator(QStringLiteral("kwadrant:onveilig_pct")));
    EXPECT_EQ(w.layers()->style(row).field, QStringLiteral("kwadrant_onveilig_pct"));
    // Plain "kwadrant": the first indicator; an unknown one is refused.
    ASSERT_TRUE(w.setIndicator(QStringLiteral("n")));
    ASSERT_TRUE(w.setIndicator(QStringLiteral("kwadrant")));
    EXPECT_EQ(w.layers()->style(row).field, QStringLiteral("kwadrant_onveilig_pct"));
    EXPECT_FALSE(w.setIndicator(QStringLiteral("kwadrant:veilig_pct")));
    // The wijk level has the survey's own columns, the same two maps.
    ASSERT_TRUE(w.setLevel(QStringLiteral("wijk")));
    EXPECT_EQ(surveyItems(w), (QStringList{"kwadrant:onveilig_pct", "kwadrant:overlast_schaal"}));
}

TEST(SurveyIndicators, CommandLineNamesTheIndicator)
{
    QString error;
    const auto o = parseViewerArguments(
        {QStringLiteral("scan"), QStringLiteral("--indicator"), QStringLiteral("kwadrant:overlast_schaal")}, &error);
    ASSERT_TRUE(o) << error.toStdString();
    EXPECT_EQ(o->indicator, QStringLiteral("kwadrant:overlast_schaal"));
    EXPECT_FALSE(parseViewerArguments(
        {QStringLiteral("scan"), QStringLiteral("--indicator"), QStringLiteral("kwadrant:")}, &error));
    EXPECT_TRUE(usageText(QStringLiteral("nl")).contains(QStringLiteral("kwadrant:IND")));
}

TEST(SurveyIndicators, SurveyAolCandidatesAreSuggestedOncePerSurveyArea)
{
    QTemporaryDir dir;
    ASSERT_FALSE(writeSurveyScan(dir).isEmpty());
    MainWindow w;
    ASSERT_TRUE(w.openPath(dir.path(), true));
    // No hot spots or black spots: the areas with most registrations (3), then the survey's
    // candidate WK1 once, though both its buurten carry the mark.
    EXPECT_EQ(w.suggestAol(5), 4);
    const auto& c = w.aol()->candidates();
    ASSERT_EQ(c.size(), 4u);
    const AolCandidate& survey = c.back();
    EXPECT_EQ(survey.area, QStringLiteral("WK1 Centrum"));
    EXPECT_TRUE(survey.reason.contains(QStringLiteral("onveilig_pct"))) << survey.reason.toStdString();
    EXPECT_FALSE(survey.reason.contains(QStringLiteral("overlast_schaal"))) << survey.reason.toStdString();
    // Placed in the wijk itself (its label point), not in one of its buurten.
    EXPECT_NEAR(survey.position.y, 500250, 1);
    EXPECT_GT(survey.position.x, 200000);
    EXPECT_LT(survey.position.x, 201000);
    // Asked again: already listed, not added twice.
    const int again = w.suggestAol(5);
    int surveyed = 0;
    for (const auto& k : w.aol()->candidates()) surveyed += k.area == u"WK1 Centrum" ? 1 : 0;
    EXPECT_EQ(surveyed, 1) << again;
}

// "geen marge" is a class of its own on the quadrant map: its own grey, its own legend line, and
// no line where no area has it.
TEST(SurveyIndicators, ScoreWithoutMarginIsItsOwnClass)
{
    QTemporaryDir dir;
    ASSERT_FALSE(writeSurveyScan(dir).isEmpty());
    MainWindow w;
    ASSERT_TRUE(w.openPath(dir.path(), true));
    const int row = w.project().areaRow();
    ASSERT_GE(row, 0);
    const auto legendHas = [&](const QString& prefix) {
        for (const auto& e : w.layers()->symbology(row).legend.entries)
            if (e.label.startsWith(prefix)) return e.label;
        return QString();
    };
    ASSERT_TRUE(w.setIndicator(QStringLiteral("kwadrant:overlast_schaal")));
    const auto& sym = w.layers()->symbology(row);
    ASSERT_EQ(sym.fill.size(), 3u);
    EXPECT_EQ(sym.fill[2], 0xffdcdcdcu) << "BU3: geen marge";
    EXPECT_EQ(sym.fill[0], 0xffeeeeeeu) << "BU1: niet te onderscheiden";
    EXPECT_FALSE(sym.hatched[2]) << "not 'no survey figure'";
    EXPECT_EQ(legendHas(QStringLiteral("geen marge")), QStringLiteral("geen marge  (1)"));
    EXPECT_EQ(legendHas(QStringLiteral("niet te onderscheiden")), QStringLiteral("niet te onderscheiden  (2)"));
    ASSERT_TRUE(w.setIndicator(QStringLiteral("kwadrant:onveilig_pct")));
    EXPECT_TRUE(legendHas(QStringLiteral("geen marge")).isEmpty());
}
