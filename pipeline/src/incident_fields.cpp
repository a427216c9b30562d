#include "gebiedscan/pipeline/incident_fields.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"

#include <vector>

namespace gebiedscan::pipeline {

namespace {

// The names police extracts (BVH, BVI), BRON, the CBS and open data portals use, most specific
// first within each role. Compared case-insensitively.
const std::vector<std::string> kCategoryFields{"category",
                                               "categorie",
                                               "code",
                                               "incidentcode",
                                               "incident_code",
                                               "feitcode",
                                               "srtcode",
                                               "srt_code",
                                               "soortcode",
                                               "mk_code",
                                               "maatschappelijke_klasse",
                                               "maatschappelijke_klasse_code",
                                               "soort_misdrijf_code",
                                               "misdrijfcode",
                                               "ap3_code"};
const std::vector<std::string> kLabelFields{"label",
                                            "omschrijving",
                                            "mk_omschrijving",
                                            "incident",
                                            "soort_misdrijf",
                                            "misdrijf",
                                            "maatschappelijke_klasse_omschrijving",
                                            "offense_type",
                                            "offence_type",
                                            "crime_type"};
const std::vector<std::string> kDateFields{
    "datum",       "date",           "pleegdatum",     "pleegdatum_van", "begindatum", "begin_datum", "b_datum",
    "datum_begin", "datum_van",      "begindatumtijd", "datumtijd",      "datetime",   "starttijd",   "date_from",
    "start_date",  "pleegdatumtijd", "datum_vkl",      "jaar_vkl",       "jaar"};
const std::vector<std::string> kDateToFields{"pleegdatum_tot", "datum_tot", "einddatum", "eind_datum", "e_datum",
                                             "datum_eind",     "date_to",   "end_date",  "eindtijd"};
const std::vector<std::string> kTimeFields{"tijd",          "begintijd", "begin_tijd", "b_tijd", "pleegtijd",
                                           "pleegtijd_van", "tijd_van",  "tijdstip",   "time"};
const std::vector<std::string> kTimeToFields{"pleegtijd_tot", "tijd_tot", "e_tijd", "eind_tijd"};

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
    if (f.time.empty()) f.time = reader.findField(kTimeFields);
    if (f.timeTo.empty() && !f.dateTo.empty()) f.timeTo = reader.findField(kTimeToFields);
    // "eindtijd" beside "einddatum" is the end's time of day, not a date of its own.
    if (f.timeTo.empty() && !f.dateTo.empty() && f.dateTo != reader.findField({"eindtijd"}))
        f.timeTo = reader.findField({"eindtijd"});
    for (auto* name : {&f.time, &f.timeTo}) // never the same column twice
        if (*name == f.date || *name == f.dateTo) name->clear();
    return f;
}

std::map<std::string, std::string> fieldsUsed(const IncidentFields& fields, const std::string& weight)
{
    std::map<std::string, std::string> used{{"category", fields.category}, {"label", fields.label},
                                            {"date", fields.date},         {"date_to", fields.dateTo},
                                            {"time", fields.time},         {"time_to", fields.timeTo}};
    if (!weight.empty()) used["weight"] = weight;
    return used;
}

std::string describeFields(const IncidentFields& fields, const std::string& weight)
{
    std::string out;
    const auto add = [&](const std::string& role, const std::string& name) {
        if (!name.empty()) out += (out.empty() ? "" : ", ") + role + " '" + name + "'";
    };
    add(tr("categorie", "category"), fields.category);
    add(tr("omschrijving", "label"), fields.label);
    add(tr("datum", "date"), fields.date);
    add(tr("tijd", "time"), fields.time);
    add(tr("datum tot", "date to"), fields.dateTo);
    add(tr("tijd tot", "time to"), fields.timeTo);
    add(tr("gewicht", "weight"), weight);
    return out.empty() ? tr("geen", "none") : out;
}

void requireCategoryField(const gis::VectorReader& reader, const IncidentFields& fields, const std::string& why)
{
    if (fields.category.empty() && fields.label.empty())
        throw InputError(tr(reader.description() + ": geen veld met de categorie gevonden" +
                                (why.empty() ? "" : " " + why) +
                                "; noem het met --category-field (velden: " + fieldList(reader) + ")",
                            reader.description() + ": no category field found" + (why.empty() ? "" : " " + why) +
                                "; name it with --category-field (fields: " + fieldList(reader) + ")"));
}

void requireDateField(const gis::VectorReader& reader, const IncidentFields& fields)
{
    if (fields.date.empty())
        throw InputError(
            tr(reader.description() +
                   ": geen veld met de datum gevonden; noem het met --date-field (velden: " + fieldList(reader) + ")",
               reader.description() + ": no date field found; name it with --date-field (fields: " + fieldList(reader) +
                   ")"));
}

} // namespace gebiedscan::pipeline
