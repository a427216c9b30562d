#include "gebiedscan/gis/vector_reader.hpp"

#include "gdal_util.hpp"

#include <cpl_string.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace gebiedscan::gis {

using namespace detail;

namespace {

std::string lower(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool isDelimitedText(const std::string& path)
{
    const auto ext = lower(std::filesystem::path(path).extension().string());
    return ext == ".csv" || ext == ".tsv" || ext == ".txt";
}

// Column names GDAL's CSV driver should take as point coordinates, most specific first.
const char* const kXNames = "x,x_coord,xcoord,x_rd,rd_x,xco,easting,lon,longitude,lng,long";
const char* const kYNames = "y,y_coord,ycoord,y_rd,rd_y,yco,northing,lat,latitude";

// Text that is not UTF-8 comes from a .dbf without .cpg (GDAL then passes the bytes unrecoded)
// or a CSV saved by Dutch Excel: decode it as Windows-1252, the encoding of such exports, so
// names stay readable and every output (GeoPackage, GeoJSON, summary.json) stays valid UTF-8.
bool isUtf8(const char* s)
{
    return CPLIsUTF8(s, -1) != 0;
}

std::string fromWindows1252(const char* s)
{
    char* recoded = CPLRecode(s, "CP1252", CPL_ENC_UTF8);
    std::string out = recoded ? recoded : "";
    CPLFree(recoded);
    return out;
}

bool looksLikeLonLat(const OGRLayer& layer)
{
    OGREnvelope e;
    if (const_cast<OGRLayer&>(layer).GetExtent(&e, TRUE) != OGRERR_NONE) return false;
    return e.MinX >= -180 && e.MaxX <= 180 && e.MinY >= -90 && e.MaxY <= 90;
}

// Lines inside one field that look like whole records (at least `fieldCount - 1` separators of
// one kind): the sign of a quote opened in one record and never closed, which makes GDAL's CSV
// reader take every following record into that field until the next quote or the end of file.
int recordLikeLines(const char* value, int fieldCount)
{
    static constexpr char kSeparators[] = ",;\t|";
    int count = 0;
    for (const char* line = std::strchr(value, '\n'); line; line = std::strchr(line, '\n')) {
        ++line;
        int separators[4] = {0, 0, 0, 0};
        for (const char* c = line; *c && *c != '\n'; ++c) {
            if (const char* k = std::strchr(kSeparators, *c)) ++separators[k - kSeparators];
        }
        if (*std::max_element(separators, separators + 4) >= fieldCount - 1) ++count;
    }
    return count;
}

void checkUnclosedQuote(const OGRFeature& feature, const std::string& description, std::int64_t row)
{
    const int fieldCount = feature.GetFieldCount();
    if (fieldCount < 3) return; // too few separators per record to tell records from text
    for (int i = 0; i < fieldCount; ++i) {
        if (!feature.IsFieldSetAndNotNull(i)) continue;
        const char* value = feature.GetFieldAsString(i);
        if (!std::strchr(value, '\n')) continue;
        const int swallowed = recordLikeLines(value, fieldCount);
        if (swallowed >= 2)
            throw InputError(description + ", row " + std::to_string(row) + ", field '" +
                             feature.GetFieldDefnRef(i)->GetNameRef() +
                             "': a quote (\") opened here is never closed, so " + std::to_string(swallowed) +
                             " following records were read as text of this field; "
                             "close or remove the quote");
    }
}

// One selected field, typed as OGR types it: dates and numbers are taken from OGR's binary
// value, never parsed back from text; text that is not UTF-8 is decoded as Windows-1252.
FieldValue readField(OGRFeature& f, int index)
{
    FieldValue v;
    const OGRFieldType type = f.GetFieldDefnRef(index)->GetType();
    if (type == OFTDate || type == OFTDateTime) {
        int y = 0, m = 0, day = 0, h = 0, min = 0, tz = 0;
        float sec = 0;
        f.GetFieldAsDateTime(index, &y, &m, &day, &h, &min, &sec, &tz);
        // A leap second (60) is taken as 59, like makeLocalTime does for text.
        const auto second = static_cast<unsigned>(std::clamp(static_cast<int>(sec), 0, 59));
        char buf[40];
        if (type == OFTDate)
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, day);
        else
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, day, h, min, second);
        v.text = buf;
        const auto t =
            makeLocalTime(y, static_cast<unsigned>(m), static_cast<unsigned>(day),
                          static_cast<unsigned>(std::max(h, 0)), static_cast<unsigned>(std::max(min, 0)), second);
        // A date OGR cannot make sense of (0000-00-00 in a dump) stays text, so it is reported as read.
        v.type = !t ? FieldValue::Type::Text : type == OFTDate ? FieldValue::Type::Date : FieldValue::Type::DateTime;
        if (t) v.time = *t;
        return v;
    }
    const char* text = f.GetFieldAsString(index);
    v.text = isUtf8(text) ? std::string(text) : fromWindows1252(text);
    if (type == OFTInteger || type == OFTInteger64) {
        v.type = FieldValue::Type::Integer;
        v.number = static_cast<double>(f.GetFieldAsInteger64(index));
    } else if (type == OFTReal) {
        v.type = FieldValue::Type::Real;
        v.number = f.GetFieldAsDouble(index);
    } else {
        v.type = FieldValue::Type::Text;
    }
    return v;
}

