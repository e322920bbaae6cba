// The estimate text of every bundled example and problem reference reads one way only: no count written
// with the letter of a unit ("365 B × 100 B": billion or bytes?) and no "1 years" or "1 copies".
#include "estimators/analysis.h"
#include "estimators/practice/problem_library.h"
#include "model/napkin_file.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace napkin;

namespace {

// A count next to bytes, either way round: "30 B × 500 B", "1.67 B/day × 500 B", "500 B × 30 B".
const QRegularExpression
    countBesideBytes(R"(\d B(/\w+)? × [\d.]+ [KMGTPE]?i?B\b|\d [KMGTPE]?i?B × [\d.]+ B\b)");
// "1 years", "1 copies", "1 hours", "1 records": a plural after exactly one (not 0.1 or 21).
const QRegularExpression pluralAfterOne(R"((^|[^\d.])1 (years|copies|hours|records|users|days|months)\b)");

QString estimateText(const std::string& napkin) {
    const LoadResult loaded = loadDesign(napkin);
    if (!loaded.ok())
        return {};
    return QString::fromStdString(analysisToText(analyze(*loaded.design)));
}

} // namespace

class TestExamplesWording : public QObject {
    Q_OBJECT
  private slots:
    void readsOneWayOnly_data() {
        QTest::addColumn<QString>("text");
        const QDir examples(NAPKIN_RESOURCES_DIR "/examples");
        for (const QString& name : examples.entryList({"*.napkin"}, QDir::Files, QDir::Name)) {
            QFile file(examples.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QTest::newRow(qPrintable("example " + name)) << estimateText(file.readAll().toStdString());
        }
        for (const ProblemSource& source : builtinProblemSources())
            QTest::newRow(("reference " + source.slug).c_str()) << estimateText(source.referenceNapkin);
    }

    void readsOneWayOnly() {
        QFETCH(QString, text);
        QVERIFY2(!text.isEmpty(), "the design loads and has an estimate");
        QVERIFY(text.contains(" /s"));
        const QRegularExpressionMatch mixed = countBesideBytes.match(text);
        QVERIFY2(!mixed.hasMatch(), qPrintable("a count reads like bytes: " + mixed.captured(0)));
        const QRegularExpressionMatch plural = pluralAfterOne.match(text);
        QVERIFY2(!plural.hasMatch(), qPrintable("plural after one: " + plural.captured(0)));
    }

    // The scan itself catches what it is for.
    void theScanCatchesTheOldWording() {
        QVERIFY(countBesideBytes.match("shorten URL storage: 30 B × 500 B = 15 TB").hasMatch());
        QVERIFY(countBesideBytes.match("redirect cache: 0.2 × 1.67 B/day × 500 B = 167 GB").hasMatch());
        QVERIFY(!countBesideBytes.match("shorten URL storage: 30 bn records × 500 B = 15 TB").hasMatch());
        QVERIFY(!countBesideBytes.match("upload ingress: 11.6 /s × 500 B = 5.79 KB/s").hasMatch());
        QVERIFY(pluralAfterOne.match("post records over 1 years: 365 M").hasMatch());
        QVERIFY(pluralAfterOne.match("15 TB × 1 copies").hasMatch());
        QVERIFY(!pluralAfterOne.match("records over 0.1 years, 21 copies, 1 year, 1 copy").hasMatch());
    }
};

QTEST_APPLESS_MAIN(TestExamplesWording)
#include "tst_examples_wording.moc"
