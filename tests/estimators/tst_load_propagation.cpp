// Load pushed through small hand-drawn designs, one propagation rule at a time (docs/estimation.md).
// Every expected number is worked out in the comment above it.
#include "capacity_fixtures.h"

#include <QTest>

using namespace napkin;
using namespace napkin::testing;

namespace {

const ComponentLoad& at(const LoadReport& report, std::string_view id) {
    const ComponentLoad* load = report.component(id);
    if (!load)
        qFatal("no component %s", std::string(id).c_str());
    return *load;
}

double getQps(const LoadReport& r, std::string_view id) { return at(r, id).peakQps[0]; }
double putQps(const LoadReport& r, std::string_view id) { return at(r, id).peakQps[1]; }

std::vector<std::string> rulesOf(const LoadReport& report, std::string_view componentId = {}) {
    std::vector<std::string> rules;
    for (const Finding& f : report.findings)
        if (componentId.empty() ||
            std::find(f.componentIds.begin(), f.componentIds.end(), componentId) != f.componentIds.end())
            rules.push_back(f.rule);
    return rules;
}

bool has(const std::vector<std::string>& rules, const std::string& rule) {
    return std::find(rules.begin(), rules.end(), rule) != rules.end();
}

} // namespace

class TestLoadPropagation : public QObject {
    Q_OBJECT
private slots:
    void balancerSplitsEvenlyAndReplicasShareTheLoad() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("lb", "load_balancer")
                                 .add("a", "service", props({{"replicas", 2}, {"capacity_qps", 1000}}))
                                 .add("b", "service", props({{"replicas", 2}, {"capacity_qps", 1000}}))
                                 .link("web", "lb")
                                 .link("lb", "a")
                                 .link("lb", "b")
                                 .run();
        // The balancer takes everything: 2000 + 200 = 2200 at peak.
        QCOMPARE(at(r, "lb").offeredQps, 2200.0);
        // Each service half: 1000 get + 100 put = 1100; capacity 2 × 1000 = 2000 → 55 %.
        const ComponentLoad& a = at(r, "a");
        QCOMPARE(a.offeredQps, 1100.0);
        QCOMPARE(a.readQps, 1000.0);
        QCOMPARE(a.writeQps, 100.0);
        QCOMPARE(a.capacityQps, 2000.0);
        QCOMPARE(*a.utilization, 0.55);
        // ⌈1100 ÷ (1000 × 0.5 target)⌉ = ⌈2.2⌉ = 3.
        QCOMPARE(*a.instancesNeeded, 3.0);
        // Bytes at peak: in 1000 × 100 + 100 × 1000 = 200 KB/s; out 1000 × 1000 + 100 × 100 = 1.01 MB/s.
        QCOMPARE(a.ingressBytesPerSecond, 200'000.0);
        QCOMPARE(a.egressBytesPerSecond, 1'010'000.0);
        QCOMPARE(at(r, "b").offeredQps, 1100.0);
        // 55 % is above the 50 % target, not over capacity.
        QVERIFY(has(rulesOf(r, "a"), "capacity.above-target"));
        QVERIFY(!has(rulesOf(r, "a"), "capacity.over"));
    }

    void splittersUseLinkWeights_data() {
        QTest::addColumn<QString>("splitter");
        QTest::newRow("load balancer") << "load_balancer";
        QTest::newRow("api gateway") << "api_gateway";
        QTest::newRow("dns") << "dns";
    }

    void splittersUseLinkWeights() {
        QFETCH(QString, splitter);
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("front", splitter.toStdString())
                                 .add("a", "service")
                                 .add("b", "service")
                                 .link("web", "front")
                                 .link("front", "a", props({{"weight", 3}}))
                                 .link("front", "b", props({{"weight", 1}}))
                                 .run();
        // 2200 × 3/4 = 1650 and 2200 × 1/4 = 550.
        QCOMPARE(at(r, "a").offeredQps, 1650.0);
        QCOMPARE(at(r, "b").offeredQps, 550.0);
    }

