// Long-lived connections and pushed messages (docs/estimation.md, "Connections and push"): a chat design
// sized by its connections, worked out by hand in the comments, and the fields through the file format.
#include "capacity_fixtures.h"

#include "estimators/capacity_report.h"
#include "model/napkin_file.h"

#include <QTest>

using namespace napkin;
using namespace napkin::testing;

namespace {

// 10 M DAU online 30 minutes a day; each sends 40 messages a day, each pushed to 2 recipients.
//   connections: 10 M × 30 ÷ 1440 = 208,333.3 average, × 2 (peak factor) = 416,666.7 at peak
//   sends: 10 M × 40 = 400 M/day ÷ 86,400 s = 4,629.63/s average, 9,259.26/s at peak
//   pushed: 4,629.63 × 2 = 9,259.26/s average, 18,518.5/s at peak
Workload chatWorkload() {
    Workload w;
    w.dailyActiveUsers = 10e6;
    w.sessionMinutesPerDay = 30;
    Operation send;
    send.name = "send message";
    send.type = OperationType::Write;
    send.rate = 40;
    send.per = RatePer::UserPerDay;
    send.requestBytes = 200;
    send.pushTo = 2;
    w.operations = {send};
    w.peakFactor = 2;
    w.targetUtilization = 0.7;
    return w;
}

DesignBuilder chatDesign(Properties gateway) {
    DesignBuilder b;
    b.workload(chatWorkload())
        .add("apps", "mobile_client")
        .add("gw", "realtime_gateway", std::move(gateway))
        .add("chat", "service")
        .add("store", "kv_store")
        .link("apps", "gw")
        .link("gw", "chat")
        .link("chat", "store");
    return b;
}

const Finding* finding(const LoadReport& report, std::string_view rule) {
    for (const Finding& f : report.findings)
        if (f.rule == rule)
            return &f;
    return nullptr;
}

std::string designWithWorkload(const Json& workload) {
    Json json = designToJson(Design{});
    json["workload"] = workload;
    return json.dump();
}

} // namespace

class TestConnections : public QObject {
    Q_OBJECT
  private slots:
    void envelopeCountsConnectionsAndPushedMessages() {
        const Envelope e = estimateEnvelope(chatWorkload());
        QCOMPARE(e.push.concurrentConnections, 10e6 * 30 / 1440);
        QCOMPARE(e.push.concurrentConnectionsPeak, 10e6 * 30 / 1440 * 2);
        QCOMPARE(e.push.messagesPerSecond, 400e6 / 86400 * 2);
        QCOMPARE(e.push.messagesPerSecondPeak, 400e6 / 86400 * 2 * 2);
        QCOMPARE(e.push.steps.size(), std::size_t(4));
        QCOMPARE(e.push.steps[0].label, std::string("concurrent connections"));
        QCOMPARE(e.push.steps[0].expression, std::string("10 M DAU × 30 min ÷ 1440 min"));
        // The spoken figure follows roundForSpeech; the exact one is fixed.
        QVERIFY(e.push.steps[0].result.starts_with("208 K"));
        QCOMPARE(e.push.steps[1].result, std::string("417 K"));
        QCOMPARE(e.push.steps[2].expression, std::string("4.63 K /s × 2 recipients"));
    }

    void aConcurrentShareIsTakenOfTheDailyUsers() {
        Workload w = chatWorkload();
        w.sessionMinutesPerDay.reset();
        w.concurrentShare = 0.1;
        const Envelope e = estimateEnvelope(w);
        QCOMPARE(e.push.concurrentConnections, 1e6);
        QCOMPARE(e.push.steps[0].expression, std::string("10 M DAU × 0.1 connected at once"));
    }

    void withoutConnectionsNothingIsPushedOrSized() {
        Workload w = chatWorkload();
        w.sessionMinutesPerDay.reset();
        w.operations[0].pushTo = 0;
        const Envelope e = estimateEnvelope(w);
        QVERIFY(!e.push.any());
        QVERIFY(!chatDesign({}).workload(w).run().component("gw")->connections);
    }

