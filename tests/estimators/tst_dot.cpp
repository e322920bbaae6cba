// Graphviz DOT export: every example checked structurally (nodes, edges, clusters, labels), one small design
// checked byte for byte, and hostile labels that must stay inside their quoted strings.
#include "estimators/dot_writer.h"
#include "estimators/text_escape.h"
#include "model/napkin_file.h"
#include "report_golden.h"

#include <QTest>
#include <regex>
#include <sstream>

using namespace napkin;
using testing::loadExample;
using testing::loadFixture;

namespace {

std::size_t countMatches(const std::string& text, const std::regex& pattern) {
    return static_cast<std::size_t>(std::distance(std::sregex_iterator(text.begin(), text.end(), pattern),
                                                  std::sregex_iterator()));
}

// Braces and brackets balance outside strings, every string closes on its own line, and the text outside
// strings holds only DOT syntax (no label text leaked out of its quotes).
QString dotProblem(const std::string& dot, const std::vector<std::string>& labels) {
    int braces = 0;
    int brackets = 0;
    bool inString = false;
    std::string outside;
    for (std::size_t i = 0; i < dot.size(); ++i) {
        const char c = dot[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            else if (c == '\n')
                return "newline inside a string";
            continue;
        }
        outside += c;
        if (c == '"')
            inString = true;
        braces += c == '{' ? 1 : c == '}' ? -1 : 0;
        brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
        if (braces < 0 || brackets < 0)
            return "unbalanced at offset " + QString::number(i);
    }
    if (inString || braces != 0 || brackets != 0)
        return "unbalanced at the end";
    for (const std::string& label : labels)
        if (label.size() > 2 && outside.find(label) != std::string::npos)
            return QString::fromStdString("label outside its quotes: " + label);
    return {};
}

const std::regex& nodeStatement() {
    static const std::regex pattern("\nn[0-9]+ \\[label=");
    return pattern;
}

const std::regex& edgeStatement() {
    static const std::regex pattern("\nn[0-9]+->n[0-9]+ \\[label=");
    return pattern;
}

const std::regex& clusterStatement() {
    static const std::regex pattern("subgraph \"cluster_");
    return pattern;
}

Component component(std::string id, std::string kind, std::string label, std::string zone = {}) {
    Component c;
    c.id = std::move(id);
    c.kind = std::move(kind);
    c.label = std::move(label);
    c.zone = std::move(zone);
    return c;
}

} // namespace

class TestDot : public QObject {
    Q_OBJECT
private slots:
    void everyExampleHasItsNodesEdgesAndClusters_data() {
        QTest::addColumn<QString>("file");
        for (const QString& file : testing::exampleFiles())
            QTest::newRow(qPrintable(file)) << file;
    }

    void everyExampleHasItsNodesEdgesAndClusters() {
        QFETCH(QString, file);
        const Design design = loadExample(file);
        const std::string dot = toDot(design);
        QVERIFY(dot.starts_with("digraph G {\nrankdir=LR;\n"));
        QVERIFY(dot.ends_with("}\n"));
        QCOMPARE(countMatches(dot, nodeStatement()), design.components().size());
        QCOMPARE(countMatches(dot, edgeStatement()), design.links().size());
        QCOMPARE(countMatches(dot, clusterStatement()), design.zones().size());
        for (const Zone& zone : design.zones()) {
            QVERIFY(dot.find("subgraph " + dotQuoted("cluster_" + zone.id) + " {") != std::string::npos);
            QVERIFY(dot.find("label=" + dotQuoted(zone.label) + ";") != std::string::npos);
        }
        std::vector<std::string> labels;
        for (std::size_t i = 0; i < design.components().size(); ++i) {
            const Component& c = design.components()[i];
            QVERIFY2(dot.find("n" + std::to_string(i) + " [label=" + dotQuoted(c.label)) != std::string::npos,
                     c.label.c_str());
            labels.push_back(c.label);
        }
        for (const Link& link : design.links())
            QVERIFY2(dot.find("[label=" + dotQuoted(link.label) + ", id=" + dotQuoted(link.id)) != std::string::npos,
                     link.id.c_str());
        const QString problem = dotProblem(dot, {});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void clustersNestAndHoldTheirMembers() {
        Design design;
        Zone region;
        region.id = "region";
        region.kind = ZoneKind::Region;
        region.label = "us-east-1";
        Zone az = region;
        az.id = "az-a";
        az.kind = ZoneKind::AvailabilityZone;
        az.label = "us-east-1a";
        az.parent = "region";
        design.appendZone(region);
        design.appendZone(az);
        design.appendComponent(component("web", "web_client", "Web"));
        design.appendComponent(component("db", "relational_db", "Orders DB", "az-a"));
        Link link;
        link.id = "web-db";
        link.from = "web";
        link.to = "db";
        link.label = "SQL";
        link.protocol = Protocol::AsyncMessage;
        design.appendLink(link);
        const std::string expected = "digraph G {\n"
                                     "rankdir=LR;\n"
                                     "node [style=rounded, fontname=\"Helvetica\"];\n"
                                     "edge [fontname=\"Helvetica\"];\n"
                                     "  subgraph \"cluster_region\" {\n"
                                     "    label=\"us-east-1\";\n"
                                     "    tooltip=\"Region\";\n"
                                     "    subgraph \"cluster_az-a\" {\n"
                                     "      label=\"us-east-1a\";\n"
                                     "      tooltip=\"Availability zone\";\n"
                                     "      n1;\n"
                                     "    }\n"
                                     "  }\n"
                                     "n0 [label=\"Web\", shape=oval, id=\"web\", tooltip=\"Web Client\"];\n"
                                     "n1 [label=\"Orders DB\", shape=cylinder, id=\"db\", tooltip=\"Relational Database\"];\n"
                                     "n0->n1 [label=\"SQL\", id=\"web-db\", style=dashed];\n"
                                     "}\n";
        QCOMPARE(toDot(design), expected);
    }

    void hostileLabelsStayInsideTheirQuotes_data() {
        QTest::addColumn<QString>("label");
        for (const char* label : {"<script>alert(1)</script>", "a|b", "\"x\"", "line1\nline2", "]", "}", "-->", "%%",
                                  "back\\slash\\", "\\\"", "x\"];n9[label=\"injected"})
            QTest::newRow(label) << QString::fromUtf8(label);
    }

    void hostileLabelsStayInsideTheirQuotes() {
        QFETCH(QString, label);
        const std::string text = label.toStdString();
        Design design;
        Zone zone;
        zone.id = "z";
        zone.label = text;
        design.appendZone(zone);
        design.appendComponent(component("a", "service", text, "z"));
        design.appendComponent(component("b", "cache", text));
        Link link;
        link.id = "a-b";
        link.from = "a";
        link.to = "b";
        link.label = text;
        design.appendLink(link);
        const std::string dot = toDot(design);
        const QString problem = dotProblem(dot, {text});
        QVERIFY2(problem.isEmpty(), qPrintable(problem + "\n" + QString::fromStdString(dot)));
        QCOMPARE(countMatches(dot, nodeStatement()), std::size_t(2));
        QCOMPARE(countMatches(dot, edgeStatement()), std::size_t(1));
    }

    void quotesDotStrings() {
        QCOMPARE(dotQuoted("say \"hi\"\\\nbye"), std::string("\"say \\\"hi\\\"\\\\\\nbye\""));
        QCOMPARE(dotQuoted(""), std::string("\"\""));
    }
};

QTEST_APPLESS_MAIN(TestDot)
#include "tst_dot.moc"
