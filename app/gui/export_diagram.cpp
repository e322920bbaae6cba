#include "app/gui/export_diagram.h"

#include "app/gui/canvas_scene.h"
#include "app/gui/document.h"
#include "estimators/markdown_writeup.h"

#include <QDir>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>

namespace napkin::gui {
namespace {

constexpr double diagramMargin = 24;

// While the scene renders for export: no selection (handles, highlights), no item caches, so that the
// items paint vectors and text rather than cached pixmaps, and the light palette even in a dark theme.
// All restored afterwards.
class PreparedForExport {
public:
    explicit PreparedForExport(CanvasScene& scene) : m_scene(scene), m_selection(scene.selection()) {
        m_scene.clearSelection();
        for (QGraphicsItem* item : m_scene.items()) {
            m_cacheModes.append({item, item->cacheMode()});
            item->setCacheMode(QGraphicsItem::NoCache);
        }
    }
    ~PreparedForExport() {
        for (const auto& [item, mode] : m_cacheModes)
            item->setCacheMode(mode);
        m_scene.select(m_selection);
    }
    PreparedForExport(const PreparedForExport&) = delete;
    PreparedForExport& operator=(const PreparedForExport&) = delete;

private:
    CanvasScene& m_scene;
    Selection m_selection;
    QList<std::pair<QGraphicsItem*, QGraphicsItem::CacheMode>> m_cacheModes;
    PaperPalette m_paper;
};

QRectF diagramRect(const CanvasScene& scene) {
    QRectF rect = scene.contentsRect();
    if (rect.isEmpty())
        rect = QRectF(0, 0, 200, 100);
    return rect.adjusted(-diagramMargin, -diagramMargin, diagramMargin, diagramMargin);
}

QImage renderImage(CanvasScene& scene, double scale) {
    const QRectF source = diagramRect(scene);
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    PreparedForExport prepared(scene);
    scene.render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    return image;
}

QString openForWriting(QSaveFile& file) {
    return file.open(QIODevice::WriteOnly) ? QString() : QObject::tr("cannot write %1: %2").arg(file.fileName(), file.errorString());
}

QString commit(QSaveFile& file) {
    return file.commit() ? QString() : QObject::tr("cannot write %1: %2").arg(file.fileName(), file.errorString());
}

QString writeSvg(CanvasScene& scene, QSaveFile& file) {
    const QRectF source = diagramRect(scene);
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(QString::fromStdString(scene.document().design().brief().title));
    generator.setDescription(QObject::tr("Exported by Napkin"));
    QPainter painter;
    if (!painter.begin(&generator))
        return QObject::tr("cannot start the SVG writer");
    PreparedForExport prepared(scene);
    scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    return {};
}

QString writePng(CanvasScene& scene, QSaveFile& file, double scale) {
    return renderImage(scene, scale).save(&file, "PNG") ? QString() : QObject::tr("cannot encode the PNG image");
}

QString writeDiagramPdf(CanvasScene& scene, QSaveFile& file) {
    const QRectF source = diagramRect(scene);
    QPdfWriter writer(&file);
    writer.setResolution(72); // one scene unit is one point
    writer.setPageSize(QPageSize(source.size(), QPageSize::Point));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(QString::fromStdString(scene.document().design().brief().title));
    writer.setCreator(QStringLiteral("Napkin"));
    QPainter painter;
    if (!painter.begin(&writer))
        return QObject::tr("cannot start the PDF writer");
    PreparedForExport prepared(scene);
    scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    return {};
}

// The diagram is rendered at 2× for sharpness; shown at the page's text width at most. Code blocks (the
// capacity working) wrap rather than run off the page.
void fitToPage(QTextDocument& document) {
    const qreal available = document.pageSize().width() - 2 * document.documentMargin();
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().nonBreakableLines()) {
            QTextBlockFormat format = block.blockFormat();
            format.setNonBreakableLines(false);
            QTextCursor(block).setBlockFormat(format);
        }
        for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment) {
            QTextImageFormat image = fragment.fragment().charFormat().toImageFormat();
            if (!image.isValid())
                continue;
            const QImage pixels = document.resource(QTextDocument::ImageResource, QUrl(image.name())).value<QImage>();
            if (pixels.isNull())
                continue;
            const qreal width = std::min<qreal>(available, pixels.width() / 2.0);
            image.setWidth(width);
            image.setHeight(width * pixels.height() / pixels.width());
            QTextCursor cursor(&document);
            cursor.setPosition(fragment.fragment().position());
            cursor.setPosition(fragment.fragment().position() + fragment.fragment().length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(image);
        }
    }
}

