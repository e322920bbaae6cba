#include "estimators/latency.h"
#include "resilience_fixtures.h"

#include <QTest>

#include <cmath>

using namespace napkin;
using namespace napkin::testing;

namespace {

Properties service(double latencyMs, int replicas = 1, double capacityQps = 100) {
    return props({{"latency_ms", latencyMs}, {"replicas", replicas}, {"capacity_qps", capacityQps}});
}

// browser → lb (0.5 ms) → svc (10 ms) → db (5 ms), placed by `layout`.
Design chain(const QString& layout) {
    DesignBuilder b;
    b.zone("east", ZoneKind::Region).zone("east-a", ZoneKind::AvailabilityZone, "east")
        .zone("east-b", ZoneKind::AvailabilityZone, "east").zone("west", ZoneKind::Region);
    const std::string dbZone = layout == "cross zone" ? "east-b" : layout == "cross region" ? "west" : "east-a";
    b.add("browser", "web_client").add("lb", "load_balancer", "east-a", service(0.5, 1, 50000))
        .add("svc", "service", "east-a", service(10)).add("db", "relational_db", "east-a", service(5));
    if (layout == "two stores") {
        b.add("slow", "document_db", "east-a", service(20)).link("svc", "slow");
    }
    b.link("browser", "lb", Protocol::Http, layout == "last mile" ? props({{"latency_ms", 30}}) : Properties{});
    b.link("lb", "svc").link("svc", "db", Protocol::Tcp, layout == "slow link" ? props({{"latency_ms", 3}}) : Properties{});
    Design d = b.build();
    Component db = *d.component("db");
    db.zone = dbZone;
    d.apply(UpdateComponent{db});
    return d;
}

OperationLatency latencyOf(const Design& design, const std::map<std::string, double>& load = {},
                           OperationType type = OperationType::Read) {
    const RequestGraph graph(design, Catalog::builtin());
    const std::vector<ReplicaModel> models = replicaModels(design, Catalog::builtin());
    const std::vector<ComponentDelay> delays = componentDelays(graph, models, load);
    for (const RequestPath& path : graph.paths())
        if (path.operation.type == type)
            return operationLatency(graph, path, delays);
    return {};
}

// browser → svc (10 ms) → db (5 ms) with a cache (0.5 ms, 80 % hits) in front of the store ("read-through")
// or beside the service ("cache-aside").
Design cached(const QString& placement) {
    DesignBuilder b;
    b.add("browser", "web_client").add("svc", "service", {}, service(10))
        .add("cache", "cache", {}, props({{"hit_ratio", 0.8}, {"latency_ms", 0.5}}))
        .add("db", "relational_db", {}, service(5));
    b.link("browser", "svc").link("svc", "cache", Protocol::Tcp);
    b.link(placement == "read-through" ? "cache" : "svc", "db", Protocol::Tcp);
    return b.build();
}

} // namespace

class TestLatency : public QObject {
    Q_OBJECT
private slots:
    void referenceTable() {
        const NetworkLatencies network = referenceNetworkLatencies();
        QCOMPARE(network.sameZoneMs, 0.5);
        QCOMPARE(network.crossZoneMs, 2.0);
        QCOMPARE(network.crossRegionMs, 70.0);
        const Json& table = latencyReference()["latency_numbers"];
        QCOMPARE(table["year"].get<int>(), 2012);
        QVERIFY(table["source"].get<std::string>().find("Jeff Dean") != std::string::npos);
        QCOMPARE(table["entries"].size(), std::size_t(14));
        QCOMPARE(table["entries"][9]["ns"].get<double>(), 500000.0); // round trip within a datacenter = same zone
        QVERIFY(latencyReference()["network"]["cross_region_ms"]["source"].is_string());
    }

    void criticalPath_data() {
        QTest::addColumn<QString>("layout");
        QTest::addColumn<double>("expectedMs");
        QTest::addColumn<QString>("slowestStore");
        // lb 0.5 + (hop 0.5 + svc 10) + (hop + db 5); the client's own hop is the last mile, 0 unless set.
        QTest::newRow("one zone") << "same zone" << 0.5 + 10.5 + 5.5 << "db";
        QTest::newRow("store in the other zone") << "cross zone" << 0.5 + 10.5 + 2 + 5 << "db";
        QTest::newRow("store in another region") << "cross region" << 0.5 + 10.5 + 70 + 5 << "db";
        QTest::newRow("link latency adds") << "slow link" << 0.5 + 10.5 + 3.5 + 5 << "db";
        QTest::newRow("last mile on the client link") << "last mile" << 30 + 0.5 + 10.5 + 5.5 << "db";
        // Calls to two stores overlap: the slower (20 ms) one is the critical path.
        QTest::newRow("slowest of two stores") << "two stores" << 0.5 + 10.5 + 20.5 << "slow";
    }
    void criticalPath() {
        QFETCH(QString, layout);
        QFETCH(double, expectedMs);
        QFETCH(QString, slowestStore);
        const OperationLatency latency = latencyOf(chain(layout));
        QVERIFY(latency.reachable);
        QVERIFY(!latency.saturated);
        QVERIFY2(std::abs(latency.totalMs - expectedMs) < 1e-9, qPrintable(QString::number(latency.totalMs)));
        QCOMPARE(latency.criticalPath.size(), std::size_t(3));
        QCOMPARE(latency.criticalPath.front().component, std::string("lb"));
        QCOMPARE(QString::fromStdString(latency.criticalPath.back().component), slowestStore);
    }

