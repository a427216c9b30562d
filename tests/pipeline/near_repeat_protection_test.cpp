// Disclosure control of the Knox table (issue 13): extern near-repeat output hides pair counts
// 1..T-1 with what follows from them, `gebiedscan audit` passes it, and the attacks an intruder
// would try on a tampered copy (the grand total minus the published cells, a small count, a ratio
// beside a hidden count, the Knox X) are caught.
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/pipeline/folder_audit.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/near_repeat_job.hpp"
#include "gebiedscan/pipeline/near_repeat_picture.hpp"
#include "gebiedscan/pipeline/near_repeat_protection.hpp"
#include "gebiedscan/pipeline/table_audit.hpp"
#include "gebiedscan_build_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace gebiedscan::pipeline {
namespace {

namespace fs = std::filesystem;

std::vector<std::vector<std::string>> readCsv(const fs::path& file)
{
    std::ifstream in(file);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ',')) cells.push_back(cell);
        if (!line.empty() && line.back() == ',') cells.emplace_back();
        rows.push_back(cells);
    }
    return rows;
}

void writeCsv(const fs::path& file, const std::vector<std::vector<std::string>>& rows)
{
    std::ofstream out(file);
    for (const auto& r : rows) {
        for (std::size_t i = 0; i < r.size(); ++i) out << (i ? "," : "") << r[i];
        out << "\n";
    }
}

std::string readText(const fs::path& file)
{
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class NearRepeatProtectionTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = fs::temp_directory_path() / ("gebiedscan-nrprotect-" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        // The Chicago arsons, coordinates rounded to 0.1 as the Near Repeat Calculator read them.
        std::ifstream in(fs::path(GEBIEDSCAN_SOURCE_DIR) / "tests/reference/nearrepeat/chicago_arson.csv");
        std::ofstream out(m_dir / "arsons.csv");
        out << "x,y,datum\n" << std::fixed << std::setprecision(1);
        std::string line;
        while (std::getline(in, line)) {
            std::stringstream ss(line);
            std::string x, y, date;
            std::getline(ss, x, ',');
            std::getline(ss, y, ',');
            std::getline(ss, date, ',');
            out << std::round(std::stod(x) * 10) / 10 << "," << std::round(std::stod(y) * 10) / 10 << "," << date
                << "\n";
        }
    }
    void TearDown() override { fs::remove_all(m_dir); }

    NearRepeatJobResult run(bool internal, const std::string& out)
    {
        NearRepeatJobOptions o;
        o.incidents.path = (m_dir / "arsons.csv").string();
        o.incidents.assumeCrs = "EPSG:28992";
        o.analysis.distanceBands = {200, 400, 600};
        o.analysis.timeBands = {1, 2, 3};
        o.analysis.permutations = 199;
        o.internal = internal;
        o.out = m_dir / out;
        CollectingReporter reporter;
        return runNearRepeatJob(o, reporter);
    }

    static FolderAudit audit(const fs::path& dir)
    {
        static const ScanModel model = loadScanModel(defaultModelPath());
        return auditScanFolder(dir, model);
    }

    static std::size_t count(const FolderAudit& a, AuditFinding::Kind kind)
    {
        std::size_t n = 0;
        for (const auto& f : a.findings) n += f.kind == kind;
        return n;
    }

    fs::path m_dir;
};

