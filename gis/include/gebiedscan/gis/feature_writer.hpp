#pragma once
#include "gebiedscan/gis/table_writer.hpp"

#include <filesystem>
#include <memory>

namespace gebiedscan::gis {

/// Streams rows into a new single-layer file without holding them in memory (for millions of
/// features). The driver follows the extension: .gpkg, .csv, .geojson, .shp. Written under a
/// temporary name and renamed on commit(); without commit() nothing appears.
class FeatureWriter {
public:
    /// `schema`: name, columns and geometry kind (its rows are ignored).
    FeatureWriter(const std::filesystem::path& file, const Table& schema, const WriteOptions& options);
    ~FeatureWriter();
    FeatureWriter(const FeatureWriter&) = delete;
    FeatureWriter& operator=(const FeatureWriter&) = delete;

    /// Adds a row; `geometry` in the working CRS, or null.
    void add(const std::vector<Value>& row, const FeatureGeometry* geometry = nullptr);
    /// Finishes the file and renames it into place. Throws OutputError.
    void commit();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace gebiedscan::gis
