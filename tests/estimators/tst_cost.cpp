// Monthly cost per component from the reference price table and the component's own props.
// Loads come from the fixture workload (capacity_fixtures.h): average 1000 get + 100 put per second.
#include "capacity_fixtures.h"
#include "estimators/cost.h"

#include <QTest>

using namespace napkin;
using namespace napkin::testing;

namespace {

CostReport costOf(const DesignBuilder& builder) { return costDesign(builder.design(), builder.run()); }

double totalOf(const CostReport& report, std::string_view id) {
    const ComponentCost* cost = report.component(id);
    if (!cost)
        qFatal("no component %s", std::string(id).c_str());
    return cost->total;
}

const char* const validPrices = R"({"format": "napkin-prices", "version": 1, "as_of": "2024-06-01",
    "source": "test", "currency": "USD", "hours_per_month": 730, "instance_hour_default": 0.1,
    "block_storage_per_gb_month": 0.08, "object_storage_per_gb_month": 0.023, "egress_per_gb": 0.09,
    "cdn_egress_per_gb": 0.085})";

} // namespace

class TestCost : public QObject {
    Q_OBJECT
private slots:
    void builtinTableIsDated() {
        const PriceTable& prices = PriceTable::builtin();
        QCOMPARE(prices.asOf, std::string("2024-06-01"));
        QCOMPARE(prices.hoursPerMonth, 730.0);
        QCOMPARE(prices.blockStoragePerGbMonth, 0.08);
        QCOMPARE(prices.egressPerGb, 0.09);
    }

    void instancesAreReplicasTimesHourlyPriceTimes730() {
        const CostReport r = costOf(DesignBuilder()
                                        .add("web", "web_client")
                                        .add("svc", "service", props({{"replicas", 3}, {"cost_per_hour", 0.1}}))
                                        .link("web", "svc"));
        // 3 × $0.10 × 730 h = $219; the service answers the client directly, so it also pays egress:
        // (1000 × 1000 B + 100 × 100 B)/s × 3600 × 730 = 2654.28 GB × $0.09 = $238.8852.
        const ComponentCost* svc = r.component("svc");
        QCOMPARE(svc->instancesPerMonth, 219.0);
        QCOMPARE(svc->egressPerMonth, 2654.28 * 0.09);
        QCOMPARE(svc->total, 219.0 + 2654.28 * 0.09);
        QCOMPARE(totalOf(r, "web"), 0.0);
        QCOMPARE(r.total, svc->total);
        QCOMPARE(svc->steps.front().expression, std::string("3 × $0.10/h × 730 h"));
    }

    void storesPayForStoredGigabyteMonths() {
        const CostReport r =
            costOf(DesignBuilder()
                       .add("web", "web_client")
                       .add("svc", "service", props({{"replicas", 1}, {"cost_per_hour", 0}}))
                       .add("db", "relational_db") // 2 × $0.45/h, replication_factor 2
                       .add("tuned", "relational_db", props({{"storage_cost_per_gb_month", 0.1}}))
                       .add("blobs", "object_storage")
                       .add("cheap-blobs", "object_storage", props({{"cost_per_gb_month", 0.01}}))
                       .link("web", "svc")
                       .link("svc", "db")
                       .link("svc", "tuned")
                       .link("svc", "blobs")
                       .link("svc", "cheap-blobs"));
        // db: 2 × 0.45 × 730 = $657; 3.1536 TB × 2 copies ÷ 0.5 fill = 12,614.4 GB × $0.08 = $1009.152.
        const ComponentCost* db = r.component("db");
        QCOMPARE(db->instancesPerMonth, 657.0);
        QCOMPARE(db->storagePerMonth, 12'614.4 * 0.08);
        QCOMPARE(r.component("tuned")->storagePerMonth, 12'614.4 * 0.1);
        // Object storage: 3153.6 GB × $0.023 (one copy, the provider keeps the rest); no instances.
        QCOMPARE(totalOf(r, "blobs"), 3153.6 * 0.023);
        QCOMPARE(totalOf(r, "cheap-blobs"), 3153.6 * 0.01);
    }

    void cdnPaysPerGigabyteServed() {
        const CostReport r = costOf(DesignBuilder()
                                        .add("web", "web_client")
                                        .add("cdn", "cdn") // cost_per_gb 0.085
                                        .add("origin", "service", props({{"replicas", 1}, {"cost_per_hour", 1}}))
                                        .link("web", "cdn")
                                        .link("cdn", "origin"));
        // 1.01 MB/s average to the clients × 3600 × 730 = 2654.28 GB × $0.085.
        QCOMPARE(totalOf(r, "cdn"), 2654.28 * 0.085);
        // The origin answers the CDN, not the clients: no egress, 1 × $1 × 730.
        QCOMPARE(totalOf(r, "origin"), 730.0);
    }

    void serverlessPaysForBusyEnvironments() {
        const CostReport r = costOf(DesignBuilder()
                                        .add("web", "web_client")
                                        .add("fn", "serverless_function",
                                             props({{"capacity_qps", 20}, {"cost_per_hour", 0.06},
                                                    {"egress_cost_per_gb", 0}}))
                                        .link("web", "fn"));
        // 1100/s average ÷ 20/s per environment = 55 busy × $0.06 × 730 h = $2409.
        QCOMPARE(totalOf(r, "fn"), 55 * 0.06 * 730);
    }

    void priceTableErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << "{" << "invalid JSON";
        QTest::newRow("wrong format") << R"({"format": "napkin"})" << "not a napkin price table";
        QString negative = validPrices;
        negative.replace("\"egress_per_gb\": 0.09", "\"egress_per_gb\": -1");
        QTest::newRow("negative") << negative << "\"egress_per_gb\" must be a number ≥ 0";
        QString undated = validPrices;
        undated.replace("\"as_of\": \"2024-06-01\",", "");
        QTest::newRow("undated") << undated << "\"as_of\" must be a non-empty string";
    }

    void priceTableErrors() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        try {
            PriceTable::fromJson(text.toStdString());
            QFAIL("expected a PriceTableError");
        } catch (const PriceTableError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(error), e.what());
        }
    }

    void validTableParses() {
        const PriceTable prices = PriceTable::fromJson(validPrices);
        QCOMPARE(prices.instanceHourDefault, 0.1);
        QCOMPARE(prices.cdnEgressPerGb, 0.085);
    }

    void money_data() {
        QTest::addColumn<double>("dollars");
        QTest::addColumn<QString>("text");
        QTest::newRow("cents") << 0.5 << "$0.50";
        QTest::newRow("under 100") << 99.994 << "$99.99";
        QTest::newRow("thousands") << 1234.5 << "$1,234";
        QTest::newRow("millions") << 2'500'000.0 << "$2,500,000";
        QTest::newRow("not finite") << std::numeric_limits<double>::infinity() << "$?";
    }

    void money() {
        QFETCH(double, dollars);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(formatMoney(dollars)), text);
    }
};

QTEST_APPLESS_MAIN(TestCost)
#include "tst_cost.moc"
