// File ▸ Import ▸ draw.io and Export ▸ draw.io exist in the editor. Driving them through Qt's own file
// dialog offscreen proved flaky (the dialog sometimes refuses or misses the file), so the import and the
// export they call are tested in tst_drawio and tst_cli_drawio.
#include "app/gui/export_actions.h"
#include "app/gui/main_window.h"
#include "estimators/drawio_writer.h"

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace napkin;
using namespace napkin::gui;

namespace {

const QString pipeline = NAPKIN_TEST_DATA_DIR "/drawio-real/kinesis-lambda-dynamodb-pipeline.drawio";

QAction* actionNamed(QMenu* menu, const QString& text) {
    for (QAction* action : menu->actions()) {
        if (action->text() == text)
            return action;
        if (action->menu())
            if (QAction* inner = actionNamed(action->menu(), text))
                return inner;
    }
    return nullptr;
}

} // namespace

class TestDrawioMenu : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName("NapkinTest");
        QApplication::setApplicationName("NapkinTest");
        QSettings().clear();
        QFile::remove(MainWindow::recoveryFilePath());
        // Qt's own file dialog, which the test can drive, in place of a platform one.
        QApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
        m_window = std::make_unique<MainWindow>();
        installExportActions(*m_window);
    }
    void cleanupTestCase() {
        m_window->document().markSaved();
        m_window.reset();
    }

    void menuEntriesExist() {
        QVERIFY(actionNamed(m_window->menu(MenuId::File), "draw.io diagram…"));
        QVERIFY(actionNamed(m_window->menu(MenuId::Export), "draw.io diagram…"));
    }

  private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestDrawioMenu)
#include "tst_drawio_menu.moc"
