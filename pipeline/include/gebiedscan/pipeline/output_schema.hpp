#pragma once
// The output schema: every layer and table any command writes, with its role, geometry, columns
// (id or per-theme family, type, unit, Dutch and English description), its metadata keys, and the
// keys of each command's summary.json. The writers build their columns from it, the viewer reads
// roles and field meaning from it, and the tests compare written files against it: the one
// contract between the command line and everything that reads its files.
#include "gebiedscan/gis/table_writer.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace gebiedscan::pipeline::schema {

/// Version of the schema, written next to the role (`gebiedscan_schema`). Raise it when a
/// column is renamed or changes meaning.
inline constexpr std::string_view kVersion = "1";

/// Metadata keys every written layer carries (GeoPackage layer metadata, GeoJSON foreign
/// members, GeoTIFF dataset metadata). Shapefile and CSV have no place for them.
inline constexpr std::string_view kRoleKey = "gebiedscan_rol";
/// Who may read the file: "extern" (protected, the default) or "intern" (police only).
inline constexpr std::string_view kAudienceKey = "publiek";
inline constexpr std::string_view kVersionKey = "gebiedscan_schema";

/// Role ids: what a layer is, independent of its file or layer name.
namespace role {
inline constexpr std::string_view scanAreas = "scan_areas";          ///< finest level, choropleth
inline constexpr std::string_view scanAreaLevel = "scan_area_level"; ///< a higher level (areas_<niveau>)
inline constexpr std::string_view scanHotspots = "scan_hotspots";
inline constexpr std::string_view scanHotTimes = "scan_hot_times";
inline constexpr std::string_view scanFigures = "scan_figures";
inline constexpr std::string_view hotspotsGrid = "hotspots_grid";         ///< gebiedscan hotspots --grid
inline constexpr std::string_view hotspotsFeatures = "hotspots_features"; ///< gebiedscan hotspots --field
inline constexpr std::string_view trends = "trends";
inline constexpr std::string_view trendsPerPeriod = "trends_per_period";
inline constexpr std::string_view blackspotJunctions = "blackspot_junctions";
inline constexpr std::string_view blackspotSections = "blackspot_sections";
inline constexpr std::string_view blackspotList = "blackspot_list"; ///< blackspots.csv: junctions and sections
inline constexpr std::string_view blackspotAccidents = "blackspot_accidents";
inline constexpr std::string_view blackspotKde = "blackspot_kde";
inline constexpr std::string_view blackspotAreas = "blackspot_areas";
inline constexpr std::string_view kdeHeatmap = "kde_heatmap"; ///< gebiedscan kde GeoTIFF
inline constexpr std::string_view nearRepeat = "near_repeat"; ///< gebiedscan nearrepeat: the Knox table
inline constexpr std::string_view fieldMap = "field_map";     ///< <laag>_velden.csv next to a Shapefile
/// gebiedscan nearrepeat --areas: near-repeat pairs per area (nearrepeat.gpkg).
inline constexpr std::string_view nearRepeatAreas = "near_repeat_areas";
/// gebiedscan facilities: per facility, and the Eck-Clarke-Guerette concentration curve.
inline constexpr std::string_view facilities = "facilities";
inline constexpr std::string_view facilityConcentration = "facility_concentration";
} // namespace role

