#pragma once
// The identify panel's hour-of-week heat chart: 7 day rows (ma..zo) x 24 hour columns.
#include "hot_times.hpp"

#include <QWidget>

namespace gebiedscan::viewer {

/// Draws one HourOfWeek as a heat chart with a title and a colour scale. A week that is
/// suppressed, empty or absent shows a sentence saying so instead of a grid of zeros.
class HourOfWeekChart : public QWidget {
    Q_OBJECT
public:
    static constexpr int kClasses = 6; ///< colour classes of the non-zero hours

    explicit HourOfWeekChart(QWidget* parent = nullptr);

    /// `peak`: the area's busiest hour from the areas' `peak_total` (shown when the hours are
    /// not published); `note`: why they are not (replaces the general sentence when set).
    void setWeek(const HourOfWeek& week, const QString& title, const QString& peak = {}, const QString& note = {});
    [[nodiscard]] const HourOfWeek& week() const { return m_week; }
    [[nodiscard]] const QString& title() const { return m_title; }
    /// The sentence shown instead of the grid; empty when the grid is drawn.
    [[nodiscard]] QString message() const;

    /// The line beside the colour scale: the busiest hour and the total, or with hidden hours
    /// how many and the busiest published one (the published hours do not add up to the total).
    [[nodiscard]] QString caption() const;
    /// Where a cell is drawn (widget coordinates), for tests and tooltips.
    [[nodiscard]] QRectF cellRect(int day, int hour) const;
    /// Colour of an hour with weight `value` in a week whose busiest hour is `max`: light grey
    /// for 0, else class ceil(value / max * kClasses) on YlOrRd (skipping its near-white end).
    [[nodiscard]] static QColor cellColour(double value, double max);
    /// The fill of a hidden ("geheim") hour: grey hatch, as the maps draw "geheim".
    [[nodiscard]] static QBrush hiddenBrush();
    /// Translated short day name, 0 = Monday ("ma" in Dutch).
    [[nodiscard]] static QString dayName(int day);

    QSize sizeHint() const override { return {420, 190}; }
    QSize minimumSizeHint() const override { return {300, 170}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override; // tooltips with the hour's value

private:
    [[nodiscard]] QRectF gridRect() const;
    HourOfWeek m_week;
    QString m_title;
    QString m_peak;
    QString m_note;
};

} // namespace gebiedscan::viewer
