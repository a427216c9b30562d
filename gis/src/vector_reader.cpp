#include "gebiedscan/gis/vector_reader.hpp"

#include "gdal_util.hpp"

#include "gebiedscan/core/language.hpp"

#include <cpl_string.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string_view>

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
const char* const kXNames = "x,x_coord,xcoord,x_rd,rd_x,xco,x-coördinaat,x-coordinaat,x_coördinaat,x_coordinaat,"
                            "xcoördinaat,xcoordinaat,x-coord,easting,lon,longitude,lng,long";
const char* const kYNames = "y,y_coord,ycoord,y_rd,rd_y,yco,y-coördinaat,y-coordinaat,y_coördinaat,y_coordinaat,"
                            "ycoördinaat,ycoordinaat,y-coord,northing,lat,latitude";

std::vector<std::string> splitNames(const std::string& list)
{
    std::vector<std::string> names;
    std::size_t from = 0;
    while (from <= list.size()) {
        const auto comma = std::min(list.find(',', from), list.size());
        names.push_back(list.substr(from, comma - from));
        from = comma + 1;
    }
    return names;
}

// "230.070" or "230.070,5": a whole number of metres written with Dutch thousands separators.
bool hasThousandsSeparators(std::string_view v)
{
    std::size_t i = 0, lead = 0;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i, ++lead;
    if (lead == 0 || lead > 3 || i == v.size() || v[i] != '.') return false;
    while (i < v.size() && v[i] == '.') {
        std::size_t n = 0;
        ++i;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i, ++n;
        if (n != 3) return false;
    }
    if (i < v.size() && v[i] == ',') {
        ++i;
        std::size_t n = 0;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i, ++n;
        if (n == 0) return false;
    }
    return i == v.size();
}

bool isPlainInteger(std::string_view v)
{
    return !v.empty() &&
           std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// The number of "230.070,5" without its thousands separators.
std::optional<double> withoutThousands(std::string v)
{
    v.erase(std::remove(v.begin(), v.end(), '.'), v.end());
    return parseDecimal(v);
}

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
            throw InputError(tr(
                description + ", rij " + std::to_string(row) + ", veld '" + feature.GetFieldDefnRef(i)->GetNameRef() +
                    "': een aanhalingsteken (\") dat hier opent wordt nooit gesloten, dus zijn " +
                    std::to_string(swallowed) +
                    " volgende rijen als tekst van dit veld gelezen; sluit of verwijder het "
                    "aanhalingsteken",
                description + ", row " + std::to_string(row) + ", field '" + feature.GetFieldDefnRef(i)->GetNameRef() +
                    "': a quote (\") opened here is never closed, so " + std::to_string(swallowed) +
                    " following records were read as text of this field; "
                    "close or remove the quote"));
    }
}

// One selected field, typed as OGR types it: dates and numbers are taken from OGR's binary
// value, never parsed back from text; text that is not UTF-8 is decoded as Windows-1252.
// Written into `v` in place, so its text keeps its buffer from record to record.
void readField(OGRFeature& f, int index, FieldValue& v)
{
    v.number = 0.0;
    v.time = LocalTime{};
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
        v.text.assign(buf);
        const auto t =
            makeLocalTime(y, static_cast<unsigned>(m), static_cast<unsigned>(day),
                          static_cast<unsigned>(std::max(h, 0)), static_cast<unsigned>(std::max(min, 0)), second);
        // A date OGR cannot make sense of (0000-00-00 in a dump) stays text, so it is reported as read.
        v.type = !t ? FieldValue::Type::Text : type == OFTDate ? FieldValue::Type::Date : FieldValue::Type::DateTime;
        if (t) v.time = *t;
        return;
    }
    const char* text = f.GetFieldAsString(index);
    if (isUtf8(text))
        v.text.assign(text);
    else
        v.text = fromWindows1252(text);
    if (type == OFTInteger || type == OFTInteger64) {
        v.type = FieldValue::Type::Integer;
        v.number = static_cast<double>(f.GetFieldAsInteger64(index));
    } else if (type == OFTReal) {
        v.type = FieldValue::Type::Real;
        v.number = f.GetFieldAsDouble(index);
    } else {
        v.type = FieldValue::Type::Text;
    }
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
    // CSV coordinate columns written with thousands separators ("230.070"): read from the text.
    int thousandsX = -1, thousandsY = -1;
    std::int64_t row = 0;
    bool selectionMade = false, onlySelected = false;
    bool rowRange = false; // readRows set a filter on the FIDs
    void applyIgnoredFields();

    std::optional<Envelope> areaOfUse; // the working CRS's area of use (PROJ), in the working CRS
    std::string areaOfUseName;
    void computeAreaOfUse();

    // Decides on the first rows whether the point columns use thousands separators: every value
    // is either "ddd.ddd[...]" groups or a plain integer, at least one has the separator, and the
    // value without separators is at least 1000 (metres, not degrees).
    void detectThousandsSeparators(const std::vector<std::string>& xCandidates,
                                   const std::vector<std::string>& yCandidates);
};