    // One gateway of 3 servers, 50 K connections and 20 K messages/s each, at 70 %:
    //   for connections: ⌈416,666.7 ÷ (50,000 × 0.7)⌉ = ⌈11.9⌉ = 12 servers
    //   for messages: ⌈(9,259.26 in + 18,518.5 pushed) ÷ (20,000 × 0.7)⌉ = ⌈1.98⌉ = 2 servers
    //   so 12 servers, limited by connections; memory 416,666.7 × 50 KB = 20.8 GB
    void chatGatewayIsSizedByConnections() {
        const LoadReport r =
            chatDesign(props({{"replicas", 3}, {"max_connections", 50000}, {"capacity_qps", 20000}})).run();
        const ComponentLoad& gw = *r.component("gw");
        QVERIFY(gw.connections);
        const ConnectionSizing& s = *gw.connections;
        QCOMPARE(s.share, 1.0);
        QCOMPARE(s.connectionsPeak, 10e6 * 30 / 1440 * 2);
        QCOMPARE(s.pushedPerSecondPeak, 400e6 / 86400 * 2 * 2);
        QCOMPARE(s.messagesPerSecondPeak, 400e6 / 86400 * 2 + 400e6 / 86400 * 2 * 2);
        QCOMPARE(*s.instancesForConnections, 12.0);
        QCOMPARE(*s.instancesForMessages, 2.0);
        QCOMPARE(s.limitedBy, std::string("connections"));
        QCOMPARE(*gw.instancesNeeded, 12.0);
        QCOMPARE(s.memoryBytes, 10e6 * 30 / 1440 * 2 * 50000);
        QCOMPARE(s.steps[0].expression, std::string("⌈417 K ÷ (50 K per server × 0.7)⌉"));
        QCOMPARE(s.steps[0].result, std::string("12 servers"));
        QCOMPARE(s.steps[1].expression,
                 std::string("⌈(9.26 K /s in + 18.5 K /s pushed) ÷ (20 K /s per server × 0.7)⌉"));
        QCOMPARE(s.steps[2].result, std::string("20.8 GB"));
        QCOMPARE(s.steps[s.steps.size() - 2].result, std::string("12 servers, limited by connections"));
        const Finding* over = finding(r, "capacity.connections");
        QVERIFY(over);
        QVERIFY(over->severity == Severity::Error); // 416,667 > 3 × 50,000
        QCOMPARE(over->fix, std::string("Needs 12 servers (limited by connections)."));
        // The catalog's defaults (100 K connections, 50 KB each) when the component sets none:
        // ⌈416,666.7 ÷ 70,000⌉ = 6 servers.
        const ComponentLoad& byDefault = *chatDesign({}).run().component("gw");
        QCOMPARE(*byDefault.connections->instancesForConnections, 6.0);
        QCOMPARE(byDefault.connections->memoryPerConnectionBytes, 50000.0);
    }

    // Messages win when connections are cheap: 1 M connections a server → 1 for connections;
    // 27,777.8 messages/s ÷ (2,000 × 0.7) = 19.8 → 20 servers.
    void messagesCanBeTheLimit() {
        const LoadReport r =
            chatDesign(props({{"replicas", 20}, {"max_connections", 1e6}, {"capacity_qps", 2000}})).run();
        const ConnectionSizing& s = *r.component("gw")->connections;
        QCOMPARE(*s.instancesForConnections, 1.0);
        QCOMPARE(*s.instancesForMessages, 20.0);
        QCOMPARE(s.limitedBy, std::string("messages"));
        QVERIFY(!finding(r, "capacity.connections")); // 20 needed, 20 there
    }

