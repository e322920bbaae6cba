// Back-of-the-envelope estimates checked against published worked examples, each with its own
// conventions. Expected values are the exact arithmetic; the published (rounded) figures are checked
// with the rounding the source itself used.
#include "estimators/envelope.h"
#include "model/units.h"

#include <QTest>

using namespace napkin;

Q_DECLARE_METATYPE(napkin::Workload)

namespace {

Operation write(std::string name, double rate, RatePer per, double storedBytes, double retentionYears) {
    Operation op;
    op.name = std::move(name);
    op.type = OperationType::Write;
    op.rate = rate;
    op.per = per;
    op.requestBytes = storedBytes;
    op.storedBytesPerWrite = storedBytes;
    op.retentionYears = retentionYears;
    return op;
}

Operation read(std::string name, double rate, RatePer per, double responseBytes, std::string of = {}) {
    Operation op;
    op.name = std::move(name);
    op.type = OperationType::Read;
    op.rate = rate;
    op.per = per;
    op.of = std::move(of);
    op.responseBytes = responseBytes;
    return op;
}

// Grokking the System Design Interview, "Designing a URL Shortening service like TinyURL".
Workload grokkingTinyUrl() {
    Workload w;
    w.operations = {write("shorten", 500e6, RatePer::Month, 500, 5),
                    read("redirect", 100, RatePer::PerWriteOf, 500, "shorten")};
    w.timeConvention = TimeConvention::Exact;
    w.peakFactor = 2;
    w.cacheHotFraction = 0.2;
    return w;
}

// donnemartin/system-design-primer, "Design Pastebin.com (or Bit.ly)", "Calculate usage".
Workload primerPastebin() {
    Workload w;
    w.operations = {write("paste", 10e6, RatePer::Month, 1270, 3),
                    read("view", 10, RatePer::PerWriteOf, 1270, "paste")};
    w.timeConvention = TimeConvention::Interview;
    return w;
}

// donnemartin/system-design-primer, "Design the Twitter timeline and search", "Calculate usage".
Workload primerTwitter() {
    Workload w;
    Operation tweet = write("tweet", 15e9, RatePer::Month, 10'000, 3);
    tweet.fanout = 10;
    w.operations = {tweet, read("timeline", 250e9, RatePer::Month, 0), read("search", 10e9, RatePer::Month, 0)};
    w.timeConvention = TimeConvention::Interview;
    return w;
}

// Grokking the System Design Interview, "Designing Twitter", "Capacity Estimation and Constraints".
Workload grokkingTwitter() {
    Workload w;
    w.dailyActiveUsers = 200e6;
    Operation tweet = write("tweet", 100e6, RatePer::Day, 310, 5);
    // Grokking: a fifth of tweets carry a 200 KB photo and a tenth a 2 MB video, 240 KB per tweet on average;
    // the model has one media size, so every tweet carries the 240 KB average.
    tweet.mediaFraction = 1;
    tweet.mediaBytes = 240'000;
    // (2 timeline visits + 5 profile visits) × 20 tweets a page = 140 tweet views per user per day.
    w.operations = {tweet, read("view", 140, RatePer::UserPerDay, 0)};
    w.timeConvention = TimeConvention::Exact;
    return w;
}

} // namespace

class TestEnvelope : public QObject {
    Q_OBJECT
private slots:
    void grokkingTinyUrl_matchesThePublishedEstimate() {
        const Envelope e = estimateEnvelope(grokkingTinyUrl());
        QVERIFY(e.problems.empty());
        // 500 M/month ÷ (30 × 86,400 s) = 192.9/s; Grokking: "~200 URLs/s".
        QCOMPARE(e.writeQpsAverage, 500e6 / 2'592'000);
        QCOMPARE(roundForSpeech(e.writeQpsAverage), 200.0);
        // 100 × 192.9 = 19,290/s; Grokking: "~20K/s".
        QCOMPARE(e.readQpsAverage, 50e9 / 2'592'000);
        QCOMPARE(formatCount(e.readQpsAverage), std::string("19.3 K"));
        QCOMPARE(roundForSpeech(e.readQpsAverage), 20'000.0);
        QCOMPARE(e.readQpsPeak, 2 * 50e9 / 2'592'000);
        // 500 M × 12 months × 5 years = 30 B objects × 500 B = 15 TB.
        QCOMPARE(e.recordsTotal, 30e9);
        QCOMPARE(e.storageBytesTotal, 15e12);
        QCOMPARE(formatBytes(e.storageBytesTotal), std::string("15 TB"));
        // 192.9/s × 500 B = 96.5 KB/s in ("~100KB/s"); 19,290/s × 500 B = 9.65 MB/s out ("~10MB/s").
        QCOMPARE(e.ingressBytesPerSecond, 500e6 / 2'592'000 * 500);
        QCOMPARE(roundForSpeech(e.ingressBytesPerSecond), 100e3);
        QCOMPARE(e.egressBytesPerSecond, 50e9 / 2'592'000 * 500);
        QCOMPARE(roundForSpeech(e.egressBytesPerSecond), 10e6);
        // 0.2 × (50 B/month ÷ 30) × 500 B = 167 GB; Grokking rounds the day up to 1.7 B reads (20 K/s ×
        // 86,400 s) and says "~170GB".
        QCOMPARE(e.cacheBytes, 0.2 * (50e9 / 30) * 500);
        QCOMPARE(formatBytes(e.cacheBytes), std::string("167 GB"));
        // With 3 copies and storage filled to 70 %: 15 TB × 3 ÷ 0.7.
        QCOMPARE(e.storageBytesReplicated, 45e12);
        QCOMPARE(e.storageBytesProvisioned, 45e12 / 0.7);
    }

    void primerPastebin_matchesThePublishedEstimate() {
        const Envelope e = estimateEnvelope(primerPastebin());
        // "4 paste writes per second", "40 read requests per second" (2.5 M s a month).
        QCOMPARE(e.writeQpsAverage, 4.0);
        QCOMPARE(e.readQpsAverage, 40.0);
        // "12.7 GB of new paste content per month", "~450 GB in 3 years", "360 million shortlinks in 3 years".
        QCOMPARE(e.storageBytes.perMonth, 12.7e9);
        // 12.7 GB × 36 months = 457 GB, which the primer rounds down to "~450 GB".
        QCOMPARE(e.storageBytesTotal, 12.7e9 * 36);
        QCOMPARE(formatBytes(e.storageBytesTotal), std::string("457 GB"));
        QCOMPARE(e.recordsTotal, 360e6);
    }

    void primerTwitter_matchesThePublishedEstimate() {
        const Envelope e = estimateEnvelope(primerTwitter());
        const OperationEstimate* tweet = e.operation("tweet");
        QVERIFY(tweet);
        // "6,000 tweets per second", "60 thousand tweets delivered on fanout per second".
        QCOMPARE(tweet->qpsAverage, 6000.0);
        QCOMPARE(tweet->fanoutQpsAverage, 60'000.0);
        // "100 thousand read requests per second", "4,000 search requests per second".
        QCOMPARE(e.operation("timeline")->qpsAverage, 100'000.0);
        QCOMPARE(e.operation("search")->qpsAverage, 4000.0);
        QCOMPARE(e.readQpsAverage, 104'000.0);
        // "150 TB of new tweet content per month", "5.4 PB of new tweet content in 3 years".
        QCOMPARE(tweet->storageBytes.perMonth, 150e12);
        QCOMPARE(tweet->storageBytesTotal, 5.4e15);
        QCOMPARE(formatBytes(tweet->storageBytesTotal), std::string("5.4 PB"));
    }

    void grokkingTwitter_matchesThePublishedEstimate() {
        const Envelope e = estimateEnvelope(grokkingTwitter());
        QVERIFY(e.problems.empty());
        // 200 M DAU × 140 views = 28 B/day; "28B / 86400s => 325K tweets per second".
        const OperationEstimate* view = e.operation("view");
        QCOMPARE(view->requests.perDay, 28e9);
        QCOMPARE(view->qpsAverage, 28e9 / 86'400);
        QCOMPARE(formatCount(view->qpsAverage), std::string("324 K"));
        // Text "100M * (280 + 30) bytes => 30GB/day"; with media "~= 24TB/day".
        const OperationEstimate* tweet = e.operation("tweet");
        QCOMPARE(tweet->bytesPerWrite, 240'310.0);
        QCOMPARE(tweet->storageBytes.perDay, 100e6 * 240'310);
        QCOMPARE(formatBytes(tweet->storageBytes.perDay), std::string("24 TB"));
        QCOMPARE(formatBytes(100e6 * 310), std::string("31 GB"));
        // A daily rate reaches a year by × 365.
        QCOMPARE(tweet->records.perYear, 100e6 * 365);
        QCOMPARE(tweet->recordsTotal, 100e6 * 365 * 5);
    }

    void periodConversions_data() {
        QTest::addColumn<int>("per");
        QTest::addColumn<int>("convention");
        QTest::addColumn<double>("perSecond");
        QTest::addColumn<double>("perDay");
        QTest::addColumn<double>("perMonth");
        QTest::addColumn<double>("perYear");
        const int exact = static_cast<int>(TimeConvention::Exact);
        const int interview = static_cast<int>(TimeConvention::Interview);
        // rate 864,000 per period
        QTest::newRow("day exact") << int(RatePer::Day) << exact << 10.0 << 864e3 << 864e3 * 30 << 864e3 * 365;
        QTest::newRow("day interview") << int(RatePer::Day) << interview << 8.64 << 864e3 << 864e3 * 30
                                       << 864e3 * 365;
        QTest::newRow("month exact") << int(RatePer::Month) << exact << 864e3 / 2'592'000 << 28'800.0 << 864e3
                                     << 864e3 * 12;
        QTest::newRow("month interview") << int(RatePer::Month) << interview << 0.3456 << 28'800.0 << 864e3
                                         << 864e3 * 12;
        QTest::newRow("second exact") << int(RatePer::Second) << exact << 864e3 << 864e3 * 86'400
                                      << 864e3 * 2'592'000 << 864e3 * 31'536'000;
        QTest::newRow("second interview") << int(RatePer::Second) << interview << 864e3 << 864e3 * 1e5
                                          << 864e3 * 2.5e6 << 864e3 * 3e7;
    }

    void periodConversions() {
        QFETCH(int, per);
        QFETCH(int, convention);
        QFETCH(double, perSecond);
        QFETCH(double, perDay);
        QFETCH(double, perMonth);
        QFETCH(double, perYear);
        Workload w;
        w.operations = {write("w", 864e3, static_cast<RatePer>(per), 1, 1)};
        w.timeConvention = static_cast<TimeConvention>(convention);
        const OperationEstimate& op = estimateEnvelope(w).operations.front();
        QCOMPARE(op.requests.perSecond, perSecond);
        QCOMPARE(op.requests.perDay, perDay);
        QCOMPARE(op.requests.perMonth, perMonth);
        QCOMPARE(op.requests.perYear, perYear);
        QCOMPARE(op.recordsTotal, perYear);
    }

    void usersComeFromMauTimesDailyFraction() {
        Workload w;
        w.monthlyActiveUsers = 100e6;
        w.dailyActiveFraction = 0.3;
        w.operations = {read("r", 10, RatePer::UserPerDay, 0)};
        const Envelope e = estimateEnvelope(w);
        QCOMPARE(e.dailyActiveUsers, 30e6);
        QCOMPARE(e.operation("r")->requests.perDay, 300e6);
        QCOMPARE(e.steps.front().result, std::string("30 M DAU"));
    }

    void retentionZeroKeepsNothing() {
        Workload w;
        w.operations = {write("log", 1000, RatePer::Second, 100, 0)};
        const Envelope e = estimateEnvelope(w);
        QCOMPARE(e.recordsTotal, 0.0);
        QCOMPARE(e.storageBytesTotal, 0.0);
        QCOMPARE(e.writeQpsAverage, 1000.0);
    }

    void badWorkloadsGiveZeroAndAProblem_data() {
        QTest::addColumn<Workload>("workload");
        QTest::addColumn<QString>("problem");
        Workload noUsers;
        noUsers.operations = {read("r", 5, RatePer::UserPerDay, 10)};
        QTest::newRow("no users") << noUsers << "has no users";
        Workload unknownBase;
        unknownBase.operations = {read("r", 5, RatePer::PerWriteOf, 10, "missing")};
        QTest::newRow("unknown base") << unknownBase << "not a write operation";
        Workload readBase;
        readBase.operations = {read("a", 5, RatePer::Day, 10), read("r", 5, RatePer::PerWriteOf, 10, "a")};
        QTest::newRow("read base") << readBase << "not a write operation";
    }

    void badWorkloadsGiveZeroAndAProblem() {
        QFETCH(Workload, workload);
        QFETCH(QString, problem);
        const Envelope e = estimateEnvelope(workload);
        QCOMPARE(e.problems.size(), std::size_t(1));
        QVERIFY2(QString::fromStdString(e.problems.front()).contains(problem), e.problems.front().c_str());
        QCOMPARE(e.operation("r")->qpsAverage, 0.0);
    }

    void stepsShowTheWorkingAsSaid() {
        const Envelope e = estimateEnvelope(grokkingTinyUrl());
        const std::vector<Step>& steps = e.operation("shorten")->steps;
        QCOMPARE(steps.front().label, std::string("shorten writes/s"));
        QCOMPARE(steps.front().expression, std::string("500 M/month ÷ 2.59 M s"));
        QCOMPARE(steps.front().result, std::string("193 /s (≈ 200 /s)"));
        const std::vector<Step>& reads = e.operation("redirect")->steps;
        QCOMPARE(reads.front().expression, std::string("100 × 500 M/month (shorten)"));
        QCOMPARE(reads.front().result, std::string("50 B/month"));
    }

    void binaryUnitsChangeOnlyTheWording() {
        Workload w = grokkingTinyUrl();
        w.binaryUnits = true;
        const Envelope e = estimateEnvelope(w);
        QCOMPARE(e.storageBytesTotal, 15e12);
        const std::vector<Step>& steps = e.operation("shorten")->steps;
        bool sawTebibytes = false;
        for (const Step& step : steps)
            sawTebibytes = sawTebibytes || step.result == "13.6 TiB";
        QVERIFY(sawTebibytes);
    }

    void speech_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("spoken");
        QTest::addColumn<QString>("said");
        QTest::newRow("193") << 192.9 << 200.0 << "193 /s (≈ 200 /s)";
        QTest::newRow("4") << 4.0 << 4.0 << "4 /s";
        QTest::newRow("19290") << 19'290.0 << 20'000.0 << "19.3 K /s (≈ 20 K /s)";
        QTest::newRow("0") << 0.0 << 0.0 << "0 /s";
        QTest::newRow("0.34") << 0.3456 << 0.3 << "0.346 /s (≈ 0.3 /s)";
    }

    void speech() {
        QFETCH(double, value);
        QFETCH(double, spoken);
        QFETCH(QString, said);
        QCOMPARE(roundForSpeech(value), spoken);
        QCOMPARE(QString::fromStdString(sayRate(value)), said);
    }
};

QTEST_APPLESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
