#include "estimators/availability.h"
#include "estimators/resilience.h"
#include "resilience_fixtures.h"

#include <QTest>

Q_DECLARE_METATYPE(napkin::Properties)

using namespace napkin;
using namespace napkin::testing;

namespace {

bool near(double actual, double expected, double tolerance = 1e-12) {
    return std::abs(actual - expected) <= tolerance;
}

// With no reference table: deployments, zones and regions never fail, so only instances count.
const AvailabilityReference instancesOnly;

OperationAvailability operationOf(const Design& design, OperationType type,
                                  const AvailabilityReference& reference = instancesOnly) {
    const RequestGraph graph(design, Catalog::builtin());
    for (const RequestPath& path : graph.paths())
        if (path.operation.type == type)
            return operationAvailability(graph, path, replicaModels(design, Catalog::builtin()), reference);
    return {-1, false, {}, {}, 1, {}};
}

double availabilityOf(const Design& design, OperationType type) { return operationOf(design, type).fraction; }

// One instance that never fails: the component is exactly as available as its deployment.
Properties perfectInstance(std::initializer_list<std::pair<const std::string, Json>> extra = {}) {
    Properties result = props({{"replicas", 1}, {"availability", 100}});
    for (const auto& [key, value] : extra)
        result[key] = value;
    return result;
}

Properties single(double availability) { return props({{"replicas", 1}, {"availability", availability}}); }

} // namespace

class TestAvailability : public QObject {
    Q_OBJECT
private slots:
    void combinations_data() {
        QTest::addColumn<double>("actual");
        QTest::addColumn<double>("expected");
        // Hand calculations.
        QTest::newRow("parallel 2 × 99 %") << parallelAvailability(0.99, 2) << 0.9999;
        QTest::newRow("parallel 3 × 90 %") << parallelAvailability(0.9, 3) << 0.999;
        QTest::newRow("parallel of nothing") << parallelAvailability(0.99, 0) << 0.0;
        QTest::newRow("series 99 % × 99.9 %") << seriesAvailability({0.99, 0.999}) << 0.98901;
        QTest::newRow("series of nothing") << seriesAvailability({}) << 1.0;
        // 3·0.9²·0.1 + 0.9³ = 0.243 + 0.729
        QTest::newRow("2 of 3 at 90 %") << atLeastAvailability(0.9, 2, 3) << 0.972;
        // 3·0.99²·0.01 + 0.99³ = 0.029403 + 0.970299
        QTest::newRow("2 of 3 at 99 %") << atLeastAvailability(0.99, 2, 3) << 0.999702;
        QTest::newRow("3 of 3 is series") << atLeastAvailability(0.9, 3, 3) << 0.729;
        QTest::newRow("1 of 3 is parallel") << atLeastAvailability(0.9, 1, 3) << 0.999;
        QTest::newRow("quorum above N") << atLeastAvailability(0.9, 4, 3) << 0.0;
        QTest::newRow("out-of-range input clamps") << parallelAvailability(1.5, 2) << 1.0;
    }
    void combinations() {
        QFETCH(double, actual);
        QFETCH(double, expected);
        QVERIFY2(near(actual, expected), qPrintable(QString::number(actual, 'g', 17)));
    }

