#include "gebiedscan/gis/table_writer.hpp"

#include "gdal_util.hpp"
#include "gebiedscan/gis/atomic_output.hpp"

#include <ogrsf_frmts.h>

#include <nlohmann/json.hpp>

#include <charconv>
#include <set>

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

// Writes one table into a dataset. `asText`: every column as a string (CSV with "geheim").
void writeLayer(GDALDataset& ds, const Table& table, const std::vector<std::string>& fieldNames,
                const OGRSpatialReference* srs, const std::vector<std::string>& layerOptions,
                const WriteOptions& options, bool asText, const fs::path& finalPath)
{
    std::vector<const char*> opts;
    for (const auto& o : layerOptions) opts.push_back(o.c_str());
    opts.push_back(nullptr);
    // The declared kind decides (an empty spatial table is still spatial, e.g. no black spots).
    const auto geomType = ogrGeometryType(table.geometryKind);
    OGRLayer* layer =
        ds.CreateLayer(table.name.c_str(), geomType == wkbNone ? nullptr : const_cast<OGRSpatialReference*>(srs),
                       geomType, const_cast<char**>(opts.data()));
    if (!layer)
        throw OutputError("cannot create layer '" + table.name + "' in '" + finalPath.string() +
                          "': " + lastGdalError());
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        OGRFieldDefn field(fieldNames[c].c_str(), asText ? OFTString : ogrType(table.columns[c].type));
        if (!table.columns[c].description.empty()) field.SetAlternativeName(table.columns[c].description.c_str());
        if (layer->CreateField(&field) != OGRERR_NONE)
            throw OutputError("cannot create field '" + fieldNames[c] + "' in '" + finalPath.string() +
                              "': " + lastGdalError());
    }
    for (const auto& [key, value] : options.metadata) layer->SetMetadataItem(key.c_str(), value.c_str());
    if (!asText)
        for (const auto& [key, value] : table.metadata) layer->SetMetadataItem(key.c_str(), value.c_str());

    const bool transaction = ds.TestCapability(ODsCTransactions) && ds.StartTransaction() == OGRERR_NONE;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        FeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        setFeatureValues(*f, table.rows[r], asText, options);
        if (geomType != wkbNone && r < table.geometries.size()) {
            if (auto g = toOgrGeometry(table.geometries[r])) {
                g->assignSpatialReference(const_cast<OGRSpatialReference*>(srs));
                f->SetGeometryDirectly(g.release());
            }
        }
        if (layer->CreateFeature(f.get()) != OGRERR_NONE)
            throw OutputError("cannot write row " + std::to_string(r + 1) + " of '" + table.name + "' to '" +
                              finalPath.string() + "': " + lastGdalError());
    }
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
    AtomicOutput out(file);
    {
        auto ds = create("GPKG", out.temp());
        const auto srs = makeSrs(options.workingCrs, "working CRS");
        for (const auto& table : tables) {
            std::vector<std::string> layerOptions;
            if (table.geometryKind == FeatureGeometry::Kind::None)
                layerOptions.emplace_back("ASPATIAL_VARIANT=GPKG_ATTRIBUTES");
            writeLayer(*ds, table, fullNames(table), &srs, layerOptions, options, false, file);
        }
        for (const auto& [key, value] : options.metadata) ds->SetMetadataItem(key.c_str(), value.c_str());
        closeChecked(ds, file);
    }
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
        Table named = table;
        named.name = out.temp(0).stem().string();
        writeLayer(*ds, named, shortNames, &srs, {"ENCODING=UTF-8"}, options, false, shpFile);
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
        auto ds = create("CSV", out.temp());
        std::vector<std::string> layerOptions{"STRING_QUOTING=IF_NEEDED", "LINEFORMAT=CRLF"};
        if (options.dutchCsv) {
            layerOptions.emplace_back("SEPARATOR=SEMICOLON");
            layerOptions.emplace_back("WRITE_BOM=YES"); // Excel reads UTF-8 only with a BOM
        }
        Table attributes = table;
        attributes.geometries.clear(); // CSV for spreadsheets: no geometry column
        attributes.geometryKind = FeatureGeometry::Kind::None;
        attributes.name = out.temp().stem().string();
        WriteOptions noMeta = options;
        noMeta.metadata.clear();
        writeLayer(*ds, attributes, fullNames(table), nullptr, layerOptions, noMeta, true, file);
        closeChecked(ds, file);
    }
    out.commit();
}

void writeGeoJson(const fs::path& file, const Table& table, const WriteOptions& options)
{
    AtomicOutput out(file);
    {
        auto ds = create("GeoJSON", out.temp());
        const auto srs = makeSrs(options.workingCrs, "working CRS");
        Table named = table;
        named.name = file.stem().string();
        named.metadata.clear(); // GeoJSON keeps no layer metadata: they go in as foreign members
        WriteOptions noMeta = options;
        noMeta.metadata.clear();
        // RFC7946=YES reprojects to WGS84 lon/lat and writes 7 decimals (about 1 cm).
        std::vector<std::string> layerOptions{"RFC7946=YES", "WRITE_NAME=YES"};
        if (!table.metadata.empty()) {
            nlohmann::json members = nlohmann::json::object();
            for (const auto& [key, value] : table.metadata) members[key] = value;
            layerOptions.push_back("NATIVE_DATA=" + members.dump());
            layerOptions.emplace_back("NATIVE_MEDIA_TYPE=application/vnd.geo+json");
        }
        writeLayer(*ds, named, fullNames(table), &srs, layerOptions, noMeta, false, file);
        closeChecked(ds, file);
    }
    // GDAL's GeoJSON writer ignores failed writes (disk full gives a truncated file and no
    // error), so read the temporary back before it may replace anything.
    CPLErrorReset();
    {
        const char* const drivers[] = {"GeoJSON", nullptr};
        DatasetPtr check(
            GDALDataset::Open(out.temp().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
        OGRLayer* layer = check && check->GetLayerCount() == 1 ? check->GetLayer(0) : nullptr;
        if (!layer || layer->GetFeatureCount(TRUE) != static_cast<GIntBig>(table.rows.size()))
            throw OutputError("cannot write '" + file.string() + "': the file came out incomplete (disk full?) " +
                              lastGdalError(""));
    }
    out.commit();
}

} // namespace gebiedscan::gis
