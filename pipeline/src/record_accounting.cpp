#include "gebiedscan/pipeline/record_accounting.hpp"

#include <algorithm>

namespace gebiedscan::pipeline {

const char* bucketKey(RecordBucket bucket)
{
    switch (bucket) {
    case RecordBucket::InvalidGeometry: return "invalid_geometry";
    case RecordBucket::BadDateUnparseable:
    case RecordBucket::OutOfPeriod:
    case RecordBucket::EndBeforeStart: return "bad_date";
    case RecordBucket::BadWeight: return "bad_weight";
    case RecordBucket::Outside: return "outside";
    case RecordBucket::UnknownCategory: return "unknown_category";
    case RecordBucket::OtherTheme: return "other_theme";
    case RecordBucket::Assigned: return "assigned";
    }
    return "?";
}

void RecordAccounting::count(RecordBucket bucket, std::int64_t row, const std::string& field, const std::string& value,
                             const std::string& reason)
{
    switch (bucket) {
    case RecordBucket::InvalidGeometry: ++invalidGeometry; break;
    case RecordBucket::BadDateUnparseable:
        ++badDate;
        ++badDateUnparseable;
        break;
    case RecordBucket::OutOfPeriod: ++badDate; break;
    case RecordBucket::EndBeforeStart:
        ++badDate;
        ++badDateReversed;
        break;
    case RecordBucket::BadWeight: ++badWeight; break;
    case RecordBucket::Outside: ++outside; break;
    case RecordBucket::UnknownCategory: ++unknownCategory; break;
    case RecordBucket::OtherTheme: ++otherTheme; break;
    case RecordBucket::Assigned: ++assigned; return; // not a problem: no example
    }
    if ((bucket == RecordBucket::InvalidGeometry || bucket == RecordBucket::BadDateUnparseable) &&
        exampleRows.size() < kExampleRows)
        exampleRows.push_back(row);
    const auto kept =
        std::count_if(examples.begin(), examples.end(), [&](const RecordExample& e) { return e.bucket == bucket; });
    if (static_cast<std::size_t>(kept) < kExamplesPerBucket) examples.push_back({bucket, row, field, value, reason});
}

void RecordAccounting::countUnknownCode(const std::string& key)
{
    const std::string shown = key.empty() ? "(leeg)" : key;
    if (unknownCodes.size() < kUnknownCodesListed || unknownCodes.count(shown))
        ++unknownCodes[shown];
    else
        ++unknownCodes["(overige codes)"];
}

} // namespace gebiedscan::pipeline
