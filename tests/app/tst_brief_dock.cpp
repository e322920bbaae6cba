// The Brief dock driven like a user drives it: typing in the title, problem and notes, keys and buttons on
// the requirement, API and entity tables, the stored-in combo box. The model is checked after every step,
// undo and redo.
#include "app/gui/brief_dock.h"
#include "app/gui/brief_tables.h"
#include "app/gui/canvas_scene.h"
#include "app/gui/main_window.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace napkin;
using namespace napkin::gui;

namespace {

const QString tinyUrl = QStringLiteral(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");
const QString pastebin = QStringLiteral(NAPKIN_TEST_DATA_DIR "/fixtures/pastebin.napkin");

const std::vector<std::string> tinyUrlFunctional{
    "Given a long URL, generate a unique short alias", "Redirect a short alias to its original URL",
    "Users may pick a custom alias", "Links expire after a default span; users may set the expiry"};

QStringList columnTexts(QTableWidget* table, int column) {
    QStringList texts;
    for (int row = 0; row < table->rowCount(); ++row)
        texts << (table->item(row, column) ? table->item(row, column)->text() : QString());
    return texts;
}

QStringList qstrings(const std::vector<std::string>& strings) {
    QStringList list;
    for (const std::string& s : strings)
        list << QString::fromStdString(s);
    return list;
}

} // namespace

class TestBriefDock : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void titleEditIsOneStepAndUndoes();
    void typingInTheProblemMergesPerVisit();
    void addRemoveAndReorderFunctionalRequirements();
    void nonFunctionalRowsWithTheButtonsAndCategoryList();
    void addingAnEndpointEditsTheApi();
    void entityStoredInPicksAComponent();
    void notesEditTheSelectedComponent();
    void loadingAnotherDesignRefreshesEverything();
    void entityFieldsParseAndFormat();

private:
    const Design& design() const { return m_window->document().design(); }
    QUndoStack* undoStack() const { return m_window->document().undoStack(); }
    QTableWidget* showTable(BriefDock::Table which, int tab);

    std::unique_ptr<MainWindow> m_window;
    BriefDock* m_dock = nullptr;
};

void TestBriefDock::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName("NapkinTest");
    QApplication::setApplicationName("NapkinBriefTest");
}

void TestBriefDock::init() {
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->openFile(tinyUrl));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_dock = m_window->findChild<BriefDock*>("briefDock");
    QVERIFY(m_dock);
    m_dock->show();
    m_dock->raise();
}

void TestBriefDock::cleanup() {
    m_window->canvasScene()->clearSelection();
    m_window->document().markSaved(); // no "save changes?" question when the window closes
    m_window.reset();
}

QTableWidget* TestBriefDock::showTable(BriefDock::Table which, int tab) {
    m_dock->tabs()->setCurrentIndex(tab);
    QTableWidget* table = m_dock->table(which)->table();
    table->setFocus();
    return table;
}

void TestBriefDock::titleEditIsOneStepAndUndoes() {
    QLineEdit* title = m_dock->titleEdit();
    QCOMPARE(title->text(), "Tiny URL");
    m_dock->tabs()->setCurrentIndex(0);
    title->setFocus();
    title->selectAll();
    QTest::keyClicks(title, "Short links");
    QCOMPARE(design().brief().title, "Short links");
    QCOMPARE(undoStack()->count(), 1);
    QCOMPARE(undoStack()->undoText(), "Edit title");

    // Ctrl+Z in the field undoes the design's step, the whole burst of typing.
    QTest::keySequence(title, QKeySequence(QKeySequence::Undo));
    QCOMPARE(design().brief().title, "Tiny URL");
    QCOMPARE(title->text(), "Tiny URL");
    QCOMPARE(undoStack()->index(), 0);
    QTest::keySequence(title, QKeySequence(QKeySequence::Redo));
    QCOMPARE(design().brief().title, "Short links");
    QCOMPARE(title->text(), "Short links");
    QCOMPARE(undoStack()->count(), 1);
}

void TestBriefDock::typingInTheProblemMergesPerVisit() {
    const std::string original = design().brief().problem;
    QPlainTextEdit* problem = m_dock->problemEdit();
    m_dock->tabs()->setCurrentIndex(0);
    problem->setFocus();
    problem->moveCursor(QTextCursor::End);
    QTest::keyClicks(problem, " Fast.");
    QCOMPARE(design().brief().problem, original + " Fast.");
    QCOMPARE(undoStack()->count(), 1);

    // Leaving the field and coming back starts a new step.
    m_dock->titleEdit()->setFocus();
    problem->setFocus();
    QTest::keyClicks(problem, " Cheap.");
    QCOMPARE(design().brief().problem, original + " Fast. Cheap.");
    QCOMPARE(undoStack()->count(), 2);

    undoStack()->undo();
    QCOMPARE(design().brief().problem, original + " Fast.");
    QCOMPARE(problem->toPlainText().toStdString(), original + " Fast.");
    undoStack()->undo();
    QCOMPARE(design().brief().problem, original);
    QCOMPARE(design().brief().title, "Tiny URL"); // nothing else moved
}

