// The editor as a new user meets it (issue #16): each test drives real widgets headless and failed before
// its fix — a rename that reopens, a theme that does not reach the widgets, a hover that outlives a drop,
// Ctrl+Y, errors that move fields, exports without feedback, numbers shown as digits, the Ctrl+K order,
// identifiers in drop-downs and docks.
#include "clean_main_window.h"
#include "app/gui/analysis_service.h"
#include "app/gui/appearance.h"
#include "app/gui/canvas_items.h"
#include "app/gui/canvas_scene.h"
#include "app/gui/canvas_view.h"
#include "app/gui/estimates_dock.h"
#include "app/gui/export_actions.h"
#include "app/gui/file_places.h"
#include "app/gui/findings_dock.h"
#include "app/gui/inspector_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/mime_types.h"
#include "app/gui/quick_add.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QStyleOptionViewItem>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace napkin;
using namespace napkin::gui;

namespace {

const QString examplePath = QStringLiteral(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");

QPointF centreOf(const Component& c) { return {c.position.x + componentWidth / 2, c.position.y + componentHeight / 2}; }

QList<QLineEdit*> openRenameEditors(CanvasView* view) {
    QList<QLineEdit*> open;
    for (QLineEdit* editor : view->viewport()->findChildren<QLineEdit*>("inlineRenameEditor"))
        if (editor->isVisible())
            open << editor;
    return open;
}

QAction* actionNamed(QWidget* window, const QString& text) {
    for (QAction* action : window->findChildren<QAction*>())
        if (action->text() == text)
            return action;
    return nullptr;
}

QLineEdit* lineEditOf(QWidget* field) {
    if (auto* line = qobject_cast<QLineEdit*>(field))
        return line;
    return field ? field->findChild<QLineEdit*>() : nullptr;
}

QStringList visibleRows(QListWidget* list) {
    QStringList rows;
    for (int i = 0; i < list->count(); ++i)
        if (!list->item(i)->isHidden())
            rows << list->item(i)->text();
    return rows;
}

} // namespace

class TestEditorUx : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void renameWithEnterClosesTheEditor();
    void escapeCancelsARename();
    void ctrlYAndCtrlShiftZBothRedo();
    void themeReachesEveryWidgetAtOnce();
    void dropClearsTheHoverOfTheBoxUnderThePointer();
    void anErrorDoesNotMoveTheFieldsBelow();
    void numbersComeBackTheWayTheyWereTyped();
    void exportProposesTheDesignsFolderAndSaysWhereItWrote();
    void bundledFoldersAreNeverProposed();
    void saveAsProposesANameFromTheTitle();
    void recoveryQuestionNamesTheFileAndTheTime();
    void quickAddListsTheBestMatchFirstAndFitsItsMatches();
    void dropDownsAndDocksShowWords();

private:
    std::unique_ptr<MainWindow> m_window;
    CanvasView* view() const { return m_window->canvasView(); }
    const Design& design() const { return m_window->document().design(); }
};

void TestEditorUx::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName("NapkinTest");
    QApplication::setApplicationName("NapkinEditorUx");
}

void TestEditorUx::init() {
    m_window = test::openCleanMainWindow();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestEditorUx::cleanup() {
    m_window->document().markSaved();
    m_window.reset();
}

void TestEditorUx::renameWithEnterClosesTheEditor() {
    QVERIFY(m_window->openFile(examplePath));
    m_window->canvasScene()->select(Selection{{"cache"}, {}, {}, {}});
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_F2);
    QCOMPARE(openRenameEditors(view()).size(), 1);
    QLineEdit* editor = openRenameEditors(view()).front();
    editor->selectAll();
    QTest::keyClicks(editor, "Memcached");
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(design().component("cache")->label, std::string("Memcached"));
    QCOMPARE(m_window->document().undoStack()->count(), 1);
    // Before the fix the Return went on to the canvas, which opened a second editor at once.
    QTRY_VERIFY(openRenameEditors(view()).isEmpty());
    QVERIFY(view()->hasFocus());
}

