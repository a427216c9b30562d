#pragma once
// Where every input record of an incident stream went. Each record lands in exactly one bucket,
// decided in this order: invalid_geometry, bad_date (unparseable, then end before start, then
// out_of_period: a record belongs to the period its interval starts in),
// bad_weight, outside, unknown_category, other_theme, assigned. Shared by every command so the
// same file gives the same accounting in scan, kde, trends and hotspots.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

enum class RecordBucket {
    InvalidGeometry,    ///< no geometry, empty, not a point, a multipoint of several parts, (0, 0)
    BadDateUnparseable, ///< the date field is empty or unreadable
    OutOfPeriod,        ///< a readable date outside every period of the command
    EndBeforeStart,     ///< a from-to interval whose end lies before its start
    BadWeight,          ///< the weight field is empty, not a number or a CBS sentinel
    Outside,            ///< a valid point in no area
    UnknownCategory,    ///< in an area, category unknown ("overig")
    OtherTheme,         ///< known category of another theme than the one asked for
    Assigned,
};

/// The summary.json name of a bucket ("invalid_geometry", "bad_date", ...; both date buckets
/// are "bad_date").
[[nodiscard]] const char* bucketKey(RecordBucket bucket);

/// One problem record, to show the user what went wrong: row (1-based, as in the file), the
/// field looked at, its value as read and the reason in words (Dutch, for messages).
struct RecordExample {
    RecordBucket bucket = RecordBucket::InvalidGeometry;
    std::int64_t row = 0;
    std::string field;
    std::string value;
    std::string reason;
};

struct RecordAccounting {
    /// Examples kept per bucket: enough to recognise the problem, bounded for a garbage column.
    static constexpr std::size_t kExamplesPerBucket = 5;
    /// Different unknown codes listed one by one; the rest are summed under "(overige codes)".
    static constexpr std::size_t kUnknownCodesListed = 1000;
    /// Rows in exampleRows (invalid geometry and unreadable dates, in file order).
    static constexpr std::size_t kExampleRows = 20;

    std::uint64_t inputRecords = 0;
    std::uint64_t invalidGeometry = 0;
    std::uint64_t badDate = 0; ///< unparseable (badDateUnparseable) or outside every period
    std::uint64_t badDateUnparseable = 0;
    std::uint64_t badDateReversed = 0; ///< end before start (also in badDate)
    std::uint64_t badWeight = 0;
    std::uint64_t outside = 0;
    std::uint64_t unknownCategory = 0;
    std::uint64_t otherTheme = 0;
    std::uint64_t assigned = 0;
    std::map<std::string, std::uint64_t> unknownCodes; ///< code or label -> records (bounded)
    std::vector<RecordExample> examples;               ///< at most kExamplesPerBucket per bucket
    std::vector<std::int64_t> exampleRows;             ///< first rows with a bad geometry or date

    /// Flags for the printed line: buckets a command cannot fill are left out of it.
    bool themeFiltered = false; ///< other_theme applies
    bool weighted = false;      ///< bad_weight applies

    /// Counts one record in `bucket`; keeps it as an example while the bucket has room.
    void count(RecordBucket bucket, std::int64_t row, const std::string& field, const std::string& value,
               const std::string& reason);
    /// Counts an unknown category under its code (or label when there is no code).
    void countUnknownCode(const std::string& key);
    [[nodiscard]] std::uint64_t outOfPeriod() const { return badDate - badDateUnparseable - badDateReversed; }
    /// Records located in an area, whatever their category: what n_total counts (without a theme).
    [[nodiscard]] std::uint64_t inArea() const { return assigned + unknownCategory + otherTheme; }
    [[nodiscard]] bool balanced() const
    {
        return invalidGeometry + badDate + badWeight + outside + unknownCategory + otherTheme + assigned ==
               inputRecords;
    }
};

} // namespace gebiedscan::pipeline
