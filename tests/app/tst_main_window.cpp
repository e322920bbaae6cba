// The editor driven like a user drives it: drops on the canvas viewport, mouse drags on the view, keyboard
// input in the inspector and quick-add, the clipboard, files and crash recovery.
#include "clean_main_window.h"
#include "app/gui/analysis_service.h"
#include "app/gui/appearance.h"
#include "app/gui/canvas_scene.h"
#include "app/gui/canvas_view.h"
#include "app/gui/export_diagram.h"
#include "app/gui/inspector_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/mime_types.h"
#include "app/gui/quick_add.h"
#include "model/napkin_file.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace napkin;
using namespace napkin::gui;

namespace {

const QString examplePath = QStringLiteral(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");

void sendMouse(QWidget* target, QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
    QMouseEvent event(type, QPointF(pos), QPointF(target->mapToGlobal(pos)), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(target, &event);
}

/// Press at `from`, move in a few steps, release at `to` (scene coordinates), with the left button.
void dragInView(CanvasView* view, QPointF from, QPointF to) {
    QWidget* viewport = view->viewport();
    const QPoint start = view->mapFromScene(from);
    const QPoint end = view->mapFromScene(to);
    sendMouse(viewport, QEvent::MouseMove, start, Qt::NoButton, Qt::NoButton);
    sendMouse(viewport, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    for (int step = 1; step <= 4; ++step)
        sendMouse(viewport, QEvent::MouseMove, start + (end - start) * step / 4, Qt::NoButton, Qt::LeftButton);
    sendMouse(viewport, QEvent::MouseButtonRelease, end, Qt::LeftButton, Qt::NoButton);
}

/// A palette drag arriving on the canvas: enter, move and drop on the view's viewport.
bool dropKind(CanvasView* view, const QByteArray& kind, QPointF scenePoint) {
    const QPoint pos = view->mapFromScene(scenePoint);
    QMimeData mime;
    mime.setData(kindMimeType, kind);
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &enter);
    QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &move);
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &drop);
    return enter.isAccepted() && drop.isAccepted();
}

/// The line edit of an inspector field (alone, or beside its unit).
QLineEdit* lineEditOf(QWidget* field) {
    if (auto* line = qobject_cast<QLineEdit*>(field))
        return line;
    return field ? field->findChild<QLineEdit*>() : nullptr;
}

QPointF centreOf(const Component& c) { return {c.position.x + componentWidth / 2, c.position.y + componentHeight / 2}; }

/// True when some segment of the route passes through the inside of `box`.
bool routeEnters(const QPolygonF& route, const QRectF& box) {
    for (qsizetype i = 1; i < route.size(); ++i) {
        const QRectF extent = QRectF(route[i - 1], route[i]).normalized();
        if (extent.left() < box.right() && extent.right() > box.left() && extent.top() < box.bottom() &&
            extent.bottom() > box.top())
            return true;
    }
    return false;
}

bool onBorderOf(const QPointF& p, const QRectF& box) {
    return box.adjusted(-0.5, -0.5, 0.5, 0.5).contains(p) && !box.adjusted(0.5, 0.5, -0.5, -0.5).contains(p);
}

Component service(const std::string& id, double x, double y) {
    Component c;
    c.id = id;
    c.kind = "service";
    c.label = id;
    c.position = {x, y};
    return c;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void paletteDropCreatesComponentAtDropPoint();
    void dragFromHandleCreatesLink();
    void moveIsOneStepAndUndoRestoresPosition();
    void deleteAndUndoRestoresLinks();
    void copyPasteKeepsInternalLinks();
    void propertyEditMergesRejectsBadValuesAndUndoes();
    void undoFromTheMenuWhileTypingRefreshesTheField();
    void editingSeveralComponentsSetsThemAll();
    void darkThemeRepaintsTheCanvasButExportsStayOnPaper();
    void quickAddPlacesAndConnects();
    void movingIntoAZoneChangesMembership();
    void resizingAZoneChangesMembership();
    void movingAZoneCarriesItsMembers();
    void linkReroutesAroundAComponentMovedIntoItsWay();
    void draggingASelectionKeepsEveryLinkOnItsBoxes();
    void exampleLinksKeepClearOfBoxesAndEachOthersLabels();
    void labelsKeepClearAfterADrag();
    void aDragGlancesForLabelPlacesAndTheDropSearches();
    void arrowKeysNudgeAndTabCycles();
    void renameInPlaceWithF2();
    void saveThenOpenGivesTheSameDesign();
    void badFileShowsDiagnosticsAndChangesNothing();
    void recoveryAfterACrash();

private:
    QString firstCoveredLabelOrLine() const;
    std::unique_ptr<MainWindow> m_window;
    CanvasView* view() const { return m_window->canvasView(); }
    const Design& design() const { return m_window->document().design(); }
};

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName("NapkinTest");
    QApplication::setApplicationName("NapkinTest");
}

