#pragma once
// A main window as a first start meets it: no remembered settings and no crash-recovery file.
#include "app/gui/main_window.h"

#include <QFile>
#include <QSettings>
#include <memory>

namespace napkin::test {

// Shown at 1400×900; the caller waits for it to be exposed (QVERIFY needs a void test function).
inline std::unique_ptr<gui::MainWindow> openCleanMainWindow() {
    QSettings().clear();
    QFile::remove(gui::MainWindow::recoveryFilePath());
    auto window = std::make_unique<gui::MainWindow>();
    window->resize(1400, 900);
    window->show();
    return window;
}

} // namespace napkin::test
