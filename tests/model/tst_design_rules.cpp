// One set of rules for a valid design: every edit the model accepts leaves a design that saves and opens
// again byte for byte, edits the loader would refuse are refused with the loader's message, and an edit's
// consequences (stores of a removed component, renamed or removed operations) travel in the same undo step.
#include "model/design.h"
#include "model/design_rules.h"
#include "model/napkin_file.h"

#include <QTest>
#include <random>

using namespace napkin;

namespace {

Design example() {
    LoadResult result = loadDesignFile(NAPKIN_TEST_DATA_DIR "/fixtures/tiny-url.napkin");
    return std::move(*result.design);
}

// Saves, loads and saves again: the design must open and give the same bytes.
QString reopenProblem(const Design& design) {
    const std::string saved = saveDesign(design);
    const LoadResult loaded = loadDesign(saved);
    if (!loaded.ok())
        return QString::fromStdString("does not open: " + loaded.errors().front().toString());
    if (saveDesign(*loaded.design) != saved)
        return "opens with different bytes";
    return {};
}

Operation operation(const std::string& name, OperationType type, RatePer per = RatePer::Day,
                    const std::string& of = {}) {
    Operation op;
    op.name = name;
    op.type = type;
    op.rate = 10;
    op.per = per;
    op.of = of;
    return op;
}

// Random edits of every kind, valid and not: the model must refuse exactly those that would not reopen.
class RandomEdits {
  public:
    explicit RandomEdits(unsigned seed) : m_random(seed) {}

    Edit next(const Design& design) {
        switch (pick(15)) {
        case 0:
            return addComponent(design);
        case 1:
            return RemoveComponent{someComponentId(design)};
        case 2:
            return updateComponent(design);
        case 3:
            return addLink(design);
        case 4:
            return RemoveLink{design.links().empty() ? "ghost"
                                                     : design.links()[pick(design.links().size())].id};
        case 5:
            return updateLink(design);
        case 6:
            return addZone(design);
        case 7:
            return RemoveZone{someZoneId(design)};
        case 8:
            return updateZone(design);
        case 9:
            return addNote();
        case 10:
            return design.notes().empty() ? addNote()
                                          : Edit(RemoveNote{design.notes()[pick(design.notes().size())].id});
        case 11:
            return updateNote(design);
        case 12:
            return SetBrief{brief(design)};
        case 13:
            return SetWorkload{workload(design)};
        default:
            return Compound{{next(design), RemoveComponent{someComponentId(design)}}};
        }
    }

  private:
    std::size_t pick(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(m_random() % n); }
    bool chance(int percent) { return static_cast<int>(pick(100)) < percent; }
    std::string fresh(const char* stem) { return stem + std::to_string(++m_counter); }

    // Mostly fine text, sometimes over a limit.
    std::string text(std::size_t limit) {
        if (chance(5))
            return std::string(limit + 1, 'x');
        return chance(30) ? std::string() : "t" + std::to_string(pick(1000));
    }
    double coordinate() { return chance(3) ? 2e7 : double(pick(4000)) - 1000; }

    std::string someComponentId(const Design& d) {
        if (d.components().empty() || chance(5))
            return "ghost";
        return d.components()[pick(d.components().size())].id;
    }
    std::string someZoneId(const Design& d) {
        if (d.zones().empty() || chance(5))
            return "nowhere";
        return d.zones()[pick(d.zones().size())].id;
    }
    std::string maybeZone(const Design& d) { return chance(50) ? std::string() : someZoneId(d); }
    std::string someOperation(const Design& d) {
        const auto& ops = d.workload().operations;
        if (ops.empty() || chance(10))
            return "missing op";
        return ops[pick(ops.size())].name;
    }

    Component component(const Design& d, Component c) {
        const auto& kinds = Catalog::builtin().kinds();
        if (c.kind.empty() || chance(20))
            c.kind = kinds[pick(kinds.size())].id; // changing kind keeps props the new kind may not know
        c.label = text(rules::maxLabelLength);
        c.position = {coordinate(), coordinate()};
        if (chance(50))
            c.zone = maybeZone(d);
        if (chance(30))
            c.props["replicas"] = int(pick(6)) - 1; // 0 or less is refused by kinds that have replicas
        if (chance(10))
            c.notes = text(rules::maxTextLength);
        if (chance(10))
            c.accepted.push_back({chance(90) ? "spof" : std::string(70, 'r'), text(100)});
        return c;
    }
    Edit addComponent(const Design& d) {
        Component c;
        c.id = chance(3) ? "bad id" : fresh("c");
        return AddComponent{component(d, c), pick(d.components().size() + 1)};
    }
    Edit updateComponent(const Design& d) {
        if (d.components().empty())
            return addComponent(d);
        return UpdateComponent{component(d, d.components()[pick(d.components().size())])};
    }

