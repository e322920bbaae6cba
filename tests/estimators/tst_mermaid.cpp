// Mermaid: export of every example (structure and labels), hostile labels, the round trip export → import,
// the importer's syntax subset, kind guessing, layout, and its reports on what it cannot read.
#include "estimators/mermaid_import.h"
#include "estimators/mermaid_writer.h"
#include "estimators/text_escape.h"
#include "model/catalog.h"
#include "model/napkin_file.h"
#include "report_golden.h"

#include <QTest>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace napkin;
using testing::loadExample;
using testing::loadFixture;

namespace {

Component component(std::string id, std::string kind, std::string label, std::string zone = {}) {
    Component c;
    c.id = std::move(id);
    c.kind = std::move(kind);
    c.label = std::move(label);
    c.zone = std::move(zone);
    return c;
}

Link link(std::string from, std::string to, std::string label) {
    Link l;
    l.id = from + "-" + to;
    l.from = std::move(from);
    l.to = std::move(to);
    l.label = std::move(label);
    return l;
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// The statement kinds the writer emits; a label that escaped its quotes would break one of these patterns.
enum class LineKind { Node, Subgraph, ZoneKind, End, Edge, Other };

LineKind kindOfLine(const std::string& line) {
    static const std::regex node("^ "
                                 "+[A-Za-z0-9_]+(\\[|\\(|\\(\\[|\\[\\[|\\[\\(|\\(\\(|>|\\{|\\{\\{|\\[/"
                                 ")\"[^\"]*\"(\\]|\\)|\\]\\)|\\]\\]|\\)\\]|\\)\\)|\\}|\\}\\}|/\\])$");
    static const std::regex subgraph("^ +subgraph [A-Za-z0-9_]+ \\[\"[^\"]*\"\\]$");
    static const std::regex zoneKind("^ +%% napkin-zone-kind: [a-z_]+$");
    static const std::regex end("^ +end$");
    static const std::regex edge("^ +[A-Za-z0-9_]+ (-->|-\\.->|==>)(\\|\"[^\"|]*\"\\|)? [A-Za-z0-9_]+$");
    if (std::regex_match(line, node))
        return LineKind::Node;
    if (std::regex_match(line, subgraph))
        return LineKind::Subgraph;
    if (std::regex_match(line, zoneKind))
        return LineKind::ZoneKind;
    if (std::regex_match(line, end))
        return LineKind::End;
    if (std::regex_match(line, edge))
        return LineKind::Edge;
    return LineKind::Other;
}

std::map<LineKind, std::size_t> lineKinds(const std::string& mermaid) {
    std::map<LineKind, std::size_t> counts;
    const std::vector<std::string> lines = linesOf(mermaid);
    for (std::size_t i = 1; i < lines.size(); ++i)
        ++counts[kindOfLine(lines[i])];
    return counts;
}

std::string labelOf(const Design& design, const std::string& id) {
    const Component* c = design.component(id);
    return c ? c->label : "?";
}

std::string zoneLabel(const Design& design, const std::string& id) {
    const Zone* z = design.zone(id);
    return z ? z->label : "";
}

// What a round trip must keep: component labels with their zone, links by end labels, zones with their
// parent.
std::multiset<std::string> componentFacts(const Design& design) {
    std::multiset<std::string> facts;
    for (const Component& c : design.components())
        facts.insert(c.label + " @ " + zoneLabel(design, c.zone));
    return facts;
}

std::multiset<std::string> linkFacts(const Design& design) {
    std::multiset<std::string> facts;
    for (const Link& l : design.links())
        facts.insert(labelOf(design, l.from) + " -> " + labelOf(design, l.to) + " : " + l.label);
    return facts;
}

std::multiset<std::string> zoneFacts(const Design& design) {
    std::multiset<std::string> facts;
    for (const Zone& z : design.zones())
        facts.insert(z.label + " (" + std::string(toString(z.kind)) + ") in " + zoneLabel(design, z.parent));
    return facts;
}

const Component* byLabel(const Design& design, std::string_view label) {
    for (const Component& c : design.components())
        if (c.label == label)
            return &c;
    return nullptr;
}

bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

bool inside(const Rect& inner, const Rect& outer) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width &&
           inner.y + inner.height <= outer.y + outer.height;
}

Rect boxOf(const Component& c) {
    return {c.position.x, c.position.y, 160, 64};
}

MermaidImportResult importOk(const std::string& text) {
    MermaidImportResult result = importMermaid(text);
    if (!result.ok())
        qWarning("import failed: %s", result.error.c_str());
    return result;
}

// "from>to" of every link, in design order.
std::vector<std::string> linkEnds(const Design& design) {
    std::vector<std::string> ends;
    for (const Link& l : design.links())
        ends.push_back(l.from + ">" + l.to);
    return ends;
}

std::vector<std::string> warningTexts(const MermaidImportResult& result) {
    std::vector<std::string> texts;
    for (const ImportMessage& warning : result.warnings)
        texts.push_back(warning.toString());

    return texts;
}

} // namespace

