#pragma once
// Subjective beside objective: a survey table (survey_table.hpp) joined to the scan's areas, and
// per area and indicator the quadrant of the registrations per 1,000 inhabitants against the
// survey score, each against the region's value.
//
// Rules (also in toelichting.txt):
// - The survey's level is the scan level whose codes match most of the table's codes. Areas are
//   classified at that level only; a finer level (buurten beside a wijk survey) shows its wijk's
//   values and quadrant, marked with the wijk's level and code (survey_niveau, survey_code); a
//   coarser level gets none.
// - Subjective: above or below the region's value. The region's value is the table's row for the
//   whole scan region when there is one (the code of the scan's single top area), else the mean
//   of the areas weighted by their respondents. An area whose interval (the table's margin or
//   bounds; for a percentage without one the 95 % interval 1.96 sqrt(p(1-p)/n)) contains the
//   region's value is "niet te onderscheiden"; one with fewer than kMinRespondents respondents
//   "te weinig respondenten". A score with no interval at all (a scale score without margin or
//   bounds) is "geen marge": its uncertainty is unknown, so it is not classified, unless
//   SurveyRules::classifyWithoutMargin. A higher score is taken to mean less safe (onveilig %,
//   overlast), except for the indicators in SurveyRules::higherIsSafer (rapportcijfer, veilig %).
// - A survey of another year than the scan's current period is used, and said loudly.
// - Objective: the area's registrations of the current period per 1,000 inhabitants (the total,
//   or a chosen theme) above the region's (the top level's registrations over its inhabitants),
//   counted as published: a hidden count gives no quadrant ("geheim"), a rounded count
//   (--protection afronden) is used rounded, as rate_ shows it.
// - Objective and subjective both above the region: an AOL candidate (aol_survey = 1).
#include "gebiedscan/pipeline/survey_table.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

struct ScanResult;
class Reporter;

/// CBS and the Veiligheidsmonitor publish no figure on fewer than 30 respondents.
inline constexpr double kMinRespondents = 30;

enum class SurveyQuadrant {
    HighHigh,     ///< objective and subjective above the region: AOL candidate
    HighLow,      ///< many registrations, felt as safe
    LowHigh,      ///< few registrations, felt as unsafe
    LowLow,       ///< both below
    Indistinct,   ///< the survey's interval contains the region's value
    TooFew,       ///< fewer than kMinRespondents respondents
    NoValue,      ///< no survey value for the area
    Hidden,       ///< the count is hidden (geheim): no quadrant
    NoPopulation, ///< no inhabitants known: no rate
    NoMargin,     ///< no margin or interval, so the uncertainty is unknown: not classified
};

/// How the survey is read beyond its columns (--survey-higher-is-safer, --survey-classify-without-margin).
struct SurveyRules {
    std::vector<std::string> higherIsSafer; ///< indicator ids or columns where a higher value is safer
    bool classifyWithoutMargin = false;     ///< classify a score without margin on its value alone
};

/// The Dutch label written in kwadrant_<indicator> (English with `english`).
[[nodiscard]] std::string quadrantLabel(SurveyQuadrant q, bool english = false);

/// One area's survey figures for one indicator (own, or inherited from the survey's level).
struct SurveyCell {
    std::optional<double> value, n, low, high;
    SurveyQuadrant quadrant = SurveyQuadrant::NoValue;
};

/// The survey joined to the scan.
struct ScanSurvey {
    SurveyTable table;
    std::size_t level = 0;               ///< the scan level the survey is at
    std::size_t slot = 0;                ///< theme slot of the objective side (the total unless chosen)
    std::string slotLabel;               ///< "alle registraties" or the theme's label
    double regionRate = 0;               ///< registrations per 1,000 of the region, as published
    std::vector<double> regionValue;     ///< per indicator: the region's survey value
    std::vector<std::string> regionFrom; ///< per indicator: where it came from, in Dutch
    /// [level][area] -> the area of the survey level its values come from; -1: none (coarser level).
    std::vector<std::vector<std::int64_t>> source;
    /// [surveyArea][indicator] at the survey level.
    std::vector<std::vector<SurveyCell>> cells;
    std::vector<std::string> unmatchedCodes; ///< table codes at no scan level (bounded list)
    std::size_t unmatched = 0;               ///< rows whose code is at no scan level
    std::size_t otherLevelRows = 0;          ///< rows at another scan level than the survey's
    std::vector<std::size_t> candidates;     ///< survey-level areas high on both for any indicator
    std::vector<bool> higherIsSafer;         ///< per indicator: the scale is reversed
    SurveyRules rules;
    std::optional<int> scanYear;             ///< the year of the scan's current period, if one calendar year

    /// The survey is of another year than the scan's current period.
    [[nodiscard]] bool yearDiffers() const { return table.year && scanYear && *table.year != *scanYear; }

    /// The cell shown for area `a` of `level` (nullptr when the level gets no survey values).
    [[nodiscard]] const SurveyCell* cell(std::size_t level, std::size_t a, std::size_t indicator) const;
    [[nodiscard]] bool candidate(std::size_t surveyArea) const;
};

/// Joins `table` to the scan's areas and classifies (the scan's protection must be applied).
/// `theme`: a theme id or number of the model for the objective side; empty: every registration.
/// Throws InputError when no code of the table is an area of the scan, the theme is unknown or
/// `rules` names an indicator the table does not have.
[[nodiscard]] ScanSurvey joinSurvey(SurveyTable table, const ScanResult& scan, const std::string& theme,
                                    const SurveyRules& rules = {});

/// An indicator whose name reads as "higher is safer" (rapportcijfer, veilig but not onveilig,
/// tevreden): the scan warns when it is not in SurveyRules::higherIsSafer.
[[nodiscard]] bool soundsHigherIsSafer(const std::string& name);

/// Says what was used (columns, level, region values, the rule) and what was left out.
void reportSurvey(const ScanSurvey& survey, const ScanResult& scan, Reporter& reporter);

/// "Centrum (WK010600)", or only the code when the area has no name of its own.
[[nodiscard]] std::string surveyAreaLabel(const std::string& name, const std::string& code);

/// "wijken", "buurten", "gemeenten", "cellen".
[[nodiscard]] std::string pluralLevel(const std::string& level);

/// A number as the council reads it: decimal comma, `decimals` places.
[[nodiscard]] std::string dutchNumber(double value, int decimals);

} // namespace gebiedscan::pipeline