void TestEditorUx::escapeCancelsARename() {
    QVERIFY(m_window->openFile(examplePath));
    m_window->canvasScene()->select(Selection{{"cache"}, {}, {}, {}});
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_F2);
    QCOMPARE(openRenameEditors(view()).size(), 1);
    QLineEdit* editor = openRenameEditors(view()).front();
    editor->selectAll();
    QTest::keyClicks(editor, "Gone");
    QTest::keyClick(editor, Qt::Key_Escape);
    QTRY_VERIFY(openRenameEditors(view()).isEmpty());
    QCOMPARE(design().component("cache")->label, std::string("Redis"));
    QCOMPARE(m_window->document().undoStack()->count(), 0);
    QCOMPARE(m_window->selection().components, std::vector<std::string>{"cache"}); // Escape left the selection
}

void TestEditorUx::ctrlYAndCtrlShiftZBothRedo() {
    QVERIFY(m_window->openFile(examplePath));
    QUndoStack* stack = m_window->document().undoStack();
    m_window->canvasScene()->select(Selection{{"dns"}, {}, {}, {}});
    m_window->deleteSelection();
    QVERIFY(!design().component("dns"));
    view()->setFocus();
    for (const QKeyCombination redo : {QKeyCombination(Qt::CTRL, Qt::Key_Y), QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_Z)}) {
        stack->undo();
        QVERIFY(design().component("dns"));
        QTest::keySequence(view(), QKeySequence(redo));
        QVERIFY2(!design().component("dns"), qPrintable(QKeySequence(redo).toString() + " did not redo"));
    }
}

void TestEditorUx::themeReachesEveryWidgetAtOnce() {
    installAppearanceMenu(*m_window);
    QVERIFY(m_window->openFile(examplePath));
    auto* findings = m_window->findChild<FindingsDock*>("findingsDock");
    QVERIFY(findings);
    auto* whatIf = findings->findChild<QListWidget*>();
    QVERIFY(whatIf);
    const QColor startWindow = m_window->inspectorPanel()->palette().color(QPalette::Window);
    const QColor startBase = whatIf->palette().color(QPalette::Base);

    QWidget* paletteTree = m_window->findChild<QWidget*>("paletteTree");
    QVERIFY(paletteTree);
    const QColor startTree = paletteTree->palette().color(QPalette::Base);

    // Every widget, the ones with a style sheet included (those kept the palette they were polished with: the
    // palette tree stayed white in dark, then black back in System).
    const auto everyWidget = [this] {
        QList<QWidget*> all = m_window->findChildren<QWidget*>();
        all << m_window.get();
        return all;
    };
    m_window->findChild<QAction*>("theme-dark")->trigger();
    const QPalette dark = darkPalette();
    for (QWidget* widget : everyWidget()) {
        const QString name = widget->metaObject()->className() + QString(" ") + widget->objectName();
        QVERIFY2(widget->palette().color(QPalette::Window) == dark.color(QPalette::Window), qPrintable(name));
        QVERIFY2(widget->palette().color(QPalette::Base) == dark.color(QPalette::Base), qPrintable(name));
    }
    QCOMPARE(whatIf->palette().color(QPalette::Text), dark.color(QPalette::Text));
    // The What-if check boxes: their frame must stand out from the list behind them, which on dark it did not.
    QImage box(20, 20, QImage::Format_ARGB32);
    box.fill(whatIf->palette().color(QPalette::Base));
    {
        QPainter painter(&box);
        QStyleOptionViewItem option;
        option.initFrom(whatIf);
        option.rect = QRect(2, 2, 16, 16);
        option.state |= QStyle::State_Off | QStyle::State_Enabled;
        whatIf->style()->drawPrimitive(QStyle::PE_IndicatorItemViewItemCheck, &option, &painter, whatIf);
    }
    const int inside = QColor(box.pixel(10, 10)).lightness();
    int frame = inside;
    for (int x = 1; x < 10; ++x) // the strongest edge on the way in from the left
        frame = std::max(frame, std::abs(QColor(box.pixel(x, 10)).lightness() - inside) + inside);
    QVERIFY2(frame - inside >= 60, qPrintable(QString("frame %1 on box %2").arg(frame).arg(inside)));

    m_window->findChild<QAction*>("theme-system")->trigger();
    QCOMPARE(m_window->inspectorPanel()->palette().color(QPalette::Window), startWindow);
    QCOMPARE(whatIf->palette().color(QPalette::Base), startBase);
    QCOMPARE(paletteTree->palette().color(QPalette::Base), startTree);
    for (QWidget* widget : everyWidget())
        QVERIFY2(widget->palette().color(QPalette::Base) != dark.color(QPalette::Base),
                 qPrintable(widget->metaObject()->className() + QString(" ") + widget->objectName()));
}

