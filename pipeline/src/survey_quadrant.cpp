#include "gebiedscan/pipeline/survey_quadrant.hpp"

#include "gebiedscan/pipeline/reporter.hpp"
#include "gebiedscan/pipeline/scan_result.hpp"

#include "gebiedscan/core/error.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace gebiedscan::pipeline {

namespace {

constexpr std::size_t kCodesListed = 20; // unmatched codes named in messages and summary.json

std::string upper(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

} // namespace

std::string quadrantLabel(SurveyQuadrant q, bool english)
{
    switch (q) {
    case SurveyQuadrant::HighHigh:
        return english ? "objective high, subjective high" : "objectief hoog, subjectief hoog";
    case SurveyQuadrant::HighLow: return english ? "objective high, subjective low" : "objectief hoog, subjectief laag";
    case SurveyQuadrant::LowHigh: return english ? "objective low, subjective high" : "objectief laag, subjectief hoog";
    case SurveyQuadrant::LowLow: return english ? "objective low, subjective low" : "objectief laag, subjectief laag";
    case SurveyQuadrant::Indistinct: return english ? "indistinguishable" : "niet te onderscheiden";
    case SurveyQuadrant::TooFew: return english ? "too few respondents" : "te weinig respondenten";
    case SurveyQuadrant::NoValue: return english ? "no survey figure" : "geen enquêtecijfer";
    case SurveyQuadrant::Hidden: return english ? "count suppressed" : "geheim";
    case SurveyQuadrant::NoPopulation: return english ? "no population" : "geen inwonertal";
    case SurveyQuadrant::NoMargin: return english ? "no margin" : "geen marge";
    }
    return {};
}

const SurveyCell* ScanSurvey::cell(std::size_t l, std::size_t a, std::size_t indicator) const
{
    if (l >= source.size() || a >= source[l].size() || source[l][a] < 0) return nullptr;
    return &cells[static_cast<std::size_t>(source[l][a])][indicator];
}

bool ScanSurvey::candidate(std::size_t surveyArea) const
{
    for (const auto& c : cells[surveyArea])
        if (c.quadrant == SurveyQuadrant::HighHigh) return true;
    return false;
}

bool soundsHigherIsSafer(const std::string& name)
{
    std::string n = name;
    for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto has = [&](const char* w) { return n.find(w) != std::string::npos; };
    return has("rapportcijfer") || has("tevreden") || (has("veilig") && !has("onveilig"));
}

// The year of a period that lies within one calendar year (a scan by --year), else none.
static std::optional<int> calendarYear(const Period& p)
{
    const auto yearOf = [](std::int64_t seconds) {
        int year = 0;
        unsigned month = 0, day = 0;
        civilFromDays(seconds >= 0 ? seconds / kSecondsPerDay : (seconds + 1) / kSecondsPerDay - 1, year, month, day);
        return year;
    };
    const int first = yearOf(p.from.seconds), last = yearOf(p.to.seconds - 1);
    if (first != last) return std::nullopt;
    return first;
}

ScanSurvey joinSurvey(SurveyTable table, const ScanResult& r, const std::string& theme, const SurveyRules& rules)
{
    ScanSurvey s;
    s.rules = rules;
    s.higherIsSafer.assign(table.indicators.size(), false);
    for (const auto& name : rules.higherIsSafer) {
        bool found = false;
        for (std::size_t x = 0; x < table.indicators.size(); ++x)
            if (table.indicators[x].id == name || table.indicators[x].column == name) found = s.higherIsSafer[x] = true;
        if (!found) {
            std::string known;
            for (const auto& ind : table.indicators) known += (known.empty() ? "" : ", ") + ind.id;
            throw InputError("--survey-higher-is-safer '" + name + "': geen indicator van " + table.description +
                             " (indicatoren: " + known + ")");
        }
    }
    const auto& levels = r.areas.levels;
    const auto& f = *r.figures;
    const std::size_t cur = f.currentPeriod();
    s.scanYear = calendarYear(r.model.periods[cur]);
    s.slot = f.totalSlot();
    s.slotLabel = "alle registraties";
    if (!theme.empty()) {
        std::optional<std::size_t> slot = r.model.themeIndex(theme);
        for (std::size_t t = 0; t < r.model.themes.size() && !slot; ++t)
            if (r.model.themes[t].number == theme) slot = t;
        if (!slot) {
            std::string known;
            for (const auto& t : r.model.themes) known += (known.empty() ? "" : ", ") + t.id;
            throw InputError("--survey-theme '" + theme + "': geen thema van het model (thema's: " + known + ")");
        }
        s.slot = *slot;
        s.slotLabel = r.model.themes[*slot].number + " " + r.model.themes[*slot].labelNl;
    }

    // The level: the one holding most of the table's codes (the finest on a tie).
    std::vector<std::map<std::string, std::size_t>> byCode(levels.size());
    for (std::size_t l = 0; l < levels.size(); ++l)
        for (std::size_t a = 0; a < levels[l].size(); ++a) byCode[l][upper(levels[l].codes[a])] = a;
    std::vector<std::size_t> matches(levels.size(), 0);
    for (const auto& row : table.rows)
        for (std::size_t l = 0; l < levels.size(); ++l) matches[l] += byCode[l].count(upper(row.code));
    std::size_t best = 0;
    for (std::size_t l = 1; l < levels.size(); ++l)
        if (matches[l] > matches[best]) best = l;
    if (matches[best] == 0) {
        std::string sample, ours;
        for (std::size_t k = 0; k < table.rows.size() && k < 3; ++k)
            sample += (sample.empty() ? "" : ", ") + table.rows[k].code;
        for (std::size_t l = 0; l < levels.size(); ++l)
            if (!levels[l].codes.empty())
                ours += (ours.empty() ? "" : ", ") + levels[l].name + " " + levels[l].codes[0];
        throw InputError(fmt::format("{}: geen enkele gebiedscode van de enquête ({} ...) is een gebied van de scan "
                                     "(bijvoorbeeld {}); kolom '{}' gebruikt",
                                     table.description, sample, ours, table.areaColumn));
    }
    s.level = best;
    const auto& lv = levels[best];
    const std::size_t indicators = table.indicators.size();
    s.cells.assign(lv.size(), std::vector<SurveyCell>(indicators));
    // The region's own row: the code of the scan's single top area (a gemeente scanned per buurt).
    const SurveyRow* regionRow = nullptr;
    const bool singleTop = levels.back().size() == 1 && levels.size() - 1 != best;
    for (const auto& row : table.rows) {
        const std::string code = upper(row.code);
        if (const auto it = byCode[best].find(code); it != byCode[best].end()) {
            for (std::size_t x = 0; x < indicators; ++x)
                s.cells[it->second][x] = {row.value[x], row.n[x], row.low[x], row.high[x], SurveyQuadrant::NoValue};
            continue;
        }
        if (singleTop && code == upper(levels.back().codes[0])) {
            regionRow = &row;
            continue;
        }
        bool elsewhere = false;
        for (std::size_t l = 0; l < levels.size(); ++l) elsewhere = elsewhere || byCode[l].count(code) > 0;
        if (elsewhere) {
            ++s.otherLevelRows;
        } else {
            ++s.unmatched;
            if (s.unmatchedCodes.size() < kCodesListed) s.unmatchedCodes.push_back(row.code);
        }
    }

    // Per level: the survey area each area's values come from (finer levels walk up to it).
    s.source.assign(levels.size(), {});
    for (std::size_t l = 0; l <= best; ++l) {
        s.source[l].assign(levels[l].size(), -1);
        for (std::size_t a = 0; a < levels[l].size(); ++a) {
            std::int64_t up = static_cast<std::int64_t>(a);
            for (std::size_t k = l; k < best && up >= 0; ++k) up = levels[k].parent[static_cast<std::size_t>(up)];
            s.source[l][a] = up;
        }
    }

    // Objective: counts as published, per 1,000 inhabitants.
    const ScanProtection* mask = r.suppression.get();
    const auto published = [&](std::size_t l, std::size_t a) -> std::optional<double> {
        if (mask && mask->theme(l, a, s.slot, cur)) return std::nullopt;
        const auto count = f.themeCount(l, a, s.slot, cur);
        return static_cast<double>(mask ? mask->themeValue(l, a, s.slot, cur, count)
                                        : static_cast<std::int64_t>(count));
    };
    double regionCount = 0, regionPopulation = 0;
    const std::size_t top = levels.size() - 1;
    for (std::size_t a = 0; a < levels[top].size(); ++a) {
        const auto count = published(top, a);
        const auto& pop = levels[top].population[a];
        if (!count || !pop || *pop <= 0) continue;
        regionCount += *count;
        regionPopulation += *pop;
    }
    s.regionRate = regionPopulation > 0 ? regionCount * 1000.0 / regionPopulation : 0.0;

    // Subjective: the region's row, else the mean weighted by respondents (unweighted without n).
    s.regionValue.assign(indicators, 0.0);
    s.regionFrom.assign(indicators, "");
    for (std::size_t x = 0; x < indicators; ++x) {
        if (regionRow && regionRow->value[x]) {
            s.regionValue[x] = *regionRow->value[x];
            s.regionFrom[x] = "rij " + regionRow->code + " van de tabel";
            continue;
        }
        double sum = 0, weight = 0;
        bool weighted = true;
        for (std::size_t a = 0; a < lv.size(); ++a)
            if (s.cells[a][x].value && !s.cells[a][x].n) weighted = false;
        for (std::size_t a = 0; a < lv.size(); ++a) {
            const auto& c = s.cells[a][x];
            if (!c.value) continue;
            const double w = weighted ? *c.n : 1.0;
            sum += w * *c.value;
            weight += w;
        }
        s.regionValue[x] = weight > 0 ? sum / weight : std::nan("");
        s.regionFrom[x] = weighted ? "gemiddelde van de gebieden, gewogen naar respondenten"
                                   : "ongewogen gemiddelde van de gebieden (geen respondenten bekend)";
    }

    for (std::size_t a = 0; a < lv.size(); ++a) {
        const auto count = published(best, a);
        const auto& pop = lv.population[a];
        for (std::size_t x = 0; x < indicators; ++x) {
            auto& c = s.cells[a][x];
            const auto& ind = table.indicators[x];
            if (c.value && ind.percentage && !c.low && c.n && *c.n > 0) {
                // No published margin: the 95 % interval of a share from its respondents.
                const double p = std::clamp(*c.value / 100.0, 0.0, 1.0);
                const double m = 1.96 * std::sqrt(p * (1 - p) / *c.n) * 100.0;
                c.low = *c.value - m;
                c.high = *c.value + m;
            }
            // Too few respondents first: CBS then publishes '.' instead of a value.
            if (c.n && *c.n < kMinRespondents)
                c.quadrant = SurveyQuadrant::TooFew;
            else if (!c.value || !std::isfinite(s.regionValue[x]))
                c.quadrant = SurveyQuadrant::NoValue;
            else if (!count)
                c.quadrant = SurveyQuadrant::Hidden;
            else if (!pop || *pop <= 0)
                c.quadrant = SurveyQuadrant::NoPopulation;
            else if (!(c.low && c.high) && !rules.classifyWithoutMargin)
                c.quadrant = SurveyQuadrant::NoMargin;
            else if (c.low && c.high && *c.low <= s.regionValue[x] && s.regionValue[x] <= *c.high)
                c.quadrant = SurveyQuadrant::Indistinct;
            else {
                const bool objectiveHigh = *count * 1000.0 / *pop > s.regionRate;
                // "High" is the unsafe side: above the region, or below it on a reversed scale.
                const bool subjectiveHigh =
                    s.higherIsSafer[x] ? *c.value < s.regionValue[x] : *c.value > s.regionValue[x];
                c.quadrant = objectiveHigh ? (subjectiveHigh ? SurveyQuadrant::HighHigh : SurveyQuadrant::HighLow)
                                           : (subjectiveHigh ? SurveyQuadrant::LowHigh : SurveyQuadrant::LowLow);
            }
        }
        if (s.candidate(a)) s.candidates.push_back(a);
    }
    s.table = std::move(table);
    return s;
}

std::string surveyAreaLabel(const std::string& name, const std::string& code)
{
    return name.empty() || name == code ? code : name + " (" + code + ")";
}

std::string pluralLevel(const std::string& level)
{
    if (level == "cel") return "cellen";
    return level + (!level.empty() && level.back() == 'e' ? "n" : "en");
}

std::string dutchNumber(double value, int decimals)
{
    std::string t = fmt::format("{:.{}f}", value, decimals);
    for (char& c : t)
        if (c == '.') c = ',';
    return t;
}

void reportSurvey(const ScanSurvey& s, const ScanResult& r, Reporter& reporter)
{
    const auto& t = s.table;
    const auto& levels = r.areas.levels;
    const auto& lv = levels[s.level];
    std::size_t withRow = 0;
    for (std::size_t a = 0; a < lv.size(); ++a)
        for (const auto& c : s.cells[a])
            if (c.value) {
                ++withRow;
                break;
            }
    std::string used;
    for (std::size_t x = 0; x < t.indicators.size(); ++x) {
        const auto& ind = t.indicators[x];
        std::string parts = "n: " + (ind.nColumn.empty() ? std::string("geen") : "'" + ind.nColumn + "'");
        if (!ind.marginColumn.empty())
            parts += ", marge: '" + ind.marginColumn + "'";
        else if (!ind.lowColumn.empty())
            parts += ", interval: '" + ind.lowColumn + "' t/m '" + ind.highColumn + "'";
        else
            parts += ind.percentage ? ", marge: 95 % uit n" : ", geen marge";
        used += fmt::format("{}{} uit '{}' ({}; regio {}, {})", used.empty() ? "" : "; ", ind.id, ind.column, parts,
                            dutchNumber(s.regionValue[x], 1), s.regionFrom[x]);
    }
    reporter.info(fmt::format("Enquête {}: {} van de {} {}{}, code uit kolom '{}'; indicatoren: {}", t.description,
                              withRow, lv.size(), pluralLevel(lv.name),
                              t.year ? fmt::format(" (jaar {})", *t.year) : "", t.areaColumn, used));
    reporter.info(fmt::format("Kwadrant objectief tegen subjectief per {}: {} per 1.000 inwoners tegen de regio ({}); "
                              "minder dan {:.0f} respondenten = te weinig respondenten; interval om de regio = niet "
                              "te onderscheiden",
                              lv.name, s.slotLabel, dutchNumber(s.regionRate, 1), kMinRespondents));
    for (std::size_t l = 0; l < s.level; ++l)
        reporter.info(fmt::format("De enquête is per {}: de {} krijgen de cijfers en het kwadrant van hun {} "
                                  "(survey_niveau, survey_code)",
                                  lv.name, pluralLevel(levels[l].name), lv.name));
    if (s.yearDiffers())
        reporter.warning(fmt::format("Enquête: de enquête is van {}, de huidige periode van de scan van {}: het kwadrant "
                                     "zet cijfers van verschillende jaren naast elkaar (staat ook in toelichting.txt)",
                                     *t.year, *s.scanYear));
    for (std::size_t x = 0; x < t.indicators.size(); ++x) {
        const auto& ind = t.indicators[x];
        std::size_t noMargin = 0;
        for (const auto& cells : s.cells) noMargin += cells[x].quadrant == SurveyQuadrant::NoMargin;
        if (noMargin > 0)
            reporter.warning(fmt::format("Enquête: '{}' heeft geen marge of interval: {} {} niet ingedeeld ('geen "
                                         "marge'), want de onzekerheid is onbekend; --survey-classify-without-margin "
                                         "deelt ze toch in op het cijfer alleen",
                                         ind.column, noMargin, pluralLevel(lv.name)));
        if (s.higherIsSafer[x])
            reporter.info(fmt::format("Enquête: '{}': hoger is veiliger (--survey-higher-is-safer), dus laag = "
                                      "subjectief onveilig",
                                      ind.column));
        else if (soundsHigherIsSafer(ind.column))
            reporter.warning(fmt::format("Enquête: '{}' klinkt als een cijfer waarbij hoger veiliger is; het kwadrant "
                                         "telt hoger als onveiliger. Bedoelt u --survey-higher-is-safer {}?",
                                         ind.column, ind.id));
    }
    for (const auto& ind : t.indicators)
        if (ind.nColumn.empty())
            reporter.warning(fmt::format("Enquête: geen aantal respondenten bij '{}': de regel 'minder dan {:.0f} "
                                         "respondenten' is niet toe te passen",
                                         ind.column, kMinRespondents));
    if (s.unmatched > 0) {
        std::string codes;
        for (const auto& c : s.unmatchedCodes) codes += (codes.empty() ? "" : ", ") + c;
        reporter.warning(
            fmt::format("Enquête: {} rij(en) met een code die geen gebied van de scan is, weggelaten: {}{}",
                        s.unmatched, codes, s.unmatched > s.unmatchedCodes.size() ? ", ..." : ""));
    }
    if (s.otherLevelRows > 0)
        reporter.warning(
            fmt::format("Enquête: {} rij(en) van een ander niveau dan {} weggelaten", s.otherLevelRows, lv.name));
    if (t.otherYearRows > 0)
        reporter.info(
            fmt::format("Enquête: {} rij(en) van eerdere jaren weggelaten (gebruikt: {})", t.otherYearRows, *t.year));
    if (!t.ignoredColumns.empty()) {
        std::string cols;
        for (const auto& c : t.ignoredColumns) cols += (cols.empty() ? "" : ", ") + c;
        reporter.info("Enquête: kolommen niet gebruikt: " + cols);
    }
    std::string names;
    for (std::size_t k = 0; k < s.candidates.size(); ++k) {
        if (k == 10) {
            names += ", ...";
            break;
        }
        const auto a = s.candidates[k];
        names += (names.empty() ? "" : ", ") + surveyAreaLabel(lv.names[a], lv.codes[a]);
    }
    reporter.info(s.candidates.empty()
                      ? "AOL-kandidaten uit de enquête (objectief en subjectief hoog): geen"
                      : fmt::format("AOL-kandidaten uit de enquête (objectief en subjectief hoog): {} {}: {}",
                                    s.candidates.size(), pluralLevel(lv.name), names));
}

} // namespace gebiedscan::pipeline
