#include "gebiedscan/gis/table_writer.hpp"

#include "csv_stream_writer.hpp"
#include "geojson_stream_writer.hpp"
#include "geopackage_rows.hpp"
#include "gdal_util.hpp"
#include "gebiedscan/gis/atomic_output.hpp"

#include <ogrsf_frmts.h>

#include <cctype>
#include <charconv>
#include <cstdio>
#include <set>
#include <string_view>

namespace gebiedscan::gis {

using namespace detail;
namespace fs = std::filesystem;

namespace {

OGRFieldType ogrType(Column::Type t)
{
    switch (t) {
    case Column::Type::Integer: return OFTInteger64;
    case Column::Type::Real: return OFTReal;
    case Column::Type::String: return OFTString;
    }
    return OFTString;
}

OGRwkbGeometryType ogrGeometryType(FeatureGeometry::Kind kind)
{
    switch (kind) {
    case FeatureGeometry::Kind::Point: return wkbPoint;
    case FeatureGeometry::Kind::Line: return wkbMultiLineString;
    case FeatureGeometry::Kind::Polygon: return wkbMultiPolygon;
    case FeatureGeometry::Kind::None: return wkbNone;
    }
    return wkbNone;
}

GDALDriver* driver(const char* name)
{
    ensureGdal();
    GDALDriver* d = GetGDALDriverManager()->GetDriverByName(name);
    if (!d) throw OutputError(std::string("GDAL driver ") + name + " is not available");
    return d;
}

DatasetPtr create(const char* driverName, const fs::path& path, const std::vector<std::string>& options = {})
{
    std::vector<const char*> opts;
    for (const auto& o : options) opts.push_back(o.c_str());
    opts.push_back(nullptr);
    CPLErrorReset();
    DatasetPtr ds(driver(driverName)->Create(path.c_str(), 0, 0, 0, GDT_Unknown, const_cast<char**>(opts.data())));
    if (!ds) throw OutputError("cannot create '" + path.string() + "': " + lastGdalError());
    return ds;
}

// Closes the dataset and turns any write error (disk full, I/O error) into an OutputError.
void closeChecked(DatasetPtr& ds, const fs::path& finalPath)
{
    CPLErrorReset();
    ds.reset();
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal)
        throw OutputError("cannot write '" + finalPath.string() + "': " + lastGdalError());
}

// Creates layer `layerName` for `table` with its fields and metadata (the shared options' and the
// table's own), and no rows yet.
OGRLayer* createLayer(GDALDataset& ds, const Table& table, const std::string& layerName,
                      const std::vector<std::string>& fieldNames, const OGRSpatialReference* srs,
                      const std::vector<std::string>& layerOptions, const WriteOptions& options,
                      const fs::path& finalPath)
{
    std::vector<const char*> opts;
    for (const auto& o : layerOptions) opts.push_back(o.c_str());
    opts.push_back(nullptr);
    // The declared kind decides (an empty spatial table is still spatial, e.g. no black spots).
    const auto geomType = ogrGeometryType(table.geometryKind);
    OGRLayer* layer =
        ds.CreateLayer(layerName.c_str(), geomType == wkbNone ? nullptr : const_cast<OGRSpatialReference*>(srs),
                       geomType, const_cast<char**>(opts.data()));
    if (!layer)
        throw OutputError("cannot create layer '" + table.name + "' in '" + finalPath.string() +
                          "': " + lastGdalError());
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        OGRFieldDefn field(fieldNames[c].c_str(), ogrType(table.columns[c].type));
        if (!table.columns[c].description.empty()) field.SetAlternativeName(table.columns[c].description.c_str());
        if (layer->CreateField(&field) != OGRERR_NONE)
            throw OutputError("cannot create field '" + fieldNames[c] + "' in '" + finalPath.string() +
                              "': " + lastGdalError());
    }
    for (const auto& [key, value] : options.metadata) layer->SetMetadataItem(key.c_str(), value.c_str());
    for (const auto& [key, value] : table.metadata) layer->SetMetadataItem(key.c_str(), value.c_str());
    return layer;
}