void VectorReader::Impl::computeAreaOfUse()
{
    double west = 0, south = 0, east = 0, north = 0;
    const char* name = nullptr;
    if (!workingSrs.GetAreaOfUse(&west, &south, &east, &north, &name) || west > east) return;
    OGRSpatialReference lonLat;
    lonLat.SetWellKnownGeogCS("WGS84");
    lonLat.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    TransformPtr toWorking(OGRCreateCoordinateTransformation(&lonLat, &workingSrs));
    if (!toWorking) return;
    Envelope e;
    constexpr int n = 21; // a densified outline: the edges curve in the projection
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            if (i != 0 && i != n - 1 && j != 0 && j != n - 1) continue;
            double x = west + (east - west) * i / (n - 1), y = south + (north - south) * j / (n - 1);
            if (toWorking->Transform(1, &x, &y) && std::isfinite(x) && std::isfinite(y)) e.expand(PointRd{x, y});
        }
    if (e.empty()) return;
    areaOfUse = e;
    areaOfUseName = name ? name : "";
}

void VectorReader::Impl::detectThousandsSeparators(const std::vector<std::string>& xCandidates,
                                                   const std::vector<std::string>& yCandidates)
{
    const OGRFeatureDefn* defn = layer->GetLayerDefn();
    const auto find = [&](const std::vector<std::string>& candidates) {
        for (const auto& c : candidates)
            for (int i = 0; i < defn->GetFieldCount(); ++i)
                if (lower(defn->GetFieldDefn(i)->GetNameRef()) == lower(c)) return i;
        return -1;
    };
    const int x = find(xCandidates), y = find(yCandidates);
    if (x < 0 || y < 0) return;
    constexpr int kRowsLooked = 10000;
    bool anySeparator = false;
    layer->ResetReading();
    for (int n = 0; n < kRowsLooked; ++n) {
        FeaturePtr f(layer->GetNextFeature());
        if (!f) break;
        for (const int i : {x, y}) {
            if (!f->IsFieldSetAndNotNull(i)) continue;
            const std::string v = f->GetFieldAsString(i);
            if (hasThousandsSeparators(v)) {
                anySeparator = true;
                if (withoutThousands(v).value_or(0) < 1000) return;
            } else if (!isPlainInteger(v)) {
                layer->ResetReading();
                return;
            }
        }
    }
    layer->ResetReading();
    if (anySeparator) {
        thousandsX = x;
        thousandsY = y;
    }
}

