#pragma once
// Counts per area from a public table instead of points: what a municipality without police
// points has (CBS/police 47018NED "Geregistreerde misdrijven; soort misdrijf, wijk, buurt",
// 47022NED, or an own export). Long format: one row per area, category and period with its
// count; wide format: one row per area (and period) with one column per category. Read through
// GDAL (CSV, GeoPackage table, XLSX, ...), streamed, never loaded whole.
#include "gebiedscan/gis/vector_reader.hpp"

#include "gebiedscan/core/date_time.hpp"
#include "gebiedscan/core/scan_model.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace gebiedscan {
class ScanCounts;
}

namespace gebiedscan::pipeline {

struct RecordAccounting;

/// Which columns of a count table hold what. Empty names are detected case-insensitively (the
/// 47018NED names first: WijkenEnBuurten/buurtcode, SoortMisdrijf, Perioden, aantal). Without a
/// category column the table is wide: every column whose name is a category code, a category
/// label or a theme of the model ("1.1.1 Diefstal/inbraak woning", "woninginbraak") is a count.
struct CountTableFields {
    std::string area;     ///< area code (BU/WK/GM code, or the code field of the areas)
    std::string category; ///< category code (1.1.1), label or theme; empty and none found: wide
    std::string period;   ///< CBS Perioden (2023JJ00, 2023KW01, 2023MM05) or a year; none: --year
    std::string count;    ///< the count (long format)
};

/// A CBS period: "2023JJ00" (year), "2023KW01".."2023KW04" (quarter), "2023MM01".."2023MM12"
/// (month), or a bare year "2023"; spaces around it are ignored. nullopt for anything else.
[[nodiscard]] std::optional<TimeInterval> parseCbsPeriod(std::string_view text);

/// Where the values of a count table went, in values (one per row of a long table, one per
/// category cell of a wide one) and in the registrations they hold. Reason keys: used,
/// missing_value, bad_value, no_area_code, unknown_area, area_not_in_areas, higher_level,
/// bad_period, out_of_period, total_row, duplicate.
struct CountTableReport {
    std::string description;
    bool wide = false;
    bool totalsOnly = false;                 ///< only total rows (0.0.0): counted as overig
    std::vector<std::string> valueColumns;   ///< wide: the count columns used
    std::vector<std::string> ignoredColumns; ///< wide: columns that are neither key nor count
    std::uint64_t rowsRead = 0;
    std::uint64_t values = 0;
    std::map<std::string, std::uint64_t> valuesPerReason;        ///< reason -> values
    std::map<std::string, std::uint64_t> registrationsPerReason; ///< reason -> registrations
    std::map<std::string, std::uint64_t> unknownAreaCodes;       ///< code -> registrations (bounded)
    std::map<std::string, std::uint64_t> higherLevelCodes;       ///< code -> registrations (bounded)
    std::uint64_t registrationsUsed() const;
};

/// The Dutch text of a reason key, for messages and toelichting.txt.
[[nodiscard]] std::string countReasonText(std::string_view reason);

/// A count table opened for reading. Throws InputError naming the file and the columns found
/// when no area column, no count column (long) or no count column (wide) can be found.
class CountTable {
public:
    /// `areaCodeField`: the areas' own code field, tried first as the table's area column.
    CountTable(const gis::SourceSpec& source, const CountTableFields& fields, const ScanModel& model,
               const std::string& areaCodeField);
    ~CountTable();
    CountTable(const CountTable&) = delete;
    CountTable& operator=(const CountTable&) = delete;

    [[nodiscard]] const std::string& description() const;
    [[nodiscard]] const CountTableFields& fields() const; ///< the columns used ("" = absent)
    [[nodiscard]] bool wide() const;

    /// Registrations per calendar year of the periods (a pass over the table), to choose the
    /// current year when the options name none.
    [[nodiscard]] std::map<int, std::uint64_t> registrationsPerYear();

    /// Adds the table to `counts` (base areas in the order of `areaCodes`, periods of `model`) and
    /// the registrations to `accounting` (unknown and onbekend areas as invalid location or
    /// outside, periods as bad_date, unknown categories as overig). `higherLevelCodes` are the
    /// wijk/gemeente codes above the areas: their rows are left out, the scan adds up itself.
    /// Without a period column every row belongs to the current period.
    /// `used`, when given, sees every value added: its area, category (nullopt: overig), the
    /// table's period (nullopt without a period column) and the count.
    using UsedValue = std::function<void(std::size_t area, std::optional<std::size_t> category,
                                         const std::optional<TimeInterval>& period, std::uint64_t count)>;
    [[nodiscard]] CountTableReport addTo(const ScanModel& model, const std::vector<std::string>& areaCodes,
                                         const std::set<std::string>& higherLevelCodes, ScanCounts& counts,
                                         RecordAccounting& accounting, const UsedValue& used = {});

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace gebiedscan::pipeline
