#include "estimators/lint.h"
#include "estimators/resilience.h"
#include "resilience_fixtures.h"

#include <QFile>
#include <QTest>

#include <algorithm>

using namespace napkin;
using namespace napkin::testing;

namespace {

// Each scenario is a small design; "+" variants trigger the rule, "-" variants are the fixed design.
Design scenario(const QString& name) {
    DesignBuilder b;
    b.add("browser", "web_client").add("mon", "monitoring");
    auto healthyStore = [&](const std::string& id) {
        b.add(id, "relational_db", {}, props({{"replicas", 2}}));
    };
    if (name == "client-to-database +") {
        healthyStore("db");
        b.link("browser", "db");
    } else if (name == "client-to-database -") {
        healthyStore("db");
        b.add("svc", "service").link("browser", "svc").link("svc", "db");
    } else if (name == "cache-without-store +") {
        b.add("svc", "service").add("cache", "cache").link("browser", "svc").link("svc", "cache");
    } else if (name == "cache-without-store - (cache-aside)") {
        healthyStore("db");
        b.add("svc", "service").add("cache", "cache").link("browser", "svc").link("svc", "cache").link("svc", "db");
    } else if (name == "cache-without-store - (read-through)") {
        healthyStore("db");
        b.add("svc", "service").add("cache", "cache").link("browser", "svc").link("svc", "cache").link("cache", "db");
    } else if (name == "database-without-replica +") {
        b.add("db", "relational_db", {}, props({{"replicas", 1}}));
    } else if (name == "database-without-replica + (replication none)") {
        b.add("db", "relational_db", {}, props({{"replicas", 3}, {"replication", "none"}}));
    } else if (name == "database-without-replica -") {
        healthyStore("db");
    } else if (name == "stale-reads +") {
        b.add("db", "kv_store", {}, props({{"replication_factor", 3}, {"read_quorum", 1}, {"write_quorum", 2}}));
    } else if (name == "stale-reads -") {
        b.add("db", "kv_store", {}, props({{"replication_factor", 3}, {"read_quorum", 2}, {"write_quorum", 2}}));
    } else if (name == "impossible-quorum +") {
        b.add("db", "kv_store", {}, props({{"replication_factor", 2}, {"read_quorum", 1}, {"write_quorum", 3}}));
    } else if (name == "impossible-quorum -") {
        b.add("db", "kv_store", {}, props({{"replication_factor", 3}, {"read_quorum", 1}, {"write_quorum", 3}}));
    } else if (name == "queue-without-consumer +") {
        b.add("svc", "service").add("q", "message_queue").link("svc", "q", Protocol::AsyncMessage);
    } else if (name == "queue-without-consumer + (no consumer groups)") {
        b.add("svc", "service").add("q", "message_queue", {}, props({{"consumers", 0}})).add("worker", "stream_processor");
        b.link("svc", "q", Protocol::AsyncMessage).link("q", "worker", Protocol::AsyncMessage);
    } else if (name == "queue-without-consumer -") {
        b.add("svc", "service").add("q", "message_queue").add("worker", "stream_processor");
        b.link("svc", "q", Protocol::AsyncMessage).link("worker", "q", Protocol::AsyncMessage);
    } else if (name == "consumer-without-queue +") {
        b.add("svc", "service").add("worker", "stream_processor").link("svc", "worker");
    } else if (name == "consumer-without-queue -") {
        b.add("q", "task_queue").add("worker", "media_worker").link("q", "worker", Protocol::AsyncMessage);
    } else if (name == "write-back-without-persistence +") {
        healthyStore("db");
        b.add("cache", "cache", {}, props({{"write_policy", "write_back"}})).link("cache", "db");
    } else if (name == "write-back-without-persistence -") {
        healthyStore("db");
        b.add("cache", "cache", {}, props({{"write_policy", "write_back"}, {"persistence", true}})).link("cache", "db");
    } else if (name == "no-monitoring +") {
        DesignBuilder bare;
        bare.add("browser", "web_client").add("svc", "service").link("browser", "svc");
        return bare.build();
    } else if (name == "no-monitoring -") {
        b.add("svc", "service").link("browser", "svc");
    } else if (name == "no-cdn +") {
        b.operation("view photo", OperationType::Read, 2e6);
        b.add("svc", "service").link("browser", "svc");
    } else if (name == "no-cdn -") {
        b.operation("view photo", OperationType::Read, 2e6);
        b.add("edge", "cdn").add("svc", "service").link("browser", "edge").link("edge", "svc");
    } else if (name == "deep-sync-chain +" || name == "deep-sync-chain -") {
        // browser → s1 → … → sN → db: N + 1 hops.
        const int services = name.endsWith('+') ? 5 : 4;
        healthyStore("db");
        std::string previous = "browser";
        for (int i = 1; i <= services; ++i) {
            const std::string id = "s" + std::to_string(i);
            b.add(id, "service").link(previous, id, Protocol::Grpc);
            previous = id;
        }
        b.link(previous, "db", Protocol::Tcp);
    } else if (name.startsWith("sync-cross-region")) {
        b.zone("east", ZoneKind::Region).zone("west", ZoneKind::Region);
        b.add("svc", "service", "east").link("browser", "svc");
        if (name == "sync-cross-region - (fallback)") {
            // The standby copy is read only when the home one fails: no round trip per request.
            b.add("db", "relational_db", "east", props({{"replicas", 2}})).link("svc", "db", Protocol::Tcp);
            b.add("db-w", "relational_db", "west", props({{"replicas", 2}}))
                .link("svc", "db-w", Protocol::Tcp, props({{"fallback", true}}))
                .link("db", "db-w", Protocol::Replication);
        } else if (name.endsWith('+')) {
            b.add("db", "relational_db", "west", props({{"replicas", 2}})).link("svc", "db", Protocol::Tcp);
        } else {
            b.add("q", "message_queue", "west").add("worker", "stream_processor", "west");
            b.link("svc", "q", Protocol::AsyncMessage).link("q", "worker", Protocol::AsyncMessage);
        }
    } else if (name == "hot-partition-key +") {
        b.add("db", "kv_store", {}, props({{"partition_key", "country"}}));
    } else if (name == "hot-partition-key + (date)") {
        b.add("db", "document_db", {}, props({{"partition_key", "created_date"}, {"shards", 8}}));
    } else if (name == "hot-partition-key -") {
        b.add("db", "kv_store", {}, props({{"partition_key", "user_id"}}));
    } else if (name == "hot-partition-key - (time series by date)") {
        b.add("db", "timeseries_db", {}, props({{"partition_key", "date"}}));
    } else if (name == "lonely-fallback +") {
        healthyStore("db");
        b.add("svc", "service").add("q", "message_queue").add("worker", "stream_processor");
        b.link("browser", "svc")
            .link("svc", "q", Protocol::AsyncMessage, props({{"fallback", true}}))
            .link("q", "worker")
            .link("worker", "db");
    } else if (name == "lonely-fallback -") {
        healthyStore("db");
        b.add("svc", "service").add("q", "message_queue").add("worker", "stream_processor");
        b.link("browser", "svc")
            .link("svc", "db")
            .link("svc", "q", Protocol::AsyncMessage, props({{"fallback", true}}))
            .link("q", "worker")
            .link("worker", "db");
    } else if (name == "shard-skew +" || name == "shard-skew -") {
        b.add("db", "kv_store", {}, props({{"partition_key", "user_id"}}));
    }
    return b.build();
}

std::vector<Finding> findingsOf(const QString& name, const std::string& rule) {
    LintInputs inputs;
    if (name == "shard-skew +")
        inputs.shardLoads["db"] = {3, 400, 600}; // 400 > 1.5 × the even share of 200
    if (name == "shard-skew -")
        inputs.shardLoads["db"] = {3, 300, 600}; // exactly 1.5 × the even share: not yet skewed
    const Design design = scenario(name);
    const RequestGraph graph(design, Catalog::builtin());
    std::vector<Finding> all = lintDesign(graph, inputs);
    std::vector<Finding> matching;
    std::copy_if(all.begin(), all.end(), std::back_inserter(matching), [&](const Finding& f) { return f.rule == rule; });
    return matching;
}

} // namespace