TEST_F(NearRepeatProtectionTest, ExternIsTheDefaultAndHidesSmallPairCounts)
{
    const auto r = run(false, "extern");
    ASSERT_TRUE(r.protection);
    // The calculator's observed column: 0 2 0 8 / 9 1 1 45 / 4 0 0 140 / 6 0 0 234 / 393 710 770 133658.
    // Primaries: the 2, the two 1s and the 4.
    EXPECT_EQ(r.protection->primaries, 4u);
    EXPECT_GT(r.protection->secondaries, 0u);
    EXPECT_FALSE(r.protection->everythingHidden);
    const auto csv = readCsv(r.written.at(0));
    ASSERT_EQ(csv.size(), 21u);
    std::size_t hidden = 0;
    for (std::size_t i = 1; i < csv.size(); ++i) {
        const auto& row = csv[i];
        if (row[4] == "geheim") {
            ++hidden;
            EXPECT_EQ(row[6], "geheim") << "ratio of row " << i;
            EXPECT_EQ(row[7], "geheim") << "p of row " << i;
        } else {
            const long v = std::stol(row[4]);
            EXPECT_TRUE(v == 0 || v >= 5) << "row " << i << ": " << v;
        }
    }
    // The protection also hides row and column totals (the expected counts give them away).
    std::size_t hiddenMargins = 0, unknownMargins = 0;
    for (std::size_t d = 0; d < r.protection->rowHidden.size(); ++d) hiddenMargins += r.protection->rowHidden[d];
    for (std::size_t c = 0; c < r.protection->columnHidden.size(); ++c) hiddenMargins += r.protection->columnHidden[c];
    EXPECT_EQ(hidden + hiddenMargins, r.protection->primaries + r.protection->secondaries);
    // Without the published margins a reader would miss more of them (any expected hidden) than
    // the protection hid; summary.json publishes the rest, so the reader sees what it assumed.
    const std::size_t rows = r.protection->rowHidden.size(), columns = r.protection->columnHidden.size();
    for (std::size_t d = 0; d < rows; ++d) {
        bool any = false;
        for (std::size_t c = 0; c < columns; ++c) any = any || r.protection->expectedHidden[d * columns + c];
        unknownMargins += any;
    }
    for (std::size_t c = 0; c < columns; ++c) {
        bool any = false;
        for (std::size_t d = 0; d < rows; ++d) any = any || r.protection->expectedHidden[d * columns + c];
        unknownMargins += any;
    }
    EXPECT_GE(unknownMargins, hiddenMargins);
    for (auto i : {2, 6, 7, 9}) EXPECT_EQ(csv[i][4], "geheim") << "primary in row " << i;

    // The Knox test (X = 12 counts cells of which some are hidden) and the summary about them.
    const auto text = readText(r.written.at(1));
    EXPECT_EQ(text.find("X = 12"), std::string::npos) << text;
    EXPECT_NE(text.find("Knox-toets (globaal, afstand <= 200 m en <= 1 dag): geheim"), std::string::npos);
    EXPECT_NE(text.find("Bescherming (extern)"), std::string::npos);
    EXPECT_EQ(text.find("Binnen 0 tot 200 m"), std::string::npos) << text; // its cell is hidden

    const auto summary = nlohmann::json::parse(readText(m_dir / "extern/summary.json"));
    EXPECT_EQ(summary["audience"], "extern");
    EXPECT_EQ(summary["pairs"], 135981);
    EXPECT_EQ(summary["suppression"]["primary"], 4);
    EXPECT_EQ(summary["suppression"]["hidden_cells"], hidden);
    // The margins as numbers, null where hidden; they add up to all pairs where all are shown.
    ASSERT_EQ(summary["pairs_per_distance_class"].size(), rows);
    ASSERT_EQ(summary["pairs_per_time_class"].size(), columns);
    for (std::size_t d = 0; d < rows; ++d) {
        std::int64_t sum = 0;
        for (std::size_t c = 0; c < columns; ++c) sum += static_cast<std::int64_t>(r.table.observed[d * columns + c]);
        const auto& v = summary["pairs_per_distance_class"][d];
        if (r.protection->rowHidden[d])
            EXPECT_TRUE(v.is_null()) << d;
        else
            EXPECT_EQ(v, sum) << d;
    }
    for (std::size_t c = 0; c < columns; ++c)
        EXPECT_EQ(summary["pairs_per_time_class"][c].is_null(), r.protection->columnHidden[c]) << c;

    const auto a = audit(m_dir / "extern");
    EXPECT_TRUE(a.passed()) << (a.findings.empty() ? "" : a.findings[0].message);
    EXPECT_EQ(a.audience, "extern");
    EXPECT_EQ(a.hiddenCells, hidden + hiddenMargins);
    EXPECT_EQ(a.cells, 20u + 5u + 4u + 1u); // cells, rows, columns, all pairs
}

TEST_F(NearRepeatProtectionTest, HiddenCellsAreGreyInTheHeatTable)
{
    const auto r = run(false, "extern");
    const auto pic = nearRepeatHeatTable(r.table, 0.05, 1.2, &*r.protection);
    const auto& t = r.table;
    for (std::size_t d = 0; d < t.distanceClasses(); ++d)
        for (std::size_t k = 0; k < t.timeClasses(); ++k) {
            const int x = pic.cellX0 + static_cast<int>(k) * pic.cellW,
                      y = pic.cellY0 + static_cast<int>(d) * pic.cellH;
            const auto i = t.index(d, k);
            const bool bothZero = t.observed[i] == 0 && t.expected[i] == 0;
            if (r.protection->observedHidden[i])
                EXPECT_EQ(pic.at(x + 6, y + 6), 0xffbdbdbdu) << d << "," << k;
            else
                EXPECT_EQ(pic.at(x + 6, y + 6), nearRepeatRatioColour(t.ratio(d, k), bothZero)) << d << "," << k;
        }
}