    Link link(const Design& d, Link l) {
        l.from = someComponentId(d);
        l.to = chance(5) ? l.from : someComponentId(d);
        l.label = text(rules::maxLabelLength);
        l.protocol = allProtocols()[pick(allProtocols().size())];
        if (chance(30))
            l.props["operations"] = Json::array({someOperation(d)});
        else if (chance(20))
            l.props.erase("operations");
        return l;
    }
    Edit addLink(const Design& d) {
        Link l;
        l.id = fresh("l");
        return AddLink{link(d, l), pick(d.links().size() + 1)};
    }
    Edit updateLink(const Design& d) {
        if (d.links().empty())
            return addLink(d);
        return UpdateLink{link(d, d.links()[pick(d.links().size())])};
    }

    Zone zone(const Design& d, Zone z) {
        z.kind = allZoneKinds()[pick(allZoneKinds().size())];
        z.label = text(rules::maxLabelLength);
        z.parent = maybeZone(d); // may be itself or a descendant: a cycle
        z.rect = {coordinate(), coordinate(), chance(3) ? -5.0 : double(pick(800)), double(pick(600))};
        return z;
    }
    Edit addZone(const Design& d) {
        Zone z;
        z.id = fresh("z");
        return AddZone{zone(d, z), pick(d.zones().size() + 1)};
    }
    Edit updateZone(const Design& d) {
        if (d.zones().empty())
            return addZone(d);
        return UpdateZone{zone(d, d.zones()[pick(d.zones().size())])};
    }

    Edit addNote() {
        return AddNote{
            Note{fresh("n"), text(rules::maxTextLength), {coordinate(), 0, 200, 100}, Json::object()},
            appendAtEnd};
    }
    Edit updateNote(const Design& d) {
        if (d.notes().empty())
            return addNote();
        Note n = d.notes()[pick(d.notes().size())];
        n.text = text(rules::maxTextLength);
        n.rect.x = coordinate();
        return UpdateNote{n};
    }

    Brief brief(const Design& d) {
        Brief b = d.brief();
        switch (pick(5)) {
        case 0:
            b.title = chance(20) ? std::string(250, 't') : text(rules::maxLabelLength);
            break;
        case 1:
            b.functional.push_back(text(rules::maxTextLength));
            break;
        case 2: {
            Entity e;
            e.name = fresh("Entity");
            e.fields.push_back({"id", "uuid"});
            e.storedIn = someComponentId(d);
            b.entities.push_back(std::move(e));
            break;
        }
        case 3:
            if (!b.entities.empty())
                b.entities.erase(b.entities.begin() + static_cast<std::ptrdiff_t>(pick(b.entities.size())));
            break;
        default:
            b.nonFunctional.push_back(
                {"latency", text(rules::maxTextLength), text(rules::maxLabelLength), Json::object()});
        }
        return b;
    }

    Workload workload(const Design& d) {
        Workload w = d.workload();
        auto& ops = w.operations;
        switch (pick(7)) {
        case 0: // add, sometimes with a name already used
            ops.push_back(operation(chance(20) && !ops.empty() ? ops.front().name : fresh("op"),
                                    chance(50) ? OperationType::Read : OperationType::Write));
            break;
        case 1: // remove, even one that others follow
            if (!ops.empty())
                ops.erase(ops.begin() + static_cast<std::ptrdiff_t>(pick(ops.size())));
            break;
        case 2: // rename
            if (!ops.empty())
                ops[pick(ops.size())].name = chance(10) ? std::string() : fresh("renamed");
            break;
        case 3: // per write of something, maybe a read, a missing one or one itself per write
            if (!ops.empty()) {
                Operation& op = ops[pick(ops.size())];
                op.per = RatePer::PerWriteOf;
                op.of = someOperation(d);
            }
            break;
        case 4:
            w.peakFactor = chance(20) ? 0.5 : double(1 + pick(5));
            break;
        case 5:
            w.dailyActiveUsers = chance(10) ? -1.0 : double(pick(1000000));
            break;
        default:
            if (!ops.empty())
                ops[pick(ops.size())].type = chance(50) ? OperationType::Read : OperationType::Write;
        }
        return w;
    }

