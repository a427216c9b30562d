// Count tables per month and per quarter (CBS 83648NED-style Perioden 2024MM05, 2024KW02) scan
// like the registrations behind them: the same counts, changes and rates at every level; a
// monthly table also gives the same months and so the same trend per theme, a quarterly one
// says it has no months.
#include "pipeline_test_support.hpp"

#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <sstream>
#include <tuple>

using namespace gebiedscan;
using namespace gebiedscan::pipeline;

namespace {

// 3 x 3 buurten of 1 km in three wijken (one per row), RD New.
std::string nineBuurten()
{
    std::string features;
    for (int row = 0; row < 3; ++row)
        for (int col = 0; col < 3; ++col) {
            const double x = 150000 + 1000.0 * col, y = 450000 + 1000.0 * row;
            features += fmt::format(
                R"({}{{"type":"Feature","properties":{{"BU_CODE":"BU00010{}0{}","WK_CODE":"WK00010{}","GM_CODE":"GM0001",)"
                R"("AANT_INW":{}}},"geometry":{{"type":"Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
                features.empty() ? "" : ",", row, col, row, 1000 + 250 * (3 * row + col), x, y, x + 1000, y, x + 1000,
                y + 1000, x, y + 1000, x, y);
        }
    return jobtest::rdGeoJson(features);
}

class CountTableMonths : public ::testing::Test {
protected:
    void SetUp() override
    {
        jobtest::writeText(m_dir.path() / "buurten.geojson", nineBuurten());
        // 3000 registrations 2022-2024 in the buurten, the eastern column rising through 2024;
        // counted per buurt, category and month as the table will hold them.
        std::ostringstream csv;
        csv << "x,y,code,datum\n";
        std::mt19937 rng(83648);
        std::uniform_real_distribution<double> u(0.05, 0.95);
        std::uniform_int_distribution<int> cell(0, 8), year(2022, 2024), month(1, 12), day(1, 28), code(0, 4);
        const char* codes[] = {"1.1.1", "1.2.3", "1.4.5", "2.2.1", "9.9.9"};
        for (int i = 0; i < 3000; ++i) {
            int c = cell(rng);
            const int y = year(rng), m = month(rng);
            if (y == 2024 && i % 3 == 0) c = 3 * (c / 3) + 2; // more in the east in 2024
            const int k = code(rng);
            csv << std::fixed << 150000 + 1000.0 * (c % 3) + 1000 * u(rng) << ','
                << 450000 + 1000.0 * (c / 3) + 1000 * u(rng) << ',' << codes[k] << ','
                << fmt::format("{}-{:02}-{:02}", y, m, day(rng)) << '\n';
            ++m_perMonth[{fmt::format("BU00010{}0{}", c / 3, c % 3), codes[k], y, m}];
        }
        jobtest::writeText(m_dir.path() / "registraties.csv", csv.str());
    }

    ScanOptions options() const
    {
        ScanOptions o;
        o.areas.path = (m_dir.path() / "buurten.geojson").string();
        o.year = 2024;
        o.referenceYears = 2;
        o.permutations = 0;
        o.internal = true;
        return o;
    }

    // The CBS StatLine form: ';', quoted keys padded with spaces, one row per value.
    std::string table(bool quarters) const
    {
        std::map<std::tuple<std::string, std::string, std::string>, int> rows;
        for (const auto& [key, n] : m_perMonth) {
            const auto& [buurt, code, y, m] = key;
            rows[{buurt, code, quarters ? fmt::format("{}KW0{}", y, (m + 2) / 3) : fmt::format("{}MM{:02}", y, m)}] +=
                n;
        }
        std::string out = "\"ID\";\"WijkenEnBuurten\";\"SoortMisdrijf\";\"Perioden\";\"GeregistreerdeMisdrijven_1\"\n";
        int id = 0;
        for (const auto& [key, n] : rows)
            out += fmt::format("{};\"{}  \";\"{}   \";\"{}\";\"{}\"\n", id++, std::get<0>(key), std::get<1>(key),
                               std::get<2>(key), n);
        return out;
    }

