// One code path for exports: every format of every bundled example, exported from the editor's Export menu
// code (while the canvas shows analysis badges and a what-if) and by `napkin export` (napkin::cli::run with
// the renderer the executable passes), gives the same bytes. PDFs differ only in their creation time and
// random document id, which are blanked before comparing.
#include "app/cli/command_line.h"
#include "app/gui/analysis_service.h"
#include "app/gui/canvas_items.h"
#include "app/gui/canvas_scene.h"
#include "app/gui/export_actions.h"
#include "app/gui/export_diagram.h"
#include "app/gui/main_window.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <sstream>

using namespace napkin;
using namespace napkin::gui;

namespace {

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The only bytes of a PDF that depend on when it was written: its dates and the document id made from them.
QByteArray withoutWriteTime(QByteArray pdf) {
    static const QRegularExpression pdfDate(R"(\(D:[0-9]{14}[^)]*\))");
    static const QRegularExpression xmpDate(R"(>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}[^<]*<)");
    static const QRegularExpression uuid(R"(uuid:[0-9a-f-]{36})");
    static const QRegularExpression fileId(R"(/ID \[<[0-9a-f]+> ?<[0-9a-f]+>\])");
    QString text = QString::fromLatin1(pdf);
    text.replace(pdfDate, "(D:)").replace(xmpDate, "><").replace(uuid, "uuid:").replace(fileId, "/ID []");
    return text.toLatin1();
}

struct Format {
    EditorExport editor;
    QStringList cli; // the arguments after FILE
    QString file;
};

const QList<Format>& formats() {
    static const QList<Format> all = {
        {EditorExport::WriteupMarkdown, {"--format", "md"}, "writeup.md"},
        {EditorExport::WriteupPdf, {"--format", "pdf"}, "writeup.pdf"},
        {EditorExport::Svg, {"--format", "svg"}, "diagram.svg"},
        {EditorExport::Png, {"--format", "png"}, "diagram.png"},
        {EditorExport::Png2x, {"--format", "png", "--scale", "2"}, "diagram2x.png"},
        {EditorExport::DiagramPdf, {"--format", "pdf", "--diagram"}, "diagram.pdf"},
        {EditorExport::Mermaid, {"--format", "mermaid"}, "diagram.mmd"},
        {EditorExport::Dot, {"--format", "dot"}, "diagram.dot"},
        {EditorExport::Drawio, {"--format", "drawio"}, "diagram.drawio"},
    };
    return all;
}

bool waitForAnalysis(MainWindow& window, const std::function<void()>& change) {
    QSignalSpy updated(&window.analysis(), &AnalysisService::updated);
    change();
    return updated.wait();
}

} // namespace

class TestExportPaths : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void editorAndCommandLineGiveTheSameBytes_data() {
        QTest::addColumn<QString>("example");
        for (const QString& name : QDir(NAPKIN_RESOURCES_DIR "/examples").entryList({"*.napkin"}, QDir::Files))
            QTest::newRow(qPrintable(name)) << QString(NAPKIN_RESOURCES_DIR "/examples/" + name);
    }

    void editorAndCommandLineGiveTheSameBytes() {
        QFETCH(QString, example);
        MainWindow window;
        QVERIFY(waitForAnalysis(window, [&] { QVERIFY(window.openFile(example)); }));
        // The editor shows the analysis and a what-if: the entry balancer or gateway failed, what only it
        // reached greyed out.
        const auto& components = window.document().design().components();
        const auto entry = std::find_if(components.begin(), components.end(), [](const Component& c) {
            return c.kind == "load_balancer" || c.kind == "api_gateway";
        });
        QVERIFY(entry != components.end());
        const QString failed = QString::fromStdString(entry->id);
        QVERIFY(waitForAnalysis(window, [&] { window.analysis().setFailedIds({failed}); }));
        const auto items = window.canvasScene()->componentItems();
        QVERIFY(std::any_of(items.begin(), items.end(), [](const ComponentItem* item) {
            return item->overlay().utilisation.has_value();
        }));
        QVERIFY(std::any_of(items.begin(), items.end(), [](const ComponentItem* item) { return item->opacity() < 1; }));

        QTemporaryDir editorDir;
        QTemporaryDir cliDir;
        for (const Format& format : formats()) {
            const QString fromEditor = editorDir.filePath(format.file);
            const QString fromCli = cliDir.filePath(format.file);
            QCOMPARE(exportFromEditor(window.document().design(), format.editor, fromEditor), QString());
            std::ostringstream out;
            std::ostringstream err;
            const QStringList arguments = QStringList{"napkin", "export", example} + format.cli + QStringList{"-o", fromCli};
            QCOMPARE(cli::run(arguments, out, err, &exportDesign), 0);
            QCOMPARE(err.str(), std::string());
            QByteArray editorBytes = readFile(fromEditor);
            QByteArray cliBytes = readFile(fromCli);
            QVERIFY2(editorBytes.size() > 100, qPrintable(format.file));
            if (format.file.endsWith(".pdf")) {
                editorBytes = withoutWriteTime(editorBytes);
                cliBytes = withoutWriteTime(cliBytes);
            }
            QVERIFY2(editorBytes == cliBytes, qPrintable(format.file + " differs"));
        }
        // The write-up's diagram beside it, too.
        QCOMPARE(readFile(editorDir.filePath("writeup.png")), readFile(cliDir.filePath("writeup.png")));
        // And the diagram is the design's, not the what-if's: the same as with nothing failed.
        QVERIFY(waitForAnalysis(window, [&] { window.analysis().setFailedIds({}); }));
        const QString plain = editorDir.filePath("plain.png");
        QCOMPARE(exportFromEditor(window.document().design(), EditorExport::Png, plain), QString());
        QCOMPARE(readFile(plain), readFile(cliDir.filePath("diagram.png")));
        window.canvasScene()->clearSelection();
    }
};

QTEST_MAIN(TestExportPaths)
#include "tst_export_paths.moc"
