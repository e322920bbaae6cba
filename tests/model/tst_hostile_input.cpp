// Files and text nobody on the team wrote (issue #11): deep nesting, deep zones, control characters, special
// files, symbolic links. Every big input is generated here; none is committed.
#include "model/file_io.h"
#include "model/napkin_file.h"
#include "model/text_rules.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace napkin;

namespace {

std::vector<std::string> errorLines(const LoadResult& result) {
    std::vector<std::string> lines;
    for (const Diagnostic& d : result.errors())
        lines.push_back(d.toString());
    return lines;
}

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// A minimal valid design with `componentFields` spliced into its one component and `rootFields` at the top.
std::string design(const std::string& componentFields, const std::string& rootFields = {}) {
    return "{\"format\": \"napkin\", \"version\": 1, " + rootFields +
           "\"components\": [{\"id\": \"api\", \"kind\": \"service\", \"x\": 0, \"y\": 0" + componentFields + "}]}";
}

std::string labelled(const std::string& jsonLabel) { return design(", \"label\": \"" + jsonLabel + "\""); }

const std::string tooDeep = "the JSON nests lists and objects more than 64 levels deep; Napkin reads at most 64";

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestHostileInput : public QObject {
    Q_OBJECT
private slots:
    void deepNestingIsRefusedWithoutRecursion_data() {
        QTest::addColumn<QString>("where");
        QTest::newRow("unknown field") << "field";
        QTest::newRow("unknown property") << "property";
        QTest::newRow("top level") << "root";
    }

    void deepNestingIsRefusedWithoutRecursion() {
        QFETCH(QString, where);
        const std::string deep = nested(100000); // 200 KB: the reproducer
        const std::string text = where == "field"      ? design(", \"future\": " + deep)
                                 : where == "property" ? design(", \"props\": {\"future\": " + deep + "}")
                                                       : deep;
        QElapsedTimer timer;
        timer.start();
        const LoadResult result = loadDesign(text);
        QCOMPARE(errorLines(result), std::vector<std::string>{tooDeep});
        QVERIFY2(timer.elapsed() < 2000, "the depth check must stop the parse early");
    }

    void nestingUpToTheLimitIsKeptAndSaved() {
        // The root object, the component list and the component are three levels: 61 lists fit in 64.
        const std::string text = design(", \"future\": " + nested(61));
        const LoadResult result = loadDesign(text);
        QVERIFY(result.ok());
        QVERIFY(saveDesign(*result.design).find(std::string(61, '[')) == std::string::npos); // pretty-printed
        QVERIFY(loadDesign(saveDesign(*result.design)).ok());
        QVERIFY(!loadDesign(design(", \"future\": " + nested(62))).ok());
    }

    void clipboardJsonIsBoundedToo() {
        std::string error;
        QVERIFY(!parseBoundedJson(nested(100000), error));
        QCOMPARE(error, tooDeep);
        QVERIFY(parseBoundedJson("{\"a\": [1]}", error));
    }

    void deepZoneChainIsRefusedInLinearTime() {
        // 20,000 zones, each inside the previous one (1.6 MB): used to take 23 s.
        std::string zones;
        for (int i = 0; i < 20000; ++i)
            zones += std::string(i ? "," : "") + "{\"id\": \"z" + std::to_string(i) + "\", \"kind\": \"group\"" +
                     (i ? ", \"parent\": \"z" + std::to_string(i - 1) + "\"" : std::string()) + "}";
        // Speed belongs in benchmarks, not in a timed test: here only the one message, at the 33rd level.
        const LoadResult result = loadDesign(design({}, "\"zones\": [" + zones + "], "));
        QCOMPARE(errorLines(result),
                 std::vector<std::string>{"zones[32].parent: zone \"z32\" is nested 33 levels deep; at most 32 are allowed"});
    }

    void zonesUpToTheLimitAndCyclesAreReported() {
        std::string zones;
        for (int i = 0; i < 32; ++i)
            zones += std::string(i ? "," : "") + "{\"id\": \"z" + std::to_string(i) + "\", \"kind\": \"group\"" +
                     (i ? ", \"parent\": \"z" + std::to_string(i - 1) + "\"" : std::string()) + "}";
        QVERIFY(loadDesign(design({}, "\"zones\": [" + zones + "], ")).ok());
        const std::string cycle = "\"zones\": [{\"id\": \"a\", \"kind\": \"group\", \"parent\": \"b\"}, "
                                  "{\"id\": \"b\", \"kind\": \"group\", \"parent\": \"a\"}, "
                                  "{\"id\": \"c\", \"kind\": \"group\", \"parent\": \"a\"}], ";
        QCOMPARE(errorLines(loadDesign(design({}, cycle))),
                 (std::vector<std::string>{"zones[0].parent: zone \"a\" would contain itself",
                                           "zones[1].parent: zone \"b\" would contain itself"}));
    }

    void controlCharactersAndNoncharactersAreRefused_data() {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("message");
        const QString prefix = "components[0].label: must not hold control characters or noncharacters; found ";
        QTest::newRow("bell") << "ab\\u0007" << prefix + "the control character U+0007 at character 3";
        QTest::newRow("NUL") << "\\u0000x" << prefix + "a NUL character at character 1";
        QTest::newRow("escape") << "x\\u001b[31m" << prefix + "the control character U+001B at character 2";
        QTest::newRow("C1") << "\\u009b" << prefix + "the control character U+009B at character 1";
        QTest::newRow("U+FFFF") << "é\\uffff" << prefix + "the noncharacter U+FFFF at character 2";
        QTest::newRow("U+FDD0") << "\\ufdd0" << prefix + "the noncharacter U+FDD0 at character 1";
        QTest::newRow("U+1FFFE") << "\\ud83f\\udffe" << prefix + "the noncharacter U+1FFFE at character 1";
    }

    void controlCharactersAndNoncharactersAreRefused() {
        QFETCH(QString, label);
        QFETCH(QString, message);
        QCOMPARE(errorLines(loadDesign(labelled(label.toStdString()))), std::vector<std::string>{message.toStdString()});
    }

    void tabsAndNewlinesStayAllowed() {
        QVERIFY(loadDesign(labelled("a\\tb\\nc\\r\\nd")).ok());
        QVERIFY(forbiddenCharacter("\xe2\x80\xae right-to-left override is text").empty());
    }

    void importersReplaceWhatAFileMayNotHoldWithSpaces() {
        // NUL, a C0 control, DEL, a C1 control (U+0085), U+FFFF and U+FDD0 each become one space; a tab, an
        // accent and right-to-left text are kept byte for byte.
        const std::string text = std::string("a", 1) + std::string(1, '\0') + "b\x05" + "c\x7F" + "d\xC2\x85" +
                                 "e\xEF\xBF\xBF" + "f\xEF\xB7\x90" + "g\th\xC3\xA9\xD7\x90";
        QCOMPARE(withoutForbiddenCharacters(text), std::string("a b c d e f g\th\xC3\xA9\xD7\x90"));
        QVERIFY(forbiddenCharacter(withoutForbiddenCharacters(text)).empty());
    }

    void controlCharactersAreRefusedEverywhere() {
        const std::string title = "\"brief\": {\"title\": \"x\\u0001\", \"functional\": [\"ok\", \"y\\u0002\"]}, ";
        QCOMPARE(errorLines(loadDesign(design({}, title))),
                 (std::vector<std::string>{
                     "brief.title: must not hold control characters or noncharacters; found the control character "
                     "U+0001 at character 2",
                     "brief.functional[1]: must not hold control characters or noncharacters; found the control "
                     "character U+0002 at character 2"}));
        const LoadResult property = loadDesign(design(", \"props\": {\"motto\": \"\\u0003\"}"));
        QCOMPARE(errorLines(property), std::vector<std::string>{"components[0].props.motto: must not hold control "
                                                                "characters or noncharacters; found the control "
                                                                "character U+0003 at character 1"});
    }

    void rightToLeftTextIsIsolated() {
        QCOMPARE(isolated("plain"), std::string("plain"));
        QCOMPARE(isolated("\xe2\x80\xae" "evil"), std::string("\xe2\x81\xa8\xe2\x80\xae" "evil\xe2\x81\xa9"));
        QCOMPARE(isolated("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d"), // Hebrew "shalom"
                 std::string("\xe2\x81\xa8\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\xe2\x81\xa9"));
    }

    void echoedValuesShowEscapesInsteadOfSendingThem() {
        const LoadResult result = loadDesign(design({}).replace(design({}).find("\"service\""), 9, "\"\\u001b[2J\""));
        const std::vector<std::string> lines = errorLines(result);
        QCOMPARE(lines.size(), std::size_t{1});
        QVERIFY2(lines[0].find('\x1b') == std::string::npos, lines[0].c_str());
        QCOMPARE(visibleText("a\x1b[2Jb\x07"), std::string("a\\u001B[2Jb\\u0007"));
        const LoadResult key = loadDesign(design(", \"props\": {\"k\\u001b\": 1}"));
        QVERIFY(key.ok());
        QCOMPARE(key.diagnostics.front().toString(),
                 std::string("components[0].props.k\\u001B: warning: is not a property of a Service; kept as it is"));
    }

    void lengthsCountCharactersNotBytes() {
        std::string label;
        for (int i = 0; i < 200; ++i)
            label += "é";
        QVERIFY(loadDesign(labelled(label)).ok()); // 400 bytes, 200 characters
        QCOMPARE(errorLines(loadDesign(labelled(label + "é"))),
                 std::vector<std::string>{"components[0].label: must be at most 200 characters, got 201"});
        QCOMPARE(characterCount("aé€😀"), std::size_t{4});
    }

    void cutValuesNeverSplitACharacter() {
        std::string kind = "a";
        for (int i = 0; i < 30; ++i)
            kind += "é"; // byte 40 falls inside a character
        const std::vector<std::string> lines = errorLines(loadDesign(
            design({}).replace(design({}).find("\"service\""), 9, "\"" + kind + "\"")));
        QCOMPARE(lines.size(), std::size_t{1});
        QVERIFY2(lines[0].find("a" + kind.substr(1, 38) + "…") != std::string::npos, lines[0].c_str());
    }

    void versionOnePointZeroIsVersionOne() {
        std::string text = design({});
        text.replace(text.find("\"version\": 1"), 12, "\"version\": 1.0");
        QVERIFY(loadDesign(text).ok());
        text.replace(text.find("1.0"), 3, "1.5");
        QCOMPARE(errorLines(loadDesign(text)), std::vector<std::string>{"version: must be a whole number, got 1.5"});
    }

    void emptyTimeConventionIsRefused() {
        QCOMPARE(errorLines(loadDesign(design({}, "\"workload\": {\"time_convention\": \"\"}, "))),
                 std::vector<std::string>{"workload.time_convention: must be exact or interview, got \"\""});
    }

    void coordinatesAreBounded() {
        QVERIFY(loadDesign(design({}).replace(design({}).find("\"x\": 0"), 6, "\"x\": 1000000")).ok());
        QCOMPARE(errorLines(loadDesign(design({}).replace(design({}).find("\"x\": 0"), 6, "\"x\": 30000000"))),
                 std::vector<std::string>{
                     "components[0].x: must be a number between -1000000 and 1000000, got 30000000"});
    }

    void onlyRegularFilesAreRead() {
        QTemporaryDir dir;
        QCOMPARE(readInputFile(dir.path().toStdString()).error, "cannot read " + dir.path().toStdString() + ": is a directory");
        QCOMPARE(errorLines(loadDesignFile(dir.path().toStdString())),
                 std::vector<std::string>{"cannot read " + dir.path().toStdString() + ": is a directory"});
        QCOMPARE(readInputFile("/dev/zero").error, std::string("cannot read /dev/zero: is a character device, not a regular file"));
        const std::string fifo = dir.filePath("pipe").toStdString();
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(readInputFile(fifo).error, "cannot read " + fifo + ": is a pipe (FIFO), not a regular file");
        QVERIFY(timer.elapsed() < 1000); // no writer, and yet no wait
    }

    void readingIsCapped() {
        QTemporaryDir dir;
        const QString path = dir.filePath("big.napkin");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(2048, ' '));
        file.close();
        QCOMPARE(readInputFile(path.toStdString(), 1024).error,
                 "cannot read " + path.toStdString() + ": larger than 1024 bytes, the most Napkin reads from one file");
        QCOMPARE(readInputFile(path.toStdString(), 2048).text->size(), std::size_t{2048});
        QCOMPARE(maxInputBytes, std::size_t{64} << 20);
    }

