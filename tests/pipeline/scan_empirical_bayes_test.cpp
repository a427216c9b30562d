// Empirical Bayes rates in the scan (issue 16 item 4): eb_<thema> (spdep EBest), ebl_<thema>
// (spdep EBlocal on queen contiguity) and klein_<thema> beside the raw rate_<thema>.
// 1. The real Drenthe buurten with, as registrations, the CBS crimes of 2023 per buurt placed
//    inside each buurt: the scan's rates equal R spdep's (tests/reference/spdep/eb_rates.R) to 1e-6.
// 2. Outside the police an EB rate is written only where it draws on no hidden count.
#include "../gis/gis_test_support.hpp"
#include "gebiedscan_build_paths.hpp"

#include "gebiedscan/pipeline/folder_audit.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_job.hpp"
#include "gebiedscan/pipeline/scan_writer.hpp"

#include "gebiedscan/core/empirical_bayes.hpp"
#include "gebiedscan/gis/area_reader.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace gebiedscan {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::writeText;

const fs::path kSource = GEBIEDSCAN_SOURCE_DIR;

std::vector<std::vector<std::string>> readCsv(const fs::path& file)
{
    std::ifstream in(file);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ',')) cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

// A point well inside the area: the middle of the widest run of a horizontal line through the
// middle of its largest part (shell and holes crossed as an even-odd scan line).
PointRd interiorPoint(const MultiPolygon& area)
{
    const Polygon* largest = &area.front();
    for (const auto& p : area)
        if (areaOf({p}) > areaOf({*largest})) largest = &p;
    const Envelope e = envelopeOf({*largest});
    const double y = e.minY + (e.maxY - e.minY) * 0.5031; // off the vertices
    std::vector<double> xs;
    for (const auto& ring : largest->rings)
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const auto &a = ring[i], &b = ring[i + 1];
            if ((a.y <= y) != (b.y <= y)) xs.push_back(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
        }
    std::sort(xs.begin(), xs.end());
    double best = -1, x = 0;
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
        if (xs[i + 1] - xs[i] > best) {
            best = xs[i + 1] - xs[i];
            x = 0.5 * (xs[i] + xs[i + 1]);
        }
    return {x, y};
}

// The written areas layer: column -> per code the text GDAL gives (empty = null).
std::map<std::string, std::map<std::string, std::string>> readAreasLayer(const fs::path& gpkg,
                                                                         std::vector<std::string> fields)
{
    gis::SourceSpec source;
    source.path = gpkg.string();
    source.layer = "areas";
    gis::VectorReader reader(source);
    fields.insert(fields.begin(), "code");
    reader.selectFields(fields);
    reader.ignoreGeometry(true);
    std::map<std::string, std::map<std::string, std::string>> out;
    gis::Feature feature;
    while (reader.next(feature))
        for (std::size_t i = 1; i < fields.size(); ++i)
            out[fields[i]][*feature.values[0]] = feature.values[i].value_or("");
    return out;
}

