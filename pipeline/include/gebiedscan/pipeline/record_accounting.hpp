#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

/// Where every input record went: each lands in exactly one bucket.
struct RecordAccounting {
    std::uint64_t inputRecords = 0;
    std::uint64_t assigned = 0;
    std::uint64_t outside = 0;         ///< valid point, in no area
    std::uint64_t invalidGeometry = 0; ///< missing, empty, non-point or untransformable
    std::uint64_t badDate = 0;         ///< unparseable (badDateUnparseable) or outside every period
    std::uint64_t badDateUnparseable = 0;
    std::uint64_t unknownCategory = 0;                 ///< in an area and period, category unknown ("overig")
    std::map<std::string, std::uint64_t> unknownCodes; ///< code or label -> records
    std::vector<std::int64_t> exampleRows;             ///< first rows of each problem, for messages

    [[nodiscard]] bool balanced() const
    {
        return assigned + outside + invalidGeometry + badDate + unknownCategory == inputRecords;
    }
};

} // namespace gebiedscan::pipeline