TEST_F(NearRepeatProtectionTest, AuditCatchesTheAttacksOnATamperedCopy)
{
    (void)run(false, "extern");
    (void)run(true, "intern");
    const auto externCsv = readCsv(m_dir / "extern/nearrepeat.csv");
    const auto internCsv = readCsv(m_dir / "intern/nearrepeat.csv");
    const auto copy = [&](const std::string& name) {
        fs::copy(m_dir / "extern", m_dir / name, fs::copy_options::recursive);
        return m_dir / name;
    };

    // 1. Only the primary "1" of (0-200 m, 1-2 days) stays hidden: all pairs minus the published
    // cells give it back exactly.
    {
        const auto dir = copy("one-hidden");
        auto rows = internCsv;
        rows[6][4] = "geheim";
        rows[6][6] = rows[6][7] = "geheim";
        writeCsv(dir / "nearrepeat.csv", rows);
        const auto a = audit(dir);
        EXPECT_FALSE(a.passed());
        ASSERT_GE(count(a, AuditFinding::Kind::Narrowed), 1u);
        bool exactOne = false;
        for (const auto& f : a.findings)
            exactOne = exactOne || (f.kind == AuditFinding::Kind::Narrowed && f.low == 1 && f.high == 1);
        EXPECT_TRUE(exactOne);
        EXPECT_EQ(a.exact, 1u);
        // The small counts published around it are findings of their own.
        EXPECT_EQ(count(a, AuditFinding::Kind::SmallPublished), 3u);
    }
    // 2. Every secondary published again (the primaries alone): the row and column totals from
    // the expected counts narrow them.
    {
        const auto dir = copy("primaries-only");
        auto rows = externCsv;
        for (std::size_t i = 1; i < rows.size(); ++i)
            if (rows[i][4] == "geheim" && !(i == 2 || i == 6 || i == 7 || i == 9)) rows[i] = internCsv[i];
        writeCsv(dir / "nearrepeat.csv", rows);
        const auto a = audit(dir);
        EXPECT_FALSE(a.passed());
        EXPECT_GE(a.narrowed, 1u);
        EXPECT_EQ(count(a, AuditFinding::Kind::SmallPublished), 0u);
    }
    // 3. A ratio beside a hidden count gives it from the published expected.
    {
        const auto dir = copy("ratio");
        auto rows = externCsv;
        rows[6][6] = internCsv[6][6];
        writeCsv(dir / "nearrepeat.csv", rows);
        const auto a = audit(dir);
        EXPECT_EQ(count(a, AuditFinding::Kind::DerivedPublished), 1u);
    }
    // 4. The Knox X beside hidden cells it counts.
    {
        const auto dir = copy("knox");
        const auto internal = readText(m_dir / "intern/nearrepeat_samenvatting.txt");
        std::ofstream(dir / "nearrepeat_samenvatting.txt") << internal;
        const auto a = audit(dir);
        EXPECT_EQ(count(a, AuditFinding::Kind::DerivedPublished), 1u);
        EXPECT_FALSE(a.passed());
    }
    // The internal folder says so and shows its small counts; the audit judges it as intern.
    const auto summary = nlohmann::json::parse(readText(m_dir / "intern/summary.json"));
    EXPECT_EQ(summary["audience"], "intern");
    EXPECT_EQ(audit(m_dir / "intern").audience, "intern");
}

// Bands where hidden rows keep every column from adding up through the expected counts (the
// calculator's defaults 100/200/300 m, 7/14/21 days): the published margins make the reader's
// table the protection's, and the audit and the independent intruder (scripts/intruder.py) agree.
TEST_F(NearRepeatProtectionTest, PublishedMarginsMakeAuditAndIntruderAgree)
{
    if (std::system("python3 -c 'import tomllib' > /dev/null 2>&1") != 0) GTEST_SKIP() << "no python3 >= 3.11";
    NearRepeatJobOptions o;
    o.incidents.path = (m_dir / "arsons.csv").string();
    o.incidents.assumeCrs = "EPSG:28992";
    o.analysis.permutations = 99;
    o.out = m_dir / "defaults";
    CollectingReporter reporter;
    const auto r = runNearRepeatJob(o, reporter);
    ASSERT_TRUE(r.protection);
    const auto summary = nlohmann::json::parse(readText(o.out / "summary.json"));
    std::size_t hiddenRows = 0;
    for (const auto& v : summary["pairs_per_distance_class"]) hiddenRows += v.is_null();
    EXPECT_GE(hiddenRows, 1u);
    std::int64_t columns = 0;
    for (const auto& v : summary["pairs_per_time_class"]) columns += v.get<std::int64_t>(); // none hidden
    EXPECT_EQ(columns, summary["pairs"].get<std::int64_t>());
    const auto intruder = [](const fs::path& dir) {
        const auto command = "python3 '" + (fs::path(GEBIEDSCAN_SOURCE_DIR) / "scripts/intruder.py").string() + "' '" +
                             dir.string() + "' > /dev/null 2>&1";
        const int status = std::system(command.c_str());
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    };
    const auto a = audit(o.out);
    EXPECT_TRUE(a.passed()) << (a.findings.empty() ? "" : a.findings[0].message);
    EXPECT_EQ(intruder(o.out), 0);

    // Without the margins (as before) a reader misses the column totals the protection counted
    // as known: both fail them, as their intervals lie wholly above T-1.
    const auto old = m_dir / "without-margins";
    fs::copy(o.out, old, fs::copy_options::recursive);
    auto s = summary;
    s.erase("pairs_per_distance_class");
    s.erase("pairs_per_time_class");
    std::ofstream(old / "summary.json") << s.dump(2);
    const auto b = audit(old);
    EXPECT_FALSE(b.passed());
    EXPECT_GE(b.narrowed, 1u);
    for (const auto& f : b.findings) {
        if (f.kind == AuditFinding::Kind::Narrowed) {
            EXPECT_GT(f.low, 4.0) << f.message;
        }
    }
    EXPECT_EQ(intruder(old), 1);
}

