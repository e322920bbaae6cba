// napkin validate / analyze / --help / --version: exit codes 0, 1, 2 and what is printed.
#include "app/cli/command_line.h"
#include "cli_run.h"

#include <QProcess>
#include <nlohmann/json.hpp>
#include <QTest>
#include <sstream>

using namespace napkin;

namespace {

using Run = testing::CliRun;
Run run(const QStringList& arguments) { return testing::runCli(arguments); }

const QString tinyUrl = NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin";
const QString leaderboard = NAPKIN_TEST_DATA_DIR "/fixtures/leaderboard.napkin";
const QString badReplicas = NAPKIN_TEST_DATA_DIR "/bad/31-replicas-negative.napkin";

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void recognisesCommands() {
        QVERIFY(cli::isCommandLineInvocation({"napkin", "validate", "x"}));
        QVERIFY(cli::isCommandLineInvocation({"napkin", "--version"}));
        QVERIFY(!cli::isCommandLineInvocation({"napkin"}));
        QVERIFY(!cli::isCommandLineInvocation({"napkin", tinyUrl})); // an existing file opens the editor
        QVERIFY(cli::isCommandLineInvocation({"napkin", "no-such-design.napkin"}));
    }

    void validatePassesGoodFiles() {
        const Run r = run({"validate", tinyUrl, leaderboard});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, (tinyUrl + ": valid\n" + leaderboard + ": valid\n").toStdString());
        QCOMPARE(r.err, std::string());
    }

    void validateFailsWithEveryError() {
        const Run r = run({"validate", tinyUrl, badReplicas});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.out, (tinyUrl + ": valid\n").toStdString());
        QCOMPARE(r.err, (badReplicas + ": components[1].props.replicas: must be a whole number ≥ 1, got -2\n").toStdString());
    }

    void usageErrorsExitWithTwo_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("validate without files") << QStringList{"validate"} << "napkin validate: no file given\n";
        QTest::newRow("unknown option") << QStringList{"validate", "--frobnicate", tinyUrl}
                                        << "napkin: Unknown option 'frobnicate'.\n";
        QTest::newRow("analyze two files") << QStringList{"analyze", tinyUrl, tinyUrl}
                                           << "napkin analyze: give exactly one file\n";
    }

    void usageErrorsExitWithTwo() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run r = run(arguments);
        QCOMPARE(r.code, 2);
        QCOMPARE(QString::fromStdString(r.err), message);
    }

    void analyzeSummarizes() {
        const Run text = run({"analyze", tinyUrl});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.find("10 components, 8 links, 3 zones") != std::string::npos);
        const Run json = run({"analyze", tinyUrl, "--json"});
        QCOMPARE(json.code, 0);
        const auto document = nlohmann::json::parse(json.out);
        QCOMPARE(document["summary"]["components"].get<int>(), 10);
        const Run bad = run({"analyze", badReplicas, "--json"});
        QCOMPARE(bad.code, 1);
        QVERIFY(bad.out.empty());
    }

    void helpAndVersion() {
        const Run help = run({"--help"});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.find("napkin validate FILE...") != std::string::npos);
        const Run version = run({"--version"});
        QCOMPARE(version.out, std::string("napkin " NAPKIN_VERSION "\n"));
        const Run subHelp = run({"validate", "--help"});
        QCOMPARE(subHelp.code, 0);
        QVERIFY(subHelp.out.find("FILE...") != std::string::npos);
    }

    void unknownCommandIsAUsageError() {
        const Run r = run({"frobnicate"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.rfind("napkin: 'frobnicate' is neither a command nor an existing file\n", 0) == 0);
    }

    // The real executable, headless: no display is needed for commands.
    void theExecutableRunsHeadless() {
        if (QString(NAPKIN_BINARY).isEmpty())
            QSKIP("the napkin executable is not part of this build");
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove("DISPLAY");
        environment.remove("WAYLAND_DISPLAY");
        environment.remove("QT_QPA_PLATFORM");
        process.setProcessEnvironment(environment);
        process.start(NAPKIN_BINARY, {"validate", badReplicas});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(process.readAllStandardError().contains("must be a whole number ≥ 1, got -2"));
        process.start(NAPKIN_BINARY, {"validate"});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
