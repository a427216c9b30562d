#pragma once
// What a report may show of a scan folder: its extern files as written (gebiedscan.gpkg,
// summary.json), read through the viewer's ScanProject. Nothing is recomputed from points, and
// a NULL stays NULL ("geheim") with every figure derived from it.
#include "scan_project.hpp"

#include <QJsonObject>

#include <memory>
#include <optional>

namespace gebiedscan::report {

/// A period of the scan (summary.json "periods").
struct ReportPeriod {
    QString id, from, toExclusive;
    bool current = false;
};

/// A theme of the model with its veiligheidsveld (summary.json "themes").
struct ReportTheme {
    QString id, number, label, labelEn;
    int veld = 0;
};

/// One source of the data (summary.json "sources", or the incident and area descriptions).
struct ReportSource {
    QString role, description, credit; ///< credit empty: the licence is not known
    bool synthetic = false;
};

/// The scan folder opened for a report. Throws gebiedscan::InputError when the folder holds no
/// scan (no summary.json or no area layer).
class ScanReportData {
public:
    explicit ScanReportData(const QString& folder);

    [[nodiscard]] const QJsonObject& summary() const { return m_summary; }
    [[nodiscard]] const QString& folder() const { return m_folder; }
    [[nodiscard]] const std::vector<ReportPeriod>& periods() const { return m_periods; }
    [[nodiscard]] std::optional<ReportPeriod> currentPeriod() const;
    [[nodiscard]] const std::vector<ReportTheme>& themes() const { return m_themes; }
    [[nodiscard]] const std::vector<ReportSource>& sources() const { return m_sources; }
    /// True when summary.json names the audience "intern" (police only, no protection).
    [[nodiscard]] bool internal() const;

    /// Levels present, finest first ("buurt", "wijk", "gemeente").
    [[nodiscard]] const QStringList& levels() const { return m_levels; }
    /// The area layer of a level; nullptr when absent.
    [[nodiscard]] std::shared_ptr<const viewer::LayerData> level(const QString& level) const;
    [[nodiscard]] std::shared_ptr<const viewer::LayerData> finest() const { return level(m_levels.value(0)); }
    /// The `hotspots` layer (finest level, per-theme Gi* classes); nullptr when absent.
    [[nodiscard]] std::shared_ptr<const viewer::LayerData> hotspots() const { return m_hotspots; }

    /// The figures table (counts per area, theme total and period), read on first use.
    [[nodiscard]] const viewer::FiguresTable& figures();
    /// The hour-of-week table, read on first use; nullptr when the scan has none.
    [[nodiscard]] const viewer::HotTimesTable* hotTimes();
    /// The levels whose hour-of-week rows the folder publishes (summary.json
    /// `suppression.hot_times`): nullopt = every level (key absent: intern); empty = none (a
    /// plain string: older extern scans); else the object's `levels` ({"levels": ["gemeente"],
    /// "hidden": N, "note": ...}: those levels' total rows, hidden hours NULL).
    [[nodiscard]] const std::optional<QStringList>& hotTimesLevels() const { return m_hotTimesLevels; }

    /// Index of the feature with this code in a layer, or nullopt.
    [[nodiscard]] static std::optional<std::size_t> find(const viewer::LayerData& layer, const QString& code);
    /// Text of a field, null when the field is absent or NULL.
    [[nodiscard]] static QString text(const viewer::LayerData& layer, std::size_t feature, const QString& field);
    /// Number of a field; NaN when absent or NULL (hasField tells them apart).
    [[nodiscard]] static double number(const viewer::LayerData& layer, std::size_t feature, const QString& field);
    [[nodiscard]] static bool hasField(const viewer::LayerData& layer, const QString& field);

private:
    QString m_folder;
    QJsonObject m_summary;
    std::vector<ReportPeriod> m_periods;
    std::vector<ReportTheme> m_themes;
    std::vector<ReportSource> m_sources;
    QStringList m_levels;
    std::vector<std::pair<QString, std::shared_ptr<const viewer::LayerData>>> m_levelLayers;
    std::shared_ptr<const viewer::LayerData> m_hotspots;
    viewer::LayerListModel m_layers;
    viewer::ScanProject m_project{&m_layers};
    bool m_figuresRead = false, m_hotTimesRead = false;
    std::optional<viewer::HotTimesTable> m_hotTimes;
    std::optional<QStringList> m_hotTimesLevels;
};

} // namespace gebiedscan::report
