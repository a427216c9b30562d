#pragma once
// A layer of an output folder as the audit reads it: field names and every row's values as text
// (NULL stays empty), geometry ignored. Shared by the scan folder audit and the other commands'.
#include "gebiedscan/gis/vector_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

struct AuditLayer {
    using Row = std::vector<std::optional<std::string>>;
    std::string name;
    std::vector<std::string> fields;
    std::vector<Row> rows;

    [[nodiscard]] int field(const std::string& f) const
    {
        const auto it = std::find(fields.begin(), fields.end(), f);
        return it == fields.end() ? -1 : static_cast<int>(it - fields.begin());
    }
};

inline AuditLayer readAuditLayer(const std::filesystem::path& gpkg, const std::string& name)
{
    gis::SourceSpec spec;
    spec.path = gpkg.string();
    spec.layer = name;
    gis::VectorReader reader(spec);
    reader.ignoreGeometry(true);
    AuditLayer layer;
    layer.name = name;
    layer.fields = reader.fieldNames();
    reader.selectFields(layer.fields);
    gis::Feature f;
    while (reader.next(f)) layer.rows.push_back(f.values);
    return layer;
}

} // namespace gebiedscan::pipeline
