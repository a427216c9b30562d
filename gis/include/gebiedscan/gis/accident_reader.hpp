#pragma once
#include "gebiedscan/core/accident.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::gis {

/// Which fields of an accident layer hold what. Empty names are detected case-insensitively:
/// the BRON names (VKL_NUMMER, JAAR_VKL, DATUM_VKL, AP3_CODE, AOL_ID, WVK_ID, JTE_ID, FK_VELD5),
/// `nummer` (party number in party-level extracts) and a hospital flag (ZIEKENHUIS,
/// ziekenhuisopname). Coordinates come from the layer geometry (X/Y columns of a CSV are found by
/// the VectorReader), else from the point-location table joined on `pointKey`.
struct AccidentFields {
    std::string accidentId;
    std::string partyNumber;
    std::string year;
    std::string date;
    std::string severity;
    std::string hospital;
    std::string aolId;
    std::string segmentId;
    std::string junctionId;
    std::string pointKey;      ///< FK_VELD5: key into puntlocaties
    std::string pointTableKey; ///< key field in the point-location table (default FK_VELD5)
};

/// The rows of an accident layer as AccidentRecords (working-CRS points).
struct AccidentLayer {
    std::string description;
    AccidentFields fields; ///< fields actually used ("" = absent; no severity: every accident Unknown)
    std::vector<AccidentRecord> records;
    std::size_t unknownSeverity = 0; ///< AP3 missing or not DOD/LET/UMS (kept as Unknown)
    std::size_t unparsedYear = 0;    ///< year and date both missing or unreadable
    std::size_t unparsedDate = 0;    ///< date text present but unreadable
    std::size_t pointsFromJoin = 0;  ///< located through the point-location table
    std::size_t joinKeyNotFound = 0; ///< key given but absent from the point-location table
    std::size_t withoutPoint = 0;    ///< no coordinates at all
};

/// Reads accidents (BRON ongevallen, a BRON GeoJSON/GeoPackage extract, or any point layer).
/// `pointLocations` is the BRON puntlocaties table (X_COORD/Y_COORD in RD New, assumed when it
/// has no CRS). Throws InputError when a source cannot be opened or a named field is missing.
[[nodiscard]] AccidentLayer readAccidentLayer(const SourceSpec& source, const AccidentFields& fields,
                                              const std::string& workingCrs,
                                              const std::optional<SourceSpec>& pointLocations = std::nullopt);

} // namespace gebiedscan::gis