    // A gateway is as busy as its scarcer resource on the servers drawn. 3 servers of 50 K connections and
    // 20 K messages/s: messages (9,259.26 in + 18,518.5 pushed) ÷ (3 × 20,000) = 27,777.8 ÷ 60,000 = 46.3 %,
    // connections 416,666.7 ÷ (3 × 50,000) = 277.8 %: 277.8 %, bound by connections, where the requests
    // alone (9,259.26 ÷ 60,000 = 15.4 %) showed a calm bar. 20 servers of 1 M connections and 2,000
    // messages/s: 27,777.8 ÷ 40,000 = 69.4 % for messages, 416,666.7 ÷ 20 M = 2.08 % for connections.
    void utilisationIsTheScarcerResource() {
        const double messages = 400e6 / 86400 * 2 * 3; // in + pushed, at peak
        const double connections = 10e6 * 30 / 1440 * 2;
        const LoadReport r =
            chatDesign(props({{"replicas", 3}, {"max_connections", 50000}, {"capacity_qps", 20000}})).run();
        const ComponentLoad& gw = *r.component("gw");
        const ConnectionSizing& s = *gw.connections;
        QCOMPARE(*s.messageUtilization, messages / 60000);
        QCOMPARE(*s.connectionUtilization, connections / 150000);
        QCOMPARE(*gw.utilization, connections / 150000);
        QCOMPARE(s.bindingResource, std::string("connections"));
        QCOMPARE(s.steps.back().label, std::string("gw utilisation"));
        QCOMPARE(s.steps.back().expression,
                 std::string("max(27.8 K /s ÷ (3 × 20 K /s) = 46.3 % for messages, "
                             "417 K ÷ (3 × 50 K) = 278 % for connections)"));
        QCOMPARE(s.steps.back().result, std::string("278 %, bound by connections"));
        for (const Finding& f : r.findings) // the requests fit; connections have capacity.connections
            QVERIFY(f.rule != "capacity.over" || f.componentIds != std::vector<std::string>{"gw"});
        QCOMPARE(finding(r, "capacity.connections")->componentIds, std::vector<std::string>{"gw"});

        const LoadReport m =
            chatDesign(props({{"replicas", 20}, {"max_connections", 1e6}, {"capacity_qps", 2000}})).run();
        const ComponentLoad& busy = *m.component("gw");
        QCOMPARE(*busy.utilization, messages / 40000);
        QCOMPARE(*busy.connections->connectionUtilization, connections / 20e6);
        QCOMPARE(busy.connections->bindingResource, std::string("messages"));
        QCOMPARE(busy.connections->steps.back().result, std::string("69.4 %, bound by messages"));
    }

    // The bundled Leaderboard's Live Updates, 80 servers at the catalog's 100 K connections and 20 K /s:
    //   connections: 10 M DAU × 30 min ÷ 1440 × 5 (peak) = 1,041,666.7
    //   messages: 5,787.04 /s of requests (its share of view top 100) + 208,333.3 /s pushed (1 M × 0.2 ÷ 1 s,
    //   × 5) = 214,120.4 /s
    //   214,120.4 ÷ (80 × 20,000) = 13.4 % for messages; 1,041,666.7 ÷ (80 × 100,000) = 13.0 % for
    //   connections: 13.4 %, bound by messages (the QPS share alone, 5,787 ÷ 1.6 M, was 0.36 %).
    void leaderboardLiveUpdatesShowTheirBindingResource() {
        const LoadResult loaded = loadDesignFile(NAPKIN_RESOURCES_DIR "/examples/leaderboard.napkin");
        QVERIFY(loaded.ok());
        const Design& design = *loaded.design;
        const LoadReport r =
            propagateLoad(GraphView(design), estimateEnvelope(design.workload()), design.workload());
        const ComponentLoad& live = *r.component("live");
        QCOMPARE(live.instances, 80.0);
        QCOMPARE(live.offeredQps, 10e6 * 20 / 86400 * 5 / 2);
        QCOMPARE(live.connections->messagesPerSecondPeak,
                 10e6 * 20 / 86400 * 5 / 2 + 10e6 * 30 / 1440 * 0.2 * 5);
        QCOMPARE(*live.utilization, (10e6 * 20 / 86400 * 5 / 2 + 10e6 * 30 / 1440 * 0.2 * 5) / 1.6e6);
        QCOMPARE(*live.connections->connectionUtilization, 10e6 * 30 / 1440 * 5 / 8e6);
        QCOMPARE(live.connections->bindingResource, std::string("messages"));
        QCOMPARE(live.connections->steps.back().result, std::string("13.4 %, bound by messages"));
    }

    // A balancer splits by weights 3 : 1, and the connections follow: 312,500 and 104,166.7 at peak.
    void gatewaysShareConnectionsAsTheyShareRequests() {
        DesignBuilder b;
        b.workload(chatWorkload())
            .add("apps", "mobile_client")
            .add("lb", "load_balancer")
            .add("a", "realtime_gateway")
            .add("b", "realtime_gateway")
            .add("store", "kv_store")
            .link("apps", "lb")
            .link("lb", "a", props({{"weight", 3}}))
            .link("lb", "b", props({{"weight", 1}}))
            .link("a", "store")
            .link("b", "store");
        const LoadReport r = b.run();
        QCOMPARE(r.component("a")->connections->share, 0.75);
        QCOMPARE(r.component("a")->connections->connectionsPeak, 10e6 * 30 / 1440 * 2 * 0.75);
        QCOMPARE(r.component("b")->connections->connectionsPeak, 10e6 * 30 / 1440 * 2 * 0.25);
    }

