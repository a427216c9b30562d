#include "gebiedscan/pipeline/survey_table.hpp"

#include "gebiedscan/core/area_hierarchy.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/field_value.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <set>

namespace gebiedscan::pipeline {

namespace {

std::string lower(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

// The output suffix of an indicator column: lower case, every other character an underscore.
std::string indicatorId(const std::string& column)
{
    std::string id;
    for (unsigned char c : lower(column)) {
        if (c == '%') {
            id += "pct";
            continue;
        }
        const bool keep = std::isalnum(c) != 0;
        if (keep)
            id += static_cast<char>(c);
        else if (!id.empty() && id.back() != '_')
            id += '_';
    }
    while (!id.empty() && id.back() == '_') id.pop_back();
    return id.empty() ? std::string("indicator") : id;
}

bool endsWith(const std::string& s, std::string_view end)
{
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// Veiligheidsmonitor and CBS tables write a missing figure as '.', a secret one as 'x' (too few
// respondents) and nothing as '-': all missing here, never zero.
bool isMissingText(const std::string& t)
{
    return t.empty() || t == "." || t == "x" || t == "X" || t == "-" || t == "?";
}

std::optional<double> cellNumber(const gis::FieldValue& value, bool& bad)
{
    bad = false;
    if (value.type == gis::FieldValue::Type::Null) return std::nullopt;
    if (isMissingText(trim(value.text))) return std::nullopt;
    const auto n = gis::numberOf(value);
    if (!n) {
        const auto d = gis::parseDecimal(trim(value.text));
        if (d && *d <= gis::kCbsMissingAtOrBelow) return std::nullopt; // CBS sentinel: missing
        bad = true;
    }
    return n;
}

// Columns that are never an indicator although numeric.
bool isKnownNonIndicator(const std::string& l)
{
    static const std::set<std::string> names{"fid",         "ogc_fid",         "id",         "objectid",
                                             "inwoners",    "aantal_inwoners", "bevolking",  "population",
                                             "oppervlakte", "postcode",        "volgnummer", "rij"};
    return names.count(l) > 0;
}

} // namespace

SurveyTable readSurveyTable(const gis::SourceSpec& source, const SurveyFields& fields, const std::string& areaCodeField)
{
    gis::SourceSpec spec = source;
    spec.xField = spec.yField = "__gebiedscan_no_geometry__"; // a table: never a point layer
    {
        std::string ext = lower(std::filesystem::path(source.path).extension().string());
        if (ext == ".xlsx" || ext == ".ods") spec.openOptions.emplace_back("HEADERS=FORCE");
    }
    gis::VectorReader reader(spec);
    reader.ignoreGeometry(true);
    SurveyTable t;
    t.description = reader.description();
    const auto names = reader.fieldNames();
    std::string available;
    for (const auto& n : names) available += (available.empty() ? "" : ", ") + n;

    t.areaColumn = fields.area;
    if (t.areaColumn.empty()) {
        std::vector<std::string> candidates;
        if (!areaCodeField.empty()) candidates.push_back(areaCodeField);
        for (const char* n :
             {"WijkenEnBuurten", "Wijken en buurten", "gebiedscode", "area_code", "wijkcode", "wk_code", "buurtcode",
              "bu_code", "gemeentecode", "gm_code", "RegioS", "Regio's", "statcode", "gebied", "code"})
            candidates.emplace_back(n);
        t.areaColumn = reader.findField(candidates);
    }
    if (t.areaColumn.empty())
        throw InputError(t.description + ": geen kolom met de gebiedscode gevonden (kolommen: " + available +
                         "); noem die met --survey-area-field");
    t.yearColumn =
        fields.year.empty() ? reader.findField({"jaar", "Perioden", "peiljaar", "year", "meetjaar"}) : fields.year;

    reader.selectFields(names); // throws naming a field that does not exist (not reached: all exist)
    // The table is small (one row per area): read it whole, then decide the roles of its columns.
    std::vector<gis::Feature> features;
    {
        gis::Feature f;
        while (reader.next(f)) features.push_back(f);
    }
    const auto column = [&](const std::string& name) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < names.size(); ++i)
            if (lower(names[i]) == lower(name)) return i;
        return std::nullopt;
    };
    const std::size_t areaIndex = *column(t.areaColumn);
    std::optional<std::size_t> yearIndex;
    if (!t.yearColumn.empty()) {
        yearIndex = column(t.yearColumn);
        if (!yearIndex)
            throw InputError(t.description + ": geen kolom '" + t.yearColumn + "' (kolommen: " + available + ")");
    }

