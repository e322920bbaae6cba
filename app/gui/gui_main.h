#pragma once

namespace napkin::gui {

/// Starts the editor (QApplication, main window, event loop) and returns its exit code.
int runEditor(int argc, char* argv[]);

} // namespace napkin::gui
