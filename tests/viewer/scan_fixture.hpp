#pragma once
// A small scan folder as `gebiedscan scan` writes it (areas with counts, some suppressed, and the
// hour-of-week table hot_times), built with the project's writers, for the viewer tests.
#include "gebiedscan/gis/table_writer.hpp"

#include <QDir>
#include <QString>
#include <QTemporaryDir>

#include <tuple>
#include <vector>

namespace gebiedscan::viewer::test {

inline gis::FeatureGeometry cell(double x, double y)
{
    gis::FeatureGeometry g;
    g.kind = gis::FeatureGeometry::Kind::Polygon;
    g.polygons = {Polygon{{{{x, y}, {x + 500, y}, {x + 500, y + 500}, {x, y + 500}, {x, y}}}}};
    return g;
}

// Three cells: C1 has woninginbraak on Monday 22-23 h (3.5) and Friday 01-02 h (1.25), and in
// total also Sunday 12-13 h (2); C2's woninginbraak week is suppressed (NULL); C3 has no rows.
// With `hotTimes` false the scan is an older one without the table.
inline QString writeScan(const QTemporaryDir& dir, bool hotTimes = true)
{
    using T = gis::Column::Type;
    gis::Table areas;
    areas.name = "areas";
    areas.columns = {{"code", T::String, ""},           {"name", T::String, ""},
                     {"level", T::String, ""},          {"population", T::Integer, ""},
                     {"n_total", T::Integer, ""},       {"n_woninginbraak", T::Integer, ""},
                     {"exp_woninginbraak", T::Real, ""}};
    areas.geometryKind = gis::FeatureGeometry::Kind::Polygon;
    const gis::Value geheim = gis::Suppressed{};
    areas.rows = {{std::string("C1"), std::string("Cel 1"), std::string("cel"), std::int64_t{100}, std::int64_t{30},
                   std::int64_t{12}, 6.0},
                  {std::string("C2"), std::string("Cel 2"), std::string("cel"), std::int64_t{200}, std::int64_t{20},
                   geheim, geheim},
                  {std::string("C3"), std::string("Cel 3"), std::string("cel"), std::int64_t{300}, std::int64_t{0},
                   std::int64_t{0}, 0.0}};
    areas.geometries = {cell(200000, 500000), cell(200500, 500000), cell(201000, 500000)};
    gis::Table times;
    times.name = "hot_times";
    times.columns = {
        {"level", T::String, ""}, {"area_code", T::String, ""}, {"theme", T::String, ""}, {"day", T::String, ""}};
    for (int h = 0; h < 24; ++h)
        times.columns.push_back({QStringLiteral("h%1").arg(h, 2, 10, QLatin1Char('0')).toStdString(), T::Real, ""});
    const char* days[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
    const auto week = [&](const char* area, const char* theme, std::vector<std::tuple<int, int, double>> hours,
                          bool hidden) {
        for (int d = 0; d < 7; ++d) {
            std::vector<gis::Value> row{std::string("cel"), std::string(area), std::string(theme),
                                        std::string(days[d])};
            for (int h = 0; h < 24; ++h) {
                double v = 0;
                for (const auto& [hd, hh, hv] : hours)
                    if (hd == d && hh == h) v = hv;
                row.push_back(hidden ? geheim : gis::Value{v});
            }
            times.rows.push_back(std::move(row));
        }
    };
    week("C1", "woninginbraak", {{0, 22, 3.5}, {4, 1, 1.25}}, false);
    week("C1", "total", {{0, 22, 3.5}, {4, 1, 1.25}, {6, 12, 2.0}}, false);
    week("C2", "woninginbraak", {}, true);
    week("C2", "total", {{2, 9, 1.0}}, false);
    std::vector<gis::Table> tables{areas};
    if (hotTimes) tables.push_back(times);
    gis::writeGeoPackage(QDir(dir.path()).filePath(QStringLiteral("gebiedscan.gpkg")).toStdString(), tables, {});
    return dir.path();
}

} // namespace gebiedscan::viewer::test
