#pragma once
#include "scan_project.hpp"

#include <QAbstractTableModel>

#include <limits>

#include <functional>

namespace gebiedscan::viewer {

/// The gebiedscan sheet of one area for the identify panel: one row per theme with the current
/// and reference counts, change with its significance, rate, rank, trend and hotspot status.
/// Suppressed values show as "geheim", never as 0. With themes of several veiligheidsvelden
/// (numbers 1.x .. 5.x) each field gets a header row, and a sheet of several themes ends in a
/// "Totaal" row (n_total: what the scan wrote, suppression included).
class AreaSheetModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Theme, Current, Reference, Change, Significance, Rate, Rank, Trend, Hotspot, ColumnCount };

    explicit AreaSheetModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Shows `feature` of `layer`. `themes` gives the rows (labels included); `hotspotStatus`
    /// (e.g. "Hot spot, 95% confidence", of the hot spot layer under the area) goes into the
    /// headline; the hot spot column shows per-theme gi_label_<theme> fields when present.
    void setArea(std::shared_ptr<const LayerData> layer, std::size_t feature, const std::vector<ThemeInfo>& themes,
                 const QString& hotspotStatus = {});
    /// Shows the sum over several features of `layer` (a selection): counts and expected counts
    /// are summed, a sum with a suppressed part is itself "geheim" (never a sum treated as 0);
    /// change and the rate follow from the sums; significance, rank and trend stay empty.
    void setAreas(std::shared_ptr<const LayerData> layer, const std::vector<std::size_t>& features,
                  const std::vector<ThemeInfo>& themes);
    void clearArea();
    /// The theme the map shows: the headline names its count and hot spot status.
    void setFocusTheme(const QString& themeId, const QString& label);
    /// Header row of a veiligheidsveld, or the total row (bold; the header has no numbers).
    [[nodiscard]] bool isGroupRow(int row) const;
    [[nodiscard]] bool isTotalRow(int row) const;
    /// The sheet as Dutch-Excel CSV (';', decimal comma as shown): the headline, the header
    /// row and every row as displayed, for a council paper.
    [[nodiscard]] QString toCsv() const;
    /// Name of veiligheidsveld 1..5 ("Veilige woon- en leefomgeving"), empty for others.
    [[nodiscard]] static QString veldName(int veld);
    /// "Assen (GM0106), gemeente · 68,599 inhabitants · 3,410 registrations"
    [[nodiscard]] QString headline() const { return m_headline; }

    /// Significance text for a two-sided p-value and change direction.
    [[nodiscard]] static QString significanceText(double p, double changePct);

signals:
    void headlineChanged(const QString& headline);

private:
    enum class RowKind { Theme, Group, Total };
    struct Row {
        QString theme;
        double current, reference, change, p, rate, rank;
        QString significance, trend, hotspot;
        RowKind kind = RowKind::Theme;
        double eb = std::numeric_limits<double>::quiet_NaN(); ///< eb_<theme>: the EB-smoothed rate
        bool small = false; ///< klein_<theme> = 1: the rate is unreliable, marked with *
    };
    /// Rows for the themes (with veld headers when they span several) and the total.
    void fillRows(const std::vector<ThemeInfo>& themes, const std::function<Row(const QString& id)>& rowOf,
                  bool withTotal);
    std::vector<Row> m_rows;
    QString m_headline;
    QString m_focusTheme, m_focusLabel;
};

} // namespace gebiedscan::viewer
