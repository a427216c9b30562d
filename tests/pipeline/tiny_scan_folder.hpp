#pragma once
// A hand-made scan output folder small enough to check by hand: three buurten in one wijk, the
// themes geweld (1.4, threshold 5) and zeden (1.6, threshold 10), one period (2024).
//
//            geweld  zeden  total
//   BU1        12      5     17
//   BU2         0      7      7      (only zeden: its total gives it away)
//   BU3         3      0      3
//   WK1        15     12     27
//
// `Leaky` hides only the primaries (zeden 5 and 7, geweld 3 and total 3) and publishes a rate
// and Gi* z for hidden counts: zeden 5 = 17 - 12, zeden 7 = the total 7, geweld 3 = 15 - 12.
// `Protected` also hides geweld 12 and the totals 17 and 7 and publishes no derived figure:
// every hidden count then spans at least 0..12.
#include "gebiedscan/gis/table_writer.hpp"

#include <filesystem>
#include <fstream>
#include <string>

namespace gebiedscan::testing {

enum class TinyFolder { Leaky, Protected };

inline void writeTinyScanFolder(const std::filesystem::path& dir, TinyFolder kind)
{
    using gis::Column;
    using gis::Value;
    std::filesystem::create_directories(dir);
    const bool leaky = kind == TinyFolder::Leaky;
    const auto hide = [](bool hidden, std::int64_t v) { return hidden ? Value(gis::Suppressed{}) : Value(v); };
    struct Area {
        const char *level, *code, *parent;
        std::int64_t geweld, zeden;
        bool hideGeweld, hideZeden, hideTotal;
    };
    const Area areas[] = {{"buurt", "BU1", "WK1", 12, 5, !leaky, true, !leaky},
                          {"buurt", "BU2", "WK1", 0, 7, false, true, !leaky},
                          {"buurt", "BU3", "WK1", 3, 0, true, false, true},
                          {"wijk", "WK1", "", 15, 12, false, false, false}};

    gis::Table buurten, wijken, figures;
    buurten.name = "areas";
    wijken.name = "areas_wijk";
    for (auto* t : {&buurten, &wijken}) {
        t->columns = {{"code", Column::Type::String, ""},        {"name", Column::Type::String, ""},
                      {"level", Column::Type::String, ""},       {"parent_code", Column::Type::String, ""},
                      {"population", Column::Type::Integer, ""}, {"n_total", Column::Type::Integer, ""},
                      {"n_geweld", Column::Type::Integer, ""},   {"n_zeden", Column::Type::Integer, ""},
                      {"n_overig", Column::Type::Integer, ""}};
        if (leaky)
            for (const char* extra : {"rate_zeden", "gi_z", "gi_bin"})
                t->columns.push_back(
                    {extra, extra[0] == 'g' && extra[3] == 'b' ? Column::Type::Integer : Column::Type::Real, ""});
    }
    figures.name = "figures";
    figures.columns = {{"level", Column::Type::String, ""},        {"area_code", Column::Type::String, ""},
                       {"theme_number", Column::Type::String, ""}, {"theme", Column::Type::String, ""},
                       {"category", Column::Type::String, ""},     {"period", Column::Type::String, ""},
                       {"role", Column::Type::String, ""},         {"count", Column::Type::Integer, ""}};
    for (const auto& a : areas) {
        const std::int64_t total = a.geweld + a.zeden;
        std::vector<Value> row{std::string(a.code),          std::string(a.code),        std::string(a.level),
                               std::string(a.parent),        std::int64_t{2000},         hide(a.hideTotal, total),
                               hide(a.hideGeweld, a.geweld), hide(a.hideZeden, a.zeden), std::int64_t{0}};
        if (leaky) {
            row.emplace_back(static_cast<double>(a.zeden) / 2.0); // per 1,000 of 2,000 inhabitants
            row.emplace_back(0.25);
            row.emplace_back(std::int64_t{0});
        }
        (std::string(a.level) == "buurt" ? buurten : wijken).rows.push_back(row);
        const auto emit = [&](const char* number, const char* theme, std::int64_t v, bool hidden) {
            if (v == 0) return; // the sparse long table leaves zeros out
            figures.rows.push_back({std::string(a.level), std::string(a.code), std::string(number), std::string(theme),
                                    std::string(), std::string("2024"), std::string("huidig"), hide(hidden, v)});
        };
        emit("", "Totaal", total, a.hideTotal);
        emit("1.4", "Geweld op straat", a.geweld, a.hideGeweld);
        emit("1.6", "Zeden", a.zeden, a.hideZeden);
    }
    gis::writeGeoPackage(dir / "gebiedscan.gpkg", {buurten, wijken, figures}, {});
    std::ofstream(dir / "summary.json")
        << R"({"audience": "extern", "periods": [{"id": "2024", "role": "current"}], "themes": [)"
        << R"({"id": "geweld", "number": "1.4", "label": "Geweld op straat"},)"
        << R"({"id": "zeden", "number": "1.6", "label": "Zeden"}]})" << '\n';
}

/// The scan model matching the tiny folder (thresholds 5, zeden 10).
inline void writeTinyModel(const std::filesystem::path& file)
{
    std::ofstream(file) << "[model]\nname = \"klein\"\nsuppress_below = 5\n\n"
                           "[[theme]]\nid = \"geweld\"\nnumber = \"1.4\"\n\n"
                           "[[theme]]\nid = \"zeden\"\nnumber = \"1.6\"\nsuppress_below = 10\n";
}

} // namespace gebiedscan::testing
