// The Markdown write-up: golden files for every bundled example, the interview-format order, empty sections,
// the database design of each store, findings, templates, and labels that must stay text.
#include "estimators/analysis.h"
#include "estimators/markdown_writeup.h"
#include "estimators/text_escape.h"
#include "model/napkin_file.h"
#include "report_golden.h"

#include <QTest>

using namespace napkin;
using testing::loadExample;
using testing::loadFixture;

namespace {

Component component(std::string id, std::string kind, std::string label) {
    Component c;
    c.id = std::move(id);
    c.kind = std::move(kind);
    c.label = std::move(label);
    return c;
}

std::size_t countOf(const std::string& text, std::string_view needle) {
    std::size_t count = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size()))
        ++count;
    return count;
}

// Pipes that separate cells: those not escaped with a backslash.
std::size_t cellSeparators(std::string_view row) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < row.size(); ++i)
        if (row[i] == '|' && (i == 0 || row[i - 1] != '\\'))
            ++count;
    return count;
}

std::string lineContaining(const std::string& text, std::string_view needle) {
    const std::size_t at = text.find(needle);
    if (at == std::string::npos)
        return {};
    const std::size_t start = text.rfind('\n', at) + 1;
    return text.substr(start, text.find('\n', at) - start);
}

} // namespace

class TestMarkdownWriteup : public QObject {
    Q_OBJECT
private slots:
    void matchesGoldenForEveryExample_data() {
        QTest::addColumn<QString>("file");
        const QStringList files = testing::exampleFiles();
        QVERIFY(files.contains("tiny-url.napkin"));
        for (const QString& file : files)
            QTest::newRow(qPrintable(file)) << file;
    }

    void matchesGoldenForEveryExample() {
        QFETCH(QString, file);
        const std::string actual = writeupForDesign(loadExample(file));
        bool found = false;
        const std::string expected = testing::golden(QString(file).replace(".napkin", ".md"), actual, found);
        QVERIFY2(found, "golden file missing: run with NAPKIN_UPDATE_GOLDEN=1 and review it");
        QCOMPARE(actual, expected);
    }

    void sectionsFollowTheInterviewFormat() {
        const std::string text = writeupForDesign(loadFixture("tiny-url.napkin"));
        const std::vector<std::string> headings{"# Tiny URL",         "## Functional requirements",
                                                "## Non-functional requirements", "## Capacity estimation",
                                                "## API",             "## Entities",
                                                "## High-level design", "## Component design — database",
                                                "## Trade-offs", "## Findings"};
        std::size_t previous = 0;
        for (const std::string& heading : headings) {
            const std::size_t at = heading.starts_with("# ") ? text.find(heading + "\n") : text.find("\n" + heading + "\n");
            QVERIFY2(at != std::string::npos, heading.c_str());
            QVERIFY2(at >= previous, heading.c_str());
            previous = at;
        }
    }

    void emptySectionsSaySo() {
        const Design empty;
        const std::string text = renderWriteup(WriteupInputs(empty));
        const std::string expected =
            "# Untitled design\n\n_No problem statement yet._\n\n"
            "## Functional requirements\n\n_No functional requirements yet._\n\n"
            "## Non-functional requirements\n\n_No non-functional requirements yet._\n\n"
            "## Capacity estimation\n\n_No workload yet: add users and operations to get an estimate._\n\n"
            "## API\n\n_No API endpoints yet._\n\n"
            "## Entities\n\n_No entities yet._\n\n"
            "## High-level design\n\n_No components yet._\n\n\n\n"
            "## Component design — database\n\n_No data stores in the design yet._\n\n"
            "## Trade-offs\n\n_No decisions recorded yet._\n\n"
            "## Findings\n\n"
            "### Single points of failure\n\n_The analyzers were not run for this export._\n\n"
            "### Bottlenecks\n\n_The analyzers were not run for this export._\n\n"
            "### Accepted trade-offs\n\n_None accepted._\n";
        QCOMPARE(text, expected);
    }

    void capacityComesFromTheEstimator() {
        const Design design = loadFixture("tiny-url.napkin");
        const Analysis analysis = analyze(design);
        const std::string text = writeupForDesign(design);
        const std::string firstLine = envelopeToText(analysis.envelope).substr(0, envelopeToText(analysis.envelope).find('\n'));
        QVERIFY(!firstLine.empty());
        QVERIFY(text.find("```text\n" + firstLine + "\n") != std::string::npos);
    }

