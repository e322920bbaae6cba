// The Reference dock driven like a user drives it, on the fixture library (tests/data/concepts): F1 opens it,
// typing "Kafka" shows the message log entry, links between entries work, selecting a component shows the
// entries for its kind, a finding and a property's help open their entry, the relevant cards follow the
// design, and "Record decision…" on a card adds a decision that undo removes.
#include "app/gui/brief_dock.h"
#include "app/gui/canvas_scene.h"
#include "app/gui/decisions_panel.h"
#include "app/gui/findings_dock.h"
#include "app/gui/inspector_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/reference_dock.h"
#include "estimators/concepts/concept_library.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

using namespace napkin;
using namespace napkin::gui;

namespace {

const QString tinyUrl = QStringLiteral(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");

const ConceptLibrary& fixtures() {
    static const ConceptLibrary library =
        ConceptLibrary::fromDirectory(NAPKIN_TEST_DATA_DIR "/concepts/library");
    return library;
}

QStringList itemTexts(QListWidget* list) {
    QStringList texts;
    for (int row = 0; row < list->count(); ++row)
        texts << list->item(row)->text();
    return texts;
}

// Fills and accepts the modal dialog that `trigger` opens.
void answerDialog(const std::function<void()>& trigger, const std::function<void(QDialog*)>& fill) {
    bool answered = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        fill(dialog);
        dialog->accept();
        answered = true;
    });
    trigger();
    QVERIFY(answered);
}

} // namespace

