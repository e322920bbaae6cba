// The whole analysis of the shipped Tiny URL example, as `napkin analyze --json` prints it.
#include "estimators/analysis.h"
#include "model/napkin_file.h"

#include <QTest>

using namespace napkin;

namespace {

Design tinyUrl() {
    LoadResult result = loadDesignFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");
    if (!result.ok())
        qFatal("tiny-url.napkin does not load");
    return *result.design;
}

const Json& componentById(const Json& document, const std::string& id) {
    for (const Json& c : document["components"])
        if (c["id"] == id)
            return c;
    qFatal("no component %s", id.c_str());
}

bool hasFinding(const Json& document, const std::string& rule, const std::string& id) {
    for (const Json& f : document["findings"])
        if (f["rule"] == rule && std::find(f["component_ids"].begin(), f["component_ids"].end(), id) !=
                                     f["component_ids"].end())
            return true;
    return false;
}

const Finding* findingOf(const Analysis& analysis, const std::string& rule, const std::string& id) {
    for (const Finding& f : analysis.findings)
        if (f.rule == rule && !f.componentIds.empty() && f.componentIds.front() == id)
            return &f;
    return nullptr;
}

} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT
private slots:
    void documentHasEverySection() {
        const Json document = analysisToJson(analyze(tinyUrl()));
        for (const char* section : {"summary", "estimates", "components", "cost", "findings"})
            QVERIFY2(document.contains(section), section);
        const Json& estimates = document["estimates"];
        for (const char* key : {"dau", "read_qps_avg", "read_qps_peak", "write_qps_avg", "write_qps_peak",
                                "ingress_bytes_per_s", "egress_bytes_per_s", "storage_bytes_per_day",
                                "storage_bytes_total", "records_total", "cache_bytes", "cost_per_month", "operations"})
            QVERIFY2(estimates.contains(key), key);
        for (const Json& component : document["components"])
            for (const char* key : {"id", "offered_qps", "capacity_qps", "utilization", "instances_needed",
                                    "storage_bytes", "nodes_needed"})
                QVERIFY2(component.contains(key), key);
        for (const Json& finding : document["findings"])
            for (const char* key : {"rule", "severity", "component_ids", "message"})
                QVERIFY2(finding.contains(key), key);
    }

    void estimatesAreTheGrokkingNumbers() {
        const Json estimates = analysisToJson(analyze(tinyUrl()))["estimates"];
        // 100 M MAU × 0.3 = 30 M DAU.
        QCOMPARE(estimates["dau"].get<double>(), 30e6);
        QCOMPARE(estimates["write_qps_avg"].get<double>(), 500e6 / 2'592'000);
        QCOMPARE(estimates["read_qps_avg"].get<double>(), 50e9 / 2'592'000);
        QCOMPARE(estimates["read_qps_peak"].get<double>(), 2 * 50e9 / 2'592'000);
        QCOMPARE(estimates["records_total"].get<double>(), 30e9);
        QCOMPARE(estimates["storage_bytes_total"].get<double>(), 15e12);
        // 500 M/month ÷ 30 × 500 B = 8.33 GB a day.
        QCOMPARE(estimates["storage_bytes_per_day"].get<double>(), 500e6 / 30 * 500);
        QCOMPARE(estimates["cache_bytes"].get<double>(), 0.2 * (50e9 / 30) * 500);
        QCOMPARE(estimates["operations"]["redirect"]["qps_avg"].get<double>(), 50e9 / 2'592'000);
    }

    void loadReachesEveryComponentOfTheDrawing() {
        const Json document = analysisToJson(analyze(tinyUrl()));
        const double peak = 2 * (500e6 + 50e9) / 2'592'000; // 38,966/s
        const Json& shortener = componentById(document, "shortener");
        QCOMPARE(shortener["offered_qps"].get<double>(), peak);
        // 4 × 5000 QPS: the URL service is the bottleneck at 195 %.
        QCOMPARE(shortener["capacity_qps"].get<double>(), 20'000.0);
        QCOMPARE(shortener["utilization"].get<double>(), peak / 20'000);
        QVERIFY(hasFinding(document, "capacity.over", "shortener"));
        // The store sees every shorten and the 20 % of redirects the cache misses.
        const double storeQps = 2 * 500e6 / 2'592'000 + 0.2 * 2 * 50e9 / 2'592'000;
        QCOMPARE(componentById(document, "url-store")["offered_qps"].get<double>(), storeQps);
        // The cache holds the 167 GB hot set in 1 shard × 64 GB.
        QVERIFY(hasFinding(document, "capacity.memory", "cache"));
        // Monitoring is off the request path: no "no traffic" finding.
        QVERIFY(!hasFinding(document, "capacity.no-traffic", "monitoring"));
    }

    void totalCostIsTheSumOfTheComponents() {
        const Json document = analysisToJson(analyze(tinyUrl()));
        double sum = 0;
        for (const Json& component : document["components"])
            sum += component["cost_per_month"].get<double>();
        QVERIFY(sum > 0);
        QCOMPARE(document["estimates"]["cost_per_month"].get<double>(), sum);
        QCOMPARE(document["cost"]["prices_as_of"].get<std::string>(), std::string("2024-06-01"));
    }

    void acceptedCapacityFindingBecomesInfoWithItsReason() {
        Design design = tinyUrl();
        Component shortener = *design.component("shortener");
        shortener.props["capacity_qps"] = 10;
        design.apply(UpdateComponent{shortener});
        const Analysis overloaded = analyze(design);
        const Finding* before = findingOf(overloaded, "capacity.over", "shortener");
        QVERIFY(before);
        QCOMPARE(int(before->severity), int(Severity::Error));

        shortener.accepted.push_back({"capacity.over", "autoscaling adds replicas"});
        design.apply(UpdateComponent{shortener});
        const Analysis analysis = analyze(design);
        const Finding* accepted = findingOf(analysis, "capacity.over", "shortener");
        QVERIFY(accepted);
        QCOMPARE(accepted->acceptedReason, std::string("autoscaling adds replicas"));
        QCOMPARE(int(accepted->severity), int(Severity::Info));
        for (const Finding* f = accepted; f != analysis.findings.data() + analysis.findings.size(); ++f)
            QCOMPARE(int(f->severity), int(Severity::Info)); // listed after every warning and error
    }

    // Accepting a rule that does not fire on the component is stale: an info finding names it. Once the
    // finding fires the acceptance is live again; a what-if (which changes what fires) reports none.
    void anAcceptanceThatDoesNotFireIsStale() {
        Design design = tinyUrl();
        Component balancer = *design.component("lb");
        balancer.accepted.push_back({"capacity.over", "autoscaling adds replicas"});
        design.apply(UpdateComponent{balancer});
        const Analysis analysis = analyze(design);
        const Finding* stale = findingOf(analysis, "lint.stale-acceptance", "lb");
        QVERIFY(stale);
        QCOMPARE(int(stale->severity), int(Severity::Info));
        QCOMPARE(stale->componentIds, std::vector<std::string>{"lb"});
        QCOMPARE(stale->message, balancer.label +
                                     " (lb) accepts capacity.over, which no longer fires on "
                                     "it: the write-up lists a trade-off the design does not make.");
        QVERIFY(stale->acceptedReason.empty());

        balancer.props["capacity_qps"] = 10;
        design.apply(UpdateComponent{balancer});
        QVERIFY(findingOf(analyze(design), "capacity.over", "lb"));
        QVERIFY(!findingOf(analyze(design), "lint.stale-acceptance", "lb"));

        balancer.accepted = {{"lint.client-to-database", "only a sketch"}};
        design.apply(UpdateComponent{balancer});
        QVERIFY(findingOf(analyze(design), "lint.stale-acceptance", "lb"));
        QVERIFY(!findingOf(analyze(design, Catalog::builtin(), PriceTable::builtin(), {"url-store"}),
                           "lint.stale-acceptance", "lb"));
    }

    void hotKeyShareSkewsTheBusiestShard() {
        Design design = tinyUrl();
        Component store = *design.component("user-db");
        store.props["shards"] = 16;
        design.apply(UpdateComponent{store});
        const Json even = analysisToJson(analyze(design));
        const double offered = componentById(even, "user-db")["offered_qps"].get<double>();
        QCOMPARE(componentById(even, "user-db")["shards"].get<double>(), 16.0);
        QCOMPARE(componentById(even, "user-db")["busiest_shard_qps"].get<double>(), offered / 16);
        QVERIFY(!hasFinding(even, "lint.shard-skew", "user-db"));

        store.props["hot_key_share"] = 10; // busiest shard: 10 % + 90 % ÷ 16 = 15.625 %, 2.5 × its even share
        design.apply(UpdateComponent{store});
        const Analysis skewed = analyze(design);
        const Json document = analysisToJson(skewed);
        QCOMPARE(componentById(document, "user-db")["busiest_shard_qps"].get<double>(), offered * 0.15625);
        const Finding* skew = findingOf(skewed, "lint.shard-skew", "user-db");
        QVERIFY(skew);
        QCOMPARE(skew->message, std::string("The busiest of 16 shards of \"User DB\" takes 15.6 % of its traffic "
                                            "(60.3 of 386 QPS at peak); an even share is 6.25 %."));
    }

    void textReportShowsTheArithmetic() {
        const std::string text = analysisToText(analyze(tinyUrl()));
        QVERIFY(text.find("shorten URL writes/s: 500 M/month ÷ 2.59 M s = 193 /s (≈ 200 /s)") != std::string::npos);
        QVERIFY(text.find("Load through the design") != std::string::npos);
        QVERIFY(text.find("capacity.over") != std::string::npos);
    }

    // A write that stores bytes but keeps them 0 years is a finding; with a retention, or kept per user, not.
    void aWriteThatKeepsNothingIsAFinding() {
        Design design = tinyUrl();
        Workload w = design.workload();
        Operation& shorten = w.operations.front();
        QCOMPARE(shorten.name, std::string("shorten URL"));
        const auto noRetention = [](const Analysis& a) {
            std::vector<const Finding*> found;
            for (const Finding& f : a.findings)
                if (f.rule == "capacity.no-retention")
                    found.push_back(&f);
            return found;
        };
        QVERIFY(noRetention(analyze(design)).empty());
        shorten.retentionYears = 0;
        design.setWorkload(w);
        const Analysis kept = analyze(design);
        const std::vector<const Finding*> found = noRetention(kept);
        QCOMPARE(found.size(), std::size_t(1));
        QVERIFY(found.front()->severity == Severity::Warning);
        QCOMPARE(found.front()->message,
                 std::string("Write \"shorten URL\" stores 500 B per write but keeps it for 0 "
                             "years, so no storage is counted for it."));
        QVERIFY(!found.front()->fix.empty());
        shorten.bytesPerUser = 1000;
        design.setWorkload(w);
        QVERIFY(noRetention(analyze(design)).empty());
    }

    void emptyDesignAnalyzesToZeros() {
        const Json document = analysisToJson(analyze(Design{}));
        QCOMPARE(document["estimates"]["read_qps_avg"].get<double>(), 0.0);
        QCOMPARE(document["components"].size(), std::size_t(0));
        QCOMPARE(document["findings"].size(), std::size_t(0));
    }
};

QTEST_APPLESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
