// The editing rules as pure functions: placement, default protocols, unique names, paste renaming,
// delete, auto-arrange.
#include "model/editing/change_kind.h"
#include "model/editing/editing.h"
#include "model/editing/label_fit.h"
#include "model/napkin_file.h"

#include <QTest>

using namespace napkin;

namespace {

Component component(const std::string& id, const std::string& kind, double x = 0, double y = 0,
                    const std::string& zone = {}) {
    Component c;
    c.id = id;
    c.kind = kind;
    c.label = id;
    c.position = {x, y};
    c.zone = zone;
    return c;
}

Link makeLink(const std::string& from, const std::string& to) {
    Link l;
    l.id = from + "-" + to;
    l.from = from;
    l.to = to;
    return l;
}

Zone zone(const std::string& id, Rect rect, const std::string& parent = {}) {
    Zone z;
    z.id = id;
    z.label = id;
    z.rect = rect;
    z.parent = parent;
    return z;
}

bool rectsMeet(const Rect& a, const Rect& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

bool overlap(const Component& a, const Component& b) {
    const Rect ra = componentRect(a);
    const Rect rb = componentRect(b);
    return ra.x < rb.x + rb.width && rb.x < ra.x + ra.width && ra.y < rb.y + rb.height &&
           rb.y < ra.y + ra.height;
}

} // namespace

class TestEditing : public QObject {
    Q_OBJECT
  private slots:
    void labelFit_data();
    void labelFit();
    void defaultProtocol_data();
    void defaultProtocol();
    void newComponentIsSnappedLabelledAndPlacedInInnermostZone();
    void secondComponentOfAKindGetsNumberedLabel();
    void newLinkRefusesSelfLinks();
    void pasteRenamesIdsAndLabelsAndKeepsInternalLinks();
    void copyLeavesOutLinksToTheOutside();
    void deleteRemovesTouchingLinks();
    void arrangeLayersByRequestFlowWithoutOverlaps();
    void arrangeBreaksCycles();
    void arrangeGrowsZonesAroundTheirMembers();
    void arrangeKeepsZonesApart();
    void arrangeSweepsColumnsToUncrossLinks();
    void arrangeMakesRoomForWideBoxes();
    void arrangeKeepsEntryPointsLeftAndReadsLeftToRight();
    void buildEditRebuildsTheDesignByteForByte();
    void growingAZoneTakesInWhatItNowCovers();
    void shrinkingAZoneLetsGoOfWhatFallsOutside();
    void keyNumbersShowReplicasShardsAndReplicationFactor();
    void changeKindKeepsWhatTheNewKindHas();
    void changeKindRefusesAnUnknownKind();
};

void TestEditing::defaultProtocol_data() {
    QTest::addColumn<QString>("fromKind");
    QTest::addColumn<QString>("toKind");
    QTest::addColumn<QString>("protocol");
    QTest::newRow("client→balancer") << "web_client"
                                     << "load_balancer"
                                     << "http";
    QTest::newRow("service→queue") << "service"
                                   << "message_queue"
                                   << "async";
    QTest::newRow("database→database") << "relational_db"
                                       << "relational_db"
                                       << "replication";
    QTest::newRow("cdc→queue") << "cdc"
                               << "message_queue"
                               << "cdc";
    QTest::newRow("client→realtime") << "mobile_client"
                                     << "realtime_gateway"
                                     << "websocket";
    QTest::newRow("service→cache") << "service"
                                   << "cache"
                                   << "tcp";
    QTest::newRow("service→db") << "service"
                                << "kv_store"
                                << "tcp";
    QTest::newRow("balancer→service") << "load_balancer"
                                      << "service"
                                      << "http";
}

void TestEditing::defaultProtocol() {
    QFETCH(QString, fromKind);
    QFETCH(QString, toKind);
    QFETCH(QString, protocol);
    const Protocol result = napkin::defaultProtocol(
        Catalog::builtin(), component("a", fromKind.toStdString()), component("b", toKind.toStdString()));
    QCOMPARE(QString::fromUtf8(toString(result).data(), static_cast<qsizetype>(toString(result).size())),
             protocol);
}

void TestEditing::newComponentIsSnappedLabelledAndPlacedInInnermostZone() {
    Design design;
    design.appendZone(zone("region", {0, 0, 1000, 1000}));
    design.appendZone(zone("az", {100, 100, 400, 400}, "region"));
    const auto c = newComponent(design, Catalog::builtin(), "cache", {207, 193});
    QVERIFY(c);
    QCOMPARE(c->id, std::string("cache"));
    QCOMPARE(c->label, std::string("Cache"));
    QCOMPARE(c->position, (Point{120, 160})); // 207-80=127 → 120, 193-32=161 → 160
    QCOMPARE(c->zone, std::string("az"));
    const auto outside = newComponent(design, Catalog::builtin(), "cache", {700, 700});
    QCOMPARE(outside->zone, std::string("region"));
    QVERIFY(!newComponent(design, Catalog::builtin(), "no_such_kind", {0, 0}));
}

void TestEditing::secondComponentOfAKindGetsNumberedLabel() {
    Design design;
    Component first = component("cache", "cache");
    first.label = "Cache";
    design.appendComponent(first);
    const auto second = newComponent(design, Catalog::builtin(), "cache", {0, 0});
    QCOMPARE(second->label, std::string("Cache 2"));
    QCOMPARE(second->id, std::string("cache-2"));
}

void TestEditing::newLinkRefusesSelfLinks() {
    Design design;
    design.appendComponent(component("svc", "service"));
    design.appendComponent(component("db", "relational_db"));
    QVERIFY(!newLink(design, Catalog::builtin(), "svc", "svc"));
    QVERIFY(!newLink(design, Catalog::builtin(), "svc", "missing"));
    const auto l = newLink(design, Catalog::builtin(), "svc", "db");
    QCOMPARE(l->id, std::string("svc-db"));
    QVERIFY(l->protocol == Protocol::Tcp);
}

void TestEditing::pasteRenamesIdsAndLabelsAndKeepsInternalLinks() {
    Design design;
    design.appendComponent(component("svc", "service", 0, 0));
    design.appendComponent(component("db", "relational_db", 200, 0));
    design.appendLink(makeLink("svc", "db"));
    const Fragment fragment = copyFragment(design, Selection{{"svc", "db"}, {}, {}, {}});
    QCOMPARE(fragment.links.size(), std::size_t(1));
    Selection pasted;
    const Compound edit = pasteEdit(design, fragment, {40, 40}, &pasted);
    design.apply(edit);
    QCOMPARE(pasted.components, (std::vector<std::string>{"svc-2", "db-2"}));
    QCOMPARE(pasted.links, (std::vector<std::string>{"svc-db-2"}));
    QCOMPARE(design.component("svc-2")->label, std::string("svc 2"));
    QCOMPARE(design.component("db-2")->position, (Point{240, 40}));
    QCOMPARE(design.link("svc-db-2")->from, std::string("svc-2"));
    QCOMPARE(design.link("svc-db-2")->to, std::string("db-2"));
    QVERIFY(design.invariantViolations().empty());
}

void TestEditing::copyLeavesOutLinksToTheOutside() {
    Design design;
    design.appendZone(zone("az", {0, 0, 500, 500}));
    design.appendComponent(component("svc", "service", 0, 0, "az"));
    design.appendComponent(component("db", "relational_db", 200, 0));
    design.appendLink(makeLink("svc", "db"));
    const Fragment fragment = copyFragment(design, Selection{{"svc"}, {}, {}, {}});
    QCOMPARE(fragment.components.size(), std::size_t(1));
    QVERIFY(fragment.links.empty());
    QCOMPARE(fragment.components.front().zone, std::string()); // the zone was not copied
}

void TestEditing::deleteRemovesTouchingLinks() {
    Design design;
    design.appendComponent(component("a", "service"));
    design.appendComponent(component("b", "service"));
    design.appendComponent(component("c", "service"));
    design.appendLink(makeLink("a", "b"));
    design.appendLink(makeLink("b", "c"));
    const std::string before = saveDesign(design);
    const Edit inverse = design.apply(deleteEdit(design, Selection{{"b"}, {"a-b"}, {}, {}}));
    QCOMPARE(design.components().size(), std::size_t(2));
    QVERIFY(design.links().empty());
    design.apply(inverse);
    QCOMPARE(saveDesign(design), before);
}

void TestEditing::arrangeLayersByRequestFlowWithoutOverlaps() {
    Design design;
    // Deliberately scrambled positions, all on top of each other.
    for (const char* id : {"db", "svc", "lb", "client", "cache"})
        design.appendComponent(component(id, "service", 100, 100));
    design.appendLink(makeLink("client", "lb"));
    design.appendLink(makeLink("lb", "svc"));
    design.appendLink(makeLink("svc", "cache"));
    design.appendLink(makeLink("svc", "db"));
    design.apply(arrangeEdit(design));
    const double x0 = design.component("client")->position.x;
    const double step = componentWidth + 100;
    QCOMPARE(design.component("lb")->position.x, x0 + step);
    QCOMPARE(design.component("svc")->position.x, x0 + 2 * step);
    QCOMPARE(design.component("db")->position.x, x0 + 3 * step);
    QCOMPARE(design.component("cache")->position.x, x0 + 3 * step);
    for (const Component& a : design.components())
        for (const Component& b : design.components())
            if (a.id != b.id)
                QVERIFY2(!overlap(a, b), (a.id + " overlaps " + b.id).c_str());
    QVERIFY(arrangeEdit(design).edits.empty()); // arranging twice changes nothing
}

void TestEditing::arrangeBreaksCycles() {
    Design design;
    design.appendComponent(component("a", "service", 0, 0));
    design.appendComponent(component("b", "service", 0, 0));
    design.appendComponent(component("c", "service", 0, 0));
    design.appendLink(makeLink("a", "b"));
    design.appendLink(makeLink("b", "c"));
    design.appendLink(makeLink("c", "a"));
    design.apply(arrangeEdit(design));
    QCOMPARE(design.component("b")->position.x - design.component("a")->position.x, componentWidth + 100);
    QCOMPARE(design.component("c")->position.x - design.component("b")->position.x, componentWidth + 100);
}

void TestEditing::arrangeGrowsZonesAroundTheirMembers() {
    Design design;
    design.appendZone(zone("az", {0, 0, 100, 100}));
    design.appendComponent(component("a", "service", 0, 0, "az"));
    design.appendComponent(component("b", "service", 0, 0, "az"));
    design.appendLink(makeLink("a", "b"));
    design.apply(arrangeEdit(design));
    const Rect r = design.zone("az")->rect;
    for (const Component& c : design.components()) {
        QVERIFY(r.contains(c.position));
        QVERIFY(r.contains({c.position.x + componentWidth, c.position.y + componentHeight}));
    }
}

namespace {

Design zonesDesign() {
    Design design;
    design.appendZone(zone("region", {0, 0, 1000, 1000}));
    design.appendZone(zone("az", {100, 100, 400, 400}, "region"));
    design.appendZone(zone("sub", {600, 100, 200, 200}, "region"));          // centre (700, 200)
    design.appendComponent(component("in", "service", 120, 120, "az"));      // centre (200, 152)
    design.appendComponent(component("edge", "service", 300, 300, "az"));    // centre (380, 332)
    design.appendComponent(component("out", "service", 600, 600, "region")); // centre (680, 632)
    design.appendComponent(component("far", "service", 920, 920, "region")); // centre (1000, 952)
    return design;
}

} // namespace

void TestEditing::growingAZoneTakesInWhatItNowCovers() {
    Design design = zonesDesign();
    const std::string before = saveDesign(design);
    const Compound edit = resizeZoneEdit(design, "az", {100, 100, 800, 800});
    QCOMPARE(edit.edits.size(), std::size_t(3)); // the zone, "sub" and "out"
    const Edit undo = design.apply(edit);
    QCOMPARE(design.zone("az")->rect, (Rect{100, 100, 800, 800}));
    QCOMPARE(design.zone("sub")->parent, std::string("az"));
    QCOMPARE(design.component("out")->zone, std::string("az"));
    QCOMPARE(design.component("in")->zone, std::string("az"));
    QCOMPARE(design.component("far")->zone, std::string("region")); // its centre is past the new edge
    design.apply(undo);
    QCOMPARE(saveDesign(design), before);
}

void TestEditing::shrinkingAZoneLetsGoOfWhatFallsOutside() {
    Design design = zonesDesign();
    design.apply(resizeZoneEdit(design, "az", {100, 100, 200, 200}));
    QCOMPARE(design.component("in")->zone, std::string("az"));
    QCOMPARE(design.component("edge")->zone, std::string("region"));
    QVERIFY(resizeZoneEdit(design, "az", {100, 100, 200, 200}).edits.empty()); // unchanged: nothing to do
    QVERIFY(resizeZoneEdit(design, "nowhere", {0, 0, 10, 10}).edits.empty());
}

void TestEditing::arrangeKeepsZonesApart() {
    // The Tiny URL design: two AZs inside a region, their services in the same flow columns, plus
    // components outside every zone.
    LoadResult loaded = loadDesignFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");
    QVERIFY(loaded.ok());
    Design design = *loaded.design;
    // Zones that hold nothing get a row of their own: one at the top level, one far outside its parent.
    design.apply(AddZone{Zone{"spare", ZoneKind::Group, "Spare", "", {0, 0, 50, 50}, Json::object()}});
    design.apply(AddZone{Zone{
        "standby", ZoneKind::AvailabilityZone, "Standby", "region", {5000, 5000, 10, 10}, Json::object()}});
    design.apply(arrangeEdit(design));
    QCOMPARE(design.zone("spare")->rect.width, componentWidth + 80);
    QCOMPARE(design.zone("standby")->rect.height, componentHeight + 80);
    const auto intersects = [](const Rect& a, const Rect& b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    };
    const auto within = [](const Rect& inner, const Rect& outer) {
        return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width &&
               inner.y + inner.height <= outer.y + outer.height;
    };
    for (const Zone& a : design.zones())
        if (const Zone* parent = design.zone(a.parent))
            QVERIFY2(within(a.rect, parent->rect), (a.id + " sticks out of " + parent->id).c_str());
    for (const Zone& a : design.zones())
        for (const Zone& b : design.zones())
            if (a.id < b.id && !design.zoneWithin(a.id, b.id) && !design.zoneWithin(b.id, a.id))
                QVERIFY2(!intersects(a.rect, b.rect), (a.id + " overlaps " + b.id).c_str());
    for (const Component& c : design.components())
        for (const Zone& z : design.zones()) {
            const bool member = !c.zone.empty() && design.zoneWithin(c.zone, z.id);
            if (member)
                QVERIFY2(within(componentRect(c), z.rect), (c.id + " sticks out of " + z.id).c_str());
            else
                QVERIFY2(!intersects(componentRect(c), z.rect), (c.id + " lies on " + z.id).c_str());
        }
    for (const Component& a : design.components())
        for (const Component& b : design.components())
            if (a.id < b.id)
                QVERIFY(!overlap(a, b));
}

void TestEditing::arrangeSweepsColumnsToUncrossLinks() {
    // s1 and s3 feed x, s2 feeds y. Left to right alone, the sources keep their order (s1, s2, s3) and x and
    // y tie at the middle source's height, y first as it was higher: s1 → x crosses s2 → y. Sweeping back
    // from the right orders the sources by their successors — s2 (to y, row 0) above s1 and s3 (to x, row
    // 1) — and nothing crosses. Rows are 124 px apart, snapped to the 20 px grid.
    Design design;
    design.appendComponent(component("s1", "service", 0, 0));
    design.appendComponent(component("s2", "service", 0, 100));
    design.appendComponent(component("s3", "service", 0, 200));
    design.appendComponent(component("x", "service", 400, 500));
    design.appendComponent(component("y", "service", 400, 0));
    design.appendLink(makeLink("s1", "x"));
    design.appendLink(makeLink("s3", "x"));
    design.appendLink(makeLink("s2", "y"));
    design.apply(arrangeEdit(design));
    QCOMPARE(design.component("s2")->position.y, 0.0);
    QCOMPARE(design.component("s1")->position.y, 120.0);
    QCOMPARE(design.component("s3")->position.y, 240.0);
    QCOMPARE(design.component("y")->position.y, 0.0);
    QCOMPARE(design.component("x")->position.y, 120.0);
    QVERIFY(arrangeEdit(design).edits.empty());
}

void TestEditing::arrangeKeepsEntryPointsLeftAndReadsLeftToRight() {
    // svc comes first in the file and pushes back to the client, so a search from svc would have put svc in
    // the first column and the client after it. Entry points (the client, its DNS and its CDN) stand in the
    // first column instead; lb, svc and db follow, one column each (260 px apart: 160 px boxes, 100 px gap);
    // the nightly job, which nothing calls, stands just before db, its only target, not among the clients.
    Design design;
    design.appendComponent(component("svc", "service", 0, 0));
    design.appendComponent(component("db", "relational_db", 0, 0));
    design.appendComponent(component("nightly", "service", 0, 0));
    design.appendComponent(component("client", "web_client", 0, 0));
    design.appendComponent(component("dns", "dns", 0, 0));
    design.appendComponent(component("cdn", "cdn", 0, 0));
    design.appendComponent(component("lb", "load_balancer", 0, 0));
    for (auto [from, to] : {std::pair{"client", "dns"},
                            {"client", "cdn"},
                            {"client", "lb"},
                            {"lb", "svc"},
                            {"svc", "db"},
                            {"svc", "client"},
                            {"nightly", "db"}})
        design.appendLink(makeLink(from, to));
    design.apply(arrangeEdit(design));
    const double step = componentWidth + 100;
    auto column = [&](const char* id) { return design.component(id)->position.x / step; };
    QCOMPARE(column("client"), 0.0);
    QCOMPARE(column("dns"), 0.0);
    QCOMPARE(column("cdn"), 0.0);
    QCOMPARE(column("lb"), 1.0);
    QCOMPARE(column("svc"), 2.0);
    QCOMPARE(column("nightly"), 2.0);
    QCOMPARE(column("db"), 3.0);
    QVERIFY(arrangeEdit(design).edits.empty());
}

void TestEditing::arrangeMakesRoomForWideBoxes() {
    // b's label is too long for one line of the widest box (30 characters at the estimated 7.5 px: 225 px
    // of text, the box's room is 240 - 62): it wraps as "Key Generation" / "Service Primary", whose wider
    // line (15 × 7.5 = 112.5 px) needs a 180 px box; b2's needs 200 px. Their column is as wide as the
    // wider, and c's starts 100 px later; their zone holds both. With a measuring function the columns
    // follow it: at 10 px a character b's box is 220 px and b2's ("Database Replica", 160 px) 240 px.
    Design design;
    design.appendZone(zone("az", {0, 0, 100, 100}));
    design.appendComponent(component("a", "service", 0, 0, "az"));
    Component wide = component("b", "service", 0, 0, "az");
    wide.label = "Key Generation Service Primary";
    design.appendComponent(wide);
    Component wider = component("b2", "service", 0, 0, "az");
    wider.label = "Relational Database Replica";
    design.appendComponent(wider);
    design.appendComponent(component("c", "service", 0, 0));
    design.appendLink(makeLink("a", "b"));
    design.appendLink(makeLink("a", "b2"));
    design.appendLink(makeLink("b", "c"));
    QCOMPARE(fitLabel(wide.label, estimatedTextWidth).width, 180.0);
    // "Relational" / "Database Replica": 16 × 7.5 = 120 px, a 200 px box, the widest of its column.
    QCOMPARE(fitLabel(wider.label, estimatedTextWidth).width, 200.0);

    Design estimated = design;
    estimated.apply(arrangeEdit(estimated));
    QCOMPARE(estimated.component("c")->position.x - estimated.component("b")->position.x, 200.0 + 100);
    const Rect az = estimated.zone("az")->rect;
    QCOMPARE(az.x + az.width, estimated.component("b2")->position.x + 200 + 40); // the zone's padding is 40
    QVERIFY(!rectsMeet(
        {estimated.component("b")->position.x, estimated.component("b")->position.y, 180, componentHeight},
        {estimated.component("b2")->position.x, estimated.component("b2")->position.y, 200,
         componentHeight}));
    QVERIFY(!rectsMeet(az, {estimated.component("c")->position.x, estimated.component("c")->position.y,
                            componentWidth, componentHeight}));

    Design measured = design;
    measured.apply(
        arrangeEdit(measured, {}, [](std::string_view text) { return 10.0 * double(text.size()); }));
    QCOMPARE(fitLabel(wide.label, [](std::string_view text) { return 10.0 * double(text.size()); }).width,
             220.0);
    QCOMPARE(measured.component("c")->position.x - measured.component("b")->position.x, 240.0 + 100);
}

void TestEditing::keyNumbersShowReplicasShardsAndReplicationFactor() {
    Component store = component("s", "relational_db");
    store.props["replicas"] = 3;
    store.props["shards"] = 16;
    store.props["replication_factor"] = 3;
    QCOMPARE(keyNumbers(Catalog::builtin(), store), std::string("×3 · 16 shards · RF 3"));
    QCOMPARE(keyNumbers(Catalog::builtin(), component("w", "web_client")), std::string());
}

void TestEditing::buildEditRebuildsTheDesignByteForByte() {
    LoadResult loaded = loadDesignFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");
    QVERIFY(loaded.ok());
    Design rebuilt;
    rebuilt.apply(buildEdit(*loaded.design)); // the brief's stores refer to components: it goes last
    QCOMPARE(saveDesign(rebuilt), saveDesign(*loaded.design));
}

// A monospaced stand-in for the label font: 7 px a byte, so every width below is worked by hand. The text
// room of a box is its width − 54 (icon) − 8 (margin): 98 px at 160, 178 px at the widest, 240.
void TestEditing::labelFit_data() {
    QTest::addColumn<QString>("label");
    QTest::addColumn<double>("width");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("short") << "Cache" << 160.0 << QStringList{"Cache"};
    QTest::newRow("exactly the room of 160") << "Load Balancer " << 160.0 << QStringList{"Load Balancer "};
    // 19 × 7 = 133 px; 133 + 62 = 195 → the next grid step, 200.
    QTest::newRow("grows by grid steps")
        << "Relational Database" << 200.0 << QStringList{"Relational Database"};
    // 23 × 7 = 161 px ≤ 178: one line; 161 + 62 = 223 → 240, the widest box.
    QTest::newRow("widest one line") << "URL Service (replica 2)" << 240.0
                                     << QStringList{"URL Service (replica 2)"};
    // 27 × 7 = 189 px > 178: two lines; the most even break after a space is 14 | 12 bytes, 98 px → 160.
    QTest::newRow("wraps at the most even space")
        << "Key Generation Service Pool" << 160.0 << QStringList{"Key Generation", "Service Pool"};
    // 38 × 7 = 266 px; "Message Log" | "Consumer Group Coordinator" leaves a 26-byte line (182 px).
    // Breaking after "Message Log Consumer" gives 20 | 17 bytes = 140 px → 140 + 62 = 202 → 220.
    QTest::newRow("wraps where the wider line is narrowest")
        << "Message Log Consumer Group Coordinator" << 220.0
        << QStringList{"Message Log Consumer", "Group Coordinator"};
    QTest::newRow("breaks after a hyphen") << "write-through-cache-invalidation-fanout" << 220.0
                                           << QStringList{"write-through-cache-", "invalidation-fanout"};
    // No place to break: split between characters, 15 | 15 bytes = 105 px → 167 → 180.
    QTest::newRow("one long word") << "abcdefghijklmnopqrstuvwxyz0123" << 180.0
                                   << QStringList{"abcdefghijklmno", "pqrstuvwxyz0123"};
}

void TestEditing::labelFit() {
    QFETCH(QString, label);
    QFETCH(double, width);
    QFETCH(QStringList, lines);
    const LabelFit fit =
        fitLabel(label.toStdString(), [](std::string_view text) { return 7.0 * text.size(); });
    QCOMPARE(fit.width, width);
    QStringList got;
    for (const std::string& line : fit.lines)
        got << QString::fromStdString(line);
    QCOMPARE(got, lines);
}

void TestEditing::changeKindKeepsWhatTheNewKindHas() {
    const Catalog& catalog = Catalog::builtin();
    Component cache = component("c", "cache", 40, 60, "az-a");
    cache.label = "Sessions";
    cache.props = {
        {"replicas", 4}, {"shards", 8}, {"hit_ratio", 0.95}, {"capacity_qps", 50000}, {"eviction", "lfu"}};
    cache.accepted.push_back({"capacity.over", "load test only"});

    // A service has replicas and a capacity, but no shards, hit ratio or eviction.
    const std::optional<Component> service = changeKind(catalog, cache, "service");
    QVERIFY(service);
    QCOMPARE(service->kind, std::string("service"));
    QVERIFY(service->props == (Properties{{"replicas", 4}, {"capacity_qps", 50000}}));
    QCOMPARE(service->id, std::string("c"));
    QCOMPARE(service->label, std::string("Sessions"));
    QCOMPARE(service->position.x, 40.0);
    QCOMPARE(service->zone, std::string("az-a"));
    QCOMPARE(service->accepted.size(), std::size_t(1));

    // A relational database keeps the shards too.
    const std::optional<Component> database = changeKind(catalog, cache, "relational_db");
    QVERIFY(database->props == (Properties{{"replicas", 4}, {"shards", 8}, {"capacity_qps", 50000}}));

    // A value the new kind would refuse does not carry over, even under a name it knows.
    Component broken = cache;
    broken.props = {{"replicas", 0}, {"capacity_qps", 50000}};
    QVERIFY(changeKind(catalog, broken, "service")->props == (Properties{{"capacity_qps", 50000}}));

    // The same kind changes nothing.
    QVERIFY(*changeKind(catalog, cache, "cache") == cache);
}

void TestEditing::changeKindRefusesAnUnknownKind() {
    QVERIFY(!changeKind(Catalog::builtin(), component("c", "cache"), "flux_capacitor"));
}

QTEST_GUILESS_MAIN(TestEditing)
#include "tst_editing.moc"