/// Column ids shared by the writers, the schema table and the viewer. A family id ends in '_'
/// and is followed by a suffix (ColumnSpec::Family).
namespace field {
inline constexpr std::string_view code = "code";
inline constexpr std::string_view name = "name";
inline constexpr std::string_view level = "level";
inline constexpr std::string_view parentCode = "parent_code";
inline constexpr std::string_view population = "population";
inline constexpr std::string_view peakTotal = "peak_total";
// Per theme (suffix: theme id, `total` or `overig`).
inline constexpr std::string_view count = "n_";
inline constexpr std::string_view expected = "exp_";
inline constexpr std::string_view changePct = "chg_";
inline constexpr std::string_view changeP = "p_";
inline constexpr std::string_view significance = "sig_";
inline constexpr std::string_view rate = "rate_";
inline constexpr std::string_view rateEb = "eb_";       ///< per 1,000, global Empirical Bayes (spdep EBest)
inline constexpr std::string_view rateEbLocal = "ebl_"; ///< per 1,000, local Empirical Bayes (EBlocal, queen)
inline constexpr std::string_view rateSmall = "klein_"; ///< 1 = too small for a stable rate
inline constexpr std::string_view rank = "rank_";
inline constexpr std::string_view trend = "trend_";
inline constexpr std::string_view themeGiZ = "gi_z_";
inline constexpr std::string_view themeGiP = "gi_p_";
inline constexpr std::string_view themeGiBin = "gi_bin_";
inline constexpr std::string_view themeGiLabel = "gi_label_";
inline constexpr std::string_view themeLisaQ = "lisa_q_";
// Survey beside the counts (scan --survey; suffix: the indicator, e.g. onveilig_buurt_pct).
inline constexpr std::string_view surveyLevel = "survey_niveau";
inline constexpr std::string_view surveyCode = "survey_code";
inline constexpr std::string_view surveyN = "survey_n_";
inline constexpr std::string_view surveyLow = "survey_onder_";
inline constexpr std::string_view surveyHigh = "survey_boven_";
inline constexpr std::string_view surveyValue = "survey_";
inline constexpr std::string_view surveyQuadrant = "kwadrant_";
inline constexpr std::string_view surveyAol = "aol_survey";
// Local statistics (hotspots, scan areas and hotspots).
inline constexpr std::string_view neighbours = "n_buren";
inline constexpr std::string_view giZ = "gi_z";
inline constexpr std::string_view giP = "gi_p";
inline constexpr std::string_view giPAdj = "gi_p_adj";
inline constexpr std::string_view giBin = "gi_bin";
inline constexpr std::string_view giLabel = "gi_label";
inline constexpr std::string_view lisaI = "lisa_i";
inline constexpr std::string_view lisaZ = "lisa_z";
inline constexpr std::string_view lisaP = "lisa_p";
inline constexpr std::string_view lisaPAdj = "lisa_p_adj";
inline constexpr std::string_view lisaQ = "lisa_q";
inline constexpr std::string_view lisaQuadrant = "lisa_kwadrant";
// Long tables (figures, hot_times).
inline constexpr std::string_view areaCode = "area_code";
inline constexpr std::string_view themeNumber = "theme_number";
inline constexpr std::string_view theme = "theme";
inline constexpr std::string_view category = "category";
inline constexpr std::string_view period = "period";
inline constexpr std::string_view periodRole = "role";
inline constexpr std::string_view countValue = "count";
inline constexpr std::string_view day = "day";
inline constexpr std::string_view hour = "h"; ///< h00 .. h23
// Black spots.
inline constexpr std::string_view spotKind = "soort";
inline constexpr std::string_view spotRank = "rang";
inline constexpr std::string_view locationId = "locatie_id";
inline constexpr std::string_view meets = "voldoet";
inline constexpr std::string_view score = "score";
inline constexpr std::string_view street = "straat";
inline constexpr std::string_view accidentsInYear = "n_"; ///< n_2023: suffix a year
inline constexpr std::string_view accidentYear = "jaar";
inline constexpr std::string_view severity = "ernst";
inline constexpr std::string_view accidentJunctions = "kruispunten";
inline constexpr std::string_view accidentSections = "wegvakken";
} // namespace field

/// Keys of the scan's summary.json that readers use (all of them are in summaryKeys("scan")).
namespace summary {
inline constexpr std::string_view themes = "themes"; ///< [{id, number, veld, label, label_en}]
inline constexpr std::string_view themeId = "id";
inline constexpr std::string_view themeNumber = "number";
inline constexpr std::string_view themeLabel = "label";
inline constexpr std::string_view periods = "periods"; ///< [{id, role, from, to_exclusive}]
inline constexpr std::string_view periodId = "id";
inline constexpr std::string_view periodRole = "role";
inline constexpr std::string_view currentPeriod = "current"; ///< periodRole of the current period
inline constexpr std::string_view suppression = "suppression";
inline constexpr std::string_view suppressionRule = "rule";
inline constexpr std::string_view incidents = "incidents";
inline constexpr std::string_view source = "source";
inline constexpr std::string_view model = "model";
inline constexpr std::string_view sources = "sources"; ///< [{role, description, credit, synthetic}]
inline constexpr std::string_view sourceRole = "role";
inline constexpr std::string_view sourceDescription = "description";
inline constexpr std::string_view sourceCredit = "credit";
inline constexpr std::string_view sourceSynthetic = "synthetic";
} // namespace summary