void TestBriefDock::addRemoveAndReorderFunctionalRequirements() {
    QTableWidget* table = showTable(BriefDock::Table::Functional, 1);
    QCOMPARE(columnTexts(table, 0), qstrings(tinyUrlFunctional));

    // Insert adds an empty row below the current one and opens its editor; Return commits the text.
    table->setCurrentCell(1, 0);
    QTest::keyClick(table, Qt::Key_Insert);
    std::vector<std::string> added = tinyUrlFunctional;
    added.insert(added.begin() + 2, "");
    QCOMPARE(design().brief().functional, added);
    QCOMPARE(undoStack()->undoText(), "Add functional requirement");
    auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    QVERIFY(editor);
    QTest::keyClicks(editor, "Show click statistics");
    QTest::keyClick(editor, Qt::Key_Return);
    added[2] = "Show click statistics";
    QTRY_COMPARE(design().brief().functional, added); // the delegate commits on the next event loop pass
    QCOMPARE(undoStack()->count(), 2);
    QCOMPARE(columnTexts(table, 0), qstrings(added));

    // Reorder with Alt+Up, then remove with Delete: one step each.
    table->setFocus();
    QCOMPARE(table->currentRow(), 2);
    QTest::keyClick(table, Qt::Key_Up, Qt::AltModifier);
    std::vector<std::string> moved = added;
    std::swap(moved[1], moved[2]);
    QCOMPARE(design().brief().functional, moved);
    QCOMPARE(table->currentRow(), 1);
    QCOMPARE(columnTexts(table, 0), qstrings(moved));

    QTest::keyClick(table, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(design().brief().functional, added);
    QTest::keyClick(table, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(design().brief().functional, moved);

    Selection cache;
    cache.components = {"cache"};
    m_window->canvasScene()->select(cache);
    table->setFocus();
    table->setCurrentCell(0, 0);
    QTest::keyClick(table, Qt::Key_Delete);
    std::vector<std::string> removed(moved.begin() + 1, moved.end());
    QCOMPARE(design().brief().functional, removed);
    QCOMPARE(undoStack()->undoText(), "Remove functional requirement");
    QCOMPARE(undoStack()->count(), 6);
    QVERIFY(design().component("cache")); // Delete did not reach the canvas selection

    undoStack()->undo();
    QCOMPARE(design().brief().functional, moved);
    undoStack()->undo();
    QCOMPARE(design().brief().functional, added);
    undoStack()->undo();
    undoStack()->undo();
    QCOMPARE(design().brief().functional, added);
    undoStack()->undo();
    QCOMPARE(design().brief().functional, [&] {
        std::vector<std::string> blank = tinyUrlFunctional;
        blank.insert(blank.begin() + 2, "");
        return blank;
    }());
    undoStack()->undo();
    QCOMPARE(design().brief().functional, tinyUrlFunctional);
    QCOMPARE(columnTexts(table, 0), qstrings(tinyUrlFunctional));
}

void TestBriefDock::nonFunctionalRowsWithTheButtonsAndCategoryList() {
    QTableWidget* table = showTable(BriefDock::Table::NonFunctional, 2);
    const std::vector<NonFunctionalRequirement> original = design().brief().nonFunctional;
    QCOMPARE(original.size(), std::size_t(4));
    const QList<QToolButton*> buttons = m_dock->table(BriefDock::Table::NonFunctional)->findChildren<QToolButton*>();
    QCOMPARE(buttons.size(), 4);
    QToolButton* add = buttons[0];
    QToolButton* remove = buttons[1];
    QToolButton* up = buttons[2];
    QToolButton* down = buttons[3];
    QVERIFY(add->toolTip().contains("Insert"));

    table->setCurrentCell(3, 0);
    QVERIFY(!down->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(design().brief().nonFunctional.size(), std::size_t(5));
    QCOMPARE(design().brief().nonFunctional[4].category, "other");
    QCOMPARE(table->currentRow(), 4);
    QCOMPARE(table->currentColumn(), 1); // the first free-text column is being edited
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);

    // The category is picked from the list.
    table->editItem(table->item(4, 0));
    auto* combo = table->viewport()->findChild<QComboBox*>();
    QVERIFY(combo);
    QCOMPARE(combo->count(), 6);
    const int scalability = combo->findData("scalability");
    combo->setCurrentIndex(scalability);
    emit combo->activated(scalability);
    QCOMPARE(design().brief().nonFunctional[4].category, "scalability");
    QCOMPARE(table->item(4, 0)->text(), "scalability");
    table->item(4, 1)->setText("10x in a year");
    QCOMPARE(design().brief().nonFunctional[4].target, "10x in a year");

    table->setCurrentCell(4, 0);
    QTest::mouseClick(up, Qt::LeftButton);
    QCOMPARE(design().brief().nonFunctional[3].category, "scalability");
    QCOMPARE(design().brief().nonFunctional[4], original[3]);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(design().brief().nonFunctional, original);
    QCOMPARE(undoStack()->count(), 5);

    undoStack()->undo();
    QCOMPARE(design().brief().nonFunctional[3].target, "10x in a year");
    QCOMPARE(table->item(3, 1)->text(), "10x in a year");
    for (int step = 0; step < 4; ++step)
        undoStack()->undo();
    QCOMPARE(design().brief().nonFunctional, original);
    QCOMPARE(table->rowCount(), 4);
}

void TestBriefDock::addingAnEndpointEditsTheApi() {
    QTableWidget* table = showTable(BriefDock::Table::Api, 3);
    QCOMPARE(table->rowCount(), 3);
    table->setCurrentCell(2, 0);
    m_dock->table(BriefDock::Table::Api)->addRow();
    QCOMPARE(design().brief().api.size(), std::size_t(4));
    QCOMPARE(design().brief().api[3].method, "GET");

    // Cell edits arrive as item changes; each is one step.
    table->item(3, 1)->setText(" /v1/urls/{alias}/stats ");
    table->item(3, 3)->setText("200 { clicks }");
    table->item(3, 0)->setText("put");
    const Endpoint& added = design().brief().api[3];
    QCOMPARE(added.method, "PUT");
    QCOMPARE(added.path, "/v1/urls/{alias}/stats");
    QCOMPARE(added.request, "");
    QCOMPARE(added.response, "200 { clicks }");
    QCOMPARE(added.notes, "");
    QCOMPARE(table->item(3, 1)->text(), "/v1/urls/{alias}/stats"); // the stored text is shown
    QCOMPARE(table->item(3, 0)->text(), "PUT");
    QCOMPARE(undoStack()->count(), 4);
    table->item(3, 1)->setText("/v1/urls/{alias}/stats  "); // only spaces changed: no step
    QCOMPARE(undoStack()->count(), 4);
    QCOMPARE(table->item(3, 1)->text(), "/v1/urls/{alias}/stats");
    QCOMPARE(design().brief().api[0].path, "/v1/urls");

    undoStack()->undo();
    QCOMPARE(design().brief().api[3].method, "GET");
    undoStack()->undo();
    QCOMPARE(design().brief().api[3].response, "");
    QCOMPARE(table->item(3, 3)->text(), "");
    undoStack()->undo();
    undoStack()->undo();
    QCOMPARE(design().brief().api.size(), std::size_t(3));
    QCOMPARE(table->rowCount(), 3);
}

void TestBriefDock::entityStoredInPicksAComponent() {
    QTableWidget* table = showTable(BriefDock::Table::Entities, 4);
    constexpr int storedInColumn = 2;
    QCOMPARE(table->item(0, storedInColumn)->text(), "URL Store");
    QVERIFY(table->horizontalHeaderItem(1)->toolTip().startsWith("name: type"));
    table->setCurrentCell(0, storedInColumn);
    table->editItem(table->item(0, storedInColumn));
    auto* combo = table->viewport()->findChild<QComboBox*>();
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toString(), "url-store");
    QCOMPARE(combo->count(), 11); // none + the ten components
    const int cache = combo->findData("cache");
    QVERIFY(cache > 0);
    combo->setCurrentIndex(cache);
    emit combo->activated(cache); // what a pick in the popup emits
    QCOMPARE(design().brief().entities[0].storedIn, "cache");
    QCOMPARE(design().brief().entities[1].storedIn, "user-db");
    QCOMPARE(table->item(0, storedInColumn)->text(), "Redis");
    QCOMPARE(undoStack()->count(), 1);

    // Renaming the component renames it in the table.
    Component redis = *design().component("cache");
    redis.label = "Memcached";
    QVERIFY(m_window->document().execute(UpdateComponent{redis}, "Rename"));
    QCOMPARE(table->item(0, storedInColumn)->text(), "Memcached");
    undoStack()->undo();

    undoStack()->undo();
    QCOMPARE(design().brief().entities[0].storedIn, "url-store");
    QCOMPARE(table->item(0, storedInColumn)->text(), "URL Store");

    // Fields, indexes: comma lists.
    table->item(1, 1)->setText("user_id: uuid, email: string, prefs: map<string, bool>");
    const std::vector<EntityField> fields{{"user_id", "uuid"}, {"email", "string"}, {"prefs", "map<string, bool>"}};
    QCOMPARE(design().brief().entities[1].fields, fields);
    table->item(1, 4)->setText("email, api_key");
    QCOMPARE(design().brief().entities[1].indexes, (std::vector<std::string>{"email", "api_key"}));
}

void TestBriefDock::notesEditTheSelectedComponent() {
    m_dock->tabs()->setCurrentIndex(5);
    Selection selection;
    selection.components = {"cache"};
    m_window->canvasScene()->select(selection);
    QCOMPARE(m_dock->notesComponent()->currentData().toString(), "cache");
    QPlainTextEdit* notes = m_dock->notesEdit();
    QCOMPARE(notes->toPlainText(), "");

    notes->setFocus();
    QTest::keyClicks(notes, "LRU, 1 h TTL");
    QCOMPARE(design().component("cache")->notes, "LRU, 1 h TTL");
    QCOMPARE(design().component("cache")->label, "Redis");
    QCOMPARE(undoStack()->count(), 1);
    QCOMPARE(undoStack()->undoText(), "Edit notes of Redis");

    // Another component's notes: shown when it is picked, a separate step.
    const std::string keyNotes = design().component("key-service")->notes;
    m_dock->showNotesOf("key-service");
    QCOMPARE(notes->toPlainText().toStdString(), keyNotes);
    notes->setFocus();
    notes->moveCursor(QTextCursor::End);
    QTest::keyClicks(notes, " Ok.");
    QCOMPARE(design().component("key-service")->notes, keyNotes + " Ok.");
    QCOMPARE(undoStack()->count(), 2);

    QTest::keySequence(notes, QKeySequence(QKeySequence::Undo));
    QCOMPARE(design().component("key-service")->notes, keyNotes);
    QCOMPARE(notes->toPlainText().toStdString(), keyNotes);
    undoStack()->undo();
    QCOMPARE(design().component("cache")->notes, "");
    m_dock->showNotesOf("cache");
    QCOMPARE(notes->toPlainText(), "");
}

void TestBriefDock::loadingAnotherDesignRefreshesEverything() {
    m_dock->titleEdit()->setFocus();
    QTest::keyClicks(m_dock->titleEdit(), "!");
    m_window->document().markSaved();
    QVERIFY(m_window->openFile(pastebin));
    const Brief& brief = design().brief();
    QCOMPARE(m_dock->titleEdit()->text().toStdString(), brief.title);
    QCOMPARE(m_dock->problemEdit()->toPlainText().toStdString(), brief.problem);
    QCOMPARE(columnTexts(m_dock->table(BriefDock::Table::Functional)->table(), 0), qstrings(brief.functional));
    QTableWidget* api = m_dock->table(BriefDock::Table::Api)->table();
    QCOMPARE(api->rowCount(), int(brief.api.size()));
    for (int row = 0; row < api->rowCount(); ++row)
        QCOMPARE(api->item(row, 1)->text().toStdString(), brief.api[std::size_t(row)].path);
    QCOMPARE(m_dock->table(BriefDock::Table::Entities)->table()->rowCount(), int(brief.entities.size()));
    QCOMPARE(m_dock->notesComponent()->count(), int(design().components().size()));
    QCOMPARE(undoStack()->count(), 0);

    // Typing after a load starts a fresh step on the new design.
    m_dock->titleEdit()->setFocus();
    m_dock->titleEdit()->selectAll();
    QTest::keyClicks(m_dock->titleEdit(), "Paste");
    QCOMPARE(design().brief().title, "Paste");
    QCOMPARE(undoStack()->count(), 1);
}

void TestBriefDock::entityFieldsParseAndFormat() {
    const std::vector<EntityField> fields = parseEntityFields(" id : uuid,name,tags: list<string, 8> ,, ");
    const std::vector<EntityField> expected{{"id", "uuid"}, {"name", ""}, {"tags", "list<string, 8>"}};
    QCOMPARE(fields, expected);
    QCOMPARE(formatEntityFields(fields), "id: uuid, name, tags: list<string, 8>");
    QVERIFY(parseEntityFields("").empty());
}

QTEST_MAIN(TestBriefDock)
#include "tst_brief_dock.moc"