class TestMermaid : public QObject {
    Q_OBJECT
  private slots:
    void everyExampleExportsItsStructure_data() {
        QTest::addColumn<QString>("file");
        for (const QString& file : testing::exampleFiles())
            QTest::newRow(qPrintable(file)) << file;
    }

    void everyExampleExportsItsStructure() {
        QFETCH(QString, file);
        const Design design = loadExample(file);
        const std::string mermaid = toMermaid(design);
        QVERIFY(mermaid.starts_with("flowchart LR\n"));
        const auto counts = lineKinds(mermaid);
        QCOMPARE(counts.count(LineKind::Other), std::size_t(0));
        QCOMPARE(counts.at(LineKind::Node), design.components().size());
        QCOMPARE(counts.at(LineKind::Edge), design.links().size());
        QCOMPARE(counts.count(LineKind::Subgraph) ? counts.at(LineKind::Subgraph) : 0, design.zones().size());
        QCOMPARE(counts.count(LineKind::End) ? counts.at(LineKind::End) : 0, design.zones().size());
        for (const Zone& zone : design.zones())
            QVERIFY2(mermaid.find(" [\"" + mermaidText(zone.label) + "\"]\n") != std::string::npos,
                     zone.label.c_str());
        for (const Component& c : design.components())
            QVERIFY2(mermaid.find("\"" + mermaidText(c.label) + "\"") != std::string::npos, c.label.c_str());
        for (const Link& l : design.links())
            if (!l.label.empty())
                QVERIFY2(mermaid.find("|\"" + mermaidText(l.label) + "\"|") != std::string::npos,
                         l.label.c_str());
    }

    void writesShapesSubgraphsAndArrows() {
        Design design;
        Zone zone;
        zone.id = "az-a";
        zone.kind = ZoneKind::AvailabilityZone;
        zone.label = "us-east-1a";
        design.appendZone(zone);
        design.appendComponent(component("web", "web_client", "Web"));
        design.appendComponent(component("end", "service", "API", "az-a"));
        design.appendComponent(component("db", "relational_db", "Orders DB", "az-a"));
        design.appendComponent(component("q", "message_queue", "Events"));
        design.appendLink(link("web", "end", "HTTPS"));
        design.appendLink(link("end", "db", ""));
        Link async = link("end", "q", "publish");
        async.protocol = Protocol::AsyncMessage;
        design.appendLink(async);
        QCOMPARE(toMermaid(design), std::string("flowchart LR\n"
                                                "    web([\"Web\"])\n"
                                                "    q>\"Events\"]\n"
                                                "    subgraph az_a [\"us-east-1a\"]\n"
                                                "        %% napkin-zone-kind: availability_zone\n"
                                                "        end_[\"API\"]\n"
                                                "        db[(\"Orders DB\")]\n"
                                                "    end\n"
                                                "    web -->|\"HTTPS\"| end_\n"
                                                "    end_ --> db\n"
                                                "    end_ -.->|\"publish\"| q\n"));
    }

    void hostileLabelsStayText_data() {
        QTest::addColumn<QString>("label");
        for (const char* label : {"<script>alert(1)</script>", "a|b", "\"x\"", "line1\nline2", "]", "}",
                                  "-->", "%%", "#quot; & #35;", "`md`", "end", "A[\"x\"] --> B"})
            QTest::newRow(label) << QString::fromUtf8(label);
    }

    void hostileLabelsStayText() {
        QFETCH(QString, label);
        const std::string text = label.toStdString();
        Design design;
        Zone zone;
        zone.id = "z";
        zone.label = text;
        design.appendZone(zone);
        design.appendComponent(component("a", "service", text, "z"));
        design.appendComponent(component("b", "cache", text));
        design.appendLink(link("a", "b", text));
        const std::string mermaid = toMermaid(design);
        const auto counts = lineKinds(mermaid);
        QVERIFY2(counts.count(LineKind::Other) == 0, mermaid.c_str());
        QCOMPARE(counts.at(LineKind::Node), std::size_t(2));
        QCOMPARE(counts.at(LineKind::Edge), std::size_t(1));
        QVERIFY(mermaid.find("<script") == std::string::npos);
        // And the importer reads every label back exactly.
        const MermaidImportResult back = importOk(mermaid);
        QVERIFY(back.ok());
        QCOMPARE(back.warnings.size(), std::size_t(0));
        QCOMPARE(back.design->components().size(), std::size_t(2));
        for (const Component& c : back.design->components())
            QCOMPARE(c.label, text);
        QCOMPARE(back.design->links().at(0).label, text);
        QCOMPARE(back.design->zones().at(0).label, text);
    }

