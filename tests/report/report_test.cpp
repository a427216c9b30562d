// gebiedscan report on a real scan folder: the 46 CBS buurten of Meppel (wijken and the gemeente
// above them) with seeded synthetic registrations that carry a time of day, scanned and written
// by the pipeline as `gebiedscan scan` does (extern: protected). The PDF is read back with
// pdftotext (poppler-utils), the HTML as text.
// The pipeline first: its ScanResult has a member named `slots`, a macro once Qt is included.
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/pipeline/export_job.hpp"
#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"
#include "gebiedscan/pipeline/scan_writer.hpp"
#include "gebiedscan_build_paths.hpp"

#include "commands.hpp"
#include "report_charts.hpp"
#include "report_document.hpp"
#include "report_writer.hpp"

#include "layer_style.hpp"

#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <clocale>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <regex>
#include <sstream>
#include <vector>

using namespace gebiedscan;
using namespace gebiedscan::pipeline;
namespace fs = std::filesystem;

namespace {

const fs::path kBuurten = GEBIEDSCAN_SOURCE_DIR "/data/open/drenthe-buurten-2024.geojson";

// Uniform over Meppel's extent (RD New), police crime codes from common to rare, 2021-2024 with
// an hour (evenings busier), so the hour-of-week table has times of day.
void writeIncidents(const fs::path& file, int n)
{
    std::ofstream os(file);
    os << "x,y,code,datum\n";
    std::mt19937 rng(20240607);
    std::uniform_real_distribution<double> x(204503, 215803), y(520420, 532038);
    const std::vector<std::pair<const char*, double>> codes = {
        {"2.2.1", 20}, {"1.2.3", 15}, {"1.4.5", 10}, {"1.1.1", 8}, {"2.5.2", 8}, {"3.1.1", 3},
        {"1.4.1", 2},  {"1.3.1", 6},  {"9.9.9", 1},  {"1.2.1", 5}, {"3.5.2", 4}, {"1.4.3", 3}};
    std::vector<double> weights;
    for (const auto& c : codes) weights.push_back(c.second);
    std::discrete_distribution<std::size_t> code(weights.begin(), weights.end());
    std::uniform_int_distribution<int> year(2021, 2024), month(1, 12), day(1, 28);
    std::discrete_distribution<int> hour({1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 5, 6, 6, 5, 3, 2});
    for (int i = 0; i < n; ++i) {
        char date[32];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d %02d:30", year(rng), month(rng), day(rng), hour(rng));
        os << std::fixed << x(rng) << ',' << y(rng) << ',' << codes[code(rng)].first << ',' << date << '\n';
    }
}

std::string readText(const fs::path& p)
{
    std::ifstream is(p, std::ios::binary);
    std::ostringstream ss;
    ss << is.rdbuf();
    return ss.str();
}

// pdftotext -layout of the whole PDF; pages are separated by form feeds.
std::string pdfText(const fs::path& pdf, bool layout = true)
{
    const fs::path txt = pdf.string() + ".txt";
    const std::string cmd =
        std::string("pdftotext ") + (layout ? "-layout '" : "'") + pdf.string() + "' '" + txt.string() + "'";
    if (std::system(cmd.c_str()) != 0) return {};
    return readText(txt);
}

std::vector<std::string> pages(const std::string& text)
{
    std::vector<std::string> out;
    std::string page;
    for (char ch : text) {
        if (ch == '\f') {
            out.push_back(page);
            page.clear();
        } else {
            page += ch;
        }
    }
    if (!page.empty()) out.push_back(page);
    return out;
}

// pdftotext's text on one line, its "fi" ligature spelled out.
std::string flatten(const std::string& text)
{
    return std::regex_replace(std::regex_replace(text, std::regex("\xEF\xAC\x81"), "fi"), std::regex("\\s+"), " ");
}

// Dutch grouping written out by hand (not through QLocale, which the report uses): 12345 -> 12.345.
std::string dutchInteger(long long v)
{
    std::string s = std::to_string(v), out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && (s.size() - i) % 3 == 0) out += '.';
        out += s[i];
    }
    return out;
}

// The summary: from its page up to the first area sheet (whose map is "Hotspots in en rond ..."),
// which may start on the summary's last page.
std::string summaryPages(const std::vector<std::string>& ps)
{
    std::string out;
    for (std::size_t i = 1; i < ps.size(); ++i) {
        const auto sheet = ps[i].find("Hotspots in en rond");
        out += ps[i].substr(0, sheet);
        if (sheet != std::string::npos) break;
    }
    return out;
}

// summary.json's suppression.hot_times of a folder (undefined when absent).
QJsonValue hotTimesContract(const fs::path& folder)
{
    QFile f(QString::fromStdString((folder / "summary.json").string()));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object().value("suppression").toObject().value("hot_times");
}

class ReportTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (!fs::exists(kBuurten)) return;
        dir = fs::temp_directory_path() / ("gebiedscan_report_" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        writeIncidents(dir / "synthetische_registraties.csv", 12000);
        options.incidents.path = (dir / "synthetische_registraties.csv").string();
        options.incidents.xField = "x";
        options.incidents.yField = "y";
        options.incidents.assumeCrs = "EPSG:28992";
        options.categoryField = "code";
        options.dateField = "datum";
        options.areas.path = kBuurten.string();
        options.areas.attributeFilter = "gemeentecode = 'GM0119'";
        options.areaFields.parentCodes = {"wijkcode", "gemeentecode"};
        options.areaFields.parentNames = {"wijknaam", "gemeentenaam"};
        options.year = 2024;
        options.permutations = 0;
        options.outDir = dir / "scan";
        CollectingReporter reporter;
        result = runScan(options, reporter);
        writeScanOutputs(*result, options);

        report::ReportOptions o;
        o.scanFolder = QString::fromStdString(options.outDir.string());
        o.pdf = QString::fromStdString((dir / "analyse.pdf").string());
        written = report::writeReport(o, reporter);
        text = pdfText(dir / "analyse.pdf");
        html = readText(dir / "analyse.html");
    }
    static void TearDownTestSuite()
    {
        result.reset();
        if (!dir.empty()) fs::remove_all(dir);
    }
    void SetUp() override
    {
        if (!result) GTEST_SKIP() << kBuurten << " is not there";
        if (text.empty()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    }

    /// The page holding a sheet's heading (the first page containing `title` after the summary).
    static std::string sheetPage(const std::string& title)
    {
        const auto ps = pages(text);
        for (std::size_t i = 2; i < ps.size(); ++i)
            if (ps[i].find(title) != std::string::npos) return ps[i] + (i + 1 < ps.size() ? ps[i + 1] : "");
        return {};
    }

    static inline fs::path dir;
    static inline ScanOptions options;
    static inline std::unique_ptr<const ScanResult> result;
    static inline report::ReportResult written;
    static inline std::string text, html;
};

} // namespace

