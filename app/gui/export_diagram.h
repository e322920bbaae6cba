#pragma once
// Exports that need the canvas: the diagram as SVG, PNG (1× or 2×) or PDF, the write-up with its diagram as
// an image beside it, and the write-up as one PDF with the diagram inline. The scene is rendered as the
// model draws it, without the view's grid, selection handles or other helpers. Every function writes through
// QSaveFile, so a failure never leaves a half-written file, and returns an empty string or the reason.
//
// The editor's Export menu and `napkin export` both call exportDesign, which draws the design in a scene of
// its own: the same bytes whatever the editor shows (analysis badges, a what-if, a zoom, the dark theme).
// PDF files carry their creation time and a random document id, so two PDFs differ there only.

#include "model/design.h"

#include <QImage>
#include <QPixmap>
#include <QSize>
#include <QString>
#include <string>

namespace napkin::gui {

class CanvasScene;

enum class DiagramFormat { Svg, Png, Pdf };

/// The diagram of `scene` as `format`; `scale` multiplies the pixel size of a PNG (1 or 2).
/// When the image would be too large, it is drawn at a smaller scale and `warning` (if given) says so.
QString exportDiagram(CanvasScene& scene, DiagramFormat format, const QString& path, double scale = 1,
                      QString* warning = nullptr);

/// The Markdown write-up at `markdownPath` with the diagram as a PNG beside it (same name, ".png"), which
/// the write-up shows as an image. `templateText` empty means the built-in template.
QString exportWriteupWithDiagram(CanvasScene& scene, const QString& markdownPath, const std::string& templateText = {},
                                 QString* warning = nullptr);

/// The whole write-up as a PDF, the diagram inline.
/// Fails, writing nothing, when the diagram cannot be drawn: a write-up without its diagram is not a success.
QString exportWriteupPdf(CanvasScene& scene, const QString& path, const std::string& templateText = {},
                         QString* warning = nullptr);

/// The diagram of `design` as the PNG export draws it, at `scale` (the gallery's thumbnails).
QImage diagramImage(const Design& design, double scale);
/// The diagram drawn at `scale` and fitted into `box` (device-independent pixels) for a screen of
/// `devicePixelRatio`: rendered and fitted at that many device pixels, so it stays sharp at 200 % scaling.
QPixmap diagramPixmap(const Design& design, double scale, QSize box, qreal devicePixelRatio);

/// The one export of what needs a canvas, for the Export menu and `napkin export` (cli::DiagramRenderer;
/// needs a QApplication, e.g. with the offscreen platform): loads `design` into a scene of its own, without
/// analysis overlays, and exports it. `what` is "svg", "png", "pdf" (write-up),
/// "diagram-pdf" or "md" (write-up with the PNG beside it); `path` is the file name's bytes. Returns empty or
/// the reason; `warning` says when the image was drawn at a smaller scale to fit.
std::string exportDesign(const Design& design, const std::string& what, const std::string& path,
                           double scale, const std::string& templateText, std::string& warning);

} // namespace napkin::gui
