#pragma once
// Where the data of an output came from and whom to credit: one record per input (registrations,
// areas, roads, accidents), written to summary.json ("sources") and to each layer's `bron`
// metadata item, so a map footer or report credits what is really on the map instead of a fixed
// "CBS, Kadaster" line.
#include "gebiedscan/gis/vector_reader.hpp"

#include <map>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

struct ScanResult;
struct ScanOptions;

/// Roles of a source (summary.json "role").
namespace source_role {
inline constexpr const char* incidents = "registraties";
inline constexpr const char* areas = "gebieden";
inline constexpr const char* roads = "wegen";
inline constexpr const char* accidents = "ongevallen";
inline constexpr const char* survey = "enquête"; ///< scan --survey
} // namespace source_role

/// Credit texts the recognition gives (Dutch: they go on maps for the council).
namespace credit {
inline constexpr const char* cbsBuurtkaart = "CBS/Kadaster Wijk- en Buurtkaart (CC BY 4.0)";
inline constexpr const char* bron = "Rijkswaterstaat BRON";
inline constexpr const char* nwb = "Rijkswaterstaat NWB";
inline constexpr const char* synthetic = "synthetische registraties";
inline constexpr const char* unknown = "bron onbekend";
inline constexpr const char* ownGrid = "eigen raster (gebiedscan)";
} // namespace credit

/// One input of an output.
struct SourceRecord {
    std::string role;        ///< source_role::...
    std::string description; ///< "'buurten.gpkg', layer 'buurten'" as the readers describe it
    std::string credit;      ///< what a map must say; credit::unknown when nobody knows
    bool synthetic = false;  ///< made by `gebiedscan synth` (or marked so): never real data
};

/// What is known about an input without reading its rows: its layer's metadata and field names
/// (gis::listLayers), and a few area codes once read.
struct SourceFacts {
    std::string description;
    std::string layerName;
    std::map<std::string, std::string> metadata;
    std::vector<std::string> fieldNames;
    std::vector<std::string> sampleCodes; ///< area codes (BU01060101 ...), for areas
    /// Distinct values of a `bron` column in the first rows ("SYNTHETISCH" in every record
    /// `gebiedscan synth` writes): a CSV carries no layer metadata, so its rows must say it.
    std::vector<std::string> bronValues;
};

/// Reads the facts of a source (layer metadata and fields, and the `bron` values of its first
/// rows when it has that column). Never throws: an input that cannot be listed (PostGIS without
/// rights) gives only its description.
[[nodiscard]] SourceFacts sourceFacts(const gis::SourceSpec& spec, const std::string& description);

/// The record of a source: `userCredit` (--incidents-credit, project key) wins; else a credit
/// stored in the input's own metadata (`bron`, as gebiedscan writes it); else recognition:
/// synthetic records (gebiedscan synth marks them in the layer metadata, its name or every
/// record's `bron` column), CBS area codes or field names -> the CBS
/// buurtkaart, BRON field names -> BRON, NWB road fields -> NWB; else credit::unknown.
[[nodiscard]] SourceRecord recogniseSource(const std::string& role, const SourceFacts& facts,
                                           const std::string& userCredit = {});

/// The `bron` metadata item of a layer: "registraties: synthetische registraties; gebieden:
/// CBS/Kadaster Wijk- en Buurtkaart (CC BY 4.0)".
[[nodiscard]] std::string bronMetadata(const std::vector<SourceRecord>& sources);

/// The sources of a scan: its registrations and its areas (a grid scan's areas are its own).
[[nodiscard]] std::vector<SourceRecord> scanSources(const ScanResult& result, const ScanOptions& options);

/// Metadata key of that item.
inline constexpr const char* kBronKey = "bron";

} // namespace gebiedscan::pipeline
