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
        QCOMPARE(formatCount(3.6e9), std::string("3.6 bn"));
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

    // What the inspector and the workload dock show back after the user typed a number.
    void formatsEditableNumbers_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("text");
        QTest::newRow("10M") << 1e7 << "" << "10 M";
        QTest::newRow("1.5k") << 1500.0 << "" << "1.5 K";
        QTest::newRow("2.25 B") << 2.25e9 << "" << "2.25 B";
        QTest::newRow("3 T") << 3e12 << "" << "3 T";
        QTest::newRow("not exact at two decimals") << 12345678.0 << "" << "12345678";
        QTest::newRow("below a thousand") << 999.0 << "" << "999";
        QTest::newRow("fraction") << 0.25 << "" << "0.25";
        QTest::newRow("negative") << -2e6 << "" << "-2 M";
        QTest::newRow("zero") << 0.0 << "QPS" << "0";
        QTest::newRow("QPS keeps its label") << 5e4 << "QPS" << "50 K";
        QTest::newRow("USD/h is a count") << 0.096 << "USD/h" << "0.096";
        QTest::newRow("own unit left out") << 500.0 << "GB" << "500";
        QTest::newRow("GB to TB") << 2000.0 << "GB" << "2 TB";
        QTest::newRow("GB down to MB") << 0.5 << "GB" << "500 MB";
        QTest::newRow("bytes decimal") << 1500.0 << "B" << "1.5 KB";
        QTest::newRow("bytes binary") << 1048576.0 << "B" << "1 MiB";
        QTest::newRow("bytes plain") << 1023.0 << "B" << "1023";
        QTest::newRow("ms to s") << 1500.0 << "ms" << "1.5 s";
        QTest::newRow("ms own") << 20.0 << "ms" << "20";
        QTest::newRow("ms to µs") << 0.5 << "ms" << "500 µs";
        QTest::newRow("hours to days") << 48.0 << "h" << "2 d";
        QTest::newRow("percent stays plain") << 99.95 << "%" << "99.95";
    }

    void formatsEditableNumbers() {
        QFETCH(double, value);
        QFETCH(QString, unit);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(formatHumanNumber(value, unit.toStdString())), text);
        const ParsedNumber back = parseHumanNumber(text.toStdString(), unit.toStdString());
        QVERIFY2(back.value.has_value(), back.error.c_str());
        QCOMPARE(*back.value, value); // exact: what is shown is what is stored
    }
};

QTEST_APPLESS_MAIN(TestUnits)
#include "tst_units.moc"
