// Exports of hostile designs (issue #11), checked with real parsers: SVG with an XML parser, DOT with
// Graphviz (skipped when `dot` is not installed), Mermaid by its line structure; images of designs spread
// far apart fall back to a smaller scale with a warning, and a write-up never loses its diagram silently.
#include "app/cli/command_line.h"
#include "app/gui/export_diagram.h"
#include "cli_run.h"
#include "model/napkin_file.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace napkin;

namespace {

using Run = testing::CliRun;
Run run(const QStringList& arguments) { return testing::runCli(arguments, gui::exportDesign); }

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString& path, const std::string& text) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size()))
        qFatal("cannot write %s", qPrintable(path));
}

// Labels nobody should have to think about: markup, quotes, Mermaid and DOT syntax, CDATA ends, bidi overrides.
const std::vector<std::string> hostileLabels{
    "<script>alert(1)</script>", "R&D \"design\" <v2> 'q'", "]]> --> end", "a|b [c] {d} (e) #35; %%",
    "back\\slash\\", "line one\nline two", "\xe2\x80\xae" "override, never closed", "end", "subgraph x",
};

Json hostileDesign() {
    Json components = Json::array();
    Json links = Json::array();
    for (std::size_t i = 0; i < hostileLabels.size(); ++i) {
        components.push_back({{"id", "c" + std::to_string(i)}, {"kind", i == 6 ? "relational_db" : "service"}, {"label", hostileLabels[i]},
                              {"x", 200 * int(i)}, {"y", 0}, {"zone", "z"}});
        if (i > 0)
            links.push_back({{"id", "l" + std::to_string(i)}, {"from", "c" + std::to_string(i - 1)},
                             {"to", "c" + std::to_string(i)}, {"label", hostileLabels[i]}, {"protocol", "cdc"}});
    }
    return {{"format", "napkin"}, {"version", 1},
            {"brief", {{"title", "R&D design <v2> <script>alert(1)</script>"}}},
            {"zones", Json::array({{{"id", "z"}, {"kind", "region"}, {"label", "</title><script>x</script>"},
                                    {"x", -50}, {"y", -50}, {"width", 2000}, {"height", 300}}})},
            {"components", components}, {"links", links}, {"notes", Json::array()}};
}

struct SvgContent {
    QString error;
    QString title;
    QStringList texts;
    bool hasScript = false;
};

SvgContent parseSvg(const QByteArray& svg) {
    SvgContent content;
    QXmlStreamReader reader(svg);
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        if (reader.name() == QLatin1String("script"))
            content.hasScript = true;
        else if (reader.name() == QLatin1String("title"))
            content.title = reader.readElementText();
        else if (reader.name() == QLatin1String("text"))
            content.texts << reader.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    if (reader.hasError())
        content.error = reader.errorString() + " at line " + QString::number(reader.lineNumber());
    return content;
}

} // namespace

class TestExportHostile : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_design;

