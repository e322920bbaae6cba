// The Estimates dock's request paths drive a view-only highlight on the canvas: selecting an operation's
// route marks exactly its links and their ends, selecting one of its links marks that link, deselecting
// clears the mark, and an export of the scene never shows it.
#include "app/gui/analysis_service.h"
#include "app/gui/appearance.h"
#include "app/gui/canvas_items.h"
#include "app/gui/canvas_scene.h"
#include "app/gui/estimates_dock.h"
#include "app/gui/export_diagram.h"
#include "app/gui/main_window.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace napkin;
using namespace napkin::gui;

namespace {

bool openTinyUrl(MainWindow& window) {
    QSignalSpy updated(&window.analysis(), &AnalysisService::updated);
    return window.openFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin") && updated.wait();
}

QTreeWidgetItem* section(QTreeWidget* tree, const QString& title) {
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(0) == title)
            return tree->topLevelItem(i);
    return nullptr;
}

QStringList onPath(CanvasScene& scene) {
    QStringList ids;
    for (QGraphicsItem* item : scene.items()) {
        if (auto* component = qgraphicsitem_cast<ComponentItem*>(item); component && component->isOnPath())
            ids << component->id();
        if (auto* link = qgraphicsitem_cast<LinkItem*>(item); link && link->isOnPath())
            ids << link->id();
    }
    ids.sort();
    return ids;
}

// With NAPKIN_SHOT_DIR set, the canvas with a path marked is saved in both themes, to look at.
void saveShots(MainWindow& window) {
    const QString dir = qEnvironmentVariable("NAPKIN_SHOT_DIR");
    if (dir.isEmpty())
        return;
    window.resize(1500, 950);
    window.show();
    for (auto [theme, name] : {std::pair{Theme::Light, "light"}, std::pair{Theme::Dark, "dark"}}) {
        applyTheme(theme);
        QTest::qWait(200);
        window.grab().save(dir + "/path-" + name + ".png");
    }
    applyTheme(Theme::System);
}

QByteArray svgOf(CanvasScene& scene, const QString& path) {
    if (!exportDiagram(scene, DiagramFormat::Svg, path).isEmpty())
        return {};
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestPathHighlight : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void selectingARouteHighlightsItsPath() {
        MainWindow window;
        QVERIFY(openTinyUrl(window));
        auto* dock = window.findChild<EstimatesDock*>();
        QVERIFY(dock);
        CanvasScene& scene = *window.canvasScene();
        QTreeWidgetItem* paths = section(dock->tree(), "Request paths");
        QVERIFY(paths && paths->childCount() > 0);

        const OperationRoute& route = dock->load().routes.front();
        QCOMPARE(paths->child(0)->text(0), QString::fromStdString(route.operation));
        QStringList expected;
        for (const LinkFlow& flow : route.links)
            for (const std::string& id : {flow.link, flow.from, flow.to})
                if (!expected.contains(QString::fromStdString(id)))
                    expected << QString::fromStdString(id);
        expected.sort();
        QVERIFY(expected.size() >= 3);

        dock->tree()->setCurrentItem(paths->child(0));
        QCOMPARE(onPath(scene), expected);
        QVERIFY(scene.selectedItems().isEmpty()); // a mark, not a selection

        // One link of the route: that link and its two ends only.
        const LinkFlow& first = route.links.front();
        dock->tree()->setCurrentItem(paths->child(0)->child(0));
        QStringList one{QString::fromStdString(first.link), QString::fromStdString(first.from),
                        QString::fromStdString(first.to)};
        one.sort();
        QCOMPARE(onPath(scene), one);

        // A row that is not on a path, then no row at all: nothing is marked.
        dock->tree()->setCurrentItem(paths);
        QVERIFY(onPath(scene).isEmpty());
        dock->tree()->setCurrentItem(paths->child(0));
        QVERIFY(!onPath(scene).isEmpty());
        dock->tree()->clearSelection();
        QVERIFY(onPath(scene).isEmpty());
        dock->tree()->setCurrentItem(paths->child(0));
        saveShots(window);
    }

    void exportsNeverShowTheHighlight() {
        MainWindow window;
        QVERIFY(openTinyUrl(window));
        auto* dock = window.findChild<EstimatesDock*>();
        CanvasScene& scene = *window.canvasScene();
        QTemporaryDir dir;
        const QByteArray plain = svgOf(scene, dir.filePath("plain.svg"));
        QVERIFY(!plain.isEmpty());
        dock->tree()->setCurrentItem(section(dock->tree(), "Request paths")->child(0));
        const QStringList marked = onPath(scene);
        QVERIFY(!marked.isEmpty());
        QCOMPARE(svgOf(scene, dir.filePath("marked.svg")), plain);
        QCOMPARE(onPath(scene), marked); // and it is back afterwards
    }
};

QTEST_MAIN(TestPathHighlight)
#include "tst_path_highlight.moc"
