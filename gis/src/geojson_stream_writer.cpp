#include "geojson_stream_writer.hpp"

#include "gebiedscan/core/error.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace gebiedscan::gis::detail {

namespace {

// RFC 7946 advises 6 decimals (about 10 cm); GDAL writes 7 (about 1 cm) and so do we.
constexpr int kCoordinateDecimals = 7;

void appendCoordinate(std::string& out, double v)
{
    char buf[64];
    char* end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, kCoordinateDecimals).ptr;
    while (end[-1] == '0' && end[-2] != '.') --end; // 5.3870000 -> 5.387, 5.0000000 -> 5.0
    out.append(buf, end);
}

// Shortest text that reads back as the same double, with ".0" on whole numbers as GDAL writes
// them (a reader then types the property as real, not integer).
void appendReal(std::string& out, double v)
{
    if (!std::isfinite(v)) {
        out += "null"; // JSON has no NaN or infinity
        return;
    }
    char buf[64];
    char* end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out.append(buf, end);
    if (std::string_view(buf, static_cast<std::size_t>(end - buf)).find_first_of(".e") == std::string_view::npos)
        out += ".0";
}

double signedArea(const std::vector<PointRd>& ring)
{
    double twice = 0.0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        twice += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
    return twice / 2.0; // > 0: counter-clockwise
}

} // namespace

void appendJsonString(std::string& out, std::string_view text)
{
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

GeoJsonStreamWriter::GeoJsonStreamWriter(const std::filesystem::path& file, std::string shownPath,
                                         const std::string& name, const std::map<std::string, std::string>& members,
                                         const std::vector<Column>& columns, const std::string& workingCrs)
    : m_file(file, shownPath), m_toWgs84(workingCrs, "EPSG:4326"), m_shownPath(std::move(shownPath))
{
    std::string& out = m_file.buffer();
    out += "{\n\"type\": \"FeatureCollection\",\n";
    for (const auto& [key, value] : members) {
        appendJsonString(out, key);
        out += ": ";
        appendJsonString(out, value);
        out += ",\n";
    }
    out += "\"name\": ";
    appendJsonString(out, name);
    out += ",\n\"features\": [\n";
    for (const auto& c : columns) {
        std::string key;
        appendJsonString(key, c.name);
        m_propertyKeys.push_back(key + ": ");
    }
}

void GeoJsonStreamWriter::feature(const std::vector<Value>& row, const FeatureGeometry* g)
{
    std::string& out = m_file.buffer();
    if (m_features++ > 0) out += ",\n";
    out += "{ \"type\": \"Feature\", \"properties\": { ";
    const std::size_t n = std::min(row.size(), m_propertyKeys.size());
    for (std::size_t c = 0; c < n; ++c) {
        if (c > 0) out += ", ";
        out += m_propertyKeys[c];
        const Value& v = row[c];
        if (const auto* i = std::get_if<std::int64_t>(&v)) {
            char buf[24];
            out.append(buf, std::to_chars(buf, buf + sizeof buf, *i).ptr);
        } else if (const auto* d = std::get_if<double>(&v)) {
            appendReal(out, *d);
        } else if (const auto* s = std::get_if<std::string>(&v)) {
            appendJsonString(out, *s);
        } else {
            out += "null"; // NULL, and a count withheld for disclosure control
        }
    }
    out += n > 0 ? " }, \"geometry\": " : "}, \"geometry\": ";
    if (g)
        geometry(*g);
    else
        out += "null";
    out += " }";
    m_file.flushIfFull();
}

void GeoJsonStreamWriter::geometry(const FeatureGeometry& g)
{
    std::string& out = m_file.buffer();
    using Kind = FeatureGeometry::Kind;
    const bool empty = (g.kind == Kind::Point && g.points.empty()) || (g.kind == Kind::Line && g.lines.empty()) ||
                       (g.kind == Kind::Polygon && g.polygons.empty()) || g.kind == Kind::None;
    if (empty) {
        out += "null";
        return;
    }
    switch (g.kind) {
    case Kind::Point:
        if (g.points.size() == 1) {
            out += "{ \"type\": \"Point\", \"coordinates\": ";
            m_scratch = g.points;
            if (m_toWgs84.transform(m_scratch) != 1)
                throw OutputError("cannot write feature " + std::to_string(m_features) + " to '" + m_shownPath +
                                  "': its point has no WGS84 position");
            out += "[ ";
            appendCoordinate(out, m_scratch[0].x);
            out += ", ";
            appendCoordinate(out, m_scratch[0].y);
            out += " ] }";
        } else {
            out += "{ \"type\": \"MultiPoint\", \"coordinates\": ";
            points(g.points, false, false);
            out += " }";
        }
        break;
    case Kind::Line:
        out += g.lines.size() == 1 ? "{ \"type\": \"LineString\", \"coordinates\": "
                                   : "{ \"type\": \"MultiLineString\", \"coordinates\": [ ";
        for (std::size_t l = 0; l < g.lines.size(); ++l) {
            if (l > 0) out += ", ";
            points(g.lines[l], false, false);
        }
        out += g.lines.size() == 1 ? " }" : " ] }";
        break;
    case Kind::Polygon:
        out += g.polygons.size() == 1 ? "{ \"type\": \"Polygon\", \"coordinates\": "
                                      : "{ \"type\": \"MultiPolygon\", \"coordinates\": [ ";
        for (std::size_t p = 0; p < g.polygons.size(); ++p) {
            if (p > 0) out += ", ";
            out += "[ ";
            const auto& rings = g.polygons[p].rings;
            for (std::size_t r = 0; r < rings.size(); ++r) {
                if (r > 0) out += ", ";
                points(rings[r], true, r == 0); // RFC 7946: shells counter-clockwise, holes clockwise
            }
            out += " ]";
        }
        out += g.polygons.size() == 1 ? " }" : " ] }";
        break;
    case Kind::None: break;
    }
}

// Writes `[ [ lon, lat ], ... ]`: closed and oriented when `closedRing`.
void GeoJsonStreamWriter::points(const std::vector<PointRd>& source, bool closedRing, bool counterClockwise)
{
    m_scratch = source;
    if (closedRing && !m_scratch.empty() &&
        (m_scratch.front().x != m_scratch.back().x || m_scratch.front().y != m_scratch.back().y))
        m_scratch.push_back(m_scratch.front());
    if (m_toWgs84.transform(m_scratch) != m_scratch.size())
        throw OutputError("cannot write feature " + std::to_string(m_features) + " to '" + m_shownPath +
                          "': a coordinate has no WGS84 position");
    const bool reverse = closedRing && m_scratch.size() > 2 && (signedArea(m_scratch) > 0) != counterClockwise;
    std::string& out = m_file.buffer();
    out += "[ ";
    for (std::size_t k = 0; k < m_scratch.size(); ++k) {
        const PointRd& p = m_scratch[reverse ? m_scratch.size() - 1 - k : k];
        if (k > 0) out += ", ";
        out += "[ ";
        appendCoordinate(out, p.x);
        out += ", ";
        appendCoordinate(out, p.y);
        out += " ]";
    }
    out += " ]";
}

void GeoJsonStreamWriter::close()
{
    m_file.buffer() += m_features > 0 ? "\n]\n}\n" : "]\n}\n";
    m_file.close();
}

} // namespace gebiedscan::gis::detail
