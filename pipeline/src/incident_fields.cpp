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

std::map<std::string, std::string> fieldsUsed(const IncidentFields& fields, const std::string& weight)
{
    std::map<std::string, std::string> used{
        {"category", fields.category}, {"label", fields.label}, {"date", fields.date}, {"date_to", fields.dateTo}};
    if (!weight.empty()) used["weight"] = weight;
    return used;
}

std::string describeFields(const IncidentFields& fields, const std::string& weight)
{
    std::string out;
    const auto add = [&](const char* role, const std::string& name) {
        if (!name.empty()) out += (out.empty() ? "" : ", ") + std::string(role) + " '" + name + "'";
    };
    add("categorie", fields.category);
    add("omschrijving", fields.label);
    add("datum", fields.date);
    add("datum tot", fields.dateTo);
    add("gewicht", weight);
    return out.empty() ? "geen" : out;
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