void TestEditorUx::dropClearsTheHoverOfTheBoxUnderThePointer() {
    QVERIFY(m_window->openFile(examplePath));
    view()->setZoom(1);
    const QPointF cacheCentre = centreOf(*design().component("cache"));
    view()->centerOn(cacheCentre);
    ComponentItem* cache = m_window->canvasScene()->componentItem("cache");
    const QPoint over = view()->mapFromScene(cacheCentre);
    QMouseEvent move(QEvent::MouseMove, QPointF(over), QPointF(view()->viewport()->mapToGlobal(over)), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view()->viewport(), &move);
    QVERIFY(cache->isHovered());

    // A palette drag arrives: the view gets drag events only, no mouse move and no Leave.
    const QPoint target = view()->mapFromScene(cacheCentre + QPointF(0, 200));
    QMimeData mime;
    mime.setData(kindMimeType, "service");
    QDragEnterEvent enter(target, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view()->viewport(), &enter);
    QDropEvent drop(QPointF(target), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view()->viewport(), &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(m_window->selection().components.size(), std::size_t(1));
    QVERIFY(!cache->isHovered());
}

void TestEditorUx::anErrorDoesNotMoveTheFieldsBelow() {
    QVERIFY(m_window->openFile(examplePath));
    m_window->canvasScene()->select(Selection{{"cache"}, {}, {}, {}});
    InspectorPanel* inspector = m_window->inspectorPanel();
    QLineEdit* replicas = lineEditOf(inspector->field("replicas"));
    QWidget* below = inspector->field("shards");
    QWidget* further = inspector->field("eviction");
    QVERIFY(replicas && below && further);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QPoint belowAt = below->mapTo(m_window.get(), QPoint());
    const QPoint furtherAt = further->mapTo(m_window.get(), QPoint());
    replicas->setFocus();
    replicas->selectAll();
    QTest::keyClicks(replicas, "lots");
    QVERIFY(!inspector->fieldError("replicas").isEmpty());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCOMPARE(below->mapTo(m_window.get(), QPoint()), belowAt);
    QCOMPARE(further->mapTo(m_window.get(), QPoint()), furtherAt);
    // The error sits under its own field, where the user looks.
    QList<QLabel*> shown;
    for (QLabel* label : inspector->findChildren<QLabel*>("fieldError"))
        if (label->isVisible())
            shown << label;
    QCOMPARE(shown.size(), 1);
    QLabel* error = shown.front();
    QWidget* field = inspector->field("replicas");
    QCOMPARE(error->mapTo(m_window.get(), QPoint()), field->mapTo(m_window.get(), QPoint(0, field->height() + 1)));
    replicas->selectAll();
    QTest::keyClicks(replicas, "3");
    QVERIFY(inspector->fieldError("replicas").isEmpty());
    QVERIFY(!error->isVisible());
}

void TestEditorUx::numbersComeBackTheWayTheyWereTyped() {
    QVERIFY(m_window->openFile(examplePath));
    m_window->canvasScene()->select(Selection{{"shortener"}, {}, {}, {}});
    InspectorPanel* inspector = m_window->inspectorPanel();
    QLineEdit* capacity = lineEditOf(inspector->field("capacity_qps"));
    QVERIFY(capacity);
    capacity->setFocus();
    capacity->selectAll();
    QTest::keyClicks(capacity, "10M");
    QCOMPARE(design().component("shortener")->props.at("capacity_qps").get<double>(), 1e7);
    m_window->canvasScene()->select(Selection{}); // away and back: the field is rebuilt from the model
    m_window->canvasScene()->select(Selection{{"shortener"}, {}, {}, {}});
    QCOMPARE(lineEditOf(inspector->field("capacity_qps"))->text(), QString("10 M"));
}

void TestEditorUx::exportProposesTheDesignsFolderAndSaysWhereItWrote() {
    installExportActions(*m_window);
    QTemporaryDir folder;
    QVERIFY(m_window->openFile(examplePath));
    QString error;
    QVERIFY2(m_window->saveFile(folder.filePath("shop.napkin"), &error), qPrintable(error));
    const QString written = folder.filePath("shop.svg");
    QString proposed;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        proposed = QDir(dialog->directory()).absolutePath();
        dialog->selectFile(written);
        QMetaObject::invokeMethod(dialog, "accept"); // a slot, protected in C++
    });
    actionNamed(m_window.get(), "Diagram as SVG…")->trigger();
    QCOMPARE(proposed, QDir(folder.path()).absolutePath());
    QVERIFY(QFileInfo(written).size() > 0);
    auto* notice = m_window->statusBar()->findChild<QLabel*>("exportNotice");
    QVERIFY(notice && notice->isVisible());
    QVERIFY(notice->text().contains(QUrl::fromLocalFile(written).toString(QUrl::FullyEncoded)));
    QVERIFY(notice->openExternalLinks());
    // The folder is remembered for the next export, whatever design is open.
    QCOMPARE(proposedFolder(exportFolderKey, QString()), QDir(folder.path()).absolutePath());
}