TEST_F(ReportTest, PdfHasCoverSummarySheetPerWijkAndMethods)
{
    // Meppel has 46 buurten in its wijken; the default sheet level is wijk.
    const auto& levels = result->areas.levels;
    ASSERT_GE(levels.size(), 3u);
    const std::size_t wijken = levels[1].size();
    EXPECT_EQ(written.level, "wijk");
    EXPECT_EQ(written.sheets, static_cast<int>(wijken));
    const auto ps = pages(text);
    // Cover, summary (with its map), at least one page per sheet, methods.
    EXPECT_EQ(static_cast<int>(ps.size()), written.pages);
    EXPECT_GE(ps.size(), 3 + wijken);
    EXPECT_NE(ps[0].find("Veiligheidsanalyse"), std::string::npos);
    EXPECT_NE(ps[0].find("Meppel"), std::string::npos);
    EXPECT_NE(ps[0].find("Referentieperiode"), std::string::npos);
    EXPECT_NE(ps[0].find("2021, 2022, 2023"), std::string::npos);
    EXPECT_NE(ps[0].find("Geheimhouding"), std::string::npos);
    EXPECT_NE(ps[1].find("Samenvatting"), std::string::npos);
    EXPECT_NE(ps[1].find("De grootste aantallen"), std::string::npos);
    EXPECT_NE(text.find("Verantwoording van de registraties"), std::string::npos);
    // Every sheet by veiligheidsveld.
    for (const char* veld : {"1. Veilige woon- en leefomgeving", "2. Bedrijvigheid en veiligheid",
                             "3. Jeugd en veiligheid", "4. Fysieke veiligheid", "5. Integriteit en veiligheid"})
        EXPECT_NE(text.find(veld), std::string::npos) << veld;
    for (std::size_t w = 0; w < wijken; ++w) EXPECT_NE(text.find(levels[1].codes[w]), std::string::npos);
    // The registrations carry a time of day, but outside the police the hour-of-week table is
    // published per gemeente at most (issue 13; summary.json suppression.hot_times says which form
    // this scan wrote): the wijk sheets say so and keep the busiest hour.
    EXPECT_NE(text.find("Tijden in de week (2024)"), std::string::npos);
    const QJsonValue contract = hotTimesContract(options.outDir);
    ASSERT_TRUE(contract.isString() || contract.isObject()) << "an extern scan names what it withheld of the hours";
    if (contract.isString()) // nothing published
        EXPECT_NE(text.find("Buiten de politie niet opgenomen"), std::string::npos);
    else // the levels listed: every wijk sheet points to the gemeente's heatmap (read in the HTML:
         // the PDF's text layout interleaves the sentence with the chart beside it)
        EXPECT_NE(html.find("Buiten de politie is de tabel met tijden in de week alleen per gemeente "
                            "gepubliceerd (zie het blad van Meppel)."),
                  std::string::npos);
    EXPECT_NE(text.find("Drukste uur:"), std::string::npos);
    EXPECT_EQ(text.find("geen tijdstip"), std::string::npos);
}

TEST_F(ReportTest, SourcesComeFromTheFolderAndSyntheticDataIsLabelled)
{
    // summary.json's "sources" (pipeline/source_credit): the CBS buurten are credited as the
    // Wijk- en Buurtkaart, the registrations as synthetic; never "CBS, Kadaster" made up.
    const auto ps = pages(text);
    EXPECT_NE(ps[0].find("SYNTHETISCH"), std::string::npos);
    EXPECT_NE(ps[0].find("synthetische_registraties.csv"), std::string::npos);
    EXPECT_NE(ps[0].find("Wijk- en Buurtkaart"), std::string::npos) << ps[0];
    EXPECT_EQ(text.find("CBS, Kadaster"), std::string::npos);
    EXPECT_EQ(html.find("CBS, Kadaster"), std::string::npos);
    // The report leaves the police: file names only, not the folders they lie in.
    EXPECT_EQ(text.find(ReportTest::dir.string()), std::string::npos);
    EXPECT_EQ(html.find(ReportTest::dir.string()), std::string::npos);
    // The accounting of records is summary.json's.
    EXPECT_NE(text.find(dutchInteger(static_cast<long long>(12000))), std::string::npos);
}

TEST_F(ReportTest, HtmlIsSelfContainedWithTheSameContent)
{
    ASSERT_FALSE(html.empty());
    EXPECT_EQ(html.find("http://"), std::string::npos);
    EXPECT_EQ(html.find("https://"), std::string::npos);
    EXPECT_EQ(html.find("href="), std::string::npos);
    EXPECT_EQ(html.find("url("), std::string::npos);
    // Every image is inline.
    std::size_t images = 0, inline_ = 0;
    for (std::size_t p = html.find("<img "); p != std::string::npos; p = html.find("<img ", p + 1)) {
        ++images;
        if (html.compare(p, 40, "<img src=\"data:image/png;base64,iVBORw0K") == 0) ++inline_;
    }
    EXPECT_GT(images, static_cast<std::size_t>(written.sheets)); // a map per sheet and the overview at least
    EXPECT_EQ(inline_, images);
    EXPECT_NE(html.find("Samenvatting"), std::string::npos);
    EXPECT_NE(html.find("Verantwoording"), std::string::npos);
}

