// The concept reference's code on small fixtures (tests/data/concepts): the parser and its errors with file
// and line, the library's links and search, and each trade-off signal against a design built here.
#include "estimators/concepts/concept_library.h"
#include "estimators/concepts/tradeoff_signals.h"
#include "model/catalog.h"
#include "model/design.h"

#include <QTest>

using namespace napkin;

namespace {

const std::string fixtureRoot = NAPKIN_TEST_DATA_DIR "/concepts/library";

const ConceptLibrary& fixtures() {
    static const ConceptLibrary library = ConceptLibrary::fromDirectory(fixtureRoot);
    return library;
}

const char* const goodEntry = "# Title\n"
                              "related: other\n"
                              "\n"
                              "## What it is\nA.\n\n## Trade-offs\nB.\n\n## Numbers that matter\nC.\n\n"
                              "## When interviewers expect it\nD.\n\n## Sources\nE.\n";

const char* const goodCard = "# A vs B\n"
                             "options: A | B\n"
                             "signals: kind:cache\n"
                             "\n"
                             "## A\n**Buys:** x\n**Costs:** y\n\n## B\n**Buys:** x\n**Costs:** y\n\n"
                             "## When to choose which\nW.\n\n## Signs in a design\nS.\n";

std::string replaced(std::string text, std::string_view from, std::string_view to) {
    const std::size_t at = text.find(from);
    Q_ASSERT(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

QStringList errorTexts(const std::vector<ConceptError>& errors) {
    QStringList out;
    for (const ConceptError& error : errors)
        out << QString::fromStdString(error.toString());
    return out;
}

QStringList qstrings(const std::vector<std::string>& texts) {
    QStringList out;
    for (const std::string& text : texts)
        out << QString::fromStdString(text);
    return out;
}

Component component(std::string id, std::string kind, std::string label, Properties props = {}) {
    Component c;
    c.id = std::move(id);
    c.kind = std::move(kind);
    c.label = std::move(label);
    c.props = std::move(props);
    return c;
}

Link link(std::string id, std::string from, std::string to, Protocol protocol = Protocol::Http) {
    Link l;
    l.id = std::move(id);
    l.from = std::move(from);
    l.to = std::move(to);
    l.protocol = protocol;
    return l;
}

Operation operation(std::string name, OperationType type, double perSecond, double fanout = 1) {
    Operation op;
    op.name = std::move(name);
    op.type = type;
    op.rate = perSecond;
    op.per = RatePer::Second;
    op.fanout = fanout;
    return op;
}

std::string matchReason(std::string_view signalText, const Design& design) {
    const auto signal = parseTradeoffSignal(signalText);
    if (!signal)
        return "(not a signal)";
    const auto match = matchSignal(*signal, design, Catalog::builtin());
    return match ? match->reason : "(no match)";
}

} // namespace

class TestConcepts : public QObject {
    Q_OBJECT
  private slots:
    void parsesAnEntryWithEveryPart() {
        const ConceptEntry* entry = fixtures().entry("caching");
        QVERIFY(entry);
        QCOMPARE(entry->title, std::string("Caching"));
        QCOMPARE(entry->path, fixtureRoot + "/concepts/caching.md");
        QCOMPARE(qstrings(entry->aliases), (QStringList{"Redis", "Memcached", "cache-aside"}));
        QCOMPARE(qstrings(entry->kinds), (QStringList{"cache", "cdn"}));
        QCOMPARE(qstrings(entry->findings), (QStringList{"lint.cache-without-store"}));
        QCOMPARE(qstrings(entry->properties), (QStringList{"hit_ratio", "write_policy"}));
        QCOMPARE(qstrings(entry->related), (QStringList{"message-log", "quorums"}));
        QCOMPARE(entry->sections.size(), std::size_t(5));
        QCOMPARE(entry->sections[0].heading, std::string("What it is"));
        QCOMPARE(entry->sections[0].line, 8);
        // A "## " inside a code fence is text, not a section.
        QCOMPARE(entry->sections[0].body,
                 std::string("Keeping hot data close, so that most reads never reach the "
                             "store.\n\n```text\n## not a heading: inside a fence\n```"));
        QCOMPARE(entry->section("Sources")->body, std::string("- Fixture text, no source."));
        QCOMPARE(entry->headerLines.at("related"), 6);
        QVERIFY(fixtures().errors().empty());
    }

    void parsesACardWithOptionsAndSignals() {
        const TradeoffCard* card = fixtures().card("push-vs-pull-fanout");
        QVERIFY(card);
        QCOMPARE(card->title, std::string("Push vs pull fan-out"));
        QCOMPARE(card->options.size(), std::size_t(3));
        QCOMPARE(card->options[2].name, std::string("Hybrid"));
        QCOMPARE(card->options[2].buys, std::string("both, for most users."));
        QCOMPARE(card->options[2].costs, std::string("two code paths."));
        QCOMPARE(card->signalList.size(), std::size_t(2));
        QCOMPARE(card->signalList[0].type, TradeoffSignal::Type::WriteFanout);
        QCOMPARE(card->signalList[1].type, TradeoffSignal::Type::Protocol);
        QCOMPARE(card->signalList[1].subject, std::string("websocket"));
        QCOMPARE(qstrings(card->related), (QStringList{"message-log"}));
        QCOMPARE(card->section("When to choose which")->body,
                 std::string("Push for ordinary users, pull for celebrities."));
    }

    void parsesSignals_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("object");
        using T = TradeoffSignal::Type;
        QTest::newRow("kind") << "kind:cache" << int(T::Kind) << "cache"
                              << "";
        QTest::newRow("role") << "role:queue" << int(T::Role) << "queue"
                              << "";
        QTest::newRow("link") << "link:service->cache" << int(T::Link) << "service"
                              << "cache";
        QTest::newRow("protocol") << "protocol:websocket" << int(T::Protocol) << "websocket"
                                  << "";
        QTest::newRow("prop") << "prop:replication=multi_leader" << int(T::Property) << "replication"
                              << "multi_leader";
        QTest::newRow("fan-out") << "op:write-fanout" << int(T::WriteFanout) << ""
                                 << "";
        QTest::newRow("read-heavy") << "op:read-heavy" << int(T::ReadHeavy) << ""
                                    << "";
    }

    void parsesSignals() {
        QFETCH(QString, text);
        QFETCH(int, type);
        QFETCH(QString, subject);
        QFETCH(QString, object);
        const auto signal = parseTradeoffSignal(text.toStdString());
        QVERIFY(signal);
        QCOMPARE(int(signal->type), type);
        QCOMPARE(QString::fromStdString(signal->subject), subject);
        QCOMPARE(QString::fromStdString(signal->object), object);
    }

    void refusesMalformedSignals() {
        for (const char* text :
             {"cache", "kind:", "link:service", "link:->cache", "prop:replication", "op:fast", "zone:region"})
            QVERIFY2(!parseTradeoffSignal(text), text);
    }

    void reportsEntryErrorsWithFileAndLine_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const QString p = "c/x.md";
        QTest::newRow("no title") << QString("related: other\n")
                                  << QStringList{p + ":1: must start with the title, a line “# Title”"};
        QTest::newRow("empty file") << QString("\n\n")
                                    << QStringList{p + ": must start with the title, a line “# Title”"};
        QTest::newRow("unknown header") << QString::fromStdString(replaced(goodEntry, "related: other\n",
                                                                           "related: other\nsynonyms: a\n"))
                                        << QStringList{p + ":3: unknown header line “synonyms”; expected "
                                                           "aliases, kinds, findings, properties or related"};
        QTest::newRow("header twice")
            << QString::fromStdString(
                   replaced(goodEntry, "related: other\n", "related: other\nrelated: more\n"))
            << QStringList{p + ":3: “related” is given twice; the first is on line 2"};
        QTest::newRow("empty header")
            << QString::fromStdString(
                   replaced(goodEntry, "related: other\n", "related: other\naliases: , \n"))
            << QStringList{p + ":3: “aliases” is empty; leave the line out instead"};
        QTest::newRow("no related")
            << QString::fromStdString(replaced(goodEntry, "related: other\n", "aliases: a\n"))
            << QStringList{p + ":1: no “related:” line; an entry names at least one related entry"};
        QTest::newRow("missing section")
            << QString::fromStdString(replaced(goodEntry, "## Numbers that matter\nC.\n\n", ""))
            << QStringList{p + ": missing section “Numbers that matter”"};
        QTest::newRow("unknown section")
            << QString::fromStdString(replaced(goodEntry, "## Trade-offs\n", "## Tradeoffs\n"))
            << QStringList{p + ":7: unknown section “Tradeoffs”; an entry has “What it is”, “Trade-offs”, "
                               "“Numbers that "
                               "matter”, “When interviewers expect it” and “Sources”",
                           p + ": missing section “Trade-offs”"};
        QTest::newRow("out of order")
            << QString::fromStdString(replaced(replaced(goodEntry, "## What it is\nA.\n\n", ""),
                                               "## Sources\nE.\n", "## Sources\nE.\n\n## What it is\nA.\n"))
            << QStringList{p + ":16: section “What it is” must come before “Sources”"};
        QTest::newRow("empty section")
            << QString::fromStdString(replaced(goodEntry, "## Trade-offs\nB.\n", "## Trade-offs\n"))
            << QStringList{p + ":7: section “Trade-offs” is empty"};
        QTest::newRow("text before sections")
            << QString::fromStdString(replaced(goodEntry, "\n## What it is", "\nStray text.\n## What it is"))
            << QStringList{p + ":4: text before the first section; start one with “## ”"};
        QTest::newRow("second title") << QString::fromStdString(replaced(goodEntry, "E.\n", "E.\n# Again\n"))
                                      << QStringList{p + ":18: a second title; sections start with “## ”"};
        QTest::newRow("header without colon")
            << QString::fromStdString(
                   replaced(goodEntry, "related: other\n", "related: other\nA paragraph\n"))
            << QStringList{
                   p + ":3: expected a header line “key: a, b” or a blank line before the first section, got "
                       "“A paragraph”"};
    }

