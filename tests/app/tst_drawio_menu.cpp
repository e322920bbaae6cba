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

#include <functional>
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

// Calls `answer` with the modal window of type T once it is the active one. An action opens its windows one
// after the other, each from the event loop of the one before, so this polls from inside those loops. After
// 5 s it gives up and rejects whatever window is open, so that a window that never comes (or another one)
// fails the test instead of hanging it.
template <typename T>
void whenModal(QObject* context, std::function<void(T*)> answer, int triesLeft = 250) {
    QTimer::singleShot(20, context, [context, answer = std::move(answer), triesLeft]() mutable {
        QWidget* active = QApplication::activeModalWidget();
        auto* modal = qobject_cast<T*>(active);
        if (modal && modal->isVisible())
            answer(modal);
        else if (triesLeft > 0)
            whenModal<T>(context, std::move(answer), triesLeft - 1);
        else if (auto* stuck = qobject_cast<QDialog*>(active))
            stuck->reject();
    });
}

// Gives the file dialog the full path and accepts it, then calls `next` (which answers the window after). The
// dialog is noted with the file it holds, so that the test sees which file the action got.
void answerFileDialog(QObject* context, const QString& path, QStringList& answered,
                      std::function<void()> next = {}) {
    whenModal<QFileDialog>(context, [path, &answered, next](QFileDialog* dialog) {
        // selectFile() leaves the name field alone while it has the keyboard focus (the user may be typing
        // in it), and offscreen the dialog's window is sometimes active already: take the focus away first.
        if (QWidget* focused = dialog->focusWidget())
            focused->clearFocus();
        dialog->selectFile(path);
        answered << "file dialog: " + dialog->selectedFiles().join(", ");
        if (next)
            next();
        QMetaObject::invokeMethod(dialog, "accept"); // a slot, protected in C++
    });
}

// Accepts the next dialog as it is and notes its title.
void acceptDialog(QObject* context, QStringList& answered) {
    whenModal<QDialog>(context, [&answered](QDialog* dialog) {
        answered << dialog->windowTitle();
        dialog->accept();
    });
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

    // Import through the menu gives the design `napkin import` writes, byte for byte once saved.
    void importThroughTheMenuIsTheCommandsImport() {
        m_window->document().markSaved();
        QStringList answered;
        QObject answering; // the answers' timers end with the test, whatever happened
        answerFileDialog(&answering, pipeline, answered,
                         [&answering, &answered] { acceptDialog(&answering, answered); });
        actionNamed(m_window->menu(MenuId::File), "draw.io diagram…")->trigger();
        QTRY_COMPARE(answered, QStringList({"file dialog: " + pipeline, "Confirm component kinds"}));
        QTemporaryDir dir;
        const QString cliOutput = dir.filePath("pipeline.napkin");
        const testing::CliRun cli = testing::runCli({"import", pipeline, "-o", cliOutput});
        QCOMPARE(cli.code, 0);
        QCOMPARE(saveDesign(m_window->document().design()), readFile(cliOutput));
        QCOMPARE(m_window->document().design().components().size(), std::size_t(3));
    }

    // Export through the menu writes the bytes `napkin export --format drawio` writes for the same design.
    void exportThroughTheMenuIsTheCommandsExport() {
        QVERIFY(m_window->openFile(tinyUrl));
        QTemporaryDir dir;
        const QString written = dir.filePath("menu.drawio");
        QStringList answered;
        QObject answering;
        answerFileDialog(&answering, written, answered);
        actionNamed(m_window->menu(MenuId::Export), "draw.io diagram…")->trigger();
        QTRY_COMPARE(answered, QStringList({"file dialog: " + written}));
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
