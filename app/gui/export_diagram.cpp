#include "app/gui/export_diagram.h"

#include "app/gui/canvas_scene.h"
#include "app/gui/document.h"
#include "app/gui/svg_writer.h"
#include "estimators/markdown_writeup.h"
#include "model/file_io.h"

#include <QDir>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QBuffer>
#include <QFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

namespace napkin::gui {
namespace {

constexpr double diagramMargin = 24;

// While the scene renders for export: no selection (handles, highlights), no request path marked, no item
// caches, so that the items paint vectors and text rather than cached pixmaps, and the light palette even in
// a dark theme. All restored afterwards.
class PreparedForExport {
public:
    explicit PreparedForExport(CanvasScene& scene)
        : m_scene(scene), m_selection(scene.selection()), m_path(scene.pathHighlight()) {
        m_scene.clearSelection();
        m_scene.setPathHighlight({}, {});
        for (QGraphicsItem* item : m_scene.items()) {
            m_cacheModes.append({item, item->cacheMode()});
            item->setCacheMode(QGraphicsItem::NoCache);
        }
    }
    ~PreparedForExport() {
        for (const auto& [item, mode] : m_cacheModes)
            item->setCacheMode(mode);
        m_scene.select(m_selection);
        m_scene.setPathHighlight(m_path.first, m_path.second);
    }
    PreparedForExport(const PreparedForExport&) = delete;
    PreparedForExport& operator=(const PreparedForExport&) = delete;

private:
    CanvasScene& m_scene;
    Selection m_selection;
    std::pair<QStringList, QStringList> m_path;
    QList<std::pair<QGraphicsItem*, QGraphicsItem::CacheMode>> m_cacheModes;
    PaperPalette m_paper;
};

QRectF diagramRect(const CanvasScene& scene) {
    QRectF rect = scene.contentsRect();
    if (rect.isEmpty())
        rect = QRectF(0, 0, 200, 100);
    return rect.adjusted(-diagramMargin, -diagramMargin, diagramMargin, diagramMargin);
}

// The largest image Napkin renders: 16,384 pixels a side and 32 million pixels (128 MB) in all. A design
// spread wider than that is drawn at a smaller scale, with a warning, rather than failing or allocating
// gigabytes.
constexpr double maxImageSide = 16384;
constexpr double maxImagePixels = 32e6;

double fittedScale(const QSizeF& size, double scale) {
    const double bySide = std::min(maxImageSide / size.width(), maxImageSide / size.height());
    const double byArea = std::sqrt(maxImagePixels / (size.width() * size.height()));
    return std::min({scale, bySide, byArea});
}

QImage renderImage(CanvasScene& scene, double scale, QString* warning = nullptr) {
    const QRectF source = diagramRect(scene);
    const double fitted = fittedScale(source.size(), scale);
    if (fitted < scale && warning)
        *warning = QObject::tr("the diagram would be %1 × %2 pixels at scale %3, more than Napkin renders (%4 "
                               "pixels a side, %5 million in all); drawn at scale %6 instead")
                       .arg(std::ceil(source.width() * scale))
                       .arg(std::ceil(source.height() * scale))
                       .arg(scale)
                       .arg(maxImageSide)
                       .arg(maxImagePixels / 1e6)
                       .arg(fitted, 0, 'g', 3);
    const QSize pixels = QSize(static_cast<int>(source.width() * fitted), static_cast<int>(source.height() * fitted))
                             .expandedTo(QSize(1, 1)); // rounded down, to stay within the bounds
    QImage image(pixels, QImage::Format_ARGB32);
    if (image.isNull())
        return image;
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    PreparedForExport prepared(scene);
    scene.render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    return image;
}

// Every export is made in memory and then written by the model's writeFileAtomically, which follows
// symbolic links, keeps permissions, writes devices and pipes in place and reports the system's reason
// (a full disk says "No space left on device").
QString writeBytes(const std::string& path, std::string_view bytes) {
    const SaveResult saved = writeFileAtomically(path, bytes);
    return saved.ok ? QString() : QString::fromStdString(saved.error);
}

QString writeBytes(const std::string& path, const QByteArray& bytes) {
    return writeBytes(path, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

std::string systemPath(const QString& path) { return QFile::encodeName(path).toStdString(); }

// The whole SVG in memory, as compact UTF-8 (svg_writer.h says why not QSvgGenerator).
std::string diagramSvg(CanvasScene& scene) {
    const QRectF source = diagramRect(scene);
    std::string svg;
    SvgWriter writer(svg, source.size(), QString::fromStdString(scene.document().design().brief().title),
                     QObject::tr("Exported by Napkin"));
    QPainter painter(&writer);
    PreparedForExport prepared(scene);
    scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    return svg;
}

QString writePng(CanvasScene& scene, QIODevice& file, double scale, QString* warning) {
    const QImage image = renderImage(scene, scale, warning);
    if (image.isNull())
        return QObject::tr("cannot allocate the diagram image");
    return image.save(&file, "PNG") ? QString() : QObject::tr("cannot encode the PNG image");
}

QString writeDiagramPdf(CanvasScene& scene, QIODevice& file) {
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

// The diagram in `format`, in memory.
QString renderDiagram(CanvasScene& scene, DiagramFormat format, double scale, QByteArray& bytes, QString* warning) {
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    switch (format) {
    case DiagramFormat::Svg: break; // see exportDiagramTo
    case DiagramFormat::Png: return writePng(scene, buffer, scale, warning);
    case DiagramFormat::Pdf: return writeDiagramPdf(scene, buffer);
    }
    return {};
}

QString exportDiagramTo(CanvasScene& scene, DiagramFormat format, const std::string& path, double scale,
                        QString* warning) {
    if (format == DiagramFormat::Svg)
        return writeBytes(path, diagramSvg(scene));
    QByteArray bytes;
    if (QString error = renderDiagram(scene, format, scale, bytes, warning); !error.isEmpty())
        return error;
    return writeBytes(path, bytes);
}

// The diagram beside a write-up at `markdownPath`: same folder, same name, ".png".
std::string diagramPathBeside(const std::string& markdownPath) {
    const std::size_t slash = markdownPath.rfind('/');
    const std::size_t nameStart = slash == std::string::npos ? 0 : slash + 1;
    const std::size_t dot = markdownPath.rfind('.');
    const std::size_t nameEnd = dot == std::string::npos || dot <= nameStart ? markdownPath.size() : dot;
    return markdownPath.substr(0, nameEnd) + ".png";
}

QString exportWriteupWithDiagramTo(CanvasScene& scene, const std::string& markdownPath,
                                   const std::string& templateText, QString* warning) {
    const std::string imagePath = diagramPathBeside(markdownPath);
    const std::size_t slash = imagePath.rfind('/');
    const std::string imageName = slash == std::string::npos ? imagePath : imagePath.substr(slash + 1);
    std::string markdown;
    try {
        markdown = writeupForDesign(scene.document().design(), templateOrDefault(templateText), imageName);
    } catch (const WriteupTemplateError& error) {
        return QString::fromStdString(error.what());
    }
    if (QString error = exportDiagramTo(scene, DiagramFormat::Png, imagePath, 2, warning); !error.isEmpty())
        return error;
    return writeBytes(markdownPath, QByteArray::fromStdString(markdown));
}

QString exportWriteupPdfTo(CanvasScene& scene, const std::string& path, const std::string& templateText,
                           QString* warning) {
    const QString imageName = QStringLiteral("napkin-diagram.png");
    std::string markdown;
    try {
        markdown = writeupForDesign(scene.document().design(), templateOrDefault(templateText), imageName.toStdString());
    } catch (const WriteupTemplateError& error) {
        return QString::fromStdString(error.what());
    }
    const QImage diagram = renderImage(scene, 2, warning);
    if (diagram.isNull()) // a write-up without its diagram is not what was asked for
        return QObject::tr("cannot allocate the diagram image");
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setTitle(QString::fromStdString(scene.document().design().brief().title));
    writer.setCreator(QStringLiteral("Napkin"));
    QTextDocument document;
    document.setMarkdown(QString::fromStdString(markdown)); // clears resources, so the image comes after
    document.setPageSize(writer.pageLayout().paintRectPoints().size());
    document.addResource(QTextDocument::ImageResource, QUrl(imageName), diagram);
    fitToPage(document);
    document.print(&writer);
    return writeBytes(path, bytes);
}

} // namespace

QString exportDiagram(CanvasScene& scene, DiagramFormat format, const QString& path, double scale, QString* warning) {
    return exportDiagramTo(scene, format, systemPath(path), scale, warning);
}

QString exportWriteupWithDiagram(CanvasScene& scene, const QString& markdownPath, const std::string& templateText,
                                 QString* warning) {
    return exportWriteupWithDiagramTo(scene, systemPath(markdownPath), templateText, warning);
}

QString exportWriteupPdf(CanvasScene& scene, const QString& path, const std::string& templateText, QString* warning) {
    return exportWriteupPdfTo(scene, systemPath(path), templateText, warning);
}

QImage diagramImage(const Design& design, double scale) {
    Document document;
    CanvasScene scene(document);
    document.reset(design, {});
    return renderImage(scene, scale);
}

QPixmap diagramPixmap(const Design& design, double scale, QSize box, qreal devicePixelRatio) {
    const qreal ratio = std::max<qreal>(1, devicePixelRatio);
    QImage image = diagramImage(design, scale * ratio);
    if (image.isNull())
        return {};
    image = image.scaled(box * ratio, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    image.setDevicePixelRatio(ratio);
    return QPixmap::fromImage(image);
}

std::string exportDesign(const Design& design, const std::string& what, const std::string& path, double scale,
                                 const std::string& templateText, std::string& warning) {
    Document document;
    CanvasScene scene(document);
    document.reset(design, {});
    QString error;
    QString fitted;
    if (what == "svg")
        error = exportDiagramTo(scene, DiagramFormat::Svg, path, 1, &fitted);
    else if (what == "png")
        error = exportDiagramTo(scene, DiagramFormat::Png, path, scale, &fitted);
    else if (what == "diagram-pdf")
        error = exportDiagramTo(scene, DiagramFormat::Pdf, path, 1, &fitted);
    else if (what == "pdf")
        error = exportWriteupPdfTo(scene, path, templateText, &fitted);
    else if (what == "md")
        error = exportWriteupWithDiagramTo(scene, path, templateText, &fitted);
    else
        error = QObject::tr("unknown export '%1'").arg(QString::fromStdString(what));
    warning = fitted.toStdString();
    return error.toStdString();
}

} // namespace napkin::gui