/// Theme suffixes besides the model's theme ids.
inline constexpr std::string_view kTotalTheme = "total";
inline constexpr std::string_view kOtherTheme = "overig";

enum class ValueType { Integer, Real, String };
enum class GeometryKind { None, Point, Line, Polygon, Raster };

/// One column, or a family of columns named prefix + suffix.
struct ColumnSpec {
    enum class Family {
        Single, ///< exactly `id`
        Theme,  ///< id + a theme suffix: a theme id of the scan model ([a-z0-9_]+), `total` or `overig`
        Year,   ///< id + a four-digit year (n_2023)
        Hour,   ///< id + a two-digit hour 00..23 (h07)
    };
    std::string_view id;
    Family family = Family::Single;
    ValueType type = ValueType::String;
    std::string_view unit; ///< "aantal", "%", "m", "per 1.000 inwoners", ... or empty
    std::string_view nl;   ///< Dutch description (what the velden.csv and the viewer show)
    std::string_view en;

    /// True when `column` is this column, or a member of this family with a valid suffix.
    [[nodiscard]] bool matches(std::string_view column) const;
    /// The column's name: `id`, or id + suffix for a family.
    [[nodiscard]] std::string name(std::string_view suffix = {}) const;
};

/// A key of a layer's metadata or of a summary.json ("a.b" for a nested key).
struct KeySpec {
    std::string_view id;
    std::string_view nl;
    std::string_view en;
};

/// One layer or table a command writes.
struct LayerSpec {
    std::string_view role;
    std::string_view command; ///< scan, hotspots, trends, blackspots, kde
    std::string_view name;    ///< layer/table name ("areas_<niveau>": name + level name)
    GeometryKind geometry = GeometryKind::None;
    std::string_view nl;
    std::string_view en;
    std::vector<ColumnSpec> columns;
    std::vector<KeySpec> metadata; ///< metadata keys written with the layer (besides role and version)

    /// The column (or family) a written column name belongs to; exact ids win over families
    /// (gi_p_adj is not gi_p_ + "adj"). nullptr when the name is not in this layer.
    [[nodiscard]] const ColumnSpec* find(std::string_view column) const;
    /// The column with this id; throws std::logic_error when absent (a writer bug).
    [[nodiscard]] const ColumnSpec& column(std::string_view id) const;
};

/// Every layer and table, in a stable order.
[[nodiscard]] const std::vector<LayerSpec>& layers();
/// The layer with this role; nullptr when unknown.
[[nodiscard]] const LayerSpec* layer(std::string_view role);
/// The keys of a command's summary.json (scan, blackspots); empty for commands without one.
[[nodiscard]] const std::vector<KeySpec>& summaryKeys(std::string_view command);

/// The column to write: name, type and Dutch description from the schema. For a family,
/// `suffix` completes the name and `label` (the theme's "1.3 Woninginbraak", a year) ends the
/// description after ": ". `detail` (e.g. the weights used) is added in parentheses.
[[nodiscard]] gis::Column column(const LayerSpec& layer, std::string_view id, std::string_view suffix = {},
                                 std::string_view label = {}, std::string_view detail = {});
/// column() with the layer given by role.
[[nodiscard]] gis::Column column(std::string_view role, std::string_view id, std::string_view suffix = {},
                                 std::string_view label = {}, std::string_view detail = {});

/// Sets a table's role and schema version in its layer metadata.
void tag(gis::Table& table, std::string_view role);
/// The first of `tables` tagged with `role`, so writers pick tables by what they are, not by
/// position; throws std::logic_error when none is (a writer bug).
[[nodiscard]] const gis::Table& tableWithRole(const std::vector<gis::Table>& tables, std::string_view role);

} // namespace gebiedscan::pipeline::schema
