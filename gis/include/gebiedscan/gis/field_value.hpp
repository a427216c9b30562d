#pragma once
// A field value typed as OGR types it, and the one place where a field becomes a number or a
// time: a GeoPackage Date/DateTime or Integer/Real field is taken as it is, only text is parsed.
#include "gebiedscan/core/date_time.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace gebiedscan::gis {

struct FieldValue {
    enum class Type { Null, Text, Integer, Real, Date, DateTime };
    Type type = Type::Null;
    /// The value as text (UTF-8): as stored for Text, OGR's own form for numbers, ISO 8601 for
    /// dates ("2023-05-01", "2023-05-01T13:45:00"). Empty for Null.
    std::string text;
    double number = 0.0; ///< Integer and Real
    LocalTime time;      ///< Date (its midnight) and DateTime; a zone in the data is ignored, as in text
};

/// CBS tables mark secret and missing figures with large negative numbers (-99997 secret,
/// -99995 missing, ...): any value at or below this is missing, never a figure.
constexpr double kCbsMissingAtOrBelow = -99990.0;

/// Parses a decimal number in the C locale, independent of the process locale. A decimal comma
/// ("12,5", as Dutch Excel writes) is accepted when the text has no '.'; text with both is
/// refused rather than guessed ("1.234,5"). Spaces around the number are allowed. nullopt for
/// anything else, including infinities and NaN.
[[nodiscard]] std::optional<double> parseDecimal(std::string_view text);

/// The number a field holds: Integer and Real as read, Text through parseDecimal. A CBS
/// sentinel (<= kCbsMissingAtOrBelow) is missing. nullopt for Null, dates and non-numbers.
[[nodiscard]] std::optional<double> numberOf(const FieldValue& value);

/// The time a field holds: a Date is the whole day, a DateTime an instant, Text goes through
/// parseTimeInterval (the police and BRON formats), an Integer through its digits (a compact
/// 20230501 or a year 2017 stored as a number). nullopt for Null, Real and unreadable text.
[[nodiscard]] std::optional<TimeInterval> timeOf(const FieldValue& value);

} // namespace gebiedscan::gis