    void reportsEntryErrorsWithFileAndLine() {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        std::vector<ConceptError> errors;
        const auto entry = parseConceptEntry("c/x.md", text.toStdString(), errors);
        QVERIFY(!entry);
        QCOMPARE(errorTexts(errors), expected);
    }

    void acceptsTheMinimalEntryAndCard() {
        std::vector<ConceptError> errors;
        QVERIFY(parseConceptEntry("c/x.md", goodEntry, errors));
        QVERIFY(parseTradeoffCard("t/a-vs-b.md", goodCard, errors));
        QVERIFY(errors.empty());
    }

    void refusesFileNamesThatAreNotSlugs() {
        std::vector<ConceptError> errors;
        QVERIFY(!parseConceptEntry("c/Caching Strategies.md", goodEntry, errors));
        QCOMPARE(errorTexts(errors),
                 QStringList{
                     "c/Caching Strategies.md: the file name must be a slug (lower case, digits "
                     "and “-”) ending in .md"});
    }

    void reportsCardErrorsWithFileAndLine_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const QString p = "t/a-vs-b.md";
        QTest::newRow("unknown option section")
            << QString::fromStdString(replaced(goodCard, "## B\n", "## C\n"))
            << QStringList{
                   p + ":9: unknown section “C”; a card has one section per option (“A” and “B”), then “When "
                       "to choose which” and “Signs in a design”",
                   p + ": missing section “B”"};
        QTest::newRow("one option")
            << QString::fromStdString(replaced(goodCard, "options: A | B", "options: A"))
            << QStringList{p + ":2: a card has two or three options, got 1",
                           p + ":9: unknown section “B”; a card has one section per option "
                               "(“A”), then “When to choose which” and “Signs in a design”"};
        QTest::newRow("no options")
            << QString::fromStdString(replaced(goodCard, "options: A | B\n", ""))
            << QStringList{p + ":1: no “options:” line; a card names two or three options, "
                               "separated by “|”",
                           p + ":4: unknown section “A”; a card has one section per option (), "
                               "then “When to choose which” and “Signs in a design”",
                           p + ":8: unknown section “B”; a card has one section per option (), "
                               "then “When to choose which” and “Signs in a design”"};
        QTest::newRow("bad signal")
            << QString::fromStdString(replaced(goodCard, "signals: kind:cache", "signals: kind:cache, cache"))
            << QStringList{
                   p +
                   ":3: unknown signal “cache”; expected kind:K, role:R, link:A->B, protocol:P, prop:K=V, "
                   "op:write-fanout or op:read-heavy"};
        QTest::newRow("no signals") << QString::fromStdString(replaced(goodCard, "signals: kind:cache\n", ""))
                                    << QStringList{
                                           p + ":1: no “signals:” line; a card names the signs that make it "
                                               "relevant"};
        QTest::newRow("no costs") << QString::fromStdString(
                                         replaced(goodCard, "**Costs:** y\n\n## B", "\n## B"))
                                  << QStringList{p + ":5: option “A” has no “**Costs:** …” line"};
        QTest::newRow("missing closing section")
            << QString::fromStdString(replaced(goodCard, "## Signs in a design\nS.\n", ""))
            << QStringList{p + ": missing section “Signs in a design”"};
    }

    void reportsCardErrorsWithFileAndLine() {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        std::vector<ConceptError> errors;
        QVERIFY(!parseTradeoffCard("t/a-vs-b.md", text.toStdString(), errors));
        QCOMPARE(errorTexts(errors), expected);
    }

    void keepsGoodFilesWhenOthersAreBroken() {
        const ConceptLibrary library = ConceptLibrary::fromSources(
            {{"c/good.md", goodEntry}, {"c/bad.md", "no title"}}, {{"t/a-vs-b.md", goodCard}});
        QCOMPARE(library.entries().size(), std::size_t(1));
        QCOMPARE(library.entries()[0].slug, std::string("good"));
        QCOMPARE(library.cards().size(), std::size_t(1));
        QCOMPARE(errorTexts(library.errors()),
                 QStringList{"c/bad.md:1: must start with the title, a line “# Title”"});
    }

    void findsEntriesByAliasTitleAndText_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("slugs");
        QTest::newRow("Kafka → message log") << "Kafka" << QStringList{"message-log"};
        QTest::newRow("lower case alias") << "redis" << QStringList{"caching"};
        QTest::newRow("title beats text") << "caching" << QStringList{"caching", "quorums"};
        QTest::newRow("alias phrase") << "R + W > N" << QStringList{"quorums"};
        QTest::newRow("word prefix") << "quor" << QStringList{"quorums"};
        QTest::newRow("one letter matches whole words") << "r" << QStringList{"quorums"};
        QTest::newRow("every word must match") << "redis fan-out" << QStringList{};
        QTest::newRow("card by title") << "write-through" << QStringList{"cache-aside-vs-write-through"};
        QTest::newRow("property key") << "read_quorum" << QStringList{"quorums"};
        QTest::newRow("nothing") << "   " << QStringList{};
    }

    void findsEntriesByAliasTitleAndText() {
        QFETCH(QString, query);
        QFETCH(QStringList, slugs);
        QStringList actual;
        for (const ReferenceHit& hit : fixtures().search(query.toStdString()))
            actual << QString::fromStdString(hit.slug);
        QCOMPARE(actual, slugs);
    }

    void saysWhatMatched() {
        const std::vector<ReferenceHit> hits = fixtures().search("Kafka");
        QCOMPARE(hits.size(), std::size_t(1));
        QCOMPARE(hits[0].title, std::string("Message log"));
        QCOMPARE(hits[0].why, std::string("alias “Kafka”"));
        QCOMPARE(hits[0].type, ReferenceHit::Type::Entry);
    }

    void linksKindsFindingsAndProperties() {
        auto slugs = [](const std::vector<const ConceptEntry*>& entries) {
            QStringList out;
            for (const ConceptEntry* e : entries)
                out << QString::fromStdString(e->slug);
            return out;
        };
        // caching names "cache" first, quorums second: the entry about the kind comes first.
        QCOMPARE(slugs(fixtures().entriesForKind("cache")), (QStringList{"caching", "quorums"}));
        QCOMPARE(slugs(fixtures().entriesForKind("message_queue")), QStringList{"message-log"});
        QCOMPARE(slugs(fixtures().entriesForKind("dns")), QStringList{});
        QCOMPARE(slugs(fixtures().entriesForFinding("lint.impossible-quorum")), QStringList{"quorums"});
        QCOMPARE(slugs(fixtures().entriesForProperty("read_quorum")), QStringList{"quorums"});
        QCOMPARE(slugs(fixtures().entriesRelatedTo("caching")), (QStringList{"message-log", "quorums"}));
        QCOMPARE(fixtures().cardsRelatedTo("caching").size(), std::size_t(1));
    }

    void fixturesHaveNoBrokenLinks() {
        const std::set<std::string> rules{"lint.queue-without-consumer", "lint.cache-without-store",
                                          "lint.stale-reads", "lint.impossible-quorum"};
        QCOMPARE(errorTexts(fixtures().brokenLinks(Catalog::builtin(), rules)), QStringList{});
    }

    void reportsBrokenLinksWithFileAndLine() {
        const std::string entry = replaced(goodEntry, "related: other\n",
                                           "kinds: cache, warp_drive\nfindings: lint.nope\nproperties: "
                                           "read_quorum, flux\nrelated: x, other\n");
        const std::string card = replaced(replaced(goodCard, "signals: kind:cache",
                                                   "signals: kind:cache, role:teapot, link:service->nowhere, "
                                                   "protocol:smoke, prop:colour=red"),
                                          "\n\n## A", "\nrelated: missing\n\n## A");
        const ConceptLibrary library = ConceptLibrary::fromSources(
            {{"c/x.md", entry}, {"c/other.md", goodEntry}}, {{"t/a-vs-b.md", card}});
        QCOMPARE(errorTexts(library.errors()), QStringList{});
        QCOMPARE(
            errorTexts(library.brokenLinks(Catalog::builtin(), {"lint.shard-skew"})),
            (QStringList{
                "c/x.md:5: related: no other entry “x”", "c/x.md:2: kinds: no catalog kind “warp_drive”",
                "c/x.md:4: properties: no catalog property “flux”",
                "c/x.md:3: findings: no finding rule “lint.nope”",
                "c/other.md:2: related: no other entry “other”", "t/a-vs-b.md:4: related: no entry “missing”",
                "t/a-vs-b.md:3: signals: names a kind, role, protocol or property the catalog does not know: "
                "“role:teapot”",
                "t/a-vs-b.md:3: signals: names a kind, role, protocol or property the catalog does not know: "
                "“link:service->nowhere”",
                "t/a-vs-b.md:3: signals: names a kind, role, protocol or property the catalog does not know: "
                "“protocol:smoke”",
                "t/a-vs-b.md:3: signals: names a kind, role, protocol or property the catalog does not know: "
                "“prop:colour=red”"}));
    }

    void rendersAPageWithRelatedLinksAtTheBottom() {
        const std::string page = fixtures().entryMarkdown("quorums");
        QVERIFY(page.starts_with("# Quorums\n\n_Also known as: R + W > N_\n\n## What it is\n\n"));
        QVERIFY(page.ends_with("## Related\n\n- [Caching](concept:caching)\n"
                               "- [Trade-off: Single vs multi-leader](card:single-vs-multi-leader)\n"));
        const std::string card = fixtures().cardMarkdown("cache-aside-vs-write-through");
        QVERIFY(card.starts_with("# Cache-aside vs write-through\n\n## Cache-aside\n\n**Buys:**"));
        QVERIFY(card.ends_with("## Related\n\n- [Caching](concept:caching)\n"));
        QCOMPARE(fixtures().entryMarkdown("nope"), std::string());
    }

    void matchesEachSignal_data() {
        QTest::addColumn<QString>("signal");
        QTest::addColumn<QString>("reason");
        QTest::newRow("kind") << "kind:cache"
                              << "“URL Cache”: Cache";
        QTest::newRow("kind absent") << "kind:graph_db"
                                     << "(no match)";
        QTest::newRow("role") << "role:database"
                              << "“URL Store”: Relational Database, role database";
        QTest::newRow("link by kinds") << "link:service->cache"
                                       << "“URL Service” → “URL Cache”: service → cache";
        QTest::newRow("link by roles") << "link:balancer->service"
                                       << "“LB” → “URL Service”: balancer → service";
        QTest::newRow("link wrong way") << "link:cache->service"
                                        << "(no match)";
        QTest::newRow("protocol") << "protocol:websocket"
                                  << "“LB” → “Push”: WebSocket";
        QTest::newRow("protocol absent") << "protocol:cdc"
                                         << "(no match)";
        QTest::newRow("prop set") << "prop:replication=multi_leader"
                                  << "“URL Store”: replication = multi_leader";
        QTest::newRow("prop by default") << "prop:write_policy=write_around"
                                         << "“URL Cache”: write_policy = write_around";
        QTest::newRow("prop number") << "prop:replicas=3"
                                     << "“URL Service”: replicas = 3";
        QTest::newRow("prop other value") << "prop:write_policy=write_back"
                                          << "(no match)";
        QTest::newRow("write fan-out") << "op:write-fanout"
                                       << "the write “post” fans out to 50";
        QTest::newRow("read-heavy") << "op:read-heavy"
                                    << "reads outnumber writes 20 to 1 (200 /s against 10 /s)";
    }

    void matchesEachSignal() {
        QFETCH(QString, signal);
        QFETCH(QString, reason);
        Design design;
        design.appendComponent(component("lb", "load_balancer", "LB"));
        design.appendComponent(component("svc", "service", "URL Service", {{"replicas", 3}}));
        design.appendComponent(component("cache", "cache", "URL Cache"));
        design.appendComponent(
            component("db", "relational_db", "URL Store", {{"replication", "multi_leader"}}));
        design.appendComponent(component("push", "realtime_gateway", "Push"));
        design.appendLink(link("l1", "lb", "svc"));
        design.appendLink(link("l2", "svc", "cache"));
        design.appendLink(link("l3", "svc", "db"));
        design.appendLink(link("l4", "lb", "push", Protocol::WebSocket));
        Workload workload;
        workload.operations = {operation("read", OperationType::Read, 200),
                               operation("post", OperationType::Write, 10, 50)};
        design.setWorkload(workload);
        QCOMPARE(QString::fromStdString(matchReason(signal.toStdString(), design)), reason);
    }

    void readHeavyNeedsTenReadsPerWrite() {
        Design design;
        Workload workload;
        workload.operations = {operation("read", OperationType::Read, 99),
                               operation("write", OperationType::Write, 10)};
        design.setWorkload(workload);
        QCOMPARE(matchReason("op:read-heavy", design), std::string("(no match)"));
        workload.operations[0].rate = 100;
        design.setWorkload(workload);
        QCOMPARE(matchReason("op:read-heavy", design),
                 std::string("reads outnumber writes 10 to 1 (100 /s against 10 /s)"));
        workload.operations.pop_back();
        design.setWorkload(workload);
        QCOMPARE(matchReason("op:read-heavy", design), std::string("the workload only reads"));
        QCOMPARE(matchReason("op:read-heavy", Design()), std::string("(no match)"));
        QCOMPARE(matchReason("op:write-fanout", design), std::string("(no match)"));
    }

    void offersTheCardsWhoseSignalsHold() {
        Design design;
        design.appendComponent(component("svc", "service", "Feed"));
        design.appendComponent(component("cache", "cache", "Timeline Cache"));
        design.appendComponent(component("zk", "coordination", "ZooKeeper"));
        design.appendLink(link("l1", "svc", "cache"));
        Workload workload;
        workload.operations = {operation("read", OperationType::Read, 1000),
                               operation("post", OperationType::Write, 10)};
        design.setWorkload(workload);
        const std::vector<RelevantCard> cards = relevantCards(fixtures(), design, Catalog::builtin());
        QCOMPARE(cards.size(), std::size_t(2));
        QCOMPARE(cards[0].card->slug, std::string("cache-aside-vs-write-through"));
        QCOMPARE(qstrings(cards[0].signalList), (QStringList{"link:service->cache", "op:read-heavy"}));
        QCOMPARE(qstrings(cards[0].reasons),
                 (QStringList{"“Feed” → “Timeline Cache”: service → cache",
                                           "reads outnumber writes 100 to 1 (1 K /s against 10 /s)"}));
        QCOMPARE(qstrings(cards[0].componentIds), (QStringList{"svc", "cache"}));
        QCOMPARE(cards[1].card->slug, std::string("single-vs-multi-leader"));
        QCOMPARE(qstrings(cards[1].reasons),
                 QStringList{"“ZooKeeper”: Coordination Service, role coordination"});
        QVERIFY(relevantCards(fixtures(), Design(), Catalog::builtin()).empty());
    }
};

QTEST_GUILESS_MAIN(TestConcepts)
#include "tst_concepts.moc"
