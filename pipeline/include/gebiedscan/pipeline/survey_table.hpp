#pragma once
// A survey table per area (Veiligheidsmonitor style): one row per buurt, wijk or gemeente with
// one or more indicator columns ("voelt zich weleens onveilig in de buurt" %, an overlast scale
// score), the respondents n (one column, or one per indicator) and, where published, the margin
// of error. Read through GDAL (CSV, XLSX, GeoPackage table), small enough to hold whole.
#include "gebiedscan/gis/vector_reader.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

/// Which columns of a survey table hold what. Empty names are detected case-insensitively.
struct SurveyFields {
    std::string area;                    ///< area code (BU/WK/GM code, or the areas' own code field)
    std::vector<std::string> indicators; ///< indicator columns; empty: every numeric column not used otherwise
    std::string year;                    ///< survey year (jaar, Perioden); optional
};

/// One indicator and the columns read for it.
struct SurveyIndicator {
    std::string id;                    ///< output suffix ([a-z0-9_]+): onveilig_buurt_pct
    std::string column;                ///< as named in the file
    std::string nColumn;               ///< respondents: n_<indicator>, <indicator>_n, else the shared n; empty: none
    std::string marginColumn;          ///< margin of error (half the 95 % interval); empty: none
    std::string lowColumn, highColumn; ///< interval bounds (ondergrens/bovengrens) instead of a margin
    bool percentage = false;           ///< a share in % (name ends in pct/perc/%): margin from n when none given
};

/// One area's row: per indicator its value, respondents and margin (nullopt: empty or '.').
struct SurveyRow {
    std::string code;
    std::int64_t line = 0; ///< row in the file, for messages
    std::vector<std::optional<double>> value, n, low, high;
};

/// The survey table as read.
struct SurveyTable {
    std::string description;
    std::string areaColumn, yearColumn;
    std::optional<int> year; ///< the year used (the latest in the year column), if any
    std::vector<SurveyIndicator> indicators;
    std::vector<SurveyRow> rows;
    std::vector<std::string> ignoredColumns; ///< neither key, indicator, n nor margin
    std::size_t otherYearRows = 0;           ///< rows of an earlier year, left out
};

/// Reads the table. Throws InputError (Dutch, naming the file and the columns found) when there
/// is no area column, no indicator, a value that is not a number, a negative n, or one area twice
/// in the same year.
[[nodiscard]] SurveyTable readSurveyTable(const gis::SourceSpec& source, const SurveyFields& fields,
                                          const std::string& areaCodeField);

} // namespace gebiedscan::pipeline
