#pragma once
#include "gebiedscan/core/geometry.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::gis {

/// Which fields of an area layer hold what. Empty names are detected: the CBS Wijk- en
/// Buurtkaart names, old (BU_CODE, BU_NAAM, WK_CODE, GM_CODE, GM_NAAM, AANT_INW) and new
/// (buurtcode, buurtnaam, wijkcode, gemeentecode, gemeentenaam, aantal_inwoners), and generic
/// ones (code, name/naam, statcode/statnaam).
struct AreaFields {
    std::string code;
    std::string name;
    std::vector<std::string> parentCodes; ///< e.g. {WK_CODE, GM_CODE}: one per higher level
    std::vector<std::string> parentNames; ///< optional, same length or empty
    std::string population;
    /// The option that names the code field in messages; empty when the command has none.
    std::string codeFieldOption = "--area-code-field";
};

/// The polygons of an area layer in the working CRS with their attributes.
struct AreaLayer {
    std::string description;                   ///< file and layer, for messages
    std::string levelName;                     ///< "buurt", "wijk", "gemeente" or "gebied" (from the code field)
    AreaFields fields;                         ///< the fields actually used
    std::vector<std::string> parentLevelNames; ///< "wijk", "gemeente" for the parentCodes
    std::vector<std::string> codes;
    std::vector<std::string> names;
    std::vector<std::vector<std::string>> parentCodes; ///< [level][area]
    std::vector<std::vector<std::string>> parentNames; ///< [level][area]
    std::vector<std::optional<double>> population;     ///< CBS negative sentinels become nullopt
    std::vector<MultiPolygon> geometries;
    std::vector<std::string> repairedCodes; ///< invalid polygons repaired by MakeValid
};

/// Reads an area layer. Throws InputError naming the file, layer and field when the layer is not
/// polygonal, a named field does not exist, no code field can be found, an area has no usable
/// geometry, a code is empty or blank, occurs twice or differs from another only in case, or a
/// Shapefile lacks its .dbf or .shx.
[[nodiscard]] AreaLayer readAreaLayer(const SourceSpec& source, const AreaFields& fields,
                                      const std::string& workingCrs);

/// Parses a population value: numbers >= 0; CBS secret/missing sentinels (negative values such as
/// -99997, -99995) and empty text give nullopt.
[[nodiscard]] std::optional<double> parsePopulation(const std::optional<std::string>& text);

} // namespace gebiedscan::gis