    void trafficIsSplitEvenlyAcrossClients() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("mobile", "mobile_client")
                                 .add("a", "service")
                                 .add("b", "service")
                                 .link("web", "a")
                                 .link("mobile", "b")
                                 .run();
        // Each client carries half of every operation: 1000 get + 100 put.
        QCOMPARE(getQps(r, "a"), 1000.0);
        QCOMPARE(putQps(r, "a"), 100.0);
        QCOMPARE(at(r, "b").offeredQps, 1100.0);
    }

    void servicesCallEveryDependencyAndLinksMultiply() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("svc", "service")
                                 .add("auth", "service")
                                 .add("db", "relational_db")
                                 .link("web", "svc")
                                 .link("svc", "auth")
                                 .link("svc", "db", props({{"calls_per_request", 3}}))
                                 .run();
        // A service sends all of its load to every dependency: auth 2200; db 3 × 2200 = 6600.
        QCOMPARE(at(r, "auth").offeredQps, 2200.0);
        QCOMPARE(at(r, "db").offeredQps, 6600.0);
        QCOMPARE(putQps(r, "db"), 600.0);
    }

    void linksCanBeLimitedToOperations() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("svc", "service")
                                 .add("db", "relational_db")
                                 .add("index", "search_cluster")
                                 .link("web", "svc")
                                 .link("svc", "db", props({{"operations", Json::array({"put"})}}))
                                 .link("svc", "index", props({{"operations", Json::array({"get"})}}))
                                 .run();
        QCOMPARE(getQps(r, "db"), 0.0);
        QCOMPARE(putQps(r, "db"), 200.0);
        QCOMPARE(getQps(r, "index"), 2000.0);
        QCOMPARE(putQps(r, "index"), 0.0);
    }

    void cacheAsideSendsTheStoreOnlyMisses_data() {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<double>("cachePut");
        QTest::addColumn<double>("storePut");
        // write-around: writes skip the cache; write-through: both; write-back: the cache takes the peak and
        // the store gets the average (100/s) later.
        QTest::newRow("write_around") << "write_around" << 0.0 << 200.0;
        QTest::newRow("write_through") << "write_through" << 200.0 << 200.0;
        QTest::newRow("write_back") << "write_back" << 200.0 << 100.0;
    }

    void cacheAsideSendsTheStoreOnlyMisses() {
        QFETCH(QString, policy);
        QFETCH(double, cachePut);
        QFETCH(double, storePut);
        const LoadReport r =
            DesignBuilder()
                .add("web", "web_client")
                .add("svc", "service")
                .add("cache", "cache", props({{"hit_ratio", 0.8}, {"write_policy", policy.toStdString()}}))
                .add("db", "kv_store")
                .link("web", "svc")
                .link("svc", "cache")
                .link("svc", "db")
                .run();
        // Every read asks the cache (2000); the store sees the 20 % misses: 400.
        QCOMPARE(getQps(r, "cache"), 2000.0);
        QCOMPARE(getQps(r, "db"), 400.0);
        QCOMPARE(at(r, "db").averageQps[0], 200.0);
        QCOMPARE(putQps(r, "cache"), cachePut);
        QCOMPARE(putQps(r, "db"), storePut);
    }

    void inlineCachePassesMissesOn_data() {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<double>("storePut");
        QTest::newRow("write_around") << "write_around" << 200.0;
        QTest::newRow("write_through") << "write_through" << 200.0;
        QTest::newRow("write_back") << "write_back" << 100.0;
    }

    void inlineCachePassesMissesOn() {
        QFETCH(QString, policy);
        QFETCH(double, storePut);
        const LoadReport r =
            DesignBuilder()
                .add("web", "web_client")
                .add("cache", "cache", props({{"hit_ratio", 0.8}, {"write_policy", policy.toStdString()}}))
                .add("db", "kv_store")
                .link("web", "cache")
                .link("cache", "db")
                .run();
        QCOMPARE(at(r, "cache").offeredQps, 2200.0);
        QCOMPARE(getQps(r, "db"), 400.0);
        QCOMPARE(putQps(r, "db"), storePut);
    }

    void cdnAbsorbsHitsAndSplitsMissesAcrossOrigins() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("cdn", "cdn", props({{"hit_ratio", 0.9}}))
                                 .add("a", "service")
                                 .add("b", "service")
                                 .link("web", "cdn")
                                 .link("cdn", "a")
                                 .link("cdn", "b")
                                 .run();
        QCOMPARE(at(r, "cdn").offeredQps, 2200.0);
        // Misses 2000 × 0.1 = 200 and all 200 writes, split in two: 100 + 100 per origin.
        QCOMPARE(getQps(r, "a"), 100.0);
        QCOMPARE(putQps(r, "a"), 100.0);
        QCOMPARE(at(r, "b").offeredQps, 200.0);
    }

    void queueDecouplesAndConsumersSeeTheAverage() {
        Workload w = testWorkload();
        w.operations[1].fanout = 10;
        const LoadReport r =
            DesignBuilder()
                .workload(w)
                .add("web", "web_client")
                .add("svc", "service")
                .add("queue", "message_queue", props({{"retention_hours", 1}, {"replication_factor", 3}}))
                .add("worker", "stream_processor", props({{"replicas", 1}, {"capacity_qps", 50}}))
                .add("timelines", "cache")
                .link("web", "svc")
                .link("svc", "queue", props({{"operations", Json::array({"put"})}}), Protocol::AsyncMessage)
                .link("queue", "worker", {}, Protocol::AsyncMessage)
                .link("worker", "timelines")
                .run();
        // The producer side sees the peak: 200 puts/s into the queue.
        const ComponentLoad& queue = at(r, "queue");
        QCOMPARE(queue.offeredQps, 200.0);
        // The consumer is sized for the average: 100/s, peak = average.
        const ComponentLoad& worker = at(r, "worker");
        QCOMPARE(worker.offeredQps, 100.0);
        QCOMPARE(worker.offeredQpsAverage, 100.0);
        // The worker fans each write out 10 times: 1000/s to the timeline cache.
        QCOMPARE(putQps(r, "timelines"), 1000.0);
        // Backlog held over retention: 100/s × 1000 B × 3600 s = 360 MB; × 3 copies ÷ 0.5 fill = 2.16 GB.
        QCOMPARE(queue.storageBytesRaw, 360e6);
        QCOMPARE(queue.storageBytes, 2.16e9);
        // 50/s of consumer capacity never catches up with 100/s.
        QVERIFY(has(rulesOf(r, "queue"), "capacity.queue-never-drains"));
        QVERIFY(has(rulesOf(r, "worker"), "capacity.over"));
    }

    void queueWithoutConsumerNeverDrains() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("queue", "task_queue")
                                 .add("db", "relational_db")
                                 .link("web", "queue")
                                 .link("web", "db")
                                 .run();
        QVERIFY(has(rulesOf(r, "queue"), "capacity.queue-never-drains"));
    }

    void replicationAndCdcLinksCarryWritesOnly() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("svc", "service")
                                 .add("primary", "relational_db")
                                 .add("replica", "relational_db")
                                 .add("cdc", "cdc")
                                 .link("web", "svc")
                                 .link("svc", "primary")
                                 .link("primary", "replica", {}, Protocol::Replication)
                                 .link("primary", "cdc", {}, Protocol::Cdc)
                                 .run();
        QCOMPARE(at(r, "primary").offeredQps, 2200.0);
        QCOMPARE(getQps(r, "replica"), 0.0);
        QCOMPARE(putQps(r, "replica"), 200.0);
        QCOMPARE(at(r, "cdc").offeredQps, 200.0);
    }

    void storesAccumulateTheBytesOfTheirWrites() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("svc", "service")
                                 .add("db", "relational_db") // replication_factor 2, 2 × 1000 GB
                                 .add("blobs", "object_storage")
                                 .link("web", "svc")
                                 .link("svc", "db")
                                 .link("svc", "blobs")
                                 .run();
        // One year of puts: 100/s × 31,536,000 s × 1000 B = 3.1536 TB raw.
        const ComponentLoad& db = at(r, "db");
        QCOMPARE(db.storageBytesRaw, 3.1536e12);
        // × 2 copies ÷ 0.5 fill = 12.6144 TB, against 2 × 1000 GB: ⌈12.6144⌉ = 13 nodes of 1 TB.
        QCOMPARE(db.storageBytes, 12.6144e12);
        QCOMPARE(*db.storageCapacityBytes, 2e12);
        QCOMPARE(*db.nodesNeeded, 13.0);
        QVERIFY(has(rulesOf(r, "db"), "capacity.storage"));
        // Object storage keeps one copy as far as we pay for it and has no node limit.
        const ComponentLoad& blobs = at(r, "blobs");
        QCOMPARE(blobs.storageBytes, 3.1536e12);
        QVERIFY(!blobs.storageCapacityBytes);
        // Object storage throughput: prefixes × capacity_qps = 1 × 5500.
        QCOMPARE(blobs.capacityQps, 5500.0);
    }

    void cachesHoldTheHotSet() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("svc", "service")
                                 .add("cache", "cache", props({{"memory_per_node", 13}}))
                                 .add("db", "kv_store")
                                 .link("web", "svc")
                                 .link("svc", "cache")
                                 .link("svc", "db")
                                 .run();
        // 0.2 × (1000/s × 86,400 s) × 1000 B = 17.28 GB against 1 shard × 13 GB → ⌈1.33⌉ = 2 shards.
        const ComponentLoad& cache = at(r, "cache");
        QCOMPARE(cache.memoryBytes, 17.28e9);
        QCOMPARE(*cache.memoryCapacityBytes, 13e9);
        QCOMPARE(*cache.memoryNodesNeeded, 2.0);
        QVERIFY(has(rulesOf(r, "cache"), "capacity.memory"));
    }

    void serverlessUsesConcurrency() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("fn", "serverless_function", props({{"concurrency", 10}}))
                                 .link("web", "fn")
                                 .run();
        // 10 environments × 20/s = 200/s for 2200/s: 11 × over; ⌈2200 ÷ (20 × 0.5)⌉ = 220.
        const ComponentLoad& fn = at(r, "fn");
        QCOMPARE(fn.capacityQps, 200.0);
        QCOMPARE(*fn.utilization, 11.0);
        QCOMPARE(*fn.instancesNeeded, 220.0);
        QVERIFY(has(rulesOf(r, "fn"), "capacity.over"));
    }

    void backEdgesOfCyclesCarryNothing() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("a", "service")
                                 .add("b", "service")
                                 .link("web", "a")
                                 .link("a", "b")
                                 .link("b", "a")
                                 .run();
        // Depth-first from the client: web → a → b, and b → a closes the cycle.
        QCOMPARE(r.ignoredLinks, std::vector<std::string>{"b-a"});
        QCOMPARE(at(r, "a").offeredQps, 2200.0);
        QCOMPARE(at(r, "b").offeredQps, 2200.0);
        QVERIFY(has(rulesOf(r), "capacity.cycle"));
    }

    void unusedComponentsAndUnstoredWritesAreReported() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("svc", "service")
                                 .add("orphan", "service")
                                 .add("zk", "coordination")
                                 .link("web", "svc")
                                 .run();
        QVERIFY(has(rulesOf(r, "orphan"), "capacity.no-traffic"));
        // Off the request path: no complaint.
        QVERIFY(!has(rulesOf(r, "zk"), "capacity.no-traffic"));
        QVERIFY(!has(rulesOf(r, "svc"), "capacity.no-traffic"));
        // put keeps data but reaches no store.
        QVERIFY(has(rulesOf(r), "capacity.no-storage"));
    }

    void noClientMeansNoTrafficAndOneFinding() {
        const LoadReport r = DesignBuilder().add("svc", "service").run();
        QCOMPARE(at(r, "svc").offeredQps, 0.0);
        QCOMPARE(rulesOf(r), std::vector<std::string>{"capacity.no-client"});
    }

    void zeroCapacityIsOverWithoutDividingByZero() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("svc", "service", props({{"capacity_qps", 0}}))
                                 .link("web", "svc")
                                 .run();
        const ComponentLoad& svc = at(r, "svc");
        QVERIFY(!svc.utilization);
        QVERIFY(!svc.instancesNeeded);
        QVERIFY(has(rulesOf(r, "svc"), "capacity.over"));
    }

    void clientWithTwoEntryPointsSplitsWithoutDoubleCounting_data() {
        QTest::addColumn<double>("weightA"); // -1: no weight declared
        QTest::addColumn<double>("weightB");
        QTest::addColumn<double>("atA");
        QTest::addColumn<double>("atB");
        QTest::addColumn<bool>("reported");
        // No weights: 2200 ÷ 2 = 1100 each, and a finding says the split is an assumption.
        QTest::newRow("even") << -1.0 << -1.0 << 1100.0 << 1100.0 << true;
        // Weights 3 and 1: 2200 × 3/4 = 1650 and 2200 × 1/4 = 550.
        QTest::newRow("3:1") << 3.0 << 1.0 << 1650.0 << 550.0 << false;
        // One declared weight is enough: 1 (default) and 4 → 440 and 1760.
        QTest::newRow("1:4") << -1.0 << 4.0 << 440.0 << 1760.0 << false;
    }

    void clientWithTwoEntryPointsSplitsWithoutDoubleCounting() {
        QFETCH(double, weightA);
        QFETCH(double, weightB);
        auto weight = [](double w) { return w < 0 ? Properties{} : props({{"weight", w}}); };
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("a", "load_balancer")
                                 .add("b", "load_balancer")
                                 .add("svc", "service")
                                 .add("db", "relational_db")
                                 .link("web", "a", weight(weightA))
                                 .link("web", "b", weight(weightB))
                                 .link("a", "svc")
                                 .link("b", "svc")
                                 .link("svc", "db")
                                 .run();
        QTEST(at(r, "a").offeredQps, "atA");
        QTEST(at(r, "b").offeredQps, "atB");
        // The service and the database see every request once: 2000 gets + 200 puts.
        QCOMPARE(at(r, "svc").offeredQps, 2200.0);
        QCOMPARE(putQps(r, "db"), 200.0);
        QTEST(has(rulesOf(r, "web"), "capacity.split"), "reported");
    }

    void clientSendsAnOperationOnlyWhereItCanBeServed() {
        const LoadReport r = DesignBuilder()
                                 .add("players", "mobile_client")
                                 .add("gw", "api_gateway")
                                 .add("svc", "service")
                                 .add("db", "kv_store")
                                 .add("live", "realtime_gateway")
                                 .add("board", "cache")
                                 .link("players", "gw")
                                 .link("players", "live")
                                 .link("gw", "svc")
                                 .link("svc", "db")
                                 .link("live", "board")
                                 .run();
        // A put is kept by the database only, so it never goes to the live gateway: all 200 reach gw.
        QCOMPARE(putQps(r, "gw"), 200.0);
        QCOMPARE(putQps(r, "live"), 0.0);
        QCOMPARE(putQps(r, "board"), 0.0);
        // A get can be answered down both links (the database, the cache): 2000 ÷ 2 = 1000 each.
        QCOMPARE(getQps(r, "gw"), 1000.0);
        QCOMPARE(getQps(r, "live"), 1000.0);
        QCOMPARE(getQps(r, "db") + getQps(r, "board"), 2000.0);

        // The route of put: players → gw → svc → db, 200/s on each link.
        QCOMPARE(r.routes.size(), std::size_t(2));
        const OperationRoute& put = r.routes[1];
        QCOMPARE(put.operation, std::string("put"));
        QCOMPARE(put.links.size(), std::size_t(3));
        QCOMPARE(put.links[0].link, std::string("players-gw"));
        QCOMPARE(put.links[1].link, std::string("gw-svc"));
        QCOMPARE(put.links[2].link, std::string("svc-db"));
        for (const LinkFlow& flow : put.links)
            QCOMPARE(flow.peakQps, 200.0);
    }

    // The route shown (and highlighted) is the one the traffic takes: a fallback link stands by, so the
    // put's route is web → svc → db even though the queue beside the database would also keep it.
    void routeSkipsFallbackLinks() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("svc", "service")
                                 .add("db", "relational_db")
                                 .add("queue", "message_queue")
                                 .link("web", "svc")
                                 .link("svc", "db")
                                 .link("svc", "queue", props({{"fallback", true}}))
                                 .run();
        QCOMPARE(putQps(r, "queue"), 0.0);
        // Standing by is what a fallback is for: no "receives no traffic" finding.
        for (const Finding& f : r.findings)
            QVERIFY2(f.rule != "capacity.no-traffic", f.message.c_str());
        const OperationRoute& put = r.routes[1];
        QCOMPARE(put.links.size(), std::size_t(2));
        QCOMPARE(put.links[0].link, std::string("web-svc"));
        QCOMPARE(put.links[1].link, std::string("svc-db"));
    }

    void clientsThatCannotSendAnOperationTakeNoShareOfIt() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("mobile", "mobile_client")
                                 .add("a", "service")
                                 .add("b", "service")
                                 .link("web", "a", props({{"operations", Json::array({"get"})}}))
                                 .link("mobile", "b")
                                 .run();
        // get enters at both clients: 2000 ÷ 2 = 1000 each; put only at mobile, which sends all 200.
        QCOMPARE(getQps(r, "a"), 1000.0);
        QCOMPARE(getQps(r, "b"), 1000.0);
        QCOMPARE(putQps(r, "a"), 0.0);
        QCOMPARE(putQps(r, "b"), 200.0);
    }

    void zeroWeightsSendNothing() {
        const LoadReport r = DesignBuilder()
                                 .add("web", "web_client")
                                 .add("lb", "load_balancer")
                                 .add("a", "service")
                                 .link("web", "lb")
                                 .link("lb", "a", props({{"weight", 0}}))
                                 .run();
        QCOMPARE(at(r, "a").offeredQps, 0.0);
    }
};

QTEST_APPLESS_MAIN(TestLoadPropagation)
#include "tst_load_propagation.moc"
