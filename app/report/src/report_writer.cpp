#include "report_writer.hpp"

#include "report_document.hpp"
#include "report_drawing.hpp"
#include "scan_report_data.hpp"

#include "gebiedscan/core/error.hpp"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QUrl>

#include <cmath>

namespace gebiedscan::report {

namespace {

void commit(QSaveFile& file, const QString& path)
{
    if (!file.commit()) throw OutputError(("kan '" + path + "' niet schrijven: " + file.errorString()).toStdString());
}

// A sheet's heading never stays alone at a page's foot with its map on the next page. Qt's
// layout has no keep-with-next (and breaks a table row between lines), so a heading (h2) whose
// map (the next figure, within a few blocks) does not end on the heading's page gets a page
// break before it.
// Returns the number of headings moved.
int keepHeadingsWithTheirMaps(QTextDocument& doc)
{
    const double pageHeight = doc.pageSize().height();
    if (pageHeight <= 0) return 0;
    auto* layout = doc.documentLayout();
    const auto page = [&](double y) { return static_cast<int>(std::floor(y / pageHeight)); };
    int moved = 0;
    const double room = QFontMetricsF(doc.defaultFont(), layout->paintDevice()).height() * 9;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        const QTextBlockFormat format = b.blockFormat();
        if (format.headingLevel() != 2 || (format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore) ||
            QTextCursor(b).currentFrame() != doc.rootFrame())
            continue;
        QTextBlock figure = b.next();
        for (int k = 0; k < 3 && figure.isValid() && !figure.text().contains(QChar::ObjectReplacementCharacter); ++k)
            figure = figure.next();
        if (!figure.isValid() || !figure.text().contains(QChar::ObjectReplacementCharacter)) continue;
        // What stays together: the heading, the map and room below it for the table's heading,
        // its header row of three lines and a first row (about nine lines of text), so "Cijfers per
        // veiligheidsveld" never ends a page alone.
        const double end = layout->blockBoundingRect(figure).bottom() + room;
        if (page(layout->blockBoundingRect(b).top() + 1) == page(end)) continue;
        QTextBlockFormat broken = format;
        broken.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(b).setBlockFormat(broken);
        // Everything below the break moves, but Qt relays out only the changed block (a table
        // frame would keep its old place): mark the rest, laid out again when next measured.
        doc.markContentsDirty(b.position(), doc.characterCount() - b.position());
        ++moved;
    }
    return moved;
}

} // namespace

QString htmlPathFor(const QString& pdf)
{
    const QFileInfo info(pdf);
    const QString base = info.suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0 ? info.completeBaseName()
                                                                                               : info.fileName();
    return info.dir().filePath(base + QStringLiteral(".html"));
}