void TestMainWindow::init() {
    m_window = test::openCleanMainWindow();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup() {
    m_window->document().markSaved(); // no "save changes?" question when the window closes
    m_window.reset();
}

void TestMainWindow::paletteDropCreatesComponentAtDropPoint() {
    view()->setZoom(1);
    QVERIFY(dropKind(view(), "cache", QPointF(300, 200)));
    const Component* cache = design().component("cache");
    QVERIFY(cache);
    QCOMPARE(cache->label, std::string("Cache"));
    QCOMPARE(cache->position, (Point{220, 160})); // centred on the drop point, snapped to the 20 px grid
    QCOMPARE(m_window->selection().components, std::vector<std::string>{"cache"});
    QVERIFY(dropKind(view(), "cache", QPointF(300, 400)));
    QVERIFY(design().component("cache-2"));
    QCOMPARE(design().component("cache-2")->label, std::string("Cache 2"));
    QCOMPARE(m_window->document().undoStack()->count(), 2);
}

void TestMainWindow::dragFromHandleCreatesLink() {
    QVERIFY(m_window->openFile(examplePath));
    view()->setZoom(1);
    const Component& from = *design().component("monitoring");
    const Component& to = *design().component("dns");
    view()->centerOn(centreOf(from));
    ComponentItem* item = m_window->canvasScene()->componentItem("monitoring");
    const QPointF handle = item->mapToScene(item->handleCentre());
    view()->setZoom(0.5);
    view()->centerOn((centreOf(from) + centreOf(to)) / 2);
    dragInView(view(), handle, centreOf(to));
    const Link* link = design().link("monitoring-dns");
    QVERIFY(link);
    QCOMPARE(link->from, std::string("monitoring"));
    QCOMPARE(link->to, std::string("dns"));
    QVERIFY(link->protocol == Protocol::Http);
    QCOMPARE(m_window->document().undoStack()->count(), 1);
    QVERIFY(m_window->canvasScene()->linkItem("monitoring-dns"));
}

void TestMainWindow::moveIsOneStepAndUndoRestoresPosition() {
    QVERIFY(m_window->openFile(examplePath));
    view()->setZoom(1);
    const Point before = design().component("monitoring")->position;
    view()->centerOn(centreOf(*design().component("monitoring")));
    const QPointF grab = centreOf(*design().component("monitoring")) + QPointF(-30, 0);
    dragInView(view(), grab, grab + QPointF(100, 60));
    QCOMPARE(design().component("monitoring")->position, (Point{before.x + 100, before.y + 60}));
    QCOMPARE(m_window->document().undoStack()->count(), 1);
    m_window->document().undoStack()->undo();
    QCOMPARE(design().component("monitoring")->position, before);
    QCOMPARE(m_window->canvasScene()->componentItem("monitoring")->pos(), QPointF(before.x, before.y));
}

void TestMainWindow::deleteAndUndoRestoresLinks() {
    QVERIFY(m_window->openFile(examplePath));
    const std::string before = saveDesign(design());
    m_window->canvasScene()->select(Selection{{"shortener"}, {}, {}, {}});
    m_window->deleteSelection();
    QVERIFY(!design().component("shortener"));
    QCOMPARE(design().links().size(), std::size_t(3));
    QVERIFY(!m_window->canvasScene()->linkItem("lb-shortener"));
    m_window->document().undoStack()->undo();
    QCOMPARE(saveDesign(design()), before);
    QVERIFY(m_window->canvasScene()->linkItem("lb-shortener"));
    QVERIFY(m_window->canvasScene()->componentItem("shortener"));
}

void TestMainWindow::copyPasteKeepsInternalLinks() {
    QVERIFY(m_window->openFile(examplePath));
    m_window->canvasScene()->select(Selection{{"shortener", "cache", "dns"}, {}, {}, {}});
    m_window->copySelection();
    const QMimeData* clipboard = QApplication::clipboard()->mimeData();
    QVERIFY(clipboard->hasFormat(fragmentMimeType));
    QVERIFY(clipboard->text().contains("\"shortener-cache\""));
    QVERIFY(m_window->paste());
    QCOMPARE(m_window->selection().components, (std::vector<std::string>{"dns-2", "shortener-2", "cache-2"}));
    const Link* copied = design().link("shortener-cache-2");
    QVERIFY(copied);
    QCOMPARE(copied->from, std::string("shortener-2"));
    QCOMPARE(copied->to, std::string("cache-2"));
    QCOMPARE(copied->label, std::string("read alias"));
    QCOMPARE(design().links().size(), std::size_t(9)); // only the link inside the selection came along
    QCOMPARE(design().component("cache-2")->label, std::string("Redis 2"));
    QCOMPARE(design().component("cache-2")->position.x, design().component("cache")->position.x + 40);
    QCOMPARE(m_window->document().undoStack()->count(), 1);

    // Pasting the plain-text JSON (another application, another window) works too.
    auto* textOnly = new QMimeData;
    textOnly->setText(clipboard->text());
    QApplication::clipboard()->setMimeData(textOnly);
    QVERIFY(m_window->paste());
    QVERIFY(design().component("shortener-3"));
}

void TestMainWindow::propertyEditMergesRejectsBadValuesAndUndoes() {
    QVERIFY(m_window->openFile(examplePath));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->canvasScene()->select(Selection{{"cache"}, {}, {}, {}});
    auto* field = lineEditOf(m_window->inspectorPanel()->field("replicas"));
    QVERIFY(field);
    QCOMPARE(field->text(), QString("2"));
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, "12");
    QVERIFY(design().component("cache")->props.at("replicas") == Json(12));
    QCOMPARE(m_window->document().undoStack()->count(), 1); // "1" then "12": one step

    QTest::keyClicks(field, "x");
    QVERIFY(design().component("cache")->props.at("replicas") == Json(12));
    QVERIFY(!m_window->inspectorPanel()->fieldError("replicas").isEmpty());

    auto* memory = lineEditOf(m_window->inspectorPanel()->field("memory_per_node"));
    memory->setFocus();
    memory->selectAll();
    QTest::keyClicks(memory, "-5");
    QVERIFY(!m_window->inspectorPanel()->fieldError("memory_per_node").isEmpty());
    QVERIFY(design().component("cache")->props.at("memory_per_node") == Json(64)); // never clamped

    m_window->document().undoStack()->undo();
    QVERIFY(design().component("cache")->props.at("replicas") == Json(2));
}

