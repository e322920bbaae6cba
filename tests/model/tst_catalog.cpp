// The shipped catalog: complete against the study outline, every property usable, every kind drawable.
#include "model/catalog.h"
#include "model/text_rules.h"

#include <QFileInfo>
#include <QTest>

using namespace napkin;

class TestCatalog : public QObject {
    Q_OBJECT
private slots:
    // Drop-downs show words: every choice of the catalog reads as words, never as an identifier.
    void choicesReadAsWords_data() {
        QTest::addColumn<QString>("identifier");
        QTest::addColumn<QString>("words");
        QTest::newRow("replication") << "single_leader" << "Single leader";
        QTest::newRow("isolation") << "read_committed" << "Read committed";
        QTest::newRow("delivery") << "at_least_once" << "At least once";
        QTest::newRow("acronym inside") << "api_key" << "API key";
        QTest::newRow("acronym alone") << "lru" << "LRU";
        QTest::newRow("brand case") << "ios" << "iOS";
        QTest::newRow("version") << "http1_1" << "HTTP/1.1";
        QTest::newRow("one word") << "none" << "None";
        QTest::newRow("digits") << "0" << "0";
    }
    void choicesReadAsWords() {
        QFETCH(QString, identifier);
        QFETCH(QString, words);
        QCOMPARE(QString::fromStdString(identifierWords(identifier.toStdString())), words);
    }
    void everyCatalogChoiceHasWords() {
        for (const KindSpec& kind : Catalog::builtin().kinds())
            for (const PropertySpec& spec : kind.properties)
                for (const std::string& choice : spec.choices) {
                    const std::string words = identifierWords(choice);
                    QVERIFY2(words.find('_') == std::string::npos && !words.empty(), choice.c_str());
                    QVERIFY2(!(words.front() >= 'a' && words.front() <= 'z') || words.rfind("iOS", 0) == 0 ||
                                 words.rfind("mTLS", 0) == 0,
                             choice.c_str());
                }
    }
    void coversTheOutlinesComponents_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("role");
        const std::pair<const char*, const char*> expected[] = {
            {"web_client", "client"},         {"mobile_client", "client"},
            {"dns", "dns"},                   {"cdn", "cdn"},
            {"load_balancer", "balancer"},    {"api_gateway", "gateway"},
            {"service", "service"},           {"serverless_function", "serverless"},
            {"realtime_gateway", "realtime"}, {"cache", "cache"},
            {"relational_db", "database"},    {"kv_store", "database"},
            {"document_db", "database"},      {"timeseries_db", "database"},
            {"graph_db", "database"},         {"object_storage", "object_store"},
            {"search_cluster", "search"},     {"message_queue", "queue"},
            {"stream_processor", "stream_processor"}, {"coordination", "coordination"},
            {"cdc", "cdc"},                   {"monitoring", "monitoring"},
            {"sidecar_proxy", "sidecar"},     {"rate_limiter", "rate_limiter"},
            {"batch_job", "batch"},
        };
        for (const auto& [kind, role] : expected)
            QTest::newRow(kind) << kind << role;
    }

    void coversTheOutlinesComponents() {
        QFETCH(QString, kind);
        QFETCH(QString, role);
        const KindSpec* spec = Catalog::builtin().kind(kind.toStdString());
        QVERIFY(spec);
        QCOMPARE(QString::fromStdString(spec->role), role);
    }

    void everyKindIsComplete_data() {
        QTest::addColumn<QString>("kind");
        for (const KindSpec& spec : Catalog::builtin().kinds())
            QTest::newRow(spec.id.c_str()) << QString::fromStdString(spec.id);
    }

    void everyKindIsComplete() {
        QFETCH(QString, kind);
        const Catalog& catalog = Catalog::builtin();
        const KindSpec& spec = *catalog.kind(kind.toStdString());
        QVERIFY(!spec.name.empty());
        QVERIFY(!spec.description.empty());
        QVERIFY(QFileInfo::exists(QString(NAPKIN_RESOURCES_DIR "/icons/") + QString::fromStdString(spec.icon)));
        QVERIFY(spec.talkingPoints.size() >= 3);
        bool categoryKnown = false;
        for (const Category& category : catalog.categories())
            categoryKnown = categoryKnown || category.id == spec.category;
        QVERIFY(categoryKnown);
        for (const PropertySpec& property : spec.properties) {
            QVERIFY2(!property.help.empty(), property.key.c_str());
            QVERIFY2(property.check(property.defaultValue).empty(), property.key.c_str());
            QCOMPARE(spec.property(property.key), &property);
        }
    }

    void checksValuesWithPlainReasons_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("ok") << "cache" << "replicas" << "3" << "";
        QTest::newRow("below min") << "cache" << "replicas" << "-2" << "must be a whole number ≥ 1, got -2";
        QTest::newRow("not whole") << "cache" << "replicas" << "1.5" << "must be a whole number, got 1.5";
        QTest::newRow("above max") << "cache" << "hit_ratio" << "2" << "must be a number ≤ 1, got 2";
        QTest::newRow("enum") << "cache" << "eviction" << "\"random\""
                              << "must be one of lru, lfu, ttl, none, got \"random\"";
        QTest::newRow("bool") << "cache" << "persistence" << "1" << "must be true or false, got 1";
        QTest::newRow("string") << "kv_store" << "partition_key" << "7" << "must be a string, got 7";
    }

    void checksValuesWithPlainReasons() {
        QFETCH(QString, kind);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, reason);
        const PropertySpec* spec = Catalog::builtin().kind(kind.toStdString())->property(key.toStdString());
        QVERIFY(spec);
        QCOMPARE(QString::fromStdString(spec->check(Json::parse(value.toStdString()))), reason);
    }

    // Lengths are in characters, as the labels' are: 200 two-byte letters fit, 201 do not.
    void stringLengthsCountCharactersNotBytes() {
        const PropertySpec* spec = Catalog::builtin().kind("kv_store")->property("partition_key");
        QVERIFY(spec);
        std::string letters;
        for (int i = 0; i < 200; ++i)
            letters += "é";
        QCOMPARE(spec->check(Json(letters)), std::string());
        QCOMPARE(spec->check(Json(letters + "é")), std::string("must be at most 200 characters, got 201"));
        const PropertySpec* operations = Catalog::builtin().linkProperty("operations");
        QCOMPARE(operations->check(Json::array({letters})), std::string());
    }

    void linkPropertiesExist() {
        const Catalog& catalog = Catalog::builtin();
        for (const char* key : {"weight", "calls_per_request", "latency_ms", "operations", "fallback", "failover_availability"})
            QVERIFY(catalog.linkProperty(key));
        QCOMPARE(catalog.linkProperty("operations")->check(Json::array({"a", 1})),
                 std::string("must be a list of strings of at most 200 characters, got 1"));
        QCOMPARE(catalog.linkProperty("fallback")->check(Json(true)), std::string());
        QVERIFY(!catalog.linkProperty("fallback")->check(Json(1)).empty());
    }

    void rejectsBrokenCatalogs_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        const QString head = R"({"format": "napkin-catalog", "version": 1, "categories": [{"id": "c", "name": "C"}], "kinds": [)";
        QTest::newRow("not json") << "{" << "catalog: invalid JSON";
        QTest::newRow("not a catalog") << R"({"format": "x"})" << "catalog: format: not a napkin catalog";
        QTest::newRow("unknown category")
            << head + R"({"id": "k", "name": "K", "category": "z", "role": "service", "icon": "k.svg", "properties": []}]})"
            << R"(catalog: kinds[0].category: unknown category "z")";
        QTest::newRow("default out of range")
            << head + R"({"id": "k", "name": "K", "category": "c", "role": "service", "icon": "k.svg", "properties": [{"key": "replicas", "name": "R", "type": "int", "min": 1, "max": 5, "default": 9, "help": "h"}]}]})"
            << "catalog: kinds[0].properties[0].default: must be a whole number ≤ 5, got 9";
        QTest::newRow("no help")
            << head + R"({"id": "k", "name": "K", "category": "c", "role": "service", "icon": "k.svg", "properties": [{"key": "x", "name": "X", "type": "bool", "default": true, "help": ""}]}]})"
            << "catalog: kinds[0].properties[0].help: must not be empty";
        QTest::newRow("duplicate kind")
            << head + R"({"id": "k", "name": "K", "category": "c", "role": "r", "icon": "k.svg", "properties": []}, {"id": "k", "name": "K", "category": "c", "role": "r", "icon": "k.svg", "properties": []}]})"
            << R"(catalog: kinds[1].id: duplicate kind "k")";
    }

    void rejectsBrokenCatalogs() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        try {
            Catalog::fromJson(text.toStdString());
            QFAIL("a broken catalog was accepted");
        } catch (const CatalogError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(error), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
