#include "gebiedscan/gis/field_value.hpp"

#include <charconv>
#include <cmath>

namespace gebiedscan::gis {

std::optional<double> parseDecimal(std::string_view text)
{
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty()) return std::nullopt;
    std::string s(text);
    if (s.find('.') == std::string::npos)
        for (char& c : s)
            if (c == ',') c = '.';
    double v = 0.0;
    const char* end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc() || ptr != end || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<double> numberOf(const FieldValue& value)
{
    std::optional<double> v;
    switch (value.type) {
    case FieldValue::Type::Integer:
    case FieldValue::Type::Real: v = value.number; break;
    case FieldValue::Type::Text: v = parseDecimal(value.text); break;
    default: return std::nullopt;
    }
    if (v && *v <= kCbsMissingAtOrBelow) return std::nullopt;
    return v;
}

std::optional<TimeInterval> timeOf(const FieldValue& value)
{
    switch (value.type) {
    case FieldValue::Type::Date: return TimeInterval{value.time, LocalTime{value.time.seconds + kSecondsPerDay}};
    case FieldValue::Type::DateTime: return TimeInterval{value.time, value.time};
    case FieldValue::Type::Text:
    case FieldValue::Type::Integer: // OGR's text of an integer is its digits
        return parseTimeInterval(value.text);
    default: return std::nullopt;
    }
}

} // namespace gebiedscan::gis