class TestReferenceDock : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName("NapkinTest");
        QApplication::setApplicationName("NapkinReferenceTest");
        QVERIFY(fixtures().errors().empty());
    }

    void init() {
        QSettings().clear();
        m_window = std::make_unique<MainWindow>();
        m_dock = installReferencePanel(*m_window, fixtures());
        QVERIFY(m_window->openFile(tinyUrl));
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup() {
        m_window->canvasScene()->clearSelection();
        m_window->document().markSaved();
        m_window.reset();
    }

    void f1OpensTheDockAndSearchFindsKafka() {
        m_dock->close();
        QVERIFY(!m_dock->isVisible());
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        QVERIFY(m_dock->isVisible());
        QTRY_VERIFY(m_dock->searchBox()->hasFocus());
        QTest::keyClicks(m_dock->searchBox(), "Kafka");
        QCOMPARE(itemTexts(m_dock->results()), QStringList{"Message log"});
        QCOMPARE(m_dock->currentLink(), QString("concept:message-log"));
        QVERIFY(m_dock->page()->toPlainText().startsWith("Message log"));
        QVERIFY(m_dock->page()->toPlainText().contains("An append-only log"));
        QVERIFY(!m_dock->recordButton()->isVisible()); // entries are not cards

        m_dock->searchBox()->clear();
        QTest::keyClicks(m_dock->searchBox(), "no such thing");
        QCOMPARE(m_dock->results()->count(), 0);
    }

    void linksBetweenEntriesWork() {
        QVERIFY(m_dock->open("concept:quorums"));
        QVERIFY(m_dock->page()->toPlainText().contains("Related"));
        // The related links at the bottom, the way the browser reports a click on them.
        emit m_dock->page()->anchorClicked(QUrl("concept:caching"));
        QCOMPARE(m_dock->currentLink(), QString("concept:caching"));
        emit m_dock->page()->anchorClicked(QUrl("card:cache-aside-vs-write-through"));
        QCOMPARE(m_dock->currentLink(), QString("card:cache-aside-vs-write-through"));
        QVERIFY(m_dock->recordButton()->isVisible());
        emit m_dock->page()->anchorClicked(QUrl("message-log.md")); // a relative link inside an entry
        QCOMPARE(m_dock->currentLink(), QString("concept:message-log"));
        QVERIFY(!m_dock->open("concept:nope"));
        QCOMPARE(m_dock->currentLink(), QString("concept:message-log"));
    }

    void selectingAComponentShowsTheEntriesForItsKind() {
        Selection selection;
        selection.components = {"cache"};
        m_window->canvasScene()->select(selection);
        QCOMPARE(itemTexts(m_dock->results()), (QStringList{"Caching", "Quorums"}));
        QCOMPARE(m_dock->currentLink(), QString("concept:caching"));
        selection.components = {"url-store"}; // kv_store
        m_window->canvasScene()->select(selection);
        QCOMPARE(itemTexts(m_dock->results()), QStringList{"Quorums"});
        // A search in progress is not replaced by the selection.
        QTest::keyClicks(m_dock->searchBox(), "Kafka");
        selection.components = {"cache"};
        m_window->canvasScene()->select(selection);
        QCOMPARE(itemTexts(m_dock->results()), QStringList{"Message log"});
    }

    void findingsAndPropertyHelpOpenTheirEntry() {
        auto* findings = m_window->findChild<FindingsDock*>();
        QVERIFY(findings);
        emit findings->referenceRequested("finding:lint.impossible-quorum");
        QCOMPARE(m_dock->currentLink(), QString("concept:quorums"));
        emit m_window->inspectorPanel()->referenceRequested("property:write_policy");
        QCOMPARE(m_dock->currentLink(), QString("concept:caching"));
        QVERIFY(!m_dock->open("finding:lint.unknown"));
    }

    void relevantCardsFollowTheDesign() {
        // Tiny URL: services in front of a Redis cache, 100 reads per write, and ZooKeeper.
        QCOMPARE(itemTexts(m_dock->relevantList()),
                 (QStringList{"Cache-aside vs write-through\n    “URL Service” → “Redis”: service → cache",
                              "Single vs multi-leader\n    “ZooKeeper”: Coordination Service, role coordination"}));
        QCOMPARE(m_dock->tabs()->tabText(1), "Trade-offs here (2)");
        QVERIFY(m_window->document().execute(RemoveComponent{"cache"}, "Delete"));
        // No cache any more, but reads still outnumber writes 100 to 1.
        QCOMPARE(m_dock->relevantList()->item(0)->text(),
                 "Cache-aside vs write-through\n    reads outnumber writes 100 to 1 (19.3 K /s (≈ 20 K /s) against 193 /s "
                 "(≈ 200 /s))");
        m_dock->relevantList()->setCurrentRow(1);
        QPushButton* openCard = nullptr;
        for (auto* button : m_dock->findChildren<QPushButton*>())
            if (button->text() == "Open card")
                openCard = button;
        QVERIFY(openCard);
        openCard->click();
        QCOMPARE(m_dock->currentLink(), QString("card:single-vs-multi-leader"));
    }

    void recordADecisionFromACardAndUndoIt() {
        const std::size_t before = m_window->document().design().decisions().size();
        QVERIFY(m_dock->open("card:cache-aside-vs-write-through"));
        answerDialog([&] { QTest::mouseClick(m_dock->recordButton(), Qt::LeftButton); },
                     [](QDialog* dialog) {
                         auto* option = dialog->findChild<QComboBox*>();
                         QVERIFY(option);
                         QCOMPARE(option->count(), 2);
                         option->setCurrentIndex(1);
                         QCOMPARE(dialog->findChild<QLineEdit*>()->text(), "Chose Write-through");
                         QTest::keyClicks(dialog->findChild<QPlainTextEdit*>(), "links never change");
                     });
        const auto& decisions = m_window->document().design().decisions();
        QCOMPARE(decisions.size(), before + 1);
        QCOMPARE(decisions.back().card, "cache-aside-vs-write-through");
        QCOMPARE(decisions.back().option, "Write-through");
        QCOMPARE(decisions.back().text, "Chose Write-through");
        QCOMPARE(decisions.back().reason, "links never change");
        QCOMPARE(m_window->document().undoStack()->undoText(), "Record decision");

        // The Brief dock's Decisions tab lists it.
        auto* panel = m_window->findChild<DecisionsPanel*>();
        QVERIFY(panel);
        QCOMPARE(panel->list()->topLevelItemCount(), int(before + 1));
        QCOMPARE(panel->list()->topLevelItem(int(before))->text(3), "Cache-aside vs write-through");

        m_window->document().undoStack()->undo();
        QCOMPARE(m_window->document().design().decisions().size(), before);
        QCOMPARE(panel->list()->topLevelItemCount(), int(before));
        m_window->document().undoStack()->redo();
        QCOMPARE(m_window->document().design().decisions().back().option, "Write-through");
    }

    void decisionsPanelEditsAndRemoves() {
        auto* panel = m_window->findChild<DecisionsPanel*>();
        QCOMPARE(panel->list()->topLevelItemCount(), 0);
        QString error;
        QVERIFY(m_dock->recordDecision("cache-aside-vs-write-through", "Cache-aside", "Cache redirects",
                                       "reads 100:1"));
        QVERIFY(m_dock->recordDecision({}, {}, "Pre-generated keys", {}));
        QVERIFY(!m_dock->recordDecision({}, {}, "  ", {}, &error));
        QCOMPARE(error, "a decision needs its text");
        const int count = panel->list()->topLevelItemCount();
        QCOMPARE(count, 2);
        QCOMPARE(m_window->document().design().decisions().back().id, "decision-2");
        panel->list()->setCurrentItem(panel->list()->topLevelItem(0));
        answerDialog([&] { panel->editCurrent(); },
                     [](QDialog* dialog) {
                         auto* reason = dialog->findChild<QPlainTextEdit*>();
                         reason->selectAll();
                         QTest::keyClicks(reason, "measured: 100:1");
                     });
        QCOMPARE(m_window->document().design().decisions().front().reason, "measured: 100:1");
        panel->list()->setCurrentItem(panel->list()->topLevelItem(0));
        panel->removeCurrent();
        QCOMPARE(panel->list()->topLevelItemCount(), count - 1);
        m_window->document().undoStack()->undo();
        m_window->document().undoStack()->undo();
        QCOMPARE(panel->list()->topLevelItemCount(), count);
        QVERIFY(m_window->document().design().decisions().front().reason != "measured: 100:1");
    }

  private:
    std::unique_ptr<MainWindow> m_window;
    ReferenceDock* m_dock = nullptr;
};

QTEST_MAIN(TestReferenceDock)
#include "tst_reference_dock.moc"
