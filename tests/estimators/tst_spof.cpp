#include "estimators/resilience.h"
#include "model/napkin_file.h"
#include "resilience_fixtures.h"

#include <QTest>

#include <algorithm>

using namespace napkin;
using namespace napkin::testing;

namespace {

Properties kvStore(int replicas, int n, int w, int r) {
    return props({{"replicas", replicas}, {"replication", "leaderless"}, {"replication_factor", n},
                  {"write_quorum", w}, {"read_quorum", r}});
}

// Every design starts with a browser in front of a load balancer.
Design scenario(const QString& name) {
    DesignBuilder b;
    b.add("browser", "web_client");
    if (name == "single load balancer") {
        b.add("lb", "load_balancer", {}, props({{"replicas", 1}})).add("svc", "service", {}, props({{"replicas", 2}}))
            .add("db", "kv_store", {}, kvStore(3, 3, 2, 2));
        b.link("browser", "lb").link("lb", "svc").link("svc", "db");
    } else if (name == "redundant chain") {
        b.add("lb", "load_balancer", {}, props({{"replicas", 2}})).add("svc", "service", {}, props({{"replicas", 2}}))
            .add("db", "kv_store", {}, kvStore(3, 3, 2, 2));
        b.link("browser", "lb").link("lb", "svc").link("svc", "db");
    } else if (name == "single service") {
        b.add("lb", "load_balancer").add("svc", "service", {}, props({{"replicas", 1}}))
            .add("db", "kv_store", {}, kvStore(3, 3, 2, 2));
        b.link("browser", "lb").link("lb", "svc").link("svc", "db");
    } else if (name == "two single services in parallel") {
        b.add("lb", "load_balancer").add("a", "service", {}, props({{"replicas", 1}}))
            .add("b", "service", {}, props({{"replicas", 1}})).add("db", "kv_store", {}, kvStore(3, 3, 2, 2));
        b.link("browser", "lb").link("lb", "a").link("lb", "b").link("a", "db").link("b", "db");
    } else if (name == "service pinned to one zone") {
        b.zone("region", ZoneKind::Region).zone("az-a", ZoneKind::AvailabilityZone, "region")
            .zone("az-b", ZoneKind::AvailabilityZone, "region");
        b.add("lb", "load_balancer", "region").add("svc", "service", "az-a", props({{"replicas", 3}}))
            .add("db", "kv_store", "region", kvStore(3, 3, 2, 2));
        b.link("browser", "lb").link("lb", "svc").link("svc", "db");
    } else if (name == "spread over zones") {
        b.zone("region", ZoneKind::Region).zone("az-a", ZoneKind::AvailabilityZone, "region")
            .zone("az-b", ZoneKind::AvailabilityZone, "region").zone("other", ZoneKind::Region);
        b.add("lb", "load_balancer", "region").add("svc", "service", "region", props({{"replicas", 3}}))
            .add("db", "kv_store", "region", kvStore(3, 3, 2, 2));
        b.add("lb2", "load_balancer", "other").add("svc2", "service", "other").add("db2", "kv_store", "other");
        b.add("geo", "dns");
        b.link("browser", "geo").link("geo", "lb").link("geo", "lb2").link("lb", "svc").link("svc", "db")
            .link("lb2", "svc2").link("svc2", "db2").link("db", "db2", Protocol::Replication);
    } else if (name == "leader without failover") {
        b.add("lb", "load_balancer").add("svc", "service")
            .add("db", "relational_db", {}, props({{"replicas", 2}, {"failover", "manual"}}));
        b.link("browser", "lb").link("lb", "svc").link("svc", "db");
    } else if (name == "automatic failover without coordination") {
        b.add("lb", "load_balancer").add("svc", "service").add("db", "relational_db", {}, props({{"replicas", 2}}));
        b.link("browser", "lb").link("lb", "svc").link("svc", "db");
    } else if (name == "automatic failover with coordination") {
        b.add("lb", "load_balancer").add("svc", "service").add("db", "relational_db", {}, props({{"replicas", 2}}))
            .add("zk", "coordination");
        b.link("browser", "lb").link("lb", "svc").link("svc", "db").link("db", "zk", Protocol::Tcp);
    } else if (name == "write quorum of all copies") {
        b.add("lb", "load_balancer").add("svc", "service").add("db", "kv_store", {}, kvStore(3, 3, 3, 1));
        b.link("browser", "lb").link("lb", "svc").link("svc", "db");
    } else if (name == "unreplicated shards") {
        b.add("lb", "load_balancer").add("svc", "service")
            .add("db", "relational_db", {}, props({{"replicas", 4}, {"replication", "none"}}));
        b.link("browser", "lb").link("lb", "svc").link("svc", "db");
    } else if (name == "cross-region call") {
        b.zone("east", ZoneKind::Region).zone("west", ZoneKind::Region);
        b.add("lb", "load_balancer", "east").add("svc", "service", "east").add("db", "kv_store", "west");
        b.link("browser", "lb").link("lb", "svc").link("svc", "db");
    } else if (name == "cache-aside single cache") {
        b.add("lb", "load_balancer").add("svc", "service").add("cache", "cache", {}, props({{"replicas", 1}}))
            .add("db", "kv_store");
        b.link("browser", "lb").link("lb", "svc").link("svc", "cache").link("svc", "db");
    } else if (name == "read-through single cache") {
        b.add("lb", "load_balancer").add("svc", "service").add("cache", "cache", {}, props({{"replicas", 1}}))
            .add("db", "kv_store");
        b.link("browser", "lb").link("lb", "svc").link("svc", "cache").link("cache", "db");
    } else if (name == "monitoring and workers are off the path") {
        b.add("lb", "load_balancer").add("svc", "service").add("db", "kv_store")
            .add("mon", "monitoring").add("q", "message_queue").add("worker", "stream_processor", {}, props({{"replicas", 1}}));
        b.link("browser", "lb").link("lb", "svc").link("svc", "db").link("svc", "mon").link("svc", "q", Protocol::AsyncMessage)
            .link("q", "worker", Protocol::AsyncMessage);
    }
    return b.build();
}

QStringList spofKeys(const Design& design) {
    const RequestGraph graph(design, Catalog::builtin());
    const SpofAnalysis analysis = findSinglePointsOfFailure(graph, replicaModels(design, Catalog::builtin()));
    QStringList keys;
    for (const SinglePointOfFailure& spof : analysis.spofs)
        keys << QString::fromStdString(spof.finding.rule + ":" + spof.id);
    keys.sort();
    return keys;
}

const SinglePointOfFailure* findSpof(const std::vector<SinglePointOfFailure>& spofs, const std::string& id) {
    const auto it = std::find_if(spofs.begin(), spofs.end(), [&](const auto& s) { return s.id == id; });
    return it == spofs.end() ? nullptr : &*it;
}

// The single points of failure listed for one client's operation (the first client issuing it when none is
// named).
std::vector<std::string> spofsOf(const RequestGraph& graph, const SpofAnalysis& analysis, const std::string& operation,
                                 const std::string& client = {}) {
    for (std::size_t p = 0; p < graph.paths().size(); ++p)
        if (graph.paths()[p].operation.name == operation && (client.empty() || graph.paths()[p].client == client))
            return analysis.byPath.at(p);
    return {"no such path"};
}

} // namespace