    void storesGetTheirDatabaseDesign() {
        const std::string text = writeupForDesign(loadFixture("tiny-url.napkin"));
        QCOMPARE(lineContaining(text, "| Quorum |"),
                 std::string("| Quorum | R 2 + W 2 = 4 &gt; N 3: every read overlaps the latest write | design |"));
        QCOMPARE(lineContaining(text, "### URL Store"), std::string("### URL Store — Key-Value / Wide-Column Store"));
        QVERIFY(text.find("- **Url**: alias (string(7)), long\\_url") == std::string::npos);
        QVERIFY(text.find("- **Url**: alias (string(7)), long_url (string(2048)), user_id (uuid)") != std::string::npos);
        QCOMPARE(lineContaining(text, "| Indexes | Url.user_id |"), std::string("| Indexes | Url.user_id | brief |"));
        // The user database sets no partition key: the brief's entity supplies it.
        QVERIFY(text.find("| Partition key | User.user_id | brief |") != std::string::npos);
        QCOMPARE(countOf(text, "| Choice | Value | From |"), std::size_t(3)); // Redis, URL Store, User DB
        QVERIFY(text.find("### Load Balancer") == std::string::npos); // not a store
        QVERIFY(text.find("### Redis — Cache\n") != std::string::npos);
    }

    void findingsAreGroupedAndAcceptedOnesListed() {
        Design design;
        Component store = component("db", "relational_db", "Orders DB");
        store.accepted.push_back({"spof.component", "one node is fine for the demo"});
        design.appendComponent(store);
        design.appendComponent(component("api", "service", "API"));
        WriteupInputs inputs(design);
        inputs.findings = std::vector<Finding>{
            {"spof.component", Severity::Error, {"api"}, "API runs one instance.", "Run two.", ""},
            {"capacity.over", Severity::Warning, {"db"}, "Orders DB is at 140 % of capacity.", "", ""},
            {"lint.no-cdn", Severity::Info, {}, "No CDN in front of static content.", "", ""},
            {"spof.component", Severity::Error, {"db"}, "Orders DB runs one instance.", "", "one node is fine for the demo"},
        };
        const std::string text = renderWriteup(inputs, "{{findings}}\n");
        const std::string expected =
            "### Single points of failure\n\n- **error** API: API runs one instance. _Fix:_ Run two.\n\n"
            "### Bottlenecks\n\n- **warning** Orders DB: Orders DB is at 140 % of capacity.\n\n"
            "### Other findings\n\n- **info** No CDN in front of static content.\n\n"
            "### Accepted trade-offs\n\n- Orders DB — spof.component: one node is fine for the demo\n";
        QCOMPARE(text, expected);
    }

    void componentTableShowsLoadAndUtilisation() {
        Design design;
        Component api = component("api", "service", "API");
        api.props["replicas"] = 4;
        design.appendComponent(api);
        design.appendComponent(component("web", "web_client", "Web"));
        WriteupInputs inputs(design);
        inputs.perComponent["api"] = WriteupLoad{12000, 0.6};
        const std::string text = renderWriteup(inputs, "{{components}}\n");
        QCOMPARE(text, std::string("| Component | Kind | Role | Zone | Replicas | Peak load | Utilisation | Notes |\n"
                                   "|---|---|---|---|---|---|---|---|\n"
                                   "| API | Service | service | — | 4 | 12 K QPS | 60 % | — |\n"
                                   "| Web | Web Client | client | — | — | — | — | — |\n"));
    }

    void diagramIsAnImageWhenOneWasExported() {
        Design design;
        design.appendComponent(component("api", "service", "API"));
        WriteupInputs inputs(design);
        inputs.diagramImagePath = "my design (v2).png";
        QCOMPARE(renderWriteup(inputs, "{{diagram}}"),
                 std::string("![Architecture diagram of Untitled design](my%20design%20%28v2%29.png)"));
        inputs.diagramImagePath.clear();
        QCOMPARE(renderWriteup(inputs, "{{diagram}}"),
                 std::string("```mermaid\nflowchart LR\n    api[\"API\"]\n```"));
    }

