#pragma once
#include "gebiedscan/core/date_time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gebiedscan {

// Glossary: a *gebiedscan* is the yearly area scan police make "by a fixed model" per buurt
// (neighbourhood), wijk (district) and gemeente (municipality). The fixed model orders themes in
// five *veiligheidsvelden* (safety fields), e.g. 1.3 woninginbraak (domestic burglary).

/// A theme of the fixed model, e.g. number "1.3", id "woninginbraak", veld 1.
struct Theme {
    std::string id;     ///< short identifier, also used in field names (n_<id>)
    std::string number; ///< the plan's numbering, "1.3"
    int veld = 0;       ///< veiligheidsveld 1..5
    std::string labelNl;
    std::string labelEn;
    int suppressBelow = 0; ///< counts 1..suppressBelow-1 are "geheim" outside the police
};

/// A category of registrations (e.g. "Diefstal/inbraak woning") mapped onto one theme.
/// Matching: `codes` are police-code patterns, `1.1.1` matches `1.1.1` and `1.1.1.x`, `1.4.*`
/// matches everything under `1.4.`; `labels` match the label field case-insensitively.
/// The most specific (longest) code pattern wins; a label match is tried when no code matches.
struct Category {
    std::string id;
    std::string themeId;
    std::string labelNl;
    std::vector<std::string> codes;
    std::vector<std::string> labels;
};

/// A named date range [from, to) of the scan; exactly one is the current period.
struct Period {
    std::string id;
    bool current = false;
    LocalTime from;
    LocalTime to; ///< exclusive

    [[nodiscard]] double days() const { return static_cast<double>(to.seconds - from.seconds) / kSecondsPerDay; }
};

/// The scan model: themes, categories, periods and the disclosure rule.
struct ScanModel {
    std::string name;
    std::vector<Theme> themes;
    std::vector<Category> categories;
    std::vector<Period> periods;
    /// Police incident codes (BVH/BVI "A72", "F550") -> the crime-category code they belong to
    /// ("1.2.3", "1.4.5"), from the CBS/police list behind 47018NED; keys upper case.
    std::unordered_map<std::string, std::string> incidentCodes;
    int suppressBelow = 5;      ///< default threshold for themes that set none
    double significance = 0.05; ///< alpha of the change test

    [[nodiscard]] std::optional<std::size_t> themeIndex(std::string_view id) const;
    [[nodiscard]] std::optional<std::size_t> currentPeriod() const;
    /// Index of the period containing t (periods must not overlap), or nullopt.
    [[nodiscard]] std::optional<std::size_t> periodOf(LocalTime t) const;
    /// Throws InputError when themes, categories or periods are inconsistent.
    void validate() const;
};

/// Maps (code, label) of a registration to a category index of the model.
class CategoryClassifier {
public:
    explicit CategoryClassifier(const ScanModel& model);

    /// Category index, or nullopt for an unknown category ("overig").
    /// Codes are trimmed first: police keys often carry trailing spaces. A code that matches no
    /// pattern but is a police incident code of the model ("A72") is classified by its
    /// crime-category code ("1.2.3"), case-insensitively.
    [[nodiscard]] std::optional<std::size_t> classify(std::string_view code, std::string_view label) const;

private:
    struct Rule {
        std::string prefix; // "1.4." for 1.4.*, "1.1.1" for 1.1.1
        bool wildcard;
        std::size_t category;
    };
    std::vector<Rule> m_rules;                                 // longest prefix first
    std::vector<std::pair<std::string, std::size_t>> m_labels; // lower-case label -> category
    std::unordered_map<std::string, std::string> m_incidentCodes;

    [[nodiscard]] std::optional<std::size_t> classifyCode(std::string_view code) const;
};

} // namespace gebiedscan
