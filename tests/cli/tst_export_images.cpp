// Exports through the editor's scene, headless: napkin export --format svg|png|pdf and md with its image,
// as the napkin executable wires them (offscreen platform). Checks the files, not pixels.
#include "app/cli/command_line.h"
#include "cli_run.h"
#include "app/gui/export_actions.h"
#include "app/gui/export_diagram.h"
#include "app/gui/main_window.h"
#include "model/napkin_file.h"

#include <QComboBox>
#include <QFile>
#include <QMenu>
#include <QTableWidget>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <sstream>

using namespace napkin;

namespace {

using Run = testing::CliRun;
Run run(const QStringList& arguments) { return testing::runCli(arguments, gui::exportDesign); }

const QString tinyUrl = NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin";

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Parses the whole document; returns the XML error, or empty, and collects the text of <text> elements.
QString parseSvg(const QByteArray& svg, QStringList& texts) {
    QXmlStreamReader reader(svg);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("text"))
            texts << reader.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    return reader.hasError() ? reader.errorString() : QString();
}

} // namespace

class TestExportImages : public QObject {
    Q_OBJECT
private slots:
    void svgKeepsTextAsText() {
        QTemporaryDir dir;
        const QString path = dir.filePath("tiny.svg");
        const Run r = run({"export", tinyUrl, "--format", "svg", "-o", path});
        QCOMPARE(r.err, std::string());
        QCOMPARE(r.code, 0);
        QStringList texts;
        const QString error = parseSvg(readFile(path), texts);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const char* label : {"URL Service", "Redis", "us-east-1a", "Load Balancer"})
            QVERIFY2(texts.contains(label), label);
    }

    void hostileLabelsStayTextInSvg() {
        Design design;
        Component component;
        component.id = "x";
        component.kind = "service";
        component.label = "<script>alert(1)</script> & \"x\"";
        design.appendComponent(component);
        QTemporaryDir dir;
        const QString path = dir.filePath("hostile.svg");
        std::string warning;
        QCOMPARE(gui::exportDesign(design, "svg", path.toStdString(), 1, {}, warning), std::string());
        const QByteArray svg = readFile(path);
        QVERIFY(!svg.contains("<script"));
        QStringList texts;
        QCOMPARE(parseSvg(svg, texts), QString());
        QVERIFY(texts.join(' ').contains("<script>")); // the editor elides long labels
    }

    void pngAtOneAndTwoTimes() {
        QTemporaryDir dir;
        const QString one = dir.filePath("one.png");
        const QString two = dir.filePath("two.png");
        QCOMPARE(run({"export", tinyUrl, "--format", "png", "-o", one}).code, 0);
        QCOMPARE(run({"export", tinyUrl, "--format", "png", "--scale", "2", "-o", two}).code, 0);
        const QImage small(one);
        const QImage large(two);
        QVERIFY(!small.isNull());
        QVERIFY(small.width() > 200);
        QCOMPARE(large.size(), small.size() * 2);
    }

    void pdfOfTheDiagramAndOfTheWriteup() {
        QTemporaryDir dir;
        for (const QStringList& extra : {QStringList{}, QStringList{"--diagram"}}) {
            const QString path = dir.filePath(extra.isEmpty() ? "writeup.pdf" : "diagram.pdf");
            const Run r = run(QStringList{"export", tinyUrl, "--format", "pdf", "-o", path} + extra);
            QCOMPARE(r.code, 0);
            QVERIFY(readFile(path).startsWith("%PDF-"));
        }
        QCOMPARE(readFile(dir.filePath("diagram.pdf")).count("/Type /Page\n"), 1);
        QVERIFY(readFile(dir.filePath("writeup.pdf")).count("/Type /Page\n") > 1);
        QVERIFY(readFile(dir.filePath("writeup.pdf")).contains("/Subtype /Image")); // the diagram, inline
    }

    void markdownGetsItsDiagramBesideIt() {
        QTemporaryDir dir;
        const QString path = dir.filePath("tiny url.md");
        const Run r = run({"export", tinyUrl, "--format", "md", "-o", path});
        QCOMPARE(r.code, 0);
        const QByteArray markdown = readFile(path);
        QVERIFY(markdown.contains("\n![Architecture diagram of Tiny URL](tiny%20url.png)\n"));
        QVERIFY(!markdown.contains("```mermaid"));
        QVERIFY(!QImage(dir.filePath("tiny url.png")).isNull());
    }

    void imageFormatsNeedAnOutputFile() {
        const Run r = run({"export", tinyUrl, "--format", "png"});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, std::string("napkin export: --format png needs -o FILE\n"));
    }

    void failuresAreReported() {
        QTemporaryDir dir;
        const QString path = dir.filePath("missing/dir/out.svg");
        const Run r = run({"export", tinyUrl, "--format", "svg", "-o", path});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.starts_with("napkin export: cannot write " + path.toStdString()));
        QVERIFY(!QFile::exists(path));
    }

    void kindsDialogAppliesTheUsersChoice() {
        const MermaidImportResult result = importMermaid("graph LR\n  a[Redis] --> b[Ledger]\n");
        QVERIFY(result.ok());
        gui::MermaidKindsDialog dialog(result);
        auto* table = dialog.findChild<QTableWidget*>();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), QString("Redis"));
        QCOMPARE(table->item(0, 2)->text(), QString("label matches \"redis\""));
        auto* ledgerKind = qobject_cast<QComboBox*>(table->cellWidget(1, 1));
        QVERIFY(ledgerKind);
        QCOMPARE(ledgerKind->currentData().toString(), QString("service"));
        ledgerKind->setCurrentIndex(ledgerKind->findData(QString("relational_db")));
        const Design design = dialog.design();
        QCOMPARE(design.component("a")->kind, std::string("cache"));
        QCOMPARE(design.component("b")->kind, std::string("relational_db"));
        QCOMPARE(design.links().size(), std::size_t(1));
        QVERIFY(loadDesign(saveDesign(design)).ok());
    }

    void menusListEveryExport() {
        gui::MainWindow window;
        gui::installExportActions(window);
        QStringList texts;
        for (const QAction* action : window.menu(gui::MenuId::Export)->actions())
            if (!action->isSeparator())
                texts << action->text();
        QCOMPARE(texts, (QStringList{"Markdown write-up…", "Write-up as PDF…", "Diagram as SVG…", "Diagram as PNG…",
                                     "Diagram as PNG (2×)…", "Diagram as PDF…", "Mermaid flowchart…", "Graphviz DOT…",
                                     "draw.io diagram…"}));
        QMenu* import = nullptr;
        for (const QAction* action : window.menu(gui::MenuId::File)->actions())
            if (action->menu() && action->text() == "&Import")
                import = action->menu();
        QVERIFY(import);
        QStringList imports;
        for (const QAction* action : import->actions())
            imports << action->text();
        QCOMPARE(imports, (QStringList{"Mermaid flowchart…", "draw.io diagram…"}));
    }
};

QTEST_MAIN(TestExportImages)
#include "tst_export_images.moc"
