#pragma once
// A figure of the report as painting rather than pixels: the PDF draws maps, their furniture and
// the charts with QPainter onto the page (text and lines stay vectors, so the file is small and
// sharp at any zoom), while the HTML gets the same figure as an image.
#include <QHash>
#include <QObject>
#include <QPainter>
#include <QSizeF>
#include <QTextObjectInterface>

#include <functional>

namespace gebiedscan::report {

/// A figure in its own logical pixels: `paint` draws it at (0, 0) in a box of `size`.
struct ReportDrawing {
    QSizeF size;
    std::function<void(QPainter&)> paint;
};

/// Draws the images of a QTextDocument that have a drawing by that drawing (scaled into the
/// image's box), every other image as Qt does. Install with install() after the document's
/// layout has its paint device.
class ReportDrawingHandler : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    /// Borrows `drawings` (image name -> drawing) for the life of the document.
    ReportDrawingHandler(const QHash<QString, ReportDrawing>& drawings, QObject* parent = nullptr);

    /// Takes over the document's image objects (keeping Qt's handler for sizes and the others).
    void install(QTextDocument& document);

    QSizeF intrinsicSize(QTextDocument* doc, int posInDocument, const QTextFormat& format) override;
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int posInDocument,
                    const QTextFormat& format) override;

private:
    const QHash<QString, ReportDrawing>& m_drawings;
    QTextObjectInterface* m_images = nullptr; // Qt's own image handler
};

} // namespace gebiedscan::report
