// `napkin analyze --json --fail …` runs the failure what-if and reports the resilience section.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestResilienceCli : public QObject {
    Q_OBJECT
private slots:
    void failOptionRunsTheWhatIf_data() {
        QTest::addColumn<QString>("fail");
        QTest::addColumn<int>("brokenOperations");
        QTest::addColumn<int>("unknownIds");
        QTest::newRow("no failure") << QString() << -1 << -1;
        QTest::newRow("the store's zone") << "az-b" << 2 << 0;
        QTest::newRow("the whole balancer") << "lb" << 2 << 0;
        QTest::newRow("the user DB only breaks shortening") << "user-db" << 1 << 0;
        QTest::newRow("unknown id is reported, nothing fails") << "nope" << 0 << 1;
        QTest::newRow("list with spaces") << "user-db, nope" << 1 << 1;
    }
    void failOptionRunsTheWhatIf() {
        QFETCH(QString, fail);
        QFETCH(int, brokenOperations);
        QFETCH(int, unknownIds);
        QStringList arguments{"analyze", "--json", NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin"};
        if (!fail.isEmpty())
            arguments << "--fail" << fail;
        QProcess napkin;
        napkin.start(NAPKIN_BINARY, arguments);
        QVERIFY(napkin.waitForFinished(60000));
        QCOMPARE(napkin.exitCode(), 0);
        const QJsonObject resilience = QJsonDocument::fromJson(napkin.readAllStandardOutput()).object()["resilience"].toObject();
        QCOMPARE(resilience["operations"].toArray().size(), 2);
        if (brokenOperations < 0) {
            QVERIFY(!resilience.contains("failure"));
            return;
        }
        const QJsonObject failure = resilience["failure"].toObject();
        QCOMPARE(failure["broken_operations"].toArray().size(), brokenOperations);
        QCOMPARE(failure["unknown"].toArray().size(), unknownIds);
    }
};

QTEST_APPLESS_MAIN(TestResilienceCli)
#include "tst_resilience_cli.moc"
