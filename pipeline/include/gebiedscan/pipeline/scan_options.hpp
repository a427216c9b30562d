#pragma once
#include "gebiedscan/pipeline/count_table.hpp"
#include "gebiedscan/pipeline/survey_quadrant.hpp"
#include "gebiedscan/pipeline/survey_table.hpp"

#include "gebiedscan/gis/area_reader.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

/// A period given by the user: "2023-01-01:2023-12-31" (both ends inclusive) or a year "2023".
struct PeriodOption {
    std::string id;
    std::string from;
    std::string to;
    bool current = false;
};

/// Everything `gebiedscan scan` needs; filled from the project file, then the command line.
struct ScanOptions {
    gis::SourceSpec incidents;
    gis::SourceSpec counts;       ///< a table of counts per area instead of incidents (--counts)
    CountTableFields countFields; ///< its columns; detected if empty
    gis::SourceSpec areas;        ///< path empty: grid over the incidents only
    gis::AreaFields areaFields;
    std::string categoryField;   ///< police code (e.g. 1.1.1) or BRON AP3_CODE; detected if empty
    std::string labelField;      ///< category text; detected if empty
    std::string dateField;       ///< (start) date or date-time; detected if empty
    std::string dateToField;     ///< end of a from-to interval; optional
    std::string timeField;       ///< time of day of the date in a column of its own; detected if empty
    std::string timeToField;     ///< time of day of the end; detected if empty
    std::filesystem::path model; ///< empty: the default model
    std::string workingCrs = "EPSG:28992";
    std::string grid;                  ///< "square:500", "hex:250"; empty: the areas themselves
    std::vector<PeriodOption> periods; ///< overrides the model's periods
    std::optional<int> year;           ///< current year; references are the years before it
    int referenceYears = 3;
    std::filesystem::path outDir;
    bool strict = false;
    std::vector<std::string> levels;  ///< levels to write (buurt, wijk, ...); empty: all
    std::vector<std::string> formats; ///< per-level formats to write (gpkg, shp, csv, geojson); empty: all
    bool parentOnbekend = false;      ///< areas without a parent go under "onbekend" instead of an error
    bool quiet = false;
    bool timing = false;            ///< --timing: wall and CPU time per phase on stderr
    bool internal = false;          ///< police-internal output: no suppression (never for outside)
    std::string protection;         ///< outside the police: "onderdrukken" (empty: the default) or "afronden"
    bool dutchCsv = true;           ///< ';' and decimal comma
    unsigned threads = 0;           ///< 0 = all cores
    std::size_t permutations = 999; ///< hotspot inference (conditional permutation); 0 = analytic
    std::string incidentsCredit;    ///< credit line of the registrations; empty: recognised (source_credit)
    std::string areasCredit;        ///< credit line of the areas; empty: recognised
    gis::SourceSpec survey;         ///< survey indicators per area (--survey); path empty: none
    SurveyFields surveyFields;      ///< its columns; detected if empty
    std::string surveyTheme;        ///< theme id/number of the objective side; empty: every registration
    SurveyRules surveyRules;        ///< reversed scales, scores without margin
    std::string surveyCredit;       ///< credit line of the survey; empty: from its metadata, else unknown
};

/// Reads a project file (TOML, section [scan]; paths relative to the file) into `options`.
/// Throws InputError naming file, line and key.
void loadProjectFile(const std::filesystem::path& file, ScanOptions& options);

} // namespace gebiedscan::pipeline
