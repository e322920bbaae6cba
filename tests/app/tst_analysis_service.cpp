// The editor's analysis runs on a worker thread on a copy of the design: results arrive through the event
// loop, a result whose design was edited meanwhile is dropped (never shown), and edits made while a run is
// going are neither blocked nor lost. The big case is a generated 10,000-component design.
#include "app/gui/analysis_service.h"
#include "app/gui/document.h"

#include <QSignalSpy>
#include <QTest>

using namespace napkin;
using namespace napkin::gui;

namespace {

Workload readWorkload() {
    Workload workload;
    workload.dailyActiveUsers = 10e6;
    Operation read;
    read.name = "read";
    read.type = OperationType::Read;
    read.rate = 10;
    read.per = RatePer::UserPerDay;
    workload.operations = {read};
    return workload;
}

Component component(const std::string& id, const char* kind, double x, double y) {
    Component c;
    c.id = id;
    c.kind = kind;
    c.position = {x, y};
    return c;
}

// Rows of client → service → database, 3 components a row.
Design generated(int components) {
    Design design;
    design.setWorkload(readWorkload());
    for (int row = 0; row < components / 3; ++row) {
        const std::string p = "r" + std::to_string(row) + "-";
        const double y = row * 120.0;
        design.appendComponent(component(p + "client", "web_client", 0, y));
        design.appendComponent(component(p + "svc", "service", 200, y));
        design.appendComponent(component(p + "db", "relational_db", 400, y));
        design.appendLink(Link{.id = p + "a", .from = p + "client", .to = p + "svc"});
        design.appendLink(Link{.id = p + "b", .from = p + "svc", .to = p + "db"});
    }
    return design;
}

Component withReplicas(const Document& document, const std::string& id, int replicas) {
    Component c = *document.design().component(id);
    c.props["replicas"] = replicas;
    return c;
}

} // namespace

class TestAnalysisService : public QObject {
    Q_OBJECT
private slots:
    void resultsArriveFromTheWorker() {
        Document document;
        document.reset(generated(30), {});
        AnalysisService service(document);
        QSignalSpy updated(&service, &AnalysisService::updated);
        QVERIFY(service.pending());
        QVERIFY(service.analysis().load.components.empty()); // nothing until the worker's result is in
        QVERIFY(updated.wait());
        QCOMPARE(updated.count(), 1);
        QCOMPARE(service.analysis().load.components.size(), std::size_t(30));
        QCOMPARE(service.analysis().load.component("r0-svc")->offeredQpsAverage, 10e6 * 10 / 86400 / 10); // 10 clients share it
        QVERIFY(!service.pending());
    }

    void aResultOfAnEditedDesignIsDropped() {
        Document document;
        document.reset(generated(30), {});
        AnalysisService service(document);
        QSignalSpy updated(&service, &AnalysisService::updated);
        QVERIFY(updated.wait());
        const int runs = service.runCount();

        service.refresh(); // run A starts on the design with one replica of r0-svc
        QVERIFY(document.execute(UpdateComponent{withReplicas(document, "r0-svc", 7)}, "Replicas"));
        service.refresh(); // run A is now stale: run B follows it
        QVERIFY(updated.wait());
        QCOMPARE(updated.count(), 2);
        QCOMPARE(service.runCount(), runs + 2);
        QCOMPARE(service.discardedCount(), 1);
        QCOMPARE(service.analysis().load.component("r0-svc")->instances, 7.0);
        QVERIFY(!service.pending());
    }

    void editsDuringABigRunAreKept() {
        Document document;
        document.reset(generated(10'002), {});
        AnalysisService service(document);
        QSignalSpy updated(&service, &AnalysisService::updated);
        QVERIFY(service.pending());
        QCOMPARE(updated.count(), 0); // the constructor's run has not blocked it

        // While the 10,002-component run is going, the editor keeps editing.
        Component moved = *document.design().component("r5-svc");
        moved.position = {260, 610};
        QVERIFY(document.execute(UpdateComponent{moved}, "Move"));
        QVERIFY(document.execute(AddComponent{component("extra", "cache", 600, 0)}, "Add"));
        QVERIFY(document.execute(RemoveComponent{"r9-db"}, "Delete"));
        QCOMPARE(document.design().components().size(), std::size_t(10'002));
        QCOMPARE(document.design().component("r5-svc")->position.x, 260.0);

        QVERIFY(updated.wait(180'000)); // a generous bound for sanitizer builds on shared cores
        QCOMPARE(updated.count(), 1); // the stale first result was never shown
        QCOMPARE(service.discardedCount(), 1);
        const Analysis& analysis = service.analysis();
        QCOMPARE(analysis.load.components.size(), std::size_t(10'002));
        QVERIFY(analysis.load.component("extra"));
        QVERIFY(!analysis.load.component("r9-db"));
        QCOMPARE(document.undoStack()->count(), 3);
    }
};

QTEST_MAIN(TestAnalysisService)
#include "tst_analysis_service.moc"