// Writes the rows of `table` into `layer` through OGR features.
void writeRows(GDALDataset& ds, OGRLayer& layer, const Table& table, const OGRSpatialReference* srs,
               const WriteOptions& options, const fs::path& finalPath)
{
    // One transaction per layer (GeoPackage: a single SQLite commit, not one per row), and one
    // feature reused for every row: only its values and geometry change.
    const bool transaction = ds.TestCapability(ODsCTransactions) && ds.StartTransaction() == OGRERR_NONE;
    const bool spatial = table.geometryKind != FeatureGeometry::Kind::None;
    FeaturePtr f(OGRFeature::CreateFeature(layer.GetLayerDefn()));
    std::size_t r = 0;
    forEachRow(table, [&](const std::vector<Value>& row, const FeatureGeometry* geometry) {
        setFeatureValues(*f, row, false, options);
        for (int c = static_cast<int>(row.size()); c < f->GetFieldCount(); ++c) f->UnsetField(c);
        f->SetFID(OGRNullFID);
        std::unique_ptr<OGRGeometry> g;
        if (spatial && geometry) g = toOgrGeometry(*geometry);
        if (g) g->assignSpatialReference(const_cast<OGRSpatialReference*>(srs));
        f->SetGeometryDirectly(g.release()); // null clears the previous row's
        if (layer.CreateFeature(f.get()) != OGRERR_NONE)
            throw OutputError("cannot write row " + std::to_string(r + 1) + " of '" + table.name + "' to '" +
                              finalPath.string() + "': " + lastGdalError());
        ++r;
    });
    if (transaction && ds.CommitTransaction() != OGRERR_NONE)
        throw OutputError("cannot write '" + finalPath.string() + "': " + lastGdalError());
}

std::vector<std::string> fullNames(const Table& table)
{
    std::vector<std::string> names;
    for (const auto& c : table.columns) names.push_back(c.name);
    return names;
}

} // namespace

namespace detail {

std::string formatReal(double v, bool decimalComma)
{
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    std::string s(buf, ec == std::errc() ? end : buf);
    if (decimalComma)
        for (auto& c : s)
            if (c == '.') c = ',';
    return s;
}

void setFeatureValues(OGRFeature& f, const std::vector<Value>& row, bool asText, const WriteOptions& options)
{
    for (std::size_t c = 0; c < row.size() && static_cast<int>(c) < f.GetFieldCount(); ++c) {
        const int index = static_cast<int>(c);
        const Value& v = row[c];
        if (std::holds_alternative<std::monostate>(v)) {
            f.SetFieldNull(index);
        } else if (std::holds_alternative<Suppressed>(v)) {
            if (asText)
                f.SetField(index, options.suppressedText.c_str());
            else
                f.SetFieldNull(index);
        } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
            if (asText)
                f.SetField(index, std::to_string(*i).c_str());
            else
                f.SetField(index, static_cast<GIntBig>(*i));
        } else if (const auto* d = std::get_if<double>(&v)) {
            if (asText)
                f.SetField(index, formatReal(*d, options.dutchCsv).c_str());
            else
                f.SetField(index, *d);
        } else {
            f.SetField(index, std::get<std::string>(v).c_str());
        }
    }
}

} // namespace detail