void TestMainWindow::undoFromTheMenuWhileTypingRefreshesTheField() {
    QVERIFY(m_window->openFile(examplePath));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->canvasScene()->select(Selection{{"cache"}, {}, {}, {}});
    auto* field = lineEditOf(m_window->inspectorPanel()->field("replicas"));
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, "7");
    QVERIFY(design().component("cache")->props.at("replicas") == Json(7));

    QAction* undo = nullptr;
    for (QAction* action : m_window->menu(MenuId::Edit)->actions())
        if (action->shortcut() == QKeySequence::Undo)
            undo = action;
    QVERIFY(undo);
    undo->trigger(); // as a click on the menu or the toolbar: the field keeps the keyboard focus
    QVERIFY(design().component("cache")->props.at("replicas") == Json(2));
    QTRY_COMPARE(lineEditOf(m_window->inspectorPanel()->field("replicas"))->text(), QString("2"));
    field = lineEditOf(m_window->inspectorPanel()->field("replicas"));
    QVERIFY(field->hasFocus());

    QTest::keyClicks(field, "0"); // typing again starts a new step, not a merge into the undone one
    QVERIFY(design().component("cache")->props.at("replicas") == Json(20));
    QCOMPARE(m_window->document().undoStack()->count(), 1);
    QCOMPARE(m_window->document().undoStack()->index(), 1);
}