    // A live top 100 pushed every second to half of the watchers, whatever the rate of anything:
    //   connections: 10 M DAU × 0.02 = 200,000 average, × 2 = 400,000 at peak
    //   pushed: 200,000 × 0.5 ÷ 1 s = 100,000 /s average, 200,000 /s at peak
    //   gateway of 100 K connections and 20 K messages/s a server at 0.7:
    //     for connections ⌈400,000 ÷ 70,000⌉ = ⌈5.71⌉ = 6; for messages ⌈(0 in + 200,000 pushed) ÷ 14,000⌉
    //     = ⌈14.3⌉ = 15 servers, limited by messages.
    void aPeriodicPushIsReceiversOverThePeriod() {
        Workload w;
        w.dailyActiveUsers = 10e6;
        w.concurrentShare = 0.02;
        Operation top;
        top.name = "top 100";
        top.rate = 0;
        top.per = RatePer::Second;
        top.pushEverySeconds = 1;
        top.pushShare = 0.5;
        w.operations = {top};
        const Envelope e = estimateEnvelope(w);
        QCOMPARE(e.push.messagesPerOperation, std::vector<double>{100000.0});
        QCOMPARE(e.push.messagesPerSecond, 100000.0);
        QCOMPARE(e.push.messagesPerSecondPeak, 200000.0);
        QCOMPARE(e.push.steps[2].label, std::string("top 100 pushed every 1 second"));
        QCOMPARE(e.push.steps[2].expression, std::string("200 K connections × 0.5 receiving ÷ 1 s"));
        QCOMPARE(e.push.steps[2].result, std::string("100 K /s"));
        QVERIFY(e.problems.empty());
        const LoadReport r =
            chatDesign(props({{"max_connections", 100000}, {"capacity_qps", 20000}})).workload(w).run();
        const ConnectionSizing& s = *r.component("gw")->connections;
        QCOMPARE(s.pushedPerSecondPeak, 200000.0);
        QCOMPARE(*s.instancesForConnections, 6.0);
        QCOMPARE(*s.instancesForMessages, 15.0);
        QCOMPARE(s.limitedBy, std::string("messages"));
        QCOMPARE(estimatesToJson(e, 0)["operations"]["top 100"]["pushed_per_s"].get<double>(), 100000.0);

        // Every 10 s to every watcher: 200,000 ÷ 10 = 20,000 /s.
        w.operations[0].pushEverySeconds = 10;
        w.operations[0].pushShare = 1;
        QCOMPARE(estimateEnvelope(w).push.messagesPerSecond, 20000.0);
        // Without connections there is no one to push to: 0, and the workload says why.
        w.concurrentShare.reset();
        const Envelope none = estimateEnvelope(w);
        QCOMPARE(none.push.messagesPerSecond, 0.0);
        QCOMPARE(none.problems.size(), std::size_t(1));
        QVERIFY(none.problems[0].starts_with("\"top 100\" is pushed every 10 seconds to connected users"));
    }

    void analyzeJsonCarriesThePushAndTheSizing() {
        const DesignBuilder b = chatDesign({});
        const Envelope e = estimateEnvelope(b.design().workload());
        const Json estimates = estimatesToJson(e, 0);
        QCOMPARE(estimates["push"]["concurrent_connections"].get<double>(), 10e6 * 30 / 1440);
        QCOMPARE(estimates["operations"]["send message"]["pushed_per_s"].get<double>(), 400e6 / 86400 * 2);
        const Json gw = componentToJson(*b.run().component("gw"), nullptr);
        QCOMPARE(gw["connections"]["instances_for_connections"].get<double>(), 6.0);
        QCOMPARE(gw["connections"]["limited_by"].get<std::string>(), std::string("connections"));
    }