void forEachRow(const Table& table, const RowSink& sink)
{
    if (table.rowStream) {
        table.rowStream(sink);
        return;
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        sink(table.rows[r], r < table.geometries.size() ? &table.geometries[r] : nullptr);
}

std::vector<std::string> shortFieldNames(const std::vector<Column>& columns)
{
    std::vector<std::string> out;
    std::set<std::string> used;
    for (const auto& column : columns) {
        std::string base = column.name.substr(0, 10);
        std::string name = base;
        for (int k = 1; used.count(name); ++k) {
            const std::string suffix = std::to_string(k);
            name = base.substr(0, 10 - suffix.size()) + suffix;
        }
        used.insert(name);
        out.push_back(name);
    }
    return out;
}

void writeGeoPackage(const fs::path& file, const std::vector<Table>& tables, const WriteOptions& options)
{
    std::vector<const Table*> pointers;
    for (const auto& t : tables) pointers.push_back(&t);
    writeGeoPackage(file, pointers, options);
}

void writeGeoPackage(const fs::path& file, const std::vector<const Table*>& tables, const WriteOptions& options)
{
    AtomicOutput out(file);
    // Attribute tables (the long figures table: over a million rows) get their rows by SQLite
    // directly once GDAL has made the layers: GDAL's per-feature path took 3 times as long.
    std::vector<std::pair<const Table*, std::vector<std::string>>> attributeTables;
    {
        auto ds = create("GPKG", out.temp());
        const auto srs = makeSrs(options.workingCrs, "working CRS");
        for (const Table* table : tables) {
            std::vector<std::string> layerOptions;
            const bool attributes = table->geometryKind == FeatureGeometry::Kind::None;
            if (attributes) layerOptions.emplace_back("ASPATIAL_VARIANT=GPKG_ATTRIBUTES");
            OGRLayer* layer = createLayer(*ds, *table, table->name, fullNames(*table), &srs, layerOptions, options, file);
            if (!attributes) {
                writeRows(*ds, *layer, *table, &srs, options, file);
                continue;
            }
            std::vector<std::string> fields; // as GDAL named them in the file
            for (int c = 0; c < layer->GetLayerDefn()->GetFieldCount(); ++c)
                fields.emplace_back(layer->GetLayerDefn()->GetFieldDefn(c)->GetNameRef());
            attributeTables.emplace_back(table, std::move(fields));
        }
        for (const auto& [key, value] : options.metadata) ds->SetMetadataItem(key.c_str(), value.c_str());
        closeChecked(ds, file);
    }
    for (const auto& [table, fields] : attributeTables)
        insertAttributeRows(out.temp(), table->name, fields, *table, file.string());
    out.commit();
}

void writeShapefile(const fs::path& shpFile, const Table& table, const WriteOptions& options)
{
    const auto stem = shpFile.parent_path() / shpFile.stem();
    const fs::path mapFile = stem.string() + "_velden.csv";
    std::vector<fs::path> finals;
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) finals.push_back(stem.string() + ext);
    AtomicOutput out(finals);
    const auto shortNames = shortFieldNames(table.columns);
    {
        auto ds = create("ESRI Shapefile", out.temp(0));
        const auto srs = makeSrs(options.workingCrs, "working CRS");
        const std::string layerName = out.temp(0).stem().string();
        OGRLayer* layer = createLayer(*ds, table, layerName, shortNames, &srs, {"ENCODING=UTF-8"}, options, shpFile);
        writeRows(*ds, *layer, table, &srs, options, shpFile);
        closeChecked(ds, shpFile);
    }
    // The field map: Shapefile (dBase) names are at most 10 characters.
    Table map{"velden",
              {{"veld_shapefile", Column::Type::String, ""},
               {"veld", Column::Type::String, ""},
               {"omschrijving", Column::Type::String, ""}},
              {},
              {},
              {},
              {},
              {}};
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        map.rows.push_back({shortNames[c], table.columns[c].name, table.columns[c].description});
    WriteOptions mapOptions = options;
    mapOptions.metadata.clear();
    writeCsv(mapFile, map, mapOptions);
    out.commit();
}

void writeCsv(const fs::path& file, const Table& table, const WriteOptions& options)
{
    AtomicOutput out(file);
    {
        // Refused as GDAL's CSV driver refused it: a column name twice (in any case) cannot be read back.
        std::set<std::string> seen;
        for (const auto& c : table.columns) {
            std::string lower = c.name;
            for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (!seen.insert(lower).second)
                throw OutputError("cannot create field '" + c.name + "' in '" + file.string() +
                                  "': a field with this name already exists");
        }
        CsvStreamWriter csv(out.temp(), options.dutchCsv ? ';' : ',', options.dutchCsv, file.string());
        for (const auto& c : table.columns) csv.field(c.name);
        csv.endLine();
        std::string text;
        forEachRow(table, [&](const std::vector<Value>& row, const FeatureGeometry*) {
            for (std::size_t c = 0; c < table.columns.size(); ++c) {
                const Value* v = c < row.size() ? &row[c] : nullptr;
                if (!v || std::holds_alternative<std::monostate>(*v)) {
                    csv.field({});
                } else if (std::holds_alternative<Suppressed>(*v)) {
                    csv.field(options.suppressedText);
                } else if (const auto* i = std::get_if<std::int64_t>(v)) {
                    char buf[24];
                    const auto end = std::to_chars(buf, buf + sizeof buf, *i).ptr;
                    csv.field(std::string_view(buf, static_cast<std::size_t>(end - buf)));
                } else if (const auto* d = std::get_if<double>(v)) {
                    text = formatReal(*d, options.dutchCsv);
                    csv.field(text);
                } else {
                    csv.field(std::get<std::string>(*v));
                }
            }
            csv.endLine();
        });
        csv.close();
    }
    out.commit();
}

void writeGeoJson(const fs::path& file, const Table& table, const WriteOptions& options)
{
    AtomicOutput out(file);
    {
        // GeoJSON keeps no layer metadata: the table's own go in as foreign members.
        GeoJsonStreamWriter json(out.temp(), file.string(), file.stem().string(), table.metadata, table.columns,
                                 options.workingCrs);
        forEachRow(table, [&](const std::vector<Value>& row, const FeatureGeometry* geometry) {
            json.feature(row, table.geometryKind == FeatureGeometry::Kind::None ? nullptr : geometry);
        });
        json.close();
    }
    out.commit();
}

} // namespace gebiedscan::gis