    std::unique_ptr<const ScanResult> scanPoints()
    {
        ScanOptions o = options();
        o.incidents.path = (m_dir.path() / "registraties.csv").string();
        o.incidents.assumeCrs = "EPSG:28992";
        CollectingReporter reporter;
        return runScan(o, reporter);
    }
    std::unique_ptr<const ScanResult> scanTable(bool quarters, CollectingReporter& reporter)
    {
        ScanOptions o = options();
        o.counts.path =
            jobtest::writeText(m_dir.path() / (quarters ? "kwartalen.csv" : "maanden.csv"), table(quarters)).string();
        return runScan(o, reporter);
    }

    static void expectSameFigures(const ScanResult& r, const ScanResult& points)
    {
        const auto& f = *r.figures;
        const auto& g = *points.figures;
        ASSERT_EQ(r.areas.levels.size(), 3u); // buurt, wijk, gemeente
        ASSERT_EQ(points.areas.levels.size(), 3u);
        std::uint64_t compared = 0;
        for (std::size_t l = 0; l < r.areas.levels.size(); ++l) {
            ASSERT_EQ(r.areas.levels[l].codes, points.areas.levels[l].codes);
            for (std::size_t a = 0; a < r.areas.levels[l].size(); ++a)
                for (std::size_t s = 0; s < f.themeSlots(); ++s) {
                    for (std::size_t p = 0; p < f.periods(); ++p) {
                        ASSERT_EQ(f.themeCount(l, a, s, p), g.themeCount(l, a, s, p))
                            << r.areas.levels[l].codes[a] << " slot " << s << " period " << p;
                        compared += f.themeCount(l, a, s, p);
                    }
                    EXPECT_DOUBLE_EQ(f.change(l, a, s).pValue, g.change(l, a, s).pValue);
                    EXPECT_EQ(f.change(l, a, s).flag, g.change(l, a, s).flag);
                    EXPECT_EQ(f.ratePer1000(l, a, s), g.ratePer1000(l, a, s));
                }
        }
        // Every registration at each of the three levels, in one of the three years, per total slot and
        // per theme or overig slot: 3000 x 3 levels x 2.
        EXPECT_EQ(compared, 3000u * 3 * 2);
        EXPECT_TRUE(f.hasReference());
    }

    jobtest::TempFolder m_dir;
    std::map<std::tuple<std::string, std::string, int, int>, int> m_perMonth;
};

TEST_F(CountTableMonths, MonthlyTableGivesTheFiguresMonthsAndTrendsOfTheRegistrations)
{
    const auto points = scanPoints();
    CollectingReporter reporter;
    const auto r = scanTable(false, reporter);
    expectSameFigures(*r, *points);
    EXPECT_EQ(r->accounting.inArea(), 3000u);
    EXPECT_EQ(r->countTable->registrationsUsed(), 3000u);
    EXPECT_TRUE(r->subYearDates);
    EXPECT_EQ(r->months, 36u);
    EXPECT_EQ(r->firstMonth, points->firstMonth);
    ASSERT_EQ(r->monthly.size(), points->monthly.size());
    EXPECT_EQ(r->monthly, points->monthly);
    std::uint64_t inMonths = 0;
    for (const auto& [cell, n] : r->monthly) inMonths += n;
    EXPECT_EQ(inMonths, 3000u * 2); // each in its theme (or overig) slot and in the total
    EXPECT_EQ(r->trends, points->trends);
    EXPECT_FALSE(r->timeOfDayKnown);
}

TEST_F(CountTableMonths, QuarterlyTableGivesTheFiguresAndSaysItHasNoMonths)
{
    const auto points = scanPoints();
    CollectingReporter reporter;
    const auto r = scanTable(true, reporter);
    expectSameFigures(*r, *points);
    EXPECT_FALSE(r->subYearDates);
    EXPECT_EQ(r->months, 0u);
    EXPECT_TRUE(r->monthly.empty());
    bool said = false;
    for (const auto& m : reporter.infos) said = said || m.find("geen trend per maand") != std::string::npos;
    EXPECT_TRUE(said);
}

} // namespace