class TestSpof : public QObject {
    Q_OBJECT
private slots:
    void findsSinglePointsOfFailure_data() {
        QTest::addColumn<QString>("design");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("one load balancer instance") << "single load balancer" << QStringList{"spof.component:lb"};
        QTest::newRow("every step redundant") << "redundant chain" << QStringList{};
        QTest::newRow("articulation point") << "single service" << QStringList{"spof.component:svc"};
        QTest::newRow("redundant routes are no SPOF") << "two single services in parallel" << QStringList{};
        QTest::newRow("all replicas in one zone")
            << "service pinned to one zone" << QStringList{"spof.region:region", "spof.zone:az-a"};
        QTest::newRow("two regions, spread zones") << "spread over zones" << QStringList{};
        QTest::newRow("manual failover") << "leader without failover" << QStringList{"spof.leader:db"};
        QTest::newRow("automatic failover, nothing elects")
            << "automatic failover without coordination" << QStringList{"spof.leader:db"};
        QTest::newRow("automatic failover with ZooKeeper") << "automatic failover with coordination" << QStringList{};
        QTest::newRow("W = N") << "write quorum of all copies" << QStringList{"spof.quorum:db"};
        QTest::newRow("replication none") << "unreplicated shards" << QStringList{"spof.component:db"};
        QTest::newRow("cross-region bridge")
            << "cross-region call" << QStringList{"spof.link:svc-db", "spof.region:east", "spof.region:west"};
        QTest::newRow("cache-aside cache is optional") << "cache-aside single cache" << QStringList{};
        QTest::newRow("read-through cache is on the path")
            << "read-through single cache" << QStringList{"spof.component:cache"};
        QTest::newRow("monitoring and async workers") << "monitoring and workers are off the path" << QStringList{};
    }
    void findsSinglePointsOfFailure() {
        QFETCH(QString, design);
        QFETCH(QStringList, expected);
        QCOMPARE(spofKeys(scenario(design)), expected);
    }