class TestLint : public QObject {
    Q_OBJECT
private slots:
    void rules_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QStringList>("components"); // of the one finding, or empty for none
        QTest::addColumn<bool>("fires");
        auto row = [](const char* scenario, const char* rule, QStringList components, bool fires) {
            QTest::newRow(scenario) << QString(scenario) << QString(rule) << components << fires;
        };
        row("client-to-database +", "lint.client-to-database", {"db", "browser"}, true);
        row("client-to-database -", "lint.client-to-database", {}, false);
        row("cache-without-store +", "lint.cache-without-store", {"cache"}, true);
        row("cache-without-store - (cache-aside)", "lint.cache-without-store", {}, false);
        row("cache-without-store - (read-through)", "lint.cache-without-store", {}, false);
        row("database-without-replica +", "lint.database-without-replica", {"db"}, true);
        row("database-without-replica + (replication none)", "lint.database-without-replica", {"db"}, true);
        row("database-without-replica -", "lint.database-without-replica", {}, false);
        row("stale-reads +", "lint.stale-reads", {"db"}, true);
        row("stale-reads -", "lint.stale-reads", {}, false);
        row("impossible-quorum +", "lint.impossible-quorum", {"db"}, true);
        row("impossible-quorum -", "lint.impossible-quorum", {}, false);
        row("queue-without-consumer +", "lint.queue-without-consumer", {"q"}, true);
        row("queue-without-consumer + (no consumer groups)", "lint.queue-without-consumer", {"q"}, true);
        row("queue-without-consumer -", "lint.queue-without-consumer", {}, false);
        row("consumer-without-queue +", "lint.consumer-without-queue", {"worker"}, true);
        row("consumer-without-queue -", "lint.consumer-without-queue", {}, false);
        row("write-back-without-persistence +", "lint.write-back-without-persistence", {"cache"}, true);
        row("write-back-without-persistence -", "lint.write-back-without-persistence", {}, false);
        row("no-monitoring +", "lint.no-monitoring", {}, true);
        row("no-monitoring -", "lint.no-monitoring", {}, false);
        row("no-cdn +", "lint.no-cdn", {}, true);
        row("no-cdn -", "lint.no-cdn", {}, false);
        row("deep-sync-chain +", "lint.deep-sync-chain", {"browser", "s1", "s2", "s3", "s4", "s5", "db"}, true);
        row("deep-sync-chain -", "lint.deep-sync-chain", {}, false);
        row("sync-cross-region +", "lint.sync-cross-region", {"svc", "db"}, true);
        row("sync-cross-region -", "lint.sync-cross-region", {}, false);
        row("sync-cross-region - (fallback)", "lint.sync-cross-region", {}, false);
        row("hot-partition-key +", "lint.hot-partition-key", {"db"}, true);
        row("hot-partition-key + (date)", "lint.hot-partition-key", {"db"}, true);
        row("hot-partition-key -", "lint.hot-partition-key", {}, false);
        row("hot-partition-key - (time series by date)", "lint.hot-partition-key", {}, false);
        row("lonely-fallback +", "lint.lonely-fallback", {"svc", "q"}, true);
        row("lonely-fallback -", "lint.lonely-fallback", {}, false);
        row("shard-skew +", "lint.shard-skew", {"db"}, true);
        row("shard-skew -", "lint.shard-skew", {}, false);
    }
    void rules() {
        QFETCH(QString, scenario);
        QFETCH(QString, rule);
        QFETCH(QStringList, components);
        QFETCH(bool, fires);
        const std::vector<Finding> found = findingsOf(scenario, rule.toStdString());
        QCOMPARE(found.size(), std::size_t(fires ? 1 : 0));
        if (!fires)
            return;
        QStringList ids;
        for (const std::string& id : found.front().componentIds)
            ids << QString::fromStdString(id);
        QCOMPARE(ids, components);
        QCOMPARE(int(found.front().severity), int(lintRule(rule.toStdString())->severity));
        QVERIFY(!found.front().message.empty());
        QVERIFY(!found.front().fix.empty());
    }

    void everyRuleIsDocumented() {
        QFile doc(NAPKIN_RESOURCES_DIR "/../docs/analyzers.md");
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        for (const LintRule& rule : lintRules()) {
            QVERIFY2(text.contains(QString::fromUtf8(rule.id.data(), qsizetype(rule.id.size()))), rule.id.data());
            QVERIFY(!rule.explanation.empty());
        }
    }

    void acceptedFindingStaysAsInfo() {
        DesignBuilder b;
        b.add("browser", "web_client").add("mon", "monitoring").add("svc", "service")
            .add("db", "relational_db", {}, props({{"replicas", 1}}));
        b.link("browser", "svc").link("svc", "db");
        b.accept("db", "lint.database-without-replica", "Throw-away prototype; data is rebuilt nightly.");
        const ResilienceReport report = analyzeResilience(b.build());
        const auto found = std::find_if(report.findings.begin(), report.findings.end(),
                                        [](const Finding& f) { return f.rule == "lint.database-without-replica"; });
        QVERIFY(found != report.findings.end());
        QCOMPARE(int(found->severity), int(Severity::Info));
        QCOMPARE(found->acceptedReason, std::string("Throw-away prototype; data is rebuilt nightly."));
        // Accepting one rule silences only that rule: the SPOF on the same database stays an error.
        const auto spof = std::find_if(report.findings.begin(), report.findings.end(),
                                       [](const Finding& f) { return f.rule == "spof.component"; });
        QVERIFY(spof != report.findings.end());
        QCOMPARE(int(spof->severity), int(Severity::Error));
        QVERIFY(spof->acceptedReason.empty());
    }
};

QTEST_APPLESS_MAIN(TestLint)
#include "tst_lint.moc"
