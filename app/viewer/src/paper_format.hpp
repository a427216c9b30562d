#pragma once
// The paper a map is exported on: A4 or A3, portrait or landscape, with a 10 mm margin.
#include <QPageLayout>
#include <QPageSize>
#include <QSizeF>

namespace gebiedscan::viewer {

/// Paper size and orientation of a print export (PNG or PDF).
struct PaperFormat {
    enum class Size { A4, A3 };
    Size size = Size::A4;
    bool landscape = true;
    static constexpr double kMarginMm = 10;

    [[nodiscard]] QPageSize pageSize() const { return QPageSize(size == Size::A3 ? QPageSize::A3 : QPageSize::A4); }
    [[nodiscard]] QPageLayout pageLayout() const
    {
        return QPageLayout(pageSize(), landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                           QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter);
    }
    /// The printable area in logical pixels (1/96 inch): what PrintLayout lays out.
    [[nodiscard]] QSizeF logicalSize() const
    {
        const QSizeF mm = pageLayout().paintRect(QPageLayout::Millimeter).size();
        return {mm.width() / 25.4 * 96, mm.height() / 25.4 * 96};
    }
};

} // namespace gebiedscan::viewer