    void leaderFindingsSeverity_data() {
        QTest::addColumn<QString>("design");
        QTest::addColumn<int>("severity");
        QTest::newRow("manual") << "leader without failover" << int(Severity::Error);
        QTest::newRow("automatic") << "automatic failover without coordination" << int(Severity::Warning);
    }
    void leaderFindingsSeverity() {
        QFETCH(QString, design);
        QFETCH(int, severity);
        const Design d = scenario(design);
        const RequestGraph graph(d, Catalog::builtin());
        const SpofAnalysis analysis = findSinglePointsOfFailure(graph, replicaModels(d, Catalog::builtin()));
        QCOMPARE(analysis.spofs.size(), std::size_t(1));
        QCOMPARE(int(analysis.spofs.front().finding.severity), severity);
        // Only writes need the leader: reads go on from the follower.
        QCOMPARE(analysis.spofs.front().operations, std::vector<std::string>{"write"});
    }

    void findingSaysWhatBreaksAndHowToFix() {
        const Design d = scenario("single load balancer");
        const RequestGraph graph(d, Catalog::builtin());
        const SpofAnalysis analysis = findSinglePointsOfFailure(graph, replicaModels(d, Catalog::builtin()));
        QCOMPARE(analysis.spofs.size(), std::size_t(1));
        const Finding& f = analysis.spofs.front().finding;
        QCOMPARE(f.message, std::string("Losing \"lb\" means \"read\" and \"write\" lose db: it runs a single instance "
                                        "and every route goes through it."));
        QCOMPARE(f.fix, std::string("Add a standby load balancer: 2 or more instances in different availability zones."));
        QCOMPARE(f.componentIds, std::vector<std::string>{"lb"});
        QCOMPARE(spofsOf(graph, analysis, "read"), std::vector<std::string>{"lb"});
    }

    // Each client's operation lists what breaks it for that client: the mobile app's own redundant balancer
    // does not inherit the web's single one, though both issue "read".
    void eachRequestPathListsOnlyItsOwnSpofs() {
        DesignBuilder b;
        b.operation("read", OperationType::Read);
        b.add("web", "web_client").add("app", "mobile_client").add("lb-web", "load_balancer", {}, props({{"replicas", 1}}))
            .add("lb-app", "load_balancer", {}, props({{"replicas", 2}})).add("svc", "service").add("db", "kv_store");
        b.link("web", "lb-web").link("app", "lb-app").link("lb-web", "svc").link("lb-app", "svc").link("svc", "db");
        const Design d = b.build();
        const RequestGraph graph(d, Catalog::builtin());
        const SpofAnalysis analysis = findSinglePointsOfFailure(graph, replicaModels(d, Catalog::builtin()));
        QCOMPARE(analysis.spofs.size(), std::size_t(1));
        QCOMPARE(analysis.spofs.front().clients, std::vector<std::string>{"web"});
        QCOMPARE(spofsOf(graph, analysis, "read", "web"), std::vector<std::string>{"lb-web"});
        QCOMPARE(spofsOf(graph, analysis, "read", "app"), std::vector<std::string>{});
    }

    void operationsOnlyNeedTheirOwnLinks() {
        DesignBuilder b;
        b.operation("redirect", OperationType::Read).operation("shorten", OperationType::Write);
        b.add("browser", "web_client").add("lb", "load_balancer").add("svc", "service")
            .add("keys", "service", {}, props({{"replicas", 1}})).add("db", "kv_store");
        b.link("browser", "lb").link("lb", "svc").link("svc", "db").link("svc", "keys", Protocol::Grpc, onlyFor("shorten"));
        const Design d = b.build();
        const RequestGraph graph(d, Catalog::builtin());
        const SpofAnalysis analysis = findSinglePointsOfFailure(graph, replicaModels(d, Catalog::builtin()));
        QCOMPARE(analysis.spofs.size(), std::size_t(1));
        QCOMPARE(analysis.spofs.front().id, std::string("keys"));
        QCOMPARE(analysis.spofs.front().operations, std::vector<std::string>{"shorten"});
        QCOMPARE(spofsOf(graph, analysis, "redirect"), std::vector<std::string>{});
        QCOMPARE(spofsOf(graph, analysis, "shorten"), std::vector<std::string>{"keys"});
    }

    void tinyUrlExample() {
        const LoadResult loaded = loadDesignFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");
        QVERIFY(loaded.ok());
        const ResilienceReport report = analyzeResilience(*loaded.design);
        QStringList keys;
        for (const SinglePointOfFailure& spof : report.spofs)
            keys << QString::fromStdString(spof.finding.rule + ":" + spof.id);
        keys.sort();
        // The URL service and the cache sit in us-east-1a only, the store and the key service in us-east-1b
        // only; the user DB (single leader, automatic failover, ZooKeeper drawn) and the balancer spread
        // over both zones.
        QCOMPARE(keys, (QStringList{"spof.region:region", "spof.zone:az-a", "spof.zone:az-b"}));
        const SinglePointOfFailure* azB = findSpof(report.spofs, "az-b");
        QVERIFY(azB);
        QCOMPARE(azB->operations, (std::vector<std::string>{"shorten URL", "redirect"}));
    }

