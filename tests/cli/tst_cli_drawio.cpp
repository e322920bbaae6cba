// napkin import FILE.drawio [--page] and napkin export --format drawio: what is printed, the files written,
// and that the export is the writer's bytes (the Export menu writes the same, tests/app/tst_drawio_menu.cpp).
#include "cli_run.h"
#include "estimators/drawio_writer.h"
#include "model/napkin_file.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace napkin;

namespace {

const QString tinyUrl = NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin";
const QString pipeline = NAPKIN_TEST_DATA_DIR "/drawio-real/kinesis-lambda-dynamodb-pipeline.drawio";

std::string readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string("<missing>");
}

void writeFile(const QString& path, const std::string& text) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), qint64(text.size())) != qint64(text.size()))
        qFatal("cannot write %s", qPrintable(path));
}

const std::string twoPages =
    "<mxfile><diagram name=\"Edge\"><mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
    "<mxCell id=\"cdn\" value=\"CloudFront\" vertex=\"1\" parent=\"1\"><mxGeometry width=\"120\" "
    "height=\"60\" "
    "as=\"geometry\"/></mxCell></root></mxGraphModel></diagram><diagram name=\"Data\"><mxGraphModel><root>"
    "<mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/><mxCell id=\"db\" value=\"Orders DB\" vertex=\"1\" "
    "parent=\"1\"><mxGeometry width=\"120\" height=\"60\" as=\"geometry\"/></mxCell></root></mxGraphModel>"
    "</diagram></mxfile>";

} // namespace

class TestCliDrawio : public QObject {
    Q_OBJECT
  private slots:
    void importsARealDiagram() {
        QTemporaryDir dir;
        const QString output = dir.filePath("pipeline.napkin");
        const testing::CliRun r = testing::runCli({"import", pipeline, "-o", output});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, std::string());
        const std::string file = pipeline.toStdString();
        QCOMPARE(r.err,
                 file +
                     ": imported 3 components, 2 links, 2 zones; guessed kinds (check them in the editor):\n"
                     "  Zy9PH1DXcxW0B2Q-Vq_a-4: message_queue (AWS shape \"kinesis_data_streams\")\n"
                     "  Zy9PH1DXcxW0B2Q-Vq_a-7: serverless_function (AWS shape \"lambda\")\n"
                     "  Zy9PH1DXcxW0B2Q-Vq_a-10: kv_store (AWS shape \"dynamodb\")\n");
        const LoadResult loaded = loadDesignFile(output.toStdString());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.design->brief().title, std::string("kinesis-lambda-dynamodb-pipeline"));
    }

    void choosesAPage() {
        QTemporaryDir dir;
        const QString input = dir.filePath("two.drawio");
        writeFile(input, twoPages);
        testing::CliRun r = testing::runCli({"import", input});
        QCOMPARE(r.code, 0);
        const std::string file = input.toStdString();
        QVERIFY(r.err.starts_with(file +
                                  ": the file has 2 pages; imported 1 'Edge'; the others (choose one with "
                                  "--page): 2 'Data'\n"));
        QVERIFY(r.out.find("\"kind\": \"cdn\"") != std::string::npos);
        r = testing::runCli({"import", input, "--page", "Data"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.find("\"kind\": \"relational_db\"") != std::string::npos);
        r = testing::runCli({"import", input, "--page", "3"});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err, file + ": no page '3'; the pages are 1 'Edge', 2 'Data'\n");
    }

    void pageIsForDrawioOnly() {
        QTemporaryDir dir;
        const QString input = dir.filePath("flow.mmd");
        writeFile(input, "flowchart LR\n  a --> b\n");
        const testing::CliRun r = testing::runCli({"import", input, "--page", "2"});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, std::string("napkin import: --page applies to draw.io files only\n"));
    }

    void brokenFileExitsWithOne() {
        QTemporaryDir dir;
        const QString input = dir.filePath("broken.drawio");
        writeFile(input, "<mxfile><diagram name=\"A\">%%%</diagram></mxfile>");
        const testing::CliRun r = testing::runCli({"import", input, "-o", dir.filePath("out.napkin")});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err, input.toStdString() + ": page 'A': the compressed diagram is not valid base64\n");
        QVERIFY(!QFile::exists(dir.filePath("out.napkin")));
    }

    void exportsTheWritersBytes() {
        LoadResult loaded = loadDesignFile(tinyUrl.toStdString());
        QVERIFY(loaded.ok());
        const std::string expected = toDrawio(*loaded.design);
        testing::CliRun r = testing::runCli({"export", tinyUrl, "--format", "drawio"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, expected);
        QTemporaryDir dir;
        const QString output = dir.filePath("tiny.drawio"); // the format from the extension
        r = testing::runCli({"export", tinyUrl, "-o", output});
        QCOMPARE(r.code, 0);
        QCOMPARE(readFile(output), expected);
        // ... and it imports back as the same design.
        r = testing::runCli({"import", output, "-o", dir.filePath("back.napkin")});
        QCOMPARE(r.code, 0);
        const LoadResult back = loadDesignFile(dir.filePath("back.napkin").toStdString());
        QVERIFY(back.ok());
        // Kinds, labels, places and zones travel; properties and notes are Napkin's own and do not.
        QCOMPARE(back.design->components().size(), loaded.design->components().size());
        for (std::size_t i = 0; i < loaded.design->components().size(); ++i) {
            const Component& a = back.design->components()[i];
            const Component& b = loaded.design->components()[i];
            QCOMPARE(a.id + a.kind + a.label + a.zone, b.id + b.kind + b.label + b.zone);
            QCOMPARE(a.position, b.position);
        }
        QCOMPARE(back.design->links().size(), loaded.design->links().size());
    }
};

QTEST_GUILESS_MAIN(TestCliDrawio)
#include "tst_cli_drawio.moc"