TEST(ScanEmpiricalBayes, DrentheBuurtenGiveSpdepsRates)
{
    const fs::path buurten = kSource / "data/open/drenthe-buurten-2024.geojson";
    const fs::path ref = kSource / "tests/reference/spdep";
    gis::SourceSpec areas;
    areas.path = buurten.string();
    const gis::AreaLayer layer = gis::readAreaLayer(areas, {}, "EPSG:28992");
    ASSERT_EQ(layer.codes.size(), 452u);

    // The CBS crimes of 2023 per buurt as registrations (burglary code) inside the buurt.
    std::map<std::string, int> crimes;
    for (const auto& row : readCsv(ref / "eb_drenthe_values.csv")) crimes[row[0]] = std::stoi(row[1]);
    TempDir dir;
    std::string csv = "x;y;code;datum\n";
    int placed = 0;
    for (std::size_t i = 0; i < layer.codes.size(); ++i) {
        const PointRd p = interiorPoint(layer.geometries[i]);
        ASSERT_TRUE(containsPoint(layer.geometries[i], p)) << layer.codes[i];
        for (int k = 0; k < crimes.at(layer.codes[i]); ++k, ++placed)
            csv += fmt::format("{:.3f};{:.3f};1.3.1;2023-{:02}-{:02} {:02}:00\n", p.x, p.y, 1 + k % 12, 1 + k % 28,
                               k % 24);
    }
    ASSERT_EQ(placed, 13545);
    writeText(dir / "reg.csv", csv);

    pipeline::ScanOptions o;
    o.incidents.path = (dir / "reg.csv").string();
    o.incidents.assumeCrs = "EPSG:28992";
    o.areas = areas;
    o.year = 2023;
    o.referenceYears = 1;
    o.permutations = 0;
    o.internal = true;
    o.outDir = dir / "uit";
    pipeline::CollectingReporter reporter;
    const auto r = pipeline::runScan(o, reporter);
    const auto& f = *r->figures;
    const auto& lv = r->areas.levels[0];
    ASSERT_EQ(lv.size(), 452u);
    ASSERT_EQ(r->rates.size(), r->areas.levels.size());
    const auto& eb = r->rates[0].slots[f.totalSlot()];

    // spdep's rows are the 447 buurten with inhabitants, in the file's order.
    std::vector<std::string> used;
    for (const auto& row : readCsv(ref / "eb_drenthe_values.csv"))
        if (row[3] == "1") used.push_back(row[0]);
    const auto rates = readCsv(ref / "eb_drenthe_rates.csv"); // raw, global, local, local_geoda, ...
    ASSERT_EQ(rates.size(), used.size());
    std::map<std::string, std::size_t> index;
    for (std::size_t a = 0; a < lv.size(); ++a) index[lv.codes[a]] = a;
    for (std::size_t k = 0; k < used.size(); ++k) {
        const std::size_t a = index.at(used[k]);
        ASSERT_EQ(f.themeCount(0, a, f.totalSlot(), f.currentPeriod()), static_cast<unsigned>(crimes.at(used[k])));
        const double raw = std::stod(rates[k][0]), global = std::stod(rates[k][1]), local = std::stod(rates[k][2]);
        EXPECT_NEAR(eb.global.raw[a], raw, 1e-12 * raw) << used[k];
        EXPECT_NEAR(eb.global.smoothed[a], global, 1e-6 * global) << used[k];
        EXPECT_NEAR(eb.local.smoothed[a], local, 1e-6 * local) << used[k];
    }
    const auto global = readCsv(ref / "eb_drenthe_global.csv");
    EXPECT_NEAR(eb.global.priorVariance, std::stod(global[0][0]), 1e-9);
    EXPECT_NEAR(eb.global.priorMean, std::stod(global[0][1]), 1e-12);

    // The written columns: per 1,000 to 4 decimals; no rate without inhabitants; the flag.
    pipeline::writeScanOutputs(*r, o);
    const auto cols = readAreasLayer(o.outDir / "gebiedscan.gpkg",
                                     {"eb_total", "ebl_total", "klein_total", "rate_total", "population"});
    ASSERT_EQ(cols.at("eb_total").size(), 452u);
    std::size_t flagged = 0, compared = 0;
    for (std::size_t k = 0; k < used.size(); ++k) {
        const std::string& code = used[k];
        EXPECT_NEAR(std::stod(cols.at("eb_total").at(code)), std::stod(rates[k][1]) * 1000, 0.5e-4 + 1e-9) << code;
        EXPECT_NEAR(std::stod(cols.at("ebl_total").at(code)), std::stod(rates[k][2]) * 1000, 0.5e-4 + 1e-9) << code;
        const double population = std::stod(cols.at("population").at(code));
        const bool small = population < 50 || population * eb.global.priorMean < 5;
        EXPECT_EQ(cols.at("klein_total").at(code), small ? "1" : "0") << code;
        flagged += small;
        ++compared;
    }
    EXPECT_EQ(compared, 447u);
    EXPECT_GT(flagged, 10u); // 0.0376 per inhabitant: under 133 inhabitants fewer than 5 are expected
    for (const auto& [code, c] : crimes)
        if (std::find(used.begin(), used.end(), code) == used.end()) {
            EXPECT_EQ(cols.at("eb_total").at(code), "") << code << " has no inhabitants";
            EXPECT_EQ(cols.at("ebl_total").at(code), "") << code;
            EXPECT_EQ(cols.at("klein_total").at(code), "1") << code;
        }
}

