#pragma once
// Which fields of a registrations layer hold the category, label and dates: given by the user or
// detected from the names police extracts (BVH/BVI) and BRON use. Used by the incident stream.
#include "gebiedscan/gis/vector_reader.hpp"

#include <map>
#include <string>

namespace gebiedscan::pipeline {

/// Field names; empty when neither given nor found.
struct IncidentFields {
    std::string category; ///< police code (1.1.1) or BRON AP3_CODE
    std::string label;    ///< category text
    std::string date;     ///< (start) date or date-time
    std::string dateTo;   ///< end of a from-to interval
    std::string time;     ///< time of day of `date` in a column of its own ("begintijd")
    std::string timeTo;   ///< time of day of `dateTo` ("eindtijd")
};

/// Fills every empty name of `given` from the layer's fields (case-insensitive).
[[nodiscard]] IncidentFields detectIncidentFields(const gis::VectorReader& reader, const IncidentFields& given);

/// Role -> field name of every field in use ("category", "label", "date", "date_to", "time",
/// "time_to"; an empty
/// name when none; "weight" only when `weight` is given), for summary.json.
[[nodiscard]] std::map<std::string, std::string> fieldsUsed(const IncidentFields& fields,
                                                            const std::string& weight = "");

/// "categorie 'code', datum 'datum'": the fields in use, for messages.
[[nodiscard]] std::string describeFields(const IncidentFields& fields, const std::string& weight = "");

/// Throws InputError naming the layer and its fields when there is neither a category nor a
/// label field (`why` says what needs it, e.g. "for --theme").
void requireCategoryField(const gis::VectorReader& reader, const IncidentFields& fields, const std::string& why = "");

/// Throws InputError naming the layer and its fields when there is no date field.
void requireDateField(const gis::VectorReader& reader, const IncidentFields& fields);

} // namespace gebiedscan::pipeline