    std::mt19937 m_random;
    int m_counter = 0;
};

} // namespace

class TestDesignRules : public QObject {
    Q_OBJECT
  private slots:
    // The property: after every accepted edit the design saves and opens to the same bytes; a refused edit
    // changes nothing; undoing everything gives back the original bytes.
    void everyAcceptedEditReopens() {
        Design design = example();
        const std::string original = saveDesign(design);
        RandomEdits edits(20261130);
        std::vector<Edit> undo;
        int refused = 0;
        for (int step = 0; step < 4000; ++step) {
            const Edit edit = edits.next(design);
            const std::string before = saveDesign(design);
            if (const std::string why = design.check(edit); !why.empty()) {
                ++refused;
                QVERIFY_THROWS_EXCEPTION(EditError, design.apply(edit));
                QCOMPARE(saveDesign(design), before);
                continue;
            }
            undo.push_back(design.apply(edit));
            const QString problem = reopenProblem(design);
            QVERIFY2(problem.isEmpty(), qPrintable(QString("step %1: %2").arg(step).arg(problem)));
            const auto violations = design.invariantViolations();
            QVERIFY2(violations.empty(), violations.empty() ? "" : violations.front().c_str());
        }
        // Both kinds must really happen, or the property proves little.
        QVERIFY2(refused > 400, qPrintable(QString::number(refused)));
        QVERIFY2(undo.size() > 1500, qPrintable(QString::number(undo.size())));
        for (auto it = undo.rbegin(); it != undo.rend(); ++it)
            design.apply(*it);
        QCOMPARE(saveDesign(design), original);
    }

    // Reported: add a component, store an entity in it, delete the component, save — the file did not open.
    void deletingAComponentClearsTheEntitiesStoredInIt() {
        Design design = example();
        const std::string original = saveDesign(design);
        Component blob{"blob", "object_storage", "Blobs", {0, 0}, {}, {}, {}, {}, Json::object()};
        design.apply(AddComponent{blob});
        Brief brief = design.brief();
        brief.entities.push_back(Entity{"Paste", {{"id", "uuid"}}, "blob", {}, {}, {}, Json::object()});
        design.apply(SetBrief{brief});
        const std::string withEntity = saveDesign(design);

        const Edit undo = design.apply(RemoveComponent{"blob"});
        QCOMPARE(design.brief().entities.back().storedIn, std::string());
        QCOMPARE(design.brief().entities.front().storedIn, std::string("url-store"));
        QCOMPARE(reopenProblem(design), QString());
        design.apply(undo); // one step brings back the component and the store
        QCOMPARE(saveDesign(design), withEntity);
        QVERIFY(saveDesign(design) != original);
    }

    void storingAnEntityInNothingIsRefusedWithTheLoadersMessage() {
        Design design = example();
        Brief brief = design.brief();
        brief.entities.front().storedIn = "ghost";
        QCOMPARE(
            design.check(SetBrief{brief}),
            std::string("brief.entities: entity \"Url\" is stored in \"ghost\", which is not a component"));
    }

