// The identify sheet at the window's default size: every theme name of the standard model is
// readable in full (wrapped, never cut to "1.1 Ove..."), and the sheet still fits its panel
// without scrolling sideways.
#include "area_sheet_model.hpp"
#include "main_window.hpp"

#include "gebiedscan/gis/table_writer.hpp"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFontMetrics>
#include <QHeaderView>
#include <QScrollBar>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace gebiedscan;
using namespace gebiedscan::viewer;

namespace {

struct Theme {
    const char *id, *number, *label;
};
// The longest names of the standard gebiedscan model (data/model).
const Theme kThemes[] = {{"overlast", "1.1", "Overlast en verloedering"},
                         {"vvc", "1.2", "Veelvoorkomende criminaliteit"},
                         {"winkels_bedrijven", "2.2", "Winkelcentra en bedrijventerreinen"},
                         {"school", "3.4", "Veilig in en om de school"},
                         {"georganiseerd", "5.2", "Georganiseerde criminaliteit"}};

// One buurt with every column of the sheet filled for each theme (the widest sheet there is).
QString writeScan(const QTemporaryDir& dir)
{
    using T = gis::Column::Type;
    gis::Table areas;
    areas.name = "areas";
    areas.columns = {{"code", T::String, ""},
                     {"name", T::String, ""},
                     {"level", T::String, ""},
                     {"population", T::Integer, ""},
                     {"n_total", T::Integer, ""}};
    std::vector<gis::Value> row{std::string("BU01060203"), std::string("Zwarte Water"), std::string("buurt"),
                                std::int64_t{1235}, std::int64_t{5000}};
    for (const auto& t : kThemes) {
        const std::string id = t.id;
        for (const auto& [prefix, type] : std::vector<std::pair<std::string, T>>{{"n_", T::Integer},
                                                                                 {"exp_", T::Real},
                                                                                 {"chg_", T::Real},
                                                                                 {"p_", T::Real},
                                                                                 {"rank_", T::Integer},
                                                                                 {"trend_", T::String}})
            areas.columns.push_back({prefix + id, type, ""});
        row.insert(row.end(),
                   {std::int64_t{1000}, 812.5, 23.1, 0.004, std::int64_t{12}, std::string("intensiverende hotspot")});
    }
    areas.rows = {row};
    gis::FeatureGeometry g;
    g.kind = gis::FeatureGeometry::Kind::Polygon;
    g.polygons = {
        Polygon{{{{200000, 500000}, {201000, 500000}, {201000, 501000}, {200000, 501000}, {200000, 500000}}}}};
    areas.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    areas.geometries = {g};
    gis::writeGeoPackage(QDir(dir.path()).filePath(QStringLiteral("gebiedscan.gpkg")).toStdString(), {areas}, {});
    QString themes;
    for (const auto& t : kThemes)
        themes += QStringLiteral(R"({"id": "%1", "number": "%2", "veld": %3, "label": "%4"},)")
                      .arg(QString::fromLatin1(t.id), QString::fromLatin1(t.number), QString(QChar(t.number[0])),
                           QString::fromUtf8(t.label));
    themes.chop(1);
    QFile f(QDir(dir.path()).filePath(QStringLiteral("summary.json")));
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(QStringLiteral(R"({"themes": [%1]})").arg(themes).toUtf8());
    return dir.path();
}

} // namespace

TEST(SheetLayout, ThemeNamesAreReadableInFullAtTheDefaultSize)
{
    QTemporaryDir dir;
    ASSERT_FALSE(writeScan(dir).isEmpty());
    MainWindow w; // the default size (1400 x 900)
    ASSERT_TRUE(w.openPath(dir.path(), true));
    w.show();
    ASSERT_TRUE(w.identifyAt({200500, 500500}));
    QApplication::processEvents();
    QTableView* view = w.sheetView();
    const auto* model = w.sheet();
    EXPECT_EQ(view->horizontalScrollBar()->maximum(), 0) << "the sheet scrolls sideways";
    const QFontMetrics fm(view->font());
    int checked = 0;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->isGroupRow(r) || model->isTotalRow(r)) continue;
        const QString name = model->index(r, AreaSheetModel::Theme).data().toString();
        // The text rectangle the delegate gets: the cell less its margins.
        const QRect cell = view->visualRect(model->index(r, AreaSheetModel::Theme));
        const int margin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
        const QRect text = cell.adjusted(margin, 0, -margin, 0);
        // No word is wider than the column (no word is broken or cut), and the wrapped name fits
        // the row's height: nothing is elided.
        for (const auto& word : name.split(QLatin1Char(' ')))
            EXPECT_LE(fm.horizontalAdvance(word), text.width())
                << name.toStdString() << ": '" << word.toStdString() << "' in " << text.width() << " px";
        if (view->wordWrap()) {
            const QRect wrapped = fm.boundingRect(QRect(0, 0, text.width(), 10000), Qt::TextWordWrap, name);
            EXPECT_LE(wrapped.height(), cell.height())
                << name.toStdString() << " in a row of " << cell.height() << " px";
        } else { // one line: it must fit whole
            EXPECT_LE(fm.horizontalAdvance(name), text.width())
                << name.toStdString() << " cut to " << text.width() << " px";
        }
        ++checked;
    }
    EXPECT_EQ(checked, 5);
    // The word columns keep their words whole too.
    for (int c : {int(AreaSheetModel::Significance), int(AreaSheetModel::Trend)}) {
        ASSERT_FALSE(view->isColumnHidden(c));
        const QString text = model->index(model->rowCount() > 1 ? 1 : 0, c).data().toString();
        for (const auto& word : text.split(QLatin1Char(' ')))
            EXPECT_LE(fm.horizontalAdvance(word), view->columnWidth(c) - 4) << text.toStdString();
    }
}
