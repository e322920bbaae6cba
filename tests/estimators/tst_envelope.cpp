// Back-of-the-envelope estimates checked against published worked examples, each with its own
// conventions. Expected values are the exact arithmetic; the published (rounded) figures are checked
// with the rounding the source itself used.
#include "estimators/envelope.h"
#include "model/units.h"

#include <QTest>

#include <algorithm>

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
        const Envelope e = estimateEnvelope(w); // kept: op refers into it
        const OperationEstimate& op = e.operations.front();
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
        QCOMPARE(reads.front().result, std::string("50 bn/month"));
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
        QTest::newRow("0.34") << 0.3456 << 0.35 << "0.346 /s (≈ 0.35 /s)";
        QTest::newRow("23.1 K: two figures") << 23'100.0 << 23'000.0 << "23.1 K /s (≈ 23 K /s)";
        QTest::newRow("11.6: two figures") << 11.6 << 12.0 << "11.6 /s (≈ 12 /s)";
        QTest::newRow("150 stays, 200 would change the story") << 150.0 << 150.0 << "150 /s";
        QTest::newRow("105: the round number is 4.8 % off") << 105.0 << 100.0 << "105 /s (≈ 100 /s)";
        QTest::newRow("9.5: 10 is 5.3 % off") << 9.5 << 9.5 << "9.5 /s";
        QTest::newRow("1157") << 1157.4 << 1200.0 << "1.16 K /s (≈ 1.2 K /s)";
    }

    void speech() {
        QFETCH(double, value);
        QFETCH(double, spoken);
        QFETCH(QString, said);
        QCOMPARE(roundForSpeech(value), spoken);
        QCOMPARE(QString::fromStdString(sayRate(value)), said);
    }

    // A market open 6.5 hours: 2.34 M orders a day ÷ (6.5 h × 3600 s) = 2,340,000 ÷ 23,400 = 100 /s,
    // not the 27.1 /s a 24-hour day would give; peak × 2 = 200 /s.
    void activeWindowIsWhereQpsIsComputed() {
        Workload w;
        Operation order = write("place order", 2.34e6, RatePer::Day, 200, 1);
        order.activeHours = 6.5;
        w.operations = {order};
        const Envelope e = estimateEnvelope(w);
        const OperationEstimate* op = e.operation("place order");
        QCOMPARE(op->activeSeconds, 23'400.0);
        QCOMPARE(op->qpsAverage, 100.0);
        QCOMPARE(op->qpsPeak, 200.0);
        QCOMPARE(op->requests.perDay, 2.34e6);
        QCOMPARE(op->recordsTotal, 2.34e6 * 365); // a year of orders: 854.1 M
        QCOMPARE(op->steps.front().expression, std::string("2.34 M/day ÷ 23.4 K s (6.5 hours active)"));
        QCOMPARE(op->steps.front().result, std::string("100 /s"));
    }

    // A rate per second in active hours is that rate while open: 100 /s × 23,400 s = 2.34 M a day.
    void aRatePerSecondHoldsOnlyInTheWindow() {
        Workload w;
        Operation order = write("place order", 100, RatePer::Second, 200, 1);
        order.activeHours = 6.5;
        w.operations = {order};
        const Envelope e = estimateEnvelope(w);
        const OperationEstimate* op = e.operation("place order");
        QCOMPARE(op->qpsAverage, 100.0);
        QCOMPARE(op->requests.perDay, 2.34e6);
        QCOMPARE(op->records.perYear, 854.1e6);
    }

    // Quotes read after trades follow the trades' window (6.5 h = 23,400 s). The writer's count is over its
    // window: 1,000 /s × 23,400 s = 23.4 M trades a day, so 10 quotes each = 234 M a day (not 10 × 1,000 /s
    // × 86,400 s = 864 M), and 234 M ÷ 23,400 s = 10,000 /s (not ÷ 86,400 s = 2,708 /s when the trades are
    // given per day). A quote window of its own (12 h = 43,200 s) spreads the same 234 M: 5,416.7 /s.
    void readsPerWriteFollowTheWritersWindow_data() {
        QTest::addColumn<int>("tradesPer");
        QTest::addColumn<double>("quoteHours");
        QTest::addColumn<double>("quotesPerDay");
        QTest::addColumn<double>("quoteSeconds");
        QTest::addColumn<double>("quotesPerSecond");
        QTest::newRow("trades per second") << int(RatePer::Second) << 24.0 << 234e6 << 23'400.0 << 10'000.0;
        QTest::newRow("trades per day") << int(RatePer::Day) << 24.0 << 234e6 << 23'400.0 << 10'000.0;
        QTest::newRow("quotes in their own window")
            << int(RatePer::Day) << 12.0 << 234e6 << 43'200.0 << 234e6 / 43'200;
    }
    void readsPerWriteFollowTheWritersWindow() {
        QFETCH(int, tradesPer);
        QFETCH(double, quoteHours);
        const bool perSecond = RatePer(tradesPer) == RatePer::Second;
        Operation trade = write("trade", perSecond ? 1000 : 23.4e6, RatePer(tradesPer), 200, 1);
        trade.activeHours = 6.5;
        Operation quote = read("quote", 10, RatePer::PerWriteOf, 100, "trade");
        quote.activeHours = quoteHours;
        Workload w;
        w.operations = {trade, quote};
        const Envelope e = estimateEnvelope(w);
        QCOMPARE(e.operation("trade")->qpsAverage, 1000.0);
        const OperationEstimate* op = e.operation("quote");
        QTEST(op->requests.perDay, "quotesPerDay");
        QTEST(op->activeSeconds, "quoteSeconds");
        QTEST(op->qpsAverage, "quotesPerSecond");
        QVERIFY(e.problems.empty());
    }

    // 10 M DAU × 5 searches = 50 M actions a day; 8 keystroke requests each = 400 M requests a day;
    // 400 M ÷ 86,400 s = 4,629.6 /s; × 1 KB = 4.63 MB/s out; cache 0.2 × 400 M × 1 KB = 80 GB.
    void requestsPerActionMultiplyTraffic() {
        Workload w;
        w.dailyActiveUsers = 10e6;
        Operation search = read("search", 5, RatePer::UserPerDay, 1000);
        search.requestsPerAction = 8;
        w.operations = {search};
        const Envelope e = estimateEnvelope(w);
        const OperationEstimate* op = e.operation("search");
        QCOMPARE(op->actions.perDay, 50e6);
        QCOMPARE(op->requests.perDay, 400e6);
        QCOMPARE(op->qpsAverage, 400e6 / 86'400);
        QCOMPARE(op->egressBytesPerSecond, 400e6 / 86'400 * 1000);
        QCOMPARE(op->cacheBytes, 80e9);
        QCOMPARE(op->steps[1].label, std::string("search requests/day"));
        QCOMPARE(op->steps[1].expression, std::string("50 M/day × 8 requests per action"));
        QCOMPARE(op->steps[1].result, std::string("400 M/day"));
    }

    // 1 M uploads a day of which a quarter are new items: 250 K/day × 365 = 91.25 M a year × 1 KB = 91.25 GB.
    void onlyNewItemsAddRecords() {
        Workload w;
        Operation upload = write("upload", 1e6, RatePer::Day, 1000, 1);
        upload.newFraction = 0.25;
        w.operations = {upload};
        const Envelope e = estimateEnvelope(w);
        const OperationEstimate* op = e.operation("upload");
        QCOMPARE(op->qpsAverage, 1e6 / 86'400);
        QCOMPARE(op->records.perDay, 250e3);
        QCOMPARE(op->recordsTotal, 91.25e6);
        QCOMPARE(op->storageBytesTotal, 91.25e9);
        bool saidNew = false;
        for (const Step& step : op->steps)
            saidNew = saidNew || (step.label == "upload new items per day" &&
                                  step.expression == "1 M/day × 0.25 new" && step.result == "250 K/day");
        QVERIFY(saidNew);
    }

    // A 15 GB quota per monthly user: 100 M MAU × 15 GB = 1.5 EB, whatever the writes; kept for daily users
    // instead: 10 M × 15 GB = 150 PB. × 3 copies ÷ 0.7 fill for what is provisioned.
    void dataKeptPerUser() {
        Workload w;
        w.dailyActiveUsers = 10e6;
        w.monthlyActiveUsers = 100e6;
        Operation save = write("save file", 1e6, RatePer::Day, 0, 0);
        save.bytesPerUser = 15e9;
        w.operations = {save};
        Envelope e = estimateEnvelope(w);
        const OperationEstimate* op = e.operation("save file");
        QCOMPARE(op->usersKept, 100e6);
        QCOMPARE(op->userBytesTotal, 1.5e18);
        QCOMPARE(op->storageBytesTotal, 1.5e18);
        QCOMPARE(op->storageBytesReplicated, 4.5e18);
        QCOMPARE(op->storageBytesProvisioned, 4.5e18 / 0.7);
        QCOMPARE(op->recordsTotal, 0.0);
        QCOMPARE(e.userBytesTotal, 1.5e18);
        bool said = false;
        for (const Step& step : op->steps)
            said = said || (step.expression == "100 M MAU × 15 GB" && step.result == "1.5 EB");
        QVERIFY(said);
        w.operations.front().perUserBase = UserBase::Daily;
        e = estimateEnvelope(w);
        QCOMPARE(e.operation("save file")->userBytesTotal, 150e15);
        QVERIFY(e.problems.empty());
        w.dailyActiveUsers.reset();
        w.monthlyActiveUsers.reset();
        e = estimateEnvelope(w);
        QCOMPARE(e.problems, std::vector<std::string>{"\"save file\" keeps data per user, but the workload has no users"});
    }

    // 1 M posts a day for a year = 365 M: text 365 M × 300 B = 109.5 GB; media 365 M × 0.1 × 200 KB = 7.3 TB.
    void storageIsSplitIntoTextAndMedia() {
        Workload w;
        Operation post = write("post", 1e6, RatePer::Day, 300, 1);
        post.mediaFraction = 0.1;
        post.mediaBytes = 200e3;
        w.operations = {post};
        const Envelope e = estimateEnvelope(w);
        const OperationEstimate* op = e.operation("post");
        QCOMPARE(op->textBytesTotal, 109.5e9);
        QCOMPARE(op->mediaBytesTotal, 7.3e12);
        QCOMPARE(op->storageBytesTotal, 109.5e9 + 7.3e12);
        QCOMPARE(e.textBytesTotal, 109.5e9);
        QCOMPARE(e.mediaBytesTotal, 7.3e12);
        bool said = false;
        for (const Step& step : op->steps)
            said =
                said || (step.label == "post text and media" && step.result == "110 GB text + 7.3 TB media");
        QVERIFY(said);
    }

    // 8.64 M DAU ÷ 86,400 s = 100 users arriving a second.
    void usersArrivePerSecond() {
        Workload w;
        w.dailyActiveUsers = 8.64e6;
        const Envelope e = estimateEnvelope(w);
        QCOMPARE(e.usersPerSecond, 100.0);
        QCOMPARE(e.steps.front().label, std::string("users arriving"));
        QCOMPARE(e.steps.front().expression, std::string("8.64 M DAU ÷ 86.4 K s"));
        QCOMPARE(e.steps.front().result, std::string("100 /s"));
    }

    // Per operation, users arrive over its window: 8.64 M ÷ 86,400 s = 100 /s all day, 8.64 M ÷ (6 h ×
    // 3,600 s = 21,600 s) = 400 /s for an office app used 6 hours.
    void usersArrivePerSecondWhereTheOperationHappens() {
        Workload w;
        w.dailyActiveUsers = 8.64e6;
        Operation browse = read("browse", 10, RatePer::UserPerDay, 100);
        Operation edit = write("edit", 2, RatePer::UserPerDay, 100, 1);
        edit.activeHours = 6;
        w.operations = {browse, edit};
        const Envelope e = estimateEnvelope(w);
        QCOMPARE(e.operation("browse")->usersPerSecond, 100.0);
        QCOMPARE(e.operation("edit")->usersPerSecond, 400.0);
        const std::vector<Step>& steps = e.operation("edit")->steps;
        const auto said = std::find_if(steps.begin(), steps.end(),
                                       [](const Step& s) { return s.label == "edit users arriving"; });
        QVERIFY(said != steps.end());
        QCOMPARE(said->expression, std::string("8.64 M DAU ÷ 21.6 K s (6 hours active)"));
        QCOMPARE(said->result, std::string("400 /s"));
        // Without users nobody arrives, and nothing is said.
        w.dailyActiveUsers.reset();
        w.operations = {write("edit", 100, RatePer::Day, 100, 1)};
        QCOMPARE(estimateEnvelope(w).operation("edit")->usersPerSecond, 0.0);
    }

    void oneIsSingular() {
        Workload w;
        w.replicationFactor = 1;
        w.operations = {write("post", 1e6, RatePer::Day, 100, 1)};
        std::vector<std::string> text;
        const Envelope e = estimateEnvelope(w);
        for (const Step& step : e.operation("post")->steps)
            text.push_back(step.label + ": " + step.expression + " = " + step.result);
        QVERIFY(std::find(text.begin(), text.end(), "post records over 1 year: 365 M/year × 1 = 365 M") !=
                text.end());
        QVERIFY(std::find(text.begin(), text.end(), "post replicated: 36.5 GB × 1 copy = 36.5 GB") !=
                text.end());
        QVERIFY(std::find(text.begin(), text.end(), "post storage: 365 M records × 100 B = 36.5 GB") !=
                text.end());
        QCOMPARE(countOf(2, "copy", "copies"), std::string("2 copies"));
        QCOMPARE(countOf(0.5, "year", "years"), std::string("0.5 years"));
    }
};

QTEST_APPLESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
