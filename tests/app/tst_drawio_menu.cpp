// File ▸ Import ▸ draw.io and Export ▸ draw.io, driven as a user does: the menu action is triggered and
// every modal window that comes up is answered (Qt's own file dialog gets the file name and is accepted, the
// confirm-the-kinds dialog is accepted as guessed). What the editor ends up with is compared with what
// `napkin import` and `napkin export --format drawio` write for the same file.
#include "../cli/cli_run.h"
#include "app/gui/export_actions.h"
#include "app/gui/look_check.h"
#include "app/gui/main_window.h"
#include "estimators/drawio_import.h"
#include "estimators/drawio_writer.h"
#include "model/napkin_file.h"

#include <QApplication>
#include <QDialog>
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
const QString tinyUrl = NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin";

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

std::string readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string("<missing>");
}

// Answers the modal windows an action opens, until the action returns: the file dialog gets `file`; a
// dialog or message box is accepted. Polling, since each window opens only after the previous one closed.
class ModalAnswerer : public QObject {
  public:
    explicit ModalAnswerer(QString file) : m_file(std::move(file)) {
        connect(&m_timer, &QTimer::timeout, this, [this] { answer(); });
        m_timer.start(20);
    }
    QStringList answered;

  private:
    void answer() {
        // Offscreen, a dialog is not always the active modal widget yet: look among the windows too.
        QWidget* modal = QApplication::activeModalWidget();
        for (QWidget* window : QApplication::topLevelWidgets())
            if (!modal && qobject_cast<QDialog*>(window) && window->isVisible() && window->isModal())
                modal = window;
        if (!modal || !modal->isVisible())
            return;
        if (auto* dialog = qobject_cast<QFileDialog*>(modal)) {
            // The dialog takes a file in another folder in steps; accept only once it holds the file.
            const QFileInfo file(m_file);
            if (dialog->selectedFiles().value(0) != file.absoluteFilePath() && ++m_tries < 250) {
                dialog->setDirectory(file.absolutePath());
                dialog->selectFile(file.fileName());
                return;
            }
            answered << "file dialog";
        } else {
            answered << modal->windowTitle();
        }
        QMetaObject::invokeMethod(modal, "accept"); // a slot, protected in C++
    }

    QString m_file;
    QTimer m_timer;
    int m_tries =
        0; // after 5 s the dialog is accepted as it is, so that a stuck dialog fails the test, not hangs
};

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

    // Import through the menu gives the design `napkin import` writes, byte for byte once saved.
    void importThroughTheMenuIsTheCommandsImport() {
        QSKIP("Driving the file dialog offscreen hangs or races (issue #17, open): not yet reliable");
        m_window->document().markSaved();
        QStringList answered;
        {
            ModalAnswerer answerer(pipeline);
            actionNamed(m_window->menu(MenuId::File), "draw.io diagram…")->trigger();
            answered = answerer.answered;
        }
        QCOMPARE(answered, QStringList({"file dialog", "Confirm component kinds"}));
        QTemporaryDir dir;
        const QString cliOutput = dir.filePath("pipeline.napkin");
        const testing::CliRun cli = testing::runCli({"import", pipeline, "-o", cliOutput});
        QCOMPARE(cli.code, 0);
        QCOMPARE(saveDesign(m_window->document().design()), readFile(cliOutput));
        QCOMPARE(m_window->document().design().components().size(), std::size_t(3));
    }

    // Export through the menu writes the bytes `napkin export --format drawio` writes for the same design.
    void exportThroughTheMenuIsTheCommandsExport() {
        QSKIP("Driving the file dialog offscreen hangs or races (issue #17, open): not yet reliable");
        QVERIFY(m_window->openFile(tinyUrl));
        QTemporaryDir dir;
        const QString written = dir.filePath("menu.drawio");
        QStringList answered;
        {
            ModalAnswerer answerer(written);
            actionNamed(m_window->menu(MenuId::Export), "draw.io diagram…")->trigger();
            answered = answerer.answered;
        }
        QCOMPARE(answered, QStringList({"file dialog"}));
        const QString cliOutput = dir.filePath("cli.drawio");
        const testing::CliRun cli =
            testing::runCli({"export", tinyUrl, "--format", "drawio", "-o", cliOutput});
        QCOMPARE(cli.code, 0);
        const std::string menuBytes = readFile(written);
        QVERIFY(menuBytes.starts_with("<mxfile"));
        QCOMPARE(menuBytes, readFile(cliOutput));
    }

    // The editor's own look check on the real draw.io files once imported: no label cut, on a box, on
    // another label or under a line (LookReport::overlaps()).
    void importedRealFilesLookClean_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("kinesis pipeline") << pipeline;
        QTest::newRow("apigw sqs lambda")
            << QStringLiteral(NAPKIN_TEST_DATA_DIR "/drawio-real/apigw-sqs-lambda-ddb.drawio");
    }
    void importedRealFilesLookClean() {
        QFETCH(QString, file);
        const DrawioImportResult result = importDrawio(readFile(file));
        QVERIFY2(result.ok(), result.error.c_str());
        const LookReport look = measureLook(*result.design);
        qInfo("%s: overlaps %d, crossings %d, shared tracks %d, small texts %d", qPrintable(file),
              look.overlaps(), look.crossings, look.sharedTracks, look.smallTexts);
        QVERIFY2(look.overlaps() == 0, qPrintable(look.details.join('\n')));
    }

  private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestDrawioMenu)
#include "tst_drawio_menu.moc"
