#pragma once
// The design a user draws and estimates: brief, workload, components, links, zones and notes.
// Everything that changes a Design goes through Design::apply(Edit), which returns the inverse edit,
// so that the app can wrap every change in an undo command and the tests can prove each one reversible.

#include "model/edit.h"
#include "model/string_index.h"

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace napkin {

/// What changed, for views that mirror the model.
struct Change {
    enum class What {
        ComponentAdded, ComponentRemoved, ComponentChanged,
        LinkAdded, LinkRemoved, LinkChanged,
        ZoneAdded, ZoneRemoved, ZoneChanged,
        NoteAdded, NoteRemoved, NoteChanged,
        BriefChanged, WorkloadChanged,
        DecisionAdded, DecisionRemoved, DecisionChanged
    };
    What what;
    std::string id;
};

class EditError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Design {
public:
    using Listener = std::function<void(const Change&)>;

    Design() = default;
    /// Copies the design's content; listeners stay with the original.
    Design(const Design& other);
    Design& operator=(const Design& other);
    Design(Design&&) = default;
    Design& operator=(Design&&) = default;
    ~Design() = default;

    const Brief& brief() const { return m_brief; }
    const Workload& workload() const { return m_workload; }
    const std::vector<Component>& components() const { return m_components; }
    const std::vector<Link>& links() const { return m_links; }
    const std::vector<Zone>& zones() const { return m_zones; }
    const std::vector<Note>& notes() const { return m_notes; }
    const std::vector<Decision>& decisions() const { return m_decisions; }
    const Json& extra() const { return m_extra; }

    const Component* component(std::string_view id) const;
    const Link* link(std::string_view id) const;
    const Zone* zone(std::string_view id) const;
    const Note* note(std::string_view id) const;
    const Decision* decision(std::string_view id) const;
    /// Position of the component in components(), or -1.
    int componentIndex(std::string_view id) const;
    int linkIndex(std::string_view id) const;
    bool hasId(std::string_view id) const;
    /// An id not used by anything in the design, built from `stem` ("cache" → "cache", "cache-2", …).
    std::string uniqueId(std::string_view stem) const;
    /// Links that start or end at the component, in design order.
    std::vector<const Link*> linksOf(std::string_view componentId) const;
    /// Components whose zone is `zoneId` or one of its descendants.
    std::vector<std::string> membersOf(std::string_view zoneId) const;
    /// True when `zoneId` is `ancestorId` or lies inside it.
    bool zoneWithin(std::string_view zoneId, std::string_view ancestorId) const;

    /// Empty when the edit can be applied, otherwise why not: the rules of model/design_rules.h, which the
    /// loader applies too, so that an edit never makes a design that would not open.
    std::string check(const Edit& edit) const;
    /// Applies the edit and returns its inverse; throws EditError, changing nothing, when it cannot apply.
    /// Consequences are part of the same edit: removing a component clears the entities stored in it;
    /// renaming an operation re-points `of` and link filters; removing one drops it from link filters.
    Edit apply(const Edit& edit);

    /// Problems with the model's own invariants and the rules of a valid design (model/design_rules.h).
    std::vector<std::string> invariantViolations() const;

    /// Registers a callback told about each change; returns a token for removeListener.
    int addListener(Listener listener);
    void removeListener(int token);

    // Bulk set-up for the loader: no listeners are told, no inverse is kept.
    void setBrief(Brief brief) { m_brief = std::move(brief); }
    void setWorkload(Workload workload) { m_workload = std::move(workload); }
    void setExtra(Json extra) { m_extra = std::move(extra); }
    void appendComponent(Component component);
    void appendLink(Link link);
    void appendZone(Zone zone);
    void appendNote(Note note);
    void appendDecision(Decision decision);

private:
    Edit applyOne(const Edit& edit);
    std::string checkOne(const Edit& edit) const;
    Edit removeComponent(const std::string& id);
    Edit removeZone(const std::string& id);
    Edit applyWorkload(const Workload& proposed);
    Edit clearStoresIn(const std::string& componentId);
    template <typename T>
    Edit insertInto(std::vector<T>& items, T item, std::size_t index, Change::What what);
    template <typename T>
    Edit removeFrom(std::vector<T>& items, const std::string& id, Change::What what);
    template <typename Item, typename UpdateEdit>
    Edit replaceIn(std::vector<Item>& items, const Item& item, Change::What what);
    void notify(Change::What what, const std::string& id);
    void reindex();

    Brief m_brief;
    Workload m_workload;
    std::vector<Component> m_components;
    std::vector<Link> m_links;
    std::vector<Zone> m_zones;
    std::vector<Note> m_notes;
    std::vector<Decision> m_decisions;
    Json m_extra = Json::object();
    using IdIndex = StringIndex;
    IdIndex m_componentIndex;
    IdIndex m_linkIndex;
    IdIndex m_zoneIndex;
    std::vector<std::pair<int, Listener>> m_listeners;
    int m_nextListenerToken = 1;
};

} // namespace napkin
