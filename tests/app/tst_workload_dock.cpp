// The Workload and Estimates docks on the Tiny URL example: edits are undoable SetWorkload steps, bad input
// is refused with a reason, and the estimates follow the workload.
#include "app/gui/analysis_service.h"
#include "app/gui/estimates_dock.h"
#include "app/gui/main_window.h"
#include "app/gui/workload_dock.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>
#include <QWheelEvent>

using namespace napkin;
using namespace napkin::gui;

namespace {

// Types into the selected operation's field for `column` and leaves it, as a user does.
void typeInto(WorkloadDock& dock, int column, const QString& text) {
    auto* edit = qobject_cast<QLineEdit*>(dock.operationField(column));
    QVERIFY(edit);
    edit->setText(text);
    emit edit->editingFinished();
}

QString shownIn(WorkloadDock& dock, int column) {
    if (auto* choice = qobject_cast<QComboBox*>(dock.operationField(column)))
        return choice->currentText();
    auto* edit = qobject_cast<QLineEdit*>(dock.operationField(column));
    return edit ? edit->text() : QString();
}

} // namespace

class TestWorkloadDock : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsTheOperationsAndUndoesEdits() {
        MainWindow window;
        QVERIFY(window.openFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin"));
        auto* dock = window.findChild<WorkloadDock*>("workloadDock");
        QVERIFY(dock);
        QTableWidget* table = dock->operationsTable();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, WorkloadDock::Name)->text(), QString("shorten URL"));
        QCOMPARE(table->item(1, WorkloadDock::Per)->text(), QString("per write of")); // words, not "write_of"
        QCOMPARE(table->item(0, WorkloadDock::Type)->text(), QString("Write"));

        // Typing "1B" as the rate of "shorten URL" is one undoable step.
        table->item(0, WorkloadDock::Rate)->setText("1B");
        const Workload& workload = window.document().design().workload();
        QCOMPARE(workload.operations[0].rate, 1e9);
        QVERIFY(dock->lastError().isEmpty());
        window.document().undoStack()->undo();
        QCOMPARE(window.document().design().workload().operations[0].rate, 500e6);
        QCOMPARE(table->item(0, WorkloadDock::Rate)->text(), QString("500 M")); // as a user writes it

        // The words shown are accepted back, and so is the file's identifier.
        table->item(0, WorkloadDock::Per)->setText("per day");
        QVERIFY(window.document().design().workload().operations[0].per == RatePer::Day);
        table->item(0, WorkloadDock::Per)->setText("user_day");
        QVERIFY(window.document().design().workload().operations[0].per == RatePer::UserPerDay);
        QCOMPARE(table->item(0, WorkloadDock::Per)->text(), QString("per user per day"));
    }

    // Each field people speak in is one undoable step, shown in words; a value out of range is refused. They
    // are the selected operation's fields, under the table.
    void editsWhatPeopleSay() {
        MainWindow window;
        QVERIFY(window.openFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin"));
        auto* dock = window.findChild<WorkloadDock*>("workloadDock");
        QTableWidget* table = dock->operationsTable();
        QCOMPARE(table->columnCount(), 4);
        QCOMPARE(table->currentRow(), 0);
        QVERIFY(!dock->operationField(WorkloadDock::Per)); // a column of the table
        QCOMPARE(shownIn(*dock, WorkloadDock::ActiveHours), QString("24"));
        QCOMPARE(shownIn(*dock, WorkloadDock::PerUserBase), QString("monthly users"));
        QUndoStack* undo = window.document().undoStack();
        const int steps = undo->count();
        const auto op = [&] { return window.document().design().workload().operations[0]; };
        typeInto(*dock, WorkloadDock::ActiveHours, "6.5");
        typeInto(*dock, WorkloadDock::RequestsPerAction, "8");
        typeInto(*dock, WorkloadDock::NewFraction, "0.25");
        typeInto(*dock, WorkloadDock::BytesPerUser, "15 GB");
        auto* base = qobject_cast<QComboBox*>(dock->operationField(WorkloadDock::PerUserBase));
        QVERIFY(base);
        QCOMPARE(base->count(), 2);
        base->setCurrentText("daily users");
        QCOMPARE(undo->count(), steps + 5);
        QCOMPARE(op().activeHours, 6.5);
        QCOMPARE(op().requestsPerAction, 8.0);
        QCOMPARE(op().newFraction, 0.25);
        QCOMPARE(op().bytesPerUser, 15e9);
        QVERIFY(op().perUserBase == UserBase::Daily);
        undo->undo();
        QVERIFY(op().perUserBase == UserBase::Monthly);
        QCOMPARE(shownIn(*dock, WorkloadDock::PerUserBase), QString("monthly users"));
        undo->undo();
        QCOMPARE(op().bytesPerUser, 0.0);
        undo->redo();
        QCOMPARE(shownIn(*dock, WorkloadDock::BytesPerUser), QString("15 GB"));
        typeInto(*dock, WorkloadDock::ActiveHours, "30");
        QVERIFY2(dock->lastError().contains("active_hours: must be a number between 0.1 and 24"),
                 qPrintable(dock->lastError()));
        QCOMPARE(op().activeHours, 6.5);
        QCOMPARE(shownIn(*dock, WorkloadDock::ActiveHours), QString("6.5")); // the refused text is gone

        // Selecting the second operation shows its fields, and edits go to it.
        table->setCurrentCell(1, WorkloadDock::Name);
        QCOMPARE(shownIn(*dock, WorkloadDock::Of), QString("shorten URL"));
        typeInto(*dock, WorkloadDock::ResponseBytes, "2 KB");
        QCOMPARE(window.document().design().workload().operations[1].responseBytes, 2000.0);
        QCOMPARE(op().activeHours, 6.5);
        undo->undo();
        QCOMPARE(table->currentRow(), 1); // an undo keeps the operation in view
    }

    void refusesBadInputWithAReason() {
        MainWindow window;
        QVERIFY(window.openFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin"));
        auto* dock = window.findChild<WorkloadDock*>("workloadDock");
        const int steps = window.document().undoStack()->count();
        dock->operationsTable()->item(0, WorkloadDock::Type)->setText("delete");
        QVERIFY(dock->lastError().contains("Read or Write"));
        typeInto(*dock, WorkloadDock::RequestBytes, "lots");
        QVERIFY2(dock->lastError().startsWith("Request bytes: "), qPrintable(dock->lastError()));
        QCOMPARE(window.document().undoStack()->count(), steps);
        QCOMPARE(window.document().design().workload().operations[0].requestBytes, 500.0);
        QCOMPARE(dock->operationsTable()->item(0, WorkloadDock::Type)->text(), QString("Write"));
    }

    // Scrolling the dock with the wheel over a field leaves the field and the design alone (it turned the
    // peak factor from 5 to 1 on the way down); a field with the focus takes the wheel.
    void wheelOverAFieldScrollsTheDock() {
        MainWindow window;
        QVERIFY(window.openFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin"));
        auto* dock = window.findChild<WorkloadDock*>("workloadDock");
        const QList<QDoubleSpinBox*> boxes = dock->findChildren<QDoubleSpinBox*>();
        QVERIFY(!boxes.isEmpty());
        QDoubleSpinBox* box = boxes.front();
        box->setValue(0.5);
        const Workload before = window.document().design().workload();
        const QPoint centre = box->rect().center();
        auto turn = [&] {
            QWheelEvent wheel(centre, box->mapToGlobal(centre), {}, {0, -120}, Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            QApplication::sendEvent(box, &wheel);
        };
        turn();
        QCOMPARE(box->value(), 0.5);
        QVERIFY(window.document().design().workload() == before);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        dock->show();
        dock->raise();
        box->setFocus();
        if (!box->hasFocus())
            QSKIP("the platform gives no focus to a hidden window");
        turn();
        QVERIFY(box->value() < 0.5);
    }

    void estimatesFollowTheWorkload() {
        MainWindow window;
        QVERIFY(window.openFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin"));
        auto* estimates = window.findChild<EstimatesDock*>("estimatesDock");
        QVERIFY(estimates);
        QSignalSpy updated(&window.analysis(), &AnalysisService::updated);
        estimates->refresh();
        QVERIFY(updated.wait());
        QCOMPARE(estimates->envelope().writeQpsAverage, 500e6 / 2'592'000);
        QVERIFY(estimates->tree()->topLevelItemCount() >= 3);
        QVERIFY(estimates->load().component("shortener")->offeredQps > 0);

        auto* dock = window.findChild<WorkloadDock*>("workloadDock");
        dock->operationsTable()->item(0, WorkloadDock::Rate)->setText("1B");
        estimates->refresh();
        QVERIFY(updated.wait());
        QCOMPARE(estimates->envelope().writeQpsAverage, 1e9 / 2'592'000);
    }
};

QTEST_MAIN(TestWorkloadDock)
#include "tst_workload_dock.moc"
