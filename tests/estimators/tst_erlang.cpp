#include "estimators/erlang.h"

#include <QTest>

#include <cmath>

using namespace napkin;

class TestErlang : public QObject {
    Q_OBJECT
private slots:
    void erlangC_data() {
        QTest::addColumn<int>("servers");
        QTest::addColumn<double>("load");
        QTest::addColumn<double>("expected");
        // c = 2, λ = 1, μ = 1: C = (1/2 · 2) / (1 + 1 + 1) = 1/3.
        QTest::newRow("c=2, a=1") << 2 << 1.0 << 1.0 / 3;
        // With one server Erlang C is the M/M/1 probability of waiting, ρ.
        QTest::newRow("c=1 reduces to rho 0.5") << 1 << 0.5 << 0.5;
        QTest::newRow("c=1 reduces to rho 0.9") << 1 << 0.9 << 0.9;
        QTest::newRow("c=3, a=2") << 3 << 2.0 << 4.0 / 9;
        // Textbook call-centre exercise: one call a minute, 3 minutes per call, 5 agents → 0.2362.
        QTest::newRow("c=5, a=3") << 5 << 3.0 << 0.23615160349854228;
        // The widely reproduced Erlang-C worked example: 360 calls per half hour of 4 minutes each
        // (48 erlangs) on 55 agents → 0.2387.
        QTest::newRow("c=55, a=48") << 55 << 48.0 << 0.2387009363780092;
        // Both references and this one were checked against the closed formula in exact rational arithmetic.
        QTest::newRow("c=10, a=8") << 10 << 8.0 << 0.40918015079644354;
        QTest::newRow("saturated a = c") << 3 << 3.0 << 1.0;
        QTest::newRow("overloaded a > c") << 2 << 5.0 << 1.0;
        QTest::newRow("no load") << 4 << 0.0 << 0.0;
        QTest::newRow("no servers") << 0 << 1.0 << 0.0;
        QTest::newRow("NaN load") << 2 << std::nan("") << 0.0;
    }
    void erlangC() {
        QFETCH(int, servers);
        QFETCH(double, load);
        QFETCH(double, expected);
        const double actual = napkin::erlangC(servers, load);
        QVERIFY2(std::abs(actual - expected) < 1e-12, qPrintable(QString::number(actual, 'g', 17)));
    }

    void erlangB_data() {
        QTest::addColumn<int>("servers");
        QTest::addColumn<double>("load");
        QTest::addColumn<double>("expected");
        QTest::newRow("c=1, a=1") << 1 << 1.0 << 0.5;
        QTest::newRow("c=2, a=1") << 2 << 1.0 << 0.2;            // (1/2) / (1 + 1 + 1/2)
        QTest::newRow("c=0 always blocks") << 0 << 1.0 << 1.0;
    }
    void erlangB() {
        QFETCH(int, servers);
        QFETCH(double, load);
        QFETCH(double, expected);
        QVERIFY(std::abs(napkin::erlangB(servers, load) - expected) < 1e-12);
    }

    void queue_data() {
        QTest::addColumn<int>("servers");
        QTest::addColumn<double>("arrivals");
        QTest::addColumn<double>("serviceRate");
        QTest::addColumn<double>("utilisation");
        QTest::addColumn<double>("meanWait");
        QTest::addColumn<bool>("saturated");
        // M/M/1: Wq = ρ / (μ − λ) = 0.5 / 0.5 = 1 s.
        QTest::newRow("M/M/1 half loaded") << 1 << 0.5 << 1.0 << 0.5 << 1.0 << false;
        // M/M/2, λ = μ = 1: Wq = (1/3) / (2 − 1).
        QTest::newRow("M/M/2") << 2 << 1.0 << 1.0 << 0.5 << 1.0 / 3 << false;
        // 100 QPS servers at 90 %: Wq = 0.9 / (100 − 90) = 90 ms.
        QTest::newRow("M/M/1 at 90 %") << 1 << 90.0 << 100.0 << 0.9 << 0.09 << false;
        QTest::newRow("idle") << 3 << 0.0 << 1.0 << 0.0 << 0.0 << false;
        QTest::newRow("exactly full") << 2 << 2.0 << 1.0 << 1.0 << qInf() << true;
        QTest::newRow("over full") << 2 << 3.0 << 1.0 << 1.5 << qInf() << true;
        QTest::newRow("no capacity") << 0 << 1.0 << 1.0 << qInf() << qInf() << true;
    }
    void queue() {
        QFETCH(int, servers);
        QFETCH(double, arrivals);
        QFETCH(double, serviceRate);
        QFETCH(double, utilisation);
        QFETCH(double, meanWait);
        QFETCH(bool, saturated);
        const QueueEstimate q = mmcQueue(servers, arrivals, serviceRate);
        QCOMPARE(q.saturated, saturated);
        QVERIFY(!std::isnan(q.utilisation) && !std::isnan(q.meanWaitSeconds));
        if (std::isinf(utilisation))
            QVERIFY(std::isinf(q.utilisation));
        else
            QVERIFY(std::abs(q.utilisation - utilisation) < 1e-12);
        if (std::isinf(meanWait))
            QVERIFY(std::isinf(q.meanWaitSeconds));
        else
            QVERIFY2(std::abs(q.meanWaitSeconds - meanWait) < 1e-12, qPrintable(QString::number(q.meanWaitSeconds)));
    }
};

QTEST_APPLESS_MAIN(TestErlang)
#include "tst_erlang.moc"