void TestEditorUx::bundledFoldersAreNeverProposed() {
    const QString examples = QStringLiteral(NAPKIN_RESOURCES_DIR "/examples");
    QVERIFY(isBundledFolder(examples));
    QVERIFY(isBundledFolder(NAPKIN_RESOURCES_DIR "/problems/tiny-url"));
    QTemporaryDir own;
    QVERIFY(!isBundledFolder(own.path()));
    const QString proposed = proposedFolder(exportFolderKey, examples + "/tiny-url.napkin");
    QVERIFY2(!proposed.startsWith(QFileInfo(NAPKIN_RESOURCES_DIR).canonicalFilePath()), qPrintable(proposed));
    QCOMPARE(proposedFolder(exportFolderKey, own.filePath("a.napkin")), own.path());
}

void TestEditorUx::saveAsProposesANameFromTheTitle() {
    QTemporaryDir folder;
    rememberFolder(saveFolderKey, folder.filePath("earlier.napkin"));
    Design design;
    Brief brief;
    brief.title = "Tiny URL: v2 (draft)";
    design.setBrief(brief);
    m_window->newUntitled(design);
    QCOMPARE(m_window->proposedSavePath(), QDir(folder.path()).filePath("tiny-url-v2-draft.napkin"));
    QCOMPARE(fileNameForTitle(""), QString("design"));
}

void TestEditorUx::recoveryQuestionNamesTheFileAndTheTime() {
    QVERIFY(m_window->openFile(examplePath));
    m_window->canvasScene()->select(Selection{{"zk"}, {}, {}, {}});
    m_window->deleteSelection();
    QVERIFY(m_window->writeRecoveryFile());
    m_window->document().markSaved();
    m_window.reset(); // a crash
    m_window = std::make_unique<MainWindow>();
    const QString when =
        QLocale().toString(QFileInfo(MainWindow::recoveryFilePath()).lastModified(), QLocale::ShortFormat);
    const QString question = m_window->recoveryQuestion();
    QVERIFY2(question.contains("“tiny-url.napkin”"), qPrintable(question));
    QVERIFY2(question.contains(QDir::toNativeSeparators(QFileInfo(examplePath).absolutePath())), qPrintable(question));
    QVERIFY2(question.contains(when), qPrintable(question));
    m_window->discardRecovery();
}

