#pragma once
// Small in-memory layers with hand-checkable values for the viewer tests.
#include "map_layer.hpp"

#include <cmath>
#include <memory>
#include <string>

namespace gebiedscan::viewer::test {

/// A square ring of side `size` metres with its lower-left corner at (x, y).
inline std::vector<PointRd> square(double x, double y, double size)
{
    return {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}};
}

/// Six 1 km squares in a row from (200000, 500000) with code, name, level, n_woninginbraak
/// = 0, 2, 10, 40, NULL (geheim), 100 and a hole in the last one.
inline std::shared_ptr<LayerData> sixAreas()
{
    auto l = std::make_shared<LayerData>();
    l->name = "areas";
    l->sourceLayer = "areas";
    l->geometry = GeometryKind::Polygon;
    l->setFields({{"code", false},
                  {"name", false},
                  {"level", false},
                  {"n_total", true},
                  {"n_woninginbraak", true},
                  {"exp_woninginbraak", true},
                  {"chg_woninginbraak", true},
                  {"p_woninginbraak", true},
                  {"rank_woninginbraak", true}});
    const char* values[] = {"0", "2", "10", "40", nullptr, "100"};
    for (int i = 0; i < 6; ++i) {
        std::vector<std::vector<PointRd>> rings{square(200000.0 + 1000 * i, 500000.0, 1000)};
        if (i == 5) rings.push_back(square(205400, 500400, 200)); // a hole
        l->addFeature(rings);
        std::vector<std::optional<QString>> v{QStringLiteral("BU%1").arg(i), QStringLiteral("Buurt %1").arg(i),
                                              QStringLiteral("buurt"), QStringLiteral("150")};
        v.push_back(values[i] ? std::optional<QString>(QString::fromLatin1(values[i])) : std::nullopt);
        v.push_back(QStringLiteral("20"));
        v.push_back(values[i] ? std::optional<QString>(QStringLiteral("25.5")) : std::nullopt);
        v.push_back(values[i] ? std::optional<QString>(i == 5 ? QStringLiteral("0.001") : QStringLiteral("0.4"))
                              : std::nullopt);
        v.push_back(QString::number(6 - i));
        l->appendValues(v);
    }
    classify(*l);
    return l;
}

/// Three 1 km squares above sixAreas() with gi_bin 3, 0, -2.
inline std::shared_ptr<LayerData> hotspots()
{
    auto l = std::make_shared<LayerData>();
    l->name = "hotspots";
    l->geometry = GeometryKind::Polygon;
    l->setFields({{"gi_z", true}, {"gi_bin", true}, {"lisa_q", false}});
    const char* bins[] = {"3", "0", "-2"};
    const char* z[] = {"3.1", "0.2", "-2.2"};
    const char* lisa[] = {"HH", "ns", "Laag-laag"};
    for (int i = 0; i < 3; ++i) {
        l->addFeature({square(200000.0 + 1000 * i, 501500.0, 1000)});
        l->appendValues({QString::fromLatin1(z[i]), QString::fromLatin1(bins[i]), QString::fromLatin1(lisa[i])});
    }
    classify(*l);
    return l;
}

} // namespace gebiedscan::viewer::test