VectorReader::VectorReader(const SourceSpec& source, const std::string& workingCrs) : m_impl(std::make_unique<Impl>())
{
    ensureGdal();
    auto& d = *m_impl;
    d.source = source;
    const bool isDatabase = source.path.rfind("PG:", 0) == 0;
    const std::string shownPath = isDatabase ? tr("PostGIS-database", "PostGIS database") : source.path;
    // GDAL reads .txt files (BRON's ongevallen.txt) as CSV only with a "CSV:" prefix.
    const bool csvPrefix = source.path.rfind("CSV:", 0) == 0;
    const std::string filePath = csvPrefix ? source.path.substr(4) : source.path;
    if (!isDatabase && !std::filesystem::exists(filePath))
        throw InputError(tr("kan '" + filePath + "' niet openen: bestand of map bestaat niet",
                            "cannot open '" + filePath + "': no such file or folder"));
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
    // HEADERS=FORCE (first row is the header of a sheet that is all text): GDAL 3.6 knows it only
    // as the XLSX/ODS drivers' configuration option, set for this thread while opening.
    const auto forceHeaders = std::find(options.begin(), options.end(), "HEADERS=FORCE");
    const bool headersForced = forceHeaders != options.end();
    if (headersForced) options.erase(forceHeaders);
    std::vector<const char*> optionPtrs;
    for (const auto& o : options) optionPtrs.push_back(o.c_str());
    optionPtrs.push_back(nullptr);

    CPLErrorReset();
    if (headersForced) {
        CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", "FORCE");
        CPLSetThreadLocalConfigOption("OGR_ODS_HEADERS", "FORCE");
    }
    // The drivers read the header when the layer is first used: keep the option until then.
    struct HeadersReset {
        bool active;
        ~HeadersReset()
        {
            if (!active) return;
            CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", nullptr);
            CPLSetThreadLocalConfigOption("OGR_ODS_HEADERS", nullptr);
        }
    } headersReset{headersForced};
    d.dataset = openVector(openPath, optionPtrs.data());
    if (!d.dataset) {
        // before identifying resets it
        const std::string reason =
            lastGdalError(tr("geen formaat dat GDAL/OGR kan lezen", "not a format GDAL/OGR can read"));
        if (auto refused = isDatabase ? std::string() : refusedFormat(filePath); !refused.empty())
            throw InputError(refused);
        throw InputError(tr("kan '" + shownPath + "' niet als vectorlaag openen: " + reason,
                            "cannot open '" + shownPath + "' as a vector layer: " + reason));
    }

    const int layerCount = d.dataset->GetLayerCount();
    std::string available;
    for (int i = 0; i < layerCount; ++i) available += (i ? ", " : "") + std::string(d.dataset->GetLayer(i)->GetName());
    if (!source.layer.empty()) {
        d.layer = d.dataset->GetLayerByName(source.layer.c_str());
        if (!d.layer)
            throw InputError(tr("'" + shownPath + "' heeft geen laag '" + source.layer +
                                    "' (lagen: " + (available.empty() ? "geen" : available) + ")",
                                "'" + shownPath + "' has no layer '" + source.layer +
                                    "' (layers: " + (available.empty() ? "none" : available) + ")"));
    } else if (layerCount == 1) {
        d.layer = d.dataset->GetLayer(0);
    } else if (layerCount == 0) {
        throw InputError(
            tr("'" + shownPath + "' bevat geen vectorlaag", "'" + shownPath + "' contains no vector layer"));
    } else {
        throw InputError(
            tr("'" + shownPath + "' heeft meer dan één laag; kies er een met --layer (lagen: " + available + ")",
               "'" + shownPath + "' has several layers; choose one with --layer (layers: " + available + ")"));
    }
    d.description = tr("'" + shownPath + "', laag '" + d.layer->GetName() + "'",
                       "'" + shownPath + "', layer '" + d.layer->GetName() + "'");
    if (headersForced) (void)d.layer->GetLayerDefn(); // reads the header while HEADERS=FORCE holds

    d.workingSrs = makeSrs(workingCrs, tr("werk-CRS", "working CRS"));
    if (!d.workingSrs.IsProjected())
        throw InputError(tr("werk-CRS '" + workingCrs + "' is niet geprojecteerd (in meters): gebruik bv. EPSG:28992",
                            "working CRS '" + workingCrs + "' is not projected (metric): use e.g. EPSG:28992"));
    const OGRSpatialReference* layerSrs = d.layer->GetSpatialRef();
    // An engineering CRS ("Undefined Cartesian SRS": a GeoPackage written without a CRS, a CAD
    // drawing) cannot be transformed: --assume-crs says what it really is.
    // GeoPackage's own placeholders (srs_id -1 "Undefined Cartesian SRS", 0 "Undefined geographic
    // SRS") say as much: no CRS known.
    const char* srsName = layerSrs ? layerSrs->GetName() : nullptr;
    const bool local =
        layerSrs && (layerSrs->IsLocal() || (srsName && std::string_view(srsName).rfind("Undefined", 0) == 0));
    if (layerSrs && !(local && !source.assumeCrs.empty())) {
        if (local)
            throw InputError(
                tr(d.description + " heeft een lokaal of onbepaald CRS '" + srsLabel(*layerSrs) +
                       "' dat niet om te rekenen is; geef het echte met --assume-crs (bv. EPSG:28992), "
                       "of voor lokale vlakke coördinaten in meters --assume-crs " +
                       workingCrs + " (zoals ze zijn overgenomen)",
                   d.description + " has an engineering (local) or undefined CRS '" + srsLabel(*layerSrs) +
                       "' that cannot be transformed; give the real one with --assume-crs (e.g. EPSG:28992), "
                       "or for local planar coordinates in metres --assume-crs " +
                       workingCrs + " (taken as they are)"));
        d.sourceSrs = *layerSrs;
        d.sourceSrs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    } else if (!source.assumeCrs.empty()) {
        d.sourceSrs = makeSrs(source.assumeCrs, d.description);
        d.crsAssumed = true;
    } else if (d.layer->GetGeomType() != wkbNone) {
        std::string hint = looksLikeLonLat(*d.layer)
                               ? tr("; de coördinaten lijken lengte-/breedtegraden: geef --assume-crs EPSG:4326",
                                    "; its coordinates look like longitude/latitude: add --assume-crs EPSG:4326")
                               : tr("; geef --assume-crs EPSG:28992 als het RD New is",
                                    "; add --assume-crs EPSG:28992 if it is RD New");
        throw InputError(tr(d.description + " heeft geen coördinatenstelsel (CRS)" + hint,
                            d.description + " has no coordinate reference system" + hint));
    }
    if (!d.sourceSrs.IsEmpty() && !d.sourceSrs.IsSame(&d.workingSrs)) {
        d.transform.reset(OGRCreateCoordinateTransformation(&d.sourceSrs, &d.workingSrs));
        if (!d.transform)
            throw InputError(tr(d.description + ": kan niet omrekenen van " + srsLabel(d.sourceSrs) + " naar " +
                                    workingCrs + ": " + lastGdalError(),
                                d.description + ": cannot transform from " + srsLabel(d.sourceSrs) + " to " +
                                    workingCrs + ": " + lastGdalError()));
    }
    d.computeAreaOfUse();
    // Thousands separators ("230.070") only where the coordinates are the working CRS's own
    // metres: lon/lat with three decimals look the same. GDAL's CSV driver makes its point
    // columns numbers, so the text is looked at in a plain reading of the file (every column
    // text), which is then the one read.
    if (d.delimitedText && !d.transform && d.sourceSrs.IsProjected()) {
        std::vector<std::string> plainOptions;
        for (const auto& o : options)
            if (o.rfind("X_POSSIBLE_NAMES=", 0) != 0 && o.rfind("Y_POSSIBLE_NAMES=", 0) != 0) plainOptions.push_back(o);
        std::vector<const char*> plainPtrs;
        for (const auto& o : plainOptions) plainPtrs.push_back(o.c_str());
        plainPtrs.push_back(nullptr);
        DatasetPtr plain = openVector(openPath, plainPtrs.data());
        OGRLayer* plainLayer = plain && plain->GetLayerCount() == 1 ? plain->GetLayer(0) : nullptr;
        if (plainLayer) {
            OGRLayer* const kept = d.layer;
            d.layer = plainLayer;
            d.detectThousandsSeparators(splitNames(source.xField.empty() ? kXNames : source.xField),
                                        splitNames(source.yField.empty() ? kYNames : source.yField));
            if (d.thousandsX >= 0)
                d.dataset = std::move(plain); // the plain reading from now on: points from the text
            else
                d.layer = kept;
        }
    }
    // A database layer takes the filter as SQL on the server: it must first parse as OGR SQL over
    // the layer's own columns (no function of the server's, no subquery, no second statement).
    if (isDatabase && !source.attributeFilter.empty()) {
        OGRFeatureQuery query;
        CPLErrorReset();
        if (query.Compile(d.layer->GetLayerDefn(), source.attributeFilter.c_str()) != OGRERR_NONE)
            throw InputError(tr(d.description + ": filter '" + source.attributeFilter +
                                    "' is geen voorwaarde op de velden van de laag (OGR SQL WHERE): " + lastGdalError(),
                                d.description + ": filter '" + source.attributeFilter +
                                    "' is not a condition on the layer's fields (OGR SQL WHERE): " + lastGdalError()));
    }
    if (!source.attributeFilter.empty() && d.layer->SetAttributeFilter(source.attributeFilter.c_str()) != OGRERR_NONE)
        throw InputError(tr(d.description + ": ongeldig filter '" + source.attributeFilter + "': " + lastGdalError(),
                            d.description + ": invalid filter '" + source.attributeFilter + "': " + lastGdalError()));
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

std::optional<Envelope> VectorReader::workingAreaOfUse() const
{
    return m_impl->areaOfUse;
}

const std::string& VectorReader::workingAreaOfUseName() const
{
    return m_impl->areaOfUseName;
}

bool VectorReader::thousandsSeparators() const
{
    return m_impl->thousandsX >= 0;
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
            throw InputError(tr(d.description + " heeft geen veld '" + name + "' (velden: " + list + ")",
                                d.description + " has no field '" + name + "' (fields: " + list + ")"));
        }
        // Two columns of one name (a CSV header "datum;...;datum"): which one is meant cannot be known.
        std::string columns;
        int same = 0;
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (lower(defn->GetFieldDefn(i)->GetNameRef()) == lower(name)) {
                columns += (same++ ? " en " : "") + std::to_string(i + 1);
            }
        if (same > 1)
            throw InputError(tr(d.description + ": " + std::to_string(same) + " velden heten '" + name +
                                    "' (kolommen " + columns + "): geef elke kolom een eigen naam",
                                d.description + ": " + std::to_string(same) + " fields are named '" + name +
                                    "' (columns " + columns + "): give every column a name of its own"));
        d.selected.push_back(index);
    }
    d.selectionMade = true;
    d.applyIgnoredFields();
}

