// The real content in resources/concepts and resources/tradeoffs, tested like code: every file parses with
// every section, every link resolves, every catalog kind and property and every finding rule the analyzers
// can emit has an entry, there are at least 30 cards, and search finds products by their names.
#include "estimators/concepts/concept_library.h"
#include "estimators/lint.h"
#include "model/catalog.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace napkin;

namespace {

const ConceptLibrary& content() {
    static const ConceptLibrary library = ConceptLibrary::fromDirectory(NAPKIN_RESOURCES_DIR);
    return library;
}

QString listed(const std::vector<std::string>& items) {
    QStringList out;
    for (const std::string& item : items)
        out << QString::fromStdString(item);
    return out.join("\n");
}

// The rule ids the analyzers emit, read from their code: the lint registry, and every rule-id literal
// ("capacity.over", "spof.zone", …) in estimators/*.cpp, where the analyzers create their findings.
std::set<std::string> emittedRuleIds() {
    std::set<std::string> ids;
    for (const LintRule& rule : lintRules())
        ids.insert(std::string(rule.id));
    const QDir sources(QStringLiteral(NAPKIN_RESOURCES_DIR "/../estimators"));
    const QRegularExpression literal(R"re("((?:capacity|spof|failure|lint|bottleneck)\.[a-z][a-z-]*)")re");
    for (const QString& name : sources.entryList({"*.cpp"}, QDir::Files)) {
        QFile file(sources.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        const QString text = QString::fromUtf8(file.readAll());
        for (auto match = literal.globalMatch(text); match.hasNext();)
            ids.insert(match.next().captured(1).toStdString());
    }
    return ids;
}

template <typename Covered>
std::vector<std::string> uncovered(const std::vector<std::string>& wanted, Covered covered) {
    std::vector<std::string> missing;
    for (const std::string& item : wanted)
        if (!covered(item))
            missing.push_back(item);
    return missing;
}

} // namespace

class TestConceptContent : public QObject {
    Q_OBJECT
  private slots:
    void everyFileParsesWithEverySection() {
        std::vector<std::string> errors;
        for (const ConceptError& error : content().errors())
            errors.push_back(error.toString());
        QVERIFY2(errors.empty(), qPrintable(listed(errors)));
        QVERIFY(!content().entries().empty());
    }

    void theBinaryCarriesTheSameContent() {
        QCOMPARE(ConceptLibrary::builtin().entries().size(), content().entries().size());
        QCOMPARE(ConceptLibrary::builtin().cards().size(), content().cards().size());
        QVERIFY(ConceptLibrary::builtin().errors().empty());
    }

    void theRuleScanFindsTheAnalyzers() {
        const std::set<std::string> ids = emittedRuleIds();
        for (const char* id :
             {"capacity.over", "spof.component", "spof.zone", "failure.overload", "lint.shard-skew"})
            QVERIFY2(ids.contains(id), id);
    }

    void everyLinkResolves() {
        std::vector<std::string> errors;
        for (const ConceptError& error : content().brokenLinks(Catalog::builtin(), emittedRuleIds()))
            errors.push_back(error.toString());
        QVERIFY2(errors.empty(), qPrintable(listed(errors)));
    }

    void everyCatalogKindHasAnEntry() {
        std::vector<std::string> kinds;
        for (const KindSpec& kind : Catalog::builtin().kinds())
            kinds.push_back(kind.id);
        const auto missing =
            uncovered(kinds, [](const std::string& k) { return !content().entriesForKind(k).empty(); });
        QVERIFY2(missing.empty(), qPrintable("kinds with no entry:\n" + listed(missing)));
    }

    void everyCatalogPropertyHasAnEntry() {
        std::set<std::string> keys;
        for (const KindSpec& kind : Catalog::builtin().kinds())
            for (const PropertySpec& property : kind.properties)
                keys.insert(property.key);
        for (const PropertySpec& property : Catalog::builtin().linkProperties())
            keys.insert(property.key);
        const auto missing = uncovered({keys.begin(), keys.end()}, [](const std::string& k) {
            return !content().entriesForProperty(k).empty();
        });
        QVERIFY2(missing.empty(), qPrintable("properties with no entry:\n" + listed(missing)));
    }

    void everyFindingRuleHasAnEntry() {
        const std::set<std::string> ids = emittedRuleIds();
        const auto missing = uncovered({ids.begin(), ids.end()}, [](const std::string& r) {
            return !content().entriesForFinding(r).empty();
        });
        QVERIFY2(missing.empty(), qPrintable("finding rules with no entry:\n" + listed(missing)));
    }

    void thereAreAtLeastThirtyCards() {
        QVERIFY2(content().cards().size() >= 30,
                 qPrintable(QString::number(content().cards().size()) + " cards"));
    }

    void searchFindsProductsByName_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("kind");
        QTest::newRow("Kafka → message log") << "Kafka"
                                             << "message_queue";
        QTest::newRow("Redis → cache") << "Redis"
                                       << "cache";
    }

    void searchFindsProductsByName() {
        QFETCH(QString, query);
        QFETCH(QString, kind);
        const std::vector<ReferenceHit> hits = content().search(query.toStdString());
        QVERIFY2(!hits.empty(), qPrintable(query));
        QCOMPARE(hits.front().type, ReferenceHit::Type::Entry);
        const ConceptEntry* top = content().entry(hits.front().slug);
        QVERIFY(top);
        QVERIFY2(std::find(top->kinds.begin(), top->kinds.end(), kind.toStdString()) != top->kinds.end(),
                 qPrintable(QString::fromStdString(top->slug)));
    }
};

QTEST_GUILESS_MAIN(TestConceptContent)
#include "tst_concept_content.moc"
