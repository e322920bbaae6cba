#pragma once
// The hook through which `napkin export` reaches the editor's renderer for the formats that need the canvas
// (SVG, PNG, PDF, and Markdown with its diagram image). napkin::cli does not link the editor; the napkin
// executable, which links both, installs napkin::gui::exportDesignHeadless here.

#include "model/design.h"

#include <string>

namespace napkin::cli {

/// Renders `what` ("svg", "png", "pdf", "diagram-pdf" or "md") of `design` to `path` (bytes for the operating
/// system); returns "" or the reason. `warning` says what was changed to make it fit (a smaller image scale).
using SceneExporter = std::string (*)(const Design& design, const std::string& what, const std::string& path,
                                      double scale, const std::string& templateText, std::string& warning);

/// Without an exporter, svg, png and pdf report that they are not available and md is text only.
void setSceneExporter(SceneExporter exporter);

} // namespace napkin::cli
