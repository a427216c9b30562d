#pragma once
// Private: a streaming RFC 7946 GeoJSON writer laid out as GDAL's GeoJSON driver wrote it with
// RFC7946=YES and WRITE_NAME=YES (one feature per line, WGS84 lon/lat with 7 decimals, outer
// rings counter-clockwise, a one-part multi geometry as its single part), without an OGRFeature
// and a json-c tree per row: that driver took 7 of a large scan's 28 seconds (issue 17).
#include "buffered_output_file.hpp"

#include "gebiedscan/gis/coordinate_transform.hpp"
#include "gebiedscan/gis/table_writer.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace gebiedscan::gis::detail {

class GeoJsonStreamWriter {
public:
    /// Opens `file` and writes the FeatureCollection's head: `members` as foreign members, then
    /// "name" and the start of "features". Throws OutputError naming `shownPath`.
    GeoJsonStreamWriter(const std::filesystem::path& file, std::string shownPath, const std::string& name,
                        const std::map<std::string, std::string>& members, const std::vector<Column>& columns,
                        const std::string& workingCrs);

    /// Appends one feature: the row's values as properties (NULL and Suppressed as null, values
    /// past the row's end left out) and its geometry, transformed to WGS84 (null if none).
    void feature(const std::vector<Value>& row, const FeatureGeometry* geometry);
    /// Ends the collection, flushes and closes; throws OutputError when any write failed.
    void close();

private:
    void geometry(const FeatureGeometry& g);
    void points(const std::vector<PointRd>& points, bool closedRing, bool counterClockwise);

    BufferedOutputFile m_file;
    CoordinateTransform m_toWgs84;
    std::vector<std::string> m_propertyKeys; ///< `"name": ` per column, escaped once
    std::vector<PointRd> m_scratch;
    std::string m_shownPath;
    std::size_t m_features = 0;
};

/// Appends `text` as a JSON string (quotes, backslash and control characters escaped).
void appendJsonString(std::string& out, std::string_view text);

} // namespace gebiedscan::gis::detail
