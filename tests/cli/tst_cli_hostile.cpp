// The command line against hostile arguments and files (issue #11): unknown commands, special files, output
// that would overwrite the input, write errors on standard output, file names that are not UTF-8, and
// `napkin format`. Runs in-process where it can, and the real executable where the process matters.
#include "app/cli/command_line.h"
#include "cli_run.h"
#include "model/napkin_file.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace napkin;

namespace {

using Run = testing::CliRun;
Run run(const QStringList& arguments) { return testing::runCli(arguments); }

const QString tinyUrl = NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin";

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

struct Process {
    int code;
    QByteArray out;
    QByteArray err;
};

// The real executable, with `shell` redirections (stdout to /dev/full, closed, …).
Process runShell(const QString& command) {
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("QT_QPA_PLATFORM", "offscreen");
    process.setProcessEnvironment(environment);
    process.start("/bin/sh", {"-c", command});
    if (!process.waitForFinished(60000))
        process.kill();
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

const QString napkinBinary = QStringLiteral(NAPKIN_BINARY);

} // namespace

class TestCliHostile : public QObject {
    Q_OBJECT
private slots:
    void unknownCommandsAreUsageErrors_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("message");
        QTest::newRow("typo") << "valdate" << "napkin: 'valdate' is neither a command nor an existing file; did you mean validate?\n";
        QTest::newRow("nonsense") << "frobnicate" << "napkin: 'frobnicate' is neither a command nor an existing file\n";
        QTest::newRow("missing file") << "nowhere.napkin" << "napkin: 'nowhere.napkin' is neither a command nor an existing file\n";
        QTest::newRow("case") << "EXPORT" << "napkin: 'EXPORT' is neither a command nor an existing file; did you mean export?\n";
    }

    void unknownCommandsAreUsageErrors() {
        QFETCH(QString, command);
        QFETCH(QString, message);
        QVERIFY(cli::isCommandLineInvocation({"napkin", command, "x.napkin"}));
        const Run r = run({command, "x.napkin"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.starts_with(message.toStdString()), r.err.c_str());
        QVERIFY(r.err.find("Usage: napkin") != std::string::npos);
    }

    void onlyAnExistingFileOpensTheEditor() {
        QVERIFY(!cli::isCommandLineInvocation({"napkin", tinyUrl}));
        QVERIFY(!cli::isCommandLineInvocation({"napkin", "-platform", "offscreen"}));
        QVERIFY(cli::isCommandLineInvocation({"napkin", tinyUrl + ".missing"}));
    }

    void unknownCommandNeverStartsTheEditor() {
        if (napkinBinary.isEmpty())
            QSKIP("the napkin executable is not built");
        // Without a display the editor aborted with Qt's plugin text; offscreen it hung.
        const Process p = runShell("env -u DISPLAY -u QT_QPA_PLATFORM " + napkinBinary + " frobnicate");
        QCOMPARE(p.code, 2);
        QVERIFY(p.err.startsWith("napkin: 'frobnicate' is neither a command nor an existing file"));
    }

    void specialFilesAreRefusedEverywhere_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("validate /dev/zero") << QStringList{"validate", "/dev/zero"}
                                            << "/dev/zero: cannot read /dev/zero: is a character device, not a regular file\n";
        QTest::newRow("analyze /dev/zero") << QStringList{"analyze", "/dev/zero"}
                                           << "/dev/zero: cannot read /dev/zero: is a character device, not a regular file\n";
        QTest::newRow("export /dev/zero") << QStringList{"export", "/dev/zero", "--format", "mermaid"}
                                          << "/dev/zero: cannot read /dev/zero: is a character device, not a regular file\n";
        QTest::newRow("import /dev/zero") << QStringList{"import", "/dev/zero"}
                                          << "napkin import: cannot read /dev/zero: is a character device, not a regular file\n";
        QTest::newRow("template /dev/zero")
            << QStringList{"export", tinyUrl, "--format", "md", "--template", "/dev/zero"}
            << "napkin export: template: cannot read /dev/zero: is a character device, not a regular file\n";
        QTest::newRow("format /dev/zero") << QStringList{"format", "/dev/zero"}
                                          << "/dev/zero: cannot read /dev/zero: is a character device, not a regular file\n";
        QTest::newRow("directory") << QStringList{"validate", "/tmp"} << "/tmp: cannot read /tmp: is a directory\n";
    }

