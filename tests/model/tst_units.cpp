// Human numbers in and out: what the inspector accepts and how every report prints quantities.
#include "model/units.h"

#include <QTest>

using namespace napkin;

class TestUnits : public QObject {
    Q_OBJECT
private slots:
    void parsesHumanNumbers_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("value");
        QTest::newRow("plain") << "42" << "" << 42.0;
        QTest::newRow("k") << "10k" << "" << 10000.0;
        QTest::newRow("M") << "1.5M" << "" << 1500000.0;
        QTest::newRow("B") << "2 B" << "" << 2e9;
        QTest::newRow("qps unit") << "20k QPS" << "QPS" << 20000.0;
        QTest::newRow("per second") << "3.5k/s" << "QPS" << 3500.0;
        QTest::newRow("GB in GB") << "500 GB" << "GB" << 500.0;
        QTest::newRow("TB in GB") << "2TB" << "GB" << 2000.0;
        QTest::newRow("GiB in GB") << "1 GiB" << "GB" << 1.073741824;
        QTest::newRow("MB in GB") << "250 MB" << "GB" << 0.25;
        QTest::newRow("bytes") << "1.27 KB" << "B" << 1270.0;
        QTest::newRow("ms") << "20ms" << "ms" << 20.0;
        QTest::newRow("s in ms") << "1.5 s" << "ms" << 1500.0;
        QTest::newRow("us in ms") << "500 us" << "ms" << 0.5;
        QTest::newRow("hours") << "2 days" << "h" << 48.0;
        QTest::newRow("percent") << "99.95%" << "%" << 99.95;
        QTest::newRow("exponent") << "1e6" << "" << 1e6;
        QTest::newRow("negative") << "-3" << "" << -3.0;
        QTest::newRow("plus") << "+7" << "" << 7.0;
    }

    void parsesHumanNumbers() {
        QFETCH(QString, text);
        QFETCH(QString, unit);
        QFETCH(double, value);
        const ParsedNumber parsed = parseHumanNumber(text.toStdString(), unit.toStdString());
        QVERIFY2(parsed.value.has_value(), parsed.error.c_str());
        QCOMPARE(*parsed.value, value);
    }

    void rejectsWithAReason_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << "  " << "" << "enter a number";
        QTest::newRow("words") << "lots" << "" << "not a number: \"lots\"";
        QTest::newRow("nan") << "nan" << "" << "must be a finite number";
        QTest::newRow("inf") << "inf" << "" << "must be a finite number";
        QTest::newRow("bad suffix") << "10 parsecs" << "" << "unknown unit \"parsecs\"; expected a count such as 10k or 1.5M";
        QTest::newRow("time in bytes") << "5 ms" << "GB" << "unknown unit \"ms\"; expected a value in GB";
        QTest::newRow("separator") << "1,500" << "" << "write the number without separators, e.g. 1500 or 1.5k";
        QTest::newRow("overflow") << "1e308 T" << "" << "number too large";
    }

    void rejectsWithAReason() {
        QFETCH(QString, text);
        QFETCH(QString, unit);
        QFETCH(QString, error);
        const ParsedNumber parsed = parseHumanNumber(text.toStdString(), unit.toStdString());
        QVERIFY(!parsed.value.has_value());
        QCOMPARE(QString::fromStdString(parsed.error), error);
    }

    void formatsQuantities() {
        QCOMPARE(formatCount(193), std::string("193"));
        QCOMPARE(formatCount(19290.1), std::string("19.3 K"));
        QCOMPARE(formatCount(2.5e6), std::string("2.5 M"));
        QCOMPARE(formatCount(3.6e9), std::string("3.6 B"));
        QCOMPARE(formatCount(0), std::string("0"));
        QCOMPARE(formatBytes(500), std::string("500 B"));
        QCOMPARE(formatBytes(1.7e11), std::string("170 GB"));
        QCOMPARE(formatBytes(15e12), std::string("15 TB"));
        QCOMPARE(formatBytes(1536, true), std::string("1.5 KiB"));
        QCOMPARE(formatDuration(0.0005), std::string("500 µs"));
        QCOMPARE(formatDuration(31557.6), std::string("8.77 h"));
        QCOMPARE(formatSignificant(0.012345), std::string("0.0123"));
        QCOMPARE(formatSignificant(192.9), std::string("193"));
    }
};

QTEST_APPLESS_MAIN(TestUnits)
#include "tst_units.moc"
