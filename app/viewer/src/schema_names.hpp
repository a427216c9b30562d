#pragma once
// The output schema's roles and column ids as the viewer spells them (QString): every field the
// viewer looks for comes from gebiedscan::pipeline::schema, never from a literal of its own.
#include "gebiedscan/pipeline/output_schema.hpp"

#include <QString>

#include <string_view>

namespace gebiedscan::viewer {

namespace schema = gebiedscan::pipeline::schema;

[[nodiscard]] inline QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

/// A per-theme column: the family's prefix and a theme id ("n_" + "woninginbraak").
[[nodiscard]] inline QString themeField(std::string_view family, const QString& themeId)
{
    return qs(family) + themeId;
}

/// Field names of CBS's own wijk- en buurtkaart, for a CBS file opened as it is (no gebiedscan
/// output): the code and name when the schema's `code` and `name` are absent.
inline constexpr std::string_view kCbsCode = "statcode";
inline constexpr std::string_view kCbsName = "statnaam";

} // namespace gebiedscan::viewer
