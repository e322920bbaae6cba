#pragma once
// The editor's theme: the system's palette (the default), or Napkin's own light or dark palette on the
// Fusion style. View ▸ Appearance switches it at once and remembers the choice (QSettings "appearance/theme").

#include <QPalette>

namespace napkin::gui {

class MainWindow;

enum class Theme { System, Light, Dark };

QPalette lightPalette();
QPalette darkPalette();

/// The theme saved in the settings (System when none or unknown).
Theme savedTheme();
/// Applies the theme to the whole application and repaints every canvas; System restores the style and
/// palette the application started with.
void applyTheme(Theme theme);

/// Adds View ▸ Appearance (System / Light / Dark) to `window`; choosing one applies and saves it.
void installAppearanceMenu(MainWindow& window);

} // namespace napkin::gui
