// The .napkin format: byte-exact round trips, every bad input reported with its exact message, atomic saves.
#include "model/napkin_file.h"
#include "model/design.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace napkin;

namespace {

QByteArray readAll(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

std::vector<std::string> errorLines(const LoadResult& result) {
    std::vector<std::string> lines;
    for (const Diagnostic& d : result.errors())
        lines.push_back(d.toString());
    return lines;
}

const char* minimalDesign = R"({
  "format": "napkin",
  "version": 1,
  "zones": [],
  "components": [
    {
      "id": "api",
      "kind": "service",
      "x": 0,
      "y": 0
    }
  ],
  "links": [],
  "notes": []
}
)";

} // namespace

class TestNapkinFile : public QObject {
    Q_OBJECT
private slots:
    void roundTripIsByteExact_data() {
        QTest::addColumn<QString>("path");
        const QDir examples(NAPKIN_RESOURCES_DIR "/examples");
        const QStringList files = examples.entryList({"*.napkin"}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 2);
        for (const QString& name : files)
            QTest::newRow(qPrintable(name)) << examples.filePath(name);
    }

    void roundTripIsByteExact() {
        QFETCH(QString, path);
        const QByteArray original = readAll(path);
        const LoadResult result = loadDesign(original.toStdString());
        for (const Diagnostic& d : result.diagnostics)
            qWarning() << QString::fromStdString(d.toString());
        QVERIFY(result.ok());
        QVERIFY(result.diagnostics.empty());
        QCOMPARE(QByteArray::fromStdString(saveDesign(*result.design)), original);
    }