    void downtimeTable_data() {
        QTest::addColumn<double>("fraction");
        QTest::addColumn<double>("nines");
        QTest::addColumn<double>("perYearS");
        QTest::addColumn<double>("perMonthS");
        QTest::addColumn<double>("perDayS");
        // The standard table: year = 365.25 days, month = year / 12.
        QTest::newRow("99 %") << 0.99 << 2.0 << 315576.0 << 26298.0 << 864.0;        // 3.65 d, 7.31 h, 14.4 min
        QTest::newRow("99.9 %") << 0.999 << 3.0 << 31557.6 << 2629.8 << 86.4;        // 8.77 h, 43.8 min, 1.44 min
        QTest::newRow("99.99 %") << 0.9999 << 4.0 << 3155.76 << 262.98 << 8.64;      // 52.6 min, 4.38 min, 8.64 s
        QTest::newRow("99.999 %") << 0.99999 << 5.0 << 315.576 << 26.298 << 0.864;   // 5.26 min, 26.3 s, 864 ms
        QTest::newRow("always up") << 1.0 << 12.0 << 0.0 << 0.0 << 0.0;
    }
    void downtimeTable() {
        QFETCH(double, fraction);
        QFETCH(double, nines);
        QFETCH(double, perYearS);
        QFETCH(double, perMonthS);
        QFETCH(double, perDayS);
        const AvailabilityFigure figure = describeAvailability(fraction);
        QVERIFY(near(figure.nines, nines, 1e-6));
        QVERIFY(near(figure.downtimePerYearS, perYearS, 1e-6));
        QVERIFY(near(figure.downtimePerMonthS, perMonthS, 1e-6));
        QVERIFY(near(figure.downtimePerDayS, perDayS, 1e-6));
    }

    void readableText() {
        QCOMPARE(toText(describeAvailability(0.999)),
                 std::string("99.9 % (3 nines): 8.77 h/year, 43.8 min/month, 1.44 min/day"));
    }