TEST_F(ReportTest, HiddenCountIsGeheimNeverItsNumber)
{
    // A wijk whose current zeden count is hidden in the extern folder: its table row reads geheim in
    // every column derived from it, and the true count is not in that row.
    const auto& f = *result->figures;
    const auto zeden = *result->model.themeIndex("zeden");
    const auto cur = f.currentPeriod();
    std::string code;
    std::int64_t truth = -1;
    for (std::size_t a = 0; a < result->areas.levels[1].size() && code.empty(); ++a) {
        const auto z = f.themeCount(1, a, zeden, cur);
        if (z >= 1 && z <= 9) {
            code = result->areas.levels[1].codes[a];
            truth = static_cast<std::int64_t>(z);
        }
    }
    ASSERT_FALSE(code.empty()) << "no wijk with 1..9 zeden registrations in the seeded data";
    // HTML: the sheet of that wijk, the row of 1.6 Zeden.
    const std::size_t sheet = html.find(code);
    ASSERT_NE(sheet, std::string::npos);
    const std::size_t row = html.find("<td>1.6 Zeden</td>", sheet);
    ASSERT_NE(row, std::string::npos);
    const std::string tr = html.substr(row, html.find("</tr>", row) - row);
    EXPECT_NE(tr.find("<td align=\"right\">geheim</td>"), std::string::npos) << tr;
    EXPECT_EQ(tr.find(">" + std::to_string(truth) + "<"), std::string::npos) << tr;
    // Count, rate, expected, change, significance and rank: six times geheim.
    std::size_t hidden = 0;
    for (std::size_t p = tr.find("geheim"); p != std::string::npos; p = tr.find("geheim", p + 1)) ++hidden;
    EXPECT_GE(hidden, 6u) << tr;
    // PDF: the same line on the wijk's page.
    const std::string page = sheetPage(code);
    ASSERT_FALSE(page.empty());
    const std::size_t line = page.find("1.6 Zeden");
    ASSERT_NE(line, std::string::npos);
    const std::string pdfLine = page.substr(line, page.find('\n', line) - line);
    EXPECT_TRUE(std::regex_search(pdfLine, std::regex("^1\\.6 Zeden\\s+geheim\\s+geheim"))) << pdfLine;
}

TEST_F(ReportTest, ZeroCountHasNoRank)
{
    // A theme row with 0 registrations gets no rank: "1 of 10" would read as the worst area.
    const std::regex tdRe("<td[^>]*>([^<]*)</td>");
    std::size_t zeroRows = 0;
    for (std::size_t p = html.find("<tr"); p != std::string::npos; p = html.find("<tr", p + 1)) {
        const std::string tr = html.substr(p, html.find("</tr>", p) - p);
        std::vector<std::string> cells;
        for (auto it = std::sregex_iterator(tr.begin(), tr.end(), tdRe); it != std::sregex_iterator(); ++it)
            cells.push_back((*it)[1].str());
        if (cells.size() != 9 || cells[1] != "0") continue;
        ++zeroRows;
        EXPECT_EQ(cells[6], "\u2013") << tr;
    }
    EXPECT_GT(zeroRows, 10u); // the demo-like scan has many empty themes in small wijken
}

TEST_F(ReportTest, NumbersAreInDutchFormat)
{
    // The gemeente's total of the current period (published: far above every threshold) as
    // 1.234 and its rate per 1,000 with a decimal comma, on the sheets and in the summary.
    const auto& f = *result->figures;
    const auto cur = f.currentPeriod();
    const auto total = static_cast<long long>(f.themeCount(2, 0, f.totalSlot(), cur));
    ASSERT_GE(total, 1000);
    EXPECT_NE(text.find(dutchInteger(total)), std::string::npos) << dutchInteger(total);
    // Rates like "48,3" and no English "48.3" beside a "per 1.000".
    EXPECT_TRUE(std::regex_search(text, std::regex("per 1\\.000 inwoners")));
    EXPECT_TRUE(std::regex_search(html, std::regex("<td align=\"right\">[0-9]+,[0-9]</td>")));
    EXPECT_FALSE(std::regex_search(html, std::regex("<td align=\"right\">[0-9]+\\.[0-9]</td>")));
}

TEST_F(ReportTest, AreasSelectAndLevelsAreChecked)
{
    CollectingReporter reporter;
    report::ReportOptions o;
    o.scanFolder = QString::fromStdString(options.outDir.string());
    o.pdf = QString::fromStdString((dir / "een.pdf").string());
    o.level = QStringLiteral("buurt");
    o.areas = {QString::fromStdString(result->areas.levels[1].codes[0])};
    const auto r = report::writeReport(o, reporter);
    std::size_t buurten = 0;
    for (std::size_t b = 0; b < result->areas.levels[0].size(); ++b)
        buurten += result->areas.levels[0].parent[b] == 0 ? 1 : 0;
    EXPECT_EQ(r.sheets, static_cast<int>(buurten));
    EXPECT_TRUE(fs::exists(dir / "een.html"));

    o.areas = {QStringLiteral("GM9999")};
    EXPECT_THROW(report::writeReport(o, reporter), InputError);
    o.areas.clear();
    o.scanFolder = QString::fromStdString(dir.string()); // no summary.json
    EXPECT_THROW(report::writeReport(o, reporter), InputError);
}

// Without --level the sheets are per wijk; a scan without wijken gets the level just above its
// finest (here the gemeente above the buurten, as Boston's TOWN above its tracts), not one sheet
// per buurt.
TEST_F(ReportTest, DefaultLevelIsTheOneAboveTheFinest)
{
    EXPECT_EQ(written.sheets, static_cast<int>(result->areas.levels[1].size())) << "wijken";

    ScanOptions scan = options;
    scan.areaFields.parentCodes = {"gemeentecode"};
    scan.areaFields.parentNames = {"gemeentenaam"};
    scan.outDir = dir / "scan_zonder_wijken";
    CollectingReporter reporter;
    const auto twoLevels = runScan(scan, reporter);
    ASSERT_EQ(twoLevels->areas.levels.size(), 2u);
    writeScanOutputs(*twoLevels, scan);
    report::ReportOptions o;
    o.scanFolder = QString::fromStdString(scan.outDir.string());
    o.pdf = QString::fromStdString((dir / "zonder_wijken.pdf").string());
    EXPECT_EQ(report::writeReport(o, reporter).sheets, 1) << "one gemeente, not its buurten";
}