    void badInputIsReportedExactly_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        const QDir bad(NAPKIN_TEST_DATA_DIR "/bad");
        const QStringList files = bad.entryList({"*.napkin"}, QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 40, "the bad-input corpus is missing");
        for (const QString& name : files) {
            const QString expectedPath = bad.filePath(QString(name).replace(".napkin", ".expected"));
            QTest::newRow(qPrintable(name)) << bad.filePath(name) << QString::fromUtf8(readAll(expectedPath));
        }
    }

    void badInputIsReportedExactly() {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        const LoadResult result = loadDesignFile(path.toStdString());
        QVERIFY(!result.ok());
        QStringList actual;
        for (const std::string& line : errorLines(result))
            actual << QString::fromStdString(line);
        QVERIFY(!expected.trimmed().isEmpty());
        QCOMPARE(actual, expected.trimmed().split('\n'));
    }

    // The fields that say what people do survive a save and a load, and the defaults are not written.
    void workloadPeopleFieldsRoundTrip() {
        Design design;
        Workload w;
        w.monthlyActiveUsers = 100e6;
        Operation trade;
        trade.name = "trade";
        trade.type = OperationType::Write;
        trade.rate = 2.34e6;
        trade.per = RatePer::Day;
        trade.storedBytesPerWrite = 200;
        trade.activeHours = 6.5;
        trade.requestsPerAction = 3;
        trade.newFraction = 0.25;
        trade.bytesPerUser = 15e9;
        trade.perUserBase = UserBase::Daily;
        Operation plain;
        plain.name = "read";
        w.operations = {trade, plain};
        design.setWorkload(w);
        const std::string text = saveDesign(design);
        QVERIFY(text.find("\"active_hours\": 6.5") != std::string::npos);
        QVERIFY(text.find("\"requests_per_action\": 3") != std::string::npos);
        QVERIFY(text.find("\"new_fraction\": 0.25") != std::string::npos);
        QVERIFY(text.find("\"bytes_per_user\": 15000000000") != std::string::npos);
        QVERIFY(text.find("\"per_user_base\": \"dau\"") != std::string::npos);
        QCOMPARE(text.find("active_hours"), text.rfind("active_hours")); // the read keeps the default, unwritten
        const LoadResult loaded = loadDesign(text);
        QVERIFY(loaded.ok());
        QVERIFY(loaded.diagnostics.empty());
        QCOMPARE(loaded.design->workload(), w);
        QCOMPARE(saveDesign(*loaded.design), text);
    }

    void reportsTheDocumentedExampleMessage() {
        std::string text = minimalDesign;
        text.replace(text.find("\"y\": 0"), 6, "\"y\": 0, \"props\": {\"replicas\": -2}");
        const LoadResult result = loadDesign(text);
        QVERIFY(!result.ok());
        QCOMPARE(errorLines(result),
                 std::vector<std::string>{"components[0].props.replicas: must be a whole number ≥ 1, got -2"});
    }

    void keepsUnknownFieldsInOrder() {
        const std::string text = R"({
  "format": "napkin",
  "version": 1,
  "workload": {
    "operations": [
      {
        "name": "read",
        "type": "read",
        "rate": 5,
        "per": "user_day",
        "priority": "high"
      }
    ],
    "peak_factor": 2,
    "replication_factor": 3,
    "storage_fill": 0.7,
    "cache_hot_fraction": 0.2,
    "target_utilization": 0.7,
    "time_convention": "exact",
    "seasonality": [
      1,
      2
    ]
  },
  "zones": [
    {
      "id": "z",
      "kind": "group",
      "x": 0,
      "y": 0,
      "width": 10,
      "height": 10,
      "colour": "teal"
    }
  ],
  "components": [
    {
      "id": "api",
      "kind": "service",
      "x": 1.5,
      "y": -2,
      "zone": "z",
      "owner": "team-a",
      "tags": {
        "b": 1,
        "a": 2
      }
    }
  ],
  "links": [],
  "notes": [],
  "theme": "dark"
}
)";
        const LoadResult result = loadDesign(text);
        QVERIFY(result.ok());
        QCOMPARE(result.design->components().front().extra["owner"].get<std::string>(), std::string("team-a"));
        QCOMPARE(saveDesign(*result.design), text);
    }

    void keepsUnknownPropertiesWithAWarning() {
        std::string text = minimalDesign;
        text.replace(text.find("\"y\": 0"), 6, "\"y\": 0,\n      \"props\": {\n        \"sparkle\": true\n      }");
        const LoadResult result = loadDesign(text);
        QVERIFY(result.ok());
        QCOMPARE(result.diagnostics.size(), std::size_t(1));
        QCOMPARE(result.diagnostics.front().toString(),
                 std::string("components[0].props.sparkle: warning: is not a property of a Service; kept as it is"));
        QCOMPARE(saveDesign(*result.design), text);
    }

    void missingFileIsAnError() {
        const LoadResult result = loadDesignFile("/nonexistent/design.napkin");
        QVERIFY(!result.ok());
        QCOMPARE(errorLines(result),
                 std::vector<std::string>{"cannot open /nonexistent/design.napkin: No such file or directory"});
    }

    void saveReplacesTheFileAtomically() {
        QTemporaryDir dir;
        const QString path = dir.filePath("design.napkin");
        const Design design = *loadDesign(minimalDesign).design;
        QVERIFY(saveDesignFile(design, path.toStdString()).ok);
        QCOMPARE(readAll(path), QByteArray(minimalDesign));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"design.napkin"});
    }

    void failedSaveLeavesThePreviousFileAlone() {
        QTemporaryDir dir;
        // A directory in the way: refused before anything is written.
        const QString blocked = dir.filePath("blocked.napkin");
        QVERIFY(QDir(dir.path()).mkpath("blocked.napkin/inside"));
        const Design design = *loadDesign(minimalDesign).design;
        const SaveResult result = saveDesignFile(design, blocked.toStdString());
        QVERIFY(!result.ok);
        QCOMPARE(QString::fromStdString(result.error), "cannot write " + blocked + ": is a directory");
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{});
        QVERIFY(QFileInfo(blocked).isDir());

        const SaveResult missingFolder = saveDesignFile(design, dir.filePath("no/such/folder/x.napkin").toStdString());
        QVERIFY(!missingFolder.ok);
        QVERIFY(QString::fromStdString(missingFolder.error).contains("No such file or directory"));
    }

    void fragmentsCarryInternalLinksOnly() {
        const LoadResult result = loadDesignFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");
        QVERIFY(result.ok());
        const Design& design = *result.design;
        Fragment fragment;
        fragment.components = {*design.component("shortener"), *design.component("cache")};
        fragment.links = {*design.link("shortener-cache"), *design.link("lb-shortener")};
        std::vector<Diagnostic> diagnostics;
        const auto back = fragmentFromJson(fragmentToJson(fragment), Catalog::builtin(), diagnostics);
        QVERIFY(back.has_value());
        QCOMPARE(back->components.size(), std::size_t(2));
        QCOMPARE(back->components[0].props, fragment.components[0].props);
        QCOMPARE(back->components[0].label, fragment.components[0].label);
        QCOMPARE(back->components[0].zone, std::string()); // its zone was not copied
        QCOMPARE(back->links.size(), std::size_t(1)); // lb-shortener leaves the fragment
        QCOMPARE(back->links[0].id, std::string("shortener-cache"));
        QVERIFY(!fragmentFromJson(Json::array(), Catalog::builtin(), diagnostics).has_value());
    }
};

QTEST_APPLESS_MAIN(TestNapkinFile)
#include "tst_napkin_file.moc"
