#pragma once
#include "gebiedscan/core/date_time.hpp"
#include "gebiedscan/core/geometry.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gebiedscan {

/// Outcome of a road accident, BRON `AP3_CODE` (afloop, 3 classes): DOD = fatal, LET = injury,
/// UMS = uitsluitend materiele schade (damage only).
enum class Severity : std::uint8_t { Fatal = 0, Injury = 1, DamageOnly = 2, Unknown = 3 };

/// A set of severities as a bit mask (bit = 1 << Severity).
using SeverityMask = std::uint8_t;
constexpr SeverityMask severityBit(Severity s)
{
    return static_cast<SeverityMask>(1u << static_cast<unsigned>(s));
}
constexpr SeverityMask kInjuryOrFatal = severityBit(Severity::Fatal) | severityBit(Severity::Injury);
constexpr SeverityMask kAllKnownSeverities = kInjuryOrFatal | severityBit(Severity::DamageOnly);

/// "DOD", "LET", "UMS" (also lowercase and the words dodelijk/letsel/materieel); nullopt else.
[[nodiscard]] std::optional<Severity> parseSeverity(std::string_view text);
/// "DOD", "LET", "UMS" or "ONB" (unknown).
[[nodiscard]] const char* severityCode(Severity s);
/// Parses "LET,DOD" into a mask; throws InputError on an unknown code.
[[nodiscard]] SeverityMask parseSeverityList(std::string_view text);
/// "DOD,LET" style text of a mask.
[[nodiscard]] std::string severityListText(SeverityMask mask);

/// One input row of an accident file. BRON extracts hold one row per accident, some one row
/// per party (partij) involved; `deduplicateAccidents` turns rows into accidents.
struct AccidentRecord {
    std::int64_t row = 0;           ///< 1-based row in the input, for messages
    std::string accidentId;         ///< BRON VKL_NUMMER; empty when the extract has none
    std::optional<int> partyNumber; ///< party number within the accident (`nummer`), if given
    std::optional<int> year;        ///< JAAR_VKL, or the year of DATUM_VKL
    std::optional<LocalTime> date;  ///< DATUM_VKL (+ UUR) when given
    Severity severity = Severity::Unknown;
    std::optional<bool> hospital; ///< ziekenhuisopname known for this accident; BRON AP3 has no such field
    std::string aolId;            ///< AOL_ID, accident type 0-9 (aard ongeval)
    std::string segmentId;        ///< WVK_ID: the NWB segment the police placed it on
    std::string junctionId;       ///< JTE_ID: the NWB junction, for accidents on a junction
    std::optional<PointRd> point; ///< location in working-CRS metres
};

/// One accident after deduplication. `row` is the input row that represents it.
struct Accident {
    std::string id; ///< VKL_NUMMER, else "rij <row>"
    std::int64_t row = 0;
    std::optional<int> year;
    std::optional<LocalTime> date;
    Severity severity = Severity::Unknown;
    std::optional<bool> hospital;
    std::string aolId, segmentId, junctionId;
    std::optional<PointRd> point;
    int rows = 1; ///< input rows (parties) merged into it
};

/// Result of turning input rows into accidents.
struct DeduplicationResult {
    std::vector<Accident> accidents;
    /// Per input record: index of the accident it represents, or -1 for a party row merged into
    /// another row's accident (bucket duplicate_party_row).
    std::vector<std::int32_t> accidentOfRecord;
    std::size_t duplicateRows = 0;
    std::size_t recordsById = 0;           ///< rows grouped by VKL_NUMMER
    std::size_t recordsByKey = 0;          ///< rows grouped by location+year+codes (party number present)
    std::size_t groupsWithoutPartyOne = 0; ///< key groups lacking a `nummer` 1 row (an incomplete extract)
};

/// Deduplicates party-level rows to accidents:
/// - rows with a VKL_NUMMER: one accident per number (first row represents it);
/// - rows without one but with a party number: rows sharing location, year, date, AP3, AOL,
///   WVK and JTE form a group; the group holds as many accidents as the most frequent party number
///   occurs in it (one accident has at most one party 1, one party 2, ...). This equals "count the
///   `nummer` 1 rows" when the extract is complete, and does not lose accidents when it is not
///   (the Utrecht sample has groups without a party 1). Rows without any location and a party
///   number > 1 are merged (they cannot be matched);
/// - other rows: one accident each.
[[nodiscard]] DeduplicationResult deduplicateAccidents(const std::vector<AccidentRecord>& records);

} // namespace gebiedscan
