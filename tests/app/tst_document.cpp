// The Document: model changes re-emitted as signals, one undo step per execute(), merging of typing, the
// modified flag, and thousands of random edits undone back to the exact original bytes.
#include "app/gui/document.h"
#include "model/editing/editing.h"
#include "model/napkin_file.h"

#include <QSignalSpy>
#include <QTest>

#include <random>

using namespace napkin;
using namespace napkin::gui;

namespace {

Design loadExample() {
    LoadResult result = loadDesignFile(std::string(NAPKIN_TEST_DATA_DIR) + "/fixtures/tiny-url.napkin");
    if (!result.ok())
        qFatal("the example design does not load");
    return *result.design;
}

/// Produces a random edit that the design may or may not accept (refusals are part of the test).
class RandomEditor {
public:
    explicit RandomEditor(unsigned seed) : m_random(seed) {}

    Edit next(const Design& design) {
        switch (pick(10)) {
        case 0:
        case 1: return addComponent(design);
        case 2: return remove(design);
        case 3:
        case 4: return moveOrRename(design);
        case 5: return setProperty(design);
        case 6: return connect(design);
        case 7: return zoneEdit(design);
        case 8: return noteEdit(design);
        default: return compound(design);
        }
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_random); }
    double coordinate() { return static_cast<double>(pick(100)) * 20 - 600; }
    template <typename T>
    const T* any(const std::vector<T>& items) {
        return items.empty() ? nullptr : &items[pick(items.size())];
    }

    Edit addComponent(const Design& design) {
        const auto& kinds = Catalog::builtin().kinds();
        auto c = newComponent(design, Catalog::builtin(), kinds[pick(kinds.size())].id, {coordinate(), coordinate()});
        return AddComponent{*c, pick(3) == 0 ? std::size_t(0) : appendAtEnd};
    }
    Edit remove(const Design& design) {
        switch (pick(4)) {
        case 0: if (auto* c = any(design.components())) return RemoveComponent{c->id}; break;
        case 1: if (auto* l = any(design.links())) return RemoveLink{l->id}; break;
        case 2: if (auto* z = any(design.zones())) return RemoveZone{z->id}; break;
        default: if (auto* n = any(design.notes())) return RemoveNote{n->id}; break;
        }
        return RemoveComponent{"missing"};
    }
    Edit moveOrRename(const Design& design) {
        const Component* c = any(design.components());
        if (!c)
            return addComponent(design);
        Component changed = *c;
        changed.position = {coordinate(), coordinate()};
        if (pick(2))
            changed.label += "'";
        if (const Zone* z = any(design.zones()); z && pick(2))
            changed.zone = z->id;
        return UpdateComponent{changed};
    }
    Edit setProperty(const Design& design) {
        const Component* c = any(design.components());
        if (!c)
            return addComponent(design);
        Component changed = *c;
        if (pick(3) == 0)
            changed.props.clear();
        else
            changed.props["replicas"] = static_cast<int>(pick(20)) + 1;
        return UpdateComponent{changed};
    }
    Edit connect(const Design& design) {
        const Component* a = any(design.components());
        const Component* b = any(design.components());
        if (!a || !b)
            return addComponent(design);
        if (auto l = newLink(design, Catalog::builtin(), a->id, b->id))
            return AddLink{*l};
        if (const Link* existing = any(design.links())) {
            Link changed = *existing;
            changed.protocol = allProtocols()[pick(allProtocols().size())];
            changed.label = "edited";
            return UpdateLink{changed};
        }
        return RemoveLink{"missing"};
    }
    Edit zoneEdit(const Design& design) {
        if (const Zone* z = any(design.zones()); z && pick(2)) {
            Zone changed = *z;
            changed.rect.x = coordinate();
            if (const Zone* parent = any(design.zones()))
                changed.parent = pick(2) ? parent->id : std::string();
            return UpdateZone{changed}; // may be refused (a zone inside itself)
        }
        return AddZone{newZone(design, allZoneKinds()[pick(allZoneKinds().size())], {coordinate(), coordinate()})};
    }
    Edit noteEdit(const Design& design) {
        if (const Note* n = any(design.notes()); n && pick(2)) {
            Note changed = *n;
            changed.text += "!";
            return UpdateNote{changed};
        }
        return AddNote{newNote(design, {coordinate(), coordinate()}, "note")};
    }
    Edit compound(const Design& design) {
        switch (pick(3)) {
        case 0: return arrangeEdit(design);
        case 1: {
            Selection selection;
            if (const Component* c = any(design.components()))
                selection.components.push_back(c->id);
            if (const Zone* z = any(design.zones()))
                selection.zones.push_back(z->id);
            return deleteEdit(design, selection);
        }
        default: {
            Selection selection; // a few components, so that the design does not double with every paste
            for (int i = 0; i < 3; ++i)
                if (const Component* c = any(design.components()))
                    selection.components.push_back(c->id);
            return pasteEdit(design, copyFragment(design, selection), {40, 40});
        }
        }
    }

    std::mt19937 m_random;
};

} // namespace