    void failureWhatIf() {
        const LoadResult loaded = loadDesignFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");
        QVERIFY(loaded.ok());
        ResilienceInputs inputs;
        inputs.failedIds = {"az-a", "nowhere"};
        inputs.offeredQps = {{"lb", 60000}};
        const ResilienceReport report = analyzeResilience(*loaded.design, Catalog::builtin(), inputs);
        QVERIFY(report.failure);
        const FailureOutcome& outcome = *report.failure;
        QCOMPARE(outcome.unknownIds, std::vector<std::string>{"nowhere"});
        QCOMPARE(outcome.brokenOperations.size(), std::size_t(2)); // both operations lose the URL service
        // The URL service and the cache are down; what only they reach goes dark with them.
        QCOMPARE(outcome.unreachable,
                 (std::vector<std::string>{"shortener", "cache", "url-store", "key-service", "user-db", "zk"}));
        // The balancer keeps one of its two instances (one per zone) and takes the whole load on it:
        // 60 000 QPS on 1 × 50 000 QPS.
        const auto lb = std::find_if(outcome.components.begin(), outcome.components.end(),
                                     [](const auto& c) { return c.id == "lb"; });
        QVERIFY(lb != outcome.components.end());
        QCOMPARE(lb->surviving, 1);
        QCOMPARE(lb->utilisationBefore, 0.6);
        QCOMPARE(lb->utilisationAfter, 1.2);
        QVERIFY(std::any_of(report.findings.begin(), report.findings.end(),
                            [](const Finding& f) { return f.rule == "failure.overload"; }));
    }

    void failedLinkAndLeaderZone_data() {
        QTest::addColumn<QString>("failed");
        QTest::addColumn<QStringList>("broken");
        QTest::newRow("the link to the store") << "svc-db" << QStringList{"read", "write"};
        QTest::newRow("zone of the leader") << "az-a" << QStringList{"write"};
        QTest::newRow("zone of the follower") << "az-b" << QStringList{};
        QTest::newRow("the region") << "region" << QStringList{"read", "write"};
    }
    void failedLinkAndLeaderZone() {
        QFETCH(QString, failed);
        QFETCH(QStringList, broken);
        DesignBuilder b;
        b.zone("region", ZoneKind::Region).zone("az-a", ZoneKind::AvailabilityZone, "region")
            .zone("az-b", ZoneKind::AvailabilityZone, "region");
        b.add("browser", "web_client").add("svc", "service", "region")
            .add("db", "relational_db", "region", props({{"replicas", 2}, {"failover", "manual"}}));
        b.link("browser", "svc").link("svc", "db");
        const Design d = b.build();
        const RequestGraph graph(d, Catalog::builtin());
        const FailureOutcome outcome = simulateFailure(graph, replicaModels(d, Catalog::builtin()), {failed.toStdString()});
        QStringList names;
        for (const BrokenOperation& op : outcome.brokenOperations)
            names << QString::fromStdString(op.operation);
        QCOMPARE(names, broken);
    }

    void badInputNeverCrashes() {
        Design empty;
        const ResilienceReport report = analyzeResilience(empty);
        QVERIFY(report.spofs.empty());
        QVERIFY(report.operations.empty());

        // A cycle, a link to nothing useful and a failure of everything.
        DesignBuilder b;
        b.add("browser", "web_client").add("a", "service").add("b", "service").add("x", "service");
        b.link("browser", "a").link("a", "b").link("b", "a").link("b", "x");
        ResilienceInputs inputs;
        inputs.failedIds = {"browser", "a", "b", "x"};
        // Edits refuse an unknown kind, but a design read by an older loader may still hold one.
        Design cyclicDesign = b.build();
        Component unknown = *cyclicDesign.component("x");
        unknown.kind = "no_such_kind";
        cyclicDesign.apply(RemoveComponent{"x"});
        cyclicDesign.appendComponent(unknown);
        cyclicDesign.appendLink(Link{"b-x", "b", "x"});
        const ResilienceReport cyclic = analyzeResilience(cyclicDesign, Catalog::builtin(), inputs);
        QVERIFY(cyclic.failure);
        QCOMPARE(cyclic.failure->brokenOperations.size(), std::size_t(2));
        const Json json = resilienceToJson(cyclic);
        QVERIFY(json["operations"][0]["latency_ms"].is_null());
    }
};

QTEST_APPLESS_MAIN(TestSpof)
#include "tst_spof.moc"
