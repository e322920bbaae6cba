// `napkin problems` and `napkin check`, in-process: the list, the exit codes, and golden output of `check`
// on the bundled Tiny URL reference (every check met) and on a deliberately weak design (most missed).
// Run with NAPKIN_UPDATE_GOLDEN=1 to rewrite tests/data/golden/check-*, then review the diff.

#include "cli_run.h"

#include "../estimators/report_golden.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace napkin;
using namespace napkin::testing;

namespace {

const QString reference = QStringLiteral(NAPKIN_RESOURCES_DIR "/problems/tiny-url/reference.napkin");
const QString weak = QStringLiteral(NAPKIN_TEST_DATA_DIR "/problems/weak-tiny-url.napkin");

void compareGolden(const QString& name, const std::string& actual) {
    bool found = false;
    const std::string expected = golden(name, actual, found);
    QVERIFY2(found, qPrintable("missing golden " + name + "; run with NAPKIN_UPDATE_GOLDEN=1"));
    QCOMPARE(QString::fromStdString(actual), QString::fromStdString(expected));
}

} // namespace

class TestProblemCli : public QObject {
    Q_OBJECT

  private slots:
    void listsTheProblems() {
        const CliRun run = runCli({"problems"});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.err.empty(), run.err.c_str());
        QVERIFY(run.out.find("tiny-url                easy    Tiny URL  [read-heavy, caching, id-generation, "
                             "key-value]\n") != std::string::npos);
        const CliRun json = runCli({"problems", "--json"});
        QCOMPARE(json.code, 0);
        const nlohmann::json list = nlohmann::json::parse(json.out);
        const auto tiny =
            std::find_if(list.begin(), list.end(), [](const auto& p) { return p["slug"] == "tiny-url"; });
        QVERIFY(tiny != list.end());
        QCOMPARE((*tiny)["difficulty"].get<std::string>(), std::string("easy"));
        QCOMPARE((*tiny)["title"].get<std::string>(), std::string("Tiny URL"));
    }

    void referenceMeetsEveryCheck() {
        const CliRun run = runCli({"check", reference, "--problem", "tiny-url"});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.err.empty(), run.err.c_str());
        compareGolden("check-tiny-url.txt", run.out);
        const CliRun json = runCli({"check", reference, "--problem", "tiny-url", "--json"});
        QCOMPARE(json.code, 0);
        compareGolden("check-tiny-url.json", json.out);
        QCOMPARE(nlohmann::json::parse(json.out)["score"].get<int>(), 100);
        QVERIFY(run.out.find("Score 100/100\n") != std::string::npos);
    }

    void weakDesignMissesChecks() {
        const CliRun run = runCli({"check", weak, "--problem", "tiny-url"});
        QCOMPARE(run.code, 1);
        compareGolden("check-weak-tiny-url.txt", run.out);
        const CliRun json = runCli({"check", weak, "--problem", "tiny-url", "--json"});
        QCOMPARE(json.code, 1);
        compareGolden("check-weak-tiny-url.json", json.out);
        const nlohmann::json document = nlohmann::json::parse(json.out);
        QCOMPARE(document["passed"].get<bool>(), false);
        QVERIFY(document["score"].get<int>() < 80);
        QCOMPARE(document["categories"].size(), std::size_t{8});
        for (const auto& check : document["checks"])
            QVERIFY(check["met"].is_boolean());
    }

    void aProblemFolderWorksToo() {
        const CliRun run = runCli({"check", weak, "--problem", NAPKIN_RESOURCES_DIR "/problems/tiny-url"});
        QCOMPARE(run.code, 1);
        QCOMPARE(run.out, runCli({"check", weak, "--problem", "tiny-url"}).out);
    }

    // A design started from File ▸ New from Problem names its problem; --problem may then be left out.
    void theDesignNamesItsProblem() {
        QFile in(weak);
        QVERIFY(in.open(QIODevice::ReadOnly));
        nlohmann::ordered_json design = nlohmann::ordered_json::parse(in.readAll().toStdString());
        design["problem"] = "tiny-url";
        QTemporaryDir dir;
        const QString path = dir.filePath("attached.napkin");
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QByteArray::fromStdString(design.dump(2)));
        out.close();
        const CliRun run = runCli({"check", path});
        QCOMPARE(run.code, 1);
        QCOMPARE(run.out, runCli({"check", weak, "--problem", "tiny-url"}).out);
    }

    // --drill throws the problem's drills (Tiny URL's four for "all") at the design after the grade; one that
    // breaks makes the exit 1. The weak design has no zone, cache or replica.
    void drillsThrownAtTheDesign() {
        const std::string plain = runCli({"check", weak, "--problem", "tiny-url"}).out;
        const CliRun run = runCli({"check", weak, "--problem", "tiny-url", "--drill", "all"});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.empty(), run.err.c_str());
        QCOMPARE(QString::fromStdString(run.out.substr(0, plain.size())), QString::fromStdString(plain));
        // 35.1 K QPS at peak on one 1 K-QPS API server and one 5 K-QPS Postgres holding 1 TB of 39.1 TB: the
        // drills without their part to hit still meet the design's own overload. Traffic ×3 autoscales the
        // stateless API to 3 servers, far short of 105 K; until they are warm its one server takes it all.
        const QString overloaded =
            "  capacity.over: API Server (api) gets %1 QPS at peak but serves %2 K (%2 × 1 K): it is the "
            "bottleneck.\n"
            "  capacity.over: Postgres (db) gets %1 QPS at peak but serves 5 K (1 × 5 K): it is the "
            "bottleneck.\n"
            "  capacity.storage: Postgres (db) must hold 39.1 TB (with copies and headroom) but has 1 TB. It "
            "is "
            "full after 0.128 years.\n";
        QCOMPARE(
            QString::fromStdString(run.out.substr(plain.size())),
            "\nDrill zone_outage: The design's one availability zone fails.\nBreaks:\n"
            "  drill.one-place: Nothing is placed in an availability zone, so all of it runs in one and goes "
            "down with it.\n"
            "\nDrill cache_flush: The design has no cache to empty.\nBreaks:\n" +
                overloaded.arg("35.1 K", "1") +
                "\nDrill traffic_spike: Traffic rises to 3× the peak; the autoscaler grows api 1 → 3 "
                "instances.\nBreaks:\n" +
                overloaded.arg("105 K", "3") +
                "  drill.scale-up: For ~5 minutes, API Server (api) is at 10521 % (105 K QPS on its 1 × 1 K) "
                "until new instances are warm.\n"
                "\nDrill hot_key: The design has no cache or database for a key to be hot in.\nBreaks:\n" +
                overloaded.arg("35.1 K", "1"));
        const CliRun json =
            runCli({"check", weak, "--problem", "tiny-url", "--drill", "cache_flush", "--json"});
        QCOMPARE(json.code, 1);
        const nlohmann::json drills = nlohmann::json::parse(json.out)["drills"];
        QCOMPARE(drills.size(), std::size_t{1});
        QCOMPARE(drills[0]["type"].get<std::string>(), std::string("cache_flush"));
        QCOMPARE(drills[0]["text"].get<std::string>(), std::string("The Redis cluster restarts empty"));
        QCOMPARE(drills[0]["survives"].get<bool>(), false);
        QCOMPARE(drills[0]["breaks"].size(), std::size_t{3});
        QVERIFY(drills[0]["breaks"][2]["components"] == nlohmann::json::array({"db"}));
        // Tiny URL's reference survives its four drills, so the check passes.
        QCOMPARE(runCli({"check", reference, "--problem", "tiny-url", "--drill", "all"}).code, 0);
        // Without --drill the document has no "drills".
        QVERIFY(!nlohmann::json::parse(runCli({"check", weak, "--problem", "tiny-url", "--json"}).out)
                     .contains("drills"));
    }

    void usageErrors() {
        CliRun run = runCli({"check", weak});
        QCOMPARE(run.code, 2);
        QCOMPARE(run.err, std::string("napkin check: give the problem with --problem SLUG\n"));
        run = runCli({"check", weak, "--problem", "tiny-urls"});
        QCOMPARE(run.code, 2);
        QCOMPARE(run.err,
                 std::string("napkin check: no problem 'tiny-urls'; 'napkin problems' lists them\n"));
        run = runCli({"check", weak, "--problem", "tiny-url", "--drill", "meteor"});
        QCOMPARE(run.code, 2);
        QCOMPARE(run.err, std::string("napkin check: no drill 'meteor'; give all or one of zone_outage, "
                                      "region_outage, primary_db_loss, cache_flush, traffic_spike, "
                                      "consumer_stopped, hot_key\n"));
        run = runCli({"problems", "extra"});
        QCOMPARE(run.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestProblemCli)
#include "tst_problem_cli.moc"