    void writesFollowSymbolicLinksAndKeepTheMode() {
        QTemporaryDir dir;
        const std::string target = dir.filePath("target.napkin").toStdString();
        const std::string link = dir.filePath("link.napkin").toStdString();
        QVERIFY(writeFileAtomically(target, "old").ok);
        QCOMPARE(::chmod(target.c_str(), 0600), 0);
        QCOMPARE(::symlink("target.napkin", link.c_str()), 0);
        QVERIFY(writeFileAtomically(link, "new").ok);
        struct stat info {};
        QCOMPARE(::lstat(link.c_str(), &info), 0);
        QVERIFY(S_ISLNK(info.st_mode)); // still a link
        QCOMPARE(readAll(QString::fromStdString(target)), QByteArray("new"));
        QCOMPARE(::stat(target.c_str(), &info), 0);
        QCOMPARE(info.st_mode & 07777, mode_t{0600});
        // A dangling link: its target is created.
        const std::string dangling = dir.filePath("dangling").toStdString();
        QCOMPARE(::symlink("made.napkin", dangling.c_str()), 0);
        QVERIFY(writeFileAtomically(dangling, "made").ok);
        QCOMPARE(readAll(dir.filePath("made.napkin")), QByteArray("made"));
    }

    void specialFilesAreWrittenInPlaceOrRefused() {
        QVERIFY(writeFileAtomically("/dev/null", "gone").ok);
        struct stat info {};
        QCOMPARE(::stat("/dev/null", &info), 0);
        QVERIFY(S_ISCHR(info.st_mode));
        QCOMPARE(writeFileAtomically("/dev/full", "x").error, std::string("cannot write /dev/full: No space left on device"));
        QTemporaryDir dir;
        QCOMPARE(writeFileAtomically(dir.path().toStdString(), "x").error,
                 "cannot write " + dir.path().toStdString() + ": is a directory");
        const std::string fifo = dir.filePath("pipe").toStdString();
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        QCOMPARE(writeFileAtomically(fifo, "x").error, "cannot write " + fifo + ": no program is reading the pipe");
        QCOMPARE(::stat(fifo.c_str(), &info), 0);
        QVERIFY(S_ISFIFO(info.st_mode));
    }

    void sameFileSeesThroughLinks() {
        QTemporaryDir dir;
        const std::string a = dir.filePath("a").toStdString();
        QVERIFY(writeFileAtomically(a, "a").ok);
        QCOMPARE(::symlink(a.c_str(), dir.filePath("b").toStdString().c_str()), 0);
        QVERIFY(isSameFile(a, dir.filePath("b").toStdString()));
        QVERIFY(isSameFile(a, dir.filePath("./a").toStdString()));
        QVERIFY(!isSameFile(a, dir.filePath("c").toStdString()));
    }
};

QTEST_APPLESS_MAIN(TestHostileInput)
#include "tst_hostile_input.moc"