    void linkLatencies_data() {
        QTest::addColumn<QString>("layout");
        QTest::addColumn<QList<double>>("expectedMs"); // browser → lb, lb → svc, svc → db
        QTest::newRow("one zone") << "same zone" << QList<double>{0, 0.5, 0.5};
        QTest::newRow("store in the other zone") << "cross zone" << QList<double>{0, 0.5, 2};
        QTest::newRow("store in another region") << "cross region" << QList<double>{0, 0.5, 70};
        QTest::newRow("link latency adds") << "slow link" << QList<double>{0, 0.5, 3.5};
        QTest::newRow("last mile on the client link") << "last mile" << QList<double>{30, 0.5, 0.5};
    }
    void linkLatencies() {
        QFETCH(QString, layout);
        QFETCH(QList<double>, expectedMs);
        const Design design = chain(layout);
        const RequestGraph graph(design, Catalog::builtin());
        const std::vector<double> linkMs = linkLatenciesMs(graph);
        QCOMPARE(QList<double>(linkMs.begin(), linkMs.end()), expectedMs);

        // Computed once and passed in, they give the operation the same latency as computed per call.
        const std::vector<ComponentDelay> delays =
            componentDelays(graph, replicaModels(design, Catalog::builtin()), {});
        for (const RequestPath& path : graph.paths()) {
            const OperationLatency shared = operationLatency(graph, path, delays, linkMs);
            const OperationLatency own = operationLatency(graph, path, delays);
            QCOMPARE(shared.totalMs, own.totalMs);
            QCOMPARE(shared.criticalPath.size(), own.criticalPath.size());
            for (std::size_t i = 0; i < own.criticalPath.size(); ++i)
                QCOMPARE(shared.criticalPath[i].networkMs, own.criticalPath[i].networkMs);
        }
    }

    void queueingUnderLoad_data() {
        QTest::addColumn<double>("svcQps");
        QTest::addColumn<double>("svcQueueMs");
        QTest::addColumn<bool>("saturated");
        // svc: one instance of 100 QPS at 10 ms = one server, μ = 100/s. Wq = ρ / (μ − λ).
        QTest::newRow("idle") << 0.0 << 0.0 << false;
        QTest::newRow("half loaded: +10 ms") << 50.0 << 10.0 << false;
        QTest::newRow("90 %: +90 ms") << 90.0 << 90.0 << false;
        QTest::newRow("full: unbounded") << 100.0 << qInf() << true;
        QTest::newRow("over: unbounded, never NaN") << 250.0 << qInf() << true;
    }
    void queueingUnderLoad() {
        QFETCH(double, svcQps);
        QFETCH(double, svcQueueMs);
        QFETCH(bool, saturated);
        const OperationLatency latency = latencyOf(chain("same zone"), {{"svc", svcQps}});
        QCOMPARE(latency.saturated, saturated);
        QVERIFY(!std::isnan(latency.totalMs));
        QCOMPARE(latency.criticalPath.size(), std::size_t(3));
        const LatencyStep& svc = latency.criticalPath[1];
        QCOMPARE(svc.component, std::string("svc"));
        if (saturated) {
            QVERIFY(std::isinf(latency.totalMs));
            QCOMPARE(latency.saturatedComponents, std::vector<std::string>{"svc"});
        } else {
            QVERIFY2(std::abs(svc.queueMs - svcQueueMs) < 1e-9, qPrintable(QString::number(svc.queueMs)));
            QVERIFY(std::abs(latency.totalMs - (16.5 + svcQueueMs)) < 1e-9);
        }
    }

    void parallelServersPerInstance() {
        // 1000 QPS at 10 ms per instance is 10 parallel servers of 100/s each; 3 instances: c = 30.
        DesignBuilder b;
        b.add("svc", "service", {}, service(10, 3, 1000));
        const Design d = b.build();
        const ComponentDelay delay = componentDelay(d.components().front(), Catalog::builtin(), 3, 1500);
        QCOMPARE(delay.utilisation, 0.5);
        QVERIFY(!delay.saturated);
        QVERIFY(delay.queueMs < 0.01); // 30 servers at 50 %: almost nobody waits
        const ComponentDelay failed = componentDelay(d.components().front(), Catalog::builtin(), 1, 1500);
        QVERIFY(failed.saturated); // one instance left: 150 %
    }

