#pragma once
// The identify panel's bar chart of a black spot: accidents per year, stacked by severity.
#include "accident_history.hpp"

#include <QWidget>

namespace gebiedscan::viewer {

/// Years on x, one bar per year stacked dodelijk / letsel / UMS / onbekend (bottom first), the
/// total above each bar and a legend of the severities present.
class AccidentChart : public QWidget {
    Q_OBJECT
public:
    explicit AccidentChart(QWidget* parent = nullptr);

    void setAccidents(const AccidentsByYear& accidents, const QString& title);
    [[nodiscard]] const AccidentsByYear& accidents() const { return m_data; }
    [[nodiscard]] const QString& title() const { return m_title; }

    /// Where the part of `severity` of year index `year` is drawn (empty when zero), for tests.
    [[nodiscard]] QRectF segmentRect(std::size_t year, Severity severity) const;
    [[nodiscard]] static QColor severityColour(Severity severity);
    [[nodiscard]] static QString severityName(Severity severity);

    QSize sizeHint() const override { return {420, 200}; }
    QSize minimumSizeHint() const override { return {260, 170}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    [[nodiscard]] QRectF plotRect() const;
    [[nodiscard]] double scaleMax() const;
    AccidentsByYear m_data;
    QString m_title;
};

} // namespace gebiedscan::viewer
