#include "report_drawing.hpp"

#include <QAbstractTextDocumentLayout>
#include <QTextDocument>
#include <QTextImageFormat>

namespace gebiedscan::report {

ReportDrawingHandler::ReportDrawingHandler(const QHash<QString, ReportDrawing>& drawings, QObject* parent)
    : QObject(parent), m_drawings(drawings)
{}

void ReportDrawingHandler::install(QTextDocument& document)
{
    QAbstractTextDocumentLayout* layout = document.documentLayout();
    m_images = layout->handlerForObject(QTextFormat::ImageObject);
    layout->registerHandler(QTextFormat::ImageObject, this);
}

QSizeF ReportDrawingHandler::intrinsicSize(QTextDocument* doc, int posInDocument, const QTextFormat& format)
{
    // The box is the image's (its width in the HTML, its aspect): the drawing is scaled into it.
    return m_images ? m_images->intrinsicSize(doc, posInDocument, format) : QSizeF();
}

void ReportDrawingHandler::drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int posInDocument,
                                      const QTextFormat& format)
{
    const auto it = m_drawings.constFind(format.toImageFormat().name());
    if (it == m_drawings.constEnd() || it->size.isEmpty() || !it->paint) {
        if (m_images) m_images->drawObject(painter, rect, doc, posInDocument, format);
        return;
    }
    painter->save();
    painter->translate(rect.topLeft());
    painter->scale(rect.width() / it->size.width(), rect.height() / it->size.height());
    painter->setClipRect(QRectF(QPointF(0, 0), it->size), Qt::IntersectClip);
    it->paint(*painter);
    painter->restore();
}

} // namespace gebiedscan::report