    void percentagesKeepOnlyTheDigitsTheInputsJustify_data() {
        QTest::addColumn<double>("fraction");
        QTest::addColumn<QString>("text");
        QTest::newRow("99.9") << 0.999 << "99.9";
        QTest::newRow("series 99.95 × 99.99") << 0.9995 * 0.9999 << "99.94";
        QTest::newRow("fallback pair") << 1 - 0.0001 * 0.001 << "99.99999";
        QTest::newRow("web app before the pair") << 0.9995 * (1 - 0.0001 * 0.001) << "99.95";
        QTest::newRow("two figures of 1 − a") << 0.998500498 << "99.85";
        QTest::newRow("nothing fails") << 1.0 << "100";
        QTest::newRow("never up") << 0.0 << "0";
    }
    void percentagesKeepOnlyTheDigitsTheInputsJustify() {
        QFETCH(double, fraction);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(availabilityPercentText(fraction)), text);
    }

    // Microsoft Azure Architecture Center, composite SLAs: a web app (99.95 %) that writes to Azure SQL
    // Database (99.99 %) is 0.9995 × 0.9999 = 99.94 %; with a queue (99.9 %) as the fallback for the
    // database the pair is 1 − 0.0001 × 0.001 = 99.99999 % and the whole 0.9995 × 0.9999999 ≈ 99.95 %.
    void compositeSlaExamples() {
        QVERIFY(near(seriesAvailability({0.9995, 0.9999}), 0.99940005));
        QVERIFY(near(fallbackAvailability(0.9999, 0.999), 0.9999999));
        QVERIFY(near(seriesAvailability({0.9995, fallbackAvailability(0.9999, 0.999)}), 0.99949990005));

        // The same through a design, with the deployments taken from the reference table (App Service
        // 99.95 %, SQL Database 99.99 %) and instances that never fail.
        DesignBuilder b;
        b.add("browser", "web_client")
            .add("app", "service", {}, perfectInstance())
            .add("db", "relational_db", {}, perfectInstance())
            .link("browser", "app")
            .link("app", "db")
            .operation("save", OperationType::Write);
        AvailabilityReference reference = AvailabilityReference::builtin();
        reference.zone = reference.region = 1;
        const OperationAvailability write = operationOf(b.build(), OperationType::Write, reference);
        QVERIFY2(near(write.fraction, 0.99940005), qPrintable(QString::number(write.fraction, 'g', 17)));
        QCOMPARE(availabilityPercentText(write.fraction), std::string("99.94"));
        QCOMPARE(write.limitedBy, std::string("app"));
        QVERIFY(near(write.limitedByFraction, 0.9995));
        QCOMPARE(write.defaultDeployments, (std::vector<std::string>{"app", "db"}));
    }

    // The queue as a fallback link from the app: the pair is redundant, the app alone is in series.
    void fallbackLinkMakesTheQueueAnAlternativeToTheDatabase() {
        DesignBuilder b;
        b.add("browser", "web_client")
            .add("app", "service", {}, perfectInstance())
            .add("db", "relational_db", {}, perfectInstance())
            .add("queue", "message_queue", {}, perfectInstance())
            .link("browser", "app")
            .link("app", "db")
            .link("app", "queue", Protocol::AsyncMessage, props({{"fallback", true}}))
            .operation("save", OperationType::Write);
        AvailabilityReference reference = AvailabilityReference::builtin();
        reference.zone = reference.region = 1;
        const OperationAvailability write = operationOf(b.build(), OperationType::Write, reference);
        // 0.9995 × (1 − 0.0001 × 0.001) = 0.99949990005.
        QVERIFY2(near(write.fraction, 0.99949990005), qPrintable(QString::number(write.fraction, 'g', 17)));
        QCOMPARE(availabilityPercentText(write.fraction), std::string("99.95"));
        QCOMPARE(write.seriesComponents, (std::vector<std::string>{"app"}));
        QCOMPARE(write.limitedBy, std::string("app"));
        QCOMPARE(write.defaultDeployments, (std::vector<std::string>{"app", "db", "queue"}));
    }

    // A fallback to a replica (the standby region's copy of the files) stands in for the files only: the
    // database beside it is still needed. 0.9995 × 0.9999 × (1 − 0.001 × 0.001) = 0.99939905059995; were
    // the replica also an alternative to the database, a database outage would count as survived.
    void fallbackToAReplicaStandsInForItsOwnGroupOnly() {
        DesignBuilder b;
        b.add("browser", "web_client")
            .add("app", "service", {}, perfectInstance())
            .add("db", "relational_db", {}, perfectInstance())
            .add("files", "object_storage", {}, perfectInstance())
            .add("files-b", "object_storage", {}, perfectInstance())
            .link("browser", "app")
            .link("app", "db")
            .link("app", "files")
            .link("app", "files-b", Protocol::Http, props({{"fallback", true}}))
            .link("files", "files-b", Protocol::Replication)
            .operation("read", OperationType::Read);
        AvailabilityReference reference = AvailabilityReference::builtin();
        reference.zone = reference.region = 1;
        const OperationAvailability read = operationOf(b.build(), OperationType::Read, reference);
        QVERIFY2(near(read.fraction, 0.99939905059995), qPrintable(QString::number(read.fraction, 'g', 17)));
        QCOMPARE(read.seriesComponents, (std::vector<std::string>{"app", "db"}));
        QCOMPARE(read.limitedBy, std::string("app"));
    }

    // Without the flag the same queue is one more store the write needs: 0.9995 × 0.9999 × 0.999.
    void withoutTheFlagTheQueueIsInSeries() {
        DesignBuilder b;
        b.add("browser", "web_client")
            .add("app", "service", {}, perfectInstance())
            .add("db", "relational_db", {}, perfectInstance())
            .add("queue", "message_queue", {}, perfectInstance())
            .link("browser", "app")
            .link("app", "db")
            .link("app", "queue", Protocol::AsyncMessage)
            .operation("save", OperationType::Write);
        AvailabilityReference reference = AvailabilityReference::builtin();
        reference.zone = reference.region = 1;
        const OperationAvailability write = operationOf(b.build(), OperationType::Write, reference);
        QVERIFY2(near(write.fraction, 0.9995 * 0.9999 * 0.999),
                 qPrintable(QString::number(write.fraction, 'g', 17)));
        QCOMPARE(availabilityPercentText(write.fraction), std::string("99.84"));
        QCOMPARE(write.limitedBy, std::string("queue"));
    }

    // The app's deployment comes from the table, the database states its own: the report says which
    // figures rest on defaults, that zones are assumed, and what limits the operation.
    void defaultBasedFiguresAreFlaggedInTheReport() {
        DesignBuilder b;
        b.add("browser", "web_client")
            .add("app", "service", {}, perfectInstance())
            .add("db", "relational_db", {}, perfectInstance({{"deployment_availability", 99.99}}))
            .link("browser", "app")
            .link("app", "db")
            .operation("save", OperationType::Write);
        const std::string text = resilienceToText(analyzeResilience(b.build()));
        QVERIFY2(text.find("\"save\" from browser: 99.94 % (3.2 nines)") != std::string::npos, text.c_str());
        QVERIFY2(text.find("limited by app at 99.95 %") != std::string::npos, text.c_str());
        QVERIFY2(
            text.find("rest on the public cloud SLAs of 2024-11-22 (resources/reference/availability.json) "
                      "for the deployments of app; zones 99.9 % (assumed") != std::string::npos,
            text.c_str());
    }

    void ownDeploymentFigureOverridesTheTable() {
        DesignBuilder b;
        b.add("browser", "web_client")
            .add("app", "service", {}, perfectInstance({{"deployment_availability", 99.5}}))
            .link("browser", "app")
            .operation("get", OperationType::Read);
        // Ten replicas cannot lift the component above its deployment: 99.5 %.
        const OperationAvailability read = operationOf(b.build(), OperationType::Read, AvailabilityReference::builtin());
        QVERIFY(near(read.fraction, 0.995));
        QVERIFY(read.defaultDeployments.empty());
    }

    // Three replicas at 99 % each, deployment 99.95 %, zones at 99.9 % (the reference table).
    void zoneOutageWithAllReplicasInOneZone() {
        DesignBuilder b;
        b.zone("az-a", ZoneKind::AvailabilityZone)
            .add("browser", "web_client")
            .add("svc", "service", "az-a",
                 props({{"replicas", 3}, {"availability", 99}, {"deployment_availability", 99.95}}))
            .link("browser", "svc")
            .operation("get", OperationType::Read);
        const OperationAvailability read = operationOf(b.build(), OperationType::Read, AvailabilityReference::builtin());
        // The zone takes all three down: 0.999 × 0.9995 × (1 − 0.01³) = 0.998500498500500…
        QVERIFY2(near(read.fraction, 0.999 * 0.9995 * (1 - 1e-6)), qPrintable(QString::number(read.fraction, 'g', 17)));
        QCOMPARE(read.limitedBy, std::string("zone az-a"));
        QVERIFY(near(read.limitedByFraction, 0.999));
    }

    void replicasSpreadOverZonesFailIndependently() {
        DesignBuilder b;
        b.zone("r", ZoneKind::Region)
            .zone("az-a", ZoneKind::AvailabilityZone, "r")
            .zone("az-b", ZoneKind::AvailabilityZone, "r")
            .zone("az-c", ZoneKind::AvailabilityZone, "r")
            .add("browser", "web_client")
            .add("svc", "service", "r",
                 props({{"replicas", 3}, {"availability", 99}, {"deployment_availability", 99.95}}))
            .link("browser", "svc")
            .operation("get", OperationType::Read);
        const OperationAvailability read = operationOf(b.build(), OperationType::Read, AvailabilityReference::builtin());
        // One replica per zone, each up with its zone: 0.999 × 0.99 = 0.98901; three of them in parallel,
        // then the region (99.99 %) and the deployment: 0.9999 × 0.9995 × (1 − 0.01099³).
        const double each = 1 - 0.999 * 0.99;
        const double expected = 0.9999 * 0.9995 * (1 - each * each * each);
        QVERIFY2(near(read.fraction, expected), qPrintable(QString::number(read.fraction, 'g', 17)));
        QCOMPARE(read.limitedBy, std::string("svc"));
    }

    // Eight per-zone fleets behind one balancer, in front of one database: eight zones and eight redundant
    // fleets, past the old limits of exact enumeration (6 zones, 2^14 states). Each fleet is one instance
    // at 50 % in a zone at 99.9 %, up with 0.999 × 0.5 = 0.4995. With the balancer and the database outside
    // the zones the operation needs any fleet: 1 − 0.5005^8. Placed in the region, their one instance runs
    // in az-a, so az-a is needed, and given it fleet a is up half the time:
    // 0.999 × (1 − 0.5 × 0.5005^7) = 0.99507025775781…
    void perZoneFleetsAreExactBeyondTheOldLimit() {
        auto design = [](const std::string& sharedZone) {
            DesignBuilder b;
            b.zone("r", ZoneKind::Region).add("browser", "web_client");
            b.add("lb", "load_balancer", sharedZone, perfectInstance()).link("browser", "lb");
            b.add("db", "kv_store", sharedZone, perfectInstance());
            for (char z = 'a'; z < 'a' + 8; ++z) {
                const std::string zone = std::string("az-") + z;
                const std::string fleet = std::string("svc-") + z;
                b.zone(zone, ZoneKind::AvailabilityZone, "r")
                    .add(fleet, "service", zone, single(50))
                    .link("lb", fleet)
                    .link(fleet, "db");
            }
            b.operation("get", OperationType::Read);
            return b.build();
        };
        AvailabilityReference reference;
        reference.zone = 0.999;
        const OperationAvailability apart = operationOf(design({}), OperationType::Read, reference);
        QVERIFY2(near(apart.fraction, 1 - std::pow(1 - 0.999 * 0.5, 8)),
                 qPrintable(QString::number(apart.fraction, 'g', 17)));
        QVERIFY(apart.exact);
        QCOMPARE(apart.seriesComponents, (std::vector<std::string>{"lb", "db"}));
        const OperationAvailability inRegion = operationOf(design("r"), OperationType::Read, reference);
        QVERIFY2(near(inRegion.fraction, 0.999 * (1 - 0.5 * std::pow(1 - 0.999 * 0.5, 7))),
                 qPrintable(QString::number(inRegion.fraction, 'g', 17)));
        QVERIFY(inRegion.exact);
        QCOMPARE(inRegion.limitedBy, std::string("zone az-a"));
    }

    // A write needs the leader (instance 0, in az-a) of a store without automatic failover, so the fleets
    // in az-b and az-c add nothing: whenever the write works az-a is up, and with it fleet a. Exactly the
    // zone's 99.9 %, not 0.999 × (1 − 0.001³) as independent parts would give.
    void fleetsShareTheirZoneWithTheLeader() {
        DesignBuilder b;
        b.zone("r", ZoneKind::Region).add("browser", "web_client");
        b.add("db", "relational_db", "r",
              perfectInstance({{"replicas", 3}, {"replication", "single_leader"}, {"failover", "manual"}}));
        for (char z = 'a'; z < 'd'; ++z) {
            const std::string zone = std::string("az-") + z;
            const std::string fleet = std::string("svc-") + z;
            b.zone(zone, ZoneKind::AvailabilityZone, "r")
                .add(fleet, "service", zone, perfectInstance())
                .link("browser", fleet)
                .link(fleet, "db");
        }
        b.operation("save", OperationType::Write);
        AvailabilityReference reference;
        reference.zone = 0.999;
        const OperationAvailability write = operationOf(b.build(), OperationType::Write, reference);
        QVERIFY2(near(write.fraction, 0.999), qPrintable(QString::number(write.fraction, 'g', 17)));
        QVERIFY(write.exact);
        QCOMPARE(write.limitedBy, std::string("zone az-a"));
    }

    // Two groups (a database and a bucket) reached through two fleets, one of which reaches only the
    // database: the bucket needs fleet a (0.9), the database either fleet: P = 0.9 (a up covers both).
    // With a third fleet c reaching only the bucket: P(a) + P(not a) × P(b) × P(c) = 0.9 + 0.1 × 0.8 × 0.7.
    void componentsSharedBetweenGroupsAreSummedOver() {
        DesignBuilder b;
        b.add("browser", "web_client")
            .add("db", "relational_db", {}, perfectInstance())
            .add("files", "object_storage", {}, perfectInstance())
            .add("a", "service", {}, single(90))
            .add("b", "service", {}, single(80))
            .add("c", "service", {}, single(70))
            .link("browser", "a")
            .link("browser", "b")
            .link("browser", "c")
            .link("a", "db")
            .link("a", "files")
            .link("b", "db")
            .link("c", "files")
            .operation("get", OperationType::Read);
        const OperationAvailability read = operationOf(b.build(), OperationType::Read);
        QVERIFY2(near(read.fraction, 0.9 + 0.1 * 0.8 * 0.7), qPrintable(QString::number(read.fraction, 'g', 17)));
        QVERIFY(read.exact);
    }

    // A standby region behind DNS failover is credited with the failover's figure (the share of an outage
    // it serves), not as an independent second copy: primary app 99 %, standby app 99 %, failover 95 %:
    // 1 − 0.01 × (1 − 0.95 × 0.99) = 0.999405, not 1 − 0.01² = 0.9999. A link's own
    // failover_availability (90 %) overrides the table: 1 − 0.01 × (1 − 0.9 × 0.99) = 0.99891.
    void standbyRegionIsCreditedWithItsFailover() {
        auto design = [](Properties fallback) {
            DesignBuilder b;
            b.zone("east", ZoneKind::Region)
                .zone("west", ZoneKind::Region)
                .add("browser", "web_client")
                .add("app", "service", "east", single(99))
                .add("db", "kv_store", "east", perfectInstance())
                .add("app-w", "service", "west", single(99))
                .add("db-w", "kv_store", "west", perfectInstance())
                .link("browser", "app")
                .link("app", "db")
                .link("browser", "app-w", Protocol::Http, std::move(fallback))
                .link("app-w", "db-w")
                .link("db", "db-w", Protocol::Replication)
                .operation("get", OperationType::Read);
            return b.build();
        };
        AvailabilityReference reference;
        reference.failover = 0.95;
        const OperationAvailability read = operationOf(design(props({{"fallback", true}})), OperationType::Read, reference);
        QVERIFY2(near(read.fraction, 0.999405), qPrintable(QString::number(read.fraction, 'g', 17)));
        QVERIFY(read.creditsFailover);
        const OperationAvailability own =
            operationOf(design(props({{"fallback", true}, {"failover_availability", 90}})), OperationType::Read, reference);
        QVERIFY2(near(own.fraction, 0.99891), qPrintable(QString::number(own.fraction, 'g', 17)));
        QCOMPARE(AvailabilityReference::builtin().failover, 0.95);
    }

    // Two CDNs that both fail over to the standby region's origin share one failover: 1 − 0.01 × (1 − 0.95 ×
    // 0.99) = 0.999405 again, not the 0.99987525 two independent 95 % failovers would give.
    void fallbacksIntoOneStandbyShareItsFailover() {
        DesignBuilder b;
        b.zone("east", ZoneKind::Region)
            .zone("west", ZoneKind::Region)
            .add("browser", "web_client")
            .add("cdn", "cdn", {}, perfectInstance())
            .add("cdn2", "cdn", {}, perfectInstance())
            .add("app", "service", "east", single(99))
            .add("db", "kv_store", "east", perfectInstance())
            .add("app-w", "service", "west", single(99))
            .add("db-w", "kv_store", "west", perfectInstance())
            .link("browser", "cdn")
            .link("browser", "cdn2", Protocol::Http, props({{"fallback", true}}))
            .link("cdn", "app")
            .link("cdn2", "app")
            .link("cdn", "app-w", Protocol::Http, props({{"fallback", true}}))
            .link("cdn2", "app-w", Protocol::Http, props({{"fallback", true}}))
            .link("app", "db")
            .link("app-w", "db-w")
            .link("db", "db-w", Protocol::Replication)
            .operation("get", OperationType::Read);
        AvailabilityReference reference;
        reference.failover = 0.95;
        const OperationAvailability read = operationOf(b.build(), OperationType::Read, reference);
        QVERIFY2(near(read.fraction, 0.999405), qPrintable(QString::number(read.fraction, 'g', 17)));
    }

    // A second CDN outside every region, on a fallback link from the client: the client reaches it only once
    // DNS steering (or its own health checks) notices the first CDN is down, so the switch is credited with
    // the failover's 95 %, like a standby region. Both CDNs at CloudFront's 99.9 % (the table), the origin
    // never failing: 1 − 0.001 × (1 − 0.95 × 0.999) = 1 − 0.001 × 0.05095 = 0.99994905 (99.9949 %), not
    // the 1 − 0.001² = 0.999999 (six nines from two three-nine parts) of two independent copies. A player
    // that retries the second CDN on the failed request itself says so with failover_availability 100.
    void secondCdnIsCreditedWithTheClientsSwitch() {
        auto design = [](Properties fallback) {
            DesignBuilder b;
            b.add("browser", "web_client")
                .add("cdn", "cdn", {}, perfectInstance())
                .add("cdn2", "cdn", {}, perfectInstance())
                .add("origin", "kv_store", {}, perfectInstance({{"deployment_availability", 100}}))
                .link("browser", "cdn")
                .link("browser", "cdn2", Protocol::Http, std::move(fallback))
                .link("cdn", "origin")
                .link("cdn2", "origin")
                .operation("get", OperationType::Read);
            return b.build();
        };
        AvailabilityReference reference = AvailabilityReference::builtin();
        reference.zone = reference.region = 1;
        const OperationAvailability read =
            operationOf(design(props({{"fallback", true}})), OperationType::Read, reference);
        QVERIFY2(near(read.fraction, 0.99994905), qPrintable(QString::number(read.fraction, 'g', 17)));
        QCOMPARE(availabilityPercentText(read.fraction), std::string("99.9949"));
        QVERIFY(read.creditsFailover);
        QCOMPARE(read.seriesComponents, (std::vector<std::string>{"origin"}));
        QCOMPARE(read.defaultDeployments, (std::vector<std::string>{"cdn", "cdn2"}));
        const OperationAvailability atOnce =
            operationOf(design(props({{"fallback", true}, {"failover_availability", 100}})),
                        OperationType::Read, reference);
        QVERIFY2(near(atOnce.fraction, 0.999999), qPrintable(QString::number(atOnce.fraction, 'g', 17)));
    }

    // A service that calls a second provider outside every region when the first call fails switches at once,
    // and the two providers share nothing: 1 − 0.01 × 0.01 = 0.9999, with no failover credit.
    void serverFallbackToAProviderOutsideEveryRegionKeepsFullCredit() {
        DesignBuilder b;
        b.zone("east", ZoneKind::Region)
            .add("buyer", "web_client")
            .add("executor", "service", "east", perfectInstance())
            .add("psp", "relational_db", {}, single(99))
            .add("psp2", "relational_db", {}, single(99))
            .link("buyer", "executor")
            .link("executor", "psp")
            .link("executor", "psp2", Protocol::Http, props({{"fallback", true}}))
            .operation("charge status", OperationType::Read);
        AvailabilityReference reference;
        reference.failover = 0.95;
        const OperationAvailability pay = operationOf(b.build(), OperationType::Read, reference);
        QVERIFY2(near(pay.fraction, 0.9999), qPrintable(QString::number(pay.fraction, 'g', 17)));
        QVERIFY(!pay.creditsFailover);
    }

    void componentFigures_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<Properties>("properties");
        QTest::addColumn<int>("type");
        QTest::addColumn<double>("expected");
        QTest::newRow("3 service instances at 99.9 %")
            << "service" << props({{"replicas", 3}, {"availability", 99.9}}) << int(OperationType::Read) << 1 - 1e-9;
        QTest::newRow("leaderless W = 2 of N = 3 at 99.9 %")
            << "kv_store"
            << props({{"replicas", 3}, {"availability", 99.9}, {"replication_factor", 3}, {"write_quorum", 2}})
            << int(OperationType::Write) << 0.999997002;
        QTest::newRow("leaderless R = 1 of N = 3 at 99.9 %")
            << "kv_store"
            << props({{"replicas", 3}, {"availability", 99.9}, {"replication_factor", 3}, {"read_quorum", 1}})
            << int(OperationType::Read) << 1 - 1e-9;
        QTest::newRow("single-leader write, manual failover: the leader alone")
            << "relational_db" << props({{"replicas", 2}, {"availability", 99.95}, {"failover", "manual"}})
            << int(OperationType::Write) << 0.9995;
        QTest::newRow("single-leader read: either copy")
            << "relational_db" << props({{"replicas", 2}, {"availability", 99.95}, {"failover", "manual"}})
            << int(OperationType::Read) << 1 - 0.0005 * 0.0005;
        QTest::newRow("coordination majority 2 of 3")
            << "coordination" << props({{"replicas", 3}, {"availability", 99.9}}) << int(OperationType::Read)
            << 0.999997002;
        QTest::newRow("unreplicated shards all needed")
            << "relational_db" << props({{"replicas", 2}, {"availability", 99.0}, {"replication", "none"}})
            << int(OperationType::Read) << 0.9801;
        QTest::newRow("object storage is managed")
            << "object_storage" << props({{"availability", 99.99}}) << int(OperationType::Read) << 0.9999;
    }
    void componentFigures() {
        QFETCH(QString, kind);
        QFETCH(Properties, properties);
        QFETCH(int, type);
        QFETCH(double, expected);
        DesignBuilder b;
        b.add("c", kind.toStdString(), {}, properties);
        const Design d = b.build();
        const ReplicaModel model = replicaModel(d, Catalog::builtin(), d.components().front());
        const double actual = componentAvailability(model, OperationType(type));
        QVERIFY2(near(actual, expected, 1e-12), qPrintable(QString::number(actual, 'g', 17)));
    }

    void operationPaths_data() {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<double>("expected");
        QTest::newRow("series") << "series" << 0.9999 * 0.999 * 0.9995;
        QTest::newRow("two stores both needed") << "two stores" << 0.999 * 0.9995 * 0.99;
        QTest::newRow("leader and follower serve reads") << "replica group" << 0.999 * (1 - 0.0005 * 0.01);
        // The shared store below two parallel services counts once: lb × store × (1 − (1 − a)²).
        QTest::newRow("shared store counted once") << "shared" << 0.9999 * 0.9995 * (1 - 0.001 * 0.001);
    }
    void operationPaths() {
        QFETCH(QString, shape);
        QFETCH(double, expected);
        DesignBuilder b;
        b.add("browser", "web_client");
        if (shape == "series") {
            b.add("lb", "load_balancer", {}, single(99.99)).add("svc", "service", {}, single(99.9))
                .add("db", "relational_db", {}, single(99.95));
            b.link("browser", "lb").link("lb", "svc").link("svc", "db");
        } else if (shape == "shared") {
            b.add("lb", "load_balancer", {}, single(99.99)).add("a", "service", {}, single(99.9))
                .add("b", "service", {}, single(99.9)).add("db", "relational_db", {}, single(99.95));
            b.link("browser", "lb").link("lb", "a").link("lb", "b").link("a", "db").link("b", "db");
        } else if (shape == "two stores") {
            b.add("svc", "service", {}, single(99.9)).add("db", "relational_db", {}, single(99.95))
                .add("users", "relational_db", {}, single(99.0));
            b.link("browser", "svc").link("svc", "db").link("svc", "users");
        } else if (shape == "replica group") {
            b.add("svc", "service", {}, single(99.9)).add("leader", "relational_db", {}, single(99.95))
                .add("follower", "relational_db", {}, single(99.0));
            b.link("browser", "svc").link("svc", "leader").link("svc", "follower")
                .link("leader", "follower", Protocol::Replication);
        }
        const double actual = availabilityOf(b.build(), OperationType::Read);
        QVERIFY2(near(actual, expected, 1e-12), qPrintable(QString::number(actual, 'g', 17)));
    }
};

QTEST_APPLESS_MAIN(TestAvailability)
#include "tst_availability.moc"