bool hasPointAtOrigin(const OGRGeometry& g)
{
    const OGRwkbGeometryType type = wkbFlatten(g.getGeometryType());
    if (type == wkbPoint) {
        const auto* p = g.toPoint();
        return p->getX() == 0.0 && p->getY() == 0.0;
    }
    if (type == wkbMultiPoint || type == wkbGeometryCollection) {
        for (const auto* part : *g.toGeometryCollection())
            if (part && !part->IsEmpty() && hasPointAtOrigin(*part)) return true;
    }
    return false;
}

} // namespace

struct VectorReader::Impl {
    SourceSpec source;
    std::string description;
    DatasetPtr dataset;
    OGRLayer* layer = nullptr; // borrowed from dataset
    OGRSpatialReference sourceSrs;
    OGRSpatialReference workingSrs;
    TransformPtr transform;    // null when the source is already in the working CRS
    std::vector<int> selected; // field indices, -1 = not present
    bool ignoreGeometry = false;
    bool repair = false;
    bool delimitedText = false; // read by GDAL's CSV driver: check for unclosed quotes
    bool crsAssumed = false;
    std::int64_t row = 0;
};

VectorReader::VectorReader(const SourceSpec& source, const std::string& workingCrs) : m_impl(std::make_unique<Impl>())
{
    ensureGdal();
    auto& d = *m_impl;
    d.source = source;
    const bool isDatabase = source.path.rfind("PG:", 0) == 0;
    const std::string shownPath = isDatabase ? std::string("PostGIS database") : source.path;
    // GDAL reads .txt files (BRON's ongevallen.txt) as CSV only with a "CSV:" prefix.
    const bool csvPrefix = source.path.rfind("CSV:", 0) == 0;
    const std::string filePath = csvPrefix ? source.path.substr(4) : source.path;
    if (!isDatabase && !std::filesystem::exists(filePath))
        throw InputError("cannot open '" + filePath + "': no such file or folder");
    std::string openPath = source.path;
    if (!isDatabase && !csvPrefix && lower(std::filesystem::path(filePath).extension().string()) == ".txt")
        openPath = "CSV:" + filePath;

    std::vector<std::string> options = source.openOptions;
    // A database is only read: every transaction of the connection is READ ONLY, so a filter
    // calling a function with side effects (lo_from_bytea, lo_export, ...) fails on the server.
    if (isDatabase) options.emplace_back("PRELUDE_STATEMENTS=SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    d.delimitedText = !isDatabase && (csvPrefix || isDelimitedText(filePath));
    if (d.delimitedText) {
        options.push_back(std::string("X_POSSIBLE_NAMES=") + (source.xField.empty() ? kXNames : source.xField.c_str()));
        options.push_back(std::string("Y_POSSIBLE_NAMES=") + (source.yField.empty() ? kYNames : source.yField.c_str()));
        options.emplace_back("KEEP_GEOM_COLUMNS=YES");
        options.emplace_back("AUTODETECT_TYPE=NO"); // keep codes like "1.1.1" and dates as text
        options.emplace_back("EMPTY_STRING_AS_NULL=YES");
    }
    std::vector<const char*> optionPtrs;
    for (const auto& o : options) optionPtrs.push_back(o.c_str());
    optionPtrs.push_back(nullptr);

    CPLErrorReset();
    d.dataset = openVector(openPath, optionPtrs.data());
    if (!d.dataset) {
        const std::string reason = lastGdalError("not a format GDAL/OGR can read"); // before identifying resets it
        if (auto refused = isDatabase ? std::string() : refusedFormat(filePath); !refused.empty())
            throw InputError(refused);
        throw InputError("cannot open '" + shownPath + "' as a vector layer: " + reason);
    }

    const int layerCount = d.dataset->GetLayerCount();
    std::string available;
    for (int i = 0; i < layerCount; ++i) available += (i ? ", " : "") + std::string(d.dataset->GetLayer(i)->GetName());
    if (!source.layer.empty()) {
        d.layer = d.dataset->GetLayerByName(source.layer.c_str());
        if (!d.layer)
            throw InputError("'" + shownPath + "' has no layer '" + source.layer +
                             "' (layers: " + (available.empty() ? "none" : available) + ")");
    } else if (layerCount == 1) {
        d.layer = d.dataset->GetLayer(0);
    } else if (layerCount == 0) {
        throw InputError("'" + shownPath + "' contains no vector layer");
    } else {
        throw InputError("'" + shownPath + "' has several layers; choose one with --layer (layers: " + available + ")");
    }
    d.description = "'" + shownPath + "', layer '" + d.layer->GetName() + "'";

    d.workingSrs = makeSrs(workingCrs, "working CRS");
    if (!d.workingSrs.IsProjected())
        throw InputError("working CRS '" + workingCrs + "' is not projected (metric): use e.g. EPSG:28992");
    if (const OGRSpatialReference* srs = d.layer->GetSpatialRef()) {
        d.sourceSrs = *srs;
        d.sourceSrs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    } else if (!source.assumeCrs.empty()) {
        d.sourceSrs = makeSrs(source.assumeCrs, d.description);
        d.crsAssumed = true;
    } else if (d.layer->GetGeomType() != wkbNone) {
        std::string hint = looksLikeLonLat(*d.layer)
                               ? "; its coordinates look like longitude/latitude: add --assume-crs EPSG:4326"
                               : "; add --assume-crs EPSG:28992 if it is RD New";
        throw InputError(d.description + " has no coordinate reference system" + hint);
    }
    if (!d.sourceSrs.IsEmpty() && !d.sourceSrs.IsSame(&d.workingSrs)) {
        d.transform.reset(OGRCreateCoordinateTransformation(&d.sourceSrs, &d.workingSrs));
        if (!d.transform)
            throw InputError(d.description + ": cannot transform from " + srsLabel(d.sourceSrs) + " to " + workingCrs +
                             ": " + lastGdalError());
    }
    // A database layer takes the filter as SQL on the server: it must first parse as OGR SQL over
    // the layer's own columns (no function of the server's, no subquery, no second statement).
    if (isDatabase && !source.attributeFilter.empty()) {
        OGRFeatureQuery query;
        CPLErrorReset();
        if (query.Compile(d.layer->GetLayerDefn(), source.attributeFilter.c_str()) != OGRERR_NONE)
            throw InputError(d.description + ": filter '" + source.attributeFilter +
                             "' is not a condition on the layer's fields (OGR SQL WHERE): " + lastGdalError());
    }
    if (!source.attributeFilter.empty() && d.layer->SetAttributeFilter(source.attributeFilter.c_str()) != OGRERR_NONE)
        throw InputError(d.description + ": invalid filter '" + source.attributeFilter + "': " + lastGdalError());
    d.layer->ResetReading();
}

VectorReader::~VectorReader() = default;

const std::string& VectorReader::description() const
{
    return m_impl->description;
}
const std::string& VectorReader::layerName() const
{
    return m_impl->source.layer.empty() ? m_impl->description : m_impl->source.layer;
}

std::vector<std::string> VectorReader::fieldNames() const
{
    std::vector<std::string> names;
    const OGRFeatureDefn* defn = m_impl->layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    return names;
}

std::string VectorReader::sourceCrs() const
{
    return m_impl->sourceSrs.IsEmpty() ? std::string("none") : srsLabel(m_impl->sourceSrs);
}

bool VectorReader::crsAssumed() const
{
    return m_impl->crsAssumed;
}

std::optional<std::int64_t> VectorReader::featureCount() const
{
    const GIntBig n = m_impl->layer->GetFeatureCount(FALSE);
    if (n < 0) return std::nullopt;
    return static_cast<std::int64_t>(n);
}

Envelope VectorReader::extent() const
{
    OGREnvelope e;
    if (m_impl->layer->GetExtent(&e, TRUE) != OGRERR_NONE) return {};
    Envelope out;
    if (m_impl->transform) {
        // Transform a densified outline of the envelope, not just its corners.
        const int n = 21;
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) {
                if (i != 0 && i != n - 1 && j != 0 && j != n - 1) continue;
                double x = e.MinX + (e.MaxX - e.MinX) * i / (n - 1);
                double y = e.MinY + (e.MaxY - e.MinY) * j / (n - 1);
                if (m_impl->transform->Transform(1, &x, &y)) out.expand(PointRd{x, y});
            }
    } else {
        out = Envelope{e.MinX, e.MinY, e.MaxX, e.MaxY};
    }
    return out;
}

