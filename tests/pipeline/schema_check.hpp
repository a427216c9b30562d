#pragma once
// Compares a written layer (as gis::listLayers reports it) with the output schema: its role, its
// columns and their types, its metadata keys.
#include "gebiedscan/gis/layer_info.hpp"
#include "gebiedscan/pipeline/output_schema.hpp"

#include <gtest/gtest.h>

#include <string>

namespace gebiedscan::schematest {

namespace schema = pipeline::schema;

inline bool sameType(gis::LayerInfo::FieldType written, schema::ValueType expected)
{
    switch (expected) {
    case schema::ValueType::Integer: return written == gis::LayerInfo::FieldType::Integer;
    case schema::ValueType::Real: return written == gis::LayerInfo::FieldType::Real;
    case schema::ValueType::String: return written == gis::LayerInfo::FieldType::String;
    }
    return false;
}

// Checks one listed layer against the schema (types only where the format stores them: GeoJSON
// infers them from the values, and an all-NULL column reads back as text); returns its role.
inline std::string checkLayer(const gis::LayerInfo& l, const std::string& where, bool checkTypes = true)
{
    const auto it = l.metadata.find(std::string(schema::kRoleKey));
    const std::string role = it != l.metadata.end() ? it->second : std::string();
    EXPECT_FALSE(role.empty()) << where << " has no role";
    const auto* spec = schema::layer(role);
    EXPECT_NE(spec, nullptr) << where << ": unknown role " << role;
    if (!spec) return role;
    if (it != l.metadata.end()) {
        EXPECT_EQ(l.metadata.at(std::string(schema::kVersionKey)), schema::kVersion) << where;
    }
    EXPECT_EQ(l.spatial, spec->geometry != schema::GeometryKind::None) << where;
    for (const auto& f : l.fields) {
        const auto* c = spec->find(f.name);
        EXPECT_NE(c, nullptr) << where << ": column '" << f.name << "' is not in the schema of " << role;
        if (c && checkTypes) {
            EXPECT_TRUE(sameType(f.type, c->type))
                << where << ": column '" << f.name << "' has type " << static_cast<int>(f.type);
        }
    }
    for (const auto& [key, value] : l.metadata) {
        if (key == schema::kRoleKey || key == schema::kVersionKey) continue;
        bool known = false;
        for (const auto& k : spec->metadata) known = known || k.id == key;
        EXPECT_TRUE(known) << where << ": metadata key '" << key << "' is not in the schema";
    }
    return role;
}

} // namespace gebiedscan::schematest
