#pragma once
// AOL (afspraken op locatie): candidate locations for interventions agreed with the municipality.
#include "map_decorations.hpp"

#include <QAbstractTableModel>
#include <QDate>

#include <vector>

namespace gebiedscan::viewer {

/// One AOL candidate location, position in RD New metres.
struct AolCandidate {
    int number = 0;
    PointRd position;
    QString area;     ///< area code and name under the location, filled in when placed
    QString theme;    ///< theme id or label
    QString reason;   ///< why here (hotspot, complaints, ...)
    QString partners; ///< gemeente, woningcorporatie, ...
    QString period;   ///< when the agreement runs
};

/// Editable table of AOL candidates; saved as GeoPackage (layer "aol"), Shapefile and CSV.
class AolModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Number, Area, Theme, Reason, Partners, Period, X, Y, ColumnCount };

    explicit AolModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;

    /// Adds a candidate (numbered after the highest number so far); returns its row.
    int addCandidate(AolCandidate candidate);
    /// Moves candidate `row` to `position`; `area` is the area label there (code and name).
    /// Returns false for a bad row.
    bool moveCandidate(int row, PointRd position, const QString& area);
    [[nodiscard]] const std::vector<AolCandidate>& candidates() const { return m_items; }
    [[nodiscard]] std::vector<AolMarker> markers() const;

    /// Writes `<folder>/aol.gpkg`, `aol.shp` (+ field map) and `aol.csv` (Dutch Excel CSV).
    /// Throws gebiedscan::OutputError.
    void save(const QString& folder) const;
    /// Replaces the candidates with those of an AOL GeoPackage/Shapefile. Throws InputError.
    void load(const QString& file);

signals:
    void candidatesChanged();

private:
    std::vector<AolCandidate> m_items;
};

} // namespace gebiedscan::viewer
