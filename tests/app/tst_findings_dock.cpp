// The Findings dock on the Tiny URL example: every analyzer's findings, filtering, selecting a finding's
// components, and the failure what-if greying out what no client reaches any more.
#include "app/gui/analysis_service.h"
#include "app/gui/canvas_items.h"
#include "app/gui/canvas_scene.h"
#include "app/gui/findings_dock.h"
#include "app/gui/main_window.h"

#include <QDockWidget>
#include <QSignalSpy>
#include <functional>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace napkin;
using namespace napkin::gui;

namespace {

FindingsDock* dockOf(MainWindow& window) { return window.findChild<FindingsDock*>("findingsDock"); }

/// Re-analyzes (on the worker thread) and waits for the result.
bool analysed(MainWindow& window, const std::function<void()>& change) {
    QSignalSpy updated(&window.analysis(), &AnalysisService::updated);
    change();
    return updated.wait();
}

bool hasRule(const std::vector<Finding>& findings, const std::string& rule) {
    return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == rule; });
}

} // namespace

class TestFindingsDock : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void listsEveryAnalyzerMostSevereFirst() {
        MainWindow window;
        QVERIFY(window.openFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin"));
        FindingsDock* dock = dockOf(window);
        QVERIFY(dock);
        QVERIFY(analysed(window, [dock] { dock->refresh(); }));
        const std::vector<Finding>& findings = dock->findings();
        QVERIFY(hasRule(findings, "capacity.over"));  // capacity estimator
        QVERIFY(hasRule(findings, "spof.zone"));      // resilience
        QCOMPARE(dock->list()->topLevelItemCount(), int(findings.size()));
        for (std::size_t i = 1; i < findings.size(); ++i)
            QVERIFY(findings[i - 1].severity >= findings[i].severity);
        QCOMPARE(dock->visibleCount(), int(findings.size()));

        dock->setFilterText("spof.zone");
        QCOMPARE(dock->visibleCount(), 2); // us-east-1a and us-east-1b
        dock->setFilterText({});
        dock->setMinimumSeverity(2);
        const auto errors = std::count_if(findings.begin(), findings.end(),
                                          [](const Finding& f) { return f.severity == Severity::Error; });
        QCOMPARE(dock->visibleCount(), int(errors));
    }

    void clickingAFindingSelectsItsComponents() {
        MainWindow window;
        QVERIFY(window.openFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin"));
        FindingsDock* dock = dockOf(window);
        QVERIFY(analysed(window, [dock] { dock->refresh(); }));
        dock->setFilterText("us-east-1b");
        QTreeWidgetItem* row = nullptr;
        for (int i = 0; i < dock->list()->topLevelItemCount() && !row; ++i)
            if (!dock->list()->topLevelItem(i)->isHidden() && dock->list()->topLevelItem(i)->text(1) == "spof.zone")
                row = dock->list()->topLevelItem(i);
        QVERIFY(row);
        emit dock->list()->itemClicked(row, 0);
        QCOMPARE(window.selection().components, (std::vector<std::string>{"url-store", "key-service"}));
        // MainWindow crashes when destroyed with a selection (the inspector rebuilds mid-destruction).
        window.canvasScene()->clearSelection();
    }

    void whatIfGreysOutWhatNoClientReaches() {
        MainWindow window;
        QVERIFY(window.openFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin"));
        FindingsDock* dock = dockOf(window);
        QVERIFY(analysed(window, [dock] { dock->setFailed("shortener", true); }));
        QCOMPARE(dock->greyedOut(),
                 (QStringList{"shortener", "cache", "url-store", "key-service", "user-db", "zk"}));
        QCOMPARE(window.canvasScene()->componentItem("cache")->opacity(), 0.3);
        QVERIFY(hasRule(dock->findings(), "failure.operation-lost"));
        QVERIFY(analysed(window, [dock] { dock->setFailed("shortener", false); }));
        QVERIFY(dock->greyedOut().isEmpty());
        QCOMPARE(window.canvasScene()->componentItem("cache")->opacity(), 1.0);
        QVERIFY(!hasRule(dock->findings(), "failure.operation-lost"));
    }
};

QTEST_MAIN(TestFindingsDock)
#include "tst_findings_dock.moc"