    void roundTripKeepsLabelsLinksAndZones_data() { everyExampleExportsItsStructure_data(); }

    void roundTripKeepsLabelsLinksAndZones() {
        QFETCH(QString, file);
        const Design design = loadExample(file);
        const MermaidImportResult back = importOk(toMermaid(design));
        QVERIFY(back.ok());
        QCOMPARE(warningTexts(back), std::vector<std::string>());
        QCOMPARE(componentFacts(*back.design), componentFacts(design));
        QCOMPARE(linkFacts(*back.design), linkFacts(design));
        QCOMPARE(zoneFacts(*back.design), zoneFacts(design));
        QCOMPARE(back.guesses.size(), design.components().size());
    }

    void roundTripGuessesKindsBack() {
        const Design design = loadFixture("tiny-url.napkin");
        const MermaidImportResult back = importOk(toMermaid(design));
        QVERIFY(back.ok());
        const std::map<std::string, std::string> expected{
            {"Browser", "web_client"},     {"Route 53", "dns"},          {"Load Balancer", "load_balancer"},
            {"URL Service", "service"},    {"Redis", "cache"},           {"URL Store", "relational_db"},
            {"Key Generation", "service"}, {"User DB", "relational_db"}, {"ZooKeeper", "coordination"},
            {"Monitoring", "monitoring"}};
        for (const auto& [label, kind] : expected) {
            const Component* c = byLabel(*back.design, label);
            QVERIFY2(c, label.c_str());
            QCOMPARE(c->kind, kind);
        }
        for (const Zone& zone : back.design->zones())
            QCOMPARE(std::string(toString(zone.kind)),
                     zone.label == "us-east-1" ? "region" : "availability_zone");
    }

    void zoneKindCommentGivesTheKindBack() {
        const MermaidImportResult result = importOk("flowchart LR\n"
                                                    "  subgraph prod [\"Production\"]\n"
                                                    "    %% napkin-zone-kind: kubernetes_cluster\n"
                                                    "    api[API]\n"
                                                    "  end\n"
                                                    "  %% napkin-zone-kind: vpc\n"
                                                    "  subgraph misc [\"Misc\"]\n"
                                                    "    %% napkin-zone-kind: galaxy\n"
                                                    "    job[Job]\n"
                                                    "  end\n");
        QVERIFY(result.ok());
        QCOMPARE(std::string(toString(result.design->zone(byLabel(*result.design, "API")->zone)->kind)),
                 std::string("kubernetes_cluster"));
        QCOMPARE(std::string(toString(result.design->zone(byLabel(*result.design, "Job")->zone)->kind)),
                 std::string("group"));
        QCOMPARE(warningTexts(result),
                 (std::vector<std::string>{"line 6: ignored zone kind 'vpc' outside a subgraph",
                                           "line 8: ignored zone kind 'galaxy'"}));
    }

    void readsShapesEdgesChainsAndSubgraphs() {
        const std::string text = "%% a comment\n"
                                 "graph TD\n"
                                 "  A[Web App] --> B(API Server)\n"
                                 "  B -->|cache lookups| C[(Redis)]\n"
                                 "  B -- \"writes\" --> D[(Orders)]\n"
                                 "  B -.-> E>Kafka]\n"
                                 "  E ==> F{{Workers}}\n"
                                 "  G((DNS)) --- A\n"
                                 "  H{Route?} --> I([Phone]) --> J[[Batch]]\n"
                                 "  subgraph eu [Region eu-west-1]\n"
                                 "    subgraph az1 [\"AZ 1\"]\n"
                                 "      B & D\n"
                                 "    end\n"
                                 "  end\n";
        const MermaidImportResult result = importOk(text);
        QVERIFY(result.ok());
        QCOMPARE(warningTexts(result), std::vector<std::string>());
        const Design& d = *result.design;
        QCOMPARE(d.components().size(), std::size_t(10));
        const std::map<std::string, std::string> kinds{{"Web App", "web_client"},
                                                       {"API Server", "service"},
                                                       {"Redis", "cache"},
                                                       {"Orders", "relational_db"},
                                                       {"Kafka", "message_queue"},
                                                       {"Workers", "stream_processor"},
                                                       {"DNS", "dns"},
                                                       {"Route?", "service"},
                                                       {"Phone", "mobile_client"},
                                                       {"Batch", "batch_job"}};
        for (const auto& [label, kind] : kinds) {
            const Component* c = byLabel(d, label);
            QVERIFY2(c, label.c_str());
            QCOMPARE(c->kind, kind);
        }
        QCOMPARE(linkFacts(d), (std::multiset<std::string>{
                                   "API Server -> Orders : writes", "API Server -> Redis : cache lookups",
                                   "API Server -> Kafka : ", "DNS -> Web App : ", "Kafka -> Workers : ",
                                   "Phone -> Batch : ", "Route? -> Phone : ", "Web App -> API Server : "}));
        const Link* async = nullptr;
        for (const Link& l : d.links())
            if (labelOf(d, l.to) == "Kafka")
                async = &l;
        QVERIFY(async);
        QCOMPARE(std::string(toString(async->protocol)), std::string("async"));
        QCOMPARE(zoneFacts(d), (std::multiset<std::string>{"Region eu-west-1 (region) in ",
                                                           "AZ 1 (availability_zone) in Region eu-west-1"}));
        QCOMPARE(std::string(toString(d.zone(byLabel(d, "API Server")->zone)->kind)),
                 std::string("availability_zone"));
        QCOMPARE(std::string(toString(d.zone(d.zone(byLabel(d, "Orders")->zone)->parent)->kind)),
                 std::string("region"));
        QCOMPARE(byLabel(d, "Redis")->zone, std::string());
    }