void VectorReader::Impl::applyIgnoredFields()
{
    // The fields next() does not return are skipped by the driver (GeoPackage and PostGIS then
    // fetch and copy only the rest), except where a filter may name them, where a CSV is
    // checked for unclosed quotes in every field, or its points are read from the text.
    const bool skipOthers =
        selectionMade && source.attributeFilter.empty() && (onlySelected || (!delimitedText && thousandsX < 0));
    std::vector<const char*> ignored;
    if (ignoreGeometry) ignored.push_back("OGR_GEOMETRY");
    const OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; skipOthers && i < defn->GetFieldCount(); ++i)
        if (std::find(selected.begin(), selected.end(), i) == selected.end())
            ignored.push_back(defn->GetFieldDefn(i)->GetNameRef());
    ignored.push_back(nullptr);
    layer->SetIgnoredFields(ignored.size() > 1 ? ignored.data() : nullptr);
}

void VectorReader::ignoreGeometry(bool ignore)
{
    m_impl->ignoreGeometry = ignore;
    m_impl->applyIgnoredFields();
}

void VectorReader::readSelectedOnly(bool only)
{
    auto& d = *m_impl;
    d.onlySelected = only;
    ignoreGeometry(only);
}

void VectorReader::repairInvalidPolygons(bool repair)
{
    m_impl->repair = repair;
}

