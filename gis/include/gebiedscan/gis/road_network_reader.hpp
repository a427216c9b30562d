#pragma once
#include "gebiedscan/core/road_network.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace gebiedscan::gis {

/// Which fields of a road layer hold what. Empty names are detected case-insensitively: the NWB
/// names (WVK_ID, JTE_ID_BEG, JTE_ID_END, STT_NAAM, WEGNUMMER, WEGBEHSRT) and generic ones (id,
/// name/naam/straatnaam, ref/wegnr). Without an id field the OGR FID is the segment id. Without a
/// class field the road class (Empirical Bayes peer group) is the road authority. A traffic field
/// (vehicles per day) is optional; an empty or unreadable value leaves that segment's traffic unknown.
struct RoadFields {
    std::string id;
    std::string beginJunction;
    std::string endJunction;
    std::string streetName;
    std::string roadNumber;
    std::string authority;
    std::string roadClass;
    std::string traffic; ///< vehicles per day: intensiteit, etmaal, etmaalintensiteit, ai, aadt
};

/// The segments of a road layer in the working CRS, ready for RoadNetwork.
struct RoadLayer {
    std::string description; ///< file and layer, for messages
    RoadFields fields;       ///< the fields actually used ("" = not present)
    std::vector<RoadSegment> segments;
    std::size_t features = 0;          ///< features read
    std::size_t withoutGeometry = 0;   ///< skipped: no usable line geometry
    std::size_t multiPartFeatures = 0; ///< MultiLineStrings split into parts "<id>/<k>" (junction ids dropped)
};

/// Reads a line layer (NWB wegvakken or any other). Throws InputError when the layer cannot be
/// opened, is not a line layer, or a named field is missing.
[[nodiscard]] RoadLayer readRoadLayer(const SourceSpec& source, const RoadFields& fields,
                                      const std::string& workingCrs);

/// An id as text without padding and without a spurious ".0" from Real-typed columns.
[[nodiscard]] std::string normaliseId(const std::optional<std::string>& text);

} // namespace gebiedscan::gis
