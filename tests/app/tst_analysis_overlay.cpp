// The editor's one analysis and the canvas overlay it feeds, on the Tiny URL fixture: every component item
// shows the utilisation the analysis computed, an overloaded component carries the bottleneck badge until
// undone or accepted, and a burst of edits costs one analyze() run.
#include "app/gui/analysis_service.h"
#include "app/gui/canvas_items.h"
#include "app/gui/canvas_scene.h"
#include "app/gui/main_window.h"

#include <QSignalSpy>
#include <algorithm>
#include <QStandardPaths>
#include <QTest>

using namespace napkin;
using namespace napkin::gui;

namespace {

/// Opens the fixture and waits for the analysis of the opened design.
bool openTinyUrl(MainWindow& window) {
    QSignalSpy updated(&window.analysis(), &AnalysisService::updated);
    return window.openFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin") && updated.wait();
}

const ComponentOverlay& overlayOf(MainWindow& window, const QString& id) {
    return window.canvasScene()->componentItem(id)->overlay();
}

Component withReplicas(MainWindow& window, const std::string& id, int replicas) {
    Component component = *window.document().design().component(id);
    component.props["replicas"] = replicas;
    return component;
}

} // namespace

class TestAnalysisOverlay : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void itemsShowTheAnalysedUtilisation() {
        MainWindow window;
        QVERIFY(openTinyUrl(window));
        const Analysis& analysis = window.analysis().analysis();
        const ComponentLoad* shortener = analysis.load.component("shortener");
        QVERIFY(shortener && shortener->utilization);
        QCOMPARE(overlayOf(window, "shortener").utilisation, shortener->utilization);
        for (const ComponentLoad& load : analysis.load.components)
            QCOMPARE(overlayOf(window, QString::fromStdString(load.id)).utilisation,
                     load.hasCapacity ? load.utilization : std::nullopt);
        QVERIFY(!overlayOf(window, "browser").utilisation); // a client has no capacity
    }

    void componentSpofsAreBadgedZoneSpofsAreNot() {
        MainWindow window;
        QVERIFY(openTinyUrl(window));
        // The fixture's only SPOFs are zones: they name the URL Service among others, which gets no badge.
        const auto& findings = window.analysis().analysis().findings;
        QVERIFY(std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
            return f.rule == "spof.zone" &&
                   std::find(f.componentIds.begin(), f.componentIds.end(), "shortener") != f.componentIds.end();
        }));
        QVERIFY(!overlayOf(window, "shortener").spof);
        QVERIFY(!overlayOf(window, "lb").spof);

        // One load balancer instance: now it alone cuts the browser off.
        QSignalSpy updated(&window.analysis(), &AnalysisService::updated);
        QVERIFY(window.document().execute(UpdateComponent{withReplicas(window, "lb", 1)}, "One balancer"));
        QVERIFY(updated.wait());
        QVERIFY(overlayOf(window, "lb").spof);
        QVERIFY(!overlayOf(window, "browser").spof);
        window.document().undoStack()->undo();
        QVERIFY(updated.wait());
        QVERIFY(!overlayOf(window, "lb").spof);
    }

    void overloadIsABottleneckUntilUndoneOrAccepted() {
        MainWindow window;
        QVERIFY(openTinyUrl(window));
        QSignalSpy updated(&window.analysis(), &AnalysisService::updated);
        // The fixture's 4 replicas are already overloaded (39 K QPS for 20 K); 12 serve it.
        QVERIFY(window.document().execute(UpdateComponent{withReplicas(window, "shortener", 12)}, "Scale out"));
        QVERIFY(updated.wait());
        QVERIFY(!overlayOf(window, "shortener").bottleneck);

        QVERIFY(window.document().execute(UpdateComponent{withReplicas(window, "shortener", 1)}, "One replica"));
        QVERIFY(updated.wait());
        QVERIFY(overlayOf(window, "shortener").bottleneck);
        QVERIFY(*overlayOf(window, "shortener").utilisation > 1);

        window.document().undoStack()->undo();
        QVERIFY(updated.wait());
        QVERIFY(!overlayOf(window, "shortener").bottleneck);
        QVERIFY(*overlayOf(window, "shortener").utilisation <= 1);

        Component accepted = withReplicas(window, "shortener", 1);
        accepted.accepted.push_back({"capacity.over", "load test only"});
        QVERIFY(window.document().execute(UpdateComponent{accepted}, "Accept overload"));
        QVERIFY(updated.wait());
        QVERIFY(!overlayOf(window, "shortener").bottleneck);
        QVERIFY(*overlayOf(window, "shortener").utilisation > 1);
    }

    void oneRunPerBurstOfEdits() {
        MainWindow window;
        QVERIFY(openTinyUrl(window));
        AnalysisService& service = window.analysis();
        const int before = service.runCount();
        QSignalSpy updated(&service, &AnalysisService::updated);
        for (int replicas : {1, 2, 12})
            QVERIFY(window.document().execute(UpdateComponent{withReplicas(window, "shortener", replicas)}, "Replicas"));
        QVERIFY(service.pending());
        QCOMPARE(service.runCount(), before);
        QVERIFY(updated.wait());
        QCOMPARE(service.runCount(), before + 1);
        QCOMPARE(updated.count(), 1);
        QVERIFY(!service.pending());
        QVERIFY(!overlayOf(window, "shortener").bottleneck); // the last edit's design (12 replicas) was analysed
    }
};

QTEST_MAIN(TestAnalysisOverlay)
#include "tst_analysis_overlay.moc"
