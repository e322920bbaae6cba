// The far-out canvas (below sketchZoom the view paints a sketch in one pass instead of item by item), driven
// like a user drives it at 10 %: clicks and the rubber band still select, and what is on screen — read back
// from the window's backing store, not re-rendered — follows moves, deletions and the selection. Exports do
// not depend on the view's zoom.
#include "app/gui/analysis_service.h"
#include "app/gui/canvas_scene.h"
#include "app/gui/canvas_view.h"
#include "app/gui/export_diagram.h"
#include "app/gui/main_window.h"

#include <QApplication>
#include <QFile>
#include <QGraphicsRectItem>
#include <QScreen>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace napkin;
using namespace napkin::gui;

namespace {

const QString examplePath = QStringLiteral(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");

void sendMouse(QWidget* target, QEvent::Type type, QPoint pos, Qt::MouseButton button,
               Qt::MouseButtons buttons) {
    QMouseEvent event(type, QPointF(pos), QPointF(target->mapToGlobal(pos)), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(target, &event);
}

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSketchView : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void sketchesOnlyFarOut();
    void clickSelectsAtTenPercent();
    void rubberBandSelectsAtTenPercent();
    void movedComponentIsRepaintedInItsNewPlace();
    void deletedComponentDisappears();
    void unreachableComponentsAreGreyedOut();
    void selectionShowsInTheSketch();
    void linksRunUnbrokenBetweenTheirBoxes_data();
    void linksRunUnbrokenBetweenTheirBoxes();
    void helperItemsPaintThemselves();
    void exportDoesNotDependOnTheZoom();

  private:
    CanvasView* view() const { return m_window->canvasView(); }
    const Design& design() const { return m_window->document().design(); }
    QPoint onScreen(const QPointF& scenePoint) const { return view()->mapFromScene(scenePoint); }
    /// The pixel the window shows at `viewportPoint`, as last painted.
    QRgb shownAt(const QPoint& viewportPoint) const;
    QPointF centreOf(const std::string& id) const;

    std::unique_ptr<MainWindow> m_window;
};

void TestSketchView::init() {
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openFile(examplePath));
    view()->setZoom(0.1);
    // A view shows or hides its scroll bars on the next turn of the event loop after the zoom changes their
    // range: let it, or the first event the test waits on (a selection, say) moves the canvas by half a bar.
    QCoreApplication::processEvents();
    view()->centerOn(m_window->canvasScene()->contentsRect().center());
    QVERIFY(view()->sketching());
}

void TestSketchView::cleanup() {
    m_window->document().markSaved();
    m_window.reset();
}

QRgb TestSketchView::shownAt(const QPoint& viewportPoint) const {
    const QPoint inWindow = view()->viewport()->mapTo(m_window.get(), viewportPoint);
    const QImage shown = m_window->screen()->grabWindow(m_window->winId()).toImage();
    return shown.valid(inWindow) ? shown.pixel(inWindow) : 0;
}

QPointF TestSketchView::centreOf(const std::string& id) const {
    const Component* component = design().component(id);
    return {component->position.x + componentWidth / 2, component->position.y + componentHeight / 2};
}

void TestSketchView::sketchesOnlyFarOut() {
    view()->setZoom(sketchZoom);
    QVERIFY(!view()->sketching());
    view()->setZoom(0.25);
    QVERIFY(view()->sketching());
}

void TestSketchView::clickSelectsAtTenPercent() {
    const QPoint centre = onScreen(centreOf("cache"));
    sendMouse(view()->viewport(), QEvent::MouseMove, centre, Qt::NoButton, Qt::NoButton);
    sendMouse(view()->viewport(), QEvent::MouseButtonPress, centre, Qt::LeftButton, Qt::LeftButton);
    sendMouse(view()->viewport(), QEvent::MouseButtonRelease, centre, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(m_window->canvasScene()->selection().components, std::vector<std::string>{"cache"});
}

void TestSketchView::rubberBandSelectsAtTenPercent() {
    const QRectF contents = m_window->canvasScene()->contentsRect();
    const QPoint start = onScreen(contents.topLeft() - QPointF(200, 200));
    const QPoint end = onScreen(contents.bottomRight() + QPointF(200, 200));
    QWidget* viewport = view()->viewport();
    sendMouse(viewport, QEvent::MouseMove, start, Qt::NoButton, Qt::NoButton);
    sendMouse(viewport, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    for (int step = 1; step <= 4; ++step)
        sendMouse(viewport, QEvent::MouseMove, start + (end - start) * step / 4, Qt::NoButton,
                  Qt::LeftButton);
    sendMouse(viewport, QEvent::MouseButtonRelease, end, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(m_window->canvasScene()->selection().components.size(), design().components().size());
}

void TestSketchView::movedComponentIsRepaintedInItsNewPlace() {
    const QRgb background = view()->palette().color(QPalette::Window).rgb();
    const QPointF oldCentre = centreOf("monitoring");
    const QPointF newCentre = oldCentre + QPointF(0, 800);
    QTRY_VERIFY(shownAt(onScreen(oldCentre)) != background);
    const QRgb block = shownAt(onScreen(oldCentre));
    QCOMPARE(shownAt(onScreen(newCentre)), background);

    Component moved = *design().component("monitoring");
    moved.position.y += 800;
    QVERIFY(m_window->document().execute(UpdateComponent{moved}, "Move"));
    // The edit grows the scene rectangle, which at 10 % fits in the view and is centred: map again.
    const QPoint oldPlace = onScreen(oldCentre);
    const QPoint newPlace = onScreen(newCentre);
    QTRY_COMPARE(shownAt(newPlace), block);
    QTRY_VERIFY(shownAt(oldPlace) != block);

    m_window->document().undoStack()->undo();
    QTRY_COMPARE(shownAt(oldPlace), block);
    QTRY_COMPARE(shownAt(newPlace), background);
}

void TestSketchView::deletedComponentDisappears() {
    const QRgb background = view()->palette().color(QPalette::Window).rgb();
    const QPoint place = onScreen(centreOf("monitoring"));
    QTRY_VERIFY(shownAt(place) != background);
    const QRgb block = shownAt(place);
    QVERIFY(m_window->document().execute(RemoveComponent{"monitoring"}, "Delete"));
    QTRY_VERIFY(shownAt(place) != block);
}

void TestSketchView::unreachableComponentsAreGreyedOut() {
    const QPoint place = onScreen(centreOf("cache"));
    QTRY_VERIFY(shownAt(place) != view()->palette().color(QPalette::Window).rgb());
    const QColor block = QColor::fromRgb(shownAt(place));
    m_window->analysis().setFailedIds({"lb"}); // nothing reaches the cache without its balancer
    QTRY_COMPARE(m_window->canvasScene()->componentItem("cache")->opacity(), 0.3);
    // Drawn at 30 % over what lies behind it, the block loses most of its colour.
    QTRY_VERIFY(QColor::fromRgb(shownAt(place)).hsvSaturation() < block.hsvSaturation() * 2 / 3);
    m_window->analysis().setFailedIds({});
    QTRY_COMPARE(QColor::fromRgb(shownAt(place)), block);
}

void TestSketchView::selectionShowsInTheSketch() {
    const QRgb highlight = view()->palette().color(QPalette::Highlight).rgb();
    const Component& monitoring = *design().component("monitoring");
    const QPointF leftEdge(monitoring.position.x, monitoring.position.y + componentHeight / 2);
    const QPointF mapped = view()->viewportTransform().map(leftEdge);
    const QPoint framePixel(qRound(mapped.x()), static_cast<int>(mapped.y()));
    const QRect viewport(view()->viewport()->mapTo(m_window.get(), QPoint()), view()->viewport()->size());
    QTRY_VERIFY(shownAt(framePixel) != highlight);
    m_window->canvasScene()->select(Selection{{"monitoring"}, {}, {}, {}});
    QTRY_COMPARE(shownAt(framePixel), highlight);
    // Filling the Inspector moves nothing on the canvas.
    QCOMPARE(QRect(view()->viewport()->mapTo(m_window.get(), QPoint()), view()->viewport()->size()),
             viewport);
    QCOMPARE(view()->viewportTransform().map(leftEdge), mapped);
    m_window->canvasScene()->clearSelection();
    QTRY_VERIFY(shownAt(framePixel) != highlight);
}

void TestSketchView::linksRunUnbrokenBetweenTheirBoxes_data() {
    QTest::addColumn<double>("zoom");
    QTest::newRow("sketched, 10 %") << 0.1;
    QTest::newRow("items in pixel runs, 45 %") << 0.45; // above the sketch, below the link labels
}

void TestSketchView::linksRunUnbrokenBetweenTheirBoxes() {
    QFETCH(double, zoom);
    // The browser sits straight below the DNS box; their link is one vertical run.
    std::string id;
    for (const Link& link : design().links())
        if (link.from == "browser" && link.to == "dns")
            id = link.id;
    const QPolygonF route = m_window->canvasScene()->linkItem(QString::fromStdString(id))->route();
    QCOMPARE(route.size(), 2);
    view()->setZoom(zoom);
    QCoreApplication::processEvents(); // the scroll bars follow the zoom (see init)
    view()->centerOn(route.boundingRect().center());
    const QPoint start = onScreen(route.first());
    const QPoint end = onScreen(route.last());
    QCOMPARE(start.x(), end.x());
    QVERIFY(start.y() - end.y() >= 5);
    const QRgb line = opaqueLinkColour(false).rgb();
    QTRY_COMPARE(shownAt(QPoint(start.x(), (start.y() + end.y()) / 2)), line);
    const int arrowhead = zoom < sketchZoom ? 0 : 8;                // drawn over the run's end at the DNS box
    for (int row = end.y() + arrowhead; row < start.y() - 1; ++row) // the last rows are the browser's border
        QVERIFY2(shownAt(QPoint(start.x(), row)) == line,
                 qPrintable(QString("row %1 of %2..%3").arg(row).arg(end.y()).arg(start.y())));
}

void TestSketchView::helperItemsPaintThemselves() {
    // Items that are not part of the design, like the line drawn while connecting, are not sketched.
    const QPointF centre = m_window->canvasScene()->contentsRect().bottomLeft() + QPointF(0, 400);
    auto* marker = m_window->canvasScene()->addRect(QRectF(centre - QPointF(100, 100), QSizeF(200, 200)),
                                                    Qt::NoPen, QColor(Qt::magenta));
    QTRY_COMPARE(shownAt(onScreen(centre)), QColor(Qt::magenta).rgb());
    delete marker;
    QTRY_VERIFY(shownAt(onScreen(centre)) != QColor(Qt::magenta).rgb());
}

void TestSketchView::exportDoesNotDependOnTheZoom() {
    const QTemporaryDir directory;
    const QString far = directory.filePath("far.png");
    const QString near = directory.filePath("near.png");
    QCOMPARE(exportDiagram(*m_window->canvasScene(), DiagramFormat::Png, far), QString());
    view()->setZoom(1);
    QCOMPARE(exportDiagram(*m_window->canvasScene(), DiagramFormat::Png, near), QString());
    QVERIFY(!fileBytes(far).isEmpty());
    QCOMPARE(fileBytes(far), fileBytes(near));
}

QTEST_MAIN(TestSketchView)
#include "tst_sketch_view.moc"
