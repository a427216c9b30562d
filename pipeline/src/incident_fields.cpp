#include "gebiedscan/pipeline/incident_fields.hpp"

#include "gebiedscan/core/error.hpp"

#include <vector>

namespace gebiedscan::pipeline {

namespace {

const std::vector<std::string> kCategoryFields{"category",
                                               "categorie",
                                               "code",
                                               "incidentcode",
                                               "feitcode",
                                               "mk_code",
                                               "maatschappelijke_klasse",
                                               "soort_misdrijf_code",
                                               "misdrijfcode",
                                               "ap3_code"};
const std::vector<std::string> kLabelFields{"label",
                                            "omschrijving",
                                            "mk_omschrijving",
                                            "incident",
                                            "soort_misdrijf",
                                            "misdrijf",
                                            "maatschappelijke_klasse_omschrijving"};
const std::vector<std::string> kDateFields{"datum",      "date",      "pleegdatum", "pleegdatum_van",
                                           "begindatum", "datum_van", "datumtijd",  "datetime",
                                           "starttijd",  "datum_vkl", "jaar_vkl",   "jaar"};
const std::vector<std::string> kDateToFields{"pleegdatum_tot", "datum_tot", "einddatum", "eindtijd"};

std::string fieldList(const gis::VectorReader& reader)
{
    std::string list;
    for (const auto& name : reader.fieldNames()) list += (list.empty() ? "" : ", ") + name;
    return list;
}

} // namespace

IncidentFields detectIncidentFields(const gis::VectorReader& reader, const IncidentFields& given)
{
    IncidentFields f = given;
    if (f.category.empty()) f.category = reader.findField(kCategoryFields);
    if (f.label.empty()) f.label = reader.findField(kLabelFields);
    if (f.date.empty()) f.date = reader.findField(kDateFields);
    if (f.dateTo.empty()) f.dateTo = reader.findField(kDateToFields);
    return f;
}

void requireCategoryField(const gis::VectorReader& reader, const IncidentFields& fields, const std::string& why)
{
    if (fields.category.empty() && fields.label.empty())
        throw InputError(reader.description() + ": no category field found" + (why.empty() ? "" : " " + why) +
                         "; name it with --category-field (fields: " + fieldList(reader) + ")");
}

void requireDateField(const gis::VectorReader& reader, const IncidentFields& fields)
{
    if (fields.date.empty())
        throw InputError(reader.description() +
                         ": no date field found; name it with --date-field (fields: " + fieldList(reader) + ")");
}

} // namespace gebiedscan::pipeline