    void hostileLabelsStayText_data() {
        QTest::addColumn<QString>("label");
        for (const char* label : {"<script>alert(1)</script>", "a|b", "\"x\"", "line1\nline2", "]", "}", "-->", "%%",
                                  "`code`", "*bold* [link](http://x) $math$"})
            QTest::newRow(label) << QString::fromUtf8(label);
    }

    void hostileLabelsStayText() {
        QFETCH(QString, label);
        const std::string text = label.toStdString();
        Design design;
        Brief brief;
        brief.title = text;
        brief.functional = {text};
        brief.api = {Endpoint{"GET", text, text, text, text, Json::object()}};
        design.setBrief(brief);
        Component api = component("api", "service", text);
        api.notes = text;
        design.appendComponent(api);
        const std::string out = renderWriteup(WriteupInputs(design));
        QVERIFY(out.find("<script>") == std::string::npos);
        QVERIFY(out.find("line1\nline2") == std::string::npos);
        QCOMPARE(lineContaining(out, "# ").substr(0, 2), std::string("# "));
        // Every table row keeps its column count: 5 API columns, 8 component columns.
        const std::string apiRow = lineContaining(out, "| GET |");
        QCOMPARE(cellSeparators(apiRow), std::size_t(6));
        const std::string componentRow = lineContaining(out, "| Service |");
        QCOMPARE(cellSeparators(componentRow), std::size_t(9));
    }

    void escapesMarkdownText() {
        QCOMPARE(markdownText("<b>a|b</b> & \"q\"\nnext"), std::string("&lt;b&gt;a\\|b&lt;/b&gt; &amp; \"q\"<br>next"));
        QCOMPARE(markdownLine("one\ntwo"), std::string("one two"));
        QCOMPARE(markdownText("`x` *y* [z] ~w~ $v$ \\"), std::string("\\`x\\` \\*y\\* \\[z\\] \\~w\\~ \\$v\\$ \\\\"));
        QCOMPARE(fencedBlock("a ``` b", "text"), std::string("````text\na ``` b\n````"));
    }

    void customTemplatesUseThePlaceholders() {
        Design design;
        Brief brief;
        brief.title = "Chat";
        design.setBrief(brief);
        QCOMPARE(renderWriteup(WriteupInputs(design), "Title: {{ title }}\n{{api}}\n"),
                 std::string("Title: Chat\n_No API endpoints yet._\n"));
        QCOMPARE(writeupPlaceholders().size(), std::size_t(12));
        for (const std::string& name : writeupPlaceholders())
            QVERIFY2(defaultWriteupTemplate().find("{{" + name + "}}") != std::string::npos, name.c_str());
    }

    void decisionsBecomeTheTradeOffsSection() {
        Design design;
        QCOMPARE(renderWriteup(WriteupInputs(design), "{{tradeoffs}}"), std::string("_No decisions recorded yet._"));
        design.appendDecision({"d1", "Cache | fill on a miss", "cache-aside-vs-write-through", "Cache-aside",
                               "reads 100:1, staleness of 60 s accepted", {}});
        design.appendDecision({"d2", "Pre-generated keys", {}, {}, {}, {}});
        QCOMPARE(renderWriteup(WriteupInputs(design), "{{tradeoffs}}"),
                 std::string("| Decision | Chosen option | Why | Trade-off card |\n"
                             "|---|---|---|---|\n"
                             "| Cache \\| fill on a miss | Cache-aside | reads 100:1, staleness of 60 s accepted | "
                             "cache-aside-vs-write-through |\n"
                             "| Pre-generated keys | — | — | — |"));
    }

    void badTemplatesAreReportedWithTheirLine() {
        const Design design;
        try {
            renderWriteup(WriteupInputs(design), "# {{title}}\n\n{{nope}}\n");
            QFAIL("an unknown placeholder must throw");
        } catch (const WriteupTemplateError& error) {
            QCOMPARE(std::string(error.what()),
                     std::string("template line 3: unknown placeholder {{nope}}; known: {{title}}, {{problem}}, "
                                 "{{functional}}, {{non_functional}}, {{capacity}}, {{api}}, {{entities}}, "
                                 "{{diagram}}, {{components}}, {{database}}, {{tradeoffs}}, {{findings}}"));
        }
        QVERIFY_THROWS_EXCEPTION(WriteupTemplateError, renderWriteup(WriteupInputs(design), "{{title\n}}"));
    }
};

QTEST_APPLESS_MAIN(TestMarkdownWriteup)
#include "tst_markdown_writeup.moc"