std::string VectorReader::findField(const std::vector<std::string>& candidates) const
{
    const OGRFeatureDefn* defn = m_impl->layer->GetLayerDefn();
    for (const auto& candidate : candidates) {
        const auto wanted = lower(candidate);
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (lower(defn->GetFieldDefn(i)->GetNameRef()) == wanted) return defn->GetFieldDefn(i)->GetNameRef();
    }
    return {};
}

void VectorReader::selectFields(const std::vector<std::string>& names)
{
    auto& d = *m_impl;
    d.selected.clear();
    const OGRFeatureDefn* defn = d.layer->GetLayerDefn();
    for (const auto& name : names) {
        if (name.empty()) {
            d.selected.push_back(-1);
            continue;
        }
        int index = defn->GetFieldIndex(name.c_str());
        if (index < 0) {
            const auto found = findField({name}); // case-insensitive retry
            if (!found.empty()) index = defn->GetFieldIndex(found.c_str());
        }
        if (index < 0) {
            std::string list;
            for (const auto& f : fieldNames()) list += (list.empty() ? "" : ", ") + f;
            throw InputError(d.description + " has no field '" + name + "' (fields: " + list + ")");
        }
        // Two columns of one name (a CSV header "datum;...;datum"): which one is meant cannot be known.
        std::string columns;
        int same = 0;
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (lower(defn->GetFieldDefn(i)->GetNameRef()) == lower(name)) {
                columns += (same++ ? " en " : "") + std::to_string(i + 1);
            }
        if (same > 1)
            throw InputError(d.description + ": " + std::to_string(same) + " velden heten '" + name + "' (kolommen " +
                             columns + "): geef elke kolom een eigen naam");
        d.selected.push_back(index);
    }
}

