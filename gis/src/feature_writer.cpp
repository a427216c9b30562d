#include "gebiedscan/gis/feature_writer.hpp"

#include "gdal_util.hpp"
#include "gebiedscan/gis/atomic_output.hpp"

#include <ogrsf_frmts.h>

#include <algorithm>

namespace gebiedscan::gis {

using namespace detail;
namespace fs = std::filesystem;

struct FeatureWriter::Impl {
    fs::path file;
    WriteOptions options;
    std::unique_ptr<AtomicOutput> out;
    DatasetPtr dataset;
    OGRLayer* layer = nullptr; // borrowed from dataset
    OGRSpatialReference srs;
    bool asText = false;
    bool inTransaction = false;
    std::int64_t pending = 0;
};

FeatureWriter::FeatureWriter(const fs::path& file, const Table& schema, const WriteOptions& options)
    : m_impl(std::make_unique<Impl>())
{
    ensureGdal();
    auto& d = *m_impl;
    d.file = file;
    d.options = options;
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const char* driverName = ext == ".gpkg"      ? "GPKG"
                             : ext == ".csv"     ? "CSV"
                             : ext == ".geojson" ? "GeoJSON"
                             : ext == ".shp"     ? "ESRI Shapefile"
                                                 : nullptr;
    if (!driverName)
        throw OutputError("'" + file.string() + "': unsupported output format (use .gpkg, .csv, .geojson or .shp)");
    std::vector<fs::path> finals{file};
    if (ext == ".shp")
        for (const char* e : {".shx", ".dbf", ".prj", ".cpg"}) finals.push_back(fs::path(file).replace_extension(e));
    d.out = std::make_unique<AtomicOutput>(finals);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
    CPLErrorReset();
    d.dataset.reset(driver->Create(d.out->temp().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!d.dataset) throw OutputError("cannot create '" + file.string() + "': " + lastGdalError());
    d.srs = makeSrs(options.workingCrs, "working CRS");
    std::vector<std::string> layerOptions;
    d.asText = ext == ".csv";
    if (d.asText) {
        layerOptions = {"STRING_QUOTING=IF_NEEDED", "GEOMETRY=AS_XY"};
        if (options.dutchCsv) layerOptions.emplace_back("SEPARATOR=SEMICOLON");
    }
    if (ext == ".shp") layerOptions.emplace_back("ENCODING=UTF-8");
    if (ext == ".geojson") layerOptions.emplace_back("RFC7946=YES");
    std::vector<const char*> opts;
    for (const auto& o : layerOptions) opts.push_back(o.c_str());
    opts.push_back(nullptr);
    OGRwkbGeometryType type = wkbNone;
    switch (schema.geometryKind) {
    case FeatureGeometry::Kind::Point: type = wkbPoint; break;
    case FeatureGeometry::Kind::Line: type = wkbMultiLineString; break;
    case FeatureGeometry::Kind::Polygon: type = wkbMultiPolygon; break;
    case FeatureGeometry::Kind::None: break;
    }
    const std::string layerName = ext == ".shp" || ext == ".csv" ? d.out->temp().stem().string() : schema.name;
    d.layer = d.dataset->CreateLayer(layerName.c_str(), type == wkbNone ? nullptr : &d.srs, type,
                                     const_cast<char**>(opts.data()));
    if (!d.layer) throw OutputError("cannot create layer in '" + file.string() + "': " + lastGdalError());
    const auto names = ext == ".shp" ? shortFieldNames(schema.columns) : [&] {
        std::vector<std::string> n;
        for (const auto& c : schema.columns) n.push_back(c.name);
        return n;
    }();
    for (std::size_t c = 0; c < schema.columns.size(); ++c) {
        OGRFieldType ft = OFTString;
        if (!d.asText && schema.columns[c].type == Column::Type::Integer) ft = OFTInteger64;
        if (!d.asText && schema.columns[c].type == Column::Type::Real) ft = OFTReal;
        OGRFieldDefn field(names[c].c_str(), ft);
        if (d.layer->CreateField(&field) != OGRERR_NONE)
            throw OutputError("cannot create field '" + names[c] + "' in '" + file.string() + "': " + lastGdalError());
    }
    for (const auto& [key, value] : options.metadata) {
        d.layer->SetMetadataItem(key.c_str(), value.c_str());
        if (ext == ".gpkg") d.dataset->SetMetadataItem(key.c_str(), value.c_str());
    }
}

FeatureWriter::~FeatureWriter()
{
    if (m_impl->dataset) {
        CPLErrorReset();
        m_impl->dataset.reset(); // the AtomicOutput then removes the temporary
    }
}

void FeatureWriter::add(const std::vector<Value>& row, const FeatureGeometry* geometry)
{
    auto& d = *m_impl;
    if (!d.inTransaction && d.dataset->TestCapability(ODsCTransactions)) {
        d.inTransaction = d.dataset->StartTransaction() == OGRERR_NONE;
    }
    FeaturePtr f(OGRFeature::CreateFeature(d.layer->GetLayerDefn()));
    setFeatureValues(*f, row, d.asText, d.options);
    if (geometry)
        if (auto g = toOgrGeometry(*geometry)) {
            g->assignSpatialReference(&d.srs);
            f->SetGeometryDirectly(g.release());
        }
    if (d.layer->CreateFeature(f.get()) != OGRERR_NONE)
        throw OutputError("cannot write to '" + d.file.string() + "': " + lastGdalError());
    // Commit in chunks: one huge transaction would keep the whole file's journal around.
    if (d.inTransaction && ++d.pending == 100000) {
        if (d.dataset->CommitTransaction() != OGRERR_NONE)
            throw OutputError("cannot write to '" + d.file.string() + "': " + lastGdalError());
        d.inTransaction = false;
        d.pending = 0;
    }
}

void FeatureWriter::commit()
{
    auto& d = *m_impl;
    if (d.inTransaction && d.dataset->CommitTransaction() != OGRERR_NONE)
        throw OutputError("cannot write to '" + d.file.string() + "': " + lastGdalError());
    d.inTransaction = false;
    CPLErrorReset();
    d.dataset.reset();
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal)
        throw OutputError("cannot write '" + d.file.string() + "': " + lastGdalError());
    d.out->commit();
}

} // namespace gebiedscan::gis
