// Every model edit and its inverse: applying an edit and then what apply() returned restores the exact design.
#include "model/design.h"
#include "model/napkin_file.h"

#include <QTest>
#include <algorithm>
#include <random>

using namespace napkin;

namespace {

Design example() {
    LoadResult result = loadDesignFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");
    return std::move(*result.design);
}

Component service(const std::string& id, const std::string& zone = {}) {
    Component c;
    c.id = id;
    c.kind = "service";
    c.label = id;
    c.zone = zone;
    return c;
}

Link link(const std::string& id, const std::string& from, const std::string& to) {
    Link l;
    l.id = id;
    l.from = from;
    l.to = to;
    return l;
}

// Applies `edit`, checks it changed the design, then applies the inverse and checks the bytes are back.
void expectReversible(Design& design, const Edit& edit) {
    const std::string before = saveDesign(design);
    const Edit inverse = design.apply(edit);
    QVERIFY(design.invariantViolations().empty());
    QVERIFY(saveDesign(design) != before);
    design.apply(inverse);
    QCOMPARE(saveDesign(design), before);
    QVERIFY(design.invariantViolations().empty());
}

} // namespace

class TestDesignEdits : public QObject {
    Q_OBJECT
private slots:
    void everyEditKindIsReversible() {
        Design design = example();
        Component moved = *design.component("cache");
        moved.position = {999, 111};
        moved.props["replicas"] = 5;
        Link relabelled = *design.link("lb-shortener");
        relabelled.protocol = Protocol::Grpc;
        Zone renamed = *design.zone("az-a");
        renamed.label = "eu-west-1a";
        Note edited = design.notes().front();
        edited.text = "changed";
        Brief brief = design.brief();
        brief.functional.push_back("Analytics on clicks");
        Workload workload = design.workload();
        workload.peakFactor = 3;

        expectReversible(design, AddComponent{service("extra", "az-b"), 2});
        expectReversible(design, RemoveComponent{"shortener"});
        expectReversible(design, UpdateComponent{moved});
        expectReversible(design, AddLink{link("new-link", "cache", "url-store"), 0});
        expectReversible(design, RemoveLink{"shortener-store"});
        expectReversible(design, UpdateLink{relabelled});
        expectReversible(design, AddZone{Zone{"vpc", ZoneKind::Vpc, "VPC", "region", {0, 0, 10, 10}, Json::object()}, 1});
        expectReversible(design, RemoveZone{"region"});
        expectReversible(design, UpdateZone{renamed});
        expectReversible(design, AddNote{Note{"n2", "hello", {0, 0, 50, 50}, Json::object()}, appendAtEnd});
        expectReversible(design, RemoveNote{"note-1"});
        expectReversible(design, UpdateNote{edited});
        expectReversible(design, SetBrief{brief});
        expectReversible(design, SetWorkload{workload});
        expectReversible(design, Compound{{RemoveComponent{"cache"}, RemoveComponent{"url-store"}, RemoveZone{"az-b"}}});
    }

    void decisionEditsAreReversibleAndHeard() {
        Design design = example();
        std::vector<std::string> heard;
        design.addListener([&](const Change& change) {
            heard.push_back(std::to_string(static_cast<int>(change.what)) + ":" + change.id);
        });
        const Decision first{"d1", "Cache-aside", "cache-aside-vs-write-through", "Cache-aside", "reads 100:1", {}};
        Decision second{"d2", "Pre-generated keys", {}, {}, {}, Json::object()};
        expectReversible(design, AddDecision{first, appendAtEnd});
        design.apply(AddDecision{first, appendAtEnd});
        expectReversible(design, AddDecision{second, 0});
        design.apply(AddDecision{second, 0});
        QCOMPARE(design.decisions().front().id, std::string("d2"));
        second.reason = "no collisions";
        expectReversible(design, UpdateDecision{second});
        expectReversible(design, RemoveDecision{"d1"});
        const auto change = [](Change::What w, const char* id) {
            return std::to_string(static_cast<int>(w)) + ":" + id;
        };
        QCOMPARE(heard.front(), change(Change::What::DecisionAdded, "d1"));
        QCOMPARE(heard.back(), change(Change::What::DecisionAdded, "d1")); // the removal's inverse
        QVERIFY(std::find(heard.begin(), heard.end(), change(Change::What::DecisionChanged, "d2")) != heard.end());
        QVERIFY(std::find(heard.begin(), heard.end(), change(Change::What::DecisionRemoved, "d1")) != heard.end());
        QCOMPARE(design.check(AddDecision{Decision{"cache", "x", {}, {}, {}, {}}}), std::string("id \"cache\" is already used"));
        QCOMPARE(design.check(AddDecision{Decision{"d3", "", {}, {}, {}, {}}}), std::string("a decision needs its text"));
        QCOMPARE(design.check(UpdateDecision{Decision{"d1", "", {}, {}, {}, {}}}), std::string("a decision needs its text"));
        QCOMPARE(design.check(RemoveDecision{"ghost"}), std::string("no decision \"ghost\""));
        QCOMPARE(design.uniqueId("d1"), std::string("d1-2"));
    }

    void removingAComponentRemovesItsLinks() {
        Design design = example();
        const std::size_t links = design.links().size();
        const std::size_t touching = design.linksOf("shortener").size();
        QCOMPARE(touching, std::size_t(5));
        design.apply(RemoveComponent{"shortener"});
        QCOMPARE(design.links().size(), links - touching);
        QVERIFY(design.linksOf("shortener").empty());
        QVERIFY(design.link("lb-shortener") == nullptr);
    }