// A strip of 12 squares in one wijk, all with enough registrations but the first: outside the
// police its count is hidden (and one more, so the wijk total does not give it away). The EB
// rates are computed on the protected table (issue 13): a hidden count as T/2 = 2.5, every other
// as published, the population as published; they stand beside every published count, and the
// audit recomputes them (a column from the true counts fails it).
TEST(ScanEmpiricalBayes, OutsideThePoliceRatesComeFromTheProtectedTable)
{
    TempDir dir;
    std::string areas =
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[)";
    std::string csv = "x;y;code;datum\n";
    for (int i = 0; i < 12; ++i) {
        const double x = 150000 + 1000.0 * i, y = 450000;
        areas += fmt::format(
            R"({}{{"type":"Feature","properties":{{"BU_CODE":"BU0001{:04}","BU_NAAM":"b{}","AANT_INW":{}}},)"
            R"("geometry":{{"type":"Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
            i ? "," : "", 100 + i, i, 800 + 150 * i, x, y, x + 1000, y, x + 1000, y + 1000, x, y + 1000, x, y);
        const int n = i == 0 ? 3 : 20 + 3 * i;
        for (int k = 0; k < n; ++k)
            csv += fmt::format("{};{};1.3.1;2023-{:02}-{:02} 10:00\n", x + 500, y + 500, 1 + k % 12, 1 + k % 28);
        for (int k = 0; k < 12; ++k) csv += fmt::format("{};{};1.3.1;2022-05-{:02} 10:00\n", x + 500, y + 500, 1 + k);
    }
    writeText(dir / "areas.geojson", areas + "]}");
    writeText(dir / "reg.csv", csv);
    pipeline::ScanOptions o;
    o.incidents.path = (dir / "reg.csv").string();
    o.incidents.assumeCrs = "EPSG:28992";
    o.areas.path = (dir / "areas.geojson").string();
    o.year = 2023;
    o.referenceYears = 1;
    o.permutations = 0;
    o.outDir = dir / "uit";
    pipeline::CollectingReporter reporter;
    const auto r = pipeline::runScan(o, reporter);
    ASSERT_TRUE(r->suppression);
    const auto& f = *r->figures;
    const auto& lv = r->areas.levels[0];
    ASSERT_EQ(lv.size(), 12u);
    pipeline::writeScanOutputs(*r, o);
    const auto cols = readAreasLayer(o.outDir / "gebiedscan.gpkg", {"n_total", "eb_total", "ebl_total", "klein_total"});

    // The protected table by hand: hidden (current period) as 2.5, the rest the true count.
    const auto trueCount = [](std::size_t a) { return a == 0 ? 3.0 : 20.0 + 3.0 * static_cast<double>(a); };
    const std::size_t cur = f.currentPeriod();
    std::vector<bool> hidden(12);
    std::vector<double> x(12), people(12);
    for (std::size_t a = 0; a < 12; ++a) {
        hidden[a] = r->suppression->theme(0, a, f.totalSlot(), cur);
        const double count = trueCount(a);
        x[a] = hidden[a] ? 2.5 : count;
        people[a] = 800.0 + 150.0 * static_cast<double>(a);
    }
    ASSERT_TRUE(hidden[0]);
    ASSERT_GE(std::count(hidden.begin(), hidden.end(), true), 2);
    // spdep EBest by hand: b = sum x / sum P, s2 = sum P (r - b)^2 / sum P, a = s2 - b / mean P.
    double sumX = 0, sumP = 0;
    for (std::size_t a = 0; a < 12; ++a) sumX += x[a], sumP += people[a];
    const double b = sumX / sumP;
    double s2 = 0;
    for (std::size_t a = 0; a < 12; ++a) s2 += people[a] * std::pow(x[a] / people[a] - b, 2);
    s2 /= sumP;
    const double prior = std::max(0.0, s2 - b / (sumP / 12));
    ASSERT_GT(prior, 0.0); // the rates vary: the smoothing is no mere pooled rate
    // Local EB (spdep EBlocal, own m_j in the sum) on the strip's neighbours a-1, a+1.
    const auto localMean = [&](std::size_t a) {
        double cx = 0, cp = 0;
        for (std::size_t j = a == 0 ? 0 : a - 1; j <= std::min<std::size_t>(a + 1, 11); ++j)
            cx += x[j], cp += people[j];
        return cx / cp;
    };
    std::size_t shown = 0;
    for (std::size_t a = 0; a < 12; ++a) {
        const std::string& code = lv.codes[a];
        if (hidden[a]) {
            EXPECT_EQ(cols.at("n_total").at(code), "") << code;
            EXPECT_EQ(cols.at("eb_total").at(code), "") << code << ": no figure of its own beside a hidden count";
            EXPECT_EQ(cols.at("ebl_total").at(code), "") << code;
            EXPECT_EQ(cols.at("klein_total").at(code), "") << code;
            continue;
        }
        ++shown;
        const double raw = x[a] / people[a];
        const double global = b + prior * (raw - b) / (prior + b / people[a]);
        ASSERT_NE(cols.at("eb_total").at(code), "") << code;
        EXPECT_NEAR(std::stod(cols.at("eb_total").at(code)), global * 1000, 0.5e-4 + 1e-9) << code;
        double c = 0, p = 0;
        for (std::size_t j = a == 0 ? 0 : a - 1; j <= std::min<std::size_t>(a + 1, 11); ++j)
            c += people[j] * std::pow(x[j] / people[j] - localMean(j), 2), p += people[j];
        const std::size_t k = a == 0 || a == 11 ? 2 : 3;
        const double m = localMean(a), va = std::max(0.0, c / p - m / (p / static_cast<double>(k)));
        const double local = va + m / people[a] > 0 ? m + (raw - m) * va / (va + m / people[a]) : m;
        ASSERT_NE(cols.at("ebl_total").at(code), "") << code;
        EXPECT_NEAR(std::stod(cols.at("ebl_total").at(code)), local * 1000, 0.5e-4 + 1e-9) << code;
        EXPECT_EQ(cols.at("klein_total").at(code), b * people[a] < 5 ? "1" : "0") << code;
    }
    EXPECT_EQ(shown, 12u - static_cast<std::size_t>(std::count(hidden.begin(), hidden.end(), true)));
    const auto model = pipeline::loadScanModel(pipeline::defaultModelPath());
    const auto audit = pipeline::auditScanFolder(o.outDir, model);
    EXPECT_TRUE(audit.passed()) << (audit.findings.empty() ? std::string() : audit.findings.front().message);

    // The intruder's case: eb_ from the true counts (the hidden 3 entering as 3). Its prior mean
    // and variance then give the hidden counts' sum and sum of squares; the audit must catch it.
    std::vector<double> truth(12);
    for (std::size_t a = 0; a < 12; ++a) truth[a] = trueCount(a);
    const auto leaked = globalEmpiricalBayes(truth, people);
    const std::size_t probe = 5;
    ASSERT_GT(std::abs(leaked.smoothed[probe] * 1000 - std::stod(cols.at("eb_total").at(lv.codes[probe]))), 1e-3);
    const std::string sql =
        fmt::format("ogrinfo -q '{}' -sql \"UPDATE areas SET eb_total = {:.4f} WHERE code = '{}'\" "
                    "> /dev/null 2>&1",
                    (o.outDir / "gebiedscan.gpkg").string(), leaked.smoothed[probe] * 1000, lv.codes[probe]);
    ASSERT_EQ(std::system(sql.c_str()), 0) << sql;
    const auto tampered = pipeline::auditScanFolder(o.outDir, model);
    EXPECT_FALSE(tampered.passed());
    bool caught = false;
    for (const auto& finding : tampered.findings)
        caught = caught || (finding.kind == pipeline::AuditFinding::Kind::DerivedPublished &&
                            finding.message.find("eb_total") != std::string::npos &&
                            finding.message.find("beschermde tabel") != std::string::npos);
    EXPECT_TRUE(caught);
}

} // namespace
} // namespace gebiedscan