ReportResult writeReport(const ReportOptions& options, pipeline::Reporter& reporter)
{
    if (options.pdf.isEmpty()) throw InputError("geef met --out het PDF-bestand dat gemaakt moet worden");
    ScanReportData data(options.scanFolder);
    ReportDocument document(data, options);
    const ReportContent content = document.build();
    reporter.info(QStringLiteral("Rapport: %1 %2 per %3")
                      .arg(content.sheets)
                      .arg(content.sheets == 1 ? QStringLiteral("blad") : QStringLiteral("bladen"), content.level)
                      .toStdString());

    ReportResult result;
    result.pdf = options.pdf;
    result.html = htmlPathFor(options.pdf);
    result.sheets = content.sheets;
    result.level = content.level;

    // A folder named in --out that does not exist yet is made (rapporten/2024/meppel.pdf), as
    // `scan --out` makes its folder; one that cannot be made is one clear error.
    if (const QString folder = QFileInfo(result.pdf).absolutePath(); !QDir().mkpath(folder))
        throw OutputError(("kan de map '" + folder +
                           "' voor --out niet maken (bestaat er een bestand met die naam, "
                           "of ontbreekt schrijfrecht?)")
                              .toStdString());

    // PDF: Qt's text layout breaks the pages (tables between rows, their header repeated).
    {
        QSaveFile file(result.pdf);
        if (!file.open(QIODevice::WriteOnly))
            throw OutputError(("kan '" + result.pdf + "' niet schrijven: " + file.errorString()).toStdString());
        QPdfWriter pdf(&file);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(18, 15, 18, 12), QPageLayout::Millimeter);
        pdf.setResolution(300);
        pdf.setTitle(content.title);
        pdf.setCreator(QStringLiteral("gebiedscan report"));
        QTextDocument doc;
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(9);
        doc.setDefaultFont(font);
        doc.documentLayout()->setPaintDevice(&pdf); // points and image widths at the PDF's resolution
        // Maps and charts are painted onto the page, not embedded as their HTML images.
        ReportDrawingHandler drawings(content.drawings);
        drawings.install(doc);
        for (const auto& [name, image] : content.images)
            doc.addResource(QTextDocument::ImageResource, QUrl(name), image);
        doc.setHtml(content.html);
        // Our own page loop rather than QTextDocument::print: a footer on every page that says
        // what the page is part of (and SYNTHETISCH where it applies), and the page count known.
        const QRectF paper = pdf.pageLayout().paintRectPixels(pdf.resolution());
        QFont footerFont(QStringLiteral("DejaVu Sans"));
        footerFont.setPointSizeF(7);
        const double footerH = QFontMetricsF(footerFont, &pdf).height() * 2.2;
        const QSizeF body(paper.width(), paper.height() - footerH);
        doc.setPageSize(body);
        QTextFrameFormat frame = doc.rootFrame()->frameFormat();
        frame.setMargin(0);
        doc.rootFrame()->setFrameFormat(frame);
        // Checked again on a fresh layout until nothing moves (once, in practice).
        for (int round = 0; round < 4 && keepHeadingsWithTheirMaps(doc) > 0; ++round)
            doc.markContentsDirty(0, doc.characterCount());
        QPainter painter(&pdf);
        const int pages = doc.pageCount();
        for (int i = 0; i < pages; ++i) {
            if (i > 0) pdf.newPage();
            painter.save();
            painter.translate(0, -i * body.height());
            doc.drawContents(&painter, QRectF(0, i * body.height(), body.width(), body.height()));
            painter.restore();
            painter.setFont(footerFont);
            painter.setPen(QColor(90, 90, 90));
            const QRectF line(0, paper.height() - footerH * 0.6, body.width(), footerH * 0.6);
            painter.drawLine(QPointF(0, line.top() - footerH * 0.15),
                             QPointF(body.width(), line.top() - footerH * 0.15));
            const QString number =
                (options.english ? QStringLiteral("page %1 of %2") : QStringLiteral("pagina %1 van %2"))
                    .arg(i + 1)
                    .arg(pages);
            const QFontMetricsF fm(footerFont, &pdf);
            const double room =
                line.width() - fm.horizontalAdvance(number) - fm.horizontalAdvance(QStringLiteral("MM"));
            painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                             fm.elidedText(content.footer, Qt::ElideRight, room));
            painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, number);
        }
        painter.end();
        result.pages = pages;
        commit(file, result.pdf);
    }
    // HTML: the same body, each image inline so the file stands alone (mail, intranet).
    {
        QHash<QString, const QByteArray*> images;
        for (const auto& [name, bytes] : content.images) images.insert(name, &bytes);
        QSaveFile file(result.html);
        if (!file.open(QIODevice::WriteOnly))
            throw OutputError(("kan '" + result.html + "' niet schrijven: " + file.errorString()).toStdString());
        // One pass over the text, writing as we go: hundreds of maps make a large file.
        const QString& html = content.html;
        const QString marker = QStringLiteral("src=\"");
        qsizetype at = 0;
        bool ok = true;
        while (ok) {
            const qsizetype src = html.indexOf(marker, at);
            const qsizetype end = src < 0 ? -1 : html.indexOf(QLatin1Char('"'), src + marker.size());
            if (end < 0) {
                ok = file.write(html.mid(at).toUtf8()) >= 0;
                break;
            }
            const QString name = html.mid(src + marker.size(), end - src - marker.size());
            ok = file.write(html.mid(at, src + marker.size() - at).toUtf8()) >= 0;
            if (const auto* bytes = images.value(name))
                ok = ok && file.write("data:image/png;base64,") >= 0 && file.write(bytes->toBase64()) >= 0;
            else
                ok = ok && file.write(name.toUtf8()) >= 0;
            at = end;
        }
        if (!ok) throw OutputError(("kan '" + result.html + "' niet schrijven: " + file.errorString()).toStdString());
        commit(file, result.html);
    }
    return result;
}

} // namespace gebiedscan::report