class TestDocument : public QObject {
    Q_OBJECT
private slots:
    void executeEmitsSignalsAndPushesOneStep();
    void refusedEditChangesNothing();
    void typingInOneFieldMergesIntoOneStep();
    void modifiedFollowsTheCleanState();
    void resetClearsHistory();
    void thousandsOfRandomEditsUndoToTheExactBytes();
};

void TestDocument::executeEmitsSignalsAndPushesOneStep() {
    Document document;
    document.reset(loadExample(), {});
    QSignalSpy removedComponents(&document, &Document::componentRemoved);
    QSignalSpy removedLinks(&document, &Document::linkRemoved);
    QSignalSpy addedLinks(&document, &Document::linkAdded);
    QVERIFY(document.execute(RemoveComponent{"shortener"}, "Delete"));
    QCOMPARE(removedComponents.count(), 1);
    QCOMPARE(removedComponents.at(0).at(0).toString(), QString("shortener"));
    QCOMPARE(removedLinks.count(), 5); // every link of the URL service goes with it
    QCOMPARE(document.undoStack()->count(), 1);
    document.undoStack()->undo();
    QCOMPARE(addedLinks.count(), 5);
    QVERIFY(document.design().component("shortener"));
    QCOMPARE(document.design().links().size(), std::size_t(8));
}

void TestDocument::refusedEditChangesNothing() {
    Document document;
    document.reset(loadExample(), {});
    const std::string before = saveDesign(document.design());
    QString error;
    Link bad;
    bad.id = "x";
    bad.from = "browser";
    bad.to = "nowhere";
    QVERIFY(!document.execute(AddLink{bad}, "Connect", &error));
    QCOMPARE(error, QString("no component \"nowhere\""));
    // A compound whose second part fails is refused as a whole.
    QVERIFY(!document.execute(Compound{{RemoveComponent{"dns"}, RemoveComponent{"nowhere"}}}, "Delete", &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(saveDesign(document.design()), before);
}

void TestDocument::typingInOneFieldMergesIntoOneStep() {
    Document document;
    document.reset(loadExample(), {});
    const std::string before = saveDesign(document.design());
    for (const char* label : {"R", "Re", "Red", "Redis"}) {
        Component cache = *document.design().component("cache");
        cache.label = label;
        QVERIFY(document.execute(UpdateComponent{cache}, "Rename", nullptr, "label:cache"));
    }
    Component other = *document.design().component("dns");
    other.label = "DNS";
    QVERIFY(document.execute(UpdateComponent{other}, "Rename", nullptr, "label:dns"));
    QCOMPARE(document.undoStack()->count(), 2);
    QCOMPARE(document.design().component("cache")->label, std::string("Redis"));
    document.undoStack()->undo();
    document.undoStack()->undo();
    QCOMPARE(saveDesign(document.design()), before);
    document.undoStack()->redo();
    QCOMPARE(document.design().component("cache")->label, std::string("Redis"));
}

void TestDocument::modifiedFollowsTheCleanState() {
    Document document;
    document.reset(loadExample(), "/tmp/x.napkin");
    QSignalSpy modified(&document, &Document::modifiedChanged);
    QVERIFY(!document.isModified());
    QVERIFY(document.execute(RemoveNote{"note-1"}, "Delete"));
    QVERIFY(document.isModified());
    document.undoStack()->undo();
    QVERIFY(!document.isModified());
    QCOMPARE(modified.count(), 2);
    QCOMPARE(modified.at(0).at(0).toBool(), true);
    QCOMPARE(modified.at(1).at(0).toBool(), false);
    QCOMPARE(document.displayName(), QString("x.napkin"));
}

void TestDocument::resetClearsHistory() {
    Document document;
    QSignalSpy reset(&document, &Document::designReset);
    QVERIFY(document.execute(AddNote{newNote(document.design(), {0, 0}, "hi")}, "Add note"));
    document.reset(loadExample(), {});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.isModified());
    QCOMPARE(document.design().components().size(), std::size_t(10));
}

void TestDocument::thousandsOfRandomEditsUndoToTheExactBytes() {
    Document document;
    document.reset(loadExample(), {});
    RandomEditor editor(20261127);
    std::vector<std::string> history{saveDesign(document.design())};
    int refused = 0;
    for (int i = 0; i < 3000; ++i) {
        const Edit edit = editor.next(document.design());
        if (!document.execute(edit, "random")) {
            ++refused;
            QCOMPARE(saveDesign(document.design()), history.back()); // a refusal changes nothing
            continue;
        }
        QVERIFY2(document.design().invariantViolations().empty(), "an edit broke the model's invariants");
        history.push_back(saveDesign(document.design()));
    }
    QCOMPARE(document.undoStack()->count(), static_cast<int>(history.size()) - 1);
    QVERIFY(history.size() > 2000);
    QVERIFY(refused > 0);
    for (auto it = history.rbegin() + 1; it != history.rend(); ++it) {
        document.undoStack()->undo();
        QCOMPARE(saveDesign(document.design()), *it);
    }
    QVERIFY(!document.isModified());
    while (document.undoStack()->canRedo())
        document.undoStack()->redo();
    QCOMPARE(saveDesign(document.design()), history.back());
}

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