void TestMainWindow::editingSeveralComponentsSetsThemAll() {
    QVERIFY(m_window->openFile(examplePath));
    m_window->canvasScene()->select(Selection{{"shortener", "key-service"}, {}, {}, {}});
    auto* field = lineEditOf(m_window->inspectorPanel()->field("capacity_qps"));
    QVERIFY(field);
    field->setFocus();
    QTest::keyClicks(field, "10k");
    QVERIFY(design().component("shortener")->props.at("capacity_qps") == Json(10000));
    QVERIFY(design().component("key-service")->props.at("capacity_qps") == Json(10000));
    QCOMPARE(m_window->document().undoStack()->count(), 1);
}

void TestMainWindow::darkThemeRepaintsTheCanvasButExportsStayOnPaper() {
    QSignalSpy analysed(&m_window->analysis(), &AnalysisService::updated);
    QVERIFY(m_window->openFile(examplePath));
    installAppearanceMenu(*m_window);
    QTRY_VERIFY(!analysed.isEmpty()); // the overlay is drawn on both exports
    QTemporaryDir dir;
    const QString light = dir.filePath("light.png");
    const QString dark = dir.filePath("dark.png");
    QCOMPARE(exportDiagram(*m_window->canvasScene(), DiagramFormat::Png, light), QString());
    const auto background = [this] { return view()->viewport()->grab().toImage().pixelColor(3, 3).lightness(); };
    QVERIFY(background() > 200);

    auto* darkTheme = m_window->findChild<QAction*>("theme-dark");
    QVERIFY(darkTheme);
    darkTheme->trigger();
    QCOMPARE(savedTheme(), Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QTRY_VERIFY(background() < 80);
    QCOMPARE(exportDiagram(*m_window->canvasScene(), DiagramFormat::Png, dark), QString());
    QCOMPARE(QImage(dark), QImage(light)); // documents are printed on white paper whatever the theme

    m_window->findChild<QAction*>("theme-system")->trigger();
    QCOMPARE(savedTheme(), Theme::System);
    QTRY_VERIFY(background() > 200);
}

void TestMainWindow::quickAddPlacesAndConnects() {
    QVERIFY(m_window->openFile(examplePath));
    m_window->canvasScene()->select(Selection{{"shortener"}, {}, {}, {}});
    QuickAddPopup* popup = m_window->quickAddPopup();
    popup->popup();
    QTest::keyClicks(popup->searchField(), "kafka");
    QTest::keyClick(popup->searchField(), Qt::Key_Return);
    QVERIFY(!popup->isVisible());
    const Component* queue = design().component("message-queue");
    QVERIFY(queue);
    const Link* link = design().link("shortener-message-queue");
    QVERIFY(link);
    QVERIFY(link->protocol == Protocol::AsyncMessage);
    QCOMPARE(m_window->selection().components, std::vector<std::string>{"message-queue"});
    QCOMPARE(m_window->document().undoStack()->count(), 1);
    m_window->document().undoStack()->undo();
    QVERIFY(!design().component("message-queue"));
    QVERIFY(!design().link("shortener-message-queue"));
}

void TestMainWindow::movingIntoAZoneChangesMembership() {
    QVERIFY(m_window->openFile(examplePath));
    view()->setZoom(0.5);
    view()->centerOn(900, 250);
    QCOMPARE(design().component("monitoring")->zone, std::string());
    const QPointF grab = centreOf(*design().component("monitoring")) + QPointF(-30, 0);
    // An empty spot of us-east-1a (x 420..1120, y 20..250): right of Redis, above the ZooKeeper row.
    const QPointF target(1020, 60);
    dragInView(view(), grab, target);
    QCOMPARE(design().component("monitoring")->zone, std::string("az-a"));
    m_window->document().undoStack()->undo();
    QCOMPARE(design().component("monitoring")->zone, std::string());
}

void TestMainWindow::resizingAZoneChangesMembership() {
    QVERIFY(m_window->openFile(examplePath));
    view()->setZoom(0.5);
    view()->centerOn(900, 300);
    const Rect before = design().zone("az-b")->rect;
    QCOMPARE(design().component("user-db")->zone, std::string("region"));
    ZoneItem* zone = m_window->canvasScene()->zoneItem("az-b");
    const QPointF corner = zone->mapToScene(QPointF(zone->size().width() - 4, zone->size().height() - 4));
    dragInView(view(), corner, corner + QPointF(280, 0)); // wide enough to cover the user database
    QCOMPARE(design().zone("az-b")->rect.width, before.width + 280);
    QCOMPARE(design().component("user-db")->zone, std::string("az-b"));
    QCOMPARE(m_window->document().undoStack()->count(), 1);
    m_window->document().undoStack()->undo();
    QCOMPARE(design().zone("az-b")->rect, before);
    QCOMPARE(design().component("user-db")->zone, std::string("region"));
}

void TestMainWindow::movingAZoneCarriesItsMembers() {
    QVERIFY(m_window->openFile(examplePath));
    view()->setZoom(0.5);
    view()->centerOn(700, 300);
    const Point member = design().component("key-service")->position;
    const Rect zoneBefore = design().zone("az-b")->rect;
    ZoneItem* zone = m_window->canvasScene()->zoneItem("az-b");
    const QPointF title = zone->mapToScene(zone->labelRect().center());
    dragInView(view(), title, title + QPointF(0, 100));
    QCOMPARE(design().zone("az-b")->rect.y, zoneBefore.y + 100);
    QCOMPARE(design().component("key-service")->position, (Point{member.x, member.y + 100}));
    QCOMPARE(design().component("key-service")->zone, std::string("az-b"));
    QCOMPARE(m_window->document().undoStack()->count(), 1);
    m_window->document().undoStack()->undo();
    QCOMPARE(design().component("key-service")->position, member);
    QCOMPARE(design().zone("az-b")->rect, zoneBefore);
}

void TestMainWindow::linkReroutesAroundAComponentMovedIntoItsWay() {
    Link link;
    link.id = "a-b";
    link.from = "a";
    link.to = "b";
    const Compound setup{{AddComponent{service("a", 0, 0)}, AddComponent{service("b", 600, 0)},
                          AddComponent{service("c", 300, 300)}, AddLink{link}}};
    QVERIFY(m_window->document().execute(setup, "setup"));
    CanvasScene* scene = m_window->canvasScene();
    const LinkItem* item = scene->linkItem("a-b");
    QVERIFY(item);
    QCOMPARE(item->route().size(), 2); // nothing in the way: straight across

    view()->setZoom(0.5);
    view()->centerOn(380, 150);
    QWidget* viewport = view()->viewport();
    const QPoint grab = view()->mapFromScene(centreOf(*design().component("c")) + QPointF(-30, 0));
    const QPoint drop = grab + QPoint(0, -150); // 300 scene pixels up, into the row of a and b
    sendMouse(viewport, QEvent::MouseMove, grab, Qt::NoButton, Qt::NoButton);
    sendMouse(viewport, QEvent::MouseButtonPress, grab, Qt::LeftButton, Qt::LeftButton);
    for (int step = 1; step <= 4; ++step)
        sendMouse(viewport, QEvent::MouseMove, grab + (drop - grab) * step / 4, Qt::NoButton, Qt::LeftButton);
    // Live, before the drop: the link already goes round the box being dragged.
    const ComponentItem* moving = scene->componentItem("c");
    QVERIFY(moving->pos().y() < 64);
    QVERIFY(!routeEnters(item->route(), moving->mapRectToScene(moving->outlineRect())));
    QVERIFY(item->route().size() > 2);
    sendMouse(viewport, QEvent::MouseButtonRelease, drop, Qt::LeftButton, Qt::NoButton);

    QCOMPARE(design().component("c")->position, (Point{300, 0}));
    const QPolygonF around = item->route();
    QVERIFY(around.size() > 2);
    auto outlineOf = [&](const char* id) {
        const ComponentItem* component = scene->componentItem(id);
        return component->mapRectToScene(component->outlineRect()); // the box with its stacked replicas
    };
    QVERIFY(!routeEnters(around, outlineOf("c")));
    // Routed round the outlines, the ends land on the front cards, where the arrowhead meets the label's box.
    auto frontOf = [&](const char* id) {
        const ComponentItem* component = scene->componentItem(id);
        return component->mapRectToScene(component->bodyRect());
    };
    QVERIFY(onBorderOf(around.front(), frontOf("a")));
    QVERIFY(onBorderOf(around.back(), frontOf("b")));
    m_window->document().undoStack()->undo();
    QCOMPARE(item->route().size(), 2); // out of the way again: straight
}

// A drag frame moves every selected box, then re-routes the links once (CanvasScene::MoveBatch): after each
// mouse move, before the drop, every link of the selection already ends on its boxes where they now are.
void TestMainWindow::draggingASelectionKeepsEveryLinkOnItsBoxes() {
    auto link = [](const char* from, const char* to) {
        Link l;
        l.id = std::string(from) + "-" + to;
        l.from = from;
        l.to = to;
        return l;
    };
    const Compound setup{{AddComponent{service("a", 0, 0)}, AddComponent{service("b", 400, 0)},
                          AddComponent{service("c", 800, 300)}, AddLink{link("a", "b")},
                          AddLink{link("b", "c")}, AddLink{link("c", "a")}}};
    QVERIFY(m_window->document().execute(setup, "setup"));
    CanvasScene* scene = m_window->canvasScene();
    scene->select({{"a", "b"}, {}, {}, {}});
    view()->setZoom(0.5);
    view()->centerOn(500, 200);
    QWidget* viewport = view()->viewport();
    const QPoint grab = view()->mapFromScene(centreOf(*design().component("a")) + QPointF(-30, 0));
    sendMouse(viewport, QEvent::MouseMove, grab, Qt::NoButton, Qt::NoButton);
    sendMouse(viewport, QEvent::MouseButtonPress, grab, Qt::LeftButton, Qt::LeftButton);
    auto frontOf = [&](const char* id) {
        const ComponentItem* component = scene->componentItem(id);
        return component->mapRectToScene(component->bodyRect());
    };
    auto endsOn = [&](const char* linkId, const char* from, const char* to) {
        const QPolygonF route = scene->linkItem(linkId)->route();
        return onBorderOf(route.front(), frontOf(from)) && onBorderOf(route.back(), frontOf(to));
    };
    for (int step = 1; step <= 3; ++step) {
        sendMouse(viewport, QEvent::MouseMove, grab + QPoint(0, 50 * step), Qt::NoButton, Qt::LeftButton);
        QCOMPARE(scene->componentItem("a")->pos(), QPointF(0, 100 * step));
        QCOMPARE(scene->componentItem("b")->pos(), QPointF(400, 100 * step));
        QVERIFY2(endsOn("a-b", "a", "b"), qPrintable(QString("frame %1").arg(step)));
        QVERIFY2(endsOn("b-c", "b", "c"), qPrintable(QString("frame %1").arg(step)));
        QVERIFY2(endsOn("c-a", "c", "a"), qPrintable(QString("frame %1").arg(step)));
    }
    sendMouse(viewport, QEvent::MouseButtonRelease, grab + QPoint(0, 150), Qt::LeftButton, Qt::NoButton);
    QCOMPARE(design().component("a")->position, (Point{0, 300}));
    QCOMPARE(design().component("b")->position, (Point{400, 300}));
    QCOMPARE(m_window->document().undoStack()->count(), 2); // the set-up and the one move
    QVERIFY(endsOn("a-b", "a", "b"));
}

// What a link's label or line covers on the canvas: "" when every label keeps off every box and other label,
// and every line off the boxes it does not join.
QString TestMainWindow::firstCoveredLabelOrLine() const {
    const CanvasScene* scene = m_window->canvasScene();
    QList<QRectF> labels;
    for (const Link& link : design().links()) {
        const QString id = QString::fromStdString(link.id);
        const LinkItem* item = scene->linkItem(id);
        if (!item)
            return id + " has no line";
        for (const ComponentItem* component : scene->componentItems()) {
            const QRectF outline = component->mapRectToScene(component->outlineRect());
            if (item->labelRect().intersects(outline))
                return id + "'s label on " + component->id();
            if (component->id().toStdString() != link.from && component->id().toStdString() != link.to &&
                routeEnters(item->route(), outline))
                return id + " through " + component->id();
        }
        for (const QRectF& other : std::as_const(labels))
            if (item->labelRect().intersects(other))
                return id + "'s label on another label";
        labels.append(item->labelRect());
    }
    return {};
}

void TestMainWindow::exampleLinksKeepClearOfBoxesAndEachOthersLabels() {
    QVERIFY(m_window->openFile(examplePath));
    QCOMPARE(firstCoveredLabelOrLine(), QString());
}

// While the button is down a drag frame places only the labels of the lines it moves (CanvasScene::MoveBatch);
// once the drag ends, every label and line is clear again.
void TestMainWindow::labelsKeepClearAfterADrag() {
    QVERIFY(m_window->openFile(examplePath));
    view()->setZoom(1);
    const Component& cache = *design().component("cache");
    view()->centerOn(centreOf(cache));
    QWidget* viewport = view()->viewport();
    const QPoint grab = view()->mapFromScene(centreOf(cache) + QPointF(-30, 0));
    sendMouse(viewport, QEvent::MouseMove, grab, Qt::NoButton, Qt::NoButton);
    sendMouse(viewport, QEvent::MouseButtonPress, grab, Qt::LeftButton, Qt::LeftButton);
    for (int step = 1; step <= 4; ++step)
        sendMouse(viewport, QEvent::MouseMove, grab + QPoint(-40 * step, 60 * step), Qt::NoButton, Qt::LeftButton);
    sendMouse(viewport, QEvent::MouseButtonRelease, grab + QPoint(-160, 240), Qt::LeftButton, Qt::NoButton);
    QCOMPARE(m_window->document().undoStack()->count(), 1);
    QCOMPARE(firstCoveredLabelOrLine(), QString());
}

// A drag frame gives the labels of the lines it moves a quick look (64 places): a frame must fit in 16 ms on
// a dense design. The drop is an edit, and the edit searches properly. Here the line runs through five rows
// of zone captions, 10 px apart: the label has no free place on the line or near it, and finds one only
// further out, with a leader, well past 64 places.
void TestMainWindow::aDragGlancesForLabelPlacesAndTheDropSearches() {
    Design crowded;
    const double line = 400; // the line's y: the boxes' centres
    for (const auto& [id, x] : {std::pair{"a", 0.0}, std::pair{"b", 1400.0}}) {
        Component box;
        box.id = id;
        box.kind = "service";
        box.label = id;
        box.position = {x, line - componentHeight / 2};
        crowded.appendComponent(box);
    }
    Link link;
    link.id = "a-b";
    link.from = "a";
    link.to = "b";
    crowded.appendLink(link);
    for (int row = 0; row < 5; ++row)
        for (int column = 0; column < 9; ++column) {
            Zone zone;
            zone.id = "z" + std::to_string(row) + std::to_string(column);
            zone.label = "Zone " + zone.id + " with a long caption";
            // The caption is 8 to 26 px down and 12 to 128 px across: 24 px apart across, 12 px down.
            zone.rect = {150.0 + 140 * column, line - 68 + 30 * row, 140, 30};
            crowded.appendZone(zone);
        }
    QTemporaryDir directory;
    const QString path = directory.filePath("crowded.napkin");
    QVERIFY(saveDesignFile(crowded, path.toStdString()).ok);
    QVERIFY(m_window->openFile(path));
    const CanvasScene& scene = *m_window->canvasScene();
    auto labelOnACaption = [&] {
        const QRectF label = scene.linkItem("a-b")->labelRect();
        for (const Zone& zone : design().zones()) {
            const ZoneItem* item = scene.zoneItem(QString::fromStdString(zone.id));
            if (item->mapRectToScene(item->captionRect()).intersects(label))
                return true;
        }
        return false;
    };
    QVERIFY(!labelOnACaption());
    QVERIFY(!scene.linkItem("a-b")->leader().isNull());

    view()->setZoom(1);
    const QPointF b(1480, line);
    view()->centerOn(b);
    QWidget* viewport = view()->viewport();
    const QPoint grab = view()->mapFromScene(b);
    sendMouse(viewport, QEvent::MouseMove, grab, Qt::NoButton, Qt::NoButton);
    sendMouse(viewport, QEvent::MouseButtonPress, grab, Qt::LeftButton, Qt::LeftButton);
    for (int step = 1; step <= 4; ++step)
        sendMouse(viewport, QEvent::MouseMove, grab + QPoint(10 * step, 0), Qt::NoButton, Qt::LeftButton);
    QVERIFY(labelOnACaption()); // the glance found nothing free: the least cluttered place on the line
    sendMouse(viewport, QEvent::MouseButtonRelease, grab + QPoint(40, 0), Qt::LeftButton, Qt::NoButton);
    QCOMPARE(design().component("b")->position, (Point{1440, line - componentHeight / 2}));
    QVERIFY(!labelOnACaption());
    QVERIFY(!scene.linkItem("a-b")->leader().isNull());
}

void TestMainWindow::arrowKeysNudgeAndTabCycles() {
    QVERIFY(m_window->openFile(examplePath));
    m_window->canvasScene()->select(Selection{{"dns"}, {}, {}, {}});
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Right);
    QTest::keyClick(view(), Qt::Key_Down);
    QCOMPARE(design().component("dns")->position, (Point{20, 100}));
    QCOMPARE(m_window->document().undoStack()->count(), 2);
    QTest::keyClick(view(), Qt::Key_Tab);
    QCOMPARE(m_window->selection().components, std::vector<std::string>{"lb"});
    QTest::keyClick(view(), Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(m_window->selection().components, std::vector<std::string>{"dns"});
}

void TestMainWindow::renameInPlaceWithF2() {
    QVERIFY(m_window->openFile(examplePath));
    m_window->canvasScene()->select(Selection{{"cache"}, {}, {}, {}});
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_F2);
    auto* editor = view()->viewport()->findChild<QLineEdit*>("inlineRenameEditor");
    QVERIFY(editor);
    QCOMPARE(editor->text(), QString("Redis"));
    editor->selectAll();
    QTest::keyClicks(editor, "Memcached");
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(design().component("cache")->label, std::string("Memcached"));
    QCOMPARE(m_window->document().undoStack()->count(), 1);
}