    void specialFilesAreRefusedEverywhere() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run r = run(arguments);
        QCOMPARE(r.code, 1);
        QCOMPARE(QString::fromStdString(r.err), message);
    }

    void aFifoWithoutAWriterDoesNotBlock() {
        QTemporaryDir dir;
        const QString fifo = dir.filePath("pipe.napkin");
        QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
        for (const QStringList& arguments : {QStringList{"validate", fifo}, QStringList{"import", fifo}}) {
            const Run r = run(arguments);
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.find("is a pipe (FIFO), not a regular file") != std::string::npos, r.err.c_str());
        }
    }

    void outputNamingTheInputIsRefused() {
        QTemporaryDir dir;
        const QString design = dir.filePath("d.napkin");
        writeFile(design, readFile(tinyUrl));
        const Run md = run({"export", design, "--format", "md", "-o", design});
        QCOMPARE(md.code, 2);
        QCOMPARE(md.err, "napkin export: -o " + design.toStdString() + " is the design being exported; choose another file\n");
        const Run viaLink = run({"export", design, "--format", "mermaid", "-o", dir.filePath("./d.napkin")});
        QCOMPARE(viaLink.code, 2);
        QCOMPARE(readFile(design), readFile(tinyUrl));

        const QString mermaid = dir.filePath("x.mmd");
        writeFile(mermaid, "flowchart LR\n  a --> b\n");
        const Run imported = run({"import", mermaid, "-o", mermaid});
        QCOMPARE(imported.code, 2);
        QCOMPARE(imported.err, "napkin import: -o " + mermaid.toStdString() +
                                   " is the file being imported; choose another file\n");
        QCOMPARE(readFile(mermaid), QByteArray("flowchart LR\n  a --> b\n"));
    }

    void markdownWhoseDiagramWouldReplaceItselfIsRefused() {
        QTemporaryDir dir;
        const Run r = run({"export", tinyUrl, "--format", "md", "-o", dir.filePath("out.png")});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, "napkin export: the write-up's diagram is written beside it as " +
                            dir.filePath("out.png").toStdString() + ", which is the -o file itself; name the write-up .md\n");
        const QString design = dir.filePath("d.png");
        writeFile(design, readFile(tinyUrl));
        const Run onDesign = run({"export", design, "--format", "md", "-o", dir.filePath("d.md")});
        QCOMPARE(onDesign.code, 2);
        QVERIFY(onDesign.err.find("would replace the design") != std::string::npos);
    }

    void diagramOptionOutsidePdfIsRefused() {
        const Run r = run({"export", tinyUrl, "--format", "md", "--diagram"});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, std::string("napkin export: --diagram applies to --format pdf only (svg and png are the "
                                    "diagram already)\n"));
    }

    void writeErrorsAreNotPrefixedTwice() {
        const Run r = run({"export", tinyUrl, "--format", "mermaid", "-o", "/dev/full"});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err, std::string("napkin export: cannot write /dev/full: No space left on device\n"));
        const Run dir = run({"export", tinyUrl, "--format", "dot", "-o", "/tmp"});
        QCOMPARE(dir.err, std::string("napkin export: cannot write /tmp: is a directory\n"));
    }

    void standardOutputErrorsFail_data() {
        QTest::addColumn<QString>("redirection");
        QTest::addColumn<QString>("reason");
        QTest::newRow("full disk") << "> /dev/full" << ": No space left on device";
        QTest::newRow("closed") << ">&-" << ": it is closed";
    }

    void standardOutputErrorsFail() {
        QFETCH(QString, redirection);
        QFETCH(QString, reason);
        if (napkinBinary.isEmpty())
            QSKIP("the napkin executable is not built");
        for (const QString& command : {"analyze " + tinyUrl, "export " + tinyUrl + " --format mermaid",
                                       "format " + tinyUrl, "validate " + tinyUrl}) {
            const Process p = runShell(napkinBinary + " " + command + " " + redirection);
            QCOMPARE(p.code, 1);
            QVERIFY2(p.err.endsWith(("napkin: cannot write to standard output" + reason + "\n").toUtf8()), p.err.constData());
        }
        // Nothing to print, nothing to fail.
        QTemporaryDir dir;
        const Process quiet = runShell(napkinBinary + " export " + tinyUrl + " --format dot -o " + dir.filePath("d.dot") +
                                       " " + redirection);
        QCOMPARE(quiet.code, 0);
    }

    void fileNamesThatAreNotUtf8() {
        if (napkinBinary.isEmpty())
            QSKIP("the napkin executable is not built");
        QTemporaryDir dir;
        const QByteArray folder = QFile::encodeName(dir.path());
        const QByteArray latin1Name = folder + "/caf\xe9.napkin"; // "café" in Latin-1
        {
            QFile in(tinyUrl);
            QVERIFY(in.open(QIODevice::ReadOnly));
            const int fd = ::open(latin1Name.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            QVERIFY(fd >= 0);
            const QByteArray bytes = in.readAll();
            QCOMPARE(::write(fd, bytes.constData(), static_cast<size_t>(bytes.size())), ssize_t(bytes.size()));
            ::close(fd);
        }
        // Arguments as raw bytes: through the shell, with printf.
        const Process valid = runShell(napkinBinary + " validate \"$(printf '" + dir.path() + "/caf\\351.napkin')\"");
        QCOMPARE(valid.code, 0);
        const Process exported = runShell(napkinBinary + " export \"$(printf '" + dir.path() + "/caf\\351.napkin')\" --format mermaid -o \"$(printf '" +
                                          dir.path() + "/r\\351sum\\351.mmd')\"");
        QCOMPARE(exported.code, 0);
        struct stat info {};
        QCOMPARE(::stat((folder + "/r\xe9sum\xe9.mmd").constData(), &info), 0);
    }

    void argumentBytesRoundTrip() {
        const std::string bytes = "a\xe9\xff/\xc3\xa9\xed\xa0\x80z";
        QCOMPARE(cli::pathOf(cli::argumentFrom(bytes)), bytes);
        QCOMPARE(cli::argumentFrom("é"), QString("é"));
    }

    void formatRewritesCanonicallyAndKeepsUnknownFields() {
        QTemporaryDir dir;
        const QString messy = dir.filePath("messy.napkin");
        writeFile(messy, R"({"version": 1.0, "future": {"deep": [1, [2]]}, "format": "napkin",
            "components": [{"y": 5, "x": 4, "kind": "service", "id": "api", "mine": true}]})");
        const QByteArray canonical = "{\n  \"format\": \"napkin\",\n  \"version\": 1,\n  \"zones\": [],\n"
                                     "  \"components\": [\n    {\n      \"id\": \"api\",\n      \"kind\": \"service\",\n"
                                     "      \"x\": 4,\n      \"y\": 5,\n      \"mine\": true\n    }\n  ],\n"
                                     "  \"links\": [],\n  \"notes\": [],\n  \"future\": {\n    \"deep\": [\n      1,\n"
                                     "      [\n        2\n      ]\n    ]\n  }\n}\n";
        const Run out = run({"format", messy});
        QCOMPARE(out.code, 0);
        QCOMPARE(QByteArray::fromStdString(out.out), canonical);
        const Run other = run({"format", messy, "-o", dir.filePath("clean.napkin")});
        QCOMPARE(other.code, 0);
        QCOMPARE(readFile(dir.filePath("clean.napkin")), canonical);
        QCOMPARE(::chmod(messy.toLocal8Bit().constData(), 0600), 0);
        const Run inPlace = run({"format", "--in-place", messy});
        QCOMPARE(inPlace.code, 0);
        QCOMPARE(readFile(messy), canonical);
        struct stat info {};
        QCOMPARE(::stat(messy.toLocal8Bit().constData(), &info), 0);
        QCOMPARE(info.st_mode & 07777, mode_t{0600});
        const Run both = run({"format", messy, "-i", "-o", "x"});
        QCOMPARE(both.code, 2);
        QCOMPARE(run({"format", tinyUrl}).out, readFile(tinyUrl).toStdString());
    }
};

QTEST_GUILESS_MAIN(TestCliHostile)
#include "tst_cli_hostile.moc"