std::string templateOrDefault(const std::string& templateText) {
    return templateText.empty() ? defaultWriteupTemplate() : templateText;
}

} // namespace

QString exportDiagram(CanvasScene& scene, DiagramFormat format, const QString& path, double scale) {
    QSaveFile file(path);
    if (QString error = openForWriting(file); !error.isEmpty())
        return error;
    QString error;
    switch (format) {
    case DiagramFormat::Svg: error = writeSvg(scene, file); break;
    case DiagramFormat::Png: error = writePng(scene, file, scale); break;
    case DiagramFormat::Pdf: error = writeDiagramPdf(scene, file); break;
    }
    if (!error.isEmpty()) {
        file.cancelWriting();
        return error;
    }
    return commit(file);
}

QString exportWriteupWithDiagram(CanvasScene& scene, const QString& markdownPath, const std::string& templateText) {
    const QFileInfo info(markdownPath);
    const QString imageName = info.completeBaseName() + ".png";
    std::string markdown;
    try {
        markdown = writeupForDesign(scene.document().design(), templateOrDefault(templateText), imageName.toStdString());
    } catch (const WriteupTemplateError& error) {
        return QString::fromStdString(error.what());
    }
    if (QString error = exportDiagram(scene, DiagramFormat::Png, info.dir().filePath(imageName), 2); !error.isEmpty())
        return error;
    QSaveFile file(markdownPath);
    if (QString error = openForWriting(file); !error.isEmpty())
        return error;
    file.write(markdown.data(), static_cast<qint64>(markdown.size()));
    return commit(file);
}

QString exportWriteupPdf(CanvasScene& scene, const QString& path, const std::string& templateText) {
    const QString imageName = QStringLiteral("napkin-diagram.png");
    std::string markdown;
    try {
        markdown = writeupForDesign(scene.document().design(), templateOrDefault(templateText), imageName.toStdString());
    } catch (const WriteupTemplateError& error) {
        return QString::fromStdString(error.what());
    }
    QSaveFile file(path);
    if (QString error = openForWriting(file); !error.isEmpty())
        return error;
    QPdfWriter writer(&file);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setTitle(QString::fromStdString(scene.document().design().brief().title));
    writer.setCreator(QStringLiteral("Napkin"));
    QTextDocument document;
    document.setMarkdown(QString::fromStdString(markdown)); // clears resources, so the image comes after
    document.setPageSize(writer.pageLayout().paintRectPoints().size());
    document.addResource(QTextDocument::ImageResource, QUrl(imageName), renderImage(scene, 2));
    fitToPage(document);
    document.print(&writer);
    return commit(file);
}

QImage diagramImage(const Design& design, double scale) {
    Document document;
    CanvasScene scene(document);
    document.reset(design, {});
    return renderImage(scene, scale);
}

std::string exportDesignHeadless(const Design& design, const std::string& what, const std::string& path, double scale,
                                 const std::string& templateText) {
    Document document;
    CanvasScene scene(document);
    document.reset(design, {});
    const QString target = QString::fromStdString(path);
    QString error;
    if (what == "svg")
        error = exportDiagram(scene, DiagramFormat::Svg, target);
    else if (what == "png")
        error = exportDiagram(scene, DiagramFormat::Png, target, scale);
    else if (what == "diagram-pdf")
        error = exportDiagram(scene, DiagramFormat::Pdf, target);
    else if (what == "pdf")
        error = exportWriteupPdf(scene, target, templateText);
    else if (what == "md")
        error = exportWriteupWithDiagram(scene, target, templateText);
    else
        error = QObject::tr("unknown export '%1'").arg(QString::fromStdString(what));
    return error.toStdString();
}

} // namespace napkin::gui
