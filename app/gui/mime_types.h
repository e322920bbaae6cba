#pragma once
// The MIME types the editor exchanges through drag-and-drop and the clipboard. Declared once, here.

#include <QString>

namespace napkin::gui {

/// A palette entry being dragged: the payload is the catalog kind id (UTF-8), or zoneKindPrefix + a zone kind
/// ("zone:region"), or noteKind.
inline constexpr char kindMimeType[] = "application/x-napkin-kind";
inline const QString zoneKindPrefix = QStringLiteral("zone:");
inline const QString noteKind = QStringLiteral("note");
/// Copied components, links, zones and notes: the payload is napkin::fragmentToJson as UTF-8 JSON.
inline constexpr char fragmentMimeType[] = "application/x-napkin-fragment";

} // namespace napkin::gui