TEST(NearRepeatProtection, ASmallRowTotalIsHiddenWithItsExpected)
{
    // Rows: same location, (0, 100), [100, inf); columns [0, 7), [7, inf). The same location has 2
    // pairs in all: its total (published through the expected counts) is small itself.
    NearRepeatTable t;
    t.distanceBands = {100};
    t.timeBands = {7};
    t.permutations = 99;
    t.events = 120;
    t.pairs = 120 * 119 / 2;
    t.observed = {1, 1, 12, 40, 600, 6486};
    t.expected = {0.1, 1.9, 2.0, 50.0, 609.9, 6476.1};
    t.p = {0.1, 0.5, 0.01, 0.9, 0.6, 0.4};
    const auto p = protectNearRepeatTable(t, 5);
    EXPECT_FALSE(p.everythingHidden);
    EXPECT_TRUE(p.rowHidden[0]);
    EXPECT_TRUE(p.observedHidden[t.index(0, 0)]);
    EXPECT_TRUE(p.observedHidden[t.index(0, 1)]);
    EXPECT_TRUE(p.expectedHidden[t.index(0, 0)]);
    EXPECT_TRUE(p.expectedHidden[t.index(0, 1)]);
    // Primaries: the two 1s and the row total 2.
    EXPECT_EQ(p.primaries, 3u);

    // The reader's view: hidden counts, and the margins summary.json publishes.
    std::vector<std::optional<std::int64_t>> observed(6);
    for (std::size_t i = 0; i < 6; ++i)
        if (!p.observedHidden[i]) observed[i] = static_cast<std::int64_t>(t.observed[i]);
    const auto rows = p.publishedRowTotals(t), columns = p.publishedColumnTotals(t);
    // The columns do not add up from the expected (the same location's are hidden), so they are
    // published as numbers, as the protection assumed.
    ASSERT_EQ(columns.size(), 2u);
    EXPECT_EQ(columns[0], 1 + 12 + 600);
    EXPECT_EQ(columns[1], 1 + 40 + 6486);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_FALSE(rows[0]);
    ProtectionTable reader;
    (void)addKnoxTable(reader, 3, 2, observed, rows, columns, static_cast<std::int64_t>(t.pairs), 5, false);
    const auto a = auditTable(reader, {AuditRule::FolderReader, true});
    // Under the one rule (issue 13) every hidden cell, the column totals included, keeps [1, 4].
    EXPECT_TRUE(a.failing.empty()) << a.failing.size() << " failing";
    for (std::size_t c = 0; c < 6; ++c)
        if (p.observedHidden[c]) {
            const auto it =
                std::find_if(a.intervals.begin(), a.intervals.end(), [&](auto& iv) { return iv.cell == c; });
            ASSERT_NE(it, a.intervals.end());
            EXPECT_LE(it->low, 1.0);
            EXPECT_GE(it->high, 4.0);
        }
    std::size_t hiddenCells = 0, hiddenRows = 0;
    for (bool h : p.observedHidden) hiddenCells += h;
    for (bool h : p.rowHidden) hiddenRows += h;
    EXPECT_EQ(reader.hiddenCount(), hiddenCells + hiddenRows);
    EXPECT_EQ(hiddenCells + hiddenRows, 6u) << "secondaries " << p.secondaries;

    // The summary speaks of (0, 100) m within 7 days (raised) only when that cell is shown.
    const auto lines = nearRepeatSummary(t, 0.05, 1.2, &p);
    const bool cellShown = !p.observedHidden[t.index(1, 0)] && !p.expectedHidden[t.index(1, 0)];
    EXPECT_EQ(lines[0].rfind("Een significant", 0) == 0, cellShown);
}

} // namespace
} // namespace gebiedscan::pipeline
