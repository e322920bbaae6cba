#pragma once
// Where the editor proposes to save and export: the folder the user last chose for that purpose, else the
// design's own folder, else Documents; never the examples and problems Napkin ships, which are read-only in
// an installed copy and not the user's to fill.

#include <QString>

namespace napkin::gui {

/// Remembered folders, one per purpose (QSettings "places/<purpose>").
inline constexpr auto saveFolderKey = "save";
inline constexpr auto exportFolderKey = "export";

/// True when `folder` is, or lies inside, the resources Napkin ships (an installed share/napkin, or a
/// source tree's resources/ holding catalog/catalog.json).
bool isBundledFolder(const QString& folder);

/// The folder to propose for `purpose`: the remembered one when it still exists, else the folder of
/// `designPath` when it is writable and not bundled, else the user's Documents folder (or home).
QString proposedFolder(const QString& purpose, const QString& designPath);

/// Remembers the folder of `chosenPath` for `purpose`.
void rememberFolder(const QString& purpose, const QString& chosenPath);

/// A file name for a design title: "Tiny URL: v2" → "tiny-url-v2"; "design" when nothing is left.
QString fileNameForTitle(const QString& title);

} // namespace napkin::gui
