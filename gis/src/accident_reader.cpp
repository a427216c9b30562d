#include "gebiedscan/gis/accident_reader.hpp"

#include "gebiedscan/gis/field_value.hpp"

#include <cmath>

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"
#include "gebiedscan/gis/road_network_reader.hpp"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <unordered_map>

namespace gebiedscan::gis {

namespace {

// BRON exports write missing values as the text NULL.
std::string value(const std::optional<std::string>& text)
{
    auto s = normaliseId(text);
    if (s == "NULL" || s == "null" || s == "-") return {};
    return s;
}

std::optional<int> parseInt(const std::string& s)
{
    const auto v = parseDecimal(s);
    if (!v || *v != std::floor(*v) || std::abs(*v) > 2e9) return std::nullopt; // a whole number
    return static_cast<int>(*v);
}

std::optional<bool> parseFlag(const std::string& s)
{
    std::string t;
    for (char c : s) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (t == "j" || t == "ja" || t == "1" || t == "true" || t == "y" || t == "yes") return true;
    if (t == "n" || t == "nee" || t == "0" || t == "false" || t == "no") return false;
    return std::nullopt;
}

// GDAL's CSV driver recognises .csv/.tsv/.psv names, others only with a "CSV:" prefix, which
// VectorReader does not add; BRON ships ongevallen.txt and puntlocaties.txt. Such a file is read
// through a symbolic link named <stem>.csv in a private temporary folder, removed afterwards.
class TextAsCsv {
public:
    explicit TextAsCsv(const SourceSpec& source) : m_spec(source)
    {
        namespace fs = std::filesystem;
        const fs::path path(source.path);
        std::string ext = path.extension().string();
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (ext != ".txt" || !fs::is_regular_file(path)) return;
        std::string pattern = (fs::temp_directory_path() / "gebiedscan-bron-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) return;
        m_dir = pattern;
        std::error_code ec;
        const fs::path link = m_dir / (path.stem().string() + ".csv");
        fs::create_symlink(fs::absolute(path), link, ec);
        if (!ec) m_spec.path = link.string();
    }
    ~TextAsCsv()
    {
        std::error_code ec;
        if (!m_dir.empty()) std::filesystem::remove_all(m_dir, ec);
    }
    TextAsCsv(const TextAsCsv&) = delete;
    TextAsCsv& operator=(const TextAsCsv&) = delete;
    [[nodiscard]] const SourceSpec& spec() const { return m_spec; }

private:
    SourceSpec m_spec;
    std::filesystem::path m_dir;
};

} // namespace

AccidentLayer readAccidentLayer(const SourceSpec& source, const AccidentFields& requested,
                                const std::string& workingCrs, const std::optional<SourceSpec>& pointLocations)
{
    const TextAsCsv text(source);
    VectorReader reader(text.spec(), workingCrs);
    AccidentLayer out;
    out.description = text.spec().path == source.path ? reader.description() : "'" + source.path + "'";
    AccidentFields f = requested;
    if (f.accidentId.empty()) f.accidentId = reader.findField({"VKL_NUMMER", "vkl_id", "ongeval_id"});
    if (f.partyNumber.empty()) f.partyNumber = reader.findField({"nummer", "partij_nummer", "ptj_nummer"});
    if (f.year.empty()) f.year = reader.findField({"JAAR_VKL", "jaar"});
    if (f.date.empty()) f.date = reader.findField({"DATUM_VKL", "datum"});
    if (f.severity.empty()) f.severity = reader.findField({"AP3_CODE", "ap3", "afloop", "ernst"});
    if (f.hospital.empty()) f.hospital = reader.findField({"ZIEKENHUIS", "ziekenhuisopname", "zkh"});
    if (f.aolId.empty()) f.aolId = reader.findField({"AOL_ID", "aard_ongeval"});
    if (f.segmentId.empty()) f.segmentId = reader.findField({"WVK_ID"});
    if (f.junctionId.empty()) f.junctionId = reader.findField({"JTE_ID"});
    if (f.pointKey.empty() && pointLocations) f.pointKey = reader.findField({"FK_VELD5"});
    if (f.year.empty() && f.date.empty())
        throw InputError(
            tr(out.description + ": geen veld met het jaar (JAAR_VKL) of de datum (DATUM_VKL) gevonden; noem het met "
                                 "--year-field",
               out.description + ": no year (JAAR_VKL) or date (DATUM_VKL) field found; name it with --year-field"));
    reader.selectFields({f.accidentId, f.partyNumber, f.year, f.date, f.severity, f.hospital, f.aolId, f.segmentId,
                         f.junctionId, f.pointKey});
    out.fields = f;

    std::unordered_map<std::string, PointRd> joined;
    if (pointLocations) {
        SourceSpec ps = *pointLocations;
        if (ps.assumeCrs.empty()) ps.assumeCrs = "EPSG:28992"; // BRON puntlocaties are RD New
        if (ps.xField.empty()) ps.xField = "X_COORD";
        if (ps.yField.empty()) ps.yField = "Y_COORD";
        const TextAsCsv pointText(ps);
        VectorReader pr(pointText.spec(), workingCrs);
        auto key = f.pointTableKey.empty() ? pr.findField({"FK_VELD5"}) : f.pointTableKey;
        const std::string pointsName = "'" + ps.path + "'";
        if (key.empty())
            throw InputError(tr(pointsName + ": geen sleutelveld FK_VELD5 om de ongevallen aan te koppelen",
                                pointsName + ": no key field FK_VELD5 to join accidents on"));
        out.fields.pointTableKey = key;
        pr.selectFields({key});
        Feature pf;
        while (pr.next(pf))
            if (pf.geometry.kind == FeatureGeometry::Kind::Point && !pf.geometry.points.empty())
                joined.emplace(value(pf.values[0]), pf.geometry.points.front());
        if (f.pointKey.empty())
            throw InputError(tr(out.description + ": geen veld FK_VELD5 om te koppelen met " + pointsName,
                                out.description + ": no FK_VELD5 field to join with " + pointsName));
    }

    Feature feature;
    while (reader.next(feature)) {
        AccidentRecord r;
        r.row = feature.row;
        r.accidentId = value(feature.values[0]);
        r.partyNumber = parseInt(value(feature.values[1]));
        r.year = parseInt(value(feature.values[2]));
        const auto dateText = value(feature.values[3]);
        if (!dateText.empty()) {
            if (auto t = parseTimeInterval(dateText)) {
                r.date = t->start;
                if (!r.year) {
                    int y = 0;
                    unsigned m = 0, d = 0;
                    civilFromDays(t->start.seconds / kSecondsPerDay, y, m, d);
                    r.year = y;
                }
            } else {
                ++out.unparsedDate;
            }
        }
        if (!r.year) ++out.unparsedYear;
        if (auto s = parseSeverity(value(feature.values[4])))
            r.severity = *s;
        else
            ++out.unknownSeverity;
        r.hospital = parseFlag(value(feature.values[5]));
        r.aolId = value(feature.values[6]);
        r.segmentId = value(feature.values[7]);
        r.junctionId = value(feature.values[8]);
        if (feature.geometry.kind == FeatureGeometry::Kind::Point && !feature.geometry.points.empty()) {
            r.point = feature.geometry.points.front();
        } else if (!joined.empty() || pointLocations) {
            const auto key = value(feature.values[9]);
            if (!key.empty()) {
                auto it = joined.find(key);
                if (it != joined.end()) {
                    r.point = it->second;
                    ++out.pointsFromJoin;
                } else {
                    ++out.joinKeyNotFound;
                }
            }
        }
        if (!r.point) ++out.withoutPoint;
        out.records.push_back(std::move(r));
    }
    return out;
}

} // namespace gebiedscan::gis
