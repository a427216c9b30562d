#pragma once
// Accidents of one black spot by year and severity, for the identify panel's bar chart.
// `gebiedscan blackspots` writes per spot only totals per year (n_<year>) and per severity
// (n_dod, n_let, n_ums); the cross-tabulation comes from its `accidents` table, whose
// `kruispunten` / `wegvakken` name the reported spots each accident counts in.
#include "map_layer.hpp"

#include <QHash>
#include <QString>

#include <array>
#include <vector>

namespace gebiedscan::viewer {

/// Severity classes in stacking order (bottom first): BRON AP3 codes.
enum class Severity { Fatal, Injury, DamageOnly, Unknown };
inline constexpr int kSeverityCount = 4;

/// Counts per year, split by severity when known.
struct AccidentsByYear {
    std::vector<int> years;                                 ///< ascending, every year of the period
    std::vector<std::array<double, kSeverityCount>> counts; ///< per year; NaN = not known
    bool bySeverity = false;                                ///< false: only totals per year (in Unknown) were available
    QString spot;                                           ///< "kruispunt 1234" / "wegvak ..." for the title

    [[nodiscard]] double total(std::size_t year) const;
    [[nodiscard]] double maxTotal() const;
};

/// The `accidents` table of a blackspots.gpkg, indexed by spot id.
class AccidentTable {
public:
    /// Reads `layer` of `gpkg` through gis::VectorReader. Throws InputError.
    [[nodiscard]] static AccidentTable load(const QString& gpkg, const QString& layer = QStringLiteral("accidents"));
    /// Adds one accident: year (0 = unknown), AP3 code (DOD, LET, UMS, else unknown) and the
    /// '/'-separated junction and section ids it counts in.
    void add(int year, const QString& severity, const QString& junctions, const QString& sections);
    [[nodiscard]] std::size_t size() const { return m_years.size(); }

    /// Year x severity of the spot `feature` of a black-spot layer (junctions or sections): the
    /// years come from its n_<year> fields (zero years included), the split from this table.
    [[nodiscard]] AccidentsByYear forSpot(const LayerData& spots, std::size_t feature) const;

private:
    std::vector<int> m_years;
    std::vector<Severity> m_severities;
    QHash<QString, std::vector<std::uint32_t>> m_junctions, m_sections; // id -> accident rows
};

/// Years and totals of a spot from its n_<year> fields alone (no accidents table).
[[nodiscard]] AccidentsByYear accidentsFromFields(const LayerData& spots, std::size_t feature);

/// Severity from a BRON AP3 code.
[[nodiscard]] Severity severityOf(const QString& ap3);

} // namespace gebiedscan::viewer