TEST_F(ReportTest, EnglishOnRequestWithEnglishNumbers)
{
    CollectingReporter reporter;
    report::ReportOptions o;
    o.scanFolder = QString::fromStdString(options.outDir.string());
    o.pdf = QString::fromStdString((dir / "en.pdf").string());
    o.level = QStringLiteral("gemeente");
    o.english = true;
    const auto r = report::writeReport(o, reporter);
    EXPECT_EQ(r.sheets, 1);
    const std::string en = pdfText(dir / "en.pdf");
    EXPECT_NE(en.find("Safety analysis"), std::string::npos);
    EXPECT_NE(en.find("Summary"), std::string::npos);
    EXPECT_NE(en.find("1. Safe living environment"), std::string::npos);
    const auto& f = *result->figures;
    const auto total = static_cast<long long>(f.themeCount(2, 0, f.totalSlot(), f.currentPeriod()));
    std::string grouped = dutchInteger(total);
    std::replace(grouped.begin(), grouped.end(), '.', ',');
    EXPECT_NE(en.find(grouped), std::string::npos) << grouped;
    EXPECT_EQ(en.find("Samenvatting"), std::string::npos);
}

TEST_F(ReportTest, OutIntoAMissingFolderIsMadeAndABlockedOneIsOneDutchError)
{
    CollectingReporter reporter;
    report::ReportOptions o;
    o.scanFolder = QString::fromStdString(options.outDir.string());
    o.level = QStringLiteral("gemeente");
    const fs::path nested = dir / "rapporten" / "2024" / "meppel.pdf";
    o.pdf = QString::fromStdString(nested.string());
    const auto r = report::writeReport(o, reporter);
    EXPECT_EQ(r.sheets, 1);
    EXPECT_TRUE(fs::is_regular_file(nested));
    EXPECT_TRUE(fs::is_regular_file(dir / "rapporten" / "2024" / "meppel.html"));
    // A file where the folder should be: the error names the folder, in Dutch.
    std::ofstream(dir / "geen_map") << "x";
    o.pdf = QString::fromStdString((dir / "geen_map" / "a.pdf").string());
    try {
        (void)report::writeReport(o, reporter);
        ADD_FAILURE() << "no error";
    } catch (const OutputError& e) {
        EXPECT_NE(std::string(e.what()).find("kan de map '" + (dir / "geen_map").string() + "' voor --out niet maken"),
                  std::string::npos)
            << e.what();
    }
}