    // One analysis works each distinct queue out once: the two copies of a service under the same load get
    // the delay the service alone gets, and the one with fewer servers under that load is not mistaken for them.
    void repeatedQueuesKeepTheirOwnFigures() {
        DesignBuilder b;
        b.add("a", "service", {}, service(10, 3, 1000));
        b.add("b", "service", {}, service(10, 3, 1000));
        b.add("c", "service", {}, service(10, 1, 1000));
        const Design d = b.build();
        const RequestGraph graph(d, Catalog::builtin());
        const std::vector<ComponentDelay> delays = componentDelays(
            graph, replicaModels(d, Catalog::builtin()), {{"a", 1500}, {"b", 1500}, {"c", 1500}}, {});
        QCOMPARE(delays.size(), std::size_t(3));
        const ComponentDelay alone = componentDelay(d.components().front(), Catalog::builtin(), 3, 1500);
        for (std::size_t v : {0, 1}) {
            QCOMPARE(delays[v].utilisation, 0.5);
            QCOMPARE(delays[v].queueMs, alone.queueMs);
        }
        QVERIFY(delays[2].saturated); // one instance serves 1000 QPS: 150 %
    }

    void cacheHitsShortenReads_data() {
        QTest::addColumn<QString>("placement");
        QTest::addColumn<double>("missMs");
        // A hit costs svc 10 + hop 0.5 + cache 0.5 = 11 ms; a miss adds the hop to the store and the store,
        // 0.5 + 5 ms, on 20 % of the reads: 11 + 0.2 × 5.5 = 12.1 ms.
        QTest::newRow("read-through") << "read-through" << 10 + 1 + 5.5;
        // Cache-aside: the service asks the cache (1 ms) and, on a miss, the store (5.5 ms) itself.
        QTest::newRow("cache-aside") << "cache-aside" << 10 + 5.5;
    }
    void cacheHitsShortenReads() {
        QFETCH(QString, placement);
        QFETCH(double, missMs);
        const OperationLatency read = latencyOf(cached(placement));
        QVERIFY(std::abs(read.totalMs - 12.1) < 1e-9);
        QCOMPARE(read.missMs, missMs);
        QCOMPARE(read.criticalPath.back().component, std::string("db"));
    }

    void writesGainNothingFromACache() {
        const OperationLatency write = latencyOf(cached("read-through"), {}, OperationType::Write);
        QCOMPARE(write.totalMs, 10 + 1 + 5.5);
        QCOMPARE(write.missMs, write.totalMs);
    }

    void saturatedComponentIsAvoidedWhenThereIsAnotherRoute() {
        DesignBuilder b;
        b.add("browser", "web_client").add("lb", "load_balancer", {}, service(0.5, 2, 50000))
            .add("hot", "service", {}, service(10)).add("cool", "service", {}, service(10))
            .add("db", "relational_db", {}, service(5));
        b.link("browser", "lb").link("lb", "hot").link("lb", "cool").link("hot", "db").link("cool", "db");
        const OperationLatency latency = latencyOf(b.build(), {{"hot", 500}});
        QVERIFY(!latency.saturated);
        QCOMPARE(latency.criticalPath[1].component, std::string("cool"));
    }

    // browser → svc (10 ms) → db (5 ms) over a link with 40 ms of its own; svc → queue (1 ms) is a fallback
    // for the database. The fallback would be faster, but it carries nothing while the database link works.
    void fallbackIsNotTheRouteWhileThePrimaryWorks() {
        DesignBuilder b;
        b.add("browser", "web_client")
            .add("svc", "service", {}, service(10))
            .add("db", "relational_db", {}, service(5))
            .add("queue", "message_queue", {}, props({{"latency_ms", 1}}));
        b.link("browser", "svc")
            .link("svc", "db", Protocol::Tcp, props({{"latency_ms", 40}}))
            .link("svc", "queue", Protocol::Tcp, props({{"fallback", true}}));
        const Design design = b.build();
        // svc 10 + (same-zone hop 0.5 + the link's 40 + db 5).
        const OperationLatency write = latencyOf(design, {}, OperationType::Write);
        QCOMPARE(write.totalMs, 10 + 0.5 + 40 + 5.0);
        QCOMPARE(write.criticalPath.back().component, std::string("db"));

        // With the database link down, the fallback carries the write: svc 10 + (hop 0.5 + queue 1).
        const RequestGraph graph(design, Catalog::builtin());
        const std::vector<ComponentDelay> delays =
            componentDelays(graph, replicaModels(design, Catalog::builtin()), {});
        Working dbLinkDown;
        dbLinkDown.linkUp = {true, false, true};
        for (const RequestPath& path : graph.paths())
            if (path.operation.type == OperationType::Write) {
                const OperationLatency degraded = operationLatency(graph, path, delays, dbLinkDown);
                QCOMPARE(degraded.totalMs, 10 + 0.5 + 1.0);
                QCOMPARE(degraded.criticalPath.back().component, std::string("queue"));
            }
    }
};

QTEST_APPLESS_MAIN(TestLatency)
#include "tst_latency.moc"