void VectorReader::ignoreGeometry(bool ignore)
{
    m_impl->ignoreGeometry = ignore;
    m_impl->layer->SetIgnoredFields(ignore ? std::vector<const char*>{"OGR_GEOMETRY", nullptr}.data() : nullptr);
}

void VectorReader::repairInvalidPolygons(bool repair)
{
    m_impl->repair = repair;
}

void VectorReader::reset()
{
    m_impl->layer->ResetReading();
    m_impl->row = 0;
}

bool VectorReader::next(Feature& feature)
{
    auto& d = *m_impl;
    // A driver ends a layer early with a null feature plus an error (a PostgreSQL server that
    // stops mid-read, a truncated file): that must fail, not look like the end of the data.
    CPLErrorReset();
    FeaturePtr f(d.layer->GetNextFeature());
    if (!f) {
        if (CPLGetLastErrorType() >= CE_Failure)
            throw InputError(d.description + ": reading stopped after row " + std::to_string(d.row) + ": " +
                             lastGdalError("read error"));
        return false;
    }
    feature.fid = f->GetFID();
    feature.row = ++d.row;
    if (d.delimitedText) checkUnclosedQuote(*f, d.description, d.row);
    feature.repaired = false;
    feature.values.resize(d.selected.size());
    feature.fields.resize(d.selected.size());
    for (std::size_t i = 0; i < d.selected.size(); ++i) {
        const int index = d.selected[i];
        FieldValue& typed = feature.fields[i];
        if (index < 0 || !f->IsFieldSetAndNotNull(index)) {
            feature.values[i].reset();
            typed = FieldValue{};
            continue;
        }
        typed = readField(*f, index);
        feature.values[i] = typed.text;
    }
    feature.geometry = FeatureGeometry{};
    if (d.ignoreGeometry) return true;
    OGRGeometry* g = f->GetGeometryRef();
    feature.atOrigin = false;
    if (!g || g->IsEmpty()) return true;
    feature.atOrigin = hasPointAtOrigin(*g); // before the transformation: (0, 0) of the source CRS
    std::unique_ptr<OGRGeometry> owned;
    const OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
    const bool polygonal = OGR_GT_IsSubClassOf(type, wkbCurvePolygon) || OGR_GT_IsSubClassOf(type, wkbMultiSurface);
    if (d.repair && polygonal) {
        if (!g->IsValid()) {
            owned.reset(g->MakeValid());
            if (!owned) return true; // stays Kind::None: counted as invalid by the caller
            g = owned.get();
            feature.repaired = true;
        }
    }
    if (d.transform) {
        if (!owned) owned.reset(g->clone());
        if (owned->transform(d.transform.get()) != OGRERR_NONE) return true;
        g = owned.get();
    }
    feature.geometry = toFeatureGeometry(g);
    // Transformation failures can leave infinities; treat as no geometry.
    for (const auto& p : feature.geometry.points)
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
            feature.geometry = FeatureGeometry{};
            break;
        }
    return true;
}

} // namespace gebiedscan::gis
