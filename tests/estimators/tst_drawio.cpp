// draw.io both ways: the writer (a hand-checked file, goldens of the examples, hostile labels), the reader
// (real files from public repositories, compressed pages, several pages, HTML labels, cloud shape kinds,
// what it reports and drops), broken and huge input, and the round trip export → import on every bundled
// example and problem reference.
#include "estimators/drawio_import.h"
#include "estimators/drawio_styles.h"
#include "estimators/drawio_writer.h"
#include "model/editing/editing.h"
#include "model/editing/label_fit.h"
#include "model/editing/zone_fit.h"
#include "model/napkin_file.h"
#include "report_golden.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <zlib.h>

#include <algorithm>

using namespace napkin;
using testing::loadDesignOrDie;
using testing::loadFixture;

namespace {

std::string readText(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll().toStdString();
}

std::string realFile(const char* name) {
    return readText(QStringLiteral(NAPKIN_TEST_DATA_DIR "/drawio-real/") + QString::fromUtf8(name));
}

// What draw.io does to a page: URL-encode, raw deflate, base64.
std::string compressedPage(const std::string& xml) {
    std::string encoded;
    for (unsigned char c : xml) {
        if (std::isalnum(c) ||
            std::string_view("-_.!~*'()").find(static_cast<char>(c)) != std::string_view::npos) {
            encoded += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            encoded += hex;
        }
    }
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, encoded.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(encoded.data());
    stream.avail_in = static_cast<uInt>(encoded.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return base64Encode(out);
}

std::string modelOf(const std::string& file) {
    const std::size_t begin = file.find("<mxGraphModel");
    const std::size_t end = file.find("</mxGraphModel>") + std::string_view("</mxGraphModel>").size();
    return file.substr(begin, end - begin);
}

Design handDesign() {
    Design design;
    Zone zone;
    zone.id = "vpc";
    zone.kind = ZoneKind::Vpc;
    zone.label = "Main VPC";
    zone.rect = {100, 100, 400, 200};
    design.appendZone(zone);
    Component api;
    api.id = "api";
    api.kind = "service";
    api.label = "API";
    api.position = {20, 140};
    design.appendComponent(api);
    Component cache;
    cache.id = "cache";
    cache.kind = "cache";
    cache.label = "<img src=x onerror=alert(1)>";
    cache.position = {300, 160};
    cache.zone = "vpc";
    design.appendComponent(cache);
    Link link;
    link.id = "api-cache";
    link.from = "api";
    link.to = "cache";
    link.label = "reads & \"writes\"";
    link.protocol = Protocol::Tcp;
    design.appendLink(link);
    return design;
}

// Components, links, zones and notes as comparable text, the fields an export must carry.
std::string structureOf(const Design& design) {
    std::string out;
    auto number = [](double v) { return std::to_string(v); };
    for (const Zone& z : design.zones())
        out += "zone " + z.id + " " + std::string(toString(z.kind)) + " '" + z.label + "' in " + z.parent +
               " " + number(z.rect.x) + "," + number(z.rect.y) + " " + number(z.rect.width) + "x" +
               number(z.rect.height) + "\n";
    for (const Component& c : design.components())
        out += "component " + c.id + " " + c.kind + " '" + c.label + "' in " + c.zone + " " +
               number(c.position.x) + "," + number(c.position.y) + "\n";
    for (const Link& l : design.links())
        out += "link " + l.id + " " + l.from + "->" + l.to + " '" + l.label + "' " +
               std::string(toString(l.protocol)) + "\n";
    for (const Note& n : design.notes())
        out += "note " + n.id + " '" + n.text + "' " + number(n.rect.x) + "," + number(n.rect.y) + "\n";
    return out;
}

bool hasWarning(const DrawioImportResult& result, std::string_view part) {
    return std::any_of(result.warnings.begin(), result.warnings.end(),
                       [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

std::string cellsFile(const std::string& cells) {
    return "<mxfile><diagram name=\"P\"><mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" "
           "parent=\"0\"/>" +
           cells + "</root></mxGraphModel></diagram></mxfile>";
}

std::string vertex(const std::string& id, const std::string& value, const std::string& style,
                   const std::string& parent = "1",
                   const std::string& geometry = "x=\"0\" y=\"0\" width=\"120\" height=\"60\"") {
    return "<mxCell id=\"" + id + "\" value=\"" + value + "\" style=\"" + style +
           "\" vertex=\"1\" parent=\"" + parent + "\"><mxGeometry " + geometry +
           " as=\"geometry\"/></mxCell>";
}

std::string edge(const std::string& id, const std::string& source, const std::string& target,
                 const std::string& value = "") {
    return "<mxCell id=\"" + id + "\" value=\"" + value + "\" edge=\"1\" parent=\"1\" source=\"" + source +
           "\" target=\"" + target + "\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>";
}

} // namespace

class TestDrawio : public QObject {
    Q_OBJECT
  private slots:
    void exportIsTheHandCheckedFile();
    void exportGolden_data();
    void exportGolden();
    void roundTrip_data();
    void roundTrip();
    void importsRealAwsPipeline();
    void importsRealAwsPatternAndReportsWhatItDrops();
    void realImportsHaveNoOverlappingBoxes_data();
    void realImportsHaveNoOverlappingBoxes();
    void realImportsKeepMembersInsideTheirZones_data();
    void realImportsKeepMembersInsideTheirZones();
    void compressedPageReadsLikeThePlainOne();
    void pagesAreChosenByNumberOrName();
    void htmlLabelsLoseTheirMarkup();
    void cloudShapesNameTheKind_data();
    void cloudShapesNameTheKind();
    void edgesToNothingAreReported();
    void edgesToContainersJoinTheirEntryAndExitComponents();
    void idsDrawioCannotHoldAreWrittenApart();
    void brokenInputIsAClearError_data();
    void brokenInputIsAClearError();
    void compressionBombIsRefused();
    void deepAndHugeFilesStayBounded();
};

void TestDrawio::exportIsTheHandCheckedFile() {
    const IconFiles icons{{"cache.svg", "<svg/>"}};
    const std::string expected =
        "<mxfile host=\"Napkin\" type=\"device\">\n"
        "  <diagram id=\"napkin\" name=\"Design\">\n"
        "    <mxGraphModel grid=\"1\" gridSize=\"20\" guides=\"1\" connect=\"1\" arrows=\"1\" page=\"0\" "
        "math=\"0\">\n"
        "      <root>\n"
        "        <mxCell id=\"napkin/root\" />\n"
        "        <mxCell id=\"napkin/layer\" parent=\"napkin/root\" />\n"
        "        <mxCell id=\"vpc\" value=\"Main VPC\" style=\"rounded=1;arcSize=3;dashed=1;fillColor=none;"
        "strokeColor=#64748b;verticalAlign=top;align=left;spacingLeft=8;whiteSpace=wrap;html=0;container=1;"
        "collapsible=0;napkinZone=vpc;\" vertex=\"1\" parent=\"napkin/layer\">\n"
        "          <mxGeometry x=\"100\" y=\"100\" width=\"400\" height=\"200\" as=\"geometry\" />\n"
        "        </mxCell>\n"
        "        <mxCell id=\"api\" value=\"API\" style=\"rounded=1;arcSize=12;whiteSpace=wrap;html=0;"
        "fillColor=#ffffff;strokeColor=#475569;fontColor=#0f172a;napkinKind=service;\" vertex=\"1\" "
        "parent=\"napkin/layer\">\n"
        "          <mxGeometry x=\"20\" y=\"140\" width=\"160\" height=\"64\" as=\"geometry\" />\n"
        "        </mxCell>\n"
        // '<' and '&' are escaped ('>' needs no escape in XML attributes); html=0 makes draw.io show the
        // label as text. <svg/> is PHN2Zy8+ in base64; the cache is placed relative to its zone: 300 - 100,
        // 160 - 100.
        "        <mxCell id=\"cache\" value=\"&lt;img src=x onerror=alert(1)>\" style=\"rounded=1;arcSize=12;"
        "whiteSpace=wrap;html=0;fillColor=#ffffff;strokeColor=#475569;fontColor=#0f172a;shape=label;"
        "image=data:image/"
        "svg+xml,PHN2Zy8+;imageWidth=32;imageHeight=32;imageAlign=left;imageVerticalAlign=middle;"
        "align=left;spacingLeft=44;napkinKind=cache;\" vertex=\"1\" parent=\"vpc\">\n"
        "          <mxGeometry x=\"200\" y=\"60\" width=\"160\" height=\"64\" as=\"geometry\" />\n"
        "        </mxCell>\n"
        "        <mxCell id=\"api-cache\" value=\"reads &amp; &quot;writes&quot;\" "
        "style=\"edgeStyle=orthogonalEdgeStyle;"
        "rounded=0;orthogonalLoop=1;html=0;endArrow=block;napkinProtocol=tcp;\" edge=\"1\" "
        "parent=\"napkin/layer\" "
        "source=\"api\" target=\"cache\">\n"
        "          <mxGeometry relative=\"1\" as=\"geometry\" />\n"
        "        </mxCell>\n"
        "      </root>\n"
        "    </mxGraphModel>\n"
        "  </diagram>\n"
        "</mxfile>\n";
    QCOMPARE(QString::fromStdString(toDrawio(handDesign(), Catalog::builtin(), icons)),
             QString::fromStdString(expected));
}

void TestDrawio::exportGolden_data() {
    QTest::addColumn<QString>("fixture");
    for (const char* name : {"tiny-url", "pastebin", "leaderboard"})
        QTest::newRow(name) << QString::fromUtf8(name);
}

void TestDrawio::exportGolden() {
    QFETCH(QString, fixture);
    const std::string actual = toDrawio(loadFixture(fixture + ".napkin"));
    bool found = false;
    const std::string expected = testing::golden(fixture + ".drawio", actual, found);
    QVERIFY2(found, "golden file missing; run with NAPKIN_UPDATE_GOLDEN=1");
    QCOMPARE(QString::fromStdString(actual), QString::fromStdString(expected));
    QCOMPARE(toDrawio(loadFixture(fixture + ".napkin")), actual); // deterministic
}

void TestDrawio::roundTrip_data() {
    QTest::addColumn<QString>("path");
    for (const QString& file : testing::exampleFiles())
        QTest::newRow(qPrintable("example " + file)) << testing::examplePath(file);
    const QDir problems(QStringLiteral(NAPKIN_RESOURCES_DIR "/problems"));
    for (const QString& slug : problems.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (QFile::exists(problems.filePath(slug + "/reference.napkin")))
            QTest::newRow(qPrintable("problem " + slug)) << problems.filePath(slug + "/reference.napkin");
}

void TestDrawio::roundTrip() {
    QFETCH(QString, path);
    const Design original = loadDesignOrDie(path);
    const DrawioImportResult back = importDrawio(toDrawio(original));
    QVERIFY2(back.ok(), back.error.c_str());
    QCOMPARE(QString::fromStdString(structureOf(*back.design)),
             QString::fromStdString(structureOf(original)));
    QVERIFY2(back.warnings.empty(), back.warnings.empty() ? "" : back.warnings.front().c_str());
    for (const auto& [id, guess] : back.guesses)
        QCOMPARE(QString::fromStdString(guess.reason), QStringLiteral("Napkin kind"));
    QVERIFY(loadDesign(saveDesign(*back.design)).ok());
}

void TestDrawio::importsRealAwsPipeline() {
    const DrawioImportResult result = importDrawio(realFile("kinesis-lambda-dynamodb-pipeline.drawio"));
    QVERIFY2(result.ok(), result.error.c_str());
    // Region is drawn over the AWS Cloud group (not inside it in draw.io's tree) and joins it by geometry.
    // The three icons' centres are 170 and 180 apart on one line (159,269; 329,269; 509,269), closer than
    // the widest box and a grid step (240 + 20): the page is spread by 260 / 170, so the Kinesis centre goes
    // to 243.18,411.41 and its box's corner to 163.18,379.41; the zones grow by the same factor (Region to
    // 810.59 wide, AWS Cloud to 902.35). Then Region grows to hold its last box, as wide as a label can
    // make it, with the padding: 698.47 + 240 + 40 = 978.47 on the right, so 871.41 wide; AWS Cloud to hold
    // Region with the padding, 978.47 + 40 - 61.18 = 957.29 wide. Heights and left edges already hold them.
    const std::string expected =
        "zone Zy9PH1DXcxW0B2Q-Vq_a-1 group 'AWS Cloud' in  61.176471,122.352941 957.294118x535.294118\n"
        "zone Zy9PH1DXcxW0B2Q-Vq_a-2 region 'Region' in Zy9PH1DXcxW0B2Q-Vq_a-1 107.058824,168.235294 "
        "871.411765x443.529412\n"
        "component Zy9PH1DXcxW0B2Q-Vq_a-4 message_queue 'Amazon Kinesis Data Streams' in "
        "Zy9PH1DXcxW0B2Q-Vq_a-2 163.176471,379.411765\n"
        "component Zy9PH1DXcxW0B2Q-Vq_a-7 serverless_function 'AWS Lambda Data Processing' in "
        "Zy9PH1DXcxW0B2Q-Vq_a-2 423.176471,379.411765\n"
        "component Zy9PH1DXcxW0B2Q-Vq_a-10 kv_store 'Amazon DynamoDB Processed Data' in "
        "Zy9PH1DXcxW0B2Q-Vq_a-2 698.470588,379.411765\n"
        "link _fYOedAX_cCvZDUos5oZ-1 Zy9PH1DXcxW0B2Q-Vq_a-7->Zy9PH1DXcxW0B2Q-Vq_a-10 'Processed Data' tcp\n"
        "link Zy9PH1DXcxW0B2Q-Vq_a-8 Zy9PH1DXcxW0B2Q-Vq_a-4->Zy9PH1DXcxW0B2Q-Vq_a-7 'Process Data' http\n";
    QCOMPARE(QString::fromStdString(structureOf(*result.design)), QString::fromStdString(expected));
    QVERIFY(result.warnings.empty());
    QCOMPARE(result.guesses.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(result.guesses[0].second.reason),
             QStringLiteral("AWS shape \"kinesis_data_streams\""));
}

void TestDrawio::importsRealAwsPatternAndReportsWhatItDrops() {
    const DrawioImportResult result = importDrawio(realFile("apigw-sqs-lambda-ddb.drawio"));
    QVERIFY2(result.ok(), result.error.c_str());
    std::vector<std::string> kinds;
    for (const Component& c : result.design->components())
        kinds.push_back(c.label + ": " + c.kind);
    const std::vector<std::string> expected{"Client: web_client",
                                            "API Gateway: api_gateway",
                                            "SQS: task_queue",
                                            "Lambda: serverless_function",
                                            "DynamoDB (Pay Per Request): kv_store",
                                            "DLQ: task_queue",
                                            "Authorizer: serverless_function"};
    QCOMPARE(kinds, expected);
    QCOMPARE(result.design->links().size(), std::size_t(5));
    // One unlabelled frame, five numbered step markers, and the edge into the frame: each said, none silent.
    QCOMPARE(result.warnings.size(), std::size_t(7));
    QVERIFY(hasWarning(result, "a shape without a label or a known icon, cell 'Pq9tvVw2lUp87TCCF5MC-4'"));
    QVERIFY(hasWarning(result, "a marker shape smaller than 40 × 40, cell 'ZOjlcuqnHgMgoiZsBKUH-4' ('5')"));
    QVERIFY(hasWarning(result, "edge cell 'Pq9tvVw2lUp87TCCF5MC-6' has as target a dropped shape"));
}

void TestDrawio::realImportsHaveNoOverlappingBoxes_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("kinesis pipeline") << QStringLiteral("kinesis-lambda-dynamodb-pipeline.drawio");
    QTest::newRow("apigw sqs lambda") << QStringLiteral("apigw-sqs-lambda-ddb.drawio");
}

// Boxes as wide as a label can make them (componentMaxWidth), so no label fit can make two of them meet.
void TestDrawio::realImportsHaveNoOverlappingBoxes() {
    QFETCH(QString, file);
    const DrawioImportResult result = importDrawio(realFile(qPrintable(file)));
    QVERIFY2(result.ok(), result.error.c_str());
    const auto& components = result.design->components();
    QVERIFY(components.size() >= 3);
    for (std::size_t i = 0; i < components.size(); ++i)
        for (std::size_t j = i + 1; j < components.size(); ++j) {
            const Point a = componentCentre(components[i]);
            const Point b = componentCentre(components[j]);
            const bool apart =
                std::abs(a.x - b.x) >= componentMaxWidth || std::abs(a.y - b.y) >= componentHeight;
            QVERIFY2(apart, (components[i].label + " overlaps " + components[j].label).c_str());
        }
}

// The real files with zones (the other one's only frame has no label and is dropped).
void TestDrawio::realImportsKeepMembersInsideTheirZones_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("kinesis pipeline") << QStringLiteral("kinesis-lambda-dynamodb-pipeline.drawio");
}

// The page is spread and icons become wider boxes: every zone still holds each of its members, a box as
// wide as a label can make it, and each of its child zones, with the usual padding.
void TestDrawio::realImportsKeepMembersInsideTheirZones() {
    QFETCH(QString, file);
    const DrawioImportResult result = importDrawio(realFile(qPrintable(file)));
    QVERIFY2(result.ok(), result.error.c_str());
    const Design& design = *result.design;
    auto holds = [](const Rect& zone, const Rect& inner) {
        return inner.x - zonePadding >= zone.x && inner.y - zonePadding >= zone.y &&
               inner.x + inner.width + zonePadding <= zone.x + zone.width + 1e-9 &&
               inner.y + inner.height + zonePadding <= zone.y + zone.height + 1e-9;
    };
    int members = 0;
    for (const Component& c : design.components()) {
        if (c.zone.empty())
            continue;
        ++members;
        const Rect box{c.position.x, c.position.y, componentMaxWidth, componentHeight};
        QVERIFY2(holds(design.zone(c.zone)->rect, box), (c.label + " sticks out of " + c.zone).c_str());
    }
    for (const Zone& zone : design.zones())
        if (!zone.parent.empty()) {
            ++members;
            QVERIFY2(holds(design.zone(zone.parent)->rect, zone.rect),
                     (zone.label + " sticks out of " + zone.parent).c_str());
        }
    QCOMPARE(members, 4); // three components in Region, Region in AWS Cloud
}

void TestDrawio::compressedPageReadsLikeThePlainOne() {
    const std::string plain = realFile("kinesis-lambda-dynamodb-pipeline.drawio");
    const std::string compressed =
        "<mxfile><diagram name=\"Page-1\" id=\"x\">" + compressedPage(modelOf(plain)) + "</diagram></mxfile>";
    const DrawioImportResult a = importDrawio(plain);
    const DrawioImportResult b = importDrawio(compressed);
    QVERIFY2(b.ok(), b.error.c_str());
    QCOMPARE(QString::fromStdString(structureOf(*b.design)), QString::fromStdString(structureOf(*a.design)));
}

void TestDrawio::pagesAreChosenByNumberOrName() {
    const std::string one = modelOf(cellsFile(vertex("a", "Redis", "")));
    const std::string two = modelOf(cellsFile(vertex("b", "Postgres", "")));
    const std::string file = "<mxfile><diagram name=\"Cache\">" + one + "</diagram><diagram name=\"Store\">" +
                             compressedPage(two) + "</diagram><diagram>" + one + "</diagram></mxfile>";
    QCOMPARE(drawioPages(file).names, (std::vector<std::string>{"Cache", "Store", "Page 3"}));
    const DrawioImportResult first = importDrawio(file);
    QVERIFY(first.ok());
    QCOMPARE(first.design->components().front().kind, std::string("cache"));
    QCOMPARE(first.warnings,
             (std::vector<std::string>{"the file has 3 pages; imported 1 'Cache'; the others (choose "
                                       "one with --page): 2 'Store', 3 'Page 3'"}));
    for (const char* page : {"2", "Store"}) {
        const DrawioImportResult second = importDrawio(file, page);
        QVERIFY(second.ok());
        QCOMPARE(second.page, std::size_t(1));
        QCOMPARE(second.design->components().front().kind, std::string("relational_db"));
        QCOMPARE(second.design->brief().title, std::string("Store"));
        QVERIFY(second.warnings.empty());
    }
    const DrawioImportResult missing = importDrawio(file, "4");
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error, std::string("no page '4'; the pages are 1 'Cache', 2 'Store', 3 'Page 3'"));
}

void TestDrawio::htmlLabelsLoseTheirMarkup() {
    const DrawioImportResult result = importDrawio(
        cellsFile(vertex("r", "&lt;b&gt;Session&lt;/b&gt;&lt;br&gt;Redis &amp;amp; friends&amp;nbsp;",
                         "rounded=1;html=1;") +
                  vertex("t", "&lt;b&gt;literal&lt;/b&gt;", "rounded=1;", "1",
                         "x=\"300\" y=\"0\" width=\"120\" height=\"60\"")));
    QVERIFY(result.ok());
    QCOMPARE(result.design->components()[0].label, std::string("Session Redis & friends"));
    QCOMPARE(result.design->components()[0].kind, std::string("cache"));
    // Without html=1 draw.io shows the text as it is, so it stays as it is.
    QCOMPARE(result.design->components()[1].label, std::string("<b>literal</b>"));
}

void TestDrawio::cloudShapesNameTheKind_data() {
    QTest::addColumn<QString>("style");
    QTest::addColumn<QString>("kind");
    QTest::newRow("aws4 resource icon") << "shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.elasticache;"
                                        << "cache";
    QTest::newRow("aws4 shape") << "shape=mxgraph.aws4.rds;"
                                << "relational_db";
    QTest::newRow("aws4 numbered icon") << "shape=mxgraph.aws4.cloudwatch_2;"
                                        << "monitoring";
    QTest::newRow("azure image") << "image;html=1;image=img/lib/azure2/databases/Azure_Cosmos_DB.svg;"
                                 << "document_db";
    QTest::newRow("azure old library") << "shape=mxgraph.azure.sql_database;"
                                       << "relational_db";
    QTest::newRow("gcp product icon") << "shape=mxgraph.gcp2.hexIcon;prIcon=cloud_sql;"
                                      << "relational_db";
    QTest::newRow("gcp memorystore") << "shape=mxgraph.gcp2.memorystore;"
                                     << "cache";
    QTest::newRow("kubernetes ingress") << "shape=mxgraph.kubernetes.icon;prIcon=ing;"
                                        << "load_balancer";
    QTest::newRow("kubernetes pod") << "shape=mxgraph.kubernetes.icon2;kubernetesLabel=1;prIcon=pod;"
                                    << "service";
    QTest::newRow("s3 beats the label") << "shape=mxgraph.aws4.s3;"
                                        << "object_storage";
}

void TestDrawio::cloudShapesNameTheKind() {
    QFETCH(QString, style);
    QFETCH(QString, kind);
    const DrawioImportResult result =
        importDrawio(cellsFile(vertex("c", "Session store", style.toStdString())));
    QVERIFY2(result.ok(), result.error.c_str());
    QCOMPARE(QString::fromStdString(result.design->components().front().kind), kind);
    QVERIFY(result.warnings.empty());
}

void TestDrawio::edgesToNothingAreReported() {
    const std::string geometryB = "x=\"300\" y=\"0\" width=\"120\" height=\"60\"";
    const DrawioImportResult result = importDrawio(cellsFile(
        vertex("a", "API", "") + vertex("b", "Cache", "", "1", geometryB) +
        vertex("g", "Group", "container=1;", "1", "x=\"0\" y=\"400\" width=\"300\" height=\"200\"") +
        vertex("logo", "", "shape=image;image=https://example.com/logo.png;", "1",
               "x=\"0\" y=\"800\" width=\"64\" height=\"64\"") +
        vertex("t", "A free note", "text;html=1;", "1", "x=\"600\" y=\"0\" width=\"100\" height=\"40\"") +
        edge("e1", "a", "b", "reads") + edge("e2", "a", "") + edge("e3", "a", "g") + edge("e4", "b", "b") +
        edge("e5", "a", "gone")));
    QVERIFY2(result.ok(), result.error.c_str());
    QCOMPARE(result.design->links().size(), std::size_t(1));
    QCOMPARE(result.design->links().front().label, std::string("reads"));
    QCOMPARE(result.design->notes().size(), std::size_t(1));
    QCOMPARE(result.design->notes().front().text, std::string("A free note"));
    QCOMPARE(result.design->zones().size(), std::size_t(1));
    QVERIFY(hasWarning(result, "image cell 'logo' ('https://example.com/logo.png'); dropped"));
    QVERIFY(hasWarning(result, "free text cell 't' ('A free note') imported as a note"));
    QVERIFY(hasWarning(result, "edge cell 'e2' has no target (a dangling edge); dropped"));
    QVERIFY(hasWarning(result,
                       "edge cell 'e3' has as target the container cell 'g' ('Group'), which holds no "
                       "components; dropped"));
    QVERIFY(hasWarning(result, "edge cell 'e4' goes from a component to itself; dropped"));
    QVERIFY(hasWarning(result, "edge cell 'e5' has a target 'gone' that is not on the page; dropped"));
    QCOMPARE(result.warnings.size(), std::size_t(6));
}

// The Mermaid importer's subgraph rule: in at the members no other member links to, out from the members
// that link to no other member.
void TestDrawio::edgesToContainersJoinTheirEntryAndExitComponents() {
    const std::string inside = "x=\"20\" y=\"40\" width=\"120\" height=\"60\"";
    const DrawioImportResult result = importDrawio(cellsFile(
        vertex("client", "Client", "") +
        vertex("g", "Backend", "container=1;", "1", "x=\"300\" y=\"0\" width=\"700\" height=\"400\"") +
        vertex("api", "API", "", "g", inside) +
        vertex("worker", "Worker", "", "g", "x=\"300\" y=\"40\" width=\"120\" height=\"60\"") +
        vertex("db", "Orders DB", "shape=cylinder3;", "g",
               "x=\"300\" y=\"240\" width=\"120\" height=\"60\"") +
        vertex("mon", "Monitoring", "", "1", "x=\"1200\" y=\"0\" width=\"120\" height=\"60\"") +
        vertex("g2", "Jobs", "container=1;", "1", "x=\"300\" y=\"600\" width=\"400\" height=\"200\"") +
        vertex("q", "Job Queue", "", "g2", inside) + edge("e1", "api", "worker") + edge("e2", "api", "db") +
        edge("e3", "client", "g", "calls") + edge("e4", "g", "mon", "metrics") + edge("e5", "g", "g2") +
        edge("e6", "api", "g")));
    QVERIFY2(result.ok(), result.error.c_str());
    std::string links;
    for (const Link& link : result.design->links())
        links += link.id + " " + link.from + "->" + link.to + " '" + link.label + "'\n";
    // api is Backend's only entry (worker and db are linked from api); worker and db are its exits.
    // e6 (api into its own container) would go to api itself: dropped, and said.
    QCOMPARE(QString::fromStdString(links), QStringLiteral("e1 api->worker ''\n"
                                                           "e2 api->db ''\n"
                                                           "e3 client->api 'calls'\n"
                                                           "e4 worker->mon 'metrics'\n"
                                                           "db-mon db->mon 'metrics'\n"
                                                           "e5 worker->q ''\n"
                                                           "db-q db->q ''\n"));
    QVERIFY(hasWarning(result, "edge cell 'e3' ('calls') to a container goes to its entry components: api"));
    QVERIFY(hasWarning(
        result, "edge cell 'e4' ('metrics') from a container leaves from its exit components: worker, db"));
    QVERIFY(hasWarning(result,
                       "edge cell 'e5' joins the container's exit components (worker, db) to the other "
                       "container's entry components (q)"));
    QVERIFY(hasWarning(result, "edge cell 'e6' goes from a component to itself (the container's only end is "
                               "that component); dropped"));
    QCOMPARE(result.warnings.size(), std::size_t(4));
}

// draw.io (mxCodec) keeps decoded cells in a JavaScript array by id: a cell "push" found Array.prototype.push
// there and the file did not open (seen on the chat and dating-app references, which have a "push"
// component).
void TestDrawio::idsDrawioCannotHoldAreWrittenApart() {
    Design design = handDesign();
    Component push;
    push.id = "push";
    push.kind = "service";
    push.label = "Push";
    push.position = {20, 400};
    design.appendComponent(push);
    Link link;
    link.id = "constructor";
    link.from = "api";
    link.to = "push";
    design.appendLink(link);
    const std::string file = toDrawio(design);
    QVERIFY(file.find("<mxCell id=\"napkin/id/push\" value=\"Push\"") != std::string::npos);
    QVERIFY(file.find("<mxCell id=\"napkin/id/constructor\" value=\"\"") != std::string::npos);
    QVERIFY(file.find("source=\"api\" target=\"napkin/id/push\"") != std::string::npos);
    QVERIFY(file.find("id=\"push\"") == std::string::npos);
    const DrawioImportResult back = importDrawio(file);
    QVERIFY2(back.ok(), back.error.c_str());
    QVERIFY(back.design->component("push"));
    const Link* imported = back.design->link("constructor");
    QVERIFY(imported);
    QCOMPARE(imported->from + "->" + imported->to, std::string("api->push"));
}

void TestDrawio::brokenInputIsAClearError_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("unclosed XML") << "<mxfile><diagram name=\"A\">"
                                  << "not valid XML: Start-end tags mismatch at byte 25";
    QTest::newRow("not XML at all") << "flowchart LR\n  a --> b\n"
                                    << "not valid XML: No document element found at byte 23";
    QTest::newRow("another XML format")
        << "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        << "not a draw.io file: expected <mxfile> or <mxGraphModel>, found <svg>";
    QTest::newRow("no pages") << "<mxfile/>"
                              << "the draw.io file has no pages (<diagram> elements)";
    QTest::newRow("empty page") << "<mxfile><diagram name=\"A\"> </diagram></mxfile>"
                                << "page 'A': is empty";
    QTest::newRow("not base64") << "<mxfile><diagram name=\"A\">%%%</diagram></mxfile>"
                                << "page 'A': the compressed diagram is not valid base64";
    QTest::newRow("not deflate")
        << "<mxfile><diagram name=\"A\">/////w==</diagram></mxfile>"
        << "page 'A': the compressed diagram is not a valid deflate stream (invalid block type)";
    // The first 12 bytes of a real compressed page: the stream ends early.
    QTest::newRow("truncated deflate")
        << QString::fromStdString(
               "<mxfile><diagram name=\"A\">" +
               base64Encode(base64Decode(compressedPage(modelOf(cellsFile(vertex("a", "A", "")))))
                                .value()
                                .substr(0, 12)) +
               "</diagram></mxfile>")
        << "page 'A': the compressed diagram is not a valid deflate stream (truncated)";
    QTest::newRow("compressed text is not XML")
        << QString::fromStdString("<mxfile><diagram name=\"A\">" + compressedPage("<mxGraphModel><root>") +
                                  "</diagram></mxfile>")
        << "page 'A': the compressed diagram is not valid XML: Start-end tags mismatch";
    QTest::newRow("no cells") << "<mxGraphModel><root/></mxGraphModel>"
                              << "the page has no cells";
    QTest::newRow("only an image") << QString::fromStdString(
                                          cellsFile(vertex("i", "", "shape=image;image=x.png;")))
                                   << "page 'P' holds no shapes Napkin can import as components";
}

void TestDrawio::brokenInputIsAClearError() {
    QFETCH(QString, text);
    QFETCH(QString, error);
    const DrawioImportResult result = importDrawio(text.toStdString());
    QVERIFY(!result.ok());
    QCOMPARE(QString::fromStdString(result.error), error);
}

void TestDrawio::compressionBombIsRefused() {
    // 65 MB of one character deflates to about 64 KB; the reader stops at 64 MB.
    const std::string bomb = compressedPage(std::string(65u << 20, 'a'));
    const DrawioImportResult result =
        importDrawio("<mxfile><diagram name=\"A\">" + bomb + "</diagram></mxfile>");
    QVERIFY(!result.ok());
    QCOMPARE(QString::fromStdString(result.error),
             QStringLiteral("page 'A': the compressed diagram unpacks to more than 64 MB"));
}

void TestDrawio::deepAndHugeFilesStayBounded() {
    // 200 containers each inside the last: Napkin keeps 32 levels and says what it dropped.
    std::string chain;
    std::string parent = "1";
    for (int i = 0; i < 200; ++i) {
        const std::string id = "z" + std::to_string(i);
        chain += vertex(id, "Zone " + std::to_string(i), "container=1;", parent,
                        "x=\"1\" y=\"1\" width=\"500\" height=\"500\"");
        parent = id;
    }
    chain += vertex("leaf", "Redis", "", parent);
    const DrawioImportResult deep = importDrawio(cellsFile(chain));
    QVERIFY2(deep.ok(), deep.error.c_str());
    QCOMPARE(deep.design->zones().size(), std::size_t(32));
    QCOMPARE(deep.design->components().front().zone, std::string("z31"));
    // The leaf sits 200 levels of x=1,y=1 down: its box starts at 200,200, its centre at 260,230.
    QCOMPARE(deep.design->components().front().position.x, 260.0 - 80);
    QCOMPARE(deep.warnings,
             (std::vector<std::string>{"168 container(s) nested deeper than 32 zones, from cell 'z32' "
                                       "('Zone 32'), dropped; what they held joins the zone around them"}));
    // A parent cycle: each holds the other, so both read as containers and nothing is left to import.
    const DrawioImportResult cycle =
        importDrawio(cellsFile(vertex("a", "A", "", "b") + vertex("b", "B", "", "a")));
    QCOMPARE(QString::fromStdString(cycle.error),
             QStringLiteral("page 'P' holds no shapes Napkin can import as components"));
    QVERIFY(hasWarning(cycle, "cell 'b' is inside itself; placed on the page"));
    // XML nested a million levels deep: pugixml parses without recursion; nothing importable is the error.
    std::string nested = "<mxfile><diagram name=\"D\"><mxGraphModel><root>";
    for (int i = 0; i < 1'000'000; ++i)
        nested += "<a>";
    for (int i = 0; i < 1'000'000; ++i)
        nested += "</a>";
    nested += "</root></mxGraphModel></diagram></mxfile>";
    const DrawioImportResult tower = importDrawio(nested);
    QCOMPARE(QString::fromStdString(tower.error), QStringLiteral("the page has no cells"));
}

QTEST_GUILESS_MAIN(TestDrawio)
#include "tst_drawio.moc"