private slots:
    void initTestCase() {
        m_design = m_dir.filePath("hostile.napkin");
        writeFile(m_design, hostileDesign().dump(2));
        const Run valid = run({"validate", m_design});
        QVERIFY2(valid.code == 0, valid.err.c_str());
    }

    void svgIsWellFormedAndTitleIsText() {
        const QString path = m_dir.filePath("hostile.svg");
        const Run r = run({"export", m_design, "--format", "svg", "-o", path});
        QVERIFY2(r.code == 0, r.err.c_str());
        const SvgContent svg = parseSvg(readFile(path));
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        QCOMPARE(svg.title, QString("R&D design <v2> <script>alert(1)</script>"));
        QVERIFY(!svg.hasScript);
        // Labels are elided to their box; the markup arrives as text.
        QVERIFY2(svg.texts.join('\n').contains("<script>aler"), qPrintable(svg.texts.join('\n')));
    }

    void svgIsAcceptedByXmllint() {
        const QString xmllint = QStandardPaths::findExecutable("xmllint");
        if (xmllint.isEmpty())
            QSKIP("xmllint is not installed");
        const QString path = m_dir.filePath("lint.svg");
        QCOMPARE(run({"export", m_design, "--format", "svg", "-o", path}).code, 0);
        QProcess lint;
        lint.start(xmllint, {"--noout", path});
        QVERIFY(lint.waitForFinished(30000));
        QVERIFY2(lint.exitCode() == 0, lint.readAllStandardError().constData());
    }

    void dotIsAcceptedByGraphviz() {
        const QString dot = QStandardPaths::findExecutable("dot");
        if (dot.isEmpty())
            QSKIP("Graphviz (dot) is not installed");
        const Run r = run({"export", m_design, "--format", "dot"});
        QCOMPARE(r.code, 0);
        QProcess graphviz;
        graphviz.start(dot, {"-Tsvg"});
        graphviz.write(r.out.data(), qint64(r.out.size()));
        graphviz.closeWriteChannel();
        QVERIFY(graphviz.waitForFinished(30000));
        QVERIFY2(graphviz.exitCode() == 0, graphviz.readAllStandardError().constData());
        const SvgContent svg = parseSvg(graphviz.readAllStandardOutput());
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        QVERIFY(svg.texts.contains("<script>alert(1)</script>"));
        QVERIFY(!svg.hasScript);
    }

    void mermaidKeepsItsStructure() {
        const Run r = run({"export", m_design, "--format", "mermaid"});
        QCOMPARE(r.code, 0);
        const QStringList lines = QString::fromStdString(r.out).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QString("flowchart LR"));
        // Every line is one of: a node with a quoted label, a subgraph, its kind comment, end, or a link.
        const QRegularExpression quoted("\"(?:[^\"<>\\n]|<br>)*\"");
        const QRegularExpression line(QString("^ +(\\w+[\\[\\(\\{>/]+%1[\\]\\)\\}/]+|subgraph \\w+ \\[%1\\]|%%.*|end|"
                                              "\\w+ (-->|-\\.->|==>)(\\|%1\\|)? \\w+)$")
                                          .arg(quoted.pattern()));
        int subgraphs = 0;
        int ends = 0;
        for (const QString& text : lines.mid(1)) {
            QVERIFY2(line.match(text).hasMatch(), qPrintable(text));
            subgraphs += text.trimmed().startsWith("subgraph ");
            ends += text.trimmed() == "end";
        }
        QCOMPARE(subgraphs, 1);
        QCOMPARE(ends, 1);
    }

    void markdownEscapesAndIsolates() {
        const Run r = run({"export", m_design, "--format", "md"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.find("<script>") == std::string::npos);
        // The unterminated right-to-left override stays inside its isolate, before Napkin's " — Service".
        QVERIFY(r.out.find("\xe2\x81\xa8\xe2\x80\xae" "override, never closed\xe2\x81\xa9 — Relational Database") != std::string::npos);
    }

    void farApartComponentsFallBackToASmallerScale() {
        // One component at 30000,30000 used to need 3.6 GB for a 1× PNG; ±1e6 is the documented bound.
        Json design = hostileDesign();
        design["components"][0]["x"] = -1000000;
        design["components"][1]["y"] = 1000000;
        design["zones"] = Json::array();
        for (Json& c : design["components"])
            c.erase("zone");
        const QString far = m_dir.filePath("far.napkin");
        writeFile(far, design.dump());
        const QString png = m_dir.filePath("far.png");
        const Run r = run({"export", far, "--format", "png", "-o", png});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(r.err.starts_with("napkin export: warning: the diagram would be "), r.err.c_str());
        QVERIFY2(r.err.find("drawn at scale 0.0") != std::string::npos, r.err.c_str());
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() <= 16384 && image.height() <= 16384);
        QVERIFY(double(image.width()) * image.height() <= 32e6);

        const QString pdf = m_dir.filePath("far.pdf");
        const Run writeup = run({"export", far, "--format", "pdf", "-o", pdf});
        QVERIFY2(writeup.code == 0, writeup.err.c_str());
        QVERIFY(readFile(pdf).contains("/Subtype /Image")); // the diagram is in it
    }

    void overwritingAndFailuresAreReported() {
        const Run full = run({"export", m_design, "--format", "png", "-o", "/dev/full"});
        QCOMPARE(full.code, 1);
        QCOMPARE(full.err, std::string("napkin export: cannot write /dev/full: No space left on device\n"));
        const Run svg = run({"export", m_design, "--format", "svg", "-o", "/dev/full"});
        QCOMPARE(svg.err, std::string("napkin export: cannot write /dev/full: No space left on device\n"));
    }
};

QTEST_MAIN(TestExportHostile)
#include "tst_export_hostile.moc"