    void removingAZoneMovesItsContentToTheParent() {
        Design design = example();
        design.apply(RemoveZone{"az-a"});
        QCOMPARE(design.component("cache")->zone, std::string("region"));
        design.apply(RemoveZone{"region"});
        QCOMPARE(design.component("cache")->zone, std::string());
        QCOMPARE(design.zone("az-b")->parent, std::string());
        QCOMPARE(design.membersOf("az-b"), (std::vector<std::string>{"url-store", "key-service"}));
    }

    void rejectsInvalidEdits_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("reason");
        QTest::newRow("duplicate id") << 0 << "id \"cache\" is already used";
        QTest::newRow("link to nothing") << 1 << "no component \"ghost\"";
        QTest::newRow("self link") << 2 << "a link must join two different components, got \"cache\" twice";
        QTest::newRow("missing zone") << 3 << "no zone \"mars\"";
        QTest::newRow("zone inside itself") << 4 << "zone \"region\" would contain itself";
        QTest::newRow("remove missing") << 5 << "no component \"ghost\"";
        QTest::newRow("empty id") << 6 << "an id must not be empty";
    }

    void rejectsInvalidEdits() {
        QFETCH(int, which);
        QFETCH(QString, reason);
        Design design = example();
        Zone cyclic = *design.zone("region");
        cyclic.parent = "az-a";
        const std::vector<Edit> edits{
            AddComponent{service("cache")},
            AddLink{link("l", "cache", "ghost")},
            AddLink{link("l", "cache", "cache")},
            AddComponent{service("fresh", "mars")},
            UpdateZone{cyclic},
            RemoveComponent{"ghost"},
            AddComponent{service("")},
        };
        const std::string before = saveDesign(design);
        const Edit& edit = edits[static_cast<std::size_t>(which)];
        QCOMPARE(QString::fromStdString(design.check(edit)), reason);
        QVERIFY_THROWS_EXCEPTION(EditError, design.apply(edit));
        QCOMPARE(saveDesign(design), before);
    }

    void aFailingCompoundChangesNothing() {
        Design design = example();
        const std::string before = saveDesign(design);
        const Edit edit = Compound{{RemoveComponent{"cache"}, AddLink{link("x", "cache", "lb")}}};
        QCOMPARE(design.check(edit), std::string("no component \"cache\""));
        QVERIFY_THROWS_EXCEPTION(EditError, design.apply(edit));
        QCOMPARE(saveDesign(design), before);
    }

    void listenersHearEveryChange() {
        Design design = example();
        std::vector<std::string> heard;
        const int token = design.addListener([&](const Change& change) {
            heard.push_back(std::to_string(static_cast<int>(change.what)) + ":" + change.id);
        });
        const Edit inverse = design.apply(RemoveComponent{"key-service"});
        const auto removed = [](Change::What w, const char* id) {
            return std::to_string(static_cast<int>(w)) + ":" + id;
        };
        QCOMPARE(heard, (std::vector<std::string>{removed(Change::What::LinkRemoved, "keys-zk"),
                                                  removed(Change::What::LinkRemoved, "shortener-keys"),
                                                  removed(Change::What::ComponentRemoved, "key-service")}));
        design.removeListener(token);
        design.apply(inverse);
        QCOMPARE(heard.size(), std::size_t(3));
        const Design copy(design); // listeners stay with the original
        QCOMPARE(saveDesign(copy), saveDesign(design));
    }

    void uniqueIdsAreReadable() {
        Design design = example();
        QCOMPARE(design.uniqueId("Cache"), std::string("cache-2"));
        QCOMPARE(design.uniqueId("Load Balancer"), std::string("load-balancer"));
        QCOMPARE(design.uniqueId("  "), std::string("item"));
        design.apply(AddComponent{service("cache-2")});
        QCOMPARE(design.uniqueId("cache"), std::string("cache-3"));
    }

    // Thousands of random edits, then undo them all: the design must come back byte for byte, and the
    // invariants must hold after every step.
    void randomEditsUndoToTheOriginal() {
        Design design = example();
        const std::string original = saveDesign(design);
        std::mt19937 random(20261127);
        std::vector<Edit> undo;
        int counter = 0;
        auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
        for (int step = 0; step < 3000; ++step) {
            std::vector<Edit> candidates;
            const auto& components = design.components();
            if (!components.empty()) {
                const Component& some = components[pick(components.size())];
                const Component& other = components[pick(components.size())];
                Component moved = some;
                moved.position = {double(random() % 2000), double(random() % 1000)};
                moved.props["replicas"] = int(1 + random() % 9);
                candidates.push_back(UpdateComponent{moved});
                candidates.push_back(RemoveComponent{some.id});
                if (some.id != other.id)
                    candidates.push_back(AddLink{link("l" + std::to_string(++counter), some.id, other.id),
                                                 pick(design.links().size() + 1)});
                if (!design.zones().empty()) {
                    Component rezoned = some;
                    rezoned.zone = design.zones()[pick(design.zones().size())].id;
                    candidates.push_back(UpdateComponent{rezoned});
                }
            }
            candidates.push_back(AddComponent{service("c" + std::to_string(++counter)), pick(components.size() + 1)});
            if (!design.links().empty())
                candidates.push_back(RemoveLink{design.links()[pick(design.links().size())].id});
            if (!design.zones().empty() && random() % 10 == 0)
                candidates.push_back(RemoveZone{design.zones()[pick(design.zones().size())].id});
            undo.push_back(design.apply(candidates[pick(candidates.size())]));
            const auto problems = design.invariantViolations();
            QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().c_str());
        }
        QVERIFY(saveDesign(design) != original);
        for (auto it = undo.rbegin(); it != undo.rend(); ++it)
            design.apply(*it);
        QCOMPARE(saveDesign(design), original);
    }
};

QTEST_APPLESS_MAIN(TestDesignEdits)
#include "tst_design_edits.moc"
