#include "estimators/summary.h"
#include "model/napkin_file.h"

#include <QTest>

using namespace napkin;

class TestSummary : public QObject {
    Q_OBJECT
private slots:
    void countsTheTinyUrlExample() {
        const LoadResult result = loadDesignFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");
        QVERIFY(result.ok());
        const DesignSummary summary = summarize(*result.design);
        QCOMPARE(summary.title, std::string("Tiny URL"));
        QCOMPARE(summary.components, std::size_t(10));
        QCOMPARE(summary.links, std::size_t(8));
        QCOMPARE(summary.zones, std::size_t(3));
        QCOMPARE(summary.componentsByKind.at("service"), std::size_t(2));
        QCOMPARE(summary.linksByProtocol.at("tcp"), std::size_t(4));
        QCOMPARE(summary.zonesByKind.at("availability_zone"), std::size_t(2));
        const Json json = toJson(summary);
        QCOMPARE(json["components_by_kind"]["kv_store"].get<int>(), 1);
        const std::string text = toText(summary, Catalog::builtin());
        QVERIFY(text.find("2 × Service") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestSummary)
#include "tst_summary.moc"