namespace {

// A column or table name as an SQL identifier: in double quotes, quotes doubled.
std::string sqlName(const std::string& name)
{
    std::string quoted = "\"";
    for (const char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

} // namespace

std::optional<std::int64_t> VectorReader::rowsByFid() const
{
    const auto& d = *m_impl;
    const GDALDriver* driver = d.dataset->GetDriver();
    const std::string fid = d.layer->GetFIDColumn();
    if (!driver || std::string(driver->GetDescription()) != "GPKG" || fid.empty() || !d.source.attributeFilter.empty())
        return std::nullopt;
    const auto rows = featureCount(); // gpkg_ogr_contents, kept current by GDAL's triggers
    if (!rows || *rows == 0) return std::nullopt;
    // MIN and MAX of the integer primary key are two index lookups in SQLite, not a scan.
    const std::string sql =
        "SELECT MIN(" + sqlName(fid) + "), MAX(" + sqlName(fid) + ") FROM " + sqlName(d.layer->GetName());
    OGRLayer* result = d.dataset->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result) return std::nullopt;
    std::optional<std::int64_t> out;
    if (FeaturePtr f(result->GetNextFeature()); f && f->GetFieldCount() == 2 && f->IsFieldSetAndNotNull(0))
        if (f->GetFieldAsInteger64(0) == 1 && f->GetFieldAsInteger64(1) == *rows) out = rows;
    d.dataset->ReleaseResultSet(result);
    return out;
}

void VectorReader::readRows(std::int64_t first, std::int64_t last)
{
    auto& d = *m_impl;
    const std::string filter =
        sqlName(d.layer->GetFIDColumn()) + " BETWEEN " + std::to_string(first) + " AND " + std::to_string(last);
    if (d.layer->SetAttributeFilter(filter.c_str()) != OGRERR_NONE)
        throw Error(d.description + ": cannot read rows " + std::to_string(first) + ".." + std::to_string(last) + ": " +
                    lastGdalError());
    d.rowRange = true;
    d.layer->ResetReading();
    d.row = first - 1;
}

void VectorReader::reset()
{
    auto& d = *m_impl;
    if (d.rowRange) {
        d.layer->SetAttributeFilter(nullptr); // rowsByFid: there was no filter of the source's own
        d.rowRange = false;
    }
    d.layer->ResetReading();
    d.row = 0;
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
            throw InputError(
                tr(d.description + ": lezen gestopt na rij " + std::to_string(d.row) + ": " + lastGdalError("leesfout"),
                   d.description + ": reading stopped after row " + std::to_string(d.row) + ": " +
                       lastGdalError("read error")));

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
            typed.type = FieldValue::Type::Null;
            typed.text.clear();
            typed.number = 0.0;
            typed.time = LocalTime{};
            continue;
        }
        readField(*f, index, typed);
        feature.values[i] = typed.text; // assigns into the text kept from the last record
    }
    // Emptied, not replaced: the point buffer is reused from record to record.
    feature.geometry.kind = FeatureGeometry::Kind::None;
    feature.geometry.points.clear();
    feature.geometry.lines.clear();
    feature.geometry.polygons.clear();
    if (d.ignoreGeometry) return true;
    OGRGeometry* g = f->GetGeometryRef();
    OGRPoint fromText;
    if (d.thousandsX >= 0) {
        const auto x =
            f->IsFieldSetAndNotNull(d.thousandsX) ? withoutThousands(f->GetFieldAsString(d.thousandsX)) : std::nullopt;
        const auto y =
            f->IsFieldSetAndNotNull(d.thousandsY) ? withoutThousands(f->GetFieldAsString(d.thousandsY)) : std::nullopt;
        if (x && y) {
            fromText.setX(*x);
            fromText.setY(*y);
            g = &fromText;
        } else {
            g = nullptr;
        }
    }
    feature.atOrigin = false;
    if (!g || g->IsEmpty()) return true;
    feature.atOrigin = hasPointAtOrigin(*g); // before the transformation: (0, 0) of the source CRS
    const OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
    if (type == wkbPoint && !d.transform) { // registrations: one point, no copy of the geometry
        const auto* p = g->toPoint();
        if (std::isfinite(p->getX()) && std::isfinite(p->getY())) {
            feature.geometry.kind = FeatureGeometry::Kind::Point;
            feature.geometry.points.push_back({p->getX(), p->getY()});
        }
        return true;
    }
    std::unique_ptr<OGRGeometry> owned;
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