void TestEditorUx::quickAddListsTheBestMatchFirstAndFitsItsMatches() {
    auto* popup = m_window->findChild<QuickAddPopup*>();
    QVERIFY(popup);
    popup->popup();
    QListWidget* list = popup->matchList();
    const int fullHeight = popup->height();
    QTest::keyClicks(popup->searchField(), "server");
    // "server" is Service's alias (exact), the start of Real-time Gateway's "server-sent events" and of
    // "Serverless Function" (prefixes, in catalog order), then a word inside DNS's "name server" and the
    // database's "sql server".
    QCOMPARE(visibleRows(list), (QStringList{"Service", "Real-time Gateway", "Serverless Function", "DNS / Geo-DNS",
                                             "Relational Database"}));
    QCOMPARE(list->currentRow(), 0);
    QVERIFY(popup->height() < fullHeight);
    const int rows = int(visibleRows(list).size());
    QCOMPARE(rows, 5);
    const int rowHeight = std::max(list->sizeHintForRow(0), list->iconSize().height() + 4);
    QCOMPARE(list->height(), rows * rowHeight + 2 * list->frameWidth()); // no empty space under them

    popup->searchField()->clear();
    QTest::keyClicks(popup->searchField(), "queue");
    QCOMPARE(visibleRows(list).mid(0, 2), (QStringList{"Message Log / Queue", "Task Queue"}));
    popup->searchField()->clear();
    QTest::keyClicks(popup->searchField(), "db");
    QCOMPARE(visibleRows(list).front(), QString("Relational Database"));
    popup->hide();
}

void TestEditorUx::dropDownsAndDocksShowWords() {
    QVERIFY(m_window->openFile(examplePath));
    m_window->canvasScene()->select(Selection{{"user-db"}, {}, {}, {}});
    auto* replication = qobject_cast<QComboBox*>(m_window->inspectorPanel()->field("replication"));
    QVERIFY(replication);
    QStringList items;
    for (int i = 0; i < replication->count(); ++i)
        items << replication->itemText(i);
    QCOMPARE(items, (QStringList{"None", "Single leader", "Multi leader", "Leaderless"}));
    auto* isolation = qobject_cast<QComboBox*>(m_window->inspectorPanel()->field("isolation"));
    QVERIFY(isolation);
    QCOMPARE(isolation->itemText(0), QString("Read committed"));

    auto* estimates = m_window->findChild<EstimatesDock*>("estimatesDock");
    QSignalSpy analysed(&m_window->analysis(), &AnalysisService::updated);
    estimates->refresh(); // the analysis runs on its worker thread
    QVERIFY(analysed.wait());
    QStringList names;
    QTreeWidget* tree = estimates->tree();
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j)
            if (!tree->topLevelItem(i)->child(j)->data(0, Qt::UserRole).toString().isEmpty())
                names << tree->topLevelItem(i)->child(j)->text(0);
    QVERIFY2(names.contains("URL Service") && names.contains("Key Generation"), qPrintable(names.join(", ")));
    QVERIFY(!names.contains("shortener"));

    auto* findings = m_window->findChild<FindingsDock*>("findingsDock");
    findings->refresh();
    QVERIFY(analysed.wait());
    auto* list = findings->findChild<QTreeWidget*>();
    QVERIFY(list->topLevelItemCount() > 0);
    const Design& d = design();
    for (int row = 0; row < list->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = list->topLevelItem(row);
        for (const Component& c : d.components())
            if (c.id != c.label)
                QVERIFY2(!item->text(2).split(", ").contains(QString::fromStdString(c.id)), qPrintable(item->text(2)));
        // The rule column is as wide as its longest rule name.
        QVERIFY(list->header()->sectionSize(1) >= list->fontMetrics().horizontalAdvance(item->text(1)));
    }
}

QTEST_MAIN(TestEditorUx)
#include "tst_editor_ux.moc"
