#include "gebiedscan/pipeline/count_table.hpp"

#include "gebiedscan/pipeline/record_accounting.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"
#include "gebiedscan/core/scan_figures.hpp"
#include "gebiedscan/gis/field_value.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

#include <unistd.h>

namespace gebiedscan::pipeline {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kCodesListed = 1000; // per list of codes in the report; the rest summed

std::string trim(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

std::string lower(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string upper(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

bool isCodeToken(std::string_view s)
{
    return !s.empty() && std::isdigit(static_cast<unsigned char>(s.front())) &&
           std::all_of(s.begin(), s.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; });
}

// The CBS total of all crimes: code 0.0.0 or a label "Totaal ...".
bool isTotal(const std::string& code, const std::string& label)
{
    if (code == "0.0.0" || code.rfind("0.0.0 ", 0) == 0) return true; // "0.0.0 Totaal misdrijven" too
    const std::string l = lower(code.empty() ? label : code);
    return l.rfind("totaal", 0) == 0 || l == "total";
}

// CBS's "not assignable" areas: BU00000000, WK000000, GM0000, or a code saying onbekend.
bool isUnknownArea(const std::string& code)
{
    const std::string u = upper(code);
    if (u.find("ONBEKEND") != std::string::npos) return true;
    if (u.size() <= 2 || (u.rfind("BU", 0) != 0 && u.rfind("WK", 0) != 0 && u.rfind("GM", 0) != 0)) return false;
    return std::all_of(u.begin() + 2, u.end(), [](char c) { return c == '0'; });
}

void bump(std::map<std::string, std::uint64_t>& m, const std::string& key, std::uint64_t n)
{
    if (m.size() < kCodesListed || m.count(key))
        m[key] += n;
    else
        m["(overige codes)"] += n;
}

// The value of a count cell: a whole number >= 0, CBS's "-" (nihil) as 0; "." (missing), "x"
// (secret), empty and CBS sentinels as missing.
enum class CellKind { Number, Missing, Bad };
struct Cell {
    CellKind kind = CellKind::Missing;
    std::uint64_t count = 0;
};

Cell readCell(const gis::FieldValue& value)
{
    const std::string t = trim(value.text);
    if (value.type == gis::FieldValue::Type::Null || t.empty() || t == "." || t == "x" || t == "X" || t == "?")
        return {};
    if (t == "-") return {CellKind::Number, 0};
    const auto n = gis::numberOf(value);
    if (!n) {
        if (gis::parseDecimal(t) && *gis::parseDecimal(t) <= gis::kCbsMissingAtOrBelow) return {};
        return {CellKind::Bad, 0};
    }
    if (*n < 0 || *n != std::floor(*n) || *n > 1e15) return {CellKind::Bad, 0};
    return {CellKind::Number, static_cast<std::uint64_t>(*n)};
}

// A category (or theme) of the model for a code and/or label; themes map to their first category.
class CategoryMatcher {
public:
    explicit CategoryMatcher(const ScanModel& model) : m_model(model), m_classifier(model) {}

    [[nodiscard]] std::optional<std::size_t> match(const std::string& code, const std::string& label) const
    {
        if (auto c = m_classifier.classify(code, label)) return c;
        if (label.empty() && !code.empty())
            if (auto c = m_classifier.classify("", code)) return c; // a label in the category column
        for (const std::string& key : {code, label}) {
            if (key.empty()) continue;
            const std::string k = lower(key);
            for (const auto& t : m_model.themes)
                if (lower(t.id) == k || t.number == key || lower(t.labelNl) == k)
                    for (std::size_t c = 0; c < m_model.categories.size(); ++c)
                        if (m_model.categories[c].themeId == t.id) return c;
        }
        return std::nullopt;
    }

    // A wide table's column header: "1.1.1 Diefstal/inbraak woning", "1.1.1", a label or a theme.
    [[nodiscard]] std::optional<std::size_t> matchHeader(const std::string& header) const
    {
        const std::string h = trim(header);
        const auto space = h.find(' ');
        const std::string first = h.substr(0, space);
        if (isCodeToken(first)) return match(first, space == std::string::npos ? "" : trim(h.substr(space)));
        // "HG Huiselijk geweld", "DOD ...": a code that is no number, or a label, or a theme.
        const bool codeLike = std::all_of(first.begin(), first.end(), [](char c) {
            return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
        });
        if (space != std::string::npos && codeLike)
            if (auto c = m_classifier.classify(first, "")) return c;
        return match("", h);
    }

private:
    const ScanModel& m_model;
    CategoryClassifier m_classifier;
};

// A ';'-separated text file whose unquoted header also holds commas: a copy in the temporary
// folder with every header name quoted (the rows as they are); nullopt when no copy is needed.
std::optional<fs::path> withQuotedHeader(const std::string& path)
{
    const std::string ext = lower(fs::path(path).extension().string());
    if (ext != ".csv" && ext != ".txt") return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    std::string header;
    if (!std::getline(in, header) || header.find('"') != std::string::npos) return std::nullopt;
    if (header.find(';') == std::string::npos || header.find(',') == std::string::npos) return std::nullopt;
    if (!header.empty() && header.back() == '\r') header.pop_back();
    static std::atomic<int> serial{0};
    const fs::path copy = fs::temp_directory_path() / fmt::format("gebiedscan-teltabel-{}-{}{}", ::getpid(), ++serial,
                                                                  fs::path(path).extension().string());
    std::ofstream out(copy, std::ios::binary);
    std::string quoted = "\"";
    for (char c : header) quoted += c == ';' ? std::string("\";\"") : std::string(1, c);
    out << quoted << "\"\n" << in.rdbuf();
    if (!out)
        throw OutputError(tr("kan geen tijdelijke kopie van '" + path + "' schrijven naar " + copy.string(),
                             "cannot write a temporary copy of '" + path + "' to " + copy.string()));

    return copy;
}

// One value of the table: a long row, or one category cell of a wide row.
struct Entry {
    std::int64_t row = 0;
    std::string area, code, label, period, column;
    Cell cell;
    bool total = false;
    std::optional<std::size_t> category; ///< for wide cells, from the header
};

} // namespace

std::optional<TimeInterval> parseCbsPeriod(std::string_view text)
{
    const std::string t = upper(trim(text));
    if (t.size() < 4 || !std::all_of(t.begin(), t.begin() + 4, [](char c) { return std::isdigit(c); }))
        return std::nullopt;
    const int year = std::stoi(t.substr(0, 4));
    const auto span = [](int y1, unsigned m1, int y2, unsigned m2) -> std::optional<TimeInterval> {
        const auto from = makeLocalTime(y1, m1, 1), to = makeLocalTime(y2, m2, 1);
        if (!from || !to) return std::nullopt;
        return TimeInterval{*from, *to};
    };
    if (t.size() == 4 || t == std::to_string(year) + "JJ00") return span(year, 1, year + 1, 1);
    if (t.size() != 8) return std::nullopt;
    const std::string kind = t.substr(4, 2);
    int n = 0;
    const auto* digits = t.data() + 6;
    if (std::from_chars(digits, digits + 2, n).ptr != digits + 2) return std::nullopt;
    if (kind == "KW" && n >= 1 && n <= 4) {
        const auto m = static_cast<unsigned>(3 * (n - 1) + 1);
        return n == 4 ? span(year, m, year + 1, 1) : span(year, m, year, m + 3);
    }
    if (kind == "MM" && n >= 1 && n <= 12) {
        const auto m = static_cast<unsigned>(n);
        return n == 12 ? span(year, 12, year + 1, 1) : span(year, m, year, m + 1);
    }
    return std::nullopt;
}

std::uint64_t CountTableReport::registrationsUsed() const
{
    const auto it = registrationsPerReason.find("used");
    return it == registrationsPerReason.end() ? 0 : it->second;
}

std::string countReasonText(std::string_view reason)
{
    static const std::map<std::string_view, std::string_view> texts{
        {"used", "gebruikt"},
        {"missing_value", "aantal ontbreekt ('.', 'x' of leeg)"},
        {"bad_value", "aantal is geen geheel getal van 0 of meer"},
        {"no_area_code", "geen gebiedscode"},
        {"unknown_area", "gebied onbekend (BU00000000-achtige code)"},
        {"area_not_in_areas", "code niet in de gebieden"},
        {"higher_level", "code van een hoger niveau of Nederland (de scan telt zelf op)"},
        {"bad_period", "periode onleesbaar"},
        {"out_of_period", "periode buiten de scan"},
        {"total_row", "totaalrij (0.0.0) naast de categorieën"},
        {"duplicate", "dubbele rij (zelfde gebied, categorie en periode)"},
    };
    const auto it = texts.find(reason);
    return it == texts.end() ? std::string(reason) : std::string(it->second);
}

struct CountTable::Impl {
    std::unique_ptr<gis::VectorReader> reader;
    CountTableFields fields;
    std::string labelField;
    CategoryMatcher matcher;
    // Wide: the count columns with their category (nullopt: a total column).
    std::vector<std::pair<std::string, std::optional<std::size_t>>> wideColumns;
    std::vector<std::string> ignoredColumns;
    bool wide = false;
    fs::path quotedCopy; ///< removed with the table

    Impl(const ScanModel& model) : matcher(model) {}
    ~Impl()
    {
        reader.reset();
        std::error_code ec;
        if (!quotedCopy.empty()) fs::remove(quotedCopy, ec);
    }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    // Calls `f` for every value of the table, in file order.
    template <typename F>
    std::uint64_t forEach(F&& f)
    {
        reader->reset();
        gis::Feature feature;
        std::uint64_t rows = 0;
        Entry e;
        const auto text = [&](std::size_t i) { return trim(feature.fields[i].text); };
        while (reader->next(feature)) {
            ++rows;
            e.row = feature.row;
            e.area = text(0);
            e.period = text(1);
            if (!wide) {
                e.code = text(2);
                e.label = text(3);
                e.total = isTotal(e.code, e.label);
                e.cell = readCell(feature.fields[4]);
                e.category.reset();
                e.column = fields.count;
                f(e);
                continue;
            }
            for (std::size_t c = 0; c < wideColumns.size(); ++c) {
                e.code = wideColumns[c].first;
                e.label.clear();
                e.column = wideColumns[c].first;
                e.category = wideColumns[c].second;
                e.total = !e.category;
                e.cell = readCell(feature.fields[2 + c]);
                f(e);
            }
        }
        return rows;
    }
};

CountTable::CountTable(const gis::SourceSpec& source, const CountTableFields& requested, const ScanModel& model,
                       const std::string& areaCodeField)
    : m_impl(std::make_unique<Impl>(model))
{
    auto& d = *m_impl;
    gis::SourceSpec spec = source;
    // A table has no coordinates: never let a column called x or lat become a geometry.
    spec.xField = spec.yField = "__gebiedscan_no_geometry__";
    // GDAL 3.6 takes the comma when a header holds both unquoted; an Excel export with ';' has
    // commas in its category names ("Diefstal van brom-, snor-, fietsen"): read a copy whose
    // header is quoted.
    // A sheet whose cells are all text (codes, "2023JJ00", "." for missing) gives GDAL no hint
    // that its first row is the header: a count table always has one.
    if (const auto ext = lower(fs::path(source.path).extension().string()); ext == ".xlsx" || ext == ".ods")
        spec.openOptions.emplace_back("HEADERS=FORCE");
    if (auto copy = withQuotedHeader(source.path)) {
        d.quotedCopy = std::move(*copy);
        spec.path = d.quotedCopy.string();
    }
    d.reader = std::make_unique<gis::VectorReader>(spec);
    d.reader->ignoreGeometry(true);
    const auto names = d.reader->fieldNames();
    std::string available;
    for (const auto& n : names) available += (available.empty() ? "" : ", ") + n;
    CountTableFields f = requested;
    if (f.area.empty()) {
        std::vector<std::string> candidates;
        if (!areaCodeField.empty()) candidates.push_back(areaCodeField);
        for (const char* n :
             {"WijkenEnBuurten", "Wijken en buurten", "buurtcode", "bu_code", "RegioS", "Regio's", "wijkcode",
              "wk_code", "gemeentecode", "gm_code", "statcode", "gebiedscode", "area_code", "gebied", "code"})
            candidates.emplace_back(n);
        f.area = d.reader->findField(candidates);
    }
    if (f.area.empty())
        throw InputError(tr(d.reader->description() + ": geen kolom met de gebiedscode gevonden (kolommen: " +
                                available + "); noem hem met --counts-area-field",
                            d.reader->description() + ": no area code column found (columns: " + available +
                                "); name it with --counts-area-field"));
    if (f.category.empty())
        f.category = d.reader->findField({"SoortMisdrijf", "Soort misdrijf", "soort_misdrijf_code", "soort_misdrijf",
                                          "categorie", "category", "thema", "theme"});
    if (f.period.empty()) f.period = d.reader->findField({"Perioden", "periode", "period", "jaar", "year"});
    if (f.count.empty())
        f.count = d.reader->findField({"GeregistreerdeMisdrijven_1", "Geregistreerde misdrijven (aantal)",
                                       "Totaal geregistreerde misdrijven", "aantal", "count", "waarde", "value"});
    d.wide = f.category.empty();
    if (!d.wide) {
        if (f.count.empty())
            throw InputError(tr(
                d.reader->description() + ": kolom '" + f.category +
                    "' bevat de categorieën, maar er is geen kolom met de aantallen gevonden (kolommen: " + available +
                    "); noem hem met --counts-value-field",
                d.reader->description() + ": column '" + f.category +
                    "' holds the categories, but no count column was found (columns: " + available +
                    "); name it with --counts-value-field"));
        d.labelField = d.reader->findField({"soort_misdrijf_titel", "SoortMisdrijf_titel", "titel", "label"});
        if (lower(d.labelField) == lower(f.category)) d.labelField.clear();
        d.reader->selectFields({f.area, f.period, f.category, d.labelField, f.count});
    } else {
        f.count.clear();
        std::vector<std::string> selected{f.area, f.period};
        for (const auto& n : names) {
            if (lower(n) == lower(f.area) || lower(n) == lower(f.period)) continue;
            const auto category = d.matcher.matchHeader(n);
            if (category || isTotal("", trim(n)) || trim(n).rfind("0.0.0", 0) == 0) {
                d.wideColumns.emplace_back(n, category);
                selected.push_back(n);
            } else {
                d.ignoredColumns.push_back(n);
            }
        }
        // A total column beside category columns would count everything twice: only totals count.
        const bool anyCategory =
            std::any_of(d.wideColumns.begin(), d.wideColumns.end(), [](const auto& c) { return c.second.has_value(); });
        if (anyCategory) {
            std::vector<std::pair<std::string, std::optional<std::size_t>>> kept;
            std::vector<std::string> keptNames{f.area, f.period};
            for (const auto& c : d.wideColumns)
                if (c.second) {
                    kept.push_back(c);
                    keptNames.push_back(c.first);
                } else {
                    d.ignoredColumns.push_back(c.first);
                }
            d.wideColumns = std::move(kept);
            selected = std::move(keptNames);
        }
        if (d.wideColumns.empty())
            throw InputError(
                tr(d.reader->description() +
                       ": geen kolom met de categorie (SoortMisdrijf) en geen kolom genoemd naar een "
                       "categorie of thema van het model (brede vorm, bv. '1.1.1 Diefstal/inbraak woning') "
                       "(kolommen: " +
                       available + "); noem de kolom met de categorie met --counts-category-field",
                   d.reader->description() +
                       ": no category column (SoortMisdrijf) and no column named after a category or theme "
                       "of the model (wide format, e.g. '1.1.1 Diefstal/inbraak woning') (columns: " +
                       available + "); name the category column with --counts-category-field"));
        d.reader->selectFields(selected);
    }
    d.fields = f;
}

CountTable::~CountTable() = default;

const std::string& CountTable::description() const
{
    return m_impl->reader->description();
}
const CountTableFields& CountTable::fields() const
{
    return m_impl->fields;
}
bool CountTable::wide() const
{
    return m_impl->wide;
}

std::map<int, std::uint64_t> CountTable::registrationsPerYear()
{
    std::map<int, std::uint64_t> perYear;
    m_impl->forEach([&](const Entry& e) {
        if (e.cell.kind != CellKind::Number) return;
        if (const auto t = parseCbsPeriod(e.period)) {
            int y = 0;
            unsigned m = 0, day = 0;
            civilFromDays(t->start.seconds / kSecondsPerDay, y, m, day);
            perYear[y] += e.cell.count;
        }
    });
    return perYear;
}

CountTableReport CountTable::addTo(const ScanModel& model, const std::vector<std::string>& areaCodes,
                                   const std::set<std::string>& higherLevelCodes, ScanCounts& counts,
                                   RecordAccounting& acc, const UsedValue& used)
{
    auto& d = *m_impl;
    CountTableReport rep;
    rep.description = d.reader->description();
    rep.wide = d.wide;
    for (const auto& c : d.wideColumns) rep.valueColumns.push_back(c.first);
    rep.ignoredColumns = d.ignoredColumns;

    std::unordered_map<std::string, std::size_t> areaIndex;
    for (std::size_t a = 0; a < areaCodes.size(); ++a) areaIndex.emplace(upper(trim(areaCodes[a])), a);
    std::set<std::string> higher;
    for (const auto& c : higherLevelCodes) higher.insert(upper(trim(c)));
    const std::size_t overig = model.categories.size();
    const std::size_t current = *model.currentPeriod();

    // Total rows count only when the table holds nothing else (then as overig).
    bool anyDetail = d.wide && std::any_of(d.wideColumns.begin(), d.wideColumns.end(),
                                           [](const auto& c) { return c.second.has_value(); });
    if (!d.wide)
        d.forEach([&](const Entry& e) {
            if (!e.total) anyDetail = true;
        });
    rep.totalsOnly = !anyDetail;

    // Registrations into the record accounting: one example per value, the rest added up.
    const auto account = [&](RecordBucket bucket, const Entry& e, const std::string& field, const std::string& value,
                             const std::string& reason) {
        const std::uint64_t n = e.cell.count;
        if (n == 0) return;
        acc.inputRecords += n;
        acc.count(bucket, e.row, field, value, reason);
        const std::uint64_t more = n - 1;
        switch (bucket) {
        case RecordBucket::InvalidGeometry: acc.invalidGeometry += more; break;
        case RecordBucket::BadDateUnparseable:
            acc.badDate += more;
            acc.badDateUnparseable += more;
            break;
        case RecordBucket::OutOfPeriod: acc.badDate += more; break;
        case RecordBucket::Outside: acc.outside += more; break;
        case RecordBucket::UnknownCategory: acc.unknownCategory += more; break;
        case RecordBucket::Assigned: acc.assigned += more; break;
        default: break;
        }
    };
    // Keys already counted, packed (area, category text, period text), so a national table of
    // millions of values stays small: the texts are numbered once.
    std::unordered_set<std::uint64_t> seen;
    std::unordered_map<std::string, std::uint64_t> categoryIds, periodIds;
    const auto idOf = [](std::unordered_map<std::string, std::uint64_t>& ids, std::string key) {
        return ids.emplace(std::move(key), ids.size()).first->second;
    };
    rep.rowsRead = d.forEach([&](const Entry& e) {
        ++rep.values;
        const auto settle = [&](const char* reason) {
            ++rep.valuesPerReason[reason];
            rep.registrationsPerReason[reason] += e.cell.count;
        };
        if (e.cell.kind == CellKind::Missing) return settle("missing_value");
        if (e.cell.kind == CellKind::Bad) return settle("bad_value");
        const std::string area = upper(e.area);
        if (area.empty()) {
            account(RecordBucket::InvalidGeometry, e, d.fields.area, e.area, "geen gebiedscode in de teltabel");
            return settle("no_area_code");
        }
        if (isUnknownArea(area)) {
            account(RecordBucket::InvalidGeometry, e, d.fields.area, e.area, "gebied onbekend in de teltabel");
            return settle("unknown_area");
        }
        const auto it = areaIndex.find(area);
        if (it == areaIndex.end()) {
            if (higher.count(area) || area.rfind("NL", 0) == 0) {
                bump(rep.higherLevelCodes, e.area, e.cell.count);
                return settle("higher_level");
            }
            account(RecordBucket::Outside, e, d.fields.area, e.area, "code niet in de gebieden");
            bump(rep.unknownAreaCodes, e.area, e.cell.count);
            return settle("area_not_in_areas");
        }
        std::size_t period = current;
        std::optional<TimeInterval> t;
        if (!d.fields.period.empty()) {
            t = parseCbsPeriod(e.period);
            if (!t) {
                account(RecordBucket::BadDateUnparseable, e, d.fields.period, e.period,
                        "periode onleesbaar (verwacht bv. 2023JJ00, 2023KW01, 2023MM05 of 2023)");
                return settle("bad_period");
            }
            const auto p = model.periodOf(t->start);
            if (!p || t->end.seconds > model.periods[*p].to.seconds) {
                account(RecordBucket::OutOfPeriod, e, d.fields.period, e.period,
                        p ? "periode valt niet binnen één periode van de scan" : "periode buiten de scan");
                return settle("out_of_period");
            }
            period = *p;
        }
        if (e.total && anyDetail) return settle("total_row");
        const std::uint64_t seenKey = (static_cast<std::uint64_t>(it->second) << 40) |
                                      (idOf(categoryIds, e.code + '\n' + e.label + '\n' + e.column) << 16) |
                                      idOf(periodIds, e.period);
        if (!seen.insert(seenKey).second) return settle("duplicate");
        auto category = e.total ? std::nullopt : d.wide ? e.category : d.matcher.match(e.code, e.label);
        if (!category && !e.total && !d.wide && e.label.empty())
            category = d.matcher.matchHeader(e.code); // "1.1.1 Diefstal/inbraak woning" as the value
        if (!category) {
            account(RecordBucket::UnknownCategory, e, d.wide ? e.column : d.fields.category, e.code,
                    e.total ? "totaal: per thema niet bekend (telt als overig)" : "onbekende categorie (overig)");
            const std::string key = e.code.empty() ? e.label : e.code;
            const std::string shown = key.empty() ? "(leeg)" : key;
            if (acc.unknownCodes.size() < RecordAccounting::kUnknownCodesListed || acc.unknownCodes.count(shown))
                acc.unknownCodes[shown] += e.cell.count;
            else
                acc.unknownCodes["(overige codes)"] += e.cell.count;
        } else {
            account(RecordBucket::Assigned, e, {}, {}, {});
        }
        counts.add(it->second, category.value_or(overig), period, e.cell.count);
        if (used) used(it->second, category, t, e.cell.count);
        settle("used");
    });
    return rep;
}

} // namespace gebiedscan::pipeline