    void reportsUnsupportedLinesAndStillImports() {
        const std::string text = "flowchart LR\n"
                                 "  A[Client] --> B[Service]\n"
                                 "\n"
                                 "  classDef hot fill:#f96\n"
                                 "  class A hot\n"
                                 "  style B fill:#bbf\n"
                                 "  linkStyle 0 stroke:#ff3\n"
                                 "  click A callback\n"
                                 "  B ~~~ C\n"
                                 "  end\n"
                                 "  A --> \n";
        const MermaidImportResult result = importMermaid(text);
        QVERIFY(result.ok());
        QCOMPARE(warningTexts(result),
                 (std::vector<std::string>{
                     "styling ignored (the design is complete without it): 1 style line, "
                     "1 classDef line, 1 class line, 1 linkStyle line, 1 invisible link (~~~)",
                     "line 8: unsupported: click A callback", "line 10: 'end' without a subgraph",
                     "line 11: partly read: kept 'A', skipped '-->' (an edge needs a node after it)"}));
        QCOMPARE(result.design->components().size(), std::size_t(3)); // C is drawn, though its link is not
        QCOMPARE(result.design->links().size(), std::size_t(1));
    }

    void failsClearlyOnFilesWithoutNodes_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << ""
                               << "no flowchart found: the file needs a 'flowchart LR' or 'graph TD' line";
        QTest::newRow("only comments")
            << "%% nothing\n"
            << "no flowchart found: the file needs a 'flowchart LR' or 'graph TD' line";
        QTest::newRow("header only") << "flowchart LR\n"
                                     << "no nodes found";
        QTest::newRow("sequence diagram")
            << "sequenceDiagram\n  A->>B: hi\n"
            << "line 1: not a Mermaid flowchart: expected 'flowchart' or 'graph', got 'sequenceDiagram'";
        QTest::newRow("only unsupported") << "graph LR\n  classDef x fill:#fff\n"
                                          << "no nodes found";
        QTest::newRow("bad utf-8") << QString::fromLatin1("graph LR\n  A[caf\xE9]\n") << "";
    }

    void failsClearlyOnFilesWithoutNodes() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        std::string bytes = text.toStdString();
        if (QString(QTest::currentDataTag()) == "bad utf-8") {
            bytes = std::string("graph LR\n  A[caf") + char(0xE9) + "]\n";
            error = "line 2: not valid UTF-8 text";
        }
        const MermaidImportResult result = importMermaid(bytes);
        QVERIFY(!result.ok());
        QCOMPARE(result.error, error.toStdString());
    }

    void unclosedSubgraphsAndLinksToSubgraphsAreReported() {
        const MermaidImportResult result =
            importMermaid("graph LR\n  A --> B\n  subgraph S [Group]\n    B\n  end\n"
                          "  A --> S\n  subgraph T\n    C\n");
        QVERIFY(result.ok());
        QCOMPARE(warningTexts(result),
                 (std::vector<std::string>{"line 6: link to subgraph 'S' goes to its entry nodes: B",
                                           "line 6: duplicate link dropped: A → B (as on line 2)",
                                           "line 7: subgraph 'T' is not closed with 'end'"}));
        QCOMPARE(result.design->components().size(), std::size_t(3));
        QCOMPARE(linkEnds(*result.design), (std::vector<std::string>{"a>b"}));
    }

    void linksToAndFromSubgraphsJoinTheirEntryAndExitNodes() {
        const MermaidImportResult result = importOk("flowchart LR\n"
                                                    "  subgraph Web [Front]\n    W1 --> W2\n    W3\n  end\n"
                                                    "  subgraph Data\n    D1 --> D2\n    D2 --> D1\n  end\n"
                                                    "  subgraph Empty\n  end\n"
                                                    "  User --> Web\n"
                                                    "  Web --> Data\n"
                                                    "  Data -.-> Audit & Empty\n");
        QVERIFY(result.ok());
        QCOMPARE(warningTexts(result),
                 (std::vector<std::string>{
                     "line 12: link to subgraph 'Web' goes to its entry nodes: W1, W3",
                     "line 13: link from subgraph 'Web' to subgraph 'Data' joins its exit nodes (W2, W3) to "
                     "the entry "
                     "nodes (D1, D2)",
                     "line 14: link from subgraph 'Data' leaves from its exit nodes: D1, D2",
                     "line 14: a link to subgraph 'Empty' dropped: the subgraph holds no nodes"}));
        QCOMPARE(linkEnds(*result.design),
                 (std::vector<std::string>{"w1>w2", "d1>d2", "d2>d1", "user>w1", "user>w3", "w2>d1", "w2>d2",
                                           "w3>d1", "w3>d2", "d1>audit", "d2>audit"}));
        QCOMPARE(std::string(toString(result.design->links().back().protocol)), std::string("async"));
    }

    void duplicateLinksAreDroppedAndReportedInLinearTime() {
        std::string group;
        for (int i = 0; i < 300; ++i)
            group += i ? " & A" : "A";
        std::string text = "graph LR\n  " + group + " --> " + group + " & B\n  A --> B\n  A --> B\n";
        for (int i = 1; i <= 2000; ++i)
            text += "  A -->|" + std::to_string(i) + "| B\n";
        const MermaidImportResult result = importOk(text);
        QVERIFY(result.ok());
        QCOMPARE(warningTexts(result),
                 (std::vector<std::string>{
                     "line 2: 90298 duplicate links dropped: a node is named twice in an '&' group",
                     "line 2: unsupported: a link from 'A' to itself (links join two components); dropped",
                     "line 3: duplicate link dropped: A → B (as on line 2)",
                     "line 4: duplicate link dropped: A → B (as on line 2)"}));
        QCOMPARE(result.design->links().size(), std::size_t(2001));
        QCOMPARE(result.design->links().back().id, std::string("a-b-2001"));
    }

    void skipsAByteOrderMark() {
        const MermaidImportResult result = importOk("\xEF\xBB\xBFgraph LR\n  A[Client] --> B[Service]\n");
        QVERIFY(result.ok());
        QCOMPARE(warningTexts(result), std::vector<std::string>());
        QCOMPARE(linkEnds(*result.design), (std::vector<std::string>{"a>b"}));
    }

    void multiLineAndHtmlLabelsKeepTheirTextAndLinks() {
        const MermaidImportResult result =
            importOk("flowchart LR\n"
                     "  A[\"first\n"
                     "     second\"] --> B[one<br>two<br/>three<br />four]\n"
                     "  C[\"<b>Redis</b><br><br>Feature &amp; <i>cache</i>\"] --> A\n"
                     "  D[ECS \\n + Multi AZ] --> E[\"<font size=5>x</font> <script>y</script> a<b\"]\n"
                     "  E --> F(oops\n"
                     "  F --> G\n");
        QVERIFY(result.ok());
        const Design& d = *result.design;
        QCOMPARE(d.component("a")->label, std::string("first\nsecond"));
        QCOMPARE(d.component("b")->label, std::string("one\ntwo\nthree\nfour"));
        QCOMPARE(d.component("c")->label, std::string("Redis\nFeature & cache"));
        QCOMPARE(d.component("c")->kind, std::string("cache"));
        QCOMPARE(d.component("d")->label, std::string("ECS\n+ Multi AZ"));
        QCOMPARE(d.component("e")->label,
                 std::string("x <script>y</script> a<b")); // not markup it knows: text
        QCOMPARE(linkEnds(d), (std::vector<std::string>{"a>b", "c>a", "d>e", "f>g"}));
        QCOMPARE(warningTexts(result),
                 (std::vector<std::string>{
                     "line 6: partly read: kept 'E', skipped '--> F(oops' (an edge needs a node "
                     "after it)"}));
    }

    void stylingIsSummarisedInOneLine() {
        const MermaidImportResult result = importOk("---\n"
                                                    "title: Shop\n"
                                                    "config:\n"
                                                    "  theme: dark\n"
                                                    "  flowchart:\n"
                                                    "    curve: basis\n"
                                                    "displayMode: compact\n"
                                                    "---\n"
                                                    "flowchart LR\n"
                                                    "  subgraph S\n"
                                                    "    direction TB\n"
                                                    "    A:::hot --> B@{ shape: procs, label: \"Workers\" }\n"
                                                    "  end\n"
                                                    "  classDef hot fill:#f96\n"
                                                    "  classDef cold fill:#69f\n"
                                                    "  class B cold\n"
                                                    "  style A fill:#fff\n"
                                                    "  linkStyle 0 stroke:#f00\n"
                                                    "  click A \"https://example.com\"\n");
        QVERIFY(result.ok());
        QCOMPARE(warningTexts(result),
                 (std::vector<std::string>{"styling ignored (the design is complete without it): 1 style "
                                           "line, 2 classDef lines, 1 class line, "
                                           "1 ':::' class tag, 1 linkStyle line, 1 direction line, 1 "
                                           "front-matter config, 1 '@{…}' shape",
                                           "line 7: ignored front matter: displayMode: compact",
                                           "line 19: unsupported: click A \"https://example.com\""}));
        QCOMPARE(result.design->brief().title, std::string("Shop"));
        QCOMPARE(result.design->component("b")->label, std::string("Workers"));
        QCOMPARE(linkEnds(*result.design), (std::vector<std::string>{"a>b"}));
    }

    void aPartlyReadLineSaysWhatItKept() {
        const MermaidImportResult result =
            importOk("graph LR\n  A --> B -->> C\n  D -- x --- E ==> F -/- G\n");
        QVERIFY(result.ok());
        QCOMPARE(
            warningTexts(result),
            (std::vector<std::string>{
                "line 2: partly read: kept 'A --> B', skipped '-->> C' (an edge needs a node after it)",
                "line 3: partly read: kept 'D -- x --- E ==> F', skipped '-/- G' (not a Mermaid edge)"}));
        QCOMPARE(linkEnds(*result.design), (std::vector<std::string>{"a>b", "d>e", "e>f"}));
    }

    void aShortenedLabelIsNeverCutInsideACharacter() {
        std::string label;
        for (int i = 0; i < 150; ++i)
            label += "\xC3\xA9"; // é, two bytes
        const MermaidImportResult result = importOk("graph LR\n  A[\"" + label + "\"] --> B\n");
        QVERIFY(result.ok());
        QCOMPARE(result.design->component("a")->label, label.substr(0, 200));
        QCOMPARE(
            warningTexts(result),
            (std::vector<std::string>{"line 2: label shortened to 200 bytes: " + label.substr(0, 56) + "…"}));
    }

    void idsAreUniqueAndTheDesignLoadsBack() {
        const MermaidImportResult result = importOk("graph LR\n  subgraph cache\n    cache[Redis]\n  end\n"
                                                    "  cache --> cache\n  x-y --> x_y\n");
        QVERIFY2(result.ok(), result.error.c_str());
        const Design& d = *result.design;
        std::set<std::string> ids;
        for (const Component& c : d.components())
            ids.insert(c.id);
        for (const Zone& z : d.zones())
            ids.insert(z.id);
        for (const Link& l : d.links())
            ids.insert(l.id);
        QCOMPARE(ids.size(), d.components().size() + d.zones().size() + d.links().size());
        QCOMPARE(
            warningTexts(result),
            std::vector<std::string>{
                "line 5: unsupported: a link from 'cache' to itself (links join two components); dropped"});
        QCOMPARE(d.links().size(), std::size_t(1));
        QVERIFY(d.invariantViolations().empty());
        QVERIFY(loadDesign(saveDesign(d)).ok());
    }

    void longLabelsAreShortenedWithAWarning() {
        const std::string label(250, 'x');
        const MermaidImportResult result = importOk("graph LR\n  A[" + label + "]\n");
        QVERIFY(result.ok());
        QCOMPARE(result.design->components().at(0).label, std::string(200, 'x'));
        QCOMPARE(result.warnings.size(), std::size_t(1));
        QCOMPARE(result.warnings[0].line, 2);
    }

    void controlCharactersInLabelsBecomeSpacesWithAWarning() {
        // Found by fuzz_mermaid_import: a U+0005 inside a node label made the import abort.
        const MermaidImportResult result = importOk("graph LR\n  A[Pod\x05" "1] --> B[Web\xC2\x85" "App]\n");
        QVERIFY(result.ok());
        QCOMPARE(result.design->components().at(0).label, std::string("Pod 1"));
        QCOMPARE(result.design->components().at(1).label, std::string("Web App"));
        QCOMPARE(result.warnings.size(), std::size_t(2));
        QCOMPARE(result.warnings[0].toString(),
                 std::string("line 2: a label holds the control character U+0005 at character 4; such characters "
                             "became spaces"));
        QCOMPARE(result.warnings[1].toString(),
                 std::string("line 2: a label holds the control character U+0085 at character 4; such characters "
                             "became spaces"));
    }

    void layoutIsLayeredWithoutOverlaps() {
        const MermaidImportResult result = importOk(toMermaid(loadFixture("tiny-url.napkin")));
        QVERIFY(result.ok());
        const Design& d = *result.design;
        const auto& components = d.components();
        for (std::size_t i = 0; i < components.size(); ++i)
            for (std::size_t j = i + 1; j < components.size(); ++j)
                QVERIFY2(!overlaps(boxOf(components[i]), boxOf(components[j])),
                         (components[i].label + " / " + components[j].label).c_str());
        for (const Component& c : components)
            if (const Zone* zone = d.zone(c.zone))
                QVERIFY2(inside(boxOf(c), zone->rect), c.label.c_str());
        for (const Zone& zone : d.zones()) {
            if (const Zone* parent = d.zone(zone.parent))
                QVERIFY2(inside(zone.rect, parent->rect), zone.label.c_str());
            for (const Zone& other : d.zones())
                if (&other != &zone && other.parent == zone.parent)
                    QVERIFY2(!overlaps(zone.rect, other.rect), (zone.label + " / " + other.label).c_str());
            for (const Component& c : components)
                if (!d.zoneWithin(c.zone, zone.id))
                    QVERIFY2(!overlaps(boxOf(c), zone.rect), (c.label + " in " + zone.label).c_str());
        }
        // Requests read left to right; the entry points (client, DNS, CDN) share the first column.
        auto entryPoint = [&](const std::string& id) {
            const KindSpec* spec = Catalog::builtin().kind(d.component(id)->kind);
            return spec && (spec->role == "client" || spec->role == "dns" || spec->role == "cdn");
        };
        for (const Link& l : d.links()) {
            const double from = d.component(l.from)->position.x;
            const double to = d.component(l.to)->position.x;
            QVERIFY2(entryPoint(l.from) && entryPoint(l.to) ? from == to : from < to, l.id.c_str());
        }
    }

    void guessesKindsFromLabelsAndShapes_data() {
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("shape");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        const int rect = int(MermaidShape::Rectangle);
        const int cylinder = int(MermaidShape::Cylinder);
        QTest::newRow("alias") << "Redis" << rect << "cache"
                               << "label matches \"redis\"";
        QTest::newRow("last word wins") << "User DB" << rect << "relational_db"
                                        << "label matches \"db\"";
        QTest::newRow("longest phrase") << "Notification Service" << rect << "notification_service"
                                        << "label matches \"notification service\"";
        QTest::newRow("punctuation") << "Pub/Sub" << rect << "message_queue"
                                     << "label matches \"pub/sub\"";
        QTest::newRow("abbreviation") << "LB" << rect << "load_balancer"
                                      << "label matches \"lb\"";
        QTest::newRow("shape family first") << "User store" << cylinder << "relational_db"
                                            << "cylinder shape";
        QTest::newRow("cylinder alias") << "Users (Mongo)" << cylinder << "document_db"
                                        << "label matches \"mongo\"";
        QTest::newRow("shape only") << "Ledger" << cylinder << "relational_db"
                                    << "cylinder shape";
        QTest::newRow("queue shape") << "Jobs" << int(MermaidShape::Asymmetric) << "message_queue"
                                     << "flag shape";
        QTest::newRow("fallback") << "Key Generation" << rect << "service"
                                  << "no match";
        QTest::newRow("whole words, not parts") << "Next.js App" << rect << "web_client"
                                                << "label matches \"next js\"";
        QTest::newRow("tool for redis") << "Redis Commander" << rect << "monitoring"
                                        << "label matches \"redis commander\"";
        QTest::newRow("redis sentinel") << "Redis Sentinel" << rect << "coordination"
                                        << "label matches \"redis sentinel\"";
        QTest::newRow("kafka ui") << "Kafka UI" << rect << "monitoring"
                                  << "label matches \"kafka ui\"";
        QTest::newRow("kafka connect") << "Kafka Connect" << rect << "stream_processor"
                                       << "label matches \"kafka connect\"";
        QTest::newRow("kafka consumer") << "Kafka Consumer" << rect << "stream_processor"
                                        << "label matches \"kafka consumer\"";
        QTest::newRow("schema registry") << "Confluent Schema Registry" << rect << "coordination"
                                         << "label matches \"schema registry\"";
        QTest::newRow("plural") << "Clients" << rect << "web_client"
                                << "label matches \"client\"";
        QTest::newRow("role decides") << "Celery + Redis" << rect << "task_queue"
                                      << "label matches \"celery\"";
        QTest::newRow("cache database") << "Cache Database" << rect << "cache"
                                        << "label matches \"cache\"";
        QTest::newRow("nosql db") << "NoSQL DB" << rect << "kv_store"
                                  << "label matches \"nosql\"";
        QTest::newRow("loki") << "Loki (logs)" << rect << "monitoring"
                              << "label matches \"loki\"";
        QTest::newRow("grafana") << "Grafana" << rect << "monitoring"
                                 << "label matches \"grafana\"";
        QTest::newRow("r2") << "Cloudflare R2" << rect << "object_storage"
                            << "label matches \"cloudflare r2\"";
        QTest::newRow("gcs") << "GCS bucket" << rect << "object_storage"
                             << "label matches \"gcs\"";
        QTest::newRow("minio") << "MinIO" << cylinder << "object_storage"
                               << "label matches \"minio\"";
        QTest::newRow("rabbitmq in a cylinder") << "RabbitMQ Queue" << cylinder << "task_queue"
                                                << "label matches \"rabbitmq\"";
        QTest::newRow("a bare queue holds jobs") << "Redis Queue" << rect << "task_queue"
                                                 << "label matches \"queue\"";
        QTest::newRow("a message queue is a log") << "Message Queue" << rect << "message_queue"
                                                  << "label matches \"message queue\"";
        QTest::newRow("scheduler of a queue") << "Celery Beat" << rect << "batch_job"
                                              << "label matches \"celery beat\"";
        QTest::newRow("monitor of a queue") << "celery_flower" << rect << "monitoring"
                                            << "label matches \"celery flower\"";
        QTest::newRow("tool for a cache") << "Cache Invalidator" << rect << "stream_processor"
                                          << "label matches \"cache invalidator\"";
        QTest::newRow("a protocol is no product") << "WebSocket Manager" << rect << "realtime_gateway"
                                                  << "label matches \"websocket\"";
        QTest::newRow("no fit: nat") << "NAT Gateway" << rect << "service"
                                     << "no fitting kind for \"nat gateway\"";
        QTest::newRow("no fit: waf") << "WAF (Web Application Firewall)" << rect << "service"
                                     << "no fitting kind for \"web application firewall\"";
        QTest::newRow("no fit: security group") << "Security Groups" << rect << "service"
                                                << "no fitting kind for \"security group\"";
        QTest::newRow("no fit: iam") << "IAM" << rect << "service"
                                     << "no fitting kind for \"iam\"";
    }

    void guessesKindsFromLabelsAndShapes() {
        QFETCH(QString, label);
        QFETCH(int, shape);
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        const KindGuess guess = guessKind(label.toStdString(), static_cast<MermaidShape>(shape));
        QCOMPARE(guess.kind, kind.toStdString());
        QCOMPARE(guess.reason, reason.toStdString());
    }

    void survivesGarbage() {
        // Fragments of flowchart syntax glued at random (fixed seed): every input either imports into a
        // design that loads back, or fails with a reason; none crashes.
        const std::vector<std::string> tokens{"graph LR\n", "flowchart TD\n",
                                              "A",          "B",
                                              "c-d",        "[",
                                              "]",          "(",
                                              ")",          "{",
                                              "}",          "\"",
                                              "|",          "-->",
                                              "---",        "-.->",
                                              "==>",        "--",
                                              " ",          "\n",
                                              ";",          "&",
                                              "subgraph ",  "end\n",
                                              "%%",         ">",
                                              "#quot;",     "<br>",
                                              "/",          "\\",
                                              ":::",        "@{",
                                              "\xC3\xA9",   "\xFF"};
        std::uint32_t state = 12345;
        auto next = [&state] { return state = state * 1664525u + 1013904223u; };
        for (int round = 0; round < 3000; ++round) {
            std::string text = round % 2 ? "graph LR\n" : "";
            const int length = static_cast<int>(next() % 40);
            for (int i = 0; i < length; ++i)
                text += tokens[next() % tokens.size()];
            const MermaidImportResult result = importMermaid(text);
            QVERIFY2(result.ok() == result.error.empty(), text.c_str());
            if (result.ok())
                QVERIFY2(loadDesign(saveDesign(*result.design)).ok(), text.c_str());
        }
    }

    void decodesEntitiesAndLineBreaks() {
        QCOMPARE(decodeMermaidText("a#quot;b#35;c#lt;d#gt;e#amp;f#124;g#9829;h<br/>i&lt;j&#35;k<BR>l#bogus;"),
                 std::string("a\"b#c<d>e&f|g♥h\ni<j#k\nl#bogus;"));
        QCOMPARE(mermaidText("say \"hi\" <b>#1</b> | `x` 50%\nnext"),
                 std::string("say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt; #124; #96;x#96; 50#37;<br>next"));
    }
};

QTEST_APPLESS_MAIN(TestMermaid)
#include "tst_mermaid.moc"