    void fieldsSurviveAFileRoundTrip() {
        Design design;
        Workload w = chatWorkload();
        design.apply(SetWorkload{w});
        const std::string text = saveDesign(design);
        const Json json = Json::parse(text);
        QVERIFY(json["workload"]["connections"] == Json({{"session_minutes", 30}}));
        QCOMPARE(json["workload"]["operations"][0]["push_to"].get<double>(), 2.0);
        const LoadResult loaded = loadDesign(text);
        QVERIFY(loaded.ok());
        QVERIFY(loaded.design->workload() == w);
        w.sessionMinutesPerDay.reset();
        w.concurrentShare = 0.25;
        design.apply(SetWorkload{w});
        QVERIFY(loadDesign(saveDesign(design)).design->workload().concurrentShare == std::optional<double>(0.25));
        // A periodic push is written only when set, and read back.
        w.operations[0].pushEverySeconds = 2;
        w.operations[0].pushShare = 0.25;
        design.apply(SetWorkload{w});
        const Json periodic = Json::parse(saveDesign(design))["workload"]["operations"][0];
        QCOMPARE(periodic["push_every_seconds"].get<double>(), 2.0);
        QCOMPARE(periodic["push_share"].get<double>(), 0.25);
        QVERIFY(loadDesign(saveDesign(design)).design->workload() == w);
        QVERIFY(!json["workload"]["operations"][0].contains("push_every_seconds"));
    }

    void invalidValuesAreRefused_data() {
        QTest::addColumn<QString>("workload");
        QTest::addColumn<QString>("message");
        const QString op = R"("operations": [{"name": "send", "type": "%1", "rate": 1, "per": "second"%2}])";
        QTest::newRow("both") << R"({"connections": {"session_minutes": 30, "concurrent_share": 0.1}})"
                              << "workload.connections: give session_minutes or concurrent_share, not both";
        QTest::newRow("day has 1440 minutes")
            << R"({"connections": {"session_minutes": 1500}})"
            << "workload.connections.session_minutes: must be a number between 0 and 1440, got 1500";
        QTest::newRow("share above 1")
            << R"({"connections": {"concurrent_share": 2}})"
            << "workload.connections.concurrent_share: must be a number between 0 and 1, got 2";
        QTest::newRow("not a number")
            << R"({"connections": {"session_minutes": "half an hour"}})"
            << "workload.connections.session_minutes: must be a number, got \"half an hour\"";
        QTest::newRow("unknown key") << R"({"connections": {"minutes": 30}})"
                                     << "workload.connections.minutes: is not a connections field "
                                        "(session_minutes or concurrent_share)";
        QTest::newRow("push on a read")
            << "{" + op.arg("read", R"(, "push_to": 3)") + "}"
            << "workload.operations[0].push_to: only a write is pushed to connected "
               "recipients; \"send\" is a read";
        QTest::newRow("negative push")
            << "{" + op.arg("write", R"(, "push_to": -1)") + "}"
            << "workload.operations[0].push_to: must be a number between 0 and 10000000, got -1";
        QTest::newRow("share without a period")
            << "{" + op.arg("read", R"(, "push_share": 0.5)") + "}"
            << "workload.operations[0].push_share: says who receives a periodic push; set "
               "push_every_seconds on \"send\" too";
        QTest::newRow("period above a day")
            << "{" + op.arg("read", R"(, "push_every_seconds": 100000)") + "}"
            << "workload.operations[0].push_every_seconds: must be a number between 0 and 86400, got 100000";
        QTest::newRow("share above 1 of the connections")
            << "{" + op.arg("read", R"(, "push_every_seconds": 1, "push_share": 1.5)") + "}"
            << "workload.operations[0].push_share: must be a number between 0 and 1, got 1.5";
    }

    void invalidValuesAreRefused() {
        QFETCH(QString, workload);
        QFETCH(QString, message);
        const LoadResult result = loadDesign(designWithWorkload(Json::parse(workload.toStdString())));
        QVERIFY(!result.ok());
        QStringList errors;
        for (const Diagnostic& d : result.errors())
            errors << QString::fromStdString(d.toString());
        QVERIFY2(errors.contains(message), qPrintable(errors.join(" | ")));
    }

    // The same rules hold for an edit: the design refuses it with the same message.
    void editsAreCheckedLikeFiles() {
        Design design;
        Workload w = chatWorkload();
        w.concurrentShare = 0.1;
        QCOMPARE(design.check(SetWorkload{w}),
                 std::string("workload.connections: give session_minutes or concurrent_share, not both"));
    }
};

QTEST_APPLESS_MAIN(TestConnections)
#include "tst_connections.moc"