    // A column is numeric when every filled cell is a number (or a missing mark) and one is filled.
    std::vector<bool> numeric(names.size(), false);
    for (std::size_t i = 0; i < names.size(); ++i) {
        bool any = false, allNumbers = true;
        for (const auto& f : features) {
            bool bad = false;
            if (cellNumber(f.fields[i], bad)) any = true;
            if (bad) allNumbers = false;
        }
        numeric[i] = any && allNumbers;
    }
    const std::set<std::string> sharedN{
        "n", "respondenten", "aantal_respondenten", "n_respondenten", "aantal respondenten", "steekproef"};
    const std::set<std::string> sharedMargin{"marge", "ci", "foutmarge", "betrouwbaarheidsmarge", "moe"};
    std::optional<std::size_t> sharedNIndex, sharedMarginIndex;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (sharedN.count(lower(names[i])) && !sharedNIndex) sharedNIndex = i;
        if (sharedMargin.count(lower(names[i])) && !sharedMarginIndex) sharedMarginIndex = i;
    }

    // Auxiliary columns of an indicator X: its n, margin or interval bounds, by name.
    const auto auxiliaryOf = [&](const std::string& aux, const std::string& ind, const char* kind) {
        const std::string a = lower(aux), x = lower(ind);
        static const std::map<std::string, std::vector<std::string>> patterns{
            {"n", {"n_", "_n", "respondenten_", "_respondenten"}},
            {"marge", {"marge_", "_marge", "ci_", "_ci", "_moe", "foutmarge_", "_foutmarge"}},
            {"laag", {"ondergrens_", "_ondergrens", "_lo", "_laag", "_lower"}},
            {"hoog", {"bovengrens_", "_bovengrens", "_hi", "_hoog", "_upper"}}};
        for (const auto& p : patterns.at(kind)) {
            if (p.front() == '_' && a == x + p) return true;
            if (p.back() == '_' && a == p + x) return true;
        }
        return false;
    };
    const auto findAux = [&](const std::string& ind, const char* kind) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < names.size(); ++i)
            if (auxiliaryOf(names[i], ind, kind)) return i;
        return std::nullopt;
    };

    std::vector<std::size_t> indicatorIndex;
    if (!fields.indicators.empty()) {
        for (const auto& name : fields.indicators) {
            const auto i = column(name);
            if (!i)
                throw InputError(t.description + ": geen indicatorkolom '" + name + "' (kolommen: " + available + ")");
            indicatorIndex.push_back(*i);
        }
    } else {
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (!numeric[i] || i == areaIndex || (yearIndex && i == *yearIndex) || i == sharedNIndex ||
                i == sharedMarginIndex || isKnownNonIndicator(lower(names[i])))
                continue;
            bool aux = false;
            for (std::size_t j = 0; j < names.size() && !aux; ++j)
                if (j != i)
                    for (const char* kind : {"n", "marge", "laag", "hoog"})
                        aux = aux || auxiliaryOf(names[i], names[j], kind);
            if (!aux) indicatorIndex.push_back(i);
        }
    }
    if (indicatorIndex.empty())
        throw InputError(t.description + ": geen indicatorkolom met getallen gevonden (kolommen: " + available +
                         "); noem die met --survey-indicator");

    struct Roles {
        std::size_t value;
        std::optional<std::size_t> n, margin, low, high;
    };
    std::vector<Roles> roles;
    std::set<std::size_t> used{areaIndex};
    if (yearIndex) used.insert(*yearIndex);
    std::set<std::string> ids;
    for (const auto i : indicatorIndex) {
        SurveyIndicator ind;
        ind.column = names[i];
        ind.id = indicatorId(names[i]);
        if (!ids.insert(ind.id).second)
            throw InputError(t.description + ": twee indicatorkolommen geven dezelfde naam '" + ind.id +
                             "' in de uitvoer; hernoem er een");
        const std::string l = lower(names[i]);
        ind.percentage =
            endsWith(l, "pct") || endsWith(l, "perc") || endsWith(l, "procent") || l.find('%') != std::string::npos;
        Roles r{i, findAux(names[i], "n"), findAux(names[i], "marge"), findAux(names[i], "laag"),
                findAux(names[i], "hoog")};
        if (!r.n) r.n = sharedNIndex;
        // One shared margin column only speaks for an indicator when there is just one.
        if (!r.margin && indicatorIndex.size() == 1) r.margin = sharedMarginIndex;
        if (r.low.has_value() != r.high.has_value()) r.low = r.high = std::nullopt; // half an interval: unused
        for (auto c : {r.n, r.margin, r.low, r.high})
            if (c) used.insert(*c);
        used.insert(i);
        if (r.n) ind.nColumn = names[*r.n];
        if (r.margin) ind.marginColumn = names[*r.margin];
        if (r.low) ind.lowColumn = names[*r.low], ind.highColumn = names[*r.high];
        t.indicators.push_back(ind);
        roles.push_back(r);
    }
    for (std::size_t i = 0; i < names.size(); ++i)
        if (!used.count(i)) t.ignoredColumns.push_back(names[i]);

    // The year: the latest in the year column; earlier years are left out (a table with a trend).
    std::vector<std::optional<int>> rowYear(features.size());
    if (yearIndex) {
        for (std::size_t k = 0; k < features.size(); ++k) {
            const std::string y = trim(features[k].fields[*yearIndex].text);
            if (y.size() >= 4 && std::all_of(y.begin(), y.begin() + 4, [](unsigned char c) { return std::isdigit(c); }))
                rowYear[k] = std::stoi(y.substr(0, 4));
            else if (!y.empty())
                throw InputError(fmt::format("{}, rij {}: jaar '{}' in kolom '{}' is onleesbaar (verwacht 2023 of "
                                             "2023JJ00)",
                                             t.description, features[k].row, y, t.yearColumn));
        }
        for (const auto& y : rowYear)
            if (y && (!t.year || *y > *t.year)) t.year = y;
    }

    std::set<std::string> seen;
    for (std::size_t k = 0; k < features.size(); ++k) {
        const auto& f = features[k];
        if (t.year && rowYear[k] && *rowYear[k] != *t.year) {
            ++t.otherYearRows;
            continue;
        }
        SurveyRow row;
        row.code = trimCode(f.fields[areaIndex].text);
        row.line = f.row;
        if (row.code.empty()) continue; // an empty line or a footnote row of an export
        if (!seen.insert(row.code).second)
            throw InputError(fmt::format("{}, rij {}: gebied '{}' staat twee keer in de tabel{}", t.description, f.row,
                                         row.code, t.year ? fmt::format(" (jaar {})", *t.year) : std::string()));
        for (std::size_t x = 0; x < roles.size(); ++x) {
            const auto read = [&](std::optional<std::size_t> c, const char* what) -> std::optional<double> {
                if (!c) return std::nullopt;
                bool bad = false;
                const auto v = cellNumber(f.fields[*c], bad);
                if (bad)
                    throw InputError(fmt::format("{}, rij {}: {} '{}' in kolom '{}' is geen getal", t.description,
                                                 f.row, what, trim(f.fields[*c].text), names[*c]));
                return v;
            };
            row.value.push_back(read(roles[x].value, "waarde"));
            auto n = read(roles[x].n, "aantal respondenten");
            if (n && (*n < 0 || *n != std::floor(*n)))
                throw InputError(fmt::format("{}, rij {}: aantal respondenten {} in kolom '{}' is geen geheel getal "
                                             "van 0 of meer",
                                             t.description, f.row, trim(f.fields[*roles[x].n].text),
                                             names[*roles[x].n]));
            row.n.push_back(n);
            auto low = read(roles[x].low, "ondergrens");
            auto high = read(roles[x].high, "bovengrens");
            if (const auto margin = read(roles[x].margin, "marge")) {
                if (*margin < 0)
                    throw InputError(fmt::format("{}, rij {}: marge {} in kolom '{}' is negatief", t.description, f.row,
                                                 *margin, names[*roles[x].margin]));
                if (row.value.back()) low = *row.value.back() - *margin, high = *row.value.back() + *margin;
            }
            if (low && high && *low > *high)
                throw InputError(fmt::format("{}, rij {}: ondergrens {} ligt boven bovengrens {}", t.description, f.row,
                                             *low, *high));
            row.low.push_back(low);
            row.high.push_back(high);
        }
        t.rows.push_back(std::move(row));
    }
    if (t.rows.empty()) throw InputError(t.description + ": de tabel heeft geen rijen met een gebiedscode");
    return t;
}

} // namespace gebiedscan::pipeline