// `gebiedscan export` (in a build with the report) draws the report into its package after the
// audit: the PDF and its HTML twin are there, LEESMIJ lists and explains them.
TEST_F(ReportTest, ExportPutsTheReportIntoThePackage)
{
    CLI::App app;
    gebiedscan::app::registerExportCommand(app);
    gebiedscan::app::registerReportCommand(app);
    ASSERT_TRUE(gebiedscan::app::exportReportWriter());
    const fs::path package = dir / "pakket";
    std::vector<std::string> args{"gebiedscan", "export", options.outDir.string(), "--out", package.string(), "-q"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    ASSERT_NO_THROW(app.parse(static_cast<int>(argv.size()), argv.data()));
    ASSERT_TRUE(fs::is_regular_file(package / "veiligheidsanalyse.pdf"));
    ASSERT_TRUE(fs::is_regular_file(package / "veiligheidsanalyse.html"));
    const std::string pdf = pdfText(package / "veiligheidsanalyse.pdf");
    // The same report as `gebiedscan report` of this folder: as many pages, the same sheets.
    EXPECT_EQ(pages(pdf).size(), pages(text).size());
    EXPECT_NE(pdf.find("Veiligheidsanalyse"), std::string::npos);
    EXPECT_NE(pdf.find("Verantwoording van de registraties"), std::string::npos);
    const std::string leesmij = readText(package / "LEESMIJ.txt");
    EXPECT_NE(leesmij.find("  veiligheidsanalyse.pdf\n"), std::string::npos) << leesmij;
    EXPECT_NE(leesmij.find("  veiligheidsanalyse.html\n"), std::string::npos);
    EXPECT_NE(leesmij.find("veiligheidsanalyse.pdf: de veiligheidsanalyse (gebiedscan report)"), std::string::npos);
    // Nothing of the staging folder left beside the package.
    for (const auto& e : fs::directory_iterator(dir))
        EXPECT_EQ(e.path().filename().string().find(".new-"), std::string::npos) << e.path();

    // --no-report: the package without it.
    const fs::path bare = dir / "pakket_zonder";
    std::vector<std::string> args2{"gebiedscan",  "export", options.outDir.string(), "--out", bare.string(),
                                   "--no-report", "-q"};
    std::vector<char*> argv2;
    for (auto& a : args2) argv2.push_back(a.data());
    CLI::App app2;
    gebiedscan::app::registerExportCommand(app2);
    ASSERT_NO_THROW(app2.parse(static_cast<int>(argv2.size()), argv2.data()));
    EXPECT_TRUE(fs::is_regular_file(bare / "LEESMIJ.txt"));
    EXPECT_FALSE(fs::exists(bare / "veiligheidsanalyse.pdf"));
    EXPECT_EQ(readText(bare / "LEESMIJ.txt").find(".pdf"), std::string::npos);
}

// The command line run as a user would, outside a login session (no XDG_RUNTIME_DIR): no Qt
// warning about it, the missing --out folder made, no private runtime folder left behind.
TEST_F(ReportTest, CommandPrintsNoRuntimeDirWarning)
{
    const fs::path exe = GEBIEDSCAN_BINARY_DIR "/bin/gebiedscan";
    if (!fs::exists(exe)) GTEST_SKIP() << exe << " is not built";
    const fs::path tmp = dir / "tmp";
    fs::create_directories(tmp);
    const fs::path log = dir / "cli.log";
    const std::string cmd = "env -u XDG_RUNTIME_DIR TMPDIR='" + tmp.string() + "' QT_QPA_PLATFORM=offscreen '" +
                            exe.string() + "' report '" + options.outDir.string() + "' --level gemeente --out '" +
                            (dir / "cli" / "nieuw" / "r.pdf").string() + "' > '" + log.string() + "' 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << readText(log);
    const std::string out = readText(log);
    EXPECT_EQ(out.find("XDG_RUNTIME_DIR"), std::string::npos) << out;
    EXPECT_EQ(out.find("QStandardPaths"), std::string::npos) << out;
    EXPECT_NE(out.find("Geschreven: "), std::string::npos) << out;
    EXPECT_TRUE(fs::is_regular_file(dir / "cli" / "nieuw" / "r.pdf"));
    EXPECT_TRUE(fs::is_empty(tmp)) << "runtime folder left in " << tmp;
}

// --level takes the scan's own levels (a scan of other areas names them itself, e.g. TOWN), so
// the check is the scan's: an unknown level names the levels this scan has.
TEST_F(ReportTest, CommandLevelIsCheckedAgainstTheScansOwnLevels)
{
    const fs::path exe = GEBIEDSCAN_BINARY_DIR "/bin/gebiedscan";
    if (!fs::exists(exe)) GTEST_SKIP() << exe << " is not built";
    const fs::path log = dir / "level.log";
    const std::string cmd = "QT_QPA_PLATFORM=offscreen '" + exe.string() + "' report '" + options.outDir.string() +
                            "' --level stad --out '" + (dir / "stad.pdf").string() + "' > '" + log.string() + "' 2>&1";
    const int status = std::system(cmd.c_str());
    EXPECT_EQ(WEXITSTATUS(status), 2) << readText(log);
    const std::string out = readText(log);
    EXPECT_NE(out.find("de scan heeft geen niveau 'stad' (wel: "), std::string::npos) << out;
    EXPECT_NE(out.find("gemeente"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "stad.pdf"));
}

// A list of gebiedscan blackspots (Dutch CSV as it writes it): two spots in Meppel, one in
// Wageningen (outside the report's area).
void writeBlackSpots(const fs::path& folder)
{
    fs::create_directories(folder);
    std::ofstream os(folder / "blackspots.csv", std::ios::binary);
    os << "\xEF\xBB\xBFsoort;rang;locatie_id;voldoet;gehaald;definitie;n_ongevallen;n_dod;n_let;n_ums;n_onbekend;"
          "n_ziekenhuis;score;n_2022;n_2023;n_2024;straat;wegnummer;wegbeheerder;wegklasse;van_m;tot_m;lengte_m;"
          "piek_venster;x;y\n"
       << "kruispunt;1;11;1;\">=6 DOD,LET\";kruispunt-6-3;7;0;7;0;0;7;7;2;2;3;Kleine Oever/Prinsengracht;;G;G;;;;;"
          "209090;523797\n"
       << "wegvak;2;12;1;\">=3 DOD,LET\";amsterdam;3;1;2;0;0;3;7;1;1;1;Hesselingerstraat;;G;G;0;180;180;3;208607;"
          "522744\n"
       << "kruispunt;3;13;1;\">=6 DOD,LET\";kruispunt-6-3;9;0;9;0;0;9;9;3;3;3;Dijkgraaf/Mondriaanlaan;;G;G;;;;;"
          "173434;443611\n";
}

// Black spots in the summary, one sentence each: the ones inside the reported areas, placed in
// their buurt, a count at or below the small-count limit hidden; the folder and how it was found
// said. Given with --blackspots, or found beside the scan folder.
TEST_F(ReportTest, BlackSpotsInTheSummaryGivenOrFoundBeside)
{
    CollectingReporter reporter;
    report::ReportOptions o;
    o.scanFolder = QString::fromStdString(options.outDir.string());
    o.level = QStringLiteral("gemeente");
    writeBlackSpots(dir / "elders" / "bs2024");
    o.blackspots = QString::fromStdString((dir / "elders" / "bs2024").string());
    o.pdf = QString::fromStdString((dir / "bs.pdf").string());
    (void)report::writeReport(o, reporter);
    // The summary runs over more than one page (its overview map comes first).
    const auto summary = summaryPages(pages(pdfText(dir / "bs.pdf")));
    std::string flat = flatten(summary);
    EXPECT_NE(flat.find("Black spots in het verkeer"), std::string::npos) << flat;
    EXPECT_NE(flat.find("Uit de map 'bs2024' van gebiedscan blackspots (opgegeven met --blackspots): 2 van de 3 black "
                        "spots liggen in het gebied van dit rapport, ongevallen in 2022–2024."),
              std::string::npos)
        << flat;
    EXPECT_NE(flat.find("1. Kruispunt Kleine Oever/Prinsengracht in Historisch Centrum: 7 ongevallen, voldoet aan de "
                        "definitie kruispunt-6-3 (>=6 DOD,LET)."),
              std::string::npos)
        << flat;
    // 3 accidents: at or below the limit (1 t/m 4), hidden as every count of the report.
    EXPECT_NE(
        flat.find(
            "2. Wegvak Hesselingerstraat (180 m) in Hesselingen: aantal ongevallen geheim (1 t/m 4), voldoet aan de "
            "definitie amsterdam (>=3 DOD,LET)."),
        std::string::npos)
        << flat;
    EXPECT_EQ(flat.find("3 ongevallen"), std::string::npos);
    EXPECT_EQ(flat.find("Dijkgraaf"), std::string::npos); // Wageningen, outside Meppel

    // Beside the scan folder: a copy of the scan with a black-spots folder next to it.
    const fs::path beside = dir / "naast";
    fs::create_directories(beside);
    fs::copy(options.outDir, beside / "scan", fs::copy_options::recursive);
    writeBlackSpots(beside / "zwarte_punten");
    o.scanFolder = QString::fromStdString((beside / "scan").string());
    o.blackspots.clear();
    o.pdf = QString::fromStdString((dir / "bs_naast.pdf").string());
    (void)report::writeReport(o, reporter);
    flat = flatten(summaryPages(pages(pdfText(dir / "bs_naast.pdf"))));
    EXPECT_NE(flat.find("Uit de map 'zwarte_punten' van gebiedscan blackspots (gevonden naast de scanmap): 2 van de 3"),
              std::string::npos)
        << flat;
    // None: said so.
    o.scanFolder = QString::fromStdString(options.outDir.string());
    o.pdf = QString::fromStdString((dir / "bs_geen.pdf").string());
    (void)report::writeReport(o, reporter);
    flat = flatten(summaryPages(pages(pdfText(dir / "bs_geen.pdf"))));
    EXPECT_NE(flat.find("Niet opgenomen: geen uitvoer van gebiedscan blackspots opgegeven"), std::string::npos) << flat;
    o.blackspots = QString::fromStdString(dir.string()); // no blackspots.csv there
    EXPECT_THROW((void)report::writeReport(o, reporter), InputError);
}

// Hot spots per theme: a sentence per theme with hot spots, or one saying there are none.
TEST_F(ReportTest, SummaryHasHotSpotsPerTheme)
{
    const std::string flat = flatten(pages(text).at(1));
    EXPECT_NE(flat.find("Hotspots per thema"), std::string::npos) << flat;
    const bool sentence = std::regex_search(flat, std::regex("\\d\\.\\d [^:]+: \\d+ buurten? (is|zijn) een hotspot: "));
    const bool none = flat.find("Geen buurt is een hotspot van een afzonderlijk thema") != std::string::npos ||
                      flat.find("Geen thema heeft genoeg registraties") != std::string::npos;
    EXPECT_TRUE(sentence != none) << flat;
}

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    std::setlocale(LC_NUMERIC, "C");
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

// Maps and charts are painted onto the PDF's pages as vectors (report_drawing): their titles,
// legends and labels are text in the PDF, no page embeds an image, and the file stays small
// (the demo's 242 pages were 35 MB with every map a 240 dpi image).
TEST_F(ReportTest, MapsAndChartsAreVectorsAndThePdfIsSmall)
{
    std::size_t maps = 0;
    for (std::size_t p = text.find("Hotspots in en rond "); p != std::string::npos;
         p = text.find("Hotspots in en rond ", p + 1))
        ++maps;
    // A map per wijk sheet and one on Meppel's own sheet; its title is text.
    EXPECT_EQ(maps, static_cast<std::size_t>(written.sheets) + 1);
    EXPECT_NE(text.find("Hotspots (Getis-Ord Gi*)"), std::string::npos); // the legend
    const fs::path pdf = dir / "analyse.pdf";
    const fs::path list = dir / "images.txt";
    ASSERT_EQ(std::system(("pdfimages -list '" + pdf.string() + "' > '" + list.string() + "'").c_str()), 0);
    std::istringstream lines(readText(list));
    std::string line;
    int rows = 0;
    while (std::getline(lines, line)) ++rows;
    EXPECT_EQ(rows, 2) << readText(list); // the header of pdfimages' table only
    const auto perPage = fs::file_size(pdf) / static_cast<std::uintmax_t>(written.pages);
    EXPECT_LT(perPage, 20u * 1024u) << fs::file_size(pdf) << " bytes, " << written.pages << " pages";
}

// The summary's overview map comes first, so a long summary fills its pages instead of pushing
// the map onto a page of its own.
TEST_F(ReportTest, OverviewMapOpensTheSummary)
{
    const auto ps = pages(text);
    ASSERT_GE(ps.size(), 2u);
    const auto map = ps[1].find("Hotspots in het gebied");
    const auto counts = ps[1].find("De grootste aantallen");
    ASSERT_NE(map, std::string::npos) << ps[1];
    ASSERT_NE(counts, std::string::npos);
    EXPECT_LT(map, counts);
}

namespace {

// A copy of the Meppel scan as an extern scan that publishes the gemeente's hours (the third form
// of the contract in summary.json suppression.hot_times): the gemeente's total rows, whole
// numbers, Tuesday 03-04 h hidden (NULL). Friday 22-23 h is the busiest hour (57).
fs::path externScanWithGemeenteHours(const fs::path& scan, const fs::path& copy, const std::string& gemeente)
{
    fs::remove_all(copy);
    fs::copy(scan, copy, fs::copy_options::recursive);
    QFile f(QString::fromStdString((copy / "summary.json").string()));
    if (!f.open(QIODevice::ReadOnly)) return {};
    QJsonObject summary = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    QJsonObject suppression = summary.value("suppression").toObject();
    suppression.insert("hot_times",
                       QJsonObject{{"levels", QJsonArray{"gemeente"}},
                                   {"hidden", 1},
                                   {"note", "alleen de totalen per gemeente, afgerond; kleine uren geheim"}});
    summary.insert("suppression", suppression);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return {};
    f.write(QJsonDocument(summary).toJson());
    f.close();
    // One statement per call: ogrinfo runs only the first of several. The extern table is empty.
    std::string sql = "INSERT INTO hot_times (level, area_code, theme, day";
    for (int h = 0; h < 24; ++h) sql += h < 10 ? ", h0" + std::to_string(h) : ", h" + std::to_string(h);
    sql += ") VALUES ";
    const char* days[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
    for (int d = 0; d < 7; ++d) {
        sql += std::string(d ? ", " : "") + "('gemeente', '" + gemeente + "', 'total', '" + days[d] + "'";
        for (int h = 0; h < 24; ++h)
            sql += d == 1 && h == 3    ? ", NULL"
                   : d == 4 && h == 22 ? ", 57"
                                       : ", " + std::to_string(5 + (d * 24 + h) % 11);
        sql += ")";
    }
    const std::string cmd =
        "ogrinfo -q '" + (copy / "gebiedscan.gpkg").string() + "' -sql \"" + sql + "\" > /dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) return {};
    return copy;
}

} // namespace

// The hour-of-week heatmap is back outside the police, for the levels the scan publishes it for
// (summary.json suppression.hot_times {"levels": ["gemeente"], ...}): on the gemeente's sheet,
// its hidden hour hatched and named in the legend, never drawn as a quiet hour; each wijk sheet
// says in one sentence where the table is and keeps its busiest hour.
TEST_F(ReportTest, HeatmapForThePublishedLevelsOnly)
{
    const fs::path folder =
        externScanWithGemeenteHours(options.outDir, dir / "uren_gemeente", result->areas.levels[2].codes[0]);
    ASSERT_FALSE(folder.empty()) << "could not build the fixture (ogrinfo)";
    CollectingReporter reporter;
    report::ReportOptions o;
    o.scanFolder = QString::fromStdString(folder.string());
    o.pdf = QString::fromStdString((dir / "uren.pdf").string());
    const auto r = report::writeReport(o, reporter);
    EXPECT_EQ(r.level, "wijk");
    const std::string pdf = pdfText(dir / "uren.pdf");
    // In reading order: a sentence in the sheet's right column is not interleaved with the left's.
    const std::string flat = flatten(pdfText(dir / "uren.pdf", false));
    // One heatmap, the gemeente's: its legend with the busiest hour and the hidden hour's entry.
    std::size_t heatmaps = 0;
    for (std::size_t p = flat.find("druk (drukste uur: "); p != std::string::npos;
         p = flat.find("druk (drukste uur: ", p + 1))
        ++heatmaps;
    EXPECT_EQ(heatmaps, 1u) << flat;
    EXPECT_NE(flat.find("druk (drukste uur: 57 registraties)"), std::string::npos);
    EXPECT_NE(flat.find("geheim: klein aantal, niet gepubliceerd (1 uur)"), std::string::npos) << flat;
    EXPECT_NE(flat.find("afgerond op hele aantallen; een uur met een klein aantal is geheim (gearceerd)"),
              std::string::npos);
    // It is on Meppel's own sheet: the page holding the gemeente's map.
    const auto ps = pages(pdf);
    std::size_t mapPage = ps.size(), heatPage = ps.size();
    for (std::size_t i = 0; i < ps.size(); ++i) {
        if (mapPage == ps.size() && ps[i].find("Hotspots in en rond Meppel") != std::string::npos) mapPage = i;
        if (flatten(ps[i]).find("druk (drukste uur: 57") != std::string::npos) heatPage = i;
    }
    ASSERT_LT(mapPage, ps.size());
    EXPECT_TRUE(heatPage == mapPage || heatPage == mapPage + 1) << mapPage << " " << heatPage;
    // Every wijk sheet: the sentence, pointing to Meppel's sheet, and no "withheld" of the old form.
    const std::string sentence = "Buiten de politie is de tabel met tijden in de week alleen per gemeente "
                                 "gepubliceerd (zie het blad van Meppel).";
    std::size_t sentences = 0;
    for (std::size_t p = flat.find(sentence); p != std::string::npos; p = flat.find(sentence, p + 1)) ++sentences;
    EXPECT_EQ(sentences, result->areas.levels[1].size());
    EXPECT_EQ(flat.find("Buiten de politie niet opgenomen"), std::string::npos);
    EXPECT_NE(flat.find("Drukste uur: "), std::string::npos);
    // The scan's own note on the hours in the methods.
    EXPECT_NE(flat.find("Tijden in de week: alleen de totalen per gemeente, afgerond; kleine uren geheim"),
              std::string::npos);

    // Every non-zero hour hidden (a small gemeente): the published hours are all 0, which is no
    // week without registrations: the heatmap shows the hatched hours, never "Geen registraties".
    std::string hide = "UPDATE hot_times SET ";
    for (int h = 0; h < 24; ++h)
        hide += fmt::format("{}h{:02} = {}", h ? ", " : "", h, h % 2 ? "NULL" : "0");
    ASSERT_EQ(std::system(("ogrinfo -q '" + (folder / "gebiedscan.gpkg").string() + "' -sql \"" + hide +
                           "\" > /dev/null 2>&1")
                              .c_str()),
              0);
    o.pdf = QString::fromStdString((dir / "uren_verborgen.pdf").string());
    (void)report::writeReport(o, reporter);
    const std::string hidden = flatten(pdfText(dir / "uren_verborgen.pdf", false));
    EXPECT_EQ(hidden.find("Geen registraties."), std::string::npos) << hidden;
    EXPECT_NE(hidden.find("geheim: klein aantal, niet gepubliceerd ("), std::string::npos) << hidden;

    // The older extern form (a plain string): nothing published, said so on every sheet.
    QFile f(QString::fromStdString((folder / "summary.json").string()));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    QJsonObject summary = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    QJsonObject suppression = summary.value("suppression").toObject();
    suppression.insert("hot_times", "niet gepubliceerd (extern)");
    summary.insert("suppression", suppression);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(summary).toJson());
    f.close();
    o.pdf = QString::fromStdString((dir / "uren_geen.pdf").string());
    (void)report::writeReport(o, reporter);
    const std::string none = flatten(pdfText(dir / "uren_geen.pdf", false));
    EXPECT_EQ(none.find("druk (drukste uur: "), std::string::npos);
    EXPECT_NE(none.find("Buiten de politie niet opgenomen"), std::string::npos);
}

// A hidden hour in the heatmap is grey and hatched: never a colour of the ramp, so never read as
// a quiet hour (or, as a NaN cast to a class, as the busiest).
TEST(ReportCharts, HiddenHourIsHatchedGreyNeverARampColour)
{
    viewer::HourOfWeek week;
    week.state = viewer::HourOfWeek::State::Values;
    for (std::size_t i = 0; i < week.values.size(); ++i) week.values[i] = static_cast<double>(i % 9);
    week.values[1 * 24 + 3] = std::numeric_limits<double>::quiet_NaN(); // Tuesday 03-04 h
    const report::ReportText text;
    const double scale = 2;
    const QImage img = report::ReportCharts::hourOfWeek(week, text, scale);
    // The cell's geometry (report_charts.cpp): left 34, top 8, cells 17 x 15 logical pixels.
    const auto inCell = [&](int day, int hour, double fx, double fy) {
        return img.pixel(
            QPoint(static_cast<int>((34 + (hour + fx) * 17) * scale), static_cast<int>((8 + (day + fy) * 15) * scale)));
    };
    std::vector<QRgb> ramp;
    for (std::size_t k = 0; k < 7; ++k) ramp.push_back(viewer::rampColour(QStringLiteral("YlOrRd"), k, 7).rgb());
    bool sawHatch = false;
    for (double fx : {0.2, 0.35, 0.5, 0.65, 0.8})
        for (double fy : {0.25, 0.5, 0.75}) {
            const QRgb c = inCell(1, 3, fx, fy);
            EXPECT_EQ(qRed(c), qGreen(c)) << fx << "," << fy;
            EXPECT_EQ(qGreen(c), qBlue(c)) << fx << "," << fy;
            EXPECT_EQ(std::count(ramp.begin(), ramp.end(), c | 0xff000000u), 0);
            sawHatch = sawHatch || qRed(c) < 200;
        }
    EXPECT_TRUE(sawHatch) << "a plain grey cell without its hatch";
    // A shown hour of 0 (Monday 00-01 h) is the ramp's quietest colour.
    EXPECT_EQ(inCell(0, 0, 0.5, 0.5) | 0xff000000u, ramp[0]);
    // A week whose only shape is on the day with the hidden hour still has a time of day.
    viewer::HourOfWeek flat;
    flat.state = viewer::HourOfWeek::State::Values;
    for (std::size_t i = 0; i < flat.values.size(); ++i) flat.values[i] = 2;
    flat.values[0] = std::numeric_limits<double>::quiet_NaN();
    flat.values[20] = 9;
    EXPECT_FALSE(report::ReportCharts::withoutTimeOfDay(flat));
    flat.values[20] = 2;
    EXPECT_TRUE(report::ReportCharts::withoutTimeOfDay(flat));
}

// The rank column's header keeps "(van 10)" whole: a line of its own, never "(van" over "10)".
TEST_F(ReportTest, RankHeaderNeverBreaksInsideItsParenthesis)
{
    const std::size_t wijken = result->areas.levels[1].size();
    // On a wijk sheet the rank is among the gemeente's wijken.
    EXPECT_NE(html.find("Rang<br>(van\u00a0" + std::to_string(wijken) + ")"), std::string::npos);
    const std::regex whole("\\(van(\\s|\xC2\xA0)" + std::to_string(wijken) + "\\)");
    EXPECT_TRUE(std::regex_search(text, whole)) << "no \"(van " << wijken << ")\" on one line";
    EXPECT_FALSE(std::regex_search(text, std::regex("\\(van\\s*\n")));
}

// A sheet that is not a chapter follows the previous one's last page when its heading and map
// fit there: no wijk's second page left half empty before the next wijk.
TEST_F(ReportTest, SheetsFillThePreviousSheetsLastPage)
{
    const auto ps = pages(text);
    std::size_t shared = 0;
    for (const auto& p : ps) {
        const auto aol = p.find("Kandidaten voor afspraken op locatie");
        const auto next = p.find("Hotspots in en rond ", aol == std::string::npos ? 0 : aol);
        if (aol != std::string::npos && next != std::string::npos) ++shared;
    }
    EXPECT_GE(shared, static_cast<std::size_t>(written.sheets) / 4) << ps.size() << " pages";
    // A map never parts from its sheet's heading, nor the table's heading from the table: the page
    // of each wijk's heading holds its map and the table's first row.
    const auto& wijken = result->areas.levels[1];
    for (std::size_t w = 0; w < wijken.size(); ++w) {
        const std::string code = "wijk " + wijken.codes[w] + " ";
        for (const auto& p : ps)
            if (p.find(code) != std::string::npos) {
                EXPECT_NE(p.find("Hotspots in en rond", p.find(code)), std::string::npos) << code;
                EXPECT_NE(p.find("Alle registraties", p.find("Cijfers per veiligheidsveld", p.find(code))),
                          std::string::npos)
                    << code;
                break;
            }
    }
}

// The HTML goes out by mail: every inline image is a palette PNG (maps with more than 256
// colours too, their rare antialiased edge colours mapped to the nearest frequent one), and
// the fills stay exact.
TEST_F(ReportTest, HtmlImagesArePalettePngs)
{
    const std::string marker = "<img src=\"data:image/png;base64,";
    std::size_t images = 0, palette = 0;
    for (std::size_t p = html.find(marker); p != std::string::npos; p = html.find(marker, p + 1)) {
        const std::size_t from = p + marker.size(), to = html.find('"', from);
        const QByteArray png = QByteArray::fromBase64(QByteArray::fromStdString(html.substr(from, to - from)));
        ++images;
        // IHDR: bytes 24 (bit depth) and 25 (colour type 3 = palette).
        if (png.size() > 26 && png[24] == 8 && png[25] == 3) ++palette;
    }
    EXPECT_GT(images, 0u);
    EXPECT_EQ(palette, images);
}

// An image of many colours keeps its frequent ones exactly: the fills and the legend's swatches.
TEST(ReportImages, PaletteKeepsTheFrequentColoursExactly)
{
    QImage img(300, 200, QImage::Format_RGB32);
    img.fill(QColor(0xbd, 0x00, 0x26)); // a hot spot's red
    QPainter p(&img);
    p.fillRect(QRect(0, 0, 150, 200), QColor(230, 230, 230));
    p.setRenderHint(QPainter::Antialiasing);
    // A gradient: hundreds of rare colours.
    for (int i = 0; i < 600; ++i) {
        p.setPen(QColor(i % 256, (i * 7) % 256, (i * 13) % 256));
        p.drawPoint(i % 300, 100 + i / 300);
    }
    p.end();
    const QByteArray png = report::compactPng(img);
    QImage back;
    ASSERT_TRUE(back.loadFromData(png, "PNG"));
    EXPECT_EQ(back.format(), QImage::Format_Indexed8);
    EXPECT_EQ(back.pixel(10, 10) & 0xffffffu, QColor(230, 230, 230).rgb() & 0xffffffu);
    EXPECT_EQ(back.pixel(290, 10) & 0xffffffu, QColor(0xbd, 0x00, 0x26).rgb() & 0xffffffu);
}