    void refusedWorkloadEdits_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("duplicate name")
            << 0
            << "workload.operations[2].name: duplicate operation \"redirect\", already used by "
               "workload.operations[1]";
        QTest::newRow("write_of a missing operation")
            << 1 << "workload.operations[1].of: no operation \"tweet\" in the workload";
        QTest::newRow("write_of a read")
            << 2 << "workload.operations[2].of: operation \"redirect\" is a read, not a write";
        QTest::newRow("removing the write others follow")
            << 3 << "workload.operations[0].of: no operation \"shorten URL\" in the workload";
        QTest::newRow("empty name") << 4 << "workload.operations[0].name: must not be empty";
        QTest::newRow("peak factor") << 5
                                     << "workload.peak_factor: must be a number between 1 and 1000, got 0.5";
    }

    void refusedWorkloadEdits() {
        QFETCH(int, which);
        QFETCH(QString, message);
        Design design = example();
        Workload w = design.workload();
        switch (which) {
        case 0:
            w.operations.push_back(operation("redirect", OperationType::Read));
            break;
        case 1:
            w.operations[1].of = "tweet";
            break;
        case 2:
            w.operations.push_back(operation("stats", OperationType::Read, RatePer::PerWriteOf, "redirect"));
            break;
        case 3:
            w.operations.erase(w.operations.begin());
            break;
        case 4:
            w.operations[0].name.clear();
            break;
        default:
            w.peakFactor = 0.5;
        }
        const std::string before = saveDesign(design);
        QCOMPARE(QString::fromStdString(design.check(SetWorkload{w})), message);
        QVERIFY_THROWS_EXCEPTION(EditError, design.apply(SetWorkload{w}));
        QCOMPARE(saveDesign(design), before);
    }

    // Renaming the write that "redirect" follows re-points `of` and the link filters naming it, in one step.
    void renamingAnOperationFollowsItsReferences() {
        Design design = example();
        const std::string before = saveDesign(design);
        Workload w = design.workload();
        w.operations[0].name = "shorten";
        const Edit undo = design.apply(SetWorkload{w});
        QCOMPARE(design.workload().operations[1].of, std::string("shorten"));
        QCOMPARE(design.link("shortener-keys")->props.at("operations").dump(), std::string(R"(["shorten"])"));
        QCOMPARE(design.link("shortener-users")->props.at("operations").dump(),
                 std::string(R"(["shorten"])"));
        QCOMPARE(design.link("shortener-cache")->props.at("operations").dump(),
                 std::string(R"(["redirect"])"));
        QCOMPARE(reopenProblem(design), QString());
        design.apply(undo);
        QCOMPARE(saveDesign(design), before);
    }

    // Removing an operation a link filter names drops it from the filter; a filter left empty goes.
    void removingAnOperationDropsItFromLinkFilters() {
        Design design = example();
        const std::string before = saveDesign(design);
        Workload w = design.workload();
        w.operations.erase(w.operations.begin() + 1); // "redirect": nothing follows it
        const Edit undo = design.apply(SetWorkload{w});
        QCOMPARE(design.link("shortener-cache")->props.count("operations"), std::size_t(0));
        for (const Link& l : design.links())
            if (auto filter = l.props.find("operations"); filter != l.props.end())
                QCOMPARE(filter->second.dump(), std::string(R"(["shorten URL"])"));
        QCOMPARE(reopenProblem(design), QString());
        design.apply(undo);
        QCOMPARE(saveDesign(design), before);
    }

    void aLinkFilterNamingNoOperationIsRefused() {
        Design design = example();
        Link l = *design.link("lb-shortener");
        l.props["operations"] = Json::array({"shorten URL", "delete"});
        QCOMPARE(design.check(UpdateLink{l}), std::string("no operation \"delete\" in the workload"));
    }

    void fieldLimitsAreTheLoaders_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("label") << 0 << "must be at most 200 characters, got 201";
        QTest::newRow("id characters") << 1 << "may hold only letters, digits and _ - . :, got \"my api\"";
        QTest::newRow("property") << 2 << "must be a whole number ≥ 1, got -2";
        QTest::newRow("coordinate") << 3 << "must be a number between -1000000 and 1000000, got 20000000";
        QTest::newRow("title") << 4 << "brief.title: must be at most 200 characters, got 250";
        QTest::newRow("note") << 5 << "must be at most 20000 characters, got 20001";
    }

    void fieldLimitsAreTheLoaders() {
        QFETCH(int, which);
        QFETCH(QString, message);
        Design design = example();
        Component c = *design.component("cache");
        Brief b = design.brief();
        Note n = design.notes().front();
        std::vector<Edit> edits;
        switch (which) {
        case 0:
            c.label = std::string(201, 'x');
            edits.push_back(UpdateComponent{c});
            break;
        case 1:
            c.id = "my api";
            edits.push_back(AddComponent{c});
            break;
        case 2:
            c.props["replicas"] = -2;
            edits.push_back(UpdateComponent{c});
            break;
        case 3:
            c.position.x = 2e7;
            edits.push_back(UpdateComponent{c});
            break;
        case 4:
            b.title = std::string(250, 't');
            edits.push_back(SetBrief{b});
            break;
        default:
            n.text = std::string(20001, 'n');
            edits.push_back(UpdateNote{n});
        }
        QCOMPARE(QString::fromStdString(design.check(edits.front())), message);
    }

    void shortensAtACharacterBoundary() {
        const std::string word = "é"; // two bytes
        std::string text;
        for (int i = 0; i < 150; ++i)
            text += word;
        const std::string shortened = rules::shortenedToFit(text, rules::maxLabelLength);
        QCOMPARE(shortened.size(), std::size_t(200));
        QCOMPARE(rules::shortenedToFit("a" + text, 200).size(), std::size_t(199)); // never half an é
        QCOMPARE(rules::shortenedToFit("short", 200), std::string("short"));
    }
};

QTEST_APPLESS_MAIN(TestDesignRules)
#include "tst_design_rules.moc"