void TestMainWindow::saveThenOpenGivesTheSameDesign() {
    QVERIFY(m_window->openFile(examplePath));
    QVERIFY(!m_window->isWindowModified());
    m_window->canvasScene()->select(Selection{{"dns"}, {}, {}, {}});
    m_window->deleteSelection();
    QVERIFY(m_window->document().isModified());
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().startsWith("tiny-url.napkin[*]"));
    QTemporaryDir directory;
    const QString path = directory.filePath("saved.napkin");
    QString error;
    QVERIFY2(m_window->saveFile(path, &error), qPrintable(error));
    QVERIFY(!m_window->document().isModified());
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(m_window->document().filePath(), path);
    const std::string saved = saveDesign(design());
    MainWindow other;
    QVERIFY(other.openFile(path));
    QCOMPARE(saveDesign(other.document().design()), saved);
    QCOMPARE(QSettings().value("recentFiles").toStringList().front(), path);
}

void TestMainWindow::badFileShowsDiagnosticsAndChangesNothing() {
    QVERIFY(m_window->openFile(examplePath));
    const std::string before = saveDesign(design());
    QTemporaryDir directory;
    const QString path = directory.filePath("bad.napkin");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "napkin", "version": 1, "components": [{"id": "a", "kind": "cache", "x": 0, "y": 0,
                 "props": {"replicas": -2}}]})");
    file.close();
    QString error;
    QVERIFY(!m_window->openFile(path, &error));
    QVERIFY2(error.contains("components[0].props.replicas"), qPrintable(error));
    QCOMPARE(saveDesign(design()), before);
    QCOMPARE(m_window->document().filePath(), QFileInfo(examplePath).absoluteFilePath());
}

void TestMainWindow::recoveryAfterACrash() {
    QVERIFY(m_window->openFile(examplePath));
    m_window->canvasScene()->select(Selection{{"zk"}, {}, {}, {}});
    m_window->deleteSelection();
    QVERIFY(m_window->writeRecoveryFile());
    const std::string lost = saveDesign(design());
    m_window.reset(); // a crash: no close event, no clean-up

    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->hasRecoveryFile());
    QString error;
    QVERIFY2(m_window->restoreRecovery(&error), qPrintable(error));
    QCOMPARE(saveDesign(design()), lost);
    QVERIFY(m_window->document().isModified());
    QCOMPARE(m_window->document().filePath(), QFileInfo(examplePath).absoluteFilePath());
    m_window->discardRecovery();
    QVERIFY(!m_window->hasRecoveryFile());
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
