#pragma once
// The one way registrations are read, by every command and by the fuzz targets: open the source,
// detect the fields, read typed values, apply the validity rule (incident_validity.hpp), the
// date, weight and theme rules, and count every record in one bucket (record_accounting.hpp).
//
//     IncidentStream stream(options, reporter);
//     std::vector<Incident> batch;
//     while (stream.nextBatch(batch, 65536) > 0) {
//         locate the batch (multi-threaded) ...
//         for (i ...) if (stream.settle(batch[i], located[i] >= 0) == IncidentFate::Assigned) use it;
//     }
//
// Records failing the geometry, date or weight rule never leave the stream; the rest are
// settled by the caller once it knows whether the point lies in an area.
#include "gebiedscan/pipeline/incident_fields.hpp"
#include "gebiedscan/pipeline/record_accounting.hpp"

#include "gebiedscan/core/date_time.hpp"
#include "gebiedscan/core/geometry.hpp"
#include "gebiedscan/core/scan_model.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

class Reporter;

struct IncidentStreamOptions {
    gis::SourceSpec source;
    std::string workingCrs = "EPSG:28992";
    IncidentFields fields;        ///< given names; empty ones are detected
    std::string weightField;      ///< a number per registration (kde --weight-field); never detected
    bool requireCategory = false; ///< a category or label field must exist (InputError otherwise)
    bool requireDate = false;     ///< a date field must exist
    /// Categories through this model; empty: the default model. Only used when there is a
    /// category or label field: without one every record counts as assigned.
    std::optional<ScanModel> model;
    /// A theme id or number ("woninginbraak", "1.3"): records of other themes go to
    /// other_theme and unknown categories to unknown_category; neither is used. Needs a
    /// category field.
    std::string theme;
    /// The command's periods: a readable date for which this is false is out_of_period.
    /// Empty: every readable date is in. Can be set later with setPeriodFilter.
    std::function<bool(const TimeInterval&)> inPeriod;
    /// Reading threads at most: 0 = as the cores allow, 1 = one. A GeoPackage table whose rows
    /// are its FIDs (from 262,144 rows) is read by two, one connection each, in file order.
    unsigned threads = 0;
};

/// A registration that passed the geometry, date and weight rules.
struct Incident {
    std::int64_t row = 0;
    PointRd point;
    /// From the date field (with the time field's time of day when the date has none), widened
    /// to the date-to field when that is readable (one before the start goes to bad_date as
    /// end_before_start); nullopt when the layer has no date field. A registration belongs to
    /// the period its interval starts in and is counted once.
    std::optional<TimeInterval> when;
    std::optional<std::size_t> category; ///< index into the model's categories; nullopt: unknown
    std::string categoryKey;             ///< the code (else the label) as read
    double weight = 1.0;                 ///< the weight field, 1 without one
};

enum class IncidentFate { Outside, UnknownCategory, OtherTheme, Assigned };

class IncidentStream {
public:
    /// Opens the source (gis::VectorReader) and detects the fields. Throws InputError when the
    /// source cannot be read, a required field is missing or the theme is unknown.
    IncidentStream(const IncidentStreamOptions& options, Reporter& reporter);
    ~IncidentStream();
    IncidentStream(const IncidentStream&) = delete;
    IncidentStream& operator=(const IncidentStream&) = delete;

    [[nodiscard]] const std::string& description() const;
    [[nodiscard]] std::string sourceCrs() const;
    [[nodiscard]] std::optional<std::int64_t> featureCount() const;
    /// Extent of the layer in the working CRS (may scan the layer).
    [[nodiscard]] Envelope extent() const;
    [[nodiscard]] const IncidentFields& fields() const;
    [[nodiscard]] const std::string& weightField() const;
    /// Role -> field name, for summary.json (see pipeline::fieldsUsed).
    [[nodiscard]] std::map<std::string, std::string> fieldsUsed() const;
    /// The model categories are classified with (the given one or the default).
    [[nodiscard]] const ScanModel& model() const;
    /// True when records are classified (a category or label field exists).
    [[nodiscard]] bool classifies() const;
    /// Threads that read the source (1, or 2 for a GeoPackage read in parts); 0 before the first record.
    [[nodiscard]] std::size_t readingThreads() const;

    /// Readable dates per year, in one pass over the date field only (for commands that take
    /// their period from the data); the stream starts again at the first record afterwards.
    [[nodiscard]] std::map<int, std::uint64_t> datesPerYear();
    /// Sets the period rule (before the first record is read).
    void setPeriodFilter(std::function<bool(const TimeInterval&)> inPeriod);

    /// The next registration that passed the geometry, date and weight rules; false at the end.
    bool next(Incident& incident);
    /// Clears `batch` and fills it with up to `max` registrations; returns how many.
    std::size_t nextBatch(std::vector<Incident>& batch, std::size_t max);
    /// Counts a registration returned by next: outside when not in an area, then its category.
    /// Without a theme, unknown categories are counted as unknown_category but still used as
    /// "overig"; with one, only Assigned is of the theme.
    IncidentFate settle(const Incident& incident, bool inArea);
    /// True when the registration will be used if it lies in an area: always without a theme,
    /// else when its category is of the theme (for commands that size their grid or time span
    /// on the registrations they use before locating them).
    [[nodiscard]] bool ofTheme(const Incident& incident) const;

    [[nodiscard]] const RecordAccounting& accounting() const;
    /// After the last record: true when some record read so far has a time of day (not every
    /// one at midnight or a whole day). Without, an hour-of-week table would be invented.
    [[nodiscard]] bool hasTimeOfDay() const;
    /// After the last record: true when some record is dated finer than a whole year (BRON's
    /// jaar_vkl gives only years: no month or quarter can be told).
    [[nodiscard]] bool hasSubYearDates() const;
    /// After the last record: true when some record had a readable date and every one was a
    /// whole year, counting those outside the period filter too.
    [[nodiscard]] bool datesAreOnlyYears() const;
    /// "'file', laag 'l': veld 'jaar_vkl' geeft alleen jaren (...)" in the user's language: the
    /// start of the error of an analysis that needs finer dates.
    [[nodiscard]] std::string onlyYearsMessage() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace gebiedscan::pipeline
